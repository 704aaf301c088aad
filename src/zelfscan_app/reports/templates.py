"""Finding, checking and filling the Word templates (docxtpl on top of python-docx).

A municipality restyles a copy of a template in Word and points the app at its folder; a file it
did not copy falls back to the bundled one. Everything that can go wrong with a hand-edited
template becomes one Dutch `TemplateError` naming the file, never a traceback.
docx and docxtpl are imported inside the functions, so the GUI start-up never loads them.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from zelfscan_app.errors import ZelfscanError
from zelfscan_app.resources import templates_dir

ENV_TEMPLATES = "ZELFSCAN_TEMPLATES"


class TemplateKind(StrEnum):
    """The three documents; the value is the file name in a template folder."""

    PLAN = "plan-van-aanpak.docx"
    FINDINGS = "rapport-zelfscan.docx"
    REGION = "rapport-regio.docx"
    STARTBIJEENKOMST = "programma-startbijeenkomst.docx"  # bijlage 1
    FOLLOW_UP = "programma-follow-up.docx"  # bijlage 3

    @property
    def label(self) -> str:
        return {
            TemplateKind.PLAN: "plan van aanpak",
            TemplateKind.FINDINGS: "rapport",
            TemplateKind.REGION: "regionale rapportage",
            TemplateKind.STARTBIJEENKOMST: "programma startbijeenkomst",
            TemplateKind.FOLLOW_UP: "programma follow-up bijeenkomst",
        }[self]


class TemplateError(ZelfscanError):
    """A template is missing, not a Word file, or has a broken placeholder."""


def user_template_dir(explicit: str | Path | None = None) -> Path | None:
    """The user's template folder: the explicit setting first, else $ZELFSCAN_TEMPLATES."""
    chosen = explicit if explicit not in (None, "") else os.environ.get(ENV_TEMPLATES, "")
    if not chosen:
        return None
    folder = Path(chosen).expanduser()
    if not folder.is_dir():
        raise TemplateError("de map met sjablonen bestaat niet", path=str(folder))
    return folder


def find_template(kind: TemplateKind, user_dir: str | Path | None = None) -> Path:
    """The user's copy when the user folder has one, otherwise the bundled original."""
    folder = user_template_dir(user_dir)
    if folder is not None and (folder / kind.value).is_file():
        return folder / kind.value
    bundled = templates_dir() / kind.value
    if not bundled.is_file():
        raise TemplateError("het meegeleverde sjabloon ontbreekt", path=str(bundled))
    return bundled


# Text hygiene ------------------------------------------------------------------------------

#: Characters XML 1.0 cannot hold, plus the ones docxtpl turns into structure (\a new paragraph,
#: \f page break, \v): typed or pasted text must never change the document's layout.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {k: _cleaned(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_cleaned(v) for v in value]
    return value


# Rendering ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Image:
    """A picture for an `{{ name }}` placeholder; `description` becomes its alt text."""

    png: bytes
    width_mm: float
    description: str


@dataclass(frozen=True, slots=True)
class DocumentProperties:
    """Core properties written over whatever the (possibly user-edited) template carried."""

    title: str
    subject: str = ""
    keywords: str = "zelfscan; kwaliteitskader"
    author: str = "Zelfscan Kwaliteitskader"  # APP_AUTHOR, or the user's organisation
    #: An anonymised report: also strip whatever the template carried that may name someone
    #: (`strip_identifying_metadata`: custom properties, comments, company, thumbnail, …).
    scrub_app_properties: bool = False
    when: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))


APP_AUTHOR = "Zelfscan Kwaliteitskader"
MAX_AUTHOR = 120


def document_author(organisation: str = "") -> str:
    """The author written into a document: the user's organisation if chosen, else the app.

    Never a person's name from the scan: the participants stay out of the file properties.
    """
    name = " ".join(clean_text(organisation or "").split())
    if len(name) > MAX_AUTHOR:
        raise ZelfscanError(f"de naam van de organisatie is langer dan {MAX_AUTHOR} tekens")
    return name or APP_AUTHOR


