"""The question's key terms: its content terms without the words that only say what kind of answer is
wanted ("how many", "name", "year") or where it is written ("according to the spreadsheet"), and the
words naming what it asks for. Pure functions, used by ``rag.extract`` (which sentence answers) and
``rag.answer``.
"""

from __future__ import annotations

import re

from rag.grounding import question_terms
from rag.question_parts import asked_clause, last_question
from rag.terms import STOPWORDS, content_terms

# words every question has; they say what kind of answer is wanted, not what it is about
QUESTION_WORDS = frozenset(content_terms(
    "name named called many much long often kind type year years date time number percent percentage "
    "main primary first largest term take takes get gets"
    # what the asker wants or where it is written, not what the answer says: "If I want to ..., which form
    # do the instructions tell me to use?", "What value is given for 'ray'?"
    " want wants tell tells rather given value say says said mention mentions mentioned written shown noted stated appear appears"
    " listed"
    # how sure the asker is, not what the answer says: "roughly how much of a developed country's GDP ...?"
    " roughly approximately approximate around typically"
    # the light verbs of how a person frames a question, which the answer seldom repeats: "when have I got to have my
    # bloods done", "am I meant to take"; not "come" and "go", which carry encyclopedic questions ("what dynasty came
    # before the Yuan", "what conductor went to Harvard"): without them too, bench.quotes quoted 387 of 600
    # unanswerable SQuAD2 questions, not 385; with this list 385, and 393 gold answers, not 392
    " got gotten getting done meant supposed need needs"
))
_TURNED_OUT = re.compile(r"\bturn(?:s|ed)?\s+out\b", re.I)  # "how many turned out to have ...": what they had is asked
# "What is the main heading of the page?", "What's the title of the report?": a title is the answer
WANTS_TITLE = re.compile(r"^\s*what(?:'s|’s| is| was| are)?\s+(?:the |its |their )?(?:main |first |top |page |section |"
                          r"document'?s? |full )?(?:heading|headline|title|caption)s?\b(?!\s+(?:of|for)\s+(?:the\s+)?"
                          r"(?:person|employee|sender|author|speaker|contact|job|position|role)\b)", re.I)
_ASKS_FOR_TEXT = re.compile(r"^\s*(?:what|which)\s+(?:text|words?|wording)\b", re.I)
_TEXT_TERMS = frozenset(content_terms("text word words wording"))
_TITLE_TERMS = frozenset(content_terms("heading headline title caption"))

ASKED_UNIT = re.compile(r"\bhow (?:many|much)\s+([^\W\d_]+)", re.I)

# what the question asks for: "how many EMS providers", "what dose", "what was the 5-year overall survival"
_HEAD = re.compile(r"\b(?:how (?:many|much)|what|which)\s+(?:(?:is|was|are|were|the|a|an)\s+)*([^?]{0,80})", re.I)


def asked_for(clause: str) -> set[str]:
    """The words naming what the question asks for, as terms: "how many EMS providers", "what dose", "what was
    the 1-year survival rate"."""
    found = _HEAD.search(clause)
    words = []
    for word in found.group(1).split()[:4] if found else ():
        word = word.strip("?,.;:")
        if not word or word.lower() in STOPWORDS or (len(word) > 4 and word.lower().endswith("ed")):
            break  # "of", "was", "linked": what it is asked for ends there
        words.append(word)
    return content_terms(" ".join(words))



def own_terms(question: str) -> set[str]:
    """The key terms of the last of several questions asked together (a chat follow-up searched with
    the question before it: ``rag.grounding.last_question``), which come first when a sentence is
    chosen; none for a single question."""
    last = last_question(question)
    return key_terms(last) if last != question else set()


def key_terms(question: str) -> set[str]:
    """The question's content terms without the words that only say what kind of answer is wanted
    ("name", "year", "text" and "heading" after "what", the unit after "how many": the answer is a
    figure, the row says "(min)"), and
    without the words naming the kind of source ("according to the spreadsheet")."""
    terms = question_terms(_TURNED_OUT.sub(" ", question))
    units = content_terms(" ".join(ASKED_UNIT.findall(question)))
    clause = asked_clause(question)
    if _ASKS_FOR_TEXT.match(clause):  # "what text sits in the first column": as "what name"
        units |= _TEXT_TERMS
    if WANTS_TITLE.search(clause):  # "heading" says what is wanted, as "name" does; a heading line need not say it
        units |= _TITLE_TERMS
    return (terms - QUESTION_WORDS - units) or (terms - QUESTION_WORDS) or terms
