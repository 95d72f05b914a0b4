"""Time to first token and tokens/s: ``rag`` against raw ``llama_cpp.Llama`` on the same prompt.

Both sides use one and the same loaded ``Llama`` (the bundled GGUF), so the weights, threads and
memory are identical; the KV cache is reset before every run so neither side profits from the
other's prompt. Runs alternate (raw, rag, raw, rag, ...) so drift on a noisy machine hits both.

* raw: ``Llama.create_chat_completion(messages, stream=True)`` on the packed prompt that the engine
  builds for the question;
* rag model path: ``LlamaCppModel.stream`` (our lock and wrapper) on the same messages;
* rag end to end: ``Engine.stream(question)``: retrieval, packing, generation, verification; its
  first token comes after the retrieval, reported separately.

    .venv/bin/python -m bench.generation --runs 5
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
    from rag.engine import STOP
    from rag.records import Answer

    if not (index_dir / "manifest.json").exists():
        rag.open(index_dir, workers=1).ingest([ROOT / "sample_docs"])
    engine = rag.open(index_dir, create=False, max_tokens=max_tokens, min_relevance=-1.0)
    model = engine.model
    llama = model.llama
    rows = {"raw": [], "rag_model": [], "rag_engine": []}
    retrieve_ms = []
    for i in range(runs):
        for question in QUESTIONS:
            passages = engine.retrieve(question)
            messages = engine.prompts.answer_messages(question, passages)
            options = {"max_tokens": max_tokens, "temperature": 0.0, "stop": STOP}
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds over the questions")
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--index", type=Path, default=Path(tempfile.gettempdir()) / "rag-bench-generation")
    args = parser.parse_args()
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
