"""The daily digest and the weekly report: who may see which, what is due, and the numbers.

Reading one team's digest takes a fixed number of statements: members, settings, the counted
facts (`DigestRepo.day_facts`, aggregate queries) and the team's prospects (priority, funnel and
staleness are computed from that one list)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date, datetime, timedelta
from typing import Any

from sales.digests import rules
from sales.digests.model import DayFacts, Digest, DigestSettings, DueDigest, RepDay, Report
from sales.digests.ports import DigestsUow
from sales.kernel.clock import local_today
from sales.kernel.errors import Refused
from sales.outbox.model import OutMessage
from sales.people import rules as people
from sales.people.model import AuditEntry, Role, Team, User
from sales.prospects.model import Method, Prospect, Stage

WEEK = 7
YEAR = 365


async def settings_of(uow: DigestsUow, team_id: int) -> DigestSettings:
    """The team's digest settings, or the defaults."""
    return await uow.digests.settings(team_id) or DigestSettings(team_id)


async def _reps(uow: DigestsUow, team: Team) -> list[User]:
    """The team's active reps and managers, reps first, by name (one statement)."""
    members = [m.user for m in await uow.users.members(team.id)
               if m.user.active and m.user.role is not Role.ADMIN]
    return sorted(members, key=lambda u: (u.role is not Role.REP, u.display_name, u.id))


async def build(uow: DigestsUow, team: Team, day: date, now: datetime,
                only: User | None = None) -> Digest:
    """The team's day (or only one rep's line and prospects, for a rep asking)."""
    settings = await settings_of(uow, team.id)
    start, end = rules.day_span(day, team.timezone)
    facts = await uow.digests.day_facts(team.id, day, start, end, now, settings)
    members = await _reps(uow, team)
    prospects = await uow.prospects.of_team(team.id)
    if only is not None:
        members = [u for u in members if u.id == only.id]
        prospects = [p for p in prospects if p.owner_id == only.id]
    reps = _shown(members, facts)
    stale = rules.stale_by_owner(prospects, day, team.timezone, settings.stale_days)
    lines = rules.rep_days(reps, team, facts, stale)
    names = {u.id: u.display_name for u in members}
    return Digest(team, day, lines, rules.funnel(prospects),
                  sum(facts.conversions.get(u.id, 0) for u in reps),
                  rules.top_prospects(prospects, names, day, team.timezone),
                  rules.attention(lines, facts, day), "rep" if only else "team")


def _shown(members: Sequence[User], facts: DayFacts) -> list[User]:
    """Reps always; managers only on a day they recorded something themselves."""
    busy = {*facts.new_by_method, *facts.contacts, *facts.follow_ups_done, *facts.cards_sent}
    return [u for u in members if u.role is Role.REP or u.id in busy]


async def for_actor(uow: DigestsUow, actor: User | None, team: Team | None, day: date,
                    now: datetime) -> Digest:
    """On demand: a team's manager (or an admin) gets the team; its rep only their own line;
    anyone else nothing (refused)."""
    if team is None:
        raise Refused("digest-no-team")
    if actor is None:
        raise Refused("digest-not-allowed")
    if people.can_lead(actor, team.id):
        return await build(uow, team, day, now)
    if actor.team_id == team.id:
        return await build(uow, team, day, now, only=actor)
    raise Refused("digest-not-allowed")


def may_ask(actor: User | None, team: Team | None) -> bool:
    """In a group: only the bound team's members and managers (or admins) get an answer."""
    return actor is not None and team is not None and (
        people.can_lead(actor, team.id) or actor.team_id == team.id)


async def report_for(uow: DigestsUow, actor: User | None, team: Team | None, now: datetime
                     ) -> Report:
    """On demand: the week up to the team's today, for its managers (or an admin) only."""
    if team is None:
        raise Refused("digest-no-team")
    if not people.can_lead(actor, team.id):
        raise Refused("digest-not-allowed")
    return await report(uow, team, local_today(team.timezone, now))


async def team_of(uow: DigestsUow, actor: User | None, chat_id: int | None) -> Team | None:
    """The team a /digest is about: the group's bound team, else the asker's own team."""
    if chat_id is not None:
        return await uow.teams.by_chat(chat_id)
    if actor is None or actor.team_id is None:
        return None
    return await uow.teams.get(actor.team_id)


def asked_day(text: str | None, team: Team | None, now: datetime, default_tz: str) -> date:
    """`/digest` means the team's today; `/digest 2026-12-01` that day (not in the future)."""
    today = local_today(team.timezone if team else default_tz, now)
    if not text or not text.strip():
        return today
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise Refused("digest-bad-date", value=text.strip()) from None
    if day > today:
        raise Refused("digest-future", value=day.isoformat())
    return day


async def due(uow: DigestsUow, now: datetime) -> list[DueDigest]:
    """Teams with a bound chat whose digest moment has passed on recent working days (newest
    first per team); the scanner sends those not sent yet."""
    found = []
    settings = {s.team_id: s for s in await uow.digests.all_settings()}
    for team in await uow.teams.list():
        if team.digest_chat_id is None:
            continue
        mine = settings.get(team.id, DigestSettings(team.id))
        found += [DueDigest(team, day, mine) for day in rules.due_days(team, mine, now)]
    return found


