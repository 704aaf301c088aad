"""Settings remembered between runs (QSettings): geometry, last scan and page, font scale, block
length and each scan's block timer, the user's template folder for Word documents and the folder
they were last saved in.

`ZELFSCAN_SETTINGS` names an INI file to use instead of the user's own settings; the tests and
the kill-test driver set it so they never touch a real installation.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

ENV_SETTINGS = "ZELFSCAN_SETTINGS"
MIN_SCALE, MAX_SCALE = 0.8, 2.0
DEFAULT_BLOCK_MINUTES = 35


def _int(value: object, default: int | None) -> int | None:
    if not isinstance(value, str | int | float):
        return default
    try:
        return int(value)  # INI files give strings back
    except ValueError:
        return default


class AppSettings:
    def __init__(self, path: str | None = None) -> None:
        path = path or os.environ.get(ENV_SETTINGS)
        if path:
            self._s = QSettings(path, QSettings.Format.IniFormat)
        else:
            self._s = QSettings(
                QSettings.Format.IniFormat,
                QSettings.Scope.UserScope,
                "Zelfscan",
                "Zelfscan Kwaliteitskader",
            )

    # Database -------------------------------------------------------------------------------
    @property
    def database_url(self) -> str | None:
        """The database chosen under Bestand → Database… (None: this computer's SQLite).
        `--database` and ZELFSCAN_DATABASE go before it (gui/app.py)."""
        value = self._s.value("database/url")
        return str(value) if value else None

    @database_url.setter
    def database_url(self, value: str | None) -> None:
        if not value:
            self._s.remove("database/url")
            return
        from zelfscan_app.services.shared_database import without_password

        self._s.setValue("database/url", without_password(value))  # never a password

    # Window ---------------------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def font_scale(self) -> float:
        value = self._s.value("view/font_scale", 1.0)
        try:
            scale = float(value) if isinstance(value, str | int | float) else 1.0
        except ValueError:
            scale = 1.0
        return min(MAX_SCALE, max(MIN_SCALE, scale))

    @font_scale.setter
    def font_scale(self, value: float) -> None:
        self._s.setValue("view/font_scale", round(min(MAX_SCALE, max(MIN_SCALE, value)), 2))

    # Session --------------------------------------------------------------------------------
    @property
    def last_scan_id(self) -> int | None:
        return _int(self._s.value("session/last_scan"), None)

    @last_scan_id.setter
    def last_scan_id(self, value: int | None) -> None:
        if value is None:
            self._s.remove("session/last_scan")
        else:
            self._s.setValue("session/last_scan", int(value))

    @property
    def resume_session(self) -> bool:
        """True while a scan is open; still true after a crash, so the next start resumes it."""
        return str(self._s.value("session/resume", "false")).lower() == "true"

    @resume_session.setter
    def resume_session(self, value: bool) -> None:
        self._s.setValue("session/resume", "true" if value else "false")
        self._s.sync()

    def last_question(self, scan_id: int) -> int | None:
        return _int(self._s.value(f"session/question_{scan_id}"), None)

    def set_last_question(self, scan_id: int, question: int) -> None:
        self._s.setValue(f"session/question_{scan_id}", int(question))

    @property
    def last_page(self) -> str:
        """'results' or 'plan' while one of those pages is open ('' otherwise): a restart
        comes back to it."""
        value = str(self._s.value("session/page", "") or "")
        return value if value in ("results", "plan") else ""

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._s.setValue("session/page", value)

    def block_timer(self, scan_id: int) -> tuple[int, int | None]:
        """The block timer of a scan as last stored: time used before the current run (ms)
        and, while it runs, when that run started (ms since the epoch; None when paused)."""
        used = _int(self._s.value(f"timer/used_{scan_id}"), 0) or 0
        started = _int(self._s.value(f"timer/started_{scan_id}"), None)
        return max(0, used), started

    def set_block_timer(self, scan_id: int, used_ms: int, started_ms: int | None) -> None:
        """Stored durably at once (sync): the clock must survive a kill mid-session."""
        self._s.setValue(f"timer/used_{scan_id}", int(used_ms))
        if started_ms is None:
            self._s.remove(f"timer/started_{scan_id}")
        else:
            self._s.setValue(f"timer/started_{scan_id}", int(started_ms))
        self._s.sync()

    @property
    def block_minutes(self) -> int:
        minutes = _int(self._s.value("session/block_minutes"), DEFAULT_BLOCK_MINUTES)
        return minutes if minutes and 1 <= minutes <= 240 else DEFAULT_BLOCK_MINUTES

    @block_minutes.setter
    def block_minutes(self, value: int) -> None:
        self._s.setValue("session/block_minutes", int(value))

    @property
    def question_count(self) -> int | None:
        """How many questions the questionnaire had last time (for the list before it loads)."""
        count = _int(self._s.value("questionnaire/count"), None)
        return count if count and count > 0 else None

    @question_count.setter
    def question_count(self, value: int) -> None:
        self._s.setValue("questionnaire/count", int(value))

    # Word documents -------------------------------------------------------------------------
    @property
    def template_dir(self) -> str | None:
        """The user's template folder (None: the bundled templates, or $ZELFSCAN_TEMPLATES)."""
        value = str(self._s.value("documents/template_dir", "") or "")
        return value or None

    @template_dir.setter
    def template_dir(self, value: str | None) -> None:
        if value:
            self._s.setValue("documents/template_dir", str(value))
        else:
            self._s.remove("documents/template_dir")
        self._s.sync()

    @property
    def documents_folder(self) -> str:
        """Where the last Word document was saved (the next save dialog starts there)."""
        return str(self._s.value("documents/folder", "") or "")

    @documents_folder.setter
    def documents_folder(self, value: str) -> None:
        self._s.setValue("documents/folder", str(value))

    # Shared database ------------------------------------------------------------------------
    @property
    def publish_target(self) -> str:
        """The shared database last published to, always without a password (the caller
        strips it: a password never lands in the settings)."""
        return str(self._s.value("publish/target", "") or "")

    @publish_target.setter
    def publish_target(self, value: str) -> None:
        self._s.setValue("publish/target", str(value))

    def sync(self) -> None:
        self._s.sync()
