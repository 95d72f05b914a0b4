"""What the parts of a question say: which of several questions asked together is the last
(``last_question``), where the question proper starts (``asked_clause``: "According to the memo, how
many ..." asks "how many ..."), and which study a question describes before what it asks of it
(``described_work``: "In the three-year randomized trial comparing ..., in which US state were the
women recruited?") and which of the passages' documents that is (``studied_sources``), and which names it
gives that no passage holds (``unknown_names``).

Pure functions over the question's text, used by ``rag.grounding`` and ``rag.extract``.
"""

from __future__ import annotations

import difflib
import re

from rag.cite import names, sentence_spans
from rag.records import Passage
from rag.terms import content_terms, file_words, unaccented

# a quoted title ("the NWS article 'Are You Weather-Ready for the Spring?'")
QUOTED = r"(?:'(?:[^'\n]|'(?=\w)){1,100}'(?!\w)|‘[^’\n]{1,100}’|\"[^\"\n]{1,100}\"|“[^”\n]{1,100}”)"
# "According to the memo, how many ...", "Under the match rules in the book, how long ...", "Roughly what share ...";
# a title quoted in it may end in a question mark
_QUESTION_WORD = r"(?:how|what|when|who|whom|whose|which|where|(?:in|on|at|by|from|since|until|for|to|of|during) (?:what|which|how))\b"
# "In the three-year randomized trial comparing tailored telephone counseling, tailored print materials and usual
# care, in which US state ...": a study described at length, commas and all, before what is asked of it
_WORK = (r"(?:stud(?:y|ies)|trials?|surveys?|(?:meta-)?analys[ie]s|reviews?|series|experiments?|evaluations?|audits?|"
         r"reports?|papers?|articles?|investigations?|cohorts?|comparisons?|questionnaires?)")
_WORK_CLAUSE = (rf"(?:in|from|for|among|across|according to)\s+(?:the|this|that|a|an|one)\s+"
                rf"(?:[\w'’.-]+\s+){{0,6}}?{_WORK}\b[^?]{{0,400}}?,\s*")
_DESCRIBED_WORK = re.compile(rf"^\s*{_WORK_CLAUSE}(?={_QUESTION_WORD})", re.I)
_WORK_OF = (rf"(?:the|this|that|a|an)\s+(?:[\w'’.-]+\s+){{0,6}}?{_WORK}\s+(?:of|on|about|in|from|among|that|which|whose|"
            rf"with|into|where|\w+ing)\b")
# "The study on uterine natural killer cells and irregular bleeding in women ... was carried out at which hospital?",
# "The secondary analysis of whether ... included how many patients?"
_WORK_SUBJECT = re.compile(rf"^\s*{_WORK_OF}[^?]{{5,400}}?(?=\s+(?:was|were|is|are|did|does|had|has|found|took|gave|used|chose|"
                           rf"made|ran|saw|got|\w+ed)\b(?:\s+[\w'’-]+){{0,7}}?\s+{_QUESTION_WORD})", re.I)
# "Which national survey supplied the data for the study of whether adult waist and hip circumferences scale with
# height?", "Which depression measure did the matched-pair trial of treadmill walking in chronic stroke use?"
_WORK_AFTER = re.compile(rf"\b(?:of|in|from|for|by|about|did|does|was|were)\s+{_WORK_OF}[^?]{{5,400}}?"
                         rf"(?=(?:\s+(?:use|used|find|report|show|conclude|include|enrol|enroll|measure|recruit|compare|"
                         rf"test|give|carried out|conducted|done|performed|based|held|run))?\s*\?\s*$)|"
                         # "mean age of the Saudi orthodontic patients in the arch form and Bolton discrepancy study?"
                         rf"\b(?:of|in|from|for|by|about)\s+(?:the|this|that)\s+(?:[\w'’.-]+\s+){{1,8}}?{_WORK}(?=\s*\?\s*$)|"
                         # "how long were orthodontic separators left ... (CBCT vs bitewing study)"
                         rf"\(\s*(?:the\s+)?(?:[\w'’./-]+\s+){{1,8}}?{_WORK}\s*\)(?=\s*\??\s*$)",
                         re.I)
# what a question asks a figure of, noun first: "mean age of the Saudi orthodontic patients ...?", "share of
# Africans with optimal BP ...?" (grounding reads these as wanting a quantity)
MEASURED_NOUN = (r"(?:the\s+)?(?:(?:mean|median|average|total|overall)\s+)?(?:number|age|sample size|share|proportion|"
                 r"percentage|rate|dose|count)\s+of\b")
