"""Who is affiliated with what, in a paper's first page: the author line's footnote marks read.

A paper's title page lists its authors with marks ("Zejiang Shen1, Ruochen Zhang2, Melissa Dell3")
and the institutions under the same marks ("1 Allen Institute for AI ... 2 Brown University").
Read as text, "Which institution is Zejiang Shen affiliated with?" has no sentence to answer it: the
name and the institution are a line apart and only a digit ties them. When the first page has at
least two marked authors and institutions under at least two of their marks, a paragraph saying it
in words is added after the affiliations: "The author Zejiang Shen is affiliated with Allen Institute
for AI." (one sentence per author), so search finds it and a quote can show it.
"""

from __future__ import annotations

import copy
import re

MAX_AUTHORS = 40
_MARK = r"(?:\d{1,2}|[∗*†‡§¶])"
# "Zejiang Shen1", "Shunyu Yao∗*,1", "Benjamin Charles Germain Lee4": two to four capitalised words, then marks
_AUTHOR = re.compile(rf"(?<![\w-])((?:[A-Z][\w'’.-]*[a-z][\w'’.-]*[ \t]+){{1,3}}[A-Z][\w'’.-]*[a-z])[ \t]?"
                     rf"({_MARK}(?:[ \t]?,?[ \t]?{_MARK}){{0,3}})"
                     r"(?=\s*(?:,|and\b|\(|$|\n))")
# "1 Allen Institute for AI", "2Google Research, Brain team": a number, then a capitalised name
_AFFILIATION = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\s?(?=[A-Z])")
_CUT = re.compile(r"\S*(?:@|\{|\}|https?:|www\.)")  # where an e-mail address or a web address starts
_LOWER_TAIL = re.compile(r"(?:\s+[a-z][\w.-]*)+\s*$")  # "Brown University ruochen zhang" (an address's start)


def author_affiliations(text: str) -> list[tuple[str, str]]:
    """(author, institution) pairs read from a title page's text; none unless two authors at least
    have an institution under their mark."""
    head = re.split(r"\b(?:Abstract|ABSTRACT)\b", text, maxsplit=1)[0]
    authors = [(m.group(1).strip(), re.findall(r"\d{1,2}", m.group(2)), m.end()) for m in _AUTHOR.finditer(head)]
    authors = [(name, marks, end) for name, marks, end in authors if marks][:MAX_AUTHORS]
    if len(authors) < 2:
        return []
    after = head[min(end for _, _, end in authors):]
    places: dict[str, str] = {}
    starts = list(_AFFILIATION.finditer(after))
    for found, following in zip(starts, [*starts[1:], None]):
        piece = after[found.end() : following.start() if following else len(after)]
        place = _LOWER_TAIL.sub("", _CUT.split(" ".join(piece.split()), maxsplit=1)[0]).strip(" ,;.")
        if found.group(1) not in places and place[:1].isupper():
            places[found.group(1)] = place
    pairs = [(name, "; ".join(places[m] for m in marks if m in places)) for name, marks, _ in authors]
    pairs = [(name, place) for name, place in pairs if place]
    return pairs if len(pairs) >= 2 else []


def with_affiliations(elements: list) -> list:
    """The elements with a paragraph naming each author's institution after the first page's
    affiliations, when they can be read (see ``author_affiliations``)."""
    from unstructured.documents.elements import NarrativeText

    first = [(i, e) for i, e in enumerate(elements) if (getattr(e.metadata, "page_number", None) or 1) == 1 and e.text]
    if not first:
        return elements
    pairs = author_affiliations("\n".join(e.text for _, e in first))
    if not pairs:
        return elements
    # after the last element that gives an institution (before the abstract)
    last = max((i for i, e in first if any(place.split(";")[0][:30] in " ".join(e.text.split()) for _, place in pairs)),
               default=first[-1][0])
    said = " ".join(f"The author {name} is affiliated with {place}." for name, place in pairs)
    paragraph = NarrativeText(said, metadata=copy.deepcopy(elements[last].metadata))
    return [*elements[: last + 1], paragraph, *elements[last + 1 :]]
