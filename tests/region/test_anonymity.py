"""Anonymised outputs name nobody: workbook (every part of the zip), JSON, PNG, SVG and docx.

Every municipality name, participant and facilitator is searched for in every decompressed part
of each file, case-insensitively, with the toelichtingen opted in (scrubbed) and out.
"""

from __future__ import annotations

import json
import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.services import region as svc

from .helpers import NAMES, PEOPLE, make_scan, region

FORBIDDEN = tuple(n.casefold() for n in (*NAMES[:8], *PEOPLE, "Wiersma", "Brinkhorst"))


def leaks(data: bytes) -> list[str]:
    text = data.decode("utf-8", errors="ignore").casefold()
    return [name for name in FORBIDDEN if name in text]


def zip_leaks(path: Path) -> dict[str, list[str]]:
    with zipfile.ZipFile(path) as archive:
        found = {name: leaks(archive.read(name)) for name in archive.namelist()}
    return {name: hits for name, hits in found.items() if hits}


def png_leaks(path: Path) -> list[str]:
    from PIL import Image

    image = Image.open(path)
    image.load()
    metadata = " ".join(f"{k} {v}" for k, v in image.info.items() if isinstance(v, str))
    return leaks(path.read_bytes()) + leaks(metadata.encode())


@pytest.fixture
def picture(questionnaire: Questionnaire) -> svc.RegionPicture:
    """Eight municipalities in a region named after one of them; one more is 'missing'."""
    scans = region(questionnaire, 8, regio=f"Regio {NAMES[0]}")
    return svc.build_picture(
        questionnaire, scans, regio=f"Regio {NAMES[0]}", expected=[*NAMES[:8], "Westerkaap"]
    )


def write_all(report: svc.RegionReport, folder: Path, overlays: list[str]) -> dict[str, Path]:
    folder.mkdir()
    return {
        "xlsx": svc.write_workbook(report, folder / "regio.xlsx"),
        "json": svc.write_json(report, folder / "regio.json"),
        "docx": svc.write_document(report, folder / "regio.docx"),
        "png": svc.write_chart(report, folder / "regio.png", overlays),
        "svg": svc.write_chart(report, folder / "regio.svg", overlays),
    }


@pytest.mark.parametrize("with_texts", [False, True], ids=["zonder-teksten", "met-teksten"])
def test_anonymised_outputs_contain_no_names(picture, tmp_path: Path, with_texts: bool) -> None:
    report = svc.RegionReport(picture, anonymous=True, with_texts=with_texts, seed=11)
    files = write_all(report, tmp_path / "uit", [NAMES[0], NAMES[5]])
    assert zip_leaks(files["xlsx"]) == {}
    assert zip_leaks(files["docx"]) == {}
    assert leaks(files["json"].read_bytes()) == []
    assert png_leaks(files["png"]) == []
    assert leaks(files["svg"].read_bytes()) == []
    with zipfile.ZipFile(files["xlsx"]) as archive:
        names = archive.namelist()
        book = archive.read("xl/workbook.xml").decode()
        strings = " ".join(
            archive.read(n).decode() for n in names if n.startswith("xl/") and n.endswith(".xml")
        )
    assert any(n.startswith("xl/charts/chart") for n in names)  # the radar chart is in it
    assert "definedName" in book  # print areas: checked too
    assert "Gemeente A" in strings and "Gemeente H" in strings
    assert ("Toelichtingen" in book) is with_texts
    if with_texts:
        assert "[naam]" in strings and "In Gemeente " in strings


def test_the_same_files_do_name_names_when_not_anonymised(picture, tmp_path: Path) -> None:
    """The check above can fail: without anonymity the names are everywhere."""
    files = write_all(svc.RegionReport(picture), tmp_path / "uit", [NAMES[0]])
    assert zip_leaks(files["xlsx"])
    assert zip_leaks(files["docx"])
    assert NAMES[0].casefold() in leaks(files["png"].read_bytes())


