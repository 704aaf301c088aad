"""`zelfscan demo`: fill the database with a believable demo region."""

from __future__ import annotations

import argparse

from zelfscan_app.cli.context import CliContext


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "demo",
        help="vul de database met een demoregio",
        description=(
            "Vult de database met een fictieve demoregio: acht gemeenten met een nulmeting, "
            "de helft ook met een evaluatie, gevarieerde antwoorden en toelichtingen."
        ),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services.demo import DEMO_REGION, fill_demo

    ids = fill_demo(ctx.db, ctx.questionnaire)
    ctx.say(f"{len(ids)} demozelfscans toegevoegd voor {DEMO_REGION} ({ctx.db.url}).")
    return 0
