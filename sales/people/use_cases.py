"""Use cases for teams, invites, membership and personal settings: validate, write, commit once."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import datetime, time, timedelta

from sales.kernel.errors import Refused
from sales.people import rules as people
from sales.people.model import (
    LANGUAGES,
    AuditEntry,
    Invite,
    Member,
    NewTeam,
    NewUser,
    Profile,
    Role,
    Team,
    User,
)
from sales.people.ports import PeopleUow

INVITE_DAYS_DEFAULT = 7
INVITE_DAYS_MAX = 90


async def create_team(uow: PeopleUow, actor: User | None, raw: NewTeam, now: datetime) -> Team:
    """Admins create teams; every field is checked before anything is written."""
    if not people.can_manage_teams(actor):
        raise Refused("team-not-allowed")
    name = people.clean_team_name(raw.name)
    if name is None:
        raise Refused("team-bad-name", max=people.TEAM_NAME_MAX)
    if not people.valid_timezone(raw.timezone):
        raise Refused("team-bad-timezone", value=raw.timezone)
    if not people.valid_country(raw.country):
        raise Refused("team-bad-country", value=raw.country)
    if raw.language not in LANGUAGES:
        raise Refused("team-bad-language", value=raw.language)
    if await uow.teams.by_name(name) is not None:
        raise Refused("team-exists", name=name)
    team = await uow.teams.add(
        NewTeam(name=name, timezone=raw.timezone, country=raw.country, language=raw.language), now
    )
    await _audit(uow, actor, now, "team.create", "team", team.id, name=name)
    await uow.commit()
    return team


async def create_invite(
    uow: PeopleUow, actor: User | None, team_id: int, role: Role, now: datetime,
    days: int = INVITE_DAYS_DEFAULT,
) -> Invite:
    """A fresh unguessable single-use token; managers only for their own team."""
    if await uow.teams.get(team_id) is None:
        raise Refused("invite-no-team")
    if not people.can_lead(actor, team_id) or role not in people.invitable_roles(actor):
        raise Refused("invite-not-allowed")
    if not 1 <= days <= INVITE_DAYS_MAX:
        raise Refused("invite-bad-days", max=INVITE_DAYS_MAX)
    token = secrets.token_urlsafe(18)
    invite = await uow.invites.add(
        token, team_id, role, actor.id if actor else None, now + timedelta(days=days), now
    )
    await _audit(uow, actor, now, "invite.create", "invite", invite.id, role=role.value)
    await uow.commit()
    return invite


async def accept_invite(
    uow: PeopleUow, token: str, telegram_id: int, display_name: str, now: datetime
) -> User:
    """Register (or re-activate) a person into the invite's team; each token works once."""
    invite = await uow.invites.by_token(token) if people.TOKEN_RE.match(token) else None
    if invite is None:
        raise Refused("start-invite-invalid")
    if invite.used_by is not None:
        raise Refused("start-invite-used")
    if invite.expires_at <= now:
        raise Refused("start-invite-expired")
    user = await uow.users.by_telegram_id(telegram_id)
    if user is None:
        user = await uow.users.add(
            NewUser(telegram_id, display_name, invite.role, invite.team_id), now
        )
    else:
        role = Role.ADMIN if user.role is Role.ADMIN and user.active else invite.role
        await uow.users.set_membership(
            user.id, team_id=invite.team_id, role=role, display_name=display_name
        )
        await uow.users.set_active(user.id, True)
    if not await uow.invites.claim(invite.id, user.id, now):
        await uow.rollback()
        raise Refused("start-invite-used")
    await _audit(uow, None, now, "user.join", "user", user.id, team=invite.team_id)
    await uow.commit()
    return await _reload(uow, user.id)


async def ensure_admin(
    uow: PeopleUow, telegram_id: int, display_name: str, now: datetime
) -> User:
    """People listed as admins in the config are admins without an invite."""
    user = await uow.users.by_telegram_id(telegram_id)
    if user is not None and user.role is Role.ADMIN and user.active:
        return user
    if user is None:
        user = await uow.users.add(NewUser(telegram_id, display_name, Role.ADMIN, None), now)
    else:
        await uow.users.set_membership(
            user.id, team_id=user.team_id, role=Role.ADMIN, display_name=user.display_name
        )
        await uow.users.set_active(user.id, True)
    await _audit(uow, None, now, "user.admin", "user", user.id)
    await uow.commit()
    return await _reload(uow, user.id)


async def bind_chat(
    uow: PeopleUow, actor: User | None, chat_id: int, team_name: str | None, now: datetime
) -> Team:
    """Make a group the team's digest chat; only that team's managers or an admin may."""
    team = await _team_to_bind(uow, actor, team_name)
    if not people.can_lead(actor, team.id):
        raise Refused("bind-not-allowed")
    await uow.teams.set_digest_chat(team.id, chat_id)
    await _audit(uow, actor, now, "team.bind", "team", team.id, chat=chat_id)
    await uow.commit()
    return replace(team, digest_chat_id=chat_id)


async def _team_to_bind(uow: PeopleUow, actor: User | None, team_name: str | None) -> Team:
    """The named team (admins), else the actor's own team."""
    if actor is None:
        raise Refused("bind-not-allowed")
    if team_name:
        team = await uow.teams.by_name(" ".join(team_name.split()))
        if team is None:
            raise Refused("bind-no-team", name=team_name)
        return team
    if actor.team_id is None:
        raise Refused("bind-need-team-name")
    team = await uow.teams.get(actor.team_id)
    if team is None:
        raise Refused("bind-need-team-name")
    return team


