"""Step 2 of ``bench/tune_refusal.py``: the model's answers, replayed at every ``min_support`` threshold.

For each answer sentence and each passage given to the model: the support score and whether its
numbers and names occur in the passage (``rag.cite.check``), also for its leading clauses; the
tables of answers kept, incorrect answers refused and unanswerable questions refused per threshold,
and the what-if tables (boilerplate words as stop words, claims scored on their new words only).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import numpy as np

SUPPORT_GRID = [round(0.30 + 0.05 * i, 2) for i in range(13)]  # 0.30 .. 0.90


def normalize(text: str) -> str:
    return " ".join(text.lower().split())


def contains_gold(text: str, golds: list[str]) -> bool:
    from rag.cite import MARKER

    haystack = normalize(MARKER.sub(" ", text))
    return any(normalize(g) and normalize(g) in haystack for g in golds)


def pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def diagnose(sentence: str, passage) -> dict:
    """Support score, numbers/names check and what is missing, of one sentence against one passage."""
    from rag.cite import check, names, strip_markers
    from rag.terms import content_terms, numbers

    span, score, ok = check(sentence, passage, 0.0)
    quote = passage.text[span.start : span.end]
    claim = strip_markers(sentence)
    lowered = " ".join((passage.text, passage.heading, re.sub(r"[_\W]+", " ", Path(passage.source).stem))).lower()
    return {
        "score": round(score, 6),
        "specifics_ok": ok,
        "missing_terms": sorted(content_terms(claim) - content_terms(quote)),
        "missing_numbers": sorted(numbers(claim) - numbers(passage.text)),
        "missing_names": sorted(n for n in names(claim) if n not in lowered),
    }


def analyze(draft: str, passages: list, golds: list[str]) -> dict:
    """Sentences of a draft as ``rag.cite.verify`` splits them, each scored against every passage.

    ``verify`` also tries, for a sentence no passage supports, its leading clauses (``clause_prefixes``,
    longest first) and keeps the first one that is supported; so each sentence carries its candidates
    (the whole sentence, then those clauses), each with its best score among passages that pass the
    numbers/names check. A sentence is supported at threshold t when one of its candidates reaches t.
    """
    import rag.cite

    # an unreachable threshold: the split into claims without any clause trimming
    checked = rag.cite.verify(draft, passages, min_support=float("inf"))
    prefixes = getattr(rag.cite, "clause_prefixes", lambda text: [])
    sentences = []
    for s in checked.sentences:
        candidates = []
        for text in [s.text, *prefixes(s.text)]:
            per_passage = [diagnose(text, p) for p in passages]
            ok_scores = [d["score"] for d in per_passage if d["specifics_ok"]]
            candidates.append({"text": text, "passages": per_passage,
                               "best_ok": max(ok_scores) if ok_scores else None,  # best among passages passing the check
                               "has_gold": contains_gold(text, golds) if golds else None})
        sentences.append({
            "text": s.text,
            "cited": sorted({c.n for c in s.citations if c.origin == "model"}),
            "passages": candidates[0]["passages"],
            "best_ok": candidates[0]["best_ok"],
            "has_gold": candidates[0]["has_gold"],
            "candidates": candidates,
        })
    return {"declined": checked.declined, "sentences": sentences}


def stored_passages(record: dict) -> list:
    from rag.records import Passage

    return [Passage(p["chunk_id"], p["source"], p["text"], None, (), tuple(p["heading_path"]), 0, len(p["text"]), "md",
                    "default", 0.0) for p in record["passages"]]


def ask_all(engine, todo: list[tuple[str, str, dict]], cache: dict, out) -> None:
    """Ask each (key, kind, row) of the model; the records go into ``cache`` and, one JSON line each, to ``out``."""
    started = time.perf_counter()
    for i, (key, kind, row) in enumerate(todo, 1):
        answer = engine.ask(row["question"])
        golds = row.get("golds") or []
        record = {
            **row,
            "kind": kind,
            "draft": answer.draft,
            "engine_refused": answer.refused,
            "engine_reason": answer.refusal_reason,
            "correct": contains_gold(answer.draft, golds) if golds else None,
            "gold_in_passages": any(contains_gold(p.text, golds) for p in answer.passages) if golds else None,
            "passages": [{"chunk_id": p.chunk_id, "source": p.source, "heading_path": list(p.heading_path), "text": p.text}
                         for p in answer.passages],
            **analyze(answer.draft, answer.passages, golds),
            "seconds": answer.timings.total_ms / 1000,
        }
        cache[key] = record
        out.write(json.dumps({"key": key, "record": record}) + "\n")
        out.flush()
        if i % 25 == 0 or i == len(todo):
            print(f"  {i}/{len(todo)} asked, {time.perf_counter() - started:.0f} s", flush=True)


def what_if_table(replayed: list[dict], title: str) -> None:
    correct = [r for r in replayed if r["kind"] == "answerable" and r["correct"]]
    incorrect = [r for r in replayed if r["kind"] == "answerable" and not r["correct"]]
    unanswerable = [r for r in replayed if r["kind"] == "unanswerable"]
    offtopic = [r for r in replayed if r["kind"] == "offtopic"]
    print(f"\nwhat if {title}")
    print("threshold | correct kept % | incorrect refused % | unanswerable refused % | off-topic refused % | J")
    for t in SUPPORT_GRID:
        kc = np.mean([kept(r, t) for r in correct]) if correct else 0.0
        ki = np.mean([kept(r, t) for r in incorrect]) if incorrect else 0.0
        ku = np.mean([kept(r, t) for r in unanswerable]) if unanswerable else 0.0
        ko = np.mean([kept(r, t) for r in offtopic]) if offtopic else 0.0
        print(f"{t:9.2f} | {pct(kc):>14} | {pct(1 - ki):>19} | {pct(1 - ku):>22} | {pct(1 - ko):>19} | {kc - ki:+.3f}")


def what_if_stopwords(records: list[dict], extra: set[str]) -> None:
    """The support table again with ``extra`` words added to rag.cite's stop words (the module is patched
    in this process only), to see what the model's boilerplate ("The answer is: ...") costs."""
    import rag.cite

    saved = rag.cite.STOPWORDS
    rag.cite.STOPWORDS = saved | frozenset(extra)
    try:
        replayed = [{**r, **analyze(r["draft"], stored_passages(r), r.get("golds") or [])} for r in records]
    finally:
        rag.cite.STOPWORDS = saved
    what_if_table(replayed, f"these were stop words too: {' '.join(sorted(extra))}")


