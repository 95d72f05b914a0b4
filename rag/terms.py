"""The terms a text is compared by: content words lower-cased, stop words removed, Snowball-stemmed, British and
American spellings read as one, short day and month names of a date written out ("Tue 11 Jun" -> Tuesday 11 June);
numbers kept whole, accents dropped ("Temür" is "Temur"). Citations (``rag.cite``) and the extractive answer read
text through these; BM25 (``rag.keyword_index``) through its own tokenizer, stemmed the same.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

import Stemmer

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
STEMMER = Stemmer.Stemmer("english")  # Snowball English, the same for every reader of terms
# the calendar's words, for rules that must tell a date or day from a name or a topic
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here hers
    him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our out
    over own same she should so some such than that the their theirs them then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you your yours per
    one s t myself ours ourselves yourself yourselves himself herself themselves toward towards onto must might shall ought""".split()
)
# words that talk about the answer instead of making a claim ("The answer is: [3]")
META_TERMS = frozenset(STEMMER.stemWords("answer answers question passage passages document documents text "
                                          "information provided given following based".split()))
# words that sentences giving any figure share: they do not say what a sentence is about
STOPLIKE = frozenset(STEMMER.stemWords("""cost costs price prices priced much many long often kind type name named
    called number amount total value sum figure rate year years time times get gets take takes make makes is was
    say says said""".split()))


def numbers(text: str) -> set[str]:
    """Numbers in a text, thousands separators dropped: '1,284' and '1284' are the same number."""
    found = set()
    for raw in _NUMBER.findall(text):
        found.add(re.sub(r",(?=\d{3}\b)", "", raw))
    return found


# a timetable's "Mon | Wed | Fri" columns are the days a question names in full; "Sat" and "Sun" only
# beside a weekday, where they cannot be the verb or the star
_WEEKDAYS = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday",
             "thur": "thursday", "thurs": "thursday", "fri": "friday"}
_WEEKEND = {"sat": "saturday", "sun": "sunday"}
# a budget's "Mar 2025" column, a vet record's "Jun 2023", a rota's "Tue 11 Jun" are the days and months a question
# names in full; an abbreviation counts as one in a date (before a year, after a day's number, a weekday before a
# day's number) or beside another month's ("Jan | Feb | Mar"), where it cannot be the verb "mar" or "Sat" alone
_MONTH_ABBREVIATIONS = {"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
                        "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
                        "dec": "december"}
SHORT_CALENDAR_NAMES = {**_WEEKDAYS, **_WEEKEND, **_MONTH_ABBREVIATIONS}  # "tue" -> "tuesday", "jun" -> "june"
_MONTH_BEFORE_YEAR = re.compile(r"\b(" + "|".join(_MONTH_ABBREVIATIONS) + r")\.?(?=[\s-]+(?:\d{1,2},?\s+)?(?:1[0-9]|20)\d{2}\b)", re.I)
# a date written short: "Tue 11 Jun" (a rota's column), "11 Jun", "Jun 2023"
_MONTH_IN_DATE = re.compile(r"(?<=\d\s)(" + "|".join(_MONTH_ABBREVIATIONS) + r")\b\.?|" + _MONTH_BEFORE_YEAR.pattern, re.I)
_DAY_BEFORE_DATE = re.compile(r"\b(" + "|".join([*_WEEKDAYS, *_WEEKEND]) + r")\b\.?(?=,?\s+\d{1,2}\b)", re.I)


def calendar_words(text: str) -> str:
    """Short day and month names of a date written in full ("Tue 11 Jun" -> "Tuesday 11 June", "Jun 2023" -> "June
    2023"), so that a search for "Tuesday" or "June" finds them; other words (the verb "mar", "Sat" alone) as they are."""
    if not (_MONTH_IN_DATE.search(text) or _DAY_BEFORE_DATE.search(text)):
        return text
    text = _DAY_BEFORE_DATE.sub(lambda m: SHORT_CALENDAR_NAMES[m.group(1).lower()], text)
    return _MONTH_IN_DATE.sub(lambda m: _MONTH_ABBREVIATIONS[(m.group(1) or m.group(2)).lower()], text)


