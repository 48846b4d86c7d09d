"""``msckg evaluate``: score extraction against a hand-annotated gold file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from msckg.loaders.evaluation import EvaluationReport, Score, check_gold, evaluate_graph_file, evaluate_paths


def _row(name: str, score: Score) -> str:
    return (f"  {name:<20}{score.precision:>7.3f}{score.recall:>7.3f}{score.f1:>7.3f}"
            f"{score.tp:>6}{score.fp:>6}{score.fn:>6}")


def _table(title: str, scores: dict[str, Score], total: Score) -> None:
    click.echo(f"{title}\n  {'':<20}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
    for key in sorted(scores):
        click.echo(_row(key, scores[key]))
    click.echo(_row("all", total))


def echo_report(report: EvaluationReport, show_findings: bool) -> None:
    """Print the report as tables, then (optionally) the misses and false hits."""
    click.echo(f"Papers: {', '.join(report.papers)}")
    _table("Entities (per label)", report.entities, report.entity_total)
    _table("Relations, strict (same type and direction)", report.strict, report.strict_total)
    _table("Relations, lenient (any typed edge between the two)", report.lenient, report.lenient_total)
    for name, flag in (("Negation", report.negation), ("Hedging", report.hedging)):
        click.echo(f"{name} flag accuracy: {flag.accuracy:.3f} ({flag.correct}/{flag.total} matched relations)")
    click.echo(f"Relations found in annotated text, by evidence confidence\n  {'':<20}{'P':>7}{'TP':>6}{'FP':>6}")
    for band in sorted(report.by_confidence, reverse=True):
        score = report.by_confidence[band]
        click.echo(f"  {band:<20}{score.precision:>7.3f}{score.tp:>6}{score.fp:>6}")
    if not show_findings:
        return
    for title, findings in (("Misses", report.misses), ("False hits", report.false_hits)):
        click.echo(f"{title}: {len(findings)}")
        for f in findings:
            click.echo(f"  {f.paper[:3]} {f.at:<6} {f.kind:<9} {f.what}" + (f"  ({f.note})" if f.note else ""))


@click.command()
@click.argument("gold_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Score this saved graph (its source files are re-read to locate sentences) "
                   "instead of building from PATHS.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Tables for people, JSON for machines.")
@click.option("--findings/--no-findings", default=True, show_default=True,
              help="List every miss and false hit after the tables.")
@click.option("--check", "check_only", is_flag=True,
              help="Only check that the gold file's papers and locators match PATHS (no extraction, no "
                   "scores): for annotating without seeing the tool's output.")
def evaluate(gold_file: Path, paths: tuple[Path, ...], graph_file: Path | None, fmt: str,
             findings: bool, check_only: bool) -> None:
    """Precision, recall and F1 of extraction against a gold file (docs/evaluation.md).

    Builds a graph from PATHS (or reads --graph FILE) and scores entities per
    label, relations per type (strict and lenient), the negation and hedging
    flags, and lists the misses and false hits.

    \b
    Examples:
      msckg evaluate tests/gold/corpus_gold.json ../shared/corpus
      msckg evaluate my_gold.json --graph msckg-graph.json --format json
      msckg evaluate my_gold.json my_papers/ --check
    """
    if graph_file is not None and paths:
        raise click.UsageError("give either PATHS or --graph, not both")
    if graph_file is None and not paths:
        raise click.UsageError("give the papers to build from (PATHS) or a saved graph (--graph FILE)")
    if check_only:
        if graph_file is not None:
            raise click.UsageError("--check reads the papers themselves: give PATHS, not --graph")
        gold = check_gold(gold_file, paths)
        entities = sum(len(p.entities) for p in gold.papers)
        relations = sum(len(p.relations) for p in gold.papers)
        click.echo(f"{gold_file}: OK, {len(gold.papers)} papers, {entities} entities, {relations} relations "
                   "located")
        return
    if graph_file is not None:
        report = evaluate_graph_file(gold_file, graph_file)
    else:
        report = evaluate_paths(gold_file, paths)
    if fmt == "json":
        data = report.to_dict()
        if not findings:
            data.pop("misses")
            data.pop("false_hits")
        click.echo(json.dumps(data, indent=1, sort_keys=True))
    else:
        echo_report(report, findings)


COMMANDS = [evaluate]