def docx_texts(path: Path) -> tuple[list[str], list[list[str]], list[str]]:
    """Paragraph texts, the score table's rows, and the pictures in the document body."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    scores = next(t for t in document.tables if t.rows[0].cells[0].text == "Nr")
    rows = [[c.text for c in row.cells] for row in scores.rows[1:]]
    pictures = [e.get("name") for e in document.element.body.iter(qn("wp:docPr"))]
    return paragraphs, rows, pictures


@pytest.mark.parametrize("count", [1, 4])
def test_below_the_minimum_group_no_scores_at_all(questionnaire, tmp_path: Path, count) -> None:
    """One municipality's 'regional average' is its own score: no output may show it."""
    from openpyxl import load_workbook

    picture = svc.build_picture(questionnaire, region(questionnaire, count))
    own = {round(s.mean, 1) for s in picture.summary.standards if s.mean is not None}
    report = svc.RegionReport(picture, anonymous=True, with_texts=True, seed=2)
    assert report.suppressed and report.answers(1) == [] and not report.texts_visible
    # JSON: every key kept, no number in it but the count.
    data = report.json_data()
    assert data["municipalities"] == count and data["questions"] == {}
    assert "minder dan 5" in data["suppressed"] and "alleen hoeveel gemeenten" in data["suppressed"]
    assert all(set(s.values()) == {None} for s in data["standards"].values())
    files = write_all(report, tmp_path / "uit", [NAMES[0]])
    assert json.loads(files["json"].read_text())["standards"] == data["standards"]
    # Workbook: dashes for mean, lowest, highest and n; no radar chart, no per-question counts.
    wb = load_workbook(files["xlsx"])
    assert wb.sheetnames == ["Toelichting", "Resultaten", "Per vraag"]
    resultaten = wb["Resultaten"]
    for column in (2, 3, 4, 5):
        assert [resultaten.cell(r, column).value for r in range(5, 15)] == ["–"] * 10
    assert resultaten._charts == []
    with zipfile.ZipFile(files["xlsx"]) as archive:
        assert not any(n.startswith("xl/charts/") for n in archive.namelist())
    per_vraag = [c for row in wb["Per vraag"].iter_rows(values_only=True) for c in row if c]
    assert not any(re.match(r"\d+ van \d+", str(c)) for c in per_vraag)
    assert any("minder dan 5" in str(c) for c in per_vraag)
    numbers = [
        c
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
        if isinstance(c, float)
    ]
    assert numbers == [] and not own & set(numbers)
    # Word: dashes in the score table, no spider, no distribution, heat map or counts.
    paragraphs, rows, pictures = docx_texts(files["docx"])
    assert [row[2:] for row in rows] == [["–"] * 4] * 10
    assert pictures == []  # the header logo is in the header, the spider is gone
    assert any("minder dan 5" in p for p in paragraphs)
    explained = "(niet als 0%)"  # the fixed sentence on how scores are computed
    assert not [p for p in paragraphs if re.search(r"\d+ ?%", p.replace(explained, ""))]
    # Chart: the axes and the reason, no polygon, no band.
    chart = report.chart([NAMES[0]])
    assert chart.series == () and chart.band is None and "minder dan 5" in chart.note
    assert {s.n for s in report.summary.standards} == {0}
    # At the group size everything comes back.
    bigger = report.with_options(min_group_size=count)
    assert not bigger.suppressed and bigger.json_data()["questions"]
    assert bigger.chart().series and bigger.json_data()["standards"]["1"]["mean"] is not None


def test_the_same_group_shows_scores_when_named(questionnaire) -> None:
    """Only anonymity withholds: a named overview of one municipality shows its scores."""
    picture = svc.build_picture(questionnaire, region(questionnaire, 1))
    named = svc.RegionReport(picture)
    assert not named.suppressed and named.chart().series
    assert named.json_data()["standards"]["1"]["mean"] is not None


def test_codes_are_stable_within_a_report_and_leak_no_order(picture) -> None:
    a = svc.RegionReport(picture, anonymous=True, seed=5)
    assert a.names == a.with_options(with_texts=True).names
    assert sorted(a.names.values()) == sorted(f"Gemeente {c}" for c in "ABCDEFGH")
    orders = {
        tuple(svc.RegionReport(picture, anonymous=True, seed=s).names[n] for n in NAMES[:8])
        for s in range(6)
    }
    assert len(orders) > 1  # shuffled, not alphabetical
    assert [a.label(c.name) for c in a.ordered()] == [f"Gemeente {c}" for c in "ABCDEFGH"]


