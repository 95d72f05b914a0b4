"""What a parser worker loads while it waits for its first file.

A worker is started before the files are known (``ingest.workers.start_parsers``) and is ready
well before the parent has opened the index and fingerprinted the files. unstructured imports a
file type's parser on first use, and for PDF that is most of a second's work or more: pandas,
matplotlib and numba come in with it, and numba loads its compiled reading-order (xy-cut)
functions on the first page it sorts. Doing that in the wait takes it off the critical path of
adding one document. Only the file types the caller names are loaded (the paths it was given),
so a folder of Markdown does not pay for the PDF stack, and loading stops as soon as a file
arrives: the parse then loads what it still needs itself, as it always did.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

# unstructured's module for a file type, where the name differs from the extension
MODULE_OF = {"htm": "html", "xhtml": "html", "xls": "xlsx", "xlsm": "xlsx", "doc": "docx", "docm": "docx",
             "ppt": "pptx", "pptm": "pptx", "eml": "email", "txt": "text", "text": "text", "markdown": "md",
             "tsv": "tsv", "log": "text"}


def expected_types(paths: Collection[str | Path]) -> frozenset[str]:
    """The file types among ``paths`` that are files (a folder's are not known before walking it)."""
    types = set()
    for path in paths:
        path = Path(path)
        try:
            if path.is_file():
                types.add(path.suffix.lower().lstrip("."))
        except OSError:
            continue
    return frozenset(t for t in types if t.isalnum())


def _steps(file_types: Collection[str]) -> Iterator[Callable[[], object]]:
    yield lambda: importlib.import_module("unstructured.partition.auto")
    yield lambda: importlib.import_module("ingest.chunk")
    for kind in sorted(file_types):
        module = f"unstructured.partition.{MODULE_OF.get(kind, kind)}"
        if importlib.util.find_spec(module) is None:
            continue
        yield lambda module=module: importlib.import_module(module)
        if kind == "pdf":
            yield lambda: importlib.import_module("ingest.tables")
            yield _reading_order


def _reading_order() -> None:
    """Load numba's compiled xy-cut functions as the first PDF page would (same argument types)."""
    import numpy as np
    from unstructured.partition.utils.xycut import recursive_xy_cut, recursive_xy_cut_swapped

    boxes = np.asarray([[0, 0, 10, 10], [20, 0, 30, 10], [0, 20, 10, 30]]).astype(int)
    for sort in (recursive_xy_cut, recursive_xy_cut_swapped):
        sort(boxes, np.arange(len(boxes)), [])


def warm_up(file_types: Collection[str], stop: Callable[[], bool]) -> None:
    """Load the parsers for ``file_types`` one step at a time until ``stop()`` says a file waits.
    A step that fails is skipped: the parse meets the same problem and reports it for its file."""
    if not file_types:
        return
    for step in _steps(file_types):
        if stop():
            return
        try:
            step()
        except Exception as exc:  # noqa: BLE001 - warming is optional; the parse reports real failures
            log.debug("warming a parser failed: %s", exc)
