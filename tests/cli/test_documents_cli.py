"""`zelfscan plan` and `zelfscan rapport`: by scan number or workbook, with clear Dutch errors."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest

from tests.reports.test_documents import NIET_OP_ORDE, UNANSWERED, plan_tables, sample_scan
from zelfscan_app.cli.main import main
from zelfscan_app.services import actions as action_service
from zelfscan_app.services.exchange import export_scan, import_file
from zelfscan_app.services.scans import create_scan
from zelfscan_app.storage.database import Database


@pytest.fixture
def scan_id(db: Database, questionnaire) -> int:
    return create_scan(db, sample_scan(questionnaire))


def run(db_url: str, *args: str) -> int:
    return main(["--database", db_url, *args])


def test_plan_by_scan_number(
    db_url: str, scan_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.docx"
    assert run(db_url, "plan", str(scan_id), "--out", str(out), "--periode", "2026-2028") == 0
    message = capsys.readouterr().out
    assert message.startswith(f"Plan van aanpak geschreven naar {out}")
    assert "plan-van-aanpak.docx" in message
    document = docx.Document(str(out))
    assert document.paragraphs[1].text == "Plan van Aanpak 2026 – 2028"  # under [Evt. titel]
    assert (
        sum(len(t.rows) - 1 for t in plan_tables(document))
        == len(NIET_OP_ORDE) + len(UNANSWERED) + 1
    )  # + empty row of 9


def test_rapport_by_scan_number(
    db_url: str, scan_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rapport.docx"
    assert run(db_url, "rapport", str(scan_id), "--out", str(out)) == 0
    assert "Rapportage geschreven naar" in capsys.readouterr().out
    assert docx.Document(str(out)).paragraphs[0].text == "Resultaten zelfscan"


def test_plan_from_a_workbook_uses_stored_actions_once_imported(
    db: Database, db_url: str, questionnaire, tmp_path: Path
) -> None:
    elsewhere = Database(f"sqlite:///{tmp_path / 'gemeente.sqlite'}")
    workbook = tmp_path / "aldermeer.xlsx"
    export_scan(
        elsewhere, questionnaire, create_scan(elsewhere, sample_scan(questionnaire)), workbook
    )
    elsewhere.dispose()
    out = tmp_path / "plan.docx"
    assert run(db_url, "plan", str(workbook), "--out", str(out)) == 0
    rows = [r for t in plan_tables(docx.Document(str(out))) for r in t.rows[1:]]
    assert rows[0].cells[0].text.startswith("Vraag 1 — ")
    assert rows[0].cells[2].text.startswith("Suggestie:")  # not imported: drafts only

    imported = import_file(db, workbook, questionnaire).scan_id
    draft = action_service.plan_actions(db, questionnaire, imported)[0]
    action_service.save_action(db, imported, replace(draft, verbeteractie="Visie opstellen"))
    assert run(db_url, "plan", str(workbook), "--out", str(out)) == 0
    rows = [r for t in plan_tables(docx.Document(str(out))) for r in t.rows[1:]]
    assert rows[0].cells[2].text == "Visie opstellen"


def test_user_template_folder_option(
    db_url: str, scan_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from zelfscan_app.reports.templates import TemplateKind, find_template

    folder = tmp_path / "huisstijl"
    folder.mkdir()
    template = folder / TemplateKind.FINDINGS.value
    restyled = docx.Document(str(find_template(TemplateKind.FINDINGS)))
    restyled.paragraphs[0].insert_paragraph_before("Gemeente Aldermeer – huisstijl")
    restyled.save(str(template))
    out = tmp_path / "rapport.docx"
    assert run(db_url, "rapport", str(scan_id), "--out", str(out), "--sjablonen", str(folder)) == 0
    assert f"(sjabloon: {template})" in capsys.readouterr().out
    assert docx.Document(str(out)).paragraphs[0].text == "Gemeente Aldermeer – huisstijl"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "99", "--out", "{tmp}/p.docx"], "zelfscan 99 bestaat niet"),
        (["plan", "{scan}", "--out", "{tmp}/p.pdf"], "kies een bestandsnaam die eindigt op .docx"),
        (["plan", "{scan}", "--out", "{tmp}/weg/p.docx"], "de map om in op te slaan bestaat niet"),
        (["rapport", "x.pdf", "--out", "{tmp}/r.docx"], "geen zelfscannummer en geen .xlsx"),
        (["rapport", "{tmp}/weg.xlsx", "--out", "{tmp}/r.docx"], "het bestand bestaat niet"),
        (
            ["plan", "{scan}", "--out", "{tmp}/p.docx", "--sjablonen", "{tmp}/weg"],
            "de map met sjablonen bestaat niet",
        ),
        (
            ["rapport", "{scan}", "--out", "{tmp}/r.docx", "--sjablonen", "{tmp}/kapot"],
            "rapport-zelfscan.docx: is geen bruikbaar Word-document",
        ),
    ],
    ids=["unknown-scan", "suffix", "folder", "reference", "no-file", "templates", "broken"],
)
def test_errors_are_one_dutch_line(
    db_url: str,
    scan_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    (tmp_path / "kapot").mkdir()
    (tmp_path / "kapot" / "rapport-zelfscan.docx").write_text("geen word")
    filled = [a.format(tmp=tmp_path, scan=scan_id) for a in args]
    assert run(db_url, *filled) == 1
    err = capsys.readouterr().err
    assert err.startswith("zelfscan: fout: ") and message in err
    assert len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.docx"))


def test_bad_period_and_help_are_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["plan", "1", "--out", "p.docx", "--periode", "2027-2025"])
    assert exit_info.value.code == 2
    assert "ongeldige periode '2027-2025'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["plan", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: zelfscan plan")
    assert "--sjablonen MAP" in out and "bijlage 5" in out
