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
  table's heading does;
* and an answer to "how often", "how long", "how many", "when", "who" must hold, in a sentence about
  the question, a frequency ("every 12 hours"), an amount of time or distance ("72 minutes", not
  "22:00 UTC"), a figure (not a year), a date or a name the question does not give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from rag.cite import MARKER, META_TERMS, MONTHS, STOPWORDS, WEEKDAYS, content_terms, file_words, names, numbers, sentence_spans
from rag.question_parts import MEASURED_NOUN, asked_clause, described_work, studied_sources, unknown_names
from rag.source_naming import naming_terms, source_terms, without_source_words
from rag.records import Passage

_UNIT_AFTER_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*\s*[^\W\d_]*", re.UNICODE)
# "Header: value | Header: value": a table row as ingest/tables.py writes it
# the line ingest/partition.py writes in front of an e-mail's body: not a table row, though its subject
# may hold " | " ("Subject (title): AWS Online Conference | Last chance to register")
_EMAIL_HEADER_OPENING = r"\s*From \(sent by\): "
EMAIL_HEADER = re.compile(rf"^{_EMAIL_HEADER_OPENING}")
ROW = re.compile(rf"^(?!{_EMAIL_HEADER_OPENING})[^|\n]{{1,120}}?: [^|\n]*(?: \| [^|\n]{{1,120}}?: [^|\n]*)+$")
# a question about the message itself: its header line's date answers it, not "When is the event?"
ABOUT_SENDING = re.compile(r"\b(?:sen[dt]|sending|receiv\w*|e-?mail\w*|messages?|mail(?:ed)?|wrote|written|dated|reply|replied|"
                           r"forward\w*)\b", re.I)
# "When did Tamir Erez send his reply to Slava?": the header of the message Tamir sent, not the one he got
_SENDER_ASKED = re.compile(r"\b(?:did|does|do|has|had|have)\s+((?:[A-Z][\w'’.-]*\s+){1,3}?)(?:first\s+|last\s+|finally\s+)?"
                           r"(?:send|write|reply|respond|answer|forward|e-?mail|mail)\b")
# a message's header line, ours ("From (sent by): ...; To: ...") or one quoted in a reply ("From: ... Sent: ... To: ...")
_HEADER_FROM = re.compile(r"^\s*From(?: \(sent by\))?:\s*(.+?)(?:;\s*To|\s+Sent:|\s+To:|\s+Date:)", re.I)
_MEASURES = (r"(?:dose|dosage|density|weight|mass|height|length|width|depth|size|area|volume|capacity|price|cost|fee|rate|speed|"
             r"temperature|pressure|voltage|distance|duration|population|revenue|salary|age|number|count|percentage|"
             r"tolerance|strength|score|range|content|concentration|intensity|total|sales|profit|income|margin|growth|"
             r"budget|limit|(?:odds|hazard|risk) ratio)")
# "how many", "what percentage", and "what is the density of ..." / "what squad number ...": a figure
_WANTS_QUANTITY = re.compile(r"^\s*(?:how (?:much|many|old|far|big|large|tall|high|fast|heavy)|"
                             r"what (?:percentage|percent|share|proportion|number|amount|price)|"
                             rf"what (?:(?:is|was|are|were) (?:the |its |their |his |her )?)?(?:[\w'’-]+ ){{0,3}}{_MEASURES}s?|"
                             rf"(?:by )?how much|{MEASURED_NOUN}|"
                             # "Median overall survival with combined therapy ...?", "What was the mean follow-up?"
                             r"(?:what (?:is|was|are|were) )?(?:the )?(?:mean|median|average)\s+[\w-]+)\b", re.I)
_WANTS_DATE = re.compile(r"^\s*(?:when|(?:(?:in|on|at|by|from|since|until|during) )?(?:what|which) "
                         r"(?:years?|dates?|days?|months?|time|centur(?:y|ies)|decades?))\b",
                         re.I)
