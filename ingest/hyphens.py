"""Words a PDF broke at the end of a line joined again: "ap- proximately", "detec-\ntion".

Justified text in manuals and papers breaks words with a hyphen; read line by line, the halves
match neither a question's words nor the search's ("detection area" against "detec- tion area"),
and a quote shows them broken. A half-word pair becomes one word when the embedding model's
vocabulary knows the whole word (or it without an -s, -es, -ed or -ing), or when it knows neither
half as a word; two known words keep their hyphen ("privacy- preserving" -> "privacy-preserving").
"""

from __future__ import annotations

import re
from collections.abc import Container

# a letter before the hyphen, a line end or one space after it, a lower-case word after that
_BROKEN = re.compile(r"(?<![\w-])([^\W\d_]+)-(?:[ \t]*\n[ \t]*| )([^\W\d_A-Z]+)(?![\w-])")
_NOT_A_HALF = frozenset({"and", "or", "nor", "to", "vs", "as", "the"})  # "pre- and post-processing"
_ENDINGS = ("", "s", "es", "ed", "ing")


def join_broken_words(text: str, vocabulary: Container[str]) -> str:
    def joined(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        if second in _NOT_A_HALF or not first[-1].islower():
            return match.group(0)
        whole = first + second
        lowered = whole.lower()
        if any(lowered.endswith(e) and lowered[: len(lowered) - len(e)] in vocabulary for e in _ENDINGS):
            return whole
        if first.lower() in vocabulary and second in vocabulary:
            return f"{first}-{second}"
        return whole

    return _BROKEN.sub(joined, text) if "-" in text else text
