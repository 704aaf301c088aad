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

    @property
    def search_text(self) -> str:
        """What the list's search box looks in (the database keeps it as `search_key`)."""
        return search_key(self.gemeente, self.regio, self.datum, self.soort.value)


def search_key(gemeente: str, regio: str, datum: date, soort: str) -> str:
    """What the list's search box looks in (stored as `scans.search_key`): the four columns it
    names, as the list shows them, casefolded."""
    return f"{gemeente} {regio} {datum:%d-%m-%Y} {soort}".casefold()


#: The columns the scan list can be sorted by, in the database (`scan_list_fast.scan_list_sql`).
SORT_KEYS = ("gemeente", "regio", "datum", "soort", "voortgang", "gewijzigd")


@dataclass(frozen=True, slots=True)
class ScanListQuery:
    """Which scans the list shows and in which order, answered by the database (not by Qt), so
    search and sort cover every scan while only the rows on screen are read.

    `words` are casefolded; each must occur in the scan's gemeente, regio, datum (dd-mm-jjjj)
    or soort meting."""

    words: tuple[str, ...] = ()
    sort: str = "gewijzigd"
    descending: bool = True
    deleted: bool = False

    @staticmethod
    def words_of(text: str) -> tuple[str, ...]:
        return tuple(text.casefold().split())
