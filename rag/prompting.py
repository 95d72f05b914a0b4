"""Prompt templates from ``prompts/`` and packing passages into the model's context window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rag.errors import ConfigError
from rag.injection import for_prompt
from rag.records import Passage

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
TEMPLATES = ("system", "user", "passage", "condense")
SAFETY_TOKENS = 32  # chat-template tokens around each message, counted generously


@dataclass(frozen=True)
class Prompts:
    system: str
    user: str
    passage: str
    condense: str

    @classmethod
    def load(cls, folder: Path | None = None) -> "Prompts":
        folder = Path(folder) if folder else PROMPTS_DIR
        texts = {}
        for name in TEMPLATES:
            path = folder / f"{name}.txt"
            try:
                texts[name] = path.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ConfigError(f"prompt template {path} cannot be read: {exc}") from exc
        prompts = cls(**texts)
        prompts.check()
        return prompts

    def check(self) -> None:
        """Render every template once with dummy values, so a typo fails at start-up, not mid-answer."""
        try:
            self.render_passage(1, _DUMMY)
            self.user.format(passages="", question="")
            self.condense.format(history="", question="")
        except (KeyError, IndexError, ValueError) as exc:
            raise ConfigError(f"a prompt template uses an unknown or malformed variable: {exc}") from exc

    def render_passage(self, n: int, passage: Passage) -> str:
        location = ""
        if passage.page is not None:
            location += f", page {passage.page}"
        if passage.heading_path:
            location += f", section {passage.heading}"
        return self.passage.format(n=n, source=Path(passage.source).name, location=location, text=for_prompt(passage.text))

    def answer_messages(self, question: str, passages: list[Passage]) -> list[dict]:
        rendered = "\n\n".join(self.render_passage(n, p) for n, p in enumerate(passages, start=1))
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": self.user.format(passages=rendered, question=question)},
        ]

    def condense_messages(self, history: list[tuple[str, str]], question: str) -> list[dict]:
        lines = []
        for asked, answered in history:
            lines.append(f"User: {asked}")
            lines.append(f"Assistant: {answered}")
        return [{"role": "user", "content": self.condense.format(history="\n".join(lines), question=question)}]


def pack(prompts: Prompts, question: str, passages: list[Passage], count_tokens, budget: int) -> tuple[list[Passage], list[Passage]]:
    """Keep passages in rank order while the whole prompt fits ``budget`` tokens; (kept, dropped).

    A passage that does not fit is dropped (never cut), and later, shorter ones may still fit.
    """
    base = count_tokens(prompts.system) + count_tokens(prompts.user.format(passages="", question=question)) + 2 * SAFETY_TOKENS
    used = base
    kept, dropped = [], []
    for passage in passages:
        cost = count_tokens(prompts.render_passage(len(kept) + 1, passage)) + 2
        if used + cost <= budget:
            kept.append(passage)
            used += cost
        else:
            dropped.append(passage)
    return kept, dropped


_DUMMY = Passage(
    chunk_id=0, source="x", text="t", page=1, pages=(1,), heading_path=("h",), char_start=0, char_end=1,
    file_type="txt", collection="c", score=0.0,
)
