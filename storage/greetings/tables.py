"""Greeting cards, the team's greeting policy and company dates as tables."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import UTC_TS, Base


class GreetingCardRow(Base):
    """One planned greeting; never twice for one prospect, occasion and year."""

    __tablename__ = "greeting_cards"
    __table_args__ = (
        UniqueConstraint("prospect_id", "occasion_key", "year",
                         name="uq_greeting_cards_prospect_occasion_year"),
        Index("ix_greeting_cards_team_status_remind", "team_id", "status", "remind_on"),
        Index("ix_greeting_cards_owner_day", "owner_id", "occasion_day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    prospect_id: Mapped[int] = mapped_column(ForeignKey("prospects.id"))
    prospect_name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    salutation: Mapped[str | None] = mapped_column(String(50))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    occasion_key: Mapped[str] = mapped_column(String(80))
    occasion_kind: Mapped[str] = mapped_column(String(16))
    occasion_name: Mapped[str] = mapped_column(String(120))
    occasion_day: Mapped[date] = mapped_column(Date)
    year: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    variant: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="planned")
    remind_on: Mapped[date] = mapped_column(Date)
    reminded_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    asked_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    marked_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    skip_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTC_TS)


class GreetingPolicyRow(Base):
    """A team's greeting choices; absent means the defaults."""

    __tablename__ = "greeting_policies"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    western: Mapped[list[str]] = mapped_column(JSON, default=list)
    postal_lead_days: Mapped[int] = mapped_column(Integer, default=7)
    message_lead_days: Mapped[int] = mapped_column(Integer, default=1)
    month_picks: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class CompanyDateRow(Base):
    """An anniversary or store opening a manager added, greeted every year."""

    __tablename__ = "company_dates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    month: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTC_TS)
