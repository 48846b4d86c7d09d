"""Claims that follow from other claims of the same sentence.

Cargo: "Extracellular vesicles released by MSCs carry miR-21" says the cells secrete miR-21 (in the
vesicles), not that they express it as a marker. Priming: "When exposed to IFN-γ, MSCs upregulate IDO"
and "IFN-γ-primed MSCs secrete PGE2" say that the stimulus activates what the primed cells then express
or secrete, and "TSG-6 secretion increased after exposure to TNF-α" that the stimulus activates the factor
measured. The priming phrases are the "priming" cues of ``rules/cues.tsv``. Means: "EVs promote angiogenesis by
delivering VEGF to endothelial cells" says VEGF mediates the angiogenesis, and that both act on the endothelial
cells, and "The vesicles delivered miR-181a to intestinal macrophages" that the cargo and the vesicles act on
the macrophages.
"""

from __future__ import annotations

from dataclasses import replace

from msckg.graph import schema
from msckg.loaders.relations.claim import Claim, _clamp
from msckg.loaders.relations.notation import after_label
from msckg.loaders.relations.sentence_model import (
    MADE_BY_WORDS, PRIMED_WORDS, PRIMING_NOUNS, SIGNAL_STATES, Group, Item, SentenceModel, amount_sign, cells_after,
    group_at, made_by, members_at, participle_start,
)

CARRY_FORMS = {"carry", "carries", "carrying", "carried", "contain", "contains", "containing", "contained"}
# factors a cell acts through by releasing them (not markers or receptors on its surface)
SECRETED_KINDS = {"cytokine", "chemokine", "growth_factor", "enzyme", "small_molecule", "mirna", "vesicle",
                  "protein", "hormone"}
# cargo a vesicle delivers (its surface markers, "CD63, CD81 and TSG101", are not secreted by the cells)
CARGO_KINDS = SECRETED_KINDS - {"vesicle"}
# proteins that mark vesicles rather than cargo they deliver
EV_MARKERS = {"TSG101", "Alix", "calnexin", "flotillin-1"}
# what vesicles or a secretome hold: "the EVs carry miR-21", "the secretome is packed with VEGF"
CARGO_PHRASES = [(form,) for form in sorted(CARRY_FORMS) if not form.endswith("ing")] + [
    ("deliver",), ("delivers",), ("packed", "with"), ("loaded", "with"), ("rich", "in"), ("enriched", "in"),
    ("enriched", "with")]


def cargo_claims(found: list[tuple[tuple, Claim]], glued: dict[str, int] | None = None) -> list[tuple[tuple, Claim]]:
    """"Extracellular vesicles released by MSCs carry miR-21", "MSCs shed EVs that carry miR-21": the cargo is
    what the cells secrete (in the vesicles), not a marker they express. ``glued``: source id -> item index of
    the first vesicles written onto that source ("Umbilical cord MSC-EVs carry miR-146a")."""
    vesicles: dict[str, int] = dict(glued or {})     # source id -> item index of the first vesicle it secretes
    for order, claim in found:
        if claim.type == "SECRETES" and claim.object.kind == "vesicle" and not claim.negated and len(order) > 2:
            vesicles[claim.subject.id] = min(order[2], vesicles.get(claim.subject.id, order[2]))
    out = []
    for order, claim in found:
        if claim.type == "EXPRESSES" and claim.trigger in CARRY_FORMS and not dict(claim.properties).get("negative") \
                and claim.subject.id in vesicles and vesicles[claim.subject.id] < order[0]:
            claim = replace(claim, type="SECRETES")
        out.append((order, claim))
    return out


# the words that name the cells a stimulus comes from: "IFN-γ from activated T cells", "IFN-γ secreted by Th1 cells"
# (those that tie a factor to the MSCs that make it, and the cells' own modifiers)
MAKER_WORDS = MADE_BY_WORDS | {"of", "activated", "infiltrating", "alloreactive", "effector", "host", "recipient",
                               "donor"}
# verbs by which a stimulus makes the cells do something: "IFN-γ licenses MSCs to express IDO"
LICENSING_VERBS = {"licenses", "licences", "license", "licence", "licensed", "primes", "prime", "primed", "instructs",
                   "instruct", "instructed", "drives", "drive", "drove", "stimulates", "stimulate", "stimulated",
                   "induces", "induce", "induced", "causes", "cause", "caused", "prompts", "prompt", "prompted"}
# words that may open a sentence before its priming phrase: "When exposed to IFN-γ, MSCs ..."
PRIMING_OPENERS = {"when", "upon", "after", "once", "if", "following", "on", "being"}
# the words that set a measure in the wake of a stimulus: "rose after exposure to TNF-α", "IDO activity after IFN-γ
# priming"
SETTING_OPENERS = PRIMING_OPENERS - {"if", "being"}
# the stimulus given by the experimenters: "When we primed the cells with IFN-γ, ...", "tripled after we primed"
AGENT_WORDS = {"we", "they", "had", "have"}
# ... or that stand in such a clause around the cells: "When human MSCs are first exposed to IFN-γ, they ..."
PRIMED_CLAUSE_WORDS = {"human", "mouse", "murine", "the", "these", "are", "is", "were", "was", "have", "has",
                       "been", "first", "being"}


def _primed_clause(model: SentenceModel, start: int, first: int) -> bool:
    """"When human MSCs are exposed to IFN-γ, they ...": an opening clause whose subject is the cells."""
    items = model.items
    between = range(start + 1, first)
    return first - start <= 6 and items[start].text in PRIMING_OPENERS and any(
        items[x].kind == "ent" and items[x].term.label == schema.MSC_SOURCE for x in between) and all(
        items[x].kind == "ent" and items[x].term.label == schema.MSC_SOURCE or items[x].text in PRIMED_CLAUSE_WORDS
        for x in between)


def _stimuli(model: SentenceModel, groups: list[Group], cues) -> list[tuple[int, tuple, list[int], int | None]]:
    """(end of the priming phrase, its words, the stimulus items, the primed cells' item or None for an opener)."""
    items = model.items
    out = []
    start = after_label(model)
    for first, last, words in model.find_phrases(cues):
        opener = first - start <= 3 and (first == start or items[start].text in PRIMING_OPENERS) and all(
            items[x].text in PRIMING_OPENERS or items[x].text in AGENT_WORDS for x in range(start, first)) \
            or _primed_clause(model, start, first)
        cells = first - 1 if first > 0 and items[first - 1].kind == "ent" \
            and items[first - 1].term.label == schema.MSC_SOURCE else None
        if not opener and cells is None:
            continue
        group = next((g for g in groups if g.first == last + 1), None)
        if group is None:
            continue
        end = group.last
        if opener:
            # "When exposed to IFN-γ, MSCs ...": the opening phrase ends at a comma (which a list may run across)
            end = next((x - 1 for x in range(last + 1, min(len(items), group.last + 3)) if items[x].text == ","), -1)
            if end < 0:
                continue
        stimuli = [m for m in group.members if m <= end and items[m].term.label == schema.FACTOR]
        if stimuli:
            out.append((end, words, stimuli, cells))
    for x in range(len(items) - 2):
        # "after interferon-γ priming they express IDO", "Following IFN-γ and TNF-α stimulation, MSCs secrete"
        group = next((g for g in groups if g.first == x + 1), None)
        if items[x].text.lower() not in PRIMING_OPENERS or group is None or group.last + 1 >= len(items) \
                or items[group.last + 1].text.lower() not in PRIMING_NOUNS:
            continue
        stimuli = [m for m in group.members if items[m].term.label == schema.FACTOR]
        if stimuli:
            out.append((group.last + 1, (items[x].text.lower(), "...", items[group.last + 1].text), stimuli, None))
    for i in range(len(items) - 3):
        # "IFN-γ-primed MSCs upregulate IDO"
        if items[i].kind == "ent" and items[i].term.label == schema.FACTOR and items[i + 1].text == "-" \
                and items[i + 2].text in PRIMED_WORDS and items[i + 3].kind == "ent" \
                and items[i + 3].term.label == schema.MSC_SOURCE:
            out.append((i + 2, ("-" + items[i + 2].text,), [i], i + 3))
    for c in range(2, len(items) - 1):
        # "IFN-γ licenses MSCs to express IDO", "TNF-α primes the cells to secrete TSG-6"
        if items[c].kind == "ent" and items[c].term.label == schema.MSC_SOURCE and items[c + 1].text == "to" \
                and items[c - 1].text in LICENSING_VERBS:
            group = next((g for g in groups if g.last == c - 2), None)
            if group is not None and all(items[m].term.label == schema.CELL_TYPE for m in group.members):
                # "IFN-γ from activated T cells licenses MSCs to ...": the factor the cells give off
                maker = next((g for g in groups if g.last < group.first and all(
                    items[x].kind == "word" and items[x].text in MAKER_WORDS for x in range(g.last + 1, group.first))
                    and any(items[x].text in ("from", "by") for x in range(g.last + 1, group.first))), None)
                group = maker
            stimuli = [m for m in group.members if items[m].term.label == schema.FACTOR] if group else []
            if stimuli:
                out.append((c + 1, (items[c - 1].text, "...", "to"), stimuli, c))
    return out


