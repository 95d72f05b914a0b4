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

Results and caveats: docs/refusal.md.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.squad_corpus import load_articles, write_articles

PUBMEDQA = ROOT.parent / "shared" / "datasets" / "pubmedqa" / "ori_pqal.json"
RELEVANCE_GRID = [round(0.10 + 0.025 * i, 3) for i in range(17)]  # 0.100 .. 0.500
SUPPORT_GRID = [round(0.30 + 0.05 * i, 2) for i in range(13)]  # 0.30 .. 0.90
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


def normalize(text: str) -> str:
    return " ".join(text.lower().split())


def contains_gold(text: str, golds: list[str]) -> bool:
    from rag.cite import MARKER

    haystack = normalize(MARKER.sub(" ", text))
    return any(normalize(g) and normalize(g) in haystack for g in golds)


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


def pct(x: float) -> str:
    return f"{100 * x:5.1f}"


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


# ---- 2. support ---------------------------------------------------------------------------------


def diagnose(sentence: str, passage) -> dict:
    """Support score, numbers/names check and what is missing, of one sentence against one passage."""
    from rag.cite import check, content_terms, names, numbers, strip_markers

    span, score, ok = check(sentence, passage, 0.0)
    quote = passage.text[span.start : span.end]
    claim = strip_markers(sentence)
    lowered = " ".join((passage.text, passage.heading, re.sub(r"[_\W]+", " ", Path(passage.source).stem))).lower()
    return {
        "score": round(score, 6),
        "specifics_ok": ok,
        "missing_terms": sorted(content_terms(claim) - content_terms(quote)),
        "missing_numbers": sorted(numbers(claim) - numbers(passage.text)),
        "missing_names": sorted(n for n in names(claim) if n not in lowered),
    }


def analyze(draft: str, passages: list, golds: list[str]) -> dict:
    """Sentences of a draft as ``rag.cite.verify`` splits them, each scored against every passage.

    ``verify`` also tries, for a sentence no passage supports, its leading clauses (``clause_prefixes``,
    longest first) and keeps the first one that is supported; so each sentence carries its candidates
    (the whole sentence, then those clauses), each with its best score among passages that pass the
    numbers/names check. A sentence is supported at threshold t when one of its candidates reaches t.
    """
    import rag.cite

    # an unreachable threshold: the split into claims without any clause trimming
    checked = rag.cite.verify(draft, passages, min_support=float("inf"))
    prefixes = getattr(rag.cite, "clause_prefixes", lambda text: [])
    sentences = []
    for s in checked.sentences:
        candidates = []
        for text in [s.text, *prefixes(s.text)]:
            per_passage = [diagnose(text, p) for p in passages]
            ok_scores = [d["score"] for d in per_passage if d["specifics_ok"]]
            candidates.append({"text": text, "passages": per_passage,
                               "best_ok": max(ok_scores) if ok_scores else None,  # best among passages passing the check
                               "has_gold": contains_gold(text, golds) if golds else None})
        sentences.append({
            "text": s.text,
            "cited": sorted({c.n for c in s.citations if c.origin == "model"}),
            "passages": candidates[0]["passages"],
            "best_ok": candidates[0]["best_ok"],
            "has_gold": candidates[0]["has_gold"],
            "candidates": candidates,
        })
    return {"declined": checked.declined, "sentences": sentences}


def stored_passages(record: dict) -> list:
    from rag.records import Passage

    return [Passage(p["chunk_id"], p["source"], p["text"], None, (), tuple(p["heading_path"]), 0, len(p["text"]), "md",
                    "default", 0.0) for p in record["passages"]]


def ask_all(engine, todo: list[tuple[str, str, dict]], cache: dict, out) -> None:
    """Ask each (key, kind, row) of the model; the records go into ``cache`` and, one JSON line each, to ``out``."""
    started = time.perf_counter()
    for i, (key, kind, row) in enumerate(todo, 1):
        answer = engine.ask(row["question"])
        golds = row.get("golds") or []
        record = {
            **row,
            "kind": kind,
            "draft": answer.draft,
            "engine_refused": answer.refused,
            "engine_reason": answer.refusal_reason,
            "correct": contains_gold(answer.draft, golds) if golds else None,
            "gold_in_passages": any(contains_gold(p.text, golds) for p in answer.passages) if golds else None,
            "passages": [{"chunk_id": p.chunk_id, "source": p.source, "heading_path": list(p.heading_path), "text": p.text}
                         for p in answer.passages],
            **analyze(answer.draft, answer.passages, golds),
            "seconds": answer.timings.total_ms / 1000,
        }
        cache[key] = record
        out.write(json.dumps({"key": key, "record": record}) + "\n")
        out.flush()
        if i % 25 == 0 or i == len(todo):
            print(f"  {i}/{len(todo)} asked, {time.perf_counter() - started:.0f} s", flush=True)


