"""OCR with tesseract, page by page: PDF pages without a text layer, and images.

A PDF page whose text layer holds fewer than ``MIN_PAGE_CHARS`` characters is rendered with
pypdfium2 at ``DPI`` and read by the ``tesseract`` command; pages that have text keep it as it is,
so a mixed PDF (a scanned appendix behind typed pages) loses nothing and every element keeps its
page number. No layout model and nothing downloaded: tesseract's language data comes from Debian
packages (``tesseract-ocr-eng``; others by setting, e.g. ``eng+deu``).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

MIN_PAGE_CHARS = 20  # a page number or a stray header is not a text layer
DPI = 200
PAGE_TIMEOUT_S = 120


def tesseract_missing(languages: str) -> str | None:
    """Why OCR cannot run here (tesseract or a language pack is missing), or None."""
    if not shutil.which("tesseract"):
        return "OCR needs tesseract: install it (Debian: apt-get install tesseract-ocr tesseract-ocr-eng)"
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return f"tesseract does not run: {exc}"
    have = set(listed.split()[1:]) if listed else set()
    missing = [lang for lang in languages.split("+") if lang not in have]
    if missing:
        return (f"OCR language data missing for {', '.join(missing)}: install tesseract-ocr-{missing[0]} "
                "(Debian) or change RAG_OCR_LANGUAGES")
    return None


TESSERACT_READS = {"png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif", "webp", "pnm", "jp2"}


def ocr_image(image_path: str, languages: str) -> str:
    """The text tesseract reads in one image file (HEIC and other formats it cannot open are
    converted to PNG with Pillow first; HEIC through pi_heif, which unstructured already brings)."""
    if Path(image_path).suffix.lower().lstrip(".") not in TESSERACT_READS:
        with tempfile.TemporaryDirectory(prefix="rag-ocr-") as folder:
            converted = str(Path(folder) / "image.png")
            _to_png(image_path, converted)
            return ocr_image(converted, languages)
    result = subprocess.run(
        ["tesseract", image_path, "stdout", "-l", languages, "--psm", "3"],
        capture_output=True, text=True, timeout=PAGE_TIMEOUT_S,
    )
    if result.returncode != 0:
        raise RuntimeError(f"tesseract failed: {result.stderr.strip()[:200]}")
    return result.stdout


def _to_png(source: str, target: str) -> None:
    from PIL import Image

    try:
        import pi_heif

        pi_heif.register_heif_opener()
    except ImportError:  # HEIC then fails below with Pillow's reason
        pass
    with Image.open(source) as image:
        image.convert("RGB").save(target)


def ocr_blobs(blobs: list[bytes], languages: str) -> list[str]:
    """Text of pictures given as bytes (the pictures inside slides); an unreadable one gives ""."""
    texts = []
    with tempfile.TemporaryDirectory(prefix="rag-ocr-") as folder:
        for number, blob in enumerate(blobs):
            source, target = Path(folder) / f"picture{number}", Path(folder) / f"picture{number}.png"
            source.write_bytes(blob)
            try:
                _to_png(str(source), str(target))
                texts.append(ocr_image(str(target), languages))
            except (RuntimeError, OSError, ValueError, subprocess.SubprocessError):
                texts.append("")  # one unreadable picture is not the document's failure
    return texts


def pages_without_text(elements: list, page_count: int) -> list[int]:
    """Page numbers (from 1) whose parsed elements hold fewer than MIN_PAGE_CHARS characters."""
    chars = [0] * (page_count + 1)
    for element in elements:
        number = getattr(element.metadata, "page_number", None)
        if number and 1 <= number <= page_count:
            chars[number] += len((element.text or "").strip())
    return [n for n in range(1, page_count + 1) if chars[n] < MIN_PAGE_CHARS]


def ocr_pdf_pages(path: str, pages: list[int], languages: str, on_page: Callable[[int, int], None] | None = None) -> dict[int, str]:
    """Page number -> OCR text for the given pages of a PDF, one page rendered at a time."""
    import pypdfium2 as pdfium

    texts: dict[int, str] = {}
    document = pdfium.PdfDocument(path)
    try:
        with tempfile.TemporaryDirectory(prefix="rag-ocr-") as folder:
            image_path = str(Path(folder) / "page.png")
            for done, number in enumerate(pages, start=1):
                page = document[number - 1]
                bitmap = page.render(scale=DPI / 72, grayscale=True)
                bitmap.to_pil().save(image_path)
                bitmap.close()
                page.close()
                texts[number] = ocr_image(image_path, languages)
                if on_page:
                    on_page(done, len(pages))
    finally:
        document.close()
    return texts


def with_ocr_pages(path: str, elements: list, languages: str,
                   on_page: Callable[[int, int], None] | None = None) -> tuple[list, set[int]]:
    """The PDF's elements with its text-less pages OCR'd, in page order; and the pages OCR'd."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        page_count = len(document)
    finally:
        document.close()
    missing = pages_without_text(elements, page_count)
    if not missing:
        return elements, set()
    texts = ocr_pdf_pages(path, missing, languages, on_page)
    # a page's stray characters (a page number) give way to its OCR text
    return with_pages(elements, texts, languages), {number for number, text in texts.items() if text.strip()}


def with_pages(elements: list, texts: dict[int, str], languages: str) -> list:
    """``elements`` with the pages in ``texts`` (page number -> OCR text) replaced by that text's
    elements, in page order."""
    from unstructured.partition.text import partition_text

    by_page: dict[int, list] = {}
    for element in elements:
        by_page.setdefault(getattr(element.metadata, "page_number", None) or 0, []).append(element)
    for number, text in texts.items():
        if text.strip():
            found = partition_text(text=text, languages=[languages.split("+")[0]])
            for element in found:
                element.metadata.page_number = number
            by_page[number] = found
    return [e for number in sorted(by_page) for e in by_page[number]]
