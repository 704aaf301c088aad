"""PyInstaller runtime hook: give a windowed build real stdout/stderr.

A Windows (or macOS Finder-started) build without a console starts with sys.stdout and
sys.stderr set to None. Most code copes (print() and argparse stay silent), but some does not
(faulthandler.enable(), logging handlers created early, libraries that call .write() directly).
Point them at the null device instead, so nothing can crash on a missing console.
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
