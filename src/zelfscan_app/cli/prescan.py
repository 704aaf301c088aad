"""`zelfscan voorbereiding`: pre-scans of one scan (import, blank form, where we disagree)."""

from __future__ import annotations

import argparse

from zelfscan_app.cli.context import CliContext


def _scan_number(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen zelfscannummer; geef het nummer uit de lijst, bijvoorbeeld 12"
        )
    return int(text)


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser(
        "voorbereiding",
        help="voorbereidingen van deelnemers: inlezen, formulier, waar verschillen we",
        description=(
            "Een voorbereiding is het formulier dat één deelnemer vóór de bijeenkomst alleen\n"
            "invult, met ‘Voorbereiding door’ (een naam of alleen een organisatie). Het wordt\n"
            "ingelezen bij één zelfscan, nooit als zelfscan op zich, en gaat nooit naar de regio."
        ),
    )
    actions = group.add_subparsers(title="opdrachten", dest="actie", metavar="ACTIE")
    actions.required = True

    imp = actions.add_parser(
        "importeer",
        help="lees ingevulde voorbereidingen (.xlsx, of een map) in bij een zelfscan",
        description=(
            "Leest voorbereidingen in bij zelfscan NUMMER. Elk bestand wordt in zijn geheel\n"
            "ingelezen of geweigerd, met een melding die het bestand en het probleem noemt.\n"
            "Een map leest alle .xlsx-bestanden erin. Dezelfde voorbereiding twee keer\n"
            "inlezen bewaart haar één keer."
        ),
        epilog="Voorbeeld: zelfscan voorbereiding importeer --scan 12 voorbereidingen/",
    )
    imp.add_argument(
        "--scan", required=True, type=_scan_number, metavar="NUMMER", help="de zelfscan"
    )
    imp.add_argument("files", nargs="+", metavar="BESTAND", help=".xlsx-bestanden of een map")
    imp.set_defaults(func=run_import)

    form = actions.add_parser(
        "formulier",
        help="maak het formulier (.xlsx) voor de voorbereiding van een zelfscan",
        description=(
            "Maakt het lege formulier met gemeente, regio, datum en soort meting van de\n"
            "zelfscan al ingevuld; een deelnemer vult alleen ‘Voorbereiding door’ en de\n"
            "antwoorden in."
        ),
        epilog="Voorbeeld: zelfscan voorbereiding formulier --scan 12 --out voorbereiding.xlsx",
    )
    form.add_argument(
        "--scan", required=True, type=_scan_number, metavar="NUMMER", help="de zelfscan"
    )
    form.add_argument("--out", required=True, metavar="BESTAND", help="het .xlsx-bestand")
    form.set_defaults(func=run_form)

    overview = actions.add_parser(
        "verschillen",
        help="toon per vraag hoe de voorbereidingen verdeeld zijn, meeste verschil eerst",
        description=(
            "Toont de vragen waarover de voorbereidingen (of het handopsteken) het meest\n"
            "verschillen, met de verdeling. Zonder namen."
        ),
        epilog="Voorbeeld: zelfscan voorbereiding verschillen --scan 12",
    )
    overview.add_argument(
        "--scan", required=True, type=_scan_number, metavar="NUMMER", help="de zelfscan"
    )
    overview.set_defaults(func=run_overview)


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.cli.exchange import progress_printer
    from zelfscan_app.services import prescans
    from zelfscan_app.services.exchange import ImportStatus

    paths = prescans.workbooks_in(args.files)
    if not paths:
        ctx.refuse("er staan geen .xlsx-bestanden in de gekozen map")
        return 1
    report = prescans.import_prescans(
        ctx.db,
        ctx.questionnaire,
        args.scan,
        paths,
        on_progress=progress_printer(ctx, len(paths)),
    )
    for result in report.results:
        if result.status is ImportStatus.REFUSED:
            ctx.refuse(result.message)
        else:
            ctx.say(f"{result.status.value}: {result.message}")
    ctx.say(report.summary())
    return 1 if report.refused else 0


def run_form(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services.prescans import make_prescan_form

    path = make_prescan_form(ctx.db, ctx.questionnaire, args.scan, args.out)
    ctx.say(f"Formulier voor de voorbereiding van zelfscan {args.scan} geschreven naar {path}.")
    return 0


def run_overview(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services import prescans, scans

    scan = scans.get_scan(ctx.db, args.scan)
    view = prescans.overview(ctx.db, ctx.questionnaire, args.scan)
    if view.prescans:
        ctx.say(f"{scan.title}: {view.prescans} voorbereidingen.")
    else:
        ctx.say(f"{scan.title}: geen voorbereidingen; verdeling uit het handopsteken.")
    if not view.ranking:
        ctx.say("Nog geen vraag met twee of meer antwoorden: er is (nog) niets te vergelijken.")
        return 0
    for ranked in view.ranking:
        mark = "≠" if ranked.split.marked else " "
        ctx.say(
            f"{mark} vraag {ranked.question:>2}: {ranked.split.label()} "
            f"({ranked.split.minority_text()})"
        )
    return 0
