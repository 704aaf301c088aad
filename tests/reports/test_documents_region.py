"""The regional report: named, anonymised, and below the minimum group size."""

from __future__ import annotations

import io
import random
import re
import shutil
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest

from tests.reports.test_documents import (
    TINY_PNG,
    assert_no_placeholders,
    assert_schema_order,
    first_row,
    headings,
    open_docx,
    xml_parts,
)
from zelfscan_app.domain.region import (
    MIN_GROUP_SIZE,
    Disclosure,
    Municipality,
    anonymous_names,
    summarize_region,
)
from zelfscan_app.domain.scan import AnswerValue, SoortMeting
from zelfscan_app.reports.region_document import render_region_report, scrub_names
from zelfscan_app.reports.templates import TemplateKind, find_template
from zelfscan_app.services import documents as doc_service

NAMES = ("Aldermeer", "Brugwijk", "Dalvoorde", "Eikenrade", "Hoogveen", "Lindehout")
REGIO = "Regio Veenland"


def municipalities(questionnaire, names=NAMES, seed: int = 1) -> list[Municipality]:
    rng = random.Random(seed)
    result = []
    for name in names:
        values = {}
        for q in questionnaire.questions:
            if name == names[-1] and q.standard == 9:
                continue  # one municipality without a score for standard 9
            values[q.number] = (
                AnswerValue.OP_ORDE if rng.random() < 0.6 else AnswerValue.NIET_OP_ORDE
            )
        result.append(Municipality(name, values))
    return result


def render(questionnaire, summary, names, disclosure, **kwargs) -> bytes:
    return render_region_report(
        questionnaire,
        summary,
        names,
        disclosure,
        template=kwargs.pop("template", find_template(TemplateKind.REGION)),
        spider_png=TINY_PNG,
        regio=REGIO,
        today=date(2026, 4, 1),
        **kwargs,
    )


def table_titled(document, first_header: str):
    return next(t for t in document.tables if first_row(t)[0] == first_header)


def test_named_report_has_heatmap_distribution_and_question_counts(questionnaire) -> None:
    summary = summarize_region(questionnaire, municipalities(questionnaire))
    data = render(
        questionnaire,
        summary,
        {n: n for n in NAMES},
        Disclosure(False, MIN_GROUP_SIZE, len(NAMES)),
    )
    document = open_docx(data)
    assert headings(document, 1) == [
        "Regionaal beeld",
        "Verdeling van de gemeenten per scoreklasse",
        "Scores per gemeente",
        "Per vraag: aantal gemeenten op orde",
        "Duiding en vervolg",
    ]
    assert len(document.inline_shapes) == 1
    heat = table_titled(document, "Gemeente")
    assert first_row(heat) == ["Gemeente", "Meting", *[str(n) for n in range(1, 11)]]
    assert [r.cells[0].text for r in heat.rows[1:]] == list(NAMES)
    lindehout = [c.text for c in heat.rows[-1].cells]
    assert lindehout[10] == "–"  # no answers for standard 9: no score, not 0
    grid = heat._tbl.tblGrid.findall(docx.oxml.ns.qn("w:gridCol"))
    assert len(grid) == 12 and int(grid[0].get(docx.oxml.ns.qn("w:w"))) > int(
        grid[2].get(docx.oxml.ns.qn("w:w"))
    )
    spread = table_titled(document, "Nr")
    assert first_row(spread) == [
        "Nr",
        "Kwaliteitsstandaard",
        "Gemiddeld",
        "Laagste",
        "Hoogste",
        "Gemeenten met score",
    ]
    assert spread.rows[9].cells[5].text == f"{len(NAMES) - 1} van {len(NAMES)}"
    distribution = table_titled(document, "Kwaliteitsstandaard")
    assert first_row(distribution)[1:] == [
        "0–24%",
        "25–49%",
        "50–74%",
        "75–99%",
        "100%",
        "geen score",
    ]
    assert distribution.rows[9].cells[6].text == f"1 van {len(NAMES)}"
    per_question = [t for t in document.tables if first_row(t)[:2] == ["Nr", "Vraag"]]
    assert sum(len(t.rows) - 1 for t in per_question) == 31
    first = summary.question(1)
    assert per_question[0].rows[1].cells[2].text == f"{first.op_orde} van {first.answered}"
    assert_no_placeholders(data)
    assert_schema_order(data)


