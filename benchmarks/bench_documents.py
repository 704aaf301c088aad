"""Word documents: the plan van aanpak of one municipality and the regional report of all.

Warm figures (in this process, after a first call) are what the GUI sees from its second export
on; `zelfscan plan` in a fresh process shows the first-use cost (imports of python-docx and
matplotlib included) against a fresh process that only imports python-docx and saves, and
against one that only imports the libraries the command needs (the floor of any cold run).
The baseline is python-docx saving an empty Document(), measured the same way.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

from common import Result, median_time


def _empty_docx() -> None:
    import docx

    docx.Document().save(BytesIO())


def _wall(args: list[str], repeat: int, pycache: Path | None) -> float:
    """Median wall time of a fresh process, after one uncounted run.

    With compiled bytecode, as an installed app has it (pip and the frozen bundle compile
    every module): a development shell with PYTHONDONTWRITEBYTECODE=1 would otherwise make
    every run compile the app's modules from source. The uncounted run fills the cache.
    `pycache` None (the quick run): the usual, warm caches and no uncounted run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if pycache is not None:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
        subprocess.run(args, check=True, capture_output=True, env=env)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(db, questionnaire, folder: Path, repeat: int, *, quick: bool = False) -> list[Result]:
    from zelfscan_app.services import documents, region
    from zelfscan_app.services.scans import list_scans

    folder.mkdir(parents=True, exist_ok=True)
    ids = [item.id for item in list_scans(db)]
    plan_out, region_out = folder / "plan.docx", folder / "regio.docx"
    report = region.RegionReport(region.load_region(db, questionnaire, scan_ids=ids), seed=1)

    def plan() -> None:
        documents.write_plan(db, questionnaire, ids[0], plan_out)

    def regional() -> None:
        region.write_document(report, region_out)

    plan()  # imports and template caches warm
    regional()
    _empty_docx()
    empty = median_time(_empty_docx, repeat)
    cli = str(Path(sys.executable).with_name("zelfscan"))
    times = min(3, repeat)
    db.dispose()  # the command is another process: the database must be free for it
    pycache = None if quick else folder / "pycache"
    command = [cli, "--database", db.url, "plan", str(ids[0]), "--out", str(plan_out)]
    cold = _wall(command, times, pycache)
    empty_save = "import io, docx; docx.Document().save(io.BytesIO())"
    cold_empty = _wall([sys.executable, "-c", empty_save], times, pycache)
    # The floor under the 1-second goal: only importing what the command cannot do without
    # (SQLAlchemy's ORM for the database, pydantic for the questionnaire, docxtpl for the
    # template, PyYAML), in a fresh process, before any work.
    libraries = "import sqlalchemy.orm, pydantic, docxtpl, yaml"
    cold_libraries = _wall([sys.executable, "-c", libraries], times, pycache)
    return [
        Result(
            "documents: plan van aanpak (1 gemeente)",
            median_time(plan, repeat),
            empty,
            "s",
            "≤ 0.5 s",
            "python-docx empty Document()",
        ),
        Result(
            "documents: regional report (342)",
            median_time(regional, max(1, repeat // 2)),
            empty,
            "s",
            "≤ 2 s",
            "python-docx empty Document()",
        ),
        Result(
            "documents: `zelfscan plan`, fresh process",
            cold,
            cold_empty,
            "s",
            "≤ 1 s",
            "python -c docx empty save",
        ),
        Result(
            "documents: `zelfscan plan` vs its libraries' import",
            cold,
            cold_libraries,
            "s",
            "info",
            "python -c import sqlalchemy.orm, pydantic, docxtpl, yaml",
        ),
    ]
