"""A parser that takes its whole worker process down costs that file only."""

from __future__ import annotations

import os
from pathlib import Path

from ingest.parse import parse_in_worker
from ingest.pipeline import ingest
from rag.records import SourceFile


def parse_or_die(source: SourceFile):
    """Runs in the worker: dies like a segfaulting C parser on files named *crash*."""
    if "crash" in Path(source.path).name:
        os._exit(139)
    return parse_in_worker(source)


def test_a_file_that_kills_its_worker_fails_alone(settings, embedder, docs_dir: Path):
    (docs_dir / "crash-me.txt").write_text("this file takes its parser down")
    report = ingest([docs_dir], settings, embedder=embedder, parser=parse_or_die, workers=2)
    assert report.added == 9
    assert [(Path(e.path).name, e.error) for e in report.errors] == [("crash-me.txt", "the parser crashed on this file")]
