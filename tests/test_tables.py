"""Tables as rows that carry their headers: CSV, XLSX (every sheet), HTML, DOCX and PDF through the
real parser and chunker, and a number from the wrong row or column is not supported."""

from __future__ import annotations

from pathlib import Path

import pytest
from unstructured.documents.elements import ElementMetadata, Table, Title

from ingest.chunk import make_chunks
from ingest.table_headers import headers_of
from ingest.tables import expand_tables, html_rows, row_line, table_lines
from rag.cite import verify
from rag.embed import load_tokenizer, resolve_model_path, token_offsets
from rag.records import Passage

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "bench" / "data" / "tables"
TOKENIZER = load_tokenizer(resolve_model_path("all-MiniLM-L6-v2"))
HOURS = ("Branch: Elm Street | Weekday hours: 09:00-20:00 | Saturday hours: 08:30-14:00 | Sunday hours: closed\n"
         "Branch: Riverside | Weekday hours: 10:00-18:00 | Saturday hours: 10:00-16:00 | Sunday hours: 12:00-16:00\n"
         "Branch: Old Town | Weekday hours: 09:00-19:00 | Saturday hours: 09:00-13:00 | Sunday hours: closed")


def passage(text: str, source: str = "/docs/library_opening_hours.csv") -> Passage:
    return Passage(chunk_id=1, source=source, text=text, page=None, pages=(), heading_path=(), char_start=0,
                   char_end=len(text), file_type="csv", collection="default", score=1.0)


def test_html_header_rows_and_colspans_become_headers_of_every_row():
    html = ("<table><caption>Rates</caption><thead><tr><th>Room</th><th colspan='2'>Season</th></tr>"
            "<tr><th></th><th>Low</th><th>High</th></tr></thead>"
            "<tbody><tr><td>Single</td><td>74</td><td>112</td></tr><tr><td>Loft</td><td>129</td><td>184</td></tr></tbody></table>")
    rows, header_rows = html_rows(html)
    headers, data = headers_of(rows, header_rows)
    assert headers == ["Room", "Season Low", "Season High"]
    assert [row_line(headers, r) for r in data] == ["Room: Single | Season Low: 74 | Season High: 112",
                                                   "Room: Loft | Season Low: 129 | Season High: 184"]


def test_a_first_row_of_words_is_taken_as_the_header_and_empty_cells_are_left_out():
    rows, header_rows = html_rows("<table><tr><td>Part</td><td>Stock</td></tr><tr><td>W-778</td><td></td></tr>"
                                  "<tr><td>G-102</td><td>5620</td></tr></table>")
    headers, data = headers_of(rows, header_rows)
    assert [row_line(headers, r) for r in data] == ["Part: W-778", "Part: G-102 | Stock: 5620"]


def test_a_long_table_is_cut_at_rows_and_each_piece_keeps_the_caption_as_heading():
    body = "".join(f"<tr><td>Item {i}</td><td>{i * 7}.50</td><td>{i * 3} kg</td></tr>" for i in range(120))
    table = Table("flat text", metadata=ElementMetadata(
        text_as_html=f"<table><caption>Price list</caption><tr><th>Item</th><th>Price</th><th>Weight</th></tr>{body}</table>"))
    fits = lambda text: len(token_offsets(TOKENIZER, text)) <= 254  # noqa: E731 - as ingest/parse.py passes it
    elements = expand_tables([table], max_chars=900, fits=fits)
    assert isinstance(elements[0], Title) and elements[0].text == "Price list"
    doc_text, chunks = make_chunks(elements, max_chars=900, soft_chars=700, overlap=100, combine_under=200,
                                   tokenize=lambda t: token_offsets(TOKENIZER, t), window=254)
    rows = [c for c in chunks if "Table" in c.element_types]
    assert len(rows) > 3 and all(c.heading_path == ("Price list",) for c in rows)
    assert not [c for c in chunks if c.element_types == ("Title",)]  # no chunk that is only the caption
    for chunk in rows:
        assert chunk.n_tokens <= 254
        caption, *lines = chunk.text.split("\n")
        assert caption == "Price list"  # every piece starts with it, so a search for it finds the rows
        for line in lines:  # whole rows only, each with its headers
            assert line.startswith("Item: Item ") and "| Price: " in line and line.endswith(" kg")
    assert sum(c.text.count("\n") for c in rows) == 120


