"""The ``rag`` command: parse arguments, call the library, render, map errors to exit codes.

Exit codes: 0 success; 1 some files failed (everything else was stored); 2 usage error;
3 any other error (an index built with another model, a catalog that cannot be opened, ...);
130 interrupted (Ctrl-C), 143 stopped by SIGTERM (what was stored is kept in both).
"""

from __future__ import annotations

import atexit
import errno
import logging
import os
import signal
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from rag.errors import ConfigError, RagError, storage_error
from rag.terminal import CleanLog, clean, err, filters_for, index_option, open_engine, safe_json, settings_for

EXIT_OK, EXIT_FILES_FAILED, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as shells report them
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that every ``finally`` (workers, locks) runs."""


def _terminated(signum, frame) -> None:  # noqa: ARG001
    raise Terminated()


class RagGroup(click.Group):
    """Maps library errors to messages and exit codes, so no stack trace reaches a user."""

    def invoke(self, ctx: click.Context):
        signal.signal(signal.SIGTERM, _terminated)
        try:
            return super().invoke(ctx)
        except Terminated:
            err.print("stopped by SIGTERM: what was stored is kept; run the command again to finish", highlight=False)
            sys.exit(EXIT_TERMINATED)
        except KeyboardInterrupt:
            err.print("interrupted: what was stored is kept; run the command again to finish", highlight=False)
            sys.exit(EXIT_INTERRUPTED)
        except ConfigError as exc:
            raise click.UsageError(clean(exc, one_line=True)) from exc
        except (RagError, OSError) as exc:
            if isinstance(exc, OSError) and exc.errno not in _STORAGE_ERRNOS:
                raise
            if isinstance(exc, OSError):  # a full disk or read-only place the library did not name itself
                exc = storage_error(exc, f"use {exc.filename or 'a file'}")
            err.print(f"[red]error:[/red] {escape(clean(exc, one_line=True))}", highlight=False, soft_wrap=True)
            sys.exit(EXIT_ERROR)


@click.group(cls=RagGroup)
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages.")
def main(verbose: bool) -> None:
    """Ask questions of your own documents, offline, with citations."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(message)s",
        handlers=[RichHandler(console=err, show_path=False, show_time=False)],
    )
    for handler in logging.getLogger().handlers:
        handler.addFilter(CleanLog())
    for noisy in ("sentence_transformers", "httpx", "filelock", "faiss"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


RAY_LOCAL = "local"  # `--ray` without an address: start a Ray cluster on this machine for the run

@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@index_option
@click.option("--collection", default=None, help="Collection the documents join (default: 'default').")
@click.option("--prune", is_flag=True, help="Delete documents whose files are gone from disk.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Parser processes.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary as the last line.")
@click.option("--ray", "ray_address", is_flag=False, flag_value=RAY_LOCAL, default=None, metavar="[ADDRESS]",
              help="Parse and embed on a Ray cluster: auto (the running one), HOST:PORT, or no value to start a local one.")
def ingest(paths: tuple[Path, ...], index: Path | None, collection: str | None, prune: bool, workers: int | None, as_json: bool,
           ray_address: str | None) -> None:
    """Ingest files and folders into the index; unchanged files are skipped."""
    settings = settings_for(index, collection=collection, workers=workers)
    options: dict = {}
    if ray_address is None:  # a parser starts first: its imports overlap this process's own (~0.5 s)
        from ingest.workers import parse_options, start_parsers
        from rag.embed import Embedder

        embedder = Embedder.from_settings(settings)
        options = {"embedder": embedder, "parsers": start_parsers(parse_options(settings, embedder))}
    from ingest.pipeline import ingest as run_ingest

    if ray_address is not None:
        from functools import partial

        from ingest.cluster import ingest_on_ray

        run_ingest = partial(ingest_on_ray, address=None if ray_address == RAY_LOCAL else ray_address)
    with _progress() as progress:
        task = progress.add_task("checking files", total=None, chunks=0, rate=0.0)
        started = time.perf_counter()

        def on_progress(event) -> None:
            rate = event.chunks / max(time.perf_counter() - started, 1e-6)
            progress.update(task, completed=event.files_done, total=event.files_total, chunks=event.chunks,
                            rate=rate, description=_progress_label(event))

        try:
            report = run_ingest([str(p) for p in paths], settings, collection=collection, prune=prune, workers=workers,
                                on_progress=on_progress, **options)
        finally:
            if "parsers" in options:
                options["parsers"].close()  # ingest closes it too; not reached when it refused the paths
    _print_summary(report, Console(stderr=as_json))
    if as_json:
        click.echo(safe_json(report.to_dict()))
    sys.exit(EXIT_FILES_FAILED if report.failed else EXIT_OK)


@main.command()
@index_option
@click.option("--backend", type=click.Choice(["torch", "onnx-int8"]), default=None,
              help="Embedding backend to switch the index to (default: the embedding_backend setting).")
def reembed(index: Path | None, backend: str | None) -> None:
    """Encode every stored chunk again with another embedding backend and rebuild the vectors."""
    from rag.reembed import reembed as run_reembed

    settings = settings_for(index, embedding_backend=backend)
    with _progress() as progress:
        task = progress.add_task(f"re-embedding with {settings.embedding_backend}", total=None, chunks=0, rate=0.0)
        done = run_reembed(settings, lambda n, total: progress.update(task, completed=n, total=total, chunks=n))
    if done:
        err.print(f"re-embedded {done} chunks with {settings.embedding_backend}", highlight=False)
    else:
        err.print(f"the index already uses {settings.embedding_backend}; nothing to do", highlight=False)


def _progress_label(event) -> str:
    if not event.path:
        return "parsing"
    name = clean(Path(event.path).name, one_line=True)
    return f"{name[:40 - len(event.detail) - 1]} {event.detail}" if event.detail else name[:40]


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TextColumn("{task.fields[chunks]} chunks"), TextColumn("{task.fields[rate]:.0f} chunks/s"),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err, transient=True,
    )


