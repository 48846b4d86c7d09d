"""Which reader a text needs, judged by its content first and its file extension second."""

from __future__ import annotations

import re
from pathlib import Path

from msckg.loaders.readers.layout import ends_paragraph
from msckg.loaders.readers.medline import looks_like_medline

PUBMED_PAGE = "pubmed_page"
MARKDOWN = "markdown"
PDF_TEXT = "pdf_text"
PLAIN_TEXT = "plain_text"
LATEX = "latex"
MEDLINE = "medline"
FORMATS = (PUBMED_PAGE, MARKDOWN, PDF_TEXT, PLAIN_TEXT, LATEX, MEDLINE)

MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd"})
LATEX_EXTENSIONS = frozenset({".tex", ".latex"})
# LaTeX commands that only a LaTeX source holds: "\section{", "\cite{", "\begin{"
_LATEX_COMMAND = re.compile(r"\\(?:documentclass|usepackage|(?:sub)*section\*?|cite[pt]?|begin|end|textit|emph|label|"
                            r"ref)\{")

_PUBMED_MARKERS = (
    "Skip to main page content", "An official website of the United States government", "NCBI Homepage",
    "PubMed Disclaimer", "LinkOut - more resources", " - PubMed", "MeSH terms", "Similar articles",
)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$", re.M)
_MD_SUP = re.compile(r"<sup>[^<]{1,20}</sup>")
_MD_EMPHASIS = re.compile(r"\*\*[^*\n]+\*\*")
_MD_LINK = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)")


def detect_format(path: str | Path, text: str) -> str:
    """One of ``FORMATS`` for this text. Content wins over the extension: Markdown saved as
    ``.txt`` is read as Markdown, and a LaTeX source (three LaTeX commands such as ``\\section{`` or
    ``\\cite{``) as LaTeX; a ``.md`` file only decides when the content is neutral, a ``.tex`` file always.
    A MEDLINE export (it opens with "PMID- " and tagged field lines) is MEDLINE whatever its extension."""
    if looks_like_medline(text):
        return MEDLINE
    if sum(marker in text for marker in _PUBMED_MARKERS) >= 2:
        return PUBMED_PAGE
    if Path(path).suffix.lower() in LATEX_EXTENSIONS or len(_LATEX_COMMAND.findall(text)) >= 3:
        return LATEX
    score = markdown_score(text)
    if score >= 2:
        return MARKDOWN
    if looks_like_pdf_text(text):
        return PDF_TEXT
    if Path(path).suffix.lower() in MARKDOWN_EXTENSIONS:
        return MARKDOWN
    return PLAIN_TEXT


def markdown_score(text: str) -> int:
    """Evidence of Markdown: ATX headings, pipe tables, ``<sup>`` markers, bold, links."""
    headings = len(_MD_HEADING.findall(text))
    score = 2 if headings >= 2 else headings
    score += 2 if _MD_TABLE_RULE.search(text) else 0
    score += 1 if len(_MD_SUP.findall(text)) >= 2 else 0
    score += 1 if len(_MD_EMPHASIS.findall(text)) >= 2 else 0
    score += 1 if _MD_LINK.search(text) else 0
    return score


def looks_like_pdf_text(text: str) -> bool:
    """Hard line breaks inside sentences: many lines end mid-sentence and the next goes on in lower case."""
    lines = [line.strip() for line in text.split("\n")]
    content = [k for k, line in enumerate(lines) if line]
    if len(content) < 4:
        return False
    broken = 0
    for a, b in zip(content, content[1:]):
        first, second = lines[a], lines[b]
        if first.endswith("-") or (not ends_paragraph(first) and second[0].islower()):
            broken += 1
    return broken >= 3 and broken >= 0.25 * len(content)