_UPLOAD_TAG = re.compile(r" \([0-9a-f]{10}\)$")  # ingest.uploads.stored_name's hash of an unsafe name


def file_words(source: str) -> str:
    """The words of a file's name: /docs/docx-tables.docx -> "docx tables", rota_week_10_june_2024.csv -> "rota week
    10 june 2024", BoilerService.pdf -> "Boiler Service"; an upload's hash tag is no word."""
    stem = _UPLOAD_TAG.sub("", PurePath(source).stem)
    return re.sub(r"[_\W]+", " ", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)).strip()


# British and American spellings read as one word: anaesthesia/anesthesia, oesophagus/esophagus, randomised/
# randomized, tumour/tumor, centre/center, catalogue/catalog, programme/program (an abstract and the question
# about it often spell differently)
_SPELLINGS = [(re.compile(pattern), to) for pattern, to in (
    (r"(?<=\w)ae(?=\w)", "e"), (r"\boe(?=\w\w)", "e"), (r"(?<=rrh)oea\b", "ea"), (r"\bfoet", "fet"),
    (r"(?<=\w\w)is(?=e\b|es\b|ed\b|ing\b|ation\b|ations\b|er\b|ers\b)", "iz"),
    (r"(?<=\w\w)ys(?=e\b|es\b|ed\b|ing\b)", "yz"),
    (r"(?<=\w\w)our(?=\b|s\b|ed\b|ing\b|al\b|ful\b|ite\b|ites\b|able\b)", "or"),
    (r"(?<=\w\w)([tb])re(?=\b|s\b|d\b)", r"\1er"), (r"(?<=\w\w)ogue(?=\b|s\b)", "og"), (r"(?<=gram)me(?=\b|s\b)", ""),
)]


_LETTER_HYPHEN = re.compile(r"(?<![\w-])([^\W\d_])-([^\W\d_]{2,})(?![\w-])")  # "X-ray", "e-mail", "T-shirt"


def unaccented(text: str) -> str:
    """The text without its accents: "Temür" is "Temur", "Besançon" "Besancon"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def content_terms(text: str) -> set[str]:
    text = calendar_words(text)
    # a name read with or without its accents ("Tugh Temür" for "When did Tugh Temur die?")
    words = [w if w.isascii() else unaccented(w) for w in (m.lower() for m in _WORD.findall(text))]
    words = [w for w in words if w not in STOPWORDS and len(w) > 1]
    if any(w in _WEEKDAYS for w in words):
        words = [_WEEKDAYS.get(w) or _WEEKEND.get(w) or w for w in words]
    if len({w for w in words if w in _MONTH_ABBREVIATIONS}) >= 2:
        words = [_MONTH_ABBREVIATIONS.get(w, w) for w in words]
    # a letter and a word joined by a hyphen are also the word a person types without it: "X-ray" is "xray"
    words += [(a + b).lower() for a, b in _LETTER_HYPHEN.findall(text)]
    joined = " ".join(words)
    for pattern, to in _SPELLINGS:
        joined = pattern.sub(to, joined)
    return set(STEMMER.stemWords(joined.split())) | numbers(text)


_ANY_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def word_pairs(text: str) -> set[tuple[str, str]]:
    """Each two words in a row, stemmed, but not two stop words: the question's own phrasing ("first responses",
    "to infection"), which the sentence that answers it tends to repeat ("Inflammation is one of the first responses of
    the immune system to infection") and a sentence that only shares its words does not."""
    words = [w.lower() for w in _ANY_WORD.findall(text)]
    stems = STEMMER.stemWords(words)
    return {(stems[i], stems[i + 1]) for i in range(len(words) - 1)
            if not (words[i] in STOPWORDS and words[i + 1] in STOPWORDS)}
