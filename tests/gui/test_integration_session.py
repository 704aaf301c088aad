"""Integration: the session's 'Eerste resultaten' show the one spider and follow the answers."""

from __future__ import annotations

import math
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.integration_helpers import click_scan, key
from zelfscan_app.domain.scan import AnswerValue, Scan, SoortMeting
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.results.spider_canvas import SpiderCanvas
from zelfscan_app.reports.spider import series_lines
from zelfscan_app.services.scans import create_scan, get_scan

CTRL = Qt.KeyboardModifier.ControlModifier


def empty_scan(questionnaire) -> Scan:
    return Scan(
        gemeente="Muisdorp",
        regio="Testregio",
        datum=date(2026, 5, 1),
        soort=SoortMeting.NULMETING,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
    )


@pytest.fixture
def session(qtbot: QtBot, window: MainWindow):
    """A new, empty scan opened from the list with the Openen button."""
    scan_id = create_scan(window.db, empty_scan(window.questionnaire))
    window.refresh_list()
    click_scan(qtbot, window, scan_id)
    qtbot.mouseClick(window.list_page.open_button, Qt.MouseButton.LeftButton)
    assert window.session_widget is not None
    return window.session_widget


def drawn(canvas: SpiderCanvas) -> dict[int, float | None]:
    """Standard → radius of the drawn polygon (None: a gap)."""
    (line,) = series_lines(canvas.figure)
    values = line.get_ydata()
    return {
        axis.number: (None if math.isnan(values[i]) else float(values[i]))
        for i, axis in enumerate(canvas.chart.axes)
    }


def test_first_results_show_the_spider_and_follow_the_answers(qtbot: QtBot, session) -> None:
    results = session.results
    assert results.canvas is None, "no matplotlib until the view is first shown"
    session.question.focus_answers()
    key(qtbot, Qt.Key.Key_1)  # question 1 (standard 1): Op orde
    key(qtbot, Qt.Key.Key_R, CTRL)  # Eerste resultaten

    assert session.stack.currentWidget() is results
    canvas = results.canvas
    assert isinstance(canvas, SpiderCanvas) and canvas.isVisible()
    assert [a.number for a in canvas.chart.axes] == [1, 2, 3, 6], "block 1's standards"
    assert drawn(canvas) == {1: pytest.approx(100.0), 2: None, 3: None, 6: None}
    assert "1 van 14 vragen beantwoord" in results.summary.text()
    assert "geen antwoord" in canvas.accessibleDescription(), "a gap, never a silent 0"

    qtbot.mouseClick(results.back_button, Qt.MouseButton.LeftButton)
    key(qtbot, Qt.Key.Key_PageDown)  # question 2, also standard 1
    key(qtbot, Qt.Key.Key_2)  # Niet op orde
    assert canvas.chart.series[0].score(1) == pytest.approx(100.0), "no redraw while hidden"
    key(qtbot, Qt.Key.Key_R, CTRL)
    assert drawn(canvas)[1] == pytest.approx(50.0)
    assert "Vraag 2" in results.items.toPlainText(), "the Niet-op-orde list beside it"

    results.scope.button(0).click()  # Alle vragen
    assert len(canvas.chart.axes) == 10
    # While the view is shown, a stored answer redraws it at once.
    session.session.set_value(AnswerValue.OP_ORDE, question=15)  # standard 4
    assert drawn(canvas)[4] == pytest.approx(100.0)
    stored = get_scan(session.session.db, session.session.scan_id)
    assert stored.values[1] is AnswerValue.OP_ORDE and stored.values[2] is AnswerValue.NIET_OP_ORDE


def test_answering_never_waits_for_the_chart(qtbot: QtBot, session, monkeypatch) -> None:
    session.show_results(1)
    canvas = session.results.canvas
    session.show_question()
    draws = []
    monkeypatch.setattr(canvas, "set_chart", lambda chart: draws.append(chart))
    session.question.focus_answers()
    for _ in range(5):
        key(qtbot, Qt.Key.Key_1)
        key(qtbot, Qt.Key.Key_PageDown)
    assert draws == [], "hidden: the answers only mark the spider as behind"
    session.show_results(1)
    assert len(draws) == 1


def test_matplotlib_loads_when_first_results_are_first_shown(tmp_path, questionnaire) -> None:
    """A session opens without matplotlib; the first look at the results loads it."""
    from zelfscan_app.storage.database import Database

    url = f"sqlite:///{tmp_path / 'lazy.sqlite'}"
    db = Database(url)
    scan_id = create_scan(db, empty_scan(questionnaire))
    db.dispose()
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        f"os.environ['ZELFSCAN_SETTINGS'] = {str(tmp_path / 's.ini')!r};"
        "from zelfscan_app.gui.app import create_app; app = create_app();"
        "from zelfscan_app.gui.main_window import MainWindow; w = MainWindow(); w.show();"
        f"assert w.open_database({url!r}); assert w.open_scan({scan_id});"
        "before = 'matplotlib' in sys.modules;"
        "w.session_widget.show_results(1);"
        "print(before, 'matplotlib' in sys.modules); w.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.split() == ["False", "True"]
