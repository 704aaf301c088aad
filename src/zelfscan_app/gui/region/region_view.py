"""Regio-overzicht: the scans of a region merged, as a spider, a heat map, a spread and counts.

Self-contained: give it a database and the questionnaire. Every number comes from
`services.region` (which calls `domain.region`), and every name, text and count passes through
one `RegionReport`, so the anonymised view shows exactly what the anonymised exports contain.
Dropping .xlsx files on the window imports them in a worker thread with a progress bar and a
cancel button. Importing this module loads matplotlib (the spider canvas).
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.region import MIN_GROUP_SIZE
from zelfscan_app.domain.scan import AnswerValue, SoortMeting
from zelfscan_app.dutch_text import gemeenten
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.file_dialogs import start_folder, start_path
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.region.heatmap_model import NAME, HeatMapModel
from zelfscan_app.gui.region.import_worker import ImportJob
from zelfscan_app.gui.region.questions_model import OP_ORDE, TEXT, QuestionsModel, StatusModel
from zelfscan_app.gui.region.spread_view import SpreadView
from zelfscan_app.gui.results.spider_canvas import SpiderCanvas
from zelfscan_app.reports.scan_context import NO_SCORE_COLOUR, SCORE_COLOURS
from zelfscan_app.reports.spider_data import format_percent
from zelfscan_app.services import region as region_service
from zelfscan_app.services.region import RegionPicture, RegionReport
from zelfscan_app.storage.database import Database

_ANSWER_COLOURS = {AnswerValue.OP_ORDE: "#2E7D0B", AnswerValue.NIET_OP_ORDE: "#C5281C"}
_MUTED = "#4f5b66"
_CLASS_LABELS = ("0–24%", "25–49%", "50–74%", "75–99%", "100%")

# Sources in the region combo: ("regio", name), ("ids", (id, …), label), ("all",), ("pick",)
Source = tuple


class RegionView(QWidget):
    """The regional overview. Public API: refresh, select_region, select_scans, set_soort,
    set_anonymous, set_min_group_size, set_show_texts, import_files and the export_* methods."""

    reportChanged = Signal()
    importFinished = Signal(object)  # ImportReport, or the Exception that stopped it

    def __init__(
        self,
        db: Database,
        questionnaire: Questionnaire,
        parent: QWidget | None = None,
        *,
        key_file: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("regionView")
        self.setWindowTitle(self.tr("Regio-overzicht — Zelfscan Kwaliteitskader"))
        self.setAcceptDrops(True)
        self.db = db
        self.questionnaire = questionnaire
        self._seed = secrets.randbits(32)
        # A municipality keeps its code while this window is open, whichever region, soort or
        # files are shown: the key remembers every letter handed out in this session.
        self._letters = region_service.new_letter_key()
        # 'Codes bewaren': the key is read from and written to this file, across sessions.
        self._key_file = key_file or region_service.default_letter_key_path(db)
        self._picture: RegionPicture | None = None
        self._report: RegionReport | None = None
        self._job: ImportJob | None = None
        self._last_import: object = None
        self._extra_sources: list[tuple[str, Source]] = []
        self._titles: dict[tuple[int, ...], str] = {}  # a chosen set of scans → its name

        self._build_header()
        self._build_controls()
        self._build_import_bar()
        self._build_content()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 14)
        layout.setSpacing(10)
        layout.addLayout(self._header)
        layout.addWidget(self.subtitle)
        layout.addLayout(self._controls)
        layout.addWidget(self.notice)
        layout.addWidget(self.import_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.drop_hint)
        self.refresh()

    # Building -------------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.title = QLabel(self.tr("Regio-overzicht"))
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Werkmappen &inlezen…"))
        self.import_button.setToolTip(
            self.tr("Ingevulde zelfscanwerkmappen (.xlsx) inlezen; slepen op het venster kan ook")
        )
        self.import_button.clicked.connect(self._ask_import)
        self.export_button = QPushButton(self.tr("&Exporteren"))
        self.export_button.setProperty("primary", True)
        menu = QMenu(self.export_button)
        self.export_actions = {
            "xlsx": menu.addAction(self.tr("Regiowerkmap (.xlsx)…"), self.export_workbook),
            "docx": menu.addAction(self.tr("Regiorapport (Word, .docx)…"), self.export_document),
            "png": menu.addAction(self.tr("Spindiagram (.png of .svg)…"), self.export_chart),
            "json": menu.addAction(self.tr("Samenvatting voor analyse (.json)…"), self.export_json),
        }
        self.export_button.setMenu(menu)
        self._header = QHBoxLayout()
        self._header.addWidget(self.title)
        self._header.addStretch(1)
        self._header.addWidget(self.import_button)
        self._header.addWidget(self.export_button)

    def _build_controls(self) -> None:
        self.source_combo = QComboBox()
        self.source_combo.setAccessibleName(self.tr("Regio of zelfscans"))
        self.source_combo.setMinimumContentsLength(20)
        self.source_combo.setMinimumWidth(110)  # may shrink: the row fits 1093 px (125 %)
        self.source_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        source_label = QLabel(self.tr("&Regio:"))
        source_label.setBuddy(self.source_combo)
        self.soort_combo = QComboBox()
        self.soort_combo.setAccessibleName(self.tr("Welke zelfscan per gemeente"))
        self.soort_combo.setMinimumWidth(110)
        self.soort_combo.addItem(self.tr("Nieuwste per gemeente"), None)
        self.soort_combo.addItem(self.tr("Alleen nulmetingen"), SoortMeting.NULMETING.value)
        self.soort_combo.addItem(self.tr("Alleen evaluaties"), SoortMeting.EVALUATIE.value)
        self.soort_combo.addItem(
            self.tr("Alleen toetsingsmomenten"), SoortMeting.TOETSINGSMOMENT.value
        )
        soort_label = QLabel(self.tr("&Meting:"))
        soort_label.setBuddy(self.soort_combo)
        self.anonymous_check = QCheckBox(self.tr("&Geanonimiseerd"))
        self.anonymous_check.setToolTip(
            self.tr(
                "Gemeenten heten ‘Gemeente A, B, …’ in het venster en in alle exports; geen "
                "namen en geen toelichtingen"
            )
        )
        self.group_spin = QSpinBox()
        self.group_spin.setRange(2, 99)
        self.group_spin.setValue(MIN_GROUP_SIZE)
        self.group_spin.setAccessibleName(self.tr("Minimale groepsgrootte"))
        self.group_spin.setToolTip(
            self.tr(
                "Bij minder gemeenten toont een geanonimiseerd overzicht geen scores, ook geen "
                "gemiddelde: alleen hoeveel gemeenten meededen"
            )
        )
        self.group_label = QLabel(self.tr("minimale &groep:"))
        self.group_label.setBuddy(self.group_spin)
        self.texts_check = QCheckBox(self.tr("&Toelichtingen"))  # one row at 1280 px
        self.texts_check.setAccessibleName(self.tr("Toelichtingen tonen"))
        self.texts_check.setToolTip(
            self.tr(
                "Toelichtingen tonen, ook geanonimiseerd, met gemeente- en persoonsnamen vervangen"
            )
        )
        self.keep_codes_check = QCheckBox(self.tr("Codes &bewaren"))
        self.keep_codes_check.setToolTip(
            self.tr(
                "Een gemeente houdt haar letter ook in een volgende sessie: de letters staan in "
                "een sleutelbestand naast de database (met een geheim, zonder namen)"
            )
        )
        self.keep_codes_check.toggled.connect(self._keep_codes_toggled)
        self.source_combo.activated.connect(self._source_chosen)
        self.soort_combo.currentIndexChanged.connect(lambda _: self._reload())
        self.anonymous_check.toggled.connect(lambda _: self._present())
        self.group_spin.valueChanged.connect(lambda _: self._present())
        self.texts_check.toggled.connect(lambda _: self._present())
        self._controls = QHBoxLayout()
        self._controls.setSpacing(8)
        for widget in (source_label, self.source_combo, soort_label, self.soort_combo):
            self._controls.addWidget(widget)
        self._controls.addSpacing(10)
        for widget in (
            self.anonymous_check,
            self.group_label,
            self.group_spin,
            self.texts_check,
            self.keep_codes_check,
        ):
            self._controls.addWidget(widget)
        self._controls.addStretch(1)
        self.notice = QLabel()
        self.notice.setObjectName("warningBox")
        self.notice.setWordWrap(True)
        self.notice.hide()

    def _build_import_bar(self) -> None:
        self.import_bar = QWidget()
        self.import_status = QLabel()
        self.import_status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Voortgang van het inlezen"))
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("&Afbreken"))
        self.cancel_button.clicked.connect(self.cancel_import)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.setProperty("flat", True)
        self.details_button.clicked.connect(self._show_import_details)
        self.close_bar_button = QPushButton(self.tr("Sluiten"))
        self.close_bar_button.setProperty("flat", True)
        self.close_bar_button.clicked.connect(self.import_bar.hide)
        bar = QHBoxLayout(self.import_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.import_status, 2)
        bar.addWidget(self.progress, 3)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.details_button)
        bar.addWidget(self.close_bar_button)
        self.import_bar.hide()
        self.drop_hint = QLabel()
        self.drop_hint.setObjectName("hint")
        self._reset_drop_hint()

    def _build_content(self) -> None:
        self.canvas = SpiderCanvas()
        # Beside the heat map on a 1366×768 screen at 125 %: a little smaller than on results.
        self.canvas.setMinimumSize(300, 300)
        self.canvas.setAccessibleName(self.tr("Regionaal spindiagram"))
        self.overlay_hint = QLabel()
        self.overlay_hint.setObjectName("hint")
        self.overlay_hint.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.canvas, 1)
        left_layout.addWidget(self.overlay_hint)

        # Per gemeente: the heat map and the answers behind a clicked cell.
        self.heatmap = HeatMapModel(self)
        self.heatmap.overlaysChanged.connect(lambda _: self._draw())
        self.heatmap.overlayRefused.connect(self._say)
        self.heatmap_proxy = QSortFilterProxyModel(self)
        self.heatmap_proxy.setSourceModel(self.heatmap)
        self.heatmap_proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.heatmap_table = self._table(self.heatmap_proxy, self.tr("Scores per gemeente"))
        self.heatmap_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.heatmap_table.setSortingEnabled(True)
        self.heatmap_table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.heatmap_table.setStyleSheet("QTableView::item { padding: 3px 2px; }")
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
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.heatmap_table)
        split.addWidget(self.cell_detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.heatmap_split = split
        heat_layout.addWidget(split, 1)
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
        per_question = QSplitter(Qt.Orientation.Vertical)
        per_question.addWidget(self.questions_table)
        per_question.addWidget(self.question_detail)
        per_question.setStretchFactor(0, 3)
        per_question.setStretchFactor(1, 2)
        per_question.setChildrenCollapsible(False)

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

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 6)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 740])
        self.splitter = splitter
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty)

    def _table(self, model, name: str) -> QTableView:
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

    # Public API --------------------------------------------------------------------------------
    @property
    def picture(self) -> RegionPicture | None:
        return self._picture

    @property
    def report(self) -> RegionReport | None:
        return self._report

    @property
    def overlays(self) -> list[str]:
        return self.heatmap.overlays

    def refresh(self) -> None:
        """Reload the regions from the database and redraw the current choice."""
        current = self._current_source()
        options = region_service.region_options(self.db)
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        for option in options:
            name = option.regio or self.tr("(zonder regio)")
            self.source_combo.addItem(f"{name} ({option.municipalities})", ("regio", option.regio))
            self.source_combo.setItemData(
                self.source_combo.count() - 1,
                arg(
                    self.tr("%1: %2 gemeenten, %3 zelfscans"),
                    name,
                    option.municipalities,
                    option.scans,
                ),
                Qt.ItemDataRole.ToolTipRole,
            )
        for label, source in self._extra_sources:
            self.source_combo.addItem(label, source)
        if options:
            self.source_combo.addItem(self.tr("Alle zelfscans in de database"), ("all",))
        self.source_combo.addItem(self.tr("Zelfscans kiezen…"), ("pick",))
        index = self._index_of(current) if current else -1
        self.source_combo.setCurrentIndex(max(0, index))
        self.source_combo.blockSignals(False)
        self._reload()

    def select_region(self, regio: str) -> None:
        index = self._index_of(("regio", regio))
        if index < 0:
            raise ValueError(f"unknown region {regio!r}")
        self.source_combo.setCurrentIndex(index)
        self._reload()

    def select_scans(self, scan_ids: Sequence[int], label: str = "") -> None:
        """Show a chosen set of scans (e.g. the ones just imported)."""
        ids = tuple(sorted(set(scan_ids)))
        source = ("ids", ids)
        text = label or arg(self.tr("Zelf gekozen (%1 zelfscans)"), len(ids))
        self._titles[ids] = re.sub(r"\s*\(\d+( zelfscans)?\)$", "", text)
        self._extra_sources = [(t, s) for t, s in self._extra_sources if s != source]
        self._extra_sources.insert(0, (text, source))
        self._extra_sources = self._extra_sources[:3]
        self.refresh()
        self.source_combo.setCurrentIndex(self._index_of(source))
        self._reload()

    def set_soort(self, soort: SoortMeting | None) -> None:
        wanted = soort.value if soort else None
        for index in range(self.soort_combo.count()):
            if self.soort_combo.itemData(index) == wanted:
                self.soort_combo.setCurrentIndex(index)

    def set_anonymous(self, anonymous: bool) -> None:
        self.anonymous_check.setChecked(anonymous)

    def set_min_group_size(self, size: int) -> None:
        self.group_spin.setValue(size)

    def set_show_texts(self, show: bool) -> None:
        self.texts_check.setChecked(show)

    def set_keep_codes(self, keep: bool) -> None:
        self.keep_codes_check.setChecked(keep)

    def _keep_codes_toggled(self, keep: bool) -> None:
        """On: continue with the stored key, or store this session's letters when there is no
        key file yet. Off: the letters stay as they are for the rest of the session."""
        if keep and self._key_file.exists():
            try:
                self._letters = region_service.load_letter_key(self._key_file)
            except ZelfscanError as exc:
                QMessageBox.warning(self, self.tr("Codes bewaren"), str(exc))
                self.keep_codes_check.setChecked(False)
                return
        self._present()
        if keep and self.keep_codes_check.isChecked():
            self._save_key()

    def set_overlays(self, names: list[str]) -> None:
        self.heatmap.set_overlays(names)

    # Loading -----------------------------------------------------------------------------------
    def _index_of(self, source: Source) -> int:
        """findData() does not compare Python tuples; this does."""
        for index in range(self.source_combo.count()):
            data = self.source_combo.itemData(index)
            if data is not None and tuple(data) == tuple(source):
                return index
        return -1

    def _current_source(self) -> Source | None:
        data = self.source_combo.currentData()
        return tuple(data) if data else None

    def _source_chosen(self, _index: int) -> None:
        source = self._current_source()
        if source and source[0] == "pick":
            self._pick_scans()
            return
        self._reload()

    def _pick_scans(self) -> None:
        from zelfscan_app.gui.region.scan_picker import ScanPickerDialog
        from zelfscan_app.services.scans import list_scans

        chosen = {c.scan.id for c in self._picture.contributions} if self._picture else set()
        dialog = ScanPickerDialog(list_scans(self.db), {i for i in chosen if i}, self)
        if dialog.exec() and dialog.model.chosen:
            self.select_scans(dialog.model.chosen)
        else:
            self.refresh()  # back to what was shown

    def _reload(self) -> None:
        source = self._current_source()
        soort_value = self.soort_combo.currentData()
        soort = SoortMeting(soort_value) if soort_value else None
        picture = None
        if source and source[0] == "regio":
            picture = region_service.load_region(
                self.db, self.questionnaire, regio=source[1], soort=soort
            )
        elif source and source[0] == "ids":
            picture = region_service.load_region(
                self.db,
                self.questionnaire,
                scan_ids=list(source[1]),
                soort=soort,
                title=self._titles.get(tuple(source[1]), ""),
            )
        elif source and source[0] == "all":
            picture = region_service.load_region(
                self.db, self.questionnaire, soort=soort, title=self.tr("Alle zelfscans")
            )
        self._picture = picture
        self._present()

    def _present(self) -> None:
        anonymous = self.anonymous_check.isChecked()
        self.group_spin.setEnabled(anonymous)
        self.group_label.setEnabled(anonymous)
        self.texts_check.setEnabled(anonymous)
        self.keep_codes_check.setEnabled(anonymous)
        picture = self._picture
        if picture is None or picture.count == 0:
            self._report = None
        else:
            self._report = RegionReport(
                picture,
                anonymous=anonymous,
                min_group_size=self.group_spin.value(),
                with_texts=self.texts_check.isChecked(),
                seed=self._seed,
                key=self._letters,
            )
            if anonymous and self._report.updated_key is not None:
                changed = self._report.updated_key.letters != self._letters.letters
                self._letters = self._report.updated_key
                if changed and self.keep_codes_check.isChecked():
                    self._save_key()
        overlays = self.heatmap.overlays
        self.heatmap.set_report(self._report)
        self.heatmap.set_overlays(overlays)  # draws
        self.questions.set_report(self._report)
        self.status.set_report(self._report)
        self._update_texts()
        self.reportChanged.emit()

    def _save_key(self) -> None:
        try:
            region_service.save_letter_key(self._letters, self._key_file)
        except ZelfscanError as exc:
            self.keep_codes_check.setChecked(False)
            QMessageBox.warning(self, self.tr("Codes bewaren"), str(exc))

    def _update_texts(self) -> None:
        report, picture = self._report, self._picture
        for action in self.export_actions.values():
            action.setEnabled(report is not None)
        self.export_button.setEnabled(report is not None)
        self.export_button.setProperty("primary", report is not None)
        self.export_button.style().unpolish(self.export_button)
        self.export_button.style().polish(self.export_button)
        has_scans = self.source_combo.count() > 1  # more than 'Zelfscans kiezen…'
        for index in range(self._controls.count()):
            widget = self._controls.itemAt(index).widget()
            if widget is not None:
                widget.setVisible(has_scans)
        if report is None:
            self.stack.setCurrentWidget(self.empty)
            self.empty.setText(self._empty_text())
            self.subtitle.setText("")
            self.notice.hide()
            return
        assert picture is not None
        self.stack.setCurrentIndex(0)
        parts = [
            report.regio_label,
            gemeenten(picture.count),
            picture.selection_text,
        ]
        if report.anonymous:
            parts.append(report.view_text)
        self.subtitle.setText(" · ".join(parts))
        notices = []
        if report.suppressed:
            notices.append(report.disclosure.reason)
        notices += report.cautions
        notices += [report.scrub(w) for w in picture.summary.warnings]
        if picture.other_questionnaire:
            notices.append(
                arg(
                    self.tr(
                        "%1 zelfscan(s) horen bij een andere vragenlijst en tellen niet mee: "
                        "verschillende vragenlijsten worden nooit gemengd."
                    ),
                    picture.other_questionnaire,
                )
            )
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
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
        self.legend.setText(self._legend_html())
        self.cell_detail.setHtml(
            self._hint_html(self.tr("Klik op een score om de antwoorden van die gemeente te zien."))
        )
        self.question_detail.setHtml(
            self._hint_html(self.tr("Kies een vraag om de antwoorden per gemeente te zien."))
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
                    picture.count,
                    report.min_group_size,
                )
            )

    def _empty_text(self) -> str:
        source = self._current_source()
        if not region_service.region_options(self.db):
            return self.tr(
                "Nog geen zelfscans in de database.\nSleep ingevulde werkmappen (.xlsx) op dit "
                "venster, of kies ‘Werkmappen inlezen…’."
            )
        soort = self.soort_combo.currentText().lower()
        if source and source[0] != "pick" and self.soort_combo.currentData():
            return arg(self.tr("Geen zelfscans voor deze keuze (%1)."), soort)
        return self.tr("Kies een regio of een aantal zelfscans.")

    def _fit_heatmap_columns(self) -> None:
        header = self.heatmap_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        width = self.fontMetrics().horizontalAdvance("100") + 14
        for column in range(1, len(self.questionnaire.standards) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.heatmap_table.setColumnWidth(column, width)

    def _legend_html(self) -> str:
        swatches = "".join(
            f"<span style='background:#{colour}; color:#1b1b1b'>&nbsp;{label}&nbsp;</span> "
            for label, colour in zip(_CLASS_LABELS, SCORE_COLOURS, strict=True)
        )
        swatches += (
            f"<span style='background:#{NO_SCORE_COLOUR}; border:1px solid #ccc'>&nbsp;–&nbsp;"
            f"</span> {html.escape(self.tr('geen score'))}"
        )
        titles = " · ".join(
            f"<b>{s.number}</b>&nbsp;{html.escape(s.short_title).replace(' ', '&nbsp;')}"
            for s in self.questionnaire.standards
        )
        scores = html.escape(self.tr("Scores in procenten."))
        return f"{swatches}&nbsp;&nbsp;{scores}<br>{titles}"

    @staticmethod
    def _hint_html(text: str) -> str:
        return f"<p style='color:{_MUTED}'>{html.escape(text)}</p>"

    # Drawing -----------------------------------------------------------------------------------
    def _draw(self) -> None:
        report = self._report
        if report is None:
            self.canvas.set_chart(None)
            self.spread.set_report(None)
            return
        overlays = self.heatmap.overlays if report.per_municipality else []
        self.canvas.set_chart(report.chart(overlays))
        self.spread.set_report(report, overlays)

    # Details -----------------------------------------------------------------------------------
    def _cell_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        report = self._report
        if report is None or not current.isValid() or not report.per_municipality:
            return
        source = self.heatmap_proxy.mapToSource(current)
        c = self.heatmap.contribution(source.row())
        standard = self.heatmap.standard_of(source.column())
        q = self.questionnaire
        numbers = [
            n
            for n in report.picture.question_numbers
            if standard is None or q.question(n).standard == standard
        ]
        score = report.picture.summary.per_municipality[c.name].get(standard) if standard else None
        e = html.escape
        heading = f"{e(report.label(c.name))} <small>({e(report.scan_text(c))})</small>"
        if standard is not None:
            shown = format_percent(score) if score is not None else self.tr("geen score")
            heading += f" · {standard}. {e(q.standard(standard).short_title)} — {e(shown)}"
        parts = [f"<h3>{heading}</h3>"]
        parts += self._answer_paragraphs(
            [(n, report.answer_line(c.name, n)) for n in numbers], by_question=True
        )
        if not report.texts_visible:
            parts.append(self._hint_html(report.texts_hidden_reason))
        self.cell_detail.setHtml("".join(parts))

    def _question_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        report = self._report
        if report is None or not current.isValid():
            return
        number = self.questions.question(self.questions_proxy.mapToSource(current).row())
        question = self.questionnaire.question(number)
        e = html.escape
        parts = [f"<h3>{e(self.tr('Vraag'))} {number}. {e(question.text)}</h3>"]
        if not report.per_municipality:
            parts.append(self._hint_html(report.disclosure.reason))
            self.question_detail.setHtml("".join(parts))
            return
        s = report.picture.summary.question(number)
        parts.append(f"<p><b>{e(s.text)}</b></p>")
        parts += self._answer_paragraphs([(number, line) for line in report.answers(number)])
        if not report.texts_visible:
            parts.append(self._hint_html(report.texts_hidden_reason))
        self.question_detail.setHtml("".join(parts))

    def _answer_paragraphs(self, lines, *, by_question: bool = False) -> list[str]:
        e = html.escape
        parts = []
        for number, line in lines:
            colour = _ANSWER_COLOURS.get(line.value, _MUTED)
            who = f"{e(self.tr('Vraag'))} {number}" if by_question else e(line.label)
            block = (
                f"<p><b>{who}</b> — <span style='color:{colour}; font-weight:600'>"
                f"{e(line.value_text)}</span>"
            )
            if by_question:
                text = e(self.questionnaire.question(number).text)
                block += f"<br><span style='color:{_MUTED}'>{text}</span>"
            for label, text in (
                (self.tr("Toelichting"), line.toelichting),
                (self.tr("Nuancering"), line.nuancering),
            ):
                if text.strip():
                    block += f"<br><b>{e(label)}:</b> {e(text.strip())}"
            parts.append(block + "</p>")
        return parts

    # Import --------------------------------------------------------------------------------------
    def _ask_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Werkmappen inlezen"),
            start_folder(),
            self.tr("Excel-werkmappen (*.xlsx)"),
        )
        if paths:
            self.import_files(paths)

    @property
    def importing(self) -> bool:
        return self._job is not None

    def import_files(self, paths: Sequence[str]) -> bool:
        """Start importing in a worker thread; False when an import is already running."""
        if self._job is not None or not paths:
            return False
        self._job = ImportJob(self.db, list(paths), self.questionnaire, self)
        self._job.progress.connect(self._import_progress)
        self._job.finished.connect(self._import_done)
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.import_status.setText(arg(self.tr("Werkmappen inlezen: 0 van %1…"), len(paths)))
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.progress.show()
        self.details_button.hide()
        self.close_bar_button.hide()
        self.import_bar.show()
        self.import_button.setEnabled(False)
        self._job.start()
        return True

    def cancel_import(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.import_status.setText(self.tr("Afbreken na het huidige bestand…"))

    def _import_progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        if self.cancel_button.isEnabled():
            self.import_status.setText(arg(self.tr("Werkmappen inlezen: %1 van %2…"), done, total))

    def _import_done(self, report: object) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self._last_import = report
        self.import_button.setEnabled(True)
        self.cancel_button.hide()
        self.progress.hide()
        self.close_bar_button.show()
        if isinstance(report, Exception):
            self.import_status.setText(arg(self.tr("Inlezen mislukt: %1"), report))
            self.details_button.hide()
        else:
            self.import_status.setText(report.summary())
            self.details_button.setVisible(any(r.status.name != "IMPORTED" for r in report.results))
            ids = report.stored_ids + tuple(
                r.scan_id for r in report.duplicates if r.scan_id is not None
            )
            if ids:
                self.select_scans(ids, arg(self.tr("Ingelezen werkmappen (%1)"), len(set(ids))))
            else:
                self.refresh()
        self.importFinished.emit(report)

    def _show_import_details(self) -> None:
        report = self._last_import
        if report is None or isinstance(report, Exception):
            return
        text = "\n".join(r.message for r in report.results if r.status.name != "IMPORTED")
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Inlezen"), report.summary(), parent=self
        )
        box.setDetailedText(text)
        box.exec()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._job is None and _workbooks(event.mimeData().urls()):
            self.drop_hint.setText(self.tr("Loslaten om de werkmappen in te lezen."))
            event.acceptProposedAction()
        else:
            event.ignore()

    def _reset_drop_hint(self) -> None:
        self.drop_hint.setText(
            self.tr("Sleep ingevulde werkmappen (.xlsx) op dit venster om ze in te lezen.")
        )

    def dragLeaveEvent(self, event) -> None:
        self._reset_drop_hint()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._reset_drop_hint()
        paths = _workbooks(event.mimeData().urls())
        if paths and self.import_files(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    def closeEvent(self, event) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job.wait()
        super().closeEvent(event)

    # Export --------------------------------------------------------------------------------------
    def _say(self, message: str) -> None:
        self.import_status.setText(message)
        self.progress.hide()
        self.cancel_button.hide()
        self.details_button.hide()
        self.close_bar_button.show()
        self.import_bar.show()

    def _suggest(self, suffix: str) -> str:
        report = self._report
        name = report.regio_label if report else "Regio"
        name = re.sub(r"[^\w\- ]", "", f"Regio-overzicht {name}").strip()
        if report is not None and report.anonymous:
            name += " (geanonimiseerd)"
        return f"{name}{suffix}"

    def _export(
        self,
        path: str | Path | None,
        title: str,
        suffix: str,
        filters: str,
        write: Callable[[RegionReport, str], Path],
    ) -> Path | None:
        report = self._report
        if report is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, title, start_path(self._suggest(suffix)), filters
            )
        if not path:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = write(report, str(path))
        except (ZelfscanError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, title, str(exc))
            return None
        QApplication.restoreOverrideCursor()
        self._say(arg(self.tr("Opgeslagen als %1"), written))
        return Path(written)

    def export_workbook(self, path: str | Path | None = None) -> Path | None:
        return self._export(
            path,
            self.tr("Regiowerkmap opslaan"),
            ".xlsx",
            self.tr("Excel-werkmap (*.xlsx)"),
            region_service.write_workbook,
        )

    def export_document(self, path: str | Path | None = None) -> Path | None:
        return self._export(
            path,
            self.tr("Regiorapport opslaan"),
            ".docx",
            self.tr("Word-document (*.docx)"),
            region_service.write_document,
        )

    def export_json(self, path: str | Path | None = None) -> Path | None:
        return self._export(
            path,
            self.tr("Samenvatting opslaan"),
            ".json",
            self.tr("JSON (*.json)"),
            region_service.write_json,
        )

    def export_chart(self, path: str | Path | None = None) -> Path | None:
        overlays = self.heatmap.overlays
        return self._export(
            path,
            self.tr("Spindiagram opslaan"),
            ".png",
            self.tr("PNG-afbeelding (*.png);;SVG-tekening (*.svg)"),
            lambda report, target: region_service.write_chart(report, target, overlays),
        )


def _workbooks(urls) -> list[str]:
    paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
    return [p for p in paths if p.lower().endswith(".xlsx")]
