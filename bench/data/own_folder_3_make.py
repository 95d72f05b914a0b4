"""Generate bench/data/own_folder_3/: the documents of one retired person.

Mrs Margaret (Peggy) Hollis, 77, a retired school secretary and widow, of 23 Fernlea Avenue,
Sedgecombe, Devon (all fictional: the town, people, council, hospital, insurers, building society,
care agency and tradesmen; phone numbers in Ofcom's drama ranges 01632 960xxx, 020 7946 0xxx,
0113 496 0xxx, 0808 157 0xxx and 07700 900xxx; NHS number in the 999 test range). She is getting over
a hip replacement (August 2025), has carers three mornings a week, and her son David keeps some of
her paperwork on a spreadsheet. UK conventions throughout (GBP, day-month dates).

Run with /work/main/.venv/bin/python (python-docx, openpyxl, python-pptx) and LibreOffice (`soffice`)
on PATH, which turns the .docx / .html drafts of the PDF documents into real text PDFs.

    /work/main/.venv/bin/python bench/data/own_folder_3_make.py

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
OUT = os.path.join(HERE, "own_folder_3")
BST = dt.timezone(dt.timedelta(hours=1))
GMT = dt.timezone.utc


# ---------------------------------------------------------------- helpers
to_pdf = partial(folder_kit.to_pdf, out=OUT)
write = partial(folder_kit.write, out=OUT)


ADDRESS = "Mrs Margaret Hollis\n23 Fernlea Avenue\nSedgecombe\nDevon EX20 4QN"


# ---------------------------------------------------------------- 1. pension increase letter (pdf)
def pension(tmp):
    d = new_doc(size=10.5)
    para(d, "Moorland Pension Fund", bold=True, size=16, space_after=0)
    para(d, "Pensions Administration Centre, County Hall, Topsham Road, Exeter EX2 4QZ", space_after=0)
    para(d, "Helpline 01632 960 305 (Monday to Friday, 9am to 5pm)  ·  pensions@moorlandpensionfund.org.uk",
         space_after=12)
    para(d, ADDRESS)
    para(d, "2 April 2025", align="right")
    para(d, "Member number: MPF/0418827", bold=True, space_after=0)
    para(d, "Former employer: Sedgecombe Primary School (school secretary, retired 31 August 2012)")
    para(d, "Dear Mrs Hollis,")
    para(d, "Annual increase to your pension", bold=True, size=12)
    para(d, "Pensions paid by the Fund go up each April in line with the Consumer Prices Index for the "
            "previous September. This letter tells you what your pension will be for the 2025/26 tax year.")
    table(d, [
        ["Your pension", ""],
        ["Annual pension from 8 April 2024", "£9,842.16"],
        ["Pension increase from 7 April 2025", "1.7%"],
        ["Annual pension from 7 April 2025", "£10,009.48"],
        ["Monthly pension before tax", "£834.12"],
        ["Tax code for 2025/26", "59L"],
        ["Tax deducted each month (approx.)", "£156.84"],
        ["Monthly pension after tax", "£677.28"],
        ["Paid into", "Coombe & District Building Society, account ending 4471"],
    ], header=True, widths=[9.5, 7.5], bold_first_col=True)
    para(d, "Why is your tax code so low?", bold=True)
    para(d, "HMRC gives us your tax code. Your State Pension is paid without tax being taken off, so HMRC "
            "uses most of your tax-free Personal Allowance against it and collects the tax due on your State "
            "Pension through this pension instead. If you think your code is wrong, please contact HMRC "
            "direct: we cannot change it.")
    para(d, "When your pension is paid", bold=True)
    para(d, "Your pension is paid monthly in arrears on the last banking day of each month. Your payment "
            "dates for the rest of 2025 are:")
    table(d, [
        ["Month", "Payment date"],
        ["April", "30/04/2025"],
        ["May", "30/05/2025"],
        ["June", "30/06/2025"],
        ["July", "31/07/2025"],
        ["August", "29/08/2025"],
        ["September", "30/09/2025"],
        ["October", "31/10/2025"],
        ["November", "28/11/2025"],
        ["December (paid early for Christmas)", "19/12/2025"],
    ], widths=[9.5, 7.5])
    para(d, "Payslips are only sent when your net pension changes by more than £5. Your P60 for 2024/25 "
            "will be posted by the end of May 2025.")
    para(d, "Please tell us straight away if you change your bank account or address, or if you are going to "
            "live abroad. If someone else is helping with your affairs under a Lasting Power of Attorney, "
            "please send us a certified copy so that we can talk to them.")
    para(d, "Yours sincerely,")
    para(d, "Karen Trewin\nPensioner Payroll Team, Moorland Pension Fund")
    p = os.path.join(tmp, "pension.docx")
    d.save(p)
    to_pdf(p, "pension_increase_april_2025.pdf")


# ---------------------------------------------------------------- 2. hospital appointment (pdf)
def hospital(tmp):
    d = new_doc(size=10.5)
    para(d, "Barnstead General Hospital", bold=True, size=16, align="right", space_after=0)
    para(d, "West Moorland NHS Foundation Trust", align="right", space_after=0)
    para(d, "Trauma & Orthopaedics Outpatients, Level 2, Barnstead EX31 6PL", align="right", space_after=0)
    para(d, "Appointments: 01632 960 233 (Mon-Fri, 8:30am to 4:30pm)", align="right", space_after=12)
    para(d, "Date of letter: 21 October 2025", space_after=0)
    para(d, "Hospital no.: BGH-7731045   ·   NHS no.: 999 412 7736", space_after=10)
    para(d, ADDRESS)
    para(d, "Dear Mrs Hollis,")
    para(d, "Your follow-up appointment", bold=True, size=12)
    para(d, "You have been booked a follow-up appointment at the hip clinic to see how you are getting on "
            "after your operation. Please check the details below.")
    table(d, [
        ["Clinic", "Hip clinic (Trauma & Orthopaedics)"],
        ["Consultant", "Miss Claire Penhale, Consultant Orthopaedic Surgeon"],
        ["Appointment date", "Wednesday 12 November 2025"],
        ["Appointment time", "10:40am"],
        ["Please arrive by", "10:10am - you will have an X-ray of your hip first"],
        ["Where", "Outpatients Department B, Level 2 (follow the green signs from the main entrance)"],
        ["Reason", "12-week review after left total hip replacement on 13 August 2025"],
        ["Expected length", "About 1½ hours including the X-ray"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "At your 6-week check on 24 September 2025 you were walking with one stick. At this appointment "
            "we will look at your X-ray and talk to you about driving, bending and getting back to your "
            "normal activities.")
    para(d, "Please bring with you", bold=True)
    for t in ["a list of all the medicines you take, including eye drops and anything you buy yourself;",
              "your walking stick or frame;",
              "glasses and hearing aids if you use them;",
              "someone to help you, if you would like (one adult only, please)."]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Getting here", bold=True)
    para(d, "Car park C is nearest to Outpatients B. Parking is pay-on-exit (£3.20 for up to 2 hours). Blue "
            "Badge holders park free in the marked bays. The 38 bus from Sedgecombe stops at the main entrance.")
    para(d, "If you need hospital transport because of a medical need, please ring the Patient Transport "
            "Service on 01632 960 417 at least 48 hours before your appointment.")
    para(d, "If you cannot come", bold=True)
    para(d, "Please ring 01632 960 233 as early as possible so that we can offer the slot to someone else. "
            "If you miss two appointments without telling us, you may be referred back to your GP.")
    para(d, "Yours sincerely,")
    para(d, "Outpatient Booking Team, on behalf of Miss C. Penhale")
    para(d, "cc: Dr Anjali Mehta, Sedgecombe Medical Practice", italic=True, size=8)
    p = os.path.join(tmp, "hospital.docx")
    d.save(p)
    to_pdf(p, "hospital_appointment_letter.pdf")


# ---------------------------------------------------------------- 3. repeat prescriptions (docx)
def prescriptions():
    d = new_doc(size=10)
    para(d, "SEDGECOMBE MEDICAL PRACTICE", bold=True, size=14, space_after=0)
    para(d, "The Health Centre, Mill Street, Sedgecombe EX20 4RB  ·  Tel 01632 960 540", space_after=0)
    para(d, "Repeat prescription request - keep this slip and tick the items you need", italic=True)
    table(d, [
        ["Patient", "Mrs Margaret HOLLIS", "Date of birth", "14/06/1948"],
        ["NHS number", "999 412 7736", "Usual GP", "Dr Anjali Mehta"],
        ["Nominated pharmacy", "Fore Street Pharmacy, Sedgecombe", "Printed", "06/10/2025"],
    ], header=False, widths=[3.4, 5.6, 3.0, 5.0])
    table(d, [
        ["Tick", "Medicine", "Directions", "Qty", "Last issued", "Review date"],
        ["[ ]", "Amlodipine 5mg tablets", "Take ONE tablet in the morning", "28", "06/10/2025", "15/03/2026"],
        ["[ ]", "Ramipril 2.5mg capsules", "Take ONE capsule at night", "28", "06/10/2025", "15/03/2026"],
        ["[ ]", "Atorvastatin 20mg tablets", "Take ONE tablet at night", "28", "06/10/2025", "15/03/2026"],
        ["[ ]", "Levothyroxine 75microgram tablets",
         "Take ONE tablet each morning, 30 minutes before breakfast", "56", "22/09/2025", "10/01/2026"],
        ["[ ]", "Alendronic acid 70mg tablets",
         "Take ONE tablet once a week on the same day, with a full glass of tap water, on an empty "
         "stomach. Stay upright for 30 minutes afterwards", "4", "06/10/2025", "15/03/2026"],
        ["[ ]", "Adcal-D3 chewable tablets", "Chew ONE tablet twice a day", "112", "22/09/2025", "10/01/2026"],
        ["[ ]", "Latanoprost 50micrograms/ml eye drops", "ONE drop into BOTH eyes at night",
         "2.5 ml", "01/09/2025", "01/03/2026"],
        ["[ ]", "Paracetamol 500mg tablets",
         "TWO tablets up to four times a day when needed for pain. Max 8 in 24 hours", "100",
         "18/08/2025", "18/11/2025"],
    ], widths=[1.0, 4.2, 6.0, 1.3, 2.2, 2.3])
    para(d, "Last medication review: 15/03/2025 (Dr A. Mehta). Next medication review due by the review "
            "date shown for each item - the practice will contact you to book it.")
    para(d, "How to order", bold=True)
    for t in ["Online through the NHS App (quickest) - allow 2 working days.",
              "Drop this slip in the box at reception or post it - allow 3 working days.",
              "We do not take repeat prescription requests over the phone."]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Fore Street Pharmacy, 14 Fore Street, Sedgecombe, 01632 960 588. Free home delivery on "
            "Tuesdays and Fridays for housebound patients - ask the pharmacy to add you to the list.")
    para(d, "Paracetamol: do not take with any other medicine that contains paracetamol.", italic=True)
    d.save(os.path.join(OUT, "repeat_prescriptions.docx"))


# ---------------------------------------------------------------- 4. council tax bill (pdf from html)
def council_tax(tmp):
    html = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Council Tax 2025/26</title>
<style>body{font-family:'Liberation Sans',Arial,sans-serif;font-size:10pt}
table{border-collapse:collapse;margin:6pt 0}td,th{border:1px solid #777;padding:3pt 6pt;text-align:left}
th{background:#e4e4e4}h1{font-size:15pt;margin:0}</style></head>
<body>
<h1>Sedgecombe District Council</h1>
<p>Council Offices, Kilworthy Road, Sedgecombe EX20 4AW &middot; Council tax: 01632 960 750 &middot;
counciltax@sedgecombe.gov.example</p>
<h2>COUNCIL TAX DEMAND NOTICE 2025/26</h2>
<table>
<tr><td><b>Account reference</b></td><td>60418273</td></tr>
<tr><td><b>Name</b></td><td>Mrs Margaret Hollis</td></tr>
<tr><td><b>Property</b></td><td>23 Fernlea Avenue, Sedgecombe EX20 4QN</td></tr>
<tr><td><b>Valuation band</b></td><td>C</td></tr>
<tr><td><b>Date of issue</b></td><td>10 March 2025</td></tr>
<tr><td><b>Period</b></td><td>1 April 2025 to 31 March 2026</td></tr>
</table>
<h3>How your Council Tax is made up (Band C)</h3>
<table>
<tr><th>Authority</th><th>2024/25</th><th>2025/26</th><th>Change</th></tr>
<tr><td>Moorland County Council</td><td>&pound;1,352.40</td><td>&pound;1,419.88</td><td>4.99%</td></tr>
<tr><td>Devon and Moorland Police and Crime Commissioner</td><td>&pound;243.15</td><td>&pound;257.15</td><td>5.76%</td></tr>
<tr><td>Moorland Fire and Rescue Authority</td><td>&pound;88.72</td><td>&pound;91.36</td><td>2.98%</td></tr>
<tr><td>Sedgecombe District Council</td><td>&pound;175.60</td><td>&pound;181.04</td><td>3.10%</td></tr>
<tr><td>Sedgecombe Town Council</td><td>&pound;94.31</td><td>&pound;98.02</td><td>3.93%</td></tr>
<tr><td><b>Total for Band C</b></td><td><b>&pound;1,954.18</b></td><td><b>&pound;2,047.45</b></td><td><b>4.77%</b></td></tr>
</table>
<h3>Your bill</h3>
<table>
<tr><td>Charge for the year, Band C</td><td>&pound;2,047.45</td></tr>
<tr><td>Less single person discount (25%)</td><td>&minus;&pound;511.86</td></tr>
<tr><td><b>Amount to pay for 2025/26</b></td><td><b>&pound;1,535.59</b></td></tr>
</table>
<h3>Your instalments</h3>
<p>You pay by Direct Debit on the 1st of each month, in 10 instalments from April to January.
There are no instalments in February and March 2026.</p>
<table>
<tr><th>Instalment date</th><th>Amount</th></tr>
<tr><td>01/04/2025</td><td>&pound;154.09</td></tr>
<tr><td>01/05/2025</td><td>&pound;153.50</td></tr>
<tr><td>01/06/2025</td><td>&pound;153.50</td></tr>
<tr><td>01/07/2025</td><td>&pound;153.50</td></tr>
<tr><td>01/08/2025</td><td>&pound;153.50</td></tr>
<tr><td>01/09/2025</td><td>&pound;153.50</td></tr>
<tr><td>01/10/2025</td><td>&pound;153.50</td></tr>
<tr><td>01/11/2025</td><td>&pound;153.50</td></tr>
<tr><td>01/12/2025</td><td>&pound;153.50</td></tr>
<tr><td>01/01/2026</td><td>&pound;153.50</td></tr>
</table>
<p>If you would rather pay in 12 monthly instalments, from April to March, please ring us or use
the form on our website before 30 April 2025.</p>
<h3>Help with your bill</h3>
<p>Single person discount: you get 25% off because you told us you live alone. Please tell us within 21 days
if anyone aged 18 or over comes to live with you.</p>
<p>Disabled band reduction: if your home has been adapted for a disabled person (for example a downstairs
bathroom or extra room for a wheelchair), your bill may be worked out as if your home were in the band below.</p>
<p>Council Tax Reduction is available to people on a low income, including pensioners on Pension Credit.</p>
<p>Adult social care: the Moorland County Council figure includes &pound;218.66 for adult social care.</p>
</body></html>
"""
    p = os.path.join(tmp, "council_tax.html")
    with open(p, "w", encoding="utf-8") as f:
        f.write(html)
    to_pdf(p, "council_tax_bill_2025-26.pdf")


