"""A quiet block timer: start/pause, counts down, and past zero only changes colour.

Readable from the back of the room: the colour changes in the last five minutes and again in
overtime. Every start, pause and reset is reported (`stored`) with the wall-clock start of the
current run, so the window can keep it durably and a restart after a kill resumes the clock.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from zelfscan_app.gui.i18n import arg

#: The last minutes of a block, when the clock changes colour (a warning, never a sound).
SOON_SECONDS = 5 * 60
#: A run stored longer ago than this is not resumed after a restart (the meeting is over).
STALE_RUN_MS = 12 * 3600 * 1000


def format_seconds(seconds: int) -> str:
    sign = "+" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60:02d}:{seconds % 60:02d}"


class BlockTimer(QWidget):
    """Never interrupts: no sound, no dialog; when time is up the clock turns orange."""

    runningChanged = Signal(bool)
    shown = Signal(str)  # the clock text, for a second view (presentation mode)
    stored = Signal(int, object)  # used ms before this run, its start (epoch ms) or None

    def __init__(self, minutes: int = 35, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._duration_ms = minutes * 60_000
        self._used_ms = 0  # time counted before the current run
        self._clock = QElapsedTimer()
        self._started_at: int | None = None  # wall clock (epoch ms) of the current run
        self._tick = QTimer(self)
        self._tick.setTimerType(Qt.TimerType.CoarseTimer)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._refresh)

        self.caption = QLabel(self.tr("Bloktijd"))
        self.caption.setObjectName("progressLabel")
        self.label = QLabel()
        self.label.setObjectName("timerLabel")
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("+000:00") + 8)
        self.toggle_button = QPushButton(self.tr("Start"))
        self.toggle_button.setAccessibleName(self.tr("Bloktijd starten of pauzeren"))
        self.toggle_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton(self.tr("Opnieuw"))
        self.reset_button.setFlat(True)
        self.reset_button.setAccessibleName(self.tr("Bloktijd opnieuw beginnen"))
        self.reset_button.clicked.connect(self.reset)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.caption)
        layout.addWidget(self.label)
        layout.addWidget(self.toggle_button)
        layout.addWidget(self.reset_button)
        self._refresh()

    @property
    def running(self) -> bool:
        return self._clock.isValid()

    def elapsed_ms(self) -> int:
        return self._used_ms + (self._clock.elapsed() if self.running else 0)

    def remaining_seconds(self) -> int:
        remaining = self._duration_ms - self.elapsed_ms()
        return -((-remaining) // 1000)  # rounded up: 35:00 at the start, then 34:59

    def set_minutes(self, minutes: int) -> None:
        self._duration_ms = max(1, minutes) * 60_000
        self._refresh()

    def minutes(self) -> int:
        return self._duration_ms // 60_000

    @property
    def phase(self) -> str:
        """'normal', 'soon' (the last five minutes) or 'over' (past zero)."""
        remaining = self.remaining_seconds()
        return "over" if remaining < 0 else "soon" if remaining <= SOON_SECONDS else "normal"

    def restore(self, used_ms: int, started_at: int | None) -> None:
        """Continue a clock stored earlier (see `stored`); a run still going counts the time
        the program was closed or killed, as the wall clock of the room did."""
        self._clock.invalidate()
        self._tick.stop()
        self._used_ms = max(0, int(used_ms))
        self._started_at = started_at
        away = QDateTime.currentMSecsSinceEpoch() - int(started_at or 0)
        if started_at is not None and 0 <= away <= STALE_RUN_MS:
            self._used_ms += away
            self._clock.start()
            self._tick.start()
        else:  # a run from another day (or a clock set back) is not this meeting's time
            self._started_at = None
        self._refresh()
        self.runningChanged.emit(self.running)

    def start(self) -> None:
        if not self.running:
            self._clock.start()
            self._tick.start()
            self._started_at = QDateTime.currentMSecsSinceEpoch()
            self.stored.emit(self._used_ms, self._started_at)
            self._changed()

    def pause(self) -> None:
        if self.running:
            self._used_ms += self._clock.elapsed()
            self._clock.invalidate()
            self._tick.stop()
            self._started_at = None
            self.stored.emit(self._used_ms, None)
            self._changed()

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        was_running = self.running
        self._clock.invalidate()
        self._tick.stop()
        self._used_ms = 0
        self._started_at = None
        self.stored.emit(0, None)
        if was_running:
            self.runningChanged.emit(False)
        self._refresh()

    def _changed(self) -> None:
        self._refresh()
        self.runningChanged.emit(self.running)

    def _refresh(self) -> None:
        remaining = self.remaining_seconds()
        over = remaining < 0
        self.label.setText(format_seconds(remaining))
        self.shown.emit(self.label.text())
        phase = self.phase
        if self.label.property("over") != over or self.label.property("phase") != phase:
            self.label.setProperty("over", over)
            self.label.setProperty("phase", phase)
            self.label.style().unpolish(self.label)
            self.label.style().polish(self.label)
        self.toggle_button.setText(self.tr("Pauze") if self.running else self.tr("Start"))
        state = self.tr("loopt") if self.running else self.tr("gepauzeerd")
        if over:
            text = arg(self.tr("Bloktijd: %1 over tijd, %2"), format_seconds(-remaining), state)
        else:
            text = arg(self.tr("Bloktijd: nog %1, %2"), format_seconds(remaining), state)
        self.label.setAccessibleName(text)
        self.setToolTip(text)
