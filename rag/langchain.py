"""langchain-core adapters over an ``Engine``: a ``BaseRetriever`` and a ``Runnable`` answer chain.

    from rag.langchain import RagRetriever, answer_chain
    retriever = RagRetriever(engine=engine, k=4)          # -> list[Document] with provenance metadata
    chain = answer_chain(engine)                           # str or {"question": ...} -> answer dict
    chain.invoke("How long is the downtime?")["answer"]
    for piece in chain.stream("..."): ...                  # text pieces, then the answer dict
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableGenerator, RunnableLambda
from pydantic import ConfigDict

from rag.engine import Engine
from rag.records import Answer, Passage
from rag.retrieve import Filters


def to_document(passage: Passage) -> Document:
    """A passage as a LangChain ``Document``; provenance and scores go in the metadata."""
    metadata = passage.to_dict()
    metadata.pop("text")
    return Document(page_content=passage.text, metadata=metadata)


class RagRetriever(BaseRetriever):
    """Hybrid (or dense / keyword) search of a ``rag`` index as a LangChain retriever."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    engine: Engine
    k: int | None = None
    mode: str | None = None
    filters: Filters | None = None
    mmr_lambda: float | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        passages = self.engine.retrieve(query, k=self.k, mode=self.mode, filters=self.filters, mmr_lambda=self.mmr_lambda)
        return [to_document(p) for p in passages]


def _question(value: Any) -> tuple[str, dict]:
    if isinstance(value, str):
        return value, {}
    if isinstance(value, dict) and "question" in value:
        options = {k: v for k, v in value.items() if k in ("history", "k", "mode", "filters", "mmr_lambda")}
        return str(value["question"]), options
    raise TypeError("the answer chain takes a question string or a dict with a 'question' key")


def answer_chain(engine: Engine) -> Runnable:
    """A Runnable: question (str, or dict with ``question`` and optional ``history``/``k``/``mode``)
    -> ``Answer.to_dict()``. ``stream`` yields the text pieces, then the answer dict."""

    def invoke(value: Any) -> dict:
        question, options = _question(value)
        return engine.ask(question, **options).to_dict()

    def stream(values: Iterator[Any]) -> Iterator[str | dict]:
        for value in values:
            question, options = _question(value)
            for event in engine.stream(question, **options):
                yield event.to_dict() if isinstance(event, Answer) else event

    return _Chain(invoke, stream)


class _Chain(RunnableLambda):
    """``invoke`` answers in one go; ``stream`` passes the model's text pieces through as they come."""

    def __init__(self, invoke, stream) -> None:
        super().__init__(invoke, name="rag_answer")
        self._generator = RunnableGenerator(stream, name="rag_answer_stream")

    def stream(self, input: Any, config=None, **kwargs) -> Iterator[Any]:  # noqa: A002 - LangChain's signature
        yield from self._generator.stream(input, config, **kwargs)

    def transform(self, input: Iterator[Any], config=None, **kwargs) -> Iterator[Any]:  # noqa: A002
        yield from self._generator.transform(input, config, **kwargs)
