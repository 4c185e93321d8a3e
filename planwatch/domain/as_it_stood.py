"""Which saved version of a record stood at the end of a reporting month.

A report for October must read the plan as it stood in October, not as it stands today:
re-rate three main actions in December and October's risk counts must not move. Every
saved version of an action carries the month it took effect in: for an import, the
workbook's newest month; for a change made in planwatch, the month the plan was being
updated for then. A month is read as the last version saved among those in effect by its
end.

A month before the record's first known month has no version of its own. It reads the
record as first known (the last version saved in that first month): a tracker imported in
October is the only account there is of September's plan, and reading nothing would drop
the action from September's report.
"""

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

Version = TypeVar("Version")


def version_in_effect(versions: Sequence[tuple[date, Version]], month: date) -> Version | None:
    """The last of `versions` (as (effective month, version), in the order saved) in effect by
    the end of `month`; None when none had taken effect yet (a risk score made later)."""
    stood = None
    for effective, version in versions:
        if effective <= month:
            stood = version
    return stood


def version_at(versions: Sequence[tuple[date, Version]], month: date) -> Version:
    """The version standing at the end of `month`, from `versions` as (effective month,
    version) in the order they were saved; a month before the first known reads the record
    as first known. Raises ValueError when there are none."""
    if not versions:
        raise ValueError("a record has at least one saved version")
    stood = version_in_effect(versions, max(month, versions[0][0]))
    assert stood is not None  # the first version is in effect by its own month
    return stood


def changed_after(versions: Sequence[tuple[date, Version]], month: date) -> bool:
    """Whether the record as it stood at the end of `month` differs from its newest version."""
    return version_at(versions, month) != versions[-1][1]
