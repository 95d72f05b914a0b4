"""PDF tables: the fast strategy's pdfminer text has none of its own, so ``pdfplumber`` finds them and
each is put, as one ``Table`` element with HTML, in place of the text lines inside its box
(``ingest.tables.expand_tables`` then writes its rows with their headers).
"""

from __future__ import annotations

import copy
import logging

from ingest.table_headers import is_figure

log = logging.getLogger(__name__)

# a PDF text element counts as part of a table when this share of it lies inside the table's box
_INSIDE = 0.6


def find_pdf_tables(path: str) -> dict[int, list]:
    """The tables ``pdfplumber`` finds, by page number: (bbox, rows of cells, page height) each.
    Empty when it finds none, is not installed (PDF tables then stay as text) or fails."""
    try:
        import pdfplumber
    except ImportError:
        return {}
    found = {}
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                tables = page.find_tables()
                if tables:
                    found[number] = [(t.bbox, t.extract(), float(page.height)) for t in tables]
    except Exception as exc:  # noqa: BLE001 - a table finder failing must not fail the file
        log.debug("pdfplumber could not read tables of %s: %s", path, exc)
        return {}
    return found


def pdf_tables(path: str, elements: list, found: dict[int, list] | None = None) -> list:
    """The PDF's elements with each table ``pdfplumber`` finds (``found``: from ``find_pdf_tables``,
    looked for now when None) put in place of the text lines that lie inside it (as one ``Table``
    element with HTML, rewritten by ``expand_tables`` afterwards)."""
    if found is None:
        found = find_pdf_tables(path)
    if not found:
        return elements
    from unstructured.documents.elements import Table

    out: list = []
    placed: set[tuple[int, int]] = set()
    for element in elements:
        page = element.metadata.page_number
        hit = _table_holding(element, found.get(page, []))
        if hit is None:
            out.append(element)
            continue
        key = (page, hit)
        if key in placed:
            continue
        placed.add(key)
        bbox, rows, _height = found[page][hit]
        cells = [[" ".join((c or "").split()) for c in row] for row in rows if any(c for c in row)]
        if len(cells) < 2:
            out.append(element)
            continue
        # the first row heads the columns unless it holds figures (a table of numbers only has no header row)
        heads = 0 if any(is_figure(c) for c in cells[0] if c) else 1
        html = "<table>" + "".join(
            "<tr>" + "".join(f"<{'th' if i < heads else 'td'}>{_escape(c)}</{'th' if i < heads else 'td'}>" for c in row)
            + "</tr>" for i, row in enumerate(cells)
        ) + "</table>"
        table = Table(" ".join(c for row in cells for c in row if c), metadata=copy.deepcopy(element.metadata))
        table.metadata.text_as_html = html
        out.append(table)
    return out


def _table_holding(element, tables: list) -> int | None:
    coordinates = getattr(element.metadata, "coordinates", None)
    if not tables or coordinates is None or not coordinates.points:
        return None
    xs = [p[0] for p in coordinates.points]
    ys = [p[1] for p in coordinates.points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    area = max((x1 - x0) * (y1 - y0), 1e-6)
    for i, (bbox, _rows, _height) in enumerate(tables):
        tx0, ttop, tx1, tbottom = bbox
        w = max(0.0, min(x1, tx1) - max(x0, tx0))
        h = max(0.0, min(y1, tbottom) - max(y0, ttop))
        if w * h / area >= _INSIDE:
            return i
    return None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
