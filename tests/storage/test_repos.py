"""Team, user, invite and audit repositories, driven through the `sales.teams` use cases."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

import pytest
from sqlalchemy.exc import StatementError

from sales.kernel.errors import Refused
from sales.people import use_cases as teams
from sales.people.model import Invite, NewTeam, Role, Team, User
from sales.people.ports import InviteRepo
from sales.people.rules import TOKEN_RE
from sales.uow import UowFactory

T = TypeVar("T")
ADMIN_TG, MANAGER_TG, REP_TG, OTHER_TG = 1001, 2002, 3003, 4004


async def run(factory: UowFactory, use_case: Callable[..., Awaitable[T]], *args: Any,
              **kwargs: Any) -> T:
    """Run one use case in its own unit of work, as the bot does per update."""
    async with factory() as uow:
        return await use_case(uow, *args, **kwargs)


async def refused(factory: UowFactory, use_case: Callable[..., Awaitable[Any]], *args: Any,
                  **kwargs: Any) -> str:
    """The refusal code a use case raises (fails the test when it succeeds)."""
    with pytest.raises(Refused) as caught:
        await run(factory, use_case, *args, **kwargs)
    return caught.value.code


async def admin_and_team(f: UowFactory, now: datetime, name: str = "North") -> tuple[User, Team]:
    """A config admin and one team they created."""
    admin = await run(f, teams.ensure_admin, ADMIN_TG, "Ada", now)
    team = await run(f, teams.create_team, admin, NewTeam(name, "Asia/Shanghai", "CN", "zh"), now)
    return admin, team


async def join(f: UowFactory, inviter: User | None, team: Team, role: Role, tg: int, name: str,
               now: datetime) -> User:
    """Invite a person into the team and accept the invite."""
    invite = await run(f, teams.create_invite, inviter, team.id, role, now)
    return await run(f, teams.accept_invite, invite.token, tg, name, now)


async def by_token(f: UowFactory, token: str) -> Invite | None:
    """Read an invite back in a fresh session."""
    async with f() as uow:
        return await uow.invites.by_token(token)


async def get_user(f: UowFactory, tg: int) -> User | None:
    """Read a user back in a fresh session."""
    async with f() as uow:
        return await uow.users.by_telegram_id(tg)


async def test_create_team_is_stored_and_audited(uow_factory: UowFactory, now: datetime) -> None:
    """The team reads back from a new session with defaults, and the audit log records it."""
    admin, team = await admin_and_team(uow_factory, now, "  North   Shanghai ")
    async with uow_factory() as uow:
        stored = await uow.teams.by_name("North Shanghai")
        audit = await uow.audit.recent()
    assert stored == team
    assert (stored.timezone, stored.country, stored.language) == ("Asia/Shanghai", "CN", "zh")
    assert stored.digest_chat_id is None and stored.created_at == now
    assert (audit[0].action, audit[0].actor_id, audit[0].entity_id) == (
        "team.create", admin.id, team.id)
    assert audit[0].details == {"name": "North Shanghai"}


async def test_create_team_refusals(uow_factory: UowFactory, now: datetime) -> None:
    """Duplicate names and non-admins are refused; nothing extra is written."""
    admin, team = await admin_and_team(uow_factory, now)
    rep = await join(uow_factory, admin, team, Role.REP, REP_TG, "Rita", now)
    raw = NewTeam("North", "Asia/Shanghai", "CN", "zh")
    assert await refused(uow_factory, teams.create_team, admin, raw, now) == "team-exists"
    south = NewTeam("South", "Asia/Shanghai", "CN", "zh")
    assert await refused(uow_factory, teams.create_team, rep, south, now) == "team-not-allowed"
    assert [t.name for t in await run(uow_factory, teams.teams_for, admin)] == ["North"]


async def test_create_invite(uow_factory: UowFactory, now: datetime) -> None:
    """An unguessable token, expiring after the given days, stored with its creator."""
    admin, team = await admin_and_team(uow_factory, now)
    invite = await run(uow_factory, teams.create_invite, admin, team.id, Role.MANAGER, now, 3)
    stored = await by_token(uow_factory, invite.token)
    assert stored == invite
    assert TOKEN_RE.match(invite.token)
    assert (stored.team_id, stored.role, stored.created_by) == (team.id, Role.MANAGER, admin.id)
    assert stored.expires_at == now + timedelta(days=3) and stored.used_by is None


async def test_create_invite_refusals(uow_factory: UowFactory, now: datetime) -> None:
    """Unknown team, a manager of another team, admin role and bad durations are refused."""
    admin, north = await admin_and_team(uow_factory, now)
    south = await run(uow_factory, teams.create_team, admin,
                      NewTeam("South", "Europe/Berlin", "DE", "en"), now)
    boss = await join(uow_factory, admin, north, Role.MANAGER, MANAGER_TG, "Max", now)
    cases = [
        ((admin, 999, Role.REP, now), "invite-no-team"),
        ((boss, south.id, Role.REP, now), "invite-not-allowed"),
        ((admin, north.id, Role.ADMIN, now), "invite-not-allowed"),
        ((admin, north.id, Role.REP, now, 0), "invite-bad-days"),
    ]
    for args, code in cases:
        assert await refused(uow_factory, teams.create_invite, *args) == code


async def test_accept_invite_registers_once(uow_factory: UowFactory, now: datetime) -> None:
    """The invitee joins with the invite's team and role; the token then reads as used."""
    admin, team = await admin_and_team(uow_factory, now)
    invite = await run(uow_factory, teams.create_invite, admin, team.id, Role.REP, now)
    user = await run(uow_factory, teams.accept_invite, invite.token, REP_TG, "Rita 李", now)
    assert (user.team_id, user.role, user.display_name, user.active) == (
        team.id, Role.REP, "Rita 李", True)
    assert await get_user(uow_factory, REP_TG) == user
    stored = await by_token(uow_factory, invite.token)
    assert stored is not None and (stored.used_by, stored.used_at) == (user.id, now)
    again = await refused(uow_factory, teams.accept_invite, invite.token, OTHER_TG, "Oz", now)
    assert again == "start-invite-used"
    assert await get_user(uow_factory, OTHER_TG) is None