def primed_claims(model: SentenceModel, groups: list[Group], found: list[tuple[tuple, Claim]],
            cues) -> list[tuple[tuple, Claim]]:
    """"When exposed to IFN-γ, MSCs upregulate IDO", "MSCs primed with IFN-γ secrete more PGE2", "IFN-γ licenses
    MSCs to express IDO": the stimulus activates what the primed cells then express or secrete."""
    stimuli = _stimuli(model, groups, cues)
    if not stimuli:
        return []
    items = model.items
    out = []
    for order, claim in found:
        if claim.type not in ("EXPRESSES", "SECRETES") or claim.subject.label != schema.MSC_SOURCE \
                or dict(claim.properties).get("negative") or claim.object.kind == "vesicle" or len(order) < 3:
            continue
        for end, words, members, cells in stimuli:
            if order[0] <= end or cells is not None and order[1] != cells:
                continue
            for m in members:
                if items[m].term.id == claim.object.id:
                    continue
                out.append(((order[0], m, order[2]), replace(
                    claim, type="ACTIVATES", subject=items[m].term, properties=(),
                    trigger=" ".join(words),
                    confidence=_clamp(claim.confidence - 0.1))))
    return out


# what a factor's makers do with it: "TSG-6 secretion", "IL-6 production"
FACTOR_OUTPUTS = {"secretion", "expression", "production", "release", "synthesis"}
# "TSG-6 secretion increased further after exposure to TNF-α": the measure of a factor, and its change
OUTPUT_NOUNS = FACTOR_OUTPUTS | {"level", "levels", "output"}
RISE_WORDS = {"increased": 1, "rose": 1, "doubled": 1, "tripled": 1, "upregulated": 1, "up-regulated": 1,
              "enhanced": 1, "induced": 1, "elevated": 1, "decreased": -1, "fell": -1, "dropped": -1,
              "downregulated": -1, "down-regulated": -1, "reduced": -1}
CHANGE_FILLERS = {"further", "markedly", "significantly", "strongly", "sharply", "was", "were", "is", "are",
                  "also", "then", "not", "did", "increase", "decrease", "rise", "fall", "more", "than", "twofold",
                  "roughly", "about", "nearly", "almost", "approximately", "likewise", "similarly"}


def raised_after_claims(model: SentenceModel, groups: list[Group], cues, add, negations: list[int]) -> None:
    """"TSG-6 secretion increased further after exposure to TNF-α", "IDO expression rose following stimulation
    with IFN-γ": the stimulus activates (or, when the measure fell, inhibits) the factor measured."""
    items = model.items
    for first, last, words in model.find_phrases(cues):
        at = first
        while at > 0 and items[at - 1].kind == "word" and items[at - 1].text in AGENT_WORDS:
            at -= 1
        at = at - 1 if at > 0 and items[at - 1].text in SETTING_OPENERS else first
        k, sign = at - 1, 0
        while k >= 0 and items[k].kind == "word" and (items[k].text in RISE_WORDS or items[k].text in CHANGE_FILLERS):
            sign = sign or RISE_WORDS.get(items[k].text, 0)
            k -= 1
        if k >= 3 and items[k].kind == "ent" and items[k].term.label == schema.MSC_SOURCE and items[k - 1].text == "in":
            k -= 2      # "Miro1 levels in MSCs rose after exposure to TNF-α": the cells that hold the measure
        if not sign or k < 1 or items[k].text not in OUTPUT_NOUNS or items[k - 1].kind != "ent" \
                or items[k - 1].term.label != schema.FACTOR:
            continue
        stimulus = next((g for g in groups if g.first == last + 1), None)
        if stimulus is None:
            continue
        negated = any(k < n < first for n in negations)
        for m in stimulus.members:
            if items[m].term.label == schema.FACTOR and items[m].term.id != items[k - 1].term.id:
                add((first, m, k - 1), "ACTIVATES" if sign > 0 else "INHIBITS", items[m], items[k - 1],
                    " ".join(words), 0.7, model.words_between(k - 1, m), False, negated,
                    clause=model.clause[first])


# "TNF-α and IL-6 fell in the EV group", "IL-6 levels were lower in exosome-treated mice", "decreased after EV
# administration": what the animals or cultures of one arm received changed the factors measured in them
LEVEL_CHANGES = {**RISE_WORDS, "lower": -1, "higher": 1, "declined": -1, "recovered": 1}
ARM_WORDS = {"group", "groups", "arm", "mice", "rats", "animals", "recipients", "cultures", "colons", "livers",
             "lungs", "kidneys", "wounds"}
# the participle after the animals of an arm that names what they received: "in mice given MSCs"
ARM_GIVEN = {"given", "receiving", "treated", "injected", "infused"}
# how counted cells are said to be found: "fewer neutrophils were recovered from EV-treated kidneys"
FOUND_WORDS = {"found", "seen", "recovered", "detected", "observed", "present", "counted", "isolated"}


def treated_arm(model: SentenceModel, verb: int, labels: tuple[str, ...] = (schema.FACTOR,)) -> int | None:
    """The treatment named right after a change of level ("decreased in the EV group", "fell in EV-treated
    mice"): its item index, when it is a factor (vesicles included) or has one of ``labels``."""
    items = model.items
    k = verb + 1
    while k < len(items) and items[k].kind == "word" and items[k].text in CHANGE_FILLERS | {"faster"}:
        k += 1
    if k < len(items) and items[k].text == ",":
        k += 1      # "IL-10 increased, after EV administration" (after a contrasting clause)
    if k + 2 < len(items) and items[k].text == "from" and items[verb].text in FOUND_WORDS:
        pass        # "recovered from EV-treated kidneys": the arm the cells came from
    elif k + 2 >= len(items) or items[k].text not in ("in", "after"):
        return coordinated_arm(model, verb)
    after = items[k].text == "after"
    k += 2 if items[k + 1].text == "the" else 1
    if not after and k + 2 < len(items) and items[k].text in ARM_WORDS and items[k + 1].text == "from":
        k += 2      # "lower in kidneys from EV-treated mice": the organs of the arm
    if not after and k + 1 < len(items) and items[k].text in ARM_WORDS and items[k + 1].text in ARM_GIVEN:
        # "fewer CD4+ T cells in mice given MSCs", "in rats treated with EVs": the animals and what they received
        k += 3 if k + 2 < len(items) and items[k + 2].text == "with" else 2
        if k + 2 < len(items) and items[k + 1].text == "-" and items[k + 2].kind == "ent":
            k += 2      # "rats treated with CXCR4-MSCs": the cells, not what they were made to express
        return k if k < len(items) and items[k].kind == "ent" and items[k].term.label in labels else None
    if k + 1 >= len(items) or items[k].kind != "ent" or items[k].term.label not in labels:
        return None
    rest = [x.text for x in items[k + 1:k + 4]]
    if after:
        # "decreased after EV administration": the treatment given before the measure
        return k if rest[:1] and rest[0] in GIVING_NOUNS else None
    if rest[:1] and rest[0] in ARM_WORDS or rest[:2] == ["-", "treated"] or rest[:1] == ["treated"]:
        return k
    return None


# words that may join two changes of level sharing one treated arm ("was reduced and Bcl-2 was increased in")
# (besides the fillers of a change: "was", "were", "likewise")
ARM_JOINS = {",", "-", "and", "whereas", "while", "but", "of"} | OUTPUT_NOUNS | CHANGE_FILLERS


def fronted_arm(model: SentenceModel) -> tuple[int, int] | None:
    """The treated arm a sentence opens with: "In EV-treated wounds, IL-10 levels rose": the treatment's item
    index and that of the comma closing the phrase."""
    items = model.items
    if not items or items[0].text != "in":
        return None
    k = 2 if len(items) > 1 and items[1].text == "the" else 1
    if k + 4 < len(items) and items[k].kind == "ent" and items[k].term.label == schema.FACTOR \
            and [x.text for x in items[k + 1:k + 3]] == ["-", "treated"] and items[k + 3].text in ARM_WORDS \
            and items[k + 4].text == ",":
        return k, k + 4
    return None


def coordinated_arm(model: SentenceModel, verb: int) -> int | None:
    """The treated arm of the next change of level when only its measure and joining words stand between:
    "Cleaved caspase-3 was reduced and Bcl-2 was increased in EV-treated livers", "TNF-α decreased, whereas
    IL-10 increased, after EV administration" (the first change shares the arm)."""
    items = model.items
    measure = False
    for k in range(verb + 1, min(len(items), verb + 14)):
        if items[k].kind == "ent":
            measure = True
        elif items[k].kind == "word" and items[k].text in LEVEL_CHANGES and measure:
            return treated_arm(model, k)
        elif items[k].text not in ARM_JOINS:
            return None
    return None


# the giving of a treatment named after its agent: "after EV administration", "after exosome treatment", "After MSC
# infusion, regulatory T cells increased"
GIVING_NOUNS = {"administration", "treatment", "injection", "injections", "infusion", "infusions", "therapy",
                "delivery", "transplantation", "transplant", "implantation"}


# what cells were given before they act: "Dendritic cells exposed to MSCs fail to up-regulate CD80", "In lung
# fibroblasts exposed to WJ-MSC EVs, ..."
EXPOSURES = {("exposed", "to"), ("treated", "with"), ("co-cultured", "with"), ("cocultured", "with"),
             ("cultured", "with"), ("incubated", "with"), ("conditioned", "with")}
