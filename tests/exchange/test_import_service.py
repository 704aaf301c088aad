"""Importing into the database: all or nothing per file, duplicates, conflicts, versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.exchange.workbooks import db_state, edit, key_row, normalised, set_cell
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan, SoortMeting
from zelfscan_app.errors import NotFound, ZelfscanError
from zelfscan_app.exchange.writer import scan_bytes
from zelfscan_app.services import exchange as service
from zelfscan_app.services.exchange import ImportStatus
from zelfscan_app.services.scans import create_scan, get_scan, list_scans
from zelfscan_app.storage.database import Database


def test_refused_file_leaves_the_database_byte_for_byte(
    db: Database, q: Questionnaire, rich_bytes: bytes, write
) -> None:
    create_scan(db, replace(normalised_rich(rich_bytes, q), gemeente="Bestaand"))
    before = db_state(db)
    bad = edit(rich_bytes, set_cell("Vragen", "D20", "Half op orde"))
    report = service.import_files(db, [write(bad, "fout.xlsx")], q)
    assert [r.status for r in report.results] == [ImportStatus.REFUSED]
    assert "fout.xlsx, blad Vragen, rij 20, kolom Antwoord" in report.results[0].message
    assert db_state(db) == before


def normalised_rich(data: bytes, q: Questionnaire) -> Scan:
    from zelfscan_app.exchange.reader import read_scan_bytes

    return read_scan_bytes(data, "x.xlsx", q).scan


def test_several_files_each_all_or_nothing(
    db: Database, q: Questionnaire, rich: Scan, rich_bytes: bytes, write
) -> None:
    other = scan_bytes(q, replace(rich, gemeente="Harlingen"), with_participants=True)
    paths = [
        write(rich_bytes, "a.xlsx"),
        write(b"geen excel", "b.xlsx"),
        write(other, "c.xlsx"),
        write(rich_bytes[:5000], "d.xlsx"),
    ]
    seen: list[tuple[int, int]] = []
    report = service.import_files(db, paths, q, on_progress=lambda d, t: seen.append((d, t)))
    assert [r.status for r in report.results] == [
        ImportStatus.IMPORTED,
        ImportStatus.REFUSED,
        ImportStatus.IMPORTED,
        ImportStatus.REFUSED,
    ]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert {i.gemeente for i in list_scans(db)} == {"Súdwest-Fryslân", "Harlingen"}
    assert (
        report.summary()
        == "2 geïmporteerd, 0 al aanwezig, 0 conflict (apart bewaard), 2 geweigerd."
    )
    assert all(r.message.startswith(str(r.path)) for r in report.results)
    assert get_scan(db, report.results[0].scan_id) == replace(
        normalised(rich), id=report.results[0].scan_id
    )


def test_cancel_stops_between_files(
    db: Database, q: Questionnaire, rich_bytes: bytes, write
) -> None:
    paths = [write(rich_bytes, "a.xlsx"), write(rich_bytes, "b.xlsx")]
    calls = iter([False, True])
    report = service.import_files(db, paths, q, should_cancel=lambda: next(calls))
    assert report.cancelled
    assert [r.status for r in report.results] == [ImportStatus.IMPORTED, ImportStatus.SKIPPED]
    assert "afgebroken" in report.summary()


def test_same_file_twice_is_not_duplicated(
    db: Database, q: Questionnaire, rich_bytes: bytes, write
) -> None:
    path = write(rich_bytes)
    first = service.import_files(db, [path, path], q)
    assert [r.status for r in first.results] == [ImportStatus.IMPORTED, ImportStatus.DUPLICATE]
    before = db_state(db)
    again = service.import_files(db, [path], q)
    assert again.results[0].status is ImportStatus.DUPLICATE
    assert again.results[0].scan_id == first.results[0].scan_id
    assert len(list_scans(db)) == 1
    assert db_state(db) == before


def test_same_scan_exported_again_is_recognised(
    db: Database, q: Questionnaire, rich: Scan, write, tmp_path: Path
) -> None:
    """A fresh export of the same scan has other bytes (timestamps) but the same content."""
    scan_id = create_scan(db, rich)
    out = service.export_scan(db, q, scan_id, tmp_path / "opnieuw.xlsx", with_participants=True)
    report = service.import_files(db, [out], q)
    assert report.results[0].status is ImportStatus.DUPLICATE
    assert report.results[0].scan_id == scan_id
    assert len(list_scans(db)) == 1


def test_different_workbook_same_key_is_a_conflict_kept_apart(
    db: Database, q: Questionnaire, rich_bytes: bytes, write
) -> None:
    first = service.import_files(db, [write(rich_bytes, "a.xlsx")], q).results[0]
    changed = edit(rich_bytes, set_cell("Vragen", "D2", "Niet op orde"))
    result = service.import_files(db, [write(changed, "b.xlsx")], q).results[0]
    assert result.status is ImportStatus.CONFLICT
    assert result.scan_id != first.scan_id
    assert f"zelfscan {first.scan_id}" in result.message
    kept = get_scan(db, result.scan_id)
    original = get_scan(db, first.scan_id)
    assert kept.answer(1).value != original.answer(1).value  # nothing merged
    assert "Conflict" in kept.warning and original.warning == ""
    assert len(list_scans(db)) == 2


def test_other_version_is_stored_with_its_warning(
    db: Database, q: Questionnaire, rich_bytes: bytes, write
) -> None:
    row = key_row(rich_bytes, "Vragenlijst")
    data = edit(rich_bytes, set_cell("Toelichting", f"B{row}", f"{q.id} 2025.9"))
    result = service.import_files(db, [write(data)], q).results[0]
    assert result.status is ImportStatus.IMPORTED
    stored = get_scan(db, result.scan_id)
    assert stored.questionnaire_version == "2025.9"
    assert "2025.9" in stored.warning


def test_other_questionnaire_id_is_refused(
    db: Database, q: Questionnaire, rich_bytes: bytes, write
) -> None:
    before = db_state(db)
    row = key_row(rich_bytes, "Vragenlijst")
    data = edit(rich_bytes, set_cell("Toelichting", f"B{row}", "regio-variant-west 1.0"))
    result = service.import_files(db, [write(data)], q).results[0]
    assert result.status is ImportStatus.REFUSED
    assert "regio-variant-west" in result.message
    assert db_state(db) == before


# Choosing the scan to export --------------------------------------------------------------------


def _scan(rich: Scan, **changes) -> Scan:
    return replace(rich, **changes)


def test_choose_newest_matching(db: Database, rich: Scan) -> None:
    create_scan(db, _scan(rich, gemeente="Aa", datum=date(2025, 1, 1), soort=SoortMeting.NULMETING))
    newest = create_scan(db, _scan(rich, gemeente="Aa", datum=date(2026, 1, 1)))
    assert service.choose_scan(db, gemeente="aa").id == newest
    chosen = service.choose_scan(db, gemeente="Aa", soort=SoortMeting.NULMETING)
    assert chosen.datum == date(2025, 1, 1)


def test_choose_none_and_ambiguous(db: Database, rich: Scan) -> None:
    create_scan(db, _scan(rich, gemeente="Aldermeer"))
    with pytest.raises(NotFound, match="bedoelt u Aldermeer"):
        service.choose_scan(db, gemeente="Aldermer")
    with pytest.raises(NotFound, match="wel: evaluatie 2026-03-15"):
        service.choose_scan(db, gemeente="Aldermeer", datum=date(2020, 1, 1))
    create_scan(db, _scan(rich, gemeente="Aldermeer"))
    with pytest.raises(ZelfscanError, match="2 zelfscans van Aldermeer met datum 2026-03-15"):
        service.choose_scan(db, gemeente="Aldermeer")
