"""Check-ins on SQLite and PostgreSQL: the latest stamped visit per prospect in one query (a
rep's own, a manager's team), completing a check-in, check-out and the next check-in."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sales.kernel.errors import Refused
from sales.people.model import Role, User
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft
from sales.uow import UowFactory
from sales.visits import use_cases as visits
from sales.visits.model import Channel, Outcome, VisitDraft
from tests.storage.test_repos import admin_and_team, join

TZ = "Asia/Shanghai"


async def _prospect(f: UowFactory, rep: User, name: str, now: datetime) -> int:
    async with f() as uow:
        return (await prospecting.create(uow, rep, ProspectDraft(
            Kind.INDIVIDUAL, name, Method.COLD_CANVASS), now, TZ)).id


async def _visit(f: UowFactory, rep: User, pid: int, now: datetime, day: date,
                 at: tuple[float, float] | None) -> None:
    draft = VisitDraft(pid, Channel.VISIT, day, Outcome.MET, latitude=at[0] if at else None,
                       longitude=at[1] if at else None)
    async with f() as uow:
        await visits.record(uow, rep, draft, now, TZ)


async def test_nearby_reads_each_prospects_latest_stamp_in_scope(
    uow_factory: UowFactory, now: datetime,
) -> None:
    f = uow_factory
    admin, team = await admin_and_team(f, now)
    rep = await join(f, admin, team, Role.REP, 11, "Rep", now)
    mate = await join(f, admin, team, Role.REP, 12, "Mate", now)
    boss = await join(f, admin, team, Role.MANAGER, 13, "Boss", now)
    moved = await _prospect(f, rep, "moved", now)
    await _visit(f, rep, moved, now, date(2026, 2, 1), (31.2304, 121.4737))  # was here
    await _visit(f, rep, moved, now, date(2026, 2, 20), (31.3304, 121.4737))  # now 11 km off
    await _visit(f, rep, moved, now, date(2026, 2, 25), None)  # a call: no stamp
    here = await _prospect(f, rep, "here", now)
    await _visit(f, rep, here, now, date(2026, 2, 2), (31.2305, 121.4737))
    theirs = await _prospect(f, mate, "theirs", now)
    await _visit(f, mate, theirs, now, date(2026, 2, 2), (31.2304, 121.4737))
    async with f() as uow:
        mine = await visits.nearby(uow, rep, 31.2304, 121.4737)
        team_wide = await visits.nearby(uow, boss, 31.2304, 121.4737)
    assert [(n.name, n.metres) for n in mine] == [("here", 11), ("moved", 11_119)]
    assert [n.name for n in team_wide] == ["theirs", "here", "moved"]


async def test_check_in_complete_check_out(uow_factory: UowFactory, now: datetime) -> None:
    f = uow_factory
    admin, team = await admin_and_team(f, now)
    rep = await join(f, admin, team, Role.REP, 11, "Rep", now)
    mate = await join(f, admin, team, Role.REP, 12, "Mate", now)
    a, b = await _prospect(f, rep, "a", now), await _prospect(f, rep, "b", now)
    async with f() as uow:
        first = await visits.check_in(uow, rep, a, 31.2, 121.4, now, TZ)
    async with f() as uow:  # only the rep's own check-in, at that prospect, may be completed
        with pytest.raises(Refused, match="visit-checkin-not-found"):
            await visits.record(uow, rep, VisitDraft(b, Channel.VISIT, first.draft.happened_on,
                                                     Outcome.WON), now, TZ, amend=first.id)
    async with f() as uow:
        done = await visits.record(uow, rep, VisitDraft(
            a, Channel.VISIT, first.draft.happened_on, Outcome.QUOTED, notes="ok"), now, TZ,
            amend=first.id)
    assert done.id == first.id and done.checked_in_at == now
    assert (done.draft.latitude, done.draft.longitude) == (31.2, 121.4)  # the stamp stays
    async with f() as uow:
        second = await visits.check_in(uow, rep, b, 31.3, 121.4, now + timedelta(minutes=40),
                                       TZ)
    async with f() as uow:
        assert (await uow.visits.get(first.id)).duration_s == 2400  # type: ignore[union-attr]
        with pytest.raises(Refused, match="visit-checkin-none"):
            await visits.check_out(uow, mate, now + timedelta(minutes=50))
    async with f() as uow:
        out = await visits.check_out(uow, rep, now + timedelta(minutes=50))
    assert out.id == second.id and out.duration_s == 600
    async with f() as uow:
        assert await visits.open_check_in(uow, rep, now + timedelta(minutes=51)) is None
        with pytest.raises(Refused, match="visit-checkin-none"):
            await visits.check_out(uow, rep, now + timedelta(minutes=52))
        assert [v.draft.outcome for v in await uow.visits.of_prospect(a)] == [Outcome.QUOTED]
