"""`rag serve`: the HTTP API over a real index (real embedder, FAISS, SQLite), API keys scoped to
collections, the bounded answer queue, and the official `openai` client against a real uvicorn
server on loopback. The model is scripted here (what is tested is the HTTP layer); the real GGUF
behind the same server is the slow test at the end."""

from __future__ import annotations

import json
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

import rag
from conftest import SAMPLE_DOCS, run_rag
from ingest.pipeline import ingest
from rag.api.app import create_app
from rag.config import Settings
from rag.keys import KeyStore

DRAFT = "The sourdough starter is fed every 12 hours [1]."
QUESTION = "How often is the sourdough starter fed?"


class ScriptedModel:
    name, n_ctx = "scripted", 2048

    def __init__(self, draft: str = DRAFT, gate: threading.Event | None = None) -> None:
        self.draft, self.gate = draft, gate

    def count_tokens(self, text: str) -> int:
        return len(text) // 3 + 1

    def stream(self, messages, *, max_tokens, temperature, stop=None, repeat_penalty=1.0):
        if self.gate is not None:
            self.gate.wait(30)
        yield from re.findall(r"\S+\s*", self.draft)


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory, shared_embedder) -> Path:
    """sample_docs/ in 'default' and two documents in 'private', built once for this module."""
    folder = tmp_path_factory.mktemp("serve")
    index = folder / "index"
    ingest([SAMPLE_DOCS], Settings(index_dir=index, workers=1), embedder=shared_embedder)
    private = folder / "private"
    private.mkdir()
    (private / "salaries.txt").write_text("The secret salary band for engineers is 91,000 to 97,000 crowns.")
    ingest([private], Settings(index_dir=index, workers=1), embedder=shared_embedder, collection="private")
    return index


