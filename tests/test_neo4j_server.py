"""The Neo4j test server (tests/neo4j_server) and the session fixture in tests/neo4j_support.py."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import neo4j_support
from neo4j_support import Neo4jConnection, wipe_database

SCRIPT = neo4j_support.SCRIPT


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300)


# ------------------------------------------------------------------------------------- against the server


@pytest.mark.neo4j
def test_server_is_neo4j_5_26(neo4j_server: Neo4jConnection) -> None:
    assert neo4j_server.version.startswith("5.26."), neo4j_server.version
    with neo4j_server.driver() as driver:
        assert driver.get_server_info().agent == f"Neo4j/{neo4j_server.version}"
        records, _, _ = driver.execute_query("CALL dbms.components() YIELD edition RETURN edition")
    if neo4j_server.managed:
        assert records[0]["edition"] == "community"


@pytest.mark.neo4j
def test_write_then_read_round_trip(neo4j_server: Neo4jConnection) -> None:
    wipe_database(neo4j_server)
    with neo4j_server.driver() as driver:
        driver.execute_query(
            "CREATE (:Factor {id: $id, name: $name, synonyms: $synonyms})-[:ACTIVATES {evidence_count: 2}]->"
            "(:Pathway {id: 'msckg:pi3k-akt', name: 'PI3K/AKT'})",
            id="hgnc:5992", name="IL-10", synonyms=["interleukin-10", "IL10"],
        )
        records, _, _ = driver.execute_query(
            "MATCH (f:Factor {id: $id})-[r:ACTIVATES]->(p:Pathway) "
            "RETURN f.name AS factor, f.synonyms AS synonyms, r.evidence_count AS n, p.name AS pathway",
            id="hgnc:5992",
        )
    assert [r.data() for r in records] == [
        {"factor": "IL-10", "synonyms": ["interleukin-10", "IL10"], "n": 2, "pathway": "PI3K/AKT"}
    ]


@pytest.mark.neo4j
def test_wrong_password_is_refused(neo4j_server: Neo4jConnection) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password + "-wrong")) as bad:
        with pytest.raises(AuthError):
            bad.verify_connectivity()
    # Failed attempts must not lock the real user out for the tests that follow.
    with neo4j_server.driver() as good:
        good.verify_connectivity()


@pytest.mark.neo4j
@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_bolt_and_neo4j_uris_both_work(neo4j_server: Neo4jConnection, scheme: str) -> None:
    uri = neo4j_server.direct_uri if scheme == "bolt" else neo4j_server.routing_uri
    assert uri.startswith(scheme + "://")
    with neo4j_server.driver(uri) as driver:
        driver.verify_connectivity()
        records, _, _ = driver.execute_query("RETURN $x + 1 AS y", x=41)
    assert records[0]["y"] == 42


@pytest.mark.neo4j
def test_wipe_database_removes_data_constraints_and_indexes(neo4j_server: Neo4jConnection) -> None:
    with neo4j_server.driver() as driver:
        driver.execute_query("CREATE CONSTRAINT wipe_test_id IF NOT EXISTS FOR (n:WipeTest) REQUIRE n.id IS UNIQUE")
        driver.execute_query("CREATE INDEX `wipe test name` IF NOT EXISTS FOR (n:WipeTest) ON (n.name)")
        driver.execute_query("UNWIND range(1, 5) AS i CREATE (:WipeTest {id: i, name: 'n' + i})")
        wipe_database(neo4j_server)
        nodes, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
        constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
        indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name, type RETURN name, type")
    assert nodes[0]["n"] == 0
    assert constraints == []
    assert {r["type"] for r in indexes} == {"LOOKUP"}


@pytest.mark.neo4j
def test_http_endpoint_and_browser_are_served(neo4j_server: Neo4jConnection) -> None:
    if not neo4j_server.http_url:
        pytest.skip("the server in use was not started here, so its HTTP address is unknown")
    with urllib.request.urlopen(neo4j_server.http_url, timeout=10) as response:
        discovery = json.load(response)
    assert discovery["neo4j_version"] == neo4j_server.version
    assert discovery["bolt_direct"] == neo4j_server.uri
    with urllib.request.urlopen(neo4j_server.http_url + "browser/", timeout=10) as response:
        page = response.read().decode("utf-8", "replace")
    assert "<title>Neo4j Browser</title>" in page


# ------------------------------------------------------------------------------ the script, no server needed


def test_status_and_stop_on_a_home_without_server(tmp_path: Path) -> None:
    status = run_script("status", "--home", str(tmp_path))
    assert status.returncode == 3
    assert "not running" in status.stdout
    stop = run_script("stop", "--home", str(tmp_path))
    assert stop.returncode == 0
    assert "not running" in stop.stdout


def test_start_refuses_a_busy_port(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_script("start", "--home", str(tmp_path), "--port", str(port), "--http-port", "0")
    assert result.returncode == 1
    assert f"Bolt port 127.0.0.1:{port} is in use" in result.stderr
    assert not (tmp_path / "neo4j-server.pid").exists()


@pytest.mark.skipif(neo4j_support.can_start_local() is not None, reason="needs java and mvn (or fetched jars)")
def test_start_fails_with_the_log_tail_when_the_launcher_refuses(tmp_path: Path) -> None:
    # 'neo4j' is Neo4j's factory password; the launcher refuses it and exits before starting the database.
    result = run_script("start", "--home", str(tmp_path), "--port", str(neo4j_support.free_port()),
                        "--http-port", "0", "--password", "neo4j", "--timeout", "60")
    assert result.returncode == 1
    assert "exited with code 2 while starting" in result.stderr
    assert "the password must not be 'neo4j'" in result.stderr
    assert not (tmp_path / "neo4j-server.pid").exists()


@pytest.mark.slow
@pytest.mark.skipif(neo4j_support.can_start_local() is not None, reason="needs java and mvn (or fetched jars)")
def test_server_stops_by_itself_when_the_watched_process_ends(tmp_path: Path) -> None:
    watched = subprocess.Popen(["sleep", "600"])
    try:
        started = run_script("start", "--home", str(tmp_path), "--port", str(neo4j_support.free_port()),
                             "--http-port", "0", "--password", "watched-password", "--watch-pid", str(watched.pid))
        assert started.returncode == 0, started.stderr
        assert "NEO4J_URI=bolt://127.0.0.1:" in started.stdout
        assert run_script("status", "--home", str(tmp_path)).returncode == 0
    finally:
        watched.kill()
        watched.wait()
    deadline = time.monotonic() + 60
    while run_script("status", "--home", str(tmp_path)).returncode == 0 and time.monotonic() < deadline:
        time.sleep(1)
    try:
        assert run_script("status", "--home", str(tmp_path)).returncode == 3
        assert "is gone" in (tmp_path / "neo4j-server.log").read_text()
    finally:
        run_script("stop", "--home", str(tmp_path))


def test_unknown_subcommand_is_a_usage_error() -> None:
    result = run_script("launch")
    assert result.returncode == 2
    assert "invalid choice: 'launch'" in result.stderr


# ------------------------------------------------------------------------------ neo4j_support, no server


def test_connection_uris_for_both_schemes() -> None:
    conn = Neo4jConnection(uri="bolt://127.0.0.1:7687", user="neo4j", password="pw", version="5.26.30")
    assert conn.direct_uri == "bolt://127.0.0.1:7687"
    assert conn.routing_uri == "neo4j://127.0.0.1:7687"
    routed = Neo4jConnection(uri="neo4j+s://example.org", user="neo4j", password="pw", version="5.26.30")
    assert routed.routing_uri == "neo4j+s://example.org"
    assert routed.direct_uri == "bolt://example.org"
    assert conn.auth == ("neo4j", "pw")


def test_free_port_can_be_bound() -> None:
    port = neo4j_support.free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


def test_missing_server_skips_unless_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MSCKG_REQUIRE_NEO4J", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Neo4j server: java is not installed"):
        neo4j_support._give_up("java is not installed")
    monkeypatch.setenv("MSCKG_REQUIRE_NEO4J", "1")
    with pytest.raises(pytest.fail.Exception, match="MSCKG_REQUIRE_NEO4J is set"):
        neo4j_support._give_up("java is not installed")


def test_unreachable_neo4j_uri_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    port = neo4j_support.free_port()  # nothing listens there
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{port}")
    monkeypatch.setenv("NEO4J_PASSWORD", "whatever")
    with pytest.raises(neo4j_support.Neo4jUnavailable, match=f"NEO4J_URI=bolt://127.0.0.1:{port} does not answer"):
        neo4j_support.external_server()


def test_no_java_means_no_local_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    assert neo4j_support.can_start_local() == "java is not installed"
