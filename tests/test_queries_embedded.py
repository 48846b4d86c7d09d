"""Named queries on the embedded graph: answers worked out by hand on a small graph, names, the CLI.

``known_graph()`` is also the parity test's graph with known answers (tests/test_queries_parity.py).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from msckg.cli import cli
from msckg.errors import UnknownEntity
from msckg.graph.knowledge_graph import Evidence, KnowledgeGraph
from msckg.graph.query_runner import QueryRunner, normalise_rows, run_query

P1, P2, P3 = "doi:10.1000/alpha", "doi:10.1000/beta", "pmid:300"
BM, UC = "TEST:bone-marrow", "TEST:umbilical-cord"
TGFB, PGE2, IL10, CD34, EXO = "TEST:tgf-beta", "TEST:pge2", "TEST:il-10", "TEST:cd34", "TEST:exosomes"
NFKB, PI3K, IMMUNO, TCELL = "TEST:nf-kb", "TEST:pi3k-akt", "TEST:immunomodulation", "TEST:t-cell"
OA, GVHD = "TEST:osteoarthritis", "TEST:gvhd"
RYONCIL, CARTISTEM, STEMPEUCEL = "TEST:ryoncil", "TEST:cartistem", "TEST:stempeucel"


def known_graph() -> KnowledgeGraph:
    """A small graph whose query answers are worked out by hand in the tests below.

    Edges (evidence records as paper:confidence, n = negated, h = hedged, c = cites P3):
      bone marrow SECRETES TGF-β       P1:.8c P1:.8 P2:.8      bone marrow SECRETES PGE2   P1:.7
      bone marrow TREATS OA            P1:.8 P2:.7             bone marrow EXPRESSES CD34  P1, P2 negative
      bone marrow INVESTIGATED_FOR GvHD P1:.6                  TGF-β INHIBITS NF-κB        P1:.7 P2:.7
      NF-κB IMPLICATED_IN OA           P2:.6 P2:.6             TGF-β TREATS OA             P2:.6
      TGF-β MEDIATES immunomodulation  P1                      PGE2 MEDIATES immunomodulation P1
      PGE2 TREATS GvHD                 P1                      PGE2 TREATS OA              P1 n (negated only)
      TGF-β ACTIVATES PI3K/AKT         P1 n                    PI3K/AKT IMPLICATED_IN OA   P1 x3
      CD34 IMPLICATED_IN OA            P1 x2                   TGF-β IMPLICATED_IN GvHD    P1 h
      umbilical cord SECRETES TGF-β    P3:.7                   umbilical cord SECRETES IL-10 P3 x2
      umbilical cord SECRETES exosomes P3:.6 h                 umbilical cord TREATS GvHD  P3 x2
      IL-10 TARGETS T cell             P3                      IL-10 ACTIVATES IL-10       P3 (a self-loop)
      Ryoncil DERIVED_FROM bone marrow; APPROVED_FOR GvHD (FDA, USA, 2024)
      Cartistem DERIVED_FROM umbilical cord; APPROVED_FOR OA (MFDS, South Korea, 2012); Stempeucel: none
      MENTIONS P1->OA 3, P2->OA 5, P1->GvHD 1; CITES P1->P3
    """
    kg = KnowledgeGraph()
    kg.add_node(P1, "Paper", "Alpha study", title="Alpha study of marrow cells", year=2020)
    kg.add_node(P2, "Paper", "Beta review", title="Beta review of signalling", year=2021)
    kg.add_node(P3, "Paper", "Gamma trial", year=2019)
    kg.add_node(BM, "MSCSource", "bone marrow", synonyms=["BM-MSC", "bone marrow-derived MSC"])
    kg.add_node(UC, "MSCSource", "umbilical cord", synonyms=["UC-MSC"])
    kg.add_node(TGFB, "Factor", "TGF-β", synonyms=["TGF-beta", "transforming growth factor beta"],
                kind="growth_factor")
    kg.add_node(PGE2, "Factor", "PGE2", synonyms=["prostaglandin E2"], kind="small_molecule")
    kg.add_node(IL10, "Factor", "IL-10", synonyms=["interleukin 10"], kind="cytokine")
    kg.add_node(CD34, "Factor", "CD34", kind="surface_marker")
    kg.add_node(EXO, "Factor", "exosomes", kind="vesicle")
    kg.add_node(NFKB, "Pathway", "NF-κB", synonyms=["NF-kappaB"])
    kg.add_node(PI3K, "Pathway", "PI3K/AKT")
    kg.add_node(IMMUNO, "Mechanism", "immunomodulation")
    kg.add_node(TCELL, "CellType", "T cell")
    kg.add_node(OA, "Disease", "osteoarthritis", synonyms=["OA"])
    kg.add_node(GVHD, "Disease", "graft-versus-host disease", synonyms=["GvHD"])
    kg.add_node(RYONCIL, "Product", "Ryoncil", developer="Mesoblast", kind="allogeneic", source="bone marrow")
    kg.add_node(CARTISTEM, "Product", "Cartistem", developer="Medipost", kind="allogeneic",
                source="umbilical cord blood")
    kg.add_node(STEMPEUCEL, "Product", "Stempeucel", kind="allogeneic", source="bone marrow")

    position = iter(range(0, 100000, 100))

    def claim(rel: str, s: str, o: str, *records: tuple) -> None:
        for paper, conf, *flags in records:
            start = next(position)
            props = tuple(f for f in flags if isinstance(f, tuple))
            kg.add_relation(rel, s, o, Evidence(
                paper=paper, sentence=f"{paper} says {s} {rel.lower()} {o} (at {start}).", section="Results",
                start=start, end=start + 60, cited=(P3,) if "c" in flags else (),
                negated="n" in flags, hedged="h" in flags, confidence=conf, properties=props))

    claim("SECRETES", BM, TGFB, (P1, .8, "c"), (P1, .8), (P2, .8))
    claim("SECRETES", BM, PGE2, (P1, .7))
    claim("TREATS", BM, OA, (P1, .8), (P2, .7))
    claim("EXPRESSES", BM, CD34, (P1, .8, ("negative", True)), (P2, .8, ("negative", True)))
    claim("INVESTIGATED_FOR", BM, GVHD, (P1, .6))
    claim("INHIBITS", TGFB, NFKB, (P1, .7), (P2, .7))
    claim("IMPLICATED_IN", NFKB, OA, (P2, .6), (P2, .6))
    claim("TREATS", TGFB, OA, (P2, .6))
    claim("MEDIATES", TGFB, IMMUNO, (P1, .7))
    claim("MEDIATES", PGE2, IMMUNO, (P1, .7))
    claim("TREATS", PGE2, GVHD, (P1, .7))
    claim("TREATS", PGE2, OA, (P1, .7, "n"))
    claim("ACTIVATES", TGFB, PI3K, (P1, .7, "n"))
    claim("IMPLICATED_IN", PI3K, OA, (P1, .6), (P1, .6), (P1, .6))
    claim("IMPLICATED_IN", CD34, OA, (P1, .6), (P1, .6))
    claim("IMPLICATED_IN", TGFB, GVHD, (P1, .5, "h"))
    claim("SECRETES", UC, TGFB, (P3, .7))
    claim("SECRETES", UC, IL10, (P3, .7), (P3, .7))
    claim("SECRETES", UC, EXO, (P3, .6, "h"))
    claim("TREATS", UC, GVHD, (P3, .7), (P3, .7))
    claim("TARGETS", IL10, TCELL, (P3, .7))
    claim("ACTIVATES", IL10, IL10, (P3, .6))
    claim("DERIVED_FROM", RYONCIL, BM, (P1, .9))
    claim("APPROVED_FOR", RYONCIL, GVHD, (P1, .9, ("agency", "FDA"), ("country", "USA"), ("year", 2024)))
    claim("DERIVED_FROM", CARTISTEM, UC, (P1, .9))
    claim("APPROVED_FOR", CARTISTEM, OA,
          (P2, .9, ("agency", "MFDS"), ("country", "South Korea"), ("year", 2012)))
    kg.add_mentions(P1, OA, 3)
    kg.add_mentions(P2, OA, 5)
    kg.add_mentions(P1, GVHD, 1)
    kg.add_citation(P1, P3)
    return kg


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return known_graph()


@pytest.fixture(scope="module")
def graph_file(kg, tmp_path_factory):
    path = tmp_path_factory.mktemp("queries") / "known.json"
    kg.save(path)
    return path


# ----------------------------------------------------------------------- answers worked out by hand
def test_factor_to_disease_ranks_paths_by_weakest_hop_then_length(kg):
    rows = run_query(kg, "factor_to_disease", {"factor": "TGF-β", "disease": "osteoarthritis"})
    assert [r["path"] for r in rows] == [
        "TGF-β <-[SECRETES]- bone marrow -[TREATS]-> osteoarthritis",      # weakest hop 2, total 5
        "TGF-β -[INHIBITS]-> NF-κB -[IMPLICATED_IN]-> osteoarthritis",      # weakest hop 2, total 4
        "TGF-β -[TREATS]-> osteoarthritis",                                 # weakest hop 1
    ]
    top = rows[0]
    assert (top["hops"], top["min_evidence"], top["total_evidence"]) == (2, 2, 5)
    # noisy-OR: 1 - .2**3 = .992 for SECRETES, 1 - .2*.3 = .94 for TREATS; product .93248
    assert top["confidence"] == 0.932
    secretes, treats = top["steps"]
    assert (secretes["subject"], secretes["type"], secretes["object"]) == ("bone marrow", "SECRETES", "TGF-β")
    assert secretes["evidence_count"] == 3 and secretes["confidence"] == 0.992
    assert [p["id"] for p in secretes["papers"]] == [P1, P2]
    assert secretes["papers"][0]["title"] == "Alpha study of marrow cells"
    assert len(secretes["sentences"]) == 2 and secretes["sentences"][0].startswith(P1)
    assert treats["object_id"] == OA and treats["evidence_count"] == 2


def test_factor_to_disease_skips_negated_statements_and_absent_markers(kg):
    rows = run_query(kg, "factor_to_disease", {"factor": "TGF-β", "disease": "OA", "max_hops": 4})
    paths = [r["path"] for r in rows]
    assert len(paths) == 4
    assert paths[3] == ("TGF-β -[MEDIATES]-> immunomodulation <-[MEDIATES]- PGE2 "
                        "<-[SECRETES]- bone marrow -[TREATS]-> osteoarthritis")
    joined = " | ".join(paths)
    assert "PI3K/AKT" not in joined          # TGF-β ACTIVATES PI3K/AKT is only negated
    assert "CD34" not in joined              # bone marrow lacks CD34 (negative marker)
    assert "PGE2 -[TREATS]-> osteoarthritis" not in joined  # negated only
    one_hop = run_query(kg, "factor_to_disease", {"factor": "TGF-β", "disease": "OA", "max_hops": 1})
    assert [r["path"] for r in one_hop] == ["TGF-β -[TREATS]-> osteoarthritis"]
    assert len(run_query(kg, "factor_to_disease", {"factor": "TGF-β", "disease": "OA", "limit": 2})) == 2


@pytest.mark.parametrize("spelling", ["TGF-β", "tgf-beta", "TGF-b", "Transforming Growth Factor Beta",
                                      "tgf β", TGFB])
def test_entity_parameters_take_any_spelling(kg, spelling):
    rows = run_query(kg, "factor_to_disease", {"factor": spelling, "disease": "oa", "max_hops": 1})
    assert [r["path"] for r in rows] == ["TGF-β -[TREATS]-> osteoarthritis"]


def test_unknown_entity_says_did_you_mean(kg):
    with pytest.raises(UnknownEntity, match=r"no Disease entity named 'osteoarthritus'.*did you mean: osteoarthritis"):
        run_query(kg, "factor_to_disease", {"factor": "TGF-β", "disease": "osteoarthritus"})
    # a name of the wrong label is unknown for that parameter
    with pytest.raises(UnknownEntity, match="no Disease entity named 'TGF-β'"):
        run_query(kg, "disease_profile", {"disease": "TGF-β"})


def test_disease_profile_sections_and_order(kg):
    rows = run_query(kg, "disease_profile", {"disease": "osteoarthritis"})
    assert [r["id"] for r in rows] == [BM, CD34, PGE2, TGFB, PI3K, NFKB, CARTISTEM, P2, P1]
    by_id = {r["id"]: r for r in rows}
    assert by_id[PGE2]["negated"] == 1 and by_id[PGE2]["relation"] == "TREATS"  # kept, flagged
    assert by_id[CARTISTEM]["approval"] == {"agency": "MFDS", "country": "South Korea", "year": 2012}
    assert by_id[BM]["approval"] is None
    assert by_id[P2]["relation"] == "MENTIONS" and by_id[P2]["evidence_count"] == 5
    assert by_id[P2]["name"] == "Beta review of signalling"


def test_source_secretome(kg):
    rows = run_query(kg, "source_secretome", {"source": "BM-MSC"})
    assert [(r["factor"], r["relation"], r["negative"], r["evidence_count"]) for r in rows] == [
        ("TGF-β", "SECRETES", False, 3), ("PGE2", "SECRETES", False, 1), ("CD34", "EXPRESSES", True, 2)]
    rows = run_query(kg, "source_secretome", {"source": "umbilical cord"})
    # TGF-β and exosomes both have one record: confidence .7 beats .6
    assert [r["factor"] for r in rows] == ["IL-10", "TGF-β", "exosomes"]
    assert rows[2]["hedged"] == 1


def test_pathway_neighbourhood(kg):
    rows = run_query(kg, "pathway_neighbourhood", {"pathway": "nf-kappab"})
    assert [(r["direction"], r["relation"], r["name"]) for r in rows] == [
        ("in", "INHIBITS", "TGF-β"),            # 2 records, confidence .91
        ("out", "IMPLICATED_IN", "osteoarthritis"),  # 2 records, confidence .84
    ]


def test_products_with_approvals(kg):
    rows = run_query(kg, "products", {})
    assert [(r["product"], r["indication"], r["agency"], r["year"]) for r in rows] == [
        ("Cartistem", "osteoarthritis", "MFDS", 2012),
        ("Ryoncil", "graft-versus-host disease", "FDA", 2024),
        ("Stempeucel", None, None, None),
    ]
    assert rows[1]["derived_from"] == ["bone marrow"] and rows[1]["country"] == "USA"
    assert rows[0]["source_tissue"] == "umbilical cord blood" and rows[2]["papers"] == []
    assert [r["product"] for r in run_query(kg, "products", {"product": "ryoncil"})] == ["Ryoncil"]


def test_edge_evidence_lists_every_record_and_cited_papers(kg):
    (row,) = run_query(kg, "edge_evidence", {"subject": "TGF-beta", "object": "bone marrow"})
    assert (row["subject_id"], row["type"], row["object_id"]) == (BM, "SECRETES", TGFB)  # real direction
    assert [(e["paper"], e["title"]) for e in row["evidence"]] == [
        (P1, "Alpha study of marrow cells"), (P1, "Alpha study of marrow cells"), (P2, "Beta review of signalling")]
    assert row["cited_papers"] == [{"id": P3, "title": "Gamma trial"}]
    assert run_query(kg, "edge_evidence", {"subject": "bone marrow", "object": "TGF-β", "type": "treats"}) == []


def test_paper_claims(kg):
    rows = run_query(kg, "paper_claims", {"paper": "Beta review"})
    assert [(r["subject_id"], r["type"], r["object_id"], r["statements"]) for r in rows] == [
        (NFKB, "IMPLICATED_IN", OA, 2),
        (CARTISTEM, "APPROVED_FOR", OA, 1),
        (BM, "EXPRESSES", CD34, 1),
        (TGFB, "INHIBITS", NFKB, 1),
        (BM, "SECRETES", TGFB, 1),
        (BM, "TREATS", OA, 1),
        (TGFB, "TREATS", OA, 1),
    ]
    secretes = rows[4]
    assert secretes["other_papers"] == 1 and secretes["evidence_count"] == 3
    assert secretes["sentences"] == [s for s in secretes["sentences"] if s.startswith(P2)] != []


def test_shared_mechanisms_excludes_negated_claims(kg):
    rows = run_query(kg, "shared_mechanisms", {"a": "OA", "b": "GvHD"})
    assert [(r["name"], r["relations_a"], r["relations_b"], r["evidence"]) for r in rows] == [
        ("bone marrow", ["TREATS"], ["INVESTIGATED_FOR"], 3),
        ("TGF-β", ["TREATS"], ["IMPLICATED_IN"], 2),
    ]  # PGE2 treats GvHD, but its claim on OA is only negated


def test_hubs_count_a_self_loop_once(kg):
    rows = run_query(kg, "hubs", {"label": "Factor", "limit": 4})
    # TGF-β 7 claims; PGE2 4; IL-10 3 (one a self-loop, counted once); CD34 2
    assert [(r["rank"], r["name"], r["degree"]) for r in rows] == [
        (1, "TGF-β", 7), (2, "PGE2", 4), (3, "IL-10", 3), (4, "CD34", 2)]
    assert rows[0]["evidence"] == 10
    everything = run_query(kg, "hubs", {"limit": 1})
    assert [r["label"] for r in everything] == sorted(r["label"] for r in everything)
    assert {r["label"] for r in everything} == {"CellType", "Disease", "Factor", "MSCSource", "Mechanism",
                                               "Pathway", "Product"}


def test_rows_are_plain_json_values(kg):
    from msckg.queries import catalogue

    runner = QueryRunner(kg)
    for query in catalogue().values():
        rows = runner.run(query.name, query.example_parameters() | _KNOWN_EXAMPLES.get(query.name, {}))
        assert rows, query.name
        assert json.loads(json.dumps(rows)) == rows


def test_normalise_rounds_floats_the_same_way():
    assert normalise_rows([{"x": 2.6755, "y": [{"b": 0.1 + 0.2, "a": 1}]}]) == [
        {"x": 2.675, "y": [{"a": 1, "b": 0.3}]}]


#: Example parameters the known graph lacks (its papers are not the corpus's).
_KNOWN_EXAMPLES = {"paper_claims": {"paper": P2}, "pathway_neighbourhood": {"pathway": "NF-κB"},
                   "edge_evidence": {"subject": "bone marrow", "object": "TGF-β"}}


# ----------------------------------------------------------------------- the CLI
def _invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_cli_query_list():
    result = _invoke("query", "--list")
    assert result.exit_code == 0, result.output
    assert "factor_to_disease" in result.output and "max_hops (int 1..4, default 3)" in result.output
    assert "e.g. msckg query hubs" in result.output


def test_cli_query_table_json_csv(graph_file):
    args = ["query", "factor_to_disease", "-p", "factor=tgf-beta", "-p", "disease=OA", "--graph", str(graph_file)]
    table = _invoke(*args)
    assert table.exit_code == 0, table.output
    assert table.output.startswith("1. hops: 2")
    assert "path: TGF-β <-[SECRETES]- bone marrow -[TREATS]-> osteoarthritis" in table.output
    assert "bone marrow -[SECRETES]-> TGF-β" in table.output and "doi:10.1000/alpha says" in table.output
    as_json = json.loads(_invoke(*args, "--format", "json").output)
    assert as_json == run_query(known_graph(), "factor_to_disease", {"factor": "tgf-beta", "disease": "OA"})
    as_csv = list(csv.DictReader(io.StringIO(_invoke(*args, "--format", "csv", "--limit", "1").output)))
    assert len(as_csv) == 1 and as_csv[0]["hops"] == "2" and json.loads(as_csv[0]["steps"])[0]["type"] == "SECRETES"


def test_cli_flat_rows_print_as_columns(graph_file):
    result = _invoke("query", "hubs", "-p", "label=Factor", "--limit", "2", "--graph", str(graph_file))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["label", "rank", "name", "id", "degree", "evidence"]
    assert lines[2].split() == ["Factor", "1", "TGF-β", TGFB, "7", "10"]
    assert len(lines) == 4


@pytest.mark.parametrize("args, message", [
    (["query", "factor_to_disease", "-p", "factor=TGF-β", "-p", "disease=osteoarthritus"], "did you mean: osteoarthritis"),
    (["query", "nosuch"], "no query named 'nosuch'"),
    (["query", "hubs", "-p", "limit=lots"], "must be an integer"),
    (["query", "factor_to_disease", "-p", "factor=TGF-β"], "needs -p disease"),
])
def test_cli_errors_are_one_line_exit_1(graph_file, args, message):
    result = _invoke(*args, "--graph", str(graph_file))
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], result.output


def test_cli_usage_errors_exit_2(graph_file):
    assert _invoke("query", "--graph", str(graph_file)).exit_code == 2
    assert _invoke("query", "hubs", "-p", "label", "--graph", str(graph_file)).exit_code == 2


def test_cli_show_cypher_prints_the_template():
    result = _invoke("query", "products", "--show-cypher")
    assert result.exit_code == 0 and result.output.startswith("// name: products")
    assert "$product" in result.output
