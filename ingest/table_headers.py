"""Which rows of a table are its column headers, and how its cells read: a header row is words (``word_row``), a
financial statement's leading rows of words and years head its figure columns (``_statement_headers``), a CSV's
name over blanks spans the names below it (``_spanning_header``), a form's two columns are labels and values
(``label_value``). ``ingest.tables`` writes the rows these find with their headers.
"""

from __future__ import annotations

import re

from rag.terms import MONTHS, SHORT_CALENDAR_NAMES, WEEKDAYS


def headers_of(rows: list[list[str]], header_rows: int) -> tuple[list[str], list[list[str]]]:
    """(column headers, data rows). Without marked header rows the first row is taken as the header
    when it looks like one (no cell is a number, ``word_row``, nor a value like those below it,
    ``_value_row``), the table has more rows and none of them is a form's captions (``_caption_row``);
    else the leading rows of a financial statement are, when they line up with its figures
    (``_statement_headers``)."""
    if not rows:
        return [], []
    spanning = header_rows == 0 and _spanning_header(rows)
    if spanning:
        header_rows = 2
    elif (header_rows == 0 and len(rows) > 1 and word_row(rows[0]) and not any(map(_caption_row, rows[1:]))
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
    return is_number(cell) and not _YEAR.fullmatch(cell)


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


def word_row(row: list[str]) -> bool:
    """Every cell filled and none a number: a row of column names."""
    return all(c and not is_number(c) for c in row)


def _spanning_header(rows: list[list[str]]) -> bool:
    """Two header rows, a name over blanks spanning the names below it: a CSV's "..., Results," over
    ",,,,Accuracy,Time to complete". The first row names the row labels' column, the second is blank
    there and names a column the first leaves blank, no cell of either is a number, and together they
    name every column the data rows fill."""
    if len(rows) < 3:
        return False
    top, below = rows[0], rows[1]
    if len(top) != len(below) or not top[0] or below[0] or any(is_number(c) for c in (*top, *below) if c):
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


def label_value(rows: list[list[str]]) -> bool:
    """A form's two columns of labels and their values ("Appointment time | 10:40am", "Pension increase | 1.7%",
    "Tax code | 59L"): each row is read as "label: value", its first row too (a letter's "Clinic | Hip clinic" is
    no pair of column names). Told from a table of two columns with a header by its values: under a header every
    value is of one kind (all prices, all dates), here they are of at least three (a name, a date, a time, money)."""
    pairs = [r for r in rows if len(r) == 2 and all(r)]
    if max(len(r) for r in rows) != 2 or len(pairs) < 3 or len(pairs) < len(rows) - 1:
        return False
    labels = [label for label, _ in pairs]
    if len(set(labels)) < len(labels) or any(is_number(label) or len(label) > 100 for label in labels):
        return False
    below = pairs[1:] if pairs[0] is rows[0] else pairs  # a first row of two cells may be a header
    return len({_kind(value) for _, value in below}) >= 3


_CLOCK_TIME = re.compile(r"\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)|\d{1,2}:\d\d", re.I)


def _kind(cell: str) -> str:
    """What kind of value a cell holds: money, share, time, date, number, words or a mix."""
    text = cell.strip()
    if _CLOCK_TIME.fullmatch(text):
        return "time"
    if is_number(text):
        return "money" if any(c in text for c in "$€£¥₹") else "share" if "%" in text else "number"
    if _CALENDAR_WORD.search(text) and any(c.isdigit() for c in text) and len(text.split()) <= 5:
        return "date"
    return "mix" if any(c.isdigit() for c in text) else "words"


def is_number(text: str) -> bool:
    """A figure, also an amount of money ("£253.18", "$1,200", "-€5")."""
    return bool(re.fullmatch(r"[-+]?[$€£¥₹]?\s?[-+]?[\d.,:%/ ]+", text.strip())) and any(c.isdigit() for c in text)
