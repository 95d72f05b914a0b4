"""What the fault tests share: a copy of the sample index, its top hits, consistency checks, and the
one error line an exit 3 prints."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np

from conftest import run_rag
from rag.config import Settings
from rag.index import MANIFEST, VECTORS, Index, Manifest
from rag.vector_index import VectorIndex

QUESTION = "How long can the Aurora X2 fly?"
ANSWER = "47 minutes"


def copy_index(sample_index: Path, target: Path, **fields) -> Settings:
    shutil.copytree(sample_index, target)
    return Settings(index_dir=target, workers=1, **fields)


def top_hits(settings: Settings, embedder, question: str = QUESTION) -> list[tuple[int, float]]:
    with Index.open(settings, embedder) as index:
        return [(h.chunk.id, round(h.score, 4)) for h in index.search_vector(embedder.encode([question])[0], k=5)]


def assert_consistent(settings: Settings, embedder) -> None:
    """FAISS on disk passes its checksum and holds exactly the catalog's chunks."""
    manifest = Manifest.read(settings.index_dir / MANIFEST)
    on_disk = VectorIndex.load(settings.index_dir / VECTORS, manifest.dimension, checksum=manifest.vectors_checksum)
    with Index.open(settings, embedder) as index:
        assert np.array_equal(np.sort(index.catalog.chunk_ids()), np.sort(on_disk.ids()))
        assert not index.unsaved


def error_line(result: subprocess.CompletedProcess) -> str:
    """The one line an error exit printed, after checking it is exit 3 without a traceback."""
    assert result.returncode == 3, (result.returncode, result.stderr[-3000:])
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def search_cli(index: Path, question: str = QUESTION) -> subprocess.CompletedProcess:
    return run_rag("search", question, "--index", str(index), "--json", "--k", "3")
