"""The BM25 index updated by differences scores exactly as a full rebuild and as ``bm25s`` itself."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import bm25s
import numpy as np
import pytest

import rag
from conftest import need_dataset
from ingest.pipeline import ingest
from rag.config import Settings
from rag.index import Index
from rag.keyword_index import POINTER, KeywordIndex, chunk_texts, tokenize
from rag.retrieve import Filters


@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], list[str]]:
    """SQuAD2 dev paragraphs (646) and 200 of their questions."""
    data = json.loads((need_dataset("squad2_cs224n_dev") / "dev-v2.0.json").read_text(encoding="utf-8"))["data"]
    paragraphs = [p["context"] for article in data for p in article["paragraphs"]]
    questions = [q["question"] for article in data for p in article["paragraphs"] for q in p["qas"]]
    return paragraphs, questions[::30][:200]


def all_scores(index: KeywordIndex, query: str, ids: np.ndarray) -> np.ndarray:
    """The index's score of every chunk in ``ids`` (0 when the query does not match it)."""
    found = dict(index.search(query, len(ids) + 1))
    return np.array([found.get(int(i), 0.0) for i in ids], dtype=np.float32)


def bm25s_scores(texts: list[str], query: str) -> np.ndarray:
    retriever = bm25s.BM25()
    retriever.index(tokenize(texts), show_progress=False)
    terms = retriever.get_tokens_ids(tokenize([query])[0])
    return retriever.get_scores(terms) if terms else np.zeros(len(texts), dtype=np.float32)


def assert_same(index: KeywordIndex, reference: KeywordIndex, questions: list[str], k: int = 10) -> None:
    ids = reference.ids
    assert np.array_equal(index.ids, ids) and len(index) == len(reference)
    for question in questions:
        assert np.allclose(all_scores(index, question, ids), all_scores(reference, question, ids), rtol=1e-6, atol=0)
        assert index.search(question, k) == reference.search(question, k), question


def incremental(paragraphs: list[str]) -> tuple[KeywordIndex, dict[int, str]]:
    """Built in batches, one paragraph changed (deleted, added again under a new id), some deleted."""
    texts = {i + 1: text for i, text in enumerate(paragraphs)}
    ids = np.array(sorted(texts))
    index = KeywordIndex.build(ids[:200], [texts[i] for i in ids[:200]], "a")
    for start in range(200, len(ids), 40):  # like one 10-page document at a time
        part = ids[start : start + 40]
        index = index.updated(part, [texts[i] for i in part], np.zeros(0, dtype=np.int64), f"b{start}")
    changed = 1000
    texts[changed] = texts.pop(5) + " Quintessa the zebra."
    index = index.updated(np.array([changed]), [texts[changed]], np.array([5]), "c")
    removed = np.arange(300, 340)
    for i in removed:
        texts.pop(int(i))
    return index.updated(np.zeros(0, dtype=np.int64), [], removed, "d"), texts


def test_incremental_updates_score_as_a_full_rebuild_and_as_bm25s(corpus):
    paragraphs, questions = corpus
    index, texts = incremental(paragraphs)
    assert len(index.segments) > 1
    ids = np.array(sorted(texts))
    full = KeywordIndex.build(ids, [texts[i] for i in ids], "d")
    assert_same(index, full, questions + ["Quintessa zebra"])
    for question in questions[:50]:
        assert np.allclose(all_scores(index, question, ids), bm25s_scores([texts[i] for i in ids], question), rtol=1e-6, atol=0)
    assert index.search("Quintessa", 3)[0][0] == 1000
    assert (index.max_id, len(index)) == (int(ids[-1]), len(ids))  # what a refresh compares, without sorting
    newest = index.updated(np.zeros(0, dtype=np.int64), [], np.array([1000]), "e")  # the largest id deleted
    assert (newest.max_id, len(newest)) == (int(ids[-2]), len(ids) - 1)


