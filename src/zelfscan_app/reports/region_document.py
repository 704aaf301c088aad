"""The regional report: the regional spider, scores per standard, ‘x van y gemeenten’, per question.

Anonymity is decided by the caller (`names` maps each real name to what may be shown, `Disclosure`
says what may be shown at all); this module only ever prints the mapped names, and rewrites any
real name that slipped into a warning. Below the minimum group size no spread, no per-municipality
table and no per-question counts appear, as `Disclosure` prescribes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from zelfscan_app.domain.caution import count_text, region_cautions
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.region import Disclosure, RegionSummary
from zelfscan_app.dutch_text import gemeenten
from zelfscan_app.reports.scan_context import (
    NO_SCORE,
    NO_SCORE_COLOUR,
    SCORE_COLOURS,
    percent,
    score_class,
    score_colour,
)
from zelfscan_app.reports.templates import DocumentProperties, Image, document_author, render

SPIDER_WIDTH_MM = 130
CLASS_LABELS = ("0–24%", "25–49%", "50–74%", "75–99%", "100%", "geen score")


@dataclass(frozen=True, slots=True)
class RegionDetails:
    """What was merged, as the caller may show it: the report says what it mixes.

    `selection` names the choice ('nieuwste zelfscan per gemeente' or 'alleen nulmetingen'),
    `composition` counts scans per soort and year ('nulmeting 2025', 3), `meting` gives each
    municipality's soort (and date, when names are shown) by real name, and `notes` are the
    sentences the command line prints (missing, incomplete, versions), already anonymised.
    """

    selection: str
    composition: tuple[tuple[str, int], ...] = ()
    mixed: str = ""
    meting: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


def scrub_names(text: str, names: Mapping[str, str]) -> str:
    """Replace every real name (whole word, any case) by its display name, longest first."""
    for real in sorted(names, key=len, reverse=True):
        if real and names[real] != real:
            pattern = re.compile(rf"(?<!\w)(?:gemeente\s+)?{re.escape(real)}(?!\w)", re.IGNORECASE)
            text = pattern.sub(names[real], text)
    return text


def _display_names(
    summary: RegionSummary, names: Mapping[str, str], disclosure: Disclosure
) -> dict[str, str]:
    shown = {}
    for real in summary.municipalities:
        label = names.get(real)
        if label is None:
            if disclosure.anonymous:
                raise ValueError("every municipality needs an anonymous name in `names`")
            label = real
        shown[real] = label
    return shown


def _sort_key(label: str) -> tuple[int, str]:
    """'Gemeente B' before 'Gemeente AA'; real names alphabetically."""
    return (len(label), label) if label.startswith("Gemeente ") else (0, label.casefold())


def with_count(shown: str, counted: str) -> str:
    """'62% (23 van 37)': a regional percentage with its 'x van y' (the table explains y)."""
    return f"{shown} ({counted})" if counted else shown


def _count_text(count: int, total: int) -> str:
    return f"{count} van {total}" if count else NO_SCORE


def region_context(
    questionnaire: Questionnaire,
    summary: RegionSummary,
    names: Mapping[str, str],
    disclosure: Disclosure,
    *,
    regio: str,
    today: date,
    details: RegionDetails | None = None,
) -> dict[str, object]:
    from zelfscan_app.dutch_dates import dutch_date

    shown = _display_names(summary, names, disclosure)
    total = len(summary.municipalities)
    open_view = not disclosure.suppressed
    if not disclosure.anonymous:
        view = "gemeenten bij naam"
    elif disclosure.suppressed:
        view = "geanonimiseerd, alleen het aantal gemeenten"
    else:
        view = "geanonimiseerd, gemeenten met een code"
    standards = [questionnaire.standard(s.standard) for s in summary.standards]
    scores = [
        {
            "nummer": s.standard,
            "titel": standard.short_title,
            "gemiddeld": (
                with_count(
                    percent(s.mean),
                    count_text(questionnaire, summary, s.standard, suppressed=False, short=True),
                )
                if open_view
                else NO_SCORE
            ),
            "laagste": percent(s.min) if open_view else NO_SCORE,
            "hoogste": percent(s.max) if open_view else NO_SCORE,
            "n": f"{s.n} van {total}" if open_view else NO_SCORE,
            "kleur": score_colour(s.mean if open_view else None),
        }
        for s, standard in zip(summary.standards, standards, strict=True)
    ]
    context: dict[str, object] = {
        "regio": regio or "Regio",
        "aantal_gemeenten": total,
        "vragenlijst": f"{questionnaire.title}, versie {summary.questionnaire_version}",
        "weergave": view,
        "anoniem": disclosure.anonymous,
        "vandaag": dutch_date(today),
        "beperking": disclosure.reason,
        "waarschuwingen": [
            *region_cautions(questionnaire, summary),
            *(
                scrub_names(w, shown) if disclosure.anonymous else w
                for w in (details.notes if details is not None else summary.warnings)
            ),
        ],
        "selectie": _selection(details),
        "samenstelling": [
            {"meting": label, "aantal": count}
            for label, count in (details.composition if details else ())
        ],
        "menging": details.mixed if details is not None else "",
        "figuur_bijschrift": (
            f"Gemiddelde score per kwaliteitsstandaard van {gemeenten(total)}"
            + (
                ", met in grijs de spreiding van laagste tot hoogste gemeente."
                if open_view
                else "."
            )
        ),
        "scores": scores,
        "verdeling": [],
        "heatmap": [],
        "per_vraag": [],
        "standaard_nummers": [s.number for s in standards],
        "standaard_legenda": ", ".join(f"{s.number} {s.short_title}" for s in standards),
    }
    if not open_view:
        return context
    context["verdeling"] = [
        _distribution(summary, s.standard, standard.short_title, total)
        for s, standard in zip(summary.standards, standards, strict=True)
    ]
    rows = sorted(shown.items(), key=lambda item: _sort_key(item[1]))
    context["heatmap"] = [
        {
            "naam": label,
            "meting": (details.meting.get(real, "") if details is not None else ""),
            "cellen": [
                {
                    "tekst": percent(summary.per_municipality[real].get(s.number)),
                    "kleur": score_colour(summary.per_municipality[real].get(s.number)),
                }
                for s in standards
            ],
        }
        for real, label in rows
    ]
    by_question = {q.question: q for q in summary.questions}
    per_vraag = [
        {
            "nummer": standard.number,
            "titel": standard.short_title,
            "vragen": [
                _question_row(q.number, q.text, by_question[q.number])
                for q in questionnaire.questions_for_standard(standard.number)
                if q.number in by_question
            ],
        }
        for standard in standards
    ]
    context["per_vraag"] = [s for s in per_vraag if s["vragen"]]
    return context


def _selection(details: RegionDetails | None) -> str:
    if details is None:
        return "nieuwste zelfscan per gemeente"
    return details.selection


def _distribution(summary: RegionSummary, number: int, title: str, total: int) -> dict:
    counts = [0] * 6
    for scores in summary.per_municipality.values():
        index = score_class(scores.get(number))
        counts[5 if index is None else index] += 1
    colours = [*SCORE_COLOURS, NO_SCORE_COLOUR]
    return {
        "titel": f"{number}. {title}",
        "klassen": [
            {"tekst": _count_text(c, total), "kleur": colours[i] if c else NO_SCORE_COLOUR}
            for i, c in enumerate(counts)
        ],
    }


def _question_row(number: int, text: str, q) -> dict[str, object]:
    telling = f"{q.op_orde} van {q.answered}"
    if q.answered < q.municipalities:
        telling += f" ({q.municipalities - q.answered} zonder antwoord)"
    share = 100.0 * q.op_orde / q.answered if q.answered else None
    return {"nummer": number, "tekst": text, "telling": telling, "kleur": score_colour(share)}


def render_region_report(
    questionnaire: Questionnaire,
    summary: RegionSummary,
    names: Mapping[str, str],
    disclosure: Disclosure,
    *,
    template: Path,
    spider_png: bytes | None,
    regio: str = "",
    today: date | None = None,
    details: RegionDetails | None = None,
    author: str = "",
) -> bytes:
    """The regional report as .docx bytes; an anonymised one is always by the app.

    `names` maps each municipality in `summary` to the label to print: itself when not
    anonymised, `domain.region.anonymous_names(...)` when anonymised (then it must cover all).
    """
    context = region_context(
        questionnaire,
        summary,
        names,
        disclosure,
        regio=regio,
        today=today or date.today(),
        details=details,
    )
    spider = (
        Image(
            spider_png,
            SPIDER_WIDTH_MM,
            "Spindiagram met de gemiddelde score per kwaliteitsstandaard: "
            + "; ".join(f"{s['titel']} {s['gemiddeld']}" for s in _scores(context))
            + ".",
        )
        if spider_png
        else None
    )
    return render(
        template,
        context,
        DocumentProperties(
            title=f"Regionale rapportage zelfscan – {context['regio']}",
            subject="Regionale rapportage zelfscan Kwaliteitskader Werken aan veiligheid",
            author=document_author("" if disclosure.anonymous else author),
            scrub_app_properties=disclosure.anonymous,
        ),
        images={"spinnenweb": spider},
    )


def _scores(context: dict[str, object]) -> list[dict[str, object]]:
    """The "scores" rows that region_context made."""
    scores = context["scores"]
    assert isinstance(scores, list)
    return scores
