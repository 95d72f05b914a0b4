"""Build bench/data/own_folder/: a household / small-business person's own documents.

All content is invented for the benchmark (Ingrid Halvorsen and Mateo Ruiz, Flat 4B, 22 Linden Road,
Ashbridge; Ingrid runs a small plant shop, Fernhouse Plants). Run with the project's venv:

    /work/main/.venv/bin/python bench/data/own_folder_make.py

PDFs are written as .docx in a scratch directory under /tmp and converted with LibreOffice
(`soffice --headless --convert-to pdf`); only the PDF is kept in the folder.
"""

import csv
import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.shared import Pt, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH
import openpyxl
from openpyxl.styles import Font, PatternFill, Alignment
from pptx import Presentation
from pptx.util import Inches, Pt as PPt

OUT = Path(__file__).resolve().parent / "own_folder"


# ----------------------------------------------------------------------------- helpers

def new_doc():
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10.5)
    for s in d.sections:
        s.left_margin = s.right_margin = Cm(2.2)
        s.top_margin = s.bottom_margin = Cm(2.0)
    return d


def para(d, text, bold=False, italic=False, size=None, align=None):
    p = d.add_paragraph()
    r = p.add_run(text)
    r.bold = bold
    r.italic = italic
    if size:
        r.font.size = Pt(size)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return p


def table(d, rows, header=True, widths=None):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            cell = t.cell(i, j)
            cell.text = ""
            run = cell.paragraphs[0].add_run(str(val))
            run.font.size = Pt(9.5)
            if header and i == 0:
                run.bold = True
            if widths:
                cell.width = Cm(widths[j])
    d.add_paragraph()
    return t


def docx_to_pdf(d, name, scratch):
    src = Path(scratch) / (Path(name).stem + ".docx")
    d.save(src)
    profile = Path(scratch) / "lo_profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", str(src), "--outdir", str(scratch)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    shutil.copy(Path(scratch) / (Path(name).stem + ".pdf"), OUT / name)


# ----------------------------------------------------------------------------- 1. lease (.docx)

def make_lease():
    d = new_doc()
    para(d, "ASSURED SHORTHOLD TENANCY AGREEMENT", bold=True, size=15, align="center")
    para(d, "for letting a residential dwelling (Housing Act 1988, as amended)", italic=True, align="center")
    para(d, "This agreement is dated 18 August 2024 and is made between the parties named below.")

    d.add_heading("Parties and property", level=2)
    table(d, [
        ["", "Details"],
        ["Landlord", "Gareth Pryce, trading as Pryce Lettings, 3 Chandler Yard, Ashbridge AB1 2HS "
                     "(telephone 01632 960 235)"],
        ["Tenants", "Ingrid Halvorsen and Mateo Ruiz (jointly and severally liable)"],
        ["Permitted occupiers", "Freya Ruiz and Leo Ruiz (children of the Tenants)"],
        ["Property", "Flat 4B, 22 Linden Road, Ashbridge AB3 7QT: a two-bedroom flat on the second floor, "
                     "let unfurnished except for the white goods listed in the Inventory"],
        ["Term", "12 months, starting on 1 September 2024 and ending on 31 August 2025"],
    ], widths=[4, 12.5])

    d.add_heading("Schedule of payments", level=2)
    table(d, [
        ["Payment", "Amount", "When and how"],
        ["Monthly rent", "£1,185.00", "In advance on the 1st of each month by standing order"],
        ["Parking space no. 17 (rear car park)", "£45.00 per month", "Together with the rent"],
        ["Tenancy deposit", "£1,367.00", "Before the keys are released; protected with the "
                                          "Deposit Protection Service within 30 days of receipt"],
        ["Holding deposit", "£273.00", "Paid 10 August 2024; credited against the first month's rent"],
        ["Replacement door fob", "£25.00 each", "On request, if a fob is lost or damaged"],
    ], widths=[5.5, 3.5, 7.5])

    clauses = [
        ("1. Rent",
         "The Tenant shall pay the rent shown in the Schedule in advance on the first day of each month. "
         "If any rent remains unpaid more than 14 days after it is due, the Landlord may charge interest on "
         "the late amount at 3% per year above the Bank of England base rate from the date it fell due."),
        ("2. Deposit",
         "The deposit shown in the Schedule is held as security for the Tenant's obligations. Within 10 days "
         "of the end of the tenancy and the return of all keys, the parties shall try to agree any deductions "
         "in writing; undisputed amounts will be repaid promptly. Disputes may be referred to the free "
         "adjudication service of the scheme."),
        ("3. Use of the property",
         "The Tenant shall use the Property as a private residence for the Tenants and the Permitted "
         "Occupiers only. Working from home in an office capacity is permitted, but no goods may be stored "
         "for, or customers received by, any business. The Tenant shall not sublet, part with possession "
         "of, or take in lodgers or paying guests at the Property."),
        ("4. Pets",
         "The Tenant may keep one indoor cat (named in the Inventory as Pepper). No other animal, including "
         "any dog, may be kept at the Property without the Landlord's prior written consent, which shall not "
         "be unreasonably withheld. Where a pet has been kept, the Tenant shall have the carpets "
         "professionally cleaned and the Property treated for fleas at the end of the tenancy."),
        ("5. Parking and bicycles",
         "The Tenant is allocated parking space number 17 in the rear car park for one private car only. "
         "Caravans, trailers, motorbikes and commercial vans may not be parked there. Visitors must use the "
         "on-street parking on Linden Road. Bicycles may be kept in the locked basement bike store and must "
         "not be left in the hallways or on the stairs."),
        ("6. Repairs and reporting",
         "The Landlord is responsible for the structure and exterior, the boiler, heating and hot water, "
         "the white goods listed in the Inventory, and for arranging the annual gas safety check. The Tenant "
         "shall report any disrepair promptly and any water leak within 24 hours of noticing it, shall "
         "replace light bulbs and smoke alarm batteries, and shall keep the drains and sinks clear."),
        ("7. Decoration and alterations",
         "The Tenant shall not paint, wallpaper or alter the Property without the Landlord's written "
         "consent. Small picture hooks may be used; adhesive strips and tape must not be used on painted "
         "walls. Any damage beyond fair wear and tear will be charged against the deposit."),
        ("8. Smoking",
         "No smoking or vaping is permitted inside the Property or in the communal areas of the building."),
        ("9. Bills and council tax",
         "The Tenant is responsible for council tax (the Property is in Band C), electricity, gas, water, "
         "the television licence and broadband. The Landlord pays the buildings insurance, the service "
         "charge and the cost of cleaning the communal areas. The Tenant is advised to take out contents "
         "insurance, as the Landlord's insurance does not cover the Tenant's belongings."),
        ("10. Access",
         "The Landlord or his contractors may enter the Property at reasonable times to inspect it or carry "
         "out repairs, having given the Tenant at least 24 hours' written notice, except in an emergency."),
        ("11. Rent review",
         "The Landlord may increase the rent once in any twelve-month period, the first increase taking effect "
         "no earlier than 1 September 2025. The Landlord shall give at least one month's written notice of any "
         "increase, and an increase shall not exceed 5% of the rent then payable."),
        ("12. Ending the tenancy",
         "After the fixed Term has ended the tenancy continues from month to month. The Tenant may then end "
         "it by giving at least one month's written notice, expiring on the last day of a rental period. "
         "The Landlord must give the Tenant at least two months' written notice in the form required by law."),
        ("13. Keys",
         "The Tenant receives two sets of flat keys, two door fobs for the main entrance and one key to the "
         "bike store. All keys and fobs must be returned at the end of the tenancy."),
        ("14. Check-out",
         "At the end of the tenancy the Property shall be returned clean and in the condition shown in the "
         "Inventory, allowing for fair wear and tear. A check-out inspection will be carried out against the "
         "Inventory in the presence of the Tenant if the Tenant wishes."),
    ]
    d.add_heading("Terms of the agreement", level=2)
    for title, text in clauses:
        para(d, title, bold=True)
        para(d, text)

    d.add_heading("Signatures", level=2)
    table(d, [
        ["Name", "Signed", "Date"],
        ["Gareth Pryce (Landlord)", "G. Pryce", "18 August 2024"],
        ["Ingrid Halvorsen (Tenant)", "I. Halvorsen", "18 August 2024"],
        ["Mateo Ruiz (Tenant)", "M. Ruiz", "19 August 2024"],
    ], widths=[6, 5, 5])
    d.save(OUT / "lease_flat_4b.docx")


