"""Use cases around the spider: the chart of a scan, compared with another scan, and export.

GUI, CLI and Word reports all describe their spider through `scan_chart`, so labels, colours and
notes are the same everywhere. Nothing here imports matplotlib until a file is written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue, Scan
from zelfscan_app.domain.scoring import Comparison, StandardScore, compare, standard_scores
from zelfscan_app.dutch_dates import dutch_date
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.reports.spider_data import (
    PALETTE,
    Series,
    SpiderChart,
    chart_axes,
    format_percent,
)
from zelfscan_app.services import scans as scan_service
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.repository import ScanListItem

SCORE_NOTE = "Score: percentage van de beantwoorde vragen per kwaliteitsstandaard dat ‘Op orde’ is."
CHART_FORMATS = (".png", ".svg")
NO_SCORE_TEXT = "geen antwoord"

#: The newest scan is drawn solid and filled; an earlier one dashed, without fill.
LATEST_STYLE = PALETTE[0]
EARLIER_STYLE = replace(PALETTE[1], show_values=True)


def scan_label(scan: Scan, *, with_gemeente: bool = False) -> str:
    """'Nulmeting 3 maart 2025' (or 'Aldermeer, nulmeting 3 maart 2025')."""
    when = f"{scan.soort.value} {dutch_date(scan.datum)}"
    return f"{scan.gemeente}, {when}" if with_gemeente else when.capitalize()


def chronological(a: Scan, b: Scan) -> tuple[Scan, Scan]:
    """(earlier, later) by date, then id: the order does not depend on how they were picked."""
    key_a, key_b = (a.datum, a.id or 0), (b.datum, b.id or 0)
    return (a, b) if key_a <= key_b else (b, a)


def _check_same_questionnaire(a: Scan, b: Scan) -> None:
    if a.questionnaire_id != b.questionnaire_id:
        raise ZelfscanError(
            f"{a.title} en {b.title} gebruiken verschillende vragenlijsten "
            f"({a.questionnaire_id} en {b.questionnaire_id}); die worden niet vergeleken"
        )


def coverage_captions(scores: tuple[StandardScore, ...]) -> dict[int, str]:
    """'2 van 5 beantwoord' under a spoke whose standard is only partly answered."""
    return {
        s.standard: f"{s.answered} van {s.total} beantwoord"
        for s in scores
        if 0 < s.answered < s.total
    }


def _answered(questionnaire: Questionnaire, scan: Scan) -> int:
    return sum(v is not None for k, v in scan.values.items() if questionnaire.has_question(k))


def scan_chart(questionnaire: Questionnaire, scan: Scan, other: Scan | None = None) -> SpiderChart:
    """The spider of one scan, or of two scans (earlier dashed, later solid) in one picture."""
    total = len(questionnaire.questions)
    if other is None:
        scores = standard_scores(questionnaire, scan.values)
        return SpiderChart(
            axes=chart_axes(questionnaire, coverage_captions(scores)),
            series=(
                Series(
                    scan_label(scan),
                    {s.standard: s.score for s in scores},
                    LATEST_STYLE,
                    short_label=scan.soort.value,
                ),
            ),
            title=scan.gemeente,
            subtitle=f"Zelfscan Kwaliteitskader · {scan_label(scan).lower()}",
            note=f"{SCORE_NOTE}\nBeantwoord: {_answered(questionnaire, scan)} van {total} vragen.",
            description=f"Spindiagram zelfscan {scan.title}",
        )
    _check_same_questionnaire(scan, other)
    earlier, later = chronological(scan, other)
    same_place = earlier.gemeente.casefold() == later.gemeente.casefold()
    labels = [scan_label(s, with_gemeente=not same_place) for s in (earlier, later)]
    if same_place and earlier.soort != later.soort:
        short = [s.soort.value for s in (earlier, later)]
    else:
        short = [
            label.lower() if same_place else s.gemeente
            for label, s in zip(labels, (earlier, later), strict=True)
        ]
    series = tuple(
        Series(
            label,
            {x.standard: x.score for x in standard_scores(questionnaire, s.values)},
            style,
            short_label=name,
        )
        for s, label, style, name in zip(
            (earlier, later), labels, (EARLIER_STYLE, LATEST_STYLE), short, strict=True
        )
    )
    later_scores = standard_scores(questionnaire, later.values)
    if same_place:
        title = later.gemeente
        subtitle = f"Zelfscan Kwaliteitskader · {short[0]} en {short[1]}"
        if earlier.soort == later.soort:
            subtitle = f"Zelfscan Kwaliteitskader · {labels[0].lower()} en {labels[1].lower()}"
    else:
        title = f"{earlier.gemeente} en {later.gemeente}"
        subtitle = "Zelfscan Kwaliteitskader · vergelijking"
    answered = ", ".join(
        f"{name} {_answered(questionnaire, s)} van {total}"
        for name, s in zip(short, (earlier, later), strict=True)
    )
    return SpiderChart(
        axes=chart_axes(questionnaire, coverage_captions(later_scores)),
        series=series,
        title=title,
        subtitle=subtitle,
        note=f"{SCORE_NOTE}\nBeantwoord: {answered} vragen.",
        values_joiner=" → " if same_place else " | ",  # an arrow only for change over time
        description=f"Spindiagram zelfscan {earlier.title} en {later.title}",
    )


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """One question of a standard as answered in a scan (for tables and detail panels)."""

    number: int
    text: str
    value: AnswerValue | None
    toelichting: str = ""
    nuancering: str = ""
    bespreekpunt: bool = False

    @property
    def value_text(self) -> str:
        return self.value.value if self.value is not None else "Nog niet beantwoord"


@dataclass(frozen=True, slots=True)
class StandardResult:
    """Everything the results table shows for one standard, so no number lives only in a chart."""

    number: int
    title: str
    text: str
    score: StandardScore
    questions: tuple[QuestionResult, ...]

    @property
    def score_text(self) -> str:
        value = self.score.score
        return format_percent(value) if value is not None else NO_SCORE_TEXT

    @property
    def niet_op_orde(self) -> tuple[int, ...]:
        return tuple(q.number for q in self.questions if q.value is AnswerValue.NIET_OP_ORDE)

    @property
    def toelichtingen(self) -> tuple[QuestionResult, ...]:
        return tuple(q for q in self.questions if q.toelichting.strip())


def standard_results(questionnaire: Questionnaire, scan: Scan) -> tuple[StandardResult, ...]:
    scores = {s.standard: s for s in standard_scores(questionnaire, scan.values)}
    results = []
    for standard in questionnaire.standards:
        questions = []
        for question in questionnaire.questions_for_standard(standard.number):
            answer = scan.answer(question.number)
            questions.append(
                QuestionResult(
                    question.number,
                    question.text,
                    answer.value,
                    answer.toelichting,
                    answer.nuancering,
                    answer.bespreekpunt,
                )
            )
        results.append(
            StandardResult(
                standard.number,
                standard.short_title,
                standard.text,
                scores[standard.number],
                tuple(questions),
            )
        )
    return tuple(results)


def chart_for_scan(
    db: Database, questionnaire: Questionnaire, scan_id: int, compare_id: int | None = None
) -> SpiderChart:
    scan = scan_service.get_scan(db, scan_id)
    other = scan_service.get_scan(db, compare_id) if compare_id is not None else None
    return scan_chart(questionnaire, scan, other)


@dataclass(frozen=True, slots=True)
class ScanComparison:
    """Two scans in date order and what changed between them (per standard, per question)."""

    before: Scan
    after: Scan
    comparison: Comparison


def compare_scans(questionnaire: Questionnaire, a: Scan, b: Scan) -> ScanComparison:
    _check_same_questionnaire(a, b)
    before, after = chronological(a, b)
    return ScanComparison(before, after, compare(questionnaire, before.values, after.values))


def comparison_for(
    db: Database, questionnaire: Questionnaire, scan_id: int, other_id: int
) -> ScanComparison:
    return compare_scans(
        questionnaire, scan_service.get_scan(db, scan_id), scan_service.get_scan(db, other_id)
    )


def comparable_scans(db: Database, scan: Scan) -> list[ScanListItem]:
    """Other scans of the same municipality and questionnaire, newest first."""
    items = [
        item
        for item in scan_service.list_scans(db)
        if item.id != scan.id
        and item.gemeente.casefold() == scan.gemeente.casefold()
        and item.questionnaire_id == scan.questionnaire_id
    ]
    return sorted(items, key=lambda i: (i.datum, i.id), reverse=True)


@dataclass(frozen=True, slots=True)
class ChartSource:
    """A scan to draw, with what the workbook reader had to say about it (if it came from one)."""

    scan: Scan
    warnings: tuple[str, ...] = ()


def read_chart_source(
    db: Database | None, questionnaire: Questionnaire, reference: str
) -> ChartSource:
    """A scan by database id ('12') or from a scan workbook (.xlsx), which is only read.

    Reading a workbook never stores it: `zelfscan import` is the way into the database.
    """
    text = reference.strip()
    if text.isdigit():
        if db is None:
            raise ValueError("a scan number needs a database")
        return ChartSource(scan_service.get_scan(db, int(text)))
    path = Path(text)
    if path.suffix.lower() == ".xlsx":
        from zelfscan_app.exchange.reader import read_scan_file

        read = read_scan_file(path, questionnaire)
        return ChartSource(read.scan, tuple(read.warnings))
    if path.suffix or path.exists():
        raise ZelfscanError(
            "onbekend soort bestand; geef het nummer van een zelfscan of een .xlsx-werkmap",
            path=text,
        )
    raise ZelfscanError(
        f"'{text}' is geen zelfscannummer en geen .xlsx-werkmap (bijvoorbeeld 12 of gemeente.xlsx)"
    )


def load_scan(db: Database, questionnaire: Questionnaire, reference: str) -> Scan:
    return read_chart_source(db, questionnaire, reference).scan


def export_chart(chart: SpiderChart, path: str | Path) -> Path:
    """Write the chart as PNG or SVG (by suffix); Dutch errors for a wrong suffix or folder."""
    from zelfscan_app.output_file import check_target, save_output
    from zelfscan_app.reports.spider import render_chart

    target = check_target(path, CHART_FORMATS)
    return save_output(render_chart(chart, target.suffix), target, CHART_FORMATS)


# The rendered PNG, cached per chart ----------------------------------------------------------

ENV_CACHE = "ZELFSCAN_CACHE"
CACHE_KEEP = 256  # charts kept; the oldest are removed beyond this


def chart_png(chart: SpiderChart) -> bytes:
    """The chart as PNG; drawn once per distinct chart and then taken from the user's cache.

    Importing matplotlib and drawing take most of a cold `zelfscan plan` (over a second of a
    fresh process); the same scan version always gives the same chart, and the renderer gives
    identical bytes for identical input, so a cached copy is exact. The key covers everything
    the picture depends on: the chart's data, the app and matplotlib versions and the
    renderer's source file. A cache that cannot be read or written is simply not used."""
    import hashlib

    key = hashlib.sha256(f"{_renderer_identity()}\n{chart!r}".encode()).hexdigest()
    folder = _cache_folder()
    cached = folder / f"{key[:40]}.png" if folder is not None else None
    if cached is not None:
        try:
            data = cached.read_bytes()
            if data.startswith(b"\x89PNG\r\n\x1a\n") and data.rstrip().endswith(b"IEND\xaeB`\x82"):
                return data
        except OSError:
            pass
    from zelfscan_app.reports.spider import render_png

    data = render_png(chart)
    if cached is not None:
        _store(cached, data)
    return data


