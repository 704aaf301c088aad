"""Per question 'x van y gemeenten op orde', and who is missing or incomplete.

Below the minimum group size of an anonymised report the questions stay listed but their counts
do not: 'dash' cells and the reason above the table, as the disclosure prescribes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from zelfscan_app.domain.region import QuestionSummary
from zelfscan_app.dutch_text import gemeenten
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.table_model import HeaderedTableModel
from zelfscan_app.reports.scan_context import score_colour
from zelfscan_app.services.region import RegionReport

Index = QModelIndex | QPersistentModelIndex

NR, STANDARD, TEXT, OP_ORDE = range(4)
INK = QColor(style.TEXT)
HIDDEN = "–"


class QuestionsModel(HeaderedTableModel):
    """One row per merged question. Qt.UserRole gives a sortable raw value."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[QuestionSummary] = []
        self._texts: dict[int, tuple[int, str]] = {}
        self._counts = True
        self._headers = (
            self.tr("Nr"),
            self.tr("Standaard"),
            self.tr("Vraag"),
            self.tr("Op orde"),
        )

    def set_report(self, report: RegionReport | None) -> None:
        self.beginResetModel()
        if report is None:
            self._rows, self._texts = [], {}
        else:
            q = report.picture.questionnaire
            self._rows = list(report.summary.questions)  # zero counts below the group size
            self._texts = {
                s.question: (q.question(s.question).standard, q.question(s.question).text)
                for s in self._rows
            }
            self._counts = report.per_municipality
        self.endResetModel()

    def question(self, row: int) -> int:
        return self._rows[row].question

    def row_of(self, question: int) -> int:
        return next(i for i, s in enumerate(self._rows) if s.question == question)

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = index.column()
        standard, text = self._texts[s.question]
        share = 100.0 * s.op_orde / s.answered if s.answered else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NR:
                return str(s.question)
            if column == STANDARD:
                return str(standard)
            if column == TEXT:
                return text
            if not self._counts:
                return HIDDEN
            return arg(self.tr("%1 van %2"), s.op_orde, s.answered)
        if role == Qt.ItemDataRole.UserRole:
            if column == NR:
                return s.question
            if column == STANDARD:
                return (standard, s.question)
            if column == TEXT:
                return text
            if not self._counts:
                return 0
            return -1.0 if share is None else share
        if role == Qt.ItemDataRole.BackgroundRole and column == OP_ORDE and self._counts:
            return QColor(f"#{score_colour(share)}")
        if role == Qt.ItemDataRole.ForegroundRole and column == OP_ORDE and self._counts:
            return INK
        if role == Qt.ItemDataRole.TextAlignmentRole and column != TEXT:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == OP_ORDE and self._counts:
                tip = arg(self.tr("%1 van %2 gemeenten op orde"), s.op_orde, s.answered)
                if s.answered < s.municipalities:
                    tip += arg(self.tr("; %1 zonder antwoord"), s.municipalities - s.answered)
                return tip
            if column == TEXT:
                return text
        return None


@dataclass(frozen=True, slots=True)
class StatusLine:
    who: str
    what: str
    problem: bool  # missing or incomplete (as opposed to a note)


class StatusModel(HeaderedTableModel):
    """Missing and incomplete municipalities (and scans left aside), in plain sentences."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[StatusLine] = []
        self._headers = (self.tr("Gemeente"), self.tr("Situatie"))

    def set_report(self, report: RegionReport | None) -> None:
        self.beginResetModel()
        self._lines = self._status(report) if report is not None else []
        self.endResetModel()

    def _status(self, report: RegionReport) -> list[StatusLine]:
        """Who is missing, who is incomplete, and where an older scan was left aside."""
        p = report.picture
        lines: list[StatusLine] = []
        what = arg(self.tr("geen %1"), p.soort.value) if p.soort else self.tr("geen zelfscan")
        if p.missing and report.anonymous:
            who = gemeenten(len(p.missing))
            lines.append(StatusLine(who, arg(self.tr("%1 (namen verborgen)"), what), True))
        else:
            lines += [StatusLine(name, what, True) for name in p.missing]
        order = {c.name: i for i, c in enumerate(report.ordered())}
        incomplete = sorted(p.incomplete, key=lambda c: order[c.name])
        if incomplete and not report.per_municipality:
            lines.append(
                StatusLine(
                    arg(self.tr("%1 van %2"), len(incomplete), p.count),
                    self.tr("niet alle vragen beantwoord"),
                    True,
                )
            )
        elif incomplete:
            lines += [
                StatusLine(
                    report.label(c.name),
                    arg(self.tr("onvolledig: %1 van %2 vragen beantwoord"), c.answered, c.total),
                    True,
                )
                for c in incomplete
            ]
        if not report.anonymous:
            lines += [
                StatusLine(
                    c.name,
                    arg(
                        self.tr("%1 zelfscans; gebruikt: %2 %3"),
                        c.others + 1,
                        c.scan.soort.value,
                        c.scan.datum.isoformat(),
                    ),
                    False,
                )
                for c in p.with_others
            ]
        return lines

    @property
    def problems(self) -> int:
        return sum(line.problem for line in self._lines)

    def _row_count(self) -> int:
        return len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return line.who if index.column() == 0 else line.what
        if role == Qt.ItemDataRole.ForegroundRole and line.problem and index.column() == 1:
            return QColor(style.WARN_INK)
        return None
