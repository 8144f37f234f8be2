"""Repositories of teams, users, invites and the audit log (they never commit)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, time
from typing import Any

from sqlalchemy import select, update

from sales.people.model import AuditEntry, Invite, Member, NewTeam, NewUser, Role, Team, User
from storage.base import SessionRepo
from storage.people.tables import AuditRow, InviteRow, TeamRow, UserRow


def to_team(row: TeamRow) -> Team:
    """ORM row -> domain dataclass."""
    return Team(
        id=row.id, name=row.name, timezone=row.timezone, country=row.country,
        language=row.language, digest_chat_id=row.digest_chat_id, digest_time=row.digest_time,
        prospecting_weekday=row.prospecting_weekday, daily_new_contacts=row.daily_new_contacts,
        created_at=row.created_at,
        working_days=tuple(row.working_days) if row.working_days is not None else None,
        pool_after_days=row.pool_after_days, pool_claim_cap=row.pool_claim_cap,
        pool_reclaim_days=row.pool_reclaim_days,
    )


def to_user(row: UserRow) -> User:
    """ORM row -> domain dataclass."""
    return User(
        id=row.id, telegram_id=row.telegram_id, display_name=row.display_name,
        role=Role(row.role), team_id=row.team_id, language=row.language, timezone=row.timezone,
        active=row.active, bot_blocked=row.bot_blocked, agenda_time=row.agenda_time,
        evening_time=row.evening_time, away_from=row.away_from, away_to=row.away_to,
        created_at=row.created_at,
    )


def to_invite(row: InviteRow) -> Invite:
    """ORM row -> domain dataclass."""
    return Invite(
        id=row.id, token=row.token, team_id=row.team_id, role=Role(row.role),
        created_by=row.created_by, expires_at=row.expires_at, created_at=row.created_at,
        used_by=row.used_by, used_at=row.used_at,
    )


class TeamRepo(SessionRepo):
    async def add(self, team: NewTeam, now: datetime) -> Team:
        row = TeamRow(**asdict(team), created_at=now)
        self.s.add(row)
        await self.s.flush()
        return to_team(row)

    async def get(self, team_id: int) -> Team | None:
        row = await self.s.get(TeamRow, team_id)
        return to_team(row) if row else None

    async def by_name(self, name: str) -> Team | None:
        row = await self.s.scalar(select(TeamRow).where(TeamRow.name == name))
        return to_team(row) if row else None

    async def by_chat(self, chat_id: int) -> Team | None:
        row = await self.s.scalar(select(TeamRow).where(TeamRow.digest_chat_id == chat_id))
        return to_team(row) if row else None

    async def list(self) -> list[Team]:
        rows = await self.s.scalars(select(TeamRow).order_by(TeamRow.name))
        return [to_team(r) for r in rows]

    async def set_digest_chat(self, team_id: int, chat_id: int | None) -> None:
        # A chat serves one team: unbind it elsewhere first (unique column).
        if chat_id is not None:
            await self.s.execute(
                update(TeamRow).where(TeamRow.digest_chat_id == chat_id).values(digest_chat_id=None)
            )
        await self.s.execute(
            update(TeamRow).where(TeamRow.id == team_id).values(digest_chat_id=chat_id)
        )


    async def save_settings(self, team: Team) -> None:
        days = list(team.working_days) if team.working_days is not None else None
        await self.s.execute(update(TeamRow).where(TeamRow.id == team.id).values(
            digest_time=team.digest_time, prospecting_weekday=team.prospecting_weekday,
            daily_new_contacts=team.daily_new_contacts, working_days=days,
            pool_after_days=team.pool_after_days, pool_claim_cap=team.pool_claim_cap,
            pool_reclaim_days=team.pool_reclaim_days))


class UserRepo(SessionRepo):
    async def add(self, user: NewUser, now: datetime) -> User:
        row = UserRow(
            telegram_id=user.telegram_id, display_name=user.display_name, role=user.role.value,
            team_id=user.team_id, language=user.language, active=True, bot_blocked=False,
            created_at=now,
        )
        self.s.add(row)
        await self.s.flush()
        return to_user(row)

    async def get(self, user_id: int) -> User | None:
        row = await self.s.get(UserRow, user_id, populate_existing=True)
        return to_user(row) if row else None

    async def by_telegram_id(self, telegram_id: int) -> User | None:
        row = await self.s.scalar(select(UserRow).where(UserRow.telegram_id == telegram_id))
        return to_user(row) if row else None

    async def members(self, team_id: int | None = None) -> list[Member]:
        query = (
            select(UserRow, TeamRow.name)
            .outerjoin(TeamRow, TeamRow.id == UserRow.team_id)
            .order_by(TeamRow.name.asc().nulls_last(), UserRow.display_name, UserRow.id)
        )
        if team_id is not None:
            query = query.where(UserRow.team_id == team_id)
        rows = await self.s.execute(query)
        return [Member(to_user(u), name) for u, name in rows]

    async def _set(self, user_id: int, **values: Any) -> None:
        await self.s.execute(update(UserRow).where(UserRow.id == user_id).values(**values))

    async def set_profile(
        self, user_id: int, *, language: str | None, timezone: str | None
    ) -> None:
        await self._set(user_id, language=language, timezone=timezone)

    async def set_times(self, user_id: int, *, agenda: time, evening: time) -> None:
        await self._set(user_id, agenda_time=agenda, evening_time=evening)

    async def set_membership(
        self, user_id: int, *, team_id: int | None, role: Role, display_name: str
    ) -> None:
        await self._set(user_id, team_id=team_id, role=role.value, display_name=display_name)

    async def set_active(self, user_id: int, active: bool) -> None:
        await self._set(user_id, active=active)

    async def set_bot_blocked(self, user_id: int, blocked: bool) -> None:
        await self._set(user_id, bot_blocked=blocked)

    async def set_away(self, user_id: int, start: datetime | None, end: datetime | None
                       ) -> None:
        await self._set(user_id, away_from=start, away_to=end)


class InviteRepo(SessionRepo):
    async def add(
        self, token: str, team_id: int, role: Role, created_by: int | None,
        expires_at: datetime, now: datetime,
    ) -> Invite:
        row = InviteRow(token=token, team_id=team_id, role=role.value, created_by=created_by,
                        expires_at=expires_at, created_at=now)
        self.s.add(row)
        await self.s.flush()
        return to_invite(row)

    async def by_token(self, token: str) -> Invite | None:
        row = await self.s.scalar(select(InviteRow).where(InviteRow.token == token))
        return to_invite(row) if row else None

    async def claim(self, invite_id: int, user_id: int, now: datetime) -> bool:
        result = await self.s.execute(
            update(InviteRow)
            .where(InviteRow.id == invite_id, InviteRow.used_by.is_(None))
            .values(used_by=user_id, used_at=now)
        )
        return bool(getattr(result, "rowcount", 0) == 1)


class AuditRepo(SessionRepo):
    async def add(self, entry: AuditEntry) -> None:
        self.s.add(AuditRow(at=entry.at, actor_id=entry.actor_id, action=entry.action,
                            entity=entry.entity, entity_id=entry.entity_id,
                            details=entry.details))
        await self.s.flush()

    async def recent(self, limit: int = 50) -> list[AuditEntry]:
        rows = await self.s.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(limit))
        return [AuditEntry(r.at, r.actor_id, r.action, r.entity, r.entity_id, r.details)
                for r in rows]
