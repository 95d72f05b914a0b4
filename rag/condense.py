"""Chat follow-ups: decide whether a question needs the history, and check a model's rewrite of it.

A question is condensed with the history only when it cannot stand alone: it opens with an
ellipsis ("And on Sunday?", "What about Old Town?"), leans on a pronoun ("Who founded it?") or
has almost no content words of its own ("Why?"). Everything else, a topic switch above all, is
searched and answered exactly as if it were asked alone.

A follow-up is written out by rules first (``rule_rewrite``): "And on Sunday?" puts Sunday in the
place of Saturday in the previous question, "What about Old Town?" puts Old Town in the place of
its name, "it", "he", "there" become what the previous turn was about, and a closing "then" its time
("on Sunday"). These need no model, take no time and cannot drift; the bundled 135M model cannot
rewrite questions at all (measured: every rewrite it made was a statement about something else).
What the rules cannot place goes to the model, whose rewrite is taken only when it keeps every
content word of the question, does not copy the history's answers, and is still a question;
otherwise the previous question and the follow-up together are searched, which never loses what
the person asked.
"""

from __future__ import annotations

import re

from rag.terms import MONTHS, STOPWORDS, WEEKDAYS, content_terms

# openings that only make sense after something else was said
_ELLIPSIS = re.compile(
    r"^\s*(?:and|or|but|also|so|then|what about|how about|what of|same for|and what about|and how about|"
    r"what else|anything else|why not|how come)\b",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:it|its|it's|he|him|his|she|her|hers|they|them|their|theirs|this one|that one|"
                      r"these|those|there|then|the same)\b", re.I)
_QUESTION_START = re.compile(
    r"^\s*(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would|should|"
    r"has|have|had|shall|may|might|must|name|list|give|tell|describe|explain)\b",
    re.I,
)
# a question with more content words than this names its own subject, pronoun or not
_SELF_CONTAINED_TERMS = 4
COPY_NGRAM = 5


def needs_history(question: str) -> bool:
    """True when the question cannot be understood without the conversation before it."""
    terms = content_terms(question)
    if _ELLIPSIS.search(question):
        return True
    if len(terms) <= 1:
        return True
    return bool(_PRONOUN.search(question)) and len(terms) < _SELF_CONTAINED_TERMS


FALLBACK_CHARS = 300  # of the previous question: a chain of follow-ups does not grow without end


def fallback_query(question: str, history: list[tuple[str, str]]) -> str:
    """The previous question and the follow-up together: what is searched when no rewrite is usable."""
    if not history:
        return question
    previous = history[-1][0].strip()
    if len(previous) > FALLBACK_CHARS:
        previous = previous[-FALLBACK_CHARS:].split(" ", 1)[-1]
    if previous and previous[-1] not in ".?!":
        previous += "?"  # typed without its question mark: the follow-up is still the question asked now
    return f"{previous} {question}"


def accept_rewrite(rewrite: str, question: str, history: list[tuple[str, str]]) -> str | None:
    """The rewrite cleaned up (a role label and sentences before the question dropped), or None when it must not
    replace the question: it drops a content word of the question, copies an answer from the history, is not a
    question, or names a day, month or year the question before it did not (``_other_time``)."""
    text = " ".join(rewrite.split()).strip()
    text = re.sub(r"^(?:standalone question|rewritten question|rewritten|question|user|assistant)\s*:\s*", "", text, flags=re.I)
    text = text.strip('"').strip()
    said = text  # "I'm not sure. Can you tell me ...?": the question, not what the model said before it
    text = re.split(r"(?<=[.!])\s+(?=[A-Z])", text)[-1] if text.endswith("?") else text
    if _other_time(text, question, history):
        return None
    if not text or len(text) > 2 * len(fallback_query(question, history)) + 40:
        return None
    if not (text.endswith("?") or _QUESTION_START.search(text)):
        return None
    if not content_terms(question) <= content_terms(text) or content_terms(text) == content_terms(question):
        return None  # drops the question's words, or adds nothing to them ("What position did he hold?")
    asked = " ".join(q for q, _ in history) + " " + question
    if any(_shared_ngram(said, answer, asked) for _, answer in history):
        return None
    return text


