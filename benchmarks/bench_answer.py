"""Answer latency: key `1` on a question → committed and repainted (benchmarks/answer_probe.py)."""

from __future__ import annotations

from pathlib import Path

from common import Result
from probes import Probes

PROBE = Path(__file__).with_name("answer_probe.py")


def empty_scan(db, questionnaire) -> int:
    """A fresh, unanswered scan to answer (as a facilitator's new session)."""
    from datetime import date

    from zelfscan_app.domain.scan import Scan, SoortMeting
    from zelfscan_app.services.scans import create_scan

    scan = Scan(
        gemeente="Gemeente Sneltoets",
        regio="Benchmark",
        datum=date(2026, 3, 1),
        soort=SoortMeting.NULMETING,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
    )
    return create_scan(db, scan)


def measure(probes: Probes, url: str, scan_id: int, count: int) -> list[Result]:
    seen = probes.run(PROBE, url, str(scan_id), str(count))
    baseline = "sqlite3 commit (WAL, FULL)"
    return [
        Result(
            "answer: key 1 → stored, shown (median)",
            seen["answer_median:value"],
            seen["commit_median:value"],
            "s",
            "≤ 30 ms",
            baseline,
        ),
        Result(
            "answer: key 1 → stored, shown (p95)",
            seen["answer_p95:value"],
            seen["commit_p95:value"],
            "s",
            "info",
            baseline,
        ),
    ]
