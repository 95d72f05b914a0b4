"""What a quote must hold beyond its share of the question's terms (session 35, docs/ask.md): a later passage's
sentence more of them, every sentence of prose some closeness in meaning to the question, and a paraphrase (fewer of
the terms) much closeness.

Used by ``rag.extract`` on the sentences it found eligible; built from the settings by ``rag.engine.quote_bar``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from rag.rows import EMAIL_HEADER, ROW

HEADING_LINE = re.compile(r"^[^\n.!?;:,]{1,80}$")  # a short line without punctuation: a title inside a chunk
SENTENCE_OPENING = re.compile(r"\s*[\"'“‘(]?[A-Z0-9]")


class Quotable(Protocol):
    """A sentence that may be quoted (``rag.extract``'s candidates)."""
    @property
    def n(self) -> int: ...  # passage number, from 1
    @property
    def terms(self) -> set[str]: ...  # its own content terms
    @property
    def heading(self) -> set[str]: ...  # terms of its headings
    @property
    def overlap(self) -> float: ...  # share of the question's key terms it holds, with its headings
    @property
    def quote(self) -> str: ...


C = TypeVar("C", bound=Quotable)


@dataclass(frozen=True)
class Bar:
    """What a sentence must hold, beyond ``min_overlap`` of the question's terms, to be quoted: on SQuAD2's first
    1,000 questions (quote only) 0.638 / 0.888 / 0.225 / 0.494 -> 0.663 / 0.902 / 0.196 / 0.508 (holds gold / citation
    precision / false refusals / unanswerable refused); on the next 1,000 three better, precision the same (docs/ask.md,
    session 35). Not for a study described in the question (``extract`` leaves those out).
    ``measure`` is the cosine of the question to each of some texts (the index's embedding model); without it only
    ``later_overlap`` applies."""

    # a sentence of a passage other than the one the search ranked first holds this share of the question's terms:
    # the first passage is most often the one that answers, and a later one's sentence quoted on as few of the words
    # was most often wrong (SQuAD2's first 1,000: of the best sentences of a later passage holding 0.6 to 0.7 of them,
    # 9 quoted right, 9 wrong and 29 for unanswerable questions)
    later_overlap: float = 0.7
    # every quote is at least this close in meaning to the question: "Iqbal's seven English lectures were published
    # ... in a book titled ..." holds the words of "What was the English title of Polo's book?" (cosine 0.23), "Janet
    # Gray and other supporters of the hypothesis ..." those of "Who was Janet Gray married to?" (0.23)
    min_closeness: float = 0.35
    # a sentence of the first passage holding fewer of the question's terms is quoted when it is this close in
    # meaning, a paraphrase: "Tancred was instrumental in the conquest of Jerusalem" for "What major conquest did
    # Tancred play a roll in?" (0.4 of its terms, cosine 0.69); a whole sentence, not a piece of one a PDF's line
    # break cut off ("data, in litres per 100 km." is close to "What is the fuel consumption of Van 04 in litres per
    # 100 km?" and says none)
    paraphrase_overlap: float = 0.4
    paraphrase_closeness: float = 0.6
    measure: Callable[[str, list[str]], list[float]] | None = None

    def floor(self, min_overlap: float) -> float:
        """The least share of the question's terms a sentence may hold to be considered."""
        return min(min_overlap, self.paraphrase_overlap) if self.measure else min_overlap

    def clears(self, questions: tuple[str, ...], asked: set[str], eligible: list[C], min_overlap: float) -> list[C]:
        """The sentences that clear the bar. How close a sentence is in meaning: to the closest of ``questions``, the
        question as searched and (a chat's follow-up searched with the question before it) the last one alone ("And
        how much downtime is expected?" for "We expect a downtime of 72 minutes.")."""
        # by meaning only a sentence of prose: a table row, an e-mail's header line or a heading is read by its cells
        # and headers, and is far in meaning from any question ("Important points: Roses are red; Violets are blue")
        prose = [not (ROW.match(e.quote.strip()) or EMAIL_HEADER.match(e.quote) or HEADING_LINE.match(e.quote.strip()))
                 for e in eligible]
        close: list[float | None] = [None] * len(eligible)
        if self.measure and any(prose):
            texts = [e.quote for e, read in zip(eligible, prose) if read]
            readings = [self.measure(q, texts) for q in dict.fromkeys(questions)]
            measured = iter([max(r[i] for r in readings) for i in range(len(texts))])
            close = [next(measured) if read else None for read in prose]
        kept = []
        for e, cosine in zip(eligible, close):
            needed = min_overlap if e.n == 1 else max(min_overlap, self.later_overlap)
            # a sentence holding every term of the question, some only in its headings, is read under them: a slide's
            # "Replacing the ticketing system of the Vale Regional Railway" under "Project Osprey: kickoff" is far in
            # meaning from "What system is Project Osprey replacing?" alone (cosine 0.13)
            headed = e.overlap >= 1.0 and bool((asked & e.heading) - e.terms)
            if e.overlap >= needed and (cosine is None or cosine >= self.min_closeness or headed) or (
                    cosine is not None and e.n == 1 and e.overlap >= self.paraphrase_overlap
                    and len(asked & (e.terms | e.heading)) >= 2
                    and cosine >= self.paraphrase_closeness and whole_sentence(e.quote)):
                kept.append(e)
        return kept


def whole_sentence(text: str) -> bool:
    """It opens as a sentence does and has four words or more."""
    return bool(SENTENCE_OPENING.match(text)) and len(text.split()) >= 4
