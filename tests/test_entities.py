"""Entity recognition on small hand-written texts with the fixture vocabulary (tests/fixtures/vocabulary)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from msckg.graph import schema
from msckg.loaders.document import Document, Sentence
from msckg.loaders.entities import RULES_DIR, EntityRecognizer, RulesError, normalise
from msckg.loaders.readers import read_text
from msckg.loaders.vocabulary import load_vocabulary, term_id

VOCABULARY = Path(__file__).parent / "fixtures" / "vocabulary"


def make_document(text: str, *, section: str = "Results", metadata: dict | None = None) -> Document:
    """A Document whose sentences end at ". ", "! " or "? "; "[3, 4]" markers become the sentence's citations."""
    sentences = []
    for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text, re.S):
        cited = tuple(int(n) for group in re.findall(r"\[([\d,\s]+)\]", m.group()) for n in group.split(","))
        sentences.append(Sentence(len(sentences), m.start(), m.end(), m.group(), section, cited))
    return Document(source="fixture.txt", format="plain_text", text=text, sentences=sentences,
                    metadata=metadata or {})


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer(load_vocabulary(VOCABULARY))


@pytest.fixture(scope="module")
def full_recognizer() -> EntityRecognizer:
    """The recogniser over the project's own vocabulary, as a build uses it: one for every document."""
    return EntityRecognizer(load_vocabulary())


def found(recognizer: EntityRecognizer, text: str, **kwargs) -> list[tuple[str, str]]:
    """(surface as written, canonical name) of every mention, in order."""
    return [(m.text, m.term.name) for m in recognizer.find(make_document(text, **kwargs))]


# --------------------------------------------------------------------------- offsets and sentences
def test_mentions_carry_exact_offsets_and_sentence_index(recognizer):
    doc = make_document("Results were clear. Bone marrow MSCs secrete IL-6.")
    mentions = recognizer.find(doc)
    assert [(m.text, m.start, m.end, m.sentence) for m in mentions] == [
        ("Bone marrow MSCs", 20, 36, 1),
        ("IL-6", 45, 49, 1),
    ]
    for m in mentions:
        assert doc.text[m.start:m.end] == m.text


def test_text_outside_every_sentence_gets_sentence_minus_one(recognizer):
    doc = Document(source="x", format="plain_text", text="IL-6 heading", sentences=[])
    assert [(m.text, m.sentence) for m in recognizer.find(doc)] == [("IL-6", -1)]


# --------------------------------------------------------------------------- normalisation
@pytest.mark.parametrize("surface", [
    "TGF-β", "TGF-beta", "TGF-b", "TGFβ", "TGF β", "transforming growth factor-β",
    "transforming growth factor beta", "Transforming Growth Factor-Beta",
])
def test_tgf_beta_spellings_are_one_term(recognizer, surface):
    assert found(recognizer, f"Levels of {surface} rose.") == [(surface, "TGF-β")]


@pytest.mark.parametrize("surface, name", [
    ("TNF-α", "TNF-α"), ("TNF-alpha", "TNF-α"), ("TNFa", "TNF-α"), ("TNF-a", "TNF-α"),
    ("tumor necrosis factor-alpha", "TNF-α"),
    ("IFN-γ", "IFN-γ"), ("IFN-gamma", "IFN-γ"), ("IFNg", "IFN-γ"), ("interferon gamma", "IFN-γ"),
    ("NF-κB", "NF-κB signalling"), ("NF-kB", "NF-κB signalling"), ("NFkB", "NF-κB signalling"),
    ("NF-kappaB", "NF-κB signalling"),
])
def test_greek_letters_spelled_or_abbreviated(recognizer, surface, name):
    assert found(recognizer, f"We measured {surface} today.") == [(surface, name)]


@pytest.mark.parametrize("surface", ["IL-6", "IL6", "IL 6", "IL\u20136", "interleukin-6", "Interleukin 6"])
def test_hyphen_dash_space_and_no_space_variants(recognizer, surface):
    assert found(recognizer, f"Serum {surface} fell.") == [(surface, "IL-6")]


@pytest.mark.parametrize("surface, name", [
    ("Wharton's jelly", "Wharton's jelly"), ("Whartons jelly", "Wharton's jelly"),
    ("Wharton\u2019s jelly", "Wharton's jelly"), ("mesenchymal stromal cells", "MSC"),
    ("MSCs", "MSC"), ("EV", "extracellular vesicles"), ("EVs", "extracellular vesicles"),
    ("exosome", "exosomes"), ("Tregs", "regulatory T cell"),
])
def test_plurals_singulars_and_apostrophes(recognizer, surface, name):
    assert found(recognizer, f"We saw {surface} there.") == [(surface, name)]


def test_normalise_is_the_matching_key():
    assert normalise("TGF-β") == normalise("TGF-beta") == normalise("tgf-b") == normalise("TGF beta") == "tgfbeta"
    assert normalise("NF-kB") == normalise("NF-κB") == normalise("NFkB") == "nfkappab"
    assert normalise("TNFa") == normalise("TNF-α") == "tnfalpha"
    assert normalise("HbA1c") == "hba1c" and normalise("IgG") == "igg" and normalise("Mg") == "mg"
    assert normalise("Sjögren's") == "sjogrens"
    assert normalise("IL 6") == normalise("IL-6") == "il6"


