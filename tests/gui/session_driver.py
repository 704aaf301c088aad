"""Drives the real main window like a facilitator, for the kill test (run as a subprocess).

    python session_driver.py DATABASE_URL SCAN_ID SEED

It opens the scan in the real window (offscreen), then forever: walks to a random question
with PgDown/PgUp, answers with the keys 1 / 2 / 0, or types a toelichting (with digits in it).
Before each change it prints `DO …`; only after the window shows 'opgeslagen' for exactly
that change it prints `ACK …`. The test kills this process with SIGKILL at a random moment
and checks that every acknowledged change is in the database.

Lines (stdout, flushed): READY | DO value Q V | ACK value Q V | DO text Q JSON | ACK text Q JSON
with V one of op / niet / leeg.
"""

from __future__ import annotations

import json
import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDeadlineTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.gui.app import create_app
from zelfscan_app.gui.main_window import MainWindow

KEYS = {"op": Qt.Key.Key_1, "niet": Qt.Key.Key_2, "leeg": Qt.Key.Key_0}
VALUES = {"op": AnswerValue.OP_ORDE, "niet": AnswerValue.NIET_OP_ORDE, "leeg": None}
SAVE_BOUND_MS = 60_000
WORDS = ("visie", "team", "afspraak", "12", "7", "meldcode", "0", "casus", "2026", "wijk")


def say(*parts: object) -> None:
    print(*parts, flush=True)


class Driver:
    def __init__(self, window: MainWindow, rng: random.Random) -> None:
        self.w = window
        self.rng = rng
        self.sw = window.session_widget
        self.session = self.sw.session

    def key(self, key: Qt.Key) -> None:
        target = QApplication.focusWidget() or self.sw.question
        QTest.keyClick(target, key)

    def go_to(self, question: int) -> None:
        self.sw.question.setFocus()
        for _ in range(80):
            on_question = self.sw.stack.currentWidget() is self.sw.question
            if on_question and self.session.current == question:
                return
            forward = question > self.session.current
            self.key(Qt.Key.Key_PageDown if forward else Qt.Key.Key_PageUp)
        raise RuntimeError(f"kon vraag {question} niet bereiken")

    def saved(self, question: int, what: str) -> bool:
        indicator = self.sw.header.indicator
        autosave = self.session.autosave
        return (
            indicator.state == "saved"
            and "Opgeslagen" in indicator.text()
            and autosave.last_saved == (question, what)
            and not autosave.has_pending
        )

    def answer(self) -> None:
        question = self.session.current
        choice = self.rng.choice(("op", "op", "niet", "niet", "leeg"))
        say("DO", "value", question, choice)
        self.sw.question.setFocus()
        self.key(KEYS[choice])
        if self.session.answer(question).value is VALUES[choice] and self.saved(question, "value"):
            say("ACK", "value", question, choice)

    def type_text(self) -> None:
        question = self.session.current
        before = self.session.answer(question).value
        editor = self.sw.question.editors["toelichting"]
        text = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(1, 4)))
        editor.setFocus()
        editor.selectAll()
        say("DO", "text", question, json.dumps(text))
        QTest.keyClicks(editor, text)
        # Until the window shows it saved (the autosave pause is ~0.4 s; a busy machine takes
        # longer, which only makes this change later, not unacknowledged).
        deadline = QDeadlineTimer(SAVE_BOUND_MS)
        while not self.saved(question, "toelichting"):
            if deadline.hasExpired():  # only a hung save ends up here: nothing to acknowledge
                return
            QTest.qWait(20)
        if editor.toPlainText() == text and self.session.answer(question).value is before:
            say("ACK", "text", question, json.dumps(text))
        else:
            say("ERROR digits typed in the text changed the answer")

    def run(self) -> None:
        numbers = self.session.order
        while True:
            self.go_to(self.rng.choice(numbers))
            if self.rng.random() < 0.7:
                self.answer()
            else:
                self.type_text()
            # A facilitator pauses too; a kill in a pause finds what 'opgeslagen' promised.
            QTest.qWait(self.rng.choice((0, 0, 30, 120, 250)))


def main() -> int:
    url, scan_id, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    app = create_app()
    window = MainWindow()
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    if not window.open_database(url):
        return 2
    if window.session_widget is None or window.session_widget.session.scan_id != scan_id:
        window.open_scan(scan_id)
    say("READY")
    Driver(window, random.Random(seed)).run()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
