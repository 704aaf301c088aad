"""Duiding in the window: scores in words, suggestions for Niet op orde (never for Op orde),
the plan editor pre-filled with suggestions, the help panel per standard, small-number notes.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.gui.test_region_view import all_text
from tests.reports.test_documents import sample_scan
from zelfscan_app.domain.scan import Action, ActionStatus, AnswerValue, SoortMeting
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.plan.actions_editor import ActionsEditor
from zelfscan_app.gui.plan.actions_model import COLUMNS
from zelfscan_app.gui.region.region_view import RegionView
from zelfscan_app.gui.results.results_view import ResultsView
from zelfscan_app.guidance_file import default_guidance
from zelfscan_app.services import actions as action_service
from zelfscan_app.services.demo import DEMO_REGION
from zelfscan_app.services.scans import create_scan
from zelfscan_app.storage.database import Database

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE
FIELDS = [c.field for c in COLUMNS]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def scan_id(db, questionnaire) -> int:
    # Niet op orde: 1, 5, 15, 19, 28; open: 30, 31; everything else Op orde.
    return create_scan(db, sample_scan(questionnaire))


@pytest.fixture
def results(qtbot: QtBot, db, questionnaire, scan_id: int) -> ResultsView:
    view = ResultsView(db, questionnaire)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    view.show_scan(scan_id)
    return view


def test_results_page_explains_scores_and_suggests_only_for_niet_op_orde(
    results: ResultsView, questionnaire
) -> None:
    guidance = default_guidance(questionnaire)
    results.tabs.setCurrentIndex(results.suggestions_tab)
    assert results.tabs.tabText(results.suggestions_tab) == "Duiding en suggesties"
    text = results.suggestions.toPlainText()
    # every standard's score in words, the one-question standards as 'that one answer'
    assert "5 van 6 vragen op orde; niet op orde: vraag 5 (werken met de meldcode)." in text
    assert "Deze standaard heeft één vraag (vraag 17): de score is dat ene antwoord" in text
    assert (  # standard 10: 28 is Niet op orde, 30 and 31 are still open
        "4 van 5 beantwoorde vragen op orde; niet op orde: vraag 28 (wat te doen bij nieuwe "
        "zorgen); nog niet beantwoord: vraag 30 en vraag 31." in text
    )
    assert text.count("De 3 standaarden met de meeste ruimte voor verbetering") == 1
    assert results.suggestions.duiding.most_room == (1, 4, 7)  # 50 %, 50 %, 67 %
    for number in (1, 5, 15, 19, 28):  # Niet op orde: why and every suggestion with its result
        entry = guidance.for_question(number)
        assert entry.why in text
        for s in entry.suggestions:
            assert s.measure in text and s.result in text
    for number in (2, 6, 9, 17, 30):  # Op orde or open: no suggestion
        for s in guidance.for_question(number).suggestions:
            assert s.measure not in text
    assert "geen VNG-tekst" in text


def test_results_follow_a_changed_answer(results: ResultsView, db, questionnaire) -> None:
    from zelfscan_app.services.scans import set_answer

    guidance = default_guidance(questionnaire)
    measure = guidance.for_question(9).suggestions[0].measure
    assert measure not in results.suggestions.toPlainText()
    set_answer(db, results.scan.id, 9, NIET)
    results.refresh()
    assert measure in results.suggestions.toPlainText()
    set_answer(db, results.scan.id, 5, OP)
    results.refresh()
    assert guidance.for_question(5).suggestions[0].measure not in results.suggestions.toPlainText()


def test_help_panel_follows_the_chosen_standard_and_the_phase(
    results: ResultsView, db, questionnaire, scan_id: int
) -> None:
    results.tabs.setCurrentIndex(results.help_tab)
    text = results.help_panel.toPlainText()
    assert text.startswith("Kwaliteitsstandaard 1: Integrale visie")  # most room, none chosen
    results.select_standard(8)
    text = results.help_panel.toPlainText()
    standard = questionnaire.standard(8)
    assert standard.text in text
    for onderdeel in standard.onderdelen:
        assert onderdeel.label in text
    terms = {t.term: t.definition for t in questionnaire.terms}
    for name in ("Veiligheidsplan", "Herstelplan", "Casusregie"):
        assert f"{name}: {terms[name]}" in text
    assert "Meldcode" not in text  # a term standard 8's questions do not use
    assert "Advies uit de routekaart, fase 2: Uitvoering zelfscan" in text  # 30 and 31 open
    guidance = default_guidance(questionnaire)
    assert guidance.phase(2).advice in text
    action_service.save_action(db, scan_id, Action(standard=8, question=None, id=None))
    action_service.save_action(db, scan_id, Action(standard=10, status=ActionStatus.IN_UITVOERING))
    results.refresh()  # still fase 2: the scan itself is not complete
    assert "fase 2" in results.help_panel.toPlainText()


def test_plan_editor_prefills_suggestions_for_niet_op_orde_only(
    qtbot: QtBot, db, questionnaire, scan_id: int
) -> None:
    editor = ActionsEditor(db, questionnaire, scan_id)
    qtbot.addWidget(editor)
    editor.resize(1300, 700)
    editor.show()
    qtbot.waitExposed(editor)
    model = editor.model
    guidance = default_guidance(questionnaire)
    rows = {model.action(r).question: r for r in range(model.rowCount())}
    assert set(rows) == {1, 5, 15, 19, 28}  # no row for an Op orde question
    cell = model.index(rows[28], FIELDS.index("verbeteractie")).data()
    assert cell == "Suggestie: " + guidance.for_question(28).suggestions[0].measure
    result = model.index(rows[28], FIELDS.index("beoogd_resultaat")).data()
    assert result == "Suggestie: " + guidance.for_question(28).suggestions[0].result
    assert model.action(rows[28]).id is None  # a suggestion, nothing stored yet
    # Editing: the suggestion is selected, so typing replaces it; the typed text is stored.
    index = model.index(rows[5], FIELDS.index("verbeteractie"))
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QPlainTextEdit))
    typing = QApplication.focusWidget()
    assert typing.textCursor().selectedText().startswith("Suggestie")
    qtbot.keyClicks(typing, "Training meldcode voor alle Wmo-consulenten")
    qtbot.keyClick(typing, Qt.Key.Key_Tab)
    stored = {a.question: a for a in action_service.stored_actions(db, scan_id)}
    assert stored[5].verbeteractie == "Training meldcode voor alle Wmo-consulenten"
    # the untouched suggestion in the same row is stored as shown, still marked
    assert stored[5].beoogd_resultaat.startswith("Suggestie:")
    # a stored action wins: reopening shows what was stored, not a new suggestion
    again = ActionsEditor(db, questionnaire, scan_id)
    qtbot.addWidget(again)
    row = next(r for r in range(again.model.rowCount()) if again.model.action(r).question == 5)
    shown = again.model.index(row, FIELDS.index("verbeteractie")).data()
    assert shown == "Training meldcode voor alle Wmo-consulenten"


def test_session_help_panel_follows_the_question(qtbot: QtBot, demo_window: MainWindow) -> None:
    window = demo_window
    window.open_scan(window.list_page.model.item(0).id)
    sw = window.session_widget
    sw.go_to(5)
    sw.question.focus_answers()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_U, CTRL)
    dialog = sw._standard_help
    assert dialog is not None and dialog.isVisible()
    text = dialog.panel.toPlainText()
    assert text.startswith("Kwaliteitsstandaard 3: Basisvaardigheden")
    assert "Werken met de meldcode" in text and "Meldcode:" in text
    assert "Advies uit de routekaart, fase" in text
    sw.go_to(17)
    assert dialog.panel.toPlainText().startswith("Kwaliteitsstandaard 5: Capaciteit lokale teams")
    assert "Zicht op veiligheid:" in dialog.panel.toPlainText()
    dialog.close()
    qtbot.mouseClick(sw.header.help_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    dialog.close()


@pytest.fixture
def demo_db(demo_url: str):
    """The demo database (a copy of the worker's, see tests/gui/conftest.py), open."""
    db = Database(demo_url)
    yield db
    db.dispose()


@pytest.fixture
def region_view(qtbot: QtBot, demo_db, questionnaire) -> RegionView:
    view = RegionView(demo_db, questionnaire)
    qtbot.addWidget(view)
    view.resize(1320, 880)
    view.show()
    qtbot.waitExposed(view)
    view.select_region(DEMO_REGION)
    return view


def test_region_view_notes_small_numbers_and_shows_x_van_y(region_view, questionnaire) -> None:
    view = region_view
    view.set_soort(SoortMeting.NULMETING)
    assert view.report.picture.count == 8
    assert "rust op" not in view.notice.text()
    assert "Niet alle zelfscans zijn volledig ingevuld" in view.notice.text()  # Oosterwaal
    chart = view.canvas.chart
    assert "niet alle zelfscans volledig ingevuld" in chart.note
    captions = [a.caption for a in chart.axes]
    assert all(" van " in c for c in captions), captions
    assert "gemeenten op orde" in captions[4]  # standard 5: one question, counted per gemeente
    view.set_soort(SoortMeting.EVALUATIE)  # four municipalities
    assert view.notice.isVisibleTo(view)
    assert "Dit regionale beeld rust op 4 gemeenten, minder dan 5." in view.notice.text()
    assert "slechts 4 gemeenten" in view.canvas.chart.note
    assert "Kwaliteitsstandaard 5 en 9 hebben elk één vraag" in all_text(view)
    five = view.report.picture.summary.question(17)
    assert "5. Capaciteit lokale teams: gemiddeld" in view.spread.describe()
    assert f"({five.op_orde} van {five.answered} op orde)" in view.spread.describe()
    view.set_anonymous(True)  # below the minimum group size: no counts beside the means
    assert not any("op orde" in a.caption for a in view.canvas.chart.axes)
    assert "op orde)" not in view.spread.describe()
    assert "rust op 4 gemeenten" in view.notice.text()


def test_a_scan_changes_phase_with_its_actions(qtbot, db, questionnaire) -> None:
    complete = sample_scan(questionnaire)
    complete = replace(
        complete,
        answers=tuple(a if a.value is not None else replace(a, value=OP) for a in complete.answers),
    )
    from zelfscan_app.domain.scan import Answer

    answered = {a.question for a in complete.answers}
    complete = replace(
        complete,
        answers=(*complete.answers, *(Answer(n, OP) for n in (30, 31) if n not in answered)),
    )
    scan_id = create_scan(db, complete)
    view = ResultsView(db, questionnaire)
    qtbot.addWidget(view)
    view.show_scan(scan_id)
    assert "fase 3: Analyse en presentatie" in view.help_panel.toPlainText()
    action_service.save_action(db, scan_id, Action(standard=4, question=15))
    view.refresh()
    assert "fase 4: Opstellen en vaststellen verbeterplan" in view.help_panel.toPlainText()
    action_service.save_action(
        db, scan_id, Action(standard=10, question=28, status=ActionStatus.GEREED)
    )
    view.refresh()
    assert "fase 5: Uitvoering, monitoring en borging" in view.help_panel.toPlainText()
