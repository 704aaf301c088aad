"""Typed ORM models. Schema changes go through an alembic migration in `migrations/versions`."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ScanRow(Base):
    __tablename__ = "scans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gemeente: Mapped[str] = mapped_column(String(200), index=True)
    regio: Mapped[str] = mapped_column(String(200), default="")
    datum: Mapped[date] = mapped_column(Date)
    soort: Mapped[str] = mapped_column(String(20))
    questionnaire_id: Mapped[str] = mapped_column(String(100))
    questionnaire_version: Mapped[str] = mapped_column(String(50))
    facilitator: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Added in migration 0002:
    warning: Mapped[str] = mapped_column(Text, default="")
    source_sha256: Mapped[str | None] = mapped_column(String(64), index=True, default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    # Added in migration 0004 (both kept up to date by the repository, never by callers):
    #: `domain.names.skeleton(gemeente)`: finds the same and lookalike municipalities by index.
    gemeente_key: Mapped[str] = mapped_column(String(200), default="")
    #: `domain.scan.content_fingerprint` of an imported scan as it was imported; unique among
    #: scans outside the trash, so two imports of one workbook can never both be stored.
    import_fingerprint: Mapped[str | None] = mapped_column(String(64), default=None)
    # Added in migration 0005: the group's interpretation of the results.
    duiding: Mapped[str] = mapped_column(Text, default="")
    # Added in migration 0009 (kept up to date by the repository, never by callers), so that a
    # list of thousands of scans is sorted, searched, counted and paged by index in the database:
    #: How many answers have a value: the 'Voortgang' column without counting answer rows.
    answered_count: Mapped[int] = mapped_column(Integer, default=0)
    #: `scan_list_fast.search_key(...)`: gemeente, regio, datum (dd-mm-jjjj) and soort casefolded;
    #: the list's search box matches every word against it in SQL.
    search_key: Mapped[str] = mapped_column(Text, default="")
    #: `gemeente.casefold()`: 'the same municipality' for the regional view's latest scan.
    gemeente_fold: Mapped[str] = mapped_column(String(200), default="")
    #: `regio.strip().casefold()`: the region a regional view asks for.
    regio_key: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        Index("ix_scans_gemeente_key", "gemeente_key", "datum", "soort"),
        # The scan list's default order (newest change first) read by index, page by page.
        # Partial: PostgreSQL cannot order by a column after one compared with IS NULL.
        Index(
            "ix_scans_list",
            "updated_at",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        # The regional view's latest scan per municipality (of a region and a soort).
        Index("ix_scans_region_latest", "regio_key", "gemeente_fold", "datum", "id"),
        Index(
            "uq_scans_import_fingerprint",
            "import_fingerprint",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    participants: Mapped[list[ParticipantRow]] = relationship(
        back_populates="scan",
        cascade="all, delete-orphan",
        order_by="ParticipantRow.position",
    )
    answers: Mapped[list[AnswerRow]] = relationship(
        back_populates="scan",
        cascade="all, delete-orphan",
        order_by="AnswerRow.question",
    )


class ParticipantRow(Base):
    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    naam: Mapped[str] = mapped_column(String(200))
    organisatie: Mapped[str] = mapped_column(String(200), default="")
    rol: Mapped[str] = mapped_column(String(200), default="")

    scan: Mapped[ScanRow] = relationship(back_populates="participants")


class AnswerRow(Base):
    __tablename__ = "answers"

    scan_id: Mapped[int] = mapped_column(
        ForeignKey("scans.id", ondelete="CASCADE"), primary_key=True
    )
    question: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[str | None] = mapped_column(String(20), default=None)
    toelichting: Mapped[str] = mapped_column(Text, default="")
    nuancering: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Added in migration 0002:
    bespreekpunt: Mapped[bool] = mapped_column(Boolean, default=False)

    scan: Mapped[ScanRow] = relationship(back_populates="answers")


class ActionRow(Base):
    """Added in migration 0003: improvement actions of the plan van aanpak."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"), index=True)
    standard: Mapped[int] = mapped_column(Integer)
    question: Mapped[int | None] = mapped_column(Integer, default=None)
    maatregel: Mapped[str] = mapped_column(Text, default="")
    huidige_stand: Mapped[str] = mapped_column(Text, default="")
    verbeteractie: Mapped[str] = mapped_column(Text, default="")
    beoogd_resultaat: Mapped[str] = mapped_column(Text, default="")
    wie: Mapped[str] = mapped_column(String(300), default="")
    planning: Mapped[str] = mapped_column(String(300), default="")
    kosten: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="gepland")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Added in migration 0007 (PDCA review date):
    herziendatum: Mapped[date | None] = mapped_column(Date, default=None)


