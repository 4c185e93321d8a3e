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
        key = column.header.strip() or f"Column {column.index + 1}"
        if column.field == "change_control" and "change control" not in normalise(key):
            key = f"Change Control required ({key})"
        base = key
        # The smallest free suffix only grows, as names are only ever added to `taken`.
        n = self.next_suffix.get(base, 2)
        while key in self.taken:
            key, n = f"{base} ({n})", n + 1
        if key != base:
            self.next_suffix[base] = n
        self.taken.add(key)
        return key
