"""bench/million.py at a few thousand chunks, through the same path as the 1M run: composed chunks
bulk-loaded into the catalog, FAISS built approximate, then searched through the product."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

import rag
from bench import million
from tests.conftest import need_dataset


def test_composed_corpus_through_the_real_index(tmp_path: Path, embedder):
    need_dataset("squad2_cs224n_dev")
    need_dataset("pubmedqa")
    sentences, sentence_vecs = million.sentence_vectors(tmp_path, embedder, limit=600)
    groups = [g[g < len(sentences)] for g in million.distinct_sentences()[1]]
    composition = million.compose(4000, [g for g in groups if len(g)])
    folder = tmp_path / "index"
    built = million.build_index(folder, composition, sentences, sentence_vecs, embedder, ann_threshold=1000)
    assert built["chunks"] == 4000 and built["documents"] == 100

    asked = million.questions(40)
    with rag.open(folder, embedder=embedder, create=False, ann_threshold=1000) as engine:
        assert isinstance(faiss.downcast_index(engine.index.vectors.index), faiss.IndexIVFScalarQuantizer)
        assert million.ann_recall(engine.index, composition, sentence_vecs, embedder.encode(asked)) >= 0.95
        first = million.chunk_text(composition, sentences, 0)
        passages = engine.retrieve(first, k=3, mode="hybrid")
        assert passages and passages[0].text == first and passages[0].page == 1


def test_composed_vector_is_the_normalised_mean_of_its_sentences():
    vecs = np.eye(4, 8, dtype=np.float32)
    composition = million.Composition(np.array([0, 2, 5]), np.array([0, 1, 1, 2, 3]))
    got = million.chunk_vectors(composition, vecs)
    assert np.allclose(got[0], (vecs[0] + vecs[1]) / np.sqrt(2))
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0)
