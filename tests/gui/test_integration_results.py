"""Integration: from the scan list to the results page (spider, table, comparison) and back."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.integration_helpers import click_scan, click_toolbar, key, scan_id_of
from zelfscan_app.domain.scan import ActionStatus, SoortMeting
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.results.score_table_model import ANSWERED, SCORE
from zelfscan_app.gui.results.spider_canvas import SpiderCanvas
from zelfscan_app.gui.scan_pages import PLAN, RESULTS
from zelfscan_app.reports.spider import series_lines
from zelfscan_app.services import actions as action_service
from zelfscan_app.services.charts import compare_scans, standard_results
from zelfscan_app.services.scans import get_scan

NUL, EVAL = SoortMeting.NULMETING, SoortMeting.EVALUATIE


@pytest.fixture
def wide(demo_window: MainWindow) -> MainWindow:
    demo_window.resize(1440, 900)  # the laptop screen the layout is made for
    return demo_window


def test_results_from_the_list_match_the_services(qtbot: QtBot, wide: MainWindow) -> None:
    evaluatie = scan_id_of(wide, "Aldermeer", EVAL)
    click_scan(qtbot, wide, evaluatie)
    click_toolbar(qtbot, wide, wide.actions.results)

    pages = wide.pages
    assert wide.stack.currentWidget() is pages and pages.page == RESULTS
    assert not wide.toolbar.isVisible(), "a page is a focus mode, like the session"
    view = pages.results_view
    assert isinstance(view.canvas, SpiderCanvas)
    qtbot.waitUntil(view.canvas.isVisible, timeout=5000)

    expected = standard_results(wide.questionnaire, get_scan(wide.db, evaluatie))
    table = view.scores
    assert table.rowCount() == 10
    assert [table.index(r, SCORE).data() for r in range(10)] == [e.score_text for e in expected]
    assert [table.index(r, ANSWERED).data() for r in range(10)] == [
        f"{e.score.answered} van {e.score.total}" for e in expected
    ]
    lines = series_lines(view.canvas.figure)
    assert len(lines) == 2, "an evaluatie is drawn with its nulmeting"
    scores = [e.score.score for e in expected]
    assert any(list(line.get_ydata()[:10]) == pytest.approx(scores) for line in lines)
    assert view.title.text() == "Aldermeer — evaluatie 5 oktober 2026"
    assert not pages.notice.isVisible(), "no earlier actions in the demo: nothing to mention"


def test_comparison_over_time_fits_and_matches(qtbot: QtBot, wide: MainWindow) -> None:
    evaluatie = scan_id_of(wide, "Aldermeer", EVAL)
    nulmeting = scan_id_of(wide, "Aldermeer", NUL)
    click_scan(qtbot, wide, evaluatie)
    wide.actions.results.trigger()  # Uitkomsten → Resultaten
    view = wide.pages.results_view
    combo = view.compare_combo
    assert combo.isEnabled()
    assert combo.currentData() == nulmeting, "an evaluatie is compared with its nulmeting"
    assert len(series_lines(view.canvas.figure)) == 2
    combo.setCurrentIndex(0)  # Geen vergelijking, then chosen again in the list
    combo.setCurrentIndex(combo.findData(nulmeting))  # what choosing it in the list does

    assert view.tabs.currentIndex() == view.comparison_tab
    assert len(series_lines(view.canvas.figure)) == 2, "both polygons in one spider"
    later, earlier = get_scan(wide.db, evaluatie), get_scan(wide.db, nulmeting)
    expected = compare_scans(wide.questionnaire, later, earlier).comparison
    standards = view.comparison_view.standards
    role = Qt.ItemDataRole.UserRole
    assert [
        (standards.index(r, 2).data(role), standards.index(r, 3).data(role))
        for r in range(standards.rowCount())
    ] == [(d.before, d.after) for d in expected.standards]
    questions = view.comparison_view.questions
    assert [questions.index(r, 0).data() for r in range(questions.rowCount())] == [
        str(c.question) for c in expected.changes
    ]

    # Every column readable at 1440 px: no sideways scrolling, no header cut off.
    for table in (view.comparison_view.standard_table, view.comparison_view.question_table):
        qtbot.waitUntil(table.isVisible, timeout=5000)
        qtbot.waitUntil(lambda t=table: t.horizontalScrollBar().maximum() == 0, timeout=5000)
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(header.count()):
            if table.isColumnHidden(column):
                continue
            text = table.model().headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
            )
            widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            assert header.sectionSize(column) >= widest, text
    per_standard = view.table
    view.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: per_standard.horizontalScrollBar().maximum() == 0, timeout=5000)

    combo.setCurrentIndex(0)  # Geen vergelijking
    assert len(series_lines(view.canvas.figure)) == 1


def test_escape_returns_to_the_list_with_the_scan_chosen(qtbot: QtBot, wide: MainWindow) -> None:
    scan_id = scan_id_of(wide, "Brugwijk", NUL)
    click_scan(qtbot, wide, scan_id)
    click_toolbar(qtbot, wide, wide.actions.results)
    assert wide.pages.back_button.text().endswith("Overzicht")
    assert not wide.actions.delete.isEnabled(), "no deleting the scan that is on screen"
    key(qtbot, Qt.Key.Key_Escape)
    assert wide.stack.currentWidget() is wide.list_page
    assert wide.toolbar.isVisible()
    assert wide.list_page.current_scan_id() == scan_id
    assert wide.actions.delete.isEnabled()


def test_results_from_an_open_session_return_to_it(qtbot: QtBot, wide: MainWindow) -> None:
    scan_id = scan_id_of(wide, "Dalvoorde", NUL)
    wide.open_scan(scan_id)
    session = wide.session_widget
    session.go_to(5)
    wide.actions.results.trigger()
    assert wide.stack.currentWidget() is wide.pages
    assert "sessie" in wide.pages.back_button.text()
    assert wide.pages.results_view.scan.id == scan_id
    assert not wide.session_menu.isEnabled(), "no answering blind while a page is shown"
    qtbot.mouseClick(wide.pages.back_button, Qt.MouseButton.LeftButton)
    assert wide.stack.currentWidget() is session and wide.session_widget is session
    assert session.session.current == 5 and wide.session_menu.isEnabled()


def test_results_mention_open_actions_of_the_earlier_scan(qtbot: QtBot, wide: MainWindow) -> None:
    db, q = wide.db, wide.questionnaire
    nulmeting = scan_id_of(wide, "Aldermeer", NUL)
    evaluatie = scan_id_of(wide, "Aldermeer", EVAL)
    drafts = action_service.plan_actions(db, q, nulmeting)
    assert len(drafts) >= 3
    for draft, text, status in zip(
        drafts,
        ("Scholing meldcode", "Regie beleggen", "Afspraken Veilig Thuis"),
        (ActionStatus.GEPLAND, ActionStatus.IN_UITVOERING, ActionStatus.GEREED),
        strict=False,
    ):
        action_service.save_action(db, nulmeting, replace(draft, verbeteractie=text, status=status))

    click_scan(qtbot, wide, evaluatie)
    click_toolbar(qtbot, wide, wide.actions.results)
    pages = wide.pages
    assert pages.notice.isVisible()
    assert pages.notice_text.text().startswith(
        "2 openstaande acties uit de nulmeting van 3 maart 2025 —"
    ), "gereed is not open"

    qtbot.mouseClick(pages.notice_button, Qt.MouseButton.LeftButton)
    assert pages.page == PLAN and pages.plan_button.isChecked()
    earlier = pages.editor.earlier_model
    texts = {earlier.index(r, 2).data() for r in range(earlier.rowCount())}
    assert texts == {"Scholing meldcode", "Regie beleggen"}
    assert pages.editor.earlier_table.isVisible()

    # The nulmeting itself has no earlier scan: nothing to mention there.
    key(qtbot, Qt.Key.Key_Escape)  # on the plan Esc only cancels editing: the page stays
    assert wide.stack.currentWidget() is pages and pages.page == PLAN
    key(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    click_scan(qtbot, wide, nulmeting)
    click_toolbar(qtbot, wide, wide.actions.results)
    assert not pages.notice.isVisible()
    assert not math.isnan(series_lines(pages.results_view.canvas.figure)[0].get_ydata()[0])


def open_results(qtbot: QtBot, window: MainWindow, scan_id: int):
    click_scan(qtbot, window, scan_id)
    click_toolbar(qtbot, window, window.actions.results)
    view = window.pages.results_view
    qtbot.waitUntil(view.canvas.isVisible, timeout=5000)
    return view


def test_duiding_typed_survives_a_restart_and_fills_the_report(
    qtbot: QtBot, demo_url: str, tmp_path
) -> None:
    import docx

    from tests.gui.conftest import make_window
    from zelfscan_app.services import documents

    window = make_window(qtbot, demo_url)
    scan_id = scan_id_of(window, "Aldermeer", NUL)
    view = open_results(qtbot, window, scan_id)
    tabs = view.tabs
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(view.duiding_tab).center())
    assert tabs.currentWidget() is view.duiding
    editor = view.duiding.editor
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor, "De groep herkent het beeld.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Wmo blijft achter")
    qtbot.waitUntil(lambda: view.duiding.status.text() == "Opgeslagen", timeout=5000)
    qtbot.keyClicks(editor, "; dat bespreken we met Veilig Thuis.")
    window.close()  # at once, within the save delay: closing stores what was typed
    window.db.dispose()

    again = make_window(qtbot, demo_url)
    view = again.pages.results_view  # the page open at closing comes back with the scan
    qtbot.waitUntil(view.canvas.isVisible, timeout=5000)
    expected = (
        "De groep herkent het beeld.\n\nWmo blijft achter; dat bespreken we met Veilig Thuis."
    )
    assert view.duiding.editor.toPlainText() == expected
    other = scan_id_of(again, "Brugwijk", NUL)
    assert get_scan(again.db, other).duiding == ""  # stored with this scan only

    written = documents.write_findings(
        again.db, again.questionnaire, scan_id, tmp_path / "rapport.docx"
    )
    texts = [p.text for p in docx.Document(str(written.path)).paragraphs if p.text]
    at = texts.index("Duiding door de groep")
    assert texts[at + 1 : at + 3] == [
        "De groep herkent het beeld.",
        "Wmo blijft achter; dat bespreken we met Veilig Thuis.",
    ]
    again.close()
    again.db.dispose()