def render(
    template: Path,
    context: Mapping[str, Any],
    properties: DocumentProperties,
    images: Mapping[str, Image | None] | None = None,
) -> bytes:
    """Fill `template` and return the .docx bytes; TemplateError names the file on any fault."""
    tpl = _open(template)
    data = _cleaned(context)
    try:
        data.update(_inline_images(tpl, images or {}))
        tpl.render(data, _environment(template, data), autoescape=True)
    except TemplateError:
        raise
    except Exception as exc:  # a hand-edited template can fail in many ways
        raise TemplateError(_explain(exc), path=str(template)) from None
    _after_render(tpl.docx, properties, images or {})
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


#: Limits on a template file, checked before python-docx reads it. The bundled templates are
#: 0.2 MB (0.9 MB unpacked, 300 paragraphs); a logo or a photo in the header fits easily.
MAX_TEMPLATE_BYTES = 20_000_000
MAX_TEMPLATE_MEMBERS = 1_000
MAX_TEMPLATE_PARAGRAPHS = 20_000
#: Placeholders and tags ({{ }}, {% %}) over all text parts: Jinja compiles each into Python
#: before any deadline can run (the bundled templates have about 150).
MAX_TEMPLATE_TAGS = 5_000
#: One text part (body, header, footer, footnotes) unpacked: docxtpl rewrites it with regular
#: expressions before rendering (the bundled bodies are 25 kB).
MAX_TEMPLATE_PART_BYTES = 10_000_000


def _template_zip_limits():
    from zelfscan_app.exchange.guards import ZipLimits

    return ZipLimits(
        member_bytes=40_000_000, total_bytes=80_000_000, ratio=200, ratio_floor=1_000_000
    )


_PARAGRAPH = re.compile(rb"<w:p[\s>/]")
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


def read_template(template: Path) -> bytes:
    """The template's bytes, after checking its size, its zip directory and its paragraphs.

    A template comes from anyone: a zip bomb (a small file whose picture unpacks to gigabytes)
    or a document of a million paragraphs is refused here, before anything is unpacked.
    """
    name = str(template)
    if not template.exists():
        raise TemplateError("het sjabloon bestaat niet", path=name)
    if not template.is_file():
        raise TemplateError("het sjabloon is geen gewoon bestand", path=name)
    try:
        with open(template, "rb") as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise TemplateError(
            f"het sjabloon kan niet worden gelezen ({exc.strerror or exc})", path=name
        ) from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(
            f"het sjabloon is groter dan {MAX_TEMPLATE_BYTES // 1_000_000} MB; verklein de "
            "afbeeldingen erin",
            path=name,
        )
    _check_package(data, name)
    return data


def _check_package(data: bytes, name: str) -> None:
    import zipfile

    from zelfscan_app.exchange.guards import unpacks_too_large

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise TemplateError(_NOT_DOCX, path=name) from None
    with archive:
        if len(infos) > MAX_TEMPLATE_MEMBERS:
            raise TemplateError("het sjabloon bevat onredelijk veel onderdelen", path=name)
        if unpacks_too_large(infos, _template_zip_limits()):
            raise TemplateError(
                "het sjabloon pakt uit tot een onredelijk grote omvang (mogelijk een zip-bom); "
                "er is geen document gemaakt",
                path=name,
            )
        paragraphs = tags = 0
        for info in infos:
            if _TEXT_PARTS.fullmatch(info.filename):
                if info.file_size > MAX_TEMPLATE_PART_BYTES:
                    raise TemplateError(
                        f"een onderdeel van het sjabloon ({info.filename}) is groter dan "
                        f"{MAX_TEMPLATE_PART_BYTES // 1_000_000} MB, veel meer dan een rapport "
                        "nodig heeft",
                        path=name,
                    )
                try:
                    xml = archive.read(info)
                except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
                    raise TemplateError(_NOT_DOCX, path=name) from None
                paragraphs += len(_PARAGRAPH.findall(xml))
                tags += xml.count(b"{{") + xml.count(b"{%")
        if tags > MAX_TEMPLATE_TAGS:
            raise TemplateError(
                f"het sjabloon heeft meer dan {MAX_TEMPLATE_TAGS} plaatshouders, veel meer dan "
                "een rapport nodig heeft",
                path=name,
            )
        if paragraphs > MAX_TEMPLATE_PARAGRAPHS:
            raise TemplateError(
                f"het sjabloon heeft meer dan {MAX_TEMPLATE_PARAGRAPHS} alinea's, veel meer "
                "dan een rapport nodig heeft",
                path=name,
            )


