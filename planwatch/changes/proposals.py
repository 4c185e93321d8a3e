"""Checking a proposed change against the plan as it is now, and tidying it.

Used when a request is raised, when PMO completes an imported one, and again when it is
approved (the plan may have moved on since). Every refusal is a ChangeRequestError whose
message says what to fix and whose `field` names the proposal key it is about.
"""

from dataclasses import dataclass
from datetime import date, datetime

from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate, parse_fuzzy_date
from planwatch.domain.refs import Ref, parse_ref
from planwatch.plans.models import Action, Lifecycle, Plan, Workstream
from planwatch.plans.selectors import read_as_q

from . import selectors
from .errors import ChangeRequestError
from .models import FIELDS_TOUCHED, ChangeKind, ChangeRequest, Decision

OWNER_FIELDS = ("director_lead", "cabinet_member", "other_leads", "update_owner")
OWNER_LABELS = {
    "director_lead": "director lead",
    "cabinet_member": "cabinet member",
    "other_leads": "other leads",
    "update_owner": "update owner",
}
# What each kind may propose: (required keys, optional keys).
KEYS: dict[ChangeKind, tuple[frozenset[str], frozenset[str]]] = {
    ChangeKind.DUE_DATE: (frozenset({"due_text"}), frozenset()),
    ChangeKind.START_DATE: (frozenset({"start_text"}), frozenset()),
    ChangeKind.REWORDING: (frozenset({"title"}), frozenset()),
    ChangeKind.NEW_ACTION: (
        frozenset({"ref", "title", "workstream"}),
        frozenset({"due_text", *OWNER_FIELDS}),
    ),
    ChangeKind.NEW_SUB_ACTION: (frozenset({"ref", "title"}), frozenset({"due_text"})),
    ChangeKind.CLOSE: (frozenset(), frozenset()),
    ChangeKind.BUSINESS_AS_USUAL: (frozenset(), frozenset()),
    ChangeKind.DUPLICATE: (frozenset({"duplicate_of"}), frozenset()),
    ChangeKind.OWNER_CHANGE: (frozenset(), frozenset(OWNER_FIELDS)),
    ChangeKind.TO_BE_COMPLETED: (frozenset(), frozenset()),
}
MISSING = {
    "due_text": "Enter the new due date",
    "start_text": "Enter the new start date",
    "title": "Enter the wording of the action",
    "ref": "Enter the reference of the new action, for example OC.B1.8",
    "workstream": "Choose the workstream the new action belongs to",
    "duplicate_of": "Enter the reference of the action this one duplicates, for example OC.A2.1",
}


@dataclass
class ValidProposal:
    """Where a valid proposal lands: the plan, and the action (None for a new main action)."""

    plan: Plan
    action: Action | None
    proposed: dict


def kind_parse(kind: str) -> ChangeKind:
    try:
        return ChangeKind(kind)
    except ValueError:
        raise ChangeRequestError("Choose the kind of change", field="kind") from None


def reason_clean(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ChangeRequestError("Say why the change is needed", field="reason")
    return reason


def month_clean(month: date) -> date:
    if isinstance(month, datetime):
        month = month.date()
    if not isinstance(month, date):
        raise ChangeRequestError("Give the reporting month", field="month")
    return month.replace(day=1)


def _text(proposed: dict, key: str) -> str:
    value = proposed.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str | int):
        raise ChangeRequestError(MISSING.get(key, f"Enter the {key}"), field=key)
    return str(value).strip()


