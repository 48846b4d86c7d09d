"""Who "they", "it", "both", "the cells" and "the product" stand for.

Before a sentence's relations are read, each anaphor that can be resolved is replaced in the
:class:`SentenceModel` by an item of the entity it stands for (marked ``indirect``): the MSC source the
text named last ("These cells secrete IL-10"), the two sources just named ("Both expressed CD73"), the
sentence's own subject ("..., and it upregulates PD-L1"), the factor the clause before ended on ("..., but
IFN-γ induces it"), the product a document is about ("the product suppressed microglia"), the
vesicles, product or factor the sentence before opened with ("MSC exosomes carry TSG-6. They shift macrophages",
"HGF exerts an anti-apoptotic effect. It promotes angiogenesis"), the member of a class named before ("carry
miR-146a-5p into macrophages, where the microRNA dampens NF-κB"), or the source a name the document defined
stands for ('"the cells of the invention" refers to placental MSCs').
"""

from __future__ import annotations

import re

from msckg.graph import schema
from msckg.loaders.entities import Mention
from msckg.loaders.relations.implied import LICENSING_VERBS
from msckg.loaders.relations.notation import after_label, line_start
from msckg.loaders.relations.rules import Rules, tokens
from msckg.loaders.relations.sentence_model import DISCOURSE, PRIMED_WORDS, Item, SentenceModel, SETTING_OPENERS
from msckg.loaders.vocabulary import Term

# the tissue or product a document is about: this many mentions and this share of its label's mentions
DOCUMENT_TOPIC_MIN = 3
DOCUMENT_TOPIC_SHARE = 0.6
# "these factors", "these mediators": a list of factors named before (at most this long)
FACTOR_NOUNS = {"factors", "mediators", "cytokines", "molecules", "proteins", "signals", "chemokines", "neurotrophins",
                "microRNAs", "micrornas", "miRNAs", "mirnas"}
FACTOR_LIST_MAX = 6
PATHWAY_NOUNS = {"pathways", "cascades"}
# "both" standing alone for two sources unless a noun phrase follows it ("Both of them", "Both the cells and ...")
BOTH_NOT_ALONE = {"of", "the", "these", "those", "and", "groups", "arms", "cohorts", "studies", "trials"}
# "IFN-γ from activated T cells": the cells named as the maker of a stimulus
MAKER_PREPOSITIONS = {"from", "by", "of"}
# "2% of the cells", "we primed the cells with": the cells as a share or as what an experimenter treats
CELLS_NOT_STANDING_IN = {"of", "primed", "stimulated", "treated", "exposed", "pretreated"}
# "the product label", "the product information": not the product itself
NOT_THE_PRODUCT = {"label", "labels", "information", "category", "specification", "specifications", "name", "code"}


def dominant(mentions: list[Mention], label: str, rival: str | None = None) -> Term | None:
    """The one term of ``label`` a document is about: at least DOCUMENT_TOPIC_MIN mentions and
    DOCUMENT_TOPIC_SHARE of that label's mentions, and no fewer than the ``rival`` term (left out of the
    share: the generic "MSCs" beside the tissues). "The cells" and "the product" fall back to it where the
    last sentences named none."""
    counts: dict[str, int] = {}
    terms: dict[str, Term] = {}
    for m in mentions:
        if m.term.label == label and m.sentence >= 0:
            counts[m.term.id] = counts.get(m.term.id, 0) + 1
            terms[m.term.id] = m.term
    rival_count = counts.pop(rival, 0) if rival else 0
    if not counts:
        return None
    best = max(counts, key=counts.get)
    if counts[best] >= max(DOCUMENT_TOPIC_MIN, rival_count, DOCUMENT_TOPIC_SHARE * sum(counts.values())):
        return terms[best]
    return None


