"""Tables as rows a reader (and a small model) can use: every row carries its column headers.

A flattened table ("Riverside 10:00-18:00 10:00-16:00 12:00-16:00") loses which figure belongs to
which column. Each ``Table`` element from ``unstructured`` (CSV, XLSX sheets, HTML, DOCX; PDF tables
found by ``pdfplumber``, ``ingest.pdf_tables``) is rewritten as one line per data row,

    Branch: Riverside | Weekday hours: 10:00-18:00 | Saturday hours: 10:00-16:00 | Sunday hours: 12:00-16:00

and a long table is cut into several table elements at row boundaries, so that every chunk is a
run of whole rows (each row repeats its headers, which is what a chunk needs to stand alone). A
sheet name or a table caption becomes the heading above the rows, so citations name it, and the
first line of every piece, so that searching for it finds the rows. Which rows are the headers is
``ingest.table_headers``'s to say.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Callable, Sequence

from ingest.table_headers import headers_of, is_figure, is_number, label_value, word_row
from rag.terms import MONTHS

log = logging.getLogger(__name__)

CELL_SEPARATOR = " | "
MAX_CELL_CHARS = 300


def html_rows(html: str) -> tuple[list[list[str]], int]:
    """(rows of cell texts, number of header rows) of the first table in an HTML fragment."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return [], 0
    table = root if root.tag == "table" else next(iter(root.iter("table")), None)
    if table is None:
        return [], 0
    rows: list[list[str]] = []
    header_rows = 0
    for tr in table.iter("tr"):
        cells = [c for c in tr if c.tag in ("th", "td")]
        texts: list[str] = []
        for cell in cells:
            text = cell_text(cell)[:MAX_CELL_CHARS]
            if "\\n" in text:  # a line break inside a spreadsheet cell, written out by unstructured as "\n"
                text = " ".join(text.replace("\\n", " ").split())
            text = shown_value(text)
            span = str(cell.get("colspan", "1"))
            texts.extend([text] * (int(span) if span.isdigit() and 0 < int(span) <= 50 else 1))
        if not any(texts):
            continue
        parent = tr.getparent()
        is_header = (parent is not None and parent.tag == "thead") or all(c.tag == "th" for c in cells)
        if is_header and header_rows == len(rows):  # header rows come first
            header_rows += 1
        rows.append(texts)
    return rows, header_rows


_BLOCKS = ("br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr")


# a spreadsheet's date or time cell as pandas writes it: "2025-03-12 00:00:00", "19:30:00"
_DATE_CELL = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) 00:00:00$")
_TIME_CELL = re.compile(r"^(\d{2}:\d{2}):00$")


def shown_value(text: str) -> str:
    """A date or time cell as a person reads it: "12 March 2025" for "2025-03-12 00:00:00" (the month named, so that
    "the March 2025 oil change" finds it), "19:30" for "19:30:00"; any other text as it is."""
    if time := _TIME_CELL.match(text):
        return time.group(1)
    date = _DATE_CELL.match(text)
    if not date or not 1 <= int(date.group(2)) <= 12:
        return text
    year, month, day = (int(part) for part in date.groups())
    return f"{day} {MONTHS[month - 1].title()} {year}"


def cell_text(cell) -> str:
    """A table cell's text on one line; a line break or block inside it ("Mon-Fri<br>10:00") becomes a
    space, where ``text_content`` would run the words together ("Mon-Fri10:00")."""

    def pieces(node) -> list[str]:
        out = [node.text or ""]
        for child in node:
            if isinstance(child.tag, str):  # not a comment
                block = child.tag in _BLOCKS
                out += [" " if block else "", *pieces(child), " " if block else ""]
            out.append(child.tail or "")
        return out

    return " ".join("".join(pieces(cell)).split())


def row_line(headers: list[str], row: list[str]) -> str:
    """One row as "Header: value | Header: value", empty cells left out. A row of a table without headers that is a
    label and a figure ("TOTAL DUE | £262.74" of an invoice's totals) reads as one: "TOTAL DUE: £262.74"."""
    filled = [cell for cell in row if cell]
    if not any(headers) and len(filled) == 2 and not is_number(filled[0]) and is_number(filled[1]):
        return f"{filled[0]} {filled[1]}" if filled[0].endswith(":") else f"{filled[0]}: {filled[1]}"
    parts = []
    for i, cell in enumerate(row):
        if not cell:
            continue
        header = headers[i] if i < len(headers) else ""
        parts.append(f"{header}: {cell}" if header and header != cell else cell)
    return CELL_SEPARATOR.join(parts)


def table_lines(html: str, fallback: str, heads: list[list[str]] | None = None) -> list[str]:
    """The table's data rows as lines with headers; the flattened text when the HTML has no rows.
    ``heads``: header rows standing apart above the table (a spreadsheet's heading block)."""
    return _lines(*html_rows(html), fallback, heads)


def _lines(rows: list[list[str]], header_rows: int, fallback: str, heads: list[list[str]] | None) -> list[str]:
    """``table_lines`` of rows already read from the HTML."""
    if heads and rows and header_rows == 0:
        rows, header_rows = [*heads, *rows], len(heads)
    rows = _without_blank_columns(rows)
    title = []
    if header_rows == 0 and len(rows) > 2 and max(len(r) for r in rows) > 1 and sum(map(bool, rows[0])) == 1 and (
            word_row(rows[1])):
        # a title alone on the first row over a row of column names ("Stanley Cups,," over "Team,Location,Stanley
        # Cups"): the title stays a line of its own, the names head the columns
        title, rows, header_rows = [next(c for c in rows[0] if c)], rows[1:], 1
    if label_value(rows):
        return [*title, *(": ".join(c.rstrip(":").strip() if i == 0 and len(r) > 1 else c for i, c in enumerate(r))
                          for r in ([c for c in row if c] for row in rows) if r)]
    headers, data = headers_of(rows, header_rows)
    lines = [*title, *(line for line in (row_line(headers, r) for r in data) if line.strip())]
    if not lines and rows:  # a table that is only a header row
        lines = [CELL_SEPARATOR.join(c for c in rows[0] if c)]
    return lines or [fallback]


