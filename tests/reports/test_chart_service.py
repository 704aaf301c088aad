"""Chart use cases: what a scan's spider says, comparisons, loading and exporting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from zelfscan_app.domain.scan import Answer, AnswerValue, Scan, SoortMeting
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.services import charts
from zelfscan_app.services.scans import create_scan

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE


def make_scan(questionnaire, values, *, gemeente="Aldermeer", soort=SoortMeting.NULMETING, **kw):
    return Scan(
        gemeente=gemeente,
        regio="Demoregio",
        datum=kw.pop("datum", date(2025, 3, 3)),
        soort=soort,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        answers=tuple(Answer(q, v, toelichting=f"uitleg {q}") for q, v in values.items()),
        **kw,
    )


def test_single_scan_chart(questionnaire) -> None:
    values = {q.number: OP for q in questionnaire.questions if q.standard != 10}
    first_of_3 = questionnaire.questions_for_standard(3)[0].number
    values[first_of_3] = NIET
    scan = make_scan(questionnaire, values)
    chart = charts.scan_chart(questionnaire, scan)
    (series,) = chart.series
    assert series.label == "Nulmeting 3 maart 2025"
    assert series.score(10) is None  # no answers: a gap
    total_3 = len(questionnaire.questions_for_standard(3))
    assert series.score(3) == pytest.approx(100.0 * (total_3 - 1) / total_3)
    assert series.score(1) == 100.0
    assert chart.title == "Aldermeer"
    assert chart.axes[0].title == questionnaire.standard(1).short_title
    answered = len(values)
    assert f"Beantwoord: {answered} van {len(questionnaire.questions)} vragen." in chart.note
    assert chart.gap_caption(10) == "geen antwoord"


def test_partly_answered_standard_gets_a_coverage_caption(questionnaire) -> None:
    questions = questionnaire.questions_for_standard(3)
    scan = make_scan(questionnaire, {questions[0].number: OP})
    chart = charts.scan_chart(questionnaire, scan)
    caption = next(a.caption for a in chart.axes if a.number == 3)
    assert caption == f"1 van {len(questions)} beantwoord"


def test_comparison_chart_is_in_date_order(questionnaire) -> None:
    before = make_scan(questionnaire, {1: NIET, 2: NIET}, id=1)
    after = make_scan(
        questionnaire, {1: OP, 2: NIET}, soort=SoortMeting.EVALUATIE, datum=date(2026, 10, 5), id=2
    )
    for a, b in ((after, before), (before, after)):
        chart = charts.scan_chart(questionnaire, a, b)
        assert [s.label for s in chart.series] == [
            "Nulmeting 3 maart 2025",
            "Evaluatie 5 oktober 2026",
        ]
        assert chart.series[1].style == charts.LATEST_STYLE  # the newest is solid and filled
        assert chart.series[0].score(1) == 0.0 and chart.series[1].score(1) == 50.0
        assert chart.subtitle.endswith("nulmeting en evaluatie")
        assert chart.gap_caption(10) == "geen antwoord"
        assert "nulmeting 2 van 31, evaluatie 2 van 31" in chart.note


def test_compare_scans_lists_changes(questionnaire) -> None:
    before = make_scan(questionnaire, {1: NIET, 2: OP, 3: OP}, id=1)
    after = make_scan(questionnaire, {1: OP, 2: NIET, 4: OP}, datum=date(2026, 1, 1), id=2)
    result = charts.compare_scans(questionnaire, after, before)
    assert (result.before.id, result.after.id) == (1, 2)
    assert [c.question for c in result.comparison.improved] == [1]
    assert [c.question for c in result.comparison.worsened] == [2]
    assert {c.question for c in result.comparison.changes} == {1, 2, 3, 4}


def test_different_questionnaires_are_not_compared(questionnaire) -> None:
    a = make_scan(questionnaire, {1: OP})
    b = replace(make_scan(questionnaire, {1: OP}), questionnaire_id="andere-vragenlijst")
    with pytest.raises(ZelfscanError, match="verschillende vragenlijsten"):
        charts.scan_chart(questionnaire, a, b)


def test_comparable_scans_same_municipality_only(db, questionnaire) -> None:
    first = create_scan(db, make_scan(questionnaire, {1: OP}))
    second = create_scan(db, make_scan(questionnaire, {1: OP}, datum=date(2026, 1, 1)))
    create_scan(db, make_scan(questionnaire, {1: OP}, gemeente="Brugwijk"))
    scan = charts.scan_service.get_scan(db, second)
    assert [i.id for i in charts.comparable_scans(db, scan)] == [first]


def test_standard_results_carry_every_number(db, questionnaire) -> None:
    q3 = [q.number for q in questionnaire.questions_for_standard(3)]
    scan = make_scan(questionnaire, {q3[0]: OP, q3[1]: NIET})
    results = charts.standard_results(questionnaire, scan)
    assert [r.number for r in results] == [s.number for s in questionnaire.standards]
    three = results[2]
    assert (three.score.answered, three.score.total, three.score.op_orde) == (2, len(q3), 1)
    assert three.niet_op_orde == (q3[1],)
    assert [q.number for q in three.toelichtingen] == [q3[0], q3[1]]
    assert three.score_text == "50%"
    assert results[0].score_text == "geen antwoord"


def test_load_scan_by_id_and_bad_references(db, questionnaire, tmp_path) -> None:
    scan_id = create_scan(db, make_scan(questionnaire, {1: OP}))
    assert charts.load_scan(db, questionnaire, str(scan_id)).id == scan_id
    with pytest.raises(ZelfscanError, match="bestaat niet"):
        charts.load_scan(db, questionnaire, "999")
    with pytest.raises(ZelfscanError, match="geen zelfscannummer"):
        charts.load_scan(db, questionnaire, "aldermeer")
    text_file = tmp_path / "scan.txt"
    text_file.write_text("x")
    with pytest.raises(ZelfscanError, match="onbekend soort bestand"):
        charts.load_scan(db, questionnaire, str(text_file))


def test_export_png_and_svg(questionnaire, tmp_path) -> None:
    chart = charts.scan_chart(questionnaire, make_scan(questionnaire, {1: OP}))
    png = charts.export_chart(chart, tmp_path / "spin.PNG")
    svg = charts.export_chart(chart, tmp_path / "spin.svg")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in svg.read_bytes()
    with pytest.raises(ZelfscanError, match=r"\.png of \.svg"):
        charts.export_chart(chart, tmp_path / "spin.jpg")
    # The same sentence as every other output (output_file.check_target).
    with pytest.raises(ZelfscanError, match="de map om in op te slaan bestaat niet"):
        charts.export_chart(chart, tmp_path / "bestaat-niet" / "spin.png")
