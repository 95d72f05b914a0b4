"""rag: retrieval-augmented generation over your own documents, offline, with checkable citations.

    import rag
    engine = rag.open(".rag-index")
    answer = engine.ask("How long can the drone fly?")
"""

from rag.config import Settings
from rag.errors import RagError

__all__ = ["Answer", "Citation", "Engine", "Filters", "Passage", "RagError", "Settings", "open"]
__version__ = "0.1.0"

_LAZY = {
    "open": "rag.engine",
    "Engine": "rag.engine",
    "ChatSession": "rag.engine",
    "Filters": "rag.retrieve",
    "Answer": "rag.records",
    "Citation": "rag.records",
    "Passage": "rag.records",
}


def __getattr__(name: str):
    # imported on first use, so parsing workers that import rag.config stay light
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'rag' has no attribute {name!r}")
