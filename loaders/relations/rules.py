"""The extractor's rules: trigger phrases, cues, agencies, countries and mechanism adjectives from ``rules/*.tsv``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from msckg.graph import schema
from msckg.loaders.entities import RULES_DIR, RulesError, read_tsv
from msckg.loaders.vocabulary import Term


TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|\S")


def tokens(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in TOKEN.findall(text))


@dataclass(frozen=True)
class TriggerRule:
    """One row of ``rules/triggers.tsv`` for one spelling."""

    form: str
    relation: str
    voice: str
    strength: float
    subject_window: int
    object_window: int
    properties: tuple[tuple[str, object], ...] = ()
    constraints: tuple[tuple[str, str], ...] = ()

    @property
    def glued(self) -> bool:
        """A form such as "-derived" that is written onto the entity before it."""
        return self.form.startswith("-")

    @property
    def participle(self) -> bool:
        """A one-word "-ed" form: a verb only after its subject or an auxiliary, not as an adjective."""
        return self.voice == "active" and " " not in self.form and self.form.endswith("ed")

    def admits_subject(self, term: Term) -> bool:
        """The ``subject_kind`` constraint: "miR-182 targets TLR4" inhibits, "IL-10 targets T cells" does not."""
        return all(term.kind in value.split("/") for key, value in self.constraints if key == "subject_kind")

    def admits_object(self, term: Term, word_before: str = "") -> bool:
        """The ``constraints`` on the object: its Factor kind, the word right before it. Vesicles are secreted, never
        a marker the cells carry or lack ("lacked CD34 and HLA-DR, and their EVs carried CD63")."""
        if self.relation == "EXPRESSES" and term.kind == "vesicle":
            return False
        for key, value in self.constraints:
            if key == "object_kind" and term.kind not in value.split("/"):
                return False
            if key == "object_not_after" and word_before in value.split("/"):
                return False
        return True


@dataclass(frozen=True)
class Rules:
    """Everything ``rules/*.tsv`` tells the relation extractor."""

    triggers: dict[tuple[str, ...], tuple[TriggerRule, ...]]
    cues: dict[str, frozenset[tuple[str, ...]]]
    agencies: tuple[tuple[str, str, tuple[str, ...]], ...]      # (agency, country, spellings)
    countries: tuple[tuple[str, tuple[str, ...]], ...]          # (country, spellings)
    adjectives: dict[tuple[str, ...], tuple[str, ...]]           # adjective tokens -> mechanism names
    longest: int = field(default=1)
    arrows: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (subject, object label, mark) -> type

    def cue(self, kind: str) -> frozenset[tuple[str, ...]]:
        return self.cues.get(kind, frozenset())

    def words(self, kind: str) -> frozenset[str]:
        """The first word of each cue of ``kind`` (for one-word cues such as "which" or "factors")."""
        return frozenset(p[0] for p in self.cue(kind))

    def cue_at(self, words: tuple[str, ...], kind: str) -> tuple[str, ...] | None:
        """The longest cue of ``kind`` that ``words`` start with."""
        return next((p for p in sorted(self.cue(kind), key=len, reverse=True) if words[:len(p)] == p), None)


NEGATION_SEARCH = "negation+pseudo"
ARROW_MARKS = ("none", "up", "down")


def _value(text: str) -> object:
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    try:
        return int(text)
    except ValueError:
        return text


@lru_cache(maxsize=4)
def load_rules(directory: Path = RULES_DIR) -> Rules:
    """Read triggers, cues, agencies, countries and mechanism adjectives; raise :class:`RulesError` if bad."""
    directory = Path(directory)
    triggers: dict[tuple[str, ...], list[TriggerRule]] = {}
    for row in read_tsv(directory / "triggers.tsv"):
        relation = row["relation"]
        if relation not in schema.TYPED_RELATIONS:
            raise RulesError(f"triggers.tsv: {relation!r} is not a typed relation of the schema")
        if row["voice"] not in ("active", "passive", "nominal"):
            raise RulesError(f"triggers.tsv: voice must be active, passive or nominal, not {row['voice']!r}")
        try:
            strength = float(row["strength"])
            windows = int(row["subject_window"]), int(row["object_window"])
        except ValueError as exc:
            raise RulesError(f"triggers.tsv: bad number in row for {relation}: {exc}") from None
        props = tuple(sorted(
            (k.strip(), _value(v.strip())) for k, v in
            (p.split("=", 1) for p in row.get("properties", "").split(",") if "=" in p)
        ))
        constraints = tuple(sorted(
            (k.strip(), v.strip()) for k, v in
            (p.split("=", 1) for p in row.get("constraints", "").split(",") if "=" in p)
        ))
        for form in (f.strip() for f in row["forms"].split("|")):
            if form:
                rule = TriggerRule(form, relation, row["voice"], strength, *windows, props, constraints)
                triggers.setdefault(tokens(form), []).append(rule)
    cues: dict[str, set[tuple[str, ...]]] = {}
    for row in read_tsv(directory / "cues.tsv"):
        cues.setdefault(row["kind"], set()).add(tokens(row["cue"]))
    agencies = tuple(
        (row["agency"], row["country"], tuple(a for a in [row["agency"], *row.get("aliases", "").split("|")] if a))
        for row in read_tsv(directory / "agencies.tsv"))
    countries = tuple(
        (row["country"], tuple(a for a in [row["country"], *row.get("aliases", "").split("|")] if a))
        for row in read_tsv(directory / "countries.tsv"))
    adjectives: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in read_tsv(directory / "mechanism_adjectives.tsv"):
        names = tuple(n.strip() for n in row["mechanism"].split("|") if n.strip())
        for adjective in row["adjective"].split("|"):
            if adjective.strip():
                adjectives[tokens(adjective)] = names
    arrows: dict[tuple[str, str, str], str] = {}
    for row in read_tsv(directory / "arrows.tsv"):
        key = (row["subject_label"], row["object_label"], row["mark"])
        if row["mark"] not in ARROW_MARKS or not schema.RELATIONS.get(row["relation"]) \
                or not schema.RELATIONS[row["relation"]].allows(key[0], key[1]):
            raise RulesError(f"arrows.tsv: {row['relation']!r} cannot join {key[0]} to {key[1]} "
                             f"(or mark {row['mark']!r} is not one of {', '.join(ARROW_MARKS)})")
        arrows[key] = row["relation"]
    # negations and pseudo-negations are searched together so that the longer "not only" wins over "not"
    cues[NEGATION_SEARCH] = cues.get("negation", set()) | cues.get("pseudo_negation", set())
    longest = max([len(k) for k in triggers] + [len(k) for kind in cues.values() for k in kind] + [1])
    return Rules({k: tuple(v) for k, v in triggers.items()}, {k: frozenset(v) for k, v in cues.items()},
                 agencies, countries, adjectives, longest, arrows)

