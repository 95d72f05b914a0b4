"""Passages and drafts written by hand for the answer-policy tests (tests/test_answer.py,
tests/test_quote_sources.py): no model, the policy is the point."""

from __future__ import annotations

from rag.records import Answer, Passage, Timings


def passage(text: str, source: str = "/docs/report.md", chunk_id: int = 1) -> Passage:
    return Passage(chunk_id=chunk_id, source=source, text=text, page=None, pages=(), heading_path=(), char_start=0,
                   char_end=len(text), file_type="md", collection="default", score=1.0, dense_score=0.6)


REPORT = passage("The plant opened in 1998. In 2023 it processed 18.4 million litres of water per day. The chlorine "
                 "contact time is 35 minutes at design flow. Each filter is backwashed every 36 hours. The lab ran 4,912 tests.")
HOURS = passage("Branch: Elm Street | Weekday hours: 09:00-20:00 | Saturday hours: 08:30-14:00 | Sunday hours: closed\n"
                "Branch: Riverside | Weekday hours: 10:00-18:00 | Saturday hours: 10:00-16:00 | Sunday hours: 12:00-16:00",
                "/docs/library_opening_hours.csv", 2)


def answer(question: str, draft: str, passages: list[Passage]) -> Answer:
    return Answer(question, "", True, [], passages, Timings(), draft=draft)
