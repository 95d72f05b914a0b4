"""Rules found on the thirteenth blind set (PubMedQA abstracts as plain text files, docs/ask.md, session 23): a
plain text's first line is its title and heads all its passages; under it, a sentence must itself say something
asked beyond the paper's subject; an abbreviation the paper defines stands for its words; an age, a dose and an
outcome's rate want their own kind of figure; a draft listing its passages ("1. [2]") says nothing.

Rules found on ``pubmed-4`` (session 24): the retriever gives every passage its document's title, also when the title
is a chunk of its own; a sentence cut where two chunks overlap is read with its opening; an aim may say in passing what
is asked; "patients" are the "children" or "students" asked about; a share in digits comes before "all children";
"median survival ...?" wants a figure, "what did it cost" money, and "(CBCT vs bitewing study)" names the study."""

from __future__ import annotations

from dataclasses import replace

from rag.answer import Policy, extract, settle
from tests.drafts import answer, passage

SOURCE = "/docs/pubmed-16151770.txt"
TITLE = passage("Memory-provoked rCBF-SPECT as a diagnostic tool in Alzheimer's disease?\n\nPurpose: Alzheimer's disease "
                "is a common cause of dementia, and early diagnosis matters.", SOURCE, 1)
METHODS = replace(passage("Methods: Eighteen persons (73.2+/-4.8 years) with mild AD and 18 healthy elderly (69.4+/-3.9 "
                          "years) were included in the study. Regional cerebral blood flow was measured twice.", SOURCE, 2),
                  char_start=240)
DISCHARGE = "/docs/pubmed-10158597.txt"
COORDINATOR = passage("Does a dedicated discharge coordinator improve the quality of hospital discharge?\n\nObjective: To "
                      "evaluate the role of a discharge coordinator on medical wards.", DISCHARGE, 3)
SETTING = replace(passage("Setting: The three medical wards at the Homerton Hospital in Hackney, East London. Patients: 600 "
                          "randomly sampled adult patients.", DISCHARGE, 4), char_start=300)


def test_a_plain_texts_first_line_heads_its_passages_as_a_title():
    question = "Mean age of the mild Alzheimer's patients who had memory-provoked rCBF-SPECT?"
    found = extract(question, [TITLE, METHODS], 0.6)
    assert found and "73.2" in found.shown, found
    # without the first chunk among the passages no title is known, and the sentence alone says too little
    assert extract(question, [METHODS], 0.6) is None


def test_under_its_title_a_papers_sentence_must_say_something_asked_beyond_the_subject_and_its_names():
    found = extract("which hospital in east london tried out a dedicated discharge coordinator on its medical wards",
                    [COORDINATOR, SETTING], 0.6)
    assert found and "Homerton Hospital" in found.shown, found
    # the hospital named describes the study: the setting sentence says nothing of who funded it (asked as "who funded
    # the discharge coordinator study at the Homerton Hospital", no study is read from the question, and the
    # sentence is quoted: a name the question gives is also how "What ZIP code is given for Doylestown, PA?" finds
    # "Doylestown, PA 18901")
    assert extract("In the study of discharge coordinators at the Homerton Hospital, who funded it?",
                   [COORDINATOR, SETTING], 0.6) is None


def test_a_first_line_that_is_a_table_row_or_a_message_header_is_no_title():
    from rag.titles import document_titles

    rows = passage("Branch: Elm Street | Saturday hours: 08:30-14:00\n\nBranch: Riverside | Saturday hours: 10:00-16:00",
                   "/docs/hours.csv", 5)
    mail = passage("From: Tamir Erez <tamir@example.com>\n\nHello, the meeting moves to Friday.", "/docs/a.eml", 6)
    assert document_titles([rows, mail]) == {}
    assert document_titles([TITLE, METHODS]) == {SOURCE: {"memori", "provok", "rcbf", "spect", "diagnost", "tool",
                                                          "alzheim", "diseas"}}


def test_a_draft_listing_its_passages_is_no_answer():
    question = "median progression-free survival on first-line tyrosine kinase inhibitors in thyroid cancer"
    settled = settle(answer(question, "1. [2]\n2. [1]", [TITLE, METHODS]), Policy())
    assert "1 [" not in settled.text and "2 [" not in settled.text, settled.text
    assert settled.refused, settled.text


