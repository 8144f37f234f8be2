"""The team pool (公海): why a prospect went there, its stay, and what the nightly sweep did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sales.people.model import User
from sales.prospects.model import Prospect

WARN_DAYS = 3
"""The owner is warned this many days before a prospect goes to the pool."""


class Reason(StrEnum):
    """Why a prospect is in the pool: nobody contacted it, or its rep left."""

    STALE = "stale"
    LEFT = "left"


class Fate(StrEnum):
    """What the team rule says about one prospect today."""

    KEEP = "keep"
    WARN = "warn"
    POOL = "pool"


@dataclass(frozen=True, slots=True)
class PoolEntry:
    """One stay in the pool: released by whom and why; claimed (or assigned) by whom."""

    id: int
    team_id: int
    prospect_id: int
    previous_owner_id: int
    reason: Reason
    released_at: datetime
    claimed_by: int | None = None
    claimed_at: datetime | None = None
    assigned_by: int | None = None


@dataclass(frozen=True, slots=True)
class Pooled:
    """A prospect waiting in the pool, with its stay and its previous owner's name."""

    prospect: Prospect
    entry: PoolEntry
    previous_owner: str


@dataclass(frozen=True, slots=True)
class Warned:
    """An owner's prospects that go to the pool on `pool_day` unless contacted before."""

    owner: User
    pool_day: date
    prospects: tuple[Prospect, ...]

    @property
    def key(self) -> str:
        """Once per owner and pool day, however often the sweep runs."""
        return f"pool-warn:{self.owner.id}:{self.pool_day.isoformat()}"


@dataclass(frozen=True, slots=True)
class Released:
    """Prospects the sweep just put into the pool, for one previous owner."""

    owner: User
    first_entry_id: int
    prospects: tuple[Prospect, ...]

    @property
    def key(self) -> str:
        """Written in the same transaction as the move, so one notice per move, never lost."""
        return f"pool-moved:{self.owner.id}:{self.first_entry_id}"