_LABEL = re.compile(r"^\W*[A-Z][\w-]*(?: [\w-]+){0,2}:\s+(?=[A-Z])")  # "Setting:", "Main outcome measures:"
_WANTS_SHARE = re.compile(r"^\s*(?:(?:in|by|of|to) )?(?:what|which)?\s*(?:share|percentage|percent|proportion|fraction)\b", re.I)
# an outcome's share: "what was the 1-year survival rate", "what overall mortality", "what miscarriage rate"
_WANTS_RATE = re.compile(r"^\s*(?:\w+\s+)?(?:what|which)\s+(?:(?:is|was|are|were)\s+)?(?:(?:the|its|their)\s+)?"
                         # not a time ("the median survival": 13 days) nor what figures are of ("what years of mortality data")
                         r"(?:(?!median|mean|average|years?\b|dates?\b)[\w-]+\s+){0,3}?"
                         r"(?:survival|mortality|incidence|prevalence|sensitivity|specificity|(?:recurrence|response|success|"
                         r"failure|complication|miscarriage|pregnancy|cure|remission|readmission|infection)\s+rates?)\b", re.I)
# a fraction is not a reading in units ("120/80 mm Hg")
SHARE = re.compile(r"\d\s*%|\bper ?cent\b|\d+\s*(?:/|of|out of|in)\s*\d+(?![\d.,]|\s*(?:mm|cm|kg|mg|ml)\b)|"
                   r"\b(?:half|halves|third|thirds|quarters?|fifths?|tenths?|majority|minority|none|all|most|few)\b", re.I)
# a year as "in which year" wants it: four digits ("1995"), or three after "in" or "year" ("began in 911"), not a share
# ("15%") or a count ("n = 206")
_YEAR_LIKE = re.compile(r"(?<![\d.,])(1[0-9]{3}|20[0-9]{2})(?![\d]|[.,]\d)|\b(?:[Ii]n|[Yy]ear|AD|A\.D\.)\s+(\d{3})(?![\d%]|[.,]\d)")
_WANTS_YEAR = re.compile(r"^\s*(?:(?:in|on|at|by|from|since|until|during) )?(?:what|which) years?\b", re.I)
YEAR = re.compile(r"(?<![\d.,])(1[0-9]{3}|20[0-9]{2})(?![\d]|[.,]\d)")  # written as a year: not "1,200 litres"
_WORD_NUMBERS = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                           r"hundred|thousand|million|billion|half|dozen|daily|weekly|monthly|yearly|annually|twice|"
                           r"once|closed)\b", re.I)
# "May" and "March" as months are capitalised; "it may seem", "they march" say no date
_MONTH_WORDS = re.compile(r"\b(?:january|february|(?-i:March|MARCH)|april|(?-i:May|MAY)|june|july|august|september|october|"
                          r"november|december|"
                          r"spring|summer|autumn|fall|winter|century|centuries|decade|monday|tuesday|wednesday|"
                          r"thursday|friday|saturday|sunday|weekday|weekend|yesterday|today)\b", re.I)
# "who", and "in which US state", "at which hospital", "which agency": a person's, a place's or a body's name
_WANTS_NAME = re.compile(r"^\s*(?:who|whom|whose|what(?:'s| is| was| are| were) the (?:full |official )?names? of|"
                         # "What is the starter's name?": a name, not what the starter is
                         r"what(?:'s| is| was| are| were) (?:the |its |their |his |her )?[\w-]+(?: [\w-]+)?['’]s? "
                         r"(?:full |official |first |last )?names?(?=\s*\??\s*$)|"
                         # "What is the starter called?"
                         r"what(?:'s| is| was| are| were) (?:the |its |their |his |her )?[\w-]+(?: [\w-]+)? called(?=\s*\??\s*$)|"
                         r"(?:(?:in|at|from|by|for|of|to) )?(?:which|what) (?:[\w'’-]+ )?"
                         r"(?:hospitals?|clinics?|countr(?:y|ies)|cit(?:y|ies)|towns?|states?|regions?|provinces?|"
                         r"count(?:y|ies)|agenc(?:y|ies)|universit(?:y|ies)|institutions?|compan(?:y|ies)|"
                         r"organi[sz]ations?|ministr(?:y|ies)|villages?|islands?|continents?|databases?|registr(?:y|ies)|registers?))\b",
                         re.I)