def _other_time(rewrite: str, question: str, history: list[tuple[str, str]]) -> bool:
    """The rewrite names a day, month or year that neither the follow-up nor the question just before it names,
    though that question names one of the same kind: "Which branch is open then?" after "Is Elm Street open on
    Sunday?" is not about Saturday, whatever was asked two turns ago."""
    if not history:
        return False
    previous = history[-1][0]
    for pattern in _SLOTS.values():
        said = {m.group(0).lower() for m in pattern.finditer(previous)} | {m.group(0).lower() for m in pattern.finditer(question)}
        if said and {m.group(0).lower() for m in pattern.finditer(rewrite)} - said:
            return True
    return False


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _shared_ngram(text: str, answer: str, asked: str, n: int = COPY_NGRAM) -> bool:
    """True when ``text`` repeats ``n`` consecutive words of ``answer`` that none of the questions contain."""
    def grams(words: list[str]) -> set[tuple[str, ...]]:
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    return bool((grams(_words(text)) & grams(_words(answer))) - grams(_words(asked)))


# ---- rules ----------------------------------------------------------------------------------------

_DAYS = [*WEEKDAYS, "weekday", "weekdays", "weekend", "weekends"]
_MONTHS = list(MONTHS)
_SLOTS = {
    "day": re.compile(r"\b(?:" + "|".join(_DAYS) + r")s?\b", re.I),
    "month": re.compile(r"\b(?:" + "|".join(m for m in _MONTHS if m != "may") + r")\b", re.I),
    "year": re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})s?\b"),
}
_ENTITY = re.compile(r"\b(?:[A-Z][\w'&.-]*|[A-Z]?\d[\w-]*)(?:\s+(?:of\s+|de\s+|and\s+)?(?:[A-Z][\w'&.-]*|\d[\w-]*))*")
_PERSON = {"he", "him", "his", "she", "her", "hers"}
_PLURAL = {"they", "them", "their"}
_PREPOSITIONS = {"of", "in", "on", "at", "for", "from", "with", "by", "to", "during", "under"}
_POSSESSIVE = {"its", "his", "her", "their"}
_REPLACEABLE = re.compile(r"\b(it|its|he|him|his|she|her|they|them|their|there)\b", re.I)
_AUX = re.compile(r"^(.*?\b(?:is|are|was|were|does|do|did|has|have|had|can|will|would)\b)", re.I)
_CALENDAR = set(_DAYS) | set(_MONTHS)
_WHEN = re.compile(r"\b(?:on|in|during|at)\s+(?:the\s+)?(?:" + "|".join(_DAYS + [m for m in _MONTHS if m != "may"]) +
                   r")s?(?:\s+(?:1[0-9]{3}|20[0-9]{2}))?\b|\bin\s+(?:1[0-9]{3}|20[0-9]{2})\b", re.I)
# "then" closing a follow-up stands for the time the question before it named (``_WHEN``: "on Sunday", "in March 2024")
_THEN = re.compile(r"\s+(?:then|at that time|on that day)(?=\s*\?*\s*$)", re.I)


def rule_rewrite(question: str, history: list[tuple[str, str]]) -> str | None:
    """The follow-up written out from the previous turn by rules, or None when no rule fits."""
    if not history:
        return None
    previous, answer = history[-1]
    opener = _ELLIPSIS.match(question)
    if opener:
        rest = question[opener.end() :].strip(" ?.!,")
        swapped = _swap_slot(previous, rest)
        if swapped:
            return swapped
        if rest and _REPLACEABLE.search(rest):
            resolved = _resolve_pronouns(rest, previous, answer)
            if resolved and _QUESTION_START.match(rest):  # "And who are her deputies?"
                return resolved[0].upper() + resolved[1:] + "?"
            frame = _AUX.match(previous)
            if resolved and frame:
                return f"{frame.group(1)} {resolved[0].lower() + resolved[1:]}?"
        return None
    if (then := _THEN.search(question)) and (when := _WHEN.search(previous)):  # "Which branch is open then?"
        question = question[: then.start()] + " " + when.group(0) + question[then.end() :]
        if not _REPLACEABLE.search(question):
            return question
    return _resolve_pronouns(question, previous, answer)


def _swap_slot(previous: str, rest: str) -> str | None:
    """``previous`` with its day, month, year or name replaced by the one in ``rest`` ("on Sunday")."""
    for pattern in _SLOTS.values():
        new, old = list(pattern.finditer(rest)), list(pattern.finditer(previous))
        if new and old and (len(new) == len(old) or len(new) == 1):
            out, at = [], 0
            for was, now in zip(old if len(new) == len(old) else old[:1], new):
                out.append(previous[at : was.start()] + now.group(0))
                at = was.end()
            return "".join(out) + previous[at:]
    names = _entities(rest.removeprefix("the ").removeprefix("The "), sentence=False)
    if names and len(" ".join(names)) >= len(rest) - 4:  # the rest is a name ("Old Town", "the Normans")
        olds = _entities(previous)
        if olds:
            old = olds[-1]
            at = previous.rfind(old)
            return previous[:at] + names[0] + previous[at + len(old) :]
    return None