_NOT_DOCX = (
    "is geen bruikbaar Word-document (.docx); sla het sjabloon in Word op als "
    "‘Word-document (*.docx)’"
)


def _open(template: Path):
    from docxtpl import DocxTemplate

    data = read_template(template)
    tpl = DocxTemplate(io.BytesIO(data))
    try:
        tpl.init_docx()
    except Exception:
        raise TemplateError(_NOT_DOCX, path=str(template)) from None
    return tpl


def _environment(template: Path, names: Iterable[str]):
    """The sandbox (reports.sandbox): only the names in `names`, bounded loops and time."""
    from zelfscan_app.reports.sandbox import DocumentSandbox

    return DocumentSandbox(template, names)


def _inline_images(tpl, images: Mapping[str, Image | None]) -> dict[str, Any]:
    from docx.shared import Mm
    from docxtpl import InlineImage

    return {
        name: (
            InlineImage(tpl, io.BytesIO(image.png), width=Mm(image.width_mm))
            if image is not None
            else None
        )
        for name, image in images.items()
    }


def _explain(exc: Exception) -> str:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    from zelfscan_app.reports.sandbox import unknown_placeholder

    if isinstance(exc, UndefinedError):
        match = re.search(r"'([^']+)' is undefined", str(exc))
        name = match.group(1) if match else str(exc)
        if match is None:
            match = re.search(r"has no attribute '([^']+)'", str(exc))
            name = match.group(1) if match else str(exc)
        return unknown_placeholder(name)
    if isinstance(exc, SecurityError):
        return "het sjabloon probeert iets wat niet is toegestaan; er is geen document gemaakt"
    if isinstance(exc, RecursionError | MemoryError):
        return "het sjabloon is te ingewikkeld om in te vullen; er is geen document gemaakt"
    if isinstance(exc, TemplateSyntaxError):
        return (
            f"een plaatshouder is niet goed geschreven{_near(exc)} ({exc.message}); controleer "
            "de tekens {{ }} en {% %} in het sjabloon"
        )
    return f"het sjabloon kan niet worden ingevuld ({type(exc).__name__}: {exc})"


def _near(exc: Exception) -> str:
    """The template text around a syntax error (docxtpl keeps it), so the user can find it."""
    lines = list(getattr(exc, "docx_context", None) or ())
    # docxtpl keeps paragraphs lineno-4 … lineno+2; the line before and the failing one matter.
    text = " ".join(" ".join(lines[2:4] if len(lines) > 3 else lines).split())
    if not text:
        return ""
    return f" bij ‘{text[:90]}…’" if len(text) > 90 else f" bij ‘{text}’"


def _after_render(document, properties: DocumentProperties, images: Mapping[str, Image | None]):
    from docx.oxml.ns import qn

    _fix_table_grids(document)
    _fix_property_order(document)
    _allow_long_rows_to_split(document)
    _keep_table_starts_together(document)
    descriptions = [i.description for i in images.values() if i is not None]
    for doc_pr, description in zip(
        document.element.body.iter(qn("wp:docPr")), descriptions, strict=False
    ):
        doc_pr.set("descr", description)
    core = document.core_properties
    core.title = properties.title
    core.subject = properties.subject
    core.keywords = properties.keywords
    core.author = properties.author
    core.last_modified_by = properties.author
    core.comments = ""
    core.category = ""
    core.content_status = ""
    core.identifier = ""
    core.version = ""
    core.language = "nl-NL"
    core.created = properties.when
    core.modified = properties.when
    core.revision = 1
    _drop_template_traces(document)
    if properties.scrub_app_properties:
        strip_identifying_metadata(document)


