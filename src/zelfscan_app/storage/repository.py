"""Repository functions: translate between ORM rows and domain objects within one session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import (
    ColumnElement,
    Connection,
    bindparam,
    func,
    insert,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from zelfscan_app.domain.names import skeleton
from zelfscan_app.domain.scan import Answer, AnswerValue, Participant, Scan, SoortMeting
from zelfscan_app.errors import NotFound
from zelfscan_app.storage.items import (  # they live there so they load without SQLAlchemy
    ScanListItem,
    ScanListQuery,
)
from zelfscan_app.storage.models import AnswerRow, ParticipantRow, ScanRow
from zelfscan_app.storage.scan_list_fast import count_sql, scan_list_sql, search_key
from zelfscan_app.storage.scan_list_fast import item as scan_list_item


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _set_keys(row: ScanRow) -> None:
    """The stored lookup columns follow gemeente, regio, datum and soort (migration 0009)."""
    row.gemeente_key = skeleton(row.gemeente)
    row.gemeente_fold = row.gemeente.casefold()
    row.regio_key = row.regio.strip().casefold()
    row.search_key = search_key(row.gemeente, row.regio, row.datum, row.soort)


_INSERT_SCAN = insert(ScanRow)
_INSERT_PARTICIPANT = insert(ParticipantRow)
_INSERT_ANSWER = insert(AnswerRow)


def add_scan(
    session: Session,
    scan: Scan,
    *,
    source_sha256: str | None = None,
    import_fingerprint: str | None = None,
) -> int:
    """Store a new scan; `import_fingerprint` (imports only) is unique among live scans, so a
    second copy raises IntegrityError at the insert.

    Core inserts (one for the scan, one executemany each for participants and answers), not
    ORM objects: a bulk import stores thousands of scans, and building, flushing and
    registering 30-odd ORM rows per scan cost more than reading the workbook."""
    stamp = now()
    connection = session.connection()
    inserted = connection.execute(
        _INSERT_SCAN,
        {
            "gemeente": scan.gemeente,
            "gemeente_key": skeleton(scan.gemeente),
            "gemeente_fold": scan.gemeente.casefold(),
            "regio_key": scan.regio.strip().casefold(),
            "search_key": search_key(scan.gemeente, scan.regio, scan.datum, scan.soort.value),
            "answered_count": sum(1 for a in scan.answers if a.value is not None),
            "import_fingerprint": import_fingerprint,
            "regio": scan.regio,
            "datum": scan.datum,
            "soort": scan.soort.value,
            "questionnaire_id": scan.questionnaire_id,
            "questionnaire_version": scan.questionnaire_version,
            "facilitator": scan.facilitator,
            "warning": scan.warning,
            "duiding": scan.duiding,
            "source_sha256": source_sha256,
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    key = inserted.inserted_primary_key
    assert key is not None
    scan_id = int(key[0])
    if scan.participants:
        connection.execute(
            _INSERT_PARTICIPANT,
            [
                {
                    "scan_id": scan_id,
                    "position": i,
                    "naam": p.naam,
                    "organisatie": p.organisatie,
                    "rol": p.rol,
                }
                for i, p in enumerate(scan.participants)
            ],
        )
    answers = [
        {
            "scan_id": scan_id,
            "question": a.question,
            "value": a.value.value if a.value else None,
            "toelichting": a.toelichting,
            "nuancering": a.nuancering,
            "bespreekpunt": a.bespreekpunt,
            "updated_at": stamp,
        }
        for a in scan.answers
        if not a.is_empty
    ]
    if answers:
        connection.execute(_INSERT_ANSWER, answers)
    return scan_id


def _row(session: Session, scan_id: int) -> ScanRow:
    row = session.get(ScanRow, scan_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(f"zelfscan {scan_id} bestaat niet (meer)")
    return row


def get_scan(session: Session, scan_id: int) -> Scan:
    found = get_scans(session, [scan_id])
    if not found:
        raise NotFound(f"zelfscan {scan_id} bestaat niet (meer)")
    return found[0]


_SCAN_COLUMNS = (
    ScanRow.id,
    ScanRow.gemeente,
    ScanRow.regio,
    ScanRow.datum,
    ScanRow.soort,
    ScanRow.questionnaire_id,
    ScanRow.questionnaire_version,
    ScanRow.facilitator,
    ScanRow.warning,
    ScanRow.duiding,
)
#: Ids per IN (...) list: well under every engine's limit on bound parameters.
_IDS_PER_QUERY = 500


def get_scans(session: Session, scan_ids: list[int] | None = None) -> list[Scan]:
    """Live scans with their participants and answers (all, or those of `scan_ids`), ordered
    by gemeente, datum and id.

    Plain column reads, the participants and answers 500 scans at a time: a region of 342
    municipalities has over 10,000 answers, and making an ORM object of each cost more than
    reading them."""
    query = (
        select(*_SCAN_COLUMNS)
        .where(_LIVE)
        .order_by(ScanRow.gemeente, ScanRow.datum, ScanRow.id)  # the database's collation
    )
    if scan_ids is not None:
        query = query.where(ScanRow.id.in_(scan_ids))
    rows = session.execute(query).all()
    participants: dict[int, list[Participant]] = {r.id: [] for r in rows}
    answers: dict[int, list[Answer]] = {r.id: [] for r in rows}
    ids = list(participants)
    for start in range(0, len(ids), _IDS_PER_QUERY):
        chunk = ids[start : start + _IDS_PER_QUERY]
        for p in session.execute(
            select(
                ParticipantRow.scan_id,
                ParticipantRow.naam,
                ParticipantRow.organisatie,
                ParticipantRow.rol,
            )
            .where(ParticipantRow.scan_id.in_(chunk))
            .order_by(ParticipantRow.scan_id, ParticipantRow.position)
        ):
            participants[p.scan_id].append(Participant(p.naam, p.organisatie, p.rol))
        for a in session.execute(
            select(
                AnswerRow.scan_id,
                AnswerRow.question,
                AnswerRow.value,
                AnswerRow.toelichting,
                AnswerRow.nuancering,
                AnswerRow.bespreekpunt,
            )
            .where(AnswerRow.scan_id.in_(chunk))
            .order_by(AnswerRow.scan_id, AnswerRow.question)
        ):
            answers[a.scan_id].append(
                Answer(
                    question=a.question,
                    value=AnswerValue(a.value) if a.value else None,
                    toelichting=a.toelichting,
                    nuancering=a.nuancering,
                    bespreekpunt=a.bespreekpunt,
                )
            )
    return [
        Scan(
            id=r.id,
            gemeente=r.gemeente,
            regio=r.regio,
            datum=r.datum,
            soort=SoortMeting(r.soort),
            questionnaire_id=r.questionnaire_id,
            questionnaire_version=r.questionnaire_version,
            facilitator=r.facilitator,
            warning=r.warning or "",
            duiding=r.duiding or "",
            participants=tuple(participants[r.id]),
            answers=tuple(answers[r.id]),
        )
        for r in rows
    ]


def list_scans(
    session: Session, *, deleted: bool = False, where: ColumnElement[bool] | None = None
) -> list[ScanListItem]:
    """The scan list (newest change first) with each scan's number of answers (the stored
    `answered_count`); `where` narrows it in SQL."""
    query = (
        select(ScanRow)
        .where(ScanRow.deleted_at.is_not(None) if deleted else ScanRow.deleted_at.is_(None))
        .where(true() if where is None else where)
        .order_by(ScanRow.updated_at.desc(), ScanRow.id.desc())
    )
    return [
        ScanListItem(
            id=row.id,
            gemeente=row.gemeente,
            regio=row.regio,
            datum=row.datum,
            soort=SoortMeting(row.soort),
            questionnaire_id=row.questionnaire_id,
            questionnaire_version=row.questionnaire_version,
            answered=row.answered_count,
            updated_at=row.updated_at,
            warning=row.warning or "",
        )
        for row in session.scalars(query)
    ]


def scan_list_page(
    session: Session | Connection,
    query: ScanListQuery,
    offset: int = 0,
    limit: int | None = None,
) -> list[ScanListItem]:
    """One page of the scan list as the window shows it: searched and sorted by the database
    over every scan (the same SQL as the start-up fast path, `scan_list_fast.scan_list_sql`)."""
    sql, params = scan_list_sql(query, offset=offset, limit=limit)
    return [scan_list_item(row) for row in session.execute(text(sql), params)]


def count_scan_list(session: Session | Connection, query: ScanListQuery) -> int:
    """How many scans `query` finds (the rows the list can still fetch)."""
    sql, params = count_sql(query)
    return int(session.execute(text(sql), params).scalar_one())


#: The newest scan of each municipality (casefolded name) of one region by (datum, id), as
#: `domain.region.latest_per_municipality` picks it. A loose index scan over
#: `ix_scans_region_latest` (regio_key, gemeente_fold, datum, id): one index step to each next
#: municipality, one to its newest scan — the cost follows the municipalities, not the scans
#: (a window function over every scan of ten years sorts them all). SQLite and PostgreSQL alike.
LATEST_PER_MUNICIPALITY_SQL = """
WITH RECURSIVE municipality(fold) AS (
    SELECT min(first.gemeente_fold) FROM scans AS first WHERE first.regio_key = :regio
    UNION ALL
    SELECT (
        SELECT min(next.gemeente_fold) FROM scans AS next
        WHERE next.regio_key = :regio AND next.gemeente_fold > municipality.fold
    )
    FROM municipality WHERE municipality.fold IS NOT NULL
)
SELECT (
    SELECT s.id FROM scans AS s
    WHERE s.regio_key = :regio AND s.gemeente_fold = municipality.fold AND {where}
    ORDER BY s.datum DESC, s.id DESC
    LIMIT 1
) AS id
FROM municipality WHERE municipality.fold IS NOT NULL
"""

#: Every region key, by the same loose index scan.
REGION_KEYS_SQL = """
WITH RECURSIVE region(key) AS (
    SELECT min(first.regio_key) FROM scans AS first
    UNION ALL
    SELECT (SELECT min(next.regio_key) FROM scans AS next WHERE next.regio_key > region.key)
    FROM region WHERE region.key IS NOT NULL
)
SELECT key FROM region WHERE key IS NOT NULL
"""


def _region_where(
    questionnaire_id: str | None, regio: str | None, soort: SoortMeting | None
) -> tuple[str, dict[str, object]]:
    """Conditions on `scans AS s` (outside the trash; of a region, soort, questionnaire)."""
    parts: list[str] = ["s.deleted_at IS NULL"]
    params: dict[str, object] = {}
    if regio is not None:
        parts.append("s.regio_key = :regio")
        params["regio"] = regio.strip().casefold()
    if soort is not None:
        parts.append("s.soort = :soort")
        params["soort"] = soort.value
    if questionnaire_id is not None:
        parts.append("s.questionnaire_id = :questionnaire")
        params["questionnaire"] = questionnaire_id
    return " AND ".join(parts), params


def latest_per_municipality(
    session: Session,
    questionnaire_id: str,
    *,
    regio: str | None = None,
    soort: SoortMeting | None = None,
) -> list[int]:
    """Ids of the newest scan (of `soort`, of this questionnaire) per municipality of `regio`
    (case-insensitive; None: every region), outside the trash."""
    where, params = _region_where(questionnaire_id, None, soort)
    sql = text(LATEST_PER_MUNICIPALITY_SQL.format(where=where))
    if regio is not None:
        params["regio"] = regio.strip().casefold()
        return [int(i) for i in session.scalars(sql, params) if i is not None]
    # Every region: the newest per region, then per municipality over the regions.
    ids = [
        int(i)
        for key in session.scalars(text(REGION_KEYS_SQL))
        for i in session.scalars(sql, {**params, "regio": key})
        if i is not None
    ]
    newest: dict[str, tuple[date, int]] = {}
    if ids:
        for scan_id, fold, datum in session.execute(
            select(ScanRow.id, ScanRow.gemeente_fold, ScanRow.datum).where(ScanRow.id.in_(ids))
        ):
            newest[fold] = max(newest.get(fold, (datum, scan_id)), (datum, scan_id))
    return sorted(scan_id for _datum, scan_id in newest.values())


def region_scans(
    session: Session,
    questionnaire: tuple[str, str],
    *,
    regio: str | None = None,
    soort: SoortMeting | None = None,
) -> list[Scan]:
    """The scans of a region (None: of every region) as `services.region.build_picture` needs
    them, without reading every scan's answers.

    The newest scan per municipality (the ones merged) come whole. Every other scan comes
    without participants or answers (its gemeente, soort and questionnaire are what counts),
    except scans of another version of `questionnaire` (id, version), whose answers tell which
    questions that version has. Ordered by gemeente, datum and id, as `get_scans`."""
    questionnaire_id, version = questionnaire
    chosen = set(latest_per_municipality(session, questionnaire_id, regio=regio, soort=soort))
    where, params = _region_where(None, regio, None)
    s = aliased(ScanRow, name="s")
    rows = session.execute(
        select(
            s.id, s.gemeente, s.regio, s.datum, s.soort, s.questionnaire_id, s.questionnaire_version
        ).where(text(where).bindparams(**params))
    ).all()
    whole = chosen | {
        r.id
        for r in rows
        if r.questionnaire_id == questionnaire_id and r.questionnaire_version != version
    }
    scans = {s.id: s for s in get_scans(session, sorted(whole))} if whole else {}
    result = [
        scans.get(r.id)
        or Scan(
            gemeente=r.gemeente,
            regio=r.regio,
            datum=r.datum,
            soort=SoortMeting(r.soort),
            questionnaire_id=r.questionnaire_id,
            questionnaire_version=r.questionnaire_version,
            id=r.id,
        )
        for r in rows
    ]
    return sorted(result, key=lambda s: (s.gemeente, s.datum, s.id or 0))


def region_counts(session: Session) -> list[tuple[str, int, int]]:
    """Per region (casefolded, stripped): its name as last written, its municipalities and its
    scans, outside the trash; grouped by the database (`ix_scans_region_latest`)."""
    groups = session.execute(
        select(
            ScanRow.regio_key,
            func.count(func.distinct(ScanRow.gemeente_fold)),
            func.count(),
        )
        .where(ScanRow.deleted_at.is_(None))
        .group_by(ScanRow.regio_key)
    ).all()
    result = []
    for key, municipalities, scans in groups:
        name = session.scalar(
            select(ScanRow.regio)
            .where(ScanRow.regio_key == key, ScanRow.deleted_at.is_(None))
            .order_by(ScanRow.updated_at.desc(), ScanRow.id.desc())
            .limit(1)
        )
        result.append(((name or "").strip(), int(municipalities), int(scans)))
    return result


def find_scans(
    session: Session,
    *,
    gemeente: str,
    datum: date | None = None,
    soort: SoortMeting | None = None,
) -> list[ScanListItem]:
    """Scans of one municipality (case-insensitive), newest first.

    Reads only that municipality's rows through the (gemeente_key, datum, soort) index, so an
    import's duplicate check costs the same in a database of ten scans or ten thousand."""
    where = ScanRow.gemeente_key == skeleton(gemeente)
    if datum is not None:
        where = where & (ScanRow.datum == datum)
    if soort is not None:
        where = where & (ScanRow.soort == soort.value)
    wanted = gemeente.casefold()
    items = [i for i in list_scans(session, where=where) if i.gemeente.casefold() == wanted]
    return sorted(items, key=lambda i: (i.datum, i.id), reverse=True)


