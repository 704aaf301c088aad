"""Every control a keyboard or screen-reader user meets has a name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.new_scan_dialog import NewScanDialog

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
)

# Parts Qt builds inside its own widgets (a line edit's clear button, a combo box's list).
QT_INTERNALS = {"QLineEditIconButton", "QComboBoxListView", "QToolBarExtension", "QHeaderView"}


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or widget.parent() is None:
            continue
        if widget.metaObject().className() in QT_INTERNALS:
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own internals (calendar, spin box)
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_main_window_and_session_controls_are_named(demo_window: MainWindow) -> None:
    assert unnamed(demo_window) == []
    demo_window.open_scan(demo_window.list_page.model.item(0).id)
    sw = demo_window.session_widget
    sw.go_to(13)  # a question with term chips
    assert unnamed(demo_window) == []
    sw.show_results(None)
    assert unnamed(demo_window) == []
    for button in (sw.question.op_orde, sw.question.niet_op_orde):
        assert button.accessibleName() in ("Op orde", "Niet op orde")


def test_new_scan_dialog_controls_are_named(qtbot, questionnaire) -> None:
    dialog = NewScanDialog(questionnaire)
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == []
