"""Started as a subprocess by the start-up and memory benchmarks; prints milestones on stdout.

    startup_probe.py bare                 an empty QMainWindow (the baseline)
    startup_probe.py app URL ROWS         `zelfscan --database URL`, through the real entry point
    startup_probe.py region URL ROWS      the same, then the regional view of all scans

Milestones are printed when the event loop gets to them, so they include painting:
`visible`  the main window has been painted once;
`idle`     the scan list model holds ROWS rows (or its first page of ROWS), the table has painted
           them, events are done;
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


def after_paint(widget, callback) -> None:
    """Call back on the event-loop turn after `widget` was next painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class AfterPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, callback)
            return False

    widget.installEventFilter(AfterPaint(widget))


def finish() -> None:
    from PySide6.QtWidgets import QApplication

    print(f"rss {peak_rss_kb()}", flush=True)
    QApplication.instance().quit()


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    after_paint(window, lambda: (milestone("visible"), finish()))
    window.show()
    app.exec()


def watch(app, window, rows: int, region: bool) -> int:
    """Stands in for gui.app.run_gui: the same launch, then milestones instead of a user."""
    from PySide6.QtCore import QTimer

    after_paint(window, lambda: milestone("visible"))
    model = window.list_page.model
    state = {"watching": False, "idle": False}

    def rows_arrived(*_args) -> None:
        # A list read a page at a time is loaded when its first page is in and it knows it
        # has ROWS scans (gui/scan_list_model.py); an older one when it holds ROWS rows.
        counted = getattr(model, "scan_count", lambda: 0)() >= rows and model.rowCount() > 0
        if (model.rowCount() >= rows or counted) and not state["watching"]:
            state["watching"] = True
            viewport = window.list_page.table.viewport()
            after_paint(viewport, idle)
            viewport.update()

    def idle() -> None:
        milestone("idle")
        state["idle"] = True

    model.modelReset.connect(rows_arrived)
    model.rowsInserted.connect(rows_arrived)
    rows_arrived()

    def open_region() -> None:
        window.show_region()
        view = window._region_view
        after_paint(view, lambda: (milestone("region"), finish()))
        view.select_all()
        view.update()

    def check() -> None:
        if state["idle"] and window.db is not None and window._questionnaire is not None:
            poll.stop()
            milestone("settled")
            open_region() if region else finish()

    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(check)
    poll.start()
    return app.exec()


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        bare()
        return
    url, rows = sys.argv[2], int(sys.argv[3])
    # The real entry point, `zelfscan --database URL`, with this probe as its run_gui: patched
    # when the entry imports gui.app, so the imports happen exactly where and as they do there.
    import importlib.abc
    import importlib.machinery

    class PatchRunGui(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name != "zelfscan_app.gui.app":
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            exec_module = spec.loader.exec_module

            def patched(module) -> None:
                exec_module(module)
                module.run_gui = lambda database_url=None: watch(
                    *module.launch(database_url), rows, region=mode == "region"
                )

            spec.loader.exec_module = patched
            return spec

    sys.meta_path.insert(0, PatchRunGui())
    from zelfscan_app.cli.main import main as zelfscan

    zelfscan(["--database", url])


if __name__ == "__main__":
    main()
