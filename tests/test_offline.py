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
    import socket

    _connect = socket.socket.connect

    def _guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError("network access blocked by the test: " + repr(address))
        return _connect(self, address)

    socket.socket.connect = _guarded
    socket.socket.connect_ex = _guarded
    socket.create_connection = lambda *a, **k: (_ for _ in ()).throw(OSError("network access blocked by the test"))
    socket.getaddrinfo = lambda *a, **k: (_ for _ in ()).throw(OSError("name resolution blocked by the test"))
    """
)


def test_ingest_needs_no_network(tmp_path: Path, docs_dir: Path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(BLOCKER)  # loaded by every Python process, workers too
    # Neither the offline switches of huggingface nor a cached spaCy model may be what saves us.
    env = {"PYTHONPATH": str(guard), "HF_HUB_OFFLINE": "", "TRANSFORMERS_OFFLINE": ""}

    probe = run_rag("--help", env=env)
    assert probe.returncode == 0
    check = subprocess.run(
        ["python3", "-c", "import socket; socket.create_connection(('pypi.org', 443), timeout=2)"],
        env={**os.environ, **env}, capture_output=True, text=True,
    )
    assert "blocked by the test" in check.stderr  # the guard is really active in child processes

    result = run_rag("ingest", str(docs_dir), "--index", str(tmp_path / "index"), "--json", "--workers", "2", env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["added"] == 9 and summary["failed"] == 0 and summary["chunks"] > 9
    assert "offline fallback" in result.stderr or "en_core_web_sm" in result.stderr
