"""An effect on cells that the text credits to a secreted factor.

"bone marrow stromal cells suppress T-cell proliferation, an effect they attribute partly to TGF-β1 and HGF",
"a rise in regulatory T cells, which the authors attribute to TGF-β1", "the effect depended on TGF-β1 and HGF",
"this effect was abolished by a neutralizing antibody against HGF", "this effect was largely lost when IDO was
blocked", "Blocking IDO with 1-MT abolished the Treg increase": the factor acts on those cells (TARGETS).

"human MSCs depend largely on IDO", "mouse MSCs rely on iNOS": the cells express the enzyme they rely on.
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.implied import SECRETED_KINDS
from msckg.loaders.relations.sentence_model import ADVERBS, Group, SentenceModel

# the kinds of factor a cell releases to act on other cells (a receptor such as CD44 is not credited this way, nor
# are the vesicles that carry the factors)
ACTING_KINDS = SECRETED_KINDS - {"vesicle"}
# verbs that credit an effect to something: "attributes the immunomodulation to these four factors"
ATTRIBUTING = {"attributes", "attribute", "attributed", "ascribes", "ascribe", "ascribed", "credits", "credit",
               "credited"}
# verbs of dependence: "the effect depends (more) on PGE2", "human MSCs rely on IDO"
DEPENDS = {"depends", "depend", "depended", "relies", "rely", "relied"}
# each crediting word and the preposition before what it credits: "attribute (partly) to", "traced to",
# "depends (largely) on"
CREDITING = {**{w: "to" for w in ATTRIBUTING | {"traced"}}, **{w: "on" for w in DEPENDS | {"dependent"}}}
# words that may stand between the verb and its preposition, or before the factor: "largely", "in part", "secreted"
FILLERS = ADVERBS | {"largely", "mostly", "chiefly", "more", "mainly", "partly", "part", "at", "least", "the",
                     "secreted", "released", "both", "entirely", "heavily", "critically"}
# cells that name an assay, not the cells acted on: "in mixed lymphocyte cultures"
ASSAY_NOUNS = {"culture", "cultures", "reaction", "reactions", "assay", "assays", "co-culture", "co-cultures",
               "phenotype", "phenotypes", "state", "line", "lines"}
# words that open a contrasting clause, whose effect is its own
CONTRASTS = {"whereas", "while", "but", "although", ";"}
# "the effect was abolished": losing an effect when the factor is taken away
LOSSES = {"abolished", "abolishes", "abolish", "abrogated", "abrogates", "reversed", "reverses", "lost", "prevented",
          "blunted", "eliminated"}
# "when IDO was blocked", "Blocking IDO", "a neutralizing antibody against HGF"
REMOVALS = {"blocked", "blocking", "neutralised", "neutralized", "neutralising", "neutralizing", "silenced",
            "silencing", "knocked", "depleted", "depleting", "inhibited"}


def _factors_at(model: SentenceModel, groups: list[Group], k: int) -> list[int]:
    """The secreted factors of the group that starts at item ``k`` (fillers skipped), or []."""
    items = model.items
    while k < len(items) and items[k].kind == "word" and items[k].text.lower() in FILLERS:
        k += 1
    group = next((g for g in groups if g.first == k), None)
    members = group.members if group else ([k] if k < len(items) and items[k].kind == "ent" else [])
    return [m for m in members if items[m].term.label == schema.FACTOR and items[m].term.kind in ACTING_KINDS]


def _cells(model: SentenceModel, first: int, last: int) -> list[int]:
    """The cell types named in items [first, last), less those that name an assay ("mixed lymphocyte cultures")."""
    items = model.items
    return [x for x in range(max(0, first), min(len(items), last))
            if items[x].kind == "ent" and items[x].term.label == schema.CELL_TYPE
            and not (x + 1 < len(items) and items[x + 1].text.lower() in ASSAY_NOUNS)
            and items[x].text not in ("M1", "M2")     # "from an M1 to an M2 phenotype": states of the cells
            and not (x + 2 < len(items) and items[x + 1].text == "-" and items[x + 2].text in ("derived", "like"))]


def _cells_before(model: SentenceModel, v: int) -> list[int]:
    """The cells of the effect credited at item ``v``: those named since the last contrast before it ("suppress T
    cells through IDO, whereas their effect on macrophages depends on PGE2": the macrophages), else all before."""
    bounds = [x for x in range(v) if model.items[x].text.lower() in CONTRASTS]
    if bounds and _cells(model, bounds[-1], v):
        return _cells(model, bounds[-1], v)
    return _cells(model, 0, v)


def credited_factor_claims(model: SentenceModel, groups: list[Group], add, negations: list[int]) -> None:
    """Each factor an effect on cells is credited to TARGETS the cells named with that effect."""
    items = model.items
    found: list[tuple[int, list[int], list[int], str]] = []    # (verb, factors, cells, trigger)
    losses = [x for x, it in enumerate(items) if it.kind == "word" and it.text.lower() in LOSSES]
    for v, it in enumerate(items):
        word = it.text.lower() if it.kind == "word" else ""
        if word in CREDITING:
            # "an effect they attribute partly to TGF-β1", "whereas human MSCs depend largely on IDO"
            p = v + 1
            while p < len(items) and items[p].kind == "word" and items[p].text.lower() in FILLERS - {"to", "on"}:
                p += 1
            if p < len(items) and items[p].text.lower() in (CREDITING[word], "upon"):
                found.append((v, _factors_at(model, groups, p + 1), _cells_before(model, v), f"{word} {items[p].text}"))
        elif word == "against" and any(x < v for x in losses):
            # "this effect was abolished by a neutralizing antibody against HGF"
            found.append((v, _factors_at(model, groups, v + 1), _cells_before(model, min(x for x in losses if x < v)),
                          "abolished ... against"))
        elif word in ("when", "after", "once") and any(x < v for x in losses):
            # "this effect was largely lost when IDO was blocked"
            factors = _factors_at(model, groups, v + 1)
            end = (max(factors) + 1) if factors else v + 1
            if end + 1 < len(items) and items[end].text in ("was", "were") and items[end + 1].text in REMOVALS:
                found.append((v, factors, _cells_before(model, min(x for x in losses if x < v)),
                              f"{items[end + 1].text} ... lost"))
        elif word in REMOVALS and word.endswith("ing") and (v == 0 or items[v - 1].kind == "punct"):
            # "Blocking IDO with 1-methyl-tryptophan abolished the Treg increase"
            later = [x for x in losses if x > v]
            if later:
                found.append((v, _factors_at(model, groups, v + 1), _cells(model, later[0], len(items)),
                              f"{word} ... {items[later[0]].text}"))
    for v, factors, cells, trigger in found:
        negated = any(0 < v - n <= 3 for n in negations)
        for f in factors:
            for c in cells:
                add((v, f, c), "TARGETS", model.item(f), items[c], trigger, 0.6,
                    model.words_between(min(f, c), max(f, c)), model.item(f).indirect, negated, clause=model.clause[v])


# words set aside between the cells and the verb: "Murine MSCs, by contrast, rely on"
ASIDES = {"instead", ",", "by", "contrast", "however", "in", "turn", "comparison", "unlike"}


def relied_on_enzyme_claims(model: SentenceModel, groups: list[Group], add, negations: list[int]) -> None:
    """"Mouse MSCs rely mainly on inducible nitric oxide synthase", "whereas human MSCs depend largely on IDO":
    the cells express the enzyme they are said to rely on."""
    items = model.items
    for v, it in enumerate(items):
        if it.kind != "word" or it.text.lower() not in DEPENDS:
            continue
        s = v - 1
        while s >= 0 and items[s].text.lower() in FILLERS | ASIDES:
            s -= 1      # "Murine MSCs, by contrast, rely"
        if s >= 0 and items[s].text == "and":
            # "Mouse MSCs express little IDO and rely on iNOS": the one source the clause opened with
            sources = [x for x in range(s) if items[x].kind == "ent" and items[x].term.label == schema.MSC_SOURCE]
            s = sources[0] if len({items[x].term.id for x in sources}) == 1 else -1
        if s < 0 or items[s].kind != "ent" or items[s].term.label != schema.MSC_SOURCE:
            continue
        p = v + 1
        while p < len(items) and items[p].kind == "word" and items[p].text.lower() in FILLERS - {"on"}:
            p += 1
        if p >= len(items) or items[p].text.lower() not in ("on", "upon"):
            continue
        negated = any(s < n < v for n in negations)
        for f in _factors_at(model, groups, p + 1):
            if items[f].term.kind == "enzyme":
                add((v, s, f), "EXPRESSES", model.item(s), items[f], f"{it.text.lower()} on", 0.6,
                    model.words_between(s, f), items[s].indirect, negated, clause=model.clause[v])
