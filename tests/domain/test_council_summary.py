"""The 2022 layout's Summary statement (seed 000), in the council's words, from the figures."""

from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.council_summary import (
    band_statements,
    council_statement,
    main_action_statement,
    statement_text,
)
from planwatch.domain.risk_matrix import RiskBand
from planwatch.domain.statuses import Status
from planwatch.domain.theme_summary import theme_figures
from tests.domain.test_theme_summary import OCT, SEP, main, rec

ON, NOT_DUE, MEDIUM, SIGNIFICANT = (
    Status.ON_TRACK,
    Status.NOT_DUE_TO_START,
    Status.MEDIUM_PROGRESS,
    Status.SIGNIFICANT_ISSUES,
)


def figures(mains, milestones):
    return theme_figures(month=OCT, main_actions=mains, milestones=milestones)


def test_main_actions_are_counted_in_the_seeds_words_with_zero_spelt_out():
    mains = [main(f"OC.A{i}.0", RiskBand.MEDIUM) for i in range(1, 8)]
    mains += [main(f"OC.B{i}.0", RiskBand.LOW) for i in range(1, 9)]
    mains.append(main("OC.C1.0", None))
    statement = main_action_statement(figures(mains, []))
    assert statement.opening == "Of the 16 main action areas, there are:"
    assert statement.bullets == (
        "zero main actions with a red risk rating,",
        "7 main actions with an amber risk rating,",
        "8 main actions with a green risk rating.",
        "1 main action has not yet been risk rated (Main OC.C1.0)",
    )


def test_no_unrated_bullet_when_every_main_action_is_rated():
    statement = main_action_statement(figures([main("OC.A1.0", RiskBand.HIGH)], []))
    assert statement.bullets[0] == "1 main action with a red risk rating,"
    assert len(statement.bullets) == 3


def test_an_amber_group_with_no_issues_says_all_live_sub_actions_are_on_track():
    mains = [main("OC.A1.0", RiskBand.MEDIUM)]
    milestones = [
        rec("OC.A1.1", statuses={OCT: ON}),
        rec("OC.A1.2", statuses={OCT: NOT_DUE}),
        rec("OC.A1.3", statuses={OCT: NOT_DUE}),
        rec("OC.A1.4", statuses={SEP: ON, OCT: Status.COMPLETE}),
        rec("OC.A1.5", statuses={SEP: ON, OCT: Status.COMPLETE}),
    ]
    (amber,) = band_statements(figures(mains, milestones))
    assert amber.opening == "Of the 1 action with an amber risk rating:"
    assert amber.bullets == (
        "All live sub-actions to deliver the action are on track",
        "2 sub-actions are not yet due to commence",
        "2 sub-actions have been completed this month",
    )


def test_a_red_group_with_issues_counts_them_instead_of_claiming_all_on_track():
    mains = [main("CO.A1.0", RiskBand.HIGH), main("CO.A2.0", RiskBand.HIGH)]
    milestones = [
        rec("CO.A1.1", "CO.A1.0", statuses={OCT: ON}),
        rec("CO.A1.2", "CO.A1.0", statuses={OCT: MEDIUM}),
        rec("CO.A2.1", "CO.A2.0", statuses={OCT: SIGNIFICANT}),
        rec("CO.A2.2", "CO.A2.0", statuses={OCT: SIGNIFICANT}),
    ]
    (red,) = band_statements(figures(mains, milestones))
    assert red.opening == "Of the 2 actions with a red risk rating:"
    assert red.bullets == (
        "1 sub-action is on track with little or no slippage",
        "2 sub-actions have or will experience significant slippage or issues",
        "1 sub-action has or will experience medium slippage or issues",
    )


def test_green_groups_are_named_only_where_they_have_delivery_issues():
    mains = [main("SD.A1.0", RiskBand.LOW), main("SD.A2.0", RiskBand.LOW)]
    calm = [rec("SD.A1.1", "SD.A1.0", statuses={OCT: ON})]
    assert band_statements(figures(mains, calm)) == ()
    troubled = [*calm, rec("SD.A2.1", "SD.A2.0", statuses={OCT: MEDIUM}, title="Debt recovery")]
    (green,) = band_statements(figures(mains, troubled))
    assert green.opening.startswith("Actions with a green risk rating have areas of medium")
    assert green.bullets[-1] == "These relate to: Debt recovery (SD.A2.1)"


def test_other_statuses_are_listed_not_lost():
    mains = [main("OC.A1.0", RiskBand.MEDIUM)]
    milestones = [rec("OC.A1.1", statuses={OCT: Status.ON_HOLD})]
    (amber,) = band_statements(figures(mains, milestones))
    assert amber.bullets == ("1 sub-action on hold",)


def test_the_cell_text_puts_each_bullet_on_its_own_line():
    text = statement_text(council_statement(figures([main("OC.A1.0", RiskBand.LOW)], [])))
    assert text.splitlines() == [
        "Of the 1 main action areas, there are:",
        "• zero main actions with a red risk rating,",
        "• zero main actions with an amber risk rating,",
        "• 1 main action with a green risk rating.",
    ]


_STATUSES = st.sampled_from([ON, NOT_DUE, MEDIUM, SIGNIFICANT, Status.ON_HOLD, Status.COMPLETE])
_RISKS = st.sampled_from([RiskBand.HIGH, RiskBand.MEDIUM, RiskBand.LOW, None])


@given(st.lists(st.tuples(_RISKS, st.lists(_STATUSES, max_size=5)), min_size=1, max_size=6))
def test_the_statement_counts_agree_with_the_figures(plan):
    mains, milestones = [], []
    for i, (risk, statuses) in enumerate(plan, start=1):
        mains.append(main(f"OC.A{i}.0", risk))
        milestones += [
            rec(f"OC.A{i}.{j}", f"OC.A{i}.0", statuses={SEP: ON, OCT: s})
            for j, s in enumerate(statuses, start=1)
        ]
    built = figures(mains, milestones)
    opening = main_action_statement(built).opening
    assert opening == f"Of the {len(plan)} main action areas, there are:"
    said = {s.opening for s in band_statements(built)}
    for band in built.by_band:
        if band.band.value in ("red", "amber") and band.main_actions:
            # Every red or amber group is spoken of, however it stands.
            n = band.main_actions
            article = "a red" if band.band.value == "red" else "an amber"
            noun = "action" if n == 1 else "actions"
            assert f"Of the {n} {noun} with {article} risk rating:" in said
