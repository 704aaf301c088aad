"""The meeting room (issue 13): what the group sees on the projector and what the facilitator's
keys do, at the screen sizes regions really use."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QPushButton, QStyle, QStyleOptionFrame, QWidget
from pytestqt.qtbot import QtBot

from zelfscan_app.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot: QtBot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as a user's would be."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, k, modifier)


def open_first(window: MainWindow):
    window.open_scan(window.list_page.model.item(0).id)
    return window.session_widget


def test_terms_row_shows_its_terms_after_a_question_without_any(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    sw = open_first(demo_window)
    view = sw.question
    for start, target in ((1, 11), (16, 18)):
        sw.go_to(start)
        assert view.terms_box.isHidden(), f"question {start} names no term"
        sw.go_to(target)
        qtbot.waitUntil(lambda: view.terms_box.isVisible())
        caption = view.terms_row.itemAt(0).widget()
        chips = [view.terms_row.itemAt(i).widget() for i in range(1, view.terms_row.count())]
        assert caption.text() == "Begrippen:" and chips, f"question {target} underlines a term"
        for chip in chips:
            assert isinstance(chip, QPushButton) and chip.isVisible()
            assert chip.geometry().left() >= caption.geometry().right(), "beside, not under it"


# Screens -------------------------------------------------------------------------------------
# Free screen area (logical px) of a projector, a laptop, full HD, and full HD at 125 % / 150 %.
# A 1280 × 720 projector and full HD at 150 % leave the window the same logical area: one case.
SCREENS = {
    "1280x720=1920x1080@150%": QRect(0, 0, 1280, 680),
    "1366x768": QRect(0, 0, 1366, 728),
    "1920x1080": QRect(0, 0, 1920, 1040),
    "1920x1080@125%": QRect(0, 0, 1536, 824),
    "1366x768@125%": QRect(0, 0, 1093, 614),  # as under Xvfb at QT_SCALE_FACTOR=1.25
}


@pytest.fixture(params=list(SCREENS))
def screen(request, monkeypatch: pytest.MonkeyPatch) -> QRect:
    """Every window sees a screen of this size (as a smaller monitor or a scaled one would)."""
    free = SCREENS[request.param]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(free))
    return free


def within(widget: QWidget, outer: QWidget) -> bool:
    """The whole widget lies inside `outer` (both visible), in outer's coordinates."""
    if not (widget.isVisible() and outer.isVisible()):
        return False
    top_left = widget.mapTo(outer, QPoint(0, 0))
    return outer.rect().contains(QRect(top_left, widget.size()))


def test_windows_never_open_larger_than_the_screen(
    qtbot: QtBot, demo_url: str, screen: QRect
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.width() <= screen.width() and window.height() <= screen.height() - 24
    window.show()
    qtbot.waitExposed(window)
    assert window.open_database(demo_url)
    qtbot.waitUntil(lambda: window._questionnaire is not None)
    for show in (window.show_results, window.show_plan):  # the pages' content fits too
        window.list_page.select_scan(window.list_page.model.item(0).id)
        show()
        assert window.minimumSizeHint().height() <= screen.height() - 32, show.__name__
        window.go_back()
    window.open_scan(window.list_page.model.item(0).id)
    assert window.minimumSizeHint().height() <= screen.height() - 32, "session"
    window.close_scan()
    window.show_region()
    region = window._region_view
    assert region is not None and region.isVisible()
    assert region.width() <= screen.width() and region.height() <= screen.height() - 24
    # Nothing is clipped at that size: 'Toelichtingen' at the end of its row included.
    assert region.minimumSizeHint().width() <= region.width()
    assert window.minimumSizeHint().width() <= window.width()
    region.close()
    window.close()
    window.db.dispose()


def test_saved_geometry_of_a_larger_screen_is_shrunk(
    qtbot: QtBot, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = MainWindow(settings)
    qtbot.addWidget(big)
    big.resize(1800, 1000)
    settings.geometry = big.saveGeometry()
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1280, 680))
    small = MainWindow(settings)
    qtbot.addWidget(small)
    assert small.width() <= 1280 and small.height() <= 680


