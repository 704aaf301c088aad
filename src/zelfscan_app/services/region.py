"""Regional use cases: choose one scan per municipality, merge, and present the result safely.

GUI and CLI both come through here. A `RegionPicture` is the merge itself (from the database or
from workbooks); a `RegionReport` is that picture as one report shows it. The anonymity rules
(codes instead of names, free text only on opt-in and then scrubbed, nothing per municipality
below the minimum group size) live in `RegionReport` only, so every view and export obeys the
same ones and none can forget a rule.
"""

from __future__ import annotations

import json
import random
import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from zelfscan_app.domain.anonymity import (
    MUNICIPALITY_PLACEHOLDER,
    PERSON_PLACEHOLDER,
    WITHHELD_TEXT,
    LetterKey,
    TextScrubber,
    scrub_or_withhold,
)
from zelfscan_app.domain.caution import region_cautions
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.region import (
    MIN_GROUP_SIZE,
    Disclosure,
    Municipality,
    RegionSummary,
    anonymised_summary_json,
    anonymous_names,
    latest_per_municipality,
    summarize_region,
    summary_json,
    withhold_scores,
)
from zelfscan_app.domain.scan import AnswerValue, Scan, SoortMeting
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.reports.spider_data import PALETTE, Series, SpiderChart, chart_axes

if TYPE_CHECKING:
    from zelfscan_app.exchange.region_workbook import RegionWorkbook
    from zelfscan_app.reports.region_document import RegionDetails
    from zelfscan_app.storage.database import Database

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

#: How many municipalities can be drawn over the regional spider and still be told apart.
MAX_OVERLAYS = len(PALETTE) - 1
NO_TEXT = "–"
NAME_PLACEHOLDER = PERSON_PLACEHOLDER
OTHER_MUNICIPALITY = MUNICIPALITY_PLACEHOLDER


# The merge ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contribution:
    """The scan chosen for one municipality, its completeness, and what was left aside."""

    scan: Scan
    answered: int
    total: int
    others: int = 0  # other scans of this municipality (of the chosen soort) not used
    source: str = ""  # the workbook it came from, when merging files

    @property
    def name(self) -> str:
        return self.scan.gemeente

    @property
    def complete(self) -> bool:
        return self.answered >= self.total


@dataclass(frozen=True, slots=True)
class RegionPicture:
    """One scan per municipality, merged; plus who is missing and what was left out."""

    questionnaire: Questionnaire
    summary: RegionSummary
    contributions: tuple[Contribution, ...]  # in the order of summary.municipalities
    regio: str = ""
    soort: SoortMeting | None = None
    missing: tuple[str, ...] = ()  # known municipalities without a (chosen kind of) scan
    excluded_questions: tuple[int, ...] = ()  # not in every questionnaire version merged
    other_questionnaire: int = 0  # scans left out: they belong to another questionnaire
    versions: Mapping[str, int] = field(default_factory=dict)  # version → municipalities

    @property
    def count(self) -> int:
        return len(self.contributions)

    @property
    def incomplete(self) -> tuple[Contribution, ...]:
        return tuple(c for c in self.contributions if not c.complete)

    @property
    def with_others(self) -> tuple[Contribution, ...]:
        return tuple(c for c in self.contributions if c.others)

    def contribution(self, name: str) -> Contribution:
        return next(c for c in self.contributions if c.name == name)

    @property
    def question_numbers(self) -> tuple[int, ...]:
        return tuple(q.question for q in self.summary.questions)

    @property
    def short_selection(self) -> str:
        """'nieuwste zelfscan per gemeente' or 'alleen nulmetingen', for titles."""
        return f"alleen {_plural(self.soort)}" if self.soort else "nieuwste zelfscan per gemeente"

    @property
    def selection_text(self) -> str:
        """'nieuwste zelfscan per gemeente (5 nulmetingen, 3 evaluaties)' or 'alleen …'."""
        if self.soort is not None:
            return f"alleen {_plural(self.soort)}"
        kinds = Counter(c.scan.soort for c in self.contributions)
        parts = [
            f"{kinds[s]} {_plural(s) if kinds[s] != 1 else s.value}"
            for s in SoortMeting
            if kinds[s]
        ]
        detail = f" ({', '.join(parts)})" if len(kinds) > 1 else ""
        return f"nieuwste zelfscan per gemeente{detail}"


def _plural(soort: SoortMeting) -> str:
    return {
        SoortMeting.NULMETING: "nulmetingen",
        SoortMeting.EVALUATIE: "evaluaties",
        SoortMeting.TOETSINGSMOMENT: "toetsingsmomenten",
    }[soort]