#: Child order the OOXML schema prescribes (ECMA-376 part 1, §17): Word refuses a file whose
#: properties are out of order, and docxtpl's `{% cellbg %}` puts the shading first.
def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SCHEMA_ORDER: dict[str, tuple[str, ...]] = {
    "tblPr": _names(
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription tblPrChange"
    ),
    "tcPr": _names(
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
        "vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
    ),
    "pPr": _names(
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
        "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ),
}


def reorder_properties(element) -> None:
    """Put the children of a w:tblPr / w:tcPr / w:pPr element in schema order (stable)."""
    local = element.tag.rsplit("}", 1)[-1]
    order = SCHEMA_ORDER.get(local)
    if order is None:
        return
    rank = {name: i for i, name in enumerate(order)}
    children = list(element)
    keys = [rank.get(c.tag.rsplit("}", 1)[-1], len(order)) for c in children]
    if keys == sorted(keys):
        return
    for _key, child in sorted(zip(keys, children, strict=True), key=lambda kc: kc[0]):
        element.remove(child)
        element.append(child)


def _fix_property_order(document) -> None:
    from docx.oxml.ns import qn

    body = document.element.body
    for name in ("w:tblPr", "w:tcPr"):
        for element in body.iter(qn(name)):
            reorder_properties(element)


def _fix_table_grids(document) -> None:
    """Make each table's grid follow the cell widths of its first row.

    docxtpl spreads the width evenly over all columns after a `{%tc for %}` loop; the cell
    widths in the template are the intended ones, so the grid is rebuilt from them.
    """
    from docx.oxml.ns import qn

    for tbl in document.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        grid = tbl.find(qn("w:tblGrid"))
        if not rows or grid is None:
            continue
        widths: list[str] = []
        for tc in rows[0].findall(qn("w:tc")):
            tc_w = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            width = tc_w.get(qn("w:w")) if tc_w is not None else None
            if tc_w is None or span is not None or tc_w.get(qn("w:type")) != "dxa" or not width:
                widths = []
                break
            widths.append(width)
        columns = grid.findall(qn("w:gridCol"))
        if not widths or [c.get(qn("w:w")) for c in columns] == widths:
            continue
        for column in columns:
            grid.remove(column)
        for width in widths:
            column = grid.makeelement(qn("w:gridCol"), {qn("w:w"): width})
            grid.append(column)
        tbl_w = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
        if tbl_w is not None:
            tbl_w.set(qn("w:w"), str(sum(int(w) for w in widths)))
            tbl_w.set(qn("w:type"), "dxa")


#: Characters above which a table row may break across pages after all: a row taller than a
#: page that is not allowed to split would be cut off.
LONG_ROW_CHARS = 1200


def _allow_long_rows_to_split(document) -> None:
    from docx.oxml.ns import qn

    cant_split = qn("w:cantSplit")
    text = qn("w:t")
    for row in document.element.body.iter(qn("w:tr")):
        tr_pr = row.find(qn("w:trPr"))
        flag = None if tr_pr is None else tr_pr.find(cant_split)
        if flag is None:
            continue
        if sum(len(t.text or "") for t in row.iter(text)) > LONG_ROW_CHARS:
            tr_pr.remove(flag)


def _keep_table_starts_together(document) -> None:
    """No lone row at a page end or start: header and first body row stay with the next row,
    and so does the row before the last. Word honours keep-with-next on a row's paragraphs.

    Rows allowed to split (longer than LONG_ROW_CHARS) are left alone: keeping those with the
    next could push a whole block to the next page and leave a mostly empty one behind.
    """
    from docx.oxml.ns import qn

    for tbl in document.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        heads = [r for r in rows if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
        body = [r for r in rows if r not in heads]
        if not heads or len(body) < 2:
            continue
        keep = [*heads, body[0]]
        if len(body) >= 3:
            keep.append(body[-2])
        for row in keep:
            tr_pr = row.find(qn("w:trPr"))
            if tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is None and row not in heads:
                continue
            for p_pr in (p.get_or_add_pPr() for p in row.iter(qn("w:p"))):
                if p_pr.find(qn("w:keepNext")) is None:
                    p_pr.append(p_pr.makeelement(qn("w:keepNext"), {}))
                reorder_properties(p_pr)


_APP_PROPERTIES = "/docProps/app.xml"
_SETTINGS = "/word/settings.xml"

#: Relationships whose parts an anonymised document drops: custom properties (free key/value
#: pairs, often the author's department or a case number), the thumbnail (a picture of the
#: first page as the template's maker last saved it), comments and their authors, and custom
#: XML (SharePoint metadata, bibliography sources).
_PRIVATE_PACKAGE_RELS = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    }
)
_PRIVATE_DOCUMENT_RELS = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
        "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
        "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
        "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
        "http://schemas.microsoft.com/office/2011/relationships/people",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
    }
)
#: docProps/app.xml fields that may name an organisation or a file.
_APP_FIELDS = ("Company", "Manager", "HyperlinkBase", "Template")
#: word/settings.xml elements that may hold a path (with a user name) or stored values.
_SETTINGS_ELEMENTS = ("attachedTemplate", "docVars", "mailMerge")

