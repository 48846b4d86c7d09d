"""``msckg query`` (named queries on either backend) and ``msckg cypher`` (raw read-only Cypher on Neo4j)."""

from __future__ import annotations

import csv
import io
import json
import logging
import textwrap
from pathlib import Path
from typing import Any

import click

from msckg.cli.options import connect, graph_option, neo4j_options

FORMATS = ("table", "json", "csv")
#: Cells longer than this switch the table to one block per row.
_WIDE_CELL = 48


def _parse_pairs(pairs: tuple[str, ...], *, typed: bool = False) -> dict[str, Any]:
    """``key=value`` pairs as a dict; with ``typed``, values that read as JSON (numbers, true) are decoded."""
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="-p/--param")
        if typed:
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                pass
        params[key.strip()] = value
    return params


def _quiet_driver_notifications() -> None:
    # The server's notes (e.g. "relationship type X does not exist" on a graph without that type)
    # are not errors; keep them off the user's terminal.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


# --------------------------------------------------------------------------- formatting
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        if isinstance(value, list) and all(not isinstance(v, (list, dict)) for v in value):
            return "; ".join(_cell(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _is_flat(rows: list[dict]) -> bool:
    return all(
        not (isinstance(v, list) and any(isinstance(x, dict) for x in v)) and len(_cell(v)) <= _WIDE_CELL
        for row in rows for v in row.values()
    )


def _columns(rows: list[dict]) -> list[str]:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns)


def format_table(rows: list[dict]) -> str:
    """Aligned columns when every cell is short, else one numbered block per row with nested items indented."""
    if not rows:
        return "(no rows)"
    if _is_flat(rows):
        columns = _columns(rows)
        cells = [[_cell(row.get(c)) for c in columns] for row in rows]
        widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
                 "  ".join("-" * w for w in widths)]
        lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
        return "\n".join(lines)
    blocks = [_block(row, f"{i}.", "") for i, row in enumerate(rows, start=1)]
    return "\n\n".join(blocks)


def _block(row: dict, marker: str, indent: str) -> str:
    """One row (or nested map) as text: short fields on the first line, the rest below."""
    head, rest = [], []
    if {"subject", "type", "object"} <= set(row):
        head.append(f"{row['subject']} -[{row['type']}]-> {row['object']}")
        row = {k: v for k, v in row.items() if k not in ("subject", "type", "object")}
    for key, value in row.items():
        if value is None or value == [] or value == "":
            continue
        if isinstance(value, list):
            rest.append(f"{indent}   {key}:")
            for j, item in enumerate(value, start=1):
                if isinstance(item, dict):
                    rest.append(_block(item, f"{j}.", indent + "     "))
                else:
                    rest.append(textwrap.fill(_cell(item), width=110, initial_indent=f"{indent}     - ",
                                              subsequent_indent=f"{indent}       "))
        elif isinstance(value, dict):
            rest.append(f"{indent}   {key}: " + ", ".join(f"{k} {_cell(v)}" for k, v in value.items()
                                                          if v is not None))
        elif len(_cell(value)) > _WIDE_CELL:
            rest.append(textwrap.fill(f"{key}: {_cell(value)}", width=110, initial_indent=f"{indent}   ",
                                      subsequent_indent=f"{indent}     "))
        else:
            head.append(f"{key}: {_cell(value)}")
    return "\n".join([f"{indent}{marker} " + "  ".join(head), *rest])


def format_csv(rows: list[dict]) -> str:
    """CSV with a header row; nested values as JSON."""
    out = io.StringIO()
    columns = _columns(rows)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([
            json.dumps(row.get(c), ensure_ascii=False) if isinstance(row.get(c), (list, dict))
            else _cell(row.get(c)) for c in columns
        ])
    return out.getvalue().rstrip("\n")


def format_rows(rows: list[dict], fmt: str) -> str:
    """Rows as ``table``, ``json`` (a list of row objects) or ``csv`` text."""
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False)
    if fmt == "csv":
        return format_csv(rows)
    return format_table(rows)


