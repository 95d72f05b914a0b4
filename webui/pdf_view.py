"""A PDF page rendered as an image with a quoted span boxed, so a citation can be checked by eye.

pdfium renders the page and gives the rectangles of a range of its characters; the quote is found
in the page's text layer with whitespace collapsed and case ignored, since parsing joined its lines.
"""

from __future__ import annotations

import io
import logging
import os
import re

import streamlit as st

log = logging.getLogger("rag.webui")

SCALE = 1.6  # 72 dpi points -> about 115 dpi pixels
FILL, OUTLINE = (255, 208, 0, 90), (214, 110, 0, 255)


def find_span(page_text: str, quote: str, min_words: int = 3) -> tuple[int, int] | None:
    """(start, end) of ``quote`` in ``page_text`` ignoring case, runs of whitespace and hyphens (a word
    the page breaks at a line end, "ap-\nproximately", was joined when the PDF was parsed); if the
    whole quote is not there, the longest leading part of it (at least ``min_words`` words) that is."""
    normal, positions = [], []
    previous_space, hyphen = True, False
    for i, char in enumerate(page_text):
        if char == "-":
            hyphen = True
        elif char.isspace():
            if not previous_space and not hyphen:
                normal.append(" ")
                positions.append(i)
                previous_space = True
        else:
            normal.append(char.lower())
            positions.append(i)
            previous_space, hyphen = False, False
    haystack = "".join(normal)
    words = re.sub(r"-\s*", "", quote.lower()).split()
    if not words:
        return None
    for size in range(len(words), min(min_words - 1, len(words) - 1), -1):
        needle = " ".join(words[:size])
        at = haystack.find(needle)
        if at >= 0:
            return positions[at], positions[at + len(needle) - 1] + 1
    return None


@st.cache_data(max_entries=64, show_spinner=False)
def _render(path: str, mtime: float, pages: tuple[int, ...], quote: str) -> tuple[int, bytes] | None:
    import pypdfium2 as pdfium
    from PIL import ImageDraw, ImageOps

    try:
        document = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError) as exc:
        log.info("cannot open %s for the source view: %s", path, exc)
        return None
    try:
        pages = tuple(p for p in pages if 1 <= p <= len(document))
        if not pages:
            return None
        quote = re.sub(r"\s+", " ", quote)
        texts = {p: document[p - 1].get_textpage() for p in pages}
        number, span = pages[0], None  # a chunk can span pages: the page holding the whole quote, else its start
        for min_words in (len(quote.split()), 3):
            for page in pages:
                span = find_span(texts[page].get_text_range(), quote, min_words)
                if span:
                    number = page
                    break
            if span:
                break
        pdf_page, text_page = document[number - 1], texts[number]
        image = pdf_page.render(scale=SCALE).to_pil().convert("RGB")
        if span:
            height = pdf_page.get_height()
            draw = ImageDraw.Draw(image, "RGBA")
            for i in range(text_page.count_rects(span[0], span[1] - span[0])):
                left, bottom, right, top = text_page.get_rect(i)
                box = [left * SCALE - 2, (height - top) * SCALE - 2, right * SCALE + 2, (height - bottom) * SCALE + 2]
                draw.rectangle(box, fill=FILL, outline=OUTLINE, width=2)
        content = ImageOps.invert(image.convert("L")).getbbox()  # drop the empty bottom of the page
        if content:
            image = image.crop((0, 0, image.width, min(image.height, content[3] + 40)))
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return number, buffer.getvalue()
    finally:
        document.close()


def page_image(path: str, pages: tuple[int, ...], quote: str) -> tuple[int, bytes] | None:
    """(page number, PNG bytes) of the page among ``pages`` that holds the quote, the quote boxed;
    None if the file cannot be rendered."""
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return None
    return _render(path, mtime, tuple(pages), quote)
