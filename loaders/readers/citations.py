"""Citation markers: numeric (``[27-29]``, ``1,11-13``) and author-year (``(Smith et al., 2020)``).

Numeric markers expand to the reference numbers they name. Author-year markers keep
their label and, when the document has a reference list, are linked to the entry whose
first author and year match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from msckg.loaders.document import Reference

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_RANGE = rf"\d{{1,4}}(?:\s*[{DASHES}]\s*\d{{1,4}})?"
# The inside of a numeric marker: "27-29", "31, 33, 34", "1,11-13", "14–21".
NUMBERS = rf"{_RANGE}(?:\s*,\s*{_RANGE})*"
_NUMBERS_ONLY = re.compile(rf"^\s*{NUMBERS}\s*$")
_BRACKETED = re.compile(rf"\[({NUMBERS})\]")
_LARGEST_RANGE = 300


@dataclass(frozen=True)
class Marker:
    """A citation found in a piece of text: offsets are relative to that text."""

    start: int
    end: int
    numbers: tuple[int, ...]
    label: str = ""


def parse_citation_numbers(inner: str) -> tuple[int, ...] | None:
    """Expand a marker's inside into reference numbers; ``None`` if it is not a numeric marker.

    >>> parse_citation_numbers("27-29")
    (27, 28, 29)
    >>> parse_citation_numbers("1,11–13")
    (1, 11, 12, 13)
    """
    if not _NUMBERS_ONLY.match(inner):
        return None
    numbers: list[int] = []
    for part in inner.split(","):
        bounds = re.split(rf"\s*[{DASHES}]\s*", part.strip())
        low = int(bounds[0])
        high = int(bounds[-1])
        if high < low or high - low > _LARGEST_RANGE:
            numbers.extend((low, high) if high != low else (low,))
        else:
            numbers.extend(range(low, high + 1))
    if any(n == 0 for n in numbers):
        return None
    seen: dict[int, None] = dict.fromkeys(numbers)
    return tuple(seen)


def find_bracket_citations(text: str) -> list[Marker]:
    """Every ``[n]``, ``[n-m]``, ``[n, m]`` marker in ``text`` (brackets included in the span)."""
    found = []
    for match in _BRACKETED.finditer(text):
        numbers = parse_citation_numbers(match.group(1))
        if numbers:
            found.append(Marker(match.start(), match.end(), numbers))
    return found


# Superscript numbers that lost their formatting in a copy: glued to the punctuation after a word ("defects.21 Next",
# "levels,18 though", "immunosuppression.16,17" at the end of a paragraph). Not after an abbreviation that takes a
# number ("Fig.2", "No.3", "p.45"), not after a single capital ("Table A.2") and never a decimal (a letter or a
# bracket must come before the punctuation). An acronym may end the word ("in SCI.21 A related product").
_GLUED = re.compile(rf"(?<=[A-Za-z)\]][.,;])({NUMBERS})(?=\s+[A-Za-z(\[]|\s*$)")
_NUMBERED_ABBREVIATIONS = {"fig", "figs", "no", "nos", "vol", "p", "pp", "eq", "eqs", "ref", "refs", "ch", "sec",
                           "approx", "ca", "n", "v", "vs", "ver", "version", "step", "day", "phase", "grade"}


# The same numbers set apart by single spaces, as separate superscripts come out ("ischaemia.4 5 Hypoxia-inducible
# factor ..."): rising numbers, and a capital (a new sentence) or the end after them.
_GLUED_SPACED = re.compile(r"(?<=[A-Za-z)\]][.;])(\d{1,3}(?: \d{1,3})+)(?=\s+[A-Z(\[]|\s*$)")


def find_glued_citations(text: str) -> list[Marker]:
    """Reference numbers glued to the punctuation after a word, as superscripts are when a page is copied as text."""
    found = []
    for match in _GLUED.finditer(text):
        if _numbered_word_before(text, match.start()):
            continue
        numbers = parse_citation_numbers(match.group(1))
        if numbers and max(numbers) < 1000:
            found.append(Marker(match.start(), match.end(), numbers))
    for match in _GLUED_SPACED.finditer(text):
        numbers = tuple(int(n) for n in match.group(1).split())
        if not _numbered_word_before(text, match.start()) and list(numbers) == sorted(set(numbers)):
            found.append(Marker(match.start(), match.end(), numbers))
    return sorted(found, key=lambda m: m.start)


def _numbered_word_before(text: str, start: int) -> bool:
    """An abbreviation that takes a number ("Fig.2") or a single capital ("Table A.2") before the punctuation."""
    word = re.search(r"([A-Za-z]+)\W?$", text[max(0, start - 20):start - 1])
    return bool(word) and (word.group(1).lower() in _NUMBERED_ABBREVIATIONS
                           or len(word.group(1)) == 1 and word.group(1).isupper())


# "(Smith et al., 2020)", "(Smith and Jones 2019; Lee, 2018a)", "(Van Pham, 2024)"
_PARTICLE = r"(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Ll]a|[Ll]e|[Dd]a|[Dd]i|[Dd]u)\s+"
_NAME = rf"(?:{_PARTICLE})?[A-Z][A-Za-z\u00c0-\u024f'\u2019\-]+"


def _author_year(named: bool) -> str:
    name, year = ("?P<name>", "?P<year>") if named else ("?:", "?:")
    return (rf"({name}{_NAME})(?:\s+(?:et\s+al\.?|(?:and|&)\s+{_NAME}))?,?\s+"
            rf"({year}(?:19|20)\d\d)[a-z]?")


_AUTHOR_YEAR_ITEM = re.compile(_author_year(named=True))
_PARENTHETICAL = re.compile(rf"\({_author_year(False)}(?:\s*;\s*{_author_year(False)})*\)")
# Narrative form "Pham (2024)": only kept when a reference matches, since "Phase (2024)" is not a citation.
_NARRATIVE = re.compile(rf"\b(?P<name>{_NAME})(?:\s+et\s+al\.)?\s+\((?P<year>(?:19|20)\d\d)[a-z]?\)")


def find_author_year_citations(text: str, references: Sequence[Reference] = ()) -> list[Marker]:
    """Author-year markers in ``text``, each linked to a matching reference when there is one.

    A parenthetical marker holding several citations ("(A, 2019; B et al., 2020)")
    gives one Marker per citation, each spanning its own part of the text.
    """
    markers: list[Marker] = []
    taken: list[tuple[int, int]] = []
    for group in _PARENTHETICAL.finditer(text):
        taken.append(group.span())
        for item in _AUTHOR_YEAR_ITEM.finditer(text, group.start() + 1, group.end() - 1):
            number = match_reference(item.group("name"), int(item.group("year")), references)
            markers.append(Marker(item.start(), item.end(), (number,) if number else (), item.group(0)))
    if references:
        for item in _NARRATIVE.finditer(text):
            if any(s <= item.start() < e for s, e in taken):
                continue
            number = match_reference(item.group("name"), int(item.group("year")), references)
            if number:
                markers.append(Marker(item.start(), item.end(), (number,), item.group(0)))
    return sorted(markers, key=lambda m: m.start)


def first_author_surname(reference_text: str) -> str:
    """The surname part of a reference's first author ("Van Pham P. ..." -> "Van Pham")."""
    head = re.split(r"[,.;]", reference_text, maxsplit=1)[0].strip()
    words = head.split()
    # "Dominici M" / "Van Pham P": drop the trailing initials; "Smith J.A." was cut at the period.
    while len(words) > 1 and re.fullmatch(r"[A-Z]{1,3}", words[-1]):
        words.pop()
    return " ".join(words)


def match_reference(name: str, year: int, references: Iterable[Reference]) -> int | None:
    """Number of the reference whose first author's surname contains ``name`` and whose year is ``year``."""
    wanted = _fold(name)
    for ref in references:
        if ref.year != year:
            continue
        surname_words = [_fold(w) for w in first_author_surname(ref.text).split()]
        if wanted in surname_words or wanted == "".join(surname_words) or _fold(" ".join(surname_words)) == wanted:
            return ref.number
    return None


def _fold(word: str) -> str:
    return re.sub(r"[^a-z\u00c0-\u024f]", "", word.lower())
