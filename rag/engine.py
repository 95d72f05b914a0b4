"""The engine: one object over an index folder that ingests, retrieves and answers with citations.

    engine = rag.open(".rag-index")
    answer = engine.ask("How long can the drone fly?")

Safe for concurrent callers: the embedder and the in-process model are each guarded by a lock,
searches only read, and the FAISS/BM25 copies are re-read when another process has ingested.
"""

from __future__ import annotations

import glob
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from rag.answer import (REFUSAL, Policy, answering_sentence_close, focus, on_the_topic, one_document_more, quote_first,  # noqa: F401
                        refuse, relevant_enough, settle, top_relevance)  # Policy, top_relevance re-exported
from rag.chat import HISTORY_CHARS, ChatSession, final_answer, first_sentence, recent_turns  # noqa: F401 - ChatSession re-exported
from rag.condense import accept_rewrite, fallback_query, needs_history, rule_rewrite
from rag.config import Settings
from rag.embed import Embedder, closeness
from rag.errors import ConfigError, QuestionError
from rag.index import VECTORS, Index
from rag.keyword_index import POINTER, KeywordIndex
from rag.llm import BUNDLED_GGUF, ChatModel, open_model
from rag.prompting import Prompts, pack
from rag.quote_bar import Bar
from rag.records import Answer, IngestReport, Passage, Timings
from rag.retrieve import Filters, Mode, Retriever
from rag.spelling import respelt

log = logging.getLogger(__name__)

# changing these means another model; changing FIXED_FIELDS would mean another index
MODEL_FIELDS = ("llm_backend", "llm_model_path", "llm_base_url", "llm_model", "llm_api_key", "llm_timeout_s",
                "n_ctx", "n_threads", "n_gpu_layers")
FIXED_FIELDS = {"index_dir", "catalog_url", "embedding_model", "embedding_backend", "embedding_device", "upload_dir"}
CONDENSE_MAX_TOKENS = 64
MAX_QUESTION_CHARS = 2000
# small models tend to go on by copying the passage list or inventing the next question
STOP = ["\n[", "Question:", "Passages:"]


