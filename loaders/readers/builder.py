"""Assemble a :class:`Document` from the blocks a reader found: headings, paragraphs, captions, tables.

Every reader walks its own layout and feeds the builder in reading order; the
builder owns what the contract promises whatever the format: paragraphs separated
by a blank line in ``text``, section ranges, sentence spans with their section and
cited reference numbers, citation offsets, repeated text read once, and a sentence
cut in two by a table or page break put back together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from msckg.loaders.document import Citation, Document, Reference, Section, Sentence, Table
from msckg.loaders.readers.citations import (
    Marker, find_author_year_citations, find_bracket_citations, find_glued_citations)
from msckg.loaders.readers.layout import ends_paragraph, starts_lowercase
from msckg.loaders.readers.sentences import split_sentences

PARAGRAPH_SEPARATOR = "\n\n"
_MIN_REPEAT = 40  # shorter paragraphs ("None.", "Not applicable.") may legitimately repeat


@dataclass
class _Paragraph:
    text: str
    markers: list[Marker]
    caption: str = ""  # figure label ("Figure 1") when the paragraph is a caption


@dataclass
class _Heading:
    title: str
    level: int


@dataclass
class _TableBlock:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    footnote: str
    row_citations: tuple[tuple[int, ...], ...]


@dataclass
class DocumentBuilder:
    """Collects a reader's blocks in order; :meth:`build` makes the Document."""

    source: str
    format: str
    blocks: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _seen: dict[str, int] = field(default_factory=dict)

    def heading(self, title: str, level: int) -> None:
        """Start a section. Headings are not part of ``text``; the section covers what follows."""
        title = re.sub(r"\s+", " ", title).strip()
        if title:
            self.blocks.append(_Heading(title, level))

    def paragraph(self, text: str, markers: list[Marker] | None = None, *, bracket_citations: bool = True,
                  may_continue: bool = True) -> None:
        """Add a body paragraph. ``markers`` are citations already located (e.g. removed ``<sup>``);
        bracketed numeric citations are found here unless ``bracket_citations`` is false. A paragraph
        that starts in lower case finishes an unfinished one before it, unless ``may_continue`` is false
        (a list item is a block of its own)."""
        text, markers = _tidy(text, list(markers or ()))
        if not text:
            return
        if bracket_citations:
            markers = _merge_markers(markers, find_bracket_citations(text))
            markers = _merge_markers(markers, find_glued_citations(text))
        text, markers = self._read_once(text, markers)
        if not text:
            return
        previous = self._open_paragraph()
        if may_continue and previous is not None and not ends_paragraph(previous.text) and starts_lowercase(text):
            # A sentence cut by a table, a figure or a page break: join the halves.
            shift = len(previous.text) + 1
            previous.text = f"{previous.text} {text}"
            previous.markers.extend(Marker(m.start + shift, m.end + shift, m.numbers, m.label) for m in markers)
            return
        self.blocks.append(_Paragraph(text, markers))

    def caption(self, label: str, text: str, markers: list[Marker] | None = None) -> None:
        """Add a figure caption: kept in ``text`` as its own paragraph and section named ``label``."""
        text, markers = _tidy(text, list(markers or ()))
        if text:
            self.blocks.append(_Paragraph(text, _merge_markers(markers, find_bracket_citations(text)), label))

    def table(self, caption: str, header: tuple[str, ...], rows: list[tuple[str, ...]], *, footnote: str = "",
              row_citations: list[tuple[int, ...]] | None = None) -> None:
        """Add a table (not part of ``text``); ``row_citations`` gives each row's cited reference numbers."""
        cites = tuple(row_citations) if row_citations else tuple(() for _ in rows)
        self.blocks.append(_TableBlock(caption.strip(), tuple(header), tuple(tuple(r) for r in rows),
                                       footnote.strip(), cites))

    def warn(self, message: str) -> None:
        """Record something dropped or suspicious."""
        if message not in self.warnings:
            self.warnings.append(message)

    def _open_paragraph(self) -> _Paragraph | None:
        """The last body paragraph, if no heading came after it (tables and captions may have)."""
        for block in reversed(self.blocks):
            if isinstance(block, _Heading):
                return None
            if isinstance(block, _Paragraph) and not block.caption:
                return block
        return None

    def _read_once(self, text: str, markers: list[Marker]) -> tuple[str, list[Marker]]:
        half = repeated_half(text)
        if half:
            self.warn(f"text repeated verbatim ({half} characters) was read once")
            text = text[:half]
            markers = [m for m in markers if m.end <= half]
        key = re.sub(r"\s+", " ", text).strip().lower()
        if len(key) >= _MIN_REPEAT:
            if key in self._seen:
                self.warn(f"dropped a repeated paragraph: {text[:50]!r}...")
                return "", []
            self._seen[key] = 1
        return text, markers

    def build(self, metadata: dict | None = None, references: list[Reference] | None = None) -> Document:
        """The Document: text, sections, sentences, citations, tables, references, metadata, warnings."""
        references = list(references or [])
        meta = {"title": None, "doi": None, "pmid": None, "journal": None, "year": None,
                "authors": [], "keywords": [], "abbreviations": {}}
        meta.update({k: v for k, v in (metadata or {}).items() if v is not None})
        pieces: list[str] = []
        offset = 0
        placed: list[tuple[int, _Paragraph]] = []
        headings: list[tuple[int, _Heading]] = []
        captions: list[tuple[int, int, str, int]] = []
        tables: list[Table] = []
        stack: list[_Heading] = []
        for block in self.blocks:
            if isinstance(block, _Heading):
                start = offset + (len(PARAGRAPH_SEPARATOR) if pieces else 0)
                headings.append((start, block))
                while stack and stack[-1].level >= block.level:
                    stack.pop()
                stack.append(block)
            elif isinstance(block, _TableBlock):
                tables.append(Table(block.caption, block.header, block.rows, stack[-1].title if stack else "",
                                    block.footnote, block.row_citations))
            else:
                if pieces:
                    offset += len(PARAGRAPH_SEPARATOR)
                    pieces.append(PARAGRAPH_SEPARATOR)
                placed.append((offset, block))
                if block.caption:
                    level = (stack[-1].level if stack else 0) + 1
                    captions.append((offset, offset + len(block.text), block.caption, level))
                pieces.append(block.text)
                offset += len(block.text)
        text = "".join(pieces)
        sections = _sections(headings, len(text)) + [Section(t, lv, s, e) for s, e, t, lv in captions]
        sections.sort(key=lambda s: (s.start, s.level))
        document = Document(source=self.source, format=self.format, text=text, metadata=meta,
                            sections=sections, tables=tables, references=references,
                            warnings=list(self.warnings))
        for start, paragraph in placed:
            markers = _merge_markers(paragraph.markers, find_author_year_citations(paragraph.text, references))
            document.citations.extend(Citation(start + m.start, start + m.end, m.numbers, m.label) for m in markers)
            spans = [(m.start, m.end) for m in markers]
            for s, e in split_sentences(paragraph.text, spans):
                cited: dict[int, None] = {}
                for m in markers:
                    inside = (s <= m.start and m.end <= e) if m.end > m.start else (s <= m.start <= e)
                    if inside:
                        cited.update(dict.fromkeys(m.numbers))
                document.sentences.append(Sentence(
                    index=len(document.sentences), start=start + s, end=start + e, text=paragraph.text[s:e],
                    section=document.section_at(start + s), citations=tuple(cited)))
        return document


