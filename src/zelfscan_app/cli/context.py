"""What every sub-command needs: the database (opened lazily) and the questionnaire."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TextIO

from zelfscan_app.domain.names import terminal_safe

if TYPE_CHECKING:  # imported lazily: `zelfscan` without arguments must show its window first
    from zelfscan_app.domain.questionnaire import Questionnaire
    from zelfscan_app.storage.database import Database


@dataclass
class CliContext:
    database_url: str | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    @cached_property
    def db(self) -> Database:
        """The database; an in-memory one is refused, since a command would lose its work."""
        from zelfscan_app.errors import DatabaseFault
        from zelfscan_app.storage.database import Database, default_url, is_in_memory
        from zelfscan_app.storage.faults import IN_MEMORY, display_name

        url = self.database_url or default_url()
        if is_in_memory(url):
            raise DatabaseFault(IN_MEMORY, path=display_name(url))
        return Database(url)

    def close(self) -> None:
        """Give the database (and its process lock) back, if the command opened it."""
        db = self.__dict__.pop("db", None)
        if db is not None:
            db.dispose()

    @property
    def database_name(self) -> str:
        """The database as messages name it (no password)."""
        from zelfscan_app.storage.config import default_url
        from zelfscan_app.storage.faults import display_name

        return display_name(self.database_url or default_url())

    @cached_property
    def questionnaire(self) -> Questionnaire:
        from zelfscan_app.questionnaire_file import default_questionnaire

        return default_questionnaire()

    def say(self, message: str) -> None:
        """One line on stdout; control characters in it (from a file name, a cell) are shown
        as escapes, never sent to the terminal."""
        print(terminal_safe(message), file=self.out)

    def warn(self, message: str) -> None:
        print(terminal_safe(f"let op: {message}"), file=self.err)

    def refuse(self, message: str) -> None:
        """A file that was not used, on stderr."""
        print(terminal_safe(f"geweigerd: {message}"), file=self.err)

    def progress(self, message: str) -> None:
        """A progress line on stderr, so stdout keeps one line per file for scripts."""
        print(terminal_safe(message), file=self.err, flush=True)