# --------------------------------------------------------------------------- boundaries and capitals
def test_never_matches_inside_a_word(recognizer):
    text = "ALSO the signals of NOTCH and IDOL were seen in MSCs and CD1050 cells."
    assert found(recognizer, text) == [("MSCs", "MSC")]


def test_a_name_after_non_is_its_contrary_not_a_mention(full_recognizer):
    assert found(full_recognizer, "Growth factors act on non-immune cells, and IL-10 acts on immune cells.") == [
        ("Growth factors", "growth factor"), ("IL-10", "IL-10"), ("immune cells", "leukocyte")]


@pytest.mark.parametrize("surface, name", [
    ("IL-10 receptor", "IL-10 receptor"), ("oligodendrocyte progenitors", "oligodendrocyte precursor cell"),
    ("diabetic mice", "diabetes mellitus"), ("hyperglycaemia", "hyperglycemia"), ("HFrEF", "heart failure"),
    ("heart failure with reduced ejection fraction", "heart failure"), ("STRO-3", "STRO-3"),
    ("mesenchymal precursor cells", "MSC"),
])
def test_names_added_in_session_27(full_recognizer, surface, name):
    assert full_recognizer.lookup(surface).name == name


def test_short_acronyms_need_their_capitals(recognizer):
    text = "No change in nitric oxide; als, ms and Ido were normal. Pd rose."
    assert found(recognizer, text) == [("nitric oxide", "nitric oxide")]


def test_no_is_nitric_oxide_only_with_context(recognizer):
    assert found(recognizer, "NO levels rose after treatment.") == []
    assert found(recognizer, "Nitric oxide matters. NO levels rose.") == [
        ("Nitric oxide", "nitric oxide"), ("NO", "nitric oxide")]
    # a list of molecules is context enough
    assert found(recognizer, "MSCs release PGE2, NO and IDO.") == [
        ("MSCs", "MSC"), ("PGE2", "PGE2"), ("NO", "nitric oxide"), ("IDO", "IDO")]


def test_ms_is_multiple_sclerosis_only_standalone(recognizer):
    text = "In multiple sclerosis (MS) MSCs helped. MS relapses fell but MS-based assays failed."
    assert found(recognizer, text) == [
        ("multiple sclerosis", "multiple sclerosis"), ("MS", "multiple sclerosis"), ("MSCs", "MSC"),
        ("MS", "multiple sclerosis"),
    ]


def test_msc_is_the_generic_source_unless_written_as_the_gene(recognizer):
    mentions = recognizer.find(make_document("MSCs and an MSC express the MSC gene, also called musculin."))
    assert [(m.text, m.term.name, m.term.label) for m in mentions] == [
        ("MSCs", "MSC", schema.MSC_SOURCE), ("MSC", "MSC", schema.MSC_SOURCE),
        ("MSC", "musculin", schema.FACTOR), ("musculin", "musculin", schema.FACTOR),
    ]


def test_pd_is_parkinsons_but_pd1_is_a_receptor(recognizer):
    text = "In Parkinson's disease (PD) the PD-1 receptor on T cells matters; PD patients improved."
    assert found(recognizer, text) == [
        ("Parkinson's disease", "Parkinson's disease"), ("PD", "Parkinson's disease"), ("PD-1", "PD-1"),
        ("T cells", "T cell"), ("PD", "Parkinson's disease"),
    ]


def test_ad_msc_is_not_alzheimers(recognizer):
    text = "Alzheimer's disease was studied: AD-MSCs were given in AD."
    assert found(recognizer, text) == [
        ("Alzheimer's disease", "Alzheimer's disease"), ("MSCs", "MSC"), ("AD", "Alzheimer's disease")]


def test_cd_markers_are_not_diseases(recognizer):
    assert found(recognizer, "MSCs were CD105 and CD73 positive.") == [
        ("MSCs", "MSC"), ("CD105", "CD105"), ("CD73", "CD73")]


# --------------------------------------------------------------------------- abbreviations
def test_abbreviation_defined_in_the_text_binds_for_the_rest_of_it(recognizer):
    text = "LC was rare. Liver cirrhosis (LC) is common. MSCs improved LC in rats."
    assert found(recognizer, text) == [
        ("Liver cirrhosis", "liver cirrhosis"), ("LC", "liver cirrhosis"), ("MSCs", "MSC"),
        ("LC", "liver cirrhosis"),
    ]


@pytest.mark.parametrize("text, expected", [
    # the paper's definition beats the vocabulary's reading when its initials spell the short form ...
    ("Activation of hepatic stellate cells (HSCs) drives fibrosis. HSCs then proliferate.",
     [("hepatic stellate cells", "hepatic stellate cell"), ("HSCs", "hepatic stellate cell"),
      ("fibrosis", "fibrosis"), ("HSCs", "hepatic stellate cell")]),
    # ... or when it narrows it
    ("Adults with knee osteoarthritis (OA) were enrolled. OA pain fell.",
     [("knee osteoarthritis", "knee osteoarthritis"), ("OA", "knee osteoarthritis"), ("OA", "knee osteoarthritis")]),
    # a long form whose initials do not spell it keeps the vocabulary's reading
    ("Cells from bone marrow of donors (HSC) were sorted. HSC counts rose.",
     [("bone marrow", "bone marrow"), ("HSC", "hematopoietic stem cell"), ("HSC", "hematopoietic stem cell")]),
])
def test_a_papers_own_abbreviation_can_override_the_vocabulary(recognizer, text, expected):
    assert found(recognizer, text) == expected


