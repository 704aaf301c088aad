"""The Rad van Fortuin (bijlage 2): a wheel drawn with QPainter, spun by the group on a projector.

Space spins, the wheel eases out onto a question that has not come up yet in this round
(`domain.wheel` decides which, with the random source passed in), the group's answer is typed
beside it and stored with the scan as it is typed (`services.wheel`), Esc leaves.
"""

from __future__ import annotations

import math
import random

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QCloseEvent,
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.wheel import WheelState
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg

#: Segment colours: calm, distinct at projector distance, white text readable on each.
SEGMENT_COLOURS = (style.BLUE, style.GREEN, style.ORANGE, "#6a3d9a", "#0b6e75", "#a4343a")
DRAWN_COLOUR = "#b8c2cc"
SPIN_MS = 3800
SAVE_DELAY_MS = 400


class WheelWidget(QWidget):
    """The wheel itself: segments numbered 1..n, a pointer at the top, eased spinning."""

    landed = Signal(int)  # index of the question the pointer stopped on

    def __init__(self, count: int, parent: QWidget | None = None, spin_ms: int = SPIN_MS) -> None:
        super().__init__(parent)
        self.setObjectName("wheel")
        self.setAccessibleName(self.tr("Rad van Fortuin"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 320)
        self._count = count
        self._angle = 0.0
        self._drawn: set[int] = set()
        self._target = -1
        self._highlight = -1  # the segment the wheel stopped on, outlined
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(spin_ms)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._turn)
        self._animation.finished.connect(self._finished)

    @property
    def angle(self) -> float:
        return self._angle

    @property
    def spinning(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def set_count(self, count: int) -> None:
        self._count = count
        self._highlight = -1
        self._drawn.clear()
        self.update()

    def set_drawn(self, drawn: set[int]) -> None:
        self._drawn = set(drawn)
        self.update()

    def segment_at_pointer(self) -> int:
        """Which segment is under the pointer at the current angle."""
        span = 360.0 / self._count
        return int(((-self._angle) % 360.0) // span) % self._count

    def spin_to(self, index: int, turns: int = 4) -> None:
        """Ease out over a few full turns onto the middle of segment `index`."""
        span = 360.0 / self._count
        wanted = -(index * span + span / 2) % 360.0
        start = self._angle
        target = start + turns * 360.0 + ((wanted - start) % 360.0)
        self._target = index
        self._animation.stop()
        self._animation.setStartValue(start)
        self._animation.setEndValue(target)
        self._animation.start()

    def _turn(self, value: object) -> None:
        assert isinstance(value, int | float)  # the animation runs between two angles
        self._angle = float(value)
        self.update()

    def _finished(self) -> None:
        self._angle %= 360.0
        self._highlight = self._target
        self.update()
        self.landed.emit(self._target)

    def sizeHint(self) -> QSize:
        return QSize(560, 560)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 24
        radius = side / 2
        centre = QPointF(self.width() / 2, self.height() / 2 + 8)
        rect = QRectF(-radius, -radius, side, side)
        span = 360.0 / max(self._count, 1)
        painter.translate(centre)
        painter.save()
        painter.rotate(self._angle)
        painter.setPen(QPen(QColor("white"), 3))
        for i in range(self._count):
            colour = DRAWN_COLOUR if i in self._drawn else SEGMENT_COLOURS[i % len(SEGMENT_COLOURS)]
            if self._count % len(SEGMENT_COLOURS) == 1 and i == self._count - 1 and i:
                colour = DRAWN_COLOUR if i in self._drawn else SEGMENT_COLOURS[1]
            painter.setBrush(QBrush(QColor(colour)))
            # Qt angles: 1/16 degree, counter-clockwise from 3 o'clock; ours: clockwise from 12.
            painter.drawPie(rect, round((90 - i * span) * 16), round(-span * 16))
        if 0 <= self._highlight < self._count and not self.spinning:
            painter.setPen(QPen(QColor(style.FOCUS), 6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPie(rect, round((90 - self._highlight * span) * 16), round(-span * 16))
        painter.restore()
        # Numbers stay upright: placed with the wheel's angle, drawn without rotation.
        font = QFont(self.font())
        font.setPixelSize(max(14, round(radius * 0.16)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        for i in range(self._count):
            theta = math.radians(self._angle + i * span + span / 2)
            at = QPointF(math.sin(theta) * radius * 0.68, -math.cos(theta) * radius * 0.68)
            box = QRectF(at.x() - radius * 0.2, at.y() - radius * 0.12, radius * 0.4, radius * 0.24)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(i + 1))
        # Hub and pointer.
        painter.setPen(QPen(QColor(style.BLUE_DARK), 3))
        painter.setBrush(QColor("white"))
        painter.drawEllipse(QPointF(0, 0), radius * 0.12, radius * 0.12)
        painter.setBrush(QColor(style.FOCUS))
        painter.setPen(QPen(QColor("white"), 2))
        tip = -radius + radius * 0.12
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(0, tip),
                    QPointF(-radius * 0.07, -radius - 10),
                    QPointF(radius * 0.07, -radius - 10),
                ]
            )
        )
        if self.hasFocus():
            painter.resetTransform()
            painter.setPen(QPen(QColor(style.FOCUS), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()


class _EscapeToWheel(QObject):
    """Esc in the answer box hands the keyboard back to the wheel (a second Esc leaves)."""

    def __init__(self, wheel: WheelWidget) -> None:
        super().__init__(wheel)
        self._wheel = wheel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self._wheel.setFocus()
            return True
        return False


class WheelWindow(QWidget):
    """The full-screen wheel for one scan; answers are stored with that scan while typed."""

    spun = Signal(int)  # index drawn (before the animation ends)
    answerSaved = Signal(str)

    def __init__(
        self,
        db,
        scan_id: int,
        regio: str,
        *,
        title: str = "",
        rng: random.Random | None = None,
        spin_ms: int = SPIN_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from zelfscan_app.services import wheel as wheel_service

        self._service = wheel_service
        self._db = db
        self._scan_id = scan_id
        self._regio = regio
        self._rng = rng or random.Random()
        self._current: int | None = None
        self.setObjectName("wheelWindow")
        self.setWindowTitle(self.tr("Rad van Fortuin"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

        questions = wheel_service.questions_for(db, regio)
        self._answers = dict(wheel_service.answers(db, scan_id))
        self.state = WheelState.start(questions, frozenset(self._answers))
        self.wheel = WheelWidget(len(questions), self, spin_ms)
        self.wheel.set_drawn(set(self.state.drawn))
        self.wheel.landed.connect(self._landed)

        heading = QLabel(self.tr("Rad van Fortuin"))
        heading.setObjectName("wheelTitle")
        self.subtitle = QLabel(title or self.tr("Procesevaluatie van de zelfscan"))
        self.subtitle.setObjectName("muted")
        self.counter = QLabel()
        self.counter.setObjectName("wheelCounter")
        self.question = QLabel(self.tr("Druk op de spatiebalk om het rad te laten draaien."))
        self.question.setObjectName("wheelQuestion")
        self.question.setWordWrap(True)
        self.question.setAccessibleName(self.tr("Getrokken vraag"))
        self.question.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.question.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        answer_label = QLabel(self.tr("Antwoord van de groep"))
        self.answer = QPlainTextEdit()
        self.answer.setAccessibleName(self.tr("Antwoord van de groep"))
        self.answer.setPlaceholderText(
            self.tr("Wat zegt de groep? (Tab om te typen, Esc terug naar het rad)")
        )
        self.answer.setEnabled(False)
        self.answer.setTabChangesFocus(True)
        self.answer.installEventFilter(_EscapeToWheel(self.wheel))
        answer_label.setBuddy(self.answer)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saveStatus")
        self.spin_button = QPushButton(self.tr("Draaien (spatie)"))
        self.spin_button.setProperty("primary", True)
        self.spin_button.clicked.connect(self.spin)
        self.spin_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button = QPushButton(self.tr("Vragen aanpassen…"))
        self.edit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button.clicked.connect(self.edit_questions)
        close = QPushButton(self.tr("Sluiten (Esc)"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.close)

        side = QVBoxLayout()
        side.setSpacing(14)
        side.addWidget(heading)
        side.addWidget(self.subtitle)
        side.addWidget(self.counter)
        side.addWidget(self.question)
        side.addWidget(answer_label)
        side.addWidget(self.answer, 1)
        side.addWidget(self.saved_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.spin_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        side.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(36)
        layout.addWidget(self.wheel, 5)
        layout.addLayout(side, 4)
        self.setStyleSheet(
            f"#wheelTitle {{ font-size: 30pt; font-weight: 600; color: {style.BLUE}; }}"
            "#wheelCounter { font-size: 15pt; }"
            f"#wheelQuestion {{ font-size: 24pt; color: {style.TEXT}; }}"
            "QPlainTextEdit { font-size: 16pt; }"
        )

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_answer)
        self.answer.textChanged.connect(self._save_timer.start)
        self._update_counter()

    # Showing ----------------------------------------------------------------------------------
    def show_on_projector(self) -> None:
        """Full screen on the second screen when there is one (the projector), else this one."""
        screens = QGuiApplication.screens()
        screen = screens[1] if len(screens) > 1 else (self.screen() or screens[0])
        self.setScreen(screen)
        # The geometry too: without a window manager (a bare projector set-up, Xvfb) a
        # full-screen request alone is not honoured.
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.wheel.setFocus()

    # Spinning ---------------------------------------------------------------------------------
    @property
    def questions(self) -> tuple[str, ...]:
        return self.state.questions

    def spin(self) -> int | None:
        """Draw the next question and start the wheel; None while it is still turning."""
        if self.wheel.spinning:
            return None
        self.save_answer()
        index, self.state = self.state.draw(self._rng)
        drawn = set(self.state.drawn) - {index}
        self.wheel.set_drawn(drawn)
        self._current = None
        self.answer.setEnabled(False)
        self.question.setText(self.tr("Het rad draait…"))
        self.wheel.spin_to(index)
        self.wheel.setFocus()
        self.spun.emit(index)
        return index

    def _landed(self, index: int) -> None:
        self._current = index
        text = self.questions[index]
        self.question.setText(arg(self.tr("%1. %2"), index + 1, text))
        self.answer.blockSignals(True)
        self.answer.setPlainText(self._answers.get(text, ""))
        self.answer.blockSignals(False)
        self.answer.setEnabled(True)
        self.saved_label.clear()
        self._update_counter()

    def _update_counter(self) -> None:
        left = len(self.state.remaining)
        total = len(self.questions)
        self.counter.setText(
            arg(self.tr("%1 van %2 vragen getrokken in deze ronde"), total - left, total)
        )

    @property
    def current_question(self) -> str | None:
        return None if self._current is None else self.questions[self._current]

    # Answers ----------------------------------------------------------------------------------
    def save_answer(self) -> bool:
        """Store the answer box for the current question (also called before a spin or close)."""
        self._save_timer.stop()
        question = self.current_question
        if question is None:
            return True
        text = self.answer.toPlainText()
        if self._answers.get(question, "") == text:  # unchanged, or still empty: nothing to store
            return True
        try:
            self._service.save_answer(self._db, self._scan_id, question, text)
        except ZelfscanError as exc:
            self.saved_label.setText(arg(self.tr("Niet opgeslagen: %1"), str(exc)))
            return False
        self._answers[question] = text
        self.saved_label.setText(self.tr("Opgeslagen"))
        self.answerSaved.emit(question)
        return True

    def edit_questions(self) -> None:
        from zelfscan_app.gui.kit.wheel_questions import WheelQuestionsDialog

        self.save_answer()
        dialog = WheelQuestionsDialog(self._db, self._regio, self)
        if dialog.exec() == WheelQuestionsDialog.DialogCode.Accepted:
            self.state = WheelState.start(dialog.questions, frozenset(self._answers))
            self.wheel.set_count(len(self.questions))
            self.wheel.set_drawn(set(self.state.drawn))
            self._current = None
            self.answer.setEnabled(False)
            self.question.setText(self.tr("Druk op de spatiebalk om het rad te laten draaien."))
            self._update_counter()
        self.wheel.setFocus()

    # Keys and closing -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.spin()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.answer.isEnabled():
            self.answer.setFocus()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save_answer() and (
            QMessageBox.question(
                self,
                self.tr("Niet opgeslagen"),
                self.tr("Het antwoord kon niet worden opgeslagen. Toch sluiten?"),
            )
            != QMessageBox.StandardButton.Yes
        ):
            event.ignore()
            return
        self.wheel._animation.stop()
        super().closeEvent(event)
