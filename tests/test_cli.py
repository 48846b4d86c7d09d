"""Every CLI command, through click's CliRunner and as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from msckg.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def example_graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "examples.json"
    result = CliRunner().invoke(cli, ["--quiet", "build", str(EXAMPLES), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def all_commands():
    for name, command in sorted(cli.commands.items()):
        yield [name], command
        for sub_name, sub in sorted(getattr(command, "commands", {}).items()):
            yield [name, sub_name], sub


def test_every_command_has_help_with_an_example(runner):
    commands = list(all_commands())
    assert {"build", "stats", "show"} <= {path[0] for path, _ in commands}
    for path, command in commands:
        assert command.help and len(command.help.strip()) > 20, path
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.output
        if not getattr(command, "commands", None):
            assert "Example" in result.output, path


def test_root_help_and_version(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0 and "build" in result.output and "show" in result.output
    assert runner.invoke(cli, ["--version"]).output.startswith("msckg, version ")


def test_build_without_paths_reads_the_examples(runner):
    with runner.isolated_filesystem():
        result = runner.invoke(cli, ["build"])
        assert result.exit_code == 0, result.output
        assert Path("msckg-graph.json").is_file()
        data = json.loads(Path("msckg-graph.json").read_text())
        shipped = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))
        assert sorted(Path(s["path"]).name for s in data["graph"]["sources"]) == shipped
        assert f"Documents read: {len(shipped)}" in result.output
        for label in ("MSCSource", "Factor", "Disease", "Paper", "Product"):
            assert f"  {label}" in result.output
        assert "  SECRETES" in result.output


def test_build_summary_lists_edges_per_type(runner, tmp_path):
    out = tmp_path / "g.json"
    result = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Edges:" in result.output and "APPROVED_FOR" in result.output
    assert f"Wrote {out}" in result.output


def test_build_is_deterministic(runner, tmp_path):
    for name in ("a.json", "b.json"):
        assert runner.invoke(cli, ["-q", "build", str(EXAMPLES), "-o", str(tmp_path / name)]).exit_code == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


@pytest.mark.parametrize("name, content, message", [
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 200, "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.md", b"   \n\n \t \n", "whitespace"),
])
def test_bad_input_file_gives_one_line_and_exit_1(runner, tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    result = runner.invoke(cli, ["build", str(bad), "-o", str(tmp_path / "g.json")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert message in lines[0].lower() and name in lines[0]
    assert "Traceback" not in result.output
    assert not (tmp_path / "g.json").exists()


def test_folder_with_nothing_readable_gives_exit_1(runner, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "blob.txt").write_bytes(b"\x00" * 500)
    (folder / "empty.md").write_text("")
    result = runner.invoke(cli, ["build", str(folder), "-o", str(tmp_path / "g.json")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no readable document"), result.output
    assert "Traceback" not in result.output


def test_missing_path_gives_exit_1(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path / "nope"), "-o", str(tmp_path / "g.json")])
    assert result.exit_code == 1 and "no such file" in result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "latin-1"])
def test_other_encodings_are_decoded(runner, tmp_path, encoding):
    text = ("Café notes on MSC therapy.\n\nBone marrow-derived MSCs secrete prostaglandin E2 "
            "and IL-10, which suppress T cells.\n")
    path = tmp_path / f"doc-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    out = tmp_path / "g.json"
    result = runner.invoke(cli, ["-q", "build", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    sentences = [r["sentence"] for e in data["edges"] for r in e.get("evidence", [])]
    assert any("prostaglandin E2" in s for s in sentences), sentences


def test_stats(runner, example_graph):
    result = runner.invoke(cli, ["stats", "--graph", str(example_graph)])
    assert result.exit_code == 0, result.output
    assert "Source documents: 4" in result.output
    assert "Nodes:" in result.output and "Edges:" in result.output


def test_stats_reads_msckg_graph_env(runner, example_graph):
    result = runner.invoke(cli, ["stats"], env={"MSCKG_GRAPH": str(example_graph)})
    assert result.exit_code == 0 and str(example_graph) in result.output


def test_stats_without_graph_file_explains(runner, tmp_path):
    result = runner.invoke(cli, ["stats", "--graph", str(tmp_path / "none.json")])
    assert result.exit_code == 1
    assert "msckg build" in result.output and "Traceback" not in result.output


def test_show_finds_entity_by_any_synonym_and_case(runner, example_graph):
    outputs = []
    for name in ("PGE2", "prostaglandin E2", "PROSTAGLANDIN e2"):
        result = runner.invoke(cli, ["show", name, "--graph", str(example_graph)])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1] == outputs[2]
    assert "[Factor" in outputs[0]
    assert "-[SECRETES]-> " in outputs[0]
    assert '"' in outputs[0]  # an evidence sentence is quoted
    assert "Nemeth" in outputs[0] or "Bone marrow stromal cells" in outputs[0] or "notes" in outputs[0]


def test_show_greek_and_spelled_letters(runner, example_graph):
    greek = runner.invoke(cli, ["show", "TNF-α", "--graph", str(example_graph)])
    spelled = runner.invoke(cli, ["show", "tnf-alpha", "--graph", str(example_graph)])
    assert greek.exit_code == 0, greek.output
    assert greek.output == spelled.output


def test_show_unknown_entity_suggests(runner, example_graph):
    result = runner.invoke(cli, ["show", "prostaglandin E3", "--graph", str(example_graph)])
    assert result.exit_code == 1
    assert "did you mean" in result.output and "Traceback" not in result.output


def test_show_type_filter(runner, example_graph):
    result = runner.invoke(cli, ["show", "Cartistem", "--type", "APPROVED_FOR", "--graph", str(example_graph)])
    assert result.exit_code == 0, result.output
    assert "-[APPROVED_FOR]->" in result.output and "year 2012" in result.output
    assert "-[MENTIONS]->" not in result.output


def test_cli_as_subprocess(tmp_path):
    out = tmp_path / "g.json"
    proc = subprocess.run([sys.executable, "-m", "msckg", "--quiet", "build", str(EXAMPLES), "-o", str(out)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run(["msckg", "stats", "--graph", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0 and "Nodes:" in proc.stdout, proc.stderr
    proc = subprocess.run(["msckg", "build", str(tmp_path / "missing.txt")], capture_output=True, text=True,
                          cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith("Error:") and "Traceback" not in proc.stderr


def test_query_answer_as_html_view(runner, example_graph, tmp_path):
    page = tmp_path / "answer.html"
    result = runner.invoke(cli, ["query", "disease_profile", "-p", "disease=sepsis", "--graph", str(example_graph),
                                 "--html", str(page)])
    assert result.exit_code == 0, result.output
    assert page.is_file() and "Wrote" in result.output
    text = page.read_text(encoding="utf-8")
    assert "sepsis" in text and "vis.DataSet" in text
    # sepsis, bone marrow ("In a mouse model of sepsis, bone marrow stromal cells ... reduced mortality") and the
    # two example papers that mention both: TREATS plus four MENTIONS
    assert "(4 nodes, 5 edges)" in result.output
    assert "<script src=" not in text  # vis-network inlined, nothing fetched