def test_scrubbing_free_text(picture) -> None:
    report = svc.RegionReport(picture, anonymous=True, with_texts=True, seed=9)
    code = report.names[NAMES[2]]
    text = f"{NAMES[2].upper()} en Westerkaap; {PEOPLE[0]} sprak met Wiersma, ALDERMEERSTRAAT."
    scrubbed = report.scrub(text)
    assert scrubbed.startswith(f"{code} en [gemeente]; [naam] sprak met [naam]")
    # A street named after the municipality names it too: the whole word goes, never half.
    assert scrubbed.endswith(f"[naam], {report.names[NAMES[0]]}.")
    assert report.regio_label == "Regio"  # 'Regio Aldermeer' would name Aldermeer
    line = report.answer_line(NAMES[1], 3)
    assert NAMES[1] not in line.toelichting and report.names[NAMES[1]] in line.toelichting
    hidden = report.with_options(with_texts=False)
    assert hidden.answer_line(NAMES[1], 3).toelichting == ""
    assert "verborgen" in hidden.texts_hidden_reason
    named = svc.RegionReport(picture)
    assert named.scrub(text) == text and NAMES[1] in named.answer_line(NAMES[1], 3).toelichting


def test_notes_name_no_one_when_anonymised(picture, questionnaire) -> None:
    scans = region(questionnaire, 6)
    scans[2] = make_scan(questionnaire, NAMES[2], seed=4, skip=frozenset({1}))
    p = svc.build_picture(questionnaire, scans, expected=[*NAMES[:6], "Westerkaap"])
    named = " ".join(svc.RegionReport(p).notes())
    assert "Westerkaap" in named and NAMES[2] in named
    anonymous = svc.RegionReport(p, anonymous=True, seed=1)
    text = " ".join(anonymous.notes())
    assert leaks(text.encode()) == [] and "Westerkaap" not in text
    assert "1 gemeente heeft geen zelfscan" in text
    assert json.dumps(anonymous.json_data()).count("Gemeente") == 0


def test_workbook_bytes_are_a_valid_package(picture) -> None:
    from zelfscan_app.exchange.region_workbook import region_workbook_bytes

    data = region_workbook_bytes(svc.RegionReport(picture, anonymous=True, seed=1).workbook())
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert "docProps/core.xml" in archive.namelist()


def test_scrubbed_text_never_says_gemeente_gemeente(questionnaire: Questionnaire) -> None:
    scans = [
        replace_answer_text(
            s, f"Zoals in gemeente {NAMES[(i + 1) % 6]} en de Gemeente {s.gemeente}."
        )
        for i, s in enumerate(region(questionnaire, 6))
    ]
    report = svc.RegionReport(
        svc.build_picture(questionnaire, scans), anonymous=True, with_texts=True
    )
    texts = [
        line.toelichting
        for number in report.picture.question_numbers
        for line in report.answers(number)
        if line.toelichting
    ]
    assert texts
    for text in texts:
        assert "gemeente gemeente" not in text.casefold(), text
        assert text.startswith("Zoals in Gemeente ")


def replace_answer_text(scan, text: str):
    from dataclasses import replace

    answers = tuple(replace(a, toelichting=text) for a in scan.answers)
    return replace(scan, answers=answers)


def test_anonymised_report_is_by_the_app_whatever_author_is_chosen(
    picture: svc.RegionPicture, tmp_path: Path
) -> None:
    import docx

    named = svc.write_document(
        svc.RegionReport(picture), tmp_path / "a.docx", author="GGD Veenland"
    )
    assert docx.Document(str(named)).core_properties.author == "GGD Veenland"
    anonymous = svc.write_document(
        svc.RegionReport(picture, anonymous=True), tmp_path / "b.docx", author="GGD Veenland"
    )
    props = docx.Document(str(anonymous)).core_properties
    assert props.author == props.last_modified_by == "Zelfscan Kwaliteitskader"
    assert props.title == "Regionale rapportage zelfscan – Regio"  # the region names a member
    assert not zip_leaks(anonymous)


