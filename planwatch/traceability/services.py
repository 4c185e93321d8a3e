"""Writes of traceability: Reference texts per main action, the catalogue, and the links.

The links between recommendations and actions are always rebuilt from every Reference text
of the plan, so they never drift from what the texts say, and loading twice changes nothing.
"""

from dataclasses import dataclass

from django.db import transaction

from planwatch.domain.references import ALL, ReferenceItem, parse_references
from planwatch.plans.models import Action, Plan, Recommendation

from .models import ActionReference


@dataclass(frozen=True)
class CatalogueEntry:
    review: str
    kind: str
    number: str
    text: str = ""
    note: str = ""


@transaction.atomic
def catalogue_load(*, plan: Plan, entries: list[CatalogueEntry]) -> int:
    """Create or refresh the plan's catalogue of review recommendations; returns how many."""
    existing = {
        (rec.source, rec.kind, rec.number): rec for rec in Recommendation.objects.filter(plan=plan)
    }
    new, changed = [], []
    for entry in entries:
        rec = existing.get((entry.review, entry.kind, entry.number))
        if rec is None:
            new.append(
                Recommendation(
                    plan=plan,
                    source=entry.review,
                    kind=entry.kind,
                    number=entry.number,
                    text=entry.text,
                    note=entry.note,
                    catalogued=True,
                )
            )
        elif (rec.text, rec.note, rec.catalogued) != (entry.text, entry.note, True):
            rec.text, rec.note, rec.catalogued = entry.text, entry.note, True
            changed.append(rec)
    Recommendation.objects.bulk_create(new)
    Recommendation.objects.bulk_update(changed, ["text", "note", "catalogued"])
    return len(entries)


def references_set(
    *, plan: Plan, source: str, texts: dict[str, tuple[str, str]], replace_all: bool = False
) -> None:
    """Keep each action's Reference text from one source: {ref: (text, origin)}.

    A blank text removes that action's reference from this source; with replace_all, so
    does leaving the action out (a workbook whose Reference column no longer names it).
    """
    actions = {action.ref: action for action in Action.objects.filter(plan=plan, ref__in=texts)}
    existing = {
        reference.action.ref: reference
        for reference in ActionReference.objects.filter(
            action__plan=plan, source=source
        ).select_related("action")
    }
    gone = [
        reference.pk
        for ref, reference in existing.items()
        if (ref in texts and not texts[ref][0].strip()) or (replace_all and ref not in texts)
    ]
    new, changed = [], []
    for ref, (text, origin) in texts.items():
        if not text.strip() or ref not in actions:
            continue
        reference = existing.get(ref)
        if reference is None:
            new.append(
                ActionReference(action=actions[ref], source=source, text=text, origin=origin)
            )
        elif (reference.text, reference.origin) != (text, origin):
            reference.text, reference.origin = text, origin
            changed.append(reference)
    ActionReference.objects.filter(pk__in=gone).delete()
    ActionReference.objects.bulk_create(new)
    ActionReference.objects.bulk_update(changed, ["text", "origin"])
    if new:
        ActionReference.history.bulk_history_create(new)
    if changed:
        ActionReference.history.bulk_history_create(changed, update=True)


def recommendation_links_refresh(*, plan: Plan) -> int:
    """Link each recommendation to the actions whose Reference texts cite it; returns links.

    A citation of a recommendation missing from the catalogue adds it, marked as not
    catalogued, so nothing an action cites is lost; "CIPFA Rec all" links every CIPFA one.
    """
    cited: dict[ReferenceItem, set[int]] = {}
    for action_id, text in ActionReference.objects.filter(action__plan=plan).values_list(
        "action_id", "text"
    ):
        for item in parse_references(text).items:
            cited.setdefault(item, set()).add(action_id)
    recommendations = {
        (rec.source, rec.kind, rec.number): rec for rec in Recommendation.objects.filter(plan=plan)
    }
    missing = [
        Recommendation(plan=plan, source=i.review.value, kind=i.kind, number=i.number)
        for i in cited
        if i.number != ALL and (i.review.value, i.kind, i.number) not in recommendations
    ]
    for rec in Recommendation.objects.bulk_create(missing):
        recommendations[(rec.source, rec.kind, rec.number)] = rec
    if any(rec.pk is None for rec in missing):
        # Some databases do not return the new ids from a bulk insert.
        recommendations = {
            (r.source, r.kind, r.number): r for r in Recommendation.objects.filter(plan=plan)
        }
    pairs = set()
    for item, action_ids in cited.items():
        for key, rec in recommendations.items():
            if _cites(item, key):
                pairs.update((rec.pk, action_id) for action_id in action_ids)
    through = Recommendation.actions.through
    through.objects.filter(recommendation__plan=plan).delete()
    through.objects.bulk_create(
        [through(recommendation_id=rec_id, action_id=action_id) for rec_id, action_id in pairs],
        batch_size=1000,
    )
    return len(pairs)


def _cites(item: ReferenceItem, key: tuple[str, str, str]) -> bool:
    source, kind, number = key
    if item.number == ALL:
        return source == item.review.value and (not item.kind or item.kind == kind) and number != ""
    return (source, kind, number) == (item.review.value, item.kind, item.number)
