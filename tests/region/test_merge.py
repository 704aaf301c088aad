"""Merging generated regions: the numbers against an independent computation, and the edges
(soort, duplicates, missing, incomplete, mixed versions, foreign and broken files, cancel)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from zelfscan_app.domain.scan import SoortMeting
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services import region as svc
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.repository import add_scan

from .helpers import NAMES, edit_workbook, expected_json, later, latest, make_scan, region, write

NUL, EVAL = SoortMeting.NULMETING, SoortMeting.EVALUATIE


def contract(report: svc.RegionReport) -> dict:
    data = report.json_data()
    return {k: data[k] for k in ("questionnaire", "municipalities", "standards", "questions")}


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list]:
    """Seven municipalities, one with a later evaluatie, one incomplete: eight files. Written
    once per module: the tests only read them."""
    questionnaire = default_questionnaire()
    tmp_path = tmp_path_factory.mktemp("werkmappen")
    scans = region(questionnaire, 7)
    scans[3] = make_scan(
        questionnaire, NAMES[3], seed=33, skip=frozenset({5, 6, 20, 31}), neighbour=NAMES[4]
    )
    evaluatie = later(make_scan(questionnaire, NAMES[0], seed=99), 200, soort=EVAL)
    scans.append(evaluatie)
    paths = [
        write(questionnaire, s, tmp_path / f"{i}-{s.gemeente}.xlsx") for i, s in enumerate(scans)
    ]
    return paths, scans


def test_merged_files_match_an_independent_computation(workbooks, questionnaire) -> None:
    paths, scans = workbooks
    merge = svc.merge_files(paths, questionnaire)
    assert merge.refused == () and merge.files == 8
    assert merge.summary() == "8 van 8 bestanden samengevoegd (7 gemeenten)."
    report = svc.RegionReport(merge.picture, seed=1)
    chosen = list(latest(scans).values())
    assert contract(report) == expected_json(questionnaire, chosen)
    data = report.json_data()
    assert set(data["standards"]) == {str(s.number) for s in questionnaire.standards}
    assert all(isinstance(k, str) for k in data["questions"])
    assert data["anonymised"] is False and data["missing"] == 0 and data["incomplete"] == 1


def test_latest_per_municipality_is_used_and_named_in_the_notes(workbooks, questionnaire) -> None:
    paths, _ = workbooks
    merge = svc.merge_files(paths, questionnaire)
    used = merge.picture.contribution(NAMES[0])
    assert used.scan.soort is EVAL and used.others == 1 and used.source == str(paths[-1])
    assert any(NAMES[0] in n and "nieuwste" in n and str(paths[-1]) in n for n in merge.notes)
    assert (
        merge.picture.selection_text
        == "nieuwste zelfscan per gemeente (6 nulmetingen, 1 evaluatie)"
    )


def test_a_chosen_soort_and_who_is_missing(workbooks, questionnaire) -> None:
    paths, scans = workbooks
    merge = svc.merge_files(paths, questionnaire, soort=EVAL)
    assert merge.picture.count == 1
    assert merge.picture.missing == tuple(sorted(NAMES[1:7]))
    nul = svc.merge_files(paths, questionnaire, soort=NUL)
    chosen = [s for s in scans if s.soort is NUL]
    assert contract(svc.RegionReport(nul.picture)) == expected_json(questionnaire, chosen)
    assert nul.picture.missing == ()


def test_incomplete_and_a_known_list(workbooks, questionnaire) -> None:
    paths, _ = workbooks
    merge = svc.merge_files(paths, questionnaire, expected=[*NAMES[:7], "Westerkaap"])
    assert merge.picture.missing == ("Westerkaap",)
    (incomplete,) = merge.picture.incomplete
    assert (incomplete.name, incomplete.answered, incomplete.total) == (NAMES[3], 27, 31)
    notes = svc.RegionReport(merge.picture).notes()
    assert any("Westerkaap" in n for n in notes)
    assert any(f"{NAMES[3]} (27 van 31)" in n for n in notes)


def test_bad_and_foreign_files_are_refused_the_rest_merged(
    workbooks, questionnaire, tmp_path: Path
) -> None:
    paths, scans = workbooks
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"PK\x03\x04 dit is geen werkmap")
    foreign = write(
        questionnaire, make_scan(questionnaire, "Westerkaap", seed=5), tmp_path / "w.xlsx"
    )
    edit_workbook(foreign, vragenlijst="andere-vragenlijst 1.0")
    missing = tmp_path / "bestaat-niet.xlsx"
    merge = svc.merge_files([*paths, broken, foreign, missing], questionnaire)
    assert merge.summary() == "8 van 11 bestanden samengevoegd (7 gemeenten)."
    messages = {Path(r.path).name: r.message for r in merge.refused}
    assert set(messages) == {"kapot.xlsx", "w.xlsx", "bestaat-niet.xlsx"}
    assert "andere-vragenlijst" in messages["w.xlsx"] and "nooit gemengd" in messages["w.xlsx"]
    assert all(message.startswith(str(tmp_path)) for message in messages.values())
    assert contract(svc.RegionReport(merge.picture)) == expected_json(
        questionnaire, list(latest(scans).values())
    )


def test_mixed_versions_merge_on_common_questions(tmp_path: Path, questionnaire) -> None:
    scans = region(questionnaire, 5)
    paths = [write(questionnaire, s, tmp_path / f"{s.gemeente}.xlsx") for s in scans]
    for path in paths[:2]:
        edit_workbook(path, vragenlijst=f"{questionnaire.id} 2019.3", drop=(24, 31))
    merge = svc.merge_files(paths, questionnaire)
    picture = merge.picture
    assert picture.excluded_questions == (24, 31)
    assert picture.versions == {questionnaire.version: 3, "2019.3": 2}
    (warning,) = picture.summary.warnings
    assert "2019.3: 2 gemeenten" in warning and "vragen 24, 31" in warning
    common = set(questionnaire.question_numbers) - {24, 31}
    data = svc.RegionReport(picture).json_data()
    assert {k: data[k] for k in ("standards", "questions")} == {
        k: v
        for k, v in expected_json(questionnaire, scans, common).items()
        if k in ("standards", "questions")
    }
    assert "24" not in data["questions"] and data["standards"]["9"]["n"] == 0
    assert data["warnings"] == [warning]
    assert all(c.total == 29 and c.complete for c in picture.contributions)


def test_nothing_usable(tmp_path: Path, questionnaire) -> None:
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"niets")
    merge = svc.merge_files([broken], questionnaire)
    assert (
        merge.picture is None and merge.summary() == "0 van 1 bestanden samengevoegd (0 gemeenten)."
    )


def test_cancel_between_files(workbooks, questionnaire) -> None:
    paths, _ = workbooks
    seen = []
    merge = svc.merge_files(
        paths,
        questionnaire,
        on_progress=lambda done, total: seen.append((done, total)),
        should_cancel=lambda: len(seen) >= 2,
    )
    assert merge.cancelled and merge.picture is None and seen == [(1, 8), (2, 8)]


def test_from_the_database_by_region_and_by_ids(db: Database, questionnaire) -> None:
    scans = region(questionnaire, 4) + region(questionnaire, 2, seed=8, regio="Elders")
    scans.append(make_scan(questionnaire, "Kromvliet", seed=3, regio="Elders"))
    scans.append(later(scans[0], 30, soort=EVAL))
    with db.session() as session:
        ids = [add_scan(session, s) for s in scans]
    options = svc.region_options(db)
    assert [(o.regio, o.municipalities, o.scans) for o in options] == [
        ("Elders", 3, 3),
        ("Regio Testland", 4, 5),
    ]
    picture = svc.load_region(db, questionnaire, regio="regio testland")
    assert picture.count == 4 and picture.regio == "regio testland".strip()
    chosen = [scans[-1], *scans[1:4]]
    assert contract(svc.RegionReport(picture)) == expected_json(questionnaire, chosen)
    evaluaties = svc.load_region(db, questionnaire, regio="Regio Testland", soort=EVAL)
    assert evaluaties.count == 1 and evaluaties.missing == tuple(sorted(NAMES[1:4]))
    chosen_ids = svc.load_region(db, questionnaire, scan_ids=ids[4:7])
    assert chosen_ids.regio == "Elders" and chosen_ids.count == 3


def test_scans_of_another_questionnaire_are_left_out(questionnaire) -> None:
    from dataclasses import replace

    scans = region(questionnaire, 3)
    scans.append(replace(make_scan(questionnaire, "Kromvliet", seed=2), questionnaire_id="x"))
    picture = svc.build_picture(questionnaire, scans)
    assert picture.count == 3 and picture.other_questionnaire == 1
    assert any("andere vragenlijst" in n for n in svc.RegionReport(picture).notes())


def test_overlays_on_the_regional_spider(questionnaire) -> None:
    picture = svc.build_picture(questionnaire, region(questionnaire, 6))
    report = svc.RegionReport(picture, seed=3)
    chart = report.chart([NAMES[1], NAMES[4]])
    assert [s.label for s in chart.series] == ["Gemiddelde van 6 gemeenten", NAMES[1], NAMES[4]]
    assert chart.band is not None
    mean = chart.series[0]
    assert mean.score(1) == pytest.approx(picture.summary.standard(1).mean)
    anonymous = report.with_options(anonymous=True)
    labels = [s.label for s in anonymous.chart([NAMES[1]]).series]
    assert labels[1] == anonymous.names[NAMES[1]] and labels[1].startswith("Gemeente ")
    hidden = report.with_options(anonymous=True, min_group_size=7).chart([NAMES[1]])
    assert hidden.series == () and hidden.band is None  # no scores below the group size


def test_today_in_the_workbook_facts(questionnaire) -> None:
    picture = svc.build_picture(questionnaire, region(questionnaire, 2))
    book = svc.RegionReport(picture).workbook(today=date(2026, 5, 1))
    assert ("Gemaakt op", "2026-05-01") in book.facts
