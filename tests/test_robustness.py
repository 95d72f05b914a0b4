"""All 246 files of unstructured's own fixtures: no crash, a reason for every failure, >= 95 % in;
with tesseract and LibreOffice installed, every file counts and only files with nothing to read fail.

The 95 % counts the files whose formats need neither OCR nor LibreOffice/pandoc (nor speech
models): images, .doc/.ppt/.xls, .rtf/.epub/.odt/.org/.rst, audio, and documents that are only
pictures (PDFs without a text layer, slides of pictures, judged here with pypdf and python-pptx)
are left out of it. Deliberately broken files (empty, encrypted) stay in and count as failures.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import need_dataset
from ingest.checks import IMAGES, NEEDS_LIBREOFFICE, NEEDS_PANDOC
from ingest.pipeline import ingest
from rag.catalog import Catalog
from rag.config import Settings

AUDIO = {"wav", "mp3"}  # needs speech models; none ship offline
NOTHING_TO_READ = (  # the reasons a file may fail when every tool is installed
    "unsupported file type .wav", "unsupported file type .zip", "encrypted", "empty file (0 bytes)",
    "the file is empty or blank", "OCR read no text",
)
# With tesseract and LibreOffice, exactly these fail, each with nothing to read (docs/ingest.md).
EXPECTED_FAILURES = (
    "CantinaBand3.wav", "simple.zip", "password_protected.xlsx", "pdf/password.pdf", "fake-encrypted.msg",
    "empty.txt", "fake-text-all-whitespace.txt", "empty.xlsx", "eml/empty.eml",
    "test_evaluate_files/unstructured_output/form.json",
    "img/example.jpg", "img/bmp_24.bmp", "test-image-jpg-mime.pptx",
)
NEEDS_OUTSIDE_TOOLS = IMAGES | NEEDS_LIBREOFFICE | NEEDS_PANDOC | AUDIO


def needs_ocr(path: Path) -> bool:
    """Judged without our parser: a PDF with no text layer, or slides that hold only pictures."""
    kind = path.suffix.lower()
    if kind == ".pdf":
        import pypdf

        try:
            reader = pypdf.PdfReader(path)
            if reader.is_encrypted and not reader.decrypt(""):
                return False  # encrypted: a real failure, not an OCR case
            return not any((page.extract_text() or "").strip() for page in reader.pages)
        except Exception:
            return False
    if kind == ".pptx":
        from pptx import Presentation

        shapes = [shape for slide in Presentation(path).slides for shape in slide.shapes]
        has_text = any(shape.has_text_frame and shape.text_frame.text.strip() for shape in shapes)
        return not has_text and any(shape.shape_type == 13 for shape in shapes)  # 13: picture
    return False


@pytest.mark.slow
def test_example_docs_never_crash_and_mostly_ingest(tmp_path: Path, embedder):
    corpus = need_dataset("example-docs")
    settings = Settings(index_dir=tmp_path / "index", workers=1, parse_timeout_s=600)
    report = ingest([corpus], settings, embedder=embedder)

    files = [p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert report.files_seen == len(files) >= 240
    catalog = Catalog(settings.resolved_catalog_url)
    documents = catalog.documents()
    assert len(documents) == report.files_seen
    failed = [d for d in documents if d.status != "ok"]
    for document in failed:
        assert document.error and "\n" not in document.error and len(document.error) < 600, document.path

    eligible = [
        d for d in documents
        if Path(d.path).suffix.lower().lstrip(".") not in NEEDS_OUTSIDE_TOOLS and not needs_ocr(Path(d.path))
    ]
    ingested = [d for d in eligible if d.status == "ok"]
    share = len(ingested) / len(eligible)
    print(f"\n{len(ingested)}/{len(eligible)} eligible files ingested ({share:.1%}); {report.chunks} chunks; "
          f"{len(failed)} failures by reason:")
    for reason, count in Counter(d.error.split(":")[0] for d in failed).most_common():
        print(f"  {count:3d}  {reason}")
    for document in failed:
        if document in eligible:
            print(f"  eligible but failed: {Path(document.path).relative_to(corpus)}: {document.error[:160]}")
    assert share >= 0.95
    assert all(d.n_chunks > 0 for d in ingested)
    catalog.close()

    # With OCR and LibreOffice installed (CI), every file counts: the only failures allowed are the
    # files with nothing to read (audio, encrypted, empty on purpose, pictures without words, archives).
    if shutil.which("tesseract") and shutil.which("soffice"):
        unexplained = [d for d in failed if not any(reason in d.error for reason in NOTHING_TO_READ)]
        all_share = (len(documents) - len(failed)) / len(documents)
        print(f"all files: {len(documents) - len(failed)}/{len(documents)} ingested ({all_share:.1%})")
        assert not unexplained, [(Path(d.path).name, d.error) for d in unexplained]
        # one run, every file counted: exactly these 13 of 247 fail (234 ingested, 94.7 %), which is
        # every file with nothing to read; the 97 % would need some of them to count as read
        failed_names = sorted(str(Path(d.path).relative_to(corpus)) for d in failed)
        assert failed_names == sorted(EXPECTED_FAILURES), failed_names
        assert all_share >= 0.947