def test_merging_and_saving_keep_the_scores(corpus, tmp_path):
    paragraphs, questions = corpus
    index, texts = incremental(paragraphs)
    ids = np.array(sorted(texts))
    full = KeywordIndex.build(ids, [texts[i] for i in ids], "d")
    index.save(tmp_path)
    assert len(index.segments) < 4
    assert_same(index, full, questions)
    loaded = KeywordIndex.load(tmp_path)
    assert loaded is not None and loaded.stamp == "d"
    assert_same(loaded, full, questions)
    removed = ids[::3]  # a third deleted: the segment is rewritten without them at the next save
    smaller = loaded.updated(np.zeros(0, dtype=np.int64), [], removed, "e")
    smaller.save(tmp_path)
    assert not any(s.deleted.any() for s in smaller.segments)
    kept = np.setdiff1d(ids, removed)
    assert_same(KeywordIndex.load(tmp_path), KeywordIndex.build(kept, [texts[i] for i in kept], "e"), questions)
    assert [p.name for p in tmp_path.iterdir() if p.is_dir()] == [json.loads((tmp_path / POINTER).read_text())["folder"]]


def test_a_write_killed_midway_leaves_the_previous_version_readable(corpus, tmp_path):
    paragraphs, questions = corpus
    first = KeywordIndex.build(np.arange(1, 301), paragraphs[:300], "300:300")
    first.save(tmp_path)
    current = tmp_path / json.loads((tmp_path / POINTER).read_text())["folder"]
    # killed while writing the next version's folder, and after renaming it but before the pointer switch
    half = tmp_path / "keyword-1-1.tmp"
    shutil.copytree(current, half)
    next(half.glob("*.rows.npy")).write_bytes(b"\x93NUMPY")
    shutil.copytree(current, tmp_path / "keyword-2-2")
    loaded = KeywordIndex.load(tmp_path)
    assert loaded is not None and loaded.stamp == "300:300"
    assert_same(loaded, first, questions[:20])
    # the next save removes the leftovers
    loaded.updated(np.arange(301, 341), paragraphs[300:340], np.zeros(0, dtype=np.int64), "340:340").save(tmp_path)
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 1
    # a pointer to a damaged folder reads as no index (the catalog then rebuilds it), never as wrong scores
    folder = tmp_path / json.loads((tmp_path / POINTER).read_text())["folder"]
    next(folder.glob("*.tf.npy")).unlink()
    assert KeywordIndex.load(tmp_path) is None
    (tmp_path / POINTER).write_text(json.dumps({"folder": "../elsewhere", "stamp": "x"}), encoding="utf-8")
    assert KeywordIndex.load(tmp_path) is None


def test_allowed_ids_filter_the_search_with_unchanged_scores(corpus):
    paragraphs, questions = corpus
    index, texts = incremental(paragraphs)
    ids = np.array(sorted(texts))
    allowed = ids[::4]
    for question in questions[:50]:
        filtered = index.search(question, 10, allowed)
        assert {i for i, _ in filtered} <= set(allowed.tolist())
        every = dict(index.search(question, len(ids)))
        expected = sorted(((i, s) for i, s in every.items() if i in set(allowed.tolist())), key=lambda p: (-p[1], p[0]))
        assert filtered == expected[:10]
    assert index.search(questions[0], 10, np.zeros(0, dtype=np.int64)) == []
    assert KeywordIndex.build(np.zeros(0, dtype=np.int64), [], "").search("anything", 5) == []