def test_a_products_brackets_define_only_a_short_form_its_name_spells(recognizer):
    # "(BM)" after a product names its source, not the product: BM stays unbound
    assert found(recognizer, "Temcell (BM) was approved. BM was aspirated.") == [("Temcell", "Temcell")]
    assert found(recognizer, "Temcell (TMC) was approved. TMC was infused.") == [
        ("Temcell", "Temcell"), ("TMC", "Temcell"), ("TMC", "Temcell")]


def test_a_capitalised_word_in_brackets_is_no_short_form_of_the_name_before(recognizer):
    # "(Korea, 2014)" after a disease: Korea is a country, not the disease's short form
    assert found(recognizer, "Temcell for ALS (Korea, 2014) was approved. Korea is far.") == [
        ("Temcell", "Temcell"), ("ALS", "amyotrophic lateral sclerosis")]
    # an acronym of a name is bound though its letters are not the name's ("MSC-EX" for the vesicles)
    assert ("MSCEX", "exosomes") in found(recognizer, "We used exosomes (MSCEX) here. MSCEX helped.")


def test_a_single_letter_in_brackets_is_a_list_label_not_an_abbreviation(full_recognizer):
    # "Darvadstrocel (A)" answers an exam question; "A" and "C" elsewhere are no products
    text = ("Darvadstrocel (A) is approved for perianal fistulas. Stempeucel (C) is made from bone marrow. "
            "A. CD34+, CD45+. C. CD73+.")
    assert [name for _, name in found(full_recognizer, text) if name in ("Alofisel", "Stempeucel")] == [
        "Alofisel", "Stempeucel"]
    assert [surface for surface, _ in found(full_recognizer, text)
            if surface in ("A", "C")] == []


def test_abbreviation_whose_long_form_is_unknown_makes_nothing(recognizer):
    text = "Next-generation sequencing (NGS) of MSCs helped. NGS is fast."
    assert found(recognizer, text) == [("MSCs", "MSC")]


def test_a_defined_short_form_overrides_the_vocabulary_reading(recognizer):
    text = ("Patients with multiple sclerosis were sampled. Mass spectrometry (MS) measured IL-6. "
            "MS also detected IL-10.")
    assert found(recognizer, text) == [
        ("multiple sclerosis", "multiple sclerosis"), ("IL-6", "IL-6"), ("IL-10", "IL-10")]


def test_abbreviations_from_document_metadata(recognizer):
    text = "CrD patients received MSCs."
    assert found(recognizer, text, metadata={"abbreviations": {"CrD": "Crohn's disease"}}) == [
        ("CrD", "Crohn's disease"), ("MSCs", "MSC")]
    assert found(recognizer, text) == [("MSCs", "MSC")]


# --------------------------------------------------------------------------- families
@pytest.mark.parametrize("surface, name, kind", [
    ("IL-17", "IL-17", "cytokine"),
    ("interleukin-4", "IL-4", "cytokine"),
    ("IL-1β", "IL-1β", "cytokine"),
    ("IL-1b", "IL-1β", "cytokine"),
    ("IL-1RA", "IL-1RA", "cytokine"),
    ("IL-12p70", "IL-12p70", "cytokine"),
    ("miR-21", "miR-21", "mirna"),
    ("miR-31-5p", "miR-31-5p", "mirna"),
    ("hsa-miR-146a-5p", "miR-146a-5p", "mirna"),
    ("microRNA-155", "miR-155", "mirna"),
    ("let-7b", "let-7b", "mirna"),
    ("CD79α", "CD79a", "surface_marker"),
    ("CD11b", "CD11b", "surface_marker"),
    ("TLR3", "TLR3", "receptor"),
    ("toll-like receptor 4", "TLR4", "receptor"),
    ("CCL2", "CCL2", "chemokine"),
    ("CXCL12", "CXCL12", "chemokine"),
    ("CXCR4", "CXCR4", "receptor"),
    ("MMP-3", "MMP-3", "enzyme"),
    ("MMP3", "MMP-3", "enzyme"),
])
def test_families_become_generated_factors(recognizer, surface, name, kind):
    [m] = recognizer.find(make_document(f"We found {surface} here."))
    assert (m.text, m.term.name, m.term.label, m.term.kind, m.term.generated) == (
        surface, name, schema.FACTOR, kind, True)
    assert m.term.id == term_id(schema.FACTOR, name, None)


def test_family_members_in_the_vocabulary_stay_curated(recognizer):
    mentions = recognizer.find(make_document("IL-6 and CD105 and IL-66 were high."))
    assert [(m.text, m.term.generated) for m in mentions] == [("IL-6", False), ("CD105", False), ("IL-66", True)]


