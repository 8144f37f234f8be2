"""The team pool on SQLite and PostgreSQL through its use cases: the sweep (warnings, moves,
notices once), what the old owner no longer sees, claiming (cap, reclaim ban, the race),
assigning, a leaving rep, and scope."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from sales.kernel.errors import Refused
from sales.outbox.model import OutMessage
from sales.people import use_cases as teams
from sales.people.model import NewTeam, Role, Team, User
from sales.pool import use_cases as pool
from sales.pool.model import Reason, Released, Warned
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, Prospect, ProspectDraft, Stage
from sales.uow import UowFactory
from sales.visits.model import NextStep
from storage.outbox.tables import OutboxRow
from tests.storage.test_repos import refused, run

TZ = "Asia/Shanghai"
NOW = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)     # 09:00 on Dec 1 in Shanghai
TODAY = date(2026, 12, 1)
ADDED = datetime(2026, 9, 1, 2, 0, tzinfo=UTC)


def notice(team: Team, what: Warned | Released) -> OutMessage:
    names = ",".join(p.card.name for p in what.prospects)
    kind = "warn" if isinstance(what, Warned) else "moved"
    return OutMessage(what.key, what.owner.telegram_id, f"{kind}:{names}", kind, what.owner.id)


async def crew(f: UowFactory, name: str = "North", tg: int = 1) -> tuple[User, User, User, Team]:
    """A rep, a teammate and their manager; the pool rule at 30 days."""
    team = await run(f, teams.create_team, None, NewTeam(name, TZ, "CN", "zh"), ADDED)
    users = []
    for n, role in enumerate((Role.REP, Role.REP, Role.MANAGER)):
        invite = await run(f, teams.create_invite, None, team.id, role, ADDED)
        users.append(await run(f, teams.accept_invite, invite.token, tg + n, f"U{tg + n}",
                               ADDED))
    team = await run(f, teams.set_team_setting, users[2], team.id, "pool_after", "30", ADDED)
    return users[0], users[1], users[2], team


async def add(f: UowFactory, owner: User, name: str, last: date | None,
              stage: Stage = Stage.NEW) -> Prospect:
    draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.TELEPHONE, stage=stage)
    prospect = await run(f, prospecting.create, owner, draft, ADDED, TZ)
    async with f() as uow:
        if last is not None:
            await uow.prospects.touch(prospect.id, last)
        await uow.commit()
    return prospect


async def keys(f: UowFactory) -> list[str]:
    async with f() as uow:
        rows = await uow.session.scalars(select(OutboxRow.dedupe_key)  # type: ignore[attr-defined]
                                         .order_by(OutboxRow.id))
        return list(rows)


async def texts(f: UowFactory) -> list[str]:
    async with f() as uow:
        rows = await uow.session.scalars(select(OutboxRow.text)  # type: ignore[attr-defined]
                                         .order_by(OutboxRow.id))
        return list(rows)


async def test_sweep_warns_moves_and_hides_from_the_old_owner(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, _mate, boss, _team = await crew(f)
    stale = await add(f, rep, "Stale", TODAY - timedelta(days=30))
    soon = await add(f, rep, "Soon", TODAY - timedelta(days=28))
    fresh = await add(f, rep, "Fresh", TODAY - timedelta(days=5))
    won = await add(f, rep, "Won", TODAY - timedelta(days=90), Stage.WON)
    async with f() as uow:
        await uow.follow_ups.add(stale, rep.id, NextStep(TODAY, "call"), None, None, ADDED)
        await uow.commit()

    assert await run(f, pool.sweep, NOW, notice) == 1
    assert await run(f, pool.sweep, NOW + timedelta(hours=1), notice) == 0  # rerun: nothing
    assert await keys(f) == [f"pool-warn:{rep.id}:{TODAY + timedelta(days=2)}",
                             f"pool-moved:{rep.id}:1"]
    assert await texts(f) == ["warn:Soon", "moved:Stale"]
    mine = {p.card.name for p in await run(f, prospecting.my_list, rep, NOW, TZ)}
    assert mine == {"Soon", "Fresh", "Won"}
    assert [h.name for h in await run(f, prospecting.find, rep, "Stale")] == []
    assert await refused(f, prospecting.visible, rep, stale.id) == "prospect-not-found"
    assert (await run(f, prospecting.visible, boss, stale.id)).pooled  # managers still see it
    async with f() as uow:
        assert await uow.follow_ups.due_for(rep.id, TODAY) == []       # agenda and reminders
        assert await uow.follow_ups.timed_due(NOW + timedelta(days=9)) == []
        events = await uow.prospects.events(stale.id)
    assert [e.kind for e in events][:1] == ["pool"]
    waiting = await run(f, pool.waiting, rep)
    assert [(w.prospect.id, w.entry.reason, w.previous_owner) for w in waiting] == [
        (stale.id, Reason.STALE, "U1")]
    assert {soon.id, fresh.id, won.id}.isdisjoint(w.prospect.id for w in waiting)


async def test_sweep_notices_name_the_prospects_and_skip_a_contacted_one(
        uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, *_ = await crew(f)
    stale = await add(f, rep, "Stale", TODAY - timedelta(days=31))
    async with f() as uow:  # a contact recorded while the sweep runs: the guard keeps it
        assert await uow.pool.release(stale.id, rep.id, Reason.STALE, NOW,
                                      TODAY - timedelta(days=32)) is None
        await uow.prospects.touch(stale.id, TODAY)
        await uow.commit()
    assert await run(f, pool.sweep, NOW, notice) == 0
    assert await keys(f) == []


async def test_rule_off_moves_nothing(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, _mate, boss, team = await crew(f)
    await run(f, teams.set_team_setting, boss, team.id, "pool_after", "off", ADDED)
    await add(f, rep, "Old", TODAY - timedelta(days=300))
    assert await run(f, pool.sweep, NOW, notice) == 0
    assert await keys(f) == []


async def pooled_one(f: UowFactory) -> tuple[User, User, User, Team, Prospect]:
    rep, mate, boss, team = await crew(f)
    stale = await add(f, rep, "Stale", TODAY - timedelta(days=40))
    assert await run(f, pool.sweep, NOW, notice) == 1
    return rep, mate, boss, team, stale


async def test_claim_keeps_history_and_the_old_owner_waits(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, mate, _boss, _team, stale = await pooled_one(f)
    assert await refused(f, pool.claim, rep, stale.id, NOW, TZ) == "pool-reclaim-banned"
    taken = await run(f, pool.claim, mate, stale.id, NOW, TZ)
    assert (taken.owner_id, taken.pooled) == (mate.id, False)
    async with f() as uow:
        kinds = [e.kind for e in await uow.prospects.events(stale.id)]
    assert kinds == ["claim", "pool", "created"]
    assert [p.id for p in await run(f, prospecting.my_list, mate, NOW, TZ)] == [stale.id]
    assert await run(f, pool.waiting, mate) == []
    assert await refused(f, pool.claim, mate, stale.id, NOW, TZ) == "pool-gone"


async def test_reclaim_allowed_after_the_ban(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, _mate, _boss, _team, stale = await pooled_one(f)
    later = NOW + timedelta(days=30)
    assert (await run(f, pool.claim, rep, stale.id, later, TZ)).owner_id == rep.id


async def test_daily_cap_counts_the_local_day(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, mate, boss, team = await crew(f)
    await run(f, teams.set_team_setting, boss, team.id, "pool_cap", "1", ADDED)
    first = await add(f, rep, "A", TODAY - timedelta(days=40))
    second = await add(f, rep, "B", TODAY - timedelta(days=40))
    await run(f, pool.sweep, NOW, notice)
    await run(f, pool.claim, mate, first.id, NOW, TZ)
    code = await refused(f, pool.claim, mate, second.id, NOW + timedelta(hours=14), TZ)
    assert code == "pool-cap-reached"  # 23:00 in Shanghai: still the same day
    # 00:30 the next day in Shanghai (16:30 UTC): a new day, a new allowance
    assert (await run(f, pool.claim, mate, second.id, NOW + timedelta(hours=15, minutes=30),
                      TZ)).owner_id == mate.id


async def test_two_reps_claim_at_once_one_wins(uow_factory: UowFactory) -> None:
    f = uow_factory
    _rep, mate, boss, team, stale = await pooled_one(f)
    invite = await run(f, teams.create_invite, None, team.id, Role.REP, ADDED)
    third = await run(f, teams.accept_invite, invite.token, 77, "Third", ADDED)

    async def attempt(user: User) -> str:
        async with f() as uow:
            await uow.pool.waiting(team.id, stale.id)   # both read it as pooled first
            await asyncio.sleep(0)
            try:
                await pool.claim(uow, user, stale.id, NOW, TZ)
            except Refused as exc:
                return exc.code
            return "won"

    results = await asyncio.gather(attempt(mate), attempt(third))
    assert sorted(results) == ["pool-taken", "won"]
    winner = mate if results[0] == "won" else third
    found = await run(f, prospecting.visible, boss, stale.id)
    assert (found.owner_id, found.pooled) == (winner.id, False)
    async with f() as uow:
        claims = [e for e in await uow.prospects.events(stale.id) if e.kind == "claim"]
    assert [c.new for c in claims] == [str(winner.id)]


async def test_assign_is_for_managers_and_skips_the_cap(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, mate, boss, team, stale = await pooled_one(f)
    assert await refused(f, pool.assign, mate, stale.id, mate.id, NOW) == "pool-not-allowed"
    other, *_ = await crew(f, "South", tg=50)
    assert await refused(f, pool.assign, boss, stale.id, other.id, NOW) == "prospect-bad-owner"
    taken, target = await run(f, pool.assign, boss, stale.id, rep.id, NOW)  # no ban for him
    assert (taken.owner_id, target.id) == (rep.id, rep.id)
    async with f() as uow:
        start = NOW - timedelta(days=1)
        assert await uow.pool.claims_between(rep.id, start, NOW + timedelta(days=1)) == 0
    assert team.pool_claim_cap == 5


async def test_another_team_sees_nothing(uow_factory: UowFactory) -> None:
    f = uow_factory
    _rep, _mate, _boss, _team, stale = await pooled_one(f)
    stranger, _m, south_boss, _t = await crew(f, "South", tg=50)
    assert await run(f, pool.waiting, stranger) == []
    assert await refused(f, pool.claim, stranger, stale.id, NOW, TZ) == "pool-gone"
    assert await refused(f, pool.assign, south_boss, stale.id, stranger.id, NOW) == "pool-gone"
    admin = await run(f, teams.ensure_admin, 900, "Ada", NOW)
    assert await refused(f, pool.waiting, admin) == "pool-no-team"


@pytest.mark.parametrize("to_pool", [True, False])
async def test_a_leaving_rep_goes_to_the_pool_or_a_teammate(uow_factory: UowFactory,
                                                            to_pool: bool) -> None:
    f = uow_factory
    rep, mate, boss, team = await crew(f)
    a = await add(f, rep, "A", TODAY)
    await add(f, rep, "B", None, Stage.WON)
    assert await refused(f, pool.deactivate, mate, team.id, rep.id, NOW, None) == (
        "team-not-found")
    user, moved, heir = await run(f, pool.deactivate, boss, team.id, rep.id, NOW,
                                  None if to_pool else mate.id)
    assert (user.id, moved, heir.id if heir else None) == (rep.id, 2, None if to_pool else mate.id)
    async with f() as uow:
        assert not (await uow.users.get(rep.id)).active  # type: ignore[union-attr]
    waiting = await run(f, pool.waiting, mate)
    mine = await run(f, prospecting.my_list, mate, NOW, TZ)
    if to_pool:
        assert {w.entry.reason for w in waiting} == {Reason.LEFT} and len(waiting) == 2
        assert mine == []
    else:
        assert waiting == [] and {p.id for p in mine} >= {a.id}


async def test_deactivate_refuses_a_stranger_and_oneself(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, _mate, boss, team = await crew(f)
    stranger, *_ = await crew(f, "South", tg=50)
    assert await refused(f, pool.deactivate, boss, team.id, stranger.id, NOW, None) == (
        "team-bad-member")
    assert await refused(f, pool.deactivate, boss, team.id, boss.id, NOW, None) == (
        "team-bad-member")
    assert await refused(f, pool.deactivate, boss, team.id, rep.id, NOW, stranger.id) == (
        "prospect-bad-owner")
    async with f() as uow:  # the refused hand-over left the rep active
        assert (await uow.users.get(rep.id)).active  # type: ignore[union-attr]


async def test_never_contacted_count_from_the_local_day_they_were_added(
        uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, *_ = await crew(f)
    # Shanghai is UTC+8: 16:30 UTC on Nov 3 is already Nov 4 there (pool day Dec 4, warned
    # from Dec 1); 16:30 UTC on Nov 4 is Nov 5 there (pool day Dec 5, not warned yet)
    for name, added in (("Nov4", datetime(2026, 11, 3, 16, 30, tzinfo=UTC)),
                        ("Nov5", datetime(2026, 11, 4, 16, 30, tzinfo=UTC)),
                        ("Oct31", datetime(2026, 10, 31, 1, 0, tzinfo=UTC))):
        draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.TELEPHONE)
        await run(f, prospecting.create, rep, draft, added, TZ)
    assert await run(f, pool.sweep, NOW, notice) == 1
    assert await texts(f) == ["warn:Nov4", "moved:Oct31"]