def build_picture(
    questionnaire: Questionnaire,
    scans: Sequence[Scan],
    *,
    soort: SoortMeting | None = None,
    regio: str = "",
    expected: Iterable[str] = (),
    sources: Mapping[int, str] | None = None,
) -> RegionPicture:
    """Merge the newest scan of each municipality (of `soort`, when given).

    `expected` is a known list of the region's municipalities; without it, 'missing' means the
    municipalities among `scans` without a scan of the chosen soort. `sources` maps scan ids to
    the file each came from.
    """
    usable = [s for s in scans if s.questionnaire_id == questionnaire.id]
    chosen = latest_per_municipality(usable, soort)
    counts = Counter(s.gemeente.casefold() for s in usable if soort is None or s.soort is soort)
    common, excluded, versions = _common_questions(questionnaire, usable, chosen)
    warnings = _version_warnings(questionnaire, versions, common, excluded)
    municipalities = [Municipality(s.gemeente, s.values) for s in chosen]
    summary = summarize_region(
        questionnaire,
        municipalities,
        questions=common if excluded else None,
        warnings=warnings,
    )
    contributions = tuple(
        Contribution(
            scan=s,
            answered=sum(s.values.get(n) is not None for n in common),
            total=len(common),
            others=counts[s.gemeente.casefold()] - 1,
            source=(sources or {}).get(s.id or 0, ""),
        )
        for s in chosen
    )
    present = {s.gemeente.casefold() for s in chosen}
    known: dict[str, str] = {}
    for name in [*expected, *(s.gemeente for s in usable)]:
        cleaned = " ".join(name.split())
        if cleaned:
            known.setdefault(cleaned.casefold(), cleaned)
    missing = tuple(sorted((n for k, n in known.items() if k not in present), key=str.casefold))
    return RegionPicture(
        questionnaire=questionnaire,
        summary=summary,
        contributions=contributions,
        regio=regio.strip(),
        soort=soort,
        missing=missing,
        excluded_questions=excluded,
        other_questionnaire=len(scans) - len(usable),
        versions=versions,
    )


def _common_questions(
    q: Questionnaire, usable: Sequence[Scan], chosen: Sequence[Scan]
) -> tuple[tuple[int, ...], tuple[int, ...], dict[str, int]]:
    """The questions every merged version has; (common, excluded, municipalities per version).

    A scan of this program's version has every question. A scan of another version only knows
    the questions it was written with; the reader does not keep that list, so the questions any
    scan of that version gave an answer or a text for stand in for it. That errs towards
    leaving a question out (and says so) rather than counting a missing question as open.
    """
    versions = Counter(s.questionnaire_version for s in chosen)
    everything = set(q.question_numbers)
    common = set(everything)
    for version in versions:
        if version == q.version:
            continue
        seen = {
            a.question
            for s in usable
            if s.questionnaire_version == version
            for a in s.answers
            if not a.is_empty
        }
        common &= seen
    ordered = tuple(n for n in q.question_numbers if n in common)
    excluded = tuple(n for n in q.question_numbers if n not in common)
    return ordered, excluded, dict(sorted(versions.items(), key=lambda kv: (-kv[1], kv[0])))


def _version_warnings(
    q: Questionnaire, versions: Mapping[str, int], common: Sequence[int], excluded: Sequence[int]
) -> list[str]:
    if not versions or set(versions) == {q.version}:
        return []
    listed = "; ".join(
        f"versie {v}: {n} {'gemeente' if n == 1 else 'gemeenten'}" for v, n in versions.items()
    )
    if len(versions) == 1:
        opening = (
            f"De zelfscans gebruiken een andere versie van de vragenlijst ({listed}) dan dit "
            f"programma ({q.version})."
        )
    else:
        opening = f"De zelfscans gebruiken verschillende versies van de vragenlijst ({listed})."
    if excluded:
        left_out = ", ".join(map(str, excluded))
        word = "vraag" if len(excluded) == 1 else "vragen"
        rest = (
            f" Samengevoegd op de {len(common)} vragen die in alle versies voorkomen; niet "
            f"meegenomen: {word} {left_out}."
        )
    else:
        rest = (
            " De antwoorden zijn op vraagnummer samengevoegd; alle vragen komen in elke versie "
            "voor."
        )
    return [opening + rest]


