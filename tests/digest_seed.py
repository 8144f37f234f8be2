"""Seeded facts for digest tests: a Shanghai team whose reps did known things around one day,
and the expected numbers counted here, from the seed itself (never from the digest's queries).

The day is Monday 2026-11-23 in Asia/Shanghai (UTC+8): its digest is due at 19:00 local, 11:00
UTC. Times near local midnight check that "today" is the team's day, not UTC's."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sales.digests.model import ReferralDay
from sales.greetings.model import CardStatus, NewCard, OccasionKind
from sales.people.model import NewTeam, NewUser, Role, Team, User
from sales.prospects.events import ProspectEvent
from sales.prospects.model import GreetingChannel, Kind, Method, ProspectDraft, Stage
from sales.referrals.model import AskAnswer, Link, RewardKind, Source, Terms
from sales.uow import UnitOfWork, UowFactory
from sales.visits.model import Channel, NextStep, Outcome, VisitDraft

DAY = date(2026, 11, 23)
TZ = "Asia/Shanghai"
DIGEST_AT = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)  # 19:00 in Shanghai
MORNING = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 local
JUST_AFTER_MIDNIGHT = datetime(2026, 11, 22, 16, 30, tzinfo=UTC)  # 00:30 local on the day
JUST_BEFORE_MIDNIGHT = datetime(2026, 11, 22, 15, 30, tzinfo=UTC)  # 23:30 local the day before
LONG_AGO = datetime(2026, 10, 1, 2, 0, tzinfo=UTC)
METHODS = (Method.TELEPHONE, Method.COLD_CANVASS, Method.REFERRAL)


@dataclass
class Expected:
    """What each rep's line must say, counted while seeding."""

    new: Counter[int] = field(default_factory=Counter)
    by_method: dict[int, Counter[Method]] = field(default_factory=dict)
    visits: Counter[int] = field(default_factory=Counter)
    contacts: Counter[int] = field(default_factory=Counter)
    done: Counter[int] = field(default_factory=Counter)
    overdue: Counter[int] = field(default_factory=Counter)
    unanswered: Counter[int] = field(default_factory=Counter)
    long_overdue: set[str] = field(default_factory=set)
    stale: Counter[int] = field(default_factory=Counter)
    cards_due: Counter[int] = field(default_factory=Counter)
    cards_sent: Counter[int] = field(default_factory=Counter)
    won: int = 0
    stages: Counter[Stage] = field(default_factory=Counter)
    big_quotes: set[str] = field(default_factory=set)
    idle: set[str] = field(default_factory=set)
    referrals: dict[int, ReferralDay] = field(default_factory=dict)


@dataclass
class Seeded:
    team: Team
    manager: User
    reps: list[User]
    expected: Expected


def _card(name: str, method: Method, stage: Stage = Stage.NEW, mail: bool = False
          ) -> ProspectDraft:
    return ProspectDraft(Kind.INDIVIDUAL, name, method, stage=stage, direct_mail=mail,
                         address="上海市" if mail else None)


async def team_with_reps(uow: UnitOfWork, reps: int, name: str = "North",
                         tg_base: int = 1000) -> tuple[Team, User, list[User]]:
    """A CN team in Shanghai with a manager and `reps` reps (no activity yet)."""
    team = await uow.teams.add(NewTeam(name, TZ, "CN", "en"), LONG_AGO)
    manager = await uow.users.add(NewUser(tg_base, f"Boss {name}", Role.MANAGER, team.id),
                                  LONG_AGO)
    users = [await uow.users.add(NewUser(tg_base + 1 + i, f"Rep{i:02d} <b>&", Role.REP,
                                         team.id), LONG_AGO) for i in range(reps)]
    await uow.commit()
    return team, manager, users


async def seed(uows: UowFactory, reps: int = 2, name: str = "North", tg_base: int = 1000
               ) -> Seeded:
    """The team, and for rep i a pattern of facts that depends on i (so reps differ)."""
    async with uows() as uow:
        team, manager, users = await team_with_reps(uow, reps, name, tg_base)
        exp = Expected()
        for i, rep in enumerate(users):
            exp.by_method[rep.id] = Counter()
            await _rep_facts(uow, team, rep, i, exp)
        await uow.commit()
    return Seeded(team, manager, users, exp)


async def _rep_facts(uow: UnitOfWork, team: Team, rep: User, i: int, exp: Expected) -> None:
    """Everything rep i did; every counted fact is added to `exp` right here."""
    await _old_prospects(uow, team, rep, i, exp)
    if i % 5 == 4:  # every fifth rep did nothing today
        exp.idle.add(rep.display_name)
        return
    await _new_prospects(uow, team, rep, i, exp)
    await _contacts(uow, team, rep, i, exp)
    await _cards(uow, team, rep, i, exp)


