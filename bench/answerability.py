"""Can the quote tell answerable SQuAD2 questions from unanswerable ones? A learned gate, measured.

The extractive quote (rag.answer.extract, the product's choice of sentence) answers most of SQuAD2's
unanswerable questions too: they were written against the paragraph, so a sentence holding most
of their words exists. This fits a logistic regression on features of the question and its best
quote over questions 1,000-3,000 of the seed-0 order of bench/answers.py, picks the cut-off that
keeps false refusals <= 0.20 there, and applies both to the first 1,000 (the sample of
docs/ask.md), for three feature sets: word overlap alone (the shipped threshold), generic
features (overlap, the quote passage's and the best passage's cosine to the question, the
quote sentence's cosine, names of the question missing from the passage), and those plus a
negation cue in the question ("not", "never", "least", ...), which is how SQuAD2's writers made
many questions unanswerable. No generation: the rows are what a quote-only policy would do.

With ``--by-article`` (all 6,078 questions) also judges that cannot have seen the article they score (``by_article``):
the generic features, those plus how rare the question's words missing from the quote are, and those plus the
question's and the sentence's embeddings (a judge learned from MiniLM's vectors).

    .venv/bin/python -m bench.answerability --work /tmp/bench-work [--by-article]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np

from bench.answers import sample

NEGATION = re.compile(r"\b(not|never|no|n't|least|fewest|without|except|rarely)\b", re.I)
TUNE = range(1000, 3000)
EVAL = range(0, 1000)


def quotes(work: Path, count: int, judged: bool = False) -> list[dict]:
    """For each question: answerable or not, and its best quote at any overlap with its features; with ``judged``
    also the question's and the sentence's embeddings and how rare the question's words the quote lacks are."""
    import rag
    from bench.chat import indexes
    from rag.answer import extract, relevant_enough
    from rag.cite import names
    from rag.terms import content_terms
    from rag.eval.run import relevant, squash

    rows = []
    with rag.open(indexes(work, {"squad"})["squad"], create=False) as engine:
        for item in sample(count):
            passages = engine.retrieve(item.question)
            found = extract(item.question, passages, 0.0) if relevant_enough(passages, engine.settings.min_relevance,
                                                                             item.question) else None
            row = {"answerable": item.answerable, "quote": found is not None, "source": item.source}
            if found:
                passage = passages[found.n - 1]
                sentence = passage.text[found.start : found.end]
                given = content_terms(" ".join(names(item.question)))
                pair = engine.embedder.encode([item.question, sentence])
                row.update(
                    overlap=found.overlap, dense=passage.dense_score or 0.0,
                    top_dense=max(p.dense_score or 0.0 for p in passages),
                    sentence_cosine=float(np.dot(pair[0], pair[1])),
                    names_missing=len(given - content_terms(passage.text) - content_terms(passage.heading or "")),
                    negation=float(bool(NEGATION.search(item.question))),
                    holds=bool(item.answers) and any(squash(a) in squash(found.shown) for a in item.answers),
                    right_passage=item.answerable and relevant(passage, item),
                )
                if judged:
                    row.update(vectors=[*(pair[0] * pair[1]).tolist(), *np.abs(pair[0] - pair[1]).tolist()],
                               **missing_words(engine, item.question, sentence, passage))
            rows.append(row)
    return rows


def missing_words(engine, question: str, sentence: str, passage) -> dict:
    """The question's key terms the quote (with its heading) lacks, and how rare they are in the collection (idf): a
    name swapped for another (SQuAD2's way of making a question unanswerable) is a rare word missing."""
    from rag.answer import key_terms
    from rag.terms import content_terms

    keyword = engine.index.keyword
    asked = key_terms(question)
    missing = asked - content_terms(sentence) - content_terms(passage.heading or "")

    def idf(term: str) -> float:
        return float(np.log((keyword.stats.n + 1) / (keyword.frequency(term) + 1)))

    rare = [idf(t) for t in missing]
    return {"missing": len(missing), "missing_idf_max": max(rare, default=0.0), "missing_idf_sum": sum(rare),
            "missing_idf_share": sum(rare) / max(sum(idf(t) for t in asked), 1e-6),
            "missing_nowhere": sum(keyword.frequency(t) == 0 for t in missing)}


def metrics(rows: list[dict], answered: list[bool]) -> dict:
    ok = [(r, a) for r, a in zip(rows, answered) if r["answerable"]]
    no = [a for r, a in zip(rows, answered) if not r["answerable"]]
    given = [r for r, a in ok if a]
    return {"holds_gold": round(sum(r["holds"] for r in given) / len(ok), 3),
            "citation_precision": round(sum(r["right_passage"] for r in given) / max(len(given), 1), 3),
            "false_refusals": round(1 - len(given) / len(ok), 3),
            "refused_unanswerable": round(1 - sum(no) / len(no), 3)}


