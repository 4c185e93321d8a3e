"""Each row's Ref cell: read tolerantly, checked for repeats, and told when it is irregular.

A repeated written ref refuses the file (two rows cannot be one action). Two different
spellings read as one ref (CO.D.4.2 beside CO.D4.2) are two actions: both are kept, and
the clash is a data-quality warning, never a merge.
"""

from collections.abc import Callable

from planwatch.domain.refs import WrittenRef, read_ref

from .errors import TrackerImportError

Warn = Callable[..., None]


class RefBook:
    def __init__(self) -> None:
        self.written: dict[str, tuple[str, int]] = {}
        self.canonical: dict[str, tuple[str, str, int]] = {}

    def read(self, value: object, *, sheet: str, row: int, warn: Warn) -> WrittenRef | None:
        """The row's ref, or None when the cell holds no plan reference."""
        read = read_ref(value)
        if read is None:
            return None
        text = read.written
        if text in self.written:
            first_sheet, first_row = self.written[text]
            raise TrackerImportError(
                f"{text} appears twice (first on sheet '{first_sheet}' row {first_row}); "
                "each action needs its own reference",
                sheet=sheet,
                row=row,
                column="Ref",
            )
        self.written[text] = (sheet, row)
        where = {"sheet": sheet, "row": row, "ref": text, "column": "Ref", "value": text}
        if read.reading:
            warn("ref", f"{read.reading}; the row keeps its reference as written", **where)
        canonical = str(read.ref)
        if canonical in self.canonical:
            other, other_sheet, other_row = self.canonical[canonical]
            warn(
                "ref",
                f"{text} and {other} (sheet '{other_sheet}' row {other_row}) are both read as "
                f"{canonical}; both rows are kept, as different actions",
                **where,
            )
        else:
            self.canonical[canonical] = (text, sheet, row)
        return read
