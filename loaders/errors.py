"""The one error a parser raises for input it cannot take."""


class ReportError(ValueError):
    """Bad input: the message is one line naming the file and, where known, the table and line."""

    def __init__(self, message: str, *, where: str = ""):
        self.reason = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)
