"""Ingest the real sample corpus with the real model, unstructured, FAISS and SQLite."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from conftest import run_rag
from ingest.pipeline import ingest
from rag.catalog import Catalog
from rag.index import Index
from rag.errors import IndexMismatchError

EXPECTED_TYPES = {"md", "txt", "html", "pdf", "docx", "pptx", "xlsx", "csv", "eml"}


def open_index(settings, embedder) -> Index:
    return Index.open(settings, embedder)


def assert_consistent(settings, embedder) -> None:
    with open_index(settings, embedder) as index:
        in_catalog = np.sort(index.catalog.chunk_ids())
        in_faiss = np.sort(index.vectors.ids())
        assert np.array_equal(in_catalog, in_faiss)


def test_sample_corpus_is_ingested_with_provenance(settings, embedder, docs_dir: Path):
    report = ingest([docs_dir], settings, embedder=embedder)
    assert report.failed == 0, report.errors
    assert report.added == report.files_seen == len(list(docs_dir.iterdir()))
    assert {p.suffix.lstrip(".") for p in docs_dir.iterdir()} >= EXPECTED_TYPES
    catalog = Catalog(settings.resolved_catalog_url)
    documents = {Path(d.path).name: d for d in catalog.documents()}
    assert all(d.status == "ok" and d.n_chunks >= 1 for d in documents.values())
    assert report.chunks == sum(d.n_chunks for d in documents.values()) == catalog.count_chunks()

    pdf = catalog.chunks_of(str(docs_dir / "water_treatment_report_2023.pdf"))
    assert {page for c in pdf for page in c.pages} == {1, 2, 3, 4}
    chlorine = [c for c in pdf if "chlorine contact time is 35 minutes" in c.text]
    assert chlorine and 3 in chlorine[0].pages

    bakery = catalog.chunks_of(str(docs_dir / "bakery_handbook.md"))
    ratio = [c for c in bakery if "1 part starter to 5 parts flour" in c.text][0]
    assert ratio.heading_path[-1] == "Feeding ratio" and "The sourdough starter" in ratio.heading_path
    assert [c for c in bakery if c.element_types == ("Table",)], "the markdown table is its own chunk"

    travel = catalog.chunks_of(str(docs_dir / "travel_policy.docx"))
    assert any(c.heading_path and c.heading_path[-1] == "Mileage" for c in travel)
    slides = catalog.chunks_of(str(docs_dir / "project_osprey_kickoff.pptx"))
    assert all(c.pages for c in slides)
    for chunk in bakery + pdf + travel:
        assert chunk.char_end - chunk.char_start == len(chunk.text)
        assert chunk.ordinal >= 0
    catalog.close()
    assert_consistent(settings, embedder)


def test_search_finds_facts_in_each_format(settings, embedder, docs_dir: Path):
    ingest([docs_dir], settings, embedder=embedder)
    questions = {
        "How long can the Aurora X2 fly on one battery?": ("aurora_x2_drone.html", "47 minutes"),
        "What is the sourdough starter called?": ("bakery_handbook.md", "Bartholomew"),
        "How much rain fell at Kestrel Ridge in March 2024?": ("weather_station_notes.txt", "212 millimetres"),
        "What is the chlorine contact time?": ("water_treatment_report_2023.pdf", "35 minutes"),
        "When must expense receipts be submitted?": ("travel_policy.docx", "30 days"),
        "When is the public launch of Project Osprey?": ("project_osprey_kickoff.pptx", "14 September 2025"),
        "How long is the downtime of the customer database migration?": ("maintenance_window.eml", "72 minutes"),
    }
    with open_index(settings, embedder) as index:
        for question, (name, fact) in questions.items():
            hits = index.search_vector(embedder.encode([question])[0], k=3)
            assert any(Path(h.chunk.path).name == name and fact in h.chunk.text for h in hits), question


def test_second_run_skips_everything_and_embeds_nothing(settings, embedder, docs_dir: Path):
    first = ingest([docs_dir], settings, embedder=embedder)
    embedder.calls = embedder.texts = 0
    second = ingest([docs_dir], settings, embedder=embedder)
    assert embedder.calls == 0
    assert (second.unchanged, second.added, second.updated, second.chunks, second.embedded) == (first.files_seen, 0, 0, 0, 0)


def test_modified_file_alone_is_reembedded_and_deleted_file_pruned(settings, embedder, docs_dir: Path):
    ingest([docs_dir], settings, embedder=embedder)
    before = Catalog(settings.resolved_catalog_url)
    old_ids = {c.id for c in before.chunks_of(str(docs_dir / "weather_station_notes.txt"))}
    before.close()

    notes = docs_dir / "weather_station_notes.txt"
    notes.write_text(notes.read_text() + "\nIn June 2024 a new snow gauge was installed beside the mast.\n")
    (docs_dir / "library_opening_hours.csv").unlink()
    embedder.calls = embedder.texts = 0
    report = ingest([docs_dir], settings, embedder=embedder)
    assert (report.updated, report.added, report.missing, report.removed) == (1, 0, 1, 0)
    assert report.unchanged == 7
    assert embedder.texts == report.embedded >= 1
    assert embedder.texts <= report.chunks  # only the changed file's new text went through the model

    catalog = Catalog(settings.resolved_catalog_url)
    new = catalog.chunks_of(str(notes))
    assert any("snow gauge" in c.text for c in new)
    assert not old_ids & {c.id for c in new}  # old vectors removed, not left behind
    catalog.close()
    assert_consistent(settings, embedder)

    pruned = ingest([docs_dir], settings, embedder=embedder, prune=True)
    assert pruned.removed == 1 and pruned.unchanged == 8
    catalog = Catalog(settings.resolved_catalog_url)
    assert not catalog.chunks_of(str(docs_dir / "library_opening_hours.csv"))
    assert len(catalog.documents()) == 8
    catalog.close()
    assert_consistent(settings, embedder)


def test_bad_files_are_recorded_and_never_stop_the_run(tmp_path: Path, settings, embedder, docs_dir: Path):
    bad = docs_dir / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not a pdf at all \x00\xff")
    (bad / "truncated.docx").write_bytes((docs_dir / "travel_policy.docx").read_bytes()[:2000])
    (bad / "song.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEfmt ")
    (bad / "spreadsheet.xls").write_bytes(b"\xd0\xcf\x11\xe0 not really")
    (bad / "pdf-pretending.txt").write_bytes((docs_dir / "water_treatment_report_2023.pdf").read_bytes())
    settings.max_file_mb = 0.045  # above every sample document, below huge.txt
    (bad / "huge.txt").write_text("word " * 10_000)
    report = ingest([docs_dir], settings, embedder=embedder)
    errors = {Path(e.path).name: e.error for e in report.errors}
    assert "empty" in errors["empty.txt"]
    assert "larger than the limit" in errors["huge.txt"]
    assert "unsupported" in errors["song.wav"]
    assert "LibreOffice" in errors["spreadsheet.xls"] or "parser failed" in errors["spreadsheet.xls"]
    assert errors["broken.pdf"] and errors["truncated.docx"]
    assert all(len(message) < 600 and "\n" not in message for message in errors.values())
    assert report.added >= 9  # every sample document (and the renamed PDF, if parsed) is still in
    catalog = Catalog(settings.resolved_catalog_url)
    failed = {Path(d.path).name: d for d in catalog.documents() if d.status == "failed"}
    assert set(failed) == set(errors)
    assert all(d.error for d in failed.values())
    catalog.close()

    again = ingest([docs_dir], settings, embedder=embedder)  # failures are remembered, not retried
    assert again.failed == 0 and again.unchanged == report.files_seen


def test_a_good_file_that_turns_bad_keeps_its_old_chunks(settings, embedder, docs_dir: Path):
    ingest([docs_dir], settings, embedder=embedder)
    pdf = docs_dir / "water_treatment_report_2023.pdf"
    pdf.write_bytes(b"%PDF-1.4 garbage")
    report = ingest([docs_dir], settings, embedder=embedder)
    assert report.failed == 1
    catalog = Catalog(settings.resolved_catalog_url)
    assert any("35 minutes" in c.text for c in catalog.chunks_of(str(pdf)))  # nothing stored is lost
    catalog.close()


def test_opening_with_another_embedding_model_is_a_clear_error(settings, embedder, docs_dir: Path, tmp_path: Path):
    ingest([docs_dir / "weather_station_notes.txt"], settings, embedder=embedder)
    other_model = tmp_path / "other-model"
    shutil.copytree(embedder.path, other_model)
    settings.embedding_model = str(other_model)
    with pytest.raises(IndexMismatchError, match="rm -r"):
        Index.open(settings)
    result = run_rag("ingest", str(docs_dir), "--index", str(settings.index_dir), env={"RAG_EMBEDDING_MODEL": str(other_model)})
    assert result.returncode == 3
    assert "was built with embedding model" in result.stderr and "Traceback" not in result.stderr


def test_cli_json_summary_exit_codes_and_docs_listing(tmp_path: Path, docs_dir: Path):
    index = tmp_path / "cli-index"
    (docs_dir / "empty.md").write_bytes(b"")
    result = run_rag("ingest", str(docs_dir), "--index", str(index), "--json")
    assert result.returncode == 1, result.stderr  # one file failed, the rest is stored
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    for key in ("files_seen", "added", "updated", "unchanged", "removed", "failed", "chunks", "seconds", "errors"):
        assert key in summary
    assert summary["added"] == 9 and summary["failed"] == 1
    assert summary["errors"][0]["path"].endswith("empty.md") and "empty" in summary["errors"][0]["error"]

    (docs_dir / "empty.md").unlink()
    again = run_rag("ingest", str(docs_dir), "--index", str(index), "--json", "--prune")
    assert again.returncode == 0
    assert json.loads(again.stdout.strip().splitlines()[-1])["removed"] == 1

    listing = run_rag("docs", "--index", str(index), "--json")
    rows = json.loads(listing.stdout)
    assert len(rows) == 9 and all(r["status"] == "ok" and r["chunks"] > 0 for r in rows)

    usage = run_rag("ingest", str(tmp_path / "does-not-exist"), "--index", str(index))
    assert usage.returncode == 2 and "no such file" in usage.stderr
    assert run_rag("ingest", "--index", str(index)).returncode == 2


def test_hi_res_without_its_models_is_a_clear_usage_error(settings, embedder, docs_dir: Path):
    from rag.errors import ConfigError

    settings.parse_strategy = "hi_res"  # no layout model and no tesseract ship offline
    with pytest.raises(ConfigError, match="hi_res|OCR"):
        ingest([docs_dir], settings, embedder=embedder)
    assert not settings.index_dir.exists()  # refused before anything was written


def test_a_pdf_s_words_broken_at_line_ends_are_stored_whole(tmp_path: Path, embedder):
    import rag
    from conftest import need_dataset

    manual = need_dataset("example-docs") / "pdf" / "embedded-images.pdf"  # a car manual set in two narrow columns
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        assert engine.ingest([manual]).failed == 0
        text = "\n".join(c.text for c in engine.index.catalog.chunks_of(str(manual.resolve())))
        hits = engine.retrieve("how long inside the detection area until remote locking is disabled", mode="keyword", k=1)
    assert "light up for approximately four seconds" in text and "ap- proximately" not in text
    assert "within the detection area" in text
    assert "15 minutes" in hits[0].text


def test_an_e_mail_saved_as_utf_16_is_read_as_text_not_as_nul_separated_bytes(tmp_path: Path, embedder):
    import rag

    message = ("MIME-Version: 1.0\nDate: Fri, 16 Dec 2022 17:04:16 -0500\nSubject: Dock rota\n"
               "From: Ana Ortiz <ana@harbour.example>\nTo: crew@harbour.example\n"
               "Content-Type: text/plain; charset=\"UTF-8\"\n\nThe night shift at pier 4 starts at 22:00.\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "rota-be.eml").write_bytes(message.encode("utf-16-be"))  # no byte-order mark
    (docs / "rota-bom.eml").write_bytes(message.encode("utf-16"))
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        report = engine.ingest([docs])
        assert report.failed == 0, report.errors
        for name in ("rota-be.eml", "rota-bom.eml"):
            text = "\n".join(c.text for c in engine.index.catalog.chunks_of(str((docs / name).resolve())))
            assert "\x00" not in text and "From (sent by): Ana Ortiz" in text and "starts at 22:00" in text, (name, text)


def test_a_plain_text_list_legend_and_aligned_table_keep_their_lines():
    # a router's quick-start guide: run together, "Flashing red" was lost in a 500-character "sentence" no quote could
    # show; an aligned table under a header line becomes rows that carry their headers
    from ingest.text_layout import kept_lines

    text = ("WHAT THE LIGHT MEANS\n--------------------\n  Steady blue       Connected to the internet\n"
            "  Flashing red      Firmware fault: restart the hub; if the light comes back, call us\n\n"
            "SETTING UP\n----------\n1. Plug one end of the red WAN cable into the red port on the back of the hub, and the other end into\n"
            "   the port marked LAN 1 on the fibre box.\n2. Connect the power adapter.\n\n"
            "Date         Vaccine                                   Next due\n"
            "9 Apr 2024   Annual booster: cat flu and enteritis    Apr 2025\n"
            "11 Apr 2025  Annual booster: cat flu, enteritis, FeLV  11 April 2026\n\n"
            "The hub broadcasts one network on both 2.4 GHz and 5 GHz and moves each device to the best band\n"
            "automatically, so most homes need nothing else.\n")
    blocks = list(kept_lines(text).values())
    assert blocks[0] == ("WHAT THE LIGHT MEANS\nSteady blue: Connected to the internet\n"
                         "Flashing red: Firmware fault: restart the hub; if the light comes back, call us")
    assert blocks[1] == ("SETTING UP\n1. Plug one end of the red WAN cable into the red port on the back of the hub, and the "
                         "other end into the port marked LAN 1 on the fibre box.\n2. Connect the power adapter.")
    assert blocks[2].splitlines()[1] == ("Date: 11 Apr 2025 | Vaccine: Annual booster: cat flu, enteritis, FeLV | "
                                         "Next due: 11 April 2026")
    assert len(blocks) == 3  # prose wrapped at a margin is left to the parser


def test_a_quick_start_guide_is_stored_with_its_lines(tmp_path, embedder):
    import rag

    guide = Path(__file__).resolve().parent.parent / "bench" / "data" / "own_folder" / "router_quick_start.txt"
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        assert engine.ingest([guide]).failed == 0
        text = "\n".join(c.text for c in engine.index.catalog.chunks_of(str(guide.resolve())))
    assert "\nFlashing red: Firmware fault: restart the hub; if the light comes back, call us\n" in text
    assert text.startswith("VELNET HOMEHUB 6 - QUICK START GUIDE\n\n")  # the underline is no part of the title
    assert "\nPhone: 0330 088 4150 (8am to 10pm, every day)\n" in text


def test_a_plain_text_e_mail_keeps_the_lines_of_its_bill(tmp_path, embedder):
    # run together, "BILL Annual boiler service £85.00 Condensate trap seal £6.50 TOTAL £91.50" gave no quote the total
    import rag

    mail = tmp_path / "docs" / "boiler.eml"
    mail.parent.mkdir()
    mail.write_text("From: Paul <paul@example.com>\nTo: Peggy <peggy@example.com>\nSubject: Boiler service\n"
                    "Content-Type: text/plain; charset=utf-8\n\nHello,\n\nNEXT VISIT\nI'll come back in October to\n"
                    "check the seal.\n\nBILL\n"
                    "  Annual boiler service            £85.00\n  Condensate trap seal             £6.50\n"
                    "  TOTAL                            £91.50\n\nPaul\n", encoding="utf-8")
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        assert engine.ingest([mail.parent]).failed == 0
        text = "\n".join(c.text for c in engine.index.catalog.chunks_of(str(mail.resolve())))
    assert "BILL\nAnnual boiler service: £85.00\nCondensate trap seal: £6.50\nTOTAL: £91.50" in text
    assert "NEXT VISIT\nI'll come back in October to check the seal." in text  # a heading in capitals: a line of its own
    from ingest.text_layout import kept_lines

    assert not kept_lines("THE TENANT AGREES\nto pay the rent on time and to keep the house clean.\n")  # a sentence goes on


def test_an_aligned_table_with_row_labels_and_dashed_column_rules_keeps_its_headers():
    from ingest.text_layout import kept_lines

    hours = ("                 UNTIL 30 JUNE          FROM 1 JULY\nMonday           Closed                 Closed\n"
             "Thursday         7:30am - 4:00pm        7:30am - 5:00pm\nSunday           9:00am - 2:00pm        9:00am - 2:00pm\n")
    assert list(kept_lines(hours).values()) == [
        "Monday | UNTIL 30 JUNE: Closed | FROM 1 JULY: Closed\n"
        "Thursday | UNTIL 30 JUNE: 7:30am - 4:00pm | FROM 1 JULY: 7:30am - 5:00pm\n"
        "Sunday | UNTIL 30 JUNE: 9:00am - 2:00pm | FROM 1 JULY: 9:00am - 2:00pm"]
    schedule = ("TASK                               HOW OFTEN\n-------------------------------    -------------\n"
                "Flush group head                   Before every shot\nReplace water filter cartridge     Every 3 months\n")
    assert list(kept_lines(schedule).values()) == [
        "TASK: Flush group head | HOW OFTEN: Before every shot\nTASK: Replace water filter cartridge | HOW OFTEN: Every 3 months"]


def test_prose_typed_with_two_spaces_after_its_sentences_is_left_to_the_parser():
    from ingest.text_layout import kept_lines

    prose = ("The plant opened in 1998.  It serves about 140,000 residents in the valley and is run by\n"
             "the water board.  The board met eleven times in 2023.  Its chair was re-elected in January\n"
             "for a term of three years.  The report was approved in March.\n")
    assert kept_lines(prose) == {}