def resolve_anaphora(model: SentenceModel, rules: Rules, previous: Term | None, pair: tuple[Term, ...],
                     product: Term | None, factors: list[Term] | None = None, opened: Term | None = None,
                     together: list[tuple[Term, ...]] | None = None, vesicle: Term | None = None,
                     history: list[Term] | None = None, generic: Term | None = None) -> None:
    """Replace the anaphors of one sentence by what they stand for: ``previous`` is the MSC source of the
    last sentences, ``pair`` the two sources last named together (``together``: the sets of two or more sources
    named together in the last sentences, the latest first),
    ``product`` the document's product, ``factors`` the factors the sentence before listed, ``opened`` the
    vesicles or product that sentence opened with, ``vesicle`` the vesicles the last sentences named, ``history``
    the factors and pathways the last sentences named, the latest last, ``generic`` the generic MSC term."""
    _the_vesicles(model, vesicle)
    _these_factors(model, factors or [], history or [])
    _this_factor(model)
    _the_class_member(model)
    _all_sources(model, rules, together or [])
    _clusters(model, generic)
    _the_msc_named_before(model, generic)
    _initial_anaphor(model, rules, previous, pair, opened)
    if opened is not None and opened.label == schema.PRODUCT:
        _approved_it(model, opened)
    _coordinated_they(model, rules, previous)
    _coordinated_it(model)
    _where_it(model)
    _object_it(model)
    if product is not None:
        _the_product(model, product)


def _last_factor(model: SentenceModel, end: int, label: str = schema.FACTOR) -> Term | None:
    """The last factor (not vesicles), or pathway, named before item ``end``."""
    return next((it.term for it in reversed(model.items[:end]) if it.kind == "ent"
                 and it.term.label == label and it.term.kind != "vesicle"), None)


def listed_factors(model: SentenceModel, end: int | None = None, label: str = schema.FACTOR) -> list[Term]:
    """The distinct factors (or pathways) named before item ``end`` (all of them without it), if they are a
    short list."""
    terms: dict[str, Term] = {}
    items = model.items
    for k, it in enumerate(items[:end]):
        if it.kind == "ent" and it.term.label == label and it.term.kind != "vesicle" and not (
                k + 2 < len(items) and items[k + 1].text == "-" and items[k + 2].kind == "ent"
                and items[k + 2].term.label == schema.MSC_SOURCE):     # not "CXCR4" of "CXCR4-MSCs": a cell's name
            terms.setdefault(it.term.id, it.term)
    return list(terms.values()) if 2 <= len(terms) <= FACTOR_LIST_MAX else []


def last_factor_list(model: SentenceModel, label: str = schema.FACTOR) -> list[Term]:
    """The factors (or pathways) a sentence names for "these factors" in the next: its last list of them joined
    by commas, "and" or "or" ("IFN-γ ... licenses them to express IDO, PGE2 and TSG-6": not IFN-γ), or else all of
    them if they are a short list."""
    items = model.items
    runs: list[list[Term]] = []
    linked = False      # only list joiners since the last of them
    k = 0
    while k < len(items):
        it = items[k]
        if linked and it.text == "(" and k + 2 < len(items) and items[k + 2].text == ")" \
                and items[k + 1].kind == "ent" and items[k + 1].term.id == runs[-1][-1].id:
            k += 3      # "hepatocyte growth factor (HGF)": the member's short name
            continue
        if it.kind == "ent" and it.term.label == label and it.term.kind != "vesicle":
            if linked:
                runs[-1].append(it.term)
            else:
                runs.append([it.term])
            linked = True
        elif it.text not in (",", "and", "or"):
            linked = False
        k += 1
    lists = [list(dict.fromkeys(run)) for run in runs if len({t.id for t in run}) >= 2]
    if lists and len(lists[-1]) <= FACTOR_LIST_MAX:
        return lists[-1]
    return listed_factors(model, label=label)


