"""Team management: each rep's day, and the team settings that live in other features
(greeting lead days; the referral reward policy once referrals exist)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

from sales.greetings import use_cases as greetings
from sales.greetings.model import GreetingPolicy
from sales.greetings.rules import LEAD_DAYS_MAX
from sales.kernel.clock import due_at, local_today
from sales.kernel.errors import Refused
from sales.people import use_cases as teams
from sales.people.model import User
from sales.people.rules import parse_count
from sales.roster.model import RepDay, Roster
from sales.roster.ports import RosterUow


async def roster(uow: RosterUow, actor: User | None, team_id: int, now: datetime) -> Roster:
    """Every member with last activity and today's numbers (the team's local day)."""
    team = await teams.lead_team(uow, actor, team_id)
    day = local_today(team.timezone, now)
    start = due_at(day, time(0), team.timezone)
    end = due_at(day + timedelta(days=1), time(0), team.timezone)
    found = {a.user_id: a for a in await uow.activity.of_team(team.id, day, start, end)}
    lines = []
    for member in await uow.users.members(team.id):
        a = found.get(member.user.id)
        lines.append(RepDay(member.user, a.last_active if a else None,
                            a.new_today if a else 0, team.daily_new_contacts,
                            a.visits_today if a else 0))
    return Roster(day, tuple(lines))


async def set_greeting_lead(uow: RosterUow, actor: User, raw: str, now: datetime
                            ) -> GreetingPolicy:
    """'10' (postal cards) or '10 2' (postal, then messages): days of reminder before."""
    parts = raw.split()
    if not 1 <= len(parts) <= 2:
        raise Refused("team-bad-number", value=raw, low=0, high=LEAD_DAYS_MAX)
    days = [parse_count(p, 0, LEAD_DAYS_MAX) for p in parts]
    current = await greetings.policy(uow, actor)
    chosen = replace(current, postal_lead_days=days[0],
                     message_lead_days=days[1] if len(days) > 1 else current.message_lead_days)
    return await greetings.set_policy(uow, actor, chosen, now)


async def greeting_policy(uow: RosterUow, actor: User) -> GreetingPolicy | None:
    """The team's greeting lead days to show; None when the actor has no team of their own."""
    if actor.team_id is None:
        return None
    return await greetings.policy(uow, actor)
