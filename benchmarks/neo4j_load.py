"""Relationships per second into Neo4j: batched UNWIND writes against one transaction per row.

    python benchmarks/neo4j_load.py                          # 5k entities, 20k claims; baseline on 2000 rows
    python benchmarks/neo4j_load.py --nodes 2000 --edges 8000 --baseline-rows 1000

Both runs use the same Cypher and the same server in the same process: the batched run writes every
relationship of a synthetic graph with ``--batch-size`` rows per managed write transaction; the
baseline writes a sample of ``--baseline-rows`` relationships with one transaction each
(``batch_size=1``). Nodes are written first and not timed. The database is wiped before each run.
Neo4j: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (its contents are DELETED), else the test server of
tests/neo4j_support.py in a temporary folder. Writes benchmarks/results/neo4j_load.json and .md.
Not a test.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from query_latency import neo4j_server  # noqa: E402  (shared: find or start a server)


def sample(kg, rows: int):
    """A graph with every node of ``kg`` and its first ``rows`` typed relationships."""
    from msckg.graph.knowledge_graph import KnowledgeGraph

    out = KnowledgeGraph()
    for node in kg.nodes():
        attrs = dict(node)
        out.add_node(attrs.pop("id"), attrs.pop("label"), attrs.pop("name"), **attrs)
    taken = 0
    for s, o, data in kg.edges():
        if taken >= rows or "evidence" not in data:
            continue
        for record in data["evidence"]:
            out.add_relation(data["type"], s, o, record)
        taken += 1
    return out


def timed_relationships(backend, kg, batch_size: int) -> dict:
    backend.wipe()
    backend.ensure_schema()
    backend.write_nodes(kg)
    count = kg.summary().edges
    began = time.perf_counter()
    backend.write_relationships(kg, batch_size=batch_size)
    seconds = time.perf_counter() - began
    _, edges = backend.counts()
    assert sum(edges.values()) == count, (edges, count)
    return {"relationships": count, "batch_size": batch_size, "seconds": round(seconds, 3),
            "relationships_per_second": round(count / seconds, 1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--baseline-rows", type=int, default=2000)
    args = parser.parse_args(argv)

    from msckg.graph.neo4j_backend import Neo4jBackend
    from msckg.graph.synthetic import synthetic_graph

    say = lambda line: print(line, file=sys.stderr)  # noqa: E731
    cleanup: list = []
    try:
        uri, user, password, managed = neo4j_server(cleanup, say)
        kg = synthetic_graph(args.nodes, args.edges)
        baseline_kg = sample(kg, args.baseline_rows)
        with Neo4jBackend(uri, user, password) as backend:
            say(f"Neo4j {backend.version} at {uri}")
            batched = timed_relationships(backend, kg, args.batch_size)
            say(f"batched:  {batched}")
            baseline = timed_relationships(backend, baseline_kg, 1)
            say(f"baseline: {baseline}")
            backend.wipe()
            version = backend.version
    finally:
        for stop in reversed(cleanup):
            stop()
    ratio = round(batched["relationships_per_second"] / baseline["relationships_per_second"], 1)
    result = {"neo4j_version": version, "machine": platform.machine(), "python": platform.python_version(),
              "graph": {"nodes": kg.summary().nodes, "relationships": kg.summary().edges},
              "batched": batched, "one_transaction_per_row": baseline, "speedup": ratio}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "neo4j_load.json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
    (RESULTS / "neo4j_load.md").write_text(
        f"# Neo4j load throughput (Neo4j {version})\n\n"
        "| write mode | relationships | seconds | relationships/s |\n|---|---:|---:|---:|\n"
        f"| batched, {batched['batch_size']} rows per transaction | {batched['relationships']} | "
        f"{batched['seconds']} | {batched['relationships_per_second']} |\n"
        f"| one transaction per row (baseline) | {baseline['relationships']} | {baseline['seconds']} | "
        f"{baseline['relationships_per_second']} |\n\n"
        f"Batched writes are {ratio}x faster, measured in the same run on the same server.\n")
    print(json.dumps(result, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
