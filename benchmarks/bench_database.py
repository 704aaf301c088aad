"""Opening the scan list of a whole country (342 scans × 31 answers)."""

from __future__ import annotations

import sqlite3

from common import Result, median_time


def fill(db, questionnaire, count: int) -> None:
    from common import region_scans

    from zelfscan_app.storage.repository import add_scan

    with db.session() as session:
        for scan in region_scans(questionnaire, count):
            add_scan(session, scan)


def measure(db, repeat: int) -> list[Result]:
    from zelfscan_app.services.scans import list_scans

    path = db.engine.url.database

    def raw() -> None:
        conn = sqlite3.connect(path)
        conn.execute(
            "SELECT s.*, (SELECT count(*) FROM answers a WHERE a.scan_id = s.id"
            " AND a.value IS NOT NULL) FROM scans s WHERE s.deleted_at IS NULL"
        ).fetchall()
        conn.close()

    ours = median_time(lambda: list_scans(db), repeat)
    baseline = median_time(raw, repeat)
    return [
        Result("database: scan list (342 × 31)", ours, baseline, "s", "≤ 100 ms", "raw sqlite3")
    ]
