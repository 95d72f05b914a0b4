"""How to fuse dense and BM25 rankings: reciprocal rank fusion constants and weights, and score fusion,
chosen on half of the SQuAD2 dev articles and checked on the other half and on PubMedQA.

    .venv/bin/python bench/tune_fusion.py --squad-index DIR [--pubmed-index DIR]

The indexes are the ones bench/benchmarks.py builds (``--work DIR`` keeps them: DIR/index-squad-900,
DIR/index-pubmedqa-900). Candidates (top 50 of each search) are fetched once per question; every
fusion is then scored offline with the metric functions of ``rag.eval``.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchmarks import pubmed_corpus, squad_items  # noqa: E402
from rag.eval.run import from_source, hit_at, reciprocal_rank, squash  # noqa: E402

DEPTH = 50


def candidates(index_dir: Path, items) -> list[dict]:
    """Per question: dense and BM25 rankings (id, score) and the set of relevant ids among them."""
    import rag

    rows = []
    with rag.open(index_dir, create=False) as engine:
        for item in items:
            vector = engine.retriever.embed_query(item.question)
            dense = engine.index.search_ids(vector, DEPTH)
            keyword = engine.index.keyword.search(item.question, DEPTH, None)
            ids = list({i for i, _ in dense} | {i for i, _ in keyword})
            chunks = engine.index.catalog.get_chunks(ids)
            relevant = set()
            for i, chunk in chunks.items():
                probe = type("P", (), {"source": chunk.path})
                if from_source(probe, item.source) and (
                    item.answers is None or any(squash(a) in squash(chunk.text) for a in item.answers)
                ):
                    relevant.add(i)
            rows.append({"source": item.source, "dense": dense, "keyword": keyword, "relevant": relevant})
    return rows


def rrf_order(row: dict, k: int, w_keyword: float) -> list[int]:
    scores: dict[int, float] = {}
    for weight, ranking in ((1.0, row["dense"]), (w_keyword, row["keyword"])):
        for rank, (i, _) in enumerate(ranking, 1):
            scores[i] = scores.get(i, 0.0) + weight / (k + rank)
    return sorted(scores, key=lambda i: -scores[i])


def score_order(row: dict, alpha: float) -> list[int]:
    """Convex combination of min-max normalised scores (missing = 0)."""
    def normalised(ranking):
        if not ranking:
            return {}
        values = np.array([s for _, s in ranking], dtype=float)
        low, span = values.min(), (values.max() - values.min()) or 1.0
        return {i: (s - low) / span for i, s in ranking}

    dense, keyword = normalised(row["dense"]), normalised(row["keyword"])
    scores = {i: alpha * dense.get(i, 0.0) + (1 - alpha) * keyword.get(i, 0.0) for i in set(dense) | set(keyword)}
    return sorted(scores, key=lambda i: -scores[i])


def score(rows: list[dict], order_of) -> tuple[float, float]:
    hits, mrrs = [], []
    for row in rows:
        flags = [i in row["relevant"] for i in order_of(row)[:10]]
        hits.append(hit_at(flags, 5))
        mrrs.append(reciprocal_rank(flags))
    return float(np.mean(hits)), float(np.mean(mrrs))


def methods():
    yield "dense only", lambda r: [i for i, _ in r["dense"]]
    yield "bm25 only", lambda r: [i for i, _ in r["keyword"]]
    for k, w in itertools.product((5, 10, 20, 30, 60), (1.0, 1.5, 2.0, 3.0)):
        yield f"rrf k={k} w_bm25={w}", (lambda r, k=k, w=w: rrf_order(r, k, w))
    for alpha in (0.2, 0.3, 0.4, 0.5, 0.6):
        yield f"score alpha_dense={alpha}", (lambda r, a=alpha: score_order(r, a))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--squad-index", type=Path, required=True)
    parser.add_argument("--pubmed-index", type=Path, default=None)
    args = parser.parse_args()

    squad = candidates(args.squad_index, squad_items(answerable_only=True))
    titles = sorted({r["source"] for r in squad})
    tune_titles = set(titles[0::2])
    tune = [r for r in squad if r["source"] in tune_titles]
    check = [r for r in squad if r["source"] not in tune_titles]
    pubmed = []
    if args.pubmed_index:
        import tempfile

        pubmed = candidates(args.pubmed_index, pubmed_corpus(Path(tempfile.mkdtemp())))
    print(f"tune: {len(tune)} questions ({len(tune_titles)} articles); check: {len(check)}; PubMedQA: {len(pubmed)}")
    print(f"{'method':32} {'tune hit@5':>10} {'tune MRR':>9} {'check hit@5':>11} {'check MRR':>9} {'pubmed hit@5':>12} {'pubmed MRR':>10}")
    results = []
    for name, order_of in methods():
        t, c = score(tune, order_of), score(check, order_of)
        p = score(pubmed, order_of) if pubmed else (float("nan"), float("nan"))
        results.append((name, t, c, p))
        print(f"{name:32} {t[0]:10.4f} {t[1]:9.4f} {c[0]:11.4f} {c[1]:9.4f} {p[0]:12.4f} {p[1]:10.4f}", flush=True)
    best = max(results, key=lambda r: r[1][0] + r[1][1])
    print(f"\nbest on the tuning half (hit@5 + MRR): {best[0]}: check half {best[2][0]:.4f} / {best[2][1]:.4f}, "
          f"PubMedQA {best[3][0]:.4f} / {best[3][1]:.4f}")


if __name__ == "__main__":
    main()