# the same, and cells grown in a medium: "fibroblasts cultured in MSC-conditioned medium"
EXPOSED_IN = EXPOSURES | {("cultured", "in")}


# an agent given to cells, written before them: "Recombinant TSG-6 added to activated microglia reduced ...",
# "MSCs co-cultured with T cells lowered IFN-γ" (the cells are where the agent acts, not the agent)
GIVEN_TO = {("added", "to"), ("applied", "to"), ("given", "to"), ("administered", "to"), ("transferred", "to"),
            ("cultured", "with"), ("incubated", "with")}


def given_to_cells(model: SentenceModel, groups: list[Group]) -> list[tuple[Group, list[int], int]]:
    """Each agent named right before a participle of giving ("added to", "co-cultured with") and the cells it was
    given to: (the agent's group, the cells, the last item of the cells' group)."""
    items = model.items
    out = []
    for k in range(2, len(items) - 1):
        if (items[k - 1].text, items[k].text) not in GIVEN_TO or items[k - 1].kind != "word":
            continue
        a = participle_start(items, k - 1) - 1
        agent = next((g for g in groups if g.last == a), None)
        cells = cells_after(items, groups, k)
        if agent is not None and cells:
            held = group_at(groups, cells[-1])
            out.append((agent, cells, held.last if held else cells[-1]))
    return out


def given_to_cells_claims(model: SentenceModel, groups: list[Group], add, negations: list[int]) -> None:
    """"Recombinant TSG-6 added to activated microglia reduced ...": the agent (MSCs, their vesicles or medium, or
    a factor) acts on the cells it was given to."""
    items = model.items
    for agent, cells, _ in given_to_cells(model, groups):
        for a in agent.members:
            term = items[a].term
            if term.label not in (schema.MSC_SOURCE, schema.FACTOR):
                continue
            for c in cells:
                add((c, a, c), "TARGETS", items[a], items[c], "given to", 0.65, model.words_between(a, c), False,
                    any(a < n < c for n in negations), clause=model.clause[c])


def exposed_cells_claims(model: SentenceModel, groups: list[Group], add, negations: list[int]) -> None:
    """"Dendritic cells exposed to MSCs fail to up-regulate CD80", "Macrophages exposed to CM from licensed UC-MSCs
    shifted towards M2", "fibroblasts cultured in MSC-conditioned medium": the MSCs, or their vesicles or medium,
    act on the cells exposed to them."""
    items = model.items
    for k in range(1, len(items) - 2):
        words = (items[k].text, items[k + 1].text)
        if items[k].kind != "word" or words not in EXPOSED_IN:
            continue
        c = participle_start(items, k) - 1
        if c >= 1 and items[c].text in ("was", "were"):
            c -= 1      # "macrophages were exposed to EVs"
        cells = next((g for g in groups if g.last == c), None)
        agent = next((a for a in range(k + 2, min(len(items), k + 5)) if items[a].kind == "ent"), None)
        if cells is None or agent is None:
            continue
        if items[agent].term.label == schema.MSC_SOURCE:
            vesicles = next((v for v in (agent + 1, agent + 2) if v < len(items) and _parent_before(model, v)), None)
            agent = vesicles if vesicles is not None else agent     # "WJ-MSC EVs", "MSC-conditioned medium"
        if not (items[agent].term.label == schema.MSC_SOURCE or items[agent].term.kind == "vesicle"):
            continue
        negated = any(c < n < agent for n in negations)
        for m in cells.members:
            if items[m].term.label == schema.CELL_TYPE:
                add((k, agent, m), "TARGETS", items[agent], items[m], " ".join(words), 0.65,
                    model.words_between(m, agent), False, negated, clause=model.clause[k])
        _exposed_output(model, groups, add, negations, agent)


def makers_after(items: list[Item], k: int) -> int | None:
    """The MSC source after "from" or "of" at ``k`` that names whose vesicles or medium these are: "from MSCs",
    "from IL-10-secreting BM-MSCs" (a factor glued to what the cells make may stand before them); else None."""
    if k >= len(items) or items[k].text not in ("from", "of"):
        return None
    x = k + 1
    if x + 2 < len(items) and items[x].kind == "ent" and items[x + 1].text == "-" \
            and items[x + 2].kind == "word" and items[x + 2].text.endswith("ing"):
        x += 3
    if x < len(items) and items[x].kind == "ent" and items[x].term.label == schema.MSC_SOURCE:
        return x
    return None


# what cells exposed to an agent then make less or more of: "DCs exposed to GMSC-CM expressed less CD86"
MADE_VERBS = {"expressed", "produced", "secreted", "released", "made", "displayed"}
MADE_AMOUNTS = {"less": -1, "lower": -1, "fewer": -1, "reduced": -1, "more": 1, "higher": 1, "greater": 1,
                "increased": 1}


def _exposed_output(model: SentenceModel, groups: list[Group], add, negations: list[int], agent: int) -> None:
    """"Dendritic cells exposed to GMSC-CM expressed less CD86 and IL-12", "Macrophages treated with MSC exosomes
    produced more IL-10": the agent inhibits (or activates) what the exposed cells make less (or more) of."""
    items = model.items
    after = agent + 1
    source = makers_after(items, after)
    if source is not None:
        after = source + 1      # "conditioned medium from IL-10-secreting BM-MSCs expressed more CD206"
    verb = next((x for x in range(after, min(len(items) - 2, after + 3))
                 if items[x].kind == "word" and items[x].text in MADE_VERBS), None)
    if verb is None or items[verb + 1].text not in MADE_AMOUNTS \
            or any(items[x].kind != "word" or items[x].text == "," for x in range(after, verb)):
        return
    negated = any(agent < n < verb for n in negations)
    amount = verb + 1
    while amount < len(items) and items[amount].text in MADE_AMOUNTS:
        # "... less TNF-α and more IL-10": each amount word and the factors after it
        made = next((g for g in groups if g.first == amount + 1), None)
        if made is None:
            return
        sign = MADE_AMOUNTS[items[amount].text]
        for m in made.members:
            if items[m].term.label == schema.FACTOR:
                add((verb, agent, m), "ACTIVATES" if sign > 0 else "INHIBITS", items[agent], items[m],
                    f"{items[verb].text} {items[amount].text}", 0.65, model.words_between(agent, m), False,
                    negated, clause=model.clause[verb])
        amount = made.last + 2 if made.last + 1 < len(items) and items[made.last + 1].text == "and" else len(items)


def fronted_exposure(model: SentenceModel) -> tuple[int, list[int], int, str] | None:
    """"In lung fibroblasts exposed to WJ-MSC EVs, collagen I expression was reduced": the vesicles (or MSCs, or
    their medium) the cells were given, the cells, the comma that closes the phrase and the words of exposure;
    else None."""
    items = model.items
    i = after_label(model)
    if i + 5 >= len(items) or items[i].text != "in":
        return None
    k = i + 1
    cells = []
    while k < min(len(items), i + 8) and tuple(x.text for x in items[k:k + 2]) not in EXPOSURES and (
            items[k].kind == "word" and items[k].text.isalpha() or items[k].text == "-"
            or items[k].kind == "ent" and items[k].term.label == schema.CELL_TYPE):
        if items[k].kind == "ent":
            cells.append(k)     # "In cultured lung fibroblasts", "In macrophages and T cells"
        k += 1
    if not cells or tuple(x.text for x in items[k:k + 2]) not in EXPOSURES:
        return None
    agent = k + 2 + _parent_before(model, k + 3) if k + 3 < len(items) else k + 2
    if agent >= len(items) or items[agent].kind != "ent" or not (
            items[agent].term.label == schema.MSC_SOURCE or items[agent].term.kind == "vesicle"):
        return None
    comma = agent + 1
    exposure = f"{items[k].text} {items[k + 1].text}"
    return (agent, cells, comma, exposure) if comma < len(items) and items[comma].text == "," else None


