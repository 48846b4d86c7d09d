"""Selecting and drawing views: filters, node cap, subgraphs, escaping, the page, `msckg export html`."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from msckg.cli import cli
from msckg.errors import UnknownEntity
from msckg.graph import schema
from msckg.graph.knowledge_graph import Evidence, KnowledgeGraph
from msckg.graph.views import (
    LABEL_STYLES, ViewFilter, edge_tooltip, node_tooltip, render_html, select_view, subgraph, view_html,
)


def _ev(paper: str, sentence: str, start: int, **kw) -> Evidence:
    return Evidence(paper, sentence, start=start, end=start + len(sentence), **kw)


@pytest.fixture
def kg() -> KnowledgeGraph:
    """bone marrow -SECRETES-> IL-10 -INHIBITS-> TNF-α -IMPLICATED_IN-> arthritis; a lone pathway; a paper."""
    kg = KnowledgeGraph()
    kg.add_node("doi:10.1/p", schema.PAPER, "Paper P", title="Paper <b>P</b> & friends")
    kg.add_node("CL:1", schema.MSC_SOURCE, "bone marrow", synonyms=["BM-MSC", "marrow"])
    kg.add_node("HGNC:10", schema.FACTOR, "IL-10", synonyms=["interleukin-10"], kind="cytokine")
    kg.add_node("HGNC:11", schema.FACTOR, "TNF-α", synonyms=["TNF-alpha"], kind="cytokine")
    kg.add_node("MONDO:1", schema.DISEASE, "arthritis")
    kg.add_node("R:1", schema.PATHWAY, "lonely pathway")
    kg.add_relation("SECRETES", "CL:1", "HGNC:10", _ev("doi:10.1/p", "Marrow cells secrete IL-10.", 0))
    kg.add_relation("SECRETES", "CL:1", "HGNC:10", _ev("doi:10.1/p", "IL-10 <script>x()</script> rose.", 40))
    kg.add_relation("INHIBITS", "HGNC:10", "HGNC:11", _ev("doi:10.1/p", "IL-10 did not inhibit TNF-α.", 80,
                                                          negated=True))
    kg.add_relation("IMPLICATED_IN", "HGNC:11", "MONDO:1", _ev("doi:10.1/p", "TNF-α drives arthritis.", 120))
    kg.add_mentions("doi:10.1/p", "HGNC:10", 2)
    return kg


def test_default_view_keeps_everything(kg):
    view = select_view(kg)
    assert view.node_ids == sorted(d["id"] for d in kg.nodes())
    assert len(view.edges) == kg.graph.number_of_edges() == 4
    assert view.omitted == 0 and view.omission_note() == ""


def test_focus_by_synonym_and_depth(kg):
    one = select_view(kg, ViewFilter(focus="interleukin-10", depth=1, labels=tuple(schema.ENTITY_LABELS)))
    assert one.focus_id == "HGNC:10"
    assert one.node_ids == ["CL:1", "HGNC:10", "HGNC:11"]
    assert one.edges == [("CL:1", "SECRETES", "HGNC:10"), ("HGNC:10", "INHIBITS", "HGNC:11")]
    two = select_view(kg, ViewFilter(focus="marrow", depth=2, labels=tuple(schema.ENTITY_LABELS)))
    assert two.node_ids == ["CL:1", "HGNC:10", "HGNC:11"]
    zero = select_view(kg, ViewFilter(focus="TNF-alpha", depth=0))
    assert zero.node_ids == ["HGNC:11"] and zero.edges == []


def test_unknown_focus_raises_with_suggestions(kg):
    with pytest.raises(UnknownEntity, match="IL-10"):
        select_view(kg, ViewFilter(focus="IL-1O"))


def test_labels_min_evidence_and_isolated(kg):
    factors = select_view(kg, ViewFilter(labels=(schema.FACTOR,)))
    assert factors.node_ids == ["HGNC:10", "HGNC:11"]
    assert factors.edges == [("HGNC:10", "INHIBITS", "HGNC:11")]
    strong = select_view(kg, ViewFilter(min_evidence=2, keep_isolated=False))
    assert strong.edges == [("CL:1", "SECRETES", "HGNC:10")]
    assert strong.node_ids == ["CL:1", "HGNC:10"]
    typed = select_view(kg, ViewFilter(rel_types=("IMPLICATED_IN",), keep_isolated=False))
    assert typed.node_ids == ["HGNC:11", "MONDO:1"]
    with pytest.raises(ValueError, match="unknown node label"):
        select_view(kg, ViewFilter(labels=("Gene",)))


def test_node_cap_keeps_closest_then_best_connected_and_says_what_it_left_out(kg):
    view = select_view(kg, ViewFilter(max_nodes=3))
    # degrees: IL-10 3 (SECRETES, INHIBITS, MENTIONS), TNF-α 2, then CL:1, MONDO:1, paper 1 (ties by id)
    assert view.node_ids == ["CL:1", "HGNC:10", "HGNC:11"]
    assert view.omitted_nodes == {"Pathway": 1, "Disease": 1, "Paper": 1}
    assert view.omitted_edges == 2  # MENTIONS and IMPLICATED_IN lost an end
    note = view.omission_note()
    assert "left out 3 nodes (1 Pathway, 1 Disease, 1 Paper) and 2 edges" in note
    assert "--max-nodes" in note
    focused = select_view(kg, ViewFilter(focus="arthritis", depth=3, max_nodes=2))
    assert focused.node_ids == ["HGNC:11", "MONDO:1"]


def test_subgraph_of_a_query_answer(kg):
    part = subgraph(kg, ["MONDO:1"], [("HGNC:10", "INHIBITS", "HGNC:11")])
    assert sorted(d["id"] for d in part.nodes()) == ["HGNC:10", "HGNC:11", "MONDO:1"]
    assert [(s, d["type"], o) for s, o, d in part.edges()] == [("HGNC:10", "INHIBITS", "HGNC:11")]
    assert part.edge("HGNC:10", "INHIBITS", "HGNC:11")["evidence"][0].negated is True
    induced = subgraph(kg, ["CL:1", "HGNC:10", "doi:10.1/p"])
    assert sorted((s, d["type"], o) for s, o, d in induced.edges()) == [
        ("CL:1", "SECRETES", "HGNC:10"), ("doi:10.1/p", "MENTIONS", "HGNC:10")]
    with pytest.raises(KeyError):
        subgraph(kg, ["nope"])
    with pytest.raises(KeyError):
        subgraph(kg, [], [("CL:1", "TREATS", "MONDO:1")])


def test_tooltips_escape_document_text(kg):
    kg.add_synonyms("HGNC:10", ['<img src=x onerror="alert(1)">'])
    node = node_tooltip(kg, "HGNC:10", 3)
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in node and "<img" not in node
    assert "<b>id</b> HGNC:10" in node and "interleukin-10" in node
    edge = edge_tooltip(kg, "CL:1", "SECRETES", "HGNC:10")
    assert "IL-10 &lt;script&gt;x()&lt;/script&gt; rose." in edge and "<script" not in edge
    assert "Paper &lt;b&gt;P&lt;/b&gt; &amp; friends" in edge  # the paper title, escaped
    assert "evidence 2 · papers 1 · confidence" in edge
    negated = edge_tooltip(kg, "HGNC:10", "INHIBITS", "HGNC:11")
    assert "negated 1" in negated and "tt-flag\">negated</span>" in negated


def _page_data(page: str) -> dict:
    match = re.search(r"var data = (\{.*?\});\n", page.rsplit("\"use strict\";", 1)[1])
    assert match, "no data in the page"
    return json.loads(match.group(1))


def test_page_is_self_contained_and_carries_styles(kg, tmp_path):
    view = render_html(kg, tmp_path / "v.html", title="A <title>")
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert "<title>A &lt;title&gt;</title>" in page
    assert "vis.Network" in page and "sourceMappingURL" not in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=", page), "the page loads an external resource"
    data = _page_data(page)
    assert len(data["nodes"]) == len(view.node_ids) and len(data["edges"]) == len(view.edges)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["CL:1"]["color"] == LABEL_STYLES["MSCSource"].color
    assert by_id["CL:1"]["shape"] == LABEL_STYLES["MSCSource"].shape
    assert by_id["HGNC:10"]["value"] > by_id["MONDO:1"]["value"]  # size by degree
    inhibits = next(e for e in data["edges"] if e["id"] == "HGNC:10|INHIBITS|HGNC:11")
    assert inhibits["dashes"] is True  # only negated evidence
    assert "physics: false" in page and "stabilizationIterationsDone" in page
    for label in ("MSCSource", "Factor", "Disease", "Pathway", "Paper"):
        assert f"{label} <span class=\"count\">" in page


def test_page_data_cannot_close_its_script(kg):
    kg.add_node("msckg:x", schema.DISEASE, "</script><script>alert(1)</script>")
    page, _ = view_html(kg)
    body = page.rsplit("var data = ", 1)[1].split("</script>", 1)[0]
    assert "alert(1)" in body and "<" not in body.split(";\n", 1)[0]


def test_omission_note_is_in_the_page(kg):
    page, view = view_html(kg, filters=ViewFilter(max_nodes=2))
    assert view.omitted == 4
    assert "left out 4 nodes" in page


def test_cli_export_html(kg, tmp_path):
    graph = kg.save(tmp_path / "g.json")
    out = tmp_path / "view.html"
    result = CliRunner().invoke(cli, ["export", "html", "--graph", str(graph), "-o", str(out),
                                      "--focus", "BM-MSC", "--depth", "2"])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}: 3 nodes, 2 edges" in result.output
    assert out.is_file()
    capped = CliRunner().invoke(cli, ["export", "html", "--graph", str(graph), "-o", str(out),
                                      "--papers", "--max-nodes", "2", "--isolated"])
    assert capped.exit_code == 0, capped.output
    assert "left out 4 nodes" in capped.output
    missing = CliRunner().invoke(cli, ["export", "html", "--graph", str(graph), "--focus", "nothing-like-it"])
    assert missing.exit_code == 1 and "no entity named 'nothing-like-it'" in missing.output


def test_cli_export_files(kg, tmp_path):
    graph = kg.save(tmp_path / "g.json")
    runner = CliRunner()
    for args, produced in ((["graphml", "-o", str(tmp_path / "g.graphml")], tmp_path / "g.graphml"),
                           (["json", "--no-evidence", "-o", str(tmp_path / "n.json")], tmp_path / "n.json"),
                           (["csv", "-o", str(tmp_path / "csv")], tmp_path / "csv" / "README.md"),
                           (["browser", "-o", str(tmp_path / "br")], tmp_path / "br" / "msckg.grass")):
        result = runner.invoke(cli, ["export", *args, *(["--graph", str(graph)] if args[0] != "browser" else [])])
        assert result.exit_code == 0, result.output
        assert produced.is_file(), args
    assert "6 nodes, 4 edges" in runner.invoke(cli, ["export", "graphml", "--graph", str(graph), "-o",
                                                     str(tmp_path / "x.graphml")]).output


def test_answer_subgraph_keeps_named_entities_row_ids_and_claims_between_them():
    from msckg.graph.knowledge_graph import Evidence, KnowledgeGraph
    from msckg.graph.views import answer_subgraph

    kg = KnowledgeGraph()
    kg.add_node("doi:10.1/p", "Paper", "P")
    kg.add_node("s:bm", "MSCSource", "bone marrow")
    kg.add_node("f:pge2", "Factor", "PGE2")
    kg.add_node("f:il10", "Factor", "IL-10")
    kg.add_node("d:sepsis", "Disease", "sepsis")
    for s, t, o in (("s:bm", "SECRETES", "f:pge2"), ("f:pge2", "ACTIVATES", "f:il10"), ("s:bm", "TREATS", "d:sepsis")):
        kg.add_relation(t, s, o, Evidence(paper="doi:10.1/p", sentence=f"{s} {t} {o}", start=0, end=1))
    kg.add_mentions("doi:10.1/p", "f:pge2", 2)
    rows = [{"id": "s:bm", "name": "bone marrow", "papers": [{"id": "doi:10.1/p"}]},
            {"steps": [{"subject_id": "s:bm", "object_id": "f:pge2"}]}]
    answer = answer_subgraph(kg, rows, ["d:sepsis"])
    assert sorted(n["id"] for n in answer.nodes()) == ["d:sepsis", "f:pge2", "s:bm"]
    assert sorted((s, d["type"], o) for s, o, d in answer.edges()) == [
        ("s:bm", "SECRETES", "f:pge2"), ("s:bm", "TREATS", "d:sepsis")]
