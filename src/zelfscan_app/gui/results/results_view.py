"""Results of one scan: spider, table per standard, details, and comparison with another scan.

Self-contained: give it a database and the questionnaire, then `show_scan(id)`. The session view
connects its answer signal to `on_answer_changed`, and the spider and table follow every answer.
Importing this module loads matplotlib; import it when the view is first needed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.history import HistoryEntry
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan, SoortMeting
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.results.comparison_view import ComparisonView
from zelfscan_app.gui.results.detail_panel import StandardDetail
from zelfscan_app.gui.results.duiding_editor import DuidingEditor
from zelfscan_app.gui.results.duiding_panel import DuidingPanel
from zelfscan_app.gui.results.score_table_model import (
    ANSWERED,
    NIET_OP_ORDE,
    NR,
    SCORE,
    TITLE,
    TOELICHTINGEN,
    ScoreTableModel,
)
from zelfscan_app.gui.results.spider_canvas import SpiderCanvas
from zelfscan_app.gui.standard_help import StandardHelpPanel
from zelfscan_app.reports.spider_data import SpiderChart
from zelfscan_app.services import charts
from zelfscan_app.services import guidance as guidance_service
from zelfscan_app.services import scans as scan_service
from zelfscan_app.storage.database import Database


class ResultsView(QWidget):
    """The results of one scan. Public API: show_scan, set_scan, refresh, compare_with."""

    scanShown = Signal(int)  # the id of the scan now shown (0 for an unsaved scan)
    chartExported = Signal(str)  # path of a written PNG/SVG

    def __init__(
        self, db: Database, questionnaire: Questionnaire, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.db = db
        self.questionnaire = questionnaire
        self._scan: Scan | None = None
        self._other: Scan | None = None
        self._comparison: charts.ScanComparison | None = None
        self._chart: SpiderChart | None = None
        self._stale = False
        self._history: dict[int, list[HistoryEntry]] = {}

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        self.error = QLabel()
        self.error.setObjectName("errorBox")
        self.error.setWordWrap(True)
        self.error.hide()

        self.compare_combo = QComboBox()
        self.compare_combo.setAccessibleName(self.tr("Vergelijk met een andere zelfscan"))
        self.compare_combo.setMinimumContentsLength(18)
        compare_label = QLabel(self.tr("&Vergelijk met:"))
        compare_label.setBuddy(self.compare_combo)
        self.export_button = QPushButton(self.tr("Spindiagram &opslaan…"))
        self.export_button.setToolTip(self.tr("Opslaan als PNG-afbeelding of als SVG"))
        self.export_button.clicked.connect(self._ask_export)
        self.compare_combo.currentIndexChanged.connect(self._compare_chosen)

        self.canvas = SpiderCanvas()
        self.canvas.setMinimumSize(300, 300)  # the page fits 1366 × 768 at 125 % (614 px high)
        self.scores = ScoreTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.scores)
        self.table.setAccessibleName(self.tr("Scores per kwaliteitsstandaard"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TOELICHTINGEN, QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # narrow window: 'Toelichti…'
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.installEventFilter(self)
        self.detail = StandardDetail()
        self.comparison_view = ComparisonView(questionnaire)

        per_standard = QSplitter(Qt.Orientation.Vertical)
        per_standard.addWidget(self.table)
        per_standard.addWidget(self.detail)
        per_standard.setStretchFactor(0, 3)
        per_standard.setStretchFactor(1, 2)
        per_standard.setSizes([620, 380])  # room for all ten rows at 1440 × 900
        self.tabs = QTabWidget()
        self.tabs.addTab(per_standard, self.tr("Per kwaliteitsstandaard"))
        self.comparison_tab = self.tabs.addTab(self.comparison_view, self.tr("Vergelijking"))
        self.tabs.setTabEnabled(self.comparison_tab, False)
        self.duiding = DuidingEditor(db)
        self.duiding_tab = self.tabs.addTab(self.duiding, self.tr("&Duiding door de groep"))
        self.suggestions = DuidingPanel()
        self.suggestions_tab = self.tabs.addTab(self.suggestions, self.tr("Duiding en suggesties"))
        self.help_panel = StandardHelpPanel()
        self.help_tab = self.tabs.addTab(self.help_panel, self.tr("Uitleg bij de standaard"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.canvas)
        splitter.addWidget(self.tabs)
        # The spider gets the width its height allows (readable on a projector); the tables
        # the rest, and a narrow table leaves out what the detail below shows anyway.
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([560, 700])
        splitter.setChildrenCollapsible(False)

        # Title and subtitle on the left, comparison and export on the right: one band,
        # so the spider and the tables get the height of the screen.
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        tools = QHBoxLayout()
        tools.setSpacing(8)
        tools.addWidget(compare_label)
        tools.addWidget(self.compare_combo)
        tools.addSpacing(8)
        tools.addWidget(self.export_button)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addLayout(heading, 1)
        top.addLayout(tools)
        self.title.setWordWrap(True)  # a long name wraps instead of widening the window
        self.subtitle.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self._set_enabled(False)

    # Public API -------------------------------------------------------------------------------
    @property
    def scan(self) -> Scan | None:
        return self._scan

    @property
    def chart(self) -> SpiderChart | None:
        return self._chart

    @property
    def comparison(self) -> charts.ScanComparison | None:
        return self._comparison

    def show_scan(self, scan_id: int) -> None:
        """Load a scan from the database and show it; an evaluatie (or toetsingsmoment) is
        compared with the municipality's nulmeting at once, the question it exists to answer."""
        try:
            scan = scan_service.get_scan(self.db, scan_id)
        except ZelfscanError as exc:
            self._show_error(str(exc))
            return
        self._other = None
        self.set_scan(scan)
        baseline = self._baseline(scan)
        if baseline is not None:
            self.compare_with(baseline)

    def _baseline(self, scan: Scan) -> int | None:
        """The latest nulmeting of the same municipality up to this scan's date, if any."""
        if scan.soort is SoortMeting.NULMETING or scan.id is None:
            return None
        try:
            others = charts.comparable_scans(self.db, scan)  # newest first
        except ZelfscanError:
            return None
        return next(
            (o.id for o in others if o.soort is SoortMeting.NULMETING and o.datum <= scan.datum),
            None,
        )

    def set_scan(self, scan: Scan) -> None:
        """Show a scan as given (also one not saved yet); a comparison of the same place stays."""
        previous = self._scan
        self._scan = scan
        if self._other is not None and (
            previous is None or previous.gemeente.casefold() != scan.gemeente.casefold()
        ):
            self._other = None
        self._fill_compare_combo()
        self.duiding.set_scan(scan.id, scan.duiding)
        self._update()
        self.scanShown.emit(scan.id or 0)

    @Slot()
    def refresh(self) -> None:
        """Reload the shown scan (and the one compared with) from the database and redraw."""
        if self._scan is None:
            return
        self._stale = False
        try:
            if self._scan.id is not None:
                self._scan = scan_service.get_scan(self.db, self._scan.id)
            if self._other is not None and self._other.id is not None:
                self._other = scan_service.get_scan(self.db, self._other.id)
        except ZelfscanError as exc:
            self._show_error(str(exc))
            return
        self.duiding.set_scan(self._scan.id, self._scan.duiding)
        self._update()

    @Slot(int)
    def on_answer_changed(self, question: int = 0) -> None:
        """Connect ScanSession.answerChanged here: the answer is stored, so reload and redraw.

        While the view is hidden (the group is answering), it only notes that it is behind and
        catches up when shown, so answering never waits for a chart nobody sees.
        """
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def compare_with(self, scan_id: int | None) -> None:
        """Compare with another scan of the same municipality (None: no comparison)."""
        if scan_id is None:
            self._other = None
        else:
            try:
                self._other = scan_service.get_scan(self.db, scan_id)
            except ZelfscanError as exc:
                self._show_error(str(exc))
                return
        index = self.compare_combo.findData(scan_id if scan_id is not None else -1)
        if index >= 0 and index != self.compare_combo.currentIndex():
            self.compare_combo.blockSignals(True)
            self.compare_combo.setCurrentIndex(index)
            self.compare_combo.blockSignals(False)
        self._update()

    def export_chart(self, path: str | Path) -> Path:
        """Write the spider as shown to a .png or .svg file (ZelfscanError with a Dutch text)."""
        if self._chart is None:
            raise ZelfscanError("er is nog geen zelfscan gekozen")
        written = charts.export_chart(self._chart, path)
        self.chartExported.emit(str(written))
        return written

    def select_standard(self, number: int) -> None:
        row = self.scores.row_of(number)
        self.table.selectionModel().setCurrentIndex(
            self.scores.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    # Internals --------------------------------------------------------------------------------
    def _set_enabled(self, on: bool) -> None:
        self.export_button.setEnabled(on)
        self.compare_combo.setEnabled(on and self.compare_combo.count() > 1)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _update(self) -> None:
        scan = self._scan
        if scan is None:
            return
        self.error.hide()
        try:
            self._comparison = (
                charts.compare_scans(self.questionnaire, scan, self._other)
                if self._other is not None
                else None
            )
            self._chart = charts.scan_chart(self.questionnaire, scan, self._other)
        except ZelfscanError as exc:
            self._other = None
            self._comparison = None
            self._chart = charts.scan_chart(self.questionnaire, scan)
            self._show_error(str(exc))
        results = charts.standard_results(self.questionnaire, scan)
        answered = sum(r.score.answered for r in results)
        total = sum(r.score.total for r in results)
        self.title.setText(f"{scan.gemeente} — {charts.scan_label(scan).lower()}")
        self.subtitle.setText(
            arg(
                self.tr(
                    "%1 van %2 vragen beantwoord · score: percentage ‘Op orde’ van de antwoorden"
                ),
                answered,
                total,
            )
        )
        # On screen the page's title says whose chart it is: the picture keeps the room for the
        # spider itself (an exported chart keeps its title and note).
        self.canvas.set_chart(replace(self._chart, title="", subtitle="", note=""))
        self.scores.set_results(results)
        current = self.table.selectionModel().currentIndex()
        self._history = self._load_history(scan)
        self.detail.set_result(results[current.row()] if current.isValid() else None, self._history)
        self.comparison_view.set_comparison(self._comparison)
        self.suggestions.set_duiding(
            guidance_service.scan_duiding(self.db, self.questionnaire, scan)
        )
        self._show_help(current)
        self.tabs.setTabEnabled(self.comparison_tab, self._comparison is not None)
        self._set_enabled(True)

    def _load_history(self, scan: Scan) -> dict[int, list[HistoryEntry]]:
        """Who changed which answer when, per question (shown under it in the detail)."""
        if scan.id is None:
            return {}
        try:
            entries = scan_service.answer_history(self.db, scan.id)
        except ZelfscanError:  # the shared database is away: the results still show
            return {}
        grouped: dict[int, list[HistoryEntry]] = {}
        for entry in entries:
            grouped.setdefault(entry.question, []).append(entry)
        return grouped

    def _fill_compare_combo(self) -> None:
        scan = self._scan
        self.compare_combo.blockSignals(True)
        self.compare_combo.clear()
        self.compare_combo.addItem(self.tr("Geen vergelijking"), -1)
        if scan is not None and scan.id is not None:
            try:
                others = charts.comparable_scans(self.db, scan)
            except ZelfscanError:
                others = []
            for item in others:
                label = f"{item.soort.value.capitalize()} {charts.dutch_date(item.datum)}"
                self.compare_combo.addItem(label, item.id)
        wanted = self._other.id if self._other is not None else -1
        self.compare_combo.setCurrentIndex(max(0, self.compare_combo.findData(wanted)))
        self.compare_combo.blockSignals(False)
        self.compare_combo.setEnabled(self.compare_combo.count() > 1)

    def _compare_chosen(self, index: int) -> None:
        scan_id = self.compare_combo.itemData(index)
        self.compare_with(None if scan_id in (None, -1) else int(scan_id))
        if self._comparison is not None:
            self.tabs.setCurrentIndex(self.comparison_tab)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._fit_columns)  # once the viewport has its width
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """No sideways scrolling on a narrow screen: first the toelichtingen (the detail below
        has them in full), then the answered count make way."""
        header = self.table.horizontalHeader()

        def width(column: int) -> int:
            return max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))

        room = self.table.viewport().width()
        needed = sum(width(c) for c in (NR, TITLE, SCORE, NIET_OP_ORDE))
        answered = width(ANSWERED)
        self.table.setColumnHidden(ANSWERED, needed + answered > room)
        narrow = needed + answered + 120 > room
        self.table.setColumnHidden(TOELICHTINGEN, narrow)
        mode = QHeaderView.ResizeMode.Stretch if narrow else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(NIET_OP_ORDE, mode)  # the last column takes what is left

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.set_result(
            self.scores.result(current.row()) if current.isValid() else None, self._history
        )
        self._show_help(current)

    def _show_help(self, current: QModelIndex) -> None:
        """The help tab follows the chosen standard; without one, the one with most room."""
        scan = self._scan
        if current.isValid():
            number = self.scores.result(current.row()).number
        else:
            room = self.suggestions.duiding.most_room if self.suggestions.duiding else ()
            number = room[0] if room else self.questionnaire.standards[0].number
        self.help_panel.set_help(
            guidance_service.help_for_standard(self.db, self.questionnaire, scan, number)
        )

    def _ask_export(self) -> None:
        from zelfscan_app.gui.export_helper import export_file

        if self._scan is None:
            return
        png, svg = self.tr("PNG-afbeelding (*.png)"), self.tr("SVG-afbeelding (*.svg)")
        written = export_file(
            self,
            self.tr("Spindiagram opslaan"),
            self._default_name(),
            f"{png};;{svg}",
            self.export_chart,
        )
        if written is not None:
            self.subtitle.setText(arg(self.tr("Opgeslagen: %1"), written))

    def _default_name(self) -> str:
        scan = self._scan
        assert scan is not None
        slug = re.sub(r"[^a-z0-9]+", "-", scan.gemeente.lower()).strip("-") or "gemeente"
        name = f"spindiagram-{slug}-{scan.soort.value}-{scan.datum.isoformat()}"
        if self._other is not None:
            name += f"-vergeleken-{self._other.datum.isoformat()}"
        return name + ".png"
