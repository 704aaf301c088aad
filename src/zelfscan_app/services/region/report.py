"""A `RegionPicture` as one report shows it: names or codes, and what may be shown at all.

The rules themselves are pure and live in `domain.anonymity.RegionAnonymity`; a `RegionReport`
applies them to one picture and says in Dutch what it shows (notes, composition, the mix of
kinds and years). Every view and export (GUI, workbook, JSON, Word, chart) prints only what a
report hands it, so the anonymised window shows exactly what the anonymised exports contain.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from zelfscan_app.domain.anonymity import (
    MUNICIPALITY_PLACEHOLDER,
    PERSON_PLACEHOLDER,
    WITHHELD_TEXT,
    LetterKey,
    RegionAnonymity,
    label_key,
)
from zelfscan_app.domain.caution import region_cautions
from zelfscan_app.domain.region import MIN_GROUP_SIZE, Disclosure, RegionSummary, withhold_scores
from zelfscan_app.domain.scan import AnswerValue, SoortMeting
from zelfscan_app.reports.spider_data import PALETTE
from zelfscan_app.services.region.merge import Contribution, RegionPicture, plural

if TYPE_CHECKING:
    from zelfscan_app.exchange.region_workbook import RegionWorkbook
    from zelfscan_app.reports.region_document import RegionDetails
    from zelfscan_app.reports.spider_data import SpiderChart

#: How many municipalities can be drawn over the regional spider and still be told apart.
MAX_OVERLAYS = len(PALETTE) - 1
NO_TEXT = "–"
NAME_PLACEHOLDER = PERSON_PLACEHOLDER
OTHER_MUNICIPALITY = MUNICIPALITY_PLACEHOLDER


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
        return replace(self, **changes)  # type: ignore[arg-type]

    # What may be shown: the domain's rules for this picture ------------------------------------
    @cached_property
    def rules(self) -> RegionAnonymity:
        p = self.picture
        people = tuple(
            person
            for c in p.contributions
            for person in (c.scan.facilitator, *(x.naam for x in c.scan.participants))
            if person.strip()
        )
        return RegionAnonymity(
            municipalities=tuple(p.summary.municipalities),
            anonymous=self.anonymous,
            min_group_size=self.min_group_size,
            with_texts=self.with_texts,
            seed=self.seed,
            key=self.key,
            people=people,
            others=tuple(p.missing),
            regio=p.regio,
        )

    @property
    def names(self) -> Mapping[str, str]:
        return self.rules.names

    @property
    def updated_key(self) -> LetterKey | None:
        """`key` plus the letters this report handed out (to keep for the next report)."""
        return self.rules.updated_key

    @cached_property
    def summary(self) -> RegionSummary:
        """The merge as this report may show it: without any score below the group size."""
        summary = self.picture.summary
        return withhold_scores(summary) if self.suppressed else summary

    @property
    def disclosure(self) -> Disclosure:
        return self.rules.disclosure

    @property
    def suppressed(self) -> bool:
        return self.rules.suppressed

    @property
    def per_municipality(self) -> bool:
        """Whether anything per municipality (spread, rows, per-question counts) may be shown."""
        return self.rules.per_municipality

    @property
    def texts_visible(self) -> bool:
        return self.rules.texts_visible

    @property
    def texts_hidden_reason(self) -> str:
        return self.rules.texts_hidden_reason

    def label(self, name: str) -> str:
        return self.rules.label(name)

    def scan_text(self, c: Contribution) -> str:
        """'evaluatie 2026-10-05'; anonymous without the date, which can point at a municipality."""
        if not self.rules.dates_visible:
            return c.scan.soort.value
        return f"{c.scan.soort.value} {c.scan.datum.isoformat()}"

    @property
    def view_text(self) -> str:
        if not self.anonymous:
            return "gemeenten bij naam"
        if self.suppressed:
            return "geanonimiseerd, alleen het aantal gemeenten"
        return "geanonimiseerd, gemeenten met een code"

    @property
    def regio_label(self) -> str:
        return self.rules.regio_label

    @property
    def title(self) -> str:
        return f"Regio-overzicht {self.regio_label}" if self.picture.regio else self.regio_label

    def scrub(self, text: str) -> str:
        """Anonymous: every known municipality and person name replaced, or the text withheld
        where that cannot surely be done (WITHHELD_TEXT); not anonymous: unchanged."""
        return self.rules.scrub(text)

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
        return sorted(self.picture.contributions, key=lambda c: label_key(self.label(c.name)))

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
                    for c in sorted(incomplete, key=lambda c: label_key(self.label(c.name)))
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
            word = soort if n == 1 else plural(SoortMeting(soort))
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

    # Outputs (built in services.region.outputs) ---------------------------------------------
    def chart(self, overlays: Sequence[str] = ()) -> SpiderChart:
        """The regional spider: the mean, the min–max band and chosen municipalities."""
        from zelfscan_app.services.region.outputs import region_spider

        return region_spider(self, overlays)

    def document_details(self) -> RegionDetails:
        """What the Word report says about the merge: choice, composition, per municipality."""
        from zelfscan_app.services.region.outputs import document_details

        return document_details(self)

    def json_data(self) -> dict[str, object]:
        """The JSON contract (docs/json-summary.md), plus a few extra keys (never renamed)."""
        from zelfscan_app.services.region.outputs import json_data

        return json_data(self)

    def workbook(self, today: date | None = None) -> RegionWorkbook:
        """What the regional workbook shows: already anonymised and limited by the disclosure."""
        from zelfscan_app.services.region.outputs import workbook_content

        return workbook_content(self, today)
