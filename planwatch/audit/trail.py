"""django-simple-history's records read as an audit trail: when, who, what, why, old → new.

Every tracked model keeps a history table; one record per create, change or delete. A
change is described by diffing a record against the one before it for the same object,
leaving out bookkeeping fields nobody audits (versions, timestamps, sort keys, denormalised
copies). Ids are shown as people read them: usernames, action refs, names; each distinct
one is looked up once, so a long trail costs no query per row.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from simple_history.models import registered_models

from planwatch.accounts.models import OwnerRole
from planwatch.plans.models import Action

# Bookkeeping, not decisions: they change on every save or are copies of other records.
NOISE_FIELDS = frozenset(
    {"id", "version", "updated_at", "created_at", "sort_key", "latest_status", "latest_month"}
)
IMPORT_REASON_PREFIX = "Imported from"
IMPORT, SYSTEM = "import", "system"


class Kind(StrEnum):
    CREATED = "created"
    CHANGED = "changed"
    DELETED = "deleted"


KINDS = {"+": Kind.CREATED, "~": Kind.CHANGED, "-": Kind.DELETED}


@dataclass(frozen=True)
class FieldChange:
    field: str  # the model field's name, as the CSV gives it
    label: str  # its verbose name, as the page shows it
    old: str
    new: str


@dataclass
class Entry:
    """One historical record: a create, change or delete of one object."""

    when: datetime
    who: str  # username, or "import" / "system" when no person is recorded
    who_name: str  # the person's full name where known, for pages
    model: str  # e.g. "Action", "Progress update"
    model_label: str  # e.g. "plans.Action"
    object: str  # e.g. "OC.A1.3", "OC.A1.3 Oct 2022"
    object_id: int
    kind: Kind
    reason: str
    history_id: int
    changes: list[FieldChange] = field(default_factory=list)
    # A change whose previous record is missing (history began after the object did).
    earlier_unknown: bool = False


def history_models() -> list[type[models.Model]]:
    """Every model with an audit trail, in a stable order."""
    return sorted(registered_models.values(), key=lambda model: model._meta.label)


class Labels:
    """Readable names for the ids history keeps, each looked up once per trail."""

    def __init__(self) -> None:
        self._users: dict[int, tuple[str, str]] | None = None
        self._refs: dict[int, str] | None = None
        self._related: dict[tuple[str, object], str] = {}

    def _user(self, pk: int) -> tuple[str, str]:
        if self._users is None:
            self._users = {
                user.pk: (user.get_username(), user.get_full_name() or user.get_username())
                for user in get_user_model().objects.only("username", "first_name", "last_name")
            }
        return self._users.get(pk, (f"user #{pk}", f"user #{pk}"))

    def username(self, pk: int) -> str:
        return self._user(pk)[0]

    def full_name(self, pk: int) -> str:
        return self._user(pk)[1]

    def action_ref(self, pk: int | None) -> str:
        if pk is None:
            return ""
        if self._refs is None:
            self._refs = dict(Action.objects.values_list("pk", "ref"))
        return self._refs.get(pk, f"action #{pk}")

    def related(self, model: type[models.Model], pk: object) -> str:
        if model is get_user_model():
            return self.username(pk)  # type: ignore[arg-type]
        if model is Action:
            return self.action_ref(pk)  # type: ignore[arg-type]
        key = (model._meta.label, pk)
        if key not in self._related:
            found = model._default_manager.filter(pk=pk).first()
            self._related[key] = (
                str(found) if found is not None else f"{model._meta.verbose_name} #{pk} (deleted)"
            )
        return self._related[key]


def value_text(model_field: models.Field, value: object, labels: Labels) -> str:
    """A field's value as an auditor reads it: labels for choices, names for ids."""
    if value is None:
        return ""
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.many_to_one or model_field.one_to_one:
        return labels.related(model_field.related_model, value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _object_text(record, model_label: str, labels: Labels) -> str:
    ref = labels.action_ref(getattr(record, "action_id", None))
    match model_label:
        case "plans.Action":
            return record.ref
        case "plans.ProgressUpdate":
            return f"{ref} {record.month:%b %Y}"
        case "changes.ChangeRequest":
            target = ref or (record.proposed or {}).get("ref") or "new action"
            return f"{target} change request {record.id}"
        case "evidence.Evidence":
            return f"{ref} evidence: {record.title}"
        case "assurance.FlagDismissal":
            return f"{ref} {record.month:%b %Y} flag dismissal"
        case "plans.Theme":
            return f"{record.code} {record.name}"
        case "plans.Plan" | "plans.Workstream" | "accounts.OwnerRole":
            return record.name
        case "updates.UpdateCycle":
            return f"{record.month:%b %Y} update cycle"
        case "accounts.OwnerRoleHolder":
            role = labels.related(OwnerRole, record.owner_role_id)
            return f"{labels.username(record.user_id)} holds {role}"
    return f"{record.instance_type._meta.verbose_name} {record.id}"


def entry_for(record, previous, labels: Labels) -> Entry:
    """Describe one historical record, diffed against `previous` (the same object's record
    before it, or None)."""
    model = record.instance_type
    model_label = model._meta.label
    fields = {f.name: f for f in record.tracked_fields}
    reason = record.history_change_reason or ""
    if record.history_user_id:
        who = labels.username(record.history_user_id)
        who_name = labels.full_name(record.history_user_id)
    else:
        who = who_name = IMPORT if reason.startswith(IMPORT_REASON_PREFIX) else SYSTEM
    entry = Entry(
        when=record.history_date,
        who=who,
        who_name=who_name,
        model=capfirst(model._meta.verbose_name),
        model_label=model_label,
        object=_object_text(record, model_label, labels),
        object_id=record.id,
        kind=KINDS[record.history_type],
        reason=reason,
        history_id=record.history_id,
    )
    if entry.kind is Kind.CREATED:
        for name, model_field in fields.items():
            value = getattr(record, model_field.attname)
            if name in NOISE_FIELDS or not model_field.editable or value in (None, "", [], {}):
                continue
            text = value_text(model_field, value, labels)
            entry.changes.append(FieldChange(name, _label(model_field), "", text))
    elif entry.kind is Kind.CHANGED and previous is None:
        entry.earlier_unknown = True
    elif entry.kind is Kind.CHANGED:
        for change in record.diff_against(previous, excluded_fields=NOISE_FIELDS).changes:
            model_field = fields[change.field]
            entry.changes.append(
                FieldChange(
                    change.field,
                    _label(model_field),
                    value_text(model_field, change.old, labels),
                    value_text(model_field, change.new, labels),
                )
            )
    return entry


def _label(model_field: models.Field) -> str:
    return capfirst(str(model_field.verbose_name))


def entries_in_order(records: Iterable, labels: Labels, *, since: datetime | None = None):
    """Entries for `records` given oldest first; each diffed against its object's last
    record. Records before `since` are only read, to diff the first one after it."""
    previous: dict[int, object] = {}
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        if since is None or record.history_date >= since:
            yield entry_for(record, before, labels)


def entry_rows(entry: Entry) -> Iterator[list[str]]:
    """One row per field changed; a record that changed no audited field still gets one."""
    when = timezone.localtime(entry.when).isoformat(timespec="seconds")
    head = [when, entry.who, entry.model, entry.object, str(entry.object_id), entry.kind.value]
    if not entry.changes:
        yield [*head, "", "", "", entry.reason]
    for change in entry.changes:
        yield [*head, change.field, change.old, change.new, entry.reason]