def test_an_abbreviation_the_paper_defines_stands_for_its_words():
    from rag.abbreviations import defined_terms, expanded, long_form

    assert long_form("GEP-NETs", "in patients with gastroenteropancreatic neuroendocrine tumors") == \
        "gastroenteropancreatic neuroendocrine tumors"
    assert long_form("IHC", "somatostatin receptor subtype 2a immunohistochemistry") == "immunohistochemistry"
    assert long_form("n", "patients") is None and long_form("CXR", "routine chest radiography") is None
    defined = defined_terms("Whether sst2a immunohistochemistry (IHC) predicts the response of gastroenteropancreatic "
                            "neuroendocrine tumors (GEP-NETs) is unknown.")
    assert expanded("In total, 93% of GEP-NET samples showed sst2a IHC positivity.", defined) == \
        {"immunohistochemistri", "gastroenteropancreat", "neuroendocrin", "tumor"}
    paper = "/docs/pubmed-26536001.txt"
    aims = passage("Is there an additional value of sst2a immunohistochemistry in predicting tumour response?\n\n"
                   "Background And Aims: It is unknown whether tumoral sst2a immunohistochemistry (IHC) predicts the "
                   "response of gastroenteropancreatic neuroendocrine tumors (GEP-NETs).", paper, 7)
    results = replace(passage("Results: In total, 93% of GEP-NET samples showed sst2a IHC positivity.", paper, 8),
                      char_start=400)
    question = "What percentage of gastroenteropancreatic neuroendocrine tumour samples were sst2a positive on immunohistochemistry?"
    found = extract(question, [aims, results], 0.6)
    assert found and "93%" in found.shown, found


def test_an_age_is_given_in_years_not_by_a_count():
    from rag.grounding import ask_context
    from rag.wants import gives_what_is_wanted

    asked = ask_context("What was the median age of the children with protracted bacterial bronchitis?", [METHODS])
    assert not gives_what_is_wanted("Children with bronchiectasis (n = 55) or PBB (n = 13) were recruited.", asked)
    assert gives_what_is_wanted("The children's median age was 2.1 years.", asked)


def test_a_capitalised_common_noun_is_no_unknown_name_and_a_share_says_how_often():
    from rag.grounding import ask_context
    from rag.wants import gives_what_is_wanted
    from rag.question_parts import unknown_names

    found = passage("Pneumothorax was diagnosed radiologically in 10 patients (2.9%).")
    assert not unknown_names("How often was pneumothorax found on routine chest X-ray after bronchoscopy?", [found])
    asked = ask_context("How often was pneumothorax found after bronchoscopy?", [found])
    assert gives_what_is_wanted("Pneumothorax was diagnosed radiologically in 10 patients (2.9%).", asked)


def test_an_outcomes_rate_wants_a_share_and_an_odds_ratio_a_figure():
    from rag.grounding import ask_context
    from rag.wants import SHARE, gives_what_is_wanted

    methods = "Data from 42 elderly (age> 65 years) patients receiving surgery plus radiotherapy were matched to 84 patients."
    for question in ("For elderly patients with spinal cord compression, what was the 1-year survival rate after surgery?",
                     "What was the 5-year overall survival of elderly patients treated with surgery plus radiotherapy?",
                     "What was the miscarriage rate among partners of nuclear power plant workers?"):
        asked = ask_context(question, [METHODS])
        assert asked.wants == "quantity" and not gives_what_is_wanted(methods, asked), question
        assert gives_what_is_wanted("The 1-year survival rate was 61% after surgery plus radiotherapy.", asked)
    # a median survival is a time, a figure but no share, and "what years of mortality data" asks for years
    asked = ask_context("What was the median survival of the patients?", [METHODS])
    assert asked.wants == "quantity" and SHARE not in asked.figure_forms
    assert gives_what_is_wanted("Median survival was 13 days.", asked)
    assert not gives_what_is_wanted("The prognostic factors of survival have not been studied.", asked)
    assert ask_context("What years of mortality data were analysed?", [METHODS]).wants == "date"
    asked = ask_context("What odds ratio linked farming in the year before symptom onset with vasculitis?", [METHODS])
    assert not gives_what_is_wanted("Factors investigated were smoking, pets and farm exposure in the year before onset.", asked)
    assert gives_what_is_wanted("Farming in the index year was associated with PSV (OR 2.3 [95% CI 1.2-4.6]).", asked)


