"""The catalog: documents, chunks (with provenance and their vectors) and collections, in SQL.

SQLAlchemy 2.0 over SQLite (WAL) by default, PostgreSQL by URL. The catalog is the source of
truth: every chunk row holds its vector, so the FAISS index can always be brought back in step
with it (see ``rag.index``), whatever moment a run was killed at.
"""

from __future__ import annotations

import fnmatch
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import PurePath

import numpy as np
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    select,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from rag.errors import CatalogError
from rag.records import Chunk, SourceFile

SCHEMA_VERSION = 1
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


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: atomic and consistent after a crash
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Catalog:
    """Typed access to the catalog tables; every write is one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            Base.metadata.create_all(self.engine)
        except SQLAlchemyError as exc:
            raise CatalogError(f"cannot open the catalog at {self._safe_url()}: {exc}") from exc
        self.session = sessionmaker(self.engine, expire_on_commit=False)
        self._check_schema()

    def _safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True) if hasattr(self, "engine") else "(invalid URL)"

    def _check_schema(self) -> None:
        with self.session.begin() as session:
            row = session.get(MetaRow, "schema_version")
            if row is None:
                session.add(MetaRow(key="schema_version", value=str(SCHEMA_VERSION)))
            elif int(row.value) != SCHEMA_VERSION:
                raise CatalogError(f"catalog schema version {row.value} is not {SCHEMA_VERSION}; rebuild the index")

    def close(self) -> None:
        self.engine.dispose()

    # ---- collections and documents ---------------------------------------------------------

    def collection_id(self, name: str) -> int:
        """The id of a collection, created on first use."""
        with self.session.begin() as session:
            found = session.scalar(select(CollectionRow.id).where(CollectionRow.name == name))
            if found is not None:
                return found
            row = CollectionRow(name=name)
            session.add(row)
            session.flush()
            return row.id

    def collections(self) -> list[str]:
        with self.session() as session:
            return list(session.scalars(select(CollectionRow.name).order_by(CollectionRow.name)))

    def document_states(self, collection_id: int) -> dict[str, DocumentState]:
        with self.session() as session:
            rows = session.execute(
                select(DocumentRow.id, DocumentRow.path, DocumentRow.sha256, DocumentRow.failed_sha256, DocumentRow.status).where(
                    DocumentRow.collection_id == collection_id
                )
            )
            return {r.path: DocumentState(r.id, r.path, r.sha256, r.failed_sha256, r.status) for r in rows}

    def documents(self, collection: str | None = None) -> list[DocumentInfo]:
        query = select(DocumentRow, CollectionRow.name).join(CollectionRow).order_by(CollectionRow.name, DocumentRow.path)
        if collection is not None:
            query = query.where(CollectionRow.name == collection)
        with self.session() as session:
            return [
                DocumentInfo(d.id, name, d.path, d.file_type, d.status, d.n_chunks, d.error, d.updated_at)
                for d, name in session.execute(query)
            ]

    def old_vectors(self, collection_id: int, path: str) -> dict[str, bytes]:
        """Vectors of a document's stored chunks by text key, so unchanged passages are not re-embedded."""
        with self.session() as session:
            rows = session.execute(
                select(ChunkRow.key, ChunkRow.vector)
                .join(DocumentRow)
                .where(DocumentRow.collection_id == collection_id, DocumentRow.path == path)
            )
            return {r.key: r.vector for r in rows}

    def store_document(
        self, collection_id: int, source: SourceFile, chunks: Sequence[Chunk], vectors: np.ndarray, n_chars: int
    ) -> tuple[list[int], list[int]]:
        """Replace a document's chunks in one transaction. Returns (removed chunk ids, new chunk ids)."""
        with self.session.begin() as session:
            document = self._document_row(session, collection_id, source)
            removed = list(session.scalars(select(ChunkRow.id).where(ChunkRow.document_id == document.id)))
            session.execute(delete(ChunkRow).where(ChunkRow.document_id == document.id))
            document.sha256, document.failed_sha256 = source.sha256, None
            document.status, document.error = "ok", None
            document.n_chunks, document.n_chars = len(chunks), n_chars
            rows = [
                ChunkRow(
                    document_id=document.id,
                    ordinal=chunk.ordinal,
                    key=text_key(chunk.text),
                    text=chunk.text,
                    char_start=chunk.char_start,
                    char_end=chunk.char_end,
                    page=chunk.page,
                    pages=list(chunk.pages),
                    heading_path=list(chunk.heading_path),
                    element_types=list(chunk.element_types),
                    n_tokens=chunk.n_tokens,
                    window_split=chunk.window_split,
                    vector=vector.tobytes(),
                )
                for chunk, vector in zip(chunks, vectors, strict=True)
            ]
            session.add_all(rows)
            session.flush()
            return removed, [row.id for row in rows]

    def record_failure(self, collection_id: int, source: SourceFile, error: str) -> None:
        """Mark a file as failed. Chunks of an earlier good version stay searchable (nothing is lost)."""
        with self.session.begin() as session:
            document = self._document_row(session, collection_id, source)
            document.status, document.error, document.failed_sha256 = "failed", error, source.sha256

    def _document_row(self, session: Session, collection_id: int, source: SourceFile) -> DocumentRow:
        document = session.scalar(
            select(DocumentRow).where(DocumentRow.collection_id == collection_id, DocumentRow.path == source.path)
        )
        if document is None:
            document = DocumentRow(collection_id=collection_id, path=source.path, status="new", n_chunks=0, n_chars=0)
            session.add(document)
        document.size, document.mtime, document.file_type = source.size, source.mtime, source.file_type
        session.flush()
        return document

    def delete_documents(self, document_ids: Iterable[int]) -> list[int]:
        """Delete documents and their chunks in one transaction; returns the removed chunk ids."""
        ids = list(document_ids)
        if not ids:
            return []
        with self.session.begin() as session:
            removed = list(session.scalars(select(ChunkRow.id).where(ChunkRow.document_id.in_(ids))))
            session.execute(delete(ChunkRow).where(ChunkRow.document_id.in_(ids)))
            session.execute(delete(DocumentRow).where(DocumentRow.id.in_(ids)))
            return removed

    # ---- chunks and vectors ----------------------------------------------------------------

    def chunk_ids(self) -> np.ndarray:
        with self.session() as session:
            return np.fromiter(session.scalars(select(ChunkRow.id)), dtype=np.int64)

    def count_chunks(self) -> int:
        with self.session() as session:
            return int(session.scalar(select(func.count()).select_from(ChunkRow)) or 0)

    def iter_vectors(self, ids: Iterable[int] | None = None, batch: int = 4096) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(ids, vectors) in batches, for all chunks or the given ids."""
        wanted = None if ids is None else list(ids)
        chunks = [None] if wanted is None else [wanted[i : i + batch] for i in range(0, len(wanted), batch)]
        with self.session() as session:
            for part in chunks:
                query = select(ChunkRow.id, ChunkRow.vector).order_by(ChunkRow.id)
                if part is not None:
                    query = query.where(ChunkRow.id.in_(part))
                result = session.execute(query.execution_options(yield_per=batch))
                for rows in result.partitions(batch):
                    yield (
                        np.array([r.id for r in rows], dtype=np.int64),
                        np.vstack([np.frombuffer(r.vector, dtype=np.float32) for r in rows]),
                    )

    def stamp(self) -> str:
        """``count:max_id`` of the chunks: changes whenever chunks are added or removed (ids are never reused)."""
        with self.session() as session:
            count, top = session.execute(select(func.count(ChunkRow.id), func.max(ChunkRow.id))).one()
            return f"{int(count or 0)}:{int(top or 0)}"

    def iter_texts(self, batch: int = 4096) -> Iterator[tuple[np.ndarray, list[str]]]:
        """(ids, texts) of every chunk in id order, in batches."""
        with self.session() as session:
            result = session.execute(select(ChunkRow.id, ChunkRow.text).order_by(ChunkRow.id).execution_options(yield_per=batch))
            for rows in result.partitions(batch):
                yield np.array([r.id for r in rows], dtype=np.int64), [r.text for r in rows]

    def filtered_chunk_ids(
        self, collection: str | None = None, path_glob: str | None = None, file_types: Sequence[str] | None = None
    ) -> np.ndarray:
        """Ids of the chunks whose document matches every given filter (glob over the absolute path)."""
        query = select(DocumentRow.id, DocumentRow.path).join(CollectionRow)
        if collection is not None:
            query = query.where(CollectionRow.name == collection)
        if file_types:
            query = query.where(DocumentRow.file_type.in_([t.lower().lstrip(".") for t in file_types]))
        with self.session() as session:
            documents = [
                r.id for r in session.execute(query) if path_glob is None or fnmatch.fnmatchcase(r.path, path_glob)
                or fnmatch.fnmatchcase(PurePath(r.path).name, path_glob)
            ]
            if not documents:
                return np.zeros(0, dtype=np.int64)
            return np.fromiter(
                session.scalars(select(ChunkRow.id).where(ChunkRow.document_id.in_(documents))), dtype=np.int64
            )

    def get_chunks(self, ids: Sequence[int]) -> dict[int, StoredChunk]:
        with self.session() as session:
            rows = session.execute(
                select(ChunkRow, DocumentRow.path, DocumentRow.file_type, CollectionRow.name)
                .join(DocumentRow, ChunkRow.document_id == DocumentRow.id)
                .join(CollectionRow, DocumentRow.collection_id == CollectionRow.id)
                .where(ChunkRow.id.in_(list(ids)))
            )
            return {
                c.id: StoredChunk(
                    c.id, c.document_id, path, c.ordinal, c.text, c.char_start, c.char_end,
                    tuple(c.pages), tuple(c.heading_path), tuple(c.element_types), file_type, collection,
                )
                for c, path, file_type, collection in rows
            }

    def get_vectors(self, ids: Sequence[int]) -> dict[int, np.ndarray]:
        with self.session() as session:
            rows = session.execute(select(ChunkRow.id, ChunkRow.vector).where(ChunkRow.id.in_(list(ids))))
            return {r.id: np.frombuffer(r.vector, dtype=np.float32) for r in rows}

    def chunks_of(self, path: str) -> list[StoredChunk]:
        with self.session() as session:
            ids = list(session.scalars(select(ChunkRow.id).join(DocumentRow).where(DocumentRow.path == path).order_by(ChunkRow.ordinal)))
        found = self.get_chunks(ids)
        return [found[i] for i in ids]