def test_generated_ids_are_stable_across_recognizers_and_spellings():
    one = EntityRecognizer(load_vocabulary(VOCABULARY))
    two = EntityRecognizer(load_vocabulary(VOCABULARY))
    a = one.find(make_document("CD79α and miR-21 rose."))
    b = two.find(make_document("CD79a and hsa-miR-21 rose."))
    assert [m.term.id for m in a] == [m.term.id for m in b] == ["msckg:factor:cd79a", "msckg:factor:mir-21"]


# --------------------------------------------------------------------------- MSC sources
@pytest.mark.parametrize("text, surface, name", [
    ("Umbilical cord MSCs were used.", "Umbilical cord MSCs", "umbilical cord"),
    ("We used bone marrow-derived MSCs here.", "bone marrow-derived MSCs", "bone marrow"),
    ("We used MSCs from adipose tissue here.", "MSCs from adipose tissue", "adipose tissue"),
    ("We used MSCs isolated from the umbilical cord here.", "MSCs isolated from the umbilical cord",
     "umbilical cord"),
    ("Human umbilical cord blood-derived mesenchymal stem cells helped.",
     "umbilical cord blood-derived mesenchymal stem cells", "umbilical cord blood"),
    ("Adipose-derived stem cells helped.", "Adipose-derived stem cells", "adipose tissue"),
    ("Plain MSCs helped.", "MSCs", "MSC"),
])
def test_a_tissue_in_the_noun_phrase_of_mscs_names_the_source(recognizer, text, surface, name):
    assert found(recognizer, text) == [(surface, name)]


def test_tissue_alone_is_still_a_source_mention(recognizer):
    assert found(recognizer, "MSCs live in bone marrow and adipose tissue.") == [
        ("MSCs", "MSC"), ("bone marrow", "bone marrow"), ("adipose tissue", "adipose tissue")]


# --------------------------------------------------------------------------- lookup and strings
@pytest.mark.parametrize("name, expected", [
    ("tgf-b", "TGF-β"), ("TRANSFORMING GROWTH FACTOR BETA", "TGF-β"), ("whartons jelly", "Wharton's jelly"),
    ("mscs", "MSC"), ("interleukin 6", "IL-6"), ("nfkb", "NF-κB signalling"), ("ms", "multiple sclerosis"),
    ("Tregs", "regulatory T cell"), ("IL-17", "IL-17"), ("  Ryoncil ", "Ryoncil"), ("remestemcel-L", "Ryoncil"),
])
def test_lookup_resolves_any_spelling(recognizer, name, expected):
    term = recognizer.lookup(name)
    assert term is not None and term.name == expected


@pytest.mark.parametrize("surface, singular, name", [
    # an age group or an extent names the same disease (the indication's wording in an approval): a gold file
    # that writes it resolves to the disease, and the mention spans the qualifier
    ("paediatric acute GvHD", "paediatric acute GvHD", "acute graft-versus-host disease"),
    ("focal cartilage defects", "focal cartilage defect", "cartilage defect"),
    ("muscle fibrosis", "muscle fibrosis", "fibrosis"),
])
def test_qualified_disease_names_in_the_vocabulary(full_recognizer, surface, singular, name):
    term = full_recognizer.lookup(singular)
    assert term is not None and term.name == name
    assert (surface, name) in found(full_recognizer, f"It was approved for {surface}.")


@pytest.mark.parametrize("surface, name", [
    ("acute MI", "acute myocardial infarction"),    # not the broader myocardial infarction that "MI" is
    ("JAK/STAT1", "JAK/STAT"), ("JAK1/STAT1", "JAK/STAT"), ("JAK/STAT1 pathway", "JAK/STAT"),
    # the forms of multiple sclerosis a trial enrols (MONDO:0005314, MONDO:0000450, MONDO:0000451)
    ("relapsing-remitting multiple sclerosis", "relapsing-remitting multiple sclerosis"),
    ("SPMS", "secondary progressive multiple sclerosis"), ("primary progressive MS", "primary progressive multiple sclerosis"),
])
def test_short_spellings_in_the_vocabulary(full_recognizer, surface, name):
    assert (surface, name) in found(full_recognizer, f"Notes: {surface} here.")


@pytest.mark.parametrize("surface, name", [
    # rows the thirtieth session's batches were missing (MONDO, HGNC and GO ids in the vocabulary README)
    ("pigment epithelium-derived factor", "PEDF"), ("PEDF", "PEDF"), ("ALT", "ALT"),
    ("aspartate aminotransferase", "AST"), ("hypoglycaemia", "hypoglycemia"),
    ("sepsis-induced cardiomyopathy", "septic cardiomyopathy"), ("alveolar bone loss", "alveolar bone loss"),
    ("diabetic macular oedema", "diabetic macular edema"), ("thrombosis", "thrombosis"),
    ("epithelial repair", "epithelium regeneration"), ("hepatoprotective effect", "hepatoprotection"),
    ("bacterial clearance", "antimicrobial effect"), ("bone resorption", "bone resorption"),
    ("coagulation cascade", "blood coagulation"), ("complement activation", "complement activation"),
    ("C5a", "C5a"), ("C1q", "C1q"), ("thrombin", "thrombin"), ("IBMIR", "instant blood-mediated inflammatory reaction"),
    ("A1 astrocytes", "A1 astrocyte"),
])
def test_session_thirty_vocabulary_rows(full_recognizer, surface, name):
    assert (surface, name) in found(full_recognizer, f"Notes: {surface} here.")


