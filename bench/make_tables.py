"""Write the table documents of the table question set (``bench/data/table_questions.jsonl``).

    .venv/bin/python bench/make_tables.py [OUT_DIR]          # write the documents (default bench/data/tables/)
    .venv/bin/python bench/make_tables.py --check [OUT_DIR]  # check every question against the files

The tables are original and invented for this benchmark (fictional places, people and numbers).
One document per format: CSV, XLSX (two sheets, two tables), HTML, DOCX and PDF. Each table has
several columns of look-alike values (times, prices, distances, dates), so that reading the wrong
row or column gives a plausible wrong answer. The question set also covers the two tables in
``sample_docs/`` (library_opening_hours.csv, warehouse_inventory.xlsx).

The files are reproducible byte for byte: fixed metadata dates, and the XLSX/DOCX zip entries are
rewritten with a fixed timestamp. Needs python-docx and openpyxl (in .venv) and fpdf2 (not a
project dependency: ``pip install fpdf2`` first, as for scripts/make_sample_docs.py).

``--check`` reads each question's file back (csv, openpyxl, python-docx, html.parser, and
pypdfium2 text for the PDF), finds the cell at the question's row (text of the first cell) and
column (header text), and checks that every answer occurs in it (numbers compared without
thousands separators, dates also in spelled-out form). It prints one line per question and a
count per table, and exits 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import zipfile
from collections import Counter
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "data" / "tables"
SAMPLE_DOCS = ROOT / "sample_docs"
QUESTIONS = ROOT / "bench" / "data" / "table_questions.jsonl"
FIXED_TIME = datetime(2025, 1, 6, 9, 0, 0, tzinfo=timezone.utc)
ZIP_TIME = (2025, 1, 6, 9, 0, 0)

Row = tuple[str | int | float, ...]

# --- CSV: ferry timetable (times and prices in neighbouring columns) -------------------------

FERRY_CSV = "ferry_timetable.csv"
FERRY: list[Row] = [
    ("Route", "First sailing", "Last sailing", "Crossing (min)", "Adult fare (EUR)", "Child fare (EUR)"),
    ("Gull Island", "06:40", "21:15", "35", "7.80", "3.90"),
    ("Marrow Point", "07:05", "20:45", "50", "9.40", "4.70"),
    ("Tarn Bay", "06:55", "22:10", "25", "6.20", "3.10"),
    ("Heron Landing", "07:20", "19:30", "40", "8.60", "4.30"),
    ("Saltcombe", "06:15", "21:40", "55", "10.90", "5.45"),
    ("Lantern Rock", "08:00", "18:50", "20", "5.70", "2.85"),
    ("Brackwater", "07:35", "20:20", "45", "9.10", "4.55"),
]

# --- XLSX: clinic budget, one sheet per year (same departments, similar amounts) --------------

BUDGET_XLSX = "clinic_budget.xlsx"
BUDGET_COLUMNS = ("Department", "Head count", "Staff costs (EUR)", "Equipment (EUR)", "Training (EUR)")
BUDGET_2024: list[tuple[str, int, int, int, int, float]] = [  # last value: change vs 2023 in percent
    ("Reception", 6, 248000, 12500, 4800, 2.1),
    ("Nursing", 24, 1315000, 86000, 21400, 3.4),
    ("Pharmacy", 5, 312000, 41500, 6200, -1.2),
    ("Laboratory", 8, 486000, 118000, 9700, 4.8),
    ("Physiotherapy", 7, 401000, 27300, 8900, 1.6),
    ("Radiology", 6, 452000, 164000, 11300, 5.9),
    ("Facilities", 9, 377000, 58800, 3600, 0.7),
]
BUDGET_2025: list[tuple[str, int, int, int, int]] = [  # change vs 2024 is computed from the totals
    ("Reception", 6, 256000, 9800, 5100),
    ("Nursing", 26, 1402000, 91000, 23800),
    ("Pharmacy", 5, 318000, 44200, 6200),
    ("Laboratory", 9, 531000, 97500, 12100),
    ("Physiotherapy", 7, 409000, 31900, 9400),
    ("Radiology", 7, 498000, 176000, 11800),
    ("Facilities", 8, 361000, 72400, 4100),
]

# --- HTML: hotel room rates per season (prices close to each other across columns) ------------

HOTEL_HTML = "saltmarsh_inn_rates.html"
HOTEL: list[Row] = [
    ("Room type", "Low season", "Shoulder season", "High season", "Max guests", "Deposit"),
    ("Single", "74", "89", "112", "1", "20%"),
    ("Standard double", "96", "118", "149", "2", "20%"),
    ("Superior double", "112", "134", "171", "2", "25%"),
    ("Attic loft", "129", "149", "184", "3", "25%"),
    ("Family room", "138", "162", "205", "4", "25%"),
    ("Junior suite", "165", "194", "248", "3", "30%"),
    ("Garden suite", "189", "221", "276", "4", "30%"),
]

# --- DOCX: calibration schedule (two date columns, mixed tolerances) --------------------------

CALIBRATION_DOCX = "calibration_schedule_2025.docx"
CALIBRATION: list[Row] = [
    ("Instrument", "Room", "Last calibrated", "Next due", "Tolerance", "Responsible"),
    ("pH meter PH-3", "B104", "2025-02-03", "2025-05-03", "±0.02 pH", "Ines Marlow"),
    ("Analytical balance AB-2", "B104", "2025-01-14", "2025-07-14", "±0.1 mg", "Tomas Reyk"),
    ("Pipette set P-11", "B107", "2025-03-21", "2025-09-21", "±0.8%", "Ines Marlow"),
    ("Spectrophotometer SP-1", "C210", "2024-11-28", "2025-11-28", "±1.0%", "Dara Quinlan"),
    ("Incubator IN-4", "C212", "2025-02-17", "2025-08-17", "±0.3 °C", "Tomas Reyk"),
    ("Conductivity meter CM-2", "B107", "2025-01-30", "2025-04-30", "±1.5%", "Yusuf Adeyemi"),
    ("Thermometer set T-9", "C210", "2025-03-05", "2025-06-05", "±0.2 °C", "Dara Quinlan"),
    ("Centrifuge CF-6", "C212", "2024-12-09", "2025-06-09", "±2.0%", "Yusuf Adeyemi"),
]

# --- PDF: fleet mileage per month (three look-alike distance columns) -------------------------

FLEET_PDF = "fleet_mileage_q3_2024.pdf"
FLEET_TITLE = "Brindle Courier Services: fleet mileage, Q3 2024"
FLEET_PROSE = ("Distances are odometer readings per calendar month; consumption is the quarter "
               "average from fuel-card data, in litres per 100 km.")
FLEET: list[Row] = [
    ("Vehicle", "Driver", "July (km)", "August (km)", "September (km)", "L/100 km"),
    ("Van 01", "Marta Kowal", "3,412", "3,187", "3,356", "8.4"),
    ("Van 02", "Oskar Lind", "2,948", "3,321", "3,094", "8.9"),
    ("Van 03", "Priya Nand", "3,705", "3,466", "3,512", "9.2"),
    ("Van 04", "Lucas Ferrand", "2,611", "2,874", "2,749", "7.8"),
    ("Van 05", "Felix Arnholt", "3,128", "2,962", "3,203", "8.1"),
    ("Truck 11", "Hana Sato", "4,218", "4,096", "4,371", "14.6"),
    ("Truck 12", "Emil Brandt", "3,984", "4,152", "3,877", "15.1"),
    ("Truck 13", "Sofia Brenner", "4,407", "3,915", "4,134", "14.2"),
]


def budget_sheets() -> dict[str, list[Row]]:
    """The two budget tables by sheet name; 2025 gets its change vs 2024 from the yearly totals."""
    totals_2024 = {name: staff + equipment + training for name, _, staff, equipment, training, _ in BUDGET_2024}
    sheet_2024: list[Row] = [(*BUDGET_COLUMNS, "Change vs 2023 (%)"), *BUDGET_2024]
    sheet_2025: list[Row] = [(*BUDGET_COLUMNS, "Change vs 2024 (%)")]
    for name, heads, staff, equipment, training in BUDGET_2025:
        change = round(100 * ((staff + equipment + training) / totals_2024[name] - 1), 1)
        sheet_2025.append((name, heads, staff, equipment, training, change))
    return {"2024 budget": sheet_2024, "2025 budget": sheet_2025}


def freeze_zip(path: Path) -> None:
    """Rewrite a zip (xlsx, docx) with a fixed timestamp on every entry, so reruns give the same bytes."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