# From the database --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegionOption:
    """A region as the picker offers it."""

    regio: str  # '' for scans without a region
    municipalities: int
    scans: int

    @property
    def label(self) -> str:
        name = self.regio or "(zonder regio)"
        word = "gemeente" if self.municipalities == 1 else "gemeenten"
        return f"{name} ({self.municipalities} {word})"


def region_options(db: Database) -> list[RegionOption]:
    """Every region in the database with its number of municipalities, by name."""
    from zelfscan_app.services.scans import list_scans

    groups: dict[str, tuple[str, set[str], int]] = {}
    for item in list_scans(db):
        key = item.regio.strip().casefold()
        name, munis, n = groups.get(key, (item.regio.strip(), set(), 0))
        munis.add(item.gemeente.casefold())
        groups[key] = (name, munis, n + 1)
    options = [RegionOption(name, len(munis), n) for name, munis, n in groups.values()]
    return sorted(options, key=lambda o: (not o.regio, o.regio.casefold()))


def load_region(
    db: Database,
    questionnaire: Questionnaire,
    *,
    regio: str | None = None,
    scan_ids: Sequence[int] | None = None,
    soort: SoortMeting | None = None,
    title: str = "",
) -> RegionPicture:
    """The picture of one region (all its scans), or of a chosen set of scans.

    Without `regio`, the picture is named after the one region its scans share, else `title`.
    """
    from zelfscan_app.storage import repository as repo

    with db.session() as session:
        scans = repo.get_scans(session, list(scan_ids) if scan_ids is not None else None)
    if regio is not None:
        wanted = regio.strip().casefold()
        scans = [s for s in scans if s.regio.strip().casefold() == wanted]
        label = regio.strip()
    else:
        regions = {s.regio.strip() for s in scans}
        label = regions.pop() if len(regions) == 1 else title
    return build_picture(questionnaire, scans, soort=soort, regio=label)


# From workbooks ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RefusedFile:
    path: str
    message: str  # one Dutch sentence that names the file and the problem


@dataclass(frozen=True, slots=True)
class FileMerge:
    """The merge of workbooks: the picture (None when no file could be used) and the refusals."""

    picture: RegionPicture | None
    files: int
    refused: tuple[RefusedFile, ...] = ()
    notes: tuple[str, ...] = ()  # per file or municipality, with names: for the terminal only
    cancelled: bool = False
    reading: str = ""  # how the files were read: serially or by a process pool (ReadPlan)

    @property
    def merged(self) -> int:
        return self.files - len(self.refused)

    def summary(self) -> str:
        municipalities = self.picture.count if self.picture else 0
        word = "gemeente" if municipalities == 1 else "gemeenten"
        return f"{self.merged} van {self.files} bestanden samengevoegd ({municipalities} {word})."


