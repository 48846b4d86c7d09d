"""Reader for LaTeX sources (a review or preprint as its authors wrote it, e.g. from arXiv or bioRxiv).

The source is turned into Markdown and read by the Markdown reader: sectioning commands become headings,
``\\cite{key1,key2}`` becomes a numbered marker "[1,2]" (keys numbered in order of first citation), inline math
such as ``$\\beta$`` or ``PGE$_2$`` becomes "β" and "PGE2", ``\\textit{...}`` and other formatting commands keep
their text, ``\\ref{tab:x}`` becomes the number of that label (a label defined elsewhere, "fig:2", the number it
ends with), siunitx quantities read as printed (``\\SI{10}{\\micro\\gram}`` -> "10 μg"), and a ``tabular`` becomes a
pipe table with its caption. Comments, preamble and commands that hold no prose (``\\label``, ``\\centering``,
``\\hline``) are dropped.
"""

from __future__ import annotations

import re

from msckg.loaders.document import Document
from msckg.loaders.readers.markdown import read_markdown
from msckg.loaders.readers.markup import latex_to_unicode
from msckg.loaders.readers.registry import register

FORMAT = "latex"

_COMMENT = re.compile(r"(?<!\\)%.*$", re.M)
_PREAMBLE_END = re.compile(r"\\begin\{document\}")
_SECTION = re.compile(r"^[ \t]*\\(part|chapter|section|subsection|subsubsection|paragraph)\*?\{([^{}]*)\}[ \t]*",
                      re.M)
_HEADING_LEVEL = {"part": 1, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4}
_CITE = re.compile(r"\s*~?\\(?:cite|citep|citet|parencite|autocite|footcite)\*?(?:\[[^\]]*\])*\{([^{}]+)\}")
_LABEL = re.compile(r"\\label\{([^{}]+)\}")
_REF = re.compile(r"\\(?:ref|eqref|autoref|cref|Cref)\{([^{}]+)\}")
_TABLE = re.compile(r"\\begin\{(table\*?|figure\*?)\}.*?\\end\{\1\}", re.S)
_TABULAR = re.compile(r"\\begin\{tabular\*?\}(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})+(.*?)\\end\{tabular\*?\}", re.S)
_CAPTION = re.compile(r"\\caption\{((?:[^{}]|\{[^{}]*\})*)\}")
_ENVIRONMENT = re.compile(r"\\(?:begin|end)\{[^{}]*\}(?:\[[^\]]*\])?")
_ITEM = re.compile(r"^[ \t]*\\item\s*", re.M)
# formatting commands whose argument is text: "\textit{in vitro}" -> "in vitro"
_TEXT_COMMAND = re.compile(r"\\(?:textit|textbf|emph|textrm|textsf|texttt|textsc|underline|mbox|text|mathrm|"
                           r"mathit|mathbf|textup|textnormal|footnote)\{([^{}]*)\}")
# commands with no prose at all ("\centering", "\hline", "\noindent", "\toprule")
_BARE_COMMAND = re.compile(r"\\(?:centering|hline|toprule|midrule|bottomrule|noindent|newline|smallskip|medskip|"
                           r"bigskip|clearpage|newpage|par|maketitle|tableofcontents)\b\s*")
_CLINE = re.compile(r"\\(?:cline|cmidrule)(?:\([^)]*\))?\{[^{}]*\}")
# siunitx quantities, units and numbers: "\\SI{10}{\\micro\\gram}" (also "\\qty"), "\\si{...}", "\\num{5}"
_QUANTITY = re.compile(r"\\(?:SI|qty)(?:\[[^\]]*\])?\{([^{}]*)\}\{([^{}]*)\}")
_UNIT = re.compile(r"\\(?:si|unit)(?:\[[^\]]*\])?\{([^{}]*)\}")
_NUMBER = re.compile(r"\\num(?:\[[^\]]*\])?\{([^{}]*)\}")
_UNIT_SYMBOLS = {
    "pico": "p", "nano": "n", "micro": "\u03bc", "milli": "m", "centi": "c", "kilo": "k", "mega": "M",
    "gram": "g", "litre": "l", "liter": "l", "metre": "m", "meter": "m", "second": "s", "minute": "min",
    "hour": "h", "day": "d", "mole": "mol", "molar": "M", "celsius": "\u00b0C", "degreeCelsius": "\u00b0C",
    "percent": "%", "kelvin": "K", "square": "", "squared": "\u00b2", "cubed": "\u00b3", "rpm": "rpm",
}
_ESCAPED = {r"\%": "%", r"\&": "&", r"\_": "_", r"\#": "#", r"\$": "$", r"\{": "{", r"\}": "}"}


def _numbered_citations(text: str) -> str:
    """"\\cite{a,b}" -> " [1,2]", numbering keys in order of first citation."""
    numbers: dict[str, int] = {}

    def number(match: re.Match[str]) -> str:
        keys = [k.strip() for k in match.group(1).split(",") if k.strip()]
        for key in keys:
            numbers.setdefault(key, len(numbers) + 1)
        return " [" + ",".join(str(numbers[k]) for k in keys) + "]"

    return _CITE.sub(number, text)


