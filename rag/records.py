"""Typed records that flow through the pipeline, each carrying its provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class SourceFile:
    """A file found on disk, before parsing."""

    path: str  # absolute, resolved
    size: int
    mtime: float
    sha256: str
    file_type: str  # lower-case extension without the dot, or "" when there is none


@dataclass(frozen=True)
class Chunk:
    """A piece of a document's text, small enough for the embedding model, with where it came from."""

    ordinal: int  # position in the document, from 0
    text: str
    char_start: int  # span in the document's text (elements joined by blank lines)
    char_end: int
    pages: tuple[int, ...] = ()
    heading_path: tuple[str, ...] = ()
    element_types: tuple[str, ...] = ()
    n_tokens: int = 0
    window_split: bool = False  # True when a structural chunk was longer than the model window and was split

    @property
    def page(self) -> int | None:
        return self.pages[0] if self.pages else None


@dataclass(frozen=True)
class ParsedDocument:
    """What a worker returns for one file: its text's chunks, or the reason it failed."""

    source: SourceFile
    chunks: tuple[Chunk, ...] = ()
    n_chars: int = 0
    error: str | None = None


@dataclass(frozen=True)
class FileError:
    path: str
    error: str


@dataclass
class IngestReport:
    """Counts of one ingest run; ``to_dict`` is what ``rag ingest --json`` prints."""

    files_seen: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    missing: int = 0  # in the catalog but gone from disk, kept because --prune was not given
    chunks: int = 0  # chunks written by this run
    embedded: int = 0  # chunks that went through the embedding model in this run
    seconds: float = 0.0
    errors: list[FileError] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "files_seen": self.files_seen,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": self.failed,
            "missing": self.missing,
            "chunks": self.chunks,
            "embedded": self.embedded,
            "seconds": round(self.seconds, 3),
            "errors": [{"path": e.path, "error": e.error} for e in self.errors],
        }


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its provenance and the scores that ranked it."""

    chunk_id: int
    source: str  # absolute path of the document
    text: str
    page: int | None
    pages: tuple[int, ...]
    heading_path: tuple[str, ...]
    char_start: int  # span of the chunk in the document's text
    char_end: int
    file_type: str
    collection: str
    score: float  # the score the final order comes from (fused, dense, BM25 or reranker)
    dense_score: float | None = None  # cosine similarity to the question
    keyword_score: float | None = None  # BM25
    rerank_score: float | None = None
    # the document's title line (``rag.titles``), read from its first chunk: a plain text's first line heads all of it
    title: str = ""

    @property
    def heading(self) -> str:
        return " > ".join(self.heading_path)

    def to_dict(self) -> dict:
        return {
            "chunk_id": self.chunk_id,
            "source": self.source,
            "page": self.page,
            "heading": self.heading,
            "span": [self.char_start, self.char_end],
            "score": round(self.score, 6),
            "dense_score": None if self.dense_score is None else round(self.dense_score, 6),
            "keyword_score": None if self.keyword_score is None else round(self.keyword_score, 6),
            "rerank_score": None if self.rerank_score is None else round(self.rerank_score, 6),
            "text": self.text,
        }


@dataclass(frozen=True)
class Citation:
    """One claim of the answer tied to a passage, with the exact supporting span copied from it."""

    n: int  # the passage number shown to the model, from 1
    passage: Passage
    sentence: str  # the answer sentence that makes the claim
    quote: str  # verbatim substring of passage.text
    quote_start: int  # offsets of the quote in passage.text
    quote_end: int
    support: float  # share of the sentence's content words found in the quote
    supported: bool
    origin: str  # "model" (the model wrote [n]) or "attributed" (matched by support score)

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "source": self.passage.source,
            "page": self.passage.page,
            "heading": self.passage.heading,
            "quote": self.quote,
            "supported": self.supported,
            "support": round(self.support, 4),
            "sentence": self.sentence,
            "origin": self.origin,
            "chunk_id": self.passage.chunk_id,
        }


@dataclass
class Timings:
    retrieve_ms: float = 0.0
    first_token_ms: float | None = None
    total_ms: float = 0.0

    def to_dict(self) -> dict:
        return {
            "retrieve_ms": round(self.retrieve_ms, 2),
            "first_token_ms": None if self.first_token_ms is None else round(self.first_token_ms, 2),
            "total_ms": round(self.total_ms, 2),
        }


@dataclass
class Answer:
    """What ``Engine.ask`` returns. ``text`` is the model's answer, or the refusal message when refused."""

    question: str
    text: str
    refused: bool
    citations: list[Citation]
    # the passages given to the model, numbered from 1 in this order; then, when the search found the next one in the
    # same single document, that one for the quote only (``rag.answer.one_document_more``)
    passages: list[Passage]
    timings: Timings
    # "no_relevant_passages", "unsupported", "model_declined", "unknown_name", "no_answering_sentence"
    refusal_reason: str | None = None
    draft: str = ""  # the model's raw output, kept even when the answer was refused
    search_query: str = ""  # the question as searched (condensed with the chat history)
    standalone: str = ""  # the question as the model was given it (a follow-up written out in full)
    rewrite: str = ""  # how a follow-up was written out: "rule", "model", "history" (with the previous question); "" = as asked
    dropped_passages: list[Passage] = field(default_factory=list)  # retrieved but did not fit the context
    dropped_markers: int = 0  # [n] markers that named no passage
    unsupported_sentences: int = 0  # claims of the draft that no passage supports (left out of text)
    trimmed_sentences: int = 0  # claims cut back to a leading clause that a passage supports
    extracted: bool = False  # the draft was unsupported and the answer quotes the answering sentence
    model: str = ""
    suggestion: str = ""  # a refused question with its misspelt words respelt, to ask instead ("Did you mean ...?")

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "search_query": self.search_query,
            "standalone": self.standalone,
            "rewrite": self.rewrite,
            "answer": self.text,
            "refused": self.refused,
            "refusal_reason": self.refusal_reason,
            "citations": [c.to_dict() for c in self.citations],
            "passages": [p.to_dict() for p in self.passages],
            "dropped_passages": [p.to_dict() for p in self.dropped_passages],
            "dropped_markers": self.dropped_markers,
            "unsupported_sentences": self.unsupported_sentences,
            "trimmed_sentences": self.trimmed_sentences,
            "extracted": self.extracted,
            "draft": self.draft,
            "model": self.model,
            "suggestion": self.suggestion,
            "timings": self.timings.to_dict(),
        }


@dataclass(frozen=True)
class DocumentState:
    """What the catalog knows of a file, enough to decide whether to parse it again."""

    id: int
    path: str
    sha256: str | None
    failed_sha256: str | None
    status: str

    def is_current(self, sha256: str) -> bool:
        return (self.status == "ok" and self.sha256 == sha256) or (self.status == "failed" and self.failed_sha256 == sha256)


@dataclass(frozen=True)
class DocumentInfo:
    """A row of ``rag docs``."""

    id: int
    collection: str
    path: str
    file_type: str
    status: str
    n_chunks: int
    error: str | None
    updated_at: datetime
    ocr: bool = False  # some of its text was read from pixels (images, PDF pages without a text layer)


@dataclass(frozen=True)
class StoredChunk:
    """A chunk read back from the catalog, with its document's path."""

    id: int
    document_id: int
    path: str
    ordinal: int
    text: str
    char_start: int
    char_end: int
    pages: tuple[int, ...]
    heading_path: tuple[str, ...]
    element_types: tuple[str, ...]
    file_type: str = ""
    collection: str = ""

    @property
    def page(self) -> int | None:
        return self.pages[0] if self.pages else None
