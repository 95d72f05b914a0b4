"""A document's title heads all its passages as a heading would: a plain text's first line standing alone, or a
headed document's first top heading."""

from __future__ import annotations

import re

from rag.records import Passage
from rag.rows import ROW
from rag.terms import content_terms

MAX_TITLE_CHARS = 300
# a message's header line ("From: ...", ingest's "From (sent by): ..."), a table's row: not a title
_NOT_A_TITLE = re.compile(r"^\W*(?:from|to|cc|bcc|subject|date|sent|reply-to)\b[^:]{0,12}:|.*\|", re.I)


def title_line(text: str, char_start: int, heading: tuple[str, ...] | str = (), own_chunk: bool = False) -> str:
    """A document's title line, read from its first chunk (``char_start`` 0) with no heading: the first line, when it
    stands alone before a blank line and is short (3 words to 300 characters), and is no message header nor table
    row (a plain text's title, "Memory-provoked rCBF-SPECT as a diagnostic tool in Alzheimer's disease?"); else "".
    With ``own_chunk`` (read for another chunk of the document) the line may also be the whole first chunk: the
    chunker cut after it ("Should cavitation in proximal surfaces be reported in cone beam computed tomography
    examination?" alone, the abstract's sections in the chunks after it)."""
    first, _, rest = text.strip().partition("\n\n")
    alone = (rest.strip() or own_chunk) and "\n" not in first and 3 <= len(first.split()) and len(first) <= MAX_TITLE_CHARS
    if char_start == 0 and not heading and alone and not (_NOT_A_TITLE.match(first) or ROW.match(first)):
        return first.strip()
    return ""


def top_heading(first: tuple[str, ...], heading: tuple[str, ...]) -> str:
    """A document's title as its first chunk's top heading (``first``), for a chunk whose own headings do not
    start with it: a report's "Greenfield Water Treatment Plant: Annual Report 2023" heads its "Operations > Throughput"
    too. Only a heading of three words or more: "Introduction" is a section, not a title."""
    if first and (not heading or heading[0] != first[0]) and len(first[0].split()) >= 3 and len(first[0]) <= MAX_TITLE_CHARS:
        return first[0].strip()
    return ""


def document_titles(passages: list[Passage]) -> dict[str, frozenset[str]]:
    """The terms of a document's title line (``title_line``), by source: as the retriever read it from the
    document's first chunk (``Passage.title``), or from that chunk when it is among the passages. It heads every
    passage of its document, as a heading would: an abstract's sentence ("Eighteen persons (73.2+/-4.8 years) with
    mild AD ...") is about what its title says."""
    titles = {}
    for passage in passages:
        if title := passage.title or title_line(passage.text, passage.char_start, passage.heading_path):
            titles[passage.source] = frozenset(content_terms(title))
    return titles
