"""`zelfscan backup lijst|maak|herstel`: the automatic copies of the local SQLite database."""

from __future__ import annotations

import argparse

from zelfscan_app.cli.context import CliContext


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help="back-ups van de lokale database bekijken, maken of terugzetten",
        description=(
            "Het programma bewaart bij elke start een kopie van de lokale database in de map\n"
            "'backups' ernaast (de laatste 10, alleen als er iets veranderd is). Terugzetten\n"
            "maakt eerst een kopie van de huidige stand, zodat ook dat ongedaan kan."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = backup.add_subparsers(title="opdrachten", dest="backup_command", metavar="OPDRACHT")
    backup.set_defaults(func=lambda args, ctx: _usage(backup))
    lijst = actions.add_parser("lijst", help="toon de back-ups met wat erin staat")
    lijst.set_defaults(func=run_list)
    maak = actions.add_parser("maak", help="maak nu een back-up")
    maak.set_defaults(func=run_make)
    herstel = actions.add_parser(
        "herstel",
        help="zet een back-up terug (de huidige stand wordt eerst bewaard)",
        epilog="Voorbeeld: zelfscan backup herstel zelfscan-2026-03-15_09-30-00",
    )
    herstel.add_argument("name", metavar="NAAM", help="de naam uit 'zelfscan backup lijst'")
    herstel.set_defaults(func=run_restore)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 1


def describe(summary: object) -> str:
    """One line about what a backup holds (or why it cannot be read)."""
    if isinstance(summary, str):
        return f"onleesbaar: {summary}"
    from zelfscan_app.dutch_dates import dutch_date
    from zelfscan_app.storage.backup import Summary

    assert isinstance(summary, Summary)
    count = len(summary.scans)
    scans = "1 zelfscan" if count == 1 else f"{count} zelfscans"
    municipalities = (
        "1 gemeente" if summary.municipalities == 1 else f"{summary.municipalities} gemeenten"
    )
    newest = f", nieuwste {dutch_date(summary.newest)}" if summary.newest else ""
    return f"{scans}, {municipalities}{newest}"


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services.backup import backup_folder, list_backups

    folder = backup_folder(ctx.db)
    backups = list_backups(ctx.db)
    if not backups:
        ctx.say(f"Nog geen back-ups in {folder}.")
        return 0
    ctx.say(f"Back-ups in {folder} (nieuwste eerst):")
    for item in backups:
        ctx.say(f"{item.path.stem}  {item.made:%d-%m-%Y %H:%M}  {describe(item.summary)}")
    return 0


def run_make(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services.backup import backup_folder, make_backup

    made = make_backup(ctx.db)
    if made is None:
        ctx.say(f"Geen nieuwe back-up nodig: er is niets veranderd ({backup_folder(ctx.db)}).")
    else:
        ctx.say(f"Back-up gemaakt: {made.path}")
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services.backup import find_backup, restore_backup

    chosen = find_backup(ctx.db, args.name)
    done = restore_backup(ctx.db, chosen)
    ctx.say(f"Teruggezet: {chosen.path.stem} ({describe(chosen.summary)}).")
    if done.safety is not None:
        ctx.say(f"De stand van daarvoor staat in back-up {done.safety.path.stem}.")
    return 0
