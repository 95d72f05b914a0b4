"""Files made to sink a parser: zip bombs, a 100,000-page PDF, parsers that hang or eat memory,
HTML nested 100,000 deep. Each fails alone with its reason, in bounded time and memory, while the
other files of the same run are stored. Hostile files are generated here, never committed."""

from __future__ import annotations

import os
import signal
import threading
import time
import zipfile
from pathlib import Path

import psutil
import pytest

from ingest.checks import check_zip
from ingest.parse import parse_in_worker
from ingest.pipeline import ingest
from rag.catalog import Catalog
from rag.config import Settings
from rag.records import SourceFile

SAMPLE = Path(__file__).resolve().parents[2] / "sample_docs"


def _settings(tmp_path: Path, **overrides) -> Settings:
    return Settings(index_dir=tmp_path / "index", **{"workers": 2, **overrides})


def _with_good_files(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("weather_station_notes.txt", "bakery_handbook.md", "travel_policy.docx"):
        (folder / name).write_bytes((SAMPLE / name).read_bytes())
    return folder


def _errors(report) -> dict[str, str]:
    return {Path(e.path).name: e.error for e in report.errors}


class PeakMemory:
    """Samples the resident memory of this process's children (the parser workers) while running."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    self.peak_mb = max(self.peak_mb, child.memory_info().rss / 2**20)
                except psutil.Error:
                    pass
            time.sleep(0.05)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _docx_bomb(path: Path, expanded_mb: int) -> None:
    """A real .docx (python-docx opens it) whose document.xml expands to ``expanded_mb`` MB."""
    import docx

    plain = path.with_suffix(".plain.docx")
    docx.Document().save(plain)
    paragraph = b"<w:p><w:r><w:t>bomb</w:t></w:r></w:p>" * 25_000  # ~1 MB
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename != "word/document.xml":
                target.writestr(item, data)
                continue
            head, _, tail = data.partition(b"<w:body>")
            with target.open("word/document.xml", "w", force_zip64=True) as out:
                out.write(head + b"<w:body>")
                for _ in range(expanded_mb):
                    out.write(paragraph)
                out.write(tail)
    plain.unlink()


def test_zip_bombs_are_refused_before_parsing(tmp_path: Path):
    bomb = tmp_path / "bomb.docx"
    _docx_bomb(bomb, 40)
    assert bomb.stat().st_size < 2**20  # 40 MB of XML in well under 1 MB
    assert "expand" in check_zip(str(bomb), 2**30) and "fold" in check_zip(str(bomb), 2**30)  # the ratio
    assert "limit 16 MB" in check_zip(str(bomb), 16 * 2**20)  # the size
    assert check_zip(str(SAMPLE / "travel_policy.docx"), 2**30) is None
    assert check_zip(str(SAMPLE / "warehouse_inventory.xlsx"), 2**30) is None
    assert "broken zip" in check_zip(str(SAMPLE / "bakery_handbook.md"), 2**30)

    docs = _with_good_files(tmp_path / "docs")
    (docs / "bomb.docx").write_bytes(bomb.read_bytes())
    report = ingest([docs], _settings(tmp_path))
    assert report.added == 3
    assert "zip bomb" in _errors(report)["bomb.docx"]


@pytest.mark.slow
def test_a_bomb_that_passes_the_zip_check_is_stopped_by_the_memory_limit(tmp_path: Path):
    """The issue's bomb (XML expanding to > 1 GB took a parser past 7 GB), with the zip check off:
    the parent kills the worker at the memory limit; the other files are stored."""
    docs = _with_good_files(tmp_path / "docs")
    _docx_bomb(docs / "bomb.docx", 300)
    limit = 1024
    settings = _settings(tmp_path, max_unzipped_mb=100_000, max_zip_ratio=10_000, parse_max_memory_mb=limit, parse_timeout_s=120)
    with PeakMemory() as memory:
        started = time.monotonic()
        report = ingest([docs], settings)
        took = time.monotonic() - started
    assert report.added == 3
    assert f"used more than {limit} MB" in _errors(report)["bomb.docx"]
    assert memory.peak_mb < limit + 400, memory.peak_mb  # killed within one poll of crossing the limit
    assert took < 120, took


def _huge_pdf(path: Path, pages: int) -> None:
    """A valid PDF of ``pages`` pages sharing one small text stream, written directly (seconds)."""
    content = b"BT /F1 12 Tf 72 720 Td (A page of the very long report.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    first_page = len(objects) + 1
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    objects.extend([page] * pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


@pytest.mark.slow
def test_a_100000_page_pdf_times_out_in_bounded_time_and_memory(tmp_path: Path):
    """unstructured catches its own timeout and falls back to a text layer with no timer: the
    parent's watchdog is what stops it, within timeout + 10 s of the file starting."""
    docs = _with_good_files(tmp_path / "docs")
    _huge_pdf(docs / "huge.pdf", 100_000)
    timeout = 20
    settings = _settings(tmp_path, parse_timeout_s=timeout, parse_max_memory_mb=2048)
    finished: dict[str, float] = {}

    def on_progress(event) -> None:
        finished[Path(event.path).name if event.path else ""] = time.monotonic()

    with PeakMemory() as memory:
        report = ingest([docs], settings, on_progress=on_progress)
    assert report.added == 3
    assert _errors(report)["huge.pdf"] == f"timed out after {timeout} s (RAG_PARSE_TIMEOUT_S)"
    # from the run's start, which includes starting the workers (a few seconds)
    assert finished["huge.pdf"] - finished[""] < timeout + 10 + 15
    assert memory.peak_mb < 2048


def hang_on_purpose(source: SourceFile):
    """A parser stuck where no Python timer reaches it (it ignores SIGALRM, as C code can)."""
    if Path(source.path).name.startswith("hang"):
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(3600)
    return parse_in_worker(source)


def eat_memory(source: SourceFile):
    """A parser whose memory grows without end on files named *grow*."""
    if Path(source.path).name.startswith("grow"):
        hoard = []
        while True:
            hoard.append(bytearray(32 * 2**20))
            for block in hoard[-1:]:
                block[::4096] = b"x" * len(block[::4096])  # touch the pages so they are resident
            time.sleep(0.02)
    return parse_in_worker(source)


def test_a_parser_that_hangs_is_killed_and_the_run_goes_on(tmp_path: Path):
    docs = _with_good_files(tmp_path / "docs")
    (docs / "hang.txt").write_text("this file hangs its parser")
    started = time.monotonic()
    # 10 s: a worker's first parse imports unstructured's partitioners, over 3 s on a loaded 2-core machine
    report = ingest([docs], _settings(tmp_path, parse_timeout_s=10), parser=hang_on_purpose)
    assert report.added == 3, report.errors
    assert _errors(report) == {"hang.txt": "timed out after 10 s (RAG_PARSE_TIMEOUT_S)"}
    assert time.monotonic() - started < 60
    assert not _parser_processes()


def _parser_processes() -> list[str]:
    """Command lines of this process's live children other than multiprocessing's resource tracker."""
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE and "resource_tracker" not in " ".join(child.cmdline()):
                found.append(" ".join(child.cmdline()))
        except psutil.Error:
            pass
    return found


def test_a_parser_that_eats_memory_is_killed_at_the_limit(tmp_path: Path):
    docs = _with_good_files(tmp_path / "docs")
    (docs / "grow.txt").write_text("this file makes its parser grow")
    limit = 700
    with PeakMemory() as memory:
        report = ingest([docs], _settings(tmp_path, parse_max_memory_mb=limit, parse_timeout_s=120), parser=eat_memory)
    assert report.added == 3
    assert _errors(report)["grow.txt"].startswith(f"used more than {limit} MB of memory")
    assert memory.peak_mb < limit + 300, memory.peak_mb


def test_html_nested_100000_deep_keeps_all_its_text(tmp_path: Path):
    depth = 100_000
    parts = ["<html><body>"]
    for level in range(depth):
        parts.append("<div>")
        if level % 10_000 == 0:
            parts.append(f"Marker sentence number {level} about the lighthouse keeper. ")
    parts.append("The innermost secret is the blue door." + "</div>" * depth + "<p>A tail paragraph.</p></body></html>")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "deep.html").write_text("".join(parts))
    settings = _settings(tmp_path)
    report = ingest([docs], settings)
    assert report.added == 1 and not report.errors
    catalog = Catalog(settings.resolved_catalog_url)
    try:
        text = " ".join(t for _ids, texts in catalog.iter_texts() for t in texts)
    finally:
        catalog.close()
    for needle in ("number 0 about", "number 90000 about", "the blue door", "A tail paragraph"):
        assert needle in text


def test_json_nested_deeper_than_the_parser_goes_fails_alone(tmp_path: Path):
    docs = _with_good_files(tmp_path / "docs")
    (docs / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    (docs / "deep.ndjson").write_text('{"sku": "A-1", "price": 2}\n' + "[" * 200_000 + "]" * 200_000)
    (docs / "records.json").write_text('[{"sku": "GRD-3317", "name": "Pruning Shears", "price": 24.99}]')
    report = ingest([docs], _settings(tmp_path))
    errors = _errors(report)
    assert not {"weather_station_notes.txt", "bakery_handbook.md", "travel_policy.docx", "records.json"} & set(errors)
    assert report.added + len(errors) == 6
    for name in ("deep.json", "deep.ndjson"):  # not records: unstructured's reading, and its reason
        assert name in errors and "json" in errors[name].lower(), errors


def test_workers_are_capped_at_the_cores(caplog):
    from ingest.pipeline import workers_for

    cores = len(os.sched_getaffinity(0))
    with caplog.at_level("WARNING"):
        assert workers_for(100_000) == cores
    assert f"100000 parser workers asked for, but {cores} cores are available" in caplog.text
    assert workers_for(1) == 1
