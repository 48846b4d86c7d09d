"""``msckg stats`` and ``msckg show``: look at a saved graph."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from msckg.cli.build import echo_summary
from msckg.cli.options import graph_option
from msckg.graph.knowledge_graph import KnowledgeGraph
from msckg.graph.lookup import resolve_node


@click.command()
@graph_option
def stats(graph_file: Path) -> None:
    """Counts of a saved graph: source documents, nodes per label, edges per type.

    \b
    Example:
      msckg stats --graph msckg-graph.json
    """
    kg = KnowledgeGraph.load(graph_file)
    click.echo(f"Graph: {graph_file}")
    click.echo(f"Source documents: {len(kg.sources)}")
    for source in kg.sources:
        click.echo(f"  {Path(source['path']).name}  [{source.get('format', '?')}]  -> {source['paper']}")
    echo_summary(kg.summary())
    typed = [d for _, _, d in kg.edges() if "evidence" in d]
    negated = sum(1 for d in typed if d.get("negated"))
    hedged = sum(1 for d in typed if d.get("hedged"))
    click.echo(f"Typed edges with negated evidence: {negated}; with hedged evidence: {hedged}")


def _paper_title(kg: KnowledgeGraph, paper: str) -> str:
    if kg.has_node(paper):
        data = kg.node(paper)
        return data.get("title") or data["name"]
    return paper


@click.command()
@click.argument("entity")
@graph_option
@click.option("--sentences", "max_sentences", type=click.IntRange(0), default=2, show_default=True,
              help="Evidence sentences to print per edge.")
@click.option("--type", "rel_types", multiple=True, help="Only edges of this relationship type (repeatable).")
@click.option("--mentions/--no-mentions", default=False, show_default=True,
              help="Also list the papers that merely mention the entity.")
def show(entity: str, graph_file: Path, max_sentences: int, rel_types: tuple[str, ...], mentions: bool) -> None:
    """Show one entity (by any name or synonym): the node, its edges and their evidence.

    \b
    Example:
      msckg show "TGF-beta"
      msckg show "umbilical cord" --type SECRETES --sentences 1
    """
    kg = KnowledgeGraph.load(graph_file)
    node_id = resolve_node(kg, entity)
    node = kg.node(node_id)
    head = f"{node['name']}  [{node['label']}"
    head += f", {node['kind']}]" if node.get("kind") else "]"
    click.echo(f"{head}  id: {node_id}" + ("  (made by pattern)" if node.get("generated") else ""))
    if node.get("curie"):
        click.echo(f"  ontology: {node['curie']}")
    if node.get("synonyms"):
        click.echo(textwrap.fill("synonyms: " + ", ".join(node["synonyms"]), width=100,
                                 initial_indent="  ", subsequent_indent="    "))
    for key in ("title", "doi", "pmid", "year", "journal", "developer", "source"):
        if node.get(key) and key != "name":
            click.echo(f"  {key}: {node[key]}")
    g = kg.graph
    rows = []
    for s, o, key, data in g.out_edges(node_id, keys=True, data=True):
        rows.append((key, "out", s, o, data))
    for s, o, key, data in g.in_edges(node_id, keys=True, data=True):
        rows.append((key, "in", s, o, data))
    rows.sort(key=lambda r: (r[0], r[1], -(r[4].get("evidence_count") or 0), r[2], r[3]))
    shown = 0
    for key, _direction, s, o, data in rows:
        if rel_types and key not in rel_types:
            continue
        if key in ("MENTIONS", "CITES") and not mentions and not rel_types:
            continue
        shown += 1
        line = f"{g.nodes[s]['name']} -[{key}]-> {g.nodes[o]['name']}"
        if key == "MENTIONS":
            click.echo(f"- {line}  (count {data.get('count')})")
            continue
        if key == "CITES":
            click.echo(f"- {line}")
            continue
        extras = [f"evidence {data.get('evidence_count', 0)}", f"papers {len(data.get('papers', []))}",
                  f"confidence {data.get('confidence', 0):.2f}"]
        if data.get("negated"):
            extras.append(f"negated {data['negated']}")
        if data.get("hedged"):
            extras.append(f"hedged {data['hedged']}")
        for prop in ("year", "agency", "country", "negative"):
            if data.get(prop) not in (None, ""):
                extras.append(f"{prop} {data[prop]}")
        click.echo(f"- {line}  ({', '.join(extras)})")
        for record in data.get("evidence", [])[:max_sentences]:
            flags = "".join(f" [{f}]" for f, on in (("negated", record.negated), ("hedged", record.hedged)) if on)
            click.echo(textwrap.fill(f'"{record.sentence}"{flags}', width=100, initial_indent="    ",
                                     subsequent_indent="     "))
            source = f"      — {_paper_title(kg, record.paper)}"
            if record.section:
                source += f", section {record.section}"
            click.echo(source)
            if record.cited:
                click.echo("      cites: " + "; ".join(_paper_title(kg, c)[:80] for c in record.cited))
    if not shown:
        click.echo("No edges" + (f" of type {', '.join(rel_types)}" if rel_types else "") + ".")


COMMANDS = [stats, show]
