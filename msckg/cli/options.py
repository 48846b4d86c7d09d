"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

from msckg.settings import DEFAULT_GRAPH_FILE, Settings


def graph_option(func):
    """``--graph FILE``: the saved graph to read (env ``MSCKG_GRAPH``)."""
    return click.option(
        "--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
        envvar="MSCKG_GRAPH", default=DEFAULT_GRAPH_FILE, show_default=True,
        help="Saved graph file to read (env MSCKG_GRAPH).",
    )(func)


def settings(ctx: click.Context) -> Settings:
    """The root group's settings (a default one when a command is invoked on its own)."""
    obj = ctx.find_object(Settings)
    return obj if obj is not None else Settings.from_env()


def neo4j_options(func):
    """``--uri --user --password --database`` (env NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)."""
    options = [
        click.option("--uri", envvar="NEO4J_URI", default="bolt://localhost:7687", show_default=True,
                     help="Neo4j URI: bolt://, neo4j://, bolt+s://, neo4j+s:// (env NEO4J_URI)."),
        click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True,
                     help="Neo4j user (env NEO4J_USER)."),
        click.option("--password", envvar="NEO4J_PASSWORD", default=None,
                     help="Neo4j password (env NEO4J_PASSWORD)."),
        click.option("--database", envvar="NEO4J_DATABASE", default=None,
                     help="Database name (env NEO4J_DATABASE; default: the server's default database)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def connect(uri: str, user: str, password: str | None, database: str | None):
    """Open the Neo4j backend from CLI options."""
    from msckg.graph.neo4j_backend import open_backend

    return open_backend(uri, user, password, database)
