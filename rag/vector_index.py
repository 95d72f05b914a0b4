"""Vectors -> FAISS: an id-mapped inner-product index, exact or IVF, saved atomically with a checksum."""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterable
from pathlib import Path

import faiss
import numpy as np

from rag.errors import IndexDamagedError, storage_error

# One query over the exact index is scanned on this many OpenMP threads (0 = FAISS's default, one
# per core). On a few cores FAISS's idle workers otherwise spin against the query encoder's torch
# threads: hybrid search p50 at 49k chunks 32.4 -> 16.8 ms (bench/query.py, docs/query.md). The
# setting is per thread in OpenMP, so another thread (an ingest adding vectors) keeps its own.
SINGLE_QUERY_THREADS = 1


# Below this many vectors every save rewrites the file; above it, only past this share of changes.
REWRITE_MIN = 100_000
REWRITE_SHARE = 0.01

# An 8-bit code per dimension ranges over what the training vectors span plus this share of that
# span on each side, so later vectors a little outside it are not clipped.
SQ8_MARGIN = 0.2


class VectorIndex:
    """Inner-product search over unit vectors, keyed by catalog chunk ids.

    Exact (``IndexIDMap2`` over ``IndexFlatIP``) until it holds ``ann_threshold`` vectors, then IVF
    with 8-bit scalar-quantised vectors (``IndexIVFScalarQuantizer``, sqrt(n) lists) trained on what
    is stored; ``nprobe`` lists are searched per query. The choice was measured at 1M chunks
    (bench/million.py, docs/query.md "A million chunks"). An index saved as ``IndexIVFFlat`` still loads.
    """

    def __init__(self, dimension: int, index: faiss.Index | None = None, nprobe: int = 64) -> None:
        self.dimension = dimension
        self.index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        self.nprobe = nprobe
        self.changes = 0  # vectors added or removed since it was read or saved
        self.saved_max_id = -1  # the largest id in the file it was read from or saved to (-1: none, or unknown)
        self._apply_nprobe()

    @classmethod
    def load(cls, path: Path, dimension: int, nprobe: int = 64, *, checksum: str | None = None) -> "VectorIndex":
        """Read a saved index. ``IndexDamagedError`` when its bytes differ from the ``checksum`` its
        writer recorded, when FAISS cannot read it, or when it holds vectors of another dimension,
        duplicate ids or (without a checksum to trust) vectors that are not unit length."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise storage_error(exc, f"read {path}") from exc
        if checksum and digest(data) != checksum:  # checked first: FAISS is not fed damaged bytes
            raise IndexDamagedError(f"{path} differs from the checksum recorded when it was saved")
        try:
            index = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
        except (RuntimeError, MemoryError) as exc:
            raise IndexDamagedError(f"{path} is not a readable FAISS index ({_first_line(exc)})") from exc
        if index.d != dimension:
            raise IndexDamagedError(f"{path} holds vectors of dimension {index.d}, the manifest says {dimension}")
        loaded = cls(dimension, index, nprobe)
        ids = loaded.ids()
        if len(np.unique(ids)) != len(ids):
            raise IndexDamagedError(f"{path} holds the same id more than once")
        loaded.saved_max_id = int(ids.max()) if len(ids) else -1
        if not checksum and not _unit_length(loaded.sample()):
            raise IndexDamagedError(f"{path} holds vectors that are not unit length (scrambled data)")
        return loaded

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
            self.changes += len(ids)

    def remove(self, ids: Iterable[int]) -> int:
        wanted = np.fromiter(ids, dtype=np.int64)
        if not len(wanted):
            return 0
        removed = int(self.index.remove_ids(faiss.IDSelectorBatch(wanted)))
        self.changes += removed
        return removed

    @property
    def worth_saving(self) -> bool:
        """Whether ``save`` should rewrite the file. A big index is rewritten only once its changes pass
        ``REWRITE_SHARE`` of it: until then the saved file plus the catalog's newer vectors (added back
        by the index's reconcile on every open) are what it holds, and one added document costs no
        rewrite of hundreds of megabytes."""
        return bool(self.changes) and (len(self) < REWRITE_MIN or self.changes > len(self) * REWRITE_SHARE)

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

    def sample(self, limit: int = 256) -> np.ndarray:
        """Up to ``limit`` stored vectors, spread over the index: enough to tell scrambled data."""
        inner = faiss.downcast_index(self.index)
        if len(self) == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if isinstance(inner, faiss.IndexIVF):
            lists, parts = inner.invlists, []
            for i in range(inner.nlist):
                size = min(lists.list_size(i), 8)
                if size:
                    codes = faiss.rev_swig_ptr(lists.get_codes(i), size * inner.code_size).copy()
                    parts.append(_decode(inner, i, codes, size))
                if sum(len(p) for p in parts) >= limit:
                    break
            return np.vstack(parts)[:limit]
        flat = faiss.downcast_index(inner.index)
        stored = faiss.rev_swig_ptr(flat.get_xb(), len(self) * self.dimension).reshape(-1, self.dimension)
        return stored[:: max(1, len(stored) // limit)][:limit]

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

    def save(self, path: Path) -> str:
        """Write to a temporary file, fsync, then rename over the old one: never a half-written index.

        Returns the checksum of the bytes written (for ``load``). A full disk or a read-only folder
        raises ``StorageError`` and leaves the old file as it was.
        """
        data = faiss.serialize_index(self.index)
        tmp = path.with_name(path.name + ".tmp")
        try:
            with open(tmp, "wb") as handle:
                handle.write(memoryview(data))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise storage_error(exc, f"write {path}") from exc
        self.changes = 0
        ids = self.ids()
        self.saved_max_id = int(ids.max()) if len(ids) else -1
        return digest(data)

    @classmethod
    def build(cls, dimension: int, ids: np.ndarray, vectors: np.ndarray, *, approximate: bool, nprobe: int = 64) -> "VectorIndex":
        """A fresh index over the given vectors; IVF lists are trained on them when approximate."""
        if not approximate:
            built = cls(dimension, nprobe=nprobe)
        else:
            nlist = ivf_lists(len(ids))
            ivf = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dimension), dimension, nlist, faiss.ScalarQuantizer.QT_8bit,
                                                faiss.METRIC_INNER_PRODUCT)  # codes of the residual to the list's centroid
            ivf.sq.rangestat_arg = SQ8_MARGIN
            sample = vectors[np.random.default_rng(0).permutation(len(vectors))[: nlist * 64]]
            ivf.train(np.ascontiguousarray(sample, dtype=np.float32))
            built = cls(dimension, ivf, nprobe)
        built.add(ids, vectors)
        return built

    @classmethod
    def from_parts(cls, dimension: int, parts: Iterable[tuple[np.ndarray, np.ndarray]], *, approximate: bool,
                   nprobe: int = 64) -> "VectorIndex":
        """``build`` over (ids, vectors) batches, as the catalog hands them out."""
        ids, vectors = [], []
        for part_ids, part_vectors in parts:
            ids.append(part_ids)
            vectors.append(part_vectors)
        all_ids = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        all_vectors = np.vstack(vectors) if vectors else np.zeros((0, dimension), dtype=np.float32)
        return cls.build(dimension, all_ids, all_vectors, approximate=approximate, nprobe=nprobe)


def _decode(ivf: faiss.IndexIVF, list_no: int, codes: np.ndarray, count: int) -> np.ndarray:
    """The vectors that ``count`` codes of an inverted list stand for (IVFFlat: the floats themselves)."""
    if not isinstance(ivf, faiss.IndexIVFScalarQuantizer):
        return codes.view(np.float32).reshape(count, ivf.d)
    vectors = ivf.sq.decode(codes.reshape(count, ivf.code_size))
    return vectors + ivf.quantizer.reconstruct(list_no) if ivf.by_residual else vectors


def ivf_lists(n: int) -> int:
    """IVF lists for n vectors: sqrt(n), at least 39 vectors per list to train on (FAISS's minimum)."""
    return max(1, min(int(math.sqrt(n)), n // 39))


def digest(data) -> str:
    """The checksum recorded for a saved index and verified when it is read."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _unit_length(vectors: np.ndarray) -> bool:
    with np.errstate(all="ignore"):  # scrambled bytes make overflowing and NaN floats
        norms = np.linalg.norm(vectors.astype(np.float64), axis=1)
    return bool(np.all(np.isfinite(norms)) and np.all(np.abs(norms - 1.0) < 1e-2))


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1][:200] if lines else type(exc).__name__
