"""`rag ingest --ray` on a real Ray cluster on 127.0.0.1: a head node and a second node joining it,
one CPU each, in a temporary folder of their own, started here and killed afterwards.

The Ray path must store what the local path stores (the same catalog rows, vectors within 1e-5),
survive a Ray worker killed mid-run (its task is retried), and leave a consistent index after its
driver is killed with SIGKILL (a rerun repairs it, as tests/test_crash.py shows for the local path).
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil
import pytest
from click.testing import CliRunner

from bench.cluster import stop_ray
from conftest import IN_CI, ROOT, SAMPLE_DOCS, free_port
from ingest.parse import parse_in_worker
from ingest.pipeline import ingest
from rag.catalog import Catalog
from rag.config import Settings
from rag.embed import Embedder
from rag.errors import RagError
from rag.records import SourceFile

# `ray start` resolves 127.0.0.1 to the machine's address, and refuses a second node when told to
# keep loopback (RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0). The joining node is started by the same
# `ray start` with the node address pinned to loopback, so that every Ray server of the test
# cluster listens on 127.0.0.1 only.
JOIN_ON_LOOPBACK = """
import sys
import ray._private.ray_constants as constants
import ray._private.services as services
services.get_node_ip_address = lambda address=None: "127.0.0.1"
constants.ENABLE_RAY_CLUSTER = True
from ray.scripts.scripts import main
sys.argv[0] = "ray"
main()
"""
RAY_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0", "RAY_AUTH_MODE": "token",
           # Vectors within 1e-5 hold for the torch backend. onnx-int8 quantises activations per batch, so
           # there a chunk's vector depends on the batch it was encoded in (by up to 0.02, on either path).
           "RAG_EMBEDDING_BACKEND": "torch"}


def need_ray() -> None:
    if importlib.util.find_spec("ray") is None:  # not imported here: ingest.cluster sets Ray's environment first
        if IN_CI:
            pytest.fail("ray is not installed; scripts/test.sh installs the [cluster] extra in CI")
        pytest.skip("ray is not installed (pip install 'rag-local[cluster]')")


@pytest.fixture(scope="module")
def ray_cluster():
    """HOST:PORT of a two-node Ray cluster on loopback (head + one joining node, 1 CPU each)."""
    need_ray()
    temp = Path(tempfile.mkdtemp(prefix="rag-ray-"))  # short: Ray's socket paths must fit in 107 bytes
    port = free_port()
    address = f"127.0.0.1:{port}"
    token = temp / "auth_token"  # Ray's token authentication, with a token of this cluster's own
    token.write_text(secrets.token_hex(32))
    token.chmod(0o600)
    saved = {key: os.environ.get(key) for key in (*RAY_ENV, "RAY_AUTH_TOKEN_PATH")}
    os.environ.update({**RAY_ENV, "RAY_AUTH_TOKEN_PATH": str(token)})  # for the drivers, here and in subprocesses
    env = dict(os.environ)
    common = ["--node-ip-address=127.0.0.1", "--num-cpus=1", f"--object-store-memory={100 * 2**20}",
              f"--temp-dir={temp}", "--disable-usage-stats"]
    ray = str(Path(sys.executable).parent / "ray")
    def start(command: list[str]) -> None:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)
        assert done.returncode == 0, f"{command[:4]} failed:\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}"

    try:
        start([ray, "start", "--head", f"--port={port}", "--include-dashboard=false", f"--ray-client-server-port={free_port()}", *common])
        start([sys.executable, "-c", JOIN_ON_LOOPBACK, "start", f"--address={address}", *common])
        yield address
    finally:
        stop_ray(temp, address)  # this cluster's processes only: `ray stop` would stop every Ray
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


# ---- a corpus of a few hundred generated files, plus sample_docs -------------------------------------

WORDS = ("river harbour lantern granite orchard compass meadow violin glacier copper falcon pepper "
         "quarry saddle timber walnut beacon canyon ember fjord").split()


def write_corpus(folder: Path, n: int, seed: int = 17, sentences: tuple[int, int] = (3, 30)) -> Path:
    """``sample_docs`` and ``n`` generated text, Markdown, CSV and HTML files of so many sentences under ``folder``."""
    shutil.copytree(SAMPLE_DOCS, folder / "samples")
    rng = random.Random(seed)
    for i in range(n):
        lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + "."
                 for _ in range(rng.randint(*sentences))]
        kind = ("txt", "md", "csv", "html")[i % 4]
        path = folder / "generated" / f"file{i:03d}.{kind}"
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "md":
            text = f"# Report {i}\n\n" + "\n\n".join(" ".join(lines[j:j + 3]) for j in range(0, len(lines), 3))
        elif kind == "csv":
            text = "item,place,amount\n" + "\n".join(f"{rng.choice(WORDS)},{rng.choice(WORDS)},{rng.randint(1, 999)}" for _ in lines)
        elif kind == "html":
            text = f"<html><body><h1>Page {i}</h1>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
        else:
            text = " ".join(lines)
        path.write_text(text, encoding="utf-8")
    return folder


def catalog_rows(settings: Settings) -> tuple[set, dict]:
    """What must be equal between two ingests of the same files: documents, chunks with their
    provenance, and each chunk's vector (keyed by path and ordinal; ids and timestamps differ)."""
    catalog = Catalog(settings.resolved_catalog_url)
    try:
        states = catalog.document_states(catalog.collection_id(settings.collection))
        documents = {(d.path, d.file_type, d.status, d.n_chunks, d.error, d.ocr, states[d.path].sha256) for d in catalog.documents()}
        ids = catalog.chunk_ids().tolist()
        chunks = catalog.get_chunks(ids)
        vectors = catalog.get_vectors(ids)
        rows = {(c.path, c.ordinal): ((c.text, c.char_start, c.char_end, c.pages, c.heading_path, c.element_types), vectors[i])
                for i, c in chunks.items()}
    finally:
        catalog.close()
    return documents, rows