def test_anonymised_report_has_no_municipality_name_anywhere(questionnaire, tmp_path) -> None:
    # A region's restyled template that carries a name in its properties must not leak it.
    template = tmp_path / TemplateKind.REGION.value
    restyled = docx.Document(str(find_template(TemplateKind.REGION)))
    restyled.core_properties.author = "Aldermeer"
    restyled.core_properties.comments = "opgesteld door Brugwijk"
    restyled.core_properties.keywords = "Dalvoorde"
    restyled.save(str(template))
    with_company = tmp_path / "with-company.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(with_company, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "docProps/app.xml":
                content = re.sub(
                    rb"<Company>[^<]*</Company>|<Company/>",
                    b"<Company>Gemeente Eikenrade</Company>",
                    content,
                )
                if b"<Company>" not in content:
                    content = content.replace(
                        b"</Properties>", b"<Company>Gemeente Eikenrade</Company></Properties>"
                    )
            dst.writestr(item, content)
    shutil.move(with_company, template)
    assert b"Eikenrade" in zipfile.ZipFile(template).read("docProps/app.xml")

    summary = summarize_region(
        questionnaire,
        municipalities(questionnaire),
        warnings=("Hoogveen gebruikte een oudere vragenlijst; bij LINDEHOUT ontbrak blok 2",),
    )
    names = anonymous_names(summary.municipalities, seed=42)
    data = render(
        questionnaire,
        summary,
        names,
        Disclosure(True, MIN_GROUP_SIZE, len(NAMES)),
        template=template,
    )
    everything = "\n".join(xml_parts(data).values())
    for name in NAMES:
        assert name.lower() not in everything.lower(), name
    document = open_docx(data)
    heat = table_titled(document, "Gemeente")
    codes = [r.cells[0].text for r in heat.rows[1:]]
    assert codes == sorted(names.values())
    warnings = [p.text for p in document.paragraphs if p.style.name == "Let op"]
    # The small-numbers cautions (domain.caution) come first, then the merge's own warnings.
    assert warnings[-1] == (
        f"Let op: {names['Hoogveen']} gebruikte een oudere vragenlijst; bij "
        f"{names['Lindehout']} ontbrak blok 2"
    )
    assert [w for w in warnings[:-1] if "vragenlijst" in w] == []
    meta = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert meta["Weergave"] == "geanonimiseerd, gemeenten met een code"
    props = document.core_properties
    assert props.author == "Zelfscan Kwaliteitskader" and props.comments == ""


def test_below_minimum_group_size_only_means_are_shown(questionnaire) -> None:
    three = NAMES[:3]
    summary = summarize_region(questionnaire, municipalities(questionnaire, three))
    disclosure = Disclosure(True, MIN_GROUP_SIZE, 3)
    data = render(questionnaire, summary, anonymous_names(three, seed=1), disclosure)
    document = open_docx(data)
    assert headings(document, 1) == ["Regionaal beeld", "Duiding en vervolg"]
    notice = [p.text for p in document.paragraphs if p.style.name == "Let op"]
    assert notice[0] == disclosure.reason
    assert "Let op: Dit regionale beeld rust op 3 gemeenten, minder dan 5." in notice[1]
    spread = table_titled(document, "Nr")
    assert {r.cells[3].text for r in spread.rows[1:]} == {"–"}
    assert {r.cells[4].text for r in spread.rows[1:]} == {"–"}
    assert len(document.tables) == 2  # metadata and the means; nothing per municipality
    caption = next(p.text for p in document.paragraphs if p.style.name == "Caption")
    assert "spreiding" not in caption
    everything = "\n".join(xml_parts(data).values())
    assert not any(name in everything for name in three)


def test_anonymous_report_needs_a_name_for_everyone(questionnaire) -> None:
    summary = summarize_region(questionnaire, municipalities(questionnaire))
    with pytest.raises(ValueError, match="anonymous name"):
        render(questionnaire, summary, {"Aldermeer": "Gemeente A"}, Disclosure(True, 5, 6))


def test_scrub_names_whole_words_any_case() -> None:
    names = {"Ede": "Gemeente A", "Ede-Oost": "Gemeente B"}
    assert scrub_names("In Ede-Oost en EDE; mede dankzij Ede.", names) == (
        "In Gemeente B en Gemeente A; mede dankzij Gemeente A."
    )


def test_national_report_has_a_row_per_municipality(questionnaire) -> None:
    # Its speed is measured by `make bench` (documents), not asserted here.
    names = [f"Gemeente nummer {i:03d}" for i in range(342)]
    summary = summarize_region(questionnaire, municipalities(questionnaire, names))
    data = render(questionnaire, summary, {n: n for n in names}, Disclosure(False, 5, 342))
    heat = table_titled(open_docx(data), "Gemeente")
    assert len(heat.rows) == 343


