"""Plan van aanpak and findings report: structure checked by opening the .docx with python-docx."""

from __future__ import annotations

import base64
import io
import re
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from zelfscan_app.domain.actions import draft_actions
from zelfscan_app.domain.scan import (
    Action,
    ActionStatus,
    Answer,
    AnswerValue,
    Participant,
    Scan,
    SoortMeting,
)
from zelfscan_app.reports.findings_document import render_findings
from zelfscan_app.reports.plan_document import (
    default_period,
    parse_period,
    plan_groups,
    render_plan,
)
from zelfscan_app.reports.templates import TemplateKind, find_template
from zelfscan_app.services import actions as action_service
from zelfscan_app.services import documents as doc_service
from zelfscan_app.services.scans import create_scan
from zelfscan_app.storage.database import Database

NIET, OP = AnswerValue.NIET_OP_ORDE, AnswerValue.OP_ORDE

#: A valid 1×1 PNG: the document functions take the spider as bytes, so most tests skip drawing.
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

PLAN_HEADERS = [
    "Maatregel/verbeterpunt",
    "Huidige stand van zaken",
    "Omschrijving verbeteractie",
    "Beoogd resultaat",
    "Wie gaat het doen?",
    "Planning",
    "Kosten",
]

#: Niet op orde, with toelichting and nuancering, spread over four of the five plan groups.
NIET_OP_ORDE = {
    1: ("Geen visie vastgesteld.", "Jeugd wel, Wmo niet."),
    5: ("Meldcode onbekend bij Wmo-consulenten.", ""),
    15: ("Zicht ontbreekt na overdracht.", ""),
    19: ("", ""),
    28: ("Geen afspraken over nieuwe zorgen.", "Alleen mondeling."),
}
UNANSWERED = (30, 31)


def sample_scan(questionnaire, **overrides) -> Scan:
    answers = []
    for q in questionnaire.questions:
        if q.number in UNANSWERED:
            continue
        if q.number in NIET_OP_ORDE:
            toelichting, nuancering = NIET_OP_ORDE[q.number]
            answers.append(Answer(q.number, NIET, toelichting, nuancering))
        else:
            answers.append(Answer(q.number, OP, "Staat beschreven.", bespreekpunt=q.number == 7))
    fields = dict(
        gemeente="Aldermeer",
        regio="Demoregio Veenland",
        datum=date(2026, 3, 15),
        soort=SoortMeting.NULMETING,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        facilitator="Marieke Verbeek",
        participants=(
            Participant("Ans de Wit", "Gemeente, beleid Jeugd", "beleidsmedewerker"),
            Participant("Kees Visser", "Veilig Thuis", "teamleider"),
            Participant("Sanne Bakker", "Lokaal team", "jeugdprofessional"),
            Participant("Mehmet Yilmaz", "Lokaal team", "Wmo-consulent"),
        ),
        answers=tuple(answers),
    )
    fields.update(overrides)
    return Scan(**fields)


# Helpers for reading documents -------------------------------------------------------------


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def first_row(table) -> list[str]:
    return [cell.paragraphs[0].text for cell in table.rows[0].cells]


