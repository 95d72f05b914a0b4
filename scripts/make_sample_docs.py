"""Write the bundled sample corpus in ``sample_docs/``.

The texts are original and invented for this project (no copied documents); each file carries
facts that tests and examples ask about. Binary formats are generated so that they can be
reproduced: ``pip install fpdf2 python-docx python-pptx openpyxl`` then
``python scripts/make_sample_docs.py``. The generated files are committed, so users never run this.
"""

from __future__ import annotations

import csv
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "sample_docs"

MARKDOWN = """# Harbor Street Bakery: Operations Handbook

## Opening and closing

The bakery opens at 06:15 on weekdays and at 07:00 on weekends. The last loaf leaves the oven
at 16:40, and the shop closes at 18:00.

## The sourdough starter

Our sourdough starter is called Bartholomew. It was started in 2011 and is fed every 12 hours
with a mix of rye flour and filtered water at 26 degrees Celsius.

### Feeding ratio

Bartholomew is fed at a ratio of 1 part starter to 5 parts flour and 5 parts water by weight.

## Ovens

The main deck oven runs at 245 degrees Celsius for country loaves. Steam is injected for the
first 9 minutes of every bake.

| Oven | Capacity (loaves) | Fuel |
|------|-------------------|------|
| Deck oven | 48 | electric |
| Wood oven | 30 | beech wood |
"""

