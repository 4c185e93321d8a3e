"""Seed 004's pages pasted one under another import to the very plan the workbook gives.

Each printed page keeps its own group rows and header, and they differ from page to page
(headers "...Date)September 22" and ".../October 22", a bare "October" or a bare "Change
Control required", a month given only by "October Update Due", group rows a column out).
The figures the test expects are counted here from the seed's text, not by planwatch.
"""

from collections import Counter

import pytest

from planwatch.domain.statuses import Status
from planwatch.imports.services import tracker_import
from planwatch.plans.models import Action, ProgressUpdate

from .seed_text import SEEDS, seed_as_pasted_csv, seed_read

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not any(SEEDS.glob("004_*")), reason="seed documents not available"),
]
EXCEPTION_WORDS = ("medium progress", "significant issues")


@pytest.fixture(scope="module")
def seed():
    return seed_read()


@pytest.fixture
def pasted(seed, tmp_path):
    return seed_as_pasted_csv(seed, tmp_path / "tracker-pages-pasted.csv")


def _october(seed) -> list[tuple[str, str, str]]:
    """(ref, October status, October change-control flag) of every data row, read by each
    page's own header: the rightmost status column, and the change-control column (headed
    "October", "Change Control required" or both over two printed lines)."""
    rows = []
    for page in seed.pages:
        status = page.column("Status (", "Progress against plan", last=True)
        flag = page.column("October", "Change Control required", last=True)
        assert page.column("Status (September 2022)") < status < flag
        rows += [
            (row[1].strip(), row[status].strip(), row[flag].strip() if flag < len(row) else "")
            for row in page.rows
        ]
    return rows


def _plan(name: str) -> dict[str, tuple]:
    actions = Action.objects.filter(plan__name=name).select_related("theme", "workstream", "parent")
    return {
        action.ref: (
            action.theme.code,
            action.theme.name,
            action.theme.order,
            action.workstream.name,
            action.is_main,
            action.sort_key,
            action.parent.ref if action.parent else None,
            action.title,
            action.director_lead,
            action.cabinet_member,
            action.other_leads,
            action.update_owner,
            (action.start_text, action.start_kind, action.start_earliest, action.start_latest),
            (action.due_text, action.due_kind, action.due_earliest, action.due_latest),
            action.risk_level,
            action.risk_text,
            action.risk_description,
            action.latest_status,
            tuple(
                (
                    u.month,
                    u.status,
                    u.status_text,
                    u.commentary,
                    u.author_initials,
                    u.author_date_text,
                    u.change_control,
                    u.change_control_text,
                )
                for u in action.updates.order_by("month")
            ),
        )
        for action in actions
    }


def _status_counts(name: str) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for month, status in ProgressUpdate.objects.filter(action__plan__name=name).values_list(
        "month", "status"
    ):
        counts.setdefault(f"{month:%Y-%m}", Counter())[status] += 1
    return counts


def test_the_seed_reads_as_pages_each_with_group_rows_and_a_header(seed):
    assert len(seed.themes) == 6
    assert len(seed.rows) == 295
    assert all(page.groups for page in seed.pages)
    assert len(seed.pages) == 25
    headers = {tuple(cell for cell in page.header_cells() if cell) for page in seed.pages}
    assert len(headers) > 1, "the pages' headers differ"


def test_the_pasted_pages_give_exactly_the_workbooks_plan(seed, pasted, sample_plan):
    summary = tracker_import(path=pasted, plan_name="Pasted")

    assert summary.warnings_by_category == {"date": 7, "markup": 14, "ref": 8, "risk": 2}
    assert _plan("Pasted") == _plan(sample_plan.name)
    assert len(_plan("Pasted")) == len(seed.rows) == 295
    mains = Counter(row[1][:2] for row in seed.rows if row[1].strip().endswith(".0"))
    subs = Counter(row[1][:2] for row in seed.rows if not row[1].strip().endswith(".0"))
    per_theme = Counter(
        (code, is_main)
        for code, is_main in Action.objects.filter(plan__name="Pasted").values_list(
            "theme__code", "is_main"
        )
    )
    assert {code: (per_theme[code, True], per_theme[code, False]) for code in mains} == {
        code: (mains[code], subs[code]) for code in mains
    }
    assert (summary.main_actions, summary.sub_actions) == (66, 229)
    risk_words = Counter(row[9].strip() for row in seed.rows)
    risks = Counter(Action.objects.filter(plan__name="Pasted").values_list("risk_level", flat=True))
    assert {level: risks[level] for level in ("high", "medium", "low")} == {
        "high": risk_words["High Risk"],
        "medium": risk_words["Medium Risk"],
        "low": risk_words["Low Risk"],
    }
    assert _status_counts("Pasted") == _status_counts(sample_plan.name)


def test_october_exceptions_and_change_control_flags_match_the_seeds_own_count(seed, pasted, db):
    october = _october(seed)
    exceptions = {
        ref for ref, status, _flag in october if status.lower().startswith(EXCEPTION_WORDS)
    }
    flagged = {ref for ref, _status, flag in october if flag.lower() in {"yes", "y"}}
    assert (len(exceptions), len(flagged)) == (29, 69)

    tracker_import(path=pasted, plan_name="Pasted")

    updates = ProgressUpdate.objects.filter(action__plan__name="Pasted", month__month=10)
    assert (
        set(
            updates.filter(
                status__in=[Status.MEDIUM_PROGRESS, Status.SIGNIFICANT_ISSUES]
            ).values_list("action__ref", flat=True)
        )
        == exceptions
    )
    assert set(updates.filter(change_control=True).values_list("action__ref", flat=True)) == flagged


def test_importing_the_pasted_pages_into_the_workbooks_plan_changes_nothing(pasted, sample_plan):
    before = _plan(sample_plan.name)
    read_from = set(Action.objects.values_list("ref", "source_sheet", "source_row"))

    summary = tracker_import(path=pasted, plan_name=sample_plan.name)

    assert (summary.actions_created, summary.actions_updated, summary.actions_unchanged) == (
        0,
        0,
        295,
    )
    assert (summary.updates_created, summary.updates_changed) == (0, 0)
    assert summary.updates_unchanged == ProgressUpdate.objects.count()
    assert summary.change_requests_created == 0
    assert _plan(sample_plan.name) == before
    assert set(Action.objects.values_list("ref", "source_sheet", "source_row")) == read_from
