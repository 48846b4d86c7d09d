"""Interactive HTML views of the graph (pyvis / vis-network), self-contained so they open offline.

A view is chosen in two steps: :func:`select_view` applies the filters (focus
entity and depth, labels, relationship types, minimum evidence, node cap) and
says what it left out; :func:`render_html` draws the selection into one HTML
file with the vis-network library inlined. :func:`subgraph` cuts a
KnowledgeGraph down to given nodes and edges, so a query's answer can be drawn
with the same code.

Everything that comes from a document (names, synonyms, titles, sentences) is
passed through :func:`html.escape` before it reaches the page: vis-network
shows tooltips given as strings as plain text, so the page turns our escaped
tooltip markup into DOM elements, and escaping is what keeps that safe.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Iterable

from msckg.graph import schema
from msckg.graph.knowledge_graph import KnowledgeGraph
from msckg.graph.lookup import resolve_node


@dataclass(frozen=True)
class LabelStyle:
    """How nodes of one label look, in the HTML views and in Neo4j Browser."""

    color: str
    shape: str  # a vis-network shape that is sized by value
    symbol: str  # the shape as a character, for legends
    caption: str  # the property Neo4j Browser shows on the node
    diameter: int  # node size in Neo4j Browser, pixels


LABEL_STYLES: dict[str, LabelStyle] = {
    schema.MSC_SOURCE: LabelStyle("#2E7D32", "star", "★", "name", 65),
    schema.FACTOR: LabelStyle("#1565C0", "dot", "●", "name", 45),
    schema.PATHWAY: LabelStyle("#6A1B9A", "hexagon", "⬢", "name", 55),
    schema.DISEASE: LabelStyle("#C62828", "diamond", "◆", "name", 55),
    schema.PRODUCT: LabelStyle("#EF6C00", "square", "■", "name", 60),
    schema.PAPER: LabelStyle("#757575", "triangleDown", "▼", "name", 35),
    schema.CELL_TYPE: LabelStyle("#00838F", "triangle", "▲", "name", 50),
    schema.MECHANISM: LabelStyle("#AD8A00", "dot", "◌", "name", 50),
}

#: Relationship colours: green for activation/benefit, red for inhibition, grey otherwise.
_EDGE_COLORS = {
    "ACTIVATES": "#43A047", "TREATS": "#43A047", "APPROVED_FOR": "#2E7D32",
    "INHIBITS": "#E53935", "MENTIONS": "#CFCFCF", "CITES": "#BDBDBD",
}
_EDGE_DEFAULT_COLOR = "#8D8D8D"
#: Tooltips list at most this many evidence sentences and this many synonyms.
TOOLTIP_SENTENCES = 5
TOOLTIP_SYNONYMS = 12
DEFAULT_MAX_NODES = 400


@dataclass(frozen=True)
class ViewFilter:
    """What to draw. The defaults keep everything (up to ``max_nodes``)."""

    focus: str | None = None  # any name or synonym of an entity
    depth: int = 1
    labels: tuple[str, ...] | None = None  # None: every label
    rel_types: tuple[str, ...] | None = None  # None: every relationship type
    min_evidence: int = 0  # edges with fewer evidence records are dropped (MENTIONS/CITES count 0)
    max_nodes: int = DEFAULT_MAX_NODES
    keep_isolated: bool = True  # keep nodes that have no drawn edge

    def describe(self) -> str:
        """The filters as one line, for the page and the CLI."""
        parts = []
        if self.focus:
            parts.append(f"focus {self.focus!r}, depth {self.depth}")
        if self.labels is not None:
            parts.append("labels " + ", ".join(self.labels))
        if self.rel_types is not None:
            parts.append("relationships " + ", ".join(self.rel_types))
        if self.min_evidence:
            parts.append(f"at least {self.min_evidence} evidence record(s) per edge")
        if not self.keep_isolated:
            parts.append("nodes without edges hidden")
        parts.append(f"at most {self.max_nodes} nodes")
        return "; ".join(parts)


@dataclass
class View:
    """The nodes and edges a view draws, and what the filters left out."""

    node_ids: list[str]
    edges: list[tuple[str, str, str]]  # (subject, type, object)
    filters: ViewFilter
    focus_id: str | None = None
    omitted_nodes: dict[str, int] = field(default_factory=dict)  # label -> nodes left out by the cap
    omitted_edges: int = 0  # edges left out because an end was capped
    omitted_examples: list[str] = field(default_factory=list)  # names of the best-connected left out

    @property
    def omitted(self) -> int:
        return sum(self.omitted_nodes.values())

    def omission_note(self) -> str:
        """One line saying what the node cap left out ('' when nothing was)."""
        if not self.omitted:
            return ""
        per_label = ", ".join(f"{count} {label}" for label, count in self.omitted_nodes.items())
        note = (f"node cap {self.filters.max_nodes}: left out {self.omitted} nodes ({per_label}) "
                f"and {self.omitted_edges} edges")
        if self.omitted_examples:
            note += "; best connected of them: " + ", ".join(self.omitted_examples)
        return note + ". Raise the cap (--max-nodes) or narrow the view (--focus, --label) to see them."


# --------------------------------------------------------------------------- selecting


def subgraph(kg: KnowledgeGraph, node_ids: Iterable[str],
             edges: Iterable[tuple[str, str, str]] | None = None) -> KnowledgeGraph:
    """A new KnowledgeGraph holding ``node_ids`` and some edges of ``kg``.

    ``edges`` are (subject, type, object) triples; their ends are added to the
    nodes. With ``edges=None`` every edge of ``kg`` between the nodes is kept.
    Raises ``KeyError`` for a node or edge that ``kg`` does not hold.
    """
    g = kg.graph
    wanted = list(dict.fromkeys(node_ids))
    chosen: list[tuple[str, str, str]] = []
    if edges is not None:
        for s, rel_type, o in edges:
            if not g.has_edge(s, o, key=rel_type):
                raise KeyError(f"no edge {s} -[{rel_type}]-> {o} in the graph")
            chosen.append((s, rel_type, o))
            wanted += [s, o]
    missing = [n for n in wanted if n not in g]
    if missing:
        raise KeyError(f"no node {missing[0]!r} in the graph")
    keep = set(wanted)
    if edges is None:
        chosen = [(s, k, o) for s, o, k in g.subgraph(keep).edges(keys=True)]
    out = KnowledgeGraph()
    out.sources = [dict(src) for src in kg.sources]
    for node_id in sorted(keep):
        out.graph.add_node(node_id, **dict(g.nodes[node_id]))
    for s, rel_type, o in sorted(set(chosen)):
        data = dict(g.edges[s, o, rel_type])
        if "evidence" in data:
            data["evidence"] = list(data["evidence"])
        out.graph.add_edge(s, o, key=rel_type, **data)
    return out


def answer_subgraph(kg: KnowledgeGraph, rows: Iterable[dict], entity_ids: Iterable[str] = ()) -> KnowledgeGraph:
    """The part of ``kg`` a query answer speaks of, for ``msckg query ... --html``.

    Nodes: the entities the query's parameters named plus every node id found in
    the rows (values of ``id`` and ``*_id`` keys, at any depth; the paper lists that
    back each row are left to the tooltips). Edges: every edge among them.
    """
    found: list[str] = [n for n in entity_ids if kg.has_node(n)]

    def walk(value: object, key: str = "") -> None:
        if key == "papers":
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and (key == "id" or key.endswith("_id")) and kg.has_node(value):
            found.append(value)

    for row in rows:
        walk(row)
    return subgraph(kg, dict.fromkeys(found))


def _evidence(data: dict) -> int:
    return int(data.get("evidence_count") or 0)


def select_view(kg: KnowledgeGraph, filters: ViewFilter | None = None) -> View:
    """Apply ``filters`` to ``kg``: the nodes and edges to draw and what the node cap left out.

    Order: labels, relationship types and minimum evidence first; then the
    neighbourhood of the focus within ``depth`` hops (either direction) over
    the edges left; then nodes without edges (unless kept); then the cap, which
    keeps the nodes closest to the focus, then the best connected.
    Raises :class:`msckg.errors.UnknownEntity` when the focus names no node.
    """
    filters = filters or ViewFilter()
    if filters.max_nodes < 1:
        raise ValueError("max_nodes must be at least 1")
    for label in filters.labels or ():
        schema.check_label(label)
    for rel_type in filters.rel_types or ():
        if rel_type not in schema.RELATIONS:
            raise ValueError(f"unknown relationship type {rel_type!r}")
    g = kg.graph
    focus_id = resolve_node(kg, filters.focus) if filters.focus else None
    nodes = {n for n, d in g.nodes(data=True)
             if filters.labels is None or d["label"] in filters.labels or n == focus_id}
    edges = [(s, k, o) for s, o, k, d in g.edges(keys=True, data=True)
             if s in nodes and o in nodes
             and (filters.rel_types is None or k in filters.rel_types)
             and (filters.min_evidence <= 0 or _evidence(d) >= filters.min_evidence)]
    neighbours: dict[str, set[str]] = {n: set() for n in nodes}
    for s, _, o in edges:
        neighbours[s].add(o)
        neighbours[o].add(s)
    distance: dict[str, int] = {}
    if focus_id is not None:
        distance[focus_id] = 0
        queue = deque([focus_id])
        while queue:
            here = queue.popleft()
            if distance[here] >= filters.depth:
                continue
            for there in sorted(neighbours[here]):
                if there not in distance:
                    distance[there] = distance[here] + 1
                    queue.append(there)
        nodes = set(distance)
        edges = [e for e in edges if e[0] in nodes and e[2] in nodes]
    if not filters.keep_isolated:
        linked = {n for s, _, o in edges for n in (s, o)}
        nodes = {n for n in nodes if n in linked or n == focus_id}
    degree = Counter(n for s, _, o in edges for n in (s, o))
    ranked = sorted(nodes, key=lambda n: (distance.get(n, 0), -degree[n], n))
    kept, dropped = set(ranked[: filters.max_nodes]), ranked[filters.max_nodes:]
    view = View(node_ids=sorted(kept), filters=filters, focus_id=focus_id,
                edges=sorted(e for e in edges if e[0] in kept and e[2] in kept))
    if dropped:
        counts = Counter(g.nodes[n]["label"] for n in dropped)
        view.omitted_nodes = {label: counts[label] for label in schema.LABELS if counts[label]}
        view.omitted_edges = len(edges) - len(view.edges)
        best = sorted(dropped, key=lambda n: (-degree[n], n))[:5]
        view.omitted_examples = [g.nodes[n]["name"] for n in best]
    return view


# --------------------------------------------------------------------------- tooltips


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _paper_title(kg: KnowledgeGraph, paper: str) -> str:
    if kg.has_node(paper):
        data = kg.node(paper)
        return str(data.get("title") or data.get("name") or paper)
    return paper


def node_tooltip(kg: KnowledgeGraph, node_id: str, degree: int) -> str:
    """The escaped HTML tooltip of a node: name, label, ids, synonyms, paper details."""
    data = kg.node(node_id)
    label = data["label"]
    kind = f", {data['kind']}" if data.get("kind") else ""
    rows = [f"<div class=\"tt-head\">{_esc(data['name'])}</div>",
            f"<div class=\"tt-meta\">{_esc(label)}{_esc(kind)} · {degree} edge(s) in view</div>",
            f"<div><b>id</b> {_esc(node_id)}</div>"]
    if data.get("curie") and data["curie"] != node_id:
        rows.append(f"<div><b>ontology</b> {_esc(data['curie'])}</div>")
    synonyms = list(data.get("synonyms") or ())
    if synonyms:
        shown = ", ".join(_esc(s) for s in synonyms[:TOOLTIP_SYNONYMS])
        more = f" … and {len(synonyms) - TOOLTIP_SYNONYMS} more" if len(synonyms) > TOOLTIP_SYNONYMS else ""
        rows.append(f"<div><b>synonyms</b> {shown}{more}</div>")
    for key in ("title", "doi", "pmid", "year", "journal"):
        if data.get(key) not in (None, "") and not (key == "title" and data[key] == data["name"]):
            rows.append(f"<div><b>{key}</b> {_esc(data[key])}</div>")
    if data.get("generated"):
        rows.append("<div class=\"tt-meta\">made by a name pattern, not from the vocabulary</div>")
    return "".join(rows)


def edge_tooltip(kg: KnowledgeGraph, s: str, rel_type: str, o: str) -> str:
    """The escaped HTML tooltip of an edge: counts, then evidence sentences with their papers."""
    data = kg.graph.edges[s, o, rel_type]
    head = (f"<div class=\"tt-head\">{_esc(kg.node(s)['name'])} —{_esc(rel_type)}→ "
            f"{_esc(kg.node(o)['name'])}</div>")
    if rel_type == "MENTIONS":
        return head + f"<div class=\"tt-meta\">mentioned {_esc(data.get('count', 0))} time(s)</div>"
    if rel_type == "CITES":
        return head
    facts = [f"evidence {_evidence(data)}", f"papers {len(data.get('papers') or [])}",
             f"confidence {float(data.get('confidence') or 0):.2f}"]
    for key in ("negated", "hedged"):
        if data.get(key):
            facts.append(f"{key} {data[key]}")
    for key in ("year", "agency", "country", "negative"):
        if data.get(key) not in (None, ""):
            facts.append(f"{key} {data[key]}")
    rows = [head, f"<div class=\"tt-meta\">{_esc(' · '.join(facts))}</div>"]
    records = list(data.get("evidence") or [])
    if records:
        items = []
        for record in records[:TOOLTIP_SENTENCES]:
            flags = "".join(f" <span class=\"tt-flag\">{f}</span>"
                            for f, on in (("negated", record.negated), ("hedged", record.hedged)) if on)
            items.append(f"<li>“{_esc(record.sentence)}”{flags}"
                         f"<div class=\"tt-src\">{_esc(_paper_title(kg, record.paper))}</div></li>")
        rows.append("<ol>" + "".join(items) + "</ol>")
        if len(records) > TOOLTIP_SENTENCES:
            rows.append(f"<div class=\"tt-meta\">… and {len(records) - TOOLTIP_SENTENCES} more record(s)</div>")
    else:
        sentences = list(data.get("sentences") or [])[:TOOLTIP_SENTENCES]
        if sentences:
            rows.append("<ol>" + "".join(f"<li>“{_esc(t)}”</li>" for t in sentences) + "</ol>")
    return "".join(rows)


# --------------------------------------------------------------------------- drawing


def _short(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _network(kg: KnowledgeGraph, view: View):
    """The pyvis Network of a view (pyvis holds the node and edge records vis-network reads)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    degree = Counter(n for s, _, o in view.edges for n in (s, o))
    for node_id in view.node_ids:
        data = kg.node(node_id)
        style = LABEL_STYLES[data["label"]]
        extra = {}
        if node_id == view.focus_id:
            extra = {"borderWidth": 4, "color": {"background": style.color, "border": "#000000"}}
        net.add_node(node_id, label=_short(str(data["name"])), shape=style.shape,
                     color=extra.pop("color", style.color), value=1 + degree[node_id],
                     title=node_tooltip(kg, node_id, degree[node_id]), msckgLabel=data["label"], **extra)
    for s, rel_type, o in view.edges:
        data = kg.graph.edges[s, o, rel_type]
        only_negated = bool(data.get("evidence_count")) and data.get("negated") == data.get("evidence_count")
        net.add_edge(s, o, id=f"{s}|{rel_type}|{o}", label=rel_type,
                     title=edge_tooltip(kg, s, rel_type, o),
                     color=_EDGE_COLORS.get(rel_type, _EDGE_DEFAULT_COLOR),
                     value=max(1, _evidence(data)),
                     dashes=only_negated or data.get("negative") is True)
    return net