@pytest.mark.parametrize(("name", "row", "heading"), [
    ("ferry_timetable.csv", "Route: Tarn Bay | First sailing: 06:55 | Last sailing: 22:10 | Crossing (min): 25", None),
    ("clinic_budget.xlsx", "Department: Nursing | Head count: 26 | Staff costs (EUR): 1402000", "2025 budget"),
    ("clinic_budget.xlsx", "Department: Nursing | Head count: 24 | Staff costs (EUR): 1315000", "2024 budget"),
    ("saltmarsh_inn_rates.html", "Room type: Attic loft | Low season: 129 | Shoulder season: 149 | High season: 184",
     "Room rates per night in EUR, 2025 season"),
    ("calibration_schedule_2025.docx", "Instrument: Centrifuge CF-6 | Room: C212 | Last calibrated: 2024-12-09",
     "Calibration schedule 2025"),
    ("fleet_mileage_q3_2024.pdf", "Vehicle: Van 03 | Driver: Priya Nand | July (km): 3,705 | August (km): 3,466", None),
])
def test_every_format_stores_rows_with_their_headers(tmp_path, embedder, name, row, heading):
    import rag

    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        report = engine.ingest([TABLES / name])
        assert report.failed == 0, report.errors
        chunks = engine.index.catalog.chunks_of(str((TABLES / name).resolve()))
    holding = [c for c in chunks if row in c.text]
    assert holding, [c.text for c in chunks]
    if heading:
        assert heading in holding[0].heading_path
    if name.endswith(".pdf"):
        assert holding[0].pages == (1,)


def test_a_number_from_the_wrong_column_or_row_is_not_supported():
    table = passage(HOURS)
    saturday = "When does the Riverside branch close on Saturday?"
    right = verify("The Riverside branch closes at 16:00 on Saturday [1].", [table], 0.6, question=saturday)
    assert right.sentences[0].supported and "Riverside" in right.citations[0].quote
    weekday = verify("The Riverside branch closes at 18:00 on Saturday [1].", [table], 0.6, question=saturday)
    assert not weekday.sentences[0].supported  # 18:00 is the weekday close
    other_row = verify("It closes at 14:00 on Saturday [1].", [table], 0.6, question=saturday)
    assert not other_row.sentences[0].supported  # 14:00 is Elm Street's
    # without the question the old check (the number is somewhere in the passage) still passes it
    assert verify("The Riverside branch closes at 18:00 on Saturday [1].", [table], 0.6).sentences[0].supported


def test_a_number_from_a_table_without_the_row_the_question_names_is_not_supported():
    cups = passage("Team: Blues | Location: STL | Stanley Cups: 1\nTeam: Flyers | Location: PHI | Stanley Cups: 2\n"
                   "Team: Maple Leafs | Location: TOR | Stanley Cups: 13")
    montreal = "How many Stanley Cups does the Stanley Cups table list for the Montreal Canadiens?"
    assert not verify("The Stanley Cups table lists 1 [1].", [cups], 0.6, question=montreal).sentences[0].supported
    flyers = "In the Excel sheet, how many Stanley Cups have the Flyers won?"  # "Excel" names the source, not a row
    assert verify("The Flyers have won 2 Stanley Cups [1].", [cups], 0.6, question=flyers).sentences[0].supported


