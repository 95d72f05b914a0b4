"""Answer ablation on SQuAD2: which prompt and which answer policy give the most right answers
from the bundled model, measured on one uniform sample, side by side.

Generation settings (*variants*: how much of each passage the model reads, repeat penalty, top-k)
each cost one generation per question; the drafts are cached in --work (keyed by the exact prompt),
so a run can be stopped and resumed, and every answer *policy* (question-aware support, extractive
fallback) is then replayed on the same drafts at no cost. Each row is one (variant, policy) pair.

The questions are the first N of the seed-0 random order that bench/benchmarks.py uses, so they
are a uniform sample of the 6,078 (answerable and unanswerable).

    .venv/bin/python -m bench.answers --work /tmp/bench-work --questions 1000 --json docs/benchmarks/answers-ablation.json

``--quote-only``: only the rows that ignore the draft (the bundled model's default since session 32 is one of
them), without generating: minutes instead of an hour, for a change to how the quote is chosen. ``--rows OUT``
writes each question's answer, citations and which passages hold the gold (JSON lines) for reading the misses.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (name, settings for generation); the first is what landed before this work
VARIANTS = {
    "whole passages": {"focus_chars": 0, "repeat_penalty": 1.0},
    "sentences around the hit (400 chars)": {"focus_chars": 400, "repeat_penalty": 1.0},
    "400 chars + repeat penalty 1.1": {"focus_chars": 400, "repeat_penalty": 1.1},
    "400 chars + repeat penalty 1.1, top-2": {"focus_chars": 400, "repeat_penalty": 1.1, "top_k": 2},
}


def policies(close=None):
    """Each answer policy replayed on the drafts; ``close`` (the engine's ``closeness``) for the rows by meaning."""
    from rag.answer import Policy
    from rag.quote_bar import Bar

    # the default's bar (rag.engine.quote_bar): the parts by meaning with the engine's embedding model
    bar = Bar(measure=close) if close else Bar()
    by_meaning = {
        "+ extractive 0.6, quote chosen by meaning": Policy(extract_min_overlap=0.6, agree_with_quote=False,
                                                           closeness=close),
        "+ extractive 0.6 by meaning, a supported draft must agree": Policy(extract_min_overlap=0.6,
                                                                          agree_with_quote=True, closeness=close),
        QUOTE_ONLY_MEANING: Policy(extract_min_overlap=0.6, closeness=close),
    } if close else {}
    return {
        "landed (verify claims)": Policy(question_aware=False, extractive=False, agree_with_quote=False),
        "+ question-aware support": Policy(question_aware=True, extractive=False, agree_with_quote=False),
        "+ extractive fallback 0.5": Policy(extract_min_overlap=0.5, agree_with_quote=False),
        "+ extractive fallback 0.6 (default)": Policy(extract_min_overlap=0.6, agree_with_quote=False),
        "+ extractive fallback 0.7": Policy(extract_min_overlap=0.7, agree_with_quote=False),
        "+ extractive 0.6 from passages with cosine >= 0.45": Policy(extract_min_overlap=0.6, extract_min_relevance=0.45,
                                                                     agree_with_quote=False),
        "+ extractive 0.7 from passages with cosine >= 0.45": Policy(extract_min_overlap=0.7, extract_min_relevance=0.45,
                                                                     agree_with_quote=False),
        "+ extractive 0.6, not when the model declined": Policy(extract_min_overlap=0.6, extract_when_declined=False,
                                                                agree_with_quote=False),
        "+ extractive 0.6, a supported draft must agree with the quote": Policy(extract_min_overlap=0.6,
                                                                                agree_with_quote=True),
        "+ extractive 0.7, a supported draft must agree with the quote": Policy(extract_min_overlap=0.7, agree_with_quote=True),
        "+ extractive 0.6, the quote shown whenever there is one (prefer_quote)": Policy(extract_min_overlap=0.6,
                                                                                    prefer_quote=True),
        QUOTE_ONLY: Policy(extract_min_overlap=0.6, quote_bar=bar),
        QUOTE_ONLY_07: Policy(extract_min_overlap=0.7),
        # session 35's bar taken apart (rag.quote_bar.Bar): none of it, a later passage's sentence 0.7 alone, with the
        # floor in meaning, and (QUOTE_ONLY) with paraphrases too
        QUOTE_ONLY_NO_BAR: Policy(extract_min_overlap=0.6),
        QUOTE_ONLY_LATER: Policy(extract_min_overlap=0.6, quote_bar=Bar()),
        QUOTE_ONLY_FLOOR: Policy(extract_min_overlap=0.6, quote_bar=Bar(measure=close, paraphrase_closeness=2.0)),
        **by_meaning,
    }


# the same policy with the model's draft thrown away: what the extractive quote does alone. With the bundled model this is
# the default since session 32 (prefer_quote, no draft without a quote: a quote or a refusal), measured identical
QUOTE_ONLY = "quote only, draft ignored (extractive 0.6, the bar: the default)"
QUOTE_ONLY_07 = "quote only, draft ignored (extractive 0.7)"
QUOTE_ONLY_MEANING = "quote only by meaning, draft ignored (extractive 0.6)"
QUOTE_ONLY_NO_BAR = "quote only, extractive 0.6 alone (session 34)"
QUOTE_ONLY_LATER = "quote only, + a later passage's sentence 0.7"
QUOTE_ONLY_FLOOR = "quote only, + every quote cosine >= 0.35"
QUOTE_ONLY_ROWS = (QUOTE_ONLY_NO_BAR, QUOTE_ONLY_LATER, QUOTE_ONLY_FLOOR, QUOTE_ONLY, QUOTE_ONLY_07)


class CachedModel:
    """The real model behind a cache of drafts keyed by the exact messages and generation settings."""

    def __init__(self, model, path: Path) -> None:
        self.model, self.path = model, path
        self.name, self.n_ctx = model.name, model.n_ctx
        self.cache: dict[str, dict] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                self.cache[record["key"]] = record
        self.generated = 0

    def count_tokens(self, text: str) -> int:
        return self.model.count_tokens(text)

    def stream(self, messages, **options):
        key = hashlib.sha256(json.dumps([messages, options], sort_keys=True).encode()).hexdigest()[:24]
        if key not in self.cache:
            started = time.perf_counter()
            draft = "".join(self.model.stream(messages, **options))
            record = {"key": key, "draft": draft, "ms": (time.perf_counter() - started) * 1000}
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record) + "\n")
            self.cache[key] = record
            self.generated += 1
        self.last_ms = self.cache[key]["ms"]
        yield self.cache[key]["draft"]


