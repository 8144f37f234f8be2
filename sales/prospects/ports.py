"""The prospect repository the use cases need; `storage` implements it."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Protocol

from sales.people.ports import PeopleUow
from sales.prospects.events import ProspectEvent
from sales.prospects.index import TeamIndex
from sales.prospects.matching import Candidate
from sales.prospects.model import Prospect, ProspectDraft, ProspectRecord


class ProspectRepo(Protocol):
    async def add(self, team_id: int, owner_id: int, created_by: int | None,
                  card: ProspectDraft, now: datetime) -> Prospect: ...
    async def get(self, prospect_id: int) -> Prospect | None: ...
    async def save_card(self, prospect_id: int, card: ProspectDraft, now: datetime) -> None: ...
    async def set_owner(self, prospect_id: int, owner_id: int, now: datetime) -> None: ...
    async def of_team(self, team_id: int, owner_id: int | None = None) -> list[Prospect]: ...
    async def candidates(self, team_id: int, owner_id: int | None = None,
                         ids: Collection[int] | None = None) -> list[Candidate]:
        """Matching views of the team's (or one owner's) prospects, with the owner's name
        (only those of `ids` when given)."""
        ...
    async def search_index(self, team_id: int) -> TeamIndex:
        """The team's search index, current as of the last committed write."""
        ...
    async def created_between(self, created_by: int, start: datetime, end: datetime) -> int:
        """How many prospects a rep added in a time span (the daily new-contact target)."""
        ...
    async def touch(self, prospect_id: int, day: date) -> None:
        """Last contact moves forward only (a backdated visit never moves it back)."""
        ...
    async def add_event(self, event: ProspectEvent) -> None: ...
    async def events(self, prospect_id: int, limit: int = 30) -> list[ProspectEvent]: ...
    async def add_many(self, team_id: int, records: Sequence[ProspectRecord]) -> list[int]:
        """Insert many prospects at once, ids in the records' order (demo data at scale)."""
        ...


class ProspectsUow(PeopleUow, Protocol):
    """What the prospect use cases reach: the people's repositories and the prospects."""

    @property
    def prospects(self) -> ProspectRepo: ...
