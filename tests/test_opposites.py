"""A sentence that says the opposite of what the question asks is no quote for it (rag.opposites): the antonym of one
of its words, or nothing negated where the question negates; unless the question asks yes or no, or which of two."""

from __future__ import annotations

from rag.extract import extract
from rag.opposites import contradicts, forms, negation_missing, says_the_opposite
from tests.drafts import passage

QUARRY = passage("The quarry's lowest bench lies at 42 metres below the rim. Trucks exit the quarry through the east "
                 "gate. Blasting on the site is allowed on weekdays between 10:00 and 16:00.", "/docs/quarry_plan.md")
POOL = passage("The outdoor pool is closed from October to April. The indoor pool opens at 06:30 every day.",
               "/docs/leisure_centre.txt")


def test_inflected_forms_reach_the_base_word():
    assert {"low"} <= forms("lowest") and {"big"} <= forms("biggest") and {"close"} <= forms("closes")
    assert {"early"} <= forms("earliest") and {"good"} <= forms("best")


def test_the_word_against_its_antonym_in_any_form():
    assert says_the_opposite("How deep is the highest bench?", QUARRY.text) == "highest"
    assert says_the_opposite("Through which gate do trucks enter the quarry?", QUARRY.text) == "enter"
    assert says_the_opposite("When is blasting disallowed on the site?", QUARRY.text) == "disallowed"
    assert says_the_opposite("How deep is the lowest bench?", QUARRY.text) is None  # it says the word itself
    assert contradicts("How deep is the highest bench?", QUARRY.text)
    assert not contradicts("How deep is the lowest bench?", QUARRY.text)
    # asked yes or no, or which of two, the opposite is the answer
    assert says_the_opposite("Is the outdoor pool open in winter?", POOL.text) is None
    assert says_the_opposite("Which pool is open in winter, the outdoor or the indoor one?", POOL.text) is None


def test_a_sentence_saying_the_opposite_is_not_quoted_and_the_one_saying_it_is():
    assert extract("How deep is the highest bench of the quarry?", [QUARRY], 0.6) is None
    found = extract("How deep is the lowest bench of the quarry?", [QUARRY], 0.6)
    assert found and "42 metres" in found.shown
    assert extract("Through which gate do trucks enter the quarry?", [QUARRY], 0.6) is None
    found = extract("Through which gate do trucks exit the quarry?", [QUARRY], 0.6)
    assert found and "east gate" in found.shown
    # the pool that opens, not the one that is closed
    found = extract("When does the indoor pool open?", [POOL], 0.6)
    assert found and "06:30" in found.shown
    assert extract("When does the outdoor pool open?", [POOL], 0.6) is None


BRANCHES = passage("The Riverside branch opens on Sundays from 12:00. The Elm Street branch is closed on Sundays. "
                   "Members borrow up to 12 books at a time; visitors without a card may read in the building only.",
                   "/docs/branches.md")


def test_a_negated_question_wants_a_sentence_that_negates():
    assert negation_missing("Which branch is not open on Sundays?", "The Riverside branch opens on Sundays from 12:00.")
    # "closed" is the antonym of the word negated; "without" negates in words
    assert not negation_missing("Which branch is not open on Sundays?", "The Elm Street branch is closed on Sundays.")
    assert contradicts("Which branch is not open on Sundays?", "The Riverside branch opens on Sundays from 12:00.")
    assert not contradicts("Which branch is not open on Sundays?", "The Elm Street branch is closed on Sundays.")
    assert not negation_missing("What may visitors who don't have a card do?", BRANCHES.text.split(". ")[-1])
    assert not negation_missing("When is the Riverside branch open on Sundays?", "The Riverside branch opens at 12:00.")
    assert not negation_missing("Is the Riverside branch not open on Sundays?", "The Riverside branch opens on Sundays.")
    # a negated question is answered by the antonym: it is not said against it
    assert says_the_opposite("Which branch is not open on Sundays?", "The Elm Street branch is closed on Sundays.") is None


def test_of_a_negated_question_the_sentence_that_negates_is_quoted():
    found = extract("Which branch is not open on Sundays?", [BRANCHES], 0.6)
    assert found and "Elm Street" in found.shown
    found = extract("Which branch is open on Sundays?", [BRANCHES], 0.6)
    assert found and "Riverside" in found.shown
    assert extract("Which immune response is not antigen-specific?", [passage(
        "The adaptive immune response is antigen-specific and requires the recognition of specific antigens.",
        "/docs/immunity.md")], 0.6) is None


def test_a_negation_describing_who_or_how_is_not_what_is_asked():
    # found on the PubMedQA and Wikipedia sets (in-sample): a negation in a describing clause asks nothing negated
    survival = "Results: Median survival was 13 days for the whole group."
    assert not negation_missing("In the cohort of patients who were not transplant candidates, what was the median "
                                "survival?", survival)
    assert not negation_missing("By what percentage was the angle corrected in patients operated without untethering?",
                                "The mean angle was corrected from 82 to 35 degrees, a 57% correction.")
    assert not negation_missing("Roughly what do private schools charge per year, not counting boarding?",
                                "Private schools charged close to $40,000 annually for day pupils.")
    # "how much" asks for an amount, whatever "at least" or "less" says; a question naming both poles is
    # contradicted by neither
    assert says_the_opposite("How much notice do I have to give?", "Give at least one month's written notice.") is None
    assert says_the_opposite("How many of the richest people own as much as the poorer half?",
                             "The 62 wealthiest individuals own as much wealth as the poorer half.") is None