def merge_files(
    paths: Sequence[str | Path],
    questionnaire: Questionnaire,
    *,
    soort: SoortMeting | None = None,
    regio: str = "",
    expected: Iterable[str] = (),
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> FileMerge:
    """Read every workbook (each refused on its own, with its own message) and merge the rest.

    Nothing is stored: a merge reads files, the database stays as it was.
    """
    from zelfscan_app.exchange.reader import read_plan, read_scan_files

    scans: list[Scan] = []
    sources: dict[int, str] = {}
    refused: list[RefusedFile] = []
    notes: list[str] = []
    cancelled = False
    plan = read_plan(len(paths))  # a process pool for many files, serial otherwise
    outcomes = read_scan_files(paths, questionnaire, plan=plan)
    for index, path in enumerate(paths):
        if should_cancel is not None and should_cancel():
            cancelled = True
            outcomes.close()
            break
        read = next(outcomes)
        if isinstance(read, ZelfscanError):
            refused.append(RefusedFile(str(path), str(read)))
        elif read.scan.prepared_by:  # one participant's voorbereiding is never merged
            refused.append(
                RefusedFile(
                    str(path),
                    f"{path}: niet samengevoegd: dit is een voorbereiding van één deelnemer "
                    "(‘Voorbereiding door’ is ingevuld), geen zelfscan van een gemeente",
                )
            )
        else:
            # File order breaks ties between scans of one municipality on the same day.
            scans.append(replace(read.scan, id=index + 1))
            sources[index + 1] = str(path)
            notes += [f"{path}: {w}" for w in read.warnings]
        if on_progress is not None:
            on_progress(index + 1, len(paths))
    outcomes.close()
    reading = plan.describe()
    if cancelled:
        return FileMerge(
            None, len(paths), tuple(refused), tuple(notes), cancelled=True, reading=reading
        )
    if not scans:
        return FileMerge(None, len(paths), tuple(refused), tuple(notes), reading=reading)
    if not regio:
        regions = {s.regio.strip() for s in scans if s.regio.strip()}
        regio = regions.pop() if len(regions) == 1 else ""
    picture = build_picture(
        questionnaire, scans, soort=soort, regio=regio, expected=expected, sources=sources
    )
    for c in picture.with_others:
        what = f"{c.scan.soort.value} {c.scan.datum.isoformat()}"
        notes.append(
            f"{c.name}: {c.others + 1} werkmappen; gebruikt is de nieuwste ({what}, {c.source})."
        )
    return FileMerge(picture, len(paths), tuple(refused), tuple(notes), reading=reading)


# Presentation --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerLine:
    """One municipality's answer to one question, as a view or export may show it."""

    label: str
    value: AnswerValue | None
    toelichting: str
    nuancering: str

    @property
    def value_text(self) -> str:
        return self.value.value if self.value is not None else "Niet beantwoord"


@dataclass(frozen=True)
class RegionReport:
    """A picture as one report shows it: names or codes, and what may be shown at all.

    The codes are shuffled with `seed`, which must not be derivable from the names (the default
    is random); the same report object gives the same codes in every view and export.
    """

    picture: RegionPicture
    anonymous: bool = False
    min_group_size: int = MIN_GROUP_SIZE
    with_texts: bool = False  # anonymous only: show scrubbed toelichtingen after an opt-in
    seed: int = field(default_factory=lambda: secrets.randbits(32))
    #: Letters remembered across reports (a session) or runs (`--sleutel FILE`); None: the
    #: codes follow from `seed` alone.
    key: LetterKey | None = None

    def with_options(self, **changes: object) -> RegionReport:
        """The same report with other options (and the same codes)."""
        return replace(self, **changes)

    # What may be shown -------------------------------------------------------------------------
    @cached_property
    def _coded(self) -> tuple[LetterKey | None, Mapping[str, str]]:
        real = self.picture.summary.municipalities
        if not self.anonymous:
            return self.key, {name: name for name in real}
        if self.key is None:
            return None, anonymous_names(real, self.seed)
        return self.key.assign(real, random.Random(self.seed))

    @property
    def names(self) -> Mapping[str, str]:
        return self._coded[1]

    @property
    def updated_key(self) -> LetterKey | None:
        """`key` plus the letters this report handed out (to keep for the next report)."""
        return self._coded[0]

    @cached_property
    def summary(self) -> RegionSummary:
        """The merge as this report may show it: without any score below the group size."""
        summary = self.picture.summary
        return withhold_scores(summary) if self.suppressed else summary

    @property
    def disclosure(self) -> Disclosure:
        return Disclosure(self.anonymous, self.min_group_size, self.picture.count)

    @property
    def suppressed(self) -> bool:
        return self.disclosure.suppressed

    @property
    def per_municipality(self) -> bool:
        """Whether anything per municipality (spread, rows, per-question counts) may be shown."""
        return not self.suppressed

    @property
    def texts_visible(self) -> bool:
        return self.per_municipality and (not self.anonymous or self.with_texts)

    @property
    def texts_hidden_reason(self) -> str:
        if self.texts_visible:
            return ""
        if self.suppressed:
            return self.disclosure.reason
        return (
            "Toelichtingen zijn verborgen in de geanonimiseerde weergave: vrije tekst kan een "
            "gemeente herkenbaar maken. Kies 'toelichtingen tonen' om ze zonder namen te zien."
        )

    def label(self, name: str) -> str:
        return self.names.get(name, OTHER_MUNICIPALITY if self.anonymous else name)

    def scan_text(self, c: Contribution) -> str:
        """'evaluatie 2026-10-05'; anonymous without the date, which can point at a municipality."""
        if self.anonymous:
            return c.scan.soort.value
        return f"{c.scan.soort.value} {c.scan.datum.isoformat()}"

    @property
    def view_text(self) -> str:
        if not self.anonymous:
            return "gemeenten bij naam"
        if self.suppressed:
            return "geanonimiseerd, alleen het aantal gemeenten"
        return "geanonimiseerd, gemeenten met een code"

    @cached_property
    def regio_label(self) -> str:
        regio = self.picture.regio
        if not regio:
            return "Regio" if self.anonymous else "Zelf gekozen zelfscans"
        if self.anonymous and self.scrub(regio) != regio:
            return "Regio"  # a region named after a municipality would name it
        return regio

    @property
    def title(self) -> str:
        return f"Regio-overzicht {self.regio_label}" if self.picture.regio else self.regio_label

    # Scrubbing -----------------------------------------------------------------------------------
    @cached_property
    def _scrubber(self) -> TextScrubber:
        """The domain's free-text rules (domain.anonymity) for this report's names and codes."""
        people = [
            person
            for c in self.picture.contributions
            for person in (c.scan.facilitator, *(p.naam for p in c.scan.participants))
            if person.strip()
        ]
        return TextScrubber(
            codes=dict(self.names), others=tuple(self.picture.missing), people=tuple(people)
        )

    def scrub(self, text: str) -> str:
        """Anonymous: every known municipality and person name replaced, or the text withheld
        where that cannot surely be done (WITHHELD_TEXT); not anonymous: unchanged."""
        if not self.anonymous or not text:
            return text
        cache = self._scrubbed
        if text not in cache:
            cache[text] = no_double_gemeente(scrub_or_withhold(self._scrubber, text))
        return cache[text]

    @cached_property
    def _scrubbed(self) -> dict[str, str]:
        """Texts scrubbed so far (many repeat: 'Staat beschreven.', a shared nuancering)."""
        return {}

    @cached_property
    def withheld_texts(self) -> int:
        """How many toelichtingen and nuanceringen are left out as not surely anonymous."""
        if not (self.anonymous and self.texts_visible):
            return 0
        return sum(
            self.scrub(text) == WITHHELD_TEXT
            for c in self.picture.contributions
            for number in self.picture.question_numbers
            for text in (c.scan.answer(number).toelichting, c.scan.answer(number).nuancering)
            if text
        )

    # Content -------------------------------------------------------------------------------------
    def ordered(self) -> list[Contribution]:
        """Contributions in display order: names alphabetically, codes A, B, …, Z, AA."""
        return sorted(self.picture.contributions, key=lambda c: _label_key(self.label(c.name)))

    def answers(self, question: int) -> list[AnswerLine]:
        """Each municipality's answer to a question, texts only where they may be shown."""
        if not self.per_municipality:
            return []
        return [self.answer_line(c.name, question) for c in self.ordered()]

    def answer_line(self, name: str, question: int) -> AnswerLine:
        """One municipality's answer; raises ValueError where nothing per municipality may show."""
        if not self.per_municipality:
            raise ValueError("nothing per municipality may be shown below the minimum group size")
        answer = self.picture.contribution(name).scan.answer(question)
        toelichting = nuancering = ""
        if self.texts_visible:
            toelichting = self.scrub(answer.toelichting)
            nuancering = self.scrub(answer.nuancering)
        return AnswerLine(self.label(name), answer.value, toelichting, nuancering)

    def notes(self, *, duplicates: bool = True) -> tuple[str, ...]:
        """Dutch sentences about the selection: missing, incomplete, left aside, versions.

        `duplicates=False` leaves out the sentence about municipalities with several scans, for
        callers that already named each one.
        """
        p = self.picture
        notes: list[str] = []
        missing_what = f"geen {p.soort.value}" if p.soort else "geen zelfscan"
        if p.missing:
            if self.anonymous:
                word = "gemeente heeft" if len(p.missing) == 1 else "gemeenten hebben"
                notes.append(f"{len(p.missing)} {word} {missing_what} en ontbreken hier.")
            else:
                notes.append(f"Ontbreekt ({missing_what}): {', '.join(p.missing)}.")
        incomplete = p.incomplete
        if incomplete:
            if self.per_municipality:
                listed = ", ".join(
                    f"{self.label(c.name)} ({c.answered} van {c.total})"
                    for c in sorted(incomplete, key=lambda c: _label_key(self.label(c.name)))
                )
                notes.append(f"Onvolledig (niet alle vragen beantwoord): {listed}.")
            else:
                notes.append(
                    f"{len(incomplete)} van de {p.count} zelfscans zijn niet volledig ingevuld."
                )
        if p.with_others and duplicates:
            n = len(p.with_others)
            word = "gemeente" if n == 1 else "gemeenten"
            notes.append(
                f"Van {n} {word} zijn meerdere zelfscans aanwezig; telkens is de nieuwste gebruikt."
            )
        if p.other_questionnaire:
            notes.append(
                f"{p.other_questionnaire} zelfscan(s) van een andere vragenlijst zijn niet "
                "meegenomen: verschillende vragenlijsten worden nooit gemengd."
            )
        notes += [self.scrub(w) for w in p.summary.warnings]
        if self.withheld_texts:
            n = self.withheld_texts
            notes.append(
                f"{n} {'toelichting' if n == 1 else 'toelichtingen'} weggelaten: kon niet zeker "
                "worden geanonimiseerd (een naam die ook een gewoon woord is, of een mogelijke "
                "naam naast een bekende naam)."
            )
        return tuple(notes)

    @property
    def cautions(self) -> tuple[str, ...]:
        """The small-numbers notes every output of this report carries (domain.caution)."""
        return region_cautions(self.picture.questionnaire, self.summary)

    def chart(self, overlays: Sequence[str] = ()) -> SpiderChart:
        """The regional spider: the mean, the min–max band and chosen municipalities."""
        from zelfscan_app.services.documents import region_chart

        p = self.picture
        chart = region_chart(p.questionnaire, p.summary, self.disclosure, regio=self.regio_label)
        subtitle = f"Zelfscan Kwaliteitskader · {p.count} gemeenten · {p.short_selection}"
        if self.suppressed:  # below the group size: axes only, no mean, no band, no counts
            return replace(
                chart,
                axes=chart_axes(p.questionnaire, {}),
                series=(),
                band=None,
                subtitle=subtitle,
                note=f"{chart.note}\n{self.disclosure.reason}",
                description=f"Spindiagram zonder scores: {self.disclosure.reason}",
            )
        series = list(chart.series)
        if self.per_municipality:
            for index, name in enumerate(list(overlays)[:MAX_OVERLAYS]):
                scores = p.summary.per_municipality.get(name)
                if scores is None:
                    continue
                label = self.label(name)
                series.append(Series(label, dict(scores), PALETTE[1 + index], short_label=label))
        return replace(
            chart,
            series=tuple(series),
            subtitle=subtitle,
        )

    def composition(self) -> tuple[tuple[str, int], ...]:
        """Scans per soort and year ('nulmeting 2025', 3), soort by soort, years ascending.

        Below the minimum group size only the soort is counted: a year beside a count of one
        can point at a municipality.
        """
        with_year = not self.suppressed
        counts = Counter(
            (c.scan.soort, c.scan.datum.year if with_year else 0)
            for c in self.picture.contributions
        )
        order = list(SoortMeting)
        return tuple(
            (f"{soort.value} {year}" if year else soort.value, n)
            for (soort, year), n in sorted(
                counts.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1])
            )
        )

    def mixed_text(self) -> str:
        """A warning when the merge combines soorten or years; empty when it does not."""
        contributions = self.picture.contributions
        soorten = {c.scan.soort for c in contributions}
        years = {c.scan.datum.year for c in contributions}
        if len(soorten) <= 1 and len(years) <= 1:
            return ""
        parts = []
        for label, n in self.composition():
            soort, _, year = label.partition(" ")
            word = soort if n == 1 else _plural(SoortMeting(soort))
            parts.append(f"{n} {word}" + (f" uit {year}" if year else ""))
        listed = ", ".join(parts[:-1]) + f" en {parts[-1]}" if len(parts) > 1 else parts[0]
        what = "soorten metingen" if len(soorten) > 1 else "metingen uit verschillende jaren"
        advice = (
            " Kies voor een zuivere vergelijking ‘alleen nulmetingen’ (of een andere soort): in "
            "het regio-overzicht bij Meting, of met zelfscan merge --soort nulmeting."
            if len(soorten) > 1
            else ""
        )
        return (
            f"Dit overzicht mengt {what}: {listed}. Het gemiddelde telt ze alsof het één "
            f"moment is.{advice}"
        )

    def document_details(self) -> RegionDetails:
        """What the Word report says about the merge: choice, composition, per municipality."""
        from zelfscan_app.reports.region_document import RegionDetails

        p = self.picture
        selection = p.short_selection
        return RegionDetails(
            selection=selection[:1].upper() + selection[1:],
            composition=self.composition(),
            mixed=self.mixed_text(),
            meting={c.name: self.scan_text(c) for c in p.contributions}
            if self.per_municipality
            else {},
            notes=self.notes(),
        )

    def json_data(self) -> dict[str, object]:
        """The JSON contract of PRODUCT.md, plus a few extra keys (never renamed)."""
        summary = self.picture.summary  # anonymised_summary_json withholds what it must
        if self.anonymous:
            data = anonymised_summary_json(summary, self.disclosure)
        else:
            data = summary_json(summary)
            data["anonymised"] = False
        if "warnings" in data:
            data["warnings"] = [self.scrub(w) for w in data["warnings"]]  # type: ignore[union-attr]
        data["regio"] = self.regio_label
        data["soort"] = self.picture.soort.value if self.picture.soort else None
        data["missing"] = len(self.picture.missing)
        data["incomplete"] = len(self.picture.incomplete)
        data["cautions"] = list(self.cautions)
        return data

    def workbook(self, today: date | None = None) -> RegionWorkbook:
        """What the regional workbook shows: already anonymised and limited by the disclosure."""
        from zelfscan_app.exchange.region_workbook import MunicipalityRow, RegionWorkbook, TextRow

        p = self.picture
        facts = [
            ("Regio", self.regio_label),
            ("Gemeenten", str(p.count)),
            ("Zelfscans", p.selection_text[:1].upper() + p.selection_text[1:]),
            ("Vragenlijst", f"{p.summary.questionnaire_id} {p.summary.questionnaire_version}"),
            ("Weergave", self.view_text[:1].upper() + self.view_text[1:]),
        ]
        if self.anonymous:
            facts.append(("Minimale groepsgrootte", str(self.min_group_size)))
        facts.append(("Gemaakt op", (today or date.today()).isoformat()))
        rows = None
        if self.per_municipality:
            rows = tuple(
                MunicipalityRow(
                    label=self.label(c.name),
                    scores=tuple(
                        p.summary.per_municipality[c.name].get(s.number)
                        for s in p.questionnaire.standards
                    ),
                    answered=c.answered,
                    total=c.total,
                    meting=self.scan_text(c),
                )
                for c in self.ordered()
            )
        texts = None
        if self.texts_visible:
            texts = tuple(
                TextRow(line.label, number, line.value_text, line.toelichting, line.nuancering)
                for number in p.question_numbers
                for line in self.answers(number)
                if line.toelichting or line.nuancering
            )
        return RegionWorkbook(
            questionnaire=p.questionnaire,
            summary=self.summary,
            scores=not self.suppressed,
            title=self.regio_label,
            facts=tuple(facts),
            notes=(
                (self.disclosure.reason, *self.cautions, *self.notes())
                if self.suppressed
                else (*self.cautions, *self.notes())
            ),
            rows=rows,
            texts=texts,
            per_municipality=self.per_municipality,
            hidden_reason=self.disclosure.reason or self.texts_hidden_reason,
            anonymous=self.anonymous,
            cautions=self.cautions,
        )


