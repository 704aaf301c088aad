"""The strip above the question: which scan, progress per block, block timer, 'opgeslagen'."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.dutch_dates import dutch_date as long_date  # titles: '3 maart 2025'
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.session.autosave import Autosaver
from zelfscan_app.gui.session.block_timer import BlockTimer
from zelfscan_app.gui.session.state import ScanSession
from zelfscan_app.gui.widgets import ElidedLabel


class SaveIndicator(QLabel):
    """Shows 'opgeslagen' only after the autosaver reported a returned commit."""

    def __init__(self, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveIndicator")
        self.setAccessibleName(self.tr("Opslagstatus"))
        self._autosaver = autosaver
        autosaver.pending.connect(self._pending)
        autosaver.saved.connect(self._saved)
        autosaver.failed.connect(self._failed)
        self._set("saved", self.tr("✓ Alles is opgeslagen"))

    @property
    def state(self) -> str:
        return str(self.property("state"))

    def _set(self, state: str, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        if self.property("state") != state:
            self.setProperty("state", state)
            self.style().unpolish(self)
            self.style().polish(self)

    def _pending(self) -> None:
        self._set("pending", self.tr("Wordt opgeslagen…"))

    def _saved(self, *_args) -> None:
        if self._autosaver.has_pending:
            self._pending()
            return
        if self._autosaver.kept_locally():
            self._set("pending", self.tr("Bewaard op deze computer"))
            return
        stamp = self._autosaver.last_saved_at
        when = stamp.strftime("%H:%M:%S") if stamp else ""
        self._set("saved", arg(self.tr("✓ Opgeslagen %1"), when).strip())

    def _failed(self, message: str) -> None:
        self._set("error", arg(self.tr("⚠ Niet opgeslagen: %1"), message))


class SessionHeader(QWidget):
    def __init__(self, session: ScanSession, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._session = session
        self.back_button = QPushButton(self.tr("←  Overzicht"))
        self.back_button.setToolTip(
            self.tr("Zelfscan sluiten en terug naar het overzicht (Ctrl+W)")
        )
        self.back_button.setAccessibleName(self.tr("Terug naar het overzicht"))
        self.title = ElidedLabel()
        self.title.setObjectName("sessionTitle")
        self.title.setAccessibleName(self.tr("Zelfscan"))
        self.subtitle = ElidedLabel()
        self.subtitle.setObjectName("progressLabel")
        self.set_details()

        self.bars: dict[int | None, tuple[QLabel, QProgressBar]] = {}
        bars = QGridLayout()
        bars.setHorizontalSpacing(18)
        bars.setVerticalSpacing(4)
        scopes: list[int | None] = [b.number for b in session.questionnaire.blocks]
        for column, block in enumerate([*scopes, None]):
            label = QLabel()
            label.setObjectName("progressLabel")
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setFixedWidth(130)
            bars.addWidget(label, 0, column)
            bars.addWidget(bar, 1, column)
            self.bars[block] = (label, bar)

        self.timer = BlockTimer(minutes)
        self.indicator = SaveIndicator(session.autosave)
        self.help_button = QPushButton(self.tr("Uitleg standaard"))
        self.help_button.setToolTip(self.tr("Uitleg bij de kwaliteitsstandaard (Ctrl+U)"))
        self.results_button = QPushButton(self.tr("Eerste resultaten"))
        self.results_button.setToolTip(self.tr("Sneltoets: Ctrl+R"))
        self.presentation_button = QPushButton(self.tr("Presentatie"))
        self.presentation_button.setToolTip(self.tr("Sneltoets: F11"))
        self.navigator_button = QPushButton("☰")
        self.navigator_button.setObjectName("navigatorButton")
        self.navigator_button.setCheckable(True)
        self.navigator_button.setChecked(True)
        self.navigator_button.setToolTip(
            self.tr("De lijst met vragen links tonen of verbergen (Ctrl+L)")
        )
        self.navigator_button.setAccessibleName(self.tr("Vragenlijst tonen"))

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.back_button)
        top.addWidget(self.navigator_button)
        top.addSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.indicator)
        top.addWidget(self.help_button)
        top.addWidget(self.results_button)
        top.addWidget(self.presentation_button)
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addWidget(self.subtitle, 1)
        bottom.addLayout(bars)
        bottom.addSpacing(12)
        bottom.addWidget(self.timer)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 6, 24, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.refresh()

    def set_details(self) -> None:
        scan = self._session.scan
        self.title.setText(
            arg(self.tr("%1  ·  %2 %3"), scan.gemeente, scan.soort.value, long_date(scan.datum))
        )
        self.subtitle.setText(self._subtitle())

    def _subtitle(self) -> str:
        scan = self._session.scan
        parts = [scan.regio] if scan.regio else []
        if scan.facilitator:
            parts.append(arg(self.tr("gespreksleider %1"), scan.facilitator))
        count = len(scan.participants)
        parts.append(self.tr("1 deelnemer") if count == 1 else arg(self.tr("%1 deelnemers"), count))
        return "  ·  ".join(parts)

    def refresh(self) -> None:
        for block, (label, bar) in self.bars.items():
            done = self._session.progress(block)
            name = arg(self.tr("Blok %1"), block) if block else self.tr("Totaal")
            text = arg(self.tr("%1: %2 van %3"), name, done.answered, done.total)
            label.setText(text)
            bar.setRange(0, max(1, done.total))
            bar.setValue(done.answered)
            bar.setAccessibleName(text)
