"""The wheel ships every subpackage and data file, and installs no bare top-level module."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (found,) = out.glob("msc_kg-*.whl")
    return found


def data_files() -> list[str]:
    """Every data file in the source tree that must ship, as its path inside the wheel."""
    wanted = []
    for folder, package, patterns in (
        ("loaders/vocabulary", "msckg/loaders/vocabulary", ("*.tsv",)),
        ("loaders/rules", "msckg/loaders/rules", ("*.tsv",)),
        ("queries", "msckg/queries", ("*.cypher",)),
        ("examples", "msckg/examples", ("*.txt", "*.md")),
        ("graph/browser", "msckg/graph/browser", ("*.grass", "*.html")),
    ):
        for pattern in patterns:
            wanted += [f"{package}/{p.name}" for p in sorted((ROOT / folder).glob(pattern))]
    return wanted


def test_wheel_ships_every_subpackage_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in ("msckg", "msckg/cli", "msckg/graph", "msckg/loaders", "msckg/loaders/readers",
                    "msckg/queries", "msckg/examples"):
        assert f"{package}/__init__.py" in names, package
    expected = data_files()
    assert any(n.endswith("factors.tsv") for n in expected), "vocabulary missing from the source tree"
    missing = [f for f in expected if f not in names]
    assert not missing, missing
    # source modules of every subpackage are in the wheel too
    for folder, package in (("graph", "msckg/graph"), ("loaders", "msckg/loaders"),
                            ("loaders/readers", "msckg/loaders/readers"), ("queries", "msckg/queries")):
        for module in (ROOT / folder).glob("*.py"):
            assert f"{package}/{module.name}" in names, module


def test_wheel_has_no_bare_top_level_packages(wheel):
    tops = {n.split("/")[0] for n in zipfile.ZipFile(wheel).namelist()}
    assert not tops & {"graph", "loaders", "queries", "examples", "tests"}, tops


def test_installed_wheel_imports_as_msckg_only(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import importlib.util, msckg, msckg.graph.schema, msckg.loaders.vocabulary as v\n"
        f"assert msckg.__file__.startswith({str(target)!r}), msckg.__file__\n"
        "assert len(v.load_vocabulary()) > 0\n"
        "for bare in ('graph', 'loaders', 'queries'):\n"
        "    assert importlib.util.find_spec(bare) is None, bare\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stderr[-2000:]


def test_editable_install_exposes_no_bare_modules(tmp_path):
    code = ("import importlib.util\n"
            "print([b for b in ('graph', 'loaders', 'queries') if importlib.util.find_spec(b)])")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert proc.stdout.strip() == "[]", proc.stdout + proc.stderr