def _without_blank_columns(rows: list[list[str]]) -> list[list[str]]:
    """The rows without the columns no row fills: a 10-K's spacer cells between "Title of each class"
    and "Trading symbol" kept its header row from reading as one."""
    width = max((len(r) for r in rows), default=0)
    used = [i for i in range(width) if any(i < len(r) and r[i] for r in rows)]
    if len(used) == width:
        return rows
    return [[r[i] for i in used if i < len(r)] for r in rows]


def group_lines(lines: list[str], max_chars: int, fits: Callable[[str], bool] | None = None) -> list[list[str]]:
    """Consecutive rows packed into groups of at most ``max_chars`` that ``fits`` accepts (the
    embedding model's window); a row too long alone stands alone."""
    groups: list[list[str]] = []
    size = 0
    for line in lines:
        if groups and size + len(line) + 1 <= max_chars and (fits is None or fits("\n".join([*groups[-1], line]))):
            groups[-1].append(line)
            size += len(line) + 1
        else:
            groups.append([line])
            size = len(line)
    return groups


def expand_tables(elements: Sequence, max_chars: int, fits: Callable[[str], bool] | None = None) -> list:
    """Elements with every table rewritten as header-carrying rows, cut into chunk-sized tables,
    and its sheet name or caption placed as a title in front of it."""
    from unstructured.documents.elements import NarrativeText, Table, Title

    def html_of(element) -> str:
        return getattr(element.metadata, "text_as_html", None) or "" if isinstance(element, Table) else ""

    parsed = [html_rows(html_of(e)) if html_of(e) else None for e in elements]  # each table read once
    out: list = []
    last_sheet = None
    heads: list[list[str]] | None = None
    for n, element in enumerate(elements):
        if not isinstance(element, Table):
            sheet = getattr(element.metadata, "page_name", None)
            if sheet and sheet != last_sheet and element.text.strip() != sheet:
                # a sheet of text (no table): its name heads it as it heads a sheet's rows, so "the Spanish
                # sheet" finds its first line ("Espanol")
                out.append(_sheet_title(sheet, element, depth=-1))
            last_sheet = sheet or last_sheet
            out.append(element)
            continue
        html = html_of(element)
        if html and _prose_column(parsed[n][0], element.text or ""):
            # a layout table of one column (an HTML e-mail's whole body in one cell): its text, read as
            # prose; as a row its cell was cut at MAX_CELL_CHARS ("Our technology allows you t")
            out.append(NarrativeText(element.text, metadata=copy.deepcopy(element.metadata)))
            out[-1].metadata.text_as_html = None
            continue
        following = n + 1 < len(elements) and parsed[n + 1] is not None
        if html and following and _heads_above(element, parsed[n][0], elements[n + 1], parsed[n + 1][0]):
            heads = parsed[n][0]  # it heads the next table's columns, and is read in each of its rows
            continue
        lines = _lines(*parsed[n], element.text or "", heads) if html else [element.text or ""]
        heads = None
        sheet = getattr(element.metadata, "page_name", None)
        label = _caption(html) or sheet
        title = label if label and label != last_sheet else None
        last_sheet = label or last_sheet
        if title and not (out and isinstance(out[-1], Title) and out[-1].text.strip() == title):
            out.append(_sheet_title(title, element, depth=1 if sheet else None))
        # each piece starts with the sheet name or caption, so a search for "the 2024 budget" finds its rows
        head = [label] if label else []
        for group in group_lines(lines, max_chars - (len(label) + 1 if label else 0),
                                 None if fits is None else lambda text: fits("\n".join([*head, text]))):
            piece = Table("\n".join([*head, *group]), metadata=copy.deepcopy(element.metadata))
            out.append(piece)
    return out


def _sheet_title(text: str, element, depth: int | None = 1):
    """A heading made of a sheet name or a table caption, placed where ``element`` is."""
    from unstructured.documents.elements import Title

    heading = Title(text, metadata=copy.deepcopy(element.metadata))
    heading.metadata.text_as_html = None
    heading.metadata.category_depth = depth
    return heading


def _prose_column(rows: list[list[str]], text: str) -> bool:
    """A table of one column whose text is longer than a cell is kept: prose laid out in a table."""
    return bool(rows) and all(sum(map(bool, r)) <= 1 for r in rows) and len(text) > MAX_CELL_CHARS and any(
        len(c) >= MAX_CELL_CHARS for r in rows for c in r)


def _heads_above(element, rows: list[list[str]], following, below: list[list[str]]) -> bool:
    """A spreadsheet's heading rows that ``unstructured`` cut off as a table of their own (a blank row
    parts them from the figures): at most three rows (``rows``) of words and years, followed in the
    same sheet by a table of figures (``below``) no wider than they are."""
    sheet = getattr(following.metadata, "page_name", None)
    if sheet is None or sheet != getattr(element.metadata, "page_name", None) or not 0 < len(rows) <= 3 or not below:
        return False
    figures = any(is_figure(c) for r in below for c in r[1:] if c)
    words = not any(is_figure(c) for r in rows for c in r if c)
    return figures and words and max(len(r) for r in below) <= max(len(r) for r in rows)


def _caption(html: str) -> str | None:
    match = re.search(r"<caption[^>]*>(.*?)</caption>", html or "", re.S | re.I)
    if not match:
        return None
    text = " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())
    return text[:120] or None
