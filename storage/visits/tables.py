"""Visits and follow-ups as tables."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, Numeric, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import UTC_TS, Base


class VisitRow(Base):
    """One contact with a prospect: visit, call, message, mail; its outcome and evidence."""

    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_rep_day", "rep_id", "happened_on"),
                      Index("ix_visits_rep_checked_in", "rep_id", "checked_in_at"))

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
    checked_in_at: Mapped[datetime | None] = mapped_column(UTC_TS)  # a check-in's moment
    duration_s: Mapped[int | None] = mapped_column(Integer)  # set at check-out


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
