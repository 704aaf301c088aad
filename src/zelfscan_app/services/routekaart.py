"""Use cases of the routekaart checklist: progress per municipality or region, repeat scans.

GUI and CLI come through here; the rules (current phase, repeat date, reminder) live in
`domain.routekaart` and are only called, never repeated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zelfscan_app.domain.routekaart import (
    MAX_NOTE_CHARS,
    MAX_OWNER_CHARS,
    ItemProgress,
    Reminder,
    Routekaart,
    Scope,
    phase_text,
    repeat_due,
    repeat_reminder,
)
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.routekaart_file import default_routekaart
from zelfscan_app.storage import kit_repository as repo
from zelfscan_app.storage.database import Database

MAX_NAME_CHARS = 200


def routekaart() -> Routekaart:
    return default_routekaart()


@dataclass(frozen=True, slots=True)
class RoutekaartState:
    """One routekaart as the checklist shows it."""

    scope: Scope
    naam: str
    progress: dict[str, ItemProgress]
    herhaal_op: date | None  # agreed repeat date (None: two years after the last scan)
    last_scan: date | None
    due: date | None

    @property
    def phase(self) -> str:
        return phase_text(routekaart(), self.progress)


def _check_name(naam: str) -> str:
    """The name as stored: whitespace collapsed, not empty, bounded."""
    cleaned = " ".join(naam.split())
    if not cleaned:
        raise ZelfscanError("kies eerst een gemeente of regio voor de routekaart")
    if len(cleaned) > MAX_NAME_CHARS:
        raise ZelfscanError(f"de naam is langer dan {MAX_NAME_CHARS} tekens")
    return cleaned


def _last_scan(db: Database, scope: Scope, naam: str) -> date | None:
    with db.session() as session:
        rows = repo.municipalities(session)
    if scope is Scope.GEMEENTE:
        dates = [d for g, _r, d in rows if g == naam]
    else:
        # A region repeats when its municipalities do: the earliest of their latest scans.
        dates = [d for _g, r, d in rows if r == naam]
        return min(dates) if dates else None
    return max(dates) if dates else None


def load(db: Database, scope: Scope, naam: str) -> RoutekaartState:
    scope = Scope(scope)  # a Qt combo box hands the enum back as plain str
    naam = _check_name(naam)
    with db.session() as session:
        stored = repo.get_routekaart(session, scope, naam)
    last = _last_scan(db, scope, naam)
    due = repeat_due(last, routekaart().herhaling_maanden, stored.herhaal_op)
    return RoutekaartState(scope, naam, stored.progress, stored.herhaal_op, last, due)


def save_item(db: Database, scope: Scope, naam: str, progress: ItemProgress) -> None:
    """Store one step's tick, date, owner and note (one committed unit of work)."""
    scope = Scope(scope)  # a Qt combo box hands the enum back as plain str
    naam = _check_name(naam)
    if progress.key not in routekaart().item_keys():
        raise ZelfscanError(f"de routekaart kent geen stap ‘{progress.key}’")
    if len(progress.eigenaar) > MAX_OWNER_CHARS:
        raise ZelfscanError(f"de eigenaar is langer dan {MAX_OWNER_CHARS} tekens")
    if len(progress.notitie) > MAX_NOTE_CHARS:
        raise ZelfscanError(f"de notitie is langer dan {MAX_NOTE_CHARS} tekens")
    with db.session() as session:
        repo.save_item(session, scope, naam, progress)


def set_repeat_date(db: Database, scope: Scope, naam: str, day: date | None) -> None:
    scope = Scope(scope)  # a Qt combo box hands the enum back as plain str
    naam = _check_name(naam)
    with db.session() as session:
        repo.set_repeat_date(session, scope, naam, day)


def names(db: Database) -> dict[Scope, list[str]]:
    """Municipalities and regions with a scan or a routekaart, for the checklist's chooser."""
    with db.session() as session:
        gemeenten = {g for g, _r, _d in repo.municipalities(session)}
        regios = set(repo.regions(session))
        for stored in repo.all_routekaarten(session):
            (gemeenten if stored.scope is Scope.GEMEENTE else regios).add(stored.naam)
    return {
        Scope.GEMEENTE: sorted(gemeenten, key=str.casefold),
        Scope.REGIO: sorted(regios, key=str.casefold),
    }


@dataclass(frozen=True, slots=True)
class MunicipalityStatus:
    """A municipality's line on the main window: phase and repeat scan."""

    gemeente: str
    regio: str
    phase: str  # 'Fase 3 · Analyse en presentatie van resultaten', '' when nothing recorded
    last_scan: date
    due: date | None
    reminder: Reminder
    regional: bool = False  # the phase is the region's (the municipality has no routekaart)

    @property
    def short_phase(self) -> str:
        """'Fase 3', 'Fase 3 (regio)', 'Afgerond' or '': narrow enough for the scan list."""
        if not self.phase:
            return ""
        short = self.phase.split(" · ")[0] if self.phase.startswith("Fase") else "Afgerond"
        return f"{short} (regio)" if self.regional else short


def overview(db: Database, today: date) -> list[MunicipalityStatus]:
    """Every municipality with a live scan: its routekaart phase and repeat-scan reminder.

    A municipality without a routekaart of its own shows its region's phase, since the seed
    advises going through the routekaart as a region.
    """
    kaart = routekaart()
    with db.session() as session:
        rows = repo.municipalities(session)
        stored = {(s.scope, s.naam): s for s in repo.all_routekaarten(session)}
    result = []
    for gemeente, regio, last in rows:
        own = stored.get((Scope.GEMEENTE, gemeente))
        region = stored.get((Scope.REGIO, regio)) if regio else None
        phase = phase_text(kaart, own.progress) if own else ""
        regional = False
        if not phase and region is not None:
            phase = phase_text(kaart, region.progress)
            regional = bool(phase)
        agreed = own.herhaal_op if own else None
        if agreed is None and region is not None:
            agreed = region.herhaal_op
        due = repeat_due(last, kaart.herhaling_maanden, agreed)
        result.append(
            MunicipalityStatus(
                gemeente,
                regio,
                phase,
                last,
                due,
                repeat_reminder(due, today, kaart.herinnering_dagen),
                regional,
            )
        )
    return result


def findings_kit(db: Database, scan) -> dict[str, object]:
    """The routekaart (the municipality's, else its region's) and the wheel answers of `scan`."""
    from zelfscan_app.reports.kit_sections import kit_context
    from zelfscan_app.services.wheel import answers

    state = load(db, Scope.GEMEENTE, scan.gemeente)
    if not phase_text(routekaart(), state.progress) and scan.regio.strip():
        region = load(db, Scope.REGIO, scan.regio)
        if phase_text(routekaart(), region.progress):
            state = region
    return kit_context(
        routekaart(),
        naam=state.naam,
        progress=state.progress,
        due=state.due,
        answers=answers(db, scan.id) if scan.id is not None else [],
    )
