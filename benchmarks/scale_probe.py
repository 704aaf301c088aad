"""Started as a subprocess by the scale benchmark: the regional view of a large database.

    scale_probe.py region URL ROWS

`zelfscan --database URL` through the real entry point (as startup_probe.py does); once the
start-up has settled, the first scan is chosen and the regional view opened on its region, as
a user does with Beeld → Regio-overzicht. Milestones (seconds since process start):
`region_start` the view is asked for; `region_paint` the view has been painted once;
`region_idle` the event-loop turn after that paint is done (nothing left queued).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import startup_probe
from startup_probe import after_paint, finish, milestone


def watch(app, window, rows: int, region: bool) -> int:
    from PySide6.QtCore import QTimer

    def open_region() -> None:
        window.list_page.table.selectRow(0)
        milestone("region_start")
        window.show_region()
        view = window._region_view
        after_paint(view, painted)
        view.update()

    def painted() -> None:
        milestone("region_paint")
        QTimer.singleShot(0, idle)

    def idle() -> None:
        milestone("region_idle")
        finish()

    def check() -> None:
        model = window.list_page.model
        listed = model.rowCount() > 0
        if listed and window.db is not None and window._questionnaire is not None:
            poll.stop()
            milestone("settled")
            open_region()

    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(check)
    poll.start()
    return app.exec()


def _fail(*exc_info) -> None:
    """An error in a Qt slot would leave the event loop running: stop the probe instead."""
    import os
    import traceback

    traceback.print_exception(*exc_info)
    sys.stderr.flush()
    os._exit(1)


if __name__ == "__main__":
    sys.excepthook = _fail
    startup_probe.watch = watch
    startup_probe.main()
