"""`rag ingest FILE` into a big index, two code versions in alternation (A/B, one run).

On a machine whose speed drifts (a shared VM: the same code ran 1.5-2x slower from one hour to the
next), only versions timed in alternation compare. Each variant is a worktree of this repository
run with this virtual environment (``python -m rag.cli`` from the worktree, so its code is used,
parser workers included); the document is deleted again after each run.

    git worktree add /tmp/old <commit>
    .venv/bin/python -m bench.add_ab --index /tmp/million-int8/n1000000 --document /tmp/million-int8/ten-pages.pdf \\
        --rounds 5 old=/tmp/old new=.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _delete(index: Path, document: Path) -> None:
    code = ("import sys; from pathlib import Path; from bench.million import _delete; from rag.config import Settings; "
            "from rag.embed import Embedder; s = Settings(index_dir=Path(sys.argv[1])); "
            "_delete(s, Embedder.from_settings(s), Path(sys.argv[2]))")
    subprocess.run([sys.executable, "-c", code, str(index), str(document)], cwd=ROOT, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--document", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("variants", nargs="+", help="NAME=WORKTREE, timed in this order each round")
    args = parser.parse_args()
    variants = dict(v.split("=", 1) for v in args.variants)
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.rounds):
        for name, tree in variants.items():
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "rag.cli", "ingest", str(args.document), "--index", str(args.index),
                                   "--json"], cwd=Path(tree).resolve(), capture_output=True, text=True)
            took = time.perf_counter() - started
            report = json.loads(done.stdout.strip().splitlines()[-1])
            if report["added"] != 1:
                raise SystemExit(f"{name}: the document was not added ({report}); delete it from the index first")
            times[name].append(took)
            _delete(args.index, args.document)
            print(f"{name} {took:.2f} s", flush=True)
    for name, values in times.items():
        ordered = sorted(values)
        print(f"{name}: median {ordered[len(ordered) // 2]:.2f} s, min {ordered[0]:.2f}, max {ordered[-1]:.2f} "
              f"(runs {' '.join(f'{v:.2f}' for v in values)})")


if __name__ == "__main__":
    main()