def _print_summary(report, console: Console) -> None:
    table = Table(title="ingest summary", show_header=False)
    for key in ("files_seen", "added", "updated", "unchanged", "removed", "missing", "failed", "chunks", "embedded"):
        table.add_row(key, str(getattr(report, key)))
    table.add_row("seconds", f"{report.seconds:.1f}")
    rate = report.chunks / report.seconds if report.seconds else 0.0
    table.add_row("chunks/s", f"{rate:.1f}")
    console.print(table)
    if report.missing:
        console.print(f"{report.missing} documents are gone from disk; run again with --prune to delete them.")
    for error in report.errors:
        console.print(f"[red]failed[/red] {escape(clean(error.path, one_line=True))}: {escape(clean(error.error, one_line=True))}",
                      highlight=False, soft_wrap=True)


@main.command()
@index_option
@click.option("--collection", default=None, help="Only this collection.")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def docs(index: Path | None, collection: str | None, as_json: bool) -> None:
    """List the documents in the index with status, chunk count and error."""
    from rag.catalog import Catalog
    from rag.index import MANIFEST

    settings = settings_for(index)
    if not (settings.index_dir / MANIFEST).exists():
        raise RagError(f"no index at {settings.index_dir}: create one with `rag ingest PATH --index {settings.index_dir}`")
    catalog = Catalog(settings.resolved_catalog_url, create=False)
    try:
        rows = catalog.documents(collection)
    finally:
        catalog.close()
    if as_json:
        click.echo(safe_json([
            {"collection": d.collection, "path": d.path, "type": d.file_type, "status": d.status,
             "chunks": d.n_chunks, "error": d.error, "ocr": d.ocr, "updated_at": d.updated_at.isoformat()}
            for d in rows
        ]))
        return
    table = Table("collection", "path", "type", "status", "chunks", "error")
    for d in rows:
        kind = f"{d.file_type} (OCR)" if d.ocr else d.file_type
        table.add_row(*(Text(clean(v, one_line=True)) for v in (d.collection, d.path, kind, d.status, str(d.n_chunks), d.error or "")))
    Console().print(table)


