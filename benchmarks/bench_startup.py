"""Start-up: process start → main window visible, and → scan list loaded and idle."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import Result

PROBE = Path(__file__).with_name("startup_probe.py")


def _run(mode: str, url: str | None) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    args = [sys.executable, str(PROBE), mode] + ([url] if url else [])
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    seen: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        seen[line.split()[0]] = time.perf_counter() - start
    if proc.wait() != 0:
        raise RuntimeError(f"start-up probe {mode} failed")
    return seen


def measure(url: str, repeat: int) -> list[Result]:
    bare, visible, idle = [], [], []
    _run("app", url)  # warm the file cache and .pyc files once
    for _ in range(repeat):
        bare.append(_run("bare", None)["visible"])
        app = _run("app", url)
        visible.append(app["visible"])
        idle.append(app["idle"])
    baseline = statistics.median(bare)
    return [
        Result(
            "start-up: window visible",
            statistics.median(visible),
            baseline,
            "s",
            "≤ 1.5×",
            "bare QMainWindow",
        ),
        Result(
            "start-up: scan list loaded, idle",
            statistics.median(idle),
            baseline,
            "s",
            "≤ 2.5×",
            "bare QMainWindow",
        ),
    ]
