"""One facilitator's workstation for the concurrency test, run as its own process:
`python -m tests.live.writer_process URL SCAN_ID NAME ITERATIONS START_FILE`.

Waits for START_FILE (so both writers begin together), then changes the shared question 1 and
its own question in turn, each change committed with its history row.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from zelfscan_app.domain.history import Editor
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.services import scans as svc
from zelfscan_app.storage.database import Database


def main() -> int:
    url, scan_id, name, iterations, start = sys.argv[1:6]
    db = Database(url)
    svc.set_editor(db, Editor(name, f"werkplek-{name}"))
    deadline = time.monotonic() + 60
    while not Path(start).exists():  # both processes start at the same moment
        if time.monotonic() > deadline:
            return 2
        time.sleep(0.01)
    own_question = 10 if name == "A" else 20
    for i in range(int(iterations)):
        svc.set_text(db, int(scan_id), 1, "toelichting", f"{name}-{i}")
        value = AnswerValue.OP_ORDE if i % 2 == 0 else AnswerValue.NIET_OP_ORDE
        svc.set_answer(db, int(scan_id), own_question, value)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
