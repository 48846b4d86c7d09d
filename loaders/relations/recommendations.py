"""Advice, as clinical guidelines and consensus statements give it.

"We suggest against MSCs for the prophylaxis of GvHD" advises against the cells for that disease: the
benefit is denied (TREATS, negated). "In children with steroid-refractory acute GvHD, we suggest
remestemcel-L where it is available" advises the product for the disease the sentence opens with;
"suggest" is a hedge already, "recommend" is not. The agent (an MSC source or a product) follows the
recommending words, or comes right before them when they start with "should", "may", "can" or "is"
("Darvadstrocel should no longer be offered for complex perianal fistulas"). The disease follows "for"
after the agent, else it is the one the sentence opens with ("In adults with ...,"). The phrases are the
"recommend" and "recommend_against" cues of ``rules/cues.tsv``.

"MSCs for ALS and multiple sclerosis should be used only in clinical trials" (a "trials_only" cue) advises study:
each agent before the cue is INVESTIGATED_FOR each disease between it and the cue, and no benefit is claimed.
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.notation import line_start
from msckg.loaders.relations.sentence_model import Group, SentenceModel, group_at

AGENT_LABELS = {schema.MSC_SOURCE, schema.PRODUCT}
# words between "for" and the disease: "for the prophylaxis of GvHD", "for adults with knee osteoarthritis"
FOR_FILLER = {"the", "a", "an", "treatment", "prophylaxis", "prevention", "management", "therapy", "of", "with",
              "patients", "adults", "children", "people", "use", "in"}
# the recommending words come after the agent when they start with one of these
AFTER_AGENT = {"should", "may", "can", "is", "are"}
STRENGTH = 0.7


def _members(model: SentenceModel, group: Group, labels: set[str]) -> list[int]:
    return [m for m in group.members if model.items[m].term.label in labels]


def _agent(model: SentenceModel, groups: list[Group], first: int, last: int, after: bool) -> Group | None:
    """The agent group right after the cue (at most three words away: "we suggest intra-articular MSC
    injections") or, for a cue such as "should not be used", right before it."""
    items = model.items
    if after:
        words = 0
        for x in range(last + 1, len(items)):
            if items[x].kind == "ent":
                group = group_at(groups, x)
                return group if group and _members(model, group, AGENT_LABELS) else None
            if items[x].kind != "word" and items[x].text != "-" or model.clause[x] != model.clause[last]:
                return None
            words += 1
            if words > 3:
                return None
        return None
    if first > 0 and items[first - 1].kind == "ent":
        group = group_at(groups, first - 1)
        return group if group and _members(model, group, AGENT_LABELS) else None
    return None


def _disease_for(model: SentenceModel, groups: list[Group], start: int) -> list[int]:
    """Diseases after "for" following the agent: "MSCs for acute myocardial infarction or chronic heart failure"."""
    items = model.items
    x = start
    while x < len(items) and x - start <= 4 and items[x].kind == "word" and items[x].text != "for":
        x += 1      # "injections", "cells", "where it is available" does not reach a "for"
    if x >= len(items) or items[x].text != "for":
        return []
    x += 1
    while x < len(items) and items[x].kind == "word" and items[x].text in FOR_FILLER:
        x += 1
    if x < len(items) and items[x].kind == "ent":
        group = group_at(groups, x)
        if group is not None:
            return _members(model, group, {schema.DISEASE})
    return []


def _opening_disease(model: SentenceModel, groups: list[Group], before: int) -> list[int]:
    """The disease of the phrase the sentence (after a "Recommendation 3.1:" label) opens with: "In adults with
    steroid-refractory acute GvHD, we suggest ...", "In critical limb ischaemia due to Buerger's disease, ..."."""
    items = model.items
    start = line_start(model)
    colon = next((x for x in range(start, min(len(items), start + 6)) if items[x].text == ":"), None)
    if colon is not None:
        start = colon + 1
    if start >= len(items) or items[start].text != "in":
        return []
    comma = next((x for x in range(start + 1, min(len(items), start + 14)) if items[x].text == ","), None)
    if comma is None or comma > before:
        return []
    for group in groups:
        if start < group.first < comma:
            diseases = _members(model, group, {schema.DISEASE})
            if diseases:
                return diseases
    return []


def recommendation_claims(model: SentenceModel, groups: list[Group], rules, add) -> set[tuple[str, str]]:
    """Add TREATS for each piece of advice in the sentence through ``add``; return the (agent, disease) id pairs
    advised on, whose study in the same sentence ("outside clinical trials") is then no claim of its own."""
    advice = rules.cue("recommend")
    against = rules.cue("recommend_against")
    pairs: set[tuple[str, str]] = set()
    for first, last, words in model.find_phrases(advice | against):
        agent = _agent(model, groups, first, last, after=words[0] not in AFTER_AGENT)
        if agent is None:
            continue
        diseases = _disease_for(model, groups, max(agent.last, last) + 1) \
            or _opening_disease(model, groups, min(first, agent.first))
        negated = words in against
        trigger = " ".join(words)
        for a in _members(model, agent, AGENT_LABELS):
            for d in diseases:
                subject, disease = model.items[a], model.items[d]
                add((a, a, d), "TREATS", subject, disease, trigger, STRENGTH,
                    model.words_between(min(a, d), max(a, d)), False, negated, (), model.clause[a])
                pairs.add((subject.term.id, disease.term.id))
    return pairs


def trials_only_claims(model: SentenceModel, rules, add) -> set[tuple[str, str]]:
    """Add INVESTIGATED_FOR for advice to use the agents only in trials; return the (agent, disease) id pairs,
    whose benefit the sentence then does not claim ("should be used for X only in clinical trials")."""
    items = model.items
    pairs: set[tuple[str, str]] = set()
    for first, _, words in model.find_phrases(rules.cue("trials_only")):
        clause = model.clause[first]
        before = [x for x in range(first) if items[x].kind == "ent" and model.clause[x] == clause]
        agents = [x for x in before if items[x].term.label in AGENT_LABELS or items[x].term.kind == "vesicle"]
        diseases = [x for x in before if agents and x > agents[0] and items[x].term.label == schema.DISEASE]
        for a in agents:
            for d in diseases:
                add((a, a, d), "INVESTIGATED_FOR", items[a], items[d], " ".join(words), STRENGTH,
                    model.words_between(min(a, d), max(a, d)), False, False, (), clause)
                pairs.add((items[a].term.id, items[d].term.id))
    return pairs