# ---------------------------------------------------------------- 5. energy annual statement (html)
def energy():
    write("energy_annual_statement_2025.html", """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Brightwell Energy - Your annual summary</title>
  <style>
    body { font-family: Arial, sans-serif; max-width: 780px; margin: 1.5em auto; color: #222; }
    table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.4em; }
    th, td { border: 1px solid #bbb; padding: 5px 8px; text-align: left; }
    th { background: #fff2cc; }
    .box { background: #f4f8fb; padding: 0.6em 1em; border-left: 4px solid #2a6fb0; }
  </style>
</head>
<body>
  <p><strong>Brightwell Energy</strong> &middot; PO Box 4120, Leeds LS1 9ZZ &middot; 0113 496 0216</p>
  <h1>Your annual summary</h1>
  <p>Mrs M Hollis, 23 Fernlea Avenue, Sedgecombe EX20 4QN<br>
     Account number: 7001 2284 9163 &middot; Statement date: 18 September 2025</p>

  <div class="box">
    <p>Over the last year you used less energy than the year before. Your estimated cost for the
    next 12 months on your current tariff is <strong>&pound;1,428</strong>.</p>
  </div>

  <h2>Your tariff</h2>
  <table>
    <thead><tr><th>Fuel</th><th>Tariff</th><th>Unit rate</th><th>Standing charge</th><th>Fixed until</th><th>Exit fee</th></tr></thead>
    <tbody>
      <tr><td>Electricity</td><td>Brightwell Steady Fix v12</td><td>25.84p per kWh</td><td>51.37p per day</td><td>31 January 2026</td><td>None</td></tr>
      <tr><td>Gas</td><td>Brightwell Steady Fix v12</td><td>6.12p per kWh</td><td>31.65p per day</td><td>31 January 2026</td><td>None</td></tr>
    </tbody>
  </table>
  <p>Prices include VAT at 5%. You pay by monthly Direct Debit. We'll write to you at least 49 days
  before your fixed tariff ends to tell you your options.</p>

  <h2>How much energy you used</h2>
  <table>
    <thead><tr><th>Fuel</th><th>12 Sep 2024 to 11 Sep 2025</th><th>12 Sep 2023 to 11 Sep 2024</th><th>Cost, 12 Sep 2024 to 11 Sep 2025</th></tr></thead>
    <tbody>
      <tr><td>Electricity</td><td>2,184 kWh</td><td>2,306 kWh</td><td>&pound;789.44</td></tr>
      <tr><td>Gas</td><td>8,950 kWh</td><td>9,420 kWh</td><td>&pound;696.42</td></tr>
      <tr><td><strong>Total</strong></td><td></td><td></td><td><strong>&pound;1,485.86</strong></td></tr>
    </tbody>
  </table>
  <p>Last year (12 Sep 2023 to 11 Sep 2024) your energy cost you &pound;1,612.40 in total.</p>

  <h2>Your payments</h2>
  <ul>
    <li>Your account is <strong>&pound;36.18 in credit</strong>.</li>
    <li>Your Direct Debit is &pound;124.00 a month, taken on the 18th.</li>
    <li>We've reviewed it: from 18 November 2025 your Direct Debit will go down to &pound;119.00 a month.
        You don't need to do anything.</li>
    <li>Warm Home Discount: &pound;150 was credited to your electricity account on 14 January 2025.</li>
  </ul>

  <h2>Your meters</h2>
  <table>
    <tr><th>Electricity meter</th><td>Smart meter, serial 21P0448817</td></tr>
    <tr><th>Gas meter</th><td>Smart meter, serial G4A01992736</td></tr>
    <tr><th>Last readings</th><td>Electricity 31884, gas 11203.6 (both 11 September 2025, smart reads)</td></tr>
  </table>

  <h2>Priority Services Register</h2>
  <p>You are on our Priority Services Register because you are of pensionable age and have told us you are
  hard of hearing. We'll contact you by letter or text rather than phone, and we'll tell you in advance
  about any planned power cuts. Your nominated contact is David Hollis.</p>

  <p>Questions? Call us on 0113 496 0216, Monday to Friday 8am to 6pm, or use the chat in the Brightwell app.</p>
</body>
</html>
""")


