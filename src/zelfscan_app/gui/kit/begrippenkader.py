"""The begrippenkader window (F2 from every page): every term with its definition, searchable,
printable.

It reuses the session's term list model and search role (gui/session/glossary.py), so the
session's quick look-up and this reading window find the same terms the same way. The right
side shows all matching terms as one document, which is also what gets printed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.questionnaire import Term
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.session.glossary import searchable_terms


def terms_html(terms: Sequence[Term], title: str) -> str:
    """The terms as one HTML document (escaped: a questionnaire variant is data, not markup)."""
    parts = [f"<h1 style='color:{style.BLUE};'>{html.escape(title)}</h1>"]
    for i, term in enumerate(terms):
        aliases = ", ".join(a for a in term.aliases if a.casefold() != term.term.casefold())
        parts.append(f"<a name='term{i}'></a><h2 style='color:{style.BLUE};'>")
        parts.append(f"{html.escape(term.term)}</h2>")
        for paragraph in term.definition.split("\n\n"):
            parts.append(f"<p>{html.escape(paragraph)}</p>")
        if aliases:
            parts.append(f"<p style='color:{style.MUTED};'>Ook: {html.escape(aliases)}</p>")
    return "".join(parts)


class BegrippenkaderWindow(QWidget):
    """A non-modal window beside the session: search on the left, the definitions on the right."""

    def __init__(self, terms: Sequence[Term], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("begrippenkader")
        self.setWindowTitle(self.tr("Begrippenkader"))
        self.resize(1000, 640)
        self.model, self.proxy = searchable_terms(terms, self)

        intro = QLabel(
            self.tr(
                "Eenduidige invulling van de kernbegrippen uit het Kwaliteitskader (bijlage 6 van "
                "de routekaart). Zoek een begrip, of lees ze allemaal."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Zoek in begrippen en betekenissen"))
        self.search.setAccessibleName(self.tr("Zoek in het begrippenkader"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName(self.tr("Begrippen"))
        self.list.setMaximumWidth(300)
        self.list.clicked.connect(self._jump)
        self.list.activated.connect(self._jump)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Begrippen met hun betekenis"))
        self.text.setOpenLinks(False)
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.print_button = QPushButton(self.tr("Afdrukken…"))
        self.print_button.clicked.connect(self.print_dialog)
        self.pdf_button = QPushButton(self.tr("Opslaan als PDF…"))
        self.pdf_button.clicked.connect(self.ask_pdf)
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_dialog)

        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(self.list)
        body.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.search.returnPressed.connect(self.list.setFocus)
        self._filter("")

    # Content ----------------------------------------------------------------------------------
    def shown_terms(self) -> list[Term]:
        return [
            self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole)
            for row in range(self.proxy.rowCount())
        ]

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        terms = self.shown_terms()
        if terms:
            self.text.setHtml(terms_html(terms, self.tr("Begrippenkader")))
        else:
            self.text.setHtml(f"<p>{html.escape(self.tr('Geen begrip gevonden.'))}</p>")
        self.count.setText(arg(self.tr("%1 van %2 begrippen"), len(terms), self.model.rowCount()))
        self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _jump(self, index: QModelIndex) -> None:
        if index.isValid():
            self.text.scrollToAnchor(f"term{index.row()}")

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setHtml(self.text.toHtml())
        return document

    # Printing ---------------------------------------------------------------------------------
    def print_to_pdf(self, path: str | Path) -> Path:
        """Write what is shown (all terms, or the ones found) as an A4 PDF.

        Rendered in memory and written through the one output door (`output_file`), so a
        failure never leaves half a PDF and errors are worded like every other export.
        """
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

        from zelfscan_app.output_file import check_target, save_output

        check_target(path, (".pdf",))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Portrait)
        writer.setTitle(self.tr("Begrippenkader"))
        writer.setCreator("Zelfscan Kwaliteitskader")
        self.document().print_(writer)
        del writer
        buffer.close()
        return save_output(bytes(data.data()), path, (".pdf",))

    def ask_pdf(self) -> Path | None:
        from zelfscan_app.gui.export_helper import export_file

        return export_file(
            self,
            self.tr("Begrippenkader opslaan als PDF"),
            "Begrippenkader.pdf",
            "PDF (*.pdf)",
            self.print_to_pdf,
        )

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Begrippenkader afdrukken"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.document().print_(printer)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def show_window(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus()
        self.search.selectAll()
