"""Word templates are data, not code: a hostile template corpus, built here, is refused.

Every code-execution payload would create a marker file if it ran; each test asserts the refusal
(one Dutch message naming the template) and that the marker does not exist. One control test
shows the same payload does run under plain Jinja2, so the marker check can fail.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests.reports.test_documents import TINY_PNG, sample_scan
from zelfscan_app.reports import sandbox, templates
from zelfscan_app.reports.findings_document import render_findings
from zelfscan_app.reports.templates import TemplateError, TemplateKind, find_template

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>".encode()


def hostile(
    folder: Path,
    payload: str,
    where: str = "body",
    kind: TemplateKind = TemplateKind.FINDINGS,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A copy of a bundled template with `payload` typed into one part (as Word would store it)."""
    folder.mkdir(exist_ok=True)
    target = folder / kind.value
    buffer = io.BytesIO()
    with zipfile.ZipFile(find_template(kind)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if where == "body" and item.filename == "word/document.xml":
                content = content.replace(b"<w:body>", b"<w:body>" + _paragraph(payload), 1)
            elif where == "header" and item.filename == "word/header1.xml":
                content = content.replace(b"</w:hdr>", _paragraph(payload) + b"</w:hdr>")
            elif where == "footer" and item.filename == "word/footer1.xml":
                content = content.replace(b"</w:ftr>", _paragraph(payload) + b"</w:ftr>")
            elif where == "properties" and item.filename == "docProps/core.xml":
                content = re.sub(
                    rb"<dc:title>[^<]*</dc:title>",
                    b"<dc:title>" + escape(payload).encode() + b"</dc:title>",
                    content,
                )
            elif where == "footnote" and item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/>'
                    "</Types>".encode(),
                )
            elif where == "footnote" and item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rId99" Type="{FOOTNOTES_REL}" Target="footnotes.xml"/>'
                    "</Relationships>".encode(),
                )
            dst.writestr(item, content)
        if where == "footnote":
            dst.writestr(
                "word/footnotes.xml",
                f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1">'.encode()
                + _paragraph(payload)
                + b"</w:footnote></w:footnotes>",
            )
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    target.write_bytes(buffer.getvalue())
    return target


def render_with(questionnaire, template: Path) -> bytes:
    return render_findings(
        questionnaire,
        sample_scan(questionnaire),
        template=template,
        spider_png=TINY_PNG,
        today=date(2026, 3, 2),
    )


def refuse(questionnaire, template: Path, *phrases: str) -> str:
    with pytest.raises(TemplateError) as info:
        render_with(questionnaire, template)
    message = str(info.value)
    assert message.startswith(f"{template}: "), message
    assert "\n" not in message and "Traceback" not in message
    for phrase in phrases:
        assert phrase in message, message
    return message


def commands(marker: Path) -> dict[str, str]:
    """Code-execution payloads, each of which would create `marker` if it ran."""
    cmd = f"touch {marker}"
    return {
        "cycler": f"{{{{ cycler.__init__.__globals__.os.popen('{cmd}').read() }}}}",
        "joiner": f"{{{{ joiner.__init__.__globals__.os.system('{cmd}') }}}}",
        "namespace": f"{{{{ namespace.__init__.__globals__.os.system('{cmd}') }}}}",
        "lipsum": f"{{{{ lipsum.__globals__['os'].system('{cmd}') }}}}",
        "mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "mro-item": "{{ regio['__class__'] }}",
        "self": (
            "{{ self._TemplateReference__context.cycler.__init__.__globals__.os"
            f".system('{cmd}') }}}}"
        ),
        "attr-filter": (
            "{{ (regio|attr('__class__')|attr('__mro__'))[1]|attr('__subclasses__')() }}"
        ),
        "map-attribute": "{{ scores|map(attribute='__class__')|list }}",
        "join-attribute": "{{ scores|join(attribute='__class__') }}",
        "format-method": "{{ '{0.__class__.__init__.__globals__}'.format(regio) }}",
        "format-filter": "{{ '%s'|format(regio) }}",
        "percent-format": "{{ '%(x)999999999s' % {'x': 1} }}",
        "string-times": "{{ 'x' * 1000000000 }}",
        "power": "{{ 9 ** 9 ** 9 }}",
        "method-call": "{{ scores.pop() }}",
        "loop-cycle": "{% for s in scores %}{{ loop.cycle('a', 'b') }}{% endfor %}",
        "loop-class": "{% for s in scores %}{{ loop.__class__ }}{% endfor %}",
        "include": "{% include 'geheim.docx' %}",
        "import": "{% import 'os' as os %}",
        "from-import": "{% from 'os' import system %}",
        "extends": "{% extends 'basis.docx' %}",
        "set": f"{{% set x = cycler.__init__.__globals__.os.system('{cmd}') %}}",
        "autoescape": "{% autoescape false %}<w:r/>{{ regio }}{% endautoescape %}",
        "safe-filter": "{{ regio|safe }}",
        "macro-recursion": "{% macro f(n) %}{{ f(n ~ n) }}{% endmacro %}{{ f('x') }}",
        "recursive-loop": "{% for s in scores recursive %}{{ loop(scores) }}{% endfor %}",
        "slice": "{{ regio[::-1] }}",
        "config": "{{ config }}",
        "range-kwargs": "{{ range(stop=3) }}",
    }


