"""Relation extraction: typed claims from the sentences and tables of a Document.

A claim needs a trigger. Each sentence becomes a row of items (entity mentions,
words, punctuation); trigger phrases from ``rules/triggers.tsv`` are found in
it and each looks for its arguments: the nearest coordinated group of mentions
on each side whose labels the relation allows (``schema.RELATIONS``). Lists are
distributed ("secrete VEGF, HGF and IL-6" gives three claims), a verb after
"which" takes the noun phrase before it as subject, a verb after "and"/"while"/
"by" shares the subject of the verb before it, and passive forms swap sides.
Negation and hedging cues (``rules/cues.tsv``) flag a claim, never drop it.
A few constructions have their own rules: approval statements
(APPROVED_FOR with agency, country and year), a product next to the tissue it is
made from (DERIVED_FROM), "pro-angiogenic factors such as VEGF" (MEDIATES),
factors named after their source ("MSC-derived exosomes"), and two kinds of
table (approved products; clinical applications). Two mentions in one sentence
with no trigger between them give no claim: co-occurrence is left to MENTIONS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace, field
from functools import lru_cache
from pathlib import Path

from msckg.graph import schema
from msckg.loaders.document import Document, Sentence, Table
from msckg.loaders.entities import RULES_DIR, EntityRecognizer, Mention, RulesError, normalise, read_tsv
from msckg.loaders.vocabulary import Term


@dataclass(frozen=True)
class Claim:
    """One typed statement with its single piece of evidence."""

    type: str                    # a key of schema.RELATIONS, never MENTIONS/CITES
    subject: Term
    object: Term
    sentence: str                # evidence text: the sentence, or for a table row its cells joined with " | "
    section: str
    start: int                   # span of the evidence in document.text (-1, -1 for a table row)
    end: int
    cited: tuple[int, ...]       # reference numbers the sentence (or the row's Ref. cell) cites
    negated: bool
    hedged: bool
    trigger: str                 # the trigger word/phrase (or "table:<caption>")
    confidence: float            # 0..1 for this single piece of evidence
    properties: tuple[tuple[str, object], ...] = ()


# --------------------------------------------------------------------------- rules
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|\S")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN.findall(text))


@dataclass(frozen=True)
class TriggerRule:
    """One row of ``rules/triggers.tsv`` for one spelling."""

    form: str
    relation: str
    voice: str
    strength: float
    subject_window: int
    object_window: int
    properties: tuple[tuple[str, object], ...] = ()
    constraints: tuple[tuple[str, str], ...] = ()

    @property
    def glued(self) -> bool:
        """A form such as "-derived" that is written onto the entity before it."""
        return self.form.startswith("-")

    @property
    def participle(self) -> bool:
        """A one-word "-ed" form: a verb only after its subject or an auxiliary, not as an adjective."""
        return self.voice == "active" and " " not in self.form and self.form.endswith("ed")

    def admits_subject(self, term: Term) -> bool:
        """The ``subject_kind`` constraint: "miR-182 targets TLR4" inhibits, "IL-10 targets T cells" does not."""
        return all(term.kind in value.split("/") for key, value in self.constraints if key == "subject_kind")

    def admits_object(self, term: Term, word_before: str = "") -> bool:
        """The ``constraints`` on the object: its Factor kind, the word right before it."""
        for key, value in self.constraints:
            if key == "object_kind" and term.kind not in value.split("/"):
                return False
            if key == "object_not_after" and word_before in value.split("/"):
                return False
        return True


@dataclass(frozen=True)
class Rules:
    """Everything ``rules/*.tsv`` tells the relation extractor."""

    triggers: dict[tuple[str, ...], tuple[TriggerRule, ...]]
    cues: dict[str, frozenset[tuple[str, ...]]]
    agencies: tuple[tuple[str, str, tuple[str, ...]], ...]      # (agency, country, spellings)
    countries: tuple[tuple[str, tuple[str, ...]], ...]          # (country, spellings)
    adjectives: dict[tuple[str, ...], tuple[str, ...]]           # adjective tokens -> mechanism names
    longest: int = field(default=1)

    def cue(self, kind: str) -> frozenset[tuple[str, ...]]:
        return self.cues.get(kind, frozenset())


NEGATION_SEARCH = "negation+pseudo"


def _value(text: str) -> object:
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    try:
        return int(text)
    except ValueError:
        return text


@lru_cache(maxsize=4)
def load_rules(directory: Path = RULES_DIR) -> Rules:
    """Read triggers, cues, agencies, countries and mechanism adjectives; raise :class:`RulesError` if bad."""
    directory = Path(directory)
    triggers: dict[tuple[str, ...], list[TriggerRule]] = {}
    for row in read_tsv(directory / "triggers.tsv"):
        relation = row["relation"]
        if relation not in schema.TYPED_RELATIONS:
            raise RulesError(f"triggers.tsv: {relation!r} is not a typed relation of the schema")
        if row["voice"] not in ("active", "passive", "nominal"):
            raise RulesError(f"triggers.tsv: voice must be active, passive or nominal, not {row['voice']!r}")
        try:
            strength = float(row["strength"])
            windows = int(row["subject_window"]), int(row["object_window"])
        except ValueError as exc:
            raise RulesError(f"triggers.tsv: bad number in row for {relation}: {exc}") from None
        props = tuple(sorted(
            (k.strip(), _value(v.strip())) for k, v in
            (p.split("=", 1) for p in row.get("properties", "").split(",") if "=" in p)
        ))
        constraints = tuple(sorted(
            (k.strip(), v.strip()) for k, v in
            (p.split("=", 1) for p in row.get("constraints", "").split(",") if "=" in p)
        ))
        for form in (f.strip() for f in row["forms"].split("|")):
            if form:
                rule = TriggerRule(form, relation, row["voice"], strength, *windows, props, constraints)
                triggers.setdefault(_tokens(form), []).append(rule)
    cues: dict[str, set[tuple[str, ...]]] = {}
    for row in read_tsv(directory / "cues.tsv"):
        cues.setdefault(row["kind"], set()).add(_tokens(row["cue"]))
    agencies = tuple(
        (row["agency"], row["country"], tuple(a for a in [row["agency"], *row.get("aliases", "").split("|")] if a))
        for row in read_tsv(directory / "agencies.tsv"))
    countries = tuple(
        (row["country"], tuple(a for a in [row["country"], *row.get("aliases", "").split("|")] if a))
        for row in read_tsv(directory / "countries.tsv"))
    adjectives: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in read_tsv(directory / "mechanism_adjectives.tsv"):
        names = tuple(n.strip() for n in row["mechanism"].split("|") if n.strip())
        for adjective in row["adjective"].split("|"):
            if adjective.strip():
                adjectives[_tokens(adjective)] = names
    # negations and pseudo-negations are searched together so that the longer "not only" wins over "not"
    cues[NEGATION_SEARCH] = cues.get("negation", set()) | cues.get("pseudo_negation", set())
    longest = max([len(k) for k in triggers] + [len(k) for kind in cues.values() for k in kind] + [1])
    return Rules({k: tuple(v) for k, v in triggers.items()}, {k: frozenset(v) for k, v in cues.items()},
                 agencies, countries, adjectives, longest)


# --------------------------------------------------------------------------- sentence model
@dataclass
class _Item:
    kind: str                    # "ent", "word" or "punct"
    text: str                    # lower-cased for words
    start: int
    end: int
    term: Term | None = None
    words: tuple[str, ...] = ()  # the words of a mention, for triggers inside Mechanism mentions
    indirect: bool = False       # an anaphor standing for the previous sentence's MSC source
    after_citation: bool = False  # a citation marker ("[27-29]") stands right before this item


@dataclass
class _Group:
    members: list[int]           # item indices of the entities
    first: int                   # item index range [first, last]
    last: int


@dataclass
class _Trigger:
    first: int                   # item range [first, last]
    last: int
    form: str
    rules: tuple[TriggerRule, ...]


@dataclass
class _Candidate:
    rule: TriggerRule
    subjects: list[int]
    objects: list[int]
    gap: int
    indirect: bool


_CITATION = re.compile(r"\[\s*\d+(?:\s*[-\u2013,]\s*\d+)*\s*\]|<sup>.*?</sup>")
_AUTHOR_YEAR = re.compile(r"\([^()]*\bet al\b[^()]*\)")
_CONNECTOR_WORDS = {",", "and", "or", "nor", "/", "&", "both", "either", "plus"}
_ADVERBS = {"also", "further", "then", "in", "turn", "can", "may", "might", "could", "significantly",
            "directly", "indirectly", "markedly", "strongly", "additionally", "subsequently",
            "not", "only", "effectively", "partly", "partially", "primarily", "mainly", "reportedly", "to",
            "be", "been", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did", "will", "would"}
# who a study is about: "in 54 pediatric patients with SR-aGVHD", "in mice with LPS-induced ALI"
_POPULATIONS = {"patients", "patient", "children", "adults", "participants", "subjects", "individuals", "mice",
                "rats", "animals", "models", "model", "cohort", "people", "infants", "dogs", "pigs", "volunteers"}
_STUDIES = {"studies", "study", "trials", "trial", "models", "model", "cohorts", "cohort", "cases"}
_DISEASE_MODIFIERS = {"induced", "associated", "related", "mediated", "driven", "severe", "acute", "chronic",
                      "moderate", "mild", "established", "symptomatic", "advanced", "refractory", "active",
                      "experimental", "subacute", "progressive", "early", "late", "decompensated", "compensated"}
# words that may stand between a negation and the verb it negates
_LIGHT_WORDS = {"to", "be", "show", "shown", "demonstrate", "provide", "have", "exert", "confer", "offer", "a", "an",
                "any", "the", "significant", "clinical", "structural", "therapeutic", "measurable", "meaningful",
                "additional", "clear", "obvious"}
# a product described by the cells it is made of: "a bone marrow-derived MSC product, Temcell"
_PRODUCT_NOUNS = {"product", "products", "therapy", "preparation", "medicine", "drug", "medicinal"}
_DESCRIPTION_WORDS = {"a", "an", "the", "related", "allogeneic", "autologous", "approved", "licensed",
                      "culture-expanded", "expanded", "cultured", "off-the-shelf", "first", "cell", "stem", "stromal",
                      "another", "similar"}
# words that end the reach of a hedge cue, and the verbs after which "that" opens what they hedge
_HEDGE_BARRIERS = {"which", "whereas", "while", "but", "although", "though", ";"}
_THAT_COMPLEMENT = {"suggest", "suggests", "suggested", "suggesting", "indicate", "indicates", "indicated", "show",
                    "shows", "showed", "shown", "possible", "likely", "unlikely", "hypothesized", "hypothesised",
                    "proposed", "believed", "thought", "speculated", "found", "demonstrated", "reported", "is",
                    "was", "clear", "unclear"}
# the state of an agent after "via"/"through": "via p38 activation", "through NF-κB inhibition"
_ACTIVE_STATES = {"activation", "activity", "signalling", "signaling", "phosphorylation", "upregulation",
                  "overexpression", "induction", "stimulation"}
_INACTIVE_STATES = {"inhibition", "blockade", "suppression", "downregulation", "knockdown", "silencing",
                    "deletion", "deficiency", "inactivation"}
# nouns that may stand between an entity and the relative pronoun taking it as subject ("MSC populations that")
_HEAD_NOUNS = {"cell", "cells", "phenotype", "phenotypes", "population", "populations", "subpopulation",
               "subpopulations", "subset", "subsets", "fraction", "fractions", "culture", "cultures"}
_PREPOSITIONS = {"in", "of", "from", "within", "inside", "containing", "carrying", "with", "by"}
_DISCOURSE = {"additionally", "moreover", "furthermore", "however", "also", "in", "addition", "thus", "therefore",
              "importantly", "notably", "interestingly", "similarly", "likewise", "indeed", "besides", "then",
              "still", "nevertheless", "finally", "first", "second", "third", "overall", "together", ","}
# before a one-word "-ed" trigger, what makes it a verb ("MSCs reduced X", "have reduced") not an adjective
_VERB_CONTEXT = {"have", "has", "had", "was", "were", "is", "are", "be", "been", "significantly", "also", "further",
                 "markedly", "greatly", "dramatically", "effectively", "and", "not", "which", "that", "never",
                 "successfully", "substantially", "strongly", "partially", "partly", "then", ",", ")", "]",
                 # a head noun after the agent: "WJ-MSC injection reduced", "MSC therapy improved"
                 "injection", "injections", "infusion", "infusions", "transplantation", "administration",
                 "therapy", "treatment", "preparations", "transfer"}
# multi-word links inside a coordinated group: "MSCs combined with vitamin D3"
_GROUP_LINKS = (("as", "well", "as"), ("combined", "with"), ("together", "with"), ("along", "with"),
                ("in", "combination", "with"), ("and", "/", "or"))


_LENGTHS: dict[int, tuple[object, dict[str, tuple[int, ...]]]] = {}


_MODIFIER_PARTICIPLES = {"induced", "mediated", "driven", "dependent", "stimulated", "activated", "treated", "primed",
                         "producing", "secreting", "expressing", "positive", "negative", "deficient", "high", "low"}


def _modifier(model: "_SentenceModel", group: "_Group") -> bool:
    """The group is glued to a participle that makes it a modifier: "TNF-α-induced", "IFN-γ-producing"."""
    items = model.items
    k = group.last + 1
    return k + 1 < len(items) and items[k].text == "-" and items[k].start == items[group.last].end \
        and items[k + 1].text in _MODIFIER_PARTICIPLES


def _reduced_relative_form(words: tuple[str, ...]) -> bool:
    """"derived from", "released by", "isolated from": a participle and its preposition, which after a noun
    modifies it rather than being the sentence's verb."""
    return len(words) == 2 and words[0].endswith("ed") and words[1] in ("from", "by", "in", "with", "on")


def _abbreviates(short: _Item, long: _Item) -> bool:
    """"steroid-refractory graft-versus-host disease (GVHD)": the parenthesised term only abbreviates a
    broader concept whose name the longer mention spells out, so it is not a second member."""
    if short.term.id == long.term.id or short.term.label != long.term.label:
        return False
    spelled = normalise(long.text)
    return any(len(n) > 4 and n in spelled for n in map(normalise, (short.term.name, *short.term.synonyms)))


def _lengths_by_first_word(phrases) -> dict[str, tuple[int, ...]]:
    """First word -> phrase lengths starting with it, longest first (cached per phrase set)."""
    cached = _LENGTHS.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        index: dict[str, set[int]] = {}
        for phrase in phrases:
            index.setdefault(phrase[0], set()).add(len(phrase))
        cached = (phrases, {k: tuple(sorted(v, reverse=True)) for k, v in index.items()})
        _LENGTHS[id(phrases)] = cached
    return cached[1]


#: How many sentences back "they", "the cells" or a subject-less "secretion of" may find their MSC source.
TOPIC_REACH = 3

#: Subject index standing for the sentence's topic (the previous sentence's MSC source), not an item.
TOPIC = -1


class _SentenceModel:
    """The items, groups, triggers and cues of one sentence."""

    def __init__(self, text: str, offset: int, mentions: list[Mention], rules: Rules) -> None:
        self.rules = rules
        hidden = [(m.start() + offset, m.end() + offset) for m in _CITATION.finditer(text)]
        items: list[_Item] = []
        mentions = sorted(mentions, key=lambda m: m.start)
        k = 0
        cited = False
        for tok in _TOKEN.finditer(text):
            start, end = tok.start() + offset, tok.end() + offset
            if any(a <= start < b for a, b in hidden):
                cited = True
                continue
            after_citation, cited = cited, False
            while k < len(mentions) and mentions[k].end <= start:
                k += 1
            if k < len(mentions) and mentions[k].start < end:
                m = mentions[k]
                if not items or items[-1].kind != "ent" or items[-1].start != m.start:
                    items.append(_Item("ent", m.text, m.start, m.end, m.term, _tokens(m.text),
                                       after_citation=after_citation))
                continue
            word = tok.group()
            kind = "word" if word[0].isalnum() else "punct"
            items.append(_Item(kind, word.lower(), start, end, after_citation=after_citation))
        self.items = items
        self.topic: _Item | None = None  # the MSC source of the previous sentence, for subject-less nouns
        self.clause = []
        clause = 0
        for item in items:
            if item.kind == "punct" and item.text in (";", ":"):
                clause += 1
            self.clause.append(clause)

    def item(self, index: int) -> _Item:
        """Item ``index``, or the paragraph topic for :data:`TOPIC`."""
        if index == TOPIC:
            assert self.topic is not None
            return self.topic
        return self.items[index]

    # ------------------------------------------------------------------ streams
    def stream(self, with_mechanisms: bool = True) -> list[tuple[int, str]]:
        """(item index, word) for trigger and cue matching; mentions are opaque except Mechanism words."""
        out = []
        for i, item in enumerate(self.items):
            if item.kind == "ent":
                if with_mechanisms and item.term is not None and item.term.label == schema.MECHANISM:
                    out.extend((i, w) for w in item.words)
                else:
                    out.append((i, "\x00"))
            else:
                out.append((i, item.text))
        return out

    def find_phrases(self, phrases: dict | frozenset, with_mechanisms: bool = False) -> list[tuple[int, int, tuple]]:
        """Leftmost-longest occurrences of ``phrases`` as (first item, last item, phrase)."""
        key = (id(phrases), with_mechanisms)
        cache = self.__dict__.setdefault("_phrase_cache", {})
        if key not in cache or cache[key][0] is not phrases:      # keep the object: ids of dead ones are reused
            cache[key] = (phrases, self._find_phrases(phrases, with_mechanisms))
        return cache[key][1]

    def _find_phrases(self, phrases, with_mechanisms: bool) -> list[tuple[int, int, tuple]]:
        stream = self.stream(with_mechanisms)
        lengths = _lengths_by_first_word(phrases)
        found = []
        p = 0
        while p < len(stream):
            for n in lengths.get(stream[p][1], ()):
                words = tuple(w for _, w in stream[p:p + n])
                if words in phrases:
                    found.append((stream[p][0], stream[p + n - 1][0], words))
                    p += n
                    break
            else:
                p += 1
        return found

    def triggers(self) -> list[_Trigger]:
        out = []
        for first, last, words in self.find_phrases(self.rules.triggers, with_mechanisms=True):
            inner = [i for i in range(first, last + 1) if self.items[i].kind == "ent"]
            # words inside a Mechanism mention count only when the trigger goes on past it ("paracrine secretion of")
            if inner and inner[-1] >= last:
                continue
            rules = self.rules.triggers[words]
            if first == last and first > 0 and self.items[first - 1].text in ("a", "an", "the") \
                    and all(r.voice == "active" for r in rules):
                continue    # "an increase that depended on HIF-1α": a noun, not the verb
            if rules[0].glued and (first == 0 or self.items[first - 1].kind != "ent"
                                   or self.items[first - 1].end != self.items[first].start):
                continue
            if rules[0].participle and first > 0 and self.items[first - 1].kind != "ent" \
                    and self.items[first - 1].text not in _VERB_CONTEXT \
                    and not self.items[first - 1].text.isdigit():     # "MSCs at passage 4 expressed CD73"
                rules = tuple(r for r in rules if not r.participle)
                if not rules:
                    continue
            out.append(_Trigger(first, last, rules[0].form, rules))
        return out

    # ------------------------------------------------------------------ groups
    def groups(self) -> list[_Group]:
        """Coordinated entities: "VEGF, bFGF, and HGF", "CD14 or CD11b", "IDO (indoleamine ...)"."""
        items = self.items
        groups: list[_Group] = []
        i = 0
        while i < len(items):
            if items[i].kind != "ent":
                i += 1
                continue
            members = [i]
            last = i
            j = i + 1
            while j < len(items):
                # "X (Y)" : an alias or a product in parentheses joins X's group
                if items[j].text == "(" and j + 2 < len(items) and items[j + 1].kind == "ent" \
                        and items[j + 2].text == ")":
                    if not self.abbreviation(j + 1):
                        members.append(j + 1)
                    last = j + 2
                    j += 3
                    continue
                k = j
                while k < len(items) and items[k].kind != "ent":
                    link = self._link_at(k)
                    if link:
                        k += link
                    elif items[k].text in _CONNECTOR_WORDS:
                        k += 1
                    else:
                        break
                if k > j and k < len(items) and items[k].kind == "ent" and self.clause[k] == self.clause[i] \
                        and items[k].words != ("they",) \
                        and self._has_coordinator(j, k) and not self._comma_splice(j, k):
                    members.append(k)
                    last = k
                    j = k + 1
                    continue
                break
            groups.append(_Group(members, i, last))
            i = last + 1
        return groups

    def abbreviation(self, i: int) -> bool:
        """Item i is "(GVHD)" right after "steroid-refractory graft-versus-host disease": no mention of its own."""
        items = self.items
        return 2 <= i < len(items) - 1 and items[i - 1].text == "(" and items[i + 1].text == ")" \
            and items[i - 2].kind == "ent" and items[i].kind == "ent" and _abbreviates(items[i], items[i - 2])

    def _comma_splice(self, j: int, k: int) -> bool:
        """"... pathways [27-29], EVs from BM-MSCs further downregulate ...": a cited comma, then a new subject."""
        if not (self.items[j].text == "," and self.items[j].after_citation and k == j + 1):
            return False
        starts = {first for first, _, _ in self.find_phrases(self.rules.triggers, with_mechanisms=True)}
        x = k + 1
        if x + 1 < len(self.items) and self.items[x].text in _PREPOSITIONS and self.items[x + 1].kind == "ent":
            x += 2
        while x < len(self.items) and self.items[x].kind == "word" and self.items[x].text in _ADVERBS:
            x += 1
        return x in starts

    def _link_at(self, k: int) -> int:
        """Length of a multi-word group link starting at item k (0 if none)."""
        for link in _GROUP_LINKS:
            n = len(link)
            if tuple(it.text for it in self.items[k:k + n]) == link and all(
                    it.kind != "ent" for it in self.items[k:k + n]):
                return n
        return 0

    def _has_coordinator(self, j: int, k: int) -> bool:
        return any(self.items[x].text in {",", "and", "or", "nor", "/", "&", "plus", "as", "with"}
                   for x in range(j, k))

    # ------------------------------------------------------------------ distances
    def list_intro_items(self) -> set[int]:
        """Items of list introductions ("such as", "including"): filler, not distance."""
        if "_intro" not in self.__dict__:
            self._intro = {x for first, last, _ in self.find_phrases(self.rules.cue("list_intro"))
                           for x in range(first, last + 1)}
        return self._intro

    def words_between(self, a: int, b: int) -> int:
        """Words (not punctuation, not entities) strictly between item indices a < b; "cell-to-cell" is one."""
        items = self.items
        filler = self.list_intro_items()
        count = 0
        for x in range(a + 1, b):
            if items[x].kind != "word" or x in filler:
                continue
            glued = x >= 2 and items[x - 1].text == "-" and items[x - 1].start == items[x - 2].end \
                and items[x - 1].end == items[x].start and items[x - 2].kind == "word"
            count += not glued
        return count


# --------------------------------------------------------------------------- extraction
def extract_claims(document: Document, mentions: list[Mention], recognizer: EntityRecognizer) -> list[Claim]:
    """Typed claims from the sentences and tables of ``document``, in a deterministic order.

    ``confidence`` of one claim = trigger strength (from ``triggers.tsv``)
    - 0.15 if hedged - 0.02 per word beyond 2 between the trigger and its two
    arguments (at most 0.2) - 0.05 when the subject was inferred (anaphora, a
    shared subject, or the sentence topic), clamped to [0.5, 0.95].
    """
    return _Extractor(document, mentions, recognizer, load_rules()).run()


def _clamp(value: float) -> float:
    return round(max(0.5, min(0.95, value)), 3)


def confidence(strength: float, hedged: bool, gap: int, indirect: bool) -> float:
    """The confidence formula of :func:`extract_claims`."""
    value = strength - (0.15 if hedged else 0.0) - min(0.2, 0.02 * max(0, gap - 2)) - (0.05 if indirect else 0.0)
    return _clamp(value)


class _Extractor:
    """Claims of one document: sentence by sentence, then the tables."""

    def __init__(self, document: Document, mentions: list[Mention], recognizer: EntityRecognizer,
                 rules: Rules) -> None:
        self.document = document
        self.recognizer = recognizer
        self.rules = rules
        self.by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.sentence >= 0:
                self.by_sentence.setdefault(m.sentence, []).append(m)
        self.generic = recognizer.generic_msc

    def run(self) -> list[Claim]:
        claims: list[Claim] = []
        recent: Term | None = None      # the MSC source the text last named
        age = 0                         # sentences since then
        for sentence in sorted(self.document.sentences, key=lambda s: (s.start, s.index)):
            mentions = self.by_sentence.get(sentence.index, [])
            previous_source = recent if recent is not None and age <= TOPIC_REACH else None
            model = _SentenceModel(sentence.text, sentence.start, mentions, self.rules)
            self._anaphora(model, previous_source)
            if previous_source is not None:
                model.topic = _Item("ent", previous_source.name, sentence.start, sentence.start, previous_source,
                                    indirect=True)
            claims.extend(self._sentence_claims(sentence, model))
            sources = [it.term for it in model.items if it.kind == "ent" and it.term.label == schema.MSC_SOURCE]
            if sources:
                recent, age = sources[0], 1
            else:
                age += 1
        for table in self.document.tables:
            claims.extend(self._table_claims(table))
        return claims

    # ------------------------------------------------------------------ anaphora
    def _anaphora(self, model: _SentenceModel, previous: Term | None) -> None:
        self._initial_anaphor(model, previous)
        self._coordinated_they(model)

    @staticmethod
    def _coordinated_they(model: _SentenceModel) -> None:
        """"MSCs release TSG-6, and they have been tested in trials": "they" inside a sentence is the
        sentence's own first MSC source."""
        items = model.items
        for i in range(2, len(items)):
            if items[i].kind != "word" or items[i].text != "they":
                continue
            source = next((it for it in items[:i] if it.kind == "ent" and it.term.label == schema.MSC_SOURCE), None)
            if source is not None:
                items[i] = _Item("ent", "they", items[i].start, items[i].end, source.term, ("they",), indirect=True)

    def _initial_anaphor(self, model: _SentenceModel, previous: Term | None) -> None:
        if previous is None:
            return
        items = model.items
        i = 0
        colon = next((k for k, it in enumerate(items[:5]) if it.text == ":"), None)
        if colon is not None and all(it.kind == "word" for it in items[:colon]):
            i = colon + 1       # a run-in label: "RESULTS: The cells expressed ..."
        while i < len(items) and items[i].kind != "ent" and items[i].text in _DISCOURSE:
            i += 1
        for phrase in sorted(self.rules.cue("anaphor"), key=len, reverse=True):
            n = len(phrase)
            if i + n <= len(items) and all(items[i + k].kind != "ent" and items[i + k].text == phrase[k]
                                            for k in range(n)):
                first, last = items[i], items[i + n - 1]
                virtual = _Item("ent", " ".join(phrase), first.start, last.end, previous, phrase, indirect=True)
                model.items[i:i + n] = [virtual]
                model.clause[i:i + n] = [model.clause[i]]
                return

    # ------------------------------------------------------------------ sentences
    def _sentence_claims(self, sentence: Sentence, model: _SentenceModel) -> list[Claim]:
        if not any(it.kind == "ent" for it in model.items):
            return []
        groups = model.groups()
        negations = self._cue_positions(model, "negation")
        hedges = self._cue_positions(model, "hedge")
        found: list[tuple[tuple, Claim]] = []

        def add(order: tuple, rel: str, subj: _Item, obj: _Item, trigger: str, strength: float, gap: int,
                indirect: bool, negated: bool, props: tuple = (), clause: int | None = None,
                structural: bool = False) -> None:
            # structural: read off a noun phrase ("MSC-derived exosomes", "Cartistem (cord blood MSCs)"), which a
            # hedge on the sentence's claim does not make uncertain
            if subj.term.id == obj.term.id or not schema.RELATIONS[rel].allows(subj.term.label, obj.term.label):
                return
            hedged = not structural and any(
                clause is None or model.clause[h] == clause and self._hedge_reaches(model, h, order[0])
                for h in hedges)
            claim = Claim(
                type=rel, subject=subj.term, object=obj.term, sentence=sentence.text, section=sentence.section,
                start=sentence.start, end=sentence.end, cited=tuple(sentence.citations), negated=negated,
                hedged=hedged, trigger=trigger, confidence=confidence(strength, hedged, gap, indirect or subj.indirect),
                properties=tuple(sorted(props)),
            )
            found.append((order, claim))

        triggers = model.triggers()
        chained: dict[int, list[int]] = {}      # clause -> subject members of the last trigger that fired
        for trig in triggers:
            clause = model.clause[trig.first]
            negated = self._negated(model, trig, negations)
            before = chained.get(clause)
            for cand in self._candidates(model, groups, trig, before):
                for s in cand.subjects:
                    for o in cand.objects:
                        add((trig.first, s, o), cand.rule.relation, model.item(s), model.items[o], trig.form,
                            cand.rule.strength, cand.gap, cand.indirect,
                            negated or self._negated_object(model, o, negations), cand.rule.properties, clause,
                            structural=self._reduced_relative(model, trig, cand.rule))
                if cand.subjects and TOPIC not in cand.subjects \
                        and not self._reduced_relative(model, trig, cand.rule):
                    chained[clause] = cand.subjects     # not from inside a noun phrase ("MSC-derived HGF")
            self._means(model, groups, trig, before, add, negated)
        found.extend(self._heading_claims(model, found))
        found.extend(self._cell_context_claims(model, found))
        self._embedded_sources(model, add)
        self._apposition(model, add)
        self._mechanism_adjectives(model, groups, add)
        approved = self._approvals(model, add, negations)
        # one claim per (type, subject, object, properties) in a sentence: the most confident, first found
        # "investigated for their ability to mitigate X": a study of the benefit, not a claim of it ("has yet to
        # be tested" studies nothing)
        studied = {(c.subject.id, c.object.id) for _, c in found if c.type == "INVESTIGATED_FOR" and not c.negated
                   and c.trigger.split()[0] not in _STUDIES}      # "improved X in studies of Y" still claims
        approval_ends = [last for _, last, _ in model.find_phrases(self.rules.cue("approval"))]
        whether = [i for i, it in enumerate(model.items) if it.kind == "word" and it.text == "whether"]
        treated = {(c.subject.id, c.object.id) for _, c in found if c.type == "TREATS"}
        best: dict[tuple, tuple[tuple, Claim]] = {}
        for order, claim in found:
            pair = (claim.subject.id, claim.object.id)
            if claim.type == "INVESTIGATED_FOR" and pair in treated and claim.trigger.split()[0] in _STUDIES:
                continue    # "improved X in studies of Y": the benefit is the claim; the studies are its setting
            if claim.type == "TREATS":
                if pair in approved or pair in studied:
                    continue
                if any(0 <= order[0] - end <= 3 for end in approval_ends):
                    continue    # "indicated for the treatment of": the approval's words, claimed for the product
                if any(w < order[0] and model.clause[w] == model.clause[order[0]] for w in whether):
                    # "this study tests whether MSCs relieve pain in OA": under study, not claimed
                    claim = replace(claim, type="INVESTIGATED_FOR")
            key = (claim.type, claim.subject.id, claim.object.id, claim.properties)
            if key not in best or claim.confidence > best[key][1].confidence:
                best[key] = (order, claim)
        return [c for _, c in sorted(best.values(), key=lambda oc: (oc[0], oc[1].type, oc[1].subject.id,
                                                                      oc[1].object.id))]

    @staticmethod
    def _cell_context_claims(model: _SentenceModel, found: list[tuple[tuple, Claim]]) -> list[tuple[tuple, Claim]]:
        """"In alveolar macrophages, TSG-6 suppressed NF-κB": the sentence's agents act on the cells it opens with."""
        items = model.items
        if len(items) < 4 or items[0].text != "in" or items[1].kind != "ent" \
                or items[1].term.label != schema.CELL_TYPE or items[2].text != ",":
            return []
        cell = items[1].term
        out, seen = [], set()
        for order, claim in found:
            agent = claim.subject
            if agent.label not in (schema.FACTOR, schema.MSC_SOURCE) or agent.id in seen or claim.type == "TARGETS":
                continue
            seen.add(agent.id)
            out.append(((order[0], order[1], 1), replace(
                claim, type="TARGETS", object=cell, properties=(), trigger="in (cell type)",
                confidence=_clamp(claim.confidence - 0.1))))
        return out

    @staticmethod
    def _heading_claims(model: _SentenceModel, found: list[tuple[tuple, Claim]]) -> list[tuple[tuple, Claim]]:
        """"COVID-19 and ARDS: ... MSCs were investigated for ...": diseases named as a run-in heading take
        the therapeutic claims of the text after the colon, with a lower confidence."""
        items = model.items
        colon = next((i for i, it in enumerate(items) if it.kind == "punct" and it.text == ":"), None)
        if colon is None or colon == 0:
            return []
        heading = items[:colon]
        if not all(it.kind == "ent" and it.term.label == schema.DISEASE or it.text in (",", "and", "or", "/")
                   for it in heading) or not any(it.kind == "ent" for it in heading):
            return []
        body = [(order, c) for order, c in found if c.type in ("TREATS", "INVESTIGATED_FOR")
                and c.subject.label in (schema.MSC_SOURCE, schema.PRODUCT) and model.clause[order[0]] > 0]
        if not body:
            return []
        order, claim = body[0]
        return [((order[0], order[1], i), replace(claim, object=it.term, confidence=_clamp(claim.confidence - 0.1)))
                for i, it in enumerate(heading) if it.kind == "ent"]

    @staticmethod
    def _hedge_reaches(model: _SentenceModel, hedge: int, trigger: int) -> bool:
        """A hedge scopes over a verb of its own clause: not across ", and", "which", "whereas", "but", nor a
        "that" opening a relative clause ("effects may depend on factors that MSCs release")."""
        a, b = sorted((hedge, trigger))
        items = model.items
        for x in range(a + 1, b):
            word = items[x].text
            if word in _HEDGE_BARRIERS:
                return False
            if word == "and" and (items[x - 1].text == "," or hedge > trigger):
                return False    # "SHED suppress Th17 cells and may be useful in ...": the hedge is the second verb's
            if word == "that" and hedge < trigger and items[x - 1].text not in _THAT_COMPLEMENT \
                    and x - 1 != hedge:
                return False
        return True

    @staticmethod
    def _reduced_relative(model: _SentenceModel, trig: _Trigger, rule: TriggerRule) -> bool:
        """"Exosomes derived from WJ-MSCs may ...": a participle right after its noun names the noun's origin,
        a fact the sentence presupposes rather than claims."""
        if rule.relation == "SECRETES" and rule.glued:
            return True     # "MSC-derived PGE2 may ..."
        return rule.voice == "passive" and rule.relation in ("SECRETES", "DERIVED_FROM") and trig.first > 0 \
            and model.items[trig.first - 1].kind == "ent"

    def _cue_positions(self, model: _SentenceModel, kind: str) -> list[int]:
        """Item index of the last word of each cue of ``kind``; "not only" is no negation."""
        phrases = self.rules.cue(kind)
        searched = self.rules.cue(NEGATION_SEARCH) if kind == "negation" else phrases
        found = [(first, last) for first, last, words in model.find_phrases(searched) if words in phrases]
        if kind == "hedge":     # "more likely than controls to improve" compares; it does not hedge
            found = [(f, l) for f, l in found
                     if not (f > 0 and model.items[f].text == "likely" and model.items[f - 1].text in ("more", "less"))]
        return [last for _, last in found]

    def _negated(self, model: _SentenceModel, trig: _Trigger, negations: list[int]) -> bool:
        """A negation cue right before the trigger ("did not reduce", "failed to induce", "without causing"),
        or subjects listed with "neither ... nor"."""
        words = [model.items[i].text for i in range(trig.first) if model.clause[i] == model.clause[trig.first]]
        if "neither" in words and "nor" in words[words.index("neither"):]:
            return True
        for n in negations:
            if model.clause[n] != model.clause[trig.first] or n >= trig.first:
                continue
            between = [model.items[x] for x in range(n + 1, trig.first)]
            if len(between) <= 4 and all(it.kind == "word" and it.text in _ADVERBS | _LIGHT_WORDS for it in between):
                return True     # "did not reduce", "failed to induce", "did not show a structural benefit in"
        return False

    @staticmethod
    def _negated_object(model: _SentenceModel, obj: int, negations: list[int]) -> bool:
        """A negation cue right before the object ("showed no IL-6", "neither IL-6 nor IL-10", "without TNF-α")."""
        for n in negations:
            if n < obj and obj - n <= 3 and all(model.items[x].kind != "ent" for x in range(n + 1, obj)) \
                    and model.words_between(n, obj) <= 1:
                return True
        return False

    # ------------------------------------------------------------------ trigger arguments
    def _candidates(self, model: _SentenceModel, groups: list[_Group], trig: _Trigger,
                    chained: list[int] | None) -> list[_Candidate]:
        out = []
        used_objects: set[int] = set()
        for rule in trig.rules:
            rel = schema.RELATIONS[rule.relation]
            if rule.relation == "SECRETES" and rule.form.endswith(" of") and self._object_of_verb(model, trig):
                continue    # "MSCs dampened the release of TNF-α": whose release is not said
            obj_side = "left" if rule.voice in ("passive", "nominal") else "right"
            found = self._find_objects(model, groups, trig, rule, rel.objects, obj_side)
            if not found and rule.relation in ("TREATS", "INVESTIGATED_FOR") and obj_side == "right":
                found = self._setting(model, groups, trig)
            if not found:
                continue
            objects, obj_gap, obj_group = found
            objects = [o for o in objects if o not in used_objects]
            if not objects:
                continue
            if rule.voice == "nominal":
                # "MSCs ... increased exosome secretion": the subject is before the object; "CXCR4 expression on MSCs"
                subjects, subj_gap, indirect = self._find_subjects(model, groups, trig, rule, rel.subjects, "left",
                                                                   chained, objects, beyond=obj_group)
                if not subjects:
                    subjects, subj_gap, indirect = self._find_subjects(model, groups, trig, rule, rel.subjects,
                                                                       "right", None, objects, window=3)
            else:
                subj_side = "left" if obj_side == "right" else "right"
                subjects, subj_gap, indirect = self._find_subjects(model, groups, trig, rule, rel.subjects,
                                                                   subj_side, chained, objects)
                if not subjects and obj_side == "right" and not (rel.subjects & rel.objects):
                    # "trials have examined MSCs for Crohn's disease": the subject between verb and object
                    subjects, subj_gap = self._subject_before_object(model, groups, trig, rel.subjects, obj_group)
                    indirect = False
            if not subjects and self._topic_subject(model, rule, trig):
                # "secretion of soluble factors such as PGE2": nobody in the sentence secretes; the paragraph's source does
                subjects, subj_gap, indirect = [TOPIC], 0, True
            subjects = [x for x in subjects if rule.admits_subject(model.item(x).term)]
            if not subjects:
                continue
            if rule.relation == "MODULATES" and rule.voice == "passive":
                rule = self._directed(model, rule, obj_group, subjects)
            used_objects.update(objects)
            out.append(_Candidate(rule, subjects, objects, obj_gap + subj_gap, indirect))
        return out

    def _means(self, model: _SentenceModel, groups: list[_Group], trig: _Trigger, agents: list[int] | None,
               add, negated: bool) -> None:
        """"Exosomes attenuated AKI through ERK1/2 activation": the agent of the verb before "through"/"via"
        activates (or, with "inhibition", inhibits) the pathway named with its state."""
        if trig.form not in ("via", "through") or not agents:
            return
        items = model.items
        group = next((g for g in groups if g.first > trig.last), None)
        if group is None or model.words_between(trig.last, group.first) > 1 or group.last + 1 >= len(items):
            return
        state = items[group.last + 1].text
        sign = 1 if state in _ACTIVE_STATES else -1 if state in _INACTIVE_STATES else 0
        if not sign:
            return
        relation = "ACTIVATES" if sign > 0 else "INHIBITS"
        for a in agents:
            for m in group.members:
                add((trig.first, a, m), relation, model.item(a), items[m], trig.form, 0.6,
                    model.words_between(a, trig.first), True, negated, clause=model.clause[trig.first])

    def _object_of_verb(self, model: _SentenceModel, trig: _Trigger) -> bool:
        """The noun phrase starting at ``trig`` is the object of a verb trigger right before it."""
        i = trig.first - 1
        while i >= 0 and model.items[i].kind == "word" and model.items[i].text in ("the", "a", "an"):
            i -= 1
        ends = {last for _, last, words in model.find_phrases(self.rules.triggers)
                if any(r.voice == "active" and not r.glued for r in self.rules.triggers[words])}
        # "lowered microglial release of TNF-α": one modifier may stand between
        return i in ends or (i - 1 in ends and model.items[i].kind == "word")

    def _setting(self, model: _SentenceModel, groups: list[_Group], trig: _Trigger) -> tuple | None:
        """"Among children with SR-aGVHD, RYONCIL produced a response": a therapeutic verb without a disease
        of its own takes the disease of the patients or animals the sentence is about."""
        items = model.items
        if items and items[0].text == "in":
            # "In DSS-induced colitis, primed BM-MSCs reduced ...": the sentence is about that disease
            comma = next((x for x in range(1, min(len(items), 8)) if items[x].text == ","), None)
            if comma is not None and comma < trig.first and all(
                    items[x].kind == "ent" or items[x].text in _DISEASE_MODIFIERS | {"-", "and", "or"}
                    for x in range(1, comma)):
                diseases = [x for x in range(1, comma) if items[x].term is not None
                            and items[x].term.label == schema.DISEASE]
                if diseases:
                    return diseases, model.words_between(comma, trig.first), _Group(diseases, 1, comma - 1)
        for group in groups:
            at = group.first
            w = at - 1      # "with", perhaps across modifiers: "mice with LPS-induced acute lung injury"
            while w > 0 and (items[w].kind == "ent" or items[w].text == "-" or items[w].text in _DISEASE_MODIFIERS):
                w -= 1
            if model.clause[at] > model.clause[trig.first] or w < 1:
                continue
            if items[w].text == "to" and items[w - 1].text in ("subjected", "exposed"):
                w -= 1      # "mice subjected to myocardial ischaemia-reperfusion injury"
            elif items[w].text == "of" and items[w - 1].text in _STUDIES:
                pass        # "in several uncontrolled studies of decompensated cirrhosis"
            elif items[w].text not in ("with", "undergoing"):
                continue
            before = {items[x].text for x in range(max(0, w - 4), w)}
            diseases = [m for m in group.members if items[m].term.label == schema.DISEASE]
            if diseases and before & (_POPULATIONS | _STUDIES):
                gap = model.words_between(min(at, trig.last), max(at, trig.first))
                return diseases, gap, group
        return None

    def _directed(self, model: _SentenceModel, rule: TriggerRule, obj_group: _Group,
                  subjects: list[int]) -> TriggerRule:
        """"boost VEGF secretion via p38 activation": the verb before the object and the state named after the
        agent ("activation", "inhibition") give "via" its direction; without both it stays MODULATES."""
        after = max(subjects) + 1
        state = model.items[after].text if after < len(model.items) else ""
        sign = 1 if state in _ACTIVE_STATES else -1 if state in _INACTIVE_STATES else 0
        if not sign:
            return rule
        i = obj_group.first - 1
        while i >= 0 and model.items[i].kind == "word" and model.items[i].text in ("the", "a", "an"):
            i -= 1
        for _, last, words in model.find_phrases(self.rules.triggers):
            if last != i:
                continue
            relations = {r.relation for r in self.rules.triggers[words] if r.voice == "active" and not r.glued}
            for verb_sign, direction in ((1, "ACTIVATES"), (-1, "INHIBITS")):
                if direction in relations:
                    return replace(rule, relation="ACTIVATES" if verb_sign * sign > 0 else "INHIBITS")
        return rule

    @staticmethod
    def _topic_subject(model: _SentenceModel, rule: TriggerRule, trig: _Trigger) -> bool:
        """A noun of secretion or expression with no agent in the sentence takes the previous sentence's source."""
        if model.topic is None or rule.relation not in ("SECRETES", "EXPRESSES"):
            return False
        cells_before = rule.relation == "EXPRESSES" and any(
            model.items[i].text == "cells" and model.clause[i] == model.clause[trig.first] for i in range(trig.first))
        if not (rule.voice == "nominal" or rule.form.endswith(" of") or cells_before):
            return False    # "95% of cells positive for CD73" names the paragraph's cells
        return not any(it.kind == "ent" and it.term.label in (schema.MSC_SOURCE, schema.CELL_TYPE)
                       for it in model.items)

    def _subject_before_object(self, model: _SentenceModel, groups: list[_Group], trig: _Trigger,
                               labels: frozenset[str], obj_group: _Group) -> tuple[list[int], int]:
        for group in groups:
            if trig.last < group.first and group.last < obj_group.first:
                chosen = [m for m in group.members if model.items[m].term.label in labels]
                if chosen:
                    return chosen, model.words_between(trig.last, group.first)
        return [], 0

    def _side_groups(self, model: _SentenceModel, groups: list[_Group], trig: _Trigger, side: str) -> list[_Group]:
        clause = model.clause[trig.first]
        if side == "right":
            return [g for g in groups if g.first > trig.last and model.clause[g.first] == clause]
        return [g for g in reversed(groups) if g.last < trig.first and model.clause[g.last] == clause]

    def _gap(self, model: _SentenceModel, trig: _Trigger, group: _Group, side: str) -> int:
        if side == "right":
            return model.words_between(trig.last, group.first)
        return model.words_between(group.last, trig.first)

    def _between(self, trig: _Trigger, group: _Group, side: str) -> tuple[int, int]:
        return (trig.last, group.first) if side == "right" else (group.last, trig.first)

    def _find_objects(self, model, groups, trig, rule, labels, side) -> tuple[list[int], int, _Group] | None:
        """The nearest group on ``side`` with members the relation takes as object, plus coordinated groups."""
        items = model.items
        fits = lambda group: [m for m in group.members if items[m].term.label in labels
                              and rule.admits_object(items[m].term, self._word_before(model, group.first))]
        chosen: list[int] = []
        first_group: _Group | None = None
        gap = 0
        skipped = 0
        previous: _Group | None = None
        modifier: tuple[list[int], int, _Group] | None = None
        for group in self._side_groups(model, groups, trig, side):
            fitting = fits(group)
            if side == "right" and previous is None and fitting and _modifier(model, group):
                # "reduced TNF-α-induced phosphorylation of p65": TNF-α qualifies the object; it is the object
                # only when nothing after it fits ("opposing IL-1β-driven matrix breakdown")
                if modifier is None and not self._trigger_between(model, trig.last, group.first):
                    modifier = (fitting, self._gap(model, trig, group, side), group)
                fitting = []
            if previous is None:
                gap = self._gap(model, trig, group, side)
                if rule.glued or rule.voice == "nominal":
                    adjacent = group.first == trig.last + 1 if side == "right" else group.last == trig.first - 1
                    if not adjacent or not fitting:
                        return None
                if gap > rule.object_window:
                    return None
                if not fitting:
                    skipped += 1
                    if skipped > 1:
                        return None
                    continue
                # another verb in between takes this object, unless it points at the same words
                # ("effective in managing GvHD", "investigated as a therapy for chronic wounds")
                if self._trigger_between(model, *self._between(trig, group, side),
                                         toward=group.first if side == "right" else None):
                    return None
                chosen.extend(fitting)
                previous = first_group = group
                continue
            # coordinated further groups: "M1 activity and pro-inflammatory cytokines like TNF-α"
            a, b = (previous.last, group.first) if side == "right" else (group.last, previous.first)
            between = items[a + 1:b]
            if not fitting or len([x for x in between if x.kind == "word"]) > 4 \
                    or not any(x.text in ("and", "or", ",", "as") for x in between) \
                    or any(x.text in (";", "which", "that", "while", "whereas", "but") or x.after_citation
                           for x in between) \
                    or self._trigger_between(model, a, b) or self._noun_trigger_between(model, a, b):
                break
            chosen.extend(fitting)
            previous = group
        if chosen:
            return chosen, gap, first_group
        if modifier is not None and modifier[1] <= rule.object_window:
            return modifier
        return None

    @staticmethod
    def _word_before(model: _SentenceModel, index: int) -> str:
        """The word before item ``index``, skipping articles ("removed the CXCL12" -> "removed")."""
        i = index - 1
        while i >= 0 and model.items[i].text in ("the", "a", "an"):
            i -= 1
        return model.items[i].text if i >= 0 and model.items[i].kind == "word" else ""

    def _noun_trigger_between(self, model: _SentenceModel, a: int, b: int) -> bool:
        """A noun trigger of its own between two groups: "expression of A, and absence of B"."""
        return any(a < first and last < b and words[-1] == "of"
                   for first, last, words in model.find_phrases(self.rules.triggers))

    def _trigger_between(self, model: _SentenceModel, a: int, b: int, toward: int | None = None) -> bool:
        """Another verb between items a and b (glued forms, "from" and nouns such as "secretion of" do not count).

        With ``toward``, a verb right before that item (at most two words) does not count either.
        """
        for first, last, words in model.find_phrases(self.rules.triggers):
            rules = self.rules.triggers[words]
            if first > 0 and model.items[first - 1].kind == "ent" and (
                    any(r.voice == "nominal" for r in rules) or _reduced_relative_form(words)):
                continue    # "IL-6 release", "exosomes derived from": a noun or a participle after its entity
            if a < first and last < b and not rules[0].glued and rules[0].form != "from" \
                    and not rules[0].form.endswith(" of") and rules[0].voice != "nominal":
                if toward is not None and rules[0].voice == "active" and model.words_between(last, toward) <= 2 \
                        and model.items[first - 1].text not in (",", "and"):
                    continue    # not a coordinated verb of its own (", promotes the apoptosis of")
                return True
        return False

    def _find_subjects(self, model, groups, trig, rule, labels, side, chained, objects, *,
                       beyond: _Group | None = None, window: int | None = None):
        """Subject members, words of distance, and whether the subject was inferred rather than read."""
        items = model.items
        fits = lambda members: [m for m in members if items[m].term.label in labels and m not in objects]
        window = rule.subject_window if window is None else window
        if side == "left" and beyond is None:
            # a verb after "which"/"that" takes the noun phrase right before the pronoun
            rel_at = self._relative_pronoun(model, trig)
            if rel_at is not None:
                before = [g for g in groups if g.last < rel_at and model.clause[g.last] == model.clause[trig.first]]
                if before and all(items[x].kind == "punct" or items[x].text in _HEAD_NOUNS
                                  for x in range(before[-1].last + 1, rel_at)):
                    chosen = fits(before[-1].members)
                    return chosen, model.words_between(before[-1].last, trig.first), False
                return [], 0, False
            # a verb after "and"/"while"/"by" shares the subject of the verb before it
            if self._after_chain(model, trig):
                if chained:
                    # "MSCs ... secrete growth factors, and promote tissue repair": the shared subject or none,
                    # never the nearer object of the verb before
                    return fits(chained), 0, True
                agent = self._plain_verb_subject(model, groups, trig)
                if agent is not None:
                    # "TSG-6 bound CD44 and suppressed NF-κB": the subject of a verb that states no relation
                    return fits(agent.members), model.words_between(agent.last, trig.first), False
        side_groups = self._side_groups(model, groups, trig, side)
        if beyond is not None:
            side_groups = [g for g in side_groups if g.last < beyond.first]
        skipped = 0
        for n, group in enumerate(side_groups):
            gap = self._gap(model, trig, group, side)
            if rule.glued:
                if group.last != trig.first - 1:
                    break
            elif gap > window:
                break
            if beyond is None and self._trigger_between(model, *self._between(trig, group, side)):
                break
            chosen = fits(group.members)
            if not chosen:
                skipped += 1
                if skipped > 2:
                    break
                continue
            if side == "left":
                # "Alofisel, derived from adipose-derived stem cells, is used in": skip the appositive
                for earlier in side_groups[n + 1:n + 2]:
                    if items[earlier.last + 1].text == "," and any(
                            items[x].text == "," for x in range(group.last + 1, trig.first)) \
                            and fits(earlier.members) and model.words_between(earlier.last, trig.first) <= window:
                        return fits(earlier.members), model.words_between(earlier.last, trig.first), False
            if side == "left" and skipped and group.last + 1 < len(items) \
                    and items[group.last + 1].text in _PREPOSITIONS:
                # "EVs from BM-MSCs further downregulate": the head noun phrase before the preposition
                head = self._head_members(model, group, fits)
                if head:
                    return head, gap, False
            if side == "left":
                # "miR-31-5p in MSC-derived exosomes inhibits": the head before the preposition is the subject
                for earlier in side_groups[n + 1:n + 2]:
                    between = items[earlier.last + 1:group.first]
                    head = self._head_members(model, earlier, fits)
                    words = [x for x in between if x.text != "-"]
                    if 1 <= len(words) <= 3 and any(x.text in _PREPOSITIONS for x in words) \
                            and all(x.kind == "word" for x in words) and head:
                        tissues = [m for m in chosen if items[m].term.label == schema.MSC_SOURCE
                                   and items[m].term.id != self.generic.id]
                        if tissues and all(items[m].term.id == self.generic.id for m in head) \
                                and between[-1].text in ("from", "of"):
                            # "mesenchymal stromal cells taken from Wharton's jelly relieve": the tissue's MSCs
                            return tissues, gap, False
                        # "cord blood MSCs with hyaluronic acid (Cartistem) showed": the product names the whole
                        named = [m for m in chosen if items[m].term.label == schema.PRODUCT and items[m - 1].text == "("]
                        return head + named, model.words_between(earlier.last, trig.first), False
            return chosen, gap, False
        # the sentence topic: an MSC source anywhere before the verb ("MSCs express ...; and (2) lack ..."),
        # but not for a verb whose nearest agent is a cell ("reprogrammed macrophages to produce IL-10")
        nearest = side_groups[0] if side_groups else None
        cell_agent = nearest is not None and not rule.form.endswith(" of") and any(
            items[m].term.label == schema.CELL_TYPE for m in nearest.members)
        if side == "left" and not cell_agent and schema.MSC_SOURCE in labels and rule.relation in (
                "SECRETES", "EXPRESSES", "TARGETS", "TREATS", "INVESTIGATED_FOR"):
            for group in groups:
                if group.last >= trig.first:
                    break
                chosen = [m for m in fits(group.members) if items[m].term.label == schema.MSC_SOURCE]
                if chosen:
                    return chosen, min(rule.subject_window, model.words_between(group.last, trig.first)), True
        return [], 0, False

    def _plain_verb_subject(self, model: _SentenceModel, groups: list[_Group], trig: _Trigger) -> _Group | None:
        plain = {p[0] for p in self.rules.cue("plain_verb")}
        clause = model.clause[trig.first]
        verbs = [i for i in range(trig.first) if model.items[i].kind == "word" and model.items[i].text in plain
                 and model.clause[i] == clause]
        if not verbs:
            return None
        before = [g for g in groups if g.last < verbs[-1] and model.words_between(g.last, verbs[-1]) <= 2]
        return before[-1] if before else None

    @staticmethod
    def _head_members(model: _SentenceModel, group: _Group, fits) -> list[int]:
        """The members of ``group`` after its last comma: the noun phrase a following preposition attaches to."""
        members = [m for m in group.members if not any(
            model.items[x].text == "," for x in range(m + 1, group.last + 1))]
        return fits(members)

    def _relative_pronoun(self, model: _SentenceModel, trig: _Trigger) -> int | None:
        relative = {p[0] for p in self.rules.cue("relative")}
        i = trig.first - 1
        while i >= 0 and model.items[i].kind == "word" and model.items[i].text in _ADVERBS:
            i -= 1
        if i >= 0 and model.items[i].kind == "word" and model.items[i].text in relative:
            return i
        return None

    def _after_chain(self, model: _SentenceModel, trig: _Trigger) -> bool:
        """After "and", "while", "by", ... or a participle after a comma (", suppressing T cells")."""
        chain = self.rules.cue("chain")
        i = trig.first - 1
        first_word = trig.form.split()[0]
        if i >= 0 and model.items[i].text == "," and (first_word.endswith("ing") or first_word.endswith("es")):
            return True     # ", suppressing T cells"; "inhibits A, promotes B and stimulates C"
        while i >= 0 and model.items[i].kind == "word" and model.items[i].text in _ADVERBS - {"in"}:
            i -= 1
        for phrase in chain:
            n = len(phrase)
            if i - n + 1 >= 0 and tuple(model.items[i - k].text for k in range(n - 1, -1, -1)) == phrase:
                return True
        return False

    # ------------------------------------------------------------------ special constructions
    def _embedded_sources(self, model: _SentenceModel, add) -> None:
        """A factor named after its source: "MSC-derived exosomes", "MSC-EVs", "BM-MSC-CM" -> SECRETES."""
        for i, item in enumerate(model.items):
            if item.kind != "ent" or item.term.label != schema.FACTOR or item.indirect:
                continue
            parts = list(re.finditer(r"[^\s\-\u2010\u2013]+", item.text))
            source = None
            for k in range(len(parts) - 1, 0, -1):
                prefix = item.text[:parts[k - 1].end()]
                term = self.recognizer.lookup(prefix)
                if term is not None and term.label == schema.MSC_SOURCE:
                    source = term
                    break
            if source is not None:
                subj = _Item("ent", item.text, item.start, item.end, source)
                add((i, -1, i), "SECRETES", subj, item, "-derived", 0.8, 0, False, False, structural=True,
                    clause=model.clause[i])

    def _apposition(self, model: _SentenceModel, add) -> None:
        """A product and the tissue it is made from side by side: "Cartistem (cord blood-derived MSCs)",
        "cord blood-derived MSCs with hyaluronic acid (Cartistem)" -> DERIVED_FROM."""
        items = model.items

        def tissue(i: int) -> bool:
            t = items[i].term
            return items[i].kind == "ent" and t.label == schema.MSC_SOURCE and t.id != self.generic.id

        for i, item in enumerate(items):
            if item.kind != "ent" or item.term.label != schema.PRODUCT:
                continue
            j = i + 1
            while j < len(items) and items[j].text in ("®", "™", "*"):
                j += 1
            if j + 1 < len(items) and items[j].text == "(" and tissue(j + 1):
                add((i, j + 1, i), "DERIVED_FROM", item, items[j + 1], "(apposition)", 0.8, 0, False, False,
                    structural=True)
            described = self._described_tissue(model, i)
            if described is not None:
                add((min(i, described), i, described), "DERIVED_FROM", item, items[described], "(apposition)", 0.8,
                    0, False, False, structural=True)
            if i >= 2 and items[i - 1].text == "(" and i + 1 < len(items) and items[i + 1].text == ")":
                for back in range(i - 2, max(-1, i - 9), -1):
                    if items[back].kind == "punct" and items[back].text not in ("-", "/"):
                        break
                    if tissue(back):
                        add((back, i, i), "DERIVED_FROM", item, items[back], "(apposition)", 0.8,
                            model.words_between(back, i - 1), False, False, structural=True)
                        break

    def _described_tissue(self, model: _SentenceModel, i: int) -> int | None:
        """The tissue in a description of product i: "a bone marrow-derived MSC product, Temcell" or
        "RYONCIL is an allogeneic bone marrow-derived MSC therapy"."""
        items = model.items

        def tissue(k: int) -> bool:
            return 0 <= k < len(items) and items[k].kind == "ent" and items[k].term.label == schema.MSC_SOURCE \
                and items[k].term.id != self.generic.id

        def described_by(span: range) -> int | None:
            seen_noun = False
            for k in span:
                if items[k].kind == "word" and items[k].text in _PRODUCT_NOUNS:
                    seen_noun = True
                elif tissue(k):
                    ahead = [x for x in items[k + 1:k + 6] if x.kind == "word" or x.text in (")", "(", "-")
                             or x.kind == "ent" and x.term.id == self.generic.id]
                    return k if seen_noun or any(x.text in _PRODUCT_NOUNS for x in ahead) else None
                elif not (items[k].kind == "ent" and items[k].term.id == self.generic.id
                          or items[k].text in ("-", "(", ")") or items[k].kind == "word"
                          and items[k].text in _DESCRIPTION_WORDS):
                    return None
            return None

        if i >= 2 and items[i - 1].text == ",":
            return described_by(range(i - 2, max(-1, i - 7), -1))
        if i + 2 < len(items) and items[i + 1].text in ("is", "was") and items[i + 2].text in ("a", "an"):
            found = described_by(range(i + 3, min(len(items) - 1, i + 9)))
            return found
        return None

    def _mechanism_adjectives(self, model: _SentenceModel, groups: list[_Group], add) -> None:
        """"pro-angiogenic factors such as VEGF and HGF" -> VEGF MEDIATES angiogenesis, HGF MEDIATES angiogenesis."""
        items = model.items
        heads = {p[0] for p in self.rules.cue("factor_head")}
        intros = self.rules.cue("list_intro")
        starts: list[tuple[int, Term]] = []
        for i, item in enumerate(items):
            if item.kind == "ent" and item.term.label == schema.MECHANISM:
                starts.append((i, item.term))
        for first, last, words in model.find_phrases(self.rules.adjectives):
            for name in self.rules.adjectives[words]:
                term = self.recognizer.lookup(name)
                if term is not None and term.label == schema.MECHANISM:
                    starts.append((last, term))
                    break
        for at, mechanism in sorted(starts, key=lambda s: s[0]):
            f = at + 1
            if f + 1 < len(items) and items[f].kind == "word" and (items[f].text in heads
                                                                  or items[f].text + "s" in heads):
                f += 1
            if f < len(items) and items[f].kind == "ent" and items[f].term.label == schema.FACTOR:
                # "pro-angiogenic growth factors", "the anti-inflammatory cytokine IL-10"
                anchor = _Item("ent", mechanism.name, items[at].start, items[at].end, mechanism)
                add((at, f, f), "MEDIATES", items[f], anchor, "(adjective)", 0.65, 0, False, False,
                    clause=model.clause[at])
                continue
            j = at + 1
            skipped = 0
            while j < len(items) and items[j].kind == "word" and items[j].text not in heads and skipped < 2:
                j += 1
                skipped += 1
            if j >= len(items) or items[j].text not in heads:
                continue
            k = j + 1
            rest = tuple(x.text for x in items[k:k + 4])
            intro = next((p for p in sorted(intros, key=len, reverse=True) if rest[:len(p)] == p), None)
            if intro is not None:
                k += len(intro)
            elif k < len(items) and items[k].text in (",", "("):
                k += 1
                rest = tuple(x.text for x in items[k:k + 4])
                intro = next((p for p in sorted(intros, key=len, reverse=True) if rest[:len(p)] == p), None)
                if intro is None:
                    continue
                k += len(intro)
            else:
                continue
            group = next((g for g in groups if g.first == k), None)
            if group is None:
                continue
            anchor = _Item("ent", mechanism.name, items[at].start, items[at].end, mechanism)
            for m in group.members:
                add((at, m, m), "MEDIATES", items[m], anchor, "factors such as", 0.7,
                    model.words_between(at, m), False, False, clause=model.clause[m])

    def _approvals(self, model: _SentenceModel, add, negations: list[int]) -> set[tuple[str, str]]:
        """Approval statements: each disease pairs with the nearest product; agency, country, year from the text."""
        cues = model.find_phrases(self.rules.cue("approval"))
        if not cues:
            return set()
        items = model.items
        clauses = {model.clause[first] for first, _, _ in cues}
        products = [i for i, it in enumerate(items) if it.kind == "ent" and it.term.label == schema.PRODUCT
                    and model.clause[i] in clauses]
        diseases = [i for i, it in enumerate(items) if it.kind == "ent" and it.term.label == schema.DISEASE
                    and model.clause[i] in clauses and not model.abbreviation(i)]
        if not products or not diseases:
            return set()
        props = self._approval_properties(self.document.text[items[0].start:items[-1].end])
        cue_first, cue_last, cue_words = cues[0]
        negated = any(abs(n - cue_first) <= 3 and n < cue_first for n in negations)
        pairs: set[tuple[str, str]] = set()
        for d in diseases:
            left = [p for p in products if p < d]
            product = max(left) if left else min(products)
            subj, obj = items[product], items[d]
            pairs.add((subj.term.id, obj.term.id))
            add((min(product, d), product, d), "APPROVED_FOR", subj, obj, " ".join(cue_words), 0.85,
                model.words_between(min(product, d), max(product, d)) // 2, False, negated, props)
        return pairs

    def _approval_properties(self, text: str) -> tuple[tuple[str, object], ...]:
        """year, and the first agency or country named (an agency also gives its country)."""
        text = _AUTHOR_YEAR.sub(" ", _CITATION.sub(" ", text))
        props: dict[str, object] = {}
        year = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", text)
        if year:
            props["year"] = int(year.group(1))
        hits: list[tuple[int, str, str]] = []      # (position, country, agency or "")
        for agency, country, spellings in self.rules.agencies:
            for spelling in spellings:
                for m in re.finditer(rf"(?<![A-Za-z]){re.escape(spelling)}(?![A-Za-z])", text):
                    hits.append((m.start(), country, agency))
        for country, spellings in self.rules.countries:
            for spelling in spellings:
                flags = 0 if spelling.isupper() or "." in spelling else re.I
                for m in re.finditer(rf"(?<![A-Za-z.]){re.escape(spelling)}(?![A-Za-z])", text, flags):
                    hits.append((m.start(), country, ""))
        if hits:
            country = min(hits)[1]
            props["country"] = country
            same = [h for h in hits if h[2] and h[1] == country]
            if same:
                props["agency"] = min(same)[2]
        return tuple(sorted(props.items()))

    # ------------------------------------------------------------------ tables
    def _table_claims(self, table: Table) -> list[Claim]:
        header = [h.lower() for h in table.header]
        if _column(header, ("product",)) is not None and \
                _column(header, ("indication", "approved", "agency", "approval")) is not None:
            return self._products_table(table, header)
        first = header[0] if header else ""
        if any(w in first for w in ("application", "disease", "indication", "condition", "area")) \
                and _column(header, ("key point", "finding", "outcome", "summary")) is not None:
            return self._clinical_table(table, header)
        if any(w in first for w in ("marker", "antigen", "surface", "phenotype")) and len(header) >= 2:
            return self._marker_table(table)
        return []

    def _marker_table(self, table: Table) -> list[Claim]:
        """Rows of markers, one column per MSC source (or one result column for the paper's main source):
        "CD73 | 98%" is expressed, "CD34 | <1%" or "not detected" is a marker the cells lack (ISCT: <= 2%)."""
        columns: dict[int, Term] = {}
        for c, head in enumerate(table.header[1:], start=1):
            found = self._terms_in(head, schema.MSC_SOURCE)
            if found:
                columns[c] = found[0]
        if not columns and self._main_source() is not None:
            columns = {c: self._main_source() for c in range(1, len(table.header))}
        claims = []
        for row in table.rows:
            markers = self._terms_in(row[0], schema.FACTOR) if row else []
            evidence = " | ".join(c.strip() for c in row)
            for c, source in sorted(columns.items()):
                state = _marker_state(row[c]) if c < len(row) else 0
                if not state:
                    continue
                for marker in markers:
                    claims.append(Claim(
                        type="EXPRESSES", subject=source, object=marker, sentence=evidence,
                        section=table.section or table.caption, start=-1, end=-1, cited=(), negated=False,
                        hedged=False, trigger=f"table:{table.caption or table.header[0]}", confidence=0.85,
                        properties=(("negative", True),) if state < 0 else (),
                    ))
        return claims

    def _main_source(self) -> Term | None:
        """The MSC source the paper names most often (a tissue before the generic MSC on a tie)."""
        counts: dict[str, tuple[int, Term]] = {}
        for mentions in self.by_sentence.values():
            for m in mentions:
                if m.term.label == schema.MSC_SOURCE:
                    n, _ = counts.get(m.term.id, (0, m.term))
                    counts[m.term.id] = (n + 1, m.term)
        if not counts:
            return None
        return max(counts.values(), key=lambda nt: (nt[0], nt[1].id != self.generic.id, nt[1].id))[1]

    def _products_table(self, table: Table, header: list[str]) -> list[Claim]:
        col_product = _column(header, ("product", "name"))
        col_disease = _column(header, ("indication", "disease", "condition"))
        col_year = _column(header, ("year",))
        col_agency = _column(header, ("agency", "regulat", "authority", "country"))
        col_ref = _column(header, ("ref",))
        claims = []
        for row in table.rows:
            cell = lambda c: row[c].strip() if c is not None and c < len(row) else ""
            product = self._product_term(cell(col_product))
            if product is None:
                continue
            diseases = self._terms_in(cell(col_disease), schema.DISEASE)
            props: dict[str, object] = {}
            year = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", cell(col_year) or " ".join(row))
            if year:
                props["year"] = int(year.group(1))
            props.update(self._agency_cell(cell(col_agency)))
            evidence = " | ".join(c.strip() for c in row)
            for disease in diseases:
                claims.append(Claim(
                    type="APPROVED_FOR", subject=product, object=disease, sentence=evidence,
                    section=table.section or table.caption, start=-1, end=-1, cited=_ref_numbers(cell(col_ref)),
                    negated=False, hedged=False, trigger=f"table:{table.caption}", confidence=0.9,
                    properties=tuple(sorted(props.items())),
                ))
        return claims

    def _agency_cell(self, text: str) -> dict[str, object]:
        props: dict[str, object] = {}
        inside = re.search(r"\(([^)]*)\)", text)
        outside = re.sub(r"\([^)]*\)", " ", text)
        for agency, country, spellings in self.rules.agencies:
            if any(re.search(rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])", outside) for s in spellings):
                props["agency"], props["country"] = agency, country
                break
        if inside:
            for country, spellings in self.rules.countries:
                if any(s.lower() == inside.group(1).strip().lower() for s in spellings):
                    props["country"] = country
                    break
        if "country" not in props:
            for country, spellings in self.rules.countries:
                if any(re.search(rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])", text) for s in spellings):
                    props["country"] = country
                    break
        return props

    def _product_term(self, text: str) -> Term | None:
        name = re.sub(r"[®™*]", "", text).strip()
        if not name:
            return None
        for _, _, term in self.recognizer.find_in_text(name):
            if term.label == schema.PRODUCT:
                return term
        term = self.recognizer.lookup(name)
        if term is not None and term.label == schema.PRODUCT:
            return term
        # the row of a products table names a product even when the vocabulary does not know it
        from msckg.loaders.vocabulary import term_id
        return Term(id=term_id(schema.PRODUCT, name, None), name=name, label=schema.PRODUCT, generated=True)

    def _terms_in(self, text: str, label: str) -> list[Term]:
        seen: dict[str, Term] = {}
        for _, _, term in self.recognizer.find_in_text(text):
            if term.label == label:
                seen.setdefault(term.id, term)
        return list(seen.values())

    def _clinical_table(self, table: Table, header: list[str]) -> list[Claim]:
        col_area = 0
        col_key = _column(header, ("key point", "finding", "outcome", "summary"))
        col_ref = _column(header, ("ref",))
        benefit = self.rules.cue("benefit")
        investigation = self.rules.cue("investigation")
        hedge = self.rules.cue("hedge")
        negation = self.rules.cue("negation")
        claims = []
        for row in table.rows:
            cell = lambda c: row[c].strip() if c is not None and c < len(row) else ""
            key_text = cell(col_key)
            if not key_text:
                continue
            cited = _ref_numbers(cell(col_ref))
            per_clause: list[tuple[Term, str, bool, bool]] = []
            for clause in re.split(r";", key_text):
                words = _tokens(clause)
                diseases = self._terms_in(clause, schema.DISEASE)
                rel = "TREATS" if _contains(words, benefit) else "INVESTIGATED_FOR"
                for d in diseases:
                    per_clause.append((d, rel, _contains(words, hedge), _contains(words, negation)))
            if not per_clause:
                words = _tokens(key_text)
                rel = "TREATS" if _contains(words, benefit) else "INVESTIGATED_FOR"
                if rel == "INVESTIGATED_FOR" and not _contains(words, investigation):
                    continue
                for d in self._terms_in(cell(col_area), schema.DISEASE):
                    per_clause.append((d, rel, _contains(words, hedge), _contains(words, negation)))
            seen = set()
            for disease, rel, hedged, negated in per_clause:
                if (rel, disease.id) in seen:
                    continue
                seen.add((rel, disease.id))
                strength = 0.75 if rel == "TREATS" else 0.7
                claims.append(Claim(
                    type=rel, subject=self.generic, object=disease, sentence=key_text,
                    section=table.section or table.caption, start=-1, end=-1, cited=cited, negated=negated,
                    hedged=hedged, trigger=f"table:{table.caption}", confidence=confidence(strength, hedged, 0, False),
                ))
        return claims


_NEGATIVE_CELL = {"not detected", "negative", "neg", "absent", "no", "none", "nd", "n.d.", "-", "\u2212", "\u2013"}
_POSITIVE_CELL = {"positive", "pos", "+", "yes", "present", "detected", "expressed", "high", "bright", "++", "+++"}


def _marker_state(text: str) -> int:
    """+1 a marker the cells express, -1 one they lack, 0 unreadable. Percentages: <= 2 % is negative (ISCT)."""
    value = " ".join(text.lower().split())
    if value in _NEGATIVE_CELL:
        return -1
    if value in _POSITIVE_CELL:
        return 1
    m = re.fullmatch(r"([<\u2264>\u2265]?)\s*(\d+(?:\.\d+)?)\s*%", value)
    if m:
        return -1 if float(m.group(2)) <= 2 else 1
    return 0


def _column(header: list[str], words: tuple[str, ...]) -> int | None:
    for i, h in enumerate(header):
        if any(w in h for w in words):
            return i
    return None


def _contains(words: tuple[str, ...], phrases: frozenset[tuple[str, ...]]) -> bool:
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if words[i:i + n] == phrase:
                return True
    return False


def _ref_numbers(text: str) -> tuple[int, ...]:
    numbers: list[int] = []
    for a, b in re.findall(r"(\d+)\s*(?:[-\u2013]\s*(\d+))?", text):
        lo = int(a)
        hi = int(b) if b else lo
        if hi < lo or hi - lo > 200:
            hi = lo
        numbers.extend(range(lo, hi + 1))
    return tuple(dict.fromkeys(numbers))