@pytest.mark.parametrize("size", [QSize(1366, 700), QSize(1280, 652)])
def test_question_answers_and_toelichting_fit_without_scrolling(
    qtbot: QtBot, demo_window: MainWindow, size: QSize
) -> None:
    """The window at a 1366 × 768 (or 1280 × 720) laptop's free area, minus the window frame."""
    demo_window.resize(size)
    sw = open_first(demo_window)
    view = sw.question
    if size.width() < 1366:
        key(qtbot, Qt.Key.Key_L, CTRL)  # a narrow projector: fold the question list away
        assert not sw.tree.isVisible() and not sw.header.navigator_button.isChecked()
    for number in (1, 11, 21, 26):  # short and long questions, long criteria
        sw.go_to(number)
        qtbot.waitUntil(lambda: view.scroll_area.verticalScrollBar().maximum() == 0, timeout=2000)
        viewport = view.scroll_area.viewport()
        for widget in (view.question_text, view.op_orde, view.niet_op_orde):
            assert within(widget, viewport), f"question {number}: {widget.objectName()}"
        toelichting = view.editors["toelichting"]
        assert within(toelichting, viewport)
        assert toelichting.height() >= 2 * toelichting.fontMetrics().height() + 12, "two lines"
        assert within(view.next_button, demo_window)
    key(qtbot, Qt.Key.Key_L, CTRL)
    assert sw.tree.isVisible() == (size.width() < 1366)


