"""The sentence model: a sentence as a row of items (mentions, words, punctuation), its trigger phrases,
coordinated groups of mentions and the word lists the extractor reads it with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from msckg.graph import schema
from msckg.loaders.entities import Mention, normalise
from msckg.loaders.relations.rules import TOKEN, Rules, TriggerRule, tokens
from msckg.loaders.vocabulary import Term


@dataclass
class Item:
    kind: str                    # "ent", "word" or "punct"
    text: str                    # lower-cased for words
    start: int
    end: int
    term: Term | None = None
    words: tuple[str, ...] = ()  # the words of a mention, for triggers inside Mechanism mentions
    indirect: bool = False       # an anaphor standing for the previous sentence's MSC source
    after_citation: bool = False  # a citation marker ("[27-29]") stands right before this item


@dataclass
class Group:
    members: list[int]           # item indices of the entities
    first: int                   # item index range [first, last]
    last: int


def group_at(groups: list[Group], i: int) -> Group | None:
    """The group item ``i`` belongs to, if any."""
    return next((g for g in groups if g.first <= i <= g.last), None)


def members_at(items: list[Item], groups: list[Group], i: int, labels) -> tuple[list[int], int]:
    """The members of the group at entity ``i`` (or ``i`` alone) whose label is in ``labels``, and the group's
    last item index."""
    group = group_at(groups, i)
    members = [m for m in (group.members if group else [i]) if items[m].term.label in labels]
    return members, (group.last if group else i)


def participle_start(items: list[Item], k: int) -> int:
    """The first item of the participle ending at item ``k``: "co-cultured" is three items ("co", "-", "cultured")."""
    return k - 2 if k >= 2 and items[k - 1].text == "-" and items[k - 2].text == "co" else k


def cells_after(items: list[Item], groups: list[Group], k: int) -> list[int]:
    """The cell types named after item ``k`` (a preposition), a modifier or two allowed before them: "on
    synovial macrophages", "to intestinal macrophages"."""
    c = next((x for x in range(k + 1, min(len(items), k + 4)) if items[x].kind != "word"), None)
    if c is None or items[c].kind != "ent":
        return []
    return members_at(items, groups, c, {schema.CELL_TYPE})[0]


@dataclass
class Trigger:
    first: int                   # item range [first, last]
    last: int
    form: str
    rules: tuple[TriggerRule, ...]


@dataclass
class Candidate:
    rule: TriggerRule
    subjects: list[int]
    objects: list[int]
    gap: int
    indirect: bool


CITATION = re.compile(r"\[\s*\d+(?:\s*[-\u2013,]\s*\d+)*\s*\]|<sup>.*?</sup>")
# a lay gloss in brackets: "MSCs (a type of cell found in bone marrow, fat and umbilical cord)" explains a word
# and states nothing the sentence's verbs act on
GLOSS = re.compile(r"\((?:a|an|the) (?:type|kind|sort|group|family|class) of [^()]*\)"
                   r"|\((?:the )?(?:cells?|proteins?|molecules?) (?:that|which) [^()]*\)")
# participles of obtaining cells from a tissue ("are isolated from"), and the forms of "be" before them
ORIGIN_PARTICIPLES = {"isolated", "obtained", "harvested", "collected", "derived", "recovered", "extracted", "sourced"}
BE_FORMS = {"be", "is", "are", "was", "were", "been", "being"}
# an allocation ratio in brackets: "were randomly assigned (1:1:1) to": no word of the sentence
ALLOCATION_RATIO = re.compile(r"\(\d+(?:\s*:\s*\d+)+\)")
AUTHOR_YEAR = re.compile(r"\([^()]*\bet al\b[^()]*\)")
# words that may open the next member of a list before its entity: "X and recombinant Y"
COORDINATED_MODIFIERS = {"recombinant", "soluble", "exogenous", "purified", "synthetic", "native", "human", "murine",
                         "exosomal", "their", "its"}     # "MSCs and their exosomes"
