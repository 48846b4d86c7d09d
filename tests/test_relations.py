"""Relation extraction on hand-written sentences and tables with the fixture vocabulary."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from msckg.graph import schema
from msckg.loaders.document import Document, Sentence, Table
from msckg.loaders.entities import RULES_DIR, EntityRecognizer, RulesError
from msckg.loaders.relations import Claim, confidence, extract_claims, load_rules
from msckg.loaders.vocabulary import load_vocabulary

VOCABULARY = Path(__file__).parent / "fixtures" / "vocabulary"


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
    assert claims(recognizer, "The MSCs released PGE2, which reprogrammed host macrophages to produce IL-10.") == {
        ("SECRETES", "MSC", "PGE2"), ("TARGETS", "PGE2", "macrophage")}


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


def test_approved_for_with_agency_country_and_year(recognizer):
    claim = only(recognizer, "Ryoncil was approved by the FDA in 2024 for the treatment of GvHD.")
    assert (claim.type, claim.subject.name, claim.object.name, dict(claim.properties)) == (
        "APPROVED_FOR", "Ryoncil", "graft-versus-host disease", {"agency": "FDA", "country": "USA", "year": 2024})


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
    preclinical = only(recognizer, "Umbilical cord MSCs improved osteoarthritis in a preclinical model.")
    assert (preclinical.type, preclinical.hedged, preclinical.negated) == ("TREATS", True, False)


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


# --------------------------------------------------------------------------- corpus (structure only)
@pytest.mark.corpus
def test_claims_on_the_corpus_are_well_formed(corpus_dir):
    from msckg.loaders.readers import read_document

    shipped = EntityRecognizer(load_vocabulary())
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
