"""`zelfscan plan` and `zelfscan rapport`: the Word documents of one scan."""

from __future__ import annotations

import argparse

from zelfscan_app.cli.context import CliContext

_SCAN_HELP = "het nummer van een zelfscan in de database (bijvoorbeeld 12) of een .xlsx-werkboek"
_AUTHOR_HELP = (
    "uw organisatie als auteur in de documenteigenschappen (standaard: Zelfscan "
    "Kwaliteitskader); nooit de naam van een deelnemer"
)
_TEMPLATES_HELP = (
    "map met eigen sjablonen (in huisstijl); een sjabloon dat daar niet staat, komt uit het "
    "programma. Standaard: de omgevingsvariabele ZELFSCAN_TEMPLATES"
)


def _period(text: str) -> tuple[int, int]:
    from zelfscan_app.reports.plan_document import parse_period

    try:
        return parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(commands: argparse._SubParsersAction) -> None:
    plan = commands.add_parser(
        "plan",
        help="schrijf een plan van aanpak (.docx) bij een zelfscan",
        description=(
            "Schrijft een plan van aanpak in Word volgens het format van bijlage 5 van de\n"
            "routekaart: inleiding, context, samenvatting met spinnenweb en, liggend, per groep\n"
            "kwaliteitsstandaarden een tabel met een regel voor elke vraag die ‘Niet op orde’ is\n"
            "(aangevuld met de verbeteracties die in het programma zijn ingevuld)."
        ),
        epilog="Voorbeeld: zelfscan plan 12 --out plan-van-aanpak.docx --periode 2025-2026",
    )
    plan.add_argument("scan", metavar="ZELFSCAN", help=_SCAN_HELP)
    plan.add_argument("--out", required=True, metavar="BESTAND", help="het .docx-bestand")
    plan.add_argument(
        "--periode",
        type=_period,
        metavar="JAAR-JAAR",
        help="looptijd in de titel (standaard: twee jaar vanaf de zelfscan)",
    )
    plan.add_argument("--sjablonen", metavar="MAP", help=_TEMPLATES_HELP)
    plan.add_argument("--auteur", default="", metavar="ORGANISATIE", help=_AUTHOR_HELP)
    plan.set_defaults(func=run_plan)

    report = commands.add_parser(
        "rapport",
        help="schrijf een rapportage (.docx) van een zelfscan",
        description=(
            "Schrijft een beknopte rapportage in Word: het spinnenweb, de score per\n"
            "kwaliteitsstandaard en daaronder per standaard de antwoorden met hun toelichting\n"
            "en nuancering."
        ),
        epilog="Voorbeeld: zelfscan rapport aldermeer.xlsx --out rapport.docx",
    )
    report.add_argument("scan", metavar="ZELFSCAN", help=_SCAN_HELP)
    report.add_argument("--out", required=True, metavar="BESTAND", help="het .docx-bestand")
    report.add_argument("--sjablonen", metavar="MAP", help=_TEMPLATES_HELP)
    report.add_argument("--auteur", default="", metavar="ORGANISATIE", help=_AUTHOR_HELP)
    report.set_defaults(func=run_report)


def _done(ctx: CliContext, what: str, written) -> int:
    for warning in written.warnings:
        ctx.warn(warning)
    ctx.say(f"{what} geschreven naar {written.path} (sjabloon: {written.template}).")
    return 0


def run_plan(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services.documents import write_plan_for

    written = write_plan_for(
        ctx.db,
        ctx.questionnaire,
        args.scan,
        args.out,
        template_dir=args.sjablonen,
        period=args.periode,
        author=args.auteur,
    )
    return _done(ctx, "Plan van aanpak", written)


def run_report(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.services.documents import write_findings_for

    written = write_findings_for(
        ctx.db,
        ctx.questionnaire,
        args.scan,
        args.out,
        template_dir=args.sjablonen,
        author=args.auteur,
    )
    return _done(ctx, "Rapportage", written)
