"""Sentence boundaries in a paragraph of scientific prose.

A rule-based splitter tuned for papers: a full stop does not end a sentence after
an abbreviation ("et al.", "e.g.", "vs.", "Fig. 1", "Dr.", "approx."), an initial or
initialism ("U.S. FDA", "A. Caplan"), a list number at the start of a paragraph, or
inside a number ("2.5 mg"). A citation marker right after the full stop ("repair. [12]")
belongs to the sentence it follows. Sentences may start with a capital, a digit, a
Greek letter, a quote or bracket, or a mixed-case token such as "miRNAs" or "iPSCs".
"""

from __future__ import annotations

import re
from typing import Sequence

# Compared exactly: capitalised forms that would be ordinary words or acronyms in lower or upper case.
_ABBREVIATIONS_EXACT = frozenset({
    "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr", "Inc", "Ltd", "Corp", "Dept", "Univ",
    "Fig", "Figs", "Eq", "Eqs", "Ref", "Refs", "Vol", "Suppl", "Ch", "Sec", "Nos", "Tab",
})
# Compared in lower case.
_ABBREVIATIONS_ANY_CASE = frozenset({
    "al", "vs", "fig", "figs", "approx", "ca", "cf", "viz", "resp", "incl", "eq", "ref", "refs",
    "vol", "pp", "eds", "esp", "suppl", "nos",
})
_CLOSERS = "\"'\u201d\u2019)"
_OPENERS = "\"'\u201c\u2018(["
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_MIXED_CASE_START = re.compile(r"[a-z]+[A-Z][\w\-]*")
# a figure or a multiplication sign right before a one-letter unit ("24 h.", "100,000 × g.", "7 d.")
_UNIT_BEFORE = re.compile(r"(?:\d|\u00d7) $")


def split_sentences(text: str, markers: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences in ``text``, whitespace trimmed.

    ``markers`` are spans of citation markers: a marker that follows a sentence's
    final punctuation is kept inside that sentence, and no boundary is placed
    inside a marker.

    >>> text = "MSCs secrete PGE2 (e.g. in vitro). It acts on T cells. [4] Next, IDO."
    >>> [text[s:e] for s, e in split_sentences(text, [(55, 58)])]
    ['MSCs secrete PGE2 (e.g. in vitro).', 'It acts on T cells. [4]', 'Next, IDO.']
    """
    spans = sorted((s, e) for s, e in markers if e > s)
    starts = {s: e for s, e in spans}
    bounds: list[int] = []
    for match in re.finditer(r"[.!?]", text):
        i = match.start()
        if any(s <= i < e for s, e in spans):
            continue
        end = _boundary_after(text, i, starts)
        if end is not None and (not bounds or end > bounds[-1]):
            bounds.append(end)
    sentences: list[tuple[int, int]] = []
    start = 0
    for end in bounds + [len(text)]:
        span = _trim(text, start, end)
        if span:
            sentences.append(span)
        start = end
    return sentences


def _boundary_after(text: str, i: int, marker_starts: dict[int, int]) -> int | None:
    """End offset of the sentence whose final punctuation is at ``i``, or None if ``i`` ends none."""
    j = i + 1
    while j < len(text) and text[j] in _CLOSERS:
        j += 1
    if text[i] == "." and not _full_stop_can_end(text, i, j):
        return None
    # Absorb citation markers that follow the punctuation: "injury. [4]", "cells. [18], [19]".
    absorbed = False
    while True:
        m = j
        if absorbed and text.startswith(",", m):
            m += 1
        while m < len(text) and text[m] == " ":
            m += 1
        if m not in marker_starts:
            break
        j = marker_starts[m]
        absorbed = True
    if j >= len(text):
        return j
    if not text[j].isspace():
        return None
    k = j
    while k < len(text) and text[k].isspace():
        k += 1
    if k >= len(text):
        return j
    return j if _can_start_sentence(text, k) else None


def _full_stop_can_end(text: str, i: int, after: int) -> bool:
    token_start = i
    while token_start > 0 and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:i]
    if not token:
        return False
    core = token.lstrip(_OPENERS)
    if not core:
        return True
    if core in _ABBREVIATIONS_EXACT or core.lower() in _ABBREVIATIONS_ANY_CASE:
        return False
    if core == "No" and re.match(r"\s*\d", text[after:]):
        return False
    if len(core) == 1 and core.islower() and _UNIT_BEFORE.search(text, 0, token_start):
        return True     # a unit after a figure: "for 24 h. High glucose ...", "at 100,000 × g. They ..."
    if _INITIALISM.fullmatch(core) or (len(core) == 1 and core.isalpha()):
        return False
    # "1. Adherence ..." at the start of a paragraph or right after a sentence is a list number.
    if core.isdigit() and len(core) <= 3:
        k = token_start
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if k == 0 or text[k - 1] in ".!?:;":
            return False
    return True


def _can_start_sentence(text: str, k: int) -> bool:
    c = text[k]
    if c.isupper() or c.isdigit() or "\u03b1" <= c <= "\u03c9":
        return True
    if c in _OPENERS:
        nxt = text[k + 1: k + 2]
        return bool(nxt) and (nxt.isupper() or nxt.isdigit())
    return bool(_MIXED_CASE_START.match(text, k))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