@pytest.mark.parametrize("surface, name", [
    # rows the thirty-first session's batches were missing (HGNC, MONDO, CL and GO ids in the vocabulary README)
    ("BMPR-II", "BMPR2"), ("ET-1", "endothelin-1"), ("nephrin", "nephrin"), ("NPHS2", "podocin"),
    ("ENaC", "epithelial sodium channel"), ("PASMCs", "pulmonary artery smooth muscle cell"),
    ("alveolar epithelial type II cells", "type II alveolar epithelial cell"), ("lung oedema", "pulmonary edema"),
    ("pneumonitis", "pneumonitis"), ("avian influenza", "avian influenza"), ("viral pneumonia", "viral pneumonia"),
    ("alveolar fluid clearance", "alveolar fluid clearance"), ("arteriogenesis", "arteriogenesis"),
    ("insulin receptor substrate 1", "IRS-1"), ("GLUT4", "GLUT4"), ("FoxO1", "FOXO1"),
    ("neuronal nitric oxide synthase", "nNOS"), ("PEPCK", "PEPCK"), ("glucose-6-phosphatase", "glucose-6-phosphatase"),
    ("hepatic gluconeogenesis", "gluconeogenesis"),
])
def test_session_thirty_one_vocabulary_rows(full_recognizer, surface, name):
    assert (surface, name) in found(full_recognizer, f"Notes: {surface} here.")


def test_c3_is_complement_c3_only_in_a_paper_that_names_complement(full_recognizer):
    assert ("C3", "complement C3") in found(full_recognizer, "The complement system makes C3 in the liver.")
    assert not [n for _, n in found(full_recognizer, "Cluster C3 expressed nestin.") if n == "complement C3"]


def test_lookup_of_unknown_names(recognizer):
    assert recognizer.lookup("gibberish") is None
    assert recognizer.lookup("") is None
    assert recognizer.lookup("IL-17").generated is True


def test_find_in_text_for_table_cells(recognizer):
    [(start, end, term)] = recognizer.find_in_text("Degenerative osteoarthritis")
    assert (start, end, term.name) == (0, 27, "osteoarthritis")


def test_generic_source_comes_from_the_vocabulary(recognizer):
    assert recognizer.generic_msc.id == "msckg:mscsource:msc"


def test_bad_ambiguity_rules_file_raises(tmp_path):
    for name in RULES_DIR.glob("*.tsv"):
        shutil.copy(name, tmp_path / name.name)
    (tmp_path / "ambiguity.tsv").write_text("surface\tlabel\trule\targument\nNO\tFactor\tguess\t\n",
                                            encoding="utf-8")
    with pytest.raises(RulesError, match="unknown rule 'guess'"):
        EntityRecognizer(load_vocabulary(VOCABULARY), rules_dir=tmp_path)


def test_shipped_vocabulary_loads_into_the_recognizer(full_recognizer):
    assert full_recognizer.lookup("TGF-beta").label == schema.FACTOR
    assert full_recognizer.generic_msc.label == schema.MSC_SOURCE and not full_recognizer.generic_msc.generated


def test_exact_case_forms_are_not_found_through_the_chemokine_family(full_recognizer):
    # CCl4 (carbon tetrachloride) is listed with an exact_case rule: the chemokine CCL4 must not resolve to it
    found = {text[s:e]: t.name for text in ("Mice were given CCl4.", "MSCs secrete CCL4.")
             for s, e, t in full_recognizer.find_in_text(text) if t.label == "Factor"}
    assert found == {"CCl4": "carbon tetrachloride", "CCL4": "CCL4"}


def test_the_synovium_is_a_source_only_in_a_paper_on_synovial_msc(full_recognizer):

    def sources(text: str) -> set[str]:
        return {t.name for _, _, t in full_recognizer.find_in_text(text) if t.label == schema.MSC_SOURCE}

    assert "synovium" not in sources("IL-1β released by the inflamed synovium induces MMP-13.")
    assert "synovium" in sources("Synovial MSCs were expanded. The synovium yields many cells.")


def test_a_defined_compound_of_source_and_vesicles_reads_as_its_parts(full_recognizer):
    # "(WJ-MSC-EVs)" after "from Wharton's jelly MSCs" is no alias of the tissue alone
    doc = read_text("EVs were isolated from Wharton's jelly MSCs (WJ-MSC-EVs). WJ-MSC-EVs reduced fibrosis.", "x.txt")
    second = [m.term.name for m in full_recognizer.find(doc) if m.sentence == 1]
    assert second == ["Wharton's jelly", "extracellular vesicles", "fibrosis"]


