"""Every distinct date in the council's documents, with the reading a person judges right.

Sources: seed 002 (the Improvement Plan: its delivery plans' Start Date / Due date columns,
where one cell lists a date per bullet, and its Key Milestones), seed 004 (the October 2022
tracker as text) and the sample workbook behind 004, whose cells are the truth for 004: a date
cell is keyed by its value and number format, as Excel shows it ("Jul-22" is 1 Jul 2022 shown
as mmm-yy). Written by hand from the documents, not from the parser's output.

Each reading: kind, earliest, latest (a recurring date's first deadline), months between
deadlines, words the note must contain, and words each warning about it must contain when it
is a due date with a blank start (none expected: empty).
"""

from dataclasses import dataclass
from datetime import date

from planwatch.domain.fuzzy_dates import DateKind

D = date.fromisoformat
K = DateKind


@dataclass(frozen=True)
class Reading:
    kind: DateKind
    earliest: date | None = None
    latest: date | None = None
    every_months: int | None = None
    note: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeedDate:
    value: str | date  # a text as typed, or a date cell's value
    number_format: str | None  # a date cell's number format
    seeds: str  # which documents hold it: "002", "004" or "002 004"
    reading: Reading
    shown: str = ""  # a date cell's text as Excel shows it (a text is shown as typed)

    @property
    def key(self) -> object:
        return self.value if self.number_format is None else (self.value, self.number_format)


