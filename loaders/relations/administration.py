"""What a study gave to whom: "A phase 2 trial gave 96 patients with ALS three intrathecal doses of umbilical
cord MSCs", "An open-label study injected placenta-derived MSCs into the calf muscles of 40 patients with
critical limb ischemia", "We infused bone marrow MSCs into mice with colitis".

The agent given (an MSC source, a product or vesicles) is studied in the population's disease:
INVESTIGATED_FOR, or TREATS where the sentence puts a benefit in those studies ("The benefit appeared clearest
in trials that gave ..."). A benefit the same sentence claims for the pair by a verb outweighs it (see the
extractor).
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.sentence_model import (
    POPULATIONS, SETTING_LINKS, STUDIES, Group, SentenceModel, group_at,
)

# the study or the investigators doing the giving
GIVERS = STUDIES | {"we", "investigators", "researchers", "authors", "team", "surgeons", "clinicians"}
GIVING_VERBS = {"gave", "give", "gives", "injected", "injects", "infused", "infuses", "administered", "administers",
                "transplanted", "transplants", "implanted", "implants", "delivered", "randomised", "randomized"}
# a benefit found in the studies that gave the agent: "The benefit appeared clearest in trials that gave"
BENEFIT_WORDS = {"benefit", "benefits", "improvement", "improvements", "efficacy", "responses", "remission"}
# how far the giver may stand before the verb ("A double-blind, placebo-controlled phase 2 trial gave")
GIVER_REACH = 4
STRENGTH = 0.65


def _population_disease(model: SentenceModel, groups: list[Group], start: int, end: int) -> list[int]:
    """The diseases of the first population named between ``start`` and ``end`` ("96 patients with ALS")."""
    items = model.items
    for p in range(start, end - 1):
        if items[p].kind == "word" and items[p].text in POPULATIONS and items[p + 1].text in SETTING_LINKS \
                and p + 2 < len(items) and items[p + 2].kind == "ent":
            group = group_at(groups, p + 2)
            diseases = [m for m in (group.members if group else [p + 2]) if items[m].term.label == schema.DISEASE]
            # "people with COVID-19-related ARDS": the disease the first one qualifies too
            return diseases + [m + (3 if items[m + 1].text == "-" else 1) for m in diseases
                               if model.qualifies_disease(m)]
    return []


def administration_claims(model: SentenceModel, groups: list[Group], add) -> None:
    items = model.items
    for v in range(1, len(items) - 2):
        if items[v].kind != "word" or items[v].text not in GIVING_VERBS:
            continue
        clause = model.clause[v]
        giver = next((g for g in range(v - 1, max(-1, v - 1 - GIVER_REACH), -1) if items[g].kind == "word"
                      and items[g].text in GIVERS and model.clause[g] == clause), None)
        if giver is None or any(items[x].kind == "ent" for x in range(giver + 1, v)):
            continue    # "We are testing adipose MSCs injected into the knee": a participle of the cells
        end = next((x for x in range(v + 1, len(items)) if model.clause[x] != clause or items[x].text == ";"),
                   len(items))
        agents = [x for x in range(v + 1, end) if items[x].kind == "ent" and (
            items[x].term.label in (schema.MSC_SOURCE, schema.PRODUCT) or items[x].term.kind == "vesicle")]
        if not agents:
            continue
        first = group_at(groups, agents[0])
        agents = [m for m in first.members if m in agents] if first else agents[:1]
        relation = "TREATS" if any(items[x].text in BENEFIT_WORDS for x in range(giver)) else "INVESTIGATED_FOR"
        for d in _population_disease(model, groups, v + 1, end):
            for a in agents:
                add((v, a, d), relation, items[a], items[d], items[v].text, STRENGTH,
                    model.words_between(a, d), False, False, clause=clause)
