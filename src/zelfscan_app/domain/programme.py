"""The meeting programmes of the routekaart: bijlage 1 (startbijeenkomst) and 3 (follow-up).

The parts, their lengths and texts follow the seed; the times are computed from the start time
the facilitator chooses, so a meeting that starts at 13.30 keeps the same rhythm. Speakers are
filled in per role ('welkom', 'afsluiting', …) from the small form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum


class Meeting(StrEnum):
    STARTBIJEENKOMST = "startbijeenkomst"
    FOLLOW_UP = "follow-up"

    @property
    def heading(self) -> str:
        return {
            Meeting.STARTBIJEENKOMST: "Startbijeenkomst",
            Meeting.FOLLOW_UP: "Follow-up bijeenkomst",
        }[self]


@dataclass(frozen=True, slots=True)
class Part:
    minutes: int
    title: str
    details: str = ""
    points: tuple[str, ...] = ()
    speaker_role: str = ""  # key in SPEAKER_ROLES; '' = no speaker named


#: Role key → the label on the form.
SPEAKER_ROLES: dict[Meeting, dict[str, str]] = {
    Meeting.STARTBIJEENKOMST: {
        "welkom": "Welkom en toelichting op het programma",
        "introductie": "Introductie Kwaliteitskader en zelfscan",
        "afsluiting": "Afspraken over het vervolg en afsluiting",
    },
    Meeting.FOLLOW_UP: {
        "welkom": "Welkom en terugblik",
        "uitkomsten": "Belangrijkste uitkomsten zelfscan",
        "plan": "Van zelfscan naar plan van aanpak",
        "afsluiting": "Afspraken over het vervolg en afsluiting",
    },
}

_SMALL_GROUPS = (
    "Werken in kleine groepen per gemeente (beleidsambtenaren en een vertegenwoordiging van hun "
    "lokale veld)."
)

PROGRAMMES: dict[Meeting, tuple[Part, ...]] = {
    Meeting.STARTBIJEENKOMST: (
        Part(30, "Inloop en inloggen", "Online: inloggen op Zoom, Teams of Webex."),
        Part(15, "Welkom en korte toelichting op het programma", speaker_role="welkom"),
        Part(
            15,
            "Introductie van het Kwaliteitskader en de zelfscan Werken aan veiligheid voor "
            "lokale (wijk)teams en gemeenten",
            speaker_role="introductie",
        ),
        Part(
            15,
            "Ruimte voor het stellen van vragen en discussie",
            "Gevolgd door een korte toelichting op het werken met de zelfscan in kleine groepen.",
        ),
        Part(10, "Korte pauze"),
        Part(
            35,
            "Aan de slag met het invullen van de zelfscan: 1e blok",
            f"{_SMALL_GROUPS} Dit eerste blok richt zich op vragen over de gemeentelijke "
            "organisatie en alle professionals die in lokale (wijk)teams werken (vragen 1 t/m 14 "
            "van de zelfscan).",
        ),
        Part(
            15,
            "Eerste resultaten van de zelfscan: wat valt op, waar heb je nog vragen over?",
            "Plenaire terugkoppeling en discussie.",
        ),
        Part(10, "Korte pauze"),
        Part(
            35,
            "Aan de slag met het invullen van de zelfscan: 2e blok",
            f"{_SMALL_GROUPS} Dit tweede blok richt zich op vragen over professionals uit lokale "
            "(wijk)teams aan wie Veilig Thuis casuïstiek overdraagt (vragen 15 t/m 31 van de "
            "zelfscan).",
        ),
        Part(
            15,
            "Eerste resultaten van de zelfscan: wat valt op, waar heb je nog vragen over?",
            "Plenaire terugkoppeling en discussie.",
        ),
        Part(
            15,
            "Hoe gaan we verder?",
            "Afspraken over het vervolg en afsluiting van de bijeenkomst.",
            speaker_role="afsluiting",
        ),
    ),
    Meeting.FOLLOW_UP: (
        Part(30, "Inloop en inloggen", "Online: inloggen op Zoom, Teams of Webex."),
        Part(
            15, "Welkom en korte terugblik op het invullen van de zelfscan", speaker_role="welkom"
        ),
        Part(
            30,
            "Belangrijkste uitkomsten zelfscan Kwaliteitskader: welke thema’s springen eruit?",
            "Inclusief mogelijkheid voor het stellen van vragen en toelichting op de thema’s "
            "waar we in de break-out groups mee aan de slag gaan.",
            speaker_role="uitkomsten",
        ),
        Part(
            30,
            "Aan de slag met de thema’s",
            "Werken in break-out groups (gemengde samenstelling, dus niet per gemeente) aan de "
            "hand van de volgende vragen:",
            (
                "Hoe kunnen we dit thema oppakken? Waar liggen de grootste knelpunten, waar de "
                "kansen, is er een quick win waar we al snel mee aan de slag kunnen gaan?",
                "Willen we dit thema regionaal of lokaal oppakken?",
                "Zijn er kosten aan verbonden?",
            ),
        ),
        Part(15, "Plenaire terugkoppeling van de thema’s"),
        Part(15, "Korte pauze"),
        Part(
            15,
            "Hoe kom je van de zelfscan naar een plan van aanpak?",
            "In nauwe samenhang met de groep.",
            (
                "Inhoud: welke thema’s/verbeterpunten, wat moet er gebeuren, wanneer zijn we "
                "tevreden, wie gaat het doen, zijn er kosten aan verbonden? Toelichting aan de "
                "hand van het format voor het plan van aanpak.",
                "Proces: prioriteiten, planning, uitvoering, monitoring, lokaal en/of regionaal?",
                "Bestuurlijk: besluitvorming, budgetten en monitoring.",
            ),
            speaker_role="plan",
        ),
        Part(
            30,
            "Van zelfscan naar lokaal plan van aanpak",
            "Werken in break-out groups per gemeente aan de hand van de volgende vragen:",
            (
                "Wat zijn voor onze gemeente de belangrijkste punten om op te pakken?",
                "Prioritering: welke punten pakken we als eerste op?",
                "Hoe gaan we deze punten oppakken, op welke termijn willen we dit doen en wie "
                "hebben we daarvoor nodig?",
                "Hebben we in onze gemeente aanvullend budget nodig op bepaalde punten en zo ja, "
                "hoe pakken we dit op?",
                "Hoe steken we het in onze gemeente bestuurlijk in?",
            ),
        ),
        Part(
            15,
            "Hoe gaan we verder?",
            "Afspraken over het vervolg en afsluiting van de bijeenkomst.",
            speaker_role="afsluiting",
        ),
    ),
}

#: The seed's start time for both meetings.
DEFAULT_START = time(9, 0)
MAX_FIELD_CHARS = 300


@dataclass(frozen=True, slots=True)
class ProgrammeDetails:
    """What the facilitator fills in on the small form."""

    meeting: Meeting
    wie: str  # region and/or municipality, e.g. 'Regio Noordwaard' or 'Gemeente Aldermeer'
    datum: date
    start: time = DEFAULT_START
    locatie: str = ""  # a room, or the link of an online meeting
    speakers: dict[str, str] = field(default_factory=dict)  # role → 'naam, functie'

    def check(self) -> None:
        """ValueError with one Dutch sentence when the form is not usable."""
        if not self.wie.strip():
            raise ValueError("vul de regio of gemeente in")
        texts = [self.wie, self.locatie, *self.speakers.values()]
        if any(len(t) > MAX_FIELD_CHARS for t in texts):
            raise ValueError(f"een invulveld is langer dan {MAX_FIELD_CHARS} tekens")
        unknown = set(self.speakers) - set(SPEAKER_ROLES[self.meeting])
        if unknown:
            raise ValueError(f"onbekende rol van een spreker: {', '.join(sorted(unknown))}")
        end = _minutes(self.start) + sum(p.minutes for p in PROGRAMMES[self.meeting])
        if end > 24 * 60:
            raise ValueError("de bijeenkomst zou na middernacht eindigen; kies een eerder begin")


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def clock(minutes: int) -> str:
    """'09.30', as the seed writes times."""
    return f"{minutes // 60:02d}.{minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class ScheduledPart:
    start: str
    end: str
    part: Part
    speaker: str

    @property
    def span(self) -> str:
        return f"{self.start} – {self.end}"


def schedule(details: ProgrammeDetails) -> tuple[ScheduledPart, ...]:
    """The parts with their clock times from the chosen start, and the named speakers."""
    result = []
    at = _minutes(details.start)
    for part in PROGRAMMES[details.meeting]:
        speaker = details.speakers.get(part.speaker_role, "").strip() if part.speaker_role else ""
        result.append(ScheduledPart(clock(at), clock(at + part.minutes), part, speaker))
        at += part.minutes
    return tuple(result)


def duration(meeting: Meeting) -> timedelta:
    return timedelta(minutes=sum(p.minutes for p in PROGRAMMES[meeting]))
