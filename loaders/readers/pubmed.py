"""Reader for a PubMed article page copied from a browser as text.

The page's chrome (the ".gov" banner, "Skip to main page content", "Access keys
NCBI Homepage ...", "PubMed Disclaimer", "MeSH terms", "LinkOut - more resources",
...) is dropped. What the page says about the article becomes metadata: title,
journal, date and year, volume/issue/pages, DOI, PMID, authors, keywords and
publication types; the title is the first title-like line after the article's
citation, DOI or type line, so a banner line above them cannot take its place.
The abstract is the body; figure captions are kept as caption sections. The
reference list, which the page renders with every entry numbered
"1.", is renumbered 1..n and stripped of its " - DOI - PMC - PubMed" link labels.
"""

from __future__ import annotations

import re

from msckg.loaders.document import Document, Reference
from msckg.loaders.readers.builder import DocumentBuilder
from msckg.loaders.readers.layout import looks_like_heading, run_in_label
from msckg.loaders.readers.prose import parse_keywords
from msckg.loaders.readers.references import find_doi, parse_reference_list
from msckg.loaders.readers.registry import register

FORMAT = "pubmed_page"

_CHROME_LINES = frozenset({
    "Skip to main page content", "U.S. flag", "An official website of the United States government",
    "Dot gov", "Https", "The site is secure.", "Here's how you know", "Official websites use .gov",
    "Secure .gov websites use HTTPS", "PubMed Disclaimer", "Affiliations", "Full text links", "Cite",
    "Display options", "Share", "Save", "Email", "Send to", "Actions", "Page navigation", "Title & authors",
    "Collapse", "Expand", "Add to Collections", "Add to My Bibliography", "Free article", "Free PMC article",
    "Item in Clipboard", "Show details", "See all similar articles", "Authors", "Author information",
})
_CHROME_PREFIXES = (
    "The .gov means", "Federal government websites", "The https:// ensures", "Access keys NCBI Homepage",
    "A lock (", "Share sensitive information only", "Clipboard, Search History", "Display options",
    "Copy citation", "Format:", "A .gov website belongs to",
)
_ARTICLE_TYPES = frozenset({
    "Review", "Systematic Review", "Meta-Analysis", "Clinical Trial", "Randomized Controlled Trial",
    "Comparative Study", "Case Reports", "Editorial", "Comment", "Letter", "Observational Study",
    "Multicenter Study", "Practice Guideline", "Guideline", "Published Erratum", "Clinical Trial, Phase I",
    "Clinical Trial, Phase II", "Clinical Trial, Phase III", "Preprint", "Research Support, Non-U.S. Gov't",
})
# Headers after which the page lists things that are not the article's text.
_SKIPPED_SECTIONS = frozenset({
    "MeSH terms", "Publication types", "Substances", "Grants and funding", "Similar articles", "Cited by",
    "LinkOut - more resources", "Related information", "Comment in", "Comment on", "Erratum in",
    "Supplementary info", "Associated data", "Update of", "Update in", "Expression of concern in",
    "Linkout - more resources",
})
_BACK_SECTIONS = frozenset({"Conflict of interest statement", "Grants and funding information"})
_MONTHS = {m: k for k, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                        "Nov", "Dec"), 1)}
_CITATION_LINE = re.compile(
    r"^(?P<journal>[^;]*?)\.?\s*(?P<year>(?:19|20)\d\d)(?:\s+(?P<month>[A-Z][a-z]{2})(?:\s+(?P<day>\d{1,2}))?)?"
    r"\s*;\s*(?P<volume>[^(:;.]*)(?:\((?P<issue>[^)]*)\))?(?::(?P<pages>[^.;\s]+))?")
_AUTHOR_LINE = re.compile(r"^(?P<first>.+?)\s+et al\.\s*(?P<journal>[^.]*)\.?\s*(?P<year>(?:19|20)\d\d)?")
_AUTHOR_ITEM = re.compile(r"^(?P<name>[A-Z][\w'\u2019.\-]*(?:\s+(?:[A-Z][\w'\u2019.\-]*|van|von|de|der|da|di|le|la))"
                          r"{1,4})(?:\s+\d+(?:\s+\d+)*)?$")
_FIGURE_LABEL = re.compile(r"^(?:Figure|Fig\.?)\s*(\d+[A-Za-z]?)$")
_KEYWORDS = re.compile(r"^Keywords\s*:\s*(.+)$", re.I)


@register(FORMAT)
def read_pubmed_page(text: str, source: str) -> Document:
    """Read a PubMed page copy into a Document."""
    return _PubMedPage(text, source).read()


