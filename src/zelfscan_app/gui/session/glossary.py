"""The begrippenkader (Ctrl+F): search a term, read its definition."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.questionnaire import Term
from zelfscan_app.gui import style
from zelfscan_app.gui.session.navigator_model import NavigatorDelegate

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class TermListModel(QAbstractListModel):
    def __init__(self, terms: Sequence[Term], parent=None) -> None:
        super().__init__(parent)
        self._terms = sorted(terms, key=lambda t: t.term.casefold())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._terms)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        term = self._terms[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return term.term
        if role == SEARCH_ROLE:
            return " ".join((term.term, *term.aliases, term.definition))
        if role == Qt.ItemDataRole.UserRole:
            return term
        return None

    def row_of(self, term: Term) -> int:
        return self._terms.index(term)


def searchable_terms(
    terms: Sequence[Term], parent: QWidget
) -> tuple[TermListModel, QSortFilterProxyModel]:
    """The terms and a case-insensitive filter over names and definitions (SEARCH_ROLE)."""
    model = TermListModel(terms, parent)
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setFilterRole(SEARCH_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return model, proxy


class GlossaryDialog(QDialog):
    def __init__(self, terms: Sequence[Term], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Begrippenkader"))
        self.resize(820, 520)
        self.model, self.proxy = searchable_terms(terms, self)

        intro = QLabel(
            self.tr(
                "Eenduidige invulling van kernbegrippen uit het Kwaliteitskader. "
                "Begrippen zijn in de vraagtekst onderstreept."
            )
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Zoek een begrip"))
        self.search.setAccessibleName(self.tr("Zoek een begrip"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName(self.tr("Begrippen"))
        self.list.setMaximumWidth(300)
        self.list.setItemDelegate(NavigatorDelegate(self.list))  # comfortable row height
        self.list.selectionModel().currentChanged.connect(self._show)
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.definition.setAccessibleName(self.tr("Betekenis"))
        self.definition.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)

        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.list)
        body.addWidget(self.definition, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.search.returnPressed.connect(self.list.setFocus)
        self._select_first()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._select_first()

    def _select_first(self) -> None:
        index = self.proxy.index(0, 0)
        self.list.setCurrentIndex(index)
        if not index.isValid():
            self.definition.setText(self.tr("Geen begrip gevonden."))

    def _show(self, index: QModelIndex) -> None:
        term: Term | None = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if term is None:
            return
        aliases = ", ".join(a for a in term.aliases if a.casefold() != term.term.casefold())
        extra = (
            f"<p style='color:{style.MUTED};'>{self.tr('Ook')}: {aliases}</p>" if aliases else ""
        )
        self.definition.setText(
            f"<h2 style='color:{style.BLUE};'>{term.term}</h2><p>{term.definition}</p>{extra}"
        )

    def show_term(self, term: Term | None = None) -> None:
        self.search.clear()
        if term is not None:
            self.list.setCurrentIndex(
                self.proxy.mapFromSource(self.model.index(self.model.row_of(term)))
            )
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus()
