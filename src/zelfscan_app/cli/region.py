"""`zelfscan merge`: the workbooks of a region merged into one regional picture."""

from __future__ import annotations

import argparse
from pathlib import Path

from zelfscan_app.cli.context import CliContext
from zelfscan_app.errors import ZelfscanError

_SOORTEN = ("nulmeting", "evaluatie", "toetsingsmoment")


def _group_size(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal") from None
    if value < 1:
        raise argparse.ArgumentTypeError("de minimale groepsgrootte is minstens 1")
    return value


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "merge",
        help="voeg de zelfscanwerkmappen van een regio samen (regio-overzicht)",
        description=(
            "Voegt ingevulde zelfscanwerkmappen (.xlsx) van verschillende gemeenten samen tot\n"
            "één regionaal beeld: per kwaliteitsstandaard het gemiddelde, de laagste en hoogste\n"
            "score en het aantal gemeenten (n), en per vraag ‘x van y gemeenten op orde’.\n"
            "Per gemeente telt de nieuwste werkmap (of de nieuwste van de gekozen --soort).\n"
            "De bestanden worden alleen gelezen; de database verandert niet.\n\n"
            "Een werkmap die niet gelezen kan worden of bij een andere vragenlijst hoort, wordt\n"
            "geweigerd met een melding; de andere worden wel samengevoegd (afsluitcode 1).\n"
            "Werkmappen van verschillende versies van de vragenlijst worden samengevoegd op de\n"
            "vragen die in alle versies voorkomen, met een waarschuwing.\n\n"
            "Met --anoniem heten de gemeenten ‘Gemeente A, B, …’ en staan er geen namen en geen\n"
            "toelichtingen in de uitvoer. Bij minder dan --min-groep gemeenten toont de uitvoer\n"
            "dan ook geen spreiding en geen aantallen per vraag: die wijzen naar één gemeente."
        ),
        epilog=(
            "Voorbeelden:\n"
            "  zelfscan merge werkmappen/*.xlsx --out regio.xlsx\n"
            "  zelfscan merge *.xlsx --out regio.xlsx --json regio.json --docx rapport.docx\n"
            "  zelfscan merge *.xlsx --soort nulmeting --anoniem --out regio-anoniem.xlsx"
        ),
    )
    parser.add_argument("files", nargs="+", metavar="BESTAND", help="zelfscanwerkmappen (.xlsx)")
    parser.add_argument("--out", metavar="BESTAND", help="de regionale werkmap (.xlsx)")
    parser.add_argument("--json", metavar="BESTAND", help="de samenvatting als JSON (.json)")
    parser.add_argument("--docx", metavar="BESTAND", help="het regionale rapport (.docx)")
    parser.add_argument(
        "--anoniem",
        action="store_true",
        help="gemeenten als ‘Gemeente A, B, …’, zonder namen en toelichtingen",
    )
    parser.add_argument(
        "--met-toelichtingen",
        action="store_true",
        help="met --anoniem: toch de toelichtingen opnemen (gemeente- en persoonsnamen vervangen)",
    )
    parser.add_argument(
        "--min-groep",
        type=_group_size,
        default=None,
        metavar="N",
        help="met --anoniem: minimaal aantal gemeenten voor spreiding en aantallen (standaard 5)",
    )
    parser.add_argument(
        "--soort",
        type=str.lower,
        choices=_SOORTEN,
        metavar="SOORT",
        help="alleen deze soort meting: nulmeting, evaluatie of toetsingsmoment",
    )
    parser.add_argument("--regio", metavar="NAAM", help="naam van de regio in de uitvoer")
    parser.add_argument(
        "--gemeenten",
        metavar="BESTAND",
        help="tekstbestand met alle gemeenten van de regio (één per regel): wie ontbreekt?",
    )
    parser.set_defaults(func=run)


def _expected(path: str | None) -> list[str]:
    if not path:
        return []
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ZelfscanError("het bestand met gemeenten bestaat niet", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "geen leesbare tekst (UTF-8)"
        raise ZelfscanError(
            f"het bestand met gemeenten kan niet worden gelezen ({reason})", path=path
        ) from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _check_outputs(args: argparse.Namespace) -> None:
    outputs = [
        (args.out, ".xlsx", "--out"),
        (args.json, ".json", "--json"),
        (args.docx, ".docx", "--docx"),
    ]
    if not any(path for path, _, _ in outputs):
        raise ZelfscanError(
            "geef minstens één uitvoerbestand: --out regio.xlsx, --json samenvatting.json of "
            "--docx rapport.docx"
        )
    for path, suffix, option in outputs:
        if path and Path(path).suffix.lower() != suffix:
            raise ZelfscanError(f"kies voor {option} een bestandsnaam op {suffix}", path=path)
        if path and not Path(path).expanduser().parent.is_dir():
            raise ZelfscanError("de map om in op te slaan bestaat niet", path=path)
    if args.met_toelichtingen and not args.anoniem:
        raise ZelfscanError(
            "--met-toelichtingen hoort bij --anoniem (zonder --anoniem staan ze er al in)"
        )
    if args.min_groep is not None and not args.anoniem:
        raise ZelfscanError("--min-groep hoort bij --anoniem")


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.domain.region import MIN_GROUP_SIZE
    from zelfscan_app.domain.scan import SoortMeting
    from zelfscan_app.services import region

    _check_outputs(args)
    outputs = {Path(p).expanduser().resolve() for p in (args.out, args.json, args.docx) if p}
    inputs = [f for f in args.files if Path(f).expanduser().resolve() not in outputs]
    for skipped in sorted(set(args.files) - set(inputs)):
        ctx.warn(f"{skipped}: dit is een uitvoerbestand van deze opdracht en wordt niet gelezen")
    expected = _expected(args.gemeenten)
    soort = SoortMeting(args.soort) if args.soort else None
    merge = region.merge_files(
        inputs, ctx.questionnaire, soort=soort, regio=args.regio or "", expected=expected
    )
    for refused in merge.refused:
        print(f"geweigerd: {refused.message}", file=ctx.err)
    for note in merge.notes:
        ctx.warn(note)
    picture = merge.picture
    if picture is None or picture.count == 0:
        ctx.say(merge.summary())
        what = f"geen {args.soort}" if soort else "geen bruikbare zelfscan"
        raise ZelfscanError(f"er is niets om samen te voegen: {what} in de opgegeven bestanden")
    report = region.RegionReport(
        picture,
        anonymous=args.anoniem,
        min_group_size=args.min_groep or MIN_GROUP_SIZE,
        with_texts=args.met_toelichtingen,
    )
    for note in report.notes(duplicates=False):
        ctx.warn(note)
    if report.suppressed:
        ctx.warn(report.disclosure.reason)
    written = []
    if args.out:
        written.append(region.write_workbook(report, args.out))
    if args.json:
        written.append(region.write_json(report, args.json))
    if args.docx:
        written.append(region.write_document(report, args.docx))
    ctx.say(merge.summary())
    for path in written:
        ctx.say(f"Geschreven: {path}")
    return 1 if merge.refused else 0