def _these_factors(model: SentenceModel, before: list[Term], history: list[Term]) -> None:
    """"WJ-MSCs secrete TGF-β1, IL-1Ra and TSG-6, and these factors may protect chondrocytes": "these factors"
    (mediators, cytokines, molecules) are the factors listed before, in the sentence or the one before it; "these
    pathways" the pathways ("IFN-γ activates JAK/STAT and TNF-α NF-κB. Together these pathways ..."). A count
    ("both factors", "these four factors") must match, and may reach back over ``history`` (the factors the
    last sentences named) for the last that many named."""
    items = model.items
    for i in range(len(items) - 2, -1, -1):
        if items[i].kind != "word" or items[i].text not in ("these", "those", "such", "both") \
                or items[i + 1].kind != "word":
            continue
        counted = NUMBER_WORDS.get(items[i + 1].text)     # "these four factors": as many as it counts
        noun = i + 2 if counted and i + 2 < len(items) else i + 1
        label = schema.FACTOR if items[noun].text in FACTOR_NOUNS \
            else schema.PATHWAY if items[noun].text in PATHWAY_NOUNS else None
        if label is not None:
            terms = listed_factors(model, i, label) or [t for t in before if t.label == label]
            if items[i].text == "both":
                counted = 2     # "Both factors": exactly two
            if counted and len(terms) < counted:
                # "... IDO and PGE2. ... TSG-6 and TGF-β1. ... these four factors": the last ones named
                named = [t for t in history if t.label == label][-counted:]
                terms = named if len(named) == counted else terms
            if terms and (counted is None or len(terms) == counted):
                stand_in(model, i, noun + 1 - i, tuple(items[x].text for x in range(i, noun + 1)), terms)


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _all_sources(model: SentenceModel, rules: Rules, together: list[tuple[Term, ...]]) -> None:
    """"All three sources secreted IL-6", "in the conditioned medium of all three sources", "All three expressed
    CD73": the MSC sources last named together (the last set of as many as the phrase counts, if it counts them)."""
    if not together:
        return
    items = model.items
    i = 0
    while i < len(items):
        phrase = phrase_at(model, i, rules.cue("anaphor_all"))
        if phrase and phrase[-1] in NUMBER_WORDS and i != line_start(model):
            phrase = None   # a bare "all three" stands for the sources only as the subject opening a sentence
        counted = next((NUMBER_WORDS[w] for w in phrase if w in NUMBER_WORDS), None) if phrase else None
        sources = next((s for s in together if counted is None or len(s) == counted), None) if phrase else None
        if sources is None:
            i += 1
            continue
        stand_in(model, i, len(phrase), phrase, list(sources))
        i += 2 * len(sources) - 1


# "this microRNA", "this cytokine": one factor named before (the noun may itself be a vocabulary entry)
ONE_FACTOR_NOUNS = {"microrna", "mirna", "cytokine", "chemokine", "factor", "enzyme", "protein", "molecule",
                    "mediator", "growth factor", "receptor", "ligand"}
ONE_PATHWAY_NOUNS = {"pathway", "cascade", "axis"}


def _this_factor(model: SentenceModel) -> None:
    """"miR-146a-5p increased after priming; this microRNA is known to inhibit NF-κB": "this" (or "that")
    with a factor noun is the last factor the sentence named before it, with a pathway noun the last pathway
    ("HGF activates PI3K/Akt signalling, and this pathway mediates its anti-apoptotic effect")."""
    items = model.items
    for i in range(len(items) - 2, 0, -1):
        noun = items[i + 1].text.lower()
        if items[i].kind != "word" or items[i].text not in ("this", "that") \
                or noun not in ONE_FACTOR_NOUNS and noun not in ONE_PATHWAY_NOUNS:
            continue
        factor = _last_factor(model, i, schema.PATHWAY if noun in ONE_PATHWAY_NOUNS else schema.FACTOR)
        if factor is not None:
            stand_in(model, i, 2, (items[i].text, items[i + 1].text.lower()), [factor])


def _the_class_member(model: SentenceModel) -> None:
    """"... carry miR-146a-5p into macrophages, where the microRNA dampens NF-κB": a class named with "the" or
    "this" (a factor term without an identifier, such as "microRNA" or "growth factor") is the last factor of
    that kind the sentence named before it."""
    items = model.items
    for i in range(len(items) - 1, 0, -1):
        it = items[i]
        if it.kind != "ent" or it.term.label != schema.FACTOR or it.term.curie or it.indirect \
                or items[i - 1].text not in ("the", "this", "that"):
            continue
        member = next((x.term for x in reversed(items[:i - 1]) if x.kind == "ent" and x.term.label == schema.FACTOR
                       and x.term.kind == it.term.kind and x.term.id != it.term.id), None)
        if member is not None:
            stand_in(model, i, 1, tuple(it.words) or (it.text,), [member])


# a name the document gives what it speaks of: '"the cells of the invention" refers to placental MSCs'
DEFINED_NAME = re.compile(r"[\"\u201c]([^\"\u201d]{3,60})[\"\u201d],?\s+(?:refers|refer|means|denotes|designates)\b")


def defined_name(model: SentenceModel) -> tuple[tuple[str, ...], Term] | None:
    """The words of a name the sentence defines and the MSC source it names (a tissue before the generic
    MSCs): '"the cells of the invention" refers to placental MSCs isolated as described in Example 1'."""
    match = DEFINED_NAME.search(model.text)
    if match is None:
        return None
    end = model.offset + match.end()
    named = [it.term for it in model.items if it.kind == "ent" and it.start >= end
             and it.term.label == schema.MSC_SOURCE]
    if not named:
        return None
    source = next((t for t in named if t.kind != "generic"), named[0])
    return tuple(w.lower() for w in tokens(match.group(1))), source


