"""The register's writes: add and edit a risk, record a month's review, score a main action.

Each is one transaction that asks the permission helper first (MANAGE_RISKS, PMO only),
validates, and records the audit trail. Edits of existing rows are optimistic-locked: of two
officers saving one risk, the second gets EditConflict with what the first saved.
"""

from dataclasses import dataclass, field, fields
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, check
from planwatch.domain.refs import parse_ref
from planwatch.plans.concurrency import EditConflict, save_versioned
from planwatch.plans.models import Action, Plan, Theme

from .errors import RiskError
from .models import ActionRiskScore, Risk, RiskReview, RiskStatus

LEVEL_GROUPS = {
    "inherent": (
        "inherent_financial",
        "inherent_reputation",
        "inherent_service_delivery",
        "inherent_likelihood",
    ),
    "residual": ("residual_impact", "residual_likelihood"),
    "target": ("target_impact", "target_likelihood"),
}


@dataclass
class RiskData:
    """What a PMO officer says about a risk; refs and theme codes as typed."""

    reference: str
    title: str
    description: str = ""
    cause: str = ""
    effect: str = ""
    owner: str = ""
    category: str = ""
    theme_codes: list[str] = field(default_factory=list)
    action_refs: list[str] = field(default_factory=list)
    inherent_financial: int | None = None
    inherent_reputation: int | None = None
    inherent_service_delivery: int | None = None
    inherent_likelihood: int | None = None
    controls: str = ""
    mitigating_action_refs: list[str] = field(default_factory=list)
    residual_impact: int | None = None
    residual_likelihood: int | None = None
    target_impact: int | None = None
    target_likelihood: int | None = None
    review_date: date | None = None
    status: str = RiskStatus.OPEN
    source: str = ""

    @classmethod
    def of(cls, risk: Risk) -> "RiskData":
        """The data as a risk holds it now (its links read through the prefetch if any)."""
        simple = {
            f.name: getattr(risk, f.name)
            for f in fields(cls)
            if f.name not in {"theme_codes", "action_refs", "mitigating_action_refs"}
        }
        return cls(
            **simple,
            theme_codes=[t.code for t in risk.themes.all()],
            action_refs=[a.ref for a in risk.actions.all()],
            mitigating_action_refs=[a.ref for a in risk.mitigating_actions.all()],
        )


# Model fields written from RiskData (links are set separately).
RISK_FIELDS = [
    f.name
    for f in fields(RiskData)
    if f.name not in {"theme_codes", "action_refs", "mitigating_action_refs"}
]


def _clean(data: RiskData, *, plan: Plan, risk: Risk | None) -> tuple[list, list, list]:
    data.reference = data.reference.strip().upper()
    data.title = data.title.strip()
    if not data.reference:
        raise RiskError("Enter the risk's reference, for example R01", field="reference")
    if not data.title:
        raise RiskError("Enter the risk's title", field="title")
    taken = Risk.objects.filter(plan=plan, reference=data.reference)
    if risk is not None:
        taken = taken.exclude(pk=risk.pk)
    if taken.exists():
        raise RiskError(
            f"{data.reference} is already a risk in this register: choose another reference",
            field="reference",
        )
    for group, names in LEVEL_GROUPS.items():
        given = [getattr(data, name) for name in names]
        if any(v is not None for v in given) and None in given:
            missing = names[given.index(None)]
            raise RiskError(
                f"Score every part of the {group} risk, or leave all of it unscored",
                field=missing,
            )
        for name, value in zip(names, given, strict=True):
            if value is not None and value not in (1, 2, 3, 4):
                raise RiskError("Choose a level from 1 to 4", field=name)
    if data.status not in RiskStatus.values:
        raise RiskError("Choose open or closed", field="status")
    themes = list(Theme.objects.filter(plan=plan, code__in=set(data.theme_codes)))
    unknown = set(data.theme_codes) - {t.code for t in themes}
    if unknown:
        raise RiskError(f"This plan has no theme {sorted(unknown)[0]}", field="theme_codes")
    return (
        themes,
        _actions(plan, data.action_refs, "action_refs"),
        _actions(plan, data.mitigating_action_refs, "mitigating_action_refs"),
    )