def treated_arm_claims(model: SentenceModel, groups: list[Group], add, negations: list[int]) -> None:
    """"Colonic levels of TNF-α and IL-6 decreased in the EV group": the vesicles inhibit both cytokines (and
    activate a factor that rose)."""
    items = model.items
    fronted = fronted_exposure(model)    # (that the vesicles act on the cells exposed: exposed_cells_claims)
    for v, item in enumerate(items):
        sign = LEVEL_CHANGES.get(item.text, 0) if item.kind == "word" else 0
        if item.text == "recovered" and v + 1 < len(items) and items[v + 1].text == "from":
            sign = 0    # "macrophages were recovered from EV-treated kidneys": where cells were found, no change
        agent = treated_arm(model, v) if sign else None
        opening = fronted_arm(model) if sign and agent is None else None
        if opening is not None and v > opening[1]:
            agent = opening[0]      # "In EV-treated wounds, IL-10 levels rose and TNF-α levels fell"
        if agent is None and sign and fronted is not None and v > fronted[2] \
                and model.clause[v] == model.clause[fronted[2] + 1]:
            # "..., TGF-β1-induced Smad2/3 phosphorylation and collagen I expression were reduced": each factor
            # measured between the comma and the change (not the stimulus glued to "-induced")
            agent = fronted[0]
            # (after the change before it: "TNF-α was reduced and IL-10 was increased")
            start = max([fronted[2]] + [x for x in range(fronted[2] + 1, v) if items[x].kind == "word"
                                        and items[x].text in LEVEL_CHANGES and items[x - 1].text != "-"])
            measures = [m for m in range(start + 1, v) if items[m].kind == "ent"
                        and items[m].term.label == schema.FACTOR and items[m + 1].text != "-"]
            negated = any(start < n < v for n in negations)
            for m in measures:
                add((v, agent, m), "ACTIVATES" if sign > 0 else "INHIBITS", items[agent], items[m],
                    f"{item.text} ({fronted[3]})", 0.65, model.words_between(agent, m), False, negated,
                    clause=model.clause[v])
            continue
        if agent is None:
            continue
        j = v - 1
        while j >= 0 and items[j].kind == "word" and items[j].text in CHANGE_FILLERS:
            j -= 1
        if j >= 1 and items[j].kind == "word" and items[j].text in ("level", "levels") and items[j - 1].kind == "ent":
            j -= 1      # "IL-10 levels rose"
        measured = next((g for g in groups if g.last == j), None)
        if j >= 0 and items[j].text == ",":
            # "Expression of α-SMA and collagen I, two markers of activated stellate cells, was lower": the
            # measure before the apposition
            opening = next((x for x in range(j - 1, max(-1, j - 12), -1) if items[x].text == ","), None)
            measured = next((g for g in groups if opening is not None and g.last == opening - 1), None)
        if measured is None:
            continue
        negated = any(j < n < v for n in negations)
        preposition = next((items[x].text for x in range(agent - 1, v, -1) if items[x].text in ("in", "after")),
                           "in")
        for m in measured.members:
            if items[m].term.label == schema.FACTOR and items[m].term.id != items[agent].term.id:
                add((v, agent, m), "ACTIVATES" if sign > 0 else "INHIBITS", items[agent], items[m],
                    f"{item.text} {preposition}", 0.7, model.words_between(m, agent), False, negated,
                    clause=model.clause[v])


# "fewer M1 macrophages and more M2 macrophages in EV-treated livers": the treatment acted on the cells counted
COUNT_WORDS = {"fewer", "more"}


# what a treated tissue or animal is said to hold before the cells counted: "MSC-treated hearts contained more"
HOLDING_VERBS = {"contained", "had", "showed", "displayed", "exhibited", "harboured", "harbored"}


def glued_vesicles(model: SentenceModel, i: int) -> bool:
    """Item ``i`` is vesicles glued by a hyphen to the MSC source before them ("Umbilical cord MSC-EVs")."""
    items = model.items
    return i >= 2 and items[i].kind == "ent" and items[i].term.kind == "vesicle" and items[i - 1].text == "-" \
        and items[i - 2].kind == "ent" and items[i - 2].term.label == schema.MSC_SOURCE \
        and items[i - 2].end == items[i - 1].start and items[i - 1].end == items[i].start


def _parent_before(model: SentenceModel, v: int) -> int:
    """How many items before vesicles at ``v`` name the cells they come from ("WJ-MSC EVs": 1, "WJ-MSC-EVs": 2)."""
    items = model.items
    if items[v].kind != "ent" or items[v].term.kind != "vesicle" or v < 1:
        return 0
    if items[v - 1].kind == "ent" and items[v - 1].term.label == schema.MSC_SOURCE:
        return 1
    return 2 if glued_vesicles(model, v) else 0


def treated_holder(model: SentenceModel, count: int) -> int | None:
    """The treatment of the tissue or animals that hold the cells counted from item ``count``: "MSC-treated hearts
    contained more", "Lungs treated with EVs had fewer": its item index, else None."""
    items = model.items
    j = count - 1
    if j < 4 or items[j].text not in HOLDING_VERBS:
        return None
    if items[j - 1].kind == "word" and items[j - 2].text == "treated" and items[j - 3].text == "-":
        agent = j - 4       # "MSC-treated hearts contained"
    elif items[j - 1].kind == "ent" and (w := j - 2 - _parent_before(model, j - 1)) >= 2 \
            and items[w].text == "with" and items[w - 1].text == "treated" and items[w - 2].kind == "word":
        agent = j - 1       # "Hearts treated with MSCs contained", "Lungs treated with WJ-MSC EVs had"
    else:
        return None
    term = items[agent].term if items[agent].kind == "ent" else None
    return agent if term is not None and (term.label == schema.MSC_SOURCE or term.kind == "vesicle") else None


def cell_count_claims(model: SentenceModel, add, negations: list[int]) -> None:
    """"Fewer CD68+ M1 macrophages and more CD163+ M2 macrophages in EV-treated livers", "more CD206+ M2
    macrophages and fewer iNOS+ M1 cells in the EV group": the vesicles or cells given target the cells whose
    numbers changed (markers and the joining words of the list may stand between)."""
    items = model.items
    v = 0
    while v < len(items):
        if items[v].kind != "word" or items[v].text not in COUNT_WORDS:
            v += 1
            continue
        cells, k = [], v + 1
        while k < len(items) and (items[k].kind == "ent" and items[k].term.label in (schema.CELL_TYPE, schema.FACTOR)
                                  or items[k].text in ("+", "-", ",", "and") or items[k].text in COUNT_WORDS
                                  or items[k].text == "cells" and cells and cells[-1] == k - 1):
            if items[k].kind == "ent" and items[k].term.label == schema.CELL_TYPE:
                cells.append(k)
            k += 1
            if cells and cells[-1] == k - 1 and k < len(items) and items[k].text in ("expressing", "positive"):
                # "fewer macrophages expressing the M1 marker iNOS and more M2 macrophages": past the marker
                # ("the M1 marker iNOS": the cells the marker belongs to may stand before "marker")
                marker = next((x for x in range(k + 1, min(len(items), k + 6)) if items[x].kind == "ent"
                               and (x + 1 == len(items) or items[x + 1].text != "marker")), None)
                if marker is not None and items[marker].term.label == schema.FACTOR \
                        and all(items[x].kind == "word" or items[x + 1].text == "marker" for x in range(k + 1, marker)):
                    k = marker + 1
        end = k - 1
        if k + 1 < len(items) and items[k].text in ("were", "was") and items[k + 1].text in FOUND_WORDS:
            end = k + 1     # "fewer neutrophils were recovered from EV-treated kidneys"
        agent = treated_arm(model, end, (schema.FACTOR, schema.MSC_SOURCE)) if cells else None
        form = f"{items[v].text} ... in"
        if agent is None and cells:
            agent, form = treated_holder(model, v), f"{items[v - 1].text} {items[v].text}"
        if agent is not None:
            negated = any(min(v, agent) < n < max(v, agent) for n in negations)
            for c in cells:
                add((v, agent, c), "TARGETS", items[agent], items[c], form, 0.65,
                    model.words_between(c, agent), False, negated, clause=model.clause[v])
        v = max(k, v + 1)


# what the cells release into: all it holds they secreted
MEDIA = {"conditioned medium", "secretome"}


def vesicle_cargo_claims(model: SentenceModel, groups: list[Group], topic, add, negations: list[int],
                         found: list[tuple[tuple, Claim]], source_in=lambda item: None) -> None:
    """"Adipose MSC exosomes rich in miR-21": a source right before its vesicles secretes them and their cargo.
    "Cord MSCs release EVs enriched in miR-21": so does the source a claim has release them. "The EVs carry
    miR-21-5p", "the secretome is packed with VEGF and HGF", "The EVs do not contain detectable IDO": in a
    sentence that names no MSC source, the cargo is secreted by the source the text is about (``topic``: the
    paragraph's or the document's, or None). "MSC exosomes carry miR-21": the source in the vesicles' own name
    (``source_in``) secretes the cargo."""
    items = model.items
    names_source = any(it.kind == "ent" and it.term.label == schema.MSC_SOURCE for it in items)
    released = _released_vesicles(found)
    for v, item in enumerate(items):
        if item.kind != "ent" or item.term.kind != "vesicle":
            continue
        source = _maker(model, v, released, source_in)
        if source is not None and v > 0 and source is items[v - 1]:
            add((v, v - 1, v), "SECRETES", source, item, "(compound)", 0.8, 0, False, False, structural=True)
        elif source is None and (names_source or topic is None):
            continue    # the sentence's own source: cargo_claims reads it
        start = v + 1
        if v in released and released[v] > v and item.term.name in MEDIA and items[v + 1].text in ("from", "of") \
                and all(items[x].kind == "word" for x in range(v + 1, released[v])):
            # "Conditioned medium from senescent MSCs contained VEGF" (what the medium holds the cells secreted;
            # what "EVs from MSCs" carry is the vesicles' cargo)
            start = released[v] + 1
        for k in range(start, min(len(items), start + 6)):
            if k == start and items[k].text in ("which", "that"):
                continue    # "extracellular vesicles that carry miRNAs"
            if items[k].kind == "ent" or items[k].text in (",", ";", "which", "that"):
                break
            phrase = next((p for p in CARGO_PHRASES
                           if tuple(x.text for x in items[k:k + len(p)]) == p), None)
            if phrase is None:
                continue
            end = k + len(phrase) - 1
            group = next((g for g in groups if end < g.first <= end + 3
                          and all(items[x].kind == "word" for x in range(end + 1, g.first))), None) \
                or next((g for g in groups if end < g.first <= end + 8
                         and all(amount_sign(items[x]) or items[x].text in ("more", "less")   # "52% less"
                                 for x in range(end + 1, g.first))), None)
            if group is None:
                break
            members = list(group.members)
            named = next((g for g in groups if g.first > group.last), None)
            if named is not None and named.first > group.last + 1 \
                    and all(x in model.list_intro_items() for x in range(group.last + 1, named.first)):
                members += named.members    # "carry miRNAs such as miR-146a"
            previous = group
            for further in (g for g in groups if g.first > group.last):
                if not model.relative_clause_between(previous.last, further.first, members=lambda g: any(
                        items[m].term.label == schema.FACTOR for m in g.members)):
                    if previous.last + 2 < further.first and items[previous.last + 1].text == "," \
                            and items[previous.last + 2].text in ("which", "that") \
                            and "," not in (items[x].text for x in range(previous.last + 2, further.first)):
                        continue    # "..., which promotes alveolar fluid clearance, and": inside the clause
                    break
                members += further.members  # "contains KGF, which promotes fluid clearance, and angiopoietin-1"
                previous = further
            negated = any(v < n < k for n in negations)
            for o in members:
                if items[o].term.label == schema.FACTOR and items[o].term.kind in CARGO_KINDS \
                        and items[o].term.name not in EV_MARKERS:
                    add((k, v, o), "SECRETES", source or topic, items[o], " ".join(phrase), 0.7,
                        model.words_between(v, o), True, negated, clause=model.clause[k])
            break


