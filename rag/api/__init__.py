"""`rag serve`: the framework over HTTP (FastAPI), OpenAI-compatible, with API keys per collection."""
