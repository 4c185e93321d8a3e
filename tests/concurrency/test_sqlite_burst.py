"""Eight update owners submitting at once on the embedded SQLite database lose nothing.

Real `planwatch serve --workers 4` processes on a SQLite file, each owner a thread that signs
in through the form and sends ten form GET + POST submissions, as a browser does. Before WAL
and IMMEDIATE transactions, a quarter to two thirds of such requests failed with "database is
locked". Requests per second are printed by `bench/burst_bench.py`, not judged here.
"""

from pathlib import Path

import pytest

from tests.concurrency.owner_burst import owner_burst, prepare, served, stored_updates

OWNERS, SUBMISSIONS = 8, 10

pytestmark = pytest.mark.skipif(
    not (Path(__file__).parents[2] / "node_modules" / "govuk-frontend").is_dir(),
    reason="./run installs GOV.UK Frontend, which serve collects",
)


def test_a_burst_of_owners_on_sqlite_gets_no_server_errors_and_every_submission_is_stored(
    tmp_path,
):
    database = tmp_path / "burst.sqlite3"
    prepared = prepare(tmp_path, f"sqlite:///{database}", OWNERS, SUBMISSIONS)
    with served(tmp_path, f"sqlite:///{database}", workers=4) as (port, _):
        burst = owner_burst(port, prepared)

    assert burst.failures == []
    assert burst.server_errors == 0
    # Each owner: sign-in GET + POST, then a GET and a POST per submission.
    assert burst.requests == OWNERS * (2 + 2 * SUBMISSIONS)
    assert len(burst.submitted) == OWNERS * SUBMISSIONS
    typed = dict(burst.submitted)
    stored = stored_updates(database)
    assert {(ref, state) for ref, state, _ in stored} == {(ref, "submitted") for ref in typed}
    # What each owner typed, signed with their initials and the date on submission.
    assert all(text.startswith(typed[ref]) for ref, _, text in stored)
