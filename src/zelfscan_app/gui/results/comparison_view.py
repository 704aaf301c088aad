"""The change between two scans of one municipality: a sentence and two tables."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.dutch_text import counted
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.results.comparison_model import QuestionChangeModel, StandardChangeModel
from zelfscan_app.services.charts import ScanComparison, scan_label


def _table(model, name: str, stretch: int) -> QTableView:
    """Every column as wide as its content, except `stretch`, which takes what is left."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(48)
    return view


class ComparisonView(QWidget):
    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.standards = StandardChangeModel(questionnaire, self)
        self.questions = QuestionChangeModel(questionnaire, self)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.standard_table = _table(
            self.standards, self.tr("Verandering per kwaliteitsstandaard"), stretch=1
        )
        self.question_table = _table(
            self.questions, self.tr("Veranderde antwoorden per vraag"), stretch=5
        )
        # One line per question (its short title, elided when narrow; the full text is the
        # tooltip): a narrow column wrapping word by word made rows a screen high.
        self.question_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.question_table.horizontalHeader().moveSection(5, 1)  # what it is about, first
        self.question_table.setColumnHidden(1, True)  # the standard: the table above has it
        standards_title = QLabel(self.tr("Per kwaliteitsstandaard"))
        standards_title.setObjectName("sectionTitle")
        questions_title = QLabel(self.tr("Per vraag (alleen wat veranderde)"))
        questions_title.setObjectName("sectionTitle")
        # Two halves the user can resize: the ten standards, and the changed questions.
        halves = QSplitter(Qt.Orientation.Vertical)
        halves.setChildrenCollapsible(False)
        for title, table in (
            (standards_title, self.standard_table),
            (questions_title, self.question_table),
        ):
            half = QWidget()
            box = QVBoxLayout(half)
            box.setContentsMargins(0, 4, 0, 4)
            box.addWidget(title)
            box.addWidget(table, 1)
            halves.addWidget(half)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(halves, 1)
        self.set_comparison(None)

    def set_comparison(self, result: ScanComparison | None) -> None:
        self.standards.set_comparison(result)
        self.questions.set_comparison(result)
        if result is None:
            self.summary.setText(self.tr("Kies hierboven een andere zelfscan om te vergelijken."))
            return
        c = result.comparison
        others = len(c.changes) - len(c.improved) - len(c.worsened)
        self.summary.setText(
            arg(
                self.tr(
                    "%1 vergeleken met %2: %3 van Niet op orde naar Op orde, "
                    "%4 van Op orde naar Niet op orde, %5."
                ),
                scan_label(result.after),
                scan_label(result.before).lower(),
                counted(len(c.improved), "vraag", "vragen"),
                len(c.worsened),
                counted(others, "andere verandering", "andere veranderingen"),
            )
        )