ATTACKS = sorted(commands(Path("/m")))


@pytest.mark.parametrize("name", ATTACKS)
def test_hostile_placeholders_are_refused_and_run_nothing(
    questionnaire, tmp_path: Path, name: str
) -> None:
    marker = tmp_path / "uitgevoerd"
    template = hostile(tmp_path / "sjablonen", commands(marker)[name])
    message = refuse(questionnaire, template)
    assert "niet toegestaan" in message or "onbekende plaatshouder" in message
    assert "er is geen document gemaakt" in message or "README.md" in message
    assert not marker.exists()


@pytest.mark.parametrize("where", ["body", "header", "footer", "footnote", "properties"])
def test_every_part_of_the_template_is_sandboxed(questionnaire, tmp_path: Path, where) -> None:
    marker = tmp_path / "uitgevoerd"
    template = hostile(tmp_path / "sjablonen", commands(marker)["cycler"], where)
    refuse(questionnaire, template, "‘cycler’", "niet toegestaan")
    assert not marker.exists()


def test_control_plain_jinja_would_run_the_payload(tmp_path: Path) -> None:
    """Without the sandbox the same template does run a command: the marker check can fail."""
    from docxtpl import DocxTemplate

    marker = tmp_path / "uitgevoerd"
    template = hostile(tmp_path / "sjablonen", commands(marker)["cycler"], "header")
    DocxTemplate(template).render({"regio": "x"})  # docxtpl's default: no sandbox
    assert marker.exists()


def test_unknown_names_are_refused_before_rendering(questionnaire, tmp_path: Path) -> None:
    template = hostile(tmp_path / "sjablonen", "{{ geheime_variabele }}")
    refuse(questionnaire, template, "onbekende plaatshouder ‘geheime_variabele’")
    template = hostile(
        tmp_path / "sjablonen", "{% for s in scores %}{{ s.bestaat_niet }}{% endfor %}"
    )
    refuse(questionnaire, template, "onbekende plaatshouder ‘bestaat_niet’")


def test_huge_range_is_refused(questionnaire, tmp_path: Path) -> None:
    template = hostile(tmp_path / "sjablonen", "{% for i in range(30000000) %}{{ i }}{% endfor %}")
    refuse(questionnaire, template, "range()", f"maximum is {sandbox.MAX_RANGE}")


def test_nested_loops_stop_at_the_loop_budget(questionnaire, tmp_path: Path) -> None:
    """Six loops over the ten standards: a million steps, from data the app itself provides."""
    loops = "".join(f"{{% for x{i} in scores %}}" for i in range(6))
    ends = "{% endfor %}" * 6
    template = hostile(tmp_path / "sjablonen", loops + ends)
    refuse(questionnaire, template, "meer dan", "keer rond")