async def update_settings(
    uow: PeopleUow, actor: User, now: datetime, *,
    language: str | None = None, timezone: str | None = None,
) -> User:
    """Change a person's own language or timezone; unchanged fields stay as they are."""
    if language is not None and language not in LANGUAGES:
        raise Refused("settings-bad-language")
    if timezone is not None and not people.valid_timezone(timezone):
        raise Refused("settings-bad-timezone", value=timezone)
    await uow.users.set_profile(
        actor.id, language=language or actor.language, timezone=timezone or actor.timezone
    )
    await _audit(uow, actor, now, "user.settings", "user", actor.id,
                 language=language, timezone=timezone)
    await uow.commit()
    return await _reload(uow, actor.id)


async def set_push_time(uow: PeopleUow, actor: User, which: str, at: time, now: datetime
                        ) -> User:
    """The rep's own morning-agenda or evening-check time (local); evening after morning."""
    user = await _reload(uow, actor.id)
    agenda = at if which == "agenda" else user.agenda_time
    evening = at if which == "evening" else user.evening_time
    if evening <= agenda:
        raise Refused("settings-bad-time-order", agenda=agenda.strftime("%H:%M"),
                      evening=evening.strftime("%H:%M"))
    await uow.users.set_times(actor.id, agenda=agenda, evening=evening)
    await _audit(uow, actor, now, "user.times", "user", actor.id, **{which: at.isoformat()})
    await uow.commit()
    return await _reload(uow, actor.id)


async def remember_language(uow: PeopleUow, user: User, telegram_code: str | None) -> User:
    """A person who never chose a language gets pushes in their Telegram app's language, not
    the team's: remember it the first time they write (a choice in /settings overrides it)."""
    if user.language is not None or not telegram_code:
        return user
    language = people.pick_language(None, telegram_code)
    await uow.users.set_profile(user.id, language=language, timezone=user.timezone)
    await uow.commit()
    return await _reload(uow, user.id)


async def mark_reachable(uow: PeopleUow, user: User, now: datetime) -> User:
    """Someone marked unreachable (403) wrote to the bot again: they unblocked it."""
    await uow.users.set_bot_blocked(user.id, False)
    await _audit(uow, user, now, "user.reachable", "user", user.id)
    await uow.commit()
    return await _reload(uow, user.id)


async def deactivate_user(
    uow: PeopleUow, actor: User | None, telegram_id: int, now: datetime
) -> User:
    """A person who left is treated as unregistered; their data stays for hand-over."""
    user = await uow.users.by_telegram_id(telegram_id)
    if user is None:
        raise Refused("user-not-found", id=telegram_id)
    if actor is not None and (user.team_id is None or not people.can_lead(actor, user.team_id)):
        raise Refused("user-not-allowed")
    await uow.users.set_active(user.id, False)
    await _audit(uow, actor, now, "user.deactivate", "user", user.id)
    await uow.commit()
    return await _reload(uow, user.id)


async def profile(uow: PeopleUow, actor: User, default_timezone: str) -> Profile:
    """Own timezone first, then the team's, then the deployment default."""
    actor = await uow.users.get(actor.id) or actor
    team = await uow.teams.get(actor.team_id) if actor.team_id is not None else None
    zone = people.timezone_of(actor, team, default_timezone)
    return Profile(actor.language, zone, team.name if team else None, actor.agenda_time,
                   actor.evening_time)


async def lead_team(uow: PeopleUow, actor: User | None, team_id: int) -> Team:
    """A team the actor may lead; anything else looks like a missing team (no leaks)."""
    team = await uow.teams.get(team_id)
    if team is None or not people.can_lead(actor, team_id):
        raise Refused("team-not-found")
    return team


async def list_members(uow: PeopleUow, actor: User | None, team_id: int | None) -> list[Member]:
    """Admins see everyone (or one team), managers only their own team."""
    if team_id is None and not people.can_manage_teams(actor):
        raise Refused("team-not-allowed")
    if team_id is not None and not people.can_lead(actor, team_id):
        raise Refused("team-not-allowed")
    return await uow.users.members(team_id)


async def teams_for(uow: PeopleUow, actor: User | None) -> list[Team]:
    """The teams a person may lead: all for admins, their own for managers."""
    if people.can_manage_teams(actor):
        return await uow.teams.list()
    if actor is not None and actor.team_id is not None and people.can_lead(actor, actor.team_id):
        team = await uow.teams.get(actor.team_id)
        return [team] if team else []
    return []


async def _audit(
    uow: PeopleUow, actor: User | None, now: datetime, action: str, entity: str,
    entity_id: int | None, **details: object,
) -> None:
    """Append one audit row inside the current transaction."""
    await uow.audit.add(AuditEntry(now, actor.id if actor else None, action, entity, entity_id,
                                   {k: v for k, v in details.items() if v is not None}))


async def _reload(uow: PeopleUow, user_id: int) -> User:
    """Read back the stored user after a change."""
    user = await uow.users.get(user_id)
    assert user is not None, "user vanished inside its own transaction"
    return user


async def set_team_setting(uow: PeopleUow, actor: User | None, team_id: int, name: str,
                           raw: str, now: datetime) -> Team:
    """A manager changes one rhythm, digest or pool setting of their team."""
    team = await lead_team(uow, actor, team_id)
    changed = people.parse_team_setting(team, name, raw)
    await uow.teams.save_settings(changed)
    await _audit(uow, actor, now, "team.settings", "team", team.id, **{name: raw.strip()})
    await uow.commit()
    return changed
