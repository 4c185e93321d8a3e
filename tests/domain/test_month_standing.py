"""A report month's standing: final, provisional with N of M in, or no updates at all."""

from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.month_standing import MonthStanding


def test_an_open_cycle_with_nothing_in_says_no_updates_and_counts_what_is_owed():
    standing = MonthStanding(owed=58, received=0, accepted=0, cycle_open=True)

    assert not standing.has_updates
    assert standing.provisional
    assert standing.label == "No updates in yet: 0 of 58 updates in"


def test_updates_awaiting_review_keep_the_month_provisional_and_say_how_many():
    standing = MonthStanding(owed=58, received=40, accepted=31, cycle_open=False)

    assert standing.provisional
    assert standing.label == "Provisional: 40 of 58 updates in, 9 awaiting PMO review"


def test_an_open_cycle_is_provisional_even_with_every_update_accepted():
    assert MonthStanding(owed=3, received=3, accepted=3, cycle_open=True).provisional


def test_a_closed_cycle_with_every_update_accepted_is_final():
    standing = MonthStanding(owed=3, received=3, accepted=3, cycle_open=False)

    assert not standing.provisional
    assert standing.label == "Final: all 3 updates in and accepted"


@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.booleans())
def test_only_a_closed_month_with_all_it_is_owed_accepted_is_final(owed, received, accepted, open_):
    received, accepted = min(received, owed), min(accepted, received, owed)
    standing = MonthStanding(owed, received, accepted, open_)

    assert standing.provisional == (open_ or accepted < owed)
    assert standing.label.startswith("Final") == (not standing.provisional and received > 0)