def plan_tables(document) -> list:
    return [t for t in document.tables if first_row(t) == PLAN_HEADERS]


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def xml_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def visible_text(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def assert_no_placeholders(data: bytes) -> None:
    for name, xml in xml_parts(data).items():
        text = visible_text(xml)
        assert "{{" not in text and "{%" not in text, f"placeholder left in {name}"


def assert_schema_order(data: bytes) -> None:
    """Word refuses properties out of schema order; LibreOffice would not notice."""
    from lxml import etree

    from zelfscan_app.reports.templates import SCHEMA_ORDER

    for name, xml in xml_parts(data).items():
        if not name.startswith("word/") or name.endswith(".rels"):
            continue
        root = etree.fromstring(xml.encode("utf-8"))
        for local, order in SCHEMA_ORDER.items():
            rank = {n: i for i, n in enumerate(order)}
            for element in root.iter(qn(f"w:{local}")):
                keys = [rank.get(c.tag.rsplit("}", 1)[-1], len(order)) for c in element]
                assert keys == sorted(keys), f"{name}: {local} children out of order"


def body_order(document) -> list[str]:
    """'p' / 'tbl' / 'sect' (a paragraph that ends a section) in body order."""
    order = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            order.append("tbl")
        elif element.tag == qn("w:p"):
            has_sect = element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
            order.append("sect" if has_sect else "p")
    return order


@pytest.fixture
def plan_doc(questionnaire) -> tuple[bytes, Scan]:
    scan = sample_scan(questionnaire)
    from zelfscan_app.domain.actions import draft_actions

    data = render_plan(
        questionnaire,
        scan,
        draft_actions(questionnaire, scan),
        template=find_template(TemplateKind.PLAN),
        spider_png=TINY_PNG,
        today=date(2026, 4, 1),
    )
    return data, scan


# Plan van aanpak ---------------------------------------------------------------------------


def test_plan_has_bijlage_5_structure(plan_doc, questionnaire) -> None:
    data, _scan = plan_doc
    document = open_docx(data)
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == "Plan van Aanpak 2026 – 2027"
    subtitle = next(p for p in document.paragraphs if p.style.name == "Subtitle")
    assert subtitle.text == "Gemeente Aldermeer"
    assert headings(document, 1) == [
        "Inleiding",
        "Context",
        "Samenvatting belangrijkste uitkomsten",
        "Plan van Aanpak 2026 – 2027",
    ]
    assert headings(document, 2)[-5:] == [
        "Kwaliteitsstandaarden 1 en 2: Gemeentelijke regie",
        "Kwaliteitsstandaarden 3 en 6: Vereisten voor alle lokale professionals",
        "Kwaliteitsstandaarden 4, 5, 7 en 8: Vereisten voor lokale professionals aan wie "
        "Veilig Thuis casuïstiek overdraagt",
        "Kwaliteitsstandaard 9: Beschikbaarheid gespecialiseerd hulpaanbod",
        "Kwaliteitsstandaard 10: Samenwerking met Veilig Thuis",
    ]
    assert len(plan_tables(document)) == 5
    assert_no_placeholders(data)
    assert_schema_order(data)


def test_plan_inleiding_names_date_and_organisations(plan_doc) -> None:
    document = open_docx(plan_doc[0])
    text = "\n".join(p.text for p in document.paragraphs)
    assert "op 15 maart 2026 voor de gemeente Aldermeer is ingevuld (nulmeting)" in text
    assert "onder leiding van Marieke Verbeek" in text
    assert "namen 4 mensen deel" in text
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets[:3] == ["Gemeente, beleid Jeugd", "Veilig Thuis", "Lokaal team"]
    prompts = [p.text for p in document.paragraphs if p.style.name == "Invulaanwijzing"]
    assert any("regiovisie" in p and "Demoregio Veenland" in p for p in prompts)
    assert len(prompts) >= 4


def test_plan_summary_lists_lowest_standards_and_niet_op_orde(plan_doc, questionnaire) -> None:
    document = open_docx(plan_doc[0])
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Van de 31 vragen zijn er 24 met ‘Op orde’ en 5 met ‘Niet op orde’ beantwoord; " in text
    assert "2 vragen zijn niet beantwoord." in text
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "1. Integrale visie: 50% (1 van 2 vragen op orde)" in bullets
    for number in NIET_OP_ORDE:
        question = questionnaire.question(number)
        assert f"Vraag {number} (standaard {question.standard}): {question.text}" in bullets


def test_plan_has_one_row_per_niet_op_orde_question(plan_doc, questionnaire) -> None:
    document = open_docx(plan_doc[0])
    tables = plan_tables(document)
    for group, table in zip(plan_groups(questionnaire), tables, strict=True):
        expected = [
            q.number
            for q in questionnaire.questions
            if q.standard in group.standards
            and (q.number in NIET_OP_ORDE or q.number in UNANSWERED)
        ]
        body = table.rows[1:]
        if not expected:  # an empty row to write in, and a note saying why
            assert len(body) == 1 and all(c.text == "" for c in body[0].cells)
            continue
        assert len(body) == len(expected)
        for row, number in zip(body, expected, strict=True):
            question = questionnaire.question(number)
            cells = [c.text for c in row.cells]
            # The full question stays readable, small under the huidige stand van zaken.
            assert cells[1].endswith(f"Vraag: {question.text}")
            assert cells[2:] == ["", "", "", "", ""]
            if number in UNANSWERED:
                assert cells[0] == f"Vraag {number} is niet beantwoord — nog te bespreken"
                continue
            # A statement, not the question with a question mark.
            assert cells[0] == f"Vraag {number} — {question.verbeterpunt}"
            assert not cells[0].endswith("?")
            toelichting, nuancering = NIET_OP_ORDE[number]
            assert toelichting in cells[1]
            if nuancering:
                assert f"Nuancering: {nuancering}" in cells[1]
    header_hints = [c.paragraphs[-1].text for c in tables[0].rows[0].cells]
    assert "(kort & bondig!)" in header_hints[1]


ALL_OP_ORDE = "zijn met ‘Op orde’ beantwoord"


def body_texts(document) -> list[str]:
    """Paragraph texts in body order, a table as '[tabel]'."""
    texts = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            texts.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            texts.append("[tabel]")
    return texts


def group_texts(document, heading: str) -> list[str]:
    texts = body_texts(document)
    start = texts.index(heading)
    following = [
        i for i, t in enumerate(texts) if t.startswith("Kwaliteitsstandaard") and i > start
    ]
    return texts[start : following[0] if following else len(texts)]


NINE = "Kwaliteitsstandaard 9: Beschikbaarheid gespecialiseerd hulpaanbod"


def test_an_unanswered_question_is_never_called_op_orde(questionnaire) -> None:
    # Standard 9 has one question (24). Answered Op orde, the plan may say so …
    scan = sample_scan(questionnaire)
    template = find_template(TemplateKind.PLAN)
    answered = open_docx(
        render_plan(
            questionnaire,
            scan,
            draft_actions(questionnaire, scan),
            template=template,
            spider_png=TINY_PNG,
        )
    )
    assert any(ALL_OP_ORDE in t for t in group_texts(answered, NINE))
    # … left open, it says the question is open, in a row of its group, and never 'Op orde'.
    scan = replace(scan, answers=tuple(a for a in scan.answers if a.question != 24))
    document = open_docx(
        render_plan(
            questionnaire,
            scan,
            draft_actions(questionnaire, scan),
            template=template,
            spider_png=TINY_PNG,
        )
    )
    assert not any(ALL_OP_ORDE in t for t in group_texts(document, NINE))
    table = plan_tables(document)[3]
    assert table.rows[1].cells[0].text == "Vraag 24 is niet beantwoord — nog te bespreken"
    paragraphs = [p.text for p in document.paragraphs]
    assert "Vragen die nog niet beantwoord zijn" in paragraphs
    question = questionnaire.question(24)
    assert f"Vraag 24 (standaard 9): {question.text} — nog te bespreken" in paragraphs
    assert not any(ALL_OP_ORDE in t for t in body_texts(document))


def test_plan_tables_sit_in_a_landscape_section(plan_doc) -> None:
    document = open_docx(plan_doc[0])
    first, second = document.sections
    assert first.orientation == WD_ORIENT.PORTRAIT and first.page_width < first.page_height
    assert second.orientation == WD_ORIENT.LANDSCAPE and second.page_width > second.page_height
    order = body_order(document)
    section_break = order.index("sect")
    tables = [i for i, kind in enumerate(order) if kind == "tbl"]
    plan_positions = tables[-5:]
    assert all(i > section_break for i in plan_positions)
    for table in plan_tables(document):  # fits the landscape text width, header repeats
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        text_width = second.page_width - second.left_margin - second.right_margin
        assert sum(widths) * 635 <= text_width  # twips → EMU
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def test_plan_has_spider_picture_with_alt_text_and_logo_slot(plan_doc) -> None:
    data, _ = plan_doc
    document = open_docx(data)
    assert len(document.inline_shapes) == 1
    doc_pr = document.element.body.find(f".//{qn('wp:docPr')}")
    assert doc_pr.get("descr").startswith("Spindiagram met de score per kwaliteitsstandaard")
    assert "Integrale visie 50%" in doc_pr.get("descr")
    header = document.sections[0].header
    assert header.part.element.find(f".//{qn('wp:docPr')}") is not None  # the logo box
    media = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/media")]
    assert len(media) == 2  # logo and spider


def test_plan_footer_and_properties(plan_doc) -> None:
    document = open_docx(plan_doc[0])
    footer = document.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Plan van Aanpak 2026 – 2027 · Gemeente Aldermeer · pagina")
    props = document.core_properties
    assert props.title == "Plan van Aanpak 2026 – 2027 – Gemeente Aldermeer"
    assert props.author == "Zelfscan Kwaliteitskader"
    assert props.language == "nl-NL"


def test_plan_without_spider_still_renders(questionnaire) -> None:
    scan = sample_scan(questionnaire)
    data = render_plan(
        questionnaire, scan, [], template=find_template(TemplateKind.PLAN), spider_png=None
    )
    document = open_docx(data)
    assert len(document.inline_shapes) == 0
    assert not any(p.style.name == "Caption" for p in document.paragraphs)


def test_plan_with_everything_op_orde(questionnaire) -> None:
    scan = sample_scan(
        questionnaire, answers=tuple(Answer(q.number, OP) for q in questionnaire.questions)
    )
    data = render_plan(
        questionnaire, scan, [], template=find_template(TemplateKind.PLAN), spider_png=TINY_PNG
    )
    document = open_docx(data)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Geen enkele vraag is met ‘Niet op orde’ beantwoord." in text
    assert "Er zijn nog geen standaarden met een score onder 100%." in text
    assert [len(t.rows) for t in plan_tables(document)] == [2] * 5


def test_typed_text_is_escaped_and_cannot_change_layout(questionnaire) -> None:
    nasty = 'A & B <w:p/> "quoted" {{ gemeente }} {% if x %}\x07bell\x0cpage\x00nul\r\nline two'
    scan = sample_scan(
        questionnaire,
        gemeente="Aldermeer & Co <x>",
        answers=(Answer(1, NIET, nasty, "nuance ']]>"),),
    )
    from zelfscan_app.domain.actions import draft_actions

    data = render_plan(
        questionnaire,
        scan,
        draft_actions(questionnaire, scan),
        template=find_template(TemplateKind.PLAN),
        spider_png=TINY_PNG,
    )
    document = open_docx(data)
    row = plan_tables(document)[0].rows[1]
    current = row.cells[1].text
    assert 'A & B <w:p/> "quoted" {{ gemeente }} {% if x %}bellpagenul\nline two' in current
    assert "Nuancering: nuance ']]>" in current
    # \a and \f did not create paragraphs or pages: the state, then the question under it
    assert [p.text.startswith("Vraag: ") for p in row.cells[1].paragraphs] == [False, True]
    assert document.paragraphs[2].text == "Gemeente Aldermeer & Co <x>"  # under the title


def test_stored_actions_fill_the_plan_and_earlier_open_actions_follow(
    db: Database, questionnaire, tmp_path: Path
) -> None:
    first = create_scan(db, sample_scan(questionnaire, datum=date(2025, 3, 3)))
    drafts = action_service.plan_actions(db, questionnaire, first)
    action_service.save_action(
        db,
        first,
        replace(
            drafts[0],
            verbeteractie="Visie opstellen met Jeugd en Wmo",
            beoogd_resultaat="Visie vastgesteld door het college",
            wie="Beleidsmedewerker Jeugd",
            planning="Q4 2025",
            kosten="€ 5.000",
            status=ActionStatus.IN_UITVOERING,
        ),
    )
    action_service.save_action(
        db, first, Action(standard=9, maatregel="Regionaal aanbod voor plegers", wie="Regio")
    )
    written = doc_service.write_plan(db, questionnaire, first, tmp_path / "plan.docx")
    assert written.template == find_template(TemplateKind.PLAN)
    document = docx.Document(str(written.path))
    tables = plan_tables(document)
    first_row_cells = [c.text for c in tables[0].rows[1].cells]
    assert first_row_cells[2:] == [
        "Visie opstellen met Jeugd en Wmo",
        "Visie vastgesteld door het college",
        "Beleidsmedewerker Jeugd",
        "Q4 2025\nStatus: in uitvoering",
        "€ 5.000",
    ]
    group_9 = tables[3]
    assert group_9.rows[1].cells[0].text == "Regionaal aanbod voor plegers"
    assert len(document.inline_shapes) == 1  # the real spider from reports.spider

    later = create_scan(
        db,
        sample_scan(questionnaire, datum=date(2026, 10, 5), soort=SoortMeting.EVALUATIE),
    )
    written = doc_service.write_plan(db, questionnaire, later, tmp_path / "evaluatie.docx")
    document = docx.Document(str(written.path))
    assert "Openstaande acties uit eerdere zelfscans" in headings(document, 2)
    earlier = document.tables[-1]
    assert first_row(earlier)[0] == "Zelfscan"
    rows = [[c.text for c in r.cells] for r in earlier.rows[1:]]
    assert rows[0][0] == "Nulmeting 3 maart 2025"
    assert rows[0][5] == "in uitvoering"
    assert {r[1] for r in rows} == {drafts[0].maatregel, "Regionaal aanbod voor plegers"}
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == "Plan van Aanpak 2027 – 2028"  # an autumn scan plans from next year


def test_period_rules() -> None:
    assert default_period(date(2025, 3, 3)) == (2025, 2026)
    assert default_period(date(2025, 10, 1)) == (2026, 2027)
    assert parse_period("2025-2027") == (2025, 2027)
    assert parse_period("2025 – 2026") == (2025, 2026)
    for bad in ("2027-2025", "25-27", "2025", "twee"):
        with pytest.raises(ValueError, match="ongeldige periode"):
            parse_period(bad)


# Findings report ---------------------------------------------------------------------------


@pytest.fixture
def findings(questionnaire) -> bytes:
    return render_findings(
        questionnaire,
        sample_scan(questionnaire),
        template=find_template(TemplateKind.FINDINGS),
        spider_png=TINY_PNG,
        today=date(2026, 4, 1),
    )


def test_findings_report_prints_the_groups_duiding(questionnaire) -> None:
    template = find_template(TemplateKind.FINDINGS)
    empty = open_docx(
        render_findings(
            questionnaire, sample_scan(questionnaire), template=template, spider_png=TINY_PNG
        )
    )
    tail = [p for p in empty.paragraphs if p.text][-2:]
    assert tail[0].text == "Duiding door de groep"
    assert tail[1].style.name == "Invulaanwijzing"  # the placeholder while nothing is written
    written = open_docx(
        render_findings(
            questionnaire,
            sample_scan(questionnaire, duiding="De groep herkent het beeld.\n\nWmo blijft achter."),
            template=template,
            spider_png=TINY_PNG,
        )
    )
    texts = [p.text for p in written.paragraphs if p.text]
    at = texts.index("Duiding door de groep")
    assert texts[at + 1 :] == ["De groep herkent het beeld.", "Wmo blijft achter."]
    assert not any(p.style.name == "Invulaanwijzing" for p in written.paragraphs[-4:])


def test_findings_report_structure(findings, questionnaire) -> None:
    document = open_docx(findings)
    assert headings(document, 1) == [
        "Uitkomsten in één oogopslag",
        "Antwoorden en toelichtingen per kwaliteitsstandaard",
        "Bespreekpunten",
        "Duiding door de groep",
    ]
    level2 = headings(document, 2)
    assert level2[0] == "Score per kwaliteitsstandaard"
    assert level2[1] == "1. Integrale visie · 50%"
    assert level2[10] == "10. Samenwerking Veilig Thuis · 80%"
    assert len(document.inline_shapes) == 1
    assert_no_placeholders(findings)
    assert_schema_order(findings)


def test_findings_score_table_and_answers(findings, questionnaire) -> None:
    document = open_docx(findings)
    scores = document.tables[1]
    assert first_row(scores) == ["Nr", "Kwaliteitsstandaard", "Op orde", "Beantwoord", "Score"]
    assert len(scores.rows) == 11
    assert [c.text for c in scores.rows[10].cells] == [
        "10",
        "Samenwerking Veilig Thuis",
        "4",
        "5 van 7",
        "80%",
    ]
    per_standard = document.tables[2:]
    assert len(per_standard) == 10
    for standard, table in zip(questionnaire.standards, per_standard, strict=True):
        assert first_row(table) == ["Nr", "Vraag", "Antwoord", "Toelichting"]
        numbers = [int(r.cells[0].text) for r in table.rows[1:]]
        assert numbers == [q.number for q in questionnaire.questions_for_standard(standard.number)]
    answers = {int(r.cells[0].text): r for t in per_standard for r in t.rows[1:]}
    assert answers[1].cells[2].text == "Niet op orde"
    assert answers[1].cells[3].text == "Geen visie vastgesteld.\nNuancering: Jeugd wel, Wmo niet."
    assert answers[2].cells[2].text == "Op orde"
    assert answers[31].cells[2].text == "Niet beantwoord"
    shading = answers[1].cells[2]._tc.tcPr.find(qn("w:shd"))
    assert shading is not None and shading.get(qn("w:fill")) == "FBE3CF"


def test_findings_metadata_lists_participants(findings, questionnaire) -> None:
    document = open_docx(findings)
    meta = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert meta["Datum"] == "15 maart 2026"
    assert meta["Soort meting"] == "nulmeting"
    # One separator: 'Gemeente, beleid Jeugd' has a comma, so the list uses '·' only.
    assert meta["Deelnemers"] == (
        "4 personen uit: Gemeente, beleid Jeugd · Veilig Thuis · Lokaal team"
    )
    assert ";" not in meta["Deelnemers"]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == [f"Vraag 7: {questionnaire.question(7).text}"]  # the one bespreekpunt


def test_write_findings_through_the_service(db: Database, questionnaire, tmp_path: Path) -> None:
    scan_id = create_scan(db, sample_scan(questionnaire))
    written = doc_service.write_findings(db, questionnaire, scan_id, tmp_path / "rapport.docx")
    document = docx.Document(str(written.path))
    assert len(document.inline_shapes) == 1
    assert document.core_properties.title.startswith("Resultaten zelfscan – Gemeente Aldermeer")


def test_output_must_be_docx_in_an_existing_folder(
    db: Database, questionnaire, tmp_path: Path
) -> None:
    from zelfscan_app.errors import ZelfscanError

    scan_id = create_scan(db, sample_scan(questionnaire))
    with pytest.raises(ZelfscanError, match=r"eindigt op \.docx"):
        doc_service.write_plan(db, questionnaire, scan_id, tmp_path / "plan.pdf")
    with pytest.raises(ZelfscanError, match="map om in op te slaan bestaat niet"):
        doc_service.write_plan(db, questionnaire, scan_id, tmp_path / "nope" / "plan.docx")
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")
    doc_service.write_plan(db, questionnaire, scan_id, target)
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def keeps_with_next(row) -> bool:
    paragraphs = list(row._tr.iter(qn("w:p")))
    return all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paragraphs)


def test_plan_tables_keep_header_and_first_rows_together(plan_doc) -> None:
    """No lone row at a page end: header + first row hold on to the next, the last has company."""
    document = open_docx(plan_doc[0])
    tables = [t for t in plan_tables(document) if len(t.rows) >= 4]  # header + 3 rows or more
    assert tables
    for table in tables:
        rows = table.rows
        assert keeps_with_next(rows[0]) and keeps_with_next(rows[1])
        assert keeps_with_next(rows[-2])
        assert not keeps_with_next(rows[-1])
        assert not any(keeps_with_next(r) for r in rows[2:-2])  # the middle may break anywhere
    # The heading and standard texts before each table hold on to it.
    for paragraph in document.paragraphs:
        if paragraph.style.name in ("Heading 2", "Standaardtekst"):
            assert paragraph.paragraph_format.keep_with_next is not False
