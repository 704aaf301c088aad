"""Editing a region's Rad van Fortuin questions: one per line, bijlage 2 to fall back on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.i18n import arg


class WheelQuestionsDialog(QDialog):
    """Shows the region's list (or bijlage 2); saving checks it through `services.wheel`."""

    def __init__(self, db, regio: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from zelfscan_app.services import wheel as service

        self._service = service
        self._db = db
        self._regio = regio
        self.questions: tuple[str, ...] = service.questions_for(db, regio)
        self.setWindowTitle(self.tr("Vragen van het Rad van Fortuin"))
        self.resize(760, 480)
        intro = QLabel(
            arg(
                self.tr(
                    "Eén vraag per regel. Deze lijst geldt voor alle zelfscans van regio %1. "
                    "‘Vragen uit bijlage 2’ zet de vragen uit de routekaart terug."
                ),
                regio or "–",
            )
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit("\n".join(self.questions))
        self.editor.setAccessibleName(self.tr("Vragen, één per regel"))
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.defaults = QPushButton(self.tr("Vragen uit bijlage 2"))
        self.defaults.clicked.connect(
            lambda: self.editor.setPlainText("\n".join(service.default_questions()))
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.addButton(self.defaults, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        lines = self.editor.toPlainText().splitlines()
        defaults = self._service.default_questions()
        cleaned = [" ".join(line.split()) for line in lines if line.strip()]
        try:
            self.questions = self._service.save_questions(
                self._db, self._regio, None if tuple(cleaned) == defaults else lines
            )
        except ZelfscanError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True
