class TrackerImportError(Exception):
    """A tracker file that cannot be imported. The message is one line a PMO officer can act on."""

    def __init__(
        self, why: str, *, sheet: str = "", row: int | None = None, column: str = ""
    ) -> None:
        self.why, self.sheet, self.row, self.column = why, sheet, row, column
        where = ", ".join(
            part
            for part in (
                f"sheet '{sheet}'" if sheet else "",
                f"row {row}" if row is not None else "",
                f"column '{column}'" if column else "",
            )
            if part
        )
        super().__init__(f"{where}: {why}" if where else why)
