"""Shared plumbing of packaging/smoke_test.py and packaging/wheel_test.py.

A check is a fixed list of steps. A step that needs a sub-command the source tree does not have
yet is skipped with "OVERGESLAGEN: opdracht X bestaat nog niet"; once the command exists in
src/zelfscan_app/cli, the step runs and fails loudly if the built artefact lacks it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"


class Skip(Exception):
    """The step cannot run yet; the message says why (in Dutch)."""


class Failure(Exception):
    """The step ran and the artefact is wrong; the message says what (in Dutch)."""


def source_version() -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import version_info

    return version_info.app_version()


def source_commands() -> set[str]:
    """The sub-commands the source tree's parser knows, asked from a fresh interpreter."""
    code = (
        "import argparse\n"
        "from zelfscan_app.cli.main import build_parser\n"
        "for action in build_parser()._actions:\n"
        "    if isinstance(action, argparse._SubParsersAction):\n"
        "        print('\\n'.join(action.choices))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    if result.returncode != 0:
        raise SystemExit(
            "Kan de opdrachten van de broncode niet bepalen "
            f"(from zelfscan_app.cli.main import build_parser):\n{result.stderr}"
        )
    return {line.strip() for line in result.stdout.splitlines() if line.strip()}


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A minimal environment: no PYTHONPATH, no user folders outside `home`, offscreen Qt."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "USERPROFILE": str(home),
        "APPDATA": str(home / "AppData" / "Roaming"),
        "LOCALAPPDATA": str(home / "AppData" / "Local"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    for name in ("SYSTEMROOT", "SystemRoot", "TEMP", "TMP", "TMPDIR", "WINDIR", "COMSPEC"):
        if name in os.environ:
            env[name] = os.environ[name]
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    env.update(extra)
    return env


@dataclass
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def describe(self) -> str:
        return (
            f"$ {' '.join(self.args)}\n  exitcode {self.returncode}\n"
            f"  stdout: {self.stdout.strip()[-1500:]!r}\n  stderr: {self.stderr.strip()[-3000:]!r}"
        )


def run(
    args: Sequence[str | Path],
    env: dict[str, str],
    cwd: Path,
    timeout: float = 120,
    expect_ok: bool = True,
) -> Run:
    argv = [str(a) for a in args]
    try:
        result = subprocess.run(
            argv, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise Failure(f"$ {' '.join(argv)}\n  duurde langer dan {timeout:.0f} s") from exc
    done = Run(argv, result.returncode, result.stdout, result.stderr)
    if expect_ok and (done.returncode != 0 or "Traceback (most recent call last)" in done.stderr):
        raise Failure(done.describe())
    return done


@dataclass
class Step:
    name: str
    func: Callable[[], str | None]
    #: The sub-command this step needs; the step is skipped while the source tree lacks it.
    command: str | None = None
    #: Steps whose result this one uses; skipped (not failed) when one of them was skipped.
    needs: Sequence[str] = field(default_factory=tuple)


@dataclass
class Checklist:
    title: str
    available: set[str]
    results: dict[str, str] = field(default_factory=dict)

    def run_steps(self, steps: Sequence[Step]) -> int:
        print(f"== {self.title} ==", flush=True)
        for step in steps:
            start = time.perf_counter()
            try:
                if step.command and step.command not in self.available:
                    raise Skip(f"opdracht {step.command} bestaat nog niet")
                for need in step.needs:
                    if self.results.get(need) != "ok":
                        raise Skip(f"heeft de uitkomst van stap '{need}' nodig")
                note = step.func()
            except Skip as exc:
                self.results[step.name] = "skipped"
                print(f"OVERGESLAGEN: {step.name}: {exc}", flush=True)
                continue
            except Failure as exc:
                self.results[step.name] = "failed"
                print(f"MISLUKT: {step.name}\n{exc}", flush=True)
                continue
            except Exception:
                self.results[step.name] = "failed"
                print(f"MISLUKT: {step.name}\n{traceback.format_exc()}", flush=True)
                continue
            self.results[step.name] = "ok"
            seconds = time.perf_counter() - start
            print(f"OK: {step.name} ({seconds:.1f} s){': ' + note if note else ''}", flush=True)
        counts = {
            k: sum(1 for v in self.results.values() if v == k) for k in ("ok", "failed", "skipped")
        }
        print(
            f"{self.title.split()[0].lower()}: {counts['ok']} passed, {counts['failed']} failed, "
            f"{counts['skipped']} skipped",
            flush=True,
        )
        return 1 if counts["failed"] else 0


def check_xlsx(path: Path, sheets: Sequence[str] = ()) -> str:
    import zipfile

    if not path.is_file():
        raise Failure(f"{path} is niet gemaakt")
    with zipfile.ZipFile(path) as archive:
        if "xl/workbook.xml" not in archive.namelist():
            raise Failure(f"{path} is geen Excel-werkmap")
    if sheets:
        from openpyxl import load_workbook

        names = load_workbook(path, read_only=True).sheetnames
        missing = [s for s in sheets if s not in names]
        if missing:
            raise Failure(f"{path}: tabbladen {missing} ontbreken (wel: {names})")
    return f"{path.name} {path.stat().st_size} bytes"


def check_docx(path: Path) -> str:
    import zipfile

    if not path.is_file():
        raise Failure(f"{path} is niet gemaakt")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if "word/document.xml" not in names:
            raise Failure(f"{path} is geen Word-document")
        images = [n for n in names if n.startswith("word/media/")]
    return f"{path.name} {path.stat().st_size} bytes, {len(images)} afbeelding(en)"


def check_png(path: Path) -> str:
    if not path.is_file():
        raise Failure(f"{path} is niet gemaakt")
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) < 5000:
        raise Failure(f"{path} is geen (volledige) PNG: {len(data)} bytes")
    return f"{path.name} {len(data)} bytes"


def fill_form(blank: Path, filled: Path, seed: int = 0) -> str:
    """Answer every question of a blank form the way a group would in Excel."""
    import datetime as dt

    from openpyxl import load_workbook

    book = load_workbook(blank)
    if "Vragen" not in book.sheetnames or "Toelichting" not in book.sheetnames:
        raise Failure(f"{blank}: tabbladen Vragen/Toelichting ontbreken ({book.sheetnames})")
    sheet = book["Toelichting"]
    for row in sheet.iter_rows(min_col=1, max_col=2):
        label = str(row[0].value or "").strip()
        if label == "Datum" and not row[1].value:
            row[1].value = dt.date.today().isoformat()
        if label == "Soort meting" and not row[1].value:
            row[1].value = "nulmeting"
    sheet = book["Vragen"]
    header_row, columns = None, {}
    for row in sheet.iter_rows(min_row=1, max_row=20):
        values = {str(c.value).strip(): c.column for c in row if c.value is not None}
        if "Antwoord" in values and "Nr" in values:
            header_row, columns = row[0].row, values
            break
    if header_row is None:
        raise Failure(f"{blank}: geen kopregel met Nr en Antwoord op tabblad Vragen")
    answered = 0
    for row in range(header_row + 1, sheet.max_row + 1):
        if sheet.cell(row, columns["Nr"]).value in (None, ""):
            continue
        op_orde = (answered + seed) % 3 != 0
        sheet.cell(row, columns["Antwoord"]).value = "Op orde" if op_orde else "Niet op orde"
        if not op_orde and "Toelichting" in columns:
            sheet.cell(row, columns["Toelichting"]).value = "Rookproef: nog geen vast overleg."
        answered += 1
    if answered == 0:
        raise Failure(f"{blank}: geen vragen gevonden op tabblad Vragen")
    book.save(filled)
    return f"{answered} vragen beantwoord"


def fresh_dir(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--keep", action="store_true", help="laat de werkmap met de gemaakte bestanden staan"
    )
