"""The results view: spider and table agree, follow every answer, compare, export."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from zelfscan_app.domain.scan import Answer, AnswerValue, Scan, SoortMeting
from zelfscan_app.domain.scoring import standard_scores
from zelfscan_app.gui.results.results_view import ResultsView
from zelfscan_app.gui.results.score_table_model import ANSWERED, NIET_OP_ORDE, SCORE
from zelfscan_app.reports.spider import series_lines
from zelfscan_app.services.scans import create_scan, get_scan, set_answer, set_text

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE


def scan_of(questionnaire, values, *, gemeente="Aldermeer", datum=date(2025, 3, 3), **kw) -> Scan:
    return Scan(
        gemeente=gemeente,
        regio="Demoregio",
        datum=datum,
        soort=kw.pop("soort", SoortMeting.NULMETING),
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        answers=tuple(
            Answer(q, v, toelichting=f"Uitleg bij vraag {q}.") for q, v in values.items()
        ),
        **kw,
    )


@pytest.fixture
def view(qtbot: QtBot, db, questionnaire) -> ResultsView:
    widget = ResultsView(db, questionnaire)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def drawn_scores(view: ResultsView) -> list[list[float]]:
    return [list(line.get_ydata()[:10]) for line in series_lines(view.canvas.figure)]


def table_column(view: ResultsView, column: int) -> list[str]:
    model = view.scores
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_shows_a_scan_in_spider_and_table(view, db, questionnaire) -> None:
    values = {q.number: (OP if q.number % 3 else NIET) for q in questionnaire.questions}
    scan_id = create_scan(db, scan_of(questionnaire, values))
    view.show_scan(scan_id)
    expected = [s.score for s in standard_scores(questionnaire, values)]
    (drawn,) = drawn_scores(view)
    assert drawn == pytest.approx(expected)
    assert view.scores.rowCount() == 10
    table_scores = [view.scores.index(r, SCORE).data(Qt.ItemDataRole.UserRole) for r in range(10)]
    assert table_scores == pytest.approx(expected)
    assert table_column(view, ANSWERED)[0] == "2 van 2"
    assert "Aldermeer" in view.title.text()
    assert "1. Integrale visie:" in view.canvas.accessibleDescription()


def test_follows_answer_changes_immediately(qtbot: QtBot, view, db, questionnaire) -> None:
    q3 = [q.number for q in questionnaire.questions_for_standard(3)]
    scan_id = create_scan(db, scan_of(questionnaire, {q3[0]: OP}))
    view.show_scan(scan_id)
    view.select_standard(3)
    assert table_column(view, SCORE)[2] == "100%"
    assert math.isnan(drawn_scores(view)[0][0])  # standard 1 not answered: a gap

    class Session(QObject):  # stands in for the session's ScanSession
        answerChanged = Signal(int)

    session = Session()
    session.answerChanged.connect(view.on_answer_changed)

    set_answer(db, scan_id, q3[1], NIET)
    set_text(db, scan_id, q3[1], "nuancering", "Alleen voor jeugd.")
    with qtbot.waitSignal(session.answerChanged):
        session.answerChanged.emit(q3[1])
    assert table_column(view, SCORE)[2] == "50%"
    assert drawn_scores(view)[0][2] == pytest.approx(50.0)
    assert table_column(view, NIET_OP_ORDE)[2] == f"vraag {q3[1]}"
    # The selected standard stays selected and its details follow.
    assert view.table.selectionModel().currentIndex().row() == 2
    assert "Alleen voor jeugd." in view.detail.toPlainText()

    q1 = questionnaire.questions_for_standard(1)[0].number
    set_answer(db, scan_id, q1, OP)
    session.answerChanged.emit(q1)
    assert drawn_scores(view)[0][0] == pytest.approx(100.0)
    assert table_column(view, SCORE)[0] == "100%"


def test_unanswered_standard_is_a_gap_in_table_and_spider(view, db, questionnaire) -> None:
    values = {q.number: OP for q in questionnaire.questions if q.standard != 10}
    view.show_scan(create_scan(db, scan_of(questionnaire, values)))
    assert table_column(view, SCORE)[9] == "geen antwoord"
    assert math.isnan(drawn_scores(view)[0][9])
    assert view.scores.index(9, SCORE).data(Qt.ItemDataRole.UserRole) is None


def test_detail_panel_shows_questions_answers_and_explanations(view, db, questionnaire) -> None:
    q2 = [q.number for q in questionnaire.questions_for_standard(2)]
    scan_id = create_scan(db, scan_of(questionnaire, {q2[0]: NIET}))
    set_text(db, scan_id, q2[0], "nuancering", "Verschilt per wijk.")
    view.show_scan(scan_id)
    view.select_standard(2)
    text = view.detail.toPlainText()
    assert questionnaire.question(q2[0]).text in text
    assert "Niet op orde" in text
    assert f"Uitleg bij vraag {q2[0]}." in text
    assert "Verschilt per wijk." in text
    assert "Nog niet beantwoord" in text  # the other question of standard 2


def test_comparison_with_an_earlier_scan(qtbot: QtBot, view, db, questionnaire) -> None:
    create_scan(db, scan_of(questionnaire, {1: NIET, 2: NIET, 3: OP}))
    after = create_scan(
        db,
        scan_of(
            questionnaire,
            {1: OP, 2: NIET, 3: NIET},
            datum=date(2026, 10, 5),
            soort=SoortMeting.EVALUATIE,
        ),
    )
    create_scan(db, scan_of(questionnaire, {1: OP}, gemeente="Brugwijk"))
    view.show_scan(after)
    combo = view.compare_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Geen vergelijking",
        "Nulmeting 3 maart 2025",
    ]
    assert combo.currentIndex() == 1, "an evaluatie is compared with its nulmeting at once"
    assert view.tabs.isTabEnabled(view.comparison_tab)
    combo.setCurrentIndex(0)  # Geen vergelijking
    assert not view.tabs.isTabEnabled(view.comparison_tab)

    combo.setCurrentIndex(1)  # as the user does
    assert view.comparison is not None
    assert [s.label for s in view.chart.series] == [
        "Nulmeting 3 maart 2025",
        "Evaluatie 5 oktober 2026",
    ]
    lines = series_lines(view.canvas.figure)
    assert [line.get_label() for line in lines] == [s.label for s in view.chart.series]
    assert lines[0].get_ydata()[0] == pytest.approx(0.0)  # standard 1 before: Niet op orde
    assert lines[1].get_ydata()[0] == pytest.approx(50.0)
    assert view.tabs.isTabEnabled(view.comparison_tab)
    assert view.tabs.currentIndex() == view.comparison_tab

    questions = view.comparison_view.questions
    rows = {
        questions.index(r, 0).data(): questions.index(r, 4).data()
        for r in range(questions.rowCount())
    }
    assert rows == {"1": "Verbeterd", "3": "Verslechterd"}
    standards = view.comparison_view.standards
    assert standards.index(0, 2).data() == "0%" and standards.index(0, 3).data() == "50%"
    assert standards.index(0, 4).data() == "+50"
    assert standards.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == (
        "Nulmeting\n03-03-2025"  # two lines: the column stays narrow
    )
    assert standards.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Nulmeting 3 maart 2025"
    )
    assert "1 vraag van Niet op orde naar Op orde" in view.comparison_view.summary.text()

    combo.setCurrentIndex(0)
    assert view.comparison is None
    assert len(series_lines(view.canvas.figure)) == 1


def test_export_png_and_svg(monkeypatch, view, db, questionnaire, tmp_path: Path) -> None:
    view.show_scan(create_scan(db, scan_of(questionnaire, {1: OP})))
    svg = view.export_chart(tmp_path / "spin.svg")
    assert b"<svg" in svg.read_bytes()

    chosen = {"path": str(tmp_path / "zonder-extensie"), "filter": "SVG-afbeelding (*.svg)"}
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (chosen["path"], chosen["filter"])
    )
    view.export_button.click()
    assert (tmp_path / "zonder-extensie.svg").read_bytes().startswith(b"<?xml")
    chosen.update(path=str(tmp_path / "spin.png"), filter="PNG-afbeelding (*.png)")
    view.export_button.click()
    assert (tmp_path / "spin.png").read_bytes().startswith(b"\x89PNG")
    assert "Opgeslagen" in view.subtitle.text()


def test_unsaved_scan_and_missing_scan(view, db, questionnaire) -> None:
    view.set_scan(scan_of(questionnaire, {1: OP, 2: OP}))
    assert table_column(view, SCORE)[0] == "100%"
    assert view.compare_combo.count() == 1 and not view.compare_combo.isEnabled()
    view.show_scan(999)
    assert view.error.isVisible()
    assert "999" in view.error.text()


def test_refresh_after_scan_was_stored(view, db, questionnaire) -> None:
    scan_id = create_scan(db, scan_of(questionnaire, {1: NIET}))
    view.set_scan(get_scan(db, scan_id))
    set_answer(db, scan_id, 1, OP)
    view.refresh()
    assert table_column(view, SCORE)[0] == "100%"


def test_hidden_view_catches_up_when_shown(view, db, questionnaire) -> None:
    scan_id = create_scan(db, scan_of(questionnaire, {1: NIET}))
    view.show_scan(scan_id)
    view.hide()
    set_answer(db, scan_id, 1, OP)
    view.on_answer_changed(1)
    assert table_column(view, SCORE)[0] == "0%"  # no chart work while nobody looks
    view.show()
    assert table_column(view, SCORE)[0] == "100%"
    assert drawn_scores(view)[0][0] == pytest.approx(100.0)
