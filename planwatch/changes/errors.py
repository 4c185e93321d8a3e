class ChangeRequestError(Exception):
    """A change request that cannot be raised, completed or decided as asked.

    The message is one sentence a PMO officer or an approver can act on. `field` names the
    proposal key it is about ("due_text", "title", "ref", "reason", "note", …) so a form can
    show the message beside that field; it is blank when the request as a whole is at fault.
    """

    def __init__(self, message: str, *, field: str = "") -> None:
        self.message = message
        self.field = field
        super().__init__(message)