class _PubMedPage:
    def __init__(self, text: str, source: str) -> None:
        self.lines = [line.strip() for line in text.split("\n")]
        self.builder = DocumentBuilder(source, FORMAT)
        self.meta: dict = {"authors": [], "keywords": []}
        self.references: list[Reference] = []
        self.dropped: list[str] = []
        self.in_article = False  # the article's own lines (citation, DOI, type, PMID) have begun
        self.preamble: list[str] = []  # title-like lines before them: page chrome, as a rule

    def read(self) -> Document:
        state = "head"
        reference_lines: list[str] = []
        back: dict[str, str] = {}
        back_title = ""
        figure = ""
        for line in self.lines:
            if not line:
                continue
            if line == "Abstract":
                state = "abstract"
                self.builder.heading("Abstract", 1)
                continue
            if line == "References":
                state = "references"
                continue
            if line == "Figures":
                state = "figures"
                continue
            if line in _SKIPPED_SECTIONS:
                state = "skip"
                continue
            if line in _BACK_SECTIONS:
                state, back_title = "back", line
                continue
            if line in _CHROME_LINES or line.startswith(_CHROME_PREFIXES):
                continue
            if state == "head":
                self._head_line(line)
            elif state == "abstract":
                self._abstract_line(line)
            elif state == "figures":
                label = _FIGURE_LABEL.match(line)
                if label:
                    figure = f"Figure {label.group(1)}"
                elif figure:
                    self.builder.caption(figure, line)
                    figure = ""
            elif state == "references":
                reference_lines.append(line)
            elif state == "back":
                back[back_title] = f"{back.get(back_title, '')} {line}".strip()
        if reference_lines:
            self.references, warnings = parse_reference_list(reference_lines, renumber=True)
            for warning in warnings:
                self.builder.warn(warning)
        if back:
            self.meta["back_matter"] = back
        if "title" not in self.meta and self.preamble:  # a copy without the citation line
            self.meta["title"] = self.preamble.pop(0)
        self.dropped[:0] = self.preamble
        if self.dropped:
            self.builder.warn(f"dropped {len(self.dropped)} unrecognised line(s) before the abstract: "
                              f"{self.dropped[0][:40]!r}...")
        return self.builder.build(self.meta, self.references)

    def _head_line(self, line: str) -> None:
        meta = self.meta
        if self._article_line(line):
            self.in_article = True
            return
        if meta.get("title") and self._author_list(line):
            return
        if line == meta.get("title"):
            return
        if "title" not in meta and len(line.split()) >= 3 and not line.startswith(("Epub", "©")):
            if self.in_article:
                meta["title"] = line  # the title follows the citation line
            else:
                self.preamble.append(line)
            return
        self.dropped.append(line)

    def _article_line(self, line: str) -> bool:
        """Handle a line that describes the article (DOI, PMID, type, citation, first author); True when it did."""
        meta = self.meta
        if line.lower().startswith("doi:"):
            meta.setdefault("doi", find_doi(line))
            return True
        pmid = re.match(r"^PMID:\s*(\d+)", line)
        if pmid:
            meta.setdefault("pmid", pmid.group(1))
            pmcid = re.search(r"PMCID:\s*(PMC\d+)", line)
            if pmcid:
                meta.setdefault("pmcid", pmcid.group(1))
            return True
        pmcid = re.match(r"^PMCID:\s*(PMC\d+)", line)
        if pmcid:
            meta.setdefault("pmcid", pmcid.group(1))
            return True
        if line in _ARTICLE_TYPES:
            types = meta.setdefault("publication_types", [])
            if line not in types:
                types.append(line)
            return True
        citation = _CITATION_LINE.match(line)
        if citation and "year" not in meta:
            self._citation(citation)
            return True
        author_line = _AUTHOR_LINE.match(line)
        if author_line and " et al." in line:
            first = author_line.group("first").strip()
            if not meta["authors"]:
                meta["authors"] = [first]
                self.builder.warn("the page lists only the first author (et al.)")
            if author_line.group("journal").strip() and not meta.get("journal"):
                meta["journal"] = author_line.group("journal").strip()
            if author_line.group("year") and "year" not in meta:
                meta["year"] = int(author_line.group("year"))
            return True
        return False

    def _citation(self, match: re.Match[str]) -> None:
        meta = self.meta
        journal = match.group("journal").strip(" .")
        if journal:
            meta["journal"] = journal
        year = int(match.group("year"))
        meta["year"] = year
        month = _MONTHS.get(match.group("month") or "")
        day = match.group("day")
        meta["date"] = f"{year}-{month:02d}-{int(day):02d}" if month and day else (
            f"{year}-{month:02d}" if month else str(year))
        for key in ("volume", "issue", "pages"):
            value = (match.group(key) or "").strip()
            if value:
                meta[key] = value

    def _author_list(self, line: str) -> bool:
        items = [item.strip() for item in re.split(r",\s*", line.rstrip(".")) if item.strip()]
        names = [_AUTHOR_ITEM.match(item) for item in items]
        if len(items) < 2 or not all(names):
            return False
        if not self.meta["authors"] or len(self.meta["authors"]) < len(items):
            self.meta["authors"] = [m.group("name") for m in names if m]
        return True

    def _abstract_line(self, line: str) -> None:
        keywords = _KEYWORDS.match(line)
        if keywords:
            self.meta["keywords"] = parse_keywords(keywords.group(1))
            return
        if looks_like_heading(line, max_words=4) and not line.endswith(":"):
            self.builder.heading(line, 2)  # structured abstract: "Background", "Methods", ...
            return
        label = run_in_label(line)
        if label:  # the same, run in: "Background: Diabetic foot ulcers ..."
            self.builder.heading(label[0], 2)
            line = label[1]
        if line:
            self.builder.paragraph(line)
