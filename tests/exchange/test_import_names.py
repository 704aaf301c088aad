"""Names are cleaned at the workbook door; a lookalike gemeente is a conflict (issue 12.6)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.exchange.workbooks import db_state, key_row, patch_cell
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan
from zelfscan_app.exchange.writer import scan_bytes
from zelfscan_app.services import exchange as service
from zelfscan_app.services.exchange import ImportStatus
from zelfscan_app.services.scans import get_scan, list_scans
from zelfscan_app.storage.database import Database


def _with_gemeente(data: bytes, value: str) -> bytes:
    return patch_cell(data, "Toelichting", f"B{key_row(data, 'Gemeente')}", value)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Súdwest\u200b-Fryslân", "Súdwest-Fryslân"),  # zero-width space
        ("Súdwest-Fryslân\u00a0\u00a0", "Súdwest-Fryslân"),  # trailing NBSP
        ("Súdwest\u00a0Fryslân", "Súdwest Fryslân"),  # NBSP inside becomes a space
        ("\ufeffSu\u0301dwest-Fryslân", "Súdwest-Fryslân"),  # BOM, decomposed ú → NFC
    ],
)
def test_invisible_leftovers_in_gemeente_are_removed(
    db: Database, q: Questionnaire, rich_bytes: bytes, write, typed: str, stored: str
) -> None:
    report = service.import_files(db, [write(_with_gemeente(rich_bytes, typed))], q)
    assert [r.status for r in report.results] == [ImportStatus.IMPORTED]
    assert get_scan(db, report.results[0].scan_id).gemeente == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("\u202enaardleM", "U+202E"),  # right-to-left override: shows as "Mledraan"
        ("Alder_x001B_[2Jmeer", "U+001B"),  # the workbook's escape for ESC
        ("Alder_x0007_meer", "U+0007"),
        ("Aldermeer\u2066", "U+2066"),
    ],
)
def test_control_and_bidi_characters_in_gemeente_refuse_the_file(
    db: Database, q: Questionnaire, rich_bytes: bytes, write, typed: str, code: str
) -> None:
    before = db_state(db)
    path = write(_with_gemeente(rich_bytes, typed), "vreemd.xlsx")
    report = service.import_files(db, [path], q)
    result = report.results[0]
    assert result.status is ImportStatus.REFUSED
    row = key_row(rich_bytes, "Gemeente")
    assert result.message == (
        f"{path}, blad Toelichting, rij {row}, kolom B: de gemeente bevat een onzichtbaar "
        f"stuurteken ({code}) dat in een naam niet is toegestaan; typ de naam opnieuw zonder "
        "dat teken"
    )
    assert db_state(db) == before


def test_control_character_in_a_participant_is_refused(
    db: Database, q: Questionnaire, rich_bytes: bytes, write
) -> None:
    bad = patch_cell(rich_bytes, "Deelnemers", "A2", "Anneke_x001B_]0;pwnd_x0007_ Bosma")
    result = service.import_files(db, [write(bad)], q).results[0]
    assert result.status is ImportStatus.REFUSED
    assert "blad Deelnemers, rij 2, kolom Naam: de naam bevat een onzichtbaar stuurteken" in (
        result.message
    )
    assert "U+001B, U+0007" in result.message


def test_lookalike_gemeente_is_a_conflict_not_a_new_municipality(
    db: Database, q: Questionnaire, rich: Scan, rich_bytes: bytes, write
) -> None:
    first = service.import_files(db, [write(rich_bytes, "echt.xlsx")], q).results[0]
    assert first.status is ImportStatus.IMPORTED
    spoof = scan_bytes(q, replace(rich, gemeente="Ѕúdwest-Fryslân", facilitator="Iemand anders"))
    before = db_state(db)
    report = service.import_files(db, [write(spoof, "nep.xlsx")], q)
    result = report.results[0]
    assert result.status is ImportStatus.CONFLICT
    assert result.scan_id is None
    assert (
        "lijkt op de bestaande gemeente 'Súdwest-Fryslân' maar is niet precies gelijk "
        "(andere tekens: U+0405, Cyrillisch)"
    ) in result.message
    assert "niet ingelezen" in result.message
    assert db_state(db) == before
    assert {i.gemeente for i in list_scans(db)} == {"Súdwest-Fryslân"}
    assert report.summary() == (
        "0 geïmporteerd, 0 al aanwezig, 1 conflict (0 apart bewaard, 1 niet ingelezen), "
        "0 geweigerd."
    )
    assert report.not_stored == (result,)


def test_case_or_accent_only_difference_is_flagged_too(
    db: Database, q: Questionnaire, rich: Scan, rich_bytes: bytes, write
) -> None:
    service.import_files(db, [write(rich_bytes, "echt.xlsx")], q)
    for name in ("SÚDWEST-FRYSLÂN", "Sudwest-Fryslan", "Súdwest Fryslân"):
        other = scan_bytes(q, replace(rich, gemeente=name, facilitator="Ander"))
        result = service.import_files(db, [write(other, "ander.xlsx")], q).results[0]
        assert result.status is ImportStatus.CONFLICT and result.scan_id is None, name
        assert "lijkt op de bestaande gemeente 'Súdwest-Fryslân'" in result.message
    # The same scan with only another case is the same scan: already there.
    same = scan_bytes(q, replace(rich, gemeente="súdwest-fryslân"), with_participants=True)
    result = service.import_files(db, [write(same, "zelfde.xlsx")], q).results[0]
    assert result.status is ImportStatus.DUPLICATE
    assert len(list_scans(db)) == 1


def test_overlong_name_states_the_real_limit(
    db: Database, q: Questionnaire, rich_bytes: bytes, write
) -> None:
    """The message said 'het maximum is 2000' for a limit of 200."""
    for length in (201, 2500):
        data = _with_gemeente(rich_bytes, "A" * length)
        result = service.import_files(db, [write(data)], q).results[0]
        assert result.status is ImportStatus.REFUSED
        assert result.message.endswith(
            f"de gemeente is {length} tekens lang; het maximum is 200"
        ), result.message


def test_cli_reports_a_lookalike_as_conflict_and_fails(
    capsys: pytest.CaptureFixture[str], db_url: str, q: Questionnaire, rich: Scan, write
) -> None:
    from zelfscan_app.cli.main import main

    real = write(scan_bytes(q, replace(rich, gemeente="Aldermeer")), "echt.xlsx")
    spoof = write(scan_bytes(q, replace(rich, gemeente="Аldermeer", regio="X")), "nep.xlsx")
    assert main(["--database", db_url, "import", str(real)]) == 0
    capsys.readouterr()
    assert main(["--database", db_url, "import", str(spoof)]) == 1  # nothing stored
    out = capsys.readouterr().out
    assert f"conflict: {spoof}: niet ingelezen: de gemeente 'Аldermeer' lijkt op" in out
    assert out.endswith("1 conflict (0 apart bewaard, 1 niet ingelezen), 0 geweigerd.\n")
