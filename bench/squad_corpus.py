"""SQuAD 2.0 articles as documents (one Markdown file per article), for benchmarks and tests.

Reads ``../shared/datasets/squad2_cs224n_dev`` in place (CC BY-SA 4.0); writes nothing into the repo.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

SQUAD_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "squad2_cs224n_dev"


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: tuple[str, ...]
    questions: tuple[tuple[str, tuple[str, ...]], ...]  # (question, gold answers); empty = unanswerable

    @property
    def filename(self) -> str:
        return re.sub(r"[^A-Za-z0-9_-]+", "_", self.title) + ".md"

    def markdown(self) -> str:
        return f"# {self.title.replace('_', ' ')}\n\n" + "\n\n".join(self.paragraphs) + "\n"


def load_articles(splits: tuple[str, ...] = ("dev", "test"), squad_dir: Path = SQUAD_DIR) -> list[Article]:
    articles = []
    for split in splits:
        data = json.loads((squad_dir / f"{split}-v2.0.json").read_text(encoding="utf-8"))["data"]
        for item in data:
            questions = tuple(
                (qa["question"], tuple(a["text"] for a in qa.get("answers", [])))
                for p in item["paragraphs"] for qa in p["qas"]
            )
            articles.append(Article(item["title"], tuple(p["context"] for p in item["paragraphs"]), questions))
    return articles


def write_articles(articles: list[Article], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / article.filename
        path.write_text(article.markdown(), encoding="utf-8")
        paths.append(path)
    return paths
