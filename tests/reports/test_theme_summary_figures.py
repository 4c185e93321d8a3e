"""October 2022 from the sample workbook: every figure equals a count made here, independently,
with plain queries over the imported plan."""

from collections import Counter

import pytest

from planwatch.domain.statuses import Status
from planwatch.plans.models import Action, ProgressUpdate, RiskLevel, Theme
from planwatch.reports.theme_summary.build import theme_summary_json

from .conftest import OCTOBER, SEPTEMBER

pytestmark = pytest.mark.django_db
DONE = {Status.COMPLETE, Status.CLOSED}
THEMES = ["OC", "CO", "SD", "DM", "PC", "PR"]
RISK_TO_BAND = {"high": "red", "medium": "amber", "low": "green", "unrated": "unrated"}


def _milestone_ids(theme) -> set[int]:
    """The rows with none under them, which carry a delivery status: sub-actions, main actions
    without any, and SD.A1.3's lettered parts in place of SD.A1.3."""
    leaves = Action.objects.filter(theme=theme, sub_actions__isnull=True)
    return set(leaves.values_list("pk", flat=True))


def _statuses(ids, month) -> dict[int, str]:
    rows = ProgressUpdate.objects.filter(action_id__in=ids, month=month)
    return dict(rows.values_list("action_id", "status"))


@pytest.fixture
def by_code(october_report):
    return {t["code"]: t for t in theme_summary_json(october_report)["themes"]}


def test_the_sample_has_six_themes_66_main_actions_and_229_sub_actions(by_code):
    assert list(by_code) == ["OC", "CO", "SD", "DM", "PC", "PR"]
    assert sum(t["main_actions"]["total"] for t in by_code.values()) == 66
    lone = Action.objects.filter(is_main=True, sub_actions__isnull=True).count()
    # SD.A1.3 counts through its four lettered parts, which are among the 229.
    assert sum(t["milestones"]["counted"] for t in by_code.values()) == 229 - 1 + lone


def test_main_actions_by_risk_equal_the_plan(by_code):
    for code in THEMES:
        levels = Counter(
            Action.objects.filter(theme__code=code, is_main=True).values_list(
                "risk_level", flat=True
            )
        )
        expected = {band: levels.get(risk, 0) for risk, band in RISK_TO_BAND.items()}
        assert by_code[code]["main_actions"]["by_risk"] == expected
        unrated = Action.objects.filter(
            theme__code=code, is_main=True, risk_level=RiskLevel.UNRATED
        ).values_list("ref", flat=True)
        assert [m["ref"] for m in by_code[code]["main_actions"]["not_yet_risk_rated"]] == list(
            unrated
        )


def test_sub_actions_by_status_equal_the_october_updates(by_code):
    for code in THEMES:
        theme = Theme.objects.get(code=code)
        ids = _milestone_ids(theme)
        october, september = _statuses(ids, OCTOBER), _statuses(ids, SEPTEMBER)
        statuses = Counter(october.values())
        completed_this_month = {
            pk
            for pk, s in october.items()
            if s in DONE and pk in september and september[pk] not in DONE
        }
        groups = by_code[code]["milestones"]["by_group"]
        assert by_code[code]["milestones"]["counted"] == len(ids)
        assert groups["on_track"] == statuses[Status.ON_TRACK]
        assert groups["not_due_to_start"] == statuses[Status.NOT_DUE_TO_START]
        assert groups["significant"] == statuses[Status.SIGNIFICANT_ISSUES]
        assert groups["medium"] == statuses[Status.MEDIUM_PROGRESS]
        assert groups["completed_this_month"] == len(completed_this_month)
        refs = set(Action.objects.filter(pk__in=completed_this_month).values_list("ref", flat=True))
        october_achievements = by_code[code]["achievements"][0]
        assert october_achievements["month"] == "2022-10"
        assert {x["ref"] for x in october_achievements["completed"]} == refs
        # Complete in October with no September record: the month of completion is not known.
        unknown = sum(1 for pk, s in october.items() if s in DONE and pk not in september)
        assert october_achievements["complete_month_not_known"] == unknown
        assert sum(groups.values()) == len(ids)


def test_exceptions_are_the_amber_and_red_october_updates(by_code):
    for code in THEMES:
        theme = Theme.objects.get(code=code)
        expected = set(
            ProgressUpdate.objects.filter(
                action_id__in=_milestone_ids(theme),
                month=OCTOBER,
                status__in=[Status.MEDIUM_PROGRESS, Status.SIGNIFICANT_ISSUES],
            ).values_list("action__ref", flat=True)
        )
        exceptions = by_code[code]["exceptions"]
        assert {e["ref"] for e in exceptions} == expected
        for e in exceptions:
            update = ProgressUpdate.objects.get(action__ref=e["ref"], month=OCTOBER)
            assert e["commentary"] == update.commentary
            assert e["rating"] == ("Red" if update.status == Status.SIGNIFICANT_ISSUES else "Amber")


def test_september_is_the_first_month_so_no_september_completion_is_claimed(by_code):
    for theme in by_code.values():
        september = theme["achievements"][1]
        assert september["month"] == "2022-09"
        assert september["completed"] == []
    total_unknown = sum(t["achievements"][1]["complete_month_not_known"] for t in by_code.values())
    first_complete = ProgressUpdate.objects.filter(
        month=SEPTEMBER,
        status__in=list(DONE),
        action__in=Action.objects.filter(is_main=False)
        | Action.objects.filter(is_main=True, sub_actions__isnull=True),
    ).count()
    assert total_unknown == first_complete > 0


def test_theme_status_has_a_rag_and_reasons(by_code):
    for theme in by_code.values():
        assert theme["theme_status"]["rag"] in {"green", "amber", "red"}
        assert theme["theme_status"]["reasons"]
