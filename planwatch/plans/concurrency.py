"""Optimistic locking: two people editing one record never silently overwrite each other.

A form carries the version it was read at. The save is a single conditional UPDATE
(`WHERE version = read version`), so on any database exactly one of two racing saves wins;
the other gets EditConflict with the record as the winner left it, to show the user.
"""

from django.db import models, transaction
from django.db.models import F

from .effective_month import effective_month_for, plan_id_of


class EditConflict(Exception):
    def __init__(self, current: models.Model) -> None:
        self.current = current
        super().__init__(
            f"Someone else saved this {current._meta.verbose_name} while you were editing it. "
            "Their version is shown below; check it and make your change again."
        )


@transaction.atomic
def save_versioned(
    instance: models.Model,
    *,
    expected_version: int,
    fields: list[str],
    user=None,
    reason: str = "",
) -> None:
    """Write `fields` of `instance` if nobody has saved it since `expected_version`.

    Records the audit-trail row itself, because a queryset UPDATE sends no save signals.
    """
    model = type(instance)
    values = {name: getattr(instance, name) for name in fields}
    if "updated_at" in {field.name for field in model._meta.get_fields()}:
        from django.utils import timezone

        values["updated_at"] = timezone.now()
    written = model.objects.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if not written:
        raise EditConflict(model.objects.get(pk=instance.pk))
    instance.refresh_from_db()
    model.history.bulk_history_create(
        [instance],
        update=True,
        default_user=user,
        default_change_reason=reason[:100] or None,
        custom_historical_attrs=_effective_month_attrs(model, instance),
    )


def _effective_month_attrs(model, instance: models.Model) -> dict[str, object] | None:
    """An action's version carries its month (`plans.history`); other records' do not."""
    if not hasattr(model.history.model, "effective_month"):
        return None
    return {"effective_month": effective_month_for(plan_id_of(instance))}
