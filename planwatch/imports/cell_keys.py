"""Names for the cells of one row as written, kept on each action as its source cells."""

from .columns import Column, normalise


class CellKeys:
    """Unique names for one row's written cells: a repeated header gets " (2)", " (3)", ...

    Names taken and the next free suffix per header are remembered, so a row of n cells costs
    O(n), not O(n^2): a hostile 16,000-column file once spent seconds per row here.
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next_suffix: dict[str, int] = {}

    def key(self, column: Column) -> str:
        key = base = _base(column)
        # The smallest free suffix only grows, as names are only ever added to `taken`.
        n = self.next_suffix.get(base, 2)
        while key in self.taken:
            key, n = f"{base} ({n})", n + 1
        if key != base:
            self.next_suffix[base] = n
        self.taken.add(key)
        return key


def fixed_keys(columns: list[Column]) -> list[str] | None:
    """Each column's name when no two columns of the map share one: then the names do not
    depend on which of a row's cells are written, and are worked out once per header
    rather than once per cell (a million cells in a large tracker). None where they do."""
    keys = CellKeys()
    names = [keys.key(column) for column in columns]
    if any(name != _base(column) for name, column in zip(names, columns, strict=True)):
        return None
    return names


def _base(column: Column) -> str:
    key = column.header.strip() or f"Column {column.index + 1}"
    if column.field == "change_control" and "change control" not in normalise(key):
        key = f"Change Control required ({key})"
    return key
