"""Bytes to clean text: encoding detection, refusal of non-text files, Unicode normalisation.

Text files are decoded, never refused for their encoding: UTF-8 (with or without a
BOM), UTF-16 with a BOM or recognised by its pattern of NUL bytes, and anything
else as Windows-1252 (or Latin-1 for the few bytes Windows-1252 leaves undefined).
Files that are not text at all (binary, empty, whitespace-only, truncated UTF-16)
raise :class:`~msckg.errors.UnreadableSource` with a one-line message naming the file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from msckg.errors import UnreadableSource
from msckg.loaders.readers.layout import is_group_row

# Signatures of binary formats people are likely to drop into a corpus folder.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file: extract its text first (for example with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive or Office document, not text"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\x1f\x8b", "a gzip archive, not text"),
    (b"\x7fELF", "an executable, not text"),
)

_SPACES = re.compile("[\u00a0\u2007\u202f\u2000-\u200a\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_source(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode the bytes of a source file into normalised text.

    Returns the text and a list of warnings (for an encoding that had to be
    guessed). Raises :class:`UnreadableSource` for empty, whitespace-only,
    binary or truncated files; ``name`` is used in the message.
    """
    warnings: list[str] = []
    if not data:
        raise UnreadableSource(f"{name}: empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnreadableSource(f"{name}: binary file ({what})")

    text = _decode(data, name, warnings)
    controls = len(_CONTROL.findall(text))
    if controls and controls > 0.02 * len(text):
        raise UnreadableSource(f"{name}: binary file ({controls} control characters in {len(text)})")
    if controls:
        warnings.append(f"removed {controls} control character(s)")
    text = normalise_text(text)
    if not text.strip():
        raise UnreadableSource(f"{name}: file holds only whitespace")
    return text, warnings


#: the fewest lines (header included) of a block of tab-separated rows read as a table
TAB_TABLE_LINES = 3


def _tab_cells(line: str) -> int:
    """How many cells a line splits into at its tabs (leading and trailing tabs do not split)."""
    body = line.strip()
    return len(re.split(r"\t+", body)) if "\t" in body else 1


def _tab_tables_as_pipes(text: str) -> str:
    """Rows pasted from a spreadsheet, cells split by tabs, become pipe-table rows ("TSG-6 | 14.2 | Inhibits
    NF-κB"), which the readers know as tables: a run of at least three lines that each split at their tabs into
    the same number (two or more) of cells, with perhaps a one-cell line naming a group of rows between them
    (left as it is). Other tabs stay as they are (they become spaces)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        n = _tab_cells(lines[i])
        j = i
        while n >= 2 and j < len(lines):
            if _tab_cells(lines[j]) == n:
                j += 1
            elif j > i and j + 1 < len(lines) and _tab_cells(lines[j + 1]) == n and is_group_row(lines[j]):
                j += 2      # a row naming the group of rows under it ("Antibodies"), within the table
            else:
                break
        if j - i >= TAB_TABLE_LINES:
            for k in range(i, j):
                if "\t" in lines[k].strip():
                    lines[k] = " | ".join(re.split(r"[ \t]*\t[ \t]*", lines[k].strip()))
        i = max(j, i + 1)
    return "\n".join(lines)


def _decode(data: bytes, name: str, warnings: list[str]) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _utf8_or_fallback(data[len(codecs.BOM_UTF8):], warnings)
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return _utf16_or_32(data, "utf-32", name)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _utf16_or_32(data, "utf-16", name)
    guessed = _bomless_utf16(data)
    if guessed:
        warnings.append(f"no byte-order mark: decoded as {guessed.upper()}")
        return _utf16_or_32(data, guessed, name)
    if b"\x00" in data:
        raise UnreadableSource(f"{name}: binary file (contains NUL bytes)")
    return _utf8_or_fallback(data, warnings)


def _utf16_or_32(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableSource(
            f"{name}: truncated or corrupt {encoding.upper()} text ({exc.reason} at byte {exc.start})"
        ) from None


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit in every other position, as in mostly-ASCII UTF-16."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    even_nuls = even.count(0) / len(even)
    odd_nuls = odd.count(0) / len(odd)
    if odd_nuls > 0.6 and even_nuls < 0.1:
        return "utf-16-le"
    if even_nuls > 0.6 and odd_nuls < 0.1:
        return "utf-16-be"
    return None


def _utf8_or_fallback(data: bytes, warnings: list[str]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            # Valid UTF-8 cut inside its last character: keep what is there.
            warnings.append("the file ends inside a UTF-8 character: it may be truncated")
            return data[: exc.start].decode("utf-8")
    try:
        text = data.decode("cp1252")
        warnings.append("not valid UTF-8: decoded as Windows-1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        warnings.append("not valid UTF-8: decoded as Latin-1")
    return text


def normalise_text(text: str) -> str:
    """Unify line ends, compose characters (NFC), turn non-breaking spaces into spaces, drop invisibles.

    A soft hyphen before a line break becomes a plain hyphen so that line joining
    can decide about it; soft hyphens elsewhere are dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00ad\n", "-\n").replace("\u00ad", "")
    text = _tab_tables_as_pipes(text)
    text = text.replace("\t", " ")
    return _CONTROL.sub("", text)
