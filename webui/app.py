"""The web UI's entry point.

    rag ui --index .rag-index                      # or:
    streamlit run webui/app.py -- --index .rag-index
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from rag.errors import RagError
from webui import render, state

VIEWS = Path(__file__).parent / "views"
log = logging.getLogger("rag.webui")

# an emoji favicon is drawn in the page; a :material/...: one is fetched from fonts.gstatic.com
st.set_page_config(page_title="rag: ask your documents", page_icon="\N{OPEN BOOK}", layout="wide")
render.style()

try:
    engine = state.engine()
except (RagError, ValueError) as exc:  # an index built with another embedding model, a bad saved setting, ...
    st.error(render.md_text(f"The index could not be opened: {exc}"))
    st.stop()

pages = [
    st.Page(VIEWS / "chat.py", title="Chat", icon=":material/forum:", default=True),
    st.Page(VIEWS / "documents.py", title="Documents", icon=":material/folder_open:"),
    st.Page(VIEWS / "settings.py", title="Settings", icon=":material/tune:"),
]
page = st.navigation(pages)
with st.sidebar:
    render.show_text(f"Index: {engine.settings.index_dir.absolute()}", "rag-meta")
    render.show_text(f"Collection: {state.collection(engine)} (switch on the Documents page)", "rag-meta")
try:
    page.run()
except RagError as exc:
    st.error(render.md_text(str(exc)))
except Exception as exc:  # noqa: BLE001 - a readable message for the user, the trace for the log
    log.exception("page %s failed", page.title)
    st.error(render.md_text(f"Something went wrong ({type(exc).__name__}): {exc}"))
