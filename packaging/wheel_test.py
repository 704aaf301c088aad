"""Wheel test: build the wheel, install it into a CLEAN venv, run `zelfscan` from there.

    .venv/bin/python packaging/wheel_test.py [--keep]
    make wheel-test

Proves that an ordinary `pip install` of the wheel brings everything along: the resources
(questionnaire, templates) and the alembic migration scripts are found inside the installed
package, not in the checkout. Every command runs from a neutral folder with a clean environment.
The wheel is built with `python -m build --wheel` (pip wheel when `build` is not installed);
dependencies come from the package index (or pip's cache).

Steps (same skip rule as the frozen smoke test: "OVERGESLAGEN: opdracht X bestaat nog niet"
while the source tree has no such sub-command):
  installatie  zelfscan_app and its resources are imported from the venv, not from the checkout
  versie       `zelfscan --version`
  demo         a fresh SQLite database: the migration scripts from the installed package
  form         blank scan workbook
  import       that form, filled in, into the database
  chart        spider PNG
  plan         plan van aanpak .docx (template from the installed package)
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checks import (
    ROOT,
    Checklist,
    Failure,
    Step,
    check_docx,
    check_png,
    check_xlsx,
    clean_env,
    common_arguments,
    fill_form,
    run,
    source_commands,
    source_version,
)

IS_WIN = sys.platform == "win32"


def build_wheel(out: Path) -> Path:
    if importlib.util.find_spec("build"):
        argv = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)]
    else:
        argv = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(ROOT)]
    print("$ " + " ".join(argv), flush=True)
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    wheels = sorted(out.glob("zelfscan_kwaliteitskader-*.whl"))
    if not wheels:
        raise SystemExit(f"Geen wheel gemaakt in {out}")
    return wheels[-1]


def make_venv(path: Path, wheel: Path) -> Path:
    print(f"$ python -m venv --clear {path}", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(path)], check=True)
    bindir = path / ("Scripts" if IS_WIN else "bin")
    python = bindir / ("python.exe" if IS_WIN else "python")
    print(f"$ {python} -m pip install {wheel.name}", flush=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
    )
    return bindir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    common_arguments(parser)
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="zelfscan-wheeltest-"))
    try:
        start = time.perf_counter()
        wheel = build_wheel(work / "dist")
        print(f"wheel: {wheel.name} ({wheel.stat().st_size / 1024:.0f} KiB)", flush=True)
        venv = work / "venv"
        bindir = make_venv(venv, wheel)
        print(f"schone venv klaar in {time.perf_counter() - start:.0f} s", flush=True)

        python = bindir / ("python.exe" if IS_WIN else "python")
        zelfscan = bindir / ("zelfscan.exe" if IS_WIN else "zelfscan")
        cwd = work / "werk"
        out = cwd / "uit"
        out.mkdir(parents=True)
        env = clean_env(work / "home")
        db = f"sqlite:///{(cwd / 'wheel.sqlite').as_posix()}"
        version = source_version()

        def installatie() -> str:
            code = (
                "import zelfscan_app, zelfscan_app.resources as r;"
                "print(zelfscan_app.__file__); print(r.resources_dir());"
                "print(r.templates_dir().is_dir())"
            )
            lines = run([python, "-c", code], env, cwd).stdout.split("\n")
            package, resources = Path(lines[0]).resolve(), Path(lines[1]).resolve()
            for what in (package, resources):
                if not what.is_relative_to(venv.resolve()):
                    raise Failure(f"{what} ligt niet in de venv {venv}")
            return f"resources: {resources.relative_to(venv.resolve())}"

        def versie() -> str:
            text = run([zelfscan, "--version"], env, cwd).stdout.strip()
            if text != f"zelfscan {version}":
                raise Failure(f"verwacht 'zelfscan {version}', kreeg {text!r}")
            return text

        def demo() -> str:
            return run([zelfscan, "--database", db, "demo"], env, cwd).stdout.strip()

        def form() -> str:
            run([zelfscan, "form", "--out", out / "leeg.xlsx", "--gemeente", "Wieldorp"], env, cwd)
            note = check_xlsx(out / "leeg.xlsx", sheets=("Toelichting", "Vragen", "Resultaten"))
            return note + "; " + fill_form(out / "leeg.xlsx", out / "ingevuld.xlsx")

        def import_() -> str:
            result = run([zelfscan, "--database", db, "import", out / "ingevuld.xlsx"], env, cwd)
            return result.stdout.strip().replace("\n", " | ")[:200]

        def chart() -> str:
            run([zelfscan, "chart", out / "ingevuld.xlsx", "--out", out / "spin.png"], env, cwd)
            return check_png(out / "spin.png")

        def plan() -> str:
            run([zelfscan, "plan", out / "ingevuld.xlsx", "--out", out / "plan.docx"], env, cwd)
            return check_docx(out / "plan.docx")

        checklist = Checklist("Wheeltest in een schone venv", available=source_commands())
        return checklist.run_steps(
            [
                Step("installatie", installatie),
                Step("versie", versie),
                Step("demo", demo, command="demo"),
                Step("form", form, command="form"),
                Step("import", import_, command="import", needs=("form",)),
                Step("chart", chart, command="chart", needs=("form",)),
                Step("plan", plan, command="plan", needs=("form",)),
            ]
        )
    finally:
        if args.keep:
            print(f"werkmap bewaard: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
