"""Generate bench/data/own_folder_4/: the documents of a final-year student who works part-time.

Jasmine (Jas) Whitford, 21, final year of a BSc in Biomedical Science at the University of Castlebridge,
who works variable hours as a customer host at the Lantern cinema and shares a five-bedroom house at
14 Albany Terrace, Castlebridge with four other students (all fictional: the town, university, people,
landlord, agent, employer, insurers, phone company, loan service, train company and club; phone numbers
in Ofcom's drama ranges 01632 960xxx, 0113 496 0xxx, 03069 990xxx, 0808 157 0xxx and 07700 900xxx; NHS
number in the 999 test range; National Insurance number with HMRC's example QQ prefix). The documents are
from summer 2025 to February 2026. UK conventions throughout (GBP, day-month dates).

Run with /work/main/.venv/bin/python (python-docx, openpyxl, python-pptx) and LibreOffice (`soffice`)
on PATH, which turns the .docx / .html drafts of the PDF documents into real text PDFs.

    /work/main/.venv/bin/python bench/data/own_folder_4_make.py

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
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from pptx.util import Inches, Pt as PPt

import folder_kit
from folder_kit import new_doc, para, table

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "own_folder_4")
GMT = dt.timezone.utc


# ---------------------------------------------------------------- helpers
to_pdf = partial(folder_kit.to_pdf, out=OUT)
write = partial(folder_kit.write, out=OUT)


ADDRESS = "Miss Jasmine Whitford\n14 Albany Terrace\nCastlebridge\nKB4 7TA"


# ---------------------------------------------------------------- 1. tenancy agreement (docx)
def tenancy():
    d = new_doc(size=10)
    para(d, "BROOKFIELD STUDENT LETS", bold=True, size=15, space_after=0)
    para(d, "3 Cornmarket, Castlebridge KB1 2HQ  ·  01632 960 274  ·  lettings@brookfieldlets.example",
         space_after=10)
    para(d, "JOINT TENANCY AGREEMENT FOR A SHARED STUDENT HOUSE", bold=True, size=13, align="center")
    para(d, "This agreement is made on 14 March 2025 between the Landlord and the Tenants named below. "
            "The Tenants are jointly and severally liable for the rent and for the other obligations in "
            "this agreement, but each Tenant pays the rent for their own room as shown in clause 3.")
    para(d, "1. The property and the parties", bold=True, size=11)
    table(d, [
        ["Property", "14 Albany Terrace, Castlebridge KB4 7TA: a five-bedroom terraced house with a shared "
                     "kitchen, lounge, two bathrooms and a back yard"],
        ["Landlord", "Mr Graham Ashcroft, c/o Brookfield Student Lets"],
        ["Managing agent", "Brookfield Student Lets (contact: Nadia Karim, property manager)"],
        ["Tenants", "Kieran Doyle, Freya Lund, Jasmine Whitford, Tobi Adeyemi, Marcus Chen"],
        ["Term", "A fixed term of 12 months from 1 July 2025 to 30 June 2026"],
        ["Rent due", "Monthly in advance, on or before the 1st of each month, by standing order to the agent"],
        ["Bills", "Not included. The Tenants must pay for gas, electricity, water, broadband and a TV licence "
                  "(if needed), and put the accounts in their own names."],
        ["Deposit scheme", "Tenancy Deposit Guard, certificate no. TDG-5518-2207"],
        ["Permitted occupiers", "5 (the Tenants only)"],
    ], header=False, widths=[4.0, 13.0], bold_first_col=True)
    para(d, "2. Guarantors", bold=True, size=11)
    para(d, "Each Tenant has provided a UK-based guarantor who has signed a separate deed of guarantee. "
            "Guarantor for Jasmine Whitford: Mrs Angela Whitford (mother).")
    para(d, "3. Rent and deposit for each room", bold=True, size=11)
    para(d, "During July and August 2025 a summer retainer of half the monthly rent is payable instead of "
            "the full rent. Full rent is payable from 1 September 2025.")
    table(d, [
        ["Room", "Tenant", "Monthly rent", "Summer retainer (Jul & Aug)", "Deposit"],
        ["Room 1 (front, double, en-suite)", "Kieran Doyle", "£520.00", "£260.00", "£520.00"],
        ["Room 2 (front, double)", "Freya Lund", "£485.00", "£242.50", "£485.00"],
        ["Room 3 (rear, double)", "Jasmine Whitford", "£475.00", "£237.50", "£475.00"],
        ["Room 4 (rear, single)", "Tobi Adeyemi", "£440.00", "£220.00", "£440.00"],
        ["Room 5 (attic, double)", "Marcus Chen", "£465.00", "£232.50", "£465.00"],
        ["Whole house", "", "£2,385.00", "£1,192.50", "£2,385.00"],
    ], widths=[5.0, 3.4, 2.6, 3.4, 2.6], bold_last=True)
    para(d, "The deposit was paid on signing and will be protected with Tenancy Deposit Guard within "
            "30 days. The prescribed information is attached.")
    para(d, "4. The Tenants agree", bold=True, size=11)
    for t in [
        "to keep the house clean and tidy, and to put the bins out: general waste (black bin) and "
        "recycling (blue bin) are collected on alternate Tuesdays; bins must be out by 7am;",
        "not to smoke or vape anywhere in the house or the back yard;",
        "not to keep any pets, except fish in a tank of under 20 litres;",
        "not to have any overnight guest for more than 3 nights in a row;",
        "to report any repair needed through the Brookfield tenant portal as soon as possible (for "
        "emergencies out of office hours, such as a burst pipe or no heating in winter, ring 0808 157 0419);",
        "not to change the locks or have extra keys cut without the agent's written permission;",
        "to test the smoke alarms once a month and replace batteries when needed.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "5. The Landlord agrees", bold=True, size=11)
    for t in [
        "to give the Tenants at least 24 hours' written notice before visiting, except in an emergency;",
        "to keep the structure, heating, hot water and appliances in repair;",
        "to return the deposit, less any agreed deductions, within 10 days of agreeing the amount.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "6. Charges", bold=True, size=11)
    table(d, [
        ["Charge", "Amount"],
        ["Replacement key or fob (each)", "£35.00"],
        ["Late rent (more than 14 days late)", "Interest at 3% above the Bank of England base rate"],
        ["Professional clean at the end, if the house is left dirty", "At cost, up to £180.00"],
        ["Changing the tenancy (for example a replacement tenant), if you ask", "£50.00"],
    ], widths=[10.0, 7.0])
    para(d, "7. Ending the tenancy", bold=True, size=11)
    para(d, "The house must be left empty and clean, and all keys returned to the agent's office, by 10am "
            "on 30 June 2026. A check-out inspection against the inventory (made on 1 July 2025) will be "
            "carried out the same day.")
    para(d, "Signed by the Landlord's agent: Nadia Karim, Brookfield Student Lets")
    para(d, "Signed by the Tenants: K. Doyle, F. Lund, J. Whitford, T. Adeyemi, M. Chen (14/03/2025)")
    d.save(os.path.join(OUT, "tenancy_agreement_14_albany_terrace.docx"))


# ---------------------------------------------------------------- 2. student loan statement (pdf)
def student_loan(tmp):
    d = new_doc(size=10)
    para(d, "Student Loan Service", bold=True, size=16, space_after=0)
    para(d, "PO Box 8120, Darlington DL1 9ZZ  ·  03069 990 214  ·  Monday to Friday 8am to 6pm", space_after=10)
    para(d, "YOUR ACCOUNT SUMMARY", bold=True, size=13)
    para(d, "Printed from your online account on 3 October 2025", italic=True)
    table(d, [
        ["Name", "Miss Jasmine Whitford"],
        ["Customer reference number", "8104 2276 5539"],
        ["Course", "BSc (Hons) Biomedical Science, University of Castlebridge, 2023 to 2026"],
        ["Repayment plan", "Plan 5"],
        ["Balance on 31 August 2025 (end of your 2024/25 academic year)", "£34,428.89"],
        ["Balance on 30 September 2025 (including payments and interest to that date)", "£37,083.36"],
        ["Interest rate, 1 September 2024 to 31 August 2025", "4.3%"],
        ["Interest rate from 1 September 2025", "3.2%"],
        ["Repayments received so far", "£0.00"],
    ], header=False, widths=[10.0, 7.0], bold_first_col=True)
    para(d, "What you have borrowed", bold=True, size=12)
    table(d, [
        ["Academic year", "Tuition fee loan", "Maintenance loan", "Interest added", "Total for the year"],
        ["2023/24", "£9,250.00", "£7,120.00", "£412.37", "£16,782.37"],
        ["2024/25", "£9,250.00", "£7,310.00", "£1,086.52", "£17,646.52"],
        ["Total to 31 August 2025", "£18,500.00", "£14,430.00", "£1,498.89", "£34,428.89"],
    ], widths=[4.0, 3.2, 3.4, 3.0, 3.4], bold_last=True)
    para(d, "Your 2025/26 payments", bold=True, size=12)
    para(d, "Your maintenance loan for 2025/26 is £7,688.00 and is paid to you in three instalments. Your "
            "tuition fee loan of £9,535.00 is paid straight to your university.")
    table(d, [
        ["Payment", "Date", "Amount", "Paid to"],
        ["Maintenance loan, instalment 1", "22/09/2025", "£2,562.66", "You (bank account ending 0932)"],
        ["Tuition fee loan, 25%", "17/11/2025", "£2,383.75", "University of Castlebridge"],
        ["Maintenance loan, instalment 2", "26/01/2026", "£2,562.66", "You (bank account ending 0932)"],
        ["Tuition fee loan, 25%", "16/02/2026", "£2,383.75", "University of Castlebridge"],
        ["Maintenance loan, instalment 3", "27/04/2026", "£2,562.68", "You (bank account ending 0932)"],
        ["Tuition fee loan, 50%", "18/05/2026", "£4,767.50", "University of Castlebridge"],
    ], widths=[5.2, 2.6, 2.6, 6.6])
    para(d, "Paying it back", bold=True, size=12)
    para(d, "You will not have to start repaying until the April after you leave your course, so the earliest "
            "you will repay is April 2027. On Plan 5 you repay 9% of your income over £25,000 a year, "
            "collected through the tax system by your employer. Anything you still owe is written off 40 years "
            "after the April you were first due to repay.")
    para(d, "Please tell us straight away if you leave or suspend your course, change your bank details or "
            "change your name. If you leave early, later instalments will be stopped and you may be overpaid.")
    p = os.path.join(tmp, "student_loan.docx")
    d.save(p)
    to_pdf(p, "student_loan_statement_2025.pdf")


# ---------------------------------------------------------------- 3. bursary award letter (pdf)
def bursary(tmp):
    d = new_doc(size=10.5)
    para(d, "University of Castlebridge", bold=True, size=16, align="right", space_after=0)
    para(d, "Student Money Advice Team, The Hub, Library Road, Castlebridge KB2 9UA", align="right", space_after=0)
    para(d, "01632 960 380  ·  studentmoney@castlebridge.ac.example", align="right", space_after=12)
    para(d, ADDRESS)
    para(d, "6 October 2025", space_after=0)
    para(d, "Student ID: 23045187", bold=True)
    para(d, "Dear Jasmine,")
    para(d, "Your Castlebridge Access Bursary 2025/26", bold=True, size=12)
    para(d, "I am pleased to tell you that you have been awarded a Castlebridge Access Bursary for your final "
            "year. The bursary is a gift: you do not have to pay it back, and it does not change your student "
            "loan.")
    table(d, [
        ["Award", "Castlebridge Access Bursary (final year)"],
        ["Amount for 2025/26", "£1,500"],
        ["Household income (from your student finance assessment)", "£24,310"],
        ["First instalment", "£750 on 14 November 2025"],
        ["Second instalment", "£750 on 13 March 2026"],
        ["Paid into", "Your bank account ending 0932 (the one you gave the Student Loan Service)"],
    ], header=False, widths=[8.0, 9.0], bold_first_col=True)
    para(d, "What you need to do", bold=True)
    para(d, "Please accept your award on the Student Portal (Money > My awards) by 31 October 2025. If you do "
            "not accept it by then, the first instalment will be delayed until the second payment date.")
    para(d, "Conditions", bold=True)
    for t in [
        "You must be registered and attending your course on the census dates, 1 December 2025 and "
        "1 March 2026. If you withdraw or suspend your studies, any instalment not yet paid will stop.",
        "If your household income is reassessed by the Student Loan Service, we may review your award.",
        "The bursary cannot be paid to anyone else, or in cash.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Final Year Project Support Fund", bold=True)
    para(d, "Because you receive the Access Bursary, you can also claim up to £120 towards the costs of your "
            "final-year project, such as printing your poster or binding your dissertation. Claim on the "
            "Student Portal with your receipts by 30 April 2026.")
    para(d, "If your circumstances change, or you are struggling with money, please come and see us at The Hub "
            "(Monday to Friday, 10am to 4pm) or book a call on 01632 960 380.")
    para(d, "Best wishes,")
    para(d, "Lauren Oduya\nStudent Money Adviser")
    p = os.path.join(tmp, "bursary.docx")
    d.save(p)
    to_pdf(p, "bursary_award_letter_2025-26.pdf")


# ---------------------------------------------------------------- 4-5. payslips (pdf, two-column boxes)
def payslip(tmp, name, slip):
    d = new_doc(size=9.5)
    para(d, "LANTERN CINEMAS LTD", bold=True, size=16, space_after=0)
    para(d, "The Lantern, 22 Market Parade, Castlebridge KB1 4DL  ·  Payroll queries: payroll@lanterncinemas.example",
         space_after=0)
    para(d, "PAYSLIP", bold=True, size=15, align="right")
    table(d, [
        ["Employee", "Payment"],
        ["Jasmine Whitford\nEmployee no: LC-40817\nJob: Customer Host (variable hours)\n"
         "Site: The Lantern, Castlebridge\nNI number: QQ 12 34 56 C",
         f"Pay date: {slip['pay_date']}\nTax period: {slip['period']}\nHours worked: {slip['hours_from']}\n"
         "Tax code: 1257L M1\nPaid by BACS to account ending 0932"],
    ], widths=[8.5, 8.5])
    rows = [["Payments", "Hours", "Rate", "Amount"]] + slip["payments"] + [["Gross pay", "", "", slip["gross"]]]
    table(d, rows, widths=[8.5, 2.5, 2.5, 3.5], bold_last=True)
    rows = [["Deductions", "Amount"]] + slip["deductions"] + [["Total deductions", slip["total_ded"]]]
    table(d, rows, widths=[13.5, 3.5], bold_last=True)
    table(d, [["NET PAY", slip["net"]]], header=False, widths=[13.5, 3.5], bold_first_col=True)
    para(d, "Year to date (from 6 April 2025)", bold=True)
    table(d, [
        ["Gross pay to date", "Taxable pay to date", "Tax to date", "National Insurance to date"],
        [slip["ytd_gross"], slip["ytd_gross"], "£96.40", "£58.12"],
    ], widths=[4.5, 4.5, 3.5, 4.5])
    para(d, "Holiday pay: as you work irregular hours, your holiday pay is paid with every payslip at 12.07% of "
            "your basic pay and shift premiums (rolled-up holiday pay). Please book holiday with your duty "
            "manager at least two weeks ahead.", size=8.5)
    para(d, slip["note"], italic=True, size=8.5)
    p = os.path.join(tmp, name.replace(".pdf", ".docx"))
    d.save(p)
    to_pdf(p, name)


def payslips(tmp):
    # December: 86.5 h x £12.21 = £1,056.17; 14 h x £1.50 = £21.00; 12.07% x £1,077.17 = £130.01
    dec = dict(
        pay_date="24/12/2025", period="Month 9", hours_from="16/11/2025 to 15/12/2025",
        payments=[["Basic pay", "86.50", "£12.21", "£1,056.17"],
                  ["Late shift premium (after 11pm)", "14.00", "£1.50", "£21.00"],
                  ["Holiday pay (12.07%)", "", "", "£130.01"],
                  ["Christmas shift bonus", "", "", "£25.00"]],
        gross="£1,232.18",
        deductions=[["Income tax", "£36.80"], ["National Insurance", "£14.73"], ["Staff social fund", "£2.00"]],
        total_ded="£53.53", net="£1,178.65", ytd_gross="£6,443.36",
        note="Merry Christmas from everyone at the Lantern! The Christmas shift bonus is paid to all staff who "
             "worked at least 4 shifts in December.")
    assert round(1056.17 + 21.00 + 130.01 + 25.00, 2) == 1232.18
    assert round(1232.18 - 36.80 - 14.73 - 2.00, 2) == 1178.65
    # January: 64 h x £12.21 = £781.44; 8 h x £1.50 = £12.00; 12.07% x £793.44 = £95.77
    jan = dict(
        pay_date="30/01/2026", period="Month 10", hours_from="16/12/2025 to 15/01/2026",
        payments=[["Basic pay", "64.00", "£12.21", "£781.44"],
                  ["Late shift premium (after 11pm)", "8.00", "£1.50", "£12.00"],
                  ["Holiday pay (12.07%)", "", "", "£95.77"]],
        gross="£889.21",
        deductions=[["Income tax", "£0.00"], ["National Insurance", "£0.00"], ["Staff social fund", "£2.00"]],
        total_ded="£2.00", net="£887.21", ytd_gross="£7,332.57",
        note="From 1 April 2026 the hourly rate for Customer Hosts aged 21 and over goes up to £12.71.")
    assert round(781.44 + 12.00 + 95.77, 2) == 889.21 and round(6443.36 + 889.21, 2) == 7332.57
    payslip(tmp, "payslip_december_2025.pdf", dec)
    payslip(tmp, "payslip_january_2026.pdf", jan)


# ---------------------------------------------------------------- 6. bike insurance (pdf)
def bike_insurance(tmp):
    d = new_doc(size=9.5)
    para(d, "Spokesafe Cycle Insurance", bold=True, size=16, space_after=0)
    para(d, "Spokesafe is a trading name of Kellaway Underwriting Ltd, 40 Quay Street, Bristol BS1 9ZZ", space_after=8)
    para(d, "POLICY SCHEDULE", bold=True, size=13, align="center")
    table(d, [
        ["Policyholder", "Miss Jasmine Whitford"],
        ["Address", "14 Albany Terrace, Castlebridge KB4 7TA"],
        ["Policy number", "SPK-7741093"],
        ["Period of insurance", "12/09/2025 to 11/09/2026"],
        ["Premium", "£8.45 a month by Direct Debit (£101.40 a year)"],
    ], header=False, widths=[5.0, 12.0], bold_first_col=True)
    para(d, "Your insured bicycle", bold=True, size=11)
    table(d, [
        ["Make and model", "Frame number", "Bought", "Insured value"],
        ["Vantor Urban 3 hybrid (2024), matt green", "VTR24-U3-558102", "20 August 2024", "£850"],
    ], widths=[7.0, 4.0, 3.0, 3.0])
    para(d, "What you are covered for", bold=True, size=11)
    table(d, [
        ["Cover", "Most we pay", "Excess"],
        ["Theft of the bicycle (locked as required below)", "£850", "£75"],
        ["Accidental damage to the bicycle", "£850", "£40"],
        ["Vandalism", "£850", "£40"],
        ["Accessories (lights, lock, pump, helmet, panniers)", "£150", "£25"],
        ["Personal accident while cycling", "£5,000", "Nil"],
        ["Public liability", "£1,000,000", "Nil"],
        ["Roadside recovery (breakdown or puncture)", "2 call-outs a year", "Nil"],
    ], widths=[9.0, 4.5, 3.5])
    para(d, "Locking conditions", bold=True, size=11)
    for t in [
        "Away from home your bicycle must be locked through the frame to an immovable object with a lock rated "
        "Sold Secure Gold or better. We will not pay a theft claim if it was not locked this way.",
        "At home it must be kept inside the house or in a locked shed or garage.",
        "Between 10pm and 6am the bicycle must be kept indoors unless it is at a railway station or at your "
        "workplace.",
        "Keep your receipt and the lock's key or combination: we may ask for them.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "If your bicycle is less than 3 years old when it is stolen or written off, we replace it new for "
            "old. After that we pay its value at the time of the claim.")
    para(d, "Claims", bold=True, size=11)
    para(d, "Report a theft to the police within 24 hours and get a crime reference number, then call us on "
            "0808 157 0472 within 48 hours. Roadside recovery: 0808 157 0476 (24 hours).")
    para(d, "You can cancel within 14 days of the start date for a full refund.", italic=True, size=8.5)
    p = os.path.join(tmp, "bike_insurance.docx")
    d.save(p)
    to_pdf(p, "bike_insurance_policy_2025-26.pdf")


# ---------------------------------------------------------------- 7. contents insurance (docx)
def contents_insurance():
    d = new_doc(size=10)
    para(d, "Campus & Co Student Insurance", bold=True, size=16, space_after=0)
    para(d, "Contents cover for students in shared houses and halls", italic=True, space_after=8)
    para(d, "Policy schedule", bold=True, size=13)
    table(d, [
        ["Policy number", "CCS-2025-338104"],
        ["Insured", "Jasmine Whitford"],
        ["Room insured", "Room 3, 14 Albany Terrace, Castlebridge KB4 7TA (shared house, 5 tenants)"],
        ["Period of cover", "01/09/2025 to 31/08/2026"],
        ["Premium", "£89.40 for the year, paid by card on 28 August 2025"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "Your cover", bold=True, size=12)
    table(d, [
        ["Cover", "Limit", "Excess"],
        ["Your contents in your room and the shared areas", "£6,000", "£50"],
        ["Any one item (unless listed below)", "£1,000", "-"],
        ["Accidental damage to your contents", "Included", "£75"],
        ["Laptop, tablet and phone away from the house", "£1,500 in total, £1,000 any one item", "£75"],
        ["Bicycles at the house (locked)", "£400 any one bicycle", "£100"],
        ["Tenant's liability (damage to the landlord's fixtures and fittings)", "£5,000", "£50"],
        ["Personal liability", "£2,000,000", "Nil"],
        ["Food in the freezer (power cut or breakdown)", "£200", "Nil"],
    ], widths=[8.5, 5.5, 3.0])
    para(d, "Specified items", bold=True, size=12)
    table(d, [
        ["Item", "Value", "Covered away from the house?"],
        ["Laptop: MacBook Air 13-inch (2024), serial C02X7731LQ", "£1,049", "Yes"],
        ["Prescription glasses", "£260", "Yes"],
    ], widths=[9.5, 2.5, 5.0])
    para(d, "What is not covered", bold=True, size=12)
    for t in [
        "Theft from your room or the shared areas unless someone broke in by force, or your room door was "
        "locked and the lock was forced.",
        "Theft of anything left in a car, or of a bicycle that was not locked.",
        "Bicycles away from the house. If your bike is worth more than £400, or you want it covered away from "
        "the house, insure it separately.",
        "Damage caused by wear and tear, moths or pets.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "How to claim", bold=True, size=12)
    para(d, "Call 0808 157 0483 (Monday to Saturday, 8am to 8pm) or claim online. For theft, please report it "
            "to the police first and get a crime reference number. Have your policy number ready.")
    para(d, "Your policy will not renew automatically. We will e-mail you in July 2026 if you want to insure "
            "next year's address.", italic=True, size=8.5)
    d.save(os.path.join(OUT, "contents_insurance_schedule.docx"))


# ---------------------------------------------------------------- 8. phone contract summary (docx)
def phone():
    d = new_doc(size=10)
    para(d, "Kestrel Mobile", bold=True, size=16, space_after=0)
    para(d, "Contract summary", bold=True, size=13, space_after=0)
    para(d, "This summary sets out the main parts of your contract, as required by Ofcom. Please keep it.",
         italic=True)
    table(d, [
        ["Customer", "Jasmine Whitford"],
        ["Account number", "4410 2287"],
        ["Mobile number", "07700 900 618"],
        ["Plan", "Kestrel Essentials 60GB airtime plan + Pixelon 7a phone on a 24-month device plan"],
        ["Contract start date", "14 March 2024"],
        ["Minimum term", "24 months, ending 13 March 2026"],
        ["Allowances each month", "60GB data, unlimited UK minutes and texts"],
        ["Roaming", "Included in our Roam Zone 1 (EU countries, Norway, Switzerland), up to 30GB a month"],
        ["Spend cap", "£10 a month for anything outside your allowances"],
    ], header=False, widths=[4.5, 12.5], bold_first_col=True)
    para(d, "What you pay", bold=True, size=12)
    para(d, "Your airtime plan price goes up by £1.80 a month every April, starting in April 2025. Your device "
            "plan price is fixed and ends when the phone is paid off.")
    table(d, [
        ["When", "Airtime plan", "Device plan", "Total a month"],
        ["March 2024 to your March 2025 bill", "£12.00", "£14.50", "£26.50"],
        ["From your April 2025 bill", "£13.80", "£14.50", "£28.30"],
        ["From your April 2026 bill (phone paid off)", "£15.60", "-", "£15.60"],
    ], widths=[7.0, 3.0, 3.0, 4.0])
    para(d, "Other charges", bold=True, size=12)
    for t in [
        "Calls to 084 and 087 numbers: 45p a minute plus the service charge of the number you call.",
        "Roaming outside Roam Zone 1: £6 a day in Roam Zone 2 (including the USA and Canada).",
        "Replacement SIM: free. Paper bill: £1.50 a month.",
    ]:
        d.add_paragraph(t, style="List Bullet")
    para(d, "Ending your contract", bold=True, size=12)
    para(d, "If you leave before 13 March 2026 you must pay the rest of your device plan and the airtime plan "
            "to the end of the minimum term. After that you can leave at any time with 30 days' notice. To "
            "take your number to another network, text PAC to 65075. Once the minimum term ends your airtime "
            "plan carries on month to month.")
    para(d, "Customer services: 03069 990 615 or 150 from your Kestrel phone (8am to 8pm every day).")
    d.save(os.path.join(OUT, "phone_contract_summary.docx"))


# ---------------------------------------------------------------- 9. lecture timetable (html)
def timetable():
    write("lecture_timetable_semester_2.html", """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>My timetable - Semester 2 2025/26 - University of Castlebridge</title>
  <style>
    body { font-family: Arial, sans-serif; max-width: 900px; margin: 1.5em auto; color: #222; }
    table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.4em; }
    th, td { border: 1px solid #bbb; padding: 4px 7px; text-align: left; font-size: 0.95em; }
    th { background: #dde8f3; }
    .note { background: #fff7d6; padding: 0.5em 1em; }
  </style>
</head>
<body>
  <p>University of Castlebridge &middot; Student Portal &middot; Logged in as Jasmine Whitford (23045187)</p>
  <h1>My timetable: Semester 2, 2025/26</h1>
  <p>BSc (Hons) Biomedical Science, Year 3. Teaching weeks 1 to 11: Monday 26 January to Friday 1 May 2026.
  Reading week (no teaching): 16 to 20 February 2026. Easter vacation: Monday 23 March to Friday 10 April 2026.</p>

  <h2>Weekly classes</h2>
  <table>
    <thead><tr><th>Day</th><th>Time</th><th>Module</th><th>Activity</th><th>Room</th><th>Staff</th><th>Weeks</th></tr></thead>
    <tbody>
      <tr><td>Monday</td><td>09:00-10:00</td><td>BIO3042 Immunology and Infection</td><td>Lecture</td><td>Harlow Building LT2</td><td>Dr Ruth Okoye</td><td>1-11</td></tr>
      <tr><td>Monday</td><td>14:00-17:00</td><td>BIO3099 Research Project</td><td>Project lab</td><td>Ashworth Building B14</td><td>Dr Tomasz Nowicki</td><td>1-7</td></tr>
      <tr><td>Tuesday</td><td>11:00-11:30</td><td>BIO3099 Research Project</td><td>Supervisor meeting</td><td>Ashworth Building 2.17</td><td>Dr Tomasz Nowicki</td><td>1-11</td></tr>
      <tr><td>Tuesday</td><td>13:00-14:00</td><td>BIO3051 Cancer Biology</td><td>Lecture</td><td>Harlow Building LT1</td><td>Prof. Helen Tranter</td><td>1-10</td></tr>
      <tr><td>Wednesday</td><td>10:00-11:00</td><td>BIO3051 Cancer Biology</td><td>Lecture</td><td>Harlow Building LT1</td><td>Prof. Helen Tranter</td><td>1-10</td></tr>
      <tr><td>Wednesday</td><td>11:00-12:00</td><td>BIO3042 Immunology and Infection</td><td>Lecture</td><td>Harlow Building LT2</td><td>Dr Ruth Okoye</td><td>1-11</td></tr>
      <tr><td>Thursday</td><td>09:00-11:00</td><td>BIO3017 Communicating Science</td><td>Workshop</td><td>Beaumont Building Seminar Room 3</td><td>Dr Owen Pryce</td><td>1-8</td></tr>
      <tr><td>Thursday</td><td>15:00-16:00</td><td>BIO3042 Immunology and Infection</td><td>Seminar (group B)</td><td>Harlow Building 1.08</td><td>Dr Ruth Okoye</td><td>2, 4, 6, 8, 10</td></tr>
      <tr><td>Friday</td><td>10:00-12:00</td><td>BIO3063 Bioinformatics</td><td>Computer practical</td><td>Library PC Suite 2</td><td>Dr Mei Lin</td><td>1-10</td></tr>
      <tr><td>Friday</td><td>13:00-14:00</td><td>BIO3063 Bioinformatics</td><td>Lecture</td><td>Harlow Building LT2</td><td>Dr Mei Lin</td><td>1-10</td></tr>
    </tbody>
  </table>
  <p class="note">Wednesday afternoons are kept free for sport and societies. Changes to this timetable are
  e-mailed to your student account and shown here in red.</p>

  <h2>Coursework deadlines</h2>
  <table>
    <thead><tr><th>Module</th><th>Assessment</th><th>Weighting</th><th>Deadline</th></tr></thead>
    <tbody>
      <tr><td>BIO3042 Immunology and Infection</td><td>Essay on vaccine hesitancy (2,500 words)</td><td>30%</td><td>Thu 5 March 2026, 12:00</td></tr>
      <tr><td>BIO3017 Communicating Science</td><td>Science podcast (10 minutes) with a 500-word reflection</td><td>50%</td><td>Fri 20 March 2026, 17:00</td></tr>
      <tr><td>BIO3063 Bioinformatics</td><td>Data analysis report</td><td>40%</td><td>Mon 20 April 2026, 12:00</td></tr>
      <tr><td>BIO3051 Cancer Biology</td><td>Journal club presentation</td><td>20%</td><td>In your seminar week (see Moodle)</td></tr>
      <tr><td>BIO3099 Research Project</td><td>Dissertation and poster</td><td>100%</td><td>See the project handbook and your supervisor</td></tr>
    </tbody>
  </table>
  <p>All coursework is handed in on Moodle by the deadline. Work handed in late without an approved extension
  loses 10 marks for each day late, up to 5 days; after that it gets a mark of zero.</p>

  <h2>Your personal tutor</h2>
  <p>Dr Owen Pryce, Beaumont Building room 3.04. Office hours: Thursdays 12:00-13:00 (book on Moodle).</p>
</body>
</html>
""")


# ---------------------------------------------------------------- 10. lab safety rules (md)
def lab_rules():
    write("lab_safety_rules_B14.md", """# Lab B14, Ashworth Building: local safety rules

**School of Biosciences, University of Castlebridge** · Version 4.2 · Reviewed 8 September 2025 by
Dr Samira Haddad (Lab Manager, room B12, ext. 4410)

Read these rules before your first session and sign the register by the door. They add to the University's
general health and safety policy; they do not replace it.

## Before you start

1. Complete the online induction **BIO Safety 101** and the B14 walk-round with a technician.
2. Your supervisor must sign a risk assessment (including COSHH) for every procedure before you do it
   for the first time.
3. Know where the nearest eyewash station (by the door), emergency shower (corridor outside B14), first
   aid box and spill kit (under the sink, bay 4) are.

## What to wear

- A white lab coat, fully buttoned. Lab coats stay in the lab and are never worn in the café or library.
- Safety glasses at all times at the bench. Goggles for anything that may splash.
- Nitrile gloves (not latex). Take them off before touching door handles, keyboards or your phone.
- Closed shoes that cover the whole foot. No sandals, no ballet flats.
- Long hair tied back. No dangling scarves or lanyards.

## When you can work in B14

| Time | Hours | Who can work |
|------|-------|--------------|
| Normal hours | Monday to Friday, 08:30 to 18:00 | Anyone who has had the induction |
| Out of hours | Monday to Friday 18:00 to 21:00, Saturday 09:00 to 17:00 | Postgraduates and staff; undergraduates only with an out-of-hours permit signed by their supervisor, and never alone |
| Closed | Sundays and bank holidays | Nobody |

Lone working in B14 is not allowed for undergraduates at any time: someone who knows you are there must be
in the building.

## Never

- Eat, drink, chew gum or put on make-up in the lab. Water bottles stay in the lockers outside.
- Mouth pipette.
- Use your phone at the bench.
- Take chemicals, cultures or lab equipment out of the lab.
- Use the autoclave unless a technician has trained you and signed you off.

## Waste

| Waste | Where it goes | Colour |
|-------|---------------|--------|
| Needles, scalpel blades, glass Pasteur pipettes | Sharps bin | Yellow with a yellow lid |
| Broken glass that is not contaminated | Broken glass box | Cardboard, marked "GLASS ONLY" |
| Used cultures, plates, tips that touched microbes | Autoclave bag in the bench bin | Clear with orange print |
| Solvents and chemical waste | Labelled waste bottle in fume cupboard 2 | - |
| Paper towels and gloves that are not contaminated | General waste | Black |

## Spills

- **Small biological spill** (less than about 50 ml): cover it with paper towel, pour on 1% Virkon, leave
  it for 10 minutes, then wipe it up into an autoclave bag. Tell the Lab Manager.
- **Chemical spill:** use the spill kit under the sink in bay 4 and tell a technician.
- **Large spill, or anything you are not sure about:** get everyone out, close the door and call security
  on ext. 2222.

## Emergencies

- **Fire alarm:** stop work, turn off gas taps and Bunsen burners if it is safe, and leave by the nearest
  exit. Do not use the lift. The assembly point is **Assembly Point C, the car park behind the Beaumont
  Building**.
- **Emergency from a university phone:** ext. 2222 (security, 24 hours). From a mobile: 01632 960 222.
- **First aiders for B14:** Dr Samira Haddad (ext. 4410) and Gareth Flint, senior technician (ext. 4415).
- **Eye splash:** use the eyewash station for at least 15 minutes, then get first aid.

Report every accident or near miss on the online incident form within 24 hours, even if no one was hurt.

## Leaving the lab

Wipe down your bench with 70% ethanol, put your samples away (fridges and freezers labelled with your
initials and the date), take off your lab coat and gloves, and wash your hands.
""")


# ---------------------------------------------------------------- 11. supervisor e-mail (eml)
def supervisor_email():
    m = EmailMessage()
    m["From"] = "Dr Tomasz Nowicki <t.nowicki@castlebridge.ac.example>"
    m["To"] = "Jasmine Whitford <j.whitford23@students.castlebridge.ac.example>"
    m["Date"] = format_datetime(dt.datetime(2026, 2, 2, 9, 14, 27, tzinfo=GMT))
    m["Subject"] = "Re: project dates for the rest of the year"
    m["Message-ID"] = "<CAH7nowicki0202dates@mail.castlebridge.ac.example>"
    m["In-Reply-To"] = "<DB9P191MB0877.jwhitford@students.castlebridge.ac.example>"
    m.set_content("""Hi Jas,

Good to see the qPCR results on Tuesday - the knockdown is working, so you've got a
real story now. As asked, here are the dates we agreed. Please put them in your calendar.

  - Last day in the lab for experiments: Friday 13 March. The MSc students take over
    the B14 benches after that, so plan your final repeats for early March.
  - Results chapter (draft, with figures and legends): to me by Friday 27 February.
  - Full draft of the whole dissertation: to me by Wednesday 25 March. I'm away at a
    conference from 30 March to 10 April, so you'll get my comments back by Friday 17 April.
  - Final submission: Thursday 23 April 2026, by 12 noon, on Moodle (Turnitin).
    Maximum 8,000 words, not counting references, figure legends and the appendix.
  - Poster: send me the PDF by Friday 8 May. The poster session is on Wednesday 13 May,
    2-4pm, in the Ashworth atrium. Everyone in the School is invited, so dress smart-ish.

We'll keep meeting on Tuesdays at 11 in my office (2.17), except 17 February (reading
week - I'm on leave).

A few other things:
  - Your samples are in the -80 freezer, shelf 3, box labelled JW-2026. Please don't
    leave them there after you finish: they need to be thrown away (autoclaved) or handed
    over to Gareth by the end of March.
  - If you need more time for the dissertation, you have to apply for an extension through
    Extenuating Circumstances on the Student Portal before the deadline. I can't give
    extensions myself, but I'm happy to support an application.
  - Marking: the dissertation is 70% of the module and the poster 30%. The second marker
    is Dr Mei Lin.
  - Don't forget the Final Year Project Support Fund if you're on the bursary - it will
    pay for the poster printing (the print shop charges about £18 for A1).

Best wishes,
Tomasz

--
Dr Tomasz Nowicki
Lecturer in Molecular Microbiology, School of Biosciences
Ashworth Building, room 2.17 | 01632 960 437
University of Castlebridge

On Thu, 29 Jan 2026 at 17:02, Jasmine Whitford wrote:
> Hi Tomasz, could you send me the dates we talked about? I've got the podcast for
> Communicating Science due the same month so I want to plan it all out.
> Thanks, Jas
""", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "email_supervisor_dissertation_dates.eml"), "wb") as f:
        f.write(bytes(m))


# ---------------------------------------------------------------- 12. train booking (eml)
def train_email():
    plain = """RailHop - your booking is confirmed

Hi Jasmine,

Thanks for booking with RailHop. Your e-tickets are in the RailHop app and attached to this email.

Booking reference: K7TQ9ZRP
Passenger: 1 adult with a 16-25 Railcard (Miss Jasmine Whitford)

OUTWARD - Saturday 28 March 2026
  Castlebridge 10:42  ->  Leeds 13:15   (direct, Northway Trains)
  Coach C, seat 42 (window, forward facing)
  Ticket: Advance Single, Railcard discount applied          £17.35

RETURN - Sunday 12 April 2026
  Leeds 16:05  ->  Castlebridge 18:37   (direct, Northway Trains)
  Coach B, seat 17 (aisle)
  Ticket: Advance Single, Railcard discount applied          £15.90

Booking fee                                                   £0.00
Total paid (Visa debit ending 4406)                           £33.25

IMPORTANT
- Advance tickets are only valid on the train shown. If you miss it, you will have to buy a new ticket.
- You must carry your 16-25 Railcard with you. Without it you may have to pay a penalty fare.
- You can change your Advance tickets before the train leaves for a £5 fee per ticket, plus any
  difference in fare. Refunds are not available on Advance tickets.
- Your e-ticket QR code must be scanned at the ticket gates: please make sure your phone is charged.

Delay Repay: if your train arrives 15 minutes or more late, you can claim compensation within 28 days
on the Northway Trains website.

Have a good trip!
The RailHop team

RailHop Ltd, 9 Wellington Street, Leeds LS1 9ZZ - help@railhop.example - 0113 496 0780
"""
    html = """<html><body style="font-family:Arial,sans-serif">
<h2>RailHop - your booking is confirmed</h2>
<p>Hi Jasmine,</p>
<p>Thanks for booking with RailHop. Your e-tickets are in the RailHop app and attached to this email.</p>
<p><b>Booking reference: K7TQ9ZRP</b><br>Passenger: 1 adult with a 16-25 Railcard (Miss Jasmine Whitford)</p>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>Journey</th><th>Date</th><th>Departs</th><th>Arrives</th><th>Seat</th><th>Fare</th></tr>
<tr><td>Outward</td><td>Saturday 28 March 2026</td><td>Castlebridge 10:42</td><td>Leeds 13:15</td><td>Coach C, seat 42 (window, forward facing)</td><td>&pound;17.35</td></tr>
<tr><td>Return</td><td>Sunday 12 April 2026</td><td>Leeds 16:05</td><td>Castlebridge 18:37</td><td>Coach B, seat 17 (aisle)</td><td>&pound;15.90</td></tr>
<tr><td colspan="5">Booking fee</td><td>&pound;0.00</td></tr>
<tr><td colspan="5"><b>Total paid (Visa debit ending 4406)</b></td><td><b>&pound;33.25</b></td></tr>
</table>
<h3>Important</h3>
<ul>
<li>Advance tickets are only valid on the train shown. If you miss it, you will have to buy a new ticket.</li>
<li>You must carry your 16-25 Railcard with you. Without it you may have to pay a penalty fare.</li>
<li>You can change your Advance tickets before the train leaves for a &pound;5 fee per ticket, plus any
difference in fare. Refunds are not available on Advance tickets.</li>
<li>Your e-ticket QR code must be scanned at the ticket gates: please make sure your phone is charged.</li>
</ul>
<p>Delay Repay: if your train arrives 15 minutes or more late, you can claim compensation within 28 days
on the Northway Trains website.</p>
<p>Have a good trip!<br>The RailHop team</p>
<p style="font-size:small">RailHop Ltd, 9 Wellington Street, Leeds LS1 9ZZ - help@railhop.example - 0113 496 0780</p>
</body></html>
"""
    m = EmailMessage()
    m["From"] = "RailHop Tickets <bookings@railhop.example>"
    m["To"] = "jas.whitford@fastmail.example"
    m["Date"] = format_datetime(dt.datetime(2026, 2, 15, 21, 37, 5, tzinfo=GMT))
    m["Subject"] = "Booking confirmed: Castlebridge - Leeds, 28 March 2026 (K7TQ9ZRP)"
    m["Message-ID"] = "<k7tq9zrp.20260215213705@railhop.example>"
    m.set_content(plain, charset="utf-8", cte="quoted-printable")
    m.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    with open(os.path.join(OUT, "train_booking_easter.eml"), "wb") as f:
        f.write(bytes(m))


# ---------------------------------------------------------------- 13. house bills (xlsx)
def house_bills():
    wb = Workbook()
    thin = Side(style="thin", color="999999")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    fill = PatternFill("solid", fgColor="DDEBF7")
    money = '"£"#,##0.00'

    ws = wb.active
    ws.title = "Bills by month"
    ws["A1"] = "14 Albany Terrace - house bills 2025/26"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Kieran pays the suppliers; everyone else pays him their share (a fifth) by the 10th of the next month."
    ws["A2"].font = Font(italic=True)
    hdr = ["Month", "Energy (Beacon Energy)", "Water (Wyvern Water)", "Broadband (Fibrelink 500)", "TV licence",
           "Total", "Each (÷5)"]
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(row=4, column=j, value=h)
        c.font, c.fill, c.border = Font(bold=True), fill, box
        c.alignment = Alignment(wrap_text=True)
    bills = [
        (dt.date(2025, 7, 1), 48.20, 41.50, 32.00, 0),
        (dt.date(2025, 8, 1), 39.75, 41.50, 32.00, 0),
        (dt.date(2025, 9, 1), 71.35, 41.50, 32.00, 0),
        (dt.date(2025, 10, 1), 118.65, 41.50, 32.00, 174.50),
        (dt.date(2025, 11, 1), 164.30, 41.50, 32.00, 0),
        (dt.date(2025, 12, 1), 196.85, 41.50, 32.00, 0),
        (dt.date(2026, 1, 1), 213.40, 41.50, 32.00, 0),
    ]
    row = 5
    shares = {}
    for month, en, wa, bb, tv in bills:
        total = round(en + wa + bb + tv, 2)
        each = round(total / 5, 2)
        assert round(each * 5, 2) == total, (month, total)
        shares[month] = each
        for j, v in enumerate([month, en, wa, bb, tv, total, each], start=1):
            c = ws.cell(row=row, column=j, value=v)
            c.border = box
            c.number_format = "mmm yyyy" if j == 1 else money
        row += 1
    sums = [round(sum(b[k] for b in bills), 2) for k in range(1, 5)]
    tot = round(sum(sums), 2)
    ws.cell(row=row, column=1, value="Total so far").font = Font(bold=True)
    for j, v in enumerate(sums + [tot, round(tot / 5, 2)], start=2):
        c = ws.cell(row=row, column=j, value=v)
        c.font, c.number_format, c.border = Font(bold=True), money, box
    assert (tot, round(tot / 5, 2)) == (1541.50, 308.30), (tot,)
    notes = [
        "Energy is on Beacon Energy's Flex tariff (prices change every quarter). Meter readings on the 1st - Freya does them.",
        "TV licence bought in October for the whole house (one licence covers us as a joint tenancy).",
        "Water is a fixed £41.50 a month until the end of March 2026.",
        "Broadband contract (Fibrelink 500) is 18 months from 1 July 2025. Router is in the lounge.",
    ]
    for k, n in enumerate(notes):
        ws.cell(row=row + 2 + k, column=1, value=n).font = Font(italic=True)
    for col, w in zip("ABCDEFG", [12, 14, 14, 14, 11, 11, 11]):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A5"

    ws2 = wb.create_sheet("Who owes what")
    ws2["A1"] = "Shares paid to Kieran - date paid, or NOT PAID"
    ws2["A1"].font = Font(bold=True, size=13)
    people = ["Jas", "Freya", "Tobi", "Marcus"]
    hdr = ["Month", "Share each"] + people
    for j, h in enumerate(hdr, start=1):
        c = ws2.cell(row=3, column=j, value=h)
        c.font, c.fill, c.border = Font(bold=True), fill, box
    paid = {
        dt.date(2025, 7, 1): [dt.date(2025, 8, 4), dt.date(2025, 8, 1), dt.date(2025, 8, 9), dt.date(2025, 8, 8)],
        dt.date(2025, 8, 1): [dt.date(2025, 9, 5), dt.date(2025, 9, 2), dt.date(2025, 9, 10), dt.date(2025, 9, 6)],
        dt.date(2025, 9, 1): [dt.date(2025, 10, 3), dt.date(2025, 10, 1), dt.date(2025, 10, 8), dt.date(2025, 10, 9)],
        dt.date(2025, 10, 1): [dt.date(2025, 11, 7), dt.date(2025, 11, 3), dt.date(2025, 11, 10), None],
        dt.date(2025, 11, 1): [dt.date(2025, 12, 5), dt.date(2025, 12, 1), dt.date(2025, 12, 19), dt.date(2025, 12, 8)],
        dt.date(2025, 12, 1): [dt.date(2026, 1, 9), dt.date(2026, 1, 2), None, dt.date(2026, 1, 10)],
        dt.date(2026, 1, 1): [None, dt.date(2026, 2, 2), None, dt.date(2026, 2, 6)],
    }
    owes = [0.0] * 4
    r = 4
    for month, dates in paid.items():
        ws2.cell(row=r, column=1, value=month).number_format = "mmm yyyy"
        c = ws2.cell(row=r, column=2, value=shares[month])
        c.number_format = money
        for k, dd in enumerate(dates):
            c = ws2.cell(row=r, column=3 + k, value=dd if dd else "NOT PAID")
            if dd:
                c.number_format = "dd/mm/yyyy"
            else:
                c.font = Font(bold=True, color="C00000")
                owes[k] += shares[month]
        for j in range(1, 7):
            ws2.cell(row=r, column=j).border = box
        r += 1
    ws2.cell(row=r + 1, column=1, value="Still owes Kieran").font = Font(bold=True)
    for k, v in enumerate(owes):
        c = ws2.cell(row=r + 1, column=3 + k, value=round(v, 2))
        c.number_format, c.font = money, Font(bold=True)
    assert [round(v, 2) for v in owes] == [57.38, 0.0, 111.45, 73.33], owes
    ws2.cell(row=r + 3, column=1,
             value="Marcus won't pay October until we sort out the TV licence - he says he never watches live TV. "
                   "House meeting Sun 8 Feb.").font = Font(italic=True)
    ws2.cell(row=r + 4, column=1,
             value="Kieran's bank details for the bills: sort code 20-44-91, account 83310276 (ref ALBANY BILLS).").font = \
        Font(italic=True)
    for col, w in zip("ABCDEF", [18, 11, 12, 12, 12, 12]):
        ws2.column_dimensions[col].width = w
    wb.save(os.path.join(OUT, "house_bills_2025-26.xlsx"))


# ---------------------------------------------------------------- 14. exam timetable (csv)
def exams():
    out = [
        ["University of Castlebridge - Summer examinations 2026 - personal timetable (provisional)", "", "", "", "", "", ""],
        ["Student: Jasmine Whitford", "Student ID: 23045187", "Candidate number: 204518", "", "", "", ""],
        ["Module code", "Module title", "Date", "Day", "Start", "Duration", "Venue"],
        ["BIO3042", "Immunology and Infection", "12/05/2026", "Tuesday", "09:30", "2 hours",
         "Sports Centre, Hall A"],
        ["BIO3051", "Cancer Biology", "19/05/2026", "Tuesday", "14:00", "2 hours 30 minutes", "Great Hall"],
        ["BIO3063", "Bioinformatics", "22/05/2026", "Friday", "09:30", "24-hour open-book online exam",
         "Online (Moodle)"],
        [],
        ["Notes", "", "", "", "", "", ""],
        ["Arrive at least 20 minutes before the start. Bring your student ID card: you will not be let in without it.",
         "", "", "", "", "", ""],
        ["Write your candidate number, not your name, on every answer booklet.", "", "", "", "", "", ""],
        ["Calculators: only models on the approved list (Casio FX-83 or FX-85 series).", "", "", "", "", "", ""],
        ["BIO3017 Communicating Science and BIO3099 Research Project have no exam.", "", "", "", "", "", ""],
        ["The final timetable is published on 10 April 2026. Resits (if needed) are held 10-21 August 2026.",
         "", "", "", "", "", ""],
        ["Exams Office: exams@castlebridge.ac.example, 01632 960 366.", "", "", "", "", "", ""],
    ]
    with open(os.path.join(OUT, "exam_timetable_summer_2026.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(out)


# ---------------------------------------------------------------- 15. climbing club programme (pptx)
def climbing():
    prs = folder_kit.new_deck()
    bullets = partial(folder_kit.bullets, prs)

    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Castlebridge University Mountaineering Club"
    s.placeholders[1].text = "Semester 2 programme, February to May 2026\nCUMC committee"

    bullets("Every week", [
        "Wednesday bouldering: 7pm to 9:30pm at The Crimp Shed, Dock Road",
        "Entry £6 with your CUMC card (shoe hire £3, chalk free)",
        "Beginners' rope sessions: first Sunday of each month, 10am, Students' Union climbing wall",
        "Lifts to The Crimp Shed: meet at the SU main door at 6:40pm",
    ])

    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "What's on"
    data = [
        ["Date", "Event", "Where / meet", "Cost", "Sign up by"],
        ["Wed 4 Feb", "Welcome back bouldering social", "The Crimp Shed", "£6", "-"],
        ["Sat 21 Feb", "Peak District day trip (Stanage Edge)", "Minibus from the SU, 8:00am", "£15", "Wed 18 Feb"],
        ["Fri 6 - Sun 8 Mar", "Snowdonia weekend, hut at Ogwen", "Minibuses from the SU, Fri 4:00pm", "£65",
         "Fri 20 Feb (£20 deposit)"],
        ["Wed 18 Mar", "AGM and committee elections", "SU Room 4, 7pm", "Free", "-"],
        ["Sat 25 Apr", "Crag clean-up and picnic", "Hollins Quarry car park, 10am", "Free", "-"],
        ["Sat 23 May", "End of exams barbecue", "Hollins Park", "£8", "Wed 20 May"],
    ]
    shape = s.shapes.add_table(len(data), 5, Inches(0.4), Inches(1.5), Inches(12.5), Inches(4.8))
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            cell = shape.table.cell(i, j)
            cell.text = v
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = PPt(15)

    bullets("Snowdonia weekend", [
        "Two nights in the Ogwen hut (bunk rooms, bring a sleeping bag)",
        "£65 covers transport, the hut and Saturday dinner; pay the £20 deposit by Fri 20 Feb",
        "Rest of the money by Wed 4 Mar - after that the deposit is not refundable",
        "Kit you can borrow: harness £2 a day, helmets free, ropes for trained leaders only",
    ])
    bullets("Membership and contacts", [
        "Membership: £25 for the year, or £15 for semester 2 only (join on the SU website)",
        "President: Ella Marchetti, 07700 900 552",
        "Trips secretary: Dan Okoro, 07700 900 149",
        "Treasurer (deposits and refunds): Jas Whitford, 07700 900 618",
    ])
    prs.save(os.path.join(OUT, "climbing_club_semester_2_2026.pptx"))


# ---------------------------------------------------------------- 16. GP and vaccinations (txt)
def health():
    write("gp_and_vaccinations.txt", """MY HEALTH STUFF
(copied from the NHS App and my GP registration letter - updated 31 Jan 2026)

GP PRACTICE
  Castlebridge University Health Centre, 2 Campus Way, Castlebridge KB2 9UP
  Phone: 01632 960 455 (8am to 6:30pm) - appointments go fast, ring at 8
  Registered with them since: 18 September 2023 (temporary resident before that)
  Usual GP: Dr Hannah Lowther
  NHS number: 999 603 4481
  Out of hours: ring 111

CONDITIONS
  - Asthma (mild, since I was a kid)
  - Hay fever in May/June - Boots own-brand cetirizine works

REPEAT PRESCRIPTIONS (order in the NHS App, pick up at Campus Pharmacy)
  - Salbutamol 100mcg inhaler (blue) - 2 puffs when needed
  - Clenil Modulite 100mcg inhaler (brown) - 2 puffs morning and night, every day
  - I pay £9.90 per item (no prepayment certificate yet - might be worth it if I need more)

VACCINATIONS

DATE        VACCINE                            DOSE            WHERE
----------  ---------------------------------  --------------  ------------------------------
14/10/2019  Td/IPV (tetanus, diphtheria,       teenage         school (Year 10)
            polio)                             booster
14/10/2019  MenACWY                            single          school (Year 10)
07/09/2023  MMR                                catch-up        uni health centre, freshers clinic
14/06/2024  Hepatitis A                        1st dose        TravelWell clinic, Leeds
14/06/2024  Typhoid                            single          TravelWell clinic, Leeds
21/10/2024  Flu                                annual          uni health centre
16/10/2025  Flu                                annual          uni health centre

  - Hep A 2nd dose (booster) was due 6 to 12 months after the first one - NOT DONE YET.
    The nurse says it still counts if I have it late, no need to start again.
  - Typhoid lasts 3 years, so it runs out in June 2027.
  - I get the flu jab free because of the asthma.

COMING UP
  - Asthma review with Nurse Grace Achebe: Wed 4 March 2026, 10:20am (bring both inhalers).
  - Ask about the Hep A booster at the same appointment.
  - Eye test: last one was 2 Sep 2025 at Lensmart, next due Sep 2027.

IF I HAVE A BAD ASTHMA ATTACK
  1. Sit up straight, stay calm.
  2. 1 puff of the blue inhaler every 30-60 seconds, up to 10 puffs.
  3. If no better after 10 puffs, or I feel worse: call 999.
  4. If the ambulance takes more than 15 minutes, repeat step 2.
""")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    with tempfile.TemporaryDirectory(prefix="own_folder_4_") as tmp:
        student_loan(tmp)
        bursary(tmp)
        payslips(tmp)
        bike_insurance(tmp)
    tenancy()
    contents_insurance()
    phone()
    timetable()
    lab_rules()
    supervisor_email()
    train_email()
    house_bills()
    exams()
    climbing()
    health()
    total = 0
    for name in sorted(os.listdir(OUT)):
        size = os.path.getsize(os.path.join(OUT, name))
        total += size
        print(f"{size:8d}  {name}")
    print(f"{total:8d}  total")


if __name__ == "__main__":
    main()
