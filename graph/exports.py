"""Files other tools open: GraphML, node-link JSON, neo4j-admin CSV, a Neo4j Browser style and guide.

Each writer takes a :class:`KnowledgeGraph` and a path and returns what it
wrote, so the CLI only prints. The shapes:

- GraphML: one ``<edge>`` per relationship with a unique id, typed attributes
  (boolean, long, double, string), lists joined with ``" | "``, evidence reduced
  to its counts and the first sentences. Node attribute ``label`` holds the
  display name (Gephi shows it); the schema label is ``kg_label``.
- JSON: networkx node-link data, the same shape as the saved graph file,
  optionally without the per-record evidence.
- CSV: the layout ``neo4j-admin database import full`` reads (one nodes file per
  label, one relationships file per type, typed headers), and a README.md
  beside the files with the exact import command.
- Neo4j Browser: a ``.grass`` style with the views' colours and a ``:play`` guide
  holding the query templates of ``queries/*.cypher``.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from msckg import __version__
from msckg.errors import ExportError, MsckgError
from msckg.graph import schema
from msckg.graph.knowledge_graph import FORMAT_NAME, KnowledgeGraph
from msckg.graph.views import LABEL_STYLES

#: Lists become one GraphML string joined with this separator.
LIST_SEPARATOR = " | "
#: GraphML keeps this many evidence sentences per edge (the count is kept in full).
GRAPHML_SENTENCES = 3
#: Array delimiters tried, in order, for the CSV files: the first that no value contains wins.
ARRAY_DELIMITERS: tuple[str, ...] = (";", "|", "\u001f")


# --------------------------------------------------------------------------- GraphML


def _common_type(values: list[Any]) -> type:
    """One GraphML type for every value of an attribute: bool, int, float or str."""
    kinds = {type(v) for v in values}
    if kinds <= {bool}:
        return bool
    if kinds <= {int}:
        return int
    if kinds <= {int, float}:
        return float
    return str


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def _coerce(rows: list[dict]) -> None:
    """Give every attribute one type across all rows (GraphML declares one type per key)."""
    names = sorted({k for row in rows for k in row})
    for name in names:
        kind = _common_type([row[name] for row in rows if name in row])
        for row in rows:
            if name in row:
                row[name] = kind(row[name]) if kind is not bool else bool(row[name])


def graphml_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The flattened graph :func:`export_graphml` writes: only GraphML-typed scalar attributes."""
    out = nx.MultiDiGraph()
    out.graph.update({"format": FORMAT_NAME, "msckg_version": __version__,
                      "sources": LIST_SEPARATOR.join(sorted(s.get("path", "") for s in kg.sources))})
    node_rows = []
    for data in kg.nodes():
        row = {k: _flat(v) for k, v in data.items() if v is not None and k not in ("id", "label")}
        row["kg_label"] = data["label"]
        row["label"] = data["name"]
        node_rows.append((data["id"], row))
    _coerce([row for _, row in node_rows])
    for node_id, row in node_rows:
        out.add_node(node_id, **row)
    edge_rows = []
    for s, o, data in kg.edges():
        row = {k: _flat(v) for k, v in data.items() if v is not None and k not in ("evidence", "sentences")}
        if data.get("sentences"):
            row["sentences"] = LIST_SEPARATOR.join(data["sentences"][:GRAPHML_SENTENCES])
        row["label"] = data["type"]
        edge_rows.append((s, o, f"{s}|{data['type']}|{o}", row))
    _coerce([row for *_, row in edge_rows])
    for s, o, key, row in edge_rows:
        out.add_edge(s, o, key=key, **row)
    return out