def what_if_new_terms(records: list[dict]) -> None:
    """The support table again with a claim scored on its *new* content words only: those not already in
    the question (a sentence that only restates the question supports nothing). Same quote windows
    (1-3 sentences of the passage) and the same numbers/names check as rag.cite."""
    from rag.cite import check, sentence_spans, support
    from rag.terms import content_terms

    def score(text: str, question_terms: set[str], passages: list) -> float | None:
        terms = content_terms(text) - question_terms
        best = None
        for p in passages:
            if not check(text, p, 0.0)[2]:
                continue
            spans = sentence_spans(p.text) or []
            value = 0.0
            if terms:
                for size in (1, 2, 3):
                    for i in range(len(spans) - size + 1):
                        value = max(value, support(terms, p.text[spans[i].start : spans[i + size - 1].end]))
            best = value if best is None else max(best, value)
        return best

    replayed = []
    for r in records:
        passages, q = stored_passages(r), content_terms(r["question"])
        sentences = [{"candidates": [{"best_ok": score(c["text"], q, passages), "has_gold": c["has_gold"]}
                                     for c in s["candidates"]]} for s in r["sentences"]]
        replayed.append({**r, "sentences": sentences})
    what_if_table(replayed, "a claim were scored only on its words that are not in the question")


def kept_claim(sentence: dict, t: float) -> dict | None:
    """What the engine keeps of a sentence at threshold t: the whole sentence or its longest supported
    leading clause, or None."""
    for candidate in sentence["candidates"]:
        if candidate["best_ok"] is not None and candidate["best_ok"] >= t:
            return candidate
    return None


def kept(record: dict, t: float) -> bool:
    """The engine's rule: an answer survives when one of its sentences (or a leading clause) is supported."""
    return any(kept_claim(s, t) for s in record["sentences"])


def kept_text_has_gold(record: dict, t: float) -> bool:
    return any((c := kept_claim(s, t)) and c["has_gold"] for s in record["sentences"])


def trimmed(record: dict, t: float) -> bool:
    return any((c := kept_claim(s, t)) and c is not s["candidates"][0] for s in record["sentences"])


