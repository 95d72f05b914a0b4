"""Chat follow-ups: which questions need the history, how rules write them out, which rewrites are refused.
Pure functions: the engine-level chat tests with the real model are in test_ask.py."""

from __future__ import annotations

import pytest

from rag.condense import accept_rewrite, needs_history, rule_rewrite

HOURS = ("When does the Riverside branch close on Saturday?", "The Riverside branch closes at 16:00 on Saturday [1].")


@pytest.mark.parametrize("question", ["And on Sunday?", "What about Old Town?", "Who founded it?", "Why?",
                                      "When was he born?", "How long does it take?", "And how many books?"])
def test_follow_ups_need_the_history(question):
    assert needs_history(question)


@pytest.mark.parametrize("question", ["When does the Riverside branch close on Saturday?",
                                      "How often is the sourdough starter fed?",
                                      "What did the Persian Gulf depend on the Saudis to manage?",
                                      "What is the name of the stadium?"])
def test_questions_that_stand_alone_are_left_alone(question):
    assert not needs_history(question)


@pytest.mark.parametrize(("history", "question", "expected"), [
    ([HOURS], "And on Sunday?", "When does the Riverside branch close on Sunday?"),
    ([HOURS], "What about Old Town?", "When does the Old Town branch close on Saturday?"),
    ([("Who was the president of Harvard from 1909 to 1933?", "")], "And from 1933 to 1953?",
     "Who was the president of Harvard from 1933 to 1953?"),
    ([("What is the flight time of the Aurora X2 drone?", "47 minutes [1].")], "How long is the warranty on it?",
     "How long is the warranty on the Aurora X2 drone?"),
    ([("What is the flight time of the Aurora X2 drone?", "")], "And its maximum range?",
     "What is the Aurora X2 drone's maximum range?"),
    ([("Who was the Norse leader?", "The Norse leader was Rollo [1].")], "What did he agree to?", "What did Rollo agree to?"),
    ([("In what country is Normandy located?", "France [1].")], "When were the Normans there?",
     "When were the Normans in Normandy?"),
])
def test_rules_write_follow_ups_out(history, question, expected):
    assert rule_rewrite(question, history) == expected
    assert accept_rewrite(expected, question, history) == expected


def test_a_rule_that_does_not_fit_gives_none():
    assert rule_rewrite("And elsewhere?", [HOURS]) is None
    assert rule_rewrite("How many of them are there?", [("What are the filters made of?", "")]) is None


@pytest.mark.parametrize("rewrite", [
    "The Riverside branch closes at 16:00 on Saturday. When does it close on Sunday?",  # copies the answer
    "When does the Riverside branch close?",  # drops "Sunday"
    "The Riverside branch is closed on Sunday.",  # not a question
    "",
])
def test_bad_rewrites_are_refused(rewrite):
    assert accept_rewrite(rewrite, "And on Sunday?", [HOURS]) is None


def test_a_good_model_rewrite_is_taken_and_cleaned():
    assert accept_rewrite(' Rewritten question: "When does the Riverside branch close on Sunday?"', "And on Sunday?",
                          [HOURS]) == "When does the Riverside branch close on Sunday?"


def test_a_rewrite_that_adds_nothing_is_refused():
    assert accept_rewrite("What position did he hold?", "What position did he hold?", [HOURS]) is None


@pytest.mark.parametrize(("history", "question", "expected"), [
    # "Around" opens the previous turn's second sentence: no name, so no rule fits
    ([("Who invented the atmospheric engine? Around what year did he invent it?", "")], "What was it mostly used for?",
     None),
    # "UTC" is no person's name for "his"; "US Secretary of State Henry Kissinger" is
    ([("Who is the on-call engineer for the migration?", "It starts at 22:00 UTC. [1]")], "What is his extension?", None),
    ([("Who had negotiated the withdrawal by January 18, 1974?",
       'The documents say: "By January 18, 1974, US Secretary of State Henry Kissinger had negotiated it." [1]')],
     "What position did he hold?", "What position did US Secretary of State Henry Kissinger hold?"),
    # a possessive and the year after a name are not part of it; "them" is not one man
    ([("In what year did Robert Koch's proofs confirm it?", "Robert Koch's 1891 proofs [1]")],
     "When was he awarded a Nobel Prize for them?", None),
    # a month is no one, with "'s" or without
    ([("when will tomasz send the feedback?", "He sends it by February's end [1].")], "and when do i get his comments?", None),
])
def test_names_that_open_a_sentence_or_are_codes_are_not_what_a_pronoun_means(history, question, expected):
    assert rule_rewrite(question, history) == expected


def test_then_stands_for_the_time_the_question_before_named():
    history = [("When does the Elm Street library open on Saturday?", ""), ("Is the Elm Street open on Sunday?", "")]
    assert rule_rewrite("Which branch is open then?", history) == "Which branch is open on Sunday?"
    assert rule_rewrite("What happened then?", [("What did Chopin do in 1830?", "")]) == "What happened in 1830?"


def test_a_model_rewrite_loses_its_role_label_and_may_not_bring_back_an_older_day():
    history = [("When does the Elm Street library open on Saturday?", ""), ("Is the Elm Street open on Sunday?", "")]
    # the bundled model's rewrite: a label, a sentence of its own, and the day of two turns ago
    assert accept_rewrite("User: I'm not sure. Can you tell me what branch is open on Saturday?",
                          "Which branch is open then?", history) is None
    assert accept_rewrite("User: I'm not sure. Can you tell me what branch is open on Sunday?",
                          "Which branch is open then?", history) == "Can you tell me what branch is open on Sunday?"


def test_a_previous_question_typed_without_its_question_mark_still_ends_before_the_follow_up():
    from rag.condense import fallback_query
    from rag.question_parts import last_question

    searched = fallback_query("how much was it?", [("which garage did the timing belt on the skoda", "Pinewood ...")])
    assert searched == "which garage did the timing belt on the skoda? how much was it?"
    assert last_question(searched) == "how much was it?"  # what is asked now: an amount, not a garage
