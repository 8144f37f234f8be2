"""Pure rules of the digest: working days (with China's 调休), when it is due, the day's
numbers from counted facts, "needs attention", and packing text into Telegram messages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from functools import cache

import holidays

from sales.digests.model import (
    OVERDUE_ATTENTION_DAYS,
    Attention,
    AttentionKind,
    DayFacts,
    DigestSettings,
    ReferralDay,
    RepDay,
    TopProspect,
)
from sales.kernel.clock import due_at, local_now
from sales.people.model import Team, User
from sales.prospects.model import OPEN_STAGES, Prospect, Stage
from sales.prospects.priority import by_priority, days_since_contact, priority

MESSAGE_MAX = 4096
TOP_SHOWN = 5
ATTENTION_SHOWN = 8
CATCH_UP_DAYS = 3
"""A digest missed during downtime is still sent if its day is at most this many days ago."""


@cache
def _calendar(country: str, year: int) -> holidays.HolidayBase:
    """The country's public holidays and weekend rules for one year (the package's data)."""
    return holidays.country_holidays(country, years=year, language="en_US")


def is_working_day(team: Team, settings: DigestSettings, day: date) -> bool:
    """The team's dated overrides first; then its own weekdays (`Team.working_days`) minus
    public holidays, else the country's calendar, which knows China's make-up working days
    (调休) for announced years and falls back to weekday rules after."""
    if day in settings.days_off:
        return False
    if day in settings.extra_workdays:
        return True
    if team.working_days is not None:
        return (day.weekday() in team.working_days
                and day not in _calendar(team.country, day.year))
    try:
        return bool(_calendar(team.country, day.year).is_working_day(day))
    except NotImplementedError:  # a country without holiday data: Monday to Friday
        return day.weekday() < 5


def day_span(day: date, tz: str) -> tuple[datetime, datetime]:
    """The local day as a UTC half-open interval [start, end)."""
    return due_at(day, time(0), tz), due_at(day + timedelta(days=1), time(0), tz)


def due_days(team: Team, settings: DigestSettings, now: datetime) -> list[date]:
    """Local days whose digest moment has passed, newest first, within the catch-up window;
    only working days (the caller skips those already sent, by their outbox key)."""
    today = local_now(team.timezone, now).date()
    days = []
    for back in range(CATCH_UP_DAYS + 1):
        day = today - timedelta(days=back)
        if due_at(day, team.digest_time, team.timezone) <= now and is_working_day(
                team, settings, day):
            days.append(day)
    return days


def report_due(team: Team, settings: DigestSettings, now: datetime) -> date | None:
    """The last day of the weekly report due now (its weekday, after digest time), or None."""
    if settings.report_weekday is None:
        return None
    today = local_now(team.timezone, now).date()
    back = (today.weekday() - settings.report_weekday) % 7
    day = today - timedelta(days=back)
    if back > CATCH_UP_DAYS or due_at(day, team.digest_time, team.timezone) > now:
        return None
    return day


def rep_days(reps: Sequence[User], team: Team, facts: DayFacts, stale: Counter[int]
             ) -> tuple[RepDay, ...]:
    """One line per rep, in the order given, from the counted facts."""
    lines = []
    for rep in reps:
        methods = facts.new_by_method.get(rep.id, {})
        lines.append(RepDay(
            rep.id, rep.display_name, tuple(sorted(methods.items())), team.daily_new_contacts,
            facts.visits.get(rep.id, 0), facts.contacts.get(rep.id, 0),
            facts.follow_ups_done.get(rep.id, 0), facts.follow_ups_overdue.get(rep.id, 0),
            stale[rep.id], facts.cards_due.get(rep.id, 0), facts.cards_sent.get(rep.id, 0),
            None if facts.referrals is None else facts.referrals.get(rep.id, ReferralDay())))
    return tuple(lines)


def is_stale(prospect: Prospect, day: date, tz: str, stale_days: int) -> bool:
    """An open prospect nobody contacted for `stale_days` local days."""
    card = prospect.card
    return (card.stage in OPEN_STAGES and not card.do_not_contact
            and days_since_contact(prospect, day, tz) >= stale_days)


def stale_by_owner(prospects: Iterable[Prospect], day: date, tz: str, stale_days: int
                   ) -> Counter[int]:
    """How many stale prospects each owner has."""
    return Counter(p.owner_id for p in prospects if is_stale(p, day, tz, stale_days))


def funnel(prospects: Iterable[Prospect]) -> tuple[tuple[Stage, int], ...]:
    """Prospects per stage, in the order of the selling line (method.md §4)."""
    counts = Counter(p.card.stage for p in prospects)
    return tuple((stage, counts[stage]) for stage in Stage)


def top_prospects(prospects: Sequence[Prospect], names: dict[int, str], day: date, tz: str,
                  limit: int = TOP_SHOWN) -> tuple[TopProspect, ...]:
    """The open prospects that deserve the most attention by the 80:20 priority."""
    open_ = [p for p in prospects if p.card.stage in OPEN_STAGES and not p.card.do_not_contact]
    return tuple(TopProspect(p.id, p.card.name, names.get(p.owner_id, "?"), p.card.stage,
                             priority(p, day, tz))
                 for p in by_priority(open_, day, tz)[:limit])


def attention(lines: Sequence[RepDay], facts: DayFacts, day: date,
              limit: int = ATTENTION_SHOWN) -> tuple[Attention, ...]:
    """The short "needs attention" list: overdue rewards, long-overdue follow-ups, idle reps,
    unanswered reminders, big quotes with no next step; at most `limit` lines."""
    names = {r.rep_id: r.name for r in lines}
    found = [Attention(AttentionKind.REWARD, r.name, count=r.referrals.rewards_overdue)
             for r in lines if r.referrals is not None and r.referrals.rewards_overdue]
    found += [Attention(AttentionKind.OVERDUE, names.get(f.owner_id, "?"), f.prospect_name,
                        f.prospect_id, days=(day - f.due_on).days)
              for f in facts.long_overdue
              if (day - f.due_on).days > OVERDUE_ATTENTION_DAYS and f.owner_id in names]
    found += [Attention(AttentionKind.IDLE, r.name) for r in lines if not r.active]
    found += [Attention(AttentionKind.UNANSWERED, r.name, count=facts.unanswered[r.rep_id])
              for r in lines if facts.unanswered.get(r.rep_id)]
    found += [Attention(AttentionKind.BIG_QUOTE, names.get(q.owner_id, "?"), q.prospect_name,
                        q.prospect_id, amount=f"{q.amount:,.0f} {q.currency or ''}".strip())
              for q in facts.big_quotes if q.owner_id in names]
    return tuple(found[:limit])


def pack(head: str, blocks: Sequence[str], tail: str = "", limit: int = MESSAGE_MAX,
         sep: str = "\n\n") -> list[str]:
    """Messages under `limit`: the head, then whole blocks (rep sections) while they fit, the
    tail last; a new message starts at a block boundary. A block longer than a message alone
    is cut (never expected: rep sections are short)."""
    parts = [head, *blocks, tail] if tail else [head, *blocks]
    messages: list[str] = []
    current = ""
    for part in parts:
        part = part if len(part) <= limit else part[: limit - 1] + "…"
        joined = f"{current}{sep}{part}" if current else part
        if len(joined) <= limit:
            current = joined
            continue
        messages.append(current)
        current = part
    if current:
        messages.append(current)
    return messages
