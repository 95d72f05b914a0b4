"""A misspelt question word is read as the documents' word it was meant to be; real words are left alone."""

import re

from rag.spelling import meant_word, respelt
from rag.terms import STEMMER

DOCUMENTS = ("the mortgage interest for 2024 after the change of dairy round for Kieran and the recorder; "
             "Möngke and Hervé; the monks")
HELD = {STEMMER.stemWord(w) for w in re.findall(r"\w+", DOCUMENTS.lower())}


def frequency(stem: str) -> int:
    return 3 if stem in HELD else 0


def test_a_misspelt_word_becomes_the_documents_word():
    assert respelt("how much intrest did the mortgage charge in 2024", frequency) == \
        "how much interest did the mortgage charge in 2024"
    assert respelt("which days after the chnage", frequency) == "which days after the change"
    assert meant_word("Keiran", frequency) == "Kieran"  # two letters swapped, the capital kept


def test_real_words_and_the_documents_words_stay():
    # "reorder" is an English word one edit from the documents' "recorder": a question about what the folder lacks
    assert respelt("when should i reorder my tablets", frequency) == "when should i reorder my tablets"
    assert meant_word("mortgage", frequency) is None
    assert meant_word("zzzzqx", frequency) is None  # no word of the documents is one edit away
    assert respelt("the intrest-free loan", frequency) == "the intrest-free loan"  # a hyphened word is left whole


def test_an_accent_is_the_likeliest_edit_and_a_stem_is_no_word():
    assert meant_word("Herve", frequency) == "Hervé"  # not "here", though commoner and one edit away
    assert meant_word("Mongke", frequency) == "Möngke"
    assert meant_word("monke", lambda stem: 3 if stem == "monk" else 0) is None  # "monk" is the stem of "monks"


def test_contractions_are_not_misspellings():
    assert respelt("How weren't the leaders told?", frequency) == "How weren't the leaders told?"