def test_a_number_in_prose_must_share_a_sentence_with_the_question():
    text = ("The plant treated 18.4 million litres per day in 2023. The chlorine contact time is 35 minutes. "
            "Filters are backwashed every 36 hours.")
    question = "How often are the filters backwashed?"
    assert verify("Filters are backwashed every 36 hours [1].", [passage(text, "/d/r.pdf")], 0.6, question=question).sentences[0].supported
    wrong = verify("The filters are backwashed every 35 minutes [1].", [passage(text, "/d/r.pdf")], 0.6, question=question)
    assert not wrong.sentences[0].supported


def test_in_a_time_range_closing_is_the_second_time_and_opening_the_first():
    table = passage(HOURS)
    sunday = "When does the Riverside branch close on Sunday?"
    assert not verify("The Riverside branch closes at 12:00 on Sunday [1].", [table], 0.6, question=sunday).sentences[0].supported
    assert verify("The Riverside branch closes at 16:00 on Sunday [1].", [table], 0.6, question=sunday).sentences[0].supported
    opens = "When does the Riverside branch open on Sunday?"
    assert verify("The Riverside branch opens at 12:00 on Sunday [1].", [table], 0.6, question=opens).sentences[0].supported


def test_a_line_break_or_block_inside_a_cell_keeps_the_words_apart():
    rows, _ = html_rows("<table><tr><th>Day</th><th>Hours</th></tr>"
                        "<tr><td>Mon<br>Fri</td><td>10:00<br/>18:00 <b>except</b> <i>holi</i>days<p>call first</p></td></tr></table>")
    assert rows == [["Day", "Hours"], ["Mon Fri", "10:00 18:00 except holidays call first"]]


def test_a_financial_statement_takes_its_year_rows_as_headers_and_joins_split_figures():
    # as unstructured gives a 10-K's table: no header cells, colspans dropped (so "2021" does not stand
    # over its figure), a blank label cell, a "$" cell before a figure and a negative figure's ")" after it
    html = ("<table><tr><td></td><td>Years ended December 31,</td></tr>"
            "<tr><td>Adjusted EBITDA Reconciliation:</td><td></td><td>2021</td><td></td><td>2020</td></tr>"
            "<tr><td>Net income (loss)</td><td>$</td><td>2,111,812</td><td>$</td><td>(2,208,887</td><td>)</td></tr>"
            "<tr><td>Interest income</td><td></td><td>(2,048</td><td>)</td><td>(25,702</td><td>)</td></tr>"
            "<tr><td>Adjusted EBITDA</td><td>$</td><td>8,733,830</td><td>$</td><td>1,377,279</td></tr></table>")
    rows, header_rows = html_rows(html)
    headers, data = headers_of(rows, header_rows)
    assert [row_line(headers, r) for r in data] == [
        "Adjusted EBITDA Reconciliation:",  # the heading row's label names a section: a line, not a column
        "Net income (loss) | Years ended December 31, 2021: $2,111,812 | Years ended December 31, 2020: $(2,208,887)",
        "Interest income | Years ended December 31, 2021: (2,048) | Years ended December 31, 2020: (25,702)",
        "Adjusted EBITDA | Years ended December 31, 2021: $8,733,830 | Years ended December 31, 2020: $1,377,279"]
    # headings that do not line up with the figure columns are not guessed at: they stay rows
    rows, header_rows = html_rows("<table><tr><td></td><td>Marks.</td><td>Factor.</td><td>Total.</td></tr>"
                                  "<tr><td>Rockers</td><td>a</td><td>3</td></tr><tr><td></td><td>b</td><td>2</td></tr></table>")
    assert headers_of(rows, header_rows) == (["", "", "", ""], rows)
    # a table of figures whose first row is data keeps it as data; "%" joins a figure, not a unit
    rows, header_rows = html_rows("<table><tr><td>Zone NA</td><td>12553</td></tr><tr><td>Zone EUR</td><td>9467</td></tr>"
                                  "<tr><td>Elongation</td><td>N/mm 2</td><td>%</td></tr></table>")
    assert headers_of(rows, header_rows)[1] == [["Zone NA", "12553"], ["Zone EUR", "9467"], ["Elongation", "N/mm 2", "%"]]


