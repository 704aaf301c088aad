"""The regional overview's content: the spider beside four tabs (per gemeente, spreiding, per
vraag, ontbrekend en onvolledig), all showing one `RegionReport`.

`set_report` fills every model and text from the report (which already decided what may be
shown); clicking a heat-map cell or a question shows the answers behind it (gui.region.details).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.gui.answer_html import hint_html
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.region.details import cell_html, legend_html, question_html
from zelfscan_app.gui.region.heatmap_model import NAME, HeatMapModel
from zelfscan_app.gui.region.questions_model import OP_ORDE, TEXT, QuestionsModel, StatusModel
from zelfscan_app.gui.region.spread_view import SpreadView
from zelfscan_app.gui.results.spider_canvas import SpiderCanvas
from zelfscan_app.services.region import RegionReport


class RegionContent(QSplitter):
    """The spider (left) and the tabs (right); overlayRefused(str) when a 9th overlay is asked."""

    overlayRefused = Signal(str)

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.questionnaire = questionnaire
        self._report: RegionReport | None = None
        self._filling = False  # set_report draws the spider once, after the texts around it
        self.canvas = SpiderCanvas()
        # Beside the heat map on a 1366×768 screen at 125 %: a little smaller than on results.
        self.canvas.setMinimumSize(300, 300)
        self.canvas.setAccessibleName(self.tr("Regionaal spindiagram"))
        self.overlay_hint = QLabel()
        self.overlay_hint.setObjectName("hint")
        self.overlay_hint.setWordWrap(True)
        left = self._left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.canvas, 1)
        left_layout.addWidget(self.overlay_hint)

        # Per gemeente: the heat map and the answers behind a clicked cell.
        self.heatmap = HeatMapModel(self)
        self.heatmap.overlaysChanged.connect(self._overlays_changed)
        self.heatmap.overlayRefused.connect(self.overlayRefused)
        self.heatmap_proxy = QSortFilterProxyModel(self)
        self.heatmap_proxy.setSourceModel(self.heatmap)
        self.heatmap_proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.heatmap_table = self._table(self.heatmap_proxy, self.tr("Scores per gemeente"))
        self.heatmap_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.heatmap_table.setSortingEnabled(True)
        self.heatmap_table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.heatmap_table.setStyleSheet("QTableView::item { padding: 3px 2px; }")
        # Fixed by default: a new report resets the model, and columns that fit their contents
        # would each be measured over every municipality (`_fit_heatmap_columns` picks two).
        self.heatmap_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.heatmap_table.selectionModel().currentChanged.connect(self._cell_chosen)
        self.legend = QLabel()
        self.legend.setObjectName("hint")
        self.legend.setWordWrap(True)
        self.cell_detail = self._browser(self.tr("Antwoorden van de gekozen gemeente"))
        self.heatmap_hidden = QLabel()
        self.heatmap_hidden.setObjectName("emptyState")
        self.heatmap_hidden.setWordWrap(True)
        self.heatmap_hidden.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heat = QWidget()
        heat_layout = QVBoxLayout(heat)
        heat_layout.setContentsMargins(0, 8, 0, 0)
        self.heatmap_split = _over(self.heatmap_table, self.cell_detail)
        heat_layout.addWidget(self.heatmap_split, 1)
        heat_layout.addWidget(self.heatmap_hidden, 1)
        heat_layout.addWidget(self.legend)

        # Spreiding.
        self.spread = SpreadView()
        spread_scroll = QScrollArea()
        spread_scroll.setWidgetResizable(True)
        spread_scroll.setWidget(self.spread)
        spread_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        # Per vraag.
        self.questions = QuestionsModel(self)
        self.questions_proxy = QSortFilterProxyModel(self)
        self.questions_proxy.setSourceModel(self.questions)
        self.questions_proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.questions_table = self._table(self.questions_proxy, self.tr("Per vraag"))
        self.questions_table.setSortingEnabled(True)
        self.questions_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.questions_table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OP_ORDE, QHeaderView.ResizeMode.Fixed)
        self.questions_table.setColumnWidth(
            OP_ORDE, self.fontMetrics().horizontalAdvance("88 van 88") + 36
        )
        self.questions_table.selectionModel().currentRowChanged.connect(self._question_chosen)
        self.question_detail = self._browser(self.tr("Antwoorden en toelichtingen per gemeente"))
        per_question = _over(self.questions_table, self.question_detail)

        # Ontbrekend en onvolledig.
        self.status = StatusModel(self)
        self.status_table = self._table(
            self.status, self.tr("Ontbrekende en onvolledige gemeenten")
        )
        self.status_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.status_empty = QLabel(
            self.tr("Alle gemeenten zijn er, met volledig ingevulde zelfscans.")
        )
        self.status_empty.setObjectName("muted")
        status = QWidget()
        status_layout = QVBoxLayout(status)
        status_layout.setContentsMargins(0, 8, 0, 0)
        status_layout.addWidget(self.status_empty)
        status_layout.addWidget(self.status_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(heat, self.tr("Per gemeente"))
        self.tabs.addTab(spread_scroll, self.tr("Spreiding"))
        self.tabs.addTab(per_question, self.tr("Per vraag"))
        self.status_tab = self.tabs.addTab(status, self.tr("Ontbrekend en onvolledig"))

        self.addWidget(left)
        self.addWidget(self.tabs)
        self.setStretchFactor(0, 4)
        self.setStretchFactor(1, 6)
        self.setChildrenCollapsible(False)
        self.setSizes([560, 740])

    def _table(self, model: QAbstractItemModel, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setAccessibleName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setHighlightSections(False)
        return table

    def _browser(self, name: str) -> QTextBrowser:
        browser = QTextBrowser()
        browser.setOpenLinks(False)
        browser.setAccessibleName(name)
        return browser

    # Showing a report ----------------------------------------------------------------------------
    @property
    def overlays(self) -> list[str]:
        return self.heatmap.overlays

    def set_report(self, report: RegionReport | None) -> None:
        """Every tab, the legend and the hints from `report` (None: empty); the spider last,
        once the hints below it have their height, so it is laid out once for its size."""
        self._filling = True
        try:
            self._fill(report)
        finally:
            self._filling = False
        left = self._left.layout()
        if left is not None:
            left.activate()  # the hint's new height, now: the canvas gets its final size
        self._draw()

    def _overlays_changed(self, _names: list[str]) -> None:
        if not self._filling:
            self._draw()

    def _fill(self, report: RegionReport | None) -> None:
        self._report = report
        overlays = self.heatmap.overlays
        self.heatmap.set_report(report)
        self.heatmap.set_overlays(overlays)
        self.questions.set_report(report)
        self.status.set_report(report)
        if report is None:
            return
        problems = self.status.problems
        title = self.tr("Ontbrekend en onvolledig")
        self.tabs.setTabText(self.status_tab, f"{title} ({problems})" if problems else title)
        self.status_empty.setVisible(self.status.rowCount() == 0)
        self.status_table.setVisible(self.status.rowCount() > 0)
        shown = report.per_municipality
        self.heatmap_split.setVisible(shown)
        self.heatmap_hidden.setVisible(not shown)
        self.heatmap_hidden.setText(
            arg(
                self.tr(
                    "Er worden geen scores getoond: dit geanonimiseerde overzicht heeft minder "
                    "dan %1 gemeenten."
                ),
                report.min_group_size,
            )
        )
        self.legend.setVisible(shown)
        self._fit_heatmap_columns()
        self.legend.setText(legend_html(self.questionnaire))
        self.cell_detail.setHtml(
            hint_html(self.tr("Klik op een score om de antwoorden van die gemeente te zien."))
        )
        self.question_detail.setHtml(
            hint_html(self.tr("Kies een vraag om de antwoorden per gemeente te zien."))
        )
        if shown:
            self.overlay_hint.setText(
                self.tr(
                    "Vink gemeenten aan onder ‘Per gemeente’ om ze naast het gemiddelde te zien."
                )
            )
        else:
            self.overlay_hint.setText(
                arg(
                    self.tr(
                        "Geen scores: %1 gemeenten deden mee, minder dan %2; in een "
                        "geanonimiseerd overzicht zou zelfs het gemiddelde naar gemeenten wijzen."
                    ),
                    report.picture.count,
                    report.min_group_size,
                )
            )

    def _fit_heatmap_columns(self) -> None:
        """Score columns a fixed "100" wide, the name and answered columns measured once.

        Measured here, once per report, not left to fit their contents: the header re-measures
        such a column over every municipality at each layout pass (seven while the window
        opens), which with 342 municipalities took seconds."""
        table = self.heatmap_table
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        width = self.fontMetrics().horizontalAdvance("100") + 14
        for column in range(1, len(self.questionnaire.standards) + 1):
            table.setColumnWidth(column, width)
        for column in (NAME, self.heatmap.columnCount() - 1):
            if column >= 0:
                table.resizeColumnToContents(column)

    def _draw(self) -> None:
        report = self._report
        if report is None:
            self.canvas.set_chart(None)
            self.spread.set_report(None)
            return
        overlays = self.heatmap.overlays if report.per_municipality else []
        self.canvas.set_chart(report.chart(overlays))
        self.spread.set_report(report, overlays)

    def _cell_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        report = self._report
        if report is None or not current.isValid() or not report.per_municipality:
            return
        source = self.heatmap_proxy.mapToSource(current)
        contribution = self.heatmap.contribution(source.row())
        standard = self.heatmap.standard_of(source.column())
        self.cell_detail.setHtml(cell_html(report, contribution, standard))

    def _question_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        report = self._report
        if report is None or not current.isValid():
            return
        number = self.questions.question(self.questions_proxy.mapToSource(current).row())
        self.question_detail.setHtml(question_html(report, number))


def _over(table: QTableView, detail: QTextBrowser) -> QSplitter:
    """A table over the details of its chosen row or cell, 3 : 2."""
    split = QSplitter(Qt.Orientation.Vertical)
    split.addWidget(table)
    split.addWidget(detail)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    split.setChildrenCollapsible(False)
    return split
