"""Anonymised free text stays anonymous: the domain rules, and a scan of every output of
`zelfscan merge --anoniem --met-toelichtingen` (xlsx, docx with docProps, json, png, stdout and
stderr) for every municipality and participant name and their derived forms."""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from zelfscan_app.domain.anonymity import (
    WITHHELD_TEXT,
    TextScrubber,
    fold,
    person_parts,
)
from zelfscan_app.domain.scan import Participant
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services import region as svc

from .helpers import NAMES, make_scan, write

CODES = {NAMES[0]: "Gemeente A", NAMES[1]: "Gemeente B", "Best": "Gemeente C"}
PEOPLE = ("Fenna Wiersma", "Rik Smit", "Ivo Bos", "Jan-Willem van der Vries-Bakker (GGD)")


@pytest.fixture
def scrubber() -> TextScrubber:
    return TextScrubber(codes=CODES, others=("Westerkaap",), people=PEOPLE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de Aldermeerse wijkteams", "de Gemeente A wijkteams"),
        ("de Aldermeerders", "de Gemeente A"),
        ("ALDERMEER's aanpak", "Gemeente A aanpak"),
        ("Áldermeer en ÁLDERMÉÉR", "Gemeente A en Gemeente A"),
        ("Groot-Aldermeer", "Groot-Gemeente A"),
        ("ALDERMEERSTRAAT 4", "Gemeente A 4"),
        ("Westerkaapse teams", "[gemeente] teams"),
        ("Smits aanpak", "[naam] aanpak"),
        ("Rik en Ivo belden", "[naam] en [naam] belden"),
        ("Ivo's notitie en Ivo’s plan", "[naam] notitie en [naam] plan"),
        ("met WIERSMA gesproken", "met [naam] gesproken"),
        ("Jan-Willem, Willem en Vries-Bakker", "[naam], [naam] en [naam]"),
        ("van der Vries-Bakker belde", "[naam] belde"),
        ("Met Fenna gebeld", "Met [naam] gebeld"),
        ("de GGD en Wiersma", "de GGD en [naam]"),
        ("Best's aanpak", "Gemeente C aanpak"),
        ("Geen namen hier.", "Geen namen hier."),
    ],
)
def test_names_and_derived_forms_are_replaced(scrubber, text: str, expected: str) -> None:
    assert scrubber.scrub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bos zei het al",  # a surname that is also a word: the person or the woods?
        "een wandeling in het bos",
        "het bestuur van de gemeente",  # starts with the short municipality name 'Best'
        "Fenna Jansen belde",  # a capitalised word beside a known first name: maybe her surname
        "Karin Wiersma belde",  # ... or beside a known surname: maybe her first name
        "Wiersma van Dam belde",  # a tussenvoegsel, then a capitalised word
        "Gisteren Wiersma gebeld",  # too uncertain to tell a sentence opener from a name
    ],
)
def test_uncertain_texts_are_withheld(scrubber, text: str) -> None:
    assert scrubber.scrub(text) is None


def test_short_and_tussenvoegsel_name_parts() -> None:
    assert person_parts("Jan-Willem van der Vries-Bakker (GGD)") == (
        "Jan-Willem van der Vries-Bakker",
        "Jan-Willem",
        "Jan",
        "Willem",
        "van der Vries-Bakker",
        "der Vries-Bakker",
        "Vries-Bakker",
        "Vries",
        "Bakker",
    )
    assert person_parts("J. de Jong") == ("J. de Jong", "de Jong", "Jong")  # no initials
    assert "Ben" in person_parts("Ben el Amrani")  # a first name, though also 'ben'
    two_letters = TextScrubber(codes={}, people=("Li Wong",))
    assert (
        two_letters.scrub("Li belde") is None and two_letters.scrub("Wong belde") == "[naam] belde"
    )


def test_folding_ignores_case_diacritics_and_spacing() -> None:
    assert fold("  ÁLDERMÉÉR  ") == fold("aldermeer") == "aldermeer"
    assert fold("Súdwest-Fryslân") == "sudwest-fryslan"


# Every output of an anonymised merge ------------------------------------------------------