def what_if_table(replayed: list[dict], title: str) -> None:
    correct = [r for r in replayed if r["kind"] == "answerable" and r["correct"]]
    incorrect = [r for r in replayed if r["kind"] == "answerable" and not r["correct"]]
    unanswerable = [r for r in replayed if r["kind"] == "unanswerable"]
    offtopic = [r for r in replayed if r["kind"] == "offtopic"]
    print(f"\nwhat if {title}")
    print("threshold | correct kept % | incorrect refused % | unanswerable refused % | off-topic refused % | J")
    for t in SUPPORT_GRID:
        kc = np.mean([kept(r, t) for r in correct]) if correct else 0.0
        ki = np.mean([kept(r, t) for r in incorrect]) if incorrect else 0.0
        ku = np.mean([kept(r, t) for r in unanswerable]) if unanswerable else 0.0
        ko = np.mean([kept(r, t) for r in offtopic]) if offtopic else 0.0
        print(f"{t:9.2f} | {pct(kc):>14} | {pct(1 - ki):>19} | {pct(1 - ku):>22} | {pct(1 - ko):>19} | {kc - ki:+.3f}")


def what_if_stopwords(records: list[dict], extra: set[str]) -> None:
    """The support table again with ``extra`` words added to rag.cite's stop words (the module is patched
    in this process only), to see what the model's boilerplate ("The answer is: ...") costs."""
    import rag.cite

    saved = rag.cite.STOPWORDS
    rag.cite.STOPWORDS = saved | frozenset(extra)
    try:
        replayed = [{**r, **analyze(r["draft"], stored_passages(r), r.get("golds") or [])} for r in records]
    finally:
        rag.cite.STOPWORDS = saved
    what_if_table(replayed, f"these were stop words too: {' '.join(sorted(extra))}")


def what_if_new_terms(records: list[dict]) -> None:
    """The support table again with a claim scored on its *new* content words only: those not already in
    the question (a sentence that only restates the question supports nothing). Same quote windows
    (1-3 sentences of the passage) and the same numbers/names check as rag.cite."""
    from rag.cite import check, content_terms, sentence_spans, support

    def score(text: str, question_terms: set[str], passages: list) -> float | None:
        terms = content_terms(text) - question_terms
        best = None
        for p in passages:
            if not check(text, p, 0.0)[2]:
                continue
            spans = sentence_spans(p.text) or []
            value = 0.0
            if terms:
                for size in (1, 2, 3):
                    for i in range(len(spans) - size + 1):
                        value = max(value, support(terms, p.text[spans[i].start : spans[i + size - 1].end]))
            best = value if best is None else max(best, value)
        return best

    replayed = []
    for r in records:
        passages, q = stored_passages(r), content_terms(r["question"])
        sentences = [{"candidates": [{"best_ok": score(c["text"], q, passages), "has_gold": c["has_gold"]}
                                     for c in s["candidates"]]} for s in r["sentences"]]
        replayed.append({**r, "sentences": sentences})
    what_if_table(replayed, "a claim were scored only on its words that are not in the question")


def kept_claim(sentence: dict, t: float) -> dict | None:
    """What the engine keeps of a sentence at threshold t: the whole sentence or its longest supported
    leading clause, or None."""
    for candidate in sentence["candidates"]:
        if candidate["best_ok"] is not None and candidate["best_ok"] >= t:
            return candidate
    return None


def kept(record: dict, t: float) -> bool:
    """The engine's rule: an answer survives when one of its sentences (or a leading clause) is supported."""
    return any(kept_claim(s, t) for s in record["sentences"])


def kept_text_has_gold(record: dict, t: float) -> bool:
    return any((c := kept_claim(s, t)) and c["has_gold"] for s in record["sentences"])


def trimmed(record: dict, t: float) -> bool:
    return any((c := kept_claim(s, t)) and c is not s["candidates"][0] for s in record["sentences"])


