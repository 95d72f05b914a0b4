"""Tune the two refusal thresholds of ``rag/config.py`` from data: ``min_relevance`` and ``min_support``.

    .venv/bin/python bench/tune_refusal.py [--workdir /tmp/tune_refusal] [--seed 0]
        [--relevance-n 1000] [--pubmed-n 1000] [--answerable-n 300] [--unanswerable-n 100]
        [--offtopic-pubmed-n 60] [--skip-support] [--fresh] [--json FILE]

Corpus: the 16 SQuAD 2.0 dev articles plus the 20 test articles (distractors) of
``../shared/datasets/squad2_cs224n_dev``, written as Markdown files by ``bench/squad_corpus.py`` into
WORKDIR/docs and ingested into WORKDIR/index (reused when it already holds the 36 documents).

1. Relevance (``min_relevance``; no language model involved). For each question the score the
   engine compares with ``min_relevance``: the best dense cosine over the passages that
   ``engine.retrieve(q, k=3)`` returns (hybrid retrieval, as ``Engine.stream`` does). Questions:
   a sample of answerable SQuAD dev questions (in-domain), the same number of unanswerable ones
   (on-topic, so they should pass: the support check is meant to catch them), and off-topic ones,
   PubMedQA PQA-L questions plus hand-written general-knowledge questions. Prints percentiles of
   each distribution and, for thresholds 0.100..0.500 step 0.025, the share of answerable
   questions wrongly refused and the share of off-topic questions let through.

2. Support (``min_support``; runs the bundled GGUF model, ~3 s a question on 2 cores). For a sample of
   answerable and unanswerable dev questions, ``engine.ask`` with ``min_relevance=-1`` (relevance
   does not interfere) and ``verify_citations=True``. For each answer: the draft; whether it
   contains a gold answer (case-insensitive, white space normalized, ``[n]`` markers removed);
   and, for each answer sentence (as ``rag.cite.verify`` splits them) and each passage given to
   the model, the support score and whether its numbers and names occur in the passage
   (``rag.cite.check``), also for its leading clauses (``verify`` trims an unsupported sentence to
   its longest supported leading clause). A sentence is supported at threshold t when it or one of
   those clauses has a passage with score >= t that passes the numbers/names check; an answer is
   kept when one of its sentences is supported,
   which is the engine's rule (checked: at the configured ``min_support`` the replay must agree
   with the engine's own decision). For thresholds 0.30..0.90 step 0.05: share of correct
   answers kept, of incorrect answers refused, and of unanswerable questions refused. Also asked:
   the off-topic questions (the general ones and the first ``--offtopic-pubmed-n`` PubMedQA ones)
   that get past the recommended ``min_relevance``, to see how many the support check still refuses.
   The answers are cached, one JSON line each, in WORKDIR/support_cache.jsonl (and the relevance
   scores in WORKDIR/relevance_cache.jsonl): an interrupted run resumes, a larger sample asks only the
   new questions, and the tables are always recomputed from the stored drafts and passages with
   rag/cite.py as it is now (``--fresh`` asks and retrieves everything again). A first run with the
   defaults takes about 25 minutes on a quiet 2-core machine, a cached rerun seconds.

   Also printed: why correct answers were refused (score below the threshold, or a number/name of
   the sentence missing from the passage, with the missing words), incorrect answers that were kept,
   and the table again as if the model's boilerplate words ("The answer is: ...") were stop words
   (``rag.cite.STOPWORDS`` patched in this process only; nothing in rag/ is changed), and once more with
   each claim scored only on its words that are not in the question.

3. Recommendation: the highest ``min_relevance`` on the grid that keeps >= 98 % of answerable
   questions, and the ``min_support`` that maximizes (share of correct answers kept) - (share of
   incorrect answers kept), lower threshold on ties, with a bootstrap of how often each threshold wins.

Step 2's replay and tables are in bench/refusal_support.py. Results and caveats: docs/refusal.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.refusal_support import (analyze, ask_all, contains_gold, pct, stored_passages, support_report,  # noqa: E402
                                   what_if_new_terms, what_if_stopwords)
from bench.squad_corpus import load_articles, write_articles  # noqa: E402

PUBMEDQA = ROOT.parent / "shared" / "datasets" / "pubmedqa" / "ori_pqal.json"
RELEVANCE_GRID = [round(0.10 + 0.025 * i, 3) for i in range(17)]  # 0.100 .. 0.500
KEEP_GOAL = 0.98
N_ARTICLES = 36
PERCENTILES = (1, 2, 5, 10, 25, 50, 75, 90, 95, 99)
# words the small model wraps answers in ("The answer is: IgG", "The passage states that ..."): content
# words to rag.cite, so they count against support; the what-if table treats them as stop words
BOILERPLATE = {"answer", "question", "passage", "passages", "context", "provided", "states", "state", "mention",
               "mentions", "mentioned", "according"}

# Off-topic for the 36 articles (Normans, complexity theory, Huguenots, steam engine, oil crisis, EU law,
# packet switching, Harvard, Yuan dynasty, immune system, Scottish Parliament, Islamism, imperialism,
# Warsaw, French and Indian War, force, prime numbers, private schools, ctenophores, Jacksonville,
# University of Chicago, pharmacy, construction, oxygen, inequality, Black Death, Southern California,
# Rhine, Sky UK, Victoria (Australia), IPCC, geology, Fresno, civil disobedience, Amazon rainforest).
# A few graze those topics on purpose (Australia, rivers, HTTP), as real users' questions would.
GENERAL_QUESTIONS = [
    "What is the capital of Australia?",
    "Who painted the Mona Lisa?",
    "How many players are on a soccer team?",
    "What is the boiling point of water in Fahrenheit?",
    "Who wrote Pride and Prejudice?",
    "What is the tallest mountain in the world?",
    "How many legs does a spider have?",
    "In what year did the Titanic sink?",
    "Who was the first person to walk on the Moon?",
    "What is the largest planet in the solar system?",
    "What is the chemical symbol for gold?",
    "Who composed the Moonlight Sonata?",
    "What language is spoken in Brazil?",
    "What is the currency of Japan?",
    "Who invented the telephone?",
    "What is a good recipe for chocolate chip cookies?",
    "How do I reset my router password?",
    "What is the best way to house-train a puppy?",
    "Who won the 2018 FIFA World Cup?",
    "How tall is the Eiffel Tower?",
    "What is the plot of Hamlet?",
    "How many strings does a violin have?",
    "What does HTTP stand for?",
    "What is the population of Tokyo?",
    "Which river flows through Cairo?",
    "What is the main ingredient of guacamole?",
    "Who directed the movie Jaws?",
    "What is the offside rule in football?",
    "How long should I boil an egg?",
    "Who wrote the Harry Potter books?",
    "What is the largest ocean on Earth?",
    "How many bones are in the adult human body?",
    "What is the capital city of Canada?",
    "Which planet is known as the Red Planet?",
    "How does castling work in chess?",
    "Who was the first emperor of Rome?",
    "When did the Berlin Wall fall?",
    "How do I bake sourdough bread?",
    "How much does a Tesla Model 3 cost?",
    "Which team has won the most Super Bowls?",
    "What is the difference between a crocodile and an alligator?",
    "How do I change a flat tire?",
    "Who is the lead singer of the Rolling Stones?",
    "What time zone is New York in?",
]


# ---- data ---------------------------------------------------------------------------------------


def dev_questions() -> tuple[list[dict], list[dict]]:
    """(answerable, unanswerable) questions of the 16 dev articles."""
    answerable, unanswerable = [], []
    for article in load_articles(("dev",)):
        for question, golds in article.questions:
            row = {"question": question, "golds": list(golds), "article": article.filename}
            (answerable if golds else unanswerable).append(row)
    return answerable, unanswerable


def pubmed_questions() -> list[str]:
    data = json.loads(PUBMEDQA.read_text(encoding="utf-8"))
    return [item["QUESTION"] for item in data.values()]


def sample(rows: list, n: int, seed: int, salt: str) -> list:
    """The first ``n`` of a seeded shuffle: a larger ``n`` extends a smaller one's sample."""
    shuffled = list(rows)
    random.Random(f"{seed}-{salt}").shuffle(shuffled)
    return shuffled[:n]