HOSTILE_TEXTS = {
    3: "De {adj} wijkteams werken samen met Rik.",
    6: "Volgens {upper}'s beleid; Ivo's notitie klopt.",
    9: "{accent}: Smits aanpak werkt, zegt Joost.",
    12: "De {inhabitants} zijn tevreden over Verbeeks inzet.",
    15: "Bos zei dat het goed gaat.",  # doubtful: withheld
    18: "Fenna Jansen belde namens het team.",  # doubtful: withheld
}


def hostile_scan(q, index: int):
    name = NAMES[index]
    forms = {
        "adj": f"{name}se",
        "upper": name.upper(),
        "accent": name[0] + "\u0301" + name[1:],  # a combining accent on the first letter
        "inhabitants": f"{name}ers",
    }
    scan = make_scan(q, name, seed=50 + index, neighbour=NAMES[(index + 1) % 6])
    answers = [
        replace(a, toelichting=HOSTILE_TEXTS[a.question].format(**forms))
        if a.question in HOSTILE_TEXTS
        else a
        for a in scan.answers
    ]
    participants = (
        Participant("Rik Smit", "Gemeente", "beleid"),
        Participant("Ivo Bos"),
        Participant("Joost Brinkhorst"),
        Participant("Fenna Wiersma"),
    )
    return replace(
        scan, answers=tuple(answers), participants=participants, facilitator="Marieke Verbeek"
    )


FORBIDDEN_PEOPLE = ("Rik", "Smit", "Ivo", "Bos", "Joost", "Brinkhorst", "Fenna", "Wiersma")
FORBIDDEN_PEOPLE += ("Marieke", "Verbeek", "Jansen")


def found_names(text: str) -> list[str]:
    """Every municipality (as a prefix: derived forms count) and person name part in `text`."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    hits = [n for n in (*NAMES[:6], "Westerkaap") if n.casefold() in folded]
    hits += [p for p in FORBIDDEN_PEOPLE if re.search(rf"(?<![a-z]){p.casefold()}", folded)]
    return hits


def _readable(name: str, data: bytes) -> str:
    """What a reader can get out of a package part: its text, or a picture's metadata.

    Compressed pixel data is left out: three random bytes may spell 'Ivo' in any case.
    """
    if name.lower().endswith((".png", ".jpg", ".jpeg", ".gif")):
        from PIL import Image

        image = Image.open(io.BytesIO(data))
        return " ".join(f"{k} {v}" for k, v in image.info.items() if isinstance(v, str | bytes))
    return data.decode("utf-8", "ignore")


def zip_names(path: Path) -> dict[str, list[str]]:
    with zipfile.ZipFile(path) as archive:
        found = {n: found_names(_readable(n, archive.read(n))) for n in archive.namelist()}
    return {n: hits for n, hits in found.items() if hits}


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Written once per module: the tests only read them (their outputs go to tmp_path)."""
    questionnaire = default_questionnaire()
    folder = tmp_path_factory.mktemp("in")
    # Sent with the Deelnemers sheet: the region knows the names it must keep out of the texts.
    files = [
        write(
            questionnaire,
            hostile_scan(questionnaire, i),
            folder / f"{NAMES[i]}.xlsx",
            with_participants=True,
        )
        for i in range(6)
    ]
    older = hostile_scan(questionnaire, 0)
    older = replace(older, datum=older.datum.replace(year=2025))
    files.append(
        write(questionnaire, older, folder / f"{NAMES[0]}-vorig-jaar.xlsx", with_participants=True)
    )
    broken = folder / "Westerkaap.xlsx"
    broken.write_bytes(b"geen werkmap")
    return [*files, broken]


