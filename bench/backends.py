"""Retrieval quality and ingest time of each embedding backend, on the corpora of bench/benchmarks.py.

    .venv/bin/python bench/backends.py [--backends torch,onnx-int8] [--work DIR] [--json PATH]

For each backend: SQuAD2 (16 dev + 20 test articles, every dev question) and PubMedQA (1,000
abstracts) are ingested at the default settings and searched in hybrid and dense mode with
bench/benchmarks.py's own code; one process per backend, one after another. The default backend
is int8 only if its SQuAD2 hybrid hit@5 and MRR@10 are within 0.005 of fp32's and PubMedQA's
within 0.01 (issue 16).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMITS = {"SQuAD2": 0.005, "PubMedQA": 0.01}


def measure(backend: str, work: Path) -> list[dict]:
    """Ingest and search both corpora with one backend (call in a process of its own)."""
    os.environ["RAG_EMBEDDING_BACKEND"] = backend
    from bench.benchmarks import build_index, pubmed_corpus, retrieval_rows, squad_items
    from bench.squad_corpus import load_articles, write_articles

    squad_docs, pubmed_docs = work / "squad", work / "pubmedqa"
    write_articles(load_articles(("dev", "test")), squad_docs)
    corpora = [("SQuAD2", squad_docs, squad_items(answerable_only=False)), ("PubMedQA", pubmed_docs, pubmed_corpus(pubmed_docs))]
    rows = []
    for label, docs, items in corpora:
        report = build_index(docs, work / f"index-{label}-{backend}")
        for row in retrieval_rows(work / f"index-{label}-{backend}", items, label, ["hybrid", "dense"]):
            rows.append({"backend": backend, "corpus": label, "mode": row["mode"], "hit@5": row["hit@5"],
                         "mrr@10": row["mrr@10"], "questions": row["questions"], "chunks": report.chunks,
                         "ingest_s": report.seconds})
    return rows


def verdict(rows: list[dict]) -> str:
    """Whether int8 stays within the limits of fp32 on hybrid search, corpus by corpus."""
    lines, ok = [], True
    for corpus, limit in LIMITS.items():
        fp32, int8 = ({r["backend"]: r for r in rows if r["corpus"] == corpus and r["mode"] == "hybrid"}.get(b) for b in ("torch", "onnx-int8"))
        if not (fp32 and int8):
            return "both backends are needed for a verdict"
        for metric in ("hit@5", "mrr@10"):
            delta = int8[metric] - fp32[metric]
            ok &= delta >= -limit
            lines.append(f"{corpus} hybrid {metric}: int8 - fp32 = {delta:+.4f} (limit -{limit})")
    return "\n".join(lines + [f"int8 {'qualifies' if ok else 'does not qualify'} as the default"])


def table(rows: list[dict]) -> str:
    out = ["| backend | corpus | mode | questions | chunks | ingest s | hit@5 | MRR@10 |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['backend']} | {r['corpus']} | {r['mode']} | {r['questions']} | {r['chunks']} | {r['ingest_s']:.1f} "
                   f"| {r['hit@5']:.4f} | {r['mrr@10']:.4f} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", default="torch,onnx-int8")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--json", type=Path, default=None, help="also save the rows here")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="rag-backends-"))
    if args.child:
        (work / f"{args.child}.json").write_text(json.dumps(measure(args.child, work)))
        return
    rows = []
    for backend in args.backends.split(","):
        subprocess.run([sys.executable, __file__, "--child", backend, "--work", str(work)], check=True)
        rows += json.loads((work / f"{backend}.json").read_text())
    print(table(rows))
    print(verdict(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
