"""The Theme Status Key as explicit rules: every rule, every boundary, the reasons' wording."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.risk_matrix import RiskBand
from planwatch.domain.statuses import Status
from planwatch.domain.theme_status import (
    DEFAULT_THRESHOLDS,
    MainActionProgress,
    SubActionProgress,
    ThemeStatus,
    ThemeThresholds,
    theme_status,
)

ON = Status.ON_TRACK
AMBER = Status.MEDIUM_PROGRESS
RED = Status.SIGNIFICANT_ISSUES


def main(ref: str, risk: RiskBand | None, *statuses: Status, own: Status | None = None):
    subs = tuple(SubActionProgress(f"{ref[:-2]}.{n}", s) for n, s in enumerate(statuses, 1))
    return MainActionProgress(ref, risk, subs, own)


def rag(*mains: MainActionProgress, thresholds: ThemeThresholds = DEFAULT_THRESHOLDS) -> str:
    return theme_status(mains, thresholds).rag


# --- Green -------------------------------------------------------------------------------


def test_no_actions_is_green() -> None:
    assert theme_status([]) == ThemeStatus(
        "green", ("Green: high- and medium-risk actions are on track.",)
    )


def test_all_on_track_is_green() -> None:
    result = theme_status(
        [main("OC.A1.0", RiskBand.HIGH, ON, ON), main("OC.A2.0", RiskBand.LOW, ON)]
    )
    assert result.rag == "green"
    assert result.reasons == ("Green: high- and medium-risk actions are on track.",)


@pytest.mark.parametrize(
    "status",
    [
        Status.NOT_DUE_TO_START,
        Status.COMPLETE,
        Status.CLOSED,
        Status.NOT_APPLICABLE,
        Status.ON_HOLD,
        Status.NEW_ACTION,
        Status.ASSURANCE_ACTION,
        Status.DUPLICATE,
        Status.NO_STATUS,
        Status.UNRECOGNISED,
    ],
)
def test_statuses_other_than_amber_and_red_are_not_delivery_issues(status) -> None:
    assert rag(main("OC.A1.0", RiskBand.HIGH, status, status, status)) == "green"


def test_low_risk_actions_may_have_a_small_number_of_amber_red_sub_actions() -> None:
    result = theme_status([main("OC.B1.0", RiskBand.LOW, AMBER, RED, ON)])
    assert result.rag == "green"
    assert result.reasons == (
        "Green: high- and medium-risk actions are on track.",
        "Low-risk actions have 2 sub-actions with amber/red progress, within the 2 tolerated.",
        "1 sub-action of low-risk actions has significant issues/slippage (red): OC.B1.2",
        "1 sub-action of low-risk actions has medium progress slippage (amber): OC.B1.1",
    )


# --- Priority (high / medium risk) actions --------------------------------------------------


@pytest.mark.parametrize("risk", [RiskBand.HIGH, RiskBand.MEDIUM, None])
def test_one_medium_issue_in_a_priority_action_is_amber(risk) -> None:
    result = theme_status([main("OC.A2.0", risk, AMBER, ON)])
    assert result.rag == "amber"
    assert result.reasons[0] == (
        "Amber: high/medium-risk actions have 1 delivery issue (1 or more makes the theme Amber)."
    )
    assert (
        "1 sub-action of high/medium-risk actions has medium progress slippage (amber): OC.A2.1"
        in result.reasons
    )


def test_two_medium_issues_in_priority_actions_is_red() -> None:
    result = theme_status(
        [main("OC.A2.0", RiskBand.MEDIUM, AMBER), main("OC.C3.0", RiskBand.HIGH, AMBER)]
    )
    assert result.rag == "red"
    assert result.reasons == (
        "Red: high/medium-risk actions have 2 delivery issues (2 or more makes the theme Red).",
        "2 sub-actions of high/medium-risk actions have medium progress slippage (amber): "
        "OC.A2.1, OC.C3.1",
    )


def test_any_significant_issue_in_a_priority_action_is_red() -> None:
    result = theme_status([main("OC.A1.0", RiskBand.HIGH, RED, ON)])
    assert result.rag == "red"
    assert result.reasons == (
        "Red: high/medium-risk actions have 1 significant issue (1 or more makes the theme Red).",
        "1 sub-action of high/medium-risk actions has significant issues/slippage (red): OC.A1.1",
    )


def test_reasons_list_the_refs_of_significant_slippage() -> None:
    result = theme_status(
        [main("OC.A1.0", RiskBand.HIGH, ON, ON, RED), main("OC.B2.0", RiskBand.MEDIUM, RED)]
    )
    assert (
        "2 sub-actions of high/medium-risk actions have significant issues/slippage (red): "
        "OC.A1.3, OC.B2.1" in result.reasons
    )
    assert result.reasons[:2] == (
        "Red: high/medium-risk actions have 2 significant issues (1 or more makes the theme Red).",
        "Red: high/medium-risk actions have 2 delivery issues (2 or more makes the theme Red).",
    )


def test_a_main_actions_own_status_counts_like_a_sub_action() -> None:
    result = theme_status([main("OC.D4.0", RiskBand.MEDIUM, own=AMBER)])
    assert result.rag == "amber"
    assert result.reasons[-1].endswith(": OC.D4.0")
    assert rag(main("OC.D4.0", RiskBand.MEDIUM, AMBER, own=AMBER)) == "red"


# --- Low-risk ("green risk") actions -----------------------------------------------------


def test_three_amber_red_sub_actions_of_low_risk_actions_is_amber() -> None:
    result = theme_status(
        [main("OC.B1.0", RiskBand.LOW, AMBER, AMBER), main("OC.B2.0", RiskBand.LOW, RED)]
    )
    assert result.rag == "amber"
    assert result.reasons == (
        "Amber: low-risk actions have 3 sub-actions with amber/red progress "
        "(more than the 2 tolerated).",
        "1 sub-action of low-risk actions has significant issues/slippage (red): OC.B2.1",
        "2 sub-actions of low-risk actions have medium progress slippage (amber): OC.B1.1, OC.B1.2",
    )


def test_two_significant_issues_in_low_risk_actions_stay_green() -> None:
    assert rag(main("OC.B1.0", RiskBand.LOW, RED, RED)) == "green"


def test_three_significant_issues_in_low_risk_actions_is_red() -> None:
    result = theme_status([main("OC.B1.0", RiskBand.LOW, RED, RED, RED)])
    assert result.rag == "red"
    assert result.reasons[0] == (
        "Red: low-risk actions have 3 significant issues (3 or more makes the theme Red)."
    )


def test_low_risk_issues_do_not_count_towards_the_priority_rules() -> None:
    assert rag(main("OC.B1.0", RiskBand.LOW, RED), main("OC.A1.0", RiskBand.HIGH, ON)) == "green"


def test_priority_and_low_risk_issues_combine_to_the_worse_status() -> None:
    mains = (main("OC.A1.0", RiskBand.HIGH, AMBER), main("OC.B1.0", RiskBand.LOW, RED, RED, RED))
    result = theme_status(mains)
    assert result.rag == "red"
    assert [r for r in result.reasons if r.startswith(("Red", "Amber"))] == [
        "Red: low-risk actions have 3 significant issues (3 or more makes the theme Red)."
    ]


# --- Unrated actions -------------------------------------------------------------------


def test_unrated_actions_count_as_medium_risk_and_are_named() -> None:
    result = theme_status([main("PR.C1.0", None, AMBER), main("PR.C2.0", None, ON)])
    assert result.rag == "amber"
    assert result.reasons[-1] == "PR.C1.0, PR.C2.0 have no risk rating, so counted as medium risk."
    assert theme_status([main("PR.C2.0", None)]).reasons[-1] == (
        "PR.C2.0 has no risk rating, so counted as medium risk."
    )


# --- Thresholds ------------------------------------------------------------------------


def test_thresholds_are_configurable() -> None:
    lenient = ThemeThresholds(
        priority_issues_for_amber=2,
        priority_issues_for_red=4,
        priority_significant_for_red=2,
        low_risk_issues_tolerated=0,
        low_risk_significant_for_red=1,
    )
    one_amber = main("OC.A1.0", RiskBand.HIGH, AMBER)
    assert rag(one_amber, thresholds=lenient) == "green"
    assert theme_status([one_amber], lenient).reasons[0] == (
        "Green: high/medium-risk actions have 1 delivery issue, fewer than the 2 that makes it "
        "Amber."
    )
    assert rag(main("OC.A1.0", RiskBand.HIGH, RED), thresholds=lenient) == "green"
    assert rag(main("OC.A1.0", RiskBand.HIGH, RED, AMBER), thresholds=lenient) == "amber"
    assert rag(main("OC.A1.0", RiskBand.HIGH, RED, RED), thresholds=lenient) == "red"
    assert rag(main("OC.A1.0", RiskBand.HIGH, *[AMBER] * 4), thresholds=lenient) == "red"
    assert rag(main("OC.B1.0", RiskBand.LOW, AMBER), thresholds=lenient) == "amber"
    assert rag(main("OC.B1.0", RiskBand.LOW, RED), thresholds=lenient) == "red"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"priority_issues_for_amber": 0}, "priority_issues_for_amber must be .* at least 1"),
        ({"priority_significant_for_red": 0}, "priority_significant_for_red must be"),
        ({"low_risk_significant_for_red": -1}, "low_risk_significant_for_red must be"),
        ({"low_risk_issues_tolerated": -1}, "low_risk_issues_tolerated must be .* at least 0"),
        ({"priority_issues_for_red": True}, "priority_issues_for_red must be"),
        ({"priority_issues_for_amber": 3}, "must not be below priority_issues_for_amber"),
    ],
)
def test_invalid_thresholds_are_refused(kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        ThemeThresholds(**kwargs)


def test_zero_tolerance_for_low_risk_issues_is_allowed() -> None:
    strict = ThemeThresholds(low_risk_issues_tolerated=0)
    assert rag(main("OC.B1.0", RiskBand.LOW, AMBER), thresholds=strict) == "amber"


# --- Properties ------------------------------------------------------------------------

RANK = {"green": 0, "amber": 1, "red": 2}
risks = st.sampled_from([RiskBand.HIGH, RiskBand.MEDIUM, RiskBand.LOW, None])
statuses = st.sampled_from(list(Status))
refs = st.text(max_size=8)
sub_actions = st.builds(SubActionProgress, refs, statuses)
mains = st.builds(
    MainActionProgress,
    refs,
    risks,
    st.lists(sub_actions, max_size=6).map(tuple),
    st.none() | statuses,
)
themes = st.lists(mains, max_size=8)
thresholds = st.builds(
    lambda amber, extra, sig, tol, low_sig: ThemeThresholds(
        amber, amber + extra, sig, tol, low_sig
    ),
    st.integers(1, 4),
    st.integers(0, 4),
    st.integers(1, 4),
    st.integers(0, 4),
    st.integers(1, 4),
)


@given(themes, thresholds)
def test_never_raises_and_always_explains(actions, limits) -> None:
    result = theme_status(actions, limits)
    assert result.rag in RANK
    assert result.reasons
    assert result.reasons[0].startswith(result.rag.capitalize() + ":")
    assert all(isinstance(r, str) and "\n" not in r for r in result.reasons)


@given(themes, thresholds, st.integers(0, 7), st.sampled_from([AMBER, RED]), refs)
def test_adding_an_issue_never_improves_the_status(actions, limits, at, issue, ref) -> None:
    before = theme_status(actions, limits).rag
    if actions:
        target = actions[at % len(actions)]
        worse = MainActionProgress(
            target.ref,
            target.risk,
            (*target.sub_actions, SubActionProgress(ref, issue)),
            target.status,
        )
        actions = [worse if a is target else a for a in actions]
    else:
        actions = [MainActionProgress("X.A1.0", None, (SubActionProgress(ref, issue),))]
    assert RANK[theme_status(actions, limits).rag] >= RANK[before]


@given(themes, thresholds, st.integers(0, 7))
def test_worsening_amber_to_red_never_improves_the_status(actions, limits, at) -> None:
    before = theme_status(actions, limits).rag
    if not actions:
        return
    target = actions[at % len(actions)]
    subs = tuple(
        SubActionProgress(s.ref, RED if s.status is AMBER else s.status) for s in target.sub_actions
    )
    worse = MainActionProgress(target.ref, target.risk, subs, target.status)
    actions = [worse if a is target else a for a in actions]
    assert RANK[theme_status(actions, limits).rag] >= RANK[before]


@given(themes, thresholds)
def test_without_amber_or_red_the_theme_is_green(actions, limits) -> None:
    def calm(status: Status | None) -> Status | None:
        return ON if status in (AMBER, RED) else status

    on_track = [
        MainActionProgress(
            a.ref,
            a.risk,
            tuple(SubActionProgress(s.ref, calm(s.status) or ON) for s in a.sub_actions),
            calm(a.status),
        )
        for a in actions
    ]
    assert theme_status(on_track, limits).rag == "green"
