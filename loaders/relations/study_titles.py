"""The title of a study, which names what was tested in which disease without claiming a benefit.

"Intra-articular autologous adipose MSCs versus hyaluronic acid in knee osteoarthritis: two-year results of the
ADIPO-KNEE trial", "HEPASTROM, a bone marrow MSC product, in decompensated cirrhosis: a phase II trial",
"Adipose-derived stromal cells for complex perianal fistulas in Crohn's disease: a randomised trial": the cells
or product before "for"/"in"/"after" are INVESTIGATED_FOR the disease before the colon, when the words after the
colon name the study. A title with a verb of its own ("MSCs fail to improve oxygenation in ARDS: the STROMA-ARDS
trial") is read by the verb.
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.sentence_model import DISEASE_MODIFIERS, Group, SentenceModel

AGENT_LABELS = {schema.MSC_SOURCE, schema.PRODUCT}
# words after the colon that make the text before it a study's title
STUDY_WORDS = {"trial", "trials", "study", "studies", "review", "meta-analysis", "analysis", "series", "results",
               "report", "pilot", "cohort", "experience", "protocol"}
# how many words after the colon the study word may come ("a randomised, double-blind, placebo-controlled phase 2
# trial": punctuation does not count)
STUDY_REACH = 8
# the words that lead from the agent to the disease
LEADS = {"for", "in", "after"}
# words that introduce the control arm of a title
COMPARATORS = {"versus", "vs", "vs.", "or"}
# how far before the lead the agent may stand ("HEPASTROM, a bone marrow MSC product, in")
AGENT_REACH = 10


def _agent_before(model: SentenceModel, groups: list[Group], lead: int, start: int) -> list[int]:
    """The MSC sources, products or vesicles of the nearest group before item ``lead`` (within reach)."""
    items = model.items
    for group in sorted((g for g in groups if start <= g.last < lead and lead - g.last <= AGENT_REACH),
                        key=lambda g: -g.last):
        if group.first > 0 and items[group.first - 1].text.lower() in COMPARATORS:
            continue    # "adipose MSCs versus hyaluronic acid in knee OA": the comparator, not the agent
        members = [m for m in group.members if items[m].term.label in AGENT_LABELS
                   or items[m].term.kind == "vesicle"]
        if members:
            # a product named first is the agent ("HEPASTROM, a bone marrow MSC product, in ...")
            products = [g for g in groups if start <= g.last < group.first and any(
                items[m].term.label == schema.PRODUCT for m in g.members)]
            if products and items[products[-1].last + 1].text == ",":
                return [m for m in products[-1].members if items[m].term.label == schema.PRODUCT]
            return members
        if any(items[m].term.label in (schema.DISEASE, schema.FACTOR, schema.PATHWAY) for m in group.members):
            return []
    return []


def study_title_claims(model: SentenceModel, groups: list[Group], add) -> None:
    """INVESTIGATED_FOR from a study's title (see the module docstring)."""
    items = model.items
    triggers = model.triggers()
    for c, it in enumerate(items):
        if it.text != ":" or not any(items[x].text.lower() in STUDY_WORDS and model.words_between(c, x) < STUDY_REACH
                                     for x in range(c + 1, len(items))):
            continue
        start = max((x + 1 for x in range(c) if items[x].text in (":", ";", ".")), default=0)
        diseases = [g for g in groups if g.last < c and start <= g.first
                    and all(items[m].term.label == schema.DISEASE for m in g.members)]
        for d in diseases:
            lead = d.first - 1
            while lead > start and (items[lead].text in ("patients", "adults", "children", "with", "the")
                                    or items[lead].text in DISEASE_MODIFIERS):    # "in refractory SLE"
                lead -= 1
            if items[lead].text.lower() not in LEADS:
                continue
            agents = _agent_before(model, groups, lead, start)
            if not agents or any(start <= t.first < c for t in triggers):
                continue    # a title with a verb or noun of its own is read by it
            for a in agents:
                for m in d.members:
                    add((c, a, m), "INVESTIGATED_FOR", items[a], items[m], f"{items[lead].text} ...: study title",
                        0.65, model.words_between(a, m), False, False, clause=model.clause[m])
