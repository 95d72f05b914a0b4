"""Abbreviations a document defines ("immunohistochemistry (IHC)", "gastroenteropancreatic neuroendocrine tumors
(GEP-NETs)"), found by the Schwartz-Hearst rule: the abbreviation's letters, read backwards, occur in order in the
words before the parenthesis, its first letter opening a word. A paper's later sentences use the short form
("93% of GEP-NET samples showed sst2a IHC positivity") for what a question says in full."""

from __future__ import annotations

import re

from rag.terms import content_terms

_DEFINED = re.compile(r"\(([A-Za-z][\w-]{0,11}?)s?\)")
MAX_WORDS = 10


def long_form(abbreviation: str, before: str) -> str | None:
    """The words before a parenthesis that the abbreviation stands for, or None."""
    letters = [c.lower() for c in abbreviation if c.isalnum()]
    if not 2 <= len(letters) <= 10 or sum(c.isupper() for c in abbreviation) < 2:
        return None  # "(n)", "(see)", "(sst2a)": not an abbreviation of words
    text = " ".join(before.split()[-min(len(letters) + 5, 2 * len(letters), MAX_WORDS):])
    at = len(text) - 1
    for i in range(len(letters) - 1, -1, -1):
        while at >= 0 and (text[at].lower() != letters[i] or (i == 0 and at > 0 and text[at - 1].isalnum())):
            at -= 1
        if at < 0:
            return None
        at -= 1
    start = text.rfind(" ", 0, at + 2) + 1
    found = text[start:].strip()
    return found if found and found.lower() != abbreviation.lower() else None


def defined_terms(text: str) -> dict[str, set[str]]:
    """Each abbreviation the text defines, with the content terms of what it stands for."""
    found = {}
    for match in _DEFINED.finditer(text):
        whole = long_form(match.group(1), text[max(0, match.start() - 200) : match.start()])
        if whole and (terms := content_terms(whole) - content_terms(match.group(1))):
            found[match.group(1)] = terms
    return found


def expanded(unit: str, definitions: dict[str, set[str]]) -> set[str]:
    """The terms the abbreviations a unit holds stand for."""
    return set().union(*(terms for short, terms in definitions.items()
                         if re.search(rf"(?<![\w-]){re.escape(short)}s?(?![\w-])", unit)))
