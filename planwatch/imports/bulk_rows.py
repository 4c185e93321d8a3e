"""Inserting many new rows of one model, with their audit-trail rows, as plain tuples.

An import of 10,000 actions x 36 months creates over 300,000 monthly updates. Built as model
instances and sent through `bulk_create`, they cost about 20 s of Python (instance set-up,
then per-value `pre_save`/`get_db_prep_save` in the SQL compiler); as tuples, sent by
`executemany` (SQLite) or `COPY` (PostgreSQL), about 2 s. The rows written are the same:
every column the model has, its defaults where the import gives no value, and beside each row
the creation row simple-history would write for it.
"""

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from django.db import connection, models
from django.utils import timezone

# The audit trail's own columns; every other column of a history row copies the record's.
CHUNK = 20_000
HISTORY_OWN = ("history_date", "history_change_reason", "history_type", "history_user_id")


class RowWriter:
    """Rows of `model` from dicts of the values the import gives; the rest are defaults.

    `constant` names fields whose value is the same for every row, adapted for the database
    once; the others are adapted per value only when their type needs it (dates on SQLite).
    """

    def __init__(self, model: type[models.Model], given: Sequence[str]) -> None:
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.given = list(given)
        now = timezone.now()
        by_name = {f.attname: f for f in self.fields}
        unknown = set(self.given) - by_name.keys()
        if unknown:
            raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
        # Each field's place in a row: given by the import, else a default fixed here.
        self.defaults: dict[str, Any] = {}
        for f in self.fields:
            if f.attname in self.given:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value: Any = now
            else:
                value = f.get_default()
            self.defaults[f.attname] = f.get_db_prep_save(value, connection)
        self._adapt = {
            name: by_name[name]
            for name in self.given
            if isinstance(by_name[name], models.DateField | models.JSONField)
        }
        self._cache: dict[tuple[str, Any], Any] = {}
        self.now = now

    def _adapted(self, name: str, value: Any) -> Any:
        field = self._adapt.get(name)
        if field is None or value is None:
            return value
        key = (name, value)
        if key not in self._cache:  # a month or a date: a few dozen distinct values
            self._cache[key] = field.get_db_prep_save(value, connection)
        return self._cache[key]

    def row(self, pk: int, values: dict[str, Any]) -> tuple:
        return (
            pk,
            *(
                self._adapted(f.attname, values[f.attname])
                if f.attname in values
                else self.defaults[f.attname]
                for f in self.fields
            ),
        )

    @property
    def columns(self) -> list[str]:
        return [self.model._meta.pk.column, *(f.column for f in self.fields)]


def new_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` primary keys no row has had, taken before the rows are written.

    PostgreSQL hands them out from the table's sequence, so concurrent writers never clash;
    SQLite has one writer at a time (the import's IMMEDIATE transaction holds the lock), and
    counts on from the highest id it ever gave (AUTOINCREMENT's sqlite_sequence), so a deleted
    row's id is never reused, as when SQLite picks the ids itself.
    """
    if not count:
        return []
    table, pk = model._meta.db_table, model._meta.pk.column
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT MAX({quote(pk)}) FROM {quote(table)}")
        highest = cursor.fetchone()[0] or 0
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        found = cursor.fetchone()
        start = max(highest, found[0] if found else 0) + 1
        return list(range(start, start + count))


def rows_insert(table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """Write the rows as they are: COPY on PostgreSQL, one prepared INSERT on SQLite."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)


def create_rows_with_history(
    writer: RowWriter, rows: Iterable[tuple], *, reason: str, user_id: int | None
) -> None:
    """Insert the rows, then each one's creation row in the audit trail, as simple-history
    writes it (`history_type` "+", the import's reason and user, the same moment)."""
    model = writer.model
    history = model.history.model
    place = {column: i for i, column in enumerate(writer.columns)}
    copied = [
        f.column
        for f in history._meta.concrete_fields
        if f.column not in HISTORY_OWN and f.column != "history_id"
    ]
    indexes = [place[column] for column in copied]
    when = connection.ops.adapt_datetimefield_value(writer.now)
    own = (when, reason, "+", user_id)
    # In chunks, each a list: Django's query log (on in tests) needs len() of the rows.
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK)):
        rows_insert(model._meta.db_table, writer.columns, chunk)
        rows_insert(
            history._meta.db_table,
            [*copied, *HISTORY_OWN],
            [(*(row[i] for i in indexes), *own) for row in chunk],
        )


def instances_insert(model: type[models.Model], objects: Sequence[models.Model]) -> None:
    """Insert new model instances as `bulk_create` would, giving each its primary key, but
    sent as plain rows through `rows_insert`. Django 5.2's `bulk_create` on PostgreSQL sends
    one array per column through UNNEST, which psycopg quotes into the SQL text value by
    value: 6.5 s of a 10,000-action import's 37 s, where COPY takes under one."""
    if not objects:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    for obj, pk in zip(objects, new_ids(model, len(objects)), strict=True):
        obj.pk = pk
    rows = [
        (
            obj.pk,
            *(f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in fields),
        )
        for obj in objects
    ]
    rows_insert(model._meta.db_table, [model._meta.pk.column, *(f.column for f in fields)], rows)
    for obj in objects:  # saved, as after bulk_create
        obj._state.adding = False
        obj._state.db = connection.alias
