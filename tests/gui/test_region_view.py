"""The Regio-overzicht window driven like a user: choose, read, anonymise, drop files, export."""

from __future__ import annotations

import json
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.region.helpers import NAMES, make_scan, region, write
from zelfscan_app.domain.scan import AnswerValue, SoortMeting
from zelfscan_app.gui.region import open_region_view
from zelfscan_app.gui.region.controls import RegionSource
from zelfscan_app.gui.region.heatmap_model import NAME
from zelfscan_app.gui.region.questions_model import OP_ORDE
from zelfscan_app.gui.region.region_view import RegionView
from zelfscan_app.services.demo import DEMO_MUNICIPALITIES, DEMO_REGION, demo_scans
from zelfscan_app.storage.database import Database

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def demo(demo_url: str):
    """The demo database (a copy of the worker's, see tests/gui/conftest.py), open."""
    db = Database(demo_url)
    yield db
    db.dispose()


@pytest.fixture
def view(qtbot: QtBot, demo, questionnaire) -> RegionView:
    # Opened on the demo region, as Beeld → Regio-overzicht opens it on a scan's region (one
    # load and draw; choosing the region after opening is tested where it is the point).
    v = RegionView(demo, questionnaire, regio=DEMO_REGION)
    qtbot.addWidget(v)
    v.resize(1320, 880)
    v.show()
    qtbot.waitExposed(v)
    assert v.controls.source() == RegionSource.region(DEMO_REGION)
    return v


def percent(op: int, answered: int) -> str:
    value = Decimal(100 * op) / Decimal(answered)
    return str(int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def newest_demo(questionnaire, soort=None):
    chosen = {}
    for scan in demo_scans(questionnaire):
        wanted = soort is None or scan.soort is soort
        if wanted and (scan.gemeente not in chosen or scan.datum > chosen[scan.gemeente].datum):
            chosen[scan.gemeente] = scan
    return chosen


def all_text(v: RegionView) -> str:
    """Everything the window shows as text: models, details, labels, chart and spread."""
    parts = [v.subtitle.text(), v.notice.text(), v.overlay_hint.text(), v.windowTitle()]
    for model in (v.heatmap, v.questions, v.status):
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                for role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
                    parts.append(str(model.data(model.index(r, c), role) or ""))
    parts += [v.cell_detail.toPlainText(), v.question_detail.toPlainText(), v.spread.describe()]
    chart = v.canvas.chart
    if chart is not None:
        parts += [chart.title, chart.subtitle, chart.note, *(s.label for s in chart.series)]
    for i in range(v.source_combo.count()):
        parts.append(v.source_combo.itemText(i))
    return "\n".join(parts)


def test_heat_map_shows_every_score_as_a_number(view: RegionView, questionnaire) -> None:
    newest = newest_demo(questionnaire)
    model = view.heatmap
    assert model.rowCount() == len(DEMO_MUNICIPALITIES) == view.report.picture.count
    standards = [s.number for s in questionnaire.standards]
    for row in range(model.rowCount()):
        name = model.data(model.index(row, NAME))
        scan = newest[name]
        values = {a.question: a.value for a in scan.answers}
        for column, standard in enumerate(standards, start=1):
            given = [
                values[q.number]
                for q in questionnaire.questions_for_standard(standard)
                if values.get(q.number) is not None
            ]
            op = sum(v is AnswerValue.OP_ORDE for v in given)
            text = model.data(model.index(row, column))
            assert text == (percent(op, len(given)) if given else "–"), (name, standard)
            background = model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
            ink = model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)
            assert contrast(background, ink) >= 7.0  # the number stays readable on its colour
    assert model.headerData(3, Qt.Orientation.Horizontal, DISPLAY) == "3"
    assert "Basisvaardigheden" in model.headerData(3, Qt.Orientation.Horizontal, 3)


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(x: float) -> float:
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_x_van_y_per_question_and_the_explanations(view: RegionView, questionnaire) -> None:
    newest = newest_demo(questionnaire)
    model = view.questions
    for row in range(model.rowCount()):
        number = model.question(row)
        values = [s.answer(number).value for s in newest.values()]
        op = sum(v is AnswerValue.OP_ORDE for v in values)
        answered = sum(v is not None for v in values)
        assert model.data(model.index(row, OP_ORDE)) == f"{op} van {answered}"
    view.tabs.setCurrentIndex(2)
    proxy_row = view.questions_proxy.mapFromSource(model.index(model.row_of(5), 0)).row()
    view.questions_table.selectRow(proxy_row)
    detail = view.question_detail.toPlainText()
    assert detail.startswith("Vraag 5.")
    for name, scan in newest.items():
        assert name in detail
        assert scan.answer(5).toelichting in detail