# ---------------------------------------------------------------- 6. home insurance schedule (pdf)
def home_insurance(tmp):
    d = new_doc(size=9.5)
    para(d, "Oakhaven Insurance", bold=True, size=16, space_after=0)
    para(d, "Oakhaven Insurance Services Ltd, 2 Harbour Walk, Plymouth PL1 2ZZ", space_after=8)
    para(d, "HOME INSURANCE - POLICY SCHEDULE", bold=True, size=13, align="center")
    table(d, [
        ["Policyholder", "Mrs Margaret Hollis"],
        ["Insured address", "23 Fernlea Avenue, Sedgecombe, Devon EX20 4QN"],
        ["Policy number", "OHK-HC-5530921"],
        ["Cover", "Buildings and contents, with accidental damage and home emergency"],
        ["Period of insurance", "14/02/2025 to 13/02/2026"],
        ["Type of home", "Semi-detached bungalow, built 1968, brick with a tiled roof"],
        ["Annual premium", "£412.68 including Insurance Premium Tax"],
        ["How you pay", "12 monthly instalments of £34.39 by Direct Debit"],
    ], header=False, widths=[5.0, 12.0], bold_first_col=True)
    para(d, "What you are covered for", bold=True, size=11)
    table(d, [
        ["Section", "Sum insured / limit", "Excess"],
        ["Buildings", "£285,000 (rebuilding cost)", "£100"],
        ["Buildings: escape of water", "Up to the buildings sum insured", "£350"],
        ["Buildings: subsidence, heave or landslip", "Up to the buildings sum insured", "£1,000"],
        ["Contents", "£45,000", "£100"],
        ["Contents: escape of water", "Up to the contents sum insured", "£350"],
        ["Accidental damage (buildings and contents)", "Included", "£100"],
        ["Valuables in the home", "£10,000 in total, £2,000 any one item", "£100"],
        ["Personal possessions away from the home", "£2,000 (£1,000 any one item)", "£100"],
        ["Liability to the public (as owner or occupier)", "£2,000,000", "Nil"],
        ["Home emergency (boiler, plumbing, drains, locks)", "Up to £500 per claim", "Nil"],
        ["Family legal expenses", "£50,000", "Nil"],
    ], widths=[7.5, 6.5, 3.0])
    para(d, "Specified items (insured for their full value, at home and away)", bold=True, size=11)
    table(d, [
        ["Item", "Value"],
        ["Diamond solitaire engagement ring, 18ct gold", "£3,200"],
        ["Gentleman's Omega wristwatch, gold (late husband's)", "£1,850"],
        ["Hearing aids (pair, Phonak)", "£2,400"],
    ], widths=[12.0, 5.0])
    para(d, "Important conditions", bold=True, size=11)
    for t in [
        "If your home will be unoccupied for more than 60 days in a row you must tell us first. Cover for "
        "escape of water, theft and malicious damage stops after 60 days unoccupied.",
        "From 15 November to 15 March, if the home is empty for more than 72 hours, the heating must be left on "
        "to keep it at 12°C or above, or the water turned off and the system drained.",
        "Valuables worth over £2,000 each must be listed as specified items.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "To make a claim: 0808 157 0342 (24 hours). Home emergency helpline: 0808 157 0365 (24 hours, "
            "please have your policy number ready).")
    para(d, "Your renewal invitation will be sent at least 21 days before 13/02/2026.", italic=True, size=8.5)
    p = os.path.join(tmp, "home_insurance.docx")
    d.save(p)
    to_pdf(p, "home_insurance_schedule_2025-26.pdf")


# ---------------------------------------------------------------- 7. travel insurance (docx)
def travel_insurance():
    d = new_doc(size=10)
    para(d, "Silver Compass Travel Insurance", bold=True, size=16, space_after=0)
    para(d, "Travel cover for the over-65s  ·  Silver Compass is a trading name of Meridian Underwriting Ltd",
         italic=True, space_after=10)
    para(d, "Certificate of insurance - Annual Multi-Trip, Europe", bold=True, size=13)
    table(d, [
        ["Policy number", "SCT/AMT/7730145"],
        ["Insured person", "Mrs Margaret Hollis (age 76 at the start date)"],
        ["Period of cover", "01/05/2025 to 30/04/2026"],
        ["Area", "Europe (includes the Canary Islands, Madeira, Cyprus and Turkey)"],
        ["Maximum length of any one trip", "31 days"],
        ["UK trips", "Covered if you have booked at least 2 nights in paid accommodation"],
        ["Total premium", "£148.60 including Insurance Premium Tax"],
    ], header=False, widths=[5.5, 11.5], bold_first_col=True)
    para(d, "Summary of cover", bold=True, size=12)
    table(d, [
        ["Section", "Maximum we pay", "Excess"],
        ["Emergency medical and repatriation", "£10,000,000", "£75"],
        ["Cancellation and cutting your trip short", "£3,000", "£75"],
        ["Baggage", "£1,500 (£250 any one item, £300 for all valuables)", "£75"],
        ["Personal money", "£300 (cash limit £250)", "£75"],
        ["Passport and travel documents", "£250", "Nil"],
        ["Missed departure", "£750", "Nil"],
        ["Travel delay", "£20 for each full 12 hours, up to £200", "Nil"],
        ["Personal liability", "£2,000,000", "£250"],
    ], widths=[7.0, 7.5, 2.5])
    para(d, "Medical conditions you told us about", bold=True, size=12)
    table(d, [
        ["Condition", "Cover decision"],
        ["High blood pressure", "Covered, no extra premium"],
        ["Underactive thyroid", "Covered, no extra premium"],
        ["Osteoporosis", "Covered, no extra premium"],
        ["Glaucoma", "Covered, additional premium £18.40"],
        ["Left hip replacement (August 2025)", "Covered from the date your surgeon says you are fit to fly; "
                                                "additional premium £17.80"],
    ], widths=[7.0, 10.0])
    para(d, "You must tell us about any change in your health, new medicines or a hospital referral before "
            "you travel, even after you have bought the policy. We may change the premium or the cover.")
    para(d, "In an emergency abroad", bold=True, size=12)
    para(d, "Call Silver Compass Emergency Assistance, 24 hours a day: +44 20 7946 0318. Please call us "
            "before you go into hospital as an in-patient, or before paying any medical bill over £500.")
    para(d, "To make any other claim, call 0113 496 0552 (Monday to Friday, 9am to 5pm) within 31 days of "
            "getting home.")
    para(d, "Take your Global Health Insurance Card (GHIC) with you: if you use it in the EU we will waive "
            "the £75 medical excess.")
    d.save(os.path.join(OUT, "travel_insurance_2025-26.docx"))


# ---------------------------------------------------------------- 8. care costs (xlsx)
def care_costs():
    wb = Workbook()
    thin = Side(style="thin", color="999999")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    fill = PatternFill("solid", fgColor="E2EFDA")
    money = '"£"#,##0.00'

    ws = wb.active
    ws.title = "October 2025 visits"
    ws["A1"] = "Kindly Hands Home Care - visits to Mum (Mrs M. Hollis)"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"], ws["C2"] = "Weekday rate (Mon-Fri)", 27.5
    ws["A3"], ws["C3"] = "Weekend rate (Sat-Sun)", 31.0
    ws["C2"].number_format = ws["C3"].number_format = money
    ws["A4"], ws["C4"] = "Agency office", "01632 960 812 (Tamsin, care coordinator)"
    hdr = ["Date", "Start", "Carer", "What for", "Hours", "Rate", "Cost"]
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(row=6, column=j, value=h)
        c.font, c.fill, c.border = Font(bold=True), fill, box
    visits = []
    for day in range(1, 32):
        d = dt.date(2025, 10, day)
        wd = d.weekday()
        carer = "Kasia Nowak" if 13 <= day <= 18 else "Janet Pengelly"
        if wd in (0, 2, 4):
            visits.append((d, dt.time(8, 30), carer, "Morning call: shower, dressing, breakfast", 1, 27.5))
        elif wd == 1:
            visits.append((d, dt.time(10, 0), carer, "Shopping and light cleaning", 1.5, 27.5))
        elif day == 18:
            visits.append((d, dt.time(9, 0), carer, "Extra morning call (David away)", 1, 31.0))
    row = 7
    for d, t, carer, what, hrs, rate in visits:
        vals = [d, t, carer, what, hrs, rate, hrs * rate]
        for j, v in enumerate(vals, start=1):
            c = ws.cell(row=row, column=j, value=v)
            c.border = box
        ws.cell(row=row, column=1).number_format = "ddd dd/mm/yyyy"
        ws.cell(row=row, column=2).number_format = "hh:mm"
        ws.cell(row=row, column=6).number_format = money
        ws.cell(row=row, column=7).number_format = money
        row += 1
    hours = sum(v[4] for v in visits)
    cost = sum(v[4] * v[5] for v in visits)
    assert (hours, cost) == (21, 581.0), (hours, cost)
    ws.cell(row=row, column=4, value="Total for October").font = Font(bold=True)
    ws.cell(row=row, column=5, value=hours).font = Font(bold=True)
    c = ws.cell(row=row, column=7, value=cost)
    c.font, c.number_format = Font(bold=True), money
    ws.cell(row=row + 2, column=1,
            value="Janet on holiday 13-18 Oct - Kasia covered all her calls that week.").font = Font(italic=True)
    ws.cell(row=row + 3, column=1,
            value="November: hospital appt Wed 12/11 - agency moving that morning's call to 7:45.").font = Font(italic=True)
    for col, w in zip("ABCDEFG", [17, 8, 16, 42, 7, 10, 11]):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A7"

    ws2 = wb.create_sheet("Invoices and payments")
    ws2["A1"] = "Kindly Hands invoices - paid from Mum's Easy Access Saver"
    ws2["A1"].font = Font(bold=True, size=13)
    hdr = ["Invoice no.", "Period", "Invoice date", "Hours", "Amount", "Due date", "Paid on", "Notes"]
    for j, h in enumerate(hdr, start=1):
        c = ws2.cell(row=3, column=j, value=h)
        c.font, c.fill, c.border = Font(bold=True), fill, box
    rows = [
        ["KH-25-0871", "18-31 Aug 2025", dt.date(2025, 9, 1), 15, 423.00, dt.date(2025, 9, 15),
         dt.date(2025, 9, 12), "Daily calls the first week home from hospital"],
        ["KH-25-0934", "September 2025", dt.date(2025, 10, 1), 20.5, 563.75, dt.date(2025, 10, 15),
         dt.date(2025, 10, 9), "Mon/Wed/Fri mornings + Tuesday shopping"],
        ["KH-25-0998", "October 2025", dt.date(2025, 11, 3), 21, 581.00, dt.date(2025, 11, 17),
         None, "Not paid yet - check the hours against the visits sheet first"],
    ]
    for i, r in enumerate(rows, start=4):
        for j, v in enumerate(r, start=1):
            c = ws2.cell(row=i, column=j, value=v)
            c.border = box
            if j in (3, 6, 7):
                c.number_format = "dd/mm/yyyy"
            if j == 5:
                c.number_format = money
    ws2["A8"] = "Total invoiced so far"
    ws2["E8"] = 1567.75
    ws2["E8"].number_format = money
    ws2["A8"].font = ws2["E8"].font = Font(bold=True)
    ws2["A10"] = "Attendance Allowance (lower rate) awarded from"
    ws2["E10"] = dt.date(2025, 10, 9)
    ws2["E10"].number_format = "d mmmm yyyy"
    ws2["A11"] = "Weekly amount"
    ws2["E11"] = 73.90
    ws2["A12"] = "Paid every 4 weeks into the building society"
    ws2["E12"] = 295.60
    ws2["E11"].number_format = ws2["E12"].number_format = money
    ws2["A13"] = "No council funding - Mum's savings are over the limit, so she pays the full cost."
    ws2["A13"].font = Font(italic=True)
    for col, w in zip("ABCDEFGH", [13, 16, 13, 7, 11, 12, 12, 52]):
        ws2.column_dimensions[col].width = w
    wb.save(os.path.join(OUT, "care_costs_2025.xlsx"))


# ---------------------------------------------------------------- 9. savings rate letter (pdf)
def savings(tmp):
    d = new_doc(size=10.5)
    para(d, "Coombe & District Building Society", bold=True, size=15, space_after=0)
    para(d, "Head Office: 1 The Strand, Barnstead EX31 1AA  ·  01632 960 690", space_after=12)
    para(d, ADDRESS)
    para(d, "20 October 2025", align="right")
    para(d, "Dear Mrs Hollis,")
    para(d, "We're changing the interest rates on some of your savings", bold=True, size=12)
    para(d, "Following the fall in the Bank of England base rate, we are lowering the interest rates on some "
            "of our variable-rate savings accounts. The changes below take effect on 1 December 2025.")
    table(d, [
        ["Account", "Account number", "Balance on 17 Oct 2025", "Rate now (AER, variable)",
         "New rate from 1 Dec 2025 (AER)"],
        ["Coombe Easy Access Saver", "ending 4471", "£18,240.55", "3.40%", "3.15%"],
        ["Coombe Cash ISA (Issue 9)", "ending 2083", "£21,906.12", "4.10%", "3.85%"],
        ["1 Year Fixed Rate Bond (Issue 41)", "ending 5526", "£15,000.00", "4.35% fixed", "No change"],
    ], widths=[4.6, 2.6, 3.2, 3.2, 3.4])
    para(d, "About your fixed rate bond", bold=True)
    para(d, "Your bond is not affected: its rate is fixed until it matures on 9 January 2026. We will write to "
            "you about 14 days before then with your options. If we don't hear from you, the money will be "
            "moved into a Coombe Easy Access Saver on maturity.")
    para(d, "What you can do", bold=True)
    para(d, "You don't need to do anything. If you're not happy with the change, you can close your account or "
            "move your money to another Coombe account without any charge or loss of interest, as long as you "
            "tell us before 31 December 2025. ISA money can be transferred to another provider through their "
            "ISA transfer process - please don't withdraw it yourself or it will lose its tax-free status.")
    para(d, "Interest on the Easy Access Saver is added once a year on 31 March. Interest on the Cash ISA is "
            "paid monthly into your Easy Access Saver.")
    para(d, "Come and see us at 5 Market Street, Sedgecombe (Monday to Friday 9am to 4:30pm, Saturday 9am to "
            "12 noon), or call 01632 960 690.")
    para(d, "Yours sincerely,")
    para(d, "Rachel Hext\nHead of Savings")
    p = os.path.join(tmp, "savings.docx")
    d.save(p)
    to_pdf(p, "savings_rate_change_letter.pdf")


# ---------------------------------------------------------------- 10. boiler service e-mail (eml)
def boiler_email():
    m = EmailMessage()
    m["From"] = "Paul Yeo <paul@yeoheating.co.uk>"
    m["To"] = "Margaret Hollis <peggy.hollis@moormail.co.uk>"
    m["Cc"] = "David Hollis <david.hollis@coldmail.co.uk>"
    m["Date"] = format_datetime(dt.datetime(2025, 10, 7, 16, 52, 3, tzinfo=BST))
    m["Subject"] = "Boiler service today - report and bill"
    m["Message-ID"] = "<20251007165203.77@yeoheating.co.uk>"
    m.set_content("""Hello Mrs Hollis,

Thanks for the tea this morning. As promised, here's the report from today's service
and the bill. David asked me to copy him in.

BOILER SERVICE REPORT - 7 October 2025
Address:          23 Fernlea Avenue, Sedgecombe
Appliance:        Ardent ecoCombi 30 combination boiler (kitchen cupboard)
Serial no.:       AEC30-1741-20866, fitted March 2017
Engineer:         Paul Yeo, Gas Safe registration no. 548213

CHECK                               RESULT
--------------------------------    ------------------------------
Gas inlet working pressure          20.1 mbar (OK)
Combustion CO/CO2 ratio             0.0019 (OK, limit 0.0080)
Flue and terminal                   Sound and clear (PASS)
Condensate trap                     Cleaned, seal replaced
System pressure on arrival          0.7 bar (LOW)
System pressure on leaving          1.3 bar
Expansion vessel                    Recharged to 1.0 bar
Carbon monoxide alarm (kitchen)     Working, expires March 2026
Overall                             Safe to use

NOTES
- The pressure was low when I arrived, which is why the radiators upstairs were slow.
  I've topped it up. It should sit between 1 and 1.5 bar when the heating is cold.
  If it drops below 1 bar again within a month, give me a ring, as there may be a
  small leak somewhere.
- Your carbon monoxide alarm runs out in March 2026. A new one is about £25 - I can
  fit one at the next visit or David could pick one up.
- The boiler is 8 years old and in good order. No need to think about replacing it yet.

BILL
  Annual boiler service            £85.00
  Condensate trap seal             £6.50
  TOTAL                            £91.50

I'm not VAT registered, so that's the lot. The service price has gone up from £80 to
£85 this year, I'm afraid - first rise in three years. You can pay by bank transfer
(P Yeo, sort code 20-41-77, account 60731842, reference HOLLIS) or cash/cheque next
time I'm passing.

Your next service is due in October 2026 - I'll send a reminder.

All the best,
Paul

Paul Yeo Heating & Plumbing
Unit 3, Okement Yard, Sedgecombe EX20 4TT
07700 900 385
""", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "boiler_service_oct_2025.eml"), "wb") as f:
        f.write(bytes(m))


