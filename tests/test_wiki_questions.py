"""Rules found on the eleventh blind set (Wikipedia articles, docs/ask.md, session 22): questions about
something the passages never name ("How many people died of the Black Death in Scotland?" over passages on
England and Paris) or in a year they never give, initials the passage spells out, hedges, and names a draft
makes up from a passage's words."""

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
    email = passage("From (sent by): Mallori Harrell; Subject (title): Fake email with attachment", "/docs/fake.msg")
    assert not ask_context("Who sent the Outlook message titled 'Fake email with attachment'?", [email]).unknown
    assert not ask_context("Who sent the Outlook .msg test email?", [email]).unknown
    assert not unknown_names("How much did the coffee cost in the German sentence?", [PLAGUE])  # a language
    assert not unknown_names("How much did the average American worker earn in Paris?", [PLAGUE])  # a people
    assert not unknown_names("What share of the Lebanese population died in the Black Death?", [PLAGUE])
    # a place or person ending in -an is a name like any other
    assert unknown_names("How many people died of the Black Death in Michigan?", [PLAGUE]) == {"michigan"}
    assert unknown_names("How many people did Ryan say died in Paris?", [PLAGUE]) == {"ryan"}
    # a header or field's label names a part of the message, which its text may not keep
    sent = passage("From: Tamir Erez; Subject: Test Email; Date: 2013-11-13 17:02", "/docs/test.eml")
    assert not ask_context("When was the 'Test Email' with the fake Received header sent?", [sent]).unknown
    assert ask_context("When was the 'Test Email' sent from Milan?", [sent]).unknown == {"milan"}


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
    # nor is a draft read from that sentence an answer
    draft = "Major General Louis-Joseph de Montcalm led them [1]."
    assert settle(answer("Who led the New France reinforcements in 1765?", draft, [WAR]), Policy()).refused
    assert not settle(answer("Who led the New France reinforcements in 1756?", draft, [WAR]), Policy()).refused


CONSTRUCTION = passage("Construction as an industry comprises six to nine percent of the gross domestic product of "
                       "developed countries. In Sweden, pupils may choose a private school; Swedish pupils choose "
                       "freely. The biggest school chain, Kunskapsskolan, offers 30 schools.", "/docs/Construction.md", 4)


def test_initials_match_the_words_they_stand_for_and_a_hedge_is_not_asked():
    found = extract("roughly how much of a developed country's GDP comes from the construction industry?",
                    [CONSTRUCTION], 0.6)
    assert found is not None and "six to nine percent" in found.shown


def test_a_name_made_of_passage_words_is_not_supported_nor_is_a_form_of_the_questions_own_name():
    question = "What is the name of the largest school chain in Sweden's voucher system?"
    assert ask_context(question, [CONSTRUCTION]).wants == "name"
    settled = settle(answer(question, "The largest school chain is the National School System [1].", [CONSTRUCTION]),
                     Policy(prefer_quote=False))
    assert not any(c.supported for c in settled.citations), settled.text  # "National", "School", "System" each there
    settled = settle(answer(question, "The biggest school chain is Kunskapsskolan [1].", [CONSTRUCTION]),
                     Policy(prefer_quote=False))
    assert not settled.refused and "Kunskapsskolan" in settled.text
    found = extract(question, [CONSTRUCTION], 0.6)
    assert found is None or "Kunskapsskolan" in found.shown, found.shown  # "Swedish pupils" names nothing new


def test_who_was_the_role_wants_a_sentence_naming_that_role():
    fire = passage('On May 3, 1901, a fire ravaged downtown Jacksonville. Known as the "Great Fire of 1901", it was one '
                   "of the worst disasters in Florida history. Mayor Duncan Fletcher led the city through the 1901 fire.",
                   "/docs/Jacksonville.md", 5)
    found = extract("Who was the mayor of Jacksonville when the Great Fire of 1901 broke out?", [fire], 0.6)
    assert found is not None and "Fletcher" in found.shown  # not the sentence naming Florida
    assert extract("Who was the mayor of Jacksonville when the Great Fire of 1901 broke out?",
                   [passage(fire.text.rsplit(" Mayor", 1)[0], fire.source)], 0.6) is None
    leader = passage("For many years, Sudan had an Islamist regime under the leadership of Hassan al-Turabi.")
    found = extract("Who was the leader of the Islamist regime in Sudan?", [leader], 0.6)
    assert found is not None and "Turabi" in found.shown  # "leadership" names the leader
