"""A ``rag eval`` run saved question by question, so that a stopped or killed run can be resumed."""

from __future__ import annotations

import json
from pathlib import Path

from rag.errors import ConfigError
from rag.eval.records import QuestionResult, result_record


class Checkpoint:
    """``results.jsonl`` in a report folder, appended to as each question is measured, so a run that
    is stopped or killed keeps its results and can be resumed where it stopped."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.results = folder / "results.jsonl"
        self.run = folder / "run.json"

    def start(self, qa_file: str, settings: dict, resume: bool) -> list[QuestionResult]:
        """The results measured before (resume), after checking they were measured the same way;
        without ``resume`` the folder starts empty."""
        self.folder.mkdir(parents=True, exist_ok=True)
        done = self.measured(qa_file, settings) if resume else []
        self.results.write_text("".join(json.dumps(result_record(r), ensure_ascii=False) + "\n" for r in done),
                                encoding="utf-8")
        self.run.write_text(json.dumps({"qa_file": qa_file, "settings": settings}, indent=2) + "\n", encoding="utf-8")
        return done

    def measured(self, qa_file: str, settings: dict) -> list[QuestionResult]:
        """The results saved here (none if the folder is new), without changing anything; raises
        ``ConfigError`` when they were measured with other settings or questions."""
        before = self.saved()
        if before is None:
            return []
        changed = [f"{key}: {before['settings'].get(key)!r} then, {value!r} now" for key, value in settings.items()
                   if before["settings"].get(key) != value]
        if before.get("qa_file") != qa_file:
            changed.insert(0, f"question file: {before.get('qa_file')} then, {qa_file} now")
        if changed:
            raise ConfigError(f"cannot resume the run in {self.folder}: it was measured differently ("
                              + "; ".join(changed) + "); use another --report folder or leave out --resume")
        done: list[QuestionResult] = []
        lines = self.results.read_text(encoding="utf-8").splitlines() if self.results.exists() else []
        for number, line in enumerate(lines, 1):
            try:
                done.append(QuestionResult.from_record(json.loads(line)))
            except (ValueError, TypeError) as exc:
                if number < len(lines):  # only the last line may be cut short by a kill
                    raise ConfigError(f"{self.results}, line {number} is damaged: {exc}") from exc
        return done

    def saved(self) -> dict | None:
        """``run.json`` as ``start`` wrote it (``qa_file``, ``settings``); None for a new folder."""
        return json.loads(self.run.read_text(encoding="utf-8")) if self.run.exists() else None

    def add(self, result: QuestionResult) -> None:
        with self.results.open("a", encoding="utf-8") as out:
            out.write(json.dumps(result_record(result), ensure_ascii=False) + "\n")
