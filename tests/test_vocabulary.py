"""The curated vocabulary (loaders/vocabulary/*.tsv) and its loaders."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from msckg.graph import schema
from msckg.loaders.vocabulary import (
    APPROVALS_FILE,
    FILES,
    VOCABULARY_DIR,
    Approval,
    VocabularyError,
    greek_to_latin,
    load_product_approvals,
    load_vocabulary,
    read_vocabulary_file,
)

README = VOCABULARY_DIR / "README.md"
RULES_DIR = VOCABULARY_DIR.parent / "rules"

MINIMUM_COUNTS = {
    schema.MSC_SOURCE: 15,
    schema.FACTOR: 150,
    schema.PATHWAY: 30,
    schema.DISEASE: 100,
    schema.PRODUCT: 12,
    schema.CELL_TYPE: 20,
    schema.MECHANISM: 10,
}

# The identifier shape each prefix must have; a label may only use the prefixes listed for it.
CURIE_SHAPES = {
    "HGNC": r"HGNC:\d+",
    "CHEBI": r"CHEBI:\d+",
    "MIRBASE": r"MIRBASE:(MI|MIMAT)\d{7}",
    "GO": r"GO:\d{7}",
    "REACTOME": r"REACTOME:R-HSA-\d+",
    "KEGG": r"KEGG:hsa\d{5}",
    "MONDO": r"MONDO:\d{7}",
    "MESH": r"MESH:[CD]\d{6,9}",
    "DOID": r"DOID:\d+",
    "CL": r"CL:\d{7}",
    "UBERON": r"UBERON:\d{7}",
}
ALLOWED_PREFIXES = {
    schema.MSC_SOURCE: {"UBERON", "CL"},
    schema.FACTOR: {"HGNC", "CHEBI", "MIRBASE"},
    schema.PATHWAY: {"REACTOME", "KEGG", "GO"},
    schema.DISEASE: {"MONDO", "MESH", "DOID"},
    schema.PRODUCT: set(),
    schema.CELL_TYPE: {"CL"},
    schema.MECHANISM: {"GO"},
}


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


@pytest.fixture(scope="module")
def by_surface(vocabulary):
    """Case-folded surface form -> the terms that list it."""
    index = defaultdict(list)
    for term in vocabulary:
        for form in {f.casefold() for f in term.surface_forms}:
            index[form].append(term)
    return index


def lookup(by_surface, form: str, label: str):
    hits = [t for t in by_surface.get(form.casefold(), []) if t.label == label]
    assert len(hits) == 1, (form, label, hits)
    return hits[0]


def variant_key(form: str) -> str:
    """Fold the variants the matcher treats as equal (Greek letters, case, hyphen/space, plural s)."""
    key = re.sub(r"[\s\-]+", " ", greek_to_latin(form)).strip()
    if not (len(key) <= 5 and key.isupper()):
        key = key.lower()
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


def documented_ambiguous_forms() -> set[str]:
    """The backticked forms listed under the README's cross-label ambiguity heading."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Surface forms shared across labels", 1)[1].split("\n## ", 1)[0]
    return {m.casefold() for m in re.findall(r"^- `([^`]+)`", section, flags=re.M)}


# --- the shipped vocabulary -------------------------------------------------------------------

def test_shipped_vocabulary_loads_every_label(vocabulary):
    labels = {t.label for t in vocabulary}
    assert labels == set(FILES)


@pytest.mark.parametrize("label,minimum", sorted(MINIMUM_COUNTS.items()))
def test_minimum_count_per_label(vocabulary, label, minimum):
    assert len(vocabulary.with_label(label)) >= minimum


def test_ids_are_unique(vocabulary):
    ids = [t.id for t in vocabulary]
    assert len(ids) == len(set(ids))


def test_every_file_starts_with_a_comment_on_its_sources():
    for filename in [*FILES.values(), APPROVALS_FILE]:
        first = (VOCABULARY_DIR / filename).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# "), filename
    for filename in FILES.values():
        head = "".join(line for line in (VOCABULARY_DIR / filename).read_text(encoding="utf-8").splitlines()
                       if line.startswith("#"))
        if filename != "products.tsv":
            assert "verified" in head, filename


def test_curie_prefix_is_allowed_for_its_label_and_well_formed(vocabulary):
    for term in vocabulary:
        if term.curie is None:
            continue
        prefix = term.curie.split(":", 1)[0]
        assert prefix in ALLOWED_PREFIXES[term.label], (term.label, term.name, term.curie)
        assert re.fullmatch(CURIE_SHAPES[prefix], term.curie), (term.name, term.curie)


