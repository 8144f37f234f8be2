"""A team's visits and greeting cards in one query each, for exports."""

from __future__ import annotations

from sqlalchemy import select

from sales.greetings.model import GreetingCard
from sales.visits.model import Visit
from storage.base import SessionRepo
from storage.greetings.repo import to_card
from storage.greetings.tables import GreetingCardRow
from storage.visits.repo import to_visit
from storage.visits.tables import VisitRow


class ExportRepo(SessionRepo):
    """Implements `sales.exports.ports.ExportRepo`."""

    async def visits(self, team_id: int, rep_id: int | None = None) -> list[Visit]:
        query = select(VisitRow).where(VisitRow.team_id == team_id)
        if rep_id is not None:
            query = query.where(VisitRow.rep_id == rep_id)
        rows = await self.s.scalars(query.order_by(VisitRow.happened_on, VisitRow.id))
        return [to_visit(r) for r in rows]

    async def cards(self, team_id: int, owner_id: int | None = None) -> list[GreetingCard]:
        query = select(GreetingCardRow).where(GreetingCardRow.team_id == team_id)
        if owner_id is not None:
            query = query.where(GreetingCardRow.owner_id == owner_id)
        rows = await self.s.scalars(query.order_by(GreetingCardRow.occasion_day,
                                                   GreetingCardRow.id))
        return [to_card(r) for r in rows]
