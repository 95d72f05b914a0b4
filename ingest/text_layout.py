"""Plain text laid out in lines: a list, a key/value legend in aligned columns, an underlined or capitalised heading.

``unstructured`` reads a plain-text paragraph as one run of words, which is right for prose wrapped at 80
characters and wrong for a block such as

    WHAT THE LIGHT MEANS
    --------------------
      Steady blue       Connected to the internet, everything is working
      Flashing red      Firmware fault: restart the hub; if the light comes back, call us

whose lines are its items: run together, "Flashing red" is lost in the middle of a 500-character "sentence"
and no quote can show it. Such a block keeps its lines (``kept_lines``): the heading on a line of its own,
the underline dropped, aligned columns joined by ": " (two) or "; " (more), a wrapped item's indented
continuation joined to it.
"""

from __future__ import annotations

import re

_UNDERLINE = re.compile(r"^\s*[-=~*_]{3,}(?:\s+[-=~*_]{3,})*\s*$")  # also under each column: "-----   -----"
_ITEM = re.compile(r"^\s*(?:[-*•·+]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+\S")
# two spaces or more between words: a column's edge; not after a sentence's end ("... first.  Then ...": typed prose)
_GAP = re.compile(r"(?<=[^\s.!?,;])\s{2,}(?=\S)")
_VALUE = re.compile(r"^[\d\s.,:/%-]+$|\d[:.]\d\d|[$€£¥]\s?\d|[.;]$")  # a figure, a time, an amount: no column's name
# a heading typed in capitals on a line of its own, over a block that opens as a sentence or an item does
_CAPS_HEADING = re.compile(r"^(?=(?:[^a-z]*[A-Z]){3})[A-Z0-9][A-Z0-9 &'’/,()-]{2,40}:?$")
_OPENING = re.compile(r"^\s*(?:[A-Z0-9\"'“‘(]|[-*•·+]\s)")
MAX_LINE_CHARS = 110  # longer lines are prose wrapped at a margin, not items
WRAPPED_SHARE = 0.6  # a line this long (of the block's longest) not ending a sentence goes on in the next
MAX_HEADER_CHARS = 25


def kept_lines(text: str) -> dict[str, str]:
    """For each laid-out block of ``text`` (blank-line separated): its words run together (as the parser
    reads them) -> the block with its lines kept. Blocks of prose are left out."""
    out = {}
    for block in re.split(r"\n\s*\n", text):
        lines = [line.rstrip() for line in block.splitlines() if line.strip()]
        laid = _laid_out(lines)
        if laid is not None:
            out[" ".join(block.split())] = laid
    return out


def _laid_out(lines: list[str]) -> str | None:
    """The block's lines as a reader takes them, or None when they are prose (or one line)."""
    heading = []
    if len(lines) >= 2 and _UNDERLINE.match(lines[1]) and not _UNDERLINE.match(lines[0]) \
            and not _GAP.search(lines[0].strip()):  # a title; column names over their rules are a table's header
        heading, lines = [lines[0].strip()], lines[2:]
    elif len(lines) >= 2 and _CAPS_HEADING.match(lines[0].strip()) and _OPENING.match(lines[1]) \
            and not _GAP.search(lines[0].strip()):  # column names typed in capitals head a table
        heading, lines = [lines[0].strip()], lines[1:]  # "YOUR HOSPITAL APPOINTMENT" over what it is about
    lines = [line for line in lines if not _UNDERLINE.match(line)]
    if not lines:
        return heading[0] if heading else None  # a title over its underline alone
    if rows := _table_rows(lines):
        return "\n".join(heading + rows)
    items = sum(bool(_ITEM.match(line)) for line in lines)
    columns = sum(bool(_GAP.search(line.strip())) for line in lines)
    if not heading and (len(lines) < 2 or items + columns < max(2, len(lines) // 2)
                        or any(len(line.strip()) > MAX_LINE_CHARS for line in lines)):
        return None
    width = max(len(line.strip()) for line in lines)
    joined: list[str] = []
    previous = ""
    for line in lines:
        text = line.strip()
        cells = [text] if _ITEM.match(line) else _GAP.split(text)
        wrapped = (joined and len(cells) == 1 and not _ITEM.match(line) and not previous.endswith((".", "!", "?", ":"))
                   and len(previous) >= WRAPPED_SHARE * width)
        if wrapped:  # a line broken at the margin ("... and the other end into" / "   the port marked LAN 1")
            joined[-1] += " " + text
        elif len(cells) == 1:
            joined.append(text)
        elif len(cells) == 2:
            joined.append(f"{cells[0]} {cells[1]}" if cells[0].endswith(":") else f"{cells[0]}: {cells[1]}")
        else:
            joined.append("; ".join(cells))
        previous = text
    return "\n".join(heading + joined)


def _table_rows(lines: list[str]) -> list[str] | None:
    """Aligned columns under a header line ("Date    Vaccine    Next due") as rows that carry their headers, the
    way ingest/tables.py writes a table ("Date: 11 Apr 2025 | Vaccine: ... | Next due: 11 April 2026"); None when
    the lines are no such table (a different number of columns on some line, a header that reads as data)."""
    cells = [_GAP.split(line.strip()) for line in lines]
    header, rows = cells[0], cells[1:]
    if len(lines) < 3 or len(header) < 2:
        return None
    if all(len(row) == len(header) + 1 for row in rows):  # "UNTIL 30 JUNE   FROM 1 JULY" over "Sunday  9am - 2pm  ..."
        header = ["", *header]
    elif any(len(row) != len(header) for row in rows):
        return None
    if any(len(name) > MAX_HEADER_CHARS or _VALUE.search(name) for name in header):
        return None
    return [" | ".join(f"{name}: {value}" if name else value for name, value in zip(header, row)) for row in rows]


def with_kept_lines(elements: list, text: str) -> list:
    """``elements`` (parsed from ``text``) with every element that is a whole laid-out block given its lines
    back. Each element keeps its kind and metadata; only its text changes."""
    blocks = kept_lines(text)
    if not blocks:
        return elements
    for element in elements:
        laid = blocks.get(" ".join((element.text or "").split()))
        if laid is not None:
            element.text = laid
    return elements
