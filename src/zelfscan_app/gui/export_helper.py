"""The one way the window saves a file: ask where, show the wait cursor, say what went wrong.

Every export button (workbook, Word document, JSON, chart, PDF) comes through `export_file`:
the save dialog starts in Documents (gui/file_dialogs.py says why) or in the folder the user
chose last, the suffix of the chosen filter is added when the name has none, the wait cursor
is shown while the service writes and is taken away in `finally`, so an unexpected exception
can never leave it stuck, and a refusal is one Dutch message box naming the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.file_dialogs import start_path

_SUFFIX = re.compile(r"\*(\.[A-Za-z0-9]+)")


@contextmanager
def wait_cursor() -> Iterator[None]:
    """The wait cursor for the duration of the block, restored whatever happens inside."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def safe_file_name(name: str) -> str:
    """`name` without the characters Windows refuses in a file name, and no trailing dot."""
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", name).strip(" .")


def ask_save_path(
    parent: QWidget | None,
    title: str,
    suggestion: str,
    filters: str,
    *,
    folder: str = "",
) -> Path | None:
    """The save dialog, starting in `folder` or Documents; None when cancelled.

    A name typed without a suffix gets the one of the chosen filter (or the first filter's).
    """
    start = str(Path(folder) / suggestion) if folder else start_path(suggestion)
    chosen, chosen_filter = QFileDialog.getSaveFileName(parent, title, start, filters)
    if not chosen:
        return None
    path = Path(chosen)
    suffixes = [s.lower() for s in _SUFFIX.findall(filters)]
    if suffixes and path.suffix.lower() not in suffixes:
        wanted = _SUFFIX.findall(chosen_filter or "") or suffixes
        path = path.with_name(path.name + wanted[0].lower())
    return path


def write_with_feedback(
    parent: QWidget | None, title: str, path: Path, write: Callable[[Path], object]
) -> Path | None:
    """Run `write(path)` under the wait cursor; a refusal becomes one Dutch message box.

    Returns what `write` returned when it is a path (the file written), else `path`; None after
    a refusal. Anything else raised is a bug: it propagates, but the cursor is restored first.
    """
    from zelfscan_app.output_file import os_reason

    try:
        with wait_cursor():
            written = write(path)
    except ZelfscanError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    except OSError as exc:
        QMessageBox.warning(
            parent, title, f"{path}: het bestand kan niet worden geschreven ({os_reason(exc)})"
        )
        return None
    return Path(written) if isinstance(written, str | Path) else path


def export_file(
    parent: QWidget | None,
    title: str,
    suggestion: str,
    filters: str,
    write: Callable[[Path], object],
    *,
    path: str | Path | None = None,
    folder: str = "",
) -> Path | None:
    """Ask for a file name (unless `path` is given), then write it with feedback."""
    target = (
        Path(path) if path else ask_save_path(parent, title, suggestion, filters, folder=folder)
    )
    if target is None:
        return None
    return write_with_feedback(parent, title, target, write)
