"""Switching an index to another backend of the same embedding model (`rag reembed`).

Every stored chunk is encoded again; the catalog's vectors and its record of the backend change in
one transaction, then FAISS is rebuilt from the catalog and the manifest records the backend. A run
killed before the manifest is written is finished by running it again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import numpy as np

from rag.config import Settings
from rag.embed import Embedder
from rag.errors import IndexMismatchError, RagError
from rag.index import Index
from rag.manifest import MANIFEST, Manifest


def reembed(settings: Settings, on_progress: Callable[[int, int], None] | None = None) -> int:
    """Re-embed the index in ``settings.index_dir`` with ``settings.embedding_backend`` (whatever
    backend it was built with). Returns the chunks encoded; 0 when it already uses that backend."""
    if not (settings.index_dir / MANIFEST).exists():
        raise RagError(f"no index at {settings.index_dir}: create one with `rag ingest PATH --index {settings.index_dir}`")
    built_with = Manifest.read(settings.index_dir / MANIFEST).embedding_backend
    if built_with == settings.embedding_backend:
        return 0
    with Index.open(settings.model_copy(update={"embedding_backend": built_with}), create=True) as index:
        return reembed_index(index, Embedder.from_settings(settings, backend=settings.embedding_backend), on_progress)


def reembed_index(index: Index, embedder: Embedder, on_progress: Callable[[int, int], None] | None = None) -> int:
    """Encode every chunk of an opened index again with ``embedder``; returns the chunks encoded."""
    if embedder.model_id != index.manifest.embedding_model:
        raise IndexMismatchError(f"re-embedding keeps the model: {embedder.model_id!r} is not the index's "
                                 f"{index.manifest.embedding_model!r}")
    with index.write_lock():
        total, done = index.catalog.count_chunks(), 0

        def encoded() -> Iterator[tuple[np.ndarray, np.ndarray]]:
            nonlocal done
            for ids, texts in index.catalog.iter_texts(batch=max(256, embedder.batch_size * 8)):
                yield ids, embedder.encode(texts)
                done += len(ids)
                if on_progress:
                    on_progress(done, total)

        index.catalog.replace_vectors(encoded(), {"embedding_backend": embedder.backend})
        index.manifest = dataclasses.replace(index.manifest, embedding_backend=embedder.backend)
        index.vectors = index.build_from_catalog(index.vectors.approximate)
        index.save()
    return done
