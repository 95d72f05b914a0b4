"""Keep ``unstructured`` from downloading spaCy's ``en_core_web_sm`` at run time.

``unstructured`` classifies text (title or narrative) with spaCy part-of-speech tags and fetches
``en_core_web_sm`` from the internet on first use; offline, every partition then fails. When the
real model is installed we let it be used. Otherwise we hand ``unstructured`` a blank English
pipeline with a sentencizer and a small rule-based tagger that marks likely verbs, which is what
``contains_verb`` asks of the tags (a blank pipeline alone tags nothing, so every short line would
look like a title and sections would be cut at every line).
"""

from __future__ import annotations

import importlib.util
import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm"

# Closed-class verbs and very common open-class ones. Enough for "is there a verb here", which is
# the only question unstructured asks of the tags.
_COMMON_VERBS = frozenset(
    """
    be is are was were am been being have has had having do does did done doing will would shall
    should can could may might must need needs get gets got make makes made take takes took go goes
    went gone come comes came see sees saw seen know knows knew find finds found give gives gave
    use uses used run runs ran keep keeps kept let lets put puts say says said show shows shown
    tell tells told become becomes became leave leaves left feel feels felt bring brings brought
    begin begins began hold holds held write writes wrote stand stands stood hear hears heard
    mean means meant meet meets met pay pays paid sit sits sat speak speaks spoke lie lies lay
    lead leads led read reads grow grows grew lose loses lost fall falls fell send sends sent
    build builds built understand understands understood draw draws drew break breaks broke spend
    spends spent cut cuts rise rises rose drive drives drove buy buys bought wear wears wore choose
    chooses chose seek seeks sought throw throws threw catch catches caught deal deals dealt win
    wins won sell sells sold fight fights fought serve serves sit think thinks thought look looks
    want wants work works call calls try tries ask asks seem seems turn turns start starts help
    helps play plays move moves live lives believe believes happen happens provide provides
    include includes continue continues set sets learn learns change changes follow follows stop
    stops create creates open opens walk walks offer offers remember remembers love loves consider
    considers appear appears wait waits die dies expect expects stay stays reach reaches remain
    remains suggest suggests raise raises pass passes require requires report reports decide
    decides contain contains apply applies allow allows add adds describe describes explain
    explains support supports enable enables process processes store stores return returns
    """.split()
)
_VERB_SUFFIX = re.compile(r"^[a-z]{3,}(ed|ing|ise|ize|ises|izes|ify|ifies|ate|ates)$")


def _tag_verbs(doc):
    for token in doc:
        word = token.lower_
        if word in _COMMON_VERBS:
            token.tag_ = "VB"
        elif _VERB_SUFFIX.match(word):
            token.tag_ = "VBD" if word.endswith("ed") else "VBG" if word.endswith("ing") else "VB"
        else:
            token.tag_ = "NN"
    return doc


@lru_cache(maxsize=1)
def fallback_pipeline():
    """A blank English spaCy pipeline with a sentencizer and the rule-based verb tagger."""
    import spacy
    from spacy.language import Language

    if "rag_verb_tagger" not in Language.factories:
        Language.component("rag_verb_tagger")(_tag_verbs)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("rag_verb_tagger")
    return nlp


def real_model_installed() -> bool:
    return importlib.util.find_spec(MODEL_NAME) is not None


@lru_cache(maxsize=1)
def announce_choice() -> str:
    """Log, once per process, which pipeline the parsers will use; cheap (imports nothing heavy)."""
    if real_model_installed():
        log.info("text classification uses the spaCy model %s", MODEL_NAME)
        return MODEL_NAME
    log.info(
        "spaCy model %s is not installed: text classification uses the offline fallback "
        "(blank English pipeline, sentencizer, rule-based verb tags)",
        MODEL_NAME,
    )
    return "fallback"


@contextmanager
def _torch_hidden() -> Iterator[None]:
    """Importing spaCy imports thinc, which imports torch when it can (~1 s on 2 cores), for
    models a blank pipeline never runs. A parser worker has no use for torch: while spaCy is
    imported, ``import torch`` fails, so thinc takes its numpy path. Anything imported later
    still gets torch. When torch is already loaded, hiding it saves nothing, so nothing is hidden."""
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes ``import torch`` raise ImportError
    try:
        yield
    finally:
        del sys.modules["torch"]


@lru_cache(maxsize=1)
def choose_nlp() -> str:
    """Make unstructured use the real spaCy model if installed, else the offline fallback.

    Returns "en_core_web_sm" or "fallback". Runs once per (worker) process.
    """
    if real_model_installed():
        return MODEL_NAME
    with _torch_hidden():
        import unstructured.nlp.tokenize as tokenize

    tokenize._get_nlp = fallback_pipeline
    tokenize._load_spacy_model = fallback_pipeline  # never reach the downloader
    return "fallback"
