"""Generate bench/data/own_folder_5/: the documents of a parent of two young children who lets out a flat.

Rebecca (Becca) Ashby, 37, a part-time GP practice manager living at 27 Wren Close, Fernley with her husband
Tom and their children Alfie (6, Year 2 at Fernley Green Primary School) and Isla (2, at Little Acorns Day
Nursery). She kept her one-bedroom flat (Flat 3, Kingsway Court, Ashcombe) when she married and lets it out
through an agent: an accidental landlord (all fictional: the towns, school, nursery, people, agent, lender,
insurers, garage, accountant, leisure centre and farm park; phone numbers in Ofcom's drama ranges 01632 960xxx,
0113 496 0xxx, 0161 496 0xxx, 0808 157 0xxx and 07700 900xxx; NHS numbers in the 999 test range). The
documents are from spring 2024 to April 2025. UK conventions throughout (GBP, day-month dates).

Run with /work/main/.venv/bin/python (python-docx, openpyxl, python-pptx) and LibreOffice (`soffice`)
on PATH, which turns the .docx / .html drafts of the PDF documents into real text PDFs.

    /work/main/.venv/bin/python bench/data/own_folder_5_make.py

Check with bench/data/check_folder.py (see bench/data/README.md).
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
from openpyxl.styles import Border, Font, PatternFill, Side
from pptx.util import Inches, Pt as PPt

import folder_kit
from folder_kit import new_doc, para, table

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "own_folder_5")
GMT = dt.timezone.utc
BST = dt.timezone(dt.timedelta(hours=1))


# ---------------------------------------------------------------- helpers
to_pdf = partial(folder_kit.to_pdf, out=OUT)
write = partial(folder_kit.write, out=OUT)


LANDLORD = "Mrs Rebecca Ashby\n27 Wren Close\nFernley\nFN3 8RW"
FLAT = "Flat 3, Kingsway Court, 58 Station Road, Ashcombe AH1 5QD"

# the flat's money, shared by the agent's statement, the budget and the accountant's e-mail
RENT, OLD_RENT = 825.00, 795.00
FEE = round(RENT * 0.12, 2)                      # 12% management fee
FEE_VAT = round(FEE * 0.20, 2)
GAS_CERT, TAP_REPAIR = 78.00, 96.00
NET_MARCH = round(RENT - FEE - FEE_VAT - GAS_CERT - TAP_REPAIR, 2)
assert (FEE, FEE_VAT, NET_MARCH) == (99.00, 19.80, 532.20)
NET_USUAL = round(RENT - FEE - FEE_VAT, 2)
assert NET_USUAL == 706.20

# the flat's mortgage: two calendar years that look alike
M23 = dict(open=124380.55, interest=2671.34, fees=195.00, paid=round(12 * 596.18, 2))
M23["close"] = round(M23["open"] + M23["interest"] + M23["fees"] - M23["paid"], 2)
M24 = dict(open=M23["close"], interest=3934.27, fees=999.00, paid=round(7 * 596.18 + 5 * 757.40, 2))
M24["close"] = round(M24["open"] + M24["interest"] + M24["fees"] - M24["paid"], 2)
assert (M23["paid"], M23["close"], M24["paid"], M24["close"]) == (7154.16, 120092.73, 7960.26, 117065.74)


def money(v):
    return f"£{v:,.2f}"


# ---------------------------------------------------------------- 1. tenancy agreement (docx)
def tenancy():
    d = new_doc(size=10)
    para(d, "HARBOUR & LANE LETTINGS", bold=True, size=15, space_after=0)
    para(d, "14 High Street, Ashcombe AH1 2BT  ·  01632 960 627  ·  lettings@harbourlane.example", space_after=10)
    para(d, "ASSURED SHORTHOLD TENANCY AGREEMENT", bold=True, size=13, align="center")
    para(d, "For letting a furnished or unfurnished dwelling house under Part I of the Housing Act 1988",
         italic=True, align="center")
    para(d, "This agreement is dated 2 August 2024 and is made between the Landlord and the Tenant named below.")
    para(d, "1. Particulars", bold=True, size=11)
    table(d, [
        ["The Property", FLAT + ": a one-bedroom second-floor flat, with allocated parking space no. 14 and "
                         "use of the communal bin store and bike store"],
        ["The Landlord", "Mrs Rebecca Ashby, 27 Wren Close, Fernley FN3 8RW"],
        ["The Agent", "Harbour & Lane Lettings (fully managed service). All notices and rent go through the Agent."],
        ["The Tenant", "Mr Jordan Ellis"],
        ["Permitted occupiers", "The Tenant only (1 person)"],
        ["Term", "12 months, from 15 August 2024 to 14 August 2025 (the fixed term)"],
        ["Rent", "£825.00 per calendar month, payable in advance on the 15th of each month by standing order "
                 "to the Agent"],
        ["Deposit", "£950.00, protected with the Keystone Deposit Scheme (certificate KDS-0938-4471) within "
                    "30 days of receipt"],
        ["Holding deposit", "£190.38 (one week's rent), paid on 22 July 2024 and used towards the first month's rent"],
    ], header=False, widths=[4.0, 13.0], bold_first_col=True)
    para(d, "2. Who pays what", bold=True, size=11)
    table(d, [
        ["Bill or charge", "Paid by", "Notes"],
        ["Council tax", "Tenant", "Register with Ashcombe Borough Council from the start date"],
        ["Gas and electricity", "Tenant", "Prepayment meters are not allowed; meter readings on the inventory"],
        ["Water and sewerage", "Tenant", "Metered supply"],
        ["Broadband, phone and TV licence", "Tenant", ""],
        ["Service charge and ground rent", "Landlord", "Paid to Kingsway Court Management Ltd"],
        ["Buildings insurance", "Landlord", "Through the freeholder's block policy"],
        ["Tenant's own belongings", "Tenant", "The Tenant is advised to take out contents insurance"],
    ], widths=[5.0, 2.5, 9.5])
    para(d, "3. Keys given to the Tenant", bold=True, size=11)
    table(d, [
        ["Key", "Number"],
        ["Main entrance door (fob)", "2"],
        ["Flat front door (Yale and mortice)", "2 sets"],
        ["Bike store", "1"],
        ["Post box no. 3", "1"],
    ], widths=[10.0, 4.0])
    para(d, "4. The Tenant agrees", bold=True, size=11)
    for t in [
        "to pay the rent on time, even if a repair is outstanding;",
        "to use the Property as a private home for the permitted occupiers only, and not to sublet or take in "
        "lodgers;",
        "not to keep any pets without the Landlord's written consent (not to be unreasonably refused);",
        "not to smoke or vape inside the Property or on the balcony;",
        "to let the gas engineer in for the yearly gas safety check, on at least 24 hours' notice;",
        "to test the smoke alarm and the carbon monoxide alarms at least once a month and report any fault;",
        "to report repairs to the Agent in writing (repairs@harbourlane.example) and, in an emergency such as "
        "a leak or no heating, on the Agent's out-of-hours line 0808 157 0362;",
        "to keep the Property adequately heated and ventilated, and to wipe away condensation;",
        "to follow the rules of Kingsway Court (no bikes in the corridors, no barbecues on balconies).",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "5. The Landlord agrees", bold=True, size=11)
    for t in [
        "to keep the structure, the heating and hot water, and the installations for gas, electricity and "
        "water in repair and working order;",
        "to have the gas appliances checked every 12 months by a Gas Safe registered engineer and give the "
        "Tenant a copy of the record within 28 days;",
        "to have the electrical installation inspected at least every 5 years;",
        "to give at least 24 hours' written notice before any visit, except in an emergency.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "6. Break clause", bold=True, size=11)
    para(d, "Either party may end this tenancy early by giving at least two months' written notice to end on or "
            "after 14 February 2025. The Landlord must also follow the legal process for seeking possession.")
    para(d, "7. At the end of the tenancy", bold=True, size=11)
    para(d, "The Tenant must return all keys to the Agent's office by 12 noon on the last day of the tenancy. "
            "The Property will be checked against the inventory made on 14 August 2024. The deposit, less "
            "any agreed deductions, will be returned within 10 days of the deductions being agreed.")
    para(d, "Signed for the Landlord by the Agent: Chloe Barrett, Lettings Manager, Harbour & Lane Lettings")
    para(d, "Signed by the Tenant: J. Ellis (02/08/2024)")
    d.save(os.path.join(OUT, "tenancy_agreement_flat_3_kingsway_court.docx"))


# ---------------------------------------------------------------- 2. agent's monthly statement (pdf, two-column boxes)
def agent_statement(tmp):
    d = new_doc(size=9.5)
    para(d, "HARBOUR & LANE LETTINGS", bold=True, size=16, space_after=0)
    para(d, "14 High Street, Ashcombe AH1 2BT  ·  01632 960 627  ·  accounts@harbourlane.example", space_after=0)
    para(d, "LANDLORD STATEMENT", bold=True, size=14, align="right")
    table(d, [
        ["Landlord", "Statement"],
        [LANDLORD + "\nLandlord ref: ASH-0417",
         "Statement no: HL-2503-0417\nStatement date: 31/03/2025\nPeriod: 1 March 2025 to 31 March 2025\n"
         "Property: Flat 3, Kingsway Court, Ashcombe\nTenant: Mr J. Ellis\nRent: £825.00 pcm, due on the 15th"],
    ], widths=[8.5, 8.5])
    para(d, "Transactions this month", bold=True, size=11)
    rows = [
        ["Date", "Description", "Money in", "Money out", "Balance"],
        ["01/03/2025", "Balance brought forward", "", "", "£0.00"],
        ["04/03/2025", "Ashcombe Heating Services: landlord gas safety record (CP12), invoice AHS-3391",
         "", money(GAS_CERT), money(-GAS_CERT).replace("£-", "-£")],
        ["17/03/2025", "Rent received from tenant for 15/03/2025 to 14/04/2025", money(RENT), "",
         money(RENT - GAS_CERT)],
        ["17/03/2025", "Management fee (12% of rent received)", "", money(FEE), money(RENT - GAS_CERT - FEE)],
        ["17/03/2025", "VAT on management fee (20%)", "", money(FEE_VAT), money(RENT - GAS_CERT - FEE - FEE_VAT)],
        ["21/03/2025", "AquaFix Plumbing: replaced leaking kitchen mixer tap cartridge, invoice AQ-1187", "",
         money(TAP_REPAIR), money(NET_MARCH)],
        ["31/03/2025", "Paid to your bank account ending 2280 (BACS, arrives 01/04/2025)", "", money(NET_MARCH),
         "£0.00"],
    ]
    table(d, rows, widths=[2.2, 8.6, 2.1, 2.1, 2.0])
    table(d, [["NET PAID TO YOU THIS MONTH", money(NET_MARCH)]], header=False, widths=[13.0, 4.0],
          bold_first_col=True)
    para(d, "Tax year to date (6 April 2024 to 31 March 2025)", bold=True, size=11)
    ytd_rent = 4 * OLD_RENT + 8 * RENT
    ytd_fees = round(ytd_rent * 0.144, 2)
    ytd_let, ytd_rep = 714.00, 486.50
    ytd_net = round(ytd_rent - ytd_fees - ytd_let - ytd_rep, 2)
    assert (ytd_rent, ytd_fees, ytd_net) == (9780.00, 1408.32, 7171.18)
    table(d, [
        ["Rent received", "Management fees (inc VAT)", "Tenant-find and check-in fees (inc VAT)",
         "Repairs and certificates", "Net paid to you"],
        [money(ytd_rent), money(ytd_fees), money(ytd_let), money(ytd_rep), money(ytd_net)],
    ], widths=[3.2, 3.4, 3.8, 3.4, 3.2])
    para(d, "Rent in the tax year: April to July 2024, 4 months at £795.00 (previous tenant, who left on "
            "31 July 2024); August 2024 to March 2025, 8 months at £825.00 (Mr Ellis). The flat was empty from "
            "1 to 14 August 2024.", size=8.5)
    para(d, "Notes from your property manager", bold=True, size=11)
    for t in [
        "The gas safety check was done on Tuesday 4 March and passed. A copy of the record has been given to the "
        "tenant and uploaded to your landlord portal. The engineer advised replacing the living-room carbon "
        "monoxide alarm before September 2025; we will fit one at the next visit unless you tell us not to "
        "(about £30 fitted).",
        "The tenant reported a dripping kitchen tap on 18 March. It was fixed on 21 March.",
        "The fixed term ends on 14 August 2025. We will contact you in June about renewing. Our renewal fee is "
        "£90.00 inc VAT. Local one-bed flats are now letting at £850 to £875 a month.",
        "Your annual statement for the 2024/25 tax year will be sent in April 2025.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Questions about this statement: Chloe Barrett, Lettings Manager, 01632 960 627.", italic=True,
         size=8.5)
    p = os.path.join(tmp, "agent_statement.docx")
    d.save(p)
    to_pdf(p, "harbour_lane_statement_march_2025.pdf")


# ---------------------------------------------------------------- 3. gas safety record (pdf from html)
def gas_safety(tmp):
    html = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Landlord Gas Safety Record</title>
<style>
 body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; }
 table { border-collapse: collapse; width: 100%; margin-bottom: 10px; }
 th, td { border: 1px solid #555; padding: 3px 5px; text-align: left; vertical-align: top; }
 th { background: #e4e4e4; }
</style></head>
<body>
<h1>Landlord Gas Safety Record</h1>
<p>Ashcombe Heating Services Ltd &middot; 9 Foundry Yard, Ashcombe AH2 7RN &middot; 01632 960 733 &middot;
Gas Safe registered business no. 608114</p>
<p><b>Record no. AHS-CP12-25-0186</b> &middot; This record is issued under the Gas Safety (Installation and Use)
Regulations 1998, regulation 36.</p>
<table>
<tr><th>Property inspected</th><td>Flat 3, Kingsway Court, 58 Station Road, Ashcombe AH1 5QD</td></tr>
<tr><th>Landlord</th><td>Mrs R. Ashby, c/o Harbour &amp; Lane Lettings, 14 High Street, Ashcombe AH1 2BT</td></tr>
<tr><th>Tenant</th><td>Mr J. Ellis</td></tr>
<tr><th>Date of inspection</th><td>04/03/2025</td></tr>
<tr><th>Next safety check due by</th><td>03/03/2026</td></tr>
<tr><th>Engineer</th><td>Lee Farrow, Gas Safe licence card no. 4471903</td></tr>
</table>
<h2>Appliances checked</h2>
<table>
<tr><th>No.</th><th>Location</th><th>Appliance</th><th>Make and model</th><th>Flue type</th>
<th>Operating pressure</th><th>Flue check</th><th>Safe to use</th></tr>
<tr><td>1</td><td>Kitchen cupboard</td><td>Combination boiler</td><td>Bramwell Combi 28i</td><td>Room sealed</td>
<td>20.1 mbar</td><td>Pass</td><td>Yes</td></tr>
<tr><td>2</td><td>Kitchen</td><td>Gas hob</td><td>Lumeno GH60 (4 burner)</td><td>Flueless</td>
<td>19.8 mbar</td><td>N/A</td><td>Yes</td></tr>
</table>
<h2>Other checks</h2>
<table>
<tr><th>Check</th><th>Result</th></tr>
<tr><td>Gas installation pipework: tightness test</td><td>Pass</td></tr>
<tr><td>Emergency control valve</td><td>Accessible, in the meter cupboard in the hall</td></tr>
<tr><td>Carbon monoxide alarms</td><td>Fitted in the kitchen and the living room; both tested and working</td></tr>
<tr><td>Boiler combustion reading (CO/CO2 ratio)</td><td>0.0012</td></tr>
<tr><td>Ventilation</td><td>Satisfactory</td></tr>
</table>
<h2>Defects and advice</h2>
<p>No defects found. Both appliances are safe to use.</p>
<p>Advice: the living-room carbon monoxide alarm reaches its end-of-life date in September 2025 and should be
replaced before then. The boiler was last serviced on 11/03/2024; an annual service is recommended (this is not
part of the safety check).</p>
<p>Engineer's signature: L. Farrow &middot; Copy given to tenant on 05/03/2025 &middot;
Landlord's copy sent to the agent on 05/03/2025</p>
</body></html>
"""
    p = os.path.join(tmp, "gas_safety.html")
    with open(p, "w", encoding="utf-8") as f:
        f.write(html)
    to_pdf(p, "gas_safety_record_flat_3_2025.pdf")


