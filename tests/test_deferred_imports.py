"""Deferred imports in parser workers: a fast PDF parse skips the layout-model code, and anything that
does use a deferred module gets the real one. Fresh interpreters: the test process has all loaded."""

from __future__ import annotations

import json

from conftest import ROOT
from test_worker_start import _fresh

PDFS = [ROOT / "sample_docs" / "water_treatment_report_2023.pdf",
        ROOT.parent / "shared" / "datasets" / "example-docs" / "pdf" / "layout-parser-paper-with-empty-pages.pdf"]
HEAVY = ("onnxruntime", "matplotlib", "pandas", "unstructured_inference.inference.layout")


def _parse_pdfs(defer: bool) -> dict:
    return json.loads(_fresh(f"""
        import json, sys
        from ingest.deferred_imports import defer, loaded
        from ingest.offline_nlp import choose_nlp
        if {defer}:
            defer()
        choose_nlp()
        from unstructured.partition.auto import partition
        texts = [[(type(e).__name__, e.text) for e in partition(filename=p, strategy="fast", languages=["eng"])]
                 for p in {[str(p) for p in PDFS if p.exists()]!r}]
        print(json.dumps({{"texts": texts, "loaded": [m for m in {HEAVY!r} if loaded(m)]}}))
    """).strip().splitlines()[-1])


def test_a_fast_pdf_parse_gives_the_same_elements_without_loading_the_layout_models():
    deferred, plain = _parse_pdfs(True), _parse_pdfs(False)
    assert deferred["texts"] == plain["texts"] and all(deferred["texts"])
    assert deferred["loaded"] == []
    assert plain["loaded"] == list(HEAVY)  # what the deferral saves: imported for nothing without it


def test_a_deferred_module_is_imported_for_real_on_first_use():
    out = _fresh("""
        import sys
        from ingest.deferred_imports import defer, loaded
        defer(("json.decoder", "unstructured_pytesseract", "email.mime"))
        from json.decoder import JSONDecoder, JSONDecodeError   # json imported it already: nothing deferred
        print(loaded("json.decoder"))
        import unstructured_pytesseract
        from unstructured_pytesseract import Output, get_tesseract_version
        print(loaded("unstructured_pytesseract"), "pandas" in sys.modules)
        print(isinstance(Output.DICT, str), loaded("unstructured_pytesseract"))   # first use: the real module
        print(unstructured_pytesseract.Output is Output._resolve(), issubclass(Output._resolve(), Output))
        from email.mime.text import MIMEText          # a submodule of a deferred package: the package first
        print(loaded("email.mime"), MIMEText("hi")["Content-Type"])
        class Sub(Output): pass                       # a stand-in as a base class
        print(Sub.__mro__[1].__name__)
    """).splitlines()
    assert out == ["True", "False False", "True True", "True True", "True text/plain; charset=\"us-ascii\"", "Output"]
