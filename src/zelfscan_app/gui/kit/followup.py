"""Follow-up on the scan list: repeat scans due and improvement actions to review (fase 5).

A bar above the list, never a dialog in the way: it appears at start-up when a municipality's
next zelfscan is near or overdue, or when actions have a review date that has come; 'Bekijken'
opens the overview per municipality, with the voortgang workbook one click away.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.routekaart import Reminder
from zelfscan_app.dutch_dates import dutch_date
from zelfscan_app.gui.i18n import arg


def summary_text(statuses, follow_ups) -> str:
    """One or two sentences for the bar; '' when nothing needs attention."""
    parts = []
    overdue = [s for s in statuses if s.reminder is Reminder.VERLOPEN]
    near = [s for s in statuses if s.reminder is Reminder.BINNENKORT]
    if overdue:
        names = ", ".join(s.gemeente for s in overdue[:4]) + (" …" if len(overdue) > 4 else "")
        parts.append(f"Herhaling zelfscan verstreken: {names}.")
    if near:
        names = ", ".join(f"{s.gemeente} ({dutch_date(s.due)})" for s in near[:4]) + (
            " …" if len(near) > 4 else ""
        )
        parts.append(f"Herhaling zelfscan binnenkort: {names}.")
    attention = [f for f in follow_ups if f.needs_attention]
    if attention:
        names = ", ".join(f"{f.gemeente} ({_counts(f)})" for f in attention[:4]) + (
            " …" if len(attention) > 4 else ""
        )
        parts.append(f"Verbeteracties te herzien: {names}.")
    return " ".join(parts)


def _counts(f) -> str:
    bits = []
    if f.over_datum:
        bits.append(f"{f.over_datum} over datum")
    if f.te_herzien:
        bits.append(f"{f.te_herzien} te herzien")
    return ", ".join(bits)


class FollowUpDialog(QDialog):
    """Per municipality: routekaart phase, next zelfscan, actions te herzien / over datum."""

    def __init__(self, db, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from zelfscan_app.services import monitoring, routekaart

        self._db = db
        self._today = today
        self._monitoring = monitoring
        self.setWindowTitle(self.tr("Opvolging per gemeente"))
        self.resize(1000, 560)
        statuses = routekaart.overview(db, today)
        follow = {f.gemeente: f for f in monitoring.follow_ups(db, today)}
        headers = (
            self.tr("Gemeente"),
            self.tr("Regio"),
            self.tr("Routekaart"),
            self.tr("Volgende zelfscan"),
            self.tr("Open acties"),
            self.tr("Te herzien"),
            self.tr("Over datum"),
        )
        self.table = QTableWidget(len(statuses), len(headers))
        self.table.setAccessibleName(self.tr("Opvolging per gemeente"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, s in enumerate(statuses):
            f = follow.get(s.gemeente)
            due = dutch_date(s.due) if s.due else "–"
            if s.reminder is Reminder.VERLOPEN:
                due += self.tr(" (verstreken)")
            elif s.reminder is Reminder.BINNENKORT:
                due += self.tr(" (binnenkort)")
            values = (
                s.gemeente,
                s.regio,
                (s.phase + (" (regio)" if s.regional else "")) or "–",
                due,
                str(f.open if f else 0),
                str(f.te_herzien if f else 0),
                str(f.over_datum if f else 0),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 6 and f and f.over_datum:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Regio voor de voortgang"))
        self.region.addItem(self.tr("Alle gemeenten"), None)
        for regio in monitoring.regions(db):
            self.region.addItem(regio, regio)
        export = QPushButton(self.tr("Voortgang exporteren (.xlsx)…"))
        export.clicked.connect(self.ask_export)
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Voortgang van:")))
        bottom.addWidget(self.region)
        bottom.addWidget(export)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def export_to(self, path: str | Path) -> Path | None:
        from zelfscan_app.gui.export_helper import write_with_feedback

        return write_with_feedback(
            self,
            self.tr("Voortgang exporteren"),
            Path(path),
            lambda out: self._monitoring.write_voortgang(
                self._db, out, self._today, self.region.currentData()
            ),
        )

    def ask_export(self) -> None:
        from zelfscan_app.gui.export_helper import ask_save_path

        title = self.tr("Voortgang exporteren")
        name = f"Voortgang {self.region.currentData() or 'alle gemeenten'} {self._today}.xlsx"
        path = ask_save_path(self, title, name, "Excel-werkmap (*.xlsx)")
        if path is not None and self.export_to(path) is not None:
            QMessageBox.information(self, title, arg(self.tr("Opgeslagen: %1"), path))
