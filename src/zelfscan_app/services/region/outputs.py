"""The regional outputs: what each shows (spider, workbook, JSON, Word details) and the writers.

Each builder takes a `RegionReport` and prints only what it hands over (names or codes, texts
only where visible, no score below the group size); each writer goes through
`output_file.save_output` (one atomic write, one set of Dutch errors). The letter key file lives
here too: it is written beside the outputs and read back for the next run.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from zelfscan_app.domain.anonymity import LetterKey
from zelfscan_app.domain.region import anonymised_summary_json, summary_json
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.output_file import write_atomic
from zelfscan_app.reports.spider_data import PALETTE, Series, SpiderChart, chart_axes
from zelfscan_app.services.region.report import MAX_OVERLAYS, RegionReport

if TYPE_CHECKING:
    from zelfscan_app.exchange.region_workbook import RegionWorkbook
    from zelfscan_app.reports.region_document import RegionDetails
    from zelfscan_app.storage.database import Database


# What each output shows ----------------------------------------------------------------------


def region_spider(report: RegionReport, overlays: Sequence[str] = ()) -> SpiderChart:
    """The regional spider: the mean, the min–max band and chosen municipalities."""
    from zelfscan_app.services.documents import region_chart

    p = report.picture
    chart = region_chart(p.questionnaire, p.summary, report.disclosure, regio=report.regio_label)
    subtitle = f"Zelfscan Kwaliteitskader · {p.count} gemeenten · {p.short_selection}"
    if report.suppressed:  # below the group size: axes only, no mean, no band, no counts
        return replace(
            chart,
            axes=chart_axes(p.questionnaire, {}),
            series=(),
            band=None,
            subtitle=subtitle,
            note=f"{chart.note}\n{report.disclosure.reason}",
            description=f"Spindiagram zonder scores: {report.disclosure.reason}",
        )
    series = list(chart.series)
    if report.per_municipality:
        for index, name in enumerate(list(overlays)[:MAX_OVERLAYS]):
            scores = p.summary.per_municipality.get(name)
            if scores is None:
                continue
            label = report.label(name)
            series.append(Series(label, dict(scores), PALETTE[1 + index], short_label=label))
    return replace(
        chart,
        series=tuple(series),
        subtitle=subtitle,
    )


def document_details(report: RegionReport) -> RegionDetails:
    """What the Word report says about the merge: choice, composition, per municipality."""
    from zelfscan_app.reports.region_document import RegionDetails

    p = report.picture
    selection = p.short_selection
    return RegionDetails(
        selection=selection[:1].upper() + selection[1:],
        composition=report.composition(),
        mixed=report.mixed_text(),
        meting={c.name: report.scan_text(c) for c in p.contributions}
        if report.per_municipality
        else {},
        notes=report.notes(),
    )


def json_data(report: RegionReport) -> dict[str, object]:
    """The JSON contract (docs/json-summary.md), plus a few extra keys (never renamed)."""
    summary = report.picture.summary  # anonymised_summary_json withholds what it must
    if report.anonymous:
        data = anonymised_summary_json(summary, report.disclosure)
    else:
        data = summary_json(summary)
        data["anonymised"] = False
    warnings = data.get("warnings")
    if isinstance(warnings, list):
        data["warnings"] = [report.scrub(str(w)) for w in warnings]
    data["regio"] = report.regio_label
    data["soort"] = report.picture.soort.value if report.picture.soort else None
    data["missing"] = len(report.picture.missing)
    data["incomplete"] = len(report.picture.incomplete)
    data["cautions"] = list(report.cautions)
    return data


def workbook_content(report: RegionReport, today: date | None = None) -> RegionWorkbook:
    """What the regional workbook shows: already anonymised and limited by the disclosure."""
    from zelfscan_app.exchange.region_workbook import MunicipalityRow, RegionWorkbook, TextRow

    p = report.picture
    facts = [
        ("Regio", report.regio_label),
        ("Gemeenten", str(p.count)),
        ("Zelfscans", p.selection_text[:1].upper() + p.selection_text[1:]),
        ("Vragenlijst", f"{p.summary.questionnaire_id} {p.summary.questionnaire_version}"),
        ("Weergave", report.view_text[:1].upper() + report.view_text[1:]),
    ]
    if report.anonymous:
        facts.append(("Minimale groepsgrootte", str(report.min_group_size)))
    facts.append(("Gemaakt op", (today or date.today()).isoformat()))
    rows = None
    if report.per_municipality:
        rows = tuple(
            MunicipalityRow(
                label=report.label(c.name),
                scores=tuple(
                    p.summary.per_municipality[c.name].get(s.number)
                    for s in p.questionnaire.standards
                ),
                answered=c.answered,
                total=c.total,
                meting=report.scan_text(c),
            )
            for c in report.ordered()
        )
    texts = None
    if report.texts_visible:
        texts = tuple(
            TextRow(line.label, number, line.value_text, line.toelichting, line.nuancering)
            for number in p.question_numbers
            for line in report.answers(number)
            if line.toelichting or line.nuancering
        )
    return RegionWorkbook(
        questionnaire=p.questionnaire,
        summary=report.summary,
        scores=not report.suppressed,
        title=report.regio_label,
        facts=tuple(facts),
        notes=(
            (report.disclosure.reason, *report.cautions, *report.notes())
            if report.suppressed
            else (*report.cautions, *report.notes())
        ),
        rows=rows,
        texts=texts,
        per_municipality=report.per_municipality,
        hidden_reason=report.disclosure.reason or report.texts_hidden_reason,
        anonymous=report.anonymous,
        cautions=report.cautions,
    )


# Writers -------------------------------------------------------------------------------------


def write_workbook(report: RegionReport, path: str | Path) -> Path:
    """The regional workbook (.xlsx), written atomically."""
    from zelfscan_app.exchange.region_workbook import region_workbook_bytes
    from zelfscan_app.exchange.writer import save_atomic

    return save_atomic(region_workbook_bytes(report.workbook()), path)


def write_json(report: RegionReport, path: str | Path) -> Path:
    """The JSON summary for data analysts, written atomically."""
    from zelfscan_app.output_file import check_target, save_output

    check_target(path, (".json",))
    text = json.dumps(report.json_data(), ensure_ascii=False, indent=2) + "\n"
    return save_output(text.encode("utf-8"), path, (".json",))


# Letter key ------------------------------------------------------------------------------

KEY_KIND = "zelfscan-lettersleutel"
_KEY_MAX_BYTES = 2_000_000


def new_letter_key() -> LetterKey:
    """A fresh key with a random secret (32 bytes from the OS): letters no one can trace back."""
    return LetterKey(secrets.token_bytes(32))


KEY_FILE_NAME = "lettersleutel.json"


def default_letter_key_path(db: Database) -> Path:
    """Where the window keeps its key: beside a SQLite database, else in the user data folder."""
    from zelfscan_app.storage.config import APP_NAME, sqlite_file

    database_file = sqlite_file(db.url)
    if database_file is not None:
        return database_file.parent / KEY_FILE_NAME
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / KEY_FILE_NAME


def load_letter_key(path: str | Path) -> LetterKey:
    """The key in `path`, or a new one when the file does not exist yet.

    One Dutch ZelfscanError naming the file for anything that is not a key this program wrote.
    """
    target = Path(path).expanduser()
    if not target.exists():
        if not target.parent.is_dir():
            raise ZelfscanError("de map voor het sleutelbestand bestaat niet", path=str(target))
        return new_letter_key()
    broken = "is geen lettersleutel van Zelfscan Kwaliteitskader (of is beschadigd)"
    if not target.is_file():
        raise ZelfscanError("het sleutelbestand is geen gewoon bestand", path=str(target))
    try:
        with open(target, "rb") as handle:
            raw = handle.read(_KEY_MAX_BYTES + 1)
        data = json.loads(raw.decode("utf-8")) if len(raw) <= _KEY_MAX_BYTES else None
    except OSError as exc:
        raise ZelfscanError(
            f"het sleutelbestand kan niet worden gelezen ({exc.strerror or exc})", path=str(target)
        ) from None
    except (UnicodeDecodeError, ValueError):
        raise ZelfscanError(broken, path=str(target)) from None
    try:
        if not isinstance(data, dict) or data.get("soort") != KEY_KIND or data.get("versie") != 1:
            raise ValueError
        secret = bytes.fromhex(data["geheim"])
        letters = data["letters"]
        valid = isinstance(letters, dict) and all(
            isinstance(k, str)
            and len(k) == 64
            and isinstance(v, str)
            and v.isalpha()
            and v.isupper()
            and len(v) <= 3
            for k, v in letters.items()
        )
        if not valid or len(set(letters.values())) != len(letters):
            raise ValueError
        return LetterKey(secret, letters)
    except (KeyError, TypeError, ValueError):
        raise ZelfscanError(broken, path=str(target)) from None


def save_letter_key(key: LetterKey, path: str | Path) -> Path:
    """Write the key atomically, readable by its owner only (it is a secret)."""
    target = Path(path).expanduser()
    text = json.dumps(
        {
            "soort": KEY_KIND,
            "versie": 1,
            "uitleg": "Geheim: met dit bestand zijn de codes (Gemeente A, B, …) te herleiden. "
            "Bewaar het bij de uitvoer, maar stuur het niet mee.",
            "geheim": key.secret.hex(),
            "letters": dict(sorted(key.letters.items(), key=lambda kv: (len(kv[1]), kv[1]))),
        },
        ensure_ascii=False,
        indent=2,
    )
    try:
        write_atomic((text + "\n").encode("utf-8"), target, private=True)
    except OSError as exc:
        raise ZelfscanError(
            f"het sleutelbestand kan niet worden opgeslagen ({exc.strerror or exc})",
            path=str(target),
        ) from None
    return target


def write_document(
    report: RegionReport,
    path: str | Path,
    *,
    template_dir: str | Path | None = None,
    author: str = "",
) -> Path:
    """The regional Word report (.docx), with the same names or codes as the other exports."""
    from zelfscan_app.services.documents import write_region_report

    p = report.picture
    # Warnings go through the report's own scrubbing, the same rules as every other output.
    summary = replace(report.summary, warnings=tuple(report.scrub(w) for w in p.summary.warnings))
    written = write_region_report(
        p.questionnaire,
        summary,
        report.names,
        report.disclosure,
        path,
        regio=report.regio_label,
        template_dir=template_dir,
        details=report.document_details(),
        author=author,
    )
    return written.path


def write_chart(report: RegionReport, path: str | Path, overlays: Sequence[str] = ()) -> Path:
    """The regional spider as PNG or SVG (by suffix)."""
    from zelfscan_app.services.charts import export_chart

    return export_chart(report.chart(overlays), path)
