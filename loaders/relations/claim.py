"""A claim: one typed statement with its single piece of evidence, and its confidence."""

from __future__ import annotations

from dataclasses import dataclass

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


def _clamp(value: float) -> float:
    return round(max(0.5, min(0.95, value)), 3)


def confidence(strength: float, hedged: bool, gap: int, indirect: bool) -> float:
    """The confidence formula of :func:`extract_claims`."""
    value = strength - (0.15 if hedged else 0.0) - min(0.2, 0.02 * max(0, gap - 2)) - (0.05 if indirect else 0.0)
    return _clamp(value)

