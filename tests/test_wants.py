"""What kind of answer a question wants (rag.wants) and the quote it picks for it: a date for "on what date", a
figure for "what is the density", an amount of time for "how long", money for "how much does it cost", a temperature,
the row of the part of the day asked."""

from __future__ import annotations

from dataclasses import replace

from rag.answer import Policy, extract, settle
from rag.grounding import ask_context
from rag.wants import gives_what_is_wanted
from tests.drafts import REPORT, answer, passage


def test_on_what_date_wants_a_date():
    from rag.grounding import ask_context

    for question in ("On what date was the test email sent?", "At what time does the ferry leave?", "When was it sent?"):
        assert ask_context(question, [REPORT]).wants == "date", question


def test_what_is_the_density_wants_a_figure():
    from rag.grounding import ask_context

    for question in ("What is the density of SNB22-3 steel?", "What squad number did he wear?", "How many units are in stock?"):
        assert ask_context(question, [REPORT]).wants == "quantity", question
    assert ask_context("What is the name of the river?", [REPORT]).wants != "quantity"


def test_how_long_wants_an_amount_of_time_or_distance_not_a_clock_time():
    from rag.config import Settings
    from rag.engine import policy
    from rag.llm import BUNDLED_GGUF

    mail = passage("The migration of the customer database to the new cluster is scheduled for Saturday 2 November 2024, "
                   "starting at 22:00 UTC. Expected downtime is 72 minutes.", "/docs/maintenance_window.eml")
    question = "How long is the downtime of the database migration?"
    assert extract(question, [mail], 0.6) is None  # the start time is no length; the downtime sentence alone holds 1 of 3 terms
    # the draft stands where no sentence answers (the bundled model's is refused then, tests/test_bundled_policy.py)
    shown = settle(answer(question, "The downtime of the database migration is 72 minutes [1].", [mail]),
                   policy(Settings(draft_without_quote=True), model_name=BUNDLED_GGUF))
    assert not shown.extracted and shown.text == "The downtime of the database migration is 72 minutes [1]."
    ferry = passage("Route: Tarn Bay | First sailing: 06:55 | Crossing (min): 25", "/docs/ferry_timetable.csv")
    assert extract("How long is the Tarn Bay crossing?", [ferry], 0.6).shown == "Route: Tarn Bay | Crossing (min): 25"


def test_a_question_about_cost_wants_an_amount_of_money_not_any_number():
    summit = passage("I am contacting you regarding a sponsorship opportunity at our upcoming Bioprocessing Summit, which will "
                     "take place on 21st - 22nd April, 2022 | Berlin, Germany. Summit sponsorship packages cost EUR 4,500.",
                     "/docs/sponsorship.eml")
    found = extract("How much does a sponsorship package for the Bioprocessing Summit cost?", [summit], 0.6)
    assert found is not None and "EUR 4,500" in found.shown
    dates_only = passage("The Bioprocessing Summit sponsorship opportunity takes place on 21st - 22nd April, 2022 in Berlin.")
    assert extract("How much does a sponsorship package for the Bioprocessing Summit cost?", [dates_only], 0.6) is None
    # "the dollar figure set for" asks for money too: a rule without an amount is no answer
    rule = passage("The maximum annual compensation of a standing trustee is calculated by prorating the compensation "
                   "level fixed for each portion of the fiscal year.", "/docs/trustee-handbook.docx")
    question = "In the trustee handbook, what is the dollar figure set for a standing trustee's maximum annual compensation?"
    assert extract(question, [rule], 0.6) is None
    assert "$187,200" in extract(question, [replace(rule, text=rule.text + " The maximum annual compensation of a standing trustee is $187,200.")], 0.6).shown


