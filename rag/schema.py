"""The catalog's tables (SQLAlchemy 2.0 declarative): collections, documents, chunks and meta.

A chunk row holds its text, its provenance (pages, headings, element types, character span) and
its vector; its id is the FAISS vector id. ``rag.catalog`` reads and writes them."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

import numpy as np
from sqlalchemy import JSON, BigInteger, Boolean, Float, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from rag.records import Chunk

# SQLite wants INTEGER PRIMARY KEY for rowid aliasing; PostgreSQL gets a 64-bit identity.
ChunkId = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class MetaRow(Base):
    __tablename__ = "rag_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CollectionRow(Base):
    __tablename__ = "collections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("collection_id", "path"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))  # of the version whose chunks are stored
    failed_sha256: Mapped[str | None] = mapped_column(String(64))  # of the version that last failed
    size: Mapped[int] = mapped_column(BigInteger)
    mtime: Mapped[float] = mapped_column(Float)
    file_type: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))  # "ok" or "failed"
    error: Mapped[str | None] = mapped_column(Text)
    n_chunks: Mapped[int] = mapped_column(Integer, default=0)
    n_chars: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ChunkRow(Base):
    __tablename__ = "chunks"
    # Ids are never reused (SQLite AUTOINCREMENT; sequences elsewhere): a FAISS id always means
    # one chunk, so a stale vector can be told from a current one after a crash.
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(ChunkId, primary_key=True, autoincrement=True)  # = the FAISS vector id
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(40))  # sha1 of the text: equal texts share a vector
    text: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    pages: Mapped[list] = mapped_column(JSON)
    heading_path: Mapped[list] = mapped_column(JSON)
    element_types: Mapped[list] = mapped_column(JSON)
    n_tokens: Mapped[int] = mapped_column(Integer)
    window_split: Mapped[bool] = mapped_column(Boolean)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def chunk_values(document_id: int, chunk: Chunk, vector: np.ndarray) -> dict:
    """The columns of one chunk row."""
    return dict(
        document_id=document_id, ordinal=chunk.ordinal, key=text_key(chunk.text), text=chunk.text,
        char_start=chunk.char_start, char_end=chunk.char_end, page=chunk.page, pages=list(chunk.pages),
        heading_path=list(chunk.heading_path), element_types=list(chunk.element_types), n_tokens=chunk.n_tokens,
        window_split=chunk.window_split, vector=vector.tobytes(),
    )
