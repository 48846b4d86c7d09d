"""``msckg build``: papers in, graph file out."""

from __future__ import annotations

from pathlib import Path

import click

from msckg.cli.options import connect, neo4j_options, settings
from msckg.graph.knowledge_graph import GraphSummary
from msckg.progress import wants_progress
from msckg.settings import DEFAULT_GRAPH_FILE


def examples_dir() -> Path:
    """The example documents shipped with msc-kg (the ``examples/`` folder)."""
    from importlib.resources import files

    return Path(str(files("msckg.examples")))


def echo_summary(summary: GraphSummary) -> None:
    """Print nodes per label and edges per type."""
    click.echo(f"Nodes: {summary.nodes}  ({summary.generated_entities} made by pattern, not vocabulary)")
    for label, count in summary.nodes_per_label.items():
        click.echo(f"  {label:<18}{count:>7}")
    click.echo(f"Edges: {summary.edges}  ({summary.evidence_records} evidence records)")
    for rel_type, count in summary.edges_per_type.items():
        click.echo(f"  {rel_type:<18}{count:>7}")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), envvar="MSCKG_GRAPH",
              default=DEFAULT_GRAPH_FILE, show_default=True, help="Graph file to write (env MSCKG_GRAPH).")
@click.option("--neo4j", "to_neo4j", is_flag=True, help="Also load the graph into Neo4j (see the --uri options).")
@neo4j_options
@click.pass_context
def build(ctx: click.Context, paths: tuple[Path, ...], output: Path, to_neo4j: bool, uri: str, user: str,
          password: str | None, database: str | None) -> None:
    """Read papers (files or folders) and write the knowledge graph file.

    With no PATHS, reads the example documents shipped in examples/.
    Formats: plain text, a copied PubMed page, PDF-extracted text and Markdown,
    recognised by content as well as extension.

    \b
    Examples:
      msckg build ../shared/corpus -o msckg-graph.json
      NEO4J_PASSWORD=secret msckg build papers/ --neo4j
    """
    from msckg.loaders.pipeline import build_graph

    quiet = settings(ctx).quiet
    sources = list(paths) or [examples_dir()]

    def note(path: Path) -> None:
        if wants_progress(quiet):
            click.echo(f"reading {path.name}", err=True)

    backend = connect(uri, user, password, database) if to_neo4j else None  # fail fast if Neo4j is down
    try:
        result = build_graph(sources, on_document=note)
        result.graph.save(output)
        _report(result, output)
        if backend is not None:
            from msckg.cli.neo4j import load_into_neo4j

            load_into_neo4j(result.graph, backend, quiet=quiet)
    finally:
        if backend is not None:
            backend.close()


def _report(result, output: Path) -> None:
    click.echo(f"Documents read: {len(result.documents)}")
    for doc in result.documents:
        click.echo(f"  {doc.path.name}  [{doc.document.format}]  {len(doc.document.sentences)} sentences"
                   f"  -> {doc.paper}")
    echo_summary(result.graph.summary())
    if result.warnings:
        click.echo(f"Warnings: {len(result.warnings)}")
        for warning in result.warnings:
            click.echo(f"  {warning}")
    click.echo(f"Wrote {output}")


COMMANDS = [build]
