"""'Duiding door de groep': the group's own reading of the results, typed on the results page.

Stored with the scan a short pause after the last keystroke (and at once when the field loses
focus or another scan is shown), so what the group wrote survives a restart and appears in the
findings report instead of the empty placeholder. 'Opgeslagen' shows only after the commit.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.i18n import arg
from zelfscan_app.services import scans as scan_service
from zelfscan_app.storage.database import Database

SAVE_DELAY_MS = 400


class _Text(QPlainTextEdit):
    """A plain text field that reports losing focus (then the text is stored at once)."""

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


class DuidingEditor(QWidget):
    """Public API: set_scan(scan_id, text), flush(), text(); `saved` after every commit."""

    saved = Signal(int)  # scan id

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._scan_id: int | None = None
        self._pending = False
        intro = QLabel(
            self.tr(
                "Hoe duidt de groep deze uitkomsten? Herkenning, mogelijke verklaringen, "
                "succesfactoren en verbeterpunten, en wie (aanvullend) betrokken moet worden. "
                "De tekst komt in de rapportage onder ‘Duiding door de groep’."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.editor = _Text()
        self.editor.setAccessibleName(self.tr("Duiding door de groep"))
        self.editor.setPlaceholderText(self.tr("Typ hier de duiding van de groep…"))
        self.editor.setTabChangesFocus(True)
        self.status = QLabel()
        self.status.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._changed)
        self.editor.focusLost.connect(self.flush)
        self.setEnabled(False)

    @property
    def has_pending(self) -> bool:
        return self._pending

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_scan(self, scan_id: int | None, text: str) -> None:
        """Show the stored text of a scan; what was typed for the previous one is stored first.

        The same scan again (a refresh after an answer) keeps what is being typed.
        """
        if scan_id == self._scan_id and (self._pending or text == self.text()):
            return
        self.flush()
        self._scan_id = scan_id
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self._pending = False
        self.status.clear()
        self.setEnabled(scan_id is not None)
        if scan_id is None:
            self.status.setText(self.tr("Sla de zelfscan eerst op om een duiding te schrijven."))

    @Slot()
    def flush(self) -> bool:
        """Store the text now if it changed; False (and a visible message) when that failed."""
        self._timer.stop()
        if not self._pending or self._scan_id is None:
            return True
        try:
            scan_service.set_duiding(self.db, self._scan_id, self.text())
        except ZelfscanError as exc:
            self.status.setText(str(exc))
            return False
        except Exception as exc:  # e.g. a locked database: say so, keep the text, retry later
            self.status.setText(arg(self.tr("Niet opgeslagen: %1"), exc))
            self._timer.start(3000)
            return False
        self._pending = False
        self.status.setText(self.tr("Opgeslagen"))
        self.saved.emit(self._scan_id)
        return True

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)

    def _changed(self) -> None:
        self._pending = True
        self.status.setText(self.tr("Wordt opgeslagen…"))
        self._timer.start()
