"""ORM tables. Rows never leave `storage/`: repositories turn them into `sales` dataclasses."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    Time,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC in, aware UTC out, on SQLite (no tz support) and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Refuse naive datetimes: every time in Xunke is timezone-aware."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        """SQLite hands back naive values that were stored as UTC."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UTC_TS = UtcDateTime()


class Base(DeclarativeBase):
    """Shared metadata with stable constraint names (Alembic diffs stay clean)."""

    metadata = MetaData(naming_convention=NAMING)


class TeamRow(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    timezone: Mapped[str] = mapped_column(String(64))
    country: Mapped[str] = mapped_column(String(8))
    language: Mapped[str] = mapped_column(String(8))
    digest_chat_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    digest_time: Mapped[time] = mapped_column(Time, default=time(18, 30))
    prospecting_weekday: Mapped[int] = mapped_column(Integer, default=4)
    daily_new_contacts: Mapped[int] = mapped_column(Integer, default=5)
    created_at: Mapped[datetime] = mapped_column(UTC_TS, default=lambda: datetime.now(UTC))


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    timezone: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    bot_blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    agenda_time: Mapped[time] = mapped_column(Time, default=time(8, 30))
    evening_time: Mapped[time] = mapped_column(Time, default=time(18, 0))
    away_from: Mapped[datetime | None] = mapped_column(UTC_TS)
    away_to: Mapped[datetime | None] = mapped_column(UTC_TS)
    created_at: Mapped[datetime] = mapped_column(UTC_TS, default=lambda: datetime.now(UTC))


class InviteRow(Base):
    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    expires_at: Mapped[datetime] = mapped_column(UTC_TS)
    created_at: Mapped[datetime] = mapped_column(UTC_TS)
    used_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    used_at: Mapped[datetime | None] = mapped_column(UTC_TS)


class AuditRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTC_TS, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class FsmRow(Base):
    """aiogram FSM state and data (dialog stacks live here too), one row per storage key."""

    __tablename__ = "fsm_state"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    state: Mapped[str | None] = mapped_column(String(255))
    data: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime] = mapped_column(UTC_TS, default=lambda: datetime.now(UTC))


class ProspectRow(Base):
    """The customer card (method.md §3); one row per prospect, owned by one rep of one team."""

    __tablename__ = "prospects"
    __table_args__ = (
        Index("ix_prospects_team_phone", "team_id", "phone"),
        Index("ix_prospects_team_owner_stage", "team_id", "owner_id", "stage"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    company: Mapped[str | None] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(String(200))
    decision_maker: Mapped[str] = mapped_column(String(8), default="unknown")
    phone: Mapped[str | None] = mapped_column(String(32))
    wechat: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(254))
    method: Mapped[str] = mapped_column(String(32))
    referred_by_id: Mapped[int | None] = mapped_column(ForeignKey("prospects.id"), index=True)
    referred_by_name: Mapped[str | None] = mapped_column(String(200))
    man_money: Mapped[str] = mapped_column(String(8), default="unknown")
    man_authority: Mapped[str] = mapped_column(String(8), default="unknown")
    man_need: Mapped[str] = mapped_column(String(8), default="unknown")
    stage: Mapped[str] = mapped_column(String(16), default="new")
    address: Mapped[str | None] = mapped_column(String(300))
    birthday_month: Mapped[int | None] = mapped_column(Integer)
    birthday_day: Mapped[int | None] = mapped_column(Integer)
    birthday_year: Mapped[int | None] = mapped_column(Integer)
    birthday_lunar: Mapped[bool] = mapped_column(Boolean, default=False)
    birthday_leap: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_from: Mapped[time | None] = mapped_column(Time)
    contact_to: Mapped[time | None] = mapped_column(Time)
    needs: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    direct_mail: Mapped[bool] = mapped_column(Boolean, default=False)
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTC_TS)
    updated_at: Mapped[datetime] = mapped_column(UTC_TS)
    last_contact_on: Mapped[date | None] = mapped_column(Date)


class ProspectEventRow(Base):
    """History of a card: creation, every field, stage, MAN and owner change, with who and when."""

    __tablename__ = "prospect_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    prospect_id: Mapped[int] = mapped_column(ForeignKey("prospects.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTC_TS)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16))
    field: Mapped[str | None] = mapped_column(String(32))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)


class VisitRow(Base):
    """One contact with a prospect: visit, call, message, mail; its outcome and evidence."""

    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_rep_day", "rep_id", "happened_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    prospect_id: Mapped[int] = mapped_column(ForeignKey("prospects.id"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    rep_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    channel: Mapped[str] = mapped_column(String(16))
    happened_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(24))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    lost_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    photo_file_id: Mapped[str | None] = mapped_column(String(255))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTC_TS)


class FollowUpRow(Base):
    """The next step with a prospect: due on a day (optionally at a time), open until done."""

    __tablename__ = "follow_ups"
    __table_args__ = (
        Index("ix_follow_ups_owner_status_due", "owner_id", "status", "due_on"),
        Index("ix_follow_ups_status_due_at", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    prospect_id: Mapped[int] = mapped_column(ForeignKey("prospects.id"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    text: Mapped[str | None] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date)
    due_time: Mapped[time | None] = mapped_column(Time)
    due_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    snoozed_until: Mapped[datetime | None] = mapped_column(UTC_TS)
    status: Mapped[str] = mapped_column(String(12), default="open")
    created_at: Mapped[datetime] = mapped_column(UTC_TS)
    done_at: Mapped[datetime | None] = mapped_column(UTC_TS)


class OutboxRow(Base):
    """One message to send, at most once: claimed (`sending`) before the call, marked after."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_not_before", "status", "not_before"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    buttons: Mapped[list[list[dict[str, str]]] | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime] = mapped_column(UTC_TS)
    created_at: Mapped[datetime] = mapped_column(UTC_TS)
    claimed_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    sent_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
