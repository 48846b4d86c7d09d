"""Entity recognition: find vocabulary terms, pattern families and defined abbreviations in a Document.

One Aho-Corasick automaton holds the normalised surface forms of every term
(canonical name, synonyms, plural and singular forms, Greek letters spelled out
or abbreviated). The text is normalised the same way, character by character,
with a map back to the original offsets, so a match always points at the exact
words written. Around the automaton sit the rules it cannot express:

* word boundaries in the original text ("ALS" never inside "ALSO");
* capitals: a short acronym (at most four letters) needs its capitals in the
  text, so "No", "ms" and "Ido" are not NO, MS and IDO;
* the ambiguity rules in ``rules/ambiguity.tsv`` (NO, MS, MSC gene, PD, AD...);
* pattern families (IL-n, miR-n, CDn, TLRn, CCLn/CXCLn, CXCRn/CCRn, MMP-n) that
  become generated terms when the vocabulary lacks them;
* abbreviations the paper defines, "indoleamine 2,3-dioxygenase (IDO)", bound to
  the long form's term for the rest of the document;
* MSC source noun phrases: "umbilical cord-derived MSCs", "MSCs from adipose
  tissue" are one mention of the tissue, bare "MSCs" the generic MSC.
"""

from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import ahocorasick

from msckg.graph import schema
from msckg.loaders.document import Document
from msckg.loaders.vocabulary import Term, Vocabulary, greek_to_latin, term_id

RULES_DIR = Path(__file__).with_name("rules")

_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# Latin letters that stand for a Greek letter after a hyphen or a digit: TGF-b, TNF-a, IFN-g, NF-kB, IL-1b.
_GREEK_ABBREVIATIONS = {"a": "alpha", "b": "beta", "g": "gamma", "k": "kappa"}
_GREEK_INITIAL = {"α": "a", "β": "b", "γ": "g", "κ": "k", "δ": "d", "Α": "a", "Β": "b", "Γ": "g", "Κ": "k"}
# Punctuation that may not fall inside a match unless the surface itself has it.
_BREAKING = set(".;:!?[](){}<>,")
_LABEL_ORDER = {label: i for i, label in enumerate(schema.LABELS)}


# --------------------------------------------------------------------------- normalisation
def _expand(text: str, i: int) -> str:
    """The normalised characters for ``text[i]`` (possibly empty or several)."""
    ch = text[i]
    after_name = i >= 2 and text[i - 1].isascii() and text[i - 1].isupper() and text[i - 2].isupper()
    if ch in _GREEK_ABBREVIATIONS and i > 0 and (text[i - 1] in _HYPHENS or text[i - 1].isdigit() or after_name):
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if not nxt.isalpha() or (ch == "k" and nxt in "bB"):
            return _GREEK_ABBREVIATIONS[ch]
    spelled = greek_to_latin(ch)
    if spelled != ch:
        return spelled
    if ch.isascii():
        return ch.lower() if ch.isalnum() else ""
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(part):
            continue
        part = greek_to_latin(part)
        out.extend(c for c in part.casefold() if c.isalnum())
    return "".join(out)


