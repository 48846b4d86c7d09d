"""The Neo4j backend against a real Neo4j 5.26: counts, idempotence, A-then-B, interrupted loads, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from msckg.cli import cli
from msckg.errors import BackendUnavailable
from msckg.graph.knowledge_graph import KnowledgeGraph
from msckg.graph.neo4j_backend import Neo4jBackend, check_server_version
from msckg.loaders.pipeline import build_graph
from neo4j_support import Neo4jUnavailable, can_start_local, free_port, start_local, stop_local

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))


@pytest.fixture(scope="module")
def example_kg() -> KnowledgeGraph:
    return build_graph([EXAMPLES]).graph


def embedded_counts(kg: KnowledgeGraph) -> tuple[dict, dict]:
    summary = kg.summary()
    return summary.nodes_per_label, summary.edges_per_type


def test_version_check_refuses_old_servers():
    check_server_version("5.26.30", "bolt://x")
    check_server_version("2025.01.0", "bolt://x")
    with pytest.raises(BackendUnavailable, match="4.4.12 .* not supported"):
        check_server_version("4.4.12", "bolt://x")


def test_unreachable_server_is_one_clear_error():
    uri = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(BackendUnavailable, match="cannot reach Neo4j at"):
        Neo4jBackend(uri, "neo4j", "whatever-password")


def test_missing_password_is_one_clear_error():
    with pytest.raises(BackendUnavailable, match="NEO4J_PASSWORD"):
        Neo4jBackend("bolt://127.0.0.1:7687", "neo4j", None)


@pytest.mark.neo4j
def test_wrong_password_is_one_clear_error(neo4j_server):
    with pytest.raises(BackendUnavailable, match="refused the credentials of user 'neo4j'"):
        Neo4jBackend(neo4j_server.uri, neo4j_server.user, "not-the-password")


@pytest.mark.neo4j
def test_missing_database_is_one_clear_error(neo4j_server):
    with pytest.raises(BackendUnavailable, match="database 'nosuchdb' does not exist"):
        Neo4jBackend(neo4j_server.uri, neo4j_server.user, neo4j_server.password, database="nosuchdb")


@pytest.mark.neo4j
def test_schema_has_constraints_and_indexes(neo4j_backend):
    neo4j_backend.ensure_schema()
    constraints = {r["name"] for r in neo4j_backend.read("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"mscsource_id", "factor_id", "paper_id", "disease_id"} <= constraints
    indexes = {r["name"]: r["type"] for r in neo4j_backend.read("SHOW INDEXES YIELD name, type RETURN name, type")}
    assert indexes.get("entity_names") == "FULLTEXT"
    assert indexes.get("factor_name") == "RANGE"
    # the full-text index answers over names and synonyms
    kg = KnowledgeGraph()
    kg.add_node("msckg:factor:pge2", "Factor", "PGE2", synonyms=["prostaglandin E2"], kind="small_molecule")
    neo4j_backend.load(kg)
    neo4j_backend.read("CALL db.awaitIndexes(60)")
    hits = neo4j_backend.read("CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id",
                              q="prostaglandin")
    assert hits == [{"id": "msckg:factor:pge2"}]


@pytest.mark.neo4j
def test_load_counts_equal_embedded_and_round_trip(neo4j_backend, example_kg):
    neo4j_backend.load(example_kg)
    assert neo4j_backend.counts() == embedded_counts(example_kg)
    back = neo4j_backend.read_graph()
    back.sources = example_kg.sources
    assert back.to_json() == example_kg.to_json()
    # every non-paper node carries :Entity, papers do not
    (row,) = neo4j_backend.read("MATCH (n:Entity:Paper) RETURN count(n) AS c")
    assert row["c"] == 0
    (row,) = neo4j_backend.read("MATCH (n:Entity) RETURN count(n) AS c")
    assert row["c"] == sum(n for label, n in example_kg.summary().nodes_per_label.items() if label != "Paper")


@pytest.mark.neo4j
def test_second_load_changes_nothing(neo4j_backend, example_kg):
    neo4j_backend.load(example_kg)
    first = neo4j_backend.read_graph().to_json()
    neo4j_backend.load(example_kg)
    assert neo4j_backend.read_graph().to_json() == first


@pytest.mark.neo4j
def test_a_then_b_equals_a_and_b_together(neo4j_backend):
    half = len(EXAMPLE_FILES) // 2
    together = build_graph(EXAMPLE_FILES).graph
    for order in ((EXAMPLE_FILES[:half], EXAMPLE_FILES[half:]), (EXAMPLE_FILES[half:], EXAMPLE_FILES[:half])):
        neo4j_backend.wipe()
        for part in order:
            neo4j_backend.load(build_graph(part).graph)
        got = neo4j_backend.read_graph()
        neo4j_backend.wipe()
        neo4j_backend.load(together)
        assert got.to_json() == neo4j_backend.read_graph().to_json()


@pytest.mark.neo4j
@pytest.mark.corpus
def test_corpus_load_counts_equal_embedded(neo4j_backend, corpus_build):
    neo4j_backend.load(corpus_build.graph, batch_size=200)
    assert neo4j_backend.counts() == embedded_counts(corpus_build.graph)


@pytest.mark.neo4j
@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_uri_schemes(neo4j_server, scheme, example_kg):
    uri = neo4j_server.uri.replace("bolt://", f"{scheme}://").replace("neo4j://", f"{scheme}://")
    with Neo4jBackend(uri, neo4j_server.user, neo4j_server.password) as backend:
        assert backend.version.startswith("5.26")
        backend.read("RETURN 1 AS one")


@pytest.mark.neo4j
@pytest.mark.slow
def test_interrupted_load_run_again_ends_like_one_clean_load(tmp_path, example_kg):
    reason = can_start_local()
    if reason and os.environ.get("MSCKG_REQUIRE_NEO4J") != "1":
        pytest.skip(f"cannot start a second local Neo4j: {reason}")
    home = tmp_path / "neo4j-home"
    try:
        conn = start_local(home)
    except Neo4jUnavailable as exc:
        pytest.fail(str(exc)) if os.environ.get("MSCKG_REQUIRE_NEO4J") == "1" else pytest.skip(str(exc))
    try:
        written = []

        def kill_after_three_batches(n: int) -> None:
            written.append(n)
            if len(written) == 3:
                stop_local(home)  # the server dies between two write transactions

        backend = Neo4jBackend(conn.uri, conn.user, conn.password)
        with pytest.raises(BackendUnavailable):
            backend.load(example_kg, batch_size=10, on_progress=kill_after_three_batches)
        backend.close()
        conn = start_local(home)  # same database files, new ports
        with Neo4jBackend(conn.uri, conn.user, conn.password) as backend:
            partial = backend.counts()
            assert partial != embedded_counts(example_kg)  # the first load really was cut short
            backend.load(example_kg, batch_size=10)
            assert backend.counts() == embedded_counts(example_kg)
            back = backend.read_graph()
            back.sources = example_kg.sources
            assert back.to_json() == example_kg.to_json()
    finally:
        stop_local(home)


@pytest.mark.neo4j
def test_cli_load_status_wipe_and_build_neo4j(neo4j_server, tmp_path, example_kg):
    runner = CliRunner()
    env = {"NEO4J_URI": neo4j_server.uri, "NEO4J_USER": neo4j_server.user, "NEO4J_PASSWORD": neo4j_server.password}
    graph_file = example_kg.save(tmp_path / "g.json")
    result = runner.invoke(cli, ["db", "wipe", "--yes"], env=env)
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["load", str(graph_file)], env=env)
    assert result.exit_code == 0, result.output
    assert "Loaded into Neo4j 5.26" in result.output
    result = runner.invoke(cli, ["db", "status"], env=env)
    assert result.exit_code == 0, result.output
    nodes, edges = embedded_counts(example_kg)
    for label, count in nodes.items():
        assert f"  {label:<18}{count:>7}" in result.output
    result = runner.invoke(cli, ["db", "wipe"], env=env, input="n\n")
    assert result.exit_code == 1 and "Aborted" in result.output
    result = runner.invoke(cli, ["db", "wipe", "--yes"], env=env)
    assert result.exit_code == 0 and "Deleted" in result.output
    result = runner.invoke(cli, ["-q", "build", str(EXAMPLES), "-o", str(tmp_path / "b.json"), "--neo4j"], env=env)
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["db", "status"], env=env)
    for rel_type, count in edges.items():
        assert f"  {rel_type:<18}{count:>7}" in result.output


@pytest.mark.neo4j
def test_cli_errors_are_one_line(neo4j_server, tmp_path, example_kg):
    runner = CliRunner()
    graph_file = example_kg.save(tmp_path / "g.json")
    result = runner.invoke(cli, ["load", str(graph_file), "--uri", neo4j_server.uri, "--password", "wrong-password"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "refused the credentials" in result.output
    down = f"bolt://127.0.0.1:{free_port()}"
    result = runner.invoke(cli, ["db", "status", "--uri", down, "--password", "x" * 8])
    assert result.exit_code == 1 and "cannot reach Neo4j" in result.output
    result = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(tmp_path / "c.json"), "--neo4j", "--uri", down,
                                 "--password", "x" * 8])
    assert result.exit_code == 1 and not (tmp_path / "c.json").exists()
