"""Layout judgements shared by the readers: headings, paragraph ends, front and back matter."""

from __future__ import annotations

import re

_TERMINAL = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*$")
_SECTION_NAMES = frozenset({
    "abstract", "summary", "introduction", "background", "methods", "materials and methods", "results",
    "discussion", "results and discussion", "conclusion", "conclusions", "references", "bibliography",
    "acknowledgments", "acknowledgements", "keywords", "abbreviations", "significance", "significance statement",
    "key points",
})
# conventional subheadings of a Discussion (BMJ style), written straight above their text
_SUBSECTION_NAMES = frozenset({
    "principal findings", "possible mechanisms", "comparison with other studies", "strengths and limitations",
    "strengths and limitations of this study", "conclusions and implications", "policy implications",
    "meaning of the study", "unanswered questions and future research",
})
# headings over a list written one item per line, with no bullets and no final stops (Cell Press "Highlights")
_LIST_HEADINGS = frozenset({"highlights", "key points", "synopsis", "summary points", "key messages",
                            "key findings", "take-home messages"})
_SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
    "via", "vs", "versus", "its", "their", "between", "through", "under",
})
_REFERENCE_TITLES = ("references", "reference list", "bibliography", "literature cited", "works cited",
                     "cited literature")
_ABBREVIATION_TITLES = ("abbreviations", "list of abbreviations", "abbreviations used")
_FRONT_MATTER = ("correspondence", "history", "article history", "copyright", "author information", "affiliations",
                 "cite this article", "how to cite", "citation", "key words", "keywords", "received")
_BACK_MATTER = ("acknowledg", "funding", "financial support", "author contribution", "author's contribution",
                "authors' contribution", "authors contribution", "availability of data", "data availability",
                "ethics approval", "ethical approval", "ethics statement", "consent for publication",
                "competing interest", "conflict of interest", "conflicts of interest", "declaration of",
                "supplementary", "supporting information", "publisher's note", "disclosure", "open access",
                "institutional review board", "informed consent")
# back-matter titles only as the whole title: "Notes" is the article's notes, "Notes on the included studies" body text
_BACK_MATTER_TITLES = ("notes", "footnotes", "endnotes", "end notes", "notes and references")

# Run-in labels of a structured abstract ("Methods: PubMed, Embase ... were searched").
_RUN_IN_LABELS = frozenset({
    "background", "introduction", "context", "objective", "objectives", "aim", "aims", "purpose", "methods",
    "method", "materials and methods", "methods and materials", "design", "study design", "results", "findings",
    "conclusion", "conclusions", "interpretation", "discussion", "significance",
})
_RUN_IN = re.compile(r"^(?P<label>[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2})\s*:(?:\s+(?P<rest>\S.*))?$")
# A record's field line: a short label, a colon, a value ("Conditions: Perianal Fistula").
_FIELD = re.compile(r"^[A-Z][\w.'()/&\-]*(?:\s+[\w.'()/&\-]+){0,3}\s*:\s+\S")
# A news byline: "By our Health Desk | Mumbai | 21 August 2020", "By Jane Roe, Staff Reporter".
_BYLINE = re.compile(r"^By\s+(?:[A-Z]|(?:our|the)\b)")
_BYLINE_MARK = re.compile(r"[|\u2022\u00b7]|\s[\u2013\u2014-]\s|\b(?:19|20)\d\d\b")
_BYLINE_WORDS = frozenset({"and", "&", "of", "the", "our"})


def ends_paragraph(text: str) -> bool:
    """Whether ``text`` ends like a finished sentence (final punctuation, maybe a closing quote after it)."""
    return bool(_TERMINAL.search(text.rstrip()))


def starts_lowercase(text: str) -> bool:
    """Whether ``text`` begins with a lower-case letter (a continued sentence, not a new one)."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0].islower()


def is_all_caps(text: str) -> bool:
    """Upper-case heading such as "IMMUNOMODULATORY MECHANISMS" (at least three letters, none lower case)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def looks_like_heading(line: str, *, max_words: int = 10) -> bool:
    """A short standalone line that reads as a heading: no final punctuation, starts with a capital
    (or a digit or quote), all caps or at most ``max_words`` words not ending on a small word."""
    text = line.strip()
    if not (2 <= len(text) <= 100) or text[-1] in ".,;:!?-\u2013(" or "[" in text:
        return False
    first = text.lstrip("\"'\u201c\u2018")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    words = text.split()
    if len(words) > (16 if is_all_caps(text) else max_words):
        return False
    if words[-1].lower() in _SMALL_WORDS:
        return False
    if re.match(r"^(?:Table|Figure|Fig\.)\s*\d", text):
        return False
    return any(c.isalpha() for c in text) and not re.fullmatch(r"[\d\s.,;:()/\-]+", text)


