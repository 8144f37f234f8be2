"""Prospects and their history as tables."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.expression import false as sa_false

from storage.base import UTC_TS, Base


class ProspectRow(Base):
    """The customer card (method.md §3); one row per prospect, owned by one rep of one team."""

    __tablename__ = "prospects"
    __table_args__ = (
        Index("ix_prospects_team_phone", "team_id", "phone"),
        Index("ix_prospects_team_owner_stage", "team_id", "owner_id", "stage"),
        Index("ix_prospects_team_rev", "team_id", "rev"),
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
    salutation: Mapped[str | None] = mapped_column(String(50))
    greeting_language: Mapped[str | None] = mapped_column(String(8))
    greeting_channel: Mapped[str] = mapped_column(String(16), default="postal",
                                                  server_default="postal")
    greetings_opt_out: Mapped[bool] = mapped_column(Boolean, default=False,
                                                    server_default=sa_false())
    created_at: Mapped[datetime] = mapped_column(UTC_TS)
    updated_at: Mapped[datetime] = mapped_column(UTC_TS)
    last_contact_on: Mapped[date | None] = mapped_column(Date)
    pooled_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    # search: the keys of sales.prospects.index.SearchKeys, and the team stamp of the last write;
    # a write of name, company, phone, email, wechat or owner must go through ProspectRepo
    # (it bumps search_stamps), or processes keep searching the old values
    search_keys: Mapped[str | None] = mapped_column(Text)
    rev: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class SearchStampRow(Base):
    """Per team, a counter bumped by every write that changes what search sees: a process
    compares it with its cached index (one primary-key read per query) and reloads the rows
    written since (`prospects.rev` above the cached stamp)."""

    __tablename__ = "search_stamps"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer, default=0)


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
