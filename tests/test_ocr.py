"""Scans, images and legacy Office files: OCR with tesseract page by page, .doc/.ppt/.xls through
LibreOffice. The scanned and legacy files are made at test time from sample_docs/ (pages rendered
with pypdfium2; Office files converted by LibreOffice itself). CI installs both tools through
scripts/setup.sh; elsewhere these tests skip and say why."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import IN_CI, SAMPLE_DOCS, run_rag
from ingest.ocr import ocr_pdf_pages
from ingest.pipeline import ingest
from rag.catalog import Catalog
from rag.config import Settings

PDF = SAMPLE_DOCS / "water_treatment_report_2023.pdf"


def _need(tool: str, package: str) -> None:
    if shutil.which(tool) is None:
        if IN_CI:
            pytest.fail(f"{tool} is not installed; scripts/setup.sh installs {package} in CI")
        pytest.skip(f"{tool} is not installed (apt-get install {package}); scripts/setup.sh does it as root")


@pytest.fixture
def tesseract():
    _need("tesseract", "tesseract-ocr tesseract-ocr-eng")


@pytest.fixture
def libreoffice():
    _need("soffice", "libreoffice-core libreoffice-writer libreoffice-calc libreoffice-impress")


def _page_images(pdf: Path, dpi: int = 200) -> list:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return [document[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(document))]
    finally:
        document.close()


def scanned_copy(pdf: Path, target: Path) -> Path:
    """The same PDF as pictures of its pages only: no text layer, same page numbers."""
    images = _page_images(pdf)
    images[0].save(target, save_all=True, append_images=images[1:], resolution=200)
    return target


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def word_recall(reference: str, found: str) -> float:
    """Share of the reference's words (with repeats) that the OCR text holds."""
    from collections import Counter

    want, have = Counter(_words(reference)), Counter(_words(found))
    return sum(min(n, have[w]) for w, n in want.items()) / max(1, sum(want.values()))


def _chunks(settings: Settings) -> dict[str, list]:
    catalog = Catalog(settings.resolved_catalog_url, create=False)
    try:
        return {Path(d.path).name: catalog.chunks_of(d.path) for d in catalog.documents()}
    finally:
        catalog.close()


def test_ocr_reads_the_sample_pdf_pages_as_well_as_its_text_layer(tesseract, tmp_path: Path):
    import pypdf

    scan = scanned_copy(PDF, tmp_path / "scan.pdf")
    reader = pypdf.PdfReader(str(PDF))
    texts = ocr_pdf_pages(str(scan), list(range(1, len(reader.pages) + 1)), "eng")
    for number, page in enumerate(reader.pages, start=1):
        assert word_recall(page.extract_text(), texts[number]) >= 0.95, (number, texts[number][:300])


def test_a_scanned_pdf_and_a_mixed_one_keep_their_page_numbers(tesseract, tmp_path: Path, shared_embedder):
    """An image-only copy gives the same facts on the same pages; in a PDF whose last page is a scan,
    the typed pages keep their text layer and only the scanned page is OCR'd."""
    import pypdf

    docs = tmp_path / "docs"
    docs.mkdir()
    scanned_copy(PDF, docs / "scan.pdf")
    mixed = pypdf.PdfWriter(clone_from=str(PDF))
    mixed.add_page(pypdf.PdfReader(str(scanned_copy(PDF, tmp_path / "scan-only.pdf"))).pages[0])
    mixed.write(docs / "mixed.pdf")
    _page_images(PDF)[2].save(docs / "page.png")
    settings = Settings(index_dir=tmp_path / "index", workers=2)
    report = ingest([docs], settings, embedder=shared_embedder)
    assert report.failed == 0 and report.added == 3, report.errors

    chunks = _chunks(settings)
    original_pages = len(pypdf.PdfReader(str(PDF)).pages)
    contact = [c for c in chunks["scan.pdf"] if "35 minutes" in c.text]
    assert contact and contact[0].pages == (3,)  # where the text layer has it too
    assert all("OCR" in c.element_types for c in chunks["scan.pdf"])
    typed = [c for c in chunks["mixed.pdf"] if original_pages + 1 not in c.pages]
    scanned = [c for c in chunks["mixed.pdf"] if original_pages + 1 in c.pages]
    assert typed and not any("OCR" in c.element_types for c in typed)
    assert scanned and all("OCR" in c.element_types for c in scanned)
    assert any("35 minutes" in c.text for c in chunks["page.png"])

    listed = json.loads(run_rag("docs", "--index", str(settings.index_dir), "--json").stdout)
    assert {Path(d["path"]).name: d["ocr"] for d in listed} == {"scan.pdf": True, "mixed.pdf": True, "page.png": True}