# ---- index --------------------------------------------------------------------------------------


def open_index(workdir: Path, **fields):
    import rag

    docs, index_dir = workdir / "docs", workdir / "index"
    engine = rag.open(index_dir, workers=1, **fields)
    ready = [d for d in engine.documents() if d.status == "ok" and d.n_chunks]
    if len(ready) >= N_ARTICLES:
        print(f"index: reusing {index_dir} ({len(ready)} documents)")
        return engine
    started = time.perf_counter()
    write_articles(load_articles(("dev", "test")), docs)
    report = engine.ingest([docs])
    print(f"index: ingested {report.files_seen} files, {report.chunks} chunks in {time.perf_counter() - started:.0f} s")
    return engine


# ---- 1. relevance -------------------------------------------------------------------------------


def relevance_scores(engine, rows: list[dict], cache: dict, out) -> list[dict]:
    """Best dense cosine over the top-3 passages (the engine's relevance), and whether retrieval found the gold.

    Scores are cached by question (one JSON line each in ``out``): they depend only on the index and
    the embedding model, and on a busy 2-core machine a few thousand queries can take many minutes."""
    scored = []
    for row in rows:
        key = f"{row['question']}|{row.get('article', '')}"
        if key not in cache:
            passages = engine.retrieve(row["question"], k=3)
            best = max((p.dense_score for p in passages if p.dense_score is not None), default=-1.0)
            hit = None
            if row.get("golds"):
                hit = any(Path(p.source).name == row["article"] and contains_gold(p.text, row["golds"]) for p in passages)
            cache[key] = {"relevance": float(best), "hit": hit}
            out.write(json.dumps({"key": key, **cache[key]}) + "\n")
        scored.append({**row, **cache[key]})
    out.flush()
    return scored


