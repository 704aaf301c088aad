"""Regio-overzicht: the scans of a region merged, as a spider, a heat map, a spread and counts.

Self-contained: give it a database and the questionnaire. Every number comes from
`services.region` (which calls `domain.region`), and every name, text and count passes through
one `RegionReport`, so the anonymised view shows exactly what the anonymised exports contain.
The view wires four parts that each do one job: the controls row (`controls`, a typed
`RegionSource`), the import bar on the shared import job (`import_bar`), the spider and tabs
(`content`, with the answer HTML of `details`), and the exports (`gui.export_helper`).
Dropping .xlsx files on the window imports them. Importing this module loads matplotlib.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import SoortMeting
from zelfscan_app.dutch_text import gemeenten
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.export_helper import export_file
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.region.content import RegionContent
from zelfscan_app.gui.region.controls import ALL, RegionControls, RegionSource
from zelfscan_app.gui.region.details import notice_lines
from zelfscan_app.gui.region.import_bar import ImportBar
from zelfscan_app.gui.widgets import fit_to_screen
from zelfscan_app.services import region as region_service
from zelfscan_app.services.region import RegionPicture, RegionReport
from zelfscan_app.storage.database import Database

if TYPE_CHECKING:
    from zelfscan_app.services.exchange import ImportReport


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
        regio: str | None = None,
        load: bool = True,
    ) -> None:
        """`regio`: the region to show first; `load=False`: show nothing until `refresh` (the
        window's door shows the view first, so the spider is drawn once, at its real size)."""
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
        self._extra_sources: list[tuple[str, RegionSource]] = []
        self._titles: dict[tuple[int, ...], str] = {}  # a chosen set of scans → its name

        header = self._build_header()
        self.controls = RegionControls()
        self.controls.sourceActivated.connect(self._source_chosen)
        self.controls.soortChanged.connect(self._reload)
        self.controls.optionsChanged.connect(self._present)
        self.controls.keepCodesToggled.connect(self._keep_codes_toggled)
        self.notice = QLabel()
        self.notice.setObjectName("warningBox")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.import_bar = ImportBar()
        self.import_bar.finished.connect(self._import_done)
        self.content = RegionContent(questionnaire)
        self.content.overlayRefused.connect(self.import_bar.say)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.empty)
        self.drop_hint = self.import_bar.drop_hint
        self._expose_parts()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 14)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.controls)
        layout.addWidget(self.notice)
        layout.addWidget(self.import_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.drop_hint)
        self.setWindowFlag(Qt.WindowType.Window, True)  # always its own window
        fit_to_screen(self, 1320, 880)  # never larger than a 1280 × 720 projector
        if load:
            self.refresh(RegionSource.region(regio) if regio else None)

    def _build_header(self) -> QHBoxLayout:
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
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.import_button)
        header.addWidget(self.export_button)
        return header

    def _expose_parts(self) -> None:
        """The parts' widgets under the names tests, benchmarks and the window use."""
        c, bar, x = self.controls, self.import_bar, self.content
        self.source_combo = c.source_combo
        self.soort_combo = c.soort_combo
        self.keep_codes_check = c.keep_codes_check
        self.import_status, self.progress = bar.status, bar.progress
        self.details_button = bar.details_button
        self.canvas = x.canvas
        self.overlay_hint = x.overlay_hint
        self.spread = x.spread
        self.tabs = x.tabs
        self.heatmap = x.heatmap
        self.heatmap_proxy = x.heatmap_proxy
        self.heatmap_table = x.heatmap_table
        self.heatmap_hidden = x.heatmap_hidden
        self.cell_detail = x.cell_detail
        self.legend = x.legend
        self.questions = x.questions
        self.questions_proxy = x.questions_proxy
        self.questions_table = x.questions_table
        self.question_detail = x.question_detail
        self.status = x.status
        self.status_tab = x.status_tab

    # Public API --------------------------------------------------------------------------------
    @property
    def picture(self) -> RegionPicture | None:
        return self._picture

    @property
    def report(self) -> RegionReport | None:
        return self._report

    @property
    def overlays(self) -> list[str]:
        return self.content.overlays

    def refresh(self, source: RegionSource | None = None) -> None:
        """Reload the list of regions and draw the current choice, or `source` when the list
        has it. One load of the region either way: with 342 municipalities that is the slow
        part, and choosing after a refresh used to do it twice."""
        options = region_service.region_options(self.db)
        self.controls.set_sources(options, self._extra_sources, self.controls.source())
        if source is not None:
            self.controls.select(source)
        self._reload()

    def select_region(self, regio: str) -> None:
        if not self.controls.select(RegionSource.region(regio)):
            raise ValueError(f"unknown region {regio!r}")
        self._reload()

    def select_scans(self, scan_ids: Sequence[int], label: str = "") -> None:
        """Show a chosen set of scans (e.g. the ones just imported)."""
        source = RegionSource.scans(scan_ids)
        text = label or arg(self.tr("Zelf gekozen (%1 zelfscans)"), len(source.ids))
        self._titles[source.ids] = re.sub(r"\s*\(\d+( zelfscans)?\)$", "", text)
        self._extra_sources = [(t, s) for t, s in self._extra_sources if s != source]
        self._extra_sources.insert(0, (text, source))
        self._extra_sources = self._extra_sources[:3]
        self.refresh(source)

    def select_all(self) -> None:
        """Every scan in the database."""
        self.controls.select(ALL)
        self._reload()

    def set_soort(self, soort: SoortMeting | None) -> None:
        self.controls.set_soort(soort)

    def set_anonymous(self, anonymous: bool) -> None:
        self.controls.anonymous_check.setChecked(anonymous)

    def set_min_group_size(self, size: int) -> None:
        self.controls.group_spin.setValue(size)

    def set_show_texts(self, show: bool) -> None:
        self.controls.texts_check.setChecked(show)

    def set_keep_codes(self, keep: bool) -> None:
        self.controls.keep_codes_check.setChecked(keep)

    def set_overlays(self, names: list[str]) -> None:
        self.heatmap.set_overlays(names)

    # Loading and presenting --------------------------------------------------------------------
    def _source_chosen(self) -> None:
        source = self.controls.source()
        if source is not None and source.kind == "pick":
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
        source, soort = self.controls.source(), self.controls.soort()
        load = region_service.load_region
        db, q = self.db, self.questionnaire
        picture = None
        if source is not None and source.kind == "regio":
            picture = load(db, q, regio=source.regio, soort=soort)
        elif source is not None and source.kind == "ids":
            title = self._titles.get(source.ids, "")
            picture = load(db, q, scan_ids=list(source.ids), soort=soort, title=title)
        elif source is not None and source.kind == "all":
            picture = load(db, q, soort=soort, title=self.tr("Alle zelfscans"))
        self._picture = picture
        self._present()

    def _present(self) -> None:
        c = self.controls
        c.enable_anonymity_options(c.anonymous)
        picture = self._picture
        self._report = None
        if picture is not None and picture.count:
            self._report = RegionReport(
                picture,
                anonymous=c.anonymous,
                min_group_size=c.min_group_size,
                with_texts=c.with_texts,
                seed=self._seed,
                key=self._letters,
            )
            updated = self._report.updated_key
            if c.anonymous and updated is not None:
                changed = updated.letters != self._letters.letters
                self._letters = updated
                if changed and c.keep_codes:
                    self._save_key()
        self._update_texts()  # first: the notice above the content changes its height
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.content.set_report(self._report)
        self.reportChanged.emit()

    def _update_texts(self) -> None:
        report, picture = self._report, self._picture
        for action in self.export_actions.values():
            action.setEnabled(report is not None)
        self.export_button.setEnabled(report is not None)
        self.export_button.setProperty("primary", report is not None)
        self.export_button.style().unpolish(self.export_button)
        self.export_button.style().polish(self.export_button)
        self.controls.setVisible(self.controls.has_scans)
        if report is None or picture is None:
            self.stack.setCurrentWidget(self.empty)
            self.empty.setText(self._empty_text())
            self.subtitle.setText("")
            self.notice.hide()
            return
        self.stack.setCurrentWidget(self.content)
        parts = [report.regio_label, gemeenten(picture.count), picture.selection_text]
        if report.anonymous:
            parts.append(report.view_text)
        self.subtitle.setText(" · ".join(parts))
        notices = notice_lines(report)
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))

    def _empty_text(self) -> str:
        if not region_service.region_options(self.db):
            return self.tr(
                "Nog geen zelfscans in de database.\nSleep ingevulde werkmappen (.xlsx) op dit "
                "venster, of kies ‘Werkmappen inlezen…’."
            )
        source = self.controls.source()
        if source is not None and source.kind != "pick" and self.controls.soort() is not None:
            soort = self.soort_combo.currentText().lower()
            return arg(self.tr("Geen zelfscans voor deze keuze (%1)."), soort)
        return self.tr("Kies een regio of een aantal zelfscans.")

    # Letter key --------------------------------------------------------------------------------
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
        if keep and self.controls.keep_codes:
            self._save_key()

    def _save_key(self) -> None:
        try:
            region_service.save_letter_key(self._letters, self._key_file)
        except ZelfscanError as exc:
            self.keep_codes_check.setChecked(False)
            QMessageBox.warning(self, self.tr("Codes bewaren"), str(exc))

    # Import ------------------------------------------------------------------------------------
    def _ask_import(self) -> None:
        paths = self.import_bar.ask_files(self)
        if paths:
            self.import_files(paths)

    @property
    def importing(self) -> bool:
        return self.import_bar.running

    def import_files(self, paths: Sequence[str]) -> bool:
        """Start importing in a worker thread; False when an import is already running."""
        started = self.import_bar.start(self.db, paths, self.questionnaire)
        if started:
            self.import_button.setEnabled(False)
        return started

    def cancel_import(self) -> None:
        self.import_bar.cancel()

    def _import_done(self, report: ImportReport | Exception) -> None:
        self.import_button.setEnabled(True)
        if not isinstance(report, Exception):
            duplicates = tuple(r.scan_id for r in report.duplicates if r.scan_id is not None)
            ids = report.stored_ids + duplicates
            if ids:
                self.select_scans(ids, arg(self.tr("Ingelezen werkmappen (%1)"), len(set(ids))))
            else:
                self.refresh()
        self.importFinished.emit(report)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.import_bar.drag_entered(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.import_bar.reset_drop_hint()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.import_bar.dropped(event)
        if paths and self.import_files(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.import_bar.stop()
        super().closeEvent(event)

    # Export ------------------------------------------------------------------------------------
    def export_workbook(self, path: str | Path | None = None) -> Path | None:
        return self._export("xlsx", path)

    def export_document(self, path: str | Path | None = None) -> Path | None:
        return self._export("docx", path)

    def export_json(self, path: str | Path | None = None) -> Path | None:
        return self._export("json", path)

    def export_chart(self, path: str | Path | None = None) -> Path | None:
        return self._export("png", path)

    def _export(self, kind: str, path: str | Path | None) -> Path | None:
        """Ask where (unless `path`), write under the wait cursor, say where it went."""
        report = self._report
        if report is None:
            return None
        overlays = self.heatmap.overlays
        svc = region_service
        exports: dict[str, tuple[str, str, str, Callable[[Path], Path]]] = {
            "xlsx": (
                self.tr("Regiowerkmap opslaan"),
                ".xlsx",
                self.tr("Excel-werkmap (*.xlsx)"),
                lambda out: svc.write_workbook(report, out),
            ),
            "docx": (
                self.tr("Regiorapport opslaan"),
                ".docx",
                self.tr("Word-document (*.docx)"),
                lambda out: svc.write_document(report, out),
            ),
            "json": (
                self.tr("Samenvatting opslaan"),
                ".json",
                self.tr("JSON (*.json)"),
                lambda out: svc.write_json(report, out),
            ),
            "png": (
                self.tr("Spindiagram opslaan"),
                ".png",
                self.tr("PNG-afbeelding (*.png);;SVG-tekening (*.svg)"),
                lambda out: svc.write_chart(report, out, overlays),
            ),
        }
        title, suffix, filters, write = exports[kind]
        name = re.sub(r"[^\w\- ]", "", f"Regio-overzicht {report.regio_label}").strip()
        if report.anonymous:
            name += " (geanonimiseerd)"
        written = export_file(self, title, name + suffix, filters, write, path=path)
        if written is not None:
            self.import_bar.say(arg(self.tr("Opgeslagen als %1"), written))
        return written
