"""SIGTERM and Ctrl-C during `rag ingest`: a clean stop with its own exit code, no parser left
running, and a rerun that completes into a consistent index."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from rag.config import Settings
from rag.index import Index

ROOT = Path(__file__).resolve().parents[2]
FILES = 600
RAG = [sys.executable, "-m", "rag.cli"]  # run from the checkout (cwd), as conftest.run_rag does


def _many_files(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        paragraphs = [
            f"Report {number}, section {part}: the pump station {number % 17} moved {number * 3 + part} cubic metres "
            f"of water on day {part} while crew {number % 5} inspected valve {part * 7}. " * 3
            for part in range(12)
        ]
        (folder / f"report_{number:04d}.txt").write_text("\n\n".join(paragraphs))
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_ingest_cleanly_and_a_rerun_completes(tmp_path: Path, signum: int, code: int):
    # about 30 s of work: the signal comes at 10 s, mid-run (200 files, 11 s, had it land as the run ended)
    docs = _many_files(tmp_path / "docs", FILES)
    index_dir = tmp_path / "index"
    command = [*RAG, "ingest", str(docs), "--index", str(index_dir), "--workers", "2"]
    env = {**os.environ, "RAG_PARSE_TIMEOUT_S": "120"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    # Wait until the workers run and some documents are stored, then stop it mid-run.
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and process.poll() is None:
        try:
            workers |= {child.pid for child in psutil.Process(process.pid).children(recursive=True)}
        except psutil.Error:
            pass
        if len(workers) >= 2 and (index_dir / "catalog.sqlite").exists() and time.monotonic() > deadline - 110:
            break
        time.sleep(0.2)
    assert process.poll() is None, "the run ended before it could be interrupted; give it more files"
    process.send_signal(signum)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == code, err[-2000:]
    assert "run the command again" in err and "Traceback" not in err
    time.sleep(1)
    alive = [pid for pid in workers if psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE]
    assert not alive, f"processes left running: {alive}"

    rerun = subprocess.run([*command, "--json"], env=env, capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    with Index.open(Settings(index_dir=index_dir)) as index:
        documents = index.catalog.documents()
        assert len(documents) == FILES and all(d.status == "ok" for d in documents), {d.status for d in documents}
        assert sorted(index.vectors.ids().tolist()) == sorted(index.catalog.chunk_ids().tolist())
        assert len(index.catalog.chunk_ids()) >= FILES
