"""Session 35's bar for a quote (``rag.quote_bar.Bar``, docs/ask.md): a later passage's sentence holds more of the
question, every quote is close enough to it in meaning, and a paraphrase of the first passage close in meaning is
quoted on fewer of its words. With the real embedding model."""

from __future__ import annotations

from dataclasses import replace

from rag.config import Settings
from rag.engine import closeness, policy, quote_bar
from rag.extract import extract
from rag.quote_bar import Bar
from tests.drafts import HOURS, passage

FERRY = passage("The ferry timetable changes in winter, when the last boat leaves at 18:30.", "/docs/ferry.md")
CAFE = passage("The museum café closes at 17:00 on weekdays.", "/docs/museum.md", 2)


def test_a_later_passages_sentence_must_hold_more_of_the_question():
    question = "When does the museum shop close?"  # the café sentence holds two of its three terms
    assert extract(question, [FERRY, CAFE], 0.6) is not None  # without the bar
    assert extract(question, [FERRY, CAFE], 0.6, bar=Bar()) is None  # a later passage: 0.7 of them
    first = extract(question, [passage(CAFE.text, "/docs/museum.md"), FERRY], 0.6, bar=Bar())
    assert first and first.n == 1 and "17:00" in first.shown  # the passage the search ranked first: 0.6


def test_a_quote_far_in_meaning_from_the_question_is_not_shown(embedder):
    question = "What was the English title of Okafor's novel?"
    # holds "English", "titled" and "novel", says nothing of Okafor's novel (cosine 0.24)
    critics = passage("Critics titled the English edition of the tide tables a novel approach to harbour safety.",
                      "/docs/reviews.md")
    life = passage("Okafor grew up in Enugu and taught at a harbour school.", "/docs/okafor.md", 2)
    bar = Bar(measure=closeness(embedder))
    assert "tide tables" in extract(question, [critics, life], 0.6).shown  # on words alone it is quoted
    assert extract(question, [critics, life], 0.6, bar=bar) is None
    novel = passage("Okafor's novel was published in English as The River Between Us.", "/docs/okafor.md", 3)
    assert "River Between Us" in extract(question, [critics, life, novel], 0.6, bar=bar).shown


def test_a_paraphrase_in_the_first_passage_close_in_meaning_is_quoted(embedder):
    question = "What major battle did Admiral Kestrel take part in?"  # two of its five terms: "admiral", "kestrel"
    kestrel = passage("Admiral Kestrel was instrumental in the capture of Port Lorne and later governed the island.",
                      "/docs/navy.md")
    bar = Bar(measure=closeness(embedder))
    assert extract(question, [kestrel], 0.6) is None  # on words alone too few
    found = extract(question, [kestrel], 0.6, bar=bar)
    assert found and "capture of Port Lorne" in found.shown
    # not from a later passage, and not without the meaning
    assert extract(question, [FERRY, passage(kestrel.text, "/docs/navy.md", 2)], 0.6, bar=bar) is None
    assert extract(question, [kestrel], 0.6, bar=Bar()) is None


def test_the_settings_give_the_bar_the_benchmarks_measure(embedder):
    bar = quote_bar(Settings(), embedder)
    assert (bar.later_overlap, bar.min_closeness, bar.paraphrase_overlap, bar.paraphrase_closeness) == (
        Bar().later_overlap, Bar().min_closeness, Bar().paraphrase_overlap, Bar().paraphrase_closeness)
    assert bar.measure is not None and quote_bar(Settings()).measure is None
    assert policy(Settings(), embedder).quote_bar.measure is not None


def test_a_piece_of_a_sentence_is_no_paraphrase(embedder):
    # a PDF's line break cut the sentence: its tail is close in meaning to the question and says nothing it asks
    note = replace(passage("Distances are odometer readings per calendar month; consumption is the quarter average from "
                           "fuel-card\n\ndata, in litres per 100 km.", "/docs/fleet.pdf", 3), char_start=610, char_end=740)
    rows = passage("Vehicle: Van 03 | Driver: Priya Nand | L/100 km: 9.2\nVehicle: Van 04 | Driver: Lucas Ferrand | "
                   "L/100 km: 7.8", "/docs/fleet.pdf", 2)
    found = extract("What is the fuel consumption of Van 04 in litres per 100 km?", [note, rows], 0.6,
                    bar=Bar(measure=closeness(embedder)))
    assert found is None or "7.8" in found.shown, found


def test_rows_and_headers_are_read_by_their_cells_not_by_meaning(embedder):
    bar = Bar(measure=closeness(embedder))
    found = extract("When does the Riverside branch close on Saturday?", [HOURS], 0.6, bar=bar)
    assert found and "10:00-16:00" in found.shown and "Riverside" in found.shown
    points = passage("Important points: Roses are red; Violets are blue", "/docs/poem.docx")
    found = extract("What are the important points in the poem document?", [points], 0.6, bar=bar)
    assert found and "Roses are red" in found.shown
