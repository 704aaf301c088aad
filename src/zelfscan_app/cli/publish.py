"""`zelfscan publiceer`: copy local scans into the region's shared database."""

from __future__ import annotations

import argparse

from zelfscan_app.cli.context import CliContext


def _scan_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen zelfscannummer; geef nummers zoals 12"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen zelfscannummer; geef nummers zoals 12")
    return value


def register(commands: argparse._SubParsersAction) -> None:
    pub = commands.add_parser(
        "publiceer",
        help="zet zelfscans uit deze database in de gedeelde database van de regio",
        description=(
            "Kopieert gekozen zelfscans uit de lokale database naar de gedeelde database van\n"
            "de regio, met alles wat erbij hoort: antwoorden, toelichtingen, deelnemers,\n"
            "duiding, plan van aanpak en de antwoorden van het Rad van Fortuin. Elke zelfscan\n"
            "gaat in één keer over of helemaal niet. Een zelfscan die er al staat, wordt niet\n"
            "nog eens opgeslagen (opnieuw publiceren kan dus altijd); een andere zelfscan voor\n"
            "dezelfde gemeente, datum en soort meting wordt apart bewaard en als conflict\n"
            "gemeld. De lokale database verandert niet. Het wachtwoord komt uit ~/.pgpass,\n"
            "PGPASSWORD of de sleutelbos en wordt nergens getoond of bewaard."
        ),
        epilog=(
            "Voorbeelden:\n"
            "  zelfscan publiceer --naar postgresql+psycopg://anna@db.regio.nl/zelfscan 12 14\n"
            "  zelfscan publiceer --naar postgresql+psycopg://anna@db.regio.nl/zelfscan --alles"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    pub.add_argument(
        "--naar",
        required=True,
        metavar="URL",
        help="de gedeelde database (SQLAlchemy-URL, bijvoorbeeld postgresql+psycopg://…)",
    )
    pub.add_argument(
        "scans",
        nargs="*",
        default=[],
        type=_scan_id,
        metavar="ZELFSCAN",
        help="nummers van de zelfscans (zoals in de lijst van het programma)",
    )
    pub.add_argument("--alles", action="store_true", help="alle zelfscans publiceren")
    pub.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,  # keeps the global --database when not given here
        help="de lokale database (standaard: die van het programma)",
    )
    pub.set_defaults(func=run_publish)


def run_publish(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.errors import ZelfscanError
    from zelfscan_app.services.publish import PublishStatus, publish_scans, target_name

    if args.alles == bool(args.scans):
        raise ZelfscanError(
            "noem de zelfscans die u wilt publiceren, of kies --alles (niet allebei)"
        )
    ctx.progress(f"Publiceren naar {target_name(args.naar)} …")

    def progress(done: int, total: int) -> None:
        ctx.progress(f"… {done} van {total} zelfscans verwerkt")

    report = publish_scans(
        ctx.db,
        args.naar,
        None if args.alles else args.scans,
        on_progress=progress,
    )
    for result in report.results:
        if result.status is PublishStatus.FAILED:
            ctx.refuse(result.message)
        elif result.status is PublishStatus.PUBLISHED:
            ctx.say(result.message)
        else:
            ctx.say(f"{result.status.value}: {result.message}")
        if result.status in (PublishStatus.CONFLICT, PublishStatus.PRESENT) and result.warning:
            ctx.warn(result.warning)
    ctx.say(report.summary())
    return 0 if report.ok else 1