def _compact(text: str) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the offset it came from in ``text``."""
    chars: list[str] = []
    origin: list[int] = []
    for i in range(len(text)):
        piece = _expand(text, i)
        chars.append(piece)
        origin.extend([i] * len(piece))
    return "".join(chars), origin


def normalise(text: str) -> str:
    """The one normalisation used for matching and lookup.

    Case-folded; Greek letters spelled out (``β`` -> ``beta``), also when written as
    a Latin letter after a hyphen, a digit or two capitals (``TGF-b``, ``TNF-a``,
    ``NF-kB``, ``IL-1b``, ``TNFa``, ``NFkB``); accents dropped; everything but letters and digits removed, so
    hyphen, dash, space, apostrophe and no-space variants are one:

    >>> normalise("TGF-β") == normalise("TGF-beta") == normalise("TGF-b") == normalise("tgf beta")
    True
    >>> normalise("Wharton's jelly") == normalise("Whartons jelly")
    True
    """
    return _compact(text)[0]


def _ascii_letters(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isalpha())


def _min_capitals(surface: str) -> int:
    """Capitals a match of ``surface`` must have: its capital count if it is a short acronym, else 0."""
    letters = _ascii_letters(surface)
    if 1 <= len(letters) <= 4 and any(c.isupper() for c in letters):
        return sum(c.isupper() for c in letters)
    return 0


def _capitals(text: str) -> int:
    return sum(1 for c in text if c.isascii() and c.isupper())


# --------------------------------------------------------------------------- surface variants
def _greek_initials(surface: str) -> str | None:
    """``TNF-α`` -> ``TNFa``: Greek letters as Latin initials, glued to the previous word.

    Only a Greek letter after a name counts: ``β-cell`` must not become ``bcell`` (B cell).
    """
    if not any(ch in _GREEK_INITIAL for ch in surface[1:]) or surface[0] in _GREEK_INITIAL:
        return None
    out: list[str] = []
    for ch in surface:
        if ch in _GREEK_INITIAL and out and out[-1] not in " ":
            while out and out[-1] in _HYPHENS + " ":
                out.pop()
            out.append(_GREEK_INITIAL[ch])
        else:
            out.append(ch)
    return "".join(out)


def _plural(form: str) -> str | None:
    if not form or not form[-1].isascii() or not form[-1].isalpha():
        return None
    lower = form.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return None if lower.endswith(("ss", "us", "is")) and len(lower) > 3 else form + "es"
    if lower.endswith("y") and len(lower) > 3 and lower[-2] not in "aeiou":
        return form[:-1] + "ies"
    return form + "s"


def _singular(form: str) -> str | None:
    if re.search(r"[A-Z]{2,}s$", form):           # EVs -> EV, MSCs -> MSC
        return form[:-1]
    last = re.split(r"[\s\-]", form)[-1]
    if len(last) >= 4 and last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        if last.endswith("ies"):
            return form[:-3] + "y"
        return form[:-1]
    return None


def _variants(surface: str) -> list[tuple[str, bool, int]]:
    """Surface spellings to index: (spelling, is a plural made here, quality).

    Quality orders spellings of one key: 0 as curated, 1 plural/singular/apostrophe,
    2 Greek initials; on a tie between terms the better-quality spelling wins.
    """
    forms = [(surface, 0)]
    if "'s" in surface or "\u2019s" in surface:
        forms.append((surface.replace("'s", "").replace("\u2019s", ""), 1))
    initials = _greek_initials(surface)
    if initials:
        # "TNFa" normalises like "TNF-α"; the lower-case "tnfa" (typed in a query) needs its own key
        forms.extend([(initials, 2), (initials.lower(), 2)])
    out: list[tuple[str, bool, int]] = []
    for form, quality in forms:
        out.append((form, False, quality))
        plural = _plural(form)
        if plural:
            out.append((plural, True, max(quality, 1)))
        singular = _singular(form)
        if singular:
            out.append((singular, False, max(quality, 1)))
    return out


# --------------------------------------------------------------------------- rules
@dataclass(frozen=True)
class AmbiguityRule:
    """One row of ``rules/ambiguity.tsv``."""

    surface: str
    label: str
    rule: str
    argument: tuple[str, ...]


_RULE_KINDS = ("standalone", "requires_next", "context", "exact_case")


class RulesError(ValueError):
    """A rules file under ``loaders/rules`` is malformed."""


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a rules TSV file (``#`` lines are comments), as dicts with stripped values."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader((line for line in fh if line.strip() and not line.startswith("#")),
                                delimiter="\t")
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


@lru_cache(maxsize=4)
def load_ambiguity_rules(directory: Path = RULES_DIR) -> tuple[AmbiguityRule, ...]:
    """The ambiguity rules, checked for known rule kinds and labels."""
    rules = []
    for row in read_tsv(Path(directory) / "ambiguity.tsv"):
        if row["rule"] not in _RULE_KINDS:
            raise RulesError(f"ambiguity.tsv: unknown rule {row['rule']!r} for {row['surface']!r}")
        schema.check_label(row["label"])
        argument = tuple(a.strip() for a in row.get("argument", "").split("|") if a.strip())
        rules.append(AmbiguityRule(row["surface"], row["label"], row["rule"], argument))
    return tuple(rules)


# --------------------------------------------------------------------------- pattern families
def _latin_suffix(letter: str) -> str:
    return {"α": "a", "β": "b", "γ": "g", "alpha": "a", "beta": "b", "gamma": "g"}.get(letter, letter)


def _greek_suffix(letter: str) -> str:
    return {"a": "α", "b": "β", "g": "γ", "alpha": "α", "beta": "β", "gamma": "γ",
            "A": "α", "B": "β"}.get(letter, letter)


def _il_name(m: re.Match) -> str:
    number, letter, tail = m.group(1), m.group(2) or "", m.group(3) or ""
    if letter:
        if number == "1" or letter in ("α", "β", "γ", "alpha", "beta", "gamma") or letter.islower():
            letter = _greek_suffix(letter)
    if tail:
        tail = "RA" if tail.lower() == "ra" else tail.lower()
    return f"IL-{number}{letter}{tail}"


def _mir_name(m: re.Match) -> str:
    number, copy, arm = m.group(1), m.group(2), m.group(3)
    return f"miR-{number}" + (f"-{copy}" if copy else "") + (f"-{arm}" if arm else "")


_B = r"(?<![A-Za-z0-9])"
_E = r"(?![A-Za-z0-9])"
_HC = re.escape(_HYPHENS)  # for use inside a character class
_H = f"[{_HC}]"

#: (regex, canonical-name function, Factor kind)
FAMILIES: tuple[tuple[re.Pattern, Callable[[re.Match], str], str], ...] = (
    (re.compile(_B + rf"(?:IL|[Ii]nterleukin){_H}?\s?(\d{{1,2}})(?:{_H}?(α|β|γ|alpha|beta|gamma|[abAB]))?"
                rf"(RA|Ra|ra|p\d{{2}})?" + _E), _il_name, "cytokine"),
    (re.compile(_B + rf"(?:(?:hsa|mmu|rno){_H})?(?:miR|MiR|mir|MIR|microRNA|miRNA){_H}?(\d{{1,4}}[a-z]?)"
                rf"(?:{_H}(\d))?(?:{_H}([35]p))?" + _E), _mir_name, "mirna"),
    (re.compile(_B + rf"(?:(?:hsa|mmu){_H})?let{_H}?7([a-k])?(?:{_H}([35]p))?" + _E),
     lambda m: "let-7" + (m.group(1) or "") + (f"-{m.group(2)}" if m.group(2) else ""), "mirna"),
    (re.compile(_B + r"CD(\d{1,3})(α|β|γ|[a-z])?" + _E),
     lambda m: f"CD{m.group(1)}{_latin_suffix(m.group(2) or '')}", "surface_marker"),
    (re.compile(_B + rf"(?:TLR{_H}?(\d{{1,2}})|[Tt]oll{_H}like receptor{_H}?\s?(\d{{1,2}}))" + _E),
     lambda m: f"TLR{m.group(1) or m.group(2)}", "receptor"),
    (re.compile(_B + rf"(CCL|CXCL|CX3CL|XCL){_H}?(\d{{1,2}})" + _E),
     lambda m: f"{m.group(1)}{m.group(2)}", "chemokine"),
    (re.compile(_B + rf"(CCR|CXCR|CX3CR|XCR){_H}?(\d{{1,2}})" + _E),
     lambda m: f"{m.group(1)}{m.group(2)}", "receptor"),
    (re.compile(_B + rf"(?:MMP{_H}?(\d{{1,2}})|[Mm]atrix metalloproteinase{_H}?\s?(\d{{1,2}}))" + _E),
     lambda m: f"MMP-{m.group(1) or m.group(2)}", "enzyme"),
)


# names of MSC products as nonproprietary names give them: darvadstrocel, remestemcel-L, rexlemestrocel-L
PRODUCT_NAME = re.compile(_B + rf"([A-Za-z][a-z]{{2,}}(?:strocel|stemcel))(?:{_H}([A-Z]))?" + _E)
# a product's own name: CamelCase ("SunCord", "MenSec"), perhaps with a short second part ("MSC", "Exo", "-gel")
_OWN_NAME = r"([A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*(?:(?: |-)(?:[A-Z][A-Za-z0-9]{1,5}|[a-z]{2,4})\b|-[A-Z0-9]{1,3}\b)?)"
_NAMING = re.compile(r"\b(?:call|calls|called|named|dubbed|branded|marketed as|sold as|trade name)\s+[\"\u201c]?"
                     + _OWN_NAME)
# a development code name as what a trial tests: "trial of CVB-101", "designation for CVB-204"
_CODE_NAME = re.compile(r"\b(?:trials? of|stud(?:y|ies) of|designation for|dose of|doses of|infusions? of|"
                        r"treatment with|treated with|randomi[sz]ed to)\s+([A-Z]{2,5}-\d{2,4}[A-Z]?)\b")
# ... or as what acts in a study: "ALV-101 restored alveolar number", "ALV-101 could be the first therapy"
_CODE_NAME_AGENT = re.compile(r"\b([A-Z]{2,5}-\d{2,4}[A-Z]?)(?![-\w])\s+(?:restored|reduced|lowered|improved|prevented|"
                              r"attenuated|protected|halved|decreased|increased|could be|may be)\b")
# ... or a name the document defines as a product: "CordaCel-K is an experimental treatment made from MSCs",
# "NovaCyte, an allogeneic cell therapy", or a code name in brackets after the cells: "bone marrow MSCs (NRX-101)"
_CODE = r"([A-Z]{2,5}-\d{2,4}[A-Z]?)"
_PROPER = r"([A-Z][a-z]{3,}(?:-[A-Z0-9]{1,3})?)"      # "Adivasc": a proper noun if never written in lower case
_SHOUTED = r"([A-Z]{5,}(?:-[A-Z0-9]{1,3})?)"      # "HEPASTROM, a bone marrow MSC product": a brand in capitals
_DEFINED_NAME = re.compile(r"(?:^|(?<=[\s(]))(?:" + _OWN_NAME + "|" + _CODE + "|" + _PROPER + "|" + _SHOUTED
                           + r")(?:,| is| was| will be)\s+an?\s+"
                           r"(?:[\w-]+,?\s+){0,5}?(?:treatment|therapy|therapeutic|medicine|product|cell product|drug)\b")
# ... or the value of a form's "Product:" field: "Product: StromaCord-12 (allogeneic umbilical cord MSCs)"
_PRODUCT_FIELD = re.compile(r"(?:^|(?<=\s))Product(?: name)?:\s+(?:" + _OWN_NAME + "|" + _CODE + "|" + _PROPER
                            + r")(?=[\s(,;.]|$)")
# ... or the name in apposition after "product" or "product candidate": "Our lead product, CordaFlex (allogeneic
# ...)", "a placental MSC product, PlacenVex, for ARDS", "Our second product candidate, Ostevra (CLD-204), ..."
_PRODUCT_APPOSITION = re.compile(r"\bproduct(?: candidate)?,\s+(?:" + _OWN_NAME + "|" + _CODE + "|" + _PROPER
                                 + r")(?=[\s(,;.]|$)")
# ... or a name said to consist of MSCs: "Oravecel consists of culture-expanded mesenchymal stromal cells isolated
# from Wharton's jelly", "ABC-101 is composed of allogeneic MSCs", "Each vial of Genuvacel contains 25 × 10^6
# allogeneic, ex vivo-expanded mesenchymal stromal cells"
_MADE_OF_CELLS = re.compile(r"(?:^|(?<=[\s(]))(?:" + _OWN_NAME + "|" + _CODE + "|" + _PROPER + r")\s+"
                            r"(?:(?:consists|consisted|is composed|is made up)\s+of\s+(?:[\w-]+,?\s+){0,4}?"
                            r"|(?:contains|contained|comprises)\s+(?:[^\s.;()]+\s+){0,7}?)"
                            r"(?:mesenchymal (?:stromal|stem) cells|MSCs|stromal cells)\b")
# ... or a name a label says is indicated, as medicines are: "Genuvacel is indicated for the repair of"
_INDICATED_NAME = re.compile(r"(?:^|(?<=[\s(]))(?:" + _OWN_NAME + "|" + _CODE + "|" + _PROPER + r")\s+"
                             r"(?:is|are)\s+indicated\s+(?:for|in|as)\b")
# ... or a name followed by the cells it holds in brackets: "randomised to intracoronary Cordiavex (3 × 10^7
# allogeneic Wharton's jelly MSCs)" (after a word in lower case: not a heading or a sentence's first word)
_CELLS_IN_BRACKETS = re.compile(r"(?<=[a-z] )(?:" + _OWN_NAME + "|" + _CODE + "|" + _PROPER + r")\s+\("
                                r"(?:[^()]{0,60}?\s)?(?:MSCs|mesenchymal (?:stromal|stem) cells)\)")
_BRACKETED_CODE = re.compile(r"\b(?:MSCs?|cells|stromal cells)\s+\(" + _CODE + r"\)")
_QUOTED_NAME = re.compile(r"[\"\u201c]" + _OWN_NAME + r",?[\"\u201d]")
# an abbreviation for cells of a source: "H-MSCs", "hP-MSC", "N-ADSCs"
_CELLS_SHORT = re.compile(r"(?:MSC|SC)s?$")
# brand names of MSC products built on "-stem" (Cartistem, Cupistem, Pneumostem): capitalised, one word
BRAND_NAME = re.compile(_B + r"([A-Z][a-z]{3,}stem)" + _E)
NOT_BRANDS = {"brainstem", "mainstem"}     # and any word on "-system"


# --------------------------------------------------------------------------- matching
@dataclass(frozen=True)
class Mention:
    """One entity found in a document."""

    term: Term          # vocabulary term, or a generated one (Term.generated=True)
    start: int          # offsets into document.text
    end: int
    text: str           # surface as written == document.text[start:end]
    sentence: int       # Sentence.index, -1 when outside every sentence


@dataclass(frozen=True)
class _Entry:
    term: Term
    variant: str
    min_capitals: int
    plural: bool
    quality: int
    rules: tuple[AmbiguityRule, ...]


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    term: Term
    rank: int               # lower wins among hits of the same span: 0 bound abbreviation, 1 vocabulary, 2 family
    contexts: tuple[AmbiguityRule, ...] = ()
    quality: int = 0        # of the spelling matched (see _variants)


def _priority(term: Term) -> tuple:
    return (term.generated, _LABEL_ORDER.get(term.label, 99), term.id)


class EntityRecognizer:
    """Finds the entities of one vocabulary in documents and strings."""

    def __init__(self, vocabulary: Vocabulary, rules_dir: Path | None = None) -> None:
        """Index every surface form of ``vocabulary`` in one automaton (built once)."""
        self.vocabulary = vocabulary
        rules = load_ambiguity_rules(Path(rules_dir) if rules_dir else RULES_DIR)
        rules_by_key: dict[tuple[str, str], list[AmbiguityRule]] = {}
        for rule in rules:
            rules_by_key.setdefault((normalise(rule.surface), rule.label), []).append(rule)
        self._entries: dict[str, list[_Entry]] = {}
        for term in vocabulary:
            for surface in term.surface_forms:
                base_key = normalise(surface)
                own_rules = tuple(rules_by_key.get((base_key, term.label), ()))
                capitals = _min_capitals(surface)
                for variant, plural, quality in _variants(surface):
                    key = normalise(variant)
                    if len(key) < 2:
                        continue
                    entry = _Entry(term, variant, capitals, plural, quality, own_rules)
                    bucket = self._entries.setdefault(key, [])
                    if not any(e.term.id == term.id and e.variant == variant for e in bucket):
                        bucket.append(entry)
        self._automaton = ahocorasick.Automaton()
        for key in self._entries:
            self._automaton.add_word(key, key)
        if len(self._entries):
            self._automaton.make_automaton()
        self._generated: dict[str, Term] = {}
        #: the generic MSC source term that bare "MSCs" stands for
        self.generic_msc: Term = self._find_generic_msc()

    # ------------------------------------------------------------------ public API
    def find(self, document: Document) -> list[Mention]:
        """Mentions in ``document.text``, sorted by start: longest non-overlapping matches."""
        hits = self._analyse(document.text, document.metadata.get("abbreviations") or {})
        spans = sorted((s.start, s.end, s.index) for s in document.sentences)
        starts = [span[0] for span in spans]
        mentions = []
        for hit in hits:
            index = -1
            pos = bisect.bisect_right(starts, hit.start) - 1
            if pos >= 0 and hit.start < spans[pos][1]:
                index = spans[pos][2]
            mentions.append(Mention(hit.term, hit.start, hit.end, document.text[hit.start:hit.end], index))
        return mentions

    def find_in_text(self, text: str) -> list[tuple[int, int, Term]]:
        """``(start, end, term)`` of the entities in one string (a table cell, a query)."""
        return [(h.start, h.end, h.term) for h in self._analyse(text, {})]

    def lookup(self, name: str) -> Term | None:
        """The term a user-typed name or synonym stands for: any case, Greek or spelled out, plural or not."""
        name = name.strip()
        if not name:
            return None
        entries = self._entries.get(normalise(name), [])
        if entries:
            folded = name.casefold()
            best = min(entries, key=lambda e: (e.variant.casefold() != folded, e.quality, _priority(e.term)))
            return best.term
        for pattern, namer, kind in FAMILIES:
            m = pattern.fullmatch(name)
            if m:
                return self._family_term(namer(m), kind)
        m = PRODUCT_NAME.fullmatch(name)
        return self._product_term(m) if m else None

    # ------------------------------------------------------------------ internals
    def _find_generic_msc(self) -> Term:
        sources = self.vocabulary.with_label(schema.MSC_SOURCE)
        for term in sources:
            if term.kind == "generic":
                return term
        for term in sources:
            if any(normalise(s) in ("msc", "mscs", "mesenchymalstemcell") for s in term.surface_forms):
                return term
        return self._generate("MSC", schema.MSC_SOURCE, "generic")

    def _generate(self, name: str, label: str, kind: str | None) -> Term:
        tid = term_id(label, name, None)
        term = self._generated.get(tid)
        if term is None:
            term = Term(id=tid, name=name, label=label, kind=kind, generated=True)
            self._generated[tid] = term
        return term

    def _vocabulary_term(self, name: str, label: str | None = None) -> Term | None:
        entries = [e for e in self._entries.get(normalise(name), []) if (label is None or e.term.label == label)
                   and not any(r.rule == "exact_case" and _ascii_letters(name) != _ascii_letters(e.variant)
                               for r in e.rules)]      # "CCL4" (a chemokine) is not "CCl4"
        if not entries:
            return None
        return min(entries, key=lambda e: (e.quality, _priority(e.term))).term

    def _family_term(self, canonical: str, kind: str) -> Term:
        return self._vocabulary_term(canonical, schema.FACTOR) or self._generate(canonical, schema.FACTOR, kind)

    def _analyse(self, text: str, abbreviations: dict) -> list[_Hit]:
        compact, origin = _compact(text)
        candidates = self._vocabulary_hits(text, compact, origin) + self._family_hits(text)
        hits = self._shared_head_cells(text, self._distributed_markers(text, self._merge_sources(
            text, self._check_context(text, _resolve(candidates)))))
        bound, suppressed = self._definitions(text, hits)
        self._named_products(text, bound)
        self._brand_names(text, hits, bound)
        for short, long_form in sorted(abbreviations.items()):
            self._bind_metadata(str(short), str(long_form), bound, suppressed)
        if not bound and not suppressed:
            return hits
        candidates = [c for c in candidates if not _is_suppressed(text, c, suppressed)]
        candidates += _bound_hits(text, compact, origin, bound)
        return self._shared_head_cells(text, self._distributed_markers(text, self._merge_sources(
            text, self._check_context(text, _resolve(candidates)))))

    def _distributed_markers(self, text: str, hits: list[_Hit]) -> list[_Hit]:
        """"CD4+ and CD8+ T cells": a marker and its "+" before a cell type named by another marker of the same
        kind of cell is that cell type too (CD4+ T cell), not the marker CD4."""
        out = list(hits)
        for i in range(len(out) - 1):
            hit, nxt = out[i], out[i + 1]
            m = _MARKER_BEFORE_CELLS.fullmatch(text, hit.start, nxt.start)
            if hit.term.label != schema.FACTOR or nxt.term.label != schema.CELL_TYPE or m is None:
                continue
            cells = _MARKED_CELLS.fullmatch(text, nxt.start, nxt.end)
            term = self.lookup(f"{m.group(1)}+ {cells.group(1)}") if cells else None
            if term is not None and term.label == schema.CELL_TYPE:
                out[i] = _Hit(hit.start, hit.start + len(m.group(1)) + 1, term, hit.rank)
        return out

    def _shared_head_cells(self, text: str, hits: list[_Hit]) -> list[_Hit]:
        """"dopaminergic and motor neurons", "endothelial and epithelial cells": a bare modifier joined by
        "and"/"or" to a cell type shares that cell type's last word, and names the cell type it makes with it."""
        out = list(hits)
        for hit in hits:
            if hit.term.label != schema.CELL_TYPE:
                continue
            m = _MODIFIER_BEFORE_CELLS.search(text, max(0, hit.start - 40), hit.start)
            if m is None or any(h.start < m.end(1) and m.start(1) < h.end for h in hits):
                continue
            term = self.lookup(f"{m.group(1)} {text[hit.start:hit.end].split()[-1]}")
            if term is not None and term.label == schema.CELL_TYPE and term.id != hit.term.id:
                out.append(_Hit(m.start(1), m.end(1), term, hit.rank))
        return sorted(out, key=lambda h: h.start)

    def _vocabulary_hits(self, text: str, compact: str, origin: list[int]) -> list[_Hit]:
        if not self._entries:
            return []
        hits = []
        n = len(compact)
        for last, key in self._automaton.iter(compact):
            first = last - len(key) + 1
            if first > 0 and origin[first - 1] == origin[first]:
                continue                       # starts inside one expanded character
            if last + 1 < n and origin[last + 1] == origin[last]:
                continue                       # ends inside one expanded character (β -> "b" of "beta")
            start, end = origin[first], origin[last] + 1
            if not _at_word_boundary(text, start, end):
                continue
            span = text[start:end]
            if any(c in NAME_BREAKS for c in span):
                continue                       # "TLR4 → NF-κB" is two names, not the pathway TLR4/NF-κB
            for entry in self._entries[key]:
                if _accepts(entry, text, start, end, span):
                    contexts = tuple(r for r in entry.rules if r.rule == "context")
                    # a reading confirmed by its required next word ("MSC gene") beats the others
                    quality = -1 if any(r.rule == "requires_next" for r in entry.rules) else entry.quality
                    hits.append(_Hit(start, end, entry.term, 1, contexts, quality))
        return hits

    def _family_hits(self, text: str) -> list[_Hit]:
        hits = []
        for pattern, namer, kind in FAMILIES:
            for m in pattern.finditer(text):
                hits.append(_Hit(m.start(), m.end(), self._family_term(namer(m), kind), 2))
        for m in PRODUCT_NAME.finditer(text):
            hits.append(_Hit(m.start(), m.end(), self._product_term(m), 2))
        for m in BRAND_NAME.finditer(text):
            if m.group(1).lower() not in NOT_BRANDS and not m.group(1).lower().endswith("system"):
                hits.append(_Hit(m.start(), m.end(), self._product_named(m.group(1)), 2))
        return hits

    def _product_term(self, m: re.Match) -> Term:
        """A cell-therapy name the vocabulary does not list ("lorastrocel") is a product of its own."""
        return self._product_named(m.group(1).lower() + (f"-{m.group(2)}" if m.group(2) else ""))

    def _product_named(self, name: str) -> Term:
        """The vocabulary's product of that name, else a product of its own."""
        return self._vocabulary_term(name, schema.PRODUCT) or self._generate(name, schema.PRODUCT, None)

    def _check_context(self, text: str, hits: list[_Hit]) -> list[_Hit]:
        """Drop hits whose context rule fails (the long form is nowhere in the text and no list holds them) and
        names negated by a "non-" glued before them."""
        lowered = text.lower()
        kept = []
        for i, hit in enumerate(hits):
            if hit.contexts and not any(_context_ok(rule, lowered, hits, i, text) for rule in hit.contexts):
                continue
            if lowered[max(0, hit.start - 4):hit.start] == "non-":
                continue    # "non-immune cells", "non-small cell lung cancer": the contrary of the name
            kept.append(hit)
        return kept

    # ------------------------------------------------------------------ abbreviations
    def _definitions(self, text: str, hits: list[_Hit]) -> tuple[dict, dict]:
        """Abbreviations defined as "long form (SHORT)" (or "SHORT (long form)").

        Returns ``bound`` {normalised short: (term, short, from offset)} and
        ``suppressed`` {normalised short: from offset} for short forms whose long
        form names something the vocabulary does not know.
        """
        bound: dict[str, tuple[Term, str, int]] = {}
        suppressed: dict[str, int] = {}
        by_end = {h.end: h for h in hits}
        for m in _PAREN.finditer(text):
            short = m.group(1)
            if not _looks_like_abbreviation(short):
                continue
            key = normalise(short)
            inside = {h.term.id for h in hits if m.start(1) <= h.start and h.end <= m.end(1)}
            if len(inside) >= 2:
                continue    # "(WJ-MSC-EVs)" reads as its parts, the tissue's MSCs and their vesicles
            j = m.start()
            while j > 0 and text[j - 1].isspace():
                j -= 1
            hit = by_end.get(j)
            own = self._vocabulary_term(short)
            if hit is not None and normalise(text[hit.start:hit.end]) != key:
                # the paper's own definition wins over the vocabulary's reading of the short form when its
                # initials spell it ("hepatic stellate cells (HSCs)") or it narrows it ("knee osteoarthritis (OA)")
                long_form = text[hit.start:hit.end]
                if own is None:
                    # a short form whose letters the name lacks may still be an acronym of it ("hucMSC-Ex"), but not
                    # a capitalised word ("ALS (Korea, 2014)") nor what a product's brackets add ("Prochymal (BM)")
                    defines = _letters_in_order(long_form, short) or (
                        hit.term.label != schema.PRODUCT and _capitals(short) >= 2)
                else:
                    # a narrower name does not narrow a short form its last words spell on their own: in
                    # "acute graft-versus-host disease (GVHD)" the initials leave "acute" out
                    defines = own.id == hit.term.id or _spelled_by_initials(long_form, short) \
                        or (normalise(own.name) in normalise(hit.term.name) and not _tail_spells(long_form, short))
                if key not in bound and defines:
                    bound[key] = (hit.term, short, hit.start)
                continue
            if key not in bound and (own is None or own.id == self.generic_msc.id) and _CELLS_SHORT.search(short):
                # "bone marrow MSCs cultured at 1% oxygen before use (H-MSCs)": the one tissue named before
                tissue = self._tissue_before(text, hits, m.start())
                if tissue is not None:
                    bound[key] = (tissue.term, short, tissue.start)
                    continue
            if key not in bound and key not in suppressed and _initials_match(text[max(0, j - 120):j], short):
                suppressed[key] = m.start()
        # "SHORT (long form)": the parenthesis holds exactly one mention, and SHORT is mostly capitals (a name
        # such as "CordaFlex (cord MSCs)" is described by its brackets, not spelled out)
        for hit in hits:
            m = _SHORT_BEFORE.search(text, max(0, hit.start - 16), hit.start)
            if m is None:
                continue
            close = text.find(")", hit.end)
            if close < 0 or text[hit.end:close].strip() or text[m.end():hit.start].strip():
                continue
            short = m.group(1)
            key = normalise(short)
            if _looks_like_abbreviation(short) and _capitals(short) >= max(2, len(_ascii_letters(short)) / 2) \
                    and key not in bound \
                    and normalise(text[hit.start:hit.end]) != key and self._vocabulary_term(short) is None:
                bound[key] = (hit.term, short, m.start())
        return bound, suppressed

    def _named_products(self, text: str, bound: dict) -> None:
        """Products a document names for itself: "a hydrogel they call MenSec-gel", "two products: "SunCord MSC,"
        and "SunCord Exo"" (CamelCase, perhaps with a short second part), or a code name given to what a trial
        tests ("our phase 2b trial of CVB-101 in ARDS"), that acts in a study ("ALV-101 restored"), that names
        the cells in brackets ("MSCs (NRX-101)"), that the text defines as a treatment ("CordaCel-K is an
        experimental treatment made from ..."), sets after "product," ("our lead product, CordaFlex") or says consists
        of MSCs ("Oravecel consists of culture-expanded mesenchymal stromal cells", "Each vial of Genuvacel
        contains ... mesenchymal stromal cells"), that a label says is indicated ("X is indicated for") or holds in
        brackets ("intracoronary Cordiavex (3 × 10^7 allogeneic Wharton's jelly MSCs)"). The name is a product
        wherever it occurs in the document."""
        names = [m.group(1) for m in _NAMING.finditer(text)] + [m.group(1) for m in _CODE_NAME.finditer(text)] \
            + [m.group(1) for m in _CODE_NAME_AGENT.finditer(text)]
        for pattern in (_DEFINED_NAME, _PRODUCT_FIELD, _PRODUCT_APPOSITION, _MADE_OF_CELLS, _INDICATED_NAME,
                        _CELLS_IN_BRACKETS):
            for m in pattern.finditer(text):
                own, code, proper = m.groups()[:3]
                shouted = m.group(4) if pattern is _DEFINED_NAME else None
                word = proper or shouted
                if word and _written_otherwise(text, word):
                    continue    # "This is a therapy", "WARNING, a ...": a word the text also writes otherwise
                names.append(own or code or word)
        for m in _BRACKETED_CODE.finditer(text):      # not an abbreviation of the cells it follows
            bound.pop(normalise(m.group(1)), None)
            names.append(m.group(1))
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if re.search(r"\bproducts?\b", sentence, re.I):
                names += [m.group(1) for m in _QUOTED_NAME.finditer(sentence)]
        for name in names:
            key = normalise(name)
            if key not in bound and self._vocabulary_term(name) is None:
                bound[key] = (self._product_named(name), name, 0)

    def _brand_names(self, text: str, hits: list[_Hit], bound: dict) -> None:
        """A brand written beside a product's nonproprietary name in brackets, either way round: "Ordavance
        (ordastrocel)", "ordastrocel (Ordavance)". The brand is that product wherever the document names it; a word
        the text also writes in lower case is no brand."""
        for hit in hits:
            if hit.term.label != schema.PRODUCT or not PRODUCT_NAME.fullmatch(text[hit.start:hit.end]):
                continue
            before = _BRAND_BEFORE.search(text, max(0, hit.start - 40), hit.start)
            after = _BRAND_AFTER.match(text, hit.end)
            for m in (before, after):
                if m is None or text[hit.start:hit.end].lower() == m.group(1).lower():
                    continue
                brand = m.group(1)
                if self._vocabulary_term(brand) is not None or normalise(brand) in bound \
                        or _written_otherwise(text, brand):
                    continue
                bound[normalise(brand)] = (hit.term, brand, 0)

    def _tissue_before(self, text: str, hits: list[_Hit], at: int) -> _Hit | None:
        """The last mention of a tissue source in the sentence before ``at`` (at most 120 characters back),
        when it is the only tissue named there."""
        start = max(at - 120, text.rfind(". ", 0, at) + 1)
        tissues = [h for h in hits if start <= h.start and h.end <= at and h.term.label == schema.MSC_SOURCE
                   and h.term.id != self.generic_msc.id]
        return tissues[-1] if tissues and len({h.term.id for h in tissues}) == 1 else None

    def _bind_metadata(self, short: str, long_form: str, bound: dict, suppressed: dict) -> None:
        key = normalise(short)
        if not key or key in bound:
            return
        term = self.lookup(long_form)
        if term is None:
            found = self.find_in_text(long_form)
            covering = [f for f in found if len(normalise(long_form[f[0]:f[1]])) >= 0.6 * len(normalise(long_form))]
            if covering:
                term = covering[0][2]
            elif not found:
                suppressed.setdefault(key, 0)
                return
        if term is not None:
            bound[key] = (term, short, 0)
            suppressed.pop(key, None)

    # ------------------------------------------------------------------ MSC source phrases
    def _merge_sources(self, text: str, hits: list[_Hit]) -> list[_Hit]:
        """Join a tissue source and the MSCs it qualifies into one mention of the tissue."""
        generic = self.generic_msc.id
        out: list[_Hit] = []
        i = 0
        while i < len(hits):
            hit = hits[i]
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            is_source = hit.term.label == schema.MSC_SOURCE and hit.term.id != generic
            if is_source and nxt is not None and nxt.term.id == generic \
                    and _SOURCE_TO_MSC.fullmatch(text, hit.end, nxt.start):
                out.append(_Hit(hit.start, nxt.end, hit.term, hit.rank))
                i += 2
                continue
            if is_source:
                m = _SOURCE_TO_CELLS.match(text, hit.end)
                if m and (nxt is None or nxt.start >= m.end()):
                    out.append(_Hit(hit.start, m.end(), hit.term, hit.rank))
                    i += 1
                    continue
            if hit.term.id == generic and nxt is not None and nxt.term.label == schema.MSC_SOURCE \
                    and nxt.term.id != generic and _MSC_TO_SOURCE.fullmatch(text, hit.end, nxt.start):
                out.append(_Hit(hit.start, nxt.end, nxt.term, nxt.rank))
                i += 2
                continue
            out.append(hit)
            i += 1
        return out