def test_a_dose_has_a_dose_unit_a_blood_pressure_is_no_share_and_brca2_is_no_new_name_for_brca1_2():
    from rag.grounding import ask_context
    from rag.wants import gives_what_is_wanted

    asked = ask_context("What dose of vitamin D was given to apparently healthy volunteers?", [METHODS])
    assert not gives_what_is_wanted("25(OH)D levels increased from 23.9 +/- 12.9 ng/ml at baseline to 45.9 ng/ml.", asked)
    assert gives_what_is_wanted("Volunteers received a single oral dose of 140,000 IU of cholecalciferol.", asked)
    asked = ask_context("What share of Africans with optimal BP became hypertensive within 5 years?", [METHODS])
    assert not gives_what_is_wanted("We explored risk factors of Africans with optimal blood pressure (≤ 120/80 mm Hg).", asked)
    assert gives_what_is_wanted("During the 5 years, 24% of Africans with optimal BP developed hypertension.", asked)
    assert gives_what_is_wanted("Of these, 27 of 138 insertions failed.", asked)
    asked = ask_context("The study of SNP scores in BRCA1/2 carriers identified its women from which database?", [METHODS])
    assert asked.wants == "name"
    assert not gives_what_is_wanted("548 female BRCA1 mutation carriers and 523 BRCA2 carriers were identified.", asked)
    assert gives_what_is_wanted("Female BRCA1/2 carriers were identified from the Manchester genetic database.", asked)


CBCT = "/docs/pubmed-24481006.txt"


def test_a_title_read_from_another_chunk_heads_the_passage():
    separators = replace(passage("Orthodontic separators were placed between the teeth. The separator was removed after 3 "
                                 "days and the surfaces recorded as cavitated or not.", CBCT, 9), char_start=98)
    question = "how long was the separator left before the proximal surfaces were checked for cavitation in cone beam CT?"
    assert extract(question, [separators], 0.6) is None  # the sentence alone says too little
    titled = replace(separators, title="Should cavitation in proximal surfaces be reported in cone beam computed "
                                       "tomography examination?")
    found = extract(question, [titled], 0.6)
    assert found and "3 days" in found.shown, found


def test_the_retriever_reads_each_documents_title_from_its_first_chunk(tmp_path, embedder):
    import rag
    from rag.titles import title_line

    title = "Should cavitation in proximal surfaces be reported in cone beam computed tomography examination?"
    sections = [f"Section {n}: The examiners recorded proximal surface number {n} in the bitewing and the CBCT images, "
                f"and a second observer read image set {n} again after a week to measure agreement." for n in range(30)]
    sections.insert(20, "Methods: The separator was removed after 3 days and the surfaces were recorded as cavitated.")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "pubmed-24481006.txt").write_text("\n\n".join([title, *sections]), encoding="utf-8")
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        assert engine.ingest([docs]).failed == 0
        found = engine.retrieve("After how many days was the separator removed?", k=3)
    late = [p for p in found if p.char_start > 0]
    assert late and all(p.title == title for p in late), [(p.char_start, p.title) for p in found]
    # a title alone in its chunk heads the other chunks of its document, not a one-line document's only chunk
    assert title_line(title, 0, (), own_chunk=True) == title and title_line(title, 0, ()) == ""


def test_a_sentence_cut_where_two_chunks_overlap_is_read_with_its_opening():
    source = "/docs/pubmed-25103647.txt"
    text = ("Results: The assistance for eyeglasses is inadequate in 5 Canadian provinces. Among middle-aged whites who "
            "self-reported not having glaucoma, cataracts, diabetes, or vision problems not corrected by lenses, utilization of eye care "
            "providers was 28.1% among those with financial difficulty versus 41.9% among those without (p<0.05).")
    cut = text.index("utilization")
    title = "Does government assistance improve utilization of eye care services by low-income individuals?"
    first = replace(passage(text[:cut].strip(), source, 10), char_start=700, char_end=700 + cut, title=title)
    tail_start = text.index("self-reported")
    second = replace(passage(text[tail_start:], source, 11), char_start=700 + tail_start, char_end=700 + len(text),
                     title=title)
    question = "Among middle-aged white Canadians with financial difficulty, what percentage used eye care providers?"
    found = extract(question, [first, second], 0.6)
    assert found and found.n == 2 and "28.1%" in found.shown and found.shown.startswith("..."), found
    # alone, the tail does not say whose utilization it is
    assert extract(question, [second], 0.6) is None


def test_an_aim_may_say_in_passing_what_is_asked_and_patients_are_the_children_asked_about():
    paper = "/docs/pubmed-19401574.txt"
    purpose = passage("Gadofosveset-enhanced MR angiography of carotid artery stenosis: does steady state imaging improve "
                      "accuracy?\n\nPurpose: To evaluate the diagnostic accuracy of gadofosveset-enhanced MR angiography "
                      "of carotid artery stenosis, with digital subtraction angiography (DSA) as the reference standard.",
                      paper, 12)
    found = extract("what was used as the reference standard when testing gadofosveset MR angiography for carotid stenosis",
                    [purpose], 0.6)
    assert found and "digital subtraction angiography" in found.shown, found
    wheeze = "/docs/pubmed-11862129.txt"
    title = passage("Do clinical variables predict pathologic radiographs in the first episode of wheezing?\n\n"
                    "Conclusions: Clinical variables could not identify all children with pathologic radiographs.", wheeze, 13)
    results = replace(passage("Results: Pathologic radiographs were identified in 61 patients (9%).", wheeze, 14),
                      char_start=500)
    found = extract("What percentage of children with a first episode of wheezing turned out to have pathologic chest "
                    "radiographs?", [title, results], 0.6)
    assert found and "9%" in found.shown, found


