"""The team pool: conditional updates on `prospects.pooled_at`, stays in `pool_entries`."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, or_, select, update

from sales.pool.model import Pooled, PoolEntry, Reason
from sales.prospects.model import Prospect, Stage
from storage.base import SessionRepo
from storage.people.tables import UserRow
from storage.pool.tables import PoolEntryRow
from storage.prospects.repo import bump_search_stamp_for, to_prospect
from storage.prospects.tables import ProspectRow
from storage.visits.tables import FollowUpRow

CANCELLED = "cancelled"


def to_entry(row: PoolEntryRow) -> PoolEntry:
    return PoolEntry(row.id, row.team_id, row.prospect_id, row.previous_owner_id,
                     Reason(row.reason), row.released_at, row.claimed_by, row.claimed_at,
                     row.assigned_by)


class PoolRepo(SessionRepo):
    """Implements `sales.pool.ports.PoolRepo`."""

    async def release(self, prospect_id: int, owner_id: int, reason: Reason, now: datetime,
                      stale_cutoff: date | None = None) -> int | None:
        guard = [ProspectRow.id == prospect_id, ProspectRow.owner_id == owner_id,
                 ProspectRow.pooled_at.is_(None)]
        if stale_cutoff is not None:  # contacted meanwhile, or won: it stays
            guard += [or_(ProspectRow.last_contact_on.is_(None),
                          ProspectRow.last_contact_on <= stale_cutoff),
                      ProspectRow.stage != Stage.WON.value]
        rev = await bump_search_stamp_for(self.s, prospect_id)  # search sees the move
        result = await self.s.execute(update(ProspectRow).where(*guard)
                                      .values(pooled_at=now, updated_at=now, rev=rev))
        if getattr(result, "rowcount", 0) != 1:
            return None
        prospect = await self.s.get(ProspectRow, prospect_id, populate_existing=True)
        assert prospect is not None
        await self.s.execute(update(FollowUpRow).where(
            FollowUpRow.prospect_id == prospect_id, FollowUpRow.status == "open",
        ).values(status=CANCELLED, done_at=now))
        row = PoolEntryRow(team_id=prospect.team_id, prospect_id=prospect_id,
                           previous_owner_id=owner_id, reason=reason.value, released_at=now)
        self.s.add(row)
        await self.s.flush()
        return row.id

    async def take(self, prospect_id: int, user_id: int, now: datetime,
                   assigned_by: int | None = None) -> bool:
        rev = await bump_search_stamp_for(self.s, prospect_id)  # search sees the new owner
        result = await self.s.execute(
            update(ProspectRow)
            .where(ProspectRow.id == prospect_id, ProspectRow.pooled_at.is_not(None))
            .values(owner_id=user_id, pooled_at=None, updated_at=now, rev=rev))
        if getattr(result, "rowcount", 0) != 1:
            return False
        await self.s.execute(update(PoolEntryRow).where(
            PoolEntryRow.prospect_id == prospect_id, PoolEntryRow.claimed_at.is_(None),
        ).values(claimed_by=user_id, claimed_at=now, assigned_by=assigned_by))
        return True

    async def quiet_since(self, team_id: int, day: date, added_before: datetime
                          ) -> list[Prospect]:
        rows = await self.s.scalars(select(ProspectRow).where(
            ProspectRow.team_id == team_id, ProspectRow.pooled_at.is_(None),
            ProspectRow.stage != Stage.WON.value, ProspectRow.do_not_contact.is_(False),
            or_(ProspectRow.last_contact_on <= day,
                ProspectRow.last_contact_on.is_(None) & (ProspectRow.created_at < added_before)),
        ).order_by(ProspectRow.id))
        return [to_prospect(r) for r in rows]

    async def waiting(self, team_id: int, prospect_id: int | None = None) -> list[Pooled]:
        query = (
            select(ProspectRow, PoolEntryRow, UserRow.display_name)
            .join(PoolEntryRow, (PoolEntryRow.prospect_id == ProspectRow.id)
                  & PoolEntryRow.claimed_at.is_(None))
            .join(UserRow, UserRow.id == PoolEntryRow.previous_owner_id)
            .where(ProspectRow.team_id == team_id, ProspectRow.pooled_at.is_not(None)))
        if prospect_id is not None:
            query = query.where(ProspectRow.id == prospect_id)
        rows = await self.s.execute(query.order_by(PoolEntryRow.released_at, PoolEntryRow.id))
        return [Pooled(to_prospect(p), to_entry(e), name) for p, e, name in rows]

    async def released_by(self, prospect_id: int, user_id: int) -> datetime | None:
        found: datetime | None = await self.s.scalar(
            select(func.max(PoolEntryRow.released_at)).where(
                PoolEntryRow.prospect_id == prospect_id,
                PoolEntryRow.previous_owner_id == user_id))
        return found

    async def claims_between(self, user_id: int, start: datetime, end: datetime) -> int:
        count = await self.s.scalar(select(func.count()).select_from(PoolEntryRow).where(
            PoolEntryRow.claimed_by == user_id, PoolEntryRow.assigned_by.is_(None),
            PoolEntryRow.claimed_at >= start, PoolEntryRow.claimed_at < end))
        return int(count or 0)