_DOUBLE_GEMEENTE = re.compile(r"(?<!\w)gemeente\s+(Gemeente [A-Z]+)(?!\w)", re.IGNORECASE)


def no_double_gemeente(text: str) -> str:
    """'in gemeente Aldermeer' scrubbed is 'in Gemeente I', never 'in gemeente Gemeente I'."""
    return _DOUBLE_GEMEENTE.sub(r"\1", text)


def _label_key(label: str) -> tuple[int, int, str]:
    """Codes in letter order ('Gemeente B' before 'Gemeente AA'); names alphabetically."""
    if label.startswith("Gemeente ") and label[9:].isalpha() and label[9:].isupper():
        return (0, len(label), label)
    return (1, 0, label.casefold())


# Exports -------------------------------------------------------------------------------------


def write_workbook(report: RegionReport, path: str | Path) -> Path:
    """The regional workbook (.xlsx), written atomically."""
    from zelfscan_app.exchange.region_workbook import region_workbook_bytes
    from zelfscan_app.exchange.writer import save_atomic

    return save_atomic(region_workbook_bytes(report.workbook()), path)


def write_json(report: RegionReport, path: str | Path) -> Path:
    """The JSON summary for data analysts, written atomically."""
    target = Path(path)
    if target.suffix.lower() != ".json":
        raise ZelfscanError("kies een bestandsnaam die eindigt op .json", path=str(path))
    text = json.dumps(report.json_data(), ensure_ascii=False, indent=2) + "\n"
    return _save_text(text, target)


