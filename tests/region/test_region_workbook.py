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
