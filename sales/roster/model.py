"""Team management's read model: each rep's day at a glance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sales.people.model import User


@dataclass(frozen=True, slots=True)
class Activity:
    """What one person did: their last recorded action, and counts for one day."""

    user_id: int
    last_active: datetime | None = None
    new_today: int = 0
    visits_today: int = 0


@dataclass(frozen=True, slots=True)
class RepDay:
    """One line of the team list: who, when last active, today's numbers against the target."""

    user: User
    last_active: datetime | None
    new_today: int
    target: int
    visits_today: int


@dataclass(frozen=True, slots=True)
class Roster:
    """The team's day: its local date and one line per member."""

    day: date
    reps: tuple[RepDay, ...]