def _save_text(text: str, target: Path) -> Path:
    from zelfscan_app.output_file import write_atomic

    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ZelfscanError("de map om in op te slaan bestaat niet", path=str(target))
    try:
        return write_atomic(text.encode("utf-8"), target)
    except OSError as exc:
        raise ZelfscanError(
            f"het bestand kan niet worden opgeslagen ({exc.strerror or exc})", path=str(target)
        ) from None


# Letter key ------------------------------------------------------------------------------

KEY_KIND = "zelfscan-lettersleutel"
_KEY_MAX_BYTES = 2_000_000


def new_letter_key() -> LetterKey:
    """A fresh key with a random secret (32 bytes from the OS): letters no one can trace back."""
    return LetterKey(secrets.token_bytes(32))


KEY_FILE_NAME = "lettersleutel.json"


def default_letter_key_path(db: Database) -> Path:
    """Where the window keeps its key: beside a SQLite database, else in the user data folder."""
    from zelfscan_app.storage.config import APP_NAME, sqlite_file

    database_file = sqlite_file(db.url)
    if database_file is not None:
        return database_file.parent / KEY_FILE_NAME
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / KEY_FILE_NAME


def load_letter_key(path: str | Path) -> LetterKey:
    """The key in `path`, or a new one when the file does not exist yet.

    One Dutch ZelfscanError naming the file for anything that is not a key this program wrote.
    """
    target = Path(path).expanduser()
    if not target.exists():
        if not target.parent.is_dir():
            raise ZelfscanError("de map voor het sleutelbestand bestaat niet", path=str(target))
        return new_letter_key()
    broken = "is geen lettersleutel van Zelfscan Kwaliteitskader (of is beschadigd)"
    if not target.is_file():
        raise ZelfscanError("het sleutelbestand is geen gewoon bestand", path=str(target))
    try:
        with open(target, "rb") as handle:
            raw = handle.read(_KEY_MAX_BYTES + 1)
        data = json.loads(raw.decode("utf-8")) if len(raw) <= _KEY_MAX_BYTES else None
    except OSError as exc:
        raise ZelfscanError(
            f"het sleutelbestand kan niet worden gelezen ({exc.strerror or exc})", path=str(target)
        ) from None
    except (UnicodeDecodeError, ValueError):
        raise ZelfscanError(broken, path=str(target)) from None
    try:
        if not isinstance(data, dict) or data.get("soort") != KEY_KIND or data.get("versie") != 1:
            raise ValueError
        secret = bytes.fromhex(data["geheim"])
        letters = data["letters"]
        valid = isinstance(letters, dict) and all(
            isinstance(k, str)
            and len(k) == 64
            and isinstance(v, str)
            and v.isalpha()
            and v.isupper()
            and len(v) <= 3
            for k, v in letters.items()
        )
        if not valid or len(set(letters.values())) != len(letters):
            raise ValueError
        return LetterKey(secret, letters)
    except (KeyError, TypeError, ValueError):
        raise ZelfscanError(broken, path=str(target)) from None