def _sections(headings: list[tuple[int, _Heading]], length: int) -> list[Section]:
    sections = []
    for k, (start, heading) in enumerate(headings):
        end = length
        for later_start, later in headings[k + 1:]:
            if later.level <= heading.level:
                end = later_start
                break
        sections.append(Section(heading.title, heading.level, min(start, length), max(min(end, length), start)))
    return sections


def _tidy(text: str, markers: list[Marker]) -> tuple[str, list[Marker]]:
    """Collapse runs of whitespace to one space, keeping marker offsets right."""
    out: list[str] = []
    mapping: list[int] = []  # old offset -> new offset
    position = 0
    for char in text:
        mapping.append(position)
        if char.isspace():
            if not out or out[-1] == " ":
                continue
            char = " "
        out.append(char)
        position += 1
    mapping.append(position)
    joined = "".join(out)
    stripped = joined.rstrip()
    moved = []
    for m in markers:
        start, end = min(mapping[m.start], len(stripped)), min(mapping[m.end], len(stripped))
        moved.append(Marker(start, max(start, end), m.numbers, m.label))
    return stripped, moved


def _merge_markers(first: list[Marker], second: list[Marker]) -> list[Marker]:
    """Markers of both lists, dropping any in ``second`` that overlaps one in ``first``."""
    merged = list(first)
    for marker in second:
        if not any(marker.start < m.end and m.start < marker.end for m in first if m.end > m.start):
            merged.append(marker)
    return sorted(merged, key=lambda m: (m.start, m.end))


def repeated_half(text: str) -> int | None:
    """Length of the first copy when ``text`` is one block written twice ("...future.Mesenchymal...")."""
    n = len(text)
    if n < 2 * _MIN_REPEAT:
        return None
    for cut in range(n // 2, min(n, n // 2 + 4)):
        first = text[:cut].rstrip()
        second = text[cut:].lstrip()
        if first == second:
            return len(first)
    return None
