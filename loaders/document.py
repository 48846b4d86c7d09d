"""The reader contract: every reader turns one source file into a :class:`Document`.

A Document is format-free. Its ``text`` is the cleaned body of the paper (site
chrome dropped, PDF line breaks joined, Markdown markup removed, duplicated
blocks read once); sentences, sections and citation spans are character
offsets into that text, so an evidence record can always point back at the
exact words it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reference:
    """One entry of a paper's numbered reference list."""

    number: int
    text: str
    doi: str | None = None
    pmid: str | None = None
    title: str | None = None
    year: int | None = None
    journal: str | None = None


@dataclass(frozen=True)
class Citation:
    """A citation marker in the text, with the reference numbers it expands to.

    ``[27-29]`` gives ``numbers=(27, 28, 29)``; ``<sup>1,3</sup>`` gives ``(1, 3)``;
    an author-year marker such as ``(Smith et al., 2020)`` has no numbers and keeps
    its ``label`` for matching against the reference list.
    """

    start: int
    end: int
    numbers: tuple[int, ...]
    label: str = ""


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == document.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str
    section: str
    citations: tuple[int, ...] = ()  # reference numbers cited inside this sentence


@dataclass(frozen=True)
class Section:
    """A heading and the character range of ``document.text`` it governs."""

    title: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Table:
    """A table as rows of cells; ``header`` names the columns.

    ``row_citations`` runs parallel to ``rows``: the reference numbers each row cites
    (a "Ref." cell such as ``[52-57]`` gives ``(52, ..., 57)``); empty when unknown.
    """

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    section: str = ""
    footnote: str = ""
    row_citations: tuple[tuple[int, ...], ...] = ()


@dataclass
class Document:
    """A source document, normalised by a reader.

    ``metadata`` holds what the source tells about itself: ``title``, ``doi``,
    ``pmid``, ``journal``, ``year``, ``date``, ``authors`` (list), ``keywords``
    (list). ``source`` is the path read and ``format`` the reader's name.
    """

    source: str
    format: str
    text: str
    metadata: dict = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return self.metadata.get("title")

    def reference(self, number: int) -> Reference | None:
        """The reference list entry with this number, if the document has one."""
        for ref in self.references:
            if ref.number == number:
                return ref
        return None

    def section_at(self, offset: int) -> str:
        """Title of the innermost section containing ``offset`` ('' if none)."""
        best: Section | None = None
        for sec in self.sections:
            if sec.start <= offset < sec.end and (best is None or sec.start >= best.start):
                best = sec
        return best.title if best else ""