def _actions(plan: Plan, refs: list[str], field_name: str) -> list[Action]:
    for ref in refs:
        if parse_ref(ref) is None:
            raise RiskError(f"'{ref}' is not an action reference like OC.A1.0", field=field_name)
    found = {a.ref: a for a in Action.objects.filter(plan=plan, ref__in=set(refs))}
    missing = [ref for ref in refs if ref not in found]
    if missing:
        raise RiskError(f"There is no action {missing[0]} in this plan", field=field_name)
    return [found[ref] for ref in dict.fromkeys(refs)]


def _closed_on(data: RiskData, risk: Risk | None, today: date) -> date | None:
    if data.status != RiskStatus.CLOSED:
        return None
    if risk is not None and risk.status == RiskStatus.CLOSED:
        return risk.closed_on
    return today


def _full_clean(instance, **kwargs) -> None:
    try:
        instance.full_clean(**kwargs)
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        raise RiskError(messages[0], field="" if name == "__all__" else name) from None


def links_text(themes, actions, mitigating) -> str:
    parts = (
        ("Themes", [t.code for t in themes]),
        ("Actions", [a.ref for a in actions]),
        ("Mitigating actions", [a.ref for a in mitigating]),
    )
    return "; ".join(f"{label}: {', '.join(items)}" for label, items in parts if items)


def links_set(risk: Risk, themes, actions, mitigating) -> None:
    """Set the risk's links; `links_text` (saved with the risk) is what the audit trail shows."""
    risk.themes.set(themes)
    risk.actions.set(actions)
    risk.mitigating_actions.set(mitigating)


@transaction.atomic
def risk_create(*, user, plan: Plan, data: RiskData, today: date) -> Risk:
    check(user, Perm.MANAGE_RISKS)
    themes, actions, mitigating = _clean(data, plan=plan, risk=None)
    risk = Risk(plan=plan, **{name: getattr(data, name) for name in RISK_FIELDS})
    risk.closed_on = _closed_on(data, None, today)
    risk.links_text = links_text(themes, actions, mitigating)
    _full_clean(risk, validate_constraints=False)
    risk._history_user = user
    risk.save()
    links_set(risk, themes, actions, mitigating)
    return risk


@transaction.atomic
def risk_update(*, user, risk: Risk, data: RiskData, expected_version: int, today: date) -> Risk:
    """Raises EditConflict when someone saved the risk since `expected_version` was read."""
    check(user, Perm.MANAGE_RISKS)
    current = Risk.objects.select_for_update().get(pk=risk.pk)
    if current.version != expected_version:
        raise EditConflict(current)
    themes, actions, mitigating = _clean(data, plan=current.plan, risk=current)
    closed_on = _closed_on(data, current, today)
    for name in RISK_FIELDS:
        setattr(current, name, getattr(data, name))
    current.closed_on = closed_on
    current.links_text = links_text(themes, actions, mitigating)
    _full_clean(current, validate_constraints=False)
    save_versioned(
        current,
        expected_version=expected_version,
        fields=[*RISK_FIELDS, "closed_on", "links_text"],
        user=user,
        reason=f"Risk {current.reference} edited",
    )
    links_set(current, themes, actions, mitigating)
    return current