def name_in_use(model: SentenceModel, names: list[tuple[tuple[str, ...], Term]]) -> None:
    """Replace each use of a name the document defined by the source it names. A name ending "of the
    invention" also stands in a patent's other phrases on it: "the licensed cells of the invention", "the
    composition of the invention"."""
    items = model.items
    for words, term in names:
        invention = words[-3:] == ("of", "the", "invention")
        i = 0
        while i < len(items):
            n = len(words) if tuple(it.text for it in items[i:i + len(words)]) == words \
                and all(it.kind != "ent" for it in items[i:i + len(words)]) else 0
            if not n and invention and items[i].text == "the":
                end = next((k for k in range(i + 2, min(len(items), i + 6)) if items[k].kind != "word"
                            or tuple(it.text for it in items[k:k + 3]) == ("of", "the", "invention")), None)
                if end is not None and tuple(it.text for it in items[end:end + 3]) == ("of", "the", "invention"):
                    n = end + 3 - i
            if n:
                stand_in(model, i, n, tuple(it.text for it in items[i:i + n]), [term])
            i += 1


# the verbs a subject-less line of an entry opens with, besides the first words of the triggers ("Is required for")
ENTRY_VERBS = {"is", "has", "lacks", "accounts", "plays", "acts", "contributes", "appears", "seems", "serves",
               "functions", "participates"}
# a plural noun, not a verb, opens the line when one of these follows it ("Increases in IL-6 were ...")
NOUN_FOLLOWERS = {"in", "of", "were", "was", "are", "and", "or", ","}


def entry_subject(model: SentenceModel, term: Term | None, verbs: frozenset[str]) -> None:
    """"Reduces the expression of IL-1β ... when secreted by MSCs": a line of an entry about one factor (a gene's
    GeneRIF list under a title that opens with the gene) that opens on its verb, in the third person, has that factor
    for its subject. ``verbs`` are the first words of the triggers."""
    items = model.items
    if term is None or len(items) < 2 or items[0].kind != "word" or model.text.rstrip().endswith("?"):
        return
    word = items[0].text
    surface = model.text[items[0].start - model.offset:items[0].end - model.offset]
    if not surface[:1].isupper() or not word.endswith("s") or word not in verbs | ENTRY_VERBS \
            or items[1].text in NOUN_FOLLOWERS:
        return
    items.insert(0, Item("ent", term.name, items[0].start, items[0].start, term, (term.name,), indirect=True))
    model.clause.insert(0, model.clause[0])


def phrase_at(model: SentenceModel, i: int, phrases) -> tuple[str, ...] | None:
    """The longest of ``phrases`` whose words are the items from ``i`` on (no mention among them), or None."""
    items = model.items
    return next((p for p in sorted(phrases, key=len, reverse=True) if i + len(p) <= len(items) and all(
        items[i + k].kind != "ent" and items[i + k].text == p[k] for k in range(len(p)))), None)


def stand_in(model: SentenceModel, i: int, n: int, phrase: tuple[str, ...], terms: list[Term]) -> None:
    """Replace the ``n`` items of an anaphor at ``i`` by the sources it stands for ("A and B" for a pair)."""
    first, last = model.items[i], model.items[i + n - 1]
    stand_ins: list[Item] = []
    for k, term in enumerate(terms):
        if k:
            stand_ins.append(Item("word", "and", first.start, first.start))
        stand_ins.append(Item("ent", " ".join(phrase), first.start, last.end, term, phrase, indirect=True))
    model.items[i:i + n] = stand_ins
    model.clause[i:i + n] = [model.clause[i]] * len(stand_ins)


# words after an entity that show it is not the whole subject ("IL-6 and IL-8 are", "HGF from MSCs", "PGE2 levels")
SUBJECT_GOES_ON = {"and", "or", "from", "of", "in", "by", "levels", "level", "secretion", "expression", "release",
                   "production", "signalling", "signaling", "activity", "pathway", "receptor"}


