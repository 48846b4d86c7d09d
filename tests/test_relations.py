"""Relation extraction on hand-written sentences and tables with the fixture vocabulary."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from msckg.graph import schema
from msckg.loaders.document import Document, Sentence, Table
from msckg.loaders.entities import RULES_DIR, EntityRecognizer, RulesError
from msckg.loaders.readers import read_document, read_text
from msckg.loaders.relations import Claim, confidence, extract_claims, load_rules
from msckg.loaders.relations.sentence_model import SentenceModel
from msckg.loaders.vocabulary import load_vocabulary

VOCABULARY = Path(__file__).parent / "fixtures" / "vocabulary"
READER_FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def make_document(text: str, *, section: str = "Results", tables: list[Table] | None = None,
                  metadata: dict | None = None) -> Document:
    """A Document whose sentences end at ". ", "! " or "? "; "[3, 4]" markers become the sentence's citations."""
    sentences = []
    for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text, re.S):
        cited = tuple(int(n) for group in re.findall(r"\[([\d,\s]+)\]", m.group()) for n in group.split(","))
        sentences.append(Sentence(len(sentences), m.start(), m.end(), m.group(), section, cited))
    return Document(source="fixture.txt", format="plain_text", text=text, sentences=sentences,
                    tables=tables or [], metadata=metadata or {})


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer(load_vocabulary(VOCABULARY))


@pytest.fixture(scope="module")
def shipped() -> EntityRecognizer:
    """A recogniser over the vocabulary the package ships (the fixture vocabulary lacks most of its names)."""
    return EntityRecognizer(load_vocabulary())


def extract(recognizer: EntityRecognizer, document: Document) -> list[Claim]:
    return extract_claims(document, recognizer.find(document), recognizer)


def claims(recognizer, text: str, **kwargs) -> set[tuple]:
    """(type, subject, object) of every claim, for comparing without caring about order."""
    return {(c.type, c.subject.name, c.object.name) for c in extract(recognizer, make_document(text, **kwargs))}


def only(recognizer, text: str) -> Claim:
    [claim] = extract(recognizer, make_document(text))
    return claim


# --------------------------------------------------------------------------- each relation type
def test_secretes_a_list_and_a_relative_clause_activates(recognizer):
    text = "MSCs secrete VEGF, HGF and IL-6, which activate the PI3K/AKT/eNOS pathway in endothelial cells."
    assert claims(recognizer, text) == {
        ("SECRETES", "MSC", "VEGF"), ("SECRETES", "MSC", "HGF"), ("SECRETES", "MSC", "IL-6"),
        ("ACTIVATES", "VEGF", "PI3K/AKT/eNOS"), ("ACTIVATES", "HGF", "PI3K/AKT/eNOS"),
        ("ACTIVATES", "IL-6", "PI3K/AKT/eNOS"),
        # "... pathway in endothelial cells": the factors act on that cell type
        ("TARGETS", "VEGF", "endothelial cell"), ("TARGETS", "HGF", "endothelial cell"),
        ("TARGETS", "IL-6", "endothelial cell"),
    }


@pytest.mark.parametrize("text, expected", [
    ("IL-10 is secreted by bone marrow-derived MSCs.", ("SECRETES", "bone marrow", "IL-10")),
    ("NF-κB is activated by TNF-α.", ("ACTIVATES", "TNF-α", "NF-κB signalling")),
    ("Immunomodulation is mediated by IDO.", ("MEDIATES", "IDO", "immunomodulation")),
    ("Osteoarthritis was improved by umbilical cord MSCs.", ("TREATS", "umbilical cord", "osteoarthritis")),
])
def test_passive_voice_flips_the_direction(recognizer, text, expected):
    assert claims(recognizer, text) == {expected}


def test_factor_from_or_derived_from_a_source_is_secreted(recognizer):
    assert claims(recognizer, "MSC-derived exosomes reduce liver cirrhosis.") == {
        ("SECRETES", "MSC", "exosomes"), ("TREATS", "exosomes", "liver cirrhosis")}
    assert claims(recognizer, "Exosomes from umbilical cord MSCs suppress macrophages.") == {
        ("SECRETES", "umbilical cord", "exosomes"), ("TARGETS", "exosomes", "macrophage")}
    assert claims(recognizer, "MSCs increased exosome secretion.") == {("SECRETES", "MSC", "exosomes")}
    assert claims(recognizer, "PGE2 from MSCs shifts T cells towards tolerance.") == {
        ("SECRETES", "MSC", "PGE2"), ("TARGETS", "PGE2", "T cell")}
    assert claims(recognizer, "Scientists removed the IL-6 from bone marrow MSCs.") == set()


def test_a_verb_whose_agent_is_a_cell_does_not_fall_back_to_the_msc_topic(recognizer):
    # the macrophages make IL-10, not the MSCs; PGE2, which made them, raises it (three held-out annotators agree)
    assert claims(recognizer, "The MSCs released PGE2, which reprogrammed host macrophages to produce IL-10.") == {
        ("SECRETES", "MSC", "PGE2"), ("TARGETS", "PGE2", "macrophage"), ("ACTIVATES", "PGE2", "IL-10")}


def test_expresses_and_markers_msc_lack(recognizer):
    doc = make_document("MSCs express CD73, CD90 and CD105 and are negative for CD45, CD34 and HLA-DR.")
    got = [(c.type, c.object.name, dict(c.properties).get("negative", False), c.negated)
           for c in extract(recognizer, doc)]
    assert got == [
        ("EXPRESSES", "CD73", False, False), ("EXPRESSES", "CD90", False, False),
        ("EXPRESSES", "CD105", False, False), ("EXPRESSES", "CD45", True, False),
        ("EXPRESSES", "CD34", True, False), ("EXPRESSES", "HLA-DR", True, False),
    ]
    lack = only(recognizer, "MSCs lack HLA-DR.")
    assert (lack.type, lack.object.name, lack.properties, lack.negated) == (
        "EXPRESSES", "HLA-DR", (("negative", True),), False)


@pytest.mark.parametrize("text, expected", [
    ("MSCs suppress T cells.", ("TARGETS", "MSC", "T cell")),
    ("TGF-β modulates NF-κB signalling.", ("MODULATES", "TGF-β", "NF-κB signalling")),
    ("IL-6 is implicated in multiple sclerosis.", ("IMPLICATED_IN", "IL-6", "multiple sclerosis")),
    ("VEGF promotes angiogenesis.", ("MEDIATES", "VEGF", "angiogenesis")),
    ("MSCs alleviate fibrosis in mice.", ("TREATS", "MSC", "fibrosis")),
    ("Bone marrow MSCs were investigated in stroke.", ("INVESTIGATED_FOR", "bone marrow", "stroke")),
    ("Adipose-derived stem cells release PGE2.", ("SECRETES", "adipose tissue", "PGE2")),
    ("MSCs have been effective in managing GvHD.", ("TREATS", "MSC", "graft-versus-host disease")),
])
def test_one_claim_per_pattern(recognizer, text, expected):
    assert claims(recognizer, text) == {expected}


def test_inhibits_distributes_over_the_object_list(recognizer):
    assert claims(recognizer, "TGF-β inhibits TNF-α and IFN-γ.") == {
        ("INHIBITS", "TGF-β", "TNF-α"), ("INHIBITS", "TGF-β", "IFN-γ")}


def test_a_second_verb_shares_the_subject(recognizer):
    assert claims(recognizer, "miR-21 reduces TNF-α and inhibits NF-κB signalling.") == {
        ("INHIBITS", "miR-21", "TNF-α"), ("INHIBITS", "miR-21", "NF-κB signalling")}


def test_participles_after_commas_share_the_subject(recognizer):
    text = "MSCs interact with immune systems, suppressing T cells, modulating macrophages and inducing Tregs."
    assert claims(recognizer, text) == {
        ("TARGETS", "MSC", "T cell"), ("TARGETS", "MSC", "macrophage"), ("TARGETS", "MSC", "regulatory T cell")}


def test_a_new_clause_after_a_cited_comma_is_not_part_of_the_list(recognizer):
    text = ("HGF and PGE2 inhibit TGF-β/Smad and p38 MAPK pathways [27-29], EVs from bone marrow MSCs further "
            "downregulate TNF-α.")
    assert claims(recognizer, text) == {
        ("INHIBITS", "HGF", "TGF-β/Smad"), ("INHIBITS", "HGF", "p38 MAPK"),
        ("INHIBITS", "PGE2", "TGF-β/Smad"), ("INHIBITS", "PGE2", "p38 MAPK"),
        ("SECRETES", "bone marrow", "extracellular vesicles"), ("INHIBITS", "extracellular vesicles", "TNF-α")}


def test_study_wording_beats_therapy_wording_for_the_same_pair(recognizer):
    got = {(c.type, c.object.name, c.hedged) for c in extract(recognizer, make_document(
        "MSCs are being investigated as a promising therapy for stroke."))}
    assert got == {("INVESTIGATED_FOR", "stroke", True)}


def test_investigated_with_lists_and_subject_after_the_verb(recognizer):
    assert claims(recognizer, "MSCs have been tested in clinical trials for type 1 diabetes and stroke.") == {
        ("INVESTIGATED_FOR", "MSC", "type 1 diabetes"), ("INVESTIGATED_FOR", "MSC", "stroke")}
    assert claims(recognizer, "Trials have examined MSCs for Crohn's disease and multiple sclerosis.") == {
        ("INVESTIGATED_FOR", "MSC", "Crohn's disease"), ("INVESTIGATED_FOR", "MSC", "multiple sclerosis")}


def test_derived_from_and_apposition(recognizer):
    assert claims(recognizer, "Alofisel, derived from adipose-derived stem cells, is used in Crohn's disease.") == {
        ("DERIVED_FROM", "Alofisel", "adipose tissue"), ("INVESTIGATED_FOR", "Alofisel", "Crohn's disease")}
    assert claims(recognizer, "A trial used cord blood MSCs with hyaluronic acid (Cartistem).") == {
        ("DERIVED_FROM", "Cartistem", "umbilical cord blood")}
    # a dose before the cells in the brackets
    assert ("DERIVED_FROM", "Temcell", "bone marrow") in claims(
        recognizer, "Patients received Temcell (3 × 10^7 allogeneic bone marrow MSCs) weekly.")


def test_approved_for_with_agency_country_and_year(recognizer):
    claim = only(recognizer, "Ryoncil was approved by the FDA in 2024 for the treatment of GvHD.")
    assert (claim.type, claim.subject.name, claim.object.name, dict(claim.properties)) == (
        "APPROVED_FOR", "Ryoncil", "graft-versus-host disease", {"agency": "FDA", "country": "USA", "year": 2024})


@pytest.mark.parametrize("text", [
    "Alofisel was approved in the European Union for complex perianal fistulas in adults with Crohn's disease.",
    "Alofisel was approved for complex perianal fistulas in adult patients with Crohn's disease.",
    "Alofisel was approved for complex perianal fistulas in Crohn's disease.",
])
def test_the_disease_of_the_population_an_indication_occurs_in_is_not_approved(recognizer, text):
    assert claims(recognizer, text) == {("APPROVED_FOR", "Alofisel", "perianal fistula")}


def test_approval_properties_ignore_author_year_citations(recognizer):
    text = "Ryoncil was approved by the U.S. FDA for GvHD (Smith et al., 2019)."
    doc = Document(source="x", format="plain_text", text=text,
                   sentences=[Sentence(0, 0, len(text), text, "Products")])
    [claim] = extract(recognizer, doc)
    assert (claim.type, dict(claim.properties)) == ("APPROVED_FOR", {"agency": "FDA", "country": "USA"})


def test_a_country_named_without_an_agency(recognizer):
    claim = only(recognizer, "In Canada, Ryoncil was approved for GvHD and later by the FDA.")
    assert dict(claim.properties) == {"country": "Canada"}


def test_approvals_pair_each_disease_with_its_product(recognizer):
    doc = make_document("South Korea has approved Cartistem for osteoarthritis and Temcell for GvHD.")
    got = [(c.type, c.subject.name, c.object.name, dict(c.properties)) for c in extract(recognizer, doc)]
    assert got == [
        ("APPROVED_FOR", "Cartistem", "osteoarthritis", {"country": "South Korea"}),
        ("APPROVED_FOR", "Temcell", "graft-versus-host disease", {"country": "South Korea"}),
    ]


def test_product_in_parentheses_with_its_source_and_an_approval(recognizer):
    text = "Cartistem (umbilical cord blood-derived MSCs) was approved in South Korea for osteoarthritis."
    got = {(c.type, c.subject.name, c.object.name, c.properties) for c in extract(recognizer, make_document(text))}
    assert got == {
        ("APPROVED_FOR", "Cartistem", "osteoarthritis", (("country", "South Korea"),)),
        ("DERIVED_FROM", "Cartistem", "umbilical cord blood", ()),
    }


def test_mediates_from_pro_angiogenic_factors_such_as(recognizer):
    assert claims(recognizer, "MSCs secrete pro-angiogenic factors such as VEGF and HGF.") == {
        ("SECRETES", "MSC", "VEGF"), ("SECRETES", "MSC", "HGF"),
        ("MEDIATES", "VEGF", "angiogenesis"), ("MEDIATES", "HGF", "angiogenesis")}


def test_a_relative_clause_after_a_head_noun_takes_the_source(recognizer):
    assert claims(recognizer, "It is the bone marrow MSC population that secretes IDO.") == {
        ("SECRETES", "bone marrow", "IDO")}


@pytest.mark.parametrize("text, expected", [
    # a verb that raises or lowers a cell type's activity is the factor acting on that cell type
    ("TGF-β and PGE2 downregulate macrophage activity.",
     {("TARGETS", "TGF-β", "macrophage"), ("TARGETS", "PGE2", "macrophage")}),
    ("IL-10 enhances regulatory T cells.", {("TARGETS", "IL-10", "regulatory T cell")}),
])
def test_raising_or_lowering_a_cell_type_targets_it(recognizer, text, expected):
    assert claims(recognizer, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the verb before the object and the agent's state after "via" give the direction
    ("Hypoxia can boost VEGF secretion via p38 MAPK activation.", "ACTIVATES"),
    ("Hypoxia can boost VEGF secretion via p38 MAPK inhibition.", "INHIBITS"),
    ("Hypoxia reduces IL-6 release through NF-κB activation.", "INHIBITS"),
    ("Hypoxia reduces IL-6 release through NF-κB blockade.", "ACTIVATES"),
    # either missing: the direction is not stated
    ("Hypoxia reduces IL-6 release through NF-κB.", "MODULATES"),
    ("IL-6 release is seen via NF-κB activation.", "MODULATES"),
])
def test_via_takes_its_direction_from_the_verb_and_the_agent_state(recognizer, text, expected):
    typed = {c.type for c in extract(recognizer, make_document(text))
             if c.type in ("ACTIVATES", "INHIBITS", "MODULATES")}
    assert typed == {expected}


def test_secretion_without_an_agent_takes_the_paragraph_source(recognizer):
    doc = make_document("Umbilical cord MSCs are immunomodulatory. "
                        "This occurs through secretion of soluble factors such as PGE2 and IDO.")
    got = {(c.type, c.subject.name, c.object.name) for c in extract(recognizer, doc)}
    assert got == {("SECRETES", "umbilical cord", "PGE2"), ("SECRETES", "umbilical cord", "IDO")}
    assert all(c.confidence < 0.85 for c in extract(recognizer, doc))   # inferred subject costs confidence
    # no source in the previous sentence, or a cell in this one that may be the secretor: no claim
    assert claims(recognizer, "Cells were counted. This occurs through secretion of PGE2.") == set()
    assert claims(recognizer, "MSCs are immunomodulatory. Macrophages respond by secretion of PGE2.") == set()


def test_a_chained_verb_keeps_the_subject_of_the_verb_before(recognizer):
    # "promote angiogenesis" belongs to MSCs (which cannot MEDIATE), not to the nearer VEGF
    assert claims(recognizer, "MSCs secrete VEGF and promote angiogenesis.") == {("SECRETES", "MSC", "VEGF")}


@pytest.mark.parametrize("text, expected", [
    ("MSCs could be used in stroke and multiple sclerosis.",
     {("TREATS", "stroke", True), ("TREATS", "multiple sclerosis", True)}),
    ("MSCs have been used in patients with Crohn's disease.", {("INVESTIGATED_FOR", "Crohn's disease", False)}),
])
def test_could_be_used_in_is_a_hedged_therapeutic_claim(recognizer, text, expected):
    assert {(c.type, c.object.name, c.hedged) for c in extract(recognizer, make_document(text))} == expected


def test_a_product_named_in_parentheses_shares_the_claim_and_its_origin_is_not_hedged(recognizer):
    text = ("A trial of umbilical cord blood MSCs with hyaluronic acid (Cartistem) showed "
            "encouraging efficacy in osteoarthritis.")
    got = {(c.type, c.subject.name, c.object.name, c.hedged) for c in extract(recognizer, make_document(text))}
    assert got == {
        ("TREATS", "umbilical cord blood", "osteoarthritis", True),
        ("TREATS", "Cartistem", "osteoarthritis", True),
        ("DERIVED_FROM", "Cartistem", "umbilical cord blood", False),
    }


def test_a_parenthesised_abbreviation_of_a_broader_disease_is_not_a_second_object(recognizer):
    text = "Ryoncil was approved for steroid-refractory graft-versus-host disease (GVHD) in Canada."
    assert claims(recognizer, text) == {("APPROVED_FOR", "Ryoncil", "steroid-refractory graft-versus-host disease")}
    # an abbreviation of the same concept, or of a different one, still joins its group
    assert claims(recognizer, "MSCs reduce interleukin-6 (IL-6) in stroke.") == {("TREATS", "MSC", "stroke")}
    assert claims(recognizer, "Ryoncil was approved for osteoarthritis (GVHD) in Canada.") == {
        ("APPROVED_FOR", "Ryoncil", "osteoarthritis"), ("APPROVED_FOR", "Ryoncil", "graft-versus-host disease")}


def test_protecting_from_inhibits(recognizer):
    assert claims(recognizer, "IL-10 protects T cells from apoptosis.") == {
        ("TARGETS", "IL-10", "T cell"), ("INHIBITS", "IL-10", "apoptosis")}


def test_diseases_named_as_a_run_in_heading_take_the_claim_after_the_colon(recognizer):
    doc = make_document("COVID-19 and ARDS: during the pandemic, MSCs were investigated for stroke.")
    got = {(c.type, c.object.name): c.confidence for c in extract(recognizer, doc)}
    assert set(got) == {("INVESTIGATED_FOR", "COVID-19"), ("INVESTIGATED_FOR", "acute respiratory distress syndrome"),
                        ("INVESTIGATED_FOR", "stroke")}
    assert got["INVESTIGATED_FOR", "COVID-19"] < got["INVESTIGATED_FOR", "stroke"]
    # a heading that is not only diseases, or a body without a therapeutic claim, gives nothing extra
    assert claims(recognizer, "Results in stroke: MSCs were investigated for osteoarthritis.") == {
        ("INVESTIGATED_FOR", "MSC", "osteoarthritis")}
    assert claims(recognizer, "Stroke: MSCs secrete IL-10.") == {("SECRETES", "MSC", "IL-10")}


@pytest.mark.parametrize("text", [
    "The cells were MSCs. MSCs expressed CD73, whereas CD34 and CD45 were absent.",
    "MSCs are defined by expression of CD73, and absence of CD34 and CD45.",
    "MSCs express little CD34 and CD45, and express CD73.",
])
def test_markers_said_to_be_absent_are_negative(recognizer, text):
    got = {(c.object.name, dict(c.properties).get("negative", False))
           for c in extract(recognizer, make_document(text)) if c.type == "EXPRESSES"}
    assert got == {("CD73", False), ("CD34", True), ("CD45", True)}


def test_a_hedge_stops_at_a_clause_barrier(recognizer):
    got = {(c.type, c.object.name): c.hedged for c in extract(recognizer, make_document(
        "MSCs secrete IL-10, and these factors may inhibit T cells."))}
    assert got == {("SECRETES", "IL-10"): False, ("TARGETS", "T cell"): True}
    got = {(c.type, c.object.name): c.hedged for c in extract(recognizer, make_document(
        "MSCs lack CD34, which is thought to limit their recognition."))}
    assert got == {("EXPRESSES", "CD34"): False}
    # "suggest that" hedges what follows the "that"
    assert only(recognizer, "These data suggest that MSCs secrete IL-10.").hedged


def test_a_participle_after_its_noun_is_presupposed_and_does_not_block_the_subject(recognizer):
    got = {(c.type, c.subject.name, c.object.name): c.hedged for c in extract(recognizer, make_document(
        "Exosomes derived from Wharton's jelly MSCs may also dampen NF-κB activation."))}
    assert got == {("SECRETES", "Wharton's jelly", "exosomes"): False,
                   ("INHIBITS", "exosomes", "NF-κB signalling"): True}


def test_the_last_named_source_reaches_three_sentences_and_across_a_run_in_label(recognizer):
    text = ("Umbilical cord MSCs were expanded. Mice were treated. Lungs were collected. "
            "RESULTS: The cells expressed CD73.")
    assert claims(recognizer, text) == {("EXPRESSES", "umbilical cord", "CD73")}
    text = "Umbilical cord MSCs were expanded. A. B. C. They expressed CD73."
    assert claims(recognizer, text) == set()


@pytest.mark.parametrize("text, expected", [
    ("In mice with stroke, MSCs reduced infarct volume.", {("TREATS", "MSC", "stroke")}),
    ("In a rat model of stroke, MSC treatment lowers infarct volume.", {("TREATS", "MSC", "stroke")}),
    ("In the IL-10-knockout mouse model of ALS, MSCs delayed disease onset.",
     {("TREATS", "MSC", "amyotrophic lateral sclerosis")}),
    ("The dossier cites a murine stroke model in which MSCs reduced infarct volume.", {("TREATS", "MSC", "stroke")}),
    ("In a separate open-label study in stroke, adipose MSCs reduced infarct volume.",
     {("TREATS", "adipose tissue", "stroke")}),
    # a model with an adjective of its own, and one named by a mouse strain
    ("In a humanised mouse model of xenogeneic GvHD, primed MSCs reduced weight loss.",
     {("TREATS", "MSC", "graft-versus-host disease")}),
    ("In the IL-10-knockout mouse model of ALS, MSCs reduced weight loss.",
     {("TREATS", "MSC", "amyotrophic lateral sclerosis")}),
    ("MSCs preconditioned at 1% oxygen reduced infarct volume in pigs after stroke.", {("TREATS", "MSC", "stroke")}),
    # the disease that qualifies another is not the patients' disease
    ("In 96 patients with COVID-19-associated osteoarthritis, MSCs did not reduce pain.",
     {("TREATS", "MSC", "osteoarthritis")}),
    ("Notes: In osteoarthritis, adipose MSCs improved pain scores.", {("TREATS", "adipose tissue", "osteoarthritis")}),
    ("Among children with graft-versus-host disease, Ryoncil produced an overall response rate of 70%.",
     {("TREATS", "Ryoncil", "graft-versus-host disease")}),
    ("This study tests whether Wharton's jelly MSCs relieve pain in adults with osteoarthritis.",
     {("INVESTIGATED_FOR", "Wharton's jelly", "osteoarthritis")}),
    ("This study tests whether mesenchymal stromal cells taken from Wharton's jelly relieve pain in adults "
     "with osteoarthritis.", {("INVESTIGATED_FOR", "Wharton's jelly", "osteoarthritis")}),
    ("Of 40 participants with osteoarthritis, 38 finished; Wharton's jelly MSC injection reduced pain.",
     {("TREATS", "Wharton's jelly", "osteoarthritis")}),
    # no population with the disease: no object
    ("In stroke research, MSCs reduced infarct volume.", set()),
])
def test_a_therapeutic_verb_takes_the_disease_of_the_population(recognizer, text, expected):
    assert claims(recognizer, text) == expected


def test_an_indication_is_the_products_not_a_treatment_claim_of_its_cells(recognizer):
    text = "Ryoncil is an allogeneic bone marrow-derived MSC therapy indicated for the treatment of stroke."
    assert claims(recognizer, text) == {("APPROVED_FOR", "Ryoncil", "stroke"), ("DERIVED_FROM", "Ryoncil", "bone marrow")}
    text = "A related bone marrow-derived MSC product, Temcell, has been approved in Japan for stroke."
    assert claims(recognizer, text) == {("APPROVED_FOR", "Temcell", "stroke"), ("DERIVED_FROM", "Temcell", "bone marrow")}
    assert claims(recognizer, "Bone marrow MSCs were the basis of Temcell.") == {
        ("DERIVED_FROM", "Temcell", "bone marrow")}
    # a relative clause naming what the product combines
    text = "Cartistem, which combines allogeneic umbilical cord blood-derived MSCs with hyaluronic acid, was approved."
    assert claims(recognizer, text) == {("DERIVED_FROM", "Cartistem", "umbilical cord blood")}
    # a setting before the product says nothing of it; the apposition after does
    text = "In Japan, Temcell, a pooled allogeneic bone marrow MSC product, was approved for stroke."
    assert claims(recognizer, text) == {("APPROVED_FOR", "Temcell", "stroke"), ("DERIVED_FROM", "Temcell", "bone marrow")}


def test_negation_reaches_across_light_words(recognizer):
    claim = only(recognizer, "However, Wharton's jelly MSCs did not show a structural benefit in osteoarthritis.")
    assert (claim.type, claim.negated) == ("TREATS", True)
    claim = only(recognizer, "MSCs did not reduce stroke size.")
    assert claim.negated


def test_the_release_of_after_another_verb_names_no_secretor(recognizer):
    assert claims(recognizer, "Bone marrow MSCs inhibited T cell proliferation and dampened the release of "
                              "cytokines such as TNF-α.") == {("TARGETS", "bone marrow", "T cell")}


def test_through_a_pathway_activation_the_agent_activates_it(recognizer):
    assert claims(recognizer, "Exosomes attenuated stroke in rats through p38 MAPK activation.") == {
        ("TREATS", "exosomes", "stroke"), ("ACTIVATES", "exosomes", "p38 MAPK")}
    assert claims(recognizer, "Exosomes attenuated stroke in rats through p38 MAPK inhibition.") == {
        ("TREATS", "exosomes", "stroke"), ("INHIBITS", "exosomes", "p38 MAPK")}


def test_they_after_a_coordinator_is_the_sentences_source(recognizer):
    assert claims(recognizer, "MSCs release IL-10, and they have been tested in trials for stroke.") == {
        ("SECRETES", "MSC", "IL-10"), ("INVESTIGATED_FOR", "MSC", "stroke")}


def test_a_microrna_that_targets_a_gene_inhibits_it(recognizer):
    assert claims(recognizer, "Exosomes carry miR-21, which targets IL-6.") == {("INHIBITS", "miR-21", "IL-6")}
    assert claims(recognizer, "IL-10 targets IL-6.") == set()


@pytest.mark.parametrize("text, expected", [
    ("TGF-β signals through NF-κB and thereby drives the expression of IL-6.",
     {("ACTIVATES", "TGF-β", "NF-κB signalling"), ("ACTIVATES", "TGF-β", "IL-6"),
      # "and thereby": the pathway carries the effect on
      ("ACTIVATES", "NF-κB signalling", "IL-6")}),
    ("IL-10 reduces the expression of TNF-α.", {("INHIBITS", "IL-10", "TNF-α")}),
    # the source lowering a marker's expression does not express it
    ("MSCs secrete IL-10 while lowering the expression of TNF-α.", {("SECRETES", "MSC", "IL-10")}),
])
def test_verbs_of_expression_carry_their_direction(recognizer, text, expected):
    assert claims(recognizer, text) == expected


def test_a_verb_form_after_a_determiner_is_a_noun(recognizer):
    assert claims(recognizer, "MSCs secreted more VEGF, an increase that depended on HGF.") == {
        ("SECRETES", "MSC", "VEGF")}


def test_a_mechanism_adjective_before_a_factor(recognizer, shipped):
    assert claims(recognizer, "The anti-inflammatory cytokine IL-10 was measured.") == {
        ("MEDIATES", "IL-10", "anti-inflammatory effect")}
    # and before a pathway
    assert claims(shipped, "The vesicles activate anti-apoptotic PI3K/Akt signalling.") >= {
        ("MEDIATES", "PI3K/AKT signalling", "anti-apoptosis")}


def test_the_disease_of_studies_and_models(recognizer):
    assert claims(recognizer, "Bone marrow MSCs improved scores in several studies of liver cirrhosis.") == {
        ("TREATS", "bone marrow", "liver cirrhosis")}
    assert claims(recognizer, "In rats with experimental stroke, MSCs reduced infarct volume.") == {
        ("TREATS", "MSC", "stroke")}


def test_sentence_initial_cells_after_a_source_sentence(recognizer):
    text = "Bone marrow MSCs were expanded. Release criteria: cells express CD73 and carry no HLA-DR."
    got = {(c.type, c.subject.name, c.object.name, c.negated or dict(c.properties).get("negative", False))
           for c in extract(recognizer, make_document(text))}
    assert got == {("EXPRESSES", "bone marrow", "CD73", False), ("EXPRESSES", "bone marrow", "HLA-DR", True)}


def test_coordinated_verbs_share_the_head_not_the_source_inside_it(recognizer):
    # the source inside "MSC-derived HGF" is not the subject of the later verbs, and "inhibits" does not reach
    # past ", promotes" to apoptosis
    assert claims(recognizer, "MSC-derived HGF inhibits T cell activation, promotes the apoptosis of B cells "
                              "and stimulates IL-10.") == {
        ("SECRETES", "MSC", "HGF"), ("TARGETS", "HGF", "T cell"), ("ACTIVATES", "HGF", "apoptosis"),
        ("TARGETS", "HGF", "B cell"), ("ACTIVATES", "HGF", "IL-10")}


def test_a_verb_without_a_relation_still_hands_on_its_subject(recognizer):
    # "bound" states nothing typed, but "suppressed" is TSG-6's, not IL-6's
    assert claims(recognizer, "HGF bound IL-6 and suppressed NF-κB signalling.") == {
        ("INHIBITS", "HGF", "NF-κB signalling")}


def test_neither_nor_negates_the_verb_of_both(recognizer):
    got = {(c.type, c.subject.name, c.object.name, c.negated)
           for c in extract(recognizer, make_document("Neither MSCs nor IL-10 changed the number of T cells."))}
    assert got == {("TARGETS", "MSC", "T cell", True), ("TARGETS", "IL-10", "T cell", True)}


def test_cells_positive_for_markers_are_the_paragraphs_source(recognizer):
    text = "Bone marrow MSCs were expanded. Lot release: at least 95% of cells positive for CD73."
    assert claims(recognizer, text) == {("EXPRESSES", "bone marrow", "CD73")}


def test_the_head_before_by_is_the_subject(recognizer):
    assert claims(recognizer, "Exosomes released by bone marrow MSCs protected mice against stroke.") == {
        ("SECRETES", "bone marrow", "exosomes"), ("TREATS", "exosomes", "stroke")}


def test_a_sentence_opening_with_a_cell_type_names_the_target(recognizer):
    assert claims(recognizer, "In macrophages, IL-10 suppressed NF-κB signalling.") == {
        ("INHIBITS", "IL-10", "NF-κB signalling"), ("TARGETS", "IL-10", "macrophage")}


def test_cells_a_sentence_opens_with_may_carry_modifiers_and_an_inducer_acts_on_nothing(shipped):
    assert claims(shipped, "In cultured rat chondrocytes, TSG-6 reduced IL-1β-induced MMP-13 expression.") == {
        ("INHIBITS", "TSG-6", "MMP-13"), ("ACTIVATES", "IL-1β", "MMP-13"), ("TARGETS", "TSG-6", "chondrocyte")}
    # the maker of the factor that acts does not act itself; the cells whose vesicles act do
    found = claims(shipped, "In cultured endothelial cells, VEGF from adipose MSCs activated PI3K/Akt signalling.")
    assert ("TARGETS", "VEGF", "endothelial cell") in found and ("TARGETS", "adipose tissue", "endothelial cell") \
        not in found
    assert ("TARGETS", "menstrual blood", "hepatic stellate cell") in claims(
        shipped, "In primary human hepatic stellate cells, MenSC EVs blocked TGF-β/Smad signalling.")


@pytest.mark.parametrize("text, expected", [
    # a factor glued to "-induced" only qualifies the object that follows ...
    ("IL-10 reduced TNF-α-induced activation of NF-κB signalling.",
     {("INHIBITS", "IL-10", "NF-κB signalling"), ("ACTIVATES", "TNF-α", "NF-κB signalling")}),
    # ... unless nothing after it fits
    ("IL-10 reduced IL-6-driven matrix breakdown.", {("INHIBITS", "IL-10", "IL-6")}),
    # "IFN-γ-producing T cells" produce IFN-γ; the MSCs do not
    ("MSCs decreased IFN-γ-producing T cells.", {("TARGETS", "MSC", "T cell")}),
    ("Studies of bone marrow MSCs attribute the effect to secreted factors such as VEGF and HGF.",
     {("SECRETES", "bone marrow", "VEGF"), ("SECRETES", "bone marrow", "HGF")}),
    ("In experimental stroke, bone marrow MSCs reduced infarct volume.", {("TREATS", "bone marrow", "stroke")}),
    ("Bone marrow MSCs at passage 4 expressed CD73 and upregulated IDO.",
     {("EXPRESSES", "bone marrow", "CD73"), ("EXPRESSES", "bone marrow", "IDO")}),
])
def test_modifiers_settings_and_verb_forms(recognizer, text, expected):
    assert claims(recognizer, text) == expected


def test_comparisons_and_later_verbs_do_not_hedge(recognizer):
    claim = only(recognizer, "In patients with stroke, MSC recipients were more likely to improve.")
    assert (claim.type, claim.hedged) == ("TREATS", False)
    got = {c.type: c.hedged for c in extract(recognizer, make_document(
        "MSCs suppress T cells and may be useful in stroke."))}
    assert got == {"TARGETS": False, "TREATS": True}


# --------------------------------------------------------------------------- flags
@pytest.mark.parametrize("text, type_", [
    ("MSCs did not secrete IL-10.", "SECRETES"),
    ("MSCs failed to reduce fibrosis.", "TREATS"),
    ("MSCs cannot suppress T cells.", "TARGETS"),
    ("MSCs showed no benefit in stroke.", "TREATS"),
    ("Bone marrow MSCs were not effective in stroke.", "TREATS"),
])
def test_negation_flags_the_claim_without_dropping_or_flipping_it(recognizer, text, type_):
    claim = only(recognizer, text)
    assert (claim.type, claim.negated) == (type_, True)


def test_negation_scopes_over_the_listed_objects(recognizer):
    got = {(c.object.name, c.negated) for c in extract(recognizer, make_document(
        "Neither IL-6 nor IL-10 was secreted by MSCs."))}
    assert got == {("IL-6", True), ("IL-10", True)}


def test_not_only_is_not_a_negation(recognizer):
    got = {(c.type, c.object.name, c.negated) for c in extract(recognizer, make_document(
        "MSCs not only secrete IL-10 but also express CD73."))}
    assert got == {("SECRETES", "IL-10", False), ("EXPRESSES", "CD73", False)}


def test_hedging_flags_and_lowers_confidence(recognizer):
    plain = only(recognizer, "MSCs suppress T cells.")
    hedged = only(recognizer, "MSCs may suppress T cells.")
    assert (plain.hedged, hedged.hedged) == (False, True)
    assert hedged.confidence == pytest.approx(plain.confidence - 0.15)
    # a preclinical model is the kind of evidence, not a doubt about it (as every gold batch reads it)
    preclinical = only(recognizer, "Umbilical cord MSCs improved osteoarthritis in a preclinical model.")
    assert (preclinical.type, preclinical.hedged, preclinical.negated) == ("TREATS", False, False)


def test_confidence_formula():
    assert confidence(0.85, hedged=False, gap=0, indirect=False) == 0.85
    assert confidence(0.85, hedged=True, gap=2, indirect=False) == 0.7
    assert confidence(0.75, hedged=False, gap=12, indirect=True) == 0.5
    assert confidence(0.6, hedged=True, gap=30, indirect=True) == 0.5      # floor
    assert confidence(0.99, hedged=False, gap=0, indirect=False) == 0.95   # ceiling


# --------------------------------------------------------------------------- context
def test_co_occurrence_alone_gives_no_claim(recognizer):
    assert claims(recognizer, "IL-6 and multiple sclerosis were measured in the same patients.") == set()
    assert claims(recognizer, "MSCs, IL-10 and stroke appear in this sentence.") == set()


def test_they_after_an_msc_sentence_is_that_source(recognizer):
    doc = make_document("Umbilical cord MSCs are multipotent. They secrete IL-6.")
    [claim] = extract(recognizer, doc)
    assert (claim.type, claim.subject.name, claim.object.name) == ("SECRETES", "umbilical cord", "IL-6")
    assert (claim.sentence, claim.start, claim.end) == ("They secrete IL-6.", 37, 55)
    assert claims(recognizer, "Cells were counted. They secrete IL-6.") == set()


def test_claim_carries_its_sentence_section_and_citations(recognizer):
    doc = make_document("Intro text here. MSCs suppress T cells [3, 4].", section="Immunomodulation")
    [claim] = extract(recognizer, doc)
    assert claim.sentence == "MSCs suppress T cells [3, 4]."
    assert doc.text[claim.start:claim.end] == claim.sentence
    assert (claim.section, claim.cited, claim.trigger) == ("Immunomodulation", (3, 4), "suppress")


def test_claims_respect_the_schema_and_are_deterministic(recognizer):
    text = ("MSCs secrete VEGF, HGF and IL-6, which activate the PI3K/AKT/eNOS pathway. MSCs may suppress T cells. "
            "Ryoncil was approved by the FDA in 2024 for GvHD. MSCs did not reduce fibrosis. "
            "IL-6 is implicated in multiple sclerosis.")
    first = extract(recognizer, make_document(text))
    second = extract(EntityRecognizer(load_vocabulary(VOCABULARY)), make_document(text))
    assert first == second
    assert [c.start for c in first] == sorted(c.start for c in first)
    for c in first:
        assert c.type in schema.TYPED_RELATIONS
        assert schema.RELATIONS[c.type].allows(c.subject.label, c.object.label)
        assert 0.5 <= c.confidence <= 0.95


# --------------------------------------------------------------------------- tables
def test_products_table_gives_approvals(recognizer):
    table = Table(
        caption="Table 2: Approved MSC products",
        header=("Product Name", "Indication", "Year Approved", "Regulatory Agency"),
        rows=(("Ryoncil", "Pediatric GvHD", "2024", "FDA (USA)"),
              ("Cartistem", "Degenerative osteoarthritis", "2011", "MFDS (South Korea)"),
              ("NewCell", "Myocardial infarction", "2015", "PMDA")),
    )
    got = extract(recognizer, make_document("No sentences with claims.", tables=[table]))
    assert [(c.type, c.subject.name, c.subject.generated, c.object.name, dict(c.properties)) for c in got] == [
        ("APPROVED_FOR", "Ryoncil", False, "graft-versus-host disease",
         {"agency": "FDA", "country": "USA", "year": 2024}),
        ("APPROVED_FOR", "Cartistem", False, "osteoarthritis",
         {"agency": "MFDS", "country": "South Korea", "year": 2011}),
        ("APPROVED_FOR", "NewCell", True, "myocardial infarction",
         {"agency": "PMDA", "country": "Japan", "year": 2015}),
    ]
    assert (got[0].sentence, got[0].start, got[0].end, got[0].trigger) == (
        "Ryoncil | Pediatric GvHD | 2024 | FDA (USA)", -1, -1, "table:Table 2: Approved MSC products")


def test_a_pipeline_table_gives_what_each_candidate_is_tested_for(recognizer):
    table = Table(
        caption="", header=("Program", "Source", "Indication", "Stage", "Next milestone"),
        rows=(("ABC-101", "Adipose MSC exosomes", "Crohn's disease", "Phase 1", "Data 2027"),
              ("ABC-201", "Umbilical cord MSCs", "Knee osteoarthritis", "Discovery", "Lead selection")),
    )
    got = extract(recognizer, make_document("No sentences with claims.", tables=[table]))
    assert {(c.type, c.subject.name, c.object.name) for c in got} == {
        ("DERIVED_FROM", "ABC-101", "adipose tissue"), ("INVESTIGATED_FOR", "ABC-101", "Crohn's disease"),
        ("DERIVED_FROM", "ABC-201", "umbilical cord"), ("INVESTIGATED_FOR", "ABC-201", "knee osteoarthritis")}
    assert all(c.properties == () for c in got)     # a year in the row is no approval's


def test_a_products_table_row_by_row_status_and_secreted_factors(recognizer):
    table = Table(
        caption="", header=("Product", "Source", "Indication", "Status", "Key secreted factors"),
        rows=(("Temcell", "bone marrow MSCs", "GvHD", "approved, Japan, 2015", "n/a"),
              ("ABC-101", "umbilical cord MSCs", "knee osteoarthritis", "phase 2", "IL-10, HGF"),
              ("ABC-201", "adipose MSCs", "Crohn's disease", "not approved", "none")),
    )
    got = {(c.type, c.subject.name, c.object.name) for c in
           extract(recognizer, make_document("No sentences with claims.", tables=[table]))}
    assert {("APPROVED_FOR", "Temcell", "graft-versus-host disease"),
            ("INVESTIGATED_FOR", "ABC-101", "knee osteoarthritis"),
            ("SECRETES", "umbilical cord", "IL-10"), ("SECRETES", "umbilical cord", "HGF"),
            ("INVESTIGATED_FOR", "ABC-201", "Crohn's disease")} <= got
    assert not {t for t in got if t[0] == "APPROVED_FOR" and t[1] != "Temcell"}


def test_clinical_applications_table(recognizer):
    table = Table(
        caption="Table 1. Clinical applications of MSCs.",
        header=("Application Area", "Key Points", "Ref."),
        rows=(("Bone", "MSCs support cartilage repair in osteoarthritis.", "[5-7]"),
              ("Immune", "MSCs have been experimentally tested in multiple sclerosis and type 1 diabetes.", "[8, 9]"),
              ("Cardiovascular Diseases", "Improve cardiac function; lower infarct size.", "[10]"),
              ("Other", "Interesting but vague.", "[11]")),
    )
    got = extract(recognizer, make_document("Nothing here.", tables=[table]))
    assert [(c.type, c.subject.name, c.object.name, c.cited) for c in got] == [
        ("TREATS", "MSC", "osteoarthritis", (5, 6, 7)),
        ("INVESTIGATED_FOR", "MSC", "multiple sclerosis", (8, 9)),
        ("INVESTIGATED_FOR", "MSC", "type 1 diabetes", (8, 9)),
        ("TREATS", "MSC", "cardiovascular disease", (10,)),
    ]
    assert got[0].sentence == "MSCs support cartilage repair in osteoarthritis."


def test_unknown_tables_give_no_claims(recognizer):
    table = Table(caption="Table 3. Tools", header=("Technology", "Key Points", "Ref."),
                  rows=(("CRISPR", "MSCs treat osteoarthritis.", "[1]"),))
    assert extract(recognizer, make_document("Nothing here.", tables=[table])) == []


def test_a_table_of_studies_gives_what_each_row_gave_for_its_condition(recognizer):
    table = Table(caption="Included studies", header=("Study", "Design", "MSC source", "Condition", "Main finding"),
                  rows=(("Ames 2017", "RCT", "Autologous bone marrow MSCs", "Knee osteoarthritis",
                         "Pain reduced by 38% at 12 months"),
                        ("Bo 2019", "RCT", "Allogeneic adipose tissue MSCs", "Knee osteoarthritis",
                         "No difference from placebo; lower IL-6"),
                        ("Cruz 2021", "Phase I", "Bone marrow MSCs", "Multiple sclerosis",
                         "Safety only; no efficacy endpoint"),
                        ("Dahl 2022", "RCT", "Exosomes from adipose tissue MSCs", "Osteoarthritis",
                         "Cartilage thickness preserved")))
    got = {(c.type, c.subject.name, c.object.name, c.negated)
           for c in extract(recognizer, make_document("Studies were included.", tables=[table]))}
    assert got == {("TREATS", "bone marrow", "knee osteoarthritis", False),
                   ("TREATS", "adipose tissue", "knee osteoarthritis", True),
                   ("INVESTIGATED_FOR", "bone marrow", "multiple sclerosis", False),
                   ("TREATS", "exosomes", "osteoarthritis", False),
                   ("SECRETES", "adipose tissue", "exosomes", False)}


def test_a_table_of_studies_reads_its_mechanism_column_and_the_disease_of_its_outcome(shipped):
    # a proposed mechanism is hedged: "X secretion" is the row's MSCs' secretion, "X-driven Y" is X mediating Y;
    # with no disease in the model cell, the outcome's disease is the one treated; the source cell states its own
    table = Table(caption="Table 1. Studies", header=("Source", "Model", "Route", "Main outcome",
                                                       "Proposed mechanism"),
                  rows=(("Umbilical cord MSCs", "NOD mice", "Intravenous", "Delayed onset of diabetes",
                         "IL-10 secretion, VEGF-driven angiogenesis"),
                        ("MSC-derived exosomes", "NOD mice", "Intravenous", "Reversal of hyperglycaemia",
                         "Lower IL-17"),
                        ("PD-L1-overexpressing MSCs", "Patients with type 1 diabetes", "Intravenous",
                         "No change in HbA1c", "Not assessed")))
    got = {(c.type, c.subject.name, c.object.name, c.negated, c.hedged)
           for c in extract(shipped, make_document("Studies were included.", tables=[table]))}
    assert got == {("TREATS", "umbilical cord", "diabetes mellitus", False, False),
                   ("SECRETES", "umbilical cord", "IL-10", False, True),
                   ("MEDIATES", "VEGF", "angiogenesis", False, True),
                   ("SECRETES", "MSC", "exosomes", False, False),
                   ("TREATS", "exosomes", "hyperglycemia", False, False),
                   ("INHIBITS", "exosomes", "IL-17A", False, True),
                   ("EXPRESSES", "MSC", "PD-L1", False, False),
                   ("TREATS", "MSC", "type 1 diabetes", True, False)}


def test_a_table_of_models_gives_what_each_rows_agent_did_by_its_outcome(recognizer):
    # a column of disease models; the outcome names the cells acted on and the factors lowered, and a benefit
    # may stand in any clause that denies nothing; the cargo is the vesicles', not claimed for the source
    table = Table(caption="Preclinical studies", header=("Study", "Model", "EV source", "Key cargo", "Main outcome"),
                  rows=(("Ames 2016", "ARDS, mouse", "Bone marrow MSC exosomes", "IL-10",
                         "Reduced T cell influx"),
                        ("Bo 2019", "Knee osteoarthritis, rat", "Adipose tissue MSC exosomes", "miR-21",
                         "Macrophages shifted to M2 macrophages; lower IL-6"),
                        ("Cruz 2021", "Multiple sclerosis, mouse", "Bone marrow MSC exosomes", "",
                         "Safety only; no efficacy endpoint")))
    got = {(c.type, c.subject.name, c.object.name)
           for c in extract(recognizer, make_document("Studies were included.", tables=[table]))}
    assert got == {("SECRETES", "bone marrow", "exosomes"), ("SECRETES", "adipose tissue", "exosomes"),
                   ("TREATS", "exosomes", "acute respiratory distress syndrome"), ("TARGETS", "exosomes", "T cell"),
                   ("TREATS", "exosomes", "knee osteoarthritis"), ("TARGETS", "exosomes", "macrophage"),
                   ("INHIBITS", "exosomes", "IL-6"), ("INVESTIGATED_FOR", "exosomes", "multiple sclerosis")}


def test_a_table_of_registered_trials_gives_what_each_row_is_investigated_for(recognizer):
    table = Table(caption="Registered trials", header=("Registry ID", "Phase", "MSC source", "Condition", "Status"),
                  rows=(("NCT00000001", "2", "Wharton's jelly", "Knee osteoarthritis", "Recruiting"),
                        ("NCT00000002", "1/2", "Bone marrow", "Multiple sclerosis", "Completed"),
                        ("NCT00000003", "1", "Umbilical cord MSC exosomes", "Osteoarthritis", "Withdrawn")))
    got = {(c.type, c.subject.name, c.object.name, c.negated)
           for c in extract(recognizer, make_document("Trials were listed.", tables=[table]))}
    assert got == {("INVESTIGATED_FOR", "Wharton's jelly", "knee osteoarthritis", False),
                   ("INVESTIGATED_FOR", "bone marrow", "multiple sclerosis", False),
                   ("INVESTIGATED_FOR", "exosomes", "osteoarthritis", False),
                   ("SECRETES", "umbilical cord", "exosomes", False)}


def test_a_table_of_sources_and_their_cargo_gives_what_each_source_secretes_and_is_tested_for(recognizer):
    table = Table(caption="Cargo of EVs by source",
                  header=("Source", "Enriched cargo", "Main reported effect", "Disease models"),
                  rows=(("Bone marrow", "miR-21, IL-10", "Anti-apoptosis", "Myocardial infarction [37]"),
                        ("Adipose tissue", "VEGF", "Angiogenesis", "ARDS"),
                        ("Umbilical cord", "not reported", "", "")))
    got = {(c.type, c.subject.name, c.object.name, c.negated, c.sentence.split(" | ")[0])
           for c in extract(recognizer, make_document("Cargo differs.", tables=[table]))}
    assert got == {("SECRETES", "bone marrow", "miR-21", False, "Bone marrow"),
                   ("SECRETES", "bone marrow", "IL-10", False, "Bone marrow"),
                   ("INVESTIGATED_FOR", "bone marrow", "myocardial infarction", False, "Bone marrow"),
                   ("SECRETES", "adipose tissue", "VEGF", False, "Adipose tissue"),
                   ("INVESTIGATED_FOR", "adipose tissue", "acute respiratory distress syndrome", False,
                    "Adipose tissue")}


def test_a_table_of_sources_reads_their_markers_and_the_clinical_settings_they_were_tested_in(recognizer):
    table = Table(caption="",
                  header=("Source", "Distinguishing markers", "Prominent secreted factors", "Clinical settings tested"),
                  rows=(("Bone marrow", "CD73, CD90", "IL-10", "stroke"),
                        ("Wharton's jelly", "CD105; HLA-DR negative", "HGF", "COVID-19, osteoarthritis")))
    got = {(c.type, c.subject.name, c.object.name, dict(c.properties).get("negative", False))
           for c in extract(recognizer, make_document("Sources differ.", tables=[table]))}
    assert got == {("EXPRESSES", "bone marrow", "CD73", False), ("EXPRESSES", "bone marrow", "CD90", False),
                   ("SECRETES", "bone marrow", "IL-10", False), ("INVESTIGATED_FOR", "bone marrow", "stroke", False),
                   ("EXPRESSES", "Wharton's jelly", "CD105", False), ("EXPRESSES", "Wharton's jelly", "HLA-DR", True),
                   ("SECRETES", "Wharton's jelly", "HGF", False),
                   ("INVESTIGATED_FOR", "Wharton's jelly", "COVID-19", False),
                   ("INVESTIGATED_FOR", "Wharton's jelly", "osteoarthritis", False)}


def test_marker_table_with_a_column_per_source(recognizer):
    table = Table(caption="", header=("Marker", "Bone marrow MSCs", "Adipose tissue MSCs"),
                  rows=(("CD73", "98%", "+"), ("CD34", "<1%", "not detected"), ("CD105", "38%", "n/a")))
    got = {(c.subject.name, c.object.name, dict(c.properties).get("negative", False), c.sentence)
           for c in extract(recognizer, make_document("Markers were measured.", tables=[table]))}
    assert got == {
        ("bone marrow", "CD73", False, "CD73 | 98% | +"), ("adipose tissue", "CD73", False, "CD73 | 98% | +"),
        ("bone marrow", "CD34", True, "CD34 | <1% | not detected"),
        ("adipose tissue", "CD34", True, "CD34 | <1% | not detected"),
        ("bone marrow", "CD105", False, "CD105 | 38% | n/a"),      # a subset expresses it; "n/a" says nothing
    }


def test_marker_table_with_one_result_column_is_the_papers_main_source(recognizer):
    table = Table(caption="", header=("Surface marker", "Result"), rows=(("CD90", "positive"), ("HLA-DR", "2%")))
    doc = make_document("Umbilical cord MSCs were used. Umbilical cord MSCs grew. MSCs were counted.", tables=[table])
    got = {(c.subject.name, c.object.name, dict(c.properties).get("negative", False))
           for c in extract(recognizer, doc) if c.sentence.startswith(("CD90", "HLA-DR"))}
    assert got == {("umbilical cord", "CD90", False), ("umbilical cord", "HLA-DR", True)}



def test_a_marker_table_row_measuring_a_secretion_is_secreted(recognizer):
    table = Table(caption="", header=("Marker or attribute", "Method", "Result"),
                  rows=(("CD90", "Flow cytometry", "99%"), ("PGE2 secretion", "ELISA", "4.2 ng"),
                        ("VEGF", "ELISA", "1.9 ng")))
    doc = make_document("Umbilical cord MSCs were used. Umbilical cord MSCs grew.", tables=[table])
    got = {(c.type, c.subject.name, c.object.name) for c in extract(recognizer, doc) if c.start == -1}
    assert got == {("EXPRESSES", "umbilical cord", "CD90"), ("SECRETES", "umbilical cord", "PGE2")}


# --------------------------------------------------------------------------- rules files
def test_rules_load_and_bad_rules_raise(tmp_path):
    rules = load_rules()
    assert {r.relation for rs in rules.triggers.values() for r in rs} == set(schema.TYPED_RELATIONS) - {
        "APPROVED_FOR"}
    for name in RULES_DIR.glob("*.tsv"):
        shutil.copy(name, tmp_path / name.name)
    with (tmp_path / "triggers.tsv").open("a", encoding="utf-8") as fh:
        fh.write("befriends\tLIKES\tactive\t0.8\t5\t5\t\t\n")
    with pytest.raises(RulesError, match="'LIKES' is not a typed relation"):
        load_rules(tmp_path)


def test_a_factor_that_inhibits_apoptosis_is_kept_as_mediating_anti_apoptosis(shipped):
    got = claims(shipped, "HGF protects cardiomyocytes from apoptosis, and IL-1β promotes apoptosis.")
    assert ("MEDIATES", "HGF", "anti-apoptosis") in got
    assert ("INHIBITS", "HGF", "apoptosis") not in got
    # only the inhibition has a mechanism of its own
    assert ("ACTIVATES", "IL-1β", "apoptosis") in got


@pytest.mark.parametrize("text, expected", [
    # the shipped vocabulary reads the plain word as extracellular vesicles at large; after "these" it is the
    # vesicles named last, before the sentence or in it
    ("Exosomes from bone marrow MSCs carry miR-21. In rats with myocardial infarction, these vesicles reduced "
     "infarct size.", ("TREATS", "exosomes", "myocardial infarction")),
    ("Umbilical cord MSCs release abundant exosomes, and in lung injury models these vesicles reduce neutrophil "
     "infiltration.", ("TARGETS", "exosomes", "neutrophil")),
])
def test_these_vesicles_are_the_vesicles_named_last(text, expected, shipped):
    got = claims(shipped, text)
    assert expected in got
    assert (expected[0], "extracellular vesicles", expected[2]) not in got


def test_a_chain_of_markers_before_cells_only_describes_them(shipped):
    assert claims(shipped, "BM-MSCs increased the frequency of CD4+CD25+FOXP3+ regulatory T cells.") == {
        ("TARGETS", "bone marrow", "regulatory T cell")}


# --------------------------------------------------------------------------- corpus (structure only)
@pytest.mark.corpus
def test_claims_on_the_corpus_are_well_formed(corpus_dir, shipped):
    from msckg.loaders.readers import read_document

    for path in sorted(corpus_dir.iterdir()):
        document = read_document(path)
        found = extract(shipped, document)
        assert found == extract(shipped, document), path.name
        for claim in found:
            assert schema.RELATIONS[claim.type].allows(claim.subject.label, claim.object.label)
            assert 0.5 <= claim.confidence <= 0.95
            if claim.start >= 0:
                assert document.text[claim.start:claim.end] == claim.sentence
            else:
                assert claim.trigger.startswith("table:")


# --------------------------------------------------------------------------- receptors and subordinate clauses
def test_via_its_receptor_names_the_receptor_the_ligand_activates(recognizer):
    found = claims(recognizer, "HGF stimulates endothelial cells via its receptor c-Met.")
    assert ("ACTIVATES", "HGF", "c-Met") in found
    assert ("TARGETS", "HGF", "endothelial cell") in found
    # a receptor named bare after a raising verb is read the same way (session 30: "HMGB1 activates Kupffer cells
    # through Toll-like receptor 4")
    assert ("ACTIVATES", "HGF", "c-Met") in claims(recognizer, "HGF stimulates endothelial cells via c-Met.")
    # a factor that is no receptor, without "activation", is not read as activated
    assert not any(c[0] == "ACTIVATES" for c in claims(recognizer, "HGF stimulates endothelial cells via VEGF."))


@pytest.mark.parametrize("text, expected", [
    ("HGF protects endothelial cells through inhibition of NF-κB signalling.", ("INHIBITS", "HGF", "NF-κB signalling")),
    ("HGF protects endothelial cells through the activation of NF-κB.", ("ACTIVATES", "HGF", "NF-κB signalling")),
    ("TGF-β drives fibrosis through the canonical TGF-β/Smad pathway.", ("ACTIVATES", "TGF-β", "TGF-β/Smad")),
])
def test_the_state_named_before_a_route_gives_the_agent_its_direction(recognizer, text, expected):
    assert expected in claims(recognizer, text)


def test_a_subordinate_clause_with_its_own_subject_keeps_the_verb_from_the_main_subject(recognizer):
    text = "Migration of MSCs to the infarct is guided by chemokines, since the ischemic tissue upregulates IL-6."
    assert claims(recognizer, text) == set()


@pytest.mark.parametrize("text, expected", [
    # the clause closes before the verb, or has no subject of its own: the main subject still counts
    ("MSCs, when applied early, secrete IL-10.", ("SECRETES", "MSC", "IL-10")),
    ("MSCs secrete IL-10 when injected early.", ("SECRETES", "MSC", "IL-10")),
])
def test_subordinate_clauses_without_their_own_subject(recognizer, text, expected):
    assert expected in claims(recognizer, text)


def test_markers_absent_after_whereas_belong_to_the_cells(recognizer):
    found = extract(recognizer, make_document(
        "Umbilical cord MSCs were characterised. The cells expressed CD73, whereas CD34 and CD45 were absent."))
    states = {(c.object.name, dict(c.properties).get("negative", False))
              for c in found if c.type == "EXPRESSES" and c.subject.name == "umbilical cord"}
    assert states == {("CD73", False), ("CD34", True), ("CD45", True)}


def test_factor_producing_cells_are_cells_not_a_claim_about_the_factor(recognizer):
    text = "Bone marrow MSCs decreased IL-10-producing B cells and IFN-γ-producing T cells."
    assert claims(recognizer, text) == {("TARGETS", "bone marrow", "B cell"), ("TARGETS", "bone marrow", "T cell")}


def test_both_cell_types_stands_for_the_two_sources_named_before(recognizer):
    text = ("Bone marrow MSCs and adipose-derived MSCs were compared. Both cell types secrete VEGF. "
            "Both populations come from mesoderm, which is why they express CD73.")
    found = claims(recognizer, text)
    assert {("SECRETES", "bone marrow", "VEGF"), ("SECRETES", "adipose tissue", "VEGF"),
            ("EXPRESSES", "bone marrow", "CD73"), ("EXPRESSES", "adipose tissue", "CD73")} <= found
    # with a single source before, "both cell types" stands for nothing
    assert claims(recognizer, "Bone marrow MSCs were cultured. Both cell types secrete VEGF.") == set()


@pytest.mark.parametrize("text, tissue", [
    ("Temcell consists of mesenchymal stromal cells that are isolated from the bone marrow of donors.", "bone marrow"),
    ("Temcell consists of MSCs taken from umbilical cord tissue.", "umbilical cord"),
    ("Temcell consists of MSCs.", "MSC"),
    ("Temcell is made from mesenchymal stromal cells (MSCs) grown from Wharton's jelly.", "Wharton's jelly"),
    ("Temcell is an allogeneic cell therapy made of ex vivo expanded bone marrow MSCs.", "bone marrow"),
    ("Temcell consists of MSCs, and the cells come from the bone marrow.", "MSC"),   # a new clause: not narrowed
])
def test_a_product_made_of_msc_from_a_tissue_is_derived_from_the_tissue(recognizer, text, tissue):
    derived = {c.object.name for c in extract(recognizer, make_document(text)) if c.type == "DERIVED_FROM"}
    assert derived == {tissue}


@pytest.mark.parametrize("text, hedged", [
    ("Ryoncil was approved for GvHD in May 2016.", False),
    ("Ryoncil was approved for GvHD on 3 May.", False),
    ("Ryoncil may be approved for GvHD.", True),
])
def test_the_month_may_is_no_hedge(recognizer, text, hedged):
    [claim] = [c for c in extract(recognizer, make_document(text)) if c.type == "APPROVED_FOR"]
    assert claim.hedged is hedged


@pytest.mark.parametrize("text, negative", [
    ("MSCs: no more than 2% positive for CD34.", True),
    ("MSCs were 1.5% positive for CD34.", True),
    ("MSCs: less than 2% of cells positive for CD34.", True),
    ("MSCs: at least 95% of cells positive for CD34.", False),
    ("MSCs: at least 2% of cells positive for CD34.", False),       # a lower bound says nothing of absence
    ("MSCs were 15% positive for CD34.", False),
    # the share as the subject of the verb
    ("MSCs were expanded. Fewer than 2% of the cells express CD34.", True),
    ("MSCs were expanded. At least 95% of the cells express CD34.", False),
])
def test_a_share_of_at_most_two_percent_is_a_marker_the_cells_lack(recognizer, text, negative):
    [claim] = [c for c in extract(recognizer, make_document(text)) if c.type == "EXPRESSES"]
    assert dict(claim.properties).get("negative", False) is negative


def test_neither_nor_with_a_modifier_before_the_second_member(recognizer):
    got = {(c.subject.name, c.negated) for c in extract(recognizer, make_document(
        "Neither bone marrow MSCs nor recombinant IL-10 changed the number of T cells.")) if c.type == "TARGETS"}
    assert got == {("bone marrow", True), ("IL-10", True)}


@pytest.mark.parametrize("text", [
    "Soluble factors from MSCs, notably IL-10, suppress T cells.",
    "Factors secreted by MSCs, such as HGF and IL-10, suppress T cells.",
])
def test_factors_named_after_their_source_are_secreted_and_act(recognizer, text):
    found = claims(recognizer, text)
    named = {o for t, s, o in found if t == "SECRETES" and s == "MSC"}
    assert named and {("TARGETS", f, "T cell") for f in named} <= found
    assert ("TARGETS", "MSC", "T cell") not in found


# --------------------------------------------------------------------------- clause structure seen in unseen styles
def test_a_marker_before_a_cell_type_only_describes_the_cells(recognizer):
    # "CD34+" is no subject or object of its own; the cells are
    assert claims(recognizer, "MSCs induce PD-1+ regulatory T cells.") == {("TARGETS", "MSC", "regulatory T cell")}
    assert claims(recognizer, "PD-1+ regulatory T cells increased from 2% to 7% of T cells.") == set()


def test_the_noun_phrase_before_an_embedded_relative_clause_is_the_subject(recognizer):
    assert claims(recognizer, "HGF, which MSCs secrete, protects endothelial cells.") == {
        ("SECRETES", "MSC", "HGF"), ("TARGETS", "HGF", "endothelial cell")}
    assert ("TARGETS", "VEGF", "endothelial cell") in claims(
        recognizer, "MSCs secrete VEGF, which, in turn, activates endothelial cells.")


def test_no_object_beyond_a_contrasting_clause_and_no_subject_for_a_gerund(recognizer):
    text = "Blocking IL-10 abolished most of the effect, whereas blocking IL-6 did not."
    assert claims(recognizer, text) == set()


@pytest.mark.parametrize("text, subject", [
    ("Compared with bone marrow MSCs, adipose-derived MSCs secrete more VEGF.", "adipose tissue"),
    ("Unlike umbilical cord MSCs, bone marrow MSCs secrete VEGF.", "bone marrow"),
    ("Bone marrow MSCs secrete more VEGF than umbilical cord MSCs.", "bone marrow"),
])
def test_what_a_source_is_compared_with_is_not_the_subject(recognizer, text, subject):
    assert claims(recognizer, text) == {("SECRETES", subject, "VEGF")}


def test_factors_like_x_are_still_subjects(recognizer):
    assert ("TARGETS", "VEGF", "endothelial cell") in claims(recognizer, "Factors like VEGF activate endothelial cells.")


def test_products_table_with_a_source_column_gives_derived_from(recognizer):
    table = Table(
        caption="Table 1. Approved products",
        header=("Product", "Cell source", "Regulator, year", "Indication"),
        rows=(("Ryoncil", "bone marrow MSCs", "FDA, 2024", "Pediatric GvHD"),
              ("Cartistem", "umbilical cord blood MSCs", "MFDS, 2012", "osteoarthritis"),
              ("Alofisel", "MSCs", "EMA, 2018", "perianal fistula")),
    )
    got = {(c.type, c.subject.name, c.object.name)
           for c in extract(recognizer, make_document("No sentences with claims.", tables=[table]))}
    assert {c for c in got if c[0] == "DERIVED_FROM"} == {
        ("DERIVED_FROM", "Ryoncil", "bone marrow"), ("DERIVED_FROM", "Cartistem", "umbilical cord blood"),
        ("DERIVED_FROM", "Alofisel", "MSC")}
    assert ("APPROVED_FOR", "Ryoncil", "graft-versus-host disease") in got


def test_the_infused_cells_is_an_anaphor_and_curb_favour_target_cells(recognizer):
    text = ("Bone marrow MSCs were infused on day 30. The infused cells do not engraft; instead, they release IL-10, "
            "which curbs the proliferation of T cells and favours regulatory T cells.")
    assert claims(recognizer, text) == {
        ("SECRETES", "bone marrow", "IL-10"), ("TARGETS", "IL-10", "T cell"),
        ("TARGETS", "IL-10", "regulatory T cell")}


def test_a_disease_right_before_another_qualifies_it(recognizer):
    # "COVID-19 ARDS": the trial was in ARDS (of COVID-19), the claim is about ARDS
    assert claims(recognizer, "Umbilical cord MSCs reduced mortality in COVID-19 ARDS.") == {
        ("TREATS", "umbilical cord", "acute respiratory distress syndrome")}


def test_deserve_further_study_in_is_investigation(recognizer):
    assert claims(recognizer, "MSCs deserve further study in ARDS.") == {
        ("INVESTIGATED_FOR", "MSC", "acute respiratory distress syndrome")}


def test_a_pathway_named_as_signalling_gives_through_its_direction(recognizer):
    found = claims(recognizer, "TNF-α induces the inflammatory cytokines IL-6 and IL-10 through NF-κB signalling.")
    assert {("ACTIVATES", "NF-κB signalling", "IL-6"), ("ACTIVATES", "NF-κB signalling", "IL-10")} <= found
    assert not any(t == "MODULATES" for t, _, _ in found)


def test_an_anaphor_after_an_opening_setting_phrase(recognizer):
    text = "Adipose-derived MSCs were expanded. In models of osteoarthritis, they secreted IL-10."
    assert ("SECRETES", "adipose tissue", "IL-10") in claims(recognizer, text)
    assert claims(recognizer, "IL-10 raised TGF-β.") == {("ACTIVATES", "IL-10", "TGF-β")}


def test_a_verb_continuing_a_relative_clause_takes_its_antecedent(recognizer):
    text = "MSCs secrete IL-10 and TGF-β, which dampen inflammation and protect T cells."
    found = claims(recognizer, text)
    assert {("TARGETS", "IL-10", "T cell"), ("TARGETS", "TGF-β", "T cell")} <= found
    assert ("TARGETS", "MSC", "T cell") not in found


def test_a_setting_frames_cells_not_factors(recognizer):
    text = "In models of osteoarthritis, umbilical cord MSCs secreted IL-10, which protects T cells."
    found = claims(recognizer, text)
    assert ("TREATS", "IL-10", "osteoarthritis") not in found


def test_after_and_before_are_prepositions_not_clause_openers(recognizer):
    text = "Umbilical cord MSCs injected after the onset of osteoarthritis reduced pain in osteoarthritis."
    assert ("TREATS", "umbilical cord", "osteoarthritis") in claims(recognizer, text)


def test_every_they_of_a_sentence_stands_for_its_source(recognizer):
    text = "Bone marrow MSCs are easy to obtain: they secrete IL-10, and they express CD73."
    assert claims(recognizer, text) == {("SECRETES", "bone marrow", "IL-10"), ("EXPRESSES", "bone marrow", "CD73")}


# --------------------------------------------------------------------------- compact notation (notation.py)
def test_arrow_chains_relate_each_step_by_the_labels_it_joins(recognizer):
    text = "Licensing: IFN-γ → IDO in human cells → immunomodulation."
    assert claims(recognizer, text) == {("ACTIVATES", "IFN-γ", "IDO"), ("MEDIATES", "IDO", "immunomodulation")}


def test_an_arrow_with_a_down_sign_inhibits_and_reaches_the_cells_named(recognizer):
    assert claims(recognizer, "TGF-β → NF-κB signalling ↓ in macrophages.") == {
        ("INHIBITS", "TGF-β", "NF-κB signalling"), ("TARGETS", "TGF-β", "macrophage")}
    assert claims(recognizer, "PGE2 -> IL-10 ↑; HGF -> angiogenesis.") == {
        ("ACTIVATES", "PGE2", "IL-10"), ("MEDIATES", "HGF", "angiogenesis")}


def test_a_cell_state_after_to_is_not_what_an_arrow_targets(recognizer):
    found = claims(recognizer, "PGE2 → macrophages switch to regulatory T cells.")
    assert found == {("TARGETS", "PGE2", "macrophage")}


def test_words_that_lower_or_raise_mark_an_arrow_step_and_a_lowered_subject_turns_the_next(recognizer):
    # "blocks" lowers NF-κB as "↓" would; NF-κB lowered and TNF-α lowered: NF-κB raises TNF-α
    text = "PGE2 → blocks NF-κB in macrophages → ↓ TNF-α."
    assert claims(recognizer, text) == {
        ("INHIBITS", "PGE2", "NF-κB signalling"), ("TARGETS", "PGE2", "macrophage"),
        ("ACTIVATES", "NF-κB signalling", "TNF-α")}
    assert claims(recognizer, "IL-6 → IDO induction.") == {("ACTIVATES", "IL-6", "IDO")}
    assert claims(recognizer, "IL-6 → IDO depletion → ↑ IL-10.") == {
        ("INHIBITS", "IL-6", "IDO"), ("INHIBITS", "IDO", "IL-10")}


def test_a_mark_after_slashed_names_is_on_each_and_a_carrier_glued_before_a_name_is_no_step(shipped):
    # IRAK1 and TRAF6 both fall, and NF-κB falls with them: each raises NF-κB; the vesicles only carry the microRNA
    assert claims(shipped, "EV miR-146a → IRAK1/TRAF6 ↓ → NF-κB ↓.") == {
        ("INHIBITS", "miR-146a", "IRAK1"), ("INHIBITS", "miR-146a", "TRAF6"),
        ("ACTIVATES", "IRAK1", "NF-κB signalling"), ("ACTIVATES", "TRAF6", "NF-κB signalling")}
    # no name runs across an arrow: "TLR4 → NF-κB" is no pathway TLR4/NF-κB
    assert claims(shipped, "LPS → TLR4 → NF-κB → IL-1β.") == {
        ("ACTIVATES", "lipopolysaccharide", "TLR4"), ("ACTIVATES", "TLR4", "NF-κB signalling"),
        ("ACTIVATES", "NF-κB signalling", "IL-1β")}


def test_a_phrase_cut_by_the_end_of_the_sentence_is_no_shorter_phrase():
    # "production" ends the line: the two-word phrase it starts is cut there, and the one-word phrase is found
    model = SentenceModel("MSCs lower antibody production", 0, [], load_rules())
    phrases = frozenset({("production", "of"), ("production",)})
    assert model.find_phrases(phrases) == [(3, 3, ("production",))]


def test_a_trigger_word_before_a_noun_it_modifies_is_no_verb(recognizer):
    text = "Our release specification requires bone marrow MSCs to express CD73."
    assert claims(recognizer, text) == {("EXPRESSES", "bone marrow", "CD73")}
    assert claims(recognizer, "Release testing of MSCs showed IL-6.") == set()


@pytest.mark.parametrize("text, expected", [
    ("The company is developing umbilical cord MSCs for ARDS.", ("INVESTIGATED_FOR", "umbilical cord", "acute respiratory distress syndrome")),
    ("Our lab is studying adipose MSCs in osteoarthritis.", ("INVESTIGATED_FOR", "adipose tissue", "osteoarthritis")),
    ("Kestrel develops Temcell for knee osteoarthritis.", ("INVESTIGATED_FOR", "Temcell", "knee osteoarthritis")),
])
def test_what_a_company_develops_or_a_lab_studies_for_a_disease_is_under_study(recognizer, text, expected):
    assert claims(recognizer, text) == {expected}


def test_a_phase_for_or_in_a_disease_is_its_study(recognizer):
    assert claims(recognizer, "Temcell enters phase 2b for osteoarthritis next year.") == {
        ("INVESTIGATED_FOR", "Temcell", "osteoarthritis")}
    assert claims(recognizer, "MSCs are in phase I/II in Crohn's disease.") == {
        ("INVESTIGATED_FOR", "MSC", "Crohn's disease")}


def test_a_products_brackets_may_qualify_the_cells_it_is_made_of(recognizer):
    assert ("DERIVED_FROM", "Temcell", "umbilical cord") in claims(
        recognizer, "Our product, Temcell (allogeneic umbilical cord MSCs), is in phase 2.")
    assert ("DERIVED_FROM", "Temcell", "bone marrow") in claims(
        recognizer, "Temcell (the patient's own bone marrow MSCs) was approved in 2018.")
    assert not {c for c in claims(recognizer, "Temcell (given with hyaluronic acid and bone marrow MSCs) helped.")
                if c[0] == "DERIVED_FROM"}


def test_cells_made_to_secrete_a_factor_make_it_and_what_made_them_raises_it(recognizer):
    assert claims(recognizer, "MSCs secrete PGE2, which reprograms macrophages to secrete IL-10 and TGF-β.") == {
        ("SECRETES", "MSC", "PGE2"), ("TARGETS", "PGE2", "macrophage"),
        ("ACTIVATES", "PGE2", "IL-10"), ("ACTIVATES", "PGE2", "TGF-β")}
    # the MSCs named first do not secrete what the macrophages were prompted to release
    assert claims(recognizer, "MSCs prompt macrophages to release IL-10.") == set()
    # cells that are themselves MSCs keep their secretion
    assert claims(recognizer, "MSCs were primed to secrete IL-10.") == {("SECRETES", "MSC", "IL-10")}


def test_a_bare_all_three_opening_a_sentence_is_the_three_sources_named_before(recognizer):
    text = "We compared MSCs from bone marrow, adipose tissue and umbilical cord. All three lacked CD45, yet their " \
           "secretomes differed."
    assert claims(recognizer, text) == {("EXPRESSES", "bone marrow", "CD45"), ("EXPRESSES", "adipose tissue", "CD45"),
                                        ("EXPRESSES", "umbilical cord", "CD45")}
    # not inside a sentence, where it counts other things ("all three markers")
    assert claims(recognizer, "We compared MSCs from bone marrow, adipose tissue and umbilical cord. "
                              "The sort used all three markers and CD45.") == set()


def test_a_list_of_objects_ends_at_yet(recognizer):
    assert claims(recognizer, "MSCs lacked CD45 and HLA-DR, yet their exosomes differed.") == {
        ("EXPRESSES", "MSC", "CD45"), ("EXPRESSES", "MSC", "HLA-DR")}


def test_the_factor_an_effect_on_cells_depends_on_acts_on_them_but_not_across_whereas(recognizer):
    found = claims(recognizer, "Primed MSCs suppress T cells largely through IL-10, whereas their effect on "
                               "macrophages depends more on PGE2.")
    assert ("TARGETS", "PGE2", "macrophage") in found and ("TARGETS", "IL-10", "T cell") in found
    # the "through" of the first clause does not reach the second clause's cells
    assert ("TARGETS", "IL-10", "macrophage") not in found


def test_expression_lowered_by_another_agent_is_the_target_cells(recognizer):
    text = "In macrophages, bone marrow MSC exosomes reduced IL-6 and TNF-α expression."
    assert not {c for c in claims(recognizer, text) if c[0] == "EXPRESSES"}
    # the cells' own expression, raised by a stimulus, stays theirs
    assert ("EXPRESSES", "bone marrow", "IDO") in claims(
        recognizer, "Bone marrow MSCs were studied. IFN-γ upregulates IDO expression.")


@pytest.mark.parametrize("text, kept", [
    # MSCs right before the lowering verb lower other cells' secretion; so does a factor whose second object it is
    ("MSCs reduced TNF-α production.", set()),
    ("MSC-derived IL-10 suppresses Th1 responses and IFN-γ production.", {("SECRETES", "MSC", "IL-10")}),
    # the MSCs named after the secretion, or MSCs that are no agent, still make it
    ("NF-κB inhibition decreased COX-2 expression and PGE2 release in BM-MSCs.",
     {("SECRETES", "bone marrow", "PGE2")}),
    ("Knockdown of COX-2 in MSCs by siRNA lowered PGE2 secretion.", {("SECRETES", "MSC", "PGE2")}),
])
def test_secretion_lowered_by_an_agent_is_that_of_other_cells(shipped, text, kept):
    assert {c for c in claims(shipped, text) if c[0] == "SECRETES" and c[2] in ("TNF-α", "IFN-γ", "IL-10", "PGE2")} \
        == kept


def test_both_factors_are_the_two_named_before(recognizer):
    assert claims(recognizer, "MSCs release HGF and IL-10. Both factors may protect macrophages.") == {
        ("SECRETES", "MSC", "HGF"), ("SECRETES", "MSC", "IL-10"),
        ("TARGETS", "HGF", "macrophage"), ("TARGETS", "IL-10", "macrophage")}
    # three factors named: "both" stands for none of them
    assert ("TARGETS", "HGF", "macrophage") not in claims(
        recognizer, "MSCs release HGF, VEGF and IL-10. Both factors may protect macrophages.")


def test_they_after_a_discourse_adverb_is_the_source_named_before(recognizer):
    assert claims(recognizer, "MSCs rarely become nerve cells. Instead they act locally, releasing IL-10.") == {
        ("SECRETES", "MSC", "IL-10")}


def test_they_opening_a_that_clause_is_the_source_named_before(recognizer):
    text = "MSCs are studied in stroke. The current view is that they act through the factors they release, such " \
           "as VEGF and HGF."
    assert {c for c in claims(recognizer, text) if c[0] == "SECRETES"} == {
        ("SECRETES", "MSC", "VEGF"), ("SECRETES", "MSC", "HGF")}
    # after a speaker's label and a short reply ("Assistant: Not quite:"), vesicles opening the sentence are "they"
    assert ("TREATS", "exosomes", "fibrosis") in claims(
        recognizer, "Assistant: Not quite: exosomes are vesicles that MSCs release, and in rats they reduced fibrosis.")
    # a clause after a named entity keeps its own reading
    assert not {c for c in claims(recognizer, "MSCs are studied in stroke. IL-6 is so potent that they release "
                                              "VEGF.") if c[0] == "SECRETES"}


def test_a_mechanism_that_depends_on_a_pathway_is_mediated_by_it(recognizer):
    assert claims(recognizer, "Immunomodulation by MSCs depends partly on IDO and NF-κB signalling.") >= {
        ("MEDIATES", "IDO", "immunomodulation"), ("MEDIATES", "NF-κB signalling", "immunomodulation")}
    # "rely on" ends what "express little" lists: iNOS is not a marker lacked
    found = extract(recognizer, make_document("MSCs express little IDO and rely on IL-6 to suppress T cells."))
    assert [c.object.name for c in found if c.type == "EXPRESSES"] == ["IDO"]


@pytest.mark.parametrize("text, expected", [
    ("10:06 \u2014 Last talk of the block: Dr Priya Raman on bone marrow MSCs for stroke.",
     {("INVESTIGATED_FOR", "bone marrow", "stroke")}),
    ("Next speaker is Dr Lucía Ferraro, a hepatologist, on exosomes in liver cirrhosis.",
     {("INVESTIGATED_FOR", "exosomes", "liver cirrhosis")}),
    # "on" after a verb of acting is no topic
    ("IL-6 acts on MSCs in osteoarthritis.", set()),
])
def test_the_topic_of_a_talk_is_a_study_of_its_agent_in_the_disease(recognizer, text, expected):
    assert {c for c in claims(recognizer, text) if c[0] == "INVESTIGATED_FOR"} == expected


def test_a_live_blog_entry_opens_after_its_clock_time(recognizer):
    text = "Adipose MSCs were discussed. 09:31 \u2014 They also secrete IL-6, which adds to the immunomodulation."
    assert claims(recognizer, text) == {("SECRETES", "adipose tissue", "IL-6"),
                                        ("MEDIATES", "IL-6", "immunomodulation")}


def test_an_effect_attributed_to_counted_factors_is_mediated_by_the_last_that_many_named(recognizer):
    text = ("IFN-γ induces MSCs to secrete IDO and PGE2. The cells also release IL-6 and IL-10. "
            "The maker attributes the immunomodulation to these four factors.")
    assert {c for c in claims(recognizer, text) if c[0] == "MEDIATES"} == {
        ("MEDIATES", f, "immunomodulation") for f in ("IDO", "PGE2", "IL-6", "IL-10")}
    # a count that does not fit what was named stands for nothing
    text = "MSCs release IDO and PGE2. We attribute immunomodulation to these three factors."
    assert not {c for c in claims(recognizer, text) if c[0] == "MEDIATES"}


def test_a_list_of_objects_goes_on_past_a_relative_clause_that_names_other_things(recognizer):
    text = "MSCs release IL-10 and TGF-β, which produce an anti-inflammatory effect, and HGF, which drives repair."
    assert claims(recognizer, text) == {
        ("SECRETES", "MSC", "IL-10"), ("SECRETES", "MSC", "TGF-β"), ("SECRETES", "MSC", "HGF"),
        ("MEDIATES", "IL-10", "anti-inflammatory effect"), ("MEDIATES", "TGF-β", "anti-inflammatory effect")}
    # a factor after the clause that has a verb of its own starts a clause, not a list member
    assert ("SECRETES", "MSC", "IL-6") not in claims(
        recognizer, "MSCs secrete HGF, which protects endothelial cells, and IL-6 reduced fibrosis.")


def test_increasing_cells_acts_on_them(recognizer):
    assert claims(recognizer, "MSCs work by increasing regulatory T cells.") == {
        ("TARGETS", "MSC", "regulatory T cell")}


@pytest.mark.parametrize("text, expected", [
    # the study named by its disease is the sentence's setting
    ("In our ARDS study, Temcell did not reduce mortality.",
     {("TREATS", "Temcell", "acute respiratory distress syndrome", True)}),
    ("Temcell may benefit patients with osteoarthritis.", {("TREATS", "Temcell", "osteoarthritis", False)}),
    # a verb glued into a compound adjective is none: "dose-limiting toxicity"
    ("Temcell completed a study in 36 patients with osteoarthritis without dose-limiting toxicity.", set()),
])
def test_settings_and_verbs_of_company_reports(recognizer, text, expected):
    assert {(c.type, c.subject.name, c.object.name, c.negated)
            for c in extract(recognizer, make_document(text))} == expected


def test_prose_in_a_table_of_no_known_kind_is_read_as_text_but_not_its_myths(recognizer):
    text = ("# Myths\n\nThe table answers questions.\n\n| Myth | Fact |\n|---|---|\n"
            "| MSCs cure stroke in a week. | No controlled trial has shown that MSCs treat stroke in a week. |\n"
            "| MSCs work by becoming new tissue. | Injected MSCs act mainly through the factors they secrete, "
            "such as HGF and IL-10. |\n")
    found = extract(recognizer, read_text(text, "myths.md", fmt="markdown"))
    assert {(c.type, c.subject.name, c.object.name, c.negated) for c in found} == {
        ("TREATS", "MSC", "stroke", True), ("SECRETES", "MSC", "HGF", False), ("SECRETES", "MSC", "IL-10", False)}
    # each claim is the evidence of its row
    assert all(c.start == -1 and c.sentence.startswith("MSC") for c in found)


def test_a_disease_that_names_a_field_of_research_is_not_treated(recognizer):
    assert claims(recognizer, "Spatial maps of MSCs are useful in bone and stroke studies.") == set()
    assert claims(recognizer, "MSCs are useful in stroke.") == {("TREATS", "MSC", "stroke")}


def test_approvals_listed_as_disease_then_product_in_brackets(recognizer):
    text = "Few products are approved, such as for GvHD (Temcell, Japan) and osteoarthritis (Cartistem, Korea)."
    assert {c for c in claims(recognizer, text) if c[0] == "APPROVED_FOR"} == {
        ("APPROVED_FOR", "Temcell", "graft-versus-host disease"), ("APPROVED_FOR", "Cartistem", "osteoarthritis")}


@pytest.mark.parametrize("text, expected", [
    ("In an inflamed joint, MSCs pump out PGE2 and switch on an enzyme called IDO.",
     {("SECRETES", "MSC", "PGE2"), ("EXPRESSES", "MSC", "IDO")}),
    ("MSCs send out VEGF and HGF.", {("SECRETES", "MSC", "VEGF"), ("SECRETES", "MSC", "HGF")}),
    # "generate" a small molecule: the cells make it ("they generated adenosine", "MSC-generated adenosine")
    ("MSCs generated nitric oxide.", {("SECRETES", "MSC", "nitric oxide")}),
    ("MSC-generated nitric oxide", {("SECRETES", "MSC", "nitric oxide")}),
    ("MSCs also encourage regulatory T cells.", {("TARGETS", "MSC", "regulatory T cell")}),
])
def test_plain_words_for_secreting_expressing_and_acting_on_cells(recognizer, text, expected):
    assert claims(recognizer, text) == expected


def test_arrows_need_a_pair_the_rules_relate(recognizer):
    # a disease after an arrow: arrows.tsv relates no Factor -> Disease pair
    assert claims(recognizer, "IL-6 → osteoarthritis.") == set()


def test_a_product_field_line_gives_its_source_and_approval(recognizer):
    text = "- Temcell HS Inj.: allogeneic bone marrow MSCs; Japan 2015; graft-versus-host disease"
    found = extract(recognizer, make_document(text))
    assert {(c.type, c.subject.name, c.object.name) for c in found} == {
        ("DERIVED_FROM", "Temcell", "bone marrow"), ("APPROVED_FOR", "Temcell", "graft-versus-host disease")}
    [approval] = [c for c in found if c.type == "APPROVED_FOR"]
    assert dict(approval.properties) == {"year": 2015, "country": "Japan"}


@pytest.mark.parametrize("text, expected", [
    ("Temcell: bone marrow MSCs, approved in Japan in 2015 for acute GvHD.",
     {("DERIVED_FROM", "Temcell", "bone marrow"), ("APPROVED_FOR", "Temcell", "graft-versus-host disease")}),
    ("Alofisel (darvadstrocel): adipose-derived MSCs, EU approval in 2018 for Crohn's disease.",
     {("DERIVED_FROM", "Alofisel", "adipose tissue"), ("APPROVED_FOR", "Alofisel", "Crohn's disease")}),
    # no approval named: only what the product is made of
    ("Cartistem: umbilical cord MSCs, tested in osteoarthritis.", {("DERIVED_FROM", "Cartistem", "umbilical cord")}),
])
def test_a_product_label_with_comma_fields(recognizer, text, expected):
    assert {c for c in claims(recognizer, text) if c[0] in ("DERIVED_FROM", "APPROVED_FOR")} == expected


def test_a_source_field_says_what_the_documents_product_is_made_from(recognizer):
    text = ("Inspection of Cartistem. Cartistem batches were reviewed. Cartistem release data were filed. "
            "1.1 Cell source: umbilical cord tissue (Wharton's jelly), one donor per batch.")
    assert claims(recognizer, text) == {("DERIVED_FROM", "Cartistem", "Wharton's jelly")}
    # a field of a factor is no product's field
    assert claims(recognizer, "Cartistem. Cartistem. Cartistem. IL-6 source: bone marrow MSCs.") == set()


def test_a_product_line_with_fields_parted_by_dashes(recognizer):
    # revision notes: "Product (source) – country year – indication"; the dashes part fields, they define nothing
    text = "- Temcell (bone marrow) \u2013 Japan 2015 \u2013 graft-versus-host disease"
    found = extract(recognizer, make_document(text))
    assert {(c.type, c.subject.name, c.object.name) for c in found} == {
        ("DERIVED_FROM", "Temcell", "bone marrow"), ("APPROVED_FOR", "Temcell", "graft-versus-host disease")}
    [approval] = [c for c in found if c.type == "APPROVED_FOR"]
    assert dict(approval.properties) == {"year": 2015, "country": "Japan"}
    # one dash is no line of fields: no approval without the field that gives it
    assert ("APPROVED_FOR", "Cartistem", "osteoarthritis") not in claims(
        recognizer, "- Cartistem \u2013 Korea 2012, osteoarthritis")


def test_brackets_after_a_product_with_a_disease_year_and_country_state_its_approval(recognizer):
    found = extract(recognizer, make_document(
        "Temcell (GvHD, Japan, 2015) and Cartistem (osteoarthritis, Korea, 2012) are both products."))
    assert {(c.type, c.subject.name, c.object.name, dict(c.properties).get("year")) for c in found} == {
        ("APPROVED_FOR", "Temcell", "graft-versus-host disease", 2015),
        ("APPROVED_FOR", "Cartistem", "osteoarthritis", 2012)}
    # without a country or agency, or without a year, the brackets approve nothing
    assert claims(recognizer, "Temcell (GvHD, 2015) was used. Cartistem (osteoarthritis, Korea) was used.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Temcell is a bone marrow product.", {("DERIVED_FROM", "Temcell", "bone marrow")}),
    ("Temcell and Cartistem are both autologous bone marrow products.",
     {("DERIVED_FROM", "Temcell", "bone marrow"), ("DERIVED_FROM", "Cartistem", "bone marrow")}),
    ("Temcell (phase 3) and Cartistem (phase 2) are umbilical cord products.",
     {("DERIVED_FROM", "Temcell", "umbilical cord"), ("DERIVED_FROM", "Cartistem", "umbilical cord")}),
    # a singular copula needs its article: "is bone marrow-derived" names no product
    ("Temcell is bone marrow-derived.", set()),
])
def test_a_copula_after_one_or_more_products_describes_what_they_are_made_of(recognizer, text, expected):
    assert {c for c in claims(recognizer, text) if c[0] == "DERIVED_FROM"} == expected


def test_a_field_line_without_an_approval_field_approves_nothing(recognizer):
    text = "- Cartistem: umbilical cord blood MSCs; osteoarthritis"
    assert claims(recognizer, text) == {("DERIVED_FROM", "Cartistem", "umbilical cord blood")}


def test_marker_lines_under_a_heading_describe_the_cells(recognizer):
    text = "What is an MSC? - Positive (≥95% of cells): CD73, CD90. - Negative (≤2%): CD45, HLA-DR."
    found = extract(recognizer, make_document(text))
    got = {(c.subject.name, c.object.name, dict(c.properties).get("negative", False)) for c in found}
    assert got == {("MSC", "CD73", False), ("MSC", "CD90", False), ("MSC", "CD45", True), ("MSC", "HLA-DR", True)}


def test_a_marker_line_takes_the_source_the_text_is_about(recognizer):
    text = "Adipose tissue MSCs were characterised. Positive: CD73."
    assert claims(recognizer, text) == {("EXPRESSES", "adipose tissue", "CD73")}


@pytest.mark.parametrize("text, expected", [
    ("MSCs are CD73+, CD90+ and CD105+.", {("CD73", False), ("CD90", False), ("CD105", False)}),
    ("MSCs must be CD73+, CD90+, CD105+ (≥95% of cells).", {("CD73", False), ("CD90", False), ("CD105", False)}),
    ("MSCs are CD34\u2212, CD45\u2212 and HLA-DR\u2212.", {("CD34", True), ("CD45", True), ("HLA-DR", True)}),
    ("Adipose MSCs were CD73-positive and CD45-negative.", {("CD73", False), ("CD45", True)}),
    ("CD73+CD90+CD45- MSCs were expanded.", {("CD73", False), ("CD90", False), ("CD45", True)}),
    ("Wharton's jelly MSCs came out CD73+ CD90+, all above 97%.", {("CD73", False), ("CD90", False)}),
    ("Umbilical cord MSCs were expanded. The cells were CD105+ and CD34-.", {("CD105", False), ("CD34", True)}),
])
def test_signed_markers_give_the_phenotype_of_the_cells(recognizer, text, expected):
    found = extract(recognizer, make_document(text))
    assert {(c.object.name, dict(c.properties).get("negative", False)) for c in found
            if c.type == "EXPRESSES"} == expected


@pytest.mark.parametrize("text, expected", [
    ("At least 95% of the cells must express CD73, CD90 and CD105.",
     {("MSC", "CD73", False), ("MSC", "CD90", False), ("MSC", "CD105", False)}),
    ("No more than 2% may express CD45, CD34 or HLA-DR.",
     {("MSC", "CD45", True), ("MSC", "CD34", True), ("MSC", "HLA-DR", True)}),
    ("A label lists the identity markers: CD73 and CD90 positive, and CD34, CD45 and HLA-DR negative.",
     {("MSC", "CD73", False), ("MSC", "CD90", False), ("MSC", "CD34", True), ("MSC", "CD45", True),
      ("MSC", "HLA-DR", True)}),
    ("Every lot is at least 95% positive for CD73 and CD90 and at most 2% positive for CD34 and CD45.",
     {("MSC", "CD73", False), ("MSC", "CD90", False), ("MSC", "CD34", True), ("MSC", "CD45", True)}),
    ("Adipose tissue MSCs were grown. They express CD73 and CD105 but not CD34 or CD45.",
     {("adipose tissue", "CD73", False), ("adipose tissue", "CD105", False), ("adipose tissue", "CD34", True),
      ("adipose tissue", "CD45", True)}),
    # the tissue named five sentences back, with no other named since, is still the one the markers are of
    ("Umbilical cord MSCs were grown. They were frozen. A vial was thawed. It was counted. The count was noted. "
     "The release criteria require that the cells express CD73 and CD90.",
     {("umbilical cord", "CD73", False), ("umbilical cord", "CD90", False)}),
    # denied evidence, a factor acting on the markers, vesicles' own markers and a single marker say nothing
    ("You have no data showing that your cells express CD73 and CD90.", set()),
    ("IFN-γ induces HLA-DR and CD73 in the cells.", set()),
    ("The exosomes expressed CD73 and CD90.", set()),
    ("At least 95% of the cells must express CD73.", set()),
])
def test_identity_markers_without_a_subject_are_the_profile_of_the_cells_spoken_of(recognizer, text, expected):
    found = extract(recognizer, make_document(text))
    assert {(c.subject.name, c.object.name, dict(c.properties).get("negative", False)) for c in found
            if c.type == "EXPRESSES"} == expected


def test_a_name_the_document_defines_stands_for_the_source_it_names(recognizer):
    text = ('As used herein, "the cells of the invention" refers to umbilical cord MSCs. The licensed cells of the '
            "invention secreted IL-10. The composition of the invention is useful for treating osteoarthritis. "
            "The cells of the invention expressed CD73.")
    assert claims(recognizer, text) == {("SECRETES", "umbilical cord", "IL-10"),
                                        ("TREATS", "umbilical cord", "osteoarthritis"),
                                        ("EXPRESSES", "umbilical cord", "CD73")}


@pytest.mark.parametrize("text, expected", [
    ("Japan approved Temcell for graft-versus-host disease in 2015, and in 2024 the FDA approved Ryoncil for "
     "steroid-refractory graft-versus-host disease.",
     {"Temcell": {"country": "Japan", "year": 2015}, "Ryoncil": {"agency": "FDA", "country": "USA", "year": 2024}}),
    ("Several MSC products have reached the market, including Temcell for graft-versus-host disease in Japan and "
     "Cartistem for osteoarthritis in Korea.",
     {"Temcell": {"country": "Japan"}, "Cartistem": {"country": "South Korea"}}),
])
def test_each_of_several_approved_products_keeps_its_own_country_and_year(recognizer, text, expected):
    found = [c for c in extract(recognizer, make_document(text)) if c.type == "APPROVED_FOR"]
    assert {c.subject.name: dict(c.properties) for c in found} == expected


def test_a_patent_claims_the_agent_of_its_method_of_treating_a_disease(recognizer):
    text = ("1. A method of treating osteoarthritis in a subject, comprising injecting into the knee a composition "
            "comprising adipose-derived MSCs suspended in hyaluronic acid, wherein the cells secrete IL-10.")
    assert claims(recognizer, text) == {("TREATS", "adipose tissue", "osteoarthritis"),
                                        ("SECRETES", "adipose tissue", "IL-10")}
    # a method with no agent named (a composition of another claim) claims nothing
    assert claims(recognizer, "22. A method of treating osteoarthritis, comprising administering the composition "
                              "of claim 17.") == set()


def test_a_dependent_patent_claim_speaks_of_the_cells_and_composition_of_the_claim_it_cites(recognizer):
    text = ("1. A method of treating osteoarthritis, comprising administering umbilical cord-derived MSCs.\n"
            "2. The method of claim 1, wherein the mesenchymal stromal cells are expanded in bioreactors.\n"
            "3. The method of claim 2, wherein at least 95% of the cells express CD73.\n"
            "4. A composition comprising extracellular vesicles isolated from adipose-derived MSCs.\n"
            "5. The composition of claim 4 for use in reducing infarct size after myocardial infarction.\n"
            "6. A method of treating stroke, comprising administering the composition of claim 4.\n"
            "7. The method of claim 6, wherein the composition reduces stroke volume.")
    document = read_text(text, "claims.txt", fmt="plain_text")     # the reader keeps "1." in its claim
    assert {(c.type, c.subject.name, c.object.name) for c in extract(recognizer, document)} == {
        ("TREATS", "umbilical cord", "osteoarthritis"), ("EXPRESSES", "umbilical cord", "CD73"),
        ("SECRETES", "adipose tissue", "extracellular vesicles"),
        ("TREATS", "extracellular vesicles", "myocardial infarction"), ("TREATS", "extracellular vesicles", "stroke")}


def test_vesicles_isolated_from_cells_are_secreted_by_them(recognizer):
    assert claims(recognizer, "Exosomes were isolated from umbilical cord MSCs by ultracentrifugation.") == {
        ("SECRETES", "umbilical cord", "exosomes")}
    # cells isolated from a tissue are not its vesicles
    assert claims(recognizer, "MSCs were isolated from adipose tissue.") == set()


def test_a_factor_delivered_as_the_means_of_a_mechanism_mediates_it(recognizer):
    assert claims(recognizer, "The exosomes promote angiogenesis by delivering VEGF to endothelial cells.") == {
        ("MEDIATES", "exosomes", "angiogenesis"), ("MEDIATES", "VEGF", "angiogenesis"),
        ("TARGETS", "VEGF", "endothelial cell"), ("TARGETS", "exosomes", "endothelial cell")}
    # the cells' own claim on the mechanism has no place in the schema; their factor's has
    assert claims(recognizer, "Bone marrow MSCs promote angiogenesis by secreting VEGF.") == {
        ("SECRETES", "bone marrow", "VEGF"), ("MEDIATES", "VEGF", "angiogenesis")}


@pytest.mark.parametrize("verb", ["raised", "lowered", "boosted"])
def test_raising_or_lowering_a_cell_population_targets_it(recognizer, verb):
    assert claims(recognizer, f"The MSCs {verb} circulating regulatory T cells.") == {
        ("TARGETS", "MSC", "regulatory T cell")}


def test_a_statement_the_authors_deleted_is_negated(recognizer):
    [claim] = extract(recognizer, make_document(
        "We have deleted the sentence stating that MSCs secrete IL-10 in the joint."))
    assert (claim.type, claim.object.name, claim.negated) == ("SECRETES", "IL-10", True)
    [claim] = extract(recognizer, make_document("We have shortened the sentence stating that MSCs secrete IL-10."))
    assert not claim.negated


def test_what_should_be_tested_is_hedged(recognizer):
    [claim] = extract(recognizer, make_document("Bone marrow MSCs should be tested in a trial in stroke."))
    assert (claim.type, claim.object.name, claim.hedged) == ("INVESTIGATED_FOR", "stroke", True)


def test_an_effect_lost_when_a_factor_is_blocked_is_mediated_by_it(recognizer):
    found = {(c.type, c.subject.name, c.object.name, c.negated) for c in extract(recognizer, make_document(
        "Blocking VEGF abolished the gain in angiogenesis but not the anti-inflammatory effect."))}
    assert found == {("MEDIATES", "VEGF", "angiogenesis", False),
                     ("MEDIATES", "VEGF", "anti-inflammatory effect", True)}
    assert claims(recognizer, "However, siRNA knockdown of IL-10 in the MSCs abrogated the protection against "
                              "stroke.") == {("TREATS", "IL-10", "stroke")}
    # a blocking antibody that is not what the clause opens with takes nothing away
    assert ("MEDIATES", "VEGF", "angiogenesis") not in claims(
        recognizer, "Mice given IL-6 before blocking VEGF abolished angiogenesis.")


def test_the_action_of_factors_on_cells_targets_them_and_mediates_the_named_effect(recognizer):
    assert claims(recognizer, "The anti-inflammatory action of IL-10 and PGE2 on synovial macrophages was clear.") \
        == {("MEDIATES", "IL-10", "anti-inflammatory effect"), ("MEDIATES", "PGE2", "anti-inflammatory effect"),
            ("TARGETS", "IL-10", "macrophage"), ("TARGETS", "PGE2", "macrophage")}
    [claim] = extract(recognizer, make_document("There was no effect of IDO on T cells."))
    assert (claim.type, claim.subject.name, claim.object.name, claim.negated) == ("TARGETS", "IDO", "T cell", True)
    # an effect on something that is not a cell type is no claim
    assert claims(recognizer, "The effect of IDO on hyaluronic acid was small.") == set()


def test_a_factor_delivered_to_cells_acts_on_them_with_the_vesicles_that_carried_it(recognizer):
    text = ("Umbilical cord MSCs release exosomes. The vesicles delivered IL-10 to macrophages, where it blunted "
            "NF-κB signalling.")
    assert claims(recognizer, text) == {
        ("SECRETES", "umbilical cord", "exosomes"), ("TARGETS", "exosomes", "macrophage"),
        ("TARGETS", "IL-10", "macrophage"), ("INHIBITS", "IL-10", "NF-κB signalling")}
    # delivered to a place, not to cells: nothing acts on anything
    assert claims(recognizer, "The exosomes delivered IL-10 to the joint.") == set()


def test_expression_of_a_factor_in_the_cells_is_theirs(recognizer):
    assert claims(recognizer, "IFN-γ upregulates expression of IDO and HLA-DR in umbilical cord MSCs.") == {
        ("ACTIVATES", "IFN-γ", "IDO"), ("ACTIVATES", "IFN-γ", "HLA-DR"),
        ("EXPRESSES", "umbilical cord", "IDO"), ("EXPRESSES", "umbilical cord", "HLA-DR")}
    # expression in other cells is theirs
    assert not any(c[0] == "EXPRESSES" for c in claims(
        recognizer, "IL-10 lowered the expression of TNF-α in macrophages."))


def test_plain_words_calm_and_help(recognizer):
    assert claims(recognizer, "MSCs secrete PGE2, which calms macrophages and quiets NF-κB signalling.") == {
        ("SECRETES", "MSC", "PGE2"), ("TARGETS", "PGE2", "macrophage"), ("INHIBITS", "PGE2", "NF-κB signalling")}
    assert claims(recognizer, "Adipose-derived MSCs have helped patients with osteoarthritis walk again.") == {
        ("TREATS", "adipose tissue", "osteoarthritis")}
    # verbs of steering act on the cells steered, not on the phenotype they are steered to
    assert claims(recognizer, "PGE2 and IL-10 switch macrophages to an M2 macrophage state and hold back T cells.") == {
        ("TARGETS", "PGE2", "macrophage"), ("TARGETS", "IL-10", "macrophage"),
        ("TARGETS", "PGE2", "T cell"), ("TARGETS", "IL-10", "T cell")}
    assert claims(recognizer, "IL-10 may switch them towards a macrophage phenotype.") == set()


def test_what_a_study_gave_to_patients_with_a_disease_was_studied_in_it(recognizer):
    assert claims(recognizer, "A phase 2 trial gave 96 patients with stroke three doses of umbilical cord MSCs.") \
        == {("INVESTIGATED_FOR", "umbilical cord", "stroke")}
    assert claims(recognizer, "An open-label study injected adipose-derived MSCs into the knees of 40 patients "
                              "with osteoarthritis.") == {("INVESTIGATED_FOR", "adipose tissue", "osteoarthritis")}
    assert claims(recognizer, "The benefit was clearest in trials that gave bone marrow MSCs to people with "
                              "COVID-19-associated ARDS.") == {
        ("TREATS", "bone marrow", "COVID-19"), ("TREATS", "bone marrow", "acute respiratory distress syndrome")}
    # cells injected as a participle of what a sentence tests are not the study's gift to the population named
    assert claims(recognizer, "We are testing adipose-derived MSCs injected into the knee in people with "
                              "osteoarthritis, and umbilical cord MSCs given into a vein in adults with stroke.") \
        <= {("INVESTIGATED_FOR", "adipose tissue", "osteoarthritis"), ("INVESTIGATED_FOR", "umbilical cord", "stroke")}


def test_a_relative_clause_after_the_cells_that_release_a_factor_is_about_the_factor(recognizer):
    assert claims(recognizer, "The authors credit VEGF released by the umbilical cord MSCs, which may promote "
                              "angiogenesis.") == {
        ("SECRETES", "umbilical cord", "VEGF"), ("MEDIATES", "VEGF", "angiogenesis")}


def test_a_share_of_the_cells_is_the_subject_of_a_past_tense_verb(recognizer):
    assert claims(recognizer, "Bone marrow MSCs were expanded. Over 95% of the cells expressed CD73.") == {
        ("EXPRESSES", "bone marrow", "CD73")}
    found = extract(recognizer, make_document(
        "Umbilical cord MSCs were expanded. More than 95% of cells from all four donors expressed CD73, whereas "
        "fewer than 2% expressed CD34."))
    assert {(c.subject.name, c.object.name, dict(c.properties).get("negative", False)) for c in found} == {
        ("umbilical cord", "CD73", False), ("umbilical cord", "CD34", True)}
    # "of the cells" that an anaphor stands in for still gives the share
    [claim] = extract(recognizer, make_document("MSCs were tested: 1.5% of the cells expressed CD45."))
    assert dict(claim.properties).get("negative") is True


def test_an_agent_on_its_own_before_a_past_tense_verb(recognizer):
    text = "Recombinant IL-10 alone lowered IL-6 and TNF-α and attenuated liver cirrhosis."
    assert claims(recognizer, text) == {("INHIBITS", "IL-10", "IL-6"), ("INHIBITS", "IL-10", "TNF-α"),
                                        ("TREATS", "IL-10", "liver cirrhosis")}


def test_the_cells_and_what_they_came_from_are_the_subject_of_a_past_tense_verb(recognizer):
    assert claims(recognizer, "In co-culture, MSCs from all three media suppressed the proliferation of T cells.") \
        == {("TARGETS", "MSC", "T cell")}
    assert claims(recognizer, "Bone marrow MSCs from elderly donors expressed CD73.") == {
        ("EXPRESSES", "bone marrow", "CD73")}
    # a participle that takes its agent or setting next modifies the noun before it
    assert not claims(recognizer, "MSCs from mice suppressed by irradiation were cultured.")


def test_patients_with_a_disease_who_received_an_agent_were_studied_for_it(recognizer):
    assert claims(recognizer, "Eighteen patients with osteoarthritis received intra-articular injections of "
                              "Cartistem.") == {("INVESTIGATED_FOR", "Cartistem", "osteoarthritis")}
    # a benefit claimed in the same sentence is the claim; receiving the cells is its setting
    assert claims(recognizer, "Patients with osteoarthritis who received bone marrow MSCs improved markedly.") == {
        ("TREATS", "bone marrow", "osteoarthritis")}


def test_factors_that_support_a_mechanism_mediate_it(recognizer):
    assert claims(recognizer, "MSCs secrete VEGF and HGF, which together support angiogenesis.") == {
        ("SECRETES", "MSC", "VEGF"), ("SECRETES", "MSC", "HGF"),
        ("MEDIATES", "VEGF", "angiogenesis"), ("MEDIATES", "HGF", "angiogenesis")}
    # a mechanism "driven by" factors is mediated by them (a disease driven by one stays IMPLICATED_IN)
    assert claims(recognizer, "Angiogenesis is driven chiefly by VEGF and HGF.") == {
        ("MEDIATES", "VEGF", "angiogenesis"), ("MEDIATES", "HGF", "angiogenesis")}


def test_cells_that_work_in_a_disease_treat_it_but_work_in_a_disease_is_no_claim(recognizer):
    [claim] = extract(recognizer, make_document("Could primed MSCs work better in osteoarthritis?"))
    assert (claim.type, claim.object.name, claim.hedged) == ("TREATS", "osteoarthritis", True)
    assert claims(recognizer, "The IL-10 work in osteoarthritis was cited.") == set()


@pytest.mark.parametrize("verb", ["pushes", "drives", "skews"])
def test_pushing_cells_toward_a_state_targets_them(recognizer, verb):
    assert claims(recognizer, f"PGE2 {verb} macrophages toward the M2 phenotype.") == {
        ("TARGETS", "PGE2", "macrophage")}


@pytest.mark.parametrize("text", [
    "MSCs were co-cultured with CD34+ cells.",          # the signed marker describes other cells
    "MSCs suppressed CD45+ T cells.",
    "MSCs were sorted into CD73-expressing fractions.",  # a hyphenated word is no sign
])
def test_signed_markers_of_other_cells_say_nothing_of_the_msc(recognizer, text):
    assert not any(c.type == "EXPRESSES" for c in extract(recognizer, make_document(text)))


def test_the_cells_inside_a_sentence_without_a_source_are_the_source_named_before(recognizer):
    text = "Bone marrow MSCs were used. We softened the conclusion, because the cells also secreted IL-10."
    assert claims(recognizer, text) == {("SECRETES", "bone marrow", "IL-10")}
    # a share of the cells, or cells an experimenter primes, stay as they are
    text = "Bone marrow MSCs were used. IL-6 rose after we primed the cells with IFN-γ."
    assert ("SECRETES", "bone marrow", "IL-6") not in claims(recognizer, text)


@pytest.mark.parametrize("text", [
    "MSCs reduced IL-6 secretion by macrophages.",
    "Conditioned medium from MSCs lowered IL-6 release by LPS-stimulated macrophages.",
])
def test_a_factor_released_by_other_cells_is_not_the_msc_secretion(recognizer, text):
    assert not any(t == "SECRETES" and o == "IL-6" for t, s, o in claims(recognizer, text))


def test_all_three_sources_are_the_sources_named_together_before(recognizer):
    text = ("We used MSCs from bone marrow, adipose tissue and umbilical cord. Bone marrow and adipose MSCs differ. "
            "All three sources secreted IL-6, and IL-10 was found in the medium of all three tissues.")
    assert {(s, o) for t, s, o in claims(recognizer, text) if t == "SECRETES"} == {
        ("bone marrow", "IL-6"), ("adipose tissue", "IL-6"), ("umbilical cord", "IL-6")}
    # a count that fits no set named before stands for nothing
    text = "Bone marrow and adipose MSCs were used. All three sources secreted IL-6."
    assert not any(s in ("bone marrow", "adipose tissue") for t, s, o in claims(recognizer, text))


def test_a_factor_not_detected_in_the_supernatant_is_not_secreted(recognizer):
    found = extract(recognizer, make_document("Bone marrow MSCs secreted IL-10, but HGF was not detected in the "
                                              "supernatant."))
    assert {(c.type, c.object.name, c.negated) for c in found} == {
        ("SECRETES", "IL-10", False), ("SECRETES", "HGF", True)}


def test_secreted_mainly_by_names_the_source(recognizer):
    assert claims(recognizer, "IL-10 was secreted mainly by primed bone marrow MSCs.") == {
        ("SECRETES", "bone marrow", "IL-10")}


def test_this_cytokine_is_the_factor_named_before(recognizer):
    assert claims(recognizer, "IL-6 was high in every sample, and this cytokine activates NF-κB signalling.") == {
        ("ACTIVATES", "IL-6", "NF-κB signalling")}


def test_a_chat_line_prefix_is_a_run_in_label(recognizer):
    text = "Adipose tissue MSCs were expanded. [09:05] priya_k: they lack HLA-DR."
    [claim] = extract(recognizer, make_document(text))
    assert (claim.subject.name, claim.object.name, dict(claim.properties).get("negative")) == (
        "adipose tissue", "HLA-DR", True)


def test_a_negation_spelt_without_its_apostrophe_negates(recognizer):
    [claim] = extract(recognizer, make_document("the adipose MSCs didnt suppress T cells at all."))
    assert (claim.type, claim.negated) == ("TARGETS", True)


# --------------------------------------------------------------------------- outcomes, causes and denials
def test_a_disease_inducer_treats_nothing(recognizer):
    text = "MSCs passed mitochondria to cells, which protected mice against TNF-α-induced fibrosis."
    assert ("TREATS", "TNF-α", "fibrosis") not in claims(recognizer, text)


def test_an_outcome_in_animals_with_a_disease_treats_it(recognizer):
    text = "In mice with polymicrobial osteoarthritis, bone marrow MSCs improved survival."
    assert claims(recognizer, text) == {("TREATS", "bone marrow", "osteoarthritis")}


def test_no_evidence_that_denies_the_claim_it_introduces(recognizer):
    [claim] = extract(recognizer, make_document("There is no good evidence that MSCs help in Parkinson's disease."))
    assert (claim.type, claim.negated) == ("TREATS", True)
    [claim] = extract(recognizer, make_document("There is good evidence that MSCs help in Parkinson's disease."))
    assert (claim.type, claim.negated) == ("TREATS", False)


@pytest.mark.parametrize("text", ["The committee proposed that MSCs secrete IL-10.",
                                  "Conclusion (tentative) - MSCs secrete IL-10."])
def test_a_proposal_or_a_tentative_conclusion_hedges(recognizer, text):
    [claim] = extract(recognizer, make_document(text))
    assert claim.hedged


def test_it_is_believed_hedges(recognizer):
    [claim] = extract(recognizer, make_document("It is believed that IL-10 inhibits TNF-α."))
    assert claim.hedged


def test_a_verb_after_thereby_keeps_the_relative_antecedent(recognizer):
    text = "MSCs express IDO, which depletes IL-6 and thereby halts the expansion of T cells."
    found = claims(recognizer, text)
    assert {("INHIBITS", "IDO", "IL-6"), ("TARGETS", "IDO", "T cell")} <= found
    assert ("TARGETS", "IL-6", "T cell") not in found


def test_suppressing_a_disease_treats_it_only_when_it_is_the_object(recognizer):
    assert claims(recognizer, "MSCs did not suppress graft-versus-host disease.") == {
        ("TREATS", "MSC", "graft-versus-host disease")}
    [claim] = [c for c in extract(recognizer, make_document(
        "Bone marrow MSCs suppress T cells and may be useful in multiple sclerosis.")) if c.type == "TREATS"]
    assert claim.hedged


def test_cells_acting_through_a_factor_release_it(recognizer):
    text = "Bone marrow MSCs, through PGE2, alter the function of macrophages."
    assert claims(recognizer, text) == {("TARGETS", "bone marrow", "macrophage"),
                                        ("SECRETES", "bone marrow", "PGE2"), ("TARGETS", "PGE2", "macrophage")}
    # a marker is not released: CD73 is on the cells
    assert ("SECRETES", "bone marrow", "CD73") not in claims(
        recognizer, "Bone marrow MSCs, through CD73, alter the function of macrophages.")


def test_cells_acting_by_producing_a_factor_release_it_and_it_acts(recognizer):
    found = claims(recognizer, "Mouse MSCs suppress T cells mainly by producing nitric oxide and PGE2.")
    assert {("TARGETS", "nitric oxide", "T cell"), ("TARGETS", "PGE2", "T cell"),
            ("SECRETES", "MSC", "nitric oxide"), ("SECRETES", "MSC", "PGE2")} <= found
    # "by" with no release after it names no means
    assert ("TARGETS", "PGE2", "T cell") not in claims(
        recognizer, "MSCs suppress T cells by contact, and PGE2 is made by monocytes.")


def test_cells_turned_towards_another_type_are_targeted_too(recognizer):
    found = claims(recognizer, "PGE2 polarises T cells and B cells towards regulatory T cells.")
    assert {("TARGETS", "PGE2", "T cell"), ("TARGETS", "PGE2", "B cell"),
            ("TARGETS", "PGE2", "regulatory T cell")} <= found
    # a new clause is not the same action
    assert ("TARGETS", "PGE2", "regulatory T cell") not in claims(
        recognizer, "PGE2 polarises T cells; towards regulatory T cells nothing moved.")


def test_they_after_so_that_is_the_cells_named_last(recognizer):
    text = "Bone marrow MSCs reprogrammed macrophages so that they released IL-10."
    assert ("SECRETES", "bone marrow", "IL-10") not in claims(recognizer, text)
    text = "Bone marrow MSCs reprogrammed macrophages, and they released IL-10."
    assert ("SECRETES", "bone marrow", "IL-10") in claims(recognizer, text)


def test_an_enzyme_called_x_stays_in_the_list(recognizer):
    text = "MSCs produce PGE2, IL-6 and an enzyme called IDO, which together slow down T cells."
    assert {("TARGETS", "PGE2", "T cell"), ("TARGETS", "IL-6", "T cell"), ("TARGETS", "IDO", "T cell")} <= \
        claims(recognizer, text)


def test_a_run_in_disease_label_is_the_setting(recognizer):
    [claim] = extract(recognizer, make_document("- Osteoarthritis: intra-articular MSCs may ease pain; more is unknown"))
    assert (claim.type, claim.subject.name, claim.object.name, claim.hedged) == \
        ("TREATS", "MSC", "osteoarthritis", True)


@pytest.mark.parametrize("text, expected", [
    # two diseases in the label (a label with "and" once raised an AttributeError), or one disease in another
    ("- Osteoarthritis and GvHD: intra-articular MSCs may ease pain",
     {("TREATS", "MSC", "osteoarthritis"), ("TREATS", "MSC", "graft-versus-host disease")}),
    ("- Perianal fistula in Crohn's disease: Alofisel may ease pain",
     {("TREATS", "Alofisel", "perianal fistula"), ("TREATS", "Alofisel", "Crohn's disease")}),
    # revision notes: an arrow to a lowered symptom or to something better is the benefit; "slow progression"
    ("- knee OA: intra-articular MSCs \u2192 \u2193 pain (WOMAC); cartilage regrowth unproven",
     {("TREATS", "MSC", "knee osteoarthritis")}),
    ("- ALS: Temcell (intrathecal) may slow progression \u2013 small data", {("TREATS", "Temcell", "amyotrophic lateral sclerosis")}),
    ("- Stroke: MSCs \u2192 better walking", {("TREATS", "MSC", "stroke")}),
])
def test_run_in_disease_labels_of_notes(recognizer, text, expected):
    assert claims(recognizer, text) == expected


def test_a_marker_line_may_abbreviate_negative(recognizer):
    text = "# Notes\n\n## What is an MSC?\n\n- neg. (\u22642%): CD34, CD45, HLA-DR\n"
    found = extract(recognizer, read_text(text, "notes.md", fmt="markdown"))
    assert {(c.subject.name, c.object.name, dict(c.properties).get("negative", False)) for c in found} == {
        ("MSC", "CD34", True), ("MSC", "CD45", True), ("MSC", "HLA-DR", True)}


@pytest.mark.parametrize("text, expected", [
    ("MSCs for ALS and multiple sclerosis should be used only in clinical trials.",
     {("INVESTIGATED_FOR", "MSC", "amyotrophic lateral sclerosis"), ("INVESTIGATED_FOR", "MSC", "multiple sclerosis")}),
    # the use the advice names is no claim of benefit
    ("MSCs should be used for knee osteoarthritis only in clinical trials.",
     {("INVESTIGATED_FOR", "MSC", "knee osteoarthritis")}),
    ("MSCs or their exosomes should be given for ARDS only within clinical trials.",
     {("INVESTIGATED_FOR", "MSC", "acute respiratory distress syndrome"), ("SECRETES", "MSC", "exosomes"),
      ("INVESTIGATED_FOR", "exosomes", "acute respiratory distress syndrome")}),
])
def test_advice_to_use_agents_only_in_trials_is_their_study(recognizer, text, expected):
    assert claims(recognizer, text) == expected


def test_vesicles_listed_as_their_own_are_the_sources(recognizer):
    assert claims(recognizer, "MSCs and their exosomes reduced fibrosis.") == {
        ("SECRETES", "MSC", "exosomes"), ("TREATS", "MSC", "fibrosis"), ("TREATS", "exosomes", "fibrosis")}


def test_an_approval_denied_to_all_products_approves_no_product_named_later(recognizer):
    assert claims(recognizer, "No MSC product has been approved for ALS, and a trial of Temcell failed.") == set()
    # a product named inside the denial is still the one it speaks of
    assert ("APPROVED_FOR", "Temcell", "graft-versus-host disease") in claims(
        recognizer, "No product other than Temcell was approved for GvHD.")


def test_a_denied_benefit_beside_an_approval_is_kept(recognizer):
    text = ("The authorisation was withdrawn after a trial failed to confirm that Alofisel heals perianal fistula.")
    found = [c for c in extract(recognizer, make_document(text)) if c.type == "TREATS"]
    assert [(c.subject.name, c.object.name, c.negated) for c in found] == [("Alofisel", "perianal fistula", True)]


def test_a_mechanism_said_to_be_factor_dependent_is_mediated_by_it(recognizer):
    assert claims(recognizer, "Immunomodulation by these cells is IDO-dependent.") == {
        ("MEDIATES", "IDO", "immunomodulation")}
    assert claims(recognizer, "Immunomodulation is strong, and IDO-dependent T cells remain.") == set()


def test_cells_named_after_the_trigger_leave_the_topic_the_subject(recognizer):
    text = ("Bone marrow MSCs were expanded. Every batch is tested: the cells must carry CD73 and must lack CD45, "
            "whose presence would point to contamination with macrophages.")
    assert {("EXPRESSES", "bone marrow", "CD73"), ("EXPRESSES", "bone marrow", "CD45")} <= claims(recognizer, text)


def test_a_disease_inducer_is_no_argument_of_the_verb(recognizer):
    text = "Exosomes attenuated IL-6-induced fibrosis through NF-κB activation."
    found = claims(recognizer, text)
    assert ("IMPLICATED_IN", "IL-6", "fibrosis") in found
    assert not any("IL-6" in (s, o) for rel, s, o in found if rel != "IMPLICATED_IN")
    # an inducer of a pathway is its activator, as before
    assert claims(recognizer, "TNF-α-induced NF-κB signalling.") == {("ACTIVATES", "TNF-α", "NF-κB signalling")}
    # a chemical that makes the disease model is no cause of the disease the graph should record
    assert claims(recognizer, "Exosomes attenuated nitric oxide-induced fibrosis.") == {("TREATS", "exosomes", "fibrosis")}


def test_and_before_a_subject_with_its_own_verb_opens_a_clause(recognizer):
    # the entity after ", and" has a verb of its own: neither an object of "promote" nor a list member
    text = "VEGF and HGF promote angiogenesis, and IDO has anti-inflammatory effects."
    found = claims(recognizer, text)
    assert ("MEDIATES", "VEGF", "angiogenesis") in found
    assert not any(o == "IDO" for _, s, o in found)
    text = "MSCs secrete PGE2, VEGF and IL-10, and IL-10 may protect macrophages."
    found = claims(recognizer, text)
    assert {("SECRETES", "MSC", f) for f in ("PGE2", "VEGF", "IL-10")} <= found
    assert [(s, o) for rel, s, o in found if rel == "TARGETS"] == [("IL-10", "macrophage")]
    # a relative clause after ", and X," belongs to X alone
    text = "MSCs release PGE2, which induces IL-10, and IDO, which inhibits NF-κB signalling."
    assert [(s, o) for rel, s, o in claims(recognizer, text) if rel == "INHIBITS"] == [("IDO", "NF-κB signalling")]
    # an Oxford comma keeps its list
    text = "VEGF, HGF, and IL-6 promote angiogenesis."
    assert {s for rel, s, o in claims(recognizer, text) if rel == "MEDIATES"} == {"VEGF", "HGF", "IL-6"}


def test_the_cargo_of_secreted_vesicles_is_secreted(recognizer):
    text = "Extracellular vesicles released by bone marrow MSCs carry IL-10 and TGF-β."
    assert claims(recognizer, text) == {("SECRETES", "bone marrow", "extracellular vesicles"),
                                        ("SECRETES", "bone marrow", "IL-10"), ("SECRETES", "bone marrow", "TGF-β")}
    # cells that carry a marker still express it
    assert claims(recognizer, "Bone marrow MSCs carry CD73.") == {("EXPRESSES", "bone marrow", "CD73")}


@pytest.mark.parametrize("text, expected", [
    ("Recommendation 2.1: We recommend against MSCs for multiple sclerosis outside clinical trials.",
     ("MSC", "multiple sclerosis", True, False)),
    ("We suggest against intra-articular MSC injections for knee osteoarthritis.",
     ("MSC", "knee osteoarthritis", True, True)),
    ("In children with steroid-refractory graft-versus-host disease, we suggest Ryoncil where it is available.",
     ("Ryoncil", "steroid-refractory graft-versus-host disease", False, True)),
    ("Alofisel should no longer be offered for perianal fistula in the EU.",
     ("Alofisel", "perianal fistula", True, False)),
])
def test_a_guideline_recommendation_claims_or_denies_the_benefit(recognizer, text, expected):
    found = [c for c in extract(recognizer, make_document(text)) if c.object.label == schema.DISEASE]
    assert [(c.subject.name, c.object.name, c.negated, c.hedged) for c in found if c.type == "TREATS"] == [expected]
    # the advice is the claim: "outside clinical trials" is no study of its own
    assert not [c for c in found if c.type == "INVESTIGATED_FOR"]


def test_a_recommendation_needs_its_agent_next_to_it(recognizer):
    text = "We recommend that the dose of cells be reported, as MSCs vary in multiple sclerosis."
    assert not [c for c in extract(recognizer, make_document(text)) if c.type == "TREATS"]


def test_a_verb_chained_to_one_without_a_typed_object_shares_its_subject(recognizer):
    text = "Exosomes from bone marrow MSCs improved lung architecture and shifted macrophages towards repair."
    found = claims(recognizer, text)
    assert ("TARGETS", "exosomes", "macrophage") in found
    assert ("TARGETS", "bone marrow", "macrophage") not in found


def test_vesicles_take_the_disease_of_the_setting(recognizer):
    text = "In a mouse model of hyperoxia-induced fibrosis, exosomes from bone marrow MSCs improved lung architecture."
    assert ("TREATS", "exosomes", "fibrosis") in claims(recognizer, text)
    # a single factor does not: its effect is not framed by the patients
    assert not any(rel == "TREATS" for rel, _, _ in claims(recognizer, "In mice with fibrosis, IL-10 improved survival."))


def test_vesicles_that_carried_a_factor(recognizer):
    assert ("SECRETES", "umbilical cord", "IL-10") in claims(recognizer, "EVs from umbilical cord MSCs carried IL-10.")


@pytest.mark.parametrize("text, expected", [
    ("When exposed to IFN-γ, MSCs upregulate IDO and PGE2.", {("IFN-γ", "IDO"), ("IFN-γ", "PGE2")}),
    ("Bone marrow MSCs primed with IFN-γ and TNF-α secrete IDO.", {("IFN-γ", "IDO"), ("TNF-α", "IDO")}),
    ("IFN-γ-primed MSCs secrete more PGE2.", {("IFN-γ", "PGE2")}),
    # the stimulus must be the cells' own: mice treated with a factor prime nothing
    ("Mice treated with TNF-α had more IL-6, and MSCs secreted VEGF.", set()),
    # nor does a phrase in mid-sentence that no comma closes
    ("After exposure to IFN-γ MSCs and macrophages alike express IDO.", set()),
    # an opening clause about the cells, after a run-in label
    ("Explanation: When human MSCs are exposed to IFN-γ, they express IDO.", {("IFN-γ", "IDO")}),
    ("When macrophages are exposed to IFN-γ, MSCs express IDO.", set()),
    # the measure of a factor that rose, or fell, after the stimulus
    ("MSCs secreted IL-6, and IDO secretion increased further after exposure to IFN-γ.", {("IFN-γ", "IDO")}),
    ("IL-6 expression rose markedly following stimulation with TNF-α.", {("TNF-α", "IL-6")}),
    ("IL-6 levels were measured after exposure to TNF-α.", set()),
    # the experimenters gave the stimulus
    ("PGE2 output roughly tripled after we primed the cells with IFN-γ and TNF-α.",
     {("IFN-γ", "PGE2"), ("TNF-α", "PGE2")}),
    ("When we primed the cells with IFN-γ, MSCs secreted more IDO.", {("IFN-γ", "IDO")}),
    # an inducer of a factor's state or output
    ("Exosomes decreased TNF-α-induced phosphorylation of IL-6 and TNF-α-induced VEGF secretion.",
     {("TNF-α", "IL-6"), ("TNF-α", "VEGF")}),
])
def test_the_stimulus_of_primed_cells_activates_what_they_make(recognizer, text, expected):
    found = extract(recognizer, make_document(text))
    assert {(c.subject.name, c.object.name) for c in found if c.type == "ACTIVATES"} == expected


def test_a_stimulus_after_which_a_factor_fell_inhibits_it(recognizer):
    [claim] = [c for c in extract(recognizer, make_document("VEGF secretion decreased after exposure to IL-10."))
               if c.subject.name == "IL-10"]
    assert (claim.type, claim.object.name, claim.negated) == ("INHIBITS", "VEGF", False)
    [claim] = [c for c in extract(recognizer, make_document("VEGF secretion was not increased after exposure to "
                                                             "IL-10.")) if c.subject.name == "IL-10"]
    assert (claim.type, claim.negated) == ("ACTIVATES", True)


@pytest.mark.parametrize("text, expected", [
    ("Colonic levels of TNF-α and IL-6 decreased in the EV group.",
     {("INHIBITS", "extracellular vesicles", "TNF-α"), ("INHIBITS", "extracellular vesicles", "IL-6")}),
    ("Hepatic IL-10 was higher in exosome-treated mice than in controls.", {("ACTIVATES", "exosomes", "IL-10")}),
    ("Serum TGF-β fell sharply in EV-treated rats.", {("INHIBITS", "extracellular vesicles", "TGF-β")}),
    # the giving of the treatment after the change; an apposition between the measure and its change
    ("Serum IL-6 decreased after exosome treatment.", {("INHIBITS", "exosomes", "IL-6")}),
    ("Expression of IL-6 and TNF-α, two markers of inflammation, was likewise lower in exosome-treated mice.",
     {("INHIBITS", "exosomes", "IL-6"), ("INHIBITS", "exosomes", "TNF-α")}),
    # a change in a setting that is no treatment arm names no agent
    ("IL-6 decreased in the IL-10 knockout.", set()),
    ("IL-6 decreased after IL-10 knockout.", set()),
])
def test_a_factor_that_changed_in_a_treated_arm_is_changed_by_the_treatment(recognizer, text, expected):
    # the treatment is the agent, never the object of the measured factor's change
    assert claims(recognizer, text) == expected


def test_a_comma_and_while_open_a_clause_the_first_verb_does_not_reach(recognizer):
    assert claims(recognizer, "VEGF enhances angiogenesis, while HGF levels stay flat.") == {
        ("MEDIATES", "VEGF", "angiogenesis")}


def test_the_source_naming_a_conditioned_medium_expresses_nothing_it_acts_on(recognizer):
    found = claims(recognizer, "In T cells, bone marrow-exosomes decreased phosphorylation of TNF-α and the "
                               "expression of IL-6. Bone marrow MSCs showed expression of CD73.")
    assert ("EXPRESSES", "bone marrow", "IL-6") not in found
    assert ("EXPRESSES", "bone marrow", "CD73") in found


def test_a_primed_cells_denied_secretion_denies_the_activation(recognizer):
    [claim] = [c for c in extract(recognizer, make_document("MSCs treated with IL-6 did not secrete VEGF."))
               if c.type == "ACTIVATES"]
    assert (claim.subject.name, claim.object.name, claim.negated) == ("IL-6", "VEGF", True)


@pytest.mark.parametrize("text, tissue", [
    ("Alofisel, a suspension of donor adipose-derived MSCs, was authorised in 2018.", "adipose tissue"),
    ("Ryoncil, an allogeneic bone marrow-derived MSC product, was approved in 2024.", "bone marrow"),
    ("Cartistem, from umbilical cord blood MSCs, is approved in Korea.", "umbilical cord blood"),
    ("Temcell cells, which are allogeneic bone marrow MSCs, were licensed in Japan.", "bone marrow"),
])
def test_a_product_described_after_a_comma_is_derived_from_the_tissue(recognizer, text, tissue):
    derived = {(s, o) for rel, s, o in claims(recognizer, text) if rel == "DERIVED_FROM"}
    assert len(derived) == 1 and next(iter(derived))[1] == tissue


def test_a_comma_after_a_product_without_a_description_derives_nothing(recognizer):
    text = "Alofisel, a drug for fistulas, reached patients who had received bone marrow MSCs."
    assert not [c for c in claims(recognizer, text) if c[0] == "DERIVED_FROM"]


def test_a_light_verb_leaves_its_subject_to_the_noun_of_action(recognizer):
    text = "IDO and PGE2 contribute to the inhibition of macrophages and to the expansion of regulatory T cells."
    targets = {(s, o) for rel, s, o in claims(recognizer, text) if rel == "TARGETS"}
    assert targets == {(f, c) for f in ("IDO", "PGE2") for c in ("macrophage", "regulatory T cell")}


@pytest.mark.parametrize("text, negated", [
    ("Randomised trials of MSCs in multiple sclerosis have not shown a clear clinical benefit.", True),
    ("Trials of bone marrow MSCs in knee osteoarthritis report less pain.", False),
])
def test_what_trials_found_is_a_claim_of_benefit(recognizer, text, negated):
    [claim] = [c for c in extract(recognizer, make_document(text)) if c.object.label == schema.DISEASE]
    assert (claim.type, claim.negated) == ("TREATS", negated)


def test_trials_without_an_outcome_only_study(recognizer):
    text = "Trials of MSCs in Crohn's disease are ongoing to test whether they are effective."
    assert claims(recognizer, text) == {("INVESTIGATED_FOR", "MSC", "Crohn's disease")}


def test_trials_in_a_disease_after_a_sentence_on_msc_are_trials_of_msc(recognizer):
    text = "MSCs have been tested widely. Randomised trials in multiple sclerosis have not shown a clear benefit."
    found = [c for c in extract(recognizer, make_document(text)) if c.object.label == schema.DISEASE]
    assert [(c.type, c.subject.name, c.object.name, c.negated) for c in found] == [
        ("TREATS", "MSC", "multiple sclerosis", True)]
    # after a sentence on one tissue's MSCs the trials are not said to be of that tissue
    text = "Bone marrow MSCs were expanded. Randomised trials in multiple sclerosis have not shown a clear benefit."
    assert not [c for c in extract(recognizer, make_document(text)) if c.object.label == schema.DISEASE]


def test_cells_of_a_table_row_written_as_text_are_clauses(recognizer):
    # "co-culture with IL-6 | at least 40% inhibition of TNF-α": no claim across the pipe
    text = "TNF-α assay | co-culture with IL-6 | at least 40% inhibition of TNF-α | 63% inhibition"
    assert ("INHIBITS", "IL-6", "TNF-α") not in claims(recognizer, text)


def test_lacking_detectable_expression_is_a_marker_the_cells_lack(recognizer):
    [claim] = extract(recognizer, make_document("Bone marrow MSCs lacked detectable expression of CD34."))
    assert (claim.type, claim.object.name, dict(claim.properties).get("negative")) == ("EXPRESSES", "CD34", True)


def test_an_agentless_passive_names_no_object_after_it(recognizer):
    text = "NF-κB signalling was suppressed, but p38 MAPK was not changed in macrophages."
    assert not [c for c in claims(recognizer, text) if c[1] == "NF-κB signalling"]


def test_a_group_after_another_preposition_is_no_object(recognizer):
    text = "MSCs act through the release of HGF, which inhibits hepatic stellate cell activation, and of exosomes."
    found = claims(recognizer, text)
    assert ("TARGETS", "HGF", "hepatic stellate cell") in found
    assert ("INHIBITS", "HGF", "exosomes") not in found


def test_a_disease_model_in_apposition_is_not_treated(recognizer):
    text = "Bone marrow MSCs reduced clinical scores in mice with stroke, the standard model of multiple sclerosis."
    found = claims(recognizer, text)
    assert ("TREATS", "bone marrow", "multiple sclerosis") not in found


def test_a_pronoun_before_a_passive_verb_is_its_object(recognizer):
    text = "The effect is abolished by nitric oxide, which suggests that it depends on PGE2."
    assert not [c for c in claims(recognizer, text) if c[0] == "MODULATES"]


def test_an_object_is_not_sought_past_a_clause_opened_by_a_pronoun(recognizer):
    text = "MSCs release it and it pushes macrophages to make IL-10."
    assert ("SECRETES", "MSC", "IL-10") not in claims(recognizer, text)


def test_a_source_glued_to_its_vesicles_secretes_them(recognizer):
    text = "WJ-MSC-exosomes reduced fibrosis."
    found = claims(recognizer, text)
    assert ("SECRETES", "Wharton's jelly", "exosomes") in found and ("TREATS", "exosomes", "fibrosis") in found


def test_a_factor_with_a_relative_clause_keeps_the_topic_out(recognizer):
    text = ("Bone marrow MSCs were expanded. "
            "IL-6 is a cytokine that controls the expression of many genes such as VEGF.")
    assert not [c for c in claims(recognizer, text) if c[0] == "EXPRESSES"]


def test_approval_sought_is_no_approval(recognizer):
    found = claims(recognizer, "The Applicant seeks approval of Ryoncil for graft-versus-host disease.")
    assert found == {("INVESTIGATED_FOR", "Ryoncil", "graft-versus-host disease")}
    assert ("APPROVED_FOR", "Alofisel", "perianal fistula") in claims(
        recognizer, "Alofisel received approval for perianal fistula in 2018.")


def test_a_withdrawn_or_lost_authorisation_is_a_negated_approval(recognizer):
    for text in ("Alofisel lost its European authorisation for perianal fistula in 2024.",
                 "The marketing authorisation of Alofisel for perianal fistula was withdrawn in 2024."):
        claim = only(recognizer, text)
        assert (claim.type, claim.subject.name, claim.object.name, claim.negated) == \
            ("APPROVED_FOR", "Alofisel", "perianal fistula", True)
    kept = only(recognizer, "Alofisel was approved in 2018 for perianal fistula.")
    assert kept.type == "APPROVED_FOR" and not kept.negated


def test_the_disease_another_disease_occurs_in_is_not_approved_for(recognizer):
    # the fistulas are the indication; Crohn's disease is where they occur
    assert claims(recognizer, "Alofisel was approved in Europe for perianal fistula in Crohn's disease.") == {
        ("APPROVED_FOR", "Alofisel", "perianal fistula")}


def test_verbs_in_series_share_their_subject_not_the_object_before(recognizer):
    # the unresolved "the product" does the inhibiting, not TNF-α, which was decreased
    text = "In the brain, the product suppressed macrophage activation, decreased TNF-α and IFN-γ, " \
           "and inhibited NF-κB signalling."
    assert ("INHIBITS", "IFN-γ", "NF-κB signalling") not in claims(recognizer, text)
    assert ("INHIBITS", "TNF-α", "NF-κB signalling") not in claims(recognizer, text)
    text = "MSCs secrete IL-10, and suppress T cells."
    assert ("TARGETS", "MSC", "T cell") in claims(recognizer, text)


def test_it_opening_a_clause_stands_for_the_sentence_subject(recognizer):
    text = "IFN-γ induces IDO, which depletes nitric oxide, and it upregulates PD-1 on the cell surface."
    found = claims(recognizer, text)
    assert ("ACTIVATES", "IFN-γ", "PD-1") in found
    assert ("ACTIVATES", "nitric oxide", "PD-1") not in found


def test_they_in_a_sentence_about_vesicles_is_the_vesicles(recognizer):
    text = "Exosomes are vesicles that MSCs release, and in models of osteoarthritis they protected cartilage."
    found = claims(recognizer, text)
    assert ("TREATS", "exosomes", "osteoarthritis") in found
    assert ("TREATS", "MSC", "osteoarthritis") not in found


def test_generates_is_an_activation(recognizer):
    assert claims(recognizer, "IDO generates nitric oxide.") == {("ACTIVATES", "IDO", "nitric oxide")}


def test_the_cells_of_a_document_about_one_tissue_are_that_tissue_after_the_topic_fades(recognizer):
    text = ("Umbilical cord MSCs were isolated. Umbilical cord MSCs grew well. The flasks were washed. "
            "The medium was changed. The plates were split. Umbilical cord MSCs were frozen. "
            "The vials were stored. The labels were printed. The freezer was checked. "
            "The expanded cells are positive for CD73.")
    assert ("EXPRESSES", "umbilical cord", "CD73") in claims(recognizer, text)
    # a review naming several tissues has no document source: no tissue is guessed
    text = ("Bone marrow MSCs and adipose MSCs differ. Umbilical cord MSCs grow faster. Umbilical cord MSCs are "
            "common. Bone marrow MSCs are studied. The flasks were washed. The medium was changed. The plates were "
            "split. The vials were stored. The expanded cells are positive for CD73.")
    assert not {c for c in claims(recognizer, text) if c[2] == "CD73"}


def test_a_release_by_named_cells_is_not_the_topic_sources(recognizer):
    text = "Umbilical cord MSCs were primed. Their exosomes inhibit TNF-α release by activated macrophages."
    found = claims(recognizer, text)
    assert ("SECRETES", "umbilical cord", "TNF-α") not in found
    assert ("INHIBITS", "exosomes", "TNF-α") in found


def test_the_product_of_a_document_about_one_product_is_that_product(recognizer):
    text = ("Temcell was approved in Japan. Temcell is made from bone marrow MSCs. Temcell was studied widely. "
            "In children, the product reduced graft-versus-host disease.")
    assert ("TREATS", "Temcell", "graft-versus-host disease") in claims(recognizer, text)
    # several products, none dominant: "the product" stays unresolved
    text = "Temcell was approved. Alofisel was approved. In children, the product reduced graft-versus-host disease."
    assert not {c for c in claims(recognizer, text) if c[0] == "TREATS"}


def test_results_that_do_not_demonstrate_a_benefit_deny_it(recognizer):
    claim = only(recognizer, "Its results do not demonstrate that Temcell is effective in graft-versus-host disease.")
    assert (claim.type, claim.subject.name, claim.negated) == ("TREATS", "Temcell", True)


def test_both_alone_stands_for_the_two_sources_just_named(recognizer):
    text = "We compared MSCs from bone marrow and adipose tissue. Both expressed CD73 and lacked CD34."
    found = claims(recognizer, text)
    assert {("EXPRESSES", "bone marrow", "CD73"), ("EXPRESSES", "adipose tissue", "CD73"),
            ("EXPRESSES", "bone marrow", "CD34"), ("EXPRESSES", "adipose tissue", "CD34")} <= found
    # "Both groups" is no anaphor
    text = "We compared MSCs from bone marrow and adipose tissue. Both groups expressed CD73."
    assert ("EXPRESSES", "adipose tissue", "CD73") not in claims(recognizer, text)


def test_a_factor_induced_in_msc_by_another(recognizer):
    assert claims(recognizer, "IDO is induced in MSCs by IFN-γ.") == {
        ("ACTIVATES", "IFN-γ", "IDO"), ("EXPRESSES", "MSC", "IDO")}
    denied = extract(recognizer, make_document("IDO is not induced in MSCs by IL-10."))
    assert {(c.type, c.negated) for c in denied} == {("ACTIVATES", True), ("EXPRESSES", True)}


def test_a_relative_clause_continues_past_the_objects_of_its_first_verb(recognizer):
    text = "The cells released PGE2, which acted on macrophage c-Met and PD-1 receptors and increased IL-10."
    found = claims(recognizer, text)
    assert ("ACTIVATES", "PGE2", "IL-10") in found
    assert ("ACTIVATES", "PD-1", "IL-10") not in found
    # a relative clause with a subject of its own ends before the chained verb
    text = "Temcell contains VEGF, which the cells secrete and release quickly."
    assert not {c for c in claims(recognizer, text) if c[0] == "SECRETES" and c[1] == "VEGF"}


def test_studies_in_a_document_about_one_product_are_of_that_product(recognizer):
    text = ("Temcell is a cell product. Temcell was approved in Japan. Temcell is infused. "
            "A randomised trial in patients with graft-versus-host disease was completed.")
    assert ("INVESTIGATED_FOR", "Temcell", "graft-versus-host disease") in claims(recognizer, text)


def test_reports_that_do_not_show_a_benefit_deny_it(recognizer):
    claim = only(recognizer, "These reports do not show that Temcell is effective for graft-versus-host disease.")
    assert (claim.type, claim.subject.name, claim.negated) == ("TREATS", "Temcell", True)


def test_lower_and_higher_after_a_copula_compare_and_take_no_object(recognizer, shipped):
    text = "In treated mice, TNF-α and IL-6 were lower and IL-10 was higher than in controls."
    assert not {c for c in claims(recognizer, text) if c[0] in ("INHIBITS", "ACTIVATES")}
    text = "VEGF was also present at lower concentrations, and IL-6 varied between donors."
    assert not {c for c in claims(recognizer, text) if c[0] in ("INHIBITS", "ACTIVATES")}
    # an amount of difference between the copula and the comparative
    for text in ("TSG-6 secretion was 40% lower in CD-XF than in FBS.", "TSG-6 levels were 3-fold lower than FBS.",
                 "IL-6 was 2.5 times higher than TNF-α in aged cells."):
        assert not {c for c in claims(shipped, text) if c[0] in ("INHIBITS", "ACTIVATES")}, text


def test_a_gerund_after_comma_and_has_no_subject(recognizer):
    text = "TNF-α bound c-Met and suppressed NF-κB signalling, and blocking PD-1 with an antibody abrogated this."
    found = claims(recognizer, text)
    assert ("INHIBITS", "TNF-α", "NF-κB signalling") in found
    assert ("INHIBITS", "TNF-α", "PD-1") not in found
    # a series of participles keeps its subject
    text = "MSCs act on immune cells, suppressing T cells, inhibiting B cells, and inducing regulatory T cells."
    assert ("TARGETS", "MSC", "regulatory T cell") in claims(recognizer, text)


def test_it_after_a_new_clauses_verb_is_the_factor_the_clause_before_ended_on(recognizer):
    text = "MSCs express little HLA-DR at rest, but IFN-γ induces it."
    assert ("ACTIVATES", "IFN-γ", "HLA-DR") in claims(recognizer, text)
    # no factor before the clause: "it" stays unresolved
    text = "MSCs were expanded, but IFN-γ induces it."
    assert not {c for c in claims(recognizer, text) if c[0] == "ACTIVATES"}


def test_a_plain_verb_after_factor_from_source_keeps_the_factor_as_subject(recognizer):
    text = "HGF from MSCs binds c-Met on endothelial cells, activates PI3K/AKT/eNOS and prevents death."
    found = claims(recognizer, text)
    assert ("ACTIVATES", "HGF", "PI3K/AKT/eNOS") in found
    assert ("SECRETES", "MSC", "HGF") in found


def test_the_cargo_of_vesicles_is_secreted_by_the_source_the_text_is_about(recognizer):
    text = ("Wharton's jelly MSCs were primed. The medium was collected. The exosomes carry IL-10 and TSG-6 "
            "markers. The exosomes do not contain detectable IDO.")
    found = extract(recognizer, make_document(text))
    cargo = {(c.subject.name, c.object.name, c.negated) for c in found if c.type == "SECRETES"}
    assert ("Wharton's jelly", "IL-10", False) in cargo
    assert ("Wharton's jelly", "IDO", True) in cargo
    # with no source the text is about, the cargo is nobody's
    assert not extract(recognizer, make_document("The exosomes carry IL-10."))


def test_a_named_source_outweighs_an_anaphor_as_the_next_sentences_topic(recognizer):
    text = ("Compare bone marrow MSCs. They grew umbilical cord MSCs in flasks. The medium was kept. "
            "The exosomes carry IL-10.")
    found = claims(recognizer, text)
    assert ("SECRETES", "umbilical cord", "IL-10") in found
    assert ("SECRETES", "bone marrow", "IL-10") not in found


def test_show_little_or_no_is_a_marker_the_cells_lack(recognizer):
    claim = only(recognizer, "Adipose MSCs show little or no CD34.")
    assert (claim.type, claim.subject.name, dict(claim.properties).get("negative")) == \
        ("EXPRESSES", "adipose tissue", True)


def test_a_product_described_in_a_clause_is_derived_from_the_tissue_it_is_isolated_from(recognizer):
    text = '"Temcell," which they describe as cells isolated from the bone marrow of donors, was infused.'
    assert ("DERIVED_FROM", "Temcell", "bone marrow") in claims(recognizer, text)
    # another product before the tissue ends the description
    text = "Temcell, which is unlike Alofisel from adipose tissue, was infused."
    assert ("DERIVED_FROM", "Temcell", "adipose tissue") not in claims(recognizer, text)


def test_a_verb_after_a_duration_is_a_verb(recognizer):
    text = "Priming with IFN-γ and TNF-α for 24 h increased IDO 22-fold."
    assert claims(recognizer, text) == {("ACTIVATES", "IFN-γ", "IDO"), ("ACTIVATES", "TNF-α", "IDO")}


def test_a_modal_after_a_comma_continues_the_same_subjects_predicates(recognizer):
    text = "MSCs secrete HGF and IL-10, may suppress T cells, and may expand regulatory T cells."
    found = claims(recognizer, text)
    assert ("TARGETS", "MSC", "T cell") in found
    assert ("TARGETS", "IL-10", "T cell") not in found


def test_contracted_negations_negate(recognizer):
    for text in ("MSCs don't express CD34.", "MSCs didn\u2019t reduce graft-versus-host disease."):
        [claim] = extract(recognizer, make_document(text))
        assert claim.negated, text


def test_an_agent_acting_through_named_receptors_activates_them(recognizer):
    text = "PGE2 acts on macrophages through c-Met and PD-1 receptors."
    found = claims(recognizer, text)
    assert {("ACTIVATES", "PGE2", "c-Met"), ("ACTIVATES", "PGE2", "PD-1")} <= found
    assert not {c for c in found if c[0] == "TARGETS" and c[1] in ("c-Met", "PD-1")}


def test_it_after_a_semicolon_is_the_sentence_subject(recognizer):
    text = "PGE2 is secreted by MSCs in response to TNF-α; it binds c-Met and inhibits NF-κB signalling."
    found = claims(recognizer, text)
    assert ("INHIBITS", "PGE2", "NF-κB signalling") in found
    assert ("INHIBITS", "TNF-α", "NF-κB signalling") not in found


def test_a_source_right_before_its_vesicles_secretes_them_and_their_cargo(recognizer):
    text = "Bone marrow MSC exosomes rich in IL-10 reduced fibrosis."
    found = claims(recognizer, text)
    assert {("SECRETES", "bone marrow", "exosomes"), ("SECRETES", "bone marrow", "IL-10"),
            ("TREATS", "exosomes", "fibrosis")} <= found


def test_what_the_medium_from_a_source_contains_is_secreted_by_that_source(shipped):
    text = "Conditioned medium from senescent MSCs contained 52% less VEGF and HGF than that of young cells."
    assert claims(shipped, text) == {("SECRETES", "MSC", "conditioned medium"), ("SECRETES", "MSC", "VEGF"),
                                     ("SECRETES", "MSC", "HGF")}
    # the source glued onto its medium
    assert ("SECRETES", "exfoliated deciduous teeth", "HGF") in claims(
        shipped, "SHED-conditioned medium contains HGF and MCP-1.")


def test_the_expression_of_factors_coordinated_after_a_verbs_object_is_that_verbs_object(shipped):
    text = "TSG-6 suppresses the recruitment of neutrophils and the expression of IL-1β and MMP-9."
    assert claims(shipped, text) == {("TARGETS", "TSG-6", "neutrophil"), ("INHIBITS", "TSG-6", "IL-1β"),
                                     ("INHIBITS", "TSG-6", "MMP-9")}
    # nor is it the MSCs' own expression of the factor
    text = "MSCs reduced the infiltration of neutrophils and the expression of IL-1β."
    assert claims(shipped, text) == {("TARGETS", "MSC", "neutrophil")}


def test_a_member_after_comma_and_with_a_verb_of_its_own_is_no_object(shipped):
    text = "Sclerostin and DKK1 inhibit Wnt/β-catenin signalling and bone formation, and sclerostin is a target."
    assert claims(shipped, text) == {("INHIBITS", "sclerostin", "Wnt/β-catenin"), ("INHIBITS", "DKK1", "Wnt/β-catenin")}


def test_the_cord_tissue_named_before_wharton_s_jelly_is_one_source(shipped):
    text = ("A single dose of human umbilical cord Wharton's jelly MSCs (WJ-MSCs; 5 × 10^5 cells) on postnatal day 4 "
            "attenuated bronchopulmonary dysplasia.")
    assert claims(shipped, text) == {("TREATS", "Wharton's jelly", "bronchopulmonary dysplasia")}
    assert [m.term.name for m in shipped.find(make_document(text)) if m.term.label == "MSCSource"] == [
        "Wharton's jelly", "Wharton's jelly"]


def test_an_enzyme_converting_one_factor_into_another(recognizer):
    assert claims(recognizer, "IDO converts VEGF into nitric oxide.") == {
        ("INHIBITS", "IDO", "VEGF"), ("ACTIVATES", "IDO", "nitric oxide")}
    denied = extract(recognizer, make_document("IDO does not convert VEGF to nitric oxide."))
    assert {(c.type, c.negated) for c in denied} == {("INHIBITS", True), ("ACTIVATES", True)}


def test_a_verb_after_a_closed_relative_clause_takes_the_noun_before_it(recognizer):
    text = "Temcell, which is made from bone marrow MSCs that secrete VEGF, did not meet its primary endpoint in stroke."
    found = extract(recognizer, make_document(text))
    treats = {(c.subject.name, c.negated) for c in found if c.type == "TREATS"}
    assert treats == {("Temcell", True)}


def test_these_factors_are_the_factors_listed_before(recognizer):
    text = "Umbilical cord MSCs secrete HGF, IL-10 and PGE2, and these factors may protect macrophages."
    found = claims(recognizer, text)
    assert {("TARGETS", f, "macrophage") for f in ("HGF", "IL-10", "PGE2")} <= found
    text = "MSCs release IDO, PGE2 and TGF-β. These mediators dampen T cells."
    assert {("TARGETS", f, "T cell") for f in ("IDO", "PGE2", "TGF-β")} <= claims(recognizer, text)


def test_an_object_after_a_relative_clause_is_the_clauses(recognizer):
    text = "IFN-γ and TNF-α induce chemokines that draw T cells close to MSCs."
    assert not {c for c in claims(recognizer, text) if c[0] == "TARGETS"}


def test_a_subject_naming_no_entity_keeps_the_clause_before_out(recognizer):
    for text in ("LPS acts via c-Met, TNF-α via PD-1, and together they turn on IL-6.",
                 "The exosomes carry IL-10, and in endothelial cells the gel switched on NF-κB signalling."):
        assert not {c for c in claims(recognizer, text) if c[0] == "ACTIVATES" and c[1] != "LPS"}, text


def test_the_cells_inside_a_sentence_are_the_cells_it_names(recognizer):
    text = ("Bone marrow MSCs are common. They grew umbilical cord MSCs and collected everything the cells "
            "release, including IL-10.")
    found = claims(recognizer, text)
    assert ("SECRETES", "umbilical cord", "IL-10") in found
    assert ("SECRETES", "bone marrow", "IL-10") not in found


def test_licensed_in_a_country_for_a_disease_is_an_approval(recognizer):
    assert claims(recognizer, "Temcell has been licensed in Japan for graft-versus-host disease since 2015.") == {
        ("APPROVED_FOR", "Temcell", "graft-versus-host disease")}
    assert claims(recognizer, "Priming with IFN-γ switches on IDO.") == {("ACTIVATES", "IFN-γ", "IDO")}


def test_a_pronoun_subject_that_does_not_fit_keeps_earlier_clauses_out(recognizer):
    text = "Bone marrow MSCs sense LPS via c-Met, TNF-α via PD-1, and together they turn on IL-6."
    assert not {c for c in claims(recognizer, text) if c[0] == "ACTIVATES" and c[2] == "IL-6"}


def test_a_disease_qualifying_another_is_not_the_object(recognizer):
    text = "Umbilical cord MSCs were tested in osteoarthritis and in COVID-19-related fibrosis."
    found = claims(recognizer, text)
    assert ("INVESTIGATED_FOR", "umbilical cord", "fibrosis") in found
    assert ("INVESTIGATED_FOR", "umbilical cord", "COVID-19") not in found


def test_an_object_then_a_comma_and_a_new_subject_with_its_verb(recognizer):
    text = "MSCs express CD73, IFN-γ induces HLA-DR on them, and donors differ."
    found = claims(recognizer, text)
    assert {("EXPRESSES", "MSC", "CD73"), ("ACTIVATES", "IFN-γ", "HLA-DR")} <= found
    assert ("EXPRESSES", "MSC", "IFN-γ") not in found and ("ACTIVATES", "CD73", "HLA-DR") not in found


def test_a_single_agent_after_through_stays_an_agent_when_and_follows(recognizer):
    # only named receptors ("through EP2 and EP4 receptors") are the agent's own; "through X and through Y"
    # keeps X as an agent
    text = "VEGF-driven angiogenesis acting via PI3K/AKT/eNOS and through macrophages was seen."
    assert ("MEDIATES", "PI3K/AKT/eNOS", "angiogenesis") in claims(recognizer, text)


def test_the_receptors_an_agent_acts_through_are_not_agents_of_its_verb(shipped):
    found = claims(shipped, "PGE2 acting through EP2 and EP4 induced IL-10 in macrophages.")
    assert {("ACTIVATES", "PGE2", "IL-10"), ("TARGETS", "PGE2", "macrophage")} <= found
    assert not {c for c in found if c[1] in ("EP2", "EP4")}
    found = claims(shipped, "TSG-6 inhibits NF-κB signalling in macrophages through its receptor CD44.")
    assert ("TARGETS", "TSG-6", "macrophage") in found
    assert not {c for c in found if c[1] == "CD44"}


def test_a_datasheet_line_without_a_subject_is_the_document_source(recognizer):
    text = ("WJ-12 is a line of Wharton's jelly MSCs. The Wharton's jelly was collected at birth. Wharton's jelly "
            "donors were screened. CC Characteristics: Positive for CD73 and CD90. Negative for CD34. "
            "CC Secretome: Constitutively secretes IL-6. After priming with IFN-γ, expresses IDO and secretes PGE2.")
    found = claims(recognizer, text)
    assert {("EXPRESSES", "Wharton's jelly", "CD73"), ("EXPRESSES", "Wharton's jelly", "CD90"),
            ("EXPRESSES", "Wharton's jelly", "CD34"), ("SECRETES", "Wharton's jelly", "IL-6"),
            ("EXPRESSES", "Wharton's jelly", "IDO"), ("SECRETES", "Wharton's jelly", "PGE2")} <= found
    # a plural noun opening the line is its subject, and an imperative names none
    text = ("Wharton's jelly MSCs were grown. Wharton's jelly was minced. Wharton's jelly MSCs were sorted. "
            "Expected result: particles positive for CD73 and negative for CD34. Express the results as IL-6 units.")
    assert not {c for c in claims(recognizer, text) if c[1] == "Wharton's jelly" and c[2] in ("CD73", "CD34", "IL-6")}


def test_a_pronoun_no_source_stood_for_is_the_subject(recognizer):
    text = "Used in potency assays; after IFN-γ priming it suppresses the proliferation of T cells."
    assert ("TARGETS", "IFN-γ", "T cell") not in claims(recognizer, text)


def test_their_use_is_the_use_of_the_cells_or_vesicles_not_of_nearer_factors(recognizer):
    text = "MSCs suppress T cells through factors such as IDO and PGE2, and this is the basis for their use in GvHD."
    found = claims(recognizer, text)
    assert ("INVESTIGATED_FOR", "MSC", "graft-versus-host disease") in found
    assert not {c for c in found if c[0] == "INVESTIGATED_FOR" and c[1] in ("IDO", "PGE2")}
    text = "The invention relates to exosomes from adipose MSCs primed with TNF-α, and to their use in Crohn's disease."
    found = claims(recognizer, text)
    assert ("INVESTIGATED_FOR", "exosomes", "Crohn's disease") in found
    assert ("INVESTIGATED_FOR", "TNF-α", "Crohn's disease") not in found


def test_they_after_a_sentence_about_vesicles_are_the_vesicles(recognizer):
    text = "Exosomes from bone marrow MSCs carry IL-10. They shift macrophages to an anti-inflammatory state."
    found = claims(recognizer, text)
    assert ("TARGETS", "exosomes", "macrophage") in found
    assert ("TARGETS", "bone marrow", "macrophage") not in found
    # after a sentence about the cells, "they" stays the cells
    text = "Bone marrow MSCs release exosomes. They shift macrophages to an anti-inflammatory state."
    assert ("TARGETS", "bone marrow", "macrophage") in claims(recognizer, text)


def test_it_after_a_sentence_that_opens_with_a_product_is_the_product(recognizer):
    text = ("4.1 Ryoncil is the only MSC product approved in the US. It contains bone marrow-derived MSCs and was "
            "approved in 2024 for graft-versus-host disease.")
    found = claims(recognizer, text)
    assert {("DERIVED_FROM", "Ryoncil", "bone marrow"), ("APPROVED_FOR", "Ryoncil", "graft-versus-host disease")} <= found
    # "it" after a sentence that only mentions the product further on stays unresolved
    text = "Trials compared MSCs with Ryoncil. It contains bone marrow-derived MSCs."
    assert ("DERIVED_FROM", "Ryoncil", "bone marrow") not in claims(recognizer, text)


def test_a_product_and_the_cells_in_brackets_after_it(recognizer):
    text = "Suspect product: Ryoncil (allogeneic bone marrow-derived mesenchymal stromal cells), investigational."
    assert ("DERIVED_FROM", "Ryoncil", "bone marrow") in claims(recognizer, text)
    # a bracket that names something else first is no description of the product
    text = "Ryoncil (approved for children; bone marrow MSCs are its cells) was compared."
    assert ("DERIVED_FROM", "Ryoncil", "bone marrow") not in claims(recognizer, text)


def test_an_indication_field_names_what_the_product_is_given_for(recognizer):
    text = ("Suspect product: Ryoncil Lot no.: 24-118 Indication for use: Crohn's disease Therapy dates: "
            "09 April 2025 Reaction: stroke.")
    found = claims(recognizer, text)
    assert ("INVESTIGATED_FOR", "Ryoncil", "Crohn's disease") in found
    assert ("INVESTIGATED_FOR", "Ryoncil", "stroke") not in found    # the next field is no indication
    text = "Approved indication: graft-versus-host disease. Ryoncil is a product. Ryoncil is sold. Ryoncil is old."
    assert ("APPROVED_FOR", "Ryoncil", "graft-versus-host disease") in claims(recognizer, text)


def test_material_secreted_by_the_cells_such_as_vesicles(recognizer):
    text = "A product containing material secreted by MSCs, such as extracellular vesicles or exosomes, was made."
    found = claims(recognizer, text)
    assert {("SECRETES", "MSC", "extracellular vesicles"), ("SECRETES", "MSC", "exosomes")} <= found


def test_markers_on_a_share_of_the_cells(recognizer):
    text = ("Release testing of the bone marrow MSCs showed CD73 and CD90 on more than 95% of cells and CD34 and "
            "CD45 on fewer than 2%; HLA-DR on 1.5 % of cells.")
    got = {(c.subject.name, c.object.name, dict(c.properties).get("negative", False))
           for c in extract(recognizer, make_document(text)) if c.type == "EXPRESSES"}
    assert got == {("bone marrow", "CD73", False), ("bone marrow", "CD90", False), ("bone marrow", "CD34", True),
                   ("bone marrow", "CD45", True), ("bone marrow", "HLA-DR", True)}


def test_an_object_list_ends_at_although_and_it_after_a_modal_is_the_object_before(recognizer):
    text = "Resting MSCs do not express HLA-DR, although IFN-γ can induce it."
    found = claims(recognizer, text)
    assert ("EXPRESSES", "MSC", "HLA-DR") in found and ("ACTIVATES", "IFN-γ", "HLA-DR") in found
    assert ("EXPRESSES", "MSC", "IFN-γ") not in found


def test_approved_for_which_pairs_the_product_with_the_antecedent_only(recognizer):
    text = ("Safety matched earlier trials of MSCs in stroke and in other indications, such as graft-versus-host "
            "disease, for which Temcell, a bone marrow MSC product, is approved in Japan.")
    found = claims(recognizer, text)
    assert ("APPROVED_FOR", "Temcell", "graft-versus-host disease") in found
    assert ("APPROVED_FOR", "Temcell", "stroke") not in found


def test_presence_or_absence_of_is_an_experimental_condition(recognizer):
    text = "Bone marrow MSCs were cultured in the presence or absence of IL-6."
    assert not {c for c in claims(recognizer, text) if c[0] == "EXPRESSES"}


def test_a_study_that_tested_the_cells_in_patients_investigates_them(recognizer):
    assert claims(recognizer, "12 of these trials tested MSCs only in people with COVID-19.") == {
        ("INVESTIGATED_FOR", "MSC", "COVID-19")}
    # "tested" after a noun that is not who studies is a reduced relative, not the verb
    assert claims(recognizer, "Cells tested in people with COVID-19 came from donors.") == set()


def test_a_lay_gloss_in_brackets_is_no_agent(recognizer):
    text = ("Researchers have tested MSCs (a type of cell found in bone marrow and fat) as a possible treatment "
            "for COVID-19.")
    assert claims(recognizer, text) == {("INVESTIGATED_FOR", "MSC", "COVID-19")}


def test_a_factor_that_has_an_effect_mediates_it_and_one_that_helps_cells_targets_them(recognizer):
    assert claims(recognizer, "IL-10 has an anti-inflammatory effect, and HGF may help T cells to survive.") == {
        ("MEDIATES", "IL-10", "anti-inflammatory effect"), ("TARGETS", "HGF", "T cell")}


def test_a_relative_clause_with_a_modified_subject_and_a_trailing_phrase_takes_its_antecedent(recognizer):
    text = ("IL-6, which licensed MSCs secrete in large amounts, binds c-Met on macrophages and attenuates NF-κB "
            "signalling.")
    found = claims(recognizer, text)
    assert ("SECRETES", "MSC", "IL-6") in found and ("SECRETES", "MSC", "c-Met") not in found
    # the verbs after the clause belong to its antecedent, not to the clause's own subject
    assert ("INHIBITS", "IL-6", "NF-κB signalling") in found
    assert ("SECRETES", "MSC", "PGE2") in claims(
        recognizer, "PGE2, which MSCs produce through cyclooxygenase-2 (COX-2), acts on macrophages.")
    assert ("SECRETES", "MSC", "IL-10") in claims(
        recognizer, "IL-10, which MSCs secrete constitutively, protects T cells.")


def test_limiting_harm_in_a_disease_model_treats_it(recognizer):
    text = "IL-10 binds c-Met, thereby limiting tissue damage in models of multiple sclerosis."
    assert ("TREATS", "IL-10", "multiple sclerosis") in claims(recognizer, text)
    assert ("INHIBITS", "IL-10", "NF-κB signalling") in claims(recognizer, "IL-10 limits NF-κB signalling.")
    # "limit" says nothing of the cells in "limit their recognition by T cells"
    assert not {c for c in claims(recognizer, "MSCs lack HLA-DR, which is thought to limit their recognition by "
                                             "T cells.") if c[0] == "TARGETS"}


def test_acting_mainly_through_a_pathway_activates_it(recognizer):
    text = "TNF-α acts mainly through NF-κB signalling and increases the production of PGE2 and IL-6."
    assert claims(recognizer, text) == {
        ("ACTIVATES", "TNF-α", "NF-κB signalling"), ("ACTIVATES", "TNF-α", "PGE2"), ("ACTIVATES", "TNF-α", "IL-6")}


def test_it_after_a_colon_and_thereby_through_a_pathway(recognizer):
    text = "IFN-γ is the main licensing signal: it activates NF-κB signalling in MSCs and thereby induces IDO."
    found = claims(recognizer, text)
    assert {("ACTIVATES", "IFN-γ", "NF-κB signalling"), ("ACTIVATES", "IFN-γ", "IDO"),
            ("ACTIVATES", "NF-κB signalling", "IDO")} <= found
    # an inhibited pathway that thereby lowers a factor activated it
    assert ("ACTIVATES", "NF-κB signalling", "TNF-α") in claims(
        recognizer, "IL-10 blocks NF-κB signalling and thereby reduces TNF-α.")
    # the step right before "and thereby" must be the pathway: here it is a factor
    found = claims(recognizer, "IL-10 protects T cells from apoptosis by silencing c-Met and thereby activating "
                               "TGF-β/Smad.")
    assert not {c for c in found if c[1] in ("apoptosis", "c-Met")}


def test_sources_that_all_up_regulate_a_factor_express_it(recognizer):
    text = "Licensed MSCs from bone marrow, adipose tissue and umbilical cord all up-regulate IDO."
    assert claims(recognizer, text) == {
        ("EXPRESSES", "bone marrow", "IDO"), ("EXPRESSES", "adipose tissue", "IDO"),
        ("EXPRESSES", "umbilical cord", "IDO")}


def test_a_factor_induced_on_the_cells_is_theirs(recognizer):
    assert claims(recognizer, "IFN-γ also up-regulates HLA-DR on MSCs.") == {
        ("ACTIVATES", "IFN-γ", "HLA-DR"), ("EXPRESSES", "MSC", "HLA-DR")}
    assert ("EXPRESSES", "MSC", "IDO") in claims(recognizer, "IFN-γ induces IDO in human MSCs.")
    # not inducing it says nothing of what the cells express
    assert claims(recognizer, "IFN-γ did not induce IDO in MSCs.") == {("ACTIVATES", "IFN-γ", "IDO")}


def test_vesicles_released_by_cells_deliver_their_cargo(recognizer):
    found = claims(recognizer, "Extracellular vesicles released by MSCs deliver IL-10 to macrophages.")
    assert ("TARGETS", "extracellular vesicles", "macrophage") in found and ("TARGETS", "IL-10", "macrophage") in found
    assert ("TARGETS", "MSC", "macrophage") not in found


def test_a_series_of_verbs_after_commas_shares_the_subject_but_an_appositive_is_its_own(recognizer):
    text = "PGE2 reprograms macrophages, inhibits B cells, and reduces the cytotoxicity of T cells."
    assert claims(recognizer, text) == {
        ("TARGETS", "PGE2", "macrophage"), ("TARGETS", "PGE2", "B cell"), ("TARGETS", "PGE2", "T cell")}
    text = "Bone marrow MSCs express HLA-DR at rest, and the cytokine they release, IL-10, favours regulatory T cells."
    found = claims(recognizer, text)
    assert ("TARGETS", "IL-10", "regulatory T cell") in found and ("TARGETS", "bone marrow", "regulatory T cell") \
        not in found


def test_a_mediators_table_gives_inducers_targets_pathways_and_effects(recognizer):
    table = Table(
        caption="Table 1: Main secreted mediators of MSCs",
        header=("Mediator", "Induced mainly by", "Main target cells", "Pathway engaged", "Effect"),
        rows=(("IDO", "IFN-γ", "T cells, B cells", "induced via NF-κB signalling in MSCs", "Halts proliferation"),
              ("IL-10 (exosomes)", "Constitutive", "macrophages", "NF-κB signalling (inhibited)",
               "Dampens effector function via c-Met"),
              ("PGE2", "TNF-α", "macrophages", "p38 MAPK", "Lowers TNF-α; immunomodulation")),
    )
    got = {(c.type, c.subject.name, c.object.name) for c in extract(
        recognizer, make_document("Nothing here.", tables=[table]))}
    assert got == {
        ("ACTIVATES", "IFN-γ", "IDO"), ("TARGETS", "IDO", "T cell"), ("TARGETS", "IDO", "B cell"),
        # a pathway that induces the mediator in the cells activates it
        ("ACTIVATES", "NF-κB signalling", "IDO"),
        # "(inhibited)"; the carrier in brackets is not a mediator of its own; a receptor "via" is engaged
        ("TARGETS", "IL-10", "macrophage"), ("INHIBITS", "IL-10", "NF-κB signalling"), ("ACTIVATES", "IL-10", "c-Met"),
        ("ACTIVATES", "TNF-α", "PGE2"), ("TARGETS", "PGE2", "macrophage"), ("ACTIVATES", "PGE2", "p38 MAPK"),
        ("INHIBITS", "PGE2", "TNF-α"), ("MEDIATES", "PGE2", "immunomodulation")}


def test_acting_through_named_pathways_activates_them(recognizer):
    text = "VEGF and HGF promote angiogenesis by stimulating endothelial cells through the p38 MAPK and TGF-β/Smad pathways."
    found = claims(recognizer, text)
    assert {("ACTIVATES", f, p) for f in ("VEGF", "HGF") for p in ("p38 MAPK", "TGF-β/Smad")} <= found


def test_list_items_finish_the_sentence_that_introduces_them(recognizer):
    text = ("Coverage\n\nMSC therapy is considered investigational and unproven for all other indications, including "
            "but not limited to:\n- liver cirrhosis;\n- osteoarthritis and multiple sclerosis.\n\n"
            "Criteria\n\nThe cells are given when all of the following are met:\n- the patient has stroke.\n")
    document = read_text(text, "policy.txt", fmt="plain_text")
    got = extract(recognizer, document)
    by_item = {(c.type, c.subject.name, c.object.name, c.negated): c.sentence for c in got}
    assert by_item == {
        ("INVESTIGATED_FOR", "MSC", "liver cirrhosis", False): "- liver cirrhosis;",
        ("INVESTIGATED_FOR", "MSC", "osteoarthritis", False): "- osteoarthritis and multiple sclerosis.",
        ("INVESTIGATED_FOR", "MSC", "multiple sclerosis", False): "- osteoarthritis and multiple sclerosis.",
    }
    # the evidence is the item's own span
    item = next(c for c in got if c.object.name == "liver cirrhosis")
    assert document.text[item.start:item.end] == "- liver cirrhosis;"


def test_a_bare_verb_after_a_comma_continues_the_series(recognizer):
    text = "MSCs suppress T cells, expand regulatory T cells and polarize macrophages."
    assert claims(recognizer, text) == {
        ("TARGETS", "MSC", "T cell"), ("TARGETS", "MSC", "regulatory T cell"), ("TARGETS", "MSC", "macrophage")}


@pytest.mark.parametrize("text, expected", [
    # a glossary line: the noun phrase after the dash stands for the term, and so does its relative clause
    ("PGE2 (prostaglandin E2) – A lipid mediator that MSCs secrete in larger amounts in inflammation.",
     {("SECRETES", "MSC", "PGE2")}),
    ("IDO – An enzyme that IFN-γ induces in MSCs.", {("ACTIVATES", "IFN-γ", "IDO"), ("EXPRESSES", "MSC", "IDO")}),
    ("CD73, CD90 and CD105 – The three surface markers that MSCs must express.",
     {("EXPRESSES", "MSC", "CD73"), ("EXPRESSES", "MSC", "CD90"), ("EXPRESSES", "MSC", "CD105")}),
    # a defining sentence with "is"
    ("IL-10 is a cytokine that inhibits T cells.", {("TARGETS", "IL-10", "T cell")}),
    # an apposition after the dash
    ("Temcell – A bone marrow-derived MSC product.", {("DERIVED_FROM", "Temcell", "bone marrow")}),
    # a hyphen inside a word is no dash
    ("MSC-EVs were isolated by ultracentrifugation.", {("SECRETES", "MSC", "extracellular vesicles")}),
    # nor is an arrow
    ("PGE2 -> IL-10.", {("ACTIVATES", "PGE2", "IL-10")}),
])
def test_a_definition_is_about_its_term(recognizer, text, expected):
    assert claims(recognizer, text) == expected


def test_it_after_a_glossary_line_is_the_term_and_approved_it_is_the_product(recognizer):
    text = ("Immunomodulation – The capacity of MSCs to change the behaviour of immune cells. It is mediated by "
            "IDO and PGE2.")
    assert claims(recognizer, text) == {("MEDIATES", "IDO", "immunomodulation"), ("MEDIATES", "PGE2", "immunomodulation")}
    text = "Ryoncil is an MSC product. The FDA approved it in 2024 for graft-versus-host disease."
    assert ("APPROVED_FOR", "Ryoncil", "graft-versus-host disease") in claims(recognizer, text)


def test_a_product_made_from_a_tissue_makes_that_tissue_the_topic(recognizer):
    text = ("Temcell is a suspension of allogeneic MSCs expanded from the Wharton's jelly of donated cords. "
            "Each lot is released only if more than 95% of cells express CD73 and fewer than 2% express CD34.")
    got = {(c.type, c.subject.name, c.object.name, dict(c.properties).get("negative", False))
           for c in extract(recognizer, make_document(text))}
    assert got == {("DERIVED_FROM", "Temcell", "Wharton's jelly", False),
                   ("EXPRESSES", "Wharton's jelly", "CD73", False), ("EXPRESSES", "Wharton's jelly", "CD34", True)}


def test_a_relative_clause_inside_an_object_list_neither_ends_it_nor_takes_its_next_member(recognizer):
    text = "Bone marrow MSCs secreted IL-10, which restored fluid clearance, and HGF, which reduced T cells."
    assert claims(recognizer, text) == {
        ("SECRETES", "bone marrow", "IL-10"), ("SECRETES", "bone marrow", "HGF"), ("TARGETS", "HGF", "T cell")}


def test_a_product_in_apposition_with_tissue_msc_is_derived_from_that_tissue(recognizer):
    text = "In 2015 Japan approved Temcell, bone marrow MSCs from healthy donors, for graft-versus-host disease."
    assert ("DERIVED_FROM", "Temcell", "bone marrow") in claims(recognizer, text)
    # a tissue named on its own after the product is no description of it
    assert ("DERIVED_FROM", "Temcell", "bone marrow") not in claims(
        recognizer, "Temcell, bone marrow and adipose tissue were compared.")


@pytest.mark.parametrize("text, approved, not_approved", [
    # a later clause with its own predicate and no product speaks of study, not of the approval
    ("Cartistem was approved in Korea in 2012 for knee osteoarthritis, and injections of adipose-derived MSCs "
     "are being studied in multiple sclerosis.", {("Cartistem", "knee osteoarthritis")},
     {("Cartistem", "multiple sclerosis")}),
    # a disease before a contrast is not what the approval names when it names its own
    ("Remestemcel-L failed its phase III trial in SR-GvHD, although it was later approved in Canada for GvHD.",
     {("Ryoncil", "graft-versus-host disease")}, {("Ryoncil", "steroid-refractory graft-versus-host disease")}),
    # ... but it is when the approval names none
    ("Japan has Temcell for GvHD, but it got conditional approval on the basis of a small study.",
     {("Temcell", "graft-versus-host disease")}, set()),
    # a later clause with a product of its own is another approval
    ("Temcell was approved for GvHD in 2015, and Alofisel received conditional approval for complex perianal "
     "fistula in 2018.", {("Temcell", "graft-versus-host disease"), ("Alofisel", "perianal fistula")}, set()),
    # a time relative to approval is no approval
    ("A post-authorisation study found that Temcell reduces mortality in GvHD.", set(),
     {("Temcell", "graft-versus-host disease")}),
])
def test_an_approval_speaks_of_the_diseases_of_its_own_clause(recognizer, text, approved, not_approved):
    got = {(s, o) for t, s, o in claims(recognizer, text) if t == "APPROVED_FOR"}
    assert approved <= got
    assert not got & not_approved


def test_a_post_authorisation_study_is_read_for_its_finding(recognizer):
    assert ("TREATS", "Temcell", "graft-versus-host disease") in claims(
        recognizer, "A post-authorisation study found that Temcell reduces mortality in GvHD.")


def test_these_pathways_are_the_pathways_named_before(recognizer):
    text = ("IFN-γ activates NF-κB signalling, and TNF-α activates the TGF-β/Smad pathway. Together these "
            "pathways induce IDO and IL-6.")
    got = claims(recognizer, text)
    assert {(s, o) for t, s, o in got if t == "ACTIVATES" and o in ("IDO", "IL-6")} == {
        (p, f) for p in ("NF-κB signalling", "TGF-β/Smad") for f in ("IDO", "IL-6")}


@pytest.mark.parametrize("text, expected", [
    # "has an" is the light verb of "effect on", no verb of its own between the subject and the noun
    ("HGF has an anti-apoptotic effect on macrophages.", ("TARGETS", "HGF", "macrophage")),
    # a cleft: what the copula names its subject by does what the clause says
    ("The main IDO product, PGE2, is the one that reprograms macrophages.", ("TARGETS", "PGE2", "macrophage")),
    ("PGE2 is the main factor that suppresses T cells.", ("TARGETS", "PGE2", "T cell")),
    ("IDO depletes tryptophan and starves activated T cells.", ("TARGETS", "IDO", "T cell")),
    # the ligand after an opening "acting through its receptors" activates them
    ("Acting through its c-Met and PD-1 receptors, HGF protects endothelial cells.", ("ACTIVATES", "HGF", "PD-1")),
    ("Angiogenic effects were attributed mainly to VEGF.", ("MEDIATES", "VEGF", "angiogenesis")),
    ("Immunomodulatory effects were linked to HGF.", ("MEDIATES", "HGF", "immunomodulation")),
    ("PGE2 and IDO are the main mediators of immunomodulation.", ("MEDIATES", "IDO", "immunomodulation")),
    ("Studies identified HGF as a key mediator of angiogenesis.", ("MEDIATES", "HGF", "angiogenesis")),
    ("Of the 31 trials, 22 investigated MSCs in ARDS.", ("INVESTIGATED_FOR", "MSC", "acute respiratory distress syndrome")),
    ("IL-6 is secreted constitutively by MSCs.", ("SECRETES", "MSC", "IL-6")),
    ("Extracellular vesicles from MSCs may accelerate wound closure in Crohn's disease.",
     ("TREATS", "extracellular vesicles", "Crohn's disease")),
    # a stimulus that makes the cells express or secrete activates what they make
    ("IFN-γ licenses MSCs to express IDO.", ("ACTIVATES", "IFN-γ", "IDO")),
    ("TNF-α primes bone marrow MSCs to secrete PGE2.", ("ACTIVATES", "TNF-α", "PGE2")),
    ("IDO arrests the proliferation of T cells.", ("TARGETS", "IDO", "T cell")),
    ("PGE2 and IL-10 reprogramme macrophages.", ("TARGETS", "IL-10", "macrophage")),
    ("MSCs are defined by the presence of CD73.", ("EXPRESSES", "MSC", "CD73")),
    # an adjective of a vesicle inside a list keeps the list ("HGF and exosomal IL-10")
    ("HGF and exosomal IL-10 released by MSCs suppress T cells.", ("TARGETS", "HGF", "T cell")),
    ("HGF restores liver function in liver cirrhosis.", ("TREATS", "HGF", "liver cirrhosis")),
    ("Extracellular vesicles showed proof of concept in myocardial infarction.",
     ("TREATS", "extracellular vesicles", "myocardial infarction")),
    # a tissue's "cells" before a verb are the subject
    ("They showed that Wharton's jelly cells secreted IL-6.", ("SECRETES", "Wharton's jelly", "IL-6")),
    ("MSCs secreted IDO and PGE2, both of which suppress T cells.", ("TARGETS", "PGE2", "T cell")),
    ("It reflects HLA-DR, which Wharton's jelly cells express.", ("EXPRESSES", "Wharton's jelly", "HLA-DR")),
    # a verb of having before mechanisms
    ("IL-10 and TGF-β have anti-inflammatory effects.", ("MEDIATES", "TGF-β", "anti-inflammatory effect")),
    ("MSCs secrete PGE2 and IL-10, which have immunomodulatory and anti-inflammatory effects.",
     ("MEDIATES", "PGE2", "immunomodulation")),
    ("The approvals of Temcell in 2015 for GvHD and of Cartistem in 2012 for knee osteoarthritis were cited.",
     ("APPROVED_FOR", "Cartistem", "knee osteoarthritis")),
])
def test_wordings_read_in_the_eighteenth_and_nineteenth_batches(recognizer, text, expected):
    assert expected in claims(recognizer, text)


def test_a_pronoun_before_a_modal_is_the_subject_not_the_factor_before_it(recognizer):
    text = "When little IFN-γ is around they may even enhance T cell responses."
    assert ("TARGETS", "IFN-γ", "T cell") not in claims(recognizer, text)


def test_slowing_progression_is_treatment_and_no_study_reporting_it_denies_it(recognizer):
    got = {(c.type, c.subject.name, c.object.name, c.negated) for c in extract(
        recognizer, make_document("No study reported that MSCs slowed disease progression in ALS."))}
    assert got == {("TREATS", "MSC", "amyotrophic lateral sclerosis", True)}
    got = {(c.type, c.subject.name, c.object.name, c.negated) for c in extract(
        recognizer, make_document("MSCs slowed the progression of ALS in mice."))}
    assert got == {("TREATS", "MSC", "amyotrophic lateral sclerosis", False)}


@pytest.mark.parametrize("text, cargo", [
    ("Umbilical cord MSCs release extracellular vesicles enriched in IL-10.", ("umbilical cord", "IL-10")),
    ("MSCs release extracellular vesicles that carry microRNAs such as miR-155.", ("MSC", "miR-155")),
    # the vesicles written onto their source
    ("Umbilical cord MSC-EVs carry miR-21.", ("umbilical cord", "miR-21")),
])
def test_the_cargo_of_vesicles_a_source_releases_is_secreted_by_that_source(recognizer, text, cargo):
    assert ("SECRETES", *cargo) in claims(recognizer, text)


def test_a_factor_taken_away_is_no_agent(recognizer):
    text = "The depletion of IL-6 arrests T cells."
    assert ("TARGETS", "IL-6", "T cell") not in claims(recognizer, text)
    assert ("TARGETS", "IL-6", "T cell") in claims(recognizer, "IL-6 arrests T cells.")


@pytest.mark.parametrize("text, expected", [
    # what the loss of a factor did to another is the opposite of the factor's own action
    ("Knockdown of IL-10 increased TNF-α secretion.", ("INHIBITS", "IL-10", "TNF-α")),
    ("NF-κB inhibition with BAY 11-7082 decreased IL-6 release.", ("ACTIVATES", "NF-κB signalling", "IL-6")),
    ("Blocking IL-10 increased IL-6 release.", ("INHIBITS", "IL-10", "IL-6")),
    # the factor before "inhibition of" is the one inhibiting, and keeps its sign
    ("IL-10 inhibition of NF-κB reduced IL-6.", ("INHIBITS", "IL-10", "IL-6")),
    # the loss undid a fall: the factor lowered the other
    ("IL-10 knockdown abolished the reduction of IL-6.", ("INHIBITS", "IL-10", "IL-6")),
    ("MSCs transfected with IL-10 siRNA lost most of these effects, including the reduction of IL-6.",
     ("INHIBITS", "IL-10", "IL-6")),
    ("IL-10 knockdown abolished the increase in IL-6.", ("ACTIVATES", "IL-10", "IL-6")),
])
def test_a_factor_taken_away_acts_the_opposite_way_to_what_its_loss_did(recognizer, text, expected):
    got = claims(recognizer, text)
    assert expected in got
    opposite = {"ACTIVATES": "INHIBITS", "INHIBITS": "ACTIVATES"}[expected[0]]
    assert (opposite, *expected[1:]) not in got


def test_an_effect_lost_with_a_factor_named_before_its_knockdown_is_mediated_by_it(recognizer):
    assert ("MEDIATES", "VEGF", "angiogenesis") in claims(
        recognizer, "VEGF knockdown by siRNA abolished most of the gain in angiogenesis.")
    # "VEGF silencing of ..." names no loss of VEGF
    assert ("MEDIATES", "VEGF", "angiogenesis") not in claims(
        recognizer, "IL-6 silencing of VEGF abolished most of the gain in angiogenesis.")


@pytest.mark.parametrize("text, expected", [
    ("BM-MSCs and UC-MSCs both inhibited the proliferation of T cells.",
     {("TARGETS", "bone marrow", "T cell"), ("TARGETS", "umbilical cord", "T cell")}),
    ("Bone marrow MSCs and adipose MSCs each secreted IL-10.",
     {("SECRETES", "bone marrow", "IL-10"), ("SECRETES", "adipose tissue", "IL-10")}),
])
def test_a_quantifier_after_coordinated_agents_leaves_the_verb_theirs(recognizer, text, expected):
    assert claims(recognizer, text) == expected


def test_paracrine_factors_mediate_no_mechanism_named_paracrine(recognizer):
    text = "Paracrine factors such as VEGF and HGF promote angiogenesis."
    got = claims(recognizer, text)
    assert ("MEDIATES", "VEGF", "angiogenesis") in got
    assert {o for t, s, o in got if t == "MEDIATES"} == {"angiogenesis"}


@pytest.mark.parametrize("text, subject", [
    # the cells named by what was done to them are the source of the text
    ("Bone marrow MSCs were infused. In all mice the transplanted cells secreted IL-10.", "bone marrow"),
    ("Bone marrow MSCs were plated. Two weeks later the donor cells secreted IL-10.", "bone marrow"),
    # "they" after a short opening phrase without a comma
    ("Bone marrow MSCs were plated. By convention they adhere to plastic, secrete IL-10 and lack CD34.",
     "bone marrow"),
])
def test_the_cells_of_the_text_after_modifiers_and_opening_phrases(recognizer, text, subject):
    assert ("SECRETES", subject, "IL-10") in claims(recognizer, text)


@pytest.mark.parametrize("text", [
    "Trials of MSCs in stroke have been largely neutral.",
    "The trial of MSCs in stroke was stopped for futility.",
])
def test_a_trial_that_failed_denies_the_benefit(recognizer, text):
    got = {(c.type, c.subject.name, c.object.name, c.negated) for c in extract(recognizer, make_document(text))}
    assert got == {("TREATS", "MSC", "stroke", True)}


def test_secreted_factors_named_without_an_agent_are_the_topic_sources(recognizer):
    text = "MSCs were once thought to rebuild tissue. Their effects are attributed to secreted factors, including IL-10."
    assert ("SECRETES", "MSC", "IL-10") in claims(recognizer, text)


def test_markdown_list_items_finish_their_lead_in_and_the_vesicles_are_the_documents(recognizer):
    text = ("# Technology\n\nExtracellular vesicles from bone marrow MSCs carry IL-10. Extracellular vesicles are "
            "stable. Extracellular vesicles are small.\n\nThey are frozen. They are thawed. They are shipped.\n\n"
            "The vesicles are being developed as a therapy for:\n\n- myocardial infarction;\n- liver cirrhosis.\n")
    document = read_text(text, "sheet.md", fmt="markdown")
    got = {(c.type, c.subject.name, c.object.name) for c in extract(recognizer, document)}
    assert {("INVESTIGATED_FOR", "extracellular vesicles", "myocardial infarction"),
            ("INVESTIGATED_FOR", "extracellular vesicles", "liver cirrhosis")} <= got


@pytest.mark.parametrize("text", [
    "Bone marrow MSCs consistently expressed CD73.",
    "Bone marrow MSC lots released for these trials uniformly expressed CD73.",
])
def test_an_adverb_before_a_participle_keeps_it_a_verb(recognizer, text):
    assert claims(recognizer, text) == {("EXPRESSES", "bone marrow", "CD73")}


def test_the_highly_expressed_marker_is_an_adjective(recognizer):
    assert claims(recognizer, "The highly expressed CD73 was measured on the MSCs.") == set()


def test_a_by_clause_after_a_new_plain_verb_takes_that_verbs_subject(recognizer):
    text = "MSCs secrete IDO and PGE2, and these mediators likely account for the benefit by suppressing T cells."
    got = claims(recognizer, text)
    assert {("TARGETS", "IDO", "T cell"), ("TARGETS", "PGE2", "T cell")} <= got
    assert ("TARGETS", "MSC", "T cell") not in got


@pytest.mark.parametrize("text", [
    "A bone marrow MSC product called Ryoncil won approval in 2024.",
    "Ryoncil is a pooled bone marrow MSC product.",
    "In 2024 the allogeneic bone marrow-derived MSC product Ryoncil was approved.",
])
def test_a_product_named_after_its_description_comes_from_its_tissue(recognizer, text):
    assert ("DERIVED_FROM", "Ryoncil", "bone marrow") in claims(recognizer, text)


def test_a_product_that_uses_cells_is_made_from_them_and_slowing_a_disease_treats_it(recognizer):
    assert claims(recognizer, "Ryoncil uses bone marrow MSCs.") == {("DERIVED_FROM", "Ryoncil", "bone marrow")}
    [claim] = extract(recognizer, make_document("In a phase 3 trial Ryoncil did not significantly slow GvHD."))
    assert (claim.type, claim.subject.name, claim.object.name, claim.negated) == (
        "TREATS", "Ryoncil", "graft-versus-host disease", True)


def test_an_effect_said_to_fall_on_cells_targets_them(recognizer):
    got = claims(recognizer, "HGF exerts an anti-inflammatory effect on macrophages and T cells.")
    assert {("MEDIATES", "HGF", "anti-inflammatory effect"), ("TARGETS", "HGF", "macrophage"),
            ("TARGETS", "HGF", "T cell")} <= got
    # an effect "in" a disease or "on" a number targets no cells
    assert not {c for c in claims(recognizer, "HGF exerts an anti-inflammatory effect in mice.") if c[0] == "TARGETS"}


def test_a_partner_named_after_in_synergy_with_is_no_object(recognizer):
    assert claims(recognizer, "HGF promotes angiogenesis, partly in synergy with VEGF.") == {
        ("MEDIATES", "HGF", "angiogenesis")}
    assert ("ACTIVATES", "HGF", "VEGF") in claims(recognizer, "HGF promotes angiogenesis and VEGF.")


def test_they_after_a_list_of_tissues_are_the_msc_at_large(recognizer):
    text = ("MSCs are helper cells. They can be collected from bone marrow, adipose tissue and the umbilical cord. "
            "They secrete IL-10.")
    assert ("SECRETES", "MSC", "IL-10") in claims(recognizer, text)
    assert ("SECRETES", "bone marrow", "IL-10") not in claims(recognizer, text)
    # tissues set against each other are no list: "they" is the first one, as before
    text = "Adipose tissue MSCs make more IL-6 than bone marrow or umbilical cord MSCs. They secrete IL-10."
    assert ("SECRETES", "adipose tissue", "IL-10") in claims(recognizer, text)


@pytest.mark.parametrize("text", ["IDO is induced by IFN-γ through NF-κB signalling.",
                                  "We saw the induction of IDO by IFN-γ via NF-κB signalling."])
def test_a_pathway_after_the_agent_of_a_passive_is_the_agents_way_of_acting(recognizer, text):
    assert claims(recognizer, text) == {("ACTIVATES", "IFN-γ", "IDO"), ("ACTIVATES", "IFN-γ", "NF-κB signalling"),
                                        ("ACTIVATES", "NF-κB signalling", "IDO")}


def test_a_condition_after_a_verb_keeps_its_own_objects(recognizer):
    text = "The cells were expanded from Wharton's jelly and released at passage 4 if at least 95% expressed CD73 and CD90."
    assert claims(recognizer, text) == {("EXPRESSES", "Wharton's jelly", "CD73"), ("EXPRESSES", "Wharton's jelly", "CD90")}


def test_markers_vesicles_carry_are_not_the_cells_own(recognizer):
    text = ("MSCs were grown. The parent cells expressed CD73 and CD90 but lacked HLA-DR, and their extracellular "
            "vesicles carried the tetraspanins CD105 and CD34.")
    found = extract(recognizer, make_document(text))
    assert {(c.subject.name, c.object.name, dict(c.properties).get("negative", False)) for c in found
            if c.type == "EXPRESSES"} == {("MSC", "CD73", False), ("MSC", "CD90", False), ("MSC", "HLA-DR", True)}


def test_the_class_named_after_one_of_its_members_is_that_member(recognizer):
    got = claims(recognizer, "MSC exosomes carry miR-21 into macrophages, where the microRNA dampens NF-κB signalling.")
    assert ("INHIBITS", "miR-21", "NF-κB signalling") in got
    assert ("INHIBITS", "microRNA", "NF-κB signalling") not in got


def test_a_stimulus_after_after_sets_the_scene_and_is_no_object(recognizer):
    assert ("INHIBITS", "exosomes", "TNF-α") not in claims(
        recognizer, "The exosomes reduced mortality and weight loss after TNF-α challenge.")
    assert ("INHIBITS", "exosomes", "TNF-α") in claims(recognizer, "The exosomes reduced TNF-α after injury.")


def test_a_stimulus_glued_to_induced_is_no_agent_of_a_later_verb(recognizer):
    got = claims(recognizer, "HGF suppressed TGF-β-induced p38 MAPK activation in stellate cells, supporting "
                             "immunomodulation.")
    assert ("ACTIVATES", "TGF-β", "p38 MAPK") in got
    assert ("MEDIATES", "TGF-β", "immunomodulation") not in got


def test_a_reported_clause_keeps_its_own_objects(recognizer):
    got = claims(recognizer, "Adding IL-10 restored proliferation by half, demonstrating that IDO contributes to "
                             "immunomodulation.")
    assert ("ACTIVATES", "IL-10", "IDO") not in got
    assert ("MEDIATES", "IDO", "immunomodulation") in got


def test_and_therefore_chains_the_verb_to_the_subject_and_suited_to_treats(recognizer):
    assert ("TREATS", "bone marrow", "multiple sclerosis") in claims(
        recognizer, "Bone marrow MSCs secrete IL-10 and could therefore improve multiple sclerosis.")
    got = claims(recognizer, "Bone marrow MSCs secrete IL-10 and could therefore be well suited to multiple sclerosis.")
    assert ("TREATS", "bone marrow", "multiple sclerosis") in got
    assert ("TREATS", "IL-10", "multiple sclerosis") not in got


def test_through_never_makes_what_follows_it_modulate_the_agent(recognizer):
    assert not {c for c in claims(recognizer, "IL-6 burns through TGF-β quickly.") if c[0] == "MODULATES"}
    assert not {c for c in claims(recognizer, "TNF-α, acting via NF-κB signalling, induces IL-6.")
                if c[0] == "MODULATES"}
    # the pathway a verb acts through still does what the verb does
    assert ("ACTIVATES", "NF-κB signalling", "IDO") in claims(recognizer, "IFN-γ induces IDO through NF-κB signalling.")


@pytest.mark.parametrize("text, expected", [
    ("Joint damage in osteoarthritis is driven in part by IL-6.", ("IMPLICATED_IN", "IL-6", "osteoarthritis")),
    ("TGF-β signalling has been linked to fibrosis.", ("IMPLICATED_IN", "TGF-β", "fibrosis")),
])
def test_a_disease_driven_by_or_linked_to_a_factor_implicates_it(recognizer, text, expected):
    assert expected in claims(recognizer, text)


def test_their_secretion_of_a_factor_is_the_secretion_of_the_cells_spoken_of(recognizer):
    text = "Bone marrow MSCs were primed with hypoxia. Hypoxic preconditioning increased their secretion of VEGF."
    assert claims(recognizer, text) == {("SECRETES", "bone marrow", "VEGF")}
    # whose release is not said
    assert claims(recognizer, "Bone marrow MSCs were primed. Hypoxia increased the secretion of VEGF.") == set()


def test_a_factor_switching_a_pathway_inside_cells_targets_them(recognizer):
    got = claims(recognizer, "HGF blocked TGF-β/Smad signalling in hepatic stellate cells.")
    assert {("INHIBITS", "HGF", "TGF-β/Smad"), ("TARGETS", "HGF", "hepatic stellate cell")} <= got
    got = claims(recognizer, "VEGF turned on p38 MAPK in the primary endothelial cells.")
    assert ("TARGETS", "VEGF", "endothelial cell") in got
    # cells that only set the scene of a count are not acted on
    assert not {c for c in claims(recognizer, "HGF blocked TGF-β/Smad signalling, as in 40% of stellate cells.")
                if c[0] == "TARGETS"}


def test_an_effect_of_the_cells_may_be_mediated_by_a_factor(recognizer):
    [claim] = extract(recognizer, make_document("The anti-inflammatory effect of the cells may be mediated by IL-10."))
    assert (claim.type, claim.subject.name, claim.object.name, claim.hedged) == (
        "MEDIATES", "IL-10", "anti-inflammatory effect", True)


def test_a_mechanism_in_brackets_after_a_relative_clause_is_what_its_antecedents_mediate(recognizer):
    got = claims(recognizer, "MSCs secrete VEGF and HGF, which help new blood vessels to grow (angiogenesis).")
    assert {("MEDIATES", "VEGF", "angiogenesis"), ("MEDIATES", "HGF", "angiogenesis")} <= got
    # a clause with a factor of its own leaves its antecedents alone
    got = claims(recognizer, "MSCs secrete VEGF, which works with IL-6 to grow vessels (angiogenesis).")
    assert ("MEDIATES", "VEGF", "angiogenesis") not in got


def test_cells_exposed_to_msc_are_the_subject_of_the_verb_after(recognizer):
    got = claims(recognizer, "Macrophages exposed to MSCs fail to up-regulate CD73 and secrete less IL-6.")
    assert not {c for c in got if c[0] in ("EXPRESSES", "SECRETES")}


def test_closing_a_fistula_treats_it(recognizer):
    text = "Injections of adipose-derived MSCs closed perianal fistulas in a trial."
    assert claims(recognizer, text) == {("TREATS", "adipose tissue", "perianal fistula")}


@pytest.mark.parametrize("text, expected", [
    # the agent and the pathway it switches on
    ("IL-10 activates PI3K/AKT/eNOS, an anti-inflammatory effect.",
     {("MEDIATES", "IL-10", "anti-inflammatory effect"), ("MEDIATES", "PI3K/AKT/eNOS", "anti-inflammatory effect")}),
    # a pathway it blocks does not carry the effect; each member of a listed agent does
    ("IL-10 and TGF-β inhibit NF-κB signalling, a direct anti-inflammatory effect.",
     {("MEDIATES", "IL-10", "anti-inflammatory effect"), ("MEDIATES", "TGF-β", "anti-inflammatory effect")}),
])
def test_a_mechanism_in_apposition_names_what_the_clause_does(recognizer, text, expected):
    got = {c for c in claims(recognizer, text) if c[0] == "MEDIATES"}
    assert got == expected


def test_a_mechanism_in_apposition_to_a_secreted_factor_is_left_alone(recognizer):
    got = claims(recognizer, "MSCs secrete VEGF, an anti-inflammatory effect.")
    assert got == {("SECRETES", "MSC", "VEGF")}


def test_limiting_the_influx_of_cells_targets_them(recognizer):
    assert claims(recognizer, "IL-10 limits the influx of macrophages.") == {("TARGETS", "IL-10", "macrophage")}


def test_a_verb_after_a_new_subject_whose_object_was_no_entity_keeps_that_subject(recognizer):
    text = ("MSCs secrete IL-10 and PGE2, and these factors restore fluid clearance and limit the influx of "
            "macrophages.")
    got = {c for c in claims(recognizer, text) if c[0] == "TARGETS"}
    assert got == {("TARGETS", "IL-10", "macrophage"), ("TARGETS", "PGE2", "macrophage")}


def test_a_noun_trigger_before_a_chained_verb_does_not_lend_its_neighbour_as_subject(recognizer):
    # "VEGF secretion" states no relation, and VEGF is not what enhances angiogenesis
    text = "IL-10 and PGE2 inhibit TNF-α, while increasing VEGF secretion and enhancing angiogenesis."
    got = {c for c in claims(recognizer, text) if c[0] == "MEDIATES"}
    assert got == {("MEDIATES", "IL-10", "angiogenesis"), ("MEDIATES", "PGE2", "angiogenesis")}


def test_which_with_a_singular_verb_after_a_list_refers_to_the_clause(recognizer):
    text = "MSCs lack CD34 and HLA-DR, which is thought to limit their recognition by alloreactive T cells."
    assert {c[0] for c in claims(recognizer, text)} == {"EXPRESSES"}


@pytest.mark.parametrize("text, expected", [
    ("MSCs lack: CD45 and CD34.", {("EXPRESSES", "MSC", "CD45"), ("EXPRESSES", "MSC", "CD34")}),
    ("Bone marrow MSCs secrete :: IL-10, HGF.", {("SECRETES", "bone marrow", "IL-10"), ("SECRETES", "bone marrow", "HGF")}),
    ("Secretion: IL-10 and HGF.", set()),
])
def test_a_colon_after_a_verb_sets_its_objects_apart(recognizer, text, expected):
    assert claims(recognizer, text) == expected


def test_a_marker_line_may_name_the_cells_it_is_about(recognizer):
    text = "Negative markers of bone marrow MSCs: CD45, CD34."
    got = {(c.type, c.subject.name, c.object.name, dict(c.properties).get("negative", False))
           for c in extract(recognizer, make_document(text))}
    assert got == {("EXPRESSES", "bone marrow", "CD45", True), ("EXPRESSES", "bone marrow", "CD34", True)}


def test_vesicles_depleted_of_a_factor_lack_it_and_do_not_inhibit_it(recognizer):
    assert claims(recognizer, "Extracellular vesicles depleted of IL-10 lost the benefit.") == set()
    assert claims(recognizer, "Extracellular vesicles depleted TNF-α from the medium.") == {
        ("INHIBITS", "extracellular vesicles", "TNF-α")}


@pytest.mark.parametrize("text, expected", [
    ("MSCs secrete IL-10, an inhibitor of NF-κB signalling.", ("INHIBITS", "IL-10", "NF-κB signalling")),
    ("TNF-α is an activator of p38 MAPK.", ("ACTIVATES", "TNF-α", "p38 MAPK")),
])
def test_an_inhibitor_or_activator_of_a_pathway(recognizer, text, expected):
    assert expected in claims(recognizer, text)


@pytest.mark.parametrize("text", ["HGF counteracts TGF-β signalling.", "HGF opposes TGF-β in stellate cells.",
                                  "HGF counteracted the rise in TGF-β."])
def test_counteracting_or_opposing_a_factor_inhibits_it(recognizer, text):
    assert {c for c in claims(recognizer, text) if c[0] != "TARGETS"} == {("INHIBITS", "HGF", "TGF-β")}


def test_dampening_a_disease_treats_it(recognizer):
    assert claims(recognizer, "Bone marrow MSCs dampen multiple sclerosis in mice.") == {
        ("TREATS", "bone marrow", "multiple sclerosis")}


def test_a_verb_inside_a_hyphenated_adjective_does_not_part_a_subject_from_its_verb(recognizer):
    # "expanded" is a verb of its own elsewhere ("MSCs expanded regulatory T cells")
    assert claims(recognizer, "Lumacel is an allogeneic, culture-expanded cell product derived from Wharton's jelly.") \
        == {("DERIVED_FROM", "Lumacel", "Wharton's jelly")}


def test_it_opening_a_sentence_is_the_factor_the_sentence_before_opened_with(recognizer):
    assert ("INHIBITS", "IL-10", "TNF-α") in claims(recognizer, "IL-10 is a regulatory cytokine. It inhibits TNF-α.")
    # a factor that was not the whole subject ("IL-10 and IL-6", "IL-10 levels") stands for nothing
    for text in ("IL-10 and IL-6 rose. It inhibits TNF-α.", "IL-10 levels rose. It inhibits TNF-α."):
        assert ("INHIBITS", "IL-10", "TNF-α") not in claims(recognizer, text)


def test_this_pathway_is_the_pathway_named_before(recognizer):
    got = claims(recognizer, "VEGF activates PI3K/AKT/eNOS in endothelial cells, and this pathway mediates angiogenesis.")
    assert ("MEDIATES", "PI3K/AKT/eNOS", "angiogenesis") in got
    assert ("MEDIATES", "VEGF", "angiogenesis") not in got


def test_a_participle_after_a_bracketed_short_form_does_not_part_a_subject_from_its_verb(recognizer):
    assert ("MEDIATES", "VEGF", "angiogenesis") in claims(
        recognizer, "Vascular endothelial growth factor (VEGF) secreted by the cells may contribute to angiogenesis.")


def test_a_brand_in_capitals_defined_as_a_product_is_a_product(recognizer):
    got = claims(recognizer, "HEPASTROM, a bone marrow MSC product, was tested in liver cirrhosis.")
    assert {("DERIVED_FROM", "HEPASTROM", "bone marrow"), ("INVESTIGATED_FOR", "HEPASTROM", "liver cirrhosis")} <= got
    # a word the text also writes in another case is no brand
    assert not {c for c in claims(recognizer, "WARNING, a stem cell product from bone marrow, was sold. The "
                                              "warning was ignored.") if c[0] == "DERIVED_FROM"}


def test_the_source_in_a_vesicle_name_secretes_its_cargo(recognizer):
    assert claims(recognizer, "MSC exosomes carry IL-10 and HGF.") == {
        ("SECRETES", "MSC", "exosomes"), ("SECRETES", "MSC", "IL-10"), ("SECRETES", "MSC", "HGF")}


def test_a_flashcard_separator_parts_a_term_from_its_definition(recognizer):
    text = "Deck notes.\nIL-10 :: secreted by MSCs; dampens NF-κB signalling."
    assert ("SECRETES", "MSC", "IL-10") in claims(recognizer, text)
    # a product's "::" opens its fields, which the product line rules read
    got = claims(recognizer, "Deck notes.\nTemcell :: approved Japan 2015; bone marrow MSCs; graft-versus-host disease")
    assert ("DERIVED_FROM", "Temcell", "bone marrow") in got


def test_our_cells_before_a_participle_verb_are_its_subject(recognizer):
    text = "MSCs were thawed. Flow cytometry confirmed that our cells expressed CD73."
    assert claims(recognizer, text) == {("EXPRESSES", "MSC", "CD73")}


def test_a_labelled_phenotype_is_that_of_the_cells_named_before(recognizer):
    text = "Bone marrow MSCs from third-party donors; passage 3-4; phenotype CD73+, CD90+, CD45-."
    got = {(c.type, c.subject.name, c.object.name, dict(c.properties).get("negative", False))
           for c in extract(recognizer, make_document(text))}
    assert got == {("EXPRESSES", "bone marrow", "CD73", False), ("EXPRESSES", "bone marrow", "CD90", False),
                   ("EXPRESSES", "bone marrow", "CD45", True)}


@pytest.mark.parametrize("text, expected", [
    ("The inhibition of NF-κB signalling by IL-10 was shown.", {("INHIBITS", "IL-10", "NF-κB signalling")}),
    ("Secretion of VEGF by MSCs increased.", {("SECRETES", "MSC", "VEGF")}),
    ("This agrees with the induction of IDO by IFN-γ.", {("ACTIVATES", "IFN-γ", "IDO")}),
])
def test_a_noun_of_action_takes_its_agent_after_by(recognizer, text, expected):
    assert claims(recognizer, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bone marrow MSCs suppress T cell proliferation in mixed lymphocyte cultures, an effect they attribute partly "
     "to TGF-β and HGF.", {("TGF-β", "T cell"), ("HGF", "T cell")}),
    ("Responders showed a rise in regulatory T cells, which the authors attribute to TGF-β.",
     {("TGF-β", "regulatory T cell")}),
    ("The cells inhibited the activation of hepatic stellate cells, and this effect was abolished by a neutralizing "
     "antibody against HGF.", {("HGF", "hepatic stellate cell")}),
    ("MSCs suppressed the proliferation of T cells, and this effect was largely lost when IDO was blocked.",
     {("IDO", "T cell")}),
    ("Blocking IDO with 1-MT abolished the regulatory T cell increase.", {("IDO", "regulatory T cell")}),
    # the effect of the contrasting clause is the one credited; a phenotype's label is not a cell acted on
    ("MSCs suppress T cells through IDO, whereas their effect on macrophages depends more on PGE2.",
     {("IDO", "T cell"), ("PGE2", "macrophage")}),
    ("Macrophages shifted from an M1 to an M2 phenotype, an effect attributed to PGE2.", {("PGE2", "macrophage")}),
    # a receptor blocked is not a factor the effect is credited to
    ("TSG-6 bound c-Met in macrophages, and blocking c-Met abrogated this effect.", set()),
])
def test_an_effect_on_cells_credited_to_a_factor_is_the_factors(recognizer, text, expected):
    got = {(c.subject.name, c.object.name) for c in extract(recognizer, make_document(text))
           if c.type == "TARGETS" and c.subject.label == schema.FACTOR}
    assert got == expected


def test_a_stimulus_named_before_its_priming_noun_activates_what_the_cells_then_express(recognizer):
    # the stimulus after ", and after" is the setting of a new clause, not one more factor the cells secrete
    text = "Bone marrow MSCs secrete HGF and TGF-β, and after IFN-γ priming they express high levels of IDO."
    assert claims(recognizer, text) == {
        ("SECRETES", "bone marrow", "HGF"), ("SECRETES", "bone marrow", "TGF-β"),
        ("EXPRESSES", "bone marrow", "IDO"), ("ACTIVATES", "IFN-γ", "IDO")}
    text = "Following IFN-γ and TNF-α stimulation, MSCs upregulate IDO."
    assert claims(recognizer, text) == {
        ("EXPRESSES", "MSC", "IDO"), ("ACTIVATES", "IFN-γ", "IDO"), ("ACTIVATES", "TNF-α", "IDO")}


@pytest.mark.parametrize("text, expected", [
    ("Human bone marrow MSCs express IDO when exposed to IFN-γ.", ("IFN-γ", "IDO")),
    ("Potency assays should measure IDO activity after IFN-γ priming.", ("IFN-γ", "IDO")),
    ("Lots with strong IDO induction after IFN-γ priming responded better.", ("IFN-γ", "IDO")),
    ("MSC lots that upregulated IDO after interferon-γ (IFN-γ) exposure suppressed T cells best.", ("IFN-γ", "IDO")),
    ("HLA-DR is induced after 48 h of IFN-γ treatment.", ("IFN-γ", "HLA-DR")),
    ("MSCs secreted more VEGF following exposure to TNF-α.", ("TNF-α", "VEGF")),
    ("Each lot was required to show IFN-γ-inducible IDO activity.", ("IFN-γ", "IDO")),
])
def test_a_stimulus_after_the_factor_the_cells_raise_activates_it(recognizer, text, expected):
    got = {(c.subject.name, c.object.name) for c in extract(recognizer, make_document(text)) if c.type == "ACTIVATES"}
    assert got == {expected}


def test_a_stimulus_given_before_the_verb_is_its_agent(recognizer):
    # "priming" after the factor is the giving of the stimulus, not an adjective before "increased"
    assert claims(recognizer, "IFN-γ priming increased IDO expression.") == {("ACTIVATES", "IFN-γ", "IDO")}


def test_a_secretion_raised_by_a_stimulus_is_the_agents_after_by(recognizer):
    got = claims(recognizer, "Priming with IFN-γ enhances the secretion of PGE2 and IDO by MSCs.")
    assert {("SECRETES", "MSC", "PGE2"), ("SECRETES", "MSC", "IDO")} <= got
    # with no agent named, whose secretion it is stays unsaid
    assert not any(t == "SECRETES" for t, _, _ in claims(recognizer, "MSCs dampened the release of TNF-α."))


@pytest.mark.parametrize("text, expected", [
    ("Intra-articular adipose MSCs versus hyaluronic acid in knee osteoarthritis: two-year results of the KNEE "
     "trial.", {("INVESTIGATED_FOR", "adipose tissue", "knee osteoarthritis")}),
    ("Adipose-derived stromal cells for complex perianal fistulas in Crohn's disease: a randomised trial.",
     {("INVESTIGATED_FOR", "adipose tissue", "perianal fistula")}),
    # a colon not followed by a study's name is no title
    ("Adipose-derived stromal cells for complex perianal fistulas: the evidence grows.", set()),
])
def test_a_study_title_names_what_was_investigated_for_what(recognizer, text, expected):
    got = {(c.type, c.subject.name, c.object.name) for c in extract(recognizer, make_document(text))
           if c.type in ("TREATS", "INVESTIGATED_FOR")}
    assert got == expected


@pytest.mark.parametrize("text", [
    "Mouse MSCs suppress T cells through nitric oxide, whereas human MSCs depend largely on IDO.",
    "Human MSCs, by contrast, rely mainly on IDO, a difference that complicates translation.",
    "Human MSCs express little VEGF and rely on IDO to suppress T cells.",
])
def test_the_enzyme_the_cells_rely_on_is_one_they_express(recognizer, text):
    assert ("EXPRESSES", "MSC", "IDO") in claims(recognizer, text)


def test_a_bracketed_profile_of_signed_markers_is_the_named_cells(recognizer):
    text = "Bone marrow MSCs were characterised by flow cytometry (CD73+, CD90+, CD105+, CD34-, CD45-)."
    got = {(c.subject.name, c.object.name, dict(c.properties).get("negative", False))
           for c in extract(recognizer, make_document(text)) if c.type == "EXPRESSES"}
    assert got == {("bone marrow", "CD73", False), ("bone marrow", "CD90", False), ("bone marrow", "CD105", False),
                   ("bone marrow", "CD34", True), ("bone marrow", "CD45", True)}


def test_an_agent_acting_through_a_pathway_activates_it_and_stays_the_subject(recognizer):
    # the pathway after "acting through" is the agent's way of acting, not the subject of the verb after it
    assert claims(recognizer, "IFN-γ, acting through NF-κB signalling, induces IDO.") == {
        ("ACTIVATES", "IFN-γ", "NF-κB signalling"), ("ACTIVATES", "IFN-γ", "IDO")}


@pytest.mark.parametrize("text,expected", [
    # the receptor a factor acts through is its route, not the subject of the purpose that follows
    # (and acts on the cells that bear the receptor)
    ("PGE2 acts through PD-1 receptors on macrophages to raise their IL-10 output.",
     {("ACTIVATES", "PGE2", "PD-1"), ("ACTIVATES", "PGE2", "IL-10"), ("TARGETS", "PGE2", "macrophage")}),
    # a pathway on the route acts too
    ("IL-6 acts through NF-κB signalling to raise PGE2 output.",
     {("ACTIVATES", "IL-6", "NF-κB signalling"), ("ACTIVATES", "IL-6", "PGE2"),
      ("ACTIVATES", "NF-κB signalling", "PGE2")}),
    ("HGF binds c-Met on macrophages to block NF-κB signalling.",
     {("ACTIVATES", "HGF", "c-Met"), ("TARGETS", "HGF", "macrophage"), ("INHIBITS", "HGF", "NF-κB signalling")}),
    # a verb that makes its object act gives the infinitive no subject of its own
    ("MSCs stimulate macrophages to secrete IL-10.", {("TARGETS", "MSC", "macrophage")}),
    # binding a receptor activates it and targets the cells bearing it
    ("HGF engages its receptor c-Met.", {("ACTIVATES", "HGF", "c-Met")}),
    ("Licensed MSCs express PD-1, which binds its ligand on T cells.",
     {("EXPRESSES", "MSC", "PD-1"), ("TARGETS", "PD-1", "T cell")}),
    # a microRNA binding the untranslated region of a gene's transcript does not activate the gene
    ("The microRNA binds the 3′ UTR of HGF.", set()),
])
def test_a_factor_binding_a_receptor_or_acting_through_it_for_a_purpose(recognizer, text, expected):
    # the infinitive of purpose takes the subject of the verb it serves
    assert claims(recognizer, text) == expected


@pytest.mark.parametrize("text", [
    "PGE2, whose release depends on IL-6, acts on macrophages to increase IL-10 release.",
    "PGE2, produced in response to TNF-α, acts on macrophages to increase IL-10 release.",
])
def test_a_clause_opened_by_whose_or_a_participle_is_skipped_for_the_subject(recognizer, text):
    got = claims(recognizer, text)
    assert {("TARGETS", "PGE2", "macrophage"), ("ACTIVATES", "PGE2", "IL-10")} <= got
    assert not {c for c in got if c[0] in ("TARGETS", "ACTIVATES") and c[1] in ("IL-6", "TNF-α")}


def test_a_verb_after_a_copula_and_its_complement_shares_the_copulas_subject(recognizer):
    got = claims(recognizer, "TGF-β is also abundant in the exosomes of MSCs and inhibits T cells.")
    assert ("TARGETS", "TGF-β", "T cell") in got
    assert ("TARGETS", "exosomes", "T cell") not in got


@pytest.mark.parametrize("text", [
    "TNF-α was reduced and IL-10 was increased in EV-treated livers.",
    "TNF-α decreased, whereas IL-10 increased, after EV administration.",
])
def test_two_changes_of_level_share_the_treated_arm_named_after_the_second(recognizer, text):
    assert claims(recognizer, text) == {("INHIBITS", "extracellular vesicles", "TNF-α"),
                                        ("ACTIVATES", "extracellular vesicles", "IL-10")}


def test_the_treatment_targets_the_cells_whose_numbers_changed_in_its_arm(recognizer):
    text = "Immunofluorescence revealed fewer CD45+ T cells and more macrophages in the EV group."
    assert claims(recognizer, text) == {("TARGETS", "extracellular vesicles", "T cell"),
                                        ("TARGETS", "extracellular vesicles", "macrophage")}


def test_the_treated_tissue_that_held_more_or_fewer_cells_names_the_treatment(recognizer):
    text = "MSC-treated hearts contained more macrophages and fewer T cells in the border zone."
    assert claims(recognizer, text) == {("TARGETS", "MSC", "macrophage"), ("TARGETS", "MSC", "T cell")}
    assert claims(recognizer, "Lungs treated with EVs had fewer macrophages.") == {
        ("TARGETS", "extracellular vesicles", "macrophage")}
    # a treatment that is not the cells or their vesicles is not recorded
    assert not claims(recognizer, "LPS-treated mice had more macrophages.")


def test_the_cells_counted_run_on_past_a_marker_they_express(shipped):
    text = ("Lungs treated with WJ-MSC EVs contained fewer macrophages expressing the M1 marker iNOS and more "
            "CD206+ M2 macrophages than lungs of untreated pups.")
    found = claims(shipped, text)
    assert {("TARGETS", "extracellular vesicles", "macrophage"),
            ("TARGETS", "extracellular vesicles", "M2 macrophage")} <= found
    # the marker may end a sentence that has no full stop
    assert claims(shipped, "MSC-treated lungs had fewer macrophages expressing iNOS") == {
        ("TARGETS", "MSC", "macrophage")}


def test_cells_exposed_to_vesicles_in_a_fronted_phrase_name_what_changed_their_factors(shipped):
    text = ("In lung fibroblasts exposed to WJ-MSC EVs, TGF-β1-induced Smad2/3 phosphorylation and collagen I "
            "expression were reduced.")
    found = claims(shipped, text)
    assert {("TARGETS", "extracellular vesicles", "fibroblast"), ("INHIBITS", "extracellular vesicles", "Smad2/3"),
            ("INHIBITS", "extracellular vesicles", "collagen I"), ("ACTIVATES", "TGF-β1", "Smad2/3")} <= found
    # the vesicles before the comma are no agent of the stimulus glued to "-induced"
    assert ("ACTIVATES", "extracellular vesicles", "Smad2/3") not in found
    text = "In macrophages treated with MSC conditioned medium, TNF-α was reduced and IL-10 was increased."
    assert {("INHIBITS", "conditioned medium", "TNF-α"), ("ACTIVATES", "conditioned medium", "IL-10"),
            ("TARGETS", "conditioned medium", "macrophage")} <= claims(shipped, text)
    # an exposure to something other than the cells or their products is not read
    assert not claims(shipped, "In macrophages treated with LPS, TNF-α was increased.")


def test_the_effect_lost_with_a_factor_inhibited_belongs_to_the_vesicles_that_carried_it(recognizer):
    text = "Inhibiting IL-6 in the parent MSCs abolished the angiogenesis effect of the resulting exosomes."
    assert claims(recognizer, text) == {("MEDIATES", "IL-6", "angiogenesis"), ("MEDIATES", "exosomes", "angiogenesis")}


def test_what_the_authors_cannot_exclude_is_hedged(recognizer):
    [claim] = extract(recognizer, make_document("We cannot exclude a direct effect of the MSCs on macrophages."))
    assert (claim.type, claim.subject.name, claim.object.name) == ("TARGETS", "MSC", "macrophage")
    assert claim.hedged and not claim.negated


@pytest.mark.parametrize("text,subject", [
    ("MSCs expressing CD73 suppress T cells and reduce graft-versus-host disease.", "MSC"),
    # the source the participle took as its subject is no subject of the clause's later verbs either
    ("MSC-derived exosomes carrying IL-10 and HGF mRNA restored alveolar fluid clearance and reduced fibrosis.",
     "exosomes"),
])
def test_a_participle_describing_its_noun_leaves_that_noun_the_subject(recognizer, text, subject):
    acting = {(c[1], c[2]) for c in claims(recognizer, text) if c[0] in ("TARGETS", "TREATS")}
    assert acting and {s for s, _ in acting} == {subject}


def test_a_verb_after_the_means_of_a_knockdown_is_still_a_verb(recognizer):
    # "siRNA lowered": the participle after the means is the clause's verb, not an adjective
    assert ("ACTIVATES", "IL-6", "PGE2") in claims(recognizer, "Knockdown of IL-6 in MSCs by siRNA lowered PGE2.")


def test_a_drug_named_after_the_factor_it_blocks_takes_the_factor_away(recognizer):
    assert claims(recognizer, "Treatment with an IL-6 antagonist decreased IL-10 production.") == {
        ("ACTIVATES", "IL-6", "IL-10")}


def test_the_subject_of_a_relative_clause_on_the_object_is_no_object(shipped):
    # the shipped vocabulary reads "the vesicles" as the vesicles named before
    text = ("They reported that EVs from umbilical cord MSCs carried TSG-6, and that knocking down TSG-6 or "
            "neutralising it with an antibody abolished much of the protection that the vesicles had conferred.")
    got = claims(shipped, text)
    assert ("SECRETES", "umbilical cord", "extracellular vesicles") in got
    assert not {c for c in got if c[0] != "SECRETES" and c[2] == "extracellular vesicles"}


def test_they_after_an_opening_phrase_naming_a_stimulus_is_the_source_named_before(recognizer):
    text = "Bone marrow MSCs remain the reference population. Upon IFN-γ stimulation they upregulate IDO."
    assert ("EXPRESSES", "bone marrow", "IDO") in claims(recognizer, text)


def test_a_fronted_setting_may_list_several_diseases(recognizer):
    text = ("In animal models of myocardial infarction, stroke and liver cirrhosis, MSC-derived exosomes "
            "reproduced many of the benefits of the parent cells.")
    assert {c[2] for c in claims(recognizer, text) if c[0] == "TREATS" and c[1] == "exosomes"} == {
        "myocardial infarction", "stroke", "liver cirrhosis"}
    # the setting still ends at the comma before its clause
    assert claims(recognizer, "In stroke, MSCs improved recovery.") == {("TREATS", "MSC", "stroke")}


@pytest.mark.parametrize("text, expected", [
    # a study named before its disease, however far the verb's own object ran
    ("Adipose MSCs failed to improve pain or knee function in a pilot study in knee osteoarthritis.",
     ("TREATS", "adipose tissue", "knee osteoarthritis")),
    # the disease a clause ", in which ..." is set in
    ("They are candidates for multiple sclerosis, in which MSC transplantation improved walking in mice.",
     ("TREATS", "MSC", "multiple sclerosis")),
])
def test_the_disease_of_a_study_or_clause_is_the_setting_of_its_verb(recognizer, text, expected):
    assert expected in claims(recognizer, text)


def test_a_source_describing_a_noun_is_not_the_agent_of_a_later_verb(recognizer):
    text = "Adipose MSCs share the MSC immunophenotype but, unlike the others, secrete more HGF."
    assert claims(recognizer, text) == {("SECRETES", "adipose tissue", "HGF")}


@pytest.mark.parametrize("text, expected", [
    # the loss named after the factor makes the "-ed" form after it a verb
    ("IL-6 knockdown increased TNF-α secretion.", {("INHIBITS", "IL-6", "TNF-α")}),
    # a verb after "but" shares the subject of the verb before it, and not its negation
    ("IL-6 knockdown did not alter IL-10 levels but partly restored TNF-α secretion.",
     {("INHIBITS", "IL-6", "TNF-α")}),
    # an antibody named after its factor takes the factor away
    ("A neutralising anti-HGF antibody increased TNF-α secretion.", {("INHIBITS", "HGF", "TNF-α")}),
])
def test_what_taking_a_factor_away_does_is_the_opposite_of_its_action(recognizer, text, expected):
    assert claims(recognizer, text) == expected


def test_a_blocker_named_by_its_factor_may_carry_its_drug_name(shipped):
    # the shipped vocabulary knows the drug's name as an entity of its own
    text = "The PI3K inhibitor LY294002 abrogated the anti-apoptotic effect."
    assert ("MEDIATES", "PI3K", "anti-apoptosis") in claims(shipped, text)


def test_a_verb_after_but_keeps_the_subject_of_the_clause(recognizer):
    assert claims(recognizer, "MSCs did not secrete IL-10 but expressed CD73.") == {
        ("SECRETES", "MSC", "IL-10"), ("EXPRESSES", "MSC", "CD73")}


def test_acted_on_is_acting_on_a_cell(recognizer):
    assert claims(recognizer, "PGE2 acted on macrophages.") == {("TARGETS", "PGE2", "macrophage")}


def test_vesicles_are_never_a_marker_the_cells_carry_or_lack(recognizer):
    text = "MSCs lacked CD34 and HLA-DR, and their exosomes carried IL-10."
    found = claims(recognizer, text)
    assert ("EXPRESSES", "MSC", "CD34") in found
    assert not {c for c in found if c[0] == "EXPRESSES" and c[2] == "exosomes"}


def test_a_count_of_cells_with_a_power_of_ten_is_one_word(recognizer, shipped):
    # the product's own name: "Genuvacel contains ... cells derived from" is a product made from the tissue
    text = ("Each vial of Genuvacel contains 25 × 10^6 allogeneic, ex vivo-expanded mesenchymal stromal cells "
            "derived from human Wharton's jelly.")
    assert ("DERIVED_FROM", "Genuvacel", "Wharton's jelly") in claims(shipped, text)


def test_a_contraindication_claims_no_treatment(recognizer):
    assert claims(recognizer, "MSCs must not be used in patients with multiple sclerosis or stroke.") == set()
    # a guideline's advice against is still a denied benefit
    assert claims(recognizer, "MSCs should not be used for stroke outside trials.") == {("TREATS", "MSC", "stroke")}


def test_preventing_a_factor_inhibits_it(recognizer):
    assert claims(recognizer, "IL-10 prevented TNF-α release.") == {("INHIBITS", "IL-10", "TNF-α")}


def test_a_question_after_whether_adds_no_object(recognizer):
    assert claims(recognizer, "We asked whether exosomes protect against stroke and whether IL-6 is required.") \
        == {("INVESTIGATED_FOR", "exosomes", "stroke")}


def test_cells_counted_in_a_treated_arm_are_its_targets(recognizer):
    assert claims(recognizer, "Fewer macrophages and more regulatory T cells were recovered from "
                              "exosome-treated kidneys.") == {
        ("TARGETS", "exosomes", "macrophage"), ("TARGETS", "exosomes", "regulatory T cell")}


def test_a_past_verb_in_the_middle_of_a_series_shares_its_subject(recognizer):
    text = "Exosomes suppressed T cells, lowered TNF-α expression, and reduced IL-6."
    assert claims(recognizer, text) == {
        ("TARGETS", "exosomes", "T cell"), ("INHIBITS", "exosomes", "TNF-α"), ("INHIBITS", "exosomes", "IL-6")}


def test_what_cells_with_a_phenotype_produce_is_theirs(recognizer):
    text = "MSC treatment shifted macrophages towards an M2 phenotype with high IL-10 production."
    assert claims(recognizer, text) == {("TARGETS", "MSC", "macrophage")}


def test_vesicles_compared_with_their_cells_are_theirs(recognizer):
    assert claims(recognizer, "We did not compare MSCs with their exosomes.") == {("SECRETES", "MSC", "exosomes")}


def test_the_factor_through_which_cells_treat_a_disease_treats_it(recognizer):
    assert claims(recognizer, "MSCs attenuated stroke mainly through paracrine HGF.") == {
        ("TREATS", "MSC", "stroke"), ("SECRETES", "MSC", "HGF"), ("TREATS", "HGF", "stroke")}
    # not a way of acting named after the factor
    assert ("TREATS", "HGF", "stroke") not in claims(
        recognizer, "MSCs attenuated stroke through HGF-mediated suppression of T cells.")


def test_a_mechanism_adjective_labels_the_factors_in_brackets_after_it(recognizer):
    text = "MSCs secrete angiogenic (VEGF, HGF) and anti-inflammatory (IL-10, TGF-β) factors."
    assert claims(recognizer, text) == {
        ("SECRETES", "MSC", "VEGF"), ("SECRETES", "MSC", "HGF"), ("SECRETES", "MSC", "IL-10"),
        ("SECRETES", "MSC", "TGF-β"), ("MEDIATES", "VEGF", "angiogenesis"), ("MEDIATES", "HGF", "angiogenesis"),
        ("MEDIATES", "IL-10", "anti-inflammatory effect"), ("MEDIATES", "TGF-β", "anti-inflammatory effect")}


def test_they_after_a_colon_are_the_vesicles_the_sentence_opened_with(recognizer):
    text = "MSC-derived exosomes recapitulate many effects of the parent cells in stroke: they inhibit TNF-α."
    assert claims(recognizer, text) == {
        ("SECRETES", "MSC", "exosomes"), ("TREATS", "exosomes", "stroke"), ("INHIBITS", "exosomes", "TNF-α")}


def test_expression_in_another_cell_type_is_not_the_sources(recognizer):
    # "expression of IL-6 in macrophages": the macrophages express it, not the paragraph's cells
    text = "Bone marrow MSCs were cultured. Exosomes reduced LPS-induced expression of IL-6 and TNF-α in macrophages."
    got = claims(recognizer, text)
    assert ("INHIBITS", "exosomes", "IL-6") in got
    assert not {c for c in got if c[0] == "EXPRESSES"}


def test_vesicles_a_sentence_opens_with_after_their_are_the_paragraphs_cells(recognizer):
    text = "Bone marrow MSCs were expanded. Their exosomes reduced IL-6."
    assert ("SECRETES", "bone marrow", "exosomes") in claims(recognizer, text)


@pytest.mark.parametrize("text, expected", [
    # a relative clause without a comma: the entity before the pronoun or before its head noun
    ("Homing follows SDF-1, the ligand of the CXCR4 receptor that MSCs express.", ("EXPRESSES", "MSC", "CXCR4")),
    # ... or the subject a copula gives the noun it describes
    ("Exosomes are tiny vesicles that MSCs release.", ("SECRETES", "MSC", "exosomes")),
    ("PGE2 is a lipid mediator that MSCs secrete in larger amounts.", ("SECRETES", "MSC", "PGE2")),
])
def test_a_restrictive_relative_clause_takes_its_antecedent_as_object(text, expected, shipped):
    assert expected in claims(shipped, text)


def test_a_negation_closed_by_a_colon_does_not_reach_the_object(recognizer):
    [claim] = extract(recognizer, make_document("Not quite: IL-6 is a cytokine that MSCs secrete."))
    assert (claim.type, claim.subject.name, claim.object.name, claim.negated) == ("SECRETES", "MSC", "IL-6", False)


@pytest.mark.parametrize("text, expected", [
    # an entity after ", and" with a noun of its amount or loss and a verb opens a clause of its own
    ("The EVs prevented translocation of NF-κB, and TSG-6 knockdown abolished this effect.",
     {("INHIBITS", "extracellular vesicles", "NF-κB signalling")}),
    ("The EVs reduced IL-6, and IL-10 levels rose.", {("INHIBITS", "extracellular vesicles", "IL-6")}),
])
def test_an_entity_with_its_noun_and_a_verb_after_and_ends_the_object_list(text, expected, shipped):
    assert claims(shipped, text) == expected


@pytest.mark.parametrize("text", [
    "TSG-6, an anti-inflammatory protein secreted by MSCs, accounts for their benefit.",
    "Tumour necrosis factor-stimulated gene 6 (TSG-6), an anti-inflammatory protein, is secreted by MSCs.",
])
def test_a_factor_described_in_apposition_by_a_mechanism_mediates_it(text, shipped):
    assert ("MEDIATES", "TSG-6", "anti-inflammatory effect") in claims(shipped, text)


@pytest.mark.parametrize("text, present, absent", [
    # a comparator product's tissue, named last, gives way to the cells of the product the text returns to
    ("Genuvacel contains MSCs derived from Wharton's jelly. It resembles Cartistem, an umbilical cord blood-derived "
     "MSC product. The mechanism of action of Genuvacel is paracrine. The cells secrete TSG-6.",
     ("SECRETES", "Wharton's jelly", "TSG-6"), ("SECRETES", "umbilical cord blood", "TSG-6")),
    # a population after a bracketed aside is no second indication
    ("Genuvacel is indicated for the repair of knee cartilage defects (ICRS grade 3 or 4) in adults with knee "
     "osteoarthritis.", ("APPROVED_FOR", "Genuvacel", "cartilage defect"),
     ("APPROVED_FOR", "Genuvacel", "knee osteoarthritis")),
    # "their expression of" after cells named last is the cells' expression
    ("MSCs block the maturation of dendritic cells, lowering their expression of CD80 and CD86.",
     None, ("EXPRESSES", "MSC", "CD80")),
    # a passive participle whose noun is no entity takes the list its agent's phrase includes
    ("Other mediators secreted by MSCs include TGF-β1, HGF and IL-10.", ("SECRETES", "MSC", "HGF"), None),
    # a past participle with its preposition describes the noun before it, which stays the subject
    ("PD-L1 expressed on MSCs binds PD-1 on activated T cells.", ("TARGETS", "PD-L1", "T cell"),
     ("TARGETS", "MSC", "T cell")),
    # "the targets of" is a passive of targeting
    ("T lymphocytes are the best-characterised targets of MSCs.", ("TARGETS", "MSC", "T cell"), None),
    ("MSCs impede the generation of dendritic cells.", ("TARGETS", "MSC", "dendritic cell"), None),
    # the cells turned into may carry a mechanism adjective
    ("MSCs reprogramme M1 macrophages into anti-inflammatory M2 macrophages.", ("TARGETS", "MSC", "M2 macrophage"),
     None),
    # what the object is contrasted with is no object
    ("Macrophages rather than epithelial cells are the main target of the vesicles.", None,
     ("TARGETS", "extracellular vesicles", "epithelial cell")),
])
def test_wordings_read_in_the_thirty_seventh_batch(text, present, absent, shipped):
    got = claims(shipped, text)
    assert present is None or present in got
    assert absent is None or absent not in got


@pytest.mark.parametrize("text, expected", [
    # the cells no longer acted on once the factor is taken away (the drug taking it away may stand between)
    ("Inhibition of IDO with 1-methyl-tryptophan abolished the ability of MSCs to suppress T-cell proliferation.",
     ("TARGETS", "IDO", "T cell")),
    # the benefit of an agent in a disease, and its denial
    ("The benefit of MSCs after myocardial infarction is attributed to paracrine signalling.",
     ("TREATS", "MSC", "myocardial infarction")),
])
def test_more_wordings_read_in_the_thirty_seventh_batch(text, expected, shipped):
    assert expected in claims(shipped, text)


def test_the_cells_an_effect_was_measured_in_are_no_target_of_the_factor_taken_away(shipped):
    text = "Inhibition of Akt abrogates the anti-apoptotic effect of the medium in hypoxic cardiomyocytes."
    assert ("TARGETS", "AKT", "cardiomyocyte") not in claims(shipped, text)


def test_no_benefit_of_an_agent_is_a_denied_treatment(recognizer):
    [claim] = extract(recognizer, make_document("The trial showed no benefit of bone marrow MSCs in multiple sclerosis."))
    assert (claim.type, claim.subject.name, claim.object.name, claim.negated) == (
        "TREATS", "bone marrow", "multiple sclerosis", True)


@pytest.mark.parametrize("text, expected", [
    # an option or a candidate for a disease is a claimed (here hedged) treatment
    ("Temcell may be a promising disease-modifying option for acute GvHD.",
     ("TREATS", "Temcell HS Inj.", "acute graft-versus-host disease", False)),
    ("EVs may be a cell-free candidate for inflammatory bowel disease.",
     ("TREATS", "extracellular vesicles", "inflammatory bowel disease", False)),
    # "no-option" names a group of patients; it denies nothing
    ("Temcell is a candidate for patients with no-option critical limb ischaemia.",
     ("TREATS", "Temcell HS Inj.", "critical limb ischemia", False)),
])
def test_an_option_for_a_disease_treats_it(text, expected, shipped):
    found = extract(shipped, make_document(text))
    got = {(c.type, c.subject.name, c.object.name, c.negated) for c in found}
    assert expected in got


def test_they_after_a_source_glued_to_its_vesicles_are_the_vesicles(shipped):
    text = "MenSC-EVs reduce DSS colitis. They may be a cell-free option for inflammatory bowel disease."
    got = claims(shipped, text)
    assert ("TREATS", "extracellular vesicles", "inflammatory bowel disease") in got
    assert ("TREATS", "menstrual blood", "inflammatory bowel disease") not in got


@pytest.mark.parametrize("text, present, absent", [
    # an allocation ratio in brackets stands between no words
    ("126 patients with knee osteoarthritis were randomly assigned (1:1:1) to a single injection of Temcell or "
     "placebo.", ("INVESTIGATED_FOR", "Temcell HS Inj.", "knee osteoarthritis"), None),
    # the tissues cells are obtained from are no subject of the verbs coordinated after them
    ("MSCs can be isolated from bone marrow and adipose tissue, expand readily in culture and are defined by "
     "expression of CD73.", ("EXPRESSES", "MSC", "CD73"), ("EXPRESSES", "bone marrow", "CD73")),
    ("Wharton's jelly MSCs are obtained from discarded umbilical cords and secrete TSG-6.",
     ("SECRETES", "Wharton's jelly", "TSG-6"), ("SECRETES", "umbilical cord", "TSG-6")),
    # an adverb may follow the participle
    ("Wharton's jelly MSCs are attractive because they are obtained non-invasively from discarded umbilical cords "
     "and secrete TSG-6.", ("SECRETES", "Wharton's jelly", "TSG-6"), ("SECRETES", "umbilical cord", "TSG-6")),
    # ... but a tissue after a participle right after its noun names the cells' tissue
    ("MSCs isolated from bone marrow secrete TSG-6.", ("SECRETES", "bone marrow", "TSG-6"), None),
    # a cell type right before a noun of making owns what is made
    ("UC-MSCs lowered macrophage secretion of TNF-α and IL-12.", ("TARGETS", "umbilical cord", "macrophage"),
     ("SECRETES", "umbilical cord", "TNF-α")),
    # a small RNA named after its factor takes it away: what it abolished is what the factor does
    ("TSG-6 siRNA abolished the rise in IL-10.", ("ACTIVATES", "TSG-6", "IL-10"), ("INHIBITS", "TSG-6", "IL-10")),
    ("Activation of the NF-κB pathway in microglia drives the release of TNF-α and IL-6.",
     ("ACTIVATES", "NF-κB signalling", "IL-6"), None),
    ("BDNF and GDNF support the survival of injured motor neurons.", ("TARGETS", "GDNF", "neuron"), None),
    # the adjective of a cell type names the cells whose state is changed
    ("MSC-derived exosomes reduced microglial activation.", ("TARGETS", "exosomes", "microglia"), None),
    ("HGF reduced neuronal apoptosis.", ("TARGETS", "HGF", "neuron"), None),
    # a quotation opening a sentence: the anaphor after its opening phrase
    ('Placental MSCs release VEGF. "In our preclinical work, the cells also shifted macrophages toward M2."',
     ("TARGETS", "placenta", "macrophage"), None),
])
def test_wordings_read_in_the_thirty_eighth_batch(text, present, absent, shipped):
    got = claims(shipped, text)
    assert present is None or present in got
    assert absent is None or absent not in got


def test_meeting_a_primary_endpoint_treats_and_a_trial_acronym_is_no_verb(shipped):
    # "RESTORE" in a trial's name is not the verb "restore"
    text = "Temcell met the primary endpoint of the phase 3 RESTORE-2 trial in patients with acute GvHD."
    [claim] = extract(shipped, make_document(text))
    assert (claim.type, claim.object.name, claim.trigger) == (
        "TREATS", "acute graft-versus-host disease", "met the primary endpoint of")


def test_a_second_means_after_and_by_shares_no_noun_of_the_first(shipped):
    # "and by" starts a second means: HGF, named in the first, neither suppresses the stellate cells nor acts
    # through TGF-β/Smad
    text = ("These benefits are likely mediated by paracrine factors such as HGF, which may limit hepatocyte "
            "apoptosis, and by suppression of hepatic stellate cell activation through the TGF-β/Smad pathway.")
    got = claims(shipped, text)
    assert ("TARGETS", "HGF", "hepatocyte") in got
    assert not {c for c in got if c[1] == "HGF" and c[2] in ("hepatic stellate cell", "TGF-β/Smad")}
    # ... but the agent of the first means is the second's too
    text = ("MSCs reduce acute lung injury by secreting KGF, which restores the epithelium, and by increasing "
            "regulatory T cells.")
    got = claims(shipped, text)
    assert ("TARGETS", "MSC", "regulatory T cell") in got and ("TARGETS", "KGF", "regulatory T cell") not in got


@pytest.mark.parametrize("text, present, absent", [
    # the cells given a noun of making earlier make what the sentence later says is made
    ("UC-MSCs lowered macrophage secretion of TNF-α and IL-12, and raised IL-10 secretion 3.2-fold.",
     ("TARGETS", "umbilical cord", "macrophage"), ("SECRETES", "umbilical cord", "IL-10")),
    # ... unless MSCs are named between
    ("Macrophage secretion of TNF-α fell, and UC-MSCs increased their IL-10 secretion.",
     ("SECRETES", "umbilical cord", "IL-10"), None),
    # the cells named as a factor's maker do not make what the factor raises
    ("Thus, TSG-6 secreted by UC-MSCs promotes IL-10 production and M2 polarisation of macrophages.",
     ("ACTIVATES", "TSG-6", "IL-10"), ("SECRETES", "umbilical cord", "IL-10")),
])
def test_whose_secretion_a_sentence_names(text, present, absent, shipped):
    got = claims(shipped, text)
    assert present in got
    assert absent is None or absent not in got


@pytest.mark.parametrize("text, present, absent", [
    # "all" between a list of sources and their verb
    ("Under resting conditions, BM-MSCs, AD-MSCs and UC-MSCs all released IL-6 and IL-8.",
     ("SECRETES", "adipose tissue", "IL-8"), None),
    # licensed (primed) cells are the cells the text spoke of
    ("BM-MSCs were exposed to IFN-γ. The licensed cells released more PGE2 and TSG-6.",
     ("SECRETES", "bone marrow", "TSG-6"), None),
    # a factor induced in a list of sources is expressed by each of them
    ("Priming with IFN-γ and TNF-α induced IDO in BM-MSCs, AD-MSCs and UC-MSCs.",
     ("EXPRESSES", "umbilical cord", "IDO"), None),
    # a pathway named alone after "through" is the route an inducer takes: it activates the pathway, and the
    # pathway what the inducer raises
    ("TNF-α alone was sufficient to raise COX-2 and PGE2 through NF-κB, as the effect was lost.",
     ("ACTIVATES", "TNF-α", "NF-κB signalling"), None),
    ("TNF-α alone was sufficient to raise COX-2 and PGE2 through NF-κB, as the effect was lost.",
     ("ACTIVATES", "NF-κB signalling", "COX-2"), None),
    # the product whose appositive names its tissue is what induced the remission
    ("In this phase 3 trial, a single injection of Temcell, an allogeneic bone marrow MSC product, induced "
     "remission of complex perianal fistulas in 57% of patients.",
     ("TREATS", "Temcell HS Inj.", "complex perianal fistula"), ("TREATS", "bone marrow", "complex perianal fistula")),
])
def test_wordings_read_in_the_thirty_ninth_batch(text, present, absent, shipped):
    got = claims(shipped, text)
    assert present in got, got
    assert absent is None or absent not in got


@pytest.mark.parametrize("text, expected", [
    # a long description of the design after the colon (punctuation does not count toward its reach)
    ("1 Intravenous bone marrow-derived mesenchymal stromal cells for acute ischaemic stroke: a randomised, "
     "double-blind, placebo-controlled phase 2 trial.", ("INVESTIGATED_FOR", "bone marrow", "ischemic stroke")),
    # a word on the disease between the lead and the disease
    ("Umbilical cord mesenchymal stem cells in refractory systemic lupus erythematosus: long-term follow-up of a "
     "multicentre cohort.", ("INVESTIGATED_FOR", "umbilical cord", "systemic lupus erythematosus")),
])
def test_study_titles_in_a_list_of_search_results(text, expected, shipped):
    assert expected in claims(shipped, text)


@pytest.mark.parametrize("text, expected", [
    # a hedge does not reach into the reason given for it ...
    ("Exosomes may also avoid the risk of thrombosis, since MSCs express tissue factor.",
     ("EXPRESSES", "MSC", "tissue factor")),
    ("Infused MSCs may in theory promote tumour growth, because MSCs secrete VEGF.", ("SECRETES", "MSC", "VEGF")),
    # ... nor into an apposition before it
    ("LL-37, a peptide secreted by MSCs, may contribute to bacterial clearance.", ("SECRETES", "MSC", "LL-37")),
])
def test_a_hedge_leaves_a_reason_and_an_apposition_stated(text, expected, shipped):
    found = {(c.type, c.subject.name, c.object.name): c.hedged for c in extract(shipped, make_document(text))}
    assert found[expected] is False


@pytest.mark.parametrize("text, expected", [
    # cells or vesicles handing over mitochondria act on the cells that receive them
    ("MSCs transfer mitochondria to alveolar macrophages and enhance their phagocytosis.",
     {("TARGETS", "MSC", "alveolar macrophage")}),
    ("In the lung the cells also hand over mitochondria to alveolar macrophages.", set()),
    # ... a molecule does not
    ("Gap junctions made of connexin 43 passed mitochondria to alveolar epithelial cells.", set()),
])
def test_handing_over_mitochondria_targets_the_receiving_cells(text, expected, shipped):
    assert {c for c in claims(shipped, text) if c[0] == "TARGETS"} == expected


@pytest.mark.parametrize("text, expected, negative", [
    # a marker after a noun of having or lacking, and the cells it is on after "on"
    ("This is consistent with the absence of HLA-DR on culture-expanded adipose MSCs.",
     ("EXPRESSES", "adipose tissue", "HLA-DR"), True),
    ("The lack of CD34 on bone marrow MSCs was confirmed.", ("EXPRESSES", "bone marrow", "CD34"), True),
    ("The expression of CD73 on umbilical cord MSCs was high.", ("EXPRESSES", "umbilical cord", "CD73"), False),
])
def test_a_marker_on_the_cells_after_a_noun_of_having_or_lacking(text, expected, negative, shipped):
    found = {(c.type, c.subject.name, c.object.name): bool(dict(c.properties).get("negative"))
             for c in extract(shipped, make_document(text))}
    assert found.get(expected) is negative, found


def test_cells_primed_with_a_factor_are_the_cells_named_before(shipped):
    text = ("We studied Wharton's jelly MSCs in a mouse model. IFN-γ-primed cells expressed more IDO and "
            "suppressed T cell proliferation.")
    got = claims(shipped, text)
    assert {("EXPRESSES", "Wharton's jelly", "IDO"), ("ACTIVATES", "IFN-γ", "IDO"),
            ("TARGETS", "Wharton's jelly", "T cell")} <= got, got
    assert ("TARGETS", "IDO", "T cell") not in got


def test_cargo_listed_with_a_relative_clause_after_each_member(shipped):
    text = ("MSCs are trapped in the lungs. Their secretome contains keratinocyte growth factor (KGF), which "
            "promotes alveolar fluid clearance, and angiopoietin-1, which stabilises the endothelial barrier.")
    got = claims(shipped, text)
    assert {("SECRETES", "MSC", "KGF"), ("SECRETES", "MSC", "angiopoietin-1")} <= got, got


@pytest.mark.parametrize("text, expected, negated", [
    # the antibody that takes the factor away, with its article and its action before it or glued to the factor
    ("A neutralising antibody against VEGF abolished this pro-angiogenic effect.",
     ("MEDIATES", "VEGF", "angiogenesis"), False),
    ("A VEGF-neutralising antibody abolished the pro-angiogenic effect.", ("MEDIATES", "VEGF", "angiogenesis"), False),
    # a loss that changed nothing: the effect is not the factor's
    ("Blocking TSG-6 with a neutralising antibody had no significant effect on PBMC proliferation.",
     ("TARGETS", "TSG-6", "peripheral blood mononuclear cell"), True),
])
def test_what_blocking_a_factor_takes_away_or_leaves(text, expected, negated, shipped):
    found = {(c.type, c.subject.name, c.object.name): c.negated for c in extract(shipped, make_document(text))}
    assert found.get(expected) is negated, found


@pytest.mark.parametrize("text, present, absent", [
    # a change denied for both stimuli of "neither ... nor"
    ("Neither IFN-γ nor TNF-α changed VEGF secretion.", ("MODULATES", "TNF-α", "VEGF"), None),
    ("TNF-α did not alter IL-6 levels.", ("MODULATES", "TNF-α", "IL-6"), None),
    # ", and" after the member's own noun opens a clause of its own when a verb follows the next entity
    ("IL-6 increased VEGF secretion, and HGF was slightly lower after licensing.", ("ACTIVATES", "IL-6", "VEGF"),
     ("ACTIVATES", "IL-6", "HGF")),
])
def test_a_change_denied_and_a_clause_after_the_members_noun(text, present, absent, shipped):
    found = {(c.type, c.subject.name, c.object.name): c.negated for c in extract(shipped, make_document(text))}
    assert present in found and found[present] is (present[0] == "MODULATES"), found
    assert absent is None or absent not in found


@pytest.mark.parametrize("text, expected", [
    # a cluster of the single cells profiled is part of the MSCs at large ...
    ("We profiled bone marrow MSCs. Cluster C2 expressed VCAM1 and LEPR.",
     {("EXPRESSES", "MSC", "VCAM-1"), ("EXPRESSES", "MSC", "leptin receptor")}),
    # ... or of the one source the sentence says it is enriched in
    ("Cluster C3 was enriched in Wharton's jelly MSCs and expressed NES.", {("EXPRESSES", "Wharton's jelly", "nestin")}),
    ("Adipose-derived MSCs were dominated by cluster C5, which expressed PPARG and CEBPA.",
     {("EXPRESSES", "adipose tissue", "PPARγ"), ("EXPRESSES", "adipose tissue", "C/EBPα")}),
])
def test_a_cluster_of_single_cells_expresses_its_genes(text, expected, shipped):
    assert {c for c in claims(shipped, text) if c[0] == "EXPRESSES"} == expected


@pytest.mark.parametrize("text, present, absent", [
    # cells made to overexpress a factor express it, whichever side the factor is written on
    ("MSCs overexpressing CXCR4 accumulated at the lesion.", ("EXPRESSES", "MSC", "CXCR4"), None),
    ("CXCR4-overexpressing bone marrow MSCs homed to the lesion.", ("EXPRESSES", "bone marrow", "CXCR4"), None),
    # "control" before the cells names the control group; "these neurotrophins" are the factors listed, not the
    # factor in the engineered cells' name
    ("Both CXCR4-MSCs and control MSCs secreted BDNF and NGF, and these neurotrophins may have contributed to "
     "the axonal sprouting.", ("MEDIATES", "NGF", "axonal sprouting"), ("MODULATES", "CXCR4", "BDNF")),
    ("Both CXCR4-MSCs and control MSCs secreted BDNF and NGF, and these factors may have contributed to "
     "the axonal sprouting.", ("MEDIATES", "BDNF", "axonal sprouting"), ("MEDIATES", "CXCR4", "axonal sprouting")),
    # dental MSCs of no one named tissue
    ("All dental MSCs express CD73 and lack CD34.", ("EXPRESSES", "dental tissue", "CD73"), ("EXPRESSES", "MSC", "CD73")),
])
def test_engineered_control_and_dental_cells(text, present, absent, shipped):
    got = claims(shipped, text)
    assert present in got, got
    assert absent is None or absent not in got


@pytest.mark.parametrize("text, expected", [
    # the cells given act on the cell types whose numbers change after them
    ("After MSC infusion, the proportion of regulatory T cells increased from 3.2% to 6.8%, while Th17 cells "
     "decreased.", {("TARGETS", "MSC", "regulatory T cell"), ("TARGETS", "MSC", "Th17 cell")}),
    ("Following UC-MSC transplantation, circulating Th17 cells fell.", {("TARGETS", "umbilical cord", "Th17 cell")}),
    # a tissue's own expression is no marker of the cells
    ("Bone marrow MSCs were studied. Endometrial expression of VEGF and HGF is reduced in women with thin "
     "endometrium.", set()),
])
def test_cells_changed_after_giving_msc_and_a_tissues_own_expression(text, expected, shipped):
    assert {c for c in claims(shipped, text) if c[0] in ("TARGETS", "EXPRESSES")} == expected


def test_an_angiogenic_response_or_benefit_is_angiogenesis(shipped):
    text = "PI3K/Akt activation mediates much of the angiogenic benefit."
    assert ("MEDIATES", "PI3K/AKT signalling", "angiogenesis") in claims(shipped, text)


def test_smad2_3_is_one_factor(shipped):
    text = "HGF secreted by the cells suppressed TGF-β1-induced Smad2/3 phosphorylation."
    got = claims(shipped, text)
    assert {("ACTIVATES", "TGF-β1", "Smad2/3"), ("INHIBITS", "HGF", "Smad2/3")} <= got, got
    assert not any(c[2] == "SMAD2" for c in got)


@pytest.mark.parametrize("text, present, absent", [
    # cells that control a disease treat it; a drug that failed to control it did not
    ("In this patient, third-party MSCs controlled grade III gut aGvHD after steroids had failed.",
     ("TREATS", "MSC", "acute graft-versus-host disease"), None),
    # ... but a controlled trial and the control group are nouns
    ("MSCs were tested in a randomised controlled trial in Crohn's disease.",
     ("INVESTIGATED_FOR", "MSC", "Crohn's disease"), ("TREATS", "MSC", "Crohn's disease")),
    ("In knee osteoarthritis, MSC injection increased the share of responders compared with control.",
     None, ("TREATS", "MSC", "knee osteoarthritis")),
])
def test_controlling_a_disease_and_the_control_group(text, present, absent, shipped):
    got = claims(shipped, text)
    assert present is None or present in got, got
    assert absent is None or absent not in got


@pytest.mark.parametrize("text, present, absent", [
    # an apposition describes the noun right before its comma, not the subject of the sentence
    ("miR-126 enhances VEGF signalling by repressing SPRED1, an inhibitor of the MAPK/ERK pathway.",
     ("INHIBITS", "SPRED1", "ERK1/2"), ("INHIBITS", "VEGF signalling", "ERK1/2")),
    # "amplifies" is a verb of its own: what it raises is no object of the repression before it
    ("miR-126 represses SPRED1 and PIK3R2 and thereby amplifies MAPK/ERK and PI3K/Akt signalling.",
     ("ACTIVATES", "miR-126", "ERK1/2"), ("INHIBITS", "miR-126", "ERK1/2")),
])
def test_an_apposition_and_a_verb_that_amplifies(text, present, absent, shipped):
    got = claims(shipped, text)
    assert present in got, got
    assert absent not in got


def test_a_factor_released_by_other_cells_is_not_the_msc_secretion(shipped):
    text = "IFN-γ released by alloreactive T cells licenses MSCs to upregulate IDO."
    got = claims(shipped, text)
    assert ("EXPRESSES", "MSC", "IDO") in got
    assert ("SECRETES", "MSC", "IFN-γ") not in got


@pytest.mark.parametrize("text, expected", [
    # a Methods sentence that sets up a disease model and gives the cells studies them in it
    ("Pulmonary fibrosis was induced in C57BL/6 mice with intratracheal bleomycin, and on day 7 ten mice per group "
     "received 5 x 10^5 ADSCs or vehicle intravenously.", ("INVESTIGATED_FOR", "adipose tissue", "pulmonary fibrosis")),
    ("Experimental autoimmune encephalomyelitis (EAE) was induced in female mice by immunisation with MOG35-55, and "
     "animals received 1 x 10^6 UC-MSCs or vehicle on day 10.",
     ("INVESTIGATED_FOR", "umbilical cord", "experimental autoimmune encephalomyelitis")),
])
def test_cells_given_in_a_disease_model_set_up_by_the_methods(text, expected, shipped):
    assert expected in claims(shipped, text)


@pytest.mark.parametrize("text, expected, absent", [
    # the design of a trial studies the cells in the participants' disease
    ("We randomised 124 adults with moderate-to-severe ARDS to a single intravenous dose of adipose-derived MSCs "
     "or placebo.", ("INVESTIGATED_FOR", "adipose tissue", "ARDS"), None),
    ("In a randomised trial of 120 patients with knee osteoarthritis, a single injection of umbilical cord MSCs was "
     "compared with hyaluronic acid.", ("INVESTIGATED_FOR", "umbilical cord", "knee osteoarthritis"), None),
    # ... unless the sentence claims the benefit itself
    ("In a phase 2 trial of 60 patients with knee osteoarthritis, adipose MSCs reduced pain.",
     ("TREATS", "adipose tissue", "knee osteoarthritis"), ("INVESTIGATED_FOR", "adipose tissue", "knee osteoarthritis")),
])
def test_the_design_of_a_trial_studies_the_cells(text, expected, absent, shipped):
    got = claims(shipped, text)
    assert expected in got, got
    assert absent is None or absent not in got


@pytest.mark.parametrize("text, present, absent", [
    # "the MSCs" after the one tissue the sentence named are that tissue's cells
    ("Bone marrow MSCs mixed with breast cancer cells increased their metastasis through CCL5 secreted by the MSCs.",
     ("SECRETES", "bone marrow", "CCL5"), ("SECRETES", "MSC", "CCL5")),
    # an antibody glued to the factor it neutralises takes the factor away: what it prevented, the factor does
    ("Conditioned medium from old MSCs induced p21 in young cells, whereas an IL-6-neutralising antibody prevented "
     "this paracrine senescence.", ("ACTIVATES", "IL-6", "cellular senescence"), ("INHIBITS", "IL-6", "cellular senescence")),
    # an adverb after the member does not carry the list on past ", and"
    ("BM-MSCs secreted PGE2 constitutively, and TNF-α increased PGE2 release.", ("ACTIVATES", "TNF-α", "PGE2"),
     ("SECRETES", "bone marrow", "TNF-α")),
    # "CD4+ and CD8+ T cells": both cell types
    ("MSCs inhibit the proliferation of CD4+ and CD8+ T cells.", ("TARGETS", "MSC", "CD4+ T cell"),
     ("TARGETS", "MSC", "CD4")),
    # cells named by the factor they were made to express or secrete
    ("IFN-β-expressing bone marrow MSCs inhibited the growth of melanoma.", ("EXPRESSES", "bone marrow", "IFN-β"),
     ("EXPRESSES", "MSC", "IFN-β")),
    ("TRAIL-secreting umbilical cord MSCs reduced the growth of glioma.",
     ("SECRETES", "umbilical cord", "TNF-related apoptosis-inducing ligand"), ("SECRETES", "MSC", "TRAIL")),
    # a marker's expression compared across cells is still theirs; "both" before the cells the factor is induced in
    ("Expression of CD146 was higher in hPL-expanded BM-MSCs than in FBS-expanded cells.",
     ("EXPRESSES", "bone marrow", "CD146"), ("EXPRESSES", "MSC", "CD146")),
    ("IFN-γ licensing induced IDO in both BM-MSCs and UC-MSCs.", ("EXPRESSES", "umbilical cord", "IDO"),
     ("EXPRESSES", "MSC", "IDO")),
])
def test_wordings_read_in_the_forty_first_batch(text, present, absent, shipped):
    got = claims(shipped, text)
    assert present in got, got
    assert absent not in got


def test_an_agent_given_to_cells_acts_on_them_and_is_the_subject_of_the_verb_after(shipped):
    text = ("Recombinant TSG-6 added to activated microglia in vitro reduced nuclear translocation of NF-κB and "
            "the release of TNF-α and IL-1β.")
    assert {("TARGETS", "TSG-6", "microglia"), ("INHIBITS", "TSG-6", "TNF-α"),
            ("INHIBITS", "TSG-6", "IL-1β")} <= claims(shipped, text)
    assert {("TARGETS", "extracellular vesicles", "macrophage"), ("INHIBITS", "extracellular vesicles", "TNF-α")} \
        <= claims(shipped, "EVs added to macrophages reduced TNF-α release.")
    # MSCs change no factor themselves (INHIBITS takes factors), but they act on the cells they were cultured with
    assert claims(shipped, "MSCs co-cultured with T cells reduced IFN-γ secretion.") == {
        ("TARGETS", "MSC", "T cell")}
    # a clause of its own after the cells keeps its own subject
    assert ("INHIBITS", "TSG-6", "TNF-α") not in claims(
        shipped, "TSG-6 added to microglia, which were then stimulated, reduced TNF-α.")


def test_cells_exposed_to_msc_products_are_their_targets_and_not_their_makers(shipped):
    # the cells, not the MSCs, made the IFN-γ measured ("co-cultured" is three items)
    assert claims(shipped, "T cells co-cultured with MSCs produced less IFN-γ.") == {("TARGETS", "MSC", "T cell")}
    assert claims(shipped, "Dendritic cells exposed to MSCs secreted less IL-12.") == {
        ("TARGETS", "MSC", "dendritic cell")}
    text = "Fibroblasts cultured in MSC-conditioned medium expressed less α-SMA."
    assert ("TARGETS", "conditioned medium", "fibroblast") in claims(shipped, text)
    text = "Macrophages exposed to conditioned medium from licensed UC-MSCs shifted towards an M2 phenotype."
    assert ("TARGETS", "conditioned medium", "macrophage") in claims(shipped, text)
    # a stimulus that is no MSC product is not read
    assert not claims(shipped, "Macrophages exposed to LPS secreted more IL-12.")


def test_cells_whose_proliferation_returns_when_a_factor_is_blocked_are_its_targets(shipped):
    text = "Blocking IDO with 1-methyl-DL-tryptophan restored T cell proliferation to 61.2 ± 7.0% (Fig. 2D)."
    assert claims(shipped, text) == {("TARGETS", "IDO", "T cell")}
    # what comes back is no effect the factor had: a mechanism after "restored" is not read as mediated
    assert not any(rel == "MEDIATES" for rel, _, _ in claims(shipped, "Blocking IDO restored the proliferation."))


def test_a_factor_on_the_cells_surface_is_the_subject_and_acts_on_the_cells_bearing_the_receptor(shipped):
    text = "PD-L1 and PD-L2 on licensed MSCs engage PD-1 on activated T cells and dampen their proliferation."
    found = claims(shipped, text)
    assert {("TARGETS", "PD-L1", "T cell"), ("TARGETS", "PD-L2", "T cell")} <= found
    assert ("TARGETS", "MSC", "T cell") not in found
    # "on" after a verb is no surface: the factor relied on is the agent, not the one before
    text = "Mouse MSCs express little IDO and rely on inducible nitric oxide synthase (iNOS) to suppress T cells."
    assert ("TARGETS", "IDO", "T cell") not in claims(shipped, text)
    text = "PGE2 acts through EP2 and EP4 receptors on macrophages to raise their IL-10 output."
    assert {("ACTIVATES", "PGE2", "EP2"), ("TARGETS", "PGE2", "macrophage")} <= claims(shipped, text)


def test_the_cells_a_factor_was_knocked_down_in_may_stand_before_the_verb_of_the_loss(shipped):
    # LX-2 cells are hepatic stellate cells (the vocabulary lists the line under its cell type)
    assert ("MEDIATES", "Nrf2 signalling", "anti-fibrosis") in claims(
        shipped, "Knockdown of Nrf2 in LX-2 cells abolished the antifibrotic effect of EVs.")
    assert ("TREATS", "umbilical cord", "ascites") in claims(shipped, "UC-MSCs also reduced ascites in these patients.")


@pytest.mark.parametrize("text, present, absent", [
    # a fall the loss undid, named by an infinitive: the factor lowers what the cells lost the ability to lower
    ("Knockdown of TSG-6 in ADSCs with siRNA abolished their ability to lower synovial IL-1β.",
     ("INHIBITS", "TSG-6", "IL-1β"), ("ACTIVATES", "TSG-6", "IL-1β")),
    # what a factor preserves, it keeps up
    ("GMSCs also secreted TSG-6, which preserved the tight-junction proteins ZO-1 and occludin.",
     ("ACTIVATES", "TSG-6", "occludin"), ("INHIBITS", "TSG-6", "occludin")),
    # the treatment is the subject of "restored", not the factors of the clause before
    ("In colitic mice, ZO-1 and occludin were lost from the epithelium, and GMSC treatment restored both proteins.",
     None, ("ACTIVATES", "ZO-1", "occludin")),
    # two factors that each changed: the first verb has no object
    ("Cleaved caspase-3 decreased and Bcl-2 increased in cartilage from ADSC-treated rats.",
     None, ("INHIBITS", "caspase-3", "Bcl-2")),
    # "it" opening a clause of its own stands for the factor the sentence opened with, past "Recombinant"
    ("Recombinant TSG-6 suppressed NF-κB nuclear translocation in IL-1β-stimulated chondrocytes, and it lowered "
     "MMP-13 expression by 40%.", ("INHIBITS", "TSG-6", "MMP-13"), ("TARGETS", "MSC", "chondrocyte")),
    # an inducer glued to the disease's name is part of the object, not a second group passed over
    ("Here, we examined gingiva-derived MSCs (GMSCs) in dextran sulfate sodium (DSS)-induced colitis in mice.",
     ("INVESTIGATED_FOR", "gingiva", "colitis"), ("TREATS", "gingiva", "colitis")),
    # a factor that the protection is from: the modifier is the object when nothing after it fits
    ("They secreted TSG-6 and PGE2, which dampen synovial inflammation and protect chondrocytes from IL-1β-induced "
     "catabolism.", ("INHIBITS", "TSG-6", "IL-1β"), ("ACTIVATES", "TSG-6", "IL-1β")),
    # a stimulus after an amount and a comparison: the stimulus raises the factor
    ("GMSCs secreted 3-fold more TSG-6 than fibroblasts when stimulated with TNF-α.",
     ("ACTIVATES", "TNF-α", "TSG-6"), ("SECRETES", "gingiva", "TNF-α")),
    # cells whose share changed after the MSCs were given (a decimal point is no sentence end)
    ("In the lamina propria, the proportion of IL-17A+ CD4+ T cells decreased from 14.2% to 6.3% after GMSC "
     "treatment.", ("TARGETS", "gingiva", "CD4+ T cell"), None),
    ("The proportion of regulatory T cells among CD4+ T cells increased after MSC infusion.",
     None, ("TARGETS", "MSC", "CD4+ T cell")),
    # a neutralised factor: what came back, it held down
    ("IL-10 neutralisation, by contrast, did not change α-SMA but restored the expression of the chemokine CCL2.",
     ("INHIBITS", "IL-10", "CCL2"), ("ACTIVATES", "IL-10", "CCL2")),
    # the drug that blocks a factor is no agent of the factor's own
    ("The pro-apoptotic effect of conditioned medium was blocked by the anti-c-Met antibody.",
     None, ("INHIBITS", "c-Met", "conditioned medium")),
    # "and of" repeats the noun's preposition: both markers are absent from the cells named after them
    ("This is consistent with the absence of HLA class II and of the costimulatory molecules CD80 and CD86 on "
     "culture-expanded adipose MSCs.", ("EXPRESSES", "adipose tissue", "CD86"), None),
    # cells that inhibit a disease's growth treat it (as when they reduce it)
    ("IFN-β-expressing bone marrow MSCs inhibited the growth of melanoma and breast cancer xenografts.",
     ("TREATS", "bone marrow", "breast cancer"), None),
    # the cartilage's expression, not the cells'
    ("Conversely, ADSCs reduced the cartilage expression of MMP-13 by 58%.",
     None, ("EXPRESSES", "adipose tissue", "MMP-13")),
])
def test_wordings_read_in_the_forty_third_batch(text, present, absent, shipped):
    """(each ``present`` or ``absent`` a (type, subject, object) triple; ``present`` may be None)"""
    got = claims(shipped, text)
    assert absent is None or absent not in got, got
    assert present is None or present in got, got


def test_what_msc_made_to_lose_a_factor_failed_to_do_the_factor_does(shipped):
    def flagged(text):
        return {(c.type, c.subject.name, c.object.name, c.negated) for c in extract(shipped, make_document(text))}
    assert ("INHIBITS", "CD73", "IL-17A", False) in flagged(
        "GMSCs in which CD73 had been knocked down failed to reduce weight loss or IL-17 levels.")
    got = flagged("GMSCs transfected with TSG-6 siRNA did not restore ZO-1 or occludin.")
    assert ("ACTIVATES", "TSG-6", "ZO-1", False) in got and not any(c[0] == "INHIBITS" for c in got)
    # a verb of loss keeps its own reading: the cells lost a fall, so the factor lowers
    assert ("INHIBITS", "TSG-6", "MMP-9", False) in flagged(
        "MSCs transfected with TSG-6 siRNA lost most of these effects, including the reduction of MMP-9.")


def test_respectively_pairs_subjects_and_objects_in_the_order_written(shipped):
    text = ("IFN-γ also upregulates PD-L1 and HLA-G on MSCs, which engage PD-1 on T cells and ILT2 on NK cells, "
            "respectively.")
    found = claims(shipped, text)
    # the factors on the MSCs are what "which" stands for, not the MSCs
    assert {("TARGETS", "PD-L1", "T cell"), ("TARGETS", "HLA-G", "NK cell")} <= found
    assert not {("TARGETS", "PD-L1", "NK cell"), ("TARGETS", "HLA-G", "T cell"), ("TARGETS", "MSC", "T cell")} & found
    found = claims(shipped, "Bone marrow and adipose MSCs secreted VEGF and HGF, respectively.")
    assert {("SECRETES", "bone marrow", "VEGF"), ("SECRETES", "adipose tissue", "HGF")} <= found
    assert ("SECRETES", "bone marrow", "HGF") not in found


def test_a_rise_named_again_and_undone_by_an_agent_or_a_blocking_drug(shipped):
    text = ("IL-1β stimulated MMP-13 and ADAMTS-5 expression in chondrocytes, and this induction was blunted by "
            "conditioned medium from ADSCs.")
    assert {("INHIBITS", "conditioned medium", "MMP-13"), ("INHIBITS", "conditioned medium", "ADAMTS-5")} <= claims(
        shipped, text)
    text = ("MSCs increased IL-10 production by macrophages, and this increase was blocked by antagonists of the EP2 "
            "and EP4 receptors but not by an EP1/EP3 antagonist.")
    got = {(c.type, c.subject.name, c.object.name, c.negated) for c in extract(shipped, make_document(text))}
    assert {("ACTIVATES", "EP2", "IL-10", False), ("ACTIVATES", "EP4", "IL-10", False),
            ("ACTIVATES", "EP1", "IL-10", True)} <= got
    assert not any(c[0] == "INHIBITS" for c in got)


@pytest.mark.parametrize("text, unwanted", [
    # "activated" names the second cells of a list after "by"; it is no verb of the factors far before
    ("RANKL expressed by synovial fibroblasts and activated T cells promotes osteoclast differentiation.",
     ("TARGETS", "RANKL", "T cell")),
    # what does not fit after ", and" opens a clause of its own: the verb before it reaches no cells beyond it
    ("TNF-α and IL-6 drive synovial inflammation, and RANKL expressed by synovial fibroblasts promotes bone loss.",
     ("TARGETS", "TNF-α", "fibroblast-like synoviocyte")),
    # "lower" as a comparative has no subject between it and the cells ("trials examined MSCs for X" has one)
    ("Treated mice had lower serum TNF-α and IL-6 and more regulatory T cells.", ("TARGETS", "TNF-α", "regulatory T cell")),
])
def test_no_agent_across_a_list_of_cells_a_new_clause_or_a_comparative(shipped, text, unwanted):
    assert unwanted not in claims(shipped, text)


def test_a_participle_after_and_with_no_preposition_before_the_list_is_a_verb(shipped):
    assert ("TARGETS", "MSC", "T cell") in claims(shipped, "MSCs inhibited B cells and activated T cells.")


def test_a_glued_form_after_and_takes_the_entity_it_is_glued_to(shipped):
    found = claims(shipped, "MSCs attenuate EAE through IL-10-dependent suppression of Th17 cells and "
                            "HGF-dependent remyelination.")
    assert ("MEDIATES", "HGF", "remyelination") in found
    assert ("MEDIATES", "IL-10", "remyelination") not in found


@pytest.mark.parametrize("text, expected", [
    ("There were fewer CD4+ T cells in mice given MSCs.", ("TARGETS", "MSC", "CD4+ T cell")),
    ("IL-6 decreased in rats treated with EVs.", ("INHIBITS", "extracellular vesicles", "IL-6")),
])
def test_the_animals_of_an_arm_and_what_they_were_given(shipped, text, expected):
    assert expected in claims(shipped, text)


def test_cells_made_to_express_a_factor_are_the_arm_not_the_factor(shipped):
    text = "IL-1β was lower, whereas IL-10 was higher, in rats treated with CXCR4-MSCs."
    assert not {c for c in claims(shipped, text) if c[1] == "CXCR4"}


def test_expression_in_a_tissue_of_the_animals_is_not_the_topic_cells(shipped):
    text = "Mice were given MSCs. Expression of claudin-5 in spinal cord vessels was preserved."
    assert ("EXPRESSES", "MSC", "claudin-5") not in claims(shipped, text)
    # expression in culture is still the cells' own
    assert ("EXPRESSES", "MSC", "CD73") in claims(shipped, "MSCs were expanded. Expression of CD73 in culture was stable.")


def test_a_stimulus_before_a_priming_noun_is_no_second_object_of_secretion(shipped):
    text = "After IFN-γ licensing, galectin-9 secretion rose six-fold in BM-MSCs."
    assert {c for c in claims(shipped, text) if c[0] == "SECRETES"} == {("SECRETES", "bone marrow", "galectin-9")}


@pytest.mark.parametrize("text, expected", [
    ("Wharton's jelly MSCs preserve C-peptide in new-onset type 1 diabetes.",
     ("TREATS", "Wharton's jelly", "type 1 diabetes")),
    ("Exosomes preserve cardiomyocytes after infarction.", ("TARGETS", "exosomes", "cardiomyocyte")),
])
def test_preserving_cells_acts_on_them_and_preserving_in_a_disease_treats_it(shipped, text, expected):
    assert expected in claims(shipped, text)


def test_promoting_treg_differentiation_acts_on_the_tregs(shipped):
    # as "the expansion of regulatory T cells" does: the cells, not a mechanism of their own
    assert claims(shipped, "TGF-β1 promotes Treg differentiation.") == {("TARGETS", "TGF-β1", "regulatory T cell")}


@pytest.mark.parametrize("text, expected", [
    # mesenchymal precursor cells are MSCs; the abbreviation the text defines keeps their tissue
    ("Rexlemestrocel-L is made of bone marrow-derived mesenchymal precursor cells (MPCs). MPC-derived TSG-6 may "
     "limit inflammation.", ("SECRETES", "bone marrow", "TSG-6")),
    ("MSCs were immunoselected for STRO-3.", ("EXPRESSES", "MSC", "STRO-3")),
    # "here" after a reduced relative ("used here") is no sign that the verb after it is a participle
    ("The MSCs used here expressed CD73.", ("EXPRESSES", "MSC", "CD73")),
])
def test_precursor_cells_selection_markers_and_cells_used_here(shipped, text, expected):
    assert expected in claims(shipped, text)


def test_stimuli_after_in_response_to_raise_each_factor_the_cells_make(shipped):
    found = claims(shipped, "Adipose MSCs act by expressing IDO and secreting PGE2 in response to IFN-γ and TNF-α.")
    assert {c for c in found if c[0] == "ACTIVATES"} == {
        ("ACTIVATES", s, f) for s in ("IFN-γ", "TNF-α") for f in ("IDO", "PGE2")}


@pytest.mark.parametrize("text, expected", [
    ("SDF-1 recruited endothelial progenitor cells through its receptor CXCR4.",
     {("TARGETS", "CXCL12", "endothelial progenitor cell"), ("ACTIVATES", "CXCL12", "CXCR4")}),
    # the cells that hold the measure may stand between it and its rise
    ("Miro1 levels in MSCs rose after exposure to TNF-α.", {("ACTIVATES", "TNF-α", "Miro1")}),
])
def test_past_recruiting_and_a_measure_in_the_cells_raised_by_a_stimulus(shipped, text, expected):
    assert claims(shipped, text) >= expected


@pytest.mark.parametrize("text, expected", [
    # the clause protects "them", the cells the pathway works in: its subject is the pathway
    ("VEGF activates the PI3K/Akt pathway in endothelial cells, which protects them from apoptosis and sustains "
     "nitric oxide production.", {("MEDIATES", "PI3K/AKT signalling", "anti-apoptosis"),
                                  ("ACTIVATES", "PI3K/AKT signalling", "nitric oxide")}),
    ("IL-6 activates JAK/STAT signalling in cardiomyocytes, which protects them from apoptosis.",
     {("MEDIATES", "JAK/STAT", "anti-apoptosis")}),
])
def test_a_relative_clause_that_protects_the_cells_is_said_of_what_acts_in_them(shipped, text, expected):
    found = claims(shipped, text)
    assert found >= expected
    assert not any(c[1] in ("endothelial cell", "cardiomyocyte") for c in found)
    assert ("INHIBITS", "PI3K/AKT signalling", "nitric oxide") not in found


def test_a_passive_verb_after_a_relative_clause_takes_the_noun_phrase_before_the_clause(shipped):
    found = claims(shipped, "The PI3K/Akt pathway, which protects cardiomyocytes from apoptosis, is activated by HGF.")
    assert ("ACTIVATES", "HGF", "PI3K/AKT signalling") in found
    assert ("ACTIVATES", "HGF", "apoptosis") not in found


def test_general_harm_in_named_diseases_treats_the_diseases(shipped):
    found = claims(shipped, "EVs reduced tissue damage in acute kidney injury, myocardial infarction and "
                            "graft-versus-host disease.")
    assert {c for c in found if c[0] == "TREATS"} == {
        ("TREATS", "extracellular vesicles", d)
        for d in ("acute kidney injury", "myocardial infarction", "graft-versus-host disease")}


def test_cells_after_an_opening_when_clause_and_a_verb_right_after_its_cells(shipped):
    found = claims(shipped, "MSCs were studied. When exposed to TNF-α, the cells upregulate cyclooxygenase-2 and "
                            "release prostaglandin E2.")
    assert {("SECRETES", "MSC", "PGE2"), ("ACTIVATES", "TNF-α", "PGE2")} <= found
    # "MSCs release" is a verb after its subject, not the noun "release" of the stimulus before them
    assert ("SECRETES", "MSC", "TNF-α") not in claims(shipped, "When exposed to TNF-α, MSCs release PGE2.")


@pytest.mark.parametrize("text, expected", [
    # a mechanism the vocabulary says works on cells, named with those cells, acts on them as well
    ("PGE2 promotes the polarisation of macrophages.",
     {("MEDIATES", "PGE2", "macrophage polarization"), ("TARGETS", "PGE2", "macrophage")}),
    ("TSG-6 drives macrophage polarization.",
     {("MEDIATES", "TSG-6", "macrophage polarization"), ("TARGETS", "TSG-6", "macrophage")}),
])
def test_a_mechanism_of_named_cells_also_acts_on_the_cells(shipped, text, expected):
    assert claims(shipped, text) == expected


def test_m2_polarisation_without_the_cells_named_acts_on_no_cells(shipped):
    assert claims(shipped, "EVs promote M2 polarisation.") == {
        ("MEDIATES", "extracellular vesicles", "macrophage polarization")}


@pytest.mark.parametrize("text, expected", [
    # "it" after a sentence that opened with conditioned medium is that medium, as "they" is the vesicles
    ("Conditioned medium from primed cells reduced epidermal thickness in mice with psoriasis-like dermatitis. It "
     "lowered IL-17A and decreased the number of Th17 cells.",
     {("TREATS", "conditioned medium", "psoriasis"), ("INHIBITS", "conditioned medium", "IL-17A"),
      ("TARGETS", "conditioned medium", "Th17 cell")}),
    ("Topical sEVs accelerate closure of diabetic wounds in db/db mice.",
     {("TREATS", "exosomes", "diabetic foot ulcer")}),
    ("MSC-TRAIL was safe but showed no clear antitumor activity in metastatic lung adenocarcinoma.",
     {("TREATS", "MSCTRAIL", "lung adenocarcinoma")}),
    ("MSC-TRAIL should be regarded as an investigational agent for lung adenocarcinoma.",
     {("INVESTIGATED_FOR", "MSCTRAIL", "lung adenocarcinoma")}),
])
def test_medium_as_it_primed_cells_as_subject_wound_closure_and_antitumour_activity(shipped, text, expected):
    assert claims(shipped, text) == expected


def test_no_clear_antitumour_activity_denies_the_benefit(shipped):
    text = "MSC-TRAIL was safe but showed no clear antitumor activity in metastatic lung adenocarcinoma."
    [claim] = extract(shipped, make_document(text))
    assert claim.negated


def test_primed_cells_within_a_sentence_stand_for_the_cells_named_before(shipped):
    found = claims(shipped, "Umbilical cord MSCs were studied. She reported that IFN-γ raised IDO, and that primed "
                            "cells suppressed the proliferation of T cells.")
    assert ("TARGETS", "umbilical cord", "T cell") in found
    assert ("TARGETS", "IDO", "T cell") not in found


def test_cells_named_beside_a_mechanism_that_does_not_name_them_are_not_acted_on(shipped):
    found = claims(shipped, "TSG-6-mediated M2 polarization was lost in macrophages from CD44-deficient mice.")
    assert ("TARGETS", "TSG-6", "macrophage") not in found


@pytest.mark.parametrize("text, expected", [
    ("Psoriasis is a chronic skin disease sustained by IL-23 and IL-17A.",
     {("IMPLICATED_IN", "IL-23", "psoriasis"), ("IMPLICATED_IN", "IL-17A", "psoriasis")}),
    # where blocked cells migrate is no factor they change
    ("Homing depended at least in part on CXCR4, because blocking CXCR4 on the cells reduced their migration toward "
     "SDF-1.", {("MEDIATES", "CXCR4", "homing")}),
])
def test_a_disease_sustained_by_factors_and_migration_toward_a_chemokine(shipped, text, expected):
    assert claims(shipped, text) == expected


def test_a_factor_before_release_with_an_object_of_its_own_is_no_release_of_that_factor(shipped):
    found = claims(shipped, "Wharton's jelly MSCs licensed with IFN-γ and TNF-α release a secretome.")
    assert ("SECRETES", "Wharton's jelly", "secretome") in found
    assert not {("SECRETES", "Wharton's jelly", f) for f in ("IFN-γ", "TNF-α")} & found


@pytest.mark.parametrize("text, expected", [
    # the treated arm a sentence opens with, and levels named after the factor
    ("In EV-treated wounds, IL-10 levels rose and TNF-α levels fell.",
     {("ACTIVATES", "extracellular vesicles", "IL-10"), ("INHIBITS", "extracellular vesicles", "TNF-α")}),
    ("TGF-β1 levels rose after EV treatment.", {("ACTIVATES", "extracellular vesicles", "TGF-β1")}),
    # a copula and a verb of opinion after "and" keep the subject of the verb before
    ("IL-1β and TNF-α act through NF-κB signalling and are considered central drivers of disc degeneration.",
     {("ACTIVATES", "IL-1β", "NF-κB signalling"), ("ACTIVATES", "TNF-α", "NF-κB signalling"),
      ("IMPLICATED_IN", "IL-1β", "intervertebral disc degeneration"),
      ("IMPLICATED_IN", "TNF-α", "intervertebral disc degeneration")}),
])
def test_a_fronted_treated_arm_levels_and_drivers_of_a_disease(shipped, text, expected):
    assert claims(shipped, text) == expected


def test_claims_restated_in_a_retraction_note_are_hedged_and_a_correction_ends_the_doubt(shipped):
    text = ("The Editors have retracted this article. The article reported that UC-MSCs secreted HGF. "
            "Correction to: Adipose MSCs in arthritis. The corrected sentence reads that adipose MSCs secreted IL-6. "
            "Editorial Expression of Concern. It also reported that the cells secreted TGF-β.")
    found = {(c.object.name, c.hedged) for c in extract(shipped, make_document(text)) if c.type == "SECRETES"}
    assert found == {("HGF", True), ("IL-6", False), ("TGF-β", True)}


def test_clot_retraction_is_no_notice(shipped):
    [claim] = extract(shipped, make_document("Clot retraction was normal. MSCs secreted HGF."))
    assert not claim.hedged


def test_explored_as_an_approach_to_a_disease_investigates_it(shipped):
    assert claims(shipped, "Transplantation of MSCs, which produce type I collagen, has been explored as a cell-based "
                           "approach to OI.") == {("SECRETES", "MSC", "collagen I"),
                                                  ("INVESTIGATED_FOR", "MSC", "osteogenesis imperfecta")}


@pytest.mark.parametrize("text, expected", [
    ("Osteogenic differentiation is governed by RUNX2.", {("MEDIATES", "RUNX2", "osteogenic differentiation")}),
    ("Chondrogenesis is orchestrated by SOX9.", {("MEDIATES", "SOX9", "chondrogenic differentiation")}),
    ("VEGF couples angiogenesis to bone formation.", {("MEDIATES", "VEGF", "angiogenesis")}),
])
def test_a_process_governed_by_a_factor_and_a_factor_that_couples_processes(shipped, text, expected):
    assert claims(shipped, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Conditioned medium suppressed NF-κB activation in LPS-stimulated microglia.",
     {("INHIBITS", "conditioned medium", "NF-κB signalling"), ("TARGETS", "conditioned medium", "microglia")}),
    ("Recombinant GDF-5 reduced apoptosis of IL-1β-treated NP cells.",
     {("MEDIATES", "GDF-5", "anti-apoptosis"), ("TARGETS", "GDF-5", "nucleus pulposus cell")}),
    # cells that are the agent of the change are no cells acted on
    ("The assay measures suppression of TNF-α release by LPS-stimulated macrophages.", set()),
])
def test_cells_a_stimulus_is_glued_to_are_the_cells_acted_in(shipped, text, expected):
    assert claims(shipped, text) == expected


def test_cells_that_repolarise_macrophages_act_on_them(shipped):
    assert claims(shipped, "Adipose MSCs repolarised synovial macrophages.") == {
        ("TARGETS", "adipose tissue", "macrophage")}


@pytest.mark.parametrize("text, expected", [
    ("IL-10 would in turn restrain TNF-α release.", {("INHIBITS", "IL-10", "TNF-α")}),
    # the head before a reduced relative whose noun phrase opens with the cells' tissue
    ("miR-29 enriched in umbilical cord MSC-EVs has been reported to restrain TGF-β/Smad3 signalling.",
     {("SECRETES", "umbilical cord", "extracellular vesicles"), ("INHIBITS", "miR-29", "TGF-β/Smad")}),
    # a second agent with an infinitive of its own is no object of the first
    ("UC-MSCs use IDO to restrain T cells and TSG-6 to reprogram macrophages.",
     {("TARGETS", "IDO", "T cell"), ("TARGETS", "TSG-6", "macrophage")}),
])
def test_restrain_lowers_what_follows_and_its_subject_and_objects(shipped, text, expected):
    assert claims(shipped, text) == expected


def test_the_cells_others_are_derived_from_only_qualify_them(shipped):
    assert claims(shipped, "Licensed BM-MSCs drive monocyte-derived macrophages toward M2 polarization.") == {
        ("TARGETS", "bone marrow", "macrophage")}


# a gene's GeneRIF list: the title opens with the gene, and its lines open on their verbs
GENE_TITLE = {"title": "TNFAIP6 - TNF alpha induced protein 6 (TSG-6) [Homo sapiens (human)], Gene ID: 7130"}


@pytest.mark.parametrize("text, expected", [
    ("Reduces the expression of IL-1β and IL-6 in chondrocytes.",
     {("INHIBITS", "TSG-6", "IL-1β"), ("INHIBITS", "TSG-6", "IL-6"), ("TARGETS", "TSG-6", "chondrocyte")}),
    ("Accounts for much of the anti-inflammatory activity of MSCs.",
     {("MEDIATES", "TSG-6", "anti-inflammatory effect")}),
    # a plural noun opening the line is no verb of the gene's
    ("Increases in IL-6 were seen in colitis.", set()),
    # nor is a question
    ("Reduces the expression of IL-1β and IL-6?", set()),
])
def test_a_line_of_a_gene_s_entry_that_opens_on_its_verb_has_the_gene_for_subject(shipped, text, expected):
    assert claims(shipped, text, metadata=GENE_TITLE) == expected


def test_a_line_opening_on_a_verb_has_no_subject_outside_a_gene_s_entry(shipped):
    assert claims(shipped, "Reduces the expression of IL-1β and IL-6.", metadata={"title": "MSCs in colitis"}) \
        == set()


@pytest.mark.parametrize("text, expected", [
    # less of a factor doing less: the factor does it
    ("Reduced HMGB1 release dampens activation of caspase-1.", {("ACTIVATES", "HMGB1", "caspase-1")}),
    # a fall in the middle of a sentence is no subject of this kind
    ("MSC exosomes reduced HMGB1 release and dampened caspase-1 activation.",
     {("SECRETES", "MSC", "exosomes"), ("INHIBITS", "exosomes", "HMGB1"), ("INHIBITS", "exosomes", "caspase-1")}),
])
def test_a_factor_whose_output_falls_at_the_opening_acts_the_opposite_way(shipped, text, expected):
    assert claims(shipped, text) == expected


def test_cells_stimulated_with_factors_are_no_verb_of_the_factor_before_them(shipped):
    assert claims(shipped, "HGF reduced IL-6 expression in astrocytes stimulated with IL-1α and TNF-α.") == {
        ("INHIBITS", "HGF", "IL-6"), ("TARGETS", "HGF", "astrocyte")}


def test_initiating_a_cascade_activates_it(shipped):
    assert claims(shipped, "Tissue factor initiates the coagulation cascade.") == {
        ("ACTIVATES", "tissue factor", "blood coagulation")}


def test_a_ligand_that_activates_cells_through_a_receptor_activates_the_receptor(shipped):
    assert ("ACTIVATES", "HGF", "c-Met") in claims(shipped, "HGF activates hepatocytes through c-Met.")
    # a receptor after a lowering verb is no receptor the agent activates
    assert ("ACTIVATES", "IL-10", "c-Met") not in claims(shipped, "IL-10 suppresses hepatocytes through c-Met.")


def test_a_short_form_spelled_by_the_last_words_of_its_definition_keeps_its_own_meaning(shipped):
    # "GVHD" spells "graft-versus-host disease" without "acute": it is graft-versus-host disease, not the acute form
    text = "Acute graft-versus-host disease (GVHD) kills most patients. MSCs reduced GVHD in mice."
    assert claims(shipped, text) == {("TREATS", "MSC", "graft-versus-host disease")}
    # a narrower name whose initials the short form does not spell still narrows it
    assert claims(shipped, "Knee osteoarthritis (OA) is common. MSCs treat OA.") == {
        ("TREATS", "MSC", "knee osteoarthritis")}


def test_these_factors_are_the_last_list_the_sentence_before_named(shipped):
    text = ("Live MSCs still matter, because IFN-γ from activated T cells licenses them to express IDO, PGE2 and "
            "TSG-6. These factors suppress T cell proliferation.")
    got = claims(shipped, text)
    # not IFN-γ, which licenses the cells; "them" are the MSCs; the stimulus behind the cells it comes from
    assert {("TARGETS", "IDO", "T cell"), ("TARGETS", "PGE2", "T cell"), ("TARGETS", "TSG-6", "T cell"),
            ("EXPRESSES", "MSC", "IDO"), ("ACTIVATES", "IFN-γ", "IDO"), ("ACTIVATES", "IFN-γ", "TSG-6")} <= got, got
    assert ("TARGETS", "IFN-γ", "T cell") not in got
    # a member's short name in brackets does not cut the list
    text = "UC-MSCs release TGF-β1, hepatocyte growth factor (HGF) and TSG-6. These proteins protect chondrocytes."
    assert {("TARGETS", name, "chondrocyte") for name in ("TGF-β1", "HGF", "TSG-6")} <= claims(shipped, text)


# (text, claims it must give, claims it must not give)
HELDOUT50_CONSTRUCTIONS = [
    # what cells exposed to an agent make less or more of
    ("Dendritic cells exposed to MSC-conditioned medium expressed less CD86 and more IL-10.",
     {("INHIBITS", "conditioned medium", "CD86"), ("ACTIVATES", "conditioned medium", "IL-10"),
      ("TARGETS", "conditioned medium", "dendritic cell")}, set()),
    # what an effect does without
    ("MSC-conditioned medium suppresses Th17 differentiation independently of IDO.",
     {("TARGETS", "conditioned medium", "Th17 cell")}, {("INHIBITS", "conditioned medium", "IDO")}),
    # factors held in the cells' secretome
    ("PGE2 and TSG-6 in the MSC secretome drive regulatory T cell expansion.",
     {("SECRETES", "MSC", "PGE2"), ("SECRETES", "MSC", "TSG-6")}, set()),
    # restoring a process is mediating it
    ("KGF restored alveolar fluid clearance.", {("MEDIATES", "KGF", "alveolar fluid clearance")}, set()),
    # the disease of the model a harm was reduced in, after the harm or opening the sentence
    ("Intravenous MSCs reduced lung oedema and protein leak in a mouse model of ARDS.",
     {("TREATS", "MSC", "pulmonary edema"), ("TREATS", "MSC", "ARDS")}, set()),
    ("In mice with acute lung injury, UC-MSCs reduced lung edema.",
     {("TREATS", "umbilical cord", "pulmonary edema"), ("TREATS", "umbilical cord", "acute lung injury")}, set()),
    # the expression that vesicles restore is the tissue's, not the cells' the vesicles came from
    ("BM-MSC-EVs were given to rats. EVs suppressed STAT3 and restored BMPR2 expression.",
     {("ACTIVATES", "extracellular vesicles", "BMPR2")}, {("EXPRESSES", "bone marrow", "BMPR2")}),
    # a connective adverb before the verb
    ("We therefore tested UC-MSCs in two avian influenza models.",
     {("INVESTIGATED_FOR", "umbilical cord", "avian influenza")}, set()),
]


def test_an_outcome_that_did_not_differ_between_arms_denies_the_benefit(shipped):
    text = ("Protocol 280 randomized adults with steroid-refractory acute GVHD to remestemcel-L or placebo, and "
            "durable complete response did not differ between arms.")
    [claim] = extract(shipped, make_document(text))
    assert (claim.type, claim.subject.name, claim.negated) == ("TREATS", "Ryoncil", True)


def test_an_effect_whose_evidence_is_less_clear_is_hedged(shipped):
    [claim] = extract(shipped, make_document("Whether MSCs can help in viral pneumonia is less clear."))
    assert (claim.type, claim.object.name, claim.hedged) == ("INVESTIGATED_FOR", "viral pneumonia", True)


def test_a_study_table_names_its_products_and_their_approvals_in_any_cell(shipped):
    # a table pasted one cell per line (the reader's fixture)
    found = extract(shipped, read_document(READER_FIXTURES / "plain_cell_per_line_table.txt"))
    got = {(c.type, c.subject.name, c.object.name, c.negated) for c in found}
    disease = "steroid-refractory acute graft-versus-host disease"
    assert {("TREATS", "Ryoncil", disease, True), ("DERIVED_FROM", "Ryoncil", "bone marrow", False),
            ("TREATS", "Temcell HS Inj.", disease, False), ("APPROVED_FOR", "Temcell HS Inj.", disease, False),
            ("DERIVED_FROM", "Temcell HS Inj.", "bone marrow", False)} <= got, got
    assert ("APPROVED_FOR", "Ryoncil", disease, False) not in got
    [approval] = [c for c in found if c.type == "APPROVED_FOR"]
    assert dict(approval.properties).get("country") == "Japan"


# (text, claims it must give, claims it must not give)
HELDOUT50_SUBJECTS = [
    # the past tense of "acts through"
    ("PGE2 acted through the EP4 receptor on naive CD4+ T cells.",
     {("ACTIVATES", "PGE2", "EP4"), ("TARGETS", "PGE2", "CD4+ T cell")}, set()),
    # "increased A and decreased B" after a verb of showing: two changes, not A lowering B
    ("Lungs from rats with PAH showed increased phosphorylated STAT3 and PCNA and decreased BMPR2.",
     set(), {("INHIBITS", "STAT3", "BMPR2"), ("INHIBITS", "PCNA", "BMPR2")}),
    ("EVs reduced STAT3 and decreased BMPR2.",
     {("INHIBITS", "extracellular vesicles", "STAT3"), ("INHIBITS", "extracellular vesicles", "BMPR2")}, set()),
    # a range "from 68 to 41 mmHg" is no verb whose subject the next verb shares
    ("BM-MSC-EVs lowered pressure from 68 to 41 mmHg and reduced right ventricular hypertrophy.",
     {("TREATS", "extracellular vesicles", "right ventricular hypertrophy")},
     {("TREATS", "bone marrow", "right ventricular hypertrophy")}),
    # other cells opening the clause make what they produce
    ("MSCs die, and macrophages then produce IDO.", set(), {("SECRETES", "MSC", "IDO")}),
    ("MSCs co-cultured with T cells secreted IDO.", {("SECRETES", "MSC", "IDO")}, set()),
]


# (text, claims it must give, claims it must not give)
HELDOUT51_CONSTRUCTIONS = [
    # a change after "and" paired with a change whose subject is no entity: the first change's factor is no subject
    ("UVB increased MMP-1 secretion and reduced type I collagen synthesis.", set(),
     {("INHIBITS", "MMP-1", "collagen I")}),
    # ... but the agent of a treatment is
    ("EV treatment decreased Bax and increased Bcl-2.",
     {("INHIBITS", "extracellular vesicles", "Bax"), ("ACTIVATES", "extracellular vesicles", "Bcl-2")}, set()),
    # a list after the relative clause that describes the noun it lists members of
    ("The umbilical cord cells release natural substances that help the injured lung to heal, such as KGF and IL-10.",
     {("SECRETES", "umbilical cord", "KGF"), ("SECRETES", "umbilical cord", "IL-10")}, set()),
    # an outcome associated with the cells, better: a benefit
    ("Autologous bone marrow MSCs were associated with better amputation-free survival in critical limb ischaemia.",
     {("TREATS", "bone marrow", "critical limb ischemia")}, set()),
    ("VEGF and HGF promote arteriogenesis.",
     {("MEDIATES", "VEGF", "arteriogenesis"), ("MEDIATES", "HGF", "arteriogenesis")}, set()),
    # an opening setting is no member of a list in the clause after its comma
    ("In cisplatin nephrotoxicity, IGF-1 secreted by MSCs preserves tubular cell proliferation.",
     {("SECRETES", "MSC", "IGF-1")}, {("SECRETES", "MSC", "cisplatin")}),
    # an opening setting named with its animal and a hyphenated cause
    ("In rodent ischemia-reperfusion AKI, MSCs protect tubular epithelial cells from apoptosis.",
     {("TREATS", "MSC", "acute kidney injury")}, set()),
    # a package leaflet's plain words: cells "called" by their name, where they are "taken from", what a disease is
    ("The umbilical cord cells also help white blood cells called macrophages to clear fluid.",
     {("TARGETS", "umbilical cord", "macrophage")}, {("TARGETS", "umbilical cord", "leukocyte")}),
    ("Ryoncil contains living cells called mesenchymal stromal cells, which are taken from the bone marrow of donors.",
     {("DERIVED_FROM", "Ryoncil", "bone marrow")}, {("DERIVED_FROM", "Ryoncil", "MSC")}),
    ("MSCs are used to treat adults with acute respiratory distress syndrome (ARDS), a sudden, serious lung injury.",
     {("TREATS", "MSC", "ARDS")}, {("TREATS", "MSC", "lung injury")}),
]


def test_what_a_product_is_not_for_is_a_denied_indication(shipped):
    found = extract(shipped, make_document("Ryoncil is not for mild ARDS, and it is not for idiopathic pulmonary "
                                           "fibrosis. Ryoncil is for children with steroid-refractory acute GVHD."))
    got = {(c.type, c.subject.name, c.object.name, c.negated) for c in found}
    assert {("TREATS", "Ryoncil", "ARDS", True), ("TREATS", "Ryoncil", "idiopathic pulmonary fibrosis", True),
            ("TREATS", "Ryoncil", "steroid-refractory acute graft-versus-host disease", False)} <= got, got


def test_scarring_is_a_process_not_a_disease(shipped):
    # the held-out golds never take "scarring" for a disease: reducing it is the anti-fibrotic effect
    assert not any(c[2] == "scar" for c in claims(shipped, "Local MSC therapy could reduce scarring after burns."))
    assert ("TREATS", "MSC", "scar") in claims(shipped, "MSCs improved the appearance of the scar.")


# read off heldout52 (session 32)
HELDOUT52_CONSTRUCTIONS = [
    # a factor glued to "-secreting" before the cells names what they make; the cells act
    ("In DSS colitis, IL-10-secreting BM-MSCs lowered colonic IL-17A and RORγt.",
     {("SECRETES", "bone marrow", "IL-10"), ("TREATS", "bone marrow", "colitis")},
     {("INHIBITS", "IL-10", "IL-17A"), ("INHIBITS", "IL-10", "RORγt")}),
    # what vesicles (or the pronoun standing for them) raise is not expressed by the cells named before
    ("Extracellular vesicles from umbilical cord MSCs carry VEGF, and in our rat model they increased eNOS "
     "expression in the penis.",
     {("ACTIVATES", "extracellular vesicles", "eNOS")}, {("EXPRESSES", "umbilical cord", "eNOS")}),
    ("In skeletal muscle of diabetic mice, adipose-derived MSC exosomes increased GLUT4 expression.",
     {("ACTIVATES", "exosomes", "GLUT4")}, {("EXPRESSES", "skeletal muscle", "GLUT4")}),
    # (but cells treated with a stimulus are what raised their own output)
    ("MSCs treated with norepinephrine increased exosome secretion threefold.",
     {("SECRETES", "MSC", "exosomes")}, set()),
    # a study's aim: assessed, not claimed
    ("We aimed to assess the safety and efficacy of UC-MSCs in patients with PBC.",
     {("INVESTIGATED_FOR", "umbilical cord", "primary biliary cholangitis")},
     {("TREATS", "umbilical cord", "primary biliary cholangitis")}),
    # a factor raised in patients is implicated in their disease (a present-tense fact, not a result)
    ("Th17 cells and IL-17 are increased in the livers of patients with PBC.",
     {("IMPLICATED_IN", "IL-17A", "primary biliary cholangitis")}, set()),
    ("Colonic IL-10 was increased in mice with colitis.", set(), {("IMPLICATED_IN", "IL-10", "colitis")}),
    # cells taken from patients are not the patients treated
    ("In vitro, UC-MSC conditioned medium reduced IL-17 secretion by CD4+ T cells from patients with PBC.",
     {("INHIBITS", "conditioned medium", "IL-17A")},
     {("TREATS", "conditioned medium", "primary biliary cholangitis")}),
    # markers the engineered cells kept
    ("The IL-10-secreting BM-MSCs retained CD73, CD90 and CD105.",
     {("EXPRESSES", "bone marrow", "CD73"), ("EXPRESSES", "bone marrow", "CD90"),
      ("EXPRESSES", "bone marrow", "CD105")}, set()),
    # the purpose of a finite verb does not cut its list of objects; parallel infinitives still do
    ("IL-10 signals through the IL-10 receptor and STAT3 to restrain TNF-α production.",
     {("ACTIVATES", "IL-10", "STAT3"), ("ACTIVATES", "IL-10", "IL-10 receptor")}, set()),
    ("MSCs use IDO to restrain T cells and TSG-6 to reprogram macrophages.",
     {("TARGETS", "IDO", "T cell")}, {("TARGETS", "IDO", "TSG-6")}),
    # "drives" a factor activates it; what follows ", and" with a verb of its own is no object
    ("When this signal is lost FOXO1 drives the gluconeogenic enzymes PEPCK and glucose-6-phosphatase.",
     {("ACTIVATES", "FOXO1", "PEPCK"), ("ACTIVATES", "FOXO1", "glucose-6-phosphatase")}, set()),
    ("TNF-α and IL-6 drive synovial inflammation, and RANKL expressed by synovial fibroblasts activates "
     "osteoclasts.", {("TARGETS", "RANKL", "osteoclast")}, {("ACTIVATES", "TNF-α", "RANKL")}),
    # the colitis models by their inducers' short names; macrophages grown from bone marrow are no MSC source
    ("BM-MSCs reduced weight loss in TNBS colitis, and the added benefit in TNBS colitis needs TSG-6.",
     {("TREATS", "bone marrow", "colitis")}, {("TREATS", "2,4,6-trinitrobenzenesulfonic acid", "colitis")}),
    ("Bone marrow-derived macrophages cultured in conditioned medium from MSCs expressed more CD206.",
     {("SECRETES", "MSC", "conditioned medium"), ("ACTIVATES", "conditioned medium", "CD206")},
     {("EXPRESSES", "bone marrow", "CD206"), ("EXPRESSES", "MSC", "CD206")}),
    # what cells exposed to the medium of (engineered) MSCs make more or less of is the medium's doing
    ("Macrophages exposed to conditioned medium from IL-10-secreting BM-MSCs expressed more CD206 and less IL-12.",
     {("ACTIVATES", "conditioned medium", "CD206"), ("INHIBITS", "conditioned medium", "IL-12")},
     {("EXPRESSES", "bone marrow", "CD206"), ("EXPRESSES", "bone marrow", "IL-12")}),
]


def test_a_guessed_reason_and_a_hypothesis_are_hedged(shipped):
    found = extract(shipped, make_document(
        "Unmodified BM-MSCs have given inconsistent results, possibly because they secrete little IL-10. "
        "We hypothesise that BM-MSCs suppress colitis."))
    got = {(c.type, c.subject.name, c.object.name, c.hedged) for c in found}
    assert {("SECRETES", "bone marrow", "IL-10", True), ("TREATS", "bone marrow", "colitis", True)} <= got, got
    # the reason given after "since" stays a stated fact
    stated = extract(shipped, make_document("MSCs may be useful here, since MSCs express tissue factor."))
    assert any(c.type == "EXPRESSES" and not c.hedged for c in stated), stated


def test_a_benefit_that_has_not_been_shown_is_denied(shipped):
    found = extract(shipped, make_document(
        "MSCs act on several insulin target tissues, but a durable glycaemic benefit in patients with T2DM "
        "has not been shown."))
    got = {(c.type, c.subject.name, c.object.name, c.negated) for c in found}
    assert ("TREATS", "MSC", "type 2 diabetes", True) in got, got


# read off heldout53 (session 32)
HELDOUT53_CONSTRUCTIONS = [
    # what is reduced in children (or adults, infants ...) with a disease treats that disease too
    ("Repeated UC-MSC infusion may reduce fractures in children with osteogenesis imperfecta.",
     {("TREATS", "umbilical cord", "osteogenesis imperfecta")}, set()),
    # the factors induced in cells are not agents acting on them
    ("We recommend assays that measure induction of CD206 and IL-10 in macrophages co-cultured with the product.",
     set(), {("TARGETS", "CD206", "macrophage"), ("TARGETS", "IL-10", "macrophage")}),
    # whose ability a loss abolished is no object of the loss
    ("Knockdown of TSG-6 in DPSCs with siRNA abolished the ability of their conditioned medium to increase M2 "
     "macrophages.", {("TARGETS", "conditioned medium", "M2 macrophage")},
     {("ACTIVATES", "TSG-6", "conditioned medium"), ("INHIBITS", "TSG-6", "conditioned medium")}),
]


# read off heldout54 (session 32)
HELDOUT54_CONSTRUCTIONS = [
    # a participle opening the sentence describes the entity after it; it is no verb
    ("Released Wharton's jelly MSC lots were at least 95% positive for CD73 and CD90.",
     {("EXPRESSES", "Wharton's jelly", "CD73")}, {("SECRETES", "Wharton's jelly", "CD73")}),
    # an approval supposed ("even if", "if approved") or hoped for is none
    ("Ventrimyx is an allogeneic bone marrow MSC product. Even if Ventrimyx is approved, it may cause serious "
     "adverse events, such as myocardial infarction.", {("DERIVED_FROM", "Ventrimyx", "bone marrow")},
     {("APPROVED_FOR", "Ventrimyx", "myocardial infarction")}),
    ("Ventrimyx is an allogeneic bone marrow MSC product. Statements include our expectations regarding regulatory "
     "approval of Ventrimyx for heart failure.", set(), {("APPROVED_FOR", "Ventrimyx", "heart failure")}),
    ("If approved, it would join a short list of marketed MSC products that includes Stempeucel, approved in India "
     "for critical limb ischemia.", {("APPROVED_FOR", "Stempeucel", "critical limb ischemia")}, set()),
    # a glued cause ("TLR2-driven") is no subject that later verbs share
    ("TSG-6 bound CD44 on corneal macrophages and reduced TLR2-driven NF-κB activation, lowering IL-1β and CXCL1.",
     {("INHIBITS", "TSG-6", "IL-1β"), ("INHIBITS", "TSG-6", "CXCL1")}, set()),
    # nobody named blocks what "an effect abolished by blocking" names
    ("The conditioned medium protected cholangiocytes from IL-17-induced apoptosis, an effect abolished by blocking "
     "PGE2.", set(), {("INHIBITS", "conditioned medium", "PGE2")}),
    # the cells a factor acts on, made to act ("induces them to produce"), are not the MSCs
    ("MenSCs secrete PGE2, which acts on peritoneal macrophages and induces them to produce IL-10.",
     {("SECRETES", "menstrual blood", "PGE2"), ("ACTIVATES", "PGE2", "IL-10")},
     {("SECRETES", "menstrual blood", "IL-10")}),
    # "limited" a disease treats it (its name right after the verb)
    ("MenSC treatment limited acute lung injury in septic mice.", {("TREATS", "menstrual blood", "acute lung injury")},
     set()),
    ("HGF secreted by MSCs limited glial scar formation.", set(), {("TREATS", "HGF", "scar")}),
]


@pytest.mark.parametrize("text, expected, absent",
                         HELDOUT50_CONSTRUCTIONS + HELDOUT50_SUBJECTS + HELDOUT51_CONSTRUCTIONS + HELDOUT52_CONSTRUCTIONS
                         + HELDOUT53_CONSTRUCTIONS + HELDOUT54_CONSTRUCTIONS)
def test_constructions_read_off_heldout50_to_heldout54(shipped, text, expected, absent):
    got = claims(shipped, text)
    assert expected <= got, got
    assert not absent & got, got


def test_an_approval_is_hedged_only_by_a_hedge_of_its_own_clause(shipped):
    found = extract(shipped, make_document(
        "Ventrimyx is an allogeneic bone marrow MSC product. Ventrimyx has not been approved by the FDA for the "
        "treatment of heart failure, and we may not obtain marketing approval on a timely basis or at all."))
    got = {(c.type, c.subject.name, c.object.name, c.negated, c.hedged) for c in found}
    assert ("APPROVED_FOR", "Ventrimyx", "heart failure", True, False) in got, got
