"""Faults that break an index: damaged FAISS, catalog and manifest files, a full disk, a read-only
index, the catalog database stopped mid-ingest, two writers on a new index.

What must hold: the catalog is the source of truth and nothing read-only writes; a damaged FAISS
file is rebuilt from the catalog; anything else that is damaged or failing is exit 3 with one line
naming the cause, the index stays readable, and a rerun after the cause is gone completes.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import socket
import sqlite3
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
from rag.errors import IndexDamagedError, RagError, StorageError
from rag.index import LOCK, MANIFEST, VECTORS, Index, Manifest
from rag.vector_index import VectorIndex

QUESTION = "How long can the Aurora X2 fly?"
ANSWER = "47 minutes"


def copy_index(sample_index: Path, target: Path, **fields) -> Settings:
    shutil.copytree(sample_index, target)
    return Settings(index_dir=target, workers=1, **fields)


def top_hits(settings: Settings, embedder, question: str = QUESTION) -> list[tuple[int, float]]:
    with Index.open(settings, embedder) as index:
        return [(h.chunk.id, round(h.score, 4)) for h in index.search_vector(embedder.encode([question])[0], k=5)]


def assert_consistent(settings: Settings, embedder) -> None:
    """FAISS on disk passes its checksum and holds exactly the catalog's chunks."""
    manifest = Manifest.read(settings.index_dir / MANIFEST)
    on_disk = VectorIndex.load(settings.index_dir / VECTORS, manifest.dimension, checksum=manifest.vectors_checksum)
    with Index.open(settings, embedder) as index:
        assert np.array_equal(np.sort(index.catalog.chunk_ids()), np.sort(on_disk.ids()))
        assert not index.unsaved


def error_line(result: subprocess.CompletedProcess) -> str:
    """The one line an error exit printed, after checking it is exit 3 without a traceback."""
    assert result.returncode == 3, (result.returncode, result.stderr[-3000:])
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def search_cli(index: Path, question: str = QUESTION) -> subprocess.CompletedProcess:
    return run_rag("search", question, "--index", str(index), "--json", "--k", "3")


# ---- damaged FAISS ---------------------------------------------------------------------------


def _scramble(data: bytes) -> bytes:  # header and id map intact, the vectors random
    return data[:100] + np.random.default_rng(1).bytes(len(data) - 400) + data[-300:]


