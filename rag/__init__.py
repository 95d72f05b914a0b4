"""rag: retrieval-augmented generation over your own documents, offline, with checkable citations.

    import rag
    engine = rag.open(".rag-index")
    answer = engine.ask("How long can the drone fly?")
"""

import os

# Offline means no telemetry and no lookups: set before any library that reads these is imported,
# in every process that imports rag (the CLI, the UI, parser workers, apps using the API).
for _name, _value in {
    "DO_NOT_TRACK": "1",  # unstructured's usage telemetry (scarf) and others honouring the convention
    "SCARF_NO_ANALYTICS": "true",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_OFFLINE": "1",  # nothing is downloaded at run time; models come from packages
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "UNSTRUCTURED_DISABLE_NOTICE": "1",  # it prints an advert on stdout, which is --json's
    "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
}.items():
    os.environ.setdefault(_name, _value)
if not os.environ.get("DO_NOT_TRACK"):  # an empty value would switch the opt-out off
    os.environ["DO_NOT_TRACK"] = "1"

from rag.config import Settings  # noqa: E402
from rag.errors import RagError  # noqa: E402

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
