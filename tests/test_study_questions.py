"""Questions that describe the study they ask about ("In the three-year randomized trial comparing ...,
in which US state were the women recruited?") over a folder of paper abstracts: rules found on the ninth
blind set (PubMedQA abstracts, docs/ask.md, session 21)."""

from __future__ import annotations

from rag.answer import Policy, extract, settle
from rag.grounding import ask_context
from rag.question_parts import asked_clause, described_work
from rag.terms import content_terms
from tests.drafts import HOURS, answer, passage

MAMMOGRAPHY = passage(
    "Does tailored telephone counseling increase mammography screening?\n\n"
    "Objective: To compare tailored telephone counseling, tailored print materials and usual care for promoting "
    "mammography screening among HMO members. Participants: One thousand ninety-nine women aged 50 and older "
    "recruited from a health maintenance organization in North Carolina. Telephone counseling raised screening "
    "by 6 percentage points over usual care.", "/docs/pubmed-101.txt")
BLOOD_PRESSURE = passage(
    "Blood pressure measured by physicians, nurses and patients in two village health centres.\n\n"
    "Methods: Treated hypertensive patients of two village health centres in Catalonia had their blood pressure "
    "taken by a physician, a nurse and themselves. Results: The physician's systolic reading was 5 mmHg higher "
    "than the nurse's.", "/docs/pubmed-202.txt", 2)
QUESTION = ("In the three-year randomized trial comparing tailored telephone counseling, tailored print materials and "
            "usual care for mammography screening among HMO members, in which US state were the women recruited?")


def test_a_long_leading_clause_describing_a_study_says_which_paper_and_the_rest_what_is_asked():
    assert asked_clause(QUESTION) == "in which US state were the women recruited?"
    assert {"telephon", "counsel", "mammographi", "hmo"} <= described_work(QUESTION)
    assert not {"women", "recruit"} & described_work(QUESTION)  # asked, not describing
    # the study named as a subject, or after the question
    subject = "The study on uterine natural killer cells in women on hormone therapy was carried out at which hospital?"
    assert asked_clause(subject) == "at which hospital?" and {"uterin", "killer"} <= described_work(subject)
    after = "Which national survey supplied the data for the study of whether waist circumference scales with height?"
    assert {"waist", "circumfer", "height"} <= described_work(after) and "survey" not in described_work(after)
    assert not described_work("In 1995, which country won the cup?")  # no study described


def test_the_sentence_answering_what_is_asked_of_the_described_study_is_quoted_not_its_aim():
    found = extract(QUESTION, [MAMMOGRAPHY, BLOOD_PRESSURE], 0.6)
    assert found is not None and "North Carolina" in found.shown and found.n == 1
    # the aim sentence repeats the description; without the answering sentence nothing is quoted
    aim_only = passage(MAMMOGRAPHY.text.split(" Participants:")[0], MAMMOGRAPHY.source)
    assert extract(QUESTION, [aim_only], 0.6) is None
    # what the question asks may repeat words of its description: the physician's and the nurse's reading
    question = ("In the study from two village health centres in Catalonia comparing blood pressure taken by physicians, "
                "by nurses and by the patients themselves, how much higher was the physician's systolic reading than "
                "the nurse's?")
    found = extract(question, [MAMMOGRAPHY, BLOOD_PRESSURE], 0.6)
    assert found is not None and "5 mmHg" in found.shown


def test_a_claim_from_another_papers_passage_does_not_answer_for_the_described_study():
    question = ("In the study from two village health centres in Catalonia comparing blood pressure taken by physicians "
                "and nurses, how many women were recruited?")
    assert ask_context(question, [MAMMOGRAPHY, BLOOD_PRESSURE]).studied == {BLOOD_PRESSURE.source}
    draft = "One thousand ninety-nine women were recruited [1]."
    settled = settle(answer(question, draft, [MAMMOGRAPHY, BLOOD_PRESSURE]), Policy())
    assert settled.refused and not any(c.supported for c in settled.citations), settled.text
    # the same draft answers a question about the mammography trial
    question = "In the randomized trial of telephone counseling for mammography screening, how many women were recruited?"
    settled = settle(answer(question, draft, [MAMMOGRAPHY, BLOOD_PRESSURE]), Policy())
    assert not settled.refused and "ninety-nine" in settled.text


def test_which_hospital_or_country_wants_a_name_and_a_question_in_the_text_answers_nothing():
    question = "In the mammography screening trial, at which hospital were the women recruited?"
    assert ask_context(question, [MAMMOGRAPHY]).wants == "name"
    unnamed = passage("Participants: women aged 50 and older were recruited from a hospital's screening list.",
                      MAMMOGRAPHY.source)
    assert extract(question, [unnamed], 0.6) is None  # says where, but names no hospital
    settled = settle(answer("Which country hosted the trial?", "Norway [1].",
                            [passage("The trial was run in Norway by the screening programme.")]), Policy())
    assert not settled.refused and "Norway" in settled.text  # a one-word answer names it
    # a paper's title asking a question is no answer to it
    title = passage("Vertical lines in distal esophageal mucosa: a true manifestation of esophagitis in children?")
    assert extract("What do vertical lines in the distal esophageal mucosa of children show?", [title], 0.6) is None


def test_british_and_american_spellings_are_one_word():
    for british, american in (("anaesthesia", "anesthesia"), ("randomised", "randomized"), ("oesophageal", "esophageal"),
                              ("tumours", "tumors"), ("centre", "center"), ("programme", "program"),
                              ("analysed", "analyzed"), ("diarrhoea", "diarrhea"), ("colour", "color")):
        assert content_terms(british) == content_terms(american), british
    assert content_terms("hour four genre") == {"hour", "four", "genr"}  # not words of that shape