def _cache_folder() -> Path | None:
    import os

    configured = os.environ.get(ENV_CACHE)
    if configured == "":
        return None  # ZELFSCAN_CACHE= (empty) switches the cache off
    if configured:
        base = Path(configured)
    else:
        from platformdirs import user_cache_dir

        from zelfscan_app.storage.config import APP_NAME

        base = Path(user_cache_dir(APP_NAME, appauthor=False))
    return base / "charts"


def _renderer_identity() -> str:
    import importlib.util
    from importlib.metadata import PackageNotFoundError, version

    from zelfscan_app import __version__

    try:
        matplotlib_version = version("matplotlib")
    except PackageNotFoundError:  # a frozen bundle may lack the metadata
        matplotlib_version = "?"
    source = ""
    spec = importlib.util.find_spec("zelfscan_app.reports.spider")
    if spec is not None and spec.origin:
        try:
            stat = Path(spec.origin).stat()
            source = f"{stat.st_size}:{stat.st_mtime_ns}"
        except OSError:
            pass
    return f"{__version__}|{matplotlib_version}|{source}"


def _store(target: Path, data: bytes) -> None:
    from zelfscan_app.output_file import write_atomic

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(data, target)
        charts = sorted(target.parent.glob("*.png"), key=lambda p: p.stat().st_mtime_ns)
        for old in charts[:-CACHE_KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache is an optimisation: never a reason for an export to fail