def _released_vesicles(found: list[tuple[tuple, Claim]]) -> dict[int, int]:
    """Item index of vesicles (or medium) -> item index of the MSC source a claim has release them."""
    return {order[2]: order[1] for order, claim in found if claim.type == "SECRETES" and len(order) > 2
            and claim.object.kind == "vesicle" and claim.subject.label == schema.MSC_SOURCE and not claim.negated}


def _maker(model: SentenceModel, v: int, released: dict[int, int], source_in) -> Item | None:
    """The MSC source that made the vesicles (or medium) at item ``v``: named right before them ("MSC
    exosomes"), releasing them in a claim, glued to them ("SHED-conditioned medium") or in their own name."""
    items = model.items
    if v > 0 and items[v - 1].kind == "ent" and items[v - 1].term.label == schema.MSC_SOURCE:
        return items[v - 1]
    if v in released:
        return model.item(released[v])
    if glued_vesicles(model, v):
        return items[v - 2]     # "SHED-conditioned medium contains HGF" (the compound's own claim is made)
    named = source_in(items[v])
    return Item("ent", items[v].text, items[v].start, items[v].end, named) if named is not None else None


# how a factor is said to be in a medium: "TGF-β1 is also abundant in the MSC secretome", "HGF was the most
# abundant in the conditioned medium"
HELD_WORDS = {"is", "are", "was", "were", "also", "abundant", "enriched", "present", "most", "highly", "particularly",
              "the", "detected", "found", "measured"}


def held_in_media_claims(model: SentenceModel, groups: list[Group], topic, add, negations: list[int],
                         found: list[tuple[tuple, Claim]], source_in=lambda item: None) -> None:
    """"PGE2 and HLA-G5 in the MSC secretome drive ...", "TGF-β1 is also abundant in the MSC secretome": the
    cells whose secretome (or conditioned medium) holds the factors secrete them; in a sentence that names no MSC
    source, the source the text is about (``topic``) does."""
    items = model.items
    names_source = any(it.kind == "ent" and it.term.label == schema.MSC_SOURCE for it in items)
    released = _released_vesicles(found)
    for group in groups:
        factors = [m for m in group.members if items[m].term.label == schema.FACTOR
                   and items[m].term.kind in CARGO_KINDS and items[m].term.name not in EV_MARKERS]
        x = group.last + 1
        while x < len(items) and items[x].kind == "word" and items[x].text in HELD_WORDS:
            x += 1
        if not factors or x + 1 >= len(items) or items[x].text != "in":
            continue
        v = next((y for y in range(x + 1, min(len(items), x + 5)) if items[y].kind == "ent"
                  and items[y].term.label != schema.MSC_SOURCE or items[y].kind != "ent"
                  and items[y].text not in ("the", "their", "its", "this", "that", "-")), None)
        if v is None or items[v].kind != "ent" or items[v].term.name not in MEDIA:
            continue
        source = _maker(model, v, released, source_in) or (None if names_source else topic)
        if source is None:
            continue
        negated = any(group.first < n < v for n in negations)
        for m in factors:
            add((x, v, m), "SECRETES", source, items[m], f"in the {items[v].text}", 0.6,
                model.words_between(m, v), True, negated, clause=model.clause[x])


# the means is a factor released: "suppress T cells by producing nitric oxide", "by secretion of PGE2", "promote
# angiogenesis by delivering VEGF", "by transferring miR-21"
MEANS_OF_RELEASE = {"producing", "secreting", "releasing", "delivering", "transferring", "shuttling", "production",
                    "secretion", "release"}


def released_means(model: SentenceModel, groups: list[Group], found: list[tuple[tuple, Claim]], add) -> None:
    """"MSCs promote angiogenesis by secreting VEGF", "the EVs promote angiogenesis by delivering VEGF to
    endothelial cells": the factor released mediates the mechanism named right before "by"; "to <cells>" is what
    the factor acts on, and so does the agent whose claim on the mechanism the sentence makes."""
    items = model.items
    for j in range(len(items) - 3):
        if items[j].kind != "ent" or items[j].term.label != schema.MECHANISM or items[j + 1].text != "by" \
                or items[j + 2].text not in MEANS_OF_RELEASE:
            continue
        factors = next((g for g in groups if g.first == j + 3), None)
        members = [m for m in factors.members if items[m].term.label == schema.FACTOR
                   and items[m].term.kind in SECRETED_KINDS] if factors else []
        if not members:
            continue
        to = factors.last + 1
        cells = next((g for g in groups if g.first == to + 1), None) \
            if to + 1 < len(items) and items[to].text in ("to", "into") else None
        targets = [c for c in cells.members if items[c].term.label == schema.CELL_TYPE] if cells else []
        agents = {order[1] for order, claim in found if claim.type == "MEDIATES" and len(order) > 2
                  and order[2] == j and not claim.negated}
        trigger = f"by {items[j + 2].text}"
        clause = model.clause[j]
        for m in members:
            add((j + 2, m, j), "MEDIATES", items[m], items[j], trigger, 0.65, 1, False, False, clause=clause)
            for c in targets:
                add((j + 2, m, c), "TARGETS", items[m], items[c], trigger, 0.65, 1, False, False, clause=clause)
        for a in agents:
            for c in targets:
                add((j + 2, a, c), "TARGETS", model.item(a), items[c], trigger, 0.6, 2, False, False, clause=clause)


# "delivered miR-181a to macrophages", "transfer mitochondria into alveolar macrophages"
DELIVERY_VERBS = {"deliver", "delivers", "delivered", "transfer", "transfers", "transferred", "shuttle", "shuttles",
                  "shuttled"}
# who delivers: the vesicles or the cells a few words before the verb
DELIVERER_REACH = 4


def delivered_to_claims(model: SentenceModel, groups: list[Group], add, negations: list[int]) -> None:
    """"The vesicles delivered miR-181a to intestinal macrophages": the factor delivered, and whatever delivered it
    (vesicles or MSCs), act on the cells it was delivered to."""
    items = model.items
    for v in range(1, len(items) - 3):
        if items[v].kind != "word" or items[v].text not in DELIVERY_VERBS or items[v + 1].kind != "ent":
            continue
        factors, last = members_at(items, groups, v + 1, {schema.FACTOR})
        to = last + 1
        if not factors or to + 1 >= len(items) or items[to].text not in ("to", "into"):
            continue
        targets = cells_after(items, groups, to)
        deliverer = next((x for x in range(v - 1, max(-1, v - 1 - DELIVERER_REACH), -1) if items[x].kind == "ent"),
                         None)
        maker = next((g for g in groups if g.first <= deliverer <= g.last), None) if deliverer is not None else None
        made = [g for g in groups if maker is not None and g.last < maker.first and made_by(model, g, maker)]
        vesicles = [m for m in made[-1].members if items[m].term.kind == "vesicle"] if made else []
        if vesicles:
            deliverer = vesicles[0]     # "EVs released by MSCs deliver miR-19a to cardiomyocytes": the vesicles
        agents = factors + ([deliverer] if deliverer is not None and model.clause[deliverer] == model.clause[v]
                            and (items[deliverer].term.label == schema.MSC_SOURCE
                                 or items[deliverer].term.kind == "vesicle") else [])
        negated = any(0 < v - x <= 3 for x in negations)
        for a in agents:
            for t in targets:
                add((v, a, t), "TARGETS", items[a], items[t], f"{items[v].text} ... to", 0.65,
                    model.words_between(a, t), False, negated, clause=model.clause[v])


# "activates JAK/STAT signalling and thereby induces IDO": the pathway carries the effect on
THEREBY_WORDS = {"thereby", "thus", "hence"}
SIGNED = {"ACTIVATES", "INHIBITS"}


