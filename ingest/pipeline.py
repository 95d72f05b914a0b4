"""files -> elements -> chunks -> vectors -> index: one incremental, crash-safe ingest run.

Worker processes parse and chunk while this process embeds and writes, so parsing overlaps
embedding. At most ``2 * workers`` files are in flight, and parsed documents are written as soon as
their vectors exist, so memory does not grow with the corpus. Each document is one catalog
transaction; FAISS is saved at the end (and repaired from the catalog if a run dies first).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.checks import check_file, check_strategy
from ingest.discover import display_path, fingerprint, walk
from ingest.offline_nlp import announce_choice
from ingest.parse import ParseOptions, parse_in_worker
from ingest.workers import ParserPool, parse_options, start_parsers, workers_for
from rag.config import Settings
from rag.embed import Embedder
from rag.errors import ConfigError
from rag.index import Index
from rag.records import DocumentState, FileError, IngestReport, ParsedDocument, SourceFile
from rag.schema import text_key

log = logging.getLogger(__name__)

FLUSH_CHUNKS = 512  # embed parsed documents together once this many chunks wait
IDLE_FLUSH_S = 0.25  # ... or once the workers have delivered nothing for this long


@dataclass(frozen=True)
class Progress:
    """Sent to the progress callback after every file."""

    files_done: int
    files_total: int  # files that need parsing in this run
    chunks: int
    path: str
    status: str  # "started" (path empty), then per file "added", "updated" or "failed"; "parsing" within a file
    detail: str = ""  # how far a long file is, e.g. "OCR page 3 of 30"


ProgressCallback = Callable[[Progress], None]


class IngestRun:
    """One run over some paths into one collection. Use ``ingest()``; this holds the run's state."""

    def __init__(
        self, index: Index, embedder: Embedder, collection: str, workers: int, on_progress: ProgressCallback | None,
        parser: Callable[[SourceFile], ParsedDocument] = parse_in_worker,
    ):
        self.index = index
        self.embedder = embedder
        self.catalog = index.catalog
        self.collection_id = self.catalog.collection_id(collection)
        self.workers = workers
        self.parser = parser
        self.on_progress = on_progress or (lambda _p: None)
        self.report = IngestReport()
        self.states: dict[str, DocumentState] = {}  # of the files this run has seen (``plan``)
        self.pending: list[ParsedDocument] = []
        self.done = 0
        self.total = 0
        self.changed = False
        self.pool: ParserPool | None = None  # started early by ``start_parsers``

    @classmethod
    def start_parsers(cls, options: ParseOptions, parser: Callable[[SourceFile], ParsedDocument]) -> ParserPool | None:
        """One parser worker started before the index opens (``ingest`` hands it to the run; see
        ``ingest.workers.start_parsers``). A run that parses elsewhere (ingest/cluster.py) returns None."""
        return start_parsers(options, parser)

    # ---- deciding what to do -----------------------------------------------------------------

    def plan(self, paths: Sequence[str]) -> tuple[list[SourceFile], set[str]]:
        """Fingerprint every file; returns the ones that need parsing and all paths seen."""
        todo: list[SourceFile] = []
        seen: set[str] = set()
        sources: list[SourceFile] = []
        for raw in walk(paths, exclude=[self.index.dir]):
            path = display_path(raw)
            seen.add(path)
            self.report.files_seen += 1
            if path != raw:
                self._fail(SourceFile(path, 0, 0.0, "", ""), "file name is not valid UTF-8; rename the file")
                continue
            try:
                sources.append(self._fingerprint(raw))
            except OSError as exc:
                self._fail(SourceFile(path, 0, 0.0, "", ""), f"cannot read file: {exc.strerror or exc}")
        self.states = self.catalog.document_states(self.collection_id, paths=[s.path for s in sources])
        for source in sources:
            state = self.states.get(source.path)
            if state is not None and state.is_current(source.sha256):
                self.report.unchanged += 1
            else:
                todo.append(source)
        return todo, seen

    def _fingerprint(self, path: str) -> SourceFile:
        stat = os.stat(path)
        if stat.st_size > self.index.settings.max_file_bytes:  # do not hash what will not be parsed
            marker = f"oversize:{stat.st_size}:{stat.st_mtime_ns}"
            return SourceFile(path, stat.st_size, stat.st_mtime, marker, Path(path).suffix.lower().lstrip("."))
        return fingerprint(path)

    # ---- parsing, embedding, writing ---------------------------------------------------------

    def run(self, todo: list[SourceFile], options: ParseOptions) -> None:
        self.total = len(todo)
        self.on_progress(Progress(0, self.total, 0, "", "started"))
        # Failures known without parsing never reach a worker.
        parse: list[SourceFile] = []
        for source in todo:
            reason = check_file(source, options)
            if reason:
                self._finish(ParsedDocument(source=source, error=reason))
            else:
                parse.append(source)
        if parse:
            announce_choice()
            self._parse_all(parse, options)
        self._flush()

    def _parse_all(self, sources: list[SourceFile], options: ParseOptions) -> None:
        pool = self.pool or ParserPool(min(self.workers, len(sources)), options, self.parser)
        pool.size, pool.on_page = min(self.workers, len(sources)), self._page
        for source in sources:
            pool.put(source)
        try:
            pool.poll(0)  # starts the workers
            self.embedder.warm_up()  # loads the model (once) while the workers start
            while pool.pending:
                if self._pending_chunks() >= FLUSH_CHUNKS:
                    self._flush()  # embeds while the workers parse what was just submitted
                # With chunks waiting, give the workers a moment to add to the batch (bigger
                # batches embed faster), but never idle: embed what waits if they are slower.
                done = pool.poll(IDLE_FLUSH_S if self.pending else None)
                if not done:
                    self._flush()
                for parsed in done:
                    self._accept(parsed)
        finally:
            pool.close()

    def _page(self, source: SourceFile, done: int, total: int) -> None:
        detail = f"OCR page {done} of {total}"
        self.on_progress(Progress(self.done, self.total, self.report.chunks, source.path, "parsing", detail))

    def _accept(self, parsed: ParsedDocument) -> None:
        if parsed.error:
            self._finish(parsed)
            return
        self.pending.append(parsed)

    def _pending_chunks(self) -> int:
        return sum(len(p.chunks) for p in self.pending)

    def _flush(self) -> None:
        """Embed the waiting documents in one batch, then write each in its own transaction."""
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        reuse, texts = self._to_embed(batch)
        self._write(batch, reuse, self.embedder.encode(texts) if texts else [])

    def _to_embed(self, batch: list[ParsedDocument]) -> tuple[list[dict], list[str]]:
        """Per document, its stored vectors by chunk text (an updated file keeps those of the chunks
        it still has), and the chunk texts that need a new vector, in order."""
        reuse = [self.catalog.old_vectors(self.collection_id, p.source.path) if p.source.path in self.states else {} for p in batch]
        texts = [c.text for p, old in zip(batch, reuse) for c in p.chunks if text_key(c.text) not in old]
        return reuse, texts

    def _write(self, batch: list[ParsedDocument], reuse: list[dict], fresh: Sequence[np.ndarray]) -> None:
        """Write each document of a batch in its own transaction; ``fresh`` are the vectors of
        ``_to_embed``'s texts, in that order."""
        self.report.embedded += len(fresh)
        rows_of = iter(fresh)
        for parsed, old in zip(batch, reuse):
            rows = [
                np.frombuffer(old[key], dtype=np.float32) if (key := text_key(c.text)) in old else next(rows_of)
                for c in parsed.chunks
            ]
            self._finish(parsed, np.vstack(rows))

    def _finish(self, parsed: ParsedDocument, vectors: np.ndarray | None = None) -> None:
        source = parsed.source
        if parsed.error:
            self._fail(source, parsed.error)
            status = "failed"
        else:
            removed, added = self.catalog.store_document(self.collection_id, source, parsed.chunks, vectors, parsed.n_chars)
            self.index.change_vectors(removed, np.array(added, dtype=np.int64), vectors)
            self.changed = True
            status = "updated" if source.path in self.states else "added"
            setattr(self.report, status, getattr(self.report, status) + 1)
            self.report.chunks += len(parsed.chunks)
        self.done += 1
        self.on_progress(Progress(self.done, self.total, self.report.chunks, source.path, status))

    def _fail(self, source: SourceFile, error: str) -> None:
        self.catalog.record_failure(self.collection_id, source, error)
        self.report.failed += 1
        self.report.errors.append(FileError(source.path, error))
        log.debug("failed: %s: %s", source.path, error)

    # ---- pruning -----------------------------------------------------------------------------

    def prune(self, roots: Sequence[str], seen: set[str], remove: bool) -> None:
        """Documents under the given roots that are gone from disk: deleted with ``remove``, else counted."""
        prefixes = [str(Path(r).absolute()) for r in roots]
        gone = [
            state for path, state in self.catalog.document_states(self.collection_id, under=prefixes).items()
            if path not in seen and any(path == p or path.startswith(p.rstrip(os.sep) + os.sep) for p in prefixes)
        ]
        if not remove:
            self.report.missing = len(gone)
            return
        removed = self.catalog.delete_documents(state.id for state in gone)
        self.index.change_vectors(removed)
        self.report.removed = len(gone)
        self.changed = self.changed or bool(gone)


