"""`zelfscan form`, `zelfscan import` and `zelfscan export`: the scan workbook (.xlsx)."""

from __future__ import annotations

import argparse

from zelfscan_app.cli.context import CliContext
from zelfscan_app.cli.dutch_argparse import SOORTEN, iso_date, name_argument


def register(commands: argparse._SubParsersAction) -> None:
    form = commands.add_parser(
        "form",
        help="maak een leeg formulier (.xlsx) om in Excel in te vullen",
        description=(
            "Maakt een lege werkmap waarmee een groep de zelfscan in Excel of LibreOffice\n"
            "invult: uitleg, de 31 vragen met een keuzelijst ‘Op orde’ / ‘Niet op orde’,\n"
            "ruimte voor toelichting en nuancering, deelnemers en een spinnenweb dat meerekent.\n"
            "Lees het ingevulde formulier daarna in met: zelfscan import BESTAND"
        ),
        epilog="Voorbeeld: zelfscan form --out leeg.xlsx --gemeente Aldermeer --regio Veenland",
    )
    form.add_argument("--out", required=True, metavar="BESTAND", help="het .xlsx-bestand")
    form.add_argument(
        "--gemeente",
        default="",
        type=name_argument("gemeente"),
        metavar="NAAM",
        help="vul de gemeente alvast in",
    )
    form.add_argument(
        "--regio",
        default="",
        type=name_argument("regio"),
        metavar="NAAM",
        help="vul de regio alvast in",
    )
    form.set_defaults(func=run_form)

    imp = commands.add_parser(
        "import",
        help="lees ingevulde formulieren of exports (.xlsx) in",
        description=(
            "Leest zelfscanwerkmappen (.xlsx) in de database: ingevulde formulieren en exports.\n"
            "Elk bestand wordt in zijn geheel ingelezen of in zijn geheel geweigerd, met een\n"
            "melding die het bestand en het probleem noemt. Een bestand dat al is ingelezen,\n"
            "wordt niet nog eens opgeslagen; een andere werkmap voor dezelfde gemeente, datum\n"
            "en soort meting wordt apart bewaard en als conflict gemeld."
        ),
        epilog="Voorbeeld: zelfscan import aldermeer.xlsx brugwijk.xlsx",
    )
    imp.add_argument("files", nargs="+", metavar="BESTAND", help="een of meer .xlsx-bestanden")
    imp.set_defaults(func=run_import)

    export = commands.add_parser(
        "export",
        help="schrijf een zelfscan uit de database naar een werkmap (.xlsx)",
        description=(
            "Schrijft de nieuwste zelfscan van een gemeente (of die met de gekozen datum en\n"
            "soort meting) naar een ingevulde werkmap met de scores en het spinnenweb."
        ),
        epilog="Voorbeeld: zelfscan export --gemeente Aldermeer --soort nulmeting --out a.xlsx",
    )
    export.add_argument(
        "--gemeente",
        required=True,
        type=name_argument("gemeente"),
        metavar="NAAM",
        help="de gemeente",
    )
    export.add_argument(
        "--datum", type=iso_date, metavar="JJJJ-MM-DD", help="alleen de zelfscan van deze datum"
    )
    export.add_argument(
        "--soort",
        type=str.lower,
        choices=SOORTEN,
        metavar="SOORT",
        help="nulmeting, evaluatie of toetsingsmoment",
    )
    export.add_argument("--out", required=True, metavar="BESTAND", help="het .xlsx-bestand")
    export.add_argument(
        "--met-deelnemers",
        action="store_true",
        help="ook het blad Deelnemers met namen meesturen (standaard: zonder namen)",
    )
    export.set_defaults(func=run_export)


def run_form(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services.exchange import make_form

    path = make_form(ctx.questionnaire, args.out, gemeente=args.gemeente, regio=args.regio)
    ctx.say(f"Leeg formulier geschreven naar {path}.")
    return 0


#: From this many files on, `import` prints progress on stderr (about every 5 %).
PROGRESS_FROM = 20


def progress_printer(ctx: CliContext, total: int):
    """A progress callback that prints "n van N bestanden verwerkt" now and then, or None."""
    if total < PROGRESS_FROM:
        return None
    step = max(10, total // 20)

    def report(done: int, total: int) -> None:
        if done % step == 0 or done == total:
            ctx.progress(f"… {done} van {total} bestanden verwerkt")

    return report


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services.exchange import ImportStatus, import_files

    report = import_files(
        ctx.db,
        args.files,
        ctx.questionnaire,
        on_progress=progress_printer(ctx, len(args.files)),
    )
    for result in report.results:
        if result.status is ImportStatus.REFUSED:
            ctx.refuse(result.message)
        elif result.status is ImportStatus.CONFLICT:
            ctx.say(f"conflict: {result.message}")
        else:
            ctx.say(f"{result.status.value}: {result.message}")
        if result.status is ImportStatus.IMPORTED and result.warning:
            ctx.warn(f"{result.path}: {result.warning}")
    ctx.say(report.summary())
    return 1 if report.not_stored else 0


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.domain.scan import SoortMeting
    from zelfscan_app.services.exchange import choose_scan, export_scan

    soort = SoortMeting(args.soort) if args.soort else None
    item = choose_scan(ctx.db, gemeente=args.gemeente, datum=args.datum, soort=soort)
    path = export_scan(
        ctx.db, ctx.questionnaire, item.id, args.out, with_participants=args.met_deelnemers
    )
    names = "met" if args.met_deelnemers else "zonder"
    ctx.say(
        f"Zelfscan {item.id} ({item.gemeente}, {item.soort.value} {item.datum.isoformat()}) "
        f"geschreven naar {path} ({names} namen van deelnemers)."
    )
    if item.warning:
        ctx.warn(item.warning)
    return 0