def thereby_claims(model: SentenceModel, found: list[tuple[tuple, Claim]], add) -> None:
    """"IFN-γ activates JAK/STAT signalling and thereby induces IDO": the pathway the agent acts on first acts on
    what the agent then changes (JAK/STAT activates IDO); an inhibited pathway that "thereby" lowers something
    activated it ("blocks NF-κB and thereby reduces TNF-α": NF-κB activates TNF-α)."""
    items = model.items
    for later, effect in found:
        t = later[0]
        if effect.type not in SIGNED or effect.negated or len(later) < 3 or t < 2 \
                or items[t - 1].text not in THEREBY_WORDS or items[t - 2].text not in ("and", ","):
            continue
        first = [(order, claim) for order, claim in found if claim.type in SIGNED and not claim.negated
                 and len(order) > 2 and order[0] < t - 2 and claim.subject.id == effect.subject.id
                 and model.clause[order[0]] == model.clause[t]]
        if not first:
            continue
        # the verb right before "and thereby": "protects from apoptosis by silencing PTEN and thereby activating
        # PI3K/Akt" goes through PTEN, a factor, not through apoptosis
        order, step = max(first, key=lambda pair: pair[0][0])
        if step.object.label != schema.PATHWAY:
            continue
        relation = "ACTIVATES" if step.type == effect.type else "INHIBITS"
        add((t, order[2], later[2]), relation, items[order[2]], items[later[2]], f"{items[t - 1].text} {effect.trigger}",
            0.6, model.words_between(order[2], later[2]), True, False, clause=model.clause[t])


def induced_in_cells_claims(model: SentenceModel, groups: list[Group], found: list[tuple[tuple, Claim]],
                            add) -> None:
    """"IFN-γ up-regulates HLA-DR on MSCs", "IFN-γ induces IDO and PD-L1 in human MSCs": the factors induced are
    the cells' own (EXPRESSES) besides what the inducer activates. ("IFN-γ did not induce IDO in MSCs" says
    nothing of what the cells express.)"""
    items = model.items
    for order, claim in found:
        if claim.type != "ACTIVATES" or claim.negated or len(order) < 3 or claim.object.label != schema.FACTOR \
                or claim.object.kind == "vesicle":
            continue
        group = next((g for g in groups if g.first <= order[2] <= g.last), None)
        # "induces IDO in MSCs", or after the verb when the factor came first ("IDO, which IFN-γ induces in MSCs")
        k = (group.last if group else order[2]) + 1 if order[2] > order[0] else order[0] + 1
        if k >= len(items) or items[k].text not in ("in", "on"):
            continue
        preposition = items[k].text
        k = model.past_cell_modifiers(k + 1)
        if k >= len(items) or items[k].kind != "ent" or items[k].term.label != schema.MSC_SOURCE:
            continue
        cells = next((g for g in groups if g.first <= k <= g.last), None)
        for c in cells.members if cells is not None and cells.first == k else [k]:
            if items[c].term.label == schema.MSC_SOURCE:    # "in BM-MSCs, AD-MSCs and UC-MSCs": each of them
                add((order[0], c, order[2]), "EXPRESSES", items[c], items[order[2]],
                    f"{claim.trigger} ... {preposition}", 0.65, model.words_between(order[2], c), True, False,
                    clause=model.clause[order[0]])


def cells_made_to_secrete(model: SentenceModel, groups: list[Group], found: list[tuple[tuple, Claim]],
                          add) -> list[tuple[tuple, Claim]]:
    """"PGE2 reprograms macrophages to secrete IL-10": the cells named before "to" make the factor, not an MSC
    source named earlier (a cell type making a factor is no claim the schema holds); a factor or pathway that
    makes them do it, named before the cells in the clause, raises the factors made (ACTIVATES). Returns ``found``
    without the secretion claims of such a verb."""
    items = model.items
    made_at = set()
    for trig in model.triggers():
        k = trig.first
        if k < 2 or items[k - 1].text != "to" or items[k - 2].kind != "ent" \
                or items[k - 2].term.label != schema.CELL_TYPE \
                or not any(r.relation in ("SECRETES", "EXPRESSES") and r.voice == "active" for r in trig.rules):
            continue
        made_at.add(k)
        made = next((g for g in groups if g.first == trig.last + 1), None)
        cells = k - 2
        causer = next((x for x in range(cells - 1, -1, -1) if items[x].kind == "ent"), None)
        if made is None or causer is None or causer == cells - 1 or model.clause[causer] != model.clause[cells] \
                or items[causer].term.label not in (schema.FACTOR, schema.PATHWAY):
            continue
        for m in made.members:
            if items[m].term.label == schema.FACTOR:
                add((causer, causer, m), "ACTIVATES", items[causer], items[m], f"... to {trig.form}", 0.65,
                    model.words_between(causer, m), False, False, clause=model.clause[cells])
    return [(order, claim) for order, claim in found
            if not (order[0] in made_at and claim.type in ("SECRETES", "EXPRESSES"))]


def own_vesicle_claims(model: SentenceModel, groups: list[Group], add, topic: Item | None = None) -> None:
    """"MSCs or their extracellular vesicles", "umbilical cord MSCs and its secretome": vesicles listed with "their"
    / "its" after an MSC source are that source's (SECRETES); so are those compared with it ("compare MenSCs with
    their extracellular vesicles"), and those of the paragraph's cells (``topic``) that open the sentence ("Their
    conditioned medium reduces ..."; not "Their secretome is rich in ...", which says what the cells secrete)."""
    items = model.items
    if topic is not None and len(items) > 1 and items[1].kind == "ent" and items[1].term.kind == "vesicle" \
            and items[0].text in ("their", "its") and items[1].term.name != "secretome":
        add((1, 1, 1), "SECRETES", topic, items[1], items[0].text, 0.7, 0, False, False, structural=True)
    for m in range(3, len(items)):
        if items[m].kind == "ent" and items[m].term.kind == "vesicle" and items[m - 1].text in ("their", "its") \
                and items[m - 2].text in ("with", "versus", "than") and items[m - 3].kind == "ent" \
                and items[m - 3].term.label == schema.MSC_SOURCE:
            add((m, m - 3, m), "SECRETES", items[m - 3], items[m], f"{items[m - 2].text} {items[m - 1].text}", 0.8,
                0, False, False, structural=True)
    for group in groups:
        sources = [m for m in group.members if items[m].term.label == schema.MSC_SOURCE]
        for m in group.members:
            if sources and sources[0] < m and items[m].term.kind == "vesicle" and items[m - 1].text in ("their", "its"):
                source = max(x for x in sources if x < m)
                add((m, source, m), "SECRETES", items[source], items[m], f"and {items[m - 1].text}", 0.8, 0, False,
                    False, structural=True)


# words between "the benefit of X" and the disease: "over placebo", "after", "in"
BENEFIT_SETTINGS = {"in", "after", "for", "following"}


def benefit_of_claims(model: SentenceModel, groups: list[Group], add, negations: list[int]) -> None:
    """"the benefit of MSCs after myocardial infarction", "no benefit of these cells in decompensated cirrhosis",
    "a clinical benefit of Wharton's jelly MSCs over placebo in knee osteoarthritis": what the benefit is of treats
    the disease it is in (denied when a negation stands just before the benefit)."""
    items = model.items
    for k in range(len(items) - 3):
        if items[k].text not in ("benefit", "benefits") or items[k + 1].text != "of":
            continue
        agent = next((g for g in groups if g.first == k + 2), None)
        if agent is None:
            continue
        x = agent.last + 1
        if x + 1 < len(items) and items[x].text == "over":
            x += 2      # "over placebo"
        if x >= len(items) or items[x].text not in BENEFIT_SETTINGS:
            continue
        disease = next((g for g in groups if g.first == x + 1), None)
        if disease is None:
            continue
        negated = any(0 <= k - n <= 4 and model.clause[n] == model.clause[k] for n in negations)
        for a in agent.members:
            for d in disease.members:
                if items[d].term.label == schema.DISEASE:
                    add((k, a, d), "TREATS", items[a], items[d], "benefit of", 0.7, model.words_between(a, d), False,
                        negated, clause=model.clause[k])


# nouns that may follow a mechanism named in apposition: "..., an anti-apoptotic effect"
EFFECT_NOUNS = {"effect", "effects", "action", "actions", "response", "mechanism", "activity", "property"}
# words that may stand between the comma and the mechanism: ", a direct anti-apoptotic effect"
SUMMARY_OPENERS = {"a", "an", "the", "one", "this", "its", "their", "direct", "strong", "potent", "key", "major",
                   "classic", "protective"}


def summarised_effect_claims(model: SentenceModel, found: list[tuple[tuple, Claim]], add) -> None:
    """"HGF activates PI3K/Akt signalling in endothelial cells, an anti-apoptotic effect": a mechanism set after a
    comma as the name of what the clause before it does is mediated by that clause's agent, and by the factor or
    pathway the agent switches on."""
    items = model.items
    for i, item in enumerate(items):
        if item.kind != "ent" or item.term.label != schema.MECHANISM or item.text.split()[-1] not in EFFECT_NOUNS \
                and (i + 1 >= len(items) or items[i + 1].text not in EFFECT_NOUNS):
            continue
        k = i - 1
        while k >= 0 and items[k].kind == "word" and items[k].text in SUMMARY_OPENERS:
            k -= 1
        if k < 1 or k == i - 1 or items[k].text != ",":
            continue
        before = [(order, claim) for order, claim in found if len(order) > 2 and max(order) < k
                  and not claim.negated and claim.type in SIGNED | {"MODULATES", "TARGETS"}]
        if not before:
            continue
        claim_types = {order: claim.type for order, claim in before}
        last = max(order[0] for order, _ in before)    # the clause's verb: each of its claims ("VEGF and HGF ...")
        for order in {order for order, _ in before if order[0] == last}:
            # the agent, and what it switches on (a pathway it blocks does not carry the effect)
            for at in (order[1], order[2]) if claim_types[order] == "ACTIVATES" else (order[1],):
                if at >= 0 and items[at].kind == "ent" and items[at].term.label in (schema.FACTOR, schema.PATHWAY):
                    add((last, at, i), "MEDIATES", items[at], item, f"(summary) {item.text}", 0.6,
                        model.words_between(at, i), True, False, clause=model.clause[last])


