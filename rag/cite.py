"""Citations: parse ``[n]`` markers, check each cited sentence against its passage, quote the span.

The support score of a sentence against a span of text is the share of the sentence's content
words (lower-cased, stop words removed, Snowball-stemmed; numbers kept whole) that occur in the
span. A citation is *supported* when that share reaches ``min_support`` and every number in the
sentence appears in the passage: a tiny model that gets the words right and the figure wrong is
caught. The quote is the shortest run of 1-3 consecutive sentences (or lines, for tables) of the
stored chunk text with the best score, copied verbatim with its offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import Stemmer

from rag.records import Citation, Passage

MARKER = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
# a sentence ends at . ! ? (plus any markers after it) followed by white space, or at a line break
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])*(?=\s|$)|\n+")
_LIST_NUMBER = re.compile(r"\(?\d{1,2}[.)]")
_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w-]*[A-Za-z0-9]|\b[A-Z]+-?\d[\w-]*")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_STEMMER = Stemmer.Stemmer("english")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here hers
    him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our out
    over own same she should so some such than that the their theirs them then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you your yours per
    one s t""".split()
)
# words that talk about the answer instead of making a claim ("The answer is: [3]")
META_TERMS = frozenset(_STEMMER.stemWords("answer answers question passage passages document documents text "
                                          "information provided given following based".split()))
