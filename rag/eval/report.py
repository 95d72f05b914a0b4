"""Write an evaluation run to a folder: metrics.json, report.md and PNG plots (results.jsonl beside
them is the run's checkpoint, written question by question by ``rag.eval.checkpoint``)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from rag.eval.records import QuestionResult
from rag.eval.run import EvalRun

HIT_PLOT, LATENCY_PLOT, OUTCOME_PLOT = "hit_at_k.png", "latency.png", "outcomes.png"


def outcome(result: QuestionResult, depth: int, verify_citations: bool = True) -> str:
    """One label per question, for the outcome plot and the report's table."""
    score = result.score(verify_citations)
    if score is None:  # retrieval only
        if not result.answerable:
            return "unanswerable"
        first = min(result.relevant_ranks, default=None)
        if first == 1:
            return "hit at rank 1"
        return f"hit at rank 2-{depth}" if first else "miss"
    if not result.answerable:
        return "unanswerable, refused" if score.refused else "unanswerable, answered"
    if result.error:
        return "error"
    if score.refused:
        return "answerable, refused"
    return "answered, holds a gold answer" if score.contains_gold else "answered, no gold answer in it"


def write_report(run: EvalRun, folder: Path, title: str) -> dict:
    """Write the report of ``run``; returns the metrics. Plots use matplotlib's file-only backend.
    results.jsonl is left to the checkpoint, which also holds questions outside this run's selection."""
    folder.mkdir(parents=True, exist_ok=True)
    metrics = run.metrics()
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    depth = run.settings.get("depth", 10)
    outcomes = Counter(outcome(r, depth, run.settings.get("verify_citations", True)) for r in run.results)
    _plots(run, metrics, outcomes, folder)
    (folder / "report.md").write_text(_markdown(metrics, outcomes, title), encoding="utf-8")
    return metrics


def _plots(run: EvalRun, metrics: dict, outcomes: Counter, folder: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ks = run.ks
    hits = [metrics["retrieval"][f"hit@{k}"] or 0.0 for k in ks]
    fig, ax = plt.subplots(figsize=(5.5, 3.6))
    ax.plot(ks, hits, marker="o")
    for k, value in zip(ks, hits, strict=True):
        ax.annotate(f"{value:.3f}", (k, value), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
    ax.set(xlabel="k (passages retrieved)", ylabel="hit@k", ylim=(0, 1.05), xticks=ks,
           title=f"hit@k over {metrics['answerable']} answerable questions")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(folder / HIT_PLOT, dpi=120)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(5.5, 3.6))
    series = [("retrieval", [r.retrieve_ms for r in run.results])]
    answer_ms = [r.answer_ms for r in run.results if r.answer_ms is not None]
    if answer_ms:
        series.append(("answer (retrieval + generation)", answer_ms))
    for label, values in series:
        ax.hist(values, bins=30, alpha=0.6, label=label)
    ax.set(xlabel="milliseconds", ylabel="questions", title="latency per question")
    ax.legend()
    fig.tight_layout()
    fig.savefig(folder / LATENCY_PLOT, dpi=120)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6.5, 0.45 * max(len(outcomes), 2) + 1.2))
    labels = sorted(outcomes, key=outcomes.get)
    ax.barh(labels, [outcomes[label] for label in labels], color="#4c78a8")
    for i, label in enumerate(labels):
        ax.text(outcomes[label], i, f" {outcomes[label]}", va="center", fontsize=8)
    ax.set(xlabel="questions", title="outcome per question")
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    fig.savefig(folder / OUTCOME_PLOT, dpi=120)
    plt.close(fig)


def _markdown(metrics: dict, outcomes: Counter, title: str) -> str:
    lines = [f"# {title}", ""]
    done = f"{metrics['questions']} of {metrics['questions_total']} questions"
    if metrics["interrupted"]:
        done += " (interrupted: the figures cover the questions measured)"
    lines += [f"{done}: {metrics['answerable']} answerable, {metrics['unanswerable']} unanswerable.", ""]
    lines += ["| setting | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in metrics["settings"].items()] + [""]
    lines += ["## Retrieval", "", "| metric | value |", "|---|---|"]
    lines += [f"| {k} | {_fmt(v)} |" for k, v in metrics["retrieval"].items()] + [""]
    if "answers" in metrics:
        lines += ["## Answers", "", "| metric | value |", "|---|---|"]
        by = metrics["answers_by_verification"]
        on = "on" if metrics["settings"].get("verify_citations", True) else "off"
        lines += [(f"Citation verification is {on}; the other column scores the same drafts with it "
                   f"{'off' if on == 'on' else 'on'} (no second generation)."), "",
                  "| metric | verification on | verification off |", "|---|---|---|"]
        lines += [f"| {k} | {_fmt(v)} | {_fmt(by['off'][k])} |" for k, v in by["on"].items()] + [""]
    lines += ["## Outcomes", "", "| outcome | questions |", "|---|---|"]
    lines += [f"| {label} | {count} |" for label, count in outcomes.most_common()] + [""]
    lines += [f"![hit@k]({HIT_PLOT})", "", f"![latency]({LATENCY_PLOT})", "", f"![outcomes]({OUTCOME_PLOT})", ""]
    return "\n".join(lines)


def _fmt(value) -> str:
    if value is None:
        return "n/a"
    return f"{value:.4f}" if isinstance(value, float) and value <= 1 else str(value)
