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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from msckg.graph import schema
from msckg.loaders.document import Document, Sentence, Table
from msckg.loaders.entities import RULES_DIR, EntityRecognizer, Mention, RulesError, read_tsv
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
_PREPOSITIONS = {"in", "of", "from", "within", "inside", "containing", "carrying", "with"}
_DISCOURSE = {"additionally", "moreover", "furthermore", "however", "also", "in", "addition", "thus", "therefore",
              "importantly", "notably", "interestingly", "similarly", "likewise", "indeed", "besides", "then",
              "still", "nevertheless", "finally", "first", "second", "third", "overall", "together", ","}
# before a one-word "-ed" trigger, what makes it a verb ("MSCs reduced X", "have reduced") not an adjective
_VERB_CONTEXT = {"have", "has", "had", "was", "were", "is", "are", "be", "been", "significantly", "also", "further",
                 "markedly", "greatly", "dramatically", "effectively", "and", "not", "which", "that", "never",
                 "successfully", "substantially", "strongly", "partially", "partly", "then", ",", ")", "]"}
# multi-word links inside a coordinated group: "MSCs combined with vitamin D3"
_GROUP_LINKS = (("as", "well", "as"), ("combined", "with"), ("together", "with"), ("along", "with"),
                ("in", "combination", "with"), ("and", "/", "or"))


