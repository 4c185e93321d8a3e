"""The charts a Cabinet or Commissioners' report carries: the period's status mix, overdue
sub-actions and the burn-up against the baseline, over the months the tracker holds."""

from planwatch.dashboards.selectors import burnup_chart, overdue_chart, status_distribution_chart
from planwatch.domain.charts import Chart, chart_table
from planwatch.reports.period.data import PeriodReport
from planwatch.reports.rendering.document import Figure, Section


def period_charts(*, plan, report: PeriodReport) -> tuple[Chart, ...]:
    # Only months with data: a month the tracker has nothing for would chart as zero progress.
    months = list(report.coverage.months_with_data)
    if not months:
        return ()
    return (
        status_distribution_chart(plan=plan, months=months),
        overdue_chart(plan=plan, months=months),
        burnup_chart(plan=plan, months=months),
    )


def period_charts_section(charts: tuple[Chart, ...]) -> Section | None:
    if not charts:
        return None
    return Section("Progress over the period", tuple(Figure(chart) for chart in charts))


def period_charts_json(charts: tuple[Chart, ...]) -> list[dict]:
    tables = [chart_table(chart) for chart in charts]
    return [
        {"title": chart.title, "description": chart.description, "table": [headers, *rows]}
        for chart, (headers, rows) in zip(charts, tables, strict=True)
    ]
