"""Regenerate the measured part of docs/benchmarks.md: `rag eval` on SQuAD2 and PubMedQA, with ablations.

    .venv/bin/python bench/benchmarks.py [--answers N] [--run-peers | --peers PEERS.json] [--work DIR]

* SQuAD2 (../shared/datasets/squad2_cs224n_dev): the 16 dev articles plus the 20 test articles as
  distractors, one Markdown document per article. Retrieval over every answerable question in
  hybrid, dense and BM25-only mode, at the default chunk size and at a smaller one.
* PubMedQA PQA-L (../shared/datasets/pubmedqa): each of the 1,000 abstracts is a document; a
  retrieved passage counts when it comes from the question's own abstract (its answers are not
  spans of the text).
* Answers: every SQuAD2 question (answerable and unanswerable) in one fixed random order, generated
  with the bundled GGUF; each draft is scored with and without citation verification. At ~2.5 s
  per answer on 2 cores the whole set takes hours, so the run is checkpointed in
  docs/benchmarks/answers/ and each call answers ``--answers N`` more questions (``all`` = the
  rest); the table covers what has been answered so far, a uniform random sample of the set.
* ``--run-peers`` runs bench/peers.py afterwards and adds its table (``--peers`` takes a saved one).

Only the part of docs/benchmarks.md between the ``generated`` markers is rewritten; the prose
around it is kept. Plots go to docs/benchmarks/.
"""

from __future__ import annotations

import argparse
import hashlib
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

from bench.squad_corpus import SQUAD_DIR, load_articles, write_articles

PUBMEDQA = ROOT.parent / "shared" / "datasets" / "pubmedqa" / "ori_pqal.json"
DOC = ROOT / "docs" / "benchmarks.md"
PLOTS = ROOT / "docs" / "benchmarks"
ANSWERS = PLOTS / "answers"  # the resumable answer run: run.json + results.jsonl
# what the answers depend on besides the settings, the code that picks the passages and decides the
# answer: a changed file starts the answer run over (vector_index.py is left out: its search is exact
# below ann_threshold, and its thread setting does not change what it finds)
ANSWER_CODE = ["rag/embed.py", "rag/keyword_index.py", "rag/index.py", "rag/retrieve.py", "rag/cite.py", "rag/terms.py",
               "rag/prompting.py", "rag/engine.py", "rag/llm.py", "rag/answer.py", "rag/grounding.py", "rag/wants.py",
               "rag/rows.py", "rag/extract.py", "rag/key_terms.py", "rag/quoting.py", "rag/question_parts.py",
               "rag/source_naming.py", "rag/titles.py", "rag/abbreviations.py", "rag/chunk_edges.py", "rag/injection.py",
               "rag/condense.py", "rag/opposites.py", "rag/data/antonyms.tsv", *sorted(f"prompts/{p.name}" for p in (ROOT / "prompts").glob("*.txt"))]
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
    from rag.eval.run import load_qa

    items = load_qa(SQUAD_DIR / "dev-v2.0.json")
    return [i for i in items if i.answerable] if answerable_only else items


def pubmed_corpus(folder: Path):
    """Abstracts as text files, and their questions (any passage of the own abstract counts)."""
    import ast

    from rag.eval.run import QAItem

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
    from rag.eval.run import evaluate

    rows = []
    with rag.open(index, create=False) as engine:
        for mode in modes:
            started = time.perf_counter()
            run = evaluate(engine, items, ks=KS, retrieve_options={"mode": mode})
            metrics = run.metrics()
            rows.append({"corpus": label, "mode": mode, "questions": metrics["answerable"],
                         "unanswerable": metrics["unanswerable"], **metrics["retrieval"],
                         "curve": [metrics["retrieval"][f"hit@{k}"] for k in KS], "seconds": time.perf_counter() - started})
            print(f"  {label} {mode}: hit@5 {metrics['retrieval']['hit@5']} mrr {metrics['retrieval']['mrr@10']}", flush=True)
    return rows


