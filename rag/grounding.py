"""Does a claim's figure stand where the question points? Checks that need the question.

Word overlap says a claim and a passage talk about the same thing; it cannot tell that a small
model took the weekday closing time for a Saturday question, the Elm Street row for a Riverside
question, or the 2025 sheet for a 2024 question. So, given the question:

* a number or name the claim adds must stand in a passage sentence that shares a word with the
  question or the claim (the unit after a number, "minutes", does not count);
* in a table row (``Header: value | ...``, as ingest/tables.py writes rows), only in the row the
  question names (the rows whose cells hold the question's rarest terms, over all passages given),
  in the column the question names when it names one, and every new word of the claim must be
  in that row;
* not from a table whose heading (sheet name, caption) matches the question less well than another
  table's heading does.

What kind of answer the question wants, and whether a sentence gives it, is ``rag.wants``; how ingest writes
table rows, ``rag.rows``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from rag.cite import names, sentence_spans
from rag.question_parts import asked_clause, described_work, studied_sources, unknown_names
from rag.records import Passage
from rag.rows import ROW, row_values
from rag.source_naming import naming_terms, source_terms, without_source_words
from rag.terms import META_TERMS, content_terms, file_words, numbers
from rag.wants import YEAR, figure_forms, wanted

_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
_INNER_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+\b(?![-'’])")  # a capitalised word after a lower-case one or a comma
_UNIT_AFTER_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*\s*[^\W\d_]*", re.UNICODE)
# a question about the message itself: its header line's date answers it, not "When is the event?"
ABOUT_SENDING = re.compile(r"\b(?:sen[dt]|sending|receiv\w*|e-?mail\w*|messages?|mail(?:ed)?|wrote|written|dated|reply|replied|"
                           r"forward\w*)\b", re.I)
# "When did Tamir Erez send his reply to Slava?": the header of the message Tamir sent, not the one he got
_SENDER_ASKED = re.compile(r"\b(?:did|does|do|has|had|have)\s+((?:[A-Z][\w'’.-]*\s+){1,3}?)(?:first\s+|last\s+|finally\s+)?"
                           r"(?:send|write|reply|respond|answer|forward|e-?mail|mail)\b")
# a message's header line, ours ("From (sent by): ...; To: ...") or one quoted in a reply ("From: ... Sent: ... To: ...")
_HEADER_FROM = re.compile(r"^\s*From(?: \(sent by\))?:\s*(.+?)(?:;\s*To|\s+Sent:|\s+To:|\s+Date:)", re.I)


@dataclass(frozen=True)
class Asked:
    """What was asked, worked out once for all the claims of one answer."""

    question: str
    terms: frozenset[str]
    named_rows: frozenset[str] = frozenset()  # table rows (over all passages) the question names
    heading_hits: dict[int, int] = field(default_factory=dict)  # table passages: chunk id -> question terms in heading
    wants: str | None = None  # "frequency", "length", "money", "quantity", "date", "name" or None: what the answer must hold
    # the documents that hold most of the words describing the study asked about (``described_work``), when one
    # holds enough of them: a claim or quote from another paper answers about another study
    studied: frozenset[str] = frozenset()
    # the question's terms without those describing the study: what is asked of it
    proper: frozenset[str] = frozenset()
    work: frozenset[str] = frozenset()  # the terms describing the study (``described_work``)
    clause: str = ""  # the question proper (``asked_clause``)
    unknown: frozenset[str] = frozenset()  # names the question gives that no passage holds (``unknown_names``)
    # the terms of a plain text's title line, by source (``rag.titles.document_titles``): they head all its passages
    titles: dict[str, frozenset[str]] = field(default_factory=dict)
    # the words the passages write in lower case, and those they write capitalised inside a sentence and never in
    # lower case (names: a sentence opening on one gives a name, "Sweden rationed gasoline and heating oil.")
    lower_words: frozenset[str] = frozenset()
    proper_words: frozenset[str] = frozenset()

    @cached_property
    def stems(self) -> frozenset[str]:
        """The first four letters of the question's longer words: "Swed" finds "Swedish" a form of "Sweden"."""
        return frozenset(w[:4] for w in re.findall(r"[^\W\d_]{5,}", self.question.lower()))

    @cached_property
    def figure_forms(self) -> tuple[re.Pattern, ...]:
        """The forms a figure answering this quantity question must take (``rag.wants.figure_forms``)."""
        return figure_forms(self.wants, self.clause)


