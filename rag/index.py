"""The index folder: manifest + FAISS vectors + catalog, kept consistent with each other.

The catalog is the source of truth: it is written first (one transaction per document) and holds
every chunk's vector; FAISS is a derived copy, saved atomically by a writer together with its
checksum in the manifest. Opening an index never writes: it checks the manifest, verifies FAISS
against its checksum (rebuilding it from the catalog's vectors in memory when it is damaged) and
brings it in step with the catalog in memory; the next writer saves what was repaired. So a run
killed at any moment, or a damaged FAISS file, leaves nothing the catalog cannot restore, while a
missing or replaced catalog is an error rather than an empty index.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.catalog import Catalog
from rag.config import Settings
from rag.embed import Embedder, model_id
from rag.errors import IndexDamagedError, RagError, storage_error
from rag.keyword_index import KeywordIndex, catalog_difference, chunk_texts
from rag.manifest import (MANIFEST, Manifest, check_backend, check_catalog_file, check_catalog_matches, check_manifest,
                          check_not_emptied, embedding_backend_for, manifest_from_catalog, new_manifest, reread_checksum)
from rag.records import StoredChunk
from rag.vector_index import REWRITE_MIN, REWRITE_SHARE, VectorIndex
from rag.write_lock import writer_lock

log = logging.getLogger(__name__)

VECTORS = "vectors.faiss"


@dataclass(frozen=True)
class Hit:
    """A search result: the stored chunk and its similarity to the query."""

    score: float
    chunk: StoredChunk


class Index:
    """An opened index folder. Use ``Index.open``; call ``close`` (or use ``with``) when done."""

    def __init__(self, settings: Settings, manifest: Manifest, catalog: Catalog, vectors: VectorIndex) -> None:
        self.settings = settings
        self.manifest = manifest
        self.catalog = catalog
        self._vectors: VectorIndex | None = vectors  # None: a writer has not needed FAISS yet (``defer_vectors``)
        self.dir = settings.index_dir
        self.keyword: KeywordIndex = KeywordIndex.build(np.zeros(0, dtype=np.int64), [], "")
        self.unsaved = False  # repairs made in memory, written by the next writer (see write_lock)
        self._vectors_version: tuple = ()  # of the vectors.faiss this copy was read from
        self._in_step: tuple = ()  # (catalog stamp, FAISS object, its size) when ``reconcile`` last made them equal

    @property
    def vectors(self) -> VectorIndex:
        """The FAISS index, in step with the catalog; a writer that deferred it reads it now."""
        if self._vectors is None:
            self._read_deferred()
        return self._vectors

    def _read_deferred(self) -> None:
        """Read the FAISS file a writer deferred (``defer_vectors``) and bring it in step with the catalog."""
        self._vectors = VectorIndex(self.manifest.dimension, nprobe=self.settings.ivf_nprobe)
        self._load_vectors()
        self.reconcile()

    @vectors.setter
    def vectors(self, value: VectorIndex) -> None:
        self._vectors = value

    # ---- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None, *, create: bool = False,
             defer_vectors: bool = False) -> "Index":
        """Open (or with ``create``, make) the index in ``settings.index_dir``, reconciled in memory.

        ``defer_vectors`` (a writer): a big FAISS file is read only when needed, which a small change
        never is: its vectors go to the catalog, readers add them back from there (``reconcile``),
        and the file is rewritten once the catalog differs from it by ``REWRITE_SHARE`` (see ``save``).

        Never writes to an existing index. Raises ``IndexMismatchError`` when the index was built
        with another embedding model, ``IndexDamagedError`` when its manifest or catalog is damaged
        or missing (a damaged FAISS file is rebuilt from the catalog instead), ``StorageError`` when
        a file cannot be read or the catalog database is unreachable.
        """
        directory = settings.index_dir
        manifest_path = directory / MANIFEST
        wanted = embedder.model_id if embedder else model_id(settings.embedding_model)
        backend = embedder.backend if embedder else embedding_backend_for(settings)
        if not manifest_path.exists() and not create:
            raise RagError(f"no index at {directory}: create one with `rag ingest PATH --index {directory}`")
        manifest, damage = None, None
        if manifest_path.exists():
            try:
                manifest = Manifest.read(manifest_path)
                check_manifest(manifest, wanted, directory)
                check_backend(manifest, backend, directory)
            except IndexDamagedError as exc:
                damage = exc
            check_catalog_file(settings)
        catalog = cls._open_catalog(settings, create=not manifest_path.exists())
        try:
            if damage is not None:
                manifest = manifest_from_catalog(catalog, damage, wanted, directory, create=create)
                check_backend(manifest, backend, directory)
            elif manifest is None:
                manifest = new_manifest(settings, catalog, embedder, wanted)
                check_backend(manifest, backend, directory)
            index = cls(settings, manifest, catalog, VectorIndex(manifest.dimension, nprobe=settings.ivf_nprobe))
            index.unsaved = damage is not None
            check_catalog_matches(manifest, catalog, directory)
            if defer_vectors and damage is None and index._can_defer():
                index._vectors, index._vectors_version = None, _file_version(directory / VECTORS)
            else:
                index._load_vectors()
                check_not_emptied(manifest, catalog, len(index.vectors), directory / VECTORS)
                index.reconcile()
            index.keyword = KeywordIndex.load(directory) or index.keyword
            index.unsaved |= index.refresh_keyword(persist=False)
        except BaseException:
            catalog.close()
            raise
        return index

    @staticmethod
    def _open_catalog(settings: Settings, *, create: bool) -> Catalog:
        try:
            if create:
                settings.index_dir.mkdir(parents=True, exist_ok=True)
            return Catalog(settings.resolved_catalog_url, create=create)
        except OSError as exc:
            raise storage_error(exc, f"create the index folder {settings.index_dir}") from exc

    def _can_defer(self) -> bool:
        """A big FAISS file whose writer recorded what it holds (checksum, count, largest id, catalog)."""
        m = self.manifest
        return (m.vectors_count >= REWRITE_MIN and m.vectors_max_id >= 0 and bool(m.vectors_checksum) and bool(m.catalog_id)
                and bool(_file_version(self.dir / VECTORS)))

    def _drift(self) -> int:
        """By how many chunks the catalog differs from the saved FAISS file: the ones added since (ids
        above the file's largest; ids are never reused) and the ones of the file deleted since."""
        newer = self.catalog.count_chunks(above=self.manifest.vectors_max_id)
        return newer + self.manifest.vectors_count - (self.catalog.count_chunks() - newer)

    def change_vectors(self, removed: list[int], ids: np.ndarray | None = None, vectors: np.ndarray | None = None) -> None:
        """Mirror a catalog write in FAISS; a writer that has not read FAISS skips it (the catalog holds
        the vectors; whoever reads FAISS next adds them back)."""
        if self._vectors is None:
            return
        self._vectors.remove(removed)
        if ids is not None and len(ids):
            self._vectors.add(ids, vectors)

    def _load_vectors(self) -> None:
        """Read FAISS, or rebuild it from the catalog when it is missing, damaged or fails its checksum."""
        path = self.dir / VECTORS
        for attempt in range(2):
            version = _file_version(path)
            if not version:
                if self.manifest.vectors_count > 0:
                    log.warning("%s is missing; rebuilt from the catalog (the next ingest saves it)", path)
                    self._rebuild()
                return
            try:
                self.vectors = VectorIndex.load(path, self.manifest.dimension, self.settings.ivf_nprobe,
                                                checksum=self.manifest.vectors_checksum or None)
                self._vectors_version = version
                return
            except IndexDamagedError as exc:
                # A writer saves FAISS, then the manifest: between the two, re-reading the manifest helps.
                fresh = reread_checksum(self.dir / MANIFEST)
                if attempt == 0 and fresh and fresh != self.manifest.vectors_checksum:
                    self.manifest = dataclasses.replace(self.manifest, vectors_checksum=fresh)
                    continue
                log.warning("%s; rebuilt from the catalog's vectors (`rag ingest` saves the repair)", exc)
                self._rebuild()
                return

    def _rebuild(self) -> None:
        size = self.catalog.count_chunks()
        self.vectors = self.build_from_catalog(approximate=size >= self.settings.ann_threshold)
        self.unsaved = True

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.catalog.close()

    @contextmanager
    def write_lock(self, timeout: float = -1, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the lock every writer (an ingest, a deletion) holds; a second writer waits for the first.

        A writer that has to wait says so (``on_wait``, else a log message). Once it holds the lock,
        FAISS is re-read if another writer saved it meanwhile and brought in step with the catalog;
        on a clean exit, repairs not saved yet are written. ``Timeout`` when ``timeout`` s pass.
        """
        if self.catalog.read_only_error is not None:
            raise self.catalog.read_only_error
        with writer_lock(self.dir, timeout, on_wait or log.warning):
            self._catch_up()
            self.reconcile()
            yield
            if self.unsaved:
                self.save()

    def _catch_up(self) -> None:
        """Re-read FAISS if another process saved it since this copy was read (call under the lock);
        a writer that has not read it takes the saved manifest's record of the new file instead."""
        if _file_version(self.dir / VECTORS) == self._vectors_version:
            return
        if self._vectors is not None:
            self._reread_vectors()
            return
        damaged = self._adopt_saved_record()
        self._vectors_version = _file_version(self.dir / VECTORS)
        if damaged or not self._can_defer():
            self._read_deferred()

    def reload_vectors(self) -> None:
        """Re-read FAISS after another process saved it: verified against the checksum in the manifest
        (rebuilt from the catalog when damaged) and brought in step with the catalog, in memory."""
        if _file_version(self.dir / VECTORS) != self._vectors_version:  # a big index's file is not rewritten every time
            self._reread_vectors()
        self.reconcile()

    def _reread_vectors(self) -> None:
        self._adopt_saved_record()
        self._load_vectors()

    def _adopt_saved_record(self) -> bool:
        """Take the saved manifest's record of the FAISS file (checksum, size, largest id, catalog), as
        its last writer left it. True when the manifest is damaged (what was read at open is kept; a
        damaged FAISS file is still caught by its checksum)."""
        try:
            saved = Manifest.read(self.dir / MANIFEST)
        except IndexDamagedError:
            return True
        check_backend(saved, self.manifest.embedding_backend, self.dir)  # another process re-embedded it
        self.manifest = dataclasses.replace(self.manifest, vectors_checksum=saved.vectors_checksum, vectors_count=saved.vectors_count,
                                            vectors_max_id=saved.vectors_max_id, catalog_id=saved.catalog_id)
        return False

    # ---- consistency -----------------------------------------------------------------------

    def reconcile(self) -> tuple[int, int]:
        """Make FAISS hold exactly the catalog's chunks, in memory. Returns (vectors removed, vectors added)."""
        if self._vectors is None:  # not read (a writer's deferral): it is reconciled when it is
            return 0, 0
        stamp = self.catalog.stamp()  # before the ids: a write in between makes the next call compare again
        if self._in_step == (stamp, id(self.vectors), len(self.vectors)):
            return 0, 0  # neither changed since they were made equal (opening, then taking the write lock)
        in_catalog = self.catalog.chunk_ids()
        in_faiss = self.vectors.ids()
        if not len(in_faiss) and len(in_catalog) >= self.settings.ann_threshold:
            self._rebuild()  # one approximate build, not an exact index reshaped again at the next save
            return 0, len(in_catalog)
        orphans = np.setdiff1d(in_faiss, in_catalog, assume_unique=True)
        missing = np.setdiff1d(in_catalog, in_faiss, assume_unique=True)
        if len(orphans):
            self.vectors.remove(orphans.tolist())
        for ids, vectors in self.catalog.iter_vectors(missing.tolist()) if len(missing) else ():
            self.vectors.add(ids, vectors)
        if len(orphans) or len(missing):
            log.info("FAISS brought in step with the catalog: %d stale vectors dropped, %d restored from the catalog "
                     "(a run was interrupted, or a big index's file waits for more changes)", len(orphans), len(missing))
            self.unsaved = True
        self._in_step = (stamp, id(self.vectors), len(self.vectors))
        return len(orphans), len(missing)

    def refresh_keyword(self, *, persist: bool = True) -> bool:
        """Bring the BM25 index up to the catalog's chunks if they changed since. True if it changed.

        Only the difference is applied (chunks added, chunks deleted); when most of the index
        changed (or there was none) it is rebuilt whole. ``persist`` saves it; only a caller
        holding the write lock may ask for it.
        """
        stamp = self.catalog.stamp()
        if stamp == self.keyword.stamp:
            return False
        added, removed = catalog_difference(self.catalog, self.keyword, count=int(stamp.split(":")[0]))
        if len(added) + len(removed) > (len(self.keyword) + len(added) - len(removed)) // 2:
            ids, texts = chunk_texts(self.catalog, None)
            self.keyword = KeywordIndex.build(ids, texts, stamp)
            log.debug("keyword index rebuilt over %d chunks", len(texts))
        else:
            ids, texts = chunk_texts(self.catalog, added)
            self.keyword = self.keyword.updated(ids, texts, removed, stamp)
            log.debug("keyword index: %d chunks added, %d removed", len(ids), len(removed))
        if persist:
            self.keyword.save(self.dir)
        return True

    def delete_documents(self, document_ids: list[int]) -> int:
        """Delete documents, their chunks and vectors, then save FAISS and BM25. Returns chunks removed.

        Holds the write lock, so it waits for a running ingest to finish.
        """
        with self.write_lock():
            removed = self.catalog.delete_documents(document_ids)
            self.change_vectors(removed)
            self.save()
        return len(removed)

    def save(self) -> None:
        """Reshape (exact <-> approximate) if the size calls for it, write FAISS atomically, rebuild BM25,
        then record FAISS's checksum in the manifest.

        Called by the writer, which holds the write lock. ``StorageError`` on a full disk or a
        read-only folder; what was on disk before stays readable.
        """
        checksum, count, max_id = self.manifest.vectors_checksum, self.manifest.vectors_count, self.manifest.vectors_max_id
        if self._vectors is None and self._drift() > self.manifest.vectors_count * REWRITE_SHARE:
            self._read_deferred()  # with the catalog's changes in it, now worth writing
        if self._vectors is not None:
            self._reshape()
            if self.vectors.worth_saving or not checksum or not _file_version(self.dir / VECTORS):
                checksum, count = self.vectors.save(self.dir / VECTORS), len(self.vectors)
            max_id = self.vectors.saved_max_id  # of the file as written, or as read when it was kept
        self.refresh_keyword(persist=False)
        self.keyword.save(self.dir)
        meta = self.catalog.adopt_meta({"catalog_id": uuid.uuid4().hex, "embedding_model": self.manifest.embedding_model,
                                        "dimension": str(self.manifest.dimension),
                                        "embedding_backend": self.manifest.embedding_backend})
        self.manifest = dataclasses.replace(self.manifest, vectors_checksum=checksum, vectors_count=count,
                                            vectors_max_id=max_id, catalog_id=meta.get("catalog_id", ""))
        self.manifest.write(self.dir / MANIFEST)
        self._vectors_version = _file_version(self.dir / VECTORS)
        self.unsaved = False

    def _reshape(self) -> None:
        size, threshold = len(self.vectors), self.settings.ann_threshold
        want_approximate = size >= threshold or (self.vectors.approximate and size >= threshold // 2)
        if want_approximate == self.vectors.approximate:
            return
        log.info("rebuilding the vector index as %s over %d vectors", "IVF" if want_approximate else "exact", size)
        self.vectors = self.build_from_catalog(want_approximate)

    def build_from_catalog(self, approximate: bool) -> VectorIndex:
        """FAISS made anew from the catalog's vectors (the catalog is the source of truth)."""
        return VectorIndex.from_parts(self.manifest.dimension, self.catalog.iter_vectors(), approximate=approximate,
                                      nprobe=self.settings.ivf_nprobe)

    # ---- reading ---------------------------------------------------------------------------

    def search_ids(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(chunk id, cosine) of the k nearest chunks, optionally among allowed ids only, best first."""
        self._check_query(query)
        if not len(self.vectors):
            return []
        scores, ids = self.vectors.search(query.reshape(1, -1), k, allowed)
        return [(int(i), float(s)) for s, i in zip(scores[0], ids[0]) if i >= 0]

    def search_vector(self, query: np.ndarray, k: int = 5) -> list[Hit]:
        """Nearest chunks to one unit query vector, best first."""
        self._check_query(query)
        if not len(self.vectors):
            return []
        scores, ids = self.vectors.search(query.reshape(1, -1), k)
        found = self.catalog.get_chunks([int(i) for i in ids[0] if i >= 0])
        return [Hit(float(s), found[int(i)]) for s, i in zip(scores[0], ids[0]) if int(i) in found]

    def _check_query(self, query: np.ndarray) -> None:
        if query.shape[-1] != self.manifest.dimension:
            raise IndexDamagedError(
                f"{self.dir / MANIFEST} says {self.manifest.dimension} dimensions but the embedding model makes "
                f"{query.shape[-1]}; if the manifest is what was damaged, delete it and run `rag ingest PATH --index {self.dir}`"
            )


def _file_version(path: Path) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return ()
    return st.st_ino, st.st_mtime_ns, st.st_size
