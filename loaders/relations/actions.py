"""Claims stated as a noun of action: "the effect of TSG-6 on macrophages", "the anti-inflammatory action of
TSG-6 and PGE2 on synovial macrophages", "the immunosuppressive effect of IDO on T cells".

The factors (or MSCs) after "of" act on the cells after "on" (TARGETS); a mechanism named right before the noun
is what the factors mediate (MEDIATES). "Expression of IDO and PD-L1 in umbilical cord MSCs" is the cells' own
(EXPRESSES).
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.sentence_model import Group, SentenceModel, group_at

ACTION_NOUNS = {"effect", "effects", "action", "actions", "activity", "activities", "influence", "impact"}
ACTING_LABELS = {schema.FACTOR, schema.MSC_SOURCE}
STRENGTH = 0.65


def action_noun_claims(model: SentenceModel, groups: list[Group], add, negations: list[int]) -> None:
    items = model.items
    for n in range(len(items) - 3):
        # the noun alone, or ending a mechanism's name ("the immunosuppressive effect of IDO on T cells")
        named = items[n].kind == "ent" and items[n].term.label == schema.MECHANISM and items[n].words \
            and items[n].words[-1].lower() in ACTION_NOUNS
        if not (named or items[n].kind == "word" and items[n].text in ACTION_NOUNS) or items[n + 1].text != "of" \
                or items[n + 2].kind != "ent":
            continue
        agents = group_at(groups, n + 2)
        members = [m for m in (agents.members if agents else [n + 2]) if items[m].term.label in ACTING_LABELS]
        last = agents.last if agents else n + 2
        if not members or last + 2 >= len(items) or items[last + 1].text != "on":
            continue
        # "on synovial macrophages": a modifier or two may stand before the cells
        c = next((x for x in range(last + 2, min(len(items), last + 5)) if items[x].kind != "word"), None)
        if c is None or items[c].kind != "ent":
            continue
        cells = group_at(groups, c)
        targets = [x for x in (cells.members if cells else [c]) if items[x].term.label == schema.CELL_TYPE]
        if not targets:
            continue
        mechanism = n if named else n - 1 if n > 0 and items[n - 1].kind == "ent" \
            and items[n - 1].term.label == schema.MECHANISM else None
        negated = any(0 <= n - x <= 3 for x in negations)  # "no effect of IDO on T cells"
        trigger = f"{items[n].words[-1].lower() if named else items[n].text} of ... on"
        for m in members:
            for c in targets:
                add((n, m, c), "TARGETS", items[m], items[c], trigger, STRENGTH, model.words_between(m, c), False,
                    negated, clause=model.clause[n])
            if mechanism is not None:
                add((n, m, mechanism), "MEDIATES", items[m], items[mechanism], trigger, STRENGTH, 1, False, negated,
                    clause=model.clause[n])


# "expression of IDO in MSCs", "upregulated the expression of IDO in the cells"
EXPRESSION_NOUNS = {"expression", "overexpression", "upregulation", "up-regulation"}


def expression_in_source_claims(model: SentenceModel, groups: list[Group], add, negations: list[int]) -> None:
    items = model.items
    for n in range(len(items) - 4):
        if items[n].kind != "word" or items[n].text not in EXPRESSION_NOUNS or items[n + 1].text != "of" \
                or items[n + 2].kind != "ent":
            continue
        factors = group_at(groups, n + 2)
        members = [m for m in (factors.members if factors else [n + 2]) if items[m].term.label == schema.FACTOR
                   and items[m].term.kind != "vesicle"]
        k = (factors.last if factors else n + 2) + 1
        if not members or k + 1 >= len(items) or items[k].text != "in" or items[k + 1].kind != "ent" \
                or items[k + 1].term.label != schema.MSC_SOURCE:
            continue
        negated = any(0 <= n - x <= 3 for x in negations)
        for m in members:
            add((n, k + 1, m), "EXPRESSES", items[k + 1], items[m], f"{items[n].text} of ... in", 0.7,
                model.words_between(m, k + 1), False, negated, clause=model.clause[n])