def ask_context(question: str, passages: list[Passage]) -> Asked:
    from rag.injection import masked
    from rag.titles import document_titles

    terms = frozenset(question_terms(question))
    # read without instruction cells, as the claims are checked (rag.cite.check)
    rows_of = {p.chunk_id: [u for u in units(masked(p.text)) if ROW.match(u)] for p in passages}
    rows = [row for found in rows_of.values() for row in found]
    # sheet names and captions tell tables apart; a prose chunk's heading is only where it starts
    hits = {p.chunk_id: len(terms & content_terms(p.heading)) for p in passages if rows_of[p.chunk_id]}
    clause = asked_clause(question)
    wants = wanted(clause)
    work = frozenset(described_work(question))
    proper = terms - work
    unknown = unknown_names(without_source_words(question), passages) - naming_terms(question)
    lower = frozenset(word for p in passages for word in _LOWER_WORD.findall(p.text))
    capitalised = {word.lower() for p in passages for word in _INNER_NAME.findall(p.text)} - lower
    return Asked(question, terms, frozenset(asked_rows(rows, set(terms))), hits, wants, studied_sources(work, passages),
                 proper if proper != terms else frozenset(), work, clause, unknown, document_titles(passages), lower,
                 frozenset(capitalised))


def question_terms(question: str) -> set[str]:
    """The question's content terms, without the words that name a kind of source (all of them when
    that would leave none)."""
    return content_terms(without_source_words(question)) or content_terms(question)


def units(text: str) -> list[str]:
    """A passage's sentences and table rows."""
    return [text[s.start : s.end].strip() for s in sentence_spans(text)]


# a cell saying the row has nothing there: "Sunday hours: closed", "Wi-Fi: no", "Parking: n/a", "Vegan: -"
_EMPTY_CELL = re.compile(r"^\W*(?:closed|none|no|n/?a|not available|unavailable|not applicable|nil|never|[-–—x✗✘])\W*$", re.I)
# a question asking which rows lack something: "Which branch is not open on Sunday?", "... closed on Sunday?"
_ASKS_ABSENCE = re.compile(r"\b(?:not|no|never|closed|without|none|lacks?|lacking|missing|isn't|aren't|doesn't|don't|"
                           r"unavailable|except)\b|n['’]t\b", re.I)


def fails_condition(row: str, question: str, terms: set[str], head: set[str]) -> bool | None:
    """For a question picking rows ("Which branch opens on Sunday?"; ``head``: the terms of what it asks for, "branch"),
    whether the row says it has nothing under a column the question names as the condition ("Sunday hours: closed"):
    that row is not one the question picks, whatever its other cells. None when the row has no column the head names,
    or no other column the question's ``terms`` name, or the question asks for what is missing ("not open")."""
    if not head or _ASKS_ABSENCE.search(question):
        return None
    cells = [(content_terms(header), value) for header, _, value in (cell.partition(": ") for cell in row.split(" | "))]
    if not any(names_of & head for names_of, _ in cells):
        return None
    conditions = [value for names_of, value in cells if names_of & terms and not names_of & head]
    return any(_EMPTY_CELL.match(value) for value in conditions) if conditions else None


def asked_rows(rows: list[str], asked: set[str]) -> set[str]:
    """The rows the question names: those whose cell values hold the question's terms, rarer terms
    (found in fewer rows) counting more. Empty when no row's values hold any of them."""
    values = {row: row_values(row) & asked for row in rows}
    frequency: dict[str, int] = {}
    for terms in values.values():
        for term in terms:
            frequency[term] = frequency.get(term, 0) + 1
    scores = {row: sum(1 / frequency[t] for t in terms) for row, terms in values.items()}
    best = max(scores.values(), default=0)
    return {row for row, score in scores.items() if best and score == best}


def placed_right(claim: str, passage: Passage, asked: Asked) -> bool:
    """True when the claim's numbers and names (and, in a table, its new words) stand where the
    question points in this passage (see the module's docstring)."""
    new_numbers = numbers(claim) - numbers(asked.question)
    new_names = {n for n in names(claim) if n not in asked.question.lower()}
    if not asked.terms:
        return True
    if asked.studied and passage.source not in asked.studied:
        return False  # another paper's sentence, about another study
    if not (new_numbers or new_names):
        return _words_in_named_row(claim, passage, asked)
    if passage.chunk_id in asked.heading_hits and asked.heading_hits[passage.chunk_id] < max(asked.heading_hits.values()):
        return False  # another table's sheet or caption is the one the question names
    text = passage.text
    if not (asked.terms & content_terms(text + " " + passage.heading)):
        return True  # the passage shares no word with the question: overlap alone decides
    context = set(asked.terms) | (content_terms(_UNIT_AFTER_NUMBER.sub(" ", claim)) - numbers(claim))
    new_words = content_terms(_UNIT_AFTER_NUMBER.sub(" ", claim)) - asked.terms - META_TERMS
    found = units(text)
    if not asked.named_rows and _names_not_held(asked.question, passage):
        # "How many Stanley Cups did the Montreal Canadiens win?" over a table without them: no row is theirs
        found = [unit for unit in found if not ROW.match(unit)]
    return all(any(_placed(item, unit, asked, context, new_words, claim) for unit in found) for item in new_numbers | new_names)


