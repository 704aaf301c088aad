"""Start-up: process start → main window painted, → scan list painted and idle, → settled.

The bare QMainWindow and the app alternate, so a busy machine slows both alike; the figures
are medians. `settled` (the deferred work done too) has no goal: it shows what was deferred.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from common import Result
from probes import Probes

PROBE = Path(__file__).with_name("startup_probe.py")


def measure(
    probes: Probes, url: str, rows: int, repeat: int, *, quick: bool = False
) -> list[Result]:
    bare, visible, idle, settled = [], [], [], []
    if not quick:  # (quick: the suite's smoke run, whose figures mean nothing)
        probes.run(PROBE, "bare")  # warm the file cache and the bytecode cache once
        probes.run(PROBE, "app", url, str(rows))
    for _ in range(repeat):
        bare.append(probes.run(PROBE, "bare")["visible"])
        app = probes.run(PROBE, "app", url, str(rows))
        visible.append(app["visible"])
        idle.append(app["idle"])
        settled.append(app["settled"])
    baseline = statistics.median(bare)
    med, name = statistics.median, "bare QMainWindow"
    return [
        Result("start-up: window visible", med(visible), baseline, "s", "≤ 1.5×", name),
        Result("start-up: scan list loaded, idle", med(idle), baseline, "s", "≤ 2.5×", name),
        Result("start-up: deferred work done", med(settled), baseline, "s", "info", name),
    ]
