"""Line-oriented reading of unmarked text: the engine behind the plain-text and PDF-text readers.

It walks the lines once, deciding for each whether it starts a heading, a figure
caption, a table, a reference list or a paragraph, and joins the lines of a
paragraph (undoing line-break hyphenation with :class:`WordEvidence`). Blank lines
end a paragraph unless the text plainly runs on (a double-spaced PDF abstract puts
a blank line after every line).

A paragraph opened by a structured-abstract label ("Methods: ...", "BACKGROUND: ...")
starts a section of that name and the label leaves the text; a record's field line
("Conditions: Perianal Fistula") stays text and never becomes a heading; a news
byline right after the title ("By ... | Mumbai | 21 August 2020") is metadata.

Tables are understood in the layout PDF extraction gives a three-column
"name | key points | Ref." table: a caption line "Table N. ...", a header line, then
per row the wrapped name, the wrapped key points and a bracketed reference cell,
then an optional footnote of abbreviations; and as a sheet exported as text: a header line of
column names split by pipes ("Product | Source | Indication | Status"), then one row per line.
"""

from __future__ import annotations

import re

from msckg.loaders.document import Document, Reference
from msckg.loaders.readers.builder import DocumentBuilder, repeated_half
from msckg.loaders.readers.citations import parse_citation_numbers
from msckg.loaders.readers.hyphenation import WordEvidence
from msckg.loaders.readers.layout import (
    columns_of_cell_lines, delimited_rows, ends_paragraph, heads_list, heads_next_line, is_all_caps, is_field_line,
    is_group_row, is_section_name, looks_like_abbreviation_list, looks_like_byline, looks_like_heading,
    narrative_section, one_record_per_line, parse_abbreviations, pipe_cells, run_in_label, section_role,
    stands_above, starts_lowercase,
)
from msckg.loaders.readers.references import find_doi, parse_reference_list, split_entry

_TABLE_CAPTION = re.compile(r"^Table\s+(\d+[A-Za-z]?)\s*[.:]\s*(.*)$")
_FIGURE_CAPTION = re.compile(r"^(?:Figure|Fig\.?)\s*(\d+[A-Za-z]?)\s*[.:]\s*(.*)$")
_REFS_CELL = re.compile(r"^\[([^\]]+)\]$")
_REF_HEADER = re.compile(r"\s+(Refs?\.?|References?)$", re.I)
_TEXT_COLUMNS = ("Key Points", "Key Findings", "Main Findings", "Findings", "Description", "Details", "Summary",
                 "Notes", "Key Features", "Outcomes", "Mechanisms", "Applications", "Advantages")
_BULLET = re.compile(r"^(?:[\u2022\u25cf\u25e6\u2023\u2043\u25aa]|[-*])\s+")
_KEYWORDS = re.compile(r"^(?:Key\s*words|Keywords)\s*[:\u2014\u2013-]\s*(.+)$", re.I)
_DOI_LINE = re.compile(r"^(?:DOI\s*:?\s*|https?://(?:dx\.)?doi\.org/)10\.", re.I)
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_MAX_ROW_LINES = 15
# a line standing above its paragraph is a heading up to this many words ("In Brief"), a sentence beyond
_RUN_IN_HEADING_WORDS = 4


def parse_keywords(text: str) -> list[str]:
    """Keywords from "a; b; c." (or comma-separated when there is no semicolon)."""
    parts = text.split(";") if ";" in text else text.split(",")
    return [p.strip().rstrip(".").strip() for p in parts if p.strip().rstrip(".").strip()]


