"""Memory: peak RSS of the GUI with every scan in the database and the regional view open.

The regional view shows "Alle zelfscans in de database" (the heaviest picture it can draw),
after the normal start-up. The baseline is the peak RSS of the bare QMainWindow process.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from common import Result
from probes import Probes

PROBE = Path(__file__).with_name("startup_probe.py")


def measure(probes: Probes, url: str, rows: int, repeat: int) -> list[Result]:
    ours, bare = [], []
    for _ in range(repeat):
        bare.append(probes.run(PROBE, "bare")["rss:value"] / 1024)
        ours.append(probes.run(PROBE, "region", url, str(rows))["rss:value"] / 1024)
    return [
        Result(
            "memory: peak RSS, regional view (342)",
            statistics.median(ours),
            statistics.median(bare),
            "MB",
            "≤ 300 MB",
            "bare QMainWindow",
        )
    ]