DAMAGES = {
    "random bytes": lambda data: np.random.default_rng(0).bytes(len(data)),
    "truncated": lambda data: data[: len(data) // 3],
    "scrambled vectors": _scramble,
}


@pytest.mark.parametrize("damage", [*DAMAGES, "scrambled, no checksum recorded"])
def test_damaged_faiss_is_rebuilt_from_the_catalog_and_saved_by_the_next_writer(damage, sample_index, tmp_path, embedder, caplog):
    settings = copy_index(sample_index, tmp_path / "index")
    want = top_hits(settings, embedder)
    path = settings.index_dir / VECTORS
    if damage.endswith("no checksum recorded"):  # an index saved before checksums were recorded
        values = json.loads((settings.index_dir / MANIFEST).read_text())
        del values["vectors_checksum"]
        (settings.index_dir / MANIFEST).write_text(json.dumps(values))
    path.write_bytes(DAMAGES.get(damage, _scramble)(path.read_bytes()))
    damaged = path.read_bytes()

    assert top_hits(settings, embedder) == want  # the same answers as before the damage
    assert "rebuilt from the catalog" in caplog.text
    assert path.read_bytes() == damaged  # a reader repairs in memory, never on disk

    ingest([SAMPLE_DOCS], settings, embedder=embedder)  # nothing to ingest: the writer saves the repair
    assert path.read_bytes() != damaged
    assert_consistent(settings, embedder)


def test_cli_search_and_ingest_work_over_a_garbled_faiss_file(sample_index, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(sample_index, index)
    (index / VECTORS).write_bytes(b"\x00garbage" * 100)
    result = search_cli(index)
    assert result.returncode == 0 and ANSWER in result.stdout, result.stderr[-2000:]
    result = run_rag("ingest", str(SAMPLE_DOCS), "--index", str(index))
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = Manifest.read(index / MANIFEST)
    VectorIndex.load(index / VECTORS, manifest.dimension, checksum=manifest.vectors_checksum)


# ---- damaged catalog -------------------------------------------------------------------------


def _replace_catalog(path: Path) -> None:
    path.unlink()
    Catalog(f"sqlite:///{path}").close()  # a new, empty catalog with its own id


def _drop_tables(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        for table in ("chunks", "documents", "collections", "rag_meta"):
            connection.execute(f"DROP TABLE {table}")


CATALOG_DAMAGES = {
    "deleted": Path.unlink,
    "emptied to 0 bytes": lambda path: path.write_bytes(b""),
    "tables dropped": _drop_tables,
    "replaced by a new catalog": _replace_catalog,
}


@pytest.mark.parametrize("damage", CATALOG_DAMAGES)
def test_an_emptied_or_deleted_catalog_is_an_error_never_a_wipe(damage, sample_index, tmp_path, embedder):
    settings = copy_index(sample_index, tmp_path / "index")
    catalog = settings.index_dir / "catalog.sqlite"
    for extra in ("-wal", "-shm"):
        Path(f"{catalog}{extra}").unlink(missing_ok=True)
    CATALOG_DAMAGES[damage](catalog)
    vectors = (settings.index_dir / VECTORS).read_bytes()
    for create in (False, True):  # a reader and a writer (an ingest) alike
        with pytest.raises(IndexDamagedError, match="catalog"):
            Index.open(settings, embedder, create=create)
    with pytest.raises(IndexDamagedError):
        ingest([SAMPLE_DOCS], settings, embedder=embedder)
    assert (settings.index_dir / VECTORS).read_bytes() == vectors


def test_cli_over_a_deleted_catalog_is_exit_3_and_leaves_faiss_alone(sample_index, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(sample_index, index)
    for name in ("catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm"):
        (index / name).unlink(missing_ok=True)
    vectors = (index / VECTORS).read_bytes()
    line = error_line(search_cli(index))
    assert "catalog" in line and "missing" in line and "rag ingest" in line
    assert (index / VECTORS).read_bytes() == vectors and not (index / "catalog.sqlite").exists()


def test_a_garbled_sqlite_page_is_a_damaged_index(sample_index, tmp_path, embedder):
    settings = copy_index(sample_index, tmp_path / "index")
    catalog = settings.index_dir / "catalog.sqlite"
    with sqlite3.connect(catalog) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(catalog.read_bytes())
    data[4096:] = np.random.default_rng(2).bytes(len(data) - 4096)  # every page but the schema
    catalog.write_bytes(bytes(data))
    with pytest.raises(IndexDamagedError, match="damaged"):
        Index.open(settings, embedder)
    line = error_line(search_cli(settings.index_dir))
    assert "damaged" in line


# ---- damaged manifest ------------------------------------------------------------------------


MANIFEST_DAMAGES = {
    "empty": lambda text: "",
    "invalid JSON": lambda text: text[: len(text) // 2],
    "not an object": lambda text: "[1, 2, 3]",
    "fields missing": lambda text: '{"dimension": 384}',
}


@pytest.mark.parametrize("damage", MANIFEST_DAMAGES)
def test_a_damaged_manifest_is_a_clear_error_that_ingest_repairs(damage, sample_index, tmp_path, embedder):
    settings = copy_index(sample_index, tmp_path / "index")
    want = top_hits(settings, embedder)
    path = settings.index_dir / MANIFEST
    path.write_text(MANIFEST_DAMAGES[damage](path.read_text()))
    with pytest.raises(IndexDamagedError, match="rag ingest"):
        Index.open(settings, embedder)
    ingest([SAMPLE_DOCS], settings, embedder=embedder)  # rewrites it from the catalog
    assert top_hits(settings, embedder) == want
    assert_consistent(settings, embedder)


def test_a_manifest_with_another_dimension_says_what_is_wrong_and_how_to_repair(sample_index, tmp_path, embedder):
    settings = copy_index(sample_index, tmp_path / "index")
    want = top_hits(settings, embedder)
    path = settings.index_dir / MANIFEST
    path.write_text(path.read_text().replace('"dimension": 384', '"dimension": 512'))
    line = error_line(search_cli(settings.index_dir))
    assert "512" in line and "384" in line and "delete it" in line
    path.unlink()  # as the message says
    ingest([SAMPLE_DOCS], settings, embedder=embedder)
    assert top_hits(settings, embedder) == want


def test_cli_over_an_empty_manifest_is_one_line_and_exit_3(sample_index, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(sample_index, index)
    (index / MANIFEST).write_text("")
    line = error_line(search_cli(index))
    assert "manifest.json" in line and "rag ingest" in line


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


def _open_catalog(url: str, barrier) -> str:
    barrier.wait()
    try:
        catalog = Catalog(url)
    except RagError as exc:
        return str(exc)
    catalog_id = catalog.meta()["catalog_id"]
    catalog.close()
    return catalog_id


def _new_database(request, backend: str, tmp_path: Path, trial: int) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / f'catalog{trial}.sqlite'}"
    return request.getfixturevalue("pg_database") if trial == 0 else create_pg_database(request.getfixturevalue("postgres_url"))


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_opening_a_new_catalog_from_several_processes_at_once(backend, request, tmp_path):
    context = multiprocessing.get_context("fork")
    with context.Pool(4) as pool, context.Manager() as manager:
        for trial in range(12 if backend == "sqlite" else 4):
            url = _new_database(request, backend, tmp_path, trial)
            barrier = manager.Barrier(4)
            ids = pool.starmap(_open_catalog, [(url, barrier)] * 4)
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
