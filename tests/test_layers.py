"""The layers of docs/architecture.md, checked on every `make test`.

A newcomer's first shortcut is usually an import across a layer; this test names it at once.
It reads the source with `ast`, so an import inside a function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "zelfscan_app"

# domain is pure: no Qt, no SQL, no files, no document or workbook libraries.
DOMAIN_FORBIDDEN = (
    "PySide6",
    "sqlalchemy",
    "alembic",
    "sqlite3",
    "psycopg",
    "openpyxl",
    "python_calamine",
    "docx",
    "docxtpl",
    "matplotlib",
    "yaml",
    "os",
    "io",
    "shutil",
    "tempfile",
    "pathlib",
    "subprocess",
    "zelfscan_app.storage",
    "zelfscan_app.exchange",
    "zelfscan_app.reports",
    "zelfscan_app.services",
    "zelfscan_app.gui",
    "zelfscan_app.cli",
)

# What may not be imported by each lower layer (it would point upwards).
UPWARDS = {
    "storage": (
        "zelfscan_app.exchange",
        "zelfscan_app.reports",
        "zelfscan_app.services",
        "zelfscan_app.gui",
        "zelfscan_app.cli",
        "PySide6",
    ),
    "exchange": ("zelfscan_app.services", "zelfscan_app.gui", "zelfscan_app.cli", "PySide6"),
    "reports": ("zelfscan_app.services", "zelfscan_app.gui", "zelfscan_app.cli", "PySide6"),
    "services": ("zelfscan_app.gui", "zelfscan_app.cli", "PySide6"),
    "cli": ("zelfscan_app.gui.",),  # the CLI may start the GUI (gui.app / gui.startup), no more
}

# The GUI talks to storage only through these names (docs/architecture.md): it opens and holds
# the Database handle (and names it in a message), and the start-up list is read by the stdlib
# fast path before SQLAlchemy loads (a page at a time: the records and the query of the list are
# plain dataclasses in storage.items, importable without SQLAlchemy).
GUI_STORAGE_ALLOWED = {
    ("zelfscan_app.storage.database", "Database"),
    ("zelfscan_app.storage.database", "default_url"),
    ("zelfscan_app.storage.database", "is_in_memory"),
    ("zelfscan_app.storage.faults", "IN_MEMORY"),
    ("zelfscan_app.storage.faults", "display_name"),
    ("zelfscan_app.storage.config", "default_url"),
    ("zelfscan_app.storage.scan_list_fast", "FastScanList"),
    ("zelfscan_app.storage.items", "ScanListItem"),
    ("zelfscan_app.storage.items", "ScanListQuery"),
    ("zelfscan_app.storage.repository", "ScanListItem"),
}
CLI_GUI_ALLOWED = ("zelfscan_app.gui.app", "zelfscan_app.gui.startup")


def _imports(path: Path) -> list[tuple[str, str | None, int]]:
    """(module, imported name or None, line) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, str | None, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, None, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.extend((node.module, alias.name, node.lineno) for alias in node.names)
    return found


def _matches(module: str, prefix: str) -> bool:
    prefix = prefix.rstrip(".")
    return module == prefix or module.startswith(prefix + ".")


def _files(package: Path, layer: str) -> list[Path]:
    return sorted((package / layer).rglob("*.py"))


def _where(package: Path, path: Path, line: int) -> str:
    return f"{path.relative_to(package.parent)}:{line}"


def domain_violations(package: Path) -> list[str]:
    """Forbidden imports and open() calls in `package`/domain."""
    wrong = [
        f"{_where(package, path, line)} imports {module}"
        for path in _files(package, "domain")
        for module, _name, line in _imports(path)
        if any(_matches(module, bad) for bad in DOMAIN_FORBIDDEN)
    ]
    opens = [
        f"{_where(package, path, node.lineno)} calls open()"
        for path in _files(package, "domain")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open"
    ]
    return wrong + opens


def upward_violations(package: Path, layer: str) -> list[str]:
    wrong = []
    for path in _files(package, layer):
        for module, _name, line in _imports(path):
            for bad in UPWARDS[layer]:
                if layer == "cli" and module in CLI_GUI_ALLOWED:
                    continue
                if _matches(module, bad):
                    wrong.append(f"{_where(package, path, line)} imports {module}")
    return wrong


def gui_storage_violations(package: Path) -> list[str]:
    return [
        f"{_where(package, path, line)} imports {module}.{name}"
        for path in _files(package, "gui")
        for module, name, line in _imports(path)
        if _matches(module, "zelfscan_app.storage") and (module, name) not in GUI_STORAGE_ALLOWED
    ]


def test_domain_is_pure() -> None:
    wrong = domain_violations(PACKAGE)
    assert not wrong, "domain must stay pure:\n" + "\n".join(wrong)


@pytest.mark.parametrize("layer", sorted(UPWARDS))
def test_no_layer_imports_upwards(layer: str) -> None:
    wrong = upward_violations(PACKAGE, layer)
    assert not wrong, f"{layer} imports a layer above it:\n" + "\n".join(wrong)


def test_gui_uses_storage_only_through_the_documented_names() -> None:
    wrong = gui_storage_violations(PACKAGE)
    assert not wrong, "the GUI calls services, not storage (docs/architecture.md):\n" + "\n".join(
        wrong
    )


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The rules above are only worth something if a forbidden import is actually found."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import Qt\n    import sqlite3\n")
    modules = [module for module, _name, _line in _imports(sample)]
    assert modules == ["PySide6.QtCore", "sqlite3"]
    assert any(_matches(m, "PySide6") for m in modules)
    assert not _matches("zelfscan_app.storagex", "zelfscan_app.storage")


def test_the_rules_fail_on_a_package_that_breaks_them(tmp_path: Path) -> None:
    """A package with each kind of shortcut: every one is named, the allowed ones are not."""
    package = tmp_path / "zelfscan_app"
    files = {
        "domain/qt.py": "from PySide6.QtCore import Qt\n",
        "domain/sql.py": "def f():\n    import sqlalchemy\n",
        "domain/files.py": "from pathlib import Path\n\ndef g():\n    return open('x')\n",
        "domain/fine.py": "from dataclasses import dataclass\nfrom zelfscan_app.domain import x\n",
        "gui/shortcut.py": "from zelfscan_app.storage.repository import save_scan\n",
        "gui/allowed.py": "from zelfscan_app.storage.database import Database\n",
        "services/up.py": "from zelfscan_app.gui.main_window import MainWindow\n",
        "cli/window.py": "from zelfscan_app.gui.app import run_gui\n",
        "cli/deeper.py": "from zelfscan_app.gui.main_window import MainWindow\n",
    }
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    assert domain_violations(package) == [
        "zelfscan_app/domain/files.py:1 imports pathlib",
        "zelfscan_app/domain/qt.py:1 imports PySide6.QtCore",
        "zelfscan_app/domain/sql.py:2 imports sqlalchemy",
        "zelfscan_app/domain/files.py:4 calls open()",
    ]
    assert gui_storage_violations(package) == [
        "zelfscan_app/gui/shortcut.py:1 imports zelfscan_app.storage.repository.save_scan"
    ]
    assert upward_violations(package, "services") == [
        "zelfscan_app/services/up.py:1 imports zelfscan_app.gui.main_window"
    ]
    assert upward_violations(package, "cli") == [
        "zelfscan_app/cli/deeper.py:1 imports zelfscan_app.gui.main_window"
    ]
