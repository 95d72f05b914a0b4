"""Vectors -> FAISS: an id-mapped inner-product index, exact or IVF, saved atomically."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from pathlib import Path

import faiss
import numpy as np

# One query over the exact index is scanned on this many OpenMP threads (0 = FAISS's default, one
# per core). On a few cores FAISS's idle workers otherwise spin against the query encoder's torch
# threads: hybrid search p50 at 49k chunks 32.4 -> 16.8 ms (bench/query.py, docs/query.md). The
# setting is per thread in OpenMP, so another thread (an ingest adding vectors) keeps its own.
SINGLE_QUERY_THREADS = 1


class VectorIndex:
    """Inner-product search over unit vectors, keyed by catalog chunk ids.

    Exact (``IndexIDMap2`` over ``IndexFlatIP``) until it holds ``ann_threshold`` vectors, then an
    ``IndexIVFFlat`` trained on what is stored; ``nprobe`` lists are searched per query.
    """

    def __init__(self, dimension: int, index: faiss.Index | None = None, nprobe: int = 16) -> None:
        self.dimension = dimension
        self.index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        self.nprobe = nprobe
        self._apply_nprobe()

    @classmethod
    def load(cls, path: Path, dimension: int, nprobe: int = 16) -> "VectorIndex":
        index = faiss.read_index(str(path))
        if index.d != dimension:
            raise ValueError(f"FAISS index at {path} has dimension {index.d}, expected {dimension}")
        return cls(dimension, index, nprobe)

    @property
    def approximate(self) -> bool:
        return isinstance(faiss.downcast_index(self.index), faiss.IndexIVF)

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def _apply_nprobe(self) -> None:
        if self.approximate:
            faiss.downcast_index(self.index).nprobe = self.nprobe

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))

    def remove(self, ids: Iterable[int]) -> int:
        wanted = np.fromiter(ids, dtype=np.int64)
        if not len(wanted):
            return 0
        return int(self.index.remove_ids(faiss.IDSelectorBatch(wanted)))

    def ids(self) -> np.ndarray:
        """Every id stored, in no particular order."""
        if not self.approximate:
            return faiss.vector_to_array(self.index.id_map).astype(np.int64)
        ivf = faiss.downcast_index(self.index)
        lists = ivf.invlists
        parts = [
            faiss.rev_swig_ptr(lists.get_ids(i), lists.list_size(i)).copy()
            for i in range(ivf.nlist)
            if lists.list_size(i)
        ]
        return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)

    def search(self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids) arrays of shape (n_queries, k); missing hits have id -1.

        ``allowed`` restricts the search to those ids (FAISS ID selector, applied during the scan).
        """
        k = max(1, min(k, len(self))) if len(self) else 1
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if len(queries) != 1 or self.approximate or not SINGLE_QUERY_THREADS:
            return self._search(queries, k, allowed)
        before = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(SINGLE_QUERY_THREADS)
        try:
            return self._search(queries, k, allowed)
        finally:
            faiss.omp_set_num_threads(before)

    def _search(self, queries: np.ndarray, k: int, allowed: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        if allowed is None:
            return self.index.search(queries, k)
        selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
        if self.approximate:
            params = faiss.SearchParametersIVF(sel=selector, nprobe=self.nprobe)
        else:
            params = faiss.SearchParameters(sel=selector)
        return self.index.search(queries, k, params=params)

    def save(self, path: Path) -> None:
        """Write to a temporary file, fsync, then rename over the old one: never a half-written index."""
        tmp = path.with_name(path.name + ".tmp")
        faiss.write_index(self.index, str(tmp))
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    @classmethod
    def build(cls, dimension: int, ids: np.ndarray, vectors: np.ndarray, *, approximate: bool, nprobe: int = 16) -> "VectorIndex":
        """A fresh index over the given vectors; IVF lists are trained on them when approximate."""
        if not approximate:
            built = cls(dimension, nprobe=nprobe)
        else:
            nlist = max(1, min(int(4 * math.sqrt(len(ids))), len(ids) // 39))  # faiss wants >= 39 points a list
            quantizer = faiss.IndexFlatIP(dimension)
            ivf = faiss.IndexIVFFlat(quantizer, dimension, nlist, faiss.METRIC_INNER_PRODUCT)
            sample = vectors[np.random.default_rng(0).permutation(len(vectors))[: nlist * 64]]
            ivf.train(np.ascontiguousarray(sample, dtype=np.float32))
            built = cls(dimension, ivf, nprobe)
        built.add(ids, vectors)
        return built
