"""Elements -> chunks: structural chunking with provenance, and the embedding-window guard.

The document's text is its elements' texts joined by blank lines; every chunk records its
character span in that text, its page(s), the heading path above it and the element types in it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rag.records import Chunk

SEPARATOR = "\n\n"
MAX_HEADING_CHARS = 120
_MARGINALIA = {"Header", "Footer", "PageNumber", "PageBreak"}
_SPACE_RUN = re.compile(r"(?<=\S)[ \t\u00a0]{3,}(?=\S)")  # between words; indentation at a line's start stays
# a running header of words, not "Page 3 of 10" or a date alone
_PAGE_TITLE = re.compile(r"^(?!\s*(?:page|p\.|seite|página)\s*\d)(?=.*[^\W\d_]{3,})", re.I)
# A "title" that starts lower-case or ends a sentence is a stray last line of a PDF paragraph.
_NOT_A_HEADING = re.compile(r"^[a-z]|[.;,:]$")

# Returns (token count, token character offsets) for a text, without special tokens.
Tokenize = Callable[[str], list[tuple[int, int]]]


@dataclass(frozen=True)
class Placed:
    """An element placed in the document's text."""

    start: int
    end: int
    category: str
    page: int | None
    heading_path: tuple[str, ...]
    is_heading: bool


def place_elements(elements: Sequence) -> tuple[str, list[Placed]]:
    """Join the elements' texts into the document text and record where each one landed."""
    parts: list[str] = []
    placed: list[Placed] = []
    headings: list[tuple[int, str]] = []  # (depth, text)
    offset = 0
    for element in elements:
        text = element.text or ""
        if not text.strip():
            continue
        category = element.category
        is_heading = category == "Title" and not _NOT_A_HEADING.search(text.strip())
        if is_heading:
            depth = element.metadata.category_depth or 0
            headings = [h for h in headings if h[0] < depth] + [(depth, text.strip()[:MAX_HEADING_CHARS])]
        elif category == "Header" and _PAGE_TITLE.search(text) and len(text.strip()) <= MAX_HEADING_CHARS:
            # a page's running header names its chapter or section ("HANDS-FREE CARD: use (2/4)" over a
            # car manual's page): it heads the page's text, outside the titles that follow it
            headings = [(-1, " ".join(text.split()))] + [h for h in headings if h[0] >= 0]
        if parts:
            offset += len(SEPARATOR)
        parts.append(text)
        placed.append(
            Placed(offset, offset + len(text), category, element.metadata.page_number, tuple(h for _, h in headings), is_heading)
        )
        offset += len(text)
    return SEPARATOR.join(parts), placed


def structural_chunks(elements: Sequence, *, max_chars: int, soft_chars: int, overlap: int, combine_under: int) -> list[str]:
    """Texts of unstructured's ``chunk_by_title`` chunks; tables stay whole and alone."""
    from unstructured.chunking.title import chunk_by_title

    chunks = chunk_by_title(
        [e for e in elements if (e.text or "").strip()],
        max_characters=max_chars,
        new_after_n_chars=min(soft_chars, max_chars),
        overlap=overlap,
        combine_text_under_n_chars=min(combine_under, soft_chars),
        multipage_sections=True,
        skip_table_chunking=True,
        include_orig_elements=False,
    )
    return [c.text for c in chunks if c.text.strip()]


