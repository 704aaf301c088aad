"""The results and the plan van aanpak of one scan, as pages of the main window.

A calm bar on top (back, the two pages, the findings report), then either the results view
(spider, scores, comparison over time) or the improvement-action editor with its Word button.
Both heavy views are imported the first time they are shown: the results view loads matplotlib,
and neither belongs on the start-up path. Esc, or the back button, returns to where the user came
from (the list, or the session that was open).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.gui.i18n import arg

if TYPE_CHECKING:
    from zelfscan_app.gui.plan.actions_editor import ActionsEditor
    from zelfscan_app.gui.results.results_view import ResultsView

RESULTS, PLAN = 0, 1


class ScanPages(QWidget):
    """Results and plan van aanpak of one scan; the window decides where 'back' goes."""

    backRequested = Signal()
    planDocumentRequested = Signal(int)  # scan id
    reportRequested = Signal(int)  # scan id
    pageChanged = Signal(int)  # RESULTS or PLAN

    def __init__(self, db, questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPages")
        self.db = db
        self.questionnaire = questionnaire
        self.scan_id: int | None = None
        # Made on first show (it loads matplotlib).
        self.results_view: ResultsView | None = None
        # The plan's table for the scan shown, made when the plan is shown.
        self.editor: ActionsEditor | None = None
        self._editor_scan: int | None = None

        self.back_button = QPushButton(self.tr("←  Overzicht"))
        self.back_button.setAccessibleName(self.tr("Terug"))
        self.back_button.setToolTip(self.tr("Terug (Esc)"))
        self.back_button.clicked.connect(self.backRequested)
        self.results_button = QPushButton(self.tr("Resultaten"))
        self.plan_button = QPushButton(self.tr("Plan van aanpak"))
        self.switch = QButtonGroup(self)
        for page, button in ((RESULTS, self.results_button), (PLAN, self.plan_button)):
            button.setCheckable(True)
            self.switch.addButton(button, page)
        self.switch.idClicked.connect(self.show_page)
        self.report_button = QPushButton(self.tr("Rapport (Word)…"))
        self.report_button.setToolTip(
            self.tr("Een rapportage maken met spindiagram, scores en toelichtingen")
        )
        self.report_button.clicked.connect(self._report)

        bar = QWidget()
        bar.setObjectName("pageBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(bar)
        row.setContentsMargins(24, 10, 24, 10)
        row.setSpacing(8)
        row.addWidget(self.back_button)
        row.addSpacing(16)
        row.addWidget(self.results_button)
        row.addWidget(self.plan_button)
        row.addStretch(1)
        row.addWidget(self.report_button)

        self.results_page = self._results_page()
        self.plan_page = self._plan_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.results_page)
        self.stack.addWidget(self.plan_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.stack, 1)

    # Building ---------------------------------------------------------------------------------
    def _results_page(self) -> QWidget:
        page = QWidget()
        self.notice = QFrame()
        self.notice.setObjectName("noticeBox")
        self.notice_text = QLabel()
        self.notice_text.setWordWrap(True)
        self.notice_button = QPushButton(self.tr("Naar het plan van aanpak  →"))
        self.notice_button.clicked.connect(lambda: self.show_page(PLAN))
        notice_row = QHBoxLayout(self.notice)
        notice_row.setContentsMargins(16, 10, 12, 10)
        notice_row.addWidget(self.notice_text, 1)
        notice_row.addWidget(self.notice_button)
        self.notice.hide()
        self._results_layout = QVBoxLayout(page)
        self._results_layout.setContentsMargins(0, 0, 0, 0)
        self._results_layout.setSpacing(0)
        notice_box = QVBoxLayout()
        notice_box.setContentsMargins(24, 14, 24, 0)
        notice_box.addWidget(self.notice)
        self._results_layout.addLayout(notice_box)
        return page

    def _plan_page(self) -> QWidget:
        page = QWidget()
        self.plan_title = QLabel()  # the scan, as on the results page
        self.plan_title.setObjectName("pageTitle")
        self.plan_title.setWordWrap(True)
        self.template_note = QLabel()
        self.template_note.setObjectName("hint")
        self.template_note.setWordWrap(True)
        self.word_button = QPushButton(self.tr("Word-document maken…"))
        self.word_button.setProperty("primary", True)
        self.word_button.setToolTip(
            self.tr("Het plan van aanpak (bijlage 5) als Word-document, met de acties hieronder")
        )
        self.word_button.clicked.connect(self._plan_document)
        # Title left, the document on the right (as on the results page): the table gets the
        # height of the screen.
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.plan_title)
        heading.addWidget(self.template_note)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addLayout(heading, 1)
        top.addWidget(self.word_button, 0, Qt.AlignmentFlag.AlignTop)
        self._plan_layout = QVBoxLayout(page)
        self._plan_layout.setContentsMargins(24, 14, 24, 14)
        self._plan_layout.setSpacing(10)
        self._plan_layout.addLayout(top)
        self._plan_layout.addStretch(1)  # replaced by the editor
        return page

    # Showing ----------------------------------------------------------------------------------
    def open(self, scan_id: int, page: int = RESULTS, *, back_text: str = "") -> None:
        """Show a scan's results or plan; `back_text` names where the back button goes."""
        self.scan_id = scan_id
        self.back_button.setText(back_text or self.tr("←  Overzicht"))
        self.show_page(page, reload=True)

    def show_page(self, page: int, reload: bool = False) -> None:
        scan_id = self.scan_id
        if scan_id is None:
            return
        self.commit_edits()
        if page == PLAN:
            self._show_plan(scan_id, reload)
            self.stack.setCurrentWidget(self.plan_page)
        else:
            self._show_results(scan_id, reload)
            self.stack.setCurrentWidget(self.results_page)
        self.switch.button(page).setChecked(True)
        self.back_button.setToolTip(
            self.tr("Terug (Ctrl+W)") if page == PLAN else self.tr("Terug (Esc of Ctrl+W)")
        )
        self.pageChanged.emit(page)

    def focus_content(self) -> None:
        """Keys go to the page's table (arrows move, Esc goes back)."""
        if self.page == PLAN and self.editor is not None:
            self.editor.table.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.results_view is not None:
            self.results_view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def page(self) -> int:
        return PLAN if self.stack.currentWidget() is self.plan_page else RESULTS

    def _show_results(self, scan_id: int, reload: bool) -> None:
        if self.results_view is None:
            from zelfscan_app.gui.export_helper import wait_cursor

            with wait_cursor():  # matplotlib loads once
                from zelfscan_app.gui.results.results_view import ResultsView

                view = self.results_view = ResultsView(self.db, self.questionnaire)
                self._results_layout.addWidget(view, 1)
                view.show_scan(scan_id)
        elif reload:
            view = self.results_view
            if view.scan is None or view.scan.id != scan_id:
                view.show_scan(scan_id)
            else:
                view.refresh()  # answers may have changed in the session since
        self._show_earlier_actions()

    def _show_plan(self, scan_id: int, reload: bool) -> None:
        from zelfscan_app.services.charts import scan_label
        from zelfscan_app.services.scans import get_scan

        if self.editor is None or self._editor_scan != scan_id or reload:
            from zelfscan_app.gui.plan.actions_editor import ActionsEditor

            editor = ActionsEditor(self.db, self.questionnaire, scan_id)
            if self.editor is not None:
                self._plan_layout.replaceWidget(self.editor, editor)
                self.editor.deleteLater()
            else:
                stretch = self._plan_layout.itemAt(1)
                if stretch is not None:
                    self._plan_layout.removeItem(stretch)
                self._plan_layout.insertWidget(1, editor, 1)
            editor_layout = editor.layout()
            if editor_layout is not None:
                editor_layout.setContentsMargins(0, 0, 0, 0)
            self.editor = editor
            self._editor_scan = scan_id
        scan = get_scan(self.db, scan_id)
        self.plan_title.setText(f"{scan.gemeente} — {scan_label(scan).lower()}")

    def set_template_note(self, text: str) -> None:
        self.template_note.setText(text)

    def _show_earlier_actions(self) -> None:
        text = self.earlier_actions_text()
        self.notice_text.setText(text)
        self.notice.setVisible(bool(text))

    # Edits and documents ------------------------------------------------------------------------
    def commit_edits(self) -> None:
        """Store a cell that is still being edited (before leaving, or writing the document)."""
        editor = self.editor
        if editor is None:
            return
        table = editor.table
        if table.state() != QAbstractItemView.State.EditingState:
            return
        focus = QApplication.focusWidget()
        if focus is not None and table.isAncestorOf(focus):
            table.commitData(focus)
            table.closeEditor(focus, QAbstractItemDelegate.EndEditHint.NoHint)

    def _plan_document(self) -> None:
        self.commit_edits()
        if self.scan_id is not None:
            self.planDocumentRequested.emit(self.scan_id)

    def _report(self) -> None:
        self.commit_edits()
        if self.scan_id is not None:
            self.reportRequested.emit(self.scan_id)

    def earlier_actions_text(self) -> str:
        """'3 openstaande acties uit de nulmeting van 9 maart 2025 — …' ('' when there are none)."""
        from zelfscan_app.services.actions import open_earlier_actions
        from zelfscan_app.services.charts import dutch_date
        from zelfscan_app.services.scans import get_scan

        if self.scan_id is None:
            return ""
        counts: dict[int, int] = {}
        for earlier, _action in open_earlier_actions(self.db, self.scan_id):
            counts[earlier] = counts.get(earlier, 0) + 1
        parts = []
        for earlier, count in counts.items():
            scan = get_scan(self.db, earlier)
            parts.append(
                arg(
                    self.tr("1 openstaande actie uit de %2 van %3")
                    if count == 1
                    else self.tr("%1 openstaande acties uit de %2 van %3"),
                    count,
                    scan.soort.value,
                    dutch_date(scan.datum),
                )
            )
        if not parts:
            return ""
        listed = (
            parts[0]
            if len(parts) == 1
            else arg(self.tr("%1 en %2"), ", ".join(parts[:-1]), parts[-1])
        )
        return arg(self.tr("%1 — zijn ze met deze uitkomsten afgerond?"), listed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc on the results goes back. On the plan Esc only cancels editing (the open cell
        editor takes it first): a second Esc must not throw the user off the page."""
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if self.page != PLAN:
                self.backRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
