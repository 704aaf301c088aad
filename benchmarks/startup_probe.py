"""Started as a subprocess by the start-up and memory benchmarks; prints milestones on stdout.

    startup_probe.py bare                 an empty QMainWindow (the baseline)
    startup_probe.py app URL ROWS         the real start-up (gui.app.launch, as `zelfscan` runs)
    startup_probe.py region URL ROWS      the real start-up, then the regional view of all scans

Milestones are printed when the event loop gets to them, so they include painting:
`visible`  the main window has been painted once;
`idle`     the scan list model holds ROWS rows, the table has painted them, events are done;
`settled`  the deferred start-up work is done too (database layer open, questionnaire read);
`region`   the regional view over every scan in the database has been painted;
`rss`      the peak resident set size of the process in kB, printed last.
"""

from __future__ import annotations

import sys
import time

T0 = time.perf_counter()


def milestone(name: str) -> None:
    print(f"{name} {time.perf_counter() - T0:.6f}", flush=True)


def peak_rss_kb() -> int:
    """VmHWM: the peak of this process image. (ru_maxrss would include the parent's pages
    from before the exec, which inflates a small process started by a big one.)"""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    class AfterPaint(QObject):
        """Calls back on the event-loop turn after `widget` was first painted."""

        def __init__(self, widget: QWidget, callback) -> None:
            super().__init__(widget)
            self._callback = callback
            widget.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, self._callback)
            return False

    def finish() -> None:
        print(f"rss {peak_rss_kb()}", flush=True)
        QApplication.instance().quit()

    if mode == "bare":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        AfterPaint(window, lambda: (milestone("visible"), finish()))
        window.show()
        app.exec()
        return

    url, rows = sys.argv[2], int(sys.argv[3])
    from zelfscan_app.gui.app import launch

    app, window = launch(url)
    AfterPaint(window, lambda: milestone("visible"))
    model = window.list_page.model
    state = {"idle": False}

    def rows_arrived(*_args) -> None:
        if model.rowCount() >= rows and not state.get("watching"):
            state["watching"] = True
            viewport = window.list_page.table.viewport()
            AfterPaint(viewport, idle)
            viewport.update()

    def idle() -> None:
        milestone("idle")
        state["idle"] = True

    model.modelReset.connect(rows_arrived)
    model.rowsInserted.connect(rows_arrived)
    rows_arrived()

    def settled() -> bool:
        return state["idle"] and window.db is not None and window._questionnaire is not None

    def open_region() -> None:
        window.show_region()
        view = window._region_view
        AfterPaint(view, lambda: (milestone("region"), finish()))
        view.source_combo.setCurrentIndex(view._index_of(("all",)))
        view.update()

    poll = QTimer()
    poll.setInterval(5)

    def check() -> None:
        if settled():
            poll.stop()
            milestone("settled")
            open_region() if mode == "region" else finish()

    poll.timeout.connect(check)
    poll.start()
    app.exec()


if __name__ == "__main__":
    main()