def opening_subject(model: SentenceModel) -> Term | None:
    """The vesicles or the product a sentence opens with as its subject ("MSC exosomes carry TSG-6", "The
    purified EVs were ...", "4.1 Remestemcel-L is ..."): a few words or a section number at most before them;
    or a factor or pathway that alone opens it, its verb right after it ("HGF exerts an anti-apoptotic effect")."""
    items = model.items
    for k, it in enumerate(items[:5]):
        if it.kind == "ent":
            if it.term.kind == "vesicle" or it.term.label == schema.PRODUCT:
                return it.term
            glued = items[k + 2] if k + 2 < len(items) and items[k + 1].text == "-" else None
            if it.term.label == schema.MSC_SOURCE and glued is not None and glued.kind == "ent" \
                    and glued.term.kind == "vesicle" and it.end == items[k + 1].start == glued.start - 1:
                return glued.term       # "MenSC-EVs reduce colitis. They ...": the vesicles of that source
            # "HGF exerts an anti-apoptotic effect ... It promotes angiogenesis": a factor or pathway alone as the
            # subject, its verb right after it
            alone = k + 1 < len(items) and items[k + 1].kind == "word" and items[k + 1].text not in SUBJECT_GOES_ON
            return it.term if alone and it.term.label in (schema.FACTOR, schema.PATHWAY) else None
        if it.text in (",", ";", "("):
            return None     # an opening phrase or a list: not the subject
    return None


# a cluster or subpopulation of the cells profiled: "Cluster C2 expressed VCAM1", "the C3 cluster", "this subpopulation"
CLUSTER_NOUNS = {"cluster", "subcluster", "subpopulation", "subset"}
CLUSTER_LABEL = re.compile(r"[a-z]{0,2}\d{1,2}", re.IGNORECASE)


def _clusters(model: SentenceModel, generic: Term | None) -> None:
    """"Cluster C3 was enriched in Wharton's jelly MSCs and expressed NES", "Cluster C2 expressed VCAM1": a cluster
    (or subpopulation) of single cells named by its label or by "this" is part of the MSCs profiled: those of the one
    source the sentence names, else the MSCs at large (``generic``; the clusters of a profile span its tissues)."""
    items = model.items
    named = list({it.term.id: it.term for it in items if it.kind == "ent"
                  and it.term.label == schema.MSC_SOURCE and not it.indirect}.values())
    cells = named[0] if len(named) == 1 else generic
    if cells is None:
        return
    i = 0
    while i < len(items) - 1:
        words = [it.text if it.kind == "word" else "" for it in items[i:i + 3]]
        if words[0] in CLUSTER_NOUNS and CLUSTER_LABEL.fullmatch(words[1]) \
                or words[0] in ("this", "that") and words[1] in CLUSTER_NOUNS:
            n = 2                   # "cluster C2", "this subpopulation"
        elif len(words) == 3 and words[0] == "the" and CLUSTER_LABEL.fullmatch(words[1]) and words[2] in CLUSTER_NOUNS:
            n = 3                   # "the C3 cluster"
        else:
            i += 1
            continue
        stand_in(model, i, n, tuple(words[:n]), [cells])
        i += 1


def _the_msc_named_before(model: SentenceModel, generic: Term | None) -> None:
    """"bone marrow MSCs mixed with breast cancer cells increased their metastasis through CCL5 secreted by the
    MSCs": "the MSCs" (or "these MSCs") after the one tissue the sentence named are that tissue's cells."""
    if generic is None:
        return
    items = model.items
    for k in range(1, len(items)):
        it = items[k]
        if it.kind != "ent" or it.term.id != generic.id or items[k - 1].text not in ("the", "these", "those"):
            continue
        named = {x.term.id: x.term for x in items[:k] if x.kind == "ent" and x.term.label == schema.MSC_SOURCE
                 and x.term.id != generic.id and not x.indirect}
        if len(named) == 1:
            stand_in(model, k, 1, (it.text,), list(named.values()))


# vesicle terms named in the singular: "Conditioned medium reduced ... It lowered IL-17A" ("it", not "they")
MASS_VESICLES = {"conditioned medium", "secretome"}