def test_clicking_a_score_shows_that_municipalitys_answers(view: RegionView, questionnaire) -> None:
    model = view.heatmap
    row = model.row_of("Brugwijk")
    view.heatmap_table.setCurrentIndex(view.heatmap_proxy.mapFromSource(model.index(row, 3)))
    text = view.cell_detail.toPlainText()
    assert text.startswith("Brugwijk (nulmeting 2025-03-04) · 3. Basisvaardigheden")
    scan = newest_demo(questionnaire)["Brugwijk"]
    for q in questionnaire.questions_for_standard(3):
        assert f"Vraag {q.number}" in text and scan.answer(q.number).toelichting in text


def test_anonymised_mode_names_nobody(view: RegionView, questionnaire) -> None:
    view.set_overlays(["Aldermeer", "Zandhorst"])
    view.heatmap_table.setCurrentIndex(view.heatmap_proxy.index(0, 2))
    view.set_anonymous(True)
    view.heatmap_table.setCurrentIndex(view.heatmap_proxy.index(1, 4))
    view.questions_table.selectRow(3)
    shown = all_text(view)
    for name in DEMO_MUNICIPALITIES:
        assert name not in shown
    assert "Gemeente A" in shown and "Gemeente H" in shown
    assert "Marieke Verbeek" not in shown
    labels = [s.label for s in view.canvas.chart.series]
    assert labels[0] == "Gemiddelde van 8 gemeenten" and labels[1].startswith("Gemeente ")
    toelichting = newest_demo(questionnaire)["Aldermeer"].answer(4).toelichting
    assert toelichting not in view.question_detail.toPlainText()
    assert "verborgen" in view.question_detail.toPlainText()
    codes = dict(view.report.names)
    view.set_show_texts(True)
    view.questions_table.selectRow(3)
    assert toelichting in view.question_detail.toPlainText()
    assert dict(view.report.names) == codes  # the same letters for the whole session
    view.set_anonymous(False)
    assert "Aldermeer" in all_text(view)


def test_small_groups_show_no_spread_and_no_counts(view: RegionView) -> None:
    view.set_soort(SoortMeting.EVALUATIE)
    assert view.report.picture.count == 4
    assert view.heatmap.rowCount() == 4  # named: everything may be shown
    view.set_anonymous(True)
    assert view.report.suppressed
    assert view.heatmap.rowCount() == 0 and view.heatmap_hidden.isVisibleTo(view)
    assert {view.questions.data(view.questions.index(r, OP_ORDE)) for r in range(31)} == {"–"}
    assert view.notice.isVisibleTo(view) and "minder dan 5" in view.notice.text()
    # No score at all, not even the mean: the spread strip and the spider say why instead.
    assert "gemiddeld " not in view.spread.describe() and "minder dan 5" in view.spread.describe()
    assert view.canvas.chart.band is None and view.canvas.chart.series == ()
    assert "minder dan 5" in view.canvas.chart.note
    shown = all_text(view)
    assert "%" not in shown.replace("0–24%", "")
    assert "4 gemeenten deden mee, minder dan 5" in view.overlay_hint.text()
    assert view.tabs.tabText(view.status_tab) == "Ontbrekend en onvolledig (1)"
    view.set_min_group_size(3)
    assert not view.report.suppressed and view.heatmap.rowCount() == 4
    assert "gemiddeld" in view.spread.describe() and len(view.canvas.chart.series) == 1
    assert "%" in all_text(view)


def test_missing_and_incomplete(view: RegionView) -> None:
    view.set_soort(SoortMeting.NULMETING)
    status = view.status
    rows = [
        (status.data(status.index(r, 0)), status.data(status.index(r, 1)))
        for r in range(status.rowCount())
    ]
    assert ("Oosterwaal", "onvolledig: 24 van 31 vragen beantwoord") in rows
    view.set_soort(SoortMeting.EVALUATIE)
    rows = [status.data(status.index(r, 0)) for r in range(status.rowCount())]
    assert set(rows) == {"Brugwijk", "Eikenrade", "Lindehout", "Zandhorst"}


