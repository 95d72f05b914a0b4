"""The catalog and the index against SQLite and a real PostgreSQL server started by the tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ingest.pipeline import ingest
from rag.catalog import Catalog
from rag.config import Settings
from rag.errors import CatalogError
from rag.index import Index
from rag.records import Chunk, SourceFile


def source(path: str, sha: str) -> SourceFile:
    return SourceFile(path=path, size=10, mtime=1.0, sha256=sha, file_type="txt")


def chunks(*texts: str) -> list[Chunk]:
    return [Chunk(ordinal=i, text=t, char_start=0, char_end=len(t), pages=(1,), heading_path=("H",), element_types=("NarrativeText",)) for i, t in enumerate(texts)]


def test_store_replace_fail_and_delete(catalog_url: str):
    catalog = Catalog(catalog_url)
    cid = catalog.collection_id("default")
    assert catalog.collection_id("default") == cid
    vectors = np.eye(2, 4, dtype=np.float32)
    removed, ids = catalog.store_document(cid, source("/d/a.txt", "s1"), chunks("alpha", "beta"), vectors, 11)
    assert removed == [] and len(ids) == 2
    state = catalog.document_states(cid)["/d/a.txt"]
    assert state.is_current("s1") and not state.is_current("s2")

    removed, new_ids = catalog.store_document(cid, source("/d/a.txt", "s2"), chunks("gamma"), vectors[:1], 5)
    assert sorted(removed) == sorted(ids) and not set(new_ids) & set(ids)
    assert catalog.count_chunks() == 1
    got_ids, got_vectors = next(catalog.iter_vectors())
    assert list(got_ids) == new_ids and np.array_equal(got_vectors, vectors[:1])
    stored = catalog.get_chunks(new_ids)[new_ids[0]]
    assert (stored.text, stored.pages, stored.heading_path) == ("gamma", (1,), ("H",))

    catalog.record_failure(cid, source("/d/a.txt", "s3"), "parser failed: boom")
    state = catalog.document_states(cid)["/d/a.txt"]
    assert state.status == "failed" and state.is_current("s3")
    assert catalog.count_chunks() == 1  # the good version's chunks stay
    info = catalog.documents()[0]
    assert info.error == "parser failed: boom" and info.n_chunks == 1

    assert catalog.delete_documents([state.id]) == new_ids
    assert catalog.count_chunks() == 0 and catalog.documents() == []
    catalog.close()


def test_document_states_of_some_paths_or_under_a_folder(catalog_url: str):
    """What an ingest of one file or folder reads instead of every document's state (SQLite and PostgreSQL)."""
    catalog = Catalog(catalog_url)
    cid = catalog.collection_id("default")
    paths = ["/d/a.txt", "/d/a/x.txt", "/d/a/y/z.txt", "/d/ab.txt", "/d/A/q.txt", "/d/50%_off/p.txt", "/d/50xyoff/p.txt", "/e/a.txt"]
    for path in paths:
        catalog.record_failure(cid, source(path, "s"), "x")
    assert set(catalog.document_states(cid)) == set(paths)
    assert set(catalog.document_states(cid, paths=["/d/ab.txt", "/e/a.txt", "/nope.txt"])) == {"/d/ab.txt", "/e/a.txt"}
    assert set(catalog.document_states(cid, paths=[])) == set()
    under = set(catalog.document_states(cid, under=["/d/a"]))
    assert {"/d/a/x.txt", "/d/a/y/z.txt"} <= under <= {"/d/a/x.txt", "/d/a/y/z.txt", "/d/A/q.txt"}  # SQLite's LIKE ignores case
    assert set(catalog.document_states(cid, under=["/d/a.txt"])) == {"/d/a.txt"}
    assert set(catalog.document_states(cid, under=["/d/50%_off"])) == {"/d/50%_off/p.txt"}  # % and _ are not wildcards
    assert set(catalog.document_states(cid, under=["/"])) == set(paths)
    catalog.close()


def test_bulk_store_of_new_documents(catalog_url: str):
    catalog = Catalog(catalog_url)
    cid = catalog.collection_id("default")
    vectors = np.eye(3, 4, dtype=np.float32)
    added = catalog.store_documents(cid, [(source("/d/a.txt", "s1"), chunks("alpha", "beta"), vectors[:2], 11),
                                          (source("/d/b.txt", "s2"), chunks("gamma"), vectors[2:], 5)])
    assert added == 3 and catalog.count_chunks() == 3
    assert {d.path: d.n_chunks for d in catalog.documents()} == {"/d/a.txt": 2, "/d/b.txt": 1}
    assert catalog.document_states(cid)["/d/b.txt"].is_current("s2")
    stored = catalog.chunks_of("/d/a.txt")
    assert [c.text for c in stored] == ["alpha", "beta"] and stored[0].heading_path == ("H",)
    got_ids, got_vectors = next(catalog.iter_vectors())
    assert np.array_equal(got_vectors, vectors) and list(got_ids) == sorted(got_ids)
    with pytest.raises(CatalogError):  # a path already stored: nothing of the batch is written
        catalog.store_documents(cid, [(source("/d/c.txt", "s3"), chunks("delta"), vectors[:1], 5),
                                      (source("/d/a.txt", "s4"), chunks("epsilon"), vectors[:1], 7)])
    assert catalog.count_chunks() == 3 and len(catalog.documents()) == 2
    catalog.close()


def test_full_ingest_on_each_catalog_backend(catalog_url: str, tmp_path: Path, embedder, docs_dir: Path):
    settings = Settings(index_dir=tmp_path / "index", catalog_url=catalog_url, workers=1)
    report = ingest([docs_dir], settings, embedder=embedder)
    assert report.added == 9 and report.failed == 0
    again = ingest([docs_dir], settings, embedder=embedder)
    assert again.unchanged == 9 and again.embedded == 0
    with Index.open(settings, embedder) as index:
        assert np.array_equal(np.sort(index.catalog.chunk_ids()), np.sort(index.vectors.ids()))
        hits = index.search_vector(embedder.encode(["What is the sourdough starter called?"])[0], k=2)
        assert "Bartholomew" in hits[0].chunk.text
