"""The same ingest on a Ray cluster: parsing as Ray tasks, embedding in a pool of Ray actors.

The driver (the process that runs ``rag ingest --ray``) does what only one process may do, exactly
as the local path does it, through ``IngestRun``: discovery and hashing (unchanged files stop
there), each document's catalog transaction, FAISS and BM25. What scales out:

* parsing and chunking: one Ray task per file (``parse_on_ray``: the same parser the local workers
  run), at most one per free CPU of the cluster in flight; a task past ``parse_timeout_s`` is
  cancelled with its worker process killed and the file fails with "timed out after N s". A worker
  that dies (killed, its node lost) has its task retried by Ray; a file that kills it every time
  fails with "the parser crashed on this file".
* embedding: one ``EmbedWorker`` actor per node, the model loaded once per actor, fed batches of
  parsed documents' chunks (at most two batches queued per actor); an actor that dies is restarted
  by Ray and its batch retried.

Every node needs this package installed in the same place (the same venv path), since the tasks
import it and read the embedding model from the path the driver resolved.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ingest.parse import ParseOptions, init_worker
from ingest.pipeline import FLUSH_CHUNKS, IDLE_FLUSH_S, IngestRun, background_priority, ingest
from ingest.workers import GRACE_S, _cap_address_space
from rag.config import Settings
from rag.embed import Embedder
from rag.errors import ConfigError, RagError
from rag.records import IngestReport, ParsedDocument, SourceFile

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'rag-local[cluster]'"
POLL_S = 0.05  # how often the driver checks for finished tasks and for tasks past their time
PARSE_RETRIES = 2  # a task whose worker died is run again this many times (a lost node is not the file's fault)
BATCHES_PER_ACTOR = 2  # one being embedded, one waiting, so an actor never idles while the driver writes
MAX_CALLS = 200  # parsers leak: a fresh worker process after this many files, as in the local pool


class ClusterError(RagError):
    """Ray is not installed, the cluster cannot be reached, or it failed in a way no file explains."""


# ---- connecting ----------------------------------------------------------------------------------


def check_address(address: str | None) -> None:
    """Refuse an address that is none of: None (start a local cluster), "auto", HOST:PORT, ray://HOST:PORT."""
    if address is None or address == "auto":
        return
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        raise ConfigError(f"--ray takes auto, HOST:PORT or ray://HOST:PORT, not {address!r} "
                          "(put --ray after the paths, or write --ray=ADDRESS)")


def _is_loopback(address: str | None) -> bool:
    host = (address or "").removeprefix("ray://").rpartition(":")[0]
    return host in ("localhost", "::1", "[::1]") or host.startswith("127.")


def _import_ray(address: str | None):
    """Ray, imported with usage statistics off; a cluster on this machine only (local, or a
    loopback address) keeps every Ray server on 127.0.0.1 rather than the machine's address."""
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"  # nothing phones home
    if address is None or _is_loopback(address):
        os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"  # Ray's switch for "node address = loopback"
    if address is None or _token_available():
        # Ray's token authentication: its default for a new local cluster (set here, so Ray does
        # not warn about it), and what `ray start` does itself when it finds a token.
        os.environ.setdefault("RAY_AUTH_MODE", "token")
    try:
        import ray
    except ImportError as exc:
        raise ClusterError(f"--ray needs Ray, which is not installed: {INSTALL_HINT}") from exc
    return ray


def _token_available() -> bool:
    """A Ray authentication token is at hand: in the environment, or in the file Ray reads."""
    path = os.environ.get("RAY_AUTH_TOKEN_PATH") or os.path.expanduser("~/.ray/auth_token")
    return bool(os.environ.get("RAY_AUTH_TOKEN")) or os.path.isfile(path)


