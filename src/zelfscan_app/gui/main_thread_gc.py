"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, a collection runs in whichever thread happens to allocate when a threshold is
reached: an import, a backup or a start-up worker thread. When that collection frees a cycle
holding a Qt object made on the GUI thread (a closed dialog, a menu and its lambda), the
object is destroyed from the wrong thread and the process crashes; a test run saw exactly
that, a segmentation fault in the import thread while it built database rows. So automatic
collection is switched off and the GUI thread collects instead, on a timer, whenever the
same thresholds Python uses are passed. Reference counting still frees everything that is
not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


def collect_if_due() -> int:
    """Collect the generations whose thresholds are passed, as Python itself would; call on
    the GUI thread. Returns the number of unreachable objects found."""
    threshold = gc.get_threshold()
    counts = gc.get_count()
    found = 0
    if counts[0] > threshold[0]:
        generation = 0
        if counts[1] > threshold[1]:
            generation = 2 if counts[2] > threshold[2] else 1
        found = gc.collect(generation)
    return found


class MainThreadCollector(QObject):
    """Switches automatic collection off for its lifetime and collects on the GUI thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(collect_if_due)
        self.timer.start()

    def stop(self) -> None:
        """Automatic collection as it was before (the collector lives as long as the app)."""
        self.timer.stop()
        if self._was_enabled:
            gc.enable()


def install(app: QObject) -> MainThreadCollector:
    """One collector per application (a second call returns the first)."""
    existing = app.findChild(MainThreadCollector)
    return existing if isinstance(existing, MainThreadCollector) else MainThreadCollector(app)
