"""The digest's read side: aggregate queries over every feature's tables, a fixed number of
statements per team whatever its size (GROUP BY rep, never a query per rep or prospect)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sales.digests.model import (
    ATTENTION_LATE_SHOWN,
    OVERDUE_ATTENTION_DAYS,
    UNANSWERED_AFTER,
    BigQuote,
    DayFacts,
    DigestSettings,
    FollowUpLate,
    ReferralDay,
    WeekFacts,
)
from sales.greetings.model import CardStatus
from sales.prospects.model import OPEN_STAGES, Method, Stage
from sales.referrals.model import RewardStatus
from sales.visits.model import Channel, Outcome
from storage.digests.tables import DigestSettingsRow
from storage.greetings.tables import GreetingCardRow
from storage.prospects.tables import ProspectEventRow, ProspectRow
from storage.referrals.tables import AskRow, LinkRow, RewardRow
from storage.visits.tables import FollowUpRow, VisitRow

OPEN = "open"
OPEN_STAGE_VALUES = [s.value for s in OPEN_STAGES]


def to_settings(row: DigestSettingsRow) -> DigestSettings:
    """Row -> domain settings (dates stored as ISO strings in JSON)."""
    return DigestSettings(
        row.team_id, frozenset(date.fromisoformat(d) for d in row.extra_workdays),
        frozenset(date.fromisoformat(d) for d in row.days_off), row.report_weekday,
        row.stale_days, Decimal(row.big_quote))


def _by_rep(rows: Sequence[Any]) -> dict[int, int]:
    """(rep id, count) rows as a map."""
    return {int(rep): int(n) for rep, n in rows if rep is not None}


class DigestRepo:
    """Implements `sales.digests.ports.DigestRepo`; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self.s = session

    async def settings(self, team_id: int) -> DigestSettings | None:
        row = await self.s.get(DigestSettingsRow, team_id)
        return to_settings(row) if row else None

    async def all_settings(self) -> list[DigestSettings]:
        return [to_settings(r) for r in await self.s.scalars(select(DigestSettingsRow))]

    async def save_settings(self, settings: DigestSettings) -> None:
        """Insert or replace the team's row."""
        row = await self.s.get(DigestSettingsRow, settings.team_id)
        if row is None:
            row = DigestSettingsRow(team_id=settings.team_id)
            self.s.add(row)
        row.extra_workdays = sorted(d.isoformat() for d in settings.extra_workdays)
        row.days_off = sorted(d.isoformat() for d in settings.days_off)
        row.report_weekday = settings.report_weekday
        row.stale_days = settings.stale_days
        row.big_quote = settings.big_quote
        await self.s.flush()

    async def _count(self, key: Any, *where: ColumnElement[bool]) -> dict[int, int]:
        """COUNT(*) per `key` (a rep id column) under the conditions: one statement."""
        rows = await self.s.execute(select(key, func.count()).where(*where).group_by(key))
        return _by_rep(rows.all())

    async def day_facts(self, team_id: int, day: date, start: datetime, end: datetime,
                        now: datetime, settings: DigestSettings) -> DayFacts:
        """Fourteen aggregate statements for the whole team."""
        visits, contacts = await self._contacts(team_id, day)
        fu = FollowUpRow
        cards = GreetingCardRow
        moment = func.coalesce(fu.snoozed_until, fu.due_at)
        return DayFacts(
            new_by_method=await self._new(team_id, start, end),
            visits=visits, contacts=contacts,
            follow_ups_done=await self._count(
                fu.owner_id, fu.team_id == team_id, fu.status == "done", fu.done_at >= start,
                fu.done_at < end),
            follow_ups_overdue=await self._count(
                fu.owner_id, fu.team_id == team_id, fu.status == OPEN, fu.due_on < day),
            unanswered=await self._count(
                fu.owner_id, fu.team_id == team_id, fu.status == OPEN, fu.due_at.is_not(None),
                moment >= start, moment < min(end, now - UNANSWERED_AFTER)),
            cards_due=await self._count(
                cards.owner_id, cards.team_id == team_id,
                cards.status == CardStatus.PLANNED.value, cards.remind_on <= day,
                cards.occasion_day >= day),
            cards_sent=await self._count(
                cards.owner_id, cards.team_id == team_id, cards.status == CardStatus.SENT.value,
                cards.marked_at >= start, cards.marked_at < end),
            conversions=await self._conversions(team_id, start, end),
            long_overdue=await self._long_overdue(team_id, day),
            big_quotes=await self._big_quotes(team_id, settings.big_quote),
            referrals=await self._referrals(team_id, day, start, end),
        )

    async def _referrals(self, team_id: int, day: date, start: datetime, end: datetime
                         ) -> dict[int, ReferralDay]:
        """Names asked for and received today, rewards owed and overdue now, per rep."""
        asked = await self._count(AskRow.rep_id, AskRow.team_id == team_id, AskRow.at >= start,
                                  AskRow.at < end)
        received = await self._count(LinkRow.created_by, LinkRow.team_id == team_id,
                                     LinkRow.created_at >= start, LinkRow.created_at < end)
        owed = RewardRow.status == RewardStatus.OWED.value
        rows = await self.s.execute(
            select(RewardRow.rep_id, func.count(),
                   func.sum(case((RewardRow.due_on < day, 1), else_=0)))
            .where(RewardRow.team_id == team_id, owed).group_by(RewardRow.rep_id))
        rewards = {int(rep): (int(n), int(late or 0)) for rep, n, late in rows}
        reps = {*asked, *received, *rewards}
        return {rep: ReferralDay(asked.get(rep, 0), received.get(rep, 0),
                                 *rewards.get(rep, (0, 0))) for rep in reps}

    async def _new(self, team_id: int, start: datetime, end: datetime
                   ) -> dict[int, dict[Method, int]]:
        """New prospects per rep (who added them) and method."""
        p = ProspectRow
        rows = await self.s.execute(
            select(p.created_by, p.method, func.count())
            .where(p.team_id == team_id, p.created_at >= start, p.created_at < end,
                   p.created_by.is_not(None))
            .group_by(p.created_by, p.method))
        found: dict[int, dict[Method, int]] = {}
        for rep, method, n in rows:
            found.setdefault(int(rep or 0), {})[Method(method)] = int(n)
        return found

    async def _contacts(self, team_id: int, day: date) -> tuple[dict[int, int], dict[int, int]]:
        """Contacts recorded for the day per rep: in-person visits, and all channels."""
        rows = await self.s.execute(
            select(VisitRow.rep_id, VisitRow.channel, func.count())
            .where(VisitRow.team_id == team_id, VisitRow.happened_on == day)
            .group_by(VisitRow.rep_id, VisitRow.channel))
        visits: dict[int, int] = {}
        contacts: dict[int, int] = {}
        for rep, channel, n in rows:
            contacts[rep] = contacts.get(rep, 0) + int(n)
            if channel == Channel.VISIT.value:
                visits[rep] = visits.get(rep, 0) + int(n)
        return visits, contacts

    async def _conversions(self, team_id: int, start: datetime, end: datetime
                           ) -> dict[int, int]:
        """Prospects moved to "won" in the span, per owner."""
        e, p = ProspectEventRow, ProspectRow
        rows = await self.s.execute(
            select(p.owner_id, func.count(func.distinct(e.prospect_id)))
            .join(p, p.id == e.prospect_id)
            .where(p.team_id == team_id, e.kind == "stage", e.new == "won", e.at >= start,
                   e.at < end)
            .group_by(p.owner_id))
        return _by_rep(rows.all())

    async def _long_overdue(self, team_id: int, day: date) -> tuple[FollowUpLate, ...]:
        """The oldest open follow-ups overdue by more than the attention threshold."""
        fu = FollowUpRow
        rows = await self.s.execute(
            select(fu.prospect_id, ProspectRow.name, fu.owner_id, fu.due_on)
            .join(ProspectRow, ProspectRow.id == fu.prospect_id)
            .where(fu.team_id == team_id, fu.status == OPEN,
                   fu.due_on < day - timedelta(days=OVERDUE_ATTENTION_DAYS))
            .order_by(fu.due_on, fu.id).limit(ATTENTION_LATE_SHOWN))
        return tuple(FollowUpLate(*r) for r in rows)

    async def _big_quotes(self, team_id: int, big: Decimal) -> tuple[BigQuote, ...]:
        """Open prospects quoted at least `big` that have no open follow-up."""
        v, p, fu = VisitRow, ProspectRow, FollowUpRow
        planned = exists().where(fu.prospect_id == p.id, fu.status == OPEN)
        top = func.max(v.amount)
        rows = await self.s.execute(
            select(p.id, p.name, p.owner_id, top, func.max(v.currency))
            .join(p, p.id == v.prospect_id)
            .where(v.team_id == team_id, v.outcome == Outcome.QUOTED.value, v.amount >= big,
                   p.stage.in_(OPEN_STAGE_VALUES), ~planned)
            .group_by(p.id, p.name, p.owner_id).order_by(top.desc(), p.id)
            .limit(ATTENTION_LATE_SHOWN))
        return tuple(BigQuote(i, n, o, Decimal(a or 0), c) for i, n, o, a, c in rows)

    async def week_facts(self, team_id: int, first: date, last: date, year_ago: date
                         ) -> WeekFacts:
        """Three statements: contacts per rep and day, direct-mail prospects, greeted ones."""
        v, p, c = VisitRow, ProspectRow, GreetingCardRow
        rows = await self.s.execute(
            select(v.rep_id, v.happened_on, func.count())
            .where(v.team_id == team_id, v.happened_on >= first, v.happened_on <= last)
            .group_by(v.rep_id, v.happened_on))
        activity = {(int(rep), d): int(n) for rep, d, n in rows}
        enrolled = and_(p.team_id == team_id, p.direct_mail.is_(True),
                        p.do_not_contact.is_(False))
        mail = await self._count(p.owner_id, enrolled)
        greeted = _by_rep((await self.s.execute(
            select(p.owner_id, func.count(func.distinct(c.prospect_id)))
            .join(p, p.id == c.prospect_id)
            .where(enrolled, c.status == CardStatus.SENT.value, c.occasion_day >= year_ago)
            .group_by(p.owner_id))).all())
        return WeekFacts(activity, {rep: (n, greeted.get(rep, 0)) for rep, n in mail.items()},
                         await self._referral_yield(team_id, year_ago))

    async def _referral_yield(self, team_id: int, since: date) -> dict[int, tuple[int, int]]:
        """Names each rep received since `since`, and how many of those were won."""
        p = ProspectRow
        rows = await self.s.execute(
            select(LinkRow.created_by, func.count(),
                   func.sum(case((p.stage == Stage.WON.value, 1), else_=0)))
            .join(p, p.id == LinkRow.prospect_id)
            .where(LinkRow.team_id == team_id,
                   LinkRow.created_at >= datetime.combine(since, time(0), UTC))
            .group_by(LinkRow.created_by))
        return {int(rep): (int(n), int(won or 0)) for rep, n, won in rows if rep is not None}
