"""Session 36: a sentence naming another thing in the place of the one asked about is not quoted (``rag.name_swaps``),
and a name is read with or without its accents (``rag.terms.content_terms``). Own examples."""

from __future__ import annotations

from rag.extract import extract
from rag.name_swaps import names_another
from rag.terms import content_terms
from tests.drafts import passage


def test_another_name_or_number_beside_the_questions_word_is_a_swap():
    museum = "How many rooms does the Harbour Maritime Museum have?"
    assert names_another(museum, "The Railway Maritime Museum has 40 rooms.", content_terms("harbour"))
    assert names_another("Stage 4 of the audit covers what?", "Stage 3 of the audit covers the stores.", content_terms("4"))
    assert names_another("When does the Riverside branch close?", "The Elm Street branch closes at 18:00.",
                         content_terms("riverside"))
    # a number in words: three crews are not two, and are 3
    assert names_another("When three crews share a shift, who leads?", "When two crews share a shift, the senior "
                         "mate leads.", content_terms("three"))
    assert not names_another("When three crews share a shift, who leads?", "When 3 crews share a shift, the senior "
                             "mate leads.", content_terms("three"))


def test_a_title_a_comma_a_typo_or_a_name_the_question_gives_is_no_swap():
    # "Director Okafor" is Amara Okafor; "Quayside, harbour office" is not a harbour named Quayside
    assert not names_another("Who besides Amara Okafor signed it?", "It was signed by Director Okafor.",
                             content_terms("amara"))
    assert not names_another("Which Dutch harbour office issued it?", "It was issued by Quayside, harbour office.",
                             content_terms("dutch"))
    # a typo of the name ("Shirey" for "Shirley"), the same word's forms ("Norway's" for "Norwegian")
    assert not names_another("Where was Shirey posted?", "Shirley was posted to Halifax.", content_terms("shirey"))
    assert not names_another("What is Norway's fishing quota?", "The Norwegian fishing quota is 12,000 tonnes.",
                             content_terms("norway"))
    # the other name is one the question gives too: not a swap by this rule
    assert not names_another("What does the Leeds Library's reading room hold?",
                             "Leeds's reading room holds maps.", content_terms("librari"))


def test_what_the_question_asks_for_is_no_swap():
    # the clan asked for is the answer's name; "which form" is answered by another form's number
    assert not names_another("Which Lakeside clan was Orla born into?", "Orla was born to the Heron clan.",
                             content_terms("lakeside"))
    assert not names_another("Which form do the Form 210 notes tell me to use?", "To move house, use Form 317.",
                             content_terms("210"))
    # a word the question uses as a common noun, inside a name in the sentence; a country by another of its names
    assert not names_another("Which survey was given to Irish dairy farmers?",
                             "Farmers completed the Annual Dairy Survey.", content_terms("irish"))
    assert not names_another("By how much would the average American wage rise?",
                             "The average United States wage would rise by 3%.", content_terms("american"))


def test_extract_skips_the_sentence_about_another_branch():
    hours = passage("The Elm Street branch closes at 18:00 on weekdays. The Riverside branch closes at 17:30 on weekdays.",
                    "/docs/branches.md")
    answer = extract("When does the Riverside branch close on weekdays?", [hours], 0.6)
    assert answer and "17:30" in answer.shown and "18:00" not in answer.shown
    only_other = passage("The Elm Street branch closes at 18:00 on weekdays.", "/docs/branches.md")
    assert extract("When does the Riverside branch close on weekdays?", [only_other], 0.6) is None


def test_a_name_is_read_with_or_without_its_accents():
    assert content_terms("Tugh Temür") == content_terms("Tugh Temur")
    assert content_terms("Besançon Hugues") == content_terms("Besancon Hugues")
    founder = passage("The guild of Zürich weavers was founded by Anselm Müller in 1482.", "/docs/guilds.md")
    answer = extract("Who founded the Zurich weavers guild?", [founder], 0.6)
    assert answer and "Anselm" in answer.shown
