"""Word documents from the main window: plan van aanpak, findings report, the template folder.

The writing itself is gui/plan/export_actions.py (save dialog, Dutch messages); this module adds
what the window remembers: the user's template folder (a municipality's house style) and the
folder the last document went to. python-docx loads only when a document is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.settings import AppSettings

if TYPE_CHECKING:
    from zelfscan_app.gui.main_window import MainWindow


class DocumentActions:
    """Slots for the window's document actions; `window` has db, questionnaire and settings."""

    def __init__(self, window: MainWindow, settings: AppSettings) -> None:
        self._window = window
        self._settings = settings

    def tr(self, text: str) -> str:
        return self._window.tr(text)

    # Documents --------------------------------------------------------------------------------
    def write_plan(self, scan_id: int) -> Path | None:
        from zelfscan_app.gui.plan.export_actions import export_plan

        return self._written(export_plan, scan_id, self.tr("Plan van aanpak opgeslagen: %1"))

    def write_report(self, scan_id: int) -> Path | None:
        from zelfscan_app.gui.plan.export_actions import export_report

        return self._written(export_report, scan_id, self.tr("Rapportage opgeslagen: %1"))

    def _written(self, export, scan_id: int, message: str) -> Path | None:
        w = self._window
        if w.db is None or not w.load_questionnaire():
            return None
        path = export(
            w,
            w.db,
            w.questionnaire,
            scan_id,
            template_dir=self._settings.template_dir,
            folder=self._settings.documents_folder,
        )
        if path is not None:
            self._settings.documents_folder = str(path.parent)
            w.statusBar().showMessage(arg(message, path), 10000)
        return path

    # Template folder --------------------------------------------------------------------------
    def describe_templates(self) -> str:
        """One line for the plan page: which templates the documents are made from."""
        folder = self._settings.template_dir
        if not folder:
            return self.tr("Sjablonen: meegeleverd (Uitkomsten → Sjablonenmap voor Word…)")
        return arg(
            self.tr("Sjablonen: eigen map %1 (waar een sjabloon ontbreekt: meegeleverd)"), folder
        )

    def choose_template_dir(self) -> str | None:
        """Ask for the folder with the municipality's own templates; remember it.

        An empty folder can get copies of the bundled templates, ready to restyle in Word.
        """
        from zelfscan_app.reports.templates import TemplateKind

        names = [kind.value for kind in TemplateKind]
        current = self._settings.template_dir or self._settings.documents_folder
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Sjablonenmap voor Word kiezen"), current or str(Path.home())
        )
        if not folder:
            return None
        self._settings.template_dir = folder
        found = [name for name in names if (Path(folder) / name).is_file()]
        if not found and self._window.confirm(
            self.tr("Sjablonenmap voor Word"),
            arg(
                self.tr(
                    "In %1 staat nog geen sjabloon. Kopieën van de meegeleverde sjablonen "
                    "daar neerzetten, om in Word de huisstijl en het logo aan te passen?\n\n"
                    "Waar een sjabloon ontbreekt, gebruikt het programma het meegeleverde."
                ),
                folder,
            ),
        ):
            found = self._copy_bundled(Path(folder), names)
        self._window.statusBar().showMessage(
            arg(
                self.tr("Sjablonenmap: %1 (eigen sjablonen: %2)"),
                folder,
                ", ".join(found) if found else self.tr("nog geen"),
            ),
            10000,
        )
        return folder

    def _copy_bundled(self, folder: Path, names: list[str]) -> list[str]:
        from zelfscan_app.output_file import write_atomic
        from zelfscan_app.resources import templates_dir

        copied = []
        for name in names:
            try:
                write_atomic((templates_dir() / name).read_bytes(), folder / name)
            except OSError as exc:
                QMessageBox.warning(
                    self._window,
                    self.tr("Sjablonenmap voor Word"),
                    arg(self.tr("%1 kon niet worden gekopieerd: %2"), name, exc.strerror or exc),
                )
                break
            copied.append(name)
        return copied

    def reset_template_dir(self) -> None:
        self._settings.template_dir = None
        self._window.statusBar().showMessage(
            self.tr("De meegeleverde sjablonen worden weer gebruikt."), 6000
        )
