"""The embedded KnowledgeGraph: merging, provenance aggregation, and the saved file."""

import json

import networkx as nx
import pytest

from msckg.errors import GraphFileError
from msckg.graph.knowledge_graph import Evidence, KnowledgeGraph, combined_confidence


def small_graph() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.add_node("doi:10.1/a", "Paper", "Paper A", title="Paper A", doi="10.1/a", year=2020)
    kg.add_node("UBERON:0002371", "MSCSource", "bone marrow", synonyms=["BM-MSC"], curie="UBERON:0002371")
    kg.add_node("msckg:factor:pge2", "Factor", "PGE2", kind="small_molecule", synonyms=["prostaglandin E2"])
    kg.add_node("msckg:disease:sepsis", "Disease", "sepsis")
    return kg


def ev(sentence: str, start: int, *, paper="doi:10.1/a", negated=False, hedged=False, conf=0.8, cited=()):
    return Evidence(paper=paper, sentence=sentence, section="Results", start=start, end=start + len(sentence),
                    cited=tuple(cited), negated=negated, hedged=hedged, confidence=conf, trigger="secrete")


def test_node_merge_unions_synonyms_and_keeps_first_values():
    kg = small_graph()
    kg.add_node("UBERON:0002371", "MSCSource", "bone marrow", synonyms=["BMSC", "BM-MSC"], curie=None)
    node = kg.node("UBERON:0002371")
    assert node["synonyms"] == ["BM-MSC", "BMSC"]
    assert node["curie"] == "UBERON:0002371"
    assert len(kg) == 4


def test_node_label_conflict_is_refused():
    kg = small_graph()
    with pytest.raises(ValueError, match="is a Factor"):
        kg.add_node("msckg:factor:pge2", "Disease", "PGE2")


def test_unknown_label_and_wrong_endpoints_are_refused():
    kg = small_graph()
    with pytest.raises(ValueError, match="unknown node label"):
        kg.add_node("x", "Gene", "x")
    with pytest.raises(ValueError, match="does not join"):
        kg.add_relation("SECRETES", "msckg:factor:pge2", "UBERON:0002371", ev("s", 0))


def test_one_edge_per_triple_with_aggregated_provenance():
    kg = small_graph()
    kg.add_relation("SECRETES", "UBERON:0002371", "msckg:factor:pge2", ev("BM-MSCs secrete PGE2.", 10, conf=0.8))
    kg.add_relation("SECRETES", "UBERON:0002371", "msckg:factor:pge2",
                    ev("PGE2 is not secreted by resting BM-MSCs.", 50, negated=True, conf=0.7))
    kg.add_relation("SECRETES", "UBERON:0002371", "msckg:factor:pge2",
                    ev("BM-MSCs may secrete PGE2.", 5, paper="doi:10.1/b", hedged=True, conf=0.5,
                       cited=["doi:10.1/c"]))
    edges = list(kg.edges("SECRETES"))
    assert len(edges) == 1
    data = edges[0][2]
    assert data["evidence_count"] == 3
    assert data["papers"] == ["doi:10.1/a", "doi:10.1/b"]
    assert data["cited_papers"] == ["doi:10.1/c"]
    assert data["negated"] == 1 and data["hedged"] == 1
    # noisy-OR over the two non-negated records: 1 - (0.2 * 0.5) = 0.9
    assert data["confidence"] == 0.9
    # evidence ordered by (paper, start): a@10, a@50, b@5
    assert [e.start for e in data["evidence"]] == [10, 50, 5]


def test_same_evidence_twice_changes_nothing():
    kg = small_graph()
    record = ev("BM-MSCs secrete PGE2.", 10)
    kg.add_relation("SECRETES", "UBERON:0002371", "msckg:factor:pge2", record)
    before = kg.to_json()
    kg.add_relation("SECRETES", "UBERON:0002371", "msckg:factor:pge2", record)
    assert kg.to_json() == before


def test_combined_confidence_is_zero_when_only_negated():
    assert combined_confidence([ev("x", 0, negated=True)]) == 0.0
    assert combined_confidence([ev("x", 0, conf=0.6)]) == 0.6


def test_sentences_capped_at_twenty():
    kg = small_graph()
    for i in range(25):
        kg.add_relation("SECRETES", "UBERON:0002371", "msckg:factor:pge2", ev(f"Sentence {i:02d}.", i * 20))
    data = kg.edge("UBERON:0002371", "SECRETES", "msckg:factor:pge2")
    assert data["evidence_count"] == 25
    assert len(data["sentences"]) == 20
    assert len(data["evidence"]) == 25


def test_edge_properties_from_evidence_first_wins():
    kg = small_graph()
    kg.add_node("msckg:product:temcell", "Product", "Temcell")
    kg.add_node("msckg:disease:gvhd", "Disease", "graft-versus-host disease")
    rec = Evidence(paper="doi:10.1/a", sentence="Temcell | Acute GvHD | 2015 | PMDA (Japan)",
                   properties=(("agency", "PMDA"), ("country", "Japan"), ("year", 2015)))
    kg.add_relation("APPROVED_FOR", "msckg:product:temcell", "msckg:disease:gvhd", rec)
    data = kg.edge("msckg:product:temcell", "APPROVED_FOR", "msckg:disease:gvhd")
    assert (data["year"], data["agency"], data["country"]) == (2015, "PMDA", "Japan")


