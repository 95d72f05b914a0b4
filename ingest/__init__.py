"""The ingestion pipeline: files -> elements -> chunks -> vectors -> index (FAISS + catalog)."""
