"""The rep's daily rhythm in their own time zone: morning agenda, evening check, snooze, away.

Every datetime taken or returned is aware; results are in UTC. Local wall times are turned into
instants with zoneinfo, so daylight-saving changes are handled:
- a wall time that does not exist (spring-forward gap, e.g. 02:30 in Berlin on 2026-03-29)
  moves forward to the first valid instant, the end of the gap (03:00 local);
- a wall time that occurs twice (fall-back, e.g. 02:30 in Berlin on 2026-10-25) means its
  first occurrence (still summer time).

Sending rules (the scanner job asks these every few minutes):
- the morning agenda of local day D is due once local time has reached `agenda_time` on D and
  the rep is not away. Once per day is the outbox's unique dedupe key (`agenda:<user>:<D>`),
  not a rule here. After downtime, the same day's agenda is still sent late (catch-up); a
  previous day's never is: only today can be due.
- the evening check follows the same rule with `evening_time`.
- nothing due or overdue: no agenda message at all (`build_agenda` returns None); the daily
  new-contacts target is the evening check's and the prospecting day's business.
- the evening check is sent only if the new-contacts target is not met or some of today's
  follow-ups are still open.
- back from away: `catch_up` is true once `away_to` has passed; the caller sends one summary
  of everything that fell due meanwhile (an agenda of overdue items) and then clears the away
  period, which is what keeps it from being sent twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sales.models import User

SnoozeChoice = Literal["hour", "tomorrow"]
WEEKDAYS = range(7)


def _utc(moment: datetime) -> datetime:
    """The same instant in UTC; a naive datetime is a bug in the caller, never guessed."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: an aware (UTC) datetime is required")
    return moment.astimezone(UTC)


def local_now(tz: str, now: datetime) -> datetime:
    """The instant as a wall clock in the given zone."""
    return _utc(now).astimezone(ZoneInfo(tz))


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


def is_away(user: User, now: datetime) -> bool:
    """On leave: away_from <= now < away_to; an open end (None) stretches that side for ever."""
    if user.away_from is None and user.away_to is None:
        return False
    moment = _utc(now)
    started = user.away_from is None or _utc(user.away_from) <= moment
    return started and (user.away_to is None or moment < _utc(user.away_to))


def _daily_due(tz: str, at: time, now: datetime, away: bool) -> date | None:
    """Today if its message time has passed and the rep is not away (the outbox dedupes)."""
    if away:
        return None
    today = local_today(tz, now)
    return today if due_at(today, at, tz) <= _utc(now) else None


def agenda_due(user_tz: str, agenda_time: time, now: datetime, away: bool) -> date | None:
    """The local day whose morning agenda should go out now, if any (same-day catch-up only)."""
    return _daily_due(user_tz, agenda_time, now, away)


def evening_due(user_tz: str, evening_time: time, now: datetime, away: bool) -> date | None:
    """The local day whose evening check should go out now, if any (same-day catch-up only)."""
    return _daily_due(user_tz, evening_time, now, away)


def prospecting_day(team_weekday: int, local_day: date) -> bool:
    """Is this the team's weekly new customer development day (method.md §8)?"""
    if team_weekday not in WEEKDAYS:
        raise ValueError(f"weekday {team_weekday} is not 0 (Monday) .. 6 (Sunday)")
    return local_day.weekday() == team_weekday


def snooze_until(choice: SnoozeChoice, now: datetime, user_tz: str, agenda_time: time
                 ) -> datetime:
    """When a snoozed reminder comes back: in an hour, or tomorrow at the agenda time (local)."""
    if choice == "hour":
        return _utc(now) + timedelta(hours=1)
    if choice == "tomorrow":
        return due_at(local_today(user_tz, now) + timedelta(days=1), agenda_time, user_tz)
    raise ValueError(f"unknown snooze choice {choice!r}: 'hour' or 'tomorrow'")


def catch_up(away_to: datetime | None, now: datetime) -> bool:
    """Back from away: a summary is owed once the away period has ended (caller then clears it)."""
    return away_to is not None and _utc(away_to) <= _utc(now)


@dataclass(frozen=True, slots=True)
class FollowUpView:
    """One open follow-up as the agenda lists it."""

    id: int
    prospect_id: int
    prospect_name: str
    due_on: date
    due_time: time | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Agenda:
    """The morning message: today's follow-ups by time, overdue ones oldest first, and target."""

    day: date
    due_today: tuple[FollowUpView, ...]
    overdue: tuple[FollowUpView, ...]
    target: int
    new_contacts_today: int

    @property
    def remaining(self) -> int:
        """New contacts still to make today to reach the target."""
        return max(self.target - self.new_contacts_today, 0)


@dataclass(frozen=True, slots=True)
class EveningCheck:
    """The evening nudge: today's follow-ups still open and the new-contacts progress."""

    day: date
    open_due_today: int
    new_contacts_today: int
    target: int

    @property
    def remaining(self) -> int:
        """New contacts still to make today to reach the target."""
        return max(self.target - self.new_contacts_today, 0)


def _order(item: FollowUpView) -> tuple[date, bool, time, str, int]:
    """By day, then timed before untimed and by time, then name and id (stable output)."""
    return (item.due_on, item.due_time is None, item.due_time or time(0), item.prospect_name,
            item.id)


def build_agenda(today: date, follow_ups: list[FollowUpView], target: int,
                 new_contacts_today: int) -> Agenda | None:
    """Split into due today and overdue (later ones are ignored); None when nothing is due."""
    due_today = sorted((f for f in follow_ups if f.due_on == today), key=_order)
    overdue = sorted((f for f in follow_ups if f.due_on < today), key=_order)
    if not due_today and not overdue:
        return None
    return Agenda(today, tuple(due_today), tuple(overdue), target, new_contacts_today)


def evening_check(today: date, open_due_today: int, new_contacts_today: int, target: int
                  ) -> EveningCheck | None:
    """A nudge only when the target is not met or today's follow-ups are still open."""
    if open_due_today <= 0 and new_contacts_today >= target:
        return None
    return EveningCheck(today, max(open_due_today, 0), new_contacts_today, target)
