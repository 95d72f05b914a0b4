"""The words of a question that say which source to read ("according to the spreadsheet", "in the GAO report on
the National Cybersecurity Strategy", "the Outlook message"): where to look, not what the answering sentence holds."""

from __future__ import annotations

import re

from rag.question_parts import QUOTED
from rag.terms import content_terms

# "according to the spreadsheet", "in the RTF document's table", "listed in the memo": the words that
# name the kind of source say where to look, not what the answer's sentence or row holds
_SOURCE_KIND = (r"(?:spreadsheets?|workbooks?|sheets?|tables?|documents?|docs?|files?|memos?|slides?|decks?|"
                r"presentations?|powerpoints?|pdfs?|rtf|csv|tsv|xlsx?|docx?|pptx?|odt|epub|html|xml|json|markdown|"
                r"e-?mails?|messages?|books?|reports?|papers?|handbooks?|datasheets?|list|chart|pages?|chats?|letters?|"
                r"instructions|guides?|manuals?|templates?|notes|yaml|txt|md|word|articles?|essays?|stor(?:y|ies)|"
                r"posts?|blogs?|web ?sites?|stud(?:y|ies)|codex|brochures?|booklets?|leaflets?|transcripts?|"
                r"newsletters?|statements?|entr(?:y|ies))"
                r"(?:'s|’s)?")
_DETERMINER = r"(?:the|this|that|these|those|our|my|your|its|their)"
_SAYS = r"(?:mention|say|state|list|give|describe|report|note|call|cite|name|show|suggest|claim|recommend|use)"
# "in the table of the emphasized-text Word document": a part of a source named by the source
_SOURCE_CLAUSE = re.compile(rf"\b(?:according to|in|on|from|within|inside|per|as (?:listed|given|stated|shown) in)"
                            rf"\s+(?:{_DETERMINER}|(?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w-]*['’]s)\s+(?:[\w'’.-]+,?\s+){{0,3}}"
                            # not a part named by its number ("Article 1 of the Declaration", "Table 2")
                            rf"{_SOURCE_KIND}(?:\s+(?:table|sheet|tab|slide|file|page|list|chart)(?:'s|’s)?)?(?![\w-])(?!\s+\d)"
                            # its title, quoted: "the NWS article 'Are You Weather-Ready for the Spring?'", "the
                            # guide's 'Topsider's Honor' entry"
                            rf"(?:\s+{QUOTED}(?:\s+{_SOURCE_KIND}(?![\w-]))?)?"
                            rf"(?:\s+(?:of|in|on|from)\s+{_DETERMINER}\s+(?:[\w'’.-]+,?\s+){{0,3}}{_SOURCE_KIND}(?![\w-]))?"
                            # what it is about, up to a comma or the question mark: "the GAO report on the National
                            # Cybersecurity Strategy, when ..."
                            rf"(?:\s+(?:on|about|regarding|concerning)\s+(?:[\w'’.-]+\s+){{0,4}}[\w'’.-]+(?=\s*[,;:?]))?"
                            # the source as the one saying it: "What superstition does the Dragon Age guide mention ..."
                            rf"|\b(?:does|did|do)\s+{_DETERMINER}\s+(?:[\w'’.-]+,?\s+){{0,3}}{_SOURCE_KIND}(?![\w-])"
                            rf"\s+{_SAYS}\b",
                            re.I)
# "according to", and the verb of a source that says something ("does ... mention"): where to look, not what
_SOURCE_LEAD = re.compile(rf"^(?:according to|as (?:listed|given|stated|shown) in|does|did|do)\b|\s{_SAYS}$", re.I)
_SOURCE_WORD = re.compile(rf"(?<![\w-]){_SOURCE_KIND}(?![\w-])", re.I)
# "the Outlook message", "the fake Received header": a name before a kind of source or of label
_NAMED_KIND = re.compile(rf"\b((?:[A-Z][\w-]*\s+)+)(?=\.?(?:{_SOURCE_KIND}|msg|eml|(?:header|field|column|tab)s?)(?![\w-]))")


def without_source_words(question: str) -> str:
    """The question without the words of its source-naming clauses that name a kind of source
    ("How many times have the Maple Leafs won, according to the spreadsheet?" -> "... the ?", its
    "according to" too); the other words of the clause ("in the Stanley Cup table") stay."""
    return _SOURCE_CLAUSE.sub(lambda m: _SOURCE_WORD.sub(" ", _SOURCE_LEAD.sub(" ", m.group(0))), question)


def source_terms(question: str) -> set[str]:
    """The terms of the question's source-naming clauses that say which source ("in the May 5, 2023
    memo": may, 5, 2023): a passage holding them anywhere is that source, whichever sentence answers."""
    return content_terms(" ".join(_SOURCE_WORD.sub(" ", _SOURCE_LEAD.sub(" ", m.group(0)))
                                  for m in _SOURCE_CLAUSE.finditer(question)))


def naming_terms(question: str) -> set[str]:
    """The terms that say which document or which part of it, which the text may never say itself: those of a
    source-naming clause ("in the Dragon Age guide") and a name before a kind of source or label ("the Outlook
    message", "the fake Received header" of a message whose text keeps no Received line)."""
    return source_terms(question) | content_terms(" ".join(_NAMED_KIND.findall(question)))


def source_kinds(question: str) -> set[str]:
    """The kind words of the question's source-naming clauses, as terms: "tabl", "word", "document"
    for "in the simple table of the Word tables document"."""
    clauses = " ".join(m.group(0) for m in _SOURCE_CLAUSE.finditer(question))
    return content_terms(" ".join(_SOURCE_WORD.findall(clauses)))
