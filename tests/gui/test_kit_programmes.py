"""Meeting programmes from the small form: filled Word documents from restylable templates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot

from zelfscan_app.domain.programme import Meeting
from zelfscan_app.gui.kit.programme_dialog import ProgrammeDialog
from zelfscan_app.reports.templates import TemplateKind, find_template


def _dialog(qtbot: QtBot, meeting: Meeting, **kwargs) -> ProgrammeDialog:
    dialog = ProgrammeDialog(meeting, wie="Regio Noordwaard", **kwargs)
    qtbot.addWidget(dialog)
    dialog.datum.setDate(QDate(2026, 3, 12))
    dialog.start.setTime(QTime(13, 30))
    dialog.locatie.setText("Gemeentehuis Aldermeer, zaal 2")
    return dialog


def _table_rows(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    programme = document.tables[-1]
    return [[c.text for c in row.cells] for row in programme.rows]


def test_startbijeenkomst_with_times_and_speakers(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, Meeting.STARTBIJEENKOMST)
    assert list(dialog.speakers) == ["welkom", "introductie", "afsluiting"]
    dialog.speakers["welkom"].setText("Jan de Vries, wethouder")
    dialog.speakers["afsluiting"].setText("Fatima El Idrissi, projectleider")
    path = dialog.write_to(tmp_path / "start.docx")
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "Startbijeenkomst"
    assert paragraphs[1] == "Regio Noordwaard"
    meta = [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert meta == [
        ["Datum", "12 maart 2026"],
        ["Tijd", "13.30 – 17.00"],
        ["Locatie of link", "Gemeentehuis Aldermeer, zaal 2"],
    ]
    rows = _table_rows(path)
    assert rows[0] == ["Tijd", "Programmaonderdeel", "Door"]
    assert len(rows) == 1 + 11  # the eleven parts of bijlage 1
    assert rows[1][0] == "13.30 – 14.00"
    assert rows[2][0] == "14.00 – 14.15" and rows[2][2] == "Jan de Vries, wethouder"
    assert rows[3][2] == ""  # no speaker filled in: nothing, not a placeholder
    assert rows[6][1].startswith("Aan de slag met het invullen van de zelfscan: 1e blok")
    assert "vragen 1 t/m 14" in rows[6][1]
    assert rows[-1][0] == "16.45 – 17.00" and rows[-1][2] == "Fatima El Idrissi, projectleider"
    assert document.core_properties.title == "Programma startbijeenkomst – Regio Noordwaard"
    assert "{{" not in "\n".join(paragraphs)


def test_follow_up_lists_the_break_out_questions(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, Meeting.FOLLOW_UP)
    assert list(dialog.speakers) == ["welkom", "uitkomsten", "plan", "afsluiting"]
    dialog.speakers["plan"].setText("Marieke Verbeek, regionaal projectleider")
    rows = _table_rows(dialog.write_to(tmp_path / "follow-up.docx"))
    assert len(rows) == 1 + 9
    themes = next(r for r in rows if r[1].startswith("Aan de slag met de thema’s"))
    assert "Willen we dit thema regionaal of lokaal oppakken?" in themes[1]
    plan = next(r for r in rows if r[1].startswith("Hoe kom je van de zelfscan"))
    assert plan[2] == "Marieke Verbeek, regionaal projectleider"


def test_switching_meeting_keeps_typed_speakers_and_checks_the_form(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, Meeting.STARTBIJEENKOMST)
    dialog.speakers["welkom"].setText("Jan de Vries")
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(Meeting.FOLLOW_UP))
    assert dialog.speakers["welkom"].text() == "Jan de Vries"
    dialog.wie.clear()
    assert dialog.write_to(tmp_path / "x.docx") is None
    assert dialog.error.text() == "vul de regio of gemeente in"
    assert not (tmp_path / "x.docx").exists()
    dialog.wie.setText("Gemeente Aldermeer")
    dialog.start.setTime(QTime(22, 0))
    assert dialog.write_to(tmp_path / "x.docx") is None
    assert "middernacht" in dialog.error.text()


def test_a_restyled_programme_template_is_used_and_a_broken_one_refused(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "huisstijl"
    folder.mkdir()
    target = folder / TemplateKind.STARTBIJEENKOMST.value
    restyled = docx.Document(str(find_template(TemplateKind.STARTBIJEENKOMST)))
    restyled.paragraphs[0].insert_paragraph_before("Huisstijl regio Noordwaard")
    restyled.save(str(target))
    dialog = _dialog(qtbot, Meeting.STARTBIJEENKOMST, template_dir=str(folder))
    path = dialog.write_to(tmp_path / "start.docx")
    assert docx.Document(str(path)).paragraphs[0].text == "Huisstijl regio Noordwaard"
    # The follow-up template is not in the folder: the bundled one is used.
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(Meeting.FOLLOW_UP))
    assert dialog.write_to(tmp_path / "follow.docx") is not None
    target.write_bytes(b"geen word-document")
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(Meeting.STARTBIJEENKOMST))
    assert dialog.write_to(tmp_path / "kapot.docx") is None
    assert str(target) in dialog.error.text()
    assert "Word-document" in dialog.error.text()
    assert not (tmp_path / "kapot.docx").exists()


def test_programme_menu_entries_prefill_the_form(qtbot: QtBot, demo_window, monkeypatch) -> None:
    seen = {}

    def fake_exec(self) -> int:
        seen["wie"] = self.wie.text()
        seen["meeting"] = self.meeting.currentData()
        return 0

    monkeypatch.setattr(ProgrammeDialog, "exec", fake_exec)
    demo_window.list_page.table.selectRow(0)
    item = demo_window.list_page.current_item()
    demo_window.kit.start_programme.trigger()
    assert seen == {"wie": item.gemeente, "meeting": Meeting.STARTBIJEENKOMST}
    demo_window.kit.follow_up_programme.trigger()
    assert seen == {"wie": f"Regio {item.regio}", "meeting": Meeting.FOLLOW_UP}
    assert date.today()  # the form's date defaults to today (QDateEdit current date)


def test_typed_text_is_text_never_template_code(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ProgrammeDialog(Meeting.STARTBIJEENKOMST, wie="{{ 7*7 }} <b>&amp; {% if 1 %}")
    qtbot.addWidget(dialog)
    dialog.locatie.setText("zaal\x0b2\x00")
    dialog.speakers["welkom"].setText('=HYPERLINK("x") {{ titel }}')
    path = dialog.write_to(tmp_path / "p.docx")
    document = docx.Document(str(path))
    assert document.paragraphs[1].text == "{{ 7*7 }} <b>&amp; {% if 1 %}"
    meta = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert meta["Locatie of link"] == "zaal2"  # control characters never reach the document
    assert _table_rows(path)[2][2] == '=HYPERLINK("x") {{ titel }}'
