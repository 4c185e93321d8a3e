"""Writing an import's records in bulk, each with its audit-trail row naming the file."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.utils import timezone

from .bulk_rows import instances_insert
from .parse import ImportWarning

BATCH = 1000


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector held off while a tracker is read and written.

    A large tracker is millions of small objects (cells, rows, tuples), all kept to the end,
    and each full collection walks every one of them again for nothing: about a fifth of the
    time of reading a 10,000-row workbook. Reference counting still frees everything as usual;
    the collector runs once the import is over.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class ImportContext:
    """What every step of one import shares: who, from which file, and what it found."""

    summary: Any  # services.ImportSummary, which imports this module
    warnings: list[ImportWarning]
    user: object
    filename: str
    # The workbook's newest month: what its versions of the plan take effect in.
    effective_month: date | None = None

    @property
    def reason(self) -> str:
        return f"Imported from {self.filename}"[:100]


def create_with_history(model, objects: list, context: ImportContext) -> None:
    instances_insert(model, objects)
    history_rows_copy(model, [obj.pk for obj in objects], context)


HISTORY_OWN_COLUMNS = {
    "history_id",
    "history_date",
    "history_change_reason",
    "history_type",
    "history_user_id",
}


def history_rows_copy(model, pks: list, context: ImportContext) -> None:
    """Write the creation rows of the audit trail by copying the new rows in the database.

    The same rows simple-history would write, but copied by one INSERT ... SELECT per chunk
    instead of being built object by object in Python: an import of 10,000 actions x 36
    months creates over 300,000 of them.
    """
    history = model.history.model
    stamped = _stamped_columns(history, context)
    columns = [
        field.column
        for field in history._meta.concrete_fields
        if field.column not in HISTORY_OWN_COLUMNS and field.column not in stamped
    ]
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    when = connection.ops.adapt_datetimefield_value(timezone.now())
    user_id = getattr(context.user, "pk", None)
    extra_names = "".join(f", {quote(column)}" for column in stamped)
    extra_values = "".join(", %s" for _ in stamped)
    with connection.cursor() as cursor:
        for start in range(0, len(pks), 500):
            chunk = pks[start : start + 500]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({names}, "
                f"{quote('history_date')}, {quote('history_change_reason')}, "
                f"{quote('history_type')}, {quote('history_user_id')}{extra_names}) "
                f"SELECT {names}, %s, %s, %s, %s{extra_values} "
                f"FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({', '.join(['%s'] * len(chunk))})",
                [when, context.reason, "+", user_id, *stamped.values(), *chunk],
            )


def _stamped_columns(history, context: ImportContext) -> dict[str, object]:
    """History columns an import fills itself rather than copying from the record."""
    if context.effective_month is None:
        return {}
    names = {field.column for field in history._meta.concrete_fields}
    if "effective_month" not in names:
        return {}
    value = connection.ops.adapt_datefield_value(context.effective_month)
    return {"effective_month": value}


def update_with_history(model, objects: list, fields: list[str], context: ImportContext) -> None:
    model.objects.bulk_update(objects, fields, batch_size=BATCH)
    model.history.bulk_history_create(
        objects,
        batch_size=BATCH,
        update=True,
        default_user=context.user,
        default_change_reason=context.reason,
        custom_historical_attrs=_stamped_attrs(model, context),
    )


def _stamped_attrs(model, context: ImportContext) -> dict[str, object] | None:
    history = model.history.model
    if context.effective_month is None or not hasattr(history, "effective_month"):
        return None
    return {"effective_month": context.effective_month}


def save_stamped(instance, context: ImportContext, **save_options) -> None:
    """Save one record with the audit trail naming who imported it and from which file."""
    instance._history_user = context.user
    instance._change_reason = context.reason
    instance.save(**save_options)
