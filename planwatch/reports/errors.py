class ReportError(Exception):
    """A report cannot be made as asked; the message says why in words a PMO understands."""
