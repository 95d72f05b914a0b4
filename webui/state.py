"""What the pages share: the one engine per process, the settings saved from the UI, the chosen
collection and each browser session's chat."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import streamlit as st

import rag
from rag.config import Settings
from rag.engine import ChatSession, Engine

log = logging.getLogger("rag.webui")

SAVED = "ui-settings.json"  # in the index folder, next to the catalog
# what the settings page can change; everything else comes from RAG_* variables and rag.toml
UI_FIELDS = ("llm_backend", "llm_model_path", "llm_base_url", "llm_model", "llm_api_key", "top_k", "retrieval_mode",
             "temperature", "n_ctx")


def index_dir() -> Path:
    """``--index DIR`` after ``streamlit run webui/app.py --``, else RAG_INDEX_DIR, else the default."""
    argv = sys.argv[1:]
    if "--index" in argv and argv.index("--index") + 1 < len(argv):
        return Path(argv[argv.index("--index") + 1])
    return Settings().index_dir


def saved_settings(directory: Path) -> dict:
    path = directory / SAVED
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable %s: %s", path, exc)
        return {}
    return {k: v for k, v in values.items() if k in UI_FIELDS}


def save_settings(engine: Engine, changes: dict) -> Settings:
    """Apply changes to the running engine (validated there), then keep them for the next start."""
    settings = engine.configure(**changes)
    path = settings.index_dir / SAVED
    values = {name: getattr(settings, name) for name in UI_FIELDS}
    values = {k: str(v) if isinstance(v, Path) else v for k, v in values.items()}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(values, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return settings


@st.cache_resource(show_spinner="Loading the embedding model and the index ...")
def _engine(directory: str) -> Engine:
    path = Path(directory)
    return rag.open(path, **saved_settings(path))


def engine() -> Engine:
    """The process's engine over the index folder; created on the first page view, then reused."""
    return _engine(str(index_dir().absolute()))


def collection(engine: Engine) -> str:
    """The collection the user is working in (chat searches it, uploads join it)."""
    names = engine.collections()
    current = st.session_state.get("collection")
    if current not in names:
        current = engine.settings.collection if engine.settings.collection in names or not names else names[0]
        st.session_state["collection"] = current
    return current


def chat(engine: Engine) -> ChatSession:
    """This browser session's conversation."""
    if "chat" not in st.session_state or st.session_state["chat"].engine is not engine:
        st.session_state["chat"] = engine.chat()
        st.session_state["turns"] = []
    return st.session_state["chat"]


def new_chat() -> None:
    for key in ("chat", "turns", "open_citation", "queue"):
        st.session_state.pop(key, None)
