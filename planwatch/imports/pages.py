"""A tracker pasted page under page: which rows above a header are its group rows.

A row with no ref waits (`Waiting`: its number, cells, and the column map then in force)
until the parser sees whether a header follows it.
"""

from itertools import zip_longest

from planwatch.domain.refs import read_ref
from planwatch.domain.tracker_headers import MAX_GROUP_ROWS, is_group_row

from .columns import Column
from .reader import Cell

Waiting = tuple[int, list[Cell], list[Column] | None]


def groups_above(waiting: list[Waiting], number: int) -> list[Waiting]:
    """The group rows straight above the header row `number`: no gap, at most three."""
    groups: list[Waiting] = []
    for entry in reversed(waiting):
        expected = number - len(groups) - 1
        if entry[0] != expected or len(groups) == MAX_GROUP_ROWS:
            break
        if not is_group_row([cell.value for cell in entry[1]]):
            break
        groups.insert(0, entry)
    return groups


def header_joined(header: list[object], below: list[object]) -> list[object]:
    return [
        " ".join(str(v).strip() for v in pair if v is not None and str(v).strip())
        for pair in zip_longest(header, below)
    ]


def has_ref(cells: list[Cell], columns: list[Column]) -> bool:
    ref = next((c for c in columns if c.field == "ref"), None)
    return (
        ref is not None and ref.index < len(cells) and read_ref(cells[ref.index].value) is not None
    )
