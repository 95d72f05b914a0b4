"""The two embedding backends (torch fp32, ONNX Runtime int8): same model, same pipeline, recorded
in the manifest, and an index switched from one to the other by re-embedding it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import rag
from rag.config import Settings
from rag.embed import Embedder
from rag.errors import IndexMismatchError
from rag.index import MANIFEST, Index
from rag.reembed import reembed

from conftest import ROOT, SAMPLE_DOCS

QUESTION = "What is the chlorine contact time?"
TEXTS = [
    QUESTION,
    "The chlorine contact time is 35 minutes at design flow.",
    "Hotel cap per night: 180 EUR in Berlin, 150 EUR elsewhere.",
    "short",
    "The database migration has a planned downtime of two hours on Saturday night. " * 20,  # past the 256-token window
]


@pytest.fixture(scope="module")
def int8() -> Embedder:
    embedder = Embedder(backend="onnx-int8")
    embedder.warm_up()
    return embedder


@pytest.fixture(scope="module")
def int8_index(tmp_path_factory, int8: Embedder) -> Path:
    """sample_docs/ ingested with the int8 backend, once; tests copy it before writing."""
    from ingest.pipeline import ingest

    folder = tmp_path_factory.mktemp("int8") / "index"
    report = ingest([SAMPLE_DOCS], Settings(index_dir=folder, workers=1, embedding_backend="onnx-int8"), embedder=int8)
    assert report.failed == 0 and report.chunks > 0
    return folder


def test_int8_vectors_are_close_to_fp32(int8: Embedder, shared_embedder: Embedder):
    fp32 = Embedder(backend="torch") if shared_embedder.backend != "torch" else shared_embedder
    a, b = int8.encode(TEXTS), fp32.encode(TEXTS)
    assert a.shape == b.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1, atol=1e-5)
    assert (a * b).sum(axis=1).min() >= 0.98
    assert np.allclose(int8.encode_query(QUESTION), a[0], atol=0.02)


def test_int8_ingest_finds_the_answer(int8_index: Path):
    with rag.open(int8_index, embedding_backend="onnx-int8", create=False) as engine:
        for mode in ("dense", "hybrid"):
            passages = engine.retrieve(QUESTION, k=3, mode=mode)
            assert "35 minutes" in passages[0].text, mode
    assert json.loads((int8_index / MANIFEST).read_text())["embedding_backend"] == "onnx-int8"


def test_an_int8_vector_depends_on_its_text_alone(int8: Embedder):
    """Not on the texts it is encoded with: a re-ingest, a crash repair or a Ray actor stores the same vector."""
    texts = ["The chlorine contact time is 35 minutes at design flow.", "Riverside closes at 16:00 on Saturday.",
             "A much longer text about the Aurora X2 drone, its 47 minutes of flight time and its 9 km range. " * 3]
    together = int8.encode(texts)
    for i, text in enumerate(texts):
        assert np.array_equal(int8.encode([text])[0], together[i])
        assert np.array_equal(int8.encode_query(text), together[i])


def test_a_single_query_runs_on_query_threads(int8: Embedder):
    int8.encode_query(QUESTION)
    int8.encode(TEXTS)
    assert int8.query_threads == 1
    assert int8.onnx.query_session.get_session_options().intra_op_num_threads == 1
    assert int8.onnx.batch_session.get_session_options().intra_op_num_threads == os.cpu_count()


def test_the_other_backend_is_refused_with_what_to_do(int8_index: Path):
    with pytest.raises(IndexMismatchError) as refused:
        Index.open(Settings(index_dir=int8_index, embedding_backend="torch"))
    message = str(refused.value)
    assert "\n" not in message
    assert "'onnx-int8'" in message and "RAG_EMBEDDING_BACKEND=onnx-int8" in message
    assert f"rag reembed --index {int8_index} --backend torch" in message


def test_reembed_switches_the_index_to_the_other_backend(int8_index: Path, tmp_path: Path, shared_embedder: Embedder):
    folder = tmp_path / "index"
    shutil.copytree(int8_index, folder)
    torch_settings = Settings(index_dir=folder, embedding_backend="torch")
    chunks = reembed(torch_settings)
    assert chunks > 0
    assert reembed(torch_settings) == 0  # already done
    assert json.loads((folder / MANIFEST).read_text())["embedding_backend"] == "torch"
    fp32 = shared_embedder if shared_embedder.backend == "torch" else Embedder(backend="torch")
    with rag.open(folder, embedder=fp32, create=False, embedding_backend="torch") as engine:
        passages = engine.retrieve(QUESTION, k=3, mode="dense")
        assert "35 minutes" in passages[0].text
        # the stored vectors are the torch ones now, not int8's
        stored = engine.index.catalog.get_vectors([passages[0].chunk_id])[passages[0].chunk_id]
        assert np.allclose(stored, fp32.encode([passages[0].text])[0], atol=1e-5)
    with pytest.raises(IndexMismatchError, match="rag reembed"):
        Index.open(Settings(index_dir=folder, embedding_backend="onnx-int8"))


@pytest.fixture
def torch_index(int8_index: Path, tmp_path: Path) -> Path:
    """A copy of the int8 index re-embedded with torch, as an index built before the default changed."""
    folder = tmp_path / "index"
    shutil.copytree(int8_index, folder)
    reembed(Settings(index_dir=folder, embedding_backend="torch"))
    return folder


def test_a_manifest_without_a_backend_is_torch(torch_index: Path):
    folder = torch_index
    manifest = json.loads((folder / MANIFEST).read_text())
    del manifest["embedding_backend"]  # as written before backends existed
    (folder / MANIFEST).write_text(json.dumps(manifest))
    with Index.open(Settings(index_dir=folder, embedding_backend="torch")) as index:
        assert index.manifest.embedding_backend == "torch"
    with pytest.raises(IndexMismatchError, match="'torch'"):
        Index.open(Settings(index_dir=folder, embedding_backend="onnx-int8"))


def test_without_the_setting_an_index_keeps_the_backend_it_was_built_with(torch_index: Path, tmp_path: Path):
    """An index made before the default changed (torch) opens and answers with default settings."""
    folder = torch_index
    assert "embedding_backend" not in Settings(index_dir=folder).model_fields_set
    with rag.open(folder, create=False) as engine:
        assert engine.embedder.backend == "torch" and engine.index.manifest.embedding_backend == "torch"
        assert "35 minutes" in engine.retrieve(QUESTION, k=3, mode="dense")[0].text
    assert Embedder.from_settings(Settings(index_dir=tmp_path / "new")).backend == Settings().embedding_backend


def test_the_cli_reembeds(int8_index: Path, tmp_path: Path):
    from click.testing import CliRunner

    from rag.cli import main

    folder = tmp_path / "index"
    shutil.copytree(int8_index, folder)
    result = CliRunner().invoke(main, ["reembed", "--index", str(folder), "--backend", "torch"])
    assert result.exit_code == 0, result.output
    assert json.loads((folder / MANIFEST).read_text())["embedding_backend"] == "torch"


def test_ingest_with_int8_does_not_import_torch(tmp_path: Path):
    """The memory win: with a cached export, the process that embeds loads onnxruntime, not torch."""
    script = (
        "import sys\n"
        "from ingest.pipeline import ingest\n"
        "from rag.config import Settings\n"
        "if __name__ == '__main__':\n"
        f"    ingest([{str(SAMPLE_DOCS / 'bakery_handbook.md')!r}], Settings(index_dir={str(tmp_path / 'i')!r}, workers=1, "
        "embedding_backend='onnx-int8'))\n"
        "    print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr[-2000:]


@pytest.mark.slow
def test_a_missing_export_is_made_on_first_use(tmp_path: Path):
    """A pip-installed package has had no set-up step: the first use exports, logs it once, and works."""
    script = (
        "import logging; logging.basicConfig()\n"
        "from rag.embed import Embedder\n"
        "print(Embedder(backend='onnx-int8').encode_query('chlorine').shape)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=True)
    assert out.stdout.strip() == "(384,)"
    assert out.stderr.count("exporting the embedding model") == 1
    assert list((tmp_path / "cache" / "rag" / "onnx").glob("*/model-int8-*.onnx"))
