"""Chat: questions answered from the chosen collection, streamed, with citation chips that open
the cited passage (and for a PDF, the page)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import streamlit as st

from rag.errors import RagError
from rag.records import Answer
from rag.retrieve import Filters
from webui import render, state

log = logging.getLogger("rag.webui")
CURSOR = " \u258c"


@dataclass
class Turn:
    question: str
    answer: Answer | None = None
    error: str | None = None


def toggle_citation(key: tuple[int, int]) -> None:
    current = st.session_state.get("open_citation")
    st.session_state["open_citation"] = None if current == key else key


def show_turn(index: int, turn: Turn) -> None:
    with st.chat_message("user"):
        render.show_text(turn.question)
    with st.chat_message("assistant"):
        if turn.error:
            st.error(render.md_text(turn.error))
            return
        answer = turn.answer
        if answer.rewrite:  # how a follow-up was understood, so a wrong reading is seen at once
            render.show_text(f"Understood as: {answer.standalone}", "rag-meta")
        if answer.refused:
            render.show_text(render.REFUSAL_TEXT, "rag-text rag-refused")
            render.show_text(render.REASONS.get(answer.refusal_reason, ""), "rag-meta")
            if answer.suggestion:  # a misspelt word respelt as the documents' word: asked when clicked
                st.button(render.md_text(f"Did you mean: {answer.suggestion}"), key=f"suggestion-{index}",
                          on_click=queue_question, args=(answer.suggestion,), icon=":material/spellcheck:")
            if answer.refusal_reason == "no_answering_sentence" and answer.draft:
                with st.expander("The model's unchecked draft"):
                    render.show_text(answer.draft)
            if answer.passages:
                with st.expander(f"Closest passages ({len(answer.passages)})"):
                    render.passages(answer.passages)
            return
        st.html(render.answer_html(answer.text))
        citations = render.unique_citations(answer)
        opened = st.session_state.get("open_citation")
        if citations:
            with st.container(horizontal=True, key=f"chips-{index}"):
                for citation in citations:
                    key = (index, citation.n)
                    st.button(render.chip_label(citation), key=f"chip-{index}-{citation.n}", on_click=toggle_citation,
                              args=(key,), type="primary" if opened == key else "secondary", icon=":material/description:")
            for citation in citations:
                if opened == (index, citation.n):
                    render.source_view(citation)
        notes = []
        if answer.extracted and not answer.draft:
            notes.append("the passage's own sentence: it answers the question, so the model was not asked")
        elif answer.extracted:
            notes.append("the model's draft was not supported by the passages: this is the passage's own sentence")
        elif answer.unsupported_sentences:
            notes.append(f"{answer.unsupported_sentences} sentence(s) of the draft that no passage supports were left out")
        if answer.timings.total_ms:
            notes.append(f"{answer.timings.total_ms / 1000:.1f} s, {answer.model}")
        if notes:
            render.show_text(" · ".join(notes), "rag-meta")
        if answer.draft and (answer.unsupported_sentences or answer.extracted):
            with st.expander("The model's full draft"):
                render.show_text(answer.draft)


def ask(session, collection: str, question: str) -> Turn:
    """Stream one answer into the page; returns the finished turn (or one with a readable error)."""
    turn = Turn(question)
    with st.chat_message("user"):
        render.show_text(question)
    with st.chat_message("assistant"):
        placeholder = st.empty()
        placeholder.html(render.text_html("Searching the documents ...", "rag-meta"))
        pieces: list[str] = []
        try:
            for event in session.stream(question, filters=Filters(collection=collection)):
                if isinstance(event, Answer):
                    turn.answer = event
                else:
                    pieces.append(event)
                    placeholder.html(render.answer_html("".join(pieces) + CURSOR))
        except RagError as exc:
            turn.error = f"Could not answer: {exc}"
        except Exception as exc:  # noqa: BLE001 - shown to the user; the trace goes to the log
            log.exception("answering %r failed", question)
            turn.error = f"Could not answer ({type(exc).__name__}): {exc}"
        placeholder.empty()
    return turn


def queue_question(question: str | None = None) -> None:
    """``st.chat_input``'s callback (and a suggestion's button's, with its question): runs before the rerun it causes,
    so a question typed while an answer streams is kept (the interrupted answer is started again, then this one is
    answered)."""
    question = (question or st.session_state.get("question") or "").strip()
    if question:
        st.session_state.setdefault("queue", []).append(question)


def main() -> None:
    engine = state.engine()
    collection = state.collection(engine)
    session = state.chat(engine)
    turns: list[Turn] = st.session_state.setdefault("turns", [])
    queue: list[str] = st.session_state.setdefault("queue", [])

    left, right = st.columns([5, 1], vertical_alignment="bottom")
    with left:
        st.title("Ask your documents")
        render.show_text(f"Collection: {collection} · model: {engine.settings.llm_backend} · "
                         f"top-k {engine.settings.top_k}, {engine.settings.retrieval_mode}", "rag-meta")
    with right:
        if st.button("New chat", icon=":material/add_comment:", disabled=not turns and not queue):
            state.new_chat()
            st.rerun()
    if not engine.documents(collection):
        st.info("This collection has no documents yet: add some on the Documents page.")

    for index, turn in enumerate(turns):
        show_turn(index, turn)

    # the input stays live while an answer streams; what is typed meanwhile waits in the queue
    st.chat_input("Ask a question about your documents", key="question", on_submit=queue_question)
    if not queue:
        return
    current = st.container()  # the answer being written comes before the questions waiting for it
    for waiting in queue[1:]:
        with st.chat_message("user"):
            render.show_text(waiting)
            render.show_text("waiting for the answer above", "rag-meta")
    # the question leaves the queue only once answered: an answer cut short by a rerun is started again
    with current:
        turn = ask(session, collection, queue[0])
    turns.append(turn)
    queue.pop(0)
    st.session_state["open_citation"] = None
    st.rerun()  # the new turn is drawn like the earlier ones, chips included; the next in the queue follows


main()
