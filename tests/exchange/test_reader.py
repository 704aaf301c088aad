"""Reading: lenient on how people type in Excel, strict on what it means, one clear message."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.exchange.workbooks import edit, key_row, set_cell, set_text
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue, SoortMeting
from zelfscan_app.errors import ImportRefused
from zelfscan_app.exchange.reader import read_scan_bytes

PATH = "gemeente.xlsx"


def read(data: bytes, q: Questionnaire):
    return read_scan_bytes(data, PATH, q)


def refused(data: bytes, q: Questionnaire) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        read(data, q)
    error = info.value
    message = str(error)
    assert message.startswith(PATH)  # names the file
    assert "\n" not in message and "Traceback" not in message
    return error


# Lenient ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, expected",
    [
        (datetime(2026, 3, 15), date(2026, 3, 15)),  # an Excel date cell
        (date(2026, 3, 15), date(2026, 3, 15)),
        (46096, date(2026, 3, 15)),  # an Excel day number in a General cell
        ("2026-03-15", date(2026, 3, 15)),
        (" 2026-3-15 ", date(2026, 3, 15)),
        ("15-03-2026", date(2026, 3, 15)),
        ("15/3/2026", date(2026, 3, 15)),
        ("15 maart 2026", date(2026, 3, 15)),
        ("2026-03-15 00:00:00", date(2026, 3, 15)),
    ],
)
def test_dates_as_people_type_them(
    rich_bytes: bytes, q: Questionnaire, typed: object, expected: date
) -> None:
    row = key_row(rich_bytes, "Datum")
    assert (
        read(edit(rich_bytes, set_cell("Toelichting", f"B{row}", typed)), q).scan.datum == expected
    )


def test_spaces_and_case_do_not_matter(rich_bytes: bytes, q: Questionnaire) -> None:
    soort_row = key_row(rich_bytes, "Soort meting")

    def change(wb) -> None:
        t = wb["Toelichting"]
        t[f"A{soort_row}"] = "  soort METING: "
        t[f"B{soort_row}"] = " Nulmeting "
        t[f"B{key_row(rich_bytes, 'Gemeente')}"] = "  Súdwest-Fryslân  "
        v = wb["Vragen"]
        v["D2"] = "  op   ORDE "
        v["D3"] = "niet op orde"
        v["A4"] = "3"
        v["A5"] = 4.0
        v["G2"] = "x"
        v["G3"] = "nee"
        v["D1"] = " antwoord "

    scan = read(edit(rich_bytes, change), q).scan
    assert scan.soort is SoortMeting.NULMETING
    assert scan.gemeente == "Súdwest-Fryslân"
    assert scan.answer(1).value is AnswerValue.OP_ORDE
    assert scan.answer(2).value is AnswerValue.NIET_OP_ORDE
    assert scan.answer(1).bespreekpunt and not scan.answer(2).bespreekpunt


def test_columns_found_by_name_and_blank_rows_skipped(rich_bytes: bytes, q: Questionnaire) -> None:
    def change(wb) -> None:
        v = wb["Vragen"]
        v.insert_rows(10, amount=3)  # empty rows between questions
        v["J1"] = "Eigen notities"  # an extra column of the group's own
        v["J5"] = "iets"

    scan = read(edit(rich_bytes, change), q).scan
    assert len(scan.answers) == len(read(rich_bytes, q).scan.answers)


def test_without_participants_sheet_and_gespreksleider(rich_bytes: bytes, q: Questionnaire) -> None:
    row = key_row(rich_bytes, "Gespreksleider")

    def change(wb) -> None:
        del wb["Deelnemers"]
        wb["Toelichting"].delete_rows(row)

    scan = read(edit(rich_bytes, change), q).scan
    assert scan.participants == () and scan.facilitator == ""


def test_other_version_imports_with_a_warning(rich_bytes: bytes, q: Questionnaire) -> None:
    row = key_row(rich_bytes, "Vragenlijst")
    data = edit(rich_bytes, set_cell("Toelichting", f"B{row}", f"{q.id} 2019.3"))
    result = read(data, q)
    assert result.scan.questionnaire_version == "2019.3"
    assert "2019.3" in result.scan.warning and q.version in result.scan.warning
    assert result.warnings


def test_other_version_may_map_a_question_elsewhere(rich_bytes: bytes, q: Questionnaire) -> None:
    row = key_row(rich_bytes, "Vragenlijst")

    def change(wb) -> None:
        wb["Toelichting"][f"B{row}"] = f"{q.id} 2019.3"
        wb["Vragen"]["B2"] = "7. Iets anders"

    result = read(edit(rich_bytes, change), q)
    assert "andere kwaliteitsstandaard" in result.scan.warning


# Strict: one message naming file, place and problem -----------------------------------------


def _key(data: bytes, label: str, value: object) -> bytes:
    return edit(data, set_cell("Toelichting", f"B{key_row(data, label)}", value))


@pytest.mark.parametrize(
    "label, value, where, problem",
    [
        ("Datum", "2026-02-30", "kolom B", "bestaat niet"),
        ("Datum", "31-04-2026", "kolom B", "bestaat niet"),
        ("Datum", "gisteren", "kolom B", "geen datum"),
        ("Datum", datetime(1999, 12, 31), "kolom B", "ligt niet tussen"),
        ("Datum", "2150-01-01", "kolom B", "ligt niet tussen"),
        ("Datum", None, "kolom B", "ontbreekt"),
        ("Soort meting", "tussenmeting", "kolom B", "onbekende soort meting"),
        ("Gemeente", "   ", "kolom B", "gemeente is niet ingevuld"),
        ("Gemeente", "x" * 201, "kolom B", "het maximum is 200"),
        ("Vragenlijst", "een-andere-lijst 1.0", "kolom B", "nooit gemengd"),
        ("Vragenlijst", None, "kolom B", "niet ingevuld"),
    ],
)
def test_bad_metadata(
    rich_bytes: bytes, q: Questionnaire, label: str, value: object, where: str, problem: str
) -> None:
    error = refused(_key(rich_bytes, label, value), q)
    assert error.where.startswith("blad Toelichting, rij ")
    assert where in error.where
    assert problem in error.problem


@pytest.mark.parametrize(
    "cell, value, where, problem",
    [
        ("D3", "Misschien", "blad Vragen, rij 3, kolom Antwoord", "onbekend antwoord 'Misschien'"),
        ("D7", 1, "blad Vragen, rij 7, kolom Antwoord", "onbekend antwoord"),
        ("A4", 32, "blad Vragen, rij 4, kolom Nr", "vraag 32 bestaat niet"),
        ("A4", 0, "blad Vragen, rij 4, kolom Nr", "vraag 0 bestaat niet"),
        ("A4", "vier", "blad Vragen, rij 4, kolom Nr", "geen vraagnummer"),
        ("A4", 2.5, "blad Vragen, rij 4, kolom Nr", "geen vraagnummer"),
        ("A4", 2, "blad Vragen, rij 4, kolom Nr", "twee keer in het blad (ook op rij 3)"),
        ("A4", None, "blad Vragen, rij 4", "geen vraagnummer"),
        (
            "B2",
            "4. Zicht op veiligheid",
            "blad Vragen, rij 2, kolom Kwaliteitsstandaard",
            "hoort bij",
        ),
        ("E2", "x" * 10_001, "blad Vragen, rij 2, kolom Toelichting", "het maximum is 10000"),
        ("F2", "x" * 10_001, "blad Vragen, rij 2, kolom Nuancering", "het maximum is 10000"),
        ("G2", "misschien", "blad Vragen, rij 2, kolom Bespreekpunt", "geen geldige waarde"),
        ("E5", "=1+1", "blad Vragen, rij 5, kolom Toelichting", "formule"),
        ("D5", "#N/A", "blad Vragen, rij 5, kolom Antwoord", "foutwaarde"),
        ("D1", "Antw", "blad Vragen, rij 1", "de kolom 'Antwoord' ontbreekt"),
        ("F1", "Toelichting", "blad Vragen, rij 1", "twee keer"),
    ],
)
def test_bad_questions(
    rich_bytes: bytes, q: Questionnaire, cell: str, value: object, where: str, problem: str
) -> None:
    error = refused(edit(rich_bytes, set_cell("Vragen", cell, value)), q)
    assert error.where == where
    assert problem in error.problem


def test_formula_text_typed_with_apostrophe_is_fine(rich_bytes: bytes, q: Questionnaire) -> None:
    scan = read(edit(rich_bytes, set_text("Vragen", "E2", "=1+1")), q).scan
    assert scan.answer(1).toelichting == "=1+1"


def test_missing_sheet(rich_bytes: bytes, q: Questionnaire) -> None:
    def change(wb) -> None:
        wb["Vragen"].title = "Vragen (kopie)"

    error = refused(edit(rich_bytes, change), q)
    assert "het blad ‘Vragen’ ontbreekt" in error.problem


@pytest.mark.parametrize("label", ["Gemeente", "Regio", "Datum", "Soort meting", "Vragenlijst"])
def test_missing_key(rich_bytes: bytes, q: Questionnaire, label: str) -> None:
    row = key_row(rich_bytes, label)
    error = refused(edit(rich_bytes, lambda wb: wb["Toelichting"].delete_rows(row)), q)
    assert error.where == "blad Toelichting"
    assert f"het veld '{label}' ontbreekt" in error.problem


def test_duplicate_key(rich_bytes: bytes, q: Questionnaire) -> None:
    data = edit(rich_bytes, set_cell("Toelichting", "A60", "Gemeente"))
    error = refused(data, q)
    assert error.where == "blad Toelichting, rij 60"
    assert "twee keer" in error.problem


def test_too_many_question_rows(rich_bytes: bytes, q: Questionnaire) -> None:
    def change(wb) -> None:
        v = wb["Vragen"]
        for r in range(40, 700):
            v.cell(r, 5, "vulsel")

    error = refused(edit(rich_bytes, change), q)
    assert error.where == "blad Vragen" and "gevulde rijen" in error.problem


def test_participant_too_long(rich_bytes: bytes, q: Questionnaire) -> None:
    error = refused(edit(rich_bytes, set_cell("Deelnemers", "B3", "o" * 300)), q)
    assert error.where == "blad Deelnemers, rij 3, kolom Organisatie"
