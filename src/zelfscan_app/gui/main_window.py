"""The main window: the list of scans, and the session of the scan that is open.

The database layer and the session modules are imported only when needed, so the window is
on screen before SQLAlchemy is even loaded (see gui/app.py). How the database is opened, how the
questionnaire is read and how a yes/no question is asked come in through the constructor
(gui/window_deps.py has the production versions; tests pass fakes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
)

from zelfscan_app.dutch_dates import dutch_date as long_date  # titles, sentences
from zelfscan_app.gui.document_actions import DocumentActions
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.kit.kit_actions import KitActions
from zelfscan_app.gui.main_actions import MainActions
from zelfscan_app.gui.scan_list_page import ScanListPage
from zelfscan_app.gui.settings import AppSettings
from zelfscan_app.gui.style import apply_style
from zelfscan_app.gui.widgets import clamp_to_screen, fit_to_screen
from zelfscan_app.gui.window_deps import (
    Confirm,
    DatabaseOpener,
    QuestionnaireLoader,
    ask_yes_no,
)
from zelfscan_app.gui.window_deps import load_questionnaire as read_questionnaire
from zelfscan_app.gui.window_deps import open_database as open_database_url

if TYPE_CHECKING:
    from zelfscan_app.domain.questionnaire import Questionnaire
    from zelfscan_app.gui.exchange_actions import ExchangeActions
    from zelfscan_app.gui.region.region_view import RegionView
    from zelfscan_app.gui.scan_pages import ScanPages
    from zelfscan_app.gui.session.session_widget import SessionWidget
    from zelfscan_app.storage.database import Database

UNDO_SECONDS = 30
QUESTIONNAIRE_DELAY_MS = 100
ZOOM_STEP = 0.1


class MainWindow(QMainWindow):
    scanOpened = Signal(int)
    scanClosed = Signal()

    # The menu and toolbar actions. The name hides QWidget.actions(), which nothing calls on
    # the window; the other modules and the tests know the actions by this name.
    actions: MainActions  # type: ignore[assignment]

    def __init__(
        self,
        settings: AppSettings | None = None,
        *,
        database_opener: DatabaseOpener = open_database_url,
        questionnaire_loader: QuestionnaireLoader = read_questionnaire,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self._open_db = database_opener
        self._read_questionnaire = questionnaire_loader
        self._ask = confirm
        self.db: Database | None = None
        # Read just after the list is on screen (see load_questionnaire).
        self._questionnaire: Questionnaire | None = None
        self.exchange: ExchangeActions | None = None  # import/export, once the database is open
        self._region_view: RegionView | None = None
        self.session_widget: SessionWidget | None = None
        # Results and plan van aanpak (gui/scan_pages.py), made on first use.
        self.pages: ScanPages | None = None
        self._icon_set = False
        self._was_maximized = False
        self._undo_scan_id: int | None = None
        self._scale = self.settings.font_scale
        apply_style(_application(), self._scale)
        self.setWindowTitle(self.tr("Zelfscan Kwaliteitskader"))
        fit_to_screen(self, 1280, 820)

        self.list_page = ScanListPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.setCentralWidget(self.stack)
        self.actions = MainActions(self)
        self.documents = DocumentActions(self, self.settings)
        self.session_menu, self.toolbar = self.actions.build(self)
        self.kit = KitActions(self)  # routekaart, wheel, programmes, begrippenkader (F2)
        self.list_page.addAction(self.actions.delete)
        self._make_statusbar()
        self._connect()
        self._fill_session_menu()
        self._update_actions()
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)  # also the maximised state
            clamp_to_screen(self)  # saved on a larger screen than this one

    def _make_statusbar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.undo_button = QPushButton(self.tr("Ongedaan maken"))
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_delete)
        self.db_label = QLabel()
        self.db_label.setAccessibleName(self.tr("Database"))
        bar.addPermanentWidget(self.undo_button)
        bar.addPermanentWidget(self.db_label)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self.undo_button.hide)
        bar.showMessage(self.tr("Database openen…"))

    def _connect(self) -> None:
        a = self.actions
        a.new.triggered.connect(self.new_scan)
        a.open.triggered.connect(self.open_selected)
        a.edit.triggered.connect(self.edit_scan)
        a.delete.triggered.connect(self.delete_selected)
        a.undo.triggered.connect(self.undo_delete)
        a.trash.triggered.connect(self.show_trash)
        a.back.triggered.connect(self.go_back)
        a.quit.triggered.connect(self.close)
        a.database.triggered.connect(self.choose_database)
        a.zoom_in.triggered.connect(lambda: self.set_font_scale(self._scale + ZOOM_STEP))
        a.zoom_out.triggered.connect(lambda: self.set_font_scale(self._scale - ZOOM_STEP))
        a.zoom_reset.triggered.connect(lambda: self.set_font_scale(1.0))
        a.timer_minutes.triggered.connect(self.ask_block_minutes)
        a.region.triggered.connect(self.show_region)
        a.results.triggered.connect(self.show_results)
        a.plan.triggered.connect(self.show_plan)
        a.report.triggered.connect(self.write_report)
        a.template_dir.triggered.connect(self.choose_template_dir)
        a.template_reset.triggered.connect(self.reset_template_dir)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        self.list_page.new_button.clicked.connect(self.new_scan)
        self.list_page.open_button.clicked.connect(self.open_selected)
        self.list_page.openRequested.connect(self.open_scan)
        self.list_page.selectionChanged.connect(self._update_actions)

    # Database -------------------------------------------------------------------------------
    def choose_database(self) -> bool:
        """Bestand → Database… (gui/database_dialog.py)."""
        from zelfscan_app.gui.database_dialog import choose_database

        return choose_database(self)

    def open_database(self, url: str | None) -> bool:
        from zelfscan_app.errors import ZelfscanError
        from zelfscan_app.gui.exchange_actions import ExchangeActions

        try:
            db = self._open_db(url)
        except ZelfscanError as exc:
            self.statusBar().showMessage(self.tr("Geen database geopend"))
            QMessageBox.critical(self, self.tr("Database"), str(exc))
            return False
        from zelfscan_app.storage.faults import display_name

        self.db = db
        self._replay_journal()
        self.db_label.setText(arg(self.tr("Database: %1"), _short_url(db.url)))
        self.db_label.setToolTip(display_name(db.url))  # never the password
        if self.exchange is None:
            self.exchange = ExchangeActions(self)
        self.exchange.detect()
        self._open_database_actions()
        self.refresh_list()
        # The questionnaire (YAML + validation) is read once the list is on screen.
        QTimer.singleShot(QUESTIONNAIRE_DELAY_MS, self.load_questionnaire)
        self.statusBar().showMessage(self.tr("Gereed"), 4000)
        self.backups.database_opened()  # in the background, once the list is on screen
        last = self.settings.last_scan_id
        if last is not None:
            if self.settings.resume_session and self.open_scan(last, quiet=True):
                self._restore_page()
                return True
            self.list_page.select_scan(last)
            if self.list_page.current_scan_id() == last:
                self._restore_page()
        self._update_actions()
        return True

    def _replay_journal(self) -> None:
        """Changes kept on this computer while the shared database was away, in an earlier
        run, are written to it now (in the background; see gui/session/live.py)."""
        from zelfscan_app.gui.session.live import replay_left_journal

        replay = replay_left_journal(self.db, self)
        if replay is not None:
            replay.finished.connect(self._journal_replayed)

    def _journal_replayed(self, stored: int, fault: str) -> None:
        if fault:
            self.statusBar().showMessage(
                arg(self.tr("Eerder bewaarde wijzigingen nog niet opgeslagen: %1"), fault)
            )
        elif stored:
            self.statusBar().showMessage(
                arg(
                    self.tr("%1 eerder bewaarde wijziging(en) opgeslagen in de gedeelde database"),
                    stored,
                ),
                8000,
            )
            self.refresh_list()

    def _open_database_actions(self) -> None:
        """Publish and backups, made with the first database (their modules load then)."""
        from zelfscan_app.gui.backup_dialog import BackupActions
        from zelfscan_app.gui.publish_dialog import PublishActions

        if getattr(self, "publisher", None) is None:
            self.publisher = PublishActions(self)
            self.backups = BackupActions(self)
        self.publisher.update()
        self.backups.update()

    def _restore_page(self) -> None:
        """The results or plan page that was open when the program closed comes back."""
        page = self.settings.last_page
        if page == "plan":
            self.show_plan()
        elif page == "results":
            self.show_results()

    @property
    def questionnaire(self) -> Questionnaire:
        """The questionnaire, read on first use (raises ZelfscanError when it is unusable)."""
        if self._questionnaire is None:
            questionnaire = self._read_questionnaire()
            self._questionnaire = questionnaire
            self.settings.question_count = len(questionnaire.questions)
            self.list_page.model.set_total(len(questionnaire.questions))
        return self._questionnaire

    def load_questionnaire(self) -> bool:
        """Read the questionnaire now; False (after a Dutch message) when it is unusable."""
        from zelfscan_app.errors import ZelfscanError

        try:
            return self.questionnaire is not None
        except ZelfscanError as exc:
            QMessageBox.critical(self, self.tr("Vragenlijst"), str(exc))
            return False

    def refresh_list(self) -> None:
        from zelfscan_app.services.scans import DatabaseScanList

        if self.db is not None:
            total = (
                len(self._questionnaire.questions)
                if self._questionnaire is not None
                else self.settings.question_count  # remembered: no need to read the YAML yet
            )
            self.list_page.set_source(DatabaseScanList(self.db), total)
            self.kit.refresh()
        self._update_actions()

    # Scans ----------------------------------------------------------------------------------
    def new_scan(self) -> None:
        if self.db is None:
            return
        from zelfscan_app.gui.new_scan_dialog import NewScanDialog
        from zelfscan_app.services.scans import create_scan

        dialog = NewScanDialog(self.questionnaire, self.db, parent=self)
        accepted = dialog.exec() == NewScanDialog.DialogCode.Accepted
        self.activateWindow()  # keys go back to this window, also where the platform forgets
        if not accepted or dialog.result_scan is None:
            return
        scan_id = create_scan(self.db, dialog.result_scan)
        self.refresh_list()
        self.open_scan(scan_id)

    def edit_scan(self) -> None:
        scan_id = self.current_scan_id()
        if self.db is None or scan_id is None:
            return
        from zelfscan_app.errors import ZelfscanError
        from zelfscan_app.gui.new_scan_dialog import NewScanDialog
        from zelfscan_app.services import scans as svc

        try:
            scan = svc.get_scan(self.db, scan_id)
        except ZelfscanError as exc:
            QMessageBox.warning(self, self.tr("Zelfscan"), str(exc))
            return
        dialog = NewScanDialog(self.questionnaire, self.db, scan=scan, parent=self)
        if dialog.exec() != NewScanDialog.DialogCode.Accepted or dialog.result_scan is None:
            return
        svc.update_metadata(self.db, scan_id, dialog.result_scan)
        if self.session_widget is not None:
            self.session_widget.details_changed(svc.get_scan(self.db, scan_id))
            self._update_title()
        pages = self._shown_pages()
        if pages is not None:
            pages.open(scan_id, pages.page, back_text=pages.back_button.text())
        self.refresh_list()

    def current_scan_id(self) -> int | None:
        pages = self._shown_pages()
        if pages is not None:
            return pages.scan_id
        if self.session_widget is not None:
            return self.session_widget.session.scan_id
        return self.list_page.current_scan_id()

    def open_selected(self) -> None:
        scan_id = self.list_page.current_scan_id()
        if scan_id is not None:
            self.open_scan(scan_id)

    def open_scan(self, scan_id: int, quiet: bool = False) -> bool:
        if self.db is None or not self.close_scan():
            return False
        from zelfscan_app.errors import ZelfscanError
        from zelfscan_app.gui.session.session_widget import SessionWidget
        from zelfscan_app.gui.session.state import ScanSession
        from zelfscan_app.services import scans as svc

        try:
            scan = svc.get_scan(self.db, scan_id)
            warning = svc.check_questionnaire(self.questionnaire, scan)
        except ZelfscanError as exc:
            if not quiet:
                QMessageBox.warning(self, self.tr("Zelfscan openen"), str(exc))
            return False
        session = ScanSession(self.db, self.questionnaire, scan, self)
        last = self.settings.last_question(scan_id)
        if last is not None and last in session.order:
            session.current = last
        widget = SessionWidget(session, self.settings.block_minutes)
        timer = widget.header.timer
        timer.restore(*self.settings.block_timer(scan_id))  # a kill does not reset the clock
        timer.stored.connect(
            lambda used, started: self.settings.set_block_timer(scan_id, used, started)
        )
        widget.set_font_scale(self._scale)
        widget.presentationChanged.connect(self._presentation_changed)
        widget.finishRequested.connect(self.close_scan)
        session.currentChanged.connect(lambda q: self.settings.set_last_question(scan_id, q))
        session.autosave.failed.connect(self._save_failed)
        self.session_widget = widget
        self.toolbar.hide()  # the session is a focus mode: its header has what is needed
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        self.session_menu.setEnabled(True)
        self.settings.last_scan_id = scan_id
        self.settings.resume_session = True
        self._fill_session_menu()
        self._update_title()
        self._update_actions()
        widget.focus_question()
        self.statusBar().showMessage(warning or self.tr("Zelfscan geopend"), 6000)
        self.scanOpened.emit(scan_id)
        return True

    def close_scan(self) -> bool:
        """Back to the list; everything typed is stored first. False if the user stays."""
        widget = self.session_widget
        if widget is None:
            return True
        if not widget.close_session() and not self.confirm(
            self.tr("Niet alles is opgeslagen"),
            self.tr(
                "Een toelichting kon niet worden opgeslagen. Toch sluiten? "
                "Wat niet is opgeslagen gaat dan verloren."
            ),
        ):
            return False
        widget.set_presentation(False)
        widget.header.timer.pause()  # closed on purpose: the clock waits (a kill keeps it going)
        scan_id = widget.session.scan_id
        pages = self._shown_pages()
        if pages is not None:
            pages.commit_edits()
        self.stack.setCurrentWidget(self.list_page)
        self.stack.removeWidget(widget)
        widget.deleteLater()
        self.session_widget = None
        self.toolbar.show()
        self.session_menu.setEnabled(True)
        self.settings.resume_session = False
        self.settings.last_page = ""
        self._fill_session_menu()
        self._update_title()
        self.refresh_list()
        self.list_page.select_scan(scan_id)
        self.list_page.table.setFocus()
        self.scanClosed.emit()
        return True

    def delete_selected(self) -> None:
        item = self.list_page.current_item()
        if self.db is None or item is None or self.session_widget is not None:
            return
        if self.pages_shown():
            return
        from zelfscan_app.services.scans import move_to_trash

        what = arg(
            self.tr("%1 (%2 van %3)"), item.gemeente, item.soort.value, long_date(item.datum)
        )
        if not self.confirm(
            self.tr("Zelfscan verwijderen"),
            arg(
                self.tr(
                    "De zelfscan van %1 naar de prullenbak verplaatsen?\n\n"
                    "Je kunt dit ongedaan maken, of de zelfscan later terugzetten "
                    "via Bestand → Prullenbak."
                ),
                what,
            ),
        ):
            return
        move_to_trash(self.db, item.id)
        self._undo_scan_id = item.id
        self.refresh_list()
        self.statusBar().showMessage(
            arg(self.tr("%1 staat in de prullenbak."), what), UNDO_SECONDS * 1000
        )
        self.undo_button.show()
        self._undo_timer.start(UNDO_SECONDS * 1000)
        self._update_actions()

    def undo_delete(self) -> None:
        if self.db is None or self._undo_scan_id is None:
            return
        self.restore_scan(self._undo_scan_id)

    def restore_scan(self, scan_id: int) -> None:
        from zelfscan_app.services.scans import restore_from_trash

        if self.db is None:
            return
        restore_from_trash(self.db, scan_id)
        if self._undo_scan_id == scan_id:
            self._undo_scan_id = None
        self.undo_button.hide()
        self.refresh_list()
        self.list_page.select_scan(scan_id)
        self.statusBar().showMessage(self.tr("De zelfscan is teruggezet."), 6000)

    def show_trash(self) -> None:
        if self.db is None:
            return
        from zelfscan_app.gui.trash_dialog import TrashDialog
        from zelfscan_app.services.scans import list_trashed

        dialog = TrashDialog(list_trashed(self.db), len(self.questionnaire.questions), self)
        dialog.restoreRequested.connect(self.restore_scan)
        dialog.exec()

    def show_region(self) -> None:
        """The regional overview (its own window), on the region of the chosen scan."""
        if self.db is None or not self.load_questionnaire():
            return
        from zelfscan_app.gui.region import open_region_view

        if self.session_widget is not None:
            self.session_widget.session.autosave.flush()
        item = self.list_page.current_item()
        regio = self.session_widget.session.scan.regio if self.session_widget else None
        regio = regio or (item.regio if item is not None else "")
        view = open_region_view(self, self.db, self.questionnaire, regio)
        if view is not self._region_view:  # a new window: its imports show in the list too
            view.importFinished.connect(lambda _report: self.refresh_list())
            self._region_view = view

    # Results, plan van aanpak and Word documents -------------------------------------------
    def pages_shown(self) -> bool:
        return self._shown_pages() is not None

    def _shown_pages(self) -> ScanPages | None:
        """The results/plan pages when they are the page on screen, else None."""
        if self.pages is not None and self.stack.currentWidget() is self.pages:
            return self.pages
        return None

    def show_results(self) -> None:
        """The results of the chosen (or open) scan: spider, scores, comparison over time."""
        from zelfscan_app.gui.scan_pages import RESULTS

        self._show_page(RESULTS)

    def show_plan(self) -> None:
        """The improvement actions of the chosen (or open) scan, with the Word button."""
        from zelfscan_app.gui.scan_pages import PLAN

        self._show_page(PLAN)

    def _show_page(self, page: int) -> None:
        scan_id = self.current_scan_id()
        if self.db is None or scan_id is None or not self.load_questionnaire():
            return
        from zelfscan_app.gui.scan_pages import ScanPages

        pages = self.pages
        if pages is None:
            pages = self.pages = ScanPages(self.db, self.questionnaire)
            pages.backRequested.connect(self.go_back)
            pages.planDocumentRequested.connect(self.documents.write_plan)
            pages.reportRequested.connect(self.documents.write_report)
            pages.pageChanged.connect(self._remember_page)
            self.stack.addWidget(pages)
        back = self.tr("←  Overzicht")
        if self.session_widget is not None:
            self.session_widget.set_presentation(False)
            self.session_widget.session.autosave.flush()
            back = self.tr("←  Terug naar de sessie")
        pages.set_template_note(self.documents.describe_templates())
        self.settings.last_scan_id = scan_id  # a restart comes back to this scan and page
        pages.open(scan_id, page, back_text=back)
        self.toolbar.hide()  # like the session: the page's own bar has what is needed
        self.session_menu.setEnabled(False)
        self.stack.setCurrentWidget(pages)
        pages.focus_content()
        self._update_actions()

    def _remember_page(self, page: int) -> None:
        from zelfscan_app.gui.scan_pages import PLAN

        self.settings.last_page = "plan" if page == PLAN else "results"

    def go_back(self) -> None:
        """Esc, '← Overzicht' or Ctrl+W: from a page back where it came from, else close."""
        pages = self._shown_pages()
        if pages is None:
            self.close_scan()
            return
        self.settings.last_page = ""
        pages.commit_edits()
        self.session_menu.setEnabled(True)
        if self.session_widget is not None:
            self.stack.setCurrentWidget(self.session_widget)
            self.session_widget.focus_question()
        else:
            self.stack.setCurrentWidget(self.list_page)
            self.toolbar.show()
            if pages.scan_id is not None:
                self.list_page.select_scan(pages.scan_id)
            self.list_page.table.setFocus()
        self._update_actions()

    def write_report(self) -> None:
        scan_id = self.current_scan_id()
        if scan_id is not None:
            if self.session_widget is not None:
                self.session_widget.session.autosave.flush()
            self.documents.write_report(scan_id)

    def choose_template_dir(self) -> None:
        self.documents.choose_template_dir()
        self._template_changed()

    def reset_template_dir(self) -> None:
        self.documents.reset_template_dir()
        self._template_changed()

    def _template_changed(self) -> None:
        if self.pages is not None:
            self.pages.set_template_note(self.documents.describe_templates())
        self._update_actions()

    def confirm(self, title: str, text: str) -> bool:
        """Ask the user yes/no, through the function the window was given."""
        return self._ask(self, title, text)

    # View -----------------------------------------------------------------------------------
    def set_font_scale(self, scale: float) -> None:
        self.settings.font_scale = scale
        self._scale = self.settings.font_scale
        apply_style(_application(), self._scale)
        if self.session_widget is not None:
            self.session_widget.set_font_scale(self._scale)
        self.statusBar().showMessage(
            arg(self.tr("Tekstgrootte %1%"), round(self._scale * 100)), 3000
        )

    def ask_block_minutes(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("Bloktijd"),
            self.tr("Hoeveel minuten duurt een blok?"),
            self.settings.block_minutes,
            1,
            240,
        )
        if ok:
            self.settings.block_minutes = minutes
            if self.session_widget is not None:
                self.session_widget.header.timer.set_minutes(minutes)

    def _presentation_changed(self, on: bool) -> None:
        self.menuBar().setVisible(not on)
        self.toolbar.setVisible(not on and self.session_widget is None)
        self.statusBar().setVisible(not on)
        if on:
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
        elif self._was_maximized:
            self.showMaximized()
        else:
            self.showNormal()

    def _fill_session_menu(self) -> None:
        menu = self.session_menu
        menu.clear()
        widget = self.session_widget
        if widget is None:
            placeholder = menu.addAction(self.tr("Open eerst een zelfscan"))
            placeholder.setEnabled(False)
            menu.addSeparator()
            menu.addAction(self.actions.timer_minutes)
            return
        for action in (
            widget.act_op_orde,
            widget.act_niet_op_orde,
            widget.act_clear,
            widget.act_flag,
            None,
            widget.act_previous,
            widget.act_next,
            None,
            widget.act_results,
            widget.act_search,
            widget.act_glossary,
            widget.act_navigator,
            widget.act_presentation,
            None,
            widget.act_timer,
            self.actions.timer_minutes,
        ):
            menu.addSeparator() if action is None else menu.addAction(action)

    def _update_title(self) -> None:
        title = self.tr("Zelfscan Kwaliteitskader")
        if self.session_widget is not None:
            scan = self.session_widget.session.scan
            title = f"{scan.gemeente} · {scan.soort.value} {long_date(scan.datum)} — {title}"
        self.setWindowTitle(title)

    def _update_actions(self) -> None:
        a = self.actions
        has_db = self.db is not None
        in_session = self.session_widget is not None
        selected = self.list_page.current_scan_id() is not None
        a.new.setEnabled(has_db)
        a.open.setEnabled(has_db and selected and not in_session)
        a.edit.setEnabled(has_db and (selected or in_session))
        a.delete.setEnabled(has_db and selected and not in_session)
        a.undo.setEnabled(self._undo_scan_id is not None)
        a.trash.setEnabled(has_db)
        a.region.setEnabled(has_db)
        on_pages = self.pages_shown()
        has_scan = has_db and (selected or in_session or on_pages)
        a.results.setEnabled(has_scan)
        a.plan.setEnabled(has_scan)
        a.report.setEnabled(has_scan)
        a.template_reset.setEnabled(self.settings.template_dir is not None)
        if on_pages:
            a.open.setEnabled(False)
            a.delete.setEnabled(False)
        a.back.setEnabled(in_session or on_pages)
        a.back.setVisible(in_session or on_pages)
        self.list_page.new_button.setEnabled(has_db)
        self.list_page.open_button.setEnabled(a.open.isEnabled())
        if getattr(self, "publisher", None) is not None:
            self.publisher.update()
        if self.exchange is not None:
            self.exchange.update()
        else:
            a.import_.setEnabled(False)
            a.export.setEnabled(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._icon_set:  # the icon is read once the window has been painted (~10 ms
            self._icon_set = True  # on X11 for the 512 px PNG; a timer at show ran before)
            QTimer.singleShot(0, self._set_icon)

    def _set_icon(self) -> None:
        from PySide6.QtGui import QIcon

        from zelfscan_app.resources import resources_dir

        try:
            path = resources_dir() / "icons" / "zelfscan.png"
        except FileNotFoundError:  # no icon rather than no window
            return
        if path.is_file():
            icon = QIcon(str(path))
            QApplication.setWindowIcon(icon)
            self.setWindowIcon(icon)

    def _save_failed(self, message: str) -> None:
        self.statusBar().showMessage(arg(self.tr("Niet opgeslagen: %1"), message), 10000)

    # Help -----------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        from zelfscan_app.gui.help_dialogs import show_shortcuts

        show_shortcuts(self)

    def show_about(self) -> None:
        from zelfscan_app.gui.help_dialogs import show_about

        show_about(self, self.questionnaire if self.load_questionnaire() else None)

    # Closing --------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        widget = self.session_widget
        if (
            widget is not None
            and not widget.close_session()
            and not self.confirm(
                self.tr("Niet alles is opgeslagen"),
                self.tr("Een toelichting kon niet worden opgeslagen. Toch afsluiten?"),
            )
        ):
            event.ignore()
            return
        if widget is not None and widget.presentation:
            widget.set_presentation(False)
        if widget is not None:
            widget.header.timer.pause()
        if self.pages is not None:
            self.pages.commit_edits()  # a cell still being edited in the plan van aanpak
        if self.exchange is not None:
            self.exchange.shutdown()
        if getattr(self, "publisher", None) is not None:
            self.publisher.shutdown()
            self.backups.shutdown()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        super().closeEvent(event)


def _application() -> QApplication:
    """The running QApplication (the window cannot exist without one)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _short_url(url: str) -> str:
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        return path if len(path) < 60 else "…" + path[-58:]
    from zelfscan_app.storage.faults import display_name

    return display_name(url)  # never the password
