"""Actions, menus and toolbar of the main window (what, not how: slots live on the window)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar


class MainActions:
    """Creates every window-level action once; `build` puts them in menus and the toolbar."""

    def __init__(self, window: QMainWindow) -> None:
        tr = window.tr
        self._window = window

        def make(text: str, keys=(), tip: str = "") -> QAction:
            action = QAction(text, window)
            if keys:
                action.setShortcuts([QKeySequence(k) for k in keys])
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
            return action

        self.new = make(tr("Nieuwe zelfscan…"), ["Ctrl+N"], tr("Een nieuwe zelfscan aanmaken"))
        self.open = make(tr("Openen"), ["Ctrl+O"], tr("De gekozen zelfscan openen"))
        self.edit = make(
            tr("Gegevens en deelnemers…"), [], tr("Gemeente, datum en deelnemers wijzigen")
        )
        self.import_ = make(tr("Importeren…"), ["Ctrl+I"])
        self.export = make(tr("Exporteren…"), ["Ctrl+E"])
        self.publish = make(
            tr("Publiceren naar gedeelde database…"),
            [],
            tr("Gekozen zelfscans in de gedeelde database van de regio zetten"),
        )
        self.publish.setEnabled(False)
        self.restore_backup = make(
            tr("Herstel back-up…"),
            [],
            tr("Een automatische back-up van deze database bekijken en terugzetten"),
        )
        self.restore_backup.setEnabled(False)
        self.delete = make(
            tr("Verwijderen"), ["Del"], tr("De gekozen zelfscan naar de prullenbak verplaatsen")
        )
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo = make(tr("Ongedaan maken"), ["Ctrl+Z"], tr("Verwijderen ongedaan maken"))
        self.trash = make(
            tr("Prullenbak…"), [], tr("Verwijderde zelfscans bekijken en terugzetten")
        )
        self.back = make(
            tr("← Overzicht"), ["Ctrl+W"], tr("De zelfscan sluiten en terug naar het overzicht")
        )
        self.quit = make(tr("Afsluiten"), ["Ctrl+Q"])
        self.database = make(
            tr("Database…"),
            [],
            tr("De database kiezen: op deze computer of de gedeelde database van de regio"),
        )
        self.region = make(
            tr("Regio-overzicht"),
            ["Ctrl+G"],
            tr("Zelfscans van een regio samenvoegen en vergelijken"),
        )
        self.region.setEnabled(False)
        self.results = make(
            tr("Resultaten"),
            ["Ctrl+Shift+R"],
            tr("Spindiagram, scores en vergelijking met een eerdere zelfscan"),
        )
        self.plan = make(
            tr("Plan van aanpak"),
            ["Ctrl+Shift+P"],
            tr("Verbeteracties van de zelfscan invullen en als Word-document maken"),
        )
        self.report = make(
            tr("Rapport (Word)…"), [], tr("Een rapportage met spindiagram, scores en toelichtingen")
        )
        self.template_dir = make(
            tr("Sjablonenmap voor Word…"),
            [],
            tr("Een map met eigen Word-sjablonen kiezen (huisstijl, logo)"),
        )
        self.template_reset = make(
            tr("Meegeleverde sjablonen gebruiken"),
            [],
            tr("De eigen sjablonenmap niet meer gebruiken"),
        )
        self.zoom_in = make(tr("Tekst groter"), ["Ctrl++", "Ctrl+="])
        self.zoom_out = make(tr("Tekst kleiner"), ["Ctrl+-"])
        self.zoom_reset = make(tr("Standaard tekstgrootte"), ["Ctrl+0"])
        self.timer_minutes = make(tr("Bloktijd instellen…"), [], tr("Hoe lang een blok duurt"))
        self.shortcuts = make(tr("Sneltoetsen"), ["F1"])
        self.about = make(tr("Over Zelfscan Kwaliteitskader"))

    def build(self, window: QMainWindow) -> tuple[QMenu, QToolBar]:
        """Fill the menu bar and the toolbar; returns the session menu (filled per scan)."""
        tr = window.tr
        bar = window.menuBar()
        file_menu = bar.addMenu(tr("&Bestand"))
        for action in (self.new, self.open, self.edit, None, self.import_, self.export):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        for action in (self.publish, None, self.delete, self.undo, self.trash, None, self.database):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        for action in (self.restore_backup, None, self.back, self.quit):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        session_menu = bar.addMenu(tr("&Sessie"))
        outcomes_menu = bar.addMenu(tr("&Uitkomsten"))
        outcomes_menu.setToolTipsVisible(True)
        for action in (
            self.results,
            self.plan,
            None,
            self.report,
            None,
            self.template_dir,
            self.template_reset,
        ):
            outcomes_menu.addSeparator() if action is None else outcomes_menu.addAction(action)
        view_menu = bar.addMenu(tr("Bee&ld"))
        for action in (self.zoom_in, self.zoom_out, self.zoom_reset):
            view_menu.addAction(action)
        region_menu = bar.addMenu(tr("&Regio"))
        region_menu.setToolTipsVisible(True)
        region_menu.addAction(self.region)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(self.shortcuts)
        help_menu.addAction(self.about)

        toolbar = QToolBar(tr("Werkbalk"), window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        for action in (
            self.back,
            self.new,
            self.open,
            self.edit,
            None,
            self.results,
            self.plan,
            None,
            self.import_,
            self.export,
            None,
            self.delete,
            None,
            self.region,
        ):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        # Shortcuts of actions that live only in menus die when the menu bar is hidden
        # (presentation mode); added to the window they work wherever the window has the keys.
        # Not Delete: it belongs to the scan list only (Del clears an answer in a session).
        window.addActions([a for a in self.all() if a is not self.delete])
        return session_menu, toolbar

    def all(self) -> list[QAction]:
        """Every window-level action."""
        return [value for value in vars(self).values() if isinstance(value, QAction)]
