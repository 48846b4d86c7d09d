"""Claims read from experiments that take a factor away.

"Blocking VEGF abolished the gain in angiogenesis but not the anti-apoptotic effect", "Knockdown of TSG-6
abrogated the anti-inflammatory effect", "IDO1 knockdown by siRNA abolished most of the immunosuppressive
activity": the effect that is lost with the factor is one the factor mediates (MEDIATES; negated for the effect
named after "but not", which survived), a disease whose benefit is lost is one the factor treats (TREATS), and
cells no longer acted on are cells the factor targets (TARGETS).
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.notation import after_label
from msckg.loaders.relations.sentence_model import INACTIVE_STATES, SentenceModel

# what takes the factor away, opening the clause: "Knockdown of TSG-6", "Blocking VEGF", "siRNA silencing of HGF"
LOSS_OPENERS = [("knockdown", "of"), ("knock-down", "of"), ("silencing", "of"), ("silencing",), ("blocking",),
                ("blockade", "of"), ("neutralising",), ("neutralizing",), ("neutralisation", "of"),
                ("neutralization", "of"), ("deletion", "of"), ("depletion", "of"), ("knocking", "down"),
                ("loss", "of"), ("removal", "of"), ("antibodies", "against"), ("antibody", "against"),
                ("inhibiting",), ("inhibition", "of")]
# words that may stand before the opener: "siRNA knockdown of", "However, antibody blockade of"
OPENER_PREFIX = {"sirna", "shrna", "antibody", "genetic", "pharmacological", "however", "in", "contrast",
                 "conversely", "moreover", "notably", "importantly", "indeed", "and", "but", "that", "the", "a", "an",
                 "neutralising", "neutralizing", "blocking"}
# the action glued to the factor before the blocker's noun: "a VEGF-neutralising antibody"
GLUED_ACTIONS = {"neutralising", "neutralizing", "blocking"}
# what the loss leaves unchanged: "Blocking TSG-6 had no significant effect on PBMC proliferation"
NO_EFFECT = [("had", "no", "effect", "on"), ("had", "no", "significant", "effect", "on"),
             ("had", "no", "measurable", "effect", "on"), ("did", "not", "affect"), ("did", "not", "alter")]
# what the loss does to the effect ("largely abolished", "abolished the gain in angiogenesis")
LOSS_VERBS = {"abolished", "abolishes", "abrogated", "abrogates", "eliminated", "eliminates", "erased", "reversed",
              "blunted", "blunts", "cancelled", "canceled", "negated", "removed", "diminished", "attenuated",
              "prevented"}
# what the loss gives back to cells the factor held down: "Blocking IDO with 1-methyl-DL-tryptophan restored T cell
# proliferation" (the factor acts on those cells; read for cell types only)
RESTORING_VERBS = {"restored", "restores", "restore", "rescued", "rescues"}
# drugs named after the factor they block: "an EP4 antagonist", "the IL-1 receptor blocker", "an anti-HGF antibody";
# and the small RNAs that silence it: "TSG-6 siRNA abolished the rise in IL-10"
BLOCKERS = {"antagonist", "antagonists", "inhibitor", "inhibitors", "blocker", "blockers", "antibody", "antibodies",
            "sirna", "sirnas", "shrna", "shrnas"}
# the verb may come after the factor's own short phrase: "Knockdown of TSG-6 in MSCs with siRNA abolished"
VERB_REACH = 6
# words before the means of taking the factor away: "inhibition of IDO with 1-methyl-tryptophan"
MEANS = {"with", "by", "using"}
# what the loss takes from each kind of effect named after the verb: a mechanism the factor mediates, a disease it
# treats, the cells it acts on ("abolished the ability of UC-MSCs to suppress T-cell proliferation")
EFFECT_RELATIONS = {schema.MECHANISM: "MEDIATES", schema.DISEASE: "TREATS", schema.CELL_TYPE: "TARGETS"}
# the effects named after the verb: "abolished the gain in angiogenesis but not the anti-apoptotic effect"
EFFECT_REACH = 12
STRENGTH = 0.7


def _opens_clause(model: SentenceModel, i: int) -> bool:
    """Item ``i`` starts the sentence or a clause, after a few opening words at most."""
    items = model.items
    k = i
    while k > 0 and i - k < 3 and items[k - 1].text in OPENER_PREFIX:
        k -= 1
    return k == after_label(model) or k > 0 and items[k - 1].text in (",", ";", ":", "(")


def _taken(items, i: int) -> bool:
    """Item ``i`` names what an experiment can take away: a factor or a pathway."""
    return i < len(items) and items[i].kind == "ent" and items[i].term.label in (schema.FACTOR, schema.PATHWAY)


def _glued_blocker(items, i: int) -> bool:
    """Item ``i`` is glued to the action of the blocker after it: "a VEGF-neutralising antibody"."""
    return i + 3 < len(items) and items[i + 1].text == "-" and items[i + 2].text in GLUED_ACTIONS \
        and items[i + 3].text in BLOCKERS


def loss_named_after(items, i: int) -> bool:
    """Item ``i`` is followed by the noun of its own loss: "IDO1 knockdown", "NF-κB inhibition with BAY 11-7082"
    (not "TSG-6 inhibition of NF-κB", where the factor is the one inhibiting)."""
    if _glued_blocker(items, i):
        return True     # "an IL-6-neutralising antibody prevented ..."
    return i + 1 < len(items) and items[i + 1].text in INACTIVE_STATES | BLOCKERS \
        and (i + 2 >= len(items) or items[i + 2].text != "of")


def loss_of_function_claims(model: SentenceModel, add) -> None:
    items = model.items
    for i in range(len(items)):
        opener = next((p for p in LOSS_OPENERS if i + len(p) < len(items) and all(
            items[i + k].kind == "word" and items[i + k].text == p[k] for k in range(len(p)))), None)
        if not _opens_clause(model, i):
            continue
        if opener is None and _taken(items, i) and _glued_blocker(items, i):
            opener = (items[i + 2].text, items[i + 3].text)    # "a VEGF-neutralising antibody abolished ..."
            factors, k = [i], i + 4
        elif opener is None and _taken(items, i) and loss_named_after(items, i):
            # "IDO1 knockdown by siRNA abolished ...", "NF-κB inhibition abrogated ..."
            opener = (items[i + 1].text,)
            factors, k = [i], i + 2
            if opener[0] in BLOCKERS and k < len(items) and items[k].text not in LOSS_VERBS:
                k += 1      # the drug's own name: "the PI3K inhibitor LY294002 abrogated"
        elif opener is not None and _taken(items, i + len(opener)):
            f = i + len(opener)
            factors = [f]
            k = f + 1
            while k + 1 < len(items) and items[k].text in ("and", "or", ",", "/") and _taken(items, k + 1):
                factors.append(k + 1)   # "Blocking VEGF and HGF"
                k += 2
        else:
            continue
        verb = next((v for v in range(k, len(items)) if model.words_between(k - 1, v) < VERB_REACH
                     and items[v].text in LOSS_VERBS | RESTORING_VERBS), None)
        unchanged = next(((v, p) for v in range(k, min(len(items), k + VERB_REACH)) for p in NO_EFFECT
                          if tuple(x.text for x in items[v:v + len(p)]) == p), None)
        if unchanged is not None and (verb is None or unchanged[0] < verb):
            verb = unchanged[0] + len(unchanged[1]) - 1     # nothing was lost: the effects named are not the factor's
        means = next((x for x in range(k, verb) if items[x].text in MEANS), verb) if verb is not None else None
        if verb is None or any(items[x].text in (".", ";") for x in range(k, verb)) or any(
                items[x].kind == "ent" and items[x].term.label not in (schema.MSC_SOURCE, schema.CELL_TYPE)
                for x in range(k, means)):
            continue    # "Knockdown of TSG-6 in the MSCs abolished", "Knockdown of Nrf2 in LX-2 cells abolished": only
            # the cells, or the means ("inhibition of IDO with 1-methyl-DL-tryptophan abolished"), may stand in between
        denied = unchanged is not None and verb == unchanged[0] + len(unchanged[1]) - 1
        for e in range(verb + 1, min(len(items), verb + 1 + EFFECT_REACH)):
            if items[e].text in (".", ";", "which", "whereas", "while"):
                break
            if items[e].text == "not" and items[e - 1].text in ("but", "and", ","):
                denied = True   # "... but not the anti-apoptotic effect": that effect survived the loss
            if items[e].kind != "ent" or items[e].term.label not in EFFECT_RELATIONS:
                continue
            if items[e].term.label == schema.CELL_TYPE and any(items[x].text == "in" for x in range(e - 2, e)):
                continue    # "the anti-apoptotic effect ... in hypoxic cardiomyocytes": the setting of the effect
            if items[verb].text in RESTORING_VERBS and items[e].term.label != schema.CELL_TYPE:
                continue    # what came back is no effect the factor had: only the cells it held down are read
            relation = EFFECT_RELATIONS[items[e].term.label]
            for a in factors:
                add((verb, a, e), relation, items[a], items[e], f"{' '.join(opener)} ... {items[verb].text}",
                    STRENGTH, model.words_between(a, e), False, denied, clause=model.clause[verb])


# "..., and this induction was blunted by conditioned medium": a rise named again, then undone by an agent
RISE_NOUNS = {"induction", "increase", "increases", "rise", "upregulation", "elevation"}
RAISING_WORDS = {"increased", "stimulated", "induced", "raised", "upregulated", "up-regulated", "elevated", "enhanced"}
UNDOING_VERBS = {"blunted", "reduced", "abolished", "abrogated", "attenuated", "prevented", "reversed", "suppressed",
                 "blocked", "inhibited"}


def _risen_factors(model: SentenceModel, t: int) -> list[int]:
    """The factors the clause before item ``t`` says were raised: "IL-1β stimulated MMP-13 and ADAMTS-5
    expression, and this ..." (the factors after the last raising verb)."""
    items = model.items
    r = next((x for x in range(t - 1, -1, -1) if items[x].kind == "word" and items[x].text in RAISING_WORDS), None)
    if r is None:
        return []
    return [x for x in range(r + 1, t) if items[x].kind == "ent" and items[x].term.label == schema.FACTOR]