def proposal_validate(
    *,
    kind: ChangeKind,
    action: Action | None,
    proposed: dict,
    exclude: ChangeRequest | None = None,
) -> ValidProposal:
    """The proposal checked against the plan as it is now, and tidied; raises if invalid."""
    if not isinstance(proposed, dict):
        raise ChangeRequestError("The proposed change is missing")
    required, optional = KEYS[kind]
    unexpected = sorted(set(proposed) - required - optional)
    if unexpected:
        raise ChangeRequestError(
            f"A request to {kind.label.lower()} cannot propose {', '.join(unexpected)}"
        )
    for key in sorted(required):
        if not _text(proposed, key):
            raise ChangeRequestError(MISSING[key], field=key)
    if action is not None and action.lifecycle != Lifecycle.LIVE:
        raise ChangeRequestError(
            f"{action.ref} is no longer in the plan ({action.get_lifecycle_display().lower()}), "
            "so it cannot be changed"
        )
    if kind is ChangeKind.NEW_ACTION:
        return _new_action(proposed, exclude)
    assert action is not None
    if kind is not ChangeKind.NEW_SUB_ACTION:
        _refuse_if_frozen(action=action, kind=kind, exclude=exclude)
    match kind:
        case ChangeKind.DUE_DATE:
            tidy = _date_change(action, proposed, "due")
        case ChangeKind.START_DATE:
            tidy = _date_change(action, proposed, "start")
        case ChangeKind.REWORDING:
            tidy = _rewording(action, proposed)
        case ChangeKind.NEW_SUB_ACTION:
            tidy = _new_sub_action(action, proposed, exclude)
        case ChangeKind.DUPLICATE:
            tidy = _duplicate(action, proposed)
        case ChangeKind.OWNER_CHANGE:
            tidy = _owner_change(action, proposed)
        case _:  # close, business as usual, to be completed: nothing to propose
            tidy = {}
    return ValidProposal(action.plan, action, tidy)


def _refuse_if_frozen(*, action: Action, kind: ChangeKind, exclude: ChangeRequest | None):
    touched = set(FIELDS_TOUCHED[kind])
    if not touched:
        return
    pending = selectors.pending_for_action(action=action)
    if exclude is not None:
        pending = pending.exclude(pk=exclude.pk)
    for other in pending:
        overlap = touched & set(other.fields_touched)
        if overlap:
            what = " and ".join(sorted(name.replace("_", " ") for name in overlap))
            raise ChangeRequestError(
                f"Change request #{other.pk} ({other.get_kind_display().lower()}, raised for "
                f"{other.month:%B %Y}) is already pending for {action.ref} and is about its "
                f"{what}: wait for Leadership Team's decision on it, or withdraw it, first"
            )


def _parsed_date(text: str, key: str, label: str) -> FuzzyDate:
    value = parse_fuzzy_date(text)
    if value.kind is DateKind.BLANK:
        raise ChangeRequestError(MISSING.get(key, f"Enter the {label}"), field=key)
    if value.kind is DateKind.UNPARSEABLE:
        raise ChangeRequestError(
            f"planwatch cannot read '{text}' as a {label}: write it as, for example, "
            "'December 2022', 'Spring 2023' or '31/12/2022'",
            field=key,
        )
    if value.kind is DateKind.DONE:
        raise ChangeRequestError(
            f"'{text}' is not a {label}: to finish the action, ask to close it instead",
            field=key,
        )
    return value


def _date_change(action: Action, proposed: dict, which: str) -> dict:
    key, label = f"{which}_text", f"{which} date"
    new = _parsed_date(_text(proposed, key), key, label)
    current: FuzzyDate = getattr(action, which)
    if (new.kind, new.earliest, new.latest) == (current.kind, current.earliest, current.latest):
        raise ChangeRequestError(
            f"{action.ref}'s {label} is already {current.text or 'that'} "
            f"({current.describe()}): give a different date",
            field=key,
        )
    return {key: new.text}


def _rewording(action: Action, proposed: dict) -> dict:
    title = _text(proposed, "title")
    if title == action.title.strip():
        raise ChangeRequestError(
            "The new wording is the same as the current wording: change it", field="title"
        )
    return {"title": title}


def _new_ref(plan: Plan, text: str, exclude: ChangeRequest | None) -> Ref:
    ref = parse_ref(text)
    if ref is None:
        raise ChangeRequestError(
            f"'{text}' is not a reference like OC.B1.8 (theme, letter and number, part)",
            field="ref",
        )
    # However an existing row was spelt (CO.D.2.0 is CO.D2.0), it already has the ref.
    if Action.objects.filter(read_as_q(ref), plan=plan).exists():
        raise ChangeRequestError(f"There is already an action {ref} in the plan", field="ref")
    pending = ChangeRequest.objects.filter(
        plan=plan,
        decision=Decision.PENDING,
        kind__in=selectors.NEW_ACTION_KINDS,
        proposed__ref=str(ref),
    )
    if exclude is not None:
        pending = pending.exclude(pk=exclude.pk)
    other = pending.first()
    if other is not None:
        raise ChangeRequestError(
            f"Change request #{other.pk}, still pending, already proposes a new action {ref}",
            field="ref",
        )
    return ref


