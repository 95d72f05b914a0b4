from pathlib import Path

import numpy as np

from ingest.pipeline import ingest
from rag.index import Index
from rag.vector_index import VectorIndex


def unit(n: int, d: int = 32, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_exact_and_ivf_add_remove_list_save_load(tmp_path: Path):
    vectors, ids = unit(3000), np.arange(100, 3100, dtype=np.int64)
    for approximate in (False, True):
        index = VectorIndex.build(32, ids, vectors, approximate=approximate, nprobe=64)
        assert index.approximate is approximate and len(index) == 3000
        assert np.array_equal(np.sort(index.ids()), ids)
        assert index.remove([100, 101, 99999]) == 2
        scores, found = index.search(vectors[5:6], 1)
        assert found[0][0] == 105 and scores[0][0] > 0.99
        path = tmp_path / f"v{approximate}.faiss"
        index.save(path)
        loaded = VectorIndex.load(path, 32)
        assert len(loaded) == 2998 and loaded.approximate is approximate
        assert not (tmp_path / f"v{approximate}.faiss.tmp").exists()


def test_index_turns_approximate_above_threshold_and_back(settings, embedder, docs_dir: Path):
    settings.ann_threshold = 10
    report = ingest([docs_dir], settings, embedder=embedder)
    assert report.chunks >= 10
    with Index.open(settings, embedder) as index:
        assert index.vectors.approximate
        hits = index.search_vector(embedder.encode(["How long can the Aurora X2 fly?"])[0], k=3)
        assert any("47 minutes" in h.chunk.text for h in hits)
    for path in docs_dir.iterdir():
        if path.name != "weather_station_notes.txt":
            path.unlink()
    ingest([docs_dir], settings, embedder=embedder, prune=True)
    with Index.open(settings, embedder) as index:
        assert not index.vectors.approximate
        assert np.array_equal(np.sort(index.catalog.chunk_ids()), np.sort(index.vectors.ids()))


def test_orphan_and_missing_vectors_are_repaired_on_open(settings, embedder, docs_dir: Path):
    ingest([docs_dir], settings, embedder=embedder)
    with Index.open(settings, embedder) as index:
        ids = index.vectors.ids()
        index.vectors.remove(ids[:3].tolist())  # as if killed before FAISS was saved
        index.vectors.add(np.array([10**9], dtype=np.int64), unit(1, 384))  # an orphan
        index.vectors.save(settings.index_dir / "vectors.faiss")
    with Index.open(settings, embedder) as index:
        assert np.array_equal(np.sort(index.catalog.chunk_ids()), np.sort(index.vectors.ids()))


def test_single_query_runs_on_one_openmp_thread_with_the_same_results(monkeypatch):
    import faiss

    from rag import vector_index

    vectors, ids = unit(5000, 64, seed=1), np.arange(5000, dtype=np.int64)
    index = VectorIndex.build(64, ids, vectors, approximate=False)
    queries, allowed = unit(4, 64, seed=2), ids[::3]
    threads = faiss.omp_get_max_threads()
    batch = index.search(queries, 10)  # several queries: FAISS's default threads
    allowed_batch = index.search(queries, 10, allowed)
    seen = []
    scan = VectorIndex._search
    monkeypatch.setattr(VectorIndex, "_search", lambda *a: (seen.append(faiss.omp_get_max_threads()), scan(*a))[1])
    for row in range(len(queries)):
        for found, expected in ((index.search(queries[row:row + 1], 10), batch),
                                (index.search(queries[row:row + 1], 10, allowed), allowed_batch)):
            assert np.array_equal(found[1][0], expected[1][row]) and np.allclose(found[0][0], expected[0][row])
    assert set(seen) == {1}
    assert faiss.omp_get_max_threads() == threads  # the caller's setting is back
    monkeypatch.setattr(vector_index, "SINGLE_QUERY_THREADS", 0)
    seen.clear()
    index.search(queries[:1], 10)
    assert seen == [threads]


def test_a_big_index_file_is_rewritten_only_past_a_share_of_changes(settings, embedder, docs_dir: Path, monkeypatch):
    from rag import vector_index

    monkeypatch.setattr(vector_index, "REWRITE_MIN", 1)  # every index counts as big
    monkeypatch.setattr(vector_index, "REWRITE_SHARE", 0.5)
    notes = docs_dir / "weather_station_notes.txt"
    moved = notes.rename(docs_dir.parent / notes.name)
    ingest([docs_dir], settings, embedder=embedder)
    path = settings.index_dir / "vectors.faiss"
    first = (path.stat().st_ino, path.stat().st_mtime_ns)
    moved.rename(notes)
    ingest([docs_dir], settings, embedder=embedder)  # a few chunks more: the file stays, the catalog has them
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == first
    with Index.open(settings, embedder) as index:
        assert np.array_equal(np.sort(index.catalog.chunk_ids()), np.sort(index.vectors.ids()))
        stored = index.catalog.chunks_of(str(notes.resolve()))
        hits = index.search_vector(index.catalog.get_vectors([stored[0].id])[stored[0].id], k=1)
        assert hits[0].chunk.id == stored[0].id
    for path_ in docs_dir.iterdir():
        if path_ != notes:
            path_.unlink()
    ingest([docs_dir], settings, embedder=embedder, prune=True)  # most chunks gone: rewritten
    assert (path.stat().st_ino, path.stat().st_mtime_ns) != first
    with Index.open(settings, embedder) as index:
        assert np.array_equal(np.sort(index.catalog.chunk_ids()), np.sort(index.vectors.ids()))


def test_a_writer_adds_to_a_big_index_without_reading_its_faiss_file(settings, embedder, docs_dir: Path, monkeypatch):
    """Past ``REWRITE_MIN`` vectors an ingest reads FAISS only once the catalog differs from the file
    by ``REWRITE_SHARE``: below that the new vectors stay in the catalog and readers add them back."""
    import rag
    import rag.index
    from rag.manifest import MANIFEST, Manifest

    monkeypatch.setattr(rag.index, "REWRITE_MIN", 10)
    monkeypatch.setattr(rag.index, "REWRITE_SHARE", 0.5)
    monkeypatch.setattr("rag.vector_index.REWRITE_MIN", 10)
    monkeypatch.setattr("rag.vector_index.REWRITE_SHARE", 0.5)
    ingest([docs_dir], settings, embedder=embedder)
    saved = Manifest.read(settings.index_dir / MANIFEST)
    faiss_file = settings.index_dir / "vectors.faiss"
    version = faiss_file.stat().st_mtime_ns
    assert saved.vectors_count >= 10 and saved.vectors_max_id > 0

    reads = []
    real_load = VectorIndex.load
    monkeypatch.setattr(VectorIndex, "load", classmethod(lambda cls, *a, **k: reads.append(a) or real_load(*a, **k)))
    (docs_dir / "kiln.txt").write_text("The glaze kiln at the Harbour studio fires at 1,240 degrees for eleven hours.")
    report = ingest([docs_dir], settings, embedder=embedder)
    assert report.added == 1 and reads == []  # the writer never read FAISS
    assert faiss_file.stat().st_mtime_ns == version and Manifest.read(settings.index_dir / MANIFEST).vectors_max_id == saved.vectors_max_id
    with rag.open(settings.index_dir, embedder=embedder) as engine:  # a reader adds the catalog's newer vectors
        assert "1,240 degrees" in engine.retrieve("How hot does the glaze kiln fire?", k=1, mode="dense")[0].text
        assert sorted(engine.index.vectors.ids().tolist()) == sorted(engine.index.catalog.chunk_ids().tolist())

    late = Index.open(settings, embedder, defer_vectors=True)  # a writer that opened before the next one saved
    for path in list(docs_dir.iterdir())[: len(list(docs_dir.iterdir())) * 2 // 3]:
        path.unlink()  # most of the index deleted: past the share, the writer reads FAISS and rewrites it
    ingest([docs_dir], settings, embedder=embedder, prune=True)
    assert reads and faiss_file.stat().st_mtime_ns != version
    with late.write_lock():  # it takes the new file's record from the saved manifest, not its own old one
        late.save()
    late.close()
    with Index.open(settings, embedder) as index:
        assert not index.unsaved  # the manifest describes the file on disk: nothing to repair
        assert sorted(index.vectors.ids().tolist()) == sorted(index.catalog.chunk_ids().tolist())
        assert Manifest.read(settings.index_dir / MANIFEST).vectors_max_id == int(index.vectors.ids().max())


def test_manifests_written_at_once_by_several_writers_all_land(tmp_path: Path):
    """Two processes creating one new index both write its manifest outside the write lock; with a
    shared temporary name one renamed the other's file away (ENOENT, seen in CI)."""
    import threading

    from rag.manifest import MANIFEST, Manifest

    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for _ in range(200):
                Manifest("all-MiniLM-L6-v2", 384, catalog_id=str(n)).write(tmp_path / MANIFEST)
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Manifest.read(tmp_path / MANIFEST).catalog_id in {"0", "1", "2", "3"}
    assert [p.name for p in tmp_path.iterdir()] == [MANIFEST]  # no temporary file left behind