def test_terms_without_curie_get_stable_msckg_ids(vocabulary):
    for term in vocabulary:
        if term.curie is None:
            assert term.id.startswith(f"msckg:{term.label.lower()}:"), term


def test_no_surface_form_is_shared_within_a_label(vocabulary):
    for label in FILES:
        owners = defaultdict(set)
        for term in vocabulary.with_label(label):
            for form in term.surface_forms:
                owners[form.casefold()].add(term.name)
        shared = {form: names for form, names in owners.items() if len(names) > 1}
        assert not shared, (label, shared)


def test_no_two_terms_of_a_label_collide_after_variant_folding(vocabulary):
    for label in FILES:
        owners = defaultdict(set)
        for term in vocabulary.with_label(label):
            for form in term.surface_forms:
                owners[variant_key(form)].add(term.name)
        shared = {form: names for form, names in owners.items() if len(names) > 1}
        assert not shared, (label, shared)


def test_forms_shared_across_labels_are_documented(vocabulary):
    labels_of = defaultdict(set)
    for term in vocabulary:
        for form in term.surface_forms:
            labels_of[form.casefold()].add(term.label)
    shared = {form for form, labels in labels_of.items() if len(labels) > 1}
    documented = documented_ambiguous_forms()
    assert shared <= documented, shared - documented
    assert "msc" in shared  # the MSC source vs the musculin gene: the one deliberate case


def test_every_factor_has_a_known_kind(vocabulary):
    for term in vocabulary.with_label(schema.FACTOR):
        assert term.kind in schema.FACTOR_KINDS, (term.name, term.kind)


def test_products_name_a_known_source_and_a_developer(vocabulary):
    sources = {t.name for t in vocabulary.with_label(schema.MSC_SOURCE)}
    for product in vocabulary.with_label(schema.PRODUCT):
        props = dict(product.properties)
        assert props.get("source") in sources, (product.name, props)
        assert props.get("developer"), product.name
        assert product.curie is None and product.id.startswith("msckg:product:")
        assert product.kind in ("allogeneic", "autologous"), product.name


# --- approvals --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def approvals():
    return load_product_approvals()


def test_approvals_resolve_and_carry_year_agency_country(vocabulary, approvals):
    assert len(approvals) >= 12
    for approval in approvals:
        assert isinstance(approval, Approval)
        assert vocabulary.get(approval.product_id).name == approval.product
        disease = vocabulary.get(approval.indication_id)
        assert disease.label == schema.DISEASE and disease.name == approval.indication
        assert 2000 <= approval.year <= 2030 and approval.agency and approval.country


def test_every_product_but_the_documented_one_has_an_approval(vocabulary, approvals):
    approved = {a.product for a in approvals}
    without = {t.name for t in vocabulary.with_label(schema.PRODUCT)} - approved
    # Obnitix: hospital-exemption year not verified; NurOwn, Pneumostem and MSCTRAIL: investigational (see their notes)
    assert without == {"Obnitix", "NurOwn", "Pneumostem", "MSCTRAIL"}