def test_a_spreadsheet_heading_block_cut_off_by_a_blank_row_heads_the_figures_below():
    # unstructured parts a sheet at blank rows: the heading rows come as a table of their own
    def table(rows: list[list[str]]) -> Table:
        html = "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
        return Table(" ".join(c for r in rows for c in r), metadata=ElementMetadata(text_as_html=html, page_name="Segments"))

    heads = table([["In millions of CHF", "", "", "January–June\\n2023"], ["", "Sales (a)", "Trading\\noperating profit", ""]])
    figures = table([["Zone NA", "12553", "2632", ""], ["PetCare", "9388", "1959", ""]])
    texts = [e.text for e in expand_tables([heads, figures], max_chars=900)]
    assert texts == ["Segments", "Segments\n"
                     "In millions of CHF January–June 2023: Zone NA | Sales (a): 12553 | Trading operating profit: 2632\n"
                     "In millions of CHF January–June 2023: PetCare | Sales (a): 9388 | Trading operating profit: 1959"]


def test_a_sheet_of_text_is_headed_by_its_sheet_name_as_a_sheet_of_rows_is():
    # language-docs/eng_spa.xlsx: each sheet holds a line and a paragraph, no table; "the Spanish sheet"
    # must find its first line
    from unstructured.documents.elements import NarrativeText

    def on(sheet: str, element):
        element.metadata = ElementMetadata(page_name=sheet)
        return element

    elements = [on("English", Title("English text")), on("English", NarrativeText("All human beings are born free.")),
                on("Spanish", Title("Espanol")), on("Spanish", NarrativeText("Todos los seres humanos nacen libres.")),
                on("Names", Title("Names"))]
    out = expand_tables(elements, max_chars=900)
    assert [(type(e).__name__, e.text) for e in out] == [
        ("Title", "English"), ("Title", "English text"), ("NarrativeText", "All human beings are born free."),
        ("Title", "Spanish"), ("Title", "Espanol"), ("NarrativeText", "Todos los seres humanos nacen libres."),
        ("Title", "Names")]
    assert out[3].metadata.category_depth == -1 and out[3].metadata.page_name == "Spanish"  # outside the sheet's own titles


def test_a_title_alone_on_the_first_row_stays_a_line_and_the_row_below_heads_the_columns():
    html = ("<table><tr><td>Stanley Cups</td><td></td><td></td></tr><tr><td>Team</td><td>Location</td><td>Stanley Cups</td></tr>"
            "<tr><td>Blues</td><td>STL</td><td>1</td></tr><tr><td>Maple Leafs</td><td>TOR</td><td>13</td></tr></table>")
    assert table_lines(html, "") == [
        "Stanley Cups", "Team: Blues | Location: STL | Stanley Cups: 1", "Team: Maple Leafs | Location: TOR | Stanley Cups: 13"]


EXAMPLE_DOCS = ROOT.parent / "shared" / "datasets" / "example-docs"


@pytest.mark.skipif(not EXAMPLE_DOCS.is_dir(), reason="../shared/datasets/example-docs is not here")
def test_a_header_over_sub_headers_and_a_table_of_numbers_only(tmp_path, embedder):
    import rag

    # "Results" spans "Accuracy" and "Time to complete" on the row below (the cells under it are blank)
    ballot = EXAMPLE_DOCS / "table-multi-row-column-cells-actual.csv"
    numbers = EXAMPLE_DOCS / "pdf" / "all-number-table.pdf"  # a ruled table with no header row
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        report = engine.ingest([ballot, numbers])
        assert report.failed == 0, report.errors
        texts = {path.name: "\n".join(c.text for c in engine.index.catalog.chunks_of(str(path.resolve())))
                 for path in (ballot, numbers)}
    assert ("Disability Category: Mobility | Participants: 3 | Ballots Completed: 3 | Ballots Incomplete/Terminated: 0 | "
            "Results Accuracy: 95.4%, n=3 | Results Time to complete: 1416 sec, n=3") in texts[ballot.name]
    assert "1400.01 | 13" in texts[numbers.name] and "200.01:" not in texts[numbers.name]


