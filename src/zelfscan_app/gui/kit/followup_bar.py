"""The reminder bar above the scan list (kept free of the domain imports: it is built at start-up).

Non-modal by design: a reminder that a repeat scan or a review date has come must never stand
between the facilitator and the list of scans.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from zelfscan_app.gui import style


class FollowUpBar(QFrame):
    """The non-modal reminder above the scan list."""

    detailsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpBar")
        self.setAccessibleName(self.tr("Herinnering opvolging"))
        self.setStyleSheet(
            f"#followUpBar {{ background: #fff4e5; border: 1px solid {style.ORANGE};"
            " border-radius: 4px; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Herinnering"))
        self.details = QPushButton(self.tr("Bekijken"))
        self.details.clicked.connect(self.detailsRequested)
        self.dismiss = QPushButton(self.tr("Verbergen"))
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.dismiss)
        self.hide()

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.setVisible(bool(text))
