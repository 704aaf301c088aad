"""Two facilitators at once on one PostgreSQL database, as two processes (not threads)."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

from tests.live.conftest import a_scan
from zelfscan_app.domain.history import Editor
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.services import scans as svc
from zelfscan_app.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]
ITERATIONS = 60


def test_two_writer_processes_lose_nothing_and_the_later_write_wins(
    pg_schema_url: str, questionnaire, tmp_path: Path
) -> None:
    db = Database(pg_schema_url)
    scan_id = svc.create_scan(db, a_scan(questionnaire))
    start = tmp_path / "start"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.live.writer_process",
                pg_schema_url,
                str(scan_id),
                name,
                str(ITERATIONS),
                str(start),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("A", "B")
    ]
    start.touch()
    for writer in writers:
        _out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err

    shared = svc.answer_history(db, scan_id, question=1)
    # every change recorded, none lost: 2 × ITERATIONS texts, all distinct
    assert sorted(e.new.toelichting for e in shared) == sorted(
        f"{name}-{i}" for name in "AB" for i in range(ITERATIONS)
    )
    # in order: each writer's changes in the order it made them, each row's 'old' is the
    # previous row's 'new' (no change was made from a stale answer)
    for name in "AB":
        mine = [e.new.toelichting for e in shared if e.editor.user == name]
        assert mine == [f"{name}-{i}" for i in range(ITERATIONS)]
        assert {e.editor for e in shared if e.editor.user == name} == {
            Editor(name, f"werkplek-{name}")
        }
    assert shared[0].old.toelichting == ""
    for before, after in itertools.pairwise(shared):
        assert after.old == before.new
        assert after.changed_at >= before.changed_at
    # the later write wins: what is stored is the last change's result
    stored = svc.get_scan(db, scan_id)
    assert stored.answer(1).toelichting == shared[-1].new.toelichting
    # both interleaved (a real race, not one after the other) — at least one switch of writer
    switches = sum(1 for a, b in itertools.pairwise(shared) if a.editor != b.editor)
    assert switches >= 1
    # each writer's own question: all changes kept, last one stored
    last = AnswerValue.OP_ORDE if (ITERATIONS - 1) % 2 == 0 else AnswerValue.NIET_OP_ORDE
    for question in (10, 20):
        assert len(svc.answer_history(db, scan_id, question=question)) == ITERATIONS
        assert stored.answer(question).value is last
    db.dispose()
