"""A parser that takes its whole worker process down costs that file only."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

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


def _die() -> None:
    os._exit(3)


def test_a_pdf_read_beside_its_tables_gives_the_same_tables_and_a_dead_helper_none():
    from ingest.pdf_tables import find_pdf_tables
    from ingest.workers import Beside
    from tests.test_tables import TABLES

    pdf = TABLES / "fleet_mileage_q3_2024.pdf"
    expected = find_pdf_tables(str(pdf))
    assert expected  # the file has a table to find
    assert Beside(find_pdf_tables, str(pdf)).result() == expected
    assert Beside(_die).result() is None  # the helper died: no tables, the file still parses
    slow = Beside(time.sleep, 60)
    slow.stop()  # a parse that failed or timed out: the helper is killed and reaped at once
    with pytest.raises(ProcessLookupError):
        os.kill(slow.pid, 0)


def test_the_parser_started_early_does_not_outlive_a_run_with_nothing_to_parse(settings, embedder, docs_dir: Path):
    import psutil

    ingest([docs_dir], settings, embedder=embedder)
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    report = ingest([docs_dir], settings, embedder=embedder)  # every file unchanged
    assert report.added == 0 and report.unchanged == report.files_seen
    assert {p.pid for p in psutil.Process().children(recursive=True)} - before == set()