CONNECTOR_WORDS = {",", "and", "or", "nor", "/", "&", "both", "either", "plus"}
ADVERBS = {"also", "further", "then", "in", "turn", "can", "may", "might", "could", "significantly",
            "directly", "indirectly", "markedly", "strongly", "additionally", "subsequently",
            "not", "only", "effectively", "partly", "partially", "primarily", "mainly", "reportedly", "to",
            "be", "been", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did", "will", "would"}
# who a study is about: "in 54 pediatric patients with SR-aGVHD", "in mice with LPS-induced ALI"
POPULATIONS = {"patients", "patient", "children", "adults", "participants", "subjects", "individuals", "mice",
                "rats", "animals", "models", "model", "cohort", "people", "infants", "dogs", "pigs", "volunteers"}
# what joins a population to its disease: "mice with sepsis", "patients undergoing", "pigs after infarction"
SETTING_LINKS = {"with", "undergoing", "after"}
# "COVID-19-associated ARDS": the first disease qualifies the second
QUALIFYING_PARTICIPLES = {"associated", "related", "induced"}
STUDIES = {"studies", "study", "trials", "trial", "models", "model", "cohorts", "cohort", "cases"}
DISEASE_MODIFIERS = {"induced", "associated", "related", "mediated", "driven", "severe", "acute", "chronic",
                      "moderate", "mild", "established", "symptomatic", "advanced", "refractory", "active",
                      "experimental", "subacute", "progressive", "early", "late", "decompensated", "compensated"}
# "LPS-induced lung injury": what the entity before these words does to the disease is cause it
CAUSE_WORDS = {"induced", "associated", "related", "mediated", "driven", "evoked", "triggered", "caused"}
# words that may stand between a negation and the verb it negates
LIGHT_WORDS = {"to", "be", "show", "shown", "demonstrate", "provide", "have", "exert", "confer", "offer", "a", "an",
                "any", "the", "significant", "clinical", "structural", "therapeutic", "measurable", "meaningful",
                "additional", "clear", "obvious", "meet", "reach", "achieve", "its", "their"}
# a product described by the cells it is made of: "a bone marrow-derived MSC product, Temcell"
PRODUCT_NOUNS = {"product", "products", "therapy", "preparation", "medicine", "drug", "medicinal"}
DESCRIPTION_WORDS = {"a", "an", "the", "related", "allogeneic", "autologous", "approved", "licensed",
                      "culture-expanded", "expanded", "cultured", "off-the-shelf", "first", "cell", "stem", "stromal",
                      "another", "similar"}
# words that end the reach of a hedge cue, and the verbs after which "that" opens what they hedge
# conjunctions opening a subordinate clause, whose verb has a subject of its own ("as" is too often a preposition)
# ("after", "before" and "once" are left out: more often prepositions, "MSCs injected after the onset of colitis")
SUBORDINATORS = {"since", "because", "whereas", "although", "though", "while", "when", "if", "unless"}
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "can", "could", "may", "might",
               "will", "would", "should", "do", "does", "did", "not"}
# conjunctions opening a contrasting clause: an object is never sought beyond one
CONTRAST = SUBORDINATORS - {"while", "when", "if", "unless"}
# prepositions that open a sentence with its setting ("In mice with colitis, ...")
SETTING_OPENERS = {"in", "after", "during", "at", "under", "upon", "following", "within"}
# upper bounds before a share ("no more than 2% positive for CD34")
UPPER_BOUNDS = {("no", "more", "than"), ("not", "more", "than"), ("less", "than"), ("fewer", "than"),
                ("at", "most"), ("up", "to"), ("<",), ("\u2264",), ("below",), ("under",)}
# ISCT minimal criteria: a marker on at most 2 % of the cells is one they lack
ISCT_NEGATIVE_SHARE = 2.0
# lower bounds before a share ("more than 95%", "at least 90%", "> 95%")
LOWER_BOUND_WORDS = {"more", "over", "least", ">", "\u2265"}


def share_lacked(share: float, before: tuple[str, ...]) -> bool:
    """A marker on ``share`` % of the cells (``before``: the words before the number) is one the cells lack: at
    most 2 % (ISCT), unless those words make the share a lower bound ("at least 1%", but "no more than 2%")."""
    upper = any(before[-len(b):] == b for b in UPPER_BOUNDS)
    return share <= ISCT_NEGATIVE_SHARE and (upper or not any(w in LOWER_BOUND_WORDS for w in before[-2:]))


# words between a subject and its verb that put it in focus ("stanniocalcin-1 in particular has")
FOCUS_WORDS = {"particular", "especially", "notably", "alone", "itself", "themselves", "too"}
HEDGE_BARRIERS = {"which", "whereas", "while", "but", "although", "though", ";"}
THAT_COMPLEMENT = {"suggest", "suggests", "suggested", "suggesting", "indicate", "indicates", "indicated", "show",
                    "shows", "showed", "shown", "possible", "likely", "unlikely", "hypothesized", "hypothesised",
                    "proposed", "believed", "thought", "speculated", "found", "demonstrated", "reported", "is",
                    "was", "clear", "unclear"}
# a pathway or kinase switched on: "NF-κB activation", "Smad3 phosphorylation", "JAK/STAT signalling"
SIGNAL_STATES = {"activation", "signalling", "signaling", "phosphorylation"}
# the state of an agent after "via"/"through": "via p38 activation", "through NF-κB inhibition"
ACTIVE_STATES = SIGNAL_STATES | {"activity", "upregulation", "overexpression", "induction", "stimulation"}
INACTIVE_STATES = {"inhibition", "blockade", "suppression", "downregulation", "knockdown", "silencing",
                    "deletion", "deficiency", "inactivation", "neutralisation", "neutralization", "depletion"}
# nouns that may stand between an entity and the relative pronoun taking it as subject ("MSC populations that")
DETERMINERS = {"a", "an", "the"}
HEAD_NOUNS = {"cell", "cells", "phenotype", "phenotypes", "population", "populations", "subpopulation",
               "subpopulations", "subset", "subsets", "fraction", "fractions", "culture", "cultures"}