def code_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ANSWER_CODE:
        digest.update(name.encode() + b"\0" + (ROOT / name).read_bytes())
    return digest.hexdigest()[:16]


def answer_code_changed(folder: Path) -> bool:
    """The checkpointed answer run in ``folder`` was measured with other ANSWER_CODE than now (it
    would be refused after the ingest and retrieval rows, so this is checked first)."""
    from rag.eval.checkpoint import Checkpoint

    saved = Checkpoint(folder).saved()
    return saved is not None and saved["settings"].get("code") != code_fingerprint()


def answer_rows(index: Path, more: int | None, folder: Path, restart: bool,
                helper: bool = False) -> tuple[list[dict], dict]:
    """Answer up to ``more`` (None = all) further questions of the run in ``folder``, then score
    everything answered so far with citation verification on and off (one generation each).

    ``helper``: answer from the end of the order into ``folder/helper`` instead, as a second process
    beside a forward run (one core each: llama.cpp decodes on one thread by default here). The
    checkpointed questions are then a prefix plus a suffix of one random order, still a uniform
    sample; the next forward run checks the helper's settings and folds its results in."""
    import random

    import rag
    from rag.eval import Checkpoint, evaluate, evaluate_saved, run_settings

    items = squad_items(answerable_only=False)
    random.Random(0).shuffle(items)  # any prefix is a uniform sample of the whole set
    qa_file = "SQuAD2 dev-v2.0.json (all questions, random order, seed 0)"
    checkpoint, side = Checkpoint(folder), Checkpoint(folder / "helper")
    code = {"code": code_fingerprint()}
    started = time.perf_counter()
    with rag.open(index, create=False, generate_when_quoted=True) as engine:  # drafts for the verification-off row
        settings = {**run_settings(engine, True, {}, 10), **code}
        if helper:  # the forward run owns folder/results.jsonl: only read it
            done = checkpoint.measured(qa_file, settings)
            ids = {r.id for r in done}
            done += [r for r in side.start(qa_file, settings, resume=not restart) if r.id not in ids]
            measured = {r.id for r in done}
            todo = [i for i in items[::-1] if i.id not in measured][:more]
            print(f"  answers (helper): {len(done)} of {len(items)} done before, answering {len(todo)} more", flush=True)
            run = evaluate(engine, todo, ks=[5], answers=True, on_result=side.add, done=done)
        else:
            extra = [] if restart else side.measured(qa_file, settings)
            if extra:  # a helper's results (same settings: measured() checks), folded in once
                ids = {r.id for r in checkpoint.start(qa_file, settings, resume=True)}
                for result in extra:
                    if result.id not in ids:
                        checkpoint.add(result)
                print(f"  answers: folded in {len(extra)} answered by a helper run", flush=True)
            shutil.rmtree(side.folder, ignore_errors=True)
            run = evaluate_saved(
                engine, items, qa_file=qa_file, folder=folder, resume=not restart, ks=[5], answers=True,
                extra_settings=code, more=more,
                on_start=lambda done: print(f"  answers: {len(done)} of {len(items)} done before", flush=True),
            )
        metrics = run.metrics()
        model = engine.model.name
    if "answers_by_verification" not in metrics:
        return [], {}
    rows = [{"verify_citations": on == "on", "questions": metrics["questions"], "answerable": metrics["answerable"],
             **metrics["answers_by_verification"][on], "model": model} for on in ("on", "off")]
    print(f"  answers: {metrics['questions']} of {len(items)} now ({time.perf_counter() - started:.0f} s this call)", flush=True)
    return rows, {"questions": metrics["questions"], "total": len(items), "answerable": metrics["answerable"],
                  "retrieval": metrics["retrieval"]}


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


