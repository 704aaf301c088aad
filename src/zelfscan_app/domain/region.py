"""The regional picture: per standard mean/min/max/n, per question 'x van y gemeenten op orde'.

Means are over the municipal scores that exist: a municipality without a score for a standard
does not count as 0 there, it simply is not in that standard's n.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from statistics import fmean

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue, Scan, SoortMeting
from zelfscan_app.domain.scoring import Values, standard_scores


@dataclass(frozen=True, slots=True)
class Municipality:
    """One municipality's contribution to a regional merge."""

    name: str
    values: Values


@dataclass(frozen=True, slots=True)
class StandardSummary:
    standard: int
    scores: tuple[float, ...]  # in the order of RegionSummary.municipalities, gaps left out

    @property
    def n(self) -> int:
        return len(self.scores)

    @property
    def mean(self) -> float | None:
        return fmean(self.scores) if self.scores else None

    @property
    def min(self) -> float | None:
        return min(self.scores) if self.scores else None

    @property
    def max(self) -> float | None:
        return max(self.scores) if self.scores else None


@dataclass(frozen=True, slots=True)
class QuestionSummary:
    question: int
    op_orde: int
    answered: int
    municipalities: int

    @property
    def text(self) -> str:
        return f"{self.op_orde} van {self.answered} gemeenten op orde"


@dataclass(frozen=True, slots=True)
class RegionSummary:
    questionnaire_id: str
    questionnaire_version: str
    municipalities: tuple[str, ...]
    standards: tuple[StandardSummary, ...]
    questions: tuple[QuestionSummary, ...]
    per_municipality: Mapping[str, Mapping[int, float | None]]
    warnings: tuple[str, ...] = ()

    def standard(self, number: int) -> StandardSummary:
        return next(s for s in self.standards if s.standard == number)

    def question(self, number: int) -> QuestionSummary:
        return next(q for q in self.questions if q.question == number)


def summarize_region(
    questionnaire: Questionnaire,
    municipalities: Sequence[Municipality],
    *,
    questions: Iterable[int] | None = None,
    warnings: Iterable[str] = (),
) -> RegionSummary:
    """Merge municipal answers; `questions` restricts to the common ones of mixed versions."""
    asked = set(questionnaire.question_numbers if questions is None else questions)
    per_muni: dict[str, dict[int, float | None]] = {}
    for muni in municipalities:
        values = {k: v for k, v in muni.values.items() if k in asked}
        per_muni[muni.name] = {s.standard: s.score for s in standard_scores(questionnaire, values)}
    standards = tuple(
        StandardSummary(
            s.number,
            tuple(
                score for scores in per_muni.values() if (score := scores.get(s.number)) is not None
            ),
        )
        for s in questionnaire.standards
    )
    question_summaries = tuple(
        QuestionSummary(
            question=q.number,
            op_orde=sum(m.values.get(q.number) is AnswerValue.OP_ORDE for m in municipalities),
            answered=sum(m.values.get(q.number) is not None for m in municipalities),
            municipalities=len(municipalities),
        )
        for q in questionnaire.questions
        if q.number in asked
    )
    return RegionSummary(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        municipalities=tuple(m.name for m in municipalities),
        standards=standards,
        questions=question_summaries,
        per_municipality=per_muni,
        warnings=tuple(warnings),
    )


def summary_json(summary: RegionSummary) -> dict[str, object]:
    """The JSON contract data analysts rely on (docs/json-summary.md): extend, never rename."""

    def rounded(x: float | None) -> float | None:
        return None if x is None else round(x, 1)

    data: dict[str, object] = {
        "questionnaire": {
            "id": summary.questionnaire_id,
            "version": summary.questionnaire_version,
        },
        "municipalities": len(summary.municipalities),
        "standards": {
            str(s.standard): {
                "mean": rounded(s.mean),
                "min": rounded(s.min),
                "max": rounded(s.max),
                "n": s.n,
            }
            for s in summary.standards
        },
        "questions": {
            str(q.question): {"op_orde": q.op_orde, "answered": q.answered}
            for q in summary.questions
        },
    }
    if summary.warnings:
        data["warnings"] = list(summary.warnings)
    return data


