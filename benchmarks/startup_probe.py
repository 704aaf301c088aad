"""Started as a subprocess by the start-up benchmark; prints milestones on stdout.

`bare`: an empty QMainWindow (the baseline). `app`: the real main window, then the scan list
loaded from the database. Each milestone is printed when the event loop gets to it, i.e. after
the window has been shown and painted.
"""

from __future__ import annotations

import sys
import time

T0 = time.perf_counter()


def milestone(name: str) -> None:
    print(f"{name} {time.perf_counter() - T0:.6f}", flush=True)


def main() -> None:
    mode, url = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    if mode == "bare":
        window = QMainWindow()
        window.show()
        QTimer.singleShot(0, lambda: (milestone("visible"), app.quit()))
    else:
        from zelfscan_app.gui.app import create_app  # noqa: F401 - same imports as the app
        from zelfscan_app.gui.main_window import MainWindow

        window = MainWindow()
        window.show()

        def loaded() -> None:
            milestone("visible")
            window.open_database(url)
            QTimer.singleShot(0, lambda: (milestone("idle"), app.quit()))

        QTimer.singleShot(0, loaded)
    app.exec()


if __name__ == "__main__":
    main()
