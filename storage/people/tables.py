"""Teams, users, invites and the audit log as tables."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import UTC_TS, Base


class TeamRow(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    timezone: Mapped[str] = mapped_column(String(64))
    country: Mapped[str] = mapped_column(String(8))
    language: Mapped[str] = mapped_column(String(8))
    digest_chat_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    digest_time: Mapped[time] = mapped_column(Time, default=time(19, 0))
    prospecting_weekday: Mapped[int] = mapped_column(Integer, default=4)
    daily_new_contacts: Mapped[int] = mapped_column(Integer, default=5)
    created_at: Mapped[datetime] = mapped_column(UTC_TS, default=lambda: datetime.now(UTC))
    working_days: Mapped[list[int] | None] = mapped_column(JSON)
    pool_after_days: Mapped[int | None] = mapped_column(Integer)
    pool_claim_cap: Mapped[int] = mapped_column(Integer, default=5, server_default="5")
    pool_reclaim_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")


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
