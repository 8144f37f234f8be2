"""Frozen dataclasses and enums shared by every layer: the domain's vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from enum import StrEnum
from typing import Any

LANGUAGES = ("zh", "en")
FRIDAY = 4


class Role(StrEnum):
    """What a person may do: reps own prospects, managers lead a team, admins run the bot."""

    REP = "rep"
    MANAGER = "manager"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class NewTeam:
    """A team as asked for, before it has an id."""

    name: str
    timezone: str
    country: str
    language: str


@dataclass(frozen=True, slots=True)
class Team:
    """A sales team: its own prospects, members, digest chat and rhythm settings.

    `working_days`: None follows the country's calendar (holidays, China's make-up days);
    else the team's own weekdays (0 = Monday). `pool_after_days`: None keeps the pool off."""

    id: int
    name: str
    timezone: str
    country: str
    language: str
    digest_chat_id: int | None = None
    digest_time: time = time(19, 0)
    prospecting_weekday: int = FRIDAY
    daily_new_contacts: int = 5
    created_at: datetime | None = None
    working_days: tuple[int, ...] | None = None
    pool_after_days: int | None = None
    pool_claim_cap: int = 5
    pool_reclaim_days: int = 30


@dataclass(frozen=True, slots=True)
class NewUser:
    """A person joining, before they have an id."""

    telegram_id: int
    display_name: str
    role: Role
    team_id: int | None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class User:
    """A registered person; `active=False` means treated as unregistered."""

    id: int
    telegram_id: int
    display_name: str
    role: Role
    team_id: int | None
    language: str | None = None
    timezone: str | None = None
    active: bool = True
    bot_blocked: bool = False
    agenda_time: time = time(8, 30)
    evening_time: time = time(18, 0)
    away_from: datetime | None = None
    away_to: datetime | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Invite:
    """A single-use, expiring invitation into one team with one role."""

    id: int
    token: str
    team_id: int
    role: Role
    created_by: int | None
    expires_at: datetime
    created_at: datetime
    used_by: int | None = None
    used_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """Who changed what and when; written by every use case that changes data."""

    at: datetime
    actor_id: int | None
    action: str
    entity: str
    entity_id: int | None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Member:
    """A user with the name of their team, for listings."""

    user: User
    team_name: str | None


@dataclass(frozen=True, slots=True)
class Profile:
    """What the settings screen shows: the language and timezone that apply, and the team."""

    language: str | None
    timezone: str
    team_name: str | None
    agenda_time: time = time(8, 30)
    evening_time: time = time(18, 0)
