"""Rules about people: who may do what, which language and timezone apply. Pure functions."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import holidays

from sales.kernel.errors import Refused
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


TARGET_MAX = 50
POOL_DAYS_MIN = 7
POOL_DAYS_MAX = 365
POOL_CAP_MAX = 100
TEAM_SETTINGS = ("target", "digest_time", "working_days", "prospecting_day", "pool_after",
                 "pool_cap", "pool_reclaim")
"""What a manager may set on the team, each parsed by `parse_team_setting`."""
OFF_WORDS = frozenset({"off", "no", "auto", "0", "关", "关闭", "自动", "默认", "-"})
WEEKDAY_WORDS = {
    **{str(n): n - 1 for n in range(1, 8)},
    **{w: i for i, w in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{w: i for i, w in enumerate("一二三四五六日")}, "天": 6, "7": 6,
}
TIME_RE = re.compile(r"^(?P<h>\d{1,2})[:：.点](?P<m>\d{2})?$")


def parse_weekday(raw: str) -> int:
    """1-7 (Monday first), mon..sun or 周一..周日; 0 = Monday."""
    word = raw.strip().casefold().removeprefix("周").removeprefix("星期")[:3]
    if word not in WEEKDAY_WORDS:
        raise Refused("team-bad-weekday", value=raw)
    return WEEKDAY_WORDS[word]


def parse_working_days(raw: str) -> tuple[int, ...] | None:
    """'auto' follows the country's calendar; else '1-5', '1,2,3,4,5,6' or 'mon-fri'."""
    text = raw.strip().casefold()
    if text in OFF_WORDS:
        return None
    days: set[int] = set()
    for part in re.split(r"[,，、\s]+", text):
        first, sep, last = part.partition("-") if "-" in part else part.partition("~")
        if not part:
            continue
        lo, hi = parse_weekday(first), parse_weekday(last) if sep else None
        if hi is not None and hi < lo:
            raise Refused("team-bad-weekday", value=raw)
        days.update(range(lo, (hi if hi is not None else lo) + 1))
    if not days:
        raise Refused("team-bad-weekday", value=raw)
    return tuple(sorted(days))


def parse_clock(raw: str) -> time:
    """'19:00', '7:30' or '19点'."""
    match = TIME_RE.match(raw.strip())
    try:
        if match is None:
            raise ValueError(raw)
        return time(int(match["h"]), int(match["m"] or 0))
    except ValueError:
        raise Refused("team-bad-time", value=raw) from None


def parse_count(raw: str, low: int, high: int) -> int:
    """A whole number within [low, high]."""
    text = raw.strip()
    if not text.isdigit() or not low <= int(text) <= high:
        raise Refused("team-bad-number", value=raw, low=low, high=high)
    return int(text)


def parse_team_setting(team: Team, name: str, raw: str) -> Team:
    """One typed setting checked and put into the team; a refusal leaves it as it was."""
    if name == "target":
        return replace(team, daily_new_contacts=parse_count(raw, 0, TARGET_MAX))
    if name == "digest_time":
        return replace(team, digest_time=parse_clock(raw))
    if name == "working_days":
        return replace(team, working_days=parse_working_days(raw))
    if name == "prospecting_day":
        return replace(team, prospecting_weekday=parse_weekday(raw))
    if name == "pool_after":
        off = raw.strip().casefold() in OFF_WORDS
        days = None if off else parse_count(raw, POOL_DAYS_MIN, POOL_DAYS_MAX)
        return replace(team, pool_after_days=days)
    if name == "pool_cap":
        return replace(team, pool_claim_cap=parse_count(raw, 1, POOL_CAP_MAX))
    if name == "pool_reclaim":
        return replace(team, pool_reclaim_days=parse_count(raw, 0, POOL_DAYS_MAX))
    raise Refused("team-bad-setting", value=name)
