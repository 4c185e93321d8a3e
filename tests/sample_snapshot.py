"""The sample plan imported once per test worker, then restored row for row in each test.

About 650 tests start from the sample workbook. Importing it for each one cost minutes per
run; copying the rows the import wrote back into the test's own transaction costs a few
milliseconds and gives every test the same fresh plan, which it may change as it likes.

The snapshot is taken inside a transaction that is rolled back, so the worker's database is
left empty and tests that never ask for the sample plan never see it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction


@dataclass(frozen=True)
class TableRows:
    model: type[models.Model]
    rows: list[models.Model]


class _Rollback(Exception):
    pass


def _primary_keys(model: type[models.Model]) -> set[object]:
    return set(model._base_manager.values_list("pk", flat=True))


def _models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def snapshot_take(write: Callable[[], None]) -> list[TableRows]:
    """Run `write` in a transaction that is rolled back, and keep the rows it added."""
    name = str(connection.settings_dict["NAME"])
    if "test" not in name and "memory" not in name:
        raise RuntimeError(f"refusing to snapshot {name}: it is not a test database")
    taken: list[TableRows] = []
    try:
        with transaction.atomic():
            before = {model: _primary_keys(model) for model in _models()}
            _sequences_restart(model for model, existing in before.items() if not existing)
            write()
            for model, existing in before.items():
                added = [
                    row for row in model._base_manager.order_by("pk") if row.pk not in existing
                ]
                if added:
                    taken.append(TableRows(model, added))
            raise _Rollback
    except _Rollback:
        pass
    return taken


def _sequences_restart(empty_models) -> None:
    """Number the snapshot's rows from 1 on PostgreSQL too, as SQLite does in an empty
    table: its sequences never roll back, so otherwise the ids (and every page that shows
    one) would depend on which tests happened to run first in the worker."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in empty_models:
            pk = model._meta.pk
            if pk.get_internal_type() not in ("AutoField", "BigAutoField"):
                continue
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, %s), 1, false)",
                [model._meta.db_table, pk.column],
            )


def snapshot_restore(snapshot: list[TableRows]) -> None:
    """Insert the rows as they were (raw: no auto_now, no signals) and move the sequences on.

    Foreign keys are deferred to commit on both SQLite and PostgreSQL, so table order does
    not matter inside one transaction; a browser test has no outer one, hence the atomic.
    """
    with transaction.atomic():
        for table in snapshot:
            fields = table.model._meta.local_concrete_fields
            batch = connection.ops.bulk_batch_size(fields, table.rows) or len(table.rows)
            for start in range(0, len(table.rows), batch):
                table.model._base_manager._insert(
                    table.rows[start : start + batch], fields=fields, raw=True
                )
    statements = connection.ops.sequence_reset_sql(no_style(), [t.model for t in snapshot])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
