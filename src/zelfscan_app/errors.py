"""User-facing errors: each carries one Dutch message that names the file and the problem."""

from __future__ import annotations


class ZelfscanError(Exception):
    """An error whose message is meant for the user, in Dutch, as is."""

    def __init__(self, message: str, *, path: str | None = None, where: str | None = None) -> None:
        self.path = path
        self.where = where
        self.problem = message
        parts = []
        if path:
            parts.append(str(path))
        if where:
            parts.append(where)
        prefix = ", ".join(parts)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class QuestionnaireError(ZelfscanError):
    """The questionnaire file is missing, unreadable or inconsistent."""


class ImportRefused(ZelfscanError):
    """A workbook was refused; the database was not changed."""


class NotFound(ZelfscanError):
    """A scan or file the user named does not exist."""
