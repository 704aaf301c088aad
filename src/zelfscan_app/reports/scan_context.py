"""What the plan and the findings report both say about one scan, as template values.

Kept apart from the two documents so the summary sentence, the title and the colours are the
same in both (and in every restyled template).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue, Scan
from zelfscan_app.domain.scoring import StandardScore, standard_scores
from zelfscan_app.dutch_dates import dutch_date
from zelfscan_app.reports.spider_data import format_percent

NO_SCORE = "–"

#: Score classes, low to high: orange tints for low, blue tints for high (readable with every
#: common colour-vision deficiency; the number in the cell stays the real message).
SCORE_COLOURS = ("F6C3A0", "FBE3CF", "F2F2F2", "D6E5F3", "A9C8E6")
NO_SCORE_COLOUR = "FFFFFF"
ANSWER_COLOURS = {
    AnswerValue.OP_ORDE: "E4F1DC",
    AnswerValue.NIET_OP_ORDE: "FBE3CF",
    None: "FFFFFF",
}


def percent(score: float | None) -> str:
    """Whole percent exactly as the spider prints it; a dash where there is no score."""
    return NO_SCORE if score is None else format_percent(score)


def score_class(score: float | None) -> int | None:
    """0–24, 25–49, 50–74, 75–99, 100 → 0..4; None without a score."""
    if score is None:
        return None
    if score >= 100.0:
        return 4
    return min(3, int(score // 25))


def score_colour(score: float | None) -> str:
    index = score_class(score)
    return NO_SCORE_COLOUR if index is None else SCORE_COLOURS[index]


def plain_name(gemeente: str) -> str:
    """'Aldermeer' also when typed as 'Gemeente Aldermeer': templates say 'de gemeente …'."""
    name = " ".join(gemeente.split())
    return name[9:] if name.lower().startswith("gemeente ") and len(name) > 9 else name


def owner(gemeente: str) -> str:
    """'Gemeente Aldermeer' for the title, without doubling a name that already says so."""
    name = gemeente.strip()
    return name if name.lower().startswith(("gemeente ", "regio ")) else f"Gemeente {name}"


def organisations(scan: Scan) -> list[str]:
    """The participants' organisations, each once, in the order they were entered."""
    seen: dict[str, None] = {}
    for participant in scan.participants:
        name = participant.organisatie.strip()
        if name and name.casefold() not in {s.casefold() for s in seen}:
            seen[name] = None
    return list(seen)


@dataclass(frozen=True, slots=True)
class Counts:
    total: int
    op_orde: int
    niet_op_orde: int

    @property
    def open(self) -> int:
        return self.total - self.op_orde - self.niet_op_orde


def counts(questionnaire: Questionnaire, scan: Scan) -> Counts:
    values = [scan.answer(q.number).value for q in questionnaire.questions]
    return Counts(
        total=len(values),
        op_orde=sum(v is AnswerValue.OP_ORDE for v in values),
        niet_op_orde=sum(v is AnswerValue.NIET_OP_ORDE for v in values),
    )


def lowest_standards(
    questionnaire: Questionnaire, scores: tuple[StandardScore, ...], count: int = 3
) -> list[StandardScore]:
    """The `count` lowest scores below 100 %, plus any tied with the last, so none is arbitrary.

    The rule lives in domain.guidance.most_room, shared with the results page.
    """
    from zelfscan_app.domain.guidance import most_room

    return list(most_room(scores, count))


def score_line(questionnaire: Questionnaire, score: StandardScore) -> dict[str, object]:
    standard = questionnaire.standard(score.standard)
    return {
        "nummer": standard.number,
        "titel": standard.short_title,
        "score": percent(score.score),
        "telling": f"{score.op_orde} van {score.answered} "
        f"{'vraag' if score.answered == 1 else 'vragen'} op orde",
        "op_orde": score.op_orde,
        "beantwoord": f"{score.answered} van {score.total}",
        "kleur": score_colour(score.score),
    }


def scan_basics(questionnaire: Questionnaire, scan: Scan, today: date) -> dict[str, object]:
    """Values shared by the plan and the findings report."""
    scores = standard_scores(questionnaire, scan.values)
    c = counts(questionnaire, scan)
    people = len(scan.participants)
    return {
        "gemeente": plain_name(scan.gemeente),
        "eigenaar": owner(scan.gemeente),
        "regio": scan.regio or NO_SCORE,
        "datum": dutch_date(scan.datum),
        "soort": scan.soort.value,
        "meting": f"{scan.soort.value.capitalize()} van {dutch_date(scan.datum)}",
        "meting_kort": f"{scan.soort.value} {dutch_date(scan.datum)}",
        "gespreksleider": scan.facilitator or NO_SCORE,
        "gespreksleider_naam": scan.facilitator,
        "deelnemers": people,
        "organisaties": organisations(scan),
        "vragenlijst": f"{questionnaire.title}, versie {scan.questionnaire_version}",
        "vandaag": dutch_date(today),
        "vragen_totaal": c.total,
        "vragen_op_orde": c.op_orde,
        "vragen_niet_op_orde": c.niet_op_orde,
        "vragen_open": c.open,
        "scores": [score_line(questionnaire, s) for s in scores],
        "laagste": [score_line(questionnaire, s) for s in lowest_standards(questionnaire, scores)],
    }


def spider_description(questionnaire: Questionnaire, scan: Scan) -> str:
    """Alt text: the scores in words, for a screen reader."""
    parts = [
        f"{questionnaire.standard(s.standard).short_title} {percent(s.score)}"
        for s in standard_scores(questionnaire, scan.values)
    ]
    return f"Spindiagram met de score per kwaliteitsstandaard: {'; '.join(parts)}."