class Engine:
    """Ask questions of an index folder. Create with ``rag.open``; ``close`` when done."""

    def __init__(
        self, settings: Settings, *, embedder: Embedder | None = None, model: ChatModel | None = None, create: bool = True
    ) -> None:
        self.settings = settings
        self.embedder = embedder or Embedder.from_settings(settings)
        self.prompts = Prompts.load(settings.prompts_dir)
        self._model = model
        self._model_lock = threading.Lock()
        self._reload_lock = threading.Lock()
        self.index = Index.open(settings, self.embedder, create=create)
        self._seen = self._disk_version()
        self.retriever = Retriever(self.embedder, settings)

    # ---- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.retriever.close()
        self.index.close()

    @property
    def model(self) -> ChatModel:
        with self._model_lock:
            if self._model is None:
                self._model = open_model(self.settings)
            return self._model

    def _disk_version(self) -> tuple:
        def stamp(path: Path) -> tuple:
            try:
                st = os.stat(path)
                return st.st_ino, st.st_mtime_ns, st.st_size
            except OSError:
                return ()

        return stamp(self.index.dir / VECTORS), stamp(self.index.dir / POINTER)

    def refresh(self) -> bool:
        """Re-read FAISS and BM25 if another process saved new ones. True if anything was re-read."""
        version = self._disk_version()
        if version == self._seen:
            return False
        with self._reload_lock:
            if version == self._seen:
                return False
            index = self.index
            index.reload_vectors()  # verified by its checksum; rebuilt from the catalog when damaged
            index.keyword = KeywordIndex.load(index.dir) or index.keyword
            index.refresh_keyword(persist=False)
            self._seen = version
            log.debug("index re-read after an ingest by another process")
            return True

    # ---- ingest ----------------------------------------------------------------------------

    def ingest(
        self,
        paths: list[str | Path],
        *,
        collection: str | None = None,
        prune: bool = False,
        on_progress: Callable | None = None,
    ) -> IngestReport:
        """Add or update documents (see ``ingest.pipeline.ingest``); the engine sees them right after."""
        from ingest.pipeline import ingest

        report = ingest(
            [Path(p) for p in paths], self.settings, collection=collection, prune=prune, embedder=self.embedder,
            on_progress=on_progress,
        )
        self.refresh()
        return report

    def documents(self, collection: str | None = None):
        return self.index.catalog.documents(collection)

    def delete_documents(self, document_ids: list[int]) -> int:
        """Remove documents, their chunks and vectors from the index (files on disk are left alone).
        Returns the number of chunks removed."""
        removed = self.index.delete_documents(list(document_ids))
        self._seen = self._disk_version()
        return removed

    def collections(self) -> list[str]:
        return self.index.catalog.collections()

    def create_collection(self, name: str) -> str:
        """Create a collection (nothing happens if it exists); returns its cleaned name."""
        name = check_collection_name(name)
        self.index.catalog.collection_id(name)
        return name

    # ---- settings --------------------------------------------------------------------------

    def configure(self, **fields) -> Settings:
        """Change settings on the running engine: retrieval and generation fields apply to the next
        question; a changed model (backend, path, server, context size, threads) is opened on first use.
        Storage and embedding fields cannot change under an open index."""
        fixed = sorted(set(fields) & FIXED_FIELDS)
        if fixed:
            raise ConfigError(f"{', '.join(fixed)} cannot change on an open index; open another engine instead")
        try:
            settings = Settings(**{**self.settings.model_dump(exclude_unset=False), **fields})
        except ValueError as exc:
            raise ConfigError(str(exc)) from exc
        old = self.settings
        self.settings = self.retriever.settings = self.index.settings = settings
        if settings.prompts_dir != old.prompts_dir:
            self.prompts = Prompts.load(settings.prompts_dir)
        if any(getattr(settings, name) != getattr(old, name) for name in MODEL_FIELDS):
            with self._model_lock:
                self._model = None  # a stream still running keeps its own reference
        return settings

    # ---- retrieval -------------------------------------------------------------------------

    def retrieve(
        self,
        query: str,
        *,
        k: int | None = None,
        mode: Mode | None = None,
        filters: Filters | None = None,
        mmr_lambda: float | None = None,
    ) -> list[Passage]:
        """The best passages for a query, best first, with provenance and scores."""
        self.refresh()
        passages = self.retriever.search(self.index, query, k=k, mode=mode, filters=filters, mmr_lambda=mmr_lambda)
        return passages

    # ---- answering -------------------------------------------------------------------------

    def named_document(self, question: str) -> str | None:
        """The file name of the one stored document the question names ("... in simple.docx"), if one."""
        names = self.index.catalog.named_in(question)
        return names[0] if len(names) == 1 else None

    def ask(self, question: str, **options) -> Answer:
        """Answer a question from the documents, with verified citations, or refuse."""
        return final_answer(self.stream(question, **options))

    def stream(
        self,
        question: str,
        *,
        history: list[tuple[str, str]] | None = None,
        k: int | None = None,
        mode: Mode | None = None,
        filters: Filters | None = None,
        mmr_lambda: float | None = None,
    ) -> Iterator[str | Answer]:
        """Yield the answer's text pieces as the model writes them, then the finished ``Answer``. A refused question
        with a misspelt word gets the question respelt as its ``suggestion`` ("Did you mean ...?")."""
        for event in self._answer(check_question(question), history, k, mode, filters, mmr_lambda):
            if isinstance(event, Answer) and event.refused and (respelt := self.respelt(event.question)) != event.question:
                event.suggestion = respelt
            yield event

    def respelt(self, text: str) -> str:
        """The text with its misspelt words written as the documents' words they were meant to be (``rag.spelling``)."""
        return respelt(text, self.index.keyword.frequency)

    def _answer(self, question: str, history: list[tuple[str, str]] | None, k: int | None, mode: Mode | None,
                filters: Filters | None, mmr_lambda: float | None) -> Iterator[str | Answer]:
        settings = self.settings
        started = time.perf_counter()
        timings = Timings()
        standalone, search_query, rewrite = self.condense(question, history or [])
        self.refresh()
        named = None if filters is not None and filters.active else self.named_document(standalone)
        if named:  # "What ZIP code is given in simple.docx?": that file is searched, however far in meaning
            filters = Filters(path_glob=glob.escape(named))
        query_vector = self.retriever.embed_query(search_query) if search_query.strip() else None
        k = k or settings.top_k
        found = self.retriever.search(
            self.index, search_query, k=k + 1, mode=mode, filters=filters, mmr_lambda=mmr_lambda, query_vector=query_vector
        )
        passages, more = found[:k], one_document_more(found, k)
        if rewrite == "history":
            passages = on_the_topic(passages)
        timings.retrieve_ms = (time.perf_counter() - started) * 1000
        answer = Answer(question, REFUSAL, True, [], passages, timings, search_query=search_query, standalone=standalone,
                        rewrite=rewrite)
        if not named and not self.on_topic(question, standalone, rewrite, history or [], passages):
            refuse(answer, "no_relevant_passages")
            timings.total_ms = (time.perf_counter() - started) * 1000
            yield answer
            return

        model = self.model
        answer.model = model.name
        budget = model.n_ctx - settings.max_tokens
        # the model reads the sentences around each hit; citations point into the whole passages
        shown = [focus(standalone, p, settings.focus_chars) for p in passages]
        kept, dropped = pack(self.prompts, standalone, shown, model.count_tokens, budget)
        whole = {p.chunk_id: p for p in passages}
        answer.passages = [whole[p.chunk_id] for p in kept] + (more if not dropped else [])
        answer.dropped_passages = [whole[p.chunk_id] for p in dropped]
        if not kept:
            refuse(answer, "context_too_small")
            timings.total_ms = (time.perf_counter() - started) * 1000
            yield answer
            return
        rules = policy(settings, self.embedder, model.name)
        if not settings.generate_when_quoted and (quoted := quote_first(answer, rules)) is not None:
            timings.total_ms = (time.perf_counter() - started) * 1000
            yield quoted  # the sentence that answers is shown whatever the model writes: it is not asked
            return
        # a follow-up searched with the question before it ("How long is the warranty? How far can it fly?") is put to
        # the model as asked: a small model answers the first question it reads; the passages say what "it" is
        messages = self.prompts.answer_messages(question if rewrite == "history" else standalone, kept)
        pieces: list[str] = []
        for piece in model.stream(messages, max_tokens=settings.max_tokens, temperature=settings.temperature, stop=STOP,
                                  repeat_penalty=settings.repeat_penalty):
            if timings.first_token_ms is None:
                timings.first_token_ms = (time.perf_counter() - started) * 1000
            pieces.append(piece)
            yield piece
        answer.draft = "".join(pieces).strip()
        settle(answer, rules)
        timings.total_ms = (time.perf_counter() - started) * 1000
        yield answer

    def on_topic(self, question: str, standalone: str, rewrite: str, history: list[tuple[str, str]],
                 passages: list[Passage]) -> bool:
        """Close enough to answer: a passage is close in meaning (or holds the full names the question gives), or
        the sentence that answers it is, or a follow-up is on the conversation's topic."""
        settings = self.settings
        rules = policy(settings, self.embedder)  # its measure is the bar's: the quote's vector is encoded once
        return (relevant_enough(passages, settings.min_relevance, standalone)
                or answering_sentence_close(standalone, passages, rules, rules.quote_bar.measure, settings.min_relevance)
                or rewrite in ("rule", "model") and self.follows_on(question, history, passages))

    def follows_on(self, question: str, history: list[tuple[str, str]], passages: list[Passage]) -> bool:
        """A follow-up written out by rule or model stays on the conversation's topic: its passages
        are close enough in meaning to the previous question and the follow-up read together. "What
        system is Project Osprey replacing?" is far in meaning from the slide that answers it (cosine
        0.28); with "What is the public launch date of Project Osprey?" before it, it is not."""
        turns = recent_turns(history)
        if not turns or not passages:
            return False
        vector = self.retriever.embed_query(fallback_query(question, turns))
        stored = self.index.catalog.get_vectors([p.chunk_id for p in passages])
        return max((float(v @ vector) for v in stored.values()), default=-1.0) >= self.settings.min_relevance

    def condense(self, question: str, history: list[tuple[str, str]]) -> tuple[str, str, str]:
        """(the question the model answers, the query searched, how it was written) for a question
        asked after ``history``; how: "" (as asked), "rule", "model" or "history" (the previous
        question and this one together).

        A question that stands alone (a topic switch) is left exactly as asked. A follow-up is
        written out by rules, else by the model, each kept only when ``accept_rewrite`` finds it
        keeps the question's words and copies no answer; otherwise the previous question and the
        follow-up are used together, so what the person asked is never lost.
        """
        turns = recent_turns(history)
        if not turns or not needs_history(question):
            return question, question, ""
        fallback = fallback_query(question, turns)
        by_rule = rule_rewrite(question, turns)
        if by_rule and accept_rewrite(by_rule, question, turns):
            return by_rule, by_rule, "rule"
        shown = [(q[:HISTORY_CHARS], first_sentence(a)[:HISTORY_CHARS]) for q, a in turns]
        messages = self.prompts.condense_messages(shown, question)
        try:
            text = "".join(self.model.stream(messages, max_tokens=CONDENSE_MAX_TOKENS, temperature=0.0, stop=["\n"]))
        except Exception as exc:  # noqa: BLE001 - a failed rewrite must not fail the question
            log.warning("could not condense the follow-up question: %s", exc)
            return fallback, fallback, "history"
        rewrite = accept_rewrite(text, question, turns)
        if rewrite is None:
            log.debug("rewrite %r of %r rejected; searching %r", text, question, fallback)
            return fallback, fallback, "history"
        return rewrite, rewrite, "model"

    def chat(self, **options) -> "ChatSession":
        return ChatSession(self, **options)


