"""The build pipeline on a small Markdown page of our own: table cells count as mentions."""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.pipeline import build_graph

PAGE = """# Dental pulp stem cells

Dental pulp stem cells (DPSCs) grow as adherent colonies.

| Marker | DPSCs |
|---|---|
| CD146 | 38% |
| CD45 | <1% |
"""


def test_entities_named_only_in_a_table_are_mentioned_and_a_marker_table_gives_expressions(tmp_path):
    path = tmp_path / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    kg = build_graph([path]).graph
    [paper] = [n["id"] for n in kg.nodes() if n["label"] == schema.PAPER]
    mentioned = {kg.node(v)["name"] for _, v, k in kg.graph.out_edges(paper, keys=True) if k == "MENTIONS"}
    assert {"CD146", "CD45", "dental pulp"} <= mentioned
    expressed = {(kg.node(u)["name"], kg.node(v)["name"], bool(d.get("negative")))
                 for u, v, k, d in kg.graph.edges(keys=True, data=True) if k == "EXPRESSES"}
    assert expressed == {("dental pulp", "CD146", False), ("dental pulp", "CD45", True)}
