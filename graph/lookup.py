"""Find a node by any of its names: id, canonical name or synonym, any case, Greek or spelled out."""

from __future__ import annotations

import difflib

from msckg.errors import UnknownEntity
from msckg.graph.knowledge_graph import KnowledgeGraph


def _normalise(text: str) -> str:
    from msckg.loaders.entities import normalise

    return normalise(text)


def name_index(kg: KnowledgeGraph) -> dict[str, list[str]]:
    """Normalised name or synonym -> ids of the nodes that carry it."""
    index: dict[str, list[str]] = {}
    for data in kg.nodes():
        for surface in {data["name"], *data.get("synonyms", ())}:
            key = _normalise(surface)
            if key:
                index.setdefault(key, []).append(data["id"])
    return index


def resolve_node(kg: KnowledgeGraph, name: str, labels: tuple[str, ...] | None = None) -> str:
    """The id of the node called ``name``; raise :class:`UnknownEntity` with the closest names.

    When several nodes share the name, the curated one (not pattern-made) with
    the most connections wins, then the smallest id, so the answer is stable.
    """
    g = kg.graph
    if name in g and (labels is None or g.nodes[name]["label"] in labels):
        return name
    index = name_index(kg)
    candidates = [
        node for node in index.get(_normalise(name), [])
        if labels is None or g.nodes[node]["label"] in labels
    ]
    if candidates:
        return min(candidates, key=lambda n: (bool(g.nodes[n].get("generated")), -g.degree(n), n))
    wanted = f" {'/'.join(labels)}" if labels else ""
    names = sorted({d["name"] for d in kg.nodes() if labels is None or d["label"] in labels})
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.6)
    if not close:
        lowered = name.lower()
        close = [n for n in names if lowered in n.lower()][:5]
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise UnknownEntity(f"no{wanted} entity named {name!r} in the graph{hint}")