# Selection and anonymisation --------------------------------------------------------------


def latest_per_municipality(scans: Iterable[Scan], soort: SoortMeting | None = None) -> list[Scan]:
    """The newest scan of each municipality (optionally of one soort meting), by name."""
    latest: dict[str, Scan] = {}
    for scan in scans:
        if soort is not None and scan.soort is not soort:
            continue
        key = scan.gemeente.casefold()
        current = latest.get(key)
        if current is None or (scan.datum, scan.id or 0) > (current.datum, current.id or 0):
            latest[key] = scan
    return sorted(latest.values(), key=lambda s: s.gemeente.casefold())


#: Below this many municipalities an anonymised output shows no scores at all (no mean, no
#: spread, no per-question counts), only how many municipalities took part: with one
#: municipality 'the regional average' is its own score, with three "1 van 3" points at someone.
MIN_GROUP_SIZE = 5


def letter_code(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: enough codes for all 342 municipalities."""
    code = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        code = chr(ord("A") + rest) + code
    return code


def anonymous_names(names: Iterable[str], seed: int) -> dict[str, str]:
    """Map each name to 'Gemeente A', 'Gemeente B', ... in an order that leaks nothing.

    The order is shuffled with `seed` (alphabetical order would hint at who is who); the same
    seed gives the same mapping, so one report stays consistent across its views and exports.
    """
    import random

    unique = sorted(set(names))
    random.Random(seed).shuffle(unique)
    return {name: f"Gemeente {letter_code(i)}" for i, name in enumerate(unique)}


@dataclass(frozen=True, slots=True)
class Disclosure:
    """What a regional output may show, given anonymity and the group size."""

    anonymous: bool
    min_group_size: int
    municipalities: int

    @property
    def suppressed(self) -> bool:
        """True: no scores at all may be shown, only the number of municipalities."""
        return self.anonymous and self.municipalities < self.min_group_size

    @property
    def reason(self) -> str:
        if not self.suppressed:
            return ""
        word = "gemeente" if self.municipalities == 1 else "gemeenten"
        return (
            f"Geanonimiseerd met {self.municipalities} {word}: minder dan "
            f"{self.min_group_size}, daarom geen scores (ook geen regionaal gemiddelde), geen "
            "spreiding en geen aantallen per vraag, alleen hoeveel gemeenten meededen; anders "
            "zouden ze naar afzonderlijke gemeenten wijzen."
        )


def withhold_scores(summary: RegionSummary) -> RegionSummary:
    """The summary with every score removed: what an output below the group size may hold.

    Standards keep their numbers with no scores (mean, min and max are None, n is 0), questions
    keep their numbers with zero counts, nothing is kept per municipality. An output built from
    this cannot print a score even if it forgot to ask the disclosure.
    """
    return replace(
        summary,
        standards=tuple(StandardSummary(s.standard, ()) for s in summary.standards),
        questions=tuple(QuestionSummary(q.question, 0, 0, 0) for q in summary.questions),
        per_municipality={},
    )


def anonymised_summary_json(summary: RegionSummary, disclosure: Disclosure) -> dict[str, object]:
    """The JSON contract with anonymity applied; names never appear in it anyway.

    Below the minimum group size every key stays (data analysts' scripts keep working) but holds
    no number: mean, min, max and n are null, `questions` is empty, `suppressed` says why.
    """
    if disclosure.suppressed:
        summary = withhold_scores(summary)
    data = summary_json(summary)
    data["anonymised"] = disclosure.anonymous
    if disclosure.suppressed:
        standards = data["standards"]
        assert isinstance(standards, dict)  # summary_json's contract
        for entry in standards.values():
            entry.update(mean=None, min=None, max=None, n=None)
        data["questions"] = {}
        data["suppressed"] = disclosure.reason
    return data