def test_a_text_file_of_tab_separated_rows_and_a_table_with_spacer_columns_keep_their_headers(tmp_path, embedder):
    import rag

    # a currency list saved as .txt ("Code<tab>Symbol<tab>Name"), and a 10-K whose header row has blank
    # spacer cells between "Title of each class" and "Trading symbol": both were stored without headers
    currencies = EXAMPLE_DOCS / "test_evaluate_files" / "gold_standard_cct" / "currency.csv.txt"
    filing = EXAMPLE_DOCS / "example-10k-1p.html"
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        report = engine.ingest([currencies, filing])
        assert report.failed == 0, report.errors
        texts = {path.name: "\n".join(c.text for c in engine.index.catalog.chunks_of(str(path.resolve())))
                 for path in (currencies, filing)}
    assert "Code: ZAR | Symbol: R | Name: South African rand" in texts[currencies.name]
    assert ("Title of each class: Common stock | Trading symbol: GLXZ | Name of exchange on which registered: "
            "OTCQB marketplace") in texts[filing.name]


def test_a_list_of_values_and_a_form_with_captions_have_no_header_row():
    # 10-K pages: "Patents | 4 - 20 years" is a value like the rows below it; "(State ... incorporation)"
    # captions the value above it; blank spacer columns no longer hide either from the header rule
    def html(rows):
        return "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"

    values = [["Patents", "", "4 - 20 years"], ["Client relationships", "", "9 - 22 years"], ["Software", "", "3 years"]]
    form = [["Nevada", "", "20-8143439"], ["(State or other jurisdiction of incorporation)", "", "(IRS Employer No.)"]]
    assert table_lines(html(values), "") == ["Patents | 4 - 20 years", "Client relationships | 9 - 22 years",
                                             "Software | 3 years"]
    assert table_lines(html(form), "") == ["Nevada | 20-8143439",
                                           "(State or other jurisdiction of incorporation) | (IRS Employer No.)"]
    assert table_lines(html([["Model", "", "Range"], ["Aurora X2", "", "9 km"]]), "") == ["Model: Aurora X2 | Range: 9 km"]


def test_prose_laid_out_in_a_one_column_table_is_kept_whole_as_text():
    # a marketing e-mail's whole body in one table cell (email-replace-mime-encodings-error-4.eml): as a
    # row, the cell was cut at 300 characters and the offer, the promo code and the sign-off were lost
    from unstructured.documents.elements import NarrativeText

    body = ("Hi! We are a fully automated platform for intellectual property protection. " * 5
            + "Get a 40% discount on future certificates with promocode COPYRIGHT40. Best regards, Someone K, CEO")
    layout = Table(body, metadata=ElementMetadata(text_as_html=f"<table><tr><td>{body}</td></tr></table>"))
    out = expand_tables([layout], max_chars=900)
    assert len(out) == 1 and isinstance(out[0], NarrativeText) and out[0].text == body
    assert "COPYRIGHT40" in out[0].text and out[0].metadata.text_as_html is None
    # a one-column table of short cells stays a table
    names = Table("Ana Ben", metadata=ElementMetadata(text_as_html="<table><tr><td>Ana</td></tr><tr><td>Ben</td></tr></table>"))
    assert all(isinstance(e, Table) for e in expand_tables([names], max_chars=900))