def test_more_ways_of_naming_the_study_and_what_is_asked_of_it():
    for question, asked, describing in (
            ("OSA and aerobic fitness in the Air Force: how many OSA patients?", "how many OSA patients?",
             {"aerob", "fit", "air", "forc"}),
            ("NACT and lymphadenectomy in cervical cancer - how many patients were enrolled?",
             "how many patients were enrolled?", {"nact", "lymphadenectomi", "cervic"}),
            ("The secondary analysis of whether baseline pain intensity predicts opioid response included how many "
             "patients?", "how many patients?", {"baselin", "pain", "opioid"}),
            ("Which depression measure did the matched-pair trial of treadmill walking in chronic stroke use?",
             None, {"treadmil", "stroke"}),
            ("mean age of the Saudi orthodontic patients in the arch form and Bolton discrepancy study?", None,
             {"arch", "bolton"})):
        if asked:
            assert asked_clause(question) == asked
        assert describing <= described_work(question), question
    assert ask_context("mean age of the patients in the arch form study?", []).wants == "quantity"
    assert ask_context("share of Africans with optimal BP who became hypertensive?", []).wants == "quantity"
    # a question asking something itself is no topic: "How good were doctors at ... — what was their sensitivity?"
    assert not described_work("How good were doctors at spotting it — what was their overall sensitivity?")


def test_a_claim_about_the_described_study_but_not_what_is_asked_of_it_answers_nothing():
    cohort = passage("The Danish 1905 Cohort Survey is a nationwide survey of all individuals born in Denmark in 1905. "
                     "Optimism predicted survival in men.", "/docs/pubmed-303.txt")
    question = "optimism and survival in the Danish 1905 cohort - who funded it?"
    settled = settle(answer(question, "The Danish 1905 Cohort Survey is a nationwide survey of all individuals born "
                                      "in Denmark in 1905 [1].", [cohort]), Policy())
    assert settled.refused, settled.text
    # what the model says of the passage is no answer either
    settled = settle(answer("How was tendon structure measured in the cohort?",
                            "The passage contains references to the Danish 1905 Cohort Survey [1].", [cohort]), Policy())
    assert settled.refused, settled.text
    # "what years" wants a year: a percentage is not one
    deprivation = passage("Mortality was highest in the 15% of poorest postcode sectors.", "/docs/pubmed-404.txt")
    assert extract("What years of mortality data were analysed in the study of deprivation across postcode sectors?",
                   [deprivation], 0.6) is None
    duchy = passage("The Duchy of Normandy, which began in 911 as a fiefdom, was established by treaty.")
    found = extract("In which year did the Duchy of Normandy begin as a fiefdom?", [duchy], 0.6)
    assert found is not None and "911" in found.shown  # a year of three digits is a year
    duchy = passage("In 911 the Duchy of Normandy began as a fiefdom, established by treaty.")
    found = extract("In which year did the Duchy of Normandy begin as a fiefdom?", [duchy], 0.6)
    assert found is not None and "911" in found.shown  # also at the start of a sentence
    deaths = passage("Self-destructive behaviour was evident in 77% of deaths (n = 206).", "/docs/pubmed-707.txt")
    assert extract("The retrospective survey of deaths among young men looked at deaths from which year?", [deaths],
                   0.6) is None  # a count is not a year


def test_a_share_wants_a_percentage_and_a_section_label_is_no_name():
    survey = passage("Methods: A comparative survey of records in one Health and Social Services Board. Results: 12% of "
                     "register cases were missing from the computing system.", "/docs/pubmed-505.txt")
    question = "In the comparison of the computing system with the register, what share of register cases were missing?"
    found = extract(question, [survey], 0.6)
    assert found is not None and "12%" in found.shown  # not the Methods sentence's "one Board"
    homes = passage("Setting: Participants were recruited from 22 nursing homes in two states.", "/docs/pubmed-606.txt")
    assert extract("In the wandering study, in which two states were the nursing homes?", [homes], 0.6) is None
    assert ask_context("The study of SNP scores in carriers identified its women from which database?", []).wants == "name"


def test_a_topic_naming_a_table_row_still_picks_that_row():
    # the described words hold for the whole CSV, but only one row holds them in its own cells
    for question in ("Riverside branch: when does it close on Saturday?", "Riverside: Saturday hours?"):
        found = extract(question, [HOURS], 0.6)
        assert found is not None and "Riverside" in found.shown and "10:00-16:00" in found.shown, question
    found = extract("Elm Street branch - Saturday hours?", [HOURS], 0.6)
    assert found is not None and "08:30-14:00" in found.shown


def test_when_only_the_study_is_named_its_own_sentences_still_answer():
    # "by how much?" leaves no key term of its own: the studied paper's sentences are read as for any question,
    # only the other papers' are out (review catch: both were out)
    question = "In the study of tailored telephone counseling for mammography screening among HMO members, by how much?"
    found = extract(question, [MAMMOGRAPHY, BLOOD_PRESSURE], 0.6)
    assert found is not None and "6 percentage points" in found.shown and found.n == 1
    # and with no kind of answer wanted either, nothing tells one of its sentences from another
    vague = "In the study of tailored telephone counseling for mammography screening among HMO members, what then?"
    assert extract(vague, [MAMMOGRAPHY, BLOOD_PRESSURE], 0.6) is None
    other = "In the study from two village health centres in Catalonia comparing blood pressure readings, by how much?"
    found = extract(other, [MAMMOGRAPHY, BLOOD_PRESSURE], 0.6)
    assert found is None or found.n == 2, found.shown
