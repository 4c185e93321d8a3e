"""Applying an approved change to the plan: worked out in memory, then written.

Working it out first gives the old and new values (`applied`) before anything is written,
so the decision can be saved (and lose a race cleanly) before the plan moves.
"""

from dataclasses import dataclass

from django.utils import timezone

from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate, parse_fuzzy_date
from planwatch.domain.refs import parse_ref, ref_sort_text
from planwatch.domain.slippage import slippage_on
from planwatch.plans.concurrency import save_versioned
from planwatch.plans.models import Action, Lifecycle, RiskLevel, Workstream
from planwatch.plans.owners import action_owners_sync

from .models import ChangeKind
from .proposals import OWNER_FIELDS, ValidProposal

LIFECYCLE_FOR = {
    ChangeKind.CLOSE: Lifecycle.CLOSED,
    ChangeKind.BUSINESS_AS_USUAL: Lifecycle.BUSINESS_AS_USUAL,
    ChangeKind.DUPLICATE: Lifecycle.DUPLICATE,
}
DATE_FIELDS = {
    "due": ("due_text", "due_kind", "due_earliest", "due_latest", "due_note", "due_every_months"),
    "start": ("start_text", "start_kind", "start_earliest", "start_latest", "start_note"),
}
BASELINE_FIELDS = (
    "baseline_due_text",
    "baseline_due_kind",
    "baseline_due_earliest",
    "baseline_due_latest",
    "baseline_due_every_months",
)


@dataclass
class PlanChange:
    """An approved change worked out in memory; `write` puts it in the database."""

    applied: dict
    action: Action | None
    fields: list[str]
    user: object
    reason: str
    expected_version: int = 0
    sync_owners: bool = False

    def write(self) -> None:
        action = self.action
        if action is None:
            return
        if action.pk is None:
            action.full_clean()
            action._history_user = self.user
            action._change_reason = self.reason
            action.save()
        else:
            save_versioned(
                action,
                expected_version=self.expected_version,
                fields=self.fields,
                user=self.user,
                reason=self.reason,
            )
        if self.sync_owners:
            action_owners_sync(plan=action.plan)


def _old_new(old, new) -> dict:
    return {"old": old, "new": new}


def change_work_out(kind: ChangeKind, target: ValidProposal, *, user, reason: str) -> PlanChange:
    action, proposed = target.action, target.proposed
    if kind in (ChangeKind.NEW_ACTION, ChangeKind.NEW_SUB_ACTION):
        return _new_action_change(target, user=user, reason=reason)
    assert action is not None
    change = PlanChange({}, action, [], user, reason, expected_version=action.version)
    applied = change.applied
    if kind in (ChangeKind.DUE_DATE, ChangeKind.START_DATE):
        which = "due" if kind is ChangeKind.DUE_DATE else "start"
        new = parse_fuzzy_date(proposed[f"{which}_text"])
        old: FuzzyDate = getattr(action, which)
        applied[f"{which}_text"] = _old_new(old.text, new.text)
        getattr(action, f"set_{which}")(new)
        change.fields += DATE_FIELDS[which]
        if which == "due":
            _rebaseline(action, old, new, change)
    elif kind is ChangeKind.REWORDING:
        applied["title"] = _old_new(action.title, proposed["title"])
        action.title = proposed["title"]
        change.fields.append("title")
    elif kind in LIFECYCLE_FOR:
        applied["lifecycle"] = _old_new(action.lifecycle, LIFECYCLE_FOR[kind].value)
        action.lifecycle = LIFECYCLE_FOR[kind]
        change.fields.append("lifecycle")
        if kind is ChangeKind.DUPLICATE:
            other = Action.objects.get(plan=action.plan, ref=proposed["duplicate_of"])
            old_ref = action.duplicate_of.ref if action.duplicate_of_id else None
            applied["duplicate_of"] = _old_new(old_ref, other.ref)
            action.duplicate_of = other
            change.fields.append("duplicate_of")
    elif kind is ChangeKind.OWNER_CHANGE:
        for name, value in proposed.items():
            applied[name] = _old_new(getattr(action, name), value)
            setattr(action, name, value)
            change.fields.append(name)
        change.sync_owners = True
    return change


def _rebaseline(action: Action, old: FuzzyDate, new: FuzzyDate, change: PlanChange) -> None:
    """The baseline stays; an approved move of the due date counts as one re-baseline.

    An action with no baseline yet (no due date when first imported) takes the approved
    date as its baseline: that is setting a date, not moving one.
    """
    applied = change.applied
    if action.baseline_due_kind == DateKind.BLANK:
        applied["baseline_due_text"] = _old_new(action.baseline_due_text, new.text)
        action.set_baseline_due(new)
        change.fields += BASELINE_FIELDS
    else:
        applied["rebaseline_count"] = _old_new(action.rebaseline_count, action.rebaseline_count + 1)
        action.rebaseline_count += 1
        change.fields.append("rebaseline_count")
    baseline, today = action.baseline_due, timezone.localdate()
    applied["slippage_months"] = _old_new(
        slippage_on(baseline, old, today), slippage_on(baseline, new, today)
    )


def _new_action_change(target: ValidProposal, *, user, reason: str) -> PlanChange:
    proposed, main = target.proposed, target.action
    ref = parse_ref(proposed["ref"])
    assert ref is not None
    if main is None:
        workstream = Workstream.objects.select_related("theme").get(pk=proposed["workstream"])
        owners = {name: proposed.get(name, "") for name in OWNER_FIELDS}
    else:
        workstream = main.workstream
        # A milestone is reported by whoever reports its main action.
        owners = {name: getattr(main, name) for name in OWNER_FIELDS}
    due = parse_fuzzy_date(proposed.get("due_text", ""))
    action = Action(
        plan=target.plan,
        theme=workstream.theme,
        workstream=workstream,
        parent=main,
        ref=str(ref),
        is_main=ref.is_main,
        sort_key=ref_sort_text(ref),
        title=proposed["title"],
        risk_level=RiskLevel.UNRATED if ref.is_main else RiskLevel.NOT_APPLICABLE,
        **owners,
    )
    action.set_due(due)
    action.set_baseline_due(due)
    applied = {
        "ref": _old_new(None, action.ref),
        "title": _old_new(None, action.title),
    }
    if due.text:
        applied["due_text"] = _old_new(None, due.text)
    if main is None:
        applied["workstream"] = _old_new(None, workstream.name)
    return PlanChange(applied, action, [], user, reason, sync_owners=any(owners.values()))
