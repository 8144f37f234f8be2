"""What the rhythm scanners build and show: agenda, evening check, the people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sales.people.model import Team, User
from sales.prospects.model import Method, Prospect


@dataclass(frozen=True, slots=True)
class FollowUpView:
    """One open follow-up as the agenda lists it."""

    id: int
    prospect_id: int
    prospect_name: str
    due_on: date
    due_time: time | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Agenda:
    """The morning message: today's follow-ups by time, overdue ones oldest first, and target."""

    day: date
    due_today: tuple[FollowUpView, ...]
    overdue: tuple[FollowUpView, ...]
    target: int
    new_contacts_today: int

    @property
    def remaining(self) -> int:
        """New contacts still to make today to reach the target."""
        return max(self.target - self.new_contacts_today, 0)


@dataclass(frozen=True, slots=True)
class EveningCheck:
    """The evening nudge: today's follow-ups still open and the new-contacts progress."""

    day: date
    open_due_today: int
    new_contacts_today: int
    target: int

    @property
    def remaining(self) -> int:
        """New contacts still to make today to reach the target."""
        return max(self.target - self.new_contacts_today, 0)


@dataclass(frozen=True, slots=True)
class Person:
    """A rep as the scanners see them: their team and the timezone that applies."""

    user: User
    team: Team
    tz: str


@dataclass(frozen=True, slots=True)
class ProspectingDay:
    """Weekly 'new customer development day': dormant prospects to revive, methods to try."""

    day: date
    revive: tuple[Prospect, ...]
    least_used: tuple[Method, ...]
