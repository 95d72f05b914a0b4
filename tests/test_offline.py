"""A whole ingest with every internet socket blocked, in this process and in the parser workers."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path

from conftest import run_rag

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
