"""Chunk texts -> BM25, persisted beside the FAISS index and updated by the difference with the catalog.

Term frequencies live in immutable segments (``rag/bm25_segments.py``) over one growing vocabulary;
N, the total length and the document frequencies are kept beside them, and BM25 is computed at
query time with ``bm25s``'s formula, so scores equal a full ``bm25s`` build's over the same tokens.
Adding chunks writes one small segment, deleting marks rows; segments are merged lazily when the
index is saved (by the writer, at the end of an ingest), never during a query.

On disk a version is a folder ``keyword-TIME-PID`` (segment arrays, vocabulary, state), named by
the pointer file ``keyword.json``. Segment files are immutable: a new version hard-links the ones it
keeps from the previous folder and writes only what changed, then the pointer is switched
atomically, so a crash at any point leaves the previous version readable.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

from rag.bm25_segments import (FIELDS, Segment, Stats, accumulate, length_norms, merge, merged, segment_from_term_ids,
                               term_ids, term_scores)
from rag.catalog import Catalog
from rag.errors import storage_error
from rag.terms import calendar_words, file_words

log = logging.getLogger(__name__)

POINTER = "keyword.json"
STATE = "state.json"
# what a chunk's BM25 text is made of; an index saved with another recipe is rebuilt when opened
TEXT = "chunk text + file name words"
TERMS = "terms.json"
BATCH = 20_000  # chunks tokenised and turned into a segment at a time: bounds the memory of a build
HOT_POSTINGS = 20_000  # a term's scores in a segment are kept for the next queries when it is this common,
HOT_BUDGET = 16_000_000  # up to this many postings (64 MB) per index version
_FOLDER = re.compile(r"keyword-\d+-\d+")
_STEMMER = Stemmer.Stemmer("english")


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-case words, English stop words removed, Snowball-stemmed, short day and month names of a date written
    out ("Tue 11 Jun": ``rag.cite.calendar_words``): the same for chunks and queries."""
    return bm25s.tokenize([calendar_words(text) for text in texts], stopwords="en", stemmer=_STEMMER, return_ids=False,
                          show_progress=False)


def keyword_text(text: str, path: str) -> str:
    """What BM25 reads for a chunk: its text and its file name's words."""
    words = file_words(path)
    return f"{text}\n{words}" if words else text