@pytest.fixture
def index_copy(index_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(index_dir, target)
    return target


def _client(index: Path, embedder, model=None, queue_size: int = 8) -> TestClient:
    engine = rag.open(index, embedder=embedder, model=model or ScriptedModel(), create=False)
    return TestClient(create_app(engine, queue_size=queue_size))


def _store(index: Path) -> KeyStore:
    return KeyStore(Settings(index_dir=index).resolved_catalog_url)


def _bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def test_without_keys_loopback_may_do_everything(index_copy, shared_embedder):
    with _client(index_copy, shared_embedder) as client:
        assert client.get("/healthz").json()["status"] == "ok"
        assert {m["id"] for m in client.get("/v1/models").json()["data"]} == {"default", "private"}
        found = client.post("/v1/search", json={"query": QUESTION, "k": 3}).json()
        assert "sourdough" in found["passages"][0]["text"].lower() and found["passages"][0]["source"].endswith("bakery_handbook.md")
        answer = client.post("/v1/ask", json={"question": QUESTION}).json()
        assert answer["answer"].startswith("The sourdough starter is fed every 12 hours") and not answer["refused"]
        assert answer["citations"][0]["supported"] and answer["citations"][0]["source"].endswith("bakery_handbook.md")
        metrics = client.get("/metrics").text
        assert 'rag_http_requests_total{route="/v1/ask",status="200"} 1.0' in metrics
        assert 'rag_answers_total{refused="false"} 1.0' in metrics
        assert "rag_http_request_seconds_bucket" in metrics


def test_bad_input_gets_clear_4xx_errors(index_copy, shared_embedder):
    with _client(index_copy, shared_embedder) as client:
        bad_json = client.post("/v1/search", content=b"{not json", headers={"content-type": "application/json"})
        assert bad_json.status_code == 422 and "invalid request" in bad_json.json()["error"]["message"]
        assert client.post("/v1/search", json={"query": ""}).status_code == 422
        unknown = client.post("/v1/search", json={"query": "x", "collection": "nope"})
        assert unknown.status_code == 404 and "no collection named 'nope'" in unknown.json()["error"]["message"]
        empty = client.post("/v1/ask", json={"question": "   "})
        assert empty.status_code == 400 and "empty" in empty.json()["error"]["message"]
        huge = client.post("/v1/ask", json={"question": "why " * 50_000})
        assert huge.status_code == 400
        no_user = client.post("/v1/chat/completions", json={"model": "default", "messages": [{"role": "assistant", "content": "hi"}]})
        assert no_user.status_code == 422
        assert client.get("/v1/jobs/does-not-exist").status_code == 404
        assert client.delete("/v1/documents/999999").status_code == 404


def test_keys_scope_collections_and_take_effect_at_once(index_copy, shared_embedder):
    with _client(index_copy, shared_embedder) as client:
        store = _store(index_copy)
        reader, reader_key = store.create("reader", read=["default"])
        _other, other_key = store.create("other", read=["private"])
        assert client.get("/v1/models").status_code == 401  # a key exists now: none is no longer enough
        assert client.get("/v1/models", headers=_bearer("rag_0000_wrong")).status_code == 401
        assert client.get("/v1/models", headers=_bearer(reader_key + "x")).status_code == 401
        assert [m["id"] for m in client.get("/v1/models", headers=_bearer(reader_key)).json()["data"]] == ["default"]

        outside = client.post("/v1/search", json={"query": "salary band", "collection": "private"}, headers=_bearer(reader_key))
        assert outside.status_code == 403
        listed = client.get("/v1/documents", headers=_bearer(other_key)).json()["documents"]
        assert [Path(d["path"]).name for d in listed] == ["salaries.txt"]  # never the other collection's list
        assert client.get("/v1/documents?collection=default", headers=_bearer(other_key)).status_code == 403
        default_doc = next(d for d in client.get("/v1/documents", headers=_bearer(reader_key)).json()["documents"])
        assert client.delete(f"/v1/documents/{default_doc['id']}", headers=_bearer(other_key)).status_code == 404
        assert client.delete(f"/v1/documents/{default_doc['id']}", headers=_bearer(reader_key)).status_code == 403
        chat = client.post("/v1/chat/completions", headers=_bearer(reader_key),
                           json={"model": "private", "messages": [{"role": "user", "content": "What is the salary band?"}]})
        assert chat.status_code == 403

        assert store.revoke("reader")
        assert client.get("/v1/models", headers=_bearer(reader_key)).status_code == 401  # no restart needed
        assert reader.id not in {k.id for k in store.list() if not k.revoked}
        store.close()


def test_uploads_become_jobs_and_bad_uploads_write_nothing(index_copy, shared_embedder):
    with _client(index_copy, shared_embedder) as client:
        store = _store(index_copy)
        _w, writer = store.create("writer", write=["default"])
        _r, reader = store.create("reader", read=["default"])
        store.close()
        uploads = Settings(index_dir=index_copy).resolved_upload_dir
        hostile = "../../<img src=x onerror=alert(1)>\x1b[2J.txt"
        files = {"files": (hostile, b"The ferry to Lindholm leaves at 07:40 on weekdays.", "text/plain")}
        assert client.post("/v1/documents", files=files, headers=_bearer(reader)).status_code == 403
        assert not uploads.exists() or not any(uploads.rglob("*.txt"))

        too_big = {"files": ("big.txt", b"x" * (Settings().max_file_bytes + 1), "text/plain")}
        response = client.post("/v1/documents", files=too_big, headers=_bearer(writer))
        assert response.status_code == 413 and "limit" in response.json()["error"]["message"]
        assert not uploads.exists() or not any(uploads.rglob("*.txt"))

        started = client.post("/v1/documents", files=files, data={"collection": "default"}, headers=_bearer(writer))
        assert started.status_code == 202, started.text
        body = started.json()
        (stored,) = body["files"]
        assert "/" not in stored and "<" not in stored and "\x1b" not in stored and stored.endswith(".txt")
        for _ in range(600):
            job = client.get(body["status_url"], headers=_bearer(writer)).json()
            if job["status"] in ("done", "failed"):
                break
            time.sleep(0.2)
        assert job["status"] == "done" and job["report"]["added"] == 1, job
        assert client.get(body["status_url"], headers=_bearer(reader)).status_code == 404  # not its job
        found = client.post("/v1/search", json={"query": "When does the ferry to Lindholm leave?"}, headers=_bearer(reader)).json()
        assert "07:40" in found["passages"][0]["text"]
        assert 'rag_ingest_files_total{status="added"} 1.0' in client.get("/metrics").text


def test_a_full_answer_queue_gets_503_with_retry_after(index_copy, shared_embedder):
    release = threading.Event()
    with _client(index_copy, shared_embedder, model=ScriptedModel(gate=release), queue_size=0) as client:
        first: dict = {}
        thread = threading.Thread(target=lambda: first.update(r=client.post("/v1/ask", json={"question": QUESTION})))
        thread.start()
        for _ in range(100):  # until the first ask holds the model
            if client.app.state.gate._holders:
                break
            time.sleep(0.05)
        busy = client.post("/v1/ask", json={"question": QUESTION})
        assert busy.status_code == 503 and busy.headers["Retry-After"] == "5"
        searched = client.post("/v1/search", json={"query": QUESTION})  # search does not queue behind answers
        assert searched.status_code == 200
        release.set()
        thread.join(30)
        assert first["r"].status_code == 200
        assert client.post("/v1/ask", json={"question": QUESTION}).status_code == 200  # the place was given back


class LiveServer:
    """uvicorn on a free loopback port in a thread: what the openai client talks to."""

    def __init__(self, app) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                break
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}/v1"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def _openai_round_trip(base_url: str, key: str, collection: str, question: str):
    from openai import OpenAI

    client = OpenAI(base_url=base_url, api_key=key, max_retries=0)
    plain = client.chat.completions.create(model=collection, messages=[{"role": "user", "content": question}])
    pieces, last = [], None
    for chunk in client.chat.completions.create(model=collection, messages=[{"role": "user", "content": question}], stream=True):
        if chunk.choices and chunk.choices[0].delta.content:
            pieces.append(chunk.choices[0].delta.content)
        last = chunk
    return plain, "".join(pieces), last