def _entities(text: str, sentence: bool = True) -> list[str]:
    """Names in a text: runs of capitalised words or codes, not a weekday or month, and in a
    ``sentence`` not the first word of any of its sentences (capitalised because it opens one:
    "Around" of "Who invented it? Around what year?"); a name's possessive "'s", a trailing full
    stop and figures after it are not part of it ("Robert Koch's 1891 proofs", "21:30 UTC.")."""
    found = []
    for match in _ENTITY.finditer(text):
        words = match.group(0).split()
        if sentence and _OPENS_SENTENCE.search(text[: match.start()]):
            words = words[1:]
        words = [w for w in words if re.sub(r"['’]s$", "", w.lower()) not in _CALENDAR]  # nor "February's"
        while words and (words[0].lower() in STOPWORDS or words[0].isdigit()):  # "By 1974", "It", "The"
            words = words[1:]
        for i, word in enumerate(words):
            if word.endswith(("'s", "’s")):  # "Robert Koch's 1891 proofs": the name ends at its possessive
                words = words[:i] + [word[:-2]]
                break
        if words and words[-1].endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", words[-1]):  # "UTC." ends a sentence; "U.S." stays
            words[-1] = words[-1][:-1]
        while words and words[-1].isdigit():
            words = words[:-1]
        if words and words[0].lower() not in ("of", "and", "de"):
            found.append(" ".join(words))
    return found


_OPENS_SENTENCE = re.compile(r"(?:^|[.?!]\s+)\W*$")  # nothing but a sentence's end before this point


def _person(name: str) -> bool:
    """Could be a person's name: not only acronyms and codes ("UTC", "G-102"; "US Secretary of State
    Henry Kissinger" is one)."""
    return not all(w.isupper() or any(c.isdigit() for c in w) for w in name.split())


def _subject(previous: str, answer: str, person: bool) -> str | None:
    """What a pronoun stands for: for he/she a name the previous answer gave, else the previous
    question's first name, with "the" before it and a noun after it when the question has them."""
    if person:
        fresh = [e for e in _entities(first_answer_line(answer)) if e.lower() not in previous.lower() and _person(e)]
        if fresh:
            return fresh[0]
    names = _entities(previous)
    if not names:
        return None
    name = names[0]
    at = previous.find(name)
    before = previous[:at].rstrip().split()
    after = previous[at + len(name) :].split()
    word = after[0].strip("?.,") if after else ""
    last = len(after) == 1 or (len(after) > 1 and after[1].strip("?.,").lower() in _PREPOSITIONS)
    noun = word if word.isalpha() and word.islower() and last and word not in _NOT_NOUNS and not word.endswith("ed") else ""
    the = "the " if before and before[-1].lower() == "the" else ""
    return f"{the}{name}{' ' + noun if noun else ''}"


def _resolve_pronouns(text: str, previous: str, answer: str) -> str | None:
    # "are there", "is there": no place is meant
    matches = [m for m in _REPLACEABLE.finditer(text)
               if not (m.group(1).lower() == "there" and re.search(r"\b(?:is|are|was|were)\s+$", text[: m.start()], re.I))]
    if not matches:
        return None
    out, at = [], 0
    for match in matches:
        word = match.group(1).lower()
        subject = _subject(previous, answer, word in _PERSON)
        if subject is None or (word in _PLURAL and not subject.endswith("s")):
            return None
        if word == "there":
            replacement = f"in {subject}"
        elif word in _POSSESSIVE:
            replacement = f"{subject}'s"
        else:
            replacement = subject
        out.append(text[at : match.start()] + replacement)
        at = match.end()
    out.append(text[at:])
    rewritten = "".join(out)
    return rewritten[0].upper() + rewritten[1:] if matches[0].start() == 0 else rewritten


def first_answer_line(answer: str) -> str:
    return re.sub(r"\[\d+\]", "", (answer or "").split("\n")[0])[:300]


# words that follow a name in a question without being its noun ("Riverside close", "Warsaw in")
_NOT_NOUNS = {
    "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "will", "would", "close", "closes",
    "open", "opens", "start", "starts", "end", "ends", "cost", "costs", "take", "takes", "in", "on", "at", "of", "for",
    "to", "from", "by", "with", "and", "or", "begin", "begins", "replace", "happen", "occur", "invent", "last", "lead",
    "work", "mean", "live", "die", "win", "play", "become", "go", "come", "get", "give", "make", "run", "say", "use",
}
