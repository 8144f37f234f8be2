"""The pool repository; `storage` implements it with conditional updates (one claim wins)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from sales.greetings.ports import GreetingsUow
from sales.outbox.ports import OutboxUow
from sales.pool.model import Pooled, Reason
from sales.prospects.model import Prospect
from sales.visits.ports import VisitsUow


class PoolRepo(Protocol):
    async def release(self, prospect_id: int, owner_id: int, reason: Reason, now: datetime,
                      stale_cutoff: date | None = None) -> int | None:
        """Into the pool only if still `owner_id`'s, not pooled and (with a cutoff) not
        contacted after it; its open follow-ups are cancelled. The new entry id, or None."""
        ...

    async def take(self, prospect_id: int, user_id: int, now: datetime,
                   assigned_by: int | None = None) -> bool:
        """Out of the pool to `user_id` only if still pooled: True for exactly one caller."""
        ...

    async def quiet_since(self, team_id: int, day: date, added_before: datetime
                          ) -> list[Prospect]:
        """Owned, open-to-contact prospects not won whose last contact is on or before `day`
        (never contacted: added before `added_before`): the sweep's candidates, found in SQL."""
        ...

    async def waiting(self, team_id: int, prospect_id: int | None = None) -> list[Pooled]:
        """The team's pooled prospects (or just that one), longest waiting first."""
        ...

    async def released_by(self, prospect_id: int, user_id: int) -> datetime | None:
        """When `user_id` last let this prospect go to the pool, if ever."""
        ...

    async def claims_between(self, user_id: int, start: datetime, end: datetime) -> int:
        """Prospects the rep claimed themselves (not assigned) in a time span."""
        ...


class PoolUow(VisitsUow, GreetingsUow, OutboxUow, Protocol):
    """What the pool reaches: prospects, follow-ups, greeting cards, the outbox and the pool."""

    @property
    def pool(self) -> PoolRepo: ...