async def reports_due(uow: DigestsUow, now: datetime) -> list[DueDigest]:
    """Teams with a bound chat whose weekly report day has come (after digest time)."""
    settings = {s.team_id: s for s in await uow.digests.all_settings()}
    found = []
    for team in await uow.teams.list():
        mine = settings.get(team.id, DigestSettings(team.id))
        day = rules.report_due(team, mine, now)
        if team.digest_chat_id is not None and day is not None:
            found.append(DueDigest(team, day, mine))
    return found


def to_send(candidates: Sequence[date], sent: set[date]) -> list[date]:
    """Oldest first: the unsent days after the newest sent one; when none was ever sent (a
    chat bound just now), only the newest day, so binding does not replay old digests."""
    unsent = []
    for day in sorted(candidates, reverse=True):
        if day in sent:
            break
        unsent.append(day)
    else:
        unsent = unsent[:1]
    return sorted(unsent)


async def send(uow: DigestsUow, messages: Sequence[OutMessage], now: datetime) -> int:
    """Enqueue a digest's messages (or a report's album) together, once: unique keys."""
    created = 0
    for msg in messages:
        created += await uow.outbox.enqueue(msg, now)
    await uow.commit()
    return created


async def report(uow: DigestsUow, team: Team, last: date) -> Report:
    """The week ending on `last` (seven local days) for the charts."""
    first = last - timedelta(days=WEEK - 1)
    facts = await uow.digests.week_facts(team.id, first, last, last - timedelta(days=YEAR))
    reps = [u for u in await _reps(uow, team) if u.role is Role.REP]
    prospects = await uow.prospects.of_team(team.id)
    start, _ = rules.day_span(first, team.timezone)
    _, end = rules.day_span(last, team.timezone)
    new = [p for p in prospects if start <= p.created_at < end]
    return Report(team, first, last, tuple(reps), rules.funnel(prospects), facts.activity,
                  _by_method(prospects), facts.cards, facts.referrals,
                  len(new), sum(facts.activity.values()),
                  sum(p.card.stage is Stage.WON for p in new))


def _by_method(prospects: Sequence[Prospect]) -> tuple[tuple[Method, int, int], ...]:
    """(method, prospects, won) for each method used, most used first."""
    counts: dict[Method, list[int]] = {}
    for p in prospects:
        row = counts.setdefault(p.card.method, [0, 0])
        row[0] += 1
        row[1] += p.card.stage is Stage.WON
    return tuple(sorted(((m, n, w) for m, (n, w) in counts.items()), key=lambda r: -r[1]))


async def save_settings(uow: DigestsUow, actor: User | None, settings: DigestSettings,
                        now: datetime) -> DigestSettings:
    """A team's managers (or an admin) change working days, the report day, stale days."""
    if not people.can_lead(actor, settings.team_id):
        raise Refused("digest-not-allowed")
    if settings.stale_days < 1 or (settings.report_weekday is not None
                                   and not 0 <= settings.report_weekday <= 6):
        raise Refused("digest-bad-settings")
    await uow.digests.save_settings(settings)
    await uow.audit.add(AuditEntry(now, actor.id if actor else None, "digest.settings", "team",
                                   settings.team_id))
    await uow.commit()
    return settings


async def follow_migration(uow: DigestsUow, old_chat: int, new_chat: int, now: datetime
                           ) -> Team | None:
    """A group became a supergroup: its team's digest follows it to the new chat id."""
    team = await uow.teams.by_chat(old_chat)
    if team is None or old_chat == new_chat:
        return None
    await uow.teams.set_digest_chat(team.id, new_chat)
    await uow.audit.add(AuditEntry(now, None, "team.chat_migrated", "team", team.id,
                                   {"from": old_chat, "to": new_chat}))
    await uow.commit()
    return replace(team, digest_chat_id=new_chat)


def rep_line(digest: Digest, rep_id: int) -> RepDay | None:
    """One rep's line of a digest (tests and the CLI)."""
    return next((r for r in digest.reps if r.rep_id == rep_id), None)


def as_data(digest: Digest) -> dict[str, Any]:
    """The digest as plain JSON-safe data (the CLI's --json)."""
    return {
        "team": digest.team.name, "date": digest.day.isoformat(), "scope": digest.scope,
        "reps": [_line_data(r) for r in digest.reps],
        "totals": _line_data(digest.totals),
        "funnel": {s.value: n for s, n in digest.funnel}, "conversions": digest.conversions,
        "top": [{"prospect_id": p.prospect_id, "name": p.name, "owner": p.owner,
                 "stage": p.stage.value, "priority": p.score} for p in digest.top],
        "attention": [{"kind": a.kind.value, "who": a.who, "prospect": a.name or None,
                       "prospect_id": a.prospect_id, "days": a.days, "count": a.count,
                       "amount": a.amount or None} for a in digest.attention],
    }


def _line_data(r: RepDay) -> dict[str, Any]:
    """One rep's (or the team's) line as plain data."""
    data: dict[str, Any] = {
        "rep_id": r.rep_id or None, "name": r.name or None,
        "new_prospects": r.new_prospects, "target": r.target,
        "new_by_method": {m.value: n for m, n in r.new_by_method}, "visits": r.visits,
        "contacts": r.contacts, "follow_ups_done": r.follow_ups_done,
        "follow_ups_overdue": r.follow_ups_overdue, "stale": r.stale,
        "cards_due": r.cards_due, "cards_sent": r.cards_sent}
    if r.referrals is not None:
        data["referrals"] = asdict(r.referrals)
    return data