# "How much does a sponsorship package cost?", "What user fee does the IRS charge?": an amount of money
_WANTS_MONEY = re.compile(r"^\s*(?:how much\b(?=.*\b(?:money|costs?|price[sd]?|pay|paid|charge[sd]?|spen[dt]|fees?|worth)\b)|"
                          r"what (?:(?:is|was|are|were) )?(?:the |its |their )?(?:[\w'’-]+ )?(?:price|cost|fee)s?\b|"
                          # "What did an inpatient tonsillectomy cost ...?"
                          r"what (?:did|does|do|would|will) [^?]{1,80}?\bcost\b|"
                          # "What is the dollar figure set for ...?", "How many euros ...?"
                          r"what (?:(?:is|was|are|were) )?(?:the |its |their )?(?:dollar|euro|pound|money|monetary|cash) "
                          r"(?:figure|amount|value|sum|total|limit|cap)s?\b|how many (?:dollars|euros|pounds)\b)", re.I)
_MONEY = re.compile(r"[$€£¥₹]\s?\d|\d\s*(?:k|m|bn|thousand|million|billion)?\s*(?:dollars?|euros?|pounds?|cents?|pence|usd|eur|"
                    r"gbp|chf|yen|rupees?|francs?|kronor|kroner|krona|yuan|rubles?|roubles?|pesos?|lira|lire|marks|shillings?|"
                    r"dinars?|dirhams?|rand|baht|zloty|ringgit|crowns?|guilders?|florins?|ducats?|livres?|sterling)\b|"
                    r"\b(?:usd|eur|gbp|chf)\s?\d|\bfree\b|\bno charge\b", re.I)
# a figure said to be a cost or a payment, its currency unsaid ("the contract paid 40,000 a year")
_MONEY_WORDS = re.compile(r"\b(?:costs?|cost|priced?|prices|paid|pays?|worth|fees?|fund(?:s|ed|ing)?|budget|salary|"
                          r"salaries|wages?|sp[ea]nt|spend|charged?|rent|sold|bought|money|cash|grants?)\b", re.I)
_WANTS_LENGTH = re.compile(r"^\s*how long\b", re.I)
# "72 minutes", "three years", "almost a month", "9 km", "1.5h": an amount of time or distance
_LENGTH = re.compile(r"(?:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                     r"fifty|sixty|hundred|several|few|a|an|half an?)|\d[\d.,]*)\s*-?\s*(?:seconds?|secs?|minutes?|mins?|"
                     r"hours?|hrs?|h|days?|weeks?|fortnights?|months?|years?|yrs?|decades?|centur(?:y|ies)|nights?|"
                     r"km|kilomet(?:re|er)s?|m|met(?:re|er)s?|miles?|feet|foot|ft|inch(?:es)?|cm|mm|yards?|laps?)\b", re.I)
_WANTS_DOSE = re.compile(r"^\W*(?:what|which)\s+(?:(?:is|was|were)\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:dose|dosage)s?\b", re.I)
_DOSE = re.compile(r"\d\s*(?:mg|g|µg|μg|mcg|ug|iu|units?|ml|gy|cgy|mmol|mci|mbq)\b", re.I)
_WANTS_AGE = re.compile(r"^\W*(?:what (?:is|was|were) )?(?:the )?(?:mean|median|average)? ?age\b", re.I)
_AGE = re.compile(r"\b(?:age[ds]?|years?|yrs?|old|months?|weeks?|days?)\b", re.I)
# "What was the mean follow-up?", "median overall survival ...?": an amount of time ("37 months"), not a count
_WANTS_SPAN = re.compile(r"^\W*(?:what (?:is|was|were) )?(?:the )?(?:mean|median|average)\s+(?:[\w-]+\s+)?"
                         r"(?:follow-?up|survival|duration|delay|interval|stay|time|wait)\b", re.I)
