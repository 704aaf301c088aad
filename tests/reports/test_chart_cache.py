"""The spider PNG in Word documents is drawn once per distinct chart, then read from a cache,
so a cold `zelfscan plan` does not import matplotlib again for the same scan version."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from zelfscan_app.reports import spider
from zelfscan_app.services import charts
from zelfscan_app.services.charts import chart_png, scan_chart
from zelfscan_app.services.demo import demo_scans


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the cache: each starts with its own, empty one."""
    monkeypatch.setenv(charts.ENV_CACHE, str(tmp_path / "cache"))


@pytest.fixture
def chart(questionnaire):
    return scan_chart(questionnaire, demo_scans(questionnaire)[0])


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    real = spider.render_png

    def counting(chart, **kw):
        calls.append(chart)
        return real(chart, **kw)

    monkeypatch.setattr(spider, "render_png", counting)
    return calls


def test_second_time_comes_from_the_cache(chart, renders, tmp_path: Path) -> None:
    first = chart_png(chart)
    second = chart_png(chart)
    assert len(renders) == 1
    assert first == second == spider.render_png(chart)
    assert len(list((tmp_path / "cache" / "charts").glob("*.png"))) == 1


def test_a_changed_chart_is_drawn_again(chart, renders) -> None:
    chart_png(chart)
    changed = replace(chart, title=chart.title + " (gewijzigd)")
    assert chart_png(changed) != chart_png(chart)
    assert renders == [chart, changed]


def test_a_damaged_cache_file_is_drawn_again(chart, renders, tmp_path: Path) -> None:
    good = chart_png(chart)
    (cached,) = (tmp_path / "cache" / "charts").glob("*.png")
    cached.write_bytes(good[: len(good) // 2])
    assert chart_png(chart) == good and len(renders) == 2


def test_an_unusable_cache_never_fails_the_export(
    chart, renders, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand waar de cachemap zou moeten staan")
    monkeypatch.setenv(charts.ENV_CACHE, str(blocker))
    assert chart_png(chart).startswith(b"\x89PNG")
    monkeypatch.setenv(charts.ENV_CACHE, "")  # switched off
    assert chart_png(chart).startswith(b"\x89PNG") and len(renders) == 2


def test_cold_plan_skips_matplotlib_the_second_time(
    questionnaire, tmp_path: Path, db_url: str
) -> None:
    from zelfscan_app.services.demo import fill_demo
    from zelfscan_app.storage.database import Database

    db = Database(db_url)
    fill_demo(db, questionnaire)
    db.dispose()
    code = (
        "import sys; from zelfscan_app.cli.main import main; "
        f"code = main(['--database', {db_url!r}, 'plan', '1', '--out', sys.argv[1]]); "
        "print(code, 'matplotlib' in sys.modules)"
    )
    env = {**os.environ, "ZELFSCAN_CACHE": str(tmp_path / "cache")}
    outputs = []
    for name in ("eerst.docx", "daarna.docx"):
        result = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / name)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=True,
        )
        outputs.append(result.stdout.strip().splitlines()[-1])
    assert outputs == ["0 True", "0 False"]
