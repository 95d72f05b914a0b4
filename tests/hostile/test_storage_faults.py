"""Storage that fails under an index: a full disk, a read-only index, the catalog database stopped
mid-ingest, two writers on a new index.

What must hold: anything failing is exit 3 with one line naming the cause, nothing already stored
is lost, the index stays readable, and a rerun after the cause is gone completes.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from filelock import FileLock

from conftest import ROOT, SAMPLE_DOCS, _pg_bin, create_pg_database, run_rag
from ingest.pipeline import ingest
from rag.catalog import Catalog
from rag.config import Settings
from rag.errors import StorageError
from rag.index import VECTORS, Index
from rag.write_lock import LOCK
from rag.vector_index import VectorIndex

from hostile.catalog_race import open_catalog
from hostile.faults import ANSWER, QUESTION, assert_consistent, copy_index, error_line, search_cli, top_hits


# ---- a full disk -----------------------------------------------------------------------------


@contextmanager
def mounted_tmpfs(size: str) -> Iterator[Path]:
    """A small tmpfs (a disk that fills up); needs root."""
    if os.geteuid() != 0:
        pytest.skip("a full disk is simulated with a small tmpfs, and mounting one needs root")
    folder = Path(tempfile.mkdtemp(prefix="rag-tmpfs-"))
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, text=True)
    if result.returncode:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        folder.rmdir()


def fill(disk: Path) -> Path:
    """A file taking every free byte of ``disk``."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        for block in (1 << 20, 1 << 12, 1):
            try:
                while True:
                    handle.write(b"\0" * block)
            except OSError:
                pass
    return filler


def test_disk_full_keeps_the_index_readable_and_a_rerun_completes(sample_index, tmp_path, embedder):
    docs = tmp_path / "docs"
    shutil.copytree(SAMPLE_DOCS, docs)
    (docs / "lighthouse.txt").write_text("The lighthouse keeper lit the lamp at dusk and logged the ships. " * 400)
    with mounted_tmpfs("16m") as disk:
        index = disk / "index"
        shutil.copytree(sample_index, index)
        filler = fill(disk)

        result = search_cli(index)  # opening an index never writes, so a full disk does not matter
        assert result.returncode == 0 and ANSWER in result.stdout, result.stderr[-2000:]
        line = error_line(run_rag("ingest", str(docs), "--index", str(index)))
        assert "disk full" in line or "SQLITE_IOERR" in line, line
        result = search_cli(index)
        assert result.returncode == 0 and ANSWER in result.stdout, result.stderr[-2000:]

        filler.unlink()
        result = run_rag("ingest", str(docs), "--index", str(index))
        assert result.returncode == 0, result.stderr[-2000:]
        settings = Settings(index_dir=index)
        assert "lighthouse" in Path(Index.open(settings, embedder).search_vector(
            embedder.encode(["Who lit the lamp at dusk?"])[0], k=1)[0].chunk.path).name
        assert_consistent(settings, embedder)


def test_faiss_save_on_a_full_disk_is_a_storage_error_and_the_old_file_stays(tmp_path):
    vectors = VectorIndex.build(8, np.arange(3), np.eye(3, 8, dtype=np.float32), approximate=False)
    with mounted_tmpfs("64k") as disk:
        path = disk / VECTORS
        vectors.save(path)
        before = path.read_bytes()
        fill(disk)
        bigger = VectorIndex.build(8, np.arange(5000), np.tile(np.eye(1, 8, dtype=np.float32), (5000, 1)), approximate=False)
        with pytest.raises(StorageError, match="disk full"):
            bigger.save(path)
        assert path.read_bytes() == before and not (disk / (VECTORS + ".tmp")).exists()


# ---- a read-only index -----------------------------------------------------------------------


@contextmanager
def read_only_view(folder: Path) -> Iterator[Path]:
    """``folder`` where nothing can be written: a read-only bind mount for root (which ignores
    permission bits), ``chmod -R a-w`` for anyone else."""
    if os.geteuid() != 0:
        subprocess.run(["chmod", "-R", "a-w", str(folder)], check=True)
        try:
            yield folder
        finally:
            subprocess.run(["chmod", "-R", "u+w", str(folder)], check=True)
        return
    view = Path(tempfile.mkdtemp(prefix="rag-ro-"))
    mounted = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True, text=True)
    if mounted.returncode:
        view.rmdir()
        pytest.skip(f"root ignores permission bits and a read-only bind mount failed: {mounted.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True, capture_output=True)
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], capture_output=True)
        view.rmdir()


def test_a_read_only_index_can_be_queried_and_ingest_says_why_it_cannot_write(sample_index, tmp_path, embedder):
    settings = copy_index(sample_index, tmp_path / "index")
    want = top_hits(settings, embedder)
    with read_only_view(settings.index_dir) as view:
        listing = sorted(os.listdir(view))
        assert top_hits(Settings(index_dir=view), embedder) == want
        result = search_cli(view)
        assert result.returncode == 0 and ANSWER in result.stdout, result.stderr[-2000:]
        result = run_rag("docs", "--index", str(view), "--json")
        assert result.returncode == 0 and "aurora_x2_drone" in result.stdout, result.stderr[-2000:]
        line = error_line(run_rag("ingest", str(SAMPLE_DOCS), "--index", str(view)))
        assert "read-only" in line or "permission denied" in line, line
        assert sorted(os.listdir(view)) == listing


