"""`rag ask` on the command line over the sample index: streamed text, JSON, refusals, the bundled model's unchecked
draft, and a missing index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_rag


@pytest.mark.slow
def test_ask_cli_streams_then_prints_json(sample_index):
    result = run_rag("ask", "What is the chlorine contact time?", "--index", str(sample_index), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout.strip().splitlines()[-1])
    assert payload["refused"] is False and "35 minutes" in payload["answer"]
    citation = next(c for c in payload["citations"] if c["supported"])
    assert {"n", "source", "page", "heading", "quote", "supported"} <= set(citation)
    assert Path(citation["source"]).name == "water_treatment_report_2023.pdf" and "35 minutes" in citation["quote"]
    assert {"source", "page", "score"} <= set(payload["passages"][0])
    assert set(payload["timings"]) >= {"retrieve_ms", "first_token_ms", "total_ms"}

    human = run_rag("ask", "What is the chlorine contact time?", "--index", str(sample_index))
    assert human.returncode == 0 and "35 minutes" in human.stdout and "supported" in human.stdout

    refused = run_rag("ask", "What is the capital of Australia?", "--index", str(sample_index), "--json")
    assert refused.returncode == 0 and json.loads(refused.stdout.strip().splitlines()[-1])["refused"] is True


@pytest.mark.slow
def test_a_right_draft_that_no_sentence_answers_is_refused_and_shown_unchecked(sample_engine, sample_index):
    # "Private car use is reimbursed at 0.42 euros per kilometre." under "Mileage" holds half the question's words, so
    # it is no quote; the bundled model's draft is right here, as such drafts were 3 times in 20 over people's own
    # folders (16 in 153 on SQuAD2): refused, the draft kept and shown as unchecked
    answer = sample_engine.ask("What is the mileage rate?")
    assert answer.refused and answer.refusal_reason == "no_answering_sentence" and "0.42 euros" in answer.draft
    assert not any(c.supported for c in answer.citations)
    assert Path(answer.passages[0].source).name == "travel_policy.docx"
    shown = run_rag("ask", "What is the mileage rate?", "--index", str(sample_index))
    assert shown.returncode == 0 and "Not found in the documents" in shown.stdout
    assert "unchecked draft" in shown.stdout and "0.42 euros" in shown.stdout


def test_ask_cli_without_an_index_says_how_to_make_one(tmp_path):
    result = run_rag("ask", "anything", "--index", str(tmp_path / "none"))
    assert result.returncode == 3 and "rag ingest" in result.stderr and "Traceback" not in result.stderr
