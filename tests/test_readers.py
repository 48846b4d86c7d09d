"""Readers: one small fixture per layout quirk (tests/fixtures/readers/), bad inputs, and the shared parts
(sentence splitting, citation markers, references, decoding, format detection, file listing)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from msckg.errors import UnreadableSource
from msckg.loaders.document import Document
from msckg.loaders.readers import READERS, detect_format, iter_source_files, read_document, read_text
from msckg.loaders.readers.citations import find_author_year_citations, parse_citation_numbers
from msckg.loaders.readers.hyphenation import WordEvidence, domain_words
from msckg.loaders.readers.layout import is_field_line, looks_like_byline, run_in_label, section_role
from msckg.loaders.readers.markup import clean_inline, latex_to_unicode
from msckg.loaders.readers.references import clean_doi, parse_reference, parse_reference_list
from msckg.loaders.readers.sentences import split_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def read(name: str) -> Document:
    return read_document(FIXTURES / name)


def assert_consistent(doc: Document) -> None:
    """The contract every reader keeps: offsets point at the exact words."""
    for k, sentence in enumerate(doc.sentences):
        assert sentence.index == k
        assert doc.text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.section == doc.section_at(sentence.start)
    for citation in doc.citations:
        assert 0 <= citation.start <= citation.end <= len(doc.text)
    for section in doc.sections:
        assert 0 <= section.start <= section.end <= len(doc.text)


def sentences(doc: Document) -> list[str]:
    return [s.text for s in doc.sentences]


# -- plain text ------------------------------------------------------------------------------------------
def test_plain_text_reads_glued_repeat_and_repeated_paragraph_once():
    doc = read("plain_repeated_abstract.txt")
    assert doc.format == "plain_text"
    assert doc.text == (
        "Mesenchymal stromal cells can be expanded from bone marrow aspirates. They adhere to plastic and form "
        "fibroblast-like colonies. Their secretome includes growth factors such as HGF and VEGF.\n\n"
        "In graft-versus-host disease, infused MSCs dampen T cell activation.")
    assert len(doc.sentences) == 4
    assert doc.metadata["title"] is None  # the first line is prose, not a title
    assert any("repeated verbatim" in w for w in doc.warnings)
    assert any("repeated paragraph" in w for w in doc.warnings)
    assert_consistent(doc)


def test_plain_text_title_references_and_author_year_citation():
    doc = read("plain_titled_notes.txt")
    assert doc.metadata["title"] == "Umbilical cord MSCs in knee osteoarthritis"
    assert sentences(doc) == [
        "Repeated intra-articular doses of umbilical cord MSCs reduced knee pain more than hyaluronic acid "
        "(Matas et al., 2019).",
        "The cells were well tolerated.",
    ]
    [ref] = doc.references
    assert (ref.number, ref.year, ref.journal, ref.doi) == (1, 2019, "Stem Cells Transl Med", "10.1002/sctm.18-0053")
    [citation] = doc.citations
    assert citation.label == "Matas et al., 2019" and citation.numbers == (1,)
    assert doc.text[citation.start:citation.end] == "Matas et al., 2019"
    assert doc.sentences[0].citations == (1,)
    assert_consistent(doc)


def test_plain_text_structured_abstract_labels_become_sections():
    doc = read("plain_structured_abstract.txt")
    assert [(s.title, s.level) for s in doc.sections] == [
        ("BACKGROUND", 2), ("Methods", 2), ("Results", 2), ("Conclusions", 2)]
    assert [(s.section, s.text) for s in doc.sentences] == [
        ("BACKGROUND", "Colitis damages the intestinal barrier."),
        ("BACKGROUND", "Umbilical cord MSCs may restore it."),
        ("Methods", "Mice received dextran sulfate sodium and then umbilical cord MSCs or saline."),
        ("Results", "Treated mice lost less weight than controls."),
        ("Results", "Note: two mice died before the end of the study."),  # not an abstract label: text
        ("Conclusions", "Umbilical cord MSCs protect the colon in this model."),
    ]
    assert_consistent(doc)


def test_plain_text_record_field_lines_are_text_not_headings():
    doc = read("plain_record_fields.txt")
    assert doc.metadata["title"] == "Adipose Stromal Cells for Complex Perianal Fistula in Crohn's Disease (EXAMPLE-1)"
    assert [(s.title, s.level) for s in doc.sections] == [("Eligibility", 2)]
    assert sentences(doc) == [
        "Brief Summary: This study tests whether expanded adipose-derived stromal cells close complex perianal "
        "fistulas in Crohn's disease.",
        "Conditions: Perianal Fistula",
        "Phase: Phase 3",
        "Adults with a draining perianal fistula for at least six weeks.",
    ]
    assert doc.metadata["keywords"] == ["darvadstrocel", "Crohn's disease"]  # metadata, not a heading
    assert_consistent(doc)


def test_plain_text_news_byline_is_metadata():
    doc = read("plain_news_byline.txt")
    assert doc.metadata["title"] == "Regulator clears cord blood MSC product for knee cartilage repair"
    assert doc.metadata["byline"] == "By Staff Reporter | Seoul | 3 May 2024"
    assert [(s.title, s.level) for s in doc.sections] == [("How it works", 2)]
    assert "Staff Reporter" not in doc.text
    assert [s.section for s in doc.sentences] == ["", "", "How it works"]
    assert_consistent(doc)


@pytest.mark.parametrize("line, label", [
    ("Methods: PubMed and Embase were searched.", ("Methods", "PubMed and Embase were searched.")),
    ("CONCLUSIONS: MSCs were safe.", ("CONCLUSIONS", "MSCs were safe.")),
    ("Materials and Methods: Cells were counted.", ("Materials and Methods", "Cells were counted.")),
    ("Background:", ("Background", "")),
    ("Children: Response rates were higher.", None),
    ("Results were mixed: two trials failed.", None),
])
def test_run_in_label(line, label):
    assert run_in_label(line) == label


@pytest.mark.parametrize("line, field", [
    ("Conditions: Perianal Fistula", True), ("ClinicalTrials.gov ID: NCT01234567", True), ("Phase: 3", True),
    ("Immunomodulation by MSCs", False), ("Eligibility Criteria:", False),
])
def test_is_field_line(line, field):
    assert is_field_line(line) is field


@pytest.mark.parametrize("line, byline", [
    ("By our Health Desk | Mumbai | 21 August 2020", True), ("By Jane Roe and John Doe", True),
    ("By Staff Reporter \u2014 Seoul", True), ("By contrast, cord MSCs grow faster", False),
    ("By 2030 most trials will use cord MSCs.", False), ("Bystander effects of MSCs", False),
])
def test_looks_like_byline(line, byline):
    assert looks_like_byline(line) is byline


# -- PubMed page -----------------------------------------------------------------------------------------
def test_pubmed_page_drops_chrome_and_keeps_metadata():
    doc = read("pubmed_page.txt")
    assert doc.format == "pubmed_page"
    meta = doc.metadata
    assert meta["title"] == ("Mesenchymal stem cells for treatment of steroid-resistant, severe, acute "
                             "graft-versus-host disease: a phase II study")
    assert meta["journal"] == "Lancet"
    assert (meta["year"], meta["date"]) == (2008, "2008-05-10")
    assert (meta["volume"], meta["issue"], meta["pages"]) == ("371", "9624", "1579-86")
    assert meta["doi"] == "10.1016/S0140-6736(08)60690-X"
    assert meta["pmid"] == "18468541"
    assert meta["authors"] == ["Katarina Le Blanc"]
    assert meta["keywords"] == ["graft-versus-host disease", "mesenchymal stem cells", "bone marrow",
                                "immunosuppression"]
    assert meta["publication_types"] == ["Clinical Trial"]
    assert doc.text == (
        "Fifty-five patients with steroid-resistant acute graft-versus-host disease received mesenchymal stem "
        "cells expanded from bone marrow. Thirty of them had a complete response and nine improved. No "
        "side-effects were seen during or right after the infusions.\n\n"
        "Survival of complete responders compared with other patients after MSC infusion.")
    for chrome in (".gov", "Skip to", "NCBI", "Disclaimer", "MeSH", "LinkOut", "Adolescent", "conflict"):
        assert chrome not in doc.text
    assert [(s.title, s.level) for s in doc.sections] == [("Abstract", 1), ("Figure 1", 2)]
    assert doc.sentences[-1].section == "Figure 1"
    assert_consistent(doc)


def test_pubmed_references_renumbered_with_clean_dois():
    doc = read("pubmed_page.txt")
    assert [r.number for r in doc.references] == [1, 2, 3]
    assert [r.doi for r in doc.references] == ["10.1016/S0140-6736(04)16104-7", "10.1080/14653240600855905", None]
    assert [r.year for r in doc.references] == [2004, 2006, 2006]
    assert [r.journal for r in doc.references] == ["Lancet", "Cytotherapy", "Transplantation"]
    assert doc.references[2].title == ("Mesenchymal stem cells for treatment of therapy-resistant "
                                       "graft-versus-host disease")
    assert not any("PubMed" in r.text or "- DOI" in r.text for r in doc.references)
    assert any("renumbered 1..3" in w for w in doc.warnings)


def test_pubmed_banner_and_toolbar_are_chrome_not_title():
    doc = read("pubmed_banner_toolbar.txt")
    assert doc.format == "pubmed_page"
    meta = doc.metadata
    assert meta["title"] == ("Umbilical cord mesenchymal stromal cells reduce proteinuria in a mouse model of "
                             "lupus nephritis")
    # "Full text links" is a toolbar label: the citation, DOI, authors and PMID after it are still read
    assert (meta["journal"], meta["year"], meta["volume"], meta["issue"], meta["pages"]) == (
        "Stem Cell Rep Example", 2022, "7", "4", "201-210")
    assert (meta["doi"], meta["pmid"]) == ("10.5555/scre.2022.0077", "99000777")
    assert meta["authors"] == ["Ana Costa", "Jonas Lind", "Wei Chen"]
    assert sentences(doc) == [
        "Lupus nephritis is a frequent cause of kidney failure in systemic lupus erythematosus.",
        "Umbilical cord MSCs given intravenously lowered proteinuria and serum anti-dsDNA antibodies in MRL/lpr mice.",
    ]
    for chrome in (".gov", "Full text", "Cite", "Similar articles", "review", "MeSH", "Academic Press"):
        assert chrome not in doc.text
    assert_consistent(doc)


def test_pubmed_copy_without_citation_line_takes_first_title_like_line():
    page = ("Skip to main page content\nPubMed Disclaimer\n\nMSCs in lupus nephritis: a pilot study\n\n"
            "Abstract\n\nMSCs lowered proteinuria in six patients.\n\nMeSH terms\n\nHumans\n")
    doc = read_text(page, "page.txt")
    assert doc.format == "pubmed_page"
    assert doc.metadata["title"] == "MSCs in lupus nephritis: a pilot study"
    assert sentences(doc) == ["MSCs lowered proteinuria in six patients."]


def test_pubmed_structured_abstract_labels_become_sections():
    page = ("Skip to main page content\nPubMed Disclaimer\n\nLancet. 2008 May 10;371(9624):1579-86.\n\n"
            "MSCs for steroid-resistant graft-versus-host disease\n\nAbstract\n\n"
            "Background: Few options exist.\nMethods:\nMSCs were infused.\nResults: Thirty patients responded.\n")
    doc = read_text(page, "page.txt")
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Abstract", 1), ("Background", 2), ("Methods", 2), ("Results", 2)]
    assert [(s.section, s.text) for s in doc.sentences] == [
        ("Background", "Few options exist."), ("Methods", "MSCs were infused."),
        ("Results", "Thirty patients responded.")]
    assert_consistent(doc)


# -- PDF text --------------------------------------------------------------------------------------------
def test_pdf_hyphenation_joined_or_kept_by_evidence():
    doc = read("pdf_hyphenation.txt")
    assert doc.format == "pdf_text"
    assert doc.text == (
        "Bone marrow MSCs release many cytokines, and the cytokines they release change with their surroundings. "
        "MSCs exposed to pro-inflammatory IFN-γ have induced IDO expression and become strongly anti-inflammatory. "
        "They are negative for HLA-DR and for CD45. MSC-derived vesicles carry much of this activity and can be "
        "given by non-invasive routes. Hypoxia-induced stress changes the secretome, and hypoxia also slows "
        "growth. TSG-6 attenuates inflammation in the injured lung.")
    assert "-\n" not in doc.text
    assert_consistent(doc)


def test_pdf_compound_hyphen_at_line_break_is_kept():
    doc = read("pdf_compound_hyphen.txt")
    assert doc.format == "pdf_text"
    assert sentences(doc) == [
        "Stromal cells from adipose tissue limit scarring in several organs.",
        "Their vesicles inhibited epithelial-mesenchymal transition of renal tubular cells and lowered collagen "
        "deposition in mice with folic acid (FA)-induced kidney injury.",
        "Cord-derived mesenchymal cells had the same effect, which attenuates fibrosis over several weeks.",
    ]
    assert_consistent(doc)


LEXICON = frozenset({"epithelial", "mesenchymal", "transition", "signalling"})


@pytest.mark.parametrize("left, right, lexicon, joined", [
    # both parts are words (of the lexicon), the joined word is none: a compound
    ("inhibited epithelial-", "mesenchymal transition", LEXICON, "inhibited epithelial-mesenchymal transition"),
    # a word split by hyphenation: the parts are fragments, or the joined word is known
    ("bone marrow mesen-", "chymal cells", LEXICON, "bone marrow mesenchymal cells"),
    ("bone marrow mesen-", "chymal cells", frozenset(), "bone marrow mesenchymal cells"),
    ("Notch signal-", "ling", LEXICON, "Notch signalling"),
    ("TSG-6 attenu-", "ates injury", LEXICON, "TSG-6 attenuates injury"),
    # without the lexicon, and with the document silent, the parts count as fragments
    ("inhibited epithelial-", "mesenchymal transition", frozenset(), "inhibited epithelialmesenchymal transition"),
    # a hyphen after a closing bracket always belongs to a compound
    ("carbon tetrachloride (CCl4)-", "induced fibrosis", LEXICON, "carbon tetrachloride (CCl4)-induced fibrosis"),
])
def test_line_break_hyphen_decided_by_lexicon(left, right, lexicon, joined):
    assert WordEvidence("Cells were counted.", lexicon).join(left, right) == joined


def test_document_evidence_still_comes_before_the_lexicon():
    # the document writes "epithelialmesenchymal" elsewhere (rule 3): join, though both parts are lexicon words
    evidence = WordEvidence("The epithelialmesenchymal shift was seen.", LEXICON)
    assert evidence.join("an epithelial-", "mesenchymal shift") == "an epithelialmesenchymal shift"
    assert {"epithelial", "mesenchymal"} <= domain_words()  # the default lexicon: the vocabulary's words
    assert all(len(word) >= 4 and word == word.lower() for word in domain_words())


def test_pdf_double_spaced_abstract_is_one_paragraph():
    doc = read("pdf_double_spaced.txt")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs == [
        "Mesenchymal stem cells home to injured tissue, where they release trophic factors and modulate local "
        "immune cells. Their effect depends on the tissue source, the donor and the culture conditions, which "
        "makes potency hard to predict.",
        "MSCs were named by Caplan in 1991. They can be isolated from bone marrow, adipose tissue and the "
        "umbilical cord.",
        "Cord-derived MSCs proliferate faster than those from adult bone marrow.",
    ]
    assert [(s.title, s.level) for s in doc.sections] == [("ABSTRACT", 1), ("BACKGROUND", 1)]
    assert [s.section for s in doc.sentences] == ["ABSTRACT"] * 2 + ["BACKGROUND"] * 3
    assert_consistent(doc)


def test_pdf_headings_and_figure_caption_kept_apart():
    doc = read("pdf_headings_captions.txt")
    assert [(s.title, s.level) for s in doc.sections] == [
        ("IMMUNOMODULATION", 1), ("Figure 1", 2), ("Paracrine support", 2), ("Anti-fibrotic effects", 2),
        ("CONCLUSIONS", 1)]
    # "Figure 1." closing a sentence is running text; the "Figure 1. ..." paragraph is the caption
    assert doc.sentences[2].text == "These effects are summarised in Figure 1."
    assert doc.sentences[2].section == "IMMUNOMODULATION"
    captions = [s.text for s in doc.sentences if s.section == "Figure 1"]
    assert captions == ["Soluble mediators of MSC immunomodulation.",
                        "PGE2, IDO and TGF-β act on T cells and macrophages."]
    by_section = {s.section: s.text for s in doc.sentences}
    assert by_section["Anti-fibrotic effects"] == ("HGF released by MSCs lowers collagen deposition in models "
                                                   "of liver fibrosis.")
    assert by_section["CONCLUSIONS"] == "MSC therapy relies more on secreted signals than on long-term engraftment."
    assert "Anti-fibrotic effects" not in doc.text  # headings are sections, not text
    assert_consistent(doc)


def test_pdf_column_wrapped_table_becomes_rows():
    doc = read("pdf_table.txt")
    assert doc.format == "pdf_text"
    [table] = doc.tables
    assert table.caption == "Table 1. Approved MSC products by indication."
    assert table.header == ("Indication Area", "Key Points", "Ref.")
    assert table.rows == (
        ("Graft-versus-Host Disease", "Temcell was approved in Japan and Ryoncil by the FDA for children.", "[1, 2]"),
        ("Perianal Fistulas", "Darvadstrocel uses expanded adipose MSCs.", "[3]"),
        ("Immune/Autoimmune Diseases", "Trials in lupus and Crohn's disease report reduced disease activity.",
         "[4-6]"),
        ("Cartilage Defects", "Cartistem combines cord blood MSCs with hyaluronic acid.", "[7]"),
    )
    assert table.row_citations == ((1, 2), (3,), (4, 5, 6), (7,))
    assert table.footnote == "FDA: Food and Drug Administration; MSC: Mesenchymal Stem Cell"
    assert table.section == "CLINICAL PRODUCTS"
    assert doc.metadata["abbreviations"] == {"FDA": "Food and Drug Administration", "MSC": "Mesenchymal Stem Cell"}
    assert "Darvadstrocel" not in doc.text  # table cells are not running text
    assert sentences(doc) == [
        "Several MSC products have reached patients, and regulators in Asia, Europe and North America have "
        "approved them (Table 1).",
        "In systemic lupus, allogeneic MSC infusions lowered disease activity scores in several open trials [4].",
    ]
    assert doc.sentences[1].section == "Autoimmune disease"
    assert_consistent(doc)


def test_pdf_bracket_citations_expanded_and_attached():
    doc = read("pdf_citations.txt")
    assert [(s.text, s.citations) for s in doc.sentences] == [
        ("MSCs lower fibrosis by reducing TGF-β signalling in injured organs [27-29].", (27, 28, 29)),
        ("They secrete VEGF, bFGF and HGF, which activate the PI3K/AKT pathway in endothelial cells [31, 33, 34].",
         (31, 33, 34)),
        ("Tolerogenic dendritic cells also arise after MSC contact [18], [19].", (18, 19)),
        ("Heme oxygenase (HO)[13] protects cells from oxidative stress.", (13,)),
        ("Conditioned medium improves tube formation[31, 32].", (31, 32)),
        ("MSCs protect the lung after injury. [4]", (4,)),
        ("Exosomes carry part of this effect.", ()),
    ]
    assert doc.references == []
    assert [doc.text[c.start:c.end] for c in doc.citations] == [
        "[27-29]", "[31, 33, 34]", "[18]", "[19]", "[13]", "[31, 32]", "[4]"]
    assert_consistent(doc)


# -- Markdown --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def md() -> Document:
    return read("markdown_paper.txt")


def test_markdown_in_txt_is_detected_by_content(md):
    assert md.format == "markdown"


def test_markdown_front_matter_is_metadata(md):
    meta = md.metadata
    assert meta["title"] == "Bone Marrow MSCs in Graft-versus-Host Disease: A Short Review"
    assert meta["authors"] == ["Ana Rivera", "Tomas Berg", "Lena Okafor"]
    assert meta["keywords"] == ["Mesenchymal stem cells", "GvHD", "Immunomodulation"]
    assert meta["doi"] == "10.5555/msckg.fixture.3"
    assert (meta["journal"], meta["year"], meta["volume"], meta["issue"], meta["pages"]) == (
        "Example J Cell Ther", 2024, "3", "1", "12")
    assert meta["affiliations"] == ["Department of Haematology, Example University Hospital"]
    assert meta["history"] == {"Received": "10/01/2024", "Accepted": "15/03/2024"}
    assert meta["correspondence"] == "Lena Okafor, Department of Haematology"
    assert meta["abbreviations"] == {"GvHD": "Graft-versus-host disease", "IDO": "Indoleamine 2,3-dioxygenase",
                                     "MSC": "Mesenchymal stem cell"}
    for not_body in ("Rivera", "Haematology", "Correspondence", "Copyright", "Cite this", "Key words",
                     "competing interests", "None.", "Indoleamine 2,3-dioxygenase;"):
        assert not_body not in md.text


def test_markdown_sections_and_sentences(md):
    assert [(s.title, s.level) for s in md.sections] == [
        ("ABSTRACT", 2), ("INTRODUCTION", 2), ("MECHANISMS", 2), ("Soluble Mediators", 3),
        ("Clinical Results", 3), ("Figure 1", 4)]
    assert [(s.section, s.text, s.citations) for s in md.sentences] == [
        ("ABSTRACT", "Mesenchymal stem cells (MSCs) modulate both innate and adaptive immunity.", (1,)),
        ("ABSTRACT", "This review covers their use in steroid-refractory acute graft-versus-host disease (GvHD).", ()),
        ("INTRODUCTION", "MSCs were first grown from bone marrow as colony-forming fibroblasts.", (2,)),
        ("INTRODUCTION", "The ISCT criteria require expression of CD73, CD90 and CD105.", (3,)),
        ("INTRODUCTION", "They also require absence of CD45, CD34 and HLA-DR.", (3, 4)),
        ("Soluble Mediators", "Licensed MSCs secrete indoleamine 2,3-dioxygenase, prostaglandin E2 and transforming "
                              "growth factor-β, which restrain T cell proliferation.", (5, 6, 7)),
        ("Soluble Mediators", "Interferon-γ is the main licensing signal.", (8,)),
        ("Soluble Mediators", "The effect was confirmed in GvHD patients (Le Blanc et al., 2008).", (9,)),
        # the sentence cut by the table is put back together
        ("Soluble Mediators", "Several products are now on the market, and their approvals span three regulatory "
                              "agencies.", (9,)),
        ("Clinical Results", "Most trials expanded the cells in fetal bovine serum, which raises concerns about "
                             "xenogeneic proteins.", (10,)),
        ("Clinical Results", "Children: Response rates in children exceeded those in adults.", (9,)),
        ("Clinical Results", "Adults: Outcomes varied between centres.", ()),
        ("Figure 1", "Timeline of MSC trials in GvHD.", ()),
        ("Figure 1", "Phase II results preceded the first approvals.", ()),
    ]
    for markup in ("<sup>", "</sup>", "**", "*", "$", "\\", "#", "|"):
        assert markup not in md.text
    assert_consistent(md)


def test_markdown_sup_citation_sits_where_the_marker_was(md):
    first = md.citations[0]
    assert first.numbers == (1,) and first.start == first.end
    assert md.text[:first.start].endswith("adaptive immunity")
    assert md.text[first.start] == "."
    author_year = [c for c in md.citations if c.label]
    assert [(c.label, c.numbers) for c in author_year] == [("Le Blanc et al., 2008", (9,))]


def test_markdown_pipe_table(md):
    [table] = md.tables
    assert table.caption == "Table 1: Approved products"
    assert table.header == ("Product Name", "Indication", "Year Approved", "Regulatory Agency")
    assert table.rows == (("Temcell", "Acute GvHD", "2015", "PMDA (Japan)"),
                          ("Ryoncil", "Pediatric steroid-refractory acute GvHD", "2024", "FDA (USA)"))
    assert table.section == "Soluble Mediators"


def test_markdown_reference_list(md):
    refs = md.references
    assert [r.number for r in refs] == list(range(1, 11))
    assert refs[0].journal == "Nature Reviews Immunology" and refs[0].year == 2012
    # a journal name cut onto a "- " bullet line by the converter is put back together
    assert refs[6].journal == "Science Translational Medicine"
    assert refs[6].text.endswith("Science Translational Medicine. 2017;9(416):eaam7828.")
    assert refs[7].title == ("Role for interferon-γ in the immunomodulatory activity of human bone marrow "
                             "mesenchymal stem cells")
    assert refs[8].doi == "10.1016/S0140-6736(08)60690-X"
    assert [r.doi for r in refs].count(None) == 9


def test_markdown_blockquote_markers_are_stripped():
    doc = read_text("# Lab notes\n\n## Overview\n\nBone marrow MSCs secrete PGE2.\n"
                    "> Kept by the cell therapy group. Last edited in 2024.\n>\n"
                    "> > Nested: IDO is induced by IFN-γ.\n\n"
                    "CD73 was expressed by > 95% of cells.\n", "notes.md", fmt="markdown")
    assert sentences(doc) == [
        "Bone marrow MSCs secrete PGE2.",  # a quote starts a block of its own
        "Kept by the cell therapy group.", "Last edited in 2024.",
        "Nested: IDO is induced by IFN-γ.",
        "CD73 was expressed by > 95% of cells.",  # ">" inside a line is text
    ]
    assert doc.text.count("\n\n") == 3
    assert_consistent(doc)


def test_markdown_list_items_without_final_stops_stay_apart():
    # items that start in lower case do not finish the item before them, as a paragraph cut by a table would
    doc = read_text("# Notes\n\n## Sources\n\n- BM-MSCs = gold standard\n- adipose tissue \u2192 more cells\n"
                    "- umbilical cord \u2192 fast growth\n\nThe cells were grown\nin a medium that\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                    "contained serum.\n", "notes.md", fmt="markdown")
    assert sentences(doc) == ["BM-MSCs = gold standard", "adipose tissue \u2192 more cells",
                              "umbilical cord \u2192 fast growth", "The cells were grown in a medium that contained serum."]
    assert_consistent(doc)


# -- sentence splitting ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Pittenger et al. showed trilineage potential. The cells were human.",
     ["Pittenger et al. showed trilineage potential.", "The cells were human."]),
    ("Factors (e.g. PGE2, i.e. a lipid) act locally. IDO acts too.",
     ["Factors (e.g. PGE2, i.e. a lipid) act locally.", "IDO acts too."]),
    ("Cord vs. marrow MSCs differ (see Fig. 2). Dr. Caplan named them.",
     ["Cord vs. marrow MSCs differ (see Fig. 2).", "Dr. Caplan named them."]),
    ("Each dose held approx. 2.5 million cells per kg. Doses were repeated.",
     ["Each dose held approx. 2.5 million cells per kg.", "Doses were repeated."]),
    ("Ryoncil was approved by the U.S. FDA in 2024. It treats children.",
     ["Ryoncil was approved by the U.S. FDA in 2024.", "It treats children."]),
    ("A. J. Friedenstein grew them first. TNF-α rose. β-catenin fell.",
     ["A. J. Friedenstein grew them first.", "TNF-α rose.", "β-catenin fell."]),
    ("1. Adherence to plastic. 2. Marker expression.",
     ["1. Adherence to plastic.", "2. Marker expression."]),
    ("They inhibit apoptosis [12]. miRNAs also help.", ["They inhibit apoptosis [12].", "miRNAs also help."]),
    # a one-letter unit after a figure ends a sentence; an initial does not
    ("Podocytes were co-cultured with exosomes for 24 h. High glucose suppresses AMPK.",
     ["Podocytes were co-cultured with exosomes for 24 h.", "High glucose suppresses AMPK."]),
    ("Exosomes were pelleted at 100,000 \u00d7 g. They were 60-140 nm across.",
     ["Exosomes were pelleted at 100,000 \u00d7 g.", "They were 60-140 nm across."]),
])
def test_sentence_splitting(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_superscript_numbers_pasted_apart_by_spaces_are_one_citation_that_ends_the_sentence():
    doc = read_text("Introduction\n\nHigh TNF-\u03b1 predicts amputation in limb ischaemia.4 5 Hypoxia-inducible "
                    "factor-1\u03b1 is blunted in older patients.6 MSCs secrete VEGF.7 8\n", "bmj.txt", fmt="plain_text")
    assert sentences(doc) == ["High TNF-\u03b1 predicts amputation in limb ischaemia.4 5",
                              "Hypoxia-inducible factor-1\u03b1 is blunted in older patients.6", "MSCs secrete VEGF.7 8"]
    assert [c.numbers for c in doc.citations] == [(4, 5), (6,), (7, 8)]
    # numbers that do not rise are no such list
    doc = read_text("Introduction\n\nThe cells were counted.9 3 Days later they grew.\n", "c.txt", fmt="plain_text")
    assert [c.numbers for c in doc.citations] == []


def test_citation_after_full_stop_belongs_to_previous_sentence():
    text = "MSCs protect the injured kidney. [12] Next they home to it."
    spans = split_sentences(text, [(33, 37)])
    assert [text[s:e] for s, e in spans] == ["MSCs protect the injured kidney. [12]", "Next they home to it."]


def test_reference_numbers_glued_to_punctuation_are_citations_that_end_sentences():
    doc = read_text("Cartistem was approved for knee cartilage defects.21 Injections of adipose MSCs improved pain in "
                    "trials,22,23 although structure did not change. TSG-6 blocks NF-κB signalling,15 which fits "
                    "our data.16,17", "x.txt", fmt="plain_text")
    assert [(s.text, s.citations) for s in doc.sentences] == [
        ("Cartistem was approved for knee cartilage defects.21", (21,)),
        ("Injections of adipose MSCs improved pain in trials,22,23 although structure did not change.", (22, 23)),
        ("TSG-6 blocks NF-κB signalling,15 which fits our data.16,17", (15, 16, 17))]
    # after an acronym too ("in SCI.9-11 Their appeal")
    doc = read_text("MSCs have been tested in SCI.9-11 Their appeal rests on homing. Stemirac is approved for "
                    "SCI,21 and ALS.22", "x.txt", fmt="plain_text")
    assert [(s.text, s.citations) for s in doc.sentences] == [
        ("MSCs have been tested in SCI.9-11", (9, 10, 11)), ("Their appeal rests on homing.", ()),
        ("Stemirac is approved for SCI,21 and ALS.22", (21, 22))]
    # a figure number, a decimal, a numbered phase, a number after a digit or a single capital is none
    doc = read_text("As Fig.2 shows, the dose was 0.5 mg in phase.2 of the study. Levels of IL-6,10 and 12 rose. "
                    "See Appendix A.2 for doses.", "x.txt", fmt="plain_text")
    assert [s.citations for s in doc.sentences] == [(), (), ()]


# -- citations, markup, references -----------------------------------------------------------------------
@pytest.mark.parametrize("inner, numbers", [
    ("27-29", (27, 28, 29)), ("31, 33, 34", (31, 33, 34)), ("65–67", (65, 66, 67)), ("1,11-13", (1, 11, 12, 13)),
    ("7", (7,)), ("1,*", None), ("a", None), ("0", None),
])
def test_parse_citation_numbers(inner, numbers):
    assert parse_citation_numbers(inner) == numbers


def test_clean_inline_removes_markup_and_keeps_sup_offsets():
    text, markers = clean_inline("lineages<sup>1</sup>. **Bold** and *italic* tissue<sup>1,3,4</sup>, "
                                 "TGF- $\\beta$ , Cartistem<sup>®</sup>")
    assert text == "lineages. Bold and italic tissue, TGF-β, Cartistem®"
    assert [(m.start, m.numbers) for m in markers] == [(8, (1,)), (32, (1, 3, 4))]


def test_latex_to_unicode():
    assert latex_to_unicode("interferon- $\\gamma$  and pancreatic  $\\beta$ -like cells") == \
        "interferon-γ and pancreatic β-like cells"
    assert latex_to_unicode("costs $5 and $10") == "costs $5 and $10"


@pytest.mark.parametrize("raw, doi", [
    ("doi: 10.3389/fcell.2021.661532.", "10.3389/fcell.2021.661532"),
    ("https://doi.org/10.1002/sctm.18-0053;", "10.1002/sctm.18-0053"),
    ("DOI: 10.1016/S0140-6736(08)60690-X).", "10.1016/S0140-6736(08)60690-X"),
])
def test_clean_doi(raw, doi):
    assert clean_doi(raw) == doi


def test_parse_vancouver_and_pubmed_references():
    markdown = parse_reference(3, "Dominici M, et al. Minimal criteria for defining multipotent mesenchymal "
                                  "stromal cells. *Cytotherapy*. 2006;8(4):315–317.")
    assert (markdown.title, markdown.journal, markdown.year, markdown.doi) == (
        "Minimal criteria for defining multipotent mesenchymal stromal cells", "Cytotherapy", 2006, None)
    pubmed = parse_reference(1, "Caplan A.I. Mesenchymal stem cells. J. Orthop. Res. 1991;9:641–650. "
                                "doi: 10.1002/jor.1100090504. - DOI - PubMed")
    assert (pubmed.title, pubmed.journal, pubmed.year, pubmed.doi) == (
        "Mesenchymal stem cells", "J. Orthop. Res", 1991, "10.1002/jor.1100090504")
    assert pubmed.text.endswith("doi: 10.1002/jor.1100090504.")


def test_reference_continuation_lines_are_joined():
    refs, warnings = parse_reference_list([
        "1. Zhang Q, et al. A review of MSC trials. *Journal of Hematology*",
        "",
        "- & Oncology. 2021;14(1):24.",
        "2. Lee K, et al. Another paper. *Blood*. 2019;1:1.",
    ])
    assert warnings == []
    assert [r.journal for r in refs] == ["Journal of Hematology & Oncology", "Blood"]


def test_author_year_citation_matches_first_author_and_year():
    refs = [parse_reference(1, "Van Pham P. MSCs, but not mesenchymal stem cells. *Biomed Res Ther*. 2024;11:1."),
            parse_reference(2, "Smith J, et al. Something else. *Cells*. 2020;9:2.")]
    markers = find_author_year_citations("as Pham (2024) argued, and others agree (Smith et al., 2020; Roe, 2019).",
                                         refs)
    assert [(m.label, m.numbers) for m in markers] == [
        ("Pham (2024)", (1,)), ("Smith et al., 2020", (2,)), ("Roe, 2019", ())]


# -- bad inputs and decoding ---------------------------------------------------------------------------------
SAMPLE = "Mesenchymal stem cells secrete PGE2. They suppress T cells."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, message", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("blob.txt", bytes(range(256)) * 4, "binary"),
    ("controls.txt", b"MSC" + b"\x01\x02\x03\x04\x05\x06" * 50, "binary"),
    ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n   \n", "whitespace"),
    ("nbsp.txt", "\u00a0 \n".encode(), "whitespace"),
    ("cut.txt", codecs.BOM_UTF16_LE + "MSCs home to injured tissue.".encode("utf-16-le")[:-1], "truncated"),
    ("chrome.txt", "Skip to main page content\nPubMed Disclaimer\nLinkOut - more resources\n".encode(),
     "no sentence"),
])
def test_unreadable_sources_raise_one_line_naming_the_file(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(UnreadableSource) as caught:
        read_document(path)
    text = str(caught.value)
    assert name in text and message in text and "\n" not in text


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableSource, match="missing.txt"):
        read_document(tmp_path / "missing.txt")


@pytest.mark.parametrize("name, data", [
    ("utf8.txt", SAMPLE.encode("utf-8")),
    ("bom8.txt", codecs.BOM_UTF8 + SAMPLE.encode("utf-8")),
    ("bom16le.txt", codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le")),
    ("bom16be.txt", codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be")),
    ("nobom16.txt", SAMPLE.encode("utf-16-le")),
    ("crlf.txt", SAMPLE.replace(" They", "\r\nThey").encode("utf-8")),
])
def test_encodings_decode_to_the_same_text(tmp_path, name, data):
    doc = read_document(write(tmp_path, name, data))
    assert [s.text for s in doc.sentences] == ["Mesenchymal stem cells secrete PGE2.", "They suppress T cells."]
    assert "\ufeff" not in doc.text


def test_latin1_text_is_decoded_not_refused(tmp_path):
    text = "Les cellules souches du stroma (CSM) réduisent l'inflammation. Le café n'y change rien."
    doc = read_document(write(tmp_path, "latin1.txt", text.encode("latin-1")))
    assert doc.text == text
    assert any("Windows-1252" in w or "Latin-1" in w for w in doc.warnings)


def test_nfc_and_non_breaking_spaces(tmp_path):
    decomposed = "Sjo\u0308gren syndrome responds to MSC\u00a0infusion. It is rare."
    doc = read_document(write(tmp_path, "nfc.txt", decomposed.encode("utf-8")))
    assert doc.sentences[0].text == "Sjögren syndrome responds to MSC infusion."


# -- detection, registry, file listing ---------------------------------------------------------------------
def test_format_detection_content_wins_over_extension():
    markdown = "# Title\n\n## Intro\n\nMSCs help<sup>1</sup>. They heal<sup>2</sup>.\n"
    assert detect_format("notes.txt", markdown) == "markdown"
    assert detect_format("page.md", (FIXTURES / "pubmed_page.txt").read_text(encoding="utf-8")) == "pubmed_page"
    assert detect_format("paper.txt", (FIXTURES / "pdf_hyphenation.txt").read_text(encoding="utf-8")) == "pdf_text"
    assert detect_format("notes.txt", "One paragraph of text. Another sentence.") == "plain_text"
    assert detect_format("notes.md", "One paragraph of text. Another sentence.") == "markdown"


def test_registry_lists_every_format():
    assert set(READERS) == {"pubmed_page", "markdown", "pdf_text", "plain_text", "latex", "medline"}
    doc = read_text("MSCs secrete HGF. HGF limits fibrosis.", "inline", fmt="plain_text")
    assert doc.format == "plain_text" and len(doc.sentences) == 2
    with pytest.raises(ValueError, match="unknown format"):
        read_text("MSCs secrete HGF.", fmt="docx")


def test_iter_source_files_expands_folders(tmp_path):
    (tmp_path / "b.md").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("x")
    (tmp_path / "figure.png").write_bytes(b"\x89PNG")
    (tmp_path / "graph.json").write_text("{}")
    explicit = tmp_path / "figure.png"
    found = iter_source_files([tmp_path, tmp_path / "a.txt", explicit])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.txt", "b.md", "sub/c.txt", "figure.png"]


@pytest.mark.parametrize("name, text, said, section", [
    ("history.txt", "Mesenchymal stromal cells\n\nHistory\n\nFriedenstein described colony-forming fibroblasts from "
                    "bone marrow in the 1970s, and Caplan named them mesenchymal stem cells in 1991.\n",
     "Friedenstein", "History"),
    ("history.md", "# Mesenchymal stromal cells\n\n## History\n\nFriedenstein described colony-forming fibroblasts "
                   "from bone marrow in the 1970s, and Caplan named them mesenchymal stem cells in 1991.\n",
     "Friedenstein", "History"),
    ("letter.txt", "Journal of Cell Therapy\n\nCorrespondence\n\nWe read with interest the report that adipose MSCs "
                   "reverse liver fibrosis, but we doubt that HGF mediates the effect.\n", "HGF mediates", "Correspondence"),
    ("letter.md", "# Journal of Cell Therapy\n\n## Correspondence\n\nWe read with interest the report that adipose "
                  "MSCs reverse liver fibrosis, but we doubt that HGF mediates the effect.\n", "HGF mediates",
     "Correspondence"),
])
def test_a_front_matter_title_over_narrative_is_read(tmp_path, name, text, said, section):
    # "History" telling a history, "Correspondence" holding a letter: body text, not front matter
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert any(said in s.text for s in document.sentences)
    assert any(s.section == section for s in document.sentences if said in s.text)


def test_a_correspondence_section_with_an_address_stays_front_matter():
    text = ("A study of MSCs\n\nCorrespondence\n\nDr Jane Roe, Department of Cell Therapy, Unit 4, "
            "jroe@example.org, London, United Kingdom.\n\nIntroduction\n\nMSCs secrete VEGF.\n")
    assert [s.text for s in read_text(text, "paper.txt").sentences] == ["MSCs secrete VEGF."]


def test_a_table_exported_as_pipe_or_tab_separated_text_becomes_a_table():
    text = ("Product tracker export\n\nProduct | Source | Indication | Status\nTemcell | bone marrow MSCs | acute "
            "GvHD | approved, Japan, 2015\nAdiHep | adipose MSCs | liver cirrhosis | preclinical\n\n"
            "Notes follow here. The cells were fine.\n")
    doc = read_text(text, "tracker.txt")
    [table] = doc.tables
    assert table.header == ("Product", "Source", "Indication", "Status")
    assert table.rows == (("Temcell", "bone marrow MSCs", "acute GvHD", "approved, Japan, 2015"),
                          ("AdiHep", "adipose MSCs", "liver cirrhosis", "preclinical"))
    assert [s.text for s in doc.sentences] == ["Notes follow here.", "The cells were fine."]
    framed = read_text("Title line of a sheet\n\n| Marker | Result |\n|---|---|\n| CD73 | 99% |\n\nText here.\n",
                       "t.txt")
    assert framed.tables[0].rows == (("CD73", "99%"),)
    # rows without a header of column names (a release record's test lines) stay text
    lines = read_text("Record\n\nCD73 | flow cytometry | 99.1%\nCD90 | flow cytometry | 98.7%\n"
                      "CD34 | flow cytometry | 0.4%\n", "r.txt")
    assert not lines.tables and "CD73 | flow cytometry" in lines.text



def test_rows_split_by_tabs_under_their_caption_become_a_captioned_table():
    text = ("Results\n\nWe compared the media (Table 1).\n\nTable 1. Proteins changed by priming\n"
            "Protein\tFold change (primed vs resting)\tFunction\n"
            "TSG-6\t14.2\tInhibits NF-κB signalling in macrophages\n"
            "IDO\t22.5\tDepletes tryptophan\n"
            "HGF\t2.1\tPromotes epithelial repair\n\nThe largest increase was in IDO.\n")
    doc = read_text(text, "pnas.txt")
    [table] = doc.tables
    assert table.caption == "Table 1. Proteins changed by priming"
    assert table.header == ("Protein", "Fold change (primed vs resting)", "Function")
    assert table.rows[0] == ("TSG-6", "14.2", "Inhibits NF-κB signalling in macrophages")
    assert [s.text for s in doc.sentences] == ["We compared the media (Table 1).", "The largest increase was in IDO."]
    # a tab inside prose is a space, and two tabbed lines make no table
    prose = read_text("Intro\n\nMSCs\tsecrete VEGF.\nThey grew.\nCD73\t99%\nCD90\t98%\n", "p.txt")
    assert not prose.tables and prose.text == "MSCs secrete VEGF. They grew. CD73 99% CD90 98%"


# --------------------------------------------------------------------------- LaTeX sources
def test_latex_source_is_read_as_prose_with_numbered_citations_and_a_table():
    doc = read("review_section.tex")
    assert_consistent(doc)
    assert doc.format == "latex"
    assert [s.title for s in doc.sections] == ["Paracrine action"]
    assert [s.text for s in doc.sentences] == [
        "Bone marrow MSCs secrete TGF-β1 and PGE2 [1,2].",
        "The in vitro data agree with Table 1 [2].",      # \textit dropped, \ref numbered, \citep with notes
        "Roughly 40% of the cells expressed CD73 & CD90 — a modest share [3].",
    ]
    assert [s.citations for s in doc.sentences] == [(1, 2), (2,), (3,)]    # keys numbered by first citation
    assert "comment" not in doc.text and "documentclass" not in doc.text
    [table] = doc.tables
    assert table.caption == "Table 1: Factors and their targets."
    assert table.header == ("Factor", "Target")
    assert table.rows == (("IL-10", "macrophages"), ("TSG-6", "neutrophils"))


def test_latex_quantities_read_as_printed_and_outside_labels_keep_their_number():
    source = ("\\section{Results}\nEach site received \\SI{10}{\\micro\\gram} of protein in \\SI{5}{\\micro\\litre} "
              "(Fig.~\\ref{fig:2}B). Cells were primed with IFN-$\\gamma$ (\\SI{20}{\\nano\\gram\\per\\milli\\litre}) "
              "for \\num{3} days at \\SI{37}{\\celsius} in \\si{\\milli\\molar} glucose \\cite{a}.\n")
    doc = read_text(source, "q.tex")
    assert [s.text for s in doc.sentences] == [
        "Each site received 10 μg of protein in 5 μl (Fig. 2B).",
        "Cells were primed with IFN-γ (20 ng/ml) for 3 days at 37 °C in mM glucose [1].",
    ]


def test_latex_is_detected_by_extension_or_by_its_commands(tmp_path):
    source = "\\subsection{Results}\nMSCs secrete IL-10 \\cite{a}. They express CD73 \\cite{b}.\n"
    assert detect_format(tmp_path / "x.tex", "MSCs secrete IL-10.") == "latex"
    assert detect_format(tmp_path / "x.txt", source) == "latex"
    # one stray command in prose is not LaTeX
    assert detect_format(tmp_path / "x.txt", "The \\cite{a} macro was mentioned once. MSCs secrete IL-10.") \
        == "plain_text"
    (tmp_path / "review.tex").write_text(source, encoding="utf-8")
    assert iter_source_files([tmp_path]) == [tmp_path / "review.tex"]


_CARDS = "\n".join([
    "Deck: stromal cells",
    "Positive markers of MSCs :: CD73, CD90, CD105",
    "Negative markers :: CD45, CD34, HLA-DR",
    "Main source :: bone marrow",
    "Richest source per gram :: adipose tissue",
    "{{c1::IDO}} is induced by IFN-γ :: tryptophan depletion",
    "PGE2 shifts macrophages :: towards M2",
    "TSG-6 :: dampens NF-κB in macrophages",
])


def test_plain_text_block_of_one_line_records_gives_a_sentence_per_line():
    document = read_text(_CARDS + "\n", "cards.txt", fmt="plain_text")
    assert [s.text for s in document.sentences] == _CARDS.split("\n")


def test_plain_text_caption_lines_are_sentences_and_wrapped_prose_is_not_cut():
    captions = "\n".join(f"[00:0{k}:00] so the {word} part comes next and then" for k, word in
                         enumerate(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]))
    assert len(read_text(captions + "\n", "captions.txt", fmt="plain_text").sentences) == 8
    wrapped = ("Mesenchymal stromal cells secrete a broad range of\nfactors, including IL-10 and TGF-β, that act on\n"
               "T cells and macrophages in the injured\ntissue; these factors are released in\n"
               "vesicles as well as in soluble form,\nand their amounts depend on the donor,\n"
               "the tissue of origin and the culture\nconditions used to expand them.\n")
    assert len(read_text(wrapped, "wrapped.txt", fmt="plain_text").sentences) == 1


def test_plain_text_short_blocks_of_lines_stay_as_they_were():
    letterhead = "Dr A. Example\nChief Executive Officer\nExample Cell Clinic, LLC\n12 Main Street\n\nText follows here.\n"
    sentences = [s.text for s in read_text(letterhead, "letter.txt", fmt="plain_text").sentences]
    assert "Dr A. Example Chief Executive Officer Example Cell Clinic, LLC 12 Main Street" in sentences


def test_plain_text_a_record_starting_in_lower_case_does_not_finish_the_one_before():
    cards = _CARDS + "\nmiR-146a in exosomes :: hits TRAF6"
    document = read_text(cards + "\n", "cards.txt", fmt="plain_text")
    assert document.sentences[-1].text == "miR-146a in exosomes :: hits TRAF6"


@pytest.mark.parametrize("title, role", [
    ("Notes", "back"), ("5. Footnotes", "back"), ("Acknowledgements", "back"), ("Funding sources", "back"),
    ("Notes on the included studies", "body"), ("Study-level observations", "body"),
])
def test_a_notes_heading_is_back_matter_only_as_the_whole_title(title, role):
    assert section_role(title) == role
    doc = read_text(f"# Review\n\nMSCs secrete IL-10.\n\n## {title}\n\nMSCs secrete TSG-6.\n", "x.md")
    assert ("TSG-6" in " ".join(s.text for s in doc.sentences)) == (role == "body")


def test_a_heading_written_straight_above_its_text_is_a_heading():
    text = ("3. Results\n\n3.1. MSCs reduced cartilage degeneration\nACLT induced osteoarthritis in all rats.\n"
            "ADSCs lowered the OARSI score.\n\nSignificance\nMSCs from the gingiva are easy to obtain.\n\n"
            "Bone marrow MSCs secrete VEGF and\nHGF, which protect the heart.\n")
    doc = read_text(text, "results.txt", fmt="plain_text")
    assert [s.title for s in doc.sections] == ["3. Results", "3.1. MSCs reduced cartilage degeneration",
                                               "Significance"]
    assert sentences(doc) == ["ACLT induced osteoarthritis in all rats.", "ADSCs lowered the OARSI score.",
                              "MSCs from the gingiva are easy to obtain.",
                              # a wrapped line is no heading, even when the next line opens with a capital
                              "Bone marrow MSCs secrete VEGF and HGF, which protect the heart."]
    assert_consistent(doc)
    # an unnumbered short line that is no section name still runs on into the text below it
    doc = read_text("Bone marrow MSCs secrete VEGF\nHGF rose as well.\n", "wrap.txt", fmt="plain_text")
    assert sentences(doc) == ["Bone marrow MSCs secrete VEGF HGF rose as well."]
    # a Discussion's conventional subheadings (BMJ style) stand above their text the same way
    doc = read_text("DISCUSSION\n\nPossible mechanisms\nWJ-MSCs secrete IL-10.\n\nStrengths and limitations of "
                    "this study\nThe trial was blinded.\n", "bmj.txt", fmt="plain_text")
    assert [s.title for s in doc.sections] == ["DISCUSSION", "Possible mechanisms",
                                               "Strengths and limitations of this study"]
    assert sentences(doc) == ["WJ-MSCs secrete IL-10.", "The trial was blinded."]


def test_a_line_standing_above_its_paragraph_is_not_the_start_of_its_first_sentence():
    text = ("Results\n\n"
            # a finding written as a subheading is a sentence of its own
            "hADSCs reduced lesion volume and spared white matter\n"
            "Lesion volume at day 42 was smaller in the hADSC group than in the vehicle group.\n\n"
            # a run-in heading of a box ("The paper explained") is a heading
            "Problem\nDiabetic retinopathy is the leading cause of vision loss in working-age adults.\n\n"
            # Cell Press highlights: one item per line, no stops
            "Highlights\nUC-MSC exosomes reduce ALT and AST\nExosomal miR-124 targets HMGB1 in hepatocytes\n\n"
            # a label over a value is a record, as before
            "Country\nUnited Kingdom, Italy\n\nMSCs secrete IL-10.\n")
    doc = read_text(text, "results.txt", fmt="plain_text")
    assert [s.title for s in doc.sections] == ["Results", "Problem", "Highlights"]
    assert sentences(doc) == [
        "hADSCs reduced lesion volume and spared white matter",
        "Lesion volume at day 42 was smaller in the hADSC group than in the vehicle group.",
        "Diabetic retinopathy is the leading cause of vision loss in working-age adults.",
        "UC-MSC exosomes reduce ALT and AST", "Exosomal miR-124 targets HMGB1 in hepatocytes",
        "Country United Kingdom, Italy", "MSCs secrete IL-10."]
    assert_consistent(doc)
    # a "Citation" line above its text is no front matter that would hide what follows
    doc = read_text("Review question\nDo MSCs help in cirrhosis?\n\nCitation\nRoe J. MSCs in cirrhosis. 2025.\n\n"
                    "Searches\nWe will search MEDLINE and Embase for trials.\n", "prospero.txt", fmt="plain_text")
    assert "We will search MEDLINE and Embase for trials." in sentences(doc)
    # a finding written as a subheading right under a section heading stands apart too
    doc = read_text("RESULTS\nUC-MSC-CM restores fluid transport in infected alveolar epithelial cells\n"
                    "H5N1 infection reduced alveolar fluid clearance by type II cells by 68% at 24 h (Fig. 1A). "
                    "UC-MSC-CM restored it.\n", "asm.txt", fmt="plain_text")
    assert sentences(doc) == ["UC-MSC-CM restores fluid transport in infected alveolar epithelial cells",
                              "H5N1 infection reduced alveolar fluid clearance by type II cells by 68% at 24 h "
                              "(Fig. 1A).", "UC-MSC-CM restored it."]


def test_a_tab_separated_table_keeps_the_lines_that_name_its_groups_of_rows():
    # a STAR Methods key resources table: one-cell lines ("Antibodies") between the rows do not cut it in pieces
    text = ("KEY RESOURCES TABLE\n\nREAGENT or RESOURCE\tSOURCE\tIDENTIFIER\nAntibodies\n"
            "Rabbit anti-nephrin\tAbcam\tCat# ab216341\nRabbit anti-podocin\tAbcam\tCat# ab50339\n"
            "Experimental models: Cell lines\nHuman umbilical cord MSCs\tATCC\tPCS-500-010\n"
            "Software and algorithms\nImageJ\tNIH\thttps://imagej.nih.gov/ij/\n\nMETHOD DETAILS\n\n"
            "Exosomes were isolated by ultracentrifugation.\n")
    doc = read_text(text, "star.txt", fmt="plain_text")
    [table] = doc.tables
    assert table.header == ("REAGENT or RESOURCE", "SOURCE", "IDENTIFIER")
    assert table.rows == (("Rabbit anti-nephrin", "Abcam", "Cat# ab216341"),
                          ("Rabbit anti-podocin", "Abcam", "Cat# ab50339"),
                          ("Human umbilical cord MSCs", "ATCC", "PCS-500-010"),
                          ("ImageJ", "NIH", "https://imagej.nih.gov/ij/"))
    assert sentences(doc) == ["Exosomes were isolated by ultracentrifugation."]


def test_a_table_copied_with_every_cell_on_its_own_line_is_read_as_rows():
    doc = read("plain_cell_per_line_table.txt")
    [table] = doc.tables
    assert table.caption == "Table 1. Selected studies of MSCs in steroid-refractory acute GVHD"
    assert table.header == ("Trial or product", "MSC source", "Population", "Outcome")
    assert table.rows[1] == ("TEMCELL (JR-031)", "Bone marrow, allogeneic", "25 children and adults in Japan",
                             "Approved in Japan in 2015; 60% overall response")
    assert sentences(doc) == ["Who responds?", "Mostly children."]
    # lines that do not fill whole rows stay lines of text
    odd = read_text("Table 2. Notes\nTrial\nSource\nFirst trial\nBone marrow\nSecond trial\n", "n.txt",
                    fmt="plain_text")
    assert not odd.tables


def test_markdown_footnotes_are_citations_and_their_definitions_references():
    doc = read_text("# Priming\n\n## IFN-γ\n\nIFN-γ induces IDO in MSCs.[^3] It also raises PD-L1.[^4]\n\n"
                    "[^3]: Krampera M, Cosmi L. Stem Cells. 2006;24:386-398.\n"
                    "[^4]: Ren G, Zhang L. Cell Stem Cell. 2008;2:141-150.\n", "review.md", fmt="markdown")
    assert sentences(doc) == ["IFN-γ induces IDO in MSCs.", "It also raises PD-L1."]
    assert [s.citations for s in doc.sentences] == [(3,), (4,)]
    assert [(r.number, r.year) for r in doc.references] == [(3, 2006), (4, 2008)]
    assert_consistent(doc)


# --------------------------------------------------------------------------- MEDLINE exports
def test_a_medline_export_is_read_record_by_record():
    doc = read("medline_two_records.txt")
    assert doc.format == "medline"
    assert_consistent(doc)
    texts = [s.text for s in doc.sentences]
    # the title, wrapped over a continuation line, is one sentence; the abstract follows without its labels
    assert texts[0] == ("Umbilical cord mesenchymal stem cells relieve collagen-induced arthritis in mice "
                        "through TSG-6.")
    assert "Rheumatoid arthritis is driven by Th17 cells." in texts
    assert not any("BACKGROUND" in t or "METHODS" in t for t in texts)
    assert texts[-1] == "Adipose-derived MSCs expressed CD73 and CD90 and lacked CD45."
    titles = [s.title for s in doc.sections]
    assert {"PMID 11111111", "PMID 22222222", "Background", "Methods", "Results", "Conclusions"} <= set(titles)
    # fields that are not the paper's text (affiliations, MeSH, journal lines) are not sentences
    assert not any("Department" in t or "Arthritis, Experimental" in t or "Example J" in t for t in texts)


def test_a_medline_records_fields_become_metadata():
    meta = read("medline_two_records.txt").metadata
    assert meta["pmid"] == "11111111" and meta["doi"] == "10.1000/example.2023.001"
    assert meta["journal"] == "Example journal of cell therapy"       # the full title (JT), not TA
    assert meta["year"] == 2023 and meta["date"] == "2023-03-04"
    assert meta["authors"] == ["Example, Anna"] and meta["keywords"] == ["TSG-6"]
    assert meta["mesh_terms"] == ["*Arthritis, Experimental/therapy", "Mesenchymal Stem Cells/*metabolism"]
    assert [r["pmid"] for r in meta["records"]] == ["11111111", "22222222"]


def test_several_medline_records_warn_and_a_record_without_abstract_too(tmp_path):
    doc = read("medline_two_records.txt")
    assert any("2 MEDLINE records" in w for w in doc.warnings), doc.warnings
    only_title = tmp_path / "one.nbib"
    only_title.write_text("PMID- 33333333\nDP  - 2022\nTI  - MSCs secrete TSG-6.\nAU  - Roe J\n")
    single = read_document(only_title)
    assert single.format == "medline" and [s.text for s in single.sentences] == ["MSCs secrete TSG-6."]
    assert "records" not in single.metadata
    assert any("no abstract" in w for w in single.warnings), single.warnings


def test_medline_is_detected_by_content_and_nbib_files_are_listed(tmp_path):
    text = (FIXTURES / "medline_two_records.txt").read_text()
    assert detect_format("export.txt", text) == "medline"
    assert detect_format("notes.txt", "PMID: 123 is cited here.\nMSCs secrete TSG-6.") != "medline"
    (tmp_path / "export.nbib").write_text(text)
    assert [p.name for p in iter_source_files([tmp_path])] == ["export.nbib"]
