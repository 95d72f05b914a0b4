"""The extractive quote alone on SQuAD2, without the model: a quick check of the quote rules.

With the bundled model about 9 in 10 answers shown are the quote of the answering sentence
(`prefer_quote`, docs/ask.md), so a change to how that sentence is chosen or cut shows here in
minutes, where the answer run (bench/benchmarks.py --answers) takes hours. For a seeded sample of
answerable and unanswerable SQuAD2 dev questions (the same order as bench/tune_refusal.py): retrieve
as the engine does (top 3, the relevance gate with its second chance for the answering sentence), then ``rag.answer.extract`` with the engine's policy.

Counted: answerable questions whose quote holds a gold answer, whose quoted sentence holds one (so a
cut lost it), and unanswerable questions that get a quote (a wrong answer shown, since the model's
draft is not consulted); quote lengths.

    .venv/bin/python -m bench.quotes [--workdir /tmp/tune_refusal] [-n 600] [--json OUT]

The index is bench/tune_refusal.py's (36 SQuAD2 articles, reused when present). Not the answer
figures of docs/benchmarks.md: no draft, no support check, no refusal by the model.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from bench.refusal_support import contains_gold
from bench.tune_refusal import dev_questions, open_index, sample


def _holds(text: str | None, golds: list[str]) -> bool:
    return bool(text) and contains_gold(text, golds)


def run(engine, n: int, seed: int) -> dict:
    from rag.answer import answering_sentence_close, quote_for, relevant_enough
    from rag.engine import closeness, policy

    answerable, unanswerable = dev_questions()
    rules = policy(engine.settings, engine.embedder, "bundled")
    rows = []
    for kind, group in (("answerable", sample(answerable, n, seed, "answerable")),
                        ("unanswerable", sample(unanswerable, n, seed, "unanswerable"))):
        for item in group:
            passages = engine.retrieve(item["question"], k=3)
            found = None
            floor = engine.settings.min_relevance
            if relevant_enough(passages, floor, item["question"]) or answering_sentence_close(
                    item["question"], passages, rules, closeness(engine.embedder), floor):
                found = quote_for(item["question"], passages, rules)
            sentence = passages[found.n - 1].text[found.start : found.end] if found else None
            rows.append({"kind": kind, "question": item["question"], "quote": found.shown if found else None,
                         "holds": _holds(found.shown if found else None, item["golds"]),
                         "sentence_holds": _holds(sentence, item["golds"])})
    asked = [r for r in rows if r["kind"] == "answerable"]
    other = [r for r in rows if r["kind"] == "unanswerable"]
    lengths = sorted(len(r["quote"]) for r in rows if r["quote"])
    summary = {
        "answerable": len(asked), "answerable_quoted": sum(bool(r["quote"]) for r in asked),
        "quote_holds_gold": sum(r["holds"] for r in asked), "sentence_holds_gold": sum(r["sentence_holds"] for r in asked),
        "unanswerable": len(other), "unanswerable_quoted": sum(bool(r["quote"]) for r in other),
        "length_median": statistics.median(lengths) if lengths else 0,
        "length_p95": lengths[int(0.95 * (len(lengths) - 1))] if lengths else 0,
    }
    return {"summary": summary, "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/tune_refusal"))
    parser.add_argument("-n", type=int, default=600, help="answerable and unanswerable questions each")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    with open_index(args.workdir) as engine:
        result = run(engine, args.n, args.seed)
    s = result["summary"]
    print(f"answerable {s['answerable']}: quoted {s['answerable_quoted']}, quote holds gold {s['quote_holds_gold']}, "
          f"quoted sentence holds gold {s['sentence_holds_gold']}")
    print(f"unanswerable {s['unanswerable']}: quoted {s['unanswerable_quoted']}")
    print(f"quote length: median {s['length_median']}, p95 {s['length_p95']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
