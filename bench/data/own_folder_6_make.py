"""Generate bench/data/own_folder_6/: the documents of a self-employed electrician who looks after his mum's affairs.

Darren (Daz) Kowalczyk, 44, a sole-trader electrician (DK Electrical Services) in the Construction Industry
Scheme, who separated from his partner Nicola (Nic) Barnes in 2024 and now rents a two-bedroom flat at Flat 2,
Mercer Court, Drayholt, has his children Ellie (13, Year 9) and Oscar (9) at weekends, leases his van, and acts
for his mum Irena (79, now in a care home) under a lasting power of attorney (all fictional: the towns,
postcodes, people, contractors, lessor, insurers, scheme, wholesaler, care home, pension scheme, school,
mediation service and accountant; phone numbers in Ofcom's drama ranges 01632 960xxx, 0113 496 0xxx,
0115 496 0xxx, 0808 157 0xxx and 07700 900xxx; National Insurance number with HMRC's example QQ prefix).
The documents are from spring 2024 to autumn 2025. UK conventions throughout (GBP, day-month dates).

Run with /work/main/.venv/bin/python (python-docx, openpyxl, python-pptx) and LibreOffice (`soffice`)
on PATH, which turns the .docx / .html drafts of the PDF documents into real text PDFs.

    /work/main/.venv/bin/python bench/data/own_folder_6_make.py

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
OUT = os.path.join(HERE, "own_folder_6")
BST = dt.timezone(dt.timedelta(hours=1))


# ---------------------------------------------------------------- helpers
to_pdf = partial(folder_kit.to_pdf, out=OUT)
write = partial(folder_kit.write, out=OUT)


def money(v):
    return f"£{v:,.2f}"


DAZ = "Mr Darren Kowalczyk"
FLAT = "Flat 2, Mercer Court, 17 Tanyard Road, Drayholt DV2 6LS"
OLD_HOME = "14 Lowther Street, Drayholt DV3 5HB"          # the family home, where Nic and the kids still live
MUM = "Mrs Irena Kowalczyk"

# the van: lease payments that the spreadsheet repeats
VAN_NET = 389.99
VAN_VAT = round(VAN_NET * 0.20, 2)
VAN_GROSS = round(VAN_NET + VAN_VAT, 2)
INIT_NET = round(6 * VAN_NET, 2)
INIT_VAT = round(INIT_NET * 0.20, 2)
assert (VAN_VAT, VAN_GROSS, INIT_NET, INIT_VAT) == (78.00, 467.99, 2339.94, 467.99)

# CIS: Harwood & Pryce's payments in tax month 3 (6 June to 5 July 2025)
CIS_ROWS = [  # date paid, site / work, their ref, gross, materials
    ("13/06/2025", "Orchard Rise\nplots 14-16, first fix", "HP-PO-5521", 2840.00, 640.00),
    ("27/06/2025", "Orchard Rise\nplots 17-19, first fix", "HP-PO-5538", 3115.00, 415.00),
    ("04/07/2025", "Orchard Rise\nplots 14-16, second fix", "HP-PO-5560", 1960.00, 210.00),
]
CIS_M3 = dict(gross=sum(r[3] for r in CIS_ROWS), mat=sum(r[4] for r in CIS_ROWS))
CIS_M3["liable"] = CIS_M3["gross"] - CIS_M3["mat"]
CIS_M3["ded"] = round(CIS_M3["liable"] * 0.20, 2)
CIS_M3["net"] = CIS_M3["gross"] - CIS_M3["ded"]
assert (CIS_M3["gross"], CIS_M3["liable"], CIS_M3["ded"], CIS_M3["net"]) == (7915.00, 6650.00, 1330.00, 6585.00)

# mum's care home fees
WEEK_FEE = 1162.00
DAY_FEE = round(WEEK_FEE / 7, 2)
assert DAY_FEE == 166.00
CARE_OCT = round(31 * DAY_FEE + 2 * 16.50 + 28.00 + 14.30, 2)
assert CARE_OCT == 5221.30

# mum's pension from her late husband's scheme, two years side by side
P24, P25 = 4774.20, 4926.96
assert (round(P24 / 12, 2), round(P25 / 12, 2)) == (397.85, 410.58)


# ---------------------------------------------------------------- 1. van lease agreement (pdf, label/value box)
def van_lease(tmp):
    d = new_doc(size=9.5)
    para(d, "REDMARSH CONTRACT HIRE", bold=True, size=16, space_after=0)
    para(d, "Redmarsh Contract Hire Ltd  ·  Unit 4, Kestrel Park, Netherfold NX1 3TB  ·  0113 496 0721  ·  "
            "accounts@redmarsh.example", space_after=8)
    para(d, "BUSINESS CONTRACT HIRE AGREEMENT", bold=True, size=13, align="center")
    para(d, "Regulated by the Consumer Credit Act 1974 where the hirer is a sole trader", italic=True,
         align="center", size=8.5)
    para(d, "Key information", bold=True, size=11)
    table(d, [
        ["Agreement number", "RCH-208814"],
        ["Hirer", "Darren Kowalczyk trading as DK Electrical Services (sole trader)"],
        ["Hirer's address", OLD_HOME],
        ["Vehicle", "Halden Cargo 280 L2H2 2.0 130PS panel van, white, new"],
        ["Registration", "DV24 KWZ"],
        ["Type of agreement", "Business contract hire: you will not own the vehicle and there is no option to buy it"],
        ["Term", "48 months from the delivery date, 12/04/2024, to 11/04/2028"],
        ["Annual mileage allowance", "15,000 miles (60,000 miles over the term)"],
        ["Excess mileage charge", "9.2p per mile plus VAT for every mile over 60,000"],
        ["Initial rental", "£2,339.94 plus VAT (six monthly rentals in advance)"],
        ["Monthly rental", "£389.99 plus VAT (£467.99 including VAT), 47 payments by Direct Debit"],
        ["Maintenance", "Not included: servicing, tyres and repairs are the hirer's responsibility"],
        ["Road tax", "Included for the whole term"],
        ["Breakdown cover", "Included: Redmarsh Assist, 0808 157 0219 (24 hours)"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "Payment schedule", bold=True, size=11)
    monthly_total = round(47 * VAN_NET, 2)
    grand = round(INIT_NET + 180.00 + monthly_total, 2)
    assert (monthly_total, grand) == (18329.53, 20849.47)
    table(d, [
        ["Payment", "Due", "Net", "VAT", "Total"],
        ["Initial rental (6 x monthly rental)", "12/04/2024", money(INIT_NET), money(INIT_VAT),
         money(INIT_NET + INIT_VAT)],
        ["Documentation fee", "12/04/2024", "£180.00", "£36.00", "£216.00"],
        ["Monthly rentals 1 to 47", "12th of each month, 12/05/2024 to 12/03/2028", money(VAN_NET),
         money(VAN_VAT), money(VAN_GROSS)],
        ["Total payable over the agreement (before VAT)", "", money(grand), "", ""],
    ], widths=[5.8, 5.2, 2.2, 1.8, 2.0], bold_last=True)
    para(d, "Your responsibilities", bold=True, size=11)
    for t in [
        "Insure the van fully comprehensively for business use from the delivery date, with Redmarsh Contract Hire "
        "Ltd noted on the policy as the owner, and send us the certificate each year.",
        "Have the van serviced at the intervals in the handbook (every 12 months or 18,000 miles, whichever "
        "comes first) by a VAT-registered garage, and keep the stamped service record.",
        "You may fit racking, a roof rack and signwriting. They must be removed before the van goes back and any "
        "holes or marks made good, or we will charge for the repair.",
        "Tell us within 14 days if you change your address, your bank or the way you trade.",
        "Do not take the van abroad for more than 30 days a year without asking us first.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Ending the agreement early", bold=True, size=11)
    para(d, "You can end the agreement at any time by writing to us and returning the van. If you do, you must "
            "pay 50% of the rentals still to pay, plus any excess mileage and damage charges. Under the Consumer "
            "Credit Act you may instead have the right to end it after 18 months by paying any arrears and half "
            "of what would have been due.")
    para(d, "When the van comes back", bold=True, size=11)
    para(d, "We will collect the van from your address on or after 11/04/2028. It will be inspected against our "
            "Fair Wear and Tear Guide and any damage beyond fair wear and tear will be charged at our published "
            "rates. Both keys, the service record and the locking wheel nut key must be returned with it.")
    para(d, "Signed by the hirer: D. Kowalczyk, 9 April 2024        Signed for Redmarsh: Amy Holroyd, "
            "Business Accounts Manager", size=8.5)
    p = os.path.join(tmp, "van_lease.docx")
    d.save(p)
    to_pdf(p, "van_lease_agreement_redmarsh.pdf")


# ---------------------------------------------------------------- 2. CIS statement (pdf, transactions table)
def cis_statement(tmp):
    d = new_doc(size=9.5)
    para(d, "HARWOOD & PRYCE CONSTRUCTION LTD", bold=True, size=15, space_after=0)
    para(d, "88 Foundry Road, Netherfold NX2 8PL  ·  0113 496 0448  ·  subcontracts@harwoodpryce.example",
         space_after=6)
    para(d, "CIS PAYMENT AND DEDUCTION STATEMENT", bold=True, size=13, align="right")
    table(d, [
        ["Contractor", "Subcontractor"],
        ["Harwood & Pryce Construction Ltd\nEmployer's reference: 475/HA22917\nAccounts Office reference: "
         "475PA00229171\nStatement date: 07/07/2025",
         "Darren Kowalczyk (DK Electrical Services)\nUnique Taxpayer Reference: 73104 58826\nVerification number: "
         "V8840271633\nRate of deduction: 20% (registered, net payment)"],
    ], widths=[8.5, 8.5])
    para(d, "Tax month 3: 6 June 2025 to 5 July 2025", bold=True, size=11)
    rows = [["Date paid", "Site and work", "Our ref", "Gross amount", "Materials", "Liable to deduction",
             "CIS deducted", "Net paid"]]
    for date, site, ref, gross, mat in CIS_ROWS:
        ded = round((gross - mat) * 0.20, 2)
        rows.append([date, site, ref, money(gross), money(mat), money(gross - mat), money(ded), money(gross - ded)])
    rows.append(["Totals", "", "", money(CIS_M3["gross"]), money(CIS_M3["mat"]), money(CIS_M3["liable"]),
                 money(CIS_M3["ded"]), money(CIS_M3["net"])])
    table(d, rows, widths=[2.0, 3.6, 2.0, 1.9, 1.7, 1.9, 1.9, 1.9], bold_last=True, size=8)
    para(d, "Summary for this tax month", bold=True, size=11)
    table(d, [
        ["Gross amount paid (excluding VAT)", money(CIS_M3["gross"])],
        ["Less cost of materials", money(CIS_M3["mat"])],
        ["Amount liable to deduction", money(CIS_M3["liable"])],
        ["Amount deducted", money(CIS_M3["ded"])],
        ["Amount payable to you", money(CIS_M3["net"])],
    ], header=False, widths=[11.0, 6.0], bold_first_col=True)
    para(d, "Your statements this tax year", bold=True, size=11)
    ytd = [("6 Apr to 5 May 2025", 5630.00, 1220.00), ("6 May to 5 Jun 2025", 5875.00, 875.00),
           ("6 Jun to 5 Jul 2025", CIS_M3["gross"], CIS_M3["mat"])]
    yrows = [["Tax month", "Gross paid", "Materials", "CIS deducted", "Net paid"]]
    tot = [0.0, 0.0, 0.0, 0.0]
    for name, g, m in ytd:
        ded = round((g - m) * 0.20, 2)
        vals = [g, m, ded, g - ded]
        tot = [a + b for a, b in zip(tot, vals)]
        yrows.append([name] + [money(v) for v in vals])
    yrows.append(["Tax year to date"] + [money(v) for v in tot])
    assert [round(v, 2) for v in tot] == [19420.00, 3360.00, 3212.00, 16208.00], tot
    table(d, yrows, widths=[4.5, 3.2, 3.0, 3.2, 3.1], bold_last=True)
    para(d, "Please keep this statement: you will need it for your Self Assessment tax return. The amounts "
            "deducted have been paid to HMRC under our employer's reference. Materials are only treated as "
            "materials if the cost is shown separately on your application for payment.", size=8.5)
    para(d, "Retention: 2.5% of the labour on plots 14-19 is held until practical completion and released 12 "
            "months later. Queries to Lorraine Pryce, Subcontract Accounts, 0113 496 0448 (Monday to Thursday).",
         size=8.5)
    p = os.path.join(tmp, "cis_statement.docx")
    d.save(p)
    to_pdf(p, "cis_statement_harwood_pryce_july_2025.pdf")


# ---------------------------------------------------------------- 3. care home invoice (pdf from html)
def care_invoice(tmp):
    html = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Larchfield House invoice</title>
<style>
 body {{ font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; }}
 table {{ border-collapse: collapse; width: 100%; margin-bottom: 10px; }}
 th, td {{ border: 1px solid #666; padding: 3px 5px; text-align: left; vertical-align: top; }}
 th {{ background: #e8e2d4; }}
</style></head>
<body>
<h1>Larchfield House</h1>
<p>Residential care for older people &middot; Larchfield Care Ltd, 2 Church Walk, Netherfold NX3 4DE &middot;
0115 496 0632 &middot; accounts@larchfieldhouse.example</p>
<h2>Invoice</h2>
<table>
<tr><th>Invoice number</th><td>LH-2510-0377</td></tr>
<tr><th>Invoice date</th><td>01/10/2025</td></tr>
<tr><th>Period</th><td>1 October 2025 to 31 October 2025 (billed monthly in advance)</td></tr>
<tr><th>Resident</th><td>{MUM}, Room 14, Rowan wing</td></tr>
<tr><th>Resident account</th><td>LCH-0377</td></tr>
<tr><th>Funding</th><td>Private (self-funded)</td></tr>
<tr><th>Invoice sent to</th><td>{DAZ}, attorney for {MUM}, {FLAT}</td></tr>
</table>
<h2>Charges</h2>
<table>
<tr><th>Description</th><th>Quantity</th><th>Rate</th><th>Amount</th></tr>
<tr><td>Residential care fee, 1 to 31 October 2025</td><td>31 days</td><td>&pound;166.00 a day
(&pound;1,162.00 a week)</td><td>&pound;5,146.00</td></tr>
<tr><td>Hairdressing (Tue 16 Sep and Tue 30 Sep)</td><td>2</td><td>&pound;16.50</td><td>&pound;33.00</td></tr>
<tr><td>Chiropody (Thu 18 Sep)</td><td>1</td><td>&pound;28.00</td><td>&pound;28.00</td></tr>
<tr><td>Daily newspaper, September</td><td>1</td><td>&pound;14.30</td><td>&pound;14.30</td></tr>
<tr><td><b>Total due</b></td><td></td><td></td><td><b>{money(CARE_OCT)}</b></td></tr>
</table>
<p><b>Please pay by Tuesday 7 October 2025</b> by bank transfer to Larchfield Care Ltd, sort code 30-96-12,
account 40918826, quoting reference LCH-0377.</p>
<h2>Your account</h2>
<table>
<tr><th>Date</th><th>Item</th><th>Amount</th></tr>
<tr><td>08/09/2025</td><td>Deposit on admission (two weeks' fees), held until the end of the stay</td>
<td>&pound;2,324.00</td></tr>
<tr><td>08/09/2025</td><td>Fees 8 to 30 September 2025 (23 days)</td><td>&pound;3,818.00</td></tr>
<tr><td>12/09/2025</td><td>Payment received, thank you</td><td>&pound;6,142.00</td></tr>
<tr><td>30/09/2025</td><td>Balance</td><td>&pound;0.00</td></tr>
</table>
<h2>Notes</h2>
<ul>
<li>Weekly fees are reviewed every April. We will give you at least 28 days' written notice of any change.</li>
<li>Extras (hairdresser, chiropodist, newspapers, outings) are charged in arrears on the next invoice.</li>
<li>Either side may end the agreement with 28 days' written notice.</li>
<li>Mrs Kowalczyk's personal spending money is kept in the office safe; the balance is on the statement
 in the residents' lounge and can be checked with the administrator at any time.</li>
</ul>
<p>Questions about this invoice: Denise Akers, Administrator, 0115 496 0632 (Monday to Friday 9am to 4pm).</p>
</body></html>
"""
    assert round(23 * DAY_FEE, 2) == 3818.00 and 2324.00 + 3818.00 == 6142.00
    p = os.path.join(tmp, "care_invoice.html")
    with open(p, "w", encoding="utf-8") as f:
        f.write(html)
    to_pdf(p, "larchfield_house_invoice_october_2025.pdf")