def test_render_deadline(questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_RENDER_SECONDS", -1.0)
    refuse(questionnaire, find_template(TemplateKind.FINDINGS), "duurt langer dan")


def test_output_size_bound(questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_OUTPUT_CHARS", 50_000)
    template = hostile(
        tmp_path / "sjablonen",
        "{% for i in range(1000) %}{{ i }}" + "x" * 200 + "{% endfor %}",
    )
    refuse(questionnaire, template, "onredelijk groot document")


def test_image_bomb_is_refused_before_unpacking(questionnaire, tmp_path: Path) -> None:
    folder = tmp_path / "sjablonen"
    template = hostile(folder, "{{ regio }}")
    with (
        zipfile.ZipFile(template, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/bom.png", "w", force_zip64=True) as member,
    ):
        chunk = bytes(1 << 20)
        for _ in range(150):  # 150 MB of zeros, about 150 kB in the file
            member.write(chunk)
    assert template.stat().st_size < 1_000_000
    refuse(questionnaire, template, "zip-bom", "er is geen document gemaakt")


def test_oversized_template_file_is_refused(questionnaire, tmp_path: Path) -> None:
    folder = tmp_path / "sjablonen"
    template = hostile(folder, "{{ regio }}")
    with zipfile.ZipFile(template, "a", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("word/media/foto.png", os.urandom(templates.MAX_TEMPLATE_BYTES))
    refuse(questionnaire, template, "groter dan 20 MB")


def test_too_many_paragraphs_is_refused(questionnaire, tmp_path: Path) -> None:
    many = "".join("<w:p/>" for _ in range(templates.MAX_TEMPLATE_PARAGRAPHS + 1))
    folder = tmp_path / "sjablonen"
    template = hostile(folder, "{{ regio }}")
    data = io.BytesIO()
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                content = content.replace(b"<w:body>", b"<w:body>" + many.encode(), 1)
            dst.writestr(item.filename, content)
    template.write_bytes(data.getvalue())
    refuse(questionnaire, template, "alinea's")


def test_too_many_placeholders_are_refused_before_compiling(questionnaire, tmp_path: Path) -> None:
    """Jinja compiles every tag into Python before the render deadline can run: count first."""
    many = "{{ regio }}" * (templates.MAX_TEMPLATE_TAGS + 1)
    template = hostile(tmp_path / "sjablonen", many)
    refuse(questionnaire, template, "plaatshouders")


def test_oversized_text_part_is_refused(questionnaire, tmp_path: Path) -> None:
    text = os.urandom(templates.MAX_TEMPLATE_PART_BYTES // 2 + 1).hex()  # barely compressible
    template = hostile(tmp_path / "sjablonen", text)
    refuse(questionnaire, template, "word/document.xml", "groter dan 10 MB")


def test_a_fifo_is_not_read(questionnaire, tmp_path: Path) -> None:
    fifo = tmp_path / "rapport-zelfscan.docx"
    os.mkfifo(fifo)
    refuse(questionnaire, fifo, "geen gewoon bestand")


def test_allowed_expressions_still_work(questionnaire, tmp_path: Path) -> None:
    """What the README promises: filters, tests, loop.index, arithmetic on numbers, range."""
    import docx

    text = (
        "{{ regio|upper }} {{ scores|length }} {{ scores[0].titel|lower }} "
        "{{ vragen_open * 2 + 1 }} {% if vragen_open is number %}getal{% endif %} "
        "{% for i in range(3) %}{{ loop.index }}{% endfor %} {{ onbekend_veld|default('–') }}"
    )
    template = hostile(tmp_path / "sjablonen", text.replace("{{ onbekend_veld|default('–') }}", ""))
    document = docx.Document(io.BytesIO(render_with(questionnaire, template)))
    first = document.paragraphs[0].text
    scan = sample_scan(questionnaire)
    assert first.startswith(f"{scan.regio.upper()} 10 ")
    assert " 5 getal 123" in first  # two questions open: 2 * 2 + 1


@pytest.mark.parametrize("kind", list(TemplateKind))
def test_bundled_templates_render_identically_to_plain_jinja(
    questionnaire, kind: TemplateKind, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sandbox changes nothing for the documented placeholders: byte-equal XML."""
    from jinja2 import Environment, StrictUndefined

    from tests.region.helpers import region
    from zelfscan_app.domain.region import Disclosure
    from zelfscan_app.services import documents
    from zelfscan_app.services import region as region_service

    scan = sample_scan(questionnaire)
    day = date(2026, 3, 2)

    def make() -> bytes:
        template = find_template(kind)
        if kind is TemplateKind.PLAN:
            return documents.plan_document(None, questionnaire, scan, template=template, today=day)
        if kind is TemplateKind.FINDINGS:
            return documents.findings_document(questionnaire, scan, template=template, today=day)
        if kind in (TemplateKind.STARTBIJEENKOMST, TemplateKind.FOLLOW_UP):
            from zelfscan_app.domain.programme import Meeting, ProgrammeDetails
            from zelfscan_app.reports.programme_document import render_programme

            meeting = Meeting(kind.value.removeprefix("programma-").removesuffix(".docx"))
            details = ProgrammeDetails(meeting, "Regio Noordwaard", day, locatie="Raadszaal")
            return render_programme(details, template=template)
        picture = region_service.build_picture(questionnaire, region(questionnaire, 6))
        summary = picture.summary
        names = {n: n for n in summary.municipalities}
        disclosure = Disclosure(False, 5, len(names))
        return documents.region_document(
            questionnaire, summary, names, disclosure, template=template, today=day
        )

    def parts(data: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {
                n: archive.read(n)
                for n in archive.namelist()
                if n.startswith("word/") and n.endswith(".xml")
            }

    sandboxed = parts(make())
    monkeypatch.setattr(
        templates,
        "_environment",
        lambda template, names: Environment(autoescape=True, undefined=StrictUndefined),
    )
    plain = parts(make())
    assert sandboxed.keys() == plain.keys()
    for name in plain:
        assert sandboxed[name] == plain[name], name


# The command line: plan, rapport and merge --docx -------------------------------------------


@pytest.fixture
def hostile_folder(tmp_path: Path) -> tuple[Path, Path]:
    """A template folder in which all three templates carry the payload in their header."""
    marker = tmp_path / "uitgevoerd"
    folder = tmp_path / "gedeelde-sjablonen"
    for kind in TemplateKind:
        hostile(folder, commands(marker)["cycler"], "header", kind)
    return folder, marker


@pytest.fixture(scope="module")
def region_workbooks(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Five workbooks of one region, written once per module: the commands only read them."""
    from tests.region.helpers import region, write
    from zelfscan_app.questionnaire_file import default_questionnaire

    questionnaire = default_questionnaire()
    folder = tmp_path_factory.mktemp("werkmappen")
    return [
        write(questionnaire, s, folder / f"{s.gemeente}.xlsx") for s in region(questionnaire, 5)
    ]


@pytest.mark.parametrize(
    ("command", "via"),
    [
        ("plan", "--sjablonen"),
        ("plan", "ZELFSCAN_TEMPLATES"),
        ("rapport", "--sjablonen"),
        ("rapport", "ZELFSCAN_TEMPLATES"),
        ("merge", "ZELFSCAN_TEMPLATES"),  # merge has no --sjablonen option
    ],
)
def test_cli_refuses_a_hostile_template(
    command: str,
    via: str,
    hostile_folder: tuple[Path, Path],
    region_workbooks: list[Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from zelfscan_app.cli.main import main

    folder, marker = hostile_folder
    workbooks = region_workbooks
    out = tmp_path / "uit.docx"
    args = ["--database", f"sqlite:///{tmp_path / 'z.sqlite'}", command]
    if command == "merge":
        args += [*map(str, workbooks), "--out", str(tmp_path / "regio.xlsx"), "--docx", str(out)]
        args += ["--json", str(tmp_path / "regio.json")]
        kind = TemplateKind.REGION
    else:
        args += [str(workbooks[0]), "--out", str(out)]
        kind = TemplateKind.PLAN if command == "plan" else TemplateKind.FINDINGS
    if via == "--sjablonen":
        args += ["--sjablonen", str(folder)]
    else:
        monkeypatch.setenv("ZELFSCAN_TEMPLATES", str(folder))
    assert main(args) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("zelfscan: fout:")]
    assert len(lines) == 1, err
    assert f"{folder / kind.value}: het sjabloon bevat ‘cycler’" in lines[0]
    assert "Traceback" not in err
    assert not marker.exists()
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".docx", ".json")) == []
    assert not (tmp_path / "regio.xlsx").exists()


def test_gui_shows_the_refusal_in_one_dialog(
    qtbot, db, questionnaire, hostile_folder: tuple[Path, Path], tmp_path: Path, monkeypatch
) -> None:
    """The plan button with a hostile template folder: one warning naming the file, no file."""
    from zelfscan_app.gui.plan import export_actions
    from zelfscan_app.services.scans import create_scan

    folder, marker = hostile_folder
    out = tmp_path / "plan.docx"
    shown: list[tuple[str, str]] = []
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    scan_id = create_scan(db, sample_scan(questionnaire))
    result = export_actions.export_plan(None, db, questionnaire, scan_id, template_dir=folder)
    assert result is None and not out.exists() and not marker.exists()
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Plan van aanpak opslaan"
    assert text.startswith(f"{folder / TemplateKind.PLAN.value}: het sjabloon bevat ‘cycler’")


def test_readme_documents_every_placeholder_and_filter(
    questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each name a document passes to its template, and each allowed filter, is in README.md."""
    from tests.region.helpers import region
    from zelfscan_app.domain.region import Disclosure
    from zelfscan_app.resources import templates_dir
    from zelfscan_app.services import documents
    from zelfscan_app.services import region as region_service

    seen: set[str] = set()
    real_render = templates.render

    def capture(template, context, properties, images=None):
        seen.update(context)
        seen.update(images or {})
        return real_render(template, context, properties, images)

    for module in ("plan_document", "findings_document", "region_document"):
        monkeypatch.setattr(f"zelfscan_app.reports.{module}.render", capture)
    scan = sample_scan(questionnaire)
    documents.plan_document(None, questionnaire, scan, template=find_template(TemplateKind.PLAN))
    documents.findings_document(questionnaire, scan, template=find_template(TemplateKind.FINDINGS))
    summary = region_service.build_picture(questionnaire, region(questionnaire, 5)).summary
    documents.region_document(
        questionnaire,
        summary,
        {n: n for n in summary.municipalities},
        Disclosure(False, 5, 5),
        template=find_template(TemplateKind.REGION),
    )
    readme = (templates_dir() / "README.md").read_text(encoding="utf-8")
    assert len(seen) > 30
    assert [name for name in sorted(seen) if f"`{name}`" not in readme] == []
    for name in (*sandbox.ALLOWED_FILTERS, *sandbox.ALLOWED_TESTS):
        assert f"`{name}`" in readme, name
