"""Inline markup removal: Markdown emphasis, links, HTML tags, LaTeX math, ``<sup>`` and ``[^n]`` citations.

:func:`clean_inline` returns plain text and the citation markers that were removed
from it, each placed (with zero width) at the offset where its ``<sup>`` stood, so
"lineages<sup>1</sup>." becomes "lineages." with a marker for reference 1 at offset 8.
"""

from __future__ import annotations

import html
import re

from msckg.loaders.readers.citations import Marker, parse_citation_numbers

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
    "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ",
    "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}
_SYMBOLS = {
    "pm": "±", "times": "×", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "sim": "~",
    "approx": "≈", "degree": "°", "circ": "°", "rightarrow": "→", "to": "→", "uparrow": "↑",
    "downarrow": "↓", "cdot": "·", "%": "%",
}

# Characters Markdown lets a backslash escape; held as private-use placeholders while parsing.
_ESCAPABLE = "\\`*_{}[]()#+-.!|<>"
_PLACEHOLDER_BASE = 0xE000

_MATH = re.compile(r"(?P<pre>-?)(?P<ws1>[ \t]*)\$(?P<body>[^$\n]{1,60})\$(?P<ws2>[ \t]*)(?P<post>[-,.;:)\]]?)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_UNDERSCORE = re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)")
_CODE = re.compile(r"`([^`]+)`")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_KEPT_TAGS = re.compile(r"</?(?:sub|i|em|b|strong|span|u|small|font)(?:\s[^>]*)?>", re.I)
_SUP = re.compile(r"<sup>(.*?)</sup>", re.I | re.S)
# a Markdown footnote marker, "[^12]": a citation of footnote 12 (a label that is no number cites nothing known)
_FOOTNOTE_MARK = re.compile(r"\[\^([^\]\s]+)\]")


def latex_to_unicode(text: str) -> str:
    """Turn inline math such as ``$\\beta$`` or ``$^{2+}$`` into plain characters.

    The space a converter put around the math is closed up where it touched a
    hyphen or punctuation: "factor- $\\beta$ ," becomes "factor-β,".
    """
    def replace(match: re.Match[str]) -> str:
        body = match.group("body")
        if not re.search(r"[\\^_]", body):
            return match.group(0)  # "$5 and $" is money, not math
        plain = _math_body(body)
        pre, post = match.group("pre"), match.group("post")
        left = pre if pre else (" " if match.group("ws1") else "")
        right = post if post else (" " if match.group("ws2") else "")
        return left + plain + right

    return _MATH.sub(replace, text)


def _math_body(body: str) -> str:
    def command(match: re.Match[str]) -> str:
        name = match.group(1)
        return GREEK.get(name) or _SYMBOLS.get(name) or name

    body = re.sub(r"\\mathrm\{([^}]*)\}|\\text\{([^}]*)\}", lambda m: m.group(1) or m.group(2) or "", body)
    body = re.sub(r"\\([A-Za-z]+|%)", command, body)
    body = re.sub(r"[\^_]\{([^}]*)\}", r"\1", body)
    body = re.sub(r"[\^_{}]", "", body)
    return re.sub(r"\s+", "", body)


def _protect_escapes(text: str) -> str:
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>])",
                  lambda m: chr(_PLACEHOLDER_BASE + _ESCAPABLE.index(m.group(1))), text)


def _restore_escapes(text: str) -> str:
    return re.sub("[\ue000-\ue013]", lambda m: _ESCAPABLE[ord(m.group(0)) - _PLACEHOLDER_BASE], text)


def strip_emphasis(text: str) -> str:
    """Remove Markdown emphasis, code, links, images and formatting HTML tags (not ``<sup>``)."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(2):  # nested **bold *italic***
        text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
        text = _ITALIC_STAR.sub(r"\1", text)
        text = _ITALIC_UNDERSCORE.sub(r"\1", text)
    text = _BREAK.sub(" ", text)
    return _KEPT_TAGS.sub("", text)


def clean_inline(text: str) -> tuple[str, list[Marker]]:
    """Plain text of one Markdown paragraph (or cell) and its ``<sup>`` (or footnote ``[^n]``) citation markers."""
    text = _FOOTNOTE_MARK.sub(lambda m: f"<sup>{m.group(1)}</sup>" if m.group(1).isdigit() else "", text)
    text = _protect_escapes(html.unescape(text))
    text = latex_to_unicode(text)
    text = strip_emphasis(text)
    text = re.sub(r"[ \t\n]+", " ", text).strip()
    out: list[str] = []
    length = 0
    markers: list[Marker] = []
    position = 0
    for match in _SUP.finditer(text):
        piece = text[position: match.start()]
        length = _append(out, piece, length)
        inner = _restore_escapes(match.group(1)).strip()
        numbers = parse_citation_numbers(inner)
        following = text[match.end(): match.end() + 1]
        if numbers:
            if out and out[-1].endswith(" ") and (not following or following in ".,;:)] "):
                out[-1] = out[-1][:-1]
                length -= 1
            markers.append(Marker(length, length, numbers))
        else:
            length = _append(out, inner, length)
        position = match.end()
    length = _append(out, text[position:], length)
    plain = _restore_escapes("".join(out))
    stripped = plain.rstrip()
    return stripped, [m if m.start <= len(stripped) else Marker(len(stripped), len(stripped), m.numbers)
                      for m in markers]


def _append(out: list[str], piece: str, length: int) -> int:
    if not piece:
        return length
    if out and out[-1].endswith(" ") and piece.startswith(" "):
        piece = piece.lstrip(" ")
    out.append(piece)
    return length + len(piece)
