"""The web UI's pages driven by Streamlit's AppTest: the real app script, real engine, real index."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ingest.pipeline import ingest
from ingest.uploads import safe_name, stored_name
from rag.config import Settings
from conftest import ROOT
from webui import render
from webui.pdf_view import find_span

APP = str(ROOT / "webui" / "app.py")


def open_app(index_dir: Path, monkeypatch, page: str | None = None) -> AppTest:
    monkeypatch.setenv("RAG_INDEX_DIR", str(index_dir))
    app = AppTest.from_file(APP, default_timeout=600)
    if page:
        app.switch_page(f"views/{page}.py")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def html_texts(app: AppTest) -> list[str]:
    return [h.value for h in app.html]


def shown(markdown: str) -> str:
    """What the browser shows for a label, heading or alert built with render.md_text."""
    return re.sub(r"\\(.)", r"\1", markdown)


def button(app: AppTest, label: str):
    found = [b for b in app.button if shown(b.label).startswith(label)]
    assert found, f"no button {label!r} among {[b.label for b in app.button]}"
    return found[0]


@pytest.fixture
def small_index(tmp_path: Path, shared_embedder) -> Path:
    """A fresh index with one Markdown document, safe to write to."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "pumps.md").write_text("# Pump station\n\nThe booster pump delivers 40 litres per second at 6 bar.\n")
    folder = tmp_path / "index"
    report = ingest([docs], Settings(index_dir=folder, workers=1), embedder=shared_embedder)
    assert report.chunks > 0
    return folder


# ---- chat ------------------------------------------------------------------------------------


@pytest.mark.slow  # real generation with the bundled GGUF
def test_chat_streams_a_cited_answer_whose_chip_opens_the_pdf_page(sample_index: Path, monkeypatch):
    app = open_app(sample_index, monkeypatch)
    app.chat_input[0].set_value("What is the chlorine contact time?").run()
    assert not app.exception and not app.error
    assert [m.name for m in app.chat_message] == ["user", "assistant"]
    assert any("35 minutes" in h and "rag-cite" in h for h in html_texts(app))
    chip = button(app, "[1] water_treatment_report_2023.pdf")
    chip.click().run()
    marked = [h for h in html_texts(app) if "<mark>" in h]
    assert marked and "35 minutes" in marked[0].split("<mark>")[1].split("</mark>")[0]
    assert any("water_treatment_report_2023.pdf" in h and "p" in h for h in html_texts(app))
    assert app.image and [shown(c) for c in app.image[0].captions] == ["water_treatment_report_2023.pdf, page 3"]  # the quote's page
    # the chip closes again, and "new chat" empties the history
    button(app, "[1] water_treatment_report_2023.pdf").click().run()
    assert not app.image
    button(app, "New chat").click().run()
    assert not app.chat_message


def test_an_off_topic_question_is_refused_with_the_closest_passages(sample_index: Path, monkeypatch):
    app = open_app(sample_index, monkeypatch)
    app.chat_input[0].set_value("Who won the 1998 football world cup?").run()
    assert not app.exception and not app.error
    texts = html_texts(app)
    assert any(render.REFUSAL_TEXT in h for h in texts)
    assert any(render.REASONS["no_relevant_passages"] in h for h in texts)
    assert app.expander and app.expander[0].label.startswith("Closest passages")


@pytest.mark.slow  # the bundled GGUF drafts before the refusal
def test_a_draft_no_sentence_answers_is_refused_and_shown_unchecked(sample_index: Path, monkeypatch):
    app = open_app(sample_index, monkeypatch)
    app.chat_input[0].set_value("What is the mileage rate?").run()
    assert not app.exception and not app.error
    texts = html_texts(app)
    assert any(render.REFUSAL_TEXT in h for h in texts)
    assert any(render.REASONS["no_answering_sentence"] in h for h in texts)
    assert [e.label for e in app.expander][:2] == ["The model's unchecked draft", "Closest passages (3)"]
    assert any("0.42 euros" in h for h in texts)  # the draft, in its expander


@pytest.mark.slow  # the bundled GGUF drafts before the refusal
def test_a_refused_misspelt_question_offers_the_question_respelt(sample_index: Path, monkeypatch):
    app = open_app(sample_index, monkeypatch)
    app.chat_input[0].set_value("What is the chlorine contcat time?").run()
    assert not app.exception and any(render.REFUSAL_TEXT in h for h in html_texts(app))
    button(app, "Did you mean: What is the chlorine contact time?").click().run()
    assert not app.exception and not app.error
    assert [m.name for m in app.chat_message] == ["user", "assistant"] * 2  # the suggestion is asked as a new turn
    assert any("35 minutes" in h and "rag-cite" in h for h in html_texts(app))


