"""Latency of every named query on both backends over a synthetic graph much larger than the corpus.

    python benchmarks/query_latency.py                        # 20k entities, 100k claims, 20 runs each
    python benchmarks/query_latency.py --nodes 5000 --edges 25000 --runs 10

Neo4j: the server named by NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (its database must be empty, or pass
--wipe to empty it first), else the test server of tests/neo4j_support.py started in a temporary folder
and stopped afterwards. Each query runs once to warm up (entity names resolved and cached, query
planned), then --runs times; p50 and p95 are reported in milliseconds. Writes
benchmarks/results/query_latency.json and a short query_latency.md beside it. Not a test.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50, p95, mean, min and max of samples in seconds, as milliseconds."""
    cuts = statistics.quantiles(samples, n=100, method="inclusive") if len(samples) > 1 else samples * 99
    return {"p50_ms": round(cuts[49] * 1000, 2), "p95_ms": round(cuts[94] * 1000, 2),
            "mean_ms": round(statistics.fmean(samples) * 1000, 2),
            "min_ms": round(min(samples) * 1000, 2), "max_ms": round(max(samples) * 1000, 2)}


def time_queries(runner, runs: int, say: Callable[[str], None]) -> dict[str, dict[str, Any]]:
    """Warm-up run then ``runs`` timed runs of every catalogue query with its example parameters."""
    from msckg.queries import catalogue

    out = {}
    for query in catalogue().values():
        params = query.example_parameters()
        began = time.perf_counter()
        rows = runner.run(query.name, params)
        first = time.perf_counter() - began
        samples = []
        for _ in range(runs):
            began = time.perf_counter()
            runner.run(query.name, params)
            samples.append(time.perf_counter() - began)
        out[query.name] = {"params": params, "rows": len(rows), "first_run_ms": round(first * 1000, 2),
                           **percentiles(samples)}
        say(f"  {runner.backend_name:8s} {query.name:22s} rows {len(rows):4d}  "
            f"p50 {out[query.name]['p50_ms']:9.2f} ms  p95 {out[query.name]['p95_ms']:9.2f} ms")
    return out


def neo4j_server(stack: list[Callable[[], None]], say: Callable[[str], None]) -> tuple[str, str, str, bool]:
    """(uri, user, password, managed): NEO4J_URI if set, else a test server started here."""
    if os.environ.get("NEO4J_URI"):
        return (os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                os.environ.get("NEO4J_PASSWORD", ""), False)
    sys.path.insert(0, str(ROOT / "tests"))
    import neo4j_support

    reason = neo4j_support.can_start_local()
    if reason:
        raise SystemExit(f"no Neo4j: {reason}; set NEO4J_URI or {neo4j_support.HOW_TO_GET_ONE}")
    home = Path(tempfile.mkdtemp(prefix="msckg-bench-neo4j-"))
    say(f"starting the Neo4j test server in {home} ...")
    conn = neo4j_support.start_local(home)
    stack.append(lambda: say(neo4j_support.stop_local(home)))
    return conn.uri, conn.user, conn.password, True


def write_markdown(result: dict, path: Path) -> None:
    graph = result["graph"]
    lines = [
        "# Query latency",
        "",
        f"Synthetic graph (`msckg.graph.synthetic.synthetic_graph(nodes={result['arguments']['nodes']}, "
        f"edges={result['arguments']['edges']}, seed={result['arguments']['seed']})`): "
        f"{graph['nodes']} nodes, {graph['edges']} relationships ({graph['typed_edges']} claims, "
        f"{graph['evidence_records']} evidence records). Neo4j {result['neo4j']['version']}; "
        f"{result['machine']['cpus']} CPUs, Python {result['machine']['python']}. "
        f"Each query: one warm-up run, then {result['arguments']['runs']} timed runs with its example parameters; "
        "times in ms, end to end through `QueryRunner.run` (entity names resolved from a warm cache, rows "
        "normalised).",
        "",
        "| query | rows | embedded p50 | embedded p95 | neo4j p50 | neo4j p95 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, emb in result["embedded"].items():
        neo = result["neo4j"]["queries"][name]
        lines.append(f"| {name} | {emb['rows']} | {emb['p50_ms']} | {emb['p95_ms']} | {neo['p50_ms']} | "
                     f"{neo['p95_ms']} |")
    lines += ["", f"Loading the graph into Neo4j took {result['neo4j']['load_seconds']} s; "
              f"generating it {graph['generate_seconds']} s.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=20000)
    parser.add_argument("--edges", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--wipe", action="store_true", help="Empty the NEO4J_URI database first.")
    parser.add_argument("--out", type=Path, default=RESULTS / "query_latency.json")
    args = parser.parse_args(argv)
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)

    from msckg.graph.neo4j_backend import Neo4jBackend
    from msckg.graph.query_runner import QueryRunner
    from msckg.graph.synthetic import synthetic_graph

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    began = time.perf_counter()
    kg = synthetic_graph(args.nodes, args.edges, seed=args.seed)
    generated = time.perf_counter() - began
    summary = kg.summary()
    say(f"graph: {summary.nodes} nodes, {summary.edges} relationships (generated in {generated:.1f} s)")

    result: dict[str, Any] = {
        "arguments": vars(args) | {"out": str(args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out)},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "graph": {"nodes": summary.nodes, "edges": summary.edges,
                  "typed_edges": summary.edges - summary.edges_per_type.get("MENTIONS", 0)
                  - summary.edges_per_type.get("CITES", 0),
                  "evidence_records": summary.evidence_records, "nodes_per_label": summary.nodes_per_label,
                  "edges_per_type": summary.edges_per_type, "generate_seconds": round(generated, 1)},
    }
    say("embedded:")
    result["embedded"] = time_queries(QueryRunner(kg), args.runs, say)

    cleanup: list[Callable[[], None]] = []
    try:
        uri, user, password, managed = neo4j_server(cleanup, say)
        with Neo4jBackend(uri, user, password) as backend:
            if args.wipe:
                backend.wipe()
            nodes, _ = backend.counts()
            if nodes and not managed:
                raise SystemExit(f"the database at {uri} is not empty; pass --wipe to empty it first")
            began = time.perf_counter()
            backend.ensure_schema()
            backend.write_graph(kg, batch_size=2000)  # an empty database: nothing to merge with
            loaded = time.perf_counter() - began
            say(f"loaded into Neo4j {backend.version} in {loaded:.1f} s")
            say("neo4j:")
            queries = time_queries(QueryRunner(backend), args.runs, say)
            result["neo4j"] = {"version": backend.version, "managed_test_server": managed,
                               "load_seconds": round(loaded, 1), "queries": queries}
    finally:
        for step in reversed(cleanup):
            step()

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_markdown(result, args.out.with_suffix(".md"))
    say(f"wrote {args.out} and {args.out.with_suffix('.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
