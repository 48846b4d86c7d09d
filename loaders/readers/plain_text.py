"""Reader for plain text: paragraphs separated by blank lines, maybe a title line, maybe headings.

Text pasted twice (an abstract copied with its duplicate glued on,
"...in the future.Mesenchymal stem cells...") is read once, and repeated
paragraphs are dropped (by the builder, for every format).
"""

from __future__ import annotations

from msckg.loaders.document import Document
from msckg.loaders.readers.prose import ProseReader
from msckg.loaders.readers.registry import register

FORMAT = "plain_text"


@register(FORMAT)
def read_plain_text(text: str, source: str) -> Document:
    """Read plain text into a Document."""
    return ProseReader(text, source, FORMAT, fix_glued_sentences=True).read()
