"""`zelfscan` must reach its window without loading the database layer or heavy libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "matplotlib", "openpyxl", "docx", "docxtpl", "pydantic")


def test_cli_entry_imports_nothing_heavy() -> None:
    code = (
        "import sys, zelfscan_app.cli.main as m; m.build_parser();"
        f"print([n for n in {HEAVY!r} if n in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
