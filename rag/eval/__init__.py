"""Measuring an index on a question set: ``run`` (loading questions, metrics, one run),
``records`` (per-question results), ``checkpoint`` (a run saved question by question) and
``report`` (metrics.json, report.md, plots).

``evaluate_saved`` is the one place that resumes a run: ``rag eval --resume`` and
bench/benchmarks.py both go through it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rag.eval.checkpoint import Checkpoint
from rag.eval.records import AnswerScore, QuestionResult
from rag.eval.run import MRR_DEPTH, NDCG_DEPTH, EvalRun, QAItem, evaluate, load_qa, run_settings, spread

__all__ = ["AnswerScore", "Checkpoint", "EvalRun", "QAItem", "QuestionResult", "evaluate", "evaluate_saved", "load_qa",
           "run_settings", "spread"]


def evaluate_saved(
    engine,
    items: list[QAItem],
    *,
    qa_file: str,
    folder: Path | None,
    resume: bool,
    ks: list[int],
    answers: bool = False,
    retrieve_options: dict | None = None,
    extra_settings: dict | None = None,
    more: int | None = None,
    on_result: Callable[[QuestionResult], None] | None = None,
    on_start: Callable[[list[QuestionResult]], None] | None = None,
) -> EvalRun:
    """Run ``items``, saving each result in ``folder`` (when given) as it is measured.

    With ``resume`` the results already saved there are kept and their questions skipped, after
    checking the run was measured the same way (question file, settings, ``extra_settings`` such
    as a code hash; ``ConfigError`` says what differs); without it the folder starts empty. Saved
    results of questions not in ``items`` stay in the file but are not scored. ``more`` caps how
    many new questions are measured; ``on_start`` sees the kept results before anything runs.
    """
    options = retrieve_options or {}
    depth = max([*ks, MRR_DEPTH, NDCG_DEPTH])
    settings = {**run_settings(engine, answers, options, depth), **(extra_settings or {})}
    checkpoint = Checkpoint(folder) if folder is not None else None
    done = checkpoint.start(qa_file, settings, resume) if checkpoint else []
    wanted = {item.id for item in items}
    done = [r for r in done if r.id in wanted]
    if on_start:
        on_start(done)
    measured = {r.id for r in done}
    todo = [item for item in items if item.id not in measured][:more]

    def saved(result: QuestionResult) -> None:
        if checkpoint:
            checkpoint.add(result)
        if on_result:
            on_result(result)

    run = evaluate(engine, todo, ks=ks, answers=answers, retrieve_options=options, on_result=saved, done=done)
    run.total = len(items)
    run.settings = settings
    return run