def support_report(records: list[dict], configured: float, min_relevance: float) -> dict:
    answerable = [r for r in records if r["kind"] == "answerable"]
    unanswerable = [r for r in records if r["kind"] == "unanswerable"]
    offtopic = [r for r in records if r["kind"] == "offtopic"]
    correct = [r for r in answerable if r["correct"]]
    incorrect = [r for r in answerable if not r["correct"]]
    declined = [r for r in incorrect if not r["sentences"]]
    mismatch = [r for r in records if kept(r, configured) == r["engine_refused"]]
    secs = [r["seconds"] for r in records]

    print("\n== support: bundled model, min_relevance=-1, verify_citations=True ==")
    print(f"answerable {len(answerable)}: draft contains a gold answer {len(correct)}, not {len(incorrect)} "
          f"(of which {len(declined)} declined or wrote no claim); gold in the passages given: "
          f"{sum(r['gold_in_passages'] for r in answerable)}; unanswerable {len(unanswerable)} "
          f"(declined or no claim: {sum(not r['sentences'] for r in unanswerable)}); off-topic questions that "
          f"pass min_relevance={min_relevance:.3f}: {len(offtopic)} (declined or no claim: "
          f"{sum(not r['sentences'] for r in offtopic)})")
    print(f"model time per question: median {np.median(secs):.2f} s, mean {np.mean(secs):.2f} s")
    print(f"replay check at the configured min_support={configured}: {len(mismatch)} disagreements with the engine")

    print("\nthreshold | correct kept % | kept with gold sentence % | incorrect refused % | unanswerable refused % | "
          "precision of kept answerable % | off-topic refused % | J = kept correct - kept incorrect")
    table = []
    for t in SUPPORT_GRID:
        kc = np.mean([kept(r, t) for r in correct]) if correct else 0.0
        kg = np.mean([kept_text_has_gold(r, t) for r in correct]) if correct else 0.0
        ki = np.mean([kept(r, t) for r in incorrect]) if incorrect else 0.0
        ku = np.mean([kept(r, t) for r in unanswerable]) if unanswerable else 0.0
        ko = np.mean([kept(r, t) for r in offtopic]) if offtopic else 0.0
        n_kept_c, n_kept_i = sum(kept(r, t) for r in correct), sum(kept(r, t) for r in incorrect)
        precision = n_kept_c / (n_kept_c + n_kept_i) if n_kept_c + n_kept_i else 0.0
        row = {"threshold": t, "correct_kept": float(kc), "correct_kept_gold_sentence": float(kg),
               "incorrect_refused": float(1 - ki), "unanswerable_refused": float(1 - ku), "offtopic_refused": float(1 - ko),
               "precision": float(precision), "j": float(kc - ki), "j_with_unanswerable": float(kc - (ki * len(incorrect) + ku * len(unanswerable)) / max(1, len(incorrect) + len(unanswerable)))}
        table.append(row)
        print(f"{t:9.2f} | {pct(kc):>14} | {pct(kg):>25} | {pct(1 - ki):>19} | {pct(1 - ku):>22} | "
              f"{pct(precision):>30} | {pct(1 - ko):>19} | {kc - ki:+.3f}")
    best = max(table, key=lambda r: (round(r["j"], 9), -r["threshold"]))
    best_u = max(table, key=lambda r: (round(r["j_with_unanswerable"], 9), -r["threshold"]))
    # how stable is that choice? resample the answerable questions (1000 times) and see which threshold wins
    grid = np.array(SUPPORT_GRID)
    k_c = np.array([[kept(r, t) for t in grid] for r in correct], dtype=float).reshape(len(correct), len(grid))
    k_i = np.array([[kept(r, t) for t in grid] for r in incorrect], dtype=float).reshape(len(incorrect), len(grid))
    rng = np.random.default_rng(0)
    wins, diffs = np.zeros(len(grid)), []
    i_best, i_conf = SUPPORT_GRID.index(best["threshold"]), int(np.argmin(np.abs(grid - configured)))
    for _ in range(1000 if len(correct) and len(incorrect) else 0):
        j = k_c[rng.integers(0, len(correct), len(correct))].mean(0) - k_i[rng.integers(0, len(incorrect), len(incorrect))].mean(0)
        wins[int(np.argmax(j))] += 1  # argmax takes the lowest threshold on ties
        diffs.append(j[i_best] - j[i_conf])
    if diffs:
        print("bootstrap (1000 resamples of the answerable questions), share of resamples each threshold has the best J: "
              + ", ".join(f"{t:.2f}: {w / 10:.0f} %" for t, w in zip(grid, wins) if w))
        print(f"J({grid[i_best]:.2f}) - J({grid[i_conf]:.2f}): {np.mean(diffs):+.3f}, 95 % interval "
              f"{np.percentile(diffs, 2.5):+.3f}..{np.percentile(diffs, 97.5):+.3f}")
    print(f"\nbest J (answerable only): min_support={best['threshold']:.2f} (J={best['j']:+.3f}); counting answers to "
          f"unanswerable questions as incorrect too: {best_u['threshold']:.2f} (J={best_u['j_with_unanswerable']:+.3f})")

    # why correct answers fail, at the chosen and at the configured threshold
    for t in sorted({best["threshold"], configured}):
        lost = [r for r in correct if not kept(r, t)]
        print(f"\ncorrect answers refused at min_support={t:.2f}: {len(lost)} of {len(correct)}")
        reasons = {"score below threshold": 0, "numbers/names check failed": 0}
        for r in lost:
            for s in r["sentences"]:
                best_p = max(s["passages"], key=lambda d: d["score"], default=None)
                if best_p is None:
                    continue
                reasons["numbers/names check failed" if best_p["score"] >= t and not best_p["specifics_ok"]
                        else "score below threshold"] += 1
        print(f"  their sentences: {reasons}")
        for r in lost[:8]:
            print(f"  Q: {r['question'][:100]}  gold: {r['golds'][0][:40]!r}")
            print(f"    draft: {r['draft'][:160]!r}")
            for s in r["sentences"][:2]:
                d = max(s["passages"], key=lambda d: d["score"], default=None)
                if d:
                    print(f"    sentence score {d['score']:.2f} check {'ok' if d['specifics_ok'] else 'FAILED'}; missing terms "
                          f"{d['missing_terms'][:8]} names {d['missing_names']} numbers {d['missing_numbers']}")
    t = best["threshold"]
    print(f"\nkept at min_support={t:.2f} only because a leading clause was supported (rag.cite clause trimming): "
          f"{sum(kept(r, t) and trimmed(r, t) and not any(s['best_ok'] is not None and s['best_ok'] >= t for s in r['sentences']) for r in correct)} correct, "
          f"{sum(kept(r, t) and trimmed(r, t) and not any(s['best_ok'] is not None and s['best_ok'] >= t for s in r['sentences']) for r in incorrect)} incorrect, "
          f"{sum(kept(r, t) and trimmed(r, t) and not any(s['best_ok'] is not None and s['best_ok'] >= t for s in r['sentences']) for r in unanswerable)} unanswerable")
    wrong_kept = [r for r in incorrect if kept(r, best["threshold"])]
    print(f"\nincorrect answers kept at min_support={best['threshold']:.2f}: {len(wrong_kept)} of {len(incorrect)}")
    for r in wrong_kept[:6]:
        print(f"  Q: {r['question'][:100]}  gold: {r['golds'][0][:40]!r}\n    draft: {r['draft'][:160]!r}")
    un_kept = [r for r in unanswerable if kept(r, best["threshold"])]
    print(f"\nunanswerable questions answered at min_support={best['threshold']:.2f}: {len(un_kept)} of {len(unanswerable)}")
    for r in un_kept[:6]:
        print(f"  Q: {r['question'][:100]}\n    draft: {r['draft'][:160]!r}")
    off_kept = [r for r in offtopic if kept(r, best["threshold"])]
    print(f"\noff-topic questions past min_relevance={min_relevance:.3f} answered at min_support={best['threshold']:.2f}: "
          f"{len(off_kept)} of {len(offtopic)}")
    for r in off_kept[:6]:
        print(f"  Q: {r['question'][:100]}\n    draft: {r['draft'][:160]!r}")
    return {"table": table, "chosen": best["threshold"], "chosen_with_unanswerable": best_u["threshold"],
            "n_correct": len(correct), "n_incorrect": len(incorrect), "n_declined": len(declined),
            "n_unanswerable": len(unanswerable), "replay_mismatches": len(mismatch),
            "median_seconds": float(np.median(secs))}


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
                             verify_citations=True, min_support=configured)
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