def _reachable(address: str) -> None:
    """Fail fast with one line when nothing listens at HOST:PORT (ray.init would retry for a minute)."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()
    except OSError as exc:
        raise ClusterError(f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}") from exc


@contextmanager
def connected(address: str | None) -> Iterator[object]:
    """The ``ray`` module, connected to the cluster at ``address`` (None: a local cluster started
    for this run and stopped after it), disconnected at the end."""
    check_address(address)
    ray = _import_ray(address)
    if address not in (None, "auto"):
        _reachable(address)
    quiet = {"log_to_driver": False, "logging_level": logging.WARNING, "namespace": "rag-ingest"}
    try:
        if address is None:
            ray.init(include_dashboard=False, object_store_memory=200 * 2**20, **quiet)
        else:
            ray.init(address=address, **quiet)
    except (ConnectionError, RuntimeError, ValueError, TimeoutError) as exc:
        raise ClusterError(f"cannot connect to the Ray cluster at {address}: {str(exc).splitlines()[0]}") from exc
    try:
        yield ray
    finally:
        ray.shutdown()


def ingest_on_ray(paths, settings: Settings, address: str | None = None, **kwargs) -> IngestReport:
    """``ingest.pipeline.ingest`` with parsing and embedding on a Ray cluster (see the module
    docstring); same arguments, same report, same catalog. ``address``: None starts a local
    cluster for this run, "auto" joins the one running on this machine (or at RAY_ADDRESS),
    "HOST:PORT" the one there. A cluster started here runs at the ingest's CPU niceness, as the
    local path's parser processes do."""
    with background_priority(settings.ingest_nice if address is None else 0), connected(address):
        return ingest(paths, settings, run_class=RayIngestRun, **kwargs)


# ---- what runs on the cluster --------------------------------------------------------------------

_worker: dict = {}


def parse_on_ray(source: SourceFile, options: ParseOptions, parser, clock) -> ParsedDocument:
    """One file in a Ray worker process: set up as a local parser worker is (once per process,
    the same address-space cap), then the same parser, its start told to ``clock``."""
    if _worker.get("options") != options:
        init_worker(options)
        if "capped" not in _worker:
            _cap_address_space(options.max_memory_mb)
            _worker["capped"] = True
        _worker["options"] = options
    clock.started.remote(source.path)
    return parser(source)


class StartClock:
    """A Ray actor on the driver's node: when each parse task (last) started, by that node's clock,
    so that the timeout counts from the start of a task, not from its submission or a retry's."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def started(self, path: str) -> None:
        self.times[path] = time.time()

    def since(self, paths: list[str]) -> dict[str, float]:
        """Seconds since each file's task started; files not started are left out."""
        now = time.time()
        return {p: now - self.times[p] for p in paths if p in self.times}


class EmbedWorker:
    """A Ray actor holding one embedding model; ``encode`` is ``Embedder.encode``."""

    def __init__(self, settings: Settings, backend: str, threads: int) -> None:
        # Ray gives an actor one thread per CPU it reserves (OMP_NUM_THREADS); this one reserves none
        # and encodes on all of its node's CPUs, as the local path's main process does.
        os.environ["OMP_NUM_THREADS"] = str(threads)
        if backend == "torch":
            import torch

            torch.set_num_threads(threads)
        # The driver's backend, given: left to the settings, it could follow an index this node does not have.
        self.embedder = Embedder.from_settings(settings, backend=backend)
        self.embedder.warm_up()

    def encode(self, texts: list[str]):
        return self.embedder.encode(texts)


# ---- the driver's side -----------------------------------------------------------------------------


@dataclass
class _Batch:
    documents: list[ParsedDocument]
    reuse: list[dict]
    actor: object


@dataclass
class _Work:
    """Parse tasks and embedding batches in flight."""

    parsing: dict = field(default_factory=dict)  # ObjectRef -> (SourceFile, submitted at)
    embedding: dict = field(default_factory=dict)  # ObjectRef -> _Batch
    load: dict = field(default_factory=dict)  # actor -> batches in flight

    def refs(self) -> list:
        return [*self.parsing, *self.embedding]