def _initial_anaphor(model: SentenceModel, rules: Rules, previous: Term | None, pair: tuple[Term, ...],
                     opened: Term | None = None) -> None:
    """"These cells secrete ...", "Both expressed ...": a subject opening the sentence (after a run-in label
    or an opening phrase) that stands for the source(s) named before. After a sentence that opened with
    vesicles or a product (``opened``), or with the term a glossary line defines, "They" stands for the
    vesicles ("MSC exosomes carry TSG-6. They shift macrophages to M2") and "It" for the product or term
    ("Ryoncil is approved in the US. It contains ...", "Immunomodulation – ... It is mediated by IDO")."""
    items = model.items
    i = after_label(model)      # a run-in label: "RESULTS: The cells expressed ...", "[09:05] priya_k: they ..."
    first = line_start(model)   # after an opening quotation mark: '"In our preclinical work, the cells ...'
    if first < len(items) and items[first].text in SETTING_OPENERS | {"by", "when", "once"}:
        # "In preclinical models of osteoarthritis, they secreted": the anaphor after the opening phrase;
        # "By international convention they adhere to plastic": a short one without its comma; "When exposed
        # to TNF-α, the cells release PGE2" (but "When MSCs were primed, they ..." names its own cells)
        comma = next((k for k, it in enumerate(items[:first + 14]) if it.text == ","), None)
        if items[first].text in ("when", "once") and any(
                it.kind == "ent" and it.term.label in (schema.MSC_SOURCE, schema.CELL_TYPE)
                for it in items[first:comma if comma is not None else first + 14]):
            return
        bare = next((k for k, it in enumerate(items[first + 1:first + 5], first + 1)
                     if it.kind == "word" and it.text == "they"), None)
        if bare is not None and (comma is None or bare < comma) and all(
                it.kind == "word" or it.kind == "ent" and it.term.label == schema.FACTOR
                for it in items[first:bare]):
            # ("Upon IFN-γ stimulation they upregulate IDO": the stimulus may stand in the phrase)
            i = bare
        elif comma is not None:
            i = comma + 1
    while i < len(items) and items[i].kind != "ent" and items[i].text in DISCOURSE:
        i += 1
    if pair and i + 1 < len(items) and items[i].kind == "word" and items[i].text == "both" \
            and items[i + 1].kind == "word" and items[i + 1].text not in BOTH_NOT_ALONE:
        stand_in(model, i, 1, ("both",), list(pair))     # "Both expressed CD73": the two sources just named
        return
    plural = (opened.kind == "vesicle" and opened.name not in MASS_VESICLES) or opened.label == schema.MSC_SOURCE \
        if opened is not None else False
    if opened is not None and i < len(items) and items[i].kind == "word" \
            and items[i].text == ("they" if plural else "it"):
        stand_in(model, i, 1, (items[i].text,), [opened])
        return
    if previous is not None and i + 3 < len(items) and items[i].kind == "ent" \
            and items[i].term.label == schema.FACTOR and items[i + 1].text == "-" \
            and items[i + 2].text in PRIMED_WORDS and items[i + 3].kind == "word" and items[i + 3].text == "cells":
        stand_in(model, i + 3, 1, ("cells",), [previous])   # "IFN-γ-primed cells expressed more IDO"
        return
    for kind, terms in (("anaphor_pair", list(pair)), ("anaphor", [previous] if previous else [])):
        if not terms:
            continue
        phrase = phrase_at(model, i, rules.cue(kind))
        if phrase is not None:
            stand_in(model, i, len(phrase), phrase, terms)
            return