# ---------------------------------------------------------------- 11. gardening newsletter (md)
def newsletter():
    write("gardening_club_newsletter_autumn_2025.md", """# Sedgecombe & District Horticultural Society

## Newsletter - Autumn 2025

*Editor: Jean Ashford, 01632 960 129*

### From the Chair

What a summer! Despite the hosepipe ban in August we had 212 entries at the Autumn Show, our best for
years. A big thank you to everyone who baked, grew, arranged and made tea. It was lovely to see Peggy
Hollis back on her feet (well, on one stick) only four weeks after her new hip, and taking a first prize.

Don Whitlock, Chair

### Autumn Show results (Saturday 13 September)

| Class | First | Second | Third |
|-------|-------|--------|-------|
| 4. Three dahlias, cactus type | Peggy Hollis | Roy Mudge | Ann Tapp |
| 7. Five runner beans | Bill Friend | Roy Mudge | Jean Ashford |
| 12. Heaviest marrow | Roy Mudge (11.4 kg) | Bill Friend | Sue Lang |
| 19. Jar of green tomato chutney | Ann Tapp | Peggy Hollis | Mary Quick |
| 23. Victoria sponge | Mary Quick | Sue Lang | Ann Tapp |
| 31. Photograph: "Autumn colour" | Brian Coombes | Jean Ashford | Don Whitlock |

The **Banksian Medal** for most prize money went to Roy Mudge, and the **Cup for Best in Show** went to
Ann Tapp's chutney.

### Winter talks

All talks are in the Methodist Church Hall, Fore Street, at 7:30pm. Members free, visitors £3.
Tea and biscuits afterwards (50p).

| Date | Talk | Speaker |
|------|------|---------|
| Tuesday 18 November 2025 | Bulbs for every season | Hilary Vosper, Rosemoor volunteer |
| Tuesday 16 December 2025 | No talk - have a good Christmas! | |
| Tuesday 20 January 2026 | Sweet peas from seed to show bench | Roy Mudge |
| Tuesday 17 February 2026 | Gardening when your knees won't let you | Sarah Kellow, occupational therapist |
| Tuesday 17 March 2026 | AGM, then a seed and cutting swap | |

### Trading hut

The trading hut at the allotments (Mill Lane) is open on Sunday mornings, 10am to 12 noon, until
26 October. It is closed from November to the end of February and reopens on Sunday 1 March 2026.

The bulk seed order goes in on 31 January. Order forms are at the November talk, or ask Jean.
Members get 20% off seed catalogue prices.

### Subscriptions for 2026

Membership is **£12 single** or **£18 joint** (two people at the same address) and is due by
31 January 2026. Pay Bill Friend (Treasurer) at any talk, or by bank transfer with your surname as the
reference. Members who pay by the November talk go into a draw for a £20 garden centre voucher.

### Members' recipe: green tomato chutney (Ann Tapp's Best in Show)

Makes about 5 jars.

- 1 kg green tomatoes, chopped
- 500 g cooking apples, peeled and chopped
- 2 onions, chopped
- 250 g sultanas
- 350 g light brown sugar
- 500 ml malt vinegar
- 1 tsp ground ginger, 1 tsp salt, a pinch of cayenne

Put everything in a preserving pan, bring slowly to the boil, stirring until the sugar dissolves.
Simmer uncovered for 1½ to 2 hours, stirring now and then, until thick and a spoon drawn through
leaves a channel. Pot into warm sterilised jars and seal. Leave for at least 6 weeks before eating.

### Help wanted

We need a new Show Secretary from April 2026. Mary Quick is stepping down after eleven years. If you
could help, please speak to Don.
""")