def test_every_anonymised_output_names_no_one(
    questionnaire, hostile_files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    from zelfscan_app.cli.main import main

    out = tmp_path / "uit"
    out.mkdir()
    log = tmp_path / "logboek.txt"
    args = ["merge", *map(str, hostile_files), "--anoniem", "--met-toelichtingen"]
    args += ["--out", str(out / "regio.xlsx"), "--json", str(out / "regio.json")]
    args += ["--docx", str(out / "regio.docx"), "--log", str(log)]
    assert main(args) == 1  # one file refused
    captured = capsys.readouterr()
    assert found_names(captured.out) == [] and found_names(captured.err) == []
    assert "1 bestand geweigerd" in captured.err and str(log) in captured.err
    assert zip_names(out / "regio.xlsx") == {}
    assert zip_names(out / "regio.docx") == {}  # docProps included
    assert found_names((out / "regio.json").read_text(encoding="utf-8")) == []
    # The spider of the same report, with a municipality drawn over it: PNG bytes and metadata.
    picture = svc.merge_files(hostile_files[:6], questionnaire).picture
    report = svc.RegionReport(picture, anonymous=True, with_texts=True)
    png = svc.write_chart(report, out / "regio.png", [NAMES[0]])
    from PIL import Image

    image = Image.open(png)
    metadata = " ".join(f"{k} {v}" for k, v in image.info.items() if isinstance(v, str))
    chart = report.chart([NAMES[0]])
    drawn = [chart.title, chart.subtitle, chart.note, *(s.label for s in chart.series)]
    assert found_names(metadata) == [] and found_names(" ".join(drawn)) == []
    assert chart.series[1].label.startswith("Gemeente ")  # the overlay is drawn, as a code
    # What could not surely be anonymised is left out, and the workbook says so.
    texts = load_workbook(out / "regio.xlsx")["Toelichtingen"]
    cells = [str(c) for row in texts.iter_rows(values_only=True) for c in row if c]
    assert sum(WITHHELD_TEXT in c for c in cells) == 12  # questions 15 and 18, six municipalities
    assert any("Gemeente " in c and "wijkteams werken samen met [naam]" in c for c in cells)
    toelichting = load_workbook(out / "regio.xlsx")["Toelichting"]
    notes = " ".join(str(c) for row in toelichting.iter_rows(values_only=True) for c in row if c)
    assert "12 toelichtingen weggelaten: kon niet zeker worden geanonimiseerd" in notes
    # The operator's log, asked for, has the details with names; only its owner can read it.
    logged = log.read_text(encoding="utf-8")
    assert "Westerkaap.xlsx" in logged and f"{NAMES[0]}: 2 werkmappen" in logged
    assert oct(log.stat().st_mode & 0o777) == "0o600"


def test_without_a_log_the_details_are_only_counted(
    hostile_files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from zelfscan_app.cli.main import main

    args = ["merge", *map(str, hostile_files), "--anoniem", "--json", str(tmp_path / "r.json")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert found_names(err) == []
    assert "vraag ze op met --log BESTAND" in err


def test_control_named_outputs_do_carry_the_names(
    hostile_files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The scan above can fail: without --anoniem the names are in stderr and the workbook."""
    from zelfscan_app.cli.main import main

    out = tmp_path / "regio.xlsx"
    assert main(["merge", *map(str, hostile_files), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Westerkaap" in found_names(err) and NAMES[0] in found_names(err)
    found = {n for hits in zip_names(out).values() for n in hits}
    assert {NAMES[0], "Rik", "Bos", "Fenna"} <= found


def test_log_needs_anoniem(hostile_files, capsys) -> None:
    from zelfscan_app.cli.main import main

    assert main(["merge", str(hostile_files[0]), "--json", "x.json", "--log", "l.txt"]) == 1
    assert "--log hoort bij --anoniem" in capsys.readouterr().err


def test_json_and_answers_use_the_same_rules(questionnaire) -> None:
    picture = svc.build_picture(questionnaire, [hostile_scan(questionnaire, i) for i in range(6)])
    report = svc.RegionReport(picture, anonymous=True, with_texts=True, seed=4)
    line = report.answer_line(NAMES[0], 3)
    assert line.toelichting == f"De {report.names[NAMES[0]]} wijkteams werken samen met [naam]."
    assert report.answer_line(NAMES[0], 15).toelichting == WITHHELD_TEXT
    assert json.dumps(report.json_data()).count(NAMES[0]) == 0
    plain = svc.RegionReport(picture)
    assert plain.answer_line(NAMES[0], 15).toelichting == "Bos zei dat het goed gaat."