def _options(n_nodes: int) -> dict:
    """vis-network options: physics runs until stabilised, then the page switches it off."""
    return {
        "nodes": {"scaling": {"min": 8, "max": 40, "label": {"enabled": False}},
                  "font": {"size": 14, "face": "sans-serif", "color": "#222222", "strokeWidth": 3,
                           "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "scaling": {"min": 1, "max": 6, "label": {"enabled": False}},
                  "font": {"size": 9, "color": "#555555", "strokeWidth": 2, "align": "middle"},
                  "smooth": {"enabled": True, "type": "continuous"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "hideEdgesOnDrag": n_nodes > 200},
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110,
                                         "avoidOverlap": 0.4},
                    "stabilization": {"enabled": True, "iterations": 600 if n_nodes <= 300 else 300,
                                      "updateInterval": 25, "fit": True}},
    }


def _script_json(value: object) -> str:
    """JSON that is safe inside a <script> element (no '</script>', no HTML comment openers)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS from the pyvis package (inlined, never fetched)."""
    lib = files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    script = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    # the source map is not shipped; a reference to it would only make devtools try to fetch it
    script = re.sub(r"//# sourceMappingURL=\S*\s*$", "", script)
    return script, (lib / "vis-network.css").read_text(encoding="utf-8")


def view_html(kg: KnowledgeGraph, *, title: str = "msc-kg view", filters: ViewFilter | None = None,
              view: View | None = None) -> tuple[str, View]:
    """The HTML page of a view (one self-contained string) and the View it draws."""
    view = view or select_view(kg, filters)
    net = _network(kg, view)
    nodes, edges, *_ = net.get_network_data()
    counts = Counter(kg.node(n)["label"] for n in view.node_ids)
    legend = "".join(
        f"<li><span class=\"sym\" style=\"color:{LABEL_STYLES[label].color}\">{LABEL_STYLES[label].symbol}</span>"
        f"{_esc(label)} <span class=\"count\">{counts[label]}</span></li>"
        for label in schema.LABELS if counts[label])
    script, css = _vis_assets()
    summary = f"{len(view.node_ids)} nodes, {len(view.edges)} edges"
    page = _PAGE
    for key, value in (
        ("@@VIS_CSS@@", css.replace("</style", "<\\/style")),
        ("@@VIS_JS@@", script.replace("</script", "<\\/script")),
        ("@@TITLE@@", _esc(title)),
        ("@@SUMMARY@@", _esc(summary)),
        ("@@FILTERS@@", _esc(view.filters.describe())),
        ("@@OMITTED@@", _esc(view.omission_note())),
        ("@@OMITTED_CLASS@@", "omitted" if view.omitted else "omitted none"),
        ("@@LEGEND@@", legend),
        ("@@DATA@@", _script_json({"nodes": nodes, "edges": edges, "options": _options(len(nodes)),
                                   "omitted": view.omitted})),
    ):
        page = page.replace(key, value)
    return page, view


