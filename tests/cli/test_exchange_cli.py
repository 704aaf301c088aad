"""`zelfscan form`, `import` and `export` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from zelfscan_app.cli.main import main
from zelfscan_app.exchange.reader import read_scan_file
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services.scans import list_scans
from zelfscan_app.storage.database import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_help_is_dutch_with_the_contract_options(capsys: pytest.CaptureFixture[str]) -> None:
    for command, options in (
        ("form", ("--out", "--gemeente", "--regio")),
        ("import", ("BESTAND",)),
        ("export", ("--gemeente", "--datum", "--soort", "--out", "--met-deelnemers")),
    ):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"gebruik: zelfscan {command}")
        assert "toon deze hulp en stop" in out
        for option in options:
            assert option in out


def test_form_writes_a_blank_workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "leeg.xlsx"
    code, stdout, _ = run(capsys, "form", "--out", str(out), "--gemeente", "Aa", "--regio", "B")
    assert code == 0 and "Leeg formulier geschreven" in stdout
    assert out.read_bytes()[:2] == b"PK"


def test_form_refuses_wrong_extension(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "form", "--out", str(tmp_path / "leeg.csv"))
    assert code == 1
    assert "zelfscan: fout:" in err and ".xlsx" in err


def test_export_then_import_elsewhere(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path
) -> None:
    assert main(["--database", db_url, "demo"]) == 0
    capsys.readouterr()
    out = tmp_path / "aldermeer.xlsx"
    code, stdout, _ = run(
        capsys, "--database", db_url, "export", "--gemeente", "aldermeer", "--out", str(out)
    )
    assert code == 0
    assert "Aldermeer, evaluatie" in stdout  # the newest scan
    scan = read_scan_file(out, default_questionnaire()).scan
    assert scan.gemeente == "Aldermeer"

    other = f"sqlite:///{tmp_path / 'regio.sqlite'}"
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(out.read_bytes()[:1000])
    code, stdout, err = run(capsys, "--database", other, "import", str(out), str(out), str(bad))
    assert code == 1  # something was refused
    assert "geïmporteerd:" in stdout and "al aanwezig:" in stdout
    assert f"geweigerd: {bad}: " in err
    assert "1 geïmporteerd, 1 al aanwezig, 0 conflict (apart bewaard), 1 geweigerd." in stdout
    assert [i.gemeente for i in list_scans(Database(other))] == ["Aldermeer"]


def test_export_options(capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path) -> None:
    main(["--database", db_url, "demo"])
    capsys.readouterr()
    out = str(tmp_path / "x.xlsx")
    code, stdout, _ = run(
        capsys, "--database", db_url, "export", "--gemeente", "Aldermeer",
        "--soort", "Nulmeting", "--datum", "2025-03-03", "--out", out,
    )  # fmt: skip
    assert code == 0 and "nulmeting 2025-03-03" in stdout
    code, _, err = run(
        capsys, "--database", db_url, "export", "--gemeente", "Nergenshuizen", "--out", out
    )
    assert code == 1 and "geen zelfscan van gemeente 'Nergenshuizen'" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--database", db_url, "export", "--gemeente", "A", "--datum", "2025-02-30",
              "--out", out])  # fmt: skip
    assert exit_info.value.code == 2
    assert "geen geldige datum" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--gemeente", "A", "--soort", "jaarmeting", "--out", out])
    assert "ongeldige keuze" in capsys.readouterr().err


def test_import_missing_file(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    code, _, err = run(capsys, "--database", db_url, "import", "bestaat-niet.xlsx")
    assert code == 1
    assert "geweigerd: bestaat-niet.xlsx: het bestand bestaat niet" in err


def test_export_names_participants_only_when_asked(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path
) -> None:
    main(["--database", db_url, "demo"])
    capsys.readouterr()
    plain, named = tmp_path / "zonder.xlsx", tmp_path / "met.xlsx"
    base = ["--database", db_url, "export", "--gemeente", "Aldermeer", "--out"]
    code, stdout, _ = run(capsys, *base, str(plain))
    assert code == 0 and "(zonder namen van deelnemers)" in stdout
    code, stdout, _ = run(capsys, *base, str(named), "--met-deelnemers")
    assert code == 0 and "(met namen van deelnemers)" in stdout
    q = default_questionnaire()
    assert read_scan_file(plain, q).scan.participants == ()
    assert read_scan_file(named, q).scan.participants  # the demo scans have participants