# ---- the catalog database stopped mid-ingest -------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnPostgres:
    """A PostgreSQL server of this test alone, so stopping it disturbs no other test."""

    def __init__(self, base: Path) -> None:
        bindir = _pg_bin()
        if bindir is None:
            pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
        pytest.importorskip("psycopg")
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(base, "postgres")
        self.bindir, self.base, self.port = bindir, base, _free_port()
        self.data = base / "data"
        self._pg("initdb", "-D", str(self.data), "-A", "trust", "-U", "rag", "--no-sync")
        self.url = f"postgresql+psycopg://rag@127.0.0.1:{self.port}/postgres"

    def _pg(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bindir / tool), *args], check=True, capture_output=True)

    def start(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.base / "server.log"), "-w", "-o",
                 f"-h 127.0.0.1 -p {self.port} -k {self.base} -c fsync=off", "start")

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")


@pytest.fixture
def own_postgres() -> Iterator[OwnPostgres]:
    base = Path(tempfile.mkdtemp(prefix="rag-pg-own-"))
    server = OwnPostgres(base)
    server.start()
    try:
        yield server
    finally:
        subprocess.run([*server.as_user, str(server.bindir / "pg_ctl"), "-D", str(server.data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def test_postgres_stopped_mid_ingest_is_a_storage_error_and_a_rerun_completes(own_postgres, tmp_path, embedder, monkeypatch):
    settings = Settings(index_dir=tmp_path / "index", workers=1, catalog_url=own_postgres.url)
    stored = []
    original = Catalog.store_document

    def store_then_stop(self, *args, **kwargs):  # the server goes down after the second document
        stored.append(original(self, *args, **kwargs))
        if len(stored) == 2:
            own_postgres.stop()
        return stored[-1]

    monkeypatch.setattr(Catalog, "store_document", store_then_stop)
    with pytest.raises(StorageError, match="unreachable"):  # the Python API raises RagError, not SQLAlchemy's
        ingest([SAMPLE_DOCS], settings, embedder=embedder)
    monkeypatch.undo()

    env = {"RAG_CATALOG_URL": own_postgres.url}
    line = error_line(run_rag("search", QUESTION, "--index", str(settings.index_dir), env=env))
    assert "unreachable" in line and "127.0.0.1" in line

    own_postgres.start()
    report = ingest([SAMPLE_DOCS], settings, embedder=embedder)
    assert report.failed == 0 and report.unchanged == 2
    assert_consistent(settings, embedder)
    assert any(ANSWER in text for text in _texts(settings, embedder))


def _texts(settings: Settings, embedder) -> list[str]:
    with Index.open(settings, embedder) as index:
        return [h.chunk.text for h in index.search_vector(embedder.encode([QUESTION])[0], k=3)]


# ---- two writers -----------------------------------------------------------------------------


def _new_database(request, backend: str, tmp_path: Path, trial: int) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / f'catalog{trial}.sqlite'}"
    return request.getfixturevalue("pg_database") if trial == 0 else create_pg_database(request.getfixturevalue("postgres_url"))


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_opening_a_new_catalog_from_several_processes_at_once(backend, request, tmp_path):
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool, context.Manager() as manager:
        for trial in range(12 if backend == "sqlite" else 4):
            url = _new_database(request, backend, tmp_path, trial)
            barrier = manager.Barrier(4)
            ids = pool.starmap(open_catalog, [(url, barrier)] * 4)
            assert len(set(ids)) == 1 and len(ids[0]) == 32, ids  # one catalog, no "already exists"


def test_two_ingests_on_a_new_index_both_succeed(tmp_path, embedder):
    index = tmp_path / "index"
    command = [sys.executable, "-m", "rag.cli", "ingest", str(SAMPLE_DOCS), "--index", str(index)]
    processes = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in processes]
    for code, stderr in results:
        assert code == 0 and "Traceback" not in stderr, stderr[-3000:]
    assert_consistent(Settings(index_dir=index), embedder)


def test_a_waiting_writer_says_it_waits_and_then_finishes(sample_index, tmp_path, embedder):
    settings = copy_index(sample_index, tmp_path / "index")
    lock = FileLock(str(settings.index_dir / LOCK))
    lock.acquire()
    (settings.index_dir / LOCK).write_text("424242\n")
    process = subprocess.Popen([sys.executable, "-m", "rag.cli", "ingest", str(SAMPLE_DOCS), "--index", str(settings.index_dir)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr), daemon=True)
    reader.start()
    deadline = time.monotonic() + 300
    while not any("waiting for another writer" in line for line in lines):
        assert process.poll() is None and time.monotonic() < deadline, "".join(lines)
        time.sleep(0.2)
    assert any("424242" in line for line in lines)
    lock.release()
    assert process.wait(timeout=300) == 0, "".join(lines)
    reader.join(timeout=10)
    assert not any("repaired" in line or "FAISS was behind" in line for line in lines), "".join(lines)
    assert_consistent(settings, embedder)
