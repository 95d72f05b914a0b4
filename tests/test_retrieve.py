"""Retrieval over real indexes: dense, BM25 and hybrid, filters, MMR, BM25 kept in step with ingests."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import rag
from conftest import run_rag
from ingest.pipeline import ingest
from rag.index import Index
from rag.retrieve import Filters, mmr, rrf, score_fusion

FACTS = [  # question, file it is in, a string of the passage that holds it
    ("How long can the Aurora X2 fly on one battery?", "aurora_x2_drone.html", "47 minutes"),
    ("What is the chlorine contact time?", "water_treatment_report_2023.pdf", "35 minutes"),
    ("expected downtime of the database migration", "maintenance_window.eml", "72 minutes"),
    ("mileage reimbursement for private car use", "travel_policy.docx", "0.42 euros"),
    ("W-778 units in stock", "warehouse_inventory.xlsx", "1284"),
    ("public launch date of Project Osprey", "project_osprey_kickoff.pptx", "14 September 2025"),
    ("What is the name of the sourdough starter?", "bakery_handbook.md", "Bartholomew"),
    ("rainfall in March 2024 at the weather station", "weather_station_notes.txt", "212 millimetres"),
]


@pytest.fixture(scope="module")
def engine(sample_index: Path, shared_embedder):
    with rag.open(sample_index, embedder=shared_embedder, create=False) as engine:
        yield engine


@pytest.mark.parametrize("mode", ["hybrid", "dense", "keyword"])
def test_each_mode_finds_facts_in_every_format(engine, mode):
    found = 0
    for question, name, fact in FACTS:
        passages = engine.retrieve(question, k=3, mode=mode)
        found += any(Path(p.source).name == name and fact in p.text.replace(",", "") for p in passages)
    # hybrid and dense find all; BM25 alone misses paraphrases
    assert found >= (len(FACTS) if mode != "keyword" else len(FACTS) - 2), f"{mode}: {found}/{len(FACTS)}"


def test_passages_carry_provenance_and_scores(engine):
    (top, *_) = engine.retrieve("What is the chlorine contact time?", k=3)
    assert Path(top.source).name == "water_treatment_report_2023.pdf" and Path(top.source).is_absolute()
    assert top.page in (2, 3) and top.pages and top.heading_path
    assert 0 <= top.char_start < top.char_end and top.file_type == "pdf" and top.collection == "default"
    assert top.dense_score is not None and top.dense_score > 0.4
    assert top.keyword_score is not None and top.keyword_score > 0
    assert top.score == pytest.approx(1.0)  # first in both searches: normalised 1 in each, weights 0.5 + 0.5


def test_filters_by_type_glob_and_collection(engine, tmp_path, shared_embedder):
    pdf_only = engine.retrieve("budget", k=5, filters=Filters(file_types=("pdf",)))
    assert pdf_only and {p.file_type for p in pdf_only} == {"pdf"}
    slides = engine.retrieve("budget", k=5, filters=Filters(path_glob="*osprey*"))
    assert slides and {Path(p.source).name for p in slides} == {"project_osprey_kickoff.pptx"}
    assert engine.retrieve("budget", filters=Filters(collection="no-such-collection")) == []

    # two collections in one index: each search sees its own
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "alpha.txt").write_text("The quokka enclosure opens at nine in the morning.", encoding="utf-8")
    (tmp_path / "b" / "beta.txt").write_text("The quokka enclosure closes at five in the afternoon.", encoding="utf-8")
    with rag.open(tmp_path / "index", embedder=shared_embedder, workers=1) as two:
        two.ingest([tmp_path / "a"], collection="first")
        two.ingest([tmp_path / "b"], collection="second")
        assert len(two.retrieve("quokka enclosure", k=5)) == 2
        (hit,) = two.retrieve("quokka enclosure", k=5, filters=Filters(collection="second"))
        assert Path(hit.source).name == "beta.txt" and hit.collection == "second"


def test_mmr_trades_relevance_for_diversity(engine):
    plain = engine.retrieve("water treatment plant", k=3, mode="dense")
    diverse = engine.retrieve("water treatment plant", k=3, mode="dense", mmr_lambda=0.3)
    assert len(diverse) == 3 and plain[0].chunk_id == diverse[0].chunk_id
    assert len({Path(p.source).name for p in diverse}) > len({Path(p.source).name for p in plain})


def test_empty_query_and_bad_mode(engine):
    assert engine.retrieve("   ") == []
    with pytest.raises(rag.RagError, match="retrieval mode"):
        engine.retrieve("x", mode="fuzzy")


def test_rrf_and_mmr_by_hand():
    fused = rrf([[1, 2, 3], [3, 1]], k=60)
    assert fused[1] == pytest.approx(1 / 61 + 1 / 62) and fused[3] == pytest.approx(1 / 63 + 1 / 61)
    assert sorted(fused, key=lambda i: -fused[i]) == [1, 3, 2]
    vectors = np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32)  # 0 and 1 are duplicates
    assert mmr(np.array([1.0, 0.9, 0.5]), vectors, 2, 1.0) == [0, 1]
    assert mmr(np.array([1.0, 0.9, 0.5]), vectors, 2, 0.5) == [0, 2]


def test_score_fusion_by_hand():
    # dense cosines 0.8, 0.6, 0.4 -> 1, 0.5, 0; BM25 10, 5 -> 1, 0
    fused = score_fusion([[(1, 0.8), (2, 0.6), (3, 0.4)], [(3, 10.0), (4, 5.0)]], [0.5, 0.5])
    assert fused == pytest.approx({1: 0.5, 2: 0.25, 3: 0.5, 4: 0.0})
    assert score_fusion([[(7, 0.3)], []], [0.5, 0.5]) == {7: 0.0}  # one candidate: span 0, still kept
    assert score_fusion([[], []], [0.5, 0.5]) == {}


def test_both_fusions_rank_the_exact_match_first(engine):
    try:
        for fusion in ("score", "rrf"):
            engine.configure(fusion=fusion)
            passages = engine.retrieve("mileage rate for private cars", k=3, mode="hybrid")
            assert Path(passages[0].source).name == "travel_policy.docx", fusion
    finally:
        engine.configure(fusion="score")


def test_keyword_index_follows_incremental_ingest_and_is_persisted(tmp_path, shared_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    note = docs / "note.txt"
    note.write_text("The zebra named Quintessa sleeps in the north paddock.", encoding="utf-8")
    (docs / "other.txt").write_text("Opening hours of the reptile house are nine to five.", encoding="utf-8")
    settings = rag.Settings(index_dir=tmp_path / "index", workers=1)

    def keyword_hits(query: str) -> list[str]:
        with Index.open(settings, shared_embedder) as index:
            assert not index.refresh_keyword(), "the saved BM25 index should already match the catalog"
            return [index.catalog.get_chunks([i])[i].text for i, _ in index.keyword.search(query, 5)]

    ingest([docs], settings, embedder=shared_embedder)
    assert any("Quintessa" in t for t in keyword_hits("Quintessa"))
    note.write_text("The giraffe named Bartholemew eats acacia leaves.", encoding="utf-8")
    ingest([docs], settings, embedder=shared_embedder)
    assert keyword_hits("Quintessa") == []
    assert any("Bartholemew" in t for t in keyword_hits("Bartholemew"))
    note.unlink()
    ingest([docs], settings, embedder=shared_embedder, prune=True)
    assert keyword_hits("Bartholemew") == []
    assert keyword_hits("reptile")
    assert len(list((tmp_path / "index").glob("keyword-*"))) == 1  # old copies are removed


def test_engine_sees_an_ingest_by_another_process(tmp_path, shared_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "first.txt").write_text("The lighthouse keeper logs the weather every hour.", encoding="utf-8")
    with rag.open(tmp_path / "index", embedder=shared_embedder, workers=1) as engine:
        engine.ingest([docs])
        assert engine.retrieve("okapi", mode="keyword") == []
        (docs / "second.txt").write_text("An okapi was seen near the lighthouse on Tuesday.", encoding="utf-8")
        result = run_rag("ingest", str(docs), "--index", str(tmp_path / "index"), "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout.strip().splitlines()[-1])["added"] == 1
        hits = engine.retrieve("okapi", mode="keyword")
        assert [Path(p.source).name for p in hits] == ["second.txt"]
        assert Path(engine.retrieve("okapi near the lighthouse", mode="dense", k=1)[0].source).name == "second.txt"


def test_search_cli_json(sample_index):
    result = run_rag("search", "chlorine contact time", "--index", str(sample_index), "--k", "2", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(payload["passages"]) == 2
    assert Path(payload["passages"][0]["source"]).name == "water_treatment_report_2023.pdf"
    assert {"source", "page", "heading", "score", "text"} <= set(payload["passages"][0])


def test_optional_cross_encoder_reorders_candidates(sample_index, shared_embedder):
    # No reranker model ships offline; a CrossEncoder built on the MiniLM folder (its scoring head
    # freshly initialised) exercises the whole path: load from a local folder, score, reorder.
    from rag.embed import resolve_model_path

    with rag.open(sample_index, embedder=shared_embedder, create=False, reranker_model=str(resolve_model_path("all-MiniLM-L6-v2"))) as engine:
        passages = engine.retrieve("What is the chlorine contact time?", k=4)
    scores = [p.rerank_score for p in passages]
    assert len(passages) == 4 and None not in scores and scores == sorted(scores, reverse=True)
    assert [p.score for p in passages] == scores


def test_missing_reranker_folder_is_a_clear_error(sample_index, shared_embedder, tmp_path):
    with rag.open(sample_index, embedder=shared_embedder, create=False, reranker_model=str(tmp_path / "nope")) as engine:
        with pytest.raises(rag.RagError, match="is not a local folder"):
            engine.retrieve("chlorine")


def test_concurrent_queries_are_encoded_in_one_batch_with_the_same_vectors(shared_embedder):
    """What a server's many simultaneous searches do: every thread gets its own query's vector."""
    import threading

    queries = [f"question number {n} about the sourdough starter and ferry times" for n in range(24)]
    alone = [shared_embedder.encode_query(q) for q in queries]  # one at a time (int8 vectors depend a little on their batch)
    calls_before = shared_embedder.calls
    results: dict[int, np.ndarray] = {}
    start = threading.Barrier(len(queries))

    def ask(n: int) -> None:
        start.wait()
        results[n] = shared_embedder.encode_query(queries[n])

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(len(queries))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n in range(len(queries)):
        assert np.allclose(results[n], alone[n], atol=1e-5)
    assert shared_embedder.calls - calls_before < len(queries)  # batched, not one encode per query


def test_the_same_text_twice_is_one_passage(tmp_path, shared_embedder):
    # the same file saved twice in a folder (or a document that repeats itself) must not fill the
    # passages with copies and leave out the one that answers
    docs = tmp_path / "docs"
    docs.mkdir()
    text = "The harbour pilot boards incoming ships at the outer buoy, two nautical miles out."
    (docs / "pilot-guide.txt").write_text(text, encoding="utf-8")
    (docs / "pilot-guide (1).txt").write_text(text, encoding="utf-8")
    (docs / "fees.txt").write_text("A harbour pilot costs 420 euros per passage.", encoding="utf-8")
    with rag.open(tmp_path / "index", embedder=shared_embedder, workers=1) as engine:
        engine.ingest([docs])
        for mode in ("hybrid", "dense", "keyword"):
            passages = engine.retrieve("Where does the harbour pilot board ships?", mode=mode, k=2)
            assert len(passages) == 2 and len({p.text for p in passages}) == 2, mode
            assert any("420 euros" in p.text for p in passages), mode