_WORD_REACH = 40  # how far back a chunk's start moves to the start of the word it would cut


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _squeezed(text: str) -> tuple[str, list[int]]:
    """The text with every run of whitespace one space (none at the ends), as the chunker writes a
    chunk's text, and for each of its characters the position it came from."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    positions: list[int] = []
    for n, (at, word) in enumerate(words):
        if n:
            positions.append(at - 1)  # the space stands for the whitespace before the word
        positions.extend(range(at, at + len(word)))
    return " ".join(word for _, word in words), positions


def locate(doc_text: str, texts: Sequence[str], overlap: int = 0, max_chars: int = 10**9) -> list[tuple[int, int]]:
    """Find each chunk text in the document text, in order.

    The chunker writes each element's whitespace as single spaces ("Trustees\t\t  " and "I.  EXERCISE"
    become "Trustees" and "I. EXERCISE"), so texts are matched with every whitespace run read as
    one space and the span is the document's own text; matched as written, such a chunk was placed
    by its first line or at the document's start, and the text it held was lost.
    A chunk starts at or after the previous one's end, less the ``overlap`` that split pieces share;
    a shared part that the chunker began inside a word ("ner promised" of "Wagner") starts at the word
    (or after it, when the whole word would make the piece longer than ``max_chars``).
    """
    flat, positions = _squeezed(doc_text)
    spans: list[tuple[int, int]] = []  # in ``flat``
    cursor = 0
    for text in texts:
        text = " ".join(text.split())
        start = flat.find(text, cursor)
        if start < 0:
            start = flat.find(text)
        if start < 0:  # written otherwise still: match on its opening words, else it follows the one before
            start = flat.find(text[:60], cursor)
            start = start if start >= 0 else min(cursor, max(len(flat) - len(text), 0))
        end = min(start + len(text), len(flat))
        if spans and start < spans[-1][1] and _inside_word(flat, start):  # the shared part starts at a word
            back = start
            while back > max(spans[-1][0] + 1, start - _WORD_REACH, end - max_chars) and _inside_word(flat, back):
                back -= 1
            if _inside_word(flat, back):  # the whole word would not fit: the piece starts after it
                while start < end and _inside_word(flat, start):
                    start += 1
            else:
                start = back
        spans.append((start, end))
        cursor = max(start + 1, end - overlap)
    return [(positions[a], positions[b - 1] + 1) if b > a else (positions[a] if a < len(positions) else len(doc_text),) * 2
            for a, b in spans]


def window_split(text: str, offsets: list[tuple[int, int]], limit: int, overlap_tokens: int) -> list[tuple[int, int]]:
    """Split a text longer than ``limit`` tokens into character spans of at most ``limit`` tokens.

    Cuts fall between words where possible, and consecutive pieces share ``overlap_tokens``.
    """
    n = len(offsets)
    if n <= limit:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    first = 0
    while first < n:
        last = min(first + limit, n)  # exclusive
        if last < n:
            floor = first + limit // 2
            back = last
            while back > floor and offsets[back][0] == offsets[back - 1][1]:  # inside a word
                back -= 1
            last = back if back > floor else last
        spans.append((offsets[first][0], offsets[last - 1][1]))
        if last >= n:
            break
        previous, first = first, max(last - overlap_tokens, first + 1)
        while first - 1 > previous and offsets[first][0] == offsets[first - 1][1]:
            first -= 1  # the shared part starts at a word, not inside one ("ner promised" of "Wagner")
    return spans


def line_split(text: str, offsets: list[tuple[int, int]], limit: int, overlap_tokens: int) -> list[tuple[int, int]]:
    """Split a table's text (one row per line) into spans of whole lines of at most ``limit`` tokens;
    a single line longer than that is split by ``window_split`` (with ``overlap_tokens``)."""
    if len(offsets) <= limit:
        return [(0, len(text))]
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for line_start, line_end in lines:
        if current and _tokens_in(offsets, current[0], line_end) <= limit:
            current = (current[0], line_end)
            continue
        if current:
            spans.append(current)
        current = (line_start, line_end)
        if _tokens_in(offsets, line_start, line_end) > limit:
            inner = [(a, b) for a, b in offsets if a >= line_start and b <= line_end]
            spans.extend((line_start + a, line_start + b) for a, b in
                         window_split(text[line_start:line_end], [(a - line_start, b - line_start) for a, b in inner], limit,
                                      overlap_tokens))
            current = None
    if current:
        spans.append(current)
    return spans


def _tokens_in(offsets: list[tuple[int, int]], start: int, end: int) -> int:
    return sum(1 for a, b in offsets if a >= start and b <= end)


def make_chunks(
    elements: Sequence,
    *,
    max_chars: int,
    soft_chars: int,
    overlap: int,
    combine_under: int,
    tokenize: Tokenize,
    window: int,
) -> tuple[str, list[Chunk]]:
    """Chunk a parsed document; returns the document text and its chunks with provenance."""
    for element in elements:  # a page's menu laid out with runs of spaces ("Weather Safety      Air Quality")
        if element.text and _SPACE_RUN.search(element.text):
            element.text = _SPACE_RUN.sub(" ", element.text)
    doc_text, placed = place_elements(elements)
    texts = structural_chunks(elements, max_chars=max_chars, soft_chars=soft_chars, overlap=overlap, combine_under=combine_under)
    chunks: list[Chunk] = []
    starts = [p.start for p in placed]
    tables = [(p.start, p.end) for p in placed if p.category == "Table"]
    for start, end in locate(doc_text, texts, overlap, max_chars):
        text = doc_text[start:end]
        offsets = tokenize(text)
        if any(a <= start and end <= b for a, b in tables):  # whole rows, no overlap: each row stands alone
            pieces = line_split(text, offsets, window, max(overlap // 5, 0))
        else:
            pieces = window_split(text, offsets, window, overlap_tokens=max(overlap // 5, 0))
        for piece_start, piece_end in pieces:
            span = (start + piece_start, start + piece_end)
            n_tokens = sum(1 for a, b in offsets if a >= piece_start and b <= piece_end)
            chunks.append(_with_provenance(len(chunks), doc_text, span, placed, starts, n_tokens, len(pieces) > 1))
    return doc_text, drop_lone_table_titles(chunks)


def drop_lone_table_titles(chunks: list[Chunk]) -> list[Chunk]:
    """Leave out a chunk that is only the title in front of a table (a sheet name, a caption): the
    table's own chunks carry it as their heading, and alone it would only crowd search results."""
    kept = [c for i, c in enumerate(chunks)
            if not (c.element_types == ("Title",) and i + 1 < len(chunks) and "Table" in chunks[i + 1].element_types)]
    return [replace(c, ordinal=i) for i, c in enumerate(kept)]


def _with_provenance(
    ordinal: int, doc_text: str, span: tuple[int, int], placed: list[Placed], starts: list[int], n_tokens: int, split: bool
) -> Chunk:
    start, end = span
    first = max(bisect_right(starts, start) - 1, 0)
    inside: list[Placed] = []
    for i in range(first, len(placed)):
        if placed[i].start >= end:
            break
        if placed[i].end > start:
            inside.append(placed[i])
    inside = inside or [placed[first]]
    pages = tuple(sorted({p.page for p in inside if p.page is not None}))
    types = tuple(dict.fromkeys(p.category for p in inside))
    body = next((p for p in inside if not p.is_heading and p.category not in _MARGINALIA), inside[-1])
    return Chunk(
        ordinal=ordinal,
        text=doc_text[start:end],
        char_start=start,
        char_end=end,
        pages=pages,
        heading_path=body.heading_path,
        element_types=types,
        n_tokens=n_tokens,
        window_split=split,
    )
