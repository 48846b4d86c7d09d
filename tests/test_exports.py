"""GraphML, node-link JSON and neo4j-admin CSV exports: round trips and a real import into Neo4j."""

from __future__ import annotations

import csv
import functools
import http.server
import json
import threading
from pathlib import Path

import networkx as nx
import pytest

from msckg.errors import ExportError
from msckg.graph import schema
from msckg.graph.exports import (
    GRAPHML_SENTENCES, LIST_SEPARATOR, export_csv, export_graphml, export_json, graphml_graph,
)
from msckg.graph.knowledge_graph import Evidence, KnowledgeGraph


@pytest.fixture
def small_kg() -> KnowledgeGraph:
    """A hand-made graph with every kind of value the exports must carry."""
    kg = KnowledgeGraph()
    kg.add_node("CL:0002540", schema.MSC_SOURCE, "bone marrow", synonyms=["BM-MSC", "marrow; stromal"])
    kg.add_node("HGNC:5962", schema.FACTOR, "IL-10", synonyms=["interleukin-10"], kind="cytokine",
                curie="HGNC:5962")
    kg.add_node("HGNC:11892", schema.FACTOR, "TNF-α", kind="cytokine")
    kg.add_node("msckg:product:demo", schema.PRODUCT, "Democel")
    kg.add_node("MONDO:1", schema.DISEASE, "graft-versus-host disease")
    kg.add_node("doi:10.1/a", schema.PAPER, "A study", title="A study of \"marrow\" cells", year=2021,
                journal="J Test")
    kg.add_node("doi:10.1/b", schema.PAPER, "Cited work", year=2019)
    kg.add_relation("SECRETES", "CL:0002540", "HGNC:5962",
                    Evidence("doi:10.1/a", "Marrow cells secrete IL-10; levels rose | twice.", start=0, end=48,
                             cited=("doi:10.1/b",), confidence=0.7))
    kg.add_relation("SECRETES", "CL:0002540", "HGNC:5962",
                    Evidence("doi:10.1/a", "IL-10 came from marrow cells, \"we think\".", start=60, end=100,
                             hedged=True))
    kg.add_relation("INHIBITS", "HGNC:5962", "HGNC:11892",
                    Evidence("doi:10.1/a", "IL-10 did not inhibit TNF-α here.", start=120, end=150, negated=True))
    kg.add_relation("APPROVED_FOR", "msckg:product:demo", "MONDO:1",
                    Evidence("doi:10.1/a", "Democel | GVHD | 2015 | Agency", properties=(
                        ("agency", "Agency"), ("country", "Japan"), ("year", 2015))))
    kg.add_mentions("doi:10.1/a", "HGNC:5962", 3)
    kg.add_citation("doi:10.1/a", "doi:10.1/b")
    return kg


# ------------------------------------------------------------------------------------------- GraphML


