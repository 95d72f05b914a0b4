"""``bench/query.py --experiments``: hybrid search timed with one candidate change at a time
monkeypatched in (nothing in rag/ is edited)."""

from __future__ import annotations

import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from unittest.mock import patch

from bench.timing import measure
from rag import vector_index
from rag.index import Index
from rag.retrieve import Retriever


@contextmanager
def torch_threads(n: int):
    """torch intra-op threads for query encoding (default: one per core)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


@contextmanager
def faiss_threads(n: int):
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(n)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


@contextmanager
def top_k_reads(index: Index, k: int = 5):
    """Catalog reads limited to the first k ids of the fused order, which is all that is returned
    when there is no reranker and no MMR (keyword-only hits then get dense scores from those k)."""
    catalog = index.catalog
    get_chunks, get_vectors = catalog.get_chunks, catalog.get_vectors
    catalog.get_chunks = lambda ids: get_chunks(list(ids)[:k])
    catalog.get_vectors = lambda ids: get_vectors(list(ids)[:k])
    try:
        yield
    finally:
        del catalog.get_chunks, catalog.get_vectors


@contextmanager
def nprobe(index: Index, value: int):
    import faiss

    ivf = faiss.downcast_index(index.vectors.index)
    before = ivf.nprobe
    ivf.nprobe = value
    try:
        yield
    finally:
        ivf.nprobe = before


@contextmanager
def busy_core(seconds: float = 600):
    """One other process spinning on a core (bounded in time), as a neighbour would: another request's
    LLM generation, an ingest, a test run."""
    hog = subprocess.Popen([sys.executable, "-c", f"import time\nend = time.time() + {seconds}\nwhile time.time() < end: pass"])
    time.sleep(0.5)
    try:
        yield
    finally:
        hog.kill()
        hog.wait()


@contextmanager
def combined(*managers):
    with ExitStack() as stack:
        for manager in managers:
            stack.enter_context(manager)
        yield


def measure_experiments(retriever: Retriever, index: Index, queries: list[str]) -> dict[str, dict[str, float]]:
    """Hybrid search (and the part concerned alone) with one change at a time patched in."""
    n = retriever.settings.candidates

    def hybrid(busy_ok: bool = False) -> dict[str, float]:
        return measure(lambda q: retriever.search(index, q, k=5, mode="hybrid"), queries, busy_ok=busy_ok)

    def encode() -> dict[str, float]:
        return measure(retriever.embed_query, queries)

    vectors = {q: retriever.embed_query(q) for q in queries}
    out = {"hybrid as is": hybrid()}
    with patch.object(vector_index, "SINGLE_QUERY_THREADS", 0):
        out["hybrid, one query's FAISS scan on all threads"] = hybrid()  # before SINGLE_QUERY_THREADS
    with torch_threads(1):
        out["  encode query, torch 1 thread"] = encode()
        out["hybrid, torch 1 thread"] = hybrid()
    with faiss_threads(1):
        out["  faiss search, faiss 1 thread"] = measure(lambda q: index.search_ids(vectors[q], n), queries)
        out["hybrid, faiss 1 thread"] = hybrid()
    with top_k_reads(index):
        out["hybrid, catalog reads of the top 5 only"] = hybrid()
    if index.vectors.approximate:
        for value in (8, 32, 64):
            with nprobe(index, value):
                out[f"  faiss search, nprobe {value}"] = measure(lambda q: index.search_ids(vectors[q], n), queries)
    with combined(torch_threads(1), top_k_reads(index)):
        out["hybrid, torch 1 thread + top-5 reads"] = hybrid()
    with combined(faiss_threads(1), top_k_reads(index)):
        out["hybrid, faiss 1 thread + top-5 reads"] = hybrid()
    with busy_core():
        out["hybrid as is, 1 core busy elsewhere"] = hybrid(busy_ok=True)
        with torch_threads(1):
            out["hybrid, torch 1 thread, 1 core busy elsewhere"] = hybrid(busy_ok=True)
        with combined(torch_threads(1), top_k_reads(index)):
            out["hybrid, torch 1 + top-5 reads, 1 core busy"] = hybrid(busy_ok=True)
    return out
