"""Two `rag serve` processes over one PostgreSQL catalog and one index folder: a document uploaded
through one is found through the other; `kill -9` of one during an ingest leaves the other
serving, and a rerun leaves catalog and FAISS consistent. Real servers, real PostgreSQL."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import ROOT, SAMPLE_DOCS
from ingest.pipeline import ingest
from rag.config import Settings
from rag.index import Index

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Replica:
    def __init__(self, index: Path, catalog_url: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "RAG_CATALOG_URL": catalog_url, "RAG_PARSE_TIMEOUT_S": "120"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "rag.cli", "serve", "--index", str(index), "--port", str(self.port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"replica exited: {self.process.stderr.read()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise AssertionError("replica did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()


def _search(replica: Replica, query: str) -> list[dict]:
    response = httpx.post(f"{replica.url}/v1/search", json={"query": query, "k": 3}, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()["passages"]


def test_two_replicas_share_one_postgresql_catalog(tmp_path: Path, pg_database: str, shared_embedder):
    index = tmp_path / "index"
    ingest([SAMPLE_DOCS], Settings(index_dir=index, catalog_url=pg_database, workers=1), embedder=shared_embedder)
    one, two = Replica(index, pg_database), Replica(index, pg_database)
    try:
        one.wait_ready()
        two.wait_ready()
        fact = b"The ferry to Lindholm leaves at 07:40 on weekdays and at 09:15 on Sundays."
        job = httpx.post(f"{one.url}/v1/documents", files={"files": ("ferry.txt", fact, "text/plain")}, timeout=60).json()
        for _ in range(600):
            status = httpx.get(f"{one.url}{job['status_url']}", timeout=10).json()
            if status["status"] in ("done", "failed"):
                break
            time.sleep(0.2)
        assert status["status"] == "done", status
        seen_at = time.monotonic()
        while "07:40" not in _search(two, "When does the ferry to Lindholm leave?")[0]["text"]:
            assert time.monotonic() - seen_at < 5, "the other replica did not see the new document within 5 s"
            time.sleep(0.2)

        # kill -9 one replica in the middle of an ingest of many files: the other keeps serving
        files = [("files", (f"note_{n:03d}.txt", (f"Inspection note {n}: valve {n} of pump station {n % 9} was "
                                                    f"serviced on day {n} by crew {n % 4}. " * 20).encode(), "text/plain"))
                 for n in range(120)]
        started = httpx.post(f"{one.url}/v1/documents", files=files, timeout=120).json()
        for _ in range(600):
            progress = httpx.get(f"{one.url}{started['status_url']}", timeout=10).json()
            if progress["files_done"] >= 5 or progress["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert progress["status"] == "running", progress
        os.kill(one.process.pid, signal.SIGKILL)
        one.process.wait(10)
        assert httpx.get(f"{two.url}/healthz", timeout=10).status_code == 200
        assert "07:40" in _search(two, "When does the ferry to Lindholm leave?")[0]["text"]
    finally:
        one.stop()
        two.stop()

    # a rerun over the uploads finishes the killed ingest; catalog and FAISS agree
    settings = Settings(index_dir=index, catalog_url=pg_database, workers=1)
    uploads = next(p for p in settings.resolved_upload_dir.iterdir() if p.is_dir())
    report = ingest([uploads], settings, embedder=shared_embedder)
    assert report.failed == 0
    with Index.open(settings, shared_embedder) as opened:
        assert sorted(opened.vectors.ids().tolist()) == sorted(opened.catalog.chunk_ids().tolist())
        names = {Path(d.path).name for d in opened.catalog.documents()}
        assert {f"note_{n:03d}.txt" for n in range(120)} <= names and "ferry.txt" in names
