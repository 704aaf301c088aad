"""`zelfscan chart`: the spider of a scan (or two) as a PNG or SVG file."""

from __future__ import annotations

import argparse
from pathlib import Path

from zelfscan_app.cli.context import CliContext
from zelfscan_app.errors import ZelfscanError


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "chart",
        help="teken het spindiagram van een zelfscan (PNG of SVG)",
        description=(
            "Tekent het spindiagram (spinnenweb) van een zelfscan: het percentage vragen\n"
            "‘Op orde’ per kwaliteitsstandaard. Een standaard zonder antwoorden is een\n"
            "onderbreking in de lijn, geen 0%. Met --compare komen twee zelfscans in één\n"
            "diagram (de eerdere gestreept, de latere doorgetrokken).\n\n"
            "ZELFSCAN is het nummer van een zelfscan in de database (zie het venster) of een\n"
            "ingevulde zelfscanwerkmap (.xlsx); een werkmap wordt alleen gelezen, niet opgeslagen."
        ),
        epilog=(
            "Voorbeelden:\n"
            "  zelfscan chart 12 --out spin.png\n"
            "  zelfscan chart 12 --compare 7 --out vergelijking.svg\n"
            "  zelfscan chart aldermeer.xlsx --out aldermeer.png"
        ),
    )
    parser.add_argument("scan", metavar="ZELFSCAN", help="nummer van een zelfscan of een .xlsx")
    parser.add_argument(
        "--out",
        metavar="BESTAND",
        required=True,
        help="het bestand: .png (afbeelding) of .svg (vectortekening)",
    )
    parser.add_argument(
        "--compare",
        metavar="ANDERE",
        help="een tweede zelfscan (nummer of .xlsx) om mee te vergelijken",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services import charts

    out = Path(args.out)
    if out.suffix.lower() not in charts.CHART_FORMATS:
        raise ZelfscanError("kies voor --out een bestandsnaam op .png of .svg", path=args.out)
    # Only touch the database when a scan number asks for it.
    uses_db = any(ref and ref.strip().isdigit() for ref in (args.scan, args.compare))
    db = ctx.db if uses_db else None
    source = charts.read_chart_source(db, ctx.questionnaire, args.scan)
    other = charts.read_chart_source(db, ctx.questionnaire, args.compare) if args.compare else None
    for warning in source.warnings + (other.warnings if other else ()):
        ctx.warn(warning)
    chart = charts.scan_chart(ctx.questionnaire, source.scan, other.scan if other else None)
    written = charts.export_chart(chart, out)
    what = f"{source.scan.title} en {other.scan.title}" if other else source.scan.title
    ctx.say(f"Spindiagram van {what} geschreven naar {written}.")
    return 0