class NoDraft:
    """For ``--quote-only``: the rows that ignore the draft never read it, so none is generated."""

    def __init__(self, model) -> None:
        self.model, self.name, self.n_ctx = model, model.name, model.n_ctx
        self.generated, self.last_ms = 0, None

    def count_tokens(self, text: str) -> int:
        return self.model.count_tokens(text)

    def stream(self, messages, **options):
        yield from ()


def sample(n: int):
    from rag.eval.run import load_qa

    items = load_qa(ROOT.parent / "shared" / "datasets" / "squad2_cs224n_dev" / "dev-v2.0.json")
    random.Random(0).shuffle(items)  # the order of bench/benchmarks.py: any prefix is a uniform sample
    return items[:n]


def score_rows(item, answer, ms: float | None) -> dict:
    from rag.eval.run import relevant, score_answer

    score = score_answer(answer, item)
    return {"answerable": item.answerable, "refused": answer.refused, "holds": score.contains_gold,
            "citations": score.citations, "correct": score.correct_citations, "chars": None if answer.refused else len(answer.text),
            "gold_offered": any(relevant(p, item) for p in answer.passages) if item.answerable else None,
            "extracted": answer.extracted, "ms": ms}


def metrics(rows: list[dict]) -> dict:
    ok = [r for r in rows if r["answerable"]]
    no = [r for r in rows if not r["answerable"]]
    cited = sum(r["citations"] for r in ok)
    lengths = sorted(r["chars"] for r in rows if r["chars"] is not None)
    times = [r["ms"] for r in rows if r["ms"] is not None]

    def mean(values):
        return round(sum(values) / len(values), 3) if values else None

    return {
        "questions": len(rows), "answerable": len(ok),
        "holds_gold": mean([float(bool(r["holds"])) for r in ok]),
        "citation_precision": round(sum(r["correct"] for r in ok) / cited, 3) if cited else None,
        "false_refusals": mean([float(r["refused"]) for r in ok]),
        "refused_unanswerable": mean([float(r["refused"]) for r in no]),
        "extracted": mean([float(r["extracted"]) for r in rows]),
        "chars_p50": statistics.median(lengths) if lengths else None,
        "chars_p95": lengths[int(0.95 * (len(lengths) - 1))] if lengths else None,
        "generation_ms_p50": round(statistics.median(times)) if times else None,
    }