# "OSA and aerobic fitness in the Air Force: how many OSA patients?", "NACT and lymphadenectomy in cervical cancer -
# how many patients were enrolled?": a topic, then what is asked about it
_ASKED_NOUN = rf"(?:{MEASURED_NOUN}|(?:the\s+)?(?:(?:mean|median|average|total|overall)\s+)?size\s+of\b)"
_TOPIC = re.compile(rf"^\s*(?![^?]*?\b(?:how|what|when|who|whom|whose|which|where|why)\b[^?]*?(?::|\s[-–—]\s|—))"
                    rf"[^?:;—–]{{8,200}}?\s*(?::|\s[-–—]\s|—)\s*(?=(?:{_QUESTION_WORD}|{_ASKED_NOUN}))", re.I)
_ASKED_WORD = re.compile(rf"{_QUESTION_WORD}.*", re.I | re.S)
_LEADING_CLAUSE = re.compile(rf"^(?:{_WORK_CLAUSE}(?={_QUESTION_WORD})|"
                             r"(?:[^,?]|['‘\"“][^'’\"”\n]{0,100}\?['’\"”]){1,120},\s*|"
                             r"(?:roughly|approximately|about|exactly|so|and|but|then)\s+)"
                             rf"(?={_QUESTION_WORD})",
                             re.I)


# "When a pathogen has been eaten by a phagocyte it becomes trapped in what vesicle?": "when" (or "once", "if", ...)
# opening a clause, not asking (no verb follows it as in "When did ..."), and the question word after it
_OPENING_CLAUSE = re.compile(r"^\s*(?:when|once|after|if|while)\s+(?!(?:did|does|do|is|was|were|are|am|will|would|can|"
                             r"could|should|has|have|had|must|might|may|shall)\b)[^?]{3,200}?\s"
                             r"(?=(?:what|which|who|whom|whose|where|how)\b)", re.I)


def asked_clause(question: str) -> str:
    """The question from its question word on: what kind of answer is wanted is said there (in the
    last of several questions asked together, see ``last_question``)."""
    question = last_question(question).strip()
    if subject := _WORK_SUBJECT.match(question):  # "The study on ... was carried out at which hospital?"
        if asked := _ASKED_WORD.search(question, subject.end()):
            return asked.group(0)
    if topic := _TOPIC.match(question):  # "OSA and aerobic fitness in the Air Force: how many OSA patients?"
        return question[topic.end() :]
    if opening := _OPENING_CLAUSE.match(question):
        return question[opening.end() :]
    return _LEADING_CLAUSE.sub("", question, count=1)


_NEXT_QUESTION = re.compile(r"(?<=\?)\s+(?=\S)")


def last_question(text: str) -> str:
    """The last of several questions asked together, else the text: "When is the migration scheduled?
    And how much downtime is expected?" (a chat follow-up searched with the question before it) asks
    about downtime now; the question before only says what it is about."""
    parts = _NEXT_QUESTION.split(text.strip())
    return parts[-1] if len(parts) > 1 else text


def described_work(question: str) -> set[str]:
    """The terms of a clause describing the study, trial or report asked about ("In the three-year
    randomized trial comparing tailored telephone counseling, ..., in which US state were the women
    recruited?", "The study on ... was carried out at which hospital?", "Which survey supplied the data
    for the study of whether ...?"): they say which paper, as a title would, and the sentence that answers need not
    repeat them."""
    question = last_question(question)
    found = (_DESCRIBED_WORK.match(question) or _WORK_SUBJECT.match(question) or _TOPIC.match(question)
             or _WORK_AFTER.search(question))
    if not found:
        return set()
    # what the question asks repeats some ("how much higher was the physician's systolic reading than the
    # nurse's?" after "... comparing blood pressure taken by physicians, by nurses ..."): those are asked
    asked = content_terms(question[: found.start()] + " " + question[found.end() :])
    return content_terms(re.sub(r"^\s*according to\b", " ", found.group(0), flags=re.I)) - asked


STUDY_HELD = 0.5  # share of the words describing a study that its document holds


def studied_sources(work: set[str] | frozenset[str], passages: list[Passage]) -> frozenset[str]:
    """The sources (among the passages') holding the most of ``work``, the words that describe the study
    the question asks about (``described_work``), anywhere in their passages, headings or file names,
    when that is at least ``STUDY_HELD`` of them; none when the question describes no study."""
    if not work:
        return frozenset()
    held: dict[str, set[str]] = {}
    for p in passages:
        held.setdefault(p.source, set()).update(work & content_terms(f"{p.text} {p.heading} {file_words(p.source)}"))
    most = max((len(terms) for terms in held.values()), default=0)
    if most < STUDY_HELD * len(work):
        return frozenset()
    return frozenset(source for source, terms in held.items() if len(terms) == most)


