"""Optimistic locking under a real race: two connections save the same version at once.

The racing tests need a database that serves two connections at once, so they run on
PostgreSQL (CI's second pass) and are skipped on SQLite. The sequential case runs on both.
"""

import threading
from dataclasses import dataclass, field

import pytest
from django.db import connection, connections

from planwatch.plans.concurrency import EditConflict, save_versioned
from planwatch.plans.models import Action, ProgressUpdate
from tests.plans.builders import plan_build

BARRIER_TIMEOUT = 10
ROUNDS = 5  # several races, so at least some truly overlap inside the database
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two truly concurrent connections need PostgreSQL (CI's PostgreSQL pass runs this)",
)


@dataclass
class Outcome:
    saved: list[str] = field(default_factory=list)
    conflicts: list[EditConflict] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)


def race(model, pk: int, field_name: str, values: tuple[str, str]) -> Outcome:
    """Two threads read the record at the same version, wait for each other, then both save."""
    outcome = Outcome()
    barrier = threading.Barrier(len(values), timeout=BARRIER_TIMEOUT)
    lock = threading.Lock()

    def edit(value: str) -> None:
        try:
            record = model.objects.get(pk=pk)  # this thread's own connection
            read_version = record.version
            setattr(record, field_name, value)
            barrier.wait()
            try:
                save_versioned(record, expected_version=read_version, fields=[field_name])
            except EditConflict as conflict:
                with lock:
                    outcome.conflicts.append(conflict)
            else:
                with lock:
                    outcome.saved.append(value)
        except BaseException as error:  # surfaced by the test, not lost in the thread
            barrier.abort()
            with lock:
                outcome.errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=edit, args=(value,)) for value in values]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=BARRIER_TIMEOUT * 3)
    assert not any(thread.is_alive() for thread in threads), "a thread never finished"
    return outcome


def assert_one_winner(model, pk: int, field_name: str, outcome: Outcome, version: int, rows: int):
    assert outcome.errors == []
    assert len(outcome.saved) == 1
    assert len(outcome.conflicts) == 1
    winner = outcome.saved[0]
    assert getattr(outcome.conflicts[0].current, field_name) == winner
    assert outcome.conflicts[0].current.version == version + 1
    stored = model.objects.get(pk=pk)
    assert getattr(stored, field_name) == winner
    assert stored.version == version + 1
    assert model.history.filter(id=pk).count() == rows + 1
    assert getattr(model.history.filter(id=pk).latest(), field_name) == winner


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_connections_saving_one_action_at_once_leave_exactly_one_winner():
    plan_build(name="Race")
    pk = Action.objects.get(ref="TA.A1.1").pk
    for round_ in range(ROUNDS):
        version, rows = Action.objects.get(pk=pk).version, Action.history.filter(id=pk).count()

        outcome = race(Action, pk, "title", (f"Ann's title {round_}", f"Bob's title {round_}"))

        assert_one_winner(Action, pk, "title", outcome, version, rows)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_connections_saving_one_progress_update_at_once_leave_exactly_one_winner():
    plan_build(name="Race")
    pk = ProgressUpdate.objects.get(action__ref="TA.A1.1").pk
    for round_ in range(ROUNDS):
        version = ProgressUpdate.objects.get(pk=pk).version
        rows = ProgressUpdate.history.filter(id=pk).count()
        values = (f"Ann: on track (AN) {round_}", f"Bob: slipping (BO) {round_}")

        outcome = race(ProgressUpdate, pk, "commentary", values)

        assert_one_winner(ProgressUpdate, pk, "commentary", outcome, version, rows)


@pytest.mark.django_db
def test_a_save_from_a_stale_version_is_refused_and_writes_nothing():
    plan_build(name="Sequential")
    first = Action.objects.get(ref="TA.A1.1")
    second = Action.objects.get(ref="TA.A1.1")
    read_version = first.version
    first.title = "Saved first"
    save_versioned(first, expected_version=read_version, fields=["title"])
    rows = Action.history.filter(id=first.pk).count()

    second.title = "Saved second, from the same read"
    with pytest.raises(EditConflict) as caught:
        save_versioned(second, expected_version=read_version, fields=["title"])

    assert caught.value.current.title == "Saved first"
    stored = Action.objects.get(pk=first.pk)
    assert stored.title == "Saved first"
    assert stored.version == read_version + 1
    assert Action.history.filter(id=first.pk).count() == rows


@pytest.mark.django_db
def test_a_progress_update_saved_from_a_stale_version_is_refused_and_writes_nothing():
    plan_build(name="Sequential")
    update = ProgressUpdate.objects.get(action__ref="TA.A1.1")
    read_version = update.version
    update.commentary = "First (AN)"
    save_versioned(update, expected_version=read_version, fields=["commentary"])
    rows = ProgressUpdate.history.filter(id=update.pk).count()

    update.commentary = "Second (BO)"
    with pytest.raises(EditConflict) as caught:
        save_versioned(update, expected_version=read_version, fields=["commentary"])

    assert caught.value.current.commentary == "First (AN)"
    stored = ProgressUpdate.objects.get(pk=update.pk)
    assert (stored.commentary, stored.version) == ("First (AN)", read_version + 1)
    assert ProgressUpdate.history.filter(id=update.pk).count() == rows
