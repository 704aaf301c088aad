"""The regional picture: per standard mean/min/max/n, per question 'x van y gemeenten op orde'.

Means are over the municipal scores that exist: a municipality without a score for a standard
does not count as 0 there, it simply is not in that standard's n.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue
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
    """The JSON contract data analysts rely on (PRODUCT.md): extend it, never rename it."""

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
