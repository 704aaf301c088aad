"""Tree model block → standard → question, with a status mark per question."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Answer, AnswerValue
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg

QUESTION_ROLE = Qt.ItemDataRole.UserRole + 10
#: A question's disagreement mark (text for the tooltip), or None: see `set_marks`.
MARK_ROLE = Qt.ItemDataRole.UserRole + 11
Index = QModelIndex | QPersistentModelIndex


@dataclass
class _Node:
    kind: str  # "block", "standard" or "question"
    number: int  # block, standard or question number
    parent: int  # node id of the parent, -1 for top level
    row: int
    children: list[int] = field(default_factory=list)
    questions: tuple[int, ...] = ()  # the questions this node covers


@cache
def status_icon(status: str, flagged: bool) -> QIcon:
    """A round mark: green check (op orde), red cross (niet op orde), hollow (open)."""
    size = 40
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    circle = QRectF(4, 4, 32, 32)
    if status == "open":
        p.setPen(QPen(QColor(style.FIELD_LINE), 3))
        p.drawEllipse(circle)
    else:
        colour = style.GREEN if status == "op_orde" else style.RED
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        p.drawEllipse(circle)
        p.setPen(QPen(QColor("white"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        if status == "op_orde":
            p.drawPolyline([QPointF(12, 20.5), QPointF(18, 26), QPointF(28, 15)])
        else:
            p.drawLine(14, 14, 26, 26)
            p.drawLine(26, 14, 14, 26)
    if flagged:
        p.setPen(QPen(QColor("white"), 2))
        p.setBrush(QColor(style.ORANGE))
        p.drawEllipse(QRectF(26, 0, 14, 14))
    p.end()
    return QIcon(pixmap)


class NavigatorDelegate(QStyledItemDelegate):
    """Rows tall enough to hit with a mouse and to read from a distance."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), round(option.fontMetrics.height() * 1.65)))


class NavigatorModel(QAbstractItemModel):
    def __init__(
        self,
        questionnaire: Questionnaire,
        answer_of: Callable[[int], Answer],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._q = questionnaire
        self._answer_of = answer_of
        self._nodes: list[_Node] = []
        self._top: list[int] = []
        self._question_node: dict[int, int] = {}
        self._marks: dict[int, str] = {}
        self._build()

    def set_marks(self, marks: dict[int, str]) -> None:
        """Mark the questions where the group disagrees most (question → tooltip line); the
        delegate of `gui.session.prescan_panel` draws the mark, the text says it too."""
        changed = set(marks) ^ set(self._marks) | {
            q for q in marks if marks[q] != self._marks.get(q)
        }
        self._marks = dict(marks)
        for number in changed:
            index = self.index_of_question(number)
            if index.isValid():
                self.dataChanged.emit(index, index)

    def _add(self, node: _Node) -> int:
        self._nodes.append(node)
        node_id = len(self._nodes) - 1
        if node.parent < 0:
            self._top.append(node_id)
        else:
            self._nodes[node.parent].children.append(node_id)
        return node_id

    def _build(self) -> None:
        for block in self._q.blocks:
            in_block = self._q.questions_in_block(block.number)
            block_id = self._add(
                _Node("block", block.number, -1, len(self._top), questions=_nums(in_block))
            )
            for standard in self._q.standards_in_block(block.number):
                questions = [q for q in in_block if q.standard == standard]
                siblings = len(self._nodes[block_id].children)
                standard_id = self._add(
                    _Node("standard", standard, block_id, siblings, questions=_nums(questions))
                )
                for row, question in enumerate(questions):
                    node = _Node("question", question.number, standard_id, row)
                    node.questions = (question.number,)
                    self._question_node[question.number] = self._add(node)

    # Structure --------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        children = self._nodes[parent.internalId()].children if parent.isValid() else self._top
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    # QObject.parent() and QAbstractItemModel.parent(index) share the name: Qt's own overload.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent_id = self._nodes[index.internalId()].parent
        if parent_id < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[parent_id].row, 0, parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self._nodes[parent.internalId()].children if parent.isValid() else self._top)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def index_of_question(self, number: int) -> QModelIndex:
        node_id = self._question_node.get(number)
        if node_id is None:
            return QModelIndex()
        return self.createIndex(self._nodes[node_id].row, 0, node_id)

    # Data -------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        if role == QUESTION_ROLE:
            return node.number if node.kind == "question" else node.questions[0]
        if role == MARK_ROLE:
            return self._marks.get(node.number) if node.kind == "question" else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node)
        if role == Qt.ItemDataRole.DecorationRole and node.kind == "question":
            answer = self._answer_of(node.number)
            return status_icon(_status(answer.value), answer.bespreekpunt)
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.kind == "question":
                mark = self._marks.get(node.number)
                text = self._q.question(node.number).text
                return f"{text}\n\n{mark}" if mark else text
            if node.kind == "standard":
                return self._q.standard(node.number).text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(node)
        if role == Qt.ItemDataRole.FontRole and node.kind == "block":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and node.kind != "question":
            return QColor(style.BLUE)
        return None

    def _done(self, node: _Node) -> int:
        return sum(self._answer_of(q).value is not None for q in node.questions)

    def _display(self, node: _Node) -> str:
        if node.kind == "block":
            return arg(
                self.tr("Blok %1   %2/%3"), node.number, self._done(node), len(node.questions)
            )
        if node.kind == "standard":
            title = self._q.standard(node.number).short_title
            return arg(self.tr("%1. %2"), node.number, title)
        title = self._q.question(node.number).short_title
        if title:  # '11 · Casusregie voeren' (a standard reads '6. 1Gezin1Plan1Regisseur')
            return arg(self.tr("%1 · %2"), node.number, title)
        return arg(self.tr("Vraag %1"), node.number)

    def _accessible(self, node: _Node) -> str:
        if node.kind != "question":
            return self._display(node)
        answer = self._answer_of(node.number)
        states: dict[AnswerValue | None, str] = {
            AnswerValue.OP_ORDE: self.tr("op orde"),
            AnswerValue.NIET_OP_ORDE: self.tr("niet op orde"),
        }
        state = states.get(answer.value, self.tr("nog niet beantwoord"))
        text = arg(self.tr("Vraag %1, %2"), node.number, state)
        text += self.tr(", bespreekpunt") if answer.bespreekpunt else ""
        return text + (self.tr(", veel verschil van mening") if node.number in self._marks else "")

    def question_changed(self, number: int) -> None:
        """Repaint the question, its standard and its block."""
        node_id = self._question_node.get(number)
        while node_id is not None and node_id >= 0:
            node = self._nodes[node_id]
            index = self.createIndex(node.row, 0, node_id)
            self.dataChanged.emit(index, index)
            node_id = node.parent


def _nums(questions) -> tuple[int, ...]:
    return tuple(q.number for q in questions)


def _status(value: AnswerValue | None) -> str:
    if value is AnswerValue.OP_ORDE:
        return "op_orde"
    if value is AnswerValue.NIET_OP_ORDE:
        return "niet_op_orde"
    return "open"
