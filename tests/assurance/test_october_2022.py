"""The key test: the rating checks over every sub-action of the sample workbook, October 2022,
give exactly the flags a person reading the rows expects (tests/assurance/october_2022_flags.py)."""

from collections import Counter

from django.urls import reverse

from planwatch.assurance.selectors import assurance_flags, assurance_summary
from planwatch.domain.rating_checks import FlagKind
from tests.assurance.conftest import OCTOBER
from tests.assurance.october_2022_flags import OCTOBER_2022_FLAGS


def _flags(result) -> set:
    return {
        (row.ref, row.flag.kind, row.flag.implied, row.flag.rated)
        for theme in result.themes
        for row in theme.open
    }


def test_october_2022_flags_are_exactly_those_read_off_the_rows(sample_plan):
    result = assurance_flags(plan=sample_plan, month=OCTOBER)

    assert _flags(result) == OCTOBER_2022_FLAGS
    assert result.dismissed_count == 0


def test_october_2022_checks_every_sub_action_and_each_main_action_without_any(sample_plan):
    # 229 sub-actions less SD.A1.3, which is rated through its four lettered parts, plus the
    # 8 main actions with no sub-actions of their own (OC.C2.0, OC.C3.0, OC.D4.0, OC.E1.0,
    # OC.F1.0, OC.F2.0, the new SD.F1.0, and DM.C.3.0 written so in the tracker).
    assert assurance_flags(plan=sample_plan, month=OCTOBER).checked == 229 - 1 + 8


def test_october_2022_flag_counts_by_kind(sample_plan):
    result = assurance_flags(plan=sample_plan, month=OCTOBER)
    counts = Counter(row.flag.kind for theme in result.themes for row in theme.open)

    assert counts == {
        FlagKind.RATING_DISAGREES: 4,
        FlagKind.STARTED_BUT_NOT_DUE_TO_START: 2,
        FlagKind.CLOSED_WITHOUT_EVIDENCE: 2,
    }


def test_flags_are_grouped_under_their_own_theme_in_plan_order(sample_plan):
    result = assurance_flags(plan=sample_plan, month=OCTOBER)
    by_theme = {theme.theme.code: [row.ref for row in theme.open] for theme in result.themes}

    assert list(by_theme) == [theme.code for theme in sample_plan.themes.all()]
    for code, refs in by_theme.items():
        assert all(ref.startswith(code + ".") for ref in refs)
    assert by_theme["SD"] == ["SD.A2.10", "SD.A6.1", "SD.C1.3"]


def test_the_page_shows_each_october_flag_with_its_reason(sample_plan, pmo_client):
    page = pmo_client.get(reverse("assurance:index"), {"month": "2022-10"})
    html = page.content.decode()

    assert page.status_code == 200
    for ref, kind, _implied, _rated in OCTOBER_2022_FLAGS:
        assert f'data-flag="{ref} {kind}"' in html
    assert html.count('data-flag="') == len(OCTOBER_2022_FLAGS)
    assert (
        "rated Medium progress, due May 2022, not complete in Oct 2022: 5 months&#x27; "
        "slippage implies Significant issues"
    ) in html


def test_the_summary_for_the_monthly_report_lists_open_flags_per_theme(sample_plan):
    summary = assurance_summary(plan=sample_plan, month=OCTOBER)

    assert [theme.code for theme in summary] == [t.code for t in sample_plan.themes.all()]
    flags = {(flag.ref, flag.kind) for theme in summary for flag in theme.flags}
    assert flags == {(ref, kind) for ref, kind, _i, _r in OCTOBER_2022_FLAGS}
    pr = next(theme for theme in summary if theme.code == "PR")
    assert pr.flags == ()
