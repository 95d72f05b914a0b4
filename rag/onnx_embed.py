"""The ONNX Runtime int8 embedding backend: exported once from the local model folder, then run
with only onnxruntime, tokenizers and numpy (no torch in the process that embeds).

The pipeline is sentence-transformers' for a Transformer + mean Pooling + Normalize model:
tokenise with the model's tokenizer truncated at ``max_seq_length`` (special tokens included),
mean of the last hidden states over the attention mask, L2 normalisation.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from functools import cached_property
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

# Bump when the export recipe changes: the cached file is then made again.
EXPORT_VERSION = 1
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def cpu_has_vnni() -> bool:
    """AVX512-VNNI or AVX-VNNI: int8 dot products without the saturation that plain AVX2 risks."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return " avx512_vnni" in flags or " avx_vnni" in flags


def cache_root() -> Path:
    """Where exported models are kept: one folder per user, shared by every index and work tree
    (a pip-installed package has no repository folder to write into)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "rag" / "onnx"


def model_key(model_path: Path) -> str:
    """The model folder's identity: its name and a hash of its config, tokenizer and weights' size."""
    digest = hashlib.sha256(f"v{EXPORT_VERSION}".encode())
    for name in ("config.json", "tokenizer.json", "sentence_bert_config.json", "1_Pooling/config.json"):
        file = model_path / name
        digest.update(name.encode() + b"\0" + (file.read_bytes() if file.exists() else b""))
    for weights in sorted(model_path.glob("*.safetensors")) + sorted(model_path.glob("pytorch_model.bin")):
        digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
    return f"{model_path.name}-{digest.hexdigest()[:12]}"


def int8_path(model_path: Path) -> Path:
    """The cached int8 file of a model folder (it may not exist yet)."""
    isa = "vnni" if cpu_has_vnni() else "avx2"
    return cache_root() / model_key(model_path) / f"model-int8-{isa}.onnx"


def max_seq_length(model_path: Path) -> int:
    config = model_path / "sentence_bert_config.json"
    return int(json.loads(config.read_text())["max_seq_length"]) if config.exists() else 256


def check_pooling(model_path: Path) -> None:
    """Only mean pooling is reproduced here; another pooling would give other vectors silently."""
    from rag.errors import ModelNotFoundError

    config = model_path / "1_Pooling" / "config.json"
    if config.exists() and not json.loads(config.read_text()).get("pooling_mode_mean_tokens", False):
        raise ModelNotFoundError(
            f"the onnx-int8 embedding backend reproduces mean pooling only; {model_path} pools otherwise: "
            f"use embedding_backend = 'torch'"
        )


def ensure_int8(model_path: Path) -> Path:
    """The int8 ONNX file of the model, exported and quantised now when it is missing."""
    target = int8_path(model_path)
    if target.exists():
        return target
    from filelock import FileLock

    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target.parent / ".export.lock")):
        if not target.exists():  # another process may have made it while this one waited
            log.warning("exporting the embedding model %s to ONNX int8 in %s (once; takes about a minute)", model_path.name, target.parent)
            export_int8(model_path, target)
    return target


def export_int8(model_path: Path, target: Path) -> None:
    """torch -> ONNX (fp32), then onnxruntime dynamic quantisation to int8 weights, all offline."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    check_pooling(model_path)
    fp32 = target.with_name(f"model-fp32-{os.getpid()}.onnx")
    tmp = target.with_name(f"{target.stem}-{os.getpid()}.tmp.onnx")
    try:
        _export_fp32(model_path, fp32)
        # With VNNI the u8 x s8 products cannot saturate; plain AVX2 needs 7-bit weights (reduce_range).
        quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True, reduce_range=not cpu_has_vnni())
        os.replace(tmp, target)
    finally:
        for leftover in (fp32, tmp, fp32.with_name(fp32.name + ".data")):
            leftover.unlink(missing_ok=True)


def _export_fp32(model_path: Path, out: Path) -> None:
    import torch
    from transformers import AutoModel

    class LastHidden(torch.nn.Module):  # positional inputs, one output: what the exporter traces best
        def __init__(self) -> None:
            super().__init__()
            self.bert = AutoModel.from_pretrained(str(model_path), local_files_only=True, attn_implementation="eager")

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    model = LastHidden().eval()
    sample = tuple(torch.ones((2, 8), dtype=torch.int64) for _ in INPUTS)
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    with torch.no_grad():
        torch.onnx.export(
            model, sample, str(out), input_names=list(INPUTS), output_names=["last_hidden_state"],
            dynamic_axes={**axes, "last_hidden_state": {0: "batch", 1: "tokens"}}, opset_version=17, dynamo=False,
        )


class OnnxEncoder:
    """int8 MiniLM on onnxruntime: one session on every core for batches, one on ``query_threads``
    for single queries (two thread pools that would fight over a small machine's cores otherwise)."""

    def __init__(self, model_path: Path, query_threads: int) -> None:
        self.model_path = model_path
        self.query_threads = query_threads
        self.max_length = max_seq_length(model_path)
        check_pooling(model_path)

    @cached_property
    def file(self) -> Path:
        return ensure_int8(self.model_path)

    @cached_property
    def tokenizer(self):
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(self.model_path / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=self.max_length)
        pad_id = tokenizer.token_to_id("[PAD]") or 0
        tokenizer.enable_padding(pad_id=pad_id, pad_token=tokenizer.id_to_token(pad_id) or "[PAD]")
        return tokenizer

    def _session(self, threads: int):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        return ort.InferenceSession(str(self.file), options, providers=["CPUExecutionProvider"])

    @cached_property
    def batch_session(self):
        return self._session(os.cpu_count() or 1)

    @cached_property
    def query_session(self):
        return self._session(self.query_threads)

    @cached_property
    def dimension(self) -> int:
        return int(self.encode(["dimension"]).shape[1])

    def warm_up(self) -> None:
        self.batch_session  # noqa: B018

    def encode(self, texts: list[str], *, query: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one run per text.

        Dynamic quantisation scales activations per run, so in a batch a vector depends a little on the
        texts it shares the run with (cosine down to 0.985 on SQuAD2 paragraphs): a re-ingest, a crash
        repair or a Ray actor would store other vectors for the same text. One text per run makes a
        vector depend on its text alone, costs nothing here (300 SQuAD2 paragraphs: 2.23 s one by one,
        2.19 s in batches of up to 64, 2 cores) and needs no padding."""
        session = self.query_session if query else self.batch_session
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack([self._run(session, [text.strip()]) for text in texts])

    def _run(self, session, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        feed = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        hidden = session.run(["last_hidden_state"], feed)[0]
        mask = feed["attention_mask"][:, :, None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
