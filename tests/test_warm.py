"""A parser worker spends its wait for the first file on that file's imports, and never on torch.

These run in fresh interpreters: in the test process everything is imported already."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from conftest import ROOT, SAMPLE_DOCS

from ingest.warm import expected_types


def _fresh(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_offline_spacy_stand_in_loads_without_torch_and_torch_still_imports_after():
    out = _fresh("""
        import sys
        from ingest.offline_nlp import choose_nlp
        assert choose_nlp() == "fallback"
        print("torch" in sys.modules)
        import unstructured.nlp.tokenize as tokenize
        print([t.tag_ for t in tokenize._get_nlp()("The starter is kept cold.")][:3])
        import torch
        print(torch.zeros(2).sum().item())
    """)
    assert out.split("\n")[:3] == ["False", "['NN', 'NN', 'VB']", "0.0"]


def test_the_command_module_stays_light_since_every_parser_worker_imports_it_again():
    """A worker spawned by `rag ingest` re-imports rag.cli as its __main__: the engine must not come along."""
    out = _fresh("""
        import sys
        import rag.cli
        print(sorted(m for m in ("rag.engine", "rag.index", "bm25s", "numba", "faiss", "torch") if m in sys.modules))
    """)
    assert out.split("\n")[0] == "[]"


def test_warming_for_pdf_loads_its_parser_and_compiled_reading_order_and_stops_when_told():
    out = _fresh("""
        import sys
        from ingest.offline_nlp import choose_nlp
        from ingest.warm import warm_up
        choose_nlp()  # as a worker does first (init_worker)
        warm_up({"md"}, stop=lambda: False)
        print("unstructured.partition.pdf" in sys.modules, "unstructured.partition.md" in sys.modules)
        warm_up({"pdf"}, stop=lambda: False)
        from unstructured.partition.utils.xycut import projection_by_bboxes, split_projection_profile
        print("unstructured.partition.pdf" in sys.modules, bool(projection_by_bboxes.signatures),
              bool(split_projection_profile.signatures), "torch" in sys.modules)
    """)
    assert out.split("\n")[:2] == ["False True", "True True True False"]
    out = _fresh("""
        import sys
        from ingest.warm import warm_up
        calls = []
        warm_up({"pdf"}, stop=lambda: calls.append(1) or len(calls) > 1)  # a file arrives after one step
        print(len(calls), "unstructured.partition.pdf" in sys.modules)
    """)
    assert out.split("\n")[0] == "2 False"


def test_expected_types_are_the_named_files_own(tmp_path: Path):
    (tmp_path / "a.PDF").write_bytes(b"%PDF-1.4")
    (tmp_path / "b.tar.gz").write_bytes(b"")
    (tmp_path / "no suffix").write_text("x")
    (tmp_path / "odd.p$f").write_text("x")
    named = [tmp_path / "a.PDF", tmp_path / "b.tar.gz", tmp_path / "no suffix", tmp_path / "odd.p$f", SAMPLE_DOCS,
             tmp_path / "missing.docx"]
    assert expected_types(named) == {"pdf", "gz"}


def test_the_early_worker_loads_the_pdf_parser_before_any_file_is_given(settings, embedder):
    """Seen from outside: numba's compiler library is mapped into the idle worker."""
    from ingest.workers import parse_options, start_parsers

    pool = start_parsers(parse_options(settings, embedder), warm=frozenset({"pdf"}))
    try:
        pid = pool.workers[0].process.pid
        deadline = time.monotonic() + 120
        while "llvmlite" not in Path(f"/proc/{pid}/maps").read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        maps = Path(f"/proc/{pid}/maps").read_text()
        assert "llvmlite" in maps
        assert "torch" not in maps  # the spaCy stand-in came without it
        assert pool.warm == frozenset()  # workers started later, when files wait, do not warm
    finally:
        pool.close()
