"""Chats: a conversation's turns over one engine, and the helpers the engine condenses follow-ups with.

    chat = engine.chat()
    chat.ask("When does the Riverside branch close on Saturday?")
    chat.ask("And on Sunday?")  # written out from the history: "... close on Sunday?"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from rag.records import Answer

if TYPE_CHECKING:
    from rag.engine import Engine

HISTORY_TURNS = 3
HISTORY_CHARS = 300  # of each earlier question and answer shown to the model when condensing


class ChatSession:
    """A conversation: follow-up questions are condensed with the history before retrieval."""

    def __init__(self, engine: Engine, **options) -> None:
        self.engine = engine
        self.options = options
        self.history: list[tuple[str, str]] = []
        self.answers: list[Answer] = []

    def stream(self, question: str, **options) -> Iterator[str | Answer]:
        for event in self.engine.stream(question, history=list(self.history), **{**self.options, **options}):
            if isinstance(event, Answer):
                # the standalone form, so that a follow-up of a follow-up still knows its subject
                self.history.append((event.standalone or question, "" if event.refused else event.text))
                self.answers.append(event)
            yield event

    def ask(self, question: str, **options) -> Answer:
        return final_answer(self.stream(question, **options))

    def reset(self) -> None:
        self.history.clear()
        self.answers.clear()


def recent_turns(history: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The last ``HISTORY_TURNS`` turns of a chat that asked something."""
    return [(q, a) for q, a in history if q and q.strip()][-HISTORY_TURNS:]


def first_sentence(text: str) -> str:
    """The first sentence of an earlier answer, markers removed: enough to resolve "it" or "he"."""
    text = re.sub(r"\s*\[\d+(?:\s*[,;]\s*\d+)*\]", "", text or "").strip()
    match = re.search(r"[.!?](?:\s|$)", text)
    return text[: match.end()].strip() if match else text


def final_answer(events: Iterator[str | Answer]) -> Answer:
    """Run a stream to its end and return the ``Answer`` it finishes with."""
    answer = None
    for event in events:
        if isinstance(event, Answer):
            answer = event
    if answer is None:
        raise RuntimeError("the answer stream ended without an Answer")
    return answer
