"""A sentence that says the opposite of what the question asks answers another question.

Word overlap takes a sentence holding nearly all of the question's words for its answer, also when it says the
opposite:

* an antonym of a word the question asks with: "The party with the lowest quotient is awarded what?" is not answered
  by "The party with the highest quotient is awarded the seat", nor "What debates are closed to the public?" by
  "Chamber debates are open to the public". WordNet's direct antonyms (rag/data/antonyms.tsv, made by
  scripts/make_antonyms.py) tell it: a word of the question the sentence does not say in any form, whose antonym it
  does say (``says_the_opposite``);
* a question negating what it asks and a sentence that negates nothing: "What immune response is not
  antigen-specific?" is not answered by "The adaptive immune response is antigen-specific" (``negation_missing``);
  "Which branch is not open on Sunday?" is, by "Elm Street is closed on Sundays" (an antonym of the word negated) or
  "... except on Sundays".

Only for questions asking for something (who, what, when, ...): "Is the library open on Sunday?" is answered by
"The library is closed on Sundays", and "Which is more costly, formal or informal rule?" by a sentence saying one
is less costly.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from rag.question_parts import asked_clause
from rag.terms import STOPWORDS

TABLE = Path(__file__).resolve().parent / "data" / "antonyms.tsv"
_WORD = re.compile(r"[A-Za-z]+")
_YES_NO = re.compile(r"^\W*(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|may|must|isn't|"
                     r"aren't|wasn't|doesn't|don't|didn't)\b", re.I)
_CHOICE = re.compile(r"\bor\b", re.I)
# comparatives and superlatives WordNet lists under the base form
_IRREGULAR = {"best": "good", "better": "good", "worst": "bad", "worse": "bad", "least": "little", "fewest": "few",
              "most": "much", "more": "much", "less": "little", "fewer": "few"}
_ENDINGS = (("iest", "y"), ("ier", "y"), ("ied", "y"), ("ies", "y"), ("est", ""), ("est", "e"), ("er", ""),
            ("er", "e"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", ""))
# a question negating what it asks about ("not", "no", "n't"); not "not only", "not counting boarding", "no-claims", nor
# "without", which describes ("patients who had surgery without prior untethering") more often than it asks
_NEGATED = re.compile(r"\b(?:not(?!\s+(?:only\b|\w+ing\b))|no(?!-)|never|none|nor|neither)\b|n['’]t\b", re.I)
# what "how much" and "how many" ask for: no word whose antonym a sentence could say ("at least one month")
_QUANTITY = frozenset({"much", "many", "few", "little"})
# a sentence saying that something is not so, in any of the ways English says it
_NEGATING = re.compile(
    r"\b(?:not|no|never|none|nor|neither|without|nobody|nothing|nowhere|cannot|unable|unlike|instead|rather|only|"
    r"absent|absence|missing|lacks?|lacking|lacked|except|excepts?|excepted|exception|excluded?|excludes|excluding|"
    r"exclusion|fail|fails|failed|failing|failure|refuses?|refused|refusing|rejects?|rejected|prohibit\w*|forbid\w*|"
    r"ban|bans|banned|deny|denies|denied|avoid\w*|prevent\w*|non-\w+|closed|free\s+of)\b|n['’]t\b", re.I)


@cache
def _antonyms() -> dict[str, frozenset[str]]:
    table = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, others = line.split("\t")
            table[word] = frozenset(others.split())
    return table


@cache
def forms(word: str) -> frozenset[str]:
    """The word and the base forms it may be an inflection of: "lowest" -> low, "closes" -> close, "biggest" -> big."""
    word = word.lower()
    found = {word, _IRREGULAR.get(word, word)}
    for ending, base in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)] + base
            found.add(stem)
            if base == "" and stem[-1] == stem[-2]:
                found.add(stem[:-1])  # "biggest" -> "big"
    return frozenset(found)


def _asks_for_something(question: str) -> bool:
    return not _YES_NO.match(question) and not _CHOICE.search(question)


def _said(text: str) -> set[str]:
    return set().union(*(forms(w) for w in _WORD.findall(text))) if text else set()


@lru_cache(maxsize=256)
def _question_words(question: str) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """Each word of the question that could be contradicted, with its forms and their antonyms; read once per question,
    not once per sentence it is held against."""
    table = _antonyms()
    asked = _said(question)  # a question naming both ("the richest ... the poorer half") is contradicted by neither
    words = []
    for word in _WORD.findall(question):
        if word.lower() in STOPWORDS or word.lower() in _QUANTITY:
            continue
        own = forms(word)
        words.append((word, own, frozenset().union(*(table.get(f, frozenset()) for f in own)) - asked))
    return tuple(words)


@lru_cache(maxsize=256)
def _negated(question: str) -> bool:
    """The question, from its question word on, negates what it asks."""
    return bool(_NEGATED.search(asked_clause(question)))


def _opposed(question: str, said: set[str]) -> str | None:
    for word, own, opposite in _question_words(question):
        if not own & said and opposite & said:
            return word
    return None


def says_the_opposite(question: str, text: str) -> str | None:
    """The word of ``question`` that ``text`` does not say but says the antonym of ("lowest" against "highest"), or
    None; always None for a yes/no or either/or question."""
    if not _asks_for_something(question) or _negated(question):
        return None  # "Which branch is not open on Sunday?": "closed" is what it asks for
    return _opposed(question, _said(text))


def negation_missing(question: str, text: str) -> bool:
    """``question`` negates what it asks about ("What immune response is not antigen-specific?") and ``text`` negates
    nothing, in words or by an antonym of a word of the question ("closed" for "not open"); False for a yes/no or
    either/or question."""
    # the question from its question word on: "In the cohort of patients who were not transplant candidates, what was
    # the median survival?" asks nothing negated
    if not _asks_for_something(question) or not _negated(question):
        return False
    return not _NEGATING.search(text) and _opposed(question, _said(text)) is None


def contradicts(question: str, text: str) -> bool:
    """``says_the_opposite`` or ``negation_missing``, reading the question's clause and the text's words once."""
    if not _asks_for_something(question):
        return False
    said = _said(text)
    if _negated(question):
        return not _NEGATING.search(text) and _opposed(question, said) is None
    return _opposed(question, said) is not None
