"""``msckg load`` and ``msckg db``: the graph in a Neo4j server."""

from __future__ import annotations

from pathlib import Path

import click

from msckg.cli.build import echo_summary
from msckg.cli.options import connect, neo4j_options, settings
from msckg.graph.knowledge_graph import GraphSummary, KnowledgeGraph
from msckg.progress import progress_counter
from msckg.settings import DEFAULT_GRAPH_FILE


def load_into_neo4j(kg: KnowledgeGraph, backend, *, quiet: bool) -> None:
    """Load with a progress bar and print what the server holds afterwards."""
    summary = kg.summary()
    with progress_counter(summary.nodes + summary.edges, label="loading into Neo4j", silent=quiet) as advance:
        backend.load(kg, on_progress=advance)
    nodes, edges = backend.counts()
    click.echo(f"Loaded into Neo4j {backend.version} at {backend.uri}; the database now holds:")
    echo_summary(GraphSummary(nodes_per_label=nodes, edges_per_type=edges))


@click.command()
@click.argument("graph_file", required=False, type=click.Path(dir_okay=False, path_type=Path),
                envvar="MSCKG_GRAPH", default=DEFAULT_GRAPH_FILE)
@neo4j_options
@click.pass_context
def load(ctx: click.Context, graph_file: Path, uri: str, user: str, password: str | None,
         database: str | None) -> None:
    """Load a saved graph file into Neo4j (merged with what the database holds).

    Loading the same graph twice changes nothing; loading a second corpus adds
    to the first. GRAPH_FILE defaults to msckg-graph.json (env MSCKG_GRAPH).

    \b
    Example:
      NEO4J_PASSWORD=secret msckg load msckg-graph.json --uri bolt://localhost:7687
    """
    kg = KnowledgeGraph.load(graph_file)
    with connect(uri, user, password, database) as backend:
        load_into_neo4j(kg, backend, quiet=settings(ctx).quiet)


@click.group()
def db() -> None:
    """Inspect or empty the Neo4j database.

    \b
    Example:
      msckg db status --uri bolt://localhost:7687
    """


@db.command()
@neo4j_options
def status(uri: str, user: str, password: str | None, database: str | None) -> None:
    """Server version and counts per label and relationship type.

    \b
    Example:
      NEO4J_PASSWORD=secret msckg db status
    """
    with connect(uri, user, password, database) as backend:
        info = backend.status()
    click.echo(f"Neo4j {info.version} ({info.edition}) at {info.uri}, database {info.database}")
    echo_summary(GraphSummary(nodes_per_label=info.nodes_per_label, edges_per_type=info.edges_per_type))


@db.command()
@neo4j_options
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def wipe(uri: str, user: str, password: str | None, database: str | None, yes: bool) -> None:
    """Delete every node and relationship in the database (asks first).

    Constraints and indexes stay.

    \b
    Example:
      msckg db wipe --yes
    """
    with connect(uri, user, password, database) as backend:
        if not yes:
            click.confirm(f"Delete every node and relationship in {backend.uri} "
                          f"({database or 'default database'})?", abort=True)
        deleted = backend.wipe()
    click.echo(f"Deleted {deleted} nodes and their relationships.")


COMMANDS = [load, db]