def export_graphml(kg: KnowledgeGraph, path: str | os.PathLike) -> Path:
    """Write GraphML that Cytoscape and Gephi open; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graphml_graph(kg), path, encoding="utf-8", prettyprint=True)
    return path


# --------------------------------------------------------------------------- JSON


def node_link_data(kg: KnowledgeGraph, *, evidence: bool = True) -> dict:
    """networkx node-link data of the graph (``edges`` key); without per-record evidence if asked."""
    data = kg.to_node_link()
    if not evidence:
        for edge in data["edges"]:
            edge.pop("evidence", None)
    return data


def export_json(kg: KnowledgeGraph, path: str | os.PathLike, *, evidence: bool = True) -> Path:
    """Write node-link JSON (readable by ``networkx.node_link_graph(data, edges="edges")``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(node_link_data(kg, evidence=evidence), sort_keys=True, indent=1, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- neo4j-admin CSV


@dataclass
class CsvExport:
    """What :func:`export_csv` wrote."""

    directory: Path
    array_delimiter: str
    node_files: dict[str, Path] = field(default_factory=dict)  # label -> file
    relationship_files: dict[str, Path] = field(default_factory=dict)  # type -> file
    node_counts: dict[str, int] = field(default_factory=dict)
    relationship_counts: dict[str, int] = field(default_factory=dict)

    @property
    def delimiter_name(self) -> str:
        """The array delimiter as neo4j-admin accepts it: the character, or U+XXXX when unprintable."""
        char = self.array_delimiter
        return char if char.isprintable() else f"U+{ord(char):04X}"

    def import_command(self, database: str = "neo4j", folder: str = "") -> str:
        """The ``neo4j-admin database import full`` command for these files, found in ``folder``."""
        parts = ["neo4j-admin database import full", f"--array-delimiter='{self.delimiter_name}'",
                 "--multiline-fields=true", "--overwrite-destination=true"]
        parts += [f"--nodes={folder}{path.name}" for path in self.node_files.values()]
        parts += [f"--relationships={folder}{path.name}" for path in self.relationship_files.values()]
        return " \\\n  ".join(parts + [database])


def _csv_type(values: list[Any]) -> str:
    """The neo4j-admin header type of a column."""
    if any(isinstance(v, (list, tuple)) for v in values):
        return "string[]"
    kind = _common_type(values)
    if kind is bool:
        return "boolean"
    if kind is int:
        return "int" if all(-2**31 <= v < 2**31 for v in values) else "long"
    if kind is float:
        return "double"
    return "string"


def _cell(value: Any, column_type: str, delimiter: str) -> str:
    if value is None:
        return ""
    if column_type == "string[]":
        items = value if isinstance(value, (list, tuple)) else [value]
        return delimiter.join(str(v) for v in items)
    if column_type == "boolean":
        return "true" if value else "false"
    return str(value)


def _pick_delimiter(rows: Iterable[dict], wanted: str | None) -> str:
    """The array delimiter: ``wanted`` if given, else the first of ARRAY_DELIMITERS no list item contains."""
    items = [str(v) for row in rows for value in row.values() if isinstance(value, (list, tuple))
             for v in value]
    for candidate in ([wanted] if wanted else ARRAY_DELIMITERS):
        if not any(candidate in item for item in items):
            return candidate
    if wanted:
        raise ExportError(f"array delimiter {wanted!r} occurs inside list values; choose another one")
    raise ExportError("every candidate array delimiter occurs inside list values")


def _node_rows(kg: KnowledgeGraph) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    for data in kg.nodes():
        rows.setdefault(data["label"], []).append({k: v for k, v in data.items() if v is not None})
    return rows


def _edge_rows(kg: KnowledgeGraph) -> dict[str, list[tuple[str, str, dict]]]:
    rows: dict[str, list[tuple[str, str, dict]]] = {}
    for s, o, data in kg.edges():
        props = {k: v for k, v in data.items() if v is not None and k not in ("evidence", "type")}
        if "evidence" in data:  # as the Neo4j backend stores it
            props["evidence_json"] = json.dumps([e.to_dict() for e in data["evidence"]], sort_keys=True,
                                                ensure_ascii=False)
        rows.setdefault(data["type"], []).append((s, o, props))
    return rows


def _write_csv(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def export_csv(kg: KnowledgeGraph, directory: str | os.PathLike, *,
               array_delimiter: str | None = None) -> CsvExport:
    """Write CSV files for ``neo4j-admin database import full`` and a README.md with the command.

    One ``nodes_<Label>.csv`` per label (``id:ID``, ``:LABEL``, typed property
    columns such as ``year:int`` and ``synonyms:string[]``) and one
    ``relationships_<TYPE>.csv`` per type (``:START_ID``, ``:END_ID``, ``:TYPE``,
    properties; the evidence records as ``evidence_json`` like the Neo4j backend
    stores them). Ids are one global id space, as in the embedded graph.
    """
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory} is a file; CSV export needs a folder")
    directory.mkdir(parents=True, exist_ok=True)
    nodes, edges = _node_rows(kg), _edge_rows(kg)
    delimiter = _pick_delimiter([*(r for rows in nodes.values() for r in rows),
                                 *(p for rows in edges.values() for _, _, p in rows)], array_delimiter)
    result = CsvExport(directory=directory, array_delimiter=delimiter)
    for label in schema.LABELS:
        rows = nodes.get(label)
        if not rows:
            continue
        names = sorted({k for row in rows for k in row} - {"id", "label", "name"})
        columns = ["label", "name", *names]
        types = {c: _csv_type([row[c] for row in rows if c in row]) for c in columns}
        header = ["id:ID", ":LABEL"] + [c if types[c] == "string" else f"{c}:{types[c]}" for c in columns]
        labels = delimiter.join([label] + ([schema.ENTITY] if label in schema.ENTITY_LABELS else []))
        path = directory / f"nodes_{label}.csv"
        _write_csv(path, header, ([row["id"], labels] + [_cell(row.get(c), types[c], delimiter) for c in columns]
                                  for row in rows))
        result.node_files[label] = path
        result.node_counts[label] = len(rows)
    for rel_type in schema.RELATIONS:
        rows = edges.get(rel_type)
        if not rows:
            continue
        columns = sorted({k for _, _, props in rows for k in props})
        types = {c: _csv_type([props[c] for _, _, props in rows if c in props]) for c in columns}
        header = [":START_ID", ":END_ID", ":TYPE"] + [c if types[c] == "string" else f"{c}:{types[c]}"
                                                      for c in columns]
        path = directory / f"relationships_{rel_type}.csv"
        _write_csv(path, header, ([s, o, rel_type] + [_cell(props.get(c), types[c], delimiter) for c in columns]
                                  for s, o, props in rows))
        result.relationship_files[rel_type] = path
        result.relationship_counts[rel_type] = len(rows)
    (directory / "README.md").write_text(_csv_readme(result), encoding="utf-8")
    return result


def _csv_readme(result: CsvExport) -> str:
    counts = "\n".join([f"| `{p.name}` | {result.node_counts[lab]} |" for lab, p in result.node_files.items()]
                       + [f"| `{p.name}` | {result.relationship_counts[t]} |"
                          for t, p in result.relationship_files.items()])
    return f"""# msc-kg graph as CSV for `neo4j-admin database import`

Written by msc-kg {__version__}. One file per node label and per relationship type; node ids
(`id:ID`) form one global id space; list properties use the array delimiter `{result.delimiter_name}`; the
evidence records of a relationship are one JSON string, `evidence_json` (as `msckg load` stores them).

| file | rows |
|---|---|
{counts}

## Import into a new or empty database

Stop the database first (`neo4j-admin` writes the store files directly), then, in this folder:

```
{result.import_command()}
```

With the project's compose setup, run it in a one-off `neo4j` container (same data volume) while the
`neo4j` service is stopped, with this folder mounted at /import:

```
docker compose stop neo4j
docker compose run --rm --no-deps -v "$PWD:/import:ro" neo4j \\
  {result.import_command(folder="/import/")}
docker compose start neo4j
```

Afterwards create the constraints and indexes msc-kg expects (they make lookups fast), for example by
loading any graph file with `msckg load` or with the statements in `msckg.graph.neo4j_backend`.
"""


# --------------------------------------------------------------------------- Neo4j Browser


def grass_style() -> str:
    """A Neo4j Browser ``.grass`` style: colour, size and caption per label, type captions on relationships."""
    blocks = ["node {\n  diameter: 50px;\n  color: #A5ABB6;\n  border-color: #9AA1AC;\n  border-width: 2px;\n"
              "  text-color-internal: #FFFFFF;\n  font-size: 10px;\n}\n",
              "relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  font-size: 8px;\n  padding: 3px;\n"
              "  text-color-external: #000000;\n  text-color-internal: #FFFFFF;\n  caption: \"<type>\";\n}\n"]
    for label in schema.LABELS:
        style = LABEL_STYLES[label]
        blocks.append(
            f"node.{label} {{\n  color: {style.color};\n  border-color: {_darker(style.color)};\n"
            f"  text-color-internal: #FFFFFF;\n  diameter: {style.diameter}px;\n"
            f"  caption: \"{{{style.caption}}}\";\n}}\n")
    return "\n".join(blocks)


def _darker(color: str) -> str:
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(c * 0.75):02X}" for c in (red, green, blue))


def query_templates(directory: str | os.PathLike | None = None) -> list:
    """The query templates (:class:`msckg.queries.Query`), by name: the shipped ones, or those of ``directory``."""
    from msckg.queries import catalogue, parse_template

    if directory is None:
        queries = list(catalogue().values())
    else:
        queries = [parse_template(p.read_text(encoding="utf-8"), p.name) for p in Path(directory).glob("*.cypher")]
    return sorted(queries, key=lambda q: q.name)


def guide_parameters(query) -> dict[str, Any]:
    """Values for a template's ``:params`` block: the header's example values, else the defaults."""
    example = query.example_parameters()
    values: dict[str, Any] = {}
    for param in query.parameters:
        value = param.default
        if param.name in example:
            try:
                value = param.convert(example[param.name])
            except MsckgError:
                value = example[param.name]
        values[param.name] = value
    return values


def _cypher_literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def _notes(query) -> list[str]:
    """The template's explanatory comment lines (after the structured header)."""
    notes = []
    for line in query.cypher.splitlines():
        text = line.strip()
        if not text.startswith("//"):
            if text:
                break
            continue
        text = text.lstrip("/").strip()
        if text and not re.match(r"^(name|description|param|example):", text):
            notes.append(text)
    return notes


def browser_guide(templates: list | None = None) -> str:
    """A Neo4j Browser guide (``:play`` HTML slides): the schema, then one slide per query template."""
    templates = query_templates() if templates is None else templates
    esc = html.escape
    legend = "".join(
        f"<li><span style=\"color:{LABEL_STYLES[lab].color}\">{LABEL_STYLES[lab].symbol}</span> "
        f"<b>{lab}</b></li>" for lab in schema.LABELS)
    relations = "".join(f"<li><code>{esc(r.name)}</code>: {esc(r.description)}</li>"
                        for r in schema.RELATIONS.values())
    slides = [f"""<slide class="row-fluid">
  <div class="col-sm-3">
    <h3>msc-kg</h3>
    <p class="lead">A knowledge graph of mesenchymal stem cell therapy, built from papers.</p>
  </div>
  <div class="col-sm-9">
    <p>Every claim is a relationship with its evidence: <code>evidence_count</code>, <code>papers</code>,
    <code>sentences</code>, <code>negated</code>, <code>hedged</code>, <code>confidence</code>.
    Drag <code>msckg.grass</code> onto the Browser window to colour the labels.</p>
    <ul>{legend}</ul>
    <figure><pre class="pre-scrollable code runnable">CALL db.schema.visualization()</pre>
    <figcaption>The schema as stored.</figcaption></figure>
    <p>The next slides hold {len(templates)} query template(s). Click a block to put it in the editor;
    set the parameters first with the <code>:params</code> block above each query.</p>
  </div>
</slide>""", f"""<slide class="row-fluid">
  <div class="col-sm-3"><h3>Relationships</h3><p class="lead">Types and what they claim.</p></div>
  <div class="col-sm-9"><ul>{relations}</ul></div>
</slide>"""]
    for template in templates:
        values = guide_parameters(template)
        params = ", ".join(f"{name}: {_cypher_literal(value)}" for name, value in values.items())
        notes = " ".join(esc(line) for line in _notes(template))
        described = "".join(f"<li><code>{esc(p.name)}</code>: {esc(p.help)}</li>" for p in template.parameters)
        param_block = (f"<figure><pre class=\"pre-scrollable code runnable\">:params {{{esc(params)}}}</pre>"
                       f"<figcaption>Parameters (edit, then run).</figcaption></figure>") if params else ""
        slides.append(f"""<slide class="row-fluid">
  <div class="col-sm-3">
    <h3>{esc(template.name)}</h3>
    <p class="lead">{esc(template.description)}</p>
    <ul>{described}</ul>
    <p><small>{notes}</small></p>
  </div>
  <div class="col-sm-9">
    {param_block}
    <figure><pre class="pre-scrollable code runnable">{esc(template.body.strip())}</pre>
    <figcaption>queries/{esc(template.name)}.cypher</figcaption></figure>
  </div>
</slide>""")
    return ("<article class=\"guide\">\n<carousel class=\"deck container-fluid\">\n"
            + "\n".join(slides) + "\n</carousel>\n</article>\n")


GRASS_FILE = "msckg.grass"
GUIDE_FILE = "msckg-guide.html"


def shipped_browser_file(name: str) -> Path:
    """A Neo4j Browser file shipped with msc-kg (``msckg.grass`` or ``msckg-guide.html``)."""
    return Path(str(files("msckg.graph") / "browser" / name))


def export_browser_files(directory: str | os.PathLike, templates: list | None = None) -> tuple[Path, Path]:
    """Write ``msckg.grass`` and ``msckg-guide.html`` (from the current query templates) to ``directory``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    grass = directory / GRASS_FILE
    guide = directory / GUIDE_FILE
    grass.write_text(grass_style(), encoding="utf-8")
    guide.write_text(browser_guide(templates), encoding="utf-8")
    return grass, guide