class ProseReader:
    """Reads one unmarked text; :meth:`read` returns the Document."""

    def __init__(self, text: str, source: str, fmt: str, *, fix_glued_sentences: bool = False) -> None:
        self.lines = [line.strip() for line in text.split("\n")]
        self.evidence = WordEvidence(text)
        self.builder = DocumentBuilder(source, fmt)
        self.meta: dict = {"abbreviations": {}, "keywords": []}
        self.references: list[Reference] = []
        self.fix_glued = fix_glued_sentences
        self.role = "body"
        self.front_title = ""
        self.paragraph: list[str] = []
        self.back_matter: dict[str, str] = {}
        self.back_title = ""
        self.records_end = 0     # lines before this index are one record each (layout.one_record_per_line)
        self.heading_at = -1     # the line last read as a heading

    # -- the walk -------------------------------------------------------------------------------
    def read(self) -> Document:
        """Walk the lines and build the Document."""
        i = self._byline(self._title(self._first_content(0)))
        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            if not line:
                i = self._blank(i)
                continue
            if self.role == "references":
                i = self._reference_section(i)
                continue
            if not self.paragraph and i >= self.records_end and self.role == "body":
                end = self._chunk_end(i)
                # (a pipe table is no run of records, nor is one under its caption line, nor a table with a line
                # for each cell)
                if one_record_per_line(self.lines[i:end]) and not delimited_rows(self.lines[i:end]) \
                        and not (_TABLE_CAPTION.match(line) and (delimited_rows(self.lines[i + 1:end])
                                                                  or columns_of_cell_lines(self.lines[i + 1:end]))):
                    self.records_end = end
            if self._at_block_start() and i >= self.records_end:
                step = self._block_start(i)
                if step is not None:
                    i = step
                    continue
            if _PAGE_NUMBER.match(line) and self._blank_around(i):
                self.builder.warn("dropped page-number lines")
                i += 1
                continue
            if _BULLET.match(line) and self.paragraph:
                self._flush()
            self.paragraph.append(line)
            i += 1
            if i <= self.records_end:
                self._flush(record=True)
        self._flush()
        if self.back_matter:
            self.meta["back_matter"] = self.back_matter
            self.builder.warn("back matter kept as metadata, not sentences: " + ", ".join(self.back_matter))
        return self.builder.build(self.meta, self.references)

    def _first_content(self, i: int) -> int:
        while i < len(self.lines) and not self.lines[i]:
            i += 1
        return i

    def _blank_around(self, i: int) -> bool:
        before = self.lines[i - 1] if i > 0 else ""
        after = self.lines[i + 1] if i + 1 < len(self.lines) else ""
        return not before and not after

    def _at_block_start(self) -> bool:
        return not self.paragraph or ends_paragraph(self.paragraph[-1])

    def _block_start(self, i: int) -> int | None:
        """Handle a line that may open a table, caption or heading; None when it is ordinary text."""
        line = self.lines[i]
        table = _TABLE_CAPTION.match(line)
        if table:
            self._flush()
            return self._table(i)
        if not self.paragraph:
            n = delimited_rows(self.lines[i:i + 200])
            if n:
                return self._pipe_table(i, n)
        figure = _FIGURE_CAPTION.match(line)
        if figure and not self.paragraph:
            return self._figure(i, f"Figure {figure.group(1)}", figure.group(2))
        if not self.paragraph and self.role == "body":
            keywords = _KEYWORDS.match(line)
            if keywords:
                end = self._chunk_end(i)
                self.meta["keywords"] = parse_keywords(self.evidence.join_lines([keywords.group(1)] +
                                                                                 self.lines[i + 1:end]))
                return end
            if _DOI_LINE.match(line) and not self.meta.get("doi"):
                self.meta["doi"] = find_doi(line)
                return i + 1
        if self._is_heading(i):
            self._flush()
            self._heading(line)
            self.heading_at = i
            if heads_list(line):
                # "Highlights": each line of the list under it is an item of its own, when the lines end with no
                # stop (items that do end like sentences are split as sentences anyway)
                start = self._first_content(i + 1)
                end = self._chunk_end(start)
                if not any(starts_lowercase(item) or ends_paragraph(item) for item in self.lines[start:end]):
                    self.records_end = end
            return i + 1
        if not self.paragraph and self.role == "body" and i > 0 \
                and (not self.lines[i - 1] or self.heading_at == i - 1) \
                and stands_above(line, self.lines[i + 1:self._chunk_end(i)]) \
                and section_role(line) in ("body", "back"):
            # (a "Citation" line over a record is no front matter that would hide the text after it)
            if looks_like_heading(line, max_words=_RUN_IN_HEADING_WORDS):
                self._heading(line)     # "Problem", "In Brief", "Impact"
                return i + 1
            self.records_end = i + 1    # a finding stated as a subheading: a sentence of its own
            return None
        label = run_in_label(line) if self.role == "body" else None
        if label:
            # "Methods: PubMed, Embase ..." opens the Methods part of a structured abstract.
            self._flush()
            self.builder.heading(label[0], 2)
            if label[1]:
                self.paragraph.append(label[1])
            return i + 1
        return None

    def _chunk_end(self, i: int) -> int:
        while i < len(self.lines) and self.lines[i]:
            i += 1
        return i

    def _blank(self, i: int) -> int:
        j = self._first_content(i)
        if self.paragraph and j < len(self.lines) and j - i <= 3 and self._runs_on(self.paragraph[-1], j):
            return j
        self._flush()
        return j

    def _runs_on(self, previous: str, j: int) -> bool:
        following = self.lines[j]
        if _TABLE_CAPTION.match(following) or _FIGURE_CAPTION.match(following):
            return False
        if previous.endswith((",", "-")) and not is_all_caps(following):
            return True
        return not ends_paragraph(previous) and starts_lowercase(following)

    def _is_heading(self, i: int) -> bool:
        line = self.lines[i]
        if not looks_like_heading(line) or is_field_line(line):
            return False
        following = self.lines[i + 1] if i + 1 < len(self.lines) else ""
        if following and not is_all_caps(line) and not heads_next_line(line, following):
            return False
        return True

    # -- blocks ---------------------------------------------------------------------------------
    def _title(self, i: int) -> int:
        """Take the first chunk as the title when it reads like one; return where reading goes on."""
        end = self._chunk_end(i)
        chunk = self.lines[i:end]
        if not chunk or end >= len(self.lines) or len(chunk) > 3:
            return i
        if is_section_name(chunk[0]) or any(ends_paragraph(line) and not line.endswith("?") for line in chunk):
            return i
        title = self.evidence.join_lines(chunk)
        words = title.split()
        if (len(title) > 250 or len(words) < 4 or (is_all_caps(title) and len(words) < 6)
                or not (title[0].isupper() or title[0].isdigit()) or is_section_name(title)
                or _TABLE_CAPTION.match(title) or _FIGURE_CAPTION.match(title)):
            return i
        if not any(self.lines[end:]):
            return i  # nothing after it: the "title" is the whole text
        self.meta["title"] = title
        return end

    def _byline(self, i: int) -> int:
        """Keep a news byline standing alone right after the title (or at the top) as metadata."""
        i = self._first_content(i)
        if i < len(self.lines) and self._chunk_end(i) == i + 1 and looks_like_byline(self.lines[i]):
            self.meta["byline"] = self.lines[i]
            return i + 1
        return i

    def _heading(self, line: str) -> None:
        title = re.sub(r"\s+", " ", line).strip()
        role = section_role(title)
        self.role = role
        self.front_title = title if role == "front" else ""
        if role == "back":
            self.back_title = title
            return
        if role in ("references", "abbreviations", "front"):
            return
        level = 1 if is_all_caps(title) or is_section_name(title) else 2
        self.builder.heading(title, level)

    def _flush(self, *, record: bool = False) -> None:
        """End the paragraph; a ``record`` (one line of a block of records) never finishes the one before it."""
        if not self.paragraph:
            return
        text = self.evidence.join_lines(self.paragraph)
        self.paragraph = []
        if self.role == "back":
            key = self.back_title or "back matter"
            self.back_matter[key] = f"{self.back_matter.get(key, '')} {text}".strip()
            return
        if self.role == "abbreviations":
            self.meta["abbreviations"].update(parse_abbreviations(text))
            return
        if self.role == "front":
            if not narrative_section(self.front_title, text):
                return
            self.role = "body"      # "History" telling a history: its heading and text are the body's
            self.builder.heading(self.front_title, 2)
        if self.fix_glued:
            half = repeated_half(text)
            if half:
                self.builder.warn(f"text repeated verbatim ({half} characters) was read once")
                text = text[:half]
            if _GLUED.search(text):
                text = _GLUED.sub(" ", text)
                self.builder.warn("inserted a space between sentences glued together")
        self.builder.paragraph(text, may_continue=not record)

    def _figure(self, i: int, label: str, first: str) -> int:
        end = self._chunk_end(i)
        text = self.evidence.join_lines([first] + self.lines[i + 1:end])
        if self.role == "body":
            self.builder.caption(label, text)
        return end

    def _reference_section(self, i: int) -> int:
        """Parse the reference list from line ``i`` up to the next top-level heading that is not references."""
        j = i
        while j < len(self.lines):
            line = self.lines[j]
            if line and is_all_caps(line) and looks_like_heading(line) and section_role(line) != "references" \
                    and not split_entry(line):
                break
            j += 1
        lines = self._join_reference_lines(self.lines[i:j])
        references, warnings = parse_reference_list(lines)
        self.references.extend(references)
        for warning in warnings:
            self.builder.warn(warning)
        self.role = "body"
        return j

    def _join_reference_lines(self, lines: list[str]) -> list[str]:
        """One line per entry: wrapped lines (and line-break hyphens) joined."""
        entries: list[str] = []
        for line in lines:
            if not line:
                continue
            if split_entry(line) or not entries:
                entries.append(line)
            else:
                entries[-1] = self.evidence.join(entries[-1], line)
        return entries

    # -- tables ---------------------------------------------------------------------------------
    def _table(self, i: int) -> int:
        match = _TABLE_CAPTION.match(self.lines[i])
        caption = f"Table {match.group(1)}. {match.group(2)}".strip()
        j = self._first_content(i + 1)
        if j >= len(self.lines):
            self.builder.warn(f"{caption[:40]}: caption without a table")
            return j
        header_line = self.lines[j]
        ref_header = _REF_HEADER.search(header_line)
        piped = delimited_rows(self.lines[j:j + 200]) if not ref_header else 0
        if piped:
            return self._pipe_table(j, piped, caption)      # "Table 1. ..." over rows split by pipes (or tabs)
        end = self._chunk_end(j)
        columns = columns_of_cell_lines(self.lines[j:end]) if not ref_header else 0
        if columns:
            # "Trial or product" / "MSC source" / ... : a table copied from a web page, one cell per line
            cells = self.lines[j:end]
            rows = [tuple(cells[r:r + columns]) for r in range(0, len(cells), columns)]
            self.builder.table(caption, rows[0], rows[1:], row_citations=[() for _ in rows[1:]])
            return end
        if not ref_header:
            self.builder.warn(f"{caption[:40]}: table layout not understood; its lines are read as text")
            return i + 1
        header = (*_split_header(header_line[: ref_header.start()]), ref_header.group(1))
        rows: list[tuple[str, ...]] = []
        row_citations: list[tuple[int, ...]] = []
        k = j + 1
        while True:
            row = self._table_row(k)
            if row is None:
                break
            cells, numbers, k = row
            rows.append(cells)
            row_citations.append(numbers)
        footnote = ""
        f = self._first_content(k)
        if f < len(self.lines):
            end = self._chunk_end(f)
            candidate = self.evidence.join_lines(self.lines[f:end])
            if looks_like_abbreviation_list(candidate):
                footnote = candidate
                self.meta["abbreviations"].update(parse_abbreviations(candidate))
                k = end
        if not rows:
            self.builder.warn(f"{caption[:40]}: no rows found")
        self.builder.table(caption, header, rows, footnote=footnote, row_citations=row_citations)
        return k

    def _pipe_table(self, i: int, n: int, caption: str = "") -> int:
        """A table exported as text, one row per line, cells split by pipes: the first line is the header; a
        Markdown separator row ("---|---") and a line naming a group of rows ("Antibodies") are dropped."""
        rows = [pipe_cells(x) for x in self.lines[i:i + n] if not is_group_row(x)]
        rows = [r for r in rows if not all(re.fullmatch(r":?-+:?", c.replace(" ", "")) for c in r if c)]
        self.builder.table(caption, tuple(rows[0]), [tuple(r) for r in rows[1:]],
                           row_citations=[() for _ in rows[1:]])
        return i + n

    def _table_row(self, k: int) -> tuple[tuple[str, ...], tuple[int, ...], int] | None:
        """One row from line ``k``: its cells, its cited numbers and the line after it; None at the table's end."""
        chunks: list[list[str]] = [[]]
        count = 0
        while k < len(self.lines) and count <= _MAX_ROW_LINES:
            line = self.lines[k]
            if not line:
                if chunks[-1]:
                    chunks.append([])
                k += 1
                continue
            refs = _REFS_CELL.match(line)
            if refs and parse_citation_numbers(refs.group(1)):
                chunks = [c for c in chunks if c]
                if not chunks:
                    return None
                name_lines, point_lines = _split_row(chunks)
                cells = (self.evidence.join_lines(name_lines), self.evidence.join_lines(point_lines), line)
                return cells, parse_citation_numbers(refs.group(1)) or (), k + 1
            if _TABLE_CAPTION.match(line) or (count == 0 and self._is_heading(k)):
                return None
            chunks[-1].append(line)
            count += 1
            k += 1
        return None


def _split_header(text: str) -> tuple[str, str]:
    """Split "Application Area Key Points" into its two column names."""
    text = text.strip()
    for name in _TEXT_COLUMNS:
        if text.lower().endswith(" " + name.lower()):
            return text[: -len(name)].strip(), text[-len(name):]
    words = text.split()
    half = max(1, len(words) // 2)
    return " ".join(words[:half]), " ".join(words[half:])


def _split_row(chunks: list[list[str]]) -> tuple[list[str], list[str]]:
    """The name cell's lines and the key-points cell's lines of one row."""
    if len(chunks) >= 2:
        return chunks[0], [line for chunk in chunks[1:] for line in chunk]
    lines = chunks[0]
    cut = 0
    while cut < len(lines) - 1 and len(lines[cut]) <= 30 and not lines[cut].endswith("."):
        cut += 1
    return lines[:cut], lines[cut:]
