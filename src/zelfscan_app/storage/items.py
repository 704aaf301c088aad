"""Plain records the storage layer hands out, importable without SQLAlchemy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from zelfscan_app.domain.scan import SoortMeting


@dataclass(frozen=True, slots=True)
class ScanListItem:
    """What the scan list shows, without loading every answer."""

    id: int
    gemeente: str
    regio: str
    datum: date
    soort: SoortMeting
    questionnaire_id: str
    questionnaire_version: str
    answered: int
    updated_at: datetime
    warning: str
