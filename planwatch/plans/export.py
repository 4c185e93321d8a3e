"""The whole plan as one JSON-ready dict: the contract other systems and reports read."""

from collections import defaultdict

from planwatch.domain.statuses import STATUS_DEFINITIONS, Status

from .models import Action, Plan, ProgressUpdate

EXPORT_VERSION = 1


def _fuzzy(text: str, kind: str, earliest, latest, note: str) -> dict[str, object]:
    return {
        "text": text,
        "kind": kind,
        "earliest": earliest.isoformat() if earliest else None,
        "latest": latest.isoformat() if latest else None,
        "note": note,
    }


def _update(update: ProgressUpdate) -> dict[str, object]:
    return {
        "month": f"{update.month:%Y-%m}",
        "status": update.status,
        "status_label": STATUS_DEFINITIONS[Status(update.status)].label,
        "status_text": update.status_text,
        "commentary": update.commentary,
        "author_initials": update.author_initials,
        "author_date_text": update.author_date_text,
        "change_control": update.change_control,
        "change_control_text": update.change_control_text,
    }


def _action(action: Action, updates: list[ProgressUpdate], parent_ref: str | None) -> dict:
    return {
        "ref": action.ref,
        "title": action.title,
        "is_main": action.is_main,
        "parent_ref": parent_ref,
        "owners": {
            "director_lead": action.director_lead,
            "cabinet_member": action.cabinet_member,
            "other_leads": action.other_leads,
            "update_owner": action.update_owner,
        },
        "start": _fuzzy(
            action.start_text,
            action.start_kind,
            action.start_earliest,
            action.start_latest,
            action.start_note,
        ),
        "due": _fuzzy(
            action.due_text,
            action.due_kind,
            action.due_earliest,
            action.due_latest,
            action.due_note,
        ),
        "risk": {
            "level": action.risk_level,
            "text": action.risk_text,
            "description": action.risk_description,
        },
        "recommendations": [str(rec) for rec in action.recommendations.all()],
        "latest_status": action.latest_status,
        "updates": [_update(update) for update in updates],
        "source": {
            "sheet": action.source_sheet,
            "row": action.source_row,
            "cells": [{"column": column, "value": value} for column, value in action.source_cells],
        },
    }


def plan_export(*, plan: Plan) -> dict[str, object]:
    """Four queries whatever the plan's size: themes, workstreams, actions, updates."""
    updates_by_action: dict[int, list[ProgressUpdate]] = defaultdict(list)
    for update in ProgressUpdate.objects.filter(action__plan=plan).order_by("action_id", "month"):
        updates_by_action[update.action_id].append(update)
    actions = list(
        Action.objects.filter(plan=plan)
        .prefetch_related("recommendations")
        .order_by("theme__order", "sort_key")
    )
    ref_by_id = {action.pk: action.ref for action in actions}
    by_workstream: dict[int, list[dict]] = defaultdict(list)
    for action in actions:
        parent_ref = ref_by_id.get(action.parent_id) if action.parent_id else None
        by_workstream[action.workstream_id].append(
            _action(action, updates_by_action[action.pk], parent_ref)
        )
    themes = []
    for theme in plan.themes.prefetch_related("workstreams").order_by("order", "code"):
        themes.append(
            {
                "code": theme.code,
                "name": theme.name,
                "order": theme.order,
                "workstreams": [
                    {"name": workstream.name, "actions": by_workstream[workstream.pk]}
                    for workstream in theme.workstreams.all()
                ],
            }
        )
    return {
        "export_version": EXPORT_VERSION,
        "plan": {"name": plan.name, "organisation": plan.organisation, "phase": plan.phase},
        "themes": themes,
    }