# The import's checks run for every file of a bulk import: built once, with bound parameters,
# and run on the session's connection, so no statement is rebuilt or re-keyed per file.
_LIVE = ScanRow.deleted_at.is_(None)
_NAMES = select(ScanRow.gemeente).distinct().where(ScanRow.gemeente_key == bindparam("key"), _LIVE)
_NAMES_EXCEPT = _NAMES.where(ScanRow.id != bindparam("exclude"))
_BY_SHA = select(ScanRow.id).where(ScanRow.source_sha256 == bindparam("sha"), _LIVE).limit(1)
_BY_FINGERPRINT = (
    select(ScanRow.id).where(ScanRow.import_fingerprint == bindparam("fingerprint"), _LIVE).limit(1)
)


@dataclass(frozen=True, slots=True)
class ImportMatches:
    """What an arriving scan finds among the live scans (`import_matches`)."""

    by_file: int | None  # a scan imported from a file with exactly these bytes
    by_content: int | None  # a scan imported with the same content fingerprint
    lookalikes: tuple[str, ...]  # other spellings of the name in use (none if it is in use)
    same_day: tuple[int, ...]  # this municipality, datum and soort (case-insensitive), newest first


_MATCH_COLUMNS = (
    ScanRow.id,
    ScanRow.gemeente,
    ScanRow.gemeente_key,
    ScanRow.datum,
    ScanRow.soort,
    ScanRow.source_sha256,
    ScanRow.import_fingerprint,
)
# Three index lookups in one statement (an OR would let SQLite scan the table).
_IMPORT_MATCHES = union_all(
    select(*_MATCH_COLUMNS).where(ScanRow.gemeente_key == bindparam("key"), _LIVE),
    select(*_MATCH_COLUMNS).where(ScanRow.source_sha256 == bindparam("sha"), _LIVE),
    select(*_MATCH_COLUMNS).where(ScanRow.import_fingerprint == bindparam("fingerprint"), _LIVE),
)


