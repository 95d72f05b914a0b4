"""Term frequencies in immutable segments, and BM25 scored from them at query time.

A segment holds, for some chunks, a sparse chunk x term matrix of term frequencies in CSC form
(``indptr`` per term over one growing global vocabulary, ``rows`` and ``tf`` per posting), the
chunks' token counts and their catalog ids. Deleting a chunk only marks its row (a tombstone);
merging segments drops the marked rows. Nothing here depends on the corpus statistics, so adding
or deleting chunks never rewrites a segment: N, the total length and each term's document
frequency are kept beside the segments and BM25 is computed when a query comes.

The formula, its parameters and its float rounding are those of ``bm25s.BM25()`` (method and idf
"lucene", k1 1.5, b 0.75: idf rounded to float32, the term score computed in float64 and rounded
to float32, summed in float32 term by term in query order), so a score equals the one ``bm25s``
gives over the same tokens.
"""

from __future__ import annotations

import dataclasses
import math
import uuid
from dataclasses import dataclass

import numpy as np

K1, B = 1.5, 0.75  # bm25s.BM25() defaults
MERGE_FACTOR = 3  # a segment at most this many times all newer ones together is merged with them
PURGE_SHARE = 0.3  # a segment with this share of deleted rows is rewritten without them
FIELDS = ("ids", "lengths", "indptr", "rows", "tf")  # immutable arrays, one file each


