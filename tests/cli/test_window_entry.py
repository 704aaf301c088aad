"""`zelfscan [--database URL]` goes straight to the window, without building the parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

from zelfscan_app.cli.main import NEEDS_PARSER, _window_url


@pytest.mark.parametrize(
    ("argv", "url"),
    [
        ([], None),
        (["--database", "sqlite:///a.sqlite"], "sqlite:///a.sqlite"),
        (["--database=sqlite:///a.sqlite"], "sqlite:///a.sqlite"),
        (["--database", ""], ""),
        (["--database"], NEEDS_PARSER),
        (["--database="], NEEDS_PARSER),
        (["--database", "--version"], NEEDS_PARSER),
        (["--data", "sqlite:///a.sqlite"], NEEDS_PARSER),  # argparse's abbreviations
        (["--version"], NEEDS_PARSER),
        (["--help"], NEEDS_PARSER),
        (["import", "x.xlsx"], NEEDS_PARSER),
        (["--database", "sqlite:///a.sqlite", "demo"], NEEDS_PARSER),
    ],
)
def test_which_command_lines_only_open_the_window(argv: list[str], url: object) -> None:
    assert _window_url(argv) == url if url is not NEEDS_PARSER else _window_url(argv) is url


def test_the_window_path_loads_no_parser_and_no_sub_commands() -> None:
    code = """
import sys
import zelfscan_app.gui.app as gui
import gc
def run_gui(database_url=None):
    cli = [m for m in sys.modules if m.startswith("zelfscan_app.cli.")]
    print(database_url, sorted(cli), gc.isenabled())
    return 0
gui.run_gui = run_gui
from zelfscan_app.cli.main import main
raise SystemExit(main(["--database", "sqlite:///x.sqlite"]))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    # ... and with the garbage collector paused until gui/startup.py has the database open
    assert out.stdout.strip() == "sqlite:///x.sqlite ['zelfscan_app.cli.main'] False"
