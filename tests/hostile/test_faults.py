"""Damaged index files: FAISS, catalog and manifest.

What must hold: the catalog is the source of truth and nothing read-only writes; a damaged FAISS
file is rebuilt from the catalog; a damaged catalog or manifest is exit 3 with one line naming the
cause, the index stays readable, and a rerun after the cause is gone completes. The failures of
storage (a full disk, a read-only index, a stopped database, two writers) are in test_storage_faults.py.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from conftest import SAMPLE_DOCS, run_rag
from ingest.pipeline import ingest
from rag.catalog import Catalog
from rag.errors import IndexDamagedError
from rag.index import MANIFEST, VECTORS, Index, Manifest
from rag.vector_index import VectorIndex

from hostile.faults import ANSWER, assert_consistent, copy_index, error_line, search_cli, top_hits


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