async def _new_prospects(uow: UnitOfWork, team: Team, rep: User, i: int, exp: Expected
                         ) -> None:
    """i % 3 prospects today (methods in turn), one at 00:30 local; one the evening before."""
    for k in range(i % 3):
        method = METHODS[k % len(METHODS)]
        at = JUST_AFTER_MIDNIGHT if k == 0 else MORNING
        await uow.prospects.add(team.id, rep.id, rep.id, _card(f"新客{i}-{k}", method), at)
        exp.new[rep.id] += 1
        exp.by_method[rep.id][method] += 1
        exp.stages[Stage.NEW] += 1
    await uow.prospects.add(team.id, rep.id, rep.id, _card(f"昨日{i}", Method.TELEPHONE),
                            JUST_BEFORE_MIDNIGHT)
    exp.stages[Stage.NEW] += 1


async def _old_prospects(uow: UnitOfWork, team: Team, rep: User, i: int, exp: Expected
                         ) -> None:
    """i % 4 stale ones (last contact 20 days ago), one fresh, one lost and long untouched."""
    for k in range(i % 4):
        p = await uow.prospects.add(team.id, rep.id, rep.id,
                                    _card(f"老客{i}-{k}", Method.RECORDS, Stage.QUALIFIED),
                                    LONG_AGO)
        await uow.prospects.touch(p.id, DAY - timedelta(days=20))
        exp.stale[rep.id] += 1
        exp.stages[Stage.QUALIFIED] += 1
    fresh = await uow.prospects.add(team.id, rep.id, rep.id,
                                    _card(f"熟客{i}", Method.RECORDS, Stage.MET), LONG_AGO)
    await uow.prospects.touch(fresh.id, DAY - timedelta(days=2))
    await uow.prospects.add(team.id, rep.id, rep.id, _card(f"流失{i}", Method.RECORDS,
                                                          Stage.LOST), LONG_AGO)
    exp.stages[Stage.MET] += 1
    exp.stages[Stage.LOST] += 1


async def _contacts(uow: UnitOfWork, team: Team, rep: User, i: int, exp: Expected) -> None:
    """Visits and calls today, one yesterday, follow-ups done/overdue, a win, a big quote."""
    p = await uow.prospects.add(team.id, rep.id, rep.id,
                                _card(f"拜访{i}", Method.EXHIBITION, Stage.APPOINTMENT),
                                LONG_AGO)
    await uow.prospects.touch(p.id, DAY)
    exp.stages[Stage.APPOINTMENT] += 1
    for k in range(i % 2 + 1):
        await uow.visits.add(rep.id, team.id, VisitDraft(p.id, Channel.VISIT, DAY,
                                                         Outcome.INTERESTED), MORNING)
        exp.visits[rep.id] += 1
        exp.contacts[rep.id] += 1
        del k
    await uow.visits.add(rep.id, team.id, VisitDraft(p.id, Channel.CALL, DAY, Outcome.NO_ANSWER),
                         MORNING)
    exp.contacts[rep.id] += 1
    await uow.visits.add(rep.id, team.id, VisitDraft(p.id, Channel.VISIT, DAY - timedelta(1),
                                                     Outcome.INTERESTED), MORNING)
    await _follow_ups(uow, rep, i, p, exp)
    if i == 0:
        await _win_and_quote(uow, team, rep, exp)
        await _referrals(uow, team, rep, p.id, exp)


async def _referrals(uow: UnitOfWork, team: Team, rep: User, source_id: int, exp: Expected
                     ) -> None:
    """Rep 0 asked for names today and got one; a reward of an older referral is overdue."""
    await uow.referrals.add_ask(team.id, source_id, rep.id, AskAnswer.GIVEN, MORNING, None)
    named = await uow.prospects.add(team.id, rep.id, rep.id, _card("引荐来的", Method.REFERRAL),
                                    MORNING)
    await uow.referrals.link(team.id, Link(named.id, Source(prospect_id=source_id)), rep.id,
                             MORNING)
    exp.new[rep.id] += 1
    exp.by_method[rep.id][Method.REFERRAL] += 1
    exp.stages[Stage.NEW] += 1
    old = await uow.prospects.add(team.id, rep.id, rep.id,
                                  _card("老引荐", Method.REFERRAL, Stage.WON), LONG_AGO)
    await uow.referrals.promise(team.id, old.id, Source(prospect_id=source_id), rep.id,
                                Terms(RewardKind.GIFT, gift="茶叶"), LONG_AGO)
    await uow.referrals.mark_owed(old.id, LONG_AGO, DAY - timedelta(days=2))
    exp.stages[Stage.WON] += 1
    exp.referrals[rep.id] = ReferralDay(asked=1, received=1, rewards_owed=1, rewards_overdue=1)


