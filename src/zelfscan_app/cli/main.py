"""Entry point of `zelfscan`: without a sub-command it opens the GUI.

`zelfscan` and `zelfscan --database URL` go straight to the window: argparse and the
sub-command modules load only for a command line that needs them (start-up time).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

NEEDS_PARSER = object()  # from _window_url: the command line asks for more than the window


def _window_url(argv: Sequence[str]) -> str | object | None:
    """The database URL when `argv` only opens the window (nothing, `--database URL` or
    `--database=URL`), else NEEDS_PARSER: anything unusual goes through the full parser."""
    if not argv:
        return None
    if len(argv) == 2 and argv[0] == "--database" and not argv[1].startswith("-"):
        return argv[1]
    if len(argv) == 1 and argv[0].startswith("--database=") and argv[0] != "--database=":
        return argv[0].removeprefix("--database=")
    return NEEDS_PARSER


def _is_database_error(exc: BaseException) -> bool:
    import sqlite3

    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    kinds: tuple[type[BaseException], ...] = (sqlite3.Error,)
    if sqlalchemy_exc is not None:
        kinds += (sqlalchemy_exc.SQLAlchemyError,)
    return isinstance(exc, kinds)


def build_parser() -> argparse.ArgumentParser:
    from zelfscan_app import __version__
    from zelfscan_app.cli import (
        backup,
        chart,
        database,
        demo,
        documents,
        exchange,
        kit,
        prescan,
        publish,
        region,
    )
    from zelfscan_app.cli.dutch_argparse import DutchParser

    parser = DutchParser(
        prog="zelfscan",
        description=(
            "Zelfscan Kwaliteitskader Werken aan veiligheid voor lokale (wijk)teams en "
            "gemeenten.\nZonder opdracht opent het programma het venster."
        ),
        epilog="Voorbeeld: zelfscan --database sqlite:///regio.sqlite import gemeente.xlsx",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"zelfscan {__version__}",
        help="toon het versienummer en stop",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy-URL van de database (standaard: SQLite in de gebruikersmap)",
    )
    commands = parser.add_subparsers(title="opdrachten", dest="command", metavar="OPDRACHT")
    # Sub-command modules; each has register(commands) and sets `func` on its parser.
    for module in (
        demo,
        exchange,
        documents,
        chart,
        region,
        kit,
        prescan,
        database,
        publish,
        backup,
    ):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    url = _window_url(sys.argv[1:] if argv is None else argv)
    if url is None or isinstance(url, str):  # not NEEDS_PARSER
        import gc

        # Start-up allocates much and frees little: no automatic collections (~10 ms); from
        # then on the GUI thread collects (gui/main_thread_gc.py, installed by create_app).
        gc.disable()
        from zelfscan_app.gui.app import run_gui

        return run_gui(database_url=url)
    from zelfscan_app.cli.context import CliContext
    from zelfscan_app.errors import ZelfscanError

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from zelfscan_app.gui.app import run_gui

        return run_gui(database_url=args.database)
    ctx = CliContext(database_url=args.database)
    try:
        return int(args.func(args, ctx) or 0)
    except ZelfscanError as exc:
        from zelfscan_app.domain.names import terminal_safe

        print(terminal_safe(f"zelfscan: fout: {exc}"), file=sys.stderr)
        return 1
    except Exception as exc:
        if not _is_database_error(exc):
            raise
        # A database error storage.faults did not recognise: still one line, naming it.
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[:1]
        print(
            f"zelfscan: fout: {ctx.database_name}: onverwachte databasefout ({''.join(detail)})",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print("zelfscan: afgebroken", file=sys.stderr)
        return 130
    finally:
        ctx.close()