def ingest(
    paths: Iterable[str | os.PathLike],
    settings: Settings,
    *,
    collection: str | None = None,
    prune: bool = False,
    workers: int | None = None,
    embedder: Embedder | None = None,
    on_progress: ProgressCallback | None = None,
    parser: Callable[[SourceFile], ParsedDocument] = parse_in_worker,
    run_class: Callable[..., IngestRun] = IngestRun,
    parsers: ParserPool | None = None,
) -> IngestReport:
    """Bring the index in step with the files under ``paths``; see the module docstring.

    Unchanged files (same sha256) are skipped without parsing or embedding; changed ones replace
    their old chunks; with ``prune``, documents whose files are gone are deleted. A file that
    cannot be read is recorded with its reason and the run goes on. ``parser`` runs in the worker
    processes (a module-level function, after ``init_worker``); a file that crashes it twice fails.
    ``run_class`` parses and embeds (``IngestRun``: local processes; ingest/cluster.py: Ray).
    ``parsers``: a pool the caller started already (``ingest.workers.start_parsers``, so that the
    workers' imports overlap the caller's own); it is closed at the end.
    """
    started = time.perf_counter()
    roots = [str(Path(p).absolute()) for p in paths]
    missing = [r for r in roots if not os.path.exists(r)]
    if missing or not roots:
        raise ConfigError(f"no such file or folder: {', '.join(missing)}" if missing else "give at least one path to ingest")
    if problem := check_strategy(settings.parse_strategy):
        raise ConfigError(problem)
    embedder = embedder or Embedder.from_settings(settings)
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with background_priority(settings.ingest_nice):
        report = _ingest(roots, settings, collection, prune, workers, embedder, on_progress, parser, run_class, parsers)
    report.seconds = time.perf_counter() - started
    return report


