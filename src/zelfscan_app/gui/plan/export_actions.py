"""Export helpers for the main window's buttons: ask where, write the Word document, report.

Each returns the written path, or None when the user cancelled or an error was shown; the
message box names the file and the problem in Dutch, exactly as the CLI would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.export_helper import ask_save_path, safe_file_name, write_with_feedback
from zelfscan_app.storage.database import Database

DOCX_FILTER = "Word-document (*.docx)"


def suggested_name(what: str, scan: Scan) -> str:
    """'Plan van aanpak Aldermeer 2025-03-03.docx', safe on every file system."""
    return safe_file_name(f"{what} {scan.gemeente} {scan.datum.isoformat()}") + ".docx"


def ask_docx_path(parent: QWidget | None, title: str, name: str, folder: str = "") -> Path | None:
    """The save dialog; adds .docx when the user typed a name without it."""
    return ask_save_path(parent, title, name, DOCX_FILTER, folder=folder)


def _write(
    parent: QWidget | None,
    title: str,
    what: str,
    db: Database,
    scan_id: int,
    write: Callable[[Path], object],
    folder: str,
) -> Path | None:
    from zelfscan_app.services.scans import get_scan

    try:
        scan = get_scan(db, scan_id)
    except ZelfscanError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    path = ask_docx_path(parent, title, suggested_name(what, scan), folder)
    if path is None:
        return None
    return write_with_feedback(parent, title, path, write)


def export_plan(
    parent: QWidget | None,
    db: Database,
    questionnaire: Questionnaire,
    scan_id: int,
    *,
    template_dir: str | Path | None = None,
    folder: str = "",
) -> Path | None:
    """Ask for a file name and write the plan van aanpak (bijlage 5) of this scan."""
    from zelfscan_app.services.documents import write_plan

    return _write(
        parent,
        "Plan van aanpak opslaan",
        "Plan van aanpak",
        db,
        scan_id,
        lambda path: write_plan(db, questionnaire, scan_id, path, template_dir=template_dir),
        folder,
    )


def export_report(
    parent: QWidget | None,
    db: Database,
    questionnaire: Questionnaire,
    scan_id: int,
    *,
    template_dir: str | Path | None = None,
    folder: str = "",
) -> Path | None:
    """Ask for a file name and write the findings report (spider, scores, toelichtingen)."""
    from zelfscan_app.services.documents import write_findings

    return _write(
        parent,
        "Rapportage opslaan",
        "Rapportage zelfscan",
        db,
        scan_id,
        lambda path: write_findings(db, questionnaire, scan_id, path, template_dir=template_dir),
        folder,
    )
