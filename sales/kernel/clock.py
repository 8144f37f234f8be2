"""Where 'now' comes from, and local days and wall times, so time is a parameter everywhere.

Every datetime taken or returned is aware; results are in UTC. Local wall times are turned into
instants with zoneinfo, so daylight-saving changes are handled:
- a wall time that does not exist (spring-forward gap, e.g. 02:30 in Berlin on 2026-03-29)
  moves forward to the first valid instant, the end of the gap (03:00 local);
- a wall time that occurs twice (fall-back, e.g. 02:30 in Berlin on 2026-10-25) means its
  first occurrence (still summer time)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    """Where 'now' comes from: always timezone-aware UTC, replaceable in tests."""

    def __call__(self) -> datetime: ...


def to_utc(moment: datetime) -> datetime:
    """The same instant in UTC; a naive datetime is a bug in the caller, never guessed."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: an aware (UTC) datetime is required")
    return moment.astimezone(UTC)


def local_now(tz: str, now: datetime) -> datetime:
    """The instant as a wall clock in the given zone."""
    return to_utc(now).astimezone(ZoneInfo(tz))


def local_today(user_tz: str, now: datetime) -> date:
    """The rep's calendar day at this instant (not the server's nor UTC's)."""
    return local_now(user_tz, now).date()


def due_at(day: date, at: time, tz: str) -> datetime:
    """The UTC instant of a local wall time; gaps move forward, repeated times take the first."""
    zone = ZoneInfo(tz)
    wall = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    first = wall.replace(tzinfo=zone).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == wall:
        return first
    # In a gap: fold=1 reads the wall time with the later offset and lands before the change.
    return _transition(wall.replace(tzinfo=zone, fold=1).astimezone(UTC), first, zone)


def _transition(before: datetime, after: datetime, zone: ZoneInfo) -> datetime:
    """The first instant in (before, after] whose UTC offset is the later one (bisection)."""
    offset = after.astimezone(zone).utcoffset()
    lo, hi = 0, int((after - before).total_seconds())
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if (before + timedelta(seconds=mid)).astimezone(zone).utcoffset() == offset:
            hi = mid
        else:
            lo = mid
    return before + timedelta(seconds=hi)
