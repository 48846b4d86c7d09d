"""Journal notices that withdraw trust from a paper: what a retraction note or an expression of concern
restates of the paper ("The article reported that UC-MSCs secreted HGF ...") is no established finding, so its
claims are kept but marked hedged. A correction is different: its corrected wording is what the journal now
states, so a correction (or erratum) ends the doubted stretch."""

from __future__ import annotations

import re
from dataclasses import replace

from msckg.loaders.document import Document
from msckg.loaders.relations.claim import Claim, hedged_confidence

# a sentence that opens a notice withdrawing trust
DOUBT = re.compile(r"\b(?:(?:have|has) retracted (?:this|the) (?:article|paper)|(?:this|the) (?:article|paper) has "
                   r"been retracted|retraction note|expression of concern)\b", re.IGNORECASE)
# a sentence that opens a notice of another kind, which ends the doubted stretch
OTHER_NOTICE = re.compile(r"^(?:correction|erratum|corrigendum|addendum)\b", re.IGNORECASE)


def doubted_spans(document: Document) -> list[tuple[int, int]]:
    """Character spans of the document from each doubting sentence to the next notice of another kind."""
    spans: list[tuple[int, int]] = []
    start = None
    for sentence in document.sentences:
        if start is not None and OTHER_NOTICE.match(sentence.text):
            spans.append((start, sentence.start))
            start = None
        if start is None and DOUBT.search(sentence.text):
            start = sentence.start
    if start is not None:
        spans.append((start, len(document.text)))
    return spans


def hedge_doubted(document: Document, claims: list[Claim]) -> list[Claim]:
    """``claims`` with those stated inside a retraction note or an expression of concern marked hedged."""
    spans = doubted_spans(document)
    if not spans:
        return claims
    return [replace(c, hedged=True, confidence=hedged_confidence(c.confidence))
            if not c.hedged and any(a <= c.start < b for a, b in spans) else c for c in claims]
