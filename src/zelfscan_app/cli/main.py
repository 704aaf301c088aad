"""Entry point of `zelfscan`: without a sub-command it opens the GUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from zelfscan_app import __version__
from zelfscan_app.cli import chart, demo, documents, exchange, region
from zelfscan_app.cli.context import CliContext
from zelfscan_app.cli.dutch_argparse import DutchParser
from zelfscan_app.errors import ZelfscanError

#: Sub-command modules; each has register(commands) and sets `func` on its parser.
COMMAND_MODULES = [demo, exchange, documents, chart, region]


def build_parser() -> argparse.ArgumentParser:
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
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from zelfscan_app.gui.app import run_gui

        return run_gui(database_url=args.database)
    ctx = CliContext(database_url=args.database)
    try:
        return int(args.func(args, ctx) or 0)
    except ZelfscanError as exc:
        print(f"zelfscan: fout: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("zelfscan: afgebroken", file=sys.stderr)
        return 130
