"""Files -> elements (unstructured) -> chunks, run inside worker processes.

Every failure becomes a one-line reason on the ``ParsedDocument``; nothing raised here stops a run.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rag.records import ParsedDocument, SourceFile

log = logging.getLogger(__name__)

NEEDS_LIBREOFFICE = {"doc", "dot", "ppt", "pot", "pps", "xls", "xlt"}
NEEDS_PANDOC = {"rtf", "epub", "odt", "org", "rst"}
IMAGES = {"jpg", "jpeg", "png", "tif", "tiff", "bmp", "heic", "gif", "webp"}
ZIPPED = {"docx", "docm", "dotx", "xlsx", "xlsm", "pptx", "pptm", "odt", "ods", "odp", "epub"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NOT_DOCUMENTS = {"wav", "mp3", "mp4", "m4a", "ogg", "flac", "avi", "mov", "mkv", "zip", "gz", "tar", "7z", "rar",
                 "exe", "dll", "so", "bin", "iso", "dmg", "pyc", "o", "class", "jar", "sqlite", "db"}


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


def missing_tool(file_type: str) -> str | None:
    """Why this file type cannot be read on this machine, or None when it can."""
    if file_type in NEEDS_LIBREOFFICE and not shutil.which("soffice"):
        return f".{file_type} needs LibreOffice: install it (Debian: apt-get install libreoffice-core libreoffice-writer libreoffice-calc libreoffice-impress)"
    if file_type in NEEDS_PANDOC and not _pandoc_available():
        return f".{file_type} needs pandoc: install it (Debian: apt-get install pandoc, or pip install pypandoc-binary)"
    if file_type in IMAGES and not shutil.which("tesseract"):
        return f".{file_type} is an image and needs OCR: install tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-eng)"
    if file_type in NOT_DOCUMENTS:
        return f"unsupported file type .{file_type}: not a text document"
    return None


@lru_cache(maxsize=1)
def _pandoc_available() -> bool:
    if shutil.which("pandoc"):
        return True
    try:
        import pypandoc

        return bool(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return False


def check_strategy(strategy: str) -> str | None:
    """Why a partition strategy cannot run here (its models or tools are missing), or None."""
    if strategy == "fast":
        return None  # "auto" may pick hi_res for some PDFs, so it needs what hi_res needs
    if not shutil.which("tesseract"):
        return f"parse strategy {strategy!r} needs OCR: install tesseract (Debian: apt-get install tesseract-ocr)"
    if strategy in ("hi_res", "auto"):
        from huggingface_hub import try_to_load_from_cache

        if not isinstance(try_to_load_from_cache("unstructuredio/yolo_x_layout", "yolox_l0.05.onnx"), str):
            return (
                f"parse strategy {strategy!r} needs the layout model unstructuredio/yolo_x_layout in the local "
                "Hugging Face cache, and nothing is downloaded at run time; use RAG_PARSE_STRATEGY=fast"
            )
    return None


def check_file(source: SourceFile, options: ParseOptions) -> str | None:
    """Reasons to fail a file before parsing it: emptiness, size, a zip bomb, a missing converter."""
    if source.size == 0:
        return "empty file (0 bytes)"
    if source.size > options.max_bytes:
        return f"file is larger than the limit ({source.size / 2**20:.1f} MB > {options.max_bytes / 2**20:.1f} MB; raise RAG_MAX_FILE_MB)"
    if source.file_type in IMAGES and not options.ocr_languages:
        return f".{source.file_type} is an image and OCR is off (RAG_OCR=true turns it on)"
    if source.file_type in ZIPPED:
        if reason := check_zip(source.path, options.max_unzipped_bytes, options.max_zip_ratio):
            return reason
    return missing_tool(source.file_type)


def check_zip(path: str, max_bytes: int, max_ratio: float = 200.0) -> str | None:
    """Why a zip-based document must not be opened (it expands past the limit or far beyond its
    compressed size: a zip bomb), or None. Reads only the archive's directory, never the data."""
    with open(path, "rb") as handle:
        if handle.read(8) == OLE_MAGIC:  # an Office file saved with a password is an encrypted OLE container
            return "encrypted or password-protected: an Office file that needs a password, which is not supported"
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return f"not a valid {Path(path).suffix.lstrip('.')} file (broken zip archive: {exc})"
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    if total > max_bytes:
        return (f"refused as a possible zip bomb: its content expands to {total / 2**20:,.0f} MB "
                f"(limit {max_bytes / 2**20:,.0f} MB, RAG_MAX_UNZIPPED_MB)")
    if total > 16 * 2**20 and total > max_ratio * max(packed, 1):
        return (f"refused as a possible zip bomb: {packed / 2**20:.1f} MB expand {total / max(packed, 1):,.0f}-fold "
                f"to {total / 2**20:,.0f} MB")
    return None


