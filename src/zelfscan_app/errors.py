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


class DatabaseFault(ZelfscanError):
    """The database itself cannot be used (in use, read-only, full, damaged, unreachable).

    Unlike a refused file or name, this stops the whole command: every next step would meet
    the same fault (and wait for the same lock). Nothing of the failed step was stored, so a
    caller that keeps work in memory (the GUI's pending texts) keeps it and may try again.
    """


class DatabaseInUse(DatabaseFault):
    """Another Zelfscan window or command has the database open."""
