"""The HTML views in a real headless Chromium: drawn counts, no console errors, no injected script runs.

Chromium (Debian's `chromium`) is driven over the DevTools protocol with no
network: the page is a file:// URL and any request for anything but that file
fails the test. Screenshots go to tests/artifacts/ (git-ignored). Skipped
with a message when chromium is absent, unless CI is set (then it fails).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from msckg.graph import schema
from msckg.graph.knowledge_graph import KnowledgeGraph
from msckg.graph.views import ViewFilter, render_html

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
FIXTURES = ROOT / "tests" / "fixtures" / "views"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
WIDTH, HEIGHT = 1400, 900


def _chromium() -> str:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    message = "headless Chromium not found: apt-get install -y chromium"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {message}", pytrace=False)
    pytest.skip(message)


class Browser:
    """A headless Chromium with one page, driven over the DevTools protocol (websocket-client)."""

    def __init__(self, binary: str, profile: Path) -> None:
        import websocket

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-component-update", "--disable-sync", "--disable-default-apps",
             # no network at all: every host name fails to resolve, no proxy lookups
             "--host-resolver-rules=MAP * ~NOTFOUND", "--no-proxy-server",
             f"--user-data-dir={profile}", "--remote-debugging-port=0",
             f"--window-size={WIDTH},{HEIGHT}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.is_file() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as resp:
            targets = json.loads(resp.read())
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1,
                  mobile=False)

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not self.evaluate(expression):
            assert not self.errors(), f"page errors while waiting for {expression}: {self.errors()}"
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {expression}")
            time.sleep(0.2)

    def open(self, path: Path) -> None:
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("document.readyState === 'complete'")

    def screenshot(self, path: Path) -> None:
        shot = self.call("Page.captureScreenshot", format="png")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def hover(self, x: float, y: float) -> None:
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries seen so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"])[:500])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(json.dumps(params.get("args"))[:500])
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", "")[:500])
        return found

    def requests(self) -> list[str]:
        """URLs the page asked for."""
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"]

    def close(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def browser(tmp_path):
    binary = _chromium()
    pytest.importorskip("websocket", reason="pip install websocket-client (in the test extra)")
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    b = Browser(binary, profile)
    try:
        yield b
    finally:
        b.close()


DRAWN = """(() => {
  const v = window.msckgView;
  return {nodes: v.nodes.length, edges: v.edges.length,
          drawnNodes: Object.keys(v.network.body.nodes).filter(id => v.network.body.data.nodes.get(id)).length,
          drawnEdges: Object.keys(v.network.body.edges).filter(id => v.network.body.data.edges.get(id)).length,
          positions: Object.keys(v.network.getPositions()).length,
          physics: v.network.physics.physicsEnabled,
          canvas: document.querySelector('#network canvas') !== null};
})()"""


def _open_view(browser: Browser, page: Path) -> dict:
    browser.open(page)
    browser.wait_for("window.msckgView !== undefined && window.msckgView.stabilized === true", timeout=120)
    return browser.evaluate(DRAWN)


def _assert_offline_and_clean(browser: Browser, page: Path) -> None:
    assert browser.errors() == []
    foreign = [u for u in browser.requests() if u != page.resolve().as_uri()]
    assert foreign == [], f"the view fetched {foreign}"


def test_payload_document_view_runs_no_injected_code(browser, tmp_path):
    from msckg.loaders.pipeline import build_graph

    kg = build_graph([FIXTURES / "payload_paper.txt"]).graph
    # a synonym carrying markup too (synonyms come from text in the real pipeline)
    kg.add_synonyms("HGNC:5962", ["<img src=x onerror=\"window.__msckg_pwned = 4\">"])
    # a short name, drawn whole as a node label: it must not close the page's data <script>
    kg.add_node("msckg:payload", schema.DISEASE, "</script><script>window.__msckg_pwned = 6</script>")
    page = tmp_path / "payload.html"
    view = render_html(kg, page, title="payload <script>window.__msckg_pwned = 5</script>")
    assert len(view.edges) == kg.graph.number_of_edges()

    drawn = _open_view(browser, page)
    assert drawn["nodes"] == drawn["drawnNodes"] == drawn["positions"] == len(view.node_ids)
    assert drawn["edges"] == drawn["drawnEdges"] == len(view.edges)
    assert drawn["physics"] is False, "physics still running after stabilisation"

    # hover the IL-10 -> secretes edge's source and the payload edge's middle: tooltips are built
    # at load time already; hovering shows one so the screenshot can be checked by eye
    point = browser.evaluate("""(() => {
      const v = window.msckgView, rect = document.getElementById('network').getBoundingClientRect();
      const p = v.network.canvasToDOM(v.network.getPositions(['HGNC:5962'])['HGNC:5962']);
      return {x: p.x + rect.left, y: p.y + rect.top};
    })()""")
    browser.hover(point["x"], point["y"])
    browser.wait_for("(document.querySelector('div.vis-tooltip') || {}).style "
                     "&& document.querySelector('div.vis-tooltip').style.visibility === 'visible'", timeout=10)
    tooltip_text = browser.evaluate("document.querySelector('div.vis-tooltip').innerText")
    assert "IL-10" in tooltip_text
    assert "<img src=x onerror=" in tooltip_text  # shown as text, not turned into an element
    assert browser.evaluate("document.querySelectorAll('img').length") == 0
    assert browser.evaluate("document.querySelectorAll('#network script, .vis-tooltip script').length") == 0
    time.sleep(0.5)  # give any injected onerror handler time to fire
    assert browser.evaluate("typeof window.__msckg_pwned") == "undefined"
    assert browser.evaluate("document.title") == "payload <script>window.__msckg_pwned = 5</script>"
    browser.screenshot(ARTIFACTS / "view-payload.png")
    _assert_offline_and_clean(browser, page)


def test_corpus_view_draws_every_exported_node_and_edge(browser, tmp_path, request):
    from msckg.loaders.pipeline import build_graph

    corpus = ROOT.parent / "shared" / "corpus"
    kg: KnowledgeGraph = (request.getfixturevalue("corpus_build").graph if corpus.is_dir()
                          else build_graph([ROOT / "examples"]).graph)
    labels = tuple(label for label in schema.LABELS if label != schema.PAPER)
    page = tmp_path / "corpus.html"
    view = render_html(kg, page, title="MSC knowledge graph",
                       filters=ViewFilter(labels=labels, keep_isolated=False, max_nodes=120))
    assert view.node_ids and view.edges

    drawn = _open_view(browser, page)
    assert drawn["canvas"]
    assert drawn["nodes"] == drawn["drawnNodes"] == drawn["positions"] == len(view.node_ids)
    assert drawn["edges"] == drawn["drawnEdges"] == len(view.edges)
    assert drawn["physics"] is False
    shown_note = browser.evaluate("document.getElementById('omitted').textContent")
    assert shown_note == view.omission_note()
    if view.omitted:
        assert f"left out {view.omitted} nodes" in shown_note
    browser.screenshot(ARTIFACTS / "view-corpus.png")
    _assert_offline_and_clean(browser, page)
