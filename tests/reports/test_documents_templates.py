"""Templates: committed as real .docx files, restylable in Word, user folder, clear errors."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import RGBColor

from tests.reports.test_documents import TINY_PNG, open_docx, sample_scan
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.reports.findings_document import render_findings
from zelfscan_app.reports.templates import (
    ENV_TEMPLATES,
    TemplateError,
    TemplateKind,
    find_template,
)
from zelfscan_app.resources import templates_dir

BUILD_SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "build_templates.py"


def build_script():
    path = BUILD_SCRIPT
    spec = importlib.util.spec_from_file_location("build_templates", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def part_xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(name).decode("utf-8")
    return re.sub(r' w:rsid\w*="[^"]*"', "", xml)


def test_the_build_script_is_not_a_packaged_resource() -> None:
    """A build tool, not data: the wheel and the frozen app carry only the .docx files."""
    assert not list(templates_dir().glob("*.py"))
    assert BUILD_SCRIPT.is_file()


def test_committed_templates_are_what_the_build_script_makes(tmp_path: Path) -> None:
    written = build_script().main(tmp_path)
    assert {p.name for p in written} == {k.value for k in TemplateKind}
    for path in written:
        committed = templates_dir() / path.name
        for name in (
            "word/document.xml",
            "word/styles.xml",
            "word/footer1.xml",
            "docProps/app.xml",
            "docProps/core.xml",
            "word/settings.xml",
        ):
            assert part_xml(path, name) == part_xml(committed, name), (
                f"{path.name} {name} is out of date: run packaging/build_templates.py"
            )


@pytest.mark.parametrize("kind", list(TemplateKind))
def test_templates_open_in_python_docx_with_styles_and_header_logo(kind: TemplateKind) -> None:
    document = docx.Document(str(find_template(kind)))
    names = {s.name for s in document.styles}
    assert {"Invulaanwijzing", "Tabeltekst", "Tabelkop", "Zelfscan tabel"} <= names
    header = document.sections[0].header
    assert header.part.element.find(f".//{docx.oxml.ns.qn('wp:docPr')}") is not None
    assert "{{" in document.sections[0].footer.paragraphs[0].text


def copy_template(kind: TemplateKind, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / kind.value
    target.write_bytes(find_template(kind).read_bytes())
    return target


def test_a_restyled_user_template_is_used(questionnaire, tmp_path: Path) -> None:
    folder = tmp_path / "huisstijl"
    target = copy_template(TemplateKind.FINDINGS, folder)
    restyled = docx.Document(str(target))
    restyled.styles["Heading 1"].font.color.rgb = RGBColor(0xC0, 0x00, 0x30)
    restyled.paragraphs[0].insert_paragraph_before("Huisstijl gemeente Aldermeer")
    restyled.save(str(target))

    assert find_template(TemplateKind.FINDINGS, folder) == target
    assert find_template(TemplateKind.PLAN, folder) == templates_dir() / TemplateKind.PLAN.value
    data = render_findings(
        questionnaire,
        sample_scan(questionnaire),
        template=find_template(TemplateKind.FINDINGS, folder),
        spider_png=TINY_PNG,
    )
    document = open_docx(data)
    assert document.paragraphs[0].text == "Huisstijl gemeente Aldermeer"
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0xC0, 0x00, 0x30)


def test_environment_variable_points_to_the_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = copy_template(TemplateKind.PLAN, tmp_path / "sjablonen")
    monkeypatch.setenv(ENV_TEMPLATES, str(tmp_path / "sjablonen"))
    assert find_template(TemplateKind.PLAN) == target
    assert find_template(TemplateKind.REGION).parent == templates_dir()
    monkeypatch.setenv(ENV_TEMPLATES, str(tmp_path / "weg"))
    with pytest.raises(TemplateError, match="de map met sjablonen bestaat niet") as info:
        find_template(TemplateKind.PLAN)
    assert str(tmp_path / "weg") in str(info.value)


def broken(tmp_path: Path, replace_text: tuple[str, str] | None = None, raw: bytes | None = None):
    folder = tmp_path / "kapot"
    target = copy_template(TemplateKind.FINDINGS, folder)
    if raw is not None:
        target.write_bytes(raw)
    elif replace_text is not None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(target) as src, zipfile.ZipFile(buffer, "w") as dst:
            for item in src.infolist():
                content = src.read(item.filename)
                if item.filename == "word/document.xml":
                    old, new = replace_text
                    assert old.encode() in content
                    content = content.replace(old.encode(), new.encode(), 1)
                dst.writestr(item, content)
        target.write_bytes(buffer.getvalue())
    return target


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: broken(p, raw=b"dit is geen Word-bestand"), "geen bruikbaar Word-document"),
        (lambda p: broken(p, raw=b""), "geen bruikbaar Word-document"),
        (
            lambda p: broken(p, replace_text=("{{ regio }}", "{{ regioo }}")),
            "onbekende plaatshouder ‘regioo’",
        ),
        (
            lambda p: broken(p, replace_text=("{{ regio }}", "{{ regio ")),
            "plaatshouder is niet goed geschreven",
        ),
        (
            lambda p: broken(p, replace_text=("{{ regio }}", "{% if regio %}")),
            "plaatshouder is niet goed geschreven",
        ),
    ],
    ids=["not-a-zip", "empty", "typo", "unclosed", "unbalanced-if"],
)
def test_a_broken_template_gets_a_dutch_message_naming_the_file(
    questionnaire, tmp_path: Path, make, message: str
) -> None:
    target = make(tmp_path)
    with pytest.raises(TemplateError) as info:
        render_findings(
            questionnaire, sample_scan(questionnaire), template=target, spider_png=TINY_PNG
        )
    assert message in str(info.value)
    assert str(target) in str(info.value)


def test_missing_template_file(questionnaire, tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="het sjabloon bestaat niet"):
        render_findings(
            questionnaire,
            sample_scan(questionnaire),
            template=tmp_path / "weg.docx",
            spider_png=None,
        )


def test_templates_document_their_placeholders() -> None:
    readme = (templates_dir() / "README.md").read_text(encoding="utf-8")
    for kind in TemplateKind:
        assert kind.value in readme
        document = docx.Document(str(find_template(kind)))
        text = "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        for name in set(re.findall(r"\{\{ ([a-z_]+(?:\.[a-z_]+)?)", text)):
            if name not in ("s", "w"):  # bare loop variables, described in words
                assert f"`{name}`" in readme, f"{kind.value}: {name} is not in README.md"


TEMPLATE_TRACES = ("Microsoft Macintosh Word", "Normal.dotm", "lastPrinted", "thumbnail")


def package_text(data: bytes) -> tuple[list[str], str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        text = "".join(
            archive.read(n).decode("utf-8", "replace")
            for n in names
            if n.endswith((".xml", ".rels"))
        )
    return names, text


@pytest.mark.parametrize("kind", list(TemplateKind))
def test_templates_carry_no_traces_of_another_word(kind: TemplateKind) -> None:
    names, text = package_text(find_template(kind).read_bytes())
    assert not any("thumbnail" in n for n in names)
    for trace in TEMPLATE_TRACES:
        assert trace not in text, f"{kind.value}: {trace}"
    assert "<Application>Zelfscan Kwaliteitskader</Application>" in text
    assert "savePreviewPicture" not in text


def word_saved_template(tmp_path: Path) -> Path:
    """The bundled findings template as Word would save it: app.xml, thumbnail, print date."""
    source = find_template(TemplateKind.FINDINGS)
    target = tmp_path / TemplateKind.FINDINGS.value
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Template>Normal.dotm</Template><TotalTime>3</TotalTime>'
        "<Pages>4</Pages><Application>Microsoft Macintosh Word</Application>"
        "<Company>Huisstijl BV</Company><AppVersion>16.0000</AppVersion></Properties>"
    )
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/app.xml":
                data = app.encode()
            elif item.filename == "_rels/.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/package/'
                    b'2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/>'
                    b"</Relationships>",
                )
            elif item.filename == "[Content_Types].xml" and b'Extension="jpeg"' not in data:
                data = data.replace(
                    b"<Default ",
                    b'<Default Extension="jpeg" ContentType="image/jpeg"/><Default ',
                    1,
                )
            elif item.filename == "docProps/core.xml":
                data = data.replace(
                    b"</cp:coreProperties>",
                    b"<cp:lastPrinted>2019-05-01T00:00:00Z</cp:lastPrinted></cp:coreProperties>",
                )
            dst.writestr(item, data)
        dst.writestr("docProps/thumbnail.jpeg", b"\xff\xd8\xff\xd9")
    return target


def test_outputs_take_properties_from_the_scan_not_the_template(questionnaire, tmp_path) -> None:
    template = word_saved_template(tmp_path)
    scan = sample_scan(questionnaire)
    data = render_findings(questionnaire, scan, template=template, spider_png=TINY_PNG)
    names, text = package_text(data)
    assert not any("thumbnail" in n for n in names)
    for trace in TEMPLATE_TRACES:
        assert trace not in text, trace
    assert "<Application>Zelfscan Kwaliteitskader</Application>" in text
    assert "<Pages>" not in text  # the template's page count is not this document's
    assert "<Company>Huisstijl BV</Company>" in text  # the municipality's own house style stays
    props = open_docx(data).core_properties
    assert props.title == "Resultaten zelfscan – Gemeente Aldermeer, nulmeting 15 maart 2026"
    assert props.subject.startswith("Rapportage zelfscan")
    assert props.author == props.last_modified_by == "Zelfscan Kwaliteitskader"
    assert props.last_printed is None
    chosen = render_findings(
        questionnaire, scan, template=template, spider_png=TINY_PNG, author=" GGD  Veenland "
    )
    assert open_docx(chosen).core_properties.author == "GGD Veenland"


def test_a_too_long_organisation_is_refused_in_dutch(questionnaire) -> None:
    with pytest.raises(ZelfscanError, match="organisatie is langer dan"):
        render_findings(
            questionnaire,
            sample_scan(questionnaire),
            template=find_template(TemplateKind.FINDINGS),
            spider_png=TINY_PNG,
            author="x" * 500,
        )


def test_a_municipality_typed_with_gemeente_is_not_doubled(questionnaire) -> None:
    from zelfscan_app.domain.actions import draft_actions
    from zelfscan_app.reports.plan_document import render_plan

    scan = sample_scan(questionnaire, gemeente="Gemeente Aldermeer")
    data = render_plan(
        questionnaire,
        scan,
        draft_actions(questionnaire, scan),
        template=find_template(TemplateKind.PLAN),
        spider_png=TINY_PNG,
    )
    text = "\n".join(p.text for p in open_docx(data).paragraphs)
    assert "de gemeente Aldermeer" in text
    assert not re.search(r"gemeente gemeente", text, re.IGNORECASE)