_WANTS_FREQUENCY = re.compile(r"^\s*how often\b", re.I)
_FREQUENCY = re.compile(r"\b(?:every|each|per|daily|weekly|monthly|yearly|annually|hourly|nightly|times|once|twice|"
                        r"always|never|seldom|rarely|sometimes|usually)\b"
                        r"|\d\s*%|\bper ?cent\b", re.I)  # "how often was it found": in 10 patients (2.9%)


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

    @cached_property
    def stems(self) -> frozenset[str]:
        """The first four letters of the question's longer words: "Swed" finds "Swedish" a form of "Sweden"."""
        return frozenset(w[:4] for w in re.findall(r"[^\W\d_]{5,}", self.question.lower()))

    @cached_property
    def figure_forms(self) -> tuple[re.Pattern, ...]:
        """The forms a figure answering a quantity question must take beyond being a figure: a share or a fraction
        ("what share", an outcome's rate), a dose unit ("what dose"), a word of age ("the median age"), an amount of
        time ("the mean follow-up")."""
        if self.wants != "quantity":
            return ()
        if _WANTS_SHARE.search(self.clause) or _WANTS_RATE.search(self.clause):
            return (SHARE,)
        return tuple(form for wanted, form in ((_WANTS_DOSE, _DOSE), (_WANTS_AGE, _AGE), (_WANTS_SPAN, _LENGTH))
                     if wanted.search(self.clause))


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
    wants = ("frequency" if _WANTS_FREQUENCY.search(clause) else "length" if _WANTS_LENGTH.search(clause)
             else "money" if _WANTS_MONEY.search(clause) else "quantity" if _WANTS_QUANTITY.search(clause)
             else "date" if _WANTS_DATE.search(clause) else "quantity" if _WANTS_RATE.search(clause)
             else "name" if _WANTS_NAME.search(clause) else None)
    work = frozenset(described_work(question))
    proper = terms - work
    unknown = unknown_names(without_source_words(question), passages) - naming_terms(question)
    return Asked(question, terms, frozenset(asked_rows(rows, set(terms))), hits, wants, studied_sources(work, passages),
                 proper if proper != terms else frozenset(), work, clause, unknown, document_titles(passages))


def question_terms(question: str) -> set[str]:
    """The question's content terms, without the words that name a kind of source (all of them when
    that would leave none)."""
    return content_terms(without_source_words(question)) or content_terms(question)


def units(text: str) -> list[str]:
    """A passage's sentences and table rows."""
    return [text[s.start : s.end].strip() for s in sentence_spans(text)]


def row_values(row: str) -> set[str]:
    """The content terms of a table row's cell values, without its headers (every row repeats those)."""
    return content_terms(" ".join(cell.partition(": ")[2] for cell in row.split(" | ")))


def row_headers(row: str) -> tuple[str, ...]:
    """A table row's column headers, in order: what every row of its table repeats."""
    return tuple(cell.partition(": ")[0].strip() for cell in row.split(" | "))


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


_REFERENCE = re.compile(r"(?:\b(?:sections?|sec|chapters?|articles?|title|part|pages?|pp?|no|law|rules?|clauses?|"
                        r"paragraphs?|figures?|fig|tables?|appendix|exhibit)\.?|§+)\s*\(?\d[\w.()-]*", re.I)


# a list's item numbers in a sentence: "children managed by (1) non-children's teaching hospitals, (2) ..."
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s,;:]))\((?:\d{1,2}|[ivx]{1,4})\)(?=\s)")


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


