"""Reads of the audit trail: one action's history for its page, and every change in a
period for the auditors' CSV."""

import heapq
from collections.abc import Iterator
from datetime import datetime

from planwatch.assurance.models import FlagDismissal
from planwatch.changes.models import ChangeRequest
from planwatch.evidence.models import Evidence
from planwatch.plans.models import Action, ProgressUpdate

from .trail import Entry, Labels, entries_in_order, entry_rows, history_models

CSV_HEADER = [
    "timestamp",
    "user",
    "model",
    "object",
    "object_id",
    "action",
    "field",
    "old",
    "new",
    "reason",
]
# The records that hang off an action, found through their action_id.
ACTION_PARTS = (ProgressUpdate, ChangeRequest, Evidence, FlagDismissal)
CHUNK = 500


def action_history(*, action: Action) -> list[Entry]:
    """Every historical record of the action, its progress updates, its change requests and
    its evidence, newest first; a fixed number of queries however long the history."""
    labels = Labels()
    entries = list(entries_in_order(_oldest_first(Action.history.filter(id=action.pk)), labels))
    for model in ACTION_PARTS:
        ids = model.history.filter(action_id=action.pk).values("id")
        records = _oldest_first(model.history.filter(id__in=ids))
        entries.extend(entries_in_order(records, labels))
    entries.sort(key=lambda entry: (entry.when, entry.model_label, entry.history_id), reverse=True)
    return entries


def change_rows(*, start: datetime | None, end: datetime | None) -> Iterator[list[str]]:
    """One row per field changed in [start, end) across every model with history, oldest
    first, read in chunks so the export streams however large the trail."""
    labels = Labels()
    streams = [_model_entries(model, start, end, labels) for model in history_models()]
    merged = heapq.merge(
        *streams, key=lambda entry: (entry.when, entry.model_label, entry.history_id)
    )
    for entry in merged:
        yield from entry_rows(entry)


def _model_entries(model, start, end, labels: Labels) -> Iterator[Entry]:
    records = model.history.all()
    if end is not None:
        records = records.filter(history_date__lt=end)
    if start is not None:
        # The records before the period of the objects changed in it, to diff against.
        in_period = records.filter(history_date__gte=start).values("id")
        records = records.filter(id__in=in_period)
    records = _oldest_first(records).iterator(chunk_size=CHUNK)
    yield from entries_in_order(records, labels, since=start)


def _oldest_first(records):
    return records.select_related(None).order_by("history_date", "history_id")
