"""A claim: one typed statement with its single piece of evidence, and its confidence."""

from __future__ import annotations

from dataclasses import dataclass, replace

from msckg.graph import schema
from msckg.loaders.vocabulary import Term


@dataclass(frozen=True)
class Claim:
    """One typed statement with its single piece of evidence."""

    type: str                    # a key of schema.RELATIONS, never MENTIONS/CITES
    subject: Term
    object: Term
    sentence: str                # evidence text: the sentence, or for a table row its cells joined with " | "
    section: str
    start: int                   # span of the evidence in document.text (-1, -1 for a table row)
    end: int
    cited: tuple[int, ...]       # reference numbers the sentence (or the row's Ref. cell) cites
    negated: bool
    hedged: bool
    trigger: str                 # the trigger word/phrase (or "table:<caption>")
    confidence: float            # 0..1 for this single piece of evidence
    properties: tuple[tuple[str, object], ...] = ()


# A process the vocabulary lists as a pathway, and the mechanism that is its inhibition. "HGF protects
# cardiomyocytes from apoptosis" (HGF INHIBITS apoptosis) and "HGF has anti-apoptotic effects" (HGF MEDIATES
# anti-apoptosis) state one fact; the graph keeps it once, as the mechanism (GO:0043066 is the negative regulation
# of the apoptotic process GO:0006915), so that asking what mediates anti-apoptosis finds both wordings.
INHIBITED_PROCESSES = {"GO:0006915": "GO:0043066"}


def canonical_triple(subject: str, rel: str, obj: str) -> tuple[str, str, str]:
    """The (subject, type, object) the graph keeps for a statement that can be written two ways."""
    if rel == "INHIBITS" and obj in INHIBITED_PROCESSES:
        return subject, "MEDIATES", INHIBITED_PROCESSES[obj]
    return subject, rel, obj


def canonical_claim(claim: Claim, vocabulary) -> Claim:
    """``claim`` in the form :func:`canonical_triple` gives, when the vocabulary holds the mechanism."""
    _, rel, obj = canonical_triple(claim.subject.id, claim.type, claim.object.id)
    if rel == claim.type:
        return claim
    mechanism = vocabulary.get(obj)
    return claim if mechanism is None else replace(claim, type=rel, object=mechanism)


def cells_acted_on(claims: list[Claim], vocabulary) -> list[Claim]:
    """``claims`` and, for a mechanism the vocabulary says acts on a cell type (``acts_on``) that the sentence
    names by a name holding those cells, the same claim's subject acting on them: "PGE2 promotes the polarisation
    of macrophages" also TARGETS the macrophages (not "M2 polarization was lost in macrophages"). A subject
    already said to act on them in that sentence is left as it is."""
    cells = {t.name: t for t in vocabulary.with_label(schema.CELL_TYPE)}
    out = list(claims)
    have = {(c.type, c.subject.id, c.object.id, c.start) for c in claims}
    for c in claims:
        name = dict(c.object.properties).get("acts_on") if c.type == "MEDIATES" else None
        term = cells.get(name) if name else None
        text = c.sentence.lower()
        if term is None or not any(name in form.lower() and form.lower() in text for form in c.object.surface_forms) \
                or not schema.RELATIONS["TARGETS"].allows(c.subject.label, term.label) \
                or ("TARGETS", c.subject.id, term.id, c.start) in have:
            continue
        have.add(("TARGETS", c.subject.id, term.id, c.start))
        out.append(replace(c, type="TARGETS", object=term))
    return out


def _clamp(value: float) -> float:
    return round(max(0.5, min(0.95, value)), 3)


#: what a hedge takes off a claim's confidence
HEDGE_PENALTY = 0.15


def confidence(strength: float, hedged: bool, gap: int, indirect: bool) -> float:
    """The confidence formula of :func:`extract_claims`."""
    value = strength - (HEDGE_PENALTY if hedged else 0.0) - min(0.2, 0.02 * max(0, gap - 2)) \
        - (0.05 if indirect else 0.0)
    return _clamp(value)


def hedged_confidence(value: float) -> float:
    """The confidence of an unhedged claim once it is found to be hedged."""
    return _clamp(value - HEDGE_PENALTY)