def answers_the_question(text: str, asked: Asked) -> bool:
    """The sentence shares a key term with the question and, for "how often", "how long", "how many",
    "when" or "who", holds a frequency, an amount of time or distance, a figure (not a year), a date
    or a name that the question does not give."""
    if asked.wants is None:
        return True
    if not (content_terms(text) & asked.terms):
        return False  # true, perhaps, but about something else
    return gives_what_is_wanted(text, asked)


# a measure a question may name, with the words a table header may give it by: "What temperature is the deck oven?"
# is answered under "Temperature (°C)" or "Temp", not under "Capacity (loaves)"
_MEASURE_NAMES = [content_terms(words) for words in (
    "temperature temp heat", "weight mass heavy", "height altitude elevation tall", "length", "width", "depth",
    "distance", "area surface", "volume capacity", "speed velocity", "pressure", "voltage volt", "density",
    "price cost fee charge tariff", "salary wage", "revenue turnover sales income", "population inhabitants residents",
    "duration")]
_MEASURE_PREFIXES = {term[:4] for group in _MEASURE_NAMES for term in group}
# "how heavy", "how tall": a figure in a unit of that measure ("26 months" tells no drone's weight); a table row gives
# its unit in the header (``_names_the_measure``). Not "how far", "how fast", "how high": "how far did coronary flow
# fall" wants a share, "how fast ... remove violations" a time, "how high was inflation" a rate
_NUMBER = r"\d[\d.,]*\s*-?\s*"
_HOW_UNITS = {
    "heavy": re.compile(rf"{_NUMBER}(?:kg|kilo(?:gram)?s?|g|grams?|mg|lbs?|pounds?|ounces?|oz|tonnes?|tons?|t)\b", re.I),
    "tall": re.compile(rf"{_NUMBER}(?:m|met(?:re|er)s?|cm|mm|km|ft|feet|foot|inch(?:es)?|in|storeys?|stories|floors?)\b",
                       re.I),
}
_ASKS_HOW = re.compile(r"^\s*how (heavy|tall)\b", re.I)


def _names_the_measure(row: str, question: str) -> bool:
    """A row does not answer for another measure than the one the question names: its headers name one of
    ``_MEASURE_NAMES`` (four letters of a word suffice: "Temp" for temperature) and none of the asked one's
    ("Capacity (loaves)" for "What temperature ...?"). Headers naming no measure ("Low season: 189" for the low season
    price, "September (km): 3,877" for the distance) may give it."""
    asked = content_terms(question)
    wanted = set().union(*(group for group in _MEASURE_NAMES if group & asked))
    if not wanted:
        return True
    headers = {term[:4] for term in content_terms(" ".join(row_headers(row)))}
    return not _MEASURE_PREFIXES & headers or any(term[:4] in headers for term in wanted)


# when something opens and when it closes: a sentence saying only the one does not answer a question on the other
_EVENT = {"close": re.compile(r"\b(?:clos\w*|shut\w*|until|till)\b", re.I), "open": re.compile(r"\bopen\w*", re.I)}
_OTHER_EVENT = {"close": _EVENT["open"], "open": _EVENT["close"]}


def _asks_event(clause: str) -> str | None:
    """"close" for "When does it close?", "open" for "What time does the branch open on Sunday?", else None."""
    if re.search(r"\bclos(?:e|es|ing)\b", clause, re.I):
        return "close"
    return "open" if re.search(r"\bopen(?:s|ing)?\b", clause, re.I) else None


