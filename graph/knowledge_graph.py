"""The embedded knowledge graph: a networkx MultiDiGraph with merged nodes and aggregated provenance.

Nodes are keyed by their stable ``id``. Edges are keyed by relationship type,
so there is exactly one edge per (subject, type, object); every piece of
evidence for it is kept in full on the edge's ``evidence`` list and the
summary properties (``evidence_count``, ``papers``, ``cited_papers``,
``sentences``, ``negated``, ``hedged``, ``confidence``) are derived from that
list, so adding the same evidence twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import networkx as nx

from msckg import __version__
from msckg.errors import GraphFileError
from msckg.graph import schema

FORMAT_VERSION = 1
FORMAT_NAME = "msc-kg"


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence for a relationship: a sentence (or table row) of one paper."""

    paper: str
    sentence: str
    section: str = ""
    start: int = -1
    end: int = -1
    cited: tuple[str, ...] = ()  # ids of the Paper nodes the sentence cites
    negated: bool = False
    hedged: bool = False
    confidence: float = 0.5
    trigger: str = ""
    properties: tuple[tuple[str, Any], ...] = ()

    def key(self) -> tuple:
        """Identity of the record: the same sentence of the same paper is one record."""
        return (self.paper, self.start, self.end, self.sentence)

    def to_dict(self) -> dict:
        return {
            "paper": self.paper, "section": self.section, "sentence": self.sentence,
            "start": self.start, "end": self.end, "cited": sorted(self.cited),
            "negated": self.negated, "hedged": self.hedged,
            "confidence": round(float(self.confidence), 3), "trigger": self.trigger,
            "properties": {k: v for k, v in self.properties},
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Evidence":
        return cls(
            paper=data["paper"], sentence=data["sentence"], section=data.get("section", ""),
            start=data.get("start", -1), end=data.get("end", -1), cited=tuple(data.get("cited", ())),
            negated=bool(data.get("negated")), hedged=bool(data.get("hedged")),
            confidence=float(data.get("confidence", 0.5)), trigger=data.get("trigger", ""),
            properties=tuple(sorted((data.get("properties") or {}).items())),
        )


def sort_evidence(records: Iterable[Evidence]) -> list[Evidence]:
    return sorted(records, key=lambda e: (e.paper, e.start, e.end, e.sentence))


def combined_confidence(records: Iterable[Evidence]) -> float:
    """Belief that the relationship holds: noisy-OR over the non-negated evidence.

    Each independent positive record ``i`` with confidence ``c_i`` leaves a doubt of
    ``1 - c_i``; the edge's confidence is ``1 - prod(doubts)``. Negated records add
    no belief, so an edge stated only negatively has confidence 0.
    """
    doubt = 1.0
    seen = False
    for rec in records:
        if not rec.negated:
            doubt *= 1.0 - max(0.0, min(1.0, rec.confidence))
            seen = True
    return round(1.0 - doubt, 3) if seen else 0.0


@dataclass
class GraphSummary:
    """Counts of a graph, as printed by ``msckg build`` and ``msckg stats``."""

    nodes_per_label: dict[str, int] = field(default_factory=dict)
    edges_per_type: dict[str, int] = field(default_factory=dict)
    evidence_records: int = 0
    generated_entities: int = 0

    @property
    def nodes(self) -> int:
        return sum(self.nodes_per_label.values())

    @property
    def edges(self) -> int:
        return sum(self.edges_per_type.values())


class KnowledgeGraph:
    """The MSC knowledge graph held in memory (the embedded backend)."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.sources: list[dict] = []

    # ------------------------------------------------------------------ nodes
    def add_node(self, node_id: str, label: str, name: str, *, synonyms: Iterable[str] = (),
                 curie: str | None = None, kind: str | None = None, generated: bool = False,
                 **properties: Any) -> str:
        """Add a node or merge into the existing one; return its id.

        Synonyms are unioned; other properties keep the first non-empty value.
        """
        schema.check_label(label)
        g = self.graph
        if node_id in g:
            data = g.nodes[node_id]
            if data["label"] != label:
                raise ValueError(f"node {node_id} is a {data['label']}, not a {label}")
            data["generated"] = data["generated"] and generated
            names = {data["name"], name}
            for key, value in (("name", name), ("curie", curie), ("kind", kind), *properties.items()):
                chosen = _prefer(key, data.get(key), value)
                if chosen is not None or key in data:
                    data[key] = chosen
            data["synonyms"] = sorted((set(data["synonyms"]) | set(synonyms) | names) - {data["name"], ""})
            return node_id
        attrs = {
            "id": node_id, "label": label, "name": name,
            "synonyms": sorted({s for s in synonyms if s and s != name}),
            "curie": curie, "generated": bool(generated),
        }
        if label == schema.FACTOR or kind:
            attrs["kind"] = kind
        attrs.update({k: v for k, v in properties.items() if v is not None})
        g.add_node(node_id, **attrs)
        return node_id

    def add_synonyms(self, node_id: str, surfaces: Iterable[str]) -> None:
        """Record surface forms seen in text for a node."""
        data = self.graph.nodes[node_id]
        new = {s for s in surfaces if s and s != data["name"]}
        if not new.issubset(data["synonyms"]):
            data["synonyms"] = sorted(set(data["synonyms"]) | new)

    def node(self, node_id: str) -> dict:
        return self.graph.nodes[node_id]

    def has_node(self, node_id: str) -> bool:
        return node_id in self.graph

    def nodes(self, label: str | None = None) -> Iterator[dict]:
        """Node attribute dicts, sorted by id, optionally of one label."""
        for node_id in sorted(self.graph.nodes):
            data = self.graph.nodes[node_id]
            if label is None or data["label"] == label:
                yield data

    # ------------------------------------------------------------------ edges
    def add_relation(self, rel_type: str, subject: str, obj: str,
                     evidence: Evidence | None = None, **properties: Any) -> None:
        """Add a typed relationship (or merge into the existing one) with one piece of evidence."""
        g = self.graph
        for end in (subject, obj):
            if end not in g:
                raise KeyError(f"no node {end!r}: add nodes before relationships")
        schema.check_relation(rel_type, g.nodes[subject]["label"], g.nodes[obj]["label"])
        if not g.has_edge(subject, obj, key=rel_type):
            g.add_edge(subject, obj, key=rel_type, type=rel_type, evidence=[])
        data = g.edges[subject, obj, rel_type]
        for key, value in properties.items():
            if value is not None and data.get(key) in (None, ""):
                data[key] = value
        if evidence is not None:
            known = {e.key() for e in data["evidence"]}
            if evidence.key() not in known:
                data["evidence"] = sort_evidence([*data["evidence"], evidence])
        self._summarise(data)

    def add_mentions(self, paper: str, entity: str, count: int) -> None:
        """``MENTIONS`` from a paper to an entity; counts from the same paper are not added twice."""
        g = self.graph
        if g.has_edge(paper, entity, key="MENTIONS"):
            g.edges[paper, entity, "MENTIONS"]["count"] = max(count, g.edges[paper, entity, "MENTIONS"]["count"])
            return
        schema.check_relation("MENTIONS", g.nodes[paper]["label"], g.nodes[entity]["label"])
        g.add_edge(paper, entity, key="MENTIONS", type="MENTIONS", count=int(count))

    def add_citation(self, paper: str, cited: str) -> None:
        """``CITES`` from a paper to a paper it cites."""
        g = self.graph
        schema.check_relation("CITES", g.nodes[paper]["label"], g.nodes[cited]["label"])
        if not g.has_edge(paper, cited, key="CITES"):
            g.add_edge(paper, cited, key="CITES", type="CITES")

    @staticmethod
    def _summarise(data: dict) -> None:
        records: list[Evidence] = data["evidence"]
        if not records:
            return
        data["evidence_count"] = len(records)
        data["papers"] = sorted({e.paper for e in records})
        data["cited_papers"] = sorted({c for e in records for c in e.cited})
        data["sentences"] = list(dict.fromkeys(e.sentence for e in records))[: schema.MAX_SENTENCES]
        data["negated"] = sum(1 for e in records if e.negated)
        data["hedged"] = sum(1 for e in records if e.hedged)
        data["confidence"] = combined_confidence(records)
        # label-specific properties (year, agency, country, negative) come from the first
        # record, in (paper, position) order, that states them: the same whatever the load order
        for record in reversed(records):
            for key, value in record.properties:
                if value is not None:
                    data[key] = value

    def merge(self, other: "KnowledgeGraph") -> None:
        """Add every node, edge, evidence record and source of ``other`` to this graph.

        Merging is what building does document by document, so building A then merging B
        gives the same graph as building A and B together.
        """
        for node in other.nodes():
            attrs = dict(node)
            node_id, label, name = attrs.pop("id"), attrs.pop("label"), attrs.pop("name")
            self.add_node(node_id, label, name, **attrs)
        for s, o, data in other.edges():
            rel_type = data["type"]
            if rel_type == "MENTIONS":
                self.add_mentions(s, o, data.get("count", 0))
            elif rel_type == "CITES":
                self.add_citation(s, o)
            else:
                for record in data.get("evidence", ()):
                    self.add_relation(rel_type, s, o, record)
        known = {(src.get("path"), src.get("paper")) for src in self.sources}
        self.sources.extend(src for src in other.sources if (src.get("path"), src.get("paper")) not in known)

    def edges(self, rel_type: str | None = None) -> Iterator[tuple[str, str, dict]]:
        """(subject, object, attributes) triples, sorted, optionally of one type."""
        rows = []
        for s, o, key, data in self.graph.edges(keys=True, data=True):
            if rel_type is None or key == rel_type:
                rows.append((s, key, o, data))
        for s, key, o, data in sorted(rows, key=lambda r: r[:3]):
            yield s, o, data

    def edge(self, subject: str, rel_type: str, obj: str) -> dict | None:
        if self.graph.has_edge(subject, obj, key=rel_type):
            return self.graph.edges[subject, obj, rel_type]
        return None

    # ----------------------------------------------------------- inspection
    def summary(self) -> GraphSummary:
        labels = Counter(d["label"] for _, d in self.graph.nodes(data=True))
        types = Counter(k for _, _, k in self.graph.edges(keys=True))
        return GraphSummary(
            nodes_per_label={lab: labels[lab] for lab in schema.LABELS if labels[lab]},
            edges_per_type={t: types[t] for t in schema.RELATIONS if types[t]},
            evidence_records=sum(len(d.get("evidence", ())) for _, _, d in self.graph.edges(data=True)),
            generated_entities=sum(1 for _, d in self.graph.nodes(data=True) if d.get("generated")),
        )

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    # ----------------------------------------------------------------- files
    def to_node_link(self) -> dict:
        """The saved form: networkx node-link data with sorted keys and ordered lists."""
        g = nx.MultiDiGraph()
        g.graph.update({
            "format": FORMAT_NAME, "format_version": FORMAT_VERSION, "msckg_version": __version__,
            "sources": sorted(self.sources, key=lambda s: (s.get("path", ""), s.get("paper", ""))),
        })
        for data in self.nodes():
            g.add_node(data["id"], **_plain(data))
        for s, o, data in self.edges():
            attrs = _plain(data)
            if "evidence" in attrs:
                attrs["evidence"] = [e.to_dict() for e in data["evidence"]]
            g.add_edge(s, o, key=data["type"], **attrs)
        return nx.node_link_data(g, edges="edges")

    def to_json(self) -> str:
        return json.dumps(self.to_node_link(), sort_keys=True, indent=1, ensure_ascii=False) + "\n"

    def save(self, path: str | os.PathLike) -> Path:
        """Write the graph file atomically (a temporary file renamed into place)."""
        path = Path(path)
        text = self.to_json()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    @classmethod
    def from_node_link(cls, data: dict) -> "KnowledgeGraph":
        meta = data.get("graph") or {}
        if meta.get("format") != FORMAT_NAME:
            raise GraphFileError("not an msc-kg graph file (no \"format\": \"msc-kg\" in its graph object)")
        if meta.get("format_version") != FORMAT_VERSION:
            raise GraphFileError(
                f"graph file format version {meta.get('format_version')} is not supported "
                f"(this msc-kg reads version {FORMAT_VERSION}); rebuild it with `msckg build`")
        try:
            g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
        except (KeyError, TypeError, nx.NetworkXError) as exc:
            raise GraphFileError(f"malformed graph file: {exc}") from exc
        kg = cls()
        kg.sources = list(meta.get("sources", []))
        for node_id, attrs in g.nodes(data=True):
            # node-link keeps the node id in the "id" key only; put it back as an attribute
            kg.graph.add_node(node_id, **{**attrs, "id": node_id})
        for s, o, key, attrs in g.edges(keys=True, data=True):
            attrs = dict(attrs)
            if "evidence" in attrs:
                attrs["evidence"] = [Evidence.from_dict(e) for e in attrs["evidence"]]
            kg.graph.add_edge(s, o, key=key, **attrs)
        return kg

    @classmethod
    def load(cls, path: str | os.PathLike) -> "KnowledgeGraph":
        """Read a graph file written by :meth:`save`."""
        path = Path(path)
        if not path.is_file():
            raise GraphFileError(f"graph file {path} not found; run `msckg build` first or pass --graph")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GraphFileError(f"{path} is not a graph file (invalid JSON: {exc})") from exc
        if not isinstance(data, dict):
            raise GraphFileError(f"{path} is not a graph file (top level is not an object)")
        return cls.from_node_link(data)

    def fingerprint(self) -> str:
        """sha256 of the saved form: equal graphs give equal fingerprints."""
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _prefer(key: str, old: Any, new: Any) -> Any:
    """Which of two values of a node property to keep when two sources disagree.

    The choice depends only on the two values, never on which came first, so
    merging documents in any order gives the same node: a paper read as a source
    stays a source; of two strings the longer (more informative) one wins, ties
    broken alphabetically; of two numbers the smaller (earlier year) one.
    """
    if _empty(old):
        return new
    if _empty(new) or old == new:
        return old
    if key == "role":
        return "source" if "source" in (old, new) else old
    if isinstance(old, bool) or isinstance(new, bool):
        return bool(old) or bool(new)
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return min(old, new)
    if isinstance(old, str) and isinstance(new, str):
        return min(old, new, key=lambda v: (-len(v), v))
    if isinstance(old, list) and isinstance(new, list):
        return sorted(set(map(str, old)) | set(map(str, new)))
    return old


def _plain(data: dict) -> dict:
    """Attributes with tuples turned into lists (JSON) and None kept (schema says null)."""
    out = {}
    for key, value in data.items():
        if isinstance(value, tuple):
            value = list(value)
        out[key] = value
    return out
