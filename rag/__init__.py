"""rag: retrieval-augmented generation over your own documents, offline, with checkable citations."""

from rag.config import Settings
from rag.errors import RagError

__all__ = ["Settings", "RagError"]
__version__ = "0.1.0"