async def _follow_ups(uow: UnitOfWork, rep: User, i: int, p: object, exp: Expected) -> None:
    from sales.prospects.model import Prospect
    assert isinstance(p, Prospect)
    await uow.follow_ups.add(p, rep.id, NextStep(DAY - timedelta(days=1), "call"), None, None,
                             LONG_AGO)
    exp.overdue[rep.id] += 1
    if i % 2 == 0:
        await uow.follow_ups.add(p, rep.id, NextStep(DAY - timedelta(days=5), "visit"), None,
                                 None, LONG_AGO)
        exp.overdue[rep.id] += 1
        exp.long_overdue.add(p.card.name)
    if i % 3 == 1:  # a follow-up closed today by the visit: both above become done
        await uow.follow_ups.close_open(p.id, MORNING)
        exp.done[rep.id] += exp.overdue[rep.id]
        exp.overdue[rep.id] = 0
        exp.long_overdue.discard(p.card.name)
        reminder = NextStep(DAY, "call back", time(9, 0))  # pushed at 09:00, still open
        await uow.follow_ups.add(p, rep.id, reminder, at_local(DAY, 9), None, LONG_AGO)
        exp.unanswered[rep.id] += 1


async def _win_and_quote(uow: UnitOfWork, team: Team, rep: User, exp: Expected) -> None:
    """Rep 0 won a deal today and left a big quote with no next step."""
    won = await uow.prospects.add(team.id, rep.id, rep.id,
                                  _card("成交<客户>", Method.REFERRAL, Stage.WON), LONG_AGO)
    await uow.prospects.add_event(ProspectEvent(won.id, MORNING, rep.id, "stage", "stage",
                                                "met", "won"))
    exp.won += 1
    exp.stages[Stage.WON] += 1
    big = await uow.prospects.add(team.id, rep.id, rep.id,
                                  _card("大单 & Co", Method.EXHIBITION, Stage.MET), LONG_AGO)
    await uow.prospects.touch(big.id, DAY)
    await uow.visits.add(rep.id, team.id, VisitDraft(big.id, Channel.VISIT, DAY - timedelta(2),
                                                     Outcome.QUOTED, Decimal("250000"), "CNY"),
                         MORNING)
    exp.stages[Stage.MET] += 1
    exp.big_quotes.add("大单 & Co")


async def _cards(uow: UnitOfWork, team: Team, rep: User, i: int, exp: Expected) -> None:
    """A card due (reminded, occasion ahead), one sent today; one planned for later."""
    p = await uow.prospects.add(team.id, rep.id, rep.id,
                                _card(f"贺卡{i}", Method.DIRECT_MAIL, Stage.QUALIFIED, True),
                                LONG_AGO)
    await uow.prospects.touch(p.id, DAY - timedelta(days=1))
    exp.stages[Stage.QUALIFIED] += 1
    cards = [_new_card(team, rep, p.id, "public:a", DAY + timedelta(3), DAY - timedelta(4)),
             _new_card(team, rep, p.id, "public:b", DAY + timedelta(1), DAY - timedelta(6)),
             _new_card(team, rep, p.id, "public:c", DAY + timedelta(40), DAY + timedelta(33))]
    await uow.greetings.add_cards(cards, LONG_AGO)
    stored = {c.occasion_key: c for c in await uow.greetings.of_prospect(p.id)}
    await uow.greetings.mark(stored["public:b"].id, CardStatus.SENT, MORNING)
    exp.cards_due[rep.id] += 1
    exp.cards_sent[rep.id] += 1
    del i


def _new_card(team: Team, rep: User, pid: int, key: str, day: date, remind: date) -> NewCard:
    return NewCard(team.id, pid, "x", "上海市", None, rep.id, key, OccasionKind.PUBLIC, key, day,
                   GreetingChannel.POSTAL, "zh", 0, "text", remind)


def at_local(day: date, hh: int, mm: int = 0) -> datetime:
    """A Shanghai wall time as aware UTC."""
    from sales.kernel.clock import due_at
    return due_at(day, time(hh, mm), TZ)
