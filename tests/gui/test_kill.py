"""Nothing acknowledged is lost: the real window is killed (SIGKILL) at random moments.

A driver (session_driver.py) answers and types through the real main window and prints
`ACK` only after the window showed 'opgeslagen'. After each kill the database must hold every
acknowledged change; a change that was started but not acknowledged may or may not be there.

Six rounds, each a fresh driver process on the same database (a round costs a Qt start-up).
The kill moments are spread on purpose rather than drawn blindly: the driver is killed after
1, 2 or 3 acknowledgements (twice each, so early and later in a session, when earlier rounds'
answers are already on file), and at a delay drawn from its own sixth of 0–0.4 s (right
after an acknowledgement, while the next change is typed or its autosave is pending, and
in a pause). Sixteen blind rounds repeated the same proof; these six cover every kind of
moment once and still add up to at least six acknowledged changes checked after a kill.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from zelfscan_app.domain.scan import AnswerValue, Scan, SoortMeting
from zelfscan_app.services import scans as svc
from zelfscan_app.storage.database import Database

DRIVER = Path(__file__).with_name("session_driver.py")
ROUNDS = 6
MAX_DELAY_S = 0.4  # kill moments after the awaited acknowledgement: 0 … 0.4 s
VALUES = {"op": AnswerValue.OP_ORDE, "niet": AnswerValue.NIET_OP_ORDE, "leeg": None}


def _run_round(
    url: str, scan_id: int, seed: int, settings: Path, min_acks: int, kill_after: float
) -> list[str]:
    """Run the driver until it acknowledged `min_acks` changes, then kill it `kill_after` s later.

    The kill moment depends on progress, not on the clock, so a busy machine (fewer
    acknowledgements per second) still yields rounds that prove something.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZELFSCAN_SETTINGS=str(settings))
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), url, str(scan_id), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    lines: list[str] = []
    ready = threading.Event()
    acked = threading.Event()

    def read() -> None:
        acks = 0
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("READY"):
                ready.set()
            elif line.startswith("ACK"):
                acks += 1
                if acks >= min_acks:
                    acked.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        # Generous bounds that only catch a hung driver; a slow machine just takes longer.
        assert ready.wait(120), "the driver did not start"
        assert acked.wait(120), f"the driver acknowledged fewer than {min_acks} changes"
        time.sleep(kill_after)  # a random moment after the last acknowledgement we waited for
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        reader.join(10)
    return lines


@pytest.mark.slow
def test_killed_session_loses_nothing_acknowledged(tmp_path: Path, questionnaire) -> None:
    url = f"sqlite:///{tmp_path / 'kill.sqlite'}"
    db = Database(url)
    scan_id = svc.create_scan(
        db,
        Scan(
            gemeente="Killdorp",
            regio="Testregio",
            datum=date(2026, 5, 1),
            soort=SoortMeting.NULMETING,
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
        ),
    )
    db.dispose()  # the driver is another process: it must find the database free
    rng = random.Random(20260501)
    known_value: dict[int, AnswerValue | None] = {}
    known_text: dict[int, str] = {}
    acks = 0
    started = time.monotonic()
    for round_number in range(ROUNDS):
        lines = _run_round(
            url,
            scan_id,
            rng.randrange(10**6),
            tmp_path / "settings.ini",
            min_acks=1 + round_number % 3,
            kill_after=rng.uniform(round_number, round_number + 1) * MAX_DELAY_S / ROUNDS,
        )
        assert not [line for line in lines if line.startswith("ERROR")], lines
        in_doubt_value: dict[int, AnswerValue | None] = {}
        in_doubt_text: dict[int, str] = {}
        for line in lines:
            kind, _, rest = line.partition(" ")
            if kind not in ("DO", "ACK"):
                continue
            what, question, payload = rest.split(" ", 2)
            question = int(question)
            if what == "value":
                value = VALUES[payload]
                if kind == "DO":
                    in_doubt_value[question] = value
                else:
                    known_value[question] = value
                    in_doubt_value.pop(question, None)
                    acks += 1
            else:
                text = json.loads(payload)
                if kind == "DO":
                    in_doubt_text[question] = text
                else:
                    known_text[question] = text
                    in_doubt_text.pop(question, None)
                    acks += 1
        stored = svc.get_scan(db, scan_id)
        db.dispose()  # free again for the next round's driver
        for question, value in known_value.items():
            got = stored.answer(question).value
            allowed = {value, in_doubt_value.get(question, value)}
            assert got in allowed, f"ronde {round_number}: vraag {question} {got} ∉ {allowed}"
        for question, text in known_text.items():
            got = stored.answer(question).toelichting
            # A text in doubt may be stored whole or partly typed (a debounced intermediate).
            doubt = in_doubt_text.get(question)
            ok = got == text or (doubt is not None and doubt.startswith(got))
            assert ok, f"ronde {round_number}: toelichting {question} {got!r} ≠ {text!r}"
        # What the database holds now is the truth the next round builds on.
        for question in in_doubt_value:
            known_value[question] = stored.answer(question).value
        for question in in_doubt_text:
            known_text[question] = stored.answer(question).toelichting
    db.dispose()
    print(f"{ROUNDS} rondes, {acks} bevestigde wijzigingen, {time.monotonic() - started:.1f} s")
    # Every round waited for at least one acknowledgement before its kill.
    assert acks >= ROUNDS, f"te weinig bevestigde wijzigingen ({acks}) om iets te bewijzen"