def save_letter_key(key: LetterKey, path: str | Path) -> Path:
    """Write the key atomically, readable by its owner only (it is a secret)."""
    import os
    import tempfile

    target = Path(path).expanduser()
    text = json.dumps(
        {
            "soort": KEY_KIND,
            "versie": 1,
            "uitleg": "Geheim: met dit bestand zijn de codes (Gemeente A, B, …) te herleiden. "
            "Bewaar het bij de uitvoer, maar stuur het niet mee.",
            "geheim": key.secret.hex(),
            "letters": dict(sorted(key.letters.items(), key=lambda kv: (len(kv[1]), kv[1]))),
        },
        ensure_ascii=False,
        indent=2,
    )
    try:
        fd, tmp = tempfile.mkstemp(prefix=".zelfscan-", suffix=".tmp", dir=target.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ZelfscanError(
            f"het sleutelbestand kan niet worden opgeslagen ({exc.strerror or exc})",
            path=str(target),
        ) from None
    return target


def write_document(
    report: RegionReport,
    path: str | Path,
    *,
    template_dir: str | Path | None = None,
    author: str = "",
) -> Path:
    """The regional Word report (.docx), with the same names or codes as the other exports."""
    from zelfscan_app.services.documents import write_region_report

    p = report.picture
    # Warnings go through the report's own scrubbing, the same rules as every other output.
    summary = replace(report.summary, warnings=tuple(report.scrub(w) for w in p.summary.warnings))
    written = write_region_report(
        p.questionnaire,
        summary,
        report.names,
        report.disclosure,
        path,
        regio=report.regio_label,
        template_dir=template_dir,
        details=report.document_details(),
        author=author,
    )
    return written.path


def write_chart(report: RegionReport, path: str | Path, overlays: Sequence[str] = ()) -> Path:
    """The regional spider as PNG or SVG (by suffix)."""
    from zelfscan_app.services.charts import export_chart

    return export_chart(report.chart(overlays), path)