def effect_on_cells_claims(model: SentenceModel, groups: list[Group], found: list[tuple[tuple, Claim]],
                           add) -> None:
    """"HGF exerts an anti-apoptotic effect on hepatocytes and endothelial cells": what mediates an effect that
    is said to fall on cell types (the mechanism's name ending in "effect", then "on" or "upon") targets them."""
    items = model.items
    for order, claim in list(found):
        if claim.type != "MEDIATES" or claim.negated or len(order) < 3 or not 0 <= order[2] < len(items) - 1:
            continue
        mechanism = items[order[2]]
        if mechanism.kind != "ent" or mechanism.text.split()[-1].lower() not in EFFECT_NOUNS \
                or items[order[2] + 1].text not in ("on", "upon"):
            continue
        at = order[1]
        agent = items[at] if 0 <= at < len(items) and items[at].kind == "ent" and items[at].term.id == claim.subject.id \
            else Item("ent", claim.subject.name, mechanism.start, mechanism.start, claim.subject, indirect=True)
        for cell in cells_after(items, groups, order[2] + 1):
            add((order[0], order[1], cell), "TARGETS", agent, items[cell], f"{mechanism.text} on", 0.65,
                model.words_between(order[2], cell), agent.indirect, False, clause=model.clause[order[2]])


# words that may follow a pathway or factor before "in <cells>": "NF-κB signalling in", "Smad3 phosphorylation in"
STATE_NOUNS = SIGNAL_STATES | {"activity", "pathway", "pathways", "expression", "production", "translocation",
                               "cascade", "receptor", "receptors"}


def acted_in_cells_claims(model: SentenceModel, groups: list[Group], found: list[tuple[tuple, Claim]],
                          add) -> None:
    """"HGF blocked TGF-β/Smad signalling in hepatic stellate cells", "HGF turned on PI3K/Akt in the primary
    hepatocytes": what a factor switches on or off inside named cells (or on their surface), it acts on those
    cells (TARGETS)."""
    items = model.items
    have = {(c.subject.id, c.object.id) for _, c in found if c.type == "TARGETS"}
    for order, claim in list(found):
        if claim.type not in SIGNED or len(order) < 3 or not 0 <= order[2] < len(items) \
                or claim.subject.label != schema.FACTOR:
            continue
        k = order[2] + 1
        while k < len(items) and items[k].kind == "word" and items[k].text in STATE_NOUNS:
            k += 1
        if k >= len(items) or items[k].text not in ("in", "within", "on"):
            continue    # ("PGE2 acts through EP2 and EP4 receptors on macrophages": on their surface)
        s = order[1]
        subject = items[s] if 0 <= s < len(items) and items[s].kind == "ent" and items[s].term.id == claim.subject.id \
            else Item("ent", claim.subject.name, items[k].start, items[k].start, claim.subject, indirect=True)
        for cell in cells_after(items, groups, k):
            if (claim.subject.id, items[cell].term.id) in have:
                continue
            have.add((claim.subject.id, items[cell].term.id))
            add((order[0], s, cell), "TARGETS", subject, items[cell], f"{claim.trigger} ... {items[k].text}", 0.65,
                model.words_between(order[2], cell), subject.indirect, claim.negated, clause=model.clause[k])


def glossed_effect_claims(model: SentenceModel, groups: list[Group], add) -> None:
    """"MSCs secrete VEGF and HGF, which help new blood vessels to grow (angiogenesis)": a mechanism in brackets
    at the end of a relative clause names what the clause says its antecedent factors do."""
    items = model.items
    for i in range(2, len(items) - 1):
        it = items[i]
        if it.kind != "ent" or it.term.label != schema.MECHANISM or items[i - 1].text != "(" \
                or items[i + 1].text != ")":
            continue
        which = next((k for k in range(i - 2, 0, -1) if items[k].text == "which" and items[k - 1].text == ","
                      and model.clause[k] == model.clause[i]), None)
        if which is None or any(items[k].kind == "ent" and items[k].term.label in (schema.FACTOR, schema.PATHWAY)
                                for k in range(which + 1, i)):
            continue    # the clause names a factor of its own
        antecedent = next((g for g in groups if g.last == which - 2), None)
        if antecedent is None:
            continue
        for m in antecedent.members:
            if items[m].term.label in (schema.FACTOR, schema.PATHWAY):
                add((which, m, i), "MEDIATES", items[m], it, f"({it.text})", 0.6, model.words_between(m, i), False,
                    False, clause=model.clause[i])


# what a stimulus brings about in the cells, named by the factor and one of these nouns: "IDO induction", "IDO
# activity", "HLA-DR expression"
INDUCTION_NOUNS = OUTPUT_NOUNS | {"induction", "activity", "upregulation", "up-regulation"}
# verbs by which the cells raise a factor: "MSCs upregulate IDO after IFN-γ exposure"
RAISING_VERBS = {"upregulate", "upregulates", "upregulated", "up-regulate", "up-regulates", "up-regulated",
                 "express", "expresses", "expressed", "induce", "induces", "induced", "secrete", "secretes",
                 "secreted", "produce", "produces", "produced", "switch", "switches", "switched", "upregulating",
                 "expressing", "secreting", "producing", "release", "releases", "released", "releasing"}


def _stimulus_after(model: SentenceModel, groups: list[Group], k: int, cues) -> tuple[list[int], int] | None:
    """The stimulus factors of a setting that opens at item ``k``: "after IFN-γ priming", "following exposure to
    TNF-α" (a "priming" cue), "when exposed to IFN-γ", "after 48 h of IFN-γ treatment". Returns (factor items,
    last item)."""
    items = model.items
    if k >= len(items):
        return None
    # "in response to IFN-γ and TNF-α": a cue that opens the setting itself
    lead = next((last for first, last, words in model.find_phrases(cues) if first == k and words[0] == "in"), None)
    if lead is None and items[k].text.lower() not in SETTING_OPENERS:
        return None
    x = k + 1
    lead = lead if lead is not None else next((last for first, last, _ in model.find_phrases(cues) if first == x),
                                              None)
    if lead is not None:
        group = next((g for g in groups if g.first == lead + 1), None)
        stimuli = [m for m in group.members if items[m].term.label == schema.FACTOR] if group else []
        return (stimuli, group.last) if stimuli else None
    # "after 48 h of IFN-γ treatment": a duration before the stimulus
    if x + 2 < len(items) and items[x].text.isdigit() and items[x + 2].text == "of":
        x += 3
    group = next((g for g in groups if g.first == x), None)
    if group is None or group.last + 1 >= len(items) or items[group.last + 1].text.lower() not in PRIMING_NOUNS:
        return None
    stimuli = [m for m in group.members if items[m].term.label == schema.FACTOR]
    return (stimuli, group.last + 1) if stimuli else None


def _before_amount(items: list[Item], i: int) -> int:
    """The item before an amount that ends at ``i`` ("secreted 3-fold more": from "fold" back to "secreted")."""
    while i > 0 and amount_sign(items[i]):
        i -= 1
    return i


def stimulated_factor_claims(model: SentenceModel, groups: list[Group], cues, add, negations: list[int]) -> None:
    """"IDO activity after IFN-γ priming", "strong IDO induction after interferon-γ priming", "MSCs express IDO
    when exposed to IFN-γ", "MSC lots that upregulated IDO after IFN-γ exposure", "HLA-DR is induced after 48 h
    of IFN-gamma treatment": the stimulus activates the factor the cells raise in its wake."""
    items = model.items
    for f in range(len(items) - 2):
        it = items[f]
        if it.kind != "ent" or it.term.label != schema.FACTOR or it.term.kind == "vesicle":
            continue
        k = f + 1
        if items[k].text.lower() in INDUCTION_NOUNS:
            k += 1          # "IDO induction after", "IDO activity after"
        elif f >= 1 and items[f - 1].text.lower() in RAISING_VERBS or f >= 2 and items[f - 1].text == "more" \
                and items[_before_amount(items, f - 2)].text.lower() in RAISING_VERBS:
            pass            # "upregulated IDO after", "secreted (3-fold) more VEGF following"
        elif items[k].text in ("is", "was", "are", "were") and k + 1 < len(items) \
                and items[k + 1].text in ("induced", "upregulated", "up-regulated"):
            k += 2          # "HLA-DR is induced after"
        else:
            continue
        while k + 2 < len(items) and items[k].text == "and" and items[k + 1].text.lower() in RAISING_VERBS:
            # "expressing IDO and secreting PGE2 in response to IFN-γ": the setting after the last factor raised
            raised = next((g for g in groups if g.first == k + 2), None)
            if raised is None:
                break
            k = raised.last + 1
        if k + 1 < len(items) and items[k].text == "than":
            # "secreted 3-fold more TSG-6 than fibroblasts when stimulated with TNF-α": past the comparison
            compared = next((g for g in groups if g.first == k + 1), None)
            k = compared.last + 1 if compared is not None else k
        found = _stimulus_after(model, groups, k, cues)
        if found is None:
            continue
        stimuli, last = found
        negated = any(f - 3 <= n < k for n in negations)
        for m in stimuli:
            if items[m].term.id != it.term.id:
                add((k, m, f), "ACTIVATES", items[m], it, f"{items[k].text} ... {items[last].text}", 0.7,
                    model.words_between(f, m), False, negated, clause=model.clause[k])