# ---------------------------------------------------------------- 4. nursery invoice (pdf)
def nursery_invoice(tmp):
    days = [dt.date(2025, 3, k) for k in range(1, 32) if dt.date(2025, 3, k).weekday() in (0, 1, 3)]
    assert len(days) == 13
    full = round(13 * 68.50, 2)
    funded = round(60 * 6.85, 2)
    meals = round(60 * 1.10, 2)
    late = 10.00
    total = round(full - funded + meals + late, 2)
    assert (full, funded, meals, total) == (890.50, 411.00, 66.00, 555.50)
    d = new_doc(size=10)
    para(d, "Little Acorns Day Nursery", bold=True, size=17, space_after=0)
    para(d, "3 Orchard Lane, Fernley FN2 6DL  ·  01632 960 512  ·  office@littleacorns.example  ·  Ofsted URN EY562914",
         space_after=10)
    para(d, "INVOICE", bold=True, size=15, align="right")
    table(d, [
        ["Invoice number", "LA-2503-0142"],
        ["Invoice date", "24/02/2025"],
        ["Invoice for", "March 2025"],
        ["Child", "Isla Ashby (date of birth 12/10/2022), Squirrels room (2 to 3 years)"],
        ["Bill payer", "Mrs Rebecca Ashby, 27 Wren Close, Fernley FN3 8RW"],
        ["Booked pattern", "Monday, Tuesday and Thursday, full days (8:00am to 6:00pm)"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    table(d, [
        ["Description", "Quantity", "Rate", "Amount"],
        ["Full days booked in March (Mon, Tue, Thu)", "13 days", "£68.50", money(full)],
        ["Less: government-funded hours (working parents of 2-year-olds, 15 hours a week)", "60 hours",
         "£6.85", "-" + money(funded)],
        ["Meals and consumables on funded hours", "60 hours", "£1.10", money(meals)],
        ["Late collection on Thu 6 February (after 6:00pm)", "1", "£10.00", money(late)],
        ["TOTAL DUE", "", "", money(total)],
    ], widths=[9.0, 2.5, 2.0, 3.5], bold_last=True)
    para(d, "Please pay by Wednesday 5 March 2025.", bold=True)
    para(d, "How to pay", bold=True, size=11)
    for t in [
        "Tax-Free Childcare: pay from your childcare account using our provider reference LACO 7742.",
        "Bank transfer: Little Acorns Nurseries Ltd, sort code 40-11-62, account 71920384, reference ASHBY-ISLA.",
        "Childcare vouchers are also accepted.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Fees that are more than 14 days late are charged an admin fee of £25.00.")
    para(d, "Changes from 1 April 2025", bold=True, size=11)
    para(d, "Our fees go up from 1 April 2025: a full day will be £71.00 and a morning or afternoon session £38.50. "
            "The meals and consumables charge stays at £1.10 an hour. From September 2025 funded hours for "
            "working parents go up to 30 hours a week for children from 9 months old: remember to reconfirm your "
            "eligibility code every 3 months.")
    para(d, "Thank you! Sarah Whitcombe, Nursery Manager", italic=True)
    p = os.path.join(tmp, "nursery_invoice.docx")
    d.save(p)
    to_pdf(p, "little_acorns_invoice_march_2025.pdf")


# ---------------------------------------------------------------- 5. nursery term dates (html)
def nursery_dates():
    write("little_acorns_term_dates_2024-25.html", """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Term dates, closures and fees 2024-25 | Little Acorns Day Nursery, Fernley</title>
  <style>
    body { font-family: Verdana, sans-serif; max-width: 860px; margin: 1.5em auto; color: #333; }
    nav a { margin-right: 1em; }
    table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.4em; }
    th, td { border: 1px solid #c8b99a; padding: 5px 8px; text-align: left; }
    th { background: #f3ead7; }
    .box { background: #eef6e8; padding: 0.6em 1em; border-left: 4px solid #7aa35c; }
  </style>
</head>
<body>
  <nav><a href="/">Home</a><a href="/rooms">Our rooms</a><a href="/parents">Parents</a><a href="/contact">Contact</a></nav>
  <h1>Term dates, closures and fees 2024-25</h1>
  <p>Little Acorns is open <b>all year round</b>, Monday to Friday, 7:30am to 6:00pm, apart from the closure days
  below. Funded hours (the 15 or 30 hours from the government) are given during the funded terms only, unless you
  have chosen to stretch them across the year.</p>

  <h2>Funded terms</h2>
  <table>
    <thead><tr><th>Term</th><th>Funded hours start</th><th>Funded hours end</th><th>Half term (no funded hours)</th></tr></thead>
    <tbody>
      <tr><td>Autumn 2024</td><td>Tue 3 Sep 2024</td><td>Fri 20 Dec 2024</td><td>28 Oct to 1 Nov 2024</td></tr>
      <tr><td>Spring 2025</td><td>Mon 6 Jan 2025</td><td>Fri 11 Apr 2025</td><td>17 to 21 Feb 2025</td></tr>
      <tr><td>Summer 2025</td><td>Mon 28 Apr 2025</td><td>Tue 22 Jul 2025</td><td>26 to 30 May 2025</td></tr>
    </tbody>
  </table>

  <h2>When the nursery is closed</h2>
  <table>
    <thead><tr><th>Date</th><th>Why</th><th>Charged?</th></tr></thead>
    <tbody>
      <tr><td>Fri 18 Apr 2025</td><td>Good Friday (bank holiday)</td><td>Yes, if it is one of your booked days</td></tr>
      <tr><td>Mon 21 Apr 2025</td><td>Easter Monday (bank holiday)</td><td>Yes, if it is one of your booked days</td></tr>
      <tr><td>Mon 5 May 2025</td><td>Early May bank holiday</td><td>Yes, if it is one of your booked days</td></tr>
      <tr><td>Fri 23 May 2025</td><td>Staff training day</td><td>No</td></tr>
      <tr><td>Mon 26 May 2025</td><td>Spring bank holiday</td><td>Yes, if it is one of your booked days</td></tr>
      <tr><td>Mon 25 Aug 2025</td><td>Summer bank holiday</td><td>Yes, if it is one of your booked days</td></tr>
      <tr><td>Wed 24 Dec 2025 to Thu 1 Jan 2026</td><td>Christmas closure</td><td>No</td></tr>
    </tbody>
  </table>

  <h2>Fees</h2>
  <table>
    <thead><tr><th>Session</th><th>Times</th><th>Until 31 March 2025</th><th>From 1 April 2025</th></tr></thead>
    <tbody>
      <tr><td>Full day</td><td>8:00am to 6:00pm</td><td>&pound;68.50</td><td>&pound;71.00</td></tr>
      <tr><td>Morning session</td><td>8:00am to 1:00pm</td><td>&pound;37.00</td><td>&pound;38.50</td></tr>
      <tr><td>Afternoon session</td><td>1:00pm to 6:00pm</td><td>&pound;35.50</td><td>&pound;37.00</td></tr>
      <tr><td>Early drop-off</td><td>7:30am to 8:00am</td><td>&pound;5.00</td><td>&pound;5.00</td></tr>
    </tbody>
  </table>
  <p>Late collection: if you collect after 6:00pm we charge &pound;10 for each 15 minutes or part of 15 minutes,
  because two members of staff have to stay behind. Please ring us on 01632 960 512 if you are running late.</p>

  <div class="box">
    <p><b>Holidays:</b> you can take up to 2 weeks a year at half fees if you tell us in writing at least 4 weeks
    before. Sickness days are charged as normal. We ask for one month's written notice to leave the nursery.</p>
  </div>

  <h2>What to bring each day</h2>
  <ul>
    <li>Spare clothes (two full sets), labelled with your child's name</li>
    <li>Nappies and wipes, if your child still uses them</li>
    <li>A sun hat and sun cream in summer; a warm coat, hat and wellies in winter</li>
    <li>A comforter for nap time, if your child has one</li>
  </ul>
  <p>Little Acorns Day Nursery, 3 Orchard Lane, Fernley FN2 6DL &middot; Manager: Sarah Whitcombe</p>
</body>
</html>
""")


# ---------------------------------------------------------------- 6. red book notes (txt)
def red_book():
    write("isla_red_book_notes.txt", """ISLA'S RED BOOK - the bits I keep needing
(typed up from her Personal Child Health Record - last updated 22/03/2025)

Isla Rose Ashby
  Born:           12 October 2022, 4:52am, Fernley General Hospital
  Birth weight:   3.41 kg (7 lb 8 oz)
  NHS number:     999 482 7716
  GP:             Dr Anjali Mehta, Wren Valley Surgery - 01632 960 341
  Health visitor: Fernley 0-19 team (our HV is Gemma Lowe) - 01632 960 388

IMMUNISATIONS

AGE        DATE          VACCINES                                        WHO GAVE IT
---------  ------------  ----------------------------------------------  ----------------
8 weeks    07/12/2022    6-in-1 (1st), rotavirus (1st), MenB (1st)       Nurse Pam Cole
12 weeks   04/01/2023    6-in-1 (2nd), rotavirus (2nd), pneumococcal     Nurse Pam Cole
16 weeks   01/02/2023    6-in-1 (3rd), MenB (2nd)                        Nurse Pam Cole
1 year     18/10/2023    Hib/MenC, MMR (1st), pneumococcal booster,      Nurse Tara Quinn
                         MenB (3rd)
2 years    14/11/2024    Flu nasal spray                                 Nurse Tara Quinn
3y 4m      due Feb 2026  4-in-1 pre-school booster, MMR (2nd)            book at GP

  - The GP surgery sends a letter when the pre-school jabs are due, but ring them in January 2026 if nothing comes.
  - Flu spray again in the autumn (October/November 2025), at the GP until she starts school.
  - Reaction after the 1 year jabs: high temperature (38.4) the next day, Calpol helped. Nothing after the others.

WEIGHT AND HEIGHT

DATE        CHECK                          WEIGHT     LENGTH/HEIGHT
----------  -----------------------------  ---------  -------------
19/10/2022  New birth visit (HV)           3.38 kg    -
05/12/2022  6-8 week check (GP)            4.96 kg    56.0 cm
16/10/2023  1 year review (HV)             9.10 kg    74.5 cm
20/03/2025  2 to 2.5 year review (HV)      12.6 kg    88.5 cm

2 YEAR REVIEW (20/03/2025, at home, with Gemma)
  - Everything on track. Talking loads - well over 50 words and putting 2-3 words together.
  - Weight and height both on the 50th centile line.
  - Still in nappies in the day - Gemma says no rush, try in the summer when it's warm.
  - Gemma gave us the leaflet on the 30 hours funding from September.

ALFIE (for school forms)
  Alfie Thomas Ashby, born 14 June 2018, NHS number 999 301 5528
  - Egg allergy (mild: hives around the mouth). Piriton (antihistamine) in his school bag, no EpiPen needed.
    Can have egg baked in a cake? NO - allergy clinic said avoid all egg for now, retest at age 8.
  - Pre-school booster done 19/10/2021.
  - Flu spray at school on 10/10/2024.
  - Wears glasses for reading (long-sighted), next eye test due Nov 2025 at Fernley Opticians.
""")


# ---------------------------------------------------------------- 7. school trip letter (docx)
def school_trip():
    d = new_doc(size=10.5)
    para(d, "Fernley Green Primary School", bold=True, size=16, align="center", space_after=0)
    para(d, "Mill Road, Fernley FN3 2AB  ·  01632 960 460  ·  office@fernleygreen.sch.example", align="center",
         space_after=0)
    para(d, "Headteacher: Mr Gareth Noon", align="center", italic=True, space_after=12)
    para(d, "10 March 2025")
    para(d, "Dear Parents and Carers of Year 2,")
    para(d, "Year 2 trip to Bramblewood Farm Park", bold=True, size=13)
    para(d, "As part of our science topic \"Living things and their habitats\", both Year 2 classes (2 Willow and "
            "2 Oak) will be visiting Bramblewood Farm Park. The children will take part in a lambing-season "
            "workshop, a minibeast hunt and a tractor-trailer ride round the farm.")
    table(d, [
        ["Where", "Bramblewood Farm Park, Long Lane, Hadley Cross HX4 9PB"],
        ["When", "Thursday 3 April 2025"],
        ["Leaving school", "9:15am by coach. Please bring your child to school at the usual time (8:45am)."],
        ["Back at school", "About 3:00pm. Please collect your child at the usual time, 3:15pm."],
        ["Cost", "£14.50 (coach £8.50, farm entry and workshop £6.00)"],
        ["Pay by", "Friday 21 March 2025, on ParentPay"],
        ["Wear", "School uniform, with a waterproof coat"],
    ], header=False, widths=[4.0, 13.0], bold_first_col=True)
    para(d, "The cost is a voluntary contribution. No child will be left out because a family cannot pay, but the "
            "trip can only go ahead if enough families contribute. If you would like to talk about this in "
            "confidence, please speak to Mrs Patel in the school office.")
    para(d, "What your child needs to bring", bold=True, size=12)
    for t in [
        "A packed lunch in a disposable bag with their name on it (no glass bottles, no fizzy drinks and no nuts - "
        "we are a nut-free school). If you would like a free school packed lunch instead, please order it on the "
        "ParentPay lunch menu by Monday 24 March.",
        "A named water bottle.",
        "Wellies in a named carrier bag (the minibeast hunt is in a wet meadow).",
        "Any medicine your child needs - inhalers, EpiPens or antihistamines - in a named bag, handed to the class "
        "teacher on the morning of the trip.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Please do not send money, toys or mobile phones: the farm shop will not be visited.")
    para(d, "Parent helpers", bold=True, size=12)
    para(d, "We need 6 parent helpers to come with us. Helpers must have a current DBS check with the school. If "
            "you can help, please tell your child's class teacher by Friday 14 March.")
    para(d, "Please fill in the slip below and return it to the class teacher by Friday 21 March.")
    para(d, "Many thanks,")
    para(d, "Mrs Simran Kaur (2 Oak, Year 2 leader) and Mr Owain Hughes (2 Willow)")
    para(d, "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -", align="center")
    para(d, "Reply slip: Year 2 trip to Bramblewood Farm Park, Thursday 3 April 2025", bold=True)
    table(d, [
        ["Child's name", ""],
        ["Class", "2 Willow / 2 Oak"],
        ["Allergies or medical needs", ""],
        ["Phone number we can reach you on, on the day", ""],
        ["I can be a parent helper (DBS checked)", "Yes / No"],
    ], header=False, widths=[8.0, 9.0], bold_first_col=True)
    para(d, "I give permission for my child to go on the trip. Signed: ____________________")
    d.save(os.path.join(OUT, "school_trip_letter_bramblewood.docx"))


# ---------------------------------------------------------------- 8. mortgage annual statement (pdf)
def mortgage(tmp):
    d = new_doc(size=10)
    para(d, "Brackenridge Building Society", bold=True, size=17, space_after=0)
    para(d, "Brackenridge House, 1 Tanner Street, Kingsmere KM1 3TD  ·  Mortgage services 0113 496 0592 "
            "(Monday to Friday 8am to 8pm, Saturday 9am to 1pm)", space_after=10)
    para(d, LANDLORD.replace("\n", ", "), space_after=0)
    para(d, "Date: 15 January 2025", space_after=8)
    para(d, "Your annual mortgage statement: 1 January 2024 to 31 December 2024", bold=True, size=13)
    table(d, [
        ["Mortgage account number", "7702 418 865 / 01"],
        ["Borrower", "Mrs Rebecca Ashby (formerly Miss Rebecca Hale)"],
        ["Mortgaged property", FLAT],
        ["Repayment method", "Capital and interest (repayment)"],
        ["Consent to let", "Granted 2 June 2023. Your mortgage stays on residential terms while the property is let."],
        ["Remaining term at 31 December 2024", "20 years 7 months"],
        ["Monthly payment date", "1st of each month, by Direct Debit"],
    ], header=False, widths=[5.5, 11.5], bold_first_col=True)
    para(d, "Your account over the last two years", bold=True, size=12)
    table(d, [
        ["", "1 Jan 2023 to 31 Dec 2023", "1 Jan 2024 to 31 Dec 2024"],
        ["Balance at the start of the year", money(M23["open"]), money(M24["open"])],
        ["Interest charged", money(M23["interest"]), money(M24["interest"])],
        ["Fees added to the loan", money(M23["fees"]) + " (consent to let fee)", money(M24["fees"]) + " (product fee)"],
        ["Payments received", money(M23["paid"]), money(M24["paid"])],
        ["Balance at the end of the year", money(M23["close"]), money(M24["close"])],
    ], widths=[6.0, 5.5, 5.5], bold_last=True)
    para(d, "Your interest rate and monthly payment", bold=True, size=12)
    table(d, [
        ["Period", "Product", "Rate", "Monthly payment"],
        ["1 Aug 2022 to 31 Jul 2024", "2 Year Fixed Rate", "2.19%", "£596.18"],
        ["1 Aug 2024 to 31 Jul 2027", "3 Year Fixed Rate (BR3F-489)", "4.89%", "£757.40"],
        ["From 1 Aug 2027", "Brackenridge Standard Variable Rate (now 7.24%)", "7.24%", "To be confirmed"],
    ], widths=[4.5, 6.5, 2.0, 4.0])
    para(d, "Early repayment charges", bold=True, size=12)
    para(d, "If you repay more than 10% of your balance in a year, or repay the whole mortgage, during your fixed "
            "rate, an early repayment charge applies to the amount repaid: 3% until 31 July 2025, 2% until "
            "31 July 2026 and 1% until 31 July 2027. There is no charge after that.")
    para(d, "For your tax return", bold=True, size=12)
    para(d, "Interest charged in the tax year 6 April 2023 to 5 April 2024: £2,634.08. We will send your interest "
            "figure for the tax year 6 April 2024 to 5 April 2025 in May 2025.")
    para(d, "If your balance is more than the property is worth, or you are worried about your payments, please "
            "call us as early as possible on 0113 496 0592.")
    para(d, "Brackenridge Building Society is authorised by the Prudential Regulation Authority and regulated by the "
            "Financial Conduct Authority and the Prudential Regulation Authority.", italic=True, size=8)
    p = os.path.join(tmp, "mortgage.docx")
    d.save(p)
    to_pdf(p, "brackenridge_mortgage_statement_2024.pdf")


# ---------------------------------------------------------------- 9. home insurance (docx)
def home_insurance():
    d = new_doc(size=10)
    para(d, "Brightwell Home Insurance", bold=True, size=16, space_after=0)
    para(d, "Buildings and contents insurance · Policy schedule", italic=True, space_after=8)
    table(d, [
        ["Policy number", "BHI-22718840"],
        ["Policyholders", "Mrs Rebecca Ashby and Mr Thomas Ashby"],
        ["Insured address", "27 Wren Close, Fernley FN3 8RW"],
        ["Property", "Three-bedroom semi-detached house, built 1998, brick with a tiled roof"],
        ["Period of insurance", "18/01/2025 to 17/01/2026"],
        ["Premium", "£412.68 a year (including Insurance Premium Tax), paid by 12 monthly Direct Debits of £34.39"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "Your cover and excesses", bold=True, size=12)
    table(d, [
        ["Cover", "Sum insured / limit", "Excess"],
        ["Buildings", "£315,000", "£100"],
        ["Buildings accidental damage", "Included", "£100"],
        ["Contents", "£60,000", "£100"],
        ["Contents accidental damage", "Included", "£100"],
        ["Escape of water (buildings and contents)", "Included", "£350"],
        ["Subsidence, heave and landslip", "Included", "£1,000"],
        ["Personal possessions away from the home", "£2,500 (any one item £1,500)", "£100"],
        ["Pedal cycles away from the home", "£750 any one bike", "£100"],
        ["Home emergency cover", "Up to £500 a call-out", "Nil"],
        ["Family legal protection", "Up to £100,000", "Nil"],
    ], widths=[7.5, 6.0, 3.5])
    para(d, "Specified items (covered in and away from the home)", bold=True, size=12)
    table(d, [
        ["Item", "Value"],
        ["Engagement ring (platinum, sapphire and diamond)", "£4,200"],
        ["Veloce Strada 2 road bike (Tom)", "£1,350"],
    ], widths=[12.0, 5.0])
    para(d, "Important", bold=True, size=12)
    for t in [
        "This policy covers your own home only. It does not cover any other property you own or let to other "
        "people: let properties need a landlord policy.",
        "If the house will be unoccupied for more than 60 days in a row, tell us first.",
        "Your no-claims discount: 5 years.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Claims and emergencies", bold=True, size=12)
    para(d, "Claims: 0808 157 0615 (24 hours). Home emergency (burst pipe, boiler breakdown, lost keys): "
            "0808 157 0616. Legal helpline: 0808 157 0617.")
    para(d, "We will write to you before your renewal date with next year's price.", italic=True, size=8.5)
    d.save(os.path.join(OUT, "home_insurance_schedule_2025.docx"))


# ---------------------------------------------------------------- 10. landlord insurance (pdf)
def landlord_insurance(tmp):
    d = new_doc(size=10)
    para(d, "Keyhold Landlord Insurance", bold=True, size=16, space_after=0)
    para(d, "Insurance for residential landlords · Keyhold is a trading name of Marlow Quay Underwriting Ltd",
         italic=True, space_after=8)
    para(d, "POLICY SCHEDULE", bold=True, size=13, align="center")
    table(d, [
        ["Policy number", "KLI-4410287"],
        ["Policyholder", "Mrs Rebecca Ashby"],
        ["Let property", FLAT],
        ["Type of let", "Whole flat let on an assured shorthold tenancy to one working tenant, managed by an agent"],
        ["Period of insurance", "01/05/2024 to 30/04/2025"],
        ["Premium", "£186.40 for the year (including Insurance Premium Tax), paid by card on 26/04/2024"],
        ["Buildings", "Not covered by this policy: the building is insured by the freeholder, Kingsway Court "
                      "Management Ltd, under its block policy"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "What you are covered for", bold=True, size=12)
    table(d, [
        ["Section", "Limit", "Excess"],
        ["Landlord's contents (carpets, curtains, furniture and white goods)", "£8,000", "£250"],
        ["Accidental damage to landlord's contents", "Included", "£250"],
        ["Escape of water", "Included", "£500"],
        ["Malicious damage by the tenant", "£5,000", "£500"],
        ["Loss of rent after an insured event makes the flat unfit to live in", "12 months, up to £10,000", "Nil"],
        ["Property owner's liability", "£5,000,000", "Nil"],
        ["Rent guarantee and legal expenses", "Not included (optional extra, £84.00 a year)", "-"],
    ], widths=[8.5, 5.5, 3.0])
    para(d, "Conditions you must keep to", bold=True, size=12)
    for t in [
        "A Gas Safe registered engineer must check every gas appliance every 12 months, and you must keep the record.",
        "The electrical installation must be inspected at least every 5 years. Your last electrical installation "
        "condition report (EICR) is dated 11/09/2023.",
        "There must be a working smoke alarm on every floor and a carbon monoxide alarm in every room with a gas "
        "appliance.",
        "Tenants must be referenced (credit check and previous landlord or employer) before they move in.",
        "If the flat is empty for more than 30 days in a row, tell us. After 60 days unoccupied, cover for theft, "
        "escape of water and malicious damage stops until it is let again.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Making a claim", bold=True, size=12)
    para(d, "Call 0808 157 0540 (Monday to Friday 8am to 7pm) with your policy number. For malicious damage, "
            "report it to the police first and get a crime reference number.")
    para(d, "Renewal: we will send your renewal invitation at least 21 days before 30/04/2025. The policy will "
            "not renew automatically.", italic=True, size=8.5)
    p = os.path.join(tmp, "landlord_insurance.docx")
    d.save(p)
    to_pdf(p, "keyhold_landlord_insurance_2024-25.pdf")


# ---------------------------------------------------------------- 11. family budget (xlsx)
def budget():
    wb = Workbook()
    thin = Side(style="thin", color="999999")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    fill = PatternFill("solid", fgColor="FCE4D6")
    money_fmt = '"£"#,##0.00'
    months = [dt.date(2025, 1, 1), dt.date(2025, 2, 1), dt.date(2025, 3, 1)]

    ws = wb.active
    ws.title = "Monthly budget"
    ws["A1"] = "Ashby family budget 2025"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Planned = what we aim for each month. Actuals from the bank app (Becca updates on the 1st)."
    ws["A2"].font = Font(italic=True)
    hdr = ["Item", "Type", "Planned"] + months
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(row=4, column=j, value=h)
        c.font, c.fill, c.border = Font(bold=True), fill, box
        if isinstance(h, dt.date):
            c.number_format = "mmm yyyy"
    income = [
        ("Becca's pay (3 days, Wren Valley Surgery)", 1642.80, 1642.80, 1642.80, 1642.80),
        ("Tom's pay", 2903.15, 2903.15, 2903.15, 2986.40),
        ("Child Benefit (paid 4-weekly, monthly average)", 184.38, 170.20, 170.20, 170.20),
        ("Flat rent after agent's fees (Harbour & Lane)", NET_USUAL, NET_USUAL, NET_USUAL, NET_MARCH),
    ]
    spend = [
        ("Mortgage - our house (Fernley)", 1148.30, 1148.30, 1148.30, 1148.30),
        ("Mortgage - the flat (Brackenridge)", 757.40, 757.40, 757.40, 757.40),
        ("Flat service charge and ground rent (set aside)", 116.00, 116.00, 116.00, 116.00),
        ("Landlord insurance (set aside, paid yearly)", 15.53, 15.53, 15.53, 15.53),
        ("Council tax (Wren Close)", 196.00, 196.00, 196.00, 196.00),
        ("Nursery - Isla (after funded hours)", 560.00, 548.90, 571.30, 555.50),
        ("Breakfast club - Alfie (Mon and Thu)", 36.00, 36.00, 31.50, 36.00),
        ("Swimming lessons (Alfie and Isla)", 53.60, 53.60, 53.60, 53.60),
        ("Food shopping", 720.00, 756.42, 688.15, 741.87),
        ("Gas and electricity", 168.00, 168.00, 168.00, 168.00),
        ("Water", 46.50, 46.50, 46.50, 46.50),
        ("Broadband and mobiles", 78.00, 78.00, 78.00, 78.00),
        ("Car - fuel", 140.00, 152.30, 118.65, 131.20),
        ("Car insurance", 48.27, 48.27, 48.27, 48.27),
        ("Home insurance (Brightwell)", 34.39, 36.11, 34.39, 34.39),
        ("Savings - holiday pot", 150.00, 150.00, 150.00, 150.00),
        ("Savings - Alfie's party", 50.00, 0.00, 0.00, 50.00),
    ]
    r = 5
    for section, rows in (("Money in", income), ("Money out", spend)):
        ws.cell(row=r, column=1, value=section).font = Font(bold=True, italic=True)
        r += 1
        for name, *vals in rows:
            ws.cell(row=r, column=1, value=name).border = box
            ws.cell(row=r, column=2, value="in" if section == "Money in" else "out").border = box
            for j, v in enumerate(vals, start=3):
                c = ws.cell(row=r, column=j, value=v)
                c.number_format, c.border = money_fmt, box
            r += 1
        tot = [round(sum(x[k] for x in rows), 2) for k in range(1, 5)]
        ws.cell(row=r, column=1, value=f"Total {section.lower()}").font = Font(bold=True)
        for j, v in enumerate(tot, start=3):
            c = ws.cell(row=r, column=j, value=v)
            c.number_format, c.font, c.border = money_fmt, Font(bold=True), box
        if section == "Money in":
            tin = tot
        else:
            tout = tot
        r += 2
    left = [round(a - b, 2) for a, b in zip(tin, tout)]
    ws.cell(row=r, column=1, value="Left over").font = Font(bold=True)
    for j, v in enumerate(left, start=3):
        c = ws.cell(row=r, column=j, value=v)
        c.number_format, c.font, c.border = money_fmt, Font(bold=True), box
    flat = [round(i - m - s - ins, 2) for i, m, s, ins in
            zip((NET_USUAL, NET_USUAL, NET_USUAL, NET_MARCH), [757.40] * 4, [116.00] * 4, [15.53] * 4)]
    assert flat == [-182.73, -182.73, -182.73, -356.73], flat
    ws.cell(row=r + 1, column=1, value="The flat on its own (rent in minus its mortgage, charges, insurance)").font = \
        Font(italic=True)
    for j, v in enumerate(flat, start=3):
        c = ws.cell(row=r + 1, column=j, value=v)
        c.number_format = money_fmt
    notes = [
        "The flat has cost us about £180 a month since the fixed rate ended in July 2024 - ask Chloe about putting "
        "the rent up when Jordan renews in August.",
        "Home insurance went down at renewal in January (was £36.11 a month, now £34.39).",
        "Tom's pay rise came through in March (backdated pay arrives in April).",
        "Breakfast club was £4.50 a morning in February - Alfie missed one with a cold.",
    ]
    for k, n in enumerate(notes):
        ws.cell(row=r + 3 + k, column=1, value=n).font = Font(italic=True)
    for col, w in zip("ABCDEF", [46, 7, 12, 12, 12, 12]):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "B5"

    ws2 = wb.create_sheet("Dates to remember")
    ws2["A1"] = "Dates, renewals and big payments 2025"
    ws2["A1"].font = Font(bold=True, size=13)
    hdr = ["Date", "What", "Amount", "Done?"]
    for j, h in enumerate(hdr, start=1):
        c = ws2.cell(row=3, column=j, value=h)
        c.font, c.fill, c.border = Font(bold=True), fill, box
    dates = [
        (dt.date(2025, 3, 4), "Gas safety check at the flat (agent sorting it, Jordan letting the engineer in)", 78.00,
         "yes - passed"),
        (dt.date(2025, 3, 5), "Isla's nursery bill for March", 555.50, "yes"),
        (dt.date(2025, 3, 21), "Pay for Alfie's farm trip on ParentPay", 14.50, "yes"),
        (dt.date(2025, 4, 3), "Alfie's class trip to Bramblewood Farm (wellies + packed lunch!)", None, ""),
        (dt.date(2025, 4, 15), "Car MOT and service at Fernley Motor Works, drop off 8:15am", 273.85, ""),
        (dt.date(2025, 4, 30), "Landlord insurance ends - get quotes before renewing with Keyhold", 186.40, ""),
        (dt.date(2025, 6, 14), "Alfie's 7th birthday party, Scout hut", None, ""),
        (dt.date(2025, 7, 31), "Tax: 2nd payment on account for the flat (Sadia says)", 642.30, ""),
        (dt.date(2025, 8, 14), "Flat tenancy fixed term ends - renew Jordan? (agent's renewal fee)", 90.00, ""),
        (dt.date(2025, 10, 31), "Send the flat paperwork to Sadia for the 2024/25 tax return", None, ""),
        (dt.date(2026, 1, 17), "Home insurance renewal (Brightwell)", 412.68, ""),
        (dt.date(2026, 1, 31), "Self-assessment deadline: file and pay", None, ""),
        (dt.date(2026, 3, 3), "Next gas safety check at the flat due by", None, ""),
    ]
    for k, (when, what, amount, done) in enumerate(dates, start=4):
        c = ws2.cell(row=k, column=1, value=when)
        c.number_format = "ddd d mmm yyyy"
        ws2.cell(row=k, column=2, value=what)
        if amount is not None:
            ws2.cell(row=k, column=3, value=amount).number_format = money_fmt
        if done:
            ws2.cell(row=k, column=4, value=done)
        for j in range(1, 5):
            ws2.cell(row=k, column=j).border = box
    for col, w in zip("ABCD", [18, 70, 11, 13]):
        ws2.column_dimensions[col].width = w
    wb.save(os.path.join(OUT, "family_budget_2025.xlsx"))


# ---------------------------------------------------------------- 12. swimming timetable (csv)
def swimming():
    out = [
        ["Fernley Leisure Centre - Learn to Swim timetable - Summer term 2025 (Mon 28 April to Sat 19 July)",
         "", "", "", "", "", "", ""],
        ["Account: ASHBY-20417", "Booked: Alfie Ashby (Stage 4, Saturday 09:30); Isla Ashby (Ducklings, Wednesday 10:15)",
         "", "", "", "", "", ""],
        ["Day", "Start", "End", "Class", "Ages", "Pool", "Teacher", "Price per lesson"],
        ["Monday", "16:00", "16:30", "Stage 1", "4-6", "Learner pool", "Chloe", "£7.80"],
        ["Monday", "16:30", "17:00", "Stage 2", "5-8", "Learner pool", "Chloe", "£7.80"],
        ["Monday", "17:00", "17:30", "Stage 3", "5-9", "Main pool (shallow end)", "Ryan", "£7.80"],
        ["Tuesday", "16:15", "16:45", "Stage 4", "6-10", "Main pool", "Ryan", "£7.80"],
        ["Tuesday", "16:45", "17:30", "Stage 5-6", "7-11", "Main pool", "Ryan", "£9.20"],
        ["Wednesday", "10:15", "10:45", "Ducklings (parent and toddler)", "18 months-3 years", "Learner pool",
         "Megan", "£5.60"],
        ["Wednesday", "11:00", "11:30", "Splashers (parent and baby)", "6-18 months", "Learner pool", "Megan", "£5.60"],
        ["Thursday", "16:00", "16:30", "Stage 2", "5-8", "Learner pool", "Priya", "£7.80"],
        ["Thursday", "16:30", "17:00", "Stage 3", "5-9", "Main pool (shallow end)", "Priya", "£7.80"],
        ["Saturday", "09:00", "09:30", "Stage 3", "5-9", "Main pool (shallow end)", "Ryan", "£7.80"],
        ["Saturday", "09:30", "10:00", "Stage 4", "6-10", "Main pool", "Jake", "£7.80"],
        ["Saturday", "10:00", "10:30", "Stage 5-6", "7-11", "Main pool", "Jake", "£9.20"],
        ["Saturday", "10:30", "11:15", "Stage 7 and Rookie Lifeguard", "8-14", "Main pool (deep end)", "Jake", "£9.20"],
        [],
        ["Notes", "", "", "", "", "", "", ""],
        ["Lessons are paid monthly by Direct Debit on the 1st of the month. No lessons in half term (26 to 31 May 2025).",
         "", "", "", "", "", "", ""],
        ["Ducklings and Splashers: one adult in the water with each child. Swim nappies must be worn under a swimsuit.",
         "", "", "", "", "", "", ""],
        ["Stage 4 children must be able to swim 10 metres on front and back without aids to move up to Stage 5.",
         "", "", "", "", "", "", ""],
        ["Parents can watch from the first-floor viewing gallery. Changing village opens 15 minutes before each lesson.",
         "", "", "", "", "", "", ""],
        ["Badge and certificate at the end of each stage: £3.50. Missed lessons cannot be refunded or swapped.",
         "", "", "", "", "", "", ""],
        ["Swim school office: 01632 960 870 (Monday to Friday 9am to 5pm), swim@fernleyleisure.example", "", "", "", "",
         "", "", ""],
    ]
    with open(os.path.join(OUT, "swimming_lessons_summer_2025.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(out)


# ---------------------------------------------------------------- 13. garage e-mail (eml, text + html)
def garage_email():
    plain = """Fernley Motor Works - booking confirmed

Dear Rebecca,

Thank you for booking with Fernley Motor Works. Here are the details of your booking.

Vehicle:      Skoda Octavia Estate 1.5 TSI SE (2018), registration KM18 UZT
MOT due by:   22 April 2025
Booking:      Tuesday 15 April 2025 - please drop the car off at 8:15am
Ready:        from 4:30pm the same day (we will text you on 07700 900 284)

WHAT YOU HAVE BOOKED
  MOT test                                        £54.85
  Full service (1.5 petrol)                      £219.00
  Total booked                                   £273.85

RECOMMENDED EXTRAS (only if you say yes on the day)
  Brake fluid change (due every 2 years, last done April 2023)    £49.50
  Air conditioning re-gas                                         £69.00

Last year's MOT (23/04/2024, 51,320 miles) passed with two advisories:
  - Nearside front tyre worn close to the legal limit (2.1mm)
  - Front brake discs slightly worn
We will check both again. A replacement tyre (205/55 R16) costs £78.00 fitted for a mid-range tyre,
or £112.00 for a premium tyre.

We do not have a courtesy car on that day, but we can drop you at Fernley station or anywhere within
3 miles of the garage and collect you again when the car is ready.

To change or cancel, please give us at least 24 hours' notice.

Kind regards,
Dean Hollis
Service Manager, Fernley Motor Works
Unit 6, Brook Road Industrial Estate, Fernley FN1 4LJ - 01632 960 855
"""
    html = """<html><body style="font-family:Arial,sans-serif;color:#222">
<h2 style="color:#0b4f8a">Fernley Motor Works - booking confirmed</h2>
<p>Dear Rebecca,</p>
<p>Thank you for booking with Fernley Motor Works. Here are the details of your booking.</p>
<table border="1" cellpadding="5" style="border-collapse:collapse">
<tr><th align="left">Vehicle</th><td>Skoda Octavia Estate 1.5 TSI SE (2018), registration KM18 UZT</td></tr>
<tr><th align="left">MOT due by</th><td>22 April 2025</td></tr>
<tr><th align="left">Booking</th><td>Tuesday 15 April 2025 - please drop the car off at 8:15am</td></tr>
<tr><th align="left">Ready</th><td>from 4:30pm the same day (we will text you on 07700 900 284)</td></tr>
</table>
<h3>What you have booked</h3>
<table border="1" cellpadding="5" style="border-collapse:collapse">
<tr><td>MOT test</td><td>&pound;54.85</td></tr>
<tr><td>Full service (1.5 petrol)</td><td>&pound;219.00</td></tr>
<tr><td><b>Total booked</b></td><td><b>&pound;273.85</b></td></tr>
</table>
<h3>Recommended extras (only if you say yes on the day)</h3>
<ul>
<li>Brake fluid change (due every 2 years, last done April 2023): &pound;49.50</li>
<li>Air conditioning re-gas: &pound;69.00</li>
</ul>
<p>Last year's MOT (23/04/2024, 51,320 miles) passed with two advisories:</p>
<ul>
<li>Nearside front tyre worn close to the legal limit (2.1mm)</li>
<li>Front brake discs slightly worn</li>
</ul>
<p>We will check both again. A replacement tyre (205/55 R16) costs &pound;78.00 fitted for a mid-range tyre,
or &pound;112.00 for a premium tyre.</p>
<p>We do not have a courtesy car on that day, but we can drop you at Fernley station or anywhere within
3 miles of the garage and collect you again when the car is ready.</p>
<p>To change or cancel, please give us at least 24 hours' notice.</p>
<p>Kind regards,<br>Dean Hollis<br>Service Manager, Fernley Motor Works<br>
Unit 6, Brook Road Industrial Estate, Fernley FN1 4LJ - 01632 960 855</p>
</body></html>
"""
    m = EmailMessage()
    m["From"] = "Fernley Motor Works <bookings@fernleymotorworks.example>"
    m["To"] = "Rebecca Ashby <becca.ashby@mailbox.example>"
    m["Date"] = format_datetime(dt.datetime(2025, 4, 2, 10, 12, 44, tzinfo=BST))
    m["Subject"] = "Booking confirmed: MOT and full service, Tue 15 Apr (KM18 UZT)"
    m["Message-ID"] = "<fmw.booking.20250402101244.5531@fernleymotorworks.example>"
    m.set_content(plain, charset="utf-8", cte="quoted-printable")
    m.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "email_garage_mot_booking.eml"), "wb") as f:
        f.write(bytes(m))


# ---------------------------------------------------------------- 14. party plan (md)
def party():
    items = [("Scout hut hire (1:30 to 4:30pm incl. setting up)", 75.00, "£25 deposit paid 3 Mar, £50 on the day"),
             ("Professor Popkins science show (60 min show + 30 min games)", 185.00, "£50 deposit paid, rest on the day"),
             ("Pizzas - 6 large from Dough Bros, collect 1:45pm", 54.00, "order by phone the day before"),
             ("Fruit and veg platters, crisps, squash", 28.00, "Tom - Co-op on the morning"),
             ("Egg-free rocket cake from Crumb & Co (serves 20)", 42.00, "ordered, collect Fri 13 June"),
             ("Party bags (20 x £2.50)", 50.00, "Becca"),
             ("Balloons, plates, napkins, candles", 16.50, "Becca")]
    total = round(sum(i[1] for i in items), 2)
    assert total == 450.50
    rows = "\n".join(f"| {a} | £{b:.2f} | {c} |" for a, b, c in items)
    write("alfie_7th_birthday_party_plan.md", f"""# Alfie's 7th birthday party - plan

**When:** Saturday 14 June 2025, 2:00pm to 4:00pm (his actual birthday!)
**Where:** 1st Fernley Scout Hut, Church Lane, Fernley FN3 4EE (car park behind the church)
**Theme:** space and science - Alfie wants "exploding rockets"

Invitations: whole class (2 Willow) plus cousins Noah and Ruby. Budget: keep it under £450 (we have the
party pot in the budget - £50 a month since March).

## Budget

| What | Cost | Notes |
|------|------|-------|
{rows}
| **Total** | **£{total:.2f}** | a bit over - skip the balloons? |

Professor Popkins: booked through Zoe on 07700 900 731. Needs a table, a plug socket and 30 minutes to set
up. No confetti cannons indoors (Scout hut rule).

## Food - IMPORTANT

- **Alfie: egg allergy** - cake must be egg-free (Crumb & Co know), no mayo on anything, check the pizza bases.
- **Maya R: nut allergy (EpiPen)** - no nuts anywhere, check party bag sweets. Her mum is staying.
- **Leo P: vegetarian** - margherita pizza is fine.
- Jugs of squash and water, no fizzy drinks.

## RSVPs so far

| Child | Coming? | Grown-up staying? | Notes |
|-------|---------|-------------------|-------|
| Maya R | Yes | Yes (mum) | nut allergy |
| Leo P | Yes | No | vegetarian |
| Oscar T | Yes | No | |
| Amira K | Yes | Yes (dad) | |
| Jacob W | No | - | away that weekend |
| Freddie M | Yes | No | |
| Evie S | Maybe | - | has ballet until 2pm |
| Noah (cousin) | Yes | Yes (Aunt Kate) | |
| Ruby (cousin) | Yes | Yes (Aunt Kate) | |

Still waiting for 11 more from 2 Willow.

## To do

- [x] Book the Scout hut (Mr Jenkins, 01632 960 914) - deposit paid 3 March
- [x] Book Professor Popkins - deposit paid
- [ ] Send invitations by **Fri 16 May** (in book bags)
- [x] Order cake by **Sat 31 May** (done early - ordered 20 April)
- [ ] Buy party bag stuff (rocket stickers, glow sticks, bubbles - NO sweets with nuts)
- [ ] Ask Granny Sue to do face painting from 2:15pm
- [ ] Order pizzas on Fri 13 June
- [ ] Keys back to Mr Jenkins by 5pm, hut swept and bins taken away or we lose the £25 deposit
""")


# ---------------------------------------------------------------- 15. accountant's e-mail (eml, plain text)
def accountant_email():
    m = EmailMessage()
    m["From"] = "Sadia Rahman <sadia@rahmancole.example>"
    m["To"] = "Rebecca Ashby <becca.ashby@mailbox.example>"
    m["Date"] = format_datetime(dt.datetime(2025, 4, 8, 9, 3, 17, tzinfo=BST))
    m["Subject"] = "Your 2024/25 tax return - what we need for the flat"
    m["Message-ID"] = "<rc.2025-04-08.ashby@rahmancole.example>"
    m.set_content("""Hi Rebecca,

The 2024/25 tax year ended on Saturday (5 April 2025), so it's time to start on your tax return for the
rental income from Flat 3, Kingsway Court. To make it easy, here's what we need.

PLEASE SEND US BY FRIDAY 31 OCTOBER 2025
(our own deadline - it gives us time to file well before HMRC's deadline of 31 January 2026)

  1. Harbour & Lane's annual statement for 6 April 2024 to 5 April 2025 (or all twelve monthly
     statements if the annual one doesn't arrive).
  2. Brackenridge's interest figure for the same tax year. Their annual statement runs January to
     December, so please wait for the tax-year interest letter they send in May.
  3. Anything you paid yourself rather than through the agent: the landlord insurance, the service
     charge and ground rent bills from Kingsway Court Management, and any repairs.
  4. Your P60 from the surgery (we need it to work out which tax rate applies to the rent).

A FEW REMINDERS
  - Mortgage interest isn't taken off the rent as an expense. Instead you get a tax credit of 20% of the
    interest. With the higher rate since your new fix started last August, that matters more this year.
  - The gas safety certificate, the tap repair and the new carbon monoxide alarm (when it's fitted) all
    count as allowable expenses. A new kitchen or anything that improves the flat would not - ask me first if you plan one.
  - Last year (2023/24) your rental income was £9,540.00 and your allowable expenses were £2,391.60.

PAYMENTS TO HMRC
  - Your second payment on account for 2024/25, £642.30, is due by 31 July 2025.
  - Any balancing payment for 2024/25, and your first payment on account for 2025/26, are due by
    31 January 2026. We'll tell you the amounts in November.
  - You paid £318.45 (balancing payment for 2023/24) and £642.30 (first payment on account for
    2024/25) on 27 January 2025 - thank you.

Our fee for the 2024/25 return stays at £295 plus VAT (£354.00 in total), invoiced when we file.

Making Tax Digital for Income Tax starts in April 2026, but only for people whose self-employment and
property income is more than £50,000 a year. With rent of about £9,900 a year it won't apply to you for now.

If you're thinking of putting the flat into joint names with Tom, or of selling it, please talk to me first:
there may be capital gains tax to think about.

Best wishes,
Sadia

Sadia Rahman FCCA
Rahman & Cole Chartered Accountants
22 Deansgate Chambers, Kingsmere KM2 8AW
0161 496 0318 | sadia@rahmancole.example
""", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "email_accountant_tax_return_2024-25.eml"), "wb") as f:
        f.write(bytes(m))


# ---------------------------------------------------------------- 16. school information evening (pptx)
def info_evening():
    prs = folder_kit.new_deck()
    bullets = partial(folder_kit.bullets, prs)

    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Year 2 Spring Term Information Evening"
    s.placeholders[1].text = "Fernley Green Primary School\nTuesday 14 January 2025, 6pm, school hall"

    bullets("Meet the Year 2 team", [
        "2 Willow: Mr Owain Hughes (class teacher), Mrs Dee Barnes (teaching assistant)",
        "2 Oak: Mrs Simran Kaur (class teacher and Year 2 leader), Miss Lucy Pike (teaching assistant)",
        "SENCo: Mrs Helen Ward - appointments through the school office",
        "Class e-mails: 2willow@fernleygreen.sch.example and 2oak@fernleygreen.sch.example",
    ])
    bullets("A week in Year 2", [
        "PE: 2 Willow on Monday and Thursday, 2 Oak on Tuesday and Friday - come to school in PE kit on PE days",
        "Reading: please read with your child at least 4 times a week and sign the reading record",
        "Reading books are changed on Mondays and Thursdays",
        "Spellings go home on Monday and are tested on Friday",
        "Maths homework on the Times Table Zoomers app: set on Friday, due the next Wednesday",
        "Every child needs a named water bottle every day",
    ])

    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Key dates this term"
    data = [
        ["Date", "What", "Notes"],
        ["Thu 6 Mar", "World Book Day", "Come dressed as a book character"],
        ["Tue 11 Mar and Wed 12 Mar", "Parents' evenings, 3:30pm to 7pm", "Book a 10-minute slot on the SchoolPing app"],
        ["Fri 21 Mar", "Red Nose Day: non-uniform", "£1 donation"],
        ["Thu 3 Apr", "Year 2 trip to Bramblewood Farm Park", "Letter and payment details to follow"],
        ["May (in class)", "Key Stage 1 reading and maths assessments", "Low-key, no revision needed"],
        ["Week of 9 Jun", "Phonics screening check (retakes)", "Only for children who did not pass in Year 1"],
        ["Wed 2 Jul", "Sports Day, 9:30am", "School field - families welcome"],
    ]
    shape = s.shapes.add_table(len(data), 3, Inches(0.4), Inches(1.5), Inches(12.5), Inches(5.0))
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            cell = shape.table.cell(i, j)
            cell.text = v
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = PPt(16)

    bullets("Before and after school", [
        "Breakfast club: from 7:45am, £4.50 a morning (includes breakfast) - book by Thursday for the next week",
        "Kids' Corner after-school club: until 5:45pm, £11.50 a session",
        "Gates open at 8:35am; the day starts at 8:45am and ends at 3:15pm",
        "If someone different is collecting your child, please tell the office by 2pm",
    ])
    bullets("How to reach us", [
        "School office: 01632 960 460 (8:15am to 4pm)",
        "Absence line: 01632 960 460, option 1 - by 9:15am on each day of absence",
        "Questions about learning: your class teacher (class e-mail or at the classroom door after school)",
        "Thank you for coming! Slides will be on the school website.",
    ])
    prs.save(os.path.join(OUT, "year_2_information_evening_spring_2025.pptx"))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    with tempfile.TemporaryDirectory(prefix="own_folder_5_") as tmp:
        agent_statement(tmp)
        gas_safety(tmp)
        nursery_invoice(tmp)
        mortgage(tmp)
        landlord_insurance(tmp)
    tenancy()
    nursery_dates()
    red_book()
    school_trip()
    home_insurance()
    budget()
    swimming()
    garage_email()
    party()
    accountant_email()
    info_evening()
    total = 0
    for name in sorted(os.listdir(OUT)):
        size = os.path.getsize(os.path.join(OUT, name))
        total += size
        print(f"{size:8d}  {name}")
    print(f"{total:8d}  total")


if __name__ == "__main__":
    main()