def write_csv(path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(FERRY)


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    book.remove(book.active)
    for title, rows in budget_sheets().items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for index, header in enumerate(rows[0], start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(12, len(str(header)) + 2)
    book.properties.creator = "rag-local bench"
    book.properties.lastModifiedBy = "rag-local bench"
    book.properties.created = book.properties.modified = FIXED_TIME.replace(tzinfo=None)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:  # book.save() would stamp "modified" with now
        ExcelWriter(book, archive).save()
    freeze_zip(path)


def html_table(rows: list[Row], caption: str) -> str:
    header = "".join(f"<th>{cell}</th>" for cell in rows[0])
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows[1:])
    return f"<table>\n<caption>{caption}</caption>\n<thead><tr>{header}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def write_html(path: Path) -> None:
    table = html_table(HOTEL, "Room rates per night in EUR, 2025 season")
    path.write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The Saltmarsh Inn: room rates 2025</title></head>
<body>
<h1>The Saltmarsh Inn: room rates 2025</h1>
<p>All rates are per room and night, breakfast included. Low season runs from November to March,
shoulder season covers April to June and September to October, and high season is July and August.</p>
{table}
<p>The deposit is a share of the full stay and is due when the booking is confirmed; it is refunded
up to 14 days before arrival. Children under 4 stay free in their parents' room.</p>
</body></html>
""", encoding="utf-8")


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Pellham Analytical Laboratory", level=0)
    document.add_paragraph("Instruments are calibrated by the person responsible, against the reference "
                           "standards kept in room C210.")
    document.add_heading("Calibration schedule 2025", level=1)
    table = document.add_table(rows=0, cols=len(CALIBRATION[0]))
    table.style = "Table Grid"
    for row in CALIBRATION:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = str(value)
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    properties = document.core_properties
    properties.author = properties.last_modified_by = "rag-local bench"
    properties.created = properties.modified = FIXED_TIME.replace(tzinfo=None)
    properties.revision = 1
    document.save(str(path))
    freeze_zip(path)


def write_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_creator("rag-local bench")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 10, FLEET_TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(col_widths=(22, 34, 24, 24, 26, 20), text_align="LEFT", line_height=7,
                   first_row_as_headings=True) as table:
        for values in FLEET:
            row = table.row()
            for value in values:
                row.cell(str(value))
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, FLEET_PROSE, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def write_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    writers = [(FERRY_CSV, write_csv), (BUDGET_XLSX, write_xlsx), (HOTEL_HTML, write_html),
               (CALIBRATION_DOCX, write_docx), (FLEET_PDF, write_pdf)]
    for name, writer in writers:
        writer(out / name)
    return [out / name for name, _ in writers]


# --- reading the tables back, for --check -----------------------------------------------------

class _TableParser(HTMLParser):
    """Rows of text from every <tr> (th and td cells alike)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _pdf_rows(path: Path) -> list[list[str]]:
    """The PDF table as the script wrote it, after checking that each row is one line of the page text.

    pdfium gives a table row as its cells joined by single spaces, with no column boundaries, so the
    cells themselves come from FLEET rather than from the text.
    """
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    lines = {line.strip() for page in document for line in page.get_textpage().get_text_range().splitlines()}
    for row in FLEET:
        if " ".join(str(cell) for cell in row) not in lines:
            raise ValueError(f"{path.name}: row {row[0]!r} is not a line of the extracted PDF text")
    return [[str(cell) for cell in row] for row in FLEET]


def read_table(path: Path, sheet: str | None) -> list[list[str]]:
    """The rows (header first) of the table in ``path`` as text; ``sheet`` names the xlsx sheet."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with open(path, newline="", encoding="utf-8") as handle:
            return [row for row in csv.reader(handle)]
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(str(path), read_only=True)
        return [["" if v is None else str(v) for v in row] for row in book[sheet or book.sheetnames[0]].iter_rows(values_only=True)]
    if suffix in (".html", ".htm"):
        parser = _TableParser()
        parser.feed(path.read_text(encoding="utf-8"))
        return parser.rows
    if suffix == ".docx":
        import docx

        return [[cell.text for cell in row.cells] for row in docx.Document(str(path)).tables[0].rows]
    if suffix == ".pdf":
        return _pdf_rows(path)
    raise ValueError(f"no table reader for {path.name}")


def _as_date(text: str) -> date | None:
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            pass
    return None


def answer_in_cell(answer: str, cell: str) -> bool:
    """Whether ``answer`` is (a part of) ``cell``: as text, as a number without separators, or as a date."""
    if answer.casefold() in cell.casefold():
        return True
    bare = re.sub(r"[,\s]", "", re.sub(r"\s*percent$", "%", answer))
    if re.fullmatch(r"[-+±]?\d+(\.\d+)?%?", bare) and bare in re.sub(r"[,\s]", "", cell):
        return True
    day = _as_date(answer)
    return day is not None and any(day == _as_date(part) for part in re.findall(r"\d{4}-\d{2}-\d{2}", cell))


def check(questions_path: Path, tables_dir: Path) -> bool:
    """Print one verification line per question and a count per table; True when all answers match."""
    questions = [json.loads(line) for line in questions_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ok, per_table, ids = True, Counter(), Counter(q["id"] for q in questions)
    for duplicate in [i for i, n in ids.items() if n > 1]:
        print(f"duplicate id {duplicate}")
        ok = False
    for q in questions:
        path = tables_dir / q["source"] if (tables_dir / q["source"]).exists() else SAMPLE_DOCS / q["source"]
        rows = read_table(path, q.get("sheet"))
        header, keys = rows[0], [row[0] for row in rows[1:]]
        problem, cell = "", ""
        if keys.count(q["row"]) != 1 or q["column"] not in header:
            problem = "row or column not found (or row not unique)"
        else:
            cell = rows[1 + keys.index(q["row"])][header.index(q["column"])]
            wrong = [a for a in q["answers"] if not answer_in_cell(a, cell)]
            problem = f"not in cell: {wrong}" if wrong else ""
        ok = ok and not problem
        table = q["source"] + (f" [{q['sheet']}]" if q.get("sheet") else "")
        per_table[table] += 1
        print(f"{'OK ' if not problem else 'BAD'} {q['id']:<4} {table:<38} {q['row'][:24]:<24} | "
              f"{q['column'][:18]:<18} | {cell!r:<24} <- {q['answers']} {problem}")
    print(f"\n{len(questions)} questions, {'all answers found' if ok else 'MISMATCHES above'}")
    for table, count in per_table.items():
        print(f"  {count:3d}  {table}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=OUT, help=f"folder for the documents (default {OUT.relative_to(ROOT)})")
    parser.add_argument("--check", action="store_true", help="check the questions against the files instead of writing them")
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="question file for --check")
    args = parser.parse_args()
    if args.check:
        sys.exit(0 if check(args.questions, args.out) else 1)
    for path in write_all(args.out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
