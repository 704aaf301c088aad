"""(Re)build the bundled Word templates from code.

The app only ever reads the .docx files in resources/templates; this script is how the originals
are made, so they can be rebuilt after a change instead of being edited by hand. It lives here,
not beside them, so it is not packaged into the wheel or the frozen app (a build tool, not a
resource); tests/reports/test_documents_templates.py fails when the committed files drift from it. A municipality restyles its
own copy in Word (house style, logo) and points the app at that folder.

Run from the repository root:  .venv/bin/python packaging/build_templates.py

Placeholders are Jinja2 (docxtpl): `{{ name }}` inside text, `{%p ... %}` for a paragraph that only
carries a loop/condition, `{%tr ... %}` for a table row, `{%tc ... %}` for a table cell, and
`{% cellbg colour %}` for a cell's background. resources/templates/README.md lists them.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parents[1] / "resources" / "templates"

PLAN = "plan-van-aanpak.docx"
FINDINGS = "rapport-zelfscan.docx"
REGION = "rapport-regio.docx"

FONT = "Calibri"
INK = "1B1B1B"
BLUE = "154273"  # the app's dark blue (gui/style.py)
MUTED = "4F5B66"
LINE = "B4C0CC"
HEADER_FILL = "E3EAF2"
PROMPT = "5B6770"

A4 = (Cm(21.0), Cm(29.7))
PORTRAIT_MARGINS = dict(left=2.0, right=2.0, top=2.8, bottom=2.0)
LANDSCAPE_MARGINS = dict(left=1.8, right=1.8, top=2.6, bottom=1.6)
PORTRAIT_TEXT_CM = 21.0 - 4.0  # 17 cm
LANDSCAPE_TEXT_CM = 29.7 - 3.6  # 26.1 cm

SUBTITLE_LINE = "Kwaliteitskader Werken aan veiligheid voor lokale (wijk)teams en gemeenten"


# Styles ------------------------------------------------------------------------------------


def _plain_fonts(rpr) -> None:
    """Drop theme fonts and theme colours, so the named font and colour really apply."""
    for element in rpr.iter():
        for attr in list(element.attrib):
            if "Theme" in attr or "theme" in attr:
                del element.attrib[attr]


def _run_style(
    style,
    *,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    color: str | None = None,
    font: str | None = FONT,
) -> None:
    if font:
        style.font.name = font
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        rfonts.set(qn("w:cs"), font)
        rfonts.set(qn("w:eastAsia"), font)
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    if color is not None:
        style.font.color.rgb = RGBColor.from_string(color)
    _plain_fonts(style.element.get_or_add_rPr())


def _para_style(
    style,
    *,
    before: float | None = None,
    after: float | None = None,
    line: float | None = None,
    keep_next: bool | None = None,
    left_cm: float | None = None,
    first_cm: float | None = None,
) -> None:
    pf = style.paragraph_format
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if line is not None:
        pf.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        pf.line_spacing = line
    if keep_next is not None:
        pf.keep_with_next = keep_next
    if left_cm is not None:
        pf.left_indent = Cm(left_cm)
    if first_cm is not None:
        pf.first_line_indent = Cm(first_cm)


def _paragraph_style(doc, name: str, base: str = "Normal"):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    return style


def _left_border(style, color: str, size_eighths: int = 12, space: int = 6) -> None:
    ppr = style.element.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="{size_eighths}" '
            f'w:space="{space}" w:color="{color}"/></w:pBdr>'
        )
    )


def configure_styles(doc) -> None:
    """A calm house style: Calibri, dark-blue headings, generous white space, Dutch language."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _plain_fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), "nl-NL")

    styles = doc.styles
    _run_style(styles["Normal"], size=10.5, color=INK)
    _para_style(styles["Normal"], before=0, after=6, line=1.15)

    title = styles["Title"]
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    for name in ("Title", "Subtitle"):  # no letter-spacing or kerning tricks
        rpr = styles[name].element.get_or_add_rPr()
        for tag_name in ("w:spacing", "w:kern"):
            for element in rpr.findall(qn(tag_name)):
                rpr.remove(element)
    _run_style(title, size=26, bold=False, color=BLUE)
    _para_style(title, before=36, after=4, line=1.0)

    subtitle = styles["Subtitle"]
    _run_style(subtitle, size=15, italic=False, color=INK)
    _para_style(subtitle, before=0, after=4)

    for name, size, before, after, color in (
        ("Heading 1", 16, 18, 6, BLUE),
        ("Heading 2", 12.5, 14, 4, BLUE),
        ("Heading 3", 11, 10, 3, INK),
    ):
        style = styles[name]
        _run_style(style, size=size, bold=True, color=color)
        _para_style(style, before=before, after=after, keep_next=True, line=1.0)

    _run_style(styles["Caption"], size=9, bold=False, italic=True, color=MUTED)
    _para_style(styles["Caption"], before=2, after=12)
    for name in ("List Bullet", "List Number"):
        _para_style(styles[name], after=3)
    _run_style(styles["Header"], size=8.5, color=MUTED)
    _run_style(styles["Footer"], size=8.5, color=MUTED)

    muted = _paragraph_style(doc, "Ondertitel klein")
    _run_style(muted, size=10.5, color=MUTED)
    _para_style(muted, after=24)

    prompt = _paragraph_style(doc, "Invulaanwijzing")
    _run_style(prompt, italic=True, color=PROMPT)
    _para_style(prompt, before=2, after=8, left_cm=0.25)
    _left_border(prompt, "9AA8B6")

    notice = _paragraph_style(doc, "Let op")
    _run_style(notice, size=10, color=INK)
    _para_style(notice, before=4, after=8, left_cm=0.25)
    _left_border(notice, "C25A00", size_eighths=18)

    standard = _paragraph_style(doc, "Standaardtekst")
    _run_style(standard, size=9.5, color="333F4A")
    _para_style(standard, after=4, left_cm=0.8, first_cm=-0.8, keep_next=True, line=1.05)
    standard.paragraph_format.tab_stops.add_tab_stop(Cm(0.8))

    note = _paragraph_style(doc, "Toelichting klein")
    _run_style(note, size=8.5, color=MUTED)
    _para_style(note, before=3, after=10)

    figure = _paragraph_style(doc, "Figuur")
    _para_style(figure, before=6, after=2, keep_next=True, line=1.0)
    figure.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    cell = _paragraph_style(doc, "Tabeltekst")
    _run_style(cell, size=9)
    _para_style(cell, before=0, after=2, line=1.0)

    head = _paragraph_style(doc, "Tabelkop", base="Tabeltekst")
    _run_style(head, size=9, bold=True, color="10243A")
    _para_style(head, after=0, keep_next=True)

    hint = _paragraph_style(doc, "Tabelkop toelichting", base="Tabeltekst")
    _run_style(hint, size=7.5, bold=False, color=MUTED)
    _para_style(hint, before=1, after=0)

    asked = _paragraph_style(doc, "Vraagtekst", base="Tabeltekst")
    _run_style(asked, size=8, italic=True, color=MUTED)
    _para_style(asked, before=3, after=0)

    table = doc.styles.add_style("Zelfscan tabel", WD_STYLE_TYPE.TABLE)
    table.base_style = doc.styles["Normal Table"]
    table.element.append(
        parse_xml(
            f"<w:tblPr {nsdecls('w')}><w:tblBorders>"
            + "".join(
                f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{LINE}"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders><w:tblCellMar>"
            '<w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>"
        )
    )
    meta = doc.styles.add_style("Zelfscan gegevens", WD_STYLE_TYPE.TABLE)
    meta.base_style = doc.styles["Normal Table"]
    meta.element.append(
        parse_xml(
            f"<w:tblPr {nsdecls('w')}><w:tblCellMar>"
            '<w:top w:w="28" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
            '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="113" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>"
        )
    )


# Page set-up, header and footer ------------------------------------------------------------


def _margins(section, margins: dict[str, float]) -> None:
    section.left_margin = Cm(margins["left"])
    section.right_margin = Cm(margins["right"])
    section.top_margin = Cm(margins["top"])
    section.bottom_margin = Cm(margins["bottom"])
    section.header_distance = Cm(0.9)
    section.footer_distance = Cm(0.8)


def portrait(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4
    _margins(section, PORTRAIT_MARGINS)


def landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = A4[1], A4[0]
    _margins(section, LANDSCAPE_MARGINS)


def logo_placeholder_png() -> bytes:
    """A grey box reading 'Logo gemeente/regio' for the municipality to replace in Word."""
    from matplotlib import font_manager
    from PIL import Image, ImageDraw, ImageFont

    width, height = 640, 240
    image = Image.new("RGB", (width, height), "#F1F4F7")
    draw = ImageDraw.Draw(image)
    dash, gap, colour = 18, 10, "#9AA8B6"
    for x in range(0, width, dash + gap):
        draw.line([(x, 1), (min(x + dash, width), 1)], fill=colour, width=4)
        draw.line([(x, height - 2), (min(x + dash, width), height - 2)], fill=colour, width=4)
    for y in range(0, height, dash + gap):
        draw.line([(1, y), (1, min(y + dash, height))], fill=colour, width=4)
        draw.line([(width - 2, y), (width - 2, min(y + dash, height))], fill=colour, width=4)
    font = ImageFont.truetype(font_manager.findfont("DejaVu Sans"), 44)
    text = "Logo gemeente/regio"
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(((width - box[2]) / 2, (height - box[3]) / 2 - 6), text, fill="#5B6770", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _field(paragraph, instruction: str) -> None:
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} "><w:r><w:t>1</w:t></w:r>'
        "</w:fldSimple>"
    )
    paragraph._p.append(field)


def header_and_footer(doc, footer_text: str) -> None:
    """Logo top right on every page; footer centred, so it fits portrait and landscape alike."""
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.paragraph_format.space_after = Pt(0)
    run = header.add_run()
    run.add_picture(io.BytesIO(logo_placeholder_png()), height=Cm(1.3))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{footer_text} · pagina ")
    _field(footer, "PAGE")
    footer.add_run(" van ")
    _field(footer, "NUMPAGES")


def new_document(footer_text: str, title: str):
    doc = Document()
    configure_styles(doc)
    portrait(doc.sections[0])
    header_and_footer(doc, footer_text)
    props = doc.core_properties
    props.title = title
    props.author = "Zelfscan Kwaliteitskader"
    props.last_modified_by = "Zelfscan Kwaliteitskader"
    props.comments = "Sjabloon; opnieuw te maken met resources/templates/build_templates.py"
    props.subject = SUBTITLE_LINE
    props.keywords = "zelfscan; kwaliteitskader; sjabloon"
    props.language = "nl-NL"
    props.revision = 1
    fixed = datetime(2026, 1, 1)  # a fixed date, so a rebuild without changes is identical
    props.created = fixed
    props.modified = fixed
    # The default template's body holds nothing, but be explicit: start from an empty body.
    return doc


def landscape_section(doc) -> None:
    """A new page in landscape; header and footer stay linked to the first section."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    landscape(section)


# Paragraphs and tables ---------------------------------------------------------------------


def para(doc, text: str = "", style: str = "Normal", *, keep: bool = False):
    """A paragraph; `keep` holds it on the page of what follows (an intro to a list or table)."""
    paragraph = doc.add_paragraph(text, style=style)
    if keep:
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def tag(doc, jinja: str) -> None:
    """A paragraph holding only a `{%p ... %}` tag; docxtpl removes the paragraph itself."""
    doc.add_paragraph(jinja, style="Normal")


def prompt(doc, text: str):
    return doc.add_paragraph(text, style="Invulaanwijzing")


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width_cm: float
    hint: str = ""
    align: str = "left"


_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _twips(cm: float) -> int:
    return round(cm / 2.54 * 1440)


def _fixed_layout(table, widths: Sequence[float], caption: str, description: str) -> None:
    tbl_pr = table._tbl.tblPr
    for name in ("w:tblW", "w:tblLook"):
        for old in tbl_pr.findall(qn(name)):
            tbl_pr.remove(old)
    tbl_pr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="{_twips(sum(widths))}" w:type="dxa"/>'))
    tbl_pr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    tbl_pr.append(
        parse_xml(
            f'<w:tblLook {nsdecls("w")} w:val="0420" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        )
    )
    tbl_pr.append(parse_xml(f'<w:tblCaption {nsdecls("w")} w:val="{caption}"/>'))
    if description:
        tbl_pr.append(parse_xml(f'<w:tblDescription {nsdecls("w")} w:val="{description}"/>'))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)


def _cell_text(cell, text: str, style: str, align: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.alignment = _ALIGN[align]
    if text:
        paragraph.add_run(text)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    tr_pr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))


def table(
    doc,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    caption: str,
    description: str = "",
    header: Sequence[str] | None = None,
):
    """A fixed-layout table in the 'Zelfscan tabel' style with a repeating, shaded header row.

    `rows` holds the body rows as cell texts (placeholders and `{%tr %}` tags); `header`
    replaces the header texts when the header row holds `{%tc %}` column loops.
    """
    widths = [c.width_cm for c in columns]
    header = list(header or [c.header for c in columns])
    t = doc.add_table(rows=0, cols=len(widths))
    t.style = doc.styles["Zelfscan tabel"]
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    _fixed_layout(t, widths, caption, description)
    head = t.add_row()
    _repeat_header(head)
    hints = [c.hint for c in columns]
    aligns = [c.align for c in columns]
    for cell, text, hint, width, align in zip(
        head.cells, header, hints, widths, aligns, strict=True
    ):
        cell.width = Cm(width)
        _cell_text(cell, text, "Tabelkop", align)
        if hint:
            cell.add_paragraph(hint, style="Tabelkop toelichting").alignment = _ALIGN[align]
        _shade(cell, HEADER_FILL)
    for texts in rows:
        row = t.add_row()
        # Rows stay whole across pages; the renderer lifts this for a row longer than a page.
        row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
        for cell, text, width, align in zip(row.cells, texts, widths, aligns, strict=True):
            cell.width = Cm(width)
            _cell_text(cell, text, "Tabeltekst", align)
    return t


def tag_row(jinja: str, columns: int) -> list[str]:
    return [jinja] + [""] * (columns - 1)


def meta_table(doc, rows: Sequence[tuple[str, str]]) -> None:
    """Label/value pairs under the title, without borders."""
    t = doc.add_table(rows=0, cols=2)
    t.style = doc.styles["Zelfscan gegevens"]
    widths = (4.2, PORTRAIT_TEXT_CM - 4.2)
    _fixed_layout(t, widths, "Gegevens van dit document", "")
    for label, value in rows:
        row = t.add_row()
        for cell, text, width, color in zip(
            row.cells, (label, value), widths, (MUTED, INK), strict=True
        ):
            cell.width = Cm(width)
            paragraph = cell.paragraphs[0]
            paragraph.style = "Tabeltekst"
            run = paragraph.add_run(text)
            run.font.size = Pt(10)
            run.font.color.rgb = RGBColor.from_string(color)
    doc.add_paragraph("", style="Normal")


def figure(doc, caption: str) -> None:
    tag(doc, "{%p if spinnenweb %}")
    para(doc, "{{ spinnenweb }}", "Figuur")
    para(doc, caption, "Caption")
    tag(doc, "{%p endif %}")


def title_block(doc, title: str, subtitle: str, meta: Sequence[tuple[str, str]]) -> None:
    para(doc, title, "Title")
    para(doc, subtitle, "Subtitle")
    para(doc, SUBTITLE_LINE, "Ondertitel klein")
    meta_table(doc, meta)


COUNTS_SENTENCE = (
    "Van de {{ vragen_totaal }} vragen zijn er {{ vragen_op_orde }} met ‘Op orde’ en "
    "{{ vragen_niet_op_orde }} met ‘Niet op orde’ beantwoord{% if vragen_open %}; "
    "{{ vragen_open }} {% if vragen_open == 1 %}vraag is{% else %}vragen zijn{% endif %} "
    "niet beantwoord{% endif %}."
)


# The plan van aanpak (bijlage 5) -----------------------------------------------------------

PLAN_COLUMNS = (
    Column("Maatregel/verbeterpunt", 4.4),
    Column(
        "Huidige stand van zaken",
        6.0,
        "incl. evt. raakvlakken met ander lokaal beleid/lokale speerpunten (kort & bondig!)",
    ),
    Column("Omschrijving verbeteractie", 4.6, "wat moet er gebeuren, hoe wordt dit opgepakt?"),
    Column("Beoogd resultaat", 3.7, "wanneer zijn we tevreden (prestatie-indicatoren)?"),
    Column("Wie gaat het doen?", 2.6),
    Column("Planning", 2.4),
    Column("Kosten", 2.4),
)
PLAN_FIELDS = (
    "maatregel",
    "huidige_stand",
    "verbeteractie",
    "beoogd_resultaat",
    "wie",
    "planning",
    "kosten",
)


def suggestion_section(doc) -> None:
    """Per Niet-op-orde question the guidance's suggestions, marked as the program's own."""
    para(doc, "Suggesties voor verbetermaatregelen", "Heading 2")
    tag(doc, "{%p if suggesties %}")
    para(doc, "{{ suggesties_bron }}", "Toelichting klein", keep=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for s in suggesties %}")
    heading = para(
        doc, "Vraag {{ s.nummer }} ({{ s.standaard }}. {{ s.titel }}): {{ s.vraag }}", keep=True
    )
    heading.runs[0].bold = True
    tag(doc, "{%p for m in s.maatregelen %}")
    para(doc, "{{ m.maatregel }} Beoogd resultaat: {{ m.resultaat }}", "List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not suggesties %}")
    para(doc, "Geen enkele vraag is met ‘Niet op orde’ beantwoord; er zijn geen suggesties.")
    tag(doc, "{%p endif %}")


def build_plan() -> object:
    doc = new_document("Plan van Aanpak {{ periode }} · {{ eigenaar }}", "Plan van Aanpak")
    # Bijlage 5 opens with this line above the title: the municipality's own name for the plan.
    evt = prompt(doc, "[Evt. titel van plan van aanpak]")
    evt.paragraph_format.space_before = Pt(36)
    title_block(
        doc,
        "Plan van Aanpak {{ periode }}",
        "{{ eigenaar }}",
        (
            ("Regio", "{{ regio }}"),
            ("Gebaseerd op", "{{ meting }}"),
            ("Gespreksleider", "{{ gespreksleider }}"),
            ("Status", "Concept van {{ vandaag }}, opgesteld met Zelfscan Kwaliteitskader"),
        ),
    )

    para(doc, "Inleiding", "Heading 1")
    para(
        doc,
        "Dit plan van aanpak is gebaseerd op het Kwaliteitskader “Werken aan veiligheid voor "
        "lokale (wijk)teams en gemeenten”. Aan het plan ligt de zelfscan ten grondslag die "
        "op {{ datum }} voor de gemeente {{ gemeente }} is ingevuld ({{ soort }})"
        "{% if gespreksleider_naam %}, onder leiding van {{ gespreksleider_naam }}{% endif %}.",
    )
    tag(doc, "{%p if organisaties %}")
    para(
        doc,
        "Aan de zelfscan {% if deelnemers == 1 %}nam één persoon{% else %}namen "
        "{{ deelnemers }} mensen{% endif %} deel, uit deze organisaties:",
        keep=True,
    )
    tag(doc, "{%p for organisatie in organisaties %}")
    para(doc, "{{ organisatie }}", "List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    para(
        doc,
        "Het plan van aanpak kan zowel lokaal als regionaal worden opgesteld. Ook andere lokale "
        "ontwikkelingen en regionale uitgangspunten, zoals de regiovisie, kunnen erin worden "
        "meegenomen, zodat een compleet beeld ontstaat van de aanpak van huiselijk geweld en "
        "kindermishandeling.",
    )
    prompt(
        doc,
        "[Beschrijf hier hoe het plan tot stand is gekomen: het invullen van de zelfscan, de "
        "analyse van de uitkomsten, de bespreking met de betrokken partijen en de aanzet tot dit "
        "plan.]",
    )

    para(doc, "Context", "Heading 1")
    para(doc, "Regiovisie en regionale uitgangspunten", "Heading 2")
    prompt(
        doc,
        "[Welke regiovisie en welke regionale afspraken zijn leidend voor dit plan? Noem "
        "bijvoorbeeld de regiovisie aanpak huiselijk geweld en kindermishandeling van "
        "{{ regio }}.]",
    )
    para(doc, "Lokale uitgangspunten, ontwikkelingen en afspraken", "Heading 2")
    prompt(
        doc,
        "[Welk lokaal beleid, welke ontwikkelingen en welke afspraken raken aan dit plan? Denk "
        "aan de inrichting van het sociaal domein en de opdracht aan de lokale (wijk)teams.]",
    )
    para(doc, "Belangrijke punten uit de zelfscan regiobreed", "Heading 2")
    prompt(
        doc,
        "[Welke punten uit de regionale zelfscan gelden ook voor de gemeente {{ gemeente }}?]",
    )

    para(doc, "Samenvatting belangrijkste uitkomsten", "Heading 1")
    para(
        doc,
        COUNTS_SENTENCE + " Figuur 1 toont per kwaliteitsstandaard welk deel van de beantwoorde "
        "vragen op orde is.",
    )
    figure(
        doc,
        "Figuur 1. Score per kwaliteitsstandaard: het percentage van de beantwoorde vragen dat "
        "op orde is.",
    )
    para(doc, "Laagst scorende kwaliteitsstandaarden", "Heading 2")
    tag(doc, "{%p for s in laagste %}")
    para(doc, "{{ s.nummer }}. {{ s.titel }}: {{ s.score }} ({{ s.telling }})", "List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not laagste %}")
    para(doc, "Er zijn nog geen standaarden met een score onder 100%.")
    tag(doc, "{%p endif %}")
    para(doc, "Vragen die niet op orde zijn", "Heading 2")
    tag(doc, "{%p for v in niet_op_orde %}")
    para(doc, "Vraag {{ v.nummer }} (standaard {{ v.standaard }}): {{ v.tekst }}", "List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not niet_op_orde %}")
    para(doc, "Geen enkele vraag is met ‘Niet op orde’ beantwoord.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if niet_beantwoord %}")
    para(doc, "Vragen die nog niet beantwoord zijn", "Heading 2")
    tag(doc, "{%p for v in niet_beantwoord %}")
    para(
        doc,
        "Vraag {{ v.nummer }} (standaard {{ v.standaard }}): {{ v.tekst }} — nog te bespreken",
        "List Bullet",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    suggestion_section(doc)
    prompt(
        doc,
        "[Vat hier de belangrijkste uitkomsten samen en noem suggesties voor "
        "verbetermaatregelen. Wat valt op, wat herkent de groep, waar liggen de prioriteiten?]",
    )

    landscape_section(doc)
    para(doc, "Plan van Aanpak {{ periode }}", "Heading 1")
    para(
        doc,
        "Het plan van aanpak is nadrukkelijk een werkdocument dat in de tijd en bij "
        "voortschrijdend inzicht waar nodig wordt aangepast, in nauwe afstemming met de "
        "betrokkenen. De voortgang wordt regelmatig gemonitord (plan, do, check, act).",
    )
    para(
        doc,
        "Per groep kwaliteitsstandaarden volgt een tabel. Elke vraag die met ‘Niet op orde’ is "
        "beantwoord staat erin als verbeterpunt; de huidige stand van zaken komt uit de "
        "toelichting en nuancering bij die vraag. Vul per verbeterpunt de verbeteractie, het "
        "beoogde resultaat, wie het gaat doen, de planning en de kosten in. Een vraag die "
        "nog niet is beantwoord, staat er als open punt in.",
    )
    tag(doc, "{%p for g in groepen %}")
    para(doc, "{{ g.kop }}", "Heading 2")
    tag(doc, "{%p for s in g.standaarden %}")
    para(doc, "{{ s.nummer }}\t{{ s.tekst }}", "Standaardtekst")
    tag(doc, "{%p endfor %}")
    spacer = para(doc, "", "Toelichting klein")
    spacer.paragraph_format.space_after = Pt(2)
    spacer.paragraph_format.keep_with_next = True  # the group's heading stays with its table
    plan_table = table(
        doc,
        PLAN_COLUMNS,
        [
            tag_row("{%tr for a in g.acties %}", 7),
            [f"{{{{ a.{f} }}}}" for f in PLAN_FIELDS],
            tag_row("{%tr endfor %}", 7),
            tag_row("{%tr if not g.acties %}", 7),
            [""] * 7,
            tag_row("{%tr endif %}", 7),
        ],
        caption="{{ g.kop }}",
        description="Verbeterpunten met verbeteractie, beoogd resultaat, uitvoerder, planning "
        "en kosten",
    )
    # The question the verbeterpunt comes from, small under the huidige stand van zaken.
    state_cell = plan_table.rows[2].cells[1]
    state_cell.add_paragraph("{%p if a.vraag %}", style="Tabeltekst")
    state_cell.add_paragraph("{{ a.vraag }}", style="Vraagtekst")
    state_cell.add_paragraph("{%p endif %}", style="Tabeltekst")
    tag(doc, "{%p if g.alles_op_orde %}")
    para(
        doc,
        "Alle vragen bij {% if g.standaarden|length == 1 %}deze standaard{% else %}deze "
        "standaarden{% endif %} zijn met ‘Op orde’ beantwoord; voeg zo nodig zelf een "
        "maatregel toe.",
        "Toelichting klein",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")

    tag(doc, "{%p if eerdere_acties %}")
    para(doc, "Openstaande acties uit eerdere zelfscans", "Heading 2")
    para(
        doc,
        "Deze verbeteracties uit eerdere zelfscans van de gemeente {{ gemeente }} zijn nog niet "
        "gereed. Neem ze mee in dit plan of sluit ze af.",
        keep=True,
    )
    earlier = (
        Column("Zelfscan", 3.6),
        Column("Maatregel/verbeterpunt", 6.0),
        Column("Omschrijving verbeteractie", 6.3),
        Column("Wie gaat het doen?", 3.4),
        Column("Planning", 3.4),
        Column("Status", 3.4),
    )
    table(
        doc,
        earlier,
        [
            tag_row("{%tr for a in eerdere_acties %}", 6),
            [
                "{{ a.zelfscan }}",
                "{{ a.maatregel }}",
                "{{ a.verbeteractie }}",
                "{{ a.wie }}",
                "{{ a.planning }}",
                "{{ a.status }}",
            ],
            tag_row("{%tr endfor %}", 6),
        ],
        caption="Openstaande acties uit eerdere zelfscans",
    )
    tag(doc, "{%p endif %}")
    return doc


# The findings report (fase 3: factsheet) ---------------------------------------------------


def build_findings() -> object:
    doc = new_document("Resultaten zelfscan · {{ eigenaar }}", "Resultaten zelfscan")
    title_block(
        doc,
        "Resultaten zelfscan",
        "{{ eigenaar }} · {{ meting_kort }}",
        (
            ("Regio", "{{ regio }}"),
            ("Datum", "{{ datum }}"),
            ("Soort meting", "{{ soort }}"),
            ("Gespreksleider", "{{ gespreksleider }}"),
            ("Deelnemers", "{{ deelnemers_tekst }}"),
            ("Vragenlijst", "{{ vragenlijst }}"),
        ),
    )
    para(doc, "Uitkomsten in één oogopslag", "Heading 1")
    para(
        doc,
        COUNTS_SENTENCE + " Per kwaliteitsstandaard is de score het percentage van de "
        "beantwoorde vragen dat op orde is.",
    )
    figure(doc, "Figuur 1. Score per kwaliteitsstandaard.")
    para(doc, "Score per kwaliteitsstandaard", "Heading 2")
    score_columns = (
        Column("Nr", 1.0, align="center"),
        Column("Kwaliteitsstandaard", 9.0),
        Column("Op orde", 2.2, align="center"),
        Column("Beantwoord", 2.4, align="center"),
        Column("Score", 2.4, align="center"),
    )
    table(
        doc,
        score_columns,
        [
            tag_row("{%tr for s in scores %}", 5),
            [
                "{{ s.nummer }}",
                "{{ s.titel }}",
                "{{ s.op_orde }}",
                "{{ s.beantwoord }}",
                "{% cellbg s.kleur %}{{ s.score }}",
            ],
            tag_row("{%tr endfor %}", 5),
        ],
        caption="Score per kwaliteitsstandaard",
        description="Per standaard: vragen op orde, vragen beantwoord en de score",
    )
    para(
        doc,
        "Een standaard zonder antwoorden heeft geen score (–); dat is iets anders dan 0%.",
        "Toelichting klein",
    )

    para(doc, "Antwoorden en toelichtingen per kwaliteitsstandaard", "Heading 1")
    para(
        doc,
        "Per kwaliteitsstandaard staan hieronder de vragen, het antwoord van de groep en de "
        "toelichting en nuancering die daarbij zijn gegeven.",
        keep=True,
    )
    question_columns = (
        Column("Nr", 1.0, align="center"),
        Column("Vraag", 7.0),
        Column("Antwoord", 2.3),
        Column("Toelichting", 6.7),
    )
    tag(doc, "{%p for s in standaarden %}")
    para(doc, "{{ s.nummer }}. {{ s.titel }} · {{ s.score }}", "Heading 2")
    standard_text = para(doc, "{{ s.tekst }}", "Standaardtekst")
    standard_text.paragraph_format.first_line_indent = Cm(0)
    standard_text.paragraph_format.left_indent = Cm(0)
    table(
        doc,
        question_columns,
        [
            tag_row("{%tr for v in s.vragen %}", 4),
            [
                "{{ v.nummer }}",
                "{{ v.tekst }}",
                "{% cellbg v.kleur %}{{ v.antwoord }}",
                "{{ v.toelichting }}",
            ],
            tag_row("{%tr endfor %}", 4),
        ],
        caption="Antwoorden bij {{ s.titel }}",
    )
    tag(doc, "{%p endfor %}")

    tag(doc, "{%p if bespreekpunten %}")
    para(doc, "Bespreekpunten", "Heading 1")
    para(doc, "Tijdens de zelfscan zijn deze vragen gemarkeerd om verder te bespreken:", keep=True)
    tag(doc, "{%p for v in bespreekpunten %}")
    para(doc, "Vraag {{ v.nummer }}: {{ v.tekst }}", "List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if verschillen %}")
    para(doc, "Waar we van mening verschilden", "Heading 1")
    para(
        doc,
        "De deelnemers gaven ook elk hun eigen antwoord, via {{ verschillen_bron }}. Bij deze "
        "vragen zag minstens een derde het anders dan de meerderheid; het verschil van mening "
        "is zelf een uitkomst. De tabel toont de verdeling (alleen aantallen, geen namen) en "
        "het antwoord waar de groep samen op uitkwam.",
        keep=True,
    )
    table(
        doc,
        (
            Column("Nr", 1.0, align="center"),
            Column("Vraag", 6.4),
            Column("Verdeling", 3.6),
            Column("Verschil", 3.0),
            Column("Antwoord van de groep", 3.0),
        ),
        [
            tag_row("{%tr for v in verschillen %}", 5),
            [
                "{{ v.nummer }}",
                "{{ v.tekst }}",
                "{{ v.verdeling }}",
                "{{ v.verschil }}",
                "{% cellbg v.kleur %}{{ v.antwoord }}",
            ],
            tag_row("{%tr endfor %}", 5),
        ],
        caption="Vragen met het meeste verschil van mening",
        description="Per vraag: de verdeling van de eigen antwoorden en het antwoord van de groep",
    )
    tag(doc, "{%p endif %}")
    kit_sections(doc)

    para(doc, "Duiding door de groep", "Heading 1")
    tag(doc, "{%p for alinea in duiding %}")
    para(doc, "{{ alinea }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not duiding %}")
    prompt(
        doc,
        "[Duid hier de uitkomsten in de context van de gemeente en de regio: herkenning van de "
        "uitkomsten, mogelijke verklaringen, succesfactoren en verbeterpunten, en de partijen "
        "die (aanvullend) betrokken moeten worden.]",
    )
    tag(doc, "{%p endif %}")
    return doc


def kit_sections(doc) -> None:
    """Meeting kit: the Rad van Fortuin answers and the routekaart progress (hidden when empty)."""
    tag(doc, "{%p if rad %}")
    para(doc, "Procesevaluatie: Rad van Fortuin", "Heading 1")
    para(doc, "De groep beantwoordde deze vragen over het invullen van de zelfscan:", keep=True)
    table(
        doc,
        (Column("Vraag", 7.5), Column("Antwoord van de groep", 9.5)),
        [
            tag_row("{%tr for r in rad %}", 2),
            ["{{ r.vraag }}", "{{ r.antwoord }}"],
            tag_row("{%tr endfor %}", 2),
        ],
        caption="Antwoorden op de vragen van het Rad van Fortuin",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if routekaart %}")
    para(doc, "Routekaart", "Heading 1")
    para(
        doc,
        "Routekaart van {{ routekaart.naam }}: {{ routekaart.fase }}. Volgende zelfscan: "
        "{{ routekaart.herhaling }}.",
        keep=True,
    )
    tag(doc, "{%p for f in routekaart.fasen %}")
    para(doc, "{{ f.titel }} · {{ f.telling }}", "Heading 2")
    table(
        doc,
        (
            Column("Klaar", 1.3, align="center"),
            Column("Stap of beslismoment", 8.2),
            Column("Datum", 2.2),
            Column("Eigenaar", 2.6),
            Column("Notitie", 2.7),
        ),
        [
            tag_row("{%tr for i in f.stappen %}", 5),
            [
                "{{ i.klaar }}",
                "{{ i.tekst }}",
                "{{ i.datum }}",
                "{{ i.eigenaar }}",
                "{{ i.notitie }}",
            ],
            tag_row("{%tr endfor %}", 5),
        ],
        caption="Stappen en beslismomenten van {{ f.titel }}",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


# The regional report -----------------------------------------------------------------------


def build_region() -> object:
    doc = new_document("Regionale rapportage zelfscan · {{ regio }}", "Regionale rapportage")
    title_block(
        doc,
        "Regionale rapportage zelfscan",
        "{{ regio }}",
        (
            ("Gemeenten", "{{ aantal_gemeenten }}"),
            ("Zelfscans", "{{ selectie }}"),
            ("Vragenlijst", "{{ vragenlijst }}"),
            ("Weergave", "{{ weergave }}"),
            ("Opgesteld", "{{ vandaag }}"),
        ),
    )
    tag(doc, "{%p if samenstelling %}")
    para(doc, "Samengevoegde zelfscans per soort meting en jaar:", keep=True)
    table(
        doc,
        (Column("Soort meting", 5.0), Column("Gemeenten", 2.6, align="center")),
        [
            tag_row("{%tr for m in samenstelling %}", 2),
            ["{{ m.meting }}", "{{ m.aantal }}"],
            tag_row("{%tr endfor %}", 2),
        ],
        caption="Samenstelling van het overzicht",
        description="Aantal samengevoegde zelfscans per soort meting en jaar",
    )
    para(doc, "", "Toelichting klein")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if menging %}")
    para(doc, "Let op: {{ menging }}", "Let op")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if beperking %}")
    para(doc, "{{ beperking }}", "Let op")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for w in waarschuwingen %}")
    para(doc, "Let op: {{ w }}", "Let op")
    tag(doc, "{%p endfor %}")

    para(doc, "Regionaal beeld", "Heading 1")
    para(
        doc,
        "In deze rapportage zijn de zelfscans van {{ aantal_gemeenten }} gemeenten samengebracht. "
        "Per kwaliteitsstandaard is de regionale score het gemiddelde van de gemeentelijke "
        "scores; een gemeente zonder antwoorden bij een standaard telt daar niet mee (niet als "
        "0%).",
    )
    figure(doc, "Figuur 1. {{ figuur_bijschrift }}")
    para(doc, "Score per kwaliteitsstandaard", "Heading 2")
    columns = (
        Column("Nr", 0.9, align="center"),
        Column("Kwaliteitsstandaard", 6.8),
        Column("Gemiddeld", 2.5, align="center"),  # wide enough for its header in one word
        Column("Laagste", 2.1, align="center"),
        Column("Hoogste", 2.1, align="center"),
        Column("Gemeenten met score", 2.6, align="center"),
    )
    table(
        doc,
        columns,
        [
            tag_row("{%tr for s in scores %}", 6),
            [
                "{{ s.nummer }}",
                "{{ s.titel }}",
                "{% cellbg s.kleur %}{{ s.gemiddeld }}",
                "{{ s.laagste }}",
                "{{ s.hoogste }}",
                "{{ s.n }}",
            ],
            tag_row("{%tr endfor %}", 6),
        ],
        caption="Regionale score per kwaliteitsstandaard",
        description="Gemiddelde, laagste en hoogste score en het aantal gemeenten met een score",
    )
    para(
        doc,
        "Tussen haakjes bij het gemiddelde: hoeveel antwoorden in de regio ‘Op orde’ zijn, van "
        "alle gegeven antwoorden bij die standaard (bij een standaard met één vraag is dat het "
        "aantal gemeenten).",
        "Toelichting klein",
    )

    tag(doc, "{%p if verdeling %}")
    para(doc, "Verdeling van de gemeenten per scoreklasse", "Heading 1")
    para(
        doc,
        "Per kwaliteitsstandaard: hoeveel van de {{ aantal_gemeenten }} gemeenten in elke "
        "scoreklasse vallen. Gemeenten zonder antwoorden bij een standaard tellen in de kolom "
        "‘geen score’.",
        keep=True,
    )
    band_width = (PORTRAIT_TEXT_CM - 4.6) / 6
    table(
        doc,
        (
            Column("Kwaliteitsstandaard", 4.6),
            *(
                Column(label, band_width, align="center")
                for label in ("0–24%", "25–49%", "50–74%", "75–99%", "100%", "geen score")
            ),
        ),
        [
            tag_row("{%tr for r in verdeling %}", 7),
            ["{{ r.titel }}"]
            + [
                f"{{% cellbg r.klassen[{i}].kleur %}}{{{{ r.klassen[{i}].tekst }}}}"
                for i in range(6)
            ],
            tag_row("{%tr endfor %}", 7),
        ],
        caption="Aantal gemeenten per scoreklasse",
        description="Per standaard: x van y gemeenten in elke scoreklasse",
    )
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if heatmap %}")
    para(doc, "Scores per gemeente", "Heading 1")
    para(
        doc,
        "De soort meting en de score per kwaliteitsstandaard van elke gemeente{% if anoniem %}, "
        "aangeduid met een code{% endif %}. De kleur helpt bij het lezen; het getal is leidend. Een streepje "
        "betekent: geen antwoorden, dus geen score.",
        keep=True,
    )
    name_width = 2.6
    meting_width = 2.3
    cell_width = round((PORTRAIT_TEXT_CM - name_width - meting_width) / 10, 2)
    heat = table(
        doc,
        (
            Column("Gemeente", name_width),
            Column("Meting", meting_width),
            Column("", 0.6),
            Column("", cell_width, align="center"),
            Column("", 0.6),
        ),
        [
            [
                "{%tr for r in heatmap %}",
                "",
                "",
                "",
                "",
            ],
            [
                "{{ r.naam }}",
                "{{ r.meting }}",
                "{%tc for c in r.cellen %}",
                "{% cellbg c.kleur %}{{ c.tekst }}",
                "{%tc endfor %}",
            ],
            ["{%tr endfor %}", "", "", "", ""],
        ],
        caption="Scores per gemeente",
        description="Soort meting en score per kwaliteitsstandaard per gemeente, met kleur per "
        "scoreklasse",
        header=(
            "Gemeente",
            "Meting",
            "{%tc for s in standaard_nummers %}",
            "{{ s }}",
            "{%tc endfor %}",
        ),
    )
    # Narrow cell margins, so '100%' fits a score cell on one line.
    heat._tbl.tblPr.append(
        parse_xml(
            f"<w:tblCellMar {nsdecls('w')}>"
            '<w:top w:w="57" w:type="dxa"/><w:left w:w="40" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="40" w:type="dxa"/>'
            "</w:tblCellMar>"
        )
    )
    para(doc, "Kolommen: {{ standaard_legenda }}.", "Toelichting klein")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if per_vraag %}")
    para(doc, "Per vraag: aantal gemeenten op orde", "Heading 1")
    tag(doc, "{%p for s in per_vraag %}")
    para(doc, "{{ s.nummer }}. {{ s.titel }}", "Heading 2")
    table(
        doc,
        (
            Column("Nr", 1.0, align="center"),
            Column("Vraag", 11.6),
            Column("Gemeenten op orde", 4.4, align="center"),
        ),
        [
            tag_row("{%tr for v in s.vragen %}", 3),
            ["{{ v.nummer }}", "{{ v.tekst }}", "{% cellbg v.kleur %}{{ v.telling }}"],
            tag_row("{%tr endfor %}", 3),
        ],
        caption="Aantal gemeenten op orde per vraag bij {{ s.titel }}",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    para(doc, "Duiding en vervolg", "Heading 1")
    prompt(
        doc,
        "[Duid hier het regionale beeld: waar staat de regio als geheel, welke krachten en "
        "aandachtspunten zijn er, welke onderwerpen vragen om regionale samenwerking, en welke "
        "afspraken zijn gemaakt over het vervolg?]",
    )
    return doc


# The meeting programmes (bijlage 1 and 3) ------------------------------------------------------

STARTBIJEENKOMST = "programma-startbijeenkomst.docx"
FOLLOW_UP = "programma-follow-up.docx"

PROGRAMME_COLUMNS = (
    Column("Tijd", 2.8),
    Column("Programmaonderdeel", 10.2),
    Column("Door", 4.0),
)


def build_programme(title: str, intro: str) -> object:
    """One programme: title block, then a row per part (time, part with details, speaker)."""
    doc = new_document("Programma {{ titel }} · {{ wie }}", f"Programma {title.lower()}")
    title_block(
        doc,
        "{{ titel }}",
        "{{ wie }}",
        (
            ("Datum", "{{ datum }}"),
            ("Tijd", "{{ tijden }}"),
            ("Locatie of link", "{{ locatie }}"),
        ),
    )
    para(doc, intro)
    para(doc, "Programma", "Heading 1")
    t = table(
        doc,
        PROGRAMME_COLUMNS,
        [
            tag_row("{%tr for p in programma %}", 3),
            ["{{ p.tijd }}", "{{ p.onderdeel }}", "{{ p.door }}"],
            tag_row("{%tr endfor %}", 3),
        ],
        caption="Programma van de bijeenkomst",
        description="Per onderdeel: tijd, onderwerp met toelichting, en wie het verzorgt",
    )
    part = t.rows[2].cells[1]
    part.paragraphs[0].runs[0].bold = True
    part.add_paragraph("{%p if p.toelichting %}", style="Tabeltekst")
    part.add_paragraph("{{ p.toelichting }}", style="Tabeltekst")
    part.add_paragraph("{%p endif %}", style="Tabeltekst")
    part.add_paragraph("{%p for punt in p.punten %}", style="Tabeltekst")
    bullet = part.add_paragraph("•\t{{ punt }}", style="Tabeltekst")
    bullet.paragraph_format.left_indent = Cm(0.45)
    bullet.paragraph_format.first_line_indent = Cm(-0.45)
    bullet.paragraph_format.tab_stops.add_tab_stop(Cm(0.45))
    part.add_paragraph("{%p endfor %}", style="Tabeltekst")
    para(doc, "Meer informatie", "Heading 2")
    para(
        doc,
        "Het Kwaliteitskader, de zelfscan en de routekaart zijn te vinden bij de VNG. Vragen "
        "over deze bijeenkomst kunt u stellen aan de organisatoren.",
    )
    return doc


def build_startbijeenkomst() -> object:
    return build_programme(
        "Startbijeenkomst",
        "In deze bijeenkomst maken we kennis met het Kwaliteitskader en vullen we in kleine "
        "groepen per gemeente de zelfscan in: blok 1 (vragen 1 t/m 14) en blok 2 (vragen 15 "
        "t/m 31), elk gevolgd door een eerste bespreking van de resultaten.",
    )


def build_follow_up() -> object:
    return build_programme(
        "Follow-up bijeenkomst",
        "In deze bijeenkomst bespreken we de belangrijkste uitkomsten van de zelfscan en zetten "
        "we de stap van de zelfscan naar een lokaal en regionaal plan van aanpak.",
    )


BUILDERS = {
    PLAN: build_plan,
    FINDINGS: build_findings,
    REGION: build_region,
    STARTBIJEENKOMST: build_startbijeenkomst,
    FOLLOW_UP: build_follow_up,
}


def schema_order(doc) -> None:
    """Properties in the order Word insists on, wherever python-docx or we appended them."""
    from zelfscan_app.reports.templates import reorder_properties

    section = doc.sections[0]
    roots = [doc.element, doc.styles.element, section.header._element, section.footer._element]
    for root in roots:
        for name in ("w:tblPr", "w:tcPr", "w:pPr"):
            for element in root.iter(qn(name)):
                reorder_properties(element)


APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Zelfscan Kwaliteitskader</Application><DocSecurity>0</DocSecurity>"
    "<Company></Company><Manager></Manager></Properties>"
)


def clean_package(doc) -> None:
    """No traces of python-docx's own default template in ours.

    That template was saved by 'Microsoft Macintosh Word' from Normal.dotm, with a blank
    thumbnail and a last-printed date; a municipality's copy would carry them on to every
    document. The app names itself instead, and Word makes no preview picture.
    """
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            del package.rels[rel_id]
    for part in package.parts:
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML.encode("utf-8")
    core = doc.core_properties._element
    for element in core.findall(qn("cp:lastPrinted")):
        core.remove(element)
    settings = doc.settings.element
    for element in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(element)


def main(target: Path = HERE) -> list[Path]:
    written = []
    for name, build in BUILDERS.items():
        path = target / name
        doc = build()
        schema_order(doc)
        clean_package(doc)
        doc.save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