@pytest.mark.parametrize("saved", [
    {"llm_backend": "openai", "llm_base_url": "http://127.0.0.1:{port}/v1"},
    {"llm_model_path": "/nonexistent/model.gguf"},
], ids=["server-down", "model-missing"])
def test_model_problems_are_readable_errors_not_stack_traces(small_index: Path, monkeypatch, saved):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    saved = {k: v.format(port=port) for k, v in saved.items()}
    (small_index / "ui-settings.json").write_text(json.dumps(saved))
    app = open_app(small_index, monkeypatch)
    app.chat_input[0].set_value("How many litres per second does the booster pump deliver?").run()
    assert not app.exception
    assert app.error and app.error[0].value.startswith("Could not answer")
    assert ("127.0.0.1" in shown(app.error[0].value)) if "llm_base_url" in saved else ("nonexistent" in app.error[0].value)
    assert "Traceback" not in app.error[0].value


# ---- documents -------------------------------------------------------------------------------


def test_documents_upload_ingest_list_delete_and_collections(small_index: Path, monkeypatch, tmp_path: Path):
    app = open_app(small_index, monkeypatch, "documents")
    assert app.dataframe[0].value["name"].tolist() == ["pumps.md"]
    hostile = "../../<b>evil</b> notes.md"
    app.file_uploader[0].set_value([
        (hostile, b"# Valves\n\nThe relief valve opens at 7.5 bar.\n", "text/markdown"),
        ("empty.txt", b"", "text/plain"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "application/pdf"),
    ]).run()
    button(app, "Ingest 3 file(s)").click().run()
    assert not app.exception
    assert app.warning and "1 added" in app.warning[0].value and "1 failed" in app.warning[0].value
    status = app.dataframe[0].value  # per-file status of the run
    by_file = dict(zip(status["file"], status["error"]))
    assert by_file["empty.txt"].endswith("the file is empty")
    assert any(name.startswith("broken.pdf") and error for name, error in by_file.items())
    uploads = small_index / "uploads" / "default"
    saved = uploads / stored_name(hostile)
    assert saved.is_file() and saved.parent == uploads and not (tmp_path / "<b>evil</b> notes.md").exists()
    listed = app.dataframe[1].value
    assert sorted(listed["name"]) == sorted(["pumps.md", saved.name, "broken.pdf"])
    assert dict(zip(listed["name"], listed["status"]))["broken.pdf"] == "failed"

    # delete the upload: gone from the index and from the upload folder
    from webui.state import _engine

    doc_ids = {Path(d.path).name: d.id for d in _engine(str(small_index.absolute())).documents("default")}
    app.multiselect[0].set_value([doc_ids[saved.name]]).run()
    button(app, "Delete").click().run()
    assert not app.exception
    assert sorted(app.dataframe[-1].value["name"]) == ["broken.pdf", "pumps.md"]
    assert not saved.exists()

    # a new collection becomes the current one and starts empty; re-sync a folder into it
    app.text_input(key="new_collection").set_value("Contracts")
    button(app, "Create").click().run()
    assert app.selectbox[0].value == "Contracts"
    assert any("Documents in 'Contracts' (0)" in shown(s.value) for s in app.subheader)
    folder = tmp_path / "contracts"
    folder.mkdir()
    (folder / "lease.txt").write_text("The lease of the depot ends on 30 June 2031.\n")
    app.text_input(key="resync_folder").set_value(str(folder))
    button(app, "Re-sync").click().run()
    assert not app.exception and app.success and "1 added" in app.success[0].value
    assert app.dataframe[-1].value["name"].tolist() == ["lease.txt"]
    app.selectbox[0].set_value("default").run()
    assert sorted(app.dataframe[-1].value["name"]) == ["broken.pdf", "pumps.md"]


def test_resync_of_a_missing_folder_is_a_readable_error(small_index: Path, monkeypatch, tmp_path: Path):
    app = open_app(small_index, monkeypatch, "documents")
    app.text_input(key="resync_folder").set_value(str(tmp_path / "nowhere"))
    button(app, "Re-sync").click().run()
    assert not app.exception and app.error and "Not a folder" in app.error[0].value


# ---- settings --------------------------------------------------------------------------------


def test_settings_are_saved_and_applied_without_restart(small_index: Path, monkeypatch, tmp_path: Path):
    app = open_app(small_index, monkeypatch, "settings")
    app.number_input[1].set_value(5)  # top-k
    app.selectbox[0].set_value("keyword")
    app.slider[0].set_value(0.3)
    app.number_input[0].set_value(4096)  # context
    app.button[0].click().run()  # the form's Save
    assert not app.exception and app.success, [e.value for e in app.error]
    saved = json.loads((small_index / "ui-settings.json").read_text())
    assert saved["top_k"] == 5 and saved["retrieval_mode"] == "keyword" and saved["n_ctx"] == 4096
    assert saved["temperature"] == pytest.approx(0.3)

    from webui.state import _engine

    engine = _engine(str(small_index.absolute()))
    assert engine.settings.top_k == 5 and engine.settings.retrieval_mode == "keyword"
    # the chat page of the same running app shows and uses them
    app.switch_page("views/chat.py").run()
    assert any("top-k 5, keyword" in h for h in html_texts(app))

    # a GGUF path that does not exist is refused and nothing changes
    app.switch_page("views/settings.py").run()
    app.text_input[0].set_value(str(tmp_path / "missing.gguf"))
    app.number_input[1].set_value(2)
    app.button[0].click().run()
    assert app.error and "No GGUF file" in app.error[0].value
    assert engine.settings.top_k == 5 and json.loads((small_index / "ui-settings.json").read_text())["top_k"] == 5

    # a server that does not answer is saved, with a warning
    app.text_input[0].set_value("")
    app.radio[0].set_value("openai")
    app.text_input[1].set_value("http://127.0.0.1:9/v1")
    app.button[0].click().run()
    assert app.success and app.warning and "did not answer" in app.warning[0].value
    assert engine.settings.llm_backend == "openai"