async def test_accept_invite_expired(uow_factory: UowFactory, now: datetime) -> None:
    """An invite is dead from its expiry instant on, and stays unused."""
    admin, team = await admin_and_team(uow_factory, now)
    invite = await run(uow_factory, teams.create_invite, admin, team.id, Role.REP, now, 1)
    code = await refused(uow_factory, teams.accept_invite, invite.token, REP_TG, "Rita",
                         invite.expires_at)
    assert code == "start-invite-expired"
    assert await get_user(uow_factory, REP_TG) is None
    stored = await by_token(uow_factory, invite.token)
    assert stored is not None and stored.used_by is None


@pytest.mark.parametrize("token", ["A" * 24, "short", "x' OR '1'='1", "Ω" * 20, ""])
async def test_accept_forged_token(uow_factory: UowFactory, now: datetime, token: str) -> None:
    """Unknown or malformed tokens are refused without registering anyone."""
    admin, team = await admin_and_team(uow_factory, now)
    await run(uow_factory, teams.create_invite, admin, team.id, Role.REP, now)
    code = await refused(uow_factory, teams.accept_invite, token, REP_TG, "Rita", now)
    assert code == "start-invite-invalid"
    assert await get_user(uow_factory, REP_TG) is None


class _GatedInvites:
    """The real invite repo, but every reader waits at a barrier after reading the token."""

    def __init__(self, inner: InviteRepo, barrier: asyncio.Barrier) -> None:
        self.inner, self.barrier = inner, barrier

    async def by_token(self, token: str) -> Invite | None:
        """Read, then wait until the other claimant has read too."""
        invite = await self.inner.by_token(token)
        await self.barrier.wait()
        return invite

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


async def test_concurrent_claims_one_wins(uow_factory: UowFactory, now: datetime) -> None:
    """Two people accepting one invite at once: both see it unused, exactly one joins."""
    admin, team = await admin_and_team(uow_factory, now)
    invite = await run(uow_factory, teams.create_invite, admin, team.id, Role.REP, now)
    barrier = asyncio.Barrier(2)

    async def accept(tg: int) -> User:
        async with uow_factory() as uow:
            uow.invites = _GatedInvites(uow.invites, barrier)
            return await teams.accept_invite(uow, invite.token, tg, f"p{tg}", now)

    results = await asyncio.gather(accept(REP_TG), accept(OTHER_TG), return_exceptions=True)
    winners = [r for r in results if isinstance(r, User)]
    losers = [r for r in results if isinstance(r, Refused)]
    assert len(winners) == 1 and [r.code for r in losers] == ["start-invite-used"], results
    stored = await by_token(uow_factory, invite.token)
    assert stored is not None and stored.used_by == winners[0].id
    members = await run(uow_factory, teams.list_members, admin, team.id)
    assert [m.user.id for m in members] == [winners[0].id]