def relevance_report(groups: dict[str, list[dict]]) -> dict:
    scores = {name: np.array([r["relevance"] for r in rows]) for name, rows in groups.items()}
    print("\n== relevance: best dense cosine of the top-3 passages ==")
    header = f"{'group':<14}{'n':>5}" + "".join(f"{'p' + str(p):>7}" for p in PERCENTILES) + f"{'min':>7}{'max':>7}"
    print(header)
    for name, s in scores.items():
        print(f"{name:<14}{len(s):>5}" + "".join(f"{np.percentile(s, p):7.3f}" for p in PERCENTILES) + f"{s.min():7.3f}{s.max():7.3f}")

    answerable = groups["answerable"]
    hits = np.array([r["relevance"] for r in answerable if r["hit"]])
    off = np.concatenate([scores["pubmedqa"], scores["general"]])
    print(f"\n(answerable questions whose top-3 holds the gold answer: {len(hits)} of {len(answerable)})")
    print("\nthreshold | answerable refused % | ...of those retrieval got right % | unanswerable pass % | "
          "PubMedQA pass % | general pass % | all off-topic pass %")
    table = []
    for t in RELEVANCE_GRID:
        row = {
            "threshold": t,
            "answerable_refused": float((scores["answerable"] < t).mean()),
            "hit_refused": float((hits < t).mean()) if len(hits) else 0.0,
            "unanswerable_pass": float((scores["unanswerable"] >= t).mean()),
            "pubmed_pass": float((scores["pubmedqa"] >= t).mean()),
            "general_pass": float((scores["general"] >= t).mean()),
            "offtopic_pass": float((off >= t).mean()),
        }
        table.append(row)
        print(f"{t:9.3f} | {pct(row['answerable_refused']):>20} | {pct(row['hit_refused']):>33} | "
              f"{pct(row['unanswerable_pass']):>19} | {pct(row['pubmed_pass']):>15} | {pct(row['general_pass']):>14} | "
              f"{pct(row['offtopic_pass']):>20}")
    ok = [r for r in table if 1 - r["answerable_refused"] >= KEEP_GOAL]
    chosen = max(ok, key=lambda r: r["threshold"]) if ok else table[0]
    exact = float(np.quantile(scores["answerable"], 1 - KEEP_GOAL, method="lower"))
    rng = np.random.default_rng(0)
    boot = [np.quantile(rng.choice(scores["answerable"], len(scores["answerable"])), 1 - KEEP_GOAL, method="lower")
            for _ in range(1000)]
    interval = (float(np.percentile(boot, 2.5)), float(np.percentile(boot, 97.5)))
    print(f"\nhighest grid threshold keeping >= {KEEP_GOAL:.0%} of answerable questions: {chosen['threshold']:.3f} "
          f"(keeps {pct(1 - chosen['answerable_refused']).strip()} %, lets through "
          f"{pct(chosen['offtopic_pass']).strip()} % of off-topic)\nthe answerable score at the {1 - KEEP_GOAL:.0%} quantile: "
          f"{exact:.3f}, bootstrap 95 % interval {interval[0]:.3f}..{interval[1]:.3f}")

    def show(rows, title, reverse):
        print(title)
        for r in sorted(rows, key=lambda r: r["relevance"], reverse=reverse)[:6]:
            print(f"  {r['relevance']:.3f}  {r['question'][:110]}")

    show(answerable, "lowest-scoring answerable questions:", False)
    show(groups["general"], "highest-scoring general-knowledge questions:", True)
    show(groups["pubmedqa"], "highest-scoring PubMedQA questions:", True)
    return {"table": table, "chosen": chosen["threshold"], "exact_quantile": exact, "quantile_interval": interval,
            "percentiles": {n: {p: float(np.percentile(s, p)) for p in PERCENTILES} for n, s in scores.items()}}


