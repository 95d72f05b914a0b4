"""What every ``rag`` command shares: text made safe for a terminal, the index option, settings
from options, search filters and the engine.

Document text, file names, collection names and errors can hold escape sequences; what a command
prints goes through ``clean`` (control characters and bidi overrides dropped) and its JSON through
``safe_json`` (escaped)."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import click
from rich.console import Console

from rag.config import Settings

err = Console(stderr=True)

# What a terminal would obey rather than show: C0 and C1 controls (ESC starts clear-screen and
# hyperlink sequences, CSI is one byte in C1) and the bidi overrides that reorder a line.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\t\n]+")

index_option = click.option(
    "--index", "index", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Index folder (default: RAG_INDEX_DIR or .rag-index).",
)


def clean(text: object, *, one_line: bool = False) -> str:
    """Text from documents, file names, collection names or errors, safe to print to a terminal."""
    text = _CONTROLS.sub("", str(text))
    return _LINE_BREAKS.sub(" ", text) if one_line else text


def safe_json(value) -> str:
    """JSON with C1 controls and bidi overrides escaped too (json escapes only C0): same data, inert."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


class CleanLog(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = clean(record.getMessage()), None
        return True


def settings_for(index: Path | None, **overrides) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    if index is not None:
        values["index_dir"] = index
    try:
        return Settings(**values)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


def filters_for(collection: str | None, path_glob: str | None, file_types: tuple[str, ...]):
    from rag.retrieve import Filters

    return Filters(collection=collection, path_glob=path_glob, file_types=tuple(file_types))


def open_engine(settings: Settings):
    from rag.engine import Engine

    return Engine(settings, create=False)
