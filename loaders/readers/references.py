"""Reference list entries: authors, title, journal, year, DOI and PMID from one line of text.

Two layouts are understood:

- Markdown/Vancouver with an italic journal:
  ``Dominici M, et al. Minimal criteria ... *Cytotherapy*. 2006;8(4):315–317.``
- PubMed with dotted initials and NLM abbreviations:
  ``Merimi M., Najar M. The Therapeutic Potential ... Front. Cell Dev. Biol. 2021;9:661532. doi: 10.3389/...``
"""

from __future__ import annotations

import re
from typing import Iterable

from msckg.loaders.document import Reference
from msckg.loaders.readers.markup import clean_inline

_DOI = re.compile(r"(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)?\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)
_PMID = re.compile(r"\bPMID\s*:?\s*(\d{4,9})\b")
_PUBMED_LINKS = re.compile(r"(?:\s+-\s+(?:DOI|PMC|PubMed|Free PMC article|Free article|Review))+\s*$")
_ENTRY = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.)])\s+(\S.*)$")
_YEAR = re.compile(r"\b((?:19|20)\d\d)[a-z]?\b")
# Authors end at "et al." or at a group of initials followed by a space: "Najar M. ", "Caplan AI. ", "Rahman H.S. ".
_AUTHORS_END = re.compile(r"(?:\bet al\.|\b(?:[A-Z]\.){1,4}|\b[A-Z]{1,4}\.)(?=\s+\S)")
_JOURNAL_CONNECTORS = frozenset({"and", "of", "&", "the", "in", "for", "de", "la"})


def clean_doi(raw: str) -> str:
    """A DOI without its ``doi:``/URL prefix and without trailing punctuation or markup."""
    match = _DOI.search(raw.strip())
    doi = match.group(1) if match else raw.strip()
    doi = doi.rstrip(".,;:*_")
    while doi.endswith((")", "]")) and doi.count(doi[-1]) > doi.count("(" if doi[-1] == ")" else "["):
        doi = doi[:-1].rstrip(".,;:")
    return doi


def find_doi(text: str) -> str | None:
    """The first DOI in ``text``, cleaned; None when there is none."""
    match = _DOI.search(text)
    return clean_doi(match.group(1)) if match else None


def strip_pubmed_links(text: str) -> str:
    """Remove the " - DOI - PMC - PubMed" link labels a PubMed page copy appends to each reference."""
    return _PUBMED_LINKS.sub("", text.rstrip())


def split_entry(line: str) -> tuple[int, str] | None:
    """``(number, rest)`` when a line starts a numbered reference ("12. ...", "[12] ..."), else None."""
    match = _ENTRY.match(line)
    if not match:
        return None
    return int(match.group(1) or match.group(2)), match.group(3).strip()


def parse_reference(number: int, raw: str) -> Reference:
    """Parse one reference entry (without its leading number) into a :class:`Reference`."""
    raw = strip_pubmed_links(raw.strip())
    italic = re.search(r"(?<![*\w])\*(?!\*)([^*]+?)\*(?!\*)", raw)
    text, _ = clean_inline(raw)
    doi = find_doi(text)
    pmid_match = _PMID.search(text)
    authors_match = _AUTHORS_END.search(text)
    authors_end = authors_match.end() if authors_match else text.find(". ") + 1
    rest = text[authors_end:].strip() if authors_end > 0 else text
    title: str | None
    journal: str | None
    if italic:
        journal = clean_inline(italic.group(1))[0].strip().rstrip(".") or None
        before_journal = rest.split(journal, 1)[0] if journal and journal in rest else rest
        title = before_journal.strip().rstrip(".").strip() or None
        title = re.sub(r"\s*\bIn:\s*$", "", title).rstrip(".") if title else None
        after = rest.split(journal, 1)[1] if journal and journal in rest else rest
        year = _first_year(after) or _first_year(rest)
    else:
        title, journal, year = _title_journal_year(rest)
    title = title.rstrip(".").strip() if title else None
    return Reference(number=number, text=text, doi=doi, pmid=pmid_match.group(1) if pmid_match else None,
                     title=title or None, year=year, journal=journal)


