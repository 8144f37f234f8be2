"""Team activity in four grouped queries: last event, last visit, prospects added, visits."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select

from sales.roster.model import Activity
from storage.base import SessionRepo
from storage.people.tables import UserRow
from storage.prospects.tables import ProspectEventRow, ProspectRow
from storage.visits.tables import VisitRow


class ActivityRepo(SessionRepo):
    """Implements `sales.roster.ports.ActivityRepo`."""

    async def of_team(self, team_id: int, day: date, start: datetime, end: datetime
                      ) -> list[Activity]:
        members = select(UserRow.id).where(UserRow.team_id == team_id).scalar_subquery()
        events = await self._per_user(
            select(ProspectEventRow.actor_id, func.max(ProspectEventRow.at))
            .where(ProspectEventRow.actor_id.in_(members)).group_by(ProspectEventRow.actor_id))
        visited = await self._per_user(
            select(VisitRow.rep_id, func.max(VisitRow.created_at))
            .where(VisitRow.rep_id.in_(members)).group_by(VisitRow.rep_id))
        added = await self._per_user(
            select(ProspectRow.created_by, func.count())
            .where(ProspectRow.created_by.in_(members), ProspectRow.created_at >= start,
                   ProspectRow.created_at < end).group_by(ProspectRow.created_by))
        visits = await self._per_user(
            select(VisitRow.rep_id, func.count())
            .where(VisitRow.rep_id.in_(members), VisitRow.happened_on == day)
            .group_by(VisitRow.rep_id))
        users = set(events) | set(visited) | set(added) | set(visits)
        return [Activity(u, max((t for t in (events.get(u), visited.get(u)) if t is not None),
                                default=None), int(added.get(u, 0)), int(visits.get(u, 0)))
                for u in sorted(users)]

    async def _per_user(self, query: Select[Any, Any]) -> dict[int, Any]:
        """(user id, value) rows as a dict."""
        return {int(u): v for u, v in await self.s.execute(query) if u is not None}
