"""The rep's daily rhythm in their own time zone: morning agenda, evening check, snooze, away.

Every datetime taken or returned is aware; results are in UTC (wall times through
`sales.kernel.clock`, daylight-saving changes included).

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
  period, which is what keeps it from being sent twice."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Literal

from sales.kernel.clock import due_at, local_today, to_utc
from sales.people.model import User
from sales.rhythm.model import Agenda, EveningCheck, FollowUpView

SnoozeChoice = Literal["hour", "tomorrow"]
WEEKDAYS = range(7)


def is_away(user: User, now: datetime) -> bool:
    """On leave: away_from <= now < away_to; an open end (None) stretches that side for ever."""
    if user.away_from is None and user.away_to is None:
        return False
    moment = to_utc(now)
    started = user.away_from is None or to_utc(user.away_from) <= moment
    return started and (user.away_to is None or moment < to_utc(user.away_to))


def _daily_due(tz: str, at: time, now: datetime, away: bool) -> date | None:
    """Today if its message time has passed and the rep is not away (the outbox dedupes)."""
    if away:
        return None
    today = local_today(tz, now)
    return today if due_at(today, at, tz) <= to_utc(now) else None


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
        return to_utc(now) + timedelta(hours=1)
    if choice == "tomorrow":
        return due_at(local_today(user_tz, now) + timedelta(days=1), agenda_time, user_tz)
    raise ValueError(f"unknown snooze choice {choice!r}: 'hour' or 'tomorrow'")


def catch_up(away_to: datetime | None, now: datetime) -> bool:
    """Back from away: a summary is owed once the away period has ended (caller then clears it)."""
    return away_to is not None and to_utc(away_to) <= to_utc(now)


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