def assert_same_catalog(got: tuple[set, dict], want: tuple[set, dict]) -> None:
    documents, rows = got
    want_documents, want_rows = want
    assert documents == want_documents
    assert rows.keys() == want_rows.keys()
    assert {k: v[0] for k, v in rows.items()} == {k: v[0] for k, v in want_rows.items()}
    worst = max(float(np.abs(rows[k][1] - want_rows[k][1]).max()) for k in rows)
    assert worst <= 1e-5, f"vectors differ by up to {worst}"


def rag_ingest(docs: Path, index: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "rag.cli", "ingest", str(docs), "--index", str(index), "--json", *extra]


# ---- without a cluster: the errors a user sees --------------------------------------------------------


def test_without_ray_installed_the_error_names_the_extra(tmp_path: Path, monkeypatch):
    from rag.cli import main

    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError
    result = CliRunner().invoke(main, ["ingest", str(SAMPLE_DOCS), "--index", str(tmp_path / "i"), "--ray"])
    assert result.exit_code == 3
    assert "pip install 'rag-local[cluster]'" in result.output and "Traceback" not in result.output


def test_an_unreachable_cluster_is_one_line(tmp_path: Path):
    need_ray()
    from rag.cli import main

    result = CliRunner().invoke(main, ["ingest", str(SAMPLE_DOCS), "--index", str(tmp_path / "i"), "--ray", f"127.0.0.1:{free_port()}"])
    assert result.exit_code == 3, result.output
    assert "cannot reach the Ray cluster at 127.0.0.1:" in result.output and len(result.output.strip().splitlines()) == 1


def test_an_address_that_is_no_address_is_a_usage_error(tmp_path: Path):
    from rag.cli import main

    result = CliRunner().invoke(main, ["ingest", "--ray", str(SAMPLE_DOCS), str(tmp_path), "--index", str(tmp_path / "i")])
    assert result.exit_code == 2
    assert "--ray takes auto, HOST:PORT" in result.output


# ---- on the cluster -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def torch_embedder(ray_cluster: str) -> Embedder:
    """The torch backend's embedder (RAY_ENV sets it for every run of this module), loaded once."""
    embedder = Embedder.from_settings(Settings())
    embedder.warm_up()
    return embedder


@pytest.mark.slow
def test_the_ray_path_stores_what_the_local_path_stores(ray_cluster: str, tmp_path: Path, torch_embedder, pg_database: str):
    from ingest.cluster import ingest_on_ray

    docs = write_corpus(tmp_path / "docs", 240)
    local = Settings(index_dir=tmp_path / "local", workers=1)
    on_ray = Settings(index_dir=tmp_path / "ray", catalog_url=pg_database)  # the shared catalog of a cluster
    want = ingest([docs], local, embedder=torch_embedder)
    seen = []
    got = ingest_on_ray([docs], on_ray, ray_cluster, on_progress=seen.append)
    assert (got.added, got.failed, got.chunks, got.embedded) == (want.added, want.failed, want.chunks, want.embedded)
    assert got.added == 249 and got.failed == 0
    assert seen[-1].files_done == seen[-1].files_total == 249
    assert_same_catalog(catalog_rows(on_ray), catalog_rows(local))

    again = ingest_on_ray([docs], on_ray, ray_cluster)  # unchanged files stop on the driver
    assert (again.unchanged, again.added, again.embedded) == (249, 0, 0)