def gives_what_is_wanted(text: str, asked: Asked) -> bool:
    """The text holds the kind of answer the question wants (see ``answers_the_question``), whatever it is about."""
    if asked.wants is None:
        return True
    given, row = numbers(asked.question), bool(ROW.match(text.strip()))  # a row's unit is in its header: "Crossing (min): 25"
    if row and asked.wants == "quantity" and not _names_the_measure(text.strip(), asked.clause):
        return False  # "Capacity (loaves): 48" is no temperature
    if not row and (how := _ASKS_HOW.match(asked.clause)) and not _HOW_UNITS[how.group(1).lower()].search(text):
        return False  # "How heavy is the drone?" is not answered by its "warranty of 26 months"
    event = _asks_event(asked.clause) if not row and asked.wants == "date" else None
    if event and _OTHER_EVENT[event].search(text) and not _EVENT[event].search(text):
        return False  # "When does it close?" is not answered by "The bakery opens at 06:15 on weekdays"
    if asked.wants == "frequency":  # "how often": every 12 hours, twice a week
        return bool(_FREQUENCY.search(text))
    if asked.wants == "length" and not row:
        return any(match.group(0).lower() not in asked.question.lower() for match in _LENGTH.finditer(text))
    if asked.wants == "money" and not row:  # "Price (USD): 12"
        if _MONEY.search(text):
            return True
        if not _MONEY_WORDS.search(text):
            return False
    if asked.figure_forms and not row:
        # "what share of register cases": a percentage or a fraction, not "one Board"; "what dose of vitamin D":
        # 140,000 IU, not "45.9 ng/ml" (a level); "the median age of the children": "(n = 55)" counts them, no age
        if asked.figure_forms == (SHARE,):
            return bool(SHARE.search(text))
        if not all(form.search(text) for form in asked.figure_forms):
            return False
    if asked.wants in ("quantity", "length", "money"):
        # "section 811", "Public Law 104-132", "page 5" name a place in a text, not an amount
        new = numbers(_ENUMERATOR.sub(" ", _REFERENCE.sub(" ", text))) - given - set(YEAR.findall(text))
        return bool(new) or bool(_WORD_NUMBERS.search(text))
    if asked.wants == "date" and _WANTS_YEAR.match(asked.clause):  # "what years": a year, not "15%"
        return bool({"".join(m) for m in _YEAR_LIKE.findall(text)} - {"".join(m) for m in _YEAR_LIKE.findall(asked.question)})
    if asked.wants == "date":
        return bool(numbers(text) - given) or bool(
            {m.lower() for m in _MONTH_WORDS.findall(text)} - {m.lower() for m in _MONTH_WORDS.findall(asked.question)})
    # "What I hear is: Imshael was sent ...": a name after a colon is given too; so is the one word or two
    # of a short answer ("Lombardy [1].", "North Carolina.")
    # a section's label ("Setting: Participants were recruited ...") is no name given
    given_names = names(_LABEL.sub("", text), after_colon=True)
    words = MARKER.sub(" ", text).split()
    if 0 < len(words) <= 3 and words[0][:1].isupper():
        given_names.add(words[0].strip(".,;:!?").lower())
    # a name the question gives, or a form of it ("Swedish" for "Sweden's voucher system"), is not the one wanted
    # nor is one differing from the question's only in its figures ("BRCA2" of "BRCA1/2 carriers")
    # nor is a day, a month or a time zone ("Saturday 2 November 2024, starting at 22:00 UTC" names no one to contact)
    given_names = {n for n in given_names if not _CALENDAR_NAME.fullmatch(n)}
    return bool({n for n in given_names if n and n not in asked.question.lower() and n not in STOPWORDS
                 and not (len(n) >= 5 and n[:4] in asked.stems)
                 and not (re.search(r"\d", n) and len(letters := re.sub(r"[\d/-]", "", n)) >= 2
                          and re.search(rf"\b{re.escape(letters)}\d", asked.question.lower()))})


_TIME_ZONES = ("utc", "gmt", "cet", "cest", "eet", "est", "edt", "pst", "pdt", "cst", "cdt", "bst")
_CALENDAR_NAME = re.compile(r"(?:(?:" + "|".join((*MONTHS, *WEEKDAYS, *_TIME_ZONES)) + r")\s*)+", re.I)


def _holds(text: str, item: str) -> bool:
    if item[:1].isdigit():
        return item in numbers(text)
    return item in text.lower()