def support_report(records: list[dict], configured: float, min_relevance: float) -> dict:
    answerable = [r for r in records if r["kind"] == "answerable"]
    unanswerable = [r for r in records if r["kind"] == "unanswerable"]
    offtopic = [r for r in records if r["kind"] == "offtopic"]
    correct = [r for r in answerable if r["correct"]]
    incorrect = [r for r in answerable if not r["correct"]]
    declined = [r for r in incorrect if not r["sentences"]]
    mismatch = [r for r in records if kept(r, configured) == r["engine_refused"]]
    secs = [r["seconds"] for r in records]

    print("\n== support: bundled model, min_relevance=-1, verify_citations=True ==")
    print(f"answerable {len(answerable)}: draft contains a gold answer {len(correct)}, not {len(incorrect)} "
          f"(of which {len(declined)} declined or wrote no claim); gold in the passages given: "
          f"{sum(r['gold_in_passages'] for r in answerable)}; unanswerable {len(unanswerable)} "
          f"(declined or no claim: {sum(not r['sentences'] for r in unanswerable)}); off-topic questions that "
          f"pass min_relevance={min_relevance:.3f}: {len(offtopic)} (declined or no claim: "
          f"{sum(not r['sentences'] for r in offtopic)})")
    print(f"model time per question: median {np.median(secs):.2f} s, mean {np.mean(secs):.2f} s")
    print(f"replay check at the configured min_support={configured}: {len(mismatch)} disagreements with the engine")

    print("\nthreshold | correct kept % | kept with gold sentence % | incorrect refused % | unanswerable refused % | "
          "precision of kept answerable % | off-topic refused % | J = kept correct - kept incorrect")
    table = []
    for t in SUPPORT_GRID:
        kc = np.mean([kept(r, t) for r in correct]) if correct else 0.0
        kg = np.mean([kept_text_has_gold(r, t) for r in correct]) if correct else 0.0
        ki = np.mean([kept(r, t) for r in incorrect]) if incorrect else 0.0
        ku = np.mean([kept(r, t) for r in unanswerable]) if unanswerable else 0.0
        ko = np.mean([kept(r, t) for r in offtopic]) if offtopic else 0.0
        n_kept_c, n_kept_i = sum(kept(r, t) for r in correct), sum(kept(r, t) for r in incorrect)
        precision = n_kept_c / (n_kept_c + n_kept_i) if n_kept_c + n_kept_i else 0.0
        row = {"threshold": t, "correct_kept": float(kc), "correct_kept_gold_sentence": float(kg),
               "incorrect_refused": float(1 - ki), "unanswerable_refused": float(1 - ku), "offtopic_refused": float(1 - ko),
               "precision": float(precision), "j": float(kc - ki), "j_with_unanswerable": float(kc - (ki * len(incorrect) + ku * len(unanswerable)) / max(1, len(incorrect) + len(unanswerable)))}
        table.append(row)
        print(f"{t:9.2f} | {pct(kc):>14} | {pct(kg):>25} | {pct(1 - ki):>19} | {pct(1 - ku):>22} | "
              f"{pct(precision):>30} | {pct(1 - ko):>19} | {kc - ki:+.3f}")
    best = max(table, key=lambda r: (round(r["j"], 9), -r["threshold"]))
    best_u = max(table, key=lambda r: (round(r["j_with_unanswerable"], 9), -r["threshold"]))
    # how stable is that choice? resample the answerable questions (1000 times) and see which threshold wins
    grid = np.array(SUPPORT_GRID)
    k_c = np.array([[kept(r, t) for t in grid] for r in correct], dtype=float).reshape(len(correct), len(grid))
    k_i = np.array([[kept(r, t) for t in grid] for r in incorrect], dtype=float).reshape(len(incorrect), len(grid))
    rng = np.random.default_rng(0)
    wins, diffs = np.zeros(len(grid)), []
    i_best, i_conf = SUPPORT_GRID.index(best["threshold"]), int(np.argmin(np.abs(grid - configured)))
    for _ in range(1000 if len(correct) and len(incorrect) else 0):
        j = k_c[rng.integers(0, len(correct), len(correct))].mean(0) - k_i[rng.integers(0, len(incorrect), len(incorrect))].mean(0)
        wins[int(np.argmax(j))] += 1  # argmax takes the lowest threshold on ties
        diffs.append(j[i_best] - j[i_conf])
    if diffs:
        print("bootstrap (1000 resamples of the answerable questions), share of resamples each threshold has the best J: "
              + ", ".join(f"{t:.2f}: {w / 10:.0f} %" for t, w in zip(grid, wins) if w))
        print(f"J({grid[i_best]:.2f}) - J({grid[i_conf]:.2f}): {np.mean(diffs):+.3f}, 95 % interval "
              f"{np.percentile(diffs, 2.5):+.3f}..{np.percentile(diffs, 97.5):+.3f}")
    print(f"\nbest J (answerable only): min_support={best['threshold']:.2f} (J={best['j']:+.3f}); counting answers to "
          f"unanswerable questions as incorrect too: {best_u['threshold']:.2f} (J={best_u['j_with_unanswerable']:+.3f})")

    # why correct answers fail, at the chosen and at the configured threshold
    for t in sorted({best["threshold"], configured}):
        lost = [r for r in correct if not kept(r, t)]
        print(f"\ncorrect answers refused at min_support={t:.2f}: {len(lost)} of {len(correct)}")
        reasons = {"score below threshold": 0, "numbers/names check failed": 0}
        for r in lost:
            for s in r["sentences"]:
                best_p = max(s["passages"], key=lambda d: d["score"], default=None)
                if best_p is None:
                    continue
                reasons["numbers/names check failed" if best_p["score"] >= t and not best_p["specifics_ok"]
                        else "score below threshold"] += 1
        print(f"  their sentences: {reasons}")
        for r in lost[:8]:
            print(f"  Q: {r['question'][:100]}  gold: {r['golds'][0][:40]!r}")
            print(f"    draft: {r['draft'][:160]!r}")
            for s in r["sentences"][:2]:
                d = max(s["passages"], key=lambda d: d["score"], default=None)
                if d:
                    print(f"    sentence score {d['score']:.2f} check {'ok' if d['specifics_ok'] else 'FAILED'}; missing terms "
                          f"{d['missing_terms'][:8]} names {d['missing_names']} numbers {d['missing_numbers']}")
    t = best["threshold"]
    print(f"\nkept at min_support={t:.2f} only because a leading clause was supported (rag.cite clause trimming): "
          f"{sum(kept(r, t) and trimmed(r, t) and not any(s['best_ok'] is not None and s['best_ok'] >= t for s in r['sentences']) for r in correct)} correct, "
          f"{sum(kept(r, t) and trimmed(r, t) and not any(s['best_ok'] is not None and s['best_ok'] >= t for s in r['sentences']) for r in incorrect)} incorrect, "
          f"{sum(kept(r, t) and trimmed(r, t) and not any(s['best_ok'] is not None and s['best_ok'] >= t for s in r['sentences']) for r in unanswerable)} unanswerable")
    wrong_kept = [r for r in incorrect if kept(r, best["threshold"])]
    print(f"\nincorrect answers kept at min_support={best['threshold']:.2f}: {len(wrong_kept)} of {len(incorrect)}")
    for r in wrong_kept[:6]:
        print(f"  Q: {r['question'][:100]}  gold: {r['golds'][0][:40]!r}\n    draft: {r['draft'][:160]!r}")
    un_kept = [r for r in unanswerable if kept(r, best["threshold"])]
    print(f"\nunanswerable questions answered at min_support={best['threshold']:.2f}: {len(un_kept)} of {len(unanswerable)}")
    for r in un_kept[:6]:
        print(f"  Q: {r['question'][:100]}\n    draft: {r['draft'][:160]!r}")
    off_kept = [r for r in offtopic if kept(r, best["threshold"])]
    print(f"\noff-topic questions past min_relevance={min_relevance:.3f} answered at min_support={best['threshold']:.2f}: "
          f"{len(off_kept)} of {len(offtopic)}")
    for r in off_kept[:6]:
        print(f"  Q: {r['question'][:100]}\n    draft: {r['draft'][:160]!r}")
    return {"table": table, "chosen": best["threshold"], "chosen_with_unanswerable": best_u["threshold"],
            "n_correct": len(correct), "n_incorrect": len(incorrect), "n_declined": len(declined),
            "n_unanswerable": len(unanswerable), "replay_mismatches": len(mismatch),
            "median_seconds": float(np.median(secs))}
