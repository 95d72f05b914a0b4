"""Shared fixtures: real embedding model, sample corpus copies, a real PostgreSQL server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rag.config import Settings
from rag.embed import Embedder

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DOCS = ROOT / "sample_docs"
DATASETS = ROOT.parent / "shared" / "datasets"
IN_CI = os.environ.get("CI") == "true"


def need_dataset(name: str) -> Path:
    path = DATASETS / name
    if not path.exists():
        if IN_CI:
            pytest.fail(f"dataset {path} is missing in CI")
        pytest.skip(f"dataset {path} is not here")
    return path


class CountingEmbedder(Embedder):
    """The real embedder, counting what it encodes, so tests can prove what was (not) embedded."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.calls = 0
        self.texts = 0

    def _encode(self, texts, *, query):  # batches and queries alike
        self.calls += 1
        self.texts += len(texts)
        return super()._encode(texts, query=query)


@pytest.fixture(scope="session")
def shared_embedder() -> CountingEmbedder:
    embedder = CountingEmbedder()
    embedder.warm_up()  # load once per session
    return embedder


@pytest.fixture
def embedder(shared_embedder: CountingEmbedder) -> CountingEmbedder:
    shared_embedder.calls = shared_embedder.texts = 0
    return shared_embedder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(index_dir=tmp_path / "index", workers=1)


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    target = tmp_path / "docs"
    shutil.copytree(SAMPLE_DOCS, target)
    return target


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory, shared_embedder) -> Path:
    """An index of sample_docs/, built once per session; tests must not write to it."""
    from ingest.pipeline import ingest

    folder = tmp_path_factory.mktemp("sample") / "index"
    report = ingest([SAMPLE_DOCS], Settings(index_dir=folder, workers=1), embedder=shared_embedder)
    assert report.failed == 0 and report.chunks > 0
    return folder


@pytest.fixture(scope="session")
def gguf_model():
    """The bundled SmolLM2-135M-Instruct GGUF, loaded once per session (scripts/setup.sh fetches it)."""
    from rag.llm import LlamaCppModel, default_gguf

    path = default_gguf()
    if not path.is_file():
        pytest.fail(f"{path} is missing: run scripts/setup.sh")
    model = LlamaCppModel(path, n_ctx=2048)
    model.llama  # noqa: B018 - load now
    return model


@pytest.fixture(scope="session")
def sample_engine(sample_index: Path, shared_embedder, gguf_model):
    """An engine over the sample index with the real embedder and the real bundled model, asked for every question:
    the tests using it are about generation and what the engine makes of a draft (by default the bundled model is not
    asked when a passage sentence answers, whose quote is then the answer: tests/test_ask.py)."""
    import rag

    engine = rag.open(sample_index, embedder=shared_embedder, model=gguf_model, create=False, generate_when_quoted=True)
    yield engine
    engine.close()


def run_rag(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the real `rag` command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "rag.cli", *args], capture_output=True, text=True, timeout=timeout,
        env={**os.environ, **(env or {})}, cwd=ROOT,
    )


# ---- PostgreSQL: a throwaway cluster on loopback, started by the tests -----------------------


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """URL of a real PostgreSQL server started for this test session (installed by scripts/test.sh)."""
    pytest.importorskip("psycopg")
    bindir = _pg_bin()
    if bindir is None:
        if IN_CI:
            pytest.fail("PostgreSQL is not installed; scripts/test.sh installs it")
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="rag-pg-"))  # not under pytest's root-only tmp folder
    data = base / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
        shutil.chown(base, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = free_port()  # a fixed port clashed with a server a killed run left behind
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "rag", "--no-sync"], check=True, capture_output=True)
    log = base / "server.log"
    subprocess.run(
        [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o",
         f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off", "start"],
        check=True, capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://rag@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now, for a server a test starts."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def create_pg_database(server_url: str) -> str:
    """URL of a new, empty database on the PostgreSQL server at ``server_url``."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture
def pg_database(postgres_url: str) -> str:
    """A new, empty database on the test server, for one test."""
    return create_pg_database(postgres_url)


@pytest.fixture(params=["sqlite", "postgresql"])
def catalog_url(request, tmp_path: Path) -> str:
    """Each catalog test runs against SQLite and against a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'catalog.sqlite'}"
    return request.getfixturevalue("pg_database")
