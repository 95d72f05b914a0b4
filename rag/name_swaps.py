"""A sentence that names another thing in the place of the one asked about: "Dating back to 1936 Warsaw Historical
Museum contains 60 rooms" does not say how many rooms the *Katyn* Historical Museum has, nor "Stage 3 is the final
stage of the bill" what stage 4 is the final stage of, nor "The Elm Street branch closes at 18:00" when the Riverside
branch does. The question's name is missing from the sentence and, next to the word it stands beside in the
question ("Historical", "Stage", "branch"), the sentence has another name or number.

Pure functions over text, used by ``rag.extract`` on each sentence it may quote (not on table rows, read by cells).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from rag.key_terms import asked_for
from rag.question_parts import asked_clause
from rag.terms import STOPWORDS, content_terms, unaccented

# words, numbers (with a decimal part or a per cent sign) and each punctuation mark: words are "next to each other"
# only with nothing but a space between them ("Hugues Capet, king of France" does not name a king "Capet")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’][^\W\d_]+)*|[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s?$")
# a title or role before a name is not another name: "President Wilson" is Woodrow Wilson
_TITLES = frozenset("""president vice king queen prince princess emperor empress pope saint st sir lord lady dr mr mrs ms
    miss madam general colonel major captain lieutenant sergeant admiral commander officer chief professor prof dean
    principal bishop archbishop cardinal reverend rev father brother sister duke duchess earl count countess baron
    chancellor minister secretary ambassador senator governor mayor councillor councilor judge justice director
    chairman chairwoman chair ceo manager coach inspector detective agent commissioner""".split())
# one country by its other names: "the average United States worker" is the average American one
_COUNTRIES = ({"american", "america", "us", "usa", "united", "states"}, {"british", "britain", "uk", "united", "kingdom"})


def _plain(word: str) -> str:
    return _POSSESSIVE.sub("", unaccented(word).lower())


# a number in words names as a figure does: "When three forces act on a point particle" is not "When two forces act"
_COUNTS = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
           "eighteen nineteen twenty").split()
_TENS = "thirty forty fifty sixty seventy eighty ninety".split()
_ORDINALS = "second third fourth fifth sixth seventh eighth ninth tenth".split()
_NUMBER_VALUES = {**{w: str(n) for n, w in enumerate(_COUNTS, 2)}, **{w: str(n) for n, w in zip(range(30, 100, 10), _TENS)},
                  **{w: str(n) for n, w in enumerate(_ORDINALS, 2)}, "hundred": "100", "thousand": "1000"}
_NUMBER_WORDS = frozenset([*_NUMBER_VALUES, "million", "billion"])


def _named(token: str) -> bool:
    """A name or a number: it opens with a capital letter or a digit, or is a number in words."""
    return token[:1].isupper() or token[:1].isdigit() or token.lower() in _NUMBER_WORDS


def _same_name(a: str, b: str) -> bool:
    """Two spellings of one name: equal, a typo apart ("Shirey", "Shirley") or one word's forms ("Poland's", "Polish";
    "Aristotle's", "Aristotelian"), a country's other names; numbers only of the same value ("three", "3")."""
    a, b = _plain(a), _plain(b)
    if a == b or any(a in names and b in names for names in _COUNTRIES):
        return True
    if a[:1].isdigit() or b[:1].isdigit() or a in _NUMBER_WORDS or b in _NUMBER_WORDS:
        return _NUMBER_VALUES.get(a, a) == _NUMBER_VALUES.get(b, b)  # "three" is "3"
    return a[:3] == b[:3] or SequenceMatcher(None, a, b).ratio() >= 0.8


class _Pair(NamedTuple):
    """A name of the question and a word beside it."""
    name: str
    terms: frozenset[str]  # the name's terms
    side: int  # 1: the word after the name ("Katyn Historical"), -1: the word before ("Stage 4")
    beside: str  # that word, plain
    capital: bool | None  # whether it is written with a capital letter (None: it opens the question)


@lru_cache(maxsize=256)
def _pairs(question: str) -> tuple[tuple[_Pair, ...], frozenset[str]]:
    """The question's names or numbers (not its first word, capitalised as any first word is; not in what it asks
    for) each with a word beside it (not a stop word, nor in what it asks for); and every word of it, plain. Read once
    per question, not once per sentence."""
    asked = _TOKEN.findall(question)
    wanted = asked_for(asked_clause(question))
    pairs = []
    for i, word in enumerate(asked):
        terms = frozenset(content_terms(word))
        if not _named(word) or i == 0 and word[:1].isupper() or not terms or terms & wanted:
            continue
        for side in (1, -1):
            j = i + side
            if 0 <= j < len(asked) and asked[j][:1].isalnum() and asked[j].lower() not in STOPWORDS \
                    and not content_terms(asked[j]) & wanted:
                pairs.append(_Pair(word, terms, side, _plain(asked[j]), asked[j][:1].isupper() if j else None))
    return tuple(pairs), frozenset(_plain(t) for t in asked)


def names_another(question: str, sentence: str, missing: set[str]) -> bool:
    """Whether ``sentence`` names something else where the question names something of ``missing`` (the question's
    key terms the sentence and its headings do not hold): beside a word the question has next to that name, the
    sentence has another name or number, one the question does not name. Not in what the question asks for: "Which
    GSFC division is Code 670?" is answered by "Code 670: Heliophysics Science Division", "which IRS form ... ?" by
    "use Form 1128"."""
    pairs, in_question = _pairs(question)
    pairs = [p for p in pairs if p.terms & missing]
    if not pairs:
        return False
    said = _TOKEN.findall(sentence)
    plain_said = [_plain(t) for t in said]
    for pair in pairs:
        for k, token in enumerate(plain_said):
            m = k - pair.side  # where the sentence has what stands in the name's place
            # the same word, used the same way: "psychiatric inpatients" is not the "Brief Psychiatric Rating Scale"
            # (a capital letter opening either sentence says nothing)
            if token != pair.beside or not 0 <= m < len(said) or (
                    k > 0 and pair.capital is not None and said[k][:1].isupper() != pair.capital):
                continue
            other = said[m]
            if (_named(other) and (m > 0 or other[:1].isdigit()) and other.lower() not in STOPWORDS
                    and _plain(other) not in _TITLES and _plain(other) not in in_question
                    and not _same_name(other, pair.name)):
                return True
    return False
