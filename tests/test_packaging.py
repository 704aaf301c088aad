"""Resources are found from an installed wheel, not only from the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
    )
    return next(out.glob("*.whl"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The wheel of this checkout, built once per run: under xdist the workers share this
    run's temporary root, and the first one to get there builds it (under a lock)."""
    if worker_id == "master" or sys.platform == "win32":
        return _build_wheel(tmp_path_factory.mktemp("wheel"))
    import fcntl

    shared = tmp_path_factory.getbasetemp().parent / "wheel"  # this run's, common to workers
    shared.mkdir(exist_ok=True)
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = next(shared.glob("*.whl"), None)
        return built if built is not None else _build_wheel(shared)


def test_wheel_contains_resources_and_migrations(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "zelfscan_app/resources/questionnaire.yaml" in names
    assert "zelfscan_app/storage/migrations/env.py" in names
    assert any(n.startswith("zelfscan_app/storage/migrations/versions/0001") for n in names)
    assert "zelfscan_app/resources/templates/rapport-zelfscan.docx" in names
    assert not [n for n in names if n.startswith("zelfscan_app/resources/") and n.endswith(".py")]


def test_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    code = (
        "import zelfscan_app.resources as r, zelfscan_app.questionnaire_file as f;"
        "print(r.resources_dir()); print(len(f.default_questionnaire().questions))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    folder, count = result.stdout.split()
    assert Path(folder).is_relative_to(target)
    assert count == "31"
