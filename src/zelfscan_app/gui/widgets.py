"""Small shared widgets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """One line of text that shortens with '…' instead of widening the window."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto the next line (like words)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if _explicitly_hidden(item.widget()):
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def _explicitly_hidden(widget: QWidget | None) -> bool:
    """Hidden by the code, not merely not shown yet: Qt lays a widget out just before it and
    its children become visible, and a chip skipped then would stay under its neighbour."""
    return (
        widget is not None
        and widget.isHidden()
        and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    )


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size a top-level window to (width, height), never larger than its screen's free area.

    A projector or a laptop at 125–150 % scaling has as little as 1280 × 720 (or less) logical
    pixels; a window taller than that puts its bottom buttons below the edge. Room is left for
    the window frame, and the window is centred on the free area.
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    free = screen.availableGeometry()
    frame_w, frame_h = FRAME_MARGIN
    size = QSize(min(width, free.width() - frame_w), min(height, free.height() - frame_h))
    window.resize(size)
    left = free.x() + max(0, (free.width() - size.width() - frame_w) // 2)
    top = free.y() + max(0, (free.height() - size.height() - frame_h) // 2)
    window.move(left, top)


def clamp_to_screen(window: QWidget) -> None:
    """After restoring a saved geometry: shrink a window that is larger than its screen now."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    free = screen.availableGeometry()
    frame_w, frame_h = FRAME_MARGIN
    if window.width() > free.width() - frame_w or window.height() > free.height() - frame_h:
        fit_to_screen(window, window.width(), window.height())


#: Room for the title bar and borders a window manager adds around a window (px).
FRAME_MARGIN = (8, 32)