def render_html(kg: KnowledgeGraph, path: str | os.PathLike, *, title: str = "msc-kg view",
                filters: ViewFilter | None = None, view: View | None = None) -> View:
    """Write a self-contained interactive HTML view of ``kg`` (or of a :func:`subgraph`) to ``path``.

    Returns the :class:`View` drawn: its nodes, edges and what the filters left out.

    >>> answer = subgraph(kg, ["HGNC:5962"], [("CL:0002540", "SECRETES", "HGNC:5962")])  # doctest: +SKIP
    >>> render_html(answer, "answer.html", title="What secretes IL-10")  # doctest: +SKIP
    """
    page, view = view_html(kg, title=title, filters=filters, view=view)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return view


def notebook_view(kg: KnowledgeGraph, *, title: str = "msc-kg view", filters: ViewFilter | None = None,
                  height: int = 650):
    """An ``IPython.display.HTML`` object showing the view inline (an iframe with the page as srcdoc)."""
    from IPython.display import HTML

    page, _ = view_html(kg, title=title, filters=filters)
    return HTML(f"<div class=\"msckg-view\"><iframe srcdoc=\"{_esc(page)}\" "
                f"style=\"width:100%;height:{int(height)}px;border:0\" sandbox=\"allow-scripts\"></iframe></div>")


