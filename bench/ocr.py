"""OCR quality and cost: PDF pages rendered to images, read by tesseract, compared with their text layer.

    .venv/bin/python -m bench.ocr [--max-pages 40] [--json FILE]

For every page with a text layer of at least 200 characters, in the sample_docs/ PDFs and the
haystack-test-files PDFs of ../shared/datasets: render at 200 dpi with pypdfium2 (as ingest does for
a page without a text layer), OCR it with `ingest.ocr.ocr_pdf_pages` on an image-only copy, and
report word recall (the share of the text layer's words, with repeats, that the OCR text holds) per
file and overall, and seconds per page on this machine. Goal (issue 15): recall >= 0.95. Pages whose
text layer is not text (a figure drawn in a shifted-code font) are listed and left out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.ocr import ocr_pdf_pages  # noqa: E402

SOURCES = [*sorted((ROOT / "sample_docs").glob("*.pdf")),
           *sorted((ROOT.parent / "shared/datasets/haystack-test-files/pdf").glob("*.pdf"))]


def words(text: str) -> Counter:
    # pdf text layers hyphenate and join words differently; compare lower-case alphanumeric runs
    text = unicodedata.normalize("NFKC", text).lower()  # ligatures (ﬁ) in text layers, full-width forms
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # a word hyphenated across a line break is one word
    return Counter(re.findall(r"[a-z0-9]+", text))


def readable(layer: str) -> bool:
    """Whether a text layer can be the reference: some PDFs draw a figure's text in a font whose
    codes are shifted ("$FW7DNHSHSSHU" for "Act Take pepper"), so its text layer is no text at
    all; such a page (over a fifth of its letters in 'words' of 20+ characters) is left out."""
    runs = re.findall(r"\S+", layer)
    letters = sum(len(r) for r in runs)
    return sum(len(r) for r in runs if len(r) >= 20) <= 0.2 * max(letters, 1)


def recall(reference: str, found: str) -> tuple[int, int]:
    want, have = words(reference), words(found)
    return sum(min(n, have[w]) for w, n in want.items()), sum(want.values())


def image_only(pdf: Path, pages: list[int], target: Path) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    images = [document[n - 1].render(scale=200 / 72, grayscale=True).to_pil().convert("L") for n in pages]
    document.close()
    images[0].save(target, save_all=True, append_images=images[1:], resolution=200)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-pages", type=int, default=40, help="pages per file at most")
    parser.add_argument("--only", default="", help="only files whose name contains this")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    import pypdf

    rows, hits, total, seconds, pages_done = [], 0, 0, 0.0, 0
    for pdf in [p for p in SOURCES if args.only in p.name]:
        try:
            reader = pypdf.PdfReader(str(pdf))
            layers = {n: reader.pages[n - 1].extract_text() or "" for n in range(1, len(reader.pages) + 1)}
        except Exception as exc:  # noqa: BLE001 - a broken file is reported, not fatal
            rows.append({"file": pdf.name, "skipped": str(exc)[:100]})
            continue
        unreadable = [n for n, text in layers.items() if len(text.strip()) >= 200 and not readable(text)]
        pages = [n for n, text in layers.items() if len(text.strip()) >= 200 and readable(text)][: args.max_pages]
        if not pages:
            rows.append({"file": pdf.name, "skipped": "no page with a text layer of 200+ characters"})
            continue
        with tempfile.TemporaryDirectory() as folder:
            scan = Path(folder) / "scan.pdf"
            image_only(pdf, pages, scan)
            started = time.perf_counter()
            texts = ocr_pdf_pages(str(scan), list(range(1, len(pages) + 1)), "eng")
            took = time.perf_counter() - started
        found = [recall(layers[n], texts[i]) for i, n in enumerate(pages, start=1)]
        file_hits, file_total = sum(h for h, _ in found), sum(t for _, t in found)
        hits, total, seconds, pages_done = hits + file_hits, total + file_total, seconds + took, pages_done + len(pages)
        rows.append({"file": pdf.name, "pages": len(pages), "unreadable_text_layer_pages": unreadable,
                     "word_recall": round(file_hits / file_total, 4),
                     "worst_page_recall": round(min(h / max(t, 1) for h, t in found), 4),
                     "worst_page": pages[min(range(len(found)), key=lambda i: found[i][0] / max(found[i][1], 1))],
                     "seconds_per_page": round(took / len(pages), 2)})
        print(json.dumps(rows[-1]), flush=True)
    result = {"files": rows, "pages": pages_done, "word_recall": round(hits / max(total, 1), 4),
              "seconds_per_page": round(seconds / max(pages_done, 1), 2), "goal_recall_ge_0.95": hits / max(total, 1) >= 0.95}
    print(json.dumps({k: v for k, v in result.items() if k != "files"}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
