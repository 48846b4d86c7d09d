"""Claims of the sentences of a Document (tables: :mod:`.tables`)."""

from __future__ import annotations

import re
from dataclasses import replace

from msckg.errors import UnreadableSource
from msckg.graph import schema
from msckg.loaders.document import Document, Sentence
from msckg.loaders.entities import EntityRecognizer, Mention
from msckg.loaders.readers import read_text
from msckg.loaders.relations.claim import Claim, _clamp, canonical_claim, cells_acted_on, confidence
from msckg.loaders.relations.anaphora import (
    defined_name, dominant, entry_subject, last_factor_list, name_in_use, opening_subject, resolve_anaphora,
)
from msckg.loaders.relations.implied import (
    CARRY_FORMS, EXPOSED_IN, EXPOSURES, FACTOR_OUTPUTS, GIVING_NOUNS, LEVEL_CHANGES, MEANS_OF_RELEASE, OUTPUT_NOUNS,
    RISE_WORDS, SECRETED_KINDS, acted_in_cells_claims, benefit_of_claims, cargo_claims, cell_count_claims,
    cells_made_to_secrete, changed_after_giving_claims, delivered_to_claims, effect_on_cells_claims,
    exposed_cells_claims, given_to_cells, given_to_cells_claims, glossed_effect_claims, glued_vesicles,
    held_in_media_claims, induced_in_cells_claims, induced_model_claims, makers_after, own_vesicle_claims,
    primed_claims, raised_after_claims, released_means, stimulated_factor_claims, summarised_effect_claims,
    thereby_claims, treated_arm, treated_arm_claims, trial_design_claims, vesicle_cargo_claims,
)
from msckg.loaders.relations.notation import (
    after_label, arrow_claims, bracket_approval_claims, closing_bracket, field_line_claims, indication_field_claims,
    line_start, marker_line_claims, marker_profile_claims, marker_share_claims, PHENOTYPE_LABELS, product_label,
    signed_marker_claims, source_field_claims,
)
from msckg.loaders.relations.administration import GIVING_VERBS, administration_claims
from msckg.loaders.relations.actions import action_noun_claims, expression_in_source_claims, owner_of_action
from msckg.loaders.relations.credited import ATTRIBUTING, DEPENDS, credited_factor_claims, relied_on_enzyme_claims
from msckg.loaders.relations.definitions import rewrite_definition
from msckg.loaders.relations.lead_in import is_lead_in, item_body, joined
from msckg.loaders.relations.loss_of_function import (
    LOSS_OPENERS, LOSS_VERBS, loss_named_after, loss_of_function_claims, undone_rise_claims,
)
from msckg.loaders.relations.notices import hedge_doubted
from msckg.loaders.relations.patents import ClaimRegister, method_claims
from msckg.loaders.relations.recommendations import recommendation_claims, trials_only_claims
from msckg.loaders.relations.topics import topic_claims
from msckg.loaders.relations.rules import NEGATION_SEARCH, Rules, TriggerRule, load_rules
from msckg.loaders.relations.sentence_model import (
    ACTIVE_STATES, ADVERBS, AUTHOR_YEAR, AUXILIARIES, BE_FORMS, Candidate, CITATION, CONNECTOR_WORDS, CONTRAST,
    CAUSE_WORDS, CELL_MODIFIERS, DESCRIPTION_WORDS, DETERMINERS, DISEASE_MODIFIERS, Group, group_at, HEAD_NOUNS,
    HEDGE_BARRIERS, INACTIVE_STATES, is_modifier, Item, LIGHT_WORDS, made_by, NOUN_ENDINGS, POPULATIONS, PREPOSITIONS,
    PRODUCT_NOUNS, participle_start, PRIMED_WORDS, PRIMING_NOUNS, SETTING_LINKS, reduced_relative_form, SentenceModel,
    share_lacked, SIGNAL_STATES, STUDIES, SUBORDINATORS, THAT_COMPLEMENT, TOPIC, TOPIC_REACH, Trigger, amount_sign,
)
from msckg.loaders.relations.study_titles import study_title_claims
from msckg.loaders.relations.tables import TableClaims
from msckg.loaders.vocabulary import Term


def extract_claims(document: Document, mentions: list[Mention], recognizer: EntityRecognizer) -> list[Claim]:
    """Typed claims from the sentences and tables of ``document``, in a deterministic order.

    ``confidence`` of one claim = trigger strength (from ``triggers.tsv``)
    - 0.15 if hedged - 0.02 per word beyond 2 between the trigger and its two
    arguments (at most 0.2) - 0.05 when the subject was inferred (anaphora, a
    shared subject, or the sentence topic), clamped to [0.5, 0.95].
    """
    return _Extractor(document, mentions, recognizer, load_rules()).run()


# the tissues of an animal or patient where a factor is measured ("expression of claudin-5 in spinal cord vessels")
TISSUE_PLACES = {"vessels", "vessel", "tissue", "tissues", "lesion", "lesions", "kidney", "kidneys", "liver", "livers",
                 "lung", "lungs", "brain", "brains", "spinal", "colon", "colons", "serum", "plasma", "synovium",
                 "cartilage", "heart", "hearts", "skin", "wound", "wounds", "joint", "joints", "islets", "muscle",
                 "infarct", "myocardium", "cornea", "retina", "intestine", "mucosa", "epithelium", "endothelium"}


# the first word of a study's trigger, or of patients given the cells ("received", "were given"): the setting
# of a benefit claimed in the same sentence, not a study of its own
STUDY_SETTINGS = STUDIES | {"received", "were", "was"} | GIVING_VERBS


#: How many sentences back "all three sources" may find the sources named together (a methods section apart).
TOGETHER_REACH = 20


def _marker_share(model: SentenceModel, order: tuple, claim: Claim) -> tuple[tuple, Claim]:
    """"no more than 2% positive for CD34", "fewer than 2% of the cells express CD34", "..., whereas fewer than 2%
    expressed CD34": a share of at most 2 % marks a marker the cells lack (ISCT)."""
    if claim.type != "EXPRESSES" or dict(claim.properties).get("negative"):
        return order, claim
    items = model.items
    t = order[0]
    if t >= 1 and items[t - 1].text == "%":
        t -= 1
    elif t >= 3 and ([x.text for x in items[t - 3:t]] in (["%", "of", "cells"], ["%", "of", "the"])
                     or [x.text for x in items[t - 3:t - 1]] == ["%", "of"] and items[t - 1].indirect):
        t -= 3      # (an anaphor may stand in for "the cells": "1.5% of the cells expressed CD45")
    elif t >= 4 and [x.text for x in items[t - 4:t]] == ["%", "of", "the", "cells"]:
        t -= 4
    else:
        return order, claim
    if t < 1 or not items[t - 1].text.isdigit():
        return order, claim
    share, t = float(items[t - 1].text), t - 1
    if t >= 2 and items[t - 1].text == "." and items[t - 2].text.isdigit():      # "1.5" is read as 1 . 5
        share, t = float(f"{items[t - 2].text}.{items[t].text}"), t - 2
    if share_lacked(share, tuple(x.text for x in items[max(0, t - 3):t])):
        return order, replace(claim, properties=tuple(sorted({**dict(claim.properties), "negative": True}.items())))
    return order, claim


def _modifier_subject(model: SentenceModel, order: tuple, claim: Claim) -> bool:
    """"ADSC-conditioned medium decreased the expression of α-SMA": a source that only names where the vesicles
    or medium come from is not what expresses the factor."""
    items, s = model.items, order[1] if len(order) > 1 else -1
    return claim.type == "EXPRESSES" and claim.trigger not in CARRY_FORMS and 0 <= s < len(items) - 2 \
        and items[s].kind == "ent" and items[s + 1].text == "-" and items[s + 2].kind == "ent" \
        and items[s + 2].term.kind == "vesicle"


# participles glued to a stimulus ("TGF-β1-induced", "LPS-stimulated"); "IL-6-dependent effects" are IL-6's own
INDUCING = {"induced", "driven", "stimulated", "activated", "treated", "primed", "evoked", "triggered", "challenged"}


# participles glued to what engineered cells make ("IL-10-secreting BM-MSCs", "CXCR4-overexpressing MSCs")
MAKING = {"secreting", "expressing", "overexpressing", "producing", "releasing"}


def _modifying_agent(model: SentenceModel, order: tuple, claim: Claim) -> bool:
    """"HGF suppressed TGF-β1-induced Smad2/3 phosphorylation, supporting an anti-fibrotic mechanism": a factor
    glued to "-induced" or "-driven" only qualifies the noun after it; it is the agent of that participle alone,
    not of a verb further on. So is one glued to "-secreting" before the cells that make it ("IL-10-secreting
    BM-MSCs lowered colonic IL-17A": the cells lowered it)."""
    items, s = model.items, order[1] if len(order) > 1 else -1
    if not (0 <= s < len(items) - 2 and order[0] > s + 2 and not claim.trigger.startswith("-")
            and items[s + 1].text == "-" and items[s + 1].start == items[s].end):
        return False
    if items[s + 2].text in INDUCING:
        return True
    return items[s + 2].text in MAKING and s + 3 < len(items) and items[s + 3].kind == "ent" \
        and items[s + 3].term.label == schema.MSC_SOURCE


def _exposed_cells_act(model: SentenceModel, order: tuple, claim: Claim) -> bool:
    """"Dendritic cells exposed to MSCs fail to up-regulate CD80 ... and secrete less IL-12": the cells named
    before "exposed to" are the subject of the verb after; what they were exposed to is not."""
    items, s = model.items, order[1] if len(order) > 1 else -1
    if not 0 <= s < len(items) or order[0] <= s:
        return False
    k = s - 1
    while k >= 0 and items[k].kind == "word" and items[k].text in ("the", "their", "human", "primed", "licensed"):
        k -= 1
    medium = next((f - 1 for f in range(max(1, s - 4), s) if makers_after(items, f) == s), None)
    if medium is not None and items[medium].kind == "ent" and items[medium].term.kind == "vesicle":
        k = medium - 1      # "macrophages cultured in conditioned medium from (IL-10-secreting) MSCs expressed more
        # CD206": the cells that made the medium
    if k < 2 or (items[k - 1].text, items[k].text) not in EXPOSED_IN:
        return False
    cells = participle_start(items, k - 1) - 1     # (before "co-cultured with" too)
    return cells >= 0 and items[cells].kind == "ent" and items[cells].term.label == schema.CELL_TYPE


def _modifying_participle(model: SentenceModel, i: int) -> bool:
    """"MSC-derived vesicles carrying miR-145 and KGF mRNA restored ... and reduced ...": the present participle
    at ``i``, right after its noun, describes the noun; whose subject it took is no subject for the verbs of the
    clause."""
    items = model.items
    return i > 0 and items[i - 1].kind == "ent" and items[i].kind == "word" and items[i].text.endswith("ing")


def _taken_away(model: SentenceModel, order: tuple, claim: Claim) -> bool:
    """"The depletion of tryptophan arrests T cells", "knockdown of TSG-6 abolished ...": what the loss of a
    factor does is no action of the factor (loss_of_function reads what it says about the factor; _lost_agent
    turns over what the loss does to another factor)."""
    items, s = model.items, order[1] if len(order) > 1 else -1
    if len(order) > 2 and 0 <= order[2] < len(items) and owner_of_action(items, order[2]) and _lost(model, order):
        return True     # "Inhibiting miR-29b-3p abolished the antifibrotic effect of the resulting EVs"
    return claim.type in ("TARGETS", "MODULATES", "TREATS") and _lost(model, order)


def _blocker_after_passive(model: SentenceModel, order: tuple) -> bool:
    """The agent after a passive verb is a drug that blocks the factor named in it: "The pro-apoptotic effect of
    BM-MSC-CM was blocked by the anti-c-Met antibody" (c-Met does not block the medium; its loss did)."""
    items, s = model.items, order[1] if len(order) > 1 else -1
    if not 0 < s < len(items) or order[0] >= s or not any(items[x].text == "by" for x in range(order[0], s)):
        return False    # (after "via", "p38 MAPK inhibition" is the means, read by the trigger's own rule)
    return loss_named_after(items, s) or s >= 2 and items[s - 1].text == "-" and items[s - 2].text.lower() == "anti"


def _respectively(model: SentenceModel, found: list[tuple[tuple, Claim]]) -> list[tuple[tuple, Claim]]:
    """"PD-L1 and HLA-G engage PD-1 on T cells and ILT2 on NK cells, respectively": the subjects and objects of one
    verb pair off in the order written (PD-L1 with T cells, HLA-G with NK cells), not each with each."""
    items = model.items
    marks = [i for i, it in enumerate(items) if it.kind == "word" and it.text == "respectively"]
    if not marks:
        return found
    by_verb: dict[tuple, list[tuple[tuple, Claim]]] = {}
    for order, claim in found:
        if len(order) > 2:
            by_verb.setdefault((order[0], claim.type), []).append((order, claim))
    drop = set()
    for claims in by_verb.values():
        subjects = sorted({o[1] for o, _ in claims})
        objects = sorted({o[2] for o, _ in claims})
        if len(subjects) < 2 or len(subjects) != len(objects) \
                or not any(max(objects) < m and model.clause[m] == model.clause[max(objects)] for m in marks):
            continue
        drop.update(id(c) for o, c in claims if subjects.index(o[1]) != objects.index(o[2]))
    return [(o, c) for o, c in found if id(c) not in drop]


def _on_the_cells(model: SentenceModel, factors: Group, cells: Group) -> bool:
    """``factors`` stand on the surface of the MSCs of ``cells``: "PD-L1 and HLA-G on (licensed) MSCs"."""
    items = model.items
    between = [x for x in items[factors.last + 1:cells.first] if x.text != "-"]
    return bool(between) and between[0].text == "on" and len(between) <= 3 and all(
        x.kind == "word" for x in between) and all(items[m].term.label == schema.FACTOR for m in factors.members) \
        and all(items[m].term.label == schema.MSC_SOURCE for m in cells.members)


def _cells_it_acts_in(model: SentenceModel, acting: Group, cells: Group, verb_last: int) -> bool:
    """``cells`` are where ``acting`` works and the clause's object, not its subject: "activates the PI3K/Akt
    pathway in endothelial cells, which protects them from apoptosis" (the clause protects "them")."""
    items = model.items
    between = [x for x in items[acting.last + 1:cells.first] if x.text != "-"]
    return bool(between) and between[0].text == "in" and len(between) <= 2 \
        and all(items[m].term.label == schema.CELL_TYPE for m in cells.members) \
        and any(items[m].term.label in (schema.FACTOR, schema.PATHWAY) for m in acting.members) \
        and verb_last + 1 < len(items) and items[verb_last + 1].text == "them"


def _opening_participle(model: SentenceModel, trig: Trigger) -> bool:
    """"Released Wharton's jelly MSC lots were ...", "Activated T cells secrete ...": a one-word participle opening
    the sentence right before an entity describes it; it is no verb."""
    items, first = model.items, trig.first
    return first == line_start(model) and first == trig.last and items[first].text.endswith("ed") \
        and first + 1 < len(items) and items[first + 1].kind == "ent"


def _cells_treated(model: SentenceModel, trig: Trigger) -> bool:
    """"in astrocytes stimulated with IL-1α": a past participle between cells and "with" says what was done to the
    cells; it is no verb whose subject stands before the cells."""
    items = model.items
    return " " not in trig.form and trig.form.endswith("ed") and trig.first > 0 and trig.last + 1 < len(items) \
        and items[trig.first - 1].kind == "ent" and items[trig.first - 1].term.label == schema.CELL_TYPE \
        and items[trig.last + 1].text == "with"


def _lost(model: SentenceModel, order: tuple) -> bool:
    """The subject of the verb is a factor taken away: "Knockdown of TSG-6 increased ...", "NF-κB inhibition with
    BAY 11-7082 decreased ..." (not "TSG-6 inhibition of NF-κB", where the factor is the one inhibiting)."""
    items, s = model.items, order[1] if len(order) > 1 else -1
    if not 0 <= s < len(items) - 1 or order[0] <= s:
        return False
    return any(tuple(it.text for it in items[max(0, s - len(p)):s]) == p for p in LOSS_OPENERS) \
        or order[0] > s + 1 and loss_named_after(items, s) or _fallen(model, s)


# a factor whose output falls, opening the sentence: "Reduced HMGB1 release dampens NLRP3 activation" (what less of
# it does less, it does)
FALLEN = {"reduced", "decreased", "lower", "lowered", "diminished", "less", "impaired"}
FALLEN_OUTPUTS = OUTPUT_NOUNS | {"signalling", "signaling", "activity"}


def _fallen(model: SentenceModel, s: int) -> bool:
    """The subject at ``s`` is a factor's output said to fall, opening the sentence: "Reduced HMGB1 release"."""
    items = model.items
    return s >= 1 and s - 1 == after_label(model) and items[s - 1].kind == "word" and items[s - 1].text in FALLEN \
        and s + 1 < len(items) and items[s + 1].text in FALLEN_OUTPUTS


# a copula and a verb of opinion between "and" and a noun trigger: "and are considered (to be) drivers of"
VIEWED_AS = {"is", "are", "was", "were", "be", "considered", "thought", "regarded", "believed", "as", "to"}
# relations of a verb that changes its object ("suppresses", "reduced", "increased")
CHANGE_RELATIONS = {"ACTIVATES", "INHIBITS", "MODULATES", "TARGETS"}


# what taking a factor away shows of its own action on another: the opposite of what the loss did
OPPOSITE = {"ACTIVATES": "INHIBITS", "INHIBITS": "ACTIVATES"}
# words between a factor taken away and the factor measured that turn the change over once more: the loss
# "abolished the reduction of MMP-9", the cells "lost ... the reduction of MMP-9"
UNDOING = LOSS_VERBS | {"lost", "loses", "lose"}
FALL_NOUNS = {"reduction", "reductions", "decrease", "decreases", "fall", "drop", "decline", "suppression",
              "downregulation", "lowering"}
# the same fall as an infinitive: the loss "abolished their ability to lower synovial IL-1β"
FALL_VERBS = {"lower", "reduce", "decrease", "suppress", "inhibit", "limit", "attenuate", "dampen", "diminish",
              "downregulate"}


def _fall_word(items: list[Item], x: int) -> bool:
    """Item ``x`` names a fall: "the reduction of", "(their ability) to lower"."""
    return items[x].text in FALL_NOUNS or items[x].text in FALL_VERBS and x > 0 and items[x - 1].text == "to"


# words between MSCs and the factor they lost ("GMSCs in which CD73 had been knocked down", "MSCs transfected with
# TSG-6 siRNA"), and the words of the loss after the factor
# words before the cells a sentence opens in: "In cultured rat chondrocytes, IL-1β stimulated MMP-13"
CELL_CONTEXT_MODIFIERS = CELL_MODIFIERS | {"rat", "rabbit", "porcine", "canine", "equine", "isolated", "activated"}
CELL_LOSS_LINKS = {"in", "which", "transfected", "with", "a", "an", "the"}
CELL_LOSS_WORDS = {"sirna", "shrna", "knockdown", "knocked", "silenced", "deleted", "depleted", "knockout"}


def _loss_in_cells(model: SentenceModel, order: tuple) -> bool:
    """The subject is a factor the MSCs before it were made to lose ("GMSCs in which CD73 had been knocked down
    failed to reduce IL-17", "GMSCs transfected with TSG-6 siRNA did not restore ZO-1"): what the cells then did
    not do, the factor does."""
    items, s = model.items, order[1] if len(order) > 1 else -1
    if not 0 < s < len(items) or order[0] <= s or items[s].kind != "ent" \
            or items[s].term.label not in (schema.FACTOR, schema.PATHWAY):
        return False
    j = s - 1
    while j > 0 and items[j].kind == "word" and items[j].text in CELL_LOSS_LINKS:
        j -= 1
    return j < s - 1 and items[j].kind == "ent" and items[j].term.label == schema.MSC_SOURCE \
        and any(items[x].text.lower() in CELL_LOSS_WORDS for x in range(s + 1, order[0])) \
        and not any(items[x].text in UNDOING for x in range(s + 1, order[0] + 1))   # ("lost the reduction of")


def _lost_agent(model: SentenceModel, order: tuple, claim: Claim) -> Claim:
    """"NF-κB inhibition with BAY 11-7082 decreased COX-2 expression": NF-κB activates COX-2; "knockdown of TSG-6
    increased TNF-α": TSG-6 inhibits it. "TSG-6 knockdown abolished the reduction of MMP-9" (and "TSG-6 siRNA
    lost the reduction of MMP-9", "abolished their ability to lower IL-1β"): the loss undid a fall, so TSG-6
    inhibits MMP-9. "MSCs transfected with TSG-6 siRNA did not restore ZO-1": TSG-6 does (_loss_in_cells)."""
    if claim.negated and _loss_in_cells(model, order):
        return replace(claim, negated=False)
    if claim.type in OPPOSITE and model.item(order[1]).term.label in (schema.FACTOR, schema.PATHWAY) \
            and _lost(model, order):
        items, t, s = model.items, order[0], order[1]
        o = order[2] if len(order) > 2 else len(items)
        turns = sum(1 for x in range(s + 1, min(o, len(items))) if x != t and items[x].kind == "word"
                    and (_fall_word(items, x) and items[t].text in UNDOING
                         or items[x].text in UNDOING and _fall_word(items, t)))
        return claim if turns % 2 else replace(claim, type=OPPOSITE[claim.type])
    return claim


# "IL-10 and TGF-β1 have anti-inflammatory effects": a verb of having before the mechanisms
HAVING = {"have", "has", "had", "possess", "possesses", "possessed", "display", "displays", "show", "shows"}


def _possessed_effects(model: SentenceModel, groups: list[Group], add) -> None:
    """"IL-10 and TGF-β1 have anti-inflammatory effects", "secreted factors, including PGE2 and IL-10, which have
    anti-inflammatory and immunomodulatory effects": the factors (or pathways) mediate the mechanisms they are
    said to have."""
    items = model.items
    for v, item in enumerate(items):
        if item.kind != "word" or item.text not in HAVING or v + 1 >= len(items):
            continue
        mechanisms, k = [], v + 1
        while k < len(items) and (items[k].kind == "ent" and items[k].term.label == schema.MECHANISM
                                  or items[k].text in ("and", ",", "both") and mechanisms):
            if items[k].kind == "ent":
                mechanisms.append(k)
            k += 1
        if not mechanisms:
            continue
        s = v - 1
        while s >= 0 and items[s].kind == "word" and items[s].text in ("also", "both", "all", "each"):
            s -= 1
        if s >= 2 and items[s].text in ("which", "that") and items[s - 1].text == ",":
            s -= 2      # ", which have": the noun phrase before the pronoun
        subject = next((g for g in groups if g.last == s), None)
        if subject is None:
            continue
        for m in subject.members:
            if items[m].term.label in (schema.FACTOR, schema.PATHWAY):
                for x in mechanisms:
                    add((v, m, x), "MEDIATES", items[m], items[x], item.text, 0.65,
                        model.words_between(m, x), False, False, clause=model.clause[v])


def _month(model: SentenceModel, i: int) -> bool:
    """Item ``i`` is the month May ("in May 2016", "on 3 May"), not the modal verb."""
    items = model.items
    number = lambda k: 0 <= k < len(items) and items[k].text.isdigit()
    return items[i].text == "may" and (number(i + 1) or number(i - 1))


def _fold_inducers(model: SentenceModel) -> list[tuple[int, Item, Item, str]]:
    """"attenuated cisplatin-induced AKI": the agent that makes a disease model is part of the disease's
    name, not an argument of the verb. Its items are taken out of the sentence; what it induces is returned
    as (position, agent, disease, cause word): IMPLICATED_IN when the agent is a biological factor
    ("IL-6-induced fibrosis"), nothing when it is a chemical that makes the model (LPS, bleomycin, CCl4)."""
    items = model.items
    out = []
    i = len(items) - 3
    while i >= 0:
        k = i + 2 if items[i + 1].text == "-" else i + 1
        if items[i].kind == "ent" and items[i].term.label in (schema.FACTOR, schema.PATHWAY) \
                and k + 1 < len(items) and items[k].text in CAUSE_WORDS and items[k + 1].kind == "ent" \
                and items[k + 1].term.label == schema.DISEASE:
            out.append((i, items[i], items[k + 1], f"-{items[k].text}"))
            del items[i:k + 1]
            del model.clause[i:k + 1]
        i -= 1
    return [(at, agent, items[at], words) for at, agent, _, words in reversed(out)]


def _cells_own_noun(model: SentenceModel, noun: int) -> bool:
    """A cell type stands right before the noun of making at ``noun`` ("macrophage secretion of TNF-α", "the
    T-cell production of IFN-γ"), or a tissue ("Endometrial expression of VEGF"): the cells or the tissue make it."""
    k = noun - 1
    return k >= 0 and (model.items[k].kind == "ent" and model.items[k].term.label == schema.CELL_TYPE
                       and not model.items[k].indirect
                       or model.items[k].kind == "word" and model.items[k].text in TISSUE_OWNERS)


