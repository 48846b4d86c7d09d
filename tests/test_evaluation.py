"""The extraction scorer: exact counts on a hand-made graph, gold-file errors, the CLI, and the corpus baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from msckg.cli import cli
from msckg.errors import GoldFileError
from msckg.graph import schema
from msckg.graph.knowledge_graph import Evidence, KnowledgeGraph
from msckg.loaders.document import Document, Sentence
from msckg.loaders.entities import EntityRecognizer
from msckg.loaders.evaluation import evaluate, load_gold
from msckg.loaders.vocabulary import load_vocabulary

GOLD = Path(__file__).with_name("gold") / "corpus_gold.json"
SOURCE = "tiny.txt"
PID = "hash:tiny"
SENTENCES = [
    "MSCs release IDO and PGE2 in culture.",
    "IDO dampens PGE2 here.",
    "Nothing of note is said in this sentence.",
]


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer(load_vocabulary())


def _document() -> Document:
    text, sentences, offset = "", [], 0
    for i, s in enumerate(SENTENCES):
        sentences.append(Sentence(i, offset, offset + len(s), s, ""))
        text += s + " "
        offset = len(text)
    return Document(source=SOURCE, format="plain_text", text=text, sentences=sentences)


def _tiny(recognizer: EntityRecognizer) -> tuple[KnowledgeGraph, Document, dict[str, str]]:
    """A graph with three typed edges on sentences 0 and 1 of a three-sentence document."""
    doc = _document()
    kg = KnowledgeGraph()
    kg.add_node(PID, schema.PAPER, "tiny")
    ids = {}
    for name in ("MSC", "IDO", "PGE2"):
        term = recognizer.lookup(name)
        ids[name] = kg.add_node(term.id, term.label, term.name, synonyms=term.synonyms)
        kg.add_mentions(PID, term.id, 1)

    def ev(i: int, confidence: float) -> Evidence:
        s = doc.sentences[i]
        return Evidence(paper=PID, sentence=s.text, start=s.start, end=s.end, confidence=confidence)

    kg.add_relation("SECRETES", ids["MSC"], ids["IDO"], ev(0, 0.85))       # right
    kg.add_relation("ACTIVATES", ids["IDO"], ids["PGE2"], ev(1, 0.62))     # wrong type: gold says INHIBITS
    kg.add_relation("SECRETES", ids["MSC"], ids["PGE2"], ev(0, 0.8))       # true, but the gold omits it
    return kg, doc, ids


def _gold_file(tmp_path: Path, papers: list[dict]) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"format": "msckg-gold", "version": 1, "papers": papers}), encoding="utf-8")
    return path


def test_scores_two_gold_relations_against_three_predicted(tmp_path, recognizer):
    kg, doc, _ = _tiny(recognizer)
    gold_path = _gold_file(tmp_path, [{
        "source": SOURCE, "annotated": [2],
        "entities": [{"name": "MSCs", "label": "MSCSource", "at": 0},
                     {"name": "IDO", "label": "Factor", "at": 0},
                     {"name": "IL-10", "label": "Factor", "at": "dampens PGE2"}],
        "relations": [{"subject": "MSCs", "type": "SECRETES", "object": "IDO", "at": 0},
                      {"subject": "IDO", "type": "INHIBITS", "object": "PGE2", "at": 1, "negated": True}],
    }])
    gold = load_gold(gold_path, {SOURCE: doc})
    report = evaluate(gold, kg, {SOURCE: (doc, PID)}, recognizer)

    strict = report.strict_total
    assert (strict.tp, strict.fp, strict.fn) == (1, 2, 1)
    assert strict.precision == pytest.approx(1 / 3) and strict.recall == pytest.approx(1 / 2)
    assert strict.f1 == pytest.approx(0.4)
    lenient = report.lenient_total
    assert (lenient.tp, lenient.fp, lenient.fn) == (2, 1, 0)
    assert lenient.precision == pytest.approx(2 / 3) and lenient.recall == 1.0
    assert report.strict["INHIBITS"].fn == 1 and report.strict["ACTIVATES"].fp == 1
    # only the strictly matched relation has its flags scored; the gold says it is plain
    assert (report.negation.correct, report.negation.total) == (1, 1)
    # entities: MSC and IDO found; IL-10 has no node; PGE2 is in an annotated sentence but not in the gold
    factor = report.entities["Factor"]
    assert (factor.tp, factor.fp, factor.fn) == (1, 1, 1)
    assert report.entities["MSCSource"].tp == 1
    misses = {(f.kind, f.what) for f in report.misses}
    assert ("relation", "IDO -INHIBITS-> PGE2") in misses and ("entity", "IL-10 [Factor]") in misses
    assert {f.what for f in report.false_hits if f.kind == "relation"} == {
        "IDO -ACTIVATES-> PGE2", "MSC -SECRETES-> PGE2"}
    # the three found relations by the confidence of their evidence: 0.85 and 0.8 share a band, 0.62 has its own
    assert {band: (score.tp, score.fp) for band, score in report.by_confidence.items()} == {
        "0.80-0.89": (1, 1), "0.60-0.69": (0, 1)}


def _graph_with(recognizer, edges: list[tuple[str, str, str]]):
    """The tiny document and a graph holding ``edges`` (subject name, type, object name), each with evidence in
    its first sentence."""
    doc = _document()
    kg = KnowledgeGraph()
    kg.add_node(PID, schema.PAPER, "tiny")
    s = doc.sentences[0]
    for subject, rel_type, obj in edges:
        a, b = (recognizer.lookup(name) for name in (subject, obj))
        kg.add_relation(rel_type, kg.add_node(a.id, a.label, a.name, synonyms=a.synonyms),
                        kg.add_node(b.id, b.label, b.name, synonyms=b.synonyms),
                        Evidence(paper=PID, sentence=s.text, start=s.start, end=s.end, confidence=0.8))
    return doc, kg


def test_a_qualified_disease_name_is_scored_as_the_vocabulary_disease_it_ends_with(tmp_path, recognizer):
    doc, kg = _graph_with(recognizer, [("MSC", "TREATS", disease) for disease in (
        "acute kidney injury", "osteoarthritis", "multiple sclerosis")])
    gold_path = _gold_file(tmp_path, [{"source": SOURCE, "relations": [
        # the graph records the model in the sentence, not as a node of its own: a hit
        {"subject": "MSCs", "type": "TREATS", "object": "cisplatin-induced AKI", "at": 0},
        # a short form the recogniser reads only in context ("MS") is looked up on its own
        {"subject": "MSCs", "type": "TREATS", "object": "progressive MS", "at": 0},
        # the vocabulary draws this line itself, so the broader osteoarthritis edge is not it
        {"subject": "MSCs", "type": "TREATS", "object": "knee osteoarthritis", "at": 0},
        # the disease must end the name
        {"subject": "MSCs", "type": "TREATS", "object": "AKI-like injury", "at": 0}]}])
    report = evaluate(load_gold(gold_path, {SOURCE: doc}), kg, {SOURCE: (doc, PID)}, recognizer)
    assert (report.strict_total.tp, report.strict_total.fn) == (2, 2)
    assert {f.what for f in report.misses} == {"MSCs -TREATS-> knee osteoarthritis",
                                               "MSCs -TREATS-> AKI-like injury"}


def test_a_statement_written_two_ways_is_scored_in_the_graph_s_wording(tmp_path, recognizer):
    doc, kg = _graph_with(recognizer, [("HGF", "MEDIATES", "anti-apoptosis"), ("VEGF", "ACTIVATES", "apoptosis")])
    gold_path = _gold_file(tmp_path, [{"source": SOURCE, "relations": [
        # "HGF protects the cells from apoptosis": the graph keeps it as HGF MEDIATES anti-apoptosis
        {"subject": "HGF", "type": "INHIBITS", "object": "apoptosis", "at": 0},
        # an activation of apoptosis has no other wording: the edge is not it
        {"subject": "VEGF", "type": "INHIBITS", "object": "apoptosis", "at": 0}]}])
    report = evaluate(load_gold(gold_path, {SOURCE: doc}), kg, {SOURCE: (doc, PID)}, recognizer)
    assert (report.strict_total.tp, report.strict_total.fn, report.strict_total.fp) == (1, 1, 1)
    assert report.strict["MEDIATES"].tp == 1
    assert {f.what for f in report.misses} == {"VEGF -INHIBITS-> apoptosis"}


def test_a_process_labelled_a_mechanism_or_a_pathway_is_scored_as_the_node_the_graph_has(tmp_path, recognizer):
    # the vocabulary keeps apoptosis as a pathway and angiogenesis as a mechanism
    assert (recognizer.lookup("apoptosis").label, recognizer.lookup("angiogenesis").label) == (
        schema.PATHWAY, schema.MECHANISM)
    doc, kg = _graph_with(recognizer, [("TNF-α", "ACTIVATES", "apoptosis"), ("VEGF", "MEDIATES", "angiogenesis")])
    for name in ("apoptosis", "angiogenesis"):
        kg.add_mentions(PID, recognizer.lookup(name).id, 1)
    gold_path = _gold_file(tmp_path, [{"source": SOURCE, "annotated": [0], "entities": [
        {"name": "apoptosis", "label": "Mechanism", "at": 0},
        {"name": "angiogenesis", "label": "Pathway", "at": 0},
        {"name": "homing", "label": "Pathway", "at": 0}], "relations": [
        # "TNF-α drives apoptosis" annotated with apoptosis as a mechanism
        {"subject": "TNF-α", "type": "MEDIATES", "object": "apoptosis", "at": 0},
        {"subject": "VEGF", "type": "ACTIVATES", "object": "angiogenesis", "at": 0},
        # a process the paper does not relate is still missed
        {"subject": "VEGF", "type": "MEDIATES", "object": "homing", "at": 0}]}])
    report = evaluate(load_gold(gold_path, {SOURCE: doc}), kg, {SOURCE: (doc, PID)}, recognizer)
    assert (report.strict_total.tp, report.strict_total.fn, report.strict_total.fp) == (2, 1, 0)
    assert (report.strict["ACTIVATES"].tp, report.strict["MEDIATES"].tp) == (1, 1)
    assert {f.what for f in report.misses} == {"homing [Pathway]", "VEGF -MEDIATES-> homing"}
    # the entities are found under the gold's labels, and the graph's labels are no false hits
    assert (report.entities["Mechanism"].tp, report.entities["Pathway"].tp) == (1, 1)
    assert not [f for f in report.false_hits if f.what in ("apoptosis [Pathway]", "angiogenesis [Mechanism]")]


def test_a_molecule_labelled_a_factor_or_a_pathway_is_scored_as_the_node_the_graph_has(tmp_path, recognizer):
    # the vocabulary keeps Nrf2 as a pathway and TGF-β as a factor
    assert (recognizer.lookup("Nrf2").label, recognizer.lookup("TGF-β").label) == (schema.PATHWAY, schema.FACTOR)
    doc, kg = _graph_with(recognizer, [("exosomes", "ACTIVATES", "Nrf2"), ("TGF-β", "ACTIVATES", "VEGF")])
    kg.add_mentions(PID, recognizer.lookup("Nrf2").id, 1)
    gold_path = _gold_file(tmp_path, [{"source": SOURCE, "annotated": [0], "entities": [
        {"name": "Nrf2", "label": "Factor", "at": 0}], "relations": [
        # the transcription factor Nrf2, annotated as a factor
        {"subject": "exosomes", "type": "ACTIVATES", "object": "Nrf2", "at": 0},
        # TGF-β annotated as a pathway
        {"subject": "TGF-β", "type": "ACTIVATES", "object": "VEGF", "at": 0},
        # the stand-in does not make up an edge the graph lacks
        {"subject": "Nrf2", "type": "ACTIVATES", "object": "HO-1", "at": 0}]}])
    report = evaluate(load_gold(gold_path, {SOURCE: doc}), kg, {SOURCE: (doc, PID)}, recognizer)
    assert report.entities["Factor"].tp == 1
    assert (report.strict["ACTIVATES"].tp, report.strict["ACTIVATES"].fn) == (2, 1)
    assert {f.what for f in report.misses} == {"Nrf2 -ACTIVATES-> HO-1"}


@pytest.mark.parametrize("value, band", [(0.0, "0.00-0.59"), (0.59, "0.00-0.59"), (0.6, "0.60-0.69"),
                                         (0.7, "0.70-0.79"), (0.8999, "0.80-0.89"), (0.9, "0.90-1.00"),
                                         (1.0, "0.90-1.00")])
def test_confidence_bands(value, band):
    from msckg.loaders.evaluation import confidence_band
    assert confidence_band(value) == band


def test_unannotated_sentences_do_not_count_as_false_hits(tmp_path, recognizer):
    kg, doc, _ = _tiny(recognizer)
    gold_path = _gold_file(tmp_path, [{"source": SOURCE, "relations": [
        {"subject": "MSC", "type": "SECRETES", "object": "IDO", "at": 2}]}])
    report = evaluate(load_gold(gold_path, {SOURCE: doc}), kg, {SOURCE: (doc, PID)}, recognizer)
    # the edge has evidence in sentence 0 of the paper: found, and sentences 0-1 were never annotated
    assert (report.strict_total.tp, report.strict_total.fp, report.strict_total.fn) == (1, 0, 0)
    assert report.false_hits == []


def test_flag_mismatch_is_scored_and_listed(tmp_path, recognizer):
    kg, doc, _ = _tiny(recognizer)
    gold_path = _gold_file(tmp_path, [{"source": SOURCE, "relations": [
        {"subject": "MSC", "type": "SECRETES", "object": "IDO", "at": 0, "hedged": True}]}])
    report = evaluate(load_gold(gold_path, {SOURCE: doc}), kg, {SOURCE: (doc, PID)}, recognizer)
    assert (report.hedging.correct, report.hedging.total) == (0, 1)
    assert [(f.kind, f.note) for f in report.misses] == [("flag", "hedged should be true")]


@pytest.mark.parametrize("paper, message", [
    ({"source": "other.txt"}, "not among the evaluated documents"),
    ({"source": SOURCE, "entities": [{"name": "IDO", "label": "Gene", "at": 0}]}, "unknown label 'Gene'"),
    ({"source": SOURCE, "relations": [{"subject": "a", "type": "CURES", "object": "b", "at": 0}]},
     "unknown relationship type 'CURES'"),
    ({"source": SOURCE, "entities": [{"name": "IDO", "label": "Factor", "at": 9}]}, "sentence 9 out of range"),
    ({"source": SOURCE, "entities": [{"name": "IDO", "label": "Factor", "at": "no such words"}]},
     "matches no sentence"),
    ({"source": SOURCE, "entities": [{"name": "IDO", "label": "Factor", "at": "one two three four five six seven eight nine"}]},
     "longer than 8 words"),
    ({"source": SOURCE, "entities": [{"name": "IDO", "label": "Factor", "at": "t0r0"}]}, "no table row"),
])
def test_bad_gold_raises_one_clear_error(tmp_path, paper, message):
    with pytest.raises(GoldFileError, match=message):
        load_gold(_gold_file(tmp_path, [paper]), {SOURCE: _document()})


def test_a_quote_may_locate_a_table_row(tmp_path):
    from msckg.loaders.readers import read_text
    doc = read_text("Sheet\n\nProduct | Source | Indication\nTemcell | bone marrow MSCs | GvHD\n"
                    "Ryoncil | bone marrow MSCs | GvHD\n\nTemcell is approved.\n", SOURCE)
    relation = {"subject": "Temcell", "type": "DERIVED_FROM", "object": "bone marrow"}
    gold = load_gold(_gold_file(tmp_path, [{"source": SOURCE, "relations": [
        dict(relation, at="Temcell | bone marrow"), dict(relation, at="Temcell is approved")]}]), {SOURCE: doc})
    assert [r.at for r in gold.papers[0].relations] == [("table", 0, 0), 0]
    # a quote found in two rows locates nothing
    with pytest.raises(GoldFileError, match="matches 2 sentences or rows"):
        load_gold(_gold_file(tmp_path, [{"source": SOURCE, "relations": [dict(relation, at="bone marrow MSCs")]}]),
                  {SOURCE: doc})


def test_not_a_gold_file(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"papers": []}', encoding="utf-8")
    with pytest.raises(GoldFileError, match="not a gold file"):
        load_gold(path, {})


# ------------------------------------------------------------------ the development set
# Scores reached on the development set (tests/gold/corpus_gold.json, docs/evaluation.md); a drop of more
# than MARGIN below any of these fails. Raise them as extraction improves.
MARGIN = 0.02
BASELINE = {
    "entities_total": {"precision": 1.0, "recall": 1.0},
    "relations_strict_total": {"precision": 0.989, "recall": 0.979},
    "relations_lenient_total": {"precision": 0.989, "recall": 0.979},
}
# The bar of issue 6, which holds whatever the margin: entity recall per label, strict relation P and R,
# flag accuracy.
BAR = {"entity_recall_per_label": 0.95, "relations_precision": 0.85, "relations_recall": 0.80, "flags": 0.90}
BASELINE_FLAGS = {"negation": 1.0, "hedging": 1.0}


@pytest.fixture(scope="module")
def corpus_report(corpus_build):
    from msckg.loaders.evaluation import evaluate as score

    documents = {d.path.name: (d.document, d.paper) for d in corpus_build.documents}
    gold = load_gold(GOLD, {k: v[0] for k, v in documents.items()})
    return score(gold, corpus_build.graph, documents)


def test_development_set_scores_do_not_drop(corpus_report):
    data = corpus_report.to_dict()
    for key, metrics in BASELINE.items():
        for metric, floor in metrics.items():
            assert data[key][metric] >= floor - MARGIN, f"{key} {metric} fell to {data[key][metric]} (was {floor})"
    for key, floor in BASELINE_FLAGS.items():
        assert data[key]["accuracy"] >= floor - MARGIN, f"{key} accuracy fell to {data[key]['accuracy']}"


def test_development_set_meets_the_issue_bar(corpus_report):
    data = corpus_report.to_dict()
    for label, scores in data["entities"].items():
        assert scores["recall"] >= BAR["entity_recall_per_label"], f"{label} entity recall {scores['recall']}"
    assert data["relations_strict_total"]["precision"] >= BAR["relations_precision"]
    assert data["relations_strict_total"]["recall"] >= BAR["relations_recall"]
    assert min(data["negation"]["accuracy"], data["hedging"]["accuracy"]) >= BAR["flags"]


def test_development_set_covers_the_four_papers(corpus_report):
    assert [p[:3] for p in corpus_report.papers] == ["000", "001", "002", "003"]
    assert corpus_report.strict_total.tp + corpus_report.strict_total.fn >= 150


# ------------------------------------------------------------------ the held-out batches
# Documents in other styles, written and annotated by hand without running the extractor (docs/evaluation.md,
# "Generalisation"). Scores reached on each; a drop of more than MARGIN below them fails.
HELDOUT_FLOORS = {
    # heldout lowered in session 14 (0.934/0.85 -> 0.891/0.82): with "vesicles" read as extracellular vesicles, "Vesicles
    # enriched in miR-210 promoted angiogenesis" makes the vesicles the agent, where this gold has the cargo act and
    # heldout10's gold ("exosomes rich in miR-21-5p activate PI3K/Akt") has the vesicles act
    # precision 0.925 -> 0.915 (session 31): pulmonary edema is now a disease, and "MSCs reduced lung oedema" treats it
    # (heldout50 annotates it; this gold does not)
    "heldout": {"entities_total": {"recall": 0.992}, "relations_strict_total": {"precision": 0.915, "recall": 0.86},
              "negation": 0.988, "hedging": 0.988},
    # heldout2 entity recall 0.933 -> 0.925 in session 24: "HIF-1α" now names the factor (as three golds of four have
    # it); this gold annotates it as the pathway
    # precision 0.96 -> 0.947 (session 32): "used to treat complex perianal fistulas in adults with Crohn's disease"
    # now treats Crohn's disease too, as "in patients with" already did; this gold has only the fistulas
    "heldout2": {"entities_total": {"recall": 0.933}, "relations_strict_total": {"precision": 0.947, "recall": 0.75},
               "negation": 0.972, "hedging": 1.0},
    "heldout3": {"entities_total": {"recall": 0.973}, "relations_strict_total": {"precision": 0.948, "recall": 0.775},
               "negation": 1.0, "hedging": 1.0},
    # heldout4 precision 0.907 -> 0.899 in session 27: "test whether the miRNA-depleted exosomes still preserve
    # ovarian function" now gives the exosomes INVESTIGATED_FOR premature ovarian insufficiency ("preserve" in a
    # disease treats it); this gold leaves the planned test out
    "heldout4": {"entities_total": {"recall": 0.993}, "relations_strict_total": {"precision": 0.901, "recall": 0.832},
               "negation": 1.0, "hedging": 0.982},
    # heldout5, 7, 9 and 10 recall lowered in session 15 (by 0.005 to 0.011): a chemical that makes a disease model
    # ("LPS-induced lung injury", "CCl4-induced fibrosis") is no longer IMPLICATED_IN the disease. Five gold
    # files record it, fourteen false hits in ten other batches came from it.
    "heldout5": {"entities_total": {"recall": 0.946}, "relations_strict_total": {"precision": 0.976, "recall": 0.78},
               "negation": 1.0, "hedging": 0.992},
    "heldout6": {"entities_total": {"recall": 0.986}, "relations_strict_total": {"precision": 0.971, "recall": 0.735},
               "negation": 1.0, "hedging": 0.977},
    # heldout7 precision 0.881 -> 0.878 and hedging 0.892 -> 0.886 in session 16: "the effect is abolished by
    # indomethacin, which suggests that it depends on PGE2" now credits PGE2 with acting on the assay's macrophages
    # (the gold leaves it out), and "HGF acting through its receptor c-Met" is found unhedged; recall 0.380 -> 0.405
    # precision 0.906 -> 0.897 (session 30): the vocabulary now knows ALT, and "WJ-MSC-EVs could significantly
    # ameliorated collagen deposition and lowered serum ALT" gives collagen as the subject of "lowered" (no claim came
    # from "ameliorated" to share its subject)
    "heldout7": {"entities_total": {"recall": 0.933}, "relations_strict_total": {"precision": 0.897, "recall": 0.449},
               "negation": 1.0, "hedging": 0.897},
    # heldout8 and heldout9 precision lowered in session 15 (0.839 -> 0.783, 0.899 -> 0.851): identity markers listed
    # with no cells named ("every lot is at least 95% positive for CD73 ...") are read as the profile of the MSCs the
    # text speaks of; there the last sentences named the generic MSCs ("No MSC product has been approved") where the
    # gold has the tissue of the product under review. The same reading gained 32 true hits in nine other batches.
    # heldout8 recall 0.455 -> 0.450 and hedging 0.969 -> 0.968 in session 21: in "Exosomes are tiny vesicles that
    # MSCs release, packed with ... microRNAs such as miR-140" the relative clause now takes the exosomes as the
    # object of "release" (gained) and no longer reads on to the microRNAs (two lost)
    "heldout8": {"entities_total": {"recall": 0.974}, "relations_strict_total": {"precision": 0.827, "recall": 0.498},
               "negation": 1.0, "hedging": 0.981},
    # heldout9 precision 0.850 -> 0.832 in session 16: "suppression of T cell proliferation in co-culture with activated
    # PBMCs, which depends largely on IDO and PGE2" credits both factors with acting on the PBMCs (the gold has none)
    # entity recall 0.943 -> 0.938 (session 32): "TNBS colitis" is now colitis as a whole, so the TNBS this gold
    # annotates inside it is no longer a factor of its own
    "heldout9": {"entities_total": {"recall": 0.938}, "relations_strict_total": {"precision": 0.859, "recall": 0.457},
               "negation": 0.953, "hedging": 1.0},
    # session 17: scoring a qualified disease name as its head disease matches two more relations
    # here, one with a hedge the extractor misses, so hedging accuracy falls 0.992 -> 0.983
    # heldout10 entity recall 0.851 -> 0.847 in session 25: "umbilical cord Wharton's jelly MSCs" is now one mention of
    # Wharton's jelly; this gold also lists the umbilical cord
    # heldout10 precision 0.933 -> 0.926 in session 26: "inhibited" now claims a benefit over a disease, so the
    # setting "In rodent models of carbon tetrachloride-induced fibrosis, ... MSCs secreting DKK1 inhibited
    # Wnt/β-catenin" gives MSC TREATS fibrosis, which this gold leaves out
    # recall 0.598 -> 0.592 (session 31): "GvHD" defined by "steroid-refractory acute graft-versus-host disease (GvHD)"
    # is now graft-versus-host disease (its letters leave "steroid-refractory acute" out); this gold reads it as the
    # defined form
    "heldout10": {"entities_total": {"recall": 0.86}, "relations_strict_total": {"precision": 0.926, "recall": 0.592},
                "negation": 1.0, "hedging": 0.984},
    # session 17: precision 0.820 -> 0.811, one false hit from "lower" read as treating a disease
    # heldout11 precision 0.811 -> 0.798 in session 27: with "immune cells" read as leukocytes, "TSG-6 and PGE2,
    # which quiet the NF-κB 'fire alarm' in your immune cells and turn angry M1 macrophages into ..." gives two true
    # hits and two this gold leaves out (the factors acting on the immune cells and on the M1 macrophages)
    # negation 0.973 -> 0.963 (session 31): factors "measured in DPSC-CM" are now secreted by the pulp cells, and the
    # pair the gold denies later in the document is flagged on the first, undenied claim
    "heldout11": {"entities_total": {"recall": 0.894}, "relations_strict_total": {"precision": 0.81, "recall": 0.448},
                "negation": 0.963, "hedging": 0.852},
    "heldout12": {"entities_total": {"recall": 0.931}, "relations_strict_total": {"precision": 0.951, "recall": 0.642},
                "negation": 1.0, "hedging": 0.987},
    # first seen at 0.852 / 0.658 (docs/evaluation.md), then tuned on; lowered in session 18 (0.928/0.872 ->
    # 0.927/0.865): an approval "for complex perianal fistulas in adults with Crohn's disease" is for the fistulas
    # only, where this gold also counts the population's disease (heldout17, 27 and 33 do not); session 20 (precision
    # 0.927 -> 0.921): "ADSCs attenuate pulmonary fibrosis largely through TSG-6" now also gives TSG-6 the treatment,
    # which this gold leaves out (heldout36 counts it)
    # heldout13 precision 0.921 -> 0.908 in session 25: "ADSC-conditioned medium decreased ... the expression of α-SMA and
    # collagen I" now gives the medium INHIBITS both; this gold, written before the vesicle convention, leaves it out
    "heldout13": {"entities_total": {"recall": 0.969}, "relations_strict_total": {"precision": 0.91, "recall": 0.885},
                "negation": 0.992, "hedging": 0.97},
    # first seen at 0.924 / 0.407 (docs/evaluation.md), then tuned on
    # precision 0.953 -> 0.947 (session 32): in "IFN-γ-induced IDO activity and suppression of PBMC proliferation" the
    # glued stimulus no longer lends its subject along the chain, so IDO suppresses (targets) the PBMCs
    "heldout14": {"entities_total": {"recall": 0.961}, "relations_strict_total": {"precision": 0.947, "recall": 0.778},
                "negation": 1.0, "hedging": 0.981},
    # first seen at 0.810 / 0.542 (docs/evaluation.md), then tuned on
    "heldout15": {"entities_total": {"recall": 0.952}, "relations_strict_total": {"precision": 0.947, "recall": 0.915},
                "negation": 1.0, "hedging": 0.982},
    # first seen at 0.791 / 0.519 (docs/evaluation.md), then tuned on; session 17: precision 0.914 -> 0.910,
    # "switch" and "nudge" acting on cells gave one true and one false hit
    # heldout16 precision 0.915 -> 0.911 in session 19: "TSG-6 binds CD44" is read as TSG-6 ACTIVATES CD44, the
    # convention of four other golds (heldout8, 9, 10, 34); this gold leaves the binding out
    # precision 0.913 -> 0.909 (session 31): alveolar fluid clearance is now a mechanism, and "KGF restores alveolar
    # fluid clearance" mediates it (heldout39 and heldout50 annotate it; this gold, written before, does not)
    "heldout16": {"entities_total": {"recall": 0.98}, "relations_strict_total": {"precision": 0.909, "recall": 0.866},
                "negation": 1.0, "hedging": 0.98},
    # first seen at 0.807 / 0.634 (docs/evaluation.md), then tuned on
    # heldout17 precision 0.922 -> 0.909 in session 23: "the licensed cells expanded regulatory T cells through
    # TGF-β1" now credits the cells with TGF-β1 and "extracellular vesicles that transferred mitochondria to alveolar
    # macrophages" gives the vesicles the macrophages as target; this gold lists neither
    # heldout17 precision 0.910 -> 0.903 in session 27: "The capacity of MSCs to change the behaviour of immune
    # cells" (a glossary entry) now gives MSC TARGETS leukocyte; this gold leaves it out
    # precision 0.905 -> 0.899 (session 31): alveolar fluid clearance is now a mechanism, and "KGF restores alveolar
    # fluid clearance" mediates it (heldout39 and heldout50 annotate it; this gold, written before, does not); and
    # pulmonary edema is now a disease, and "MSCs reduced lung oedema" treats it (heldout50 annotates it; this gold does
    # not)
    "heldout17": {"entities_total": {"recall": 0.989}, "relations_strict_total": {"precision": 0.899, "recall": 0.862},
                "negation": 1.0, "hedging": 1.0},
    # first seen at 0.939 / 0.692 (docs/evaluation.md), then tuned on
    # heldout18 precision 0.978 -> 0.971 in session 19: "TGF-β1 and IL-10 mediate much of the anti-inflammatory effect
    # of the secretome" now also gives the secretome MEDIATES the effect, which this gold leaves out
    "heldout18": {"entities_total": {"recall": 0.971}, "relations_strict_total": {"precision": 0.971, "recall": 0.865},
                "negation": 1.0, "hedging": 1.0},
    # first seen at 0.811 / 0.472 (docs/evaluation.md), then tuned on
    # heldout19 precision 0.927 -> 0.920 in session 19: "indoleamine 2,3-dioxygenase, secreted by the stromal cells
    # once exposed to interferon-γ, as one of the soluble mediators of this T cell suppression" now skips the
    # participle clause to find IDO, a mediation this gold leaves out
    "heldout19": {"entities_total": {"recall": 0.95}, "relations_strict_total": {"precision": 0.921, "recall": 0.769},
                "negation": 0.993, "hedging": 1.0},
    # first seen at 0.783 / 0.515 (docs/evaluation.md), then tuned on
    "heldout20": {"entities_total": {"recall": 0.966}, "relations_strict_total": {"precision": 0.88, "recall": 0.75},
                "negation": 0.946, "hedging": 0.952},
    # first seen at 0.807 / 0.551 (docs/evaluation.md), then tuned on
    # heldout21 hedging 1.000 -> 0.994 in session 24: "Contrary to our hypothesis, the EVs did not alter Wnt/β-catenin
    # signalling" is now found (MODULATES, denied) and read as hedged by "hypothesis"; the gold has it unhedged
    "heldout21": {"entities_total": {"recall": 0.984}, "relations_strict_total": {"precision": 0.902, "recall": 0.766},
                "negation": 1.0, "hedging": 0.994},
    # first seen at 0.901 / 0.621 (docs/evaluation.md), then tuned on
    # precision 0.941 -> 0.934 (session 31): alveolar fluid clearance is now a mechanism, and "KGF restores alveolar
    # fluid clearance" mediates it (heldout39 and heldout50 annotate it; this gold, written before, does not)
    "heldout22": {"entities_total": {"recall": 0.973}, "relations_strict_total": {"precision": 0.934, "recall": 0.789},
                "negation": 0.969, "hedging": 0.984},
    # first seen at 0.872 / 0.540 (docs/evaluation.md), then tuned on; session 17: precision 0.864 -> 0.858,
    # one false hit from "lower" read as treating a disease; session 20 (0.865 -> 0.859): "Trials in ARDS, ..., have
    # not consistently reduced mortality" sets the verb in ARDS, a claim this gold leaves out
    "heldout23": {"entities_total": {"recall": 0.958}, "relations_strict_total": {"precision": 0.859, "recall": 0.684},
                "negation": 1.0, "hedging": 0.992},
    # first seen at 0.864 / 0.555 (docs/evaluation.md), then tuned on; hedging 0.960 -> 0.951 in session 16 (a pair
    # newly found, IFN-γ activating IDO, is read as hedged where the gold's is not)
    # heldout24 precision 0.911 -> 0.903 in session 24: with "CD4+ and CD8+ T cells" read as both cell types, "the
    # resulting tryptophan shortage arrests dividing CD4+ and CD8+ T cells" gives tryptophan a second target, which
    # this gold leaves out (as it does the first)
    # precision 0.903 -> 0.872 (session 31): alveolar fluid clearance is now a mechanism, and "KGF restores alveolar
    # fluid clearance" mediates it (heldout39 and heldout50 annotate it; this gold, written before, does not) (three
    # factors of a list); and "In Crohn's disease, injections of adipose-derived MSCs closed ... fistulas" now treats
    # the disease the sentence opens with
    "heldout24": {"entities_total": {"recall": 0.964}, "relations_strict_total": {"precision": 0.872, "recall": 0.745},
                "negation": 0.971, "hedging": 0.951},
    # first seen at 0.762 / 0.417 (docs/evaluation.md), then tuned on; precision 0.897 -> 0.893 in session 16 ("mouse MSCs
    # rely on iNOS instead" credits iNOS with the T cells' suppression the card names), recall 0.592 -> 0.613
    # precision 0.895 -> 0.889 (session 31): alveolar fluid clearance is now a mechanism, and "KGF restores alveolar
    # fluid clearance" mediates it (heldout39 and heldout50 annotate it; this gold, written before, does not); "lungs
    # injured with endotoxin where MSCs restored fluid clearance" gives it to the endotoxin (a wrong subject)
    "heldout25": {"entities_total": {"recall": 0.943}, "relations_strict_total": {"precision": 0.889, "recall": 0.628},
                "negation": 1.0, "hedging": 0.975},
    # first seen at 0.739 / 0.477 (docs/evaluation.md), then tuned on; hedging lowered in session 18 (0.88 ->
    # 0.868): "IL-6 protects ... from apoptosis" now matches the gold's anti-apoptosis relation, whose hedge is missed
    # heldout26 precision 0.888 -> 0.878 in session 25: cAMP is now a factor, and "PGE2 ... raising cAMP" activates it;
    # this gold does not annotate cAMP
    "heldout26": {"entities_total": {"recall": 0.969}, "relations_strict_total": {"precision": 0.889, "recall": 0.748},
                "negation": 1.0, "hedging": 0.925},
    # first seen at 0.890 / 0.528 (docs/evaluation.md), then tuned on
    # heldout27 precision 0.955 -> 0.944 in session 24: "HGF-overexpressing MSCs" now express HGF (heldout40's
    # convention for engineered cells), which this gold leaves out
    # heldout27 precision 0.944 -> 0.934 in session 26: "T cells co-cultured with MSCs" now gives MSC TARGETS T cells
    # (cells exposed to MSCs are their targets, as four golds have it); this gold leaves it out
    # precision 0.934 -> 0.933, recall 0.697 -> 0.689 (session 30): "account for" a mechanism now mediates it, and
    # "TSG-6 accounts for much of the benefit in experimental ARDS" no longer lets "benefit in" take TSG-6 across it
    "heldout27": {"entities_total": {"recall": 0.919}, "relations_strict_total": {"precision": 0.944, "recall": 0.689},
                "negation": 1.0, "hedging": 0.988},
    # first seen at 0.651 / 0.438 (docs/evaluation.md), then tuned on
    "heldout28": {"entities_total": {"recall": 0.976}, "relations_strict_total": {"precision": 0.832, "recall": 0.713},
                "negation": 0.991, "hedging": 0.991},
    # first seen at 0.608 / 0.497 (docs/evaluation.md), then read in session 16
    # heldout29 precision 0.706 -> 0.702 in session 23: "microvesicles that transfer mitochondria to injured alveolar
    # epithelial cells" is found; the gold names the target "epithelial cells", which the vocabulary does not resolve
    "heldout29": {"entities_total": {"recall": 0.967}, "relations_strict_total": {"precision": 0.722, "recall": 0.669},
                "negation": 0.983, "hedging": 0.974},
    # first seen at 0.880 / 0.673 (docs/evaluation.md), then read in session 16; session 20 (precision 0.898 -> 0.891):
    # "BM-MSCs alleviate liver fibrosis largely through secreted TSG-6" gives TSG-6 the treatment too, left out here
    # heldout30 precision 0.891 -> 0.884 in session 24: with PIK3R2 in the vocabulary, "its known repression of
    # PIK3R2, a negative regulator of PI3K signalling" gives PIK3R2 INHIBITS PI3K, which this gold leaves out
    # heldout30 entity recall 0.959 -> 0.953 in session 25: "umbilical cord Wharton's jelly" is one mention of Wharton's
    # jelly (its product is now derived from Wharton's jelly, as this gold has it); the gold also lists the umbilical cord
    "heldout30": {"entities_total": {"recall": 0.953}, "relations_strict_total": {"precision": 0.893, "recall": 0.706},
                "negation": 1.0, "hedging": 1.0},
    # first seen at 0.744 / 0.578 (docs/evaluation.md), then read briefly in session 16
    "heldout31": {"entities_total": {"recall": 0.971}, "relations_strict_total": {"precision": 0.838, "recall": 0.741},
                "negation": 1.0, "hedging": 1.0},
    # first seen at 0.788 / 0.708 with the session-17 start code, 0.795 / 0.724 with the disease-head scoring
    # precision 0.847 -> 0.835 (session 31): "TSG-6, PGE2 and IL-1Ra in P-CM were measured by ELISA": factors in a
    # medium are now secreted by its cells (heldout11 and heldout50 annotate such claims; this gold does not)
    "heldout32": {"entities_total": {"recall": 0.983}, "relations_strict_total": {"precision": 0.835, "recall": 0.8},
                "negation": 1.0, "hedging": 0.991},
    # first seen at 0.649 / 0.507 with the session-17 start code, 0.661 / 0.520 at 51850aa; read in session 18
    # precision 0.779 -> 0.774 (session 32): "We could not assess the effect of MSCs on luminal Crohn's disease" is a
    # denied study now that "assess" names one; this gold does not annotate it
    "heldout33": {"entities_total": {"recall": 0.929}, "relations_strict_total": {"precision": 0.774, "recall": 0.731},
                "negation": 1.0, "hedging": 0.981},
    # first seen at 0.775 / 0.562 with the session-18 start code; read in session 19; session 20 (precision 0.879 ->
    # 0.873): with "but" joining verbs, "attenuated, but did not abolish, the reduction" takes the subject the first
    # verb was given (the vesicles of "before EV injection"), a false hit
    "heldout34": {"entities_total": {"recall": 0.968}, "relations_strict_total": {"precision": 0.884, "recall": 0.77},
                "negation": 1.0, "hedging": 1.0},
    # first seen at 0.775 / 0.548 with the session-19 start code (c64b33b); read in part in sessions 19 and 20
    # precision 0.829 -> 0.807 (session 31): "Macrophages exposed to MSC-conditioned medium secreted less TNF-α and more
    # IL-10": what exposed cells make less or more of is now what the medium inhibits or activates (heldout50 annotates
    # such claims; this gold, for these two sentences, does not)
    "heldout35": {"entities_total": {"recall": 0.975}, "relations_strict_total": {"precision": 0.807, "recall": 0.771},
                "negation": 0.975, "hedging": 1.0},
    # first seen at 0.821 / 0.582 with the session-20 start code (da632ea); read in sessions 20 and 21; session 22
    # (precision 0.897 -> 0.890): with "microglial" read as microglia, "compared their effects on microglial
    # activation" (an aim) gives the vesicles the microglia as target, which this gold leaves out
    "heldout36": {"entities_total": {"recall": 0.982}, "relations_strict_total": {"precision": 0.899, "recall": 0.79},
                "negation": 1.0, "hedging": 1.0},
    # first seen at 0.806 / 0.644 with the session-21 start code (14c6657); read in session 21
    # heldout37 precision 0.876 -> 0.870 in session 23: "upregulates CXCR4 through HIF-1α" now reads the pathway as
    # the route taken (HIF-1α signalling ACTIVATES CXCR4); this gold has HIF-1α as a Factor, the vocabulary a Pathway
    "heldout37": {"entities_total": {"recall": 0.967}, "relations_strict_total": {"precision": 0.888, "recall": 0.839},
                "negation": 1.0, "hedging": 0.987},
    # first seen at 0.803 / 0.831 with the session-22 start code (3568791); read in session 22
    "heldout38": {"entities_total": {"recall": 0.971}, "relations_strict_total": {"precision": 0.937, "recall": 0.95},
                "negation": 1.0, "hedging": 0.993},
    # first seen at 0.623 / 0.425 with the session-23 start code (4f97d36), against the gold as first written; its
    # annotator had been told to credit vesicles and conditioned medium to their parent tissue, unlike every other
    # batch; with that brought into line (the file's "revisions") the start code scores 0.787 / 0.462; read in session 23
    # heldout39 precision 0.831 -> 0.830 in session 26: "Their secretome ... may protect chondrocytes from
    # IL-1β-induced catabolism" now gives the secretome INHIBITS IL-1β (what the protection is from); this gold
    # leaves it out
    "heldout39": {"entities_total": {"recall": 0.919}, "relations_strict_total": {"precision": 0.845, "recall": 0.63},
                "negation": 0.992, "hedging": 0.985},
    # first seen at 0.761 / 0.393 with the session-24 start code (5cb7ed7); read in session 24
    # heldout40 precision 0.868 -> 0.863 in session 27: "GMSCs attenuated collagen-induced arthritis through
    # CD39/CD73-generated adenosine" now gives gingiva SECRETES adenosine ("generate" is making); this gold leaves it
    # out, heldout43's annotates the same fact
    "heldout40": {"entities_total": {"recall": 0.881}, "relations_strict_total": {"precision": 0.885, "recall": 0.535},
                "negation": 1.0, "hedging": 1.0},
    # first seen at 0.763 / 0.416 with the code of the moment (5884e75), 0.771 / 0.416 with the session-24 start
    # code (5cb7ed7); read in session 24
    # heldout41 precision 0.803 -> 0.797 in session 27: "anti-apoptotic Akt signalling" now gives PI3K/Akt
    # signalling MEDIATES anti-apoptosis; this gold names the pathway "Akt", a node of its own
    "heldout41": {"entities_total": {"recall": 0.819}, "relations_strict_total": {"precision": 0.857, "recall": 0.58},
                "negation": 0.971, "hedging": 0.971},
    # first seen at 0.783 / 0.584 with the session-25 start code (9082b0d) and with the code of that moment; read in
    # session 25
    # heldout42 precision 0.871 -> 0.869 in session 26: "and it reduced NF-κB p65 translocation" now has PGE2 as its
    # subject, and the node is NF-κB p65 where the gold names NF-κB; 0.869 -> 0.865 in session 29 (recall 0.731 ->
    # 0.742): "In cultured corneal fibroblasts, TSG-6 reduced ..." now has TSG-6 act on the cells, which the
    # vocabulary reads as keratocytes (CL's synonym) where the gold names fibroblasts
    "heldout42": {"entities_total": {"recall": 0.9}, "relations_strict_total": {"precision": 0.877, "recall": 0.756},
                "negation": 1.0, "hedging": 0.993},
    # first seen at 0.713 / 0.507 (ent R 0.810) with the session-26 start code (efcb644) and with the code of that
    # moment; its 19 mentions and 7 relations located only in headings were dropped afterwards (headings are no
    # sentences); read in session 26
    # hedging 0.962 -> 0.955 (session 30): epithelial repair is now a mechanism, and "GMSCs might treat colitis
    # through ... TSG-6-dependent epithelial repair" gives TSG-6 MEDIATES it unhedged (a glued "-dependent" claim)
    # precision 0.886 -> 0.881 (session 31): pulmonary edema is now a disease, and "MSCs reduced lung oedema" treats it
    # (heldout50 annotates it; this gold does not)
    # precision 0.881 -> 0.877 (session 32): "TGF-β1 drives collagen deposition" now activates collagen, where this
    # gold has collagen deposition as a mechanism TGF-β1 mediates
    "heldout43": {"entities_total": {"recall": 0.892}, "relations_strict_total": {"precision": 0.877, "recall": 0.711},
                "negation": 0.993, "hedging": 0.956},
    # first seen at 0.758 / 0.599 (ent R 0.887) with the session-27 start code (198e12c) and with the code of that
    # moment; read in session 27
    "heldout44": {"entities_total": {"recall": 0.937}, "relations_strict_total": {"precision": 0.902, "recall": 0.724},
                "negation": 0.991, "hedging": 0.946},
    # first seen at 0.879 / 0.734 (ent R 0.842) with the session-27 start code (198e12c), 0.872 / 0.734 with the code
    # of that moment; read in session 27
    # precision 0.893 -> 0.886 (session 31): "To assess whether a single local injection of darvadstrocel ... induces
    # remission of complex perianal fistulas in patients with Crohn's disease": the patients' disease is now studied as
    # well
    "heldout45": {"entities_total": {"recall": 0.88}, "relations_strict_total": {"precision": 0.886, "recall": 0.848},
                "negation": 1.0, "hedging": 0.974},
    # first seen at 0.826 / 0.630 (ent R 0.857) with the session-28 start code (1baeb57) and with the code of that
    # moment; read in session 28
    "heldout46": {"entities_total": {"recall": 0.934}, "relations_strict_total": {"precision": 0.896, "recall": 0.768},
                "negation": 0.985, "hedging": 0.992},
    # first seen at 0.836 / 0.568 (ent R 0.786) with the session-28 start code (1baeb57) and with the code of that
    # moment; read in session 28
    # precision 0.895 -> 0.888, hedging 0.982 -> 0.973 (session 31): the splitter now ends a sentence at "72 h." ("at 72
    # h. Blocking c-Met ..."), and "Blocking c-Met ... abolished the MSC-induced hepatocyte proliferation" gives a claim
    # the gold leaves out; "It is not yet known whether prenatal transplantation of fetal liver MSCs reduces fractures"
    # now studies osteogenesis imperfecta (hedged) as well
    "heldout47": {"entities_total": {"recall": 0.838}, "relations_strict_total": {"precision": 0.889, "recall": 0.7},
                "negation": 0.991, "hedging": 0.973},
    # first seen at 0.736 / 0.610 (ent R 0.852) with the session-29 start code (432ab88) and with the code of that
    # moment; read in session 29
    # precision 0.851 -> 0.845 (session 31): alveolar fluid clearance is now a mechanism, and "KGF restores alveolar
    # fluid clearance" mediates it (heldout39 and heldout50 annotate it; this gold, written before, does not)
    "heldout48": {"entities_total": {"recall": 0.916}, "relations_strict_total": {"precision": 0.846, "recall": 0.742},
                "negation": 0.984, "hedging": 0.967},
    # heldout49: written and annotated first, scored once (0.637 / 0.411, entity recall 0.784), then read
    "heldout49": {"entities_total": {"recall": 0.889}, "relations_strict_total": {"precision": 0.783, "recall": 0.639},
                  "negation": 0.99, "hedging": 0.941},
    # heldout50: written and annotated first, scored once (0.736 / 0.482, entity recall 0.830), then read
    "heldout50": {"entities_total": {"recall": 0.912}, "relations_strict_total": {"precision": 0.887, "recall": 0.714},
                  "negation": 1.0, "hedging": 0.973},
    # heldout51: written and annotated first, scored once (0.829 / 0.662, entity recall 0.848), then read
    "heldout51": {"entities_total": {"recall": 0.854}, "relations_strict_total": {"precision": 0.921, "recall": 0.753},
                  "negation": 1.0, "hedging": 0.991},
    # heldout52: written and annotated first, scored once (0.836 / 0.646, entity recall 0.868), then read in part
    # (session 31: only its vocabulary rows), then in full (session 32)
    "heldout52": {"entities_total": {"recall": 0.91}, "relations_strict_total": {"precision": 0.91, "recall": 0.792},
                  "negation": 1.0, "hedging": 0.959},
    # heldout53: written and annotated first, scored once (0.763 / 0.468, entity recall 0.877), then read
    "heldout53": {"entities_total": {"recall": 0.89}, "relations_strict_total": {"precision": 0.817, "recall": 0.578},
                  "negation": 1.0, "hedging": 0.921},
    # heldout54: written and annotated first, scored once (0.804 / 0.566, entity recall 0.889), then read
    "heldout54": {"entities_total": {"recall": 0.908}, "relations_strict_total": {"precision": 0.869, "recall": 0.646},
                  "negation": 0.989, "hedging": 0.892},
}


@pytest.mark.parametrize("batch", sorted(HELDOUT_FLOORS))
def test_held_out_batch_scores_do_not_drop(batch):
    from msckg.loaders.evaluation import evaluate_paths

    folder = GOLD.parent / batch
    data = evaluate_paths(GOLD.parent / f"{batch}_gold.json", [folder]).to_dict()
    floors = HELDOUT_FLOORS[batch]
    for key in ("entities_total", "relations_strict_total"):
        for metric, floor in floors[key].items():
            assert data[key][metric] >= floor - MARGIN, f"{batch} {key} {metric} fell to {data[key][metric]}"
    for flag in ("negation", "hedging"):
        assert data[flag]["accuracy"] >= floors[flag] - MARGIN, f"{batch} {flag} accuracy {data[flag]['accuracy']}"
    assert data["relations_strict_total"]["tp"] + data["relations_strict_total"]["fn"] >= 70   # a real sample


def test_cli_evaluate_table_and_json(corpus_dir, corpus_graph_file):
    runner = CliRunner()
    table = runner.invoke(cli, ["evaluate", str(GOLD), str(corpus_dir), "--no-findings"])
    assert table.exit_code == 0, table.output
    assert "Relations, strict" in table.output and "Negation flag accuracy" in table.output
    assert "by evidence confidence" in table.output
    as_json = runner.invoke(cli, ["evaluate", str(GOLD), "--graph", str(corpus_graph_file), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert data["relations_strict_total"]["precision"] >= BASELINE["relations_strict_total"]["precision"] - MARGIN
    assert data["misses"] and data["false_hits"]
    bands = data["relations_by_confidence"]
    assert sum(b["tp"] for b in bands.values()) <= data["relations_strict_total"]["tp"]
    assert sum(b["fp"] for b in bands.values()) == data["relations_strict_total"]["fp"]


def test_cli_evaluate_errors(tmp_path, corpus_graph_file):
    runner = CliRunner()
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    result = runner.invoke(cli, ["evaluate", str(bad), "--graph", str(corpus_graph_file)])
    assert result.exit_code == 1 and "is not a gold file (invalid JSON" in result.output
    usage = runner.invoke(cli, ["evaluate", str(GOLD)])
    assert usage.exit_code == 2 and "PATHS" in usage.output


def test_cli_evaluate_check_locates_without_scoring(tmp_path):
    paper = tmp_path / "papers" / "note.txt"
    paper.parent.mkdir()
    paper.write_text("MSCs secrete IL-10. They express CD73.\n", encoding="utf-8")
    gold = {"format": "msckg-gold", "version": 1, "papers": [{"source": "note.txt", "entities": [
        {"name": "IL-10", "label": "Factor", "at": "secrete IL-10"}], "relations": [
        {"subject": "MSCs", "type": "EXPRESSES", "object": "CD73", "at": 1}]}]}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(cli, ["evaluate", str(path), str(paper.parent), "--check"])
    assert ok.exit_code == 0 and "OK, 1 papers, 1 entities, 1 relations" in ok.output
    assert "Relations, strict" not in ok.output
    gold["papers"][0]["relations"][0]["at"] = "express CD90"
    path.write_text(json.dumps(gold), encoding="utf-8")
    bad = runner.invoke(cli, ["evaluate", str(path), str(paper.parent), "--check"])
    assert bad.exit_code == 1 and "quote 'express CD90' matches no sentence" in bad.output
