"""Publish scans from the laptop's database into a shared (regional) database.

A facilitator works offline on SQLite and later copies chosen scans into the region's
database. Each scan arrives by the same rules as a workbook import, through the one door
`services.exchange.store_scan`: its content fingerprint decides "al aanwezig", the same
gemeente, datum and soort with other content is stored apart as a conflict with a warning,
a lookalike municipality name is refused. Publishing again is therefore harmless.

Everything a scan holds travels in one transaction per scan: answers with their texts and
bespreekpunten, participants, gespreksleider, duiding, the warning, the plan van aanpak
(improvement actions with status and herziendatum) and the Rad-van-Fortuin answers of the
meeting kit. The local database is only read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from zelfscan_app.domain.scan import Action, Scan
from zelfscan_app.errors import DatabaseFault, NotFound, ZelfscanError
from zelfscan_app.services.exchange import ImportStatus, StoreWording, store_scan
from zelfscan_app.storage import actions_repository as actions_repo
from zelfscan_app.storage import kit_repository as kit_repo
from zelfscan_app.storage import repository as repo
from zelfscan_app.storage.database import Database, is_in_memory, sqlite_path
from zelfscan_app.storage.faults import IN_MEMORY, display_name

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

PUBLISHED = StoreWording(noun="zelfscan", stored="gepubliceerd")


class PublishStatus(StrEnum):
    PUBLISHED = "gepubliceerd"
    PRESENT = "al aanwezig"
    CONFLICT = "conflict"
    FAILED = "mislukt"
    SKIPPED = "niet verwerkt"


_FROM_IMPORT = {
    ImportStatus.IMPORTED: PublishStatus.PUBLISHED,
    ImportStatus.DUPLICATE: PublishStatus.PRESENT,
    ImportStatus.CONFLICT: PublishStatus.CONFLICT,
    ImportStatus.REFUSED: PublishStatus.FAILED,
    ImportStatus.SKIPPED: PublishStatus.SKIPPED,
}


@dataclass(frozen=True, slots=True)
class PublishResult:
    """What happened to one local scan; `message` is one Dutch sentence for the user."""

    scan_id: int
    title: str
    status: PublishStatus
    message: str
    target_id: int | None = None
    warning: str = ""


@dataclass(frozen=True, slots=True)
class PublishReport:
    target: str  # the shared database as messages name it (password hidden)
    results: tuple[PublishResult, ...]
    cancelled: bool = False

    def with_status(self, status: PublishStatus) -> tuple[PublishResult, ...]:
        return tuple(r for r in self.results if r.status is status)

    @property
    def published(self) -> tuple[PublishResult, ...]:
        return self.with_status(PublishStatus.PUBLISHED)

    @property
    def present(self) -> tuple[PublishResult, ...]:
        return self.with_status(PublishStatus.PRESENT)

    @property
    def conflicts(self) -> tuple[PublishResult, ...]:
        return self.with_status(PublishStatus.CONFLICT)

    @property
    def failed(self) -> tuple[PublishResult, ...]:
        """Scans that are not in the shared database: a fault, or a conflict not stored."""
        return self.with_status(PublishStatus.FAILED) + tuple(
            r for r in self.conflicts if r.target_id is None
        )

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def summary(self) -> str:
        parts = [
            f"{len(self.published)} gepubliceerd",
            f"{len(self.present)} al aanwezig",
            f"{len(self.conflicts)} conflict",
            f"{len(self.with_status(PublishStatus.FAILED))} mislukt",
        ]
        if self.cancelled:
            skipped = len(self.with_status(PublishStatus.SKIPPED))
            parts.append(f"{skipped} niet verwerkt (afgebroken)")
        return f"Publiceren naar {self.target}: " + ", ".join(parts) + "."


@dataclass(frozen=True, slots=True)
class _Outgoing:
    """One local scan with what travels along with it."""

    scan: Scan
    actions: tuple[Action, ...]
    wheel: tuple[tuple[str, str], ...]


def target_name(url: str) -> str:
    """The shared database as the user sees it: the URL with its password hidden."""
    return display_name(url)


def split_password(url: str) -> tuple[str, str | None]:
    """The URL without its password, and the password (None when it has none), so that a
    window can keep the password in a masked field and remember only the rest."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        return url, None
    if parsed.password is None:
        return url.strip(), None
    # URL.set() ignores None; the URL is a named tuple.
    bare = parsed._replace(password=None)
    return bare.render_as_string(hide_password=False), str(parsed.password)


def with_password(url: str, password: str | None) -> str:
    """`url` with `password` for the connection only (an empty one leaves the URL as it is:
    ~/.pgpass, PGPASSWORD or the keyring then supply it)."""
    if not password:
        return url
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


def check_target(source: Database, url: str) -> None:
    """Refuse a target that cannot be one before connecting: empty, in memory, or the local
    database itself."""
    url = url.strip()
    if not url:
        raise ZelfscanError("geef de URL van de gedeelde database op (--naar URL)")
    name = target_name(url)
    if is_in_memory(url):
        raise DatabaseFault(IN_MEMORY, path=name)
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ZelfscanError(f"ongeldige database-URL '{name}'") from None
    file = sqlite_path(parsed)
    same = url == source.url or (
        file is not None
        and source.file is not None
        and os.path.realpath(file) == os.path.realpath(source.file)
    )
    if same:
        raise ZelfscanError(
            "dit is de lokale database zelf; kies de gedeelde database om naar te publiceren",
            path=name,
        )