def identifying_template(folder: Path) -> Path:
    """The regional template as a municipality's copy of it might come back by e-mail: with a
    custom property, a comment, a company, an attached template path and a logo's alt text,
    each naming someone."""
    from zelfscan_app.reports.templates import TemplateKind, find_template

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument"
    folder.mkdir()
    target = folder / TemplateKind.REGION.value
    out = BytesIO()
    with (
        zipfile.ZipFile(find_template(TemplateKind.REGION)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    f'<Override PartName="/docProps/custom.xml" ContentType="{ct}.custom-'
                    'properties+xml"/><Override PartName="/word/comments.xml" ContentType='
                    f'"{ct}.wordprocessingml.comments+xml"/></Types>'.encode(),
                )
            elif item.filename == "_rels/.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rId90" Type="{rel}/custom-properties" '
                    'Target="docProps/custom.xml"/></Relationships>'.encode(),
                )
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rId90" Type="{rel}/comments" Target="comments.xml"/>'
                    "</Relationships>".encode(),
                )
            elif item.filename == "word/document.xml":
                data = data.replace(
                    b"<w:body>",
                    b'<w:body><w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Rapport</w:t>'
                    b'</w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/>'
                    b"</w:r></w:p>",
                    1,
                )
            elif item.filename == "docProps/app.xml":
                data = data.replace(
                    b"</Properties>",
                    b"<Company>Gemeente Aldermeer</Company>"
                    b"<Manager>Joost Brinkhorst</Manager></Properties>",
                )
            elif item.filename == "word/settings.xml":
                data = data.replace(
                    b"<w:zoom",
                    b'<w:attachedTemplate r:id="rId1"/><w:docVars><w:docVar w:name="opsteller"'
                    b' w:val="Fenna Wiersma"/></w:docVars><w:zoom',
                    1,
                )
            elif item.filename == "word/header1.xml":
                data = data.replace(
                    b'name="Picture 1"', b'name="Logo Aldermeer" descr="Logo gemeente Aldermeer"'
                )
            dst.writestr(item, data)
        dst.writestr(
            "docProps/custom.xml",
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-'
            'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
            'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
            'name="Opsteller"><vt:lpwstr>Fenna Wiersma, gemeente Aldermeer</vt:lpwstr></property>'
            "</Properties>",
        )
        dst.writestr(
            "word/comments.xml",
            f'<w:comments xmlns:w="{w}"><w:comment w:id="0" w:author="Marieke Verbeek" '
            'w:initials="MV"><w:p><w:r><w:t>Brugwijk scoort slecht</w:t></w:r></w:p>'
            "</w:comment></w:comments>",
        )
    target.write_bytes(out.getvalue())
    return target


