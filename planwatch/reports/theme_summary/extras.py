"""What the Theme Progress Summary carries beyond the seeds' own sections: its charts, and, when
PMO asks for them, the assurance flags (issue 5) and the risk register with its heatmap.

Charts are always in: the summary goes to people who never open the dashboard. Assurance and
risks are choices, because the monthly report to Leadership Team and the version sent on to
Cabinet need not carry the same working papers.
"""

from dataclasses import dataclass
from datetime import date

from planwatch.assurance.selectors import ThemeSummary as ThemeAssurance
from planwatch.assurance.selectors import assurance_summary
from planwatch.dashboards.selectors import (
    burnup_chart,
    overdue_chart,
    plan_months,
    status_distribution_by_theme,
)
from planwatch.domain.charts import Chart, chart_table
from planwatch.plans.models import Plan
from planwatch.reports.rendering.document import Section
from planwatch.reports.risk_sections import risk_register_section


@dataclass(frozen=True)
class ThemeSummaryExtras:
    plan_charts: tuple[Chart, ...]
    theme_charts: tuple[Chart, ...]  # in theme order, one per theme
    assurance: tuple[ThemeAssurance, ...] | None
    risks: Section | None

    def theme_chart(self, index: int) -> Chart | None:
        return self.theme_charts[index] if index < len(self.theme_charts) else None

    def assurance_for(self, code: str) -> ThemeAssurance | None:
        return next((a for a in self.assurance or () if a.code == code), None)


def theme_summary_extras(
    *, plan: Plan, month: date, assurance: bool = False, risks: bool = False
) -> ThemeSummaryExtras:
    # The report looks back from its month: later months' data must not leak into it.
    months = [m for m in plan_months(plan=plan) if m <= month] or [month]
    return ThemeSummaryExtras(
        plan_charts=(
            overdue_chart(plan=plan, months=months),
            burnup_chart(plan=plan, months=months),
        ),
        theme_charts=tuple(status_distribution_by_theme(plan=plan, months=months)),
        assurance=tuple(assurance_summary(plan=plan, month=month)) if assurance else None,
        risks=risk_register_section(plan=plan, month=month, level=2) if risks else None,
    )


def _chart_json(chart: Chart) -> dict:
    headers, rows = chart_table(chart)
    return {"title": chart.title, "description": chart.description, "table": [headers, *rows]}


def theme_summary_extras_json(extras: ThemeSummaryExtras) -> dict:
    """The charts' data tables and, when asked for, the assurance flags, for the JSON report."""
    data: dict = {
        "charts": {
            "plan": [_chart_json(chart) for chart in extras.plan_charts],
            "themes": [_chart_json(chart) for chart in extras.theme_charts],
        }
    }
    if extras.assurance is not None:
        data["assurance"] = [
            {
                "code": theme.code,
                "name": theme.name,
                "flags": [
                    {"ref": f.ref, "kind": str(f.kind), "check": f.kind_label, "reason": f.reason}
                    for f in theme.flags
                ],
            }
            for theme in extras.assurance
        ]
    return data