class KeywordIndex:
    """BM25 scores over chunk texts, searchable by chunk id. Updates return a new index (copy on
    write), so a search running meanwhile sees one consistent version."""

    def __init__(self, segments: list[Segment], terms: list[str], vocab: dict[str, int], stats: Stats, stamp: str,
                 source: Path | None = None) -> None:
        self.segments = segments
        self.terms = terms  # append-only, shared between versions: term id -> term
        self.vocab = vocab  # term -> id, the same
        self.stats = stats
        self.stamp = stamp
        self._source = source  # the folder this version's segment files can be linked from
        self._norms: dict[str, np.ndarray] = {}  # per segment, for these stats
        self._hot: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]] = {}  # (segment, term) -> rows, scores

    def __len__(self) -> int:
        return self.stats.n

    @property
    def n_terms(self) -> int:
        return len(self.stats.df)

    @property
    def ids(self) -> np.ndarray:
        """The chunk ids held, ascending."""
        parts = [s.ids[~s.deleted] for s in self.segments]
        return np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)

    @property
    def max_id(self) -> int:
        """The largest chunk id held (-1 when none), without gathering and sorting them all."""
        top = -1
        for s in self.segments:
            live = ~s.deleted[::-1]  # each segment's ids ascend: its last live row holds its largest
            if len(live) and live.any():
                top = max(top, int(s.ids[len(live) - 1 - int(np.argmax(live))]))
        return top

    @classmethod
    def empty(cls, stamp: str = "") -> "KeywordIndex":
        return cls([], [], {}, Stats(0, 0, np.zeros(0, dtype=np.int64)), stamp)

    @classmethod
    def build(cls, ids: np.ndarray, texts: list[str], stamp: str) -> "KeywordIndex":
        index = cls.empty().updated(ids, texts, np.zeros(0, dtype=np.int64), stamp)
        segments = [merge(index.segments, index.n_terms)] if len(index.segments) > 1 else index.segments
        return cls(segments, index.terms, index.vocab, index.stats, stamp)

    # ---- updates ---------------------------------------------------------------------------

    def updated(self, added_ids: np.ndarray, added_texts: list[str], removed_ids: np.ndarray, stamp: str) -> "KeywordIndex":
        """A new index with ``removed_ids`` deleted and the added chunks in new segments."""
        segments, stats = self._without(np.unique(np.asarray(removed_ids, dtype=np.int64)))
        order = np.argsort(np.asarray(added_ids, dtype=np.int64), kind="stable")
        for start in range(0, len(order), BATCH):
            part = order[start : start + BATCH]
            docs = term_ids(tokenize([added_texts[i] for i in part]), self.vocab, self.terms)
            segment = segment_from_term_ids(np.asarray(added_ids, dtype=np.int64)[part], docs, len(self.terms))
            segments.append(segment)
            stats = _added(stats, segment, len(self.terms))
        return KeywordIndex(segments, self.terms, self.vocab, stats, stamp, self._source)

    def _without(self, removed: np.ndarray) -> tuple[list[Segment], Stats]:
        segments, stats = [], self.stats
        for segment in self.segments:
            rows = segment.rows_of(removed)
            rows = rows[~segment.deleted[rows]]
            if len(rows):
                gone = np.zeros(len(segment.ids), dtype=bool)
                gone[rows] = True
                df = stats.df - segment.document_frequency(gone, self.n_terms)
                stats = Stats(stats.n - len(rows), stats.total_length - int(segment.lengths[rows].sum()), df)
                segment = segment.without(rows)
            segments.append(segment)
        return segments, stats

    # ---- persistence -----------------------------------------------------------------------

    def save(self, directory: Path) -> None:
        """Merge segments if due, write a new version folder, switch the pointer, drop old folders.

        ``StorageError`` on a full disk or a read-only folder; the old index stays in use.
        """
        self.segments = merged(self.segments, self.n_terms)
        names = {s.name for s in self.segments}
        self._norms = {name: norms for name, norms in self._norms.items() if name in names}
        self._hot = {key: found for key, found in self._hot.items() if key[0] in names}
        name = f"keyword-{time.time_ns()}-{os.getpid()}"  # unique, whatever the stamp
        tmp = directory / (name + ".tmp")
        try:
            self._write(directory / name, tmp)
            _switch_pointer(directory, name, self.stamp)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise storage_error(exc, f"write the keyword index in {directory}") from exc
        self._source = directory / name
        _remove_old_folders(directory, keep=name)

    def _write(self, target: Path, tmp: Path) -> None:
        tmp.mkdir(parents=True)
        for segment in self.segments:
            for field in FIELDS:
                self._write_array(tmp, f"{segment.name}.{field}.npy", getattr(segment, field))
            if segment.deleted.any():
                np.save(tmp / f"{segment.name}.deleted.npy", np.flatnonzero(segment.deleted))
        (tmp / TERMS).write_text(json.dumps(self.terms[: self.n_terms]), encoding="utf-8")
        state = {"stamp": self.stamp, "n_terms": self.n_terms, "segments": [s.name for s in self.segments], "text": TEXT}
        (tmp / STATE).write_text(json.dumps(state) + "\n", encoding="utf-8")
        os.replace(tmp, target)

    def _write_array(self, folder: Path, name: str, array: np.ndarray) -> None:
        """Segment files never change: link the previous version's copy when there is one."""
        if self._source is not None:
            try:
                os.link(self._source / name, folder / name)
                return
            except OSError:
                pass
        np.save(folder / name, array)

    @classmethod
    def load(cls, directory: Path) -> "KeywordIndex | None":
        """The saved index, or None when there is none or it cannot be read."""
        pointer = _read_pointer(directory / POINTER)
        if not pointer:
            return None
        folder = directory / pointer["folder"]
        try:
            return cls._read(folder)
        except (OSError, ValueError, KeyError, EOFError, TypeError, IndexError, AttributeError) as exc:
            log.warning("keyword index at %s is unreadable (%s); it will be rebuilt", folder, exc)
            return None

    @classmethod
    def _read(cls, folder: Path) -> "KeywordIndex | None":
        state = json.loads((folder / STATE).read_text(encoding="utf-8"))
        if state.get("text") != TEXT:
            log.info("keyword index at %s was made from %s; it will be rebuilt from %s", folder,
                     state.get("text") or "chunk texts alone", TEXT)
            return None
        terms = json.loads((folder / TERMS).read_text(encoding="utf-8"))
        n_terms = int(state["n_terms"])
        if len(terms) != n_terms:
            raise ValueError(f"{len(terms)} terms, the state says {n_terms}")
        segments = [_read_segment(folder, name, n_terms) for name in state["segments"]]
        return cls(segments, terms, {t: i for i, t in enumerate(terms)}, _stats(segments, n_terms), state["stamp"], folder)

    def frequency(self, stem: str) -> int:
        """How many live chunks hold a (Snowball-stemmed) term."""
        term = self.vocab.get(stem)
        return int(self.stats.df[term]) if term is not None and term < len(self.stats.df) else 0

    # ---- search ----------------------------------------------------------------------------

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(chunk id, BM25 score) of the best k chunks containing a query term, best first (ties by id)."""
        segments, stats = self.segments, self.stats
        terms = [t for t in (self.vocab.get(w) for w in tokenize([query])[0]) if t is not None and t < len(stats.df)]
        if not terms or k <= 0 or not stats.n:
            return []
        allowed = None if allowed is None else np.unique(np.asarray(allowed, dtype=np.int64))
        found = [_best(s, accumulate(s, [self._term_scores(s, t) for t in terms]), k, allowed) for s in segments]
        ids = np.concatenate([i for i, _ in found]) if found else np.zeros(0, dtype=np.int64)
        scores = np.concatenate([s for _, s in found]) if found else np.zeros(0, dtype=np.float32)
        top = np.lexsort((ids, -scores))[:k]
        return [(int(ids[i]), float(scores[i])) for i in top]

    def _term_scores(self, segment: Segment, term: int) -> tuple[np.ndarray, np.ndarray]:
        """A term's BM25 shares in a segment; a common term's are kept, as bm25s keeps all of them."""
        found = self._hot.get((segment.name, term))
        if found is None:
            found = term_scores(segment, term, self.stats, self._norm(segment))
            if len(found[0]) >= HOT_POSTINGS and sum(len(r) for r, _ in self._hot.values()) + len(found[0]) <= HOT_BUDGET:
                self._hot[(segment.name, term)] = found
        return found

    def _norm(self, segment: Segment) -> np.ndarray:
        norms = self._norms.get(segment.name)
        if norms is None:
            norms = self._norms[segment.name] = length_norms(segment, self.stats)
        return norms


def catalog_difference(catalog: Catalog, keyword: KeywordIndex, count: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Chunk ids (added, removed): in the catalog and not in the keyword index (ascending), and the reverse.

    Ids are never reused and grow with each write, so when the catalog holds exactly the index's
    count plus the ids above its largest, those are all that changed; otherwise (a deletion)
    every id is compared. ``count``: the catalog's chunk count when the caller has it (from its
    ``stamp``; counting 1M rows takes ~80 ms).
    """
    top = keyword.max_id
    newer = np.sort(catalog.chunk_ids(above=top if top >= 0 else None))
    if (catalog.count_chunks() if count is None else count) == len(keyword) + len(newer):
        return newer, np.zeros(0, dtype=np.int64)
    held, current = keyword.ids, np.sort(catalog.chunk_ids())
    return np.setdiff1d(current, held, assume_unique=True), np.setdiff1d(held, current, assume_unique=True)


