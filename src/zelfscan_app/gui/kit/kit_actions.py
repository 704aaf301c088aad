"""The meeting kit in the main window: one menu, the F2 begrippenkader, the follow-up bar.

Kept apart from main_actions.py so the main window only needs two lines: `KitActions(self)` and
`refresh()` when its list is refreshed. Everything heavy is imported when first used.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMenu, QMessageBox

if TYPE_CHECKING:
    from zelfscan_app.gui.kit.begrippenkader import BegrippenkaderWindow
    from zelfscan_app.gui.kit.routekaart_window import RoutekaartWindow
    from zelfscan_app.gui.kit.wheel import WheelWindow
    from zelfscan_app.gui.main_window import MainWindow


def _guarded(slot: Callable[..., Any]) -> Callable[..., Any]:
    """A Dutch message box instead of a traceback when a kit window cannot open (for instance
    a damaged routekaart.yaml in the installation)."""

    @functools.wraps(slot)
    def run(self: KitActions, *args: Any, **kwargs: Any) -> Any:
        from zelfscan_app.errors import ZelfscanError

        try:
            return slot(self, *args, **kwargs)
        except ZelfscanError as exc:
            QMessageBox.warning(self._window, self._window.tr("Routekaart"), str(exc))
            return None

    return run


class KitActions:
    """Routekaart menu, begrippenkader (F2, from every page), reminders on the scan list."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.today = date.today  # tests replace this with a fixed clock
        self.routekaart_window: RoutekaartWindow | None = None
        self.begrippen_window: BegrippenkaderWindow | None = None
        self.wheel_window: WheelWindow | None = None
        tr = window.tr

        def make(text: str, slot, keys: str = "", tip: str = "") -> QAction:
            action = QAction(text, window)
            if keys:
                action.setShortcut(QKeySequence(keys))
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, run=slot: run())
            return action

        self.routekaart = make(
            tr("Routekaart…"),
            self.show_routekaart,
            tip=tr("De vijf fasen afvinken, per gemeente of regio"),
        )
        self.wheel = make(
            tr("Rad van Fortuin…"),
            self.show_wheel,
            tip=tr("Procesevaluatie met de groep (bijlage 2), op de projector"),
        )
        self.start_programme = make(
            tr("Programma startbijeenkomst…"), lambda: self.show_programme("startbijeenkomst")
        )
        self.follow_up_programme = make(
            tr("Programma follow-up bijeenkomst…"), lambda: self.show_programme("follow-up")
        )
        self.follow_up = make(
            tr("Opvolging en voortgang…"),
            self.show_follow_up,
            tip=tr("Herhaling van zelfscans en verbeteracties te herzien, per gemeente"),
        )
        self.begrippen = make(
            tr("Begrippenkader"), self.show_begrippenkader, "F2", tr("Alle begrippen (F2)")
        )
        # F2 works from every page and every window of the app, also the session.
        self.begrippen.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        window.addAction(self.begrippen)

        self.menu = QMenu(tr("Route&kaart"), window)
        self.menu.setToolTipsVisible(True)
        for action in (
            self.routekaart,
            None,
            self.start_programme,
            self.wheel,
            self.follow_up_programme,
            None,
            self.follow_up,
            None,
            self.begrippen,
        ):
            self.menu.addSeparator() if action is None else self.menu.addAction(action)
        bar = window.menuBar()
        actions = bar.actions()
        bar.insertMenu(actions[-1], self.menu) if actions else bar.addMenu(self.menu)

        from zelfscan_app.gui.kit.followup_bar import FollowUpBar

        self.bar = FollowUpBar(window.list_page)
        self.bar.detailsRequested.connect(self.show_follow_up)
        layout = window.list_page.layout()
        assert isinstance(layout, QBoxLayout)  # the list page is a column: bar under the title
        layout.insertWidget(1, self.bar)
        phase_column = window.list_page.model.ROUTEKAART
        window.list_page.table.horizontalHeader().resizeSection(phase_column, 150)
        self._dismissed = False
        self.bar.dismiss.clicked.connect(lambda: setattr(self, "_dismissed", True))

    # State ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Phases on the scan list and the reminder bar (called when the list is refreshed)."""
        w = self._window
        if w.db is None:
            return
        from zelfscan_app.errors import ZelfscanError
        from zelfscan_app.gui.kit.followup import summary_text
        from zelfscan_app.services import monitoring, routekaart

        try:
            statuses = routekaart.overview(w.db, self.today())
            follow = monitoring.follow_ups(w.db, self.today())
        except ZelfscanError as exc:  # e.g. a broken routekaart.yaml: say so, keep the list
            w.statusBar().showMessage(str(exc), 10000)
            return
        w.list_page.model.set_phases({s.gemeente: s.short_phase for s in statuses})
        if not self._dismissed:
            self.bar.show_text(summary_text(statuses, follow))

    def _scan(self):
        w = self._window
        scan_id = w.current_scan_id()
        if w.db is None or scan_id is None:
            return None
        from zelfscan_app.errors import ZelfscanError
        from zelfscan_app.services.scans import get_scan

        try:
            return get_scan(w.db, scan_id)
        except ZelfscanError:
            return None

    # Windows ----------------------------------------------------------------------------------
    @_guarded
    def show_routekaart(self) -> None:
        w = self._window
        if w.db is None:
            return
        from zelfscan_app.domain.routekaart import Scope
        from zelfscan_app.gui.kit.routekaart_window import RoutekaartWindow

        window = self.routekaart_window
        if window is None:
            window = self.routekaart_window = RoutekaartWindow(w.db, w)
            window.changed.connect(self.refresh)
        scan = self._scan()
        if scan is not None:
            window.select(Scope.GEMEENTE, scan.gemeente)
        window.show()
        window.raise_()
        window.activateWindow()

    @_guarded
    def show_wheel(self, rng=None, spin_ms: int | None = None):
        w = self._window
        scan = self._scan()
        if scan is None:
            w.statusBar().showMessage(
                w.tr("Kies eerst een zelfscan: de antwoorden horen bij een zelfscan."), 8000
            )
            return None
        from zelfscan_app.gui.kit.wheel import SPIN_MS, WheelWindow

        if w.session_widget is not None:
            w.session_widget.session.autosave.flush()
        if self.wheel_window is not None:
            self.wheel_window.close()
        wheel = self.wheel_window = WheelWindow(
            w.db,
            scan.id,
            scan.regio,
            title=f"{scan.gemeente} · {scan.soort.value} {scan.datum:%d-%m-%Y}",
            rng=rng,
            spin_ms=spin_ms or SPIN_MS,
            parent=w,
        )
        wheel.show_on_projector()
        return wheel

    @_guarded
    def show_programme(self, meeting: str) -> None:
        w = self._window
        from zelfscan_app.domain.programme import Meeting
        from zelfscan_app.gui.kit.programme_dialog import ProgrammeDialog

        scan = self._scan()
        wie = ""
        if scan is not None:
            wie = f"Regio {scan.regio}" if scan.regio and meeting == "follow-up" else scan.gemeente
        dialog = ProgrammeDialog(
            Meeting(meeting),
            wie=wie,
            template_dir=w.settings.template_dir,
            folder=w.settings.documents_folder,
            parent=w,
        )
        if dialog.exec() == ProgrammeDialog.DialogCode.Accepted and dialog.written is not None:
            w.settings.documents_folder = str(dialog.written.parent)
            w.statusBar().showMessage(dialog.message(), 10000)

    @_guarded
    def show_follow_up(self) -> None:
        w = self._window
        if w.db is None:
            return
        from zelfscan_app.gui.kit.followup import FollowUpDialog

        FollowUpDialog(w.db, self.today(), w).exec()

    def show_begrippenkader(self) -> None:
        w = self._window
        if not w.load_questionnaire():
            return
        from zelfscan_app.gui.kit.begrippenkader import BegrippenkaderWindow

        window = self.begrippen_window
        if window is None:
            window = self.begrippen_window = BegrippenkaderWindow(w.questionnaire.terms, w)
        window.show_window()
