"""What the web UI asks of the engine: delete documents, collections, settings changed while running."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import rag
from rag.errors import ConfigError


@pytest.fixture
def engine(sample_index: Path, tmp_path: Path, shared_embedder):
    shutil.copytree(sample_index, tmp_path / "index")
    with rag.open(tmp_path / "index", embedder=shared_embedder, create=False) as engine:
        yield engine


def test_deleting_a_document_removes_its_chunks_from_both_searches_and_disk(engine, shared_embedder):
    doc = next(d for d in engine.documents() if d.path.endswith("travel_policy.docx"))
    question = "hotel cap per night"
    assert any(p.source == doc.path for p in engine.retrieve(question, k=5, mode="dense"))
    removed = engine.delete_documents([doc.id])
    assert removed == doc.n_chunks > 0
    for mode in ("dense", "keyword", "hybrid"):
        assert all(p.source != doc.path for p in engine.retrieve(question, k=10, mode=mode)), mode
    assert doc.path not in {d.path for d in engine.documents()}
    with rag.open(engine.settings.index_dir, embedder=shared_embedder, create=False) as reopened:  # saved on disk
        assert len(reopened.index.vectors) == len(engine.index.vectors) == reopened.index.catalog.count_chunks()
        assert all(p.source != doc.path for p in reopened.retrieve(question, k=10, mode="keyword"))


def test_collections_are_created_once_and_names_are_checked(engine):
    assert engine.create_collection("  Contracts   2026 ") == "Contracts 2026"
    engine.create_collection("Contracts 2026")
    assert engine.collections().count("Contracts 2026") == 1
    for bad in ("", "   ", "a/b", "..", "x" * 65, "nul\x00"):
        with pytest.raises(ConfigError):
            engine.create_collection(bad)


def test_configure_applies_to_the_next_question_and_guards_the_index(engine):
    question = "hotel cap per night"
    assert len(engine.retrieve(question)) == 3
    engine.configure(top_k=5, retrieval_mode="keyword")
    passages = engine.retrieve(question)
    assert len(passages) == 5 and all(p.dense_score is None for p in passages)
    model = engine.model
    engine.configure(temperature=0.5)
    assert engine.model is model  # retrieval and sampling changes keep the loaded model
    engine.configure(n_ctx=1024)
    assert engine.model is not model and engine.model.n_ctx == 1024
    with pytest.raises(ConfigError, match="cannot change"):
        engine.configure(embedding_model="other")
    with pytest.raises(ConfigError):
        engine.configure(top_k=0)
    assert engine.settings.top_k == 5
