"""The HTTP API: OpenAI-compatible chat completions with citations, native ask/search/documents
endpoints, API keys scoped to collections, Prometheus metrics. ``create_app(engine)`` builds it;
`rag serve` runs it with uvicorn.

Errors are JSON in OpenAI's shape, ``{"error": {"message", "type", "code"}}``: 400/422 bad input,
401 no or bad key, 403 a collection the key may not use, 404 unknown (or not yours), 413 too big,
503 the answer queue is full (with Retry-After).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import time
import uuid
from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Literal

from fastapi import Depends, FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from ingest.uploads import UploadError, save_upload, upload_folder
from rag.api.gate import AnswerGate, Busy
from rag.api.jobs import Jobs
from rag.engine import Engine, final_answer
from rag.errors import ConfigError, QuestionError, RagError
from rag.keys import LOCAL_USER, ApiKey, KeyStore
from rag.records import Answer
from rag.retrieve import Filters

log = logging.getLogger(__name__)
RETRY_AFTER_S = 5


# ---- request bodies --------------------------------------------------------------------------

class Message(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list | None = ""


class ChatRequest(BaseModel):
    model: str = Field(description="the collection to answer from (GET /v1/models lists yours)")
    messages: list[Message] = Field(min_length=1)
    stream: bool = False
    max_tokens: int | None = None
    temperature: float | None = None


class AskRequest(BaseModel):
    question: str
    collection: str | None = None
    history: list[tuple[str, str]] = Field(default_factory=list, description="earlier (question, answer) pairs")
    k: int | None = Field(default=None, ge=1, le=50)
    mode: Literal["dense", "keyword", "hybrid"] | None = None


class SearchRequest(BaseModel):
    query: str = Field(min_length=1, max_length=2000)
    collection: str | None = None
    k: int | None = Field(default=None, ge=1, le=100)
    mode: Literal["dense", "keyword", "hybrid"] | None = None


class CollectionRequest(BaseModel):
    name: str


# ---- the app -------------------------------------------------------------------------------

class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("rag_http_requests_total", "HTTP requests", ["route", "status"], registry=self.registry)
        self.latency = Histogram("rag_http_request_seconds", "HTTP request latency", ["route"], registry=self.registry,
                                 buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60))
        self.answers = Counter("rag_answers_total", "answers given", ["refused"], registry=self.registry)
        self.busy = Counter("rag_answers_rejected_busy_total", "asks refused because the queue was full", registry=self.registry)
        self.ingested = Counter("rag_ingest_files_total", "files handled by ingest jobs", ["status"], registry=self.registry)


def create_app(engine: Engine, *, queue_size: int = 8) -> FastAPI:
    """The API over an open engine (one per process; its model answers one question at a time)."""
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        jobs.close()
        keys.close()

    app = FastAPI(title="rag", version="1", description=__doc__, lifespan=lifespan)
    keys = KeyStore(engine.settings.resolved_catalog_url)
    gate = AnswerGate(queue_size)
    metrics = Metrics()

    def count_ingest(report) -> None:
        for status in ("added", "updated", "unchanged", "failed"):
            if value := getattr(report, status):
                metrics.ingested.labels(status).inc(value)

    jobs = Jobs(engine, on_report=count_ingest)
    app.state.engine, app.state.keys, app.state.gate, app.state.jobs = engine, keys, gate, jobs

    # ---- errors and metrics ----------------------------------------------------------------

    def error(status: int, message: str, kind: str = "invalid_request_error", headers: dict | None = None) -> JSONResponse:
        return JSONResponse({"error": {"message": message, "type": kind, "code": status}}, status_code=status, headers=headers)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException):
        kind = {401: "authentication_error", 403: "permission_error", 404: "not_found_error", 503: "overloaded_error"}
        return error(exc.status_code, str(exc.detail), kind.get(exc.status_code, "invalid_request_error"), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _bad_body(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in exc.errors()[:5])
        return error(422, f"invalid request: {problems}")

    @app.exception_handler(RagError)
    async def _rag_error(request: Request, exc: RagError):
        status = 400 if isinstance(exc, (QuestionError, ConfigError)) else 500
        return error(status, str(exc).splitlines()[0][:500], "invalid_request_error" if status == 400 else "server_error")

    @app.middleware("http")
    async def _measure(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        name = getattr(route, "path", "unmatched")
        metrics.requests.labels(name, str(response.status_code)).inc()
        metrics.latency.labels(name).observe(time.perf_counter() - started)
        return response

    # ---- who is asking ---------------------------------------------------------------------

    def caller(request: Request) -> ApiKey:
        header = request.headers.get("authorization", "")
        presented = header[7:].strip() if header[:7].lower() == "bearer " else request.headers.get("x-api-key", "")
        if not keys.any_active():
            if not is_loopback_host(request.client.host if request.client else ""):
                raise HTTPException(401, "no API key exists, so only this machine may call the server")
            return LOCAL_USER
        if not presented:
            raise HTTPException(401, "an API key is required: Authorization: Bearer rag_...", headers={"WWW-Authenticate": "Bearer"})
        key = keys.authenticate(presented)
        if key is None:
            raise HTTPException(401, "invalid or revoked API key", headers={"WWW-Authenticate": "Bearer"})
        return key

    def readable(key: ApiKey, collection: str | None) -> str:
        name = collection or engine.settings.collection
        if name not in engine.collections():
            if key.can_read(name):
                raise HTTPException(404, f"no collection named {name!r}")
            raise HTTPException(403, f"this key may not read collection {name!r}")
        if not key.can_read(name):
            raise HTTPException(403, f"this key may not read collection {name!r}")
        return name

    def writable(key: ApiKey, collection: str | None) -> str:
        name = collection or engine.settings.collection
        if not key.can_write(name):
            raise HTTPException(403, f"this key may not change collection {name!r}")
        if name not in engine.collections():
            raise HTTPException(404, f"no collection named {name!r}: create it with POST /v1/collections")
        return name

    def reserve():
        try:
            return gate.reserve()
        except Busy:
            metrics.busy.inc()
            raise HTTPException(503, f"busy: {gate.queue_size} questions are waiting; retry later",
                                headers={"Retry-After": str(RETRY_AFTER_S)}) from None

    def counted(answer: Answer) -> Answer:
        metrics.answers.labels(str(answer.refused).lower()).inc()
        return answer

    # ---- health and metrics ----------------------------------------------------------------

    @app.get("/healthz", tags=["service"])
    def healthz() -> dict:
        return {"status": "ok", "chunks": len(engine.index.vectors), "answer_queue": gate.waiting}

    @app.get("/metrics", tags=["service"], response_class=PlainTextResponse)
    def prometheus() -> PlainTextResponse:
        return PlainTextResponse(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    # ---- OpenAI-compatible ------------------------------------------------------------------

    @app.get("/v1/models", tags=["openai"])
    def models(key: ApiKey = Depends(caller)) -> dict:
        return {"object": "list", "data": [{"id": name, "object": "model", "created": 0, "owned_by": "rag"}
                                          for name in key.readable(engine.collections())]}

    @app.post("/v1/chat/completions", tags=["openai"])
    def chat_completions(body: ChatRequest, key: ApiKey = Depends(caller)):
        collection = readable(key, body.model)
        question, history = _conversation(body.messages)
        ticket = reserve()
        events = _answer_events(engine, ticket, question, history, Filters(collection=collection))
        reply_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        if not body.stream:
            with ticket:
                answer = counted(final_answer(events))
            return {
                "id": reply_id, "object": "chat.completion", "created": created, "model": collection,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": answer.text}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                "rag": _rag_fields(answer),
            }

        def sse() -> Iterator[str]:
            def chunk(delta: dict, finish: str | None = None, extra: dict | None = None) -> str:
                body = {"id": reply_id, "object": "chat.completion.chunk", "created": created, "model": collection,
                        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **(extra or {})}
                return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

            with ticket:
                yield chunk({"role": "assistant", "content": ""})
                streamed = False
                for event in events:
                    if isinstance(event, Answer):
                        counted(event)
                        if not streamed:  # no model words came (a quote, or a refusal before generating): the answer
                            yield chunk({"content": event.text})
                        yield chunk({}, "stop", {"rag": _rag_fields(event)})
                    elif event:
                        streamed = True
                        yield chunk({"content": event})
            yield "data: [DONE]\n\n"

        # a client gone before the stream started never runs sse(): its place is given back after the response
        return StreamingResponse(sse(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"},
                                 background=BackgroundTask(ticket.release))

    # ---- native JSON -----------------------------------------------------------------------

    @app.post("/v1/ask", tags=["native"])
    def ask(body: AskRequest, key: ApiKey = Depends(caller)) -> dict:
        collection = readable(key, body.collection)
        ticket = reserve()
        with ticket:
            events = engine.stream(body.question, history=body.history, k=body.k, mode=body.mode,
                                   filters=Filters(collection=collection))
            return counted(final_answer(events)).to_dict()

    @app.post("/v1/search", tags=["native"])
    def search(body: SearchRequest, key: ApiKey = Depends(caller)) -> dict:
        collection = readable(key, body.collection)
        started = time.perf_counter()
        passages = engine.retrieve(body.query, k=body.k, mode=body.mode, filters=Filters(collection=collection))
        elapsed = (time.perf_counter() - started) * 1000
        return {"query": body.query, "passages": [p.to_dict() for p in passages], "retrieve_ms": round(elapsed, 2)}

    @app.get("/v1/collections", tags=["native"])
    def collections(key: ApiKey = Depends(caller)) -> dict:
        return {"collections": key.readable(engine.collections())}

    @app.post("/v1/collections", tags=["native"], status_code=201)
    def create_collection(body: CollectionRequest, key: ApiKey = Depends(caller)) -> dict:
        if not (key.admin or "*" in key.write or body.name in key.write):
            raise HTTPException(403, "this key may not create collections")
        return {"collection": engine.create_collection(body.name)}

    @app.get("/v1/documents", tags=["native"])
    def documents(collection: str | None = None, key: ApiKey = Depends(caller)) -> dict:
        names = [readable(key, collection)] if collection else key.readable(engine.collections())
        rows = [d for name in names for d in engine.documents(name)]
        return {"documents": [_document(d) for d in rows]}

    @app.post("/v1/documents", tags=["native"], status_code=202)
    def upload(files: list[UploadFile] = File(...), collection: str | None = Form(None), key: ApiKey = Depends(caller)) -> dict:
        name = writable(key, collection)
        folder = upload_folder(engine.settings.resolved_upload_dir, name)
        limit = engine.settings.max_file_bytes
        saved, rejected = [], []
        for item in files:
            data = item.file.read(limit + 1)
            try:
                saved.append(save_upload(folder, item.filename or "upload", data, limit).path)
            except UploadError as exc:
                rejected.append({"file": item.filename, "error": str(exc)})
        if not saved:
            too_big = any("limit" in r["error"] for r in rejected)
            raise HTTPException(413 if too_big else 400, "; ".join(r["error"] for r in rejected) or "no file given")
        job = jobs.start(key.id, name, saved, rejected)
        return {"job": job.id, "status_url": f"/v1/jobs/{job.id}", "files": [p.name for p in saved], "rejected": rejected}

    @app.delete("/v1/documents/{document_id}", tags=["native"])
    def delete_document(document_id: int, key: ApiKey = Depends(caller)) -> dict:
        found = next((d for d in engine.documents() if d.id == document_id), None)
        if found is None or not key.can_read(found.collection):
            raise HTTPException(404, f"no document {document_id}")
        if not key.can_write(found.collection):
            raise HTTPException(403, f"this key may not change collection {found.collection!r}")
        return {"deleted": document_id, "chunks_removed": engine.delete_documents([document_id])}

    @app.get("/v1/jobs/{job_id}", tags=["native"])
    def job_status(job_id: str, key: ApiKey = Depends(caller)) -> dict:
        job = jobs.get(job_id, key.id)
        if job is None:
            raise HTTPException(404, f"no job {job_id}")
        return job.to_dict()

    return app


# ---- helpers ---------------------------------------------------------------------------------

def _text(content) -> str:
    if isinstance(content, list):  # OpenAI's content parts: keep the text ones
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict) and part.get("type") == "text")
    return content or ""


def _conversation(messages: list[Message]) -> tuple[str, list[tuple[str, str]]]:
    """The last user message is the question; earlier user/assistant pairs are the history."""
    turns = [m for m in messages if m.role in ("user", "assistant")]
    if not turns or turns[-1].role != "user":
        raise HTTPException(422, "the last message must be the user's question")
    history, question = [], None
    for message in turns[:-1]:
        if message.role == "user":
            question = _text(message.content)
        elif question is not None:
            history.append((question, _text(message.content)))
            question = None
    return _text(turns[-1].content), history


def _answer_events(engine: Engine, ticket, question: str, history, filters: Filters) -> Iterator:
    # checked before the response starts, so a bad question is a 400, not a broken stream
    try:
        from rag.engine import check_question

        check_question(question)
    except QuestionError:
        ticket.release()
        raise
    return engine.stream(question, history=history, filters=filters)


def _rag_fields(answer: Answer) -> dict:
    """What an OpenAI client finds beside the text: the citations, the refusal, the verified text."""
    return {
        "answer": answer.text,  # the verified answer (a stream sends the model's draft first)
        "refused": answer.refused,
        "refusal_reason": answer.refusal_reason,
        "extracted": answer.extracted,
        "citations": [c.to_dict() for c in answer.citations],
        "standalone": answer.standalone,
        "suggestion": answer.suggestion,  # a refused question respelt: "Did you mean ...?"
    }


def _document(d) -> dict:
    return {"id": d.id, "collection": d.collection, "path": d.path, "file_type": d.file_type, "status": d.status,
            "chunks": d.n_chunks, "error": d.error, "updated_at": d.updated_at.isoformat() if d.updated_at else None}


def is_loopback_host(host: str) -> bool:
    """Whether an address is this machine's (`rag serve --host`, a caller's address)."""
    if host in ("localhost", "testclient"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
