"""Every named query gives the same rows, in the same order, on the embedded graph and on a real Neo4j.

Three graphs: the hand-made one with known answers (tests/test_queries_embedded.py), the four founding
papers' graph, and a random synthetic one. Each graph is loaded once per test (loading dominates the time).
Also here: raw ``msckg cypher`` runs read-only, so the server itself refuses a write.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from click.testing import CliRunner

from msckg.cli import cli
from msckg.errors import CypherError, MsckgError
from msckg.graph.knowledge_graph import KnowledgeGraph
from msckg.graph.query_runner import QueryRunner, run_cypher
from msckg.graph.synthetic import synthetic_graph
from msckg.queries import catalogue
from test_queries_embedded import (_KNOWN_EXAMPLES, BM, CARTISTEM, CD34, GVHD, NFKB, P1, P2, PGE2, PI3K, TGFB,
                                   known_graph)

pytestmark = pytest.mark.neo4j


@pytest.fixture(autouse=True)
def _quiet_notifications():
    # "relationship type X does not exist" notes for graphs without some type are expected
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


def _outcome(runner: QueryRunner, name: str, params: dict[str, Any]) -> Any:
    try:
        return runner.run(name, params)
    except MsckgError as exc:  # an unknown name must fail alike on both backends
        return f"{type(exc).__name__}: {exc}"


def assert_parity(kg: KnowledgeGraph, backend, calls: list[tuple[str, dict]]) -> dict[tuple, Any]:
    """Run every call on both backends; require equal rows (or equal errors); return the embedded results."""
    embedded, neo4j = QueryRunner(kg), QueryRunner(backend)
    results = {}
    for name, params in calls:
        want = _outcome(embedded, name, params)
        got = _outcome(neo4j, name, params)
        assert got == want, f"{name} {params}: the backends differ"
        if isinstance(want, list) and want:
            assert list(got[0]) == list(want[0]), f"{name}: columns in a different order"
        results[(name, tuple(sorted(params.items())))] = want
    return results


def example_calls(overrides: dict[str, dict] | None = None) -> list[tuple[str, dict]]:
    overrides = overrides or {}
    return [(q.name, q.example_parameters() | overrides.get(q.name, {})) for q in catalogue().values()]


def test_parity_on_the_graph_with_known_answers(neo4j_backend):
    kg = known_graph()
    neo4j_backend.load(kg)
    calls = example_calls(_KNOWN_EXAMPLES) + [
        ("factor_to_disease", {"factor": "tgf-beta", "disease": "OA", "max_hops": 4}),
        ("factor_to_disease", {"factor": "bone marrow", "disease": "GvHD", "max_hops": 3, "sentences": 0}),
        ("disease_profile", {"disease": "osteoarthritis"}),
        ("source_secretome", {"source": "BM-MSC"}),
        ("products", {}),
        ("edge_evidence", {"subject": "TGF-β", "object": "bone marrow"}),
        ("paper_claims", {"paper": "Beta review"}),
        ("shared_mechanisms", {"a": "OA", "b": "GvHD"}),
        ("hubs", {}),
        ("factor_to_disease", {"factor": "TGF-β", "disease": "osteoarthritus"}),
    ]
    results = assert_parity(kg, neo4j_backend, calls)
    # the answers worked out by hand hold on Neo4j too (equal to the embedded rows, checked above)
    paths = results[("factor_to_disease", (("disease", "OA"), ("factor", "tgf-beta"), ("max_hops", 4)))]
    assert [p["path"] for p in paths][:3] == [
        "TGF-β <-[SECRETES]- bone marrow -[TREATS]-> osteoarthritis",
        "TGF-β -[INHIBITS]-> NF-κB -[IMPLICATED_IN]-> osteoarthritis",
        "TGF-β -[TREATS]-> osteoarthritis",
    ]
    assert paths[0]["confidence"] == 0.932 and len(paths) == 4
    shared = results[("shared_mechanisms", (("a", "OA"), ("b", "GvHD")))]
    assert [r["name"] for r in shared] == ["bone marrow", "TGF-β"]
    hubs = results[("hubs", ())]
    assert [(r["name"], r["degree"]) for r in hubs if r["label"] == "Factor"][:3] == [
        ("TGF-β", 7), ("PGE2", 4), ("IL-10", 3)]
    unknown = results[("factor_to_disease", (("disease", "osteoarthritus"), ("factor", "TGF-β")))]
    assert unknown.startswith("UnknownEntity") and "did you mean: osteoarthritis" in unknown
    assert QueryRunner(neo4j_backend).resolve("Graft-Versus-Host Disease", ("Disease",)) == GVHD
    assert QueryRunner(neo4j_backend).resolve("transforming growth factor beta", None) == TGFB
    assert QueryRunner(neo4j_backend).resolve("Beta review", ("Paper",)) == P2
    profile = results[("disease_profile", (("disease", "osteoarthritis"),))]
    assert [r["id"] for r in profile] == [BM, CD34, PGE2, TGFB, PI3K, NFKB, CARTISTEM, P2, P1]


def test_cli_prints_the_same_on_both_backends(neo4j_backend, neo4j_server, tmp_path):
    kg = known_graph()
    neo4j_backend.load(kg)
    graph_file = kg.save(tmp_path / "known.json")
    server = ["--uri", neo4j_server.uri, "--user", neo4j_server.user, "--password", neo4j_server.password]
    runner = CliRunner()
    for fmt in ("table", "json", "csv"):
        args = ["query", "factor_to_disease", "-p", "factor=TGF-β", "-p", "disease=osteoarthritis",
                "--format", fmt]
        embedded = runner.invoke(cli, [*args, "--graph", str(graph_file)])
        neo4j = runner.invoke(cli, [*args, "--backend", "neo4j", *server])
        assert embedded.exit_code == 0 and neo4j.exit_code == 0, (embedded.output, neo4j.output)
        assert neo4j.output == embedded.output
    assert "TGF-β <-[SECRETES]- bone marrow -[TREATS]-> osteoarthritis" in embedded.output

    # raw Cypher: rows come back; a write is refused by the server (read access mode), nothing is written
    rows = run_cypher(neo4j_backend, "MATCH (d:Disease) RETURN d.name AS name ORDER BY name")
    assert rows == [{"name": "graft-versus-host disease"}, {"name": "osteoarthritis"}]
    with pytest.raises(CypherError, match="read"):
        run_cypher(neo4j_backend, "CREATE (n:Intruder {id: 'x'}) RETURN n")
    refused = runner.invoke(cli, ["cypher", "MATCH (d:Disease) SET d.name = 'hacked' RETURN d", *server])
    assert refused.exit_code == 1
    assert refused.output.startswith("Error: refused") and len(refused.output.strip().splitlines()) == 1
    syntax = runner.invoke(cli, ["cypher", "MATCH (n RETURN n", *server])
    assert syntax.exit_code == 1 and "SyntaxError" in syntax.output
    assert run_cypher(neo4j_backend, "MATCH (n:Intruder) RETURN count(n) AS c") == [{"c": 0}]
    assert run_cypher(neo4j_backend, "MATCH (d:Disease {name: 'hacked'}) RETURN count(d) AS c") == [{"c": 0}]
    listed = runner.invoke(cli, ["cypher", "MATCH (n:Factor {id: $id}) RETURN n.name AS name", "-p", f"id={TGFB}",
                                 "--format", "json", *server])
    assert listed.exit_code == 0 and '"name": "TGF-β"' in listed.output


def test_parity_on_the_founding_papers(neo4j_backend, corpus_build):
    kg = corpus_build.graph
    neo4j_backend.load(kg)
    calls = example_calls()
    # more calls drawn from the graph itself (its contents change as extraction improves)
    hubs = QueryRunner(kg).run("hubs", {"limit": 3})
    top = {label: [r["id"] for r in hubs if r["label"] == label] for label in {r["label"] for r in hubs}}
    for disease in top.get("Disease", []):
        calls.append(("disease_profile", {"disease": disease}))
        for factor in top.get("Factor", [])[:2]:
            calls.append(("factor_to_disease", {"factor": factor, "disease": disease}))
    for source in top.get("MSCSource", []):
        calls.append(("source_secretome", {"source": source}))
    for pathway in top.get("Pathway", []):
        calls.append(("pathway_neighbourhood", {"pathway": pathway}))
    for paper in sorted(src["paper"] for src in kg.sources):
        calls.append(("paper_claims", {"paper": paper}))
    calls += [("products", {}), ("hubs", {})]
    results = assert_parity(kg, neo4j_backend, calls)
    assert sum(1 for v in results.values() if isinstance(v, list) and v) >= len(calls) // 2


def test_parity_on_a_synthetic_graph(neo4j_backend):
    kg = synthetic_graph(300, 1200, seed=3)
    neo4j_backend.load(kg)
    calls = example_calls()
    names = {label: [d["name"] for d in kg.nodes(label)] for label in ("Disease", "MSCSource", "Pathway", "Factor")}
    for disease in names["Disease"][:4]:
        calls.append(("disease_profile", {"disease": disease}))
        calls.append(("shared_mechanisms", {"a": disease, "b": names["Disease"][-1]}))
        for factor in names["Factor"][:3]:
            calls.append(("factor_to_disease", {"factor": factor, "disease": disease, "max_hops": 3}))
    calls.append(("factor_to_disease", {"factor": names["Factor"][0], "disease": names["Disease"][0],
                                        "max_hops": 4, "limit": 200}))
    for source in names["MSCSource"][:3]:
        calls.append(("source_secretome", {"source": source}))
    for pathway in names["Pathway"][:3]:
        calls.append(("pathway_neighbourhood", {"pathway": pathway}))
    for paper in [d["id"] for d in kg.nodes("Paper")][:3]:
        calls.append(("paper_claims", {"paper": paper}))
    calls += [("products", {}), ("hubs", {"limit": 5})]
    results = assert_parity(kg, neo4j_backend, calls)
    assert sum(len(v) for v in results.values() if isinstance(v, list)) > 200
