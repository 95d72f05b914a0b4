"""Regenerate the measured part of docs/benchmarks.md: `rag eval` on SQuAD2 and PubMedQA, with ablations.

    .venv/bin/python bench/benchmarks.py [--answers N] [--run-peers | --peers PEERS.json] [--work DIR]

* SQuAD2 (../shared/datasets/squad2_cs224n_dev): the 16 dev articles plus the 20 test articles as
  distractors, one Markdown document per article. Retrieval over every answerable question in
  hybrid, dense and BM25-only mode, at the default chunk size and at a smaller one.
* PubMedQA PQA-L (../shared/datasets/pubmedqa): each of the 1,000 abstracts is a document; a
  retrieved passage counts when it comes from the question's own abstract (its answers are not
  spans of the text).
* Answers: N answerable and N unanswerable SQuAD2 questions (spread evenly), generated with the
  bundled GGUF, with and without citation verification.
* ``--run-peers`` runs bench/peers.py afterwards and adds its table (``--peers`` takes a saved one).

Only the part of docs/benchmarks.md between the ``generated`` markers is rewritten; the prose
around it is kept. Plots go to docs/benchmarks/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.squad_corpus import SQUAD_DIR, load_articles, write_articles  # noqa: E402

PUBMEDQA = ROOT.parent / "shared" / "datasets" / "pubmedqa" / "ori_pqal.json"
DOC = ROOT / "docs" / "benchmarks.md"
PLOTS = ROOT / "docs" / "benchmarks"
START, END = "<!-- generated:start -->", "<!-- generated:end -->"
KS = [1, 3, 5, 10]
MODES = ["hybrid", "dense", "keyword"]
PEERS_HEADING = ("### Peers (`bench/peers.py --json PEERS.json`: SQuAD2 16 + 20 articles, 2,910 answerable questions, "
                 "same MiniLM model, one subprocess per system, one run)")
SMALL_CHUNKS = {"chunk_max_chars": 450, "chunk_soft_chars": 350, "chunk_overlap_chars": 50, "chunk_combine_under_chars": 100}


def build_index(docs: Path, index: Path, **chunking):
    from ingest.pipeline import ingest
    from rag.config import Settings

    if index.exists():
        shutil.rmtree(index)
    report = ingest([docs], Settings(index_dir=index, **chunking))
    assert report.failed == 0, report.errors[:3]
    return report


def squad_items(answerable_only: bool):
    from rag.evaluate import load_qa

    items = load_qa(SQUAD_DIR / "dev-v2.0.json")
    return [i for i in items if i.answerable] if answerable_only else items


def pubmed_corpus(folder: Path):
    """Abstracts as text files, and their questions (any passage of the own abstract counts)."""
    import ast

    from rag.evaluate import QAItem

    folder.mkdir(parents=True, exist_ok=True)
    items = []
    for pmid, record in json.loads(PUBMEDQA.read_text(encoding="utf-8")).items():
        contexts = record["CONTEXTS"]
        contexts = ast.literal_eval(contexts) if isinstance(contexts, str) else contexts
        (folder / f"{pmid}.txt").write_text("\n\n".join(contexts) + "\n", encoding="utf-8")
        items.append(QAItem(pmid, record["QUESTION"], None, f"{pmid}.txt"))
    return items


def retrieval_rows(index: Path, items, label: str, modes=MODES) -> list[dict]:
    import rag
    from rag.evaluate import evaluate

    rows = []
    with rag.open(index, create=False) as engine:
        for mode in modes:
            started = time.perf_counter()
            run = evaluate(engine, items, ks=KS, retrieve_options={"mode": mode})
            metrics = run.metrics()
            rows.append({"corpus": label, "mode": mode, "questions": metrics["answerable"], **metrics["retrieval"],
                         "curve": [metrics["retrieval"][f"hit@{k}"] for k in KS], "seconds": time.perf_counter() - started})
            print(f"  {label} {mode}: hit@5 {metrics['retrieval']['hit@5']} mrr {metrics['retrieval']['mrr@10']}", flush=True)
    return rows


def answer_rows(index: Path, n: int) -> list[dict]:
    import rag
    from rag.evaluate import evaluate, spread

    items = squad_items(answerable_only=False)
    sample = spread([i for i in items if i.answerable], n) + spread([i for i in items if not i.answerable], n)
    rows = []
    for verify in (True, False):
        with rag.open(index, create=False, verify_citations=verify) as engine:
            started = time.perf_counter()
            metrics = evaluate(engine, sample, ks=[5], answers=True).metrics()
            rows.append({"verify_citations": verify, "questions": metrics["questions"], **metrics["answers"],
                         "model": engine.model.name, "seconds": time.perf_counter() - started})
            print(f"  answers verify={verify}: {metrics['answers']}", flush=True)
    return rows


def plot_curves(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 4))
    for row in rows:
        ax.plot(KS, row["curve"], marker="o", label=f"{row['corpus']}, {row['mode']}")
    ax.set(xlabel="k", ylabel="hit@k", xticks=KS, ylim=(0.4, 1.0), title="hit@k by corpus, chunking and mode")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)


def machine() -> str:
    import faiss
    import sentence_transformers
    import torch

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return (f"{cpu}, {os.cpu_count()} cores, {memory} GiB RAM, {platform.system()} {platform.release()}; Python "
            f"{platform.python_version()}, torch {torch.__version__}, sentence-transformers {sentence_transformers.__version__}, "
            f"faiss {faiss.__version__}")


def fmt(value, digits: int = 3) -> str:
    if value is None:
        return "n/a"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def tables(ingests: list[dict], retrieval: list[dict], answers: list[dict], peers: dict | None, command: str) -> str:
    out = [START, "", f"Generated by `{command}` on {time.strftime('%Y-%m-%d')}.", "", f"Machine: {machine()}.", ""]
    out += ["### Ingest", "", "| corpus | chunking | documents | chunks | seconds |", "|---|---|---|---|---|"]
    out += [f"| {r['corpus']} | {r['chunking']} | {r['documents']} | {r['chunks']} | {r['seconds']:.1f} |" for r in ingests]
    out += ["", "### Retrieval (every answerable question; k = passages retrieved)", "",
            "| corpus, chunking | mode | questions | hit@1 | hit@3 | hit@5 | hit@10 | MRR@10 | nDCG@10 | p50 ms | p95 ms |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in retrieval:
        out.append(f"| {r['corpus']} | {r['mode']} | {r['questions']} | " + " | ".join(fmt(r[f"hit@{k}"]) for k in KS)
                   + f" | {fmt(r['mrr@10'])} | {fmt(r['ndcg@10'])} | {fmt(r['latency_ms_p50'], 1)} | {fmt(r['latency_ms_p95'], 1)} |")
    out += ["", "![hit@k curves](benchmarks/hit_at_k.png)", ""]
    if answers:
        n = answers[0]["questions"]
        out += [f"### Answers ({n} SQuAD2 questions, half unanswerable; model {answers[0]['model']})", "",
                "| citation verification | exact match | F1 | answer holds gold | citation precision | citation recall "
                "| refused (unanswerable) | refused (answerable) | p50 ms | p95 ms |", "|---|---|---|---|---|---|---|---|---|---|"]
        for r in answers:
            out.append(f"| {'on' if r['verify_citations'] else 'off'} | {fmt(r['exact_match'])} | {fmt(r['f1'])} | "
                       f"{fmt(r['answer_contains_gold'])} | {fmt(r['citation_precision'])} | {fmt(r['citation_recall'])} | "
                       f"{fmt(r['refusal_rate_unanswerable'])} | {fmt(r['false_refusal_rate_answerable'])} | "
                       f"{fmt(r['latency_ms_p50'], 0)} | {fmt(r['latency_ms_p95'], 0)} |")
        out.append("")
    if peers:
        out += [PEERS_HEADING, "", peers["table"], "", "```", peers["ratios"], "```", ""]
    out.append(END)
    return "\n".join(out)


def write_doc(generated: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    DOC.write_text(before + generated + after, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=60, help="answerable and as many unanswerable questions to answer (0 = skip)")
    parser.add_argument("--peers", type=Path, default=None, help="JSON written by bench/peers.py --json")
    parser.add_argument("--run-peers", action="store_true", help="also run bench/peers.py (needs the bench extra)")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="keep the indexes already built in --work (retrieval changes only)")
    parser.add_argument("--smoke", action="store_true", help="2+2 articles, 30 abstracts, 3+3 answers; writes under --work only")
    args = parser.parse_args()
    global DOC, PLOTS
    if args.smoke:
        args.answers = min(args.answers, 3)
    work = args.work or Path(tempfile.mkdtemp(prefix="rag-bench-"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    command = "python bench/benchmarks.py" + (f" --answers {args.answers}" if args.answers != 60 else "") + (
        " --run-peers" if args.run_peers else f" --peers {args.peers}" if args.peers else "")

    squad_docs = work / "squad"
    articles = load_articles(("dev", "test"))
    pubmed_docs = work / "pubmedqa"
    pubmed = pubmed_corpus(pubmed_docs)
    squad = squad_items(answerable_only=True)
    if args.smoke:
        DOC, PLOTS = work / "benchmarks.md", work / "benchmarks"
        articles = articles[:2] + articles[16:18]
        squad = [i for i in squad if i.source in {a.title for a in articles}][:40]
        for path in sorted(pubmed_docs.iterdir())[30:]:
            path.unlink()
        pubmed = [i for i in pubmed if (pubmed_docs / i.source).exists()]
    write_articles(articles, squad_docs)

    ingests, retrieval = [], []
    for corpus, docs, chunking, label in [
        ("SQuAD2 (16 + 20 articles)", squad_docs, {}, "default (900 chars)"),
        ("SQuAD2 (16 + 20 articles)", squad_docs, SMALL_CHUNKS, "small (450 chars)"),
        ("PubMedQA (1,000 abstracts)", pubmed_docs, {}, "default (900 chars)"),
    ]:
        index = work / f"index-{docs.name}-{chunking.get('chunk_max_chars', 900)}"
        saved = index.with_name(index.name + ".json")
        if args.reuse and saved.exists() and index.exists():
            ingests.append(json.loads(saved.read_text()))
        else:
            print(f"ingesting {corpus}, {label}", flush=True)
            report = build_index(docs, index, **chunking)
            ingests.append({"corpus": corpus, "chunking": label, "documents": report.added, "chunks": report.chunks,
                            "seconds": report.seconds})
            saved.write_text(json.dumps(ingests[-1]))
        items = squad if docs == squad_docs else pubmed
        modes = MODES if label.startswith("default") else ["hybrid"]
        retrieval += retrieval_rows(index, items, f"{corpus.split(' ')[0]}, {label.split(' ')[0]} chunks", modes)

    answers = answer_rows(work / "index-squad-900", args.answers) if args.answers else []
    if args.run_peers:  # its own subprocesses, after ours, so the two never share the CPU
        args.peers = work / "peers.json"
        smoke = ["--max-articles", "2", "--limit", "20"] if args.smoke else []
        subprocess.run([sys.executable, str(ROOT / "bench" / "peers.py"), "--json", str(args.peers), *smoke], check=True)
    peers = json.loads(args.peers.read_text()) if args.peers else None
    plot_curves(retrieval, PLOTS / "hit_at_k.png")
    (PLOTS / "results.json").write_text(json.dumps({"ingest": ingests, "retrieval": retrieval, "answers": answers},
                                                   indent=2, default=str) + "\n")
    write_doc(tables(ingests, retrieval, answers, peers, command))
    print(f"wrote {DOC} and {PLOTS}/")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
