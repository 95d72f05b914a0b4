"""The index manifest: what an index's vectors mean (embedding model, dimension, backend) and the
checksum of the FAISS file its last writer saved, stored beside them as ``manifest.json`` and
checked on every open. Also what to do when it is missing or damaged: the catalog records the same
facts, so a writer rewrites it from there.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from rag.config import Settings
from rag.embed import Embedder
from rag.errors import IndexDamagedError, IndexMismatchError, RagError, storage_error

if TYPE_CHECKING:  # the catalog (SQLAlchemy, ~0.2 s) is not imported to read a manifest
    from rag.catalog import Catalog

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
INDEX_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Manifest:
    """What the vectors mean; stored beside them and checked on every open."""

    embedding_model: str
    dimension: int
    normalized: bool = True
    metric: str = "inner_product"
    schema_version: int = INDEX_SCHEMA_VERSION
    created_at: str = ""
    vectors_checksum: str = ""  # of vectors.faiss as its last writer saved it ("" = not recorded)
    vectors_count: int = -1
    vectors_max_id: int = -1  # the largest chunk id in vectors.faiss as saved (-1: not recorded)
    catalog_id: str = ""  # the catalog the vectors come from: a replaced catalog is told from an emptied one
    embedding_backend: str = "torch"  # manifests written before the backend was recorded were all torch

    @classmethod
    def read(cls, path: Path) -> "Manifest":
        """The manifest at ``path``; ``IndexDamagedError`` when it is not one."""
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise storage_error(exc, f"read {path}") from exc
        except ValueError as exc:  # also UnicodeDecodeError
            raise IndexDamagedError(f"{path} is not valid JSON ({exc})") from exc
        known = {f.name for f in dataclasses.fields(cls)}
        try:
            manifest = cls(**{k: v for k, v in values.items() if k in known})
        except (AttributeError, TypeError) as exc:
            raise IndexDamagedError(f"{path} is not an index manifest (fields missing)") from exc
        if not (isinstance(manifest.embedding_model, str) and isinstance(manifest.dimension, int) and manifest.dimension > 0):
            raise IndexDamagedError(f"{path} is not an index manifest (no embedding model or dimension)")
        return manifest

    def write(self, path: Path) -> None:
        # A name of its own: two processes creating the same new index both write it, outside the
        # write lock, and a shared temporary name let one rename the other's file away.
        tmp = path.with_name(f"{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
        try:
            tmp.write_text(json.dumps(self.__dict__, indent=2) + "\n", encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise storage_error(exc, f"write {path}") from exc


def check_manifest(manifest: Manifest, wanted: str, directory: Path) -> None:
    if manifest.schema_version != INDEX_SCHEMA_VERSION:
        raise IndexMismatchError(
            f"index at {directory} has schema version {manifest.schema_version}, this version reads "
            f"{INDEX_SCHEMA_VERSION}; rebuild it: rm -r {directory} && rag ingest PATH --index {directory}"
        )
    if manifest.embedding_model != wanted:
        raise IndexMismatchError(
            f"index at {directory} was built with embedding model {manifest.embedding_model!r} "
            f"({manifest.dimension} dimensions), but the settings ask for {wanted!r}. Either set "
            f"RAG_EMBEDDING_MODEL={manifest.embedding_model!r}, or rebuild the index: "
            f"rm -r {directory} && rag ingest PATH --index {directory}"
        )


def embedding_backend_for(settings: Settings) -> str:
    """The embedding backend to use on ``settings.index_dir``: the one the settings set explicitly
    (an index built with another is then refused), else the one the index was built with (an index
    made before the default changed keeps working as it is), else the default for a new index."""
    if "embedding_backend" not in settings.model_fields_set:
        try:
            return Manifest.read(settings.index_dir / MANIFEST).embedding_backend
        except (OSError, RagError):
            pass
    return settings.embedding_backend


def check_backend(manifest: Manifest, backend: str, directory: Path) -> None:
    if manifest.embedding_backend != backend:
        raise IndexMismatchError(
            f"index at {directory} was embedded with embedding backend {manifest.embedding_backend!r}, but the settings "
            f"ask for {backend!r}: set RAG_EMBEDDING_BACKEND={manifest.embedding_backend}, or re-embed it: "
            f"rag reembed --index {directory} --backend {backend}"
        )


def check_catalog_file(settings: Settings) -> None:
    """A SQLite catalog that is gone or empty beside an existing index: say so instead of creating one."""
    from rag.database import sqlite_path

    path = sqlite_path(settings.resolved_catalog_url)
    if path is None:
        return
    try:
        size = os.path.getsize(path)
    except OSError:
        size = None
    if not size:
        state = "missing" if size is None else "empty (0 bytes)"
        raise IndexDamagedError(
            f"the catalog {path} is {state}; it holds the index's documents and chunks: restore it from a backup, "
            f"or rebuild: {rebuild_hint(settings.index_dir)}"
        )


def check_catalog_matches(manifest: Manifest, catalog: Catalog, directory: Path) -> None:
    """The catalog must be the one the vectors came from, holding vectors of the manifest's dimension."""
    meta = catalog.meta()
    if manifest.catalog_id and meta.get("catalog_id") != manifest.catalog_id:
        raise IndexDamagedError(
            f"the catalog at {catalog.safe_url} is not the one the index at {directory} was built with (it was deleted, "
            f"emptied or replaced); restore it from a backup, or rebuild: {rebuild_hint(directory)}"
        )
    stored = catalog.vector_dimension()
    if stored is not None and stored != manifest.dimension:
        raise IndexDamagedError(
            f"{directory / MANIFEST} says {manifest.dimension} dimensions but the catalog's vectors have "
            f"{stored}; if the manifest is what was damaged, delete it and run `rag ingest PATH --index {directory}` "
            f"(it is rewritten from the catalog)"
        )