def check_collection_name(name: str) -> str:
    """A collection name is 1-64 printable characters, without slashes (it names an upload folder)."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > 64 or not cleaned.isprintable() or any(c in cleaned for c in "/\\") \
            or cleaned in (".", ".."):
        raise ConfigError(f"collection name {name!r} is not usable: use 1-64 printable characters without slashes")
    return cleaned


def policy(settings: Settings, embedder: Embedder | None = None, model_name: str | None = None) -> Policy:
    """The answer policy the settings describe (``embedder`` for ``extract_by_meaning``; the model's
    name for ``prefer_quote``'s and ``draft_without_quote``'s defaults, which differ for the bundled model)."""
    bundled = model_name == BUNDLED_GGUF
    prefer_quote = settings.prefer_quote if settings.prefer_quote is not None else bundled
    draft_alone = settings.draft_without_quote if settings.draft_without_quote is not None else not bundled
    measure = closeness(embedder) if embedder else None  # one for the bar and the ranking: each text encoded once
    return Policy(min_support=settings.min_support, verify_citations=settings.verify_citations,
                  extractive=settings.extractive_fallback, extract_min_overlap=settings.extract_min_overlap,
                  agree_with_quote=settings.agree_with_quote, prefer_quote=prefer_quote, draft_without_quote=draft_alone,
                  closeness=measure if settings.extract_by_meaning else None,
                  quote_bar=replace(quote_bar(settings), measure=measure))


def quote_bar(settings: Settings, embedder: Embedder | None = None) -> Bar:
    """What a quote must hold beyond ``extract_min_overlap`` (``rag.quote_bar.Bar``), as the settings say; the parts by
    meaning only with an embedding model."""
    return Bar(later_overlap=settings.extract_later_overlap, min_closeness=settings.extract_min_closeness,
               paraphrase_closeness=settings.extract_paraphrase_closeness,
               measure=closeness(embedder) if embedder else None)


def check_question(question: str) -> str:
    """The question stripped, or ``QuestionError`` when it is empty or too long to be a question."""
    if not isinstance(question, str) or not question.strip():
        raise QuestionError("the question is empty")
    question = question.strip()
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is {len(question):,} characters long; ask in at most {MAX_QUESTION_CHARS:,}")
    return question


def open(  # noqa: A001 - rag.open reads well
    index_dir: str | Path | None = None,
    *,
    settings: Settings | None = None,
    embedder: Embedder | None = None,
    model: ChatModel | None = None,
    create: bool = True,
    **fields,
) -> Engine:
    """An engine over ``index_dir`` (created if missing unless ``create=False``).

    Other keyword arguments are ``Settings`` fields (``top_k=3``, ``llm_backend="openai"``, ...).
    """
    if index_dir is not None:
        fields["index_dir"] = Path(index_dir)
    if settings is not None:
        settings = settings.model_copy(update=fields) if fields else settings
    else:
        settings = Settings(**fields)
    return Engine(settings, embedder=embedder, model=model, create=create)