def hang_or_crash(source: SourceFile):
    """The test's parser, run in Ray workers: hangs past every timer on *hang*, dies on *crash*."""
    name = Path(source.path).name
    if "hang" in name:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(600)
    if "crash" in name:
        os._exit(139)
    return parse_in_worker(source)


@pytest.mark.slow
def test_a_hanging_file_is_killed_at_the_timeout_and_a_crashing_one_fails_alone(ray_cluster: str, tmp_path: Path):
    import ray.cloudpickle

    from ingest.cluster import ingest_on_ray

    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # Ray workers cannot import the tests
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hang.txt").write_text("a parser that never returns")
    (docs / "crash-me.txt").write_text("a parser that takes its worker down")
    settings = Settings(index_dir=tmp_path / "index", parse_timeout_s=10)
    started = time.perf_counter()
    report = ingest_on_ray([docs], settings, ray_cluster, parser=hang_or_crash)
    assert time.perf_counter() - started < 120
    assert sorted((Path(e.path).name, e.error) for e in report.errors) == [
        ("crash-me.txt", "the parser crashed on this file"), ("hang.txt", "timed out after 10 s (RAG_PARSE_TIMEOUT_S)")]


def _busy_ray_worker(title: str) -> psutil.Process | None:
    for process in psutil.process_iter(["cmdline"]):
        if (process.info["cmdline"] or [""])[0].startswith(title):
            return process
    return None


@pytest.mark.slow
def test_a_killed_ray_worker_has_its_task_retried(ray_cluster: str, tmp_path: Path, torch_embedder):
    from test_crash import snapshot

    docs = write_corpus(tmp_path / "docs", 80, seed=3)
    index = tmp_path / "index"
    run = subprocess.Popen(rag_ingest(docs, index, "--ray", ray_cluster), cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    killed = []
    deadline = time.monotonic() + 300
    while len(killed) < 2 and run.poll() is None and time.monotonic() < deadline:
        # a parser busy with a file, then the embedding actor busy with a batch (Ray titles them so)
        title = "ray::parse_on_ray" if not killed else "ray::EmbedWorker.encode"
        if victim := _busy_ray_worker(title):
            victim.kill()
            killed.append(title)
        time.sleep(0.02)
    out, errors = run.communicate(timeout=600)
    assert killed == ["ray::parse_on_ray", "ray::EmbedWorker.encode"], "the run ended before both kills"
    assert run.returncode == 0, errors[-2000:]
    summary = json.loads(out.strip().splitlines()[-1])
    assert (summary["added"], summary["failed"]) == (89, 0)
    snapshot(index, torch_embedder)  # catalog and FAISS agree, one vector per chunk


def stored_documents(index: Path) -> int:
    """Documents in an index's catalog while its ingest runs (0 before the catalog exists)."""
    try:
        catalog = Catalog(Settings(index_dir=index).resolved_catalog_url, create=False)
    except RagError:  # not created yet
        return 0
    try:
        return len(catalog.documents())
    finally:
        catalog.close()


@pytest.mark.slow
def test_a_killed_driver_leaves_an_index_a_rerun_makes_whole(ray_cluster: str, tmp_path: Path, torch_embedder):
    from test_crash import assert_same, snapshot

    # long files: over 512 chunks, so the run writes a first batch of documents well before its last
    docs = write_corpus(tmp_path / "docs", 70, seed=5, sentences=(100, 160))
    clean = tmp_path / "clean"
    ingest([docs], Settings(index_dir=clean, workers=1), embedder=torch_embedder)
    index = tmp_path / "index"
    run = subprocess.Popen(rag_ingest(docs, index, "--ray", ray_cluster), cwd=ROOT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    stored, deadline = 0, time.monotonic() + 300
    while stored < 1 and run.poll() is None and time.monotonic() < deadline:  # some documents written, not all
        time.sleep(0.1)
        stored = stored_documents(index)
    assert run.poll() is None, "the run ended before the kill"
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    assert 1 <= stored < 79

    rerun = subprocess.run(rag_ingest(docs, index, "--ray", ray_cluster), cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert_same(snapshot(index, torch_embedder), snapshot(clean, torch_embedder))
