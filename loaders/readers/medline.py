"""Reader for MEDLINE records as PubMed saves them ("Send to > Citation manager": a ``.nbib`` or ``.txt`` file).

Each line opens with a field tag of up to four capitals padded to four characters and "- " ("PMID- ",
"TI  - ", "AB  - "); a long value goes on over lines indented by six spaces; a blank line ends a record.

Each record becomes a section headed by its PMID: its title (TI), which often states the finding, is read as
text, then its abstract (AB); the labels of a structured abstract run into the text ("BACKGROUND: ...
METHODS: ...") become subheadings. The other fields
are metadata: PMID, DOI (LID/AID ending in "[doi]"), authors (FAU, else AU), journal (JT, else TA), date and
year (DP), volume (VI), issue (IP), pages (PG), publication types (PT), keywords (OT) and MeSH headings (MH).
Affiliations, history dates and the other bookkeeping fields are not text of the paper and are dropped.

A file holding several records is read as one document with a section per record: the document's metadata
are the first record's, every record's own metadata is kept under ``records``, and a warning says so.
"""

from __future__ import annotations

import re

from msckg.loaders.document import Document
from msckg.loaders.readers.builder import DocumentBuilder
from msckg.loaders.readers.registry import register

FORMAT = "medline"

# "PMID- 38871204", "TI  - Adipose-derived ...", "OTO - NOTNLM"
FIELD_LINE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]{1,3})\s*- (?P<value>.*)$")
CONTINUATION = "      "
# a structured abstract's labels, run into the text: "BACKGROUND: ...", "MATERIALS AND METHODS: ..."
_LABEL = re.compile(r"(?:(?<=^)|(?<=[.!?]\s))(?P<label>[A-Z][A-Z&/\- ]{2,40}[A-Z]):\s+")
_DOI = re.compile(r"^(?P<doi>10\.\S+)\s+\[doi\]$")
_DATE = re.compile(r"^(?P<year>(?:19|20)\d\d)(?:\s+(?P<month>[A-Z][a-z]{2})(?:\s+(?P<day>\d{1,2}))?)?")
_MONTHS = {m: k for k, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                        "Nov", "Dec"), 1)}


def looks_like_medline(text: str) -> bool:
    """A MEDLINE export: it opens (after blank lines) with a "PMID- " line, and tagged lines follow."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and lines[0].startswith("PMID- ") and sum(
        1 for line in lines[:40] if FIELD_LINE.match(line)) >= 3


def parse_records(text: str) -> list[list[tuple[str, str]]]:
    """The records of a MEDLINE text, each a list of (tag, value) with continuation lines joined."""
    records: list[list[tuple[str, str]]] = []
    fields: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if not line.strip():
            if fields:
                records.append(fields)
                fields = []
            continue
        match = FIELD_LINE.match(line)
        if match and not line.startswith(CONTINUATION):
            fields.append((match.group("tag"), match.group("value").strip()))
        elif fields:
            tag, value = fields[-1]
            fields[-1] = (tag, f"{value} {line.strip()}".strip())
    if fields:
        records.append(fields)
    return records


def record_metadata(fields: list[tuple[str, str]]) -> dict:
    """What a record says about its paper."""
    def first(*tags: str) -> str | None:
        """The first value of the first of ``tags`` the record has (in the order given)."""
        return next((value for wanted in tags for tag, value in fields if tag == wanted and value), None)

    def every(tag: str) -> list[str]:
        return [value for t, value in fields if t == tag and value]

    meta: dict = {"pmid": first("PMID"), "title": first("TI"), "journal": first("JT", "TA"),
                  "authors": every("FAU") or every("AU"), "keywords": every("OT"), "mesh_terms": every("MH"),
                  "publication_types": every("PT")}
    for tag, key in (("VI", "volume"), ("IP", "issue"), ("PG", "pages")):
        if first(tag):
            meta[key] = first(tag)
    doi = next((m.group("doi") for tag, value in fields if tag in ("LID", "AID")
                for m in [_DOI.match(value)] if m), None)
    if doi:
        meta["doi"] = doi
    date = _DATE.match(first("DP") or "")
    if date:
        year = int(date.group("year"))
        month = _MONTHS.get(date.group("month") or "")
        day = date.group("day")
        meta["year"] = year
        meta["date"] = f"{year}-{month:02d}-{int(day):02d}" if month and day else (
            f"{year}-{month:02d}" if month else str(year))
    return {k: v for k, v in meta.items() if v not in (None, [])}


@register(FORMAT)
def read_medline(text: str, source: str) -> Document:
    """Read a MEDLINE export into a Document (one section per record)."""
    builder = DocumentBuilder(source, FORMAT)
    records = [fields for fields in parse_records(text) if any(tag == "PMID" for tag, _ in fields)]
    metas = [record_metadata(fields) for fields in records]
    for fields, meta in zip(records, metas):
        builder.heading(f"PMID {meta.get('pmid')}", 1)
        if meta.get("title"):
            builder.paragraph(meta["title"])    # a title states its finding: it is read as text too
        abstract = " ".join(value for tag, value in fields if tag == "AB")
        if not abstract:
            builder.warn(f"record PMID {meta.get('pmid')} has no abstract (AB); only its title is read")
        for label, body in _structured(abstract):
            if label:
                builder.heading(label.capitalize(), 2)
            if body:
                builder.paragraph(body)
    meta = dict(metas[0]) if metas else {}
    if len(metas) > 1:
        meta["records"] = metas
        builder.warn(f"{len(metas)} MEDLINE records read as sections of one document; the document's metadata "
                     f"are those of the first (PMID {metas[0].get('pmid')})")
    return builder.build(meta)


def _structured(abstract: str) -> list[tuple[str, str]]:
    """(label, text) parts of an abstract: the label is "" before the first run-in label or when there is none."""
    parts: list[tuple[str, str]] = []
    label, at = "", 0
    for match in _LABEL.finditer(abstract):
        if abstract[at:match.start()].strip() or label:
            parts.append((label, abstract[at:match.start()].strip()))
        label, at = match.group("label"), match.end()
    parts.append((label, abstract[at:].strip()))
    return [(lab, body) for lab, body in parts if lab or body]