def _ingest(roots, settings, collection, prune, workers, embedder, on_progress, parser, run_class, parsers) -> IngestReport:
    workers = workers_for(workers or settings.workers)
    options = parse_options(settings, embedder)
    pool = parsers or run_class.start_parsers(options, parser)
    index = None
    try:
        index = Index.open(settings, embedder, create=True, defer_vectors=True)
        with index.write_lock():  # which also repairs what a writer that died left behind
            run = run_class(index, embedder, collection or settings.collection, workers, on_progress, parser)
            run.pool = pool
            try:
                todo, seen = run.plan(roots)
                if todo:
                    run.run(todo, options)
                run.prune(roots, seen, remove=prune)
            except KeyboardInterrupt:  # Ctrl-C, or SIGTERM as the CLI maps it: the workers are stopped by now
                if run.changed:
                    index.save()  # what was stored so far is searchable; a rerun does the rest
                raise
            if run.changed:
                index.save()
    finally:
        if pool is not None:
            pool.close()  # a run with nothing to parse never used it
        if index is not None:
            index.close()
    return run.report


@contextmanager
def background_priority(nice: int) -> Iterator[None]:
    """Run the block at CPU niceness ``nice`` (never less than the thread has): the embedding threads
    torch starts from here and the parser processes inherit it, so searches and answers in other
    threads and processes keep the cores they need (bench/busy.py). Linux applies nice per thread, so
    a server's other threads are untouched; the old value is put back when the OS allows it."""
    tid = threading.get_native_id()
    try:
        before = os.getpriority(os.PRIO_PROCESS, tid)
        if nice > before:
            os.setpriority(os.PRIO_PROCESS, tid, nice)
    except OSError:
        yield
        return
    try:
        yield
    finally:
        try:
            os.setpriority(os.PRIO_PROCESS, tid, before)
        except OSError:  # an unprivileged process cannot raise its priority again
            pass
