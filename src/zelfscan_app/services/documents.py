"""Use cases for the Word documents: plan van aanpak, findings report and regional report.

GUI and CLI both come through here. The spider comes from the one renderer (`reports.spider`),
described by `services.charts.scan_chart` for a scan; files are written atomically, so a failed
run never leaves half a document where the user expects the old one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from zelfscan_app.domain.actions import draft_actions
from zelfscan_app.domain.caution import chart_caution, count_text
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.region import Disclosure, RegionSummary
from zelfscan_app.domain.scan import Scan
from zelfscan_app.dutch_text import gemeenten
from zelfscan_app.errors import NotFound, ZelfscanError
from zelfscan_app.output_file import check_target, save_output
from zelfscan_app.reports.spider_data import PALETTE, Band, Series, SpiderChart, chart_axes
from zelfscan_app.reports.templates import TemplateKind, find_template
from zelfscan_app.services import actions as action_service
from zelfscan_app.services import scans as scan_service
from zelfscan_app.storage import repository as scans_repo
from zelfscan_app.storage.database import Database

if TYPE_CHECKING:
    from zelfscan_app.reports.region_document import RegionDetails


@dataclass(frozen=True, slots=True)
class WrittenDocument:
    """Where the document went and which template made it (the user's copy or the bundled one)."""

    path: Path
    template: Path
    warnings: tuple[str, ...] = ()


# Spiders -----------------------------------------------------------------------------------


def _png(chart: SpiderChart) -> bytes:
    from zelfscan_app.services.charts import chart_png

    return chart_png(chart)  # cached per chart: a cold `zelfscan plan` skips matplotlib


def scan_spider_png(questionnaire: Questionnaire, scan: Scan) -> bytes:
    from zelfscan_app.services.charts import scan_chart

    return _png(scan_chart(questionnaire, scan))


def region_chart(
    questionnaire: Questionnaire, summary: RegionSummary, disclosure: Disclosure, *, regio: str
) -> SpiderChart:
    """The regional mean, with the min–max band unless the disclosure forbids spread."""
    means = {s.standard: s.mean for s in summary.standards}
    band = None
    if not disclosure.suppressed:
        band = Band(
            "Spreiding: laagste tot hoogste gemeente",
            {s.standard: s.min for s in summary.standards},
            {s.standard: s.max for s in summary.standards},
        )
    total = len(summary.municipalities)
    caution = chart_caution(summary)
    return SpiderChart(
        axes=chart_axes(questionnaire, region_captions(questionnaire, summary, disclosure)),
        series=(Series(f"Gemiddelde van {gemeenten(total)}", means, PALETTE[0]),),
        band=band,
        title=regio or "Regio",
        subtitle=f"Zelfscan Kwaliteitskader · {gemeenten(total)}",
        note="Score: per gemeente het percentage van de beantwoorde vragen dat ‘Op orde’ is; "
        "de regio is het gemiddelde daarvan." + (f"\n{caution}" if caution else ""),
        description=f"Spindiagram regionaal gemiddelde {regio}".strip(),
    )


def region_captions(
    questionnaire: Questionnaire, summary: RegionSummary, disclosure: Disclosure
) -> dict[int, str]:
    """Under each regional spoke 'x van y' beside the percentage, and n when not all count."""
    total = len(summary.municipalities)
    captions = {}
    for s in summary.standards:
        parts = [count_text(questionnaire, summary, s.standard, suppressed=disclosure.suppressed)]
        if s.n < total:
            parts.append(f"{s.n} van {total} gemeenten")
        if text := "; ".join(p for p in parts if p):
            captions[s.standard] = text
    return captions


# Writing -----------------------------------------------------------------------------------


def _check_out(out: str | Path) -> Path:
    """Checked before rendering: a .docx name in an existing folder."""
    return check_target(out, (".docx",))


def save_document(data: bytes, out: str | Path) -> Path:
    """Write via a temporary file and one rename: the old file stays until the new one is whole."""
    return save_output(data, out, (".docx",), in_use="of het is nog geopend in Word")


# Plan van aanpak ---------------------------------------------------------------------------


def plan_document(
    db: Database | None,
    questionnaire: Questionnaire,
    scan: Scan,
    *,
    template: Path,
    period: tuple[int, int] | None = None,
    today: date | None = None,
    author: str = "",
) -> bytes:
    """Stored actions (and earlier open ones) for a scan in the database, else drafts only."""
    from zelfscan_app.domain.guidance import with_suggestions
    from zelfscan_app.reports.plan_document import EarlierAction, render_plan
    from zelfscan_app.services.charts import scan_label
    from zelfscan_app.services.guidance import guidance_for

    guidance = guidance_for(questionnaire)  # a broken guidance file stops here, in Dutch
    earlier: list[EarlierAction] = []
    if db is not None and scan.id is not None:
        actions = action_service.plan_actions(db, questionnaire, scan.id)
        labels: dict[int, str] = {}
        for scan_id, action in action_service.open_earlier_actions(db, scan.id):
            if scan_id not in labels:
                labels[scan_id] = scan_label(scan_service.get_scan(db, scan_id))
            earlier.append(EarlierAction(labels[scan_id], action))
    else:
        actions = with_suggestions(draft_actions(questionnaire, scan), guidance)
    return render_plan(
        questionnaire,
        scan,
        actions,
        template=template,
        spider_png=scan_spider_png(questionnaire, scan),
        period=period,
        earlier=earlier,
        today=today,
        author=author,
        guidance=guidance,
    )


def write_plan(
    db: Database,
    questionnaire: Questionnaire,
    scan_id: int,
    out: str | Path,
    *,
    template_dir: str | Path | None = None,
    period: tuple[int, int] | None = None,
    author: str = "",
) -> WrittenDocument:
    """The plan van aanpak of a scan in the database (`author`: the user's organisation)."""
    return _write_plan(
        db, questionnaire, scan_service.get_scan(db, scan_id), out, template_dir, period, author
    )


def write_plan_for(
    db: Database,
    questionnaire: Questionnaire,
    reference: str,
    out: str | Path,
    *,
    template_dir: str | Path | None = None,
    period: tuple[int, int] | None = None,
    author: str = "",
) -> WrittenDocument:
    """Like write_plan, for a scan number ('12') or a workbook path (as `zelfscan plan` gets)."""
    loaded = load_scan(db, questionnaire, reference)
    written = _write_plan(db, questionnaire, loaded.scan, out, template_dir, period, author)
    return replace(written, warnings=loaded.warnings)


def _write_plan(db, questionnaire, scan, out, template_dir, period, author="") -> WrittenDocument:
    path = _check_out(out)
    template = find_template(TemplateKind.PLAN, template_dir)
    data = plan_document(db, questionnaire, scan, template=template, period=period, author=author)
    return WrittenDocument(save_document(data, path), template)


# Findings report ---------------------------------------------------------------------------


def findings_document(
    questionnaire: Questionnaire,
    scan: Scan,
    *,
    template: Path,
    today: date | None = None,
    author: str = "",
    db: Database | None = None,
) -> bytes:
    from zelfscan_app.reports.findings_document import render_findings
    from zelfscan_app.services.prescans import splits
    from zelfscan_app.services.routekaart import findings_kit

    return render_findings(
        questionnaire,
        scan,
        template=template,
        spider_png=scan_spider_png(questionnaire, scan),
        today=today,
        author=author,
        kit=findings_kit(db, scan) if db is not None else None,
        # The split per question (counts only): 'Waar we van mening verschilden'.
        splits=splits(db, questionnaire, scan.id) if db is not None and scan.id else None,
    )


def write_findings(
    db: Database,
    questionnaire: Questionnaire,
    scan_id: int,
    out: str | Path,
    *,
    template_dir: str | Path | None = None,
    author: str = "",
) -> WrittenDocument:
    """The findings report (spider, scores, answers with toelichting) of a scan in the database."""
    return _write_findings(
        questionnaire, scan_service.get_scan(db, scan_id), out, template_dir, author, db=db
    )


def write_findings_for(
    db: Database,
    questionnaire: Questionnaire,
    reference: str,
    out: str | Path,
    *,
    template_dir: str | Path | None = None,
    author: str = "",
) -> WrittenDocument:
    loaded = load_scan(db, questionnaire, reference)
    written = _write_findings(questionnaire, loaded.scan, out, template_dir, author, db=db)
    return replace(written, warnings=loaded.warnings)


def _write_findings(questionnaire, scan, out, template_dir, author="", db=None) -> WrittenDocument:
    path = _check_out(out)
    template = find_template(TemplateKind.FINDINGS, template_dir)
    data = findings_document(questionnaire, scan, template=template, author=author, db=db)
    return WrittenDocument(save_document(data, path), template)


# Regional report ---------------------------------------------------------------------------


def region_document(
    questionnaire: Questionnaire,
    summary: RegionSummary,
    names: Mapping[str, str],
    disclosure: Disclosure,
    *,
    template: Path,
    regio: str = "",
    today: date | None = None,
    details: RegionDetails | None = None,
    author: str = "",
) -> bytes:
    from zelfscan_app.reports.region_document import render_region_report

    # Below the group size no spider at all: its one polygon would be the scores withheld.
    png = (
        None
        if disclosure.suppressed
        else _png(region_chart(questionnaire, summary, disclosure, regio=regio))
    )
    return render_region_report(
        questionnaire,
        summary,
        names,
        disclosure,
        template=template,
        spider_png=png,
        regio=regio,
        today=today,
        details=details,
        author=author,
    )


def write_region_report(
    questionnaire: Questionnaire,
    summary: RegionSummary,
    names: Mapping[str, str],
    disclosure: Disclosure,
    out: str | Path,
    *,
    regio: str = "",
    template_dir: str | Path | None = None,
    details: RegionDetails | None = None,
    author: str = "",
) -> WrittenDocument:
    """The regional report for `zelfscan merge --docx`.

    `names` maps every municipality in `summary` to its printed label: `{n: n for n in ...}`
    when not anonymised, `domain.region.anonymous_names(...)` (same seed as the workbook) when
    anonymised. `disclosure` decides whether spread and per-question counts may be shown.
    """
    path = _check_out(out)
    template = find_template(TemplateKind.REGION, template_dir)
    data = region_document(
        questionnaire,
        summary,
        names,
        disclosure,
        template=template,
        regio=regio,
        details=details,
        author=author,
    )
    return WrittenDocument(save_document(data, path), template)


# Scan references ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoadedScan:
    """A scan named on the command line, with the workbook reader's warnings (if any)."""

    scan: Scan
    warnings: tuple[str, ...] = ()


def load_scan(db: Database, questionnaire: Questionnaire, reference: str) -> LoadedScan:
    """A scan by number ('12') or from an .xlsx workbook, read without storing it.

    A workbook that was imported before is recognised by its fingerprint, so its stored
    improvement actions are used; otherwise the plan gets drafts from its answers.
    """
    text = reference.strip()
    if text.isdigit():
        return LoadedScan(scan_service.get_scan(db, int(text)))
    path = Path(text).expanduser()
    if path.suffix.lower() != ".xlsx":
        raise ZelfscanError(
            f"'{text}' is geen zelfscannummer en geen .xlsx-werkboek; geef bijvoorbeeld 12 "
            "(het nummer in de lijst van zelfscans) of gemeente.xlsx"
        )
    if not path.is_file():
        raise NotFound("het bestand bestaat niet", path=str(path))
    from zelfscan_app.exchange.reader import read_scan_file

    read = read_scan_file(path, questionnaire)
    with db.session() as session:
        stored_id = scans_repo.scan_with_fingerprint(session, read.sha256)
    if stored_id is not None:
        return LoadedScan(scan_service.get_scan(db, stored_id), read.warnings)
    return LoadedScan(read.scan, read.warnings)
