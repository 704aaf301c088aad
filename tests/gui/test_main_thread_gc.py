"""Python's cycle collector runs on the GUI thread only (gui/main_thread_gc.py): a worker
thread that frees a cycle holding a Qt object of the GUI thread crashes the process."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot


def test_the_app_switches_automatic_collection_off() -> None:
    code = (
        "import gc; from zelfscan_app.gui.app import create_app; "
        "app = create_app(); print(gc.isenabled())"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_a_busy_worker_thread_never_collects_and_the_gui_thread_does(qtbot: QtBot) -> None:
    collecting: list[int] = []

    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collecting.append(threading.get_ident())

    gc.callbacks.append(record)
    try:

        def allocate() -> None:  # far past every threshold, as an import of many files is
            for _ in range(100_000):
                cycle: list[object] = []
                cycle.append(cycle)

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert collecting == [], "no collection in the worker thread"

        holder = QObject()
        holder.setProperty("x", 1)
        box: list[object] = [holder]
        box.append(box)  # a cycle that holds a Qt object of this (the GUI) thread
        gone = weakref.ref(box[0])  # type: ignore[arg-type]
        del holder, box
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)
    finally:
        gc.callbacks.remove(record)
    assert collecting and set(collecting) == {threading.main_thread().ident}
