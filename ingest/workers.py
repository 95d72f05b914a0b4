"""Parser worker processes, each watched by the parent: a wall-clock limit and a memory limit.

A parser can hang inside C code, catch the timeout meant to stop it, or inflate a small file into
gigabytes; none of that may stall or sink a run. Each worker parses one file at a time in its own
process group; the parent polls the busy workers and kills a group that runs past the timeout or
holds more than the memory limit (resident memory of the worker and its children, so converters
it starts count too). The file fails with a one-line reason and a fresh worker takes its place.
A worker that dies on its own (a segfaulting parser) gets its file retried once in a new process.

This works the same as root or not, needs no cgroups, and a worker dies with the parent
(``PR_SET_PDEATHSIG``), so a killed ingest leaves no parser behind.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import pickle
import shutil
import signal
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING

import psutil

from ingest.parse import ParseOptions, init_worker, parse_in_worker
from rag.records import ParsedDocument, SourceFile

if TYPE_CHECKING:
    from rag.config import Settings
    from rag.embed import Embedder

log = logging.getLogger(__name__)

POLL_S = 0.05  # how often busy workers are checked (a bomb can grow by hundreds of MB in 0.2 s)
GRACE_S = 5.0  # the worker's own timer fires first and reports cleanly; the kill comes after this
Parser = Callable[[SourceFile], ParsedDocument]


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's cleanup is all there is
        pass


class Beside:
    """``function(*args)`` run in a forked child while the caller goes on. ``result()`` waits for its
    value (None when the child failed or died); ``stop()`` kills it if it still runs. The child dies
    with its parent and sits in the parent's process group, so a killed worker takes it along.
    Without ``fork`` the function runs in line, when its result is asked for."""

    def __init__(self, function: Callable[..., object], *args) -> None:
        self._call = lambda: function(*args)
        self._done, self._value, self.pid = False, None, 0
        if not hasattr(os, "fork"):
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, leave without running the parent's clean-up code
            code = 1
            try:
                os.close(read)
                _die_with_parent()
                with os.fdopen(write, "wb") as out:
                    pickle.dump(function(*args), out)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self.pid, self._read = pid, read

    def result(self) -> object:
        if not self._done:
            if not self.pid:
                self._done, self._value = True, self._call()
                return self._value
            try:
                with os.fdopen(self._read, "rb") as source:
                    data = source.read()
                self._value = pickle.loads(data) if data else None
            except Exception:  # noqa: BLE001 - a half-written result: as if the child had failed
                self._value = None
            finally:
                self.stop()
        return self._value

    def stop(self) -> None:
        """Kill the child unless it is done (a parse that failed or timed out), and reap it."""
        if self._done:
            return
        self._done = True
        if self.pid:
            try:
                os.close(self._read)
            except OSError:  # closed by ``result``
                pass
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)


def _cap_address_space(max_memory_mb: int) -> None:
    """A hard cap under the parent's watch: what the worker has mapped now plus the limit. One
    allocation of hundreds of MB (a bomb's XML read whole) lands between two polls; with the cap it
    fails (MemoryError) instead of taking the machine's memory. Converters it starts inherit it."""
    try:
        import resource

        mapped = psutil.Process().memory_info().vms
        resource.setrlimit(resource.RLIMIT_AS, (mapped + max_memory_mb * 2**20, resource.RLIM_INFINITY))
    except (ImportError, ValueError, OSError, psutil.Error):  # not on this platform: the watchdog alone
        pass


def _worker_main(conn: Connection, options: ParseOptions, parser: Parser) -> None:
    """One worker: its own process group (the parent kills the group, converters included)."""
    os.setpgid(0, 0)
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C and SIGTERM are the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    init_worker(options, progress=lambda done, total: conn.send((PROGRESS, done, total)))
    if options.max_memory_mb:
        _cap_address_space(options.max_memory_mb)
    conn.send(READY)
    while True:
        try:
            source = conn.recv()
        except EOFError:
            return
        if source is None:
            return
        conn.send(parser(source))


READY = "ready"
PROGRESS = "progress"


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    ready: bool = False
    source: SourceFile | None = None
    started: float = 0.0
    done: int = 0


@dataclass
class ParserPool:
    """Up to ``size`` watched workers. ``put`` files, ``poll`` for results, ``close`` at the end."""

    size: int
    options: ParseOptions
    parser: Parser
    on_page: Callable[[SourceFile, int, int], None] | None = None  # (file, pages done, pages) of a long file
    max_tasks_per_worker: int = 200
    queue: deque = field(default_factory=deque)
    workers: list = field(default_factory=list)
    crashes: dict = field(default_factory=dict)
    _done: list = field(default_factory=list)

    def put(self, source: SourceFile) -> None:
        self.queue.append(source)

    def start(self, count: int = 1) -> None:
        """Start ``count`` workers before any file is put: a worker takes 1-2 s to import its parsers,
        which then overlaps whatever the caller does next (opening a big index)."""
        while len(self.workers) < min(count, self.size):
            self._start()

    @property
    def pending(self) -> int:
        """Files queued or being parsed."""
        return len(self.queue) + sum(1 for w in self.workers if w.source is not None)

    def poll(self, timeout: float | None) -> list[ParsedDocument]:
        """Results finished within ``timeout`` seconds (None: wait for at least one)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            self._dispatch()
            if not self.workers:
                break
            step = POLL_S if deadline is None else max(0.0, min(POLL_S, deadline - time.monotonic()))
            ready = set(wait([w.conn for w in self.workers] + [w.process.sentinel for w in self.workers], timeout=step))
            for worker in list(self.workers):
                if worker.conn in ready:
                    self._receive(worker)
                elif worker.process.sentinel in ready:
                    self._crashed(worker)
                elif worker.source is not None:
                    self._watch(worker)
            if self._done or not self.pending or (deadline is not None and time.monotonic() >= deadline):
                break
        results, self._done = self._done, []
        return results

    def close(self) -> None:
        """Stop every worker now (their process groups too); safe to call twice."""
        for worker in self.workers:
            self._kill(worker)
        self.workers.clear()

    # ---- the parent's side of one worker ---------------------------------------------------

    def _dispatch(self) -> None:
        """Give queued files to ready idle workers; start workers up to ``size`` while files wait."""
        while len(self.workers) < min(self.size, len(self.queue) + sum(w.source is not None for w in self.workers)):
            self._start()
        for worker in self.workers:
            if not self.queue:
                return
            if worker.ready and worker.source is None:
                source = self.queue.popleft()
                worker.source, worker.started = source, time.monotonic()
                try:
                    worker.conn.send(source)
                except OSError:  # died while idle: the sentinel tells; the file goes back first
                    worker.source = None
                    self.queue.appendleft(source)

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_worker_main, args=(child, self.options, self.parser),
                                  daemon=True)
        process.start()
        child.close()
        self.workers.append(_Worker(process, parent))

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):  # died while sending
            self._crashed(worker)
            return
        if message == READY:
            worker.ready = True
            return
        if isinstance(message, tuple) and message[:1] == (PROGRESS,):
            if self.on_page and worker.source is not None:
                self.on_page(worker.source, message[1], message[2])
            return
        worker.source = None
        worker.done += 1
        self._done.append(message)
        if worker.done >= self.max_tasks_per_worker:  # parsers leak; a fresh process every so often
            self._retire(worker)

    def _crashed(self, worker: _Worker) -> None:
        source = worker.source
        self._retire(worker)
        if source is None:
            if not worker.ready:  # died while starting: no file is to blame, but do not loop forever
                self.crashes[""] = self.crashes.get("", 0) + 1
                if self.crashes[""] > 3 * self.size + 3:
                    raise RuntimeError("parser worker processes die while starting; run with -v to see why")
            return
        self.crashes[source.path] = self.crashes.get(source.path, 0) + 1
        if self.crashes[source.path] >= 2:
            self._done.append(ParsedDocument(source=source, error="the parser crashed on this file"))
        else:
            log.debug("parser died on %s; retrying it in a new process", source.path)
            self.queue.appendleft(source)

    def _watch(self, worker: _Worker) -> None:
        """Kill a worker past its time or memory; its file fails with the reason."""
        if time.monotonic() - worker.started > self.options.timeout_s + GRACE_S:
            self._fail(worker, f"timed out after {self.options.timeout_s:.0f} s (RAG_PARSE_TIMEOUT_S)")
        elif _resident_mb(worker.process.pid, enough_below=self.options.max_memory_mb) > self.options.max_memory_mb:
            self._fail(worker, f"used more than {self.options.max_memory_mb} MB of memory while parsing "
                               "(RAG_PARSE_MAX_MEMORY_MB): a file that expands hugely?")

    def _fail(self, worker: _Worker, reason: str) -> None:
        source = worker.source
        self._retire(worker)
        log.debug("killed the parser of %s: %s", source.path, reason)
        self._done.append(ParsedDocument(source=source, error=reason))

    def _retire(self, worker: _Worker) -> None:
        self._kill(worker)
        if worker in self.workers:
            self.workers.remove(worker)

    @staticmethod
    def _kill(worker: _Worker) -> None:
        process = worker.process
        if process.pid is not None and process.exitcode is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):  # not yet its own group leader
                try:
                    os.kill(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        process.join(timeout=5)
        worker.conn.close()


def _resident_mb(pid: int, enough_below: float = 0.0) -> float:
    """Resident memory of a process and what its descendants hold alone, in MB (0 when it is gone).

    What a descendant holds alone is its USS (a forked child, ``Beside``, shares the worker's
    pages), and reading it walks the child's page tables: ~13 ms of kernel time for a parser with
    pandas and numba loaded, every poll, on the cores the parse needs. So the plain RSS sum, an
    upper bound, comes first, and when it is at or below ``enough_below`` MB it is the answer."""
    try:
        root = psutil.Process(pid)
        own = root.memory_info().rss
        children = root.children(recursive=True)
        upper = own
        for child in children:
            try:
                upper += child.memory_info().rss
            except psutil.Error:
                pass
        if upper / 2**20 <= enough_below:
            return upper / 2**20
        total = own
        for child in children:
            try:
                total += child.memory_full_info().uss
            except psutil.AccessDenied:
                total += child.memory_info().rss
            except psutil.Error:
                pass
    except psutil.Error:
        return 0.0
    return total / 2**20


def workers_for(requested: int) -> int:
    """Parser processes for a request: more than the cores only thrash (and cost memory each)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if requested > cores:
        log.warning("%d parser workers asked for, but %d cores are available: using %d", requested, cores, cores)
        return cores
    return requested


def parse_options(settings: Settings, embedder: Embedder) -> ParseOptions:
    return ParseOptions(
        strategy=settings.parse_strategy,
        max_bytes=settings.max_file_bytes,
        max_unzipped_bytes=int(settings.max_unzipped_mb * 2**20),
        max_zip_ratio=settings.max_zip_ratio,
        timeout_s=settings.parse_timeout_s,
        max_chars=settings.chunk_max_chars,
        soft_chars=settings.chunk_soft_chars,
        overlap=settings.chunk_overlap_chars,
        combine_under=settings.chunk_combine_under_chars,
        model_path=str(embedder.path),
        window=embedder.window,
        ocr_languages=settings.ocr_languages if settings.ocr and shutil.which("tesseract") else "",
        max_memory_mb=settings.parse_max_memory_mb,
    )


def start_parsers(options: ParseOptions, parser: Parser = parse_in_worker) -> ParserPool:
    """A pool with one worker already starting, before any file is known: its 1-2 s of imports then
    overlap the caller's own work (opening the index, the command's imports). The run that takes it
    sets how many workers it may grow to (``ParserPool.size``) once it knows its files."""
    pool = ParserPool(1, options, parser)
    pool.start(1)
    return pool