# ---- main ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/tune_refusal"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--relevance-n", type=int, default=1000, help="answerable and unanswerable dev questions each")
    parser.add_argument("--pubmed-n", type=int, default=1000)
    parser.add_argument("--answerable-n", type=int, default=300, help="answerable questions asked of the model")
    parser.add_argument("--unanswerable-n", type=int, default=100, help="unanswerable questions asked of the model")
    parser.add_argument("--offtopic-pubmed-n", type=int, default=60,
                        help="PubMedQA questions (of the relevance sample) asked of the model when they pass min_relevance")
    parser.add_argument("--skip-support", action="store_true", help="relevance only (no language model)")
    parser.add_argument("--fresh", action="store_true", help="ask the model again even if cached records match")
    parser.add_argument("--json", type=Path, help="write the tables and choices here")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    import rag

    answerable, unanswerable = dev_questions()
    engine = open_index(args.workdir)
    configured = engine.settings.min_support
    print(f"configured: min_relevance={engine.settings.min_relevance} min_support={configured} "
          f"retrieval={engine.settings.retrieval_mode} top_k={engine.settings.top_k}")

    t0 = time.perf_counter()
    rel_path = args.workdir / "relevance_cache.jsonl"
    if args.fresh and rel_path.exists():
        rel_path.unlink()
    rel_cache = {}
    if rel_path.exists():
        for line in rel_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                rel_cache[item.pop("key")] = item
    print(f"relevance: {len(rel_cache)} scores cached in {rel_path}")
    with rel_path.open("a", encoding="utf-8") as out:
        groups = {
            "answerable": relevance_scores(engine, sample(answerable, args.relevance_n, args.seed, "rel-a"), rel_cache, out),
            "unanswerable": relevance_scores(engine, sample(unanswerable, args.relevance_n, args.seed, "rel-u"), rel_cache, out),
            "pubmedqa": relevance_scores(engine, [{"question": q} for q in sample(pubmed_questions(), args.pubmed_n, args.seed, "pm")],
                                         rel_cache, out),
            "general": relevance_scores(engine, [{"question": q} for q in GENERAL_QUESTIONS], rel_cache, out),
        }
    print(f"relevance: {sum(map(len, groups.values()))} questions retrieved in {time.perf_counter() - t0:.0f} s")
    result = {"relevance": relevance_report(groups)}

    if not args.skip_support:
        rows = [("answerable", r) for r in sample(answerable, args.answerable_n, args.seed, "sup-a")]
        rows += [("unanswerable", r) for r in sample(unanswerable, args.unanswerable_n, args.seed, "sup-u")]
        # off-topic questions that get past the recommended min_relevance: what the support check does with them
        min_relevance = result["relevance"]["chosen"]
        offtopic = groups["general"] + groups["pubmedqa"][: args.offtopic_pubmed_n]
        rows += [("offtopic", {"question": r["question"], "relevance": r["relevance"]})
                 for r in offtopic if r["relevance"] >= min_relevance]
        cache_path = args.workdir / "support_cache.jsonl"
        if args.fresh and cache_path.exists():
            cache_path.unlink()
        prefix = f"v2|{engine.settings.llm_model_path}|top_k={engine.settings.top_k}|max_tokens={engine.settings.max_tokens}"
        cache = {}
        if cache_path.exists():
            for line in cache_path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    item = json.loads(line)
                    cache[item["key"]] = item["record"]
        keys = [f"{prefix}|{kind}|{row['question']}" for kind, row in rows]
        todo = [(k, kind, row) for k, (kind, row) in zip(keys, rows) if k not in cache]
        print(f"\nsupport: {len(rows) - len(todo)} of {len(rows)} answers cached in {cache_path} (--fresh to ask again)")
        if todo:
            asker = rag.open(args.workdir / "index", embedder=engine.embedder, workers=1, min_relevance=-1,
                             verify_citations=True, min_support=configured, generate_when_quoted=True)
            print(f"support: asking {len(todo)} questions of {asker.model.name}")
            with cache_path.open("a", encoding="utf-8") as out:
                ask_all(asker, todo, cache, out)
            asker.close()
        # scored again here from the stored drafts and passages, so the tables follow rag/cite.py as it is now
        records = [{**cache[k], **analyze(cache[k]["draft"], stored_passages(cache[k]), cache[k].get("golds") or [])}
                   for k in keys]
        result["support"] = support_report(records, configured, min_relevance)
        what_if_stopwords(records, BOILERPLATE)
        what_if_new_terms(records)

    engine.close()
    print("\n== recommendation ==")
    rel = result["relevance"]
    print(f"min_relevance = {rel['chosen']:.3f}  (grid 0.100..0.500 step 0.025; highest keeping >= {KEEP_GOAL:.0%} "
          f"of answerable questions)")
    if "support" in result:
        print(f"min_support   = {result['support']['chosen']:.2f}  (grid 0.30..0.90 step 0.05; max kept-correct - "
              f"kept-incorrect)")
    print(f"total time {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