# ---------------------------------------------------------------- 12. e-mail from Helen (eml)
def helen_email():
    plain = """Hi Mum,

Lovely to talk earlier. Here's everything in writing so you don't have to remember it all!

CHRISTMAS
We'll drive down on Sat 20 December and should be with you by about 4pm (traffic
permitting). We'll stay till Saturday 27th, then go on to Mark's parents in Bath for New Year.
Ruby is vegetarian now (she's 15, it's a phase... or not!) so maybe a nut roast as well as the
turkey? I'll bring it. David, Priya and the twins are coming for Christmas lunch on the 25th,
so that's eight of us. Mark will carve.

Please DON'T go up the loft ladder for the decorations. Mark will get them down when we arrive.

YOUR HOSPITAL APPOINTMENT
I can't get the day off on the 12th, sorry, but David says he will take you and wait with you.
He'll pick you up at 9:30. Make sure you take your tablet list.

KEY SAFE
The key safe by the back door is fitted now, so the carers and the ambulance can get in if you
can't get to the door. I'll tell you the code on the phone - I'm not putting it in an email.

OTHER BITS
- My new mobile number is 07700 900 462 (the old one stops working at the end of the month).
- Ruby's birthday is on 3 December - she'd love a book token if you're stuck.
- Have you sent your gardening club subs yet? You said you wanted to get in the draw.
- Don't forget the flu jab - the surgery said Saturday 8 November for over-75s.

Love you lots,
Helen xx

On Sun, 19 Oct 2025 at 18:12, Margaret Hollis <peggy.hollis@moormail.co.uk> wrote:
> Dear Helen, when are you coming at Christmas? I need to order the turkey from Luxtons
> by 1 December. Love Mum
"""
    html = "<html><body>" + "".join(
        f"<p>{p.replace(chr(10), '<br>')}</p>" for p in plain.split("\n\n")) + "</body></html>"
    m = EmailMessage()
    m["From"] = "Helen Marsden <helen.marsden@coldmail.co.uk>"
    m["To"] = "Mum <peggy.hollis@moormail.co.uk>"
    m["Cc"] = "David Hollis <david.hollis@coldmail.co.uk>"
    m["Date"] = format_datetime(dt.datetime(2025, 10, 26, 20, 5, 41, tzinfo=GMT))
    m["Subject"] = "Christmas plans + the 12th"
    m["Message-ID"] = "<CAF3k9Zq8Hmarsden1026xmas@mail.coldmail.co.uk>"
    m["In-Reply-To"] = "<5E1A09C2.peggy1019@moormail.co.uk>"
    m.set_content(plain, charset="utf-8", cte="quoted-printable")
    m.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "email_helen_christmas.eml"), "wb") as f:
        f.write(bytes(m))