def test_a_median_a_cost_and_a_study_named_in_brackets():
    from rag.grounding import ask_context
    from rag.wants import gives_what_is_wanted
    from rag.question_parts import described_work

    assert ask_context("Median overall survival with combined therapy for nasopharyngeal carcinoma?", []).wants == "quantity"
    asked = ask_context("What did an inpatient tonsillectomy cost at children's teaching hospitals?", [])
    assert asked.wants == "money"
    # a list's item numbers are no amount
    assert not gives_what_is_wanted("Models assessed differences in hospital cost among children managed by (1) "
                                    "non-children's teaching hospitals, (2) children's teaching hospitals.", asked)
    assert gives_what_is_wanted("The risk-adjusted cost was $9423.34 at children's teaching hospitals.", asked)
    assert described_work("how long were separators left between teeth (CBCT vs bitewing study)") == \
        {"cbct", "vs", "bitew", "studi"}


def test_the_quote_may_read_the_next_passage_of_the_one_document_searched():
    from rag.answer import one_document_more

    paper = [replace(passage(f"Part {n} of the abstract.", CBCT, 20 + n), char_start=300 * n) for n in range(4)]
    assert one_document_more(paper, 3) == paper[3:]
    other = replace(paper[3], source="/docs/another.txt")
    assert one_document_more(paper[:3] + [other], 3) == []  # the search was not sure of one document
    assert one_document_more(paper[:3], 3) == []


def test_a_sentence_cut_where_a_chunk_ends_is_quoted_from_the_passage_holding_it_whole():
    source = "/docs/pubmed-10381996.txt"
    title = "Clinician assessment for acute chest syndrome in febrile patients with sickle cell disease: is it accurate?"
    text = ("Results: Acute chest syndrome (ACS) was diagnosed in 17 of 96 febrile events. Overall physician sensitivity "
            "for predicting ACS was only 39%, and diagnostic accuracy did not improve with training.")
    cut = text.index(" for predicting")
    ending = replace(passage(text[:cut], source, 30), char_start=780, char_end=780 + cut, title=title)
    whole_start = text.index("Acute chest")
    whole = replace(passage(text[whole_start:], source, 31), char_start=780 + whole_start, char_end=780 + len(text),
                    title=title)
    found = extract("How good were doctors at spotting acute chest syndrome in sickle cell patients with fever - what was "
                    "their overall sensitivity?", [ending, whole], 0.6)
    assert found and found.n == 2 and "39%" in found.shown, found


def test_a_mean_follow_up_is_a_time_and_an_aim_comes_after_the_finding():
    from rag.grounding import ask_context
    from rag.wants import gives_what_is_wanted

    asked = ask_context("What was the mean follow-up in the study of resecting colorectal liver metastases?", [])
    assert not gives_what_is_wanted("From January 2005 to June 2013, 5624 and 791 consecutive patients received 1 and "
                                    "2 chemotherapy lines.", asked)
    assert gives_what_is_wanted("Mean follow-up was 37 months.", asked)
    paper = "/docs/pubmed-hif1a.txt"
    aim = passage("HIF1A polymorphisms and age-related macular degeneration in a Turkish population\n\nBackground: To "
                  "investigate the association between age-related macular degeneration (AMD) and the polymorphisms of "
                  "HIF1A, a regulator under hypoxic conditions.", paper, 40)
    finding = replace(passage("Results: Having at least one C allele for polymorphism rs11549465 increased AMD risk "
                              "(OR = 2.42).", paper, 41), char_start=600)
    found = extract("Which polymorphism turned out to be linked to age-related macular degeneration in the Turkish study "
                    "of HIF1A variants?", [aim, finding], 0.6)
    assert found and "rs11549465" in found.shown, found


def test_a_list_under_a_first_line_is_quoted_though_the_line_alone_is_not():
    favorites = passage("These are a few of my favorite things:\n\nParrots\n\nHockey\n\nAnalysis\n\nThis is my first "
                        "thought. This is my second thought.", "/docs/simple.docx", 50)
    found = extract("What favorite things are listed in simple.docx?", [favorites], 0.6)
    assert found and "Parrots" in found.shown and "Hockey" in found.shown, found