# Presentation mode (F11) -----------------------------------------------------------------------
def test_presentation_shows_what_is_recorded_and_keeps_the_shortcuts(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    sw = open_first(demo_window)
    sw.go_to(11)
    view = sw.question
    view.focus_answers()
    key(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(demo_window.isFullScreen)
    assert not demo_window.menuBar().isVisible()
    assert view.help_label.isVisible() and view.help_label.text().startswith("Op orde als")
    assert view.bespreekpunt.isVisible() and not view.bespreekpunt.isChecked()
    key(qtbot, Qt.Key.Key_B)
    assert view.bespreekpunt.isChecked() and sw.session.answer(11).bespreekpunt
    key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Alt+T: to the toelichting
    toelichting = view.editors["toelichting"]
    assert toelichting.hasFocus() and toelichting.isVisible()
    qtbot.keyClicks(toelichting, " Zo gezegd in de zaal.")
    assert toelichting.toPlainText().endswith("Zo gezegd in de zaal.")  # as it is typed
    assert view.editors["nuancering"].isVisible()
    view.focus_answers()

    size = QApplication.font().pointSizeF()
    key(qtbot, Qt.Key.Key_Plus, CTRL)  # the menu bar is hidden: the shortcut still works
    assert QApplication.font().pointSizeF() > size and sw.presentation
    key(qtbot, Qt.Key.Key_0, CTRL)
    assert QApplication.font().pointSizeF() == pytest.approx(size)
    with_shortcut = [a for a in demo_window.actions.all() if a.shortcuts()]
    live = set(QWidget.actions(demo_window))  # the window's own, not the menu bar's
    missing = [
        a.text() for a in with_shortcut if a not in live and a is not demo_window.actions.delete
    ]
    assert not missing, "every window action keeps its shortcut without the menu bar"
    key(qtbot, Qt.Key.Key_Escape)
    assert not sw.presentation


def test_block_timer_is_large_changes_colour_and_survives_a_restart(
    qtbot: QtBot, demo_url: str, settings
) -> None:
    from tests.gui.conftest import make_window

    window = make_window(qtbot, demo_url, settings)
    sw = open_first(window)
    scan_id = sw.session.scan_id
    timer = sw.header.timer
    key(qtbot, Qt.Key.Key_T, CTRL)
    assert timer.running
    used, started = settings.block_timer(scan_id)
    assert used == 0 and started is not None, "stored the moment it starts"
    timer._used_ms = 31 * 60_000  # four minutes left
    timer._refresh()
    assert timer.phase == "soon" and timer.label.property("phase") == "soon"
    sw.set_presentation(True)
    clock = sw.presentation_clock
    assert clock.isVisible() and clock.property("phase") == "soon"
    assert clock.font().pointSizeF() >= 2 * QApplication.font().pointSizeF(), "large"
    timer._used_ms = 36 * 60_000
    timer._refresh()
    assert clock.property("phase") == "over" and clock.text().startswith("Bloktijd +")
    sw.set_presentation(False)

    window.close()  # closed on purpose: the clock waits where it was
    window.db.dispose()
    used, started_now = settings.block_timer(scan_id)
    assert started_now is None and used >= 36 * 60_000

    # Ten minutes into a block (as stored when it started) the program is killed: the file
    # holds what a kill leaves behind. The restart continues the running clock.
    settings.set_block_timer(scan_id, 0, started - 10 * 60_000)
    again = make_window(qtbot, demo_url, settings)
    assert again.session_widget.session.scan_id == scan_id, "the session resumes by itself"
    clock = again.session_widget.header.timer
    assert clock.running, "still running, as the clock on the wall"
    assert 24 * 60 <= clock.remaining_seconds() <= 25 * 60 + 1
    again.close()
    again.db.dispose()

    # A run stored two days ago is another meeting: kept as time used, not running on.
    settings.set_block_timer(scan_id, 5 * 60_000, started - 2 * 24 * 3600_000)
    later = make_window(qtbot, demo_url, settings)
    clock = later.session_widget.header.timer
    assert not clock.running and clock.remaining_seconds() == 30 * 60
    later.close()
    later.db.dispose()


# Keys ----------------------------------------------------------------------------------------
def test_first_results_enter_continues_and_answer_keys_say_where_they_went(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    sw = open_first(demo_window)
    sw.go_to(14)
    before = sw.session.answer(14).value
    key(qtbot, Qt.Key.Key_PageDown)
    assert sw.stack.currentWidget() is sw.results
    key(qtbot, Qt.Key.Key_1)
    note = sw.results.key_note
    assert note.isVisible() and "1" in note.text() and "vragen" in note.text()
    assert sw.session.answer(14).value == before, "nothing answered behind the user's back"
    key(qtbot, Qt.Key.Key_Return)
    assert sw.stack.currentWidget() is sw.question and sw.session.current == 15


def test_ctrl_g_opens_the_regional_overview(qtbot: QtBot, demo_window: MainWindow) -> None:
    open_first(demo_window)
    key(qtbot, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: demo_window._region_view is not None)
    assert demo_window._region_view.isVisible()
    assert "volgende versie" not in demo_window.actions.region.toolTip()
    demo_window._region_view.close()


def test_pgdown_is_spelled_one_way(qtbot: QtBot, demo_window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    sw = open_first(demo_window)
    shown = sw.act_next.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert shown == "PgDown"
    assert shown in sw.question.next_button.toolTip()
    assert shown in sw.results.continue_button.toolTip()


# Dutch ---------------------------------------------------------------------------------------
def test_qt_own_buttons_are_dutch(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

    from zelfscan_app.gui.app import create_app

    create_app()
    box = QMessageBox(QMessageBox.Icon.Warning, "Titel", "Tekst")
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.setDetailedText("Details")
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Annuleren"
    dialog = QFileDialog(None, "Opslaan")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"


# Find a question --------------------------------------------------------------------------------
def test_navigator_shows_short_titles(qtbot: QtBot, demo_window: MainWindow) -> None:
    sw = open_first(demo_window)
    index = sw.model.index_of_question(13)
    assert index.data() == "13 · Casusregie voeren"
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("Is de lokale infrastructuur")


def test_ctrl_f_finds_questions_answers_and_toelichtingen(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    sw = open_first(demo_window)
    sw.go_to(20)
    view = sw.question
    view.editors["toelichting"].setFocus()
    qtbot.keyClicks(view.editors["toelichting"], " Afspraak met de huisartsenpost")
    view.focus_answers()
    key(qtbot, Qt.Key.Key_F, CTRL)
    dialog = sw._search
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.search.hasFocus)

    def listed() -> list[str]:
        return [dialog.results.item(i).text() for i in range(dialog.results.count())]

    qtbot.keyClicks(dialog.search, "huisartsenpost")  # only in what the group said
    assert len(listed()) == 1 and listed()[0].startswith("Vraag 20 ·")
    where = listed()[0].split("\n")[1]
    assert where.startswith("toelichting: ") and "Afspraak met de huisartsenpost" in where
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "casusregie")  # question words and the begrippenkader
    assert any(t.startswith("Vraag 13 · Casusregie voeren") for t in listed())
    assert "Begrip · Casusregie" in listed()
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "traumasensitief")
    key(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible() and sw.session.current == 14
    assert sw.stack.currentWidget() is sw.question


# Small things ------------------------------------------------------------------------------------
def test_window_state_and_last_page_come_back_after_a_restart(
    qtbot: QtBot, demo_url: str, settings
) -> None:
    from tests.gui.conftest import make_window
    from zelfscan_app.gui.scan_pages import PLAN

    first = make_window(qtbot, demo_url, settings)
    first.showMaximized()
    qtbot.waitUntil(first.isMaximized)
    scan_id = first.list_page.model.item(2).id
    first.list_page.select_scan(scan_id)
    first.show_plan()
    first.close()
    first.db.dispose()

    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.windowState() & Qt.WindowState.WindowMaximized
    again.show()
    assert again.open_database(demo_url)
    assert again.pages_shown() and again.pages.page == PLAN and again.pages.scan_id == scan_id
    again.actions.back.trigger()  # Ctrl+W: back to the list, and the next start opens it
    assert not again.pages_shown()
    assert settings.last_page == ""
    again.close()
    again.db.dispose()


def test_plan_rows_say_which_question_and_status_fits(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    from zelfscan_app.gui.plan.actions_model import STATUS_COLUMN, STATUSES

    demo_window.resize(1280, 700)
    demo_window.list_page.select_scan(demo_window.list_page.model.item(0).id)
    demo_window.show_plan()
    editor = demo_window.pages.editor
    model = editor.model
    assert model.rowCount() > 0
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert all(label.startswith(("Vraag ", "Standaard ")) for label in labels), labels
    table = editor.table
    qtbot.waitUntil(table.isVisible)
    widest = max(table.fontMetrics().horizontalAdvance(s.value) for s in STATUSES)
    assert table.columnWidth(STATUS_COLUMN) >= widest + 24, "no 'gepla…'"
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        needed = max(header.fontMetrics().horizontalAdvance(t) for t in title.split("\n"))
        assert header.sectionSize(column) >= needed, title
    assert table.horizontalScrollBar().maximum() == 0


def test_comparison_lists_one_line_per_question(qtbot: QtBot, demo_window: MainWindow) -> None:
    from zelfscan_app.domain.scan import SoortMeting

    model = demo_window.list_page.model
    evaluatie = next(
        model.item(r).id
        for r in range(model.rowCount())
        if model.item(r).soort is SoortMeting.EVALUATIE
    )
    demo_window.resize(1280, 700)
    demo_window.list_page.select_scan(evaluatie)
    demo_window.show_results()
    view = demo_window.pages.results_view
    assert view.comparison is not None, "an evaluatie is compared with its nulmeting"
    view.tabs.setCurrentIndex(view.comparison_tab)
    table = view.comparison_view.question_table
    qtbot.waitUntil(table.isVisible)
    line = table.fontMetrics().height()
    assert table.model().rowCount() > 0
    for row in range(table.model().rowCount()):
        assert table.rowHeight(row) < 2.5 * line, "no word-by-word wrapping"
    text = table.model().index(0, 5)
    question = demo_window.questionnaire.question(int(table.model().index(0, 0).data()))
    assert text.data() == question.short_title
    assert text.data(Qt.ItemDataRole.ToolTipRole) == question.text
    # The spider has the height of the page and more width than the tables' half needs.
    assert view.canvas.height() >= 0.6 * view.height()


def test_participant_cells_show_their_whole_text(qtbot: QtBot, demo_window: MainWindow) -> None:
    from zelfscan_app.gui.new_scan_dialog import NewScanDialog
    from zelfscan_app.services.scans import get_scan

    scan = get_scan(demo_window.db, demo_window.list_page.model.item(0).id)
    dialog = NewScanDialog(demo_window.questionnaire, demo_window.db, scan=scan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    index = dialog.participants.index(0, 1)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data(), "elided text: full tooltip"
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    editor = QApplication.focusWidget()
    # What the cell's and the stylesheet's padding and border leave for the text (offscreen
    # this held before too; under X11 the editor was shorter and cut letters: see the report).
    option = QStyleOptionFrame()
    editor.initStyleOption(option)
    text = editor.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, editor)
    assert text.height() >= editor.fontMetrics().height(), "no letters cut off"
    dialog.reject()


def test_dutch_counts_dates_and_names(qtbot: QtBot, demo_window: MainWindow) -> None:
    from zelfscan_app.dutch_text import gemeenten
    from zelfscan_app.gui.new_scan_dialog import NewScanDialog
    from zelfscan_app.services.scans import get_scan

    assert (gemeenten(1), gemeenten(2), gemeenten(0)) == (
        "1 gemeente",
        "2 gemeenten",
        "0 gemeenten",
    )
    model = demo_window.list_page.model
    row = next(r for r in range(model.rowCount()) if model.item(r).gemeente == "Zandhorst")
    scan = get_scan(demo_window.db, model.item(row).id)
    dialog = NewScanDialog(demo_window.questionnaire, demo_window.db, scan=scan)
    qtbot.addWidget(dialog)
    assert dialog.group_warning.text().startswith("2 van de 9 groepen zijn ")
    dialog.participants.add_row("Joris Smit", "Gemeente", "adviseur openbare orde en veiligheid")
    assert dialog.group_warning.text().startswith("1 van de 9 groepen is "), "singular"
    dialog.reject()

    # A title names the date as a sentence does; the list keeps its compact column.
    demo_window.open_scan(scan.id)
    title = demo_window.session_widget.header.title.text()
    assert title == "Zandhorst  ·  nulmeting 10 maart 2025"
    assert "10 maart 2025" in demo_window.windowTitle()
    assert "Veilig Thuis" in demo_window.questionnaire.standard(10).text
    assert "Veilig thuis" not in demo_window.questionnaire.standard(10).text


def test_results_spider_gets_the_room_and_the_table_never_scrolls_sideways(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    from zelfscan_app.gui.results.score_table_model import TOELICHTINGEN

    demo_window.resize(1280, 700)
    demo_window.list_page.select_scan(demo_window.list_page.model.item(0).id)
    demo_window.show_results()
    view = demo_window.pages.results_view
    qtbot.waitUntil(view.canvas.isVisible)
    assert view.canvas.width() >= 0.4 * view.width(), "the spider is the page's subject"
    assert not view.canvas.figure.texts or all(
        "Zelfscan Kwaliteitskader" not in t.get_text() for t in view.canvas.figure.texts
    ), "the page's title is not repeated inside the picture"
    qtbot.waitUntil(lambda: view.table.horizontalScrollBar().maximum() == 0)
    assert view.table.isColumnHidden(TOELICHTINGEN), "the detail below has them in full"
    demo_window.resize(1900, 1000)
    qtbot.waitUntil(lambda: not view.table.isColumnHidden(TOELICHTINGEN))