def _coordinated_they(model: SentenceModel, rules: Rules, previous: Term | None = None) -> None:
    """"MSCs release TSG-6, and they have been tested in trials": "they" (or "the cells", "these cells") inside
    a sentence is the sentence's own first MSC source (both sources when the first is "DPSCs and SHED"). In a
    sentence that names neither an MSC source nor other cells before it, "the cells" are the ``previous``
    source ("We softened our conclusion, because the cells also secreted IL-10")."""
    items = model.items
    i = 2
    while i < len(items):       # a stand-in may add items: walk on past it
        # ("..., and the cells come from the bone marrow" opens a clause of its own: left alone)
        n = _cells_anaphor(model, rules, i) if items[i - 1].text not in ("and", ",", ";") else 0
        cells = n > 0
        # "IFN-γ licenses them to express IDO": the cells a stimulus makes do something
        licensed = items[i].text == "them" and items[i - 1].text in LICENSING_VERBS \
            and i + 1 < len(items) and items[i + 1].text == "to"
        if items[i].kind != "word" or items[i].text != "they" and not cells and not licensed:
            i += 1
            continue
        sources = [k for k in range(i) if items[k].kind == "ent" and items[k].term.label == schema.MSC_SOURCE]
        first = sources[0] if sources else None
        if cells:
            # the cells the sentence names, not those an anaphor stood in for ("They grew menstrual blood MSCs,
            # ... everything the cells release")
            first = next((k for k in sources if not items[k].indirect), first)
        opening = after_label(model)     # "Assistant: Not quite: exosomes are ...": after the run-in labels
        while True:
            colon = next((k for k in range(opening, min(len(items), opening + 4)) if items[k].text == ":"), None)
            if colon is None or not all(items[k].kind == "word" for k in range(opening, colon)):
                break
            opening = colon + 1
        while opening < len(items) and items[opening].kind != "ent" and items[opening].text in DISCOURSE:
            opening += 1
        head = _vesicles_of_source(model, opening)
        if head is not None and (first is None or first >= opening):
            # "Exosomes are vesicles that MSCs release, and in rats they protected cartilage", "MSC-derived EVs
            # recapitulate many effects of the parent cells: they promote M2 polarisation"
            first = head
        if first is None and previous is not None and (
                cells and items[i - 1].text not in CELLS_NOT_STANDING_IN
                or not cells and items[i - 1].text == "that" and not any(it.kind == "ent" for it in items[:i])) \
                and not any(items[k].kind == "ent" and items[k].term.label == schema.CELL_TYPE for k in range(i)):
            # "The current view is that they act ...": a clause of what is said of the source named before
            stand_in(model, i, n or 1, (items[i].text, "cells") if cells else ("they",), [previous])
            i += 1
            continue
        if first is None or items[i - 1].text in ("that", "until", "where", "when") and any(
                items[k].kind == "ent" and items[k].term.label == schema.CELL_TYPE for k in range(first + 1, i)) \
                or licensed and any(items[k].kind == "ent" and items[k].term.label == schema.CELL_TYPE
                                    and not any(items[x].text in MAKER_PREPOSITIONS for x in range(k - 2, k))
                                    for k in range(first + 1, i)):
            # "reprogramming host macrophages so that they released IL-10", "PGE2 acts on macrophages and
            # induces them to produce IL-10": the cells named last (not "IFN-γ from activated T cells licenses
            # them": the cells that made the stimulus)
            i += 1
            continue
        terms = [items[first].term]
        if first + 2 < i and items[first + 1].text == "and" and items[first + 2].kind == "ent" \
                and items[first + 2].term.label == schema.MSC_SOURCE:
            terms.append(items[first + 2].term)
        if cells:
            stand_in(model, i, n, (items[i].text, "cells"), terms)
        else:
            stand_in(model, i, 1, (items[i].text,), terms)
        i += 2 * len(terms) - 1


def _vesicles_of_source(model: SentenceModel, k: int) -> int | None:
    """The vesicles that item ``k`` names ("Exosomes") or that follow the source it names ("MSC-derived EVs")."""
    items = model.items
    if k >= len(items) or items[k].kind != "ent":
        return None
    if items[k].term.label == schema.MSC_SOURCE:
        k = next((x for x in range(k + 1, min(len(items), k + 4)) if items[x].text not in ("-", "derived")), k)
        if k >= len(items) or items[k].kind != "ent":
            return None
    return k if items[k].term.kind == "vesicle" else None


def _cells_anaphor(model: SentenceModel, rules: Rules, i: int) -> int:
    """How many items "the cells" (or another anaphor of the cells: "the transplanted cells", "these donor
    cells", "primed cells") spans at item i, or 0."""
    phrase = phrase_at(model, i, rules.cue("anaphor"))
    return len(phrase) if phrase and phrase[0] in {"the", "these"} | PRIMED_WORDS and phrase[-1] == "cells" else 0


# words before the factor that opens a sentence, which leave it the subject
SUBJECT_MODIFIERS = {"recombinant", "exogenous", "soluble", "human", "murine", "the"}


def _coordinated_it(model: SentenceModel) -> None:
    """"IFN-γ induces IDO, which depletes tryptophan, and it upregulates PD-L1": "it" opening a clause of
    its own (after ", and", ";" or ":") stands for the sentence's subject when that is one named factor, pathway or
    product."""
    items = model.items
    first = 0
    while first < min(len(items), 2) and items[first].kind == "word" and items[first].text in SUBJECT_MODIFIERS:
        first += 1  # "Recombinant TSG-6 suppressed NF-κB ..., and it lowered MMP-13"
    subject = items[first] if first < len(items) else None
    if subject is None or subject.kind != "ent" or subject.term.label == schema.MSC_SOURCE \
            or len(items) > first + 1 and items[first + 1].text in ("and", "or", "/"):
        return
    for i in range(len(items) - 1, 2, -1):
        if items[i].kind == "word" and items[i].text == "it" and (
                items[i - 1].text == "and" and items[i - 2].text == "," or items[i - 1].text in (";", ":")):
            stand_in(model, i, 1, ("it",), [subject.term])     # ", and it ...", "; it binds CD44", ": it activates


