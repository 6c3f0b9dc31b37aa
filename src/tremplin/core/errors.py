"""The error services raise when a business rule says no, with a message for the person."""


class DomainError(Exception):
    """A broken rule. ``message`` is translated French (or English) meant for the user."""

    def __init__(self, message: str, *, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