def _list_queries() -> str:
    from msckg.queries import catalogue

    lines = []
    for query in catalogue().values():
        lines.append(query.name)
        lines.append(textwrap.fill(query.description, width=100, initial_indent="  ",
                                   subsequent_indent="  "))
        for param in query.parameters:
            lines.append(f"    -p {param.describe()}  {param.help}")
        lines.append(f"  e.g. {query.example}")
        lines.append("")
    return "\n".join(lines).rstrip()


# --------------------------------------------------------------------------- commands
@click.command("query")
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A query parameter (repeatable); entity names may be any synonym, any case.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@click.option("--show-cypher", is_flag=True, help="Print the query's Cypher template (for the Neo4j Browser).")
@click.option("--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True,
              envvar="MSCKG_BACKEND", help="Run on the saved graph file or on Neo4j (env MSCKG_BACKEND).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format; json is a list of row objects.")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many rows.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the answer as an interactive HTML view to this file.")
@graph_option
@neo4j_options
def query(name: str | None, params: tuple[str, ...], list_queries: bool, show_cypher: bool, backend: str,
          fmt: str, limit: int | None, html_file: Path | None, graph_file: Path, uri: str, user: str,
          password: str | None, database: str | None) -> None:
    """Run a named query (a template in queries/) on the embedded graph or on Neo4j.

    Entity parameters take an id or any name or synonym, in any case, with Greek
    or spelled-out letters; an unknown name lists the closest ones. Both backends
    give the same rows in the same order.

    \b
    Example:
      msckg query --list
      msckg query factor_to_disease -p factor=TGF-β -p disease=osteoarthritis
      msckg query source_secretome -p "source=umbilical cord" --format json
      msckg query products --backend neo4j --format csv
      msckg query disease_profile -p disease=GvHD --html gvhd.html
    """
    from msckg.graph.query_runner import QueryRunner
    from msckg.queries import get_query

    if list_queries:
        click.echo(_list_queries())
        return
    if not name:
        raise click.UsageError("give a query NAME, or --list to see them")
    named = get_query(name)
    if show_cypher:
        click.echo(named.cypher.rstrip())
        return
    values = _parse_pairs(params)
    if limit is not None and named.parameter("limit") is not None:
        values["limit"] = limit
    from msckg.graph.knowledge_graph import KnowledgeGraph

    if backend == "neo4j":
        _quiet_driver_notifications()
        with connect(uri, user, password, database) as server:
            runner = QueryRunner(server)
            rows = runner.run(named.name, values)
            kg = server.read_graph() if html_file else None  # the view's tooltips need the evidence
    else:
        kg = KnowledgeGraph.load(graph_file)
        runner = QueryRunner(kg)
        rows = runner.run(named.name, values)
    if limit is not None:
        rows = rows[:limit]
    click.echo(format_rows(rows, fmt))
    if html_file is not None:
        from msckg.graph.views import answer_subgraph, render_html

        answer = answer_subgraph(kg, rows, runner.resolved_ids)
        view = render_html(answer, html_file, title=f"msckg query {named.name}")
        click.echo(f"Wrote {html_file} ({len(view.node_ids)} nodes, {len(view.edges)} edges)", err=True)


@click.command("cypher")
@click.argument("statement")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A Cypher parameter (repeatable); values that read as JSON (numbers, true, lists) are decoded.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format; json is a list of row objects.")
@click.option("--limit", type=click.IntRange(1), default=1000, show_default=True,
              help="At most this many rows are fetched.")
@neo4j_options
def cypher(statement: str, params: tuple[str, ...], fmt: str, limit: int, uri: str, user: str,
           password: str | None, database: str | None) -> None:
    """Run raw read-only Cypher on Neo4j (a read transaction: the server refuses any write).

    \b
    Example:
      msckg cypher "MATCH (s:MSCSource)-[r:SECRETES]->(f) RETURN s.name, f.name LIMIT 5"
      msckg cypher "MATCH (n:Entity {id: \\$id}) RETURN n.name" -p id=CL:0000134
    """
    from msckg.graph.query_runner import run_cypher

    _quiet_driver_notifications()
    with connect(uri, user, password, database) as server:
        rows = run_cypher(server, statement, _parse_pairs(params, typed=True), limit=limit)
    click.echo(format_rows(rows, fmt))


COMMANDS = [query, cypher]