@transaction.atomic
def risk_review_record(
    *,
    user,
    risk: Risk,
    month: date,
    residual_impact: int,
    residual_likelihood: int,
    note: str,
    expected_version: int | None,
) -> RiskReview:
    """Keep the month's snapshot of the risk's residual score (one per risk per month).

    `expected_version` is None when the officer saw no review for the month; if one has
    appeared since, or changed since the version they read, EditConflict. A review of the
    newest month reviewed also becomes the risk's current residual score.
    """
    check(user, Perm.MANAGE_RISKS)
    month = month.replace(day=1)
    risk = Risk.objects.select_for_update().get(pk=risk.pk)
    for name, value in (
        ("residual_impact", residual_impact),
        ("residual_likelihood", residual_likelihood),
    ):
        if value not in (1, 2, 3, 4):
            raise RiskError("Choose a level from 1 to 4", field=name)
    existing = RiskReview.objects.filter(risk=risk, month=month).first()
    if existing is None and expected_version is not None:
        raise RiskError(f"The {month:%B %Y} review you were changing is no longer there")
    if existing is not None and expected_version != existing.version:
        raise EditConflict(existing)
    note = (note or "").strip()
    if existing is None:
        review = RiskReview(
            risk=risk,
            month=month,
            residual_impact=residual_impact,
            residual_likelihood=residual_likelihood,
            note=note,
            reviewed_by=user,
        )
        _full_clean(review, validate_constraints=False)
        review._history_user = user
        review.save()
    else:
        review = existing
        review.residual_impact, review.residual_likelihood = residual_impact, residual_likelihood
        review.note, review.reviewed_by, review.reviewed_at = note, user, timezone.now()
        save_versioned(
            review,
            expected_version=existing.version,
            fields=["residual_impact", "residual_likelihood", "note", "reviewed_by", "reviewed_at"],
            user=user,
            reason=f"Risk {risk.reference} review for {month:%B %Y} changed",
        )
    newest = RiskReview.objects.filter(risk=risk).order_by("-month").first()
    if newest.pk == review.pk and (
        (risk.residual_impact, risk.residual_likelihood) != (residual_impact, residual_likelihood)
    ):
        risk.residual_impact, risk.residual_likelihood = residual_impact, residual_likelihood
        save_versioned(
            risk,
            expected_version=risk.version,
            fields=["residual_impact", "residual_likelihood"],
            user=user,
            reason=f"Residual score from the {month:%B %Y} review",
        )
    return review


@transaction.atomic
def action_risk_score(
    *,
    user,
    action: Action,
    financial: int,
    reputation: int,
    service_delivery: int,
    likelihood: int,
    note: str,
    expected_version: int | None,
) -> ActionRiskScore:
    """Score a main action's risk through the matrix. The imported level is left as it was.

    `expected_version` None means the officer saw no score yet (EditConflict if one appeared).
    """
    check(user, Perm.MANAGE_RISKS)
    if not action.is_main:
        raise RiskError(f"{action.ref} is a sub-action: only main actions carry a risk")
    levels = {
        "financial": financial,
        "reputation": reputation,
        "service_delivery": service_delivery,
        "likelihood": likelihood,
    }
    for name, value in levels.items():
        if value not in (1, 2, 3, 4):
            raise RiskError("Choose a level from 1 to 4", field=name)
    Action.objects.select_for_update(of=("self",)).filter(pk=action.pk).first()
    existing = ActionRiskScore.objects.filter(action=action).first()
    if existing is None and expected_version is not None:
        raise RiskError(f"The score of {action.ref} you were changing is no longer there")
    if existing is not None and expected_version != existing.version:
        raise EditConflict(existing)
    note = (note or "").strip()
    if existing is None:
        record = ActionRiskScore(action=action, note=note, scored_by=user, **levels)
        _full_clean(record, validate_constraints=False)
        record._history_user = user
        record.save()
        return record
    for name, value in levels.items():
        setattr(existing, name, value)
    existing.note, existing.scored_by, existing.scored_at = note, user, timezone.now()
    save_versioned(
        existing,
        expected_version=existing.version,
        fields=[*levels, "note", "scored_by", "scored_at"],
        user=user,
        reason=f"{action.ref} risk re-scored",
    )
    return existing
