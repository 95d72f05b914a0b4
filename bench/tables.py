"""Tables read right: the questions of bench/data/table_questions.jsonl over eight tables of our own
(CSV, XLSX with two sheets, HTML, DOCX, PDF, and the two tables of sample_docs/), answered by the
bundled model.

A question counts as answered right when the answer text holds the expected cell value (as whole
words or numbers) and a supported citation quotes the right row of the right file (its quote holds
the row's key cell and the value). Also reported: answers that hold the value but cite no right
row, wrong answers shown as supported (the number a person would be misled by), and refusals.

    .venv/bin/python bench/make_tables.py   # only to regenerate bench/data/tables/ (needs fpdf2)
    .venv/bin/python -m bench.tables --work /tmp/bench-work [--json docs/benchmarks/tables.json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
from pathlib import Path

from bench.chat import holds, squash

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "bench" / "data" / "table_questions.jsonl"
TABLE_DOCS = ROOT / "bench" / "data" / "tables"


def build(work: Path) -> Path:
    import rag

    index = work / "tables-index"
    docs = work / "tables-docs"
    for folder in (docs, index):  # built fresh: a changed parser must show here
        if folder.exists():
            shutil.rmtree(folder)
    shutil.copytree(TABLE_DOCS, docs)
    for name in ("library_opening_hours.csv", "warehouse_inventory.xlsx"):
        shutil.copy(ROOT / "sample_docs" / name, docs / name)
    for other in (ROOT / "sample_docs").iterdir():  # the rest of sample_docs as distractors
        if not (docs / other.name).exists():
            shutil.copy(other, docs / other.name)
    with rag.open(index) as engine:
        report = engine.ingest([docs])
    if report.failed:
        raise SystemExit(f"table documents failed to ingest: {report.errors}")
    return index


def judge(question: dict, answer) -> dict:
    values = question["answers"]
    right_row = [
        c for c in answer.citations
        if c.supported and Path(c.passage.source).name == question["source"]
        and squash(question["row"]) in squash(c.quote) and holds(c.quote, values)
    ]
    held = not answer.refused and holds(answer.text, values)
    return {
        "id": question["id"], "source": question["source"], "question": question["question"], "answer": answer.text,
        "refused": answer.refused, "holds": held, "right_row": bool(right_row), "right": held and bool(right_row),
        "wrong_supported": not answer.refused and not held, "extracted": answer.extracted,
        "ms": round(answer.timings.total_ms),
    }


def run(work: Path, by_meaning: bool = False) -> dict:
    """The table questions answered with the settings as they are; with ``by_meaning`` the same drafts
    settled again with ``extract_by_meaning`` on, under "by_meaning"."""
    import copy
    from dataclasses import replace

    import rag
    from rag.answer import settle
    from rag.engine import closeness, policy

    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    index = build(work)
    rows, again = [], []
    with rag.open(index, create=False, generate_when_quoted=by_meaning) as engine:  # a draft to settle again
        other = replace(policy(engine.settings, model_name=engine.model.name), closeness=closeness(engine.embedder))
        for question in questions:
            answer = engine.ask(question["question"])
            if by_meaning:
                again.append(judge(question, settle(copy.deepcopy(answer), other) if answer.draft else answer))
            rows.append(judge(question, answer))
    result = summary(rows)
    if again:
        result["by_meaning"] = summary(again)
    return result


def summary(rows: list[dict]) -> dict:
    n = len(rows)
    per_table: dict[str, list[dict]] = {}
    for row in rows:
        per_table.setdefault(row["source"], []).append(row)
    return {
        "questions": n, "tables": len(per_table),
        "right": round(sum(r["right"] for r in rows) / n, 3),
        "holds_value": round(sum(r["holds"] for r in rows) / n, 3),
        "wrong_shown": round(sum(r["wrong_supported"] for r in rows) / n, 3),
        "refused": round(sum(r["refused"] for r in rows) / n, 3),
        "quoted": round(sum(r["extracted"] for r in rows) / n, 3),
        "answer_ms_p50": statistics.median(r["ms"] for r in rows),
        "per_table": {name: f"{sum(r['right'] for r in group)}/{len(group)}" for name, group in sorted(per_table.items())},
        "rows": rows,
    }


def report(result: dict) -> str:
    lines = ["| questions | tables | right (goal >= 0.80) | holds the value | wrong answer shown | refused | quoted | p50 ms |",
             "|---|---|---|---|---|---|---|---|",
             f"| {result['questions']} | {result['tables']} | {result['right']} | {result['holds_value']} | {result['wrong_shown']} "
             f"| {result['refused']} | {result['quoted']} | {result['answer_ms_p50']} |", "",
             "| table | right |", "|---|---|"]
    lines += [f"| {name} | {score} |" for name, score in result["per_table"].items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-work"))
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--by-meaning", action="store_true", help="also settle the same drafts with extract_by_meaning")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    result = run(args.work, args.by_meaning)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for row in result["rows"]:
        mark = "ok " if row["right"] else ("REF" if row["refused"] else "BAD")
        print(f"{mark} {row['id']} {row['question']!r} -> {row['answer']!r}")
    print(report(result))
    if "by_meaning" in result:
        for row, before in zip(result["by_meaning"]["rows"], result["rows"]):
            if row["right"] != before["right"]:
                print(f"by meaning {'now right' if row['right'] else 'now WRONG'}: {row['question']!r} -> {row['answer']!r}")
        print("\nthe same drafts, quote chosen by meaning (extract_by_meaning):")
        print(report(result["by_meaning"]))


if __name__ == "__main__":
    main()
