"""Measure an index on a question set: retrieval (hit@k, MRR@10, nDCG@10, page hit@k) and, with
answers, exact match, token F1, citation precision/recall, refusals and latency.

Question sets: SQuAD v2 JSON (the article title is the gold source; an article written as a file
is matched by its name) or JSONL lines ``{"question", "answers": [...], "source"?, "page"?}``
(empty ``answers`` = unanswerable; no ``answers`` key but a ``source`` = answerable, any passage of
that document counts, as for PubMedQA whose answers are not spans of the text).

Relevance is decided from text, so no passage ids are needed: a retrieved passage is relevant
when it comes from the gold document (any document when no source is given) and contains a gold
answer string, ignoring case and runs of whitespace.
"""

from __future__ import annotations

import copy
import json
import math
import re
import statistics
import string
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rag.answer import settle, top_relevance
from rag.engine import policy
from rag.errors import ConfigError
from rag.eval.records import AnswerScore, QuestionResult
from rag.records import Answer, Passage

MRR_DEPTH = NDCG_DEPTH = 10


@dataclass(frozen=True)
class QAItem:
    id: str
    question: str
    answers: tuple[str, ...] | None  # empty = unanswerable; None = any passage of the source counts
    source: str | None = None  # a file name (or stem) the answer must come from
    page: int | None = None

    @property
    def answerable(self) -> bool:
        return self.answers is None or bool(self.answers)


# ---- loading -----------------------------------------------------------------------------------


