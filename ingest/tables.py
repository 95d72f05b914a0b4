"""Tables as rows a reader (and a small model) can use: every row carries its column headers.

A flattened table ("Riverside 10:00-18:00 10:00-16:00 12:00-16:00") loses which figure belongs to
which column. Each ``Table`` element from ``unstructured`` (CSV, XLSX sheets, HTML, DOCX; PDF tables
found by ``pdfplumber``, ``ingest.pdf_tables``) is rewritten as one line per data row,

    Branch: Riverside | Weekday hours: 10:00-18:00 | Saturday hours: 10:00-16:00 | Sunday hours: 12:00-16:00

and a long table is cut into several table elements at row boundaries, so that every chunk is a
run of whole rows (each row repeats its headers, which is what a chunk needs to stand alone). A
sheet name or a table caption becomes the heading above the rows, so citations name it, and the
first line of every piece, so that searching for it finds the rows.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Callable, Sequence

from rag.terms import MONTHS, SHORT_CALENDAR_NAMES, WEEKDAYS

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


def headers_of(rows: list[list[str]], header_rows: int) -> tuple[list[str], list[list[str]]]:
    """(column headers, data rows). Without marked header rows the first row is taken as the header
    when it looks like one (no cell is a number, ``_word_row``, nor a value like those below it,
    ``_value_row``), the table has more rows and none of them is a form's captions (``_caption_row``);
    else the leading rows of a financial statement are, when they line up with its figures
    (``_statement_headers``)."""
    if not rows:
        return [], []
    spanning = header_rows == 0 and _spanning_header(rows)
    if spanning:
        header_rows = 2
    elif (header_rows == 0 and len(rows) > 1 and _word_row(rows[0]) and not any(map(_caption_row, rows[1:]))
          and not _value_row(rows[0], rows[1:])):
        header_rows = 1
    if header_rows == 0:
        statement = _statement_headers(rows)
        if statement is not None:
            return statement
    width = max(len(r) for r in rows)
    headers = [""] * width
    for depth, row in enumerate(rows[:header_rows]):
        if spanning and depth == 0:  # a name over blanks spans the columns the row below names
            row = list(row)
            for i in range(1, len(row)):
                row[i] = row[i] or (row[i - 1] if rows[1][i] else "")
        filled = [i for i, cell in enumerate(row) if cell]
        if width > 3 and len(filled) == 2 and filled[0] == 0:
            row = [f"{row[0]} {row[filled[1]]}"]  # "In millions of CHF ... January–June 2023": the table's title
        for i, cell in enumerate(row):
            if cell and cell not in headers[i]:
                headers[i] = f"{headers[i]} {cell}".strip()
    return [h.rstrip(":").strip() for h in headers], [_joined_figures(r) for r in rows[header_rows:]]


_YEAR = re.compile(r"(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?")


def _statement_headers(rows: list[list[str]]) -> tuple[list[str], list[list[str]]] | None:
    """A financial statement's headers: its leading rows whose cells past the row label are words or
    years ("Years ended December 31," over "2021 | 2020"), matched to the figure columns in order.
    unstructured's HTML of a 10-K drops colspans, so the heading cells do not stand over the figures
    ("2021" in the 3rd cell, its figure in the 4th, after a "$" cell); the i-th heading of a row heads
    the i-th figure column, a heading alone on its row heads them all, n headings over k * n columns
    head k each. None when the rows do not line up so (they stay rows)."""
    heads = 0
    while heads < min(3, len(rows) - 1) and _column_heads(rows[heads]):
        heads += 1
    if not heads:
        return None
    data = [_joined_figures(r) for r in rows[heads:]]
    width = max(len(r) for r in rows)
    columns = sorted({i for r in data for i, c in enumerate(r) if c and i > 0})
    if not columns:
        return None
    headers = [""] * width
    for row in rows[:heads]:
        cells = [c for c in row[1:] if c]
        if len(cells) == 1:
            spans = [cells[0]] * len(columns)
        elif len(columns) % len(cells) == 0:
            spans = [c for c in cells for _ in range(len(columns) // len(cells))]
        else:
            return None
        for column, cell in zip(columns, spans):
            headers[column] = f"{headers[column]} {cell}".strip()
    # a label on a heading row ("Adjusted EBITDA Reconciliation:", "ASSETS:") names a section: a line of its own
    labels = [[r[0]] for r in rows[:heads] if r[0]]
    return [h.rstrip(":").strip() for h in headers], [*labels, *data]


def _column_heads(row: list[str]) -> bool:
    """A row of column headings above figures: past its row-label cell (blank, or a title such as
    "Adjusted EBITDA Reconciliation:") only words and years, at least one year or with a blank label."""
    values = [c for c in row[1:] if c]
    if not values or any(map(is_figure, values)):
        return False
    return not row[0] or any(_YEAR.fullmatch(c) for c in values)


def is_figure(cell: str) -> bool:
    """A number that is not a year (a year heads a column; a figure fills one)."""
    return _is_number(cell) and not _YEAR.fullmatch(cell)


def _caption_row(row: list[str]) -> bool:
    """Every filled cell in parentheses: a form's captions under the values they name ("Nevada" over
    "(State or other jurisdiction of incorporation)" on a 10-K cover), so the first row is no header."""
    filled = [c for c in row if c]
    return bool(filled) and all(c.startswith("(") and c.endswith(")") for c in filled)


def _value_row(row: list[str], below: list[list[str]]) -> bool:
    """The row gives a value like the rows below it: in some column its cell holds a figure (not a
    year or a day, which head columns: "2021", "Wed 12 Jun") and so does every cell below it ("Patents | 4 - 20
    years" over "Software | 3 years": a list of values, not column names)."""
    for i, cell in enumerate(row):
        column = [r[i] for r in below if i < len(r) and r[i]]
        if _DIGIT.search(cell) and not _YEAR.search(cell) and not _CALENDAR_WORD.search(cell) and column \
                and all(_DIGIT.search(c) for c in column):
            return True
    return False


_CALENDAR_WORD = re.compile(r"\b(?:" + "|".join([*MONTHS, *WEEKDAYS, *SHORT_CALENDAR_NAMES]) + r")\b", re.I)
_DIGIT = re.compile(r"(?<!\w)\d+(?:[.,]\d+)*(?!\w)")  # a figure standing as one: "4 - 20 years", not "1Freq" or "CD8"


def _word_row(row: list[str]) -> bool:
    """Every cell filled and none a number: a row of column names."""
    return all(c and not _is_number(c) for c in row)


def _spanning_header(rows: list[list[str]]) -> bool:
    """Two header rows, a name over blanks spanning the names below it: a CSV's "..., Results," over
    ",,,,Accuracy,Time to complete". The first row names the row labels' column, the second is blank
    there and names a column the first leaves blank, no cell of either is a number, and together they
    name every column the data rows fill."""
    if len(rows) < 3:
        return False
    top, below = rows[0], rows[1]
    if len(top) != len(below) or not top[0] or below[0] or any(_is_number(c) for c in (*top, *below) if c):
        return False
    spanned = [i for i, cell in enumerate(below) if cell and not top[i]]
    # each name below a blank has a spanning name to its left that is not the row labels' header
    if not spanned or not all(any(top[1:i]) for i in spanned):
        return False
    filled = {i for r in rows[2:] for i, cell in enumerate(r) if cell}
    return all(i < len(top) and (top[i] or below[i]) for i in filled)


_CURRENCY = frozenset("$€£¥") | {"US$", "CHF", "EUR", "USD"}
_FIGURE = re.compile(r"(?:[$€£¥]|US\$ |CHF |EUR |USD )?\(?\s?[-+]?\d[\d.,]*")


def _joined_figures(row: list[str]) -> list[str]:
    """A statement's figure split over cells joined back into one: "$" | "2,111,812" -> "$2,111,812",
    "(2,048" | ")" -> "(2,048)", "26.1" | "%" -> "26.1%" (the emptied cell is left out)."""
    cells = list(row)
    for i, cell in enumerate(cells):
        if cell in _CURRENCY and i + 1 < len(cells) and cells[i + 1] and cells[i + 1][0] in "0123456789(-—–.":
            cells[i + 1], cells[i] = (cell if len(cell) == 1 else cell + " ") + cells[i + 1].replace("( ", "("), ""
        elif cell in (")", "%", ")%") and i > 0 and _FIGURE.fullmatch(cells[i - 1]):
            cells[i - 1], cells[i] = cells[i - 1].replace("( ", "(") + cell, ""
    return cells


def row_line(headers: list[str], row: list[str]) -> str:
    """One row as "Header: value | Header: value", empty cells left out. A row of a table without headers that is a
    label and a figure ("TOTAL DUE | £262.74" of an invoice's totals) reads as one: "TOTAL DUE: £262.74"."""
    filled = [cell for cell in row if cell]
    if not any(headers) and len(filled) == 2 and not _is_number(filled[0]) and _is_number(filled[1]):
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
            _word_row(rows[1])):
        # a title alone on the first row over a row of column names ("Stanley Cups,," over "Team,Location,Stanley
        # Cups"): the title stays a line of its own, the names head the columns
        title, rows, header_rows = [next(c for c in rows[0] if c)], rows[1:], 1
    if _label_value(rows):
        return [*title, *(": ".join(c.rstrip(":").strip() if i == 0 and len(r) > 1 else c for i, c in enumerate(r))
                          for r in ([c for c in row if c] for row in rows) if r)]
    headers, data = headers_of(rows, header_rows)
    lines = [*title, *(line for line in (row_line(headers, r) for r in data) if line.strip())]
    if not lines and rows:  # a table that is only a header row
        lines = [CELL_SEPARATOR.join(c for c in rows[0] if c)]
    return lines or [fallback]