def test_mentions_and_citations():
    kg = small_graph()
    kg.add_node("doi:10.1/c", "Paper", "Paper C")
    kg.add_mentions("doi:10.1/a", "msckg:factor:pge2", 3)
    kg.add_mentions("doi:10.1/a", "msckg:factor:pge2", 3)
    kg.add_citation("doi:10.1/a", "doi:10.1/c")
    kg.add_citation("doi:10.1/a", "doi:10.1/c")
    assert kg.summary().edges_per_type == {"MENTIONS": 1, "CITES": 1}
    assert kg.edge("doi:10.1/a", "MENTIONS", "msckg:factor:pge2")["count"] == 3
    with pytest.raises(ValueError):
        kg.add_citation("doi:10.1/a", "msckg:factor:pge2")


def test_save_load_round_trip_is_byte_identical(tmp_path):
    kg = small_graph()
    kg.add_relation("SECRETES", "UBERON:0002371", "msckg:factor:pge2", ev("BM-MSCs secrete PGE2.", 10))
    kg.add_relation("TREATS", "UBERON:0002371", "msckg:disease:sepsis", ev("BM-MSCs attenuate sepsis.", 40))
    kg.sources.append({"path": "a.txt", "paper": "doi:10.1/a", "sha256": "0" * 64, "format": "plain_text"})
    first = kg.save(tmp_path / "g.json")
    loaded = KnowledgeGraph.load(first)
    second = loaded.save(tmp_path / "g2.json")
    assert first.read_bytes() == second.read_bytes()
    assert loaded.node("UBERON:0002371")["id"] == "UBERON:0002371"
    assert loaded.edge("UBERON:0002371", "SECRETES", "msckg:factor:pge2")["evidence"][0].sentence == \
        "BM-MSCs secrete PGE2."


def test_saved_file_is_node_link_json_readable_by_networkx(tmp_path):
    kg = small_graph()
    kg.add_relation("SECRETES", "UBERON:0002371", "msckg:factor:pge2", ev("BM-MSCs secrete PGE2.", 10))
    path = kg.save(tmp_path / "g.json")
    data = json.loads(path.read_text())
    assert data["graph"]["format_version"] == 1
    assert data["graph"]["msckg_version"]
    g = nx.node_link_graph(data, edges="edges")
    assert g.number_of_nodes() == 4
    (s, o, attrs), = [(s, o, a) for s, o, a in g.edges(data=True)]
    assert (s, o, attrs["type"]) == ("UBERON:0002371", "msckg:factor:pge2", "SECRETES")
    record = attrs["evidence"][0]
    assert set(record) >= {"paper", "section", "sentence", "start", "end", "cited", "negated", "hedged"}
    node = next(n for n in data["nodes"] if n["id"] == "msckg:factor:pge2")
    assert node["kind"] == "small_molecule" and node["curie"] is None and node["generated"] is False


@pytest.mark.parametrize("content, message", [
    ("not json", "invalid JSON"),
    ("[1, 2]", "top level is not an object"),
    ('{"graph": {"format": "other"}}', "not an msc-kg graph"),
    ('{"graph": {"format": "msc-kg", "format_version": 99}}', "version 99"),
])
def test_bad_graph_files_raise_clear_errors(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(GraphFileError, match=message):
        KnowledgeGraph.load(path)


def test_missing_graph_file_names_the_fix(tmp_path):
    with pytest.raises(GraphFileError, match="msckg build"):
        KnowledgeGraph.load(tmp_path / "none.json")


def test_merge_is_order_independent():
    def part(paper: str, title: str, sentence: str, year: int) -> KnowledgeGraph:
        kg = KnowledgeGraph()
        kg.add_node(paper, "Paper", title, title=title, role="source")
        kg.add_node("doi:10.9/shared", "Paper", f"cited as {title}", year=year, role="cited")
        kg.add_citation(paper, "doi:10.9/shared")
        kg.add_node("UBERON:0002371", "MSCSource", "bone marrow", synonyms=[f"BM ({title})"])
        kg.add_node("msckg:factor:pge2", "Factor", "PGE2", kind="small_molecule")
        kg.add_relation("SECRETES", "UBERON:0002371", "msckg:factor:pge2",
                        Evidence(paper=paper, sentence=sentence, start=0, end=len(sentence), confidence=0.7))
        kg.add_mentions(paper, "msckg:factor:pge2", 2)
        kg.sources.append({"path": f"{paper}.txt", "paper": paper})
        return kg

    a = part("doi:10.9/a", "Alpha paper", "BM-MSCs secrete PGE2.", 2001)
    b = part("doi:10.9/b", "Beta", "PGE2 is released by MSCs from bone marrow.", 1999)
    ab, ba = KnowledgeGraph(), KnowledgeGraph()
    ab.merge(a), ab.merge(b)
    ba.merge(b), ba.merge(a)
    assert ab.to_json() == ba.to_json()
    shared = ab.node("doi:10.9/shared")
    assert shared["year"] == 1999 and shared["name"] == "cited as Alpha paper"
    assert ab.edge("UBERON:0002371", "SECRETES", "msckg:factor:pge2")["evidence_count"] == 2
