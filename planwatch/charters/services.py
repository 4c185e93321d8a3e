"""Writes to theme charters: PMO edits the objectives, key milestones, deliverables and measures.

Each write asks the permission helper first and runs in one transaction. Edits in place are
optimistic-locked: the form carries the version it read, and the version is bumped with one
conditional UPDATE before the record is saved, so of two people saving at once exactly one
wins and the other gets EditConflict with the record as the winner left it. Records are
saved with `.save()` so django-simple-history keeps who changed what, and why.
"""

from django.db import models, transaction
from django.db.models import F

from planwatch.accounts.permissions import Perm, check
from planwatch.plans.concurrency import EditConflict
from planwatch.plans.models import Theme, Workstream

from .errors import CharterError
from .inputs import TEXT_LIMIT, milestone_fields, text_clean
from .models import CharterWorkstream, KeyDeliverable, KeyMilestone, SuccessMeasure, ThemeCharter

# The lines a PMO officer edits one at a time, by the name used in URLs.
ITEM_MODELS: dict[str, type[models.Model]] = {
    "deliverables": KeyDeliverable,
    "measures": SuccessMeasure,
}


def _bump(instance: models.Model, expected_version: int) -> None:
    """Claim the record for this write, or raise EditConflict if someone saved it first."""
    model = type(instance)
    claimed = model.objects.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise EditConflict(model.objects.get(pk=instance.pk))
    instance.version = expected_version + 1


def _save(instance: models.Model, *, user, reason: str) -> None:
    instance._history_user = user
    instance._change_reason = reason
    instance.save()


def charter_for_theme(*, user, theme: Theme) -> ThemeCharter:
    """The theme's charter, started empty when nobody has recorded one yet."""
    check(user, Perm.EDIT_CHARTERS)
    charter = ThemeCharter.objects.filter(theme=theme).first()
    if charter is None:
        charter = ThemeCharter(theme=theme)
        _save(charter, user=user, reason="Charter started")
    return charter


@transaction.atomic
def charter_edit(
    *, user, theme: Theme, objectives: str, success_intro: str, expected_version: int | None
) -> ThemeCharter:
    """Replace the objectives (one a line) and the evidence-of-success introduction."""
    check(user, Perm.EDIT_CHARTERS)
    lines = [line.strip() for line in (objectives or "").splitlines() if line.strip()]
    if not lines:
        raise CharterError("Enter at least one objective", field="objectives")
    if any(len(line) > TEXT_LIMIT for line in lines):
        raise CharterError(
            f"Each objective must be {TEXT_LIMIT} characters or fewer", field="objectives"
        )
    intro = text_clean(
        success_intro,
        field="success_intro",
        label="introduction to the evidence of success",
        required=False,
    )
    charter = ThemeCharter.objects.filter(theme=theme).first()
    if charter is None:
        if expected_version not in (None, 0):
            raise CharterError("This charter no longer exists; start it again")
        charter = ThemeCharter(theme=theme)
    else:
        _bump(charter, expected_version or 0)
    charter.objectives, charter.success_intro = "\n".join(lines), intro
    _save(charter, user=user, reason="Objectives edited")
    return charter


def _next_order(queryset) -> int:
    last = queryset.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def milestone_add(
    *, user, theme: Theme, text: str, due_text: str, action_refs: str
) -> KeyMilestone:
    check(user, Perm.EDIT_CHARTERS)
    text, due, actions = milestone_fields(
        plan=theme.plan, text=text, due_text=due_text, action_refs=action_refs
    )
    charter = charter_for_theme(user=user, theme=theme)
    milestone = KeyMilestone(
        charter=charter,
        text=text,
        due_text=due,
        order=_next_order(charter.milestones.all()),
        linked_refs=", ".join(a.ref for a in actions),
    )
    _save(milestone, user=user, reason="Key milestone added")
    milestone.actions.set(actions)
    return milestone