# tissues named before a noun of making: "Endometrial expression of VEGF and HGF is reduced in women with ..."
TISSUE_OWNERS = {"endometrial", "renal", "hepatic", "synovial", "ovarian", "pulmonary", "myocardial", "cardiac",
                 "intestinal", "colonic", "lesional", "cutaneous", "glomerular", "tubular", "placental", "tumour",
                 "tumor", "wound", "cartilage", "serum", "plasma", "lung", "liver", "kidney", "skin", "brain",
                 "retinal", "corneal", "articular", "epithelial", "neuronal"}


def _bare_route(model: SentenceModel, i: int) -> bool:
    """Item ``i`` is a pathway named alone right after "through"/"via" and before punctuation or the end: "raise
    COX-2 and PGE2 through NF-κB, as ...", the route the agent takes, so active."""
    items = model.items
    return i > 0 and items[i - 1].text in ("through", "via") and items[i].kind == "ent" \
        and (i + 1 >= len(items) or items[i + 1].kind == "punct")


def _in_apposition(model: SentenceModel, k: int, end: int) -> bool:
    """Item ``k`` stands in an apposition that a comma closes before item ``end``: "LL-37, a peptide secreted by
    MSCs, may contribute"."""
    items = model.items
    start = next((x for x in range(k - 1, -1, -1) if items[x].text == ","), None)
    return start is not None and start + 1 < k and items[start + 1].text in ("a", "an") \
        and any(items[x].text == "," for x in range(k + 1, end))


def _cells_made_earlier(model: SentenceModel, k: int) -> bool:
    """Before item ``k`` the sentence gave a cell type a noun of making ("UC-MSCs lowered macrophage secretion of
    TNF-α and raised IL-10 secretion"), and no MSC source or product stands between: what is made later in the
    sentence is made by those cells too."""
    items = model.items
    for x in range(k - 1, 0, -1):
        if items[x].kind == "ent" and items[x].term.label in (schema.MSC_SOURCE, schema.PRODUCT):
            return False
        if items[x].text in FACTOR_OUTPUTS and _cells_own_noun(model, x):
            return True
    return False


def _new_pronoun_clause(model: SentenceModel, a: int, b: int) -> bool:
    """Between items a and b a clause of its own starts with a pronoun: "... and it pushes", ", which we ..."."""
    items = model.items
    return any(items[x].text in (",", "and", "but") and items[x + 1].kind == "word"
               and items[x + 1].text in ("it", "we", "this", "these") for x in range(a + 1, b - 1))


AGENT_LABELS = (schema.MSC_SOURCE, schema.PRODUCT, schema.CELL_TYPE)
FRONTED = {"after", "upon", "following", "when", "under", "on", "with", "without", "once"}


def _telegraphic(model: SentenceModel, trig: Trigger, verbs: frozenset[str]) -> bool:
    """A datasheet's line with no subject: "CC Secretome: Constitutively secretes IL-6", "Negative for CD34",
    "After priming with IFN-γ, expresses IDO1". A verb in the third person singular (not an imperative) or
    "positive/negative for" opens the line, after a field label and a fronted phrase at most. ``verbs``: the
    first words of the secretion and expression triggers."""
    items = model.items
    head = trig.form.split()[0]
    if not (head in ("positive", "negative") or head.endswith("s") and not head.endswith("ss")):
        return False
    start = line_start(model)
    colon = max((k for k in range(start, trig.first) if items[k].text == ":"), default=None)
    if colon is not None:
        if colon - start > 6 or any(items[k].kind == "ent" and items[k].term.label in AGENT_LABELS
                                    for k in range(start, colon)):
            return False    # ("CC Secretome:" is a field label, "ADSCs:" a subject)
        start = colon + 1
    if start < trig.first and items[start].text in FRONTED:
        comma = next((k for k in range(start, trig.first) if items[k].text == ","), None)
        if comma is None:
            return False
        start = comma + 1
    while start < trig.first and items[start].kind == "word" and items[start].text.endswith("ly"):
        start += 1
    if start < trig.first and items[trig.first - 1].text == "and":
        # "expresses IDO1 and secretes PGE2": the second verb of the line shares its missing subject
        return items[start].kind == "word" and items[start].text in verbs
    return start == trig.first


def _unnamed_subject(model: SentenceModel, a: int, verb: int) -> bool:
    """A clause of its own opens between item ``a`` and the verb with a subject that names no entity: ", and
    together they turn on COX-2", ", and in endothelial cells the gel switched on PI3K/Akt signalling"."""
    items = model.items
    k = verb - 1
    while k > a and items[k].kind == "word" and items[k].text in ADVERBS | AUXILIARIES | MODALS:
        k -= 1
    if k <= a or items[k].kind != "word":
        return False
    if items[k].text in ("they", "it", "we", "this", "these", "those"):
        start = k
    elif k - 1 > a and items[k - 1].text in ("the", "this", "these", "our", "their") and items[k].text.isalpha():
        start = k - 1
    else:
        return False
    return any(items[x].text in (",", ";", ":", "and", "but") for x in range(a + 1, start))


def _before_articles(model: SentenceModel, k: int) -> int:
    """The index before item ``k``, past the articles right before it ("reduced the expression of")."""
    i = k - 1
    while i >= 0 and model.items[i].kind == "word" and model.items[i].text in ("the", "a", "an"):
        i -= 1
    return i


def _disease_setting(model: SentenceModel, i: int) -> bool:
    """Item i is the disease another disease occurs in: "perianal fistulas in Crohn's disease", "complex perianal
    fistulas in adults with Crohn's disease", "in adult patients with"; a bracketed aside may stand between
    ("knee cartilage defects (ICRS grade 3 or 4) in adults with knee osteoarthritis")."""
    items = model.items
    k = i - 1
    if k >= 2 and items[k].text == "with" and items[k - 1].text in POPULATIONS:
        k -= 2
        if k >= 1 and items[k].text != "in" and items[k].kind == "word":
            k -= 1      # "adult patients"
    if k < 1 or items[k].text != "in":
        return False
    k -= 1
    if items[k].text == ")":
        opening = next((x for x in range(k - 1, -1, -1) if items[x].text in ("(", ")")), None)
        if opening is None or items[opening].text != "(":
            return False
        k = opening - 1
    return k >= 0 and items[k].kind == "ent" and items[k].term.label == schema.DISEASE


# a copula that gives its subject the noun after it: "Exosomes are tiny vesicles that ..."
COPULA_FORMS = ("is", "are", "was", "were")


# nouns an MSC source may describe without acting: "the MSC immunophenotype", "the MSC criteria"
DESCRIBED_NOUNS = PHENOTYPE_LABELS | {"criteria", "definition", "identity"}


def _describes_noun(model: SentenceModel, group: Group) -> bool:
    """``group`` is an MSC source between an article and a noun it describes ("share the MSC immunophenotype")."""
    items = model.items
    return group.first > 0 and items[group.first - 1].text in DETERMINERS and group.last + 1 < len(items) \
        and items[group.last + 1].text in DESCRIBED_NOUNS \
        and all(items[m].term.label == schema.MSC_SOURCE for m in group.members)


# words that may qualify how much one level differs from another: "about 40% lower", "only twofold higher"
ROUGHLY = {"about", "approximately", "nearly", "almost", "only"}


# what may describe the amount a cell makes: "with high IL-10 production"
AMOUNT_WORDS = {"high", "higher", "low", "lower", "increased", "reduced", "more", "less", "greater", "elevated"}


def _labels_bracketed_list(model: SentenceModel, group: Group, heads: frozenset[str]) -> bool:
    """``group`` is a mechanism naming the kind of the factors in brackets after it ("immunoregulatory (TGF-β1,
    PGE2)", "immunoregulatory factors (TGF-β1, PGE2)"; ``heads``: the rules' factor_head nouns)."""
    items = model.items
    k = group.last + 1
    k += k < len(items) and items[k].text in heads
    return all(items[m].term.label == schema.MECHANISM for m in group.members) \
        and k + 1 < len(items) and items[k].text == "(" and items[k + 1].kind == "ent"


def _hyphen_part(model: SentenceModel, x: int) -> bool:
    """Item ``x`` is a word of a hyphenated compound ("ischemia-reperfusion AKI", "cisplatin-induced")."""
    items = model.items
    return items[x].kind == "word" and (x + 1 < len(items) and items[x + 1].text == "-" or x > 0
                                        and items[x - 1].text == "-")


def _lists_diseases_on(model: SentenceModel, comma: int) -> bool:
    """The comma at ``comma`` joins a disease before it to one more after it ("myocardial infarction, acute
    kidney injury and ARDS"), not a setting to the clause it frames."""
    items = model.items

    def disease(x: int) -> bool:
        return 0 <= x < len(items) and items[x].kind == "ent" and items[x].term.label == schema.DISEASE
    after = comma + 1 + (comma + 1 < len(items) and items[comma + 1].text in ("and", "or"))
    return disease(comma - 1) and disease(after)


# words after a comma that turn to a clause of its own: ", although it was later approved", ", but ..."
TURNS = CONTRAST | {"but", "yet", "while"}


def _approval_scope(model: SentenceModel, diseases: list[int], cues: list[tuple[int, int, tuple]]) -> list[int]:
    """The diseases an approval cue speaks of: not one in a later clause with a predicate and no product of its
    own ("approved for knee cartilage defects, and injections of adipose MSCs are being studied in knee OA"),
    nor one before a contrast when the approval names its own ("missed its endpoint in a trial in SR-aGvHD,
    although it was later approved for paediatric acute GvHD")."""
    items = model.items
    products = [i for i, it in enumerate(items) if it.kind == "ent" and it.term.label == schema.PRODUCT]

    def later_clause(last: int, d: int) -> bool:
        for k in range(last + 1, d - 1):
            if items[k].text != "," or any(k < p < d for p in products):
                continue
            if items[k + 1].text in TURNS:
                return True
            if items[k + 1].text == "and" and any(
                    items[x].text in AUXILIARIES and (items[x + 1].text == "being" or items[x + 1].text.endswith("ed"))
                    for x in range(k + 2, d - 1)):
                return True
        return False

    def reaches_back(d: int, first: int, last: int) -> bool:
        contrast = any(items[k].text in TURNS and items[k - 1].text == ","
                       for k in range(d + 1, first))
        own = any(e > last and not later_clause(last, e) for e in diseases)
        return not (contrast and own)

    kept = []
    for d in diseases:
        if any(last < d and not later_clause(last, d) for _, last, _ in cues) \
                or any(first > d and reaches_back(d, first, last) for first, last, _ in cues):
            kept.append(d)
    return kept


# "PGE2 is the one that reprograms macrophages": the noun a copula names its subject by, before "that"
CLEFT_NOUNS = {"one", "ones", "factor", "factors", "molecule", "molecules", "mediator", "mediators", "cytokine"}


def _cleft(model: SentenceModel, start: int, end: int) -> bool:
    """Items start..end (before a relative pronoun) are "[,] is the one", "are the main factors": the clause
    says what the noun phrase before the copula does."""
    words = [it.text for it in model.items[start:end] if it.text != ","]
    return len(words) in (3, 4) and words[0] in ("is", "are", "was", "were") and words[1] == "the" \
        and words[-1] in CLEFT_NOUNS


# what ends the words before the tissue inside a product's brackets ("Temcell (bone marrow MSCs)")
BRACKET_STOPS = {"(", ")", ",", ";", ":", "[", "]"}


# "IDO and PGE2, both of which suppress T cells": the pronoun stands for the whole list
QUANTIFIERS = {"both", "all", "each", "either", "most", "many", "some", "several"}


def _quantified(model: SentenceModel, start: int, end: int) -> bool:
    """Items start..end (before a relative pronoun) are ", both of", ", each of"."""
    words = [it.text for it in model.items[start:end] if it.text != ","]
    return len(words) == 2 and words[0] in QUANTIFIERS and words[1] == "of"


# modal verbs that open a further predicate of the same subject after a comma
MODALS = {"may", "might", "can", "could", "also", "will", "would"}
# words that join clauses: no verb phrase runs across them
CLAUSE_JOINS = {"and", "or", "but", "whereas", "while", "although", "because", "since", "if"}
# "IDO converts tryptophan into kynurenine"
CONVERTS = {"converts", "convert", "converted", "converting", "catabolises", "catabolizes", "metabolises",
            "metabolizes"}
# what an inducer brings about in a factor: "TGF-β1-induced phosphorylation of Smad3", "TNF-α-induced IL-6 secretion"
INDUCED_OUTPUTS = FACTOR_OUTPUTS | SIGNAL_STATES | {"upregulation", "translocation"}
# participles of induction: "IDO is induced in MSCs by IFN-γ"
INDUCED = {"induced", "upregulated", "up-regulated", "activated", "stimulated", "increased", "enhanced", "triggered"}
# words before an approval cue that make it a request, not a decision: "seeks approval", "pending approval"
SOUGHT = {"seek", "seeks", "seeking", "sought", "pending", "proposed", "request", "requests", "requested",
          "awaiting", "awaits", "for"}
# a product described after a comma: "Darvadstrocel, a suspension of donor adipose-derived MSCs, ..."
MADE_FROM = {"from", "suspension", "suspensions"}
# verbs of a product's relative clause that name what it is made of
COMPOSED_OF = {"combines", "combine", "contains", "contain", "comprises", "comprise", "consists"}
APPOSITION_WORDS = DESCRIPTION_WORDS | {"of", "donor", "pooled", "made", "prepared", "human"}


# words before a stimulus that sets the scene of a verb rather than being acted on ("after LPS challenge")
SETTING_TIMES = {"after", "following", "before", "upon"}
# verbs after which "that" opens a clause of its own ("demonstrating that IDO contributes")
REPORTING = THAT_COMPLEMENT | {"demonstrating", "showing", "indicating", "confirming", "suggesting", "meaning",
                               "implying", "proving", "revealing"}
# adverbs of consequence between "and" and the verb it chains ("and could therefore improve")
CONSEQUENCE = {"therefore", "thus", "hence", "consequently", "accordingly"}
# words opening a condition, whose own verb takes what follows it
CONDITIONS = {"if", "unless", "provided", "whether"}
# how many tissues one list names before "they" in the next sentence stand for the MSCs at large, not the first
SOURCE_LIST = 3
# words that set the tissues against each other rather than list them ("express more tissue factor than")
CONTRASTED = {"than", "whereas", "while", "but", "versus", "vs"}
# how many factors named in the last sentences "these four factors" may reach back over
HISTORY_LENGTH = 12
# the participles by which an agent is said to work through a pathway: "IFN-γ, acting through JAK/STAT"
# how a relative clause says where cells come from: "which are taken from", "that were isolated from"
TAKEN_WORDS = {"are", "were", "is", "was", "taken", "derived", "isolated", "obtained", "harvested", "collected",
               "grown", "expanded", "from", "the"}
# the animals a disease model is named with: "In rodent ischemia-reperfusion AKI, ..."
_ANIMAL_WORDS = {"rodent", "murine", "mouse", "rat", "animal", "experimental"}
MODEL_ANIMALS = _ANIMAL_WORDS | {"porcine", "canine", "ovine"}
# an outcome a trial measures, and how it is said not to have differed between the arms
OUTCOME_HEADS = {"response", "responses", "remission", "survival", "benefit", "efficacy", "improvement", "rate"}
NO_DIFFERENCE = [("did", "not", "differ"), ("was", "not", "different"), ("were", "not", "different"),
                 ("was", "similar"), ("were", "similar"), ("did", "not", "improve"), ("was", "comparable"),
                 ("were", "comparable"), ("was", "no", "better"), ("did", "not", "reach")]
# what a company hopes for: "our expectations regarding regulatory approval"
HOPES = {"expectations", "expectation", "expect", "timing", "plans", "plan", "hope", "hopes", "seek", "anticipate"}
# "... has not been shown": a denied outcome
SHOWN_WORDS = {"shown", "demonstrated", "established", "proven", "proved", "confirmed", "observed", "seen"}
# the words that set a disease model after what was treated: "in a mouse model of ARDS", "in rats with cirrhosis"
MODEL_WORDS = _ANIMAL_WORDS | {"in", "a", "an", "the", "mice", "rats", "rodents", "animals", "model", "models", "of",
                               "with", "patients", "pigs", "dogs", "preclinical"}
# "the ability of their conditioned medium to ...": whose ability a verb acts on
ABILITY_NOUNS = {"ability", "capacity", "capability", "potential", "power"}
# "independently of IDO", "regardless of TSG-6": what an effect does not rest on
APART_FROM = {"independently", "independent", "regardless", "irrespective"}
ACTING_WORDS = {"acting", "signalling", "signaling", "working"}


def _acting_through(model: SentenceModel, s: int) -> int | None:
    """The agent whose way of acting item ``s`` is named in ("PGE2 acting through EP2 and EP4", "IFN-γ, acting
    through JAK/STAT signalling,"): its item index, else None."""
    items = model.items
    k = s - 1
    while k > 0 and (items[k].kind == "ent" or items[k].text in ("and", ",", "/", "its", "their", "receptor",
                                                                    "receptors")):
        k -= 1
    if k < 2 or items[k].text not in ("through", "via") or items[k - 1].text not in ACTING_WORDS:
        return None
    a = k - 2 - (items[k - 2].text == ",")
    if a < 0 or items[a].kind != "ent" or items[a].term.label not in (schema.FACTOR, schema.PATHWAY):
        return None
    return a


def _agent_through_pathway(model: SentenceModel, found: list[tuple[tuple, Claim]]) -> list[tuple[tuple, Claim]]:
    """"IDO is induced by IFN-γ through JAK/STAT signalling", "the induction of IDO by IFN-γ through JAK/STAT":
    the pathway after "through"/"via" is the agent's way of acting, not something acting on the agent. The
    agent (after "by") activates the pathway, and the pathway does to the object what the agent does."""
    items = model.items
    out = []
    for order, claim in found:
        o = order[2] if len(order) > 2 else -1
        agent = _acting_through(model, order[1]) if len(order) > 2 and claim.trigger not in ("through", "via") \
            and order[0] > order[1] >= 0 else None
        if agent is not None:
            # "PGE2 acting through EP2 and EP4 induced IL-10": the receptors are PGE2's way of acting, PGE2 the agent
            moved = replace(claim, subject=items[agent].term)
            if moved.subject.id != moved.object.id and not any(
                    c.type == moved.type and c.subject.id == moved.subject.id and c.object.id == moved.object.id
                    for _, c in found):
                out.append(((order[0], agent, o), moved))
            continue
        main = None
        if claim.type == "MODULATES" and claim.trigger in ("through", "via") and o >= 1 and items[o - 1].text == "by" \
                and items[o].kind == "ent" and items[o].term.id == claim.object.id:
            main = next(((od, c) for od, c in found if len(od) > 2 and od[1] == o and c.type in ("ACTIVATES", "INHIBITS")
                         and c.subject.id == claim.object.id and c.object.id != claim.subject.id), None)
        if claim.type == "MODULATES" and claim.trigger in ("through", "via") and order[0] >= 1 \
                and items[order[0] - 1].text in ACTING_WORDS and 0 <= o < order[0] and items[o].kind == "ent" \
                and items[o].term.id == claim.object.id:
            # "IFN-γ, acting through JAK/STAT signalling, induces IDO": the agent before activates the pathway
            out.append(((order[0], o, order[1]), replace(claim, type="ACTIVATES", subject=claim.object,
                                                         object=claim.subject)))
            continue
        if main is None:
            out.append((order, claim))
            continue
        (_, _, patient), acted = main
        out.append(((order[0], o, order[1]), replace(claim, type="ACTIVATES", subject=claim.object,
                                                     object=claim.subject)))
        out.append(((order[0], order[1], patient), replace(claim, type=acted.type, object=acted.object)))
    return out