def _the_vesicles(model: SentenceModel, vesicle: Term | None) -> None:
    """"The vesicles delivered miR-181a to macrophages": the plain word after "the"/"these" is the vesicles the
    text named last ("EVs from menstrual blood MSCs ...", "Exosomes from bone marrow MSCs ..."), in the sentence
    itself or before it."""
    items = model.items
    for i in range(len(items) - 2, -1, -1):
        # (the plain word, which the vocabulary also reads as extracellular vesicles at large)
        if items[i].text in ("the", "these", "those") and items[i + 1].text.lower() in ("vesicles", "vesicle"):
            # "release abundant exosomes, and ... these vesicles reduce": vesicles named before in the sentence
            before = [it.term for it in items[:i] if it.kind == "ent" and it.term.kind == "vesicle"
                      and it.text.lower() not in ("vesicles", "vesicle")]
            if before or vesicle is not None:
                stand_in(model, i, 2, (items[i].text, items[i + 1].text), [before[-1] if before else vesicle])


APPROVING = {"approved", "authorised", "authorized", "licensed", "cleared", "approve", "approves"}


def _approved_it(model: SentenceModel, product: Term) -> None:
    """"Darvadstrocel – an adipose-derived MSC product. The European Commission approved it in 2018 for ...":
    "it" after a verb of approval is the product the sentence before opened with."""
    items = model.items
    for i in range(1, len(items)):
        if items[i].kind == "word" and items[i].text == "it" and items[i - 1].text in APPROVING:
            stand_in(model, i, 1, ("it",), [product])
            return


def _where_it(model: SentenceModel) -> None:
    """"The vesicles delivered miR-181a to macrophages, where it blunted NF-κB activation": "it" after ", where"
    is the last factor named before it (not the vesicles)."""
    items = model.items
    for i in range(len(items) - 1, 2, -1):
        if items[i].kind != "word" or items[i].text != "it" or items[i - 1].text != "where" or items[i - 2].text != ",":
            continue
        factor = _last_factor(model, i - 2)
        if factor is not None:
            stand_in(model, i, 1, ("it",), [factor])


# words between the subject and the verb before an object "it": "IFN-γ can induce it", "TNF-α also raises it"
OBJECT_IT_MODALS = {"can", "could", "may", "might", "will", "would", "also", "strongly", "further", "then"}


def _object_it(model: SentenceModel) -> None:
    """"MSCs express little HLA-DR at rest, but IFN-γ induces it": "it" after a new clause's subject and verb
    is the factor the clause before ended on."""
    items = model.items
    for i in range(len(items) - 1, 2, -1):
        if items[i].kind != "word" or items[i].text != "it" or items[i - 1].kind != "word" \
                or i + 1 < len(items) and items[i + 1].kind != "punct" and items[i + 1].text not in ("and", "in"):
            continue
        subject = i - 2
        while subject > 0 and items[subject].kind == "word" and items[subject].text in OBJECT_IT_MODALS:
            subject -= 1    # "although IFN-γ can induce it"
        if items[subject].kind != "ent" or items[subject].term.label != schema.FACTOR:
            continue
        breaks = [k for k in range(subject) if items[k].text in (",", ";", "but", "whereas", "although", "though")]
        if not breaks or breaks[-1] < subject - 2:
            continue    # the subject must open a clause of its own
        before = [k for k in range(breaks[-1]) if items[k].kind == "ent" and items[k].term.label == schema.FACTOR]
        if before and items[before[-1]].term.id != items[subject].term.id:
            stand_in(model, i, 1, ("it",), [items[before[-1]].term])


def _the_product(model: SentenceModel, product: Term) -> None:
    """"the product suppressed microglia": in a document about one product, "the product" is that product."""
    items = model.items
    for i in range(len(items) - 2, -1, -1):
        if items[i].text == "the" and items[i + 1].kind == "word" and items[i + 1].text == "product" \
                and not (i + 2 < len(items) and items[i + 2].kind == "word" and items[i + 2].text in NOT_THE_PRODUCT):
            stand_in(model, i, 2, ("the", "product"), [product])