def check_not_emptied(manifest: Manifest, catalog: Catalog, vectors: int, vectors_path: Path) -> None:
    """An index saved before catalog ids were recorded has only this to go by: no chunks at all beside
    a FAISS file full of vectors means the catalog was emptied, not the documents deleted."""
    if manifest.catalog_id or not vectors or catalog.count_chunks():
        return
    raise IndexDamagedError(
        f"the catalog at {catalog.safe_url} holds no chunks but {vectors_path} holds {vectors} vectors: the catalog "
        f"was emptied or replaced; restore it from a backup, or rebuild: {rebuild_hint(vectors_path.parent)}"
    )


def manifest_from_catalog(catalog: Catalog, damage: IndexDamagedError, wanted: str, directory: Path, *, create: bool) -> Manifest:
    """A damaged manifest's facts as the catalog recorded them, for a writer (which saves it); else the error."""
    meta = catalog.meta()
    if "embedding_model" not in meta or "dimension" not in meta:
        raise IndexDamagedError(
            f"{damage}; delete it and run `rag ingest PATH --index {directory}` with the embedding model the index was built with"
        )
    if not create:
        raise IndexDamagedError(f"{damage}; `rag ingest PATH --index {directory}` rewrites it from the catalog")
    manifest = Manifest(meta["embedding_model"], int(meta["dimension"]), catalog_id=meta.get("catalog_id", ""),
                        created_at=datetime.now(timezone.utc).isoformat(), embedding_backend=meta.get("embedding_backend", "torch"))
    check_manifest(manifest, wanted, directory)
    log.warning("%s; rewritten from the catalog", damage)
    return manifest


def new_manifest(settings: Settings, catalog: Catalog, embedder: Embedder | None, wanted: str) -> Manifest:
    """The manifest of a new index, or, for a catalog that has one's facts (its manifest was lost), theirs."""
    meta = catalog.meta()
    now = datetime.now(timezone.utc).isoformat()
    if "embedding_model" in meta and "dimension" in meta:  # a catalog that outlived its index folder
        manifest = Manifest(meta["embedding_model"], int(meta["dimension"]), created_at=now, catalog_id=meta.get("catalog_id", ""),
                            embedding_backend=meta.get("embedding_backend", "torch"))
        check_manifest(manifest, wanted, settings.index_dir)
    else:
        embedder = embedder or Embedder.from_settings(settings)
        stored = catalog.vector_dimension()
        if stored is not None and stored != embedder.dimension:
            raise IndexMismatchError(
                f"the catalog at {catalog.safe_url} holds vectors of {stored} dimensions, the embedding model {wanted!r} "
                f"makes {embedder.dimension}; use the model the catalog was built with"
            )
        meta = catalog.adopt_meta({"catalog_id": uuid.uuid4().hex, "embedding_model": wanted, "dimension": str(embedder.dimension),
                                   "embedding_backend": embedder.backend})
        manifest = Manifest(wanted, embedder.dimension, created_at=now, catalog_id=meta.get("catalog_id", ""),
                            embedding_backend=meta.get("embedding_backend", embedder.backend))
    manifest.write(settings.index_dir / MANIFEST)
    return manifest


def rebuild_hint(directory: Path) -> str:
    return f"rm -r {directory} && rag ingest PATH --index {directory}"


def reread_checksum(path: Path) -> str:
    try:
        return Manifest.read(path).vectors_checksum
    except RagError:
        return ""
