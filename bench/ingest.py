"""Ingest throughput against the raw embedding limit, re-ingest cost, and memory, in one run.

    .venv/bin/python bench/ingest.py [--articles N]

On the SQuAD 2.0 articles of ../shared/datasets/squad2_cs224n_dev (dev + test, one Markdown
document per article) it prints:
  * our chunks/s for a whole ingest (discover, parse, chunk, embed, catalog, FAISS) with the model
    already loaded, against raw ``SentenceTransformer.encode`` over the very same chunk texts with
    the same batch size (goal: ratio >= 0.85);
  * the time of an unchanged re-ingest as a fraction of the first (goal: <= 0.02);
  * peak RSS (main process + parser workers) of `rag ingest` over half and over all of the corpus,
    which should not grow with corpus size beyond the index itself.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.rss import wait_with_peak_rss  # noqa: E402
from bench.squad_corpus import load_articles, write_articles  # noqa: E402
from ingest.pipeline import ingest  # noqa: E402
from rag.catalog import Catalog  # noqa: E402
from rag.config import Settings  # noqa: E402
from rag.embed import Embedder  # noqa: E402


def peak_rss_of(command: list[str]) -> tuple[float, float]:
    """Run a command; return (seconds, peak MB of RSS summed over it and its children)."""
    import psutil

    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    peak = wait_with_peak_rss(process, 0.1)
    assert process.returncode == 0, f"{command} failed"
    return time.perf_counter() - started, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=0, help="use only the first N articles (0 = all 36)")
    parser.add_argument("--skip-rss", action="store_true", help="skip the peak-RSS runs")
    args = parser.parse_args()

    articles = load_articles(("dev", "test"))
    if args.articles:
        articles = articles[: args.articles]
    work = Path(tempfile.mkdtemp(prefix="rag-bench-"))
    docs = work / "docs"
    write_articles(articles, docs)
    settings = Settings(index_dir=work / "index")
    embedder = Embedder.from_settings(settings)
    embedder.encode(["warm up"])  # both sides start with the model loaded

    first = ingest([docs], settings, embedder=embedder)
    again = ingest([docs], settings, embedder=embedder)
    assert again.unchanged == first.files_seen and again.embedded == 0

    catalog = Catalog(settings.resolved_catalog_url)
    texts = [c.text for d in catalog.documents() for c in catalog.chunks_of(d.path)]
    catalog.close()
    started = time.perf_counter()
    embedder.model.encode(texts, batch_size=settings.embedding_batch_size, normalize_embeddings=True, show_progress_bar=False)
    raw_seconds = time.perf_counter() - started

    ours = first.chunks / first.seconds
    raw = len(texts) / raw_seconds
    print(f"corpus: {len(articles)} SQuAD articles, {sum(len(a.markdown()) for a in articles):,} characters, "
          f"{first.chunks} chunks; {os.cpu_count()} cores; workers={settings.workers}")
    print(f"ingest (model loaded)    {first.seconds:8.2f} s  {ours:8.1f} chunks/s")
    print(f"raw encode, same texts   {raw_seconds:8.2f} s  {raw:8.1f} chunks/s")
    print(f"throughput ratio ours/raw            {ours / raw:6.3f}   (goal >= 0.85)")
    print(f"unchanged re-ingest      {again.seconds:8.3f} s  ratio to first {again.seconds / first.seconds:6.4f}   (goal <= 0.02)")

    if not args.skip_rss:
        half = work / "half"
        write_articles(articles[: max(1, len(articles) // 2)], half)
        rag = [sys.executable, "-m", "rag.cli", "ingest"]
        t_half, rss_half = peak_rss_of([*rag, str(half), "--index", str(work / "i-half")])
        t_all, rss_all = peak_rss_of([*rag, str(docs), "--index", str(work / "i-all")])
        print(f"rag ingest, half corpus  {t_half:8.2f} s  peak RSS {rss_half:7.0f} MB (main + workers)")
        print(f"rag ingest, full corpus  {t_all:8.2f} s  peak RSS {rss_all:7.0f} MB   ratio {rss_all / rss_half:5.2f}")


if __name__ == "__main__":
    main()
