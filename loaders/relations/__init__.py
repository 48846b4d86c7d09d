"""Relation extraction: typed claims from the sentences and tables of a Document.

A claim needs a trigger. Each sentence becomes a row of items (entity mentions,
words, punctuation); trigger phrases from ``rules/triggers.tsv`` are found in
it and each looks for its arguments: the nearest coordinated group of mentions
on each side whose labels the relation allows (``schema.RELATIONS``). Lists are
distributed ("secrete VEGF, HGF and IL-6" gives three claims), a verb after
"which" takes the noun phrase before it as subject, a verb after "and"/"while"/
"by" shares the subject of the verb before it, and passive forms swap sides.
Negation and hedging cues (``rules/cues.tsv``) flag a claim, never drop it.
A few constructions have their own rules: approval statements
(APPROVED_FOR with agency, country and year), a product next to the tissue it is
made from (DERIVED_FROM), "pro-angiogenic factors such as VEGF" (MEDIATES),
factors named after their source ("MSC-derived exosomes"), compact notation
(arrows "IFN-γ → IDO" read by ``rules/arrows.tsv``, product field lines, marker
lines; :mod:`.notation`), guideline advice ("we suggest against MSCs for ...";
:mod:`.recommendations`), claims implied by others (a vesicle's cargo is secreted; a
priming stimulus activates what the primed cells make; a factor delivered as the means of a mechanism
mediates it; :mod:`.implied`), experiments that take a factor away ("Blocking VEGF abolished the gain in
angiogenesis"; :mod:`.loss_of_function`), nouns of action ("the effect of TSG-6 on macrophages";
:mod:`.actions`), patent claims and the claims they cite (:mod:`.patents`), what a study gave to patients with a disease
(:mod:`.administration`), the topic of a talk or review ("Dr X on dental pulp stem cells for
spinal cord injury"; :mod:`.topics`), and tables (approved products, pipelines, clinical applications,
markers, mediators; prose cells of any other table are read as text). Two mentions in one sentence
with no trigger between them give no claim: co-occurrence is left to MENTIONS.
"""

from msckg.loaders.relations.claim import Claim, confidence
from msckg.loaders.relations.extractor import extract_claims
from msckg.loaders.relations.rules import Rules, TriggerRule, load_rules

__all__ = ["Claim", "Rules", "TriggerRule", "confidence", "extract_claims", "load_rules"]
