"""Query -> passages: dense (FAISS) and keyword (BM25) search fused by normalised scores (or by
reciprocal rank fusion), then optional cross-encoder reranking and MMR diversity, with filters on
collection, path and type.

In hybrid mode BM25 runs on a worker thread while the query is being embedded (both release the
GIL for most of their work), so the two searches cost about as much as the slower one.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import numpy as np

from rag.config import Settings
from rag.embed import Embedder
from rag.errors import ConfigError, ModelNotFoundError
from rag.index import Index
from rag.records import Passage, StoredChunk
from rag.titles import title_line, top_heading

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "keyword"]
MODES: tuple[str, ...] = ("hybrid", "dense", "keyword")


@dataclass(frozen=True)
class Filters:
    """Restrict a search to documents of one collection, whose path (or file name) matches a glob,
    or of some file types (extensions without the dot)."""

    collection: str | None = None
    path_glob: str | None = None
    file_types: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.collection or self.path_glob or self.file_types)


def rrf(rankings: list[list[int]], k: int = 60) -> dict[int, float]:
    """Reciprocal rank fusion: each id scores the sum over rankings of 1 / (k + its rank from 1)."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, chunk_id in enumerate(ranking, start=1):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (k + rank)
    return fused


def score_fusion(rankings: list[list[tuple[int, float]]], weights: list[float]) -> dict[int, float]:
    """Weighted sum of each search's scores, min-max normalised over its own candidates (an id
    missing from a search gets 0 from it)."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        if not ranking:
            continue
        values = [s for _, s in ranking]
        low, span = min(values), (max(values) - min(values)) or 1.0
        for chunk_id, value in ranking:
            fused[chunk_id] = fused.get(chunk_id, 0.0) + weight * (value - low) / span
    return fused


def mmr(relevance: np.ndarray, vectors: np.ndarray, k: int, lambda_: float) -> list[int]:
    """Maximal marginal relevance: positions picked greedily by lambda*relevance - (1-lambda)*max similarity."""
    if not len(relevance):
        return []
    span = float(relevance.max() - relevance.min()) or 1.0
    rel = (relevance - relevance.min()) / span
    similarity = vectors @ vectors.T
    chosen: list[int] = []
    left = list(range(len(rel)))
    while left and len(chosen) < k:
        if chosen:
            penalty = similarity[np.ix_(left, chosen)].max(axis=1)
        else:
            penalty = np.zeros(len(left))
        scores = lambda_ * rel[left] - (1 - lambda_) * penalty
        best = left[int(np.argmax(scores))]
        chosen.append(best)
        left.remove(best)
    return chosen


class Retriever:
    """Searches an ``Index``; holds the embedder, the optional reranker and a helper thread."""

    def __init__(self, embedder: Embedder, settings: Settings) -> None:
        self.embedder = embedder
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="rag-bm25")

    @cached_property
    def reranker(self):
        from pathlib import Path

        from sentence_transformers import CrossEncoder

        path = Path(self.settings.reranker_model or "")
        if not path.is_dir():
            raise ModelNotFoundError(
                f"reranker model {self.settings.reranker_model!r} is not a local folder; set RAG_RERANKER_MODEL to the "
                "folder of a sentence-transformers CrossEncoder, or leave it empty"
            )
        return CrossEncoder(str(path), device=self.settings.embedding_device, local_files_only=True)

    def close(self) -> None:
        self._pool.shutdown(wait=False)

    def embed_query(self, query: str) -> np.ndarray:
        return self.embedder.encode_query(query)

    def search(
        self,
        index: Index,
        query: str,
        *,
        k: int | None = None,
        mode: Mode | None = None,
        filters: Filters | None = None,
        mmr_lambda: float | None = None,
        rerank: bool | None = None,
        query_vector: np.ndarray | None = None,
    ) -> list[Passage]:
        """The best ``k`` passages for the query, best first: candidates, fuse, rerank, diversify, hydrate."""
        settings = self.settings
        k = k or settings.top_k
        mode = mode or settings.retrieval_mode
        if mode not in MODES:
            raise ConfigError(f"retrieval mode must be one of {', '.join(MODES)}, not {mode!r}")
        mmr_lambda = settings.mmr_lambda if mmr_lambda is None else mmr_lambda
        rerank = bool(settings.reranker_model) if rerank is None else rerank
        if not query.strip():
            return []
        allowed = None
        if filters is not None and filters.active:
            allowed = index.catalog.filtered_chunk_ids(filters.collection, filters.path_glob, filters.file_types)
            if not len(allowed):
                return []
        n = max(settings.candidates, k * 4 if (mmr_lambda is not None or rerank) else k)
        found = self.candidates(index, query, mode, n, allowed, query_vector)
        ranked = self.fuse(found, mode)
        if rerank:
            ranked = self.rerank(index, query, ranked)
        if mmr_lambda is not None:
            ranked = self.diversify(index, ranked, k, mmr_lambda, found)
        return self.hydrate(index, ranked, k, found)

    def candidates(
        self, index: Index, query: str, mode: Mode, n: int, allowed, query_vector: np.ndarray | None
    ) -> "Candidates":
        """Dense (FAISS) and keyword (BM25) candidates; BM25 runs on a helper thread meanwhile."""
        keyword_future = None
        if mode in ("hybrid", "keyword"):
            keyword_future = self._pool.submit(index.keyword.search, query, n, allowed)
        dense: list[tuple[int, float]] = []
        if mode in ("hybrid", "dense"):
            if query_vector is None:
                query_vector = self.embed_query(query)
            dense = index.search_ids(query_vector, n, allowed)
        keyword = keyword_future.result() if keyword_future else []
        return Candidates(dense, keyword, query_vector)

    def fuse(self, found: "Candidates", mode: Mode) -> "Ranked":
        """One order from the two searches (score fusion or RRF in hybrid mode)."""
        settings = self.settings
        if mode == "hybrid" and settings.fusion == "score":
            fused = score_fusion([found.dense, found.keyword], [settings.dense_weight, 1.0 - settings.dense_weight])
        elif mode == "hybrid":
            fused = rrf([[i for i, _ in found.dense], [i for i, _ in found.keyword]], settings.rrf_k)
        else:
            fused = dict(found.dense or found.keyword)
        return Ranked(sorted(fused, key=lambda i: -fused[i]), fused)

    def rerank(self, index: Index, query: str, ranked: "Ranked") -> "Ranked":
        """Reorder by the cross-encoder's scores (which become the passages' scores)."""
        if not ranked.order:
            return ranked
        texts = index.catalog.get_chunks(ranked.order)
        order = [i for i in ranked.order if i in texts]
        scores = self.reranker.predict([(query, texts[i].text) for i in order], show_progress_bar=False)
        rerank_scores = {i: float(s) for i, s in zip(order, scores)}
        return Ranked(sorted(order, key=lambda i: -rerank_scores[i]), rerank_scores, rerank_scores)

    def diversify(self, index: Index, ranked: "Ranked", k: int, mmr_lambda: float, found: "Candidates") -> "Ranked":
        """Maximal marginal relevance over the stored vectors (kept for the cosines ``hydrate`` needs)."""
        if len(ranked.order) <= 1:
            return ranked
        found.stored.update(index.catalog.get_vectors(ranked.order))
        order = [i for i in ranked.order if i in found.stored]
        relevance = np.array([ranked.scores[i] for i in order], dtype=np.float64)
        chosen = mmr(relevance, np.vstack([found.stored[i] for i in order]), k, mmr_lambda)
        return Ranked([order[p] for p in chosen], ranked.scores, ranked.rerank_scores)

    def hydrate(self, index: Index, ranked: "Ranked", k: int, found: "Candidates") -> list[Passage]:
        """The first ``k`` ranked ids that still exist, read from the catalog as passages with scores;
        a chunk deleted since this FAISS/BM25 copy was read is skipped, and so is a chunk whose text
        a better-ranked one already gives (a document that repeats itself, the same file saved twice
        in a folder): three copies of one paragraph would leave no room for the passage that answers."""
        chunks: dict[int, StoredChunk] = {}
        taken: list[int] = []
        seen: set[str] = set()
        start = 0
        while len(taken) < k and start < len(ranked.order):
            batch = ranked.order[start : start + k - len(taken)]
            start += len(batch)
            chunks.update(index.catalog.get_chunks(batch))
            for i in batch:
                text = " ".join(chunks[i].text.split()) if i in chunks else None
                if text is not None and text not in seen:
                    seen.add(text)
                    taken.append(i)
        dense_scores = dict(found.dense)
        if found.query_vector is not None:  # cosine for passages that only BM25 found
            missing = [i for i in taken if i not in dense_scores]
            vectors = {i: found.stored[i] for i in missing if i in found.stored}
            vectors.update(index.catalog.get_vectors([i for i in missing if i not in vectors]) if missing else {})
            dense_scores.update({i: float(v @ found.query_vector) for i, v in vectors.items()})
        keyword_scores = dict(found.keyword)
        # a plain text's title line heads every chunk of it, also those far from its first
        openings = index.catalog.opening_texts(chunks[i].document_id for i in taken)

        def title(chunk: StoredChunk) -> str:
            text, heading = openings.get(chunk.document_id, ("", ()))
            return title_line(text, 0, heading, own_chunk=chunk.ordinal > 0) or top_heading(heading, chunk.heading_path)

        return [
            _passage(chunks[i], ranked.scores[i], dense_scores.get(i), keyword_scores.get(i), ranked.rerank_scores.get(i),
                     title(chunks[i]))
            for i in taken
        ]


@dataclass
class Candidates:
    """What the two searches found: (chunk id, score) lists, the query vector, vectors read so far."""

    dense: list[tuple[int, float]]
    keyword: list[tuple[int, float]]
    query_vector: np.ndarray | None
    stored: dict[int, np.ndarray] = field(default_factory=dict)


@dataclass
class Ranked:
    """Chunk ids best first, with the score each passage will carry."""

    order: list[int]
    scores: dict[int, float]
    rerank_scores: dict[int, float] = field(default_factory=dict)


def _passage(chunk: StoredChunk, score: float, dense: float | None, keyword: float | None, rerank: float | None,
             title: str = "") -> Passage:
    return Passage(
        chunk_id=chunk.id,
        source=chunk.path,
        text=chunk.text,
        page=chunk.page,
        pages=chunk.pages,
        heading_path=chunk.heading_path,
        char_start=chunk.char_start,
        char_end=chunk.char_end,
        file_type=chunk.file_type,
        collection=chunk.collection,
        score=float(score),
        dense_score=dense,
        keyword_score=keyword,
        rerank_score=rerank,
        title=title,
    )