def import_matches(
    session: Session, scan: Scan, *, sha256: str | None, fingerprint: str
) -> ImportMatches:
    """Every duplicate check of an import in one round trip: the same file, the same content,
    a lookalike municipality name, the same municipality, datum and soort. A bulk import runs
    this for every file, and on a shared database each statement is a network round trip."""
    key = skeleton(scan.gemeente)
    rows = (
        session.connection()
        .execute(_IMPORT_MATCHES, {"key": key, "sha": sha256, "fingerprint": fingerprint})
        .all()
    )
    by_file = [r.id for r in rows if sha256 is not None and r.source_sha256 == sha256]
    by_content = [r.id for r in rows if r.import_fingerprint == fingerprint]
    same_name = {r.id: r for r in rows if r.gemeente_key == key}.values()
    names = {r.gemeente for r in same_name}
    wanted = scan.gemeente.casefold()
    same_day = sorted(
        (
            r.id
            for r in same_name
            if r.gemeente.casefold() == wanted and r.datum == scan.datum and r.soort == scan.soort
        ),
        reverse=True,
    )
    return ImportMatches(
        by_file=min(by_file, default=None),
        by_content=min(by_content, default=None),
        lookalikes=() if scan.gemeente in names else tuple(sorted(names, key=str.casefold)),
        same_day=tuple(same_day),
    )