FEATURES = {
    "word overlap": ["overlap"],
    "generic (overlap, cosines, missing names)": ["overlap", "dense", "top_dense", "sentence_cosine", "names_missing"],
    "generic + negation cue": ["overlap", "dense", "top_dense", "sentence_cosine", "names_missing", "negation"],
}


def gate(rows: list[dict], features: list[str]) -> dict:
    from sklearn.linear_model import LogisticRegression

    quoted = [i for i, r in enumerate(rows) if r["quote"]]
    x = np.array([[rows[i][f] for f in features] for i in quoted])
    y = np.array([rows[i]["answerable"] for i in quoted])
    tune = np.array([i in TUNE for i in quoted])
    model = LogisticRegression(max_iter=5000).fit(x[tune], y[tune])
    score = np.zeros(len(rows))
    score[quoted] = model.predict_proba(x)[:, 1]
    scored = [bool(r["quote"]) for r in rows]

    def answered(cut: float, part: range) -> list[bool]:
        return [scored[i] and score[i] >= cut for i in part]

    tune_rows = [rows[i] for i in TUNE]
    cuts = [c for c in np.linspace(0.2, 0.8, 241) if metrics(tune_rows, answered(c, TUNE))["false_refusals"] <= 0.20]
    cut = float(max(cuts))
    return {"cut": round(cut, 4), "coefficients": dict(zip(features, model.coef_[0].round(3).tolist())),
            "tune": metrics(tune_rows, answered(cut, TUNE)), "eval": metrics([rows[i] for i in EVAL], answered(cut, EVAL))}


ALL = 6078
GENERIC = ["overlap", "dense", "top_dense", "sentence_cosine", "names_missing"]
MISSING = ["missing", "missing_idf_max", "missing_idf_sum", "missing_idf_share", "missing_nowhere"]


def by_article(rows: list[dict]) -> dict:
    """Judges of the quote fitted on the questions after the first 1,000 of half the articles (target: the quote holds
    a gold answer), cut there for false refusals <= 0.20, and scored on the first 1,000's questions of the other half;
    both halves in turn. Unlike ``gate``, no judge scores an article it was fitted on."""
    from sklearn.linear_model import LogisticRegression

    half = {title: k % 2 for k, title in enumerate(sorted({r["source"] for r in rows}))}
    usable = [bool(r["quote"]) for r in rows]
    families = {"generic": lambda r: [r[f] for f in GENERIC],
                "generic + the rarity of the question's words the quote lacks": lambda r: [r[f] for f in GENERIC + MISSING],
                "generic + embeddings of question and sentence": lambda r: [r[f] for f in GENERIC] + r["vectors"]}
    result = {}
    for name, features in families.items():
        answered = [False] * EVAL.stop
        for fold in (0, 1):
            fit = [i for i in range(EVAL.stop, len(rows)) if half[rows[i]["source"]] != fold and usable[i]]
            x = np.array([features(rows[i]) for i in fit])
            mean, spread = x.mean(0), x.std(0) + 1e-6
            model = LogisticRegression(max_iter=5000).fit((x - mean) / spread, [rows[i]["holds"] for i in fit])

            def score(i: int) -> float:
                return float(model.predict_proba([(np.array(features(rows[i])) - mean) / spread])[0, 1])

            seen = [i for i in range(EVAL.stop, len(rows)) if half[rows[i]["source"]] != fold]
            scores = {i: score(i) for i in seen if usable[i]}
            cut = max(c for c in np.linspace(0.0, 0.9, 181) if metrics(
                [rows[i] for i in seen], [i in scores and scores[i] >= c for i in seen])["false_refusals"] <= 0.20)
            for i in range(EVAL.stop):
                if half[rows[i]["source"]] == fold and usable[i]:
                    answered[i] = score(i) >= cut
        result[name] = metrics(rows[: EVAL.stop], answered)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-work"))
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--by-article", action="store_true",
                        help="also the learned judges fitted on half the articles and scored on the other half (~4 min more)")
    args = parser.parse_args()
    rows = quotes(args.work, ALL if args.by_article else max(TUNE.stop, EVAL.stop), judged=args.by_article)
    result = {"shipped overlap >= 0.6": metrics(rows[: EVAL.stop], [r["quote"] and r["overlap"] >= 0.6 for r in rows[: EVAL.stop]])}
    result.update({name: gate(rows, features) for name, features in FEATURES.items()})
    if args.by_article:
        result["by article"] = by_article(rows)
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
