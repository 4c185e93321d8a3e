"""The Cabinet quarterly and Commissioners' six-monthly reports: one engine over a period.

`period_report_build` reads everything in a fixed number of queries, whatever the plan's
size, into plain dataclasses; `period_report_json` is those figures, and
`period_document.period_report_document` turns them into the document every format renders.

Counting rules (the prose and the JSON say the same):
- *Milestones* are the actions that carry their own delivery status: sub-actions, and main
  actions with no sub-actions (OC.D4.0). Main actions with sub-actions are counted by risk.
- A main action's *risk* is the band of its score through the corporate risk matrix once
  someone has scored it; until then the tracker's imported level stands.
  A month's milestones are those with an update for it, and the live ones that had one in an
  earlier month but none for it.
- Draft updates, not yet submitted, count nowhere (as in the monthly summary).
- *Start* and *end* of the period are the first and last of its months with updates
  (`domain.periods.Coverage`); a month without data is named, never guessed.
- *Completed in the period*: a milestone first rated Complete or Closed in one of its
  months, when the month before has an update; otherwise its month of completion is not
  known and it is counted apart (`domain.periods.completion_of`, the monthly summary's rule).
- *Slippage*: the current due date is later than the baseline; risk levels, due dates and
  re-baselines are the plan as it stands when the report is built.
- *Change-control decisions*: requests approved, rejected or withdrawn on a day in the period.
- *Open exceptions*: milestones rated Medium progress or Significant issues in the last
  month with data.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Exists

from planwatch.domain.periods import Period, coverage_of
from planwatch.plans.as_of import actions_as_it_stood
from planwatch.plans.counting import counted_updates_q
from planwatch.plans.models import Plan, ProgressUpdate
from planwatch.reports.period.data import (
    CABINET_MONTHS,
    COMMISSIONERS_MONTHS,
    DONE,
    EXCEPTIONS,
    REPORT_KINDS,
    RISKS,
    STATUS_GROUPS,
    ActionLine,
    Completed,
    DecisionLine,
    ExceptionLine,
    PeriodReport,
    PeriodReportError,
    Slipped,
    ThemeProgress,
)
from planwatch.reports.period.selectors import (
    STOOD_FIELDS,
    count_main_actions,
    count_milestones,
    list_completions,
    list_decisions,
    list_exceptions,
    list_slippage,
)
from planwatch.reports.theme_summary.selectors import month_standing

__all__ = [
    "CABINET_MONTHS",
    "COMMISSIONERS_MONTHS",
    "DONE",
    "EXCEPTIONS",
    "REPORT_KINDS",
    "RISKS",
    "STATUS_GROUPS",
    "ActionLine",
    "Completed",
    "DecisionLine",
    "ExceptionLine",
    "PeriodReport",
    "PeriodReportError",
    "Slipped",
    "ThemeProgress",
    "period_report_build",
]


def _months_with_data(plan: Plan, period: Period) -> list[date]:
    """The period's months with a counted update, in one query: one EXISTS per month, each
    stopping at the first update found rather than reading every update of the period."""
    checks = {
        f"month_{n}": Exists(
            ProgressUpdate.objects.filter(counted_updates_q(), action__plan=plan, month=month)
        )
        for n, month in enumerate(period.months)
    }
    found = Plan.objects.filter(pk=plan.pk).annotate(**checks).values_list(*checks).get()
    return [month for month, has_data in zip(period.months, found, strict=True) if has_data]


def period_report_build(*, plan: Plan, end_month: date, months: int) -> PeriodReport:
    """Everything a period report says, read in a fixed number of queries."""
    kind = next((k for k, (_, n) in REPORT_KINDS.items() if n == months), "")
    if not kind:
        raise PeriodReportError(f"a period report covers 3 or 6 months, not {months}")
    try:
        period = Period(end_month.replace(day=1), months)
    except ValueError as error:
        raise PeriodReportError(str(error)) from None
    coverage = coverage_of(period, _months_with_data(plan, period))
    themes = {t.pk: ThemeProgress(t.code, t.name) for t in plan.themes.all()}
    codes = {pk: theme.code for pk, theme in themes.items()}
    report = PeriodReport(plan.name, kind, period, coverage, list(themes.values()))

    stood = actions_as_it_stood(plan=plan, month=period.end, fields=STOOD_FIELDS)
    count_main_actions(plan, themes, coverage.last, stood, as_of=period.end)
    if coverage.first is not None:
        count_milestones(plan, coverage, themes)
        list_exceptions(plan, coverage.last, themes, codes, stood)
    list_completions(plan, period, themes, codes)
    list_slippage(plan, themes, codes, period.after - timedelta(days=1), stood)
    list_decisions(plan, period, report, themes, codes)
    if coverage.last is not None:
        owed = sum(theme.milestones_at_end for theme in themes.values())
        report.standing = month_standing(plan=plan, month=coverage.last, owed=owed)
    return report
