"""Generate bench/data/own_folder_7/: the documents of a hospital nurse who has just bought her first house.

Chloe Brennan, 32, a band 6 junior sister on the Acute Medical Unit (Ward 7) of Fenbridge General Hospital
(Wyvern Valley NHS Foundation Trust), working 12.5-hour long days and nights on a four-week rota. She and her
partner Rhys Whitlock, 34, a geography teacher, completed on their first house, 27 Sorrel Close, Ashcombe, on
29 August 2025. They have a border terrier, Juno. Chloe is doing the V300 nurse prescribing module at the
University of Fenbridge on study days, has had type 1 diabetes since she was 11, and they are getting married
at a quinta in the Algarve in September 2026, after a legal ceremony at the register office at home (all
fictional: the towns, postcodes, people, hospital, trust, university, lender, solicitors, surveyors, insurer,
vets, airline and venue; phone numbers in Ofcom's drama ranges 0117 496 0xxx and 0808 157 0xxx;
National Insurance number with HMRC's example QQ prefix; NHS number in the 999 test range).
The documents are from June to October 2025. UK conventions throughout (GBP, day-month dates).

Run with /work/main/.venv/bin/python (python-docx, openpyxl, python-pptx) and LibreOffice (`soffice`)
on PATH, which turns the .docx / .html drafts of the PDF documents into real text PDFs.

    /work/main/.venv/bin/python bench/data/own_folder_7_make.py

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
OUT = os.path.join(HERE, "own_folder_7")
BST = dt.timezone(dt.timedelta(hours=1))


# ---------------------------------------------------------------- helpers
to_pdf = partial(folder_kit.to_pdf, out=OUT)
write = partial(folder_kit.write, out=OUT)


def money(v):
    return f"£{v:,.2f}"


def euro(v):
    return f"€{v:,.2f}"


CHLOE = "Ms Chloe Brennan"
RHYS = "Mr Rhys Whitlock"
HOUSE = "27 Sorrel Close, Ashcombe AS7 2QT"
OLD_FLAT = "Flat 6, Tannery Court, 3 Mill Lane, Fenbridge FB3 8JW"   # where they rented before

# ---- the mortgage: £256,500 advanced, the £999 product fee added, 4.29% fixed for 60 payments, then the SVR
ADVANCE, PRODUCT_FEE = 256500.00, 999.00
LOAN = ADVANCE + PRODUCT_FEE
FIX, SVR = 0.0429, 0.0749


def _payment(balance, rate, n):
    r = rate / 12
    return round(balance * r / (1 - (1 + r) ** -n), 2)


MORT_FIX = _payment(LOAN, FIX, 360)
_bal = LOAN
for _ in range(60):
    _bal = _bal * (1 + FIX / 12) - MORT_FIX
MORT_SVR = _payment(_bal, SVR, 300)
DAY_INTEREST = round(LOAN * FIX / 365, 2)
MORT_FIRST = round(MORT_FIX + 3 * DAY_INTEREST, 2)         # completion 29/08: three days of August
EXIT_FEE = 145.00
MORT_TOTAL = round(MORT_FIRST + 59 * MORT_FIX + 300 * MORT_SVR + EXIT_FEE, 2)
assert (MORT_FIX, MORT_SVR, DAY_INTEREST, MORT_FIRST, MORT_TOTAL) == (1272.78, 1727.53, 30.26, 1363.56, 594861.58), \
    (MORT_FIX, MORT_SVR, DAY_INTEREST, MORT_FIRST, MORT_TOTAL)


def _aprc():
    flows = [MORT_FIRST] + [MORT_FIX] * 59 + [MORT_SVR] * 300
    flows[-1] += EXIT_FEE
    lo, hi = 0.0, 0.02
    for _ in range(80):
        mid = (lo + hi) / 2
        if sum(f / (1 + mid) ** (k + 1) for k, f in enumerate(flows)) > ADVANCE:
            lo = mid
        else:
            hi = mid
    return round(((1 + lo) ** 12 - 1) * 100, 1)


APRC = _aprc()
assert APRC == 6.5, APRC

# ---- the completion statement: what went out and who paid in
DEBITS = [
    ("Purchase price of 27 Sorrel Close", 285000.00),
    ("Stamp Duty Land Tax (first-time buyers' relief claimed: nothing to pay)", 0.00),
    ("Our legal fee for the purchase", 1150.00),
    ("VAT on our legal fee at 20%", 230.00),
    ("Lifetime ISA handling fee (£75.00 plus VAT £15.00)", 90.00),
    ("Searches: local authority £168.00, drainage and water £72.60, environmental £58.80", 299.40),
    ("HM Land Registry fee for registering you as owners", 150.00),
    ("Bankruptcy searches against you both (2 x £7.00)", 14.00),
    ("Electronic ID checks (2 x £14.40 including VAT)", 28.80),
    ("Same-day bank transfer of the completion money (£35.00 plus VAT £7.00)", 42.00),
]
DEBIT_TOTAL = round(sum(v for _, v in DEBITS), 2)
CH_ACCOUNT, CH_LISA, CH_TRANSFER = 300.00, 15620.00, 1500.00
RHYS_IN = round(DEBIT_TOTAL - ADVANCE - CH_ACCOUNT - CH_LISA - CH_TRANSFER, 2)
CHLOE_IN = CH_ACCOUNT + CH_LISA + CH_TRANSFER
assert (DEBIT_TOTAL, RHYS_IN, CHLOE_IN) == (287004.20, 13084.20, 17420.00), (DEBIT_TOTAL, RHYS_IN, CHLOE_IN)

# ---- her pay: band 6 point 2, enhancements and overtime paid a month in arrears
SALARY = 40823.00
BASIC = round(SALARY / 12, 2)
HOURLY = 20.88
R30, R60, R_OT = round(HOURLY * 0.3, 2), round(HOURLY * 0.6, 2), round(HOURLY * 1.5, 2)
assert (BASIC, R30, R60, R_OT) == (3401.92, 6.26, 12.53, 31.32)
MONTHS = [  # tax month: (Sat / night hours, Sun / bank holiday hours, overtime hours)
    ("April", 46.0, 11.5, 0.0), ("May", 34.5, 23.0, 11.5), ("June", 57.5, 11.5, 0.0),
    ("July", 23.0, 23.0, 0.0), ("August", 46.0, 0.0, 11.5), ("September", 34.5, 23.0, 11.5),
]


def pay_month(sat, sun, ot):
    u30, u60, over = round(sat * R30, 2), round(sun * R60, 2), round(ot * R_OT, 2)
    gross = round(BASIC + u30 + u60 + over, 2)
    pensionable = round(BASIC + u30 + u60, 2)
    pension = round(pensionable * 0.098, 2)
    taxable = round(gross - pension, 2)
    tax = round((taxable - 1047.50) * 0.20, 2)
    ni = round((gross - 1048.00) * 0.08, 2)
    sl = float(int((gross - 2372.50) * 0.09))
    parking = 18.50
    deductions = round(tax + ni + pension + sl + parking, 2)
    return dict(u30=u30, u60=u60, over=over, gross=gross, pension=pension, taxable=taxable, tax=tax, ni=ni,
                sl=sl, parking=parking, deductions=deductions, net=round(gross - deductions, 2))


PAY = [pay_month(s, u, o) for _, s, u, o in MONTHS]
SEP = PAY[-1]
YTD = {k: round(sum(m[k] for m in PAY), 2) for k in ("gross", "taxable", "tax", "ni", "pension", "sl", "net")}
assert (SEP["gross"], SEP["pension"], SEP["tax"], SEP["ni"], SEP["sl"], SEP["net"]) == \
    (4266.26, 382.80, 567.19, 257.46, 170.00, 2870.31), SEP
assert (YTD["gross"], YTD["pension"], YTD["tax"]) == (24156.60, 2261.46, 3122.03), YTD

# ---- the wedding quote (euros, IVA at 23%)
GUESTS_ADULT, GUESTS_CHILD = 46, 4
QUOTE = [  # description, quantity text, unit price or None, amount
    ("Exclusive use of the quinta on Saturday 12 September 2026, 11am to 1am", "1", None, 6900.00),
    ("Ceremony set-up in the olive grove (chairs, arch, sound system)", "1", None, 750.00),
    ("Welcome drinks and canapés after the ceremony", f"{GUESTS_ADULT} adults", 24.00, 46 * 24.00),
    ("Wedding breakfast: three-course seated dinner", f"{GUESTS_ADULT} adults", 82.00, 46 * 82.00),
    ("Children's menu (under 12)", f"{GUESTS_CHILD} children", 38.00, 4 * 38.00),
    ("Drinks package, 5 hours (house wine, beer, soft drinks, water)", f"{GUESTS_ADULT} adults", 44.00, 46 * 44.00),
    ("Evening grazing table", "50 guests", 14.00, 50 * 14.00),
    ("DJ and lighting, 7pm to 1am", "1", None, 1250.00),
    ("Wedding coordinator on the day", "1", None, 0.00),
]
Q_NET = round(sum(x[3] for x in QUOTE), 2)
Q_IVA = round(Q_NET * 0.23, 2)
Q_TOTAL = round(Q_NET + Q_IVA, 2)
Q_DEP = round(Q_TOTAL * 0.30, 2)
Q_SECOND = round(Q_TOTAL * 0.40, 2)
Q_BAL = round(Q_TOTAL - Q_DEP - Q_SECOND, 2)
assert (Q_NET, Q_IVA, Q_TOTAL, Q_DEP, Q_SECOND, Q_BAL) == \
    (16652.00, 3829.96, 20481.96, 6144.59, 8192.78, 6144.59), (Q_NET, Q_IVA, Q_TOTAL, Q_DEP, Q_SECOND, Q_BAL)
DEP_GBP = 5362.18          # what the deposit cost in pounds on 21/10/2025

# ---- the recce flights
FL_OUT, FL_BACK, FL_BAG, FL_SEAT = 84.99, 96.49, 34.00, 8.50
FL_TOTAL = round(2 * FL_OUT + 2 * FL_BACK + 2 * FL_BAG + 4 * FL_SEAT, 2)
assert FL_TOTAL == 464.96


# ---------------------------------------------------------------- 1. mortgage offer (pdf, label/value box)
def mortgage_offer(tmp):
    d = new_doc(size=9.5)
    para(d, "HARBOURNE BUILDING SOCIETY", bold=True, size=16, space_after=0)
    para(d, "Harbourne House, 1 Quay Street, Fenbridge FB1 1HB  ·  0117 496 0530  ·  mortgages@harbourne.example",
         space_after=8)
    para(d, "MORTGAGE OFFER", bold=True, size=14, align="center")
    para(d, "Please read this offer and its conditions carefully and keep it with your other house papers.",
         italic=True, align="center", size=8.5)
    para(d, "Your mortgage at a glance", bold=True, size=11)
    table(d, [
        ["Offer reference", "HBS-MO-2507-118406"],
        ["Mortgage account number", "7712 0840 63"],
        ["Date of offer", "14 July 2025"],
        ["Offer valid until", "14/01/2026 (the purchase must complete by this date or the offer lapses)"],
        ["Borrowers", "Ms Chloe Anne Brennan and Mr Rhys Daniel Whitlock (jointly)"],
        ["Correspondence address", OLD_FLAT + " until completion, then the property"],
        ["Property", HOUSE + ": freehold three-bedroom semi-detached house"],
        ["Purchase price", "£285,000"],
        ["Our valuation", "£285,000 (mortgage valuation, inspected 02/07/2025)"],
        ["Amount of loan", f"£256,500 plus the product fee of £999 added to the loan: total loan {money(LOAN)}"],
        ["Loan to value", "90%"],
        ["Term", "30 years (360 monthly payments)"],
        ["Repayment method", "Capital and interest (repayment)"],
        ["Product", "5 Year Fixed Rate, 90% loan to value, product code FX5-90-0725"],
        ["Interest rate", "4.29% fixed until 30/09/2030, then our Standard Variable Rate (currently 7.49%) for "
                          "the rest of the term"],
        ["APRC", f"{APRC}% (the overall cost for comparison)"],
        ["Incomes we used", "Ms Brennan: £40,823 basic salary plus £3,600 a year regular unsocial hours payments "
                            "(Wyvern Valley NHS Foundation Trust). Mr Whitlock: £37,400 basic salary "
                            "(Kingsmead School)."],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "What you will pay", bold=True, size=11)
    table(d, [
        ["Payments", "How many", "Interest rate", "Monthly payment"],
        ["First payment, 01/10/2025", "1", "4.29% fixed",
         f"{money(MORT_FIRST)} ({money(MORT_FIX)} plus 3 days' interest at {money(DAY_INTEREST)} a day, "
         "if you complete on 29/08/2025)"],
        ["Payments 2 to 60, 01/11/2025 to 01/09/2030", "59", "4.29% fixed", money(MORT_FIX)],
        ["Payments 61 to 360, 01/10/2030 to 01/09/2055", "300", "7.49% (Standard Variable Rate today)",
         money(MORT_SVR)],
        ["Total amount payable (loan, interest and fees)", "360", "", money(MORT_TOTAL)],
    ], widths=[5.6, 2.0, 3.6, 5.8], bold_last=True)
    para(d, "Payments are collected by Direct Debit on the 1st of each month. Interest is worked out daily on "
            "the balance owed and added monthly. If the Standard Variable Rate changes after 30/09/2030, your "
            "payment will change too; we will write at least 30 days before.", size=9)
    para(d, "Fees", bold=True, size=11)
    table(d, [
        ["Fee", "Amount", "When"],
        ["Product fee", "£999", "Added to the loan on completion (you pay interest on it)"],
        ["Valuation fee", "£0", "Free valuation with this product"],
        ["Funds transfer (CHAPS) fee", "£0", "-"],
        ["Mortgage exit fee", "£145", "When the mortgage is repaid in full"],
    ], widths=[5.0, 2.5, 9.5])
    para(d, "Early repayment charges", bold=True, size=11)
    para(d, "You can overpay up to 10% of the balance each year (from 1 October) without a charge. If you repay "
            "more than that, or the whole mortgage, during the fixed rate you will pay a charge on the amount "
            "repaid:")
    table(d, [
        ["If you repay on or before", "Early repayment charge"],
        ["30/09/2026", "5% of the amount repaid"],
        ["30/09/2027", "4% of the amount repaid"],
        ["30/09/2028", "3% of the amount repaid"],
        ["30/09/2029", "2% of the amount repaid"],
        ["30/09/2030", "1% of the amount repaid"],
        ["After 30/09/2030", "No charge"],
    ], widths=[6.0, 6.0])
    para(d, "Conditions of this offer", bold=True, size=11)
    for t in [
        "The property must be insured for buildings cover of at least its reinstatement cost from the date you "
        "exchange contracts.",
        "You must live in the property as your main home. You may not let it without our written consent.",
        "Your conveyancer, Fairlow & Pike Solicitors LLP, acts for us as well as for you.",
        "If you move house you may be able to take this rate with you (port it), subject to our lending rules "
        "at the time.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Signed for Harbourne Building Society: Nadia Ferreira, Mortgage Underwriting, 14 July 2025", size=8.5)
    p = os.path.join(tmp, "mortgage_offer.docx")
    d.save(p)
    to_pdf(p, "mortgage_offer_harbourne_bs.pdf")


# ---------------------------------------------------------------- 2. completion statement (pdf)
def completion_statement(tmp):
    d = new_doc(size=9.5)
    para(d, "FAIRLOW & PIKE SOLICITORS LLP", bold=True, size=15, space_after=0)
    para(d, "12 Castle Street, Fenbridge FB1 2RT  ·  0117 496 0266  ·  conveyancing@fairlowpike.example",
         space_after=8)
    para(d, "COMPLETION STATEMENT", bold=True, size=13, align="center")
    table(d, [
        ["Clients", "Chloe Brennan and Rhys Whitlock"],
        ["Matter", "Purchase of " + HOUSE],
        ["Our reference", "FP/CB/25-0418"],
        ["Exchange of contracts", "15 August 2025"],
        ["Completion", "Friday 29 August 2025"],
        ["Title number", "AS481172 (freehold)"],
        ["Lender", "Harbourne Building Society, mortgage account 7712 0840 63"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "Money out", bold=True, size=11)
    rows = [["Item", "Amount"]] + [[a, money(v)] for a, v in DEBITS] + [["Total needed", money(DEBIT_TOTAL)]]
    table(d, rows, widths=[13.0, 4.0], bold_last=True)
    para(d, "Money in", bold=True, size=11)
    table(d, [
        ["Date received", "From", "Amount"],
        ["10/06/2025", "Chloe Brennan: payment on account for searches", money(CH_ACCOUNT)],
        ["13/08/2025", "Chloe Brennan: bank transfer", money(CH_TRANSFER)],
        ["13/08/2025", "Rhys Whitlock: bank transfer", money(RHYS_IN)],
        ["27/08/2025", "Chloe Brennan: Lifetime ISA (Kestrel Invest), including the government bonus", money(CH_LISA)],
        ["29/08/2025", "Harbourne Building Society: mortgage advance", money(ADVANCE)],
        ["", "Total received", money(DEBIT_TOTAL)],
    ], widths=[2.8, 10.2, 4.0], bold_last=True)
    para(d, "Balance due from you: £0.00. Balance due to you: £0.00.", bold=True)
    para(d, "What each of you put in", bold=True, size=11)
    table(d, [
        ["Buyer", "Paid in", "Share of the money paid in"],
        ["Chloe Brennan", money(CHLOE_IN), f"{CHLOE_IN / (CHLOE_IN + RHYS_IN) * 100:.1f}%"],
        ["Rhys Whitlock", money(RHYS_IN), f"{RHYS_IN / (CHLOE_IN + RHYS_IN) * 100:.1f}%"],
    ], widths=[5.0, 5.0, 7.0])
    para(d, "You own the house as tenants in common. Your declaration of trust (signed 15/08/2025) says that if it "
            "is sold each of you first gets back what you paid in, as above, and anything left is shared equally.")
    para(d, "Notes", bold=True, size=11)
    for t in [
        "The deposit of £28,500.00 (10% of the price) was paid to the seller's solicitors on exchange, "
        "15 August 2025, from the money above.",
        "We filed the Stamp Duty Land Tax return on 29/08/2025 (reference 618 4402 7739 SDLT); no tax is due "
        "because you are both first-time buyers and the price is under £300,000.",
        "We applied to HM Land Registry on 01/09/2025. We will send you a copy of the register showing you both "
        "as owners when it is done, usually within 8 weeks.",
        "Please keep this statement: you may need it if you sell or to show what each of you contributed.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Prepared by Amelia Pike, Partner, 29 August 2025", size=8.5)
    p = os.path.join(tmp, "completion.docx")
    d.save(p)
    to_pdf(p, "completion_statement_fairlow_pike.pdf")


# ---------------------------------------------------------------- 3. payslip (pdf, two-column box)
def payslip(tmp):
    d = new_doc(size=9.5)
    para(d, "Wyvern Valley NHS Foundation Trust", bold=True, size=15, space_after=0)
    para(d, "Payroll Services  ·  Fenbridge General Hospital, Elm Road, Fenbridge FB2 4PX  ·  payroll queries "
            "0117 496 0901", space_after=6)
    para(d, "PAYSLIP", bold=True, size=13, align="right")
    table(d, [
        ["Employee", "Pay details"],
        ["Name: Chloe Brennan\nAssignment number: 20481736\nJob title: Junior Sister (Senior Staff Nurse)\n"
         "Department: Acute Medical Unit, Ward 7\nPay band: Agenda for Change Band 6, point 2\n"
         "Contracted hours: 37.5 a week",
         "Pay date: 26/09/2025\nTax period: 6 (September 2025)\nTax code: 1257L\n"
         "NI number: QQ 27 40 18 C\nNI category: A\nAnnual salary: £40,823.00"],
    ], widths=[8.5, 8.5])
    para(d, "Payments", bold=True, size=11)
    table(d, [
        ["Description", "Hours", "Rate", "Amount"],
        ["Basic pay (1/12 of annual salary)", "", "", money(BASIC)],
        ["Unsocial hours: Saturdays and nights (time plus 30%), August", "34.50", money(R30), money(SEP["u30"])],
        ["Unsocial hours: Sundays and bank holidays (time plus 60%), August", "23.00", money(R60), money(SEP["u60"])],
        ["Overtime at time and a half: Sat 16 Aug 2025, AMU", "11.50", money(R_OT), money(SEP["over"])],
        ["Total gross pay", "", "", money(SEP["gross"])],
    ], widths=[9.5, 2.0, 2.5, 3.0], bold_last=True)
    para(d, "Deductions", bold=True, size=11)
    table(d, [
        ["Description", "This month", "Tax year to date"],
        ["Income tax", money(SEP["tax"]), money(YTD["tax"])],
        ["National Insurance", money(SEP["ni"]), money(YTD["ni"])],
        ["NHS Pension Scheme (9.8% of pensionable pay)", money(SEP["pension"]), money(YTD["pension"])],
        ["Student loan (Plan 2)", money(SEP["sl"]), money(YTD["sl"])],
        ["Staff car parking, Fenbridge General (permit P-22817)", money(SEP["parking"]), money(6 * 18.50)],
        ["Total deductions", money(SEP["deductions"]), ""],
    ], widths=[9.5, 3.5, 4.0], bold_last=True)
    para(d, "Summary", bold=True, size=11)
    table(d, [
        ["", "This month", "Tax year to date"],
        ["Gross pay", money(SEP["gross"]), money(YTD["gross"])],
        ["Taxable pay", money(SEP["taxable"]), money(YTD["taxable"])],
        ["NET PAY", money(SEP["net"]), money(YTD["net"])],
    ], widths=[6.0, 5.5, 5.5], bold_first_col=True)
    para(d, "Net pay of " + money(SEP["net"]) + " has been paid to your account ending 3368 (sort code ending 41).")
    para(d, "Unsocial hours payments and overtime are paid one month in arrears: this payslip pays the enhancements "
            "for shifts you worked in August 2025. Overtime is not pensionable for full-time staff. Bank shifts are "
            "paid separately each week by the Trust staff bank.", size=8.5)
    para(d, "Annual leave and sickness are shown on HealthRoster and ESR, not on this payslip.", size=8.5,
         italic=True)
    p = os.path.join(tmp, "payslip.docx")
    d.save(p)
    to_pdf(p, "payslip_september_2025.pdf")


# ---------------------------------------------------------------- 4. diabetes clinic letter (pdf)
def clinic_letter(tmp):
    d = new_doc(size=10)
    para(d, "Wyvern Valley NHS Foundation Trust", bold=True, size=14, space_after=0)
    para(d, "Diabetes Centre, Fenbridge General Hospital, Elm Road, Fenbridge FB2 4PX  ·  0117 496 0812",
         space_after=8)
    para(d, "Dr Samir Nadeem\nMillbrook Surgery\n4 Station Road\nAshcombe AS7 1DN", space_after=4)
    para(d, "Date typed: 16/09/2025", align="right")
    table(d, [
        ["Patient", "Ms Chloe Brennan, " + HOUSE],
        ["Date of birth", "03/02/1993"],
        ["NHS number", "999 482 7716"],
        ["Hospital number", "F7720148"],
        ["Clinic", "Young Adult and Adult Type 1 Diabetes Clinic, Tuesday 9 September 2025"],
        ["Seen by", "Dr Owen Mallory, Consultant in Diabetes and Endocrinology"],
        ["Copy to", "The patient"],
    ], header=False, widths=[4.0, 13.0], bold_first_col=True)
    para(d, "Diagnoses", bold=True, size=11)
    for t in ["Type 1 diabetes since 2004 (diagnosed aged 11), on multiple daily injections with a glucose sensor",
              "No diabetic retinopathy at her last eye screening (12/11/2024); feet checked today: normal"]:
        d.add_paragraph(t, style="List Number")
    para(d, "Results", bold=True, size=11)
    table(d, [
        ["", "This clinic (09/09/2025)", "Last clinic (11/03/2025)"],
        ["HbA1c", "58 mmol/mol", "64 mmol/mol"],
        ["Sensor: time in range (3.9 to 10.0 mmol/L)", "66%", "57%"],
        ["Sensor: time below 3.9 mmol/L", "3%", "5%"],
        ["Sensor: average glucose", "8.9 mmol/L", "9.8 mmol/L"],
        ["Weight", "63.4 kg", "62.1 kg"],
        ["Blood pressure", "118/74", "122/78"],
        ["Kidney function (eGFR)", "more than 90", "more than 90"],
        ["Urine albumin:creatinine ratio", "0.8 mg/mmol", "1.1 mg/mmol"],
    ], widths=[7.0, 5.0, 5.0])
    para(d, "Insulin", bold=True, size=11)
    table(d, [
        ["Insulin", "Before this clinic", "From now on"],
        ["Insulin degludec 100 units/ml (long-acting, once a day)", "18 units at about 9pm",
         "16 units at about 9pm, the same time on work days, nights and days off"],
        ["Insulin aspart 100 units/ml (with meals)", "1 unit for every 10 g of carbohydrate at all meals",
         "Breakfast: 1 unit for every 8 g of carbohydrate. Lunch and evening meal: 1 unit for every 10 g"],
        ["Correction dose (insulin aspart)", "1 unit for every 3 mmol/L above 8.0 mmol/L", "No change"],
    ], widths=[5.5, 5.0, 6.5])
    para(d, "Dear Dr Nadeem,")
    para(d, "I saw Chloe, a 32-year-old nurse on our Acute Medical Unit, in clinic. Her control has improved since "
            "March and she has fewer lows, but her sensor shows a run of hypos at about 4am to 6am on the days "
            "after her first night shift, and after long days when she has not had time to eat. We have therefore "
            "reduced her insulin degludec from 18 to 16 units, and made her breakfast ratio stronger because she "
            "runs high after breakfast on her days off.")
    para(d, "Shift work: she will take a 20 to 30 g carbohydrate snack at about 2am on nights, keep hypo treatment "
            "in her uniform pocket, and check that her glucose is above 5.0 mmol/L before driving home after a "
            "shift, as the DVLA requires. She has had no hypos needing someone else's help in the past 12 months.")
    para(d, "Hybrid closed loop: she meets the NICE criteria and has been added to our waiting list for a hybrid "
            "closed loop system (an insulin pump linked to her sensor). The wait is about 9 months at present; she "
            "will be invited to a pump start group first.")
    para(d, "Travel: she is getting married in Portugal in September 2026 and travels there in November 2025. I have "
            "given her a letter for airport security to carry her insulin, pens, sensors and hypo treatment in her "
            "hand luggage.")
    para(d, "Actions for the practice", bold=True, size=11)
    for t in [
        "Please change the insulin degludec dose on her repeat prescription to 16 units once a day.",
        "Please add blood ketone test strips to her repeat (she has a meter but no strips at home).",
        "Annual bloods (including thyroid function and a coeliac screen) at the surgery in February 2026, before "
        "her next clinic.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Follow-up: diabetes clinic again in six months, on Tuesday 10 March 2026 at 2:40pm (appointment letter "
            "to follow).", bold=True)
    para(d, "Yours sincerely,")
    para(d, "Dr Owen Mallory\nConsultant in Diabetes and Endocrinology")
    p = os.path.join(tmp, "clinic_letter.docx")
    d.save(p)
    to_pdf(p, "diabetes_clinic_letter_sept_2025.pdf")


# ---------------------------------------------------------------- 5. wedding venue quote (pdf from html)
def venue_quote(tmp):
    rows = []
    for desc, qty, unit, amount in QUOTE:
        unit_txt = euro(unit) if unit is not None else ("included" if amount == 0 else euro(amount))
        amt_txt = "included" if amount == 0 else euro(amount)
        rows.append(f"<tr><td>{desc}</td><td>{qty}</td><td>{unit_txt}</td><td>{amt_txt}</td></tr>")
    body = "\n".join(rows)
    html = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Quinta do Vale Sereno wedding quote</title>
<style>
 body {{ font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; }}
 table {{ border-collapse: collapse; width: 100%; margin-bottom: 10px; }}
 th, td {{ border: 1px solid #777; padding: 3px 5px; text-align: left; vertical-align: top; }}
 th {{ background: #e9efe2; }}
</style></head>
<body>
<h1>Quinta do Vale Sereno</h1>
<p>Weddings and events in the hills above Loul&eacute;, Algarve, Portugal &middot; eventos@quintavalesereno.example</p>
<h2>Wedding quotation</h2>
<table>
<tr><th>Quote reference</th><td>QVS-26-0912-BW</td></tr>
<tr><th>Quote date</th><td>2 October 2025</td></tr>
<tr><th>Valid until</th><td>01/11/2025</td></tr>
<tr><th>Couple</th><td>Chloe Brennan and Rhys Whitlock</td></tr>
<tr><th>Wedding date</th><td>Saturday 12 September 2026</td></tr>
<tr><th>Guests</th><td>{GUESTS_ADULT} adults and {GUESTS_CHILD} children</td></tr>
<tr><th>Your coordinator</th><td>In&ecirc;s Carvalho</td></tr>
</table>
<h2>Your wedding day</h2>
<table>
<tr><th>Description</th><th>Quantity</th><th>Price</th><th>Amount</th></tr>
{body}
<tr><td colspan="3">Total before IVA</td><td>{euro(Q_NET)}</td></tr>
<tr><td colspan="3">IVA (Portuguese VAT) at 23%</td><td>{euro(Q_IVA)}</td></tr>
<tr><td colspan="3"><b>Total including IVA</b></td><td><b>{euro(Q_TOTAL)}</b></td></tr>
</table>
<h2>Payment schedule</h2>
<table>
<tr><th>Payment</th><th>Due by</th><th>Amount</th></tr>
<tr><td>Deposit (30%) to confirm the date</td><td>31/10/2025</td><td>{euro(Q_DEP)}</td></tr>
<tr><td>Second payment (40%)</td><td>12/03/2026</td><td>{euro(Q_SECOND)}</td></tr>
<tr><td>Final balance (30%), with final numbers</td><td>14/07/2026</td><td>{euro(Q_BAL)}</td></tr>
<tr><td>Refundable damage deposit (returned within 14 days of the wedding)</td><td>14/07/2026</td>
<td>&euro;1,000.00</td></tr>
</table>
<h2>Good to know</h2>
<ul>
<li>Guest rooms: 10 double rooms at the quinta at &euro;135.00 per room per night, minimum 2 nights. Guests book
and pay for these themselves.</li>
<li>Final guest numbers and menu choices are needed by 14/07/2026. Numbers can go down by up to 10% after that
without charge.</li>
<li>The ceremony at the quinta is a celebration, not a legal marriage in Portugal.</li>
<li>Music outside must finish at 11pm; the DJ moves into the barn after that.</li>
<li>Menu tasting for the couple is free: we will book it for your visit in November.</li>
</ul>
<h2>Cancellation</h2>
<table>
<tr><th>If you cancel</th><th>You lose</th></tr>
<tr><td>More than 12 months before the wedding</td><td>The deposit</td></tr>
<tr><td>6 to 12 months before</td><td>70% of the total</td></tr>
<tr><td>Less than 6 months before</td><td>100% of the total</td></tr>
</table>
<p>To accept, sign and return the booking form and pay the deposit by bank transfer (IBAN on the booking form),
quoting QVS-26-0912-BW.</p>
</body></html>
"""
    p = os.path.join(tmp, "venue_quote.html")
    with open(p, "w", encoding="utf-8") as f:
        f.write(html)
    to_pdf(p, "quinta_vale_sereno_wedding_quote.pdf")


