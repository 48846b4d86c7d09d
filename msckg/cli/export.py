"""``msckg export``: interactive HTML views, GraphML, JSON, neo4j-admin CSV and Neo4j Browser files."""

from __future__ import annotations

from pathlib import Path

import click

from msckg.cli.options import graph_option
from msckg.graph import schema
from msckg.graph.knowledge_graph import KnowledgeGraph


@click.group()
def export() -> None:
    """Write the graph as files other tools open, or as an interactive HTML view.

    \b
    Examples:
      msckg export html --focus "TGF-beta" --depth 2 -o tgfb.html
      msckg export graphml -o msckg.graphml
      msckg export csv -o neo4j-import/
    """


def _label_choice() -> click.Choice:
    return click.Choice(list(schema.LABELS))


@export.command()
@graph_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("msckg-view.html"),
              show_default=True, help="HTML file to write.")
@click.option("--focus", default=None, help="Centre the view on this entity (any name or synonym).")
@click.option("--depth", type=click.IntRange(0), default=1, show_default=True,
              help="Hops from the focus entity to include.")
@click.option("--label", "labels", multiple=True, type=_label_choice(),
              help="Node labels to keep (repeatable). Default: every label but Paper.")
@click.option("--papers", is_flag=True, help="Also keep Paper nodes (with MENTIONS and CITES).")
@click.option("--type", "rel_types", multiple=True, type=click.Choice(list(schema.RELATIONS)),
              help="Relationship types to keep (repeatable). Default: all.")
@click.option("--min-evidence", type=click.IntRange(0), default=0, show_default=True,
              help="Drop edges with fewer evidence records (MENTIONS and CITES have none).")
@click.option("--max-nodes", type=click.IntRange(1), default=400, show_default=True,
              help="Node cap; the page and this command say what it left out.")
@click.option("--isolated/--no-isolated", default=False, show_default=True,
              help="Keep nodes that have no edge in the view.")
@click.option("--title", default=None, help="Page title (default: from the filters).")
def html(graph_file: Path, output: Path, focus: str | None, depth: int, labels: tuple[str, ...], papers: bool,
         rel_types: tuple[str, ...], min_evidence: int, max_nodes: int, isolated: bool,
         title: str | None) -> None:
    """An interactive view that opens offline in any browser (one self-contained HTML file).

    Colour and shape per label, size by degree; hover a node for its ids and
    synonyms, an edge for its evidence sentences and papers.

    \b
    Examples:
      msckg export html -o msckg-view.html
      msckg export html --focus "umbilical cord" --depth 2 --min-evidence 2 -o uc.html
      msckg export html --label Factor --label Pathway --max-nodes 150
    """
    from msckg.graph.views import ViewFilter, render_html

    kg = KnowledgeGraph.load(graph_file)
    keep = labels or tuple(lab for lab in schema.LABELS if papers or lab != schema.PAPER)
    if papers and labels and schema.PAPER not in keep:
        keep = (*keep, schema.PAPER)
    filters = ViewFilter(focus=focus, depth=depth, labels=keep, rel_types=rel_types or None,
                         min_evidence=min_evidence, max_nodes=max_nodes, keep_isolated=isolated)
    view = render_html(kg, output, title=title or _title(focus, depth), filters=filters)
    click.echo(f"Wrote {output}: {len(view.node_ids)} nodes, {len(view.edges)} edges")
    if view.omitted:
        click.echo(view.omission_note())


def _title(focus: str | None, depth: int) -> str:
    return f"msc-kg: {focus} (depth {depth})" if focus else "msc-kg knowledge graph"


@export.command()
@graph_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("msckg.graphml"),
              show_default=True, help="GraphML file to write.")
def graphml(graph_file: Path, output: Path) -> None:
    """GraphML for Cytoscape and Gephi (typed attributes, lists joined with " | ").

    \b
    Example:
      msckg export graphml -o msckg.graphml
    """
    from msckg.graph.exports import export_graphml

    kg = KnowledgeGraph.load(graph_file)
    export_graphml(kg, output)
    summary = kg.summary()
    click.echo(f"Wrote {output}: {summary.nodes} nodes, {summary.edges} edges")


@export.command(name="json")
@graph_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("msckg-node-link.json"), show_default=True, help="JSON file to write.")
@click.option("--evidence/--no-evidence", default=True, show_default=True,
              help="Keep every evidence record on the edges (the counts and sentences stay either way).")
def json_(graph_file: Path, output: Path, evidence: bool) -> None:
    """networkx node-link JSON (the graph file's shape; optionally without evidence records).

    \b
    Example:
      msckg export json --no-evidence -o msckg-slim.json
    """
    from msckg.graph.exports import export_json

    kg = KnowledgeGraph.load(graph_file)
    export_json(kg, output, evidence=evidence)
    summary = kg.summary()
    click.echo(f"Wrote {output}: {summary.nodes} nodes, {summary.edges} edges")


@export.command(name="csv")
@graph_option
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("msckg-csv"),
              show_default=True, help="Folder to write the CSV files and their README.md into.")
@click.option("--array-delimiter", default=None,
              help="Delimiter inside list values (default: ';' unless a value holds one).")
def csv_(graph_file: Path, output: Path, array_delimiter: str | None) -> None:
    """CSV files for `neo4j-admin database import full`, with a README.md giving the command.

    \b
    Example:
      msckg export csv -o neo4j-import/
    """
    from msckg.graph.exports import export_csv

    kg = KnowledgeGraph.load(graph_file)
    result = export_csv(kg, output, array_delimiter=array_delimiter)
    click.echo(f"Wrote {len(result.node_files)} node files ({sum(result.node_counts.values())} nodes) and "
               f"{len(result.relationship_files)} relationship files "
               f"({sum(result.relationship_counts.values())} relationships) to {output}")
    click.echo(f"Array delimiter: {result.delimiter_name}. Import command: see {output / 'README.md'}")


@export.command()
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("msckg-browser"),
              show_default=True, help="Folder to write msckg.grass and msckg-guide.html into.")
@click.option("--serve", "port", type=click.IntRange(0, 65535), default=None,
              help="Then serve the folder on 127.0.0.1:PORT (with CORS) for `:play` in Neo4j Browser.")
def browser(output: Path, port: int | None) -> None:
    """The Neo4j Browser style (.grass) and a guide with every query template (:play).

    Drag msckg.grass onto the Browser window; serve the folder and run
    `:play http://localhost:PORT/msckg-guide.html` for the guide.

    \b
    Example:
      msckg export browser -o msckg-browser --serve 8001
    """
    from msckg.graph.exports import export_browser_files

    grass, guide = export_browser_files(output)
    click.echo(f"Wrote {grass} and {guide}")
    if port is not None:
        _serve(output, port)


def _serve(folder: Path, port: int) -> None:
    import functools
    import http.server

    class CorsHandler(http.server.SimpleHTTPRequestHandler):
        # Neo4j Browser fetches guides cross-origin: without this header the browser blocks them
        def end_headers(self) -> None:
            self.send_header("Access-Control-Allow-Origin", "*")
            super().end_headers()

    handler = functools.partial(CorsHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        url = f"http://localhost:{server.server_address[1]}/msckg-guide.html"
        click.echo(f"Serving {folder} — in Neo4j Browser run:  :play {url}   (Ctrl-C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


COMMANDS = [export]
