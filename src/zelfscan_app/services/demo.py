"""A believable demo region, so a newcomer (or a trainer) sees the app with real-looking data.

The municipalities are fictional; answers follow a per-municipality profile so that the spiders
differ, and evaluaties improve on their nulmeting as a PDCA cycle would.
"""

from __future__ import annotations

import random
from datetime import date

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Answer, AnswerValue, Participant, Scan, SoortMeting
from zelfscan_app.services.scans import create_scan
from zelfscan_app.storage.database import Database

DEMO_REGION = "Demoregio Veenland"
DEMO_MUNICIPALITIES = (
    "Aldermeer",
    "Brugwijk",
    "Dalvoorde",
    "Eikenrade",
    "Hoogveen",
    "Lindehout",
    "Oosterwaal",
    "Zandhorst",
)

_PEOPLE = (
    ("Fatima el Amrani", "Gemeente, beleid Jeugd", "beleidsmedewerker"),
    ("Jeroen de Vries", "Gemeente, beleid Wmo", "beleidsmedewerker"),
    ("Sanne Bakker", "Lokaal team", "jeugdprofessional"),
    ("Mehmet Yilmaz", "Lokaal team", "Wmo-consulent"),
    ("Anouk Jansen", "Gemeente, OOV", "adviseur openbare orde en veiligheid"),
    ("Priya Ramdin", "Lokaal team", "gedragswetenschapper"),
    ("Kees Visser", "Veilig Thuis", "teamleider"),
    ("Lotte Smit", "Gecertificeerde Instelling", "jeugdbeschermer"),
    ("Ruud Hendriks", "Gemeente, Participatie", "beleidsmedewerker"),
    ("Esra Kaya", "Gemeente, Leerplicht", "leerplichtambtenaar"),
)

_OP_ORDE = (
    "Staat beschreven en wordt in de praktijk zo uitgevoerd.",
    "Vastgelegd in de opdracht aan het lokale team; recent geëvalueerd.",
    "Iedereen in het team kent de afspraken; wordt besproken in het casuïstiekoverleg.",
    "Geregeld via de regionale afspraken met Veilig Thuis.",
)
_NIET_OP_ORDE = (
    "Nog niet vastgelegd; afhankelijk van individuele professionals.",
    "Wel besproken, maar geen vastgestelde afspraken.",
    "Verschilt tussen jeugd- en Wmo-professionals.",
    "Capaciteit ontbreekt; wachtlijst in het lokale team.",
    "Scholing gepland maar nog niet gevolgd door het hele team.",
)
_NUANCE = (
    "Voor jeugd wel op orde, voor volwassenen (Wmo) nog niet.",
    "Het team twijfelde; uiteindelijk gekozen voor de strengste lezing.",
    "Geldt voor de ene wijk wel, voor de andere nog niet.",
)


def demo_scans(questionnaire: Questionnaire, seed: int = 2019) -> list[Scan]:
    rng = random.Random(seed)
    scans: list[Scan] = []
    for index, gemeente in enumerate(DEMO_MUNICIPALITIES):
        strength = {s.number: rng.uniform(0.25, 0.9) for s in questionnaire.standards}
        people = rng.sample(_PEOPLE, k=rng.randint(5, 8))
        participants = tuple(Participant(*p) for p in people)
        nulmeting_answers = _answers(questionnaire, strength, rng, complete=index != 6)
        scans.append(
            Scan(
                gemeente=gemeente,
                regio=DEMO_REGION,
                datum=date(2025, 3, 3 + index),
                soort=SoortMeting.NULMETING,
                questionnaire_id=questionnaire.id,
                questionnaire_version=questionnaire.version,
                facilitator="Marieke Verbeek (onafhankelijk gespreksleider)",
                participants=participants,
                answers=nulmeting_answers,
            )
        )
        if index % 2 == 0:  # half of the region has done its evaluatie
            improved = {k: min(0.97, v + rng.uniform(0.05, 0.3)) for k, v in strength.items()}
            scans.append(
                Scan(
                    gemeente=gemeente,
                    regio=DEMO_REGION,
                    datum=date(2026, 10, 5 + index),
                    soort=SoortMeting.EVALUATIE,
                    questionnaire_id=questionnaire.id,
                    questionnaire_version=questionnaire.version,
                    facilitator="Marieke Verbeek (onafhankelijk gespreksleider)",
                    participants=participants,
                    answers=_answers(questionnaire, improved, rng, complete=True),
                )
            )
    return scans


def _answers(
    questionnaire: Questionnaire,
    strength: dict[int, float],
    rng: random.Random,
    *,
    complete: bool,
) -> tuple[Answer, ...]:
    answers = []
    for question in questionnaire.questions:
        if not complete and question.number > 24:
            continue  # a scan whose second block was not finished
        op_orde = rng.random() < strength[question.standard]
        value = AnswerValue.OP_ORDE if op_orde else AnswerValue.NIET_OP_ORDE
        answers.append(
            Answer(
                question=question.number,
                value=value,
                toelichting=rng.choice(_OP_ORDE if op_orde else _NIET_OP_ORDE),
                nuancering=rng.choice(_NUANCE) if rng.random() < 0.2 else "",
                bespreekpunt=rng.random() < 0.1,
            )
        )
    return tuple(answers)


def fill_demo(db: Database, questionnaire: Questionnaire) -> list[int]:
    return [create_scan(db, scan) for scan in demo_scans(questionnaire)]
