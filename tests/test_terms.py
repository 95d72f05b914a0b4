"""The terms texts are compared by (rag.terms) and a question's key terms (rag.key_terms)."""

from __future__ import annotations

from rag.key_terms import key_terms
from rag.terms import content_terms, file_words


def test_how_a_person_frames_a_question_is_not_what_it_asks():
    # "when have I got to have my bloods done" asks about bloods at the surgery; the answer never says "got" or "done"
    assert key_terms("when have i got to have my bloods done at the surgery") == content_terms("bloods surgery")
    assert key_terms("how often am i meant to take the osteoporosis pill") == content_terms("osteoporosis pill")
    # "came" and "went" carry an encyclopedic question: they stay
    assert content_terms("came") <= key_terms("What dynasty came before the Yuan?")
    assert content_terms("went") <= key_terms("What famous conductor went to Harvard?")


def test_a_letter_and_a_word_joined_by_a_hyphen_are_also_the_word_typed_without_it():
    assert content_terms("xray") <= content_terms("You will have an X-ray of your hip first")
    assert content_terms("email") <= content_terms("Send us an e-mail")
    assert content_terms("long-term follow-up") == content_terms("long term follow up")  # two words stay two words


def test_a_file_name_s_words():
    assert file_words("/docs/docx-tables.docx") == "docx tables"
    assert file_words("/home/me/rota_week_10_june_2024.csv") == "rota week 10 june 2024"
    assert file_words("/up/BoilerService (0a1b2c3d4e).pdf") == "Boiler Service"  # an upload's hash tag is no word