# Added in migration 0007 (the meeting kit) -----------------------------------------------------


class RoutekaartRow(Base):
    """The routekaart of one municipality or region (scope + naam), with the agreed repeat date."""

    __tablename__ = "routekaarten"
    __table_args__ = (UniqueConstraint("scope", "naam", name="uq_routekaarten_scope_naam"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(20))
    naam: Mapped[str] = mapped_column(String(200))
    herhaal_op: Mapped[date | None] = mapped_column(Date, default=None)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    items: Mapped[list[RoutekaartItemRow]] = relationship(
        back_populates="routekaart", cascade="all, delete-orphan"
    )


class RoutekaartItemRow(Base):
    """One ticked (or annotated) step or beslismoment, by its key in resources/routekaart.yaml."""

    __tablename__ = "routekaart_items"

    routekaart_id: Mapped[int] = mapped_column(
        ForeignKey("routekaarten.id", ondelete="CASCADE"), primary_key=True
    )
    item_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    datum: Mapped[date | None] = mapped_column(Date, default=None)
    eigenaar: Mapped[str] = mapped_column(String(200), default="")
    notitie: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    routekaart: Mapped[RoutekaartRow] = relationship(back_populates="items")


class WheelQuestionRow(Base):
    """A region's own list of Rad van Fortuin questions (absent: the bijlage-2 list)."""

    __tablename__ = "rad_vragen"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    regio: Mapped[str] = mapped_column(String(200), index=True)
    position: Mapped[int] = mapped_column(Integer)
    tekst: Mapped[str] = mapped_column(Text)


class WheelAnswerRow(Base):
    """The group's answer to one wheel question, kept with the scan."""

    __tablename__ = "rad_antwoorden"
    __table_args__ = (UniqueConstraint("scan_id", "vraag", name="uq_rad_antwoorden_scan_vraag"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    vraag: Mapped[str] = mapped_column(Text)
    antwoord: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


# Added in migration 0008 (pre-scans and the show of hands) ------------------------------------


class PrescanRow(Base):
    """One participant's voorbereiding of a scan; `fingerprint` keeps one copy per content."""

    __tablename__ = "voorbereidingen"
    __table_args__ = (
        UniqueConstraint("scan_id", "fingerprint", name="uq_voorbereidingen_scan_fingerprint"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"), index=True)
    door: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    source_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    answers: Mapped[list[PrescanAnswerRow]] = relationship(
        cascade="all, delete-orphan", order_by="PrescanAnswerRow.question"
    )


class PrescanAnswerRow(Base):
    __tablename__ = "voorbereiding_antwoorden"

    voorbereiding_id: Mapped[int] = mapped_column(
        ForeignKey("voorbereidingen.id", ondelete="CASCADE"), primary_key=True
    )
    question: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[str | None] = mapped_column(String(20), default=None)
    toelichting: Mapped[str] = mapped_column(Text, default="")


class HandCountRow(Base):
    """The room's show of hands for one question of a scan, as typed by the facilitator."""

    __tablename__ = "handopsteken"

    scan_id: Mapped[int] = mapped_column(
        ForeignKey("scans.id", ondelete="CASCADE"), primary_key=True
    )
    question: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_orde: Mapped[int] = mapped_column(Integer, default=0)
    niet_op_orde: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AnswerHistoryRow(Base):
    """Added in migration 0010: one row per change of one answer (the answer before and after).

    Written in the same transaction as the change (`storage.history`), so a change without
    its history row, or a history row without its change, cannot be committed.
    """

    __tablename__ = "answer_history"
    __table_args__ = (
        Index("ix_answer_history_scan", "scan_id", "id"),
        Index("uq_answer_history_change_id", "change_id", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"))
    question: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(DateTime)  # UTC
    workstation: Mapped[str] = mapped_column(String(200), default="")
    user_name: Mapped[str] = mapped_column(String(200), default="")
    change_id: Mapped[str | None] = mapped_column(String(64), default=None)
    old_value: Mapped[str | None] = mapped_column(String(20), default=None)
    new_value: Mapped[str | None] = mapped_column(String(20), default=None)
    old_toelichting: Mapped[str] = mapped_column(Text, default="")
    new_toelichting: Mapped[str] = mapped_column(Text, default="")
    old_nuancering: Mapped[str] = mapped_column(Text, default="")
    new_nuancering: Mapped[str] = mapped_column(Text, default="")
    old_bespreekpunt: Mapped[bool] = mapped_column(Boolean, default=False)
    new_bespreekpunt: Mapped[bool] = mapped_column(Boolean, default=False)