def _optional_due(proposed: dict) -> dict:
    text = _text(proposed, "due_text")
    if not text:
        return {}
    return {"due_text": _parsed_date(text, "due_text", "due date").text}


def _new_sub_action(main: Action, proposed: dict, exclude: ChangeRequest | None) -> dict:
    if not main.is_main:
        raise ChangeRequestError(
            f"{main.ref} is a sub-action: a new sub-action is added to a main action"
        )
    ref = _new_ref(main.plan, _text(proposed, "ref"), exclude)
    main_ref = parse_ref(main.ref)
    canonical = str(main_ref) if main_ref else main.ref
    if ref.is_main or ref.suffix or ref.main_ref != canonical:
        raise ChangeRequestError(
            f"A sub-action of {main.ref} has a reference like "
            f"{canonical.removesuffix('.0')}.N (N from 1), not {ref}",
            field="ref",
        )
    return {"ref": str(ref), "title": _text(proposed, "title"), **_optional_due(proposed)}


def _new_action(proposed: dict, exclude: ChangeRequest | None) -> ValidProposal:
    workstream_id = _text(proposed, "workstream")
    workstream = (
        Workstream.objects.select_related("theme__plan").filter(pk=workstream_id).first()
        if workstream_id.isdigit()
        else None
    )
    if workstream is None:
        raise ChangeRequestError(MISSING["workstream"], field="workstream")
    plan, theme = workstream.theme.plan, workstream.theme
    ref = _new_ref(plan, _text(proposed, "ref"), exclude)
    if not ref.is_main:
        raise ChangeRequestError(
            f"A new main action's reference ends in .0 (like {ref.main_ref}); {ref} would be a "
            "sub-action: add it to its main action instead",
            field="ref",
        )
    if ref.theme != theme.code:
        raise ChangeRequestError(
            f"{ref} is not in theme {theme.code}, where the workstream '{workstream.name}' is",
            field="ref",
        )
    tidy = {
        "ref": str(ref),
        "title": _text(proposed, "title"),
        "workstream": workstream.pk,
        **_optional_due(proposed),
    }
    for name in OWNER_FIELDS:
        if _text(proposed, name):
            tidy[name] = _owner_text(proposed, name)
    return ValidProposal(plan, None, tidy)


def _duplicate(action: Action, proposed: dict) -> dict:
    text = _text(proposed, "duplicate_of")
    ref = parse_ref(text)
    if ref is None:
        raise ChangeRequestError(f"'{text}' is not a reference like OC.A2.1", field="duplicate_of")
    # The row written so, else the one read as that ref (CO.D2.0 finds CO.D.2.0).
    candidates = Action.objects.filter(read_as_q(ref), plan=action.plan)
    other = candidates.filter(ref=text.strip()).first() or candidates.order_by("ref").first()
    if other is not None and other.pk == action.pk:
        raise ChangeRequestError(
            "An action cannot duplicate itself: give the other action's reference",
            field="duplicate_of",
        )
    if other is None:
        raise ChangeRequestError(f"There is no action {ref} in the plan", field="duplicate_of")
    if other.lifecycle != Lifecycle.LIVE:
        raise ChangeRequestError(
            f"{ref} is itself no longer in the plan ({other.get_lifecycle_display().lower()}): "
            "link to the action that carries the work",
            field="duplicate_of",
        )
    return {"duplicate_of": other.ref}


def _owner_text(proposed: dict, name: str) -> str:
    value = _text(proposed, name)
    if name != "other_leads" and len(value) > 300:
        raise ChangeRequestError(
            f"The {OWNER_LABELS[name]} is too long: at most 300 characters", field=name
        )
    return value


def _owner_change(action: Action, proposed: dict) -> dict:
    changed = {}
    for name in OWNER_FIELDS:
        if name not in proposed:
            continue
        value = _owner_text(proposed, name)
        if value != getattr(action, name).strip():
            changed[name] = value
    if "director_lead" in changed and not changed["director_lead"]:
        raise ChangeRequestError("Every action needs a director lead", field="director_lead")
    if not changed:
        raise ChangeRequestError(
            "These are the owners already: change at least one", field="director_lead"
        )
    return changed
