"""Claims stated as a noun of action: "the effect of TSG-6 on macrophages", "the anti-inflammatory action of
TSG-6 and PGE2 on synovial macrophages", "the immunosuppressive effect of IDO on T cells".

The factors (or MSCs) after "of" act on the cells after "on" (TARGETS); a mechanism named right before the noun
is what the factors mediate (MEDIATES), with or without cells ("abolished the antifibrotic effect of the EVs").
"Expression of IDO and PD-L1 in umbilical cord MSCs" is the cells' own (EXPRESSES).
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.sentence_model import Group, SentenceModel, cells_after, members_at

ACTION_NOUNS = {"effect", "effects", "action", "actions", "activity", "activities", "influence", "impact"}
ACTING_LABELS = {schema.FACTOR, schema.MSC_SOURCE}
STRENGTH = 0.65
# words between "effect of" and its owner: "the antifibrotic effect of the resulting EVs"
OWNER_DETERMINERS = {"the", "these", "those", "their", "its", "resulting"}


def owner_of_action(items, i: int) -> bool:
    """Item ``i`` names whose effect a noun of action is: "the antifibrotic effect of the resulting EVs"."""
    k = i - 1
    while k > 0 and items[k].kind == "word" and items[k].text in OWNER_DETERMINERS:
        k -= 1
    if k < 1 or items[k].text != "of":
        return False
    noun = items[k - 1]
    return noun.kind == "word" and noun.text in ACTION_NOUNS or noun.kind == "ent" \
        and noun.term.label == schema.MECHANISM and bool(noun.words) and noun.words[-1].lower() in ACTION_NOUNS


def action_noun_claims(model: SentenceModel, groups: list[Group], add, negations: list[int]) -> None:
    items = model.items
    for n in range(len(items) - 3):
        # the noun alone, or ending a mechanism's name ("the immunosuppressive effect of IDO on T cells")
        named = items[n].kind == "ent" and items[n].term.label == schema.MECHANISM and items[n].words \
            and items[n].words[-1].lower() in ACTION_NOUNS
        if not (named or items[n].kind == "word" and items[n].text in ACTION_NOUNS) or items[n + 1].text != "of":
            continue
        owner = n + 2
        while owner < len(items) and items[owner].kind == "word" and items[owner].text in OWNER_DETERMINERS:
            owner += 1      # "the antifibrotic effect of the resulting EVs"
        if owner >= len(items) or items[owner].kind != "ent":
            continue
        members, last = members_at(items, groups, owner, ACTING_LABELS)
        mechanism = n if named else n - 1 if n > 0 and items[n - 1].kind == "ent" \
            and items[n - 1].term.label == schema.MECHANISM else None
        on_cells = members and last + 2 < len(items) and items[last + 1].text == "on"
        targets = cells_after(items, groups, last + 1) if on_cells else []
        if not members or not targets and mechanism is None:
            continue
        negated = any(0 <= n - x <= 3 for x in negations)  # "no effect of IDO on T cells"
        trigger = f"{items[n].words[-1].lower() if named else items[n].text} of" + (" ... on" if targets else "")
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
        members, last = members_at(items, groups, n + 2, {schema.FACTOR})
        members = [m for m in members if items[m].term.kind != "vesicle"]
        k = last + 1
        if not members or k + 1 >= len(items) or items[k].text != "in" or items[k + 1].kind != "ent" \
                or items[k + 1].term.label != schema.MSC_SOURCE:
            continue
        negated = any(0 <= n - x <= 3 for x in negations)
        for m in members:
            add((n, k + 1, m), "EXPRESSES", items[k + 1], items[m], f"{items[n].text} of ... in", 0.7,
                model.words_between(m, k + 1), False, negated, clause=model.clause[n])
