"""Running the GUI probes as fresh processes, each under the same conditions as a user's start.

The environment is the user's, except: Qt offscreen (unless set), settings in a throw-away INI
file (the question count remembered, as after any earlier run), and bytecode caching switched
on into a folder of this run: a developer shell with PYTHONDONTWRITEBYTECODE would otherwise
compile every module of the app on every start, which no installed copy does.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path


class Probes:
    def __init__(self, folder: Path, *, quick: bool = False) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        settings = folder / "settings.ini"
        settings.write_text("[questionnaire]\ncount=31\n", encoding="utf-8")
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "ZELFSCAN_SETTINGS": str(settings),
            "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
        }
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        if quick:  # the suite's smoke run: the usual caches, warm; a new folder compiles it all
            del self.env["PYTHONPYCACHEPREFIX"]

    def run(self, script: Path, *args: str, timeout: float = 120) -> dict[str, float]:
        """Start `script`; each stdout line 'name value' is kept as the wall time of its arrival
        since the process was started, and as its printed value under 'name:value'."""
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, str(script), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env,
        )
        seen: dict[str, float] = {}
        assert proc.stdout is not None
        for line in proc.stdout:
            name, _, value = line.partition(" ")
            seen[name] = time.perf_counter() - start
            with contextlib.suppress(ValueError):
                seen[f"{name}:value"] = float(value)
        _, stderr = proc.communicate(timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError(f"{script.name} {' '.join(args)} failed:\n{stderr[-2000:]}")
        return seen