def test_write_region_report_draws_the_regional_spider(questionnaire, tmp_path: Path) -> None:
    summary = summarize_region(questionnaire, municipalities(questionnaire))
    disclosure = Disclosure(False, MIN_GROUP_SIZE, len(NAMES))
    chart = doc_service.region_chart(questionnaire, summary, disclosure, regio=REGIO)
    assert chart.band is not None and chart.title == REGIO
    suppressed = Disclosure(True, MIN_GROUP_SIZE, 3)
    assert doc_service.region_chart(questionnaire, summary, suppressed, regio=REGIO).band is None
    written = doc_service.write_region_report(
        questionnaire,
        summary,
        {n: n for n in NAMES},
        disclosure,
        tmp_path / "regio.docx",
        regio=REGIO,
    )
    document = docx.Document(str(written.path))
    assert len(document.inline_shapes) == 1
    image = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[image].blob.startswith(b"\x89PNG")
    with zipfile.ZipFile(written.path) as archive:
        assert archive.testzip() is None
    assert io.BytesIO(written.path.read_bytes()).getbuffer().nbytes > 20_000


# What the report mixes (from the service, as CLI and GUI write it) ---------------------------


def mixed_scans(questionnaire):
    from tests.region.helpers import make_scan

    scans = []
    for index, name in enumerate(NAMES):
        evaluatie = index % 3 == 0  # Aldermeer and Eikenrade: an evaluatie in 2026
        scans.append(
            make_scan(
                questionnaire,
                name,
                seed=index,
                datum=date(2026, 10, 5 + index) if evaluatie else date(2025, 3, 3 + index),
                soort=SoortMeting.EVALUATIE if evaluatie else SoortMeting.NULMETING,
                skip=frozenset({24, 30}) if name == "Dalvoorde" else frozenset(),
            )
        )
    # The two evaluating municipalities also have an older nulmeting.
    scans += [
        make_scan(questionnaire, n, seed=40 + i, datum=date(2025, 2, 1 + i))
        for i, n in enumerate(("Aldermeer", "Eikenrade"))
    ]
    return [replace(s, id=i + 1) for i, s in enumerate(scans)]


def first_page(document) -> list[str]:
    """Paragraph and table-cell texts before the first Heading 1."""
    texts = []
    for child in document.element.body.iterchildren():
        if child.tag == docx.oxml.ns.qn("w:p"):
            paragraph = docx.text.paragraph.Paragraph(child, document)
            if paragraph.style.name == "Heading 1":
                break
            texts.append(paragraph.text)
        elif child.tag == docx.oxml.ns.qn("w:tbl"):
            table = docx.table.Table(child, document)
            texts += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return texts


def write_report(questionnaire, tmp_path, soort=None, **options) -> docx.document.Document:
    from zelfscan_app.services import region as svc

    picture = svc.build_picture(questionnaire, mixed_scans(questionnaire), soort=soort)
    report = svc.RegionReport(picture, **options)
    path = svc.write_document(report, tmp_path / "regio.docx")
    return open_docx(path.read_bytes())


def test_the_report_says_what_it_mixes(questionnaire, tmp_path) -> None:
    document = write_report(questionnaire, tmp_path)
    page = first_page(document)
    assert "Zelfscans | Nieuwste zelfscan per gemeente" in page
    assert "nulmeting 2025 | 4" in page and "evaluatie 2026 | 2" in page
    mixed = next(t for t in page if t.startswith("Let op: Dit overzicht mengt soorten metingen"))
    assert "4 nulmetingen uit 2025 en 2 evaluaties uit 2026" in mixed
    assert "‘alleen nulmetingen’" in mixed and "--soort nulmeting" in mixed
    # The incompleteness warning the command line prints is in the document too.
    assert "Let op: Onvolledig (niet alle vragen beantwoord): Dalvoorde (29 van 31)." in page
    heat = table_titled(document, "Gemeente")
    rows = {r.cells[0].text: r.cells[1].text for r in heat.rows[1:]}
    assert rows["Aldermeer"] == "evaluatie 2026-10-05"
    assert rows["Brugwijk"] == "nulmeting 2025-03-04"


def test_only_nulmetingen_is_named_and_mixes_nothing(questionnaire, tmp_path) -> None:
    document = write_report(questionnaire, tmp_path, soort=SoortMeting.NULMETING)
    page = first_page(document)
    assert "Zelfscans | Alleen nulmetingen" in page
    assert "nulmeting 2025 | 6" in page
    assert not any("mengt" in t for t in page)


def test_anonymised_mix_names_soort_but_no_dates(questionnaire, tmp_path) -> None:
    document = write_report(questionnaire, tmp_path, anonymous=True, seed=3)
    text = "\n".join(first_page(document))
    assert "evaluatie 2026 | 2" in text
    heat = table_titled(document, "Gemeente")
    assert {r.cells[1].text for r in heat.rows[1:]} == {"nulmeting", "evaluatie"}
    xml = "".join(xml_parts(open_docx_bytes(document)).values())
    assert not re.search(r"20\d\d-\d\d-\d\d", visible_text_of(xml))
    assert not any(n in xml for n in NAMES)


def open_docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def visible_text_of(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