# The page: vis-network inlined, a header with counts, filters and omissions, a legend, the network.
# Tooltips arrive as escaped HTML strings and become elements here (vis-network would show a string
# title as plain text); after stabilisation physics is switched off so large views stop moving.
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>
  html, body { margin: 0; height: 100%; font-family: sans-serif; color: #222; }
  body { display: flex; flex-direction: column; }
  header { padding: 8px 14px; border-bottom: 1px solid #ddd; background: #fafafa; }
  header h1 { font-size: 18px; margin: 0 0 4px 0; }
  header .meta { font-size: 13px; color: #555; }
  header .omitted { font-size: 13px; color: #8a4b00; margin-top: 4px; }
  header .omitted.none { display: none; }
  #legend { list-style: none; margin: 6px 0 0 0; padding: 0; font-size: 13px; }
  #legend li { display: inline-block; margin-right: 14px; }
  #legend .sym { font-size: 16px; margin-right: 4px; }
  #legend .count { color: #777; }
  #status { font-size: 12px; color: #777; }
  #network { flex: 1; min-height: 400px; }
  div.vis-tooltip { max-width: 460px; white-space: normal; font-size: 12px; line-height: 1.35;
                    background: #fffef6; border: 1px solid #bbb; padding: 6px 8px; }
  .vis-tooltip .tt-head { font-weight: bold; font-size: 13px; }
  .vis-tooltip .tt-meta { color: #666; }
  .vis-tooltip .tt-src { color: #555; font-style: italic; }
  .vis-tooltip .tt-flag { color: #b00; font-size: 11px; }
  .vis-tooltip ol { margin: 4px 0 0 0; padding-left: 18px; }
</style>
<script>@@VIS_JS@@</script>
</head>
<body>
<header>
  <h1>@@TITLE@@</h1>
  <div class="meta"><span id="summary">@@SUMMARY@@</span> · @@FILTERS@@ ·
    <span id="status">laying out…</span></div>
  <div class="@@OMITTED_CLASS@@" id="omitted">@@OMITTED@@</div>
  <ul id="legend">@@LEGEND@@</ul>
</header>
<div id="network"></div>
<script>
(function () {
  "use strict";
  var data = @@DATA@@;
  function tooltip(markup) {
    var box = document.createElement("div");
    box.innerHTML = markup;  // built from html-escaped text only
    return box;
  }
  data.nodes.forEach(function (n) { if (n.title) { n.title = tooltip(n.title); } });
  data.edges.forEach(function (e) { if (e.title) { e.title = tooltip(e.title); } });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  var state = {network: network, nodes: nodes, edges: edges, stabilized: false, omitted: data.omitted};
  window.msckgView = state;
  function settled() {
    if (state.stabilized) { return; }
    network.setOptions({physics: false});
    state.stabilized = true;
    document.getElementById("status").textContent = "layout settled (drag nodes to rearrange)";
    document.body.setAttribute("data-stabilized", "true");
  }
  network.on("stabilizationIterationsDone", settled);
  network.once("stabilized", settled);
  if (data.nodes.length === 0) { settled(); }
})();
</script>
</body>
</html>
"""