# endings that make a trigger word a noun of action ("secretion", "treatment"), not a verb
NOUN_ENDINGS = ("ion", "ment")
PREPOSITIONS = {"in", "of", "from", "within", "inside", "containing", "carrying", "with", "by"}
DISCOURSE = {"additionally", "moreover", "furthermore", "however", "also", "in", "addition", "thus", "therefore",
              "importantly", "notably", "interestingly", "similarly", "likewise", "indeed", "besides", "then",
              "still", "nevertheless", "finally", "first", "second", "third", "overall", "together", ",", "instead",
              "rather", "conversely", "consequently", "hence", "accordingly", "again"}
# "IFN-γ-primed MSCs", "primed cells": the cells given a stimulus
PRIMED_WORDS = {"primed", "stimulated", "treated", "pretreated", "pre-treated", "licensed", "preconditioned"}
# the giving of a stimulus, named after it: "after IFN-γ priming", "following TNF-α stimulation"
PRIMING_NOUNS = {"priming", "stimulation", "exposure", "licensing", "pretreatment", "pre-treatment", "treatment",
                 "preconditioning"}
# before a one-word "-ed" trigger, what makes it a verb ("MSCs reduced X", "have reduced") not an adjective
def amount_sign(item: Item) -> bool:
    """A number or sign of an amount: "40" "%", "2" "." "5" "-" "fold", "twofold", "1.8 times"."""
    return item.text in ("%", ".", "-", "times") or item.text.isdigit() \
        or item.kind == "word" and item.text.endswith("fold")


# what follows a participle that modifies the noun before it: "donors treated with", "cells exposed to"
PARTICIPLE_NEXT = {"by", "with", "for", "at", "in", "from", "to", "under", "as", "on", "into", "after", "before",
                   ",", ")", "."}

_VERB_CONTEXT = {"have", "has", "had", "was", "were", "is", "are", "be", "been", "significantly", "also", "further",
                 "markedly", "greatly", "dramatically", "effectively", "and", "but", "not", "which", "that", "never",
                 "successfully", "substantially", "strongly", "partially", "partly", "then", ",", ")", "]",
                 # a head noun after the agent: "WJ-MSC injection reduced", "MSC therapy improved"
                 "injection", "injections", "infusion", "infusions", "transplantation", "administration",
                 "therapy", "treatment", "preparations", "transfer",
                 # who studies: "12 of these trials tested MSCs in COVID-19", "researchers examined"
                 "trials", "trial", "studies", "study", "researchers", "investigators", "authors", "we", "they",
                 # a duration after the agent: "Priming with IFN-γ for 24 h increased"
                 "h", "hours", "days", "weeks", "min", "minutes",
                 # a culture condition after the agent: "MSCs preconditioned at 1% oxygen improved"
                 "oxygen", "o2", "hypoxia", "normoxia", "conditions",
                 # a floating quantifier after coordinated agents: "BM-MSCs and UC-MSCs both inhibited"
                 "both", "each",
                 # an agent on its own: "recombinant TSG-6 alone lowered IL-6"
                 "alone",
                 # where it acted: "TSG-6 added to microglia in vitro reduced", "MSCs in vivo secreted", "the MSCs
                 # used here expressed"
                 "vitro", "vivo", "here",
                 # the means of a knockdown or blockade: "Knockdown of COX-2 in MSCs by siRNA lowered"
                 "sirna", "shrna", "sirnas", "shrnas", "antibody", "antibodies", "inhibitor", "inhibitors",
                 "antagonist", "antagonists",
                 # a connective adverb before the verb: "We therefore tested UC-MSCs in two models"
                 "therefore", "thus", "hence", "consequently", "accordingly", "next", "previously", "recently"} \
    | PRIMING_NOUNS \
    | INACTIVE_STATES   # "IFN-γ priming increased", "TSG-6 knockdown increased"
# multi-word links inside a coordinated group: "MSCs combined with vitamin D3"
_GROUP_LINKS = (("as", "well", "as"), ("combined", "with"), ("together", "with"), ("along", "with"),
                ("in", "combination", "with"), ("and", "/", "or"))


_LENGTHS: dict[int, tuple[object, dict[str, tuple[int, ...]]]] = {}


_MODIFIER_PARTICIPLES = {"induced", "mediated", "driven", "dependent", "stimulated", "activated", "treated", "primed",
                         "producing", "secreting", "expressing", "positive", "negative", "deficient", "high", "low",
                         "related", "associated"}


# phrases that introduce what something is compared with, and the adjectives that may follow them
_COMPARISONS = {("compared", "with"), ("compared", "to"), ("unlike",), ("relative", "to"), ("than",),
                ("versus",), ("vs",), ("contrast", "to"), ("opposed", "to"), ("rather", "than")}