# what the cells' numbers did: "regulatory T cells increased", "the proportion of Th17 cells fell"
CELL_CHANGES = {"increased", "decreased", "rose", "fell", "declined", "dropped", "expanded", "diminished", "doubled",
                "halved", "recovered", "normalised", "normalized"}
# how far after the cells their change may be stated ("increased from 3.2% to 6.8%" is after it)
CHANGE_REACH = 6


def _given_source(items: list[Item], x: int) -> int | None:
    """The MSCs given in "after GMSC treatment", "following MSC infusion" that opens at item ``x`` (the source's
    item, else None)."""
    if x + 2 < len(items) and items[x].text in ("after", "following", "upon") and items[x + 1].kind == "ent" \
            and items[x + 1].term.label == schema.MSC_SOURCE and items[x + 2].text in GIVING_NOUNS:
        return x + 1
    return None


def _giving_after(items: list[Item], k: int) -> int | None:
    """The MSCs given in a setting after the change at ``k``: "decreased from 14.2% to 6.3% after GMSC
    treatment" (the source's item, else None)."""
    for x in range(k + 1, min(len(items) - 2, k + 1 + 2 * CHANGE_REACH)):
        if items[x].text in (",", ";", "while", "whereas", "and", "but") \
                or items[x].text == "." and not (items[x - 1].text.isdigit() and items[x + 1].text.isdigit()):
            return None     # (a decimal point goes on: "from 14.2% to 6.3%")
        if items[x].text != "upon" and _given_source(items, x) is not None:
            return x + 1
    return None


def changed_after_giving_claims(model: SentenceModel, add) -> None:
    """"After MSC infusion, the proportion of regulatory T cells increased ..., while Th17 cells decreased", "the
    proportion of IL-17A+ CD4+ T cells decreased from 14.2% to 6.3% after GMSC treatment": the cells given act on
    the cell types whose numbers changed after them."""
    items = model.items
    first = after_label(model)
    opening = _given_source(items, first)
    if opening is not None and (opening + 2 >= len(items) or items[opening + 2].text != ","):
        opening = None      # ("After MSC infusion," opening the sentence)
    for c in range(first, len(items)):
        if items[c].kind != "ent" or items[c].term.label != schema.CELL_TYPE or opening is not None and c < opening \
                or items[c - 1].text == "among":
            continue    # ("regulatory T cells among CD4+ T cells increased": the share's whole is no target)
        for k in range(c + 1, min(len(items), c + 1 + CHANGE_REACH)):
            if items[k].text in (",", ";", ".", "while", "whereas") or items[k].kind == "ent":
                break
            if items[k].text in CELL_CHANGES:
                source = opening if opening is not None else _giving_after(items, k)
                if source is not None:
                    add((k, source, c), "TARGETS", items[source], items[c], f"after ... {items[k].text}", 0.6,
                        model.words_between(min(source, c), max(source, c)), False, False, clause=model.clause[k])
                break


# the verbs by which a study gives the cells to the animals of the model it set up
GIVEN_VERBS = {"received", "receiving", "given", "injected", "infused", "transplanted", "administered", "treated"}
# how far after the giving verb the cells may be named ("received three tail-vein injections of hUC-MSCs")
GIVEN_REACH = 8


def _given(item: Item) -> bool:
    """What a study gives: MSCs, their vesicles or a product."""
    return item.kind == "ent" and (item.term.label in (schema.MSC_SOURCE, schema.PRODUCT)
                                   or item.term.kind == "vesicle")


def induced_model_claims(model: SentenceModel, add) -> None:
    """"Liver fibrosis was induced in rats by CCl4 ..., and from week 4 the animals received hUC-MSCs, EVs or PBS",
    "EAE was induced in mice ..., and 1 × 10^6 MenSCs were injected": a Methods sentence that sets up a disease model
    and gives the cells (or their vesicles or a product) studies them in that disease, whatever it found."""
    items = model.items
    first = after_label(model)
    while first < len(items) and items[first].kind == "word" and items[first].text in ("-", "•", "*"):
        first += 1
    if first + 2 >= len(items) or items[first].kind != "ent" or items[first].term.label != schema.DISEASE:
        return
    disease = first
    k = disease + 1
    if k < len(items) and items[k].text == "(" and k + 2 < len(items) and items[k + 2].text == ")":
        k += 3      # "Experimental autoimmune encephalomyelitis (EAE) was induced"
    if k + 1 >= len(items) or items[k].text not in ("was", "were") or items[k + 1].text != "induced":
        return
    for v in range(k + 2, len(items)):
        if items[v].kind != "word" or items[v].text not in GIVEN_VERBS:
            continue
        # the cells may stand before a passive verb ("1 × 10^6 MenSCs were injected") or after an active one
        span = range(max(k + 2, v - 4), min(len(items), v + 1 + GIVEN_REACH))
        for s in (s for s in span if _given(items[s])):
            add((v, s, disease), "INVESTIGATED_FOR", items[s], items[disease], f"induced ... {items[v].text}", 0.65,
                model.words_between(disease, s), False, False, clause=model.clause[v])
        return


# "We randomised 124 adults with ARDS to ...": the verbs of assigning the participants of a trial
ASSIGNING = {"randomised", "randomized", "assigned", "allocated"}
# "In a randomised trial of 120 patients with knee osteoarthritis, ...": the nouns of a study that opens a sentence
STUDY_NOUNS = {"trial", "trials", "study", "studies", "cohort"}
# how far the disease and the cells may stand from the words that tie them to the trial
TRIAL_REACH = 10


def _first_given(items, start: int, end: int) -> list[int]:
    """The cells (or their vesicles, or a product) named first between items ``start`` and ``end``."""
    return next(([s] for s in range(start, min(end, len(items))) if _given(items[s])), [])


def trial_design_claims(model: SentenceModel, found: list[tuple[tuple, Claim]], add) -> None:
    """"We randomised 124 adults with moderate-to-severe ARDS to a single dose of adipose-derived MSCs or placebo",
    "In a randomised trial of 120 patients with knee osteoarthritis, an injection of umbilical cord MSCs was compared
    with hyaluronic acid": the design of a trial studies the cells in the participants' disease (a benefit the
    sentence claims is read by its own verb; the study is added only where no such claim joins the two)."""
    items = model.items
    joined = {(claim.subject.id, claim.object.id) for _, claim in found
              if claim.type in ("TREATS", "INVESTIGATED_FOR")}

    def study(s: int, d: int, at: int, trigger: str) -> None:
        if (items[s].term.id, items[d].term.id) not in joined:
            add((at, s, d), "INVESTIGATED_FOR", items[s], items[d], trigger, 0.6, model.words_between(d, s),
                False, False, clause=model.clause[at])

    for v, it in enumerate(items):
        if it.kind != "word" or it.text not in ASSIGNING \
                or v > 0 and items[v - 1].text in ("were", "was", "be", "been"):
            continue    # (the passive "were randomised to" is a trigger of its own)
        with_ = next((x for x in range(v + 1, min(len(items) - 1, v + TRIAL_REACH)) if items[x].text == "with"), None)
        # the disease, maybe after words on its grade ("with moderate-to-severe ARDS")
        disease = next((x for x in range(with_ + 1, min(len(items), with_ + 8)) if items[x].kind == "ent"
                        and items[x].term.label == schema.DISEASE), None) if with_ is not None else None
        if disease is None or any(items[x].kind == "ent" or items[x].text in (",", ";", "(")
                                  or items[x].text == "to" and items[x - 1].text != "-"
                                  for x in range(with_ + 1, disease)):
            continue
        to = next((x for x in range(disease + 1, min(len(items), disease + 1 + TRIAL_REACH)) if items[x].text == "to"),
                  None)
        if to is None or any(items[x].text in (".", ";") for x in range(disease + 1, to)):
            continue
        for s in _first_given(items, to + 1, to + 1 + TRIAL_REACH):
            study(s, disease, v, f"{it.text} ... with ... to")
    first = after_label(model)
    if first + 2 < len(items) and items[first].text == "in":
        noun = next((x for x in range(first + 1, min(len(items), first + 8)) if items[x].text in STUDY_NOUNS), None)
        comma = next((x for x in range(first + 1, min(len(items), first + 20)) if items[x].text == ","), None)
        if noun is None or comma is None or noun > comma:
            return
        disease = next((x for x in range(noun + 1, comma) if items[x].kind == "ent"
                        and items[x].term.label == schema.DISEASE and items[x - 1].text == "with"), None)
        if disease is None:
            return
        for s in _first_given(items, comma + 1, comma + 1 + TRIAL_REACH):
            study(s, disease, noun, f"in a {items[noun].text} of ... with")