def detail(item, answer) -> dict:
    """One question's answer as a person reads it, for ``--rows``: what was asked, what was answered, which
    passage each citation points at and which passages hold the gold answer."""
    from rag.eval.run import relevant

    return {"question": item.question, "golds": list(item.answers or []), "gold_source": item.source,
            "answer": answer.text, "refused": answer.refused, "reason": answer.refusal_reason, "cited": [c.n for c in answer.citations or []],
            "holds_gold": [relevant(p, item) for p in answer.passages],
            "sources": [p.source for p in answer.passages], "dense": [p.dense_score for p in answer.passages]}


def run(work: Path, n: int, variants: list[str], quote_only: bool = False, rows_out: Path | None = None) -> dict:
    import rag
    from rag.answer import settle
    from rag.engine import closeness
    from rag.llm import open_model
    from rag.config import Settings
    from bench.chat import indexes

    items = sample(n)
    index = indexes(work, {"squad"})["squad"]
    model = NoDraft(open_model(Settings())) if quote_only else CachedModel(open_model(Settings()), work / "drafts.jsonl")
    results: dict = {}
    details: list[dict] = []
    for name in variants:
        settings = VARIANTS[name]
        started = time.perf_counter()
        # every policy row is replayed from a draft: the model is asked also when the answer is the quote
        with rag.open(index, create=False, model=model, generate_when_quoted=True, **settings) as engine:
            replayed = policies(closeness(engine.embedder))
            if quote_only:
                replayed = {label: replayed[label] for label in QUOTE_ONLY_ROWS}
            per_policy: dict[str, list[dict]] = {p: [] for p in replayed}
            for number, item in enumerate(items, 1):
                model.last_ms = None
                answer = engine.ask(item.question)
                for label, policy in replayed.items():
                    settled = copy.deepcopy(answer)
                    if label in (*QUOTE_ONLY_ROWS, QUOTE_ONLY_MEANING):
                        settled.draft = ""
                    settled = settle(settled, policy) if answer.draft or quote_only else answer
                    per_policy[label].append(score_rows(item, settled, model.last_ms))
                    if rows_out:
                        details.append({"variant": name, "policy": label, "i": number - 1,
                                        **per_policy[label][-1], **detail(item, settled)})
                if number % 50 == 0:
                    print(f"  {name}: {number}/{len(items)} ({model.generated} generated, "
                          f"{time.perf_counter() - started:.0f} s)", flush=True)
        results[name] = {label: metrics(rows) for label, rows in per_policy.items()}
    if rows_out:
        rows_out.write_text("".join(json.dumps(d, default=str) + "\n" for d in details), encoding="utf-8")
    return {"questions": n, "model": model.name, "variants": {k: VARIANTS[k] for k in variants}, "rows": results}


def table(result: dict) -> str:
    head = ("| prompt (generation) | answer policy | holds gold | citation precision | false refusals (answerable) "
            "| refused (unanswerable) | quoted (extractive) | answer chars p50 / p95 | generation p50 ms |")
    lines = [head, "|---|---|---|---|---|---|---|---|---|"]
    for variant, rows in result["rows"].items():
        for policy, m in rows.items():
            lines.append(f"| {variant} | {policy} | {m['holds_gold']} | {m['citation_precision']} | {m['false_refusals']} "
                         f"| {m['refused_unanswerable']} | {m['extracted']} | {m['chars_p50']} / {m['chars_p95']} "
                         f"| {m['generation_ms_p50']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-work"))
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS), help="names of VARIANTS to run (default: all)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--quote-only", action="store_true", help="only the rows that ignore the draft, no generation")
    parser.add_argument("--rows", type=Path, default=None,
                        help="write every question's answer, citations and gold-holding passages here (JSON lines)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    result = run(args.work, args.questions, args.variants, args.quote_only, args.rows)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    print(table(result))


if __name__ == "__main__":
    main()
