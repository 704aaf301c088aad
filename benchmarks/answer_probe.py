"""Started as a subprocess by the answer-latency benchmark; prints figures on stdout.

    answer_probe.py URL SCAN_ID COUNT

Opens the (unanswered) scan in the real main window, then COUNT times: go to a question, make
sure it has no answer (untimed), and time a key press `1` → the shortcut's answer committed
(SQLite WAL, synchronous=FULL) → every posted event handled, i.e. the navigator mark, the
progress bars and 'opgeslagen' repainted. The baseline, in the same process on the same file:
the same answer written with the bare sqlite3 module (one UPDATE of the answer and of the
scan's timestamp, one commit), which is the floor any durable answer costs on this disk.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from datetime import datetime


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def say(name: str, values: list[float]) -> None:
    print(f"{name}_median {statistics.median(values)}", flush=True)
    print(f"{name}_p95 {percentile(values, 95)}", flush=True)


def sqlite_commits(path: str, scan_id: int, questions: list[int], count: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    times = []
    for i in range(count):
        question = questions[i % len(questions)]
        stamp = datetime.now().isoformat(" ")
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute(
            "UPDATE answers SET value = ?, updated_at = ? WHERE scan_id = ? AND question = ?",
            ("Op orde" if i % 2 else "Niet op orde", stamp, scan_id, question),
        )
        conn.execute("UPDATE scans SET updated_at = ? WHERE id = ?", (stamp, scan_id))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def main() -> None:
    url, scan_id, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from zelfscan_app.gui.app import launch

    _app, window = launch(url)
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    deadline = time.perf_counter() + 30
    while window.db is None or window._questionnaire is None:
        # Not QTest.qWait: it keeps the GIL, starving the start-up's warm-up thread.
        QApplication.processEvents()
        time.sleep(0.005)
        if time.perf_counter() > deadline:
            raise SystemExit("the database or the questionnaire did not open")
    if not window.open_scan(scan_id):
        raise SystemExit(f"scan {scan_id} did not open")
    widget = window.session_widget
    session = widget.session
    order = list(session.order)
    times = []
    for i in range(count):
        question = order[i % len(order)]
        widget.go_to(question)
        if session.answer(question).value is not None:
            session.set_value(None)
        widget.focus_question()
        QApplication.processEvents()
        target = QApplication.focusWidget() or widget.question
        start = time.perf_counter()
        QTest.keyClick(target, Qt.Key.Key_1)
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
        if session.answer(question).value is None or session.autosave.last_saved != (
            question,
            "value",
        ):
            raise SystemExit(f"key 1 on question {question} was not stored")
    say("answer", times)
    path = window.db.engine.url.database
    say("commit", sqlite_commits(path, scan_id, order, count))
    window.close()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 can crash there, after the figures


if __name__ == "__main__":
    main()