def tables(ingests: list[dict], retrieval: list[dict], answers: list[dict], answer_run: dict, peers: dict | None,
           command: str) -> str:
    out = [START, "", f"Generated by `{command}` on {time.strftime('%Y-%m-%d')}.", "", f"Machine: {machine()}.", ""]
    out += ["### Ingest", "", "| corpus | chunking | documents | chunks | seconds |", "|---|---|---|---|---|"]
    out += [f"| {r['corpus']} | {r['chunking']} | {r['documents']} | {r['chunks']} | {r['seconds']:.1f} |" for r in ingests]
    out += ["", "### Retrieval (every question; hit@k and MRR over the answerable ones; k = passages retrieved)", "",
            ("*Refused at retrieval*: share of questions whose best passage among the `top_k` (3) given to the model is "
            "below `min_relevance` (cosine 0.30), which the engine refuses without generating."), "",
            ("| corpus, chunking | mode | answerable | unanswerable | hit@1 | hit@3 | hit@5 | hit@10 | MRR@10 | nDCG@10 "
            "| refused at retrieval: unanswerable | answerable | p50 ms | p95 ms |"),
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in retrieval:
        out.append(f"| {r['corpus']} | {r['mode']} | {r['questions']} | {r['unanswerable']} | "
                   + " | ".join(fmt(r[f"hit@{k}"]) for k in KS)
                   + f" | {fmt(r['mrr@10'])} | {fmt(r['ndcg@10'])} | {fmt(r['refused_at_retrieval_unanswerable'])} "
                   f"| {fmt(r['refused_at_retrieval_answerable'])} | {fmt(r['latency_ms_p50'], 1)} | {fmt(r['latency_ms_p95'], 1)} |")
    out += ["", "![hit@k curves](benchmarks/hit_at_k.png)", ""]
    if answers:
        n, a = answers[0]["questions"], answers[0]["answerable"]
        whole = "every question" if n == answer_run["total"] else f"a uniform random sample: {n:,} of {answer_run['total']:,} questions"
        out += [f"### Answers (SQuAD2, {whole}: {a:,} answerable, {n - a:,} unanswerable; model {answers[0]['model']})", "",
                ("One generation per question; *off* shows the same draft whole, *on* keeps only the claims a passage "
                "supports. Run state: `docs/benchmarks/answers/` (per-question results), resumed by `--answers N`."), "",
                ("| citation verification | exact match | F1 | answer holds gold | citation precision | citation recall "
                "| refused (unanswerable) | refused (answerable) | p50 ms | p95 ms |"), "|---|---|---|---|---|---|---|---|---|---|"]
        for r in answers:
            out.append(f"| {'on' if r['verify_citations'] else 'off'} | {fmt(r['exact_match'])} | {fmt(r['f1'])} | "
                       f"{fmt(r['answer_contains_gold'])} | {fmt(r['citation_precision'])} | {fmt(r['citation_recall'])} | "
                       f"{fmt(r['refusal_rate_unanswerable'])} | {fmt(r['false_refusal_rate_answerable'])} | "
                       f"{fmt(r['latency_ms_p50'], 0)} | {fmt(r['latency_ms_p95'], 0)} |")
        out.append("")
        if n < answer_run["total"]:
            out += [(f"Sampling error (95 %) of a rate is at most ±{1.96 * 0.5 / max(a, 1) ** 0.5:.3f} over the answerable "
                    f"questions and ±{1.96 * 0.5 / max(n - a, 1) ** 0.5:.3f} over the unanswerable ones; the two rows share "
                    "their drafts, so their difference is measured more precisely than either row."), ""]
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
    parser.add_argument("--answers", type=lambda v: None if v == "all" else int(v), default=0,
                        help="answer N more SQuAD2 questions of the checkpointed run ('all' = the rest; default 0: "
                             "only report what was answered before)")
    parser.add_argument("--answers-restart", action="store_true", help="start the answer run over")
    parser.add_argument("--answers-helper", action="store_true",
                        help="answer from the end of the order beside a running forward run (another core), "
                             "into docs/benchmarks/answers/helper/; writes no tables")
    parser.add_argument("--no-answers", action="store_true", help="leave the answers section out")
    parser.add_argument("--peers", type=Path, default=None, help="JSON written by bench/peers.py --json")
    parser.add_argument("--run-peers", action="store_true", help="also run bench/peers.py (needs the bench extra)")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="keep the indexes already built in --work (retrieval changes only)")
    parser.add_argument("--retrieval-from", type=Path, default=None,
                        help="take ingest and retrieval rows from a results.json written before (answers and tables only)")
    parser.add_argument("--smoke", action="store_true", help="2+2 articles, 30 abstracts, 3+3 answers; writes under --work only")
    args = parser.parse_args()
    global DOC, PLOTS, ANSWERS
    if args.smoke:
        args.answers = min(args.answers if args.answers is not None else 3, 3)
    if not (args.no_answers or args.answers_restart or args.smoke) and answer_code_changed(ANSWERS):
        parser.error(f"the answer run in {ANSWERS} was measured with other code (one of the files in ANSWER_CODE, "
                     "bench/benchmarks.py, changed since): --answers-restart measures it again (about 5 h on 2 cores), "
                     "--no-answers leaves the answers section out")
    work = args.work or Path(tempfile.mkdtemp(prefix="rag-bench-"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    command = "python bench/benchmarks.py" + (" --no-answers" if args.no_answers else "") + (
        " --run-peers" if args.run_peers else f" --peers {args.peers}" if args.peers else "") + (
        f" --retrieval-from {args.retrieval_from}" if args.retrieval_from else "")

    squad_docs = work / "squad"
    articles = load_articles(("dev", "test"))
    pubmed_docs = work / "pubmedqa"
    pubmed = pubmed_corpus(pubmed_docs)
    squad = squad_items(answerable_only=False)
    if args.smoke:
        DOC, PLOTS, ANSWERS = work / "benchmarks.md", work / "benchmarks", work / "benchmarks" / "answers"
        articles = articles[:2] + articles[16:18]
        squad = [i for i in squad if i.source in {a.title for a in articles}][:40]
        for path in sorted(pubmed_docs.iterdir())[30:]:
            path.unlink()
        pubmed = [i for i in pubmed if (pubmed_docs / i.source).exists()]
    write_articles(articles, squad_docs)

    ingests, retrieval, saved_peers = [], [], None
    if args.retrieval_from:
        saved_rows = json.loads(args.retrieval_from.read_text())
        ingests, retrieval = saved_rows["ingest"], saved_rows["retrieval"]
        saved_peers = saved_rows.get("peers")  # kept unless --peers or --run-peers gives new ones
    for corpus, docs, chunking, label in [] if args.retrieval_from else [
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

    answers, answer_run = [], {}
    if not args.no_answers:
        answers, answer_run = answer_rows(work / "index-squad-900", args.answers, ANSWERS, args.answers_restart,
                                          helper=args.answers_helper)
    if args.answers_helper:
        return
    if args.run_peers:  # its own subprocesses, after ours, so the two never share the CPU
        args.peers = work / "peers.json"
        smoke = ["--max-articles", "2", "--limit", "20"] if args.smoke else []
        subprocess.run([sys.executable, str(ROOT / "bench" / "peers.py"), "--json", str(args.peers), *smoke], check=True)
    peers = json.loads(args.peers.read_text()) if args.peers else saved_peers
    plot_curves(retrieval, PLOTS / "hit_at_k.png")
    (PLOTS / "results.json").write_text(json.dumps({"ingest": ingests, "retrieval": retrieval, "answers": answers, "answer_run": answer_run,
                                                   "peers": peers},
                                                   indent=2, default=str) + "\n")
    write_doc(tables(ingests, retrieval, answers, answer_run, peers, command))
    print(f"wrote {DOC} and {PLOTS}/")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