def _location(page: int | None, heading: str) -> str:
    parts = []
    if page is not None:
        parts.append(f"page {page}")
    if heading:
        parts.append(clean(heading, one_line=True))
    return ", ".join(parts)


def _name(source: str) -> str:
    return clean(Path(source).name, one_line=True)


def query_options(command):
    for option in reversed([
        index_option,
        click.option("--k", "k", type=click.IntRange(1, 100), default=None, help="Passages to retrieve (default: top_k setting, 5)."),
        click.option("--mode", type=click.Choice(["hybrid", "dense", "keyword"]), default=None, help="Retrieval mode (default: hybrid)."),
        click.option("--mmr", "mmr_lambda", type=click.FloatRange(0, 1), default=None, help="MMR diversity: 1 = relevance only."),
        click.option("--collection", default=None, help="Search only this collection."),
        click.option("--path", "path_glob", default=None, help="Search only documents whose path or file name matches this glob."),
        click.option("--type", "file_types", multiple=True, help="Search only these file types (repeatable): --type pdf --type docx."),
        click.option("--json", "as_json", is_flag=True, help="Print one JSON object as the last line."),
    ]):
        command = option(command)
    return command


@main.command()
@click.argument("query")
@query_options
def search(query: str, index: Path | None, k: int | None, mode: str | None, mmr_lambda: float | None,
           collection: str | None, path_glob: str | None, file_types: tuple[str, ...], as_json: bool) -> None:
    """Show the passages that best match QUERY, with their sources and scores (no model involved)."""
    if not query.strip():
        raise click.UsageError("the query is empty")
    settings = settings_for(index)
    with open_engine(settings) as engine:
        started = time.perf_counter()
        passages = engine.retrieve(query, k=k, mode=mode, filters=filters_for(collection, path_glob, file_types), mmr_lambda=mmr_lambda)
        elapsed = (time.perf_counter() - started) * 1000
    if as_json:
        click.echo(safe_json({"query": query, "passages": [p.to_dict() for p in passages], "retrieve_ms": round(elapsed, 2)}))
        return
    out = Console()
    if not passages:
        out.print("no passages found")
    for n, p in enumerate(passages, start=1):
        out.print(Text.assemble((f"[{n}] ", "bold"), (_name(p.source), "cyan"), f"  {_location(p.page, p.heading)}",
                               (f"  score {p.score:.4f}", "dim")))
        out.print(Text(clean(p.text.strip())), highlight=False)
        out.print()


@main.command()
@click.argument("question")
@query_options
def ask(question: str, index: Path | None, k: int | None, mode: str | None, mmr_lambda: float | None,
        collection: str | None, path_glob: str | None, file_types: tuple[str, ...], as_json: bool) -> None:
    """Answer QUESTION from the documents, streaming, then list the citations and their quotes."""
    from rag.records import Answer

    if not question.strip():
        raise click.UsageError("the question is empty")
    settings = settings_for(index)
    out = Console(stderr=as_json)
    answer = None
    with open_engine(settings) as engine:
        for event in engine.stream(question, k=k, mode=mode, filters=filters_for(collection, path_glob, file_types), mmr_lambda=mmr_lambda):
            if isinstance(event, Answer):
                answer = event
            elif not as_json:
                out.print(Text(clean(event)), end="", highlight=False, soft_wrap=True)
    assert answer is not None
    if not as_json:
        out.print()
        out.print()
        _print_answer(answer, out)
    else:
        click.echo(safe_json(answer.to_dict()))