def test_refresh_applies_the_catalog_difference_and_filters_by_collection(tmp_path, shared_embedder, monkeypatch):
    docs, other = tmp_path / "docs", tmp_path / "other"
    docs.mkdir(), other.mkdir()
    (docs / "zebra.txt").write_text("The zebra named Quintessa sleeps in the north paddock.", encoding="utf-8")
    (other / "okapi.txt").write_text("An okapi named Quintessa was seen near the paddock.", encoding="utf-8")
    settings = Settings(index_dir=tmp_path / "index", workers=1)
    ingest([docs, other], settings, embedder=shared_embedder)
    build = KeywordIndex.build

    def no_rebuild(ids, texts, stamp):
        assert not len(ids), "the keyword index should be updated by the difference, not rebuilt"
        return build(ids, texts, stamp)

    monkeypatch.setattr(KeywordIndex, "build", no_rebuild)
    ingest([other], settings, embedder=shared_embedder, collection="zoo")
    (docs / "giraffe.txt").write_text("The giraffe eats acacia leaves beside the paddock.", encoding="utf-8")
    (docs / "lion.txt").write_text("The lion naps in the south paddock at noon.", encoding="utf-8")
    ingest([docs], settings, embedder=shared_embedder)
    (docs / "zebra.txt").unlink()
    ingest([docs], settings, embedder=shared_embedder, prune=True)
    monkeypatch.undo()
    with Index.open(settings, shared_embedder) as index:
        ids, texts = chunk_texts(index.catalog, None)
        assert len(ids) == 4 and not any("zebra" in t for t in texts)
        assert_same(index.keyword, KeywordIndex.build(ids, texts, ""), ["Quintessa paddock", "giraffe", "okapi", "zebra"])
        zoo = index.catalog.filtered_chunk_ids(collection="zoo")
        assert [i for i, _ in index.keyword.search("Quintessa paddock", 5, zoo)] == zoo.tolist()
    with rag.open(settings.index_dir, embedder=shared_embedder, workers=1) as engine:
        hits = engine.retrieve("Quintessa", mode="keyword", filters=Filters(collection="zoo"))
        assert [Path(p.source).name for p in hits] == ["okapi.txt"]


def test_kept_scores_of_common_terms_are_the_same_scores(corpus, monkeypatch):
    paragraphs, questions = corpus
    index, texts = incremental(paragraphs)
    ids = np.array(sorted(texts))
    full = KeywordIndex.build(ids, [texts[i] for i in ids], "d")
    monkeypatch.setattr("rag.keyword_index.HOT_POSTINGS", 1)
    for _ in range(2):  # the second time from what the first kept
        assert_same(index, full, questions[:50])
    assert index._hot


def test_a_short_day_or_month_of_a_date_is_found_by_its_full_name():
    from rag.keyword_index import tokenize

    row, query = tokenize(["Staff: Sam Whitlock | Tue 11 Jun: 07:00-15:30", "when does Sam start on Tuesday in June"])
    assert {"tuesday", "june"} <= set(row) & set(query)
    assert "mar" in tokenize(["nothing will mar the view"])[0]  # a verb stays one


def test_a_file_name_words_find_its_chunks_and_an_old_index_is_rebuilt_with_them(tmp_path, shared_embedder):
    """A rota's rows never say "rota"; its file name does. An index saved before file names were read
    (no recipe in its state) is rebuilt with them when opened."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "rota_week_10.txt").write_text("Jodie works 06:30-13:00 on Wednesday.", encoding="utf-8")
    (docs / "menu.txt").write_text("Wednesday special: leek and potato soup.", encoding="utf-8")
    settings = Settings(index_dir=tmp_path / "index")
    ingest([docs], settings, embedder=shared_embedder)
    with Index.open(settings, shared_embedder) as index:
        ids, texts = chunk_texts(index.catalog, None)
        rota = next(int(i) for i, text in zip(ids, texts) if "Jodie" in text)
        assert index.keyword.search("rota on wednesday", 2)[0][0] == rota
    folder = settings.index_dir / json.loads((settings.index_dir / POINTER).read_text())["folder"]
    state = json.loads((folder / "state.json").read_text())
    (folder / "state.json").write_text(json.dumps({k: v for k, v in state.items() if k != "text"}))
    assert KeywordIndex.load(settings.index_dir) is None  # made from chunk texts alone: not used as it is
    with Index.open(settings, shared_embedder) as index:
        assert index.keyword.search("rota", 2)[0][0] == rota