# a numbered section heading: "3. Results", "3.1. MSCs reduced cartilage degeneration", "2.4 Statistics"
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+[A-Z]")


def heads_next_line(line: str, following: str) -> bool:
    """A heading written straight above its text with no blank line between: a numbered heading ("3.1. MSCs
    reduced cartilage degeneration"), a conventional section name ("Results", "Significance") or Discussion
    subheading ("Principal findings", "Possible mechanisms") or list heading ("Highlights"), with the text after it
    opening on a capital letter (a wrapped sentence would go on in lower case)."""
    text = line.strip()
    if not looks_like_heading(text) or not following[:1].isupper():
        return False
    return bool(_NUMBERED_HEADING.match(text)) or is_section_name(text) or _norm(text) in _SUBSECTION_NAMES \
        or heads_list(text)


def heads_list(title: str) -> bool:
    """A heading over a list of one-line items ("Highlights", "Key points", "Synopsis")."""
    return _norm(title) in _LIST_HEADINGS


def stands_above(line: str, paragraph: list[str]) -> bool:
    """A line on its own straight above a paragraph (its lines are ``paragraph``): a run-in heading ("Problem",
    "In Brief") or a finding written as a subheading ("hADSCs reduced lesion volume and spared white matter and
    axons"). It does not end like a sentence; the paragraph opens on a capital letter, its first line is at least
    half as long again as the line (the first line of a wrapped paragraph is about as long as the next), and its
    last line ends like a sentence (a label over a value, "Country" over "United Kingdom, Italy", is a record)."""
    text = line.strip()
    if not text or not paragraph or ends_paragraph(text) or text[-1] in ",-(\u2013" or is_field_line(text) \
            or len(text.split()) > 20 or not (text[0].isalnum() or text[0] in "\"'\u201c") \
            or not any(c.isalpha() for c in text):
        return False
    first = paragraph[0].strip()
    return first[:1].isupper() and len(first) >= 1.5 * len(text) and ends_paragraph(paragraph[-1])


def run_in_label(line: str) -> tuple[str, str] | None:
    """``("Methods", "PubMed ... were searched.")`` for a paragraph opened by a structured-abstract label
    ("Methods: ...", "BACKGROUND: ..."); the rest is "" when the label stands alone. None otherwise."""
    match = _RUN_IN.match(line.strip())
    if not match or _norm(match.group("label")) not in _RUN_IN_LABELS:
        return None
    return match.group("label"), match.group("rest") or ""


def is_field_line(line: str) -> bool:
    """A "Label: value" line of a record ("Conditions: Perianal Fistula", "Phase: 3"): text, not a heading."""
    return bool(_FIELD.match(line.strip()))


def looks_like_byline(line: str) -> bool:
    """A news byline ("By our Health Desk | Mumbai | 21 August 2020", "By Jane Roe"): "By", then a
    separator or a year, or nothing but names; short, with no final punctuation."""
    text = line.strip()
    if not _BYLINE.match(text) or ends_paragraph(text) or len(text.split()) > 15:
        return False
    names = text.split()[1:]
    return bool(_BYLINE_MARK.search(text)) or all(w[0].isupper() or w in _BYLINE_WORDS for w in names)


def is_section_name(title: str) -> bool:
    """A conventional top-level section name (Abstract, Introduction, Conclusions, ...)."""
    return _norm(title) in _SECTION_NAMES


def section_role(title: str) -> str:
    """What a section holds: "references", "abbreviations", "front", "back" or "body"."""
    norm = _norm(title)
    if norm in _REFERENCE_TITLES:
        return "references"
    if norm in _ABBREVIATION_TITLES:
        return "abbreviations"
    if norm in _FRONT_MATTER:
        return "front"
    if norm.startswith(_BACK_MATTER) or norm in _BACK_MATTER_TITLES:
        return "back"
    return "body"


def narrative_section(title: str, text: str) -> bool:
    """A front-matter title over narrative text: "History" in an encyclopedia article tells a history, where a
    journal's "History" lists dates ("Received: ..."); a journal's "Correspondence" section of letters to the
    editor argues, where an article's "Correspondence" gives an author's address. Such a section is read as body
    text."""
    words = text.split()
    title = _norm(title)
    if title not in ("history", "correspondence") or len(words) < 12 or not ends_paragraph(text):
        return False
    if title == "correspondence":
        # an address: an e-mail, or "to" a named author ("Correspondence to: Dr J. Roe, ...")
        return "@" not in text and not re.match(r"[-*\s]*(?:to|author)\b", text, re.I)
    return not re.match(r"[-*\s]*(received|accepted|submitted|published)\b", text, re.I)