# ----------------------------------------------------------------------------- 2. home insurance (.pdf)

def make_home_insurance(scratch):
    d = new_doc()
    para(d, "Harbourline Insurance", bold=True, size=16)
    para(d, "Home Contents Insurance: Policy Summary and Schedule", bold=True, size=12)
    para(d, "Please read this summary together with your full policy wording (HL-CT-2024 edition). "
            "It sets out the main features, limits and exclusions of your cover.")
    table(d, [
        ["Policyholder", "Ms Ingrid Halvorsen"],
        ["Insured address", "Flat 4B, 22 Linden Road, Ashbridge AB3 7QT"],
        ["Policy number", "HL-CT-558201"],
        ["Period of cover", "14 March 2025 to 13 March 2026 (both dates inclusive)"],
        ["Type of cover", "Contents only, tenant's policy, with accidental damage"],
        ["Annual premium", "£186.40 including Insurance Premium Tax, paid by annual card payment"],
    ], header=False, widths=[4.5, 12])

    d.add_heading("Your cover, limits and excesses", level=2)
    para(d, "The excess is the amount you pay towards each claim. Where two excesses could apply to one "
            "incident, only the higher one is deducted.")
    table(d, [
        ["Section of cover", "Limit", "Excess"],
        ["Contents (total sum insured)", "£45,000", "£150"],
        ["Escape of water (e.g. burst pipe, leaking washing machine)", "Up to the contents limit", "£350"],
        ["Accidental damage to contents", "Up to the contents limit", "£150"],
        ["Valuables (jewellery, watches, art) in total", "£9,000", "£150"],
        ["Any single item, unless listed on the schedule", "£1,500", "n/a"],
        ["Personal possessions away from the home", "£2,500", "£100"],
        ["Pedal cycles, each", "£750", "£100"],
        ["Food in the freezer", "£400", "Nil"],
        ["Tenant's liability (damage to the landlord's fixtures and fittings)", "£5,000", "£150"],
        ["Alternative accommodation if the flat is uninhabitable", "£10,000", "Nil"],
        ["Family legal expenses", "£50,000", "Nil"],
        ["Home emergency cover", "Not included", "n/a"],
    ], widths=[9, 4, 3])

    d.add_heading("Main exclusions", level=2)
    for t in [
        "Loss or damage while the home is unoccupied for more than 60 days in a row.",
        "Theft of a pedal cycle that was not locked to an immovable object or kept in a locked building.",
        "Damage caused by pets chewing, scratching, tearing or fouling.",
        "Wear and tear, gradual deterioration, moth or vermin.",
        "Theft from the home unless there was forcible and violent entry or exit, where the home is shared "
        "with people who are not members of your family.",
    ]:
        d.add_paragraph(t, style="List Bullet")

    d.add_heading("How to make a claim", level=2)
    para(d, "Call the Harbourline claims line on 0800 048 3312, open 24 hours a day, 7 days a week, or "
            "report the claim online at harbourline.co.uk/claims. Have your policy number ready. For theft or "
            "vandalism, report the incident to the police within 24 hours and obtain a crime reference "
            "number. Do not throw away damaged items until we have told you that you may.")
    d.add_heading("Changes and cancellation", level=2)
    para(d, "You have 14 days from receiving your documents to cancel and receive a full refund, provided "
            "no claim has been made. After that you may cancel at any time and receive a proportionate refund "
            "of the premium, less an administration fee of £25. Tell us within 30 days if you move home or "
            "buy any single item worth more than £1,500.")
    docx_to_pdf(d, "home_insurance_summary.pdf", scratch)


# ----------------------------------------------------------------------------- 3. car insurance (.pdf)