def test_a_cell_therapy_name_the_vocabulary_lacks_is_a_product(full_recognizer):
    found = {text[s:e]: (t.name, t.label, t.generated) for text in
             ("Lorastrocel was injected.", "Rexlemestrocel-L was studied.", "Darvadstrocel was approved.")
             for s, e, t in full_recognizer.find_in_text(text)}
    assert found["Lorastrocel"] == ("lorastrocel", schema.PRODUCT, True)
    assert found["Rexlemestrocel-L"] == ("rexlemestrocel-L", schema.PRODUCT, True)
    # a listed product keeps its vocabulary entry
    assert found["Darvadstrocel"] == ("Alofisel", schema.PRODUCT, False)
    # ordinary words ending alike are not products
    assert not full_recognizer.find_in_text("The parcel and the stencel were large.")


def test_a_brand_name_on_stem_is_a_product(full_recognizer):
    found = {text[s:e]: (t.name, t.label, t.generated) for text in
             ("Pulpastem was infused.", "Cartistem was implanted.") for s, e, t in full_recognizer.find_in_text(text)}
    assert found["Pulpastem"] == ("Pulpastem", schema.PRODUCT, True)
    assert found["Cartistem"] == ("Cartistem", schema.PRODUCT, False)     # listed: its vocabulary entry
    # anatomy, systems and lower-case words are not products
    assert not full_recognizer.find_in_text("Brainstem lesions spread through the ecosystem; the mainstem bronchus.")
    assert not full_recognizer.find_in_text("System checks ran. Photosystem II and Biosystem kits.")


def test_lay_and_human_prefixed_source_names(full_recognizer):
    found = {text[s:e]: t.name for text in ("Our cord MSCs grow fast.", "hAD-MSCs were expanded.",
                                            "Adipose stromal cells adhere.")
             for s, e, t in full_recognizer.find_in_text(text)}
    assert found == {"cord MSCs": "umbilical cord", "hAD-MSCs": "adipose tissue",
                     "Adipose stromal cells": "adipose tissue"}
    # cord blood stays its own source
    assert [t.name for _, _, t in full_recognizer.find_in_text("cord blood MSCs")] == ["umbilical cord blood"]


def test_an_abbreviation_for_cells_defined_after_a_description_is_the_tissue_named_before(full_recognizer):
    doc = read_text("Bone marrow MSCs cultured at 1% oxygen before use (H-MSCs) were injected. "
                    "H-MSCs released HGF.", "x.txt")
    second = [m.term.name for m in full_recognizer.find(doc) if m.sentence == 1]
    assert second == ["bone marrow", "HGF"]
    # two tissues before the parenthesis: no guess
    doc = read_text("Bone marrow and adipose MSCs pooled before use (P-MSCs) were injected. P-MSCs released HGF.",
                    "x.txt")
    assert "bone marrow" not in [m.term.name for m in full_recognizer.find(doc) if m.sentence == 1]


def test_a_plural_abbreviation_binds_its_singular_and_its_participle_compounds(full_recognizer):
    doc = read_text("Bone marrow MSCs grown in hypoxia (HX-MSCs) were used. HX-MSC treatment helped. "
                    "HX-MSC-treated mice recovered.", "x.txt")
    mentions = full_recognizer.find(doc)
    for sentence in (1, 2):
        assert [m.term.name for m in mentions if m.sentence == sentence] == ["bone marrow"]


def _products(recognizer, doc) -> list[tuple[int, str]]:
    """(sentence, text) of each product mention."""
    return [(m.sentence, m.text) for m in recognizer.find(doc) if m.term.label == schema.PRODUCT]


def test_a_product_the_document_names_is_a_product_wherever_it_occurs(full_recognizer):
    doc = read_text('They loaded the secretome into a hydrogel they call MenSec-gel. MenSec-gel healed ulcers. '
                    'The clinic sells two products: "SunCord MSC," made from cords, and "SunCord Exo," a spray. '
                    'SunCord Exo is sold online.', "x.txt")
    products = _products(full_recognizer, doc)
    assert products == [(0, "MenSec-gel"), (1, "MenSec-gel"), (2, "SunCord MSC"), (2, "SunCord Exo"),
                        (3, "SunCord Exo")]
    # a quoted name outside any talk of products, or a plain word after "called", is no product
    doc = read_text('The lab called Smith. The gene "NovaGene" was cloned.', "x.txt")
    assert not [m for m in full_recognizer.find(doc) if m.term.label == schema.PRODUCT]


def test_a_code_name_a_trial_tests_is_a_product(full_recognizer):
    doc = read_text("We reported data from our phase 2 trial of CVB-101 in ARDS. CVB-101 is made from cord tissue. "
                    "Patients were treated with IL-10. Lot SC-0412 was released.", "x.txt")
    products = _products(full_recognizer, doc)
    assert products == [(0, "CVB-101"), (1, "CVB-101")]
    # a vocabulary term after the same words keeps its own reading
    assert [m.term.label for m in full_recognizer.find(doc) if m.sentence == 2] == [schema.FACTOR]
    # a code name that acts in a study is one too; a lot or claim number is not
    doc = read_text("In mice, ALV-101 restored alveolar number. ALV-101 could be the first therapy for BPD. "
                    "Lot LS-24-118 reduced nothing. Claim BL-2024 is a dispute.", "x.txt")
    products = _products(full_recognizer, doc)
    assert products == [(0, "ALV-101"), (1, "ALV-101")]


