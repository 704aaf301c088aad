"""The regional workbook: its sheets carry the merged numbers, and it has a native radar chart."""

from __future__ import annotations

import zipfile
from pathlib import Path

from zelfscan_app.services import region as svc

from .helpers import NAMES, expected_json, make_scan, region


def test_sheets_hold_the_numbers(questionnaire, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    scans = region(questionnaire, 6)
    scans[1] = make_scan(questionnaire, NAMES[1], seed=3, skip=frozenset({1, 2}))
    picture = svc.build_picture(questionnaire, scans, regio="Regio Testland")
    path = svc.write_workbook(svc.RegionReport(picture), tmp_path / "regio.xlsx")
    expected = expected_json(questionnaire, scans)
    wb = load_workbook(path)
    assert wb.sheetnames == [
        "Toelichting",
        "Resultaten",
        "Per vraag",
        "Per gemeente",
        "Toelichtingen",
    ]

    facts = {
        r[0]: r[1] for r in wb["Toelichting"].iter_rows(min_row=5, max_row=11, values_only=True)
    }
    assert facts["Regio"] == "Regio Testland" and facts["Gemeenten"] == "6"

    resultaten = wb["Resultaten"]
    for offset, standard in enumerate(questionnaire.standards):
        row = [resultaten.cell(5 + offset, c).value for c in range(1, 6)]
        want = expected["standards"][str(standard.number)]
        assert row[0].startswith(f"{standard.number}. ")
        assert row[1:] == [want["mean"], want["min"], want["max"], want["n"]]
    assert resultaten.cell(5, 2).number_format == '0"%"'

    per_vraag = wb["Per vraag"]
    rows = [r for r in per_vraag.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)]
    assert len(rows) == 31
    for r in rows:
        want = expected["questions"][str(r[0])]
        assert (r[3], r[4]) == (want["op_orde"], want["answered"])
        assert r[5].startswith(f"{want['op_orde']} van {want['answered']} gemeenten op orde")
    assert (
        rows[0][5]
        == f"{expected['questions']['1']['op_orde']} van 5 gemeenten op orde (1 zonder antwoord)"
    )

    heat = wb["Per gemeente"]
    names = [heat.cell(r, 1).value for r in range(5, 11)]
    assert names == sorted(NAMES[:6])
    brugwijk = [heat.cell(6, c).value for c in range(2, 14)]
    assert brugwijk[0] == "–"  # standard 1 has no answers in Brugwijk: no score, not 0
    assert brugwijk[-2:] == ["29 van 31", "nulmeting 2026-03-02"]
    fills = {heat.cell(r, c).fill.start_color.rgb[-6:] for r in range(5, 11) for c in range(2, 12)}
    assert fills <= {"F6C3A0", "FBE3CF", "F2F2F2", "D6E5F3", "A9C8E6", "FFFFFF"}

    texts = list(wb["Toelichtingen"].iter_rows(min_row=5, values_only=True))
    assert texts and all(t[0] in NAMES for t in texts)

    with zipfile.ZipFile(path) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert "radarChart" in chart and chart.count("<ser>") == 3  # mean, lowest, highest


def test_radar_lowest_and_highest_have_distinct_styles(tmp_path: Path, questionnaire) -> None:
    from xml.etree import ElementTree

    from zelfscan_app.services import region as svc

    report = svc.RegionReport(svc.build_picture(questionnaire, region(questionnaire, 6)))
    path = svc.write_workbook(report, tmp_path / "regio.xlsx")
    from openpyxl import load_workbook

    headers = [c.value for c in load_workbook(path)["Resultaten"][4]][1:4]
    assert headers == ["Gemiddelde", "Laagste", "Hoogste"]
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("xl/charts/chart1.xml"))
    ns = {
        "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    }
    looks = {}
    for series in root.iterfind(".//c:ser", ns):
        # The title refers to the header cell: B4 Gemiddelde, C4 Laagste, D4 Hoogste.
        ref = series.find("c:tx/c:strRef/c:f", ns).text
        title = {"B4": "Gemiddelde", "C4": "Laagste", "D4": "Hoogste"}[ref.split("!")[-1]]
        line = series.find("c:spPr/a:ln", ns)
        colour = line.find("a:solidFill/a:srgbClr", ns).get("val")
        dash = line.find("a:prstDash", ns)
        marker = series.find("c:marker/c:symbol", ns).get("val")
        looks[title] = (
            colour,
            None if dash is None else dash.get("val"),
            marker,
        )
    assert set(looks) == {"Gemiddelde", "Laagste", "Hoogste"}
    low, high, mean = looks["Laagste"], looks["Hoogste"], looks["Gemiddelde"]
    assert low[0] != high[0] and low[1] != high[1] and low[2] != high[2]
    assert mean[0] not in (low[0], high[0])


def test_headers_never_break_inside_a_word_and_explanations_carry_the_question(
    tmp_path: Path, questionnaire
) -> None:
    from openpyxl import load_workbook

    from zelfscan_app.exchange.region_workbook import header_word_width

    report = svc.RegionReport(svc.build_picture(questionnaire, region(questionnaire, 6)))
    wb = load_workbook(svc.write_workbook(report, tmp_path / "regio.xlsx"))
    checked = 0
    for ws in wb.worksheets[1:]:
        for row in ws.iter_rows(max_row=8):
            for cell in row:
                if cell.value and cell.fill.fgColor.rgb.endswith("1F4E79"):  # a header cell
                    width = ws.column_dimensions[cell.column_letter].width
                    assert width >= header_word_width(cell.value), (ws.title, cell.value)
                    checked += 1
    assert checked > 20
    # '1Gezin1Plan1Regisseur' (21 letters) gets a column wide enough for it.
    assert header_word_width("6. 1Gezin1Plan1Regisseur") > 15

    texts = wb["Toelichtingen"]
    header = [c.value for c in texts[4]]
    assert header[:3] == ["Gemeente", "Nr", "Vraag"]
    rows = [r for r in texts.iter_rows(min_row=5, values_only=True) if r[1]]
    assert rows and all(r[2] == questionnaire.question(r[1]).text for r in rows)
