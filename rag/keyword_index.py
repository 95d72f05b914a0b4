"""Chunk texts -> BM25 (``bm25s``), persisted beside the FAISS index and rebuilt when the catalog moves.

``bm25s`` has no incremental update, so the keyword index is rebuilt from the catalog whenever the
set of chunks changed. The set is identified by a stamp, ``count:max_id``: chunk ids are never
reused, so any addition raises the maximum and any deletion alone lowers the count. Rebuilding
costs about a second per 10k chunks (see ``bench/query.py``); it happens at the end of an ingest,
never during a query unless another process changed the catalog without rebuilding (a killed run).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

from rag.errors import storage_error

log = logging.getLogger(__name__)

POINTER = "keyword.json"
_STEMMER = Stemmer.Stemmer("english")


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-case words, English stop words removed, Snowball-stemmed: the same for chunks and queries."""
    return bm25s.tokenize(texts, stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False)


class KeywordIndex:
    """BM25 scores over chunk texts; ``ids[i]`` is the catalog chunk id of BM25 document ``i``."""

    def __init__(self, retriever: bm25s.BM25 | None, ids: np.ndarray, stamp: str) -> None:
        self.retriever = retriever
        self.ids = ids
        self.stamp = stamp
        self._position = {int(chunk_id): i for i, chunk_id in enumerate(ids)}

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def build(cls, ids: np.ndarray, texts: list[str], stamp: str) -> "KeywordIndex":
        ids = np.asarray(ids, dtype=np.int64)
        if not len(ids):
            return cls(None, ids, stamp)
        retriever = bm25s.BM25()
        retriever.index(tokenize(texts), show_progress=False)
        return cls(retriever, ids, stamp)

    # ---- persistence -----------------------------------------------------------------------

    def save(self, directory: Path) -> None:
        """Write into a fresh folder, then switch the pointer file atomically and drop the old folder.

        ``StorageError`` on a full disk or a read-only folder; the old index stays in use.
        """
        name = f"keyword-{self.stamp.replace(':', '-')}"
        tmp = directory / (name + ".tmp")
        try:
            self._write(directory, name, tmp)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise storage_error(exc, f"write the keyword index in {directory}") from exc

    def _write(self, directory: Path, name: str, tmp: Path) -> None:
        target = directory / name
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        np.save(tmp / "ids.npy", self.ids)
        if self.retriever is not None:
            self.retriever.save(str(tmp), show_progress=False)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(tmp, target)
        pointer = directory / POINTER
        old = _read_pointer(pointer)
        staged = pointer.with_name(POINTER + ".tmp")
        staged.write_text(json.dumps({"folder": name, "stamp": self.stamp}) + "\n", encoding="utf-8")
        os.replace(staged, pointer)
        if old and old.get("folder") != name:
            shutil.rmtree(directory / old["folder"], ignore_errors=True)

    @classmethod
    def load(cls, directory: Path) -> "KeywordIndex | None":
        """The saved index, or None when there is none or it cannot be read."""
        pointer = _read_pointer(directory / POINTER)
        if not pointer:
            return None
        folder = directory / pointer["folder"]
        try:
            ids = np.load(folder / "ids.npy")
            retriever = bm25s.BM25.load(str(folder), mmap=False) if len(ids) else None
        except (OSError, ValueError, KeyError, EOFError, TypeError) as exc:
            log.warning("keyword index at %s is unreadable (%s); it will be rebuilt", folder, exc)
            return None
        return cls(retriever, ids, pointer["stamp"])

    # ---- search ----------------------------------------------------------------------------

    def mask(self, allowed: np.ndarray | None) -> np.ndarray | None:
        """A 0/1 weight per BM25 document that keeps only the allowed chunk ids."""
        if allowed is None:
            return None
        weights = np.zeros(len(self.ids), dtype=np.float32)
        positions = [self._position[i] for i in allowed.tolist() if i in self._position]
        weights[positions] = 1.0
        return weights

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(chunk id, BM25 score) of the best k chunks containing a query term, best first."""
        if self.retriever is None or k <= 0:
            return []
        term_ids = self.retriever.get_tokens_ids(tokenize([query])[0])
        if not term_ids:
            return []
        scores = self.retriever.get_scores(term_ids, weight_mask=self.mask(allowed))
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.ids[i]), float(scores[i])) for i in top if scores[i] > 0]


def _read_pointer(path: Path) -> dict | None:
    try:
        pointer = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    # the folder is deleted when replaced: only ever one of ours, never a path elsewhere
    if not (isinstance(pointer, dict) and re.fullmatch(r"keyword-\d+-\d+", str(pointer.get("folder"))) and "stamp" in pointer):
        return None
    return pointer
