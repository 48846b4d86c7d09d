"""The readers on the four founding papers in ../shared/corpus (skipped with a message when it is absent).

Expected values were read off the source files by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from msckg.loaders.document import Document
from msckg.loaders.readers import iter_source_files, read_document

pytestmark = pytest.mark.corpus

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus folder {CORPUS} not found: put the four source papers in ../shared/corpus")
    files = iter_source_files([CORPUS])
    if len(files) < 4:
        pytest.skip(f"corpus folder {CORPUS} holds {len(files)} of the 4 source papers")
    return {path.name[:3]: read_document(path) for path in files}


def test_formats_detected(docs):
    assert {key: doc.format for key, doc in docs.items()} == {
        "000": "plain_text", "001": "pubmed_page", "002": "pdf_text", "003": "markdown"}


def test_offsets_consistent_everywhere(docs):
    for doc in docs.values():
        assert doc.sentences
        for k, sentence in enumerate(doc.sentences):
            assert sentence.index == k
            assert doc.text[sentence.start:sentence.end] == sentence.text
            assert sentence.section == doc.section_at(sentence.start)
        for citation in doc.citations:
            assert 0 <= citation.start <= citation.end <= len(doc.text)


def test_000_abstract_read_once(docs):
    doc = docs["000"]
    assert doc.text.count("Mesenchymal stem cells (MSCs) are a promising cell therapy option") == 1
    assert doc.text.endswith("direct cell administration in the future.")
    assert len(doc.sentences) == 8
    assert any("repeated verbatim" in w for w in doc.warnings)


def test_001_pubmed_metadata_and_references(docs):
    doc = docs["001"]
    meta = doc.metadata
    assert meta["title"] == "The Therapeutic Use and Potential of MSCs: Advances in Regenerative Medicine"
    assert meta["doi"] == "10.3390/ijms26073084"
    assert meta["journal"] == "Int J Mol Sci"
    assert (meta["year"], meta["date"]) == (2025, "2025-03-27")
    assert meta["authors"] == ["Alin Constantin Pînzariu"]
    assert meta["keywords"] == ["immunomodulation", "mesenchymal stem cells", "regenerative medicine",
                                "stem cell therapy", "tissue regeneration"]
    assert [r.number for r in doc.references] == [1, 2, 3, 4, 5]
    assert [r.doi for r in doc.references] == [
        "10.3389/fcell.2021.661532", "10.1186/s13287-021-02378-7", None, "10.1186/s12944-019-1081-9",
        "10.37358/RC.18.3.6187"]
    assert [r.year for r in doc.references] == [2021, 2021, 2016, 2019, 2018]
    for chrome in ("Skip to main", ".gov", "NCBI", "PubMed Disclaimer", "MeSH", "LinkOut", "Affiliations"):
        assert chrome not in doc.text
    assert doc.sentences[0].section == "Abstract"
    assert doc.sentences[-1].section == "Figure 1"


def test_002_pdf_sections_hyphens_table_citations(docs):
    doc = docs["002"]
    titles = [s.title for s in doc.sections]
    for title in ("ABSTRACT", "INTRODUCTION", "IMMUNOMODULATORY MECHANISMS", "Anti-apoptosis",
                  "Mitochondrial transfer", "Bone and cartilage regeneration", "CONCLUSIONS"):
        assert title in titles
    assert "-\n" not in doc.text
    for kept in ("pro-inflammatory", "anti-inflammatory", "HLA-DR", "MSC-derived", "non-invasive",
                 "paracrine-mediated", "organ-on-a-chip"):
        assert kept in doc.text
    table = next(t for t in doc.tables if t.caption.startswith("Table 1."))
    assert table.header == ("Application Area", "Key Points", "Ref.")
    assert len(table.rows) == 7
    assert [row[0] for row in table.rows] == [
        "Bone and Cartilage", "Cardiovascular Diseases", "Neurological Disorders", "Immune/Autoimmune Diseases",
        "Wound Healing & Skin", "Gastrointestinal Disorders", "Respiratory Diseases"]
    assert table.rows[0][2] == "[52-57]"
    assert table.row_citations[0] == (52, 53, 54, 55, 56, 57)
    assert table.footnote.startswith("IBD: Inflammatory Bowel Disease")
    assert doc.references == []  # the text ends at CONCLUSIONS
    fibrosis = next(s for s in doc.sentences if "pathways[27-29]" in s.text)
    assert {27, 28, 29, 30} <= set(fibrosis.citations)
    dendritic = next(s for s in doc.sentences if "tolerogenic dendritic cells" in s.text)
    assert dendritic.citations == (18, 19)
    caption = [s.text for s in doc.sentences if s.section == "Figure 1"]
    assert caption[0] == "Therapeutic mechanisms of MSCs."


def test_003_markdown_table_references_citations(docs):
    doc = docs["003"]
    assert doc.metadata["title"].startswith("Mesenchymal Stem Cells: A Transformative Frontier")
    assert doc.metadata["doi"] == "10.15419/f4pew228"
    assert doc.metadata["authors"] == ["Hassan Esandi", "Salman Darabi", "Halim Khan"]
    assert doc.metadata["abbreviations"]["GvHD"] == "Graft-versus-host disease"
    products = next(t for t in doc.tables if t.header[0] == "Product Name")
    assert products.header == ("Product Name", "Indication", "Year Approved", "Regulatory Agency")
    assert [row[0] for row in products.rows] == ["Ryoncil", "StemOne", "Cartistem", "HeartiCellgram", "Temcell"]
    assert products.rows[0] == ("Ryoncil", "Pediatric steroid-refractory acute GvHD", "2024", "FDA (USA)")
    assert [r.number for r in doc.references] == list(range(1, 110))  # 109 entries, counted by hand
    assert doc.references[15].title == ("Comparative study of three types of mesenchymal stem cell to "
                                        "differentiate into pancreatic β-like cells in vitro")
    assert doc.references[77].journal == "Journal of Hematology & Oncology"
    assert not re.search(r"<sup>|\*\*|\$\\", doc.text)
    intro = next(s for s in doc.sentences if s.text.startswith("MSCs have since been isolated"))
    assert intro.citations == (1, 3, 4, 5, 6, 7, 8, 9, 10)
    renamed = next(s for s in doc.sentences if "master signaling cells" in s.text)
    assert renamed.citations == (1,)
    for back in ("Not applicable", "competing interests", "halimkhan", "Biomedpress"):
        assert back not in doc.text
