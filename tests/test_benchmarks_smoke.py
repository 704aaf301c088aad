"""The benchmarks run with tiny sizes, so they don't rot (their figures are not checked).

`--quick` keeps every benchmark group and every code path, but starts as few processes as it
can: no warm-up runs, the probes reuse the interpreter's warm bytecode caches, and the scale
section runs its probes at one size (its queries at all three).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

MEASURES = {
    "start-up: window visible",
    "start-up: scan list loaded, idle",
    "start-up: deferred work done",
    "database: scan list (342 × 31)",
    "memory: peak RSS, regional view (342)",
    "documents: plan van aanpak (1 gemeente)",
    "documents: regional report (342)",
    "documents: `zelfscan plan`, fresh process",
    "answer: key 1 → stored, shown (median)",
    "answer: key 1 → stored, shown (p95)",
    "merge: 5 workbooks vs openpyxl",
    "merge: 5 workbooks vs calamine",
    "import: 5 workbooks, empty database",
    "hostile: zip bomb refused",
    "hostile: XML entity bomb refused",
    "hostile: 20,000 rows refused",
    "hostile: 6 MB file refused",
}


@pytest.mark.slow
def test_benchmarks_quick_run(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=480,  # only a hung probe gets near this
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["quick"] is True
    results = {r["measure"]: r for r in data["results"]}
    assert set(results) >= MEASURES
    assert any(m.startswith("merge: ") for m in results)
    assert any(m.startswith("import: per file into ") for m in results)
    for r in results.values():
        assert r["ours"] > 0 and r["baseline"] > 0, r
        assert r["ratio"] == round(r["ours"] / r["baseline"], 3)
        assert r["met"] in (True, False, None)
        assert (r["met"] is None) == (r["goal"] == "info"), r
    for name in MEASURES | {m for m in results if m.startswith("merge: ")}:
        assert name in result.stdout, name
    assert "ratio" in result.stdout
    scale = data["scale"]  # issue 21: every row at three sizes with its growth factor
    assert len(scale["sizes"]) == 3
    names = {row["measure"] for row in scale["rows"]}
    assert {"start-up: scan list idle", "regional view, SQLite: first paint"} <= names
    for row in scale["rows"]:
        assert set(row["values"]) == set(row["growth"]) == {str(n) for n in scale["sizes"]}
    assert "growth" in result.stdout