def undone_rise_claims(model: SentenceModel, add) -> None:
    """"IL-1β stimulated MMP-13 and ADAMTS-5 expression, and this induction was blunted by conditioned medium from
    ADSCs": the agent lowers what had risen (INHIBITS); "MSCs increased IL-10 production ..., and this increase was
    blocked by antagonists of the EP2 and EP4 receptors": the receptors the drug blocks raise it (ACTIVATES)."""
    items = model.items
    for t in range(len(items) - 5):
        if items[t].text not in ("this", "the", "these") or items[t + 1].text not in RISE_NOUNS \
                or items[t + 2].text not in ("was", "were"):
            continue
        v = t + 3 + (items[t + 3].kind == "word" and items[t + 3].text.endswith("ly"))   # ("was largely blunted")
        if v + 1 >= len(items) or items[v].text not in UNDOING_VERBS or items[v + 1].text != "by":
            continue
        risen = _risen_factors(model, t)
        a = v + 2
        while a < len(items) and items[a].text in ("the", "a", "an"):
            a += 1
        if not risen or a >= len(items):
            continue
        if items[a].text.lower() in BLOCKERS and a + 1 < len(items) and items[a + 1].text in ("of", "against"):
            # the drug's targets, up to the clause's end: "antagonists of the EP2 and EP4 receptors but not ..."
            end = next((x for x in range(a + 2, len(items)) if items[x].text in (",", ";", ".", "but", "whereas")),
                       len(items))
            blocked = [(x, False) for x in range(a + 2, end) if _taken(items, x)]
            if end + 3 < len(items) and [x.text for x in items[end:end + 3]] == ["but", "not", "by"]:
                # "... but not by an EP1/EP3 antagonist": the factors that drug blocks do not raise it
                stop = next((x for x in range(end + 3, len(items)) if items[x].text.lower() in BLOCKERS), None)
                blocked += [(x, True) for x in range(end + 3, stop or end + 3) if _taken(items, x)]
            for b, denied in blocked:
                for f in risen:
                    add((v, b, f), "ACTIVATES", items[b], items[f], f"{items[v].text} by {items[a].text} of", STRENGTH,
                        model.words_between(f, b), False, denied, clause=model.clause[v])
        elif items[a].kind == "ent" and items[a].term.label == schema.FACTOR and not loss_named_after(items, a):
            for f in risen:
                add((v, a, f), "INHIBITS", items[a], items[f], f"{items[v].text} by", STRENGTH,
                    model.words_between(f, a), False, False, clause=model.clause[v])
