"""Generate bench/data/own_folder_2/: the documents of one small business owner.

Larkspur Bakehouse Ltd, a café and bakery at 12 Weavers Row, Frome, Somerset (all fictional: the
business, people, suppliers, bank, insurer, phone numbers in Ofcom's drama ranges 01632 960xxx,
0117 496 0xxx and 07700 900xxx). UK conventions throughout (GBP, VAT, day-month dates).

Run with /work/main/.venv/bin/python (python-docx, openpyxl, python-pptx) and LibreOffice (`soffice`)
on PATH, which turns the .docx drafts of the PDF documents into real text PDFs.

    /work/main/.venv/bin/python bench/data/own_folder_2_make.py
"""
import csv
import datetime as dt
import os
from functools import partial
import shutil
import tempfile
from email.message import EmailMessage
from email.utils import format_datetime

from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill, Border, Side
from pptx.util import Inches, Pt as PPt

import folder_kit
from folder_kit import new_doc, para, table

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "own_folder_2")


# ---------------------------------------------------------------- helpers
to_pdf = partial(folder_kit.to_pdf, out=OUT)
write = partial(folder_kit.write, out=OUT)


# ---------------------------------------------------------------- 1. Mendip Dairy invoice (pdf)
def mendip_invoice(tmp):
    d = new_doc()
    para(d, "MENDIP DAIRY CO.", bold=True, size=18, space_after=0)
    para(d, "Manor Farm, Chilcote Lane, Shepton Mallet, Somerset BA4 5RX", space_after=0)
    para(d, "Tel 01632 960 184  ·  accounts@mendipdairy.co.uk  ·  VAT Reg. GB 318 5526 07")
    para(d, "INVOICE", bold=True, size=16, align="right")
    table(d, [
        ["Invoice to", "Invoice details"],
        ["Larkspur Bakehouse Ltd\n12 Weavers Row\nFrome, Somerset BA11 1QT\nAttn: Hannah Okafor",
         "Invoice no: MD-20417\nInvoice date: 3 June 2024\nDelivery date: 3 June 2024\n"
         "Customer account: LARK-014\nPayment terms: 14 days from invoice date\nDue date: 17 June 2024"],
    ], widths=[8.5, 8.5])
    table(d, [
        ["Code", "Description", "Qty", "Unit price", "VAT", "Net"],
        ["WM2", "Whole milk 2 litre", "24", "£2.05", "Z", "£49.20"],
        ["SS2", "Semi-skimmed milk 2 litre", "12", "£1.95", "Z", "£23.40"],
        ["DC1", "Double cream 1 litre", "6", "£4.60", "Z", "£27.60"],
        ["BU250", "Unsalted butter 250 g", "40", "£1.85", "Z", "£74.00"],
        ["OAT1", "Barista oat drink 1 litre", "24", "£1.72", "S", "£41.28"],
        ["EGG30", "Free-range eggs, medium, tray of 30", "4", "£7.80", "Z", "£31.20"],
        ["DEL", "Delivery charge (order under £300)", "1", "£6.50", "S", "£6.50"],
    ], widths=[1.8, 7.2, 1.4, 2.4, 1.2, 2.6])
    table(d, [
        ["Goods total (net)", "£253.18"],
        ["VAT @ 20% on standard-rated items (£47.78)", "£9.56"],
        ["VAT @ 0% on zero-rated items (£205.40)", "£0.00"],
        ["TOTAL DUE", "£262.74"],
    ], header=False, widths=[12.0, 4.6], bold_last=True)
    para(d, "VAT codes: Z = zero-rated, S = standard rate 20%.")
    para(d, "Please pay by BACS to Mendip Dairy Co., sort code 40-12-77, account 31846620, "
            "quoting the invoice number MD-20417 as your reference.")
    para(d, "Short deliveries or damaged goods must be reported within 24 hours of delivery on "
            "01632 960 184. We cannot give credit for goods reported after that.")
    para(d, "Your next scheduled delivery: Thursday 6 June 2024 (standing order).")
    para(d, "Thank you for your custom — Mendip Dairy Co. is a trading name of Chilcote Farms Ltd, "
            "registered in England no. 08819340.", italic=True, size=8)
    p = os.path.join(tmp, "mendip_invoice.docx")
    d.save(p)
    to_pdf(p, "mendip_dairy_invoice_MD-20417.pdf")


# ---------------------------------------------------------------- 2. Westcountry invoice (pdf)
def westcountry_invoice(tmp):
    d = new_doc()
    para(d, "Westcountry Wholesale Foods Ltd", bold=True, size=17, space_after=0)
    para(d, "Unit 7, Marsh Lane Trading Estate, Westbury, Wiltshire BA13 4QP", space_after=0)
    para(d, "Orders 01632 960 530  ·  orders@westcountrywholesale.co.uk  ·  VAT No. GB 774 2093 61")
    para(d, "SALES INVOICE", bold=True, size=15, align="center")
    table(d, [
        ["Customer", "Larkspur Bakehouse, 12 Weavers Row, Frome BA11 1QT", "Account", "LARK01"],
        ["Invoice number", "WW-88213", "Your order ref", "HO-0604"],
        ["Invoice date", "5 June 2024", "Due date", "5 July 2024"],
        ["Terms", "30 days net", "Route", "Route 4 (Frome / Warminster)"],
    ], header=False, widths=[3.2, 6.8, 3.0, 4.0])
    table(d, [
        ["Product code", "Description", "Pack", "Qty", "Price", "VAT rate", "Line total"],
        ["FL-SWB16", "Strong white bread flour", "16 kg", "4", "£14.90", "0%", "£59.60"],
        ["SU-CAS5", "Caster sugar", "5 kg", "3", "£6.45", "0%", "£19.35"],
        ["SP-CARD4", "Ground cardamom", "400 g", "1", "£11.80", "0%", "£11.80"],
        ["CH-DK25", "Dark chocolate callets 54%", "2.5 kg", "2", "£24.50", "0%", "£49.00"],
        ["PK-CUP8", "Compostable hot cups 8oz", "box of 1000", "1", "£68.00", "20%", "£68.00"],
        ["CL-BLUE", "Blue roll, 2-ply", "single roll", "6", "£3.20", "20%", "£19.20"],
        ["CL-SANI5", "Sani-Surface food-safe sanitiser", "5 L", "2", "£9.75", "20%", "£19.50"],
    ], widths=[2.4, 5.2, 2.3, 1.1, 1.9, 1.8, 2.3])
    table(d, [
        ["Net total", "£246.45"],
        ["VAT (20% on £106.70)", "£21.34"],
        ["Invoice total", "£267.79"],
    ], header=False, widths=[12.0, 4.6], bold_last=True)
    para(d, "Prompt payment discount: 2% of the net goods value (£4.93) may be deducted if this "
            "invoice is paid in full by 12 June 2024. After that date the full invoice total is payable.")
    para(d, "Back order: Demerara sugar 3 kg (DG-DEM3) x 2 was out of stock and will follow on your "
            "next delivery. It has not been charged on this invoice.")
    para(d, "Delivered 5 June 2024 at 07:10, signed for by J. Price.")
    para(d, "Bank details: Westcountry Wholesale Foods Ltd, sort code 30-95-14, account 60417283. "
            "Please quote WW-88213. Remittances to accounts@westcountrywholesale.co.uk.")
    para(d, "Goods remain our property until paid for in full. Queries within 7 days please.",
         italic=True, size=8)
    p = os.path.join(tmp, "westcountry_invoice.docx")
    d.save(p)
    to_pdf(p, "westcountry_wholesale_invoice_WW-88213.pdf")


