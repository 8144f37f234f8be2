"""Rules about people: who may do what, which language and timezone apply. Pure functions."""

from __future__ import annotations

import re
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import holidays

from sales.people.model import LANGUAGES, Role, Team, User

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
TEAM_NAME_MAX = 64
DISPLAY_NAME_MAX = 128


def pick_language(chosen: str | None, telegram_code: str | None, default: str = "en") -> str:
    """The user's choice wins; else Telegram's language (zh* -> zh, any other -> en)."""
    if chosen in LANGUAGES:
        return chosen
    if telegram_code:
        return "zh" if telegram_code.lower().startswith("zh") else "en"
    return default if default in LANGUAGES else "en"


def valid_timezone(name: str) -> bool:
    """True for an IANA zone name such as Asia/Shanghai (not for bare offsets)."""
    if not name or name != name.strip() or name not in _zones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@cache
def _zones() -> frozenset[str]:
    """The IANA zone names this machine knows, read once."""
    return frozenset(available_timezones())


def timezone_of(user: User, team: Team | None, default: str) -> str:
    """The zone a person's day runs in: their own, else their team's, else the deployment's."""
    return user.timezone or (team.timezone if team else None) or default


def valid_country(code: str) -> bool:
    """True for a country whose public holidays we can compute (greeting calendar)."""
    return code in holidays.list_supported_countries()


def clean_team_name(raw: str) -> str | None:
    """A team name trimmed to one line, or None when empty or too long."""
    name = " ".join(raw.split())
    return name if 0 < len(name) <= TEAM_NAME_MAX else None


def clean_display_name(first: str | None, last: str | None, fallback: str) -> str:
    """What we call a person: their Telegram name, cut to a sane length."""
    name = " ".join(part for part in (first, last) if part).strip() or fallback
    return name[:DISPLAY_NAME_MAX]


def can_manage_teams(actor: User | None) -> bool:
    """Creating teams is for admins (or the server shell, actor None)."""
    return actor is None or actor.role is Role.ADMIN


def can_lead(actor: User | None, team_id: int) -> bool:
    """Inviting, listing members and binding a chat: admins anywhere, managers in their team."""
    if actor is None or actor.role is Role.ADMIN:
        return True
    return actor.role is Role.MANAGER and actor.team_id == team_id


def invitable_roles(actor: User | None) -> tuple[Role, ...]:
    """Admins come from the config file only, so no invite ever grants admin."""
    if actor is None or actor.role in (Role.ADMIN, Role.MANAGER):
        return (Role.REP, Role.MANAGER)
    return ()
