"""Reasons to refuse a file before any parser opens it, and one-line reasons for parser failures.

Each check reads as little as it can (the size, a zip's directory, the tools on PATH), so a bad
file is turned away with a clear message before it costs a parse.
"""

from __future__ import annotations

import shutil
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.parse import ParseOptions
    from rag.records import SourceFile

NEEDS_LIBREOFFICE = {"doc", "dot", "ppt", "pot", "pps", "xls", "xlt"}
NEEDS_PANDOC = {"rtf", "epub", "odt", "org", "rst"}
IMAGES = {"jpg", "jpeg", "png", "tif", "tiff", "bmp", "heic", "gif", "webp"}
ZIPPED = {"docx", "docm", "dotx", "xlsx", "xlsm", "pptx", "pptm", "odt", "ods", "odp", "epub"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NOT_DOCUMENTS = {"wav", "mp3", "mp4", "m4a", "ogg", "flac", "avi", "mov", "mkv", "zip", "gz", "tar", "7z", "rar",
                 "exe", "dll", "so", "bin", "iso", "dmg", "pyc", "o", "class", "jar", "sqlite", "db"}


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
