"""Table rows and e-mail header lines as ingest writes them into chunk text, and reading their cells.

ingest/tables.py writes each table row as "Header: value | Header: value" (so every row carries its column
headers); ingest/partition.py writes a line "From (sent by): ...; To: ..." in front of an e-mail's body.
"""

from __future__ import annotations

import re

from rag.terms import content_terms

ROW_CELL = " | "
# "Header: value | Header: value": a table row as ingest/tables.py writes it
# the line ingest/partition.py writes in front of an e-mail's body: not a table row, though its subject
# may hold " | " ("Subject (title): AWS Online Conference | Last chance to register")
_EMAIL_HEADER_OPENING = r"\s*From \(sent by\): "
EMAIL_HEADER = re.compile(rf"^{_EMAIL_HEADER_OPENING}")
ROW = re.compile(rf"^(?!{_EMAIL_HEADER_OPENING})[^|\n]{{1,120}}?: [^|\n]*(?: \| [^|\n]{{1,120}}?: [^|\n]*)+$")


def row_values(row: str) -> set[str]:
    """The content terms of a table row's cell values, without its headers (every row repeats those)."""
    return content_terms(" ".join(cell.partition(": ")[2] for cell in row.split(" | ")))


def row_headers(row: str) -> tuple[str, ...]:
    """A table row's column headers, in order: what every row of its table repeats."""
    return tuple(cell.partition(": ")[0].strip() for cell in row.split(" | "))


def named_row(unit: str, asked: set[str]) -> bool:
    """A table row whose first cell, which names the row ("Payment: Monthly rent"), holds a term asked; or a sentence
    (this tells rows apart, not a row from a sentence)."""
    text = unit.strip()
    return not ROW.match(text) or bool(asked & content_terms(text.split(" | ", 1)[0].partition(": ")[2]))


def telling_terms(unit: str) -> set[str]:
    """The terms that tell one sentence or row from another: a table row's cell values (every row
    repeats the same headers), a sentence's words."""
    text = unit.strip()
    return row_values(text) if ROW.match(text) else content_terms(text)
