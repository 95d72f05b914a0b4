"""The OpenAI-compatible backend against a real llama.cpp server (llama-cpp-python[server]) that
this test starts on loopback with the bundled GGUF."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

import rag
from rag.llm import default_gguf
from conftest import free_port
from test_ask import FACTS, assert_grounded


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    gguf = default_gguf()
    if not gguf.is_file():
        pytest.fail(f"{gguf} is missing: run scripts/setup.sh")
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", "smollm2",
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"llama.cpp server did not start: {Path(log).read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def server_engine(server_url, sample_index, shared_embedder):
    with rag.open(sample_index, embedder=shared_embedder, create=False, llm_backend="openai",
                  llm_base_url=server_url, llm_model="smollm2") as engine:
        yield engine


@pytest.mark.slow
@pytest.mark.parametrize(("question", "name", "fact"), FACTS[:3], ids=["pdf", "eml", "docx"])
def test_answers_through_the_server_are_grounded(server_engine, question, name, fact):
    answer = server_engine.ask(question)
    assert answer.model == "smollm2"
    assert_grounded(server_engine, answer, name, fact)


@pytest.mark.slow
def test_server_streams_tokens(server_engine):
    events = list(server_engine.stream("What is the chlorine contact time?"))
    pieces = [e for e in events if isinstance(e, str)]
    assert len(pieces) >= 3 and "".join(pieces).strip() == events[-1].draft


def test_a_server_that_is_down_gives_a_clear_error(sample_index, shared_embedder):
    port = free_port()  # nothing listens there
    with rag.open(sample_index, embedder=shared_embedder, create=False, llm_backend="openai",
                  llm_base_url=f"http://127.0.0.1:{port}/v1", llm_timeout_s=5) as engine:
        with pytest.raises(rag.RagError, match=f"cannot reach the model server at http://127.0.0.1:{port}/v1"):
            engine.ask("What is the chlorine contact time?")
