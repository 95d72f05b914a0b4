"""Typed records that flow through the pipeline, each carrying its provenance."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceFile:
    """A file found on disk, before parsing."""

    path: str  # absolute, resolved
    size: int
    mtime: float
    sha256: str
    file_type: str  # lower-case extension without the dot, or "" when there is none


@dataclass(frozen=True)
class Chunk:
    """A piece of a document's text, small enough for the embedding model, with where it came from."""

    ordinal: int  # position in the document, from 0
    text: str
    char_start: int  # span in the document's text (elements joined by blank lines)
    char_end: int
    pages: tuple[int, ...] = ()
    heading_path: tuple[str, ...] = ()
    element_types: tuple[str, ...] = ()
    n_tokens: int = 0
    window_split: bool = False  # True when a structural chunk was longer than the model window and was split

    @property
    def page(self) -> int | None:
        return self.pages[0] if self.pages else None


@dataclass(frozen=True)
class ParsedDocument:
    """What a worker returns for one file: its text's chunks, or the reason it failed."""

    source: SourceFile
    chunks: tuple[Chunk, ...] = ()
    n_chars: int = 0
    error: str | None = None


@dataclass(frozen=True)
class FileError:
    path: str
    error: str


@dataclass
class IngestReport:
    """Counts of one ingest run; ``to_dict`` is what ``rag ingest --json`` prints."""

    files_seen: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    missing: int = 0  # in the catalog but gone from disk, kept because --prune was not given
    chunks: int = 0  # chunks written by this run
    embedded: int = 0  # chunks that went through the embedding model in this run
    seconds: float = 0.0
    errors: list[FileError] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "files_seen": self.files_seen,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": self.failed,
            "missing": self.missing,
            "chunks": self.chunks,
            "embedded": self.embedded,
            "seconds": round(self.seconds, 3),
            "errors": [{"path": e.path, "error": e.error} for e in self.errors],
        }
