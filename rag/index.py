"""The index folder: manifest + FAISS vectors + catalog, kept consistent with each other.

The catalog is written first (one transaction per document) and holds every chunk's vector;
FAISS is a derived copy saved atomically. Opening an index reconciles the two: vectors of chunks
that no longer exist are removed, chunks missing from FAISS are added from their stored vectors.
So a run killed at any moment leaves nothing that the next open cannot repair.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from filelock import FileLock, Timeout

from rag.catalog import Catalog, StoredChunk
from rag.config import Settings
from rag.embed import Embedder, model_id
from rag.errors import IndexMismatchError, RagError
from rag.keyword_index import KeywordIndex
from rag.vector_index import VectorIndex

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
VECTORS = "vectors.faiss"
LOCK = ".write.lock"
INDEX_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Manifest:
    """What the vectors mean; stored beside them and checked on every open."""

    embedding_model: str
    dimension: int
    normalized: bool = True
    metric: str = "inner_product"
    schema_version: int = INDEX_SCHEMA_VERSION
    created_at: str = ""

    @classmethod
    def read(cls, path: Path) -> "Manifest":
        return cls(**json.loads(path.read_text(encoding="utf-8")))

    def write(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(self.__dict__, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)


@dataclass(frozen=True)
class Hit:
    """A search result: the stored chunk and its similarity to the query."""

    score: float
    chunk: StoredChunk


class Index:
    """An opened index folder. Use ``Index.open``; call ``close`` (or use ``with``) when done."""

    def __init__(self, settings: Settings, manifest: Manifest, catalog: Catalog, vectors: VectorIndex) -> None:
        self.settings = settings
        self.manifest = manifest
        self.catalog = catalog
        self.vectors = vectors
        self.dir = settings.index_dir
        self.keyword: KeywordIndex = KeywordIndex.build(np.zeros(0, dtype=np.int64), [], "")

    # ---- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None, *, create: bool = False) -> "Index":
        """Open (or with ``create``, make) the index in ``settings.index_dir``, reconciled.

        Raises ``IndexMismatchError`` when the index was built with another embedding model.
        """
        directory = settings.index_dir
        manifest_path = directory / MANIFEST
        wanted = embedder.model_id if embedder else model_id(settings.embedding_model)
        if manifest_path.exists():
            manifest = Manifest.read(manifest_path)
            _check_manifest(manifest, wanted, directory)
        elif create:
            embedder = embedder or Embedder(settings.embedding_model, settings.embedding_device, settings.embedding_batch_size)
            directory.mkdir(parents=True, exist_ok=True)
            manifest = Manifest(wanted, embedder.dimension, created_at=datetime.now(timezone.utc).isoformat())
            manifest.write(manifest_path)
        else:
            raise RagError(f"no index at {directory}: create one with `rag ingest PATH --index {directory}`")
        catalog = Catalog(settings.resolved_catalog_url)
        vectors_path = directory / VECTORS
        if vectors_path.exists():
            vectors = VectorIndex.load(vectors_path, manifest.dimension, settings.ivf_nprobe)
        else:
            vectors = VectorIndex(manifest.dimension, nprobe=settings.ivf_nprobe)
        index = cls(settings, manifest, catalog, vectors)
        index.reconcile()
        index.keyword = KeywordIndex.load(directory) or index.keyword
        index.refresh_keyword()
        return index

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.catalog.close()

    def write_lock(self, timeout: float = -1) -> FileLock:
        """The lock every writer (an ingest) holds; a second writer waits for the first."""
        return FileLock(str(self.dir / LOCK), timeout=timeout)

    # ---- consistency -----------------------------------------------------------------------

    def reconcile(self) -> tuple[int, int]:
        """Make FAISS hold exactly the catalog's chunks. Returns (vectors removed, vectors added)."""
        in_catalog = self.catalog.chunk_ids()
        in_faiss = self.vectors.ids()
        orphans = np.setdiff1d(in_faiss, in_catalog, assume_unique=True)
        missing = np.setdiff1d(in_catalog, in_faiss, assume_unique=True)
        if len(orphans):
            self.vectors.remove(orphans.tolist())
        for ids, vectors in self.catalog.iter_vectors(missing.tolist()) if len(missing) else ():
            self.vectors.add(ids, vectors)
        if len(orphans) or len(missing):
            log.info("index repaired: %d orphan vectors removed, %d missing vectors restored", len(orphans), len(missing))
            try:  # persist the repair unless a writer is busy; it saves when it finishes anyway
                with self.write_lock(timeout=0):
                    self._reshape()
                    self.vectors.save(self.dir / VECTORS)
            except Timeout:
                pass
        return len(orphans), len(missing)

    def refresh_keyword(self, *, persist: bool = True) -> bool:
        """Rebuild the BM25 index if the catalog's chunks changed since it was built. True if rebuilt."""
        stamp = self.catalog.stamp()
        if stamp == self.keyword.stamp:
            return False
        ids, texts = [], []
        for part_ids, part_texts in self.catalog.iter_texts():
            ids.append(part_ids)
            texts.extend(part_texts)
        self.keyword = KeywordIndex.build(np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64), texts, stamp)
        log.debug("keyword index rebuilt over %d chunks", len(texts))
        if persist:
            try:  # a writer saves it at the end of its run anyway
                with self.write_lock(timeout=0):
                    self.keyword.save(self.dir)
            except Timeout:
                pass
        return True

    def delete_documents(self, document_ids: list[int]) -> int:
        """Delete documents, their chunks and vectors, then save FAISS and BM25. Returns chunks removed.

        Holds the write lock, so it waits for a running ingest to finish.
        """
        with self.write_lock():
            if (self.dir / VECTORS).exists():  # another process may have ingested since this copy was read
                self.vectors = VectorIndex.load(self.dir / VECTORS, self.manifest.dimension, self.settings.ivf_nprobe)
            removed = self.catalog.delete_documents(document_ids)
            self.vectors.remove(removed)
            self.save()
        return len(removed)

    def save(self) -> None:
        """Reshape (exact <-> approximate) if the size calls for it, write FAISS atomically, rebuild BM25.

        Called by the writer, which holds the write lock.
        """
        self._reshape()
        self.vectors.save(self.dir / VECTORS)
        self.refresh_keyword(persist=False)
        self.keyword.save(self.dir)

    def _reshape(self) -> None:
        size, threshold = len(self.vectors), self.settings.ann_threshold
        want_approximate = size >= threshold or (self.vectors.approximate and size >= threshold // 2)
        if want_approximate == self.vectors.approximate:
            return
        ids, vectors = [], []
        for part_ids, part_vectors in self.catalog.iter_vectors():
            ids.append(part_ids)
            vectors.append(part_vectors)
        all_ids = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        all_vectors = np.vstack(vectors) if vectors else np.zeros((0, self.manifest.dimension), dtype=np.float32)
        log.info("rebuilding the vector index as %s over %d vectors", "IVF" if want_approximate else "exact", size)
        self.vectors = VectorIndex.build(
            self.manifest.dimension, all_ids, all_vectors, approximate=want_approximate, nprobe=self.settings.ivf_nprobe
        )

    # ---- reading ---------------------------------------------------------------------------

    def search_ids(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(chunk id, cosine) of the k nearest chunks, optionally among allowed ids only, best first."""
        if not len(self.vectors):
            return []
        scores, ids = self.vectors.search(query.reshape(1, -1), k, allowed)
        return [(int(i), float(s)) for s, i in zip(scores[0], ids[0]) if i >= 0]

    def search_vector(self, query: np.ndarray, k: int = 5) -> list[Hit]:
        """Nearest chunks to one unit query vector, best first."""
        if not len(self.vectors):
            return []
        scores, ids = self.vectors.search(query.reshape(1, -1), k)
        found = self.catalog.get_chunks([int(i) for i in ids[0] if i >= 0])
        return [Hit(float(s), found[int(i)]) for s, i in zip(scores[0], ids[0]) if int(i) in found]


def _check_manifest(manifest: Manifest, wanted: str, directory: Path) -> None:
    if manifest.schema_version != INDEX_SCHEMA_VERSION:
        raise IndexMismatchError(
            f"index at {directory} has schema version {manifest.schema_version}, this version reads "
            f"{INDEX_SCHEMA_VERSION}; rebuild it: rm -r {directory} && rag ingest PATH --index {directory}"
        )
    if manifest.embedding_model != wanted:
        raise IndexMismatchError(
            f"index at {directory} was built with embedding model {manifest.embedding_model!r} "
            f"({manifest.dimension} dimensions), but the settings ask for {wanted!r}. Either set "
            f"RAG_EMBEDDING_MODEL={manifest.embedding_model!r}, or rebuild the index: "
            f"rm -r {directory} && rag ingest PATH --index {directory}"
        )

