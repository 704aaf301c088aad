"""A scan: one municipality's answers to the questionnaire at one moment."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class AnswerValue(StrEnum):
    """Deliberately binary, as the seed advises: 'het is dus op orde of niet op orde'."""

    OP_ORDE = "Op orde"
    NIET_OP_ORDE = "Niet op orde"


class SoortMeting(StrEnum):
    NULMETING = "nulmeting"
    EVALUATIE = "evaluatie"
    TOETSINGSMOMENT = "toetsingsmoment"


def parse_answer_value(text: str | None) -> AnswerValue | None:
    """Accept the two values case-insensitively; empty means unanswered; else ValueError."""
    cleaned = " ".join((text or "").split()).lower()
    if not cleaned:
        return None
    for value in AnswerValue:
        if cleaned == value.value.lower():
            return value
    raise ValueError(f"onbekend antwoord '{text}' (toegestaan: 'Op orde', 'Niet op orde' of leeg)")


def parse_soort(text: str) -> SoortMeting:
    cleaned = (text or "").strip().lower()
    try:
        return SoortMeting(cleaned)
    except ValueError:
        allowed = ", ".join(s.value for s in SoortMeting)
        raise ValueError(f"onbekende soort meting '{text}' (toegestaan: {allowed})") from None


@dataclass(frozen=True, slots=True)
class Participant:
    naam: str
    organisatie: str = ""
    rol: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    question: int
    value: AnswerValue | None = None
    toelichting: str = ""
    nuancering: str = ""
    bespreekpunt: bool = False

    @property
    def is_empty(self) -> bool:
        return self.value is None and not (self.toelichting or self.nuancering or self.bespreekpunt)


@dataclass(frozen=True, slots=True)
class Scan:
    gemeente: str
    regio: str
    datum: date
    soort: SoortMeting
    questionnaire_id: str
    questionnaire_version: str
    facilitator: str = ""
    participants: tuple[Participant, ...] = ()
    answers: tuple[Answer, ...] = ()
    id: int | None = None
    warning: str = ""
    #: 'Duiding door de groep': the group's own reading of the results (routekaart fase 3).
    duiding: str = ""
    #: 'Voorbereiding door' of a workbook: set when one participant filled the form alone
    #: (a pre-scan, `domain.prescan`); such a workbook is never stored or merged as a scan.
    prepared_by: str = ""

    @property
    def values(self) -> Mapping[int, AnswerValue | None]:
        return {a.question: a.value for a in self.answers}

    def answer(self, question: int) -> Answer:
        for a in self.answers:
            if a.question == question:
                return a
        return Answer(question)

    @property
    def title(self) -> str:
        return f"{self.gemeente} — {self.soort.value} {self.datum.isoformat()}"


def content_fingerprint(scan: Scan) -> str:
    """A hash of what a scan says: two scans with the same fingerprint are the same scan.

    Covers gemeente (case-insensitive), regio, datum, soort, questionnaire and version,
    gespreksleider, participants and every non-empty answer with its texts; not the database
    id, the warning or timestamps. An import stores it in a column with a unique index, so the
    database itself refuses to store one workbook twice, even when two imports race.
    """
    answers = sorted((a for a in scan.answers if not a.is_empty), key=lambda a: a.question)
    content = [
        scan.gemeente.casefold(),
        scan.regio,
        scan.datum.isoformat(),
        scan.soort.value,
        scan.questionnaire_id,
        scan.questionnaire_version,
        scan.facilitator,
        [[p.naam, p.organisatie, p.rol] for p in scan.participants],
        [
            [
                a.question,
                a.value.value if a.value else None,
                a.toelichting,
                a.nuancering,
                a.bespreekpunt,
            ]
            for a in answers
        ],
    ]
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


class ActionStatus(StrEnum):
    """PDCA status of an improvement action (routekaart fase 5)."""

    GEPLAND = "gepland"
    IN_UITVOERING = "in uitvoering"
    GEREED = "gereed"
    BIJGESTELD = "bijgesteld"


@dataclass(frozen=True, slots=True)
class Action:
    """One row of the plan van aanpak (bijlage 5): a verbeterpunt and what will be done."""

    standard: int
    question: int | None = None
    maatregel: str = ""
    huidige_stand: str = ""
    verbeteractie: str = ""
    beoogd_resultaat: str = ""
    wie: str = ""
    planning: str = ""
    kosten: str = ""
    status: ActionStatus = ActionStatus.GEPLAND
    id: int | None = None
    herziendatum: date | None = None  # PDCA review date (routekaart fase 5)

    @property
    def is_open(self) -> bool:
        return self.status is not ActionStatus.GEREED
