"""Reader for text extracted from a PDF (pdftotext and the like).

Quirks handled (see :mod:`msckg.loaders.readers.prose` and
:mod:`msckg.loaders.readers.hyphenation`): lines broken mid-sentence, a blank line
after every line of a double-spaced abstract, line-break hyphenation undone while
real hyphens stay ("pro-inflammatory", "HLA-DR"), ALL CAPS and short Title Case
headings, figure captions kept apart from the running text, column-wrapped tables
with a reference column, abbreviation footnotes, page numbers.
"""

from __future__ import annotations

from msckg.loaders.document import Document
from msckg.loaders.readers.prose import ProseReader
from msckg.loaders.readers.registry import register

FORMAT = "pdf_text"


@register(FORMAT)
def read_pdf_text(text: str, source: str) -> Document:
    """Read PDF-extracted text into a Document."""
    return ProseReader(text, source, FORMAT).read()