def test_overlays_follow_the_check_boxes(view: RegionView, qtbot: QtBot) -> None:
    model = view.heatmap
    for name in ("Brugwijk", "Hoogveen"):
        model.setData(
            model.index(model.row_of(name), NAME),
            Qt.CheckState.Checked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
    assert [s.label for s in view.canvas.chart.series][1:] == ["Brugwijk", "Hoogveen"]
    for name in DEMO_MUNICIPALITIES[:6]:
        model.setData(
            model.index(model.row_of(name), NAME),
            Qt.CheckState.Checked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
    with qtbot.waitSignal(model.overlayRefused, timeout=1000) as refused:
        model.setData(
            model.index(model.row_of("Zandhorst"), NAME),
            Qt.CheckState.Checked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
    assert "6 gemeenten" in refused.args[0]
    assert len(view.canvas.chart.series) == 7


def drop(view: RegionView, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dragEnterEvent(enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)


def test_drop_workbooks_to_import_them_with_progress(
    qtbot: QtBot, db, questionnaire, tmp_path: Path
) -> None:
    view = RegionView(db, questionnaire)
    qtbot.addWidget(view)
    view.show()
    assert "Nog geen zelfscans" in view.empty.text() and view.report is None
    paths = [
        write(questionnaire, s, tmp_path / f"{s.gemeente}.xlsx") for s in region(questionnaire, 5)
    ]
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"geen werkmap")
    notes = tmp_path / "notities.txt"
    notes.write_text("niet meenemen")
    values: list[int] = []
    view.progress.valueChanged.connect(values.append)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    with qtbot.waitSignal(view.importFinished, timeout=60_000) as finished:
        drop(view, [*paths, broken, notes])
        assert view.importing and view.import_bar.isVisibleTo(view)
        assert view.progress.maximum() == 6 and not view.import_button.isEnabled()
    timer.stop()
    report = finished.args[0]
    assert len(report.imported) == 5 and len(report.refused) == 1
    assert values[-1] == 6, values  # progress arrived step by step
    assert ticks, "the GUI thread kept running its event loop while importing"
    assert not view.importing and view.import_button.isEnabled()
    assert "5 geïmporteerd" in view.import_status.text() and view.details_button.isVisibleTo(view)
    assert view.source_combo.currentText() == "Ingelezen werkmappen (5)"
    assert view.report.picture.count == 5 and view.heatmap.rowCount() == 5
    with qtbot.waitSignal(view.importFinished, timeout=60_000) as again:
        drop(view, paths[:2])
    assert len(again.args[0].duplicates) == 2
    assert view.source_combo.currentText() == "Ingelezen werkmappen (2)"


def test_cancel_an_import(qtbot: QtBot, db, questionnaire, tmp_path: Path) -> None:
    view = RegionView(db, questionnaire)
    qtbot.addWidget(view)
    paths = [
        write(questionnaire, s, tmp_path / f"{s.gemeente}.xlsx") for s in region(questionnaire, 8)
    ]
    with qtbot.waitSignal(view.importFinished, timeout=60_000) as finished:
        assert view.import_files(paths)
        assert not view.import_files(paths)  # one import at a time
        view.cancel_import()
    report = finished.args[0]
    assert report.cancelled and len(report.imported) < 8
    assert "niet verwerkt" in report.summary()


def test_exports_from_the_window_follow_the_anonymity(view: RegionView, tmp_path: Path) -> None:
    view.set_overlays(["Aldermeer"])
    view.set_anonymous(True)
    written = [
        view.export_workbook(tmp_path / "regio.xlsx"),
        view.export_json(tmp_path / "regio.json"),
        view.export_chart(tmp_path / "regio.png"),
        view.export_document(tmp_path / "regio.docx"),
    ]
    assert all(p is not None and p.exists() for p in written)
    assert json.loads(written[1].read_text())["anonymised"] is True
    for path in (written[0], written[3]):
        with zipfile.ZipFile(path) as archive:
            text = " ".join(archive.read(n).decode("utf-8", "ignore") for n in archive.namelist())
        assert not any(name in text for name in DEMO_MUNICIPALITIES)
    assert not any(name.encode() in written[2].read_bytes() for name in DEMO_MUNICIPALITIES)
    assert "Opgeslagen als" in view.import_status.text()


def test_a_chosen_set_of_scans(view: RegionView, demo) -> None:
    from zelfscan_app.services.scans import list_scans

    ids = [i.id for i in list_scans(demo) if i.gemeente in ("Aldermeer", "Brugwijk")]
    view.select_scans(ids)
    assert view.report.picture.count == 2
    assert view.source_combo.currentText() == "Zelf gekozen (3 zelfscans)"
    view.select_region(DEMO_REGION)
    assert view.report.picture.count == 8


def test_spread_and_spider_agree_with_the_summary(view: RegionView) -> None:
    summary = view.report.picture.summary
    text = view.spread.describe()
    s1 = summary.standard(1)
    assert f"1. Integrale visie: gemiddeld {percent_of(s1.mean)}" in text
    assert f"laagste {percent_of(s1.min)}, hoogste {percent_of(s1.max)}, 8 gemeenten" in text
    chart = view.canvas.chart
    assert chart.series[0].score(1) == pytest.approx(s1.mean)
    assert chart.band.low[1] == s1.min and chart.band.high[1] == s1.max
    view.resize(900, 700)
    view.tabs.setCurrentIndex(1)
    assert not view.spread.grab().isNull()


def percent_of(value: float) -> str:
    return f"{int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))}%"


def test_open_region_view_reuses_the_window(qtbot: QtBot, demo, questionnaire) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    first = open_region_view(parent, demo, questionnaire)
    assert first.isWindow() and first.isVisible() and first.report is not None
    assert open_region_view(parent, demo, questionnaire) is first
    first.close()


def test_other_questionnaire_scans_are_mentioned(qtbot: QtBot, db, questionnaire) -> None:
    from dataclasses import replace

    from zelfscan_app.storage.repository import add_scan

    with db.session() as session:
        for scan in region(questionnaire, 3):
            add_scan(session, scan)
        add_scan(
            session, replace(make_scan(questionnaire, NAMES[5], seed=1), questionnaire_id="ander")
        )
    view = RegionView(db, questionnaire)
    qtbot.addWidget(view)
    assert view.report.picture.count == 3
    assert "andere vragenlijst" in view.notice.text()


def test_the_report_names_the_choice_made_in_the_window(
    view: RegionView, qtbot: QtBot, tmp_path: Path
) -> None:
    import docx

    def meta_and_notes(path: Path) -> str:
        document = docx.Document(str(path))
        cells = [c.text for t in document.tables[:2] for r in t.rows for c in r.cells]
        return "\n".join([*cells, *(p.text for p in document.paragraphs[:12])])

    combo = view.soort_combo
    assert combo.currentText() == "Nieuwste per gemeente"
    mixed = meta_and_notes(view.export_document(tmp_path / "nieuwste.docx"))
    assert "Nieuwste zelfscan per gemeente" in mixed
    assert "Dit overzicht mengt soorten metingen: 4 nulmetingen uit 2025 en 4 evaluaties" in mixed

    combo.setCurrentIndex(combo.findText("Alleen nulmetingen"))  # what choosing it does
    qtbot.waitUntil(lambda: "nulmeting" in view.subtitle.text().lower(), timeout=5000)
    only = meta_and_notes(view.export_document(tmp_path / "nulmetingen.docx"))
    assert "Alleen nulmetingen" in only and "nulmeting 2025" in only
    assert "mengt" not in only


def test_codes_stay_with_a_municipality_for_the_whole_session(view: RegionView, demo) -> None:
    """Switching to a subset (or back) never gives a municipality another letter."""
    from zelfscan_app.services.scans import list_scans

    view.set_min_group_size(1)
    view.set_anonymous(True)
    first = dict(view.report.names)
    assert len(first) == 8
    chosen = ["Zandhorst", "Brugwijk", "Oosterwaal"]
    ids = [item.id for item in list_scans(demo) if item.gemeente in chosen]
    view.select_scans(ids)
    assert dict(view.report.names) == {name: first[name] for name in chosen}
    rows = {view.heatmap.data(view.heatmap.index(r, NAME)) for r in range(3)}
    assert rows == {first[name] for name in chosen}  # what the user reads in the table
    view.select_region(DEMO_REGION)
    assert dict(view.report.names) == first


def test_codes_kept_across_sessions_when_chosen(
    qtbot: QtBot, demo, questionnaire, tmp_path
) -> None:
    """'Codes bewaren': a new window on another day gives every municipality the same letter."""
    key_file = tmp_path / "lettersleutel.json"

    def open_view() -> RegionView:
        v = RegionView(demo, questionnaire, key_file=key_file)
        qtbot.addWidget(v)
        v.show()
        v.select_region(DEMO_REGION)
        v.set_anonymous(True)
        return v

    first = open_view()
    assert first.keep_codes_check.isEnabled() and not key_file.exists()
    first.set_keep_codes(True)
    codes = dict(first.report.names)
    assert key_file.exists() and not any(n in key_file.read_text() for n in DEMO_MUNICIPALITIES)
    first.close()
    second = open_view()
    second.set_keep_codes(True)
    assert dict(second.report.names) == codes
    shown = {second.heatmap.data(second.heatmap.index(r, NAME)) for r in range(8)}
    assert shown == set(codes.values())


def test_a_broken_key_file_is_refused_with_a_dialog(
    qtbot: QtBot, demo, questionnaire, tmp_path, monkeypatch
) -> None:
    from zelfscan_app.gui.region import region_view as module

    key_file = tmp_path / "lettersleutel.json"
    key_file.write_text("kapot", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(module.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    v = RegionView(demo, questionnaire, key_file=key_file)
    qtbot.addWidget(v)
    v.select_region(DEMO_REGION)
    v.set_anonymous(True)
    v.set_keep_codes(True)
    assert shown == [
        f"{key_file}: is geen lettersleutel van Zelfscan Kwaliteitskader (of is beschadigd)"
    ]
    assert not v.keep_codes_check.isChecked() and key_file.read_text() == "kapot"
