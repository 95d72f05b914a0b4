"""The extractive answer: the passage sentence (or table row) that answers the question, chosen by
the question's terms (``rag.key_terms``).

Pure functions over records, used by ``rag.answer`` (the quote shown when the model's draft is
unsupported, or always with the bundled model) and by ``focus`` (which sentences the model reads).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from rag.abbreviations import defined_terms, expanded
from rag.chunk_edges import held_whole_elsewhere, sentence_opening
from rag.cite import Span, names, sentence_spans
from rag.grounding import ABOUT_SENDING, Asked, ask_context, fails_condition, from_someone_else
from rag.injection import masked
from rag.key_terms import ASKED_UNIT, WANTS_TITLE, asked_for, key_terms, own_terms
from rag.name_swaps import names_another
from rag.opposites import contradicts
from rag.question_parts import last_question, spelled_out
from rag.quote_bar import HEADING_LINE, Bar, whole_sentence
from rag.quoting import MAX_QUOTE_CHARS, listed_span, shown_part
from rag.records import Passage
from rag.rows import EMAIL_HEADER, ROW, named_row, row_headers, telling_terms
from rag.source_naming import source_kinds, source_terms
from rag.terms import content_terms, file_words, word_pairs
from rag.wants import MONEY, SHARE, YEAR, answers_the_question, at_the_time_asked, gives_what_is_wanted

# who a study counts or asks about, by any name: "61 patients (9%)" answers "what percentage of children ..."
_PEOPLE = frozenset(content_terms(
    "patients subjects participants child children kids infants neonates adults woman women man men people persons individuals "
    "respondents students undergraduates volunteers boys girls"))
_FIGURES = ("quantity", "length", "money", "date", "frequency")
_DIGIT_SHARE = re.compile(r"\d\s*%|\d\s*per ?cent\b", re.I)
# a line of capitalised words without a number or a full stop at the end: a title, a caption or a
# breadcrumb ("Japanese steel grading -> SNB Grades -> SNB22-3")
_TITLE_WORD = r"(?:[A-Z][\w'’&/-]*:?|[a-z]{1,3}|[-–:&/]|->|[>»›])"
_TITLE = re.compile(rf"^{_TITLE_WORD}(?:\s+{_TITLE_WORD})*$")
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+(?=[A-Z])")  # "4.2 Question Answering Datasets"
_TAIL = re.compile(r"^(?![^\n]*\|)[a-z]\S*(?:\s+\S+){3}")  # prose opening in lower case, 4 words or more, not a row
_BREADCRUMB = re.compile(r"\s(?:->|[>»›])\s")
# a web address, a path or a piece of one (a slug: "/iwan-roberts-norwich-city-column"), not "km/h" or "10/12/2024"
_LINK = re.compile(r"\S*(?:https?://|www\.)\S*|\S*/\S*-\S*-\S*|\S*[A-Za-z]/[A-Za-z][\w.-]*/\S*")

# what a study set out to do ("Objective: To compare ...", "The purpose of this study was to explore ...", "This
# study addressed the question: ..."): it tells which paper, not what the paper found or how
_AIM = re.compile(r"^\W*(?:(?:objectives?|aims?|purposes?|goals?|background|introduction|study design|design)\s*:\s*)?"
                  r"(?:to\s+(?:assess|compare|determine|evaluate|examine|investigate|explore|describe|identify|test|study|"
                  r"analy[sz]e|review|estimate|measure|establish|clarify|elucidate|ascertain|characteri[sz]e)\b|"
                  r"(?:the|this|our)\s+(?:main\s+|primary\s+|study\s+)?(?:aim|purpose|objective|goal)s?\b[^.]{0,60}?\b(?:was|were|is|are)\s+to\b|"
                  r"(?:this|the present|the current|our)\s+(?:study|paper|trial|review|analysis|work|report)\s+"
                  r"(?:aims?|aimed|sought|seeks|set out|was designed|is designed|addressed|addresses)\b|"
                  r"we\s+(?:aimed|sought|set out|wanted)\s+to\b)", re.I)
_ASKS_AIM = re.compile(r"\b(?:aim|aims|aimed|purpose|objective|goal|set out)\b", re.I)
_A_QUESTION = re.compile(r"\?[\"'”’)]*\s*$")
_GOES_ON = re.compile(r"\s*(?:It|Its|They|Their|He|His|She|Her|This|These)\b")
# what an e-mail's header line never gives: a person's title ("Matthew Robinson's job title" is not the
# "Subject (title)" of the header) or phone number (its figures are a date)
_NOT_IN_A_HEADER = re.compile(r"\b(?:job|position|professional|official|work|academic)\s+titles?\b|['’]s\s+title\b|"
                              r"\b(?:phone|telephone|fax|mobile|cell)\b", re.I)
_TABLE_WORDS = frozenset(content_terms("cell cells row rows column columns entry entries field fields"))
_WANTS_LINK = re.compile(r"\b(?:url|link|web ?site|web ?page|site|address|online|domain|download)", re.I)


_COUNT_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand")
_ROLE_ASKED = re.compile(r"^\s*who\s+(?:is|was|are|were)\s+(?:the|its|their|his|her)\s+(?:(?:first|last|current)\s+)?"
                         r"([\w-]+)\s+(?:of|for|in|at|on|when|who|that|to)\b", re.I)


# ---- the extractive fallback ----------------------------------------------------------------------


@dataclass(frozen=True)
class Extract:
    n: int  # passage number, from 1
    start: int  # span of the sentence (or table row) in the passage text
    end: int
    overlap: float  # share of the question's key terms in it
    shown: str  # what the answer shows: the sentence, or the row's asked cells


class _Candidate(NamedTuple):
    """A sentence (or row, or list) that may be quoted, with what ranks it against the others."""
    n: int  # passage number, from 1
    span: Span  # where it stands in the passage text
    terms: set[str]  # its own content terms
    heading: set[str]  # terms of its headings (and of the sentence before, when it goes on about it)
    telling: set[str]  # the terms that tell it from another sentence (a row's cell values)
    overlap: float
    quote: str  # the text quoted: from ``start`` (the sentence before, when read with it) to the span's end
    in_context: str  # the sentence under its headings, read by meaning
    start: int
    aim: bool  # the aim of the study described: ranked after every sentence that is no aim


def extract(question: str, passages: list[Passage], min_overlap: float, min_relevance: float = 0.0,
            asked_context: Asked | None = None,
            closeness: Callable[[str, list[str]], list[float]] | None = None, bar: Bar | None = None) -> Extract | None:
    """The passage sentence (or table row) that best answers the question: it holds at least
    ``min_overlap`` of the question's key terms (its passage's heading, a sheet name or a caption,
    and its file name count as part of it), says something the question does not, and holds a number or a name
    when the question asks for one. Among those, the one holding most of the question's terms wins
    (with its headings, a row with its headers); among equals, the one whose own words (a row's cell values) hold
    most, terms that few sentences hold counting more (the row of "Riverside", not every row that
    says "closed") and names given in the question twice as much; then the passage whose heading
    names more of the question (the 2024 sheet for a 2024 question), then the earlier passage.
    Passages whose cosine similarity to the question is below ``min_relevance`` are not quoted.
    With ``closeness``, the question's terms that the passage's heading or file name already gives
    (the document's subject, which its sentences repeat) do not count as the sentence's own, and
    among sentences holding as many of the others under as telling a heading, the one closest in
    meaning (read with its headings) wins. Of several questions asked together (a chat follow-up
    searched with the one before it), the last one's terms come first and may alone reach ``min_overlap``. With ``bar``,
    a sentence also clears it (``Bar``: a later passage's sentence holds more, every quote is close enough in meaning,
    a paraphrase close in meaning is quoted on fewer words)."""
    asked, own = key_terms(question), own_terms(question)
    if not asked:
        return None
    # what "how many" counts ("blankets") need not be said ("Crossing (min): 25"), but counts where it is
    counted = content_terms(" ".join(ASKED_UNIT.findall(question))) - asked
    described = source_terms(question) & asked  # held anywhere in the passage: it is the source named
    # "In the three-year randomized trial comparing ..., in which US state were the women recruited?": the
    # words describing the study say which paper, as its title would; the answer need hold only what is asked
    context = asked_context or ask_context(question, passages)
    if context.unknown:
        return None  # about something the passages do not name: no sentence of theirs answers it
    # the bar (``Bar``) is not for a study described in the question: what is asked of the paper is read by its own
    # words (below), and its answer is most often in a later chunk of the abstract, its results, far in meaning from
    # the description
    bar = None if context.studied else bar
    floor = bar.floor(min_overlap) if bar else min_overlap
    work = context.work & asked
    described |= work
    proper = asked - work
    kinds = source_kinds(question)
    file_terms = [content_terms(file_words(p.source)) for p in passages]  # a file name counts as a heading
    titles = context.titles
    # the file name says the kind of source named ("docx-tables" for "the Word tables document")
    named_kind = [bool(kinds & terms) for terms in file_terms]
    wants_link = bool(_WANTS_LINK.search(question))
    wants_title = bool(WANTS_TITLE.search(context.clause))
    no_header = bool(_NOT_IN_A_HEADER.search(question))

    def words_of(text: str) -> str:
        # the words of a web address ("import_questions") are not what the sentence says, unless one is asked for
        return text if wants_link else _LINK.sub(" ", text)

    units, tails = [], set()
    spelled = {t: words for t, words in spelled_out(question).items() if t in asked}
    readable = [masked(p.text) for p in passages]  # an instruction is never the quote (rag.injection)
    defined = {source: defined_terms("\n\n".join(t for p, t in zip(passages, readable) if p.source == source))
               for source in {p.source for p in passages}}
    # the describing words a document's passages hold (text, heading, file name) are held by each of them
    named_source: dict[str, set[str]] = {p.source: set() for p in passages}
    for passage, text, terms in zip(passages, readable, file_terms) if described else ():
        named_source[passage.source] |= described & (content_terms(text) | content_terms(passage.heading) | terms)
    for n, passage in enumerate(passages, start=1):
        if (passage.dense_score if passage.dense_score is not None else 1.0) < min_relevance:
            continue
        heading = (content_terms(passage.heading) | file_terms[n - 1] | named_source[passage.source]
                   | titles.get(passage.source, set()))
        section, section_line = set(), ""  # a heading inside the chunk's text ("The sourdough starter") covers what follows
        titled = ""  # the last of them in title case ("Grandma Ruth's Lemon Drizzle Cake"): a short line under it
        # ("Drizzle - juice of 1½ lemons - 85g sugar", an ingredient list) heads less than it does, and does not end it
        before = None  # the sentence before, (start, terms): what "They ..." goes on about
        spans = sentence_spans(readable[n - 1])
        for i, span in enumerate(spans):
            unit = readable[n - 1][span.start : span.end]
            opening = ""
            if span.start == 0 and passage.char_start > 0 and _TAIL.match(unit):
                # the tail of a sentence the chunk before holds whole ("vision of authority..." of "division"); or whose
                # opening another passage of the document ends on (a long sentence cut where the chunks overlap): the
                # tail is read with that opening ("Among middle-aged whites who ..." for "... was 28.1%")
                opening = sentence_opening(passages, n - 1, span.end)
                if not opening:
                    continue
                tails.add((n, span.start))
            if i == len(spans) - 1 and held_whole_elsewhere(passages, n - 1, span, unit):
                continue  # cut where the chunk ends ("Overall physician sensitivity"): another passage holds it whole
            if heads := bool(HEADING_LINE.match(unit) and not ROW.match(unit)):
                titled = unit.strip() if _TITLE.match(unit.strip()) else titled
                section_line = unit.strip() if titled in ("", unit.strip()) else f"{titled}. {unit.strip()}"
                section = content_terms(section_line)
            said = words_of(f"{opening} {unit}" if opening else unit)
            terms, start, inherited = content_terms(said), span.start, set()
            terms |= {t for t, words in spelled.items() if words.search(unit)}  # "gross domestic product" for "GDP"
            terms |= expanded(unit, defined[passage.source])  # "IHC" of a paper saying "immunohistochemistry (IHC)"
            # a sentence opening on a noun the one before names ("One peculiarity of the armor ...") is not read with it:
            # on SQuAD2 that quoted 13 more of 600 unanswerable questions and 2 fewer gold answers (docs/ask.md)
            refers = bool(before) and bool(_GOES_ON.match(unit))
            carried = before[1] if refers else set()  # "He ... His ...": a chain of them carries what the first named
            if refers and (asked & terms) - before[1] - heading:
                # "All human beings are born free ... They are endowed with reason": the sentence before
                # says who "they" are, and is quoted with it when both fit; only when this one adds a
                # term of the question beyond its subject ("endowed"), or "It [Harvard] operates museums"
                # would pass for the endowment
                inherited = before[1]
                start = before[0] if span.end - before[0] <= MAX_QUOTE_CHARS else span.start
            units.append((n, span, terms, heading | section | inherited, telling_terms(said), section_line, start))
            if listed := listed_span(readable[n - 1], spans, i):
                # "It includes:" over "Lots of whitespace", "Little to no content": the list is what it says
                list_terms = content_terms(words_of(readable[n - 1][span.start : listed.end]))
                units.append((n, listed, list_terms, heading | section | inherited, list_terms, section_line, start))
            whole = whole_sentence(unit)  # not "humanities." cut off a line
            before = (span.start, terms | carried) if whole and not ROW.match(unit) and not heads else None
    # no passage holds any word describing the source, and some are a name ("the Dragon Age guide" never says
    # "Dragon Age"): they tell no passage from another, and count for none (common words, "the climbing gear
    # table", say what the source holds)
    unnamed = bool(described & content_terms(" ".join(names(question)))) and not any(named_source.values())
    frequency = {t: sum(t in unit[2] for unit in units) for t in asked}
    # how many rows of each table (a document's rows under the same headers) the passages hold
    tables = Counter((passages[u[0] - 1].source, row_headers(row)) for u in units
                     if ROW.match(row := readable[u[0] - 1][u[1].start : u[1].end].strip()))
    named = content_terms(" ".join(names(question)))  # a name the question gives says which row or sentence
    head = asked_for(context.clause)
    # "Which branch opens on Sunday?": rows saying "Sunday hours: closed" are not picked; a row that says more there is,
    # though no cell of it is named, when its table's rows differ in that
    failing, telling_tables = {}, set()
    for n, span, *_ in units:
        if ROW.match(row := readable[n - 1][span.start : span.end].strip()):
            failing[(n, span.start)] = failed = fails_condition(row, question, asked, head)
            if failed:
                telling_tables.add((passages[n - 1].source, row_headers(row)))
    weight = {t: (2.0 if t in named else 1.0) / max(frequency[t], 1) for t in asked}
    eligible = []
    for n, span, terms, heading, telling, section_line, start in units:
        sentence = readable[n - 1][span.start : span.end]
        if ROW.match(sentence.strip()):
            # "the cell under Header Col 1": a row is cells; a row holds the thing described ("Riverside branch:
            # when does it close?") only in its own cells, not because another row of its table does
            heading = (heading | (_TABLE_WORDS & asked)) - (work - terms)
        said = counted & (terms | heading)
        # in the source named (a passage holding one of the words describing it, "shapes" of "the shapes
        # test document", or whose file name says its kind, "docx-tables" for "the Word tables document"),
        # the describing words it does not hold are how the asker remembers it, not what it says: they
        # neither count nor count against, as long as two terms of the question are left to match; another
        # document gets no such pass (an e-mail's header had matched "the second slide of the many-pages
        # PowerPoint" on "text" alone)
        unheld = described - terms - heading
        named_here = unheld != described or named_kind[n - 1] or unnamed
        wanted = asked - unheld if named_here and len(asked - unheld) >= 2 else asked
        overlap = max((len(wanted & (terms | heading)) + len(said)) / (len(wanted) + len(said)),
                      len(own & (terms | heading)) / max(len(own), 1))
        if proper and passages[n - 1].source in context.studied:
            # the paper of the study described (holding most of its words); the sentence answers what is asked of
            # it: at least one of those words, and half the share asked of a whole question (abstracts say "Six
            # hundred ninety-two women received AC." for "how many women received the corticosteroids?"); what "how
            # many" counts is asked too ("how many patients had the operation?": "185 patients underwent tonsillectomy")
            whole = proper | counted
            overlap = min(1.0, len(whole & (terms | heading)) / len(whole) * 2) if whole & (terms | heading) else 0.0
        elif context.studied and (passages[n - 1].source not in context.studied or context.wants is None):
            # another paper; or the paper itself when the question asks nothing of it beyond its description: only
            # the kind of answer wanted then tells its sentences apart ("..., by how much?" wants a figure), and
            # with none every sentence would pass ("Two MOUs enrolled in the PEP" for what the evaluation concluded)
            overlap = 0.0
        # by meaning, the sentence is read under its headings ("Specifications: Flight time: 47 minutes"
        # answers how long the drone can fly although it does not say "fly")
        in_context = ". ".join(x for x in (passages[n - 1].heading, section_line, sentence) if x) if closeness else sentence
        # a heading inside the chunk says what the sentences under it are about ("Bake for 45 to 50 minutes." under
        # "Grandma Ruth's Lemon Drizzle Cake"); what the sentence gives is its own ("Opening and closing" over a
        # sentence saying when the bakery opens gives no closing time)
        answers = answers_the_question(in_context, context) or not closeness and bool(
            content_terms(section_line) & context.terms) and gives_what_is_wanted(sentence, context)
        if overlap < floor or not (terms - content_terms(question)) or not answers:
            continue
        if EMAIL_HEADER.match(sentence) and (no_header or context.wants == "date" and not ABOUT_SENDING.search(question)):
            continue  # the day it was sent does not say when the event it announces is, nor a title or phone number
        if from_someone_else(sentence, question):
            continue  # the header of a message the one asked about did not send
        if failing.get((n, span.start)):
            continue  # "Branch: Elm Street | Sunday hours: closed" for "Which branch opens on Sunday?"
        table = (passages[n - 1].source, row_headers(sentence.strip()))
        if ROW.match(sentence.strip()) and not (asked | counted) & telling and tables[table] > 1 and not (
                failing.get((n, span.start)) is False and table in telling_tables):
            # a row none of whose cells the question names (what "how much" asks of counts: "how much rent" names the
            # "Monthly rent" row): its headers alone fit every row of its table
            continue
        title = titles.get(passages[n - 1].source, set())
        # under its title, a sentence of the paper itself says something asked beyond the paper's subject and the
        # study the question describes, with the names describing it ("the discharge coordinator study at the
        # Homerton Hospital"): what is asked for ("how many EMS providers"), or another of its terms (when the
        # question asks any: "In the study of tailored telephone counseling ..., by how much?")
        beyond = (asked | counted) - (title - head) - work - (named if work else set())
        # the people a paper counts are its "patients" when the question calls them "children" or "students"; a
        # heading inside the chunk says it too ("Bake for 45 to 50 minutes." under "Grandma Ruth's Lemon Drizzle Cake"
        # in a file titled "Family Recipes")
        said_beyond = beyond & (terms | content_terms(section_line)) or (beyond & _PEOPLE and terms & _PEOPLE)
        if title and beyond and not said_beyond and not wants_title:
            continue
        if (work or title) and _AIM.match(sentence) and not _ASKS_AIM.search(question) and not (
                title and beyond & terms and (context.wants not in _FIGURES or re.search(r"\d", sentence))):
            # the aim of the study described: which paper it is, not what is asked of it; unless it says in passing
            # something asked beyond the title ("... with digital subtraction angiography (DSA) as the reference
            # standard", "in a sample of 92 undergraduates with (n = 44) and without (n = 48) ADHD"), a figure in digits
            continue
        if title and span.start == 0 and passages[n - 1].char_start == 0 and "\n" not in sentence.strip() \
                and not wants_title:
            continue  # the title line itself names the paper's subject, it answers nothing asked of it
        if _A_QUESTION.search(sentence) and not wants_title:
            continue  # a question ("... a potential role for uterine natural killer cells?", a paper's title) answers none
        if (_TITLE.match(_SECTION_NUMBER.sub("", sentence.strip(), count=1)) or _BREADCRUMB.search(sentence)) \
                and not wants_title:
            continue  # a title, caption or breadcrumb ("Table: AI Use Cases in Different Industries") answers nothing
        if _LINK.search(sentence) and len(content_terms(_LINK.sub(" ", sentence))) < 3:
            continue  # a web address or a piece of one ("orwich-city/iwan-roberts-norwich-city-column-1-5494038).")
        shared = heading if closeness else set()  # by meaning, the subject its headings give is not the unit's own
        # the words naming the source ("in the Blackboard test template") tell none of its sentences from another;
        # a row's cell naming the thing described ("Riverside branch: when does it close?") is what tells its row
        naming = described - work if ROW.match(sentence.strip()) else described
        quote = readable[n - 1][start : span.end]
        eligible.append(_Candidate(n, span, terms - shared, heading, telling - shared - naming, overlap, quote,
                                   in_context, start, bool((work or title) and _AIM.match(quote))))
    # a year the question gives ("Who led the reinforcements in 1765?") is one the answering sentence gives, or its
    # headings do ("the 2024 sheet"): on SQuAD2 14 fewer of 600 unanswerable questions quoted, no answer lost
    # (as the question writes it: "2025/26" of "my 2025/26 maintenance loan" is a year of "for 2025/26")
    if years := set(YEAR.findall(question)):
        eligible = [e for e in eligible
                    if years <= e.terms | e.heading | set(YEAR.findall(f"{passages[e.n - 1].heading} {e.quote}"))]
    # a sentence saying the opposite answers another question (rag.opposites): "highest" for "The party with the lowest
    # quotient is awarded what?", "is antigen-specific" for "What immune response is not antigen-specific?"; a table
    # row's cell may be the answer itself ("Sunday hours: closed" for when it opens on Sunday)
    asked_last = last_question(question)
    eligible = [e for e in eligible if ROW.match(e.quote.strip())
                or not contradicts(asked_last, f"{passages[e.n - 1].heading} {e.quote}")]
    # a sentence naming another thing in the place of the one asked about (rag.name_swaps): "Warsaw Historical Museum
    # contains 60 rooms" for "How many rooms does the Katyn Historical Museum have?"
    eligible = [e for e in eligible if ROW.match(e.quote.strip())
                or not names_another(asked_last, e.quote, asked - e.terms - e.heading)]
    # "Who was the mayor of Jacksonville when the Great Fire broke out?": the sentence names the role asked of
    # someone ("leadership" for a leader), or it names someone else (a sentence on the fire naming Florida)
    if role := _ROLE_ASKED.match(context.clause):
        wanted_role = content_terms(role.group(1)) & asked
        eligible = [e for e in eligible if all(any(w.startswith(r) for w in e.terms | e.heading) for r in wanted_role)]
    if bar:  # (before the heading line is preferred: one under the bar must not hide a sentence clearing it)
        eligible = bar.clears((question, asked_last), asked, eligible, min_overlap)
    if wants_title:  # "What is the main heading of the page?": a heading line, when one is eligible
        eligible = [e for e in eligible if HEADING_LINE.match(e.quote.strip())] or eligible
    if not eligible:
        return None
    # "how many patients": a sentence counting them ("A total of 185 patients underwent ...") before one that only
    # names them with other figures ("The patients age ranged between 2 years to 53 years")
    units_asked = [u.lower().rstrip("s") for u in ASKED_UNIT.findall(question) if len(u) > 3]
    counting = re.compile(rf"(?:\d[\d,.]*|\b(?:{_COUNT_WORDS})(?:[\s-]+(?:{_COUNT_WORDS}|and))*)\s+(?:[\w-]+\s+){{0,2}}"
                          rf"(?:{'|'.join(map(re.escape, units_asked))})", re.I) if units_asked else None
    meaning = [0.0] * len(eligible)
    # "what percentage of children ...": "61 patients (9%)" before "could not identify all children"
    share_wanted = context.figure_forms == (SHARE,)
    # "how much rent do we pay": "Amount: £1,185.00" before "may charge interest at 3% per year"
    money_wanted = context.wants == "money"
    if closeness:
        meaning = closeness(question, [e.in_context for e in eligible])
    best, best_key = None, None
    # (not the words describing a study: the sentence repeating them says which paper, not what is asked of it)
    phrasing = set() if work else word_pairs(asked_last)
    for (n, span, terms, heading, telling, overlap, sentence, _, start, aim), close in zip(eligible, meaning):
        # an aim that says in passing what is asked comes after every sentence that is no aim
        # the follow-up's own terms first when it is asked with the question before it ("Where is it
        # stored?" after "How many units are in stock?": the location, not the stock); then
        # most of the question's terms, with the unit's headings and a row's headers ("the impact
        # of AI in healthcare" is the row under "Impact", not a sentence naming healthcare and AI); then
        # more of the question's phrasing (two words in a row: "the first responses ... to infection" is
        # "Inflammation is one of the first responses of the immune system to infection", not a sentence of an earlier
        # passage holding the same words apart; on SQuAD2 precision 0.875 -> 0.886, docs/ask.md session 34; by
        # meaning, the meaning decides instead); then
        # most in what tells one row from another (its cell values), rarer ones breaking ties; then
        # the passage whose heading (sheet, caption) names more of the question; then (with
        # ``closeness``) the sentence closest in meaning; then the earlier passage. Of a study described in the
        # question, the sentence repeating fewer of the describing words: "Objective: To compare the primary stability
        # of miniscrews inserted into bone blocks ..." says what the paper is about, not what the blocks were taken from
        key = (not aim, len(own & (terms | telling | heading)), share_wanted and bool(_DIGIT_SHARE.search(sentence)),
               money_wanted and bool(MONEY.search(sentence)),
               len((asked | counted) & (terms | telling | heading)), len(asked & telling), named_row(sentence, asked | counted),
               at_the_time_asked(question, sentence), 0 if closeness else len(phrasing & word_pairs(sentence)),
               round(sum(weight[t] for t in asked & telling), 6), len(asked & heading),
               bool(counting and counting.search(sentence)),
               0 if ROW.match(sentence.strip()) else -len(work & terms), (n, start) not in tails, round(float(close), 4), -n)
        if best_key is None or key > best_key:
            shown = shown_part(sentence, asked, context)
            if (n, start) in tails and not shown.startswith("..."):
                shown = "..." + shown  # a sentence's tail: the passage cited holds it from here
            best, best_key = Extract(n, start, span.end, overlap, shown), key
    return best