def test_a_name_the_text_defines_as_a_treatment_or_brackets_after_the_cells_is_a_product(full_recognizer):
    doc = read_text("CordaCel-K is an experimental treatment made from cord MSCs. A study of CordaCel-K in knee OA. "
                    "We gave bone marrow MSCs (NRX-101) after stroke. NRX-101 was safe. "
                    "VitaGen, an allogeneic cell therapy, was tested.", "x.txt")
    products = _products(full_recognizer, doc)
    assert products == [(0, "CordaCel-K"), (1, "CordaCel-K"), (2, "NRX-101"), (3, "NRX-101"), (4, "VitaGen")]
    # the bracketed code is not read as an abbreviation of the cells
    assert [m.term.name for m in full_recognizer.find(doc) if m.sentence == 3] == ["NRX-101"]
    # a CamelCase word that is not defined as a treatment stays unknown
    doc = read_text("NovaGene is a gene we cloned. BioBank, a freezer, was full.", "x.txt")
    assert not [m for m in full_recognizer.find(doc) if m.term.label == schema.PRODUCT]


def test_a_name_set_after_product_is_a_product(full_recognizer):
    doc = read_text("Our lead product, CordaFlex (cord MSCs), enters phase 2. Lumora makes a placental MSC product, "
                    "PlacenVex, for ARDS. PlacenVex was not used.", "x.txt")
    assert _products(full_recognizer, doc) == [(0, "CordaFlex"), (1, "PlacenVex"), (2, "PlacenVex")]
    doc = read_text("Our second product candidate, Ostevra (CLD-204), is given. Ostevra was safe.", "x.txt")
    assert [name for _, name in _products(full_recognizer, doc)][:1] == ["Ostevra"]
    # a name after "products," (a list of what else is sold) or after a product without a comma is none
    doc = read_text("We sell two products, BioBank and CellVault. The product CellVault is a freezer.", "x.txt")
    assert _products(full_recognizer, doc) == []
    # a proper noun defined as a therapy, or a form's "Product:" field, names a product too; a word the text
    # also writes in lower case ("Each is a therapy ... each") does not
    doc = read_text("Adivasc is an allogeneic cell therapy made of MSCs. Adivasc healed ulcers. "
                    "Site: Unit C. Product: StromaCord-12 (cord MSCs). Each is a therapy; each vial is frozen.",
                    "x.txt")
    products = _products(full_recognizer, doc)
    assert products == [(0, "Adivasc"), (1, "Adivasc"), (2, "StromaCord-12")]
    # adjectives before the noun may be set apart by commas
    doc = read_text("Oravecel is an allogeneic, culture-expanded cell product. Oravecel was safe.", "x.txt")
    assert _products(full_recognizer, doc) == [(0, "Oravecel"), (1, "Oravecel")]


def test_a_name_holding_msc_in_brackets_is_a_product(full_recognizer):
    doc = read_text("Patients were randomised to intracoronary Cordiavex (3 × 10^7 allogeneic Wharton's jelly MSCs) "
                    "or placebo. LVEF rose after Cordiavex.", "x.txt")
    assert _products(full_recognizer, doc) == [(0, "Cordiavex"), (1, "Cordiavex")]
    # a capitalised first word, or brackets that hold no cells, name no product
    doc = read_text("Methods (bone marrow MSCs) are given. Patients received Placebo (saline) or Sham (a "
                    "needle). Placebo was given.", "x.txt")
    assert _products(full_recognizer, doc) == []


def test_a_tissue_named_alone_in_a_coordination_of_sources(full_recognizer):
    doc = read_text("Trials of bone marrow, adipose and umbilical cord MSCs were run. Adipose-derived and "
                    "umbilical cord MSCs express tissue factor. TGF-β1/Smad signalling was blocked.", "x.txt")
    found = [(m.sentence, m.term.name) for m in full_recognizer.find(doc)]
    assert [(0, "bone marrow"), (0, "adipose tissue"), (0, "umbilical cord"),
            (1, "adipose tissue"), (1, "umbilical cord"), (2, "TGF-β/Smad")] == [
        f for f in found if f[1] != "tissue factor"]
    # a gold file or a query may name the pathway by its TGF-β1 spelling
    assert full_recognizer.lookup("TGF-β1/Smad signalling").name == "TGF-β/Smad"


def test_mapk_erk_is_the_erk_cascade(full_recognizer):
    assert found(full_recognizer, "HGF activates the MAPK/ERK pathway and ERK/MAPK signalling.") == [
        ("HGF", "HGF"), ("MAPK/ERK pathway", "ERK1/2"), ("ERK/MAPK signalling", "ERK1/2")]


def test_a_name_said_to_consist_of_msc_is_a_product(full_recognizer):
    doc = read_text("Oravecel consists of culture-expanded mesenchymal stromal cells from Wharton's jelly. "
                    "Oravecel was safe. The gel consists of collagen.", "x.txt")
    assert _products(full_recognizer, doc) == [(0, "Oravecel"), (1, "Oravecel")]