# ---------------------------------------------------------------- 13. walking group (pptx)
def walking():
    prs = folder_kit.new_deck()
    bullets = partial(folder_kit.bullets, prs)

    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Sedgecombe U3A Gentle Strollers"
    s.placeholders[1].text = "Winter programme, November 2025 to February 2026\nPresented by Brian Coombes, walks coordinator"

    bullets("How it works", [
        "Walks are every other Thursday, starting at 10:00am; 2 to 4 miles, on paths and lanes",
        "Please wear proper shoes or boots; walking poles welcome",
        "£1 donation each walk towards the tea fund",
        "If the Met Office issues an amber warning, the walk is off - your leader will phone you by 8:30am",
        "New members: you must belong to Sedgecombe U3A (£15 a year)",
    ])

    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "The walks"
    data = [
        ["Date", "Walk", "Meet at", "Distance", "Leader"],
        ["Thu 6 Nov", "Canal towpath to Higher Lock", "Canal Wharf car park", "3 miles", "Brian Coombes"],
        ["Thu 20 Nov", "Sedgecombe Woods circular", "Church Lane lay-by", "2.5 miles", "Sue Lang"],
        ["Thu 4 Dec", "Christmas lights town trail, with mince pies", "Market Cross", "2 miles", "Sue Lang"],
        ["Thu 18 Dec", "No walk - Christmas lunch at The Plough, 12:30pm", "The Plough, Fore Street", "-", "-"],
        ["Thu 8 Jan", "Riverside path to Barton Mill", "Bridge Street car park", "3.5 miles", "Don Whitlock"],
        ["Thu 22 Jan", "Old railway line to Lower Combe", "Station Road car park", "4 miles", "Brian Coombes"],
        ["Thu 5 Feb", "Park and lake loop (flat, good for new hips!)", "Victoria Park gates", "2 miles",
         "Mary Quick"],
        ["Thu 19 Feb", "Snowdrop walk, Coombe Barton gardens", "Coombe Barton entrance", "2.5 miles", "Sue Lang"],
    ]
    shape = s.shapes.add_table(len(data), 5, Inches(0.5), Inches(1.5), Inches(12.3), Inches(5.2))
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            cell = shape.table.cell(i, j)
            cell.text = v
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = PPt(15)

    bullets("Christmas lunch - Thursday 18 December", [
        "The Plough, Fore Street, 12:30pm: two courses and coffee, £24.50 a head",
        "Book with Sue Lang by Friday 28 November and pay a £10 deposit",
        "Menu choices on the sheet going round today",
    ])
    bullets("Contacts", [
        "Walks coordinator: Brian Coombes, 07700 900 731",
        "Sue Lang (bookings and Christmas lunch): 07700 900 284",
        "Coombe Barton gardens charge £4 entry on 19 Feb (free for National Trust members)",
    ])
    prs.save(os.path.join(OUT, "walking_group_winter_2025-26.pptx"))


