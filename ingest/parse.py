"""Files -> elements (unstructured) -> chunks, run inside worker processes.

Every failure becomes a one-line reason on the ``ParsedDocument``; nothing raised here stops a run.
What is checked before a parse is in ``ingest/checks.py``; the partition and its fallbacks in
``ingest/partition.py``.
"""

from __future__ import annotations

import logging
import os
import signal
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingest.checks import IMAGES, check_file, describe_error
from ingest.partition import no_text_reason, partition_with_fallbacks
from rag.records import ParsedDocument, SourceFile


@dataclass(frozen=True)
class ParseOptions:
    """What a worker needs to parse and chunk; plain data so it pickles to the worker processes."""

    strategy: str
    max_bytes: int
    max_unzipped_bytes: int
    max_zip_ratio: float
    timeout_s: float
    max_chars: int
    soft_chars: int
    overlap: int
    combine_under: int
    model_path: str
    window: int
    max_memory_mb: int  # a worker's memory limit: the parent's watchdog and the worker's address-space cap
    ocr_languages: str = ""  # tesseract languages ("eng", "eng+deu"); "" = OCR off


_state: dict = {}


def init_worker(options: ParseOptions, progress: Callable[[int, int], None] | None = None) -> None:
    """Runs once in each worker: quiet logs, deferred imports, the offline NLP choice, the tokenizer."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("UNSTRUCTURED_DISABLE_NOTICE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Parser chatter (encoding guesses, skipped table cells, pypdf repairs) would drown the progress
    # bar; what matters reaches the user as each file's one-line status instead.
    logging.getLogger().setLevel(logging.CRITICAL)
    logging.getLogger("unstructured").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")
    from ingest.deferred_imports import defer
    from ingest.offline_nlp import choose_nlp
    from rag.embed import load_tokenizer

    defer()  # the layout-model code a fast parse never runs is imported when (if ever) it is used
    choose_nlp()
    _state["tokenizer"] = load_tokenizer(Path(options.model_path))
    _state["options"] = options
    _state["progress"] = progress  # how a long file (OCR pages) reports how far it is


def report_progress(done: int, total: int) -> None:
    """Tell the parent how far a long file is (OCR pages); a no-op outside a watched worker."""
    if sender := _state.get("progress"):
        sender(done, total)


def _on_timeout(signum, frame):  # noqa: ARG001
    raise TimeoutError(f"parsing took longer than {_state['options'].timeout_s:.0f} s (RAG_PARSE_TIMEOUT_S)")


def parse_in_worker(source: SourceFile) -> ParsedDocument:
    """Parse and chunk one file. Always returns; failures are reported in ``error``."""
    options: ParseOptions = _state["options"]
    reason = check_file(source, options)
    if reason:
        return ParsedDocument(source=source, error=reason)
    previous = signal.signal(signal.SIGALRM, _on_timeout)
    signal.setitimer(signal.ITIMER_REAL, options.timeout_s)
    try:
        return _parse_and_chunk(source, options)
    except MemoryError:  # the worker's address-space cap (ingest/workers.py)
        return ParsedDocument(source=source, error=f"used more than {options.max_memory_mb} MB of memory while "
                                                   "parsing (RAG_PARSE_MAX_MEMORY_MB): a file that expands hugely?")
    except Exception as exc:  # any parser bug is this file's failure, not the run's
        return ParsedDocument(source=source, error=describe_error(exc))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _parse_and_chunk(source: SourceFile, options: ParseOptions) -> ParsedDocument:
    from ingest.affiliations import with_affiliations
    from ingest.chunk import make_chunks
    from ingest.hyphens import join_broken_words
    from ingest.pdf_tables import find_pdf_tables, pdf_tables
    from ingest.tables import expand_tables
    from ingest.workers import Beside
    from rag.embed import token_offsets

    # a short PDF's tables are looked for in a second process while the text is read: both passes
    # read every page, and a single file's parse is what adding one document waits for
    tables = Beside(find_pdf_tables, source.path) if source.file_type == "pdf" and _short_pdf(source.path) else None
    try:
        elements = partition_with_fallbacks(source, options.strategy, options.ocr_languages)
        for element in elements:  # a NUL is never text (a wide encoding read as bytes); search and quotes stumble on it
            if element.text and "\x00" in element.text:
                element.text = element.text.replace("\x00", "")
        ocr_pages: set[int] = set()
        if source.file_type == "pdf":
            if options.ocr_languages:
                from ingest.ocr import with_ocr_pages

                elements, ocr_pages = with_ocr_pages(source.path, elements, options.ocr_languages, report_progress)
            elements = pdf_tables(source.path, elements, tables.result() if tables else None)
            vocabulary = _state.setdefault("vocabulary", _state["tokenizer"].get_vocab())
            for element in elements:  # "ap- proximately" broken at a line end is "approximately" again
                if element.text and element.category != "Table":
                    element.text = join_broken_words(element.text, vocabulary)
            elements = with_affiliations(elements)  # "Zejiang Shen1" ... "1 Allen Institute for AI", said in words
        elif source.file_type == "pptx" and options.ocr_languages:
            elements, ocr_pages = _with_slide_pictures(source.path, elements, options.ocr_languages)
    finally:
        if tables:
            tables.stop()  # the text could not be read, or the parse timed out: the helper goes too
    tokenizer = _state["tokenizer"]
    elements = expand_tables(elements, options.max_chars, lambda text: len(token_offsets(tokenizer, text)) <= options.window)
    doc_text, chunks = make_chunks(
        elements,
        max_chars=options.max_chars,
        soft_chars=options.soft_chars,
        overlap=options.overlap,
        combine_under=options.combine_under,
        tokenize=lambda text: token_offsets(tokenizer, text),
        window=options.window,
    )
    if not chunks:
        return ParsedDocument(source=source, error=no_text_reason(source))
    if source.file_type in IMAGES or ocr_pages:  # provenance: `rag docs` shows which documents were OCR'd
        chunks = [_marked_ocr(c) if source.file_type in IMAGES or ocr_pages & set(c.pages) else c for c in chunks]
    return ParsedDocument(source=source, chunks=tuple(chunks), n_chars=len(doc_text))


OCR = "OCR"  # the element type recorded for text read from pixels


def _with_slide_pictures(path: str, elements: list, languages: str) -> tuple[list, set[int]]:
    """Slides without any text but with pictures (a scanned handout, a screenshot deck): their
    pictures OCR'd, as elements of that slide's page. Slides with text are left as they are."""
    from pptx import Presentation

    from ingest.ocr import ocr_blobs, with_pages

    with_text = {getattr(e.metadata, "page_number", None) for e in elements if (e.text or "").strip()}
    texts: dict[int, str] = {}
    for number, slide in enumerate(Presentation(path).slides, start=1):
        if number in with_text:
            continue
        blobs = [shape.image.blob for shape in slide.shapes if getattr(shape, "shape_type", None) == 13]  # pictures
        if text := "\n\n".join(t.strip() for t in ocr_blobs(blobs, languages) if t.strip()):
            texts[number] = text
    return (with_pages(elements, texts, languages), set(texts)) if texts else (elements, set())


def _marked_ocr(chunk):
    import dataclasses

    return dataclasses.replace(chunk, element_types=tuple(chunk.element_types) + (OCR,))


SHORT_PDF_PAGES = 50  # a longer PDF's second pass would hold its own copy of a big parse's memory


def _short_pdf(path: str) -> bool:
    try:
        from pypdf import PdfReader

        return len(PdfReader(path).pages) <= SHORT_PDF_PAGES
    except Exception:  # noqa: BLE001 - unreadable here: partition reports what is wrong
        return False


