"""The Neo4j Browser style (.grass) and guide shipped in graph/browser/, and their generators."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from msckg.graph import schema
from msckg.graph.exports import (
    GRASS_FILE, GUIDE_FILE, browser_guide, grass_style, guide_parameters, query_templates,
    shipped_browser_file,
)
from msckg.graph.views import LABEL_STYLES

REGENERATE = "regenerate with: msckg export browser -o graph/browser"


def test_shipped_grass_is_the_generated_style():
    assert shipped_browser_file(GRASS_FILE).read_text(encoding="utf-8") == grass_style(), REGENERATE


def test_grass_gives_colour_size_and_caption_per_label():
    style = grass_style()
    blocks = dict(re.findall(r"node\.(\w+) \{(.*?)\n\}", style, re.S))
    assert set(blocks) == set(schema.LABELS)
    for label, body in blocks.items():
        assert f"color: {LABEL_STYLES[label].color};" in body
        assert f"diameter: {LABEL_STYLES[label].diameter}px;" in body
        assert 'caption: "{name}";' in body
    assert 'caption: "<type>";' in style  # relationships show their type
    assert "node.Entity" not in style  # entities are styled by their own label


def _runnable_blocks(guide: str) -> list[str]:
    root = ET.fromstring(guide)  # the guide is well-formed (Browser inserts it as HTML)
    assert root.tag == "article" and root.get("class") == "guide"
    return [pre.text or "" for pre in root.iter("pre") if "runnable" in (pre.get("class") or "")]


def test_shipped_guide_holds_every_query_template_ready_to_run():
    guide = shipped_browser_file(GUIDE_FILE).read_text(encoding="utf-8")
    blocks = _runnable_blocks(guide)
    templates = query_templates()
    assert templates, "no query templates found in msckg.queries"
    for query in templates:
        assert query.body.strip() in blocks, f"{query.name} missing or stale in the guide; {REGENERATE}"
        assert html.escape(query.description) in guide
    assert "<script" not in guide.lower()


def test_guide_params_come_from_the_template_header(tmp_path):
    (tmp_path / "demo_query.cypher").write_text(
        "// name: demo_query\n"
        "// description: Factors a source secretes <demo>.\n"
        "// param: source (entity:MSCSource, required) the source\n"
        "// param: limit (int 1..100, default 10) rows\n"
        "// param: strict (bool, default false) only strong claims\n"
        "// example: msckg query demo_query -p source=\"umbilical cord\"\n"
        "//\n"
        "// Strongest claims first.\n"
        "MATCH (s:MSCSource {name: $source})-[r:SECRETES]->(f) WHERE r.evidence_count > 0\n"
        "RETURN f.name LIMIT $limit\n", encoding="utf-8")
    (query,) = query_templates(tmp_path)
    assert guide_parameters(query) == {"source": "umbilical cord", "limit": 10, "strict": False}
    guide = browser_guide([query])
    blocks = _runnable_blocks(guide)
    assert ':params {source: "umbilical cord", limit: 10, strict: false}' in blocks
    assert query.body.strip() in blocks
    assert "-[r:SECRETES]-&gt;(f)" in guide  # Cypher arrows escaped in the HTML
    assert "Factors a source secretes &lt;demo&gt;." in guide and "Strongest claims first." in guide
    slides = ET.fromstring(guide).iter("slide")
    assert len(list(slides)) == 3  # introduction, relationships, the query


@pytest.mark.neo4j
def test_guide_queries_run_on_neo4j_with_their_params(corpus_build, neo4j_backend):
    neo4j_backend.load(corpus_build.graph)
    for query in query_templates():
        rows = neo4j_backend.read(query.body, **guide_parameters(query))
        assert isinstance(rows, list), query.name


def test_export_browser_files_writes_both(tmp_path):
    from msckg.graph.exports import export_browser_files

    grass, guide = export_browser_files(tmp_path / "out")
    assert grass.read_text(encoding="utf-8") == grass_style()
    assert guide.read_text(encoding="utf-8") == browser_guide()
    assert Path(grass).name == "msckg.grass" and Path(guide).name == "msckg-guide.html"