def describe_error(exc: BaseException) -> str:
    """A one-line, user-facing reason for a parser exception."""
    text = f"{type(exc).__name__}: {exc}".replace("\n", " ")
    lowered = text.lower()
    if "password" in lowered or "encrypt" in lowered or "decrypt" in lowered:
        return f"encrypted or password-protected: {text[:300]}"
    if isinstance(exc, TimeoutError):
        return str(exc)
    if "filetype" in lowered and ("not supported" in lowered or "unsupported" in lowered):
        return f"unsupported file type: {text[:300]}"
    return f"parser failed: {text[:400]}"


# ---- worker process side -------------------------------------------------------------------

_state: dict = {}


def init_worker(options: ParseOptions, progress: Callable[[int, int], None] | None = None) -> None:
    """Runs once in each worker: quiet logs, the offline NLP choice, the tokenizer."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("UNSTRUCTURED_DISABLE_NOTICE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Parser chatter (encoding guesses, skipped table cells, pypdf repairs) would drown the progress
    # bar; what matters reaches the user as each file's one-line status instead.
    logging.getLogger().setLevel(logging.CRITICAL)
    logging.getLogger("unstructured").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")
    from ingest.offline_nlp import choose_nlp
    from rag.embed import load_tokenizer

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
    from ingest.chunk import make_chunks
    from ingest.tables import expand_tables, find_pdf_tables, pdf_tables
    from ingest.workers import Beside
    from rag.embed import token_offsets

    # a short PDF's tables are looked for in a second process while the text is read: both passes
    # read every page, and a single file's parse is what adding one document waits for
    tables = Beside(find_pdf_tables, source.path) if source.file_type == "pdf" and _short_pdf(source.path) else None
    try:
        elements = partition_with_fallbacks(source, options.strategy, options.ocr_languages)
        ocr_pages: set[int] = set()
        if source.file_type == "pdf":
            if options.ocr_languages:
                from ingest.ocr import with_ocr_pages

                elements, ocr_pages = with_ocr_pages(source.path, elements, options.ocr_languages, report_progress)
            elements = pdf_tables(source.path, elements, tables.result() if tables else None)
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


def partition_with_fallbacks(source: SourceFile, strategy: str, ocr_languages: str = "eng") -> list:
    """``unstructured.partition``, with fallbacks where its first try is known to give up needlessly:

    * e-mail whose attachment cannot be parsed (an image without OCR, audio): the message alone;
    * CSV/TSV that pandas rejects (ragged rows, UTF-16): the file read as plain text;
    * PDF where pdfminer finds no text: pypdf's text layer, page by page.

    E-mail gets its subject (as the title) and sender, recipients and date in front of its body,
    so a message can be found by what it is about and cited with who sent it.
    """
    from unstructured.partition.auto import partition

    kind = source.file_type
    languages = (ocr_languages or "eng").split("+")
    if kind in IMAGES:
        from ingest.ocr import ocr_image
        from unstructured.partition.text import partition_text

        # tesseract itself, as for PDF pages: unstructured's image path wants its layout model
        return partition_text(text=ocr_image(source.path, ocr_languages or "eng"), languages=languages[:1])
    try:
        elements = partition(filename=source.path, strategy=strategy, languages=languages)
    except Exception:
        if kind in ("eml", "msg", "p7s"):
            elements = partition(filename=source.path, strategy=strategy, languages=["eng"], process_attachments=False)
        elif kind in ("csv", "tsv"):
            return _as_plain_text(source.path)
        else:
            raise
    if kind == "pdf" and not any((e.text or "").strip() for e in elements):
        return _pdf_text_layer(source.path)
    if kind in ("eml", "p7s"):
        return _email_headers(source.path) + elements
    if kind in ("html", "htm", "xhtml"):
        return _html_checked(source.path, elements)
    return elements


def _html_checked(path: str, elements: list) -> list:
    """The parsed HTML, or its text read by the standard library when lxml lost most of it.

    lxml stops at 256 levels of nesting and drops what lies deeper, silently; a page nested that
    deep (generated, or made to hide text) is read as plain text instead, its block breaks kept.
    """
    from unstructured.partition.text import partition_text

    parsed = sum(len(e.text or "") for e in elements)
    text = html_text(Path(path).read_bytes().decode("utf-8", errors="replace"))
    if parsed >= 0.5 * len(text.replace("\n", "")) - 50:
        return elements
    log.debug("%s: HTML parser kept %d of %d characters; reading it as plain text", path, parsed, len(text))
    return partition_text(text=text, languages=["eng"])


def html_text(markup: str) -> str:
    """Visible text of an HTML page, block elements on their own lines; no nesting limit."""
    from html.parser import HTMLParser

    blocks = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
              "header", "footer", "blockquote", "pre", "ul", "ol", "dt", "dd", "title"}

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):  # noqa: ARG002
            if tag in ("script", "style", "template", "noscript"):
                self.skip += 1
            elif tag in blocks:
                self.parts.append("\n\n")

        def handle_endtag(self, tag):
            if tag in ("script", "style", "template", "noscript"):
                self.skip = max(0, self.skip - 1)
            elif tag in blocks:
                self.parts.append("\n\n")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    reader = Reader()
    reader.feed(markup)
    reader.close()
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(reader.parts))
    return re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip()


def _email_headers(path: str) -> list:
    import email
    from email import policy

    from unstructured.documents.elements import Text, Title

    with open(path, "rb") as handle:
        message = email.message_from_binary_file(handle, policy=policy.default)
    try:
        subject = str(message.get("Subject", "") or "").strip()
        fields = [(name, str(message.get(name, "") or "").strip()) for name in ("From", "To", "Cc", "Date")]
    except (ValueError, TypeError, IndexError):  # malformed headers: the body alone
        return []
    line = "; ".join(f"{name}: {value}" for name, value in fields if value)
    return ([Title(subject)] if subject else []) + ([Text(line)] if line else [])


def _as_plain_text(path: str) -> list:
    from unstructured.file_utils.encoding import detect_file_encoding
    from unstructured.partition.text import partition_text

    _encoding, text = detect_file_encoding(filename=path)
    return partition_text(text=text, languages=["eng"])


def _open_pdf(path: str):
    """A pypdf reader, or None when the PDF is locked by a password (an empty one is tried)."""
    import pypdf

    reader = pypdf.PdfReader(path)
    return None if reader.is_encrypted and not reader.decrypt("") else reader


def _pdf_text_layer(path: str) -> list:
    from unstructured.partition.text import partition_text

    reader = _open_pdf(path)
    if reader is None:
        return []
    elements = []
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        if text.strip():
            for element in partition_text(text=text, languages=["eng"]):
                element.metadata.page_number = number
                elements.append(element)
    return elements


def no_text_reason(source: SourceFile) -> str:
    """Why a file that parsed gave no text: encryption, a scan, or plain emptiness."""
    if source.file_type == "pdf":
        try:
            if _open_pdf(source.path) is None:
                return "encrypted PDF: it needs a password, which is not supported"
        except Exception:  # a PDF too broken for pypdf: the generic reason below
            pass
        return ("no text layer, and OCR found none either (a scan needs RAG_OCR=true and tesseract: "
                "apt-get install tesseract-ocr tesseract-ocr-eng)")
    if source.file_type in ("pptx", "docx"):
        return "no text could be extracted (only pictures, and OCR read no text in them, or OCR is off)"
    if source.file_type in IMAGES:
        return "OCR read no text in this image (a photo or drawing without words?)"
    return "no text could be extracted (the file is empty or blank)"