def test_json_and_ndjson_records_are_rows_with_their_keys(tmp_path, embedder):
    import json

    import rag
    from rag.answer import extract

    docs = tmp_path / "docs"
    docs.mkdir()
    records = [{"sku": "GRD-8842", "name": "Garden Trowel", "price": 12.5, "in_stock": True},
               {"sku": "GRD-1290", "name": "Watering Can", "price": 18.0, "in_stock": False},
               {"sku": "GRD-3317", "name": "Pruning Shears", "price": 24.99, "in_stock": True, "tags": ["steel", "hand"]}]
    (docs / "products.json").write_text(json.dumps(records, indent=2), encoding="utf-8")
    (docs / "orders.ndjson").write_text("\n".join(json.dumps({"order": f"A-{n}", "qty": n}) for n in (7, 9)), encoding="utf-8")
    (docs / "sample.json").write_text(json.dumps({"id": "Sample-1", "description": "Sample data #1"}), encoding="utf-8")
    # nested objects (an export of parsed elements) are not records: read as before
    (docs / "export.json").write_text(json.dumps([{"type": "Title", "text": "Favourite things",
                                                   "metadata": {"page_number": 1}}]), encoding="utf-8")
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        report = engine.ingest([docs])
        assert report.failed == 0, report.errors
        texts = {name: "\n".join(c.text for c in engine.index.catalog.chunks_of(str((docs / name).resolve())))
                 for name in ("products.json", "orders.ndjson", "sample.json", "export.json")}
        passages = engine.retrieve("What price do the product records list for the Pruning Shears?", k=3)
    assert ("sku: GRD-3317 | name: Pruning Shears | price: 24.99 | in_stock: true | tags: steel; hand"
            in texts["products.json"])
    assert "order: A-9 | qty: 9" in texts["orders.ndjson"]
    assert "id: Sample-1 | description: Sample data #1" in texts["sample.json"]
    assert "Favourite things" in texts["export.json"] and "metadata" not in texts["export.json"]
    found = extract("What price do the product records list for the Pruning Shears?", passages, 0.6)
    assert found is not None and "24.99" in found.shown and "12.5" not in found.shown


def test_a_spreadsheet_date_or_time_cell_is_stored_as_a_person_reads_it(tmp_path, embedder):
    # pandas writes a date cell as "2025-03-12 00:00:00" and a time as "19:30:00"; the month named lets "the March 2025
    # oil change" find its row
    import datetime

    import openpyxl

    import rag
    from ingest.tables import shown_value

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Services"
    sheet.append(["Date", "Work done", "Cost (£)", "Time"])
    sheet.append([datetime.datetime(2025, 3, 12), "Oil and filter change", 89.45, datetime.time(19, 30)])
    sheet.append([datetime.datetime(2025, 6, 5), "MOT", 54.85, datetime.time(8, 0)])
    bills = book.create_sheet("Bills")  # money and a rate as the sheet shows them, not as pandas reads them
    bills.append(["Invoice", "Amount", "Rate"])
    bills.append(["KH-0934", 563.75, 0.017])
    bills.append(["KH-0998", 581, 0.02])
    for row in (2, 3):
        bills.cell(row, 2).number_format = '"£"#,##0.00'
        bills.cell(row, 3).number_format = "0.0%"
    book.save(tmp_path / "car_service_log.xlsx")
    with rag.open(tmp_path / "index", embedder=embedder, workers=1) as engine:
        report = engine.ingest([tmp_path / "car_service_log.xlsx"])
        assert report.failed == 0, report.errors
        text = "\n".join(c.text for c in engine.index.catalog.chunks_of(str((tmp_path / "car_service_log.xlsx").resolve())))
    assert "Date: 12 March 2025 | Work done: Oil and filter change | Cost (£): 89.45 | Time: 19:30" in text, text
    assert "00:00:00" not in text
    assert "Invoice: KH-0934 | Amount: £563.75 | Rate: 1.7%" in text and "Invoice: KH-0998 | Amount: £581.00 | Rate: 2.0%" in text
    assert shown_value("2025-03-12 14:05:00") == "2025-03-12 14:05:00" and shown_value("08:00:15") == "08:00:15"