@pytest.mark.parametrize("text", [
    # a vial said to contain a count of MSCs
    "Each vial of Genuvacel contains 25 × 10^6 allogeneic, ex vivo-expanded mesenchymal stromal cells. "
    "Genuvacel was safe.",
    # a label's indication
    "Genuvacel is indicated for the repair of knee cartilage defects. Genuvacel was safe.",
])
def test_a_name_a_label_describes_as_a_medicine_of_msc_is_a_product(full_recognizer, text):
    assert _products(full_recognizer, read_text(text, "x.txt")) == [(0, "Genuvacel"), (1, "Genuvacel")]


def test_a_medium_said_to_contain_cells_is_no_product(full_recognizer):
    doc = read_text("The medium contains 2 × 10^5 mesenchymal stromal cells per well.", "x.txt")
    assert _products(full_recognizer, doc) == []


def test_small_evs_are_the_exosomes_of_the_vocabulary(full_recognizer):
    # MISEV2018 calls vesicles under 200 nm "small EVs" (sEVs), the fraction papers also call exosomes
    assert {full_recognizer.lookup(name).name for name in ("small EVs", "sEVs", "small extracellular vesicles")} \
        == {"exosomes"}


def test_a_brand_beside_a_nonproprietary_name_in_brackets_is_that_product(full_recognizer):
    doc = read_text("Its product Ordavance (ordastrocel) met the endpoint. Ordavance was safe. "
                    "Lorastrocel (Kinevo) was given. Kinevo was safe.", "x.txt")
    got = [(m.sentence, m.text, m.term.name) for m in full_recognizer.find(doc) if m.term.label == schema.PRODUCT]
    assert got == [(0, "Ordavance", "ordastrocel"), (0, "ordastrocel", "ordastrocel"),
                   (1, "Ordavance", "ordastrocel"), (2, "Lorastrocel", "lorastrocel"),
                   (2, "Kinevo", "lorastrocel"), (3, "Kinevo", "lorastrocel")]
    # a word the text also writes in lower case is no brand
    doc = read_text("Ordastrocel (Saline) was compared; saline was the control.", "x.txt")
    assert [m.text for m in full_recognizer.find(doc) if m.term.label == schema.PRODUCT] == ["Ordastrocel"]


def test_trail_is_the_ligand_only_in_capitals():
    recognizer = EntityRecognizer(load_vocabulary())
    names = lambda text: {term.name for _, _, term in recognizer.find_in_text(text)}
    assert "TNF-related apoptosis-inducing ligand" in names("MSCs engineered to secrete TRAIL induced apoptosis.")
    assert "TNF-related apoptosis-inducing ligand" not in names("The cells left a trail of vesicles.")


def test_terms_of_the_forty_third_batch(full_recognizer):
    # a stellate cell line is read as its cell type, as THP-1 cells are monocytes
    assert found(full_recognizer, "LX-2 cells and dermal fibroblasts were co-cultured with MSCs.") == [
        ("LX-2 cells", "hepatic stellate cell"), ("dermal fibroblasts", "fibroblast"), ("MSCs", "MSC")]
    assert found(full_recognizer, "Total bilirubin fell, and ascites and hepatic encephalopathy were rarer.") == [
        ("Total bilirubin", "bilirubin"), ("ascites", "ascites"), ("hepatic encephalopathy", "hepatic encephalopathy")]
    assert found(full_recognizer, "GMSCs lowered RORγt in Th17 cells.")[1] == ("RORγt", "RORγt")


def test_terms_of_the_forty_sixth_batch(full_recognizer):
    # a bare modifier shares the head of the cell type it is joined to
    assert found(full_recognizer, "BDNF supports dopaminergic and motor neurons.")[1:] == [
        ("dopaminergic", "dopaminergic neuron"), ("motor neurons", "neuron")]
    assert found(full_recognizer, "TRAIL binds DR4 and DR5 in lung adenocarcinoma; tau rises.") == [
        ("TRAIL", "TNF-related apoptosis-inducing ligand"), ("DR4", "DR4"), ("DR5", "DR5"),
        ("lung adenocarcinoma", "lung adenocarcinoma"), ("tau", "tau protein")]
    assert found(full_recognizer, "MSC-TRAIL was given to mice with psoriasis-like dermatitis.") == [
        ("MSC-TRAIL", "MSCTRAIL"), ("psoriasis-like dermatitis", "psoriasis")]


def test_terms_of_the_forty_seventh_batch(full_recognizer):
    assert found(full_recognizer, "GDF-5, COL1A2, collagen VII and cyclin D1 were measured.") == [
        ("GDF-5", "GDF-5"), ("COL1A2", "COL1A2"), ("collagen VII", "collagen VII"), ("cyclin D1", "cyclin D1")]
    assert found(full_recognizer, "EVs were tested in recessive dystrophic epidermolysis bullosa (RDEB).")[1:] == [
        ("recessive dystrophic epidermolysis bullosa", "recessive dystrophic epidermolysis bullosa"),
        ("RDEB", "recessive dystrophic epidermolysis bullosa")]
    assert found(full_recognizer, "IL-6 acted on synovial macrophages.")[1] == ("synovial macrophages", "macrophage")
