"""The activity read port team management needs; `storage` answers it in a fixed number of
queries whatever the team size."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from sales.greetings.ports import GreetingsUow
from sales.roster.model import Activity


class ActivityRepo(Protocol):
    async def of_team(self, team_id: int, day: date, start: datetime, end: datetime
                      ) -> list[Activity]:
        """Per member: last action ever, prospects added in [start, end), visits on `day`."""
        ...


class RosterUow(GreetingsUow, Protocol):
    """Team management reaches people, greeting policy and the activity read model."""

    @property
    def activity(self) -> ActivityRepo: ...