_LENGTHS: dict[int, tuple[object, dict[str, tuple[int, ...]]]] = {}


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
        self.clause = []
        clause = 0
        for item in items:
            if item.kind == "punct" and item.text in (";", ":"):
                clause += 1
            self.clause.append(clause)

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
            if rules[0].glued and (first == 0 or self.items[first - 1].kind != "ent"
                                   or self.items[first - 1].end != self.items[first].start):
                continue
            if rules[0].participle and first > 0 and self.items[first - 1].kind != "ent" \
                    and self.items[first - 1].text not in _VERB_CONTEXT:
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
                        and self._has_coordinator(j, k) and not self._comma_splice(j, k):
                    members.append(k)
                    last = k
                    j = k + 1
                    continue
                break
            groups.append(_Group(members, i, last))
            i = last + 1
        return groups

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
        previous_source: Term | None = None
        previous_section: str | None = None
        for sentence in sorted(self.document.sentences, key=lambda s: (s.start, s.index)):
            mentions = self.by_sentence.get(sentence.index, [])
            if previous_section is not None and sentence.section != previous_section:
                previous_source = None
            model = _SentenceModel(sentence.text, sentence.start, mentions, self.rules)
            self._anaphora(model, previous_source)
            claims.extend(self._sentence_claims(sentence, model))
            sources = [it.term for it in model.items if it.kind == "ent" and it.term.label == schema.MSC_SOURCE]
            previous_source = sources[0] if sources else None
            previous_section = sentence.section
        for table in self.document.tables:
            claims.extend(self._table_claims(table))
        return claims

    # ------------------------------------------------------------------ anaphora
    def _anaphora(self, model: _SentenceModel, previous: Term | None) -> None:
        if previous is None:
            return
        items = model.items
        i = 0
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
                indirect: bool, negated: bool, props: tuple = (), clause: int | None = None) -> None:
            if subj.term.id == obj.term.id or not schema.RELATIONS[rel].allows(subj.term.label, obj.term.label):
                return
            hedged = any(clause is None or model.clause[h] == clause for h in hedges)
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
            for cand in self._candidates(model, groups, trig, chained.get(clause)):
                for s in cand.subjects:
                    for o in cand.objects:
                        add((trig.first, s, o), cand.rule.relation, model.items[s], model.items[o], trig.form,
                            cand.rule.strength, cand.gap, cand.indirect,
                            negated or self._negated_object(model, o, negations), cand.rule.properties, clause)
                if cand.subjects:
                    chained[clause] = cand.subjects
        self._embedded_sources(model, add)
        self._apposition(model, add)
        self._mechanism_adjectives(model, groups, add)
        approved = self._approvals(model, add, negations)
        # one claim per (type, subject, object, properties) in a sentence: the most confident, first found
        studied = {(c.subject.id, c.object.id) for _, c in found if c.type == "INVESTIGATED_FOR"}
        best: dict[tuple, tuple[tuple, Claim]] = {}
        for order, claim in found:
            pair = (claim.subject.id, claim.object.id)
            if claim.type == "TREATS" and (pair in approved or pair in studied):
                continue
            key = (claim.type, claim.subject.id, claim.object.id, claim.properties)
            if key not in best or claim.confidence > best[key][1].confidence:
                best[key] = (order, claim)
        return [c for _, c in sorted(best.values(), key=lambda oc: (oc[0], oc[1].type, oc[1].subject.id,
                                                                      oc[1].object.id))]

    def _cue_positions(self, model: _SentenceModel, kind: str) -> list[int]:
        """Item index of the last word of each cue of ``kind``; "not only" is no negation."""
        phrases = self.rules.cue(kind)
        searched = self.rules.cue(NEGATION_SEARCH) if kind == "negation" else phrases
        return [last for _, last, words in model.find_phrases(searched) if words in phrases]

    def _negated(self, model: _SentenceModel, trig: _Trigger, negations: list[int]) -> bool:
        """A negation cue right before the trigger ("did not reduce", "failed to induce", "without causing")."""
        for n in negations:
            if model.clause[n] != model.clause[trig.first] or n >= trig.first:
                continue
            between = [model.items[x] for x in range(n + 1, trig.first)]
            if len(between) <= 3 and all(it.kind == "word" and it.text in _ADVERBS | {"to", "be"} for it in between):
                return True
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
            obj_side = "left" if rule.voice in ("passive", "nominal") else "right"
            found = self._find_objects(model, groups, trig, rule, rel.objects, obj_side)
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
            if not subjects:
                continue
            used_objects.update(objects)
            out.append(_Candidate(rule, subjects, objects, obj_gap + subj_gap, indirect))
        return out

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
        for group in self._side_groups(model, groups, trig, side):
            fitting = fits(group)
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
                    or self._trigger_between(model, a, b):
                break
            chosen.extend(fitting)
            previous = group
        return (chosen, gap, first_group) if chosen else None

    @staticmethod
    def _word_before(model: _SentenceModel, index: int) -> str:
        """The word before item ``index``, skipping articles ("removed the CXCL12" -> "removed")."""
        i = index - 1
        while i >= 0 and model.items[i].text in ("the", "a", "an"):
            i -= 1
        return model.items[i].text if i >= 0 and model.items[i].kind == "word" else ""

    def _trigger_between(self, model: _SentenceModel, a: int, b: int, toward: int | None = None) -> bool:
        """Another verb between items a and b (glued forms, "from" and nouns such as "secretion of" do not count).

        With ``toward``, a verb right before that item (at most two words) does not count either.
        """
        for first, last, words in model.find_phrases(self.rules.triggers):
            rules = self.rules.triggers[words]
            if a < first and last < b and not rules[0].glued and rules[0].form != "from" \
                    and not rules[0].form.endswith(" of") and rules[0].voice != "nominal":
                if toward is not None and rules[0].voice == "active" and model.words_between(last, toward) <= 2:
                    continue
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
                if before and all(items[x].kind == "punct" for x in range(before[-1].last + 1, rel_at)):
                    chosen = fits(before[-1].members)
                    return chosen, model.words_between(before[-1].last, trig.first), False
                return [], 0, False
            # a verb after "and"/"while"/"by" shares the subject of the verb before it
            if chained and self._after_chain(model, trig):
                shared = fits(chained)
                if shared:
                    return shared, 0, True
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
                    if 1 <= len(between) <= 3 and any(x.text in _PREPOSITIONS for x in between) \
                            and all(x.kind == "word" for x in between) and head:
                        return head, model.words_between(earlier.last, trig.first), False
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
        if i >= 0 and model.items[i].text == "," and trig.form.split()[0].endswith("ing"):
            return True
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
                add((i, -1, i), "SECRETES", subj, item, "-derived", 0.8, 0, False, False,
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
                add((i, j + 1, i), "DERIVED_FROM", item, items[j + 1], "(apposition)", 0.8, 0, False, False)
            if i >= 2 and items[i - 1].text == "(" and i + 1 < len(items) and items[i + 1].text == ")":
                for back in range(i - 2, max(-1, i - 9), -1):
                    if items[back].kind == "punct" and items[back].text not in ("-", "/"):
                        break
                    if tissue(back):
                        add((back, i, i), "DERIVED_FROM", item, items[back], "(apposition)", 0.8,
                            model.words_between(back, i - 1), False, False)
                        break

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
                    and model.clause[i] in clauses]
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
        return []

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
