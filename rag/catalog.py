"""The catalog: documents, chunks (with provenance and their vectors) and collections, in SQL.

SQLAlchemy 2.0 over SQLite (WAL) by default, PostgreSQL by URL. The catalog is the source of
truth: every chunk row holds its vector, so the FAISS index can always be brought back in step
with it (see ``rag.index``), whatever moment a run was killed at. Opening, facts, collections and
documents are here; the reads of chunk rows (ids, texts, vectors) are in ``rag.chunk_reads``.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterable, Sequence
from pathlib import PurePath

import numpy as np
from sqlalchemy import String, cast, create_engine, delete, event, func, insert, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from rag.chunk_reads import ChunkReads
from rag.database import (check_tables, create_tables, describe_database_error, guarded, is_read_only, read_only_error,
                           read_only_url, sqlite_path, sqlite_pragmas)
from rag.errors import CatalogError, IndexDamagedError, RagError
from rag.records import Chunk, DocumentInfo, DocumentState, SourceFile
from rag.schema import ChunkRow, CollectionRow, DocumentRow, MetaRow, chunk_values

SCHEMA_VERSION = 1

_FILE_NAME = re.compile(r"(?<![\w.-])[\w][\w.-]*\.[A-Za-z][A-Za-z0-9]{1,4}(?![\w-])")  # "simple.docx", "Q3-report.pdf"


class Catalog(ChunkReads):
    """Typed access to the catalog tables; every write is one transaction.

    Every method raises a ``RagError`` (``StorageError``, ``IndexDamagedError``, ``CatalogError``)
    rather than a raw SQLAlchemy error. A SQLite catalog in a read-only place is opened read-only.
    """

    def __init__(self, url: str, *, create: bool = True) -> None:
        """Open the catalog at ``url``; with ``create`` (a new index), make its tables when missing,
        else a catalog without them is ``IndexDamagedError`` and nothing is written."""
        self.url = url
        self.safe_url = "(invalid URL)"
        path = sqlite_path(url)
        self.read_only = path is not None and is_read_only(path)
        self.read_only_error = read_only_error(path) if self.read_only else None  # raised to a writer
        if path is not None and not create and not os.path.exists(path):  # connecting would create it
            raise IndexDamagedError(f"the catalog {path} is missing")
        try:
            self.safe_url = make_url(url).render_as_string(hide_password=True)
            if self.read_only:
                self.engine = create_engine(read_only_url(path), future=True)
            elif path is not None:
                self.engine = create_engine(url, future=True)
                event.listen(self.engine, "connect", sqlite_pragmas)
            else:
                self.engine = create_engine(url, future=True, pool_pre_ping=True)  # survives a server restart
        except (SQLAlchemyError, ValueError, ImportError) as exc:
            raise CatalogError(f"cannot open the catalog at {self.safe_url}: {exc}") from exc
        self.session = sessionmaker(self.engine, expire_on_commit=False)
        try:
            if create and not self.read_only:
                create_tables(self.engine)
                self._insert_meta({"schema_version": str(SCHEMA_VERSION), "catalog_id": uuid.uuid4().hex}, if_new=True)
            else:
                check_tables(self.engine, self.safe_url)
            self._check_schema()
        except SQLAlchemyError as exc:
            self.engine.dispose()
            if not self._can_read_only(path, exc):
                raise describe_database_error(exc, self.safe_url) from exc
            self._open_read_only(path)
        except RagError:
            self.engine.dispose()
            raise

    def _can_read_only(self, path: str | None, exc: SQLAlchemyError) -> bool:
        # On a full disk SQLite cannot even create the shared-memory file a WAL reader needs; the
        # catalog is still readable, so readers go on read-only and a writer is told the cause.
        code = getattr(getattr(exc, "orig", None), "sqlite_errorname", "")
        return (path is not None and not self.read_only and os.path.exists(path) and os.path.getsize(path) > 0
                and code.startswith(("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_READONLY", "SQLITE_CANTOPEN")))

    def _open_read_only(self, path: str) -> None:
        self.read_only, self.read_only_error = True, read_only_error(path)
        self.engine = create_engine(read_only_url(path), future=True)
        self.session = sessionmaker(self.engine, expire_on_commit=False)
        try:
            check_tables(self.engine, self.safe_url)
            self._check_schema()
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise describe_database_error(exc, self.safe_url) from exc
        except RagError:
            self.engine.dispose()
            raise

    def _check_schema(self) -> None:
        version = self.meta().get("schema_version")
        if version is not None and version != str(SCHEMA_VERSION):
            raise CatalogError(f"catalog schema version {version} is not {SCHEMA_VERSION}; rebuild the index")

    def _insert_meta(self, values: dict[str, str], *, if_new: bool = False) -> None:
        """Insert the keys not stored yet (with ``if_new``, only into a catalog without a schema
        version); safe when two processes insert at once."""
        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        with self.session.begin() as session:
            if if_new and session.get(MetaRow, "schema_version") is not None:
                return
            for key, value in values.items():
                session.execute(insert(MetaRow).values(key=key, value=value).on_conflict_do_nothing(index_elements=["key"]))

    @guarded
    def meta(self) -> dict[str, str]:
        """The catalog's own facts: schema version, catalog id, the embedding model and dimension."""
        with self.session() as session:
            return {row.key: row.value for row in session.scalars(select(MetaRow))}

    @guarded
    def adopt_meta(self, values: dict[str, str]) -> dict[str, str]:
        """Store the given facts where none is stored yet (a writer's first save); returns all facts."""
        self._insert_meta(values)
        return self.meta()

    def close(self) -> None:
        self.engine.dispose()

    # ---- collections and documents ---------------------------------------------------------

    @guarded
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

    @guarded
    def collections(self) -> list[str]:
        with self.session() as session:
            return list(session.scalars(select(CollectionRow.name).order_by(CollectionRow.name)))

    @guarded
    def document_states(self, collection_id: int, paths: Iterable[str] | None = None,
                        under: Sequence[str] = ()) -> dict[str, DocumentState]:
        """States of the collection's documents: all of them, or (either given) those with these
        ``paths`` and at least those whose path is one of ``under`` or starts with it and a separator
        (a few more may come: the caller matches exactly). Adding one file to a catalog of 25,000
        documents reads one row, not all (~0.4 s)."""
        columns = select(DocumentRow.id, DocumentRow.path, DocumentRow.sha256, DocumentRow.failed_sha256,
                         DocumentRow.status).where(DocumentRow.collection_id == collection_id)
        queries = [columns] if paths is None and not under else []
        wanted = sorted(set(paths or ()))
        queries += [columns.where(DocumentRow.path.in_(wanted[i : i + 500])) for i in range(0, len(wanted), 500)]
        for root in under:  # LIKE 'root/%' (SQLite matches it ignoring ASCII case: a superset)
            queries.append(columns.where((DocumentRow.path == root)
                                         | DocumentRow.path.startswith(root.rstrip(os.sep) + os.sep, autoescape=True)))
        with self.session() as session:
            return {r.path: DocumentState(r.id, r.path, r.sha256, r.failed_sha256, r.status)
                    for query in queries for r in session.execute(query)}

    @guarded
    def documents(self, collection: str | None = None) -> list[DocumentInfo]:
        query = select(DocumentRow, CollectionRow.name).join(CollectionRow).order_by(CollectionRow.name, DocumentRow.path)
        if collection is not None:
            query = query.where(CollectionRow.name == collection)
        ocr_marked = select(ChunkRow.document_id).where(cast(ChunkRow.element_types, String).like('%"OCR"%')).distinct()
        with self.session() as session:
            ocr = set(session.scalars(ocr_marked))
            return [
                DocumentInfo(d.id, name, d.path, d.file_type, d.status, d.n_chunks, d.error, d.updated_at, d.id in ocr)
                for d, name in session.execute(query)
            ]

    @guarded
    def named_in(self, text: str) -> list[str]:
        """The stored documents' file names that ``text`` names ("What ZIP code is given in simple.docx?"),
        as stored (the name's case may differ in the text). Only written-out names with an extension."""
        wanted = {m.lower() for m in _FILE_NAME.findall(text)}
        if not wanted:
            return []
        ends = [func.lower(DocumentRow.path).endswith(os.sep + name, autoescape=True) for name in wanted]
        with self.session() as session:
            return sorted({PurePath(p).name for p in session.scalars(select(DocumentRow.path).where(or_(*ends)))})

    @guarded
    def old_vectors(self, collection_id: int, path: str) -> dict[str, bytes]:
        """Vectors of a document's stored chunks by text key, so unchanged passages are not re-embedded."""
        with self.session() as session:
            rows = session.execute(
                select(ChunkRow.key, ChunkRow.vector)
                .join(DocumentRow)
                .where(DocumentRow.collection_id == collection_id, DocumentRow.path == path)
            )
            return {r.key: r.vector for r in rows}

    @guarded
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
            rows = [ChunkRow(**chunk_values(document.id, chunk, vector)) for chunk, vector in zip(chunks, vectors, strict=True)]
            session.add_all(rows)
            session.flush()
            return removed, [row.id for row in rows]

    @guarded
    def store_documents(self, collection_id: int, documents: Sequence[tuple[SourceFile, Sequence[Chunk], np.ndarray, int]]) -> int:
        """Add new documents, each ``(source, chunks, vectors, n_chars)``, in one transaction: a bulk load.

        Chunks go in as one multi-row insert rather than one object each. A path the collection
        already holds is a ``CatalogError`` and nothing is written. Returns the chunks added.
        """
        with self.session.begin() as session:
            rows = [
                DocumentRow(collection_id=collection_id, path=source.path, sha256=source.sha256, size=source.size,
                            mtime=source.mtime, file_type=source.file_type, status="ok", n_chunks=len(chunks), n_chars=n_chars)
                for source, chunks, _, n_chars in documents
            ]
            session.add_all(rows)
            session.flush()
            values = [
                chunk_values(row.id, chunk, vector)
                for row, (_, chunks, vectors, _) in zip(rows, documents)
                for chunk, vector in zip(chunks, vectors, strict=True)
            ]
            if values:
                session.execute(insert(ChunkRow), values)
            return len(values)

    @guarded
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

    @guarded
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