def test_how_heavy_wants_a_weight_not_any_figure():
    drone = passage("Warranty\n\nEvery Aurora X2 comes with a warranty of 26 months covering motors and the "
                    "flight controller.", "/docs/aurora_x2_drone.html")
    assert extract("How heavy is the Aurora X2 drone?", [drone], 0.6) is None
    weighed = replace(drone, text=drone.text + " The Aurora X2 weighs 1.2 kg with its battery.")
    found = extract("How heavy is the Aurora X2 drone?", [weighed], 0.6)
    assert found and "1.2 kg" in found.shown


MIGRATION = passage("The migration of the customer database to the new cluster is scheduled for Saturday 2 November 2024, "
                    "starting at 22:00 UTC. We expect a downtime of 72 minutes. Questions go to the on-call engineer, "
                    "Daniel Osei, on extension 4417.", "/docs/maintenance_window.eml")


def test_a_day_month_or_time_zone_is_no_one_a_who_question_asks_for():
    # the bundled model's draft for "Who do I contact?" after a question on the migration, once marked supported
    dated = settle(answer("Who do I contact?", "The migration is scheduled for Saturday 2 November 2024, starting at "
                          "22:00 UTC [1].", [MIGRATION]), Policy(extractive=False))
    assert dated.refused, dated.text
    asked = ask_context("Who do I contact?", [MIGRATION])
    assert gives_what_is_wanted("Questions go to the on-call engineer, Daniel Osei, on extension 4417.", asked)
    assert not gives_what_is_wanted("It starts on Saturday 2 November 2024 at 22:00 UTC.", asked)


def test_a_contracted_question_word_asks_as_the_full_one_does():
    assert ask_context("what's the price of the cake?", [REPORT]).wants == "money"
    assert ask_context("Who's the chair of the board?", [REPORT]).wants == "name"
    assert ask_context("what's the median age of the children?", [REPORT]).figure_forms


def test_a_temperature_question_wants_a_temperature():
    recipe = passage("Family Recipes\n\nSunday Roast Chicken\n\nHeat the oven to 200°C (180°C fan). Put the lemon inside the bird. Roast for "
                     "20 minutes per 500g plus an extra 20 minutes, basting halfway.", "/docs/family_recipes.md")
    asked = ask_context("what temperature do I roast the chicken at", [recipe])
    assert not gives_what_is_wanted("Roast for 20 minutes per 500g plus an extra 20 minutes, basting halfway.", asked)
    assert gives_what_is_wanted("Heat the oven to 200°C (180°C fan).", asked)
    found = extract("what temperature do I roast the chicken at", [recipe], 0.6)
    assert found and found.shown == "Heat the oven to 200°C (180°C fan)."


def test_the_part_of_the_day_asked_picks_the_row_whose_time_falls_then():
    schedule = passage("Who: Leo | Medicine: Clenil preventer inhaler (brown) | Dose: 2 puffs | Time: 08:00\n"
                       "Who: Leo | Medicine: Clenil preventer inhaler (brown) | Dose: 2 puffs | Time: 19:30",
                       "/docs/medication_schedule.xlsx")
    evening = extract("what time does Leo take his brown inhaler in the evening", [schedule], 0.6)
    assert evening and "19:30" in evening.shown and "08:00" not in evening.shown
    morning = extract("what time does Leo take his brown inhaler in the morning", [schedule], 0.6)
    assert morning and "08:00" in morning.shown