def _numbered_labels(text: str) -> str:
    """"\\ref{tab:x}" -> the number of that label among labels of its kind ("tab:", "fig:", "sec:")."""
    counts: dict[str, int] = {}
    numbers: dict[str, int] = {}
    for match in _LABEL.finditer(text):
        key = match.group(1)
        kind = key.split(":", 1)[0] if ":" in key else ""
        counts[kind] = counts.get(kind, 0) + 1
        numbers.setdefault(key, counts[kind])
    text = _REF.sub(lambda m: str(numbers.get(m.group(1), _own_number(m.group(1)))), text)
    return _LABEL.sub("", text)


def _own_number(key: str) -> str:
    """The number a label not defined in this file carries itself ("fig:2" -> "2"), else "?"."""
    tail = re.search(r"(\d+)$", key)
    return tail.group(1) if tail else "?"


def _quantities(text: str) -> str:
    """siunitx: "\\SI{10}{\\micro\\gram}" -> "10 μg", "\\si{\\nano\\gram\\per\\milli\\litre}" -> "ng/ml",
    "\\num{5}" -> "5"."""
    text = _QUANTITY.sub(lambda m: f"{m.group(1).strip()} {_unit(m.group(2))}".strip(), text)
    text = _UNIT.sub(lambda m: _unit(m.group(1)), text)
    return _NUMBER.sub(lambda m: m.group(1).strip(), text)


def _unit(spec: str) -> str:
    """A siunitx unit as printed: prefixes and units by their symbols, "\\per" a slash; literal text is kept."""
    out = []
    for word, literal in re.findall(r"\\([a-zA-Z]+)|([^\\\s]+)", spec):
        if word == "per":
            out.append("/")
        elif word:
            out.append(_UNIT_SYMBOLS.get(word, word))
        else:
            out.append(literal)
    return "".join(out)


def _floats(text: str) -> str:
    """Each table or figure float: its numbered caption as a line, then its tabular as a pipe table."""
    counts = {"Table": 0, "Figure": 0}

    def one(match: re.Match[str]) -> str:
        kind = "Table" if match.group(1).startswith("table") else "Figure"
        counts[kind] += 1
        return _float(match, f"{kind} {counts[kind]}")

    return _TABLE.sub(one, text)


def _float(match: re.Match[str], name: str) -> str:
    body = match.group(0)
    caption = _CAPTION.search(body)
    out = []
    if caption:
        out.append(f"{name}: {caption.group(1).strip()}")
    tabular = _TABULAR.search(body)
    if tabular:
        out.append(_pipe_table(tabular.group(1)))
    return "\n\n" + "\n\n".join(out) + "\n\n"


def _pipe_table(body: str) -> str:
    body = _CLINE.sub("", _BARE_COMMAND.sub("", body))
    rows = [row.strip() for row in re.split(r"\\\\(?:\[[^\]]*\])?", body)]
    cells = [[cell.strip() for cell in re.split(r"(?<!\\)&", row)] for row in rows if row]
    if not cells:
        return ""
    width = max(len(row) for row in cells)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in cells]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def latex_to_markdown(text: str) -> str:
    """The Markdown a LaTeX source says in prose."""
    start = _PREAMBLE_END.search(text)
    if start:
        text = text[start.end():]
    text = _COMMENT.sub("", text)
    text = text.replace("``", "\u201c").replace("''", "\u201d").replace("---", "\u2014").replace("--", "\u2013")
    text = _quantities(_numbered_labels(_numbered_citations(text)))
    text = _floats(text)
    text = _TABULAR.sub(lambda m: "\n\n" + _pipe_table(m.group(1)) + "\n\n", text)   # a tabular outside a float

    def heading(match: re.Match[str]) -> str:
        level = _HEADING_LEVEL.get(match.group(1))
        title = match.group(2).strip()
        return f"{'#' * level} {title}\n\n" if level else f"**{title}** "

    text = _SECTION.sub(heading, text)
    text = _ITEM.sub("- ", text)
    for _ in range(3):      # nested formatting: "\textbf{\textit{x}}"
        text = _TEXT_COMMAND.sub(r"\1", text)
    text = latex_to_unicode(text)
    text = _ENVIRONMENT.sub("", _BARE_COMMAND.sub("", text))
    for escaped, plain in _ESCAPED.items():
        text = text.replace(escaped, plain)
    text = text.replace("~", " ")
    text = re.sub(r"\\[a-zA-Z]+\*?(?:\[[^\]]*\])?\{([^{}]*)\}", r"\1", text)    # other commands: keep their text
    text = re.sub(r"\\[a-zA-Z]+\*?", "", text).replace("{", "").replace("}", "")
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


@register(FORMAT)
def read_latex(text: str, source: str) -> Document:
    """Read a LaTeX source into a Document (format ``latex``)."""
    document = read_markdown(latex_to_markdown(text), source)
    document.format = FORMAT
    return document