# "in synergy with VEGF", "in concert with IL-10": a partner of the agent
_PARTNER_NOUNS = {"synergy", "concert", "cooperation", "conjunction", "collaboration", "tandem"}
_COMPARED_ADJECTIVES = {"other", "conventional", "native", "unprimed", "untreated", "naive", "control"}

# participles that, hyphenated to a factor, describe cells by what they make ("IFN-γ-producing Th1 cells")
_CELL_PRODUCT_PARTICIPLES = {"producing", "secreting", "expressing", "positive", "negative", "bearing"}


def is_modifier(model: "SentenceModel", group: "Group") -> bool:
    """The group is glued to a participle that makes it a modifier: "TNF-α-induced", "IFN-γ-producing"."""
    items = model.items
    k = group.last + 1
    return k + 1 < len(items) and items[k].text == "-" and items[k].start == items[group.last].end \
        and items[k + 1].text in _MODIFIER_PARTICIPLES


def reduced_relative_form(words: tuple[str, ...]) -> bool:
    """"derived from", "released by", "isolated from": a participle and its preposition, which after a noun
    modifies it rather than being the sentence's verb."""
    return len(words) == 2 and words[0].endswith("ed") and words[1] in ("from", "by", "in", "with", "on")


def _abbreviates(short: Item, long: Item) -> bool:
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


# a noun after an entity that makes it a clause's subject with it: "IL-10 levels rose", "TSG-6 knockdown abolished"
ENTITY_STATE_NOUNS = INACTIVE_STATES | {"levels", "level", "concentrations", "concentration", "expression", "secretion",
                                        "production", "release"}
# what "control" names before it as a group of an experiment: "control MSCs", "control mice"
CONTROL_GROUPS = {"group", "groups", "arm", "arms", "cells", "mice", "rats", "animals", "wounds", "medium", "subjects",
                  "patients", "cultures", "vector", "sirna"}
# words that may stand between a preposition and the cells it introduces: "IDO in human MSCs", "HLA-DR on the
# licensed cells", "absence of HLA-DR on culture-expanded adipose MSCs", "induced IDO in both BM-MSCs and UC-MSCs"
CELL_MODIFIERS = {"the", "these", "their", "human", "murine", "mouse", "licensed", "primed", "stimulated", "cultured",
                  "expanded", "primary", "both", "all"}
# verbs of a change that take no object: "IL-10 levels rose"
CHANGE_VERBS = {"rose", "rise", "rises", "fell", "fall", "falls", "declined", "dropped"}


