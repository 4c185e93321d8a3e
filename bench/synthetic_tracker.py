"""A synthetic Improvement Plan tracker shaped like the council's workbook, at any size.

Same layout as demo/improvement-plan-tracker-2022-10.xlsx: a "Status key" legend sheet, then
one sheet per theme with a group row and a header row, the static columns, a Status and an
Update column per month, and a "Change Control required" column for the last month. Values
are drawn from the sample's own vocabulary (fuzzy dates, statuses, owners, signatures), so
the importer does the same work per row as it does on the real file. A fixed seed gives the
same workbook every time.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell


def _words(text: str) -> list[str]:
    return text.split("|")


# code: (name, relative size as in the sample); then each theme's workstreams.
THEMES = {
    "OC": ("Organisational Culture", 54),
    "CO": ("Corporate Oversight", 62),
    "SD": ("Strategic Direction", 73),
    "DM": ("Decision Making", 24),
    "PC": ("Procurement & Commercial", 57),
    "PR": ("Partnerships & Relationships", 26),
}
WORKSTREAMS = [
    _words(text)
    for text in (
        "Establishing Organisational Culture|Officer Learning and Development|"
        "Equality and Diversity|Employee Engagement|Internal Communications|Workforce Planning",
        "ERP|Performance Management|MTFP & Capital Strategy|Programme and Project Management|"
        "Improvement Planning, Monitoring and Learning|Risk Management",
        "Strategy development and refresh|Lion farm|Customer Journey|Locality Working|"
        "Organisational Structure and Enabling Corporate Core|Regional and Sub-Regional presence",
        "4 Yearly Election Cycle|Constitution and Governance Framework|Role and Function of "
        "Scrutiny and Audit|Member Learning and Development|Officer and Member Relationship",
        "Waste Contract|SEND Transport|Leisure Contract|New System Procurement|Contract Management",
        "Sandwell Children's Trust|VCS Relationships|Consultation and Engagement|"
        "Effective Local Structures",
    )
]
DIRECTORS = _words(
    "Director- Law & Governance|Director- Finance|Director - Borough Economy|"
    "Director – Business Strategy and Change|Director-Regeneration & Growth|"
    "Director - Children and Education|Director- Housing|Leadership Team"
)
CABINET = _words(
    "Deputy Leader|Leader of the Council|Cabinet Member for Regeneration and Growth|"
    "Cabinet Member for Environment Services|Cabinet Member for Children and Education|"
    "Cabinet Member for Housing|Cabinet Member for Leisure and Tourism"
)
OTHER_LEADS = _words(
    "Director- Business Strategy & Change Director- Law|Cabinet Chief Executive|"
    "Finance Improvement Manager|Director- Public Health|Head of Communications"
)
UPDATE_OWNERS = _words(
    "Strategic Lead: Service Improvement|Head of HR|Transformation Programme Manager|"
    "Service Manager-Strategic Asset & Land|Group Head - Education"
)
START_TEXTS = _words(
    "Autumn 2021|Autumn 2022|Ongoing|May 2022|Summer 2022|TBC|Ongoing action|2023|Autumn 22|"
    "January 2023|Early 2023|22-Sep|TBC Aligned to CEX 100 day plan"
)
DUE_TEXTS = _words(
    "Complete|Complete|Ongoing|Autumn 2022|TBC|Dec 2022|Summer 2022|Spring 2023|Late 2022|"
    "Mid 2023|by 22 June 2022|Annually|quarterly|TBC 2023|End 2022|Aug 2022 and then quarterly|"
    "Quarterly monitoring to ensure approach embedded|"
    "TBC (once Date is know this can be added to the IP monitoring tool)"
)
RISKS = ["Low Risk"] * 28 + ["Medium Risk"] * 32 + ["High Risk"] * 4
RISK_TEXTS = _words(
    "Failure to agree the approach delays dependent actions across the plan.|"
    "If the decision slips, there is a reputational risk and a risk to the budget.|"
    "Capacity and expertise to deliver are not yet confirmed."
)
ON_TRACK, COMPLETE, NOT_DUE, NA = _words(
    "On Track- little or no slippage|Complete|Not due to start|N/A"
)
SLIPPING = _words(
    "Medium Progress- actual/ projected slippage of 1-2 months|"
    "Medium Progress- actual/projected slippage of 1-2 months|"
    "Significant issues / actual/projected slippage- more than 2 months"
)
ODD = _words("Action on Hold|Assurance Action|Duplicate/ link to another action|closed|N/a")
VERBS = _words("Establish|Implement|Review|Agree|Deliver|Embed|Report on|Refresh")
OBJECTS = _words(
    "the contract monitoring framework|the member development programme|"
    "the KPI suite with the Trust|the corporate governance documents|"
    "the medium term financial plan|the customer journey redesign|"
    "the scrutiny work programme|the desired organisational culture"
)
OPENERS = _words(
    "Listening sessions carried out up to the end of {m}.|"
    "Report drafted and circulated to Leadership Team for comment.|"
    "Consultation concluded; report being prepared for Cabinet in {n}.|"
    "Procurement exercise under way, tenders due back in {n}.|"
    "Workshop with Commissioners held on {d}; actions agreed."
)
MIDDLES = _words(
    " Some sessions had to be rescheduled due to the additional public holiday.|"
    " Dependencies on the ERP programme reviewed at Programme Board.|"
    " Awaiting sign-off by the Director before it goes to Scrutiny.|"
    " Survey issued as part of the all staff briefing; drop-in sessions planned."
)
CLOSERS = _words(
    " On track for {n} Council.| Change Control to {n} suggested to allow LT time to refine.|"
    " Outcomes to be presented to LT on {d}.|"
)
INITIALS = _words("DS|NC|KM|AB|JR|SW|PT|HL")


@dataclass
class TrackerFacts:
    actions: int
    main_actions: int
    months: int
    filled_months: int  # action-months with a status or an update written


def months_ending(last: date, count: int) -> list[date]:
    index = last.year * 12 + last.month - 1
    return [date(i // 12, i % 12 + 1, 1) for i in range(index - count + 1, index + 1)]


def tracker_write(path: Path, *, actions: int, months: int, seed: int = 20221031) -> TrackerFacts:
    """Write the workbook to `path` and say what is in it."""
    rng = random.Random(seed)
    month_list = months_ending(date(2022, 10, 1), months)
    mains = max(1, round(actions * 0.22))
    subs = [0] * mains
    for _ in range(actions - mains):
        subs[rng.randrange(mains)] += 1
    weights = [size for _, size in THEMES.values()]
    theme_of = sorted(rng.choices(list(THEMES), weights=weights, k=mains), key=list(THEMES).index)
    workbook = Workbook(write_only=True)
    workbook.properties.created = datetime(2022, 10, 31)
    _legend(workbook.create_sheet("Status key"))
    facts = TrackerFacts(actions, mains, months, 0)
    main_index = 0
    for number, (code, (name, _)) in enumerate(THEMES.items(), start=1):
        workstreams = WORKSTREAMS[number - 1]
        sheet = workbook.create_sheet(f"Theme {number} - {name}"[:31])
        _header_rows(sheet, month_list)
        count, numbers = theme_of.count(code), [0] * len(workstreams)
        for i in range(count):
            stream = i * len(workstreams) // count  # workstream A gets the first mains, ...
            numbers[stream] += 1
            ref = f"{code}.{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[stream]}{numbers[stream]}"
            for part in range(subs[main_index] + 1):
                row, filled = _row(sheet, rng, workstreams[stream], f"{ref}.{part}", month_list)
                sheet.append(row)
                facts.filled_months += filled
            main_index += 1
    workbook.save(path)
    return facts


def _legend(sheet) -> None:
    sheet.append(["Progress against Plan Status Rating", "Definition"])
    for status in (ON_TRACK, SLIPPING[0], SLIPPING[2], NOT_DUE, COMPLETE):
        sheet.append([status.split("-")[0].strip(), "As defined by the Leadership Team"])


def _header_rows(sheet, month_list: list[date]) -> None:
    groups = [
        "Static data",
        None,
        None,
        "Owners",
        None,
        None,
        None,
        "Dates",
        None,
        "Main Action Risk",
        None,
    ]
    headers = [
        "Workstream",
        "Ref",
        "Action",
        "Director Lead",
        "Cabinet Member",
        "Other Leads",
        "Update Owner (if different)",
        "Start date",
        "Due date",
        "Main Action Risk",
        "Description",
    ]
    for month in month_list:
        groups += ["Progress against plan", "Evidence of status rating"]
        headers += [f"Status ({month:%B %Y})", f"Update (Initial and Date)({month:%B %y})"]
    sheet.append([*groups, "Change Control required"])
    sheet.append([*headers, f"{month_list[-1]:%B}"])


def _date_cell(sheet, rng: random.Random, texts: list[str], blank: float):
    roll = rng.random()
    if roll < blank:
        return None
    if roll < blank + (1 - blank) * 0.55:
        cell = WriteOnlyCell(
            sheet, value=datetime(rng.choice([2021, 2022, 2022, 2023]), rng.randint(1, 12), 1)
        )
        cell.number_format = "mmm-yy"
        return cell
    return rng.choice(texts)


def _commentary(rng: random.Random, month: date) -> str:
    later = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    words = {"m": f"{month:%B}", "n": f"{later:%B}", "d": f"{rng.randint(1, 28)} {later:%B}"}
    text = rng.choice(OPENERS).format(**words)
    if rng.random() < 0.7:
        text += rng.choice(MIDDLES)
    text += rng.choice(CLOSERS).format(**words)
    day = rng.randint(1, 28)
    if rng.random() < 0.6:
        return f"{text} ({rng.choice(INITIALS)} {day}.{month.month}.{month:%y})"
    return f"{text} {rng.choice(INITIALS)} {day}/{month.month}/{month:%y}"


def _row(sheet, rng: random.Random, workstream: str, ref: str, month_list: list[date]):
    is_main = ref.endswith(".0")
    title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if is_main and rng.random() < 0.03:
        title = f"<b>{title}</b>"  # the real workbook carries a little HTML markup
    row = [
        workstream,
        ref,
        title,
        rng.choice(DIRECTORS),
        rng.choice(CABINET),
        rng.choice(OTHER_LEADS) if rng.random() < 0.3 else None,
        rng.choice(UPDATE_OWNERS) if rng.random() < 0.25 else None,
        _date_cell(sheet, rng, START_TEXTS, 0.1 if is_main else 0.6),
        _date_cell(sheet, rng, DUE_TEXTS, 0.02),
        rng.choice(RISKS) if is_main else NA,
        rng.choice(RISK_TEXTS) if is_main else NA,
    ]
    # Most actions are in the plan from the first month; some are added later.
    added = 0 if rng.random() < 0.8 else rng.randrange(len(month_list))
    not_due = rng.randint(0, 6)
    done = added + not_due + rng.randint(3, 30)
    rated = not is_main or rng.random() < 0.15
    filled = 0
    for index, month in enumerate(month_list):
        if index < added:
            row += [None, None]
            continue
        filled += 1
        if not rated:
            row += [NA, NA]
        elif index == added and added and rng.random() < 0.3:
            row += ["New Action Added", _commentary(rng, month)]
        elif index < added + not_due:
            row += [NOT_DUE, "not due to start"]
        elif index >= done:
            row += [COMPLETE, rng.choice([COMPLETE, _commentary(rng, month)])]
        else:
            roll = rng.random()
            status = (
                ON_TRACK if roll < 0.7 else rng.choice(SLIPPING) if roll < 0.97 else rng.choice(ODD)
            )
            row.append(status)
            row.append(_commentary(rng, month))
    row.append(rng.choice(["Yes", "yes", "Y", "No"]) if rng.random() < 0.08 else None)
    return row, filled