def gemeente_lookalikes(
    session: Session, gemeente: str, *, exclude_id: int | None = None
) -> list[str]:
    """Names of municipalities in use (outside the trash) that look like `gemeente` but are
    not exactly it (confusable letters, case, diacritics, punctuation); empty when the exact
    name is in use, for then it is that municipality. `exclude_id` leaves one scan out."""
    key = skeleton(gemeente)
    if exclude_id is None:
        rows = session.connection().execute(_NAMES, {"key": key})
    else:
        rows = session.connection().execute(_NAMES_EXCEPT, {"key": key, "exclude": exclude_id})
    names = set(rows.scalars())
    return [] if gemeente in names else sorted(names, key=str.casefold)


def scan_with_fingerprint(session: Session, sha256: str) -> int | None:
    """The live scan imported from a file with these bytes (sha256), if any."""
    found = session.connection().execute(_BY_SHA, {"sha": sha256}).scalar()
    return None if found is None else int(found)


def scan_with_import_fingerprint(session: Session, fingerprint: str) -> int | None:
    """The live scan imported with this content fingerprint, if any (unique index)."""
    found = session.connection().execute(_BY_FINGERPRINT, {"fingerprint": fingerprint}).scalar()
    return None if found is None else int(found)


def lock_scans_for_import(session: Session) -> None:
    """Take the database's write lock before an import reads what is already there.

    Without it, two processes could both see "not there yet" and both store the file. SQLite:
    a write that changes nothing takes the write lock and starts the transaction (the busy
    timeout waits for another writer), so the checks read the latest committed state and no
    other writer can come between check and insert. PostgreSQL: a table lock that lets
    readers through but queues other importers. The unique fingerprint index stays the
    guarantee whatever the engine. A bulk import's batch takes it once for all its files
    (`session.info["import_locked"]`)."""
    if session.info.get("import_locked"):
        return
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.execute(text("UPDATE scans SET id = id WHERE 0"))
    elif dialect == "postgresql":
        session.execute(text("LOCK TABLE scans IN SHARE ROW EXCLUSIVE MODE"))


