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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rag.records import Citation, Passage
from rag.terms import META_TERMS, STEMMER, STOPLIKE, STOPWORDS, content_terms, file_words, numbers

if TYPE_CHECKING:
    from rag.grounding import Asked

MARKER = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
# a sentence ends at . ! ? (plus any markers after it) followed by white space, or at a line break
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])*(?=\s|$)|\n+")
_LIST_NUMBER = re.compile(r"\(?\d{1,2}[.)]")
# "Parking space no. 17", "p. 12", "Tel. 0345", "In 1939, c. 1,300,000 people", "b. 1950": an abbreviation's full stop
# before a number ends no sentence
_BEFORE_NUMBER = re.compile(r"(?:^|(?<=[\s(]))(?:no|nos|nr|p|pp|vol|fig|figs|art|ch|sec|tel|ext|approx|ca|c|b|d|fl)\.$", re.I)
# "the St. Lawrence River", "Dr. Okafor", "Mt. Vernon": a title's full stop before a name ends no sentence
_BEFORE_NAME = re.compile(r"(?:^|(?<=[\s(]))(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Ft|Gen|Col|Capt|Lt|Sgt|Rev|Hon|Sen|Gov|Pres)\.$")
# a list item's number: "1. An off-the-shelf toolkit", "(2) Entities with gross receipts"
_LIST_OPENING = re.compile(rf"(?m)^[ \t]*{_LIST_NUMBER.pattern}(?=[ \t]+[^\W\d_])")
_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w-]*[A-Za-z0-9]|\b[A-Z]+-?\d[\w-]*")
_AFTER_COLON = re.compile(r"(?<=:\s)[A-Z][\w-]*[A-Za-z0-9]")
# a name of several capitalised words ("National School System"): each word may stand in the passage on its own
_NAME_RUN = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w-]*[A-Za-z0-9](?:[ \t]+[A-Z][\w-]*[A-Za-z0-9])+")
# the model saying the passages hold no answer, in the ways small models put it ("The answer is not
# found in the document [2]", "The passage does not provide ..."): never a claim, however its words match
_SOURCE = r"(?:documents?|passages?|text|context|sources?)"
REFUSAL_PATTERN = re.compile(
    rf"not (?:be )?(?:found|mentioned|stated|given|provided|specified|included|available|listed)(?: anywhere)?"
    rf" (?:in|within) the (?:given |provided |above )?{_SOURCE}\b"
    rf"|\b{_SOURCE} (?:does|do) not (?:contain|mention|provide|say|state|specify|include|give)\b"
    rf"|\bthere is no (?:information|mention) (?:about|of|on|in)\b", re.I)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentence_spans(text: str) -> list[Span]:
    """Sentences (and lines) of a text as character spans, trimmed of surrounding white space."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.group(0) == "." and text[match.end() : match.end() + 2].strip()[:1].isdigit() \
                and _BEFORE_NUMBER.search(text[max(0, match.start() - 8) : match.end()]):
            continue
        if match.group(0) == "." and text[match.end() : match.end() + 2].strip()[:1].isupper() \
                and _BEFORE_NAME.search(text[max(0, match.start() - 8) : match.end()]):
            continue
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


def names(text: str, *, after_colon: bool = False) -> set[str]:
    """Capitalised words not opening a sentence, and codes like W-778: what a claim must not invent.
    With ``after_colon``, also a capitalised word after a colon ("What I hear is: Imshael was sent")."""
    found = set()
    for raw in _NAME.findall(text.strip()) + (_AFTER_COLON.findall(text) if after_colon else []):
        if raw.lower() not in STOPWORDS:
            found.add(raw.lower())
    return found


_NUMBER_UNIT = re.compile(r"(\d+(?:[.,:/]\d+)*)[ \t]*([^\W\d_]+)?", re.UNICODE)


def number_units(text: str) -> dict[str, set[str | None]]:
    """Each number of a text with the (stemmed) word right after it, None when there is none or it
    is a stop word: '64 millimetres' -> {'64': {'millimetr'}}."""
    found: dict[str, set[str | None]] = {}
    for raw, word in _NUMBER_UNIT.findall(text):
        number = re.sub(r",(?=\d{3}\b)", "", raw)
        unit = STEMMER.stemWord(word.lower()) if word and word.lower() not in STOPWORDS else None
        found.setdefault(number, set()).add(unit)
    return found


def units_agree(claim: str, text: str) -> bool:
    """Every number the claim gives with a unit ("64 kilometres") stands in the text with that unit,
    or with none: "64 millimetres of rain" does not support "64 kilometres per hour"."""
    stated = number_units(text)
    for number, units in number_units(claim).items():
        wanted = units - {None}
        have = stated.get(number, set())
        if wanted and None not in have and not (wanted & have):
            return False
    return True


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


def best_quote(claim: str, passage_text: str, max_sentences: int = 3, readable: str | None = None) -> tuple[Span, float]:
    """The shortest run of up to ``max_sentences`` sentences of the passage that best supports the claim.

    ``readable`` is the passage text with its instruction parts blanked (``rag.injection.masked``):
    a run is scored on it, never holds a blanked sentence, and is cut back from a blanked edge
    (a table row's hostile last cell), so an instruction is never the quote."""
    terms = content_terms(claim)
    readable = passage_text if readable is None else readable
    spans = [s for s in (_readable_part(s, readable) for s in sentence_spans(passage_text)) if s]
    spans = spans or [Span(0, len(passage_text))]
    best, best_key = spans[0], (-1.0, 0, 0)
    for size in range(1, max_sentences + 1):
        for i in range(len(spans) - size + 1):
            run = spans[i : i + size]
            if any(readable[a.end : b.start].strip() for a, b in zip(run, run[1:])):
                continue  # the run would close over a blanked sentence
            span = Span(run[0].start, run[-1].end)
            score = support(terms, readable[span.start : span.end])
            key = (round(score, 6), -size, -(span.end - span.start))
            if key > best_key:
                best, best_key = span, key
    return best, max(best_key[0], 0.0)


def _readable_part(span: Span, readable: str) -> Span | None:
    """The sentence's span trimmed of blanked edges; None when it is blanked whole."""
    piece = readable[span.start : span.end]
    if not piece.strip():
        return None
    return Span(span.start + len(piece) - len(piece.lstrip()), span.start + len(piece.rstrip()))


def check(claim: str, passage: Passage, min_support: float, asked: "Asked | None" = None) -> tuple[Span, float, bool]:
    """(quote span, support score, supported) of one claim against one passage.

    Supported needs the score and also every number and name of the claim in the passage: a claim
    that gets the words right and the figure or the project wrong is not supported. Given what was
    asked, each number and name the claim adds must also stand where the question points
    (``rag.grounding.placed_right``: the right sentence, table row, column and sheet). The passage
    is read without its instruction parts (``rag.injection``): text that speaks to the assistant
    supports nothing. And the quote must share a topic word with the claim (``on_topic``).
    """
    from rag.injection import masked

    readable = masked(passage.text)
    span, score = best_quote(claim, passage.text, readable=readable)
    claim = strip_markers(claim)
    # names may come from where the passage sits: its headings and its file name
    where = " ".join((passage.heading, file_words(passage.source)))
    lowered = (readable + " " + where).lower()
    # a list's item numbers count nothing: "the mAP score is 1" is not supported by "1. An off-the-shelf toolkit"
    figures = numbers(_LIST_OPENING.sub(" ", readable))
    # a name of several words stands in the passage as written, not word by word ("the National School System")
    spaced = " ".join(lowered.split())
    specifics_ok = numbers(claim) <= figures and all(name in lowered for name in names(claim)) \
        and all(run.lower() in spaced for run in _NAME_RUN.findall(claim)) \
        and units_agree(claim, readable) and on_topic(claim, readable[span.start : span.end] + " " + where, asked)
    if specifics_ok and asked is not None:
        from rag.grounding import placed_right

        clean = passage if readable == passage.text else replace(passage, text=readable)
        specifics_ok = placed_right(claim, clean, asked)
    return span, score, bool(score >= min_support and specifics_ok)


def topic_terms(text: str) -> set[str]:
    """A text's content terms without numbers, the units after them and the stop-like words that
    any figure's sentence has ("costs", "price", "answer"): what says what the text is about."""
    units = {unit for found in number_units(text).values() for unit in found if unit}
    return content_terms(text) - numbers(text) - units - META_TERMS - STOPLIKE


def on_topic(claim: str, quote: str, asked: "Asked | None" = None) -> bool:
    """The quote shares a topic word with the claim. A bare figure ("6 euros", "The answer is 6")
    has none of its own: it stands for an answer to the question, so the question's topic words
    count for it; without a question a bare figure is on no topic. Stops "6 euros" for an espresso
    question from being supported by the ferry fare."""
    wanted = topic_terms(claim) or (topic_terms(asked.question) if asked is not None else set())
    return bool(wanted & content_terms(quote))


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


def verify(answer: str, passages: list[Passage], min_support: float, attribute: bool = True, question: str = "",
           asked: "Asked | None" = None) -> Verified:
    """Resolve markers, check each cited sentence, attribute uncited or unsupported sentences.
    With the question (or ``asked``, its context already worked out), numbers and names must stand
    where the question points (``placed_right``), and a sentence that only restates it is no claim."""
    from rag.grounding import ask_context

    if asked is None and question:
        asked = ask_context(question, passages)
    dropped = repeated = trimmed = 0
    sentences: list[Sentence] = []
    seen: set[str] = set()
    declined = bool(REFUSAL_PATTERN.search(answer))
    for span in sentence_spans(answer):
        raw = answer[span.start : span.end]
        # a list item's number is not a claim, nor is one standing alone ("1. [2]" of a draft listing its passages)
        text = re.sub(r"^\(?\d{1,2}[.)](?:\s+|$)", "", strip_markers(raw).strip())
        markers = []
        for n in parse_markers(raw):
            if 1 <= n <= len(passages):
                if n not in markers:
                    markers.append(n)
            else:
                dropped += 1
        if not (content_terms(text) - META_TERMS - (asked.terms if asked else set())) or REFUSAL_PATTERN.search(text):
            continue  # no claim: "The answer is:", a bare marker, a refusal, the question said back
        if text.lower() in seen:  # tiny models loop
            repeated += 1
            continue
        seen.add(text.lower())
        own = _cite(text, markers, passages, min_support, attribute, asked)
        said = text
        if not any(c.supported for c in own):
            # small models append made-up tails ("..., which is 2.5 hours"): keep the leading clause
            # when it alone is supported
            for prefix in clause_prefixes(text):
                trial = _cite(prefix, markers, passages, min_support, attribute, asked)
                if any(c.supported for c in trial):
                    text, own = prefix, trial
                    trimmed += 1
                    break
            if text != said and text.lower() in seen:  # a loop whose lines differ only in made-up tails ("... (2024)")
                repeated += 1
                continue
            seen.add(text.lower())
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
          asked: "Asked | None" = None) -> list[Citation]:
    """The model's citations of a sentence, plus the best supporting passage when none of those supports it."""
    own = [_citation(n, passages[n - 1], text, min_support, "model", asked) for n in markers]
    if attribute and not any(c.supported for c in own):
        candidates = [_citation(n, p, text, min_support, "attributed", asked)
                      for n, p in enumerate(passages, start=1) if n not in markers]
        supported = [c for c in candidates if c.supported]
        if supported:
            own.append(max(supported, key=lambda c: c.support))
    return own


def _citation(n: int, passage: Passage, sentence: str, min_support: float, origin: str,
              asked: "Asked | None" = None) -> Citation:
    span, score, supported = check(sentence, passage, min_support, asked)
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
