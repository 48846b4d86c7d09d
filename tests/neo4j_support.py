"""A real Neo4j server for the test session: an external one from NEO4J_URI, or one started here.

Order of choice:
1. `NEO4J_URI` is set: use it with `NEO4J_USER` (default neo4j) and `NEO4J_PASSWORD`.
2. Java and Maven (or an earlier `fetch`) are present: start Neo4j Community 5.26 embedded through
   `tests/neo4j_server/neo4j-server` on free loopback ports in a fresh home, stop it when the session ends.
3. Otherwise skip, saying how to get a server. With `MSCKG_REQUIRE_NEO4J=1` (CI) every way of not getting a
   server is a test failure instead of a skip.

conftest.py wires it in as a session fixture:

    from neo4j_support import Neo4jConnection, neo4j_server_fixture, wipe_database

    @pytest.fixture(scope="session")
    def neo4j_server(request) -> Iterator[Neo4jConnection]:
        yield from neo4j_server_fixture(request)

Tests that write should call `wipe_database(conn)` first: one server serves the whole session.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SERVER_DIR = Path(__file__).resolve().parent / "neo4j_server"
SCRIPT = SERVER_DIR / "neo4j-server"
TEST_PASSWORD = "msckg-test-password"
START_TIMEOUT_SECONDS = 120
# `start` may first run `fetch` (Maven; about 15 s from a cold cache here); this bounds both together.
SCRIPT_TIMEOUT_SECONDS = 900
HOW_TO_GET_ONE = (
    "install Java 17+ and Maven (then `tests/neo4j_server/neo4j-server fetch` once, or let the tests do it), "
    "or point NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD at a Neo4j 5 server (e.g. `docker compose up -d neo4j`)"
)


@dataclass(frozen=True)
class Neo4jConnection:
    """How to reach the session's Neo4j server."""

    uri: str
    user: str
    password: str
    version: str
    http_url: str | None = None
    managed: bool = False  # True when this session started the server (and will stop it)

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)

    @property
    def routing_uri(self) -> str:
        """The same server as a `neo4j://` URI (routing driver)."""
        scheme, rest = self.uri.split("://", 1)
        return self.uri if scheme.startswith("neo4j") else "neo4j://" + rest

    @property
    def direct_uri(self) -> str:
        """The same server as a `bolt://` URI (direct driver)."""
        scheme, rest = self.uri.split("://", 1)
        return self.uri if scheme.startswith("bolt") else "bolt://" + rest

    def driver(self, uri: str | None = None, **config: Any):
        """A `neo4j.Driver` for this server (the caller closes it; use it as a context manager)."""
        from neo4j import GraphDatabase

        return GraphDatabase.driver(uri or self.uri, auth=self.auth, **config)


class Neo4jUnavailable(Exception):
    """No Neo4j server could be had; the message says why and how to get one."""


def server_version(driver) -> str:
    """The Neo4j kernel version a driver's server reports, e.g. '5.26.30'."""
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD name, versions RETURN name, versions"
    )
    for record in records:
        if record["name"] == "Neo4j Kernel":
            return str(record["versions"][0])
    return "unknown"


def wipe_database(conn: Neo4jConnection, *, schema: bool = True, database: str | None = None) -> None:
    """Delete every node and relationship and, with `schema`, every constraint and non-lookup index."""
    with conn.driver() as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
        if not schema:
            return
        # Names cannot be Cypher parameters in DROP; they come from the server and are backtick-quoted.
        constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name", database_=database)
        for record in constraints:
            driver.execute_query(f"DROP CONSTRAINT {_quote(record['name'])} IF EXISTS", database_=database)
        indexes, _, _ = driver.execute_query(
            "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", database_=database
        )
        for record in indexes:
            driver.execute_query(f"DROP INDEX {_quote(record['name'])} IF EXISTS", database_=database)


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------------------------------------
# Getting a server