def _names_not_held(question: str, passage: Passage) -> set[str]:
    """The names the question gives that the passage (with its heading and file name) does not hold,
    leaving out those of the clause naming the source ("in the Excel sheet")."""
    held = content_terms(f"{passage.text} {passage.heading} {file_words(passage.source)}") | source_terms(question)
    return {name for name in names(question) if content_terms(name) and not content_terms(name) & held}


def _words_in_named_row(claim: str, passage: Passage, asked: Asked) -> bool:
    """A claim with no figure of its own ("Riverside is closed on Sunday") read from a table: its
    new words must be in a row the question names, or in the passage's prose."""
    new_words = content_terms(claim) - asked.terms - META_TERMS
    found = units(passage.text)
    if not new_words or not asked.named_rows or not any(ROW.match(u) for u in found):
        return True
    return any(new_words <= content_terms(u) for u in found if not ROW.match(u) or u in asked.named_rows)


_RANGE = re.compile(r"(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})")
_CLOSING = re.compile(r"\b(?:clos\w*|end\w*|until|finish\w*|last)\b", re.I)
_OPENING = re.compile(r"\b(?:open\w*|start\w*|begin\w*|from|first)\b", re.I)


def _range_end_right(item: str, unit: str, claim: str) -> bool:
    """In a time range ("12:00-16:00") a closing time is the second and an opening time the first; a claim giving
    both ("opens on Sunday from 12:00 to 16:00") gives the range."""
    ranges = _RANGE.findall(unit)
    if any(item in (start, end) and {start, end} <= numbers(claim) for start, end in ranges):
        return True
    for start, end in ranges:
        if item == end and _OPENING.search(claim) and not _CLOSING.search(claim):
            return False
        if item == start and _CLOSING.search(claim) and not _OPENING.search(claim):
            return False
    return True


def _placed(item: str, unit: str, asked: Asked, context: set[str], new_words: set[str], claim: str = "") -> bool:
    if not _holds(unit, item) or not _range_end_right(item, unit, claim):
        return False
    if not ROW.match(unit):
        return bool(context & (content_terms(unit) - {item}))
    if asked.named_rows and unit not in asked.named_rows:
        return False  # another row's figure
    if not new_words <= content_terms(unit):
        return False  # "closed on Sunday" from a row that says nothing of closing
    cells = [cell.partition(": ") for cell in unit.split(" | ")]
    headers_asked = [bool(asked.terms & content_terms(header)) for header, _, _ in cells]
    if not any(headers_asked):
        return True  # the question names no column ("What are Riverside's hours?")
    # in the column the question names, or in the cell that names the row itself
    return any(_holds(value, item) and (ok or asked.terms & content_terms(value))
               for (_header, _, value), ok in zip(cells, headers_asked))


_ABOUT_THE_PASSAGE = re.compile(r"^\W*(?:the|this|that)\s+(?:passage|document|text|context|excerpt|source)s?\s+"
                                r"(?:is|are|contains?|mentions?|refers?|references?|describes?|discusses?|says|states?|"
                                r"talks?|provides?|does|do|has|have|shows?|includes?)\b", re.I)


def about_the_question(claim: str, citations: list, asked: Asked) -> bool:
    """The claim, or a passage sentence it is supported by (read with its passage's heading and file
    name), shares a word with the question. A sentence copied from a passage about something else
    ("This is simply dummy text of the printing industry" for a question about Swedish meatballs), or
    one in a language the question is not asked in, is supported word for word and answers nothing."""
    if _ABOUT_THE_PASSAGE.match(claim):
        return False  # "The passage contains references to a study ...": what the model read, not what it says
    # of a study the question describes, what is asked of it: "The Danish 1905 Cohort Survey is a nationwide
    # survey" is about the cohort, not about who funded it
    terms = set(asked.proper or asked.terms)
    years = set(YEAR.findall(asked.question))
    if not years and (not terms or content_terms(claim) & terms):
        return True  # the claim alone says it: the cited sentences need not be read
    cited = [" ".join([c.passage.heading, file_words(c.passage.source)] +
                      [c.passage.text[s.start : s.end] for s in sentence_spans(c.passage.text)
                       if s.start < c.quote_end and s.end > c.quote_start]) for c in citations]
    if years and not years <= set(YEAR.findall(" ".join([claim, *cited]))):
        return False  # "Who led the reinforcements in 1765?" answered from the sentence on 1756
    return not terms or bool(content_terms(claim) & terms) or any(content_terms(said) & terms for said in cited)


def from_someone_else(unit: str, question: str) -> bool:
    """The unit is a message's header line, and the question asks when or what someone it does not
    name as the sender sent ("did Tamir send ..." of "From: Slava ... To: Tamir Erez")."""
    sender, header = _SENDER_ASKED.search(question), _HEADER_FROM.match(unit)
    return bool(sender and header) and not content_terms(sender.group(1)) & content_terms(header.group(1))



def _holds(text: str, item: str) -> bool:
    if item[:1].isdigit():
        return item in numbers(text)
    return item in text.lower()