def _label_value(rows: list[list[str]]) -> bool:
    """A form's two columns of labels and their values ("Appointment time | 10:40am", "Pension increase | 1.7%",
    "Tax code | 59L"): each row is read as "label: value", its first row too (a letter's "Clinic | Hip clinic" is
    no pair of column names). Told from a table of two columns with a header by its values: under a header every
    value is of one kind (all prices, all dates), here they are of at least three (a name, a date, a time, money)."""
    pairs = [r for r in rows if len(r) == 2 and all(r)]
    if max(len(r) for r in rows) != 2 or len(pairs) < 3 or len(pairs) < len(rows) - 1:
        return False
    labels = [label for label, _ in pairs]
    if len(set(labels)) < len(labels) or any(_is_number(label) or len(label) > 100 for label in labels):
        return False
    below = pairs[1:] if pairs[0] is rows[0] else pairs  # a first row of two cells may be a header
    return len({_kind(value) for _, value in below}) >= 3


_CLOCK_TIME = re.compile(r"\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)|\d{1,2}:\d\d", re.I)


def _kind(cell: str) -> str:
    """What kind of value a cell holds: money, share, time, date, number, words or a mix."""
    text = cell.strip()
    if _CLOCK_TIME.fullmatch(text):
        return "time"
    if _is_number(text):
        return "money" if any(c in text for c in "$€£¥₹") else "share" if "%" in text else "number"
    if _CALENDAR_WORD.search(text) and any(c.isdigit() for c in text) and len(text.split()) <= 5:
        return "date"
    return "mix" if any(c.isdigit() for c in text) else "words"


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


def _is_number(text: str) -> bool:
    """A figure, also an amount of money ("£253.18", "$1,200", "-€5")."""
    return bool(re.fullmatch(r"[-+]?[$€£¥₹]?\s?[-+]?[\d.,:%/ ]+", text.strip())) and any(c.isdigit() for c in text)
