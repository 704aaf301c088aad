"""Importing voorbereidingen into a scan, the split per question and the show of hands."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.exchange.workbooks import db_state, patch_cell
from tests.prescan.helpers import DOORS, expected, nine_prescans, prescan_bytes
from zelfscan_app.domain.prescan import SplitSource
from zelfscan_app.domain.scan import AnswerValue, Scan, SoortMeting
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.services import exchange, prescans, scans
from zelfscan_app.storage.database import SCHEMA_REVISION, Database

OP = AnswerValue.OP_ORDE


@pytest.fixture
def scan(db: Database, questionnaire) -> Scan:
    new = Scan(
        gemeente="Aldermeer",
        regio="Veenland",
        datum=date(2026, 3, 15),
        soort=SoortMeting.NULMETING,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
    )
    return scans.get_scan(db, scans.create_scan(db, new))


def test_schema_has_the_prescan_revision(db: Database) -> None:
    assert db.current_revision() == SCHEMA_REVISION  # 0008 is part of the chain


def test_nine_prescans_give_the_known_split_of_every_question(
    db: Database, questionnaire, scan: Scan, tmp_path: Path
) -> None:
    paths = nine_prescans(questionnaire, scan, tmp_path / "voorbereidingen")
    report = prescans.import_prescans(
        db, questionnaire, scan.id, prescans.workbooks_in([tmp_path / "voorbereidingen"])
    )
    assert len(report.imported) == 9, report.results
    assert all(DOORS[0] not in r.message for r in report.results)  # no names in messages
    splits = prescans.splits(db, questionnaire, scan.id)
    for number in questionnaire.question_numbers:
        s = splits[number]
        assert (s.op_orde, s.niet_op_orde, s.open) == expected(number), number
        assert s.source is SplitSource.VOORBEREIDING
    # The same files again: stored once.
    again = prescans.import_prescans(db, questionnaire, scan.id, [str(p) for p in paths])
    assert len(again.duplicates) == 9 and not again.imported
    assert len(prescans.prescans(db, scan.id)) == 9
    # The group's scan itself is untouched: pre-scans are not its answers, nor a new scan.
    assert scans.get_scan(db, scan.id).answers == ()
    assert [i.id for i in scans.list_scans(db)] == [scan.id]


def test_toelichtingen_without_names_unless_asked(
    db: Database, questionnaire, scan: Scan, tmp_path: Path
) -> None:
    nine_prescans(questionnaire, scan, tmp_path / "v")
    prescans.import_prescans(db, questionnaire, scan.id, prescans.workbooks_in([tmp_path / "v"]))
    hidden = prescans.toelichtingen(db, scan.id, 1)
    assert len(hidden) == 9 and all(n.door == "" for n in hidden)
    shown = prescans.toelichtingen(db, scan.id, 1, with_names=True)
    assert [n.door for n in shown] == DOORS
    assert prescans.toelichtingen(db, scan.id, 2) == []


def test_group_form_refused_as_prescan_and_prescan_refused_as_scan(
    db: Database, questionnaire, scan: Scan, tmp_path: Path
) -> None:
    group = tmp_path / "groep.xlsx"
    exchange.make_form(questionnaire, group, gemeente="Brugwijk", regio="Veenland")
    data = patch_cell(group.read_bytes(), "Toelichting", "B7", "2026-03-15")
    group.write_bytes(patch_cell(data, "Toelichting", "B8", "nulmeting"))
    before = db_state(db)
    report = prescans.import_prescans(db, questionnaire, scan.id, [group])
    assert "‘Voorbereiding door’ op het blad Toelichting is leeg" in report.refused[0].message
    # The same blank form with the field empty is still a normal form for a group scan.
    assert exchange.import_files(db, [group], questionnaire).imported

    prescan = tmp_path / "jan.xlsx"
    prescan.write_bytes(prescan_bytes(questionnaire, scan, "Jan", {1: (OP, "")}))
    state = db_state(db)
    result = exchange.import_files(db, [prescan], questionnaire)
    assert "dit is een voorbereiding" in result.refused[0].message
    assert db_state(db) == state
    assert before != state


def test_prescan_of_another_gemeente_is_refused(
    db: Database, questionnaire, scan: Scan, tmp_path: Path
) -> None:
    other = tmp_path / "brugwijk.xlsx"
    other.write_bytes(prescan_bytes(questionnaire, scan, "Jan", {1: (OP, "")}, gemeente="Brugwijk"))
    report = prescans.import_prescans(db, questionnaire, scan.id, [other])
    assert "voor gemeente ‘Brugwijk’, de gekozen zelfscan is van ‘Aldermeer’" in (
        report.refused[0].message
    )
    assert prescans.prescans(db, scan.id) == []


def test_region_merge_never_takes_a_prescan(questionnaire, scan: Scan, tmp_path: Path) -> None:
    from zelfscan_app.services.region import merge_files

    path = tmp_path / "jan.xlsx"
    path.write_bytes(prescan_bytes(questionnaire, scan, "Jan", {1: (OP, "")}))
    merged = merge_files([path], questionnaire)
    assert merged.picture is None
    assert "voorbereiding van één deelnemer" in merged.refused[0].message


def test_hand_count_is_stored_and_used_only_without_prescans(
    db: Database, questionnaire, scan: Scan, tmp_path: Path
) -> None:
    split = prescans.save_hand_count(db, scan.id, 3, (6, 4))
    assert split is not None and split.label() == "6 op orde · 4 niet op orde"
    assert prescans.hand_counts(db, scan.id) == {3: (6, 4)}
    view = prescans.overview(db, questionnaire, scan.id)
    assert view.prescans == 0 and view.splits[3].source is SplitSource.HANDOPSTEKEN
    assert [r.question for r in view.ranking] == [3] and view.marked == {3}
    with pytest.raises(ZelfscanError, match="tussen 0 en 999"):
        prescans.save_hand_count(db, scan.id, 3, (6, 1000))
    assert prescans.save_hand_count(db, scan.id, 3, (0, 0)) is None
    assert prescans.hand_counts(db, scan.id) == {}


def test_prescans_go_with_their_scan_when_purged(
    db: Database, questionnaire, scan: Scan, tmp_path: Path
) -> None:
    path = tmp_path / "jan.xlsx"
    path.write_bytes(prescan_bytes(questionnaire, scan, "Jan", {1: (OP, "")}))
    prescans.import_prescans(db, questionnaire, scan.id, [path])
    prescans.save_hand_count(db, scan.id, 1, (1, 1))
    from zelfscan_app.storage import repository

    with db.session() as session:
        repository.purge(session, scan.id)
    assert prescans.prescans(db, scan.id) == []
    assert prescans.hand_counts(db, scan.id) == {}