# ---------------------------------------------------------------- 3. Westcountry price list (xlsx)
def price_list():
    wb = Workbook()
    thin = Side(style="thin", color="999999")
    hdr_fill = PatternFill("solid", fgColor="D9E2F3")
    money = '"£"#,##0.00'

    def sheet(ws, title, header, rows, widths, money_cols, note):
        ws.title = title
        ws["A1"] = "Westcountry Wholesale Foods Ltd - trade price list"
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = "Prices effective from"
        ws["C2"] = dt.date(2024, 7, 1)
        ws["C2"].number_format = "d mmmm yyyy"
        ws["A3"] = "Customer"
        ws["C3"] = "Larkspur Bakehouse (LARK01)"
        ws["A4"] = "All prices exclude VAT."
        for j, h in enumerate(header, start=1):
            c = ws.cell(row=6, column=j, value=h)
            c.font = Font(bold=True)
            c.fill = hdr_fill
            c.alignment = Alignment(wrap_text=True)
            c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        for i, row in enumerate(rows, start=7):
            for j, v in enumerate(row, start=1):
                c = ws.cell(row=i, column=j, value=v)
                c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
                if j in money_cols and isinstance(v, (int, float)):
                    c.number_format = money
        ws.cell(row=8 + len(rows), column=1, value=note).font = Font(italic=True)
        for j, w in enumerate(widths, start=1):
            ws.column_dimensions[chr(64 + j)].width = w
        ws.freeze_panes = "A7"

    sheet(wb.active, "Dairy",
          ["Code", "Product", "Pack size", "Price per pack", "Unit", "Price per unit", "VAT"],
          [
              ["DA-WM2", "Whole milk", "6 x 2 L", 13.74, "2 L bottle", 2.29, "Zero"],
              ["DA-SS2", "Semi-skimmed milk", "6 x 2 L", 13.02, "2 L bottle", 2.17, "Zero"],
              ["DA-OAT1", "Barista oat drink", "6 x 1 L", 10.74, "litre", 1.79, "20%"],
              ["DA-SOY1", "Barista soya drink", "6 x 1 L", 9.54, "litre", 1.59, "20%"],
              ["DA-ALM1", "Barista almond drink", "6 x 1 L", 12.54, "litre", 2.09, "20%"],
              ["DA-DC1", "Double cream", "1 L", 4.85, "litre", 4.85, "Zero"],
              ["DA-BU", "Unsalted butter", "40 x 250 g", 77.6, "250 g block", 1.94, "Zero"],
              ["DA-MASC", "Mascarpone", "2 kg tub", 14.36, "kg", 7.18, "Zero"],
              ["DA-CHED", "Mature cheddar, block", "5 kg", 31.45, "kg", 6.29, "Zero"],
              ["DA-EGG", "Free-range eggs, medium", "6 trays of 30", 41.88, "tray of 30", 6.98, "Zero"],
          ],
          [10, 26, 14, 14, 14, 14, 8], {4, 6},
          "Chilled goods are delivered Tuesday and Friday only. Minimum chilled order £40.")

    ws2 = wb.create_sheet()
    sheet(ws2, "Dry goods",
          ["Code", "Product", "Pack size", "Price per pack", "Previous price", "Notes"],
          [
              ["DG-SWB16", "Strong white bread flour", "16 kg sack", 15.45, 14.9, "Mill price rise"],
              ["DG-PLN16", "Plain flour", "16 kg sack", 12.85, 12.85, ""],
              ["DG-RYE16", "Wholemeal rye flour", "16 kg sack", 18.65, 17.95, "Stoneground, organic"],
              ["DG-CAS5", "Caster sugar", "5 kg", 6.65, 6.45, ""],
              ["DG-DEM3", "Demerara sugar", "3 kg", 5.35, 5.35, ""],
              ["DG-CARD4", "Ground cardamom", "400 g", 12.45, 11.8, "Limited stock until August"],
              ["DG-CINN5", "Ground cinnamon", "500 g", 7.95, 7.95, ""],
              ["DG-CHOC25", "Dark chocolate callets 54%", "2.5 kg", 25.35, 24.5, ""],
              ["DG-YST5", "Dried yeast", "500 g", 4.85, 4.85, ""],
              ["DG-SALT15", "Sea salt flakes", "1.5 kg", 9.15, 9.15, ""],
              ["DG-OATS3", "Rolled oats", "3 kg", 4.65, 4.35, ""],
              ["DG-POPPY", "Poppy seeds", "1 kg", 8.95, 8.95, ""],
          ],
          [11, 28, 12, 14, 14, 28], {4, 5},
          "Dry goods can be delivered on any weekday route. Orders by 2pm for next-day delivery.")
    wb.save(os.path.join(OUT, "westcountry_price_list_july_2024.xlsx"))


