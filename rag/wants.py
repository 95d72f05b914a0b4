"""What kind of answer a question wants, and whether a text gives it.

"How often" wants a frequency ("every 12 hours"), "how long" an amount of time or distance ("72 minutes",
not "22:00 UTC"), "how many" a figure (not a year, a section number or a list's item number), "how much does
it cost" money, "when" a date, "who" or "which hospital" a name the question does not give. A sentence or
table row without one answers nothing, however many of the question's words it holds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.cite import MARKER, names
from rag.question_parts import MEASURED_NOUN
from rag.rows import ROW, row_headers
from rag.spelling import common_word
from rag.terms import MONTHS, STOPWORDS, WEEKDAYS, content_terms, numbers

if TYPE_CHECKING:
    from rag.grounding import Asked

_MEASURES = (r"(?:dose|dosage|density|weight|mass|height|length|width|depth|size|area|volume|capacity|price|cost|fee|rate|speed|"
             r"temperature|pressure|voltage|distance|duration|population|revenue|salary|age|number|count|percentage|"
             r"tolerance|strength|score|range|content|concentration|intensity|total|sales|profit|income|margin|growth|"
             r"budget|limit|(?:odds|hazard|risk) ratio)")
# not a figure: what does something to a measure ("What includes pressure terms ...?", "What limits the speed?"), or
# what a measure is related to ("What is an object's mass proportional to ...?")
_ASKS_CAUSE = (r"(?:includes|causes|affects|determines|limits|increases|decreases|reduces|raises|lowers|controls|changes|"
               r"influences|sets|gives|makes|produces|creates|explains)\b")
_NOT_RELATED = r"(?!\s+\w+(?:al|ant|ent|ed)\s+(?:to|with)\b)"
# "how many", "what percentage", and "what is the density of ..." / "what squad number ...": a figure
_WANTS_QUANTITY = re.compile(r"^\s*(?:how (?:much|many|old|far|big|large|tall|high|fast|heavy)|"
                             r"what (?:percentage|percent|share|proportion|number|amount|price)|"
                             rf"what (?!{_ASKS_CAUSE})(?:(?:is|was|are|were) (?:the |its |their |his |her )?)?(?:[\w'’-]+ ){{0,3}}"
                             rf"{_MEASURES}s?{_NOT_RELATED}|"
                             rf"(?:by )?how much|{MEASURED_NOUN}|"
                             # "Median overall survival with combined therapy ...?", "What was the mean follow-up?"
                             r"(?:what (?:is|was|are|were) )?(?:the )?(?:mean|median|average)\s+[\w-]+)\b", re.I)
_WANTS_DATE = re.compile(r"^\s*(?:when|(?:(?:in|on|at|by|from|since|until|during) )?(?:what|which) "
                         r"(?:years?|dates?|days?|months?|time|centur(?:y|ies)|decades?))\b",
                         re.I)
_LABEL = re.compile(r"^\W*[A-Z][\w-]*(?: [\w-]+){0,2}:\s+(?=[A-Z])")  # "Setting:", "Main outcome measures:"
_WANTS_SHARE = re.compile(r"^\s*(?:(?:in|by|of|to) )?(?:what|which)?\s*(?:share|percentage|percent|proportion|fraction)\b", re.I)
# an outcome's share: "what was the 1-year survival rate", "what overall mortality", "what miscarriage rate"
_WANTS_RATE = re.compile(r"^\s*(?:\w+\s+)?(?:what|which)\s+(?:(?:is|was|are|were)\s+)?(?:(?:the|its|their)\s+)?"
                         # not a time ("the median survival": 13 days) nor what figures are of ("what years of mortality data")
                         r"(?:(?!median|mean|average|years?\b|dates?\b)[\w-]+\s+){0,3}?"
                         r"(?:survival|mortality|incidence|prevalence|sensitivity|specificity|(?:recurrence|response|success|"
                         r"failure|complication|miscarriage|pregnancy|cure|remission|readmission|infection)\s+rates?)\b", re.I)
# a fraction is not a reading in units ("120/80 mm Hg")
SHARE = re.compile(r"\d\s*%|\bper ?cent\b|\d+\s*(?:/|of|out of|in)\s*\d+(?![\d.,]|\s*(?:mm|cm|kg|mg|ml)\b)|"
                   r"\b(?:half|halves|third|thirds|quarters?|fifths?|tenths?|majority|minority|none|all|most|few)\b", re.I)
# a year as "in which year" wants it: four digits ("1995"), or three after "in" or "year" ("began in 911"), not a share
# ("15%") or a count ("n = 206")
_YEAR_LIKE = re.compile(r"(?<![\d.,])(1[0-9]{3}|20[0-9]{2})(?![\d]|[.,]\d)|\b(?:[Ii]n|[Yy]ear|AD|A\.D\.)\s+(\d{3})(?![\d%]|[.,]\d)")
_WANTS_YEAR = re.compile(r"^\s*(?:(?:in|on|at|by|from|since|until|during) )?(?:what|which) years?\b", re.I)
YEAR = re.compile(r"(?<![\d.,])(1[0-9]{3}|20[0-9]{2})(?![\d]|[.,]\d)")  # written as a year: not "1,200 litres"
_WORD_NUMBERS = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                           r"hundred|thousand|million|billion|half|dozen|daily|weekly|monthly|yearly|annually|twice|"
                           r"once|closed)\b", re.I)
# "May" and "March" as months are capitalised; "it may seem", "they march" say no date
_MONTH_WORDS = re.compile(r"\b(?:january|february|(?-i:March|MARCH)|april|(?-i:May|MAY)|june|july|august|september|october|"
                          r"november|december|"
                          r"spring|summer|autumn|fall|winter|century|centuries|decade|monday|tuesday|wednesday|"
                          r"thursday|friday|saturday|sunday|weekday|weekend|yesterday|today)\b", re.I)
# "who", and "in which US state", "at which hospital", "which agency": a person's, a place's or a body's name
_WANTS_NAME = re.compile(r"^\s*(?:who|whom|whose|what(?:'s| is| was| are| were) the (?:full |official )?names? of|"
                         # "What is the starter's name?": a name, not what the starter is
                         r"what(?:'s| is| was| are| were) (?:the |its |their |his |her )?[\w-]+(?: [\w-]+)?['’]s? "
                         r"(?:full |official |first |last )?names?(?=\s*\??\s*$)|"
                         # "What is the starter called?"
                         r"what(?:'s| is| was| are| were) (?:the |its |their |his |her )?[\w-]+(?: [\w-]+)? called(?=\s*\??\s*$)|"
                         r"(?:(?:in|at|from|by|for|of|to) )?(?:which|what) (?:[\w'’-]+ )?"
                         r"(?:hospitals?|clinics?|countr(?:y|ies)|cit(?:y|ies)|towns?|states?|regions?|provinces?|"
                         r"count(?:y|ies)|agenc(?:y|ies)|universit(?:y|ies)|institutions?|compan(?:y|ies)|"
                         r"organi[sz]ations?|ministr(?:y|ies)|villages?|islands?|continents?|databases?|registr(?:y|ies)|registers?))\b",
                         re.I)
# "How much does a sponsorship package cost?", "What user fee does the IRS charge?": an amount of money
# "how much do i still owe", "how much rent", "how much tax came off my wages": what is owed, earned or charged
_WANTS_MONEY = re.compile(r"^\s*(?:how much\b(?=.*\b(?:money|costs?|price[sd]?|pay|paid|charg(?:e[sd]?|ing)|spen[dt]|fees?|worth|"
                          r"owe[sd]?|owing|earn(?:s|ed|t)?|rent|deposit|wages?|salary|refund(?:ed)?|tax|excess|bills?)\b)|"
                          r"what (?:(?:is|was|are|were) )?(?:the |its |their )?(?:[\w'’-]+ )?(?:price|cost|fee)s?\b|"
                          # "What did an inpatient tonsillectomy cost ...?"
                          r"what (?:did|does|do|would|will) [^?]{1,80}?\bcost\b|"
                          # "What is the dollar figure set for ...?", "How many euros ...?"
                          r"what (?:(?:is|was|are|were) )?(?:the |its |their )?(?:dollar|euro|pound|money|monetary|cash) "
                          r"(?:figure|amount|value|sum|total|limit|cap)s?\b|how many (?:dollars|euros|pounds)\b)", re.I)
MONEY = re.compile(r"[$€£¥₹]\s?\d|\d\s*(?:k|m|bn|thousand|million|billion)?\s*(?:dollars?|euros?|pounds?|cents?|pence|usd|eur|"
                    r"gbp|chf|yen|rupees?|francs?|kronor|kroner|krona|yuan|rubles?|roubles?|pesos?|lira|lire|marks|shillings?|"
                    r"dinars?|dirhams?|rand|baht|zloty|ringgit|crowns?|guilders?|florins?|ducats?|livres?|sterling)\b|"
                    r"\b(?:usd|eur|gbp|chf)\s?\d|\bfree\b|\bno charge\b", re.I)
# a figure said to be a cost or a payment, its currency unsaid ("the contract paid 40,000 a year")
_MONEY_WORDS = re.compile(r"\b(?:costs?|cost|priced?|prices|paid|pays?|worth|fees?|fund(?:s|ed|ing)?|budget|salary|"
                          r"salaries|wages?|sp[ea]nt|spend|charged?|rent|sold|bought|money|cash|grants?)\b", re.I)
_WANTS_LENGTH = re.compile(r"^\s*how long\b", re.I)
# "72 minutes", "three years", "almost a month", "9 km", "1.5h": an amount of time or distance
_LENGTH = re.compile(r"(?:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                     r"fifty|sixty|hundred|several|few|a|an|half an?)|\d[\d.,]*)\s*-?\s*(?:seconds?|secs?|minutes?|mins?|"
                     r"hours?|hrs?|h|days?|weeks?|fortnights?|months?|years?|yrs?|decades?|centur(?:y|ies)|nights?|"
                     r"km|kilomet(?:re|er)s?|m|met(?:re|er)s?|miles?|feet|foot|ft|inch(?:es)?|cm|mm|yards?|laps?)\b", re.I)
_WANTS_DOSE = re.compile(r"^\W*(?:what|which)\s+(?:(?:is|was|were)\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:dose|dosage)s?\b", re.I)
_DOSE = re.compile(r"\d\s*(?:mg|g|µg|μg|mcg|ug|iu|units?|ml|gy|cgy|mmol|mci|mbq)\b", re.I)
_WANTS_AGE = re.compile(r"^\W*(?:what (?:is|was|were) )?(?:the )?(?:mean|median|average)? ?age\b", re.I)
_AGE = re.compile(r"\b(?:age[ds]?|years?|yrs?|old|months?|weeks?|days?)\b", re.I)
# "What was the mean follow-up?", "median overall survival ...?": an amount of time ("37 months"), not a count
_WANTS_SPAN = re.compile(r"^\W*(?:what (?:is|was|were) )?(?:the )?(?:mean|median|average)\s+(?:[\w-]+\s+)?"
                         r"(?:follow-?up|survival|duration|delay|interval|stay|time|wait)\b", re.I)
_WANTS_FREQUENCY = re.compile(r"^\s*how often\b", re.I)
_FREQUENCY = re.compile(r"\b(?:every|each|per|daily|weekly|monthly|yearly|annually|hourly|nightly|times|once|twice|"
                        r"always|never|seldom|rarely|sometimes|usually)\b"
                        r"|\d\s*%|\bper ?cent\b", re.I)  # "how often was it found": in 10 patients (2.9%)


# a telephone number: "07700 900 284", "0808 157 0365", "(01632) 960123", "+44 113 496 0000", "555-123-4567"; ten to
# thirteen digits in groups, opening on 0, + or a bracket (not a list of years, "1998 2003 2005", nor "£1,535.59")
_PHONE = re.compile(r"(?<![\w£$€.,/-])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?|\(0\d{2,5}\)\s?|(?=0))\d[\d\s.-]{4,14}\d(?![\w.,/]?\d)|"
                    r"(?<![\w.,/-])\d{3}-\d{3}-\d{4}(?![\w-])")
# "what number do i ring", "number for the boiler breakdown line", "what's the helpline": a telephone number wanted
_WANTS_PHONE = re.compile(r"\b(?:(?:phone|telephone|mobile|contact|fax)\s+(?:number|no)|helpline|hotline|"
                          r"number\b.{0,40}\b(?:ring|call|phone|dial|text|line)\b|(?:ring|call|phone|dial)\b.{0,30}\bnumber)",
                          re.I)
# an amount in a unit of distance, weight, volume, money or a share: no date, whatever its digits
_MEASURED = re.compile(r"[$€£¥₹]\s?\d[\d.,]*|\d[\d.,]*\s*(?:%|per ?cent\b|(?:miles?|km|kilomet(?:re|er)s?|metres?|meters?|"
                       r"cm|mm|kg|kilos?|grams?|g|lbs?|oz|litres?|liters?|ml|mph|kph|pounds|dollars|euros)\b)", re.I)
_CALLING = re.compile(r"\b(?:call|ring|phone|telephone|tel|dial|helpline|hotline|freephone)\b", re.I)


def phone_numbers(text: str) -> list[str]:
    """The telephone numbers in a text (ten to thirteen digits, as a person writes them)."""
    return [m.group(0) for m in _PHONE.finditer(text) if 10 <= sum(c.isdigit() for c in m.group(0)) <= 13]


_CONTRACTED = re.compile(r"^(\s*(?:what|who|where|when|which|how))['’]s\b", re.I)


def uncontracted(clause: str) -> str:
    """"what's the price" as "what is the price": people type the short form as often as the long one."""
    return _CONTRACTED.sub(r"\1 is", clause)


def wanted(clause: str) -> str | None:
    """What the answer to a question (its clause from the question word on) must hold: "frequency", "length",
    "money", "quantity", "date", "name" or None."""
    clause = uncontracted(clause)
    return ("frequency" if _WANTS_FREQUENCY.search(clause) else "length" if _WANTS_LENGTH.search(clause)
            else "money" if _WANTS_MONEY.search(clause) else "quantity" if _WANTS_QUANTITY.search(clause)
            else "date" if _WANTS_DATE.search(clause) else "quantity" if _WANTS_RATE.search(clause)
            else "name" if _WANTS_NAME.search(clause) else None)


def figure_forms(wants: str | None, clause: str) -> tuple[re.Pattern, ...]:
    """The forms a figure answering a quantity question must take beyond being a figure: a share or a fraction
    ("what share", an outcome's rate), a dose unit ("what dose"), a word of age ("the median age"), an amount of
    time ("the mean follow-up")."""
    if wants != "quantity":
        return ()
    clause = uncontracted(clause)
    if _WANTS_SHARE.search(clause) or _WANTS_RATE.search(clause):
        return (SHARE,)
    return tuple(form for asks, form in ((_WANTS_DOSE, _DOSE), (_WANTS_AGE, _AGE), (_WANTS_SPAN, _LENGTH))
                 if asks.search(clause))


_REFERENCE = re.compile(r"(?:\b(?:sections?|sec|chapters?|articles?|title|part|pages?|pp?|no|law|rules?|clauses?|"
                        r"paragraphs?|figures?|fig|tables?|appendix|exhibit)\.?|§+)\s*\(?\d[\w.()-]*", re.I)


# a list's item numbers in a sentence: "children managed by (1) non-children's teaching hospitals, (2) ..."
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s,;:]))\((?:\d{1,2}|[ivx]{1,4})\)(?=\s)")


def answers_the_question(text: str, asked: Asked) -> bool:
    """The sentence shares a key term with the question and, for "how often", "how long", "how many",
    "when" or "who", holds a frequency, an amount of time or distance, a figure (not a year), a date
    or a name that the question does not give."""
    if asked.wants is None:
        return True
    if not (content_terms(text) & asked.terms):
        return False  # true, perhaps, but about something else
    return gives_what_is_wanted(text, asked)


# a measure a question may name, with the words a table header may give it by: "What temperature is the deck oven?"
# is answered under "Temperature (°C)" or "Temp", not under "Capacity (loaves)"
_MEASURE_NAMES = [content_terms(words) for words in (
    "temperature temp heat", "weight mass heavy", "height altitude elevation tall", "length", "width", "depth",
    "distance", "area surface", "volume capacity", "speed velocity", "pressure", "voltage volt", "density",
    "price cost fee charge tariff", "salary wage", "revenue turnover sales income", "population inhabitants residents",
    "duration")]
_MEASURE_PREFIXES = {term[:4] for group in _MEASURE_NAMES for term in group}
# "how heavy", "how tall": a figure in a unit of that measure ("26 months" tells no drone's weight); a table row gives
# its unit in the header (``_names_the_measure``). Not "how far", "how fast", "how high": "how far did coronary flow
# fall" wants a share, "how fast ... remove violations" a time, "how high was inflation" a rate
_NUMBER = r"\d[\d.,]*\s*-?\s*"
_HOW_UNITS = {
    "heavy": re.compile(rf"{_NUMBER}(?:kg|kilo(?:gram)?s?|g|grams?|mg|lbs?|pounds?|ounces?|oz|tonnes?|tons?|t)\b", re.I),
    "tall": re.compile(rf"{_NUMBER}(?:m|met(?:re|er)s?|cm|mm|km|ft|feet|foot|inch(?:es)?|in|storeys?|stories|floors?)\b",
                       re.I),
}
_ASKS_HOW = re.compile(r"^\s*how (heavy|tall)\b", re.I)
# "What temperature do I roast the chicken at?": "200°C (180°C fan)", not "20 minutes per 500g"
_ASKS_TEMPERATURE = re.compile(r"^\s*(?:(?:at|to) )?(?:what|which)\s+(?:(?:is|was|are|were)\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
                               r"temperatures?\b|^\s*how hot\b", re.I)
_TEMPERATURE = re.compile(r"\d\s*°|\d\s*(?:degrees?|deg)\b|\d\s*[CF]\b|\bgas mark\s*\d", re.I)


def _names_the_measure(row: str, question: str) -> bool:
    """A row does not answer for another measure than the one the question names: its headers name one of
    ``_MEASURE_NAMES`` (four letters of a word suffice: "Temp" for temperature) and none of the asked one's
    ("Capacity (loaves)" for "What temperature ...?"). Headers naming no measure ("Low season: 189" for the low season
    price, "September (km): 3,877" for the distance) may give it."""
    asked = content_terms(question)
    wanted = set().union(*(group for group in _MEASURE_NAMES if group & asked))
    if not wanted:
        return True
    headers = {term[:4] for term in content_terms(" ".join(row_headers(row)))}
    return not _MEASURE_PREFIXES & headers or any(term[:4] in headers for term in wanted)


# when something opens and when it closes: a sentence saying only the one does not answer a question on the other
_EVENT = {"close": re.compile(r"\b(?:clos\w*|shut\w*|until|till)\b", re.I), "open": re.compile(r"\bopen\w*", re.I)}
_OTHER_EVENT = {"close": _EVENT["open"], "open": _EVENT["close"]}


def _asks_event(clause: str) -> str | None:
    """"close" for "When does it close?", "open" for "What time does the branch open on Sunday?", else None."""
    if re.search(r"\bclos(?:e|es|ing)\b", clause, re.I):
        return "close"
    return "open" if re.search(r"\bopen(?:s|ing)?\b", clause, re.I) else None


# a named time ("during the Second World War", "after the Reformation") answers "when" without a figure
_NAMED_PERIOD = re.compile(r"\b(?i:during|after|before|since|until|following|throughout|in the wake of)\s+(?:the\s+)?"
                           r"((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)")
# the word a sentence opens on, capitalised as every opening is, and its "'s": a name when the passages never write it
# in lower case, and write it capitalised inside a sentence, or it has an "'s", or it is no common English word
_FIRST_WORD = re.compile(r"^\W*([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(['’]s)?\b(?![-'])")


def gives_what_is_wanted(text: str, asked: Asked) -> bool:
    """The text holds the kind of answer the question wants (see ``answers_the_question``), whatever it is about."""
    if asked.wants is None:
        return True
    if _WANTS_PHONE.search(asked.question):
        # "what number do i ring": a telephone number, not "Up to £500 per claim"; or a number said to be rung
        # ("call Cancer Council 13 11 20": a short national number)
        return bool(phone_numbers(text)) or bool(_CALLING.search(text) and numbers(text) - numbers(asked.question))
    # a telephone number is no date, amount or count ("Sue Lang (bookings): 07700 900 284" says not when to book)
    for phone in phone_numbers(text):
        text = text.replace(phone, " ")
    given, row = numbers(asked.question), bool(ROW.match(text.strip()))  # a row's unit is in its header: "Crossing (min): 25"
    if row and asked.wants == "quantity" and not _names_the_measure(text.strip(), asked.clause):
        return False  # "Capacity (loaves): 48" is no temperature
    if not row and (how := _ASKS_HOW.match(asked.clause)) and not _HOW_UNITS[how.group(1).lower()].search(text):
        return False  # "How heavy is the drone?" is not answered by its "warranty of 26 months"
    if not row and _ASKS_TEMPERATURE.match(uncontracted(asked.clause)) and not _TEMPERATURE.search(text):
        return False
    event = _asks_event(asked.clause) if not row and asked.wants == "date" else None
    if event and _OTHER_EVENT[event].search(text) and not _EVENT[event].search(text):
        return False  # "When does it close?" is not answered by "The bakery opens at 06:15 on weekdays"
    if asked.wants == "frequency":  # "how often": every 12 hours, twice a week
        return bool(_FREQUENCY.search(text))
    if asked.wants == "length" and not row:
        return any(match.group(0).lower() not in asked.question.lower() for match in _LENGTH.finditer(text))
    if asked.wants == "money" and not row:  # "Price (USD): 12"
        if MONEY.search(text):
            return True
        if not _MONEY_WORDS.search(text):
            return False
    if asked.figure_forms and not row:
        # "what share of register cases": a percentage or a fraction, not "one Board"; "what dose of vitamin D":
        # 140,000 IU, not "45.9 ng/ml" (a level); "the median age of the children": "(n = 55)" counts them, no age
        if asked.figure_forms == (SHARE,):
            return bool(SHARE.search(text))
        if not all(form.search(text) for form in asked.figure_forms):
            return False
    if asked.wants in ("quantity", "length", "money"):
        # "section 811", "Public Law 104-132", "page 5" name a place in a text, not an amount
        new = numbers(_ENUMERATOR.sub(" ", _REFERENCE.sub(" ", text))) - given - set(YEAR.findall(text))
        return bool(new) or bool(_WORD_NUMBERS.search(text))
    if asked.wants == "date" and _WANTS_CLOCK.match(asked.clause):
        return clock_time(text)  # "what time do we shut on saturdays": 4:00pm, not "later on Saturdays ... in July"
    if asked.wants == "date" and _WANTS_YEAR.match(asked.clause):  # "what years": a year, not "15%"
        return bool({"".join(m) for m in _YEAR_LIKE.findall(text)} - {"".join(m) for m in _YEAR_LIKE.findall(asked.question)})
    if asked.wants == "date":
        # a distance, a weight, money or a share is no date ("within 3 miles of the garage" says not what day)
        text = _MEASURED.sub(" ", text)
        if any(m.group(1).lower() not in asked.question.lower() for m in _NAMED_PERIOD.finditer(text)):
            return True  # "During the Second World War, Warsaw was razed ..."
        return bool(numbers(text) - given) or bool(
            {m.lower() for m in _MONTH_WORDS.findall(text)} - {m.lower() for m in _MONTH_WORDS.findall(asked.question)})
    # "What I hear is: Imshael was sent ...": a name after a colon is given too; so is the one word or two
    # of a short answer ("Lombardy [1].", "North Carolina.")
    # a section's label ("Setting: Participants were recruited ...") is no name given
    unlabelled = _LABEL.sub("", text)
    given_names = names(unlabelled, after_colon=True)
    if (first := _FIRST_WORD.match(unlabelled)) and (word := first.group(1).lower()) not in asked.lower_words \
            and (word in asked.proper_words or first.group(2) or not common_word(word)):
        given_names.add(word)  # "Sweden rationed gasoline and heating oil.", "Newton's First Law of Motion states ..."
    words = MARKER.sub(" ", text).split()
    if 0 < len(words) <= 3 and words[0][:1].isupper():
        given_names.add(words[0].strip(".,;:!?").lower())
    # a name the question gives, or a form of it ("Swedish" for "Sweden's voucher system"), is not the one wanted
    # nor is one differing from the question's only in its figures ("BRCA2" of "BRCA1/2 carriers")
    # nor is a day, a month or a time zone ("Saturday 2 November 2024, starting at 22:00 UTC" names no one to contact)
    given_names = {n for n in given_names if not _CALENDAR_NAME.fullmatch(n)}
    return bool({n for n in given_names if n and n not in asked.question.lower() and n not in STOPWORDS
                 and not (len(n) >= 5 and n[:4] in asked.stems)
                 and not (re.search(r"\d", n) and len(letters := re.sub(r"[\d/-]", "", n)) >= 2
                          and re.search(rf"\b{re.escape(letters)}\d", asked.question.lower()))})


_TIME_ZONES = ("utc", "gmt", "cet", "cest", "eet", "est", "edt", "pst", "pdt", "cst", "cdt", "bst")
_CALENDAR_NAME = re.compile(r"(?:(?:" + "|".join((*MONTHS, *WEEKDAYS, *_TIME_ZONES)) + r")\s*)+", re.I)


# "in the evening": the row or sentence whose clock time falls then (a medication schedule's 08:00 and 19:30 rows)
_PARTS_OF_DAY = {"morning": (5, 12), "afternoon": (12, 18), "evening": (17, 24), "night": (19, 24), "lunchtime": (11, 15)}
_CLOCK = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d%])", re.I)


# "what time does the exam start", "at what time", "what time's my train": a time of day (not "what time period")
_WANTS_CLOCK = re.compile(r"^\s*(?:(?:at|by|from|until|till) )?what time(?:['’]s\b|\s+(?!(?:period|of|frame|span|zone|"
                          r"scale|line|limit)s?\b))", re.I)
_TIME_WORDS = re.compile(r"\b(?:noon|midday|midnight|o['’]clock)\b", re.I)


def clock_time(text: str) -> bool:
    """The text gives a time of day: "16:05", "10am", "7.30 pm", "noon" (not a bare number)."""
    return bool(_TIME_WORDS.search(text)) or any(match.group(2) or match.group(3) for match in _CLOCK.finditer(text))


def at_the_time_asked(question: str, sentence: str) -> bool:
    """The sentence gives a clock time in the part of the day the question names ("in the evening": 19:30, 7:30pm)."""
    parts = [hours for part, hours in _PARTS_OF_DAY.items() if re.search(rf"\b{part}s?\b", question, re.I)]
    if not parts:
        return False
    for match in _CLOCK.finditer(sentence):
        hour, minutes, half = int(match.group(1)), match.group(2), (match.group(3) or "").lower()
        if not minutes and not half:
            continue  # a bare number is no time
        hour = hour + 12 if half.startswith("p") and hour < 12 else 0 if half.startswith("a") and hour == 12 else hour
        if any(low <= hour < high for low, high in parts):
            return True
    return False
