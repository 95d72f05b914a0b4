"""The keyword (BM25) index at scale: build, disk, open, RSS, query latency, and what adding or deleting
one document costs against a full rebuild.

    nice -n 5 .venv/bin/python -m bench.keyword                    # 1,000,000 chunks
    nice -n 5 .venv/bin/python -m bench.keyword --chunks 100000    # the quick version
    ... --check     also rebuilds after the add and delete and compares the scores (one more full build)
    ... --bm25s     also times a bm25s build over the same chunks (the index before segments)

Chunks are real text: the SQuAD2 (dev + test) paragraphs and PubMedQA abstracts in ../shared/datasets
split into sentences, each chunk 3-6 random sentences (seed 0). Queries are real questions (SQuAD2
answerable, PubMedQA), searched for the 30 best chunks (the ``candidates`` default). The added
document is 40 new chunks (about 10 pages); the deleted one is 40 existing chunks. Each is applied as
``Index.refresh_keyword`` does: the catalog's ids and the new texts read from a SQLite catalog of
the same size, the index updated, then saved (lazy merges included). Open time and RSS are
measured in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from rag.catalog import Catalog
from rag.keyword_index import KeywordIndex, catalog_difference, chunk_texts

DATASETS = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
DOC_CHUNKS = 40


# ---- real text ----------------------------------------------------------------------------------


def paragraphs() -> list[str]:
    texts = []
    for name in ("dev-v2.0.json", "test-v2.0.json"):
        data = json.loads((DATASETS / "squad2_cs224n_dev" / name).read_text(encoding="utf-8"))["data"]
        texts += [p["context"] for article in data for p in article["paragraphs"]]
    for item in json.loads((DATASETS / "pubmedqa" / "ori_pqal.json").read_text(encoding="utf-8")).values():
        texts += item["CONTEXTS"]
    return texts


def sentences() -> list[str]:
    found: dict[str, None] = {}
    for paragraph in paragraphs():
        for sentence in SENTENCE_END.split(paragraph):
            if len(sentence.strip()) >= 20:
                found.setdefault(sentence.strip(), None)
    return list(found)


def questions(count: int) -> list[str]:
    data = json.loads((DATASETS / "squad2_cs224n_dev" / "dev-v2.0.json").read_text(encoding="utf-8"))["data"]
    found = [q["question"] for a in data for p in a["paragraphs"] for q in p["qas"] if q["answers"]]
    found += [i["QUESTION"] for i in json.loads((DATASETS / "pubmedqa" / "ori_pqal.json").read_text(encoding="utf-8")).values()]
    return [found[i] for i in np.random.default_rng(3).permutation(len(found))[:count]]


class Chunks:
    """Chunk ``i``: 3-6 random sentences joined, made when asked (a million texts never sit in memory)."""

    def __init__(self, count: int, pool: list[str], seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        self.starts = np.concatenate([[0], np.cumsum(rng.integers(3, 7, size=count))])
        self.members = rng.integers(0, len(pool), size=int(self.starts[-1]))
        self.pool = pool

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, i: int) -> str:
        return " ".join(self.pool[j] for j in self.members[self.starts[i] : self.starts[i + 1]])


# ---- measurements -------------------------------------------------------------------------------


def timed(fn, *args):
    started = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - started


CHUNK_ROW = ("INSERT INTO chunks (id, document_id, ordinal, key, text, char_start, char_end, pages, heading_path, "
             "element_types, n_tokens, window_split, vector) VALUES (?, 1, ?, '', ?, 0, 0, '[]', '[]', '[]', 0, 0, x'')")


def catalog_of(path: Path, n: int) -> Catalog:
    """A SQLite catalog with ``n`` chunk rows (ids 1..n; their texts are not needed, so left empty)."""
    Catalog(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO collections (id, name, created_at) VALUES (1, 'bench', '2026-01-01')")
        db.execute("INSERT INTO documents (id, collection_id, path, size, mtime, file_type, status, n_chunks, n_chars, "
                   "created_at, updated_at) VALUES (1, 1, '/bench', 0, 0, 'txt', 'ok', 0, 0, '2026-01-01', '2026-01-01')")
        db.executemany(CHUNK_ROW, ((i + 1, i, "") for i in range(n)))
    return Catalog(f"sqlite:///{path}")


def add_document(path: Path, first_id: int, extra: Chunks) -> None:
    with sqlite3.connect(path) as db:
        db.executemany(CHUNK_ROW, [(first_id + i, i, extra[i]) for i in range(len(extra))])


def delete_chunks(path: Path, ids: np.ndarray) -> None:
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM chunks WHERE id BETWEEN ? AND ?", (int(ids[0]), int(ids[-1])))


def refresh(index: KeywordIndex, catalog: Catalog, folder: Path) -> tuple[KeywordIndex, dict[str, float]]:
    """What ``Index.refresh_keyword`` does, each step timed."""
    times = {}
    started, cpu = time.perf_counter(), time.process_time()
    stamp = catalog.stamp()
    added, removed = catalog_difference(catalog, index)
    times["catalog_diff_s"] = time.perf_counter() - started
    (ids, texts), times["read_texts_s"] = timed(chunk_texts, catalog, added)
    updated, times["update_s"] = timed(index.updated, ids, texts, removed, stamp)
    _, times["save_s"] = timed(updated.save, folder)
    times["total_s"] = time.perf_counter() - started
    times["cpu_s"] = time.process_time() - cpu
    return updated, times


def open_in_fresh_process(folder: Path, asked: list[str], k: int) -> dict:
    """Load time, RSS and query latency in a new process (so RSS is the index's, not the build's)."""
    code = (
        "import json, sys, time; from pathlib import Path\n"
        "def rss(): return int(next(l for l in open('/proc/self/status') if l.startswith('VmRSS')).split()[1]) / 1e6\n"
        "from rag.keyword_index import KeywordIndex\n"
        "before = rss(); t = time.perf_counter(); index = KeywordIndex.load(Path(sys.argv[1])); load = time.perf_counter() - t\n"
        "after = rss(); asked = json.loads(sys.stdin.read()); k = int(sys.argv[2])\n"
        "for q in asked[:20]: index.search(q, k)\n"
        "ms = []\n"
        "for q in asked[20:]:\n"
        "    t = time.perf_counter(); index.search(q, k); ms.append((time.perf_counter() - t) * 1000)\n"
        "print(json.dumps({'open_s': load, 'rss_gb': after, 'rss_index_gb': after - before, 'ms': ms}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(folder), str(k)], input=json.dumps(asked), capture_output=True,
                         text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    ms = sorted(result.pop("ms"))
    result["query_p50_ms"] = statistics.median(ms)
    result["query_p95_ms"] = ms[int(0.95 * (len(ms) - 1))]
    result["queries"] = len(ms)
    return result


def disk_gb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e9


def same_scores(a: KeywordIndex, b: KeywordIndex, asked: list[str], k: int) -> bool:
    return all(a.search(q, k) == b.search(q, k) for q in asked)


# ---- the run ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--k", type=int, default=30)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench_keyword"))
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--bm25s", action="store_true")
    args = parser.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    folder, out = args.workdir / "index", {"chunks": args.chunks, "k": args.k}
    pool = sentences()
    chunks, extra = Chunks(args.chunks, pool), Chunks(DOC_CHUNKS, pool, seed=1)
    asked = questions(args.queries + 20)
    out["sentences"] = len(pool)
    ids = np.arange(1, args.chunks + 1)
    cpu = time.process_time()
    index, out["build_s"] = timed(KeywordIndex.build, ids, chunks, f"{args.chunks}:{args.chunks}")
    out["build_cpu_s"] = time.process_time() - cpu
    out["build_peak_rss_gb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    folder.mkdir()
    _, out["save_s"] = timed(index.save, folder)
    out["disk_gb"] = disk_gb(folder)
    out["terms"] = index.n_terms
    out.update(open_in_fresh_process(folder, asked, args.k))
    database = args.workdir / "catalog.db"
    catalog, out["catalog_fill_s"] = timed(catalog_of, database, args.chunks)
    add_document(database, args.chunks + 1, extra)
    index, out["add"] = refresh(index, catalog, folder)
    gone = ids[len(ids) // 2 : len(ids) // 2 + DOC_CHUNKS]
    delete_chunks(database, gone)
    index, out["delete"] = refresh(index, catalog, folder)
    out["segments_after"] = [len(s.ids) for s in index.segments]
    if args.check:
        kept = np.concatenate([np.setdiff1d(ids, gone), np.arange(args.chunks + 1, args.chunks + DOC_CHUNKS + 1)])
        texts = _Texts(chunks, extra, args.chunks)
        full = KeywordIndex.build(kept, [texts[i] for i in kept.tolist()], "")
        out["scores_equal_full_rebuild"] = same_scores(index, full, asked, args.k)
    if args.bm25s:
        out["bm25s"] = bm25s_baseline(chunks, asked, args.k)
    report(out)
    (args.workdir / "result.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


class _Texts:
    def __init__(self, chunks: Chunks, extra: Chunks, n: int) -> None:
        self.chunks, self.extra, self.n = chunks, extra, n

    def __getitem__(self, chunk_id: int) -> str:
        return self.chunks[chunk_id - 1] if chunk_id <= self.n else self.extra[chunk_id - self.n - 1]


def bm25s_baseline(chunks: Chunks, asked: list[str], k: int) -> dict[str, float]:
    """The index before segments: a bm25s build over the same chunks, and its search as it was done."""
    import bm25s

    from rag.keyword_index import tokenize

    started = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(tokenize([chunks[i] for i in range(len(chunks))]), show_progress=False)
    built = time.perf_counter() - started

    def search(query: str) -> None:
        terms = retriever.get_tokens_ids(tokenize([query])[0])
        if terms:
            scores = retriever.get_scores(terms)
            top = np.argpartition(-scores, k - 1)[:k]
            top[np.argsort(-scores[top], kind="stable")]

    for query in asked[:20]:
        search(query)
    ms = sorted(timed(search, q)[1] * 1000 for q in asked[20:])
    return {"build_s": built, "query_p50_ms": statistics.median(ms), "query_p95_ms": ms[int(0.95 * (len(ms) - 1))]}


def report(out: dict) -> None:
    add, delete = out["add"], out["delete"]
    print(f"keyword index, {out['chunks']:,} chunks of real sentences ({out['sentences']:,} distinct), {out['terms']:,} terms")
    print(f"  full build {out['build_s']:.1f} s ({out['build_cpu_s']:.1f} s CPU) + save {out['save_s']:.1f} s; peak RSS of the build {out['build_peak_rss_gb']:.2f} GB")
    print(f"  disk {out['disk_gb']:.2f} GB; open {out['open_s']:.2f} s; RSS of a process holding it {out['rss_gb']:.2f} GB "
          f"(+{out['rss_index_gb']:.2f} GB by the index)")
    print(f"  search k={out['k']} over {out['queries']} real questions: p50 {out['query_p50_ms']:.1f} ms, p95 {out['query_p95_ms']:.1f} ms")
    for name, step in (("add one 40-chunk document", add), ("delete one 40-chunk document", delete)):
        parts = ", ".join(f"{k[:-2]} {v:.2f} s" for k, v in step.items() if k not in ("total_s", "cpu_s"))
        print(f"  {name}: {step['total_s']:.2f} s ({parts}; {step['cpu_s']:.2f} s CPU) = "
              f"{step['total_s'] / out['build_s']:.4f}x a full build's wall time, {step['cpu_s'] / out['build_cpu_s']:.4f}x its CPU")
    if "bm25s" in out:
        old = out["bm25s"]
        print(f"  before (bm25s, rebuilt whole for any change): build {old['build_s']:.1f} s, search p50 "
              f"{old['query_p50_ms']:.1f} ms, p95 {old['query_p95_ms']:.1f} ms; adding one document now costs "
              f"{add['total_s'] / old['build_s']:.4f}x that rebuild, search p50 {out['query_p50_ms'] / old['query_p50_ms']:.2f}x")
    if "scores_equal_full_rebuild" in out:
        print(f"  top-{out['k']} results equal to a full rebuild's after the add and the delete: {out['scores_equal_full_rebuild']}")
    print(f"  segments after: {out['segments_after']}")


if __name__ == "__main__":
    main()
