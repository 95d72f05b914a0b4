"""Showing answers, passages and citations. Text from documents and from the model is always
escaped and shown as text: no Markdown (an image link would make the browser fetch it) and no HTML.

Two ways in: ``show_text`` and the other ``*_html`` helpers for blocks, and ``md_text`` for every
Streamlit label, heading, caption, progress text and alert, which Streamlit renders as Markdown.
Select options and data frame cells are plain text in Streamlit; ``plain`` only cleans them."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import streamlit as st

from rag.records import Answer, Citation, Passage
from webui import pdf_view

STYLE = """
<style>
.rag-text { white-space: pre-wrap; line-height: 1.55; }
.rag-text mark { background: #ffe08a; padding: 0 2px; border-radius: 3px; }
.rag-text sup.rag-cite { color: #1c64d6; font-weight: 600; }
.rag-meta { color: #555; font-size: 0.88rem; }
.rag-refused { color: #8a4b00; font-weight: 600; }
</style>
"""
MARKER = re.compile(r"\[(\d{1,3})\]")
REASONS = {
    "no_relevant_passages": "No passage in this collection is close enough to the question.",
    "unsupported": "The model's answer was not supported by the passages, so it is not shown.",
    "model_declined": "The model found no answer in the passages.",
    "unknown_name": "The question names something that none of the passages found mentions.",
    "no_answering_sentence": "The model wrote an answer, but no sentence of the passages says it, so it is not shown as "
                             "the answer: the bundled model is mostly wrong then. Its draft is below, unchecked.",
    "context_too_small": "The passages do not fit the model's context window; raise the context size in Settings.",
}
REFUSAL_TEXT = "Not found in the documents."
PAGE_WIDTH = 640  # pixels: a PDF page readable beside the chat
# CommonMark lets any ASCII punctuation be escaped with a backslash and then shows it as itself; this
# also stops Streamlit's own syntax (:material/icon:, :red[text], $math$) and raw HTML
MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# right-to-left overrides and isolates can make "txt.exe" read as "exe.txt"
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def style() -> None:
    st.html(STYLE)


def plain(text: str) -> str:
    """Untrusted text without control characters (line breaks, escape sequences, bidi overrides),
    each replaced by a space, for places Streamlit shows as plain text."""
    return "".join(" " if unicodedata.category(c) == "Cc" or c in BIDI_CONTROLS else c for c in str(text))


def md_text(text: str) -> str:
    """Untrusted text (a file, collection or heading name, an error) for a Streamlit label, heading,
    caption or alert: Streamlit renders those as Markdown, so every Markdown character is escaped and
    the browser shows exactly the text, on one line, without fetching anything."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", plain(text))


def text_html(text: str, css: str = "rag-text") -> str:
    return f'<div class="{css}">{html.escape(text)}</div>'


def show_text(text: str, css: str = "rag-text") -> None:
    """Any untrusted text, shown exactly as written."""
    st.html(text_html(text, css))


def answer_html(text: str) -> str:
    """The answer, escaped, with its [n] markers set as superscripts."""
    escaped = html.escape(text)
    return '<div class="rag-text">' + MARKER.sub(r'<sup class="rag-cite">[\1]</sup>', escaped) + "</div>"


def location(passage: Passage) -> str:
    parts = [Path(passage.source).name]
    if passage.pages:
        parts.append(pages_label(passage.pages))
    if passage.heading:
        parts.append(passage.heading)
    return " · ".join(parts)


def pages_label(pages: tuple[int, ...]) -> str:
    if not pages:
        return ""
    return f"p.{pages[0]}" if len(pages) == 1 else f"pp.{pages[0]}-{pages[-1]}"


def chip_label(citation: Citation) -> str:
    """The chip's button label (Markdown, so escaped)."""
    pages = pages_label(citation.passage.pages)
    return md_text(f"[{citation.n}] {Path(citation.passage.source).name}" + (f" {pages}" if pages else ""))


def highlighted(text: str, start: int, end: int) -> str:
    """The passage, escaped, with [start, end) marked."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return (
        '<div class="rag-text">' + html.escape(text[:start]) + "<mark>" + html.escape(text[start:end]) + "</mark>"
        + html.escape(text[end:]) + "</div>"
    )


def unique_citations(answer: Answer) -> list[Citation]:
    """One citation per passage number, the best supported first."""
    best: dict[int, Citation] = {}
    for citation in answer.citations:
        if not citation.supported:
            continue
        if citation.n not in best or citation.support > best[citation.n].support:
            best[citation.n] = citation
    return [best[n] for n in sorted(best)]


def source_view(citation: Citation) -> None:
    """The cited passage with the quote marked, where it comes from, and for a PDF the page itself."""
    passage = citation.passage
    with st.container(border=True, key=f"source-{passage.chunk_id}-{citation.quote_start}"):
        show_text(location(passage), "rag-meta")
        show_text(f"Supports: \u201c{citation.sentence}\u201d ({citation.support:.0%} of its words are in the quote)",
                  "rag-meta")
        st.html(highlighted(passage.text, citation.quote_start, citation.quote_end))
        if passage.file_type == "pdf" and passage.pages:
            rendered = pdf_view.page_image(passage.source, passage.pages, citation.quote)
            if rendered is None:
                show_text("The PDF page could not be rendered (the file was moved, changed or is protected).", "rag-meta")
            else:
                number, png = rendered
                st.image(png, caption=md_text(f"{Path(passage.source).name}, page {number}"), width=PAGE_WIDTH)


def passages(items: list[Passage]) -> None:
    for number, passage in enumerate(items, 1):
        show_text(f"[{number}] {location(passage)}", "rag-meta")
        show_text(passage.text)
