class CharterError(Exception):
    """A charter edit that cannot be made as asked.

    The message is one sentence a PMO officer can act on; `field` names the form field it is
    about so the form shows it there, blank when the edit as a whole is at fault.
    """

    def __init__(self, message: str, *, field: str = "") -> None:
        self.message = message
        self.field = field
        super().__init__(message)