def chunk_texts(catalog: Catalog, ids: np.ndarray | None) -> tuple[np.ndarray, list[str]]:
    """Ids and BM25 texts (``keyword_text``) of the given chunks (all with None), in id order."""
    if ids is not None and not len(ids):
        return np.zeros(0, dtype=np.int64), []
    found, texts = [], []
    for part_ids, part_texts, paths in catalog.iter_texts_and_paths(None if ids is None else ids.tolist()):
        found.append(part_ids)
        texts.extend(keyword_text(text, path) for text, path in zip(part_texts, paths))
    return (np.concatenate(found) if found else np.zeros(0, dtype=np.int64)), texts


def _best(segment: Segment, scores: np.ndarray, k: int, allowed: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Ids and scores of the segment's best k allowed rows with a positive score (ties kept)."""
    if allowed is not None:
        keep = np.zeros(len(scores), dtype=bool)
        keep[segment.rows_of(allowed)] = True
        scores = np.where(keep, scores, np.float32(0))
    rows = np.flatnonzero(scores > 0)
    if len(rows) > k:
        kth = np.partition(scores[rows], len(rows) - k)[len(rows) - k]
        rows = rows[scores[rows] >= kth]
    return segment.ids[rows], scores[rows]


def _added(stats: Stats, segment: Segment, n_terms: int) -> Stats:
    df = np.zeros(n_terms, dtype=np.int64)
    df[: len(stats.df)] = stats.df
    df += segment.live_document_frequency(n_terms)
    return Stats(stats.n + len(segment.ids), stats.total_length + int(segment.lengths.sum()), df)


def _stats(segments: list[Segment], n_terms: int) -> Stats:
    df = np.zeros(n_terms, dtype=np.int64)
    for segment in segments:
        df += segment.live_document_frequency(n_terms)
    live = sum(s.live for s in segments)
    return Stats(live, sum(int(s.lengths[~s.deleted].sum()) for s in segments), df)


CHECKED_POSTINGS = 4_000_000  # segments up to this many postings have every row checked when read


def _read_segment(folder: Path, name: str, n_terms: int) -> Segment:
    if not re.fullmatch(r"s[0-9a-f]+", name):
        raise ValueError(f"bad segment name {name!r}")
    # mapped, not read: a search touches only its terms' postings, and opening a million chunks'
    # index (a writer adding one file, a new query process) does not read 350 MB first
    arrays = {field: np.load(folder / f"{name}.{field}.npy", allow_pickle=False, mmap_mode="r") for field in FIELDS}
    deleted = np.zeros(len(arrays["ids"]), dtype=bool)
    if (folder / f"{name}.deleted.npy").exists():
        deleted[np.load(folder / f"{name}.deleted.npy", allow_pickle=False)] = True
    segment = Segment(name, deleted=deleted, **arrays)
    if not (len(segment.lengths) == len(segment.ids) and segment.n_terms <= n_terms
            and int(segment.indptr[-1]) == len(segment.rows) == len(segment.tf)):
        raise ValueError(f"segment {name} is inconsistent")
    if len(segment.rows) <= CHECKED_POSTINGS and len(segment.rows) and int(segment.rows.max()) >= len(segment.ids):
        raise ValueError(f"segment {name} is inconsistent")  # a big segment's postings are not all read to check
    return segment


def _switch_pointer(directory: Path, name: str, stamp: str) -> None:
    pointer = directory / POINTER
    staged = pointer.with_name(POINTER + ".tmp")
    staged.write_text(json.dumps({"folder": name, "stamp": stamp}) + "\n", encoding="utf-8")
    os.replace(staged, pointer)


def _remove_old_folders(directory: Path, keep: str) -> None:
    """Every other version folder (and any left half-written by a killed run) is garbage now."""
    for path in directory.glob("keyword-*"):
        if path.name != keep and _FOLDER.fullmatch(path.name.removesuffix(".tmp")):
            shutil.rmtree(path, ignore_errors=True)


def _read_pointer(path: Path) -> dict | None:
    try:
        pointer = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    # the folder is deleted when replaced: only ever one of ours, never a path elsewhere
    if not (isinstance(pointer, dict) and _FOLDER.fullmatch(str(pointer.get("folder"))) and "stamp" in pointer):
        return None
    return pointer