# ---------------------------------------------------------------- 6. homebuyer survey (docx)
def survey():
    d = new_doc(size=10)
    para(d, "CARVER & LOWE CHARTERED SURVEYORS", bold=True, size=15, space_after=0)
    para(d, "8 Abbey Walk, Fenbridge FB1 3NS  ·  0117 496 0733  ·  surveys@carverlowe.example", space_after=8)
    para(d, "HOMEBUYER SURVEY AND VALUATION REPORT", bold=True, size=13, align="center")
    table(d, [
        ["Property", HOUSE],
        ["Clients", "Ms Chloe Brennan and Mr Rhys Whitlock"],
        ["Report reference", "CL-25-0630-SC27"],
        ["Date of inspection", "Monday 30 June 2025 (dry and sunny, after a dry spell)"],
        ["Date of report", "4 July 2025"],
        ["Surveyor", "Tamsin Carver MRICS"],
        ["Fee", "£620 including VAT, paid 23/06/2025"],
        ["The property", "Three-bedroom semi-detached house built about 1968, with a single-storey kitchen "
                         "extension at the back (about 2009) and an attached single garage. Gas central heating. "
                         "Tenure believed to be freehold."],
    ], header=False, widths=[4.0, 13.0], bold_first_col=True)
    para(d, "Condition ratings", bold=True, size=11)
    para(d, "1 = no repair is currently needed. 2 = defects that need repairing or replacing but are not serious "
            "or urgent. 3 = defects that are serious and/or need to be repaired, replaced or investigated urgently.",
         size=9)
    table(d, [
        ["Part of the house", "Rating", "What I found"],
        ["Chimney stack", "2", "Worn pointing near the top; the TV aerial bracket is loose."],
        ["Roof coverings", "2", "A few slipped concrete tiles on the rear slope."],
        ["Gutters and downpipes", "2", "Leaking joint in the gutter above the back door."],
        ["Main walls", "1", "Cavity walls with injected insulation (ask for the guarantee)."],
        ["Windows", "2", "uPVC double glazing (2014). Two panes in the rear bedroom have failed seals "
                         "and are misted."],
        ["Outside doors", "1", "No repair needed."],
        ["Loft", "2", "About 100 mm of loft insulation; today's recommended depth is 270 mm."],
        ["Damp", "2", "Higher damp readings at the bottom of the kitchen extension's back wall, where the "
                      "path has been built up above the damp-proof course."],
        ["Electricity", "3", "Old consumer unit (fuse board) without RCD protection for all circuits, and no "
                             "recent test certificate. Have the installation tested by a registered electrician "
                             "(an EICR) as soon as possible."],
        ["Gas and boiler", "2", "Combination boiler (2012). No service history seen: have it serviced and "
                                "safety checked."],
        ["Heating and hot water", "1", "Radiators warmed up during the inspection."],
        ["Drainage", "1", "Inspection chamber lifted: running clear."],
    ], widths=[4.0, 1.6, 11.4])
    para(d, "What the repairs might cost", bold=True, size=11)
    table(d, [
        ["Job", "Rough cost"],
        ["Electrical test (EICR) and a new consumer unit", "£650 to £950"],
        ["Re-fix slipped roof tiles and repoint the chimney", "£400 to £700"],
        ["Replace the two misted double-glazed panes", "£250 to £350"],
        ["Top up the loft insulation to 270 mm", "£350 to £450"],
        ["Lower the path along the kitchen extension", "£300 to £500"],
        ["Boiler service and gas safety check", "£90 to £120"],
    ], widths=[12.0, 5.0])
    para(d, "These are guide figures only. Get at least two quotes before you commit to the purchase.", size=9,
         italic=True)
    para(d, "Valuation", bold=True, size=11)
    para(d, "In my opinion the market value of the property on 30 June 2025, in its present condition, is "
            "£282,000 (two hundred and eighty-two thousand pounds). The agreed price of £285,000 is slightly "
            "above this but within the range of recent sales in Sorrel Close and nearby streets.")
    para(d, "Reinstatement cost (the figure to insure the building for, not its market value): £214,000.")
    para(d, "For your legal adviser", bold=True, size=11)
    for t in [
        "Building regulations completion certificate for the 2009 kitchen extension.",
        "FENSA certificate for the replacement windows (2014).",
        "Guarantee for the cavity wall insulation.",
        "The driveway is shared with number 25: check the rights of way and who pays to maintain it.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Tamsin Carver MRICS, for Carver & Lowe, 4 July 2025", size=8.5)
    d.save(os.path.join(OUT, "homebuyer_survey_27_sorrel_close.docx"))


