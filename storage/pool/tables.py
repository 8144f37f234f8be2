"""The pool's stays as a table; whether a prospect is pooled now is `prospects.pooled_at`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import UTC_TS, Base


class PoolEntryRow(Base):
    """One stay of a prospect in its team pool: who let it go, why, who took it and when."""

    __tablename__ = "pool_entries"
    __table_args__ = (
        Index("ix_pool_entries_prospect_owner", "prospect_id", "previous_owner_id"),
        Index("ix_pool_entries_claimed_by_at", "claimed_by", "claimed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    prospect_id: Mapped[int] = mapped_column(ForeignKey("prospects.id"))
    previous_owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(String(16))
    released_at: Mapped[datetime] = mapped_column(UTC_TS)
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    claimed_at: Mapped[datetime | None] = mapped_column(UTC_TS)
    assigned_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
