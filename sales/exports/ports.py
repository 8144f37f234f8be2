"""What an export reads beyond the features' own ports: a team's visits and greeting cards."""

from __future__ import annotations

from typing import Protocol

from sales.greetings.model import GreetingCard
from sales.referrals.ports import ReferralsUow
from sales.visits.model import Visit


class ExportRepo(Protocol):
    async def visits(self, team_id: int, rep_id: int | None = None) -> list[Visit]:
        """The team's visits (or one rep's), oldest first."""
        ...

    async def cards(self, team_id: int, owner_id: int | None = None) -> list[GreetingCard]:
        """The team's greeting cards (or one owner's), by occasion day."""
        ...


class ExportsUow(ReferralsUow, Protocol):
    """Exports read people, prospects, visits, greetings and referrals, and their own port."""

    @property
    def exports(self) -> ExportRepo: ...