class _Extractor(TableClaims):
    """Claims of one document: sentence by sentence, then the tables."""

    def __init__(self, document: Document, mentions: list[Mention], recognizer: EntityRecognizer,
                 rules: Rules) -> None:
        self.document = document
        self.recognizer = recognizer
        self.rules = rules
        self.by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.sentence >= 0:
                self.by_sentence.setdefault(m.sentence, []).append(m)
        self.generic = recognizer.generic_msc
        self.document_source = dominant(mentions, schema.MSC_SOURCE, rival=self.generic.id)
        self.document_product = dominant(mentions, schema.PRODUCT)
        # the vesicles a document is about: "the vesicles" far from their last mention
        self.document_vesicle = dominant([m for m in mentions if m.term.kind == "vesicle"], schema.FACTOR)
        self.named_source: Term | None = None   # the MSC source the text last named, however far back
        self.made_of: dict[str, Term] = {}      # product id -> the MSC source the text said it is made of
        self.entry_factor = self._title_factor()
        self._verb_starts = frozenset(form[0] for form in rules.triggers)
        self._line_verbs = frozenset(form[0] for form, found in rules.triggers.items()
                                     if any(r.relation in ("SECRETES", "EXPRESSES") for r in found)) \
            | {"positive", "negative"}

    def _title_factor(self) -> Term | None:
        """The factor a document's title opens with ("TNFAIP6 - TNF alpha induced protein 6 (TSG-6) ...": an entry
        about that gene), if any."""
        found = self.recognizer.find_in_text(self.document.title or "")
        if found and found[0][0] == 0 and found[0][2].label == schema.FACTOR:
            return found[0][2]
        return None

    def run(self) -> list[Claim]:
        claims: list[Claim] = []
        recent: Term | None = None      # the MSC source the text last named
        age = 0                         # sentences since then
        pair: tuple[Term, ...] = ()     # the last two distinct MSC sources named in one sentence
        pair_age = 0
        together: list[tuple[int, tuple[Term, ...]]] = []   # (sentence count, two or more sources named in it)
        seen = 0
        factors: list[Term] = []        # the factors and the pathways the sentence before listed
        history: list[Term] = []        # the factors and pathways the last sentences named, the latest last
        opened: Term | None = None      # the vesicles, product or factor the sentence before opened with
        register = ClaimRegister(self.generic)  # a patent's numbered claims
        vesicle: Term | None = None     # the vesicles the text last named
        vesicle_age = 0
        lead: Sentence | None = None    # the sentence ending with a colon that the list items below finish
        lead_vesicle: Term | None = None    # the vesicles "the vesicles" of that sentence stand for
        names: list[tuple[tuple[str, ...], Term]] = []  # names the document defined ('"the cells of the invention"')
        for sentence in sorted(self.document.sentences, key=lambda s: (s.start, s.index)):
            mentions = self.by_sentence.get(sentence.index, [])
            previous_source = recent if recent is not None and age <= TOPIC_REACH else self.document_source
            cited = register.cited(sentence.text)     # "The method of claim 1, wherein the cells ...": claim 1's
            if cited is not None and cited.source is not None:
                previous_source = cited.source
            model = SentenceModel(sentence.text, sentence.start, mentions, self.rules)
            named_as = defined_name(model)
            if named_as is not None:
                names.append(named_as)
            else:
                name_in_use(model, names)
            defined = rewrite_definition(model)
            register.stand_in_cited(model, cited)
            near_vesicle = vesicle if vesicle_age <= TOPIC_REACH else self.document_vesicle
            resolve_anaphora(model, self.rules, previous_source, pair if pair_age <= TOPIC_REACH else (),
                             self.document_product, factors, opened,
                             [group for _, group in reversed(together)], near_vesicle, history, self.generic)
            entry_subject(model, self.entry_factor, self._verb_starts)
            opened = defined or opening_subject(model)
            self._set_topic(model, sentence, previous_source)
            factors = last_factor_list(model) + last_factor_list(model, label=schema.PATHWAY)
            named_here = [it.term for it in model.items if it.kind == "ent" and not it.indirect
                          and it.term.label in (schema.FACTOR, schema.PATHWAY) and it.term.kind != "vesicle"]
            history = [t for t in history if t not in named_here][-HISTORY_LENGTH:] + list(dict.fromkeys(named_here))
            register.record(sentence.text, model, cited)
            own = self._sentence_claims(sentence, model)
            claims.extend(own)
            derived = [c for c in own if c.type == "DERIVED_FROM" and not c.negated and c.object.id != self.generic.id]
            made_from = [c.object for c in derived]
            for c in derived:
                self.made_of.setdefault(c.subject.id, c.object)
            # "The mechanism of action of Genuvacel ...": naming a product may bring back the cells it is made of
            named_products = [self.made_of[it.term.id] for it in model.items if it.kind == "ent" and not it.indirect
                              and it.term.label == schema.PRODUCT and it.term.id in self.made_of]
            body = item_body(sentence)
            if body is None and lead is not None and sentence.text[:1].islower():
                body = 0    # a Markdown list item, whose marker the reader took away: "- critical limb ischaemia;"
            if body is None:
                lead = sentence if is_lead_in(sentence) else None
                lead_vesicle = near_vesicle
            elif lead is not None:
                claims.extend(self._list_item_claims(lead, sentence, body, own, previous_source, lead_vesicle))
            named = [it for it in model.items if it.kind == "ent" and it.term.label == schema.MSC_SOURCE]
            # a source the sentence names outweighs one an anaphor stood in for ("They grew menstrual blood MSCs")
            sources = [it.term for it in named if not it.indirect] + [it.term for it in named if it.indirect]
            direct = made_from + [it.term for it in named if not it.indirect]
            if direct:     # a tissue before the generic "MSCs" the same sentence names
                self.named_source = next((t for t in direct if t.id != self.generic.id), direct[0])
            distinct = list({t.id: t for t in sources if t.id != self.generic.id}.values())
            if made_from:
                recent, age = made_from[0], 1   # "X is a suspension of MSCs from Wharton's jelly. Each lot ..."
            elif len(distinct) >= SOURCE_LIST and not any(
                    it.text in CONTRASTED or it.kind == "ent" and model.compared(k) for k, it in enumerate(model.items)):
                # "They can be collected from bone marrow, fat, the umbilical cord and placenta": a list of tissues
                # says where the cells come from; "they" after it are still the MSCs at large
                recent, age = self.generic, 1
            elif sources:
                recent, age = sources[0], 1
            elif named_products and recent is not None and age <= TOPIC_REACH \
                    and recent.id not in (self.generic.id, named_products[0].id):
                # a tissue named last (another product's: "it resembles Cartistem, a cord blood-derived product")
                # gives way to the cells of the product named now; the generic "MSCs" already stand for them
                recent, age = named_products[0], 1
            else:
                age += 1
            if len(distinct) == 2:
                pair, pair_age = tuple(distinct), 1
            else:
                pair_age += 1
            named_vesicles = [it.term for it in model.items if it.kind == "ent" and it.term.kind == "vesicle"
                              and not it.indirect]
            vesicle, vesicle_age = (named_vesicles[-1], 1) if named_vesicles else (vesicle, vesicle_age + 1)
            seen += 1
            if len(distinct) >= 2:
                together.append((seen, tuple(distinct)))
            together = [(at, group) for at, group in together if seen - at < TOGETHER_REACH]
        for table in self.document.tables:
            claims.extend(self._table_claims(table))
        vocabulary = self.recognizer.vocabulary
        return hedge_doubted(self.document, cells_acted_on([canonical_claim(c, vocabulary) for c in claims],
                                                           vocabulary))

    def _text_claims(self, text: str) -> list[Claim]:
        """The claims of a piece of prose on its own (a table cell that reads as sentences)."""
        try:
            document = read_text(text, f"{self.document.source} (table cell)", fmt="plain_text")
        except UnreadableSource:
            return []
        return _Extractor(document, self.recognizer.find(document), self.recognizer, self.rules).run()

    def _list_item_claims(self, lead: Sentence, item: Sentence, body: int, own: list[Claim],
                          previous_source: Term | None, vesicle: Term | None) -> list[Claim]:
        """What the lead-in claims of the entities of one of its list items ("... investigational for all other
        indications, including:" + "- spinal cord injury;"), as evidence of the item."""
        mentions = self.by_sentence.get(item.index, [])
        if not mentions:
            return []
        sentence, together = joined(lead, self.by_sentence.get(lead.index, []), item, body, mentions)
        model = SentenceModel(sentence.text, sentence.start, together, self.rules)
        resolve_anaphora(model, self.rules, previous_source, (), self.document_product, [], None, [], vesicle,
                         generic=self.generic)
        self._set_topic(model, sentence, previous_source)
        named = {m.term.id for m in mentions}
        have = {(c.type, c.subject.id, c.object.id) for c in own}
        out = []
        for claim in self._sentence_claims(sentence, model):
            key = (claim.type, claim.subject.id, claim.object.id)
            if key in have or not (claim.subject.id in named or claim.object.id in named):
                continue
            have.add(key)
            out.append(replace(claim, sentence=item.text, section=item.section, start=item.start, end=item.end,
                               cited=tuple(item.citations)))
        return out

    def _set_topic(self, model: SentenceModel, sentence: Sentence, previous_source: Term | None) -> None:
        """The paragraph's MSC source (else the document's product: a product document's studies are the
        product's) as the subject of the sentence's subject-less nouns."""
        topic = previous_source or self.document_product
        if topic is not None:
            model.topic = Item("ent", topic.name, sentence.start, sentence.start, topic, indirect=True)

    @staticmethod
    def _topic_source(model: SentenceModel) -> Item | None:
        """The MSC source a sentence without one is about (the paragraph's or the document's), if any."""
        if model.topic is not None and model.topic.term.label == schema.MSC_SOURCE:
            return model.topic
        return None

    def _product_topic(self, sentence: Sentence) -> Item | None:
        """The product the document is about, as the subject of a sentence that names none."""
        if self.document_product is None:
            return None
        return Item("ent", self.document_product.name, sentence.start, sentence.start, self.document_product,
                    indirect=True)

    def _source_topic(self, model: SentenceModel, sentence: Sentence) -> Item:
        """The MSC source a sentence without one is about, else the generic MSCs."""
        return self._topic_source(model) or Item("ent", self.generic.name, sentence.start, sentence.start,
                                                 self.generic, indirect=True)

    def _profile_topic(self, model: SentenceModel, sentence: Sentence) -> Item:
        """Whose markers a sentence that names no cells lists: the MSC source of the paragraph or the document,
        else the one the text last named however far back ("adipose-derived MSCs ... [five sentences] ...
        According to the Applicant, the cells express CD73"), else the generic MSCs."""
        if self._topic_source(model) is None and self.named_source is not None:
            return Item("ent", self.named_source.name, sentence.start, sentence.start, self.named_source,
                        indirect=True)
        return self._source_topic(model, sentence)

    # ------------------------------------------------------------------ sentences
    def _sentence_claims(self, sentence: Sentence, model: SentenceModel) -> list[Claim]:
        if not any(it.kind == "ent" for it in model.items):
            return []
        induced = _fold_inducers(model)
        groups = model.groups()
        negations = self._cue_positions(model, "negation")
        hedges = self._cue_positions(model, "hedge")
        found: list[tuple[tuple, Claim]] = []

        def add(order: tuple, rel: str, subj: Item, obj: Item, trigger: str, strength: float, gap: int,
                indirect: bool, negated: bool, props: tuple = (), clause: int | None = None,
                structural: bool = False) -> None:
            # structural: read off a noun phrase ("MSC-derived exosomes", "Cartistem (cord blood MSCs)"), which a
            # hedge on the sentence's claim does not make uncertain
            if subj.term.id == obj.term.id or not schema.RELATIONS[rel].allows(subj.term.label, obj.term.label):
                return
            hedged = not structural and any(
                clause is None or model.clause[h] == clause and self._hedge_reaches(model, h, order[0])
                for h in hedges)
            claim = Claim(
                type=rel, subject=subj.term, object=obj.term, sentence=sentence.text, section=sentence.section,
                start=sentence.start, end=sentence.end, cited=tuple(sentence.citations), negated=negated,
                hedged=hedged, trigger=trigger, confidence=confidence(strength, hedged, gap, indirect or subj.indirect),
                properties=tuple(sorted(props)),
            )
            found.append((order, claim))

        for at, inducer, disease, words in induced:
            if inducer.term.kind != "small_molecule":   # "LPS-induced ARDS", "CCl4-induced fibrosis": a model's agent
                add((at, at, at), "IMPLICATED_IN", inducer, disease, words, 0.7, 0, False, False, structural=True)
        # "in the presence or absence of conditioned medium": an experimental condition, not a marker lacked
        triggers = [t for t in model.triggers() if not (t.form.startswith("absence") and t.first >= 2 and [
            x.text for x in model.items[t.first - 2:t.first]] == ["presence", "or"]) and not _cells_treated(model, t)
            and not _opening_participle(model, t)]
        exemplars = self._exemplars(model, groups)
        for source, named in exemplars:
            words = " ".join(model.items[x].text for x in range(source.first - 2, source.first))
            for s in source.members:
                for o in named.members:
                    add((named.first, s, o), "SECRETES", model.items[s], model.items[o], words, 0.75,
                        model.words_between(source.last, o), False, False, structural=True)
        chained: dict[int, list[int]] = {}      # clause -> subject members of the last trigger that fired
        for trig in triggers:
            clause = model.clause[trig.first]
            negated = self._negated(model, trig, negations)
            before = chained.get(clause)
            for cand in self._candidates(model, groups, trig, before):
                for source, named in exemplars:
                    if cand.subjects and set(cand.subjects) <= set(source.members) and trig.first > named.last:
                        # "Soluble factors from MSCs, notably IL-10, suppress": the factors named do it
                        cand = replace(cand, subjects=list(named.members))
                # "HGF was not detected in the supernatant": a denial inside the trigger (a marker lacked states
                # it as the property "negative" instead)
                inner = any(trig.first <= n <= trig.last for n in negations) \
                    and not dict(cand.rule.properties).get("negative")
                for s in cand.subjects:
                    for o in cand.objects:
                        add((trig.first, s, o), cand.rule.relation, model.item(s), model.items[o], trig.form,
                            cand.rule.strength, cand.gap, cand.indirect,
                            negated or inner or self._negated_object(model, o, negations), cand.rule.properties,
                            clause,
                            structural=self._reduced_relative(model, trig, cand.rule))
                if cand.subjects and TOPIC not in cand.subjects and trig.form not in ("through", "via") \
                        and not cand.rule.glued and not self._reduced_relative(model, trig, cand.rule) \
                        and not _modifying_participle(model, trig.first):
                    # not from inside a noun phrase ("MSC-derived HGF", "TLR2-driven NF-κB activation, lowering
                    # IL-1β": TSG-6 lowers it), nor the means after "through" ("IFN-γ, acting through JAK/STAT
                    # signalling, induces IDO": IFN-γ is the subject of "induces")
                    chained[clause] = cand.subjects
            self._means(model, groups, trig, before, add, negated)
        self._fronted_receptors(model, groups, add)
        self._second_objects(model, groups, triggers, found, add)
        found[:] = _respectively(model, _agent_through_pathway(model, found))
        found[:] = [_marker_share(model, *self._narrowed_source(model, order, _lost_agent(model, order, claim)))
                    for order, claim in found
                    if not _modifier_subject(model, order, claim) and not _taken_away(model, order, claim)
                    and not _blocker_after_passive(model, order)
                    and not _modifying_agent(model, order, claim) and not _exposed_cells_act(model, order, claim)]
        found.extend(self._heading_claims(model, found))
        # ("Umbilical cord MSC-EVs carry miR-146a": the source's vesicles, glued to it, carry the cargo)
        found[:] = cargo_claims(found, {model.items[i - 2].term.id: i for i in range(len(model.items) - 1, -1, -1)
                                        if glued_vesicles(model, i)})
        found.extend(primed_claims(model, groups, found, self.rules.cue("priming")))
        vesicle_cargo_claims(model, groups, self._topic_source(model), add, negations, found, self._source_in)
        held_in_media_claims(model, groups, self._topic_source(model), add, negations, found, self._source_in)
        raised_after_claims(model, groups, self.rules.cue("priming"), add, negations)
        treated_arm_claims(model, groups, add, negations)
        cell_count_claims(model, add, negations)
        stimulated_factor_claims(model, groups, self.rules.cue("priming"), add, negations)
        found.extend(self._delegated(model, groups, found))
        found.extend(self._shifted_towards(model, groups, found))
        released_means(model, groups, found, add)
        delivered_to_claims(model, groups, add, negations)
        given_to_cells_claims(model, groups, add, negations)
        exposed_cells_claims(model, groups, add, negations)
        thereby_claims(model, found, add)
        summarised_effect_claims(model, found, add)
        effect_on_cells_claims(model, groups, found, add)
        acted_in_cells_claims(model, groups, found, add)
        found[:] = _respectively(model, found)      # (once more, over the cells acted on)
        glossed_effect_claims(model, groups, add)
        induced_in_cells_claims(model, groups, found, add)
        found[:] = cells_made_to_secrete(model, groups, found, add)
        own_vesicle_claims(model, groups, add, self._topic_source(model))
        benefit_of_claims(model, groups, add, negations)
        found.extend(self._cell_context_claims(model, found))
        self._embedded_sources(model, add)
        self._apposition(model, add)
        self._mechanism_adjectives(model, groups, add)
        _possessed_effects(model, groups, add)
        arrow_claims(model, add)
        self._predicative_dependence(model, add)
        self._attributed_effect(model, groups, add)
        credited_factor_claims(model, groups, add, negations)
        relied_on_enzyme_claims(model, groups, add, negations)
        loss_of_function_claims(model, add)
        undone_rise_claims(model, add)
        changed_after_giving_claims(model, add)
        induced_model_claims(model, add)
        trial_design_claims(model, found, add)
        action_noun_claims(model, groups, add, negations)
        expression_in_source_claims(model, groups, add, negations)
        self._induced_in_source(model, add, negations)
        self._induced_output(model, add)
        self._conversion(model, add, negations)
        source_topic = self._source_topic(model, sentence)
        marker_line_claims(model, add, source_topic)
        indication_field_claims(model, add, self._product_topic(sentence))
        source_field_claims(model, add, self._product_topic(sentence))
        marker_share_claims(model, groups, add, source_topic)
        signed_marker_claims(model, add, source_topic)
        marker_profile_claims(model, found, add, self._profile_topic(model, sentence))
        def approval_fields(a: int, b: int) -> tuple:
            return self._approval_properties(self.document.text[model.items[a].start:model.items[b].end])

        field_line_claims(model, add, approval_fields)
        bracket_approval_claims(model, add, approval_fields)
        approved = self._approvals(model, add, negations)
        topic_claims(model, groups, add)
        advised = recommendation_claims(model, groups, self.rules, add)
        studied_only = trials_only_claims(model, self.rules, add)
        study_title_claims(model, groups, add)
        method_claims(model, groups, add)
        administration_claims(model, groups, add)
        # one claim per (type, subject, object, properties) in a sentence: the most confident, first found
        # "investigated for their ability to mitigate X": a study of the benefit, not a claim of it ("has yet to
        # be tested" studies nothing)
        studied = {(c.subject.id, c.object.id) for _, c in found if c.type == "INVESTIGATED_FOR" and not c.negated
                   and c.trigger.split()[0] not in STUDY_SETTINGS} - advised    # "improved X in studies of Y" claims
        approval_ends = [last for _, last, _ in model.find_phrases(self.rules.cue("approval"))]
        whether = [i for i, it in enumerate(model.items) if it.kind == "word" and it.text == "whether"]
        treated = {(c.subject.id, c.object.id) for _, c in found if c.type == "TREATS"}
        best: dict[tuple, tuple[tuple, Claim]] = {}
        outcomes = [last for _, last, _ in model.find_phrases(self.rules.cue("trial_outcome"))]
        failures = [last for _, last, _ in model.find_phrases(self.rules.cue("trial_failure"))]
        for n, (order, claim) in enumerate(found):
            outcome = self._trial_outcome(model, order, claim, outcomes, negations, failures)
            if outcome is not None:
                # "randomised trials of MSCs in ARDS have not shown a clear clinical benefit": what the trials found
                found[n] = (order, replace(claim, type="TREATS", negated=outcome, trigger=f"{claim.trigger} (outcome)"))
        treated |= {(c.subject.id, c.object.id) for _, c in found if c.type == "TREATS"}
        for order, claim in found:
            pair = (claim.subject.id, claim.object.id)
            if claim.type == "MODULATES" and claim.trigger in ("through", "via") and not (
                    len(order) > 2 and 0 <= order[2] < len(model.items) - 1
                    and model.items[order[2] + 1].text in OUTPUT_NOUNS):
                continue    # "Wnt3a, acting through the Wnt/β-catenin pathway", "IDO burns through tryptophan": what
                # follows "through" is the agent's way of acting, not what modulates it; it modulates only the output
                # named before it ("reduces IL-6 release through NF-κB")
            if claim.type == "INVESTIGATED_FOR" and pair in treated and claim.trigger.split()[0] in STUDY_SETTINGS:
                continue    # "improved X in studies of Y", "rats with X that received MSCs had less collagen": the
                # benefit is the claim; the studies or the patients given the cells are its setting
            if claim.type == "INVESTIGATED_FOR" and pair in advised:
                continue    # "we suggest against MSCs in GvHD outside clinical trials": the advice is the claim
            if claim.type == "TREATS" and pair in studied_only and not claim.negated:
                continue    # "should be used for knee OA only in clinical trials": studied, no benefit claimed
            if claim.type == "TREATS" and len(order) > 2 and 0 <= order[2] < len(model.items) - 1 \
                    and model.items[order[2] + 1].text in ("studies", "research"):
                continue    # "useful in bone and cancer studies": a field of research, not a disease treated
            if claim.type == "TREATS":
                if pair in approved and not claim.negated or pair in studied:
                    # (a denied benefit is a claim of its own: "a trial failed to confirm that Alofisel heals ...")
                    continue
                if any(0 <= order[0] - end <= 3 for end in approval_ends):
                    continue    # "indicated for the treatment of": the approval's words, claimed for the product
                if any(w < order[0] and model.clause[w] == model.clause[order[0]] for w in whether):
                    # "this study tests whether MSCs relieve pain in OA": under study, not claimed
                    claim = replace(claim, type="INVESTIGATED_FOR")
            key = (claim.type, claim.subject.id, claim.object.id, claim.properties)
            if key not in best or claim.confidence > best[key][1].confidence:
                best[key] = (order, claim)
        return [c for _, c in sorted(best.values(), key=lambda oc: (oc[0], oc[1].type, oc[1].subject.id,
                                                                      oc[1].object.id))]

    @staticmethod
    def _trial_outcome(model: SentenceModel, order: tuple, claim: Claim, outcomes: list[int],
                       negations: list[int], failures: list[int]) -> bool | None:
        """For a study claim from "trials of/in" or "studies of/in", the outcome word its clause reports after
        the disease: None if there is none, else whether it is denied ("have not shown a clear benefit") or a
        failure ("have been largely neutral")."""
        if claim.type != "INVESTIGATED_FOR" or claim.negated or claim.trigger.split()[0] not in STUDIES \
                or len(order) < 3:
            return None
        clause = model.clause[order[0]]
        after = max(order[1:3]) if order[1] != TOPIC else order[2]
        for outcome in sorted(outcomes + failures):
            if outcome <= after or model.clause[outcome] != clause or model.words_between(after, outcome) > 8 \
                    or any(model.items[x].text in HEDGE_BARRIERS | {"whether"} for x in range(after, outcome)):
                continue
            if outcome in failures:
                return True
            for cue in negations:
                between = [model.items[x] for x in range(cue + 1, outcome)]
                if after < cue < outcome and len(between) <= 5 and all(
                        it.kind == "word" and it.text in ADVERBS | LIGHT_WORDS for it in between):
                    return True
            return False
        return None

    def _narrowed_source(self, model: SentenceModel, order: tuple, claim: Claim) -> tuple[tuple, Claim]:
        """"Stempeucel consists of mesenchymal stromal cells that are isolated from the bone marrow": a product
        made of MSCs named by their tissue right after is derived from that tissue."""
        if claim.type != "DERIVED_FROM" or claim.object.id != self.generic.id or len(order) < 3:
            return order, claim
        items = model.items
        k = order[2]
        for x in range(k + 1, min(len(items), k + 11)):
            if items[x].kind == "ent" and items[x].term.id == self.generic.id and items[x - 1].text == "(":
                continue        # "mesenchymal stromal cells (MSCs) grown from Wharton's jelly"
            if items[x].kind == "ent":
                if items[x].term.label == schema.MSC_SOURCE and any(
                        items[y].text == "from" for y in range(k + 1, x)):
                    return order, replace(claim, object=items[x].term)
                break
            if items[x].kind == "punct" and items[x].text not in ("-", "(", ")"):
                break
        return order, claim

    @staticmethod
    def _delegated(model: SentenceModel, groups: list[Group],
                   found: list[tuple[tuple, Claim]]) -> list[tuple[tuple, Claim]]:
        """"Human MSCs, through PGE2, alter the function of dendritic cells", "MSCs suppress T cells by producing
        nitric oxide", "their effect on macrophages depends on PGE2": cells acting on cells through a secreted factor
        release it, and the factor acts on those cells too; "MenSCs attenuated liver fibrosis mainly through
        paracrine HGF": so does a factor through which cells treat a disease."""
        items = model.items
        out: list[tuple[tuple, Claim]] = []
        for order, claim in found:
            if claim.type not in ("TARGETS", "TREATS") or claim.subject.label != schema.MSC_SOURCE or claim.negated:
                continue
            t = order[0]
            window = [k for k in range(max(0, t - 6), min(len(items), t + 10)) if model.clause[k] == model.clause[t]]
            for k in window:
                if items[k].kind != "word" or k + 1 >= len(items):
                    continue
                if any(items[x].text in TURNS for x in range(min(k, t), max(k, t))):
                    continue    # "suppress T cells through IDO, whereas their effect on macrophages ...": another verb's
                if items[k].text in ("through", "via") or items[k].text == "on" and k > t and any(
                        items[x].text in DEPENDS for x in range(max(t, k - 3), k)):
                    f = k + 1   # "... their effect on macrophages depends more on PGE2 and TSG-6"
                    f += items[f].text in ("paracrine", "secreted", "soluble")     # "through paracrine HGF"
                elif items[k].text == "by" and k + 2 < len(items) and items[k + 1].text in MEANS_OF_RELEASE:
                    f = k + 2 + (items[k + 2].text == "of")     # "by producing nitric oxide", "by secretion of"
                else:
                    continue
                listed = next((g.members for g in groups if g.first == f), [])
                if claim.type == "TREATS" and (
                        items[k].text not in ("through", "via") or not order[2] < k
                        or model.words_between(order[2], k) > 4
                        or any(items[x].kind == "ent" or items[x].text.endswith("ing") for x in range(order[2] + 1, k))
                        or any(m + 1 < len(items) and items[m + 1].text == "-" for m in listed)):
                    # only right after the disease: not "attenuate fibrosis through HGF-mediated suppression of
                    # ..." (a way, no agent), nor "reduce mortality in sepsis by reprogramming macrophages through"
                    continue
                for f in listed:
                    factor = items[f].term
                    if factor.label != schema.FACTOR or factor.kind not in SECRETED_KINDS:
                        break
                    for rel, subj, obj in (("SECRETES", claim.subject, factor), (claim.type, factor, claim.object)):
                        out.append(((order[0], order[1], f), replace(
                            claim, type=rel, subject=subj, object=obj,
                            trigger=f"{claim.trigger} {'depends on' if items[k].text == 'on' else items[k].text}",
                            confidence=_clamp(claim.confidence - 0.1))))
        return out

    @staticmethod
    def _shifted_towards(model: SentenceModel, groups: list[Group],
                         found: list[tuple[tuple, Claim]]) -> list[tuple[tuple, Claim]]:
        """"PGE2 polarises macrophages towards M2 macrophages": an agent that acts on cells acts on the cells they
        are turned into too."""
        items, out = model.items, []
        for order, claim in found:
            if claim.type != "TARGETS" or len(order) < 3 or order[2] < 0:
                continue
            group = group_at(groups, order[2])
            k = group.last + 1 if group is not None else -1
            if not 0 <= k < len(items) - 1 or items[k].text not in ("towards", "toward", "into") \
                    or model.clause[k] != model.clause[order[0]]:
                continue
            start = k + 1
            if start + 1 < len(items) and items[start].kind == "ent" and items[start].term.label == schema.MECHANISM:
                start += 1      # "into anti-inflammatory M2 macrophages"
            target = next((g for g in groups if g.first == start), None)
            for m in target.members if target is not None else []:
                if items[m].term.label == schema.CELL_TYPE:
                    out.append(((order[0], order[1], m), replace(claim, object=items[m].term,
                                                                 trigger=f"{claim.trigger} {items[k].text}")))
        return out

    @staticmethod
    def _cell_context_claims(model: SentenceModel, found: list[tuple[tuple, Claim]]) -> list[tuple[tuple, Claim]]:
        """"In alveolar macrophages, TSG-6 suppressed NF-κB": the sentence's agents act on the cells it opens with."""
        items = model.items
        at = 1
        while at < len(items) and items[at].kind == "word" and items[at].text in CELL_CONTEXT_MODIFIERS:
            at += 1     # "In cultured rat chondrocytes, IL-1β stimulated MMP-13"
        if len(items) < at + 3 or items[0].text != "in" or items[at].kind != "ent" \
                or items[at].term.label != schema.CELL_TYPE or items[at + 1].text != ",":
            return []
        cell = items[at].term
        out, seen = [], set()
        for order, claim in found:
            agent = claim.subject
            if agent.label not in (schema.FACTOR, schema.MSC_SOURCE) or agent.id in seen or claim.type == "TARGETS" \
                    or claim.trigger.startswith("-") or claim.type == "SECRETES" and claim.object.kind != "vesicle":
                continue    # "reduced cyclophosphamide-induced apoptosis": the inducer is no agent of the sentence,
                # nor the maker of a factor that is one ("VEGF from the adipose MSCs activated PI3K/Akt"; the
                # cells whose vesicles or medium act do act: "MenSC EVs blocked TGF-β/Smad signalling")
            seen.add(agent.id)
            out.append(((order[0], order[1], at), replace(
                claim, type="TARGETS", object=cell, properties=(), trigger="in (cell type)",
                confidence=_clamp(claim.confidence - 0.1))))
        return out

    @staticmethod
    def _heading_claims(model: SentenceModel, found: list[tuple[tuple, Claim]]) -> list[tuple[tuple, Claim]]:
        """"COVID-19 and ARDS: ... MSCs were investigated for ...": diseases named as a run-in heading take
        the therapeutic claims of the text after the colon, with a lower confidence."""
        items = model.items
        colon = next((i for i, it in enumerate(items) if it.kind == "punct" and it.text == ":"), None)
        if colon is None or colon == 0:
            return []
        heading = items[:colon]
        if not all(it.kind == "ent" and it.term.label == schema.DISEASE or it.text in (",", "and", "or", "/")
                   for it in heading) or not any(it.kind == "ent" for it in heading):
            return []
        body = [(order, c) for order, c in found if c.type in ("TREATS", "INVESTIGATED_FOR")
                and c.subject.label in (schema.MSC_SOURCE, schema.PRODUCT) and model.clause[order[0]] > 0]
        if not body:
            return []
        order, claim = body[0]
        return [((order[0], order[1], i), replace(claim, object=it.term, confidence=_clamp(claim.confidence - 0.1)))
                for i, it in enumerate(heading) if it.kind == "ent"]

    @staticmethod
    def _hedge_reaches(model: SentenceModel, hedge: int, trigger: int) -> bool:
        """A hedge scopes over a verb of its own clause: not across ", and", "which", "whereas", "but", nor a
        "that" opening a relative clause ("effects may depend on factors that MSCs release")."""
        a, b = sorted((hedge, trigger))
        items = model.items
        if hedge > trigger and _in_apposition(model, trigger, hedge):
            return False    # "LL-37, a peptide secreted by MSCs, may contribute to": the apposition is no guess
        for x in range(a + 1, b):
            word = items[x].text
            if word in HEDGE_BARRIERS or word in ("since", "because") and hedge < x - 1:
                return False    # (", since MSCs express tissue factor": the reason given is stated as fact;
                                # "possibly because they secrete little IL-10" guesses the reason)
            if word == "and" and (items[x - 1].text == "," or hedge > trigger):
                return False    # "SHED suppress Th17 cells and may be useful in ...": the hedge is the second verb's
            if word == "that" and hedge < trigger and items[x - 1].text not in THAT_COMPLEMENT \
                    and x - 1 != hedge:
                return False
        return True

    @staticmethod
    def _reduced_relative(model: SentenceModel, trig: Trigger, rule: TriggerRule) -> bool:
        """"Exosomes derived from WJ-MSCs may ...": a participle right after its noun names the noun's origin,
        a fact the sentence presupposes rather than claims."""
        if rule.relation == "SECRETES" and rule.glued:
            return True     # "MSC-derived PGE2 may ..."
        return rule.voice == "passive" and rule.relation in ("SECRETES", "DERIVED_FROM") and trig.first > 0 \
            and model.items[trig.first - 1].kind == "ent"

    def _cue_positions(self, model: SentenceModel, kind: str) -> list[int]:
        """Item index of the last word of each cue of ``kind``; "not only" is no negation."""
        phrases = self.rules.cue(kind)
        searched = self.rules.cue(NEGATION_SEARCH) if kind == "negation" else phrases
        found = [(first, last) for first, last, words in model.find_phrases(searched) if words in phrases]
        if kind == "hedge":     # "more likely than controls to improve" compares; it does not hedge
            found = [(f, l) for f, l in found
                     if not (f > 0 and model.items[f].text == "likely" and model.items[f - 1].text in ("more", "less"))
                     and not _month(model, f)]
        return [last for _, last in found]

    def _negated(self, model: SentenceModel, trig: Trigger, negations: list[int]) -> bool:
        """A negation cue right before the trigger ("did not reduce", "failed to induce", "without causing"),
        or subjects listed with "neither ... nor"."""
        words = [model.items[i].text for i in range(trig.first) if model.clause[i] == model.clause[trig.first]]
        if "neither" in words and "nor" in words[words.index("neither"):]:
            return True
        for _, last, _ in model.find_phrases(self.rules.cue("negated_claim")):
            # "there is no good evidence that MSCs help in autism": the clause after the cue is denied
            if last < trig.first and model.clause[last] == model.clause[trig.first] and trig.first - last <= 10 \
                    and not any(model.items[x].text in (",", "but", "although", "whereas")
                                for x in range(last + 1, trig.first)):
                return True
        for n in negations:
            if model.clause[n] != model.clause[trig.first] or n >= trig.first:
                continue
            between = [model.items[x] for x in range(n + 1, trig.first)]
            if len(between) <= 4 and all(it.kind == "word" and it.text in ADVERBS | LIGHT_WORDS for it in between):
                return True     # "did not reduce", "failed to induce", "did not show a structural benefit in"
        if trig.form.split()[-1] in OUTCOME_HEADS:
            # "durable complete response did not differ between arms": the outcome the arms shared
            after = tuple(model.items[x].text for x in range(trig.last + 1, min(len(model.items), trig.last + 4)))
            if any(after[:len(words)] == words for words in NO_DIFFERENCE):
                return True
        if trig.form.split()[0] in OUTCOME_HEADS:
            # "a durable glycaemic benefit in patients with T2DM has not been shown": the clause's own verb,
            # after the outcome's setting, denies it
            for x in range(trig.last + 1, min(len(model.items), trig.last + 12)):
                if model.items[x].text in (",", ";", ":", "but", "and") or model.clause[x] != model.clause[trig.first]:
                    break
                if model.items[x].text in ("has", "have", "was", "were") and x + 3 < len(model.items) \
                        and model.items[x + 1].text == "not" and model.items[x + 2].text == "been" \
                        and model.items[x + 3].text in SHOWN_WORDS:
                    return True
        return False

    @staticmethod
    def _negated_object(model: SentenceModel, obj: int, negations: list[int]) -> bool:
        """A negation cue right before the object ("showed no IL-6", "neither IL-6 nor IL-10", "without TNF-α"); not
        one a colon closes ("Not quite: exosomes are vesicles that MSCs release")."""
        for n in negations:
            if n < obj and obj - n <= 3 and all(model.items[x].kind != "ent" and model.items[x].text not in (":", ";")
                                                for x in range(n + 1, obj)) \
                    and model.words_between(n, obj) <= 1:
                return True
        return False

    # ------------------------------------------------------------------ trigger arguments
    def _candidates(self, model: SentenceModel, groups: list[Group], trig: Trigger,
                    chained: list[int] | None) -> list[Candidate]:
        out = []
        used_objects: set[int] = set()
        passive = self._agentless_passive(model, trig)
        for rule in trig.rules:
            rel = schema.RELATIONS[rule.relation]
            if passive and rule.voice == "active":
                continue    # "Wnt/β-catenin signalling was suppressed, but ...": no agent named, no object after
            obj_side = "left" if rule.voice in ("passive", "nominal") else "right"
            # "KGF, which MSCs secrete in large amounts, protects ...": the clause's object is its antecedent
            found = self._relative_object(model, groups, trig, rule, rel.objects) if obj_side == "right" else None
            if rule.voice == "passive":
                # "The PI3K/Akt pathway, which protects neurons from apoptosis, is activated by HGF": the noun
                # phrase before the relative clause, not the clause's own object
                embedded = self._before_relative_clause(model, groups, trig.first)
                kept = [m for m in embedded.members if model.items[m].term.label in rel.objects] if embedded else []
                if kept:
                    found = (kept, model.words_between(embedded.last, trig.first), embedded)
            found = found or self._find_objects(model, groups, trig, rule, rel.objects, obj_side)
            if not found and rule.voice == "passive":
                found = self._included_after_agent(model, groups, trig, rule, rel.objects)
            if rule.relation == "SECRETES" and rule.form.endswith(" of") and self._object_of_verb(model, trig) \
                    and not (trig.first > 0 and model.items[trig.first - 1].text in ("their", "its")) \
                    and not (found and self._agent_after_object(model, groups, trig, found[2], rel.subjects)):
                continue    # "MSCs dampened the release of TNF-α": whose release is not said ("increased their
                # secretion of VEGF" and "enhances the secretion of PGE2 by MSCs" say it)
            if rule.relation in ("SECRETES", "EXPRESSES") and rule.form.endswith(" of") \
                    and self._second_object_of_change(model, trig) is not None \
                    and not (found and self._agent_after_object(model, groups, trig, found[2], rel.subjects)):
                continue    # "MSCs reduced the infiltration of neutrophils and the expression of IL-1β": the same
            from_setting = False
            if not found and rule.relation in ("TREATS", "INVESTIGATED_FOR") and obj_side == "right":
                found = self._setting(model, groups, trig)
                from_setting = found is not None
            if not found:
                continue
            objects, obj_gap, obj_group = found
            if rule.relation in ("TREATS", "INVESTIGATED_FOR") and obj_side == "right":
                named = self._diseases_named_after(model, groups, obj_group)
                if named is not None:
                    objects, obj_group = named.members, named     # "reduced tissue damage in AKI and MI"
            if rule.relation == "TREATS" and obj_side == "right" and not from_setting \
                    and all(model.items[o].term.label == schema.DISEASE for o in objects):
                # "In mice with virus-induced ALI, UC-MSCs reduced lung edema": the model's disease too (only a
                # setting that opens the sentence)
                setting = self._setting(model, groups, trig)
                if setting and model.items[after_label(model)].text == "in":
                    objects = objects + [o for o in setting[0] if o < trig.first]
            objects = [o for o in objects if o not in used_objects]
            if not objects:
                continue
            if rule.voice == "nominal" and self._made_by_other_cells(model, trig, obj_group):
                continue    # "MSCs lowered IL-6 release by macrophages": the macrophages make it
            if rule.voice == "nominal" and obj_gap == 0 and obj_group.last == trig.first - 1 and (
                    model.items[obj_group.last].term.label == schema.MSC_SOURCE
                    or trig.last + 1 < len(model.items) and model.items[trig.last + 1].text in ("a", "an", "the")):
                continue    # "When exposed to TNF-α, MSCs release PGE2", "licensed with TNF-α release a secretome":
                # a verb with an object of its own, no noun
            if rule.relation in ("SECRETES", "EXPRESSES") and rule.form.endswith(" of") \
                    and (self._made_by_other_cells(model, trig, obj_group, after=obj_group.last)
                         or _cells_own_noun(model, trig.first)):
                continue    # "reduces expression of MMP-13 in human chondrocytes", "lowered macrophage secretion
                # of TNF-α": the cells' expression or secretion
            if rule.voice == "nominal" and rule.relation in ("SECRETES", "EXPRESSES") \
                    and _cells_made_earlier(model, min(obj_group.first, trig.first)):
                continue    # "lowered macrophage secretion of TNF-α and raised IL-10 secretion": the same cells'
            if rule.voice == "nominal" and self._lowered_by_other_agent(model, obj_group, rule.relation):
                continue    # "In stellate cells, MenSC EVs reduced collagen I expression": the cells' expression
            if rule.voice == "nominal":
                # "MSCs ... increased exosome secretion": the subject is before the object; "CXCR4 expression on MSCs"
                subjects, subj_gap, indirect = self._find_subjects(model, groups, trig, rule, rel.subjects, "left",
                                                                   chained, objects, beyond=obj_group)
                if not subjects:
                    subjects, subj_gap, indirect = self._find_subjects(model, groups, trig, rule, rel.subjects,
                                                                       "right", None, objects, window=3)
            elif (agent := self._agent_after_object(model, groups, trig, group_at(groups, max(objects)) or obj_group,
                                                         rel.subjects, rule.relation)) is not None:
                # "the induction of IDO by IFN-γ", "secretion of VEGF by MSCs": a noun of action and its agent
                subjects = [m for m in agent.members if model.items[m].term.label in rel.subjects]
                subj_gap, indirect = model.words_between(obj_group.last, agent.first), False
            else:
                subj_side = "left" if obj_side == "right" else "right"
                subjects, subj_gap, indirect = self._find_subjects(model, groups, trig, rule, rel.subjects,
                                                                   subj_side, chained, objects)
                if not subjects and obj_side == "right" and not (rel.subjects & rel.objects) \
                        and trig.form not in AMOUNT_WORDS \
                        and not (rule.relation == "TARGETS" and trig.form.endswith(" of")):
                    # "trials have examined MSCs for Crohn's disease", "a trial of MSCs in ARDS": the subject between
                    # verb and object (but in "induction of CD206 and IL-10 in macrophages" they are induced)
                    subjects, subj_gap = self._subject_before_object(model, groups, trig, rel.subjects, obj_group)
                    indirect = False
            if not subjects and self._topic_subject(model, rule, trig):
                # "secretion of soluble factors such as PGE2": nobody in the sentence secretes; the paragraph's source does
                subjects, subj_gap, indirect = [TOPIC], 0, True
            subjects = [x for x in subjects if rule.admits_subject(model.item(x).term)]
            if trig.form in ("via", "through") and subjects and all(
                    0 <= x < len(model.items) - 1 and model.items[x + 1].text in ("receptor", "receptors", "and")
                    for x in subjects) and model.items[subjects[-1] + 1].text != "and":
                continue    # "through EP2 and EP4 receptors": the agent's receptors (see _means), not agents
            if trig.form in ("via", "through") and subjects and all(
                    x >= 1 and model.items[x - 1].text in ("receptor", "receptors") for x in subjects[:1]):
                continue    # "through its receptor CD44": the same
            if from_setting:
                # the setting ("in patients with X") frames what the cells, their vesicles or a product do, not
                # each factor's effect
                subjects = [x for x in subjects if model.item(x).term.label in (schema.MSC_SOURCE, schema.PRODUCT)
                            or model.item(x).term.kind == "vesicle"]
            if not subjects:
                continue
            if rule.relation == "MODULATES" and rule.voice == "passive":
                rule = self._directed(model, rule, obj_group, subjects)
            used_objects.update(objects)
            out.append(Candidate(rule, subjects, objects, obj_gap + subj_gap, indirect))
        return out

    @staticmethod
    def _made_by_other_cells(model: SentenceModel, trig: Trigger, obj_group: Group, after: int | None = None) -> bool:
        """"IL-6 release by LPS-stimulated Kupffer cells", "TNF-α secretion from macrophages": the noun's maker is
        a cell type named right after it (a few words of its own between; right after item ``after`` when given:
        "expression of MMP-13 in chondrocytes"), or cells with what they make after "with" ("shifted macrophages
        towards an M2 phenotype with high IL-10 production")."""
        items = model.items
        k = obj_group.first - 1
        while k >= 0 and items[k].text in AMOUNT_WORDS:
            k -= 1
        if k >= 1 and items[k].text == "with" and (items[k - 1].text in ("phenotype", "cells") or items[k - 1].kind
                                                    == "ent" and items[k - 1].term.label == schema.CELL_TYPE):
            return True
        k = (trig.last if after is None else after) + 1
        if k >= len(items) or items[k].text not in ("by", "from", "of", "in"):
            return False
        for x in range(k + 1, min(len(items), k + 6)):
            if items[x].kind == "ent" and x + 1 < len(items) and items[x + 1].text == "-":
                continue    # "LPS-stimulated Kupffer cells"
            if items[x].kind == "ent":
                return items[x].term.label == schema.CELL_TYPE
            if items[x].text in (",", ";", "and", "or"):
                return False
        return False

    @staticmethod
    def _agentless_passive(model: SentenceModel, trig: Trigger) -> bool:
        """A one-word past participle after a form of "be" ("was suppressed", "were not expanded"); the passive
        forms with their agent ("suppressed by") are triggers of their own."""
        items = model.items
        if treated_arm(model, trig.last) is not None:
            return True     # "IL-6 decreased in the EV group": the vesicles are the agent (treated_arm_claims)
        if trig.first != trig.last or not (items[trig.first].text.endswith("ed")
                                           or items[trig.first].text in ("lower", "higher")):
            return False    # ("IL-6 was lower and IL-10 was higher": a comparison, no object)
        i = trig.first - 1
        if items[trig.first].text in ("lower", "higher") and i >= 0 and items[i].text in ("at", "in", "with"):
            return True     # "present at lower concentrations": a comparison, no object
        if items[trig.first].text in ("lower", "higher"):
            # "was 40% lower", "were 2.5-fold higher", "was twofold lower": an amount of difference before it
            while i >= 0 and (amount_sign(items[i]) or items[i].text in ROUGHLY):
                i -= 1
        while i >= 0 and items[i].kind == "word" and items[i].text in ADVERBS - AUXILIARIES | {"not"}:
            i -= 1
        return i >= 0 and items[i].text in BE_FORMS

    def _relative_object(self, model: SentenceModel, groups: list[Group], trig: Trigger, rule: TriggerRule,
                         labels) -> tuple[list[int], int, Group] | None:
        """"KGF, which MSCs secrete, ...": a verb with nothing after it, whose subject follows "which", takes the
        noun phrase before the pronoun as its object."""
        items = model.items
        if not self._relative_clause_closes(model, trig.last + 1):
            return None
        verb = trig.first
        while verb > 0 and items[verb - 1].kind == "word" and (items[verb - 1].text in MODALS | {"must", "should"}
                                                               or items[verb - 1].text in ADVERBS):
            verb -= 1       # "CD73, which MSCs must express"
        cells = 1 if items[verb - 1].text == "cells" else 0     # "which Wharton's jelly cells express"
        subject = next((g for g in groups if g.last == verb - 1 - cells), None)
        if subject is None or subject.first < 3:
            return None
        pronoun = subject.first - 1
        if items[pronoun].text not in ("which", "that") and items[pronoun].kind == "word" \
                and items[pronoun].text not in CLAUSE_JOINS and not items[pronoun].text.endswith("s"):
            pronoun -= 1    # "TSG-6, which licensed MSCs secrete, ...": one modifier of the clause's subject
        if pronoun < 2 or items[pronoun].text not in ("which", "that"):
            return None
        if items[pronoun - 1].text == ",":
            antecedent = next((g for g in groups if g.last == pronoun - 2), None)
        else:
            antecedent = self._restrictive_antecedent(model, groups, pronoun)
        if antecedent is None:
            return None
        objects = [m for m in antecedent.members if items[m].term.label in labels
                   and rule.admits_object(items[m].term, "")]
        return (objects, model.words_between(antecedent.last, trig.first), antecedent) if objects else None

    @staticmethod
    def _included_after_agent(model: SentenceModel, groups: list[Group], trig: Trigger, rule: TriggerRule,
                              labels) -> tuple[list[int], int, Group] | None:
        """"Other mediators secreted by MSCs include TGF-β1 and HGF": a passive verb whose noun is no entity takes
        as objects the list its agent's noun phrase includes."""
        items = model.items
        agent = next((g for g in groups if g.first > trig.last), None)
        if agent is None or agent.first != trig.last + 1 or agent.last + 2 >= len(items) \
                or items[agent.last + 1].text not in ("include", "includes", "included"):
            return None
        listed = next((g for g in groups if g.first == agent.last + 2), None)
        if listed is None:
            return None
        objects = [m for m in listed.members if items[m].term.label in labels and rule.admits_object(items[m].term, "")]
        return (objects, model.words_between(trig.last, listed.first), listed) if objects else None

    @staticmethod
    def _restrictive_antecedent(model: SentenceModel, groups: list[Group], pronoun: int) -> Group | None:
        """What a relative clause without a comma describes: the entity right before the pronoun or before its
        head noun ("the CXCR4 receptor that MSCs express"), or the subject a copula gives that noun ("Exosomes are
        tiny vesicles that MSCs release")."""
        items = model.items
        before = pronoun - 1
        if items[before].kind == "word" and items[before].text.isalpha():
            before -= 1     # "the CXCR4 receptor that"
        near = next((g for g in groups if g.last == before), None)
        k = (pronoun if near is None else near.first) - 1
        while k >= 0 and items[k].kind == "word" and items[k].text.isalpha() \
                and items[k].text not in COPULA_FORMS and pronoun - k < 6:
            k -= 1      # "tiny vesicles", "the three surface markers"
        if k >= 1 and items[k].text in COPULA_FORMS:
            return next((g for g in groups if g.last == k - 1), near)
        return near

    @staticmethod
    def _relative_clause_closes(model: SentenceModel, k: int) -> bool:
        """After a verb at ``k - 1`` the relative clause ends: at once, after an adverb ("constitutively") or after a
        short prepositional phrase ("in large amounts", "through cyclooxygenase-2 (COX-2)")."""
        items = model.items
        if k >= len(items) or items[k].text in (",", ".", ";", ")"):
            return True
        word = items[k].text
        if items[k].kind != "word" or not (word.endswith("ly") or word in ("in", "through", "via", "at", "upon",
                                                                               "under", "after", "during")):
            return False
        depth = 0
        for x in range(k + 1, min(len(items), k + 14)):
            text = items[x].text
            if text == "(":
                depth += 1
            elif text == ")" and depth:
                depth -= 1
            elif depth == 0 and text in (",", ".", ";", ")"):
                return True
            elif depth == 0 and items[x].kind == "word" and text in ("which", "that", "and", "but", "whereas"):
                return False
        return False

    def _inside_relative_clause(self, model: SentenceModel, a: int, k: int, members) -> bool:
        """Item k is inside a relative clause opened right after item a and closed by ", and" before a further
        entity: "release IL-10, which produces an anti-inflammatory effect, and HGF" (k: the effect)."""
        items = model.items
        close = next((x for x in range(k + 1, min(len(items) - 2, a + 16)) if items[x].text == ","
                      and items[x + 1].text in ("and", "or") and items[x + 2].kind == "ent"), None)
        return close is not None and model.relative_clause_between(a, close + 2, members)

    def _in_relative_clause(self, model: SentenceModel, verb: int) -> bool:
        """The verb at ``verb`` belongs to a relative clause opened by ", which" (or ", that") with no comma between."""
        items = model.items
        relative = self.rules.words("relative")
        for k in range(verb - 1, 0, -1):
            if items[k].text in (",", ";", ":", "(", ")"):
                return False
            if items[k].kind == "word" and items[k].text in relative:
                return items[k - 1].text == ","
        return False

    def _means(self, model: SentenceModel, groups: list[Group], trig: Trigger, agents: list[int] | None,
               add, negated: bool) -> None:
        """"Exosomes attenuated AKI through ERK1/2 activation": the agent of the verb before "through"/"via"
        activates (or, with "inhibition", inhibits) the pathway named with its state; "via its receptor c-Met"
        names the receptor the agent activates."""
        if trig.form not in ("via", "through") or not agents:
            return
        # "by factors such as HGF, ..., and by suppression of stellate cells through TGF-β/Smad": not HGF's means
        agents = [a for a in agents if not model.closed_by_phrase(a, trig.first)]
        items = model.items
        group = next((g for g in groups if g.first > trig.last), None)
        if group is None:
            return
        between = [it.text for it in items[trig.last + 1:group.first]]
        state_first = between[-2:-1] if between[-1:] == ["of"] else []
        if len(between) == 2 and between[0] in ("its", "their", "the") and between[1] in ("receptor", "receptors"):
            sign = 1    # "stimulates hepatocyte regeneration via its receptor c-Met": the ligand activates it
        elif state_first and len(between) <= 3 and state_first[0] in ACTIVE_STATES | INACTIVE_STATES:
            # "reduce inflammation through inhibition of NF-κB signalling", "through the activation of ERK1/2"
            sign = 1 if state_first[0] in ACTIVE_STATES else -1
        elif len(between) == 2 and between[0] == "the" and items[group.first - 1].kind == "word" \
                and items[group.last].kind == "ent" and items[group.last].text.split()[-1].lower() == "pathway":
            sign = 1    # "drives liver fibrosis through the canonical TGF-β/Smad pathway": one adjective
        elif len(between) > 1:
            return
        else:
            # the state after the group, or ending its last name ("through the PI3K/Akt and MAPK/ERK pathways")
            state = items[group.last + 1].text if group.last + 1 < len(items) else ""
            if items[group.last].kind == "ent" and items[group.last].text.split()[-1].lower() in (
                    "pathway", "pathways", "signalling", "signaling", "axis") or all(
                    items[m].term.label == schema.PATHWAY and _bare_route(model, m) for m in group.members) \
                    and self._raising_verb_before(model, trig.first):
                state = "pathways"
            # "acts on macrophages through EP2 and EP4 receptors": the agent activates its receptors; "through the
            # PI3K/Akt and MAPK/ERK pathways": the pathways it engages
            if all(items[m].term.kind == "receptor" for m in group.members) and not between \
                    and self._raising_verb_before(model, trig.first):
                state = "receptor"  # "HMGB1, which activates Kupffer cells through Toll-like receptor 4"
            sign = 1 if state in ACTIVE_STATES | {"receptor", "receptors", "pathway", "pathways", "cascade"} \
                else -1 if state in INACTIVE_STATES else 0
        if not sign:
            return
        relation = "ACTIVATES" if sign > 0 else "INHIBITS"
        for a in agents:
            for m in group.members:
                add((trig.first, a, m), relation, model.item(a), items[m], trig.form, 0.6,
                    model.words_between(a, trig.first), True, negated, clause=model.clause[trig.first])

    def _second_objects(self, model: SentenceModel, groups: list[Group], triggers: list[Trigger],
                        found: list[tuple[tuple, Claim]], add) -> None:
        """"TSG-6 suppresses the recruitment of neutrophils and the expression of IL-1β and MMP-9": the factors
        of a noun phrase coordinated after a verb's object are that verb's objects too."""
        items = model.items
        for trig in triggers:
            if not trig.form.endswith(" of") or (verb := self._second_object_of_change(model, trig)) is None:
                continue
            named = next((g for g in groups if g.first == trig.last + 1), None)
            acted = next((t for t in triggers if t.first == verb), None)
            if named is None or acted is None:
                continue
            factors = [m for m in named.members if items[m].term.label == schema.FACTOR]
            done = {(c.subject.id, c.object.id) for _, c in found}
            for order, claim in list(found):
                if order[0] != verb or claim.subject.label not in (schema.FACTOR, schema.PATHWAY):
                    continue
                rule = next((r for r in acted.rules if r.voice == "active"
                             and schema.RELATIONS[r.relation].allows(claim.subject.label, schema.FACTOR)), None)
                for m in factors if rule is not None else ():
                    if (claim.subject.id, items[m].term.id) not in done:
                        done.add((claim.subject.id, items[m].term.id))
                        add((trig.first, order[1], m), rule.relation, model.item(order[1]), items[m], acted.form,
                            rule.strength, model.words_between(acted.last, m), False, claim.negated,
                            clause=model.clause[verb])

    @staticmethod
    def _fronted_receptors(model: SentenceModel, groups: list[Group], add) -> None:
        """"Acting through its EP2 and EP4 receptors, PGE2 reprograms ...": the ligand after the opening phrase
        activates the receptors it names."""
        items = model.items
        if len(items) < 6 or items[0].text not in ACTING_WORDS \
                or items[1].text not in ("through", "via"):
            return
        at = 3 if items[2].text in ("its", "their", "the") else 2
        receptors = next((g for g in groups if g.first == at), None)
        if receptors is None or receptors.last + 2 >= len(items) \
                or items[receptors.last + 1].text not in ("receptor", "receptors") \
                or items[receptors.last + 2].text != ",":
            return
        ligand = next((g for g in groups if g.first == receptors.last + 3), None)
        if ligand is None:
            return
        for a in ligand.members:
            for m in receptors.members:
                if items[a].term.label == schema.FACTOR and items[m].term.label == schema.FACTOR:
                    add((0, a, m), "ACTIVATES", items[a], items[m], f"{items[0].text} {items[1].text}", 0.6,
                        model.words_between(m, a), False, False, clause=model.clause[a])

    def _lowered_by_other_agent(self, model: SentenceModel, obj_group: Group, relation: str = "EXPRESSES") -> bool:
        """"EVs reduced collagen I expression": the noun phrase is the object of a lowering verb whose agent, the
        entity right before the verb, is no MSC source or product (so the expression is that of the cells acted
        on; a raising one, "IFN-γ priming upregulates IDO expression", is often the MSCs' own). Secretion lowered
        by MSCs is the secretion of other cells too ("MSCs reduced TNF-α production"), and so is the second
        object of the verb ("IL-10 suppresses Th1 responses and IFN-γ production")."""
        items = model.items
        at = _before_articles(model, obj_group.first)
        verb = self._verb_ending_at(model, at, "INHIBITS")
        if verb is None and relation == "SECRETES" and at > 0 and items[at].text == "and":
            verb = next((first for first, last, words in model.find_phrases(self.rules.triggers)
                         if at - 8 <= last < at and model.clause[first] == model.clause[at]
                         and not any(items[x].text in (",", ";", "which", "that", "by") for x in range(last + 1, at))
                         and any(r.voice == "active" and not r.glued and r.relation == "INHIBITS"
                                 for r in self.rules.triggers[words])), None)
        if verb is None:
            return False
        agent = next((x for x in range(verb - 1, -1, -1) if items[x].kind == "ent"
                      and model.clause[x] == model.clause[verb]), None)
        if agent is None:
            return False
        if items[agent].term.label not in (schema.MSC_SOURCE, schema.PRODUCT):
            after = obj_group.last + 2
            # "decreased COX-2 expression and PGE2 release in BM-MSCs": the MSCs named after are the makers
            return not (relation == "SECRETES" and after + 1 < len(items) and items[after].text in ("in", "by")
                        and items[after + 1].kind == "ent" and items[after + 1].term.label == schema.MSC_SOURCE)
        # "MSCs reduced TNF-α production": the MSCs, right before the verb, lower the secretion of other cells
        # (not "Knockdown of COX-2 in MSCs by siRNA lowered PGE2 secretion", where they are no agent)
        return relation == "SECRETES" and agent == verb - 1

    def _object_of_verb(self, model: SentenceModel, trig: Trigger) -> bool:
        """The noun phrase starting at ``trig`` is the object of a verb trigger right before it."""
        i = _before_articles(model, trig.first)
        # "lowered microglial release of TNF-α": one modifier may stand between
        return self._verb_ending_at(model, i) is not None or (
            i >= 0 and model.items[i].kind == "word" and self._verb_ending_at(model, i - 1) is not None)

    def _second_object_of_change(self, model: SentenceModel, trig: Trigger) -> int | None:
        """"suppresses the recruitment of neutrophils and the expression of IL-1β": the noun phrase at ``trig``
        follows "and" after the object of a verb of change earlier in the clause; that verb's first item, else
        None."""
        items = model.items
        i = _before_articles(model, trig.first)
        if i < 2 or items[i].text != "and":
            return None
        verbs = [(first, last) for first, last, words in model.find_phrases(self.rules.triggers)
                 if i - 12 <= last < i - 1 and not words[-1] == "of"
                 and any(r.voice == "active" and not r.glued and r.relation in CHANGE_RELATIONS
                         for r in self.rules.triggers[words])]
        if not verbs:
            return None
        first, last = max(verbs, key=lambda v: v[1])
        if any(items[x].text in (",", ";", "which", "that") for x in range(last + 1, i)):
            return None
        return first

    def _verb_ending_at(self, model: SentenceModel, i: int, relation: str | None = None) -> int | None:
        """The first item of an active verb trigger (not a glued form; with a rule of ``relation`` if given) that
        ends at item ``i``, else None."""
        return next((first for first, last, words in model.find_phrases(self.rules.triggers)
                     if last == i and any(r.voice == "active" and not r.glued and relation in (None, r.relation)
                                          for r in self.rules.triggers[words])), None)

    @staticmethod
    def _diseases_named_after(model: SentenceModel, groups: list[Group], group: Group) -> Group | None:
        """The diseases right after a general harm ("tissue damage", "fibrosis") and "in": "reduced tissue
        damage in acute kidney injury, myocardial infarction and GVHD" treats those three."""
        items = model.items
        if not all(items[m].term.kind == "general" for m in group.members) \
                or group.last + 2 >= len(items) or items[group.last + 1].text != "in":
            return None
        after = next((g for g in groups if g.first == group.last + 2), None)
        if after is None or not all(items[m].term.label == schema.DISEASE for m in after.members):
            return None
        return after

    def _setting(self, model: SentenceModel, groups: list[Group], trig: Trigger) -> tuple | None:
        """"Among children with SR-aGVHD, RYONCIL produced a response": a therapeutic verb without a disease
        of its own takes the disease of the patients or animals the sentence is about."""
        items = model.items
        first = line_start(model)
        label = [x for x in range(first, min(len(items), first + 8)) if items[x].text == ":"]
        if label and label[0] < trig.first and all(items[x].kind == "ent" or items[x].text in ("and", ",", "/", "in")
                                                    for x in range(first, label[0])):
            # "- Knee osteoarthritis: intra-articular MSCs may ease pain", "CLI in Buerger's disease: ...": the
            # run-in label is the setting
            diseases = [x for x in range(first, label[0]) if items[x].kind == "ent"
                        and items[x].term.label == schema.DISEASE]
            if diseases:
                return diseases, model.words_between(label[0], trig.first), Group(diseases, first, label[0] - 1)
        start = after_label(model)
        if start < len(items) and items[start].text == "in":
            # "In DSS-induced colitis, primed BM-MSCs reduced ...", "Notes: In knee osteoarthritis, ...", "In a
            # separate open-label study in critical limb ischemia, ...": the sentence is about that disease
            comma = next((x for x in range(start + 1, min(len(items), start + 14)) if items[x].text == ","), None)
            while comma is not None and _lists_diseases_on(model, comma):
                # "In animal models of myocardial infarction, acute kidney injury and ARDS, ...": the setting
                # ends at the comma after its list
                comma = next((x for x in range(comma + 1, min(len(items), comma + 10)) if items[x].text == ","),
                             None)
            begin = start + 1
            study = next((x for x in range(begin, comma) if items[x].text in STUDIES), None) if comma else None
            if study is not None and study - begin <= 5 and study + 1 < comma \
                    and items[study + 1].text in ("in", "of", "with") \
                    and not any(items[x].kind == "ent" for x in range(begin, study)):
                begin = study + 2   # the study's words before its disease
                if begin + 1 < comma and items[begin].kind == "word" and items[begin + 1].kind == "ent":
                    begin += 1      # one adjective of the model's own: "a mouse model of xenogeneic GvHD"
            end = comma
            if comma is not None and comma - begin >= 2 and items[comma - 1].text in STUDIES:
                # "In our ARDS study, ...": the disease the study is named by
                end = comma - 1
                begin += items[begin].text in ("a", "an", "the", "our", "their", "this", "that", "his", "her")
            if comma is not None and comma < trig.first and all(
                    items[x].kind == "ent" or items[x].text in DISEASE_MODIFIERS | MODEL_ANIMALS | {"-", "and", "or"}
                    or items[x].text == "," and _lists_diseases_on(model, x)
                    or _hyphen_part(model, x) for x in range(begin, end)):
                diseases = [x for x in range(begin, end) if items[x].term is not None
                            and items[x].term.label == schema.DISEASE]
                if diseases:
                    return diseases, model.words_between(comma, trig.first), Group(diseases, begin, end - 1)
        for group in groups:
            # "a murine ARDS model in which umbilical cord MSCs reduced lung water": the model's disease
            k = group.last + 1
            if k + 1 < trig.first and items[k].text in ("model", "models") and (
                    items[k + 1].text in ("where", ",") or items[k + 1].text == "in" and items[k + 2].text == "which"):
                diseases = [m for m in group.members if items[m].term.label == schema.DISEASE]
                if diseases and model.clause[k] == model.clause[trig.first]:
                    return diseases, model.words_between(k, trig.first), group
            k += k < len(items) and items[k].text == ","
            if k + 2 < trig.first and items[k].text == "in" and items[k + 1].text == "which":
                # "candidates for spinal cord injury, in which DPSC transplantation improved locomotion": the
                # disease the clause is set in
                diseases = [m for m in group.members if items[m].term.label == schema.DISEASE]
                if diseases:
                    return diseases, model.words_between(k, trig.first), group
        for group in groups:
            at = group.first
            w = at - 1      # "with", perhaps across modifiers: "mice with LPS-induced acute lung injury"
            free = 2        # and up to two other adjectives: "mice with polymicrobial sepsis"
            while w > 0 and (items[w].kind == "ent" or items[w].text == "-" or items[w].text in DISEASE_MODIFIERS
                             or free and items[w].kind == "word"
                             and (items[w - 1].text != "of" or items[w + 1].text == "-")
                             and items[w].text not in PREPOSITIONS | AUXILIARIES | SETTING_LINKS | {"and", "or"}):
                if items[w].kind == "word" and items[w].text not in DISEASE_MODIFIERS:
                    free -= 1
                w -= 1
            if model.clause[at] > model.clause[trig.first] or w < 1:
                continue
            if items[w].text == "to" and items[w - 1].text in ("subjected", "exposed"):
                w -= 1      # "mice subjected to myocardial ischaemia-reperfusion injury"
            elif items[w].text in ("of", "in") and items[w - 1].text in STUDIES:
                pass        # "in several uncontrolled studies of decompensated cirrhosis", "in a pilot study in OA"
            elif items[w].text not in SETTING_LINKS:
                continue    # "mice with sepsis", "in pigs after myocardial infarction"
            before = {items[x].text for x in range(max(0, w - 4), w)}
            diseases = [m for m in group.members if items[m].term.label == schema.DISEASE]
            if w >= 3 and items[w - 1].text in POPULATIONS and items[w - 2].text in ("from", "of") \
                    and items[w - 3].kind == "ent" and items[w - 3].term.label == schema.CELL_TYPE:
                continue    # "RORγt expression by CD4+ T cells from patients with PBC": cells taken from the
                # patients, who were not treated
            if diseases and before & (POPULATIONS | STUDIES):
                gap = model.words_between(min(at, trig.last), max(at, trig.first))
                return diseases, gap, group
        return None

    def _directed(self, model: SentenceModel, rule: TriggerRule, obj_group: Group,
                  subjects: list[int]) -> TriggerRule:
        """"boost VEGF secretion via p38 activation": the verb before the object and the state named after the
        agent ("activation", "inhibition") give "via" its direction; without both it stays MODULATES."""
        after = max(subjects) + 1
        state = model.items[after].text if after < len(model.items) else ""
        sign = 1 if state in ACTIVE_STATES else -1 if state in INACTIVE_STATES else 0
        if not sign and all(model.item(x).term.label == schema.PATHWAY and (model.item(x).text.lower().endswith(
                ("signalling", "signaling", "pathway", "cascade", "axis"))
                or _bare_route(model, x) and self._raising_verb_before(model, x - 1)) for x in subjects):
            sign = 1    # "induces MMP-13 through NF-κB signalling": a pathway named as signalling is active, and so
            # is one named alone after a verb that raises ("raise COX-2 and PGE2 through NF-κB, as ..."; after
            # "reduces IL-6 release through NF-κB" the pathway's own state is not said)
        if not sign:
            return rule
        verbs = {last: words for _, last, words in model.find_phrases(self.rules.triggers)}
        i = obj_group.first - 1
        # "induces the matrix-degrading enzymes MMP-13": the verb before the object's own words
        while i >= 0 and i not in verbs and obj_group.first - i <= 6 and (
                model.items[i].kind == "word" or model.items[i].text == "-"):
            i -= 1
        if i in verbs:
            relations = {r.relation for r in self.rules.triggers[verbs[i]] if r.voice == "active" and not r.glued}
            for verb_sign, direction in ((1, "ACTIVATES"), (-1, "INHIBITS")):
                if direction in relations:
                    return replace(rule, relation="ACTIVATES" if verb_sign * sign > 0 else "INHIBITS")
        return rule

    def _raising_verb_before(self, model: SentenceModel, k: int) -> bool:
        """The nearest trigger ending before item ``k`` is a verb that raises (ACTIVATES, never INHIBITS)."""
        verbs = [(last, words) for _, last, words in model.find_phrases(self.rules.triggers) if last < k]
        if not verbs:
            return False
        relations = {r.relation for r in self.rules.triggers[max(verbs)[1]] if r.voice == "active"}
        return "ACTIVATES" in relations and "INHIBITS" not in relations

    def _topic_subject(self, model: SentenceModel, rule: TriggerRule, trig: Trigger) -> bool:
        """A noun of secretion or expression with no agent in the sentence takes the previous sentence's source;
        so do trials or studies in a disease ("Randomised trials in ARDS have not shown a clear benefit")."""
        if model.topic is None:
            return False
        if rule.relation == "INVESTIGATED_FOR" and rule.form.split()[0] in STUDIES:
            # (only MSCs in general: trials after a sentence on adipose MSCs need not be of adipose MSCs)
            return (model.topic.term.kind == "generic" or model.topic.term.label == schema.PRODUCT) and not any(
                it.kind == "ent" and it.term.label in (schema.MSC_SOURCE, schema.PRODUCT) for it in model.items)
        if rule.relation not in ("SECRETES", "EXPRESSES") or model.topic.term.label != schema.MSC_SOURCE:
            return False
        if trig.first > 0 and model.items[trig.first - 1].kind == "ent" \
                and model.items[trig.first - 1].term.kind == "vesicle":
            return False    # "..., and their EVs carried CD9, CD63 and CD81": the vesicles carry them
        if _telegraphic(model, trig, self._line_verbs):
            return True
        if any(it.kind == "ent" and it.term.kind == "vesicle" and model.clause[i] == model.clause[trig.first]
               for i, it in enumerate(model.items[:trig.first])):
            return False    # "EVs suppressed STAT3 and restored BMPR2 expression": the tissue's, the EVs acting
        cells_before = rule.relation == "EXPRESSES" and any(
            model.items[i].text == "cells" and model.clause[i] == model.clause[trig.first] for i in range(trig.first))
        if not (rule.voice == "nominal" or rule.form.endswith(" of") or rule.form.startswith("secreted ")
                or cells_before):
            return False    # "95% of cells positive for CD73" names the paragraph's cells ("secreted factors
            # such as PGE2" is a noun phrase of secretion)
        relative = [r for r in range(trig.first) if model.items[r].text in ("that", "which")
                    and model.clause[r] == model.clause[trig.first]]
        if any(it.kind == "ent" and it.term.label in (schema.FACTOR, schema.PATHWAY) and i < relative[-1]
               and model.words_between(i, trig.first) <= 8 for i, it in enumerate(model.items[:trig.first])
               if relative and model.clause[i] == model.clause[trig.first]):
            return False    # "Nrf2 is a transcription factor that controls the expression of HO-1": Nrf2's doing
        after = model.items[trig.last + 1:trig.last + 9]
        place = next((k for k, it in enumerate(after) if it.text in ("in", "within", ",", ";")), None)
        if place is not None and after[place].text != "," and any(
                it.kind == "word" and it.text in TISSUE_PLACES for it in after[place + 1:place + 4]):
            return False    # "Expression of claudin-5 in spinal cord vessels was preserved": the tissue's
        if after and after[0].text in ("by", "from") and any(
                it.kind == "ent" and it.term.label == schema.CELL_TYPE for it in after):
            return False    # "TNF-α release by LPS-stimulated THP-1 macrophages": the agent is named
        # (cells named after the trigger are not its subject: "... lack CD45, whose presence would point to
        # contamination with blood cells")
        return not any(it.kind == "ent" and (it.term.label == schema.MSC_SOURCE
                                             or it.term.label == schema.CELL_TYPE and i < trig.first)
                       for i, it in enumerate(model.items))

    def _subject_before_object(self, model: SentenceModel, groups: list[Group], trig: Trigger,
                               labels: frozenset[str], obj_group: Group) -> tuple[list[int], int]:
        for group in groups:
            if trig.last < group.first and group.last < obj_group.first:
                chosen = [m for m in group.members if model.items[m].term.label in labels]
                if chosen:
                    return chosen, model.words_between(trig.last, group.first)
        return [], 0

    def _side_groups(self, model: SentenceModel, groups: list[Group], trig: Trigger, side: str) -> list[Group]:
        clause = model.clause[trig.first]
        if side == "right":
            return [g for g in groups if g.first > trig.last and model.clause[g.first] == clause]
        return [g for g in reversed(groups) if g.last < trig.first and model.clause[g.last] == clause]

    def _gap(self, model: SentenceModel, trig: Trigger, group: Group, side: str) -> int:
        if side == "right":
            return model.words_between(trig.last, group.first)
        return model.words_between(group.last, trig.first)

    def _between(self, trig: Trigger, group: Group, side: str) -> tuple[int, int]:
        return (trig.last, group.first) if side == "right" else (group.last, trig.first)

    @staticmethod
    def _setting_disease(model: SentenceModel, groups: list[Group], treated: Group, fits) -> list[int]:
        """"reduced lung oedema and protein leak in a mouse model of ARDS", "reduced fibrosis in rats with
        cirrhosis", "may reduce fractures in children with osteogenesis imperfecta": the disease of the model or
        patients in which what was treated was treated, treated too."""
        items = model.items
        starts = {t.first for t in model.triggers()}
        x = next((y for y in range(treated.last + 1, min(len(items), treated.last + 6)) if items[y].text == "in"), None)
        if x is None or any(items[y].kind != "word" or not items[y].text.isalpha() or y in starts
                            for y in range(treated.last + 1, x)):
            return []     # ("and protein leak in a mouse model of ARDS": a further measure before the setting)
        end = min(len(items), x + 7)
        while x < end and items[x].kind == "word" and (items[x].text in MODEL_WORDS or items[x].text in POPULATIONS):
            x += 1
        setting = next((g for g in groups if g.first == x), None)
        if setting is None or model.verb_follows(setting.last):
            return []
        return [m for m in fits(setting) if items[m].term.label == schema.DISEASE]

    def _find_objects(self, model, groups, trig, rule, labels, side) -> tuple[list[int], int, Group] | None:
        """The nearest group on ``side`` with members the relation takes as object, plus coordinated groups."""
        items = model.items
        fits = lambda group: [m for m in group.members if items[m].term.label in labels
                              and rule.admits_object(items[m].term, self._word_before(model, group.first))]
        chosen: list[int] = []
        first_group: Group | None = None
        gap = 0
        skipped = 0
        skipped_group: Group | None = None
        previous: Group | None = None
        modifier: tuple[list[int], int, Group] | None = None
        if side == "left" and self._word_before(model, trig.first) in ("it", "this"):
            return None     # "abolished by indomethacin, which suggests that it depends on PGE2": "it" is the object
        for group in self._side_groups(model, groups, trig, side):
            fitting = fits(group)
            if side == "right" and len(group.members) > 1 and trig.first > 0 and items[trig.first - 1].text == "to":
                # "use IDO to restrain T cells and TSG-6 to reprogram macrophages": a later member with an
                # infinitive of its own is the agent of that verb, not a second object (but "signals through
                # IL-10R and STAT3 to restrain TNF-α": the infinitive gives the purpose of the finite verb)
                starts = {t.first for t in model.triggers()}
                fitting = [m for m in fitting if m == group.first or not (
                    m + 2 < len(items) and items[m + 1].text == "to" and m + 2 in starts)]
            if side == "left" and previous is None and len(group.members) == 1 and model.compared(group.first):
                continue    # "macrophages rather than epithelial cells might be the target of": not the object
            if side == "right" and previous is None and fitting and group.last + 3 < len(items) \
                    and [x.text for x in items[group.last + 1:group.last + 3]] == ["-", "derived"] \
                    and items[group.last + 3].kind == "ent" and items[group.last + 3].term.label == schema.CELL_TYPE \
                    and items[group.last].term.label == schema.CELL_TYPE:
                continue    # "drive monocyte-derived macrophages": the cells they came from only qualify them
            if side == "right" and model.companion(group.first):
                fitting = []    # "promotes angiogenesis, partly in synergy with VEGF": a partner, not an object
            if side == "right" and group.first > trig.last + 1 and items[group.first - 1].text in SETTING_TIMES \
                    and rule.relation in ("ACTIVATES", "INHIBITS", "MODULATES"):
                fitting = []    # "reduce neutrophil influx and mortality after LPS challenge": the setting
            if side == "right" and group.first > trig.last + 1 \
                    and items[group.first - 1].text in ("toward", "towards") \
                    and rule.relation in ("ACTIVATES", "INHIBITS", "MODULATES"):
                fitting = []    # "reduced their migration toward SDF-1": where the cells went, not what changed
            own = group.first - 1 - (items[group.first - 1].text in ("their", "its", "the"))
            if side == "right" and own > trig.last + 1 and items[own].text == "of" \
                    and items[own - 1].text in ABILITY_NOUNS:
                fitting = []    # "abolished the ability of their conditioned medium to increase M2 macrophages":
                # whose ability was lost, not what was lost
            if side == "right" and group.first > trig.last + 2 and items[group.first - 1].text == "of" \
                    and items[group.first - 2].text in APART_FROM:
                fitting = []    # "suppresses Th17 differentiation independently of IDO": what it does without
            if side == "right" and previous is None and fitting and is_modifier(model, group):
                # "reduced TNF-α-induced phosphorylation of p65": TNF-α qualifies the object; it is the object
                # only when nothing after it fits ("opposing IL-1β-driven matrix breakdown")
                if modifier is None and not self._trigger_between(model, trig.last, group.first):
                    modifier = (fitting, self._gap(model, trig, group, side), group)
                fitting = []
            if previous is None:
                if side == "right" and _new_pronoun_clause(model, trig.last, group.first):
                    return None     # "MSCs release it and it pushes macrophages to make IL-10"
                if side == "right" and rule.voice == "active" and trig.last + 1 < group.first \
                        and items[trig.last + 1].text in ("and", "but", "whereas", "while") \
                        and group.last + 1 < len(items) and items[group.last + 1].text in RISE_WORDS:
                    return None     # "Cleaved caspase-3 decreased and Bcl-2 increased": the verb has no object,
                    # the factor after "and" changed on its own
                gap = self._gap(model, trig, group, side)
                # a list after a relative clause on the noun it names members of: "release natural substances that
                # help the lung to heal, such as KGF" (the clause's verbs and words do not part it from the verb)
                listed = side == "right" and self._listed_after_clause(model, group)
                if side == "right" and any(items[x].text in CONTRAST or items[x].text == "while"
                                           and items[x - 1].text == "," or items[x].text == "whether"
                                           for x in range(trig.last + 1, group.first)):
                    return None     # "abolished the effect, whereas inhibiting miR-144-5p did not", ", while HGF",
                    # "protect against AKI and whether TSG-6 is required"
                if side == "right" and any(items[x].text in CONDITIONS and self._trigger_between(model, x, group.first)
                                           for x in range(trig.last + 1, group.first)):
                    return None     # "released at passage 4 if at least 95% expressed CD73": the condition's verb
                if side == "right" and any(items[x].text == "that" and items[x - 1].text in REPORTING
                                           for x in range(trig.last + 2, group.first)):
                    return None     # "restored proliferation, demonstrating that IDO contributes": a new clause
                pronoun = group.first - 1 - (items[group.first - 1].text in DETERMINERS)
                if side == "right" and pronoun - 1 > trig.last and items[pronoun].text in ("that", "which") \
                        and items[pronoun - 1].kind == "word" and items[pronoun - 1].text not in REPORTING:
                    return None     # "abolished much of the protection that the vesicles had conferred": the
                    # subject of a relative clause on the object
                if side == "right" and any(items[x].text == "," for x in range(trig.last + 1, group.first)) \
                        and self._in_relative_clause(model, trig.first):
                    return None     # "secreted KGF, which restored fluid clearance, and TSG-6": the clause closed
                if side == "right" and any(items[x].text in ("that", "which") and items[x - 1].kind == "word"
                                           and items[x - 1].text not in ("so", "such") and items[x + 1].kind == "word"
                                           for x in range(trig.last + 2, group.first - 1)) and not listed:
                    return None     # "induce chemokines that draw T cells": the relative clause's object
                if rule.glued or rule.voice == "nominal":
                    adjacent = group.first == trig.last + 1 if side == "right" else group.last == trig.first - 1
                    if not adjacent or not fitting:
                        return None
                if listed and gap > rule.object_window:
                    # counted to the noun the list names members of
                    pronoun = next((x for x in range(trig.last + 1, group.first) if items[x].text in ("that", "which")),
                                   group.first)
                    gap = model.words_between(trig.last, pronoun)
                if gap > rule.object_window:
                    return None
                if side == "right" and [x.text for x in items[group.first - 2:group.first]] == [",", "and"] \
                        and (model.verb_follows(group.last) or self._trigger_between(
                            model, group.last, min(len(items) - 1, group.last + 6))):
                    return None     # "promote angiogenesis, and stanniocalcin-1 has", "drive synovial
                    # inflammation, and RANKL expressed by synovial fibroblasts activates": a clause of its own
                if not fitting and side == "right" and skipped and is_modifier(model, group) and (
                        modifier is not None and modifier[2] is group or any(
                        g.first == group.last + 3 and fits(g) and (
                            items[g.first].term.label == schema.DISEASE or items[g.first].term.label == schema.CELL_TYPE
                            and self._word_before(model, group.first) in ("in", "of"))
                        for g in groups)):
                    continue    # "examined GMSCs in dextran sulfate sodium (DSS)-induced colitis": the inducer
                    # glued to the object's name is part of it; "protect chondrocytes from IL-1β-induced
                    # catabolism": a fitting modifier is kept for last, not counted as a group passed over;
                    # "suppressed NF-κB activation in LPS-stimulated microglia": the cells it acts in
                if not fitting and side == "right" \
                        and [x.text for x in items[group.first - 2:group.first]] == [",", "and"]:
                    return None     # "drive synovial inflammation, and RANKL expressed by synovial fibroblasts":
                    # what does not fit after ", and" opens a clause of its own
                if not fitting:
                    skipped += 1
                    if skipped > 1:
                        return None
                    skipped_group = group
                    continue
                if side == "right" and skipped and any(
                        items[x].text == "by" and items[x + 1].kind == "word" and items[x + 1].text.endswith("ing")
                        for x in range(skipped_group.last + 1, group.first - 1)):
                    return None     # "promote angiogenesis by delivering VEGF": the means, not a second object
                if side == "right" and skipped and self._other_preposition(model, skipped_group, group):
                    return None
                # another verb in between takes this object, unless it points at the same words
                # ("effective in managing GvHD", "investigated as a therapy for chronic wounds")
                if self._trigger_between(model, *self._between(trig, group, side),
                                         toward=group.first if side == "right" else None) and not listed:
                    return None
                named = self._named_as(model, groups, group, fits)
                if named is not None:
                    group, fitting = named, fits(named)     # "white blood cells called macrophages": the name
                chosen.extend(fitting)
                previous = first_group = group
                continue
            # coordinated further groups: "M1 activity and pro-inflammatory cytokines like TNF-α"
            a, b = (previous.last, group.first) if side == "right" else (group.last, previous.first)
            if side == "right" and fitting and model.relative_clause_between(a, b, members=fits) \
                    and not model.verb_follows(group.last):
                chosen.extend(fitting)  # "secreted KGF, which restored fluid clearance, and TSG-6"
                previous = group
                continue
            if side == "right" and not fitting and self._inside_relative_clause(model, a, group.first, fits):
                continue    # "release IL-10, which produces an anti-inflammatory effect, and HGF": inside the clause
            if side == "right" and not fitting and _labels_bracketed_list(model, group, self.rules.words("factor_head")):
                continue    # "angiogenic (VEGF, HGF) and immunoregulatory (TGF-β1, PGE2) factors": a label
            between = items[a + 1:b]
            # ("the absence of HLA class II and of the costimulatory molecules CD80 and CD86": "and of" again)
            reach = 6 if [x.text for x in between if x.text != ","][:2] == ["and", "of"] else 4
            if not fitting or len([x for x in between if x.kind == "word"]) > reach \
                    or not any(x.text in ("and", "or", ",", "as") for x in between) \
                    or any(x.text in (";", "which", "that", "while", "but", "yet", "whether") or x.text in CONTRAST
                           or x.after_citation
                           for x in between) \
                    or self._trigger_between(model, a, b) or self._noun_trigger_between(model, a, b) and not (
                        rule.relation in CHANGE_RELATIONS and [x.text for x in between][:1] == ["and"]
                        and [x.text for x in between][-2:-1] and between[-2].text in OUTPUT_NOUNS) \
                    or side == "right" and model.coordinated_clause(previous.members, a + 1, b) \
                    or side == "right" and [x.text for x in between[-2:]] == [",", "and"] \
                    and model.verb_follows(group.last) \
                    or any(x.text in ("model", "models") or x.text in SETTING_TIMES for x in between) \
                    or side == "left" and any(x.text in PRIMING_NOUNS for x in between) \
                    or side == "left" and self._in_opening_setting(model, group.last, previous.first) \
                    or side == "right" and [x.text for x in between[:2]] in ([",", "a"], [",", "an"]) \
                    or side == "right" and self._other_preposition(model, first_group, group):
                break   # ("secrete HGF and TGF-β1, and after interferon-γ priming they": a setting, no member;
                # "After IFN-γ licensing, galectin-9 secretion rose": the stimulus, not a second object; "treat
                # ARDS, a sudden, serious lung injury": what the disease is, no second one)
            if side == "right" and is_modifier(model, group) and any(
                    g.first == group.last + 3 and fits(g) for g in groups):
                continue    # "and in hepatitis B-related cirrhosis": the head after it is the member
            chosen.extend(fitting)
            previous = group
        if chosen and side == "right" and rule.relation == "TREATS":
            chosen.extend(self._setting_disease(model, groups, previous, fits))
        if chosen and side == "right" and rule.relation == "DERIVED_FROM" \
                and all(items[m].term.id == self.generic.id for m in chosen):
            taken = self._taken_from(model, groups, previous)
            if taken is not None:
                chosen = taken.members  # "contains cells called MSCs, which are taken from the umbilical cord"
        if chosen:
            return chosen, gap, first_group
        if modifier is not None and modifier[1] <= rule.object_window:
            return modifier
        return None

    @staticmethod
    def _other_preposition(model: SentenceModel, first: Group, group: Group) -> bool:
        """"release of HGF, which inhibits stellate cell activation, and of EVs": a group after a preposition
        that the first object did not follow belongs to an earlier phrase."""
        items = model.items
        before = items[group.first - 1].text
        return before in PREPOSITIONS and group.first >= 2 and items[group.first - 2].text in ("and", "or") \
            and (first.first < 1 or items[first.first - 1].text != before)

    @staticmethod
    def _word_before(model: SentenceModel, index: int) -> str:
        """The word before item ``index``, skipping articles ("removed the CXCL12" -> "removed")."""
        i = index - 1
        while i >= 0 and model.items[i].text in ("the", "a", "an"):
            i -= 1
        return model.items[i].text if i >= 0 and model.items[i].kind == "word" else ""

    def _noun_trigger_between(self, model: SentenceModel, a: int, b: int) -> bool:
        """A noun trigger of its own between two groups: "expression of A, and absence of B"."""
        return any(a < first and last < b and words[-1] == "of"
                   for first, last, words in model.find_phrases(self.rules.triggers))

    def _trigger_between(self, model: SentenceModel, a: int, b: int, toward: int | None = None) -> bool:
        """Another verb between items a and b (glued forms, "from" and nouns such as "secretion of" do not count).

        With ``toward``, a verb right before that item (at most two words) does not count either.
        """
        nominal_at = {f for f, _, words in model.find_phrases(self.rules.triggers) if words[-1] == "of"}
        for first, last, words in model.find_phrases(self.rules.triggers):
            rules = self.rules.triggers[words]
            if words[-1] in ("to", "in") and last < b and b in nominal_at \
                    and all(model.items[x].text in ("the", "a", "an") for x in range(last + 1, b)):
                continue    # "contribute to the inhibition of", "result in the activation of": a light verb
            before = first - 1
            if before > 0 and model.items[before].text == ")" and model.items[before - 1].kind == "ent":
                before -= 1     # "Keratinocyte growth factor (KGF) secreted by the cells"
            if before >= 0 and model.items[before].kind == "ent" and (
                    any(r.voice == "nominal" for r in rules) or reduced_relative_form(words)):
                continue    # "IL-6 release", "exosomes derived from": a noun or a participle after its entity
            if words[-1] in ("a", "an"):
                continue    # "HGF has an anti-apoptotic effect on cardiomyocytes": the light verb of the noun
            if not rules[0].glued and model.in_compound(first):
                continue    # "an allogeneic, culture-expanded cell product derived from": an adjective
            if a < first and last < b and not rules[0].glued and rules[0].form != "from" \
                    and not rules[0].form.endswith(" of") and rules[0].voice != "nominal":
                if toward is not None and rules[0].voice == "active" and model.words_between(last, toward) <= 2 \
                        and model.items[first - 1].text not in (",", "and"):
                    continue    # not a coordinated verb of its own (", promotes the apoptosis of")
                return True
        return False

    @staticmethod
    def _taken_from(model: SentenceModel, groups: list[Group], cells: Group) -> Group | None:
        """The MSC source a relative clause after generic MSCs names as their origin ("mesenchymal stromal cells,
        which are taken from the umbilical cord of healthy babies")."""
        items = model.items
        k = cells.last + 1 + (cells.last + 1 < len(items) and items[cells.last + 1].text == ",")
        words = [x.text for x in items[k:k + 6]]
        if words[:1] not in (["which"], ["that"]) or "from" not in words:
            return None
        origin = k + words.index("from") + 1
        origin += origin < len(items) and items[origin].text == "the"
        if not all(items[x].kind == "word" and items[x].text in TAKEN_WORDS for x in range(k + 1, origin - 1)):
            return None
        source = next((g for g in groups if g.first == origin), None)
        return source if source is not None and all(
            items[m].term.label == schema.MSC_SOURCE for m in source.members) else None

    @staticmethod
    def _named_as(model: SentenceModel, groups: list[Group], group: Group, fits) -> Group | None:
        """The group a plain-language text names the one before it with ("white blood cells called
        macrophages", "cells known as mesenchymal stromal cells"), when the relation takes it too."""
        items = model.items
        k = group.last + 1
        words = 2 if [x.text for x in items[k:k + 2]] == ["known", "as"] else 1
        if k >= len(items) or items[k].text not in ("called", "named", "known") \
                or words == 1 and items[k].text == "known":
            return None
        named = next((g for g in groups if g.first == k + words), None)
        return named if named is not None and fits(named) else None

    @staticmethod
    def _in_opening_setting(model: SentenceModel, a: int, b: int) -> bool:
        """Item ``a`` lies in an opening "In ...," phrase that the comma before item ``b`` closes ("In cisplatin
        nephrotoxicity, IGF-1 secreted by MSCs ..."): the setting, no list member of the clause."""
        start = after_label(model)
        if start >= len(model.items) or model.items[start].text != "in" or a <= start:
            return False
        comma = next((x for x in range(start + 1, len(model.items)) if model.items[x].text == ","), None)
        return comma is not None and a < comma < b

    @staticmethod
    def _listed_after_clause(model: SentenceModel, group: Group) -> bool:
        """The group opens a list after a comma and "such as" or "including" ("release natural substances that
        help the lung to heal, such as KGF, angiopoietin-1 and IL-10"): the members of the noun before the clause."""
        intro = model.list_intro_items()
        k = group.first - 1
        while k >= 0 and k in intro:
            k -= 1
        return k < group.first - 1 and k >= 0 and model.items[k].text == ","

    @staticmethod
    def _cells_as_subject(model: SentenceModel, group: Group, trig: Trigger) -> bool:
        """Cell types that open the clause of the verb after them ("and macrophages then produce IDO", "that
        phagocytes which engulf the apoptotic cells then produce IDO"): the cells are its subject, and no MSC source
        before them is."""
        items = model.items
        if not all(items[m].term.label == schema.CELL_TYPE for m in group.members) or trig.first - group.last > 9 \
                or any(items[x].kind != "word" for x in range(group.last + 1, trig.first)):
            return False
        return group.first == 0 or items[group.first - 1].text in ("and", "that", ",", ";", "while", "whereas", "but")

    @staticmethod
    def _parallel_change(model: SentenceModel, groups: list[Group], trig: Trigger) -> bool:
        """"showed increased phosphorylated STAT3 and PCNA and decreased BMPR2", "UVB increased MMP-1 secretion and
        reduced type I collagen synthesis": a change word after "and" that pairs with a change word before it,
        whose subject is no entity (a word, or an adjective's verb of showing), has no subject among the factors
        the first change word names."""
        items = model.items
        if len(trig.form.split()) > 1 or items[trig.first].text not in LEVEL_CHANGES or trig.first < 3 \
                or items[trig.first - 1].text != "and":
            return False
        k = trig.first - 2
        while k >= 0 and trig.first - k <= 10 and items[k].text not in (",", ";", ":") \
                and not (items[k].kind == "word" and items[k].text in LEVEL_CHANGES and k > 0
                         and items[k - 1].text != "-"):
            k -= 1      # (not "hypoxia-induced": a compound adjective)
        if k < 0 or items[k].kind != "word" or items[k].text not in LEVEL_CHANGES \
                or not any(items[x].kind == "ent" for x in range(k + 1, trig.first - 1)):
            return False
        j = k - 1
        while j >= 0 and items[j].kind == "word" and (items[j].text in ADVERBS or items[j].text in MODALS
                                                      or items[j].text in GIVING_NOUNS):
            j -= 1      # "EV treatment decreased Bax and increased Bcl-2": the agent of the treatment
        return j < 0 or items[j].kind != "ent"

    def _find_subjects(self, model, groups, trig, rule, labels, side, chained, objects, *,
                       beyond: Group | None = None, window: int | None = None):
        """Subject members, words of distance, and whether the subject was inferred rather than read."""
        items = model.items
        fits = lambda members: [m for m in members if items[m].term.label in labels and m not in objects]
        window = rule.subject_window if window is None else window
        if side == "left" and rule.glued and beyond is None and trig.first > 0 and items[trig.first - 1].kind == "ent":
            # "IL-10-dependent suppression ... and HGF-dependent remyelination": after "and", the entity the form is
            # glued to, not the subject shared along the chain
            if trig.first > 1 and items[trig.first - 2].text == "and" and fits([trig.first - 1]):
                return [trig.first - 1], 0, False
        if side == "left" and beyond is None and trig.form.split()[0] in ("a", "an") and trig.first >= 2 \
                and items[trig.first - 1].text == ",":
            # "by repressing SPRED1, an inhibitor of the MAPK/ERK pathway": the noun the apposition describes
            described = next((g for g in groups if g.last == trig.first - 2), None)
            if described is not None and fits(described.members):
                return fits(described.members), 0, False
        if side == "left" and beyond is None:
            first_by = model.second_means(trig.first)
            if first_by is not None:
                # "mediated by factors such as HGF, which ..., and by suppression of stellate cells": the agent
                # of both means stands before the first "by", if anywhere ("They may calm inflammation by shifting
                # microglia ... and by increasing regulatory T cells": the subject the first means had)
                if chained and max(chained) < first_by:
                    return fits(chained), 0, True
                return self._find_subjects(model, groups, trig, rule, labels, side, chained, objects,
                                           beyond=Group([], first_by, first_by), window=window)
            if trig.first > 0 and items[trig.first].text.endswith("ing") \
                    and (items[trig.first - 1].text in ("whereas", "but")
                         or items[trig.first - 1].text == "and" and trig.first > 1 and items[trig.first - 2].text == ","
                         and not any(it.kind == "word" and it.text.endswith("ing") and len(it.text) > 5
                                     for it in items[:trig.first - 2])):
                # "whereas inhibiting miR-144-5p did not", ", and blocking CD44 abrogated" (but a series of
                # participles goes on: "suppressing T-cell proliferation, ..., and inducing Tregs")
                return [], 0, False
            if self._parallel_change(model, groups, trig):
                return [], 0, False
            if trig.first >= 2 and items[trig.first - 1].text == "to" and items[trig.first - 2].kind == "word" \
                    and items[trig.first - 2].text in ("them", "it"):
                return [], 0, False     # "induces them to produce IL-10" with "them" standing for no source: the
                # cells made to act are its subject, not the sentence's
            if trig.first >= 2 and items[trig.first].text.endswith("ing") and items[trig.first - 1].text == "by" \
                    and items[trig.first - 2].kind == "word" and items[trig.first - 2].text.endswith("ed"):
                return [], 0, False     # "an effect abolished by blocking PGE2": the means of a passive verb with
                # no agent named; nobody in the sentence blocks it
            purpose = self._purpose_of(model, trig)
            if purpose is not None:
                # "PGE2 acts through EP2 receptors on macrophages to raise their IL-10 output": the infinitive's
                # subject is that of the verb it gives the purpose of
                subjects, gap, _ = self._verb_subjects(model, groups, purpose, rule, labels, objects)
                # a pathway the route names acts too: "acts through NF-κB to raise PGE2" (not a receptor)
                route = [m for m in range(purpose.last + 1, trig.first) if items[m].kind == "ent"
                         and items[m].term.label == schema.PATHWAY and items[m].term.label in labels
                         and m not in objects]
                if subjects:
                    return subjects + route, gap + model.words_between(purpose.last, trig.first), True
            embedded = self._before_relative_clause(model, groups, trig.first)
            if embedded is not None:
                # "KGF, which MSCs secrete, protects epithelial cells": the noun phrase before the clause
                return fits(embedded.members), model.words_between(embedded.last, trig.first), False
            if self._clausal_which(model, groups, trig):
                return [], 0, False
            # a verb after "which"/"that" takes the noun phrase right before the pronoun
            rel_at = self._relative_pronoun(model, trig)
            if rel_at is not None:
                before = [g for g in groups if g.last < rel_at and model.clause[g.last] == model.clause[trig.first]]
                if before and (all(items[x].kind == "punct" or items[x].text in HEAD_NOUNS
                                   for x in range(before[-1].last + 1, rel_at))
                               or _cleft(model, before[-1].last + 1, rel_at)
                               or _quantified(model, before[-1].last + 1, rel_at)):
                    antecedent = before[-1]
                    if not fits(antecedent.members) and len(before) > 1 and made_by(model, before[-2], antecedent):
                        antecedent = before[-2]     # "VEGF released by the cells, which may promote angiogenesis"
                    elif len(before) > 1 and _on_the_cells(model, before[-2], antecedent):
                        antecedent = before[-2]     # "PD-L1 and HLA-G on MSCs, which engage PD-1 on T cells"
                    elif len(before) > 1 and _cells_it_acts_in(model, before[-2], antecedent, trig.last):
                        antecedent = before[-2]     # "the PI3K/Akt pathway in neurons, which protects them"
                    chosen = fits(antecedent.members)
                    return chosen, model.words_between(antecedent.last, trig.first), False
                return [], 0, False
            # a verb after "and"/"while"/"by" shares the subject of the verb before it
            if self._after_chain(model, trig, groups):
                antecedent = self._open_relative_antecedent(model, groups, trig)
                if antecedent is not None:
                    # "IL-1Ra, which dampen synovial inflammation and protect chondrocytes": the clause's subject
                    return fits(antecedent.members), model.words_between(antecedent.last, trig.first), True
                verb = self._plain_verb_before(model, trig)
                embedded = self._before_relative_clause(model, groups, verb) if verb is not None else None
                if embedded is not None:
                    # "TSG-6, which MSCs secrete, binds CD44 and attenuates NF-κB": the subject before the
                    # relative clause, not the clause's own subject
                    return fits(embedded.members), model.words_between(embedded.last, trig.first), True
                copula = self._copula_subject(model, groups, trig)
                if copula is not None and fits(copula.members):
                    # "TGF-β1 is also abundant in the MSC secretome and contributes to immunosuppression": the
                    # subject of the copula, not the noun phrase of its complement
                    return fits(copula.members), model.words_between(copula.last, trig.first), True
                agent = self._plain_verb_subject(model, groups, trig)
                untyped = self._untyped_verb_before(model, trig)
                if chained and untyped is not None and untyped.first > max(chained) \
                        and all(r.voice == "active" for r in untyped.rules) \
                        and not untyped.form.split()[0].endswith(NOUN_ENDINGS + ("ance", "ence", "ing")):
                    # "MSCs secrete KGF, and these factors restore fluid clearance and limit the influx of
                    # neutrophils": a verb with a subject of its own, after the shared one, whose object was no entity
                    subjects, gap, _ = self._find_subjects(model, groups, untyped, rule, labels, side, chained, objects)
                    if subjects and min(subjects) > max(chained):
                        return subjects, gap + model.words_between(untyped.last, trig.first), True
                if chained and (agent is None or agent.first < max(chained)):
                    # "MSCs ... secrete growth factors, and promote tissue repair": the shared subject or none,
                    # never the nearer object of the verb before (but "MSCs secrete IDO, and these mediators
                    # account for the benefit by suppressing T cells": the subject of the later plain verb)
                    return fits(chained), 0, True
                if agent is not None:
                    # "TSG-6 bound CD44 and suppressed NF-κB": the subject of a verb that states no relation
                    return fits(agent.members), model.words_between(agent.last, trig.first), False
                previous = self._untyped_verb_before(model, trig)
                if previous is not None:
                    # "exosomes from MSCs improved lung architecture and shifted macrophages": the subject of the
                    # verb before, whose object was no entity
                    subjects, gap, _ = self._find_subjects(model, groups, previous, rule, labels, side, None, objects)
                    if subjects:
                        return subjects, gap + model.words_between(previous.last, trig.first), True
                serial = self._serial_verb_before(model, trig, rule)
                if serial is not None:
                    # "the product suppressed microglia, decreased TNF-α, and inhibited NF-κB": the series shares
                    # the first verb's subject (or none), never the object of the verb before
                    subjects, gap, _ = self._find_subjects(model, groups, serial, rule, labels, side, None, objects)
                    return subjects, gap + model.words_between(serial.last, trig.first), True
        if side == "left" and beyond is None and trig.first > 0:
            k = trig.first - 1
            while k > 0 and items[k].kind == "word" and items[k].text in ADVERBS | MODALS | {"even"}:
                k -= 1
            if items[k].kind == "word" and items[k].text in ("it", "they", "we"):
                # "after IFN-γ priming it suppresses T cells", "when little IFN-γ is around they may even
                # enhance T cell responses": a pronoun no source stood in for
                return [], 0, False
        if side == "left" and beyond is None and trig.first > 0 and items[trig.first - 1].text in ("their", "its"):
            # "this activity is the basis for their use in GVHD": the owner is what the sentence is about (its
            # vesicles, else its first MSCs or product), not the factors named nearer
            before = [g for g in groups if g.last < trig.first]
            if before and all(items[m].term.label == schema.CELL_TYPE for m in before[-1].members) \
                    and items[before[-1].last].text.endswith("s"):
                return [], 0, False     # "block the maturation of dendritic cells, lowering their expression of
                # CD80": the cells named last own it
            owner = next((g for g in before if any(items[m].term.kind == "vesicle" for m in fits(g.members))), None) \
                or next((g for g in before if any(items[m].term.label in (schema.MSC_SOURCE, schema.PRODUCT)
                                                  for m in fits(g.members))), None)
            if owner is None and not before and rule.relation in ("SECRETES", "EXPRESSES") \
                    and self._topic_source(model) is not None:
                return [TOPIC], 0, True     # "Hypoxic preconditioning increased their secretion of VEGF": the
                # paragraph's cells, when the sentence names nothing before "their"
            if owner is None:
                return [], 0, False
            return fits(owner.members), model.words_between(owner.last, trig.first), True
        side_groups = self._side_groups(model, groups, trig, side)
        if beyond is not None:
            side_groups = [g for g in side_groups if g.last < beyond.first]
        skipped = 0
        for n, group in enumerate(side_groups):
            if side == "left" and model.compared(group.first):
                continue    # "Compared with bone marrow MSCs, adipose-derived MSCs secrete": not the subject
            if side == "left" and model.origin_complement(group.first):
                continue    # "MSCs can be isolated from bone marrow ... and express CD73": where they come from
            if side == "left" and _describes_noun(model, group):
                continue    # "DPSCs share the MSC immunophenotype but ... express nestin": a modifier, no agent
            if side == "left" and beyond is None and n == 0 and not rule.glued:
                given = next((agent for agent, _, last in given_to_cells(model, groups) if last == group.last), None)
                if given is not None and fits(given.members) and not self._trigger_between(
                        model, group.last, trig.first) and not any(
                        items[x].text in (",", ";", "which", "that", "and", "but", "whereas")
                        for x in range(group.last + 1, trig.first)):
                    # "Recombinant TSG-6 added to activated microglia reduced TNF-α": the agent given to the
                    # cells, not the cells
                    return fits(given.members), model.words_between(given.last, trig.first), False
            gap = self._gap(model, trig, group, side)
            if rule.glued:
                # the glued entity is the subject before ("MSC-derived"), or the cells right after a form whose
                # object is the glued entity ("HGF-overexpressing MSCs")
                if (group.last != trig.first - 1) if side == "left" else (group.first != trig.last + 1):
                    break
            elif gap > window:
                break
            if beyond is None and self._trigger_between(model, *self._between(trig, group, side)):
                break
            if side == "left" and (self._own_subject_clause(model, group.last, trig.first)
                                   or _unnamed_subject(model, group.last, trig.first)):
                break
            if side == "left" and beyond is None:
                head = self._participle_head(model, groups, group)
                if head is not None and fits(head.members):
                    # "MSCs expressing CD73 suppress T cells": the noun the participle describes
                    return fits(head.members), model.words_between(head.last, trig.first), False
            chosen = fits(group.members)
            if rule.glued and side == "left":
                # "exposed to WJ-MSC EVs, TGF-β1-induced Smad2/3": only what the comma does not part from the form
                chosen = [m for m in chosen if not any(items[x].text == "," for x in range(m, trig.first))]
            if not chosen:
                if side == "left" and group.last == trig.first - 1 and items[group.last].indirect \
                        and items[group.last].text in ("they", "it"):
                    break   # "together they turn on COX-2": the pronoun is the subject, whatever it stood for
                if side == "left" and rule.voice == "nominal" and group.last + 1 < trig.first \
                        and items[group.last + 1].text in LEVEL_CHANGES and not (
                            group.first >= 2 and ((items[group.first - 2].text, items[group.first - 1].text)
                                                   in EXPOSURES or items[group.first - 1].text == "with"
                                                   and items[group.first - 2].text in PRIMED_WORDS)):
                    return [], 0, False     # "and in our rat model they increased eNOS expression", "In skeletal
                    # muscle, MSC exosomes increased GLUT4 expression": what the vesicles (or what the pronoun
                    # stood for) raised is not expressed by the cells or tissue named before (but "MSCs treated
                    # with norepinephrine increased exosome secretion": the treated cells did)
                if side == "right" and n == 0 and trig.form.endswith(" by") and all(
                        items[m].term.label == schema.CELL_TYPE for m in group.members):
                    break   # "IFN-γ released by alloreactive T cells licenses MSCs": the agent is the T cells
                if side == "left" and n == 0 and rule.relation in ("SECRETES", "EXPRESSES") \
                        and self._cells_as_subject(model, group, trig):
                    break   # "and that phagocytes which engulf the apoptotic cells then produce IDO": other cells
                if side == "left" and n == 0 and group.last + 1 < trig.first and all(
                        items[x].kind == "word" and (items[x].text in GIVING_NOUNS or items[x].text in ADVERBS)
                        for x in range(group.last + 1, trig.first)) and any(
                        items[x].text in GIVING_NOUNS for x in range(group.last + 1, trig.first)):
                    break   # "ZO-1 and occludin were lost, and GMSC treatment restored both proteins": the
                    # treatment is the subject (it cannot take this relation), not the factors of the clause before
                skipped += 1
                if skipped > 2:
                    break
                continue
            if side == "left" and rule.voice == "nominal" and any(
                    made_by(model, earlier, group) for earlier in side_groups[n + 1:n + 2]):
                return [], 0, False     # "TSG-6 secreted by UC-MSCs promotes IL-10 production": the cells
                # make the factor that acts, not what the factor raises
            if side == "left":
                # "Alofisel, derived from adipose-derived stem cells, is used in": skip the appositive
                for earlier in side_groups[n + 1:n + 2]:
                    if items[earlier.last + 1].text == "," and any(
                            items[x].text == "," for x in range(group.last + 1, trig.first)) \
                            and fits(earlier.members) and model.words_between(earlier.last, trig.first) <= window:
                        return fits(earlier.members), model.words_between(earlier.last, trig.first), False
            if side == "left" and skipped and group.last + 1 < len(items) \
                    and items[group.last + 1].text in PREPOSITIONS:
                # "EVs from BM-MSCs further downregulate": the head noun phrase before the preposition
                head = self._head_members(model, group, fits)
                if head:
                    return head, gap, False
            if side == "left":
                # "miR-31-5p in MSC-derived exosomes inhibits": the head before the preposition is the subject
                phrase, k = group.first, n + 1
                while k < len(side_groups) and all(x.text == "-" for x in items[side_groups[k].last + 1:phrase]) \
                        and all(items[m].term.label == schema.MSC_SOURCE for m in side_groups[k].members):
                    phrase, k = side_groups[k].first, k + 1     # "in umbilical cord MSC-EVs": one noun phrase
                for earlier in side_groups[k:k + 1]:
                    between = items[earlier.last + 1:phrase]
                    head = self._head_members(model, earlier, fits)
                    words = [x for x in between if x.text != "-"]
                    # (or the factor on the cells' surface: "PD-L1 and PD-L2 on licensed MSCs engage PD-1")
                    surface = _on_the_cells(model, earlier, group)
                    if 1 <= len(words) <= 3 and (surface or any(x.text in PREPOSITIONS for x in words)) \
                            and all(x.kind == "word" for x in words) and head:
                        tissues = [m for m in chosen if items[m].term.label == schema.MSC_SOURCE
                                   and items[m].term.id != self.generic.id]
                        if tissues and all(items[m].term.id == self.generic.id for m in head) \
                                and between[-1].text in ("from", "of"):
                            # "mesenchymal stromal cells taken from Wharton's jelly relieve": the tissue's MSCs
                            return tissues, gap, False
                        # "cord blood MSCs with hyaluronic acid (Cartistem) showed": the product names the whole
                        named = [m for m in chosen if items[m].term.label == schema.PRODUCT and items[m - 1].text == "("]
                        return head + named, model.words_between(earlier.last, trig.first), False
            return chosen, gap, False
        # the sentence topic: an MSC source anywhere before the verb ("MSCs express ...; and (2) lack ..."),
        # but not for a verb whose nearest agent is a cell ("reprogrammed macrophages to produce IL-10")
        nearest = side_groups[0] if side_groups else None
        cell_agent = nearest is not None and not rule.form.endswith(" of") and any(
            items[m].term.label == schema.CELL_TYPE for m in nearest.members)
        if side == "left" and not cell_agent and schema.MSC_SOURCE in labels and rule.relation in (
                "SECRETES", "EXPRESSES", "TARGETS", "TREATS", "INVESTIGATED_FOR"):
            topic = None
            for group in groups:
                if group.last >= trig.first or self._own_subject_clause(model, group.last, trig.first):
                    break
                if rule.relation in ("TREATS", "INVESTIGATED_FOR") and model.clause[group.last] == \
                        model.clause[trig.first] and any(
                        items[m].term.label == schema.PRODUCT for m in fits(group.members)):
                    # the product named last, for a benefit or a study, unless a source came first: "an injection
                    # of ravendostrocel (Fistemra), an adipose-derived MSC product, induced remission of fistulas"
                    topic = topic if topic is not None and topic[0] == schema.MSC_SOURCE else (schema.PRODUCT, group)
                elif topic is None and any(items[m].term.label == schema.MSC_SOURCE for m in fits(group.members)):
                    topic = (schema.MSC_SOURCE, group)
            if topic is not None:
                label, group = topic
                chosen = [m for m in fits(group.members) if items[m].term.label == label]
                return chosen, min(rule.subject_window, model.words_between(group.last, trig.first)), True
        return [], 0, False

    @staticmethod
    def _participle_head(model: SentenceModel, groups: list[Group], group: Group) -> Group | None:
        """The noun phrase a participle right before ``group`` describes, with ``group`` its object or agent:
        "MSCs expressing CD73", "vesicles carrying miR-145", "PD-L1 expressed on MSCs" (the participle a trigger of
        its own)."""
        p = group.first - 1
        if _modifying_participle(model, p) and any(t.first == p for t in model.triggers()):
            return next((g for g in groups if g.last == p - 1), None)
        # "PD-L1 expressed on MSCs binds PD-1", "IL-10 secreted by MSCs suppresses ...": a past participle with
        # its preposition, right after its noun
        items = model.items
        for t in model.triggers():
            if t.last == p and t.first < t.last and t.first > 0 and items[t.first].text.endswith("ed") \
                    and items[t.first - 1].kind == "ent" and items[t.last].text in ("on", "by", "from", "in"):
                return next((g for g in groups if g.last == t.first - 1), None)
        return None

    @staticmethod
    def _own_subject_clause(model: SentenceModel, a: int, trigger: int) -> bool:
        """A subordinate clause opens between ``a`` and the verb and has words of its own before the verb:
        "Migration of MSCs ..., since ischemic brain tissue upregulates SDF-1" (the tissue upregulates it)."""
        items = model.items
        for k in range(a + 1, trigger):
            if items[k].kind == "word" and items[k].text in SUBORDINATORS:
                clause = items[k + 1:trigger]
                if any(x.text == "," for x in clause):
                    return False    # "MSCs, when applied post-angioplasty, were effective": closed before the verb
                if clause and clause[0].kind == "word" and clause[0].text.endswith(("ed", "ing")):
                    return False    # "when injected": a participle, no subject of its own
                return any(x.kind == "word" and x.text not in ADVERBS and x.text not in AUXILIARIES
                           and x.text not in CONNECTOR_WORDS for x in clause)
        return False

    def _open_relative_antecedent(self, model: SentenceModel, groups: list[Group], trig: Trigger) -> Group | None:
        """The noun phrase before ", which" when the verb continues that relative clause (no entity or comma
        between the pronoun and the verb's "and")."""
        items = model.items
        relative = self.rules.words("relative")
        objects = False
        for w in range(trig.first - 1, max(0, trig.first - 14), -1):
            if items[w].text in (",", ";", ":"):
                return None     # ", while lowering TIMP-1" goes back to the main clause's subject
            objects = objects or items[w].kind == "ent"
            if items[w].text in relative and w >= 2 and items[w - 1].text == ",":
                if objects and (items[w + 1].kind == "ent" or items[w + 1].text in ("the", "a", "an", "these")):
                    return None     # ", which MSCs secrete and ...": the clause has a subject of its own
                # ", which acted on EP2 and EP4 receptors and increased ...": the entities were the objects of
                # the clause's first verb
                antecedent = next((g for g in groups if g.last == w - 2), None)
                earlier = [g for g in groups if antecedent is not None and g.last < antecedent.first]
                if earlier and _cells_it_acts_in(model, earlier[-1], antecedent, w + 1):
                    return earlier[-1]      # "the PI3K/Akt pathway in neurons, which protects them ... and sustains"
                return antecedent
        return None

    def _before_relative_clause(self, model: SentenceModel, groups: list[Group], verb: int) -> Group | None:
        """The group before ", which ... ," when that relative clause closes right before the verb at ``verb``."""
        items = model.items
        relative = self.rules.words("relative")
        k = verb - 1
        while k >= 0 and items[k].kind == "word" and items[k].text in ADVERBS:
            k -= 1
        # the rest of the verb phrase: "NurOwn, which is made from ..., did not meet its primary endpoint in"
        rest = 0
        while k >= 0 and rest < 5 and items[k].kind == "word" and items[k].text not in relative | CLAUSE_JOINS:
            k, rest = k - 1, rest + 1
        if k < 3 or items[k].text != ",":
            return None
        for w in range(k - 1, max(0, k - 20), -1):
            if items[w].text in (",", ";", ":", "(", ")"):
                opener = items[w + 1] if w + 1 < k else None
                # ", which MSCs secrete,", ", whose synthesis depends on COX-2,", ", produced through COX-2 in
                # response to TNF-α,"
                if items[w].text == "," and opener is not None and opener.kind == "word" and (
                        opener.text in relative | {"whose"} or len(opener.text) > 4 and opener.text.endswith("ed")):
                    before = [g for g in groups if g.last == w - 1]
                    return before[0] if before else None
                return None
        return None

    def _purpose_of(self, model: SentenceModel, trig: Trigger) -> Trigger | None:
        """The verb an infinitive gives the purpose of: "acts through NF-κB to raise PGE2 output", "binds CD44 on
        macrophages to block NF-κB" (a plain verb, or one that names the route: "through", "via", "on"), with no
        comma between them and the infinitive's "to" right before it (or "and to"). Verbs that make their object
        act ("stimulate macrophages to secrete IL-10") name no route and give no subject here."""
        items = model.items
        if trig.first < 2 or items[trig.first - 1].text != "to":
            return None
        plain = self.rules.words("plain_verb")
        clause = model.clause[trig.first]
        for k in range(trig.first - 2, max(-1, trig.first - 16), -1):
            item = items[k]
            if item.text in (",", ";", ":", "(", ")") or model.clause[k] != clause:
                return None
            if item.kind != "word":
                continue
            routed = next((t for t in model.triggers() if t.last == k and t.first < k
                           and t.form.split()[-1] in ("through", "via", "on")), None)
            if routed is not None:
                return routed
            if item.text in plain:
                return Trigger(k, k, item.text, ())
            if any(t.first <= k <= t.last for t in model.triggers()):
                return None
        return None

    def _verb_subjects(self, model: SentenceModel, groups: list[Group], verb: Trigger, rule: TriggerRule, labels,
                       objects) -> tuple[list[int], int, bool]:
        """The subject of an earlier verb of the sentence, fitted to ``rule``'s labels."""
        if verb.rules:
            return self._find_subjects(model, groups, verb, rule, labels, "left", None, objects)
        agent = self._plain_verb_agent(model, groups, verb.first)
        if agent is None:
            return [], 0, False
        chosen = [m for m in agent.members if model.items[m].term.label in labels and m not in objects]
        return chosen, model.words_between(agent.last, verb.first), False

    @staticmethod
    def _copula_subject(model: SentenceModel, groups: list[Group], trig: Trigger) -> Group | None:
        """The noun phrase right before "is"/"are"/"was"/"were" when the trigger's clause goes on from that copula
        with no verb and no comma between: "TGF-β1 is also abundant in the MSC secretome and contributes to"."""
        items = model.items
        clause = model.clause[trig.first]
        triggers = model.triggers()
        for k in range(trig.first - 1, 0, -1):
            if items[k].text in (",", ";", ":", "(", ")") or model.clause[k] != clause \
                    or any(t.first <= k <= t.last for t in triggers):
                return None
            if items[k].kind == "word" and items[k].text in ("is", "are", "was", "were"):
                return next((g for g in groups if g.last == k - 1), None)
        return None

    def _plain_verb_before(self, model: SentenceModel, trig: Trigger) -> int | None:
        """The last verb of the trigger's clause that states no relation ("binds", "acts")."""
        plain = self.rules.words("plain_verb")
        clause = model.clause[trig.first]
        verbs = [i for i in range(trig.first) if model.items[i].kind == "word" and model.items[i].text in plain
                 and model.clause[i] == clause]
        return verbs[-1] if verbs else None

    def _plain_verb_subject(self, model: SentenceModel, groups: list[Group], trig: Trigger) -> Group | None:
        verb = self._plain_verb_before(model, trig)
        return None if verb is None else self._plain_verb_agent(model, groups, verb)

    @staticmethod
    def _plain_verb_agent(model: SentenceModel, groups: list[Group], verb: int) -> Group | None:
        """The noun phrase right before the verb at ``verb`` ("binds", "acts"): its subject."""
        before = [g for g in groups if g.last < verb and model.words_between(g.last, verb) <= 2]
        if not before:
            return None
        group = before[-1]
        earlier = [g for g in groups if g.last < group.first]
        head = earlier[-1] if earlier else None
        if head is not None and group.first - head.last == 2 and model.items[head.last + 1].text in ("from", "of"):
            return head     # "HGF from H-MSCs binds c-Met, activates ...": the head noun phrase
        return group

    @staticmethod
    def _head_members(model: SentenceModel, group: Group, fits) -> list[int]:
        """The members of ``group`` after its last comma: the noun phrase a following preposition attaches to."""
        members = [m for m in group.members if not any(
            model.items[x].text == "," for x in range(m + 1, group.last + 1))]
        return fits(members)

    @staticmethod
    def _clausal_which(model: SentenceModel, groups: list[Group], trig: Trigger) -> bool:
        """"They lack CD80 and CD86, which is thought to limit their recognition": "which" with a singular verb
        after a list of different entities refers to the whole clause before it, not to the list."""
        items = model.items
        before = [g for g in groups if g.last < trig.first]
        if not before:
            return False
        last = before[-1]
        k = last.last + 1
        return k + 2 < trig.first and items[k].text == "," and items[k + 1].text == "which" \
            and items[k + 2].text in ("is", "was", "has") \
            and len({items[m].term.id for m in last.members}) > 1

    def _relative_pronoun(self, model: SentenceModel, trig: Trigger) -> int | None:
        relative = self.rules.words("relative")
        i = trig.first - 1
        while i >= 0 and (model.items[i].kind == "word" and model.items[i].text in ADVERBS
                          or model.items[i].text == "," and i > 0 and model.items[i - 1].text in ADVERBS | relative):
            i -= 1      # "which, in turn, activates"
        if i >= 0 and model.items[i].kind == "word" and model.items[i].text in relative:
            return i
        return None

    @staticmethod
    def _trigger_before(model: SentenceModel, trig: Trigger) -> Trigger | None:
        """The last trigger of the same clause before ``trig``."""
        clause = model.clause[trig.first]
        before = [t for t in model.triggers() if t.last < trig.first and model.clause[t.first] == clause]
        return before[-1] if before else None

    def _untyped_verb_before(self, model: SentenceModel, trig: Trigger) -> Trigger | None:
        """The verb of the same clause that a chained verb follows, when no entity stands between them."""
        previous = self._trigger_before(model, trig)
        while previous is not None and previous.form in ("from", "of", "by"):
            # "lowered pressure from 68 to 41 mmHg and reduced": a preposition is no verb of the clause
            previous = self._trigger_before(model, previous)
        if previous is None or any(model.items[x].kind == "ent" for x in range(previous.last + 1, trig.first)):
            return None
        if previous.first > 0 and model.items[previous.first - 1].kind == "ent" \
                and previous.rules[0].glued:
            return None     # "MSC-derived": no verb of the clause
        return previous

    def _serial_verb_before(self, model: SentenceModel, trig: Trigger, rule) -> Trigger | None:
        """The active verb of the same clause before a chained active verb, with the entities between them
        its objects: "decreased TNF-α and IL-1β, and inhibited"."""
        if rule.voice != "active":
            return None
        previous = self._trigger_before(model, trig)
        if previous is None or any(r.voice != "active" or r.glued for r in previous.rules):
            return None
        return previous

    def _after_chain(self, model: SentenceModel, trig: Trigger, groups: list[Group]) -> bool:
        """After "and", "while", "by", ... or a participle after a comma (", suppressing T cells")."""
        chain = self.rules.cue("chain")
        i = trig.first - 1
        first_word = trig.form.split()[0]
        plain_verb = len(trig.form.split()) == 1 and all(r.voice == "active" for r in trig.rules) \
            and not first_word.endswith(NOUN_ENDINGS + ("ed",))    # "suppress A, expand B and polarize C"
        if i >= 0 and model.items[i].text == "," and (first_word.endswith(("ing", "s")) and not first_word.endswith("ss")
                                                      or plain_verb):
            # ", suppressing T cells"; "inhibits A, promotes B and stimulates C", "reprograms A, inhibits B"; but
            # not after an appositive: "its soluble form, HLA-G5, favours Tregs"
            before = next((g for g in groups if g.last == i - 1), None)
            return before is None or before.first < 1 or model.items[before.first - 1].text != ","
        if i >= 1 and model.items[i].text in MODALS and model.items[i - 1].text == ",":
            return True     # "they secrete HGF and IL-10, may suppress stellate cells": the same subject's verb
        if i >= 0 and model.items[i].text == "," and first_word.endswith("ed") and len(trig.form.split()) == 1 \
                and (trig.last + 1 >= len(model.items) or model.items[trig.last + 1].text != "by"):
            # "suppressed the activation of stellate cells, lowered α-SMA expression, and reduced ...": a verb in
            # the middle of a series of past verbs (not a participle after a noun: "IL-6, lowered by MSCs")
            clause = model.clause[trig.first]
            if any(t.last < trig.first and model.clause[t.first] == clause and len(t.form.split()) == 1
                   and t.form.endswith("ed") and all(r.voice == "active" and not r.glued for r in t.rules)
                   for t in model.triggers()):
                return True
        if i >= 1 and model.items[i].text == "the" and model.items[i - 1].text == "to":
            i -= 2      # "contribute to the inhibition of NK cells and to the expansion of Tregs"
        while i >= 0 and model.items[i].kind == "word" and (model.items[i].text in ADVERBS - {"in"}
                                                             or model.items[i].text in CONSEQUENCE):
            i -= 1      # "secrete BDNF and could therefore improve"
        while i >= 0 and model.items[i].kind == "word" and model.items[i].text in VIEWED_AS:
            i -= 1      # "act through NF-κB and are considered central drivers of disc degeneration"
        for phrase in chain:
            n = len(phrase)
            if i - n + 1 >= 0 and tuple(model.items[i - k].text for k in range(n - 1, -1, -1)) == phrase:
                return True
        return False

    # ------------------------------------------------------------------ special constructions
    def _embedded_sources(self, model: SentenceModel, add) -> None:
        """A factor named after its source: "MSC-derived exosomes", "MSC-EVs", "BM-MSC-CM" -> SECRETES."""
        for i, item in enumerate(model.items):
            if item.kind != "ent" or item.term.label != schema.FACTOR or item.indirect:
                continue
            source = self._source_in(item)
            if source is not None:
                subj = Item("ent", item.text, item.start, item.end, source)
                add((i, -1, i), "SECRETES", subj, item, "-derived", 0.8, 0, False, False, structural=True,
                    clause=model.clause[i])
            elif glued_vesicles(model, i):
                # "WJ-MSC-EVs", "MenSC-EVs": the tissue's MSCs and their vesicles, read as two mentions
                add((i, i - 2, i), "SECRETES", model.items[i - 2], item, "-derived", 0.8, 0, False, False,
                    structural=True, clause=model.clause[i])

    @staticmethod
    def _agent_after_object(model: SentenceModel, groups: list[Group], trig: Trigger, obj_group: Group,
                            labels, relation: str = "") -> Group | None:
        """The group after "by" that follows the object of a noun of action ("induction of IDO by IFN-γ"); for a
        marker, also the cells after "on" ("the absence of HLA-DR on culture-expanded adipose MSCs")."""
        items = model.items
        if not trig.form.endswith(" of") or obj_group is None or obj_group.first <= trig.last:
            return None
        k = obj_group.last + 1
        if relation == "EXPRESSES" and k + 2 < len(items) and items[k].text in ("was", "were") \
                and items[k + 1].text in AMOUNT_WORDS and items[k + 2].text == "in":
            k += 2      # "Expression of CD146 was higher in hPL-expanded BM-MSCs"
        if k >= len(items) or items[k].text not in (("by", "on", "in") if relation == "EXPRESSES" else ("by",)):
            return None
        k = model.past_cell_modifiers(k + 1)
        agent = next((g for g in groups if g.first == k), None)
        if agent is None or not any(items[m].term.label in labels for m in agent.members):
            return None
        return agent

    def _source_in(self, item: Item) -> Term | None:
        """The MSC source a factor's own name begins with: "MSC" in "MSC exosomes", "BM-MSC" in "BM-MSC-CM"."""
        parts = list(re.finditer(r"[^\s\-\u2010\u2013]+", item.text))
        for k in range(len(parts) - 1, 0, -1):
            term = self.recognizer.lookup(item.text[:parts[k - 1].end()])
            if term is not None and term.label == schema.MSC_SOURCE:
                return term
        return None

    def _apposition(self, model: SentenceModel, add) -> None:
        """A product and the tissue it is made from side by side: "Cartistem (cord blood-derived MSCs)",
        "cord blood-derived MSCs with hyaluronic acid (Cartistem)" -> DERIVED_FROM."""
        items = model.items

        def tissue(i: int) -> bool:
            t = items[i].term
            return items[i].kind == "ent" and t.label == schema.MSC_SOURCE and t.id != self.generic.id

        for i, item in enumerate(items):
            if item.kind != "ent" or item.term.label != schema.PRODUCT:
                continue
            j = i + 1
            while j < len(items) and items[j].text in ("®", "™", "*"):
                j += 1
            k = j + 1     # "Temcell (bone marrow MSCs)", "Stemirac (the patient's own bone marrow MSCs)", a dose
            # before the cells: "Cordiavex (3 × 10^7 allogeneic Wharton's jelly MSCs)"
            while k < min(len(items), j + 10) and items[k].kind != "ent" and items[k].text not in BRACKET_STOPS:
                k += 1
            if j < len(items) and items[j].text == "(" and k < len(items) and tissue(k):
                add((i, k, i), "DERIVED_FROM", item, items[k], "(apposition)", 0.8, 0, False, False,
                    structural=True)
            described = self._described_tissue(model, i)
            if described is None:
                described = self._made_from_clause(model, i, tissue)
            if described is not None:
                add((min(i, described), i, described), "DERIVED_FROM", item, items[described], "(apposition)", 0.8,
                    0, False, False, structural=True)
            if i >= 2 and items[i - 1].text == "(" and i + 1 < len(items) and items[i + 1].text == ")":
                for back in range(i - 2, max(-1, i - 9), -1):
                    if items[back].kind == "punct" and items[back].text not in ("-", "/"):
                        break
                    if tissue(back):
                        add((back, i, i), "DERIVED_FROM", item, items[back], "(apposition)", 0.8,
                            model.words_between(back, i - 1), False, False, structural=True)
                        break

    @staticmethod
    def _made_from_clause(model: SentenceModel, i: int, tissue) -> int | None:
        """'"SunCord MSC," which you describe as MSCs isolated from the Wharton's jelly of ...': the tissue a
        clause after product i says it comes from."""
        items = model.items
        k = i + 1
        quotes = ('"', "\u201d", "\u2019", "'", "\u00ae", "\u2122")
        while k < len(items) and items[k].text in quotes:
            k += 1
        if k >= len(items) or items[k].text != ",":
            return None
        k += 1
        while k < len(items) and items[k].text in quotes:
            k += 1
        if k >= len(items) or items[k].text not in ("which", "a", "an"):
            return None
        for j in range(k + 1, min(len(items), k + 20)):
            if items[j].text in (";", ".", ":") or items[j].kind == "ent" and items[j].term.label == schema.PRODUCT:
                return None
            if tissue(j) and (" from " in items[j].text or items[j - 1].text == "from"
                              or items[j - 1].text == "the" and items[j - 2].text == "from"):
                return j
        return None

    def _described_tissue(self, model: SentenceModel, i: int) -> int | None:
        """The tissue in a description of product i: "a bone marrow-derived MSC product, Temcell" or
        "RYONCIL is an allogeneic bone marrow-derived MSC therapy"."""
        items = model.items

        def tissue(k: int) -> bool:
            return 0 <= k < len(items) and items[k].kind == "ent" and items[k].term.label == schema.MSC_SOURCE \
                and items[k].term.id != self.generic.id

        def described_by(span: range, seen_noun: bool = False, words: set[str] = DESCRIPTION_WORDS) -> int | None:
            for k in span:
                if items[k].kind == "word" and (items[k].text in PRODUCT_NOUNS or items[k].text in MADE_FROM):
                    seen_noun = True
                elif tissue(k):
                    ahead = [x for x in items[k + 1:k + 6] if x.kind == "word" or x.text in (")", "(", "-")
                             or x.kind == "ent" and x.term.id == self.generic.id]
                    # "Temcell, bone marrow MSCs from healthy donors, ...": the cells themselves
                    cells = items[k].text.lower().endswith(("cells", "mscs")) or k + 1 < len(items) \
                        and items[k + 1].kind == "ent" and items[k + 1].term.id == self.generic.id
                    return k if seen_noun or cells or any(x.text in PRODUCT_NOUNS for x in ahead) else None
                elif not (items[k].kind == "ent" and items[k].term.id == self.generic.id
                          or items[k].text in ("-", "(", ")") or items[k].kind == "word"
                          and items[k].text in words):
                    return None
            return None

        if i >= 2 and items[i - 1].text == ",":
            # "a bone marrow MSC product, Temcell"; words before that say nothing of the product leave the
            # apposition after it: "In critical limb ischaemia, Stempeucel, a pooled bone marrow MSC product, ..."
            before = described_by(range(i - 2, max(-1, i - 7), -1))
            if before is not None:
                return before
        elif i >= 2 and items[i - 1].text in ("called", "named", "dubbed", "branded"):
            # "a bone marrow MSC product called Ryoncil"
            return described_by(range(i - 2, max(-1, i - 7), -1))
        if i >= 2 and items[i - 1].text in PRODUCT_NOUNS and items[i - 1].text != "therapy":
            # "the autologous adipose-derived MSC product Cupistem"
            return described_by(range(i - 2, max(-1, i - 7), -1), seen_noun=True)
        k = i + 1
        if k + 3 < len(items) and items[k].text == "(" and items[k + 2].text != ")":
            # "Lipostrocel (allogeneic adipose tissue-derived mesenchymal stromal cells)": what it is made of
            close = next((x for x in range(k + 1, min(len(items), k + 10)) if items[x].text == ")"), None)
            found = None if close is None else described_by(range(k + 1, close), seen_noun=True,
                                                            words=APPOSITION_WORDS)
            if found is not None:
                return found
        if k + 2 < len(items) and items[k].text == "(" and items[k + 2].text == ")":
            k += 3      # "Darvadstrocel (Alofisel), a suspension of ..."
        if k < len(items) and items[k].text == "cells":
            k += 1
        if k + 1 < len(items) and items[k].text == ",":
            if k + 2 < len(items) and items[k + 1].text == "which" and items[k + 2].text in ("is", "are"):
                # "MSC-NTF cells, which are autologous bone marrow MSCs induced to ..."
                return described_by(range(k + 3, min(len(items), k + 10)), seen_noun=True)
            if k + 2 < len(items) and items[k + 1].text == "which" and items[k + 2].text in COMPOSED_OF:
                # "Cartistem, which combines allogeneic umbilical cord blood-derived MSCs with sodium hyaluronate"
                return described_by(range(k + 3, min(len(items), k + 10)), seen_noun=True)
            # "Remestemcel-L, an allogeneic bone marrow-derived MSC product, ...", "Cartistem, from cord blood MSCs"
            return described_by(range(k + 1, min(len(items), k + 10)), words=APPOSITION_WORDS)
        # "Temcell is a bone marrow product", "Neuronata-R (ALS, 2014) and Stemirac are both autologous bone marrow
        # products": the copula after the product, or after the products listed with it
        k = self._after_bracket(model, i + 1)
        while k + 1 < len(items) and items[k].text in (",", "and") and items[k + 1].kind == "ent" \
                and items[k + 1].term.label == schema.PRODUCT:
            k = self._after_bracket(model, k + 2)
        if k + 1 < len(items) and items[k].text in ("is", "was", "are", "were"):
            singular = items[k].text in ("is", "was")
            k += 1 + (items[k + 1].text in ("both", "all"))
            if k < len(items) and items[k].text in ("a", "an"):
                k += 1
            elif singular:
                return None
            # "Stempeucel is a pooled bone marrow MSC product"
            return described_by(range(k, min(len(items) - 1, k + 6)), words=APPOSITION_WORDS)
        return None

    @staticmethod
    def _after_bracket(model: SentenceModel, k: int) -> int:
        """``k``, or the index after the brackets that open at ``k`` ("Temcell (GvHD, Japan, 2015) is ...")."""
        close = closing_bracket(model, k)
        return k if close is None else close + 1

    def _exemplars(self, model: SentenceModel, groups: list[Group]) -> list[tuple[Group, Group]]:
        """(source, factors) for "factors from MSCs, notably IL-10, ..." and "factors secreted by MSCs, such as
        HGF and IL-10, ...": the source secretes the factors named, and they are the subject of the verb after."""
        items = model.items
        heads = self.rules.words("factor_head")
        links = {("from",), ("of",), ("secreted", "by"), ("released", "by"), ("produced", "by"), ("derived", "from")}
        out = []
        for n, group in enumerate(groups[:-1]):
            if not all(items[m].term.label == schema.MSC_SOURCE for m in group.members):
                continue
            link = next((w for w in links if group.first - len(w) >= 1 and tuple(
                x.text for x in items[group.first - len(w):group.first]) == w), None)
            if link is None or items[group.first - len(link) - 1].text not in heads:
                continue
            k = group.last + 1
            if k >= len(items) or items[k].text != ",":
                continue
            rest = tuple(x.text for x in items[k + 1:k + 4])
            intro = self.rules.cue_at(rest, "list_intro")
            named = groups[n + 1]
            if intro is None or named.first != k + 1 + len(intro) \
                    or not all(items[m].term.label == schema.FACTOR for m in named.members):
                continue
            out.append((group, named))
        return out

    def _mechanism_adjectives(self, model: SentenceModel, groups: list[Group], add) -> None:
        """"pro-angiogenic factors such as VEGF and HGF" -> VEGF MEDIATES angiogenesis, HGF MEDIATES angiogenesis."""
        items = model.items
        heads = self.rules.words("factor_head")
        starts: list[tuple[int, Term]] = []
        for i, item in enumerate(items):
            if item.kind == "ent" and item.term.label == schema.MECHANISM:
                starts.append((i, item.term))
        for first, last, words in model.find_phrases(self.rules.adjectives):
            for name in self.rules.adjectives[words]:
                term = self.recognizer.lookup(name)
                if term is not None and term.label == schema.MECHANISM:
                    starts.append((last, term))
                    break
        for at, mechanism in sorted(starts, key=lambda s: s[0]):
            f = at + 1
            if f + 1 < len(items) and items[f].kind == "word" and (items[f].text in heads
                                                                  or items[f].text + "s" in heads):
                f += 1
            if f < len(items) and items[f].kind == "ent" and items[f].term.label in (schema.FACTOR, schema.PATHWAY):
                # "pro-angiogenic growth factors", "the anti-inflammatory cytokine IL-10",
                # "anti-apoptotic PI3K/Akt signalling"
                anchor = Item("ent", mechanism.name, items[at].start, items[at].end, mechanism)
                add((at, f, f), "MEDIATES", items[f], anchor, "(adjective)", 0.65, 0, False, False,
                    clause=model.clause[at])
                continue
            bracketed = next((g for g in groups if g.first == f + 1), None) \
                if f < len(items) and items[f].text == "(" else None
            if bracketed is not None and all(items[m].term.label == schema.FACTOR for m in bracketed.members):
                # "angiogenic (VEGF, HGF) and immunoregulatory (TGF-β1, PGE2, IDO) factors"
                anchor = Item("ent", mechanism.name, items[at].start, items[at].end, mechanism)
                for m in bracketed.members:
                    add((at, m, m), "MEDIATES", items[m], anchor, "(adjective)", 0.65,
                        model.words_between(at, m), False, False, clause=model.clause[at])
                continue
            named = self._described_in_apposition(model, at, heads)
            if named is not None:
                # "TSG-6, an anti-inflammatory protein secreted by MSCs, ...": the factor the noun phrase describes
                anchor = Item("ent", mechanism.name, items[at].start, items[at].end, mechanism)
                add((at, named, named), "MEDIATES", items[named], anchor, "(apposition)", 0.65,
                    model.words_between(named, at), False, False, clause=model.clause[at])
                continue
            j = at + 1
            skipped = 0
            while j < len(items) and items[j].kind == "word" and items[j].text not in heads and skipped < 2:
                j += 1
                skipped += 1
            if j >= len(items) or items[j].text not in heads:
                continue
            k = j + 1
            rest = tuple(x.text for x in items[k:k + 4])
            intro = self.rules.cue_at(rest, "list_intro")
            if intro is not None:
                k += len(intro)
            elif k < len(items) and items[k].text in (",", "("):
                k += 1
                rest = tuple(x.text for x in items[k:k + 4])
                intro = self.rules.cue_at(rest, "list_intro")
                if intro is None:
                    continue
                k += len(intro)
            else:
                continue
            group = next((g for g in groups if g.first == k), None)
            if group is None:
                continue
            anchor = Item("ent", mechanism.name, items[at].start, items[at].end, mechanism)
            for m in group.members:
                add((at, m, m), "MEDIATES", items[m], anchor, "factors such as", 0.7,
                    model.words_between(at, m), False, False, clause=model.clause[m])

    @staticmethod
    def _described_in_apposition(model: SentenceModel, at: int, heads: frozenset[str]) -> int | None:
        """The factor before ", a/an" that mechanism ``at`` and a factor noun after it describe ("TSG-6, an
        anti-inflammatory protein"; its alias in brackets may stand between)."""
        items = model.items
        if at + 1 >= len(items) or not (items[at + 1].text in heads or items[at + 1].text + "s" in heads) \
                or at < 3 or items[at - 1].text not in ("a", "an") or items[at - 2].text != ",":
            return None
        k = at - 3
        if items[k].text == ")" and k >= 2 and items[k - 1].kind == "ent" and items[k - 2].text == "(":
            k -= 1      # "Tumour necrosis factor-stimulated gene 6 (TSG-6), an ..."
        if items[k].kind == "ent" and items[k].term.label == schema.FACTOR:
            return k
        return None

    @staticmethod
    def _predicative_dependence(model: SentenceModel, add) -> None:
        """"Mitochondrial transfer to injured cells is Cx43-dependent": the factor mediates the mechanism."""
        items = model.items
        for v in range(1, len(items) - 3):
            f = v + 1
            if items[v].text not in ("is", "was", "are", "were", "appears", "seems", "proved") \
                    or items[f].kind != "ent" or items[f].term.label not in (schema.FACTOR, schema.PATHWAY) \
                    or items[f + 1].text != "-" or items[f + 2].text not in ("dependent", "mediated", "driven"):
                continue
            m = next((k for k in range(v - 1, max(-1, v - 13), -1) if items[k].kind == "ent"
                      and items[k].term.label == schema.MECHANISM and model.clause[k] == model.clause[v]), None)
            if m is not None and not any(items[k].text in ("which", "that", ",") for k in range(m + 1, v)):
                add((v, f, m), "MEDIATES", items[f], items[m], f"-{items[f + 2].text}", 0.7,
                    model.words_between(m, v), False, False, clause=model.clause[v])

    @staticmethod
    def _attributed_effect(model: SentenceModel, groups: list[Group], add) -> None:
        """"The manufacturer attributes the net immunomodulation to these four factors": the factors (or pathways)
        an effect is credited to mediate it."""
        items = model.items
        for v, it in enumerate(items):
            if it.kind != "word" or it.text not in ATTRIBUTING:
                continue
            m = next((k for k in range(v + 1, min(len(items), v + 5)) if items[k].kind == "ent"), None)
            if m is None or items[m].term.label != schema.MECHANISM or m + 2 >= len(items) or items[m + 1].text != "to":
                continue
            to = next((g for g in groups if g.first == m + 2), None)
            for f in to.members if to else []:
                if items[f].term.label in (schema.FACTOR, schema.PATHWAY):
                    add((v, f, m), "MEDIATES", model.item(f), items[m], f"{it.text} ... to", 0.7,
                        model.words_between(m, f), items[f].indirect, False, clause=model.clause[v])

    @staticmethod
    def _conversion(model: SentenceModel, add, negations: list[int]) -> None:
        """"IDO converts tryptophan into kynurenine": the enzyme uses up the one and makes the other."""
        items = model.items
        for v in range(1, len(items) - 3):
            if items[v].text not in CONVERTS:
                continue
            used = v + 1
            agent = next((k for k in range(v - 1, max(-1, v - 4), -1) if items[k].kind == "ent"), -1)
            if agent < 0 or any(items[k].kind != "word" for k in range(agent + 1, v)):
                continue    # "IDO converts", "IDO does not convert"
            into = next((k for k in range(used + 1, min(len(items), used + 3))
                         if items[k].text in ("into", "to")), None)
            if into is None or into + 1 >= len(items) or any(
                    items[k].kind != "ent" or items[k].term.label != schema.FACTOR for k in (agent, used, into + 1)):
                continue
            negated = any(n < v and v - n <= 3 for n in negations)
            add((v, agent, used), "INHIBITS", items[agent], items[used], items[v].text, 0.7, 1, False, negated,
                clause=model.clause[v])
            add((v, agent, into + 1), "ACTIVATES", items[agent], items[into + 1],
                f"{items[v].text} {items[into].text}", 0.7, model.words_between(agent, into + 1), False, negated,
                clause=model.clause[v])

    @staticmethod
    def _induced_output(model: SentenceModel, add) -> None:
        """"TGF-β1-induced phosphorylation of Smad3", "TNF-α-induced IL-6 secretion": the inducer activates the
        factor whose state or output it brings about."""
        items = model.items
        for i in range(len(items) - 3):
            if items[i].kind != "ent" or items[i].term.label not in (schema.FACTOR, schema.PATHWAY) \
                    or items[i + 1].text != "-" or items[i + 2].text not in ("induced", "stimulated", "driven",
                                                                             "inducible"):
                continue
            k = i + 3
            if items[k].text in INDUCED_OUTPUTS and k + 2 < len(items) and items[k + 1].text == "of":
                target = k + 2
            elif items[k].kind == "ent" and k + 1 < len(items) and items[k + 1].text in INDUCED_OUTPUTS | {"activity"}:
                target = k
            else:
                continue
            if items[target].kind == "ent" and items[target].term.label in (schema.FACTOR, schema.PATHWAY):
                add((i, i, target), "ACTIVATES", items[i], items[target], f"-{items[i + 2].text}", 0.7,
                    model.words_between(i, target), False, False, structural=True, clause=model.clause[i])

    @staticmethod
    def _induced_in_source(model: SentenceModel, add, negations: list[int]) -> None:
        """"Galectin-9 is induced in MSCs by IFN-γ": the inducer activates the factor, which the cells express."""
        items = model.items
        for v in range(1, len(items) - 4):
            src, by, agent = v + 2, v + 3, v + 4
            aux = v - 2 if items[v - 1].text in ("not", "also", "strongly", "further") else v - 1
            if items[v].text not in INDUCED or aux < 1 \
                    or items[aux].text not in ("is", "are", "was", "were", "be", "being") \
                    or items[v + 1].text != "in" or items[src].kind != "ent" \
                    or items[src].term.label != schema.MSC_SOURCE or items[by].text != "by" \
                    or items[agent].kind != "ent" or items[agent].term.label != schema.FACTOR:
                continue
            target = next((k for k in range(aux - 1, max(-1, aux - 5), -1) if items[k].kind == "ent"), None)
            if target is None or items[target].term.label != schema.FACTOR \
                    or any(items[k].kind == "punct" for k in range(target + 1, v)):
                continue
            negated = any(target < n < v for n in negations) or items[v - 1].text == "not"
            add((target, agent, target), "ACTIVATES", items[agent], items[target], f"{items[v].text} by", 0.75,
                model.words_between(target, agent), False, negated, clause=model.clause[v])
            add((target, src, target), "EXPRESSES", items[src], items[target], f"{items[v].text} in", 0.7,
                model.words_between(target, src), False, negated, clause=model.clause[v])

    def _approvals(self, model: SentenceModel, add, negations: list[int]) -> set[tuple[str, str]]:
        """Approval statements: each disease pairs with the nearest product; agency, country, year from the text."""
        items = model.items
        # "the post-authorisation efficacy study", "pre-approval access": a time relative to approval
        cues = [(first, last, words) for first, last, words in model.find_phrases(self.rules.cue("approval"))
                if not any(items[k].text in ("post", "pre") for k in range(max(0, first - 2), first))
                and not self._hoped_approval(model, first)]
        if not cues:
            return set()
        clauses = {model.clause[first] for first, _, _ in cues}
        products = [i for i, it in enumerate(items) if it.kind == "ent" and it.term.label == schema.PRODUCT
                    and model.clause[i] in clauses]
        labelled = product_label(model)
        if not products and labelled is not None and model.clause[labelled[1]] in clauses:
            products = [labelled[0]]    # "Temcell: bone marrow MSCs, approved in Japan in 2015 for acute GvHD"
        diseases = [i for i, it in enumerate(items) if it.kind == "ent" and it.term.label == schema.DISEASE
                    and model.clause[i] in clauses and not model.abbreviation(i) and not _disease_setting(model, i)]
        cue_first, cue_last, cue_words = cues[0]
        diseases = _approval_scope(model, diseases, cues)
        if not products or not diseases:
            return set()
        props = self._approval_properties(self.document.text[items[0].start:items[-1].end])
        negated = any(abs(n - cue_first) <= 3 and n < cue_first for n in negations)
        # "lost its European authorisation", "the authorisation was withdrawn": taken back
        negated = negated or any(model.clause[first] in clauses and abs(first - cue_first) <= 8
                                 for first, _, _ in model.find_phrases(self.rules.cue("revocation")))
        if cue_first > 0 and items[cue_first - 1].text in SOUGHT:
            return set()    # "The Applicant seeks approval of lorastrocel for ...": not approved (yet)

        if any(items[x].text == "no" and model.clause[x] == model.clause[cue_first]
               and any(items[y].text in PRODUCT_NOUNS for y in range(x + 1, min(cue_first, x + 5)))
               and not any(y in products for y in range(x, cue_first)) for x in range(cue_first)):
            return set()    # "No MSC product has been approved for ALS, and ... NurOwn ...": it approves none
        which = next((k for k in range(1, cue_first) if items[k].text == "which" and items[k - 1].text == "for"), None)
        if which is not None and any(d < which for d in diseases):
            # "trials in stroke and in other indications, such as acute GvHD, for which Temcell is approved":
            # the approval is for what "which" stands for, the diseases right before it
            k, antecedent = which - 2, []
            while k >= 0 and (items[k].text in (",", "and", "or") or k in diseases):
                if k in diseases:
                    antecedent.append(k)
                k -= 1
            diseases = antecedent
        several = len({items[p].term.id for p in products}) > 1
        pairs: set[tuple[str, str]] = set()
        for d in diseases:
            left = [p for p in products if p < d]
            product = max(left) if left else min(products)
            if d + 2 < len(items) and items[d + 1].text == "(" and d + 2 in products:
                product = d + 2     # "approved for acute GvHD (Temcell, Japan), Crohn's fistulas (Cupistem, ...)"
            subj, obj = items[product], items[d]
            own = self._own_approval(model, product, props) if several else props
            pairs.add((subj.term.id, obj.term.id))
            add((min(product, d), product, d), "APPROVED_FOR", subj, obj, " ".join(cue_words), 0.85,
                model.words_between(min(product, d), max(product, d)) // 2, False, negated, own,
                clause=model.clause[cue_first])     # (", and we may not obtain marketing approval": not this one's)
        return pairs

    @staticmethod
    def _hoped_approval(model: SentenceModel, cue: int) -> bool:
        """"Even if Ventrimyx is approved, it may cause ...", "If approved, it would join ...", "our expectations
        regarding regulatory approval": an approval supposed or hoped for, not one granted."""
        items = model.items
        return any(items[x].text in CONDITIONS | {"once", "until"} and model.clause[x] == model.clause[cue]
                   for x in range(max(0, cue - 4), cue)) \
            or any(items[x].text in HOPES for x in range(max(0, cue - 3), cue))

    def _own_approval(self, model: SentenceModel, product: int, props: tuple) -> tuple:
        """The country, agency and year of one of several products a sentence says were approved: those of its
        own clause (up to ", and", ", while" or ";": "Japan approved Temcell in 2015, and in 2024 the FDA
        approved Ryoncil"), the ones named after it first ("Temcell for acute GvHD in Japan, Cartistem for knee
        cartilage defects and Neuronata-R for ALS in Korea"); the sentence's only when its clause names none."""
        items = model.items
        bounds = [k for k in range(1, len(items) - 1) if items[k].text == ";"
                  or items[k].text == "," and items[k + 1].text in ("and", "while", "whereas", "but")]
        first = max([k + 1 for k in bounds if k < product], default=0)
        last = min([k for k in bounds if k > product], default=len(items)) - 1
        text = self.document.text
        clause = dict(self._approval_properties(text[items[first].start:items[last].end]))
        after = dict(self._approval_properties(text[items[product].start:items[last].end]))
        own = {**clause, **after}
        return tuple(sorted(own.items())) if own else props

    def _approval_properties(self, text: str) -> tuple[tuple[str, object], ...]:
        """year, and the first agency or country named (an agency also gives its country)."""
        text = AUTHOR_YEAR.sub(" ", CITATION.sub(" ", text))
        props: dict[str, object] = {}
        year = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", text)
        if year:
            props["year"] = int(year.group(1))
        hits: list[tuple[int, str, str]] = []      # (position, country, agency or "")
        for agency, country, spellings in self.rules.agencies:
            for spelling in spellings:
                for m in re.finditer(rf"(?<![A-Za-z]){re.escape(spelling)}(?![A-Za-z])", text):
                    hits.append((m.start(), country, agency))
        for country, spellings in self.rules.countries:
            for spelling in spellings:
                flags = 0 if spelling.isupper() or "." in spelling else re.I
                for m in re.finditer(rf"(?<![A-Za-z.]){re.escape(spelling)}(?![A-Za-z])", text, flags):
                    hits.append((m.start(), country, ""))
        if hits:
            country = min(hits)[1]
            props["country"] = country
            same = [h for h in hits if h[2] and h[1] == country]
            if same:
                props["agency"] = min(same)[2]
        return tuple(sorted(props.items()))