class RayIngestRun(IngestRun):
    """``IngestRun`` with its parse-and-embed step on Ray; plan, writes and pruning are inherited."""

    @classmethod
    def start_parsers(cls, *args, **kwargs) -> None:
        return None  # the cluster's tasks parse; no local worker

    def _parse_all(self, sources: list[SourceFile], options: ParseOptions) -> None:
        import ray

        nodes = [n for n in ray.nodes() if n.get("Alive") and n.get("Resources", {}).get("CPU", 0) > 0]
        if not nodes:
            raise ClusterError("the Ray cluster has no node with a CPU")
        actors = [self._embed_actor(ray, node) for node in nodes]
        slots = max(1, int(sum(n["Resources"]["CPU"] for n in nodes)) - len(actors))
        parse = ray.remote(num_cpus=1, max_retries=PARSE_RETRIES, max_calls=MAX_CALLS)(parse_on_ray)
        clock = self._on_this_node(ray, ray.remote(num_cpus=0)(StartClock)).remote()
        queue, work = deque(sources), _Work(load={actor: 0 for actor in actors})
        last_parsed = time.monotonic()
        try:
            while queue or work.parsing or work.embedding or self.pending:
                while queue and len(work.parsing) < slots:
                    source = queue.popleft()
                    work.parsing[parse.remote(source, options, self.parser, clock)] = (source, time.monotonic())
                idle = time.monotonic() - last_parsed > IDLE_FLUSH_S
                if self.pending and (self._pending_chunks() >= FLUSH_CHUNKS or idle or not (queue or work.parsing)):
                    self._embed_pending(work)
                ready, _ = ray.wait(work.refs(), num_returns=1, timeout=POLL_S) if work.refs() else ([], [])
                for ref in ready:
                    if ref in work.parsing:
                        self._accept(self._parsed(ray, ref, work.parsing.pop(ref)[0]))
                        last_parsed = time.monotonic()
                    else:
                        self._embedded(ray, ref, work)
                self._cancel_overdue(ray, work, clock, options.timeout_s)
        finally:
            for ref in work.parsing:
                ray.cancel(ref, force=True)
            for actor in [*actors, clock]:
                ray.kill(actor)

    def _embed_actor(self, ray, node: dict):
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        # num_cpus=0: like the local path's main process, the model shares its node's cores with the
        # parser processes instead of holding one back; its threads are the node's CPUs.
        actor = ray.remote(num_cpus=0, max_restarts=2, max_task_retries=2)(EmbedWorker)
        strategy = NodeAffinitySchedulingStrategy(node["NodeID"], soft=False)
        return actor.options(scheduling_strategy=strategy).remote(self.index.settings, self.embedder.backend,
                                                                  int(node["Resources"]["CPU"]))

    def _parsed(self, ray, ref, source: SourceFile) -> ParsedDocument:
        """A parse task's result; a worker lost on every try (or killed for memory) is this file's failure."""
        from ray import exceptions

        try:
            return ray.get(ref)
        except (exceptions.WorkerCrashedError, exceptions.NodeDiedError):
            return ParsedDocument(source=source, error="the parser crashed on this file")
        except exceptions.OutOfMemoryError:
            return ParsedDocument(source=source, error="the node ran out of memory while parsing this file (Ray's memory monitor killed it)")
        except exceptions.RayTaskError as exc:  # our parser never raises: the node cannot run it at all
            raise ClusterError(f"a parse task failed on the cluster (is rag-local installed on every node?): "
                               f"{str(exc.cause if exc.cause else exc).splitlines()[0]}") from exc

    def _embed_pending(self, work: _Work) -> None:
        """Send the waiting documents' new chunk texts to the least busy actor (none free: later)."""
        actor = min(work.load, key=work.load.get)
        if work.load[actor] >= BATCHES_PER_ACTOR:
            return
        documents, self.pending = self.pending, []
        reuse, texts = self._to_embed(documents)
        if not texts:  # every chunk kept its stored vector
            self._write(documents, reuse, [])
            return
        work.embedding[actor.encode.remote(texts)] = _Batch(documents, reuse, actor)
        work.load[actor] += 1

    def _embedded(self, ray, ref, work: _Work) -> None:
        from ray import exceptions

        batch = work.embedding.pop(ref)
        work.load[batch.actor] -= 1
        try:
            vectors = ray.get(ref)
        except exceptions.RayError as exc:
            raise ClusterError(f"embedding failed on the cluster: {str(exc).splitlines()[0]}") from exc
        self._write(batch.documents, batch.reuse, vectors)

    def _cancel_overdue(self, ray, work: _Work, clock, timeout_s: float) -> None:
        """Kill the tasks running past the per-file timeout; their files fail as in the local path.
        Only tasks sent that long ago can be, so the clock is asked about those alone."""
        limit = timeout_s + GRACE_S  # the parser's own timer fires first and reports cleanly
        now = time.monotonic()
        suspects = {source.path: ref for ref, (source, sent) in work.parsing.items() if now - sent > limit}
        if not suspects:
            return
        for path, seconds in ray.get(clock.since.remote(list(suspects))).items():
            if seconds > limit:
                ref = suspects[path]
                ray.cancel(ref, force=True)
                source, _sent = work.parsing.pop(ref)
                log.debug("cancelled the parse task of %s after %.0f s", path, seconds)
                self._finish(ParsedDocument(source=source, error=f"timed out after {timeout_s:.0f} s (RAG_PARSE_TIMEOUT_S)"))

    def _on_this_node(self, ray, remote):
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        return remote.options(scheduling_strategy=NodeAffinitySchedulingStrategy(ray.get_runtime_context().get_node_id(), soft=False))