def _norm(title: str) -> str:
    text = title.strip().lower().replace("\u2019", "'")
    text = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", text)  # "5. Conclusions"
    return re.sub(r"\s+", " ", text).strip(" :.")


_ABBREVIATION_PAIR = re.compile(r"^\s*(?P<short>[^:;]{1,25}?)\s*:\s*(?P<long>[^;]+?)\s*$")


def parse_abbreviations(text: str) -> dict[str, str]:
    """``{"IBD": "Inflammatory Bowel Disease", ...}`` from "IBD: Inflammatory Bowel Disease; COPD: ..."."""
    found: dict[str, str] = {}
    for part in text.split(";"):
        match = _ABBREVIATION_PAIR.match(part)
        if match and match.group("long"):
            found[match.group("short").strip()] = match.group("long").strip().rstrip(".")
    return found


def looks_like_abbreviation_list(text: str) -> bool:
    """Whether a paragraph is a list of abbreviations ("AI: Artificial Intelligence; CRISPR: ...")."""
    parts = [p for p in text.split(";") if p.strip()]
    if not parts:
        return False
    pairs = parse_abbreviations(text)
    return len(pairs) >= max(1, (len(parts) * 3 + 3) // 4) and (len(parts) >= 2 or len(text) < 80)


def pipe_cells(line: str) -> list[str]:
    """The cells of one pipe-table row, stripped; an escaped ``\\|`` stays inside its cell."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]


def delimited_rows(lines: list[str]) -> int:
    """How many lines open ``lines`` as a pipe table exported as text: a header line of short capitalised
    column names, then at least two rows, each line splitting into the same number (two or more) of cells;
    0 when they do not. A Markdown separator row ("---|---") counts as a row, and so does a line between rows
    that names the group of rows under it (``is_group_row``)."""
    if "|" not in lines[0]:
        return 0
    header = pipe_cells(lines[0])
    n = 1
    while n < len(lines):
        if "|" in lines[n] and len(pipe_cells(lines[n])) == len(header):
            n += 1
        elif n + 1 < len(lines) and "|" in lines[n + 1] and len(pipe_cells(lines[n + 1])) == len(header) \
                and is_group_row(lines[n]):
            n += 2
        else:
            break
    return n if len(header) >= 2 and n >= 3 and all(_COLUMN_NAME.fullmatch(c) for c in header) else 0


def columns_of_cell_lines(lines: list[str]) -> int:
    """How many columns a table copied from a web page has when every cell came out on a line of its own: the
    block opens on two to eight column names (short, capitalised, no figures) and its other lines, none of which
    ends like a sentence, fill at least two rows of that many cells; 0 when the lines are no such table."""
    n = 0
    while n < min(8, len(lines)) and _COLUMN_NAME.fullmatch(lines[n].strip()) and not ends_paragraph(lines[n]):
        n += 1
    if n < 2 or len(lines) < 3 * n or len(lines) % n or any(ends_paragraph(line) for line in lines):
        return 0
    return n


def is_group_row(line: str) -> bool:
    """A one-cell line inside a table that names the group of rows under it ("Antibodies", "Experimental
    models: Cell lines"): no cell separator, short, no final stop."""
    body = line.strip()
    return bool(body) and "|" not in body and "\t" not in body and len(body.split()) <= 8 \
        and body[-1] not in ".!?;"


# a column name: one to five words, capitalised, no figures ("Product", "Key secreted factors", "Fold change
# (primed vs resting)")
_COLUMN_NAME = re.compile(r"[A-Z][A-Za-z()/&'-]*(?: [A-Za-z()/&'-]+){0,4}")


#: the fewest lines a block of one-line records has (layout.one_record_per_line)
RECORD_BLOCK_LINES = 8


def one_record_per_line(lines: list[str]) -> bool:
    """A block whose lines are records, not a wrapped paragraph: flashcards ("front :: back"), caption lines
    ("[00:01:08] and when they knocked down KGF ..."), log entries. Enough lines, and most of them neither
    end like a sentence nor start like its continuation (a lower-case word), which wrapped prose does. Short
    blocks (an address, a letterhead, a few form fields) are left as they are: a line there may well go on in
    the next."""
    lines = [line for line in lines if line.strip()]
    if len(lines) < RECORD_BLOCK_LINES:
        return False
    open_ended = sum(not ends_paragraph(line) for line in lines)
    fresh = sum(not starts_lowercase(line) for line in lines[1:])
    return open_ended >= 0.75 * len(lines) and fresh >= 0.75 * (len(lines) - 1)
