"""`zelfscan merge`: workbooks in, regional workbook, JSON and Word report out."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.region.helpers import NAMES, edit_workbook, expected_json, make_scan, region, write
from zelfscan_app.cli.main import main
from zelfscan_app.questionnaire_file import default_questionnaire


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list]:
    """Six workbooks of one region, written once per module: the tests only read them."""
    questionnaire = default_questionnaire()
    scans = region(questionnaire, 6)
    folder = tmp_path_factory.mktemp("in")
    return [write(questionnaire, s, folder / f"{s.gemeente.lower()}.xlsx") for s in scans], scans


def run(*args: object) -> int:
    return main(["merge", *map(str, args)])


def test_merge_writes_workbook_json_and_report(
    files, questionnaire, tmp_path: Path, capsys
) -> None:
    paths, scans = files
    out, summary, docx = tmp_path / "regio.xlsx", tmp_path / "regio.json", tmp_path / "regio.docx"
    assert run(*paths, "--out", out, "--json", summary, "--docx", docx) == 0
    captured = capsys.readouterr()
    assert "6 van 6 bestanden samengevoegd (6 gemeenten)." in captured.out
    assert captured.err == ""
    data = json.loads(summary.read_text(encoding="utf-8"))
    expected = expected_json(questionnaire, scans)
    assert {k: data[k] for k in expected} == expected
    assert list(data)[:4] == ["questionnaire", "municipalities", "standards", "questions"]
    assert data["standards"]["1"].keys() == {"mean", "min", "max", "n"}
    assert data["questions"]["1"].keys() == {"op_orde", "answered"}
    assert data["regio"] == "Regio Testland" and data["anonymised"] is False
    with zipfile.ZipFile(out) as archive:
        assert any(n.startswith("xl/charts/") for n in archive.namelist())
    with zipfile.ZipFile(docx) as archive:
        document = archive.read("word/document.xml").decode()
    assert NAMES[0] in document  # named, since not anonymised


def test_a_bad_file_among_many(files, questionnaire, tmp_path: Path, capsys) -> None:
    paths, _ = files
    broken = tmp_path / "kapot.xlsx"
    broken.write_text("geen werkmap")
    foreign = write(
        questionnaire, make_scan(questionnaire, "Kromvliet", seed=1), tmp_path / "k.xlsx"
    )
    edit_workbook(foreign, vragenlijst="regio-vragenlijst 3")
    summary = tmp_path / "regio.json"
    assert run(*paths, broken, foreign, "--json", summary) == 1
    captured = capsys.readouterr()
    assert "6 van 8 bestanden samengevoegd (6 gemeenten)." in captured.out
    assert f"geweigerd: {broken}: " in captured.err
    assert (
        f"geweigerd: {foreign}, blad Toelichting" in captured.err
        and "regio-vragenlijst" in captured.err
    )
    assert json.loads(summary.read_text())["municipalities"] == 6


def test_same_municipality_twice_uses_the_latest(files, questionnaire, tmp_path, capsys) -> None:
    from tests.region.helpers import later

    paths, scans = files
    newer = later(make_scan(questionnaire, NAMES[2], seed=77), 90)
    extra = write(questionnaire, newer, tmp_path / "nieuwer.xlsx")
    summary = tmp_path / "regio.json"
    assert run(*paths, extra, "--json", summary) == 0
    captured = capsys.readouterr()
    assert f"{NAMES[2]}: 2 werkmappen; gebruikt is de nieuwste" in captured.err
    chosen = [newer if s.gemeente == NAMES[2] else s for s in scans]
    assert (
        json.loads(summary.read_text())["standards"]
        == expected_json(questionnaire, chosen)["standards"]
    )


def test_anonymous_small_group_hides_spread(files, tmp_path: Path, capsys) -> None:
    paths, _ = files
    summary, out = tmp_path / "anoniem.json", tmp_path / "anoniem.xlsx"
    assert run(*paths, "--anoniem", "--min-groep", 10, "--json", summary, "--out", out) == 0
    data = json.loads(summary.read_text())
    assert data["anonymised"] is True and data["questions"] == {}
    assert set(data["standards"]["1"].values()) == {None}  # no score at all, not even n
    assert "minder dan 10" in capsys.readouterr().err
    with zipfile.ZipFile(out) as archive:
        text = " ".join(archive.read(n).decode("utf-8", "ignore") for n in archive.namelist())
    assert not any(name in text for name in NAMES[:6])


def test_soort_and_a_known_list(files, tmp_path: Path, capsys) -> None:
    paths, _ = files
    known = tmp_path / "gemeenten.txt"
    known.write_text("# regio\n" + "\n".join([*NAMES[:6], "Westerkaap"]) + "\n", encoding="utf-8")
    summary = tmp_path / "regio.json"
    assert run(*paths, "--soort", "nulmeting", "--gemeenten", known, "--json", summary) == 0
    assert "Ontbreekt (geen nulmeting): Westerkaap." in capsys.readouterr().err
    data = json.loads(summary.read_text())
    assert data["soort"] == "nulmeting" and data["missing"] == 1
    assert run(*paths, "--soort", "evaluatie", "--json", summary) == 1
    assert "niets om samen te voegen: geen evaluatie" in capsys.readouterr().err


def test_the_output_is_never_read_as_input(files, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"  # the output among the inputs, as a shell's *.xlsx would have it
    folder.mkdir()
    paths = [Path(shutil.copy(path, folder)) for path in files[0]]
    out = folder / "regio.xlsx"
    assert run(*paths, "--out", out) == 0
    assert run(*paths, out, "--out", out) == 0  # e.g. `zelfscan merge *.xlsx --out regio.xlsx`
    assert "dit is een uitvoerbestand" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "geef minstens één uitvoerbestand"),
        (["--out", "regio.json"], "kies voor --out een bestandsnaam op .xlsx"),
        (["--json", "x.txt"], "kies voor --json een bestandsnaam op .json"),
        (["--json", "geen/map/x.json"], "de map om in op te slaan bestaat niet"),
        (["--json", "x.json", "--met-toelichtingen"], "--met-toelichtingen hoort bij --anoniem"),
        (["--json", "x.json", "--min-groep", "3"], "--min-groep hoort bij --anoniem"),
    ],
)
def test_clear_errors(files, args, message, capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    paths, _ = files
    assert run(*paths, *args) == 1
    assert message in capsys.readouterr().err


def test_help_and_bad_group_size(capsys) -> None:
    with pytest.raises(SystemExit) as exit_help:
        main(["merge", "--help"])
    assert exit_help.value.code == 0
    assert "--anoniem" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_bad:
        main(["merge", "a.xlsx", "--anoniem", "--min-groep", "nul", "--json", "x.json"])
    assert exit_bad.value.code == 2
    assert "'nul' is geen geheel getal" in capsys.readouterr().err
