"""Random, schema-valid knowledge graphs of any size, for parity tests and latency benchmarks.

The graph is made from a seed, so the same arguments give the same graph. It
holds every label and relationship type of the schema with realistic
properties: evidence records from several papers (some negated or hedged, some
citing other papers), approvals with agency, country and year, markers MSCs
lack, mentions and citations, and a skewed degree distribution so a few hubs
exist. A handful of anchor entities carry the names the query templates'
examples use (TGF-β, osteoarthritis, umbilical cord, ...), so every example
runs on a synthetic graph too.
"""

from __future__ import annotations

import random
from collections import Counter

from msckg.graph import schema
from msckg.graph.knowledge_graph import Evidence, KnowledgeGraph

#: Share of the (non-paper) nodes given to each label.
LABEL_SHARE = {
    schema.MSC_SOURCE: 0.02, schema.FACTOR: 0.40, schema.PATHWAY: 0.08, schema.DISEASE: 0.20,
    schema.PRODUCT: 0.02, schema.CELL_TYPE: 0.08, schema.MECHANISM: 0.05,
}
#: Share of the typed relationships given to each type.
TYPE_SHARE = {
    "SECRETES": 0.14, "EXPRESSES": 0.05, "ACTIVATES": 0.12, "INHIBITS": 0.12, "MODULATES": 0.05,
    "TARGETS": 0.08, "TREATS": 0.14, "INVESTIGATED_FOR": 0.08, "IMPLICATED_IN": 0.10,
    "DERIVED_FROM": 0.01, "APPROVED_FOR": 0.01, "MEDIATES": 0.10,
}
ANCHORS = (
    ("syn:msc", schema.MSC_SOURCE, "MSC", ("mesenchymal stem cells", "MSCs")),
    ("syn:umbilical-cord", schema.MSC_SOURCE, "umbilical cord", ("UC-MSC", "umbilical cord MSC")),
    ("syn:tgf-beta", schema.FACTOR, "TGF-β", ("TGF-beta", "transforming growth factor beta")),
    ("syn:exosomes", schema.FACTOR, "exosomes", ("exosome",)),
    ("syn:pi3k-akt-enos", schema.PATHWAY, "PI3K/AKT/eNOS", ("PI3K-AKT-eNOS pathway",)),
    ("syn:osteoarthritis", schema.DISEASE, "osteoarthritis", ("OA",)),
    ("syn:gvhd", schema.DISEASE, "graft-versus-host disease", ("GvHD", "graft-versus-host-disease")),
    ("syn:ryoncil", schema.PRODUCT, "Ryoncil", ("remestemcel-L",)),
)
_ANCHOR_CLAIMS = (
    ("SECRETES", "syn:msc", "syn:exosomes"), ("SECRETES", "syn:umbilical-cord", "syn:tgf-beta"),
    ("ACTIVATES", "syn:tgf-beta", "syn:pi3k-akt-enos"), ("IMPLICATED_IN", "syn:pi3k-akt-enos", "syn:osteoarthritis"),
    ("TREATS", "syn:msc", "syn:osteoarthritis"), ("TREATS", "syn:msc", "syn:gvhd"),
    ("DERIVED_FROM", "syn:ryoncil", "syn:msc"), ("APPROVED_FOR", "syn:ryoncil", "syn:gvhd"),
)
ANCHOR_PAPER = "doi:10.1186/s13287-021-02378-7"
_AGENCIES = (("FDA", "USA"), ("EMA", "EU"), ("MFDS", "South Korea"), ("PMDA", "Japan"), ("CDSCO", "India"))
_GREEK = ("α", "β", "γ", "κ")
_CONFIDENCES = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def synthetic_graph(nodes: int = 2000, edges: int = 10000, *, papers: int | None = None,
                    seed: int = 7) -> KnowledgeGraph:
    """A random graph of about ``nodes`` entities and ``edges`` typed relationships (plus papers,
    mentions and citations), the same for the same arguments."""
    rng = random.Random(seed)
    kg = KnowledgeGraph()
    papers = papers if papers is not None else max(5, nodes // 10)
    paper_ids = [ANCHOR_PAPER] + [f"doi:10.9999/synthetic.{i}" for i in range(1, papers)]
    for i, pid in enumerate(paper_ids):
        title = "Anchor review of MSC therapy" if i == 0 else f"Synthetic study {i}"
        kg.add_node(pid, schema.PAPER, title, title=title, year=1995 + i % 30, doi=pid.removeprefix("doi:"))

    by_label: dict[str, list[str]] = {label: [] for label in LABEL_SHARE}
    for label, share in LABEL_SHARE.items():
        for i in range(max(3, int(nodes * share))):
            slug = f"{label.lower()}-{i}"
            letter = _GREEK[i % len(_GREEK)]
            name = f"{label} {i}{letter}" if i % 5 == 0 else f"{label} {i}"
            extra: dict = {}
            if label == schema.FACTOR:
                extra["kind"] = schema.FACTOR_KINDS[i % len(schema.FACTOR_KINDS)]
            if label == schema.PRODUCT:
                extra.update(developer=f"Maker {i % 7}", kind="allogeneic", source="bone marrow")
            node_id = kg.add_node(f"syn:{slug}", label, name, synonyms=(f"{label[:3]}-{i}",),
                                  generated=(i % 11 == 0), **extra)
            by_label[label].append(node_id)
    # Anchors sit a twentieth of the way down the degree ranking: well connected, not the top hubs.
    for node_id, label, name, synonyms in ANCHORS:
        kg.add_node(node_id, label, name, synonyms=synonyms,
                    kind="cytokine" if label == schema.FACTOR else None)
        ids = by_label[label]
        ids.insert(len(ids) // 20, node_id)

    # Endpoint weights fall off with rank, so low-numbered entities become hubs.
    weights = {label: [1.0 / (rank + 1) ** 0.7 for rank in range(len(ids))] for label, ids in by_label.items()}

    def pick(labels: frozenset[str]) -> str:
        label = rng.choice(sorted(labels))
        return rng.choices(by_label[label], weights=weights[label])[0]

    types = list(TYPE_SHARE)
    shares = [TYPE_SHARE[t] for t in types]
    made = 0
    attempts = 0
    while made < edges and attempts < edges * 5:
        attempts += 1
        rel = schema.RELATIONS[rng.choices(types, weights=shares)[0]]
        subject, obj = pick(rel.subjects), pick(rel.objects)
        if kg.edge(subject, rel.name, obj) is not None:
            continue
        for k in range(rng.choice((1, 1, 1, 2, 2, 3))):
            props: tuple = ()
            if rel.name == "APPROVED_FOR":
                agency, country = rng.choice(_AGENCIES)
                props = (("agency", agency), ("country", country), ("year", rng.randint(2005, 2025)))
            elif rel.name == "EXPRESSES" and rng.random() < 0.2:
                props = (("negative", True),)
            paper = rng.choice(paper_ids)
            cited = tuple(sorted({rng.choice(paper_ids) for _ in range(rng.choice((0, 0, 0, 1, 2)))} - {paper}))
            start = rng.randint(0, 50000)
            kg.add_relation(rel.name, subject, obj, Evidence(
                paper=paper, sentence=f"Synthetic sentence {made}.{k}: {subject} {rel.name.lower()} {obj}.",
                section="Results", start=start, end=start + 80, cited=cited,
                negated=rng.random() < 0.05, hedged=rng.random() < 0.15,
                confidence=rng.choice(_CONFIDENCES), properties=props))
        made += 1

    # The examples' questions have answers: a few claims among the anchors, stated by the anchor paper.
    for n, (rel, subject, obj) in enumerate(_ANCHOR_CLAIMS):
        props = (("agency", "FDA"), ("country", "USA"), ("year", 2024)) if rel == "APPROVED_FOR" else ()
        kg.add_relation(rel, subject, obj, Evidence(
            paper=ANCHOR_PAPER, sentence=f"Anchor sentence {n}: {subject} {rel.lower()} {obj}.",
            section="Results", start=100 * n, end=100 * n + 60, confidence=0.8, properties=props))

    # Each paper mentions the objects of the claims it supports; it cites what its sentences cite.
    mentions: Counter = Counter()
    citations: set[tuple[str, str]] = set()
    for _s, o, data in kg.edges():
        for record in data.get("evidence", ())[:1]:
            mentions[(record.paper, o)] += 1
            citations.update((record.paper, cited) for cited in record.cited[:1])
    for (pid, entity), count in sorted(mentions.items()):
        kg.add_mentions(pid, entity, count)
    for pid, cited in sorted(citations):
        kg.add_citation(pid, cited)
    return kg