def test_a_rota_headed_by_days_and_an_invoice_s_totals_keep_what_their_cells_are():
    # "Mon 10 Jun" over times is a column's name, not a value like those under it; "TOTAL DUE | £262.74" under no header
    # is a label and its figure
    rota = [["Staff", "Role", "Mon 10 Jun", "Tue 11 Jun"], ["Hannah Okafor", "Owner", "Admin 09:00-12:00", "05:30-14:00"],
            ["Sam Whitlock", "Barista", "CLOSED", "07:00-15:30"]]
    totals = [["Goods total (net)", "£253.18"], ["VAT @ 20% on standard-rated items (£47.78)", "£9.56"],
              ["TOTAL DUE", "£262.74"]]

    def html(rows):
        return "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table>"

    assert table_lines(html(rota), "")[1] == "Staff: Sam Whitlock | Role: Barista | Mon 10 Jun: CLOSED | Tue 11 Jun: 07:00-15:30"
    assert table_lines(html(totals), "") == ["Goods total (net): £253.18", "VAT @ 20% on standard-rated items (£47.78): £9.56",
                                             "TOTAL DUE: £262.74"]


def test_a_form_of_labels_and_values_reads_label_value_and_a_two_column_table_keeps_its_header():
    # a hospital letter's box: "Clinic | Hip clinic" is no pair of column names, and "Clinic: Please arrive by | Hip
    # clinic (Trauma & Orthopaedics): 10:10am" was what every row said; under a real header all values are one kind
    form = ("<table><tr><th>Clinic</th><th>Hip clinic (Trauma &amp; Orthopaedics)</th></tr>"
            "<tr><td>Appointment date</td><td>Wednesday 12 November 2025</td></tr>"
            "<tr><td>Appointment time</td><td>10:40am</td></tr>"
            "<tr><td>Please arrive by</td><td>10:10am - you will have an X-ray of your hip first</td></tr>"
            "<tr><td>Where</td><td>Outpatients Department B, Level 2</td></tr></table>")
    assert table_lines(form, "") == ["Clinic: Hip clinic (Trauma & Orthopaedics)", "Appointment date: Wednesday 12 November 2025",
                                     "Appointment time: 10:40am",
                                     "Please arrive by: 10:10am - you will have an X-ray of your hip first",
                                     "Where: Outpatients Department B, Level 2"]
    statement = ("<table><tr><td>Your pension</td><td></td></tr><tr><td>Annual pension</td><td>£9,842.16</td></tr>"
                 "<tr><td>Pension increase</td><td>1.7%</td></tr><tr><td>Tax code</td><td>59L</td></tr></table>")
    assert table_lines(statement, "") == ["Your pension", "Annual pension: £9,842.16", "Pension increase: 1.7%",
                                          "Tax code: 59L"]
    dates = ("<table><tr><td>Month</td><td>Payment date</td></tr><tr><td>April</td><td>30/04/2025</td></tr>"
             "<tr><td>May</td><td>30/05/2025</td></tr><tr><td>June</td><td>30/06/2025</td></tr></table>")
    assert table_lines(dates, "")[0] == "Month: April | Payment date: 30/04/2025"
    hours = ("<table><tr><td>Day</td><td>Opening hours</td></tr><tr><td>Monday</td><td>09:00-17:00</td></tr>"
             "<tr><td>Saturday</td><td>10:00-16:00</td></tr><tr><td>Sunday</td><td>Closed</td></tr></table>")
    assert table_lines(hours, "")[-1] == "Day: Sunday | Opening hours: Closed"
    # a statement's box of long labels ("Balance on 30 September 2025 (including payments and interest to that date)")
    box = ("<table><tr><td>Name</td><td>Miss Jasmine Whitford</td></tr>"
           "<tr><td>Customer reference number</td><td>8104 2276 5539</td></tr>"
           "<tr><td>Repayment plan</td><td>Plan 5</td></tr>"
           "<tr><td>Balance on 30 September 2025 (including payments and interest to that date)</td><td>£37,083.36</td></tr>"
           "<tr><td>Interest rate from 1 September 2025</td><td>3.2%</td></tr></table>")
    assert table_lines(box, "")[3] == ("Balance on 30 September 2025 (including payments and interest to that date): "
                                       "£37,083.36")