def month(year: int, number: int, *, note: str = "", warnings: tuple[str, ...] = ()) -> Reading:
    following = date(year + number // 12, number % 12 + 1, 1)
    last = date.fromordinal(following.toordinal() - 1)
    return Reading(K.MONTH, date(year, number, 1), last, note=note, warnings=warnings)


def span(kind: DateKind, first: str, last: str, note: str = "") -> Reading:
    return Reading(kind, D(first), D(last), note=note)


def day(iso: str) -> Reading:
    return Reading(K.EXACT, D(iso), D(iso))


def rhythm(every: int | None, note: str) -> Reading:
    """A rhythm with no first deadline: it recurs, but from when the text does not say."""
    return Reading(K.RECURRING, every_months=every, note=note)


OPEN, DONE, TBC = Reading(K.OPEN), Reading(K.DONE), Reading(K.UNKNOWN)
UNREAD = Reading(K.UNPARSEABLE, warnings=("could not read",))
SLIP = ("outside 2019\u20132030", "probably a typing slip")


def texts(seeds: str, readings: dict[str, Reading]) -> list[SeedDate]:
    return [SeedDate(text, None, seeds, reading) for text, reading in readings.items()]


def cells(readings: dict[tuple[str, str, str], Reading]) -> list[SeedDate]:
    return [
        SeedDate(D(iso), fmt, "004", reading, shown)
        for (shown, iso, fmt), reading in readings.items()
    ]


SEED_DATES: list[SeedDate] = [
    # --- in both the Improvement Plan and the tracker ----------------------------------------
    *texts(
        "002 004",
        {
            "2021": span(K.YEAR, "2021-01-01", "2021-12-31"),
            "2023": span(K.YEAR, "2023-01-01", "2023-12-31"),
            "Aug 2022": month(2022, 8),
            "Aug 2022 and then ongoing": Reading(K.OPEN, D("2022-08-01")),
            # The first deadline is the end of August 2022; then one every three months.
            "Aug 2022 and then quarterly": Reading(
                K.RECURRING, D("2022-08-01"), D("2022-08-31"), 3, "quarterly"
            ),
            "Autumn 2021": span(K.SEASON, "2021-09-01", "2021-11-30"),
            "Autumn 2022": span(K.SEASON, "2022-09-01", "2022-11-30"),
            "Complete": DONE,
            "Dec 2022": month(2022, 12),
            "Early 2022": span(K.PART_OF_YEAR, "2022-01-01", "2022-04-30"),
            "Early 2023": span(K.PART_OF_YEAR, "2023-01-01", "2023-04-30"),
            "End 2022": span(K.PART_OF_YEAR, "2022-10-01", "2022-12-31"),
            "Est. Dec 2022": month(2022, 12, note="estimated"),
            "In place": DONE,
            "Jul 2022": month(2022, 7),
            "Jun 2022": month(2022, 6),
            "Late 2022": span(K.PART_OF_YEAR, "2022-09-01", "2022-12-31"),
            "May 2022": month(2022, 5),
            "Mid 2023": span(K.PART_OF_YEAR, "2023-05-01", "2023-08-31"),
            "Oct 2022": month(2022, 10),
            "October 2022": month(2022, 10),
            "Ongoing": OPEN,
            "Spring 2023": span(K.SEASON, "2023-03-01", "2023-05-31"),
            "Summer 2022": span(K.SEASON, "2022-06-01", "2022-08-31"),
            "TBC": TBC,
            "TBC 2023": span(K.UNKNOWN, "2023-01-01", "2023-12-31"),
            "TBC based on selected option": Reading(K.UNKNOWN, note="based on selected option"),
        },
    ),
    # --- only in the tracker (its text cells) -----------------------------------------------
    *texts(
        "004",
        {
            # "To be determined" is TBC in other words, not an unreadable date.
            "(specific timescale for implementation will be determined once review concluded)": (
                Reading(K.UNKNOWN, note="will be determined once review concluded")
            ),
            # Typed as text, year first: December and September 2022.
            "22-Dec": month(2022, 12, note="read '22-Dec' as Dec 2022"),
            "22-Sep": month(2022, 9, note="read '22-Sep' as Sep 2022"),
            "6 monthly update": rhythm(6, "every 6 months"),
            "<b>Apr-27</b>": month(2027, 4, note="markup removed"),
            "<b>Autumn 2021</b>": Reading(
                K.SEASON, D("2021-09-01"), D("2021-11-30"), None, "markup"
            ),
            "<b>Sep-22</b>": month(2022, 9, note="markup removed"),
            "Annually": rhythm(12, "annually"),
            "Autumn 22": span(K.SEASON, "2022-09-01", "2022-11-30"),
            "Autumn 22 linked to MTFP": span(
                K.SEASON, "2022-09-01", "2022-11-30", "linked to MTFP"
            ),
            "By Sept 2023": Reading(K.MONTH, None, D("2023-09-30"), note="deadline"),
            "In progress": OPEN,
            # Twice a year, in January and July: six months apart.
            "Jan July each year": rhythm(6, "annually in Jan and Jul"),
            "January 2023": month(2023, 1),
            "June each year throughout intervention": rhythm(12, "annually in Jun"),
            "Monthly assurance": rhythm(1, "monthly"),
            "Monthly monitoring": rhythm(1, "monthly"),
            "Monthly updates through IP": rhythm(1, "monthly"),
            "November 2022": month(2022, 11),
            "October 2023": month(2023, 10),
            "Ongoing action": OPEN,
            "Quarterly": rhythm(3, "quarterly"),
            "Quarterly Reporting": rhythm(3, "quarterly"),
            "Quarterly monitoring to ensure approach embedded": rhythm(3, "quarterly"),
            "Spring 2023 TBC": span(K.SEASON, "2023-03-01", "2023-05-31", "tentative (TBC)"),
            "TBC (once Date is know this can be added to the IP monitoring tool)": Reading(
                K.UNKNOWN, note="once Date is know"
            ),
            "TBC Aligned to CEX 100 day plan": Reading(
                K.UNKNOWN, note="Aligned to CEX 100 day plan"
            ),
            "TBC one-off monitoring": Reading(K.UNKNOWN, note="one-off monitoring"),
            # The rest of "Feb-23 and annually thereafter": the start column holds the first.
            "and annually thereafter": rhythm(12, "annually thereafter"),
            "annually": rhythm(12, "annually"),
            "by 22 June 2022": Reading(K.EXACT, None, D("2022-06-22"), note="deadline"),
            "dates": UNREAD,
            "quarterly": rhythm(3, "quarterly"),
            "quarterly review": rhythm(3, "quarterly"),
            "x": UNREAD,
        },
    ),
    # --- only in the tracker (its date cells, as the workbook holds them) ---------------------
    *cells(
        {
            # Shown as Jul-05: July 2005, surely a slip for 2022 or 2025, read as written.
            ("Jul-05", "2005-07-01", "mmm-yy"): month(2005, 7, warnings=SLIP),
            ("Dec-20", "2020-12-01", "mmm-yy"): month(2020, 12),
            ("Jun-21", "2021-06-01", "mmm-yy"): month(2021, 6),
            ("Dec-21", "2021-12-01", "mmm-yy"): month(2021, 12),
            ("Jan-22", "2022-01-01", "mmm-yy"): month(2022, 1),
            ("Feb-22", "2022-02-01", "mmm-yy"): month(2022, 2),
            ("Mar-22", "2022-03-01", "mmm-yy"): month(2022, 3),
            ("Apr-22", "2022-04-01", "mmm-yy"): month(2022, 4),
            ("May-22", "2022-05-01", "mmm-yy"): month(2022, 5),
            ("18-May-22", "2022-05-18", "dd-mmm-yy"): day("2022-05-18"),
            ("Jun-22", "2022-06-01", "mmm-yy"): month(2022, 6),
            ("Jul-22", "2022-07-01", "mmm-yy"): month(2022, 7),
            ("Aug-22", "2022-08-01", "mmm-yy"): month(2022, 8),
            ("Sep-22", "2022-09-01", "mmm-yy"): month(2022, 9),
            ("Oct-22", "2022-10-01", "mmm-yy"): month(2022, 10),
            ("Nov-22", "2022-11-01", "mmm-yy"): month(2022, 11),
            ("Dec-22", "2022-12-01", "mmm-yy"): month(2022, 12),
            ("Jan-23", "2023-01-01", "mmm-yy"): month(2023, 1),
            ("Feb-23", "2023-02-01", "mmm-yy"): month(2023, 2),
            ("Mar-23", "2023-03-01", "mmm-yy"): month(2023, 3),
            ("Apr-23", "2023-04-01", "mmm-yy"): month(2023, 4),
            ("May-23", "2023-05-01", "mmm-yy"): month(2023, 5),
            ("Jun-23", "2023-06-01", "mmm-yy"): month(2023, 6),
            ("Sep-23", "2023-09-01", "mmm-yy"): month(2023, 9),
            ("Dec-23", "2023-12-01", "mmm-yy"): month(2023, 12),
            ("Sep-24", "2024-09-01", "mmm-yy"): month(2024, 9),
        }
    ),
    # --- only in the Improvement Plan ---------------------------------------------------------
    *texts(
        "002",
        {
            "18 May 2022": day("2022-05-18"),
            "26th May 2022": day("2022-05-26"),
            "7 Jun 2022": day("2022-06-07"),
            "2027": span(K.YEAR, "2027-01-01", "2027-12-31"),
            # A milestone already met: done, and done in that month.
            "Achieved April 2022": span(K.DONE, "2022-04-01", "2022-04-30"),
            "Achieved Feb 2022": span(K.DONE, "2022-02-01", "2022-02-28"),
            "Achieved March 2022": span(K.DONE, "2022-03-01", "2022-03-31"),
            "Apr 2022": month(2022, 4),
            "Apr 2023": month(2023, 4),
            "April 2022": month(2022, 4),
            "April 2023": month(2023, 4),
            "August 2022": month(2022, 8),
            # Runs of months: the whole run, first month to last.
            "August \u2013 December 2022": span(K.PART_OF_YEAR, "2022-08-01", "2022-12-31"),
            "June \u2013 July 2022": span(K.PART_OF_YEAR, "2022-06-01", "2022-07-31"),
            "June-July 2022": span(K.PART_OF_YEAR, "2022-06-01", "2022-07-31"),
            "Mar 2022 - Jun 2022": span(K.PART_OF_YEAR, "2022-03-01", "2022-06-30"),
            "Autumn '22 linked to MTFP": span(
                K.SEASON, "2022-09-01", "2022-11-30", "linked to MTFP"
            ),
            "By Sep 2023": Reading(K.MONTH, None, D("2023-09-30"), note="deadline"),
            "By September 2023": Reading(K.MONTH, None, D("2023-09-30"), note="deadline"),
            "By early 2023": Reading(K.PART_OF_YEAR, None, D("2023-04-30"), note="deadline"),
            # TBC, with why: a date will follow a decision; no range can be drawn from it.
            "Date TBC following options paper to Leadership Team in June 2022": Reading(
                K.UNKNOWN, note="following options paper"
            ),
            "Dates TBC following Autumn decision": Reading(
                K.UNKNOWN, note="following Autumn decision"
            ),
            "Dec 2021": month(2021, 12),
            "December 2022": month(2022, 12),
            "Feb 2022": month(2022, 2),
            "February 2022": month(2022, 2),
            "Jan 2022": month(2022, 1),
            "Jan 2023": month(2023, 1),
            "July 2022": month(2022, 7),
            "Jun 2021": month(2021, 6),
            "June 2022": month(2022, 6),
            "Mar 2022": month(2022, 3),
            "Mar 2023": month(2023, 3),
            "March 2022": month(2022, 3),
            "March 2023": month(2023, 3),
            "May 2023": month(2023, 5),
            "Sep 2022": month(2022, 9),
            "Sep 2023": month(2023, 9),
            "Sept 2022": month(2022, 9),
            "September 2022": month(2022, 9),
            "by 22 Jun 2022": Reading(K.EXACT, None, D("2022-06-22"), note="deadline"),
        },
    ),
]
