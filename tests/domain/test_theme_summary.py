"""The Theme Progress Summary's figures: groups, completion months, milestones due,
exceptions, theme status and the prose, from plain records."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.fuzzy_dates import parse_fuzzy_date
from planwatch.domain.risk_matrix import RiskBand
from planwatch.domain.statuses import Status
from planwatch.domain.theme_status import MainActionProgress, SubActionProgress, theme_status
from planwatch.domain.theme_summary import (
    Band,
    Completion,
    Group,
    MainActionRecord,
    MilestoneRecord,
    add_months,
    completion_in,
    due_month,
    group_of,
    is_counted,
    milestone_phrase,
    month_label,
    theme_figures,
)
from planwatch.domain.theme_summary_prose import achievement_note, named_groups, summary_sentences

AUG, SEP, OCT, NOV, DEC = (date(2022, m, 1) for m in (8, 9, 10, 11, 12))


def rec(
    ref: str = "OC.A1.1",
    parent: str = "OC.A1.0",
    *,
    statuses: dict[date, Status] | None = None,
    first_recorded: date | None = None,
    first_completed: date | None = None,
    due: str = "",
    baseline: str | None = None,
    live: bool = True,
    commentary: str = "",
    title: str | None = None,
) -> MilestoneRecord:
    statuses = statuses or {}
    done = [m for m, s in sorted(statuses.items()) if s in (Status.COMPLETE, Status.CLOSED)]
    return MilestoneRecord(
        ref=ref,
        title=title or f"Milestone {ref}",
        parent_ref=parent,
        statuses=tuple(sorted(statuses.items())),
        first_recorded=first_recorded or (min(statuses) if statuses else None),
        first_completed=first_completed or (done[0] if done else None),
        due=parse_fuzzy_date(due),
        baseline_due=parse_fuzzy_date(due if baseline is None else baseline),
        rebaseline_count=0 if baseline in (None, due) else 1,
        commentary=commentary,
        live=live,
    )


def main(ref: str = "OC.A1.0", risk: RiskBand | None = RiskBand.MEDIUM, **kw) -> MainActionRecord:
    return MainActionRecord(ref, f"Main {ref}", risk, **kw)


# --- Months and due dates ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "count", "expected"),
    [(OCT, 0, OCT), (OCT, 2, DEC), (OCT, 3, date(2023, 1, 1)), (OCT, -10, date(2021, 12, 1))],
)
def test_add_months_crosses_years(month, count, expected):
    assert add_months(month, count) == expected


def test_month_label_is_the_month_in_words():
    assert month_label(OCT) == "October 2022"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct-22", OCT),
        ("18-May-22", date(2022, 5, 1)),
        ("Autumn 22", NOV),  # by its latest day
        ("End 2022", DEC),
        ("TBC 2023", date(2023, 12, 1)),
        ("Spring 2023 TBC", date(2023, 5, 1)),
        ("TBC", None),
        ("Ongoing", None),
        ("Aug 2022 and then quarterly", None),
        ("", None),
        ("Complete", None),
        ("x", None),
    ],
)
def test_due_month_is_the_month_of_the_latest_possible_day_or_none(text, expected):
    assert due_month(parse_fuzzy_date(text)) == expected


# --- Completion month --------------------------------------------------------------------


def test_completed_this_month_when_last_month_was_not_complete():
    r = rec(statuses={SEP: Status.ON_TRACK, OCT: Status.COMPLETE})
    assert completion_in(r, OCT) is Completion.IN_MONTH
    assert group_of(r, OCT) is Group.COMPLETED_THIS_MONTH


def test_closed_counts_as_complete():
    r = rec(statuses={SEP: Status.MEDIUM_PROGRESS, OCT: Status.CLOSED})
    assert group_of(r, OCT) is Group.COMPLETED_THIS_MONTH


def test_complete_in_its_first_record_is_month_not_known():
    r = rec(statuses={OCT: Status.COMPLETE})
    assert completion_in(r, OCT) is Completion.MONTH_NOT_KNOWN
    assert group_of(r, OCT) is Group.COMPLETE_MONTH_NOT_KNOWN


def test_complete_after_a_missing_month_is_month_not_known():
    r = rec(statuses={AUG: Status.ON_TRACK, OCT: Status.COMPLETE}, first_recorded=AUG)
    assert completion_in(r, OCT) is Completion.MONTH_NOT_KNOWN


def test_complete_since_an_earlier_month_is_completed_earlier():
    r = rec(statuses={SEP: Status.COMPLETE, OCT: Status.COMPLETE}, first_recorded=AUG)
    assert completion_in(r, OCT) is None
    assert completion_in(r, SEP) is Completion.MONTH_NOT_KNOWN  # no August record given
    assert group_of(r, OCT) is Group.COMPLETED_EARLIER


def test_completed_last_month_after_a_recorded_month():
    r = rec(statuses={AUG: Status.ON_TRACK, SEP: Status.COMPLETE, OCT: Status.COMPLETE})
    assert completion_in(r, SEP) is Completion.IN_MONTH
    assert group_of(r, OCT) is Group.COMPLETED_EARLIER


def test_reopened_milestone_is_grouped_by_this_months_status():
    r = rec(statuses={AUG: Status.ON_TRACK, SEP: Status.COMPLETE, OCT: Status.MEDIUM_PROGRESS})
    assert group_of(r, OCT) is Group.MEDIUM


@pytest.mark.parametrize(
    ("status", "group"),
    [
        (Status.ON_TRACK, Group.ON_TRACK),
        (Status.NOT_DUE_TO_START, Group.NOT_DUE_TO_START),
        (Status.SIGNIFICANT_ISSUES, Group.SIGNIFICANT),
        (Status.MEDIUM_PROGRESS, Group.MEDIUM),
        (Status.ON_HOLD, Group.ON_HOLD),
        (Status.NEW_ACTION, Group.NEW_ACTION),
        (Status.ASSURANCE_ACTION, Group.ASSURANCE_ACTION),
        (Status.DUPLICATE, Group.DUPLICATE),
        (Status.NOT_APPLICABLE, Group.NOT_APPLICABLE),
        (Status.NO_STATUS, Group.NO_UPDATE),
        (Status.UNRECOGNISED, Group.UNRECOGNISED),
    ],
)
def test_every_other_status_has_its_own_group(status, group):
    assert group_of(rec(statuses={OCT: status}), OCT) is group


def test_no_record_for_the_month_is_no_update():
    assert group_of(rec(statuses={SEP: Status.ON_TRACK}), OCT) is Group.NO_UPDATE


def test_a_closed_milestone_counts_only_in_months_it_reported():
    gone = rec(statuses={SEP: Status.ON_TRACK}, live=False)
    assert is_counted(gone, SEP)
    assert not is_counted(gone, OCT)
    assert is_counted(rec(), OCT)  # live without a record: counted, as "no update"


# --- Milestones due ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "due", "baseline", "phrase"),
    [
        (Status.COMPLETE, "Oct-22", "Oct-22", "Achieved"),
        (Status.CLOSED, "Dec-22", "Oct-22", "Achieved"),
        (Status.ON_TRACK, "Oct-22", "Oct-22", "On track"),
        (Status.MEDIUM_PROGRESS, "Dec-22", "Oct-22", "Slippage to December 2022"),
        (Status.MEDIUM_PROGRESS, "Oct-22", "Oct-22", "Medium progress"),
        (Status.NOT_DUE_TO_START, "Nov-22", "Nov-22", "Not due to start"),
        (Status.ON_TRACK, "Sep-22", "Oct-22", "On track"),  # brought forward is no slippage
        (None, "Oct-22", "Oct-22", "No update for October 2022"),
    ],
)
def test_milestone_phrase(status, due, baseline, phrase):
    r = rec(statuses={OCT: status} if status else {}, due=due, baseline=baseline)
    assert milestone_phrase(r, OCT) == phrase


def test_milestones_due_are_in_the_rolling_three_months_by_current_or_baseline_date():
    records = [
        rec("OC.A1.1", due="Oct-22", statuses={OCT: Status.ON_TRACK}),
        rec("OC.A1.2", due="Dec-22", statuses={OCT: Status.ON_TRACK}),
        rec("OC.A1.3", due="Jan-23", statuses={OCT: Status.ON_TRACK}),
        rec("OC.A1.4", due="Mar-23", baseline="Nov-22", statuses={OCT: Status.MEDIUM_PROGRESS}),
        rec("OC.A1.5", due="Sep-22", statuses={OCT: Status.ON_TRACK}),
        rec("OC.A1.6", due="Ongoing", statuses={OCT: Status.ON_TRACK}),
    ]
    figures = theme_figures(month=OCT, main_actions=[main()], milestones=records)
    due = {m.line.ref: m for m in figures.milestones_due}
    assert sorted(due) == ["OC.A1.1", "OC.A1.2", "OC.A1.4"]
    assert due["OC.A1.4"].phrase == "Slippage to March 2023"
    assert due["OC.A1.4"].due_month == date(2023, 3, 1)
    assert due["OC.A1.4"].baseline_due_month == NOV
    assert due["OC.A1.4"].baseline_due_text == "Nov-22"


# --- Figures for a theme -----------------------------------------------------------------


def test_main_actions_by_risk_band_and_unrated_named():
    mains = [
        main("OC.A1.0", RiskBand.HIGH),
        main("OC.A2.0", RiskBand.MEDIUM),
        main("OC.A3.0", RiskBand.MEDIUM),
        main("OC.A4.0", RiskBand.LOW),
        main("OC.A5.0", None),
        main("OC.A6.0", RiskBand.HIGH, live=False),
    ]
    figures = theme_figures(month=OCT, main_actions=mains, milestones=[])
    assert dict(figures.main_actions_by_band) == {
        Band.RED: 1,
        Band.AMBER: 2,
        Band.GREEN: 1,
        Band.UNRATED: 1,
    }
    assert figures.main_actions == 5
    assert [m.ref for m in figures.unrated_main_actions] == ["OC.A5.0"]
    assert summary_sentences(figures)[0] == (
        "Of the 5 main action areas, there are: 1 with a red (high) risk rating, "
        "2 amber (medium), 1 green (low), 1 not yet risk rated (Main OC.A5.0 (OC.A5.0))."
    )


def test_a_closed_main_action_still_counts_while_its_milestones_report():
    mains = [main("OC.A1.0", RiskBand.HIGH, live=False)]
    records = [rec(statuses={OCT: Status.ON_TRACK}, live=False)]
    figures = theme_figures(month=OCT, main_actions=mains, milestones=records)
    assert figures.main_actions == 1
    assert figures.by_band[0].band is Band.RED and figures.by_band[0].milestones == 1


def test_a_sub_action_without_a_main_action_row_counts_with_the_unrated_only():
    records = [rec("CO.D2.1", "CO.D2.0", statuses={OCT: Status.ON_TRACK})]
    figures = theme_figures(month=OCT, main_actions=[main("CO.A1.0")], milestones=records)
    assert figures.main_actions == 1
    assert figures.unrated_main_actions == ()
    assert [x.ref for x in figures.without_main_action] == ["CO.D2.1"]
    unrated = next(b for b in figures.by_band if b.band is Band.UNRATED)
    assert (unrated.main_actions, unrated.milestones) == (0, 1)
    assert summary_sentences(figures)[2] == (
        "1 sub-action has no main action row in the plan and is counted with the not yet "
        "risk rated: CO.D2.1."
    )


def _sample_theme():
    mains = [
        main("OC.A1.0", RiskBand.MEDIUM),
        main("OC.A2.0", RiskBand.LOW),
        main("OC.D4.0", RiskBand.LOW),  # no sub-actions: its own milestone
    ]
    records = [
        rec("OC.A1.1", statuses={SEP: Status.ON_TRACK, OCT: Status.COMPLETE}),
        rec(
            "OC.A1.2",
            statuses={SEP: Status.ON_TRACK, OCT: Status.MEDIUM_PROGRESS},
            due="Dec-22",
            baseline="Oct-22",
            commentary="Slipped (DS 17.10.22)",
        ),
        rec("OC.A1.3", statuses={OCT: Status.NOT_DUE_TO_START}),
        rec("OC.A2.1", "OC.A2.0", statuses={SEP: Status.ON_TRACK, OCT: Status.ON_TRACK}),
        rec("OC.A2.2", "OC.A2.0", statuses={OCT: Status.COMPLETE}),
        rec(
            "OC.A2.3",
            "OC.A2.0",
            statuses={AUG: Status.ON_TRACK, SEP: Status.COMPLETE, OCT: Status.COMPLETE},
        ),
        rec(
            "OC.D4.0",
            "OC.D4.0",
            title="Main OC.D4.0",
            statuses={SEP: Status.MEDIUM_PROGRESS, OCT: Status.SIGNIFICANT_ISSUES},
        ),
    ]
    return theme_figures(month=OCT, main_actions=mains, milestones=records)


def test_groups_of_a_theme():
    figures = _sample_theme()
    assert figures.milestones == 7
    assert {g: n for g, n in figures.groups if n} == {
        Group.COMPLETED_THIS_MONTH: 1,
        Group.MEDIUM: 1,
        Group.NOT_DUE_TO_START: 1,
        Group.ON_TRACK: 1,
        Group.COMPLETE_MONTH_NOT_KNOWN: 1,
        Group.COMPLETED_EARLIER: 1,
        Group.SIGNIFICANT: 1,
    }
    bands = {b.band: b for b in figures.by_band}
    assert bands[Band.AMBER].milestones == 3 and bands[Band.AMBER].main_actions == 1
    assert bands[Band.GREEN].milestones == 4 and bands[Band.GREEN].main_actions == 2
    assert [x.ref for x in figures.significant] == ["OC.D4.0"]
    assert [x.ref for x in figures.medium] == ["OC.A1.2"]


def test_achievements_are_labelled_by_month_and_never_claim_an_unknown_month():
    this_month, last_month = _sample_theme().achievements
    assert this_month.month == OCT and [x.ref for x in this_month.completed] == ["OC.A1.1"]
    assert this_month.complete_month_not_known == 1  # OC.A2.2, first recorded complete
    assert last_month.month == SEP and [x.ref for x in last_month.completed] == ["OC.A2.3"]
    assert last_month.complete_month_not_known == 0
    assert achievement_note(this_month) == (
        "1 sub-action was first recorded as complete in October 2022 with no record for "
        "September 2022, so the month of completion is not known and it is not listed as "
        "October 2022 achievements."
    )
    assert achievement_note(last_month) == ""


def test_exceptions_are_the_amber_and_red_milestones_with_dates_and_commentary():
    exceptions = {e.line.ref: e for e in _sample_theme().exceptions}
    assert sorted(exceptions) == ["OC.A1.2", "OC.D4.0"]
    amber = exceptions["OC.A1.2"]
    assert (amber.rating, amber.due_text, amber.baseline_due_text) == ("Amber", "Dec-22", "Oct-22")
    assert amber.rebaseline_count == 1 and amber.commentary == "Slipped (DS 17.10.22)"
    assert exceptions["OC.D4.0"].rating == "Red"


def test_theme_status_is_the_theme_status_key_over_the_milestones():
    expected = theme_status(
        [
            MainActionProgress(
                "OC.A1.0",
                RiskBand.MEDIUM,
                (
                    SubActionProgress("OC.A1.1", Status.COMPLETE),
                    SubActionProgress("OC.A1.2", Status.MEDIUM_PROGRESS),
                    SubActionProgress("OC.A1.3", Status.NOT_DUE_TO_START),
                ),
            ),
            MainActionProgress(
                "OC.A2.0",
                RiskBand.LOW,
                (
                    SubActionProgress("OC.A2.1", Status.ON_TRACK),
                    SubActionProgress("OC.A2.2", Status.COMPLETE),
                    SubActionProgress("OC.A2.3", Status.COMPLETE),
                ),
            ),
            MainActionProgress("OC.D4.0", RiskBand.LOW, (), Status.SIGNIFICANT_ISSUES),
        ]
    )
    assert _sample_theme().status == expected
    assert expected.rag == "amber"


def test_summary_prose_carries_the_figures_and_names_the_issues_by_main_action():
    figures = _sample_theme()
    sentences = summary_sentences(figures)
    assert sentences[1] == (
        "Of the 7 sub-actions counted for October 2022: 1 is on track, 1 is not yet due to "
        "commence, 1 has been completed this month, 1 has or will experience significant "
        "slippage or issues, 1 has or will experience medium slippage or issues."
    )
    assert sentences[2] == (
        "The others: 1 completed in an earlier month, 1 complete, month of completion not known."
    )
    assert named_groups(figures) == (
        ("The 1 with significant slippage or issues relates to:", ("Main OC.D4.0 (OC.D4.0)",)),
        (
            "The 1 with medium slippage or issues relates to:",
            ("Main OC.A1.0 (OC.A1.0): Milestone OC.A1.2 (OC.A1.2)",),
        ),
    )
    assert sentences[3:] == (
        "The 1 with significant slippage or issues relates to: Main OC.D4.0 (OC.D4.0).",
        "The 1 with medium slippage or issues relates to: "
        "Main OC.A1.0 (OC.A1.0): Milestone OC.A1.2 (OC.A1.2).",
    )


def test_plural_prose():
    records = [rec(f"OC.A1.{n}", statuses={OCT: Status.MEDIUM_PROGRESS}) for n in (1, 2)] + [
        rec("OC.A2.1", "OC.A2.0", statuses={OCT: Status.MEDIUM_PROGRESS})
    ]
    figures = theme_figures(month=OCT, main_actions=[main(), main("OC.A2.0")], milestones=records)
    assert "0 are on track" in summary_sentences(figures)[1]
    assert named_groups(figures) == (
        (
            "The 3 with medium slippage or issues relate to:",
            (
                "Main OC.A1.0 (OC.A1.0): Milestone OC.A1.1 (OC.A1.1); Milestone OC.A1.2 (OC.A1.2)",
                "Main OC.A2.0 (OC.A2.0): Milestone OC.A2.1 (OC.A2.1)",
            ),
        ),
    )


# --- Properties --------------------------------------------------------------------------

MONTHS = (AUG, SEP, OCT)
statuses_st = st.dictionaries(st.sampled_from(MONTHS), st.sampled_from(list(Status)), max_size=3)


@st.composite
def themes(draw):
    mains = []
    records = []
    for m in range(draw(st.integers(0, 4))):
        ref = f"OC.A{m + 1}.0"
        mains.append(main(ref, draw(st.sampled_from([*RiskBand, None])), live=draw(st.booleans())))
        subs = draw(st.integers(0, 4))
        for s in range(1, subs + 1) if subs else [0]:
            history = draw(statuses_st)
            earlier = draw(st.booleans())
            records.append(
                rec(
                    f"OC.A{m + 1}.{s}",
                    ref,
                    statuses=history,
                    first_recorded=date(2022, 1, 1) if earlier and history else None,
                    due=draw(st.sampled_from(["Oct-22", "Dec-22", "Autumn 22", "Ongoing", ""])),
                    baseline=draw(st.sampled_from([None, "Sep-22", "Nov-22"])),
                    live=draw(st.booleans()),
                )
            )
    return mains, records


@given(themes())
def test_groups_always_add_up_to_the_counted_milestones(theme):
    mains, records = theme
    figures = theme_figures(month=OCT, main_actions=mains, milestones=records)
    counted = [r for r in records if is_counted(r, OCT)]
    assert figures.milestones == len(counted)
    assert sum(b.milestones for b in figures.by_band) == figures.milestones
    for group, n in figures.groups:
        assert sum(dict(b.groups)[group] for b in figures.by_band) == n
    assert len(figures.exceptions) == figures.count(Group.SIGNIFICANT) + figures.count(Group.MEDIUM)
    this_month = figures.achievements[0]
    assert len(this_month.completed) == figures.count(Group.COMPLETED_THIS_MONTH)
    assert {x.ref for x in this_month.completed} <= {r.ref for r in counted}
    assert sum(n for _, n in figures.main_actions_by_band) == figures.main_actions


@given(themes())
def test_a_milestone_is_never_completed_in_two_months(theme):
    _, records = theme
    for r in records:
        months = [m for m in MONTHS if completion_in(r, m) is not None]
        assert len(months) <= 1


@given(themes())
def test_every_exception_is_amber_or_red_and_rated_as_such(theme):
    mains, records = theme
    figures = theme_figures(month=OCT, main_actions=mains, milestones=records)
    for e in figures.exceptions:
        assert (e.status, e.rating) in {
            (Status.MEDIUM_PROGRESS, "Amber"),
            (Status.SIGNIFICANT_ISSUES, "Red"),
        }
