"""Which columns a theme's sheet has, in which order, under which headers.

Recovered from what the import kept: each action's `source_cells` names the headers its
filled cells were read under, in the workbook's order. Columns no row filled, and months
written in planwatch since, get the council's usual header text.
"""

import heapq
from collections import Counter, defaultdict
from datetime import date
from itertools import pairwise

from planwatch.plans.models import Action

from .columns import Column, classify, resolve_months

# The council's columns, in the council's order, with the sample workbook's header text.
STATIC_COLUMNS = (
    ("workstream", "Workstream", "Static data"),
    ("ref", "Ref", "Static data"),
    ("title", "Action", "Static data"),
    ("director_lead", "Director Lead", "Owners"),
    ("cabinet_member", "Cabinet Member", "Owners"),
    ("other_leads", "Other Leads", "Owners"),
    ("update_owner", "Update Owner (if different)", "Owners"),
    ("start", "Start date", "Dates"),
    ("due", "Due date", "Dates"),
    ("risk_level", "Main Action Risk", "Main Action Risk"),
    ("risk_description", "Description", "Main Action Risk"),
    ("reference", "Reference", "Static data"),
)
GROUPS = {field: group for field, _header, group in STATIC_COLUMNS} | {
    "status": "Progress against plan",
    "commentary": "Evidence of status rating",
    "change_control": "Change Control required",
}
MONTHLY = ("status", "commentary", "change_control")


def source_headers(actions: list[Action]) -> list[str]:
    """Every header the actions' cells were read under, in the workbook's order.

    Each action keeps only its filled cells, so each gives a partial order of the headers;
    together they give the whole. Two headers never filled in the same row (Other Leads and
    Update Owner, say) are put in the council's usual order.
    """
    after: dict[str, set[str]] = defaultdict(set)
    waiting: Counter[str] = Counter()
    positions: dict[str, list[int]] = defaultdict(list)
    for action in actions:
        headers = [header for header, _value in action.source_cells]
        for position, header in enumerate(headers):
            positions[header].append(position)
        for earlier, later in pairwise(headers):
            if later not in after[earlier] and earlier != later:
                after[earlier].add(later)
                waiting[later] += 1
    rank = _ranks(positions)
    ready = [rank[h] for h in positions if waiting[h] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _mean, header = heapq.heappop(ready)
        order.append(header)
        for later in after[header]:
            waiting[later] -= 1
            if waiting[later] == 0:
                heapq.heappush(ready, rank[later])
    # Headers in a cycle (a workbook that reordered its columns between rows) go last.
    return order + sorted((h for h in positions if h not in order), key=lambda h: rank[h])


def _ranks(positions: dict[str, list[int]]) -> dict[str, tuple[float, str]]:
    headers = list(positions)
    columns = resolve_months([classify(i, h) for i, h in enumerate(headers)])
    usual = {field: index for index, (field, _h, _g) in enumerate(STATIC_COLUMNS)}
    ranks = {}
    for header, column in zip(headers, columns, strict=True):
        if column.field in usual:
            rank = float(usual[column.field])
        elif column.field in MONTHLY and column.month:
            month = column.month.year * 12 + column.month.month
            rank = 1000.0 + month + MONTHLY.index(column.field) / 10
        else:
            rank = sum(positions[header]) / len(positions[header])
        ranks[header] = (rank, header)
    return ranks


def sheet_columns(
    actions: list[Action], months: list[date], flagged_months: set[date], with_reference: bool
) -> list[Column]:
    """The sheet's columns: the workbook's own, then any it lacked, then months added since."""
    source = resolve_months([classify(i, h) for i, h in enumerate(source_headers(actions))])
    columns = [c for c in source if c.field not in MONTHLY or c.month]
    present = {c.field for c in columns}
    wanted = [f for f, _h, _g in STATIC_COLUMNS if f != "reference"]
    if "reference" in present or with_reference:
        wanted.append("reference")
    for position, (field, header, _group) in enumerate(STATIC_COLUMNS):
        if field not in wanted or field in present:
            continue
        before = {f for f, _h, _g in STATIC_COLUMNS[:position]}
        index = max((i + 1 for i, c in enumerate(columns) if c.field in before), default=0)
        columns.insert(index, Column(-1, header, field))
        present.add(field)
    held = {(c.field, c.month) for c in columns}
    for month in months:
        flagged = month in flagged_months
        defaults = [
            ("status", f"Status ({month:%B %Y})"),
            ("commentary", f"Update (Initial and Date)({month:%B %y})"),
        ] + ([("change_control", f"Change Control required ({month:%B %Y})")] if flagged else [])
        for field, header in defaults:
            if (field, month) not in held:
                columns.append(Column(-1, header, field, month))
    return columns
