"""Chats that never make a question worse: the scripted conversations of bench/data/chats.jsonl.

Each conversation runs through one ``ChatSession`` with the bundled model, as the web UI does.

* a **topic switch** turn must get the same answer as the same question asked alone in a new chat
  (goal: >= 95 % of switch turns);
* a **follow-up** turn must retrieve its gold source in the top 3 passages (goal: >= 80 %), and
  its answer should hold one of the expected answers.

A turn marked ``"refuse": true`` asks what the documents do not say: its answer is right when refused.
``--chats bench/data/chats_asked.jsonl``: ten conversations a new user had with ``sample_docs/`` in session 27, in
their own words (not blind: what they got wrong was mended in that session). ``--chats bench/data/chats_own.jsonl`` and
``chats_own2.jsonl``: ten conversations each over the two own folders of bench/heldout.py (session 28).

Indexes: ``sample_docs/`` and the 36 SQuAD2 articles (bench/squad_corpus.py), built once in --work.

    .venv/bin/python -m bench.chat --work /tmp/bench-work [--limit N] [--json docs/benchmarks/chat.json] [--chats FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHATS = ROOT / "bench" / "data" / "chats.jsonl"
OWN_FOLDER = ROOT / "bench" / "data" / "own_folder"  # a person's own documents, written in session 28 (bench.heldout)
OWN_FOLDER_2 = ROOT / "bench" / "data" / "own_folder_2"  # another person's, kept out of that session's work
OWN_FOLDER_3 = ROOT / "bench" / "data" / "own_folder_3"  # a third person's, blind at session 29's start
OWN_FOLDER_4 = ROOT / "bench" / "data" / "own_folder_4"  # a fourth person's, kept out of session 29's work
OWN_FOLDER_5 = ROOT / "bench" / "data" / "own_folder_5"  # a fifth person's, blind for session 30's start
OWN_FOLDER_6 = ROOT / "bench" / "data" / "own_folder_6"  # a sixth person's, kept out of session 30's work
OWN_FOLDER_7 = ROOT / "bench" / "data" / "own_folder_7"  # a seventh person's, kept out of session 31's work


def squash(text: str) -> str:
    return " ".join(text.lower().split())


def holds(text: str, answers: list[str]) -> bool:
    """An expected answer in the text, as whole words or numbers ("30" is not found in "300")."""
    text = squash(text)
    return any(re.search(r"(?<!\w)" + re.escape(squash(a)) + r"(?!\w)", text) for a in answers)


def indexes(work: Path, corpora: set[str]) -> dict[str, Path]:
    """The index of each corpus the chats use, built once in ``work``."""
    import rag
    from bench.squad_corpus import load_articles, write_articles

    folders = {"sample_docs": ROOT / "sample_docs", "own-folder": OWN_FOLDER, "own-folder-2": OWN_FOLDER_2,
               "own-folder-3": OWN_FOLDER_3, "own-folder-4": OWN_FOLDER_4,
               "own-folder-5": OWN_FOLDER_5, "own-folder-6": OWN_FOLDER_6,
               "own-folder-7": OWN_FOLDER_7}
    paths = {name: work / f"{name.replace('_docs', '')}-index" for name in [*folders, "squad"]}
    for name in corpora:
        if not (paths[name] / "manifest.json").exists():
            docs = write_articles(load_articles(), work / "squad-docs") if name == "squad" else [folders[name]]
            with rag.open(paths[name]) as engine:
                engine.ingest(docs)
    return {name: paths[name] for name in corpora}


def top_sources(answer, n: int = 3) -> list[str]:
    return [Path(p.source).name for p in [*answer.passages, *answer.dropped_passages][:n]]


def run(work: Path, limit: int | None, chats_file: Path = CHATS) -> dict:
    import rag

    chats = [json.loads(line) for line in chats_file.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    engines = {name: rag.open(path, create=False) for name, path in indexes(work, {c["corpus"] for c in chats}).items()}
    turns: list[dict] = []
    started = time.perf_counter()
    for chat in chats:
        engine = engines[chat["corpus"]]
        session = engine.chat()
        for number, turn in enumerate(chat["turns"]):
            answer = session.ask(turn["question"])
            row = {
                "chat": chat["id"], "turn": number, "kind": turn["kind"], "question": turn["question"],
                "standalone": answer.standalone, "rewrite": answer.rewrite, "answer": answer.text, "refused": answer.refused,
                "gold_top3": turn["source"] in top_sources(answer), "holds": answer.refused if turn.get("refuse") else holds(answer.text, turn["answers"]),
                "ms": round(answer.timings.total_ms),
            }
            if turn["kind"] == "switch":
                alone = engine.ask(turn["question"])
                row["alone"] = alone.text
                row["same_as_alone"] = alone.text == answer.text
            turns.append(row)
        print(f"  {chat['id']}: {sum(t['chat'] == chat['id'] and t.get('gold_top3', False) for t in turns)} of "
              f"{len(chat['turns'])} turns with the gold source in the top 3", flush=True)
    for engine in engines.values():
        engine.close()
    return summarize(turns, time.perf_counter() - started)


def share(rows: list[dict], key: str) -> float | None:
    return round(sum(bool(r[key]) for r in rows) / len(rows), 3) if rows else None


def summarize(turns: list[dict], seconds: float) -> dict:
    by_kind = {kind: [t for t in turns if t["kind"] == kind] for kind in ("first", "switch", "followup")}
    follow = by_kind["followup"]
    return {
        "conversations": len({t["chat"] for t in turns}), "turns": len(turns), "seconds": round(seconds),
        "switch_same_as_alone": share(by_kind["switch"], "same_as_alone"), "switch_turns": len(by_kind["switch"]),
        "followup_gold_top3": share(follow, "gold_top3"), "followup_turns": len(follow),
        "followup_holds_answer": share(follow, "holds"), "first_holds_answer": share(by_kind["first"], "holds"),
        "switch_holds_answer": share(by_kind["switch"], "holds"),
        "followup_rewrites": {how or "as asked": sum(t["rewrite"] == how for t in follow) for how in ("rule", "model", "history", "")},
        "answer_ms_p50": statistics.median([t["ms"] for t in turns]) if turns else None,
        "rows": turns,
    }


def report(result: dict) -> str:
    lines = [
        "| conversations | turns | topic switch = asked alone (goal >= 0.95) | follow-up gold source in top 3 (goal >= 0.80) "
        "| follow-up answer holds the expected answer | first turn holds it | follow-ups written out by rule / model / "
        "with the previous question / as asked |",
        "|---|---|---|---|---|---|---|",
        f"| {result['conversations']} | {result['turns']} | {result['switch_same_as_alone']} ({result['switch_turns']} turns) "
        f"| {result['followup_gold_top3']} ({result['followup_turns']} turns) | {result['followup_holds_answer']} "
        f"| {result['first_holds_answer']} | " + " / ".join(str(v) for v in result["followup_rewrites"].values()) + " |",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-work"), help="folder for the indexes (kept between runs)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N conversations")
    parser.add_argument("--json", type=Path, default=None, help="write every turn and the summary here")
    parser.add_argument("--chats", type=Path, default=CHATS, help="the conversations (default bench/data/chats.jsonl)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    result = run(args.work, args.limit, args.chats)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for row in result["rows"]:
        flag = "ok " if row["gold_top3"] else "MISS"
        same = "" if "same_as_alone" not in row else (" same" if row["same_as_alone"] else " DIFFERENT")
        right = "right" if row["holds"] else "WRONG" if not row["refused"] else "refused"
        print(f"{flag} {right:7} {row['chat']}.{row['turn']} {row['kind']:8} {row['rewrite'] or '-':7} {row['question']!r} -> "
              f"{row['standalone']!r}{same}: {row['answer'][:120]!r}")
    print(report(result))


if __name__ == "__main__":
    main()
