"""Reader for Markdown papers (including Markdown saved as ``.txt``).

- ``#`` headings become sections with their level; the first ``#`` heading is the title.
  A lone short line in ALL CAPS or Title Case (a heading that lost its ``#`` in
  conversion) is a heading too.
- ``<sup>63</sup>``, ``<sup>65–67</sup>``, ``<sup>1,3,4</sup>`` and footnote markers ``[^12]`` are
  citations: the markup leaves ``text`` and a Citation stays at its offset. Footnote definitions
  (``[^12]: Author A. Journal. 2010.``) are references, wherever they stand. Emphasis, links, HTML tags and
  blockquote markers (``> ``) are removed; LaTeX such as ``$\\beta$`` becomes β.
- Bullet items are paragraphs; pipe tables become Tables (separator row dropped,
  cells stripped) with the caption of a preceding "Table N." line.
- Front matter (author line, affiliations, Correspondence, History, Copyright,
  "Cite this article", DOI, keywords) and the ABBREVIATIONS section go to metadata;
  back matter (Acknowledgments, Funding, Competing interests, ...) is not emitted as
  sentences; the REFERENCES list is parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from msckg.loaders.document import Document, Reference
from msckg.loaders.readers.builder import DocumentBuilder
from msckg.loaders.readers.citations import Marker, find_bracket_citations
from msckg.loaders.readers.hyphenation import WordEvidence
from msckg.loaders.readers.layout import (
    is_all_caps, looks_like_heading, narrative_section, parse_abbreviations, pipe_cells, section_role,
    starts_lowercase,
)
from msckg.loaders.readers.markup import clean_inline
from msckg.loaders.readers.prose import parse_keywords
from msckg.loaders.readers.references import find_doi, parse_reference_list
from msckg.loaders.readers.registry import register

FORMAT = "markdown"

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_QUOTE = re.compile(r"^\s{0,3}(?:>[ \t]?)+")
_ITEM = re.compile(r"^\s*(?:(?P<bullet>[-*+\u2022])|(?P<number>\d{1,4})[.)])\s+(?P<text>.*)$")
# a footnote's definition, "[^12]: Waterman RS, ... PLoS One. 2010;5:e10088." (its marker in the text is "[^12]")
_FOOTNOTE = re.compile(r"^\s{0,3}\[\^(?P<label>[^\]\s]+)\]:\s*(?P<text>.*)$")
_TABLE_SEPARATOR_CELL = re.compile(r"^:?-{1,}:?$")
_FIGURE = re.compile(r"^(?:Figure|Fig\.?)\s*(\d+[A-Za-z]?)\s*[.:]\s*")
_TABLE_CAPTION = re.compile(r"^Table\s*\d+[A-Za-z]?\s*[.:]")
_KEYWORDS = re.compile(r"^(?:Key\s*words|Keywords)\s*[:\u2014\u2013-]\s*(.+)$", re.I)
_DOI_PARAGRAPH = re.compile(r"^(?:DOI\s*:?\s*|https?://(?:dx\.)?doi\.org/)10\.", re.I)
_CITE = re.compile(r"^(?:Cite this article|How to cite(?: this article)?)\s*:?\s*(.+)$", re.I)
_AFFILIATION = re.compile(r"^\s*<sup>[^<]{1,12}</sup>\s*\S")
_NAME = re.compile(r"^[A-Z][\w'\u2019.\-]*(?:\s+(?:[A-Z][\w'\u2019.\-]*|van|von|de|der|da|di|le|la)){1,4}$")


@dataclass
class _Block:
    kind: str  # "heading" | "paragraph" | "item" | "table" | "footnote"
    lines: list[str] = field(default_factory=list)
    level: int = 0
    number: int | None = None  # numbered list item


def _blocks(text: str) -> list[_Block]:
    """Split Markdown into headings, paragraphs, list items and tables."""
    blocks: list[_Block] = []
    current: _Block | None = None

    def close() -> None:
        nonlocal current
        if current is not None and current.lines:
            blocks.append(current)
        current = None

    quoted = False  # whether the line before was inside a blockquote
    for raw in text.split("\n"):
        line = raw.rstrip()
        quote = _QUOTE.match(line)
        if quote:
            # A blockquote ("> Maintained by ..."): the markers go, the text is read like any other.
            if not quoted:
                close()
            line = line[quote.end():]
        quoted = bool(quote)
        stripped = line.strip()
        if not stripped:
            close()
            continue
        atx = _ATX.match(line)
        if atx:
            close()
            blocks.append(_Block("heading", [atx.group(2)], level=len(atx.group(1))))
            continue
        if stripped.startswith("|"):
            if current is None or current.kind != "table":
                close()
                current = _Block("table")
            current.lines.append(stripped)
            continue
        if current is not None and current.kind == "paragraph" and len(current.lines) == 1 and _SETEXT.match(line):
            blocks.append(_Block("heading", current.lines, level=1 if "=" in stripped else 2))
            current = None
            continue
        if _RULE.match(line):
            close()
            continue
        footnote = _FOOTNOTE.match(line)
        if footnote:
            close()
            label = footnote.group("label")
            current = _Block("footnote", [footnote.group("text")], number=int(label) if label.isdigit() else None)
            continue
        item = _ITEM.match(line)
        if item:
            close()
            number = int(item.group("number")) if item.group("number") else None
            current = _Block("item", [item.group("text")], number=number)
            continue
        if current is None or current.kind == "table":
            close()
            current = _Block("paragraph")
        current.lines.append(stripped)
    close()
    return blocks


@register(FORMAT)
def read_markdown(text: str, source: str) -> Document:
    """Read Markdown into a Document."""
    return _MarkdownPaper(text, source).read()


class _MarkdownPaper:
    def __init__(self, text: str, source: str) -> None:
        self.blocks = _blocks(text)
        self.evidence = WordEvidence(text)
        self.builder = DocumentBuilder(source, FORMAT)
        self.meta: dict = {"authors": [], "keywords": [], "abbreviations": {}}
        self.references: list[Reference] = []
        self.reference_lines: list[str] = []
        self.role = "body"
        self.role_title = ""
        self.front: dict[str, str] = {}
        self.back: dict[str, str] = {}
        self.seen_body_heading = False
        caps = [b.level for b in self.blocks[1:] if b.kind == "heading" and is_all_caps(b.lines[0])]
        self.caps_level = min(caps) if caps else 2

    def read(self) -> Document:
        pending_caption = ""
        for k, block in enumerate(self.blocks):
            following = self.blocks[k + 1] if k + 1 < len(self.blocks) else None
            if block.kind == "heading":
                if k == 0 and block.level == 1:
                    self.meta["title"] = clean_inline(block.lines[0])[0]
                    continue
                self._heading(clean_inline(block.lines[0])[0], block.level)
                continue
            if self.role == "references" or block.kind == "footnote":
                self._reference_block(block)    # (footnotes are references wherever they stand)
                continue
            if block.kind == "table":
                if self.role == "body":
                    self._table(block, pending_caption)
                pending_caption = ""
                continue
            raw = self.evidence.join_lines(block.lines)
            if self.role == "abbreviations":
                self.meta["abbreviations"].update(parse_abbreviations(clean_inline(raw)[0]))
                continue
            if self._metadata(raw):
                continue
            text, markers = clean_inline(raw)
            if self.role == "front" and narrative_section(self.role_title, text):
                self.role = "body"      # "History" telling a history: its heading and text are the body's
                self.builder.heading(self.role_title, 2)
            if self.role in ("front", "back"):
                store = self.front if self.role == "front" else self.back
                store[self.role_title] = f"{store.get(self.role_title, '')}\n{text}".strip()
                continue
            if block.kind == "paragraph" and _TABLE_CAPTION.match(text) and following and following.kind == "table":
                pending_caption = text
                continue
            figure = _FIGURE.match(text)
            if figure:
                cut = figure.end()
                self.builder.caption(f"Figure {figure.group(1)}", text[cut:],
                                     [Marker(max(0, m.start - cut), max(0, m.end - cut), m.numbers) for m in markers])
                continue
            if block.kind == "paragraph" and self._plain_heading(block, text, markers, following):
                continue
            self.builder.paragraph(text, markers, may_continue=block.kind != "item")
        return self._finish()

    def _finish(self) -> Document:
        if self.reference_lines:
            self.references, warnings = parse_reference_list(self.reference_lines)
            for warning in warnings:
                self.builder.warn(warning)
        for title, text in self.front.items():
            self._front_section(title, text)
        if self.back:
            self.meta["back_matter"] = self.back
            self.builder.warn("back matter kept as metadata, not sentences: " + ", ".join(self.back))
        return self.builder.build(self.meta, self.references)

    # -- headings ------------------------------------------------------------------------------
    def _heading(self, title: str, level: int) -> None:
        role = section_role(title)
        self.role, self.role_title = role, title
        if role == "body":
            self.seen_body_heading = True
            self.builder.heading(title, level)

    def _plain_heading(self, block: _Block, text: str, markers: list[Marker], following: _Block | None) -> bool:
        """A one-line paragraph that is a heading which lost its ``#``."""
        if len(block.lines) != 1 or markers or not looks_like_heading(text):
            return False
        if following is not None and following.kind in ("paragraph", "item") and starts_lowercase(following.lines[0]):
            return False
        level = self.caps_level if is_all_caps(text) else self.caps_level + 1
        self._heading(text, level)
        return True

    # -- front matter ----------------------------------------------------------------------------
    def _metadata(self, raw: str) -> bool:
        """Handle a paragraph that carries metadata rather than body text; True when it did."""
        plain = re.sub(r"<sup>.*?</sup>", "", raw).strip()
        if _AFFILIATION.match(raw):
            self.meta.setdefault("affiliations", []).append(clean_inline(re.sub(r"^\s*<sup>.*?</sup>", "", raw))[0])
            return True
        if not self.seen_body_heading and "title" in self.meta and not self.meta["authors"]:
            names = [n.strip() for n in re.split(r",\s*|\s+and\s+|\s*&\s*", clean_inline(plain)[0]) if n.strip()]
            if names and all(_NAME.match(n) for n in names) and ("<sup>" in raw or len(names) >= 2):
                self.meta["authors"] = names
                return True
        text = clean_inline(raw)[0]
        keywords = _KEYWORDS.match(text)
        if keywords:
            self.meta["keywords"] = parse_keywords(keywords.group(1))
            return True
        if _DOI_PARAGRAPH.match(text):
            self.meta.setdefault("doi", find_doi(text))
            return True
        cite = _CITE.match(text)
        if cite:
            self._citation(raw)
            return True
        return False

    def _citation(self, raw: str) -> None:
        cite = _CITE.match(raw.strip())
        self.meta["citation"] = clean_inline(cite.group(1) if cite else raw)[0]
        journal = re.search(r"(?<![*\w])\*([^*]+)\*(?!\*)", raw)
        after = raw[journal.end():] if journal else raw
        if journal:
            self.meta.setdefault("journal", journal.group(1).strip().rstrip("."))
        year = re.search(r"\b((?:19|20)\d\d)\b", after)
        if year:
            self.meta.setdefault("year", int(year.group(1)))
        volume = re.search(r";\s*(\d+)\s*(?:\(([^)]+)\))?\s*:\s*([\w\-\u2013]+)", after)
        if volume:
            self.meta.setdefault("volume", volume.group(1))
            if volume.group(2):
                self.meta.setdefault("issue", volume.group(2))
            self.meta.setdefault("pages", volume.group(3))

    def _front_section(self, title: str, text: str) -> None:
        key = re.sub(r"[^a-z]+", "_", title.lower()).strip("_") or "front_matter"
        if key in ("keywords", "key_words"):
            self.meta["keywords"] = parse_keywords(text.replace("\n", "; "))
        elif key == "history":
            history = dict(re.findall(r"([A-Z][A-Za-z ]+?)\s*:\s*(\S+)", text))
            self.meta["history"] = history
            if "year" not in self.meta:
                dates = [re.search(r"((?:19|20)\d\d)", d) for d in history.values()]
                years = [int(d.group(1)) for d in dates if d]
                if years:
                    self.meta["year"] = max(years)
        else:
            self.meta[key] = text

    # -- blocks with structure ---------------------------------------------------------------------
    def _reference_block(self, block: _Block) -> None:
        if block.kind in ("item", "footnote") and block.number is not None:
            self.reference_lines.append(f"{block.number}. {' '.join(block.lines)}")
        elif block.kind in ("item", "footnote"):
            self.reference_lines.append("- " + " ".join(block.lines))
        else:
            self.reference_lines.extend(block.lines)

    def _table(self, block: _Block, caption: str) -> None:
        rows = [pipe_cells(line) for line in block.lines]
        rows = [r for r in rows if any(r) and not all(_TABLE_SEPARATOR_CELL.match(c.replace(" ", "")) for c in r if c)]
        if not rows:
            return
        header_raw, body_raw = rows[0], rows[1:]
        header = tuple(clean_inline(c)[0] for c in header_raw)
        cleaned: list[tuple[str, ...]] = []
        cites: list[tuple[int, ...]] = []
        for raw_row in body_raw:
            cells = []
            numbers: dict[int, None] = {}
            for cell in raw_row:
                text, markers = clean_inline(cell)
                repaired = self.evidence.repair_split_words(text)
                if repaired != text:
                    self.builder.warn(f"table cell {text[:30]!r}: joined a word split by a hyphen")
                    text, markers = repaired, []
                markers += find_bracket_citations(text)
                for marker in markers:
                    numbers.update(dict.fromkeys(marker.numbers))
                cells.append(text)
            if len(cells) != len(header):
                self.builder.warn(f"table {caption[:30] or header[:2]}: a row has {len(cells)} cells for "
                                  f"{len(header)} columns")
                cells = (cells + [""] * len(header))[: len(header)]
            cleaned.append(tuple(cells))
            cites.append(tuple(numbers))
        self.builder.table(caption, header, cleaned, row_citations=cites)