def update_answer(
    session: Session,
    scan_id: int,
    question: int,
    **fields: object,
) -> None:
    """Change some fields of one answer (value, toelichting, nuancering, bespreekpunt)."""
    allowed = {"value", "toelichting", "nuancering", "bespreekpunt"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown answer fields: {sorted(unknown)}")
    scan = _row(session, scan_id)
    stamp = now()
    row = session.get(AnswerRow, (scan_id, question))
    if row is None:
        row = AnswerRow(
            scan_id=scan_id,
            question=question,
            value=None,
            toelichting="",
            nuancering="",
            bespreekpunt=False,
            updated_at=stamp,
        )
        session.add(row)
    if "value" in fields:
        value = fields["value"]
        before = row.value is not None
        row.value = value.value if isinstance(value, AnswerValue) else None
        scan.answered_count = (scan.answered_count or 0) + (row.value is not None) - before
    for name in ("toelichting", "nuancering"):
        if name in fields:
            setattr(row, name, str(fields[name] or ""))
    if "bespreekpunt" in fields:
        row.bespreekpunt = bool(fields["bespreekpunt"])
    row.updated_at = stamp
    scan.updated_at = stamp


def update_metadata(session: Session, scan_id: int, scan: Scan) -> None:
    """Replace the metadata and participants of a scan (answers stay as they are)."""
    row = _row(session, scan_id)
    row.gemeente = scan.gemeente
    row.regio = scan.regio
    row.datum = scan.datum
    row.soort = scan.soort.value
    _set_keys(row)
    row.facilitator = scan.facilitator
    row.participants = [
        ParticipantRow(position=i, naam=p.naam, organisatie=p.organisatie, rol=p.rol)
        for i, p in enumerate(scan.participants)
    ]
    row.updated_at = now()


def update_duiding(session: Session, scan_id: int, text: str) -> None:
    """The group's interpretation of the results; it changes nothing else of the scan."""
    row = _row(session, scan_id)
    row.duiding = text
    row.updated_at = now()


def move_to_trash(session: Session, scan_id: int) -> None:
    _row(session, scan_id).deleted_at = now()


def restore_from_trash(session: Session, scan_id: int) -> None:
    row = session.get(ScanRow, scan_id)
    if row is None:
        raise NotFound(f"zelfscan {scan_id} bestaat niet")
    if row.import_fingerprint is not None and scan_with_import_fingerprint(
        session, row.import_fingerprint
    ):
        # The same workbook was imported again meanwhile: the user asked for this copy back,
        # so it returns as a scan of its own, no longer the import's identity.
        row.import_fingerprint = None
    row.deleted_at = None


def purge(session: Session, scan_id: int) -> None:
    row = session.get(ScanRow, scan_id)
    if row is not None:
        session.delete(row)
