"""The one error a parser raises for input it cannot take."""

# A reason quotes the text it could not read: a 10 MB line must not make a 10 MB message.
REASON_LIMIT = 400


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters and a note of what was cut."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


class ReportError(ValueError):
    """Bad input: the message is one line naming the file and, where known, the table and line."""

    def __init__(self, message: str, *, where: str = ""):
        self.reason = shorten(message, REASON_LIMIT)
        self.where = where
        super().__init__(f"{where}: {self.reason}" if where else self.reason)
