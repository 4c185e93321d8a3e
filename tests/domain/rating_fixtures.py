"""Builders and Hypothesis strategies for the honest-rating checks."""

from dataclasses import replace
from datetime import date

from hypothesis import strategies as st

from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate, parse_fuzzy_date
from planwatch.domain.rating_checks import ActionFacts, MonthRecord
from planwatch.domain.statuses import Status

OCT_2022 = date(2022, 10, 1)


def fd(text: str) -> FuzzyDate:
    """A date as the council typed it, read by the real parser."""
    return parse_fuzzy_date(text)


def rec(year: int, month: int, status: Status, commentary: str = "Update given") -> MonthRecord:
    return MonthRecord(date(year, month, 1), status, commentary)


def facts(
    *,
    start: str = "Jun 2022",
    baseline: str = "Dec 2022",
    current: str | None = None,
    history: tuple[MonthRecord, ...] = (),
    rebaselines: int = 0,
    evidence: bool = False,
) -> ActionFacts:
    return ActionFacts(
        ref="OC.A1.2",
        title="Phase 2 Engagement: Determining Desired Culture",
        start=fd(start),
        baseline_due=fd(baseline),
        current_due=fd(baseline if current is None else current),
        rebaseline_count=rebaselines,
        history=history,
        has_success_evidence=evidence,
    )


def rated(status: Status, year: int = 2022, month: int = 10, **kwargs: object) -> ActionFacts:
    """Facts whose only update is `status` in the given month."""
    built = facts(**kwargs)  # type: ignore[arg-type]
    return replace(built, history=(rec(year, month, status),))


# --- Hypothesis strategies -------------------------------------------------------------

months = st.builds(date, st.integers(2019, 2026), st.integers(1, 12), st.just(1))
days = st.dates(min_value=date(2019, 1, 1), max_value=date(2026, 12, 31))
statuses = st.sampled_from(list(Status))


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    """Any FuzzyDate shape the parser can produce, including odd ranges."""
    kind = draw(st.sampled_from(list(DateKind)))
    first = draw(st.none() | days)
    last = draw(st.none() | days)
    if first and last and last < first:
        first, last = last, first
    return FuzzyDate(draw(st.text(max_size=20)), kind, first, last)


@st.composite
def dated(draw: st.DrawFn) -> FuzzyDate:
    first = draw(days)
    last = draw(st.dates(min_value=first, max_value=date(2027, 12, 31)))
    kind = draw(st.sampled_from([DateKind.EXACT, DateKind.MONTH, DateKind.SEASON, DateKind.YEAR]))
    return FuzzyDate(first.isoformat(), kind, first, last)


records = st.builds(
    MonthRecord, months, statuses, st.sampled_from(["", "N/A", "Same again", "New words (DS)"])
)

action_facts = st.builds(
    ActionFacts,
    ref=st.just("OC.A1.1"),
    title=st.just("Title"),
    start=fuzzy_dates(),
    baseline_due=fuzzy_dates(),
    current_due=fuzzy_dates(),
    rebaseline_count=st.integers(0, 5),
    history=st.lists(records, max_size=8).map(tuple),
    has_success_evidence=st.booleans(),
)
