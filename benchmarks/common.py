"""Shared pieces of the benchmarks: timing, the result record, and generated data."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from random import Random


@dataclass(frozen=True)
class Result:
    measure: str
    ours: float
    baseline: float
    unit: str
    goal: str
    baseline_name: str

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "ratio": round(self.ratio, 3)}


def median_time(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def region_scans(questionnaire, count: int, seed: int = 342):
    """`count` complete municipal scans with varied answers (a whole country at 342)."""
    from zelfscan_app.domain.scan import Answer, AnswerValue, Scan, SoortMeting

    rng = Random(seed)
    scans = []
    for i in range(count):
        strength = rng.uniform(0.2, 0.95)
        answers = tuple(
            Answer(
                q.number,
                AnswerValue.OP_ORDE if rng.random() < strength else AnswerValue.NIET_OP_ORDE,
                f"Toelichting bij vraag {q.number} van gemeente {i}: besproken in het team.",
            )
            for q in questionnaire.questions
        )
        scans.append(
            Scan(
                gemeente=f"Gemeente {i:03d}",
                regio=f"Regio {i % 25:02d}",
                datum=date(2026, 1, 1) + timedelta(days=i % 300),
                soort=SoortMeting.NULMETING,
                questionnaire_id=questionnaire.id,
                questionnaire_version=questionnaire.version,
                facilitator="Benchmark",
                answers=answers,
            )
        )
    return scans
