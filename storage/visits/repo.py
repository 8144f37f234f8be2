"""Visits and follow-ups: rows <-> `sales.visits` dataclasses. Never commits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import cast

from sqlalchemy import Select, Table, and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from sales.prospects.model import Prospect
from sales.visits.model import (
    Channel,
    FollowUp,
    NextStep,
    Outcome,
    Stamp,
    Visit,
    VisitDraft,
    VisitRecord,
)
from storage.prospects.tables import ProspectRow
from storage.visits.tables import FollowUpRow, VisitRow

OPEN = "open"


def to_visit(row: VisitRow) -> Visit:
    draft = VisitDraft(
        prospect_id=row.prospect_id, channel=Channel(row.channel), happened_on=row.happened_on,
        outcome=Outcome(row.outcome), amount=row.amount, currency=row.currency,
        lost_reason=row.lost_reason, notes=row.notes, photo_file_id=row.photo_file_id,
        latitude=row.latitude, longitude=row.longitude)
    return Visit(row.id, row.rep_id, row.team_id, draft, row.created_at, row.checked_in_at,
                 row.duration_s)


def _reported(draft: VisitDraft) -> dict[str, object]:
    """The columns a rep reports (the check-in stamps are not among them)."""
    return {"channel": draft.channel.value, "happened_on": draft.happened_on,
            "outcome": draft.outcome.value, "amount": draft.amount, "currency": draft.currency,
            "lost_reason": draft.lost_reason, "notes": draft.notes,
            "photo_file_id": draft.photo_file_id, "latitude": draft.latitude,
            "longitude": draft.longitude}


def to_follow_up(row: FollowUpRow, name: str = "") -> FollowUp:
    return FollowUp(row.id, row.prospect_id, row.owner_id, row.team_id, row.due_on, row.text,
                    row.due_time, row.due_at, row.status, row.created_at, row.snoozed_until,
                    name)


class VisitRepo:
    """Implements `sales.ports.VisitRepo`."""

    def __init__(self, session: AsyncSession) -> None:
        self.s = session

    async def add(self, rep_id: int, team_id: int, draft: VisitDraft, now: datetime,
                  checked_in_at: datetime | None = None) -> Visit:
        row = VisitRow(prospect_id=draft.prospect_id, team_id=team_id, rep_id=rep_id,
                       created_at=now, checked_in_at=checked_in_at, **_reported(draft))
        self.s.add(row)
        await self.s.flush()
        return to_visit(row)

    async def get(self, visit_id: int) -> Visit | None:
        row = await self.s.get(VisitRow, visit_id)
        return to_visit(row) if row else None

    async def update(self, visit_id: int, draft: VisitDraft) -> Visit:
        """The reported columns; a location the rep did not send keeps the check-in's."""
        row = await self.s.get_one(VisitRow, visit_id)
        values = _reported(draft)
        if draft.latitude is None:
            values.update(latitude=row.latitude, longitude=row.longitude)
        for name, value in values.items():
            setattr(row, name, value)
        await self.s.flush()
        return to_visit(row)

    async def last_of(self, prospect_id: int) -> Visit | None:
        row = await self.s.scalar(select(VisitRow).where(VisitRow.prospect_id == prospect_id)
                                  .order_by(VisitRow.happened_on.desc(), VisitRow.id.desc())
                                  .limit(1))
        return to_visit(row) if row else None

    async def stamps(self, team_id: int, owner_id: int | None) -> list[Stamp]:
        """The newest located visit per prospect (highest id), joined to the prospect."""
        latest = (select(func.max(VisitRow.id).label("id"))
                  .where(VisitRow.team_id == team_id, VisitRow.latitude.is_not(None),
                         VisitRow.longitude.is_not(None))
                  .group_by(VisitRow.prospect_id).subquery())
        query = (select(ProspectRow.id, ProspectRow.name, VisitRow.latitude, VisitRow.longitude,
                        VisitRow.happened_on)
                 .join(latest, latest.c.id == VisitRow.id)
                 .join(ProspectRow, ProspectRow.id == VisitRow.prospect_id)
                 .where(ProspectRow.team_id == team_id))
        if owner_id is not None:
            query = query.where(ProspectRow.owner_id == owner_id)
        return [Stamp(pid, name, float(lat or 0), float(lon or 0), day)
                for pid, name, lat, lon, day in await self.s.execute(query)]

    async def open_check_in(self, rep_id: int, since: datetime) -> Visit | None:
        row = await self.s.scalar(
            select(VisitRow).where(VisitRow.rep_id == rep_id, VisitRow.checked_in_at >= since,
                                   VisitRow.duration_s.is_(None))
            .order_by(VisitRow.checked_in_at.desc(), VisitRow.id.desc()).limit(1))
        return to_visit(row) if row else None

    async def set_duration(self, visit_id: int, seconds: int) -> None:
        await self.s.execute(update(VisitRow).where(VisitRow.id == visit_id)
                             .values(duration_s=seconds))

    async def of_prospect(self, prospect_id: int) -> list[Visit]:
        rows = await self.s.scalars(select(VisitRow).where(VisitRow.prospect_id == prospect_id)
                                    .order_by(VisitRow.happened_on.desc(), VisitRow.id.desc()))
        return [to_visit(r) for r in rows]

    async def add_many(self, records: Sequence[VisitRecord]) -> int:
        """One batched INSERT for many past contacts."""
        rows = [{"prospect_id": r.draft.prospect_id, "team_id": r.team_id, "rep_id": r.rep_id,
                 "channel": r.draft.channel.value, "happened_on": r.draft.happened_on,
                 "outcome": r.draft.outcome.value, "amount": r.draft.amount,
                 "currency": r.draft.currency, "lost_reason": r.draft.lost_reason,
                 "notes": r.draft.notes, "photo_file_id": r.draft.photo_file_id,
                 "latitude": r.draft.latitude, "longitude": r.draft.longitude,
                 "created_at": r.created_at} for r in records]
        if rows:
            await self.s.execute(insert(cast(Table, VisitRow.__table__)), rows)
        return len(rows)


