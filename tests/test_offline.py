"""No network at run time: a whole ingest and a web UI page load with every internet socket and
DNS lookup blocked and recorded, in every Python process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, run_rag

BLOCKER = textwrap.dedent(
    """
    import os
    import socket

    _connect = socket.socket.connect

    def _record(what):
        # a library that swallows the error (telemetry does) must still be seen trying
        with open(os.environ["RAG_TEST_NETWORK_LOG"], "a") as log:
            log.write(f"{os.getpid()} {what}\\n")

    def _guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _record(f"connect {address!r}")
            raise OSError("network access blocked by the test: " + repr(address))
        return _connect(self, address)

    def _no_lookup(host, *args, **kwargs):
        _record(f"getaddrinfo {host!r}")
        raise OSError("name resolution blocked by the test")

    def _no_connection(address, *args, **kwargs):
        _record(f"create_connection {address!r}")
        raise OSError("network access blocked by the test")

    socket.socket.connect = _guarded
    socket.socket.connect_ex = _guarded
    socket.create_connection = _no_connection
    socket.getaddrinfo = _no_lookup
    socket.gethostbyname = _no_lookup
    """
)


def test_ingest_needs_no_network(tmp_path: Path, docs_dir: Path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(BLOCKER)  # loaded by every Python process, workers too
    # Neither the offline switches of huggingface nor a cached spaCy model may be what saves us.
    attempts = tmp_path / "network.log"
    env = {"PYTHONPATH": str(guard), "HF_HUB_OFFLINE": "", "TRANSFORMERS_OFFLINE": "", "DO_NOT_TRACK": "",
           "RAG_TEST_NETWORK_LOG": str(attempts)}

    probe = run_rag("--help", env=env)
    assert probe.returncode == 0
    check = subprocess.run(
        ["python3", "-c", "import socket; socket.create_connection(('pypi.org', 443), timeout=2)"],
        env={**os.environ, **env}, capture_output=True, text=True,
    )
    assert "blocked by the test" in check.stderr  # the guard is really active in child processes
    assert "pypi.org" in attempts.read_text()  # ... and records what it blocked
    attempts.unlink()

    result = run_rag("ingest", str(docs_dir), "--index", str(tmp_path / "index"), "--json", "--workers", "2", env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["added"] == 9 and summary["failed"] == 0 and summary["chunks"] > 9
    assert "offline fallback" in result.stderr or "en_core_web_sm" in result.stderr
    search = run_rag("search", "When is the maintenance window?", "--index", str(tmp_path / "index"), env=env)
    assert search.returncode == 0, search.stderr[-2000:]
    # No lookup at all, not even one that failed quietly (unstructured's telemetry did, per process).
    assert not attempts.exists(), attempts.read_text()[:2000]


@pytest.mark.slow
def test_the_web_ui_makes_no_lookup_while_it_loads_and_answers(tmp_path: Path, sample_index: Path):
    """`rag ui` under the same guard: the server process (and anything it starts) loads the page,
    opens the index and the model and answers a question without one DNS lookup or connection."""
    import shutil
    import signal
    import time
    import urllib.request

    from test_webui_browser import CHROMIUM, FLAGS, free_port

    playwright_api = pytest.importorskip("playwright.sync_api")
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(BLOCKER)
    attempts = tmp_path / "network.log"
    index = tmp_path / "index"
    shutil.copytree(sample_index, index)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(guard), "HF_HUB_OFFLINE": "", "TRANSFORMERS_OFFLINE": "", "DO_NOT_TRACK": "",
           "RAG_TEST_NETWORK_LOG": str(attempts)}
    server = subprocess.Popen([sys.executable, "-m", "rag.cli", "ui", "--index", str(index), "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                time.sleep(0.5)
        with playwright_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            page = browser.new_page()
            page.goto(url)
            page.get_by_role("heading", name="Ask your documents").wait_for(timeout=120_000)
            box = page.get_by_placeholder("Ask a question about your documents")
            box.fill("What is the chlorine contact time?")
            box.press("Enter")
            page.get_by_text("35 minutes").first.wait_for(timeout=180_000)
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    assert not attempts.exists(), attempts.read_text()[:2000]
