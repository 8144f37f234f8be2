"""Referrals as tables: introducer contacts, who gave which name, asks, policies, rewards."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import UTC_TS, Base

ONE_SOURCE = "(source_prospect_id IS NULL) <> (source_contact_id IS NULL)"


class ContactRow(Base):
    """An introducer who is not a customer: agent, loan officer, repair shop..."""

    __tablename__ = "referral_contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(200))
    trade: Mapped[str] = mapped_column(String(24))
    phone: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTC_TS)


class LinkRow(Base):
    """Who gave a prospect's name: one link per referred prospect (the first giver)."""

    __tablename__ = "referral_links"
    __table_args__ = (CheckConstraint(ONE_SOURCE, name="one_source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    prospect_id: Mapped[int] = mapped_column(ForeignKey("prospects.id"), unique=True)
    source_prospect_id: Mapped[int | None] = mapped_column(ForeignKey("prospects.id"),
                                                           index=True)
    source_contact_id: Mapped[int | None] = mapped_column(ForeignKey("referral_contacts.id"),
                                                          index=True)
    how_known: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTC_TS)


class AskRow(Base):
    """One time a rep asked for names, and the answer ('later' carries its reminder moment)."""

    __tablename__ = "referral_asks"
    __table_args__ = (Index("ix_referral_asks_answer_remind", "answer", "remind_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    prospect_id: Mapped[int] = mapped_column(ForeignKey("prospects.id"), index=True)
    rep_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    answer: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(UTC_TS)
    remind_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    reminded_at: Mapped[datetime | None] = mapped_column(UTC_TS)


class PolicyRow(Base):
    """A team's reward policy: an amount and currency, or a gift; days to pay and to wait."""

    __tablename__ = "referral_policies"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    gift: Mapped[str | None] = mapped_column(String(200))
    due_days: Mapped[int] = mapped_column(Integer)
    quiet_days: Mapped[int] = mapped_column(Integer)
    later_days: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTC_TS)


class RewardRow(Base):
    """A reward for one referred prospect: UNIQUE(prospect_id) makes it exactly once."""

    __tablename__ = "referral_rewards"
    __table_args__ = (
        UniqueConstraint("prospect_id"),
        CheckConstraint(ONE_SOURCE, name="one_source"),
        Index("ix_referral_rewards_team_status", "team_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    prospect_id: Mapped[int] = mapped_column(ForeignKey("prospects.id"))
    source_prospect_id: Mapped[int | None] = mapped_column(ForeignKey("prospects.id"))
    source_contact_id: Mapped[int | None] = mapped_column(ForeignKey("referral_contacts.id"))
    rep_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    gift: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12))
    promised_at: Mapped[datetime] = mapped_column(UTC_TS)
    owed_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    due_on: Mapped[date | None] = mapped_column(Date)
    settled_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    paid_how: Mapped[str | None] = mapped_column(String(12))
    overridden_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
