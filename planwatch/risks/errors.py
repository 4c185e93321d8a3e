class RiskError(Exception):
    """A register entry, review or score that cannot be saved as asked.

    The message is one sentence a PMO officer can act on; `field` names the form field it is
    about, blank when the entry as a whole is at fault.
    """

    def __init__(self, message: str, *, field: str = "") -> None:
        self.message = message
        self.field = field
        super().__init__(message)