def make_car_insurance(scratch):
    d = new_doc()
    para(d, "NORTHGATE MOTOR INSURANCE", bold=True, size=16)
    para(d, "Private Car Policy: Schedule and Summary of Cover", bold=True, size=12)
    table(d, [
        ["Policy number", "NM-77310492"],
        ["Policyholder", "Mr Mateo Ruiz, Flat 4B, 22 Linden Road, Ashbridge AB3 7QT"],
        ["Named drivers", "Mateo Ruiz (main driver); Ingrid Halvorsen"],
        ["Vehicle", "Skoda Octavia Estate 1.5 TSI SE, first registered 2018, registration KP18 WXN"],
        ["Level of cover", "Comprehensive"],
        ["Period of insurance", "2 June 2025 to 1 June 2026"],
        ["Class of use", "Social, domestic and pleasure, including commuting to a single place of work"],
        ["Annual mileage limit", "9,000 miles"],
        ["Overnight location", "Private allocated car park"],
        ["No claims discount", "6 years, protected"],
        ["Annual premium", "£612.88, paid by 12 monthly instalments (APR 0%)"],
    ], header=False, widths=[4.5, 12])

    d.add_heading("Excesses", level=2)
    para(d, "The excess is the part of any claim that you have to pay yourself.")
    table(d, [
        ["Type of claim", "Compulsory", "Voluntary", "Total you pay"],
        ["Accidental damage", "£250", "£200", "£450"],
        ["Fire and theft", "£250", "£200", "£450"],
        ["Windscreen replacement", "£95", "Nil", "£95"],
        ["Windscreen repair", "£10", "Nil", "£10"],
        ["Additional excess for drivers under 25", "£300", "n/a", "Not applicable to this policy"],
    ], widths=[6, 3.3, 3.3, 4])

    d.add_heading("What is covered", level=2)
    table(d, [
        ["Cover", "Limit"],
        ["Injury to other people", "Unlimited"],
        ["Damage to other people's property", "£20,000,000"],
        ["Loss of or damage to your car", "Market value at the time of the loss"],
        ["Personal belongings in the car", "£300"],
        ["Child car seats", "Replaced with new after any accident, even if there is no visible damage"],
        ["Audio and satellite navigation equipment fitted by the manufacturer", "Unlimited"],
        ["Courtesy car", "Small hatchback while your car is repaired by an approved repairer"],
        ["Motor legal expenses", "£100,000"],
        ["Personal accident benefit", "£5,000"],
        ["Driving in the EU", "Comprehensive cover for up to 90 days per trip"],
        ["Breakdown assistance", "Not included; can be added for £54.00 a year"],
    ], widths=[7.5, 9])

    d.add_heading("Main exclusions", level=2)
    for t in [
        "Any driver not named on the schedule, and any use not shown under Class of use (including "
        "delivering goods for payment).",
        "Theft of the car when the keys were left in or on it, or the car was left unlocked.",
        "Mechanical or electrical breakdown, wear and tear, and damage to tyres caused by braking, punctures "
        "or cuts.",
        "Driving under the influence of alcohol or drugs.",
    ]:
        d.add_paragraph(t, style="List Bullet")

    d.add_heading("Making a claim", level=2)
    para(d, "Report any accident or loss as soon as possible, even if you do not intend to claim. "
            "Claims line: 0345 602 1177, open 24 hours. Glass claims (windscreen repair or replacement): "
            "0800 917 4402. Please have your registration number and policy number to hand and do not admit "
            "responsibility at the scene.")
    para(d, "You can cancel within 14 days of receiving these documents for a full refund if no claim has "
            "been made. If you cancel later, a cancellation charge of £45 applies.")
    docx_to_pdf(d, "car_insurance_policy.pdf", scratch)


# ----------------------------------------------------------------------------- 4. car service log (.xlsx)

def make_service_log():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Services"
    head = ["Date", "Mileage", "Garage", "Work done", "Parts / details", "Cost (£)", "Notes"]
    rows = [
        (dt.date(2023, 6, 14), 31840, "Ashbridge Autocare", "Full service",
         "Oil 5W-30, oil filter, air filter, pollen filter", 239.65, "Booked with the MOT"),
        (dt.date(2023, 6, 14), 31840, "Ashbridge Autocare", "MOT", "", 54.85,
         "Passed. Advisory: rear brake pads wearing"),
        (dt.date(2023, 11, 2), 35512, "Ashbridge Autocare", "Rear brake pads replaced",
         "Pads only, discs OK", 148.35, ""),
        (dt.date(2024, 6, 10), 40127, "Kwik Lane Garage", "Full service and MOT",
         "Oil, all filters, brake fluid", 289.99, "Passed, no advisories"),
        (dt.date(2024, 9, 21), 42050, "Kwik Lane Garage", "Battery replaced",
         "Varta 70Ah", 134.95, "Car would not start after holiday"),
        (dt.date(2025, 3, 12), 46883, "Ashbridge Autocare", "Oil and filter change",
         "Oil 5W-30, oil filter", 89.45, "Interim only"),
        (dt.date(2025, 6, 5), 48210, "Ashbridge Autocare", "MOT", "", 54.85,
         "Passed. Advisory: both front tyres close to the legal limit"),
        (dt.date(2025, 8, 19), 49020, "Pinewood Skoda Specialists", "Timing belt and water pump",
         "Cambelt kit, water pump, coolant", 545.65, "Next belt due at about 109,000 miles"),
    ]
    ws.append(head)
    for r in rows:
        ws.append(list(r))
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    for i in range(2, len(rows) + 2):
        ws.cell(i, 1).number_format = "dd/mm/yyyy"
        ws.cell(i, 6).number_format = "£#,##0.00"
    for col, w in zip("ABCDEFG", [12, 10, 26, 28, 36, 10, 48]):
        ws.column_dimensions[col].width = w

    ws2 = wb.create_sheet("Tyres")
    head2 = ["Date", "Mileage", "Position", "Brand and model", "Size", "Old tread (mm)", "Cost (£)", "Fitted by"]
    rows2 = [
        (dt.date(2023, 11, 2), 35512, "Rear pair", "Michelin Primacy 4", "205/55 R16", 2.1, 209.98,
         "Ashbridge Autocare"),
        (dt.date(2024, 11, 16), 43390, "Rear left (puncture repair)", "Michelin Primacy 4", "205/55 R16",
         None, 24.95, "Tyre Town Ashbridge"),
        (dt.date(2025, 6, 9), 48260, "Front pair", "Continental PremiumContact 6", "205/55 R16", 1.8, 231.96,
         "Tyre Town Ashbridge"),
    ]
    ws2.append(head2)
    for r in rows2:
        ws2.append(list(r))
    for c in ws2[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="E2EFDA")
    for i in range(2, len(rows2) + 2):
        ws2.cell(i, 1).number_format = "dd/mm/yyyy"
        ws2.cell(i, 7).number_format = "£#,##0.00"
    for col, w in zip("ABCDEFGH", [12, 10, 28, 30, 12, 14, 10, 22]):
        ws2.column_dimensions[col].width = w
    ws2.append([])
    ws2.append(["Recommended pressures (cold): front 36 psi, rear 33 psi; fully loaded: front 39 psi, rear 42 psi"])
    wb.save(OUT / "car_service_log.xlsx")


# ----------------------------------------------------------------------------- 5. school calendar (.html)

