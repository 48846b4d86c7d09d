"""Find a node by any of its names: id, canonical name or synonym, any case, Greek or spelled out."""

from __future__ import annotations

import difflib
from typing import Any, Iterable, Mapping

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
    candidates = (
        {**data, "degree": g.degree(data["id"])} for data in kg.nodes()
    )
    return resolve_among(candidates, name, labels)


def resolve_among(candidates: Iterable[Mapping[str, Any]], name: str,
                  labels: tuple[str, ...] | None = None) -> str:
    """:func:`resolve_node` over node records from anywhere (e.g. read from Neo4j).

    Each candidate is a mapping with ``id``, ``label``, ``name``, ``synonyms``,
    ``generated`` and ``degree`` (connections, for breaking ties).
    """
    pool = [c for c in candidates if labels is None or c["label"] in labels]
    if any(c["id"] == name for c in pool):
        return name
    key = _normalise(name)
    matches = [
        c for c in pool
        if key and key in {_normalise(s) for s in (c["name"], *(c.get("synonyms") or ()))}
    ]
    if matches:
        best = min(matches, key=lambda c: (bool(c.get("generated")), -int(c.get("degree") or 0), c["id"]))
        return best["id"]
    wanted = f" {'/'.join(labels)}" if labels else ""
    names = sorted({c["name"] for c in pool})
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.6)
    if not close:
        # a synonym may be the close one ("prostaglandin E3" -> PGE2, alias prostaglandin E2)
        by_surface = {s: c["name"] for c in pool for s in (c.get("synonyms") or ())}
        near = difflib.get_close_matches(name, sorted(by_surface), n=5, cutoff=0.75)
        close = list(dict.fromkeys(f"{by_surface[s]} ({s})" for s in near))
    if not close:
        lowered = name.lower()
        close = [n for n in names if lowered in n.lower()][:5]
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise UnknownEntity(f"no{wanted} entity named {name!r} in the graph{hint}")
