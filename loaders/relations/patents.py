"""Claims as patents word them.

"1. A method of treating steroid-refractory acute GvHD in a human subject, comprising administering to the
subject a composition comprising umbilical cord-derived mesenchymal stromal cells, wherein ..." claims the
cells (the first MSC source, product or factor given after the verb of administration, with the members of
its list) as a treatment of the disease the method treats: TREATS, as the applicant asserts it.

Dependent claims lean on the claims they cite. "3. The method of claim 1, wherein at least 95% of the cells
express CD73" speaks of claim 1's cells, and "19. The composition of claim 17 for use in ..." of claim 17's
vesicles: :class:`ClaimRegister` remembers what each numbered claim gives and from which MSC source, and hands
them on to the claims that cite it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msckg.graph import schema
from msckg.loaders.relations.sentence_model import DETERMINERS, Group, Item, SentenceModel, group_at
from msckg.loaders.vocabulary import Term

# "a method of treating", "a method for preventing"
METHOD_VERBS = {"treating", "preventing", "alleviating", "ameliorating", "managing"}
# what the method gives: "comprising administering", "comprising injecting into the affected knee joint"
ADMINISTERING = {"administering", "injecting", "implanting", "infusing", "transplanting", "delivering",
                 "applying", "instilling"}
# words between the verb and its disease: "treating a knee cartilage defect"
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


# "19. The composition of claim 17", "2. A method according to claim 1": a claim's number and the claim it cites
CLAIM_NUMBER = re.compile(r"\s*(\d{1,3})\.\s+(?:A|An|The)\b")
CITED_CLAIM = re.compile(r"\b(?:of|according to|as claimed in|as defined in|as recited in)\s+claim\s+(\d{1,3})\b",
                         re.IGNORECASE)
# what a cited claim gives and what the later claim calls it: "the composition of claim 17" is claim 17's agent
# (a method of a claim is not its agent: "The method of claim 1, wherein ..." names no subject)
GIVEN_NOUNS = {"composition", "formulation", "preparation", "population", "product", "vesicles", "exosomes"}
# "comprising administering ...", "A composition comprising ...": where a claim's agent follows
COMPRISING = {"comprising", "comprises", "consisting", "containing"}


@dataclass
class ClaimTerms:
    agent: Term | None      # what the claim gives: cells, vesicles, a product
    source: Term | None     # the MSC source of its cells or vesicles


class ClaimRegister:
    """The numbered claims of one document, read in order."""

    def __init__(self, generic: Term) -> None:
        self.generic = generic
        self.claims: dict[int, ClaimTerms] = {}

    def cited(self, text: str) -> ClaimTerms | None:
        """What the claim a sentence cites gives (the first claim it cites that was read before)."""
        for match in CITED_CLAIM.finditer(text):
            found = self.claims.get(int(match.group(1)))
            if found is not None:
                return found
        return None

    def stand_in_cited(self, model: SentenceModel, cited: ClaimTerms | None) -> None:
        """Replace "the composition of claim 17", and in a claim citing claim 17 "the composition", by an item of
        what claim 17 gives."""
        if cited is None or cited.agent is None:
            return
        items = model.items
        for i in range(len(items) - 2, -1, -1):
            if items[i].text != "the" or items[i + 1].kind != "word" or items[i + 1].text not in GIVEN_NOUNS:
                continue
            n = 2
            if i + 4 < len(items) and items[i + 2].text == "of" and items[i + 3].text == "claim" \
                    and items[i + 4].text.isdigit():
                if self.claims.get(int(items[i + 4].text)) is not cited:
                    continue
                n = 5
            first, last = items[i], items[i + n - 1]
            phrase = tuple(it.text for it in items[i:i + n])
            items[i:i + n] = [Item("ent", " ".join(phrase), first.start, last.end, cited.agent, phrase[:2],
                                   indirect=True)]
            model.clause[i:i + n] = [model.clause[i]]

    def record(self, text: str, model: SentenceModel, cited: ClaimTerms | None) -> None:
        """Remember what a numbered claim gives: the first MSC source, product or factor after "comprising"
        (else what the claim it cites gives) and its MSC source (the first the claim names, else the cited
        claim's)."""
        number = CLAIM_NUMBER.match(text)
        if number is None:
            return
        items = model.items
        start = next((k for k, it in enumerate(items) if it.text in COMPRISING), None)
        agent = None
        if start is not None:
            agent = next((it.term for it in items[start:] if it.text in CLAUSE_ENDS
                          or it.kind == "ent" and it.term.label in METHOD_AGENTS), None)
        sources = [it.term for it in items if it.kind == "ent" and it.term.label == schema.MSC_SOURCE]
        source = next((t for t in sources if t.id != self.generic.id), sources[0] if sources else None)
        if cited is not None:
            agent = agent or cited.agent
            source = source if source is not None and source.id != self.generic.id else cited.source or source
        if agent is not None and agent.label == schema.MSC_SOURCE and agent.id == self.generic.id and source:
            agent = source      # "mesenchymal stromal cells isolated from Wharton's jelly"
        self.claims[int(number.group(1))] = ClaimTerms(agent, source)
