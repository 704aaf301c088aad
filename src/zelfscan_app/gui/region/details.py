"""The regional overview's rich text: the legend and the answers behind a cell or a question.

Pure functions of a `RegionReport` (which already decided what may be shown: codes, scrubbed
texts, nothing per municipality below the group size), built from the shared `gui.answer_html`.
"""

from __future__ import annotations

import html

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.gui import style
from zelfscan_app.gui.answer_html import answer_paragraphs, hint_html
from zelfscan_app.reports.scan_context import NO_SCORE_COLOUR, SCORE_COLOURS
from zelfscan_app.reports.spider_data import format_percent
from zelfscan_app.services.region import Contribution, RegionReport

CLASS_LABELS = ("0–24%", "25–49%", "50–74%", "75–99%", "100%")


def legend_html(questionnaire: Questionnaire) -> str:
    """The heat map's colour classes and the standards' short titles."""
    e = html.escape
    swatches = "".join(
        f"<span style='background:#{colour}; color:{style.TEXT}'>&nbsp;{label}&nbsp;</span> "
        for label, colour in zip(CLASS_LABELS, SCORE_COLOURS, strict=True)
    )
    swatches += (
        f"<span style='background:#{NO_SCORE_COLOUR}; border:1px solid #ccc'>&nbsp;–&nbsp;"
        f"</span> {e('geen score')}"
    )
    titles = " · ".join(
        f"<b>{s.number}</b>&nbsp;{e(s.short_title).replace(' ', '&nbsp;')}"
        for s in questionnaire.standards
    )
    return f"{swatches}&nbsp;&nbsp;{e('Scores in procenten.')}<br>{titles}"


def cell_html(report: RegionReport, c: Contribution, standard: int | None) -> str:
    """One municipality's answers, to one standard's questions (or all when `standard` is None)."""
    e = html.escape
    q = report.picture.questionnaire
    numbers = [
        n
        for n in report.picture.question_numbers
        if standard is None or q.question(n).standard == standard
    ]
    heading = f"{e(report.label(c.name))} <small>({e(report.scan_text(c))})</small>"
    if standard is not None:
        score = report.picture.summary.per_municipality[c.name].get(standard)
        shown = format_percent(score) if score is not None else "geen score"
        heading += f" · {standard}. {e(q.standard(standard).short_title)} — {e(shown)}"
    parts = [f"<h3>{heading}</h3>"]
    parts += answer_paragraphs(
        [(n, report.answer_line(c.name, n)) for n in numbers], q, by_question=True
    )
    if not report.texts_visible:
        parts.append(hint_html(report.texts_hidden_reason))
    return "".join(parts)


def question_html(report: RegionReport, number: int) -> str:
    """Every municipality's answer to one question, or why none may be shown."""
    e = html.escape
    q = report.picture.questionnaire
    parts = [f"<h3>Vraag {number}. {e(q.question(number).text)}</h3>"]
    if not report.per_municipality:
        parts.append(hint_html(report.disclosure.reason))
        return "".join(parts)
    s = report.picture.summary.question(number)
    parts.append(f"<p><b>{e(s.text)}</b></p>")
    parts += answer_paragraphs([(number, line) for line in report.answers(number)], q)
    if not report.texts_visible:
        parts.append(hint_html(report.texts_hidden_reason))
    return "".join(parts)


def notice_lines(report: RegionReport) -> list[str]:
    """The warning box above the overview: why no scores, small numbers, versions, left out."""
    picture = report.picture
    notices = [report.disclosure.reason] if report.suppressed else []
    notices += report.cautions
    notices += [report.scrub(w) for w in picture.summary.warnings]
    if picture.other_questionnaire:
        notices.append(
            f"{picture.other_questionnaire} zelfscan(s) horen bij een andere vragenlijst en "
            "tellen niet mee: verschillende vragenlijsten worden nooit gemengd."
        )
    return notices
