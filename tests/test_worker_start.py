"""What a parser worker loads when it starts: neither torch nor the engine.

Adding one document waits for the worker's start; these run in fresh interpreters (in the test
process everything is imported already)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from conftest import ROOT


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


def test_a_started_parser_worker_has_not_loaded_torch(settings, embedder):
    from ingest.workers import parse_options, start_parsers

    pool = start_parsers(parse_options(settings, embedder))
    try:
        deadline = time.monotonic() + 120
        while not pool.workers[0].ready and time.monotonic() < deadline:
            pool.poll(0.1)
        assert pool.workers[0].ready
        maps = Path(f"/proc/{pool.workers[0].process.pid}/maps").read_text()
        assert "spacy" in maps  # the offline stand-in is loaded
        assert "libtorch" not in maps
    finally:
        pool.close()