_INITIALS = re.compile(r"\b[A-Z]{2,}s?\b")  # "WWI", "SP", "NGOs": initials, which a document may spell out
_LANGUAGES = frozenset(content_terms(
    "English Spanish German French Italian Portuguese Dutch Swedish Norwegian Danish Finnish Icelandic Polish Czech "
    "Russian Ukrainian Greek Latin Turkish Arabic Hebrew Persian Hindi Bengali Urdu Chinese Mandarin Cantonese "
    "Japanese Korean Vietnamese Thai Indonesian Malay Swahili Afrikaans Hungarian Romanian Bulgarian Serbian Croatian"))
# a people's name: "American", "Canadians", "Korean", "Lebanese", "Scottish", and a few others; not every word
# ending in -an ("Japan", "Michigan", "Ryan" name a place or a person a passage would have to hold)
_DEMONYM = re.compile(r"(?:[ie]ans?|cans?|ese|ish|afghan|british|cuban|dutch|french|greek|roman|swiss|texan|"
                      r"thai|tibetan|welsh)$")
NEAR_SPELLING = 0.8  # difflib's ratio at which a name is the same word misspelt ("Counil", "Shirey")


def spelled_out(question: str) -> dict[str, re.Pattern]:
    """The question's initials ("GDP", "IPCC"), as terms, each with a pattern finding the words they stand for
    ("gross domestic product", "Intergovernmental Panel on Climate Change")."""
    found = {}
    for initials in _INITIALS.findall(question):
        letters = initials.rstrip("s") if initials.endswith("s") and not initials.isupper() else initials
        if 2 <= len(letters) <= 6 and (term := content_terms(initials)):
            joined = r"[\w-]*(?:\s+(?:of|on|and|for|the|in|de|&))?\s+".join(letters)
            found[next(iter(term))] = re.compile(rf"\b{joined}[\w-]*", re.I)
    return found


def unknown_names(question: str, passages: list[Passage]) -> frozenset[str]:
    """The names the question gives (capitalised words not opening it: a place, a person, a title), as content
    terms, that none of the passages holds in its text, heading, document title or file name, nor spelt nearly so ("Herve" for
    Hervé, "Counil" for Council), nor as part of a longer word ("Egypt" of "Egyptian", "Talk" of "AppleTalk"):
    the question is about something the passages do not name ("How many people died of the Black Death in
    Scotland?" over passages on England and Paris). Initials ("WWI", "SP") are not judged: a document may spell
    them out; nor are languages and peoples. A two-word name whose words the passages hold only apart ("Mike Smith"
    over rows of Jane Smith and Mike Johnson) is one they do not name either (``_split_names``)."""
    if not passages:
        return frozenset()
    # a language ("the English name of ...", "the German sentence on the web page") says how a text is written,
    # which the text does not say; and so does a people's name ("the average American worker" of a text saying
    # "United States")
    # nor is a common noun written with a capital letter in front ("X-ray", "T-cell", "B-mode")
    given = " ".join(name for name in names(question) if not _DEMONYM.search(name) and not re.match(r"[^\W\d_]-", name))
    asked = content_terms(unaccented(given)) - content_terms(" ".join(_INITIALS.findall(question))) - _LANGUAGES
    if not asked:
        return frozenset()
    held = set().union(*(content_terms(unaccented(f"{p.text} {p.heading} {p.title} {file_words(p.source)}")) for p in passages))
    return frozenset(
        term for term in asked - held
        if not any(len(term) >= 4 and (term in word or term.startswith(word) and len(word) >= 4) for word in held)
        and not (len(term) >= 4 and difflib.get_close_matches(term, held, n=1, cutoff=NEAR_SPELLING))) | _split_names(
            question, passages, held)


# a name of two capitalised words, not opening the question: "Mike Smith", "David Booth"
_TWO_WORD_NAME = re.compile(r"(?<=\s)([A-Z][a-z]+)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])")


def _split_names(question: str, passages: list[Passage], held: set[str]) -> set[str]:
    """Two-word names of the question whose words the passages hold, but never both in one sentence or table row:
    "How old is Mike Smith?" over rows of Jane Smith and Mike Johnson asks of someone they do not name."""
    unknown = set()
    for first, last in _TWO_WORD_NAME.findall(question):
        words = content_terms(unaccented(f"{first} {last}"))
        if len(words) != 2 or not words <= held:
            continue
        if not any(words <= content_terms(unaccented(unit)) for p in passages for unit in _units_and_pairs(p)):
            unknown.add(f"{first} {last}".lower())
    return unknown


def _units_and_pairs(passage: Passage) -> list[str]:
    """The passage's file name, title line, heading, sentences and table rows, and each two sentences in a row that
    are no rows: a sentence may be cut after an initial ("investor David G." | "Booth donated $300 million")."""
    text = f"{passage.heading}\n{passage.text}"
    units = [text[span.start : span.end] for span in sentence_spans(text)]
    pairs = [f"{a} {b}" for a, b in zip(units, units[1:]) if " | " not in a and " | " not in b]
    return [file_words(passage.source), passage.title, *units, *pairs]
