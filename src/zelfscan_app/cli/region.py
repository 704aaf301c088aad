"""`zelfscan merge`: the workbooks of a region merged into one regional picture."""

from __future__ import annotations

import argparse
from pathlib import Path

from zelfscan_app.cli.context import CliContext
from zelfscan_app.cli.dutch_argparse import SOORTEN, name_argument
from zelfscan_app.domain.names import NameProblem, clean_name
from zelfscan_app.errors import ZelfscanError


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
            "helemaal geen scores (ook geen gemiddelde), alleen hoeveel gemeenten meededen.\n"
            "De letters worden per run willekeurig verdeeld; met --sleutel BESTAND houdt een\n"
            "gemeente haar letter in volgende runs (het bestand bevat een geheim, geen namen)."
        ),
        epilog=(
            "Voorbeelden:\n"
            "  zelfscan merge werkmappen/*.xlsx --out regio.xlsx\n"
            "  zelfscan merge *.xlsx --out regio.xlsx --json regio.json --docx rapport.docx\n"
            "  zelfscan merge *.xlsx --soort nulmeting --anoniem --out regio-anoniem.xlsx\n"
            "  zelfscan merge *.xlsx --anoniem --sleutel sleutel.json --log logboek.txt "
            "--out regio.xlsx"
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
        "--log",
        metavar="BESTAND",
        help=(
            "met --anoniem: schrijf de meldingen per bestand en per gemeente (met bestands- en "
            "gemeentenamen) naar dit logboek in plaats van naar het scherm"
        ),
    )
    parser.add_argument(
        "--sleutel",
        metavar="BESTAND",
        help=(
            "met --anoniem: houd de letters per gemeente vast over meerdere runs in dit "
            "sleutelbestand (wordt aangemaakt als het nog niet bestaat; geheim, niet meesturen)"
        ),
    )
    parser.add_argument(
        "--min-groep",
        type=_group_size,
        default=None,
        metavar="N",
        help="met --anoniem: minimaal aantal gemeenten om scores te tonen (standaard 5)",
    )
    parser.add_argument(
        "--soort",
        type=str.lower,
        choices=SOORTEN,
        metavar="SOORT",
        help="alleen deze soort meting: nulmeting, evaluatie of toetsingsmoment",
    )
    parser.add_argument(
        "--regio",
        type=name_argument("regio"),
        metavar="NAAM",
        help="naam van de regio in de uitvoer",
    )
    parser.add_argument(
        "--auteur",
        default="",
        metavar="ORGANISATIE",
        help="uw organisatie als auteur van het rapport (--docx); bij --anoniem het programma",
    )
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
    names = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            names.append(clean_name(line, what="gemeente", limit=200))
        except NameProblem as exc:
            raise ZelfscanError(str(exc), path=path, where=f"regel {number}") from None
    return names


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
    if args.sleutel and not args.anoniem:
        raise ZelfscanError("--sleutel hoort bij --anoniem")
    if args.log and not args.anoniem:
        raise ZelfscanError(
            "--log hoort bij --anoniem (zonder --anoniem staan de meldingen op het scherm)"
        )
    if args.log and not Path(args.log).expanduser().parent.is_dir():
        raise ZelfscanError("de map voor het logboek bestaat niet", path=args.log)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from zelfscan_app.domain.caution import region_warnings
    from zelfscan_app.domain.region import MIN_GROUP_SIZE
    from zelfscan_app.domain.scan import SoortMeting
    from zelfscan_app.services import region

    _check_outputs(args)
    details = _Details(ctx, anonymous=args.anoniem, log=args.log)
    outputs = {Path(p).expanduser().resolve() for p in (args.out, args.json, args.docx) if p}
    inputs = [f for f in args.files if Path(f).expanduser().resolve() not in outputs]
    for skipped in sorted(set(args.files) - set(inputs)):
        details.warn(
            f"{skipped}: dit is een uitvoerbestand van deze opdracht en wordt niet gelezen"
        )
    expected = _expected(args.gemeenten)
    key = region.load_letter_key(args.sleutel) if args.sleutel else None
    soort = SoortMeting(args.soort) if args.soort else None
    merge = region.merge_files(
        inputs, ctx.questionnaire, soort=soort, regio=args.regio or "", expected=expected
    )
    for refused in merge.refused:
        details.refused(refused.message)
    for note in merge.notes:
        details.warn(note)
    details.summarise()
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
        key=key,
    )
    for note in (*region_warnings(picture.summary), *report.notes(duplicates=False)):
        ctx.warn(note)
    if report.suppressed:
        ctx.warn(report.disclosure.reason)
    # The Word report first: a refused template then leaves no output at all behind.
    docx = region.write_document(report, args.docx, author=args.auteur) if args.docx else None
    written = [
        *([region.write_workbook(report, args.out)] if args.out else []),
        *([region.write_json(report, args.json)] if args.json else []),
        *([docx] if docx else []),
    ]
    if args.sleutel and report.updated_key is not None:
        written.append(region.save_letter_key(report.updated_key, args.sleutel))
    ctx.say(merge.summary())
    for path in written:
        ctx.say(f"Geschreven: {path}")
    return 1 if merge.refused else 0


class _Details:
    """Messages that name files or municipalities: on the screen, or with --anoniem not there.

    An anonymised run may be watched or logged by others (a shared screen, a CI log), so file
    names (often the municipality's) and per-municipality notes then go only to the operator's
    log (`--log FILE`, appended, readable by its owner only); the screen gets the counts.
    """

    def __init__(self, ctx: CliContext, *, anonymous: bool, log: str | None) -> None:
        self._ctx = ctx
        self._anonymous = anonymous
        self._log = Path(log).expanduser() if log else None
        self._refused = 0
        self._notes = 0
        self._lines: list[str] = []

    def refused(self, message: str) -> None:
        self._refused += 1
        if not self._anonymous:
            self._ctx.refuse(message)  # terminal-safe, like every other CLI line
            return
        self._lines.append(f"geweigerd: {message}")

    def warn(self, message: str) -> None:
        self._notes += 1
        if not self._anonymous:
            self._ctx.warn(message)
            return
        self._lines.append(f"let op: {message}")

    def summarise(self) -> None:
        """Anonymous: the counts on the screen, the lines in the log (when asked for)."""
        if not self._anonymous or not self._lines:
            return
        parts = []
        if self._refused:
            parts.append(
                f"{self._refused} {'bestand' if self._refused == 1 else 'bestanden'} geweigerd"
            )
        if self._notes:
            word = "melding" if self._notes == 1 else "meldingen"
            parts.append(f"{self._notes} {word} over afzonderlijke bestanden of gemeenten")
        where = (
            f"de details staan in het logboek {self._log}"
            if self._log is not None
            else "de details (met bestands- en gemeentenamen) staan niet op het scherm; "
            "vraag ze op met --log BESTAND"
        )
        self._ctx.warn(f"{' en '.join(parts)}; {where}.")
        if self._log is not None:
            self._write_log()

    def _write_log(self) -> None:
        import os
        from datetime import datetime

        assert self._log is not None
        stamp = datetime.now().replace(microsecond=0).isoformat(sep=" ")
        text = "".join(f"{stamp} {line}\n" for line in self._lines)
        try:
            fd = os.open(self._log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            raise ZelfscanError(
                f"het logboek kan niet worden geschreven ({exc.strerror or exc})",
                path=str(self._log),
            ) from None