def _first_year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _title_journal_year(rest: str) -> tuple[str | None, str | None, int | None]:
    """Title, journal and year of a reference without markup: the journal is the run of short,
    capitalised segments just before the segment that starts with the year ("2021;9:661532")."""
    segments = [s.strip() for s in re.split(r"\.\s+", rest) if s.strip()]
    year_at = next((k for k, seg in enumerate(segments) if re.match(r"(?:19|20)\d\d\b[^:]*[;:(]|(?:19|20)\d\d\s*$",
                                                                        seg)), None)
    if year_at is None:
        year = _first_year(rest)
        return (segments[0] if segments else None), None, year
    year = int(segments[year_at][:4])
    first_journal = year_at
    while first_journal > 1 and _looks_like_journal_segment(segments[first_journal - 1]):
        first_journal -= 1
    if first_journal == year_at and year_at >= 2:
        first_journal = year_at - 1  # a one-segment journal with long words, e.g. "Blood"
    journal = ". ".join(segments[first_journal:year_at]) or None
    title = ". ".join(segments[:first_journal]) or None
    return title, journal, year


def _looks_like_journal_segment(segment: str) -> bool:
    words = segment.split()
    if not words or len(words) > 5 or words[0] in ("A", "An"):
        return False
    return all(w[0].isupper() or w.lower() in _JOURNAL_CONNECTORS for w in words if w[0].isalpha())


def parse_reference_list(lines: Iterable[str], *, renumber: bool = False) -> tuple[list[Reference], list[str]]:
    """References from the lines of a reference section.

    Lines that do not start a numbered entry continue the previous one (a broken
    line, or a stray "- " bullet left by a converter). With ``renumber`` the
    entries are numbered 1..n in order whatever their printed numbers. Returns the
    references and warnings.
    """
    entries: list[list] = []  # [number, text]
    warnings: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        entry = split_entry(stripped)
        if entry:
            entries.append([entry[0], entry[1]])
        elif entries:
            entries[-1][1] = _continue_entry(entries[-1][1], stripped)
        else:
            warnings.append(f"reference list: ignored a line before the first entry: {stripped[:60]!r}")
    if renumber:
        printed = [n for n, _ in entries]
        if printed != list(range(1, len(entries) + 1)):
            warnings.append(f"reference list printed as {_summary(printed)}: renumbered 1..{len(entries)} in order")
        for k, entry in enumerate(entries, 1):
            entry[0] = k
    else:
        numbers = [n for n, _ in entries]
        if len(set(numbers)) != len(numbers):
            warnings.append("reference list repeats numbers: later entries with the same number are ignored")
    seen: set[int] = set()
    references = []
    for number, text in entries:
        if number in seen:
            continue
        seen.add(number)
        references.append(parse_reference(number, text))
    return references, warnings


def _continue_entry(previous: str, line: str) -> str:
    line = re.sub(r"^[-*+\u2022]\s+", "", line)
    # "*Journal of Hematology*" + "& Oncology. 2021;..." : a journal name cut by the converter goes back
    # inside the italics when what follows, up to its first full stop, is a few words without digits.
    head, _, tail = line.partition(". ")
    if (previous.endswith("*") and not previous.endswith("**") and tail
            and len(head.split()) <= 5 and not re.search(r"\d", head)):
        return f"{previous[:-1]} {head}*. {tail}"
    if previous.endswith("-") and line[:1].islower():
        return previous + line
    return f"{previous} {line}"


def _summary(numbers: list[int]) -> str:
    if numbers and all(n == numbers[0] for n in numbers):
        return f"'{numbers[0]}.' for every entry"
    return ", ".join(str(n) for n in numbers[:6]) + ("..." if len(numbers) > 6 else "")