# --------------------------------------------------------------------------- helpers
# "CD4+ and CD8+ T cells": the first marker, its "+", and the words that join it to the next cell type
_MARKER_BEFORE_CELLS = re.compile(r"(CD\d+[a-z]?)\+\s*(?:,|and|or|/)\s*")
# a bare modifier and the "and"/"or" that join it to the next cell type: "dopaminergic and (motor neurons)"
_MODIFIER_BEFORE_CELLS = re.compile(r"(?<![\w-])([A-Za-z][a-z]{2,})\s+(?:and|or)\s+\Z")
# the cell type named by its marker: "CD8+ T cells" -> "T cells"
_MARKED_CELLS = re.compile(r"CD\d+[a-z]?\+\s*(.+)")
_PAREN = re.compile(r"\(\s*([^\s()\[\],;]{1,12})\s*[),;]")
_SHORT_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9\-]{1,9})\s*\(\s*\Z")
def _written_otherwise(text: str, word: str) -> bool:
    """The text also writes ``word`` in another case ("This is a therapy ... this"): a common word, not a name."""
    return any(x.group() != word for x in re.finditer(rf"\b{re.escape(word)}\b", text, re.I))


# a brand beside a nonproprietary name in brackets: "Ordavance (ordastrocel)", "ordastrocel (Ordavance)"
_BRAND_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]{3,}(?:-[A-Z0-9]{1,3})?)\s*\(\s*\Z")
_BRAND_AFTER = re.compile(r"\s*\(\s*([A-Z][a-z]{3,}(?:-[A-Z0-9]{1,3})?)\s*\)")
_SOURCE_TO_MSC = re.compile(rf"(?:[\s{_HC}]|derived|tissue|isolated|human)*", re.I)
_SOURCE_TO_CELLS = re.compile(
    rf"[\s{_HC}]*(?:derived[\s{_HC}]+)?(?:(?:mesenchymal|multipotent)\s+)?"
    r"(?:stem|stromal|progenitor)(?:\s*/\s*stromal)?\s+cells?(?![A-Za-z0-9])", re.I)
_MSC_TO_SOURCE = re.compile(
    r"\s+(?:(?:derived|isolated|obtained|harvested|originating)\s+)?(?:from|of)\s+"
    r"(?:(?:the|human|a|an|autologous|allogeneic)\s+)*", re.I)


# arrows and arrow marks of notes and figure legends (← ↑ → ↓ ↔ ⇒ ⟶): no name runs across one (the arrows that
# relate names are relations.notation.ARROWS)
NAME_BREAKS = "\u2190\u2191\u2192\u2193\u2194\u21d2\u27f6"


def _at_word_boundary(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def _before_participle(text: str, start: int, end: int) -> bool:
    """text[start:end] stands free on the left and is glued on the right only to a participle: "hP-MSC-treated"."""
    if start >= 2 and text[start - 1] in _HYPHENS + "/" and text[start - 2].isalnum():
        return False
    return re.match(r"[\-\u2010\u2011](?:treated|derived|conditioned|injected|infused|primed)\b",
                    text[end:]) is not None


def _glued(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is joined by a hyphen or slash to a neighbouring word ("AD-MSC", "PD-1")."""
    if start >= 2 and text[start - 1] in _HYPHENS + "/" and text[start - 2].isalnum():
        return True
    return end + 1 < len(text) and text[end] in _HYPHENS + "/" and text[end + 1].isalnum()


def _accepts(entry: _Entry, text: str, start: int, end: int, span: str) -> bool:
    """Capitals, plural case, inner punctuation and the standalone/requires_next/exact_case rules."""
    if entry.min_capitals and _capitals(span) < entry.min_capitals:
        return False
    if entry.plural and entry.min_capitals:
        tail = _ascii_letters(span)[-1:]
        if tail.isupper():                       # "NOS" is not the plural of NO
            return False
    inner = span[1:-1]
    if "\n\n" in inner:
        return False
    for k, ch in enumerate(inner, start=1):
        if ch in _BREAKING and ch not in entry.variant:
            if ch == "," and span[k - 1].isdigit() and k + 1 < len(span) and span[k + 1].isdigit():
                continue
            return False
    for rule in entry.rules:
        if rule.rule == "standalone":
            if _glued(text, start, end):
                return False
        elif rule.rule == "requires_next":
            m = re.match(r"\s+([A-Za-z]+)", text[end:end + 30])
            if not m or m.group(1).lower() not in {a.lower() for a in rule.argument}:
                return False
        elif rule.rule == "exact_case":
            if _ascii_letters(span) != _ascii_letters(entry.variant):
                return False
    return True


def _context_ok(rule: AmbiguityRule, lowered: str, hits: list[_Hit], i: int, text: str) -> bool:
    hit = hits[i]
    for phrase in rule.argument:
        if phrase.lower() in lowered:
            return True
    # in a list with another mention of the same label: "PGE2, NO, and TGF-β"
    for j in (i - 1, i + 1):
        if 0 <= j < len(hits) and hits[j].term.label == hit.term.label:
            a, b = (hits[j], hit) if j < i else (hit, hits[j])
            if re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[a.end:b.start]):
                return True
    return False


def _resolve(candidates: Iterable[_Hit]) -> list[_Hit]:
    """Leftmost-longest non-overlapping hits; ties go to the better rank, then curated, label order, id."""
    ordered = sorted(candidates, key=lambda h: (h.start, -(h.end - h.start), h.rank, h.quality, _priority(h.term)))
    out: list[_Hit] = []
    last_end = -1
    for hit in ordered:
        if hit.start >= last_end:
            out.append(hit)
            last_end = hit.end
    return out


def _looks_like_abbreviation(short: str) -> bool:
    """Capitals enough for a short form; a single letter is a list label ("Darvadstrocel (A)"), never one."""
    if len(short) < 2:
        return False
    capitals = _capitals(short)
    return capitals >= 2 or (capitals == 1 and len(short) <= 5)


def _spelled_by_initials(long_form: str, short: str) -> bool:
    """Every word of ``long_form`` gives one letter of ``short``: "hepatic stellate cells" -> HSCs."""
    letters = _ascii_letters(short).lower()
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z0-9]+", long_form)).lower()
    return initials in {letters, letters[:-1] if letters.endswith("s") else letters}


def _tail_spells(long_form: str, short: str) -> bool:
    """Whether the last words of ``long_form``, without its first, are spelled by ``short`` ("graft-versus-host
    disease" in "acute graft-versus-host disease" -> GVHD)."""
    words = re.findall(r"[A-Za-z0-9]+", long_form)
    return any(_spelled_by_initials(" ".join(words[k:]), short) for k in range(1, len(words)))


def _letters_in_order(long_form: str, short: str) -> bool:
    """Whether the letters of ``short`` occur in ``long_form`` in order, as an abbreviation's do ("TSG-6" in "TNF-
    stimulated gene 6"; not "BM" in "Prochymal", which brackets the product's source, not its short name)."""
    rest = iter(long_form.lower())
    return all(ch in rest for ch in _ascii_letters(short).lower())


def _initials_match(before: str, short: str) -> bool:
    """Whether the words before a parenthesis start with the letters of ``short`` ("mass spectrometry (MS)")."""
    letters = _ascii_letters(short).lower()
    if letters.endswith("s") and len(letters) > 2:
        letters_options = (letters, letters[:-1])
    else:
        letters_options = (letters,)
    words = re.findall(r"[A-Za-z0-9]+", before[-120:])
    for n in range(1, min(len(words), 8) + 1):
        initials = "".join(w[0] for w in words[-n:]).lower()
        if initials in letters_options:
            return True
    return False


def _is_suppressed(text: str, hit: _Hit, suppressed: dict[str, int]) -> bool:
    if hit.rank != 1 or not suppressed:
        return False
    key = normalise(text[hit.start:hit.end])
    for k in (key, key[:-1] if key.endswith("s") else None):
        if k in suppressed and hit.start >= suppressed[k]:
            return True
    return False


def _bound_hits(text: str, compact: str, origin: list[int], bound: dict) -> list[_Hit]:
    """Occurrences of the bound short forms (and their plurals) from their definition on."""
    if not bound:
        return []
    automaton = ahocorasick.Automaton()
    for key, (term, short, offset) in bound.items():
        automaton.add_word(key, (key, False, len(key)))
        automaton.add_word(key + "s", (key, True, len(key) + 1))
        if re.search(r"[A-Z]s$", short) and key[:-1] not in bound:
            automaton.add_word(key[:-1], (key, False, len(key) - 1))    # "(hP-MSCs)", later "hP-MSC treatment"
    automaton.make_automaton()
    hits = []
    n = len(compact)
    for last, (key, plural, length) in automaton.iter(compact):
        term, short, offset = bound[key]
        first = last - length + 1
        if (first > 0 and origin[first - 1] == origin[first]) or (last + 1 < n and origin[last + 1] == origin[last]):
            continue
        start, end = origin[first], origin[last] + 1
        span = text[start:end]
        if start < offset or not _at_word_boundary(text, start, end):
            continue
        if _capitals(span) < min(_capitals(short), 4) or (plural and span[-1] != "s"):
            continue
        if any(ch in _BREAKING for ch in span) or (not any(c.isdigit() for c in short) and _glued(text, start, end)
                                                     and not _before_participle(text, start, end)):
            continue
        hits.append(_Hit(start, end, term, 0))
    return hits