class FollowUpRepo:
    """Implements `sales.ports.FollowUpRepo`."""

    def __init__(self, session: AsyncSession) -> None:
        self.s = session

    async def add(self, prospect: Prospect, owner_id: int, step: NextStep,
                  due_at: datetime | None, visit_id: int | None, now: datetime) -> FollowUp:
        row = FollowUpRow(prospect_id=prospect.id, team_id=prospect.team_id, owner_id=owner_id,
                          visit_id=visit_id, text=step.text, due_on=step.due_on,
                          due_time=step.due_time, due_at=due_at, status=OPEN, created_at=now)
        self.s.add(row)
        await self.s.flush()
        return to_follow_up(row, prospect.card.name)

    async def get(self, follow_up_id: int) -> FollowUp | None:
        found = (await self.s.execute(self._named().where(FollowUpRow.id == follow_up_id))).first()
        return to_follow_up(found[0], found[1]) if found else None

    async def close_open(self, prospect_id: int, now: datetime) -> None:
        await self.s.execute(update(FollowUpRow).where(
            FollowUpRow.prospect_id == prospect_id, FollowUpRow.status == OPEN,
        ).values(status="done", done_at=now))

    async def open_of(self, prospect_id: int) -> FollowUp | None:
        found = (await self.s.execute(self._named().where(
            FollowUpRow.prospect_id == prospect_id, FollowUpRow.status == OPEN,
        ).order_by(FollowUpRow.due_on))).first()
        return to_follow_up(found[0], found[1]) if found else None

    async def due_for(self, owner_id: int, up_to: date) -> list[FollowUp]:
        rows = await self.s.execute(self._named().where(
            FollowUpRow.owner_id == owner_id, FollowUpRow.status == OPEN,
            FollowUpRow.due_on <= up_to,
        ).order_by(FollowUpRow.due_on, FollowUpRow.due_time, FollowUpRow.id))
        return [to_follow_up(r, n) for r, n in rows]

    async def timed_due(self, now: datetime) -> list[FollowUp]:
        moment = or_(and_(FollowUpRow.snoozed_until.is_(None), FollowUpRow.due_at <= now),
                     FollowUpRow.snoozed_until <= now)
        rows = await self.s.execute(self._named().where(FollowUpRow.status == OPEN, moment)
                                    .order_by(FollowUpRow.due_at, FollowUpRow.id))
        return [to_follow_up(r, n) for r, n in rows]

    async def snooze(self, follow_up_id: int, until: datetime) -> None:
        await self.s.execute(update(FollowUpRow).where(FollowUpRow.id == follow_up_id)
                             .values(snoozed_until=until))

    @staticmethod
    def _named() -> Select[FollowUpRow, str]:
        """Follow-ups joined with their prospect's name."""
        return select(FollowUpRow, ProspectRow.name).join(
            ProspectRow, ProspectRow.id == FollowUpRow.prospect_id)
