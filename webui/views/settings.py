"""Settings: the model and the retrieval knobs; saved in the index folder and applied to the next
question without a restart."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from rag.errors import RagError
from rag.llm import default_gguf
from webui import render, state

BACKENDS = {"llama_cpp": "GGUF file, run in this process (llama.cpp)",
            "openai": "OpenAI-compatible server (llama.cpp server, Ollama, vLLM, TGI)"}
MODES = {"hybrid": "hybrid (FAISS + BM25)", "dense": "dense (FAISS only)", "keyword": "keyword (BM25 only)"}


def server_problem(base_url: str, api_key: str) -> str | None:
    """None if the server lists its models within a few seconds, else what went wrong."""
    import openai

    try:
        openai.OpenAI(base_url=base_url, api_key=api_key or "none", timeout=3.0, max_retries=0).models.list()
    except openai.OpenAIError as exc:
        return str(exc) or type(exc).__name__
    return None


def main() -> None:
    engine = state.engine()
    current = engine.settings
    st.title("Settings")
    render.show_text(f"Index folder: {current.index_dir.absolute()} · saved to {state.SAVED} there", "rag-meta")
    with st.form("settings"):
        st.subheader("Model")
        backend = st.radio("Backend", list(BACKENDS), format_func=BACKENDS.get, index=list(BACKENDS).index(current.llm_backend))
        gguf = st.text_input("GGUF file", value=str(current.llm_model_path or ""), placeholder=str(default_gguf()),
                             help="Empty = the bundled SmolLM2-135M-Instruct.")
        base_url = st.text_input("Server URL", value=current.llm_base_url)
        model = st.text_input("Server model name", value=current.llm_model)
        api_key = st.text_input("API key", value=current.llm_api_key, type="password", help="Local servers ignore it.")
        n_ctx = st.number_input("Context size (tokens)", min_value=256, max_value=262_144, step=256, value=current.n_ctx)
        temperature = st.slider("Temperature", 0.0, 2.0, float(current.temperature), 0.05, help="0 = the same answer every time.")
        st.subheader("Retrieval")
        top_k = st.number_input("Passages per question (top-k)", min_value=1, max_value=50, value=current.top_k)
        mode = st.selectbox("Retrieval mode", list(MODES), format_func=MODES.get, index=list(MODES).index(current.retrieval_mode))
        submitted = st.form_submit_button("Save", type="primary", icon=":material/save:")
    if not submitted:
        return
    path = Path(gguf.strip()).expanduser() if gguf.strip() else None
    if backend == "llama_cpp" and path is not None and not path.is_file():
        st.error(render.md_text(f"No GGUF file at {path}. Nothing was saved."))
        return
    changes = dict(llm_backend=backend, llm_model_path=path, llm_base_url=base_url.strip(), llm_model=model.strip() or "local",
                   llm_api_key=api_key, n_ctx=int(n_ctx), temperature=float(temperature), top_k=int(top_k),
                   retrieval_mode=mode)
    try:
        state.save_settings(engine, changes)
    except (RagError, OSError) as exc:
        st.error(render.md_text(f"Not saved: {exc}"))
        return
    st.success("Saved. The next question uses these settings.")
    if backend == "openai" and (problem := server_problem(changes["llm_base_url"], api_key)):
        st.warning(render.md_text(f"The server at {changes['llm_base_url']} did not answer: {problem}. Start it before asking."))


main()