def test_approval_agencies_match_the_countries_of_the_agency_rules(approvals):
    path = RULES_DIR / "agencies.tsv"
    if not path.exists():
        pytest.skip("loaders/rules/agencies.tsv is not there")
    with path.open(encoding="utf-8") as fh:
        country_of = {row["agency"]: row["country"]
                      for row in csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t")}
    checked = [a for a in approvals if a.agency in country_of]
    assert len(checked) >= 12
    for approval in checked:
        assert country_of[approval.agency] == approval.country, approval


def test_hand_checked_approvals(approvals):
    rows = {(a.product, a.agency, a.year): a for a in approvals}
    ryoncil = rows[("Ryoncil", "FDA", 2024)]
    assert (ryoncil.country, ryoncil.indication, ryoncil.status) == (
        "USA", "steroid-refractory acute graft-versus-host disease", "full")
    assert rows[("Temcell HS Inj.", "PMDA", 2015)].indication == "acute graft-versus-host disease"
    assert rows[("Alofisel", "EMA", 2018)].status == "full"
    assert rows[("Alofisel", "EMA", 2024)].status == "withdrawn"
    assert rows[("Stemirac", "PMDA", 2018)].status == "conditional"
    assert rows[("Hearticellgram-AMI", "MFDS", 2011)].indication == "acute myocardial infarction"


# --- hand-verified spot checks ----------------------------------------------------------------

@pytest.mark.parametrize("form,label,name,curie", [
    ("TGF-β1", schema.FACTOR, "TGF-β1", "HGNC:11766"),
    ("TGFB1", schema.FACTOR, "TGF-β1", "HGNC:11766"),
    ("interleukin-6", schema.FACTOR, "IL-6", "HGNC:6018"),
    ("hemoxygenase", schema.FACTOR, "HO-1", "HGNC:5013"),
    ("indoleamine 2,3-dioxygenase", schema.FACTOR, "IDO", "HGNC:6059"),
    ("NO", schema.FACTOR, "nitric oxide", "CHEBI:16480"),
    ("prostaglandin E2", schema.FACTOR, "PGE2", "CHEBI:15551"),
    ("SDF-1", schema.FACTOR, "CXCL12", "HGNC:10672"),
    ("miR-21-5p", schema.FACTOR, "miR-21", "MIRBASE:MI0000077"),
    ("miR-31-5p", schema.FACTOR, "miR-31-5p", "MIRBASE:MIMAT0000089"),
    ("BM-MSC", schema.MSC_SOURCE, "bone marrow", "CL:0002540"),
    ("ADSC", schema.MSC_SOURCE, "adipose tissue", "CL:0002570"),
    ("hUC-MSC", schema.MSC_SOURCE, "umbilical cord", "CL:0002569"),
    ("DPSC", schema.MSC_SOURCE, "dental pulp", "UBERON:0001754"),
    ("medicinal signaling cell", schema.MSC_SOURCE, "MSC", "CL:0000134"),
    ("GvHD", schema.DISEASE, "graft-versus-host disease", "MONDO:0013730"),
    ("POF", schema.DISEASE, "premature ovarian insufficiency", "MESH:D016649"),
    ("diabetic kidney disease", schema.DISEASE, "diabetic nephropathy", "MONDO:0005016"),
    ("Buerger's disease", schema.DISEASE, "thromboangiitis obliterans", "MONDO:0008889"),
    ("NF-κB", schema.PATHWAY, "NF-κB signalling", "GO:0007249"),
    ("Keap1/Nrf2", schema.PATHWAY, "Nrf2 signalling", "REACTOME:R-HSA-9755511"),
    ("Treg", schema.CELL_TYPE, "regulatory T cell", "CL:0000815"),
    ("M2", schema.CELL_TYPE, "M2 macrophage", "CL:0000890"),
    ("efferocytosis", schema.MECHANISM, "efferocytosis", "GO:0043277"),
    # ChEBI labels that differ from the name papers use, paired through MeSH entry terms (README)
    ("CCl4", schema.FACTOR, "carbon tetrachloride", "CHEBI:27385"),
    ("streptozocin", schema.FACTOR, "streptozotocin", "CHEBI:9288"),
    ("glycerol 2-phosphate", schema.FACTOR, "β-glycerophosphate", "CHEBI:17270"),
    ("Lgr5", schema.FACTOR, "LGR5", "HGNC:4504"),
    ("intestinal crypt stem cell", schema.CELL_TYPE, "intestinal stem cell", "CL:0002250"),
    ("septic arthritis", schema.DISEASE, "septic arthritis", "MONDO:0004471"),
    ("lung injury", schema.DISEASE, "lung injury", "MESH:D055370"),
    ("odontoblast differentiation", schema.MECHANISM, "odontogenic differentiation", "GO:0071895"),
    ("basic FGF", schema.FACTOR, "bFGF", "HGNC:3676"),
    # gene symbols of single-cell profiles, each id and approved symbol read in HGNC's complete set (README)
    ("NES", schema.FACTOR, "nestin", "HGNC:7756"),
    ("LEPR", schema.FACTOR, "leptin receptor", "HGNC:6554"),
    ("SERPINE1", schema.FACTOR, "PAI-1", "HGNC:8583"),
    ("AIF1", schema.FACTOR, "Iba1", "HGNC:352"),
    ("CXCL9", schema.FACTOR, "CXCL9", "HGNC:7098"),
    ("STAT1", schema.FACTOR, "STAT1", "HGNC:11362"),
    ("SPINT1", schema.FACTOR, "HAI-1", "HGNC:11246"),
    ("HIF-1α", schema.FACTOR, "HIF-1α", "HGNC:4910"),
    ("Kaposi's sarcoma", schema.DISEASE, "Kaposi sarcoma", "MONDO:0005055"),
    ("cancer cell", schema.CELL_TYPE, "tumour cell", "CL:0001063"),
    ("cTnI", schema.FACTOR, "cardiac troponin I", "HGNC:11947"),
])
def test_spot_checks_verified_by_hand(by_surface, form, label, name, curie):
    term = lookup(by_surface, form, label)
    assert (term.name, term.curie) == (name, curie)
    assert term.id == curie


def test_factor_kinds_spot_checks(by_surface):
    assert lookup(by_surface, "TGF-β1", schema.FACTOR).kind == "cytokine"
    assert lookup(by_surface, "CXCR4", schema.FACTOR).kind == "receptor"
    assert lookup(by_surface, "CD105", schema.FACTOR).kind == "surface_marker"
    assert lookup(by_surface, "EVs", schema.FACTOR).kind == "vesicle"
    # "vesicles released by cord MSCs": in this literature the bare word means extracellular vesicles
    assert lookup(by_surface, "vesicles", schema.FACTOR).name == "extracellular vesicles"
    assert lookup(by_surface, "miR-424-5p", schema.FACTOR).kind == "mirna"


@pytest.mark.parametrize("form,label", [
    # entities the four founding papers name, each looked up in their text by hand
    ("ICOSL", schema.FACTOR), ("cyclin D2", schema.FACTOR), ("IL-1RA", schema.FACTOR), ("CCL2", schema.FACTOR),
    ("PD-L2", schema.FACTOR), ("IL-12p70", schema.FACTOR), ("ATF6", schema.FACTOR), ("YAP1", schema.FACTOR),
    ("LXA4", schema.FACTOR), ("BMP7", schema.FACTOR), ("α-SMA", schema.FACTOR), ("FASL", schema.FACTOR),
    ("angiogenin", schema.FACTOR), ("bFGF", schema.FACTOR), ("von Willebrand factor", schema.FACTOR),
    ("MnSOD", schema.FACTOR), ("CXCR2", schema.FACTOR), ("IFN-β", schema.FACTOR), ("RCN3", schema.FACTOR),
    ("FSTL3", schema.FACTOR), ("CysC", schema.FACTOR), ("TBX15", schema.FACTOR), ("CD79α", schema.FACTOR),
    ("conditioned medium", schema.FACTOR), ("secretome", schema.FACTOR), ("hyaluronic acid", schema.FACTOR),
    ("PI3K/AKT/eNOS", schema.PATHWAY), ("Akt/mTOR/p70S6K", schema.PATHWAY), ("TGF-β/Smad", schema.PATHWAY),
    ("p38MAPK", schema.PATHWAY), ("ER stress", schema.PATHWAY),
    ("premature ovarian failure", schema.DISEASE), ("diabetic foot ulcers", schema.DISEASE),
    ("vocal fold scarring", schema.DISEASE), ("Sjögren's syndrome", schema.DISEASE), ("vitiligo", schema.DISEASE),
    ("complex perianal fistula", schema.DISEASE), ("critical limb ischemia", schema.DISEASE),
    ("granulosa cell", schema.CELL_TYPE), ("endothelial progenitor cell", schema.CELL_TYPE),
    ("renal tubular epithelial cell", schema.CELL_TYPE), ("tolerogenic dendritic cell", schema.CELL_TYPE),
    ("mitochondrial transfer", schema.MECHANISM), ("anti-fibrotic", schema.MECHANISM),
    ("amniotic fluid", schema.MSC_SOURCE), ("synovial membrane", schema.MSC_SOURCE), ("iMSC", schema.MSC_SOURCE),
    ("Cupistem", schema.PRODUCT), ("Stempeucel", schema.PRODUCT), ("HeartiCellgram", schema.PRODUCT),
    ("remestemcel-L", schema.PRODUCT), ("StemOne", schema.PRODUCT), ("Temcell", schema.PRODUCT),
])
def test_entities_named_in_the_founding_papers_are_covered(by_surface, form, label):
    key = form.casefold()
    if key not in by_surface and key.endswith("s"):  # the matcher folds plurals; so does this check
        key = key[:-1]
    assert any(t.label == label for t in by_surface.get(key, [])), (form, label)


# --- loader error handling on tiny files ------------------------------------------------------

HEADER = "name\tcurie\tkind\tsynonyms\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_reader_skips_comments_and_keeps_extra_columns(tmp_path):
    path = write(tmp_path / "products.tsv", "# a comment\nname\tcurie\tkind\tsynonyms\tsource\n"
                 "TestCell\t\tallogeneic\tTC-1|TC-1|TestCell\tbone marrow\n")
    (term,) = read_vocabulary_file(path, schema.PRODUCT)
    assert term.id == "msckg:product:testcell"
    assert term.synonyms == ("TC-1",)  # duplicates and the name itself are dropped
    assert term.properties == (("source", "bone marrow"),)


def test_reader_rejects_a_missing_column(tmp_path):
    path = write(tmp_path / "factors.tsv", "name\tcurie\tsynonyms\nIL-6\tHGNC:6018\tinterleukin-6\n")
    with pytest.raises(VocabularyError, match="missing column.*kind"):
        read_vocabulary_file(path, schema.FACTOR)


def test_reader_rejects_an_empty_name(tmp_path):
    path = write(tmp_path / "factors.tsv", HEADER + "IL-6\tHGNC:6018\tcytokine\t\n\t\tcytokine\tIL-99\n")
    with pytest.raises(VocabularyError, match="row 3: empty name"):
        read_vocabulary_file(path, schema.FACTOR)


def test_reader_rejects_a_bad_curie(tmp_path):
    path = write(tmp_path / "factors.tsv", HEADER + "IL-6\tHGNC 6018\tcytokine\t\n")
    with pytest.raises(VocabularyError, match="not a CURIE"):
        read_vocabulary_file(path, schema.FACTOR)


def test_loader_rejects_a_duplicate_id(tmp_path):
    write(tmp_path / "factors.tsv", HEADER + "IL-6\tHGNC:6018\tcytokine\t\ninterleukin 6\tHGNC:6018\tcytokine\t\n")
    with pytest.raises(VocabularyError, match="duplicate vocabulary id HGNC:6018"):
        load_vocabulary(tmp_path)


def test_loader_rejects_an_empty_directory(tmp_path):
    with pytest.raises(VocabularyError, match="no vocabulary files"):
        load_vocabulary(tmp_path)


@pytest.fixture
def tiny_vocabulary(tmp_path):
    write(tmp_path / "products.tsv", HEADER.rstrip("\n") + "\tsource\nTestCell\t\tallogeneic\t\tbone marrow\n")
    write(tmp_path / "diseases.tsv", HEADER + "osteoarthritis\tMONDO:0005178\t\tOA\n")
    return tmp_path


APPROVAL_HEADER = "product\tagency\tcountry\tyear\tindication\tstatus\tnote\n"


def test_approvals_load_from_a_tiny_directory(tiny_vocabulary):
    write(tiny_vocabulary / APPROVALS_FILE,
          "# c\n" + APPROVAL_HEADER + "TestCell\tMFDS\tSouth Korea\t2012\tosteoarthritis\tfull\tknee\n")
    (approval,) = load_product_approvals(tiny_vocabulary)
    assert approval == Approval("TestCell", "MFDS", "South Korea", 2012, "osteoarthritis", "full", "knee",
                                "msckg:product:testcell", "MONDO:0005178")


def test_approvals_file_is_optional(tiny_vocabulary):
    assert load_product_approvals(tiny_vocabulary) == []


@pytest.mark.parametrize("row,message", [
    ("OtherCell\tFDA\tUSA\t2020\tosteoarthritis\tfull\t", "'OtherCell' is not the name of a product"),
    ("TestCell\tFDA\tUSA\t2020\tOA\tfull\t", "'OA' is not the name of a disease"),  # a synonym is not enough
    ("TestCell\tFDA\tUSA\t20\tosteoarthritis\tfull\t", "year '20' is not a four-digit year"),
    ("TestCell\tFDA\tUSA\t2020\tosteoarthritis\tmaybe\t", "status 'maybe' is not one of"),
    ("TestCell\t\tUSA\t2020\tosteoarthritis\tfull\t", "row 2: empty agency"),
])
def test_approvals_reject_bad_rows(tiny_vocabulary, row, message):
    write(tiny_vocabulary / APPROVALS_FILE, APPROVAL_HEADER + row + "\n")
    with pytest.raises(VocabularyError, match=re.escape(message)):
        load_product_approvals(tiny_vocabulary)


def test_approvals_reject_a_missing_column(tiny_vocabulary):
    write(tiny_vocabulary / APPROVALS_FILE, "product\tagency\tyear\tindication\tstatus\tnote\n")
    with pytest.raises(VocabularyError, match="missing column.*country"):
        load_product_approvals(tiny_vocabulary)
