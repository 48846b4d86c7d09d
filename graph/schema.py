"""The graph schema: node labels, relationship types and which labels each joins.

This module is the one source of truth for labels and relationship types. The
Neo4j backend takes labels and types from here (never from input), the
extractor checks every relation against ``RELATIONS`` before it becomes an
edge, and the views colour nodes by ``LABELS``.
"""

from __future__ import annotations

from dataclasses import dataclass

MSC_SOURCE = "MSCSource"
FACTOR = "Factor"
PATHWAY = "Pathway"
DISEASE = "Disease"
PRODUCT = "Product"
PAPER = "Paper"
CELL_TYPE = "CellType"
MECHANISM = "Mechanism"

#: Every node label, in display order.
LABELS: tuple[str, ...] = (
    MSC_SOURCE, FACTOR, PATHWAY, DISEASE, PRODUCT, PAPER, CELL_TYPE, MECHANISM,
)
#: The labels whose nodes are also labelled ``:Entity`` (papers are not).
ENTITY_LABELS: tuple[str, ...] = tuple(lab for lab in LABELS if lab != PAPER)
ENTITY = "Entity"

#: Factor ``kind`` values used by the vocabulary and the pattern families.
FACTOR_KINDS: tuple[str, ...] = (
    "cytokine", "chemokine", "growth_factor", "enzyme", "small_molecule",
    "surface_marker", "receptor", "transcription_factor", "mirna", "vesicle",
    "protein", "hormone", "gene",
)


@dataclass(frozen=True)
class RelationType:
    """A relationship type and the labels it may join."""

    name: str
    subjects: frozenset[str]
    objects: frozenset[str]
    description: str

    def allows(self, subject_label: str, object_label: str) -> bool:
        return subject_label in self.subjects and object_label in self.objects


def _rel(name: str, subjects: tuple[str, ...], objects: tuple[str, ...], description: str) -> RelationType:
    return RelationType(name, frozenset(subjects), frozenset(objects), description)


_MOLECULAR = (FACTOR, PATHWAY)
_ENTITIES = ENTITY_LABELS

RELATIONS: dict[str, RelationType] = {r.name: r for r in (
    _rel("SECRETES", (MSC_SOURCE,), (FACTOR,), "an MSC source secretes or releases a factor"),
    _rel("EXPRESSES", (MSC_SOURCE,), (FACTOR,),
         "an MSC source expresses a marker (negative: true for markers MSCs lack)"),
    _rel("ACTIVATES", _MOLECULAR, _MOLECULAR, "a factor or pathway activates or induces another"),
    _rel("INHIBITS", _MOLECULAR, _MOLECULAR, "a factor or pathway inhibits or suppresses another"),
    _rel("MODULATES", _MOLECULAR, _MOLECULAR, "a factor or pathway regulates another, direction unstated"),
    _rel("TARGETS", (FACTOR, MSC_SOURCE), (CELL_TYPE,), "a factor or MSC source acts on a cell type"),
    _rel("TREATS", (MSC_SOURCE, FACTOR, PRODUCT), (DISEASE,), "the text claims benefit in a disease"),
    _rel("INVESTIGATED_FOR", (MSC_SOURCE, FACTOR, PRODUCT), (DISEASE,),
         "studied for a disease, no benefit claimed"),
    _rel("IMPLICATED_IN", (PATHWAY, FACTOR), (DISEASE,), "a pathway or factor takes part in a disease"),
    _rel("DERIVED_FROM", (PRODUCT,), (MSC_SOURCE,), "a product is made from an MSC source"),
    _rel("APPROVED_FOR", (PRODUCT,), (DISEASE,), "a product is approved for a disease (year, agency, country)"),
    _rel("MEDIATES", _MOLECULAR, (MECHANISM,), "a factor or pathway mediates a mechanism"),
    _rel("MENTIONS", (PAPER,), _ENTITIES, "a paper mentions an entity (property count)"),
    _rel("CITES", (PAPER,), (PAPER,), "a paper cites another"),
)}

#: Relationship types that state a claim (everything but the bookkeeping ones).
TYPED_RELATIONS: tuple[str, ...] = tuple(n for n in RELATIONS if n not in ("MENTIONS", "CITES"))

#: Properties aggregated on every typed relationship.
PROVENANCE_PROPERTIES: tuple[str, ...] = (
    "evidence_count", "papers", "cited_papers", "sentences", "negated", "hedged", "confidence",
)
#: At most this many verbatim sentences are kept on a relationship's ``sentences``.
MAX_SENTENCES = 20


def check_label(label: str) -> str:
    """Return ``label`` if the schema knows it, else raise ``ValueError``."""
    if label not in LABELS:
        raise ValueError(f"unknown node label {label!r}; the schema has {', '.join(LABELS)}")
    return label


def check_relation(rel_type: str, subject_label: str, object_label: str) -> RelationType:
    """Return the relation type if it may join these labels, else raise ``ValueError``."""
    rel = RELATIONS.get(rel_type)
    if rel is None:
        raise ValueError(f"unknown relationship type {rel_type!r}")
    if not rel.allows(subject_label, object_label):
        raise ValueError(f"{rel_type} does not join {subject_label} -> {object_label}")
    return rel