def test_a_telephone_number_is_no_date_and_is_what_a_number_to_ring_wants():
    from rag.wants import phone_numbers

    assert phone_numbers("Sue Lang (bookings and Christmas lunch): 07700 900 284") == ["07700 900 284"]
    assert phone_numbers("Helpline (01632) 960123, or +44 113 496 0000.") == ["(01632) 960123", "+44 113 496 0000"]
    for text in ("1998 2003 2005", "£1,535.59", "04/03/2025", "sort code 20-00-00", "ISBN 978-0-14-044913-6"):
        assert phone_numbers(text) == [], text
    walks = passage("Strollers walking group: winter programme\n\nChristmas lunch: book with Sue by Friday 28 November."
                    "\n\nSue Lang (bookings and Christmas lunch): 07700 900 284\n\nBoiler breakdown: up to £500 per claim."
                    "\n\nBoiler breakdown line: 0808 157 0365",
                    "/docs/walking_group.md")
    booked = ask_context("when do i need to book the christmas lunch by", [walks])
    assert not gives_what_is_wanted("Sue Lang (bookings and Christmas lunch): 07700 900 284", booked)
    assert gives_what_is_wanted("Christmas lunch: book with Sue by Friday 28 November.", booked)
    ring = ask_context("what number do i ring if the boiler breaks down", [walks])
    assert not gives_what_is_wanted("Boiler breakdown: up to £500 per claim.", ring)
    assert gives_what_is_wanted("Boiler breakdown line: 0808 157 0365", ring)
    assert gives_what_is_wanted("For help, call Cancer Council 13 11 20.", ring)  # a short national number
    assert "28 November" in extract("when do i need to book the christmas lunch by", [walks], 0.6).shown


def test_what_is_owed_or_charged_is_money_and_what_time_is_a_time_of_day():
    from rag.wants import clock_time, wanted

    for question in ("how much VAT do we owe HMRC for the march-may quarter", "how much tax came off my christmas wages",
                     "how much deposit did my tenant put down", "how much rent do i pay for my room"):
        assert wanted(question) == "money", question
    assert wanted("how much water is used each day") == "quantity"
    vat = passage("VAT return, quarter 1 March to 31 May 2024\n\nThe VAT due for the quarter is £1,842.16.", "/docs/vat.eml")
    owed = ask_context("how much VAT do we owe HMRC for the march-may quarter", [vat])
    assert not gives_what_is_wanted("VAT return, quarter 1 March to 31 May 2024", owed)
    assert gives_what_is_wanted("The VAT due for the quarter is £1,842.16.", owed)

    hours = passage("We're staying open later on Saturdays in July and August!\n\nFrom July we close at 4:00pm on "
                    "Saturdays.", "/docs/opening_hours_notice.txt")
    shut = ask_context("what time do we shut on saturdays from july", [hours])
    assert not gives_what_is_wanted("We're staying open later on Saturdays in July and August!", shut)
    assert gives_what_is_wanted("From July we close at 4:00pm on Saturdays.", shut)
    # "what time period" asks no time of day
    assert gives_what_is_wanted("The Yuan ruled from 1271 to 1368.", ask_context("What time period did the Yuan rule?", [hours]))
    assert [clock_time(t) for t in ("16:05", "10am", "7.30 pm", "at noon", "in July", "in 1066", "Room 4")] == [
        True, True, True, True, False, False, False]


def test_a_distance_or_an_amount_is_no_date_and_a_rows_measure_cell_is_shown_for_how_much_it_weighs():
    from rag.quoting import shown_part
    from rag.terms import content_terms

    garage = passage("Your car is booked in for its MOT on Tuesday 15 April 2025 at 8:30am.\n\nWe do not have a courtesy "
                     "car on that day, but we can drop you anywhere within 3 miles of the garage.", "/docs/garage.eml")
    day = ask_context("what day is the car booked in at the garage", [garage])
    assert not gives_what_is_wanted("We do not have a courtesy car on that day, but we can drop you anywhere within 3 miles "
                                    "of the garage.", day)
    assert gives_what_is_wanted("Your car is booked in for its MOT on Tuesday 15 April 2025 at 8:30am.", day)
    row = "DATE: 20/03/2025 | CHECK: 2 to 2.5 year review (HV) | WEIGHT: 12.6 kg | LENGTH/HEIGHT: 88.5 cm"
    assert "WEIGHT: 12.6 kg" in shown_part(row, content_terms("how much did isla weigh at her 2 year check"))
    assert "88.5 cm" in shown_part(row, content_terms("how tall was isla at her 2 year check"))