def test_the_official_openai_client_plain_and_streaming(index_copy, shared_embedder):
    engine = rag.open(index_copy, embedder=shared_embedder, model=ScriptedModel(), create=False)
    store = _store(index_copy)
    _key, secret = store.create("app", read=["default"])
    store.close()
    with LiveServer(create_app(engine)) as base_url:
        plain, streamed, last = _openai_round_trip(base_url, secret, "default", QUESTION)
        assert plain.choices[0].message.content.startswith("The sourdough starter is fed every 12 hours")
        extra = plain.model_extra["rag"]
        assert not extra["refused"] and extra["citations"][0]["supported"]
        assert extra["citations"][0]["source"].endswith("bakery_handbook.md") and "12 hours" in extra["citations"][0]["quote"]
        assert streamed == DRAFT  # the model's words as it wrote them
        assert last.choices[0].finish_reason == "stop"
        assert last.model_extra["rag"]["citations"] == extra["citations"]  # the verified answer comes last
        # refused before the model is asked: a client reading only the streamed text still reads the refusal
        _plain, refusal, last = _openai_round_trip(base_url, secret, "default", "What is the capital of Australia?")
        assert refusal == "Not found in the documents." and last.model_extra["rag"]["refused"]
        listed = httpx.get(f"{base_url}/models", headers=_bearer(secret)).json()
        assert [m["id"] for m in listed["data"]] == ["default"]
        from openai import AuthenticationError, PermissionDeniedError
        from openai import OpenAI

        with pytest.raises(PermissionDeniedError):
            OpenAI(base_url=base_url, api_key=secret, max_retries=0).chat.completions.create(
                model="private", messages=[{"role": "user", "content": "salary band?"}])
        with pytest.raises(AuthenticationError):
            OpenAI(base_url=base_url, api_key="rag_bad_key", max_retries=0).models.list()
    engine.close()


def test_serve_refuses_a_public_address_until_a_key_exists(index_copy):
    refused = run_rag("serve", "--index", str(index_copy), "--host", "0.0.0.0", "--port", "1")
    assert refused.returncode == 3 and "refusing to listen on 0.0.0.0: no API key exists" in refused.stderr
    created = run_rag("keys", "create", "ops", "--read", "default", "--index", str(index_copy))
    assert created.returncode == 0 and created.stdout.strip().startswith("rag_")
    listed = run_rag("keys", "list", "--json", "--index", str(index_copy))
    (key,) = json.loads(listed.stdout)
    assert key["name"] == "ops" and created.stdout.strip() not in listed.stdout  # only a hash is stored
    assert run_rag("keys", "revoke", "ops", "--index", str(index_copy)).returncode == 0
    assert run_rag("keys", "revoke", "ops", "--index", str(index_copy)).returncode == 3


@pytest.mark.slow
def test_the_openai_client_gets_a_cited_answer_from_the_bundled_model(index_copy, shared_embedder, gguf_model):
    engine = rag.open(index_copy, embedder=shared_embedder, model=gguf_model, create=False)
    with LiveServer(create_app(engine)) as base_url:
        plain, streamed, last = _openai_round_trip(base_url, "no-keys-exist", "default", QUESTION)
    engine.close()
    extra = plain.model_extra["rag"]
    assert not extra["refused"] and "12 hours" in plain.choices[0].message.content
    assert any(c["supported"] and c["source"].endswith("bakery_handbook.md") for c in extra["citations"])
    assert last.model_extra["rag"]["answer"] == plain.choices[0].message.content  # same answer, streamed or not
    # the model is not asked when a passage sentence answers: a client reading only the streamed text gets the quote
    assert streamed == plain.choices[0].message.content and streamed.startswith("The documents say:")


def test_collections_and_deletes_over_http(index_copy, shared_embedder):
    with _client(index_copy, shared_embedder) as client:
        store = _store(index_copy)
        _a, admin = store.create("admin", admin=True)
        _w, writer = store.create("writer", write=["private"])
        _r, reader = store.create("reader", read=["default"])
        store.close()
        assert client.post("/v1/collections", json={"name": "team"}, headers=_bearer(reader)).status_code == 403
        created = client.post("/v1/collections", json={"name": "team"}, headers=_bearer(admin))
        assert created.status_code == 201 and created.json() == {"collection": "team"}
        bad = client.post("/v1/collections", json={"name": "../etc"}, headers=_bearer(admin))
        assert bad.status_code == 400 and "collection" in bad.json()["error"]["message"]
        assert client.post("/v1/collections", json={}, headers=_bearer(admin)).status_code == 422
        assert client.get("/v1/collections", headers=_bearer(reader)).json() == {"collections": ["default"]}
        assert set(client.get("/v1/collections", headers=_bearer(admin)).json()["collections"]) == {"default", "private", "team"}

        (salaries,) = client.get("/v1/documents?collection=private", headers=_bearer(writer)).json()["documents"]
        deleted = client.delete(f"/v1/documents/{salaries['id']}", headers=_bearer(writer))
        assert deleted.status_code == 200 and deleted.json()["chunks_removed"] >= 1
        assert client.get("/v1/documents?collection=private", headers=_bearer(writer)).json()["documents"] == []
        found = client.post("/v1/search", json={"query": "secret salary band", "collection": "private"}, headers=_bearer(admin))
        assert found.status_code == 200 and found.json()["passages"] == []
