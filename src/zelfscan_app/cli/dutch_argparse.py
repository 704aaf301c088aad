"""argparse speaking Dutch: its built-in strings are routed through a small translation table."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, NoReturn

from zelfscan_app.domain.names import NameProblem, clean_name, terminal_safe

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

_DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "expected one argument": "verwacht één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "subcommands": "opdrachten",
}


def _translate(message: str) -> str:
    return _DUTCH.get(message, message)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks `_` up at call time
argparse.ngettext = lambda singular, plural, n: _translate(singular if n == 1 else plural)  # type: ignore[attr-defined]


class DutchParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse echoes what was typed ("ongeldige keuze: ..."): never a control character.
        super()._print_message(terminal_safe(message) if message else message, file)


#: The choices of every `--soort` option: SoortMeting's values, written out so building the
#: parser imports no domain module (tests/cli/test_cli.py checks they stay equal).
SOORTEN = ("nulmeting", "evaluatie", "toetsingsmoment")


def name_argument(what: str, limit: int = 200) -> Callable[[str], str]:
    """argparse type for a name option (--gemeente, --regio): cleaned by the same rule as
    every other door (`domain.names.clean_name`), refused with a Dutch message."""

    def parse(text: str) -> str:
        try:
            return clean_name(text, what=what, limit=limit)
        except NameProblem as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = what  # argparse names the type in some messages
    return parse


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD, with a Dutch message for impossible dates."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen geldige datum (verwacht JJJJ-MM-DD, bijvoorbeeld 2026-03-15)"
        ) from None
