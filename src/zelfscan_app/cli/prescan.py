"""`zelfscan voorbereiding`: pre-scans of one scan (import, blank form, where we disagree,
list and remove one)."""

from __future__ import annotations

import argparse

from zelfscan_app.cli.context import CliContext


def _scan_number(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen zelfscannummer; geef het nummer uit de lijst, bijvoorbeeld 12"
        )
    return int(text)


def _prescan_number(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen voorbereidingsnummer; geef het nummer uit "
            "`zelfscan voorbereiding lijst`"
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

    listing = actions.add_parser(
        "lijst",
        help="toon de ingelezen voorbereidingen van een zelfscan met hun nummer",
        description=(
            "Toont per voorbereiding het nummer (voor ‘verwijder’) en hoeveel vragen zij\n"
            "beantwoordt; de namen alleen met --namen."
        ),
        epilog="Voorbeeld: zelfscan voorbereiding lijst --scan 12 --namen",
    )
    listing.add_argument(
        "--scan", required=True, type=_scan_number, metavar="NUMMER", help="de zelfscan"
    )
    listing.add_argument(
        "--namen", action="store_true", help="toon ook ‘Voorbereiding door’ (standaard niet)"
    )
    listing.set_defaults(func=run_list)

    remove = actions.add_parser(
        "verwijder",
        help="haal één voorbereiding uit een zelfscan (het nummer uit ‘lijst’)",
        description=(
            "Verwijdert voorbereiding NUMMER uit de zelfscan, bijvoorbeeld een die per\n"
            "vergissing is ingelezen. De antwoorden van de zelfscan zelf veranderen niet."
        ),
        epilog="Voorbeeld: zelfscan voorbereiding verwijder --scan 12 7",
    )
    remove.add_argument(
        "--scan", required=True, type=_scan_number, metavar="NUMMER", help="de zelfscan"
    )
    remove.add_argument("prescan", type=_prescan_number, metavar="VOORBEREIDING", help="het nummer")
    remove.set_defaults(func=run_remove)


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


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services import prescans, scans

    scan = scans.get_scan(ctx.db, args.scan)
    stored = prescans.prescans(ctx.db, args.scan)
    if not stored:
        ctx.say(f"{scan.title}: geen voorbereidingen.")
        return 0
    ctx.say(f"{scan.title}: {len(stored)} voorbereidingen.")
    total = len(ctx.questionnaire.questions)
    for prescan in stored:
        answered = sum(a.value is not None for a in prescan.answers)
        door = f" — {prescan.door}" if args.namen and prescan.door else ""
        ctx.say(f"  nummer {prescan.id}: {answered} van {total} vragen beantwoord{door}")
    return 0


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services import prescans, scans

    scan = scans.get_scan(ctx.db, args.scan)
    if not prescans.remove_prescan(ctx.db, args.scan, args.prescan):
        ctx.refuse(
            f"zelfscan {args.scan} heeft geen voorbereiding {args.prescan}; "
            f"zie `zelfscan voorbereiding lijst --scan {args.scan}`"
        )
        return 1
    ctx.say(f"Voorbereiding {args.prescan} verwijderd uit {scan.title}.")
    return 0
