"""The native radar chart is built in one place (exchange/radar.py) for both workbooks.

The scan workbook's and the regional workbook's spiders used to be two copies of the same
openpyxl code; now both call `add_radar` with their own look, so a fix reaches both.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from tests.region.helpers import region
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.exchange import radar

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def _chart(path: Path) -> ElementTree.Element:
    with zipfile.ZipFile(path) as archive:
        return ElementTree.fromstring(archive.read("xl/charts/chart1.xml"))


def _mean_look(root: ElementTree.Element) -> tuple[str, str, str]:
    series = root.find(".//c:ser", NS)
    assert series is not None
    colour = series.find("c:spPr/a:ln/a:solidFill/a:srgbClr", NS)
    marker = series.find("c:marker/c:symbol", NS)
    categories = series.find("c:cat//c:f", NS)
    assert colour is not None and marker is not None and categories is not None
    return colour.get("val", ""), marker.get("val", ""), categories.text or ""


def test_both_workbooks_draw_the_score_with_the_one_builder(
    q: Questionnaire, tmp_path: Path
) -> None:
    from zelfscan_app.services import region as svc
    from zelfscan_app.services.exchange import make_form

    form = make_form(q, tmp_path / "leeg.xlsx")
    report = svc.RegionReport(svc.build_picture(q, region(q, 6)))
    regional = svc.write_workbook(report, tmp_path / "regio.xlsx")
    scan_root, region_root = _chart(form), _chart(regional)
    # The same blue circles over the standards in column A of Resultaten.
    scan_look, region_look = _mean_look(scan_root), _mean_look(region_root)
    assert scan_look[:2] == region_look[:2] == (radar.BLUE, "circle")
    assert scan_look[2].endswith("$A$5:$A$14") and region_look[2].endswith("$A$5:$A$14")
    for root, look in ((scan_root, radar.SCAN_RADAR), (region_root, radar.REGION_RADAR)):
        title = "".join(t.text or "" for t in root.iterfind(".//c:title//a:t", NS))
        assert title == look.title
        unit = root.find(".//c:valAx/c:majorUnit", NS)
        assert unit is not None and float(unit.get("val", "0")) == look.major_unit


def test_no_second_copy_of_the_radar_code() -> None:
    folder = Path(radar.__file__).parent
    users = [p.name for p in folder.glob("*.py") if "RadarChart" in p.read_text(encoding="utf-8")]
    assert users == ["radar.py"]