def local_scan_ids(source: Database, scan_ids: Sequence[int] | None) -> list[int]:
    """The scans to publish: all live ones (None), or the given ids, each checked to exist
    before anything is sent, so a mistyped id changes nothing anywhere."""
    with source.session() as session:
        live = [item.id for item in repo.list_scans(session)]
    if scan_ids is None:
        return sorted(live)
    known = set(live)
    missing = [i for i in scan_ids if i not in known]
    if missing:
        listed = ", ".join(str(i) for i in missing)
        word = "bestaat" if len(missing) == 1 else "bestaan"
        raise NotFound(f"zelfscan {listed} {word} niet (meer) in de lokale database")
    return list(dict.fromkeys(scan_ids))


def _outgoing(source: Database, scan_id: int) -> _Outgoing:
    with source.session() as session:
        return _Outgoing(
            scan=repo.get_scan(session, scan_id),
            actions=tuple(actions_repo.actions_of(session, scan_id)),
            wheel=tuple(kit_repo.wheel_answers(session, scan_id)),
        )


def _attach(outgoing: _Outgoing) -> Callable[[Session, int], None]:
    def attach(session: Session, target_id: int) -> None:
        from dataclasses import replace

        for action in outgoing.actions:
            actions_repo.save_action(session, target_id, replace(action, id=None))
        for vraag, antwoord in outgoing.wheel:
            kit_repo.save_wheel_answer(session, target_id, vraag, antwoord)

    return attach


def _drift(shared: Database, target_id: int, outgoing: _Outgoing, label: str) -> str:
    """A scan already present is the same scan (its answers and people), but what the
    fingerprint leaves out may have moved on since: say so rather than overwrite the shared
    copy, which others may have worked on."""
    from dataclasses import replace

    try:
        there = _outgoing(shared, target_id)
    except ZelfscanError:
        return ""
    differ = [
        what
        for what, mine, theirs in (
            ("de duiding", outgoing.scan.duiding, there.scan.duiding),
            (
                "het plan van aanpak",
                [replace(a, id=None) for a in outgoing.actions],
                [replace(a, id=None) for a in there.actions],
            ),
            ("het Rad van Fortuin", outgoing.wheel, there.wheel),
        )
        if mine != theirs
    ]
    if not differ:
        return ""
    listed = " en ".join([", ".join(differ[:-1]), differ[-1]] if len(differ) > 1 else differ)
    differs, is_ = ("wijkt", "is") if len(differ) == 1 else ("wijken", "zijn")
    return (
        f"{label}: {listed} {differs} af van zelfscan {target_id} in de gedeelde database en "
        f"{is_} daar niet bijgewerkt"
    )


def _label(scan: Scan, scan_id: int) -> str:
    return f"lokale zelfscan {scan_id} ({scan.title})"


def publish_scans(
    source: Database,
    target_url: str,
    scan_ids: Sequence[int] | None = None,
    *,
    target: Database | None = None,
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> PublishReport:
    """Publish `scan_ids` (None: every live scan) from `source` into the database at
    `target_url`, one transaction per scan.

    Bad input (no such scan, the local database as target) raises before anything is sent;
    a target that cannot be opened raises its DatabaseFault. A fault during the run ends it:
    the scan being sent and the rest are reported 'mislukt', what was sent before stays.
    `target` is an already open handle to that database (the caller keeps it open)."""
    from sqlalchemy.exc import SQLAlchemyError

    check_target(source, target_url)
    ids = local_scan_ids(source, scan_ids)
    name = target_name(target_url)
    own = target is None
    shared = target if target is not None else Database(target_url)
    results: list[PublishResult] = []
    try:
        for done, scan_id in enumerate(ids):
            if should_cancel is not None and should_cancel():
                results += [
                    PublishResult(
                        i, "", PublishStatus.SKIPPED, f"zelfscan {i}: niet verwerkt (afgebroken)"
                    )
                    for i in ids[done:]
                ]
                return PublishReport(name, tuple(results), cancelled=True)
            outgoing = _outgoing(source, scan_id)
            label = _label(outgoing.scan, scan_id)
            try:
                stored = store_scan(
                    shared, label, outgoing.scan, None, attach=_attach(outgoing), wording=PUBLISHED
                )
            except DatabaseFault as exc:
                # The shared database went away: every next scan would meet the same fault.
                reason = f"niet gepubliceerd: {exc}"
                results.append(
                    PublishResult(
                        scan_id, outgoing.scan.title, PublishStatus.FAILED, f"{label}: {reason}"
                    )
                )
                results += [
                    PublishResult(i, "", PublishStatus.FAILED, f"zelfscan {i}: {reason}")
                    for i in ids[done + 1 :]
                ]
                break
            except (SQLAlchemyError, ZelfscanError) as exc:  # rolled back; try the next one
                detail = str(exc) if isinstance(exc, ZelfscanError) else type(exc).__name__
                results.append(
                    PublishResult(
                        scan_id,
                        outgoing.scan.title,
                        PublishStatus.FAILED,
                        f"{label}: de gedeelde database kon deze zelfscan niet opslaan ({detail})",
                    )
                )
            else:
                status = _FROM_IMPORT[stored.status]
                warning = stored.warning
                if status is PublishStatus.PRESENT and stored.scan_id is not None:
                    warning = _drift(shared, stored.scan_id, outgoing, label)
                results.append(
                    PublishResult(
                        scan_id,
                        outgoing.scan.title,
                        status,
                        stored.message,
                        target_id=stored.scan_id,
                        warning=warning,
                    )
                )
            if on_progress is not None:
                on_progress(done + 1, len(ids))
    finally:
        if own:
            shared.dispose()
    return PublishReport(name, tuple(results))
