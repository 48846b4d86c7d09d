"""Readers, one per source format, each turning a source file into a :class:`Document`.

>>> from msckg.loaders.readers import read_document
>>> doc = read_document("examples/msc_sources_review_pdf.txt")   # doctest: +SKIP
>>> doc.format, doc.sections[0].title                            # doctest: +SKIP
('pdf_text', 'ABSTRACT')

Formats (``Document.format``): ``pubmed_page`` (a PubMed web page copied as text),
``markdown``, ``latex`` (a LaTeX source, read as the Markdown it converts to), ``medline`` (MEDLINE records
as PubMed exports them, ``.nbib``), ``pdf_text`` (text extracted from a PDF, hard line breaks) and
``plain_text``. The format is detected from the content
first, so Markdown (or LaTeX) saved as ``.txt`` is read as Markdown (or LaTeX). Each reader is ``read(text, source) -> Document`` and
is listed in :data:`READERS`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from msckg.errors import UnreadableSource
from msckg.loaders.document import Document
from msckg.loaders.readers import latex, markdown, medline, pdf_text, plain_text, pubmed  # noqa: F401  (they register)
from msckg.loaders.readers.decoding import decode_source, normalise_text
from msckg.loaders.readers.detection import FORMATS, detect_format
from msckg.loaders.readers.registry import READERS, Reader, register

__all__ = [
    "FORMATS", "READERS", "Reader", "SOURCE_EXTENSIONS", "detect_format", "iter_source_files", "read_document",
    "read_text", "register",
]

# What a folder is searched for; a file named explicitly is always tried.
SOURCE_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".tex", ".latex", ".nbib"})


def read_document(path: str | Path) -> Document:
    """Read one source file: decode it, detect its format, run that format's reader.

    Raises :class:`~msckg.errors.UnreadableSource` (one line naming the file) for a
    missing, binary, empty, whitespace-only or truncated file, or one that holds no
    sentence once cleaned.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableSource(f"{path}: cannot be read ({exc.strerror or exc})") from None
    text, warnings = decode_source(data, str(path))
    document = read_text(text, str(path), fmt=detect_format(path, text))
    document.warnings[:0] = warnings
    return document


def read_text(text: str, source: str = "<text>", *, fmt: str | None = None) -> Document:
    """Read already-decoded text as a document of format ``fmt`` (detected when None)."""
    text = normalise_text(text)
    fmt = fmt or detect_format(source, text)
    if fmt not in READERS:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(sorted(READERS))}")
    if not text.strip():
        raise UnreadableSource(f"{source}: file holds only whitespace")
    document = READERS[fmt](text, source)
    if not document.sentences:
        raise UnreadableSource(f"{source}: no sentence of text found after cleaning (read as {fmt})")
    return document


def iter_source_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to read for ``paths``: files as given, folders searched recursively for text and
    Markdown files (sorted; hidden files and folders skipped). Each file appears once."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            candidates = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SOURCE_EXTENSIONS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found
