"""The rep's daily rhythm as data: morning agenda, evening check, reminders, prospecting day,
away periods and snoozes. Texts are the bot's business; this module decides what is due."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

from sales.kernel import clock
from sales.kernel.errors import Refused
from sales.people import rules as people_rules
from sales.people.model import AuditEntry, User
from sales.prospects.model import Method, Stage
from sales.rhythm import rules as rhythm
from sales.rhythm.model import Agenda, EveningCheck, FollowUpView, Person, ProspectingDay
from sales.visits.model import FollowUp
from sales.visits.ports import VisitsUow

REVIVE_SHOWN = 5
LEAST_USED_SHOWN = 3
AWAY_MAX_DAYS = 366
CATCH_UP_WITHIN = timedelta(days=7)  # an old away period owes nothing any more
REMINDER_MAX_LATE = timedelta(days=2)  # older moments are in the agenda's overdue list instead


async def people(uow: VisitsUow, default_tz: str) -> list[Person]:
    """Everyone who should get pushes: active, reachable, in a team."""
    teams = {t.id: t for t in await uow.teams.list()}
    found = []
    for member in await uow.users.members(None):
        user = member.user
        team = teams.get(user.team_id) if user.team_id is not None else None
        if team is not None and user.active and not user.bot_blocked:
            found.append(Person(user, team, people_rules.timezone_of(user, team, default_tz)))
    return found


def _views(items: list[FollowUp]) -> list[FollowUpView]:
    return [FollowUpView(f.id, f.prospect_id, f.prospect_name, f.due_on, f.due_time,
                                f.text) for f in items]


async def new_contacts(uow: VisitsUow, person: Person, day: date) -> int:
    """Prospects the rep added on their local day (the daily target counts these)."""
    start = clock.due_at(day, time(0), person.tz)
    end = clock.due_at(day + timedelta(days=1), time(0), person.tz)
    return await uow.prospects.created_between(person.user.id, start, end)


async def agenda(uow: VisitsUow, person: Person, day: date) -> Agenda | None:
    """Today's and overdue follow-ups with the new-contact target; None when nothing is due."""
    due = await uow.follow_ups.due_for(person.user.id, day)
    return rhythm.build_agenda(day, _views(due), person.team.daily_new_contacts,
                               await new_contacts(uow, person, day))


async def evening(uow: VisitsUow, person: Person, day: date) -> EveningCheck | None:
    """Only when today's target is not met or today's follow-ups are still open."""
    due = await uow.follow_ups.due_for(person.user.id, day)
    open_today = sum(1 for f in due if f.due_on == day)
    return rhythm.evening_check(day, open_today, await new_contacts(uow, person, day),
                                person.team.daily_new_contacts)


async def prospecting_day(uow: VisitsUow, person: Person, day: date) -> ProspectingDay | None:
    """On the team's prospecting weekday: who to revive and which methods were used least."""
    if not rhythm.prospecting_day(person.team.prospecting_weekday, day):
        return None
    own = await uow.prospects.of_team(person.team.id, person.user.id)
    dormant = tuple(p for p in own if p.card.stage is Stage.DORMANT and not p.card.do_not_contact)
    used = Counter(p.card.method for p in own)
    least = tuple(sorted((m for m in Method if m is not Method.INHERITED),
                         key=lambda m: (used[m], list(Method).index(m)))[:LEAST_USED_SHOWN])
    return ProspectingDay(day, dormant[:REVIVE_SHOWN], least)


async def reminders(uow: VisitsUow, now: datetime, default_tz: str
                    ) -> list[tuple[Person, FollowUp]]:
    """Timed follow-ups (or snoozes) whose moment has come, minus those of people away."""
    persons = {p.user.id: p for p in await people(uow, default_tz)}
    due = []
    for item in await uow.follow_ups.timed_due(now):
        person = persons.get(item.owner_id)
        if person is None or rhythm.is_away(person.user, now):
            continue
        if _during_away(person.user, item) or _too_late(item, now):
            continue  # summed up by the catch-up message / the agenda, not a burst of pushes
        due.append((person, item))
    return due


def _too_late(item: FollowUp, now: datetime) -> bool:
    moment = item.snoozed_until or item.due_at
    return moment is not None and now - moment > REMINDER_MAX_LATE


def _during_away(user: User, item: FollowUp) -> bool:
    moment = item.snoozed_until or item.due_at
    return (user.away_to is not None and moment is not None and user.away_from is not None
            and user.away_from <= moment < user.away_to)


async def snooze(uow: VisitsUow, actor: User, follow_up_id: int, choice: rhythm.SnoozeChoice,
                 now: datetime, tz: str) -> datetime:
    """Push the reminder again in an hour or tomorrow morning (own follow-ups only)."""
    item = await uow.follow_ups.get(follow_up_id)
    if item is None or item.owner_id != actor.id or item.status != "open":
        raise Refused("reminder-gone")
    until = rhythm.snooze_until(choice, now, tz, actor.agenda_time)
    await uow.follow_ups.snooze(item.id, until)
    await uow.commit()
    return until


async def follow_up_of(uow: VisitsUow, actor: User, follow_up_id: int) -> FollowUp:
    """An open follow-up of the actor (reminder buttons carry its id)."""
    item = await uow.follow_ups.get(follow_up_id)
    if item is None or item.owner_id != actor.id:
        raise Refused("reminder-gone")
    return item


async def set_away(uow: VisitsUow, actor: User, first: date | None, last: date | None,
                   tz: str, now: datetime) -> User:
    """Pause pushes from the first to the last local day (inclusive); None clears it."""
    if first is None or last is None:
        await uow.users.set_away(actor.id, None, None)
    else:
        if last < first or (last - first).days > AWAY_MAX_DAYS:
            raise Refused("away-bad-range", max=AWAY_MAX_DAYS)
        if last < clock.local_today(tz, now):
            raise Refused("away-in-past")
        start = clock.due_at(first, time(0), tz)
        end = clock.due_at(last + timedelta(days=1), time(0), tz)
        await uow.users.set_away(actor.id, start, end)
    await uow.audit.add(AuditEntry(now, actor.id, "user.away", "user", actor.id,
                                   {"from": str(first), "to": str(last)}))
    await uow.commit()
    user = await uow.users.get(actor.id)
    assert user is not None
    return user


async def overdue_after_away(uow: VisitsUow, person: Person, now: datetime) -> int | None:
    """Once back, how many follow-ups are waiting (None: no catch-up owed)."""
    back = person.user.away_to
    if not rhythm.catch_up(back, now) or back is None or now - back > CATCH_UP_WITHIN:
        return None
    due = await uow.follow_ups.due_for(person.user.id, clock.local_today(person.tz, now))
    return len(due)
