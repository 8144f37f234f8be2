"""A team's digest settings as a table (absent: the defaults)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Integer, Numeric
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class DigestSettingsRow(Base):
    """Dated working-day overrides, the weekly report's day, stale days, a big quote."""

    __tablename__ = "digest_settings"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    extra_workdays: Mapped[list[str]] = mapped_column(JSON, default=list)
    days_off: Mapped[list[str]] = mapped_column(JSON, default=list)
    report_weekday: Mapped[int | None] = mapped_column(Integer)
    stale_days: Mapped[int] = mapped_column(Integer, default=14)
    big_quote: Mapped[Decimal] = mapped_column(Numeric(14, 2))
