"""What an import would do, worked out by doing it and rolling back.

The preview runs the very code a confirmed import runs, inside a transaction that is always
rolled back, and compares the plan before and after. So the diff the PMO confirms is what the
import writes, not a second opinion of it.
"""

import hashlib
from collections import Counter
from datetime import date
from pathlib import Path

from django.db import transaction

from planwatch.changes.models import ChangeRequest
from planwatch.plans.models import Action, ProgressUpdate

from .models import DataQualityWarning, ImportRun
from .parse import ParsedTracker
from .reader import ProgressCallback
from .services import parsed_tracker_apply, tracker_read

# The fields a PMO recognises as the workbook's columns, in the register's words. The rest
# (sort keys, date kinds and bounds, cell copies) are read from these and would only repeat
# them; where a row sits in its sheet is not the action's content, and one inserted row
# would otherwise mark every row below it as changed.
COMPARED: dict[str, str] = {
    "workstream__name": "Workstream",
    "title": "Action",
    "director_lead": "Director lead",
    "cabinet_member": "Cabinet member",
    "other_leads": "Other leads",
    "update_owner": "Update owner",
    "start_text": "Start date",
    "due_text": "Due date",
    "risk_text": "Main action risk",
    "risk_description": "Risk description",
}
UPDATE_FIELDS = ("status_text", "commentary", "author_initials", "change_control_text")


class _Rollback(Exception):
    """Raised to leave the preview's transaction: nothing it wrote may stay."""


def tracker_preview(
    *, path: Path, plan_name: str, user=None, progress: ProgressCallback | None = None
) -> dict:
    """The import of `path` into `plan_name`, described as JSON-ready data; nothing is kept."""
    parsed = tracker_read(path, progress=progress)
    content = path.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    result: dict = {}
    try:
        with transaction.atomic():
            before = _plan_state(plan_name)
            summary = parsed_tracker_apply(
                parsed, plan_name=plan_name, filename=path.name, digest=digest, user=user
            )
            after = _plan_state(plan_name)
            warnings = _warnings(summary.import_run_id)
            result = _describe(parsed, before, after, warnings)
            summary.dry_run, summary.import_run_id = True, None
            result["summary"] = summary.as_dict()
            raise _Rollback
    except _Rollback:
        pass
    return result


def _plan_state(plan_name: str) -> dict:
    actions = {
        row["ref"]: row
        for row in Action.objects.filter(plan__name=plan_name).values(
            "ref", "theme__code", "theme__name", *COMPARED
        )
    }
    updates = {
        (row["action__ref"], row["month"]): row
        for row in ProgressUpdate.objects.filter(action__plan__name=plan_name).values(
            "action__ref", "month", *UPDATE_FIELDS
        )
    }
    change_requests = set(
        ChangeRequest.objects.filter(plan__name=plan_name).values_list("pk", flat=True)
    )
    return {"actions": actions, "updates": updates, "change_requests": change_requests}


def _warnings(import_run_id: int | None) -> list[dict]:
    run = ImportRun.objects.filter(pk=import_run_id).first()
    if run is None:
        return []
    return list(
        DataQualityWarning.objects.filter(import_run=run)
        .order_by("sheet", "row", "id")
        .values("sheet", "row", "column", "ref", "category", "message", "value")
    )


def _describe(parsed: ParsedTracker, before: dict, after: dict, warnings: list[dict]) -> dict:
    in_file = {row.key for row in parsed.rows}
    themes: dict[str, dict] = {}

    def theme(code: str, name: str) -> dict:
        return themes.setdefault(
            code,
            {"code": code, "name": name, "new": [], "changed": [], "unchanged": 0, "missing": []},
        )

    for ref, now in after["actions"].items():
        entry = theme(now["theme__code"], now["theme__name"])
        was = before["actions"].get(ref)
        if was is None:
            entry["new"].append({"ref": ref, "title": now["title"]})
        elif ref not in in_file:
            entry["missing"].append({"ref": ref, "title": now["title"]})
        else:
            fields = [
                {"label": label, "before": _shown(was[name]), "after": _shown(now[name])}
                for name, label in COMPARED.items()
                if was[name] != now[name]
            ]
            if fields:
                entry["changed"].append({"ref": ref, "title": now["title"], "fields": fields})
            else:
                entry["unchanged"] += 1
    months = _updates(before["updates"], after["updates"])
    return {
        "totals": {
            "new_actions": sum(len(entry["new"]) for entry in themes.values()),
            "changed_actions": sum(len(entry["changed"]) for entry in themes.values()),
            "new_updates": sum(month["new"] for month in months),
            "changed_updates": sum(month["changed"] for month in months),
        },
        "themes": [themes[code] for code in sorted(themes, key=_theme_order(after))],
        "updates": months,
        "change_requests": _new_change_requests(
            after["change_requests"] - before["change_requests"]
        ),
        "warnings": [
            {
                **warning,
                "value": _shown(warning["value"]),
                "in_plan": bool(warning["ref"]) and warning["ref"] in before["actions"],
            }
            for warning in warnings
        ],
    }


def _theme_order(after: dict):
    first_seen: dict[str, int] = {}
    for index, row in enumerate(after["actions"].values()):
        first_seen.setdefault(row["theme__code"], index)
    return lambda code: first_seen[code]


def _updates(before: dict, after: dict) -> list[dict]:
    counts: dict[date, Counter] = {}
    for key, now in after.items():
        was = before.get(key)
        if was is None:
            outcome = "new"
        elif any(was[name] != now[name] for name in UPDATE_FIELDS):
            outcome = "changed"
        else:
            outcome = "unchanged"
        counts.setdefault(key[1], Counter())[outcome] += 1
    return [
        {
            "month": f"{month:%Y-%m}",
            "label": f"{month:%B %Y}",
            "new": counts[month]["new"],
            "changed": counts[month]["changed"],
            "unchanged": counts[month]["unchanged"],
        }
        for month in sorted(counts)
    ]


def _new_change_requests(ids: set[int]) -> list[dict]:
    rows = (
        ChangeRequest.objects.filter(pk__in=ids)
        .select_related("action")
        .order_by("month", "action__sort_key", "pk")
    )
    return [
        {
            "ref": request.action.ref if request.action else "",
            "title": request.action.title if request.action else "",
            "month": f"{request.month:%B %Y}",
            "reason": request.reason,
            "dates_read": [
                f"{'Start' if found['field'] == 'start' else 'Due'}: {found['text']}"
                for found in request.commentary_dates or []
            ],
        }
        for request in rows
    ]


def _shown(value: object) -> str:
    return "" if value is None else str(value)
