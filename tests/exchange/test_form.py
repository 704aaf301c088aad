"""The blank form and the export follow the layout contract of PRODUCT.md and print well."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from tests.exchange.workbooks import SHEET_XML, members
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.exchange import layout
from zelfscan_app.exchange.writer import form_bytes, save_atomic, scan_bytes


@pytest.fixture(scope="module")
def form() -> bytes:
    from zelfscan_app.questionnaire_file import default_questionnaire

    return form_bytes(default_questionnaire(), gemeente="Aldermeer", regio="Veenland")


def _load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_sheets_keys_and_columns_follow_the_contract(form: bytes, q: Questionnaire) -> None:
    wb = _load(form)
    assert wb.sheetnames[:3] == ["Toelichting", "Vragen", "Resultaten"]
    keys = {wb["Toelichting"].cell(r, 1).value: r for r in range(1, 40)}
    for label in ("Gemeente", "Regio", "Datum", "Soort meting", "Vragenlijst"):
        assert label in keys
    values = {label: wb["Toelichting"].cell(keys[label], 2).value for label in keys if label}
    assert values["Gemeente"] == "Aldermeer"
    assert values["Regio"] == "Veenland"
    assert values["Vragenlijst"] == q.label
    vragen = wb["Vragen"]
    header = [c.value for c in vragen[1]]
    assert header[:6] == [
        "Nr",
        "Kwaliteitsstandaard",
        "Vraag",
        "Antwoord",
        "Toelichting",
        "Nuancering",
    ]
    numbers = [vragen.cell(r, 1).value for r in range(2, vragen.max_row + 1)]
    assert numbers == list(q.question_numbers)
    assert vragen.cell(2, 2).value == f"1. {q.standard(1).short_title}"
    assert wb["Deelnemers"].cell(1, 1).value == "Naam"


def test_answer_drop_down_offers_exactly_the_two_values(form: bytes, q: Questionnaire) -> None:
    vragen = _load(form)["Vragen"]
    lists = [dv for dv in vragen.data_validations.dataValidation if "D2" in dv.sqref]
    assert len(lists) == 1
    dv = lists[0]
    assert dv.type == "list"
    assert dv.formula1 == '"Op orde,Niet op orde"'
    assert dv.showErrorMessage and dv.allow_blank
    assert str(dv.sqref) == f"D2:D{len(q.questions) + 1}"
    assert not dv.showDropDown  # True would HIDE the arrow in Excel


def test_readable_and_print_ready(form: bytes) -> None:
    vragen = _load(form)["Vragen"]
    assert vragen.freeze_panes == "A2"
    assert vragen.cell(2, 3).alignment.wrap_text
    assert vragen.row_dimensions[2].height >= 30  # wrapped question text gets room
    assert vragen.page_setup.orientation == "landscape"
    assert int(vragen.page_setup.paperSize) == 9  # A4
    assert vragen.sheet_properties.pageSetUpPr.fitToPage
    assert (vragen.page_setup.fitToWidth, vragen.page_setup.fitToHeight) == (1, 0)
    assert vragen.print_title_rows == "$1:$1"


def test_radar_chart_sits_on_the_third_sheet(form: bytes) -> None:
    parts = members(form)
    chart = parts["xl/charts/chart1.xml"].decode()
    assert "<c:radarChart>" in chart or "<radarChart>" in chart.replace("c:", "")
    assert "Resultaten" in chart  # its series reads the scores on Resultaten
    sheet_rels = parts["xl/worksheets/_rels/sheet3.xml.rels"].decode()
    assert "drawing" in sheet_rels
    workbook = parts["xl/workbook.xml"].decode()
    assert re.findall(r'<sheet [^>]*name="([^"]+)"', workbook)[2] == "Resultaten"
    assert set(SHEET_XML.values()) <= set(parts)


def test_export_writes_scores_as_values(q: Questionnaire, rich: Scan, rich_bytes: bytes) -> None:
    from zelfscan_app.domain.scoring import standard_scores

    res = _load(rich_bytes)["Resultaten"]
    expected = standard_scores(q, rich.values)
    got = [res.cell(5 + i, 2).value for i in range(len(expected))]
    assert got == [None if s.score is None else round(s.score) for s in expected]


def test_text_that_looks_like_a_formula_stays_text(rich_bytes: bytes) -> None:
    sheet = members(rich_bytes)[SHEET_XML["Vragen"]].decode()
    assert "<f>" not in sheet and "<f " not in sheet
    wb = _load(rich_bytes)
    cells = [c for row in wb["Vragen"].iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value[:1] in "=+-@"]
    assert {c.value[:1] for c in risky} == set("=+-@")
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)
    deelnemers = [c for row in wb["Deelnemers"].iter_rows() for c in row]
    assert all(c.data_type != "f" for c in deelnemers)


def test_form_formulas_only_where_meant(form: bytes) -> None:
    """The blank form computes its spider with formulas on Resultaten, nowhere else."""
    parts = members(form)
    assert "<f>" in parts[SHEET_XML["Resultaten"]].decode()
    for name in ("Toelichting", "Vragen", "Deelnemers"):
        assert "<f>" not in parts[SHEET_XML[name]].decode()


def test_export_of_scan_from_other_questionnaire_is_refused(q: Questionnaire, rich: Scan) -> None:
    from dataclasses import replace

    with pytest.raises(ZelfscanError, match="hoort bij vragenlijst"):
        scan_bytes(q, replace(rich, questionnaire_id="iets-anders"))


def test_save_is_atomic_and_checks_the_name(tmp_path, form: bytes) -> None:
    with pytest.raises(ZelfscanError, match=r"\.xlsx"):
        save_atomic(form, tmp_path / "leeg.xls")
    with pytest.raises(ZelfscanError, match="map"):
        save_atomic(form, tmp_path / "bestaat-niet" / "leeg.xlsx")
    target = save_atomic(form, tmp_path / "leeg.xlsx")
    assert target.read_bytes() == form
    assert [p.name for p in tmp_path.iterdir()] == ["leeg.xlsx"]  # no temporary file left


def test_layout_names_are_the_contract() -> None:
    assert layout.REQUIRED_VRAGEN_COLUMNS == (
        "Nr",
        "Kwaliteitsstandaard",
        "Vraag",
        "Antwoord",
        "Toelichting",
        "Nuancering",
    )
    assert layout.KEYS[:5] == ("Gemeente", "Regio", "Datum", "Soort meting", "Vragenlijst")
