"""Where the app's file dialogs start: the user's Documents folder, never the data folder.

A file dialog that browses a folder reads the files in it (icons, types). Opening and closing
the database file that way drops this process's SQLite locks (see storage.process_lock, which
makes that harmless); starting elsewhere also keeps users away from the database itself. A
relative name would start in the working directory, which may well be the data folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def start_folder() -> str:
    """The Documents folder when it exists, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


def start_path(name: str) -> str:
    """`name` in the start folder (a suggested file name for a save dialog)."""
    return str(Path(start_folder()) / name)


def ask_workbooks(parent: QWidget | None, title: str) -> list[str]:
    """The open dialog for filled-in workbooks (.xlsx), in the start folder; [] when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent, title, start_folder(), "Excel-werkmappen (*.xlsx)"
    )
    return list(paths)
