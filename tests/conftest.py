"""Shared fixtures: the founding corpus beside the checkout, example documents, a built graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from neo4j_support import Neo4jConnection, neo4j_server_fixture, wipe_database

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus; tests that need it are skipped with a message when it is absent."""
    if not CORPUS.is_dir() or not any(CORPUS.iterdir()):
        pytest.skip(f"corpus folder {CORPUS} not found: put the four source papers in ../shared/corpus")
    return CORPUS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def corpus_build(corpus_dir):
    """The graph built from the four founding papers (built once per test session)."""
    from msckg.loaders.pipeline import build_graph

    return build_graph([corpus_dir])


@pytest.fixture(scope="session")
def corpus_graph_file(corpus_build, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus-graph.json"
    corpus_build.graph.save(path)
    return path


@pytest.fixture(scope="session")
def neo4j_server(request) -> Iterator[Neo4jConnection]:
    """A real Neo4j 5.26: NEO4J_URI if set, else the test server in tests/neo4j_server (started once)."""
    yield from neo4j_server_fixture(request)


@pytest.fixture()
def neo4j_backend(neo4j_server):
    """A Neo4jBackend connected to an empty database (wiped before the test)."""
    from msckg.graph.neo4j_backend import Neo4jBackend

    wipe_database(neo4j_server)
    backend = Neo4jBackend(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    try:
        yield backend
    finally:
        backend.close()
