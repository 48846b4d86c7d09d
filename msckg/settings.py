"""Settings in one object: a CLI option wins, then an environment variable, then the default."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The file `msckg build` writes and every reading command opens by default.
DEFAULT_GRAPH_FILE = "msckg-graph.json"


@dataclass
class Settings:
    """What the CLI commands share: where the graph file is and how to reach Neo4j."""

    graph_file: Path = Path(DEFAULT_GRAPH_FILE)
    quiet: bool = False
    neo4j_uri: str = "bolt://localhost:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides) -> "Settings":
        """Settings from ``MSCKG_GRAPH``, ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``,
        ``NEO4J_DATABASE``; any override that is not None wins."""
        env = os.environ if env is None else env
        values = {
            "graph_file": Path(env["MSCKG_GRAPH"]) if env.get("MSCKG_GRAPH") else cls.graph_file,
            "neo4j_uri": env.get("NEO4J_URI") or cls.neo4j_uri,
            "neo4j_user": env.get("NEO4J_USER") or cls.neo4j_user,
            "neo4j_password": env.get("NEO4J_PASSWORD") or None,
            "neo4j_database": env.get("NEO4J_DATABASE") or None,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        if not isinstance(values["graph_file"], Path):
            values["graph_file"] = Path(values["graph_file"])
        return cls(**values)
