"""The benchmarks run with tiny sizes, so they don't rot (their figures are not checked)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmarks_quick_run(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    measures = {r["measure"] for r in data["results"]}
    assert {"start-up: window visible", "database: scan list (342 × 31)"} <= measures
    assert all(r["ours"] > 0 and r["baseline"] > 0 for r in data["results"])
    assert "ratio" in result.stdout
