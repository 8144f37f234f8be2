"""Visit and follow-up repositories; `storage` implements them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from sales.prospects.model import Prospect
from sales.prospects.ports import ProspectsUow
from sales.visits.model import FollowUp, NextStep, Visit, VisitDraft, VisitRecord


class VisitRepo(Protocol):
    async def add(self, rep_id: int, team_id: int, draft: VisitDraft, now: datetime
                  ) -> Visit: ...
    async def of_prospect(self, prospect_id: int) -> list[Visit]: ...
    async def add_many(self, records: Sequence[VisitRecord]) -> int:
        """Insert many past contacts at once (demo data at scale); how many."""
        ...


class FollowUpRepo(Protocol):
    async def add(self, prospect: Prospect, owner_id: int, step: NextStep,
                  due_at: datetime | None, visit_id: int | None, now: datetime) -> FollowUp: ...
    async def get(self, follow_up_id: int) -> FollowUp | None: ...
    async def close_open(self, prospect_id: int, now: datetime) -> None: ...
    async def open_of(self, prospect_id: int) -> FollowUp | None: ...
    async def due_for(self, owner_id: int, up_to: date) -> list[FollowUp]:
        """Open follow-ups of one owner due on or before a day, with prospect names."""
        ...
    async def timed_due(self, now: datetime) -> list[FollowUp]:
        """Open follow-ups with a time whose moment (or snooze) has come."""
        ...
    async def snooze(self, follow_up_id: int, until: datetime) -> None: ...


class VisitsUow(ProspectsUow, Protocol):
    """What the visit use cases reach: prospects, visits and follow-ups."""

    @property
    def visits(self) -> VisitRepo: ...
    @property
    def follow_ups(self) -> FollowUpRepo: ...
