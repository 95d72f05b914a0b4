"""What a quote shows of the sentence, row or list that answers: cut to at most ``MAX_QUOTE_CHARS``
where it gives what the question wants, a table row to the cells asked about, a list with its items."""

from __future__ import annotations

import re

from rag.cite import Span
from rag.grounding import Asked
from rag.rows import EMAIL_HEADER, ROW, ROW_CELL
from rag.terms import content_terms
from rag.wants import gives_what_is_wanted

MAX_QUOTE_CHARS = 300
# what a column of measures is headed by, for the words a question asks it with: "how much did she weigh" asks the
# "WEIGHT" cell, "how tall" the "Height" one
_MEASURE_HEADERS = {"weigh": "weight", "heavi": "weight", "tall": "height", "high": "height", "long": "length",
                    "wide": "width", "deep": "depth", "far": "distanc", "old": "age"}
_LIST_ITEM_CHARS = 80  # a line this short under a line ending in ":" is an item of its list


def listed_span(text: str, spans: list[Span], i: int) -> Span | None:
    """The span from the line ``i`` that ends in ":" to the last of the short lines below it (two to
    ten, all within a quote's length), or None when it introduces no list."""
    intro = text[spans[i].start : spans[i].end].strip()
    if not intro.endswith(":") or len(intro) > 120 or ROW.match(intro):
        return None
    last = None
    for span in spans[i + 1 : i + 11]:
        item = text[span.start : span.end].strip()
        own_line = "\n" in text[(last or spans[i]).end : span.start]
        if not own_line or len(item) > _LIST_ITEM_CHARS or item.endswith((":", ",")) or ROW.match(item) \
                or span.end - spans[i].start > MAX_QUOTE_CHARS:
            break  # not a line of its own, too long, a list of its own, a table row, or a letter's "Best regards,"
        last = span
    if last is None or last is spans[i + 1]:
        return None
    return Span(spans[i].start, last.end)


def shown_part(sentence: str, asked: set[str], context: Asked | None = None) -> str:
    """What the answer shows of a sentence: a table row cut to its first cell and the cells the
    question asks about; a long sentence cut to the run of clauses that gives what the question wants
    (a figure for "how much", with ``context``) and holds most of its terms."""
    lines = [line.strip() for line in sentence.splitlines() if line.strip()]
    if len(lines) > 2 and lines[0].endswith(":"):  # a list: "It includes: Lots of whitespace; Little to no content"
        sentence = lines[0] + " " + "; ".join(lines[1:])
    text = " ".join(sentence.split())
    if ROW_CELL in text and ": " in text and not EMAIL_HEADER.match(text):  # a row without headers is read whole
        cells = text.split(ROW_CELL)
        asked = asked | {_MEASURE_HEADERS[t] for t in asked if t in _MEASURE_HEADERS}
        wanted = [c for i, c in enumerate(cells) if i == 0 or asked & content_terms(c.partition(": ")[0])]
        if len(wanted) > 1:
            return ROW_CELL.join(wanted)
        return text[:MAX_QUOTE_CHARS]
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    pieces = _quote_pieces(text)
    best, best_key = (0, 0), None
    for first in range(len(pieces)):
        for last in range(first, len(pieces)):
            piece = " ".join(pieces[first : last + 1])
            if len(piece) > MAX_QUOTE_CHARS:
                break
            # "$200,000,000 for each of the fiscal years" after 280 characters naming the Technical
            # Support Center: the figure asked for is in the quote, with as many of the question's terms
            key = (context is None or gives_what_is_wanted(piece, context), len(asked & content_terms(piece)), len(piece))
            if best_key is None or key > best_key:
                best, best_key = (first, last), key
    if best_key is None:  # one word longer than a quote (a web address)
        return text[:MAX_QUOTE_CHARS] + "..."
    first, last = best
    return ("..." if first else "") + " ".join(pieces[first : last + 1]) + ("..." if last < len(pieces) - 1 else "")


def _quote_pieces(text: str) -> list[str]:
    """``text`` in clauses (at commas, semicolons, colons), a clause too long to quote beside another
    in runs of words; joined with spaces they give ``text`` again."""
    pieces = []
    for clause in re.split(r"(?<=[,;:])\s+", text):
        words, run = clause.split(" "), []
        for word in words:
            if run and len(" ".join([*run, word])) > MAX_QUOTE_CHARS // 3:
                pieces.append(" ".join(run))
                run = []
            run.append(word)
        pieces.append(" ".join(run))
    return pieces
