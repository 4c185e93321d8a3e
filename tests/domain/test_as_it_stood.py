from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.as_it_stood import changed_after, version_at, version_in_effect

SEP, OCT, NOV, DEC = (date(2022, m, 1) for m in (9, 10, 11, 12))


def test_a_month_reads_the_last_version_in_effect_by_its_end():
    versions = [(OCT, "Medium"), (DEC, "High")]
    assert version_at(versions, OCT) == "Medium"
    assert version_at(versions, NOV) == "Medium"
    assert version_at(versions, DEC) == "High"


def test_a_month_before_the_first_known_reads_the_record_as_first_known():
    versions = [(OCT, "as imported"), (OCT, "corrected the same month"), (DEC, "re-rated")]
    assert version_at(versions, SEP) == "corrected the same month"


def test_of_two_versions_in_effect_the_one_saved_later_stands():
    # An older workbook imported after a newer one: its version is saved last.
    versions = [(OCT, "from October's tracker"), (SEP, "from September's, imported after")]
    assert version_at(versions, OCT) == "from September's, imported after"


def test_a_record_made_after_the_month_had_no_version_in_effect_then():
    versions = [(NOV, "scored High"), (DEC, "scored Low")]
    assert version_in_effect(versions, OCT) is None
    assert version_in_effect(versions, NOV) == "scored High"
    assert version_in_effect(versions, DEC) == "scored Low"


def test_a_record_with_no_versions_is_refused():
    with pytest.raises(ValueError, match="at least one"):
        version_at([], OCT)


def test_a_record_changed_after_the_month_is_told_apart_from_one_that_was_not():
    assert changed_after([(OCT, "Medium"), (DEC, "High")], OCT)
    assert not changed_after([(OCT, "Medium"), (DEC, "Medium")], OCT)
    assert not changed_after([(OCT, "Medium"), (DEC, "High")], DEC)


months = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)).map(
    lambda d: d.replace(day=1)
)
histories = st.lists(st.tuples(months, st.integers(0, 5)), min_size=1, max_size=8)


@given(histories, months)
def test_the_version_read_is_always_one_saved_in_effect_by_then_or_the_first_known(versions, month):
    stood = version_at(versions, month)
    first_month = versions[0][0]
    in_effect = [v for effective, v in versions if effective <= max(month, first_month)]
    assert stood == (in_effect[-1] if in_effect else versions[0][1])


@given(histories)
def test_a_month_after_every_version_reads_the_newest_that_is_in_order(versions):
    ordered = sorted(versions, key=lambda pair: pair[0])
    assert version_at(ordered, date(2027, 1, 1)) == ordered[-1][1]
