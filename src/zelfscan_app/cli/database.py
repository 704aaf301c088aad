"""`zelfscan database upgrade|status|rollen`: looking after a (shared) database.

On PostgreSQL the app never changes the schema itself; these commands are what the region's
database administrator runs (README, "Een gedeelde database voor de regio").
"""

from __future__ import annotations

import argparse

from zelfscan_app.cli.context import CliContext


def _gemeente_rol(text: str) -> tuple[str, str]:
    role, sep, name = text.partition("=")
    if not sep or not role.strip() or not name.strip():
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen rol met gemeente; schrijf ROL=GEMEENTE, bijvoorbeeld "
            "aldermeer=Aldermeer"
        )
    return role.strip(), name.strip()


def register(commands: argparse._SubParsersAction) -> None:
    database = commands.add_parser(
        "database",
        help="schema bijwerken, status tonen of rollen instellen (gedeelde database)",
        description=(
            "Beheer van de database. Op PostgreSQL maakt of wijzigt het programma het schema\n"
            "nooit zelf: de beheerder draait 'zelfscan database upgrade' (ook op een lege\n"
            "database) en eventueel 'zelfscan database rollen'."
        ),
    )
    actions = database.add_subparsers(title="acties", dest="action", metavar="ACTIE")
    actions.required = True
    upgrade = actions.add_parser(
        "upgrade",
        help="maak of werk het schema bij tot de versie van dit programma",
        description="Voert de migraties uit; maakt het schema in een lege database.",
        epilog="Voorbeeld: zelfscan database upgrade --database postgresql+psycopg://beheer@db/zelfscan",
    )
    status = actions.add_parser(
        "status",
        help="toon database (zonder wachtwoord), schemaversie en aantallen",
        epilog="Voorbeeld: zelfscan database status --database postgresql+psycopg://coord@db/zelfscan",
    )
    rollen = actions.add_parser(
        "rollen",
        help="rijbeveiliging: coördinator ziet alles, een gemeente alleen haar eigen scans",
        description=(
            "Richt rijbeveiliging (row-level security) in op een gedeelde PostgreSQL-database:\n"
            "de groepsrol zelfscan_coordinator ziet alles, de groepsrol zelfscan_gemeente alleen\n"
            "de eigen zelfscans en de andere gemeenten alleen via de geanonimiseerde view\n"
            "zelfscan_regio_antwoorden. Maak de inlogrollen zelf (CREATE ROLE ... LOGIN\n"
            "PASSWORD ...); deze opdracht zet ze in hun groep. Draai hem opnieuw na elke upgrade."
        ),
        epilog=(
            "Voorbeeld: zelfscan database rollen --coordinator regio --gemeente aldermeer=Aldermeer"
        ),
    )
    rollen.add_argument(
        "--coordinator",
        action="append",
        default=[],
        metavar="ROL",
        help="bestaande inlogrol die alles mag zien (mag vaker)",
    )
    rollen.add_argument(
        "--gemeente",
        action="append",
        default=[],
        type=_gemeente_rol,
        metavar="ROL=GEMEENTE",
        help="bestaande inlogrol van een gemeente, met de gemeentenaam (mag vaker)",
    )
    rollen.add_argument(
        "--toon-sql",
        action="store_true",
        help="toon alleen de SQL (voor de beheerder), voer niets uit",
    )
    for parser in (upgrade, status, rollen):
        parser.add_argument(
            "--database",
            metavar="URL",
            default=argparse.SUPPRESS,
            help="SQLAlchemy-URL van de database (zoals de algemene optie --database)",
        )
    upgrade.set_defaults(func=run_upgrade)
    status.set_defaults(func=run_status)
    rollen.set_defaults(func=run_rollen)


def _url(args: argparse.Namespace, ctx: CliContext) -> str:
    from zelfscan_app.errors import DatabaseFault
    from zelfscan_app.storage.database import default_url, is_in_memory
    from zelfscan_app.storage.faults import IN_MEMORY, display_name

    url = getattr(args, "database", None) or ctx.database_url or default_url()
    ctx.database_url = url  # messages name this database
    if is_in_memory(url):
        raise DatabaseFault(IN_MEMORY, path=display_name(url))
    return url


def run_upgrade(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services import shared_database

    done = shared_database.upgrade(_url(args, ctx))
    if done.before == done.after:
        ctx.say(f"{ctx.database_name}: het schema is al actueel (versie {done.after})")
    else:
        ctx.say(
            f"{ctx.database_name}: schema bijgewerkt van {done.before or 'leeg'} naar {done.after}"
        )
    if done.roles_applied:
        ctx.say(f"{ctx.database_name}: rollen en rijbeveiliging opnieuw toegepast op alle tabellen")
    return 0


def run_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services import shared_database

    for line in shared_database.status(_url(args, ctx)).lines():
        ctx.say(line)
    return 0


def run_rollen(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services import shared_database

    sql = shared_database.setup_roles(
        _url(args, ctx),
        coordinators=args.coordinator,
        gemeenten=args.gemeente,
        dry_run=args.toon_sql,
    )
    if args.toon_sql:
        for statement in sql:  # as is: a DBA copies it into psql
            print(statement + ";", file=ctx.out)
        return 0
    ctx.say(f"{ctx.database_name}: rollen en rijbeveiliging ingesteld")
    for role in args.coordinator:
        ctx.say(f"coördinator: {role}")
    for role, name in args.gemeente:
        ctx.say(f"gemeente {name}: {role}")
    return 0
