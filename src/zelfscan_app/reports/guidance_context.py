"""The plan van aanpak's suggestion section (bijlage 5: 'Belangrijkste uitkomsten/suggesties
voor verbetermaatregelen'), from the guidance; kept apart from the plan's own context so the
plan's layout and the guidance can change independently.
"""

from __future__ import annotations

from zelfscan_app.domain.guidance import Guidance, suggestions_for
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan


def suggestion_context(
    questionnaire: Questionnaire, guidance: Guidance | None, scan: Scan
) -> dict[str, object]:
    """`suggesties` (per Niet-op-orde question) and `suggesties_bron` (whose suggestions)."""
    if guidance is None:
        return {"suggesties": [], "suggesties_bron": ""}
    return {
        "suggesties": [
            {
                "nummer": s.question,
                "standaard": s.standard,
                "titel": questionnaire.standard(s.standard).short_title,
                "vraag": s.text,
                "waarom": s.guidance.why,
                "maatregelen": [
                    {"maatregel": m.measure, "resultaat": m.result} for m in s.guidance.suggestions
                ],
            }
            for s in suggestions_for(questionnaire, guidance, scan.values)
        ],
        "suggesties_bron": guidance.notice,
    }
