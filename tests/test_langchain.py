"""The langchain-core adapters inside small LCEL chains, over the real index and model."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.documents import Document
from langchain_core.prompts import PromptTemplate
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from rag.langchain import RagRetriever, answer_chain


def test_retriever_in_an_lcel_chain(sample_engine):
    retriever = RagRetriever(engine=sample_engine, k=2)
    docs = retriever.invoke("What is the chlorine contact time?")
    assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)
    assert Path(docs[0].metadata["source"]).name == "water_treatment_report_2023.pdf"
    assert "35 minutes" in docs[0].page_content and docs[0].metadata["page"] in (2, 3)

    def join(documents: list[Document]) -> str:
        return "\n".join(f"{Path(d.metadata['source']).name}: {d.page_content}" for d in documents)

    prompt = PromptTemplate.from_template("Context:\n{context}\n\nQuestion: {question}")
    chain = {"context": retriever | RunnableLambda(join), "question": RunnablePassthrough()} | prompt
    rendered = chain.invoke("How long is the downtime of the database migration?").to_string()
    assert "maintenance_window.eml" in rendered and "72 minutes" in rendered
    assert rendered.endswith("Question: How long is the downtime of the database migration?")


@pytest.mark.slow
def test_answer_chain_invoke_and_stream(sample_engine):
    chain = RunnableLambda(lambda q: {"question": q.strip()}) | answer_chain(sample_engine)
    result = chain.invoke("  What is the daily meal allowance within the European Union?  ")
    assert result["refused"] is False and "58 euros" in result["answer"]
    assert any(c["supported"] and "58 euros" in c["quote"] for c in result["citations"])

    events = list(chain.stream("What is the chlorine contact time?"))
    pieces, final = events[:-1], events[-1]
    assert len(pieces) >= 3 and all(isinstance(p, str) for p in pieces)
    assert isinstance(final, dict) and "".join(pieces).strip() == final["draft"] and final["refused"] is False

    batch = answer_chain(sample_engine).batch(["What is the capital of Australia?", "What is the chlorine contact time?"])
    assert [b["refused"] for b in batch] == [True, False]
