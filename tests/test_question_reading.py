"""Session 34's rules (docs/ask.md): the sentence repeating the question's phrasing is quoted before one holding its
words apart, and what kind of answer is wanted is read right ("When a ..., what ...?" asks what, a named war answers
"when", a name may open the sentence, what does something to a measure is no figure)."""

from __future__ import annotations

from rag.extract import extract
from rag.grounding import ask_context
from rag.question_parts import asked_clause
from rag.wants import gives_what_is_wanted
from tests.drafts import passage

LAB = passage("Dr. Okafor built the first cryostat in 1998. On the basis of that design, Lindqvist developed a cheaper "
              "pump for the cold stage. He later sold the pump to three hospitals.", "/docs/lab_history.md")


def test_the_sentence_repeating_the_questions_phrasing_is_quoted_first():
    earlier = passage("The clinic adapts its response during an outbreak to the local supply of vaccine.", "/docs/a.md")
    later = passage("Isolation is one of the first responses of the clinic to an outbreak.", "/docs/b.md", 2)
    found = extract("What is one of the first responses the clinic has to an outbreak?", [earlier, later], 0.6)
    assert found and found.n == 2 and "Isolation" in found.shown
    # not the words describing a study: the sentence repeating them says which paper, not what is asked of it
    paper = passage("Study Design: Retrospective review of women at 24-32 weeks' gestation who received steroids at one "
                    "hospital. Results: Six hundred ninety-two women received steroids.", "/docs/pubmed-77.txt")
    found = extract("In the retrospective review of women at 24-32 weeks' gestation given steroids, how many women "
                    "received steroids?", [paper], 0.6)
    assert found and "Six hundred ninety-two" in found.shown, found


def test_when_opening_a_clause_does_not_ask_when():
    assert asked_clause("When a parcel has been scanned at the depot it goes onto which van?") == "which van?"
    assert asked_clause("When did the depot open?") == "When did the depot open?"
    assert asked_clause("When was the van bought and what did it cost?") == "When was the van bought and what did it cost?"
    assert ask_context("When a parcel has been scanned at the depot it goes onto which van?", [LAB]).wants != "date"


def test_a_named_war_or_era_answers_when():
    town = passage("During the Second World War, the old bridge was destroyed by shelling.", "/docs/town.md")
    asked = ask_context("When was the old bridge destroyed?", [town])
    assert asked.wants == "date" and gives_what_is_wanted(town.text, asked)
    assert not gives_what_is_wanted("The old bridge was destroyed by shelling.", asked)


def test_a_name_opening_the_sentence_is_a_name_given():
    fuel = passage("Norway rationed diesel and heating oil. Shops in Norway closed early.", "/docs/crisis.md")
    asked = ask_context("Which country rationed diesel?", [fuel])
    assert asked.wants == "name" and gives_what_is_wanted("Norway rationed diesel and heating oil.", asked)
    # a common word opening a sentence is no name ("Participants were ...")
    assert not gives_what_is_wanted("Participants rationed diesel in the winter.", asked)


def test_what_does_something_to_a_measure_or_what_it_is_related_to_wants_no_figure():
    assert ask_context("What limits the speed of the pump?", [LAB]).wants != "quantity"
    assert ask_context("What is the pump's pressure proportional to?", [LAB]).wants != "quantity"
    assert ask_context("What is the pressure of the pump?", [LAB]).wants == "quantity"