# ---------------------------------------------------------------- 4. staff rota (csv)
def rota():
    rows = [
        ["Staff", "Role", "Mon 10 Jun", "Tue 11 Jun", "Wed 12 Jun", "Thu 13 Jun", "Fri 14 Jun",
         "Sat 15 Jun", "Sun 16 Jun", "Total hours"],
        ["Hannah Okafor", "Owner / head baker", "Admin 09:00-12:00", "05:30-14:00", "05:30-14:00",
         "05:30-14:00", "05:30-14:00", "06:00-16:30", "OFF", "47.5"],
        ["Sam Whitlock", "Barista / front of house", "CLOSED", "07:00-15:30", "07:00-15:30", "OFF",
         "07:00-15:30", "07:30-16:30", "08:30-14:30", "40.5"],
        ["Jodie Price", "Baker's assistant / counter", "CLOSED", "OFF", "06:30-13:00", "06:30-15:00",
         "06:30-13:00", "07:30-16:30", "08:30-14:30", "36.5"],
        ["Open to public", "", "Closed", "07:30-16:00", "07:30-16:00", "07:30-16:00", "07:30-16:00",
         "08:00-15:00", "09:00-14:00", ""],
        ["Notes", "", "Hannah: VAT paperwork", "", "",
         "Coldline fitting walk-in door seal 10:00 - Jodie to let engineer in", "",
         "Sam on close", "Father's Day - double batch of sausage rolls", ""],
    ]
    with open(os.path.join(OUT, "rota_week_10_june_2024.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


# ---------------------------------------------------------------- 5. food hygiene inspection (pdf)
def hygiene(tmp):
    d = new_doc()
    para(d, "Somerset Council", bold=True, size=14, space_after=0)
    para(d, "Environmental Health - Food Safety Team", space_after=0)
    para(d, "Frome office, Christchurch Street West, Frome BA11 1EB", space_after=8)
    para(d, "FOOD HYGIENE INSPECTION REPORT", bold=True, size=15)
    table(d, [
        ["Business name", "Larkspur Bakehouse"],
        ["Address", "12 Weavers Row, Frome, Somerset BA11 1QT"],
        ["Food business operator", "Larkspur Bakehouse Ltd (director: Hannah Okafor)"],
        ["Type of premises", "Restaurant / café with on-site bakery"],
        ["Date and time of inspection", "14 May 2024, 10:20 to 12:45"],
        ["Type of visit", "Programmed inspection (unannounced)"],
        ["Inspecting officer", "Gareth Lowry, Environmental Health Officer"],
        ["Our reference", "FH/24/03318"],
        ["Person seen", "Hannah Okafor"],
    ], header=False, widths=[5.5, 11.5])
    para(d, "1. Scores", bold=True, size=12)
    para(d, "Each area is scored by the officer. Lower scores are better: 0 means full compliance.")
    table(d, [
        ["Area assessed", "Score", "What this means"],
        ["Hygienic food handling (preparation, cooking, cooling, storage)", "5", "Generally satisfactory"],
        ["Cleanliness and condition of facilities and building", "10", "Improvement necessary"],
        ["Management of food safety (confidence in management)", "5", "Generally satisfactory"],
        ["Total score", "20", ""],
        ["Food hygiene rating", "4 (Good)", "Displayed on food.gov.uk within 28 days"],
    ], widths=[9.0, 2.4, 5.6], bold_last=True)
    para(d, "2. What the officer found", bold=True, size=12)
    for t in [
        "Temperatures at the time of the visit: display chiller 4.2°C; walk-in cold room 7.1°C; "
        "freezer -19°C. The walk-in cold room door seal is split on the hinge side and the door does "
        "not close fully without being pushed.",
        "The wash-hand basin in the bakery preparation area had no soap at the time of the visit. "
        "Staff were using the front-of-house basin instead.",
        "Fridge temperature records were not completed for 6 to 9 May 2024.",
        "The allergen matrix at the counter did not include the cardamom bun, which is on sale.",
        "Good practice noted: a written cleaning schedule is in place and followed; raw and ready-to-eat "
        "foods are well separated; food hygiene certificates were seen for all food handlers (Level 3 "
        "for Hannah Okafor, Level 2 for Sam Whitlock and Jodie Price).",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "3. Required actions", bold=True, size=12)
    para(d, "The following are legal requirements. Please complete them by the dates shown.")
    table(d, [
        ["No.", "Action required", "Legal reference", "Complete by"],
        ["1", "Repair or replace the damaged door seal on the walk-in cold room so that the door closes "
              "fully", "Reg. (EC) 852/2004 Annex II Ch. I", "11 June 2024"],
        ["2", "Keep the bakery wash-hand basin stocked with soap and paper towels at all times",
         "Reg. (EC) 852/2004 Annex II Ch. I (4)", "Immediately"],
        ["3", "Record fridge and cold room temperatures twice a day with no gaps; records to be signed",
         "Reg. (EC) 852/2004 Art. 5", "Immediately"],
        ["4", "Update the allergen matrix so it covers every product on sale, including the cardamom bun",
         "Food Information Regulations 2014", "31 May 2024"],
    ], widths=[1.2, 8.8, 4.4, 2.6])
    para(d, "Recommendation (not a legal requirement): buy a second calibrated probe thermometer for the "
            "bakery so the one at the counter does not have to be moved.")
    para(d, "4. Your rights", bold=True, size=12)
    para(d, "Appeal: if you think the rating is wrong or unfair you can appeal in writing to the Lead "
            "Food Officer within 21 days of being told your rating. Right to reply: you may send us "
            "comments to be published next to your rating. Re-rating: once the required actions are "
            "done you can ask for a re-rating visit; a fee of £210 is charged for it and the visit will "
            "take place within three months of the request.")
    para(d, "Officer: Gareth Lowry, Environmental Health Officer. Tel 01632 960 602, "
            "foodsafety@somerset.gov.example")
    p = os.path.join(tmp, "hygiene.docx")
    d.save(p)
    to_pdf(p, "food_hygiene_inspection_may_2024.pdf")


# ---------------------------------------------------------------- 6. menu (html)
def menu():
    def rows(items):
        return "\n".join(
            f"      <tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{e}</td><td>{f}</td></tr>"
            for a, b, c, e, f in items)

    head = "<tr><th>Item</th><th>Description</th><th>Price</th><th>Allergens</th><th>Diet</th></tr>"
    drinks = [
        ("Espresso", "Double shot, Bristol-roasted house blend", "£2.60", "None", "VG"),
        ("Flat white", "Double shot, whole milk", "£3.40", "Milk", "V"),
        ("Cappuccino", "Double shot, whole milk, chocolate dusting", "£3.50", "Milk", "V"),
        ("Latte", "Double shot, whole milk", "£3.60", "Milk", "V"),
        ("Iced oat latte (new)", "Double shot over ice with barista oat drink", "£3.90", "Gluten (oats)", "VG"),
        ("Pot of tea", "Loose leaf: English breakfast, Earl Grey or peppermint", "£2.80", "None", "VG"),
        ("Hot chocolate", "Whole milk, 54% dark chocolate", "£3.70", "Milk, Soya", "V"),
    ]
    bakes = [
        ("Sourdough loaf (800 g)", "Our house loaf, 36-hour ferment", "£5.50", "Gluten (wheat, rye)", "VG"),
        ("Cardamom bun", "Swedish-style knot, pearl sugar", "£3.20", "Gluten, Milk, Egg", "V"),
        ("Almond croissant", "Twice-baked with frangipane", "£3.75", "Gluten, Milk, Egg, Nuts (almond)", "V"),
        ("Chocolate brownie", "Gluten-free recipe", "£3.30", "Milk, Egg, Soya", "V"),
        ("Lemon &amp; poppy seed slice", "Lemon curd, poppy seed sponge", "£3.10", "Gluten, Milk, Egg", "V"),
    ]
    lunch = [
        ("Sausage roll", "Somerset pork, wholegrain mustard, rough puff", "£3.95", "Gluten, Milk, Mustard, Sulphites", ""),
        ("Veggie sausage roll", "Lentil, leek and sage in vegan pastry", "£3.95", "Gluten, Soya, Mustard", "VG"),
        ("Soup of the day", "With a thick slice of sourdough and butter", "£6.50", "Celery; bread: Gluten; butter: Milk", "ask"),
        ("Cheese &amp; pickle toastie", "Mature cheddar, house pickle, sourdough", "£6.25", "Gluten, Milk, Mustard, Sulphites", "V"),
    ]
    html = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Larkspur Bakehouse - Menu, Summer 2024</title>
  <style>
    body {{ font-family: Georgia, serif; max-width: 760px; margin: 2em auto; color: #2b2b2b; }}
    h1 {{ letter-spacing: 0.08em; }}
    table {{ border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }}
    th, td {{ border-bottom: 1px solid #ccc; padding: 6px 8px; text-align: left; vertical-align: top; }}
    th {{ background: #f3ede4; }}
    .note {{ font-size: 0.9em; color: #555; }}
  </style>
</head>
<body>
  <h1>Larkspur Bakehouse</h1>
  <p>12 Weavers Row, Frome &middot; 01632 960 148 &middot; hello@larkspurbakehouse.co.uk</p>
  <h2>Coffee, tea &amp; other drinks</h2>
  <table>
    <thead>{head}</thead>
    <tbody>
{rows(drinks)}
    </tbody>
  </table>
  <p class="note">Oat, soya or almond drink in any coffee: +45p. Extra shot: +60p.
  Bring your own cup and get 20p off any hot drink.</p>
  <h2>From the bakery</h2>
  <table>
    <thead>{head}</thead>
    <tbody>
{rows(bakes)}
    </tbody>
  </table>
  <h2>Savoury &amp; lunch (served 11:30am to 2:30pm)</h2>
  <table>
    <thead>{head}</thead>
    <tbody>
{rows(lunch)}
    </tbody>
  </table>
  <p class="note">Diet key: V = vegetarian, VG = vegan. Everything is baked in a kitchen that also
  handles nuts, sesame and gluten, so we cannot guarantee any item is free from traces.
  Please tell us about allergies when you order &ndash; the full allergen matrix is at the counter.</p>
  <p class="note">Whole sourdough loaves and celebration cakes can be pre-ordered with 48 hours' notice.</p>
</body>
</html>
"""
    write("larkspur_menu.html", html)


# ---------------------------------------------------------------- 7. espresso machine guide (txt)
def espresso():
    text = """BREVANO DUETTO 2GR - OPERATOR GUIDE (EXCERPT: SECTIONS 4 TO 7)
================================================================
Our machine: Brevano Duetto 2GR-V, serial no. BRV-2GV-041187
Installed: March 2021 (bought second-hand, made 2015)
Last service: 14 February 2024 (engineer: Mark Tobin)


4. DAILY START-UP
-----------------
4.1  Check the water supply tap under the counter is fully open.
4.2  Switch on at the main switch (right-hand side panel). The green lamp lights and the
     boiler starts to fill automatically.
4.3  Wait about 25 minutes for the machine to reach temperature. The boiler pressure
     gauge (left) should read 1.1-1.3 bar. Do not pull shots before then.
4.4  Lock both portafilters into the group heads so they warm up.
4.5  Flush each group for 5 seconds and purge both steam wands.
4.6  Pull one test shot per group and throw it away. Target recipe: 18 g in, 36 g out,
     in 25-30 seconds. Adjust the grinder if needed (see section 6).


5. BACKFLUSHING (CLEANING THE GROUP HEADS)
------------------------------------------
5.1  Take the filter basket out of the portafilter and fit the blind (blank) basket.
5.2  Add 3 g (half a scoop) of Brevano Clean group cleaning powder to the blind basket.
5.3  Lock the portafilter in, run the group for 10 seconds, stop for 10 seconds.
     Repeat 5 times.
5.4  Take the portafilter out, rinse the blind basket, and repeat 5 cycles with clean
     water only.
5.5  Pull one shot and throw it away to remove any taste of detergent.
5.6  At close, soak the filter baskets and the metal portafilter heads (NOT the handles)
     in cleaning solution for 20 minutes, then rinse.


6. TROUBLESHOOTING
------------------
PROBLEM                          LIKELY CAUSE                         WHAT TO DO
-------------------------------  -----------------------------------  --------------------------------------------------
Shot runs too fast (under 20 s)  Grind too coarse or dose too low     Adjust grinder finer by one step; check dose is 18 g
Shot runs too slow (over 35 s)   Grind too fine or tamped too hard    Adjust grinder coarser by one step
Water leaks round the group      Worn group gasket                    Replace gasket (part GSK-58) - see service kit
Steam wand weak or spitting      Blocked steam tip                    Soak tip in hot water; clear the holes with a pin
Display shows E3                 Water supply low                     Check the water tap under the counter is fully open
Display shows E4                 Boiler overheat cut-out has tripped  Switch off, wait 30 min, press reset on the back panel
Display shows E7                 Flowmeter fault on one group         Use the other group; call Brevano service
Gauge reads 0 bar after 30 min   Element or pressure switch fault     Switch off and call Brevano service
Coffee tastes bitter / burnt     Over-extraction or group too hot     Check shot time; backflush; flush group before shot

If E4 comes back more than once in a day, do not reset again - call service.


7. CLEANING SCHEDULE
--------------------
TASK                                           HOW OFTEN
---------------------------------------------  ------------------------------
Wipe and purge steam wands                     After every milk drink
Flush group head                               Before every shot
Backflush with cleaning powder                 Every day at close
Soak baskets and portafilter heads             Every day at close
Empty and wash drip tray and grate             Every day at close
Clean grinder hopper and burrs                 Weekly (Tuesday morning)
Replace water filter cartridge                 Every 3 months
Replace group gaskets and shower screens       Every 6 months (at service)
Professional service                           Every 6 months


SERVICE AND PARTS
-----------------
Brevano UK Service: 01632 960 871 (Mon-Fri 8am-6pm, Sat 9am-1pm).
Have the serial number ready. Call-out charge outside the service contract: £95 + VAT,
then £60 + VAT per hour. Water filter cartridges (part WF-300) are ordered from the same number.
"""
    write("espresso_machine_guide.txt", text)


# ---------------------------------------------------------------- 8. loan offer (docx)
def loan():
    d = new_doc(size=10.5)
    para(d, "Castlegate Bank plc", bold=True, size=16, space_after=0)
    para(d, "Business Banking Centre, 8 Corn Street, Bristol BS1 1JA", space_after=12)
    para(d, "21 June 2024")
    para(d, "PRIVATE AND CONFIDENTIAL", bold=True, space_after=0)
    para(d, "Ms Hannah Okafor, Director\nLarkspur Bakehouse Ltd\n12 Weavers Row\nFrome\nSomerset BA11 1QT")
    para(d, "Dear Ms Okafor,")
    para(d, "Business loan offer - reference CB-BL-604412", bold=True)
    para(d, "Thank you for meeting me on 11 June and for the growth plan you presented. I am pleased to "
            "confirm that Castlegate Bank plc is prepared to offer Larkspur Bakehouse Ltd a business loan "
            "on the terms set out below and in the enclosed General Conditions.")
    table(d, [
        ["Term", "Detail"],
        ["Borrower", "Larkspur Bakehouse Ltd (company no. 13845206)"],
        ["Loan amount", "£18,000.00"],
        ["Purpose", "Purchase of a two-group espresso machine and a two-deck electric oven"],
        ["Loan term", "36 months"],
        ["Interest rate", "8.9% per year, fixed for the full term"],
        ["Monthly repayment", "£571.56 (final repayment £571.47)"],
        ["Repayment dates", "1st of each month by direct debit, starting 1 August 2024"],
        ["Arrangement fee", "£360.00 (2% of the loan amount), deducted from the loan when it is paid out"],
        ["Security", "Personal guarantee from Hannah Okafor, limited to £9,000"],
        ["Total amount repayable", "£20,575.07 (not including the arrangement fee)"],
        ["Offer valid until", "5 July 2024"],
    ], widths=[4.5, 12.5])
    para(d, "Repayment summary", bold=True, size=12)
    table(d, [
        ["Loan year", "Period", "Total payments", "Interest", "Capital repaid", "Balance at end of year"],
        ["Year 1", "Aug 2024 to Jul 2025", "£6,858.72", "£1,382.18", "£5,476.54", "£12,523.46"],
        ["Year 2", "Aug 2025 to Jul 2026", "£6,858.72", "£874.38", "£5,984.34", "£6,539.12"],
        ["Year 3", "Aug 2026 to Jul 2027", "£6,858.63", "£319.51", "£6,539.12", "£0.00"],
        ["Total", "", "£20,575.07", "£2,576.07", "£18,000.00", ""],
    ], widths=[2.0, 3.8, 2.8, 2.4, 2.8, 3.2], bold_last=True)
    para(d, "Early repayment", bold=True)
    para(d, "You may repay all or part of the loan at any time. If you repay during the first 12 months, "
            "an early repayment charge of 1% of the amount repaid early will apply. There is no charge "
            "for early repayment after the first 12 months.")
    para(d, "Before we pay out the loan we will need", bold=True)
    for t in [
        "this letter signed by a director to accept the offer;",
        "the signed personal guarantee (enclosed), witnessed by an independent adult;",
        "management accounts to 31 March 2024 (your accountant may send these direct);",
        "a copy of the lease of 12 Weavers Row;",
        "evidence of your business insurance, and the suppliers' quotes for the machine and the oven.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Ongoing conditions", bold=True)
    para(d, "While the loan is outstanding, the company must keep its main business current account with "
            "Castlegate Bank and send us its annual accounts within nine months of its year end. Missed "
            "repayments may be charged a fee of £25 each and may affect your credit record.")
    para(d, "To accept, please sign and return this letter by 5 July 2024. If you have any questions, "
            "call me on 0117 496 0732 or email daniel.asante@castlegatebank.co.uk.")
    para(d, "Yours sincerely,")
    para(d, "Daniel Asante\nRelationship Manager, Business Banking")
    para(d, "Acceptance: I accept this offer on behalf of Larkspur Bakehouse Ltd.\n\n"
            "Signed ............................................   Date ....................")
    d.save(os.path.join(OUT, "castlegate_loan_offer.docx"))


# ---------------------------------------------------------------- 9. lease summary (pdf)
def lease(tmp):
    d = new_doc()
    para(d, "Holt & Vine Solicitors", bold=True, size=13, space_after=0)
    para(d, "22 Bath Street, Frome BA11 1DJ  ·  01632 960 467", space_after=10)
    para(d, "LEASE SUMMARY: 12 WEAVERS ROW, FROME", bold=True, size=15)
    para(d, "Prepared for Larkspur Bakehouse Ltd from the lease dated 26 February 2021. This is a summary "
            "only; the lease itself takes priority if the two differ.", italic=True)
    table(d, [
        ["Item", "Summary"],
        ["Premises", "Ground floor shop and rear bakehouse, 12 Weavers Row, Frome BA11 1QT "
                     "(about 68 m2), with shared use of the rear yard and bin store"],
        ["Landlord", "Weavers Row Properties Ltd"],
        ["Tenant", "Larkspur Bakehouse Ltd"],
        ["Guarantor", "Hannah Okafor"],
        ["Term", "10 years from 1 March 2021, ending 28 February 2031"],
        ["Rent", "£14,400 a year plus VAT, paid quarterly in advance (£3,600 plus VAT a quarter)"],
        ["Rent payment dates", "The usual quarter days: 25 March, 24 June, 29 September and 25 December"],
        ["Rent deposit", "£4,320 (three months' rent plus VAT), held by the landlord's agent"],
        ["Rent review", "1 March 2026, upward only, to open market rent"],
        ["Break clause", "Tenant only, on 1 March 2026, by giving at least 6 months' prior written "
                         "notice (so notice must be served by 1 September 2025). The rent must be paid up "
                         "to date and the premises handed back empty."],
        ["Service charge", "£85 a month towards the rear yard, bin store and alley lighting"],
        ["Repairs", "Tenant: inside of the premises and the shop front. Landlord: structure, roof "
                    "and drains."],
        ["Building insurance", "Landlord insures the building; tenant pays the premium back "
                               "(£640 for 2024)"],
        ["Permitted use", "Class E: café, bakery and retail sale of food"],
        ["Hours", "No trading before 6:00am or after 11:00pm. No deliveries at the front before 7:00am "
                  "(use the rear yard)"],
        ["Alterations", "Internal non-structural alterations with the landlord's consent, not to be "
                        "unreasonably withheld. No structural alterations."],
        ["Signs", "New signage needs the landlord's written consent."],
        ["Assignment and subletting", "Assignment of the whole with consent; no subletting of part"],
        ["Security of tenure", "The lease is inside the Landlord and Tenant Act 1954, so the tenant has "
                               "the right to ask for a new lease at the end of the term"],
        ["Notices and repairs", "To the landlord care of its agent: Catesby Rowe Surveyors, "
                                "3 Market Place, Frome BA11 1AN. Contact: Fiona Marsh, 01632 960 441"],
    ], widths=[4.2, 12.8])
    para(d, "Points to watch", bold=True, size=12)
    for t in [
        "The break date and the rent review date are the same day (1 March 2026). If you want to use "
        "the break, diarise the notice date of 1 September 2025 well in advance.",
        "The landlord has opted to tax the building, so VAT is charged on the rent and the service charge.",
        "The lease does not allow tables and chairs on the pavement; that needs a separate pavement "
        "licence from the council.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Holt & Vine Solicitors, ref. JV/LARK/0217, 4 March 2021 (updated 8 January 2024)", size=8,
         italic=True)
    p = os.path.join(tmp, "lease.docx")
    d.save(p)
    to_pdf(p, "lease_summary_12_weavers_row.pdf")


# ---------------------------------------------------------------- 10-11. e-mails (eml)
def emails():
    m = EmailMessage()
    m["From"] = "Tom Ferris <tom.ferris@mendipdairy.co.uk>"
    m["To"] = "Hannah Okafor <hannah@larkspurbakehouse.co.uk>"
    m["Date"] = format_datetime(dt.datetime(2024, 6, 10, 9, 14, 37,
                                            tzinfo=dt.timezone(dt.timedelta(hours=1))))
    m["Subject"] = "Re: Price rise + delivery days?"
    m["Message-ID"] = "<20240610091437.4471@mendipdairy.co.uk>"
    m["In-Reply-To"] = "<CAH7xq1y9dLarkspur0607@mail.gmail.com>"
    m["References"] = "<CAH7xq1y9dLarkspur0607@mail.gmail.com>"
    m.set_content("""Hi Hannah,

Thanks for your email and sorry for the slow reply - we've been chasing our own
suppliers on the oat drink all week.

Good news first: we can keep you on the barista oat at £1.72 a litre until the end
of June. From Monday 1 July our prices go up as follows (per unit, ex VAT):

  Whole milk 2 litre           £2.05 -> £2.19
  Semi-skimmed 2 litre         £1.95 -> £2.09
  Double cream 1 litre         £4.60 -> £4.75
  Barista oat drink 1 litre    £1.72 -> £1.84
  Unsalted butter 250 g        no change (£1.85)

Sorry about this - the farm-gate price went up 8% in May and we've held off as
long as we could.

On deliveries: from July we're changing our routes, so your drop will move from
Monday and Thursday to Tuesday and Friday, between 6:30 and 7:30am. That should
sort out Jodie having to come in on your closed day. Free delivery is still for
orders of £300 or more; under that it stays at £6.50.

Eggs: yes, we can do large free-range at £8.40 a tray of 30 instead of the
medium. Let me know by Thursday and I'll change the standing order.

Any problems give me a ring on 07700 900 263.

Cheers,
Tom

--
Tom Ferris
Sales & Accounts, Mendip Dairy Co.
01632 960 184 | 07700 900 263

On Fri, 7 Jun 2024 at 16:02, Hannah Okafor <hannah@larkspurbakehouse.co.uk> wrote:
> Hi Tom,
>
> Quick one - I heard from another café that you're putting prices up this
> summer. Can you tell me the new prices and when they start? I'm doing my
> budget for the bank.
>
> Also, is the Monday delivery staying? Monday's our closed day so it's a pain
> when Jodie has to come in just to take it.
>
> And could we try large eggs instead of medium?
>
> Thanks,
> Hannah
""", charset="utf-8", cte="8bit")
    with open(os.path.join(OUT, "email_mendip_price_rise.eml"), "wb") as f:
        f.write(bytes(m))

    plain = """Hi Hannah,

Thanks for your message this morning - answers below.

VAT return, quarter 1 March to 31 May 2024

I've finished the draft. The figures are:

  Box 1  VAT due on sales              £4,118.40
  Box 4  VAT reclaimed on purchases    £2,276.24
  Box 5  Net VAT to pay HMRC           £1,842.16
  Box 6  Total sales ex VAT            £41,806.00
  Box 7  Total purchases ex VAT        £19,930.00

The deadline for submitting and paying is 7 July 2024. That's a Sunday, so please make
sure your payment has reached HMRC by Friday 5 July. You haven't got a direct debit set
up with HMRC, so pay by bank transfer and use your VAT registration number as the
reference.

Before I submit I need two things from you:
1. The Westcountry Wholesale invoice WW-87455 from April - I have WW-87102 but not that one.
2. Confirmation that the £1,150 paid to Coldline Refrigeration on 22 May was for the
   display chiller compressor repair and not a new unit. A repair goes through as an
   expense; a new unit would be capital and treated differently.

Could you send both by Friday 21 June?

The bank loan

The £360 arrangement fee isn't a one-off expense in the accounts - it's spread over the
36 months of the loan. The interest is an allowable expense for corporation tax as you pay
it. I've sent Daniel at Castlegate the management accounts to 31 March 2024 as he asked.

Year-end accounts

Your year end was 31 March 2024. The accounts have to be filed at Companies House by
31 December 2024 and the corporation tax is due by 1 January 2025. I'd like your records
by 31 July so we're not rushing. Our fee is £1,450 plus VAT, as in the engagement letter.

Kind regards,
Priya

Priya Nair FCCA
Director, Nair & Coles Chartered Accountants
5 Bath Street, Frome BA11 1DJ
01632 960 325

-----Original Message-----
From: Hannah Okafor <hannah@larkspurbakehouse.co.uk>
Sent: 12 June 2024 08:47
To: Priya Nair <priya@nairandcoles.co.uk>
Subject: VAT figure?

Hi Priya,

Have you got the VAT figure yet? I need to know how much to put aside. And does the
fee on the bank loan count as an expense?

Thanks, Hannah
"""
    html = "<html><body>" + "".join(
        f"<p>{p.replace(chr(10), '<br>')}</p>" for p in plain.split("\n\n")) + "</body></html>"
    a = EmailMessage()
    a["From"] = "Priya Nair <priya@nairandcoles.co.uk>"
    a["To"] = "Hannah Okafor <hannah@larkspurbakehouse.co.uk>"
    a["Date"] = format_datetime(dt.datetime(2024, 6, 12, 14, 41, 9,
                                            tzinfo=dt.timezone(dt.timedelta(hours=1))))
    a["Subject"] = "RE: VAT figure?"
    a["Message-ID"] = "<000f01dabcc5$7e2a4b10$7a7ee130$@nairandcoles.co.uk>"
    a["In-Reply-To"] = "<CAH7xq1zLarkspur0612vat@mail.gmail.com>"
    a.set_content(plain, charset="utf-8", cte="quoted-printable")
    a.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "email_accountant_vat_return.eml"), "wb") as f:
        f.write(bytes(a))


# ---------------------------------------------------------------- 12. staff meeting notes (md)
def meeting():
    write("staff_meeting_2024-05-28.md", """# Staff meeting - Tuesday 28 May 2024

**Present:** Hannah Okafor, Sam Whitlock, Jodie Price
**Where / when:** in the café after close, 16:15 to 17:10
**Notes by:** Hannah

## 1. Hygiene inspection (14 May)

We got a 4. Gareth (the EHO) said we'd probably have had a 5 if the temperature records had
been complete and the walk-in door shut properly. Four things to do - see actions below.
Coldline quoted £185 to replace the walk-in door seal, but their earliest slot is 13 June, which
is two days after the council's deadline, so Hannah will email Gareth to explain.

Everyone agreed: fridge temps get written down at opening AND at close, every day, no gaps.

## 2. Summer hours

From 1 July we stay open until 4pm on Saturdays (instead of 3pm) and try a late Thursday until
5pm for July and August. Sam is happy to do the later Saturday finish. Jodie will print the new
notice for the door.

## 3. Menu

- Iced oat latte goes on the menu in June at £3.90 if the recipe tests OK. Sam to test and cost it.
- The lemon drizzle loaf is dropped and replaced by the lemon & poppy seed slice (poppy seeds need
  adding to the allergen matrix - they're not one of the 14 allergens but customers ask).
- Sausage rolls sell out by 1pm most Saturdays: Hannah will do a second bake at 11.

## 4. Pay

From 1 July Sam's rate goes up from £11.80 to £12.40 an hour and Jodie's from £11.60 to £12.10
an hour. Both agreed.

## 5. Market stall and the bank

Hannah is applying for a stall at the Frome Independent Sunday market from September and is
talking to Castlegate Bank about a loan for a new coffee machine and a deck oven. If the stall
goes ahead someone needs to run it one Sunday a month - Jodie is keen.

## 6. Holidays and any other business

- Jodie: holiday booked 5-9 August. Hannah covers the bakery mornings.
- Sam asked for Sundays off in July - not agreed yet, Hannah to look at the rota.
- The back-door bolt is sticking; Sam will put some oil on it.

## Actions

| # | Action | Who | By when |
|---|--------|-----|---------|
| 1 | Book Coldline to replace the walk-in door seal | Hannah | 31 May |
| 2 | Email Gareth Lowry about the seal date | Hannah | 31 May |
| 3 | Update the allergen matrix (cardamom bun, poppy seed slice) | Jodie | 31 May |
| 4 | Put new AM/PM fridge temperature log sheets on a clipboard by the walk-in | Sam | 29 May |
| 5 | Test the iced oat latte recipe and work out the cost per cup | Sam | 5 June |
| 6 | Draft the Frome Independent stall application | Hannah | 14 June |
| 7 | Print the summer hours notice for the front door | Jodie | 24 June |
| 8 | Oil the back-door bolt | Sam | 31 May |

**Next meeting:** Tuesday 25 June, 16:15.
""")


# ---------------------------------------------------------------- 13. insurance certificate (pdf)
def insurance(tmp):
    d = new_doc(size=9.5)
    para(d, "Harrowgate Mutual Insurance plc", bold=True, size=15, space_after=0)
    para(d, "Registered office: 40 Station Parade, Harrogate HG1 1TT", space_after=8)
    para(d, "CERTIFICATE OF EMPLOYERS' LIABILITY INSURANCE", bold=True, size=13, align="center",
         space_after=0)
    para(d, "(A copy of this certificate must be displayed where your employees can easily read it)",
         italic=True, align="center")
    table(d, [
        ["Policy number", "HMI/CB/2291847"],
        ["1. Name of policyholder", "Larkspur Bakehouse Ltd"],
        ["2. Date of commencement of insurance policy", "1 April 2024"],
        ["3. Date of expiry of insurance policy", "31 March 2025"],
        ["Employer's reference number (ERN)", "482/LB31907"],
        ["4. Employers' liability limit of indemnity", "£10,000,000 for any one occurrence"],
    ], header=False, widths=[8.5, 8.5])
    para(d, "We hereby certify that, subject to paragraph 2, the policy to which this certificate relates "
            "satisfies the requirements of the relevant law applicable in Great Britain.")
    para(d, "Signed on behalf of Harrowgate Mutual Insurance plc (Authorised Insurer): R. Ellison, "
            "Underwriting Director", italic=True)
    para(d, "Schedule summary - Café & Bakery Combined Policy", bold=True, size=11)
    table(d, [
        ["Section", "Limit / sum insured", "Excess"],
        ["Employers' liability", "£10,000,000", "Nil"],
        ["Public liability", "£2,000,000", "£250 (property damage only)"],
        ["Products liability", "£2,000,000", "£250"],
        ["Contents and equipment", "£32,000", "£250"],
        ["Stock (including spoilage after fridge or freezer breakdown)", "£6,000", "£100"],
        ["Business interruption (loss of gross profit)", "£60,000, 12-month indemnity period",
         "First 48 hours"],
        ["Money: in a locked safe out of business hours", "£1,000", "£100"],
        ["Money: in transit to the bank", "£3,000", "£100"],
        ["Shop front glass", "Full replacement cost", "£100"],
    ], widths=[8.0, 5.5, 3.5])
    para(d, "Annual premium: £1,286.40 including Insurance Premium Tax. Paid by 10 monthly instalments.")
    para(d, "Broker: Selwood Insurance Brokers, 9 King Street, Frome BA11 1BH, 01632 960 775.")
    para(d, "24-hour claims line: 01632 960 990. Please quote the policy number.")
    p = os.path.join(tmp, "insurance.docx")
    d.save(p)
    to_pdf(p, "insurance_certificate_2024-25.pdf")


# ---------------------------------------------------------------- 14. bank pitch (pptx)
def pitch():
    prs = folder_kit.new_deck()
    bullets = partial(folder_kit.bullets, prs)

    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Larkspur Bakehouse: growth plan 2024-25"
    s.placeholders[1].text = "Prepared for Castlegate Bank, June 2024\nHannah Okafor, Director"

    bullets("Who we are", [
        "Independent café and bakery at 12 Weavers Row, Frome, opened March 2021",
        "28 seats inside and 8 in the courtyard; sourdough, buns and savoury bakes made on site every morning",
        "Owner plus two staff: Sam Whitlock (barista) and Jodie Price (baker's assistant)",
        "Food hygiene rating 4 (May 2024); 4.8 stars from 312 Google reviews",
    ])

    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Trading so far"
    data = [
        ["Year (April to March)", "Turnover", "Gross margin", "Net profit before tax"],
        ["2021/22 (first year)", "£118,900", "61%", "£4,210"],
        ["2022/23", "£148,600", "63%", "£9,870"],
        ["2023/24", "£171,250", "64%", "£14,390"],
        ["2024/25 forecast", "£196,000", "65%", "£18,500"],
    ]
    shape = s.shapes.add_table(len(data), 4, Inches(0.8), Inches(1.8), Inches(11.7), Inches(3.2))
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            cell = shape.table.cell(i, j)
            cell.text = v
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = PPt(20)
    tb = s.shapes.add_textbox(Inches(0.8), Inches(5.4), Inches(11.7), Inches(1))
    tb.text_frame.text = ("Turnover has grown every year. Average monthly net cash inflow in 2023/24 "
                          "was £1,650.")

    bullets("What the £18,000 is for", [
        "Brevano Vela two-group espresso machine: £11,400 (our current machine was made in 2015 and "
        "broke down three times in 2023)",
        "Two-deck electric oven: £6,600, doubling bread capacity to 90 loaves a day",
        "Both to be installed during our August closure (19 to 21 August 2024)",
    ])
    bullets("Where the growth comes from", [
        "Wholesale sourdough to three local cafés from September (two already agreed)",
        "Sunday stall at the Frome Independent market, first Sunday of the month, from September",
        "Iced drinks range for the summer; Saturday opening extended to 4pm from July",
        "Monthly repayment of £571.56 is covered 2.9 times by 2023/24 net cash inflow",
    ])
    bullets("Contact", [
        "Hannah Okafor, Director, Larkspur Bakehouse Ltd",
        "hannah@larkspurbakehouse.co.uk  |  07700 900 914",
        "Accountant: Priya Nair FCCA, Nair & Coles Chartered Accountants",
    ])
    prs.save(os.path.join(OUT, "bank_pitch_castlegate.pptx"))


# ---------------------------------------------------------------- 15. opening hours notice (txt)
def notice():
    write("opening_hours_notice.txt", """LARKSPUR BAKEHOUSE
12 Weavers Row, Frome

*** NEW SUMMER OPENING HOURS FROM MONDAY 1 JULY 2024 ***

We're staying open later on Saturdays, and trying out late Thursdays for July and August!

                 UNTIL 30 JUNE          FROM 1 JULY
Monday           Closed                 Closed
Tuesday          7:30am - 4:00pm        7:30am - 4:00pm
Wednesday        7:30am - 4:00pm        7:30am - 4:00pm
Thursday         7:30am - 4:00pm        7:30am - 5:00pm
Friday           7:30am - 4:00pm        7:30am - 4:00pm
Saturday         8:00am - 3:00pm        8:00am - 4:00pm
Sunday           9:00am - 2:00pm        9:00am - 2:00pm

Hot food and toasties are served 11:30am to 2:30pm (Sundays until 1:30pm).
Last coffee orders 15 minutes before we close.

AUGUST
- Closed Monday 19 to Wednesday 21 August while our new oven goes in and we
  deep clean. Back to normal on Thursday 22 August from 7:30am.
- Bank Holiday Monday 26 August: we're open 9am - 2pm.

Pre-order whole loaves and celebration cakes at least 48 hours ahead:
call 01632 960 148 or email hello@larkspurbakehouse.co.uk

Dogs on leads very welcome. Thank you for supporting a small local business!
Hannah, Sam & Jodie
""")


# ---------------------------------------------------------------- 16. closing-up SOP (md)
def sop():
    write("closing_up_sop.md", """# SOP 04: Closing up (last person out)

Version 3, updated 3 June 2024 by Hannah. For whoever is on the close: usually Sam Tuesday to
Friday, Sam or Jodie on Saturday, Jodie on Sunday.

## Timings

- **15 minutes before closing:** last coffee orders. Switch off and empty the decaf grinder.
- **At closing time:** turn the door sign to CLOSED and lock the front door (Yale only) while
  you clean. The whole close takes about 45 minutes.

## Checklist

### Front of house
- [ ] Wipe and sanitise all tables, chairs and the counter. On Saturdays, chairs go up on the
      tables so the floor can be mopped properly.
- [ ] Empty and wash the milk jugs. Opened milk goes back in the walk-in with the date on it.
- [ ] Unsold bread goes in the "day-old" basket (sold next day for £3.00 a loaf). Unsold buns and
      cakes go into Too Good To Go bags for collection between 4:15 and 4:45pm.
- [ ] Coffee machine: backflush both groups with cleaning powder (machine guide, section 5), soak
      the baskets, empty and wash the drip tray, purge the steam wands, then switch the machine
      OFF at the main switch.

### Kitchen and bakery
- [ ] Write the PM fridge temperatures on the log sheet (walk-in, display chiller, freezer) and sign
      it. The walk-in must be 8°C or below - if it isn't, move high-risk food into the display
      chiller and phone Hannah.
- [ ] Check the oven is off and the proving cabinet is on overnight (retard) mode at 4°C for
      tomorrow's sourdough.
- [ ] Dishwasher: drain it, take out and rinse the filters, leave the door ajar.
- [ ] Food waste into the brown caddy in the rear yard; general waste and recycling into the bin
      store. Bins are collected Tuesday and Friday mornings, so on Sunday and Thursday nights
      wheel the caddy out to the yard gate.

### Cash
- [ ] Cash up the till and print the Z-read.
- [ ] Leave a float of £150 for the morning (£100 in notes, £50 in coins) in the float bag - the
      float bag goes in the safe, not in the till.
- [ ] Takings go in the safe with the Z-read slip. Never leave more than £1,000 in the safe
      overnight (that's our insurance limit); if there's more, text Hannah and she'll bank it.

### Locking up
- [ ] Back door: bolt top and bottom.
- [ ] Lights off except the night light in the display case.
- [ ] Set the alarm at the panel by the front door (the code is not written down anywhere - ask
      Hannah).
- [ ] Lock the front door with both the Yale and the mortice lock. Keys go home with you; do not
      leave them in the key safe.
- [ ] Text Hannah "locked up" on 07700 900 914.

## If something goes wrong

| Problem | Who to call | Number |
|---------|-------------|--------|
| Alarm won't set, or false alarm | Secure-Point Alarms (24 hours) | 01632 960 356 |
| Fridge or freezer not cooling | Coldline Refrigeration | 01632 960 702 |
| Coffee machine fault | Brevano UK Service | 01632 960 871 |
| Water leak or flood | Catesby Rowe (landlord's agent), out of hours Fiona Marsh | 07700 900 118 |
| Anything else | Hannah | 07700 900 914 |
""")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    with tempfile.TemporaryDirectory(prefix="own_folder_2_") as tmp:
        mendip_invoice(tmp)
        westcountry_invoice(tmp)
        hygiene(tmp)
        lease(tmp)
        insurance(tmp)
    price_list()
    rota()
    menu()
    espresso()
    loan()
    emails()
    meeting()
    pitch()
    notice()
    sop()
    total = 0
    for name in sorted(os.listdir(OUT)):
        size = os.path.getsize(os.path.join(OUT, name))
        total += size
        print(f"{size:8d}  {name}")
    print(f"{total:8d}  total")


if __name__ == "__main__":
    main()
