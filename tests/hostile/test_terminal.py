"""Escape sequences in document text, file names, collection names and errors never reach the
terminal: `rag` strips control characters from what it prints and escapes them in its JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import run_rag
from rag.terminal import clean

CLEAR_SCREEN = "\x1b[2J\x1b[H"
HYPERLINK = "\x1b]8;;http://evil.example/\x07click here\x1b]8;;\x07"
C1_CSI = "\x9b31m"  # the one-byte form of ESC [
BIDI = "\u202etxt.exe"
TEXT = (f"The lighthouse keeper {CLEAR_SCREEN}lit the lamp {HYPERLINK} at dusk{C1_CSI} and logged{BIDI} "
        "every ship\r that passed\b the rocks. ") * 3
NAME = "keeper\x1b[31m\x1b]0;pwned\x07.txt"
BAD_NAME = "broken\x1b[2J.docx"
# what no output may contain: every C0 control but newline and tab, DEL, C1, bidi overrides
WIDE = {"COLUMNS": "400"}  # so that the table shows whole paths
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_inert(*outputs: str) -> None:
    for output in outputs:
        found = UNSAFE.findall(output)
        assert not found, (found, output[-2000:])


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("terminal")
    docs = root / "docs"
    docs.mkdir()
    (docs / NAME).write_text(TEXT, encoding="utf-8")
    (docs / BAD_NAME).write_bytes(b"PK\x03\x04 not a zip archive")
    index = root / "index"
    result = run_rag("ingest", str(docs), "--index", str(index))
    assert result.returncode == 1, result.stderr[-2000:]  # the broken PDF failed, the rest was stored
    assert "broken" in result.stdout + result.stderr
    assert_inert(result.stdout, result.stderr)
    return index


def test_search_prints_document_text_and_names_without_control_characters(hostile_index: Path):
    result = run_rag("search", "Who lit the lamp at dusk?", "--index", str(hostile_index), "--k", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "lighthouse keeper" in result.stdout and "keeper" in result.stdout
    assert_inert(result.stdout, result.stderr)


def test_search_json_escapes_them_and_keeps_the_text_exact(hostile_index: Path):
    result = run_rag("search", "Who lit the lamp at dusk?", "--index", str(hostile_index), "--k", "1", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    assert_inert(result.stdout, result.stderr)
    passage = json.loads(result.stdout.splitlines()[-1])["passages"][0]
    assert CLEAR_SCREEN in passage["text"] and C1_CSI in passage["text"] and passage["source"].endswith(NAME)


def test_docs_lists_hostile_names_and_errors_inertly(hostile_index: Path):
    for extra in ((), ("--json",)):
        result = run_rag("docs", "--index", str(hostile_index), *extra, env=WIDE)
        assert result.returncode == 0, result.stderr[-2000:]
        assert "keeper" in result.stdout and "broken" in result.stdout
        assert_inert(result.stdout, result.stderr)
    listed = {Path(d["path"]).name for d in json.loads(result.stdout)}
    assert listed == {NAME, BAD_NAME}


def test_errors_naming_hostile_paths_and_collections_are_inert(tmp_path: Path):
    result = run_rag("search", "anything", "--index", str(tmp_path / f"gone{CLEAR_SCREEN}"))
    assert result.returncode == 3 and "no index" in result.stderr
    assert_inert(result.stdout, result.stderr)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("a short note")
    index = tmp_path / "index"
    result = run_rag("ingest", str(docs), "--index", str(index), "--collection", f"x{HYPERLINK}")
    assert_inert(result.stdout, result.stderr)
    if result.returncode == 0:  # the name was accepted: it is listed inertly
        listing = run_rag("docs", "--index", str(index), env=WIDE)
        assert listing.returncode == 0 and "a.txt" in listing.stdout
        assert_inert(listing.stdout, listing.stderr)
    else:
        assert result.returncode == 2, result.stderr[-2000:]


def test_clean_removes_controls_and_keeps_text():
    assert clean(f"a{CLEAR_SCREEN}b{C1_CSI}c{BIDI}\r\x07") == "a[2J[Hb31mctxt.exe"
    assert clean("line one\n\tline two") == "line one\n\tline two"
    assert clean("line one\n\tline two", one_line=True) == "line one line two"