# ---------------------------------------------------------------- 14. bus timetable (csv)
def bus():
    out = [
        ["Route 38: Sedgecombe - Barnstead General Hospital", "", "", "", "", "", "", ""],
        ["Monday to Saturday (not Sundays or bank holidays). Operated by Moorland Coaches. Times from 1 September 2025",
         "", "", "", "", "", "", ""],
        ["Towards Barnstead", "", "", "", "", "", "", ""],
        ["Stop", "", "", "", "", "", "", ""],
        ["Sedgecombe, Market Cross", "07:05", "08:20", "09:35", "10:50", "12:05", "13:50", "15:35"],
        ["Sedgecombe, Fernlea Avenue shops", "07:12", "08:27", "09:42", "10:57", "12:12", "13:57", "15:42"],
        ["Lower Combe, Post Office", "07:21", "08:36", "09:51", "11:06", "12:21", "14:06", "15:51"],
        ["Barton Cross", "07:33", "08:48", "10:03", "11:18", "12:33", "14:18", "16:03"],
        ["Barnstead, Bus Station", "07:52", "09:07", "10:22", "11:37", "12:52", "14:37", "16:22"],
        ["Barnstead General Hospital, main entrance", "07:59", "09:14", "10:29", "11:44", "12:59", "14:44", "16:29"],
        [],
        ["Towards Sedgecombe", "", "", "", "", "", "", ""],
        ["Stop", "", "", "", "", "", "", ""],
        ["Barnstead General Hospital, main entrance", "08:10", "09:25", "11:00", "12:15", "13:30", "15:00", "17:45"],
        ["Barnstead, Bus Station", "08:18", "09:33", "11:08", "12:23", "13:38", "15:08", "17:53"],
        ["Barton Cross", "08:37", "09:52", "11:27", "12:42", "13:57", "15:27", "18:12"],
        ["Lower Combe, Post Office", "08:49", "10:04", "11:39", "12:54", "14:09", "15:39", "18:24"],
        ["Sedgecombe, Fernlea Avenue shops", "08:58", "10:13", "11:48", "13:03", "14:18", "15:48", "18:33"],
        ["Sedgecombe, Market Cross", "09:05", "10:20", "11:55", "13:10", "14:25", "15:55", "18:40"],
        [],
        ["Notes", "", "", "", "", "", "", ""],
        ["Older person's bus passes are valid after 09:30 Monday to Friday and all day Saturday.", "", "", "", "", "", "", ""],
        ["The 15:35 from Market Cross does not run on Saturdays.", "", "", "", "", "", "", ""],
        ["Single fare Sedgecombe to the hospital £3.00, day return £5.20.", "", "", "", "", "", "", ""],
        ["Moorland Coaches enquiries 01632 960 861.", "", "", "", "", "", "", ""],
    ]
    # journey numbers as the header of each block
    for i, r in enumerate(out):
        if r[:1] == ["Stop"]:
            out[i] = ["Stop"] + [f"Journey {k}" for k in range(1, 8)]
    with open(os.path.join(OUT, "bus_timetable_route_38.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(out)


# ---------------------------------------------------------------- 15. will summary (docx)
def will():
    d = new_doc(size=10.5)
    para(d, "TRELAWNEY & PRICE", bold=True, size=16, space_after=0)
    para(d, "Solicitors  ·  8 Chapel Street, Sedgecombe EX20 4JN  ·  01632 960 471", space_after=12)
    para(d, ADDRESS)
    para(d, "Our ref: TP/HOL/2241/JT", space_after=0)
    para(d, "3 March 2025", align="right")
    para(d, "Dear Mrs Hollis,")
    para(d, "Your new Will - summary", bold=True, size=12)
    para(d, "Thank you for coming in on 27 February 2025 to sign your new Will. As promised, here is a plain "
            "English summary of what it says. It is only a summary: the signed Will is the document that counts.")
    table(d, [
        ["Date signed", "27 February 2025, witnessed by Joanna Trelawney and Lucy Blatchford of this firm"],
        ["Executors", "Your daughter Helen Marsden and your son David Hollis, acting together"],
        ["Substitute executor", "Trelawney & Price, if either Helen or David cannot act"],
        ["Previous wills", "All earlier wills are cancelled"],
        ["Funeral wishes", "Cremation, with a service at St Petroc's Church, Sedgecombe"],
        ["Where the original is kept", "In our strongroom. You have an unsigned copy."],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "Gifts", bold=True, size=12)
    table(d, [
        ["Gift", "To"],
        ["Your diamond engagement ring", "Helen Marsden"],
        ["Alan's gold Omega watch", "David Hollis"],
        ["£1,500 each", "Your four grandchildren: Ruby and Tom Marsden, Isla and Finn Hollis"],
        ["£1,000", "Moorland Air Ambulance Trust"],
        ["£250", "Sedgecombe & District Horticultural Society"],
        ["Everything else (the residue)", "Helen and David in equal shares"],
    ], widths=[6.0, 11.0])
    para(d, "If Helen or David dies before you, their share of the residue passes to their own children in "
            "equal shares. Gifts to grandchildren under 18 will be held by your executors until they reach 18.")
    para(d, "Lasting Powers of Attorney", bold=True, size=12)
    para(d, "Your two Lasting Powers of Attorney (Property and Financial Affairs, and Health and Welfare) were "
            "sent to the Office of the Public Guardian for registration on 3 March 2025. Your attorneys are "
            "Helen and David, who can act together or separately. We expect registration to take around "
            "16 weeks, and we will send you the registered documents when they come back.")
    para(d, "Our charges", bold=True, size=12)
    table(d, [
        ["Work", "Fee"],
        ["Will (single)", "£450.00 plus VAT (£540.00)"],
        ["Two Lasting Powers of Attorney", "£700.00 plus VAT (£840.00)"],
        ["Office of the Public Guardian registration fees (2 x £82)", "£164.00 (no VAT)"],
        ["Total, paid 27 February 2025 with thanks", "£1,544.00"],
    ], widths=[11.0, 6.0], bold_last=True)
    para(d, "Please review your Will every five years, or sooner if your circumstances change (for example a "
            "death in the family, or selling your home). Do not write on or staple anything to the copy.")
    para(d, "Yours sincerely,")
    para(d, "Joanna Trelawney\nPartner, Private Client")
    d.save(os.path.join(OUT, "will_summary_trelawney_price.docx"))


# ---------------------------------------------------------------- 16. medication notes (txt)
def med_notes():
    write("my_tablets.txt", """MY TABLETS - WHAT TO TAKE AND WHEN
(typed by David from Mum's list, updated 20 Oct 2025 - keep by the kettle)

EVERY DAY

TIME       TABLET                    HOW MUCH           WHAT IT'S FOR     NOTES
---------  ------------------------  -----------------  ----------------  ------------------------------
7:00am     Levothyroxine             1 x 75mcg          thyroid           water only, empty stomach
8:00am     Amlodipine                1 x 5mg            blood pressure    with breakfast
1:00pm     Adcal-D3                  1 chewed           bones             with lunch
6:00pm     Adcal-D3                  1 chewed           bones             with tea
10:00pm    Ramipril                  1 x 2.5mg          blood pressure    at bedtime
10:00pm    Atorvastatin              1 x 20mg           cholesterol       at bedtime
10:00pm    Latanoprost eye drops     1 drop each eye    glaucoma          wait 5 min before bed

MONDAYS ONLY - the bone tablet (alendronic acid 70mg)
  1. Take it as soon as you get up, BEFORE the thyroid tablet, with a full glass of tap water.
  2. Sit or stand up for 30 minutes - don't lie back down.
  3. Then the levothyroxine, and nothing else to eat or drink for another 30 minutes.
  4. If you forget on a Monday, take it on Tuesday morning, then back to Mondays.

WHEN NEEDED
  - Paracetamol 500mg: 2 tablets, up to 4 times a day. At least 4 hours between doses.
    No more than 8 tablets in 24 hours.
  - Don't take ibuprofen or anything else from the chemist without asking the pharmacist -
    it doesn't mix with the blood pressure tablets.

DON'T MIX
  - Keep the Adcal at least 4 hours away from the levothyroxine (calcium stops it working).
  - No grapefruit juice (atorvastatin and amlodipine).

ORDERING
  - Order on the NHS App, at least 2 working days before you run out.
  - The blood pressure tablets (amlodipine and ramipril) run out on 3 Nov - order by Mon 27 Oct.
  - Levothyroxine and Adcal were done in September - next order mid-November.
  - Fore Street Pharmacy delivers Tuesdays and Fridays.

COMING UP
  - Blood test at the surgery: Tue 4 Nov, 9:10am, with Nurse Karen Pook (thyroid and kidneys).
    Don't take the levothyroxine until AFTER the test - take it with you.
  - Flu jab: Sat 8 Nov, surgery clinic, any time 9am-12.
  - Hip clinic at Barnstead: Wed 12 Nov - take THIS LIST with you.

BLOOD PRESSURE READINGS (for Dr Mehta - sitting down, before breakfast)
  Target: under 140/90

  DATE       READING    PULSE
  13/10      142/86     72
  15/10      138/84     70
  17/10      136/82     68
  20/10      139/85     71
""")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    with tempfile.TemporaryDirectory(prefix="own_folder_3_") as tmp:
        pension(tmp)
        hospital(tmp)
        council_tax(tmp)
        home_insurance(tmp)
        savings(tmp)
    prescriptions()
    energy()
    travel_insurance()
    care_costs()
    boiler_email()
    newsletter()
    helen_email()
    walking()
    bus()
    will()
    med_notes()
    total = 0
    for name in sorted(os.listdir(OUT)):
        size = os.path.getsize(os.path.join(OUT, name))
        total += size
        print(f"{size:8d}  {name}")
    print(f"{total:8d}  total")


if __name__ == "__main__":
    main()