@transaction.atomic
def milestone_edit(
    *,
    user,
    milestone: KeyMilestone,
    text: str,
    due_text: str,
    action_refs: str,
    expected_version: int,
) -> KeyMilestone:
    check(user, Perm.EDIT_CHARTERS)
    plan = milestone.charter.theme.plan
    text, due, actions = milestone_fields(
        plan=plan, text=text, due_text=due_text, action_refs=action_refs
    )
    _bump(milestone, expected_version)
    milestone.text, milestone.due_text = text, due
    milestone.linked_refs = ", ".join(a.ref for a in actions)
    _save(milestone, user=user, reason="Key milestone edited")
    milestone.actions.set(actions)
    return milestone


def _workstream_fields(*, theme: Theme, name: str, aim: str, workstream_id: int | None):
    name = text_clean(name, field="name", label="workstream's name")
    if len(name) > 300:
        raise CharterError("The workstream's name must be 300 characters or fewer", field="name")
    aim = text_clean(aim, field="aim", label="workstream's aim", required=False)
    workstream = None
    if workstream_id:
        workstream = Workstream.objects.filter(pk=workstream_id, theme=theme).first()
        if workstream is None:
            raise CharterError(
                f"Choose one of {theme.code}'s workstreams in the tracker, or none",
                field="workstream",
            )
    return name, aim, workstream


@transaction.atomic
def workstream_add(
    *, user, theme: Theme, name: str, aim: str, workstream_id: int | None
) -> CharterWorkstream:
    """Add a workstream and its aim, matched to the tracker's workstream when one is chosen."""
    check(user, Perm.EDIT_CHARTERS)
    name, aim, workstream = _workstream_fields(
        theme=theme, name=name, aim=aim, workstream_id=workstream_id
    )
    charter = charter_for_theme(user=user, theme=theme)
    item = CharterWorkstream(
        charter=charter,
        name=name,
        aim=aim,
        workstream=workstream,
        order=_next_order(charter.workstreams.all()),
    )
    _save(item, user=user, reason="Workstream added")
    return item


@transaction.atomic
def workstream_edit(
    *,
    user,
    item: CharterWorkstream,
    name: str,
    aim: str,
    workstream_id: int | None,
    expected_version: int,
) -> CharterWorkstream:
    check(user, Perm.EDIT_CHARTERS)
    name, aim, workstream = _workstream_fields(
        theme=item.charter.theme, name=name, aim=aim, workstream_id=workstream_id
    )
    _bump(item, expected_version)
    item.name, item.aim, item.workstream = name, aim, workstream
    _save(item, user=user, reason="Workstream edited")
    return item


@transaction.atomic
def item_add(*, user, theme: Theme, kind: str, text: str, nested: bool = False):
    """Add a key deliverable or an evidence-of-success measure at the end of its list.

    `nested` puts a deliverable under the one above, as the plan lists its strategies."""
    check(user, Perm.EDIT_CHARTERS)
    model = ITEM_MODELS[kind]
    text = text_clean(text, field="text", label=model._meta.verbose_name)
    charter = charter_for_theme(user=user, theme=theme)
    item = model(
        charter=charter, text=text, order=_next_order(model.objects.filter(charter=charter))
    )
    _nest(item, nested)
    _save(item, user=user, reason=f"{model._meta.verbose_name.capitalize()} added")
    return item


@transaction.atomic
def item_edit(*, user, item, text: str, expected_version: int, nested: bool | None = None):
    check(user, Perm.EDIT_CHARTERS)
    text = text_clean(text, field="text", label=item._meta.verbose_name)
    _bump(item, expected_version)
    item.text = text
    if nested is not None:
        _nest(item, nested)
    _save(item, user=user, reason=f"{item._meta.verbose_name.capitalize()} edited")
    return item


def _nest(item, nested: bool) -> None:
    if isinstance(item, KeyDeliverable):
        item.level = 1 if nested else 0


@transaction.atomic
def item_remove(*, user, item, expected_version: int) -> None:
    """Remove a workstream, milestone, deliverable or measure; its history keeps what it said."""
    check(user, Perm.EDIT_CHARTERS)
    _bump(item, expected_version)
    item._history_user = user
    item._change_reason = f"{item._meta.verbose_name.capitalize()} removed"
    item.delete()