# ---- safety of what is shown -----------------------------------------------------------------


def test_document_and_model_text_is_escaped_never_rendered():
    hostile = '<img src=x onerror="alert(1)"> ![t](http://example.com/x.png) <script>alert(2)</script> **b**'
    for produced in (render.text_html(hostile), render.answer_html(hostile + " [1]"), render.highlighted(hostile, 5, 20)):
        assert "<img" not in produced and "<script" not in produced and "&lt;img" in produced
    assert '<sup class="rag-cite">[1]</sup>' in render.answer_html("Yes [1].")
    assert render.highlighted("abc def ghi", 4, 7) == '<div class="rag-text">abc <mark>def</mark> ghi</div>'


def test_names_in_labels_headings_and_alerts_are_escaped_markdown():
    name = "![x](http:127.0.0.1:9?leak=1) <b>b</b> [l](u) *i* _u_ `c` $m$ :red[r] :smile: | # ~ \\ &amp;.txt"
    escaped = render.md_text(name)
    assert shown(escaped) == name  # the browser shows the name itself ...
    assert not re.search(r"(?<!\\)[!\[\]()<>*_`$:|#~&]", escaped.replace("\\\\", ""))  # ... no Markdown left
    assert render.md_text("a\nb\x1b[31m\u202etxt.exe") == "a b \\[31m txt\\.exe"  # one line, no control characters
    assert render.plain("a\tb\u202ec") == "a b c"


def test_a_hostile_collection_name_is_escaped_on_the_documents_page(small_index: Path, monkeypatch):
    name = "![c](http:127.0.0.1:9?leak=1) <img src=x> *i*"
    app = open_app(small_index, monkeypatch, "documents")
    app.text_input(key="new_collection").set_value(name)
    button(app, "Create").click().run()
    assert not app.exception and app.selectbox[0].value == name, ([e.value for e in app.error], app.selectbox[0].options)
    assert [s.value for s in app.subheader if "Documents in" in s.value] == [render.md_text(f"Documents in '{name}' (0)")]
    assert shown(app.file_uploader[0].label).endswith(f"join '{name}'")
    assert "![c]" not in app.file_uploader[0].label


def test_upload_names_cannot_escape_the_upload_folder(tmp_path: Path):
    from ingest.uploads import UploadError, save_upload

    cases = {
        "../../etc/passwd": "passwd",
        "..\\..\\windows\\evil.pdf": "evil.pdf",
        ".hidden.md": "hidden.md",
        "..": "upload",
        "": "upload",
        "con.txt": "_con.txt",
        "a\x00b\x1b[31m.txt": "ab_31m.txt",
        "report (final).pdf": "report (final).pdf",
        "Überblick ü.docx": "Überblick ü.docx",
    }
    for raw, expected in cases.items():
        assert safe_name(raw) == expected, raw
    long = safe_name("x" * 500 + ".pdf")
    assert long.endswith(".pdf") and len(long.encode()) <= 180
    folder = tmp_path / "uploads"
    for raw in cases:
        saved = save_upload(folder, raw, b"data", 1024)
        assert saved.path.parent == folder.resolve()
    with pytest.raises(UploadError, match="empty"):
        save_upload(folder, "a.txt", b"", 1024)
    with pytest.raises(UploadError, match="limit"):
        save_upload(folder, "a.txt", b"x" * 2048, 1024)
    assert not list(folder.glob(".*.part"))


def test_the_quote_is_found_on_the_pdf_page_across_line_breaks():
    page = "Chlorination\r\nThe chlorine contact time is 35 minutes at design flow. Free chlorine\r\nleaving"
    start, end = find_span(page, "the chlorine contact time is 35 minutes at design flow. free chlorine leaving")
    assert page[start:end].startswith("The chlorine") and page[start:end].endswith("leaving")
    start, end = find_span(page, "The chlorine contact time is 35 minutes, as written elsewhere")
    assert page[start:end] == "The chlorine contact time is 35"  # the longest leading run of whole words
    assert find_span(page, "nothing like it here") is None
    page = "the hazard warning lights flash twice and then light up for ap-\nproximately four seconds - and a beep"
    start, end = find_span(page, "light up for approximately four seconds - and a beep")
    assert page[start:end].startswith("light up for ap-") and page[start:end].endswith("a beep")


def test_rag_ui_command_offers_index_and_port():
    from conftest import run_rag

    result = run_rag("ui", "--help")
    assert result.returncode == 0 and "--port" in result.stdout and "--index" in result.stdout