SCHOOL_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ashbridge Primary School - Term Dates 2025-2026</title>
<style>
body { font-family: Arial, sans-serif; max-width: 900px; margin: 2em auto; color: #222; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
th, td { border: 1px solid #999; padding: 6px 8px; text-align: left; }
th { background: #1f4e79; color: #fff; }
</style>
</head>
<body>
<h1>Ashbridge Primary School</h1>
<h2>Term Dates 2025-2026</h2>
<p>Headteacher: Mrs Joanna Whitlock. Please keep this page for reference. All dates were agreed with
the local authority and the governors in March 2025.</p>

<table>
<thead>
<tr><th>Term</th><th>First day for pupils</th><th>Half term holiday</th><th>Last day of term</th></tr>
</thead>
<tbody>
<tr><td>Autumn 2025</td><td>Wednesday 3 September 2025</td><td>Monday 27 October to Friday 31 October 2025</td><td>Friday 19 December 2025</td></tr>
<tr><td>Spring 2026</td><td>Tuesday 6 January 2026</td><td>Monday 16 February to Friday 20 February 2026</td><td>Friday 27 March 2026</td></tr>
<tr><td>Summer 2026</td><td>Monday 13 April 2026</td><td>Monday 25 May to Friday 29 May 2026</td><td>Tuesday 21 July 2026</td></tr>
</tbody>
</table>

<h3>Staff training (INSET) days - school closed to pupils</h3>
<ul>
<li>Monday 1 September 2025</li>
<li>Tuesday 2 September 2025</li>
<li>Friday 21 November 2025</li>
<li>Monday 5 January 2026</li>
<li>Monday 22 June 2026</li>
</ul>
<p>The school is also closed on the May Day bank holiday, Monday 4 May 2026.</p>

<h3>The school day</h3>
<table>
<thead><tr><th>What</th><th>Time</th><th>Cost</th></tr></thead>
<tbody>
<tr><td>Breakfast club (school hall)</td><td>from 7:45am</td><td>£4.50 per session</td></tr>
<tr><td>Gates open</td><td>8:35am</td><td>-</td></tr>
<tr><td>Registration</td><td>8:45am</td><td>-</td></tr>
<tr><td>End of the school day</td><td>3:15pm</td><td>-</td></tr>
<tr><td>After-school club (The Den)</td><td>until 5:45pm</td><td>£11.00 per session</td></tr>
</tbody>
</table>
<p>Clubs must be booked and paid for by the Thursday of the week before, through the ParentPay app.</p>

<h3>What to bring on the first day</h3>
<p>Every child needs a named water bottle, a book bag, a PE kit (white T-shirt, navy shorts and plimsolls
or trainers) in a drawstring bag, and a waterproof coat. Please label every item of clothing with your
child's name. No toys from home, please.</p>

<h3>PE and swimming</h3>
<p>Years 1 and 2 have PE on Tuesdays and Thursdays. Years 3 to 6 have PE on Mondays and Wednesdays.
Year 5 swim at Ashbridge Leisure Centre on Friday afternoons during the spring term; children need a
swimming costume, a towel and goggles in a separate bag.</p>

<h3>Absence</h3>
<p>If your child is ill, please ring the school office on 01632 960 418 before 9:15am on every day of the
absence, or report it through the ParentPay app. Holidays in term time will not be authorised.</p>
</body>
</html>
"""


# ----------------------------------------------------------------------------- 6. recipes (.md)

RECIPES_MD = """# Family Recipes

Our everyday favourites, written down so nobody has to phone Grandma Ruth again. Oven temperatures are
for a conventional oven, with the fan-oven setting in brackets.

## Grandma Ruth's Lemon Drizzle Cake

Makes one 2lb loaf (about 10 slices).

**Cake**
- 225g softened butter
- 225g caster sugar
- 4 large eggs
- 225g self-raising flour
- finely grated zest of 2 lemons

**Drizzle**
- juice of 1½ lemons
- 85g granulated sugar

Heat the oven to 180°C (160°C fan). Line the loaf tin with baking paper. Beat the butter and sugar until
pale, beat in the eggs one at a time, then fold in the flour and the zest. Bake for 45 to 50 minutes,
until a skewer comes out clean. Mix the lemon juice with the granulated sugar and spoon it over the cake
while it is still warm, after pricking the top all over with a fork. Leave in the tin until completely
cold. Keeps for 4 days in a tin.

## Mateo's Red Lentil Soup

Serves 6. Freezes well for up to 3 months.

- 2 tbsp olive oil
- 1 large onion, chopped
- 2 carrots, diced
- 2 garlic cloves, crushed
- 2 tsp ground cumin
- 1 tsp smoked paprika
- 250g red lentils, rinsed
- 1.5 litres vegetable stock
- 400g tin of chopped tomatoes
- juice of ½ lemon

Soften the onion and carrots in the oil for 8 minutes, add the garlic and spices for 1 minute, then add
the lentils, stock and tomatoes. Bring to the boil and simmer for 25 minutes, stirring now and then,
until the lentils have collapsed. Blend until smooth, stir in the lemon juice and season.

## Sunday Roast Chicken

For a 1.8kg chicken (serves 4 with leftovers for sandwiches).

- 1 whole chicken, about 1.8kg
- 1 lemon, halved
- half a bulb of garlic
- a few sprigs of thyme
- 30g butter, softened

Heat the oven to 200°C (180°C fan). Put the lemon, garlic and thyme inside the bird, rub the butter over
the skin and season well. Roast for 20 minutes per 500g plus an extra 20 minutes (about 1 hour 32 minutes
for 1.8kg), basting halfway. The juices should run clear. Rest the chicken under foil for 15 minutes
before carving; make the gravy while it rests.

## Saturday Banana Pancakes

Makes about 12 small pancakes.

- 2 ripe bananas
- 2 eggs
- 150g self-raising flour
- 1 tsp baking powder
- 200ml milk
- a knob of butter for the pan

Mash the bananas, whisk in the eggs and milk, then the flour and baking powder. Cook tablespoons of the
batter in a buttered non-stick pan over a medium heat for about 2 minutes on each side. Serve with
yoghurt and blueberries.

## Freya's Flapjacks

Makes 16 squares. Use a 20 x 30cm tin.

- 250g porridge oats
- 125g butter
- 125g light brown soft sugar
- 4 tbsp golden syrup
- a pinch of salt

Heat the oven to 170°C (150°C fan). Melt the butter, sugar and syrup together in a pan, stir in the oats
and salt, and press into the lined tin. Bake for 20 to 25 minutes until golden at the edges. Mark into
squares while warm and cut when cold.
"""


# ----------------------------------------------------------------------------- 7/8. accountant letters

LETTER_2324 = """PEMBERTON & YAU
Chartered Accountants
41 Cathedral Street, Ashbridge AB1 4LD
Telephone 01632 960 551   office@pembertonyau.co.uk

Ms Ingrid Halvorsen
Fernhouse Plants
Flat 4B, 22 Linden Road
Ashbridge AB3 7QT

9 December 2024

Our ref: IH/FP/2324
Your Unique Taxpayer Reference: 48213 90651

Dear Ingrid,

Self Assessment tax return for the year ended 5 April 2024 (tax year 2023-24)

We have now completed your tax return for 2023-24 from the records you sent us on 4 November 2024.
A copy of the return is enclosed. Please check it carefully, sign the declaration on page 8 and return
it to us by 20 December 2024 so that we can file it online well before the deadline.

Your business results (Fernhouse Plants, sole trader)

    Turnover (sales)                       £68,420
    Allowable expenses                     £41,905
    Net profit                             £26,515

The allowable expenses include business mileage of 2,860 miles at 45p a mile (£1,287) and a flat-rate
allowance for the use of your home as an office of £312 (£26 a month).

Your tax position for 2023-24

    Income tax                             £2,789.00
    Class 4 National Insurance             £1,205.72
    Total tax and National Insurance       £3,994.72
    Less: payments on account made         £3,200.00
    Balancing payment                      £794.72

What you need to pay and when

    31 January 2025   Balancing payment for 2023-24          £794.72
    31 January 2025   First payment on account for 2024-25   £1,997.36
                      Total to pay by 31 January 2025        £2,792.08
    31 July 2025      Second payment on account for 2024-25  £1,997.36

Payments on account are advance payments towards your next year's bill, each one half of this year's
total. Please pay HMRC directly using your Unique Taxpayer Reference followed by the letter K. Interest
is charged on late payments, and a penalty of £100 applies if the return itself is filed late.

Our fee for preparing the 2023-24 accounts and return is £540 plus VAT (£648.00 in total). Our invoice is
enclosed and is payable within 30 days.

If you have any questions, please ring me on the number above.

Yours sincerely,

Helen Yau FCA
Partner
"""


def make_letter_2425(scratch):
    d = new_doc()
    para(d, "PEMBERTON & YAU", bold=True, size=15)
    para(d, "Chartered Accountants\n41 Cathedral Street, Ashbridge AB1 4LD\n"
            "Telephone 01632 960 551   office@pembertonyau.co.uk")
    para(d, "Ms Ingrid Halvorsen\nFernhouse Plants\nFlat 4B, 22 Linden Road\nAshbridge AB3 7QT")
    para(d, "24 November 2025", align="right")
    para(d, "Our ref: IH/FP/2425\nYour Unique Taxpayer Reference: 48213 90651")
    para(d, "Dear Ingrid,")
    para(d, "Self Assessment tax return for the year ended 5 April 2025 (tax year 2024-25)", bold=True)
    para(d, "Thank you for sending your records so promptly this year. We have prepared your tax return for "
            "2024-25 and enclose a copy. Please check it, sign the declaration and return it to us by "
            "12 December 2025 so that we can submit it to HMRC.")
    para(d, "Your business results (Fernhouse Plants, sole trader)", bold=True)
    table(d, [
        ["", "2024-25"],
        ["Turnover (sales)", "£74,960"],
        ["Allowable expenses", "£44,318"],
        ["Net profit", "£30,642"],
    ], widths=[8, 4])
    para(d, "The allowable expenses include business mileage of 3,120 miles at 45p a mile (£1,404), the "
            "flat-rate use-of-home allowance of £312, and £1,150 for the new shop shelving, which qualifies in "
            "full for the annual investment allowance.")
    para(d, "Your tax position for 2024-25", bold=True)
    table(d, [
        ["", "Amount"],
        ["Income tax", "£3,614.40"],
        ["Class 4 National Insurance (6%)", "£1,084.32"],
        ["Total tax and National Insurance", "£4,698.72"],
        ["Less: payments on account already made", "£3,994.72"],
        ["Balancing payment", "£704.00"],
    ], widths=[8, 4])
    para(d, "What you need to pay and when", bold=True)
    table(d, [
        ["Due date", "What for", "Amount"],
        ["31 January 2026", "Balancing payment for 2024-25", "£704.00"],
        ["31 January 2026", "First payment on account for 2025-26", "£2,349.36"],
        ["", "Total to pay by 31 January 2026", "£3,053.36"],
        ["31 July 2026", "Second payment on account for 2025-26", "£2,349.36"],
    ], widths=[3.5, 9, 3.5])
    para(d, "Please pay HMRC directly, quoting your Unique Taxpayer Reference followed by the letter K. "
            "If you expect your profit for 2025-26 to be lower, we can apply to reduce the payments on account.")
    para(d, "Making Tax Digital", bold=True)
    para(d, "Because your turnover is above £50,000, you will have to keep digital records and send HMRC "
            "quarterly updates from 6 April 2026. We recommend moving your bookkeeping from the spreadsheet to "
            "compatible software before then; we will be in touch in January to set this up.")
    para(d, "Our fee for preparing the 2024-25 accounts and return is £575 plus VAT (£690.00 in total). "
            "Our invoice is enclosed and is payable within 30 days.")
    para(d, "Yours sincerely,")
    para(d, "Helen Yau FCA\nPartner")
    docx_to_pdf(d, "accountant_letter_2024-25.pdf", scratch)


# ----------------------------------------------------------------------------- 9. router guide (.txt)

ROUTER_TXT = """VELNET HOMEHUB 6 - QUICK START GUIDE
=====================================

Thank you for choosing Velnet Full Fibre. This guide gets your HomeHub 6 online in about 10 minutes.

IN THE BOX
----------
- Velnet HomeHub 6
- Power adapter (12V)
- Red WAN cable (for connecting to the fibre box on the wall)
- Yellow Ethernet cable (for a computer, games console or TV)
- Wi-Fi card with your network name and password (slot it into the back of the hub)

SETTING UP
----------
1. Wait until your activation date. You will receive a text message on the morning your line goes live.
2. Plug one end of the red WAN cable into the red port on the back of the hub, and the other end into
   the port marked LAN 1 on the fibre box (ONT) fitted by the engineer.
3. Connect the power adapter and press the power button. The light will flash green while the hub starts.
4. Setup takes up to 10 minutes and the light may change colour several times. Do not unplug the hub
   during this time.
5. When the light is steady blue you are connected. Join the Wi-Fi network printed on the Wi-Fi card
   (it starts with "Velnet-") using the password on the same card.

WHAT THE LIGHT MEANS
--------------------
  Steady blue       Connected to the internet, everything is working
  Flashing green    Starting up or installing an update
  Steady orange     No broadband signal: check the red cable and that the fibre box is on
  Flashing orange   Connected to the fibre box but not logged in; wait 5 minutes, then restart
  Flashing red      Firmware fault: restart the hub; if the light comes back, call us
  Purple            WPS pairing is active (lasts 2 minutes)

WI-FI
-----
The hub broadcasts one network on both 2.4 GHz and 5 GHz ("Smart Wi-Fi") and moves each device to the
best band automatically. To split the bands into two separate network names, go to Advanced settings >
Wireless. The guest network is switched off by default.

For the best signal, put the hub in an open spot, off the floor, at least 1 metre away from cordless
phones, baby monitors and microwaves. Do not put it inside a cupboard or behind the TV.

HUB SETTINGS PAGE
-----------------
Open a web browser on a connected device and go to http://192.168.1.254
The admin password is printed on the sticker on the bottom of the hub. You can change it after you log
in. From the settings page you can change the Wi-Fi name and password, turn the guest network on, set up
parental controls and switch the lights off at night.

UPDATES
-------
The hub updates its own firmware. Updates are installed automatically between 2am and 5am.

RESETTING TO FACTORY SETTINGS
-----------------------------
With the hub switched on, push a straightened paperclip into the small reset hole on the back and hold
it for 20 seconds, until the light turns flashing green. All your settings, including any Wi-Fi name or
password you changed, will be lost and the details on the Wi-Fi card will work again.

HELP
----
Help pages: help.velnet.co.uk
Phone: 0330 088 4150 (8am to 10pm, every day)
Have your account number ready. It starts with VN and is on your welcome e-mail.

Velnet HomeHub 6, model VH6-2400. Keep this guide for future reference.
"""


# ----------------------------------------------------------------------------- 10. landlord e-mail (.eml)

EML = """From: Gareth Pryce <gareth@pryce-lettings.co.uk>
To: Ingrid Halvorsen <ingrid.halvorsen@fernhouseplants.co.uk>
Cc: Mateo Ruiz <mateo.ruiz@mailbox.org.uk>
Subject: Flat 4B - annual gas safety check and boiler service
Date: Tue, 14 Oct 2025 09:12:40 +0100
Message-ID: <20251014091240.4471@pryce-lettings.co.uk>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Hi Ingrid and Mateo,

It's that time of year again: the gas safety certificate for the flat runs out next month, so I have
booked the annual gas safety check and boiler service with Crestwell Heating.

The engineer, Sam Dolan (Gas Safe registration 612447), will come on Thursday 23 October 2025, between
8am and 12 noon. The visit usually takes about 45 minutes. He will need to get to the boiler cupboard in
the kitchen, the gas hob and the gas meter in the hallway, so please could you clear the cupboard
beforehand. He will also test the smoke alarms and the carbon monoxide alarm while he is there.

If nobody can be in, you are welcome to leave a key with me at the office on Chandler Yard and I will let
him in. If the date doesn't work at all, please reply by Monday 20 October and I will rebook. I'll send
you a copy of the new certificate within 28 days of the visit.

Two other things while I'm writing:

- The code for the basement bike store is changing to 4719 on Saturday 1 November. The old code will
  stop working that day.
- The window cleaners are booked for the whole building on Wednesday 29 October. Please keep the
  windows shut that morning.

There is no change to your rent this year; it stays at £1,185 a month.

Any problems with the boiler in the meantime, ring Crestwell's emergency line on 01632 960 904 (24
hours) and then let me know.

Best wishes,
Gareth

Gareth Pryce
Pryce Lettings
3 Chandler Yard, Ashbridge AB1 2HS
01632 960 235
"""


# ----------------------------------------------------------------------------- 11. budget (.csv)

def make_budget():
    months = ["Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025", "May 2025", "Jun 2025"]
    rows = [
        ("Rent", 1185.00, [1185.00] * 6),
        ("Parking space", 45.00, [45.00] * 6),
        ("Council tax (Band C)", 172.00, [172.00, 172.00, 0.00, 181.00, 181.00, 181.00]),
        ("Energy (gas and electric)", 140.00, [168.40, 171.15, 142.62, 118.30, 96.75, 84.20]),
        ("Water", 38.00, [38.00] * 6),
        ("Broadband (Velnet)", 32.99, [32.99] * 6),
        ("Mobile phones", 26.00, [26.00, 26.00, 26.00, 27.58, 27.58, 27.58]),
        ("Groceries", 580.00, [587.12, 549.80, 612.47, 571.06, 598.33, 634.91]),
        ("Car insurance (Northgate)", 51.07, [48.19, 48.19, 48.19, 48.19, 48.19, 51.07]),
        ("Fuel", 120.00, [104.36, 98.21, 131.44, 117.90, 126.03, 139.57]),
        ("Home insurance (Harbourline)", 0.00, [0.00, 0.00, 186.40, 0.00, 0.00, 0.00]),
        ("Breakfast and after-school club", 150.00, [132.00, 143.00, 157.50, 88.00, 154.00, 161.50]),
        ("Swimming lessons (Leo)", 29.50, [29.50] * 6),
        ("Cat (food and vet)", 35.00, [31.80, 29.95, 33.40, 96.20, 30.15, 32.60]),
        ("Eating out and takeaways", 80.00, [46.50, 112.30, 58.00, 73.25, 129.80, 91.40]),
        ("Savings (ISA)", 200.00, [200.00, 200.00, 150.00, 200.00, 200.00, 100.00]),
    ]
    with open(OUT / "budget_2025.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Category", "Monthly budget"] + months)
        for cat, budget, vals in rows:
            w.writerow([cat, f"{budget:.2f}"] + [f"{v:.2f}" for v in vals])
        w.writerow(["Total", f"{sum(r[1] for r in rows):.2f}"]
                   + [f"{sum(r[2][i] for r in rows):.2f}" for i in range(6)])


# ----------------------------------------------------------------------------- 12. residents' minutes (.md)

MINUTES_MD = """# Linden Road Residents' Association

## Minutes of the Annual General Meeting

**Date:** Tuesday 16 September 2025, 7:30pm
**Place:** Community room, ground floor, 22 Linden Road

**Present (14):** Priya Natarajan (Chair, Flat 2A), Tom Whitcombe (Secretary, Flat 1C), Agnieszka Nowak
(Treasurer, Flat 3A), Ingrid Halvorsen (Flat 4B), Mateo Ruiz (Flat 4B), Dev Sharma (Flat 1A), Carol and
Brian Hughes (Flat 2C), Olu Adebayo (Flat 3B), Margaret Flynn (Flat 3C), Jonas Berg (Flat 4A), Sophie Lane
(Flat 4C), Hamid Rahimi (Flat 5A), Kate O'Connell (Flat 5B)

**Apologies:** Len Forsyth (Flat 1B), Gareth Pryce (landlord of Flats 4B and 5A)

### 1. Minutes of the last meeting
The minutes of the meeting of 13 May 2025 were agreed as a true record.

### 2. Treasurer's report
Agnieszka reported a balance of £1,842.16 in the association's account at 31 August 2025, compared with
£1,566.40 a year earlier. Income was mainly subscriptions (£12 per flat per year, 15 of 16 flats paid) and
£214 raised at the spring plant sale. The largest spending was £96 for the public liability insurance for
social events. The accounts were approved.

### 3. Bike store
Several residents said the basement bike store is full and bikes are being left in the hallways.
It was agreed to buy two extra wall-mounted racks (four bikes each) for up to £380 from association funds.
The managing agent will be asked to change the bike store door code, which has not changed since 2022.

### 4. Bins and recycling
General waste is collected every Monday and recycling every other Wednesday. The council's next bulky
waste collection for the building is on Saturday 8 November 2025; items must be put out by the bin store
no earlier than the Friday evening. Residents were reminded not to leave cardboard boxes flat-packed
against the bin store door.

### 5. Front entrance planters
The two planters by the front door are empty. Ingrid Halvorsen offered to supply winter bedding plants
and bulbs from Fernhouse Plants at cost, and Jonas and Sophie offered to plant them. Agreed, budget £60.

### 6. Parking
Residents reported non-residents using the rear car park in the evenings. It was agreed to ask the
managing agent, Brookfield Estates, to put up "Residents' parking only" signs and to number the bays
clearly. Visitors should continue to use the street.

### 7. Election of officers
Priya Natarajan was re-elected as Chair and Tom Whitcombe as Secretary. Agnieszka Nowak is standing down
as Treasurer after four years; Olu Adebayo was elected Treasurer from 1 October 2025. Thanks were recorded
to Agnieszka for her work.

### 8. Any other business
The Christmas social will be held in the community room on Saturday 13 December 2025 from 4pm. Tickets are
£5 per household, including mulled wine and mince pies; children are welcome.

### Actions

| Action | Who | By when |
|---|---|---|
| Order two extra bike racks (up to £380) | Tom Whitcombe | 31 October 2025 |
| Write to Brookfield Estates about parking signs and the bike store code | Priya Natarajan | 30 September 2025 |
| Plant the front entrance planters | Jonas Berg and Sophie Lane | 15 November 2025 |
| Hand over the bank mandate and accounts | Agnieszka Nowak and Olu Adebayo | 1 October 2025 |
| Organise the Christmas social and sell tickets | Carol Hughes | 6 December 2025 |

**Next meeting:** Tuesday 20 January 2026 at 7:30pm in the community room.

The meeting closed at 9:05pm.
"""


# ----------------------------------------------------------------------------- 13. medication (.xlsx)

def make_medication():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Medication"
    ws.append(["Family medication schedule - updated 2 October 2025 (stick a copy on the fridge)"])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append([])
    head = ["Who", "Medicine", "Strength", "Dose", "Time", "Instructions", "Prescribed by", "Review / repeat"]
    ws.append(head)
    for c in ws[3]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="FCE4D6")
    rows = [
        ["Leo", "Clenil Modulite preventer inhaler (brown)", "50 micrograms", "2 puffs through the spacer",
         dt.time(8, 0), "Every day, even when well. Rinse mouth with water afterwards.", "Dr Farah Qureshi",
         "Asthma review 14 January 2026"],
        ["Leo", "Clenil Modulite preventer inhaler (brown)", "50 micrograms", "2 puffs through the spacer",
         dt.time(19, 30), "Every day, even when well. Rinse mouth with water afterwards.", "Dr Farah Qureshi",
         "Asthma review 14 January 2026"],
        ["Leo", "Salbutamol reliever inhaler (blue)", "100 micrograms", "2 puffs through the spacer", "As needed",
         "For wheeze or tight chest. No more than 10 puffs in 24 hours. If needed more than 3 times a week, "
         "book a GP appointment.", "Dr Farah Qureshi", "Spare inhaler kept at school office"],
        ["Mateo", "Lansoprazole", "30 mg", "1 capsule", dt.time(7, 30),
         "Take 30 minutes before breakfast.", "Dr Neil Osei", "Repeat every 56 days"],
        ["Ingrid", "Ferrous fumarate (iron)", "210 mg", "1 tablet", dt.time(13, 0),
         "With orange juice, not with tea or coffee. May cause dark stools.", "Dr Farah Qureshi",
         "Blood test 8 December 2025"],
        ["Freya", "Cetirizine oral solution", "1 mg/ml", "5 ml", dt.time(18, 0),
         "Hay fever season only (April to August). Use the measuring spoon.", "Pharmacy (over the counter)",
         "-"],
        ["Pepper (cat)", "Bravecto spot-on for cats", "250 mg", "1 pipette", "Every 12 weeks",
         "Apply to the skin at the base of the skull. Next dose 3 December 2025.", "Ashbridge Veterinary Clinic",
         "-"],
    ]
    for r in rows:
        ws.append(r)
    for i in range(4, 4 + len(rows)):
        c = ws.cell(i, 5)
        if isinstance(c.value, dt.time):
            c.number_format = "hh:mm"
        for j in range(1, 9):
            ws.cell(i, j).alignment = Alignment(wrap_text=True, vertical="top")
    for col, w in zip("ABCDEFGH", [12, 34, 14, 24, 10, 50, 24, 30]):
        ws.column_dimensions[col].width = w
    ws.append([])
    ws.append(["GP surgery: Linden Medical Practice, 01632 960 330. Pharmacy: Market Row Pharmacy (repeat "
               "prescriptions ready 48 hours after ordering)."])
    wb.save(OUT / "medication_schedule.xlsx")


# ----------------------------------------------------------------------------- 14. staff meeting (.pptx)

def make_slides():
    prs = Presentation()
    prs.slide_width = Inches(13.333)
    prs.slide_height = Inches(7.5)

    def bullets(title, lines):
        s = prs.slides.add_slide(prs.slide_layouts[1])
        s.shapes.title.text = title
        body = s.placeholders[1]
        body.left, body.top, body.width, body.height = Inches(0.7), Inches(1.6), Inches(12), Inches(5.4)
        tf = body.text_frame
        tf.text = lines[0]
        for ln in lines[1:]:
            p = tf.add_paragraph()
            p.text = ln
        for p in tf.paragraphs:
            for r in p.runs:
                r.font.size = PPt(22)
        return s

    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Fernhouse Plants - Staff Meeting"
    s.placeholders[1].text = "Monday 6 October 2025, 8:30am, in the shop before opening\nIngrid, Kofi, Bea, Marek"

    bullets("Summer quarter in numbers (July to September)", [
        "Shop and online sales: £21,480 (up 9% on the same quarter last year)",
        "Online orders: 312, average basket £23.40",
        "Best seller: Monstera deliciosa (64 sold), then the 12cm succulent trio",
        "Returns and dead-plant refunds: £186, mostly ferns after the August heatwave",
    ])
    bullets("Winter opening hours from 3 November 2025", [
        "Monday: closed",
        "Tuesday to Friday: 10am to 5:30pm",
        "Saturday: 9am to 5pm",
        "Sunday: 11am to 3pm",
        "New hours go on the door, the website and Google by 27 October (Bea)",
    ])
    bullets("Christmas", [
        "Wreath-making workshops: Saturday 29 November and Saturday 6 December, 2pm, £38 per person, "
        "maximum 10 people each; book through the website",
        "Christmas trees from Holloway Farm arrive on 27 November (Nordmann firs, 5-6ft)",
        "Last trading day: Christmas Eve, closing at 2pm",
        "Closed 25 December to 1 January; reopening Friday 2 January 2026",
    ])

    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "November rota"
    data = [
        ["", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        ["Ingrid", "Open", "Open", "Deliveries", "Open", "Open", "Off"],
        ["Kofi", "Close", "Off", "Close", "Close", "Off", "Open and close"],
        ["Bea", "Off", "Off", "Off", "Off", "10am to 4pm", "Off"],
        ["Marek", "Off", "Close", "Open", "Off", "Close", "Off"],
    ]
    shape = s.shapes.add_table(len(data), len(data[0]), Inches(0.7), Inches(1.7), Inches(12), Inches(3.5))
    for i, row in enumerate(data):
        for j, val in enumerate(row):
            cell = shape.table.cell(i, j)
            cell.text = val
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = PPt(18)
    tb = s.shapes.add_textbox(Inches(0.7), Inches(5.6), Inches(12), Inches(1))
    tb.text_frame.text = "Swaps: agree them with each other first, then tell Ingrid by Thursday of the week before."

    bullets("Reminders", [
        "New supplier: Greenvale Nurseries replaces Hartwood from November; deliveries on Thursdays at 8:30am",
        "Staff discount stays at 20% (up to £100 of plants a month)",
        "Till training for Bea: Tuesday 14 October, 4pm",
        "Watering: tropicals Tuesday and Friday, cacti and succulents every other Friday only",
        "Next staff meeting: Monday 3 November 2025",
    ])
    prs.save(OUT / "shop_staff_meeting_oct2025.pptx")


# ----------------------------------------------------------------------------- 15. receipt (.html)

RECEIPT_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Brightwells Electrical - Receipt and warranty BW-20931877</title>
<style>
body { font-family: Helvetica, Arial, sans-serif; max-width: 760px; margin: 2em auto; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #ccc; padding: 6px; text-align: left; }
.right { text-align: right; }
</style>
</head>
<body>
<h1>Brightwells Electrical</h1>
<p>Unit 7, Riverside Retail Park, Ashbridge AB2 9PL &middot; VAT no. GB 318 4402 17</p>
<h2>Order receipt and warranty certificate</h2>
<p>Order number: BW-20931877<br>
Order date: 22 March 2025<br>
Customer: Ingrid Halvorsen, Flat 4B, 22 Linden Road, Ashbridge AB3 7QT<br>
Delivery and installation: 28 March 2025</p>

<table>
<tr><th>Item</th><th>Qty</th><th class="right">Price</th></tr>
<tr><td>Kestrel KD-6045 fully integrated dishwasher, 60cm, 14 place settings</td><td>1</td><td class="right">£449.00</td></tr>
<tr><td>Standard installation (connection to existing plumbing)</td><td>1</td><td class="right">£65.00</td></tr>
<tr><td>Removal and recycling of old appliance</td><td>1</td><td class="right">£20.00</td></tr>
<tr><td>CarePlus 3-year warranty extension</td><td>1</td><td class="right">£59.99</td></tr>
<tr><td><strong>Total paid</strong></td><td></td><td class="right"><strong>£593.99</strong></td></tr>
</table>
<p>Paid by Mastercard ending 2208. Total includes VAT of £99.00.</p>

<h2>Warranty</h2>
<p>Serial number: KD6045-2411-08853</p>
<p>Your dishwasher comes with the manufacturer's 2-year parts and labour guarantee. With CarePlus, your cover is
extended to 5 years in total from the date of purchase, and ends on 21 March 2030. CarePlus covers
breakdowns, parts, labour and call-out charges, with no excess to pay, and a replacement of the same or similar
specification if the appliance cannot be repaired economically.</p>
<p>Not covered: accidental damage, cosmetic damage, damage from limescale where no salt was used, blocked filters,
and use in a business.</p>

<h2>How to get a repair</h2>
<ol>
<li>Check the troubleshooting section of the user manual (for example, clean the filter if error E24 shows).</li>
<li>Call Kestrel Customer Service on 0344 556 7090 (Monday to Saturday, 8am to 8pm) and quote the serial number.</li>
<li>Keep this receipt: you will need the order number for any claim in years 3 to 5.</li>
</ol>
<p>Register your appliance with Kestrel within 28 days of delivery at kestrel-appliances.co.uk/register.</p>

<h2>Returns</h2>
<p>You can return an unopened, uninstalled appliance within 30 days for a full refund. Installed appliances can be
returned only if faulty.</p>
</body>
</html>
"""


# ----------------------------------------------------------------------------- 16. vet record (.txt)

VET_TXT = """ASHBRIDGE VETERINARY CLINIC
12 Orchard Parade, Ashbridge AB3 1RF
Tel 01632 960 772   Out of hours: call the same number and follow the message

PATIENT RECORD SUMMARY (printed 11 April 2025)

Owner:        Ingrid Halvorsen, Flat 4B, 22 Linden Road, Ashbridge AB3 7QT
Patient:      Pepper
Species:      Cat (domestic shorthair)
Colour:       Brown tabby with white chest
Sex:          Female, neutered (spayed 9 November 2021)
Born:         about May 2021 (rescued from Ashbridge Cat Rescue)
Microchip:    977200009183425
Weight:       4.2 kg (11 April 2025), ideal range 3.8 to 4.5 kg
Usual vet:    Dr Owen Marsh

VACCINATIONS

Date           Vaccine                                   Next due
14 Jun 2021    Cat flu and enteritis (1st dose)          -
12 Jul 2021    Cat flu and enteritis (2nd dose) + FeLV   -
20 Jun 2022    Annual booster: cat flu and enteritis     Jun 2023
26 Jun 2023    Annual booster: cat flu, enteritis, FeLV  Jun 2024
9 Apr 2024     Annual booster: cat flu and enteritis     Apr 2025
11 Apr 2025    Annual booster: cat flu, enteritis, FeLV  11 April 2026

NOTES FROM 11 APRIL 2025 VISIT

Healthy, good body condition. Mild tartar on the upper back teeth; dental check recommended at the next
booster. Owner reports Pepper is indoor only since moving to the flat in September 2024, so the FeLV
(leukaemia) part of the vaccine can be dropped from 2026 if she stays indoors.

Flea and worm treatment: Bravecto spot-on every 12 weeks (also covers roundworm when used with Milbemax
every 3 months). Last given 11 April 2025.

Diet: dry indoor-cat food, about 55g a day split into two meals, plus one pouch of wet food.

REMINDERS
- Bring Pepper in a secure carrier; the waiting room is shared with dogs.
- Repeat Bravecto can be collected from reception without an appointment.
- Please give 24 hours' notice to cancel an appointment.
"""


# ----------------------------------------------------------------------------- main

def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    scratch = tempfile.mkdtemp(prefix="own_folder_", dir="/tmp")
    try:
        make_lease()
        make_home_insurance(scratch)
        make_car_insurance(scratch)
        make_service_log()
        (OUT / "school_term_dates_2025-26.html").write_text(SCHOOL_HTML, encoding="utf-8")
        (OUT / "family_recipes.md").write_text(RECIPES_MD, encoding="utf-8")
        (OUT / "accountant_letter_2023-24.txt").write_text(LETTER_2324, encoding="utf-8")
        make_letter_2425(scratch)
        (OUT / "router_quick_start.txt").write_text(ROUTER_TXT, encoding="utf-8")
        (OUT / "landlord_email_gas_check.eml").write_text(EML.replace("\n", "\r\n"), encoding="utf-8",
                                                          newline="")
        make_budget()
        (OUT / "residents_agm_minutes_2025.md").write_text(MINUTES_MD, encoding="utf-8")
        make_medication()
        make_slides()
        (OUT / "dishwasher_receipt.html").write_text(RECEIPT_HTML, encoding="utf-8")
        (OUT / "pepper_vet_record.txt").write_text(VET_TXT, encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    total = 0
    for p in sorted(OUT.iterdir()):
        total += p.stat().st_size
        print(f"{p.stat().st_size:8d}  {p.name}")
    print(f"{total:8d}  total, {len(list(OUT.iterdir()))} files")


if __name__ == "__main__":
    main()