def test_graphml_round_trips_nodes_edges_and_typed_attributes(small_kg, tmp_path):
    path = export_graphml(small_kg, tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    written = graphml_graph(small_kg)
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(written.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(written.edges(keys=True, data=True))
    assert set(back.nodes) == {d["id"] for d in small_kg.nodes()}
    assert sorted((s, d["type"], o) for s, o, d in back.edges(data=True)) == sorted(
        (s, d["type"], o) for s, o, d in small_kg.edges())

    # values checked by hand against the fixture
    il10 = back.nodes["HGNC:5962"]
    assert il10["label"] == "IL-10" and il10["kg_label"] == "Factor" and il10["kind"] == "cytokine"
    assert il10["generated"] is False
    assert back.nodes["CL:0002540"]["synonyms"] == "BM-MSC | marrow; stromal"
    assert back.nodes["doi:10.1/a"]["year"] == 2021
    assert back.nodes["doi:10.1/a"]["title"] == "A study of \"marrow\" cells"
    secretes = back.edges["CL:0002540", "HGNC:5962", "CL:0002540|SECRETES|HGNC:5962"]
    assert secretes["evidence_count"] == 2 and secretes["hedged"] == 1 and secretes["negated"] == 0
    assert secretes["papers"] == "doi:10.1/a" and secretes["cited_papers"] == "doi:10.1/b"
    assert secretes["sentences"].startswith("Marrow cells secrete IL-10; levels rose | twice.")
    assert secretes["label"] == "SECRETES"
    assert isinstance(secretes["confidence"], float) and abs(secretes["confidence"] - 0.85) < 1e-9
    approved = back.edges["msckg:product:demo", "MONDO:1", "msckg:product:demo|APPROVED_FOR|MONDO:1"]
    assert (approved["year"], approved["agency"], approved["country"]) == (2015, "Agency", "Japan")
    assert back.edges["doi:10.1/a", "HGNC:5962", "doi:10.1/a|MENTIONS|HGNC:5962"]["count"] == 3
    assert "evidence" not in secretes


def test_graphml_declares_one_type_per_attribute(small_kg, tmp_path):
    text = export_graphml(small_kg, tmp_path / "g.graphml").read_text(encoding="utf-8")
    assert 'attr.name="year" attr.type="long"' in text
    assert 'attr.name="confidence" attr.type="double"' in text
    assert 'attr.name="generated" attr.type="boolean"' in text
    assert 'attr.name="synonyms" attr.type="string"' in text
    # GraphML edge ids are unique in the document
    ids = [line.split(' id="')[1].split('"')[0] for line in text.splitlines() if "<edge " in line]
    assert len(ids) == len(set(ids)) == small_kg.graph.number_of_edges()


def test_graphml_keeps_only_the_first_sentences(corpus_build, tmp_path):
    kg = corpus_build.graph
    back = nx.read_graphml(export_graphml(kg, tmp_path / "c.graphml"), force_multigraph=True)
    assert back.number_of_nodes() == kg.graph.number_of_nodes()
    assert back.number_of_edges() == kg.graph.number_of_edges()
    for s, o, data in kg.edges():
        written = back.edges[s, o, f"{s}|{data['type']}|{o}"]
        if data.get("sentences"):
            assert written["sentences"] == LIST_SEPARATOR.join(data["sentences"][:GRAPHML_SENTENCES])
            assert written["evidence_count"] == data["evidence_count"]


# ---------------------------------------------------------------------------------------------- JSON


def test_json_export_is_node_link_with_or_without_evidence(small_kg, tmp_path):
    full = json.loads(export_json(small_kg, tmp_path / "full.json").read_text(encoding="utf-8"))
    assert KnowledgeGraph.from_node_link(full).fingerprint() == small_kg.fingerprint()
    slim = json.loads(export_json(small_kg, tmp_path / "slim.json", evidence=False).read_text(encoding="utf-8"))
    g = nx.node_link_graph(slim, directed=True, multigraph=True, edges="edges")
    assert g.number_of_nodes() == 7 and g.number_of_edges() == 5
    assert all("evidence" not in d for _, _, d in g.edges(data=True))
    assert g.edges["CL:0002540", "HGNC:5962", "SECRETES"]["evidence_count"] == 2


# ----------------------------------------------------------------------------------------------- CSV


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_layout_is_what_neo4j_admin_reads(small_kg, tmp_path):
    result = export_csv(small_kg, tmp_path / "csv")
    # ';' and '|' both occur inside list values of this graph, so the unit separator is chosen
    assert result.array_delimiter == "\u001f" and result.delimiter_name == "U+001F"
    assert set(result.node_files) == {"MSCSource", "Factor", "Product", "Disease", "Paper"}
    factor = _read(result.node_files["Factor"])
    assert factor[0][:4] == ["id:ID", ":LABEL", "label", "name"]
    assert "synonyms:string[]" in factor[0] and "generated:boolean" in factor[0]
    rows = {r[0]: dict(zip(factor[0], r)) for r in factor[1:]}
    assert rows["HGNC:5962"][":LABEL"] == "Factor\u001fEntity"
    assert rows["HGNC:5962"]["synonyms:string[]"] == "interleukin-10"
    assert rows["HGNC:5962"]["generated:boolean"] == "false"
    paper = _read(result.node_files["Paper"])
    assert "year:int" in paper[0]
    assert {dict(zip(paper[0], r))[":LABEL"] for r in paper[1:]} == {"Paper"}
    secretes = _read(result.relationship_files["SECRETES"])
    assert secretes[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    row = dict(zip(secretes[0], secretes[1]))
    assert row["evidence_count:int"] == "2" and row["confidence:double"] == "0.85"
    assert row["sentences:string[]"].split("\u001f")[0] == "Marrow cells secrete IL-10; levels rose | twice."
    assert len(json.loads(row["evidence_json"])) == 2
    readme = (tmp_path / "csv" / "README.md").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in readme and "--array-delimiter='U+001F'" in readme
    assert "--nodes=nodes_Factor.csv" in readme and "--relationships=relationships_SECRETES.csv" in readme


def test_csv_uses_semicolon_when_no_value_holds_one(tmp_path):
    kg = KnowledgeGraph()
    kg.add_node("HGNC:5962", schema.FACTOR, "IL-10", synonyms=["IL10", "interleukin 10"])
    result = export_csv(kg, tmp_path)
    assert result.array_delimiter == ";"
    rows = _read(result.node_files["Factor"])
    assert dict(zip(rows[0], rows[1]))["synonyms:string[]"] == "IL10;interleukin 10"
    with pytest.raises(ExportError, match="occurs inside list values"):
        kg.add_synonyms("HGNC:5962", ["a;b"])
        export_csv(kg, tmp_path, array_delimiter=";")


def test_csv_refuses_a_file_as_folder(small_kg, tmp_path):
    target = tmp_path / "file.csv"
    target.write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        export_csv(small_kg, target)


# ----------------------------------------------------------------- LOAD CSV into the Neo4j test server

_CONVERT = {"int": "toInteger({})", "long": "toInteger({})", "double": "toFloat({})",
            "boolean": "toBoolean({})"}


def _value(column: str, delimiter_param: str = "$delimiter") -> tuple[str, str]:
    """(property name, Cypher expression reading it from `row`) for a typed CSV header column."""
    name, _, kind = column.partition(":")
    field = f"row.`{column}`"
    if kind == "string[]":
        return name, f"CASE WHEN {field} IS NULL THEN null ELSE split({field}, {delimiter_param}) END"
    return name, _CONVERT.get(kind, "{}").format(field)


def load_csv_into(backend, result, base_url: str) -> None:
    """Import an export_csv folder with LOAD CSV, reading each file's typed header like neo4j-admin."""
    for label, path in result.node_files.items():
        header = _read(path)[0]
        assert header[:2] == ["id:ID", ":LABEL"]
        sets = ", ".join(f"n.`{name}` = {expr}" for name, expr in map(_value, header[2:]))
        backend._write(
            "LOAD CSV WITH HEADERS FROM $url AS row "
            "CREATE (n:$(split(row.`:LABEL`, $delimiter))) SET n.id = row.`id:ID`, " + sets,
            url=f"{base_url}/{path.name}", delimiter=result.array_delimiter)
    for rel_type, path in result.relationship_files.items():
        header = _read(path)[0]
        assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
        sets = ", ".join(f"r.`{name}` = {expr}" for name, expr in map(_value, header[3:]))
        backend._write(
            "LOAD CSV WITH HEADERS FROM $url AS row "
            "MATCH (a {id: row.`:START_ID`}) MATCH (b {id: row.`:END_ID`}) "
            "CREATE (a)-[r:$(row.`:TYPE`)]->(b)" + (f" SET {sets}" if sets else ""),
            url=f"{base_url}/{path.name}", delimiter=result.array_delimiter)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def csv_server():
    """Serve a folder over http on 127.0.0.1 (LOAD CSV reads http URLs; no server file access needed)."""
    servers = []

    def serve(directory: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.mark.neo4j
def test_csv_import_into_neo4j_gives_the_same_graph(corpus_build, neo4j_backend, csv_server, tmp_path):
    kg = corpus_build.graph
    result = export_csv(kg, tmp_path / "csv")
    load_csv_into(neo4j_backend, result, csv_server(tmp_path / "csv"))

    nodes, edges = neo4j_backend.counts()
    summary = kg.summary()
    assert nodes == summary.nodes_per_label == result.node_counts
    assert edges == summary.edges_per_type == result.relationship_counts
    (row,) = neo4j_backend.read("MATCH (n:Entity) RETURN count(n) AS c")
    assert row["c"] == sum(1 for d in kg.nodes() if d["label"] != schema.PAPER)
    # the imported database reads back as the embedded graph, evidence and all (sources are file metadata)
    back = neo4j_backend.read_graph().to_node_link()
    expected = kg.to_node_link()
    assert back["nodes"] == expected["nodes"]
    assert back["edges"] == expected["edges"]