def test_template_metadata_is_stripped_from_anonymised_documents(
    picture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    folder = tmp_path / "sjablonen"
    identifying_template(folder)
    monkeypatch.setenv("ZELFSCAN_TEMPLATES", str(folder))
    named = svc.write_document(svc.RegionReport(picture), tmp_path / "named.docx")
    with zipfile.ZipFile(named) as archive:
        kept = set(archive.namelist())
    assert {"docProps/custom.xml", "word/comments.xml"} <= kept  # the control: names travel
    anonymous = svc.write_document(
        svc.RegionReport(picture, anonymous=True, seed=3), tmp_path / "anoniem.docx"
    )
    assert zip_leaks(anonymous) == {}
    with zipfile.ZipFile(anonymous) as archive:
        names = set(archive.namelist())
        settings = archive.read("word/settings.xml").decode()
    assert not names & {"docProps/custom.xml", "word/comments.xml", "docProps/thumbnail.jpeg"}
    assert not any(n.startswith("customXml/") for n in names)
    assert "attachedTemplate" not in settings and "docVar" not in settings
    document = docx.Document(str(anonymous))  # still a valid document
    assert document.core_properties.author == "Zelfscan Kwaliteitskader"


# Letters across reports and runs -------------------------------------------------------------


def test_letter_key_keeps_letters_and_names_no_one() -> None:
    import random

    from zelfscan_app.domain.anonymity import LetterKey

    key = LetterKey(b"s" * 32)
    key, first = key.assign(NAMES[:5], random.Random(1))
    assert sorted(first.values()) == [f"Gemeente {c}" for c in "ABCDE"]
    assert [first[n] for n in NAMES[:5]] != [f"Gemeente {c}" for c in "ABCDE"]  # shuffled
    # Two leave, three join, spelled differently: the ones that stay keep their letter.
    key, second = key.assign(["ÁLDERMEER", NAMES[2], *NAMES[5:8]], random.Random(2))
    assert second["ÁLDERMEER"] == first[NAMES[0]] and second[NAMES[2]] == first[NAMES[2]]
    assert sorted(second[n] for n in NAMES[5:8]) == [f"Gemeente {c}" for c in "FGH"]
    assert len(key.letters) == 8
    stored = " ".join([*key.letters, *key.letters.values()]).casefold()
    assert not any(name.casefold() in stored for name in NAMES)
    other = LetterKey(b"t" * 32)
    assert other.token(NAMES[0]) != key.token(NAMES[0])  # the secret decides the tokens


def test_merge_with_a_key_file_keeps_letters_across_runs(
    questionnaire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import stat

    from openpyxl import load_workbook

    from zelfscan_app.cli.main import main
    from zelfscan_app.domain.anonymity import LetterKey

    from .helpers import write

    scans = region(questionnaire, 8)
    files = [write(questionnaire, s, tmp_path / f"{s.gemeente}.xlsx") for s in scans]
    key_file = tmp_path / "sleutel.json"

    def run(paths: list[Path], out: Path) -> dict[str, tuple]:
        args = ["merge", *map(str, paths), "--anoniem", "--min-groep", "2"]
        assert main([*args, "--sleutel", str(key_file), "--out", str(out)]) == 0
        sheet = load_workbook(out)["Per gemeente"]
        return {
            row[0]: tuple(row[1:11])
            for row in sheet.iter_rows(min_row=5, values_only=True)
            if row[0] and str(row[0]).startswith("Gemeente ")
        }

    first = run(files[:6], tmp_path / "een.xlsx")
    assert key_file.exists() and stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert leaks(key_file.read_bytes()) == []
    second = run(files[2:], tmp_path / "twee.xlsx")
    picture = svc.build_picture(questionnaire, scans)
    data = json.loads(key_file.read_text())
    key = LetterKey(bytes.fromhex(data["geheim"]), data["letters"])
    for name in NAMES[2:6]:  # in both runs: the same letter, with that municipality's scores
        code = f"Gemeente {key.letters[key.token(name)]}"
        scores = tuple(
            None if v is None else round(v, 1)
            for v in picture.summary.per_municipality[name].values()
        )
        assert first[code] == second[code]
        assert tuple(None if v == "–" else v for v in second[code]) == scores
    assert len(key.letters) == 8 and len(set(key.letters.values())) == 8
    capsys.readouterr()


@pytest.mark.parametrize(
    "content", [b"{}", b"geen json", b'{"soort": "zelfscan-lettersleutel", "versie": 1}']
)
def test_a_broken_key_file_is_refused_and_nothing_written(
    questionnaire, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    from zelfscan_app.cli.main import main

    from .helpers import write

    files = [
        write(questionnaire, s, tmp_path / f"{s.gemeente}.xlsx") for s in region(questionnaire, 5)
    ]
    key_file = tmp_path / "sleutel.json"
    key_file.write_bytes(content)
    out = tmp_path / "regio.xlsx"
    args = ["merge", *map(str, files), "--anoniem", "--sleutel", str(key_file), "--out", str(out)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"{key_file}: is geen lettersleutel van Zelfscan Kwaliteitskader" in err
    assert "Traceback" not in err and not out.exists() and key_file.read_bytes() == content