def external_server() -> Neo4jConnection | None:
    """The server named by NEO4J_URI, checked to answer; None when NEO4J_URI is unset."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    from neo4j import GraphDatabase
    from neo4j.exceptions import Neo4jError, DriverError

    user = os.environ.get("NEO4J_USER", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD", "")
    try:
        with GraphDatabase.driver(uri, auth=(user, password)) as driver:
            driver.verify_connectivity()
            version = server_version(driver)
    except (Neo4jError, DriverError, OSError, ValueError) as e:
        raise Neo4jUnavailable(f"NEO4J_URI={uri} does not answer as user {user!r}: {e}") from e
    return Neo4jConnection(uri=uri, user=user, password=password, version=version, managed=False)


def can_start_local() -> str | None:
    """None when a local server can be started, else the reason it cannot."""
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        return "java is not installed"
    fetched = (SERVER_DIR / "target" / "fetch.stamp").is_file()
    if not fetched and not shutil.which("mvn"):
        return "mvn is not installed and the Neo4j jars were never fetched"
    return None


def start_local(home: Path, password: str = TEST_PASSWORD) -> Neo4jConnection:
    """Start the embedded test server in `home` on free ports and wait for it (raises Neo4jUnavailable)."""
    last_error = ""
    for _attempt in range(2):  # a free port can be taken between choosing and binding it: retry once
        bolt, http = free_port(), free_port()
        command = [sys.executable, str(SCRIPT), "start", "--home", str(home), "--port", str(bolt),
                   "--http-port", str(http), "--password", password, "--timeout", str(START_TIMEOUT_SECONDS),
                   "--watch-pid", str(os.getpid())]  # the server stops by itself if this test run dies
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=SCRIPT_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            stop_local(home)
            raise Neo4jUnavailable(f"`neo4j-server start` took more than {SCRIPT_TIMEOUT_SECONDS} s") from None
        if result.returncode == 0:
            values = dict(
                line.split("=", 1) for line in result.stdout.splitlines() if line.startswith("NEO4J_") and "=" in line
            )
            browser = values.get("NEO4J_BROWSER")
            return Neo4jConnection(
                uri=values["NEO4J_URI"], user=values["NEO4J_USER"], password=password,
                version=values["NEO4J_VERSION"], http_url=browser.removesuffix("browser/") if browser else None,
                managed=True,
            )
        last_error = (result.stdout + result.stderr).strip()
        if "is in use" not in last_error:
            break
    raise Neo4jUnavailable(f"the local Neo4j test server did not start:\n{last_error}")


def stop_local(home: Path) -> str:
    """Stop the server started in `home`; returns the script's one-line report."""
    result = subprocess.run([sys.executable, str(SCRIPT), "stop", "--home", str(home)],
                            capture_output=True, text=True)
    return (result.stdout + result.stderr).strip()


# --------------------------------------------------------------------------------------------------------
# The fixture

# One server per test session even when several fixtures (conftest's and a module's) ask for it.
_session: dict[str, Any] = {}


def neo4j_required() -> bool:
    return os.environ.get("MSCKG_REQUIRE_NEO4J", "").strip().lower() in {"1", "true", "yes"}


def _give_up(message: str) -> None:
    if neo4j_required():
        pytest.fail(f"MSCKG_REQUIRE_NEO4J is set but no Neo4j server is available: {message}", pytrace=False)
    pytest.skip(f"no Neo4j server: {message}")


def _announce(request: pytest.FixtureRequest, line: str) -> None:
    """Write a line to the terminal even while pytest captures output, so the CI log shows it."""
    config = request.config
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capman = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None:
        print(line, file=sys.__stderr__, flush=True)
        return
    if capman is not None:
        with capman.global_and_fixture_disabled():
            reporter.write_line(line)
    else:
        reporter.write_line(line)


def neo4j_server_fixture(request: pytest.FixtureRequest) -> Iterator[Neo4jConnection]:
    """Body of a session-scoped `neo4j_server` fixture: yields a Neo4jConnection, skips or fails if none."""
    if "failure" in _session:
        _give_up(_session["failure"])
    if "conn" in _session:
        yield _session["conn"]
        return

    home: Path | None = None
    try:
        conn = external_server()
        if conn is None:
            reason = can_start_local()
            if reason:
                raise Neo4jUnavailable(f"{reason}; {HOW_TO_GET_ONE}")
            home = request.getfixturevalue("tmp_path_factory").mktemp("neo4j-home")
            began = time.monotonic()
            conn = start_local(home)
            _announce(request, f"Neo4j {conn.version} started at {conn.uri} in {time.monotonic() - began:.1f} s "
                               f"(home {home})")
        else:
            _announce(request, f"Neo4j {conn.version} at {conn.uri} (from NEO4J_URI)")
    except Neo4jUnavailable as e:
        _session["failure"] = str(e)
    if "failure" in _session:  # given up outside the except block, so the report shows no exception chain
        _give_up(_session["failure"])

    _session["conn"] = conn
    try:
        yield conn
    finally:
        _session.pop("conn", None)
        if home is not None:
            report = stop_local(home)
            _announce(request, f"Neo4j stopped ({report.removeprefix('neo4j-server: ')})")
