"""A plain text's title: its first line, standing alone, heads all its passages as a heading would."""

from __future__ import annotations

import re

from rag.cite import content_terms
from rag.records import Passage

MAX_TITLE_CHARS = 300
# a message's header line ("From: ...", ingest's "From (sent by): ..."), a table's row: not a title
_NOT_A_TITLE = re.compile(r"^\W*(?:from|to|cc|bcc|subject|date|sent|reply-to)\b[^:]{0,12}:|.*\|", re.I)


def document_titles(passages: list[Passage]) -> dict[str, frozenset[str]]:
    """The terms of a document's title, by source: the first line of its first chunk, when that chunk is among the
    passages, has no heading and the line stands alone and short (a plain text's title, "Memory-provoked rCBF-SPECT
    as a diagnostic tool in Alzheimer's disease?"). It heads every passage of its document, as a heading would: an
    abstract's sentence ("Eighteen persons (73.2+/-4.8 years) with mild AD ...") is about what its title says."""
    from rag.grounding import ROW  # grounding reads titles in ask_context

    titles = {}
    for passage in passages:
        first, _, rest = passage.text.strip().partition("\n\n")
        alone = rest.strip() and "\n" not in first and 3 <= len(first.split()) and len(first) <= MAX_TITLE_CHARS
        if passage.char_start == 0 and not passage.heading and alone and not (_NOT_A_TITLE.match(first) or ROW.match(first)):
            titles[passage.source] = frozenset(content_terms(first))
    return titles
