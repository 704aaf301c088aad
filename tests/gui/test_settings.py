"""Settings remembered between runs: geometry, last scan (resumed), font scale."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import make_window
from zelfscan_app.gui.settings import AppSettings
from zelfscan_app.gui.style import BASE_PT


def test_settings_survive_a_restart(qtbot: QtBot, demo_url: str, settings: AppSettings) -> None:
    window = make_window(qtbot, demo_url, settings)
    window.resize(1111, 777)
    scan_id = window.list_page.model.item(3).id
    window.open_scan(scan_id)
    window.session_widget.go_to(17)
    window.set_font_scale(1.3)
    assert abs(QApplication.font().pointSizeF() - BASE_PT * 1.3) < 0.01
    window.close()  # with the scan still open
    window.db.dispose()

    again = make_window(qtbot, demo_url, AppSettings(settings._s.fileName()))
    # Qt fits a restored window on its screen (offscreen: 800 × 800 px), though never below the
    # window's minimum size; a few pixels of frame may differ without a window manager.
    screen = again.screen().availableGeometry()
    width = max(min(1111, screen.width()), again.minimumSizeHint().width())
    height = max(min(777, screen.height()), again.minimumSizeHint().height())
    assert abs(again.width() - width) <= 10 and abs(again.height() - height) <= 10
    assert again.session_widget is not None, "the open scan is resumed"
    assert again.session_widget.session.scan_id == scan_id
    assert again.session_widget.session.current == 17
    assert abs(again.settings.font_scale - 1.3) < 0.001
    assert abs(QApplication.font().pointSizeF() - BASE_PT * 1.3) < 0.01
    again.close_scan()
    again.set_font_scale(1.0)
    again.close()
    again.db.dispose()

    third = make_window(qtbot, demo_url, AppSettings(settings._s.fileName()))
    assert third.session_widget is None, "closed properly: start at the list"
    assert third.list_page.current_scan_id() == scan_id, "the last scan is selected"
    third.close()
    third.db.dispose()


def test_font_scale_keys_and_limits(qtbot: QtBot, demo_window) -> None:
    window = demo_window
    window.list_page.table.setFocus()
    qtbot.keyClick(window.list_page.table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert abs(window.settings.font_scale - 1.1) < 0.001
    for _ in range(20):
        window.actions.zoom_in.trigger()
    assert window.settings.font_scale == 2.0
    window.actions.zoom_reset.trigger()
    assert window.settings.font_scale == 1.0
    assert "12.0pt" not in window.styleSheet()  # the stylesheet lives on the application
    assert "font-size: 19.0pt" in QApplication.instance().styleSheet()  # the question


def test_damaged_settings_fall_back_to_defaults(tmp_path) -> None:
    path = tmp_path / "kapot.ini"
    path.write_text(
        "[view]\nfont_scale=groot\n[session]\nlast_scan=abc\nblock_minutes=-3\n", encoding="utf-8"
    )
    settings = AppSettings(str(path))
    assert settings.font_scale == 1.0
    assert settings.last_scan_id is None
    assert settings.block_minutes == 35
    assert settings.geometry is None