TEXT = """Kestrel Ridge Weather Station: field notes, spring 2024

The Kestrel Ridge station sits at an altitude of 1,342 metres on the northern slope.

In March 2024 the station recorded 212 millimetres of rain, the wettest March since records
began in 1987. The strongest gust of the month, 118 kilometres per hour, came on 19 March.

April was drier: 64 millimetres of rain fell, and the mean temperature was 7.8 degrees Celsius.

The anemometer was replaced on 3 May 2024 by technician Ilse Varga after ice damage.
"""

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Aurora X2 survey drone</title></head>
<body>
<h1>Aurora X2 survey drone</h1>
<p>The Aurora X2 is a folding quadcopter built for land surveys and crop inspection.</p>
<h2>Specifications</h2>
<ul>
<li>Flight time: 47 minutes on a full battery.</li>
<li>Maximum range: 9 kilometres with the standard controller.</li>
<li>Camera: 24 megapixel sensor with a mechanical shutter.</li>
</ul>
<h2>Warranty</h2>
<p>Every Aurora X2 comes with a warranty of 26 months covering motors and the flight controller.</p>
<script>console.log("scripts are ignored by the parser");</script>
</body></html>
"""

PDF_PAGES = [
    ("Greenfield Water Treatment Plant: Annual Report 2023", [
        ("Introduction", "This report describes the operation of the Greenfield Water Treatment Plant "
         "during 2023. The plant serves about 140,000 residents in the Greenfield valley and is run by "
         "the Greenfield Water Board."),
        ("Governance", "The board met eleven times in 2023. Its chair is Marguerite Okonkwo, who was "
         "re-elected in January for a term of three years."),
    ]),
    ("Operations", [
        ("Throughput", "In 2023 the plant processed an average of 18.4 million litres of water per day. "
         "The peak day was 2 August, with 26.1 million litres."),
        ("Filtration", "Water passes through six rapid sand filters. Each filter is backwashed every "
         "36 hours, or sooner when head loss exceeds 2.4 metres."),
    ]),
    ("Disinfection and quality", [
        ("Chlorination", "The chlorine contact time is 35 minutes at design flow. Free chlorine leaving "
         "the plant is held between 0.5 and 0.8 milligrams per litre."),
        ("Testing", "The laboratory ran 4,912 bacteriological tests in 2023; none exceeded the limits "
         "of the drinking water regulations."),
    ]),
    ("Finances and outlook", [
        ("Budget", "The operating budget for 2023 was 7.2 million euros, of which energy took 31 percent."),
        ("Plans for 2024", "A second ultraviolet disinfection line is planned for commissioning in "
         "October 2024 at a cost of 1.9 million euros."),
    ]),
]

DOCX = [
    ("h0", "Travel and Expenses Policy"),
    ("p", "This policy applies to all employees of Lindqvist & Moreau Engineering."),
    ("h1", "Booking travel"),
    ("p", "Flights longer than 6 hours may be booked in premium economy. All bookings go through the "
     "internal portal called Wayfarer."),
    ("h1", "Expense claims"),
    ("p", "Receipts must be submitted within 30 days of the end of the trip. Claims submitted later "
     "need written approval from a department head."),
    ("h2", "Daily allowance"),
    ("p", "The daily meal allowance is 58 euros within the European Union and 75 euros elsewhere."),
    ("h1", "Mileage"),
    ("p", "Private car use is reimbursed at 0.42 euros per kilometre."),
]

PPTX = [
    ("Project Osprey: kickoff", ["Replacing the ticketing system of the Vale Regional Railway"]),
    ("Goals", ["Cut average queue time at stations below 2 minutes",
               "Contactless payment on every line by the end of the project"]),
    ("Timeline", ["Pilot on the Coastal Line starts 3 March 2025",
                  "Public launch date: 14 September 2025"]),
    ("Budget and team", ["Total budget: 2.3 million euros",
                         "Project lead: Tomasz Wierzbicki", "Team of 14 engineers"]),
]

XLSX_ROWS = [
    ("Part number", "Description", "Stock (units)", "Location"),
    ("W-778", "Hex widget, stainless", 1284, "Bay 12"),
    ("W-779", "Hex widget, brass", 310, "Bay 12"),
    ("G-102", "Gasket, nitrile 40 mm", 5620, "Bay 3"),
    ("S-550", "Spring, compression 12 N", 947, "Bay 7"),
    ("V-031", "Ball valve, 3/4 inch", 88, "Bay 19"),
]

CSV_ROWS = [
    ("Branch", "Weekday hours", "Saturday hours", "Sunday hours"),
    ("Elm Street", "09:00-20:00", "08:30-14:00", "closed"),
    ("Riverside", "10:00-18:00", "10:00-16:00", "12:00-16:00"),
    ("Old Town", "09:00-19:00", "09:00-13:00", "closed"),
]


def write_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=20)
    for title, sections in PDF_PAGES:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 18)
        pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        for heading, body in sections:
            pdf.set_font("Helvetica", "B", 13)
            pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for kind, text in DOCX:
        if kind.startswith("h"):
            document.add_heading(text, level=int(kind[1]))
        else:
            document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Region", "Hotel cap per night"
    for region, cap in [("Nordics", "160 euros"), ("Southern Europe", "130 euros"), ("North America", "210 dollars")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = region, cap
    document.save(str(path))


def write_pptx(path: Path) -> None:
    from pptx import Presentation

    deck = Presentation()
    for index, (title, bullets) in enumerate(PPTX):
        slide = deck.slides.add_slide(deck.slide_layouts[0 if index == 0 else 1])
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        body.text = bullets[0]
        for bullet in bullets[1:]:
            body.add_paragraph().text = bullet
    deck.save(str(path))


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Inventory"
    for row in XLSX_ROWS:
        sheet.append(row)
    book.save(str(path))


def write_eml(path: Path) -> None:
    message = EmailMessage()
    message["From"] = "Priya Raman <priya.raman@example.org>"
    message["To"] = "it-staff@example.org"
    message["Subject"] = "Maintenance window for the customer database"
    message["Date"] = format_datetime(datetime(2024, 10, 28, 9, 12, tzinfo=timezone.utc))
    message.set_content(
        "Hello all,\n\n"
        "The migration of the customer database to the new cluster is scheduled for Saturday "
        "2 November 2024, starting at 22:00 UTC. We expect a downtime of 72 minutes.\n\n"
        "The rollback plan is to restore the snapshot taken at 21:30 UTC on the same day.\n"
        "Questions go to the on-call engineer, Daniel Osei, on extension 4417.\n\n"
        "Regards,\nPriya\n"
    )
    path.write_bytes(bytes(message))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "bakery_handbook.md").write_text(MARKDOWN, encoding="utf-8")
    (OUT / "weather_station_notes.txt").write_text(TEXT, encoding="utf-8")
    (OUT / "aurora_x2_drone.html").write_text(HTML, encoding="utf-8")
    write_pdf(OUT / "water_treatment_report_2023.pdf")
    write_docx(OUT / "travel_policy.docx")
    write_pptx(OUT / "project_osprey_kickoff.pptx")
    write_xlsx(OUT / "warehouse_inventory.xlsx")
    with open(OUT / "library_opening_hours.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(CSV_ROWS)
    write_eml(OUT / "maintenance_window.eml")


if __name__ == "__main__":
    main()
