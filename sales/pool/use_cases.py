"""Use cases of the team pool: the nightly sweep, browsing, claiming, assigning, and a leaving
rep's prospects. Scope first; every claim is a conditional update, so one of two racing wins."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from sales.greetings.model import CardStatus
from sales.kernel.clock import due_at, local_today
from sales.kernel.errors import Refused
from sales.outbox.model import OutMessage
from sales.people import rules as people
from sales.people.model import AuditEntry, Role, Team, User
from sales.pool import rules
from sales.pool.model import Fate, Pooled, Reason, Released, Warned
from sales.pool.ports import PoolUow
from sales.prospects import use_cases as prospecting
from sales.prospects.events import ProspectEvent
from sales.prospects.model import Prospect

Notice = Callable[[Team, Warned | Released], OutMessage]
"""Words a warning or a release for its owner (the bot's business); the key is the notice's."""


async def sweep(uow: PoolUow, now: datetime, notice: Notice) -> int:
    """Every team with the rule on: warn owners, pool what is due, notify through the outbox;
    one commit per team, so a restart redoes nothing and misses nothing."""
    moved = 0
    for team in await uow.teams.list():
        if team.pool_after_days is None:
            continue
        moved += await _sweep_team(uow, team, now, notice)
        await uow.commit()
    return moved


async def _sweep_team(uow: PoolUow, team: Team, now: datetime, notice: Notice) -> int:
    """One team's warnings and moves, grouped per owner."""
    today = local_today(team.timezone, now)
    owners = {m.user.id: m.user for m in await uow.users.members(team.id)}
    warn: dict[tuple[int, date], list[Prospect]] = defaultdict(list)
    due: dict[int, list[Prospect]] = defaultdict(list)
    cutoff = rules.warn_cutoff(team, today)
    assert cutoff is not None
    quiet = await uow.pool.quiet_since(
        team.id, cutoff, due_at(cutoff + timedelta(days=1), time(0), team.timezone))
    for prospect in quiet:
        found, day = rules.fate(prospect, team, today), rules.pool_day(prospect, team)
        if found is Fate.POOL:
            due[prospect.owner_id].append(prospect)
        elif found is Fate.WARN and day is not None:
            warn[(prospect.owner_id, day)].append(prospect)
    for (owner_id, day), items in warn.items():
        owner = owners.get(owner_id)
        if owner is not None and owner.active and not owner.bot_blocked:
            await uow.outbox.enqueue(notice(team, Warned(owner, day, tuple(items))), now)
    moved = 0
    for owner_id, items in due.items():
        moved += await _release_owner(uow, team, owners.get(owner_id), items, now, notice)
    return moved


async def _release_owner(uow: PoolUow, team: Team, owner: User | None, items: list[Prospect],
                         now: datetime, notice: Notice) -> int:
    """Pool one owner's due prospects (each only if still due) and tell the owner once."""
    cutoff = rules.stale_cutoff(team, local_today(team.timezone, now))
    done, first = [], None
    for prospect in items:
        entry_id = await _release(uow, None, prospect, Reason.STALE, now, cutoff)
        if entry_id is not None:
            done.append(prospect)
            first = entry_id if first is None else min(first, entry_id)
    if owner is not None and first is not None and owner.active and not owner.bot_blocked:
        await uow.outbox.enqueue(notice(team, Released(owner, first, tuple(done))), now)
    return len(done)


async def _release(uow: PoolUow, actor: User | None, prospect: Prospect, reason: Reason,
                   now: datetime, cutoff: date | None = None) -> int | None:
    """Into the pool with its history line; its planned greeting cards are withdrawn."""
    entry_id = await uow.pool.release(prospect.id, prospect.owner_id, reason, now, cutoff)
    if entry_id is None:
        return None
    await uow.prospects.add_event(ProspectEvent(
        prospect.id, now, actor.id if actor else None, "pool", "owner", str(prospect.owner_id),
        reason.value))
    for card in await uow.greetings.of_prospect(prospect.id):
        if card.status is CardStatus.PLANNED:
            await uow.greetings.mark(card.id, CardStatus.WITHDRAWN, now, "pool")
    return entry_id


def _team_of(actor: User) -> int:
    """Reps and managers reach their own team's pool; anyone else sees an empty pool."""
    if actor.team_id is None or actor.role is Role.ADMIN:
        raise Refused("pool-no-team")
    return actor.team_id


async def team_of(uow: PoolUow, actor: User) -> Team:
    """The actor's team, whose pool (and its claim cap) they see."""
    team = await uow.teams.get(_team_of(actor))
    if team is None:
        raise Refused("pool-no-team")
    return team


async def waiting(uow: PoolUow, actor: User) -> list[Pooled]:
    """The actor's team pool, longest waiting first."""
    return await uow.pool.waiting(_team_of(actor))


async def pooled(uow: PoolUow, actor: User, prospect_id: int) -> Pooled:
    """One pooled prospect of the actor's team; anything else is gone (no leaks)."""
    team_id = _team_of(actor)
    found = await uow.pool.waiting(team_id, prospect_id)
    if not found:
        raise Refused("pool-gone")
    return found[0]


async def claim(uow: PoolUow, actor: User, prospect_id: int, now: datetime, tz: str
                ) -> Prospect:
    """A rep takes a prospect from the pool: the daily cap (days local to `tz`), the reclaim
    ban, and a conditional update that only one of two racing claims passes."""
    item = await pooled(uow, actor, prospect_id)
    team = await uow.teams.get(item.prospect.team_id)
    assert team is not None
    day = local_today(tz, now)
    claimed = await uow.pool.claims_between(actor.id, due_at(day, time(0), tz),
                                            due_at(day + timedelta(days=1), time(0), tz))
    released = await uow.pool.released_by(prospect_id, actor.id)
    code = rules.claim_refusal(team, claimed, released, now)
    if code is not None:
        raise Refused(code, cap=team.pool_claim_cap, days=team.pool_reclaim_days)
    return await _take(uow, actor, item, actor, now, assigned=False)


async def assign(uow: PoolUow, actor: User, prospect_id: int, to_user_id: int, now: datetime
                 ) -> tuple[Prospect, User]:
    """A manager gives a pooled prospect to a rep of the team (no cap, no ban)."""
    item = await pooled(uow, actor, prospect_id)
    if not people.can_lead(actor, item.prospect.team_id):
        raise Refused("pool-not-allowed")
    target = await uow.users.get(to_user_id)
    if target is None or target.team_id != item.prospect.team_id or not target.active or (
            target.role is Role.ADMIN):
        raise Refused("prospect-bad-owner")
    return await _take(uow, actor, item, target, now, assigned=True), target


async def _take(uow: PoolUow, actor: User, item: Pooled, to: User, now: datetime,
                assigned: bool) -> Prospect:
    """The conditional update, then the history line (the card's history stays whole)."""
    won = await uow.pool.take(item.prospect.id, to.id, now, actor.id if assigned else None)
    if not won:
        await uow.rollback()
        raise Refused("pool-taken")
    await uow.prospects.add_event(ProspectEvent(
        item.prospect.id, now, actor.id, "claim", "owner", str(item.entry.previous_owner_id),
        str(to.id)))
    await uow.audit.add(AuditEntry(now, actor.id, "pool.assign" if assigned else "pool.claim",
                                   "prospect", item.prospect.id, {"to": to.id}))
    await uow.commit()
    taken = await uow.prospects.get(item.prospect.id)
    assert taken is not None
    return taken


async def deactivate(uow: PoolUow, actor: User, team_id: int, user_id: int, now: datetime,
                     to_user_id: int | None) -> tuple[User, int, User | None]:
    """A rep leaves: deactivated, and every prospect handed to `to_user_id` with its history,
    or (None) sent to the pool; one commit. (Who left, how many moved, to whom.)"""
    team = await uow.teams.get(team_id)
    user = await uow.users.get(user_id)
    if team is None or not people.can_lead(actor, team_id):
        raise Refused("team-not-found")
    if user is None or user.team_id != team_id or user.id == actor.id or (
            user.role is Role.ADMIN):
        raise Refused("team-bad-member")
    await uow.users.set_active(user.id, False)
    await uow.audit.add(AuditEntry(now, actor.id, "user.deactivate", "user", user.id, {}))
    if to_user_id is not None:
        try:
            moved, heir = await prospecting.hand_over_all(uow, actor, team_id, user.id,
                                                          to_user_id, now)
        except Refused:
            await uow.rollback()
            raise
        return user, moved, heir
    moved = 0
    for prospect in await uow.prospects.of_team(team_id, user.id):
        moved += await _release(uow, actor, prospect, Reason.LEFT, now) is not None
    await uow.commit()
    return user, moved, None