# ---------------------------------------------------------------- 7. pet insurance (docx)
def pet_insurance():
    d = new_doc(size=10)
    para(d, "Hartsmoor Pet Insurance", bold=True, size=16, space_after=0)
    para(d, "Lifetime dog insurance · policy schedule · customer services 0808 157 0366", italic=True,
         space_after=8)
    table(d, [
        ["Policy number", "HPI-7730126"],
        ["Policyholder", CHLOE],
        ["Address", HOUSE + " (changed from Fenbridge on 01/09/2025)"],
        ["Period of insurance", "22/09/2025 to 21/09/2026"],
        ["Level of cover", "Lifetime 8000"],
        ["Premium", "£31.74 a month by Direct Debit (£380.88 a year). Last year: £26.40 a month"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "Your dog", bold=True, size=12)
    table(d, [
        ["Name", "Breed", "Sex", "Date of birth", "Microchip number", "Price paid"],
        ["Juno", "Border terrier", "Female (spayed)", "17/03/2021", "941000024681357", "£850"],
    ], widths=[2.0, 3.0, 2.8, 2.6, 4.0, 2.6])
    para(d, "What is covered", bold=True, size=12)
    table(d, [
        ["Cover", "Limit", "Excess"],
        ["Vet fees (illness and injury)", "£8,000 each policy year, renewed every year", "£99 per condition each "
                                                                                          "policy year"],
        ["Complementary treatment (part of the vet fees limit)", "£1,000 each policy year", "£99"],
        ["Third party liability (if Juno injures someone or damages their property)", "£2,000,000", "£250"],
        ["Boarding kennel fees if you go into hospital for more than 4 days", "£1,500", "Nil"],
        ["Holiday cancellation if Juno needs emergency treatment", "£3,000", "£50"],
        ["Advertising and reward if Juno is lost or stolen", "£1,000", "Nil"],
        ["Death from illness or injury (before age 9)", "£850 (the price paid)", "Nil"],
        ["Overseas travel (under the Pet Travel Scheme)", "Not covered", "-"],
    ], widths=[8.5, 5.0, 3.5])
    para(d, "From Juno's 9th birthday you will also pay 20% of each vet fees claim after the excess (co-payment).")
    para(d, "Not covered", bold=True, size=12)
    for t in [
        "Conditions that showed signs before 22/09/2022 (her skin allergy, noted in 2022, is excluded).",
        "Routine and preventive care: vaccinations, flea and worm treatment, spaying, nail clipping.",
        "Dental illness, unless Juno has had a dental check with a vet in the 12 months before the problem began.",
        "Boarding fees when you go on holiday.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Claims: online at hartsmoor.example/claims or 0808 157 0367. Ask your vet to fill in part 3 of the "
            "claim form; we can pay the vet directly.")
    para(d, "Renewal: we will write at least 21 days before 21/09/2026 with next year's price.", italic=True,
         size=8.5)
    d.save(os.path.join(OUT, "pet_insurance_juno_2025-26.docx"))


# ---------------------------------------------------------------- 8. learning agreement (docx)
def learning_agreement():
    d = new_doc(size=10)
    para(d, "Wyvern Valley NHS Foundation Trust", bold=True, size=15, space_after=0)
    para(d, "Learning and Development  ·  Education Centre, Fenbridge General Hospital  ·  0117 496 0950",
         space_after=8)
    para(d, "LEARNING AGREEMENT: TRUST-FUNDED COURSE", bold=True, size=13, align="center")
    table(d, [
        ["Employee", "Chloe Brennan, Junior Sister (Band 6), Acute Medical Unit, Ward 7"],
        ["Assignment number", "20481736"],
        ["Course", "Independent and Supplementary Prescribing (V300)"],
        ["Module", "NMP7040, 40 credits at Level 7 (master's level)"],
        ["University", "University of Fenbridge, School of Health Sciences"],
        ["Course dates", "17/09/2025 to 13/03/2026 (final portfolio), results April 2026"],
        ["Course fee", "£2,150.00, paid by the Trust directly to the University"],
        ["Study leave", "26 taught days on Wednesdays, paid at 7.5 hours each and rostered as study days"],
        ["Supervised practice", "90 hours on AMU with your Designated Prescribing Practitioner, rostered as "
                                "DPP days"],
        ["Books and travel", "Up to £100 towards books with receipts. Travel to the University is not paid."],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "People supporting you", bold=True, size=11)
    table(d, [
        ["Role", "Name", "Job"],
        ["Designated Prescribing Practitioner (DPP)", "Dr Priya Raman", "Consultant in Acute Medicine"],
        ["Practice assessor", "Mark Oduya", "Advanced Clinical Practitioner and nurse prescriber, AMU"],
        ["Academic assessor", "Dr Fiona Akhtar", "Module lead, University of Fenbridge"],
        ["Line manager", "Joanne Pettifer", "Ward Manager, AMU"],
    ], widths=[6.0, 4.0, 7.0])
    para(d, "If you leave or do not finish", bold=True, size=11)
    para(d, "The Trust pays your course fee on the understanding that you will use the qualification here. If you "
            "leave the Trust's employment after the course ends, you agree to pay back part of the fee:")
    table(d, [
        ["When you leave", "You pay back", "Amount"],
        ["Before the course ends, or within 12 months of the end date", "100% of the fee", "£2,150.00"],
        ["12 to 24 months after the end date", "50% of the fee", "£1,075.00"],
        ["More than 24 months after the end date", "Nothing", "£0.00"],
        ["You withdraw or fail without good reason (for example, not sitting an exam)", "100% of the fee",
         "£2,150.00"],
    ], widths=[9.0, 4.0, 4.0])
    para(d, "Good reasons include your own ill health, a close family bereavement, or the Trust being unable to "
            "release you for study days or supervised practice. Repayment is taken from your final salary or "
            "agreed as monthly instalments over up to 12 months.")
    para(d, "After you qualify", bold=True, size=11)
    for t in [
        "The NMC will add the V300 annotation to your entry on the register. You must not prescribe until it "
        "does and you have registered as a prescriber with the Trust's Non-Medical Prescribing Lead.",
        "You will prescribe only within your scope of practice on AMU, agreed with your line manager.",
        "Completing the course does not on its own change your band.",
        "You must do at least 2 hours of prescribing CPD a year and keep it in your revalidation portfolio.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Signed: C. Brennan (employee), 21/07/2025    J. Pettifer (line manager), 21/07/2025    "
            "K. Lomax (Learning and Development), 22/07/2025", size=8.5)
    d.save(os.path.join(OUT, "v300_learning_agreement.docx"))


# ---------------------------------------------------------------- 9. house and wedding money (xlsx)
def money_workbook():
    wb = Workbook()
    thin = Side(style="thin", color="999999")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    fill = PatternFill("solid", fgColor="FCE4D6")
    money_fmt = '"£"#,##0.00'
    months = [dt.date(2025, m, 1) for m in range(9, 13)] + [dt.date(2026, m, 1) for m in (1, 2)]

    ws = wb.active
    ws.title = "Monthly budget"
    ws["A1"] = "27 Sorrel Close - joint budget (updated 26/10/2025)"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Sep and Oct are actual, Nov on are estimates. Pay is what lands in our own accounts."
    ws["A2"].font = Font(italic=True)
    hdr = ["Item"] + months + ["Total"]
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(row=4, column=j, value=h)
        c.font, c.fill, c.border = Font(bold=True), fill, box
        if isinstance(h, dt.date):
            c.number_format = "mmm yy"
    pay_in = [
        ("Chloe's pay (net)", SEP["net"], 2731.40, 2802.66, 2958.12, 2695.03, 2760.88),
        ("Rhys's pay (net)", 2412.36, 2412.36, 2412.36, 2412.36, 2412.36, 2412.36),
    ]
    bills = [
        ("Mortgage (Harbourne)", 0.00, MORT_FIRST, MORT_FIX, MORT_FIX, MORT_FIX, MORT_FIX),
        ("Council tax (Ashcombe)", 0.00, 219.84, 219.84, 219.84, 219.84, 219.84),
        ("Gas and electric (Brightwell)", 118.00, 118.00, 118.00, 118.00, 118.00, 118.00),
        ("Water (Valewater)", 0.00, 41.50, 41.50, 41.50, 41.50, 41.50),
        ("Broadband", 32.99, 32.99, 32.99, 32.99, 32.99, 32.99),
        ("TV licence", 14.54, 14.54, 14.54, 14.54, 14.54, 14.54),
        ("Buildings and contents insurance", 27.63, 27.63, 27.63, 27.63, 27.63, 27.63),
        ("Juno's insurance (Hartsmoor)", 26.40, 31.74, 31.74, 31.74, 31.74, 31.74),
        ("Juno's health club (Ashcombe Vets)", 14.95, 14.95, 14.95, 14.95, 14.95, 14.95),
        ("Food shop", 486.20, 512.75, 500.00, 620.00, 480.00, 480.00),
        ("Wedding pot (Chloe)", 300.00, 300.00, 300.00, 300.00, 300.00, 300.00),
        ("Wedding pot (Rhys)", 300.00, 300.00, 300.00, 300.00, 300.00, 300.00),
    ]

    def put_row(r, name, vals, bold=False):
        ws.cell(row=r, column=1, value=name).border = box
        if bold:
            ws.cell(row=r, column=1).font = Font(bold=True)
        for j, v in enumerate(list(vals) + [round(sum(vals), 2)], start=2):
            c = ws.cell(row=r, column=j, value=round(v, 2))
            c.number_format, c.border = money_fmt, box
            if bold:
                c.font = Font(bold=True)

    r = 5
    ws.cell(row=r, column=1, value="Money in").font = Font(bold=True, italic=True)
    r += 1
    for name, *vals in pay_in:
        put_row(r, name, vals)
        r += 1
    total_in = [round(sum(x[k] for x in pay_in), 2) for k in range(1, 7)]
    put_row(r, "Total in", total_in, bold=True)
    r += 2
    ws.cell(row=r, column=1, value="House and bills").font = Font(bold=True, italic=True)
    r += 1
    for name, *vals in bills:
        put_row(r, name, vals)
        r += 1
    total_out = [round(sum(x[k] for x in bills), 2) for k in range(1, 7)]
    put_row(r, "Total out", total_out, bold=True)
    r += 2
    put_row(r, "Left over", [round(a - b, 2) for a, b in zip(total_in, total_out)], bold=True)
    notes = [
        "First mortgage payment (1 Oct) was higher because of the 3 days' interest from completion.",
        "Council tax: 10 instalments Oct to Jul, first bill came late (Band letter still to find).",
        "Juno's insurance went up at renewal on 22 Sept (Oct is the first month at the new price).",
        "Water: first bill due Oct, Valewater set up the DD from then.",
        "Bills split 57/43 like the house? Or 50/50? - talk to Rhys.",
    ]
    for k, n in enumerate(notes):
        ws.cell(row=r + 2 + k, column=1, value=n).font = Font(italic=True)
    ws.column_dimensions["A"].width = 40
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 12
    ws.freeze_panes = "B5"

    ws2 = wb.create_sheet("Wedding payments")
    ws2["A1"] = "Wedding - what we've paid and what's coming"
    ws2["A1"].font = Font(bold=True, size=13)
    hdr = ["Date", "Paid to", "What for", "Paid by", "£", "€", "Done?"]
    for j, h in enumerate(hdr, start=1):
        c = ws2.cell(row=3, column=j, value=h)
        c.font, c.fill, c.border = Font(bold=True), fill, box
    pays = [
        (dt.date(2025, 10, 11), "Skylark Air", "Flights to Faro for the recce (14-17 Nov)", "Chloe", FL_TOTAL, None,
         "yes"),
        (dt.date(2025, 10, 21), "Quinta do Vale Sereno", "Venue deposit (30%)", "Wedding pot", DEP_GBP, Q_DEP, "yes"),
        (dt.date(2025, 10, 25), "Lucy Farrant Photography", "Booking fee (rest due Aug 2026)", "Rhys", 400.00, None,
         "yes"),
        (dt.date(2025, 11, 29), "Elm & Ivy Bridal", "Dress deposit (50%)", "Chloe", 695.00, None, ""),
        (dt.date(2026, 3, 12), "Quinta do Vale Sereno", "Second payment (40%)", "Wedding pot", None, Q_SECOND, ""),
        (dt.date(2026, 5, 12), "Ashcombe Register Office", "Giving notice (£42 each)", "Wedding pot", 84.00, None,
         ""),
        (dt.date(2026, 7, 14), "Quinta do Vale Sereno", "Final balance (30%) + €1,000 damage deposit", "Wedding pot",
         None, round(Q_BAL + 1000, 2), ""),
    ]
    for k, (when, who, what, by, gbp, eur, done) in enumerate(pays, start=4):
        c = ws2.cell(row=k, column=1, value=when)
        c.number_format = "ddd dd/mm/yyyy"
        ws2.cell(row=k, column=2, value=who)
        ws2.cell(row=k, column=3, value=what)
        ws2.cell(row=k, column=4, value=by)
        if gbp is not None:
            ws2.cell(row=k, column=5, value=gbp).number_format = money_fmt
        if eur is not None:
            ws2.cell(row=k, column=6, value=eur).number_format = '"€"#,##0.00'
        if done:
            ws2.cell(row=k, column=7, value=done)
        for j in range(1, 8):
            ws2.cell(row=k, column=j).border = box
    k = 4 + len(pays) + 1
    ws2.cell(row=k, column=1, value="Wedding pot balance on 26/10/2025: £3,118.40 (after the quinta deposit)")
    ws2.cell(row=k, column=1).font = Font(italic=True)
    for col, w in zip("ABCDEFG", [16, 26, 44, 13, 12, 12, 8]):
        ws2.column_dimensions[col].width = w
    wb.save(os.path.join(OUT, "house_and_wedding_money.xlsx"))


# ---------------------------------------------------------------- 10. vet health club page (html)
def vets():
    write("ashcombe_vets_health_club_juno.html", """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Juno - Pet Health Club | Ashcombe Vets client portal</title>
  <style>
    body { font-family: Arial, sans-serif; max-width: 900px; margin: 1.5em auto; color: #222; }
    nav a { margin-right: 1em; }
    table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.4em; }
    th, td { border: 1px solid #b7c9a8; padding: 5px 8px; text-align: left; }
    th { background: #eef4e8; }
    .note { background: #fff7df; padding: 0.6em 1em; border-left: 4px solid #e0b000; }
  </style>
</head>
<body>
  <nav><a href="/portal">My pets</a><a href="/portal/book">Book an appointment</a><a href="/portal/repeat">Order
  repeat medicines</a><a href="/logout">Log out</a></nav>
  <h1>Juno's Pet Health Club</h1>
  <p>Ashcombe Vets, 21 Market Street, Ashcombe AS7 1BQ &middot; 0117 496 0684 &middot; Out of hours: 0808 157 0192</p>
  <div class="note"><p>Juno is due her six-monthly health check in <b>October 2025</b>. Book online or call
  reception.</p></div>

  <h2>Plan details</h2>
  <table>
    <tr><th>Client</th><td>Chloe Brennan (client number ASV-20417)</td></tr>
    <tr><th>Pet</th><td>Juno, border terrier, female (spayed), born 17/03/2021</td></tr>
    <tr><th>Plan</th><td>Dog Health Club: small dog (up to 10 kg)</td></tr>
    <tr><th>Monthly fee</th><td>&pound;14.95 by Direct Debit on the 3rd of each month</td></tr>
    <tr><th>Member since</th><td>03/05/2022</td></tr>
    <tr><th>Minimum term</th><td>12 months, then monthly (one month's notice to cancel)</td></tr>
  </table>

  <h2>What the plan includes</h2>
  <table>
    <thead><tr><th>Included</th><th>How often</th><th>Saving on our normal price</th></tr></thead>
    <tbody>
      <tr><td>Annual booster vaccination (distemper, hepatitis, parvovirus and leptospirosis)</td><td>Once a year</td>
      <td>&pound;62.00</td></tr>
      <tr><td>Health check with a vet (including a dental check)</td><td>Twice a year</td><td>&pound;96.00</td></tr>
      <tr><td>Flea and tick tablet</td><td>Every month, collected 3 months at a time</td><td>&pound;118.80</td></tr>
      <tr><td>Worming tablet</td><td>Every 3 months</td><td>&pound;38.40</td></tr>
      <tr><td>Nail clip with a nurse</td><td>As often as needed</td><td>&pound;12.00 each</td></tr>
      <tr><td>Discount on other treatment and food</td><td>-</td><td>10% off (15% off dental scale and polish)</td></tr>
    </tbody>
  </table>
  <p>Kennel cough vaccination is not part of the plan: &pound;39.50 (10% off with the plan).</p>

  <h2>Juno's records</h2>
  <table>
    <thead><tr><th>Treatment</th><th>Last given</th><th>Next due</th><th>Notes</th></tr></thead>
    <tbody>
      <tr><td>Annual booster (DHP and Lepto 4)</td><td>14/04/2025</td><td>14/04/2026</td><td>Given by Mr Okafor</td></tr>
      <tr><td>Kennel cough (nasal)</td><td>02/06/2025</td><td>02/06/2026</td><td>Before kennels in June</td></tr>
      <tr><td>Health check</td><td>14/04/2025</td><td>October 2025</td><td>Weight 8.2 kg (7.6 kg in April 2024) -
      cut down the treats. Mild tartar on the back teeth.</td></tr>
      <tr><td>Flea and tick tablets (3 months)</td><td>03/09/2025</td><td>03/12/2025</td><td>Collect from
      reception</td></tr>
      <tr><td>Worming tablet</td><td>21/08/2025</td><td>21/11/2025</td><td>-</td></tr>
      <tr><td>Skin allergy (itchy paws)</td><td>Apoquel 3.6 mg, 20/08/2025</td><td>As needed</td><td>Not covered
      by her insurance (from 2022)</td></tr>
    </tbody>
  </table>
  <p>Microchip details: please update your address on the microchip database yourself if you have moved. We
  have your address as 27 Sorrel Close, Ashcombe (changed 02/09/2025).</p>
</body>
</html>
""")


# ---------------------------------------------------------------- 11. wedding plan (md)
def wedding_plan():
    write("wedding_plan.md", f"""# Our wedding - Chloe & Rhys

Last updated 26/10/2025. The big day is **Sat 12 Sept 2026** at Quinta do Vale Sereno, near Loulé (Algarve) -
quote ref QVS-26-0912-BW, coordinator Inês. Nearest airport Faro, about 35 minutes in a taxi.

## The legal bit

The quinta ceremony is only a celebration, so we are doing the legal marriage at home first.

| | |
|---|---|
| Where | Ashcombe Register Office (Garden Room) |
| When | Fri 28 Aug 2026, 10:30am |
| Who | just us + witnesses: Megan (my sister) and Tom Hickey (Rhys's best man) |
| Giving notice | both of us in person, no earlier than 12 months and at least 29 days before - booked for 12/05/2026 |
| Bring | passports, proof of address (completion statement or council tax bill), £42 each |

## Guests

| | Adults | Children |
|---|---|---|
| My side | 22 | 3 |
| Rhys's side | 24 | 1 |
| **Total** | **46** | **4** |

Save the dates out by 1 Dec. Guests book their own flights and rooms (quinta rooms €135 a night, 2 nights min).

## Budget

| What | Budget | Quote / cost | Paid so far | Who |
|------|--------|--------------|-------------|-----|
| Quinta (venue, food, drink, DJ) | £18,000 | {euro(Q_TOTAL)} (about £17,880) | {money(DEP_GBP)} deposit | wedding pot |
| Photographer (Lucy Farrant) | £1,800 | £1,750 | £400.00 booking fee | Rhys |
| Dress and alterations | £1,600 | £1,390 | - | me |
| Rhys's suit | £450 | - | - | Rhys |
| Rings | £1,100 | - | - | wedding pot |
| Flowers (quinta's florist) | £900 | €960 | - | wedding pot |
| Register office (notice + ceremony) | £250 | £84 notice + £70 ceremony | - | wedding pot |
| Our flights and car hire in Sept | £600 | - | - | wedding pot |
| Recce trip (Nov 2025) | £700 | £464.96 flights | £464.96 | me |
| **Total** | **£25,400** | | | |

## Juno

Juno goes to Carol (Rhys's mum) in Ledworth from Thu 10 Sep to Tue 15 Sep 2026 - Carol says no charge,
just bring her food and the allergy tablets. Her insurance doesn't pay for kennels when we're on holiday anyway.

## My diabetes stuff for the trips

- Travel letter from clinic - got it on 09/09/2025 (keep with passport)
- All insulin in hand luggage, cool wallet for the heat, spare pens and 2 spare sensors
- Travel insurance: declare type 1 diabetes (Nov trip AND the wedding)
- Portugal is on UK time, so no change to when I take my degludec (9pm)

## To do

- [x] Book the quinta and pay the deposit (paid 21/10/2025)
- [x] Book flights for the recce trip (14-17 Nov)
- [x] Ask Joanne for the leave (approved in principle for 31 Aug - 20 Sep 2026)
- [x] Book photographer
- [ ] Menu tasting at the quinta on the recce trip - Sat 15 Nov, 1pm
- [ ] Save the dates by 1 Dec
- [ ] Dress deposit at Elm & Ivy (29 Nov)
- [ ] Put the wedding leave AND Fri 28 Aug on HealthRoster as soon as the 2026/27 year opens
- [ ] Second quinta payment by 12/03/2026
- [ ] Book our flights for September when Skylark release them (usually January)
- [ ] Final numbers and menu choices to the quinta by 14/07/2026
- [ ] Rings!
""")


# ---------------------------------------------------------------- 12. shift rota (txt)
def rota():
    days = [
        ("Mon 29 Sep", "LD", "07:30-20:00", 11.5, ""),
        ("Tue 30 Sep", "OFF", "", 0, ""),
        ("Wed 01 Oct", "SD", "09:30-16:30", 7.5, "V300 at uni (Marram Building)"),
        ("Thu 02 Oct", "OFF", "", 0, ""),
        ("Fri 03 Oct", "OFF", "", 0, ""),
        ("Sat 04 Oct", "LD", "07:30-20:00", 11.5, ""),
        ("Sun 05 Oct", "LD", "07:30-20:00", 11.5, ""),
        ("Mon 06 Oct", "OFF", "", 0, ""),
        ("Tue 07 Oct", "OFF", "", 0, ""),
        ("Wed 08 Oct", "SD", "09:30-16:30", 7.5, "V300 at uni"),
        ("Thu 09 Oct", "N", "19:30-08:00", 11.5, "first of 3 nights"),
        ("Fri 10 Oct", "N", "19:30-08:00", 11.5, ""),
        ("Sat 11 Oct", "N", "19:30-08:00", 11.5, "finish Sun 12 Oct 08:00"),
        ("Sun 12 Oct", "OFF", "", 0, "post nights"),
        ("Mon 13 Oct", "OFF", "", 0, "post nights"),
        ("Tue 14 Oct", "LD (C)", "07:30-20:00", 11.5, "in charge"),
        ("Wed 15 Oct", "SD", "09:30-16:30", 7.5, "V300 at uni"),
        ("Thu 16 Oct", "OFF", "", 0, ""),
        ("Fri 17 Oct", "OFF", "", 0, "request: Megan's birthday meal"),
        ("Sat 18 Oct", "OFF", "", 0, "bank shift on Ward 12, see below"),
        ("Sun 19 Oct", "OFF", "", 0, ""),
        ("Mon 20 Oct", "LD", "07:30-20:00", 11.5, ""),
        ("Tue 21 Oct", "DPP", "09:00-17:00", 7.5, "prescribing practice with Dr Raman"),
        ("Wed 22 Oct", "SD", "09:30-16:30", 7.5, "V300 at uni"),
        ("Thu 23 Oct", "OFF", "", 0, ""),
        ("Fri 24 Oct", "LD", "07:30-20:00", 11.5, ""),
        ("Sat 25 Oct", "N", "19:30-08:00", 12.5, "clocks go back: 13.5 h on the ward, 12.5 h paid"),
        ("Sun 26 Oct", "OFF", "", 0, "finish 08:00 after the night"),
    ]
    total = sum(x[3] for x in days)
    assert total == 153.5, total
    lines = [f"{d:<12} {s:<8} {t:<13} {(f'{h:.1f}' if h else '-'):>10}   {n}".rstrip() for d, s, t, h, n in days]
    table_txt = "\n".join(lines)
    write("ward7_rota_oct_2025.txt", f"""WARD 7 - ACUTE MEDICAL UNIT (AMU), FENBRIDGE GENERAL HOSPITAL
Roster period 29/09/2025 to 26/10/2025 (4 weeks) - published on HealthRoster 01/09/2025
Chloe Brennan - Band 6 Junior Sister - 37.5 hours a week (150.0 hours this roster)

SHIFT KEY
  LD    long day        07:30-20:00   12.5 h on the ward, 11.5 h paid (1 h unpaid break)
  N     night           19:30-08:00   12.5 h on the ward, 11.5 h paid (1 h unpaid break)
  SD    study day       V300 at the University of Fenbridge, counts as 7.5 h
  DPP   supervised prescribing practice on AMU, 09:00-17:00, counts as 7.5 h
  (C)   in charge of the unit
  OFF   rest day

DATE         SHIFT    TIMES          PAID HOURS   NOTES
-----------  -------  -------------  ----------   ------------------------------------------
{table_txt}

Total paid hours this roster: {total:.1f} (contracted 150.0, so 3.5 h owed to me - carried to the next roster)

BANK SHIFTS (not part of this roster, paid weekly by the staff bank)
  - Sat 18 Oct: long day 07:30-20:00 on Ward 12 (Respiratory), bank rate band 6
  - Nothing booked for November yet - NOT the week of the Faro trip (13-17 Nov, annual leave)

REQUESTS
  - Fri 17 Oct off for Megan's birthday meal: granted
  - No nights in the week before the numeracy exam (Wed 3 Dec): asked for the next roster

NOTES
  - Handover 07:30 and 19:30 sharp - be on the unit 10 minutes before.
  - Charge shifts: check the bed state and the escalation plan with the site team at 08:00 and 14:00.
  - Sat 25 Oct night: the clocks go back at 2am on Sun 26 Oct, so the night is an hour longer (paid).
  - Next roster (27/10/2025 to 23/11/2025) goes live on 29/09/2025.
""")


# ---------------------------------------------------------------- 13. repeat prescriptions (csv)
def repeats():
    rows = [
        ["Medicine", "Strength and form", "How to use", "Quantity", "Days", "Last issued", "Next due",
         "Review by"],
        ["Insulin degludec", "100 units/ml, 3 ml FlexTouch pre-filled pens",
         "16 units once a day at about 9pm (dose changed 22/09/2025, was 18 units)", "5 pens", "84",
         "22/09/2025", "08/12/2025", "01/03/2026"],
        ["Insulin aspart", "100 units/ml, 3 ml pre-filled pens", "With meals by carbohydrate ratio, and for "
         "corrections, as directed by the diabetes clinic", "10 pens", "84", "18/08/2025", "03/11/2025",
         "01/03/2026"],
        ["Pen needles", "4 mm, 32G", "One new needle for each injection", "200 needles", "40", "29/09/2025",
         "01/11/2025", "01/03/2026"],
        ["FreeStyle Libre 2 Plus sensors", "15-day glucose sensor", "Change every 15 days", "2 sensors", "30",
         "29/09/2025", "22/10/2025", "01/03/2026"],
        ["Blood glucose test strips", "For the backup meter", "If the sensor reading is doubtful or before "
         "driving if needed", "50 strips", "90", "02/07/2025", "24/09/2025", "01/03/2026"],
        ["Blood ketone test strips", "For the backup meter", "If glucose is over 14 mmol/L or unwell (new, "
         "added 22/09/2025 as asked by the diabetes clinic)", "10 strips", "180", "22/09/2025", "21/03/2026",
         "01/03/2026"],
        ["Lancets", "30G", "For finger-prick tests", "100 lancets", "180", "02/07/2025", "29/12/2025",
         "01/03/2026"],
        ["Glucose 40% oral gel", "25 g tubes", "For a hypo if unable to eat tablets", "3 tubes", "90",
         "14/07/2025", "12/10/2025", "01/03/2026"],
        ["Glucagon injection kit", "1 mg", "For a severe hypo, given by someone else", "1 kit", "365",
         "14/01/2025", "14/01/2026", "01/03/2026"],
        ["Sharps bin", "1 litre", "For used needles and sensors; take full bins to the surgery", "1 bin", "90",
         "29/09/2025", "28/12/2025", "01/03/2026"],
    ]
    with open(os.path.join(OUT, "repeat_prescriptions.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


# ---------------------------------------------------------------- 14. ward manager's e-mail (eml, plain text)
def manager_email():
    entitlement, carried, taken, booked = 307.5, 22.5, 161.0, 34.5
    left = entitlement + carried - taken - booked
    assert left == 134.5
    m = EmailMessage()
    m["From"] = "Joanne Pettifer <joanne.pettifer@wyvernvalley.nhs.example>"
    m["To"] = "Chloe Brennan <chloe.brennan@wyvernvalley.nhs.example>"
    m["Date"] = format_datetime(dt.datetime(2025, 9, 25, 14, 12, 40, tzinfo=BST))
    m["Subject"] = "Re: leave for the wedding next year + this year's leave"
    m["Message-ID"] = "<jp.2025-09-25.brennan@wyvernvalley.nhs.example>"
    m.set_content(f"""Hi Chloe,

Lovely news again about the wedding! Answers to your questions below.

1. THE WEDDING, SEPTEMBER 2026
I'm happy to approve in principle three weeks off from Mon 31 Aug 2026 to Sun 20 Sep 2026, plus Fri 28 Aug
2026 for the register office. That is in next year's leave year (2026/27 starts on 1 April 2026), so it
can't go on HealthRoster yet. Please put it all on as soon as the 2026/27 year opens and no later than
31 March 2026 - it's first come, first served, and we can only have two band 6s off at the same time. Three
weeks at the end of the summer holidays is a big ask, so get in early.

2. YOUR LEAVE THIS YEAR (1 April 2025 to 31 March 2026)
  Entitlement (33 days + 8 bank holidays, over 10 years' service)     {entitlement:.1f} hours
  Carried over from 2024/25                                            {carried:.1f} hours
  Taken so far (to 24 Sep)                                            {taken:.1f} hours
  Booked, not yet taken (Thu 13, Fri 14 and Mon 17 Nov)                 {booked:.1f} hours
  Left to book                                                        {left:.1f} hours

You can carry up to 37.5 hours into 2026/27 with my agreement, which might help with the wedding. Anything
over that is lost on 31 March, so please book the rest - the winter is going to be busy and I'd rather you
had some proper breaks.

3. STUDY DAYS AND DPP DAYS
Your V300 Wednesdays are on the roster as SD (7.5 hours each) - please don't swap them without telling me.
Dr Raman has agreed one DPP day a fortnight on AMU (09:00-17:00, rostered as DPP). Keep your practice log
signed as you go: the university wants all 90 hours signed off by the portfolio deadline.

4. OTHER DATES
  - Your appraisal: Tue 3 Feb 2026, 2pm, my office.
  - NMC revalidation is due by 30/06/2026 - five reflective accounts and your confirmer (me) before then.
  - Mandatory training: your manual handling update expired on 31/08/2025 - please book it this month.

5. BANK SHIFTS
You've done six bank shifts since April. Fine by me, but please keep to at least 11 hours' rest between
shifts and no bank the day after a run of nights. Look after yourself (and the sugars!).

Joanne

Joanne Pettifer
Ward Manager, Acute Medical Unit (Ward 7)
Fenbridge General Hospital | ext 4417 | 0117 496 0417
""", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "email_ward_manager_annual_leave.eml"), "wb") as f:
        f.write(bytes(m))


# ---------------------------------------------------------------- 15. flights (eml, text + html)
def flights_email():
    plain = f"""Skylark Air - your booking is confirmed

Hi Chloe,

Thanks for booking with Skylark Air. Your booking reference is K7QZ4M. You'll need it to check in and to
make any changes.

YOUR FLIGHTS
  Outbound   SK2251   Fri 14 Nov 2025   Bristol (BRS) 06:40  ->  Faro (FAO) 09:30 local time
  Return     SK2254   Mon 17 Nov 2025   Faro (FAO) 11:05     ->  Bristol (BRS) 13:55

PASSENGERS
  Ms Chloe Brennan    seat 14A both ways   1 x 20kg hold bag + 1 small cabin bag
                                           + medical equipment bag (insulin and sensors), approved, free
  Mr Rhys Whitlock    seat 14B both ways   1 small cabin bag (under the seat)

WHAT YOU PAID
  Fares, outbound      2 x {money(FL_OUT)}    {money(2 * FL_OUT)}
  Fares, return        2 x {money(FL_BACK)}    {money(2 * FL_BACK)}
  20kg hold bag        2 x {money(FL_BAG)}    {money(2 * FL_BAG)}
  Seat selection       4 x {money(FL_SEAT)}      {money(4 * FL_SEAT)}
  Total paid                          {money(FL_TOTAL)}   (Visa ending 5521, Sat 11 Oct 2025)

BEFORE YOU FLY
  - Online check-in opens 30 days before each flight and closes 2 hours before departure.
  - Bag drop closes 40 minutes before departure. The gate closes 20 minutes before.
  - Carry insulin and sensors in your cabin bags, never in the hold. Bring your doctor's letter.
  - Name changes: £55.00 per person per flight. Date changes: £45.00 per person per flight plus any fare difference.

Have a lovely trip,
Skylark Air customer team
"""
    html = f"""<html><body style="font-family:Arial,sans-serif;color:#1b2a3a">
<h2 style="color:#2a6fb0">Skylark Air - your booking is confirmed</h2>
<p>Hi Chloe,</p>
<p>Thanks for booking with Skylark Air. Your booking reference is <b>K7QZ4M</b>. You'll need it to check in and to
make any changes.</p>
<h3>Your flights</h3>
<table border="1" cellpadding="5" style="border-collapse:collapse">
<tr><th></th><th>Flight</th><th>Date</th><th>From</th><th>To</th></tr>
<tr><td>Outbound</td><td>SK2251</td><td>Fri 14 Nov 2025</td><td>Bristol (BRS) 06:40</td><td>Faro (FAO) 09:30 local
time</td></tr>
<tr><td>Return</td><td>SK2254</td><td>Mon 17 Nov 2025</td><td>Faro (FAO) 11:05</td><td>Bristol (BRS) 13:55</td></tr>
</table>
<h3>Passengers</h3>
<table border="1" cellpadding="5" style="border-collapse:collapse">
<tr><th>Passenger</th><th>Seat</th><th>Bags</th></tr>
<tr><td>Ms Chloe Brennan</td><td>14A both ways</td><td>1 x 20kg hold bag + 1 small cabin bag + medical equipment
bag (insulin and sensors), approved, free</td></tr>
<tr><td>Mr Rhys Whitlock</td><td>14B both ways</td><td>1 small cabin bag (under the seat)</td></tr>
</table>
<h3>What you paid</h3>
<table border="1" cellpadding="5" style="border-collapse:collapse">
<tr><td>Fares, outbound</td><td>2 x &pound;{FL_OUT:.2f}</td><td>&pound;{2 * FL_OUT:.2f}</td></tr>
<tr><td>Fares, return</td><td>2 x &pound;{FL_BACK:.2f}</td><td>&pound;{2 * FL_BACK:.2f}</td></tr>
<tr><td>20kg hold bag</td><td>2 x &pound;{FL_BAG:.2f}</td><td>&pound;{2 * FL_BAG:.2f}</td></tr>
<tr><td>Seat selection</td><td>4 x &pound;{FL_SEAT:.2f}</td><td>&pound;{4 * FL_SEAT:.2f}</td></tr>
<tr><td colspan="2"><b>Total paid</b> (Visa ending 5521, Sat 11 Oct 2025)</td><td><b>&pound;{FL_TOTAL:.2f}</b></td></tr>
</table>
<h3>Before you fly</h3>
<ul>
<li>Online check-in opens 30 days before each flight and closes 2 hours before departure.</li>
<li>Bag drop closes 40 minutes before departure. The gate closes 20 minutes before.</li>
<li>Carry insulin and sensors in your cabin bags, never in the hold. Bring your doctor's letter.</li>
<li>Name changes: &pound;55.00 per person per flight. Date changes: &pound;45.00 per person per flight plus any fare
difference.</li>
</ul>
<p>Have a lovely trip,<br>Skylark Air customer team</p>
</body></html>
"""
    m = EmailMessage()
    m["From"] = "Skylark Air <bookings@skylarkair.example>"
    m["To"] = "Chloe Brennan <chloe.b.93@mailbox.example>"
    m["Date"] = format_datetime(dt.datetime(2025, 10, 11, 20, 31, 12, tzinfo=BST))
    m["Subject"] = "Booking confirmed K7QZ4M - Bristol to Faro, Fri 14 Nov"
    m["Message-ID"] = "<k7qz4m.20251011203112@skylarkair.example>"
    m.set_content(plain, charset="utf-8", cte="quoted-printable")
    m.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "email_skylark_flights_faro.eml"), "wb") as f:
        f.write(bytes(m))


# ---------------------------------------------------------------- 16. V300 induction (pptx)
def induction():
    prs = folder_kit.new_deck()
    bullets = partial(folder_kit.bullets, prs)

    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Independent and Supplementary Prescribing (V300)"
    s.placeholders[1].text = "University of Fenbridge, School of Health Sciences\n" \
                             "Induction day, September 2025 cohort - Wed 17 Sep 2025, Marram Building room 2.14"

    bullets("Your module team", [
        "Module lead and academic assessor: Dr Fiona Akhtar (f.akhtar@fenbridge.ac.example)",
        "Pharmacology lead: Dr Ben Osei, pharmacist prescriber",
        "Module administrator: Sasha Doyle, health.pg@fenbridge.ac.example, 0117 496 0388",
        "Module code NMP7040, 40 credits at Level 7",
    ])
    bullets("How the module works", [
        "26 taught days on Wednesdays, 9:30am to 4:30pm, on campus (a few online: see the timetable)",
        "90 hours of supervised prescribing practice with your Designated Prescribing Practitioner (DPP)",
        "Attendance: 100% expected. Miss more than 2 days and you must make them up with the next cohort",
        "Self-funding students: £2,450 for 2025/26 (most of you are funded by your employer)",
    ])

    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Assessments and key dates"
    data = [
        ["Date", "What", "To pass"],
        ["Wed 5 Nov 2025", "Practice numeracy test (online, does not count)", "-"],
        ["Wed 3 Dec 2025", "Numeracy exam, 20 questions, 1 hour", "100%"],
        ["Wed 14 Jan 2026", "Pharmacology exam, 2 hours", "80%"],
        ["Wed 11 Feb 2026", "OSCE: a 20-minute prescribing consultation", "Pass all stations"],
        ["Fri 13 Mar 2026, 12 noon", "Portfolio and practice log (90 hours signed by your DPP)", "Pass"],
        ["Wed 25 Mar 2026", "Resits: numeracy and pharmacology (one resit each)", "As above"],
        ["Thu 23 Apr 2026", "Exam board: results released the next day", "-"],
    ]
    shape = s.shapes.add_table(len(data), 3, Inches(0.4), Inches(1.5), Inches(12.5), Inches(5.0))
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            cell = shape.table.cell(i, j)
            cell.text = v
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = PPt(16)

    bullets("Passing the module", [
        "You must pass every part: a mark of 99% in the numeracy exam is a fail",
        "Any answer in the pharmacology exam or the OSCE that would cause serious harm to a patient is a fail",
        "Only one resit of each exam; fail the resit and you leave the module",
        "When you pass, we tell the NMC: you must register your annotation within 5 years",
    ])
    bullets("Before next Wednesday", [
        "Log in to the module page and read the prescribing competency framework",
        "Send Sasha the signed DPP agreement form by Wed 1 Oct 2025",
        "Buy or borrow the current BNF (or use the free app)",
        "Thank you - see you next week!",
    ])
    prs.save(os.path.join(OUT, "v300_prescribing_induction.pptx"))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    with tempfile.TemporaryDirectory(prefix="own_folder_7_") as tmp:
        mortgage_offer(tmp)
        completion_statement(tmp)
        payslip(tmp)
        clinic_letter(tmp)
        venue_quote(tmp)
    survey()
    pet_insurance()
    learning_agreement()
    money_workbook()
    vets()
    wedding_plan()
    rota()
    repeats()
    manager_email()
    flights_email()
    induction()
    total = 0
    for name in sorted(os.listdir(OUT)):
        size = os.path.getsize(os.path.join(OUT, name))
        total += size
        print(f"{size:8d}  {name}")
    print(f"{total:8d}  total")


if __name__ == "__main__":
    main()