# ---------------------------------------------------------------- 4. mum's pension letter (pdf, two years side by side)
def pension_letter(tmp):
    d = new_doc(size=10)
    para(d, "Ostrander Engineering Pension Scheme", bold=True, size=16, space_after=0)
    para(d, "Administered by Calverley Pensions Administration  ·  PO Box 5512, Netherfold NX9 1AP  ·  "
            "0115 496 0384 (Monday to Friday 9am to 5pm)", space_after=10)
    para(d, f"{DAZ}\nAttorney for {MUM}\nFlat 2, Mercer Court\n17 Tanyard Road\nDrayholt DV2 6LS", space_after=6)
    para(d, "2 September 2025", align="right")
    para(d, "Our reference: OEP/041187/D  ·  Member: Mrs Irena Kowalczyk (widow's pension after the late "
            "Mr Tadeusz Kowalczyk)", bold=True)
    para(d, "Dear Mr Kowalczyk,")
    para(d, "Lasting power of attorney", bold=True, size=11)
    para(d, "Thank you for sending us the lasting power of attorney for property and financial affairs made by "
            "your mother, registered by the Office of the Public Guardian on 14 July 2025. We have added it to "
            "her record. You and your sister, Mrs Katarzyna Nowak, are her attorneys and may act jointly and "
            "severally, so either of you can deal with us on your own from now on.")
    para(d, "As you asked, we have changed Mrs Kowalczyk's address to Larchfield House, 2 Church Walk, Netherfold "
            "NX3 4DE, and we will send all letters to you. Her pension will still be paid to her account with "
            "Netherfold Building Society (account ending 4471).")
    para(d, "Her pension this year and last year", bold=True, size=11)
    table(d, [
        ["", "2024/25 (6 April 2024 to 5 April 2025)", "2025/26 (from 6 April 2025)"],
        ["Yearly pension before tax", money(P24), money(P25)],
        ["Monthly pension before tax", money(P24 / 12), money(P25 / 12)],
        ["Tax code", "BR", "BR"],
        ["Tax taken off each month", "£79.57", "£82.11"],
        ["Paid into her account each month", "£318.28", "£328.47"],
    ], widths=[5.5, 5.8, 5.7])
    assert round(P24 / 12 - 79.57, 2) == 318.28 and round(P25 / 12 - 82.11, 2) == 328.47
    para(d, "The pension went up by 3.2% on 6 April 2025, in line with the scheme rules (the increase each year "
            "follows inflation, up to a maximum of 5%). We will write in March 2026 with the increase for 2026/27.")
    para(d, "Pension payments are made on the 28th of each month, or on the working day before if the 28th is a "
            "weekend or bank holiday. The next payment is on Friday 26 September 2025.")
    para(d, "Tax", bold=True, size=11)
    para(d, "HMRC have told us to use tax code BR, which takes 20% tax from every pound of this pension because "
            "her personal allowance is used against her State Pension. If you think the tax code is wrong, please "
            "contact HMRC, not us: they will tell us if it changes. We will send her P60 for 2025/26 to you in "
            "May 2026.")
    para(d, "If anything changes", bold=True, size=11)
    for t in [
        "Please tell us straight away if your mother's bank account changes.",
        "If she dies, please ring us on 0115 496 0384: no further pension is payable after her death, and any "
        "payment made for the days after it will have to be repaid.",
        "We may ask you once a year to confirm that Mrs Kowalczyk is still living (a 'proof of existence' check).",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Yours sincerely,")
    para(d, "Gavin Thorley\nPensioner Payroll Team, Calverley Pensions Administration")
    p = os.path.join(tmp, "pension_letter.docx")
    d.save(p)
    to_pdf(p, "ostrander_pension_letter_2025.pdf")


# ---------------------------------------------------------------- 5. public liability schedule (pdf)
def public_liability(tmp):
    d = new_doc(size=10)
    para(d, "Castleway Trade Insurance", bold=True, size=16, space_after=0)
    para(d, "Insurance for trades and small contractors  ·  Castleway Trade Insurance is a trading name of "
            "Castleway Underwriting Ltd", italic=True, space_after=8)
    para(d, "SCHEDULE: TRADESPERSON'S LIABILITY AND TOOLS", bold=True, size=13, align="center")
    table(d, [
        ["Policy number", "CTI-PL-4471906"],
        ["Insured", "Darren Kowalczyk trading as DK Electrical Services"],
        ["Address", FLAT],
        ["Business description", "Electrician: domestic and light commercial installation, testing and repair. "
                                 "No work on railways, airports, offshore or at heights above 15 metres."],
        ["Employees", "None (sole trader, no labour-only subcontractors)"],
        ["Period of insurance", "01/06/2025 to 31/05/2026"],
        ["Premium", "£318.66 including Insurance Premium Tax, paid by card on 28/05/2025 (last year £296.40)"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "Your cover", bold=True, size=12)
    table(d, [
        ["Section", "Limit of indemnity", "Excess"],
        ["Public liability: injury to other people", "£2,000,000 any one event", "Nil"],
        ["Public liability: damage to other people's property", "£2,000,000 any one event", "£250"],
        ["Damage caused by work involving heat (soldering, hot air guns)", "Included, heat conditions apply",
         "£1,000"],
        ["Products liability", "£2,000,000 in total in the period", "£250"],
        ["Employers' liability", "Not covered (no employees)", "-"],
        ["Tools and equipment (on site or in a locked van)", "£3,000 any one claim, £750 any one item", "£100"],
        ["Contract works (the work in progress)", "Not covered", "-"],
        ["Legal expenses", "£100,000", "Nil"],
    ], widths=[8.0, 6.0, 3.0])
    para(d, "Conditions you must keep to", bold=True, size=12)
    for t in [
        "All installation work must be tested and certified to the current edition of BS 7671, and you must keep "
        "copies of the certificates for at least 6 years.",
        "Work involving heat: clear or protect anything that could catch fire within 2 metres, keep a working fire "
        "extinguisher with you, and check the area for at least 30 minutes after finishing.",
        "Tools left in a van overnight are only covered if the van is locked, the windows closed and it is parked "
        "at your home address or in a locked building. Theft must be reported to the police within 24 hours.",
        "Tell us before you take on any employee or labour-only subcontractor.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Making a claim", bold=True, size=12)
    para(d, "Call 0808 157 0655 (Monday to Friday 8am to 8pm, Saturday 9am to 1pm) with your policy number. "
            "Do not admit liability or agree to pay for any damage before speaking to us.")
    para(d, "Your certificate of public liability insurance is enclosed. Your competent person scheme may ask you "
            "for a copy.", italic=True, size=8.5)
    p = os.path.join(tmp, "public_liability.docx")
    d.save(p)
    to_pdf(p, "public_liability_schedule_2025-26.pdf")


# ---------------------------------------------------------------- 6. tenancy agreement (docx)
def tenancy():
    d = new_doc(size=10)
    para(d, "PILLING & SHAW LETTINGS", bold=True, size=15, space_after=0)
    para(d, "3 Market Place, Drayholt DV1 2AA  ·  01632 960 218  ·  lettings@pillingshaw.example", space_after=10)
    para(d, "ASSURED SHORTHOLD TENANCY AGREEMENT", bold=True, size=13, align="center")
    para(d, "This agreement is dated 24 October 2024 and is made between the Landlord and the Tenant named below.")
    para(d, "1. Particulars", bold=True, size=11)
    table(d, [
        ["The Property", FLAT + ": a two-bedroom first-floor flat, unfurnished, with allocated parking space "
                         "no. 4 and use of the communal bin store"],
        ["The Landlord", "Mrs Janice Crowther, c/o the Agent"],
        ["The Agent", "Pilling & Shaw Lettings (fully managed). All notices, repairs and rent go through the Agent."],
        ["The Tenant", DAZ],
        ["Permitted occupiers", "The Tenant, and the Tenant's children Ellie and Oscar Kowalczyk at weekends and "
                                "in school holidays"],
        ["Term", "12 months, from 1 November 2024 to 31 October 2025 (the fixed term). After that the tenancy "
                 "carries on from month to month until either side ends it."],
        ["Rent", "£875.00 per calendar month, payable in advance on the 1st of each month by standing order to "
                 "the Agent"],
        ["Deposit", "£1,009.61 (five weeks' rent), protected with the SafeKeep Deposit Scheme, certificate "
                    "SKD-22871-DV"],
        ["Holding deposit", "£201.92 (one week's rent), paid on 14 October 2024 and used towards the first "
                            "month's rent"],
    ], header=False, widths=[4.0, 13.0], bold_first_col=True)
    para(d, "2. Who pays what", bold=True, size=11)
    table(d, [
        ["Bill or charge", "Paid by", "Notes"],
        ["Council tax", "Tenant", "Drayholt District Council, Band B"],
        ["Gas and electricity", "Tenant", "Meter readings are on the check-in inventory"],
        ["Water and sewerage", "Tenant", "Metered supply"],
        ["Broadband and TV licence", "Tenant", ""],
        ["Service charge and ground rent", "Landlord", "Paid to Mercer Court Management"],
        ["Buildings insurance", "Landlord", "Through the block policy"],
        ["Tenant's own belongings", "Tenant", "The Tenant is advised to take out contents insurance"],
    ], widths=[5.0, 2.5, 9.5])
    para(d, "3. Keys given to the Tenant", bold=True, size=11)
    table(d, [
        ["Key", "Number"],
        ["Main entrance (fob)", "3"],
        ["Flat front door", "3 sets"],
        ["Bin store", "1"],
        ["Post box no. 2", "1"],
    ], widths=[10.0, 4.0])
    para(d, "4. The Tenant agrees", bold=True, size=11)
    for t in [
        "to pay the rent on time, even if a repair is outstanding;",
        "to use the Property as a private home for the permitted occupiers only, and not to sublet or take in "
        "lodgers;",
        "that he may do the paperwork for his electrical business at the Property, but customers must not visit "
        "and no stock, cable drums or power tools may be stored in the flat, the communal areas or the bin store;",
        "to park only one vehicle, which may be his work van, in space no. 4, and not to wash or repair vehicles in "
        "the car park;",
        "not to keep any pets without the Landlord's written consent;",
        "not to smoke or vape inside the Property;",
        "not to change, add to or alter the electrical installation, even though he is an electrician, without the "
        "Landlord's written consent;",
        "to report repairs to the Agent in writing and, in an emergency such as a leak or no heating, on the "
        "Agent's out-of-hours line 0808 157 0480.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "5. The Landlord agrees", bold=True, size=11)
    for t in [
        "to keep the structure, the heating and hot water, and the gas, electricity and water installations in "
        "repair and working order;",
        "to have the gas appliances checked every 12 months and the electrical installation inspected at least "
        "every 5 years, and give the Tenant copies of the records;",
        "to give at least 24 hours' written notice before any visit, except in an emergency.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "6. Rent after the fixed term", bold=True, size=11)
    para(d, "The rent will not go up during the fixed term. After it ends, the Landlord may propose a new rent no more "
            "than once a year by giving the Tenant at least one month's written notice.")
    para(d, "7. Ending the tenancy", bold=True, size=11)
    para(d, "During the fixed term neither side can end the tenancy early unless both agree. After 31 October 2025 "
            "the Tenant may end it by giving at least one month's written notice, ending on the last day of a rental "
            "period. The Landlord must follow the legal process for seeking possession.")
    para(d, "Signed for the Landlord by the Agent: Owen Shaw, Director, Pilling & Shaw Lettings")
    para(d, "Signed by the Tenant: D. Kowalczyk (24/10/2024)")
    d.save(os.path.join(OUT, "tenancy_agreement_flat_2_mercer_court.docx"))


# ---------------------------------------------------------------- 7. van insurance (docx)
def van_insurance():
    d = new_doc(size=10)
    para(d, "Tradeguard Van Insurance", bold=True, size=16, space_after=0)
    para(d, "Commercial vehicle policy schedule · arranged by Stoneleigh Insurance Brokers, 01632 960 577",
         italic=True, space_after=8)
    table(d, [
        ["Policy number", "TGV-5532108"],
        ["Policyholder", "Mr Darren Kowalczyk (DK Electrical Services)"],
        ["Address", FLAT],
        ["Period of insurance", "12/04/2025 to 11/04/2026"],
        ["Cover", "Comprehensive"],
        ["Vehicle", "Halden Cargo 280 L2H2 2.0 diesel panel van, registration DV24 KWZ"],
        ["Owner", "Redmarsh Contract Hire Ltd (leased vehicle, owner's interest noted)"],
        ["Use", "Social, domestic and pleasure, commuting, and business use by the policyholder in connection with "
                "his trade as an electrician, including carrying his own tools and materials. Not for hire or "
                "reward or courier work."],
        ["Drivers", "The policyholder only"],
        ["No claims discount", "7 years (protected)"],
        ["Premium", "£1,184.40 a year including Insurance Premium Tax, or 12 monthly Direct Debits of £103.28 "
                    "(£1,239.36 in total)"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "Your excesses", bold=True, size=12)
    table(d, [
        ["Claim", "Compulsory excess", "Voluntary excess", "Total you pay"],
        ["Accidental damage", "£250", "£250", "£500"],
        ["Fire and theft", "£250", "£250", "£500"],
        ["Windscreen repair", "£10", "-", "£10"],
        ["Windscreen replacement", "£115", "-", "£115"],
        ["Young or inexperienced driver (not on this policy)", "£400", "-", "-"],
    ], widths=[7.0, 3.5, 3.2, 3.3])
    para(d, "Tools and goods carried in the van", bold=True, size=12)
    table(d, [
        ["Cover", "Limit", "Excess"],
        ["Tools and test equipment", "£2,000 any one claim, £500 any one item", "£150"],
        ["Materials and goods in transit", "£1,000 any one claim", "£150"],
    ], widths=[7.0, 7.0, 3.0])
    para(d, "Tools and goods are not covered if they are stolen from an unattended van between 9pm and 7am unless "
            "the van is in a locked garage. The van must be locked with the windows closed whenever it is left.")
    para(d, "What is not included", bold=True, size=12)
    for t in [
        "Breakdown cover: not included on this policy (your lease includes breakdown cover with the lessor).",
        "Replacement van while yours is repaired: not included. A courtesy car is offered by our approved "
        "repairers if one is available, but it will not be a van.",
        "Driving other vehicles: not included.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Claims and windscreens", bold=True, size=12)
    para(d, "Claims line: 0808 157 0703 (24 hours). Windscreen claims: 0808 157 0704. Please have your policy "
            "number and the van registration ready.")
    para(d, "Renewal: we will write to you at least 21 days before 11/04/2026.", italic=True, size=8.5)
    d.save(os.path.join(OUT, "van_insurance_schedule_2025-26.docx"))


# ---------------------------------------------------------------- 8. customer invoice he issued (docx)
def customer_invoice():
    lines = [
        ("Supply 10-way dual RCD consumer unit with surge protection", "1", 165.00, 165.00),
        ("Supply RCBOs for the kitchen, shower, cooker and boiler circuits", "4", 22.00, 88.00),
        ("Labour: remove old fuse board, fit new consumer unit, test and certify", "2 days", 260.00, 520.00),
        ("Electrical installation condition report (whole house)", "1", 180.00, 180.00),
        ("Replace smoke alarms with mains interlinked smoke alarms, add heat alarm in kitchen", "4", 45.00, 180.00),
        ("Building regulations notification (Amperline)", "1", 12.00, 12.00),
    ]
    total = round(sum(x[3] for x in lines), 2)
    assert total == 1145.00
    d = new_doc(size=10)
    para(d, "DK ELECTRICAL SERVICES", bold=True, size=17, space_after=0)
    para(d, "Darren Kowalczyk  ·  " + FLAT + "  ·  07700 900 613  ·  dkelectrical@mailbox.example", space_after=0)
    para(d, "Amperline registered electrician, registration no. AMP-31884", italic=True, space_after=10)
    para(d, "INVOICE", bold=True, size=15, align="right")
    table(d, [
        ["Invoice number", "DK-1047"],
        ["Invoice date", "16/09/2025"],
        ["Work done", "Mon 15 Sep and Tue 16 Sep 2025"],
        ["Customer", "Mrs Funmi Okafor, 22 Beech Grove, Drayholt DV4 8PX"],
        ["Payment due", "Within 14 days, by 30/09/2025"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    rows = [["Description", "Quantity", "Unit price", "Amount"]]
    rows += [[a, q, money(u), money(t)] for a, q, u, t in lines]
    rows.append(["TOTAL DUE", "", "", money(total)])
    table(d, rows, widths=[10.0, 2.2, 2.4, 2.4], bold_last=True)
    para(d, "No VAT is charged: DK Electrical Services is not registered for VAT.", italic=True)
    para(d, "How to pay", bold=True, size=11)
    para(d, "Bank transfer to D Kowalczyk t/a DK Electrical, sort code 60-95-11, account 31948270, using the invoice "
            "number DK-1047 as the reference. Cash and cheques are not accepted.")
    para(d, "Certificates", bold=True, size=11)
    for t in [
        "Electrical Installation Certificate no. EIC-118873 for the new consumer unit and alarms, e-mailed to you on "
        "16/09/2025.",
        "Electrical Installation Condition Report no. EICR-118874: overall condition satisfactory. Two C3 "
        "observations (improvement recommended): the garden socket has no weatherproof cover, and the loft lights "
        "are on an old two-core cable with no earth.",
        "Your Building Regulations compliance certificate will come by post from Amperline within 15 working days.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "All workmanship is guaranteed for 12 months. The consumer unit has a 5-year manufacturer's warranty. "
            "Next inspection recommended: 16/09/2035 (or on a change of occupier).")
    para(d, "Thanks for your custom - Daz", italic=True)
    d.save(os.path.join(OUT, "invoice_DK-1047_okafor.docx"))


# ---------------------------------------------------------------- 9. business expenses (xlsx)
def expenses():
    wb = Workbook()
    thin = Side(style="thin", color="999999")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    fill = PatternFill("solid", fgColor="DDEBF7")
    money_fmt = '"£"#,##0.00'
    months = [dt.date(2025, m, 1) for m in range(4, 10)]

    ws = wb.active
    ws.title = "By month"
    ws["A1"] = "DK Electrical - money in and out 2025/26"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Work is shown gross (before CIS). Not VAT registered, so costs include VAT. Update from the bank app."
    ws["A2"].font = Font(italic=True)
    hdr = ["Item"] + months + ["Total"]
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(row=4, column=j, value=h)
        c.font, c.fill, c.border = Font(bold=True), fill, box
        if isinstance(h, dt.date):
            c.number_format = "mmm yy"
    income = [
        ("Harwood & Pryce (gross)", 5630.00, 5875.00, 5955.00, 4780.00, 2960.00, 2945.00),
        ("Beckett Build (gross)", 1280.00, 0.00, 1150.00, 960.00, 0.00, 1425.00),
        ("Private customers (no CIS)", 1865.00, 2240.00, 985.00, 1730.00, 2130.00, 1645.00),
    ]
    # by the month the money arrived: H&P's tax months 1 and 2 were paid in April and May, June holds the
    # statement's payments of 13/06 and 27/06 (440 + 540), July its payment of 04/07 (350); the rest is Beckett
    cis = ("CIS taken off (all contractors)", 1114.00, 1000.00, 1196.00, 1046.00, 560.00, 809.00)
    assert cis[1] == 882.00 + 232.00 and cis[3] == round(440.00 + 540.00 + (1150.00 - 70.00) * 0.20, 2)
    assert cis[4] == round(350.00 + (2820.00 - 220.00) * 0.20 + (960.00 - 80.00) * 0.20, 2)
    spend = [
        ("Materials (Ferrow and others)", 1412.36, 1688.20, 1903.74, 1276.55, 1045.18, 1534.92),
        ("Van lease (Redmarsh)",) + (VAN_GROSS,) * 6,
        ("Van insurance (Tradeguard)",) + (103.28,) * 6,
        ("Diesel", 286.40, 312.75, 298.10, 331.62, 254.90, 305.44),
        ("Mobile phone", 32.00, 32.00, 32.00, 32.00, 32.00, 32.00),
        ("Tools and test kit", 0.00, 149.99, 0.00, 412.50, 36.80, 0.00),
        ("Workwear and PPE", 58.40, 0.00, 24.99, 0.00, 49.50, 0.00),
        ("Public liability insurance (Castleway)", 0.00, 318.66, 0.00, 0.00, 0.00, 0.00),
        ("Use of home (Martin's flat rate)", 18.00, 18.00, 18.00, 18.00, 18.00, 18.00),
    ]

    def put_row(r, name, vals, bold=False):
        ws.cell(row=r, column=1, value=name).border = box
        if bold:
            ws.cell(row=r, column=1).font = Font(bold=True)
        for j, v in enumerate(list(vals) + [round(sum(vals), 2)], start=2):
            c = ws.cell(row=r, column=j, value=v)
            c.number_format, c.border = money_fmt, box
            if bold:
                c.font = Font(bold=True)

    r = 5
    ws.cell(row=r, column=1, value="Work done").font = Font(bold=True, italic=True)
    r += 1
    for name, *vals in income:
        put_row(r, name, vals)
        r += 1
    gross = [round(sum(x[k] for x in income), 2) for k in range(1, 7)]
    put_row(r, "Total work done (gross)", gross, bold=True)
    r += 1
    put_row(r, cis[0], cis[1:])
    r += 1
    received = [round(g - c, 2) for g, c in zip(gross, cis[1:])]
    put_row(r, "Actually received in the bank", received, bold=True)
    r += 2
    ws.cell(row=r, column=1, value="Business costs").font = Font(bold=True, italic=True)
    r += 1
    for name, *vals in spend:
        put_row(r, name, vals)
        r += 1
    costs = [round(sum(x[k] for x in spend), 2) for k in range(1, 7)]
    put_row(r, "Total costs", costs, bold=True)
    r += 2
    put_row(r, "Profit before tax (gross work minus costs)", [round(g - c, 2) for g, c in zip(gross, costs)],
            bold=True)
    r += 2
    ws.cell(row=r, column=1, value="Business miles in the van").border = box
    miles = [1084, 1212, 1167, 1305, 962, 1148]
    for j, v in enumerate(miles + [sum(miles)], start=2):
        c = ws.cell(row=r, column=j, value=v)
        c.number_format, c.border = "#,##0", box
    notes = [
        "Van is leased so Martin claims the actual costs (lease, diesel, insurance) - NOT 45p a mile. Keep the miles "
        "anyway, the lease allows 15,000 a year.",
        "July tools: new multifunction tester strap and leads kit + SDS drill (old one died on plot 18).",
        "August was quiet - two weeks off with the kids (Cornwall).",
        "Harwood hold back 2.5% retention on Orchard Rise - chase when the plots are signed off.",
    ]
    for k, n in enumerate(notes):
        ws.cell(row=r + 2 + k, column=1, value=n).font = Font(italic=True)
    ws.column_dimensions["A"].width = 44
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 12
    ws.freeze_panes = "B5"

    ws2 = wb.create_sheet("Tax and renewal dates")
    ws2["A1"] = "Tax dates, renewals and big payments"
    ws2["A1"].font = Font(bold=True, size=13)
    hdr = ["Date", "What", "Amount", "Done?"]
    for j, h in enumerate(hdr, start=1):
        c = ws2.cell(row=3, column=j, value=h)
        c.font, c.fill, c.border = Font(bold=True), fill, box
    dates = [
        (dt.date(2025, 4, 5), "End of the 2024/25 tax year", None, "yes"),
        (dt.date(2025, 4, 12), "Van insurance renewed with Tradeguard (monthly DD)", 1239.36, "yes"),
        (dt.date(2025, 5, 28), "Public liability and tools renewed with Castleway", 318.66, "yes"),
        (dt.date(2025, 7, 31), "No payment on account this year - Martin says CIS covers it", None, "yes"),
        (dt.date(2025, 10, 3), "Martin filed my 2024/25 tax return", None, "yes"),
        (dt.date(2025, 10, 7), "Pay Mum's Larchfield bill from her account (not mine!)", CARE_OCT, ""),
        (dt.date(2025, 10, 31), "Amperline registration runs out - renew before this", 561.60, ""),
        (dt.date(2025, 10, 31), "Flat: fixed term ends, goes month to month", None, ""),
        (dt.date(2025, 11, 14), "Send April to September figures and CIS statements to Martin", None, ""),
        (dt.date(2026, 1, 31), "Self assessment deadline (2024/25 already filed)", None, ""),
        (dt.date(2026, 3, 19), "Site card runs out - book the health, safety and environment test first", 36.00, ""),
        (dt.date(2026, 4, 6), "Making Tax Digital starts for me - quarterly updates from now on", None, ""),
        (dt.date(2026, 4, 11), "Van insurance renewal", None, ""),
        (dt.date(2026, 5, 31), "Public liability renewal", None, ""),
    ]
    for k, (when, what, amount, done) in enumerate(dates, start=4):
        c = ws2.cell(row=k, column=1, value=when)
        c.number_format = "ddd dd/mm/yy"
        ws2.cell(row=k, column=2, value=what)
        if amount is not None:
            ws2.cell(row=k, column=3, value=amount).number_format = money_fmt
        if done:
            ws2.cell(row=k, column=4, value=done)
        for j in range(1, 5):
            ws2.cell(row=k, column=j).border = box
    for col, w in zip("ABCD", [14, 72, 12, 8]):
        ws2.column_dimensions[col].width = w
    wb.save(os.path.join(OUT, "business_expenses_2025-26.xlsx"))


# ---------------------------------------------------------------- 10. competent person scheme renewal (html)
def amperline():
    write("amperline_registration_renewal_2025.html", """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>My registration - renewal 2025-26 | Amperline Certification contractor portal</title>
  <style>
    body { font-family: Arial, sans-serif; max-width: 900px; margin: 1.5em auto; color: #222; }
    nav a { margin-right: 1em; }
    table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.4em; }
    th, td { border: 1px solid #9fb3c8; padding: 5px 8px; text-align: left; }
    th { background: #e6eef7; }
    .alert { background: #fff4d6; padding: 0.6em 1em; border-left: 4px solid #e0a800; }
  </style>
</head>
<body>
  <nav><a href="/portal">Dashboard</a><a href="/portal/notify">Notify a job</a><a href="/portal/documents">My
  documents</a><a href="/portal/renewal">Renewal</a><a href="/logout">Log out</a></nav>
  <h1>Your registration: renewal for 2025-26</h1>
  <div class="alert"><p>Your registration ends on <b>31/10/2025</b>. Renew before then to stay on the register and
  keep notifying work under Part P of the Building Regulations.</p></div>

  <h2>Registration details</h2>
  <table>
    <tr><th>Registered business</th><td>DK Electrical Services (Darren Kowalczyk, sole trader)</td></tr>
    <tr><th>Registration number</th><td>AMP-31884</td></tr>
    <tr><th>Scheme</th><td>Domestic Installer (dwellings only)</td></tr>
    <tr><th>Qualified Supervisor</th><td>Darren Kowalczyk</td></tr>
    <tr><th>Registered since</th><td>1 November 2016</td></tr>
    <tr><th>Current registration ends</th><td>31/10/2025</td></tr>
    <tr><th>Last assessment visit</th><td>19/02/2025 (passed, one minor observation: label the main earthing
    terminal on all jobs)</td></tr>
    <tr><th>Next assessment visit due</th><td>February 2026</td></tr>
  </table>

  <h2>Renewal fees</h2>
  <table>
    <thead><tr><th>Item</th><th>Net</th><th>VAT</th><th>Total</th></tr></thead>
    <tbody>
      <tr><td>Annual registration, Domestic Installer, one Qualified Supervisor</td><td>&pound;468.00</td>
      <td>&pound;93.60</td><td>&pound;561.60</td></tr>
      <tr><td>Building regulations notifications</td><td colspan="3">&pound;2.50 plus VAT each, billed monthly
      (not part of the renewal)</td></tr>
      <tr><td>Reinstatement fee if you renew after 31/10/2025</td><td>&pound;75.00</td><td>&pound;15.00</td>
      <td>&pound;90.00</td></tr>
    </tbody>
  </table>
  <p>Pay by card on this page or by Direct Debit. If your registration lapses you must not notify work, and
  customers will not get a Building Regulations compliance certificate for it.</p>

  <h2>Documents we hold for you</h2>
  <table>
    <thead><tr><th>Document</th><th>Details</th><th>Expires</th><th>Status</th></tr></thead>
    <tbody>
      <tr><td>Public liability insurance</td><td>Castleway, policy CTI-PL-4471906, &pound;2,000,000</td>
      <td>31/05/2026</td><td>OK</td></tr>
      <tr><td>BS 7671 18th Edition certificate (Amendment 2)</td><td>Qualified Supervisor</td><td>-</td><td>OK</td></tr>
      <tr><td>Inspection and testing qualification</td><td>Qualified Supervisor</td><td>-</td><td>OK</td></tr>
      <tr><td>Multifunction test instrument calibration</td><td>Calibrated 14/01/2025</td><td>14/01/2026</td>
      <td>OK</td></tr>
      <tr><td>Voltage indicator and proving unit</td><td>Checked at the last assessment</td><td>-</td><td>OK</td></tr>
    </tbody>
  </table>

  <h2>Jobs notified this registration year</h2>
  <table>
    <thead><tr><th>Date notified</th><th>Postcode</th><th>Work</th><th>Certificate</th></tr></thead>
    <tbody>
      <tr><td>18/11/2024</td><td>DV3 7RA</td><td>Consumer unit replacement</td><td>EIC-118402</td></tr>
      <tr><td>06/02/2025</td><td>DV1 9LE</td><td>New circuit: kitchen extension</td><td>EIC-118517</td></tr>
      <tr><td>22/04/2025</td><td>NX4 2JH</td><td>Full rewire, three-bedroom semi</td><td>EIC-118609</td></tr>
      <tr><td>11/07/2025</td><td>DV2 8QS</td><td>Electric vehicle charger, new circuit</td><td>EIC-118760</td></tr>
      <tr><td>18/09/2025</td><td>DV4 8PX</td><td>Consumer unit replacement</td><td>EIC-118873</td></tr>
    </tbody>
  </table>
  <p>Amperline Certification Ltd &middot; Registration line 01632 960 905 (Monday to Friday 8:30am to 5pm)</p>
</body>
</html>
""")


# ---------------------------------------------------------------- 11. mum's affairs notes (md)
def mum_notes():
    write("mum_lpa_and_accounts.md", """# Mum's affairs - LPA, accounts and who I've told

Mum = Irena Kowalczyk, born 11/05/1946. Moved into **Larchfield House** (Room 14, Rowan wing) on Mon 8 Sept 2025.
Kasia is in Toronto so most of this is on me. Keep mum's money and mine completely separate - pay her bills from
HER account only, keep every receipt.

## The LPA

| | |
|---|---|
| Type | Property and financial affairs (health and welfare one NOT done yet) |
| Signed | 3 March 2025 (mum, me, Kasia by post, certificate provider Dr Amrit Sandhu) |
| Sent to the OPG | 10/03/2025, fee £92 paid from mum's account |
| Registered | 14/07/2025 |
| OPG reference | M-4471-8826-3190 |
| Attorneys | me and Kasia (Katarzyna Nowak), jointly and severally |
| Where the original is | blue folder, kitchen drawer (certified copies x4 from Martin's office, £10 each) |

## Who I've told

| Who | Mum's account / ref | LPA sent | Status |
|-----|---------------------|----------|--------|
| Netherfold Building Society (current a/c ending 4471, instant saver ending 9013) | 40-71-18 | 21/07/2025 | registered 04/08/2025, online access set up |
| Ostrander pension (Calverley) | OEP/041187/D | 21/07/2025 | done - letter dated 2 Sept, address changed |
| State Pension and Attendance Allowance (DWP) | NI QQ 73 41 08 B | 24/07/2025 | done by phone, now paid to the same account |
| Drayholt District Council (council tax, 9 Heron Way) | 6120 0045 8813 | 09/09/2025 | waiting - asked for the care home exemption |
| Larchfield House | LCH-0377 | 01/09/2025 | done - invoices come to me |
| Northline Energy (9 Heron Way) | NE-22730418 | 09/09/2025 | waiting |

## Mum's money each month (roughly)

| In | Amount |
|----|--------|
| State Pension (£230.25 a week) | about £997 |
| Ostrander pension after tax | £328.47 |
| Attendance Allowance (£110.40 a week) | about £478 |
| **Total in** | **about £1,803** |
| **Larchfield fees (£1,162 a week)** | **about £5,035** |

Shortfall about £3,230 a month - comes out of the instant saver (£61,480 on 30/09/2025) until the bungalow sells.

## The bungalow (9 Heron Way, Netherfold NX3 9BT)

- On the market with Ashdown Estates since 15/09/2025 at **£215,000**.
- Empty - insurance: told Oakmere Home Insurance it's unoccupied, they want it checked every 7 days (I go Tuesdays).
- Heating on frost setting, water off at the stopcock under the sink.
- Key safe by the back door - code is in my phone, NOT written here.

## To do

- [x] Register the LPA with the building society
- [x] Tell the Ostrander pension people
- [x] Tell DWP
- [ ] Council tax exemption for Heron Way (chase if nothing by 30 Sept)
- [ ] Post redirection from Heron Way to my flat (12 months)
- [x] Pay Larchfield deposit and September (£6,142.00 paid 12/09/2025)
- [ ] Pay Larchfield October invoice by **Tue 7 Oct**
- [ ] Talk to Kasia about the health and welfare LPA before mum gets worse
- [ ] Ask Martin if mum is owed tax back on her pension (BR code?)
- [ ] Cancel the landline and TV licence at Heron Way
- [ ] Keep a log of everything I spend for mum - the OPG can ask to see it

Visiting: Tuesdays and Thursdays after work, and Sunday afternoons 2pm-4pm with Ellie and Oscar before they go back to
their mum's.
""")


# ---------------------------------------------------------------- 12. child arrangements notes (txt)
def child_arrangements():
    write("child_arrangements_notes.txt", """CHILD ARRANGEMENTS - what me and Nic agreed at mediation
(typed up from the mediator's summary, Drayholt Family Mediation Service, sessions on 8 May 2025 and 22 May 2025,
mediator Helen Marsh - 01632 960 736. Not a court order. Review at the next session, Thu 13 Nov 2025.)

Parents:  Darren Kowalczyk (Daz)       - Flat 2, Mercer Court, Drayholt   - 07700 900 613
          Nicola Barnes (Nic)          - 14 Lowther Street, Drayholt      (kids live here in the week)
Children: Ellie Kowalczyk, born 02/03/2012 (13), Year 9 at Drayholt Academy
          Oscar Kowalczyk, born 19/07/2016 (9), Year 5 at St Bride's Primary School

A NORMAL WEEKEND (every weekend, unless we swap)

WHAT                     WHEN                         WHO / WHERE
-----------------------  ---------------------------  --------------------------------------------
Pick up                  Friday 6:00pm                Daz collects from Nic's (14 Lowther Street)
Oscar's football         Saturday 9:30am-11:00am      Netherfold Juniors Under 10s, Coldwell Park
Ellie's street dance     Saturday 1:00pm-2:30pm       Studio 3, Drayholt Leisure Centre (Daz takes)
Visit Grandma Irena      Sunday 2:00pm-4:00pm         Larchfield House, Netherfold
Drop off                 Sunday 5:00pm                Daz drops back at Nic's, homework done

  - If Daz is working on a Saturday (site jobs), Nic keeps the kids until 1pm and Daz picks up from her house.
  - Swaps: ask by text at least a week ahead; don't ask through the kids.
  - One midweek tea: Wednesday 5pm-7:30pm, Oscar only (Ellie can come if she wants - her choice at 13).

SCHOOL HOLIDAYS 2025-26

HOLIDAY                   DATES                           WITH
------------------------  ------------------------------  ---------------------------------
Summer 2025               Sat 26 Jul - Sat 9 Aug 2025     Daz (caravan in Cornwall)
October half term         Mon 27 Oct - Wed 29 Oct 2025    Daz
Christmas 2025            24 Dec - 26 Dec (until 2pm)     Nic
                          26 Dec (from 2pm) - 29 Dec      Daz
February half term 2026   Mon 16 Feb - Wed 18 Feb 2026    Daz
Easter 2026               first week                      Nic
                          second week                     Daz

MONEY
  - Child maintenance: family-based arrangement (not through the CMS), Daz pays Nic £340.00 a month by standing
    order on the 28th. To be looked at again if Daz's profit changes by more than 10%.
  - School trips, uniform and school shoes: split 50/50 (send a photo of the receipt).
  - Clubs: Daz pays Oscar's football subs (£22 a month) and Ellie's dance (£28 a month).
  - Phones: Nic pays Ellie's contract; Oscar doesn't have a phone until Year 7.

THINGS WE BOTH AGREED
  1. No slagging each other off in front of the kids.
  2. Same bedtimes at both houses: Oscar 8:30pm, Ellie 9:30pm (10pm on Fri and Sat).
  3. Ellie's phone goes on charge in the kitchen at bedtime at both houses.
  4. School reports and parents' evenings: both of us get them - Daz to ask the schools to add him as a contact.
  5. Ellie's asthma: blue inhaler (salbutamol) goes with her in her bag between houses. Brown one stays at Nic's.
  6. New partners: not introduced to the kids for at least 6 months, and we tell each other first.
""")


# ---------------------------------------------------------------- 13. jobs log (csv)
def jobs_log():
    rows = [
        ["Date", "Job ref", "Customer", "Site postcode", "Work", "Invoice no", "Amount", "CIS", "Paid"],
        ["01/08/2025", "J-2581", "Harwood & Pryce Construction Ltd", "NX4 1RW",
         "Orchard Rise plots 20-22: first fix", "HP-APP-0801", "£1,480.00", "Yes (20%)", "15/08/2025"],
        ["05/08/2025", "J-2583", "Mr S. Brierley", "DV1 4QA", "Replace 3 downlights and bathroom fan",
         "DK-1039", "£285.00", "No", "05/08/2025"],
        ["06/08/2025", "J-2584", "Mrs P. Antwi", "DV3 2EL", "EICR for landlord (2-bed flat)", "DK-1040",
         "£160.00", "No", "13/08/2025"],
        ["07/08/2025", "J-2586", "Mr T. Hussain", "DV2 8QS", "EV charger installation, new 32A circuit",
         "DK-1041", "£1,045.00", "No", "20/08/2025"],
        ["22/08/2025", "J-2590", "Harwood & Pryce Construction Ltd", "NX4 1RW",
         "Orchard Rise plots 17-19: second fix", "HP-APP-0822", "£1,480.00", "Yes (20%)", "05/09/2025"],
        ["26/08/2025", "J-2591", "Drayholt Bowls Club", "DV1 7HN", "Clubhouse: replace emergency lighting",
         "DK-1042", "£640.00", "No", "09/09/2025"],
        ["02/09/2025", "J-2594", "Beckett Build Ltd", "DV3 8TS", "Loft conversion, 14 Ferndale Rise: first fix",
         "BB-SUB-2291", "£1,425.00", "Yes (20%)", "19/09/2025"],
        ["04/09/2025", "J-2595", "Mrs K. Doherty", "NX3 6AF", "Outside socket and garden lights",
         "DK-1043", "£395.00", "No", "04/09/2025"],
        ["08/09/2025", "J-2597", "Harwood & Pryce Construction Ltd", "NX4 1RW",
         "Orchard Rise plots 20-22: second fix", "HP-APP-0908", "£1,465.00", "Yes (20%)", "19/09/2025"],
        ["10/09/2025", "J-2598", "Mr and Mrs Yates", "DV2 5BB", "Cooker circuit and kitchen sockets",
         "DK-1044", "£520.00", "No", "17/09/2025"],
        ["11/09/2025", "J-2599", "Mr G. Fenwick", "DV4 1LT", "Fault finding: tripping RCD (kettle lead)",
         "DK-1045", "£90.00", "No", "11/09/2025"],
        ["12/09/2025", "J-2600", "Mrs A. Lindqvist", "DV1 3PP", "EICR for house sale", "DK-1046", "£195.00",
         "No", "not paid yet"],
        ["16/09/2025", "J-2604", "Mrs F. Okafor", "DV4 8PX", "Consumer unit change, smoke alarms and EICR",
         "DK-1047", "£1,145.00", "No", "not paid yet"],
        ["22/09/2025", "J-2607", "Harwood & Pryce Construction Ltd", "NX4 1RW",
         "Orchard Rise show home: snagging", "HP-APP-0922", "£1,460.00", "Yes (20%)", "due 03/10/2025"],
        ["29/09/2025", "J-2609", "Mrs A. Lindqvist", "DV1 3PP", "Chased DK-1046 by text - says paying Friday",
         "", "", "", ""],
    ]
    with open(os.path.join(OUT, "jobs_log_2025.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


# ---------------------------------------------------------------- 14. accountant's e-mail (eml, plain text)
def accountant_email():
    turnover, expenses_ = 71486.00, 24912.37
    profit = round(turnover - expenses_, 2)
    tax = round((profit - 12570) * 0.20, 2)
    ni = round((profit - 12570) * 0.06, 2)
    cis_total = 9883.40
    refund = round(cis_total - tax - ni, 2)
    assert (profit, tax, ni, refund) == (46573.63, 6800.73, 2040.22, 1042.45), (profit, tax, ni, refund)
    m = EmailMessage()
    m["From"] = "Martin Ellery <martin@elleryanddunn.example>"
    m["To"] = "Darren Kowalczyk <dkelectrical@mailbox.example>"
    m["Date"] = format_datetime(dt.datetime(2025, 10, 6, 8, 41, 5, tzinfo=BST))
    m["Subject"] = "2024/25 tax return filed - refund on its way"
    m["Message-ID"] = "<ed.2025-10-06.kowalczyk@elleryanddunn.example>"
    m.set_content(f"""Morning Daz,

Good news: I filed your 2024/25 tax return online on Friday (3 October 2025) and HMRC have accepted it
(submission receipt 8NQ4 7TX2 1KLM). Because the CIS deductions were more than the tax and National
Insurance you owe, you're due a refund.

HOW IT WORKED OUT FOR 2024/25 (6 April 2024 to 5 April 2025)

  Turnover (all work, gross before CIS)     {money(turnover)}
  Allowable expenses                         {money(expenses_)}
  Profit                                     {money(profit)}

  Income tax                                  {money(tax)}
  Class 4 National Insurance (6%)             {money(ni)}
  Class 2 National Insurance                      nil (treated as paid)
  Total tax and NI for the year               {money(tax + ni)}

  Less CIS already taken off by contractors   {money(cis_total)}
  REFUND DUE TO YOU                           {money(refund)}

For comparison, last year (2023/24) the contractors took off £8,617.00 and your refund was £612.80.

The refund will be paid into your bank account ending 8270, usually within 4 to 6 weeks. HMRC sometimes
check CIS refunds against the contractors' returns first, so don't spend it until it's in the bank.

No payments on account: because more than 80% of your tax was collected through CIS, you don't have to
make payments on account for 2025/26. That's why nothing was due on 31 July.

FOR 2025/26 - PLEASE SEND ME BY FRIDAY 14 NOVEMBER 2025
  1. Your spreadsheet for April to September (money in, costs, miles).
  2. Every CIS statement from Harwood & Pryce and Beckett Build since April. If any month is missing, ask
     the contractor - we can't claim back CIS we can't prove.
  3. The Ferrow account statements (materials).

A FEW REMINDERS
  - The van: because you lease it, we claim the actual costs (lease payments, diesel, insurance, repairs),
    not the 45p a mile rate. Please don't mix the two - but do keep the miles.
  - Use of home: I've claimed the flat rate of £18 a month for doing the paperwork at home (51 to 100
    hours a month). Your rent isn't a business cost.
  - Making Tax Digital for Income Tax starts for you on 6 April 2026, because your turnover is over
    £50,000. You'll need software (I'll set you up) and a quarterly update every 3 months from then. Your
    first quarterly update is due by 7 August 2026.
  - Child maintenance you pay Nic is not tax deductible, sorry.

YOUR MUM
You mentioned you're now her attorney. Her Ostrander pension is taxed on a BR code, which may mean
she's paying too much tax. I can look at it and, if she's owed money, claim it back from HMRC for her.
That would be £120 plus VAT, paid from her money not yours, as it's her tax.

My fee for the 2024/25 return is £420 plus VAT (£504.00 in total) - invoice attached separately.

Cheers,
Martin

Martin Ellery ACCA
Ellery & Dunn Accountants
41 Bridge Street, Drayholt DV1 5NR
01632 960 349 | martin@elleryanddunn.example
""", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "email_accountant_tax_return_2024-25.eml"), "wb") as f:
        f.write(bytes(m))


# ---------------------------------------------------------------- 15. wholesaler order (eml, text + html)
def ferrow_email():
    items = [
        ("CU10D-SPD", "10-way dual RCD consumer unit with surge protection", 1, 86.40),
        ("RCBO-32B", "32A B-curve RCBO, 30mA", 4, 14.20),
        ("SA-230-IL", "Mains smoke alarm, interlinked, with 10-year backup battery", 3, 19.85),
        ("HA-230-IL", "Mains heat alarm, interlinked, with 10-year backup battery", 1, 24.60),
        ("TE25-100G", "2.5mm twin and earth cable, grey, 100m drum", 1, 68.95),
        ("MT16-2", "16mm meter tails, 2m pair (brown and blue)", 1, 9.40),
    ]
    sub = round(sum(q * p for _, _, q, p in items), 2)
    vat = round(sub * 0.20, 2)
    total = round(sub + vat, 2)
    assert (sub, vat, total) == (305.70, 61.14, 366.84), (sub, vat, total)
    plain_rows = "\n".join(f"  {code:<10} {desc:<62} {q:>3} x {money(p):>7}  {money(q * p):>8}"
                           for code, desc, q, p in items)
    html_rows = "\n".join(f"<tr><td>{code}</td><td>{desc}</td><td>{q}</td><td>&pound;{p:.2f}</td>"
                          f"<td>&pound;{q * p:.2f}</td></tr>" for code, desc, q, p in items)
    plain = f"""Ferrow Electrical Wholesale - order confirmed

Hi Darren,

Thanks for your order. It will be ready to collect from our Drayholt branch from 7:00am on Monday
15 September 2025. Bring your trade card or this e-mail.

Order number:    FEW-5003817
Trade account:   DKE-20931 (DK Electrical Services)
Your reference:  OKAFOR CU
Ordered:         Fri 12 Sep 2025, 16:52
Collect from:    Ferrow Drayholt, Unit 9 Canal Street Trade Park, Drayholt DV1 4TT
                 Mon-Fri 7:00am to 5:00pm, Sat 7:30am to 12 noon

WHAT YOU ORDERED (trade prices, your 18% account discount already taken off)
  Code       Description                                                    Qty   Price     Total
{plain_rows}

  Goods total (before VAT)     {money(sub)}
  VAT at 20%                    {money(vat)}
  Order total                  {money(total)}

Payment: on your trade account. September orders are due for payment by 31/10/2025 (end of the month
after the month of purchase).

Returns: unused items in their original packaging can be returned within 30 days with this order number.
Cable cut from a drum cannot be returned.

Need it delivered to site instead? Free next-day delivery on orders over £150, call the branch on
01632 960 264.

Ferrow Electrical Wholesale - Drayholt branch
"""
    html = f"""<html><body style="font-family:Arial,sans-serif;color:#222">
<h2 style="color:#b34700">Ferrow Electrical Wholesale - order confirmed</h2>
<p>Hi Darren,</p>
<p>Thanks for your order. It will be ready to collect from our Drayholt branch from 7:00am on
<b>Monday 15 September 2025</b>. Bring your trade card or this e-mail.</p>
<table border="1" cellpadding="5" style="border-collapse:collapse">
<tr><th align="left">Order number</th><td>FEW-5003817</td></tr>
<tr><th align="left">Trade account</th><td>DKE-20931 (DK Electrical Services)</td></tr>
<tr><th align="left">Your reference</th><td>OKAFOR CU</td></tr>
<tr><th align="left">Ordered</th><td>Fri 12 Sep 2025, 16:52</td></tr>
<tr><th align="left">Collect from</th><td>Ferrow Drayholt, Unit 9 Canal Street Trade Park, Drayholt DV1 4TT
(Mon-Fri 7:00am to 5:00pm, Sat 7:30am to 12 noon)</td></tr>
</table>
<h3>What you ordered (trade prices, your 18% account discount already taken off)</h3>
<table border="1" cellpadding="5" style="border-collapse:collapse">
<tr><th>Code</th><th>Description</th><th>Qty</th><th>Price</th><th>Total</th></tr>
{html_rows}
<tr><td colspan="4">Goods total (before VAT)</td><td>&pound;{sub:.2f}</td></tr>
<tr><td colspan="4">VAT at 20%</td><td>&pound;{vat:.2f}</td></tr>
<tr><td colspan="4"><b>Order total</b></td><td><b>&pound;{total:.2f}</b></td></tr>
</table>
<p>Payment: on your trade account. September orders are due for payment by 31/10/2025 (end of the month
after the month of purchase).</p>
<p>Returns: unused items in their original packaging can be returned within 30 days with this order number.
Cable cut from a drum cannot be returned.</p>
<p>Need it delivered to site instead? Free next-day delivery on orders over &pound;150, call the branch on
01632 960 264.</p>
<p>Ferrow Electrical Wholesale - Drayholt branch</p>
</body></html>
"""
    m = EmailMessage()
    m["From"] = "Ferrow Electrical Wholesale <orders@ferrow.example>"
    m["To"] = "Darren Kowalczyk <dkelectrical@mailbox.example>"
    m["Date"] = format_datetime(dt.datetime(2025, 9, 12, 16, 53, 30, tzinfo=BST))
    m["Subject"] = "Order FEW-5003817 confirmed - collect from Drayholt, Mon 15 Sep"
    m["Message-ID"] = "<few.5003817.20250912165330@ferrow.example>"
    m.set_content(plain, charset="utf-8", cte="quoted-printable")
    m.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "email_ferrow_order_confirmation.eml"), "wb") as f:
        f.write(bytes(m))


# ---------------------------------------------------------------- 16. Year 9 welcome evening (pptx)
def year9_evening():
    prs = folder_kit.new_deck()
    bullets = partial(folder_kit.bullets, prs)

    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Welcome to Year 9"
    s.placeholders[1].text = "Drayholt Academy - information evening for parents and carers\n" \
                             "Thursday 25 September 2025, 6pm, main hall"

    bullets("The Year 9 team", [
        "Head of Year 9: Mrs Claire Dunmore (c.dunmore@drayholtacademy.sch.example)",
        "Pastoral support: Miss Jodie Marsh, in the Year 9 office by the canteen",
        "Form tutors: 9KD Mr Kieran Doyle, 9RS Mrs Rita Sahota, 9JT Mr Jamal Thomas, 9LP Ms Laura Price",
        "First contact for anything day to day is always your child's form tutor",
    ])
    bullets("A week in Year 9", [
        "School day: gates open 8:20am, registration 8:40am, finishes 3:05pm (2:30pm on Fridays)",
        "PE kit on PE days only - check the timetable on the EduLink app",
        "Homework: about 1 hour a night, set and handed in on the EduLink app",
        "Lunch: cashless, top up on the school payments app - a main meal is £2.65",
        "Phones: switched off and in bags all day. Seen = confiscated until the end of the day",
    ])

    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Key dates this year"
    data = [
        ["Date", "What", "Notes"],
        ["Fri 10 Oct", "Flu vaccinations in school", "Consent form online by Fri 3 Oct"],
        ["Mon 27 Oct - Fri 31 Oct", "October half term", ""],
        ["Thu 20 Nov", "Year 9 parents' evening, 4pm to 7pm", "Book 5-minute slots on EduLink"],
        ["Tue 2 Dec", "Geography field trip to Wexcombe Bay", "£18.00 on the school payments app"],
        ["Thu 29 Jan 2026", "GCSE options evening, 6pm", "Subject stalls in the sports hall"],
        ["Fri 27 Feb 2026", "Options forms due in", "Signed by a parent or carer"],
        ["Mon 8 Jun 2026", "Year 9 end-of-year exams start", "Revision lists in May"],
    ]
    shape = s.shapes.add_table(len(data), 3, Inches(0.4), Inches(1.5), Inches(12.5), Inches(5.0))
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            cell = shape.table.cell(i, j)
            cell.text = v
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = PPt(16)

    bullets("GCSE options", [
        "Everyone takes English, maths, science (combined or triple) and RE",
        "Then four choices, at least one from history or geography and one language for the EBacc route",
        "Triple science is by invitation, based on the end-of-Year-9 exams",
        "Talk to your child's teachers at parents' evening before the options evening",
    ])
    bullets("Keeping in touch", [
        "School office and absence line: 01632 960 470, option 1 for absence, by 8:30am each day",
        "Parents who live apart can both get reports and parents' evening bookings: e-mail the office "
        "(office@drayholtacademy.sch.example) to be added as a second contact",
        "Newsletter every other Friday on the website",
        "Thank you for coming! These slides will be on the school website.",
    ])
    prs.save(os.path.join(OUT, "drayholt_academy_year_9_evening.pptx"))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    with tempfile.TemporaryDirectory(prefix="own_folder_6_") as tmp:
        van_lease(tmp)
        cis_statement(tmp)
        care_invoice(tmp)
        pension_letter(tmp)
        public_liability(tmp)
    tenancy()
    van_insurance()
    customer_invoice()
    expenses()
    amperline()
    mum_notes()
    child_arrangements()
    jobs_log()
    accountant_email()
    ferrow_email()
    year9_evening()
    total = 0
    for name in sorted(os.listdir(OUT)):
        size = os.path.getsize(os.path.join(OUT, name))
        total += size
        print(f"{size:8d}  {name}")
    print(f"{total:8d}  total")


if __name__ == "__main__":
    main()
