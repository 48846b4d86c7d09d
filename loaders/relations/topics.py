"""What a talk, a session or a review is on: "Dr Priya Raman on dental pulp stem cells for spinal cord injury",
"a session on MSC exosomes in ARDS". The agent the topic names (an MSC source, a product or vesicles) is under
study (INVESTIGATED_FOR) for the disease named after it with "in", "for" or "after"; no benefit is claimed.
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.sentence_model import Group, SentenceModel

# nouns and verbs of a talk or a review that take "on" for their topic
TOPIC_WORDS = {"talk", "talks", "lecture", "session", "presentation", "presenting", "presents", "presented", "spoke",
               "speaks", "speaking", "speaker", "review", "symposium", "webinar", "workshop", "seminar", "update",
               "keynote", "panel", "chapter", "focus", "focusing", "focuses"}
DISEASE_LINKS = {"in", "for", "after"}
REACH = 6      # words from the agent to the disease ("from umbilical cord MSCs in ARDS")
STRENGTH = 0.6


def _agents(model: SentenceModel, group: Group) -> list[int]:
    items = model.items
    return [m for m in group.members if items[m].term.label in (schema.MSC_SOURCE, schema.PRODUCT)
            or items[m].term.kind == "vesicle"]


def _speaker_before(model: SentenceModel, k: int) -> bool:
    """A topic word among the ten items before "on" at ``k`` ("Next speaker is Dr Lucía Ferraro, a hepatologist,
    on ..."), or a capitalised name right before it ("Dr Priya Raman on ...")."""
    items = model.items
    if any(items[x].kind == "word" and items[x].text in TOPIC_WORDS for x in range(max(0, k - 10), k)):
        return True
    if k == 0 or items[k - 1].kind != "word":
        return False
    surface = model.text[items[k - 1].start - model.offset:items[k - 1].end - model.offset]
    return surface[:1].isupper() and k >= 2 and items[k - 2].kind == "word"


def topic_claims(model: SentenceModel, groups: list[Group], add) -> None:
    """Add INVESTIGATED_FOR for the agents of a talk's or review's topic and the disease after them."""
    items = model.items
    for k, it in enumerate(items):
        if it.kind != "word" or it.text != "on" or not _speaker_before(model, k):
            continue
        group = next((g for g in groups if k < g.first <= k + 3), None)
        if group is None or not all(items[x].kind == "word" for x in range(k + 1, group.first)):
            continue
        agents = _agents(model, group)
        disease = next((x for x in range(group.last + 1, min(len(items), group.last + REACH + 2))
                        if items[x].kind == "ent" and items[x].term.label == schema.DISEASE
                        and items[x - 1].text in DISEASE_LINKS), None)
        if not agents or disease is None:
            continue
        for a in agents:
            add((a, a, disease), "INVESTIGATED_FOR", items[a], items[disease], "on ... " + items[disease - 1].text,
                STRENGTH, model.words_between(a, disease), False, False, (), model.clause[a])
