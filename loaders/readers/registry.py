"""The registry of readers: format name -> ``read(text, source) -> Document``."""

from __future__ import annotations

from typing import Callable

from msckg.loaders.document import Document

Reader = Callable[[str, str], Document]

READERS: dict[str, Reader] = {}


def register(name: str) -> Callable[[Reader], Reader]:
    """Decorator adding a reader under a format name (the name goes into ``Document.format``)."""
    def add(reader: Reader) -> Reader:
        READERS[name] = reader
        return reader

    return add