def load_qa(path: str | Path) -> list[QAItem]:
    """Questions from a SQuAD v2 JSON file or a JSONL file; raises ``ConfigError`` saying what is wrong."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read question file {path}: {exc}") from exc
    stripped = raw.lstrip()
    if stripped.startswith("{") and '"data"' in stripped[:200]:
        try:
            return _squad(json.loads(raw))
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path} is not SQuAD v2 JSON: {exc}") from exc
    items = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            answers = record.get("answers")
            if not isinstance(record["question"], str) or not isinstance(answers, list | None):
                raise TypeError("'question' must be a string and 'answers' a list")
            if answers is None and not record.get("source"):
                raise TypeError("a record without 'answers' needs a 'source'")
            page = record.get("page")
            items.append(QAItem(
                str(record.get("id", number)), record["question"],
                None if answers is None else tuple(str(a) for a in answers if str(a).strip()),
                record.get("source") or None, int(page) if page is not None else None,
            ))
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}, line {number}: not a question record ({exc!s}); expected "
                              '{"question": "...", "answers": ["..."], "source": "file.pdf", "page": 3}') from exc
    if not items:
        raise ConfigError(f"{path} holds no questions")
    return items


def _squad(data: dict) -> list[QAItem]:
    items = []
    for article in data["data"]:
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                answers = tuple(dict.fromkeys(a["text"] for a in qa.get("answers", []) if a["text"].strip()))
                if qa.get("is_impossible"):
                    answers = ()
                items.append(QAItem(str(qa["id"]), qa["question"], answers, article["title"]))
    return items


def spread(items: list[QAItem], limit: int) -> list[QAItem]:
    """``limit`` items taken at even steps over the list (the first N would all be one article)."""
    if limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


# ---- relevance and retrieval metrics -------------------------------------------------------------


def squash(text: str) -> str:
    return " ".join(text.lower().split())


def source_key(name: str) -> str:
    """A file name or an article title, reduced so that 'Super_Bowl_50', 'Super Bowl 50' and
    'super_bowl_50.md' agree."""
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")


def from_source(passage: Passage, source: str | None) -> bool:
    if not source:
        return True
    name = Path(passage.source).name
    wanted = source_key(Path(source).name)
    return wanted in (source_key(name), source_key(Path(name).stem))


def relevant(passage: Passage, item: QAItem) -> bool:
    if not from_source(passage, item.source):
        return False
    if item.answers is None:
        return True
    text = squash(passage.text)
    return any(squash(a) in text for a in item.answers)


def hit_at(flags: list[bool], k: int) -> float:
    return float(any(flags[:k]))


def reciprocal_rank(flags: list[bool], depth: int = MRR_DEPTH) -> float:
    return next((1.0 / rank for rank, flag in enumerate(flags[:depth], 1) if flag), 0.0)


def ndcg(flags: list[bool], depth: int = NDCG_DEPTH) -> float:
    """Binary-relevance nDCG; the ideal ranking puts the relevant passages that were retrieved first
    (the number of relevant passages in the whole index is unknown)."""
    flags = flags[:depth]
    dcg = sum(1.0 / math.log2(rank + 1) for rank, flag in enumerate(flags, 1) if flag)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, sum(flags) + 1))
    return dcg / ideal if ideal else 0.0


# ---- answer metrics (SQuAD's normalisation) ------------------------------------------------------


def normalize_answer(text: str) -> str:
    text = "".join(c for c in text.lower() if c not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def exact_match(prediction: str, golds: Iterable[str]) -> float:
    return float(any(normalize_answer(prediction) == normalize_answer(g) for g in golds))


def token_f1(prediction: str, golds: Iterable[str]) -> float:
    best = 0.0
    predicted = normalize_answer(prediction).split()
    for gold in golds:
        wanted = normalize_answer(gold).split()
        common = sum((Counter(predicted) & Counter(wanted)).values())
        if common:
            precision, recall = common / len(predicted), common / len(wanted)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


ANSWER_MARKERS = re.compile(r"\s*\[\d{1,3}\]")


def answer_text(answer: Answer) -> str:
    """The answer as scored: the verified text without its [n] markers."""
    return ANSWER_MARKERS.sub("", answer.text).strip()


# ---- one run -------------------------------------------------------------------------------------


@dataclass
class EvalRun:
    ks: list[int]
    results: list[QuestionResult] = field(default_factory=list)
    total: int = 0
    interrupted: bool = False
    settings: dict = field(default_factory=dict)

    def metrics(self) -> dict:
        return summarize(self.results, self.ks, self.total, self.interrupted, self.settings)


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def summarize(results: list[QuestionResult], ks: list[int], total: int, interrupted: bool, settings: dict) -> dict:
    """Every metric over the questions measured so far; None where a metric has no questions."""
    answerable = [r for r in results if r.answerable]
    depth = max([*ks, MRR_DEPTH, NDCG_DEPTH])
    metrics: dict = {
        "questions": len(results), "questions_total": total, "answerable": len(answerable),
        "unanswerable": len(results) - len(answerable), "interrupted": interrupted, "settings": settings,
        "retrieval": {
            **{f"hit@{k}": _mean([hit_at(r.flags(depth), k) for r in answerable]) for k in ks},
            f"mrr@{MRR_DEPTH}": _mean([reciprocal_rank(r.flags(depth)) for r in answerable]),
            f"ndcg@{NDCG_DEPTH}": _mean([ndcg(r.flags(depth)) for r in answerable]),
            "latency_ms_p50": _round(percentile([r.retrieve_ms for r in results], 50)),
            "latency_ms_p95": _round(percentile([r.retrieve_ms for r in results], 95)),
        },
    }
    paged = [r for r in answerable if r.has_page]
    if paged:
        metrics["retrieval"].update({f"page_hit@{k}": _mean([hit_at(r.page_flags(depth), k) for r in paged]) for k in ks})
        metrics["retrieval"]["questions_with_page"] = len(paged)
    # the engine refuses before generating when no passage reaches min_relevance (unless the sentence that answers
    # does: rag.answer.answering_sentence_close; so these shares are upper bounds)
    floor = settings.get("min_relevance", -1.0)
    scored = [r for r in results if r.relevance is not None]
    for name, group in (("unanswerable", [r for r in scored if not r.answerable]), ("answerable", [r for r in scored if r.answerable])):
        metrics["retrieval"][f"refused_at_retrieval_{name}"] = _mean([float(r.relevance < floor) for r in group])
    if any(r.verified is not None for r in results):
        by_setting = {on: answer_metrics(results, on) for on in (True, False)}
        metrics["answers"] = by_setting[bool(settings.get("verify_citations", True))]
        metrics["answers_by_verification"] = {"on": by_setting[True], "off": by_setting[False]}
    return metrics


def answer_metrics(results: list[QuestionResult], verify_citations: bool) -> dict:
    """Answer metrics with citation verification on or off (both are scored from the same drafts)."""
    answered = [r for r in results if r.verified is not None]
    ok = [r for r in answered if r.answerable]
    no = [r for r in answered if not r.answerable]
    scores = [r.score(verify_citations) for r in ok]
    citations = sum(s.citations for s in scores)
    return {
        "exact_match": _mean([s.exact_match for s in scores if s.exact_match is not None]),
        "f1": _mean([s.f1 for s in scores if s.f1 is not None]),
        "answer_contains_gold": _mean([float(s.contains_gold) for s in scores if s.contains_gold is not None]),
        "citation_precision": round(sum(s.correct_citations for s in scores) / citations, 4) if citations else None,
        "citation_recall": _mean([float(bool(s.cited_gold)) for r, s in zip(ok, scores) if r.gold_offered]),
        "refusal_rate_unanswerable": _mean([float(r.score(verify_citations).refused) for r in no]),
        "false_refusal_rate_answerable": _mean([float(s.refused) for s in scores]),
        "latency_ms_p50": _round(percentile([r.answer_ms for r in answered if r.answer_ms is not None], 50)),
        "latency_ms_p95": _round(percentile([r.answer_ms for r in answered if r.answer_ms is not None], 95)),
        "errors": sum(r.error is not None for r in answered),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def run_settings(engine, answers: bool, options: dict, depth: int) -> dict:
    """What a run's figures depend on (ranking, and with answers the model and its prompt); a resumed
    run must match it."""
    settings = engine.settings
    generation = {"n_ctx": settings.n_ctx, "temperature": settings.temperature, "max_tokens": settings.max_tokens,
                  "prompts_dir": str(settings.prompts_dir) if settings.prompts_dir else None}
    return {
        "retrieval_mode": options.get("mode") or settings.retrieval_mode, "depth": depth, "answers": answers,
        "top_k": settings.top_k, "verify_citations": settings.verify_citations, "embedding_model": settings.embedding_model,
        "chunk_max_chars": settings.chunk_max_chars, "min_relevance": settings.min_relevance,
        "min_support": settings.min_support, "model": engine.model.name if answers else None,
        "candidates": settings.candidates, "fusion": settings.fusion, "dense_weight": settings.dense_weight,
        "rrf_k": settings.rrf_k, "mmr_lambda": settings.mmr_lambda, "reranker_model": settings.reranker_model,
        "ivf_nprobe": settings.ivf_nprobe, **(generation if answers else {}),
    }


def evaluate(
    engine,
    items: list[QAItem],
    *,
    ks: list[int],
    answers: bool = False,
    retrieve_options: dict | None = None,
    on_result: Callable[[QuestionResult], None] | None = None,
    done: list[QuestionResult] | None = None,
) -> EvalRun:
    """Run every question not already in ``done``; Ctrl-C stops the run and keeps what was measured
    (``interrupted``)."""
    ks = sorted(set(ks))
    depth = max([*ks, MRR_DEPTH, NDCG_DEPTH])
    options = retrieve_options or {}
    run = EvalRun(ks, list(done or []), total=len(items), settings=run_settings(engine, answers, options, depth))
    measured = {r.id for r in run.results}
    engine.retrieve("warm up", k=1)  # load the embedder and helper threads before anything is timed
    if answers:
        engine.model.count_tokens("warm up")  # and the chat model
    try:
        for item in items:
            if item.id in measured:
                continue
            result = measure(engine, item, depth, answers, options)
            run.results.append(result)
            if on_result:
                on_result(result)
    except KeyboardInterrupt:
        run.interrupted = True
    return run


def measure(engine, item: QAItem, depth: int, answers: bool, options: dict) -> QuestionResult:
    started = time.perf_counter()
    passages = engine.retrieve(item.question, k=depth, **options)
    retrieve_ms = (time.perf_counter() - started) * 1000
    ranks = [rank for rank, p in enumerate(passages, 1) if relevant(p, item)]
    page_ranks = [rank for rank in ranks if item.page is not None and item.page in passages[rank - 1].pages]
    top = passages[: engine.settings.top_k]
    # keyword mode scores no passage by cosine here (``ask`` embeds the question anyway): no figure then
    relevance = top_relevance(top) if any(p.dense_score is not None for p in top) or not top else None
    result = QuestionResult(item.id, item.question, item.answerable, ranks, page_ranks, retrieve_ms, item.page is not None,
                            relevance=relevance)
    if not answers:
        return result
    started = time.perf_counter()
    try:
        answer = engine.ask(item.question, **options)
    except Exception as exc:  # noqa: BLE001 - one failed question is recorded, the run goes on
        result.error = f"{type(exc).__name__}: {exc}"
        result.verified = result.unverified = AnswerScore("", True)
        if item.answers:
            result.verified.exact_match = result.verified.f1 = 0.0
            result.verified.contains_gold = False
        return result
    result.answer_ms = (time.perf_counter() - started) * 1000
    result.gold_offered = any(relevant(p, item) for p in answer.passages) if item.answerable else None
    on = engine.settings.verify_citations
    # the same draft settled the other way: the verification ablation costs no second generation
    settled_as = policy(engine.settings, model_name=engine.model.name)
    other = settle(copy.copy(answer), replace(settled_as, verify_citations=not on)) if answer.draft else answer
    result.verified, result.unverified = (score_answer(answer, item), score_answer(other, item))[:: 1 if on else -1]
    return result


def score_answer(answer: Answer, item: QAItem) -> AnswerScore:
    score = AnswerScore("" if answer.refused else answer_text(answer), answer.refused)
    if item.answers:
        score.exact_match = 0.0 if answer.refused else exact_match(score.answer, item.answers)
        score.f1 = 0.0 if answer.refused else token_f1(score.answer, item.answers)
        score.contains_gold = not answer.refused and any(squash(a) in squash(score.answer) for a in item.answers)
    if item.answerable:
        cited = [c for c in answer.citations if c.supported] if not answer.refused else []
        score.citations = len(cited)
        score.correct_citations = sum(relevant(c.passage, item) for c in cited)
        score.cited_gold = score.correct_citations > 0
    return score