def test_images_fail_with_a_reason_when_ocr_is_off(tmp_path: Path, shared_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    _page_images(PDF)[0].save(docs / "page.png")
    report = ingest([docs], Settings(index_dir=tmp_path / "index", ocr=False), embedder=shared_embedder)
    assert [e.error for e in report.errors] == [".png is an image and OCR is off (RAG_OCR=true turns it on)"]


def test_legacy_office_files_are_converted_by_libreoffice(libreoffice, tmp_path: Path, shared_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, kind in (("travel_policy.docx", "doc"), ("warehouse_inventory.xlsx", "xls"), ("project_osprey_kickoff.pptx", "ppt")):
        subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", str(docs), str(SAMPLE_DOCS / name)],
                       check=True, capture_output=True, timeout=180, cwd=tmp_path)
    settings = Settings(index_dir=tmp_path / "index", workers=2)
    report = ingest([docs], settings, embedder=shared_embedder)
    assert report.failed == 0 and report.added == 3, report.errors
    text = {name: " ".join(c.text for c in chunks) for name, chunks in _chunks(settings).items()}
    assert "0.42 euros" in text["travel_policy.doc"]
    assert "Tomasz Wierzbicki" in text["project_osprey_kickoff.ppt"]
    assert "Part number: W-778 | Description: Hex widget" in text["warehouse_inventory.xls"]  # rows carry headers


@pytest.mark.slow
def test_answers_with_citations_from_a_scan(tesseract, tmp_path: Path, shared_embedder, gguf_model):
    """The answer-with-citation check of tests/test_ask.py, on an image-only copy of the sample PDF."""
    import rag

    docs = tmp_path / "docs"
    docs.mkdir()
    scanned_copy(PDF, docs / "water_treatment_report_2023.pdf")
    ingest([docs], Settings(index_dir=tmp_path / "index"), embedder=shared_embedder)
    with rag.open(tmp_path / "index", embedder=shared_embedder, model=gguf_model, create=False) as engine:
        answer = engine.ask("What is the chlorine contact time?")
    good = [c for c in answer.citations if c.supported and "35 minutes" in c.quote]
    assert not answer.refused and good, answer.to_dict()
    assert good[0].passage.page == 3


@pytest.mark.slow
def test_a_30_page_scan_shows_live_progress_without_memory_growth(tesseract, tmp_path: Path, shared_embedder):
    """Progress comes per OCR'd page (the CLI and UI show it), and the worker's memory stays flat:
    pages are rendered and read one at a time."""
    import psutil

    images = _page_images(PDF)
    pages = [images[n % len(images)] for n in range(30)]
    docs = tmp_path / "docs"
    docs.mkdir()
    pages[0].save(docs / "long_scan.pdf", save_all=True, append_images=pages[1:], resolution=200)
    seen: list[tuple[str, float]] = []

    def on_progress(event) -> None:
        if event.detail:
            sizes = []
            for process in psutil.Process().children(recursive=True):
                try:  # a helper that finished (the PDF's table finder) is a zombie until the worker reaps it
                    if "resource_tracker" not in " ".join(process.cmdline()):
                        sizes.append(process.memory_info().rss)
                except psutil.Error:
                    pass
            seen.append((event.detail, max(sizes, default=0) / 2**20))

    settings = Settings(index_dir=tmp_path / "index", workers=1, parse_timeout_s=900)
    report = ingest([docs], settings, embedder=shared_embedder, on_progress=on_progress)
    assert report.added == 1 and not report.errors
    assert [detail for detail, _ in seen] == [f"OCR page {n} of 30" for n in range(1, 31)]
    early, late = seen[4][1], seen[-1][1]
    assert late - early < 60, f"worker memory grew from {early:.0f} MB at page 5 to {late:.0f} MB at page 30"


def test_picture_slides_heic_photos_and_locked_office_files(tesseract, tmp_path: Path, shared_embedder):
    """A slide that is only a picture of text is OCR'd on its own slide number; a HEIC photo of a
    page is read; a photo without words and a password-protected .docx fail with their reasons."""
    from pptx import Presentation
    from pptx.util import Inches

    from conftest import need_dataset

    docs = tmp_path / "docs"
    docs.mkdir()
    page = tmp_path / "page.png"
    _page_images(PDF)[2].save(page)
    deck = Presentation()
    typed = deck.slides.add_slide(deck.slide_layouts[1])
    typed.shapes.title.text = "Plant tour"
    deck.slides.add_slide(deck.slide_layouts[6]).shapes.add_picture(str(page), Inches(0), Inches(0), height=Inches(7.5))
    deck.save(docs / "handout.pptx")
    shutil.copy(need_dataset("example-docs") / "img" / "DA-1p.heic", docs / "photo_of_page.heic")
    from PIL import Image

    Image.new("RGB", (300, 200), (40, 120, 200)).save(docs / "sky.jpg")
    (docs / "locked.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    settings = Settings(index_dir=tmp_path / "index", workers=2)
    report = ingest([docs], settings, embedder=shared_embedder)
    errors = {Path(e.path).name: e.error for e in report.errors}
    assert errors == {
        "sky.jpg": "OCR read no text in this image (a photo or drawing without words?)",
        "locked.docx": "encrypted or password-protected: an Office file that needs a password, which is not supported",
    }
    chunks = _chunks(settings)
    slide = [c for c in chunks["handout.pptx"] if "35 minutes" in c.text]
    assert slide and 2 in slide[0].pages and "OCR" in slide[0].element_types  # small slides may share a chunk
    assert sum(len(c.text) for c in chunks["photo_of_page.heic"]) > 200
