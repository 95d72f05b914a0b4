"""The answer policy for the bundled SmolLM2-135M (hand-written drafts, no model): the answering sentence is quoted
instead of its draft, and a supported draft that no sentence answers is refused, kept as an unchecked draft."""

from __future__ import annotations

from dataclasses import replace

from rag.answer import settle
from rag.config import Settings
from rag.engine import policy
from rag.llm import BUNDLED_GGUF
from tests.drafts import REPORT, answer, passage


def test_with_the_bundled_model_the_answering_sentence_is_shown_instead_of_a_supported_draft():
    # SmolLM2-135M cites the right sentence and misreads it: "hydrophobic" for "hydrophilic" (SQuAD2)
    epitopes = passage("Early techniques relied on the observation that hydrophilic amino acids are overrepresented in "
                       "epitope regions than hydrophobic amino acids.")
    question, draft = ("What kind of amino acids are overrepresented in epitope regions?",
                       "The amino acids overrepresented in epitope regions are hydrophobic amino acids [1].")
    bundled = policy(Settings(), model_name=BUNDLED_GGUF)
    assert bundled.prefer_quote and not policy(Settings(), model_name="qwen2.5-7b-instruct").prefer_quote
    assert not policy(Settings(prefer_quote=False), model_name=BUNDLED_GGUF).prefer_quote
    shown = settle(answer(question, draft, [epitopes]), bundled)
    assert shown.extracted and shown.text.startswith('The documents say: "Early techniques relied on the observation that '
                                                      'hydrophilic amino acids')
    # any other model's supported draft stands, all its sentences (test_a_correct_multi_sentence_draft_...)
    kept = settle(answer(question, draft, [epitopes]), policy(Settings(), model_name="qwen2.5-7b-instruct"))
    assert not kept.extracted and kept.text == draft
    # with no answering sentence the bundled model's supported draft is refused (right 16 times in 153 on SQuAD2),
    # kept as the draft; any other model's, or the bundled one's when the settings say so, is shown
    asked = answer("How many tests were done in the laboratory?", "The lab ran 4,912 tests [1].", [REPORT])
    plain = settle(replace(asked), bundled)
    assert plain.refused and plain.refusal_reason == "no_answering_sentence" and plain.draft == asked.draft
    for rules in (policy(Settings(), model_name="qwen2.5-7b-instruct"),
                  policy(Settings(draft_without_quote=True), model_name=BUNDLED_GGUF)):
        shown = settle(replace(asked), rules)
        assert not shown.refused and not shown.extracted and shown.text == "The lab ran 4,912 tests [1]."


def test_a_refusal_for_a_draft_no_sentence_answers_cites_nothing_and_is_told_apart():
    from webui import render

    refused = settle(answer("How many tests were done in the laboratory?", "The lab ran 4,912 tests [1].", [REPORT]),
                     policy(Settings(), model_name=BUNDLED_GGUF))
    assert refused.text == render.REFUSAL_TEXT and not any(c.supported for c in refused.citations)
    assert refused.to_dict()["draft"] == "The lab ran 4,912 tests [1]." and "unchecked" in render.REASONS[refused.refusal_reason]
    # a quote still answers where a sentence holds the question's words, whatever the policy does with drafts
    quoted = settle(answer("How often is each filter backwashed?", "Every 12 days [1].", [REPORT]),
                    policy(Settings(), model_name=BUNDLED_GGUF))
    assert quoted.extracted and "every 36 hours" in quoted.text
