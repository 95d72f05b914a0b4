"""Table rows and e-mail header lines as ingest writes them into chunk text, and reading their cells.

ingest/tables.py writes each table row as "Header: value | Header: value" (so every row carries its column
headers); ingest/partition.py writes a line "From (sent by): ...; To: ..." in front of an e-mail's body.
"""

from __future__ import annotations

import re

from rag.cite import content_terms

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
