"""FAISS index candidates for ``bench/million.py``: each one's recall@10 against exact search, its
single-query latency, build time, size and save time over the composed chunk vectors."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np


def exact_neighbours(vectors: np.ndarray, queries: np.ndarray, k: int = 10) -> np.ndarray:
    """Ids (row numbers) of the true k nearest chunks of each query, by batched exact search."""
    import faiss

    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    return flat.search(queries, k)[1]


def recall_at(found: np.ndarray, truth: np.ndarray) -> float:
    k = truth.shape[1]
    return float(np.mean([len(set(f[:k]) & set(t)) / k for f, t in zip(found, truth)]))


def single_query_ms(index, queries: np.ndarray, k: int = 10) -> dict[str, float]:
    """p50/p95 of one query at a time on one OpenMP thread (as VectorIndex.search does)."""
    import faiss

    from bench.timing import stats, time_each

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        return stats(time_each(lambda q: index.search(q.reshape(1, -1), k), list(queries)))
    finally:
        faiss.omp_set_num_threads(before)


def candidate_indexes(n: int) -> list[tuple[str, object, list[int]]]:
    """(name, factory() -> trained-and-filled FAISS index builder, nprobe grid) for a corpus of n vectors."""
    import faiss

    from rag.vector_index import SQ8_MARGIN, ivf_lists

    def ivf(nlist: int, encoding: str):
        def make(vectors: np.ndarray):
            index = faiss.index_factory(vectors.shape[1], f"IVF{nlist},{encoding}", faiss.METRIC_INNER_PRODUCT)
            if encoding == "SQ8":
                faiss.downcast_index(index).sq.rangestat_arg = SQ8_MARGIN  # as VectorIndex.build makes it
            return _filled(index, vectors, nlist)
        return make

    chosen = ivf_lists(n)
    grid = [16, 32, 64, 128, 256]
    out = [(f"IVF{chosen},{enc}", ivf(chosen, enc), grid) for enc in ("SQ8", "Flat")]
    out.append((f"IVF{4 * chosen},SQ8", ivf(4 * chosen, "SQ8"), grid))  # 4 sqrt(n) lists: the rule before
    out.append((f"IVF{chosen},PQ48", ivf(chosen, "PQ48"), [64, 256]))
    return out


def _filled(index, vectors: np.ndarray, nlist: int):
    train = vectors[np.random.default_rng(0).permutation(len(vectors))[: nlist * 64]]
    started = time.perf_counter()
    index.train(train)
    trained = time.perf_counter() - started
    index.add(vectors)
    return index, trained, time.perf_counter() - started - trained


def faiss_candidates(vectors: np.ndarray, queries: np.ndarray, workdir: Path) -> list[dict]:
    """Each candidate's recall@10 against exact search, single-query latency, build, size and save times."""
    from rag.vector_index import VectorIndex

    truth = exact_neighbours(vectors, queries)
    started = time.perf_counter()
    flat = VectorIndex.build(vectors.shape[1], np.arange(len(vectors)), vectors, approximate=False)
    rows = [{"index": "Flat (exact)", "nprobe": "", "recall@10": 1.0, **_ms(single_query_ms(flat.index, queries[:200])),
             "train_s": 0.0, "add_s": time.perf_counter() - started, **_saved(flat, workdir)}]
    del flat
    for name, make, grid in candidate_indexes(len(vectors)):
        index, train_s, add_s = make(vectors)
        saved = _saved(VectorIndex(vectors.shape[1], index), workdir)  # IVF keeps its own ids: no id map
        for nprobe in grid:
            index.nprobe = nprobe
            found = index.search(queries, 10)[1]
            rows.append({"index": name, "nprobe": nprobe, "recall@10": recall_at(found, truth),
                         **_ms(single_query_ms(index, queries[:200])), "train_s": train_s, "add_s": add_s, **saved})
            print(rows[-1], flush=True)
        del index
    return rows


def _ms(values: dict[str, float]) -> dict[str, float]:
    return {"p50_ms": values["p50"], "p95_ms": values["p95"]}


def _saved(index, workdir: Path) -> dict[str, float]:
    path = workdir / "candidate.faiss"
    started = time.perf_counter()
    index.save(path)
    out = {"save_s": time.perf_counter() - started, "size_mb": path.stat().st_size / 1e6}
    path.unlink()
    return out


def print_candidates(rows: list[dict]) -> None:
    print("| index | nprobe | recall@10 | p50 ms | p95 ms | train s | add s | file MB | save+fsync+sha256 s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['index']} | {r['nprobe']} | {r['recall@10']:.3f} | {r['p50_ms']:.2f} | {r['p95_ms']:.2f} | "
              f"{r['train_s']:.1f} | {r['add_s']:.1f} | {r['size_mb']:.0f} | {r['save_s']:.2f} |")
