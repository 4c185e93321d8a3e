"""Writing an import's records in bulk, each with its audit-trail row naming the file."""

from dataclasses import dataclass
from typing import Any

from .parse import ImportWarning

BATCH = 1000


@dataclass
class ImportContext:
    """What every step of one import shares: who, from which file, and what it found."""

    summary: Any  # services.ImportSummary, which imports this module
    warnings: list[ImportWarning]
    user: object
    filename: str

    @property
    def reason(self) -> str:
        return f"Imported from {self.filename}"[:100]


def create_with_history(model, objects: list, context: ImportContext) -> None:
    model.objects.bulk_create(objects, batch_size=BATCH)
    model.history.bulk_history_create(
        objects, batch_size=BATCH, default_user=context.user, default_change_reason=context.reason
    )


def update_with_history(model, objects: list, fields: list[str], context: ImportContext) -> None:
    model.objects.bulk_update(objects, fields, batch_size=BATCH)
    model.history.bulk_history_create(
        objects,
        batch_size=BATCH,
        update=True,
        default_user=context.user,
        default_change_reason=context.reason,
    )


def save_stamped(instance, context: ImportContext, **save_options) -> None:
    """Save one record with the audit trail naming who imported it and from which file."""
    instance._history_user = context.user
    instance._change_reason = context.reason
    instance.save(**save_options)