async def test_accept_invite_reactivates_and_moves(uow_factory: UowFactory,
                                                   now: datetime) -> None:
    """A deactivated person re-joins through a new invite, into the new team and role."""
    admin, north = await admin_and_team(uow_factory, now)
    south = await run(uow_factory, teams.create_team, admin,
                      NewTeam("South", "Europe/Berlin", "DE", "en"), now)
    rep = await join(uow_factory, admin, north, Role.REP, REP_TG, "Rita", now)
    gone = await run(uow_factory, teams.deactivate_user, admin, REP_TG, now)
    assert gone.active is False
    back = await join(uow_factory, admin, south, Role.MANAGER, REP_TG, "Rita W", now)
    assert back.id == rep.id
    assert (back.team_id, back.role, back.active, back.display_name) == (
        south.id, Role.MANAGER, True, "Rita W")


async def test_admin_keeps_role_when_accepting(uow_factory: UowFactory, now: datetime) -> None:
    """An active admin who accepts an invite joins the team but stays admin."""
    admin, team = await admin_and_team(uow_factory, now)
    invite = await run(uow_factory, teams.create_invite, admin, team.id, Role.REP, now)
    user = await run(uow_factory, teams.accept_invite, invite.token, ADMIN_TG, "Ada", now)
    assert (user.id, user.role, user.team_id) == (admin.id, Role.ADMIN, team.id)


async def test_ensure_admin(uow_factory: UowFactory, now: datetime) -> None:
    """Creates the admin once; a second call writes nothing; a rep listed later is promoted."""
    admin, team = await admin_and_team(uow_factory, now)
    assert await run(uow_factory, teams.ensure_admin, ADMIN_TG, "Other name", now) == admin
    rep = await join(uow_factory, admin, team, Role.REP, REP_TG, "Rita", now)
    promoted = await run(uow_factory, teams.ensure_admin, REP_TG, "ignored", now)
    assert (promoted.id, promoted.role, promoted.team_id, promoted.display_name) == (
        rep.id, Role.ADMIN, team.id, "Rita")
    async with uow_factory() as uow:
        actions = [e.action for e in await uow.audit.recent()]
    assert actions.count("user.admin") == 2


async def test_bind_chat(uow_factory: UowFactory, now: datetime) -> None:
    """A chat serves one team: binding it elsewhere unbinds it from the first team."""
    admin, north = await admin_and_team(uow_factory, now)
    south = await run(uow_factory, teams.create_team, admin,
                      NewTeam("South", "Europe/Berlin", "DE", "en"), now)
    chat = -100_123_456_789_0
    await run(uow_factory, teams.bind_chat, admin, chat, " North ", now)
    boss = await join(uow_factory, admin, south, Role.MANAGER, MANAGER_TG, "Max", now)
    await run(uow_factory, teams.bind_chat, boss, chat, None, now)
    async with uow_factory() as uow:
        bound = await uow.teams.by_chat(chat)
        assert await uow.teams.get(north.id) == north
    assert bound is not None and (bound.id, bound.digest_chat_id) == (south.id, chat)


async def test_bind_chat_refusals(uow_factory: UowFactory, now: datetime) -> None:
    """Reps, managers of other teams, unknown names and team-less admins are refused."""
    admin, north = await admin_and_team(uow_factory, now)
    rep = await join(uow_factory, admin, north, Role.REP, REP_TG, "Rita", now)
    cases = [
        ((rep, -1, None, now), "bind-not-allowed"),
        ((None, -1, "North", now), "bind-not-allowed"),
        ((admin, -1, "Nowhere", now), "bind-no-team"),
        ((admin, -1, None, now), "bind-need-team-name"),
    ]
    for args, code in cases:
        assert await refused(uow_factory, teams.bind_chat, *args) == code
    async with uow_factory() as uow:
        assert await uow.teams.by_chat(-1) is None


async def test_update_settings(uow_factory: UowFactory, now: datetime) -> None:
    """Each field changes alone; invalid values are refused and nothing changes."""
    admin, team = await admin_and_team(uow_factory, now)
    rep = await join(uow_factory, admin, team, Role.REP, REP_TG, "Rita", now)
    rep = await run(uow_factory, teams.update_settings, rep, now, timezone="Asia/Shanghai")
    rep = await run(uow_factory, teams.update_settings, rep, now, language="zh")
    assert (rep.language, rep.timezone) == ("zh", "Asia/Shanghai")
    code = await refused(uow_factory, teams.update_settings, rep, now, timezone="Mars/Base")
    assert code == "settings-bad-timezone"
    assert await get_user(uow_factory, REP_TG) == rep
    async with uow_factory() as uow:
        last = (await uow.audit.recent(1))[0]
    assert (last.action, last.details) == ("user.settings", {"language": "zh"})


