"""What ``rag eval`` keeps of one question: its retrieval ranks and, with answers, the answer scored
with citation verification on and off; saved one JSON line per question (``result_record``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class AnswerScore:
    """One generated answer scored against the gold answers."""

    answer: str
    refused: bool
    exact_match: float | None = None
    f1: float | None = None
    contains_gold: bool | None = None  # the answer's text holds a gold answer (fairer to sentence answers)
    citations: int = 0
    correct_citations: int = 0
    cited_gold: bool | None = None  # the answer cites a passage holding a gold answer


@dataclass
class QuestionResult:
    id: str
    question: str
    answerable: bool
    relevant_ranks: list[int]  # 1-based ranks of relevant passages among the retrieved
    page_ranks: list[int]  # ... that are also on the gold page (when a page is given)
    retrieve_ms: float
    has_page: bool = False  # the question names a gold page
    relevance: float | None = None  # best cosine among the top_k passages (the engine's refusal test)
    verified: AnswerScore | None = None  # the answer with citation verification on ...
    unverified: AnswerScore | None = None  # ... and the same draft with it off
    gold_offered: bool | None = None  # a passage given to the model held a gold answer
    answer_ms: float | None = None
    error: str | None = None

    def flags(self, depth: int) -> list[bool]:
        return [rank in self.relevant_ranks for rank in range(1, depth + 1)]

    def page_flags(self, depth: int) -> list[bool]:
        return [rank in self.page_ranks for rank in range(1, depth + 1)]

    def score(self, verify_citations: bool) -> AnswerScore | None:
        return self.verified if verify_citations else self.unverified

    @classmethod
    def from_record(cls, record: dict) -> QuestionResult:
        fields = dict(record)
        for name in ("verified", "unverified"):
            if fields.get(name) is not None:
                fields[name] = AnswerScore(**fields[name])
        return cls(**fields)


def result_record(result: QuestionResult) -> dict:
    record = asdict(result)
    record["retrieve_ms"] = round(result.retrieve_ms, 2)
    if result.answer_ms is not None:
        record["answer_ms"] = round(result.answer_ms, 2)
    return record