#: Extended properties that describe the template (or the Word that saved it), not this
#: document: a stale page count, 'Normal.dotm', 'Microsoft Macintosh Word'.
_STALE_APP_FIELDS = (
    "Template",
    "TotalTime",
    "Pages",
    "Words",
    "Characters",
    "CharactersWithSpaces",
    "Lines",
    "Paragraphs",
    "AppVersion",
    "HeadingPairs",
    "TitlesOfParts",
)


def _drop_template_traces(document) -> None:
    """Every output names the app as its application and carries no preview picture or
    print date inherited from its template (a thumbnail would show the template's page)."""
    from docx.oxml.ns import qn

    core = document.core_properties._element
    for element in core.findall(qn("cp:lastPrinted")):
        core.remove(element)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            del package.rels[rel_id]
    for part in package.parts:
        if str(part.partname) == _APP_PROPERTIES:
            xml = part.blob.decode("utf-8")
            for name in _STALE_APP_FIELDS:
                xml = re.sub(
                    rf"<(?:\w+:)?{name}\b[^>]*?(?:/>|>.*?</(?:\w+:)?{name}>)", "", xml, flags=re.S
                )
            xml = re.sub(
                r"<Application>[^<]*</Application>",
                f"<Application>{APP_AUTHOR}</Application>",
                xml,
            )
            if "<Application>" not in xml:
                xml = xml.replace(
                    "</Properties>", f"<Application>{APP_AUTHOR}</Application></Properties>"
                )
            part._blob = xml.encode("utf-8")


def strip_identifying_metadata(document) -> None:
    """Remove from a python-docx document whatever its template carried that may name someone.

    The one place for it: every anonymised Word output calls this after the core properties
    are set (title, author: see `DocumentProperties`). Removed: custom properties, thumbnail,
    comments (with their authors and anchors), people, custom XML; company, manager, hyperlink
    base and template name in docProps/app.xml; the attached template's path, document
    variables and mail-merge source in word/settings.xml; and the names and alt texts of the
    pictures in headers and footers (a logo described as 'Logo gemeente …').
    """
    from docx.oxml.ns import qn

    package = document.part.package
    for rels, private in (
        (package.rels, _PRIVATE_PACKAGE_RELS),
        (document.part.rels, _PRIVATE_DOCUMENT_RELS),
    ):
        for rel_id in [r for r, rel in rels.items() if rel.reltype in private]:
            del rels[rel_id]
    body = document.element.body
    for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
        for element in list(body.iter(qn(tag))):
            element.getparent().remove(element)
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/header", "/footer")):
            continue
        element = getattr(rel.target_part, "element", None)
        if element is None:
            continue
        for doc_pr in element.iter(qn("wp:docPr"), qn("pic:cNvPr")):
            for attribute in ("descr", "title"):
                doc_pr.attrib.pop(attribute, None)
            doc_pr.set("name", "Afbeelding")
    for part in package.parts:
        name = str(part.partname)
        if name == _APP_PROPERTIES:
            xml = part.blob.decode("utf-8")
            for field_name in _APP_FIELDS:
                xml = re.sub(rf"<({field_name})>[^<]*</\1>", r"<\1></\1>", xml)
            part._blob = xml.encode("utf-8")
        elif name == _SETTINGS:
            for element_name in _SETTINGS_ELEMENTS:
                for element in list(part.element.iter(qn(f"w:{element_name}"))):
                    element.getparent().remove(element)
