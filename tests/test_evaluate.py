"""rag eval: the metric functions on hand-checked cases, question files, and the command end to end."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from conftest import run_rag

from rag.answer import REFUSAL, Policy, settle
from rag.errors import ConfigError
from rag.eval.records import AnswerScore, QuestionResult, result_record
from rag.eval.report import write_report
from rag.eval.run import (
    EvalRun,
    QAItem,
    evaluate,
    exact_match,
    from_source,
    hit_at,
    load_qa,
    ndcg,
    normalize_answer,
    reciprocal_rank,
    relevant,
    score_answer,
    spread,
    token_f1,
)
from rag.records import Answer, Passage, Timings


def passage(text: str, source: str = "/docs/Super_Bowl_50.md", pages: tuple[int, ...] = ()) -> Passage:
    return Passage(1, source, text, pages[0] if pages else None, pages, (), 0, len(text), "md", "default", 1.0)


# ---- metric functions --------------------------------------------------------------------------


def test_rank_metrics_on_hand_checked_rankings():
    flags = [False, True, False, True]
    assert [hit_at(flags, k) for k in (1, 2, 5)] == [0.0, 1.0, 1.0]
    assert reciprocal_rank(flags) == 0.5
    assert reciprocal_rank([False] * 10 + [True]) == 0.0  # beyond depth 10
    # DCG = 1/log2(3) + 1/log2(5); ideal = 1/log2(2) + 1/log2(3)
    expected = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))
    assert ndcg(flags) == pytest.approx(expected)
    assert ndcg([True, False]) == 1.0 and ndcg([False, False]) == 0.0


def test_answer_metrics_follow_squad_normalisation():
    assert normalize_answer("The  Denver Broncos!") == "denver broncos"
    assert exact_match("the Denver Broncos.", ["Denver Broncos", "Broncos"]) == 1.0
    assert exact_match("Broncos of Denver", ["Denver Broncos"]) == 0.0
    # prediction "denver broncos won" vs gold "denver broncos": P = 2/3, R = 1 -> F1 = 0.8
    assert token_f1("Denver Broncos won", ["Denver Broncos"]) == pytest.approx(0.8)
    assert token_f1("Carolina", ["Denver Broncos"]) == 0.0
    assert token_f1("Denver", ["Denver Broncos", "Denver"]) == 1.0  # best gold counts


def test_relevance_needs_the_gold_source_and_an_answer_string():
    item = QAItem("1", "Who won?", ("Denver  Broncos",), "Super_Bowl_50")
    assert relevant(passage("The denver broncos\nwon the game."), item)  # case and whitespace ignored
    assert not relevant(passage("The Denver Broncos won.", "/docs/Other.md"), item)
    assert not relevant(passage("Carolina lost."), item)
    assert relevant(passage("The Denver Broncos won.", "/x/Other.md"), QAItem("2", "q", ("Denver Broncos",)))  # no source
    assert from_source(passage("x", "/d/manual.pdf"), "manual.pdf") and from_source(passage("x", "/d/manual.pdf"), "manual")
    assert not from_source(passage("x", "/d/manual2.pdf"), "manual.pdf")


def test_one_draft_settles_with_and_without_verification():
    gold = passage("The Denver Broncos won Super Bowl 50 against the Carolina Panthers.")
    draft = "The Denver Broncos won Super Bowl 50 [1]. The halftime show featured dancing penguins on ice [1]."
    item = QAItem("1", "Who won Super Bowl 50?", ("Denver Broncos",), "Super_Bowl_50")

    def fresh() -> Answer:
        return Answer(item.question, REFUSAL, True, [], [gold], Timings(), draft=draft)

    on, off = settle(fresh(), Policy()), settle(fresh(), Policy(verify_citations=False))
    assert not on.refused and "Denver Broncos" in on.text and "penguins" not in on.text  # the unsupported claim is cut
    assert not off.refused and "penguins" in off.text
    on_score, off_score = score_answer(on, item), score_answer(off, item)
    assert on_score.contains_gold and off_score.contains_gold and on_score.correct_citations == on_score.citations == 1
    # nothing supported: with verification the answering sentence is quoted (or, without the
    # extractive fallback, the answer refused); without verification the draft is shown
    def made_up() -> Answer:
        return Answer(item.question, REFUSAL, True, [], [gold], Timings(), draft="The penguins won it on ice skates.")

    assert settle(made_up(), Policy(extractive=False)).refusal_reason == "unsupported"
    quoted = settle(made_up(), Policy())
    assert quoted.extracted and not quoted.refused and "penguins" not in quoted.text
    assert quoted.text == 'The documents say: "The Denver Broncos won Super Bowl 50 against the Carolina Panthers." [1]'
    assert score_answer(quoted, item).contains_gold and score_answer(quoted, item).correct_citations == 1
    shown = settle(made_up(), Policy(verify_citations=False))
    assert not shown.refused and shown.text.startswith("The penguins") and score_answer(shown, item).f1 == 0.0


def test_answer_metrics_on_and_off_from_the_same_results(tmp_path: Path):
    def result(answerable: bool, on: AnswerScore, off: AnswerScore, relevance: float = 0.5) -> QuestionResult:
        return QuestionResult("q", "q?", answerable, [1] if answerable else [], [], 1.0, relevance=relevance,
                              verified=on, unverified=off, gold_offered=answerable, answer_ms=100.0)

    right = AnswerScore("Denver Broncos", False, 1.0, 1.0, True, 1, 1, True)
    refused = AnswerScore("", True, 0.0, 0.0, False, 0, 0, False)
    wrong = AnswerScore("penguins", False, 0.0, 0.0, False, 1, 0, False)
    results = [
        result(True, right, right),
        result(True, refused, wrong),  # verification refused a wrong answer
        result(False, refused, AnswerScore("made up", False), relevance=0.1),  # unanswerable, weak retrieval
        result(False, refused, refused),
    ]
    metrics = EvalRun([1], results, total=4, settings={"verify_citations": True, "min_relevance": 0.3}).metrics()
    on, off = metrics["answers_by_verification"]["on"], metrics["answers_by_verification"]["off"]
    assert metrics["answers"] == on
    assert on["exact_match"] == 0.5 and on["false_refusal_rate_answerable"] == 0.5 and on["refusal_rate_unanswerable"] == 1.0
    assert on["citation_precision"] == 1.0 and on["citation_recall"] == 0.5
    assert off["false_refusal_rate_answerable"] == 0.0 and off["refusal_rate_unanswerable"] == 0.5
    assert off["citation_precision"] == 0.5  # 1 of 2 citations points at a gold passage
    assert metrics["retrieval"]["refused_at_retrieval_unanswerable"] == 0.5
    assert metrics["retrieval"]["refused_at_retrieval_answerable"] == 0.0
    restored = [QuestionResult.from_record(json.loads(json.dumps(result_record(r)))) for r in results]
    assert restored == results
    write_report(EvalRun([1], results, total=4, settings={"verify_citations": True, "min_relevance": 0.3}), tmp_path, "t")
    report = (tmp_path / "report.md").read_text()
    assert "| metric | verification on | verification off |" in report and "| exact_match | 0.5000 | 0.5000 |" in report
    assert "| false_refusal_rate_answerable | 0.5000 | 0.0000 |" in report


def test_checkpoint_is_read_without_being_changed(tmp_path: Path):
    from rag.eval.checkpoint import Checkpoint

    def result(qid: str) -> QuestionResult:
        return QuestionResult(qid, "q?", True, [1], [], 1.0)

    first = Checkpoint(tmp_path / "run")
    assert first.start("qa", {"mode": "hybrid"}, resume=True) == []
    for qid in ("a", "b"):
        first.add(result(qid))
    saved = first.results.read_bytes() + b'{"id": "c", "quest'  # killed while writing c
    first.results.write_bytes(saved)
    reader = Checkpoint(tmp_path / "run")  # e.g. a helper process beside the run that owns the folder
    assert [r.id for r in reader.measured("qa", {"mode": "hybrid"})] == ["a", "b"]
    with pytest.raises(ConfigError, match="mode: 'hybrid' then, 'dense' now"):
        reader.measured("qa", {"mode": "dense"})
    with pytest.raises(ConfigError, match="question file: qa then, other now"):
        reader.measured("other", {"mode": "hybrid"})
    assert first.results.read_bytes() == saved  # reading never rewrites
    assert Checkpoint(tmp_path / "none").measured("qa", {}) == [] and not (tmp_path / "none").exists()


def test_spread_takes_even_steps():
    items = [QAItem(str(i), "q", ("a",)) for i in range(10)]
    assert [i.id for i in spread(items, 3)] == ["0", "3", "6"]
    assert spread(items, 50) == items


# ---- question files ----------------------------------------------------------------------------


def test_squad_v2_json_and_jsonl_load(tmp_path: Path):
    squad = {"version": "v2.0", "data": [{"title": "Super_Bowl_50", "paragraphs": [{"context": "...", "qas": [
        {"id": "a1", "question": "Who won?", "answers": [{"text": "Denver Broncos", "answer_start": 0},
                                                          {"text": "Denver Broncos", "answer_start": 5}], "is_impossible": False},
        {"id": "a2", "question": "Who lost in 1990?", "answers": [], "is_impossible": True},
    ]}]}]}
    (tmp_path / "dev.json").write_text(json.dumps(squad))
    items = load_qa(tmp_path / "dev.json")
    assert items == [QAItem("a1", "Who won?", ("Denver Broncos",), "Super_Bowl_50"), QAItem("a2", "Who lost in 1990?", (), "Super_Bowl_50")]
    (tmp_path / "qa.jsonl").write_text(
        '{"question": "What is the contact time?", "answers": ["35 minutes"], "source": "report.pdf", "page": 3}\n\n'
        '{"question": "Who is the mayor of Mars?", "answers": []}\n'
        '{"question": "Does aspirin help?", "source": "12345.txt"}\n'
    )
    items = load_qa(tmp_path / "qa.jsonl")
    assert items[0] == QAItem("1", "What is the contact time?", ("35 minutes",), "report.pdf", 3)
    assert not items[1].answerable and items[1].source is None
    assert items[2].answerable and items[2].answers is None  # any passage of 12345.txt counts
    assert relevant(passage("anything", "/d/12345.txt"), items[2]) and not relevant(passage("x", "/d/9.txt"), items[2])


@pytest.mark.parametrize("content, message", [
    ('{"question": "ok", "answers": ["a"]}\n{"answers": ["b"]}\n', "line 2"),
    ('{"question": "ok", "answers": "not a list"}\n', "line 1"),
    ("not json at all\n", "line 1"),
    ("", "no questions"),
    ('{"question": "no answers and no source"}\n', "needs a 'source'"),
    ('{"data": [{"title": "x"}]}', "not SQuAD v2 JSON"),
])
def test_bad_question_files_say_what_is_wrong(tmp_path: Path, content: str, message: str):
    path = tmp_path / "qa.jsonl"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_qa(path)


# ---- end to end over sample_docs ---------------------------------------------------------------

SAMPLE_QA = [
    {"question": "What is the chlorine contact time?", "answers": ["35 minutes"], "source": "water_treatment_report_2023.pdf", "page": 3},
    {"question": "What is the mileage rate?", "answers": ["0.42 euros"], "source": "travel_policy.docx"},
    {"question": "How long is the downtime of the database migration?", "answers": ["72 minutes"], "source": "maintenance_window.eml"},
    {"question": "What is the name of the sourdough starter?", "answers": ["Bartholomew"], "source": "bakery_handbook.md"},
    {"question": "Who won the 1998 football world cup?", "answers": []},
]


@pytest.fixture
def qa_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample_qa.jsonl"
    path.write_text("".join(json.dumps(q) + "\n" for q in SAMPLE_QA))
    return path


def test_rag_eval_end_to_end_writes_metrics_report_and_plots(sample_index: Path, qa_file: Path, tmp_path: Path):
    report = tmp_path / "report"
    result = run_rag("eval", str(qa_file), "--index", str(sample_index), "--k", "1,3,5", "--report", str(report), "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    assert metrics["questions"] == 5 and metrics["answerable"] == 4 and not metrics["interrupted"]
    retrieval = metrics["retrieval"]
    assert set(retrieval) >= {"hit@1", "hit@3", "hit@5", "mrr@10", "ndcg@10", "page_hit@1", "latency_ms_p50", "latency_ms_p95"}
    assert retrieval["hit@5"] == 1.0 and retrieval["hit@1"] <= retrieval["hit@3"] <= retrieval["hit@5"]
    assert retrieval["questions_with_page"] == 1 and retrieval["page_hit@5"] == 1.0
    assert "answers" not in metrics
    # the off-topic question would be refused before generating; the answerable ones would not
    assert retrieval["refused_at_retrieval_unanswerable"] == 1.0 and retrieval["refused_at_retrieval_answerable"] == 0.0
    assert json.loads((report / "metrics.json").read_text()) == metrics
    assert len((report / "results.jsonl").read_text().splitlines()) == 5
    text = (report / "report.md").read_text()
    assert "| hit@5 | 1.0000 |" in text and "![hit@k](hit_at_k.png)" in text
    for plot in ("hit_at_k.png", "latency.png", "outcomes.png"):
        assert (report / plot).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and (report / plot).stat().st_size > 5_000


def test_rag_eval_resumes_a_run_that_was_killed(sample_index: Path, qa_file: Path, tmp_path: Path):
    report = tmp_path / "report"
    first = run_rag("eval", str(qa_file), "--index", str(sample_index), "--report", str(report), "--json")
    assert first.returncode == 0, first.stderr[-2000:]
    lines = (report / "results.jsonl").read_text().splitlines()
    # as if killed while writing the third result: two whole lines and half of the third
    (report / "results.jsonl").write_text(lines[0] + "\n" + lines[1] + "\n" + lines[2][:40])
    resumed = run_rag("eval", str(qa_file), "--index", str(sample_index), "--report", str(report), "--resume", "--json")
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    metrics, before = json.loads(resumed.stdout.strip().splitlines()[-1]), json.loads(first.stdout.strip().splitlines()[-1])
    assert metrics["questions"] == 5 and metrics["retrieval"]["mrr@10"] == before["retrieval"]["mrr@10"]
    records = [json.loads(line) for line in (report / "results.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == [str(i) for i in range(1, 6)]
    assert records[:2] == [json.loads(line) for line in lines[:2]]  # kept, not measured again
    # measured another way: refused, and nothing in the folder is touched
    other = run_rag("eval", str(qa_file), "--index", str(sample_index), "--report", str(report), "--resume", "--mode", "keyword")
    assert other.returncode == 2 and "retrieval_mode: 'hybrid' then, 'keyword' now" in other.stderr
    fused = run_rag("eval", str(qa_file), "--index", str(sample_index), "--report", str(report), "--resume",
                    env={"RAG_FUSION": "rrf"})  # a setting that only changes the ranking
    assert fused.returncode == 2 and "fusion: 'score' then, 'rrf' now" in fused.stderr
    assert len((report / "results.jsonl").read_text().splitlines()) == 5
    # a smaller selection resumed from the same folder: scored alone, the other results stay saved
    fewer = run_rag("eval", str(qa_file), "--index", str(sample_index), "--report", str(report), "--resume", "--limit", "2",
                    "--json")
    assert fewer.returncode == 0 and json.loads(fewer.stdout.strip().splitlines()[-1])["questions"] == 2
    assert [json.loads(line)["id"] for line in (report / "results.jsonl").read_text().splitlines()] == [str(i) for i in range(1, 6)]


def test_rag_eval_rejects_bad_arguments(sample_index: Path, qa_file: Path, tmp_path: Path):
    assert run_rag("eval", str(qa_file), "--index", str(sample_index), "--k", "1,x").returncode == 2
    assert run_rag("eval", str(qa_file), "--index", str(sample_index), "--resume").returncode == 2
    missing = run_rag("eval", str(tmp_path / "nope.jsonl"), "--index", str(sample_index))
    assert missing.returncode == 2 and "cannot read question file" in missing.stderr


def test_an_interrupted_run_keeps_what_it_measured(sample_engine):
    class StopsAtThird:  # the real engine, with Ctrl-C pressed during the third question
        settings = sample_engine.settings

        def retrieve(self, question, **options):
            if question == SAMPLE_QA[2]["question"]:
                raise KeyboardInterrupt
            return sample_engine.retrieve(question, **options)

    items = [QAItem(str(i), q["question"], tuple(q["answers"]), q.get("source")) for i, q in enumerate(SAMPLE_QA)]
    run = evaluate(StopsAtThird(), items, ks=[1, 5])
    metrics = run.metrics()
    assert run.interrupted and metrics["interrupted"] and metrics["questions"] == 2 and metrics["questions_total"] == 5
    assert metrics["retrieval"]["hit@5"] == 1.0


@pytest.mark.slow  # real generation with the bundled GGUF
def test_rag_eval_with_answers_scores_answers_citations_and_refusals(sample_engine):
    items = [QAItem(str(i), q["question"], tuple(q["answers"]), q.get("source")) for i, q in enumerate(SAMPLE_QA)]
    run = evaluate(sample_engine, items, ks=[1, 3], answers=True)
    answers = run.metrics()["answers"]
    assert answers["refusal_rate_unanswerable"] == 1.0  # the off-topic question
    first = run.results[0].verified  # the chlorine question, which the bundled model answers (tests/test_ask.py)
    assert not first.refused and first.f1 > 0 and first.correct_citations >= 1 and first.cited_gold
    assert 0 <= answers["f1"] <= 1 and 0 <= answers["false_refusal_rate_answerable"] <= 1
    assert answers["citation_precision"] is not None and answers["latency_ms_p50"] > 0
    off = run.metrics()["answers_by_verification"]["off"]  # the same drafts, unverified: never refused more often
    assert off["false_refusal_rate_answerable"] <= answers["false_refusal_rate_answerable"]
    for result in run.results:
        if result.answerable and not result.verified.refused:
            assert result.verified.exact_match in (0.0, 1.0) and result.verified.answer
            assert not result.unverified.refused