REFUSAL_PATTERN = re.compile(r"not (?:be )?found in the (?:documents|passages)|passages do not (?:contain|mention)", re.I)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentence_spans(text: str) -> list[Span]:
    """Sentences (and lines) of a text as character spans, trimmed of surrounding white space."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append(Span(start, match.end()))
        start = match.end()
    spans.append(Span(start, len(text)))
    trimmed: list[Span] = []
    pending: Span | None = None  # a list number such as "2." belongs to the sentence after it
    for span in spans:
        piece = text[span.start : span.end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right <= left:
            continue
        span = Span(pending.start if pending else span.start + left, span.start + right)
        pending = None
        if _LIST_NUMBER.fullmatch(text[span.start : span.end]):
            pending = span
            continue
        trimmed.append(span)
    if pending:
        trimmed.append(pending)
    return trimmed


def numbers(text: str) -> set[str]:
    """Numbers in a text, thousands separators dropped: '1,284' and '1284' are the same number."""
    found = set()
    for raw in _NUMBER.findall(text):
        found.add(re.sub(r",(?=\d{3}\b)", "", raw))
    return found


def names(text: str) -> set[str]:
    """Capitalised words not opening a sentence, and codes like W-778: what a claim must not invent."""
    found = set()
    for raw in _NAME.findall(text.strip()):
        if raw.lower() not in STOPWORDS:
            found.add(raw.lower())
    return found


def content_terms(text: str) -> set[str]:
    words = [w for w in (m.lower() for m in _WORD.findall(text)) if w not in STOPWORDS and len(w) > 1]
    return set(_STEMMER.stemWords(words)) | numbers(text)


def support(claim_terms: set[str], text: str) -> float:
    if not claim_terms:
        return 0.0
    return len(claim_terms & content_terms(text)) / len(claim_terms)


def parse_markers(sentence: str) -> list[int]:
    found = []
    for group in MARKER.findall(sentence):
        for number in re.split(r"[,;]", group):
            if number.strip():
                found.append(int(number))
    return found


def strip_markers(text: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", MARKER.sub("", text)).strip()


def best_quote(claim: str, passage_text: str, max_sentences: int = 3) -> tuple[Span, float]:
    """The shortest run of up to ``max_sentences`` sentences of the passage that best supports the claim."""
    terms = content_terms(claim)
    spans = sentence_spans(passage_text) or [Span(0, len(passage_text))]
    best, best_key = spans[0], (-1.0, 0, 0)
    for size in range(1, max_sentences + 1):
        for i in range(len(spans) - size + 1):
            span = Span(spans[i].start, spans[i + size - 1].end)
            score = support(terms, passage_text[span.start : span.end])
            key = (round(score, 6), -size, -(span.end - span.start))
            if key > best_key:
                best, best_key = span, key
    return best, max(best_key[0], 0.0)


def check(claim: str, passage: Passage, min_support: float, question: str = "") -> tuple[Span, float, bool]:
    """(quote span, support score, supported) of one claim against one passage.

    Supported needs the score and also every number and name of the claim in the passage: a claim
    that gets the words right and the figure or the project wrong is not supported. Given the
    question, each number and name the claim adds must also stand where the question points: in a
    sentence or table row of the passage that holds one of the question's key terms, and in a
    table row, in a cell whose header the question names (see ``placed_right``).
    """
    span, score = best_quote(claim, passage.text)
    claim = strip_markers(claim)
    # names may come from where the passage sits: its headings and its file name
    lowered = " ".join((passage.text, passage.heading, re.sub(r"[_\W]+", " ", Path(passage.source).stem))).lower()
    specifics_ok = numbers(claim) <= numbers(passage.text) and all(name in lowered for name in names(claim))
    if specifics_ok and question:
        specifics_ok = placed_right(claim, passage.text, question)
    return span, score, bool(score >= min_support and specifics_ok)


_UNIT_AFTER_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*\s*[^\W\d_]*", re.UNICODE)
# "Header: value | Header: value": a table row as ingest/tables.py writes it
_ROW = re.compile(r"^[^|\n]{1,120}?: [^|\n]*(?: \| [^|\n]{1,120}?: [^|\n]*)+$")


def placed_right(claim: str, text: str, question: str) -> bool:
    """True when every number and name of the claim that the question does not already give stands
    in a sentence of ``text`` together with one of the question's key terms, or in a table row that
    the question names (the row whose cells hold the question's rarest terms) and, when the question
    names a column, in that column.

    A small model that answers from the wrong row ("Elm Street") or the wrong column (the weekday
    closing time for a Saturday question) then gets no support, although the figure is in the passage.
    """
    asked = content_terms(question)
    wanted = (numbers(claim) - numbers(question)) | {n for n in names(claim) if n not in question.lower()}
    if not wanted or not asked or not (asked & content_terms(text)):
        return True  # nothing to place, or the passage shares no key term with the question at all
    units = [text[s.start : s.end].strip() for s in sentence_spans(text)]
    rows = [u for u in units if _ROW.match(u)]
    named = asked_rows(rows, asked)
    # in prose, the claim's own words also say where a figure belongs ("the contact time is 35
    # minutes" answers a broad question rightly); the unit after a number is no such word
    context = asked | (content_terms(_UNIT_AFTER_NUMBER.sub(" ", claim)) - numbers(claim))
    return all(any(_placed(item, unit, asked, named, context) for unit in units) for item in wanted)


def asked_rows(rows: list[str], asked: set[str]) -> set[str]:
    """The rows the question names: those whose cell values hold the question's terms, rarer terms
    (found in fewer rows) counting more. Empty when no row's values hold any of them."""
    values = {row: content_terms(" ".join(cell.partition(": ")[2] for cell in row.split(" | "))) & asked for row in rows}
    frequency: dict[str, int] = {}
    for terms in values.values():
        for term in terms:
            frequency[term] = frequency.get(term, 0) + 1
    scores = {row: sum(1 / frequency[t] for t in terms) for row, terms in values.items()}
    best = max(scores.values(), default=0)
    return {row for row, score in scores.items() if best and score == best}


def _placed(item: str, unit: str, asked: set[str], named: set[str], context: set[str]) -> bool:
    if not _holds(unit, item):
        return False
    if not _ROW.match(unit):
        return bool(context & (content_terms(unit) - {item}))
    if named and unit not in named:
        return False  # another row's figure
    cells = [cell.partition(": ") for cell in unit.split(" | ")]
    headers_asked = [bool(asked & content_terms(header)) for header, _, _ in cells]
    if not any(headers_asked):
        return True  # the question names no column ("What are Riverside's hours?")
    # in the column the question names, or in the cell that names the row itself
    return any(_holds(value, item) and (ok or asked & content_terms(value))
               for (_header, _, value), ok in zip(cells, headers_asked))


def _holds(text: str, item: str) -> bool:
    if item[:1].isdigit():
        return item in numbers(text)
    return item in text.lower()


@dataclass
class Sentence:
    text: str  # without markers
    citations: list[Citation]

    @property
    def supported(self) -> bool:
        return any(c.supported for c in self.citations)

    def render(self) -> str:
        return _attach(self.text, "".join(f"[{c.n}]" for c in self.citations if c.supported))


@dataclass
class Verified:
    sentences: list[Sentence]  # the claims of the answer (sentences with content words), in order
    dropped_markers: int  # markers naming no passage
    declined: bool  # the model said the passages do not contain the answer
    repeated: int  # sentences dropped because the model had already written them
    trimmed: int = 0  # sentences cut back to a supported leading clause

    @property
    def citations(self) -> list[Citation]:
        return [c for s in self.sentences for c in s.citations]

    def text(self, supported_only: bool = True) -> str:
        """The answer rebuilt from its claims, markers pointing at supporting passages only."""
        return " ".join(s.render() for s in self.sentences if s.supported or not supported_only)


def verify(answer: str, passages: list[Passage], min_support: float, attribute: bool = True, question: str = "") -> Verified:
    """Resolve markers, check each cited sentence, attribute uncited or unsupported sentences.
    With the question, numbers and names must stand where the question points (``placed_right``)."""
    dropped = repeated = trimmed = 0
    sentences: list[Sentence] = []
    seen: set[str] = set()
    declined = bool(REFUSAL_PATTERN.search(answer))
    for span in sentence_spans(answer):
        raw = answer[span.start : span.end]
        text = re.sub(r"^\(?\d{1,2}[.)]\s+", "", strip_markers(raw))  # a list item's number is not a claim
        markers = []
        for n in parse_markers(raw):
            if 1 <= n <= len(passages):
                if n not in markers:
                    markers.append(n)
            else:
                dropped += 1
        if not (content_terms(text) - META_TERMS) or REFUSAL_PATTERN.search(text):
            continue  # no claim: "The answer is:", a bare marker, a refusal
        if text.lower() in seen:  # tiny models loop
            repeated += 1
            continue
        seen.add(text.lower())
        own = _cite(text, markers, passages, min_support, attribute, question)
        if not any(c.supported for c in own):
            # small models append made-up tails ("..., which is 2.5 hours"): keep the leading clause
            # when it alone is supported
            for prefix in clause_prefixes(text):
                trial = _cite(prefix, markers, passages, min_support, attribute, question)
                if any(c.supported for c in trial):
                    text, own = prefix, trial
                    trimmed += 1
                    break
        sentences.append(Sentence(text, own))
    return Verified(sentences, dropped, declined, repeated, trimmed)


_CLAUSE_BREAK = re.compile(r",\s+(?=(?:which|and|but|so|while|meaning|making|or|with)\b)|;\s+|\s+\(|\s+-{1,2}\s+")


def clause_prefixes(sentence: str) -> list[str]:
    """Leading parts of a sentence cut at clause breaks, longest first, each closed with a full stop."""
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
    prefixes = []
    for cut in reversed(cuts):
        head = sentence[:cut].rstrip(" ,;:")
        if content_terms(head):
            prefixes.append(head + ".")
    return prefixes


def _cite(text: str, markers: list[int], passages: list[Passage], min_support: float, attribute: bool,
          question: str = "") -> list[Citation]:
    """The model's citations of a sentence, plus the best supporting passage when none of those supports it."""
    own = [_citation(n, passages[n - 1], text, min_support, "model", question) for n in markers]
    if attribute and not any(c.supported for c in own):
        candidates = [_citation(n, p, text, min_support, "attributed", question)
                      for n, p in enumerate(passages, start=1) if n not in markers]
        supported = [c for c in candidates if c.supported]
        if supported:
            own.append(max(supported, key=lambda c: c.support))
    return own


def _citation(n: int, passage: Passage, sentence: str, min_support: float, origin: str, question: str = "") -> Citation:
    span, score, supported = check(sentence, passage, min_support, question)
    return Citation(
        n=n,
        passage=passage,
        sentence=sentence,
        quote=passage.text[span.start : span.end],
        quote_start=span.start,
        quote_end=span.end,
        support=score,
        supported=supported,
        origin=origin,
    )


def _attach(sentence: str, tags: str) -> str:
    if not tags:
        return sentence
    match = re.search(r"[.!?]+[\"')\]]*$", sentence)
    if match:
        return sentence[: match.start()] + " " + tags + sentence[match.start() :]
    return sentence + " " + tags
