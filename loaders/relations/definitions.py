"""Definitions: "PGE2 (prostaglandin E2) – A lipid mediator that MSCs secrete ...", "IDO is an enzyme that
depletes tryptophan", "Darvadstrocel – An allogeneic adipose-derived MSC product".

A line of a glossary (or a defining sentence) opens with the term, then a dash, colon or "is/are", then a noun
phrase that names what the term is. That noun phrase stands for the term: a relative clause after it is about the
term ("PGE2, which MSCs secrete ..."), and after a dash the phrase is an apposition ("Darvadstrocel, an
allogeneic adipose-derived MSC product"). The sentence is rewritten that way before its claims are read.
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.notation import field_dashes, line_start
from msckg.loaders.relations.sentence_model import DETERMINERS, Item, SentenceModel
from msckg.loaders.vocabulary import Term

DASHES = {"\u2013", "\u2014", "-", ":"}
COPULAS = {"is", "are"}
# most words a defining noun phrase may have before its relative pronoun: "the three surface markers"
PHRASE_WORDS = 5


def _term_group_end(model: SentenceModel, first: int) -> int | None:
    """Last item of the term (one entity or a list of them, with a bracketed long form) opening at ``first``."""
    items = model.items
    k = first
    if k >= len(items) or items[k].kind != "ent":
        return None
    while k + 2 < len(items) and items[k + 1].text in (",", "and", "/") and items[k + 2].kind == "ent":
        k += 2
    if k + 1 < len(items) and items[k + 1].text == "and" and k + 2 < len(items) and items[k + 2].kind == "ent":
        k += 2
    if k + 1 < len(items) and items[k + 1].text == "(":
        close = next((x for x in range(k + 2, min(len(items), k + 10)) if items[x].text == ")"), None)
        if close is None:
            return None
        k = close
    return k


def rewrite_definition(model: SentenceModel) -> Term | None:
    """Rewrite "TERM – (a) noun phrase that ..." as "TERM, which ..." and "TERM – An ... product" as
    "TERM, an ... product" (an apposition), in place. Returns the term a glossary line defines (one entity
    before a dash), which "It" opening the next sentence stands for."""
    items = model.items
    first = line_start(model)
    end = _term_group_end(model, first)
    if end is None or end + 2 >= len(items):
        return None
    if items[end + 1].text == ":" and items[end + 2].text == ":" and items[end + 2].start == items[end + 1].end \
            and end + 3 < len(items) and items[first].term.label != schema.PRODUCT:
        # "TSG-6 :: secreted by MSCs": a flashcard's field separator parts the term from its definition (a
        # product's "::" opens its fields: "Temcell :: approved Japan 2015; bone marrow MSCs; acute GvHD")
        _replace(model, end + 1, end + 3, [Item("punct", "\u2013", items[end + 1].start, items[end + 2].end)])
        items = model.items
    link = items[end + 1]
    # a dash set off by spaces ("MSC-EVs" and "MSC-derived" are words, not definitions)
    dash = link.kind == "punct" and link.text in DASHES and link.start > items[end].end \
        and items[end + 2].kind == "word"     # not an arrow ("PGE2 -> IL-10")
    if not dash and not (link.kind == "word" and link.text in COPULAS) or dash and len(field_dashes(model)) >= 2:
        return None     # (dashes that part a line into fields: "Temcell (BM) – Japan 2015 – acute GvHD")
    term = items[first].term if dash and not any(items[x].kind == "ent" for x in range(first + 1, end + 1)
                                                 if items[x - 1].text != "(") else None
    k = end + 2
    if k < len(items) and items[k].text in DETERMINERS:
        k += 1
    elif not dash:
        return None     # "IDO is induced by ...": no defining noun phrase
    relative = model.rules.words("relative")
    start = k
    while k < len(items) and items[k].kind == "word" and items[k].text not in relative and k - start < PHRASE_WORDS:
        k += 1
    at = items[end + 1].start
    if k < len(items) and items[k].text in relative and k > start:
        # "PGE2 – A lipid mediator that MSCs secrete": "PGE2, which MSCs secrete"
        _replace(model, end + 1, k + 1, [Item("punct", ",", at, at), Item("word", "which", at, at)])
    elif dash and items[end + 1].text != ":":
        # "Darvadstrocel – An allogeneic adipose-derived MSC product": an apposition
        _replace(model, end + 1, end + 2, [Item("punct", ",", at, at)])
    return term


def _replace(model: SentenceModel, a: int, b: int, new: list[Item]) -> None:
    model.items[a:b] = new
    model.count_clauses()
