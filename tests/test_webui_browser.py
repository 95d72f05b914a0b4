"""End to end in a real browser: `rag ui` on loopback, Debian's headless Chromium driven by Playwright.

Uploads a PDF, waits for the ingest, asks about it, watches the answer stream in, opens the
citation chip's source view, and saves screenshots (into RAG_SCREENSHOTS if set, for docs/).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import IN_CI, SAMPLE_DOCS, free_port

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
QUESTION = "What is the chlorine contact time?"

pytestmark = pytest.mark.slow


@pytest.fixture
def app_url(tmp_path: Path):
    """`rag ui` over a new, empty index, on a free loopback port; stopped after the test."""
    yield from serve(tmp_path / "index", tmp_path)


@pytest.fixture
def sample_app_url(sample_index: Path, tmp_path: Path):
    """`rag ui` over a copy of the sample_docs/ index."""
    index = tmp_path / "index"
    shutil.copytree(sample_index, index)
    yield from serve(index, tmp_path)


def serve(index: Path, tmp_path: Path):
    port = free_port()
    log = (tmp_path / "ui.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "ui", "--index", str(index), "--port", str(port)],
        cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        # the model is asked for every question, so that answers stream (by default the bundled model is not asked
        # when a passage sentence answers, and the quote shows at once)
        env={**os.environ, "HF_HUB_OFFLINE": "1", "RAG_GENERATE_WHEN_QUOTED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"rag ui did not start:\n{(tmp_path / 'ui.log').read_text()}")
        time.sleep(0.5)
    try:
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


def foreign_requests(page, url: str) -> list[str]:
    """A list that fills with every URL the page asks for other than the app's own: nothing of the UI
    (fonts, icons, images named in a document) may come from elsewhere."""
    own = (url + "/", url.replace("http", "ws", 1) + "/")
    foreign: list[str] = []

    def note(target: str) -> None:
        if not target.startswith(own) and not target.startswith("data:"):
            foreign.append(target)

    page.on("request", lambda request: note(request.url))
    page.on("websocket", lambda socket: note(socket.url))
    return foreign


@pytest.fixture
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail("chromium is not installed; scripts/test.sh installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("RAG_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_upload_ingest_ask_stream_and_open_the_source(app_url: str, browser, shots: Path, tmp_path: Path):
    page = browser.new_page(viewport={"width": 1360, "height": 1000})
    page.set_default_timeout(180_000)
    foreign = foreign_requests(page, app_url)
    page.goto(app_url)
    page.get_by_role("heading", name="Ask your documents").wait_for()
    page.get_by_text("This collection has no documents yet").wait_for()

    # upload a PDF and a text file; the page shows live progress and per-file status
    page.get_by_role("link", name="Documents").click()
    page.get_by_role("heading", name="Documents", exact=True).wait_for()
    page.locator("input[type=file]").set_input_files(
        [str(SAMPLE_DOCS / "water_treatment_report_2023.pdf"), str(SAMPLE_DOCS / "weather_station_notes.txt")]
    )
    ingest_button = page.get_by_role("button", name="Ingest 2 file(s)")
    ingest_button.wait_for()
    ingest_button.click()
    page.get_by_text(re.compile(r"Parsing 2 files|of 2 files")).first.wait_for()
    page.locator("[data-testid=stDataFrame] canvas").first.wait_for()
    page.wait_for_timeout(800)  # let the table draw its rows
    page.screenshot(path=str(shots / "documents-ingest.png"), full_page=True)
    # leaving the page mid-ingest does not stop it: the chat page opens at once, the ingest goes on
    page.get_by_role("link", name="Chat").click()
    page.get_by_role("heading", name="Ask your documents").wait_for()
    page.get_by_role("link", name="Documents").click()
    deadline = time.monotonic() + 300
    while not page.get_by_text("Documents in 'default' (2)").is_visible():
        assert time.monotonic() < deadline, "the ingest did not finish after the user left the page"
        page.wait_for_timeout(1000)
        page.reload()
        page.get_by_role("heading", name="Documents", exact=True).wait_for()
    uploads = tmp_path / "index" / "uploads" / "default"
    assert sorted(p.name for p in uploads.iterdir()) == ["water_treatment_report_2023.pdf", "weather_station_notes.txt"]

    # ask; the answer grows piece by piece, then the finished answer carries a citation chip
    page.get_by_role("link", name="Chat").click()
    box = page.get_by_placeholder("Ask a question about your documents")
    box.fill(QUESTION)
    box.press("Enter")
    assistant = page.locator("[data-testid=stChatMessage]").nth(1)
    chip = page.locator("button", has_text="water_treatment_report_2023.pdf").first
    seen: list[str] = []
    deadline = time.monotonic() + 300
    while not chip.is_visible():
        if assistant.count():
            text = assistant.inner_text(timeout=5_000).strip()
            if text and (not seen or seen[-1] != text):
                seen.append(text)
        assert time.monotonic() < deadline, f"no citation chip; the answer went through {seen}"
        time.sleep(0.05)
    partial = [t for t in seen if "Searching" not in t]
    assert len(partial) >= 2, f"the answer did not stream: {seen}"
    assert "35 minutes" in assistant.inner_text()

    # the chip opens the passage with the quote marked, and the PDF page as an image
    chip.click()
    mark = page.locator("mark", has_text="35 minutes")
    mark.wait_for()
    page.get_by_text("water_treatment_report_2023.pdf, page 3").wait_for()
    image = page.locator("[data-testid=stImage] img").first
    image.wait_for()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    page.set_viewport_size({"width": 1360, "height": 1500})  # the whole conversation in one picture
    page.wait_for_timeout(500)
    page.screenshot(path=str(shots / "chat-citation.png"), full_page=True)

    page.set_viewport_size({"width": 1360, "height": 1000})
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("heading", name="Settings").wait_for()
    page.get_by_role("button", name="Save").wait_for()
    page.screenshot(path=str(shots / "settings.png"), full_page=True)

    for name in ("documents-ingest.png", "chat-citation.png", "settings.png"):
        assert (shots / name).stat().st_size > 20_000, name
    assert foreign == [], f"the UI asked others for {foreign}"


def test_a_question_typed_while_an_answer_streams_is_answered_after_it(sample_app_url: str, browser):
    page = browser.new_page(viewport={"width": 1360, "height": 1000})
    page.set_default_timeout(180_000)
    page.goto(sample_app_url)
    page.get_by_role("heading", name="Ask your documents").wait_for()
    box = page.get_by_placeholder("Ask a question about your documents")
    box.fill(QUESTION)
    box.press("Enter")
    messages = page.locator("[data-testid=stChatMessage]")
    # wait until the first answer is being written, then ask the next question
    deadline = time.monotonic() + 300
    while not (messages.count() >= 2 and re.search(r"\w", messages.nth(1).inner_text().replace("Searching the documents", ""))):
        assert time.monotonic() < deadline, "the first answer never started"
        time.sleep(0.05)
    second = "How much rain fell in March 2024?"
    box.fill(second)
    box.press("Enter")
    page.get_by_text(second).first.wait_for()  # shown at once, not lost
    deadline = time.monotonic() + 300
    while page.get_by_text("waiting for the answer above").count() or messages.count() < 4 \
            or "Searching the documents" in messages.nth(3).inner_text():
        assert time.monotonic() < deadline, f"not both answered: {[messages.nth(i).inner_text() for i in range(messages.count())]}"
        page.wait_for_timeout(250)
    texts = [messages.nth(i).inner_text() for i in range(4)]
    page.locator("button", has_text="weather_station_notes.txt").first.wait_for()
    texts = [messages.nth(i).inner_text() for i in range(messages.count())]
    assert len(texts) == 4, texts
    assert QUESTION in texts[0] and "35 minutes" in texts[1]
    assert second in texts[2] and "212" in texts[3]
