"""The answer history's cost on the facilitator's own SQLite path, and the poll's cost.

- one answer change with its history row (`services.scans.set_answer`) against the same
  change without one (`repository.update_answer` in one unit of work: what set_answer did
  before the history), interleaved, median per change;
- the shared-database poll ('anything after history id N?', nothing new, on a scan with a
  long history) against the cheapest round trip the same Database makes (`SELECT 1`).
"""

from __future__ import annotations

import statistics
import time

from common import Result
from sqlalchemy import text


def measure(db, scan_id: int, repeat: int) -> list[Result]:
    from zelfscan_app.domain.scan import AnswerValue
    from zelfscan_app.services import scans as svc
    from zelfscan_app.storage import repository as repo

    values = (AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE)
    ours: list[float] = []
    base: list[float] = []
    for i in range(repeat * 20):
        question = 1 + i % 31
        start = time.perf_counter()
        svc.set_answer(db, scan_id, question, values[0])  # always a real change:
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        with db.session() as session:
            repo.update_answer(session, scan_id, question, value=values[1])  # back
        base.append(time.perf_counter() - start)

    for i in range(2000 if repeat > 1 else 50):  # a long meeting's worth of text autosaves
        svc.set_text(db, scan_id, 1 + i % 31, "toelichting", f"versie {i}")
    last = svc.last_change(db, scan_id)
    poll: list[float] = []
    ping: list[float] = []
    for _ in range(repeat * 20):
        start = time.perf_counter()
        svc.changes_since(db, scan_id, last)
        poll.append(time.perf_counter() - start)
        start = time.perf_counter()
        with db.session() as session:
            session.execute(text("SELECT 1"))
        ping.append(time.perf_counter() - start)
    return [
        Result(
            "history: answer change + history row",
            statistics.median(ours),
            statistics.median(base),
            "s",
            "≤ 1.5×",
            "the same change without history",
        ),
        Result(
            "history: poll 'changed since' (no news)",
            statistics.median(poll),
            statistics.median(ping),
            "s",
            "≤ 3×",
            "SELECT 1 through the same Database",
        ),
    ]
