"""Who to invite: the groups the routekaart (fase 2) advises, and which of them are represented.

Fase 2: "Nodig een vertegenwoordiging uit van een bepaald beleid binnen het sociaal domein
(Jeugd, Wmo, Participatie, leerplicht, OOV) en denk aan deelname van verschillende
'bloedgroepen' vertegenwoordigd in het lokale team (...), gedragswetenschappers (...),
Veilig Thuis en Gecertificeerde Instelling(en)." Matching is by keywords in the participant's
organisation and role; it only ever warns, never blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from zelfscan_app.domain.scan import Participant


@dataclass(frozen=True, slots=True)
class AdvisedGroup:
    key: str
    label: str
    keywords: tuple[str, ...]  # matched as whole words or word starts, case-insensitive
    excluded: tuple[str, ...] = ()  # a keyword hit inside one of these does not count


ADVISED_GROUPS: tuple[AdvisedGroup, ...] = (
    AdvisedGroup(
        "jeugd",
        "Jeugd",
        ("jeugd",),
        excluded=("jeugdbescherm", "jeugdreclassering"),
    ),
    AdvisedGroup("wmo", "Wmo", ("wmo",)),
    AdvisedGroup("participatie", "Participatie", ("participatie", "werk en inkomen", "w&i")),
    AdvisedGroup("leerplicht", "Leerplicht", ("leerplicht",)),
    AdvisedGroup("oov", "Openbare orde en veiligheid (OOV)", ("oov", "openbare orde")),
    AdvisedGroup(
        "lokaal_team",
        "Professionals van het lokale team",
        (
            "lokaal team",
            "lokale team",
            "lokale teams",
            "wijkteam",
            "sociaal team",
            "buurtteam",
            "gebiedsteam",
            "jeugdteam",
            "cjg",
            "jeugdprofessional",
            "wmo-consulent",
            "maatschappelijk werk",
            "schuldhulp",
        ),
    ),
    AdvisedGroup(
        "gedragswetenschapper",
        "Gedragswetenschapper",
        ("gedragswetenschap", "orthopedagoog", "psycholoog"),
    ),
    AdvisedGroup("veilig_thuis", "Veilig Thuis", ("veilig thuis", "vt")),
    AdvisedGroup(
        "gi",
        "Gecertificeerde Instelling",
        ("gecertificeerde instelling", "gi", "jeugdbescherm", "jeugdreclassering"),
    ),
)


@dataclass(frozen=True, slots=True)
class GroupCoverage:
    group: AdvisedGroup
    names: tuple[str, ...]  # participants who represent the group (may be empty)

    @property
    def represented(self) -> bool:
        return bool(self.names)


def _matches(group: AdvisedGroup, text: str) -> bool:
    for keyword in group.keywords:
        tail = r"(?!\w)" if len(keyword) <= 3 else ""  # short codes only as a whole word
        for hit in re.finditer(rf"(?<!\w){re.escape(keyword)}{tail}", text):
            if not any(text.startswith(ex, hit.start()) for ex in group.excluded):
                return True
    return False


def representation(participants: Iterable[Participant]) -> tuple[GroupCoverage, ...]:
    """For every advised group, the participants that represent it."""
    people = [p for p in participants if p.naam.strip()]
    coverage = []
    for group in ADVISED_GROUPS:
        names = tuple(
            p.naam.strip()
            for p in people
            if _matches(group, f"{p.organisatie} {p.rol}".casefold().replace(",", " "))
        )
        coverage.append(GroupCoverage(group, names))
    return tuple(coverage)


def missing_groups(participants: Iterable[Participant]) -> tuple[AdvisedGroup, ...]:
    return tuple(c.group for c in representation(participants) if not c.represented)
