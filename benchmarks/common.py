"""Shared pieces of the benchmarks: timing, the result record, and generated data."""

from __future__ import annotations

import re
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

    @property
    def met(self) -> bool | None:
        """The goal checked: '≤ 1.5×' on the ratio, '≤ 30 ms' / '≤ 2 s' / '≤ 300 MB' on ours."""
        found = re.fullmatch(r"≤ ([\d.]+) ?(×|ms|s|MB)", self.goal)
        if not found:
            return None  # 'info': shown for context, no goal
        limit, unit = float(found[1]), found[2]
        if unit == "×":
            return self.ratio <= limit
        scale = {"ms": 1e-3, "s": 1.0, "MB": 1.0}[unit]
        return self.ours <= limit * scale

    def show(self, value: float) -> str:
        if self.unit == "MB":
            return f"{value:.0f} MB"
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "ratio": round(self.ratio, 3), "met": self.met}


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
