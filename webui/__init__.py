"""The Streamlit web UI: a thin layer over ``rag.Engine`` (chat, documents, settings pages)."""
