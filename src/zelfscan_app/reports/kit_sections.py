"""The meeting kit's sections of the findings report: routekaart progress and the Rad van Fortuin.

The template always gets both keys (empty when there is nothing to show), so a restyled findings
template without these sections still renders, and the bundled one hides them when empty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from zelfscan_app.domain.routekaart import (
    ItemKind,
    ItemProgress,
    Routekaart,
    phase_counts,
    phase_text,
)
from zelfscan_app.dutch_dates import dutch_date


def empty_kit_context() -> dict[str, object]:
    return {"routekaart": None, "rad": []}


def kit_context(
    kaart: Routekaart,
    *,
    naam: str,
    progress: Mapping[str, ItemProgress],
    due: date | None,
    answers: Sequence[tuple[str, str]],
) -> dict[str, object]:
    """`routekaart` (None when nothing was recorded) and `rad` (question/answer pairs)."""
    context = empty_kit_context()
    context["rad"] = [{"vraag": q, "antwoord": a or "–"} for q, a in answers]
    phase = phase_text(kaart, progress)
    if not phase:
        return context
    counts = phase_counts(kaart, progress)
    context["routekaart"] = {
        "naam": naam,
        "fase": phase,
        "herhaling": dutch_date(due) if due else "nog niet bekend",
        "fasen": [
            {
                "titel": p.label,
                "telling": f"{counts[p.number][0]} van {counts[p.number][1]} afgerond",
                "stappen": [
                    _item(kind, item.text, progress.get(item.key)) for kind, item in p.items()
                ],
            }
            for p in kaart.phases
        ],
    }
    return context


def _item(kind: ItemKind, text: str, entry: ItemProgress | None) -> dict[str, str]:
    entry = entry or ItemProgress(key="")
    return {
        "klaar": "✓" if entry.done else "",
        "tekst": f"Beslismoment: {text}" if kind is ItemKind.BESLISMOMENT else text,
        "datum": f"{entry.datum:%d-%m-%Y}" if entry.datum else "",
        "eigenaar": entry.eigenaar,
        "notitie": entry.notitie,
    }