async def test_deactivate_user(uow_factory: UowFactory, now: datetime) -> None:
    """Managers deactivate their own team's people only; unknown people are reported."""
    admin, north = await admin_and_team(uow_factory, now)
    south = await run(uow_factory, teams.create_team, admin,
                      NewTeam("South", "Europe/Berlin", "DE", "en"), now)
    boss = await join(uow_factory, admin, north, Role.MANAGER, MANAGER_TG, "Max", now)
    await join(uow_factory, admin, south, Role.REP, OTHER_TG, "Oz", now)
    rep = await join(uow_factory, boss, north, Role.REP, REP_TG, "Rita", now)
    code = await refused(uow_factory, teams.deactivate_user, boss, OTHER_TG, now)
    assert code == "user-not-allowed"
    assert await refused(uow_factory, teams.deactivate_user, boss, 9, now) == "user-not-found"
    gone = await run(uow_factory, teams.deactivate_user, boss, REP_TG, now)
    assert (gone.id, gone.active) == (rep.id, False)
    other = await get_user(uow_factory, OTHER_TG)
    assert other is not None and other.active


async def test_list_members_and_teams_for(uow_factory: UowFactory, now: datetime) -> None:
    """Admins see all (sorted by team, then name); managers their team; reps nothing."""
    admin, north = await admin_and_team(uow_factory, now)
    south = await run(uow_factory, teams.create_team, admin,
                      NewTeam("Alpha", "Europe/Berlin", "DE", "en"), now)
    boss = await join(uow_factory, admin, north, Role.MANAGER, MANAGER_TG, "Max", now)
    rep = await join(uow_factory, boss, north, Role.REP, REP_TG, "Bea", now)
    await join(uow_factory, admin, south, Role.REP, OTHER_TG, "Oz", now)
    everyone = await run(uow_factory, teams.list_members, admin, None)
    assert [(m.team_name, m.user.display_name) for m in everyone] == [
        ("Alpha", "Oz"), ("North", "Bea"), ("North", "Max"), (None, "Ada")]
    own = await run(uow_factory, teams.list_members, boss, north.id)
    assert [m.user.telegram_id for m in own] == [REP_TG, MANAGER_TG]
    assert await refused(uow_factory, teams.list_members, boss, south.id) == "team-not-allowed"
    assert await refused(uow_factory, teams.list_members, rep, None) == "team-not-allowed"
    assert [t.name for t in await run(uow_factory, teams.teams_for, admin)] == ["Alpha", "North"]
    assert await run(uow_factory, teams.teams_for, boss) == [north]
    assert await run(uow_factory, teams.teams_for, rep) == []


async def test_aware_datetimes_round_trip(uow_factory: UowFactory) -> None:
    """A +08:00 instant is stored as UTC and read back equal, aware and to the microsecond."""
    local = datetime(2026, 1, 1, 0, 30, 15, 987654, tzinfo=timezone(timedelta(hours=8)))
    admin, team = await admin_and_team(uow_factory, local)
    invite = await run(uow_factory, teams.create_invite, admin, team.id, Role.REP, local)
    stored = await by_token(uow_factory, invite.token)
    assert stored is not None
    for value in (stored.created_at, stored.expires_at):
        assert value.utcoffset() == timedelta(0)
    assert stored.created_at == local and stored.created_at.hour == 16
    assert stored.expires_at == local + timedelta(days=teams.INVITE_DAYS_DEFAULT)
    assert team.created_at == local
    async with uow_factory() as uow:
        assert await uow.teams.get(team.id) == team


async def test_naive_datetime_refused(uow_factory: UowFactory, now: datetime) -> None:
    """Naive datetimes never reach the database."""
    naive = datetime(2026, 1, 1, 12, 0)
    with pytest.raises(StatementError, match="naive datetime"):
        await run(uow_factory, teams.ensure_admin, ADMIN_TG, "Ada", naive)
    assert await get_user(uow_factory, ADMIN_TG) is None


async def test_audit_details_round_trip(uow_factory: UowFactory, now: datetime) -> None:
    """Audit entries come back newest first, with their JSON details intact."""
    admin, _ = await admin_and_team(uow_factory, now)
    await run(uow_factory, teams.create_team, admin,
              NewTeam("华东 销售", "Asia/Shanghai", "CN", "zh"), now + timedelta(seconds=1))
    async with uow_factory() as uow:
        recent = await uow.audit.recent(2)
    assert [e.action for e in recent] == ["team.create", "team.create"]
    assert recent[0].details == {"name": "华东 销售"} and recent[0].at == now + timedelta(seconds=1)
    assert recent[1].details == {"name": "North"}
