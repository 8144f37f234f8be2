"""The digest's read queries and settings; `storage` implements them with aggregate SQL."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from sales.digests.model import DayFacts, DigestSettings, WeekFacts
from sales.greetings.ports import GreetingsUow
from sales.outbox.ports import OutboxUow
from sales.visits.ports import VisitsUow


class DigestRepo(Protocol):
    """Counts for one team: a fixed number of statements whatever the team's size."""

    async def settings(self, team_id: int) -> DigestSettings | None: ...
    async def all_settings(self) -> list[DigestSettings]: ...
    async def save_settings(self, settings: DigestSettings) -> None: ...
    async def day_facts(self, team_id: int, day: date, start: datetime, end: datetime,
                        now: datetime, settings: DigestSettings) -> DayFacts:
        """Everything per rep for one local day, [start, end) being that day in UTC."""
        ...

    async def week_facts(self, team_id: int, first: date, last: date, year_ago: date
                         ) -> WeekFacts:
        """Contacts per rep per day in [first, last], and greeting coverage since `year_ago`."""
        ...


class DigestsUow(VisitsUow, GreetingsUow, OutboxUow, Protocol):
    """What the digest reaches: every feature it reads, the outbox, and its own queries."""

    @property
    def digests(self) -> DigestRepo: ...
