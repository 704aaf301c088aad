"""`zelfscan voortgang` and `zelfscan programma`: the meeting kit for regions and scripts."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time

from zelfscan_app.cli.context import CliContext

_TEMPLATES_HELP = (
    "map met eigen sjablonen (in huisstijl); een sjabloon dat daar niet staat, komt uit het "
    "programma. Standaard: de omgevingsvariabele ZELFSCAN_TEMPLATES"
)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-12"
        ) from None


def _time(text: str) -> time:
    for pattern in ("%H:%M", "%H.%M"):
        try:
            return datetime.strptime(text, pattern).time()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"'{text}' is geen tijd; schrijf bijvoorbeeld 09:00")


def _speaker(text: str) -> tuple[str, str]:
    role, sep, name = text.partition("=")
    if not sep or not role.strip() or not name.strip():
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen spreker; schrijf ROL=NAAM, bijvoorbeeld welkom='Jan de Vries'"
        )
    return role.strip(), name.strip()


def register(commands: argparse._SubParsersAction) -> None:
    from zelfscan_app.domain.programme import SPEAKER_ROLES, Meeting

    progress = commands.add_parser(
        "voortgang",
        help="schrijf de voortgang van de verbeteracties (.xlsx) van een regio",
        description=(
            "Schrijft een Excel-werkmap met alle verbeteracties van de plannen van aanpak, met\n"
            "status en herziendatum, en per gemeente hoeveel acties te herzien of over datum\n"
            "zijn (routekaart fase 5, PDCA)."
        ),
        epilog="Voorbeeld: zelfscan voortgang --regio 'Regio Noordwaard' --out voortgang.xlsx",
    )
    progress.add_argument("--regio", metavar="NAAM", help="alleen de gemeenten van deze regio")
    progress.add_argument("--out", required=True, metavar="BESTAND", help="het .xlsx-bestand")
    progress.add_argument(
        "--peildatum",
        type=_date,
        metavar="JJJJ-MM-DD",
        help="de dag waartegen 'te herzien' en 'over datum' worden bepaald (standaard: vandaag)",
    )
    progress.set_defaults(func=run_progress)

    roles = "; ".join(
        f"{meeting.value}: {', '.join(SPEAKER_ROLES[meeting])}" for meeting in Meeting
    )
    programme = commands.add_parser(
        "programma",
        help="schrijf het programma van een bijeenkomst (.docx)",
        description=(
            "Schrijft het programma van de startbijeenkomst (bijlage 1) of de follow-up\n"
            "bijeenkomst (bijlage 3) in Word, met de tijden vanaf het gekozen begin."
        ),
        epilog=(
            "Voorbeeld: zelfscan programma startbijeenkomst --wie 'Regio Noordwaard' "
            "--datum 2026-03-12 --begin 13:30 --spreker welkom='Jan de Vries, wethouder' "
            f"--out programma.docx\nRollen van sprekers: {roles}"
        ),
    )
    programme.add_argument("bijeenkomst", choices=[m.value for m in Meeting])
    programme.add_argument("--wie", required=True, metavar="TEKST", help="regio en/of gemeente")
    programme.add_argument("--datum", required=True, type=_date, metavar="JJJJ-MM-DD")
    programme.add_argument("--begin", type=_time, metavar="UU:MM", help="standaard 09:00")
    programme.add_argument("--locatie", default="", metavar="TEKST", help="zaal of link")
    programme.add_argument(
        "--spreker",
        type=_speaker,
        action="append",
        default=[],
        metavar="ROL=NAAM",
        help="een spreker per rol (mag vaker)",
    )
    programme.add_argument("--out", required=True, metavar="BESTAND", help="het .docx-bestand")
    programme.add_argument("--sjablonen", metavar="MAP", help=_TEMPLATES_HELP)
    programme.set_defaults(func=run_programme)


def run_progress(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services.monitoring import follow_ups, write_voortgang

    today = args.peildatum or date.today()
    path = write_voortgang(ctx.db, args.out, today, args.regio)
    attention = [f for f in follow_ups(ctx.db, today, args.regio) if f.needs_attention]
    ctx.say(f"Voortgang geschreven naar {path}.")
    for f in attention:
        ctx.say(f"  {f.gemeente}: {f.over_datum} over datum, {f.te_herzien} te herzien")
    return 0


def run_programme(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.domain.programme import DEFAULT_START, Meeting, ProgrammeDetails
    from zelfscan_app.services.programmes import write_programme

    details = ProgrammeDetails(
        meeting=Meeting(args.bijeenkomst),
        wie=args.wie,
        datum=args.datum,
        start=args.begin or DEFAULT_START,
        locatie=args.locatie,
        speakers=dict(args.spreker),
    )
    written = write_programme(details, args.out, template_dir=args.sjablonen)
    ctx.say(f"Programma geschreven naar {written.path} (sjabloon: {written.template}).")
    return 0
