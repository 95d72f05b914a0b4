"""A misspelt word of a question read as the documents' word it was meant to be: "how much intrest did the mortgage
charge" as "interest", "after the chnage" as "change". The engine offers a refused question respelt so
("Did you mean ...?", ``Answer.suggestion``); it never answers a respelt question unasked: measured in session 31
(docs/ask.md), answering it at once turned about as many refusals into wrong answers as into right ones.

A word is taken for a misspelling only when it is neither an English word (``pyspellchecker``'s frequency list of
160,000 words, shipped in its wheel) nor a word of the documents (the keyword index's stems), and one edit (a letter
dropped, added, changed, or two swapped) makes it a word of the documents. Of several such words the one that only
adds an accent wins ("Herve" is "Hervé", not "here"), then the commoner English word, then the one more documents
hold. The word meant must be English or one the documents hold as written: a stem alone is no word ("Mongke" is not
"Monke" because "monks" stems to "monk"). Real words are never changed, even when the documents do not hold them
("reorder", "nicked"): a question about something the folder lacks must stay that question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rag.terms import STEMMER, unaccented

MIN_LETTERS = 5  # shorter words have too many neighbours one edit away ("dog" -> "dot", "log", "dig")
# a word as typed; not the first part of a hyphened word or of "weren't"
_WORD = re.compile(r"(?<![\w-])[^\W\d_]{%d,}(?![\w-]|['’]t\b)" % MIN_LETTERS)



@lru_cache(maxsize=1)
def _english():
    from spellchecker import SpellChecker  # 0.1 s to load its list, the first time a question is asked

    return SpellChecker(language="en", distance=1)


COMMON_USES = 1000  # uses in pyspellchecker's list (from film subtitles) at which a word is a common one


def common_word(word: str) -> bool:
    """An English word at least ``COMMON_USES`` times in pyspellchecker's list: "treaties", "participants", not
    "Sweden" or "Greenland" (names are in the list too, but seldom)."""
    return _english().word_frequency[word.lower()] >= COMMON_USES


def meant_word(word: str, frequency: Callable[[str], int]) -> str | None:
    """The documents' word that ``word`` misspells, or None when it is a word (of English or of the documents) or
    no word of the documents is one edit away. ``frequency(stem)`` is how many chunks hold a Snowball stem."""
    low = word.lower()
    english = _english()
    if low in english or frequency(STEMMER.stemWord(low)):
        return None
    found = []
    for edit in english.edit_distance_1(low):
        stem = STEMMER.stemWord(edit)
        # an English word the documents hold, or a word they hold as it is written (a name: "Kieran", "Maastricht");
        # not a non-word whose stem a word shares ("Mongke" -> "Monke", stemmed "monk" as "monks" is)
        if len(edit) >= MIN_LETTERS - 1 and (edit in english or stem == edit) and (held := frequency(stem)):
            found.append((unaccented(edit) == low, english.word_usage_frequency(edit), held, edit))
    if not found:
        return None
    meant = max(found)[-1]
    return meant.capitalize() if word[:1].isupper() else meant


def respelt(text: str, frequency: Callable[[str], int]) -> str:
    """The text with each misspelt word replaced by the documents' word it was meant to be (``meant_word``)."""
    return _WORD.sub(lambda m: meant_word(m.group(0), frequency) or m.group(0), text)
