"""Publishing and backups (issue 16.3 and 16.7) against plain baselines in the same run.

- publish: seconds per scan published from a laptop's SQLite file into a region's database
  that already holds thousands of scans (every check of the import rules, plan and wheel
  answers included), against storing the same scans with `repository.add_scan` alone.
- backup: the start-up backup of a database holding thousands of scans through SQLite's
  online backup API (with the "unchanged?" comparison against the newest copy), against
  copying the database file with shutil (which would miss the WAL; a floor, not an option).
- backup skipped: the same when nothing changed (every start of an unchanged database).
"""

from __future__ import annotations

import shutil
import statistics
import time
from dataclasses import replace
from pathlib import Path

from common import Result, median_time


def measure(questionnaire, folder: Path, filled: int, batch: int, repeat: int) -> list[Result]:
    from bench_import import _fill
    from common import region_scans

    from zelfscan_app.domain.scan import Action
    from zelfscan_app.services import actions as actions_svc
    from zelfscan_app.services import backup as backups
    from zelfscan_app.services import scans as svc
    from zelfscan_app.services.publish import PublishStatus, publish_scans
    from zelfscan_app.storage import repository as repo
    from zelfscan_app.storage.database import Database

    folder.mkdir(parents=True, exist_ok=True)
    region = Database(f"sqlite:///{folder / 'regio.sqlite'}")
    plain = Database(f"sqlite:///{folder / 'kaal.sqlite'}")
    laptop = Database(f"sqlite:///{folder / 'laptop.sqlite'}")
    _fill(region, questionnaire, filled)
    _fill(plain, questionnaire, filled)
    templates = region_scans(questionnaire, batch)
    ours: list[float] = []
    base: list[float] = []
    for round_ in range(repeat):
        fresh = [
            replace(s, gemeente=f"Publiceer {round_:02d}{i:04d}") for i, s in enumerate(templates)
        ]
        ids = [svc.create_scan(laptop, s) for s in fresh]
        for scan_id in ids:
            actions_svc.save_action(laptop, scan_id, Action(standard=1, maatregel="Overleg"))
        start = time.perf_counter()
        report = publish_scans(laptop, region.url, ids, target=region)
        ours.append((time.perf_counter() - start) / len(ids))
        assert all(r.status is PublishStatus.PUBLISHED for r in report.results)
        start = time.perf_counter()
        for scan in fresh:
            with plain.session() as session:
                repo.add_scan(session, scan)
        base.append((time.perf_counter() - start) / len(fresh))
    results = [
        Result(
            f"publish: per scan into {filled} scans",
            statistics.median(ours),
            statistics.median(base),
            "s",
            "≤ 4×",
            "add_scan alone",
        )
    ]
    laptop.dispose()
    plain.dispose()

    # Backups of the region-sized database (as big as a laptop's ever gets).
    file = region.file
    assert file is not None
    with region.engine.begin() as conn:  # the file copy must see everything, too
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    copies = folder / "kopie"
    copies.mkdir()

    def file_copy() -> None:
        shutil.copyfile(file, copies / "kopie.sqlite")

    backups.make_backup(region)
    times = []
    for n in range(repeat):
        svc.set_duiding(region, 1, f"versie {n}")  # something changed since the last copy
        start = time.perf_counter()
        made = backups.make_backup(region)
        times.append(time.perf_counter() - start)
        assert made is not None
    taken = statistics.median(times)
    copied = median_time(file_copy, repeat)
    skipped = median_time(lambda: backups.make_backup(region), repeat)
    region.dispose()
    size = file.stat().st_size / 1e6
    return [
        *results,
        Result(
            f"backup at start-up ({filled} scans, {size:.0f} MB)",
            taken,
            copied,
            "s",
            "≤ 4×",
            "shutil file copy",
        ),
        Result(
            f"backup skipped, unchanged ({filled} scans)",
            skipped,
            copied,
            "s",
            "info",
            "shutil file copy",
        ),
    ]