def _print_answer(answer, out: Console) -> None:
    if answer.refused:
        out.print(Text("Not found in the documents.", style="bold yellow"), f"({answer.refusal_reason})")
        if answer.refusal_reason == "no_answering_sentence" and answer.draft:
            out.print(Text("The model's unchecked draft: ", style="dim"), Text(clean(answer.draft), style="dim"), highlight=False)
        if answer.suggestion:
            out.print(Text("Did you mean: ", style="bold"), Text(clean(answer.suggestion)), highlight=False)
        if answer.passages:
            out.print("Closest passages:")
            for p in answer.passages[:3]:
                out.print(Text.assemble(("  - ", ""), (_name(p.source), "cyan"), f"  {_location(p.page, p.heading)}"))
        return
    if answer.rewrite:
        out.print(Text("Understood as: ", style="bold"), Text(clean(answer.standalone)), highlight=False)
    out.print(Text("Answer: ", style="bold"), Text(clean(answer.text)), highlight=False)
    if answer.extracted and not answer.draft:
        out.print("(the passage's own sentence: it answers the question, so the model was not asked)")
    elif answer.extracted:
        out.print("(the draft above was not supported by the passages; this is the passage's own sentence)")
    if answer.citations:
        out.print(Text("Citations:", style="bold"))
    for c in answer.citations:
        mark = Text("supported", style="green") if c.supported else Text("NOT supported", style="red")
        out.print(Text.assemble((f"  [{c.n}] ", "bold"), (_name(c.passage.source), "cyan"),
                                f"  {_location(c.passage.page, c.passage.heading)}  "), mark)
        out.print(Text(f'      "{clean(c.quote.strip())}"'), highlight=False)
    if answer.dropped_markers:
        out.print(f"{answer.dropped_markers} citation markers named no passage and were dropped.")
    if answer.dropped_passages:
        out.print(f"{len(answer.dropped_passages)} retrieved passages did not fit the model's context.")


@main.command()
@index_option
@click.option("--port", type=click.IntRange(1, 65535), default=8501, show_default=True, help="Port on localhost.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 exposes it to the network).")
def ui(index: Path | None, port: int, host: str) -> None:
    """Open the web UI (Streamlit) over the index; Ctrl-C stops it."""
    import subprocess

    import webui

    settings = settings_for(index)
    app = Path(webui.__file__).parent / "app.py"
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.address", host, "--server.port", str(port), "--server.headless", "true",
        "--server.fileWatcherType", "none", "--server.maxUploadSize", str(int(settings.max_file_mb) + 1),
        "--browser.gatherUsageStats", "false", "--client.showErrorDetails", "none", "--client.toolbarMode", "minimal",
        "--", "--index", str(settings.index_dir.absolute()),
    ]
    err.print(f"web UI on http://{host}:{port} over {settings.index_dir} (Ctrl-C stops it)", highlight=False)
    try:
        sys.exit(subprocess.call(command))
    except KeyboardInterrupt:
        sys.exit(EXIT_OK)



def _register_other_commands() -> None:
    from rag.api.commands import keys, serve
    from rag.eval_command import evaluate

    main.add_command(evaluate, "eval")
    main.add_command(serve, "serve")
    main.add_command(keys, "keys")


_register_other_commands()


def run() -> None:
    """The ``rag`` program: the command, then a prompt exit.

    When a command is done, every ``finally`` has run (workers stopped, the index saved and closed)
    and the exit handlers run here too; what is skipped is the interpreter's teardown, freeing each
    module and object one by one, which took ~0.5 s after an ingest (onnxruntime, numba, the index).
    Tests call ``main`` through click's runner, which this does not touch."""
    try:
        main()
        code = EXIT_OK
    except SystemExit as done:
        code = done.code
    if isinstance(code, str):  # sys.exit("message"): printed, as Python would
        err.print(code, highlight=False, markup=False)
        code = EXIT_FILES_FAILED
    atexit._run_exitfuncs()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code or EXIT_OK)


if __name__ == "__main__":
    run()
