"""The raw SQL floor of each report, and the check that it gives the report's own figures.

A floor is hand-written SQL, rows fetched and nothing else, for the counts a report's
statements rest on. A ratio to it means something only if it computes the same figures, so
each floor's rows are turned into the report's tables here and compared with what the report
built; the bench prints whether they match.

- Theme Progress Summary: counted milestones (actions with no sub-actions) by theme, main
  action's risk level and the month's status, including those with no update for the month
  that were live and in the plan by then. Compared with the summary's milestones by risk band
  and group, its three "complete" groups (which need each milestone's history) taken as one.
- Cabinet and Commissioners reports: the same milestones by theme and status for the first and
  the last month with data, with the missing ones; and main actions in the plan by theme and
  risk level. Compared with each theme's progress table and main actions by risk.

Risk comes from the imported level: the benchmark's plans have no risk scores, which the
reports would band through the corporate matrix instead.
"""

from collections import Counter

COUNTED = "('accepted', 'submitted')"
_NOT_JOINED_LATER = """(
    EXISTS (SELECT 1 FROM {update} e WHERE e.action_id = a.id AND e.state IN {counted}
            AND e.month <= {month})
    OR NOT EXISTS (SELECT 1 FROM {update} e WHERE e.action_id = a.id AND e.state IN {counted}
                   AND e.month > {month}))"""
_MILESTONE = "NOT EXISTS (SELECT 1 FROM {action} c WHERE c.parent_id = a.id)"

_IN_PLAN_BY_MONTH = _NOT_JOINED_LATER.format(
    update="{update}", counted="{counted}", month="%(month)s"
)
# The main action's level: a sub-action's parent, a lettered part's (SD.A1.3a) grandparent.
SUMMARY_SQL = f"""
SELECT a.theme_id, COALESCE(g.risk_level, p.risk_level, a.risk_level), u.status, COUNT(*)
FROM {{action}} a
LEFT JOIN {{action}} p ON p.id = a.parent_id
LEFT JOIN {{action}} g ON g.id = p.parent_id
LEFT JOIN {{update}} u ON u.action_id = a.id AND u.month = %(month)s AND u.state IN {{counted}}
WHERE a.plan_id = %(plan)s AND {_MILESTONE}
  AND (u.id IS NOT NULL OR (a.lifecycle = 'live' AND {_IN_PLAN_BY_MONTH}))
GROUP BY 1, 2, 3
"""


def _missing(alias: str, month: str) -> str:
    rule = _NOT_JOINED_LATER.format(update="{update}", counted="{counted}", month=month)
    return f"CASE WHEN {alias}.id IS NULL AND a.lifecycle = 'live' AND {rule} THEN 1 ELSE 0 END"


PERIOD_SQL = f"""
SELECT a.theme_id, f.status, l.status, {_missing("f", "%(first)s")}, {_missing("l", "%(last)s")},
       COUNT(*)
FROM {{action}} a
LEFT JOIN {{update}} f ON f.action_id = a.id AND f.month = %(first)s AND f.state IN {{counted}}
LEFT JOIN {{update}} l ON l.action_id = a.id AND l.month = %(last)s AND l.state IN {{counted}}
WHERE a.plan_id = %(plan)s AND {_MILESTONE}
GROUP BY 1, 2, 3, 4, 5
"""
MAIN_SQL = """
SELECT a.theme_id, a.risk_level, COUNT(*) FROM {action} a
WHERE a.plan_id = %(plan)s AND a.is_main AND a.lifecycle = 'live'
GROUP BY a.theme_id, a.risk_level
"""


def _run(sql: str, params: dict) -> list:
    from django.db import connection

    from planwatch.plans.models import Action, ProgressUpdate

    quote = connection.ops.quote_name
    text = sql.format(
        action=quote(Action._meta.db_table),
        update=quote(ProgressUpdate._meta.db_table),
        counted=COUNTED,
    )
    with connection.cursor() as cursor:
        cursor.execute(text, params)
        return cursor.fetchall()


def summary_floor(plan, month) -> list:
    return _run(SUMMARY_SQL, {"plan": plan.pk, "month": month})


def period_floor(plan, first, last) -> tuple[list, list]:
    if first is None:  # no month with data: the milestone tables are empty
        return [], _run(MAIN_SQL, {"plan": plan.pk})
    rows = _run(PERIOD_SQL, {"plan": plan.pk, "first": first, "last": last})
    return rows, _run(MAIN_SQL, {"plan": plan.pk})


# The summary's groups, written out again rather than imported, so the check is a second
# reading of the rules: a stored status's group, Complete and Closed as one.
_SUMMARY_GROUP = {
    None: "no_update",
    "no_status": "no_update",
    "medium_progress": "medium",
    "significant_issues": "significant",
    "complete": "complete",
    "closed": "complete",
}
_COMPLETE = {"completed_this_month", "completed_earlier", "complete_month_not_known"}
_BAND = {"high": "red", "medium": "amber", "low": "green"}


def summary_matches(rows: list, report, codes: dict[int, str]) -> bool:
    """Whether the floor's rows give the summary's milestones by theme, band and group."""
    floor: Counter = Counter()
    for theme_id, risk, status, n in rows:
        group = _SUMMARY_GROUP.get(status, status)
        floor[(codes[theme_id], _BAND.get(risk, "unrated"), group)] += n
    built: Counter = Counter()
    for part in report.themes:
        for counts in part.figures.by_band:
            for group, n in counts.groups:
                key = "complete" if group.value in _COMPLETE else group.value
                built[(part.code, counts.band.value, key)] += n
    return +floor == +built


def period_matches(rows: list, main_rows: list, report, codes: dict[int, str]) -> bool:
    """Whether the floor's rows give each theme's progress table and main actions by risk."""
    from planwatch.reports.period.data import RISKS, table_group

    floor: Counter = Counter()
    for theme_id, start, end, missing_start, missing_end, n in rows:
        code = codes[theme_id]
        if start is not None:
            floor[(code, "start", table_group(start))] += n
        if end is not None:
            floor[(code, "end", table_group(end))] += n
        floor[(code, "start", "no_update")] += n * missing_start
        floor[(code, "end", "no_update")] += n * missing_end
    risks = {r.value for r in RISKS}
    for theme_id, risk, n in main_rows:
        floor[(codes[theme_id], "risk", risk if risk in risks else "unrated")] += n
    built: Counter = Counter()
    for theme in report.themes:
        for name, table in (
            ("start", theme.milestones_start),
            ("end", theme.milestones_end),
            ("risk", theme.main_by_risk),
        ):
            for key, n in table.items():
                built[(theme.code, name, key)] += n
    return +floor == +built
