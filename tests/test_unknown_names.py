"""Questions about something the passages never name ("How many people died of the Black Death in
Scotland?" over passages on England and Paris) or in a year they never give: rules found on the eleventh
blind set (Wikipedia articles, docs/ask.md, session 22)."""

from __future__ import annotations

from rag.answer import Policy, extract, settle
from rag.grounding import ask_context
from rag.question_parts import unknown_names
from tests.drafts import answer, passage

PLAGUE = passage("In England, historians propose that about 45% of the population died. Half of Paris's population of "
                 "100,000 people died. The Black Death killed about 40% of Egypt's population.", "/docs/Black_Death.md")
WARSAW = passage("Legislative power in Warsaw is vested in a unicameral Warsaw City Council, which comprises 60 members. "
                 "One of the first Norman mercenaries to serve as a Byzantine general was Hervé in the 1050s.",
                 "/docs/Warsaw.md", 2)
WAR = passage("French regular army reinforcements arrived in New France in May 1756, led by Major General Louis-Joseph "
              "de Montcalm.", "/docs/French_and_Indian_War.md", 3)


def test_a_name_no_passage_holds_is_unknown_but_a_near_spelling_or_initials_are_not():
    assert unknown_names("How many people died of the Black Death in Scotland?", [PLAGUE]) == {"scotland"}
    assert not unknown_names("What share of Egyptians died in the Black Death?", [PLAGUE])  # Egypt's
    assert not unknown_names("How many members are on the Warsaw City Counil?", [WARSAW])  # misspelt
    assert not unknown_names("When did Herve serve as a Byzantine general?", [WARSAW])  # Hervé
    assert not unknown_names("Who sat on the Warsaw council during WWII?", [WARSAW])  # initials
    assert not unknown_names("What is the English name of the Warsaw City Council?", [WARSAW])  # the question's language
    # the words naming the source say which document, which need not say them
    assert not ask_context("According to the Acme handbook, how many people died in Paris?", [PLAGUE]).unknown


def test_a_question_about_what_the_passages_do_not_name_is_refused_however_well_supported_the_draft():
    question = "How many people died of the Black Death in Scotland?"
    assert extract(question, [PLAGUE], 0.6) is None  # not "Half of Paris's population of 100,000 people died."
    settled = settle(answer(question, "About 100,000 people died [1].", [PLAGUE]), Policy())
    assert settled.refused and settled.refusal_reason == "unknown_name", settled.text
    # named, the same draft stands
    settled = settle(answer("How many people died in Paris?", "About 100,000 people died [1].", [PLAGUE]), Policy())
    assert not settled.refused and "100,000" in settled.text


def test_a_year_the_question_gives_is_in_the_quoted_sentence():
    assert extract("Who led the New France reinforcements in 1765?", [WAR], 0.6) is None
    found = extract("Who led the New France reinforcements in 1756?", [WAR], 0.6)
    assert found is not None and "Montcalm" in found.shown
