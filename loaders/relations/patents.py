"""Claims as patents word them.

"1. A method of treating steroid-refractory acute GvHD in a human subject, comprising administering to the
subject a composition comprising umbilical cord-derived mesenchymal stromal cells, wherein ..." claims the
cells (the first MSC source, product or factor given after the verb of administration, with the members of
its list) as a treatment of the disease the method treats: TREATS, as the applicant asserts it.
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.sentence_model import Group, SentenceModel, group_at

# "a method of treating", "a method for preventing"
METHOD_VERBS = {"treating", "preventing", "alleviating", "ameliorating", "managing"}
# what the method gives: "comprising administering", "comprising injecting into the affected knee joint"
ADMINISTERING = {"administering", "injecting", "implanting", "infusing", "transplanting", "delivering",
                 "applying", "instilling"}
# words between the verb and its disease: "treating a knee cartilage defect"
DETERMINERS = {"a", "an", "the"}
# a claim's further conditions, which name no agent of the method
CLAUSE_ENDS = {"wherein", "whereby", ";"}
METHOD_AGENTS = {schema.MSC_SOURCE, schema.PRODUCT, schema.FACTOR}
STRENGTH = 0.75


def method_claims(model: SentenceModel, groups: list[Group], add) -> None:
    """"A method of treating <disease> ..., comprising administering ... <agent>": the agent TREATS the disease."""
    items = model.items
    for k in range(len(items) - 3):
        if items[k].text != "method" or items[k + 1].text not in ("of", "for") \
                or items[k + 2].text not in METHOD_VERBS:
            continue
        d = k + 3
        while d < len(items) and items[d].kind == "word" and items[d].text in DETERMINERS:
            d += 1
        target = group_at(groups, d) if d < len(items) and items[d].kind == "ent" else None
        diseases = [m for m in target.members if items[m].term.label == schema.DISEASE] if target else []
        if not diseases:
            continue
        verb = next((x for x in range(target.last + 1, len(items)) if items[x].text in ADMINISTERING
                     or items[x].text in CLAUSE_ENDS), None)
        if verb is None or items[verb].text in CLAUSE_ENDS:
            continue
        agent = next((x for x in range(verb + 1, len(items)) if items[x].text in CLAUSE_ENDS
                      or items[x].kind == "ent" and items[x].term.label in METHOD_AGENTS), None)
        if agent is None or items[agent].kind != "ent":
            continue
        group = group_at(groups, agent)
        label = items[agent].term.label
        members = [m for m in group.members if items[m].term.label == label] if group else [agent]
        for m in members:
            for x in diseases:
                add((k, m, x), "TREATS", items[m], items[x], " ".join(it.text for it in items[k:k + 3]), STRENGTH,
                    model.words_between(x, m) // 2, False, False, clause=model.clause[k])
