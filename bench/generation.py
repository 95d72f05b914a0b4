"""Time to first token and tokens/s: ``rag`` against raw ``llama_cpp.Llama`` on the same prompt;
and with ``--answers``, the whole answer time with the default settings.

Both sides use one and the same loaded ``Llama`` (the bundled GGUF), so the weights, threads and
memory are identical; the KV cache is reset before every run so neither side profits from the
other's prompt. Runs alternate (raw, rag, raw, rag, ...) so drift on a noisy machine hits both.

* raw: ``Llama.create_chat_completion(messages, stream=True)`` on the packed prompt that the engine
  builds for the question;
* rag model path: ``LlamaCppModel.stream`` (our lock and wrapper) on the same messages;
* rag end to end: ``Engine.stream(question)``: retrieval, packing, generation, verification; its
  first token comes after the retrieval, reported separately (the model asked for every question,
  ``generate_when_quoted``).

    .venv/bin/python -m bench.generation --runs 5
    .venv/bin/python -m bench.generation --answers --runs 3   # answer p50 (goal <= 2.0 s)

``--answers``: twelve questions about sample_docs/, each answered by ``Engine.ask`` with the default
settings (the model reads the sentences around each hit, repeat penalty, verification; with the bundled model it
is not asked when a passage sentence answers, which is then the answer), by the engine with the model asked for
every question (``generate_when_quoted``), and in the
same run by raw llama.cpp on the engine's own prompt and on the prompt of whole passages that the
engine sent before (same max_tokens and stops): whole seconds per answer, p50 and p95.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

QUESTIONS = [
    "What is the chlorine contact time?",
    "How long is the downtime of the database migration?",
    "What is the mileage rate?",
    "What is the name of the sourdough starter?",
]
ROOT = Path(__file__).resolve().parent.parent


def timed(pieces) -> tuple[float, int, float]:
    """(seconds to first piece, pieces, seconds in all) of a stream."""
    start = time.perf_counter()
    first, count = None, 0
    for _ in pieces:
        if first is None:
            first = time.perf_counter() - start
        count += 1
    return first or 0.0, count, time.perf_counter() - start


def rate(count: int, first: float, total: float) -> float:
    """Decode speed: pieces after the first over the time after the first."""
    return (count - 1) / (total - first) if count > 1 and total > first else 0.0


def run(runs: int, index_dir: Path, max_tokens: int) -> dict:
    import rag
    from rag.answer import focus
    from rag.engine import STOP
    from rag.records import Answer

    if not (index_dir / "manifest.json").exists():
        rag.open(index_dir, workers=1).ingest([ROOT / "sample_docs"])
    # the model is asked for every question, also those whose answer is the quote (the time to its first token)
    engine = rag.open(index_dir, create=False, max_tokens=max_tokens, min_relevance=-1.0, generate_when_quoted=True)
    model = engine.model
    llama = model.llama
    rows = {"raw": [], "rag_model": [], "rag_engine": []}
    retrieve_ms = []
    for i in range(runs):
        for question in QUESTIONS:
            passages = [focus(question, p, engine.settings.focus_chars) for p in engine.retrieve(question)]
            messages = engine.prompts.answer_messages(question, passages)  # what the engine sends
            options = {"max_tokens": max_tokens, "temperature": 0.0, "stop": STOP, "repeat_penalty": engine.settings.repeat_penalty}
            order = ["raw", "rag_model", "rag_engine"] if i % 2 == 0 else ["rag_engine", "rag_model", "raw"]
            for side in order:
                llama.reset()
                if side == "raw":
                    stream = (
                        c for c in llama.create_chat_completion(messages, stream=True, **options)
                        if c["choices"][0]["delta"].get("content")
                    )
                    rows[side].append(timed(stream))
                elif side == "rag_model":
                    rows[side].append(timed(model.stream(messages, **options)))
                else:
                    answer = None

                    def pieces(question: str = question):
                        nonlocal answer
                        for event in engine.stream(question):
                            if isinstance(event, Answer):
                                answer = event
                            else:
                                yield event

                    rows[side].append(timed(pieces()))
                    retrieve_ms.append(answer.timings.retrieve_ms)
    engine.close()
    summary = {}
    for side, values in rows.items():
        summary[side] = {
            "ttft_ms": statistics.median(v[0] for v in values) * 1000,
            "tokens_per_s": statistics.median(rate(v[1], v[0], v[2]) for v in values),
            "pieces": statistics.median(v[1] for v in values),
        }
    summary["retrieve_ms"] = statistics.median(retrieve_ms)
    return summary


ANSWER_QUESTIONS = [
    *QUESTIONS,
    "How much rain fell in March 2024?",
    "When is the Project Osprey launch?",
    "What is the flight time of the Aurora X2 drone?",
    "When does the Riverside branch close on Saturday?",
    "How many hex widgets W-778 are in stock?",
    "Who is the on-call engineer for the database migration?",
    "What is the daily meal allowance within the European Union?",
    "How often is the sourdough starter fed?",
]


def answer_times(runs: int, index_dir: Path) -> dict:
    """Seconds per whole answer: the engine with default settings, raw llama.cpp on its prompt and
    on whole passages (what the engine sent before it focused on the sentences around each hit)."""
    import rag
    from rag.answer import focus
    from rag.engine import STOP
    from rag.prompting import pack

    if not (index_dir / "manifest.json").exists():
        rag.open(index_dir, workers=1).ingest([ROOT / "sample_docs"])
    engine = rag.open(index_dir, create=False)
    asking = rag.open(index_dir, create=False, model=engine.model, embedder=engine.embedder, generate_when_quoted=True)
    settings = engine.settings
    llama = engine.model.llama
    budget = engine.model.n_ctx - settings.max_tokens
    options = {"max_tokens": settings.max_tokens, "temperature": settings.temperature, "stop": STOP,
               "repeat_penalty": settings.repeat_penalty}
    rows: dict[str, list[float]] = {"rag answer": [], "rag answer, model always asked": [], "raw, same prompt": [],
                                    "raw, whole passages": []}
    for i in range(runs):
        for question in ANSWER_QUESTIONS:
            passages = engine.retrieve(question)
            shown = [focus(question, p, settings.focus_chars) for p in passages]
            prompts = {
                "raw, same prompt": engine.prompts.answer_messages(question, pack(engine.prompts, question, shown,
                                                                               engine.model.count_tokens, budget)[0]),
                "raw, whole passages": engine.prompts.answer_messages(question, pack(engine.prompts, question, passages,
                                                                                  engine.model.count_tokens, budget)[0]),
            }
            order = list(rows) if i % 2 == 0 else list(rows)[::-1]
            for side in order:
                started = time.perf_counter()
                if side == "rag answer":
                    engine.ask(question)
                elif side == "rag answer, model always asked":
                    asking.ask(question)
                else:
                    llama.reset()
                    for _ in llama.create_chat_completion(prompts[side], stream=True, **options):
                        pass
                rows[side].append(time.perf_counter() - started)
    asking.close()
    engine.close()
    return {side: {"p50_s": statistics.median(v), "p95_s": sorted(v)[int(0.95 * (len(v) - 1))], "n": len(v)}
            for side, v in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds over the questions")
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--index", type=Path, default=Path(tempfile.gettempdir()) / "rag-bench-generation")
    parser.add_argument("--answers", action="store_true", help="whole answers with the default settings instead")
    args = parser.parse_args()
    if args.answers:
        result = answer_times(args.runs, args.index)
        for side, r in result.items():
            print(f"{side:31} p50 {r['p50_s']:.2f} s  p95 {r['p95_s']:.2f} s  ({r['n']} answers)")
        print(f"rag answer p50 / raw on the same prompt: {result['rag answer']['p50_s'] / result['raw, same prompt']['p50_s']:.2f}"
              f"; model always asked / raw: "
              f"{result['rag answer, model always asked']['p50_s'] / result['raw, same prompt']['p50_s']:.2f}"
              f"; whole passages / focused (raw): "
              f"{result['raw, whole passages']['p50_s'] / result['raw, same prompt']['p50_s']:.2f} (goal: rag p50 <= 2.0 s)")
        return
    result = run(args.runs, args.index, args.max_tokens)
    raw = result["raw"]
    print(f"{'':12} {'TTFT ms':>9} {'tokens/s':>9} {'TTFT ratio':>11} {'tok/s ratio':>12}")
    for side in ("raw", "rag_model", "rag_engine"):
        r = result[side]
        print(
            f"{side:12} {r['ttft_ms']:9.1f} {r['tokens_per_s']:9.1f} "
            f"{r['ttft_ms'] / raw['ttft_ms']:11.3f} {r['tokens_per_s'] / raw['tokens_per_s']:12.3f}"
        )
    print(f"median retrieval inside rag_engine: {result['retrieve_ms']:.1f} ms (before the prompt is sent)")
    model_overhead = result["rag_model"]["ttft_ms"] / raw["ttft_ms"] - 1
    print(f"model-path overhead on time to first token: {model_overhead * 100:+.1f} % (goal <= 5 %)")


if __name__ == "__main__":
    main()
