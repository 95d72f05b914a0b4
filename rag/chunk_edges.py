"""Where a chunk cuts a sentence: its tail read with the opening another passage ends on, and a fragment at a
chunk's end that another passage holds whole (chunks of one document overlap when a long paragraph is split)."""

from __future__ import annotations

import re

from rag.cite import sentence_spans
from rag.records import Passage


def sentence_opening(passages: list[Passage], i: int, tail_end: int) -> str:
    """The opening of the sentence passage ``i`` starts inside, from another passage of the same document that
    overlaps its start and ends before the tail (its first ``tail_end`` characters) does; "" when none does, or one
    holds the whole sentence (it is quoted from there)."""
    passage = passages[i]
    for other in passages:
        if other is passage or other.source != passage.source:
            continue
        if not other.char_start < passage.char_start <= other.char_end:
            continue
        if other.char_end >= passage.char_start + tail_end:
            return ""  # the other passage holds the whole sentence
        cut = passage.char_start - other.char_start
        spans = [s for s in sentence_spans(other.text) if s.start < cut]
        return other.text[spans[-1].start : cut].strip() if spans and spans[-1].end >= cut - 1 else ""
    return ""


def held_whole_elsewhere(passages: list[Passage], i: int, span, unit: str) -> bool:
    """The unit ends passage ``i`` cut off (no full stop, no colon), and another passage of the same document holds
    it from its start and goes on past the cut."""
    passage = passages[i]
    if re.search(r"[.!?:;)\]\"'”’]\s*$", unit):
        return False
    start, end = passage.char_start + span.start, passage.char_start + span.end
    return any(other is not passage and other.source == passage.source and other.char_start <= start and end < other.char_end
               for other in passages)