class SentenceModel:
    """The items, groups, triggers and cues of one sentence."""

    def __init__(self, text: str, offset: int, mentions: list[Mention], rules: Rules) -> None:
        self.rules = rules
        self.text, self.offset = text, offset
        hidden = [(m.start() + offset, m.end() + offset) for m in CITATION.finditer(text)]
        hidden += [(m.start() + offset, m.end() + offset) for m in GLOSS.finditer(text)]
        hidden += [(m.start() + offset, m.end() + offset) for m in ALLOCATION_RATIO.finditer(text)]
        items: list[Item] = []
        mentions = sorted(mentions, key=lambda m: m.start)
        k = 0
        cited = False
        for tok in TOKEN.finditer(text):
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
                    items.append(Item("ent", m.text, m.start, m.end, m.term, tokens(m.text),
                                       after_citation=after_citation))
                continue
            word = tok.group()
            kind = "word" if word[0].isalnum() else "punct"
            # a trial's acronym keeps its capitals, so no trigger reads it: "the RESTORE-CLI trial"
            acronym = len(word) >= 4 and word.isalpha() and word.isupper() \
                and "-" in (text[tok.start() - 1:tok.start()], text[tok.end():tok.end() + 1])
            items.append(Item(kind, word if acronym else word.lower(), start, end, after_citation=after_citation))
        self.items = items
        self.topic: Item | None = None  # the MSC source of the previous sentence, for subject-less nouns
        self.clause: list[int] = []
        self.count_clauses()

    def count_clauses(self) -> None:
        """Number the clauses of the items: a new one after ";", ":" and "|" (a cell of a table row as text),
        but not after a colon that sets a verb's list of objects apart ("MSCs must lack: CD45, CD34")."""
        self.clause = []
        clause = 0
        for i, item in enumerate(self.items):
            if item.kind == "punct" and item.text in (";", ":", "|") and not self._list_colon(i):
                clause += 1
            self.clause.append(clause)

    def _list_colon(self, i: int) -> bool:
        """Item ``i`` is a colon (or one of a "::" field separator) right after a one-word trigger verb and right
        before an entity."""
        items = self.items
        if items[i].text != ":":
            return False
        before, after = i - 1, i + 1
        while before >= 0 and items[before].text == ":":
            before -= 1
        while after < len(items) and items[after].text == ":":
            after += 1
        return before >= 0 and after < len(items) and items[before].kind == "word" \
            and (items[before].text,) in self.rules.triggers and items[after].kind == "ent" \
            and not items[before].text.endswith(NOUN_ENDINGS)

    def item(self, index: int) -> Item:
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
                if len(words) == n and words in phrases:     # near the end a shorter phrase may match the cut
                    found.append((stream[p][0], stream[p + n - 1][0], words))
                    p += n
                    break
            else:
                p += 1
        return found

    def triggers(self) -> list[Trigger]:
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
            if first == last and last + 1 < len(self.items) and self.items[last + 1].text in \
                    self.rules.words("noun_head"):
                continue    # "our release specification requires": a kind of specification, not the verb
            if words == ("control",) and first > 0 and self.items[first - 1].text in ("with", "versus", "vs", "than"):
                continue    # "compared with control": the control group
            if words == ("control",) and last + 1 < len(self.items) and (
                    self.items[last + 1].kind == "ent" and (self.items[last + 1].term.label == schema.MSC_SOURCE
                                                            or self.items[last + 1].term.kind == "vesicle")
                    or self.items[last + 1].kind == "word" and self.items[last + 1].text in CONTROL_GROUPS):
                continue    # "CXCR4-MSCs and control MSCs secreted BDNF": the control group, not the verb
            if all(r.relation == "TREATS" for r in rules) and any(
                    tuple(it.text for it in self.items[max(0, first - len(c)):first]) == c
                    for c in self.rules.cue("contraindication")):
                continue    # "Genuvacel must not be used in patients with septic arthritis": a warning
            if rules[0].glued and (first == 0 or self.items[first - 1].kind != "ent"
                                   or self.items[first - 1].end != self.items[first].start):
                continue
            if not rules[0].glued and self.in_compound(first):
                continue    # "dose-limiting toxicity", "cell-secreted": a word of a compound adjective
            if self.described_cell(first - 1) is not None:
                continue    # "IL-17A-producing Th17 cells": names the cells, states nothing
            before = self._before_adverbs(first)
            if rules[0].participle and first == last and self._coordinated_modifier(first):
                continue    # "expressed by synovial fibroblasts and activated T cells": names the cells
            if rules[0].participle and before >= 0 and self.items[before].kind != "ent" \
                    and self.items[before].text not in _VERB_CONTEXT \
                    and not self.items[before].text.isdigit() \
                    and not self._floating_quantifier(before) \
                    and not self._the_cells(before) \
                    and not self._cells_from(before, last):     # "MSCs at passage 4 expressed CD73"
                rules = tuple(r for r in rules if not r.participle)
                if not rules:
                    continue
            out.append(Trigger(first, last, rules[0].form, rules))
        return out

    def past_cell_modifiers(self, k: int, reach: int = 4) -> int:
        """The item after the modifiers that start at ``k`` (at most ``reach`` items): words of CELL_MODIFIERS and
        hyphenated compounds ("culture-expanded", "hPL-expanded")."""
        items, start = self.items, k
        while k < len(items) - 1 and k < start + reach and (
                items[k].text in CELL_MODIFIERS or items[k].text == "-" or items[k + 1].text == "-"
                or items[k - 1].text == "-" and items[k].kind == "word"):
            k += 1
        return k

    def _floating_quantifier(self, i: int) -> bool:
        """Item ``i`` is "all", "both" or "each" right after an entity: "BM-MSCs, AD-MSCs and UC-MSCs all released
        IL-6": the subject's quantifier before its verb."""
        return self.items[i].text in ("all", "both", "each") and i > 0 and self.items[i - 1].kind == "ent"

    def in_compound(self, i: int) -> bool:
        """Item ``i`` is the second word of a hyphenated compound ("culture-expanded", "dose-limiting")."""
        items = self.items
        return i >= 2 and items[i - 1].text == "-" and items[i - 2].kind == "word" \
            and items[i - 2].end == items[i - 1].start and items[i - 1].end == items[i].start

    def _before_adverbs(self, i: int) -> int:
        """The item before ``i`` once "-ly" adverbs are skipped ("MSCs uniformly expressed CD73"); -1 at the start.
        An adverb right after "the"/"a" is left alone: "the highly expressed CD73" is an adjective."""
        j = i - 1
        while j >= 0 and self.items[j].kind == "word" and len(self.items[j].text) > 4 \
                and self.items[j].text.endswith("ly") and j - 1 >= 0 \
                and self.items[j - 1].text not in ("the", "a", "an", "its", "their"):
            j -= 1
        return j

    def _the_cells(self, i: int) -> bool:
        """Item ``i`` ends a share of the cells ("95% of the cells expressed CD73", "95% of cells from all four
        donors expressed", "fewer than 2% expressed"): a subject before a verb."""
        items = self.items
        if items[i].text == "%" or items[i].text == "cells" and i > 0 \
                and (items[i - 1].text in {"the", "these", "those", "of", "our"} | PRIMED_WORDS
                     or items[i - 1].kind == "ent" and items[i - 1].term.label == schema.MSC_SOURCE):
            return True     # ("Wharton's jelly cells secreted TSG-6", "medium from primed cells reduced")
        # "95% of cells from all four donors expressed": the share's cells, then the donors they came from
        k = next((x for x in range(i - 1, max(0, i - 6), -1) if items[x].text == "from"), None)
        return k is not None and k >= 3 and items[k - 1].text == "cells" and items[k - 2].text == "of" \
            and items[k - 3].text == "%" and all(items[x].kind == "word" for x in range(k + 1, i + 1))

    def _coordinated_modifier(self, i: int) -> bool:
        """The "-ed" word at ``i`` modifies the cells right after it, in a list of cells that follows a
        preposition: "RANKL expressed by synovial fibroblasts and activated T cells", "in monocytes and
        stimulated B cells". A verb would follow its subject instead ("MSCs inhibited B cells and activated T
        cells" has no preposition before the list)."""
        items = self.items
        if not (i >= 2 and i + 1 < len(items) and items[i - 1].text == "and" and items[i + 1].kind == "ent"
                and items[i + 1].term.label == schema.CELL_TYPE):
            return False
        k = i - 2
        while k >= 0 and (items[k].kind == "ent" and items[k].term.label == schema.CELL_TYPE
                          or items[k].text == "," or items[k].kind == "word" and items[k].text in CELL_MODIFIERS
                          or items[k].text in ("synovial", "activated", "resident", "circulating", "infiltrating")):
            k -= 1
        return k >= 0 and k < i - 2 and items[k].text in ("by", "in", "on", "from", "of", "with")

    def _cells_from(self, i: int, verb_last: int) -> bool:
        """Item ``i`` ends what MSCs came from ("MSCs from all three media suppressed T cells"): a subject before
        its verb. A participle would take its agent or setting next ("MSCs from donors treated with IFN-γ")."""
        items = self.items
        k = next((x for x in range(i, max(0, i - 5), -1) if items[x].text == "from"), None)
        return k is not None and k >= 1 and items[k - 1].kind == "ent" \
            and items[k - 1].term.label == schema.MSC_SOURCE \
            and all(items[x].kind == "word" and items[x].text.isalnum() for x in range(k + 1, i + 1)) \
            and verb_last + 1 < len(items) and items[verb_last + 1].text not in PARTICIPLE_NEXT

    def second_means(self, trigger: int) -> int | None:
        """The first "by" of a series when "and by" stands right before item ``trigger`` ("mediated by factors
        such as HGF, which ..., and by suppression of stellate cells"), else None: the second means shares the
        agent of the first, never a noun of the first means."""
        items = self.items
        x = trigger - 1 - (trigger > 1 and items[trigger - 1].text in DETERMINERS)
        if x < 2 or items[x].text != "by" or items[x - 1].text != "and":
            return None
        return next((y for y in range(x - 2, max(-1, x - 30), -1) if items[y].text == "by"), None)

    def closed_by_phrase(self, a: int, b: int) -> bool:
        """Entity ``a`` stands in a phrase of "by" that "and by" closes before item ``b`` ("mediated by factors
        such as HGF, which ..., and by suppression of stellate cells through TGF-β/Smad"): no part of what
        follows."""
        items = self.items
        return any(items[x].text == "by" and items[x - 1].text == "and" for x in range(a + 1, b)) \
            and any(items[y].text == "by" for y in range(max(0, a - 10), a))

    def compared(self, i: int) -> bool:
        """Entity ``i`` is what something is compared with ("Compared with bone marrow MSCs, ...", "unlike
        other MSCs"): never the subject of the verb that follows."""
        words = tuple(it.text for it in self.items[max(0, i - 4):i])
        if words[-2:] == ("like", "other"):
            return True     # "like other MSCs" (a bare "like" also introduces examples: "factors like VEGF")
        if words and words[-1] in _COMPARED_ADJECTIVES:
            words = words[:-1]
        return any(words[-len(p):] == p for p in _COMPARISONS)

    def origin_complement(self, i: int) -> bool:
        """Entity ``i`` is where the subject comes from, after a passive of obtaining ("MSCs can be isolated from
        bone marrow and adipose tissue, ... and express CD73", "they are obtained from umbilical cords"): a
        complement, never the subject of the verbs coordinated after it. An adverb may follow the participle ("are
        obtained non-invasively from")."""
        items = self.items
        k = i - 1
        while k > 0 and items[k].text in (",", "and", "or") or k > 0 and items[k].kind == "ent":
            k -= 1      # back over the other members of a list: "from bone marrow, adipose tissue and cord"
        described = 0
        while k > 0 and items[k].kind == "word" and items[k].text != "from" and described < 2:
            k, described = k - 1, described + 1     # a word or two on the tissue: "from discarded umbilical cords"
        if k < 2 or items[k].text != "from":
            return False
        k = self._before_adverbs(k)     # "obtained easily from"
        if k > 1 and items[k].text == "-" and items[k - 1].kind == "word":
            k -= 2      # "obtained non-invasively from"
        if k < 0 or items[k].text not in ORIGIN_PARTICIPLES:
            return False
        k -= 1
        while k > 0 and items[k].text in ADVERBS and items[k].text not in BE_FORMS:
            k -= 1      # "are readily isolated from"
        return items[k].text in BE_FORMS

    def companion(self, i: int) -> bool:
        """Entity ``i`` is named as a partner of the agent ("in synergy with VEGF", "in concert with IL-10")."""
        words = tuple(it.text for it in self.items[max(0, i - 2):i])
        return len(words) == 2 and words[1] == "with" and words[0] in _PARTNER_NOUNS

    def qualifies_disease(self, i: int) -> bool:
        """Disease ``i`` stands right before another disease it qualifies: "COVID-19 ARDS", "COVID-19-associated
        ARDS"."""
        items = self.items
        k = i + 1
        if k + 2 < len(items) and items[k].text == "-" and items[k + 1].text in QUALIFYING_PARTICIPLES:
            k += 2
        return k < len(items) and items[i].kind == "ent" and items[k].kind == "ent" \
            and items[i].term.label == schema.DISEASE and items[k].term.label == schema.DISEASE \
            and items[i].term.id != items[k].term.id

    def described_cell(self, i: int) -> int | None:
        """The cell type that entity ``i`` only describes: "IL-17A-producing Th17 cells", "FOXP3+ regulatory
        T cells", "CD4+CD25+FOXP3+ regulatory T cells" (item index of the cells), else None."""
        items = self.items
        if i < 0 or i + 2 >= len(items) or items[i].kind != "ent":
            return None
        glued = lambda a, b: items[a].end == items[b].start
        if items[i + 1].text in ("+", "\u207a") and glued(i, i + 1):
            cell = i + 2
            if items[cell].kind == "ent" and items[cell].term.label != schema.CELL_TYPE and glued(i + 1, cell):
                return self.described_cell(cell)    # "CD4+CD25+FOXP3+ regulatory T cells": a chain of markers
        elif i + 3 < len(items) and items[i + 1].text == "-" and glued(i, i + 1) and glued(i + 1, i + 2) \
                and items[i + 2].text in _CELL_PRODUCT_PARTICIPLES:
            cell = i + 3
        else:
            return None
        return cell if items[cell].kind == "ent" and items[cell].term.label == schema.CELL_TYPE else None

    # ------------------------------------------------------------------ groups
    def groups(self) -> list[Group]:
        """Coordinated entities: "VEGF, bFGF, and HGF", "CD14 or CD11b", "IDO (indoleamine ...)". A "they" joins
        no group ("TSG-6, and they have been tested") unless it stands for a pair (a zero-width "and" between)."""
        items = self.items
        groups: list[Group] = []
        i = 0
        while i < len(items):
            if items[i].kind != "ent" or self.described_cell(i) is not None or self.qualifies_disease(i):
                i += 1      # "FOXP3+ regulatory T cells", "COVID-19 ARDS": no member of any group
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
                    link = self._link_at(k) or self._naming_at(k)
                    if link:
                        k += link
                    elif items[k].text in CONNECTOR_WORDS or k > j and items[k].text in COORDINATED_MODIFIERS:
                        k += 1      # "Neither hUC-MSCs nor recombinant TSG-6"
                    else:
                        break
                if self.compared(i) and all(items[x].text == "," for x in range(j, k)):
                    break   # "Compared with bone marrow MSCs, adipose-derived MSCs secrete": no list
                if k > j and k < len(items) and items[k].kind == "ent" and self.clause[k] == self.clause[i] \
                        and (items[k].words != ("they",) or items[k - 1].start == items[k - 1].end) \
                        and self._has_coordinator(j, k) and not self._comma_splice(j, k) \
                        and not self.coordinated_clause(members, j, k):
                    cell = self.described_cell(k)
                    if cell is not None:
                        k = cell    # "Th17 cells and IFN-γ-producing Th1 cells": the cells are the member
                    members.append(k)
                    last = k
                    j = k + 1
                    continue
                break
            groups.append(Group(members, i, last))
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
        if x + 1 < len(self.items) and self.items[x].text in PREPOSITIONS and self.items[x + 1].kind == "ent":
            x += 2
        while x < len(self.items) and self.items[x].kind == "word" and self.items[x].text in ADVERBS:
            x += 1
        return x in starts

    def coordinated_clause(self, members: list[int], j: int, k: int) -> bool:
        """", and" before k opens a clause of its own, not the list's last member: "promote angiogenesis, and
        stanniocalcin-1 has ...", "secrete PGE2, TGF-β1 and IL-1Ra, and IL-1Ra may protect", "produce IL-10, and
        TSG-6, which dampens". Only after a single member or a list that already had its "and"; an Oxford
        comma ("VEGF, HGF, and FGF2 promote") keeps its list."""
        items = self.items
        while j < k and items[j].kind == "word" and (items[j].text in ENTITY_STATE_NOUNS or len(items[j].text) > 4
                                                     and items[j].text.endswith("ly")):
            j += 1      # "changed VEGF secretion, and HGF was lower", "secreted PGE2 constitutively, and TNF-α
            # increased": the member's own noun, an adverb
        if [it.text for it in items[j:k]] == [","] and len(members) == 1 and members[0] > 0 \
                and items[members[0] - 1].kind == "word" and items[members[0] - 1].text not in PREPOSITIONS:
            # "MSCs express MHC class I, interferon-gamma induces MHC class II": an object, then a clause
            return self.verb_follows(k)
        if [it.text for it in items[j:k]] != [",", "and"]:
            return False
        listed = [m for m in members if m == 0 or items[m - 1].text != "("]     # not the aliases in parentheses
        if len(listed) > 1 and not any(items[x].text == "and" for x in range(members[0], j)):
            return False
        x = self._past_alias(k)
        if x + 1 < len(items) and items[x].text == "," and items[x + 1].text in ("which", "that"):
            return True
        return self.verb_follows(k)

    def _past_alias(self, k: int) -> int:
        """The item after entity k and its alias in parentheses ("TSG-6 (TNF-stimulated gene 6)")."""
        items = self.items
        x = k + 1
        if x + 2 < len(items) and items[x].text == "(" and items[x + 1].kind == "ent" and items[x + 2].text == ")":
            x += 3
        return x

    def verb_follows(self, k: int) -> bool:
        """Entity k is followed by a verb (past an alias, a noun of its amount or loss, and adverbs): "stanniocalcin-1
        has", "IL-1Ra may protect", "TSG-6 knockdown abolished"."""
        items = self.items
        x = self._past_alias(k)
        if x + 1 < len(items) and items[x].text in ENTITY_STATE_NOUNS:
            x += 1
        while x < len(items) and (items[x].text in ADVERBS - AUXILIARIES or items[x].text in FOCUS_WORDS):
            x += 1
        if x >= len(items):
            return False
        if items[x].text in AUXILIARIES or items[x].text in CHANGE_VERBS:
            return True
        return any(first == x and any(r.voice == "active" for r in self.rules.triggers[words])
                   for first, _, words in self.find_phrases(self.rules.triggers))

    def _link_at(self, k: int) -> int:
        """Length of a multi-word group link starting at item k (0 if none)."""
        for link in _GROUP_LINKS:
            n = len(link)
            if tuple(it.text for it in self.items[k:k + n]) == link and all(
                    it.kind != "ent" for it in self.items[k:k + n]):
                return n
        return 0

    def _naming_at(self, k: int) -> int:
        """Length of "an enzyme called" / "a protein known as" before a list member (0 if none)."""
        words = [it.text if it.kind == "word" else "" for it in self.items[k:k + 4]]
        if len(words) >= 3 and words[0] in ("a", "an") and words[1] and words[2] in ("called", "named", "termed"):
            return 3
        if len(words) == 4 and words[0] in ("a", "an") and words[1] and words[2:] == ["known", "as"]:
            return 4
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

    def relative_clause_between(self, a: int, b: int, members=None) -> bool:
        """Items a+1..b-1 are a whole relative clause and a conjunction: ", which restored fluid clearance, and".
        Entities inside it may be ones that would be no list member (``members(group)`` gives those that would)."""
        items = self.items
        if b - a > 16 or b - a < 5 or items[a + 1].text != "," \
                or items[a + 2].text not in self.rules.words("relative") \
                or items[b - 1].text not in ("and", "or") or items[b - 2].text != ",":
            return False
        return not any(x.kind == "punct" and x.text in (",", ";", ":")
                       or x.kind == "ent" and (members is None or members(Group([k], k, k)))
                       for k, x in enumerate(items[a + 3:b - 2], a + 3))

    def words_between(self, a: int, b: int) -> int:
        """Words (not punctuation, not entities) strictly between item indices a < b; "cell-to-cell" is one, and
        so is a count written with a power of ten ("25 × 10^6")."""
        items = self.items
        filler = self.list_intro_items()
        count = 0
        for x in range(a + 1, b):
            if items[x].kind != "word" or x in filler:
                continue
            if items[x].text[0].isdigit() and items[x - 1].text in ("×", "^"):
                continue
            glued = x >= 2 and items[x - 1].text == "-" and items[x - 1].start == items[x - 2].end \
                and items[x - 1].end == items[x].start and items[x - 2].kind == "word"
            count += not glued
        return count


# "VEGF released by the cells", "exosomes derived from MSCs": what ties a factor to the cells that make it
MADE_BY_WORDS = {"released", "secreted", "produced", "shed", "made", "derived", "by", "from", "the", "these", "its",
                 "their"}


def made_by(model: SentenceModel, made: Group, maker: Group) -> bool:
    """Group ``made`` (factors) is what ``maker`` (MSCs) releases, by the words between them."""
    between = [it.text for it in model.items[made.last + 1:maker.first]]
    return 2 <= len(between) <= 4 and ("by" in between or "from" in between) \
        and all(w in MADE_BY_WORDS for w in between) \
        and all(model.items[m].term.label == schema.MSC_SOURCE for m in maker.members)
