"""The meeting programmes (bijlage 1 and 3) as Word documents from a restylable template.

The programme's parts come from `domain.programme`; the template decides how they look, so a
municipality restyles it in Word like the other documents (same folder rules, same renderer).
"""

from __future__ import annotations

from pathlib import Path

from zelfscan_app.domain.programme import Meeting, ProgrammeDetails, schedule
from zelfscan_app.dutch_dates import dutch_date
from zelfscan_app.reports.templates import DocumentProperties, TemplateKind, render

TEMPLATE_KIND = {
    Meeting.STARTBIJEENKOMST: TemplateKind.STARTBIJEENKOMST,
    Meeting.FOLLOW_UP: TemplateKind.FOLLOW_UP,
}


def programme_context(details: ProgrammeDetails) -> dict[str, object]:
    parts = schedule(details)
    return {
        "titel": details.meeting.heading,
        "wie": details.wie.strip(),
        "datum": dutch_date(details.datum),
        "tijden": f"{parts[0].start} – {parts[-1].end}",
        "locatie": details.locatie.strip() or "–",
        "programma": [
            {
                "tijd": p.span,
                "onderdeel": p.part.title,
                "toelichting": p.part.details,
                "punten": list(p.part.points),
                "door": p.speaker,
            }
            for p in parts
        ],
        "sprekers": [p.speaker for p in parts if p.speaker],
    }


def render_programme(details: ProgrammeDetails, *, template: Path) -> bytes:
    context = programme_context(details)
    return render(
        template,
        context,
        DocumentProperties(
            title=f"Programma {details.meeting.heading.lower()} – {context['wie']}",
            subject="Kwaliteitskader Werken aan veiligheid: programma van de bijeenkomst",
        ),
    )