@dataclass(frozen=True)
class Segment:
    """Chunks ``ids`` (ascending), their token counts, and their term frequencies by term."""

    name: str
    ids: np.ndarray  # int64 catalog chunk ids, ascending
    lengths: np.ndarray  # int32 tokens per chunk
    indptr: np.ndarray  # int64, one more than the terms known when the segment was written
    rows: np.ndarray  # int32 row of each posting
    tf: np.ndarray  # uint16 term frequency of each posting
    deleted: np.ndarray  # bool per row: tombstones

    @property
    def n_terms(self) -> int:
        return len(self.indptr) - 1

    @property
    def live(self) -> int:
        return len(self.ids) - int(self.deleted.sum())

    def posting(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows and term frequencies of the chunks containing ``term`` (deleted ones included)."""
        if term >= self.n_terms:
            return self.rows[:0], self.tf[:0]
        lo, hi = self.indptr[term], self.indptr[term + 1]
        return self.rows[lo:hi], self.tf[lo:hi]

    def document_frequency(self, rows: np.ndarray, n_terms: int) -> np.ndarray:
        """Per term, how many of the given rows (a bool mask) contain it, padded to ``n_terms``."""
        postings = np.flatnonzero(rows[self.rows])
        terms = np.searchsorted(self.indptr, postings, side="right") - 1
        return np.bincount(terms, minlength=n_terms).astype(np.int64)

    def live_document_frequency(self, n_terms: int) -> np.ndarray:
        counts = np.zeros(n_terms, dtype=np.int64)
        counts[: self.n_terms] = np.diff(self.indptr)
        if self.deleted.any():
            counts -= self.document_frequency(self.deleted, n_terms)
        return counts

    def rows_of(self, chunk_ids: np.ndarray) -> np.ndarray:
        """Rows of those of ``chunk_ids`` (ascending) this segment holds."""
        rows = np.searchsorted(self.ids, chunk_ids)
        inside = rows < len(self.ids)
        rows, chunk_ids = rows[inside], chunk_ids[inside]
        return rows[self.ids[rows] == chunk_ids]

    def without(self, rows: np.ndarray) -> "Segment":
        """A copy with more tombstones (the arrays are shared)."""
        deleted = self.deleted.copy()
        deleted[rows] = True
        return dataclasses.replace(self, deleted=deleted)


def new_name() -> str:
    return "s" + uuid.uuid4().hex[:16]


# ---- building -------------------------------------------------------------------------------


def term_ids(tokens: list[list[str]], vocab: dict[str, int], terms: list[str]) -> list[list[int]]:
    """Tokens -> global term ids; unseen terms are appended to ``vocab`` and ``terms``."""
    out = []
    for doc in tokens:
        ids = []
        for token in doc:
            term = vocab.get(token)
            if term is None:
                term = vocab[token] = len(terms)
                terms.append(token)
            ids.append(term)
        out.append(ids)
    return out


def segment_from_term_ids(ids: np.ndarray, docs: list[list[int]], n_terms: int) -> Segment:
    """One segment from the term ids of each chunk (``ids`` ascending)."""
    lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
    flat = np.fromiter((t for d in docs for t in d), dtype=np.int64, count=int(lengths.sum()))
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
    keys, tf = np.unique(flat * max(len(docs), 1) + rows, return_counts=True)  # sorted by term, then row
    terms = keys // max(len(docs), 1)
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(np.bincount(terms, minlength=n_terms), out=indptr[1:])
    return Segment(new_name(), np.asarray(ids, dtype=np.int64), lengths.astype(np.int32), indptr,
                   (keys % max(len(docs), 1)).astype(np.int32), np.minimum(tf, 65535).astype(np.uint16),
                   np.zeros(len(docs), dtype=bool))


# ---- merging --------------------------------------------------------------------------------


def merge(segments: list[Segment], n_terms: int) -> Segment:
    """One segment with the live rows of ``segments``, in their order; ids re-sorted if needed."""
    keep = [~s.deleted for s in segments]
    offsets = np.cumsum([0] + [int(k.sum()) for k in keep])
    counts = [_live_counts(s, k, n_terms) for s, k in zip(segments, keep)]
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(np.sum(counts, axis=0), out=indptr[1:])
    rows = np.empty(int(indptr[-1]), dtype=np.int32)
    tf = np.empty(int(indptr[-1]), dtype=np.uint16)
    start = indptr[:-1].copy()
    for segment, kept, offset, count in zip(segments, keep, offsets, counts):
        _place(segment, kept, int(offset), count, start, rows, tf)
        start += count
    ids = np.concatenate([s.ids[k] for s, k in zip(segments, keep)])
    lengths = np.concatenate([s.lengths[k] for s, k in zip(segments, keep)])
    merged = Segment(new_name(), ids, lengths, indptr, rows, tf, np.zeros(len(ids), dtype=bool))
    return merged if np.all(ids[1:] > ids[:-1]) else _sorted_rows(merged)


def _live_counts(segment: Segment, kept: np.ndarray, n_terms: int) -> np.ndarray:
    counts = np.zeros(n_terms, dtype=np.int64)
    counts[: segment.n_terms] = np.diff(segment.indptr)
    if not kept.all():
        counts -= segment.document_frequency(~kept, n_terms)
    return counts


def _place(segment: Segment, kept: np.ndarray, offset: int, count: np.ndarray, start: np.ndarray,
           rows: np.ndarray, tf: np.ndarray) -> None:
    """Copy the live postings of ``segment`` (``count`` per term) to ``start[term]`` onwards, rows
    renumbered from ``offset``."""
    terms = np.repeat(np.arange(segment.n_terms, dtype=np.int64), np.diff(segment.indptr))
    alive = kept[segment.rows]
    renumber = np.cumsum(kept) - 1 + offset
    terms, old_rows, freqs = terms[alive], segment.rows[alive], segment.tf[alive]
    first = np.concatenate(([0], np.cumsum(count)))[terms]  # where each term's live postings begin
    target = start[terms] + (np.arange(len(terms)) - first)
    rows[target] = renumber[old_rows]
    tf[target] = freqs


def _sorted_rows(segment: Segment) -> Segment:
    """The same segment with its rows in ascending id order (after ids arrived out of order)."""
    order = np.argsort(segment.ids, kind="stable")
    new_row = np.empty_like(order)
    new_row[order] = np.arange(len(order))
    return dataclasses.replace(segment, ids=segment.ids[order], lengths=segment.lengths[order],
                               rows=new_row[segment.rows].astype(np.int32))


def needs_merge(segments: list[Segment]) -> tuple[int, int] | None:
    """The (start, end) slice of ``segments`` to merge next, or None: a segment with many tombstones
    alone, else the newest segments from the oldest one that is at most ``MERGE_FACTOR`` times all
    newer ones together. Each segment is then larger than all newer ones, so there are a handful,
    and a large segment is rewritten only once about a third as much was added after it."""
    for i, s in enumerate(segments):
        if len(s.ids) and (s.deleted.sum() >= PURGE_SHARE * len(s.ids) or not s.live):
            return i, i + 1
    newer = 0
    first = None
    for i in range(len(segments) - 1, -1, -1):
        if newer and segments[i].live <= MERGE_FACTOR * newer:
            first = i
        newer += segments[i].live
    return None if first is None else (first, len(segments))


def merged(segments: list[Segment], n_terms: int) -> list[Segment]:
    """Apply ``needs_merge`` until nothing is left to merge; empty segments disappear."""
    segments = list(segments)
    while (span := needs_merge(segments)) is not None:
        start, end = span
        part = merge(segments[start:end], n_terms)
        segments[start:end] = [part] if len(part.ids) else []
    return segments


# ---- scoring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    """Corpus statistics over the live chunks."""

    n: int
    total_length: int
    df: np.ndarray  # int64 per term

    def idf(self, term: int) -> float:
        df = int(self.df[term])
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))  # bm25s "lucene" idf

    @property
    def avgdl(self) -> float:
        return self.total_length / self.n if self.n else 1.0


def length_norms(segment: Segment, stats: Stats) -> np.ndarray:
    """``k1 * (1 - b + b * length / avgdl)`` per row, float64: the part of BM25's denominator that
    depends on the chunk (computed once per index version, not per query)."""
    return K1 * ((1 - B) + B * segment.lengths.astype(np.float64) / stats.avgdl)


def term_scores(segment: Segment, term: int, stats: Stats, norms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``segment`` holding ``term`` and the term's BM25 share in each (float32); ``norms``
    from ``length_norms``."""
    rows, tf = segment.posting(term)
    tf = tf.astype(np.float64)
    part = norms[rows]
    part += tf
    np.divide(tf, part, out=part)
    part *= np.float32(stats.idf(term))  # bm25s keeps idf in float32
    return rows, part.astype(np.float32)


def accumulate(segment: Segment, shares: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Each row's score: the shares of the query's terms added in query order, deleted rows 0."""
    scores = np.zeros(len(segment.ids), dtype=np.float32)
    for rows, values in shares:
        scores[rows] += values
    if segment.deleted.any():
        scores[segment.deleted] = 0
    return scores
