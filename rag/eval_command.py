"""`rag eval`: a thin command over ``rag.eval`` (registered by rag.cli).

Outside the ``rag.eval`` package on purpose: importing that package loads the engine (bm25s,
numba), and ``rag.cli`` is imported again by every parser worker it spawns (as ``__mp_main__``),
so the command imports the library only when it runs."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from rag.terminal import err, filters_for, index_option, open_engine, safe_json, settings_for

EXIT_OK, EXIT_INTERRUPTED = 0, 130


@click.command(name="eval")
@click.argument("qa_file", type=click.Path(path_type=Path, dir_okay=False))
@index_option
@click.option("--k", "ks", default="1,3,5,10", show_default=True, help="k values for hit@k, comma-separated.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only N questions, spread evenly over the file.")
@click.option("--answers", is_flag=True, help="Also generate answers: exact match, F1, citations, refusals, latency.")
@click.option("--mode", type=click.Choice(["hybrid", "dense", "keyword"]), default=None, help="Retrieval mode (default: setting).")
@click.option("--collection", default=None, help="Search only this collection.")
@click.option("--report", "report_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Write metrics.json, results.jsonl, report.md and PNG plots here.")
@click.option("--resume", is_flag=True, help="Go on with the run in --report DIR, skipping the questions it measured.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object on the last line.")
def evaluate(qa_file: Path, index: Path | None, ks: str, limit: int | None, answers: bool, mode: str | None,
             collection: str | None, report_dir: Path | None, resume: bool, as_json: bool) -> None:
    """Measure retrieval (and with --answers, answers) on a SQuAD v2 JSON or JSONL question file.

    Ctrl-C stops early; what was measured is still reported (exit code 130). With --report each
    question's result is saved as it is measured, and --resume goes on from there."""
    from rag.eval import evaluate_saved, load_qa, spread
    from rag.eval.report import write_report
    from rag.eval.run import hit_at

    try:
        k_values = sorted({int(k) for k in ks.split(",") if k.strip()})
    except ValueError as exc:
        raise click.UsageError(f"--k takes comma-separated whole numbers, not {ks!r}") from exc
    if not k_values or min(k_values) < 1 or max(k_values) > 100:
        raise click.UsageError("--k values must be between 1 and 100")
    if resume and report_dir is None:
        raise click.UsageError("--resume needs --report DIR (the run to go on with)")
    items = load_qa(qa_file)
    if limit:
        items = spread(items, limit)
    # with --answers every question gets a draft (the quote-first path would skip it): the ablation with citation
    # verification off shows the draft whole
    settings = settings_for(index, generate_when_quoted=True if answers else None)
    options = {"mode": mode} if mode else {}
    if collection:
        options["filters"] = filters_for(collection, None, ())
    hits: list[float] = []
    with open_engine(settings) as engine, _eval_progress() as progress:
        task = progress.add_task("questions", total=len(items), hit="-")

        def on_start(done) -> None:
            hits.extend(hit_at(r.flags(max(k_values)), max(k_values)) for r in done if r.answerable)
            progress.update(task, completed=len(done), hit=f"{sum(hits) / len(hits):.3f}" if hits else "-")

        def on_result(result) -> None:
            if result.answerable:
                hits.append(hit_at(result.flags(max(k_values)), max(k_values)))
            progress.update(task, advance=1, hit=f"{sum(hits) / len(hits):.3f}" if hits else "-")

        run = evaluate_saved(engine, items, qa_file=str(qa_file.resolve()), folder=report_dir, resume=resume, ks=k_values,
                             answers=answers, retrieve_options=options, on_result=on_result, on_start=on_start)
    if report_dir is not None:
        metrics = write_report(run, report_dir, f"rag eval: {qa_file.name}")
    else:
        metrics = run.metrics()
    _print_metrics(metrics, Console(stderr=as_json))
    if report_dir is not None:
        Console(stderr=as_json).print(f"report written to {escape(str(report_dir))}/report.md", highlight=False)
    if as_json:
        click.echo(safe_json(metrics))
    sys.exit(EXIT_INTERRUPTED if run.interrupted else EXIT_OK)


def _eval_progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("hit@max k {task.fields[hit]}"),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err, transient=True,
    )


def _print_metrics(metrics: dict, out: Console) -> None:
    title = f"{metrics['questions']} of {metrics['questions_total']} questions"
    if metrics["interrupted"]:
        title += " (interrupted)"
    table = Table(title=title, show_header=False)
    for group in ("retrieval", "answers"):
        for key, value in metrics.get(group, {}).items():
            table.add_row(group, key, "n/a" if value is None else str(value))
    out.print(table)
