"""Referrals on SQLite and PostgreSQL, through the use cases: names to linked prospects (the
same duplicate check), asks, chains, rewards exactly once, ledgers against SQL, scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from sales.kernel.errors import Refused
from sales.outbox.model import OutMessage
from sales.people import use_cases as teams
from sales.people.model import NewTeam, Role, User
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft, Stage
from sales.referrals import use_cases as referrals
from sales.referrals.model import (
    AskAnswer,
    NameGiven,
    PaidHow,
    RewardKind,
    RewardStatus,
    Source,
    Trade,
)
from sales.uow import UowFactory
from sales.visits import use_cases as visits
from sales.visits.model import Channel, Outcome, VisitDraft
from tests.storage.test_repos import run

TZ = "Asia/Shanghai"


@dataclass
class Team:
    rep: User
    mate: User
    boss: User


async def _team(f: UowFactory, now: datetime) -> Team:
    """Two reps and their manager in team North (CN, Shanghai)."""
    team = await run(f, teams.create_team, None, NewTeam("North", TZ, "CN", "zh"), now)
    users = []
    for tg, role in ((1, Role.REP), (2, Role.REP), (3, Role.MANAGER)):
        invite = await run(f, teams.create_invite, None, team.id, role, now)
        users.append(await run(f, teams.accept_invite, invite.token, tg, f"U{tg}", now))
    return Team(*users)


async def _prospect(f: UowFactory, who: User, name: str, now: datetime,
                    stage: Stage = Stage.NEW, phone: str | None = None) -> int:
    p = await run(f, prospecting.create, who,
                  ProspectDraft(Kind.INDIVIDUAL, name, Method.COLD_CANVASS, phone=phone,
                                stage=stage), now, TZ)
    return p.id


async def _name(f: UowFactory, who: User, source: Source, name: str, now: datetime,
                phone: str | None = None, link_to: int | None = None) -> tuple[int, bool]:
    return await run(f, referrals.add_name, who, source, NameGiven(name, phone, "neighbour"),
                     now, TZ, link_to)


async def _win(f: UowFactory, who: User, prospect_id: int, now: datetime,
               amount: str | None = None) -> None:
    """A quote (the value) then a won visit that moves the stage to won."""
    day = now.date()
    if amount is not None:
        await run(f, visits.record, who, VisitDraft(prospect_id, Channel.VISIT, day,
                                                    Outcome.QUOTED, Decimal(amount), "CNY"),
                  now, TZ)
    await run(f, visits.record, who, VisitDraft(prospect_id, Channel.VISIT, day, Outcome.WON),
              now, TZ, stage=Stage.WON)


async def test_names_become_linked_prospects_with_the_right_method(
        uow_factory: UowFactory, now: datetime) -> None:
    t = await _team(uow_factory, now)
    customer = await _prospect(uow_factory, t.rep, "Zhao Customer", now, Stage.WON)
    prospect = await _prospect(uow_factory, t.rep, "Qian Prospect", now)
    agent = await run(uow_factory, referrals.add_contact, t.rep, "Loan Officer Sun",
                      Trade.LOAN_OFFICER, "13900001111", now)
    got = {}
    for label, source in (("a", Source(prospect_id=customer)), ("b", Source(prospect_id=prospect)),
                          ("c", Source(contact_id=agent.id))):
        got[label], created = await _name(uow_factory, t.rep, source, f"Name {label}", now)
        assert created
    async with uow_factory() as uow:
        methods = {k: (await uow.prospects.get(v)).card.method for k, v in got.items()}  # type: ignore[union-attr]
        rewards = await uow.referrals.rewards(t.rep.team_id or 0)
    assert methods == {"a": Method.REFERRAL, "b": Method.SNOWBALL, "c": Method.AGENT}
    assert [r.status for r in rewards] == [RewardStatus.PROMISED] * 3
    assert rewards[2].source == Source(contact_id=agent.id)
    assert rewards[2].source_name == "Loan Officer Sun"


async def test_duplicates_among_names_are_linked_not_created_twice(
        uow_factory: UowFactory, now: datetime) -> None:
    t = await _team(uow_factory, now)
    customer = await _prospect(uow_factory, t.rep, "Zhao", now, Stage.WON)
    known = await _prospect(uow_factory, t.mate, "Li Na", now, phone="13812345678")
    src = Source(prospect_id=customer)
    first, created = await _name(uow_factory, t.rep, src, "Wang Wei", now, "13700001111")
    again, created_again = await _name(uow_factory, t.rep, src, "Wang W.", now, "137 0000 1111")
    linked, linked_created = await _name(uow_factory, t.rep, src, "Li Na", now, "+8613812345678")
    assert created and (again, created_again) == (first, False)
    assert (linked, linked_created) == (known, False)  # a teammate's, found team-wide
    async with uow_factory() as uow:
        names = [p.card.name for p in await uow.prospects.of_team(t.rep.team_id or 0)]
        links = await uow.referrals.links(t.rep.team_id or 0)
    assert names.count("Wang Wei") == 1 and "Wang W." not in names
    assert {ln.prospect_id for ln in links} == {first, known}
    # a similar name only is the rep's call: linked when picked, refused when not a match
    picked, made = await _name(uow_factory, t.rep, src, "Wang Wei", now, link_to=first)
    assert (picked, made) == (first, False)
    with pytest.raises(Refused, match="referrals-not-duplicate"):
        await _name(uow_factory, t.rep, src, "Zhou", now, link_to=known)
    with pytest.raises(Refused, match="prospect-bad-name"):
        await _name(uow_factory, t.rep, src, "123", now)


async def test_asking_none_quiet_later_reminds_once(uow_factory: UowFactory,
                                                     now: datetime) -> None:
    t = await _team(uow_factory, now)
    p = await _prospect(uow_factory, t.rep, "Zhao", now, Stage.WON)
    view = await run(uow_factory, referrals.asking, t.rep, p, now)
    assert view.may_ask and view.script.value == "chain"
    await run(uow_factory, referrals.answer, t.rep, p, AskAnswer.NONE, now)
    assert not (await run(uow_factory, referrals.asking, t.rep, p, now + timedelta(days=59))
                ).may_ask
    assert (await run(uow_factory, referrals.asking, t.rep, p, now + timedelta(days=60))).may_ask
    ask = await run(uow_factory, referrals.answer, t.rep, p, AskAnswer.LATER, now)
    assert await run(uow_factory, referrals.later_due, now + timedelta(days=2)) == []
    due = await run(uow_factory, referrals.later_due, now + timedelta(days=3))
    assert [a.id for a in due] == [ask.id] and due[0].prospect_name == "Zhao"
    msg = OutMessage(f"refask:{ask.id}", 1, "ask Zhao", "referral-ask", t.rep.id)
    await run(uow_factory, referrals.remind_later, due[0], msg, now + timedelta(days=3))
    assert await run(uow_factory, referrals.later_due, now + timedelta(days=4)) == []
    async with uow_factory() as uow:
        assert await uow.outbox.by_key(f"refask:{ask.id}") is not None
    with pytest.raises(Refused, match="prospect-not-found"):
        await run(uow_factory, referrals.answer, t.mate, p, AskAnswer.NONE, now)


async def test_reward_owed_exactly_once_when_won(uow_factory: UowFactory, now: datetime) -> None:
    t = await _team(uow_factory, now)
    a = await _prospect(uow_factory, t.rep, "Zhao", now, Stage.WON)
    b, _ = await _name(uow_factory, t.rep, Source(prospect_id=a), "Qian", now)
    assert await run(uow_factory, referrals.settle_won, now, TZ) == []
    await _win(uow_factory, t.rep, b, now, "8000")
    await _win(uow_factory, t.rep, b, now)  # the won visit recorded twice
    first = await run(uow_factory, referrals.settle_won, now, TZ)
    assert [(r.prospect_id, r.status) for r in first] == [(b, RewardStatus.OWED)]
    assert first[0].due_on == date(2026, 3, 5)  # 3 days after the local day (Shanghai)
    for stage in (Stage.MET, Stage.WON, Stage.LOST, Stage.WON):
        await run(uow_factory, prospecting.set_stage, t.rep, b, stage, now)
        assert await run(uow_factory, referrals.settle_won, now + timedelta(days=1), TZ) == []
    async with uow_factory() as uow:
        rewards = await uow.referrals.rewards(t.rep.team_id or 0)
    assert len(rewards) == 1 and rewards[0].owed_at == first[0].owed_at


async def test_typed_referrer_of_the_new_prospect_form_is_rewarded_too(
        uow_factory: UowFactory, now: datetime) -> None:
    t = await _team(uow_factory, now)
    a = await _prospect(uow_factory, t.rep, "Zhao", now, Stage.WON)
    b = await run(uow_factory, prospecting.create, t.rep,
                  ProspectDraft(Kind.INDIVIDUAL, "Qian", Method.REFERRAL, referred_by_id=a,
                                stage=Stage.WON), now, TZ)
    owed = await run(uow_factory, referrals.settle_won, now, TZ)
    assert [(r.prospect_id, r.source) for r in owed] == [(b.id, Source(prospect_id=a))]


async def test_policy_override_pay_decline_and_scope(uow_factory: UowFactory,
                                                     now: datetime) -> None:
    t = await _team(uow_factory, now)
    with pytest.raises(Refused, match="referrals-not-allowed"):
        await run(uow_factory, referrals.set_policy, t.rep, "200", now)
    with pytest.raises(Refused, match="referrals-bad-terms"):
        await run(uow_factory, referrals.set_policy, t.boss, "-5", now)
    policy = await run(uow_factory, referrals.set_policy, t.boss, "¥200", now, due_days=2)
    assert (policy.terms.amount, policy.terms.currency, policy.due_days) == (
        Decimal("200.00"), "CNY", 2)
    a = await _prospect(uow_factory, t.rep, "Zhao", now, Stage.WON)
    await _name(uow_factory, t.rep, Source(prospect_id=a), "Qian", now)
    await _name(uow_factory, t.rep, Source(prospect_id=a), "Sun", now)
    async with uow_factory() as uow:
        rb, rc = await uow.referrals.rewards(t.rep.team_id or 0)
    assert rb.terms.amount == Decimal("200.00")
    with pytest.raises(Refused, match="referrals-not-allowed"):
        await run(uow_factory, referrals.override, t.rep, rb.id, "500", now)
    gift = await run(uow_factory, referrals.override, t.boss, rb.id, "a tea set", now)
    assert gift.terms.kind is RewardKind.GIFT and gift.terms.gift == "a tea set"
    with pytest.raises(Refused, match="referrals-not-found"):
        await run(uow_factory, referrals.settle, t.mate, rb.id, PaidHow.CASH, now)
    paid = await run(uow_factory, referrals.settle, t.rep, rb.id, PaidHow.DINNER, now)
    assert paid.status is RewardStatus.PAID and paid.paid_how is PaidHow.DINNER
    with pytest.raises(Refused, match="referrals-settled"):
        await run(uow_factory, referrals.settle, t.rep, rb.id, PaidHow.CASH, now)
    declined = await run(uow_factory, referrals.settle, t.boss, rc.id, None, now)
    assert declined.status is RewardStatus.DECLINED
    with pytest.raises(Refused, match="referrals-not-allowed"):
        await run(uow_factory, referrals.ledger, t.rep, now.date(), t.mate.id)


async def test_forgotten_introducer_is_credited_with_the_same_rules(
        uow_factory: UowFactory, now: datetime) -> None:
    t = await _team(uow_factory, now)
    shop = await run(uow_factory, referrals.add_contact, t.rep, "Repair Shop Wu",
                     Trade.REPAIR_SHOP, None, now)
    won = await _prospect(uow_factory, t.rep, "Zhao", now, Stage.WON)
    reward = await run(uow_factory, referrals.credit, t.rep, won, Source(contact_id=shop.id),
                       now, TZ)
    assert reward.status is RewardStatus.OWED and reward.due_on == date(2026, 3, 5)
    with pytest.raises(Refused, match="referrals-already-credited"):
        await run(uow_factory, referrals.credit, t.rep, won, Source(contact_id=shop.id), now, TZ)
    assert await run(uow_factory, referrals.settle_won, now, TZ) == []
    with pytest.raises(Refused, match="referrals-not-found"):  # not the teammate's contact
        other = await _prospect(uow_factory, t.mate, "Li", now, Stage.WON)
        await run(uow_factory, referrals.credit, t.mate, other, Source(contact_id=shop.id),
                  now, TZ)
    ledger, _ = await run(uow_factory, referrals.ledger, t.rep, now.date(),
                          source=Source(contact_id=shop.id))
    assert ledger.count(RewardStatus.OWED) == 1


async def test_chain_three_levels_with_yield_and_masking(uow_factory: UowFactory,
                                                         now: datetime) -> None:
    t = await _team(uow_factory, now)
    a = await _prospect(uow_factory, t.rep, "Level0", now, Stage.WON)
    b, _ = await _name(uow_factory, t.rep, Source(prospect_id=a), "Level1", now)
    c, _ = await _name(uow_factory, t.rep, Source(prospect_id=b), "Level2", now)
    d, _ = await _name(uow_factory, t.rep, Source(prospect_id=c), "Level3", now)
    await _win(uow_factory, t.rep, c, now, "5000")
    await _win(uow_factory, t.rep, d, now, "1200.50")
    await run(uow_factory, prospecting.reassign, t.boss, d, t.mate.id, now)
    mine = await run(uow_factory, referrals.chain, t.rep, b)
    assert [(n.name, n.depth) for n in mine.above] == [("Level0", 1)]
    assert [(n.name, n.owner_name, n.depth) for n in mine.below] == [
        ("Level2", "U1", 1), (None, "U2", 2)]  # the teammate's: only the owner's name
    assert mine.below[1].prospect_id is None and mine.below[1].won_value == ()
    assert mine.won == 2 and mine.value == (("CNY", Decimal("6200.50")),)
    top = await run(uow_factory, referrals.chain, t.boss, d)
    assert [(n.name, n.depth) for n in top.above] == [("Level2", 1), ("Level1", 2), ("Level0", 3)]
    with pytest.raises(Refused, match="prospect-not-found"):
        await run(uow_factory, referrals.chain, t.mate, b)
    report = await run(uow_factory, referrals.report, t.boss, t.boss.team_id)
    assert [(y.name, y.referred, y.won, y.depth) for y in report.chains] == [
        ("Level0", 3, 2, 3)]
    assert (report.referred.total, report.referred.won) == (3, 2)
    assert (report.others.total, report.others.won) == (1, 1)
    assert report.best[0].name in ("Level1", "Level2")
    rep_view = await run(uow_factory, referrals.report, t.rep, t.rep.team_id)
    assert [(y.name, y.referred) for y in rep_view.chains] == [("Level0", 2)]


async def test_ledger_matches_an_independent_sql_count(uow_factory: UowFactory, engine: AsyncEngine,
                                                        now: datetime) -> None:
    t = await _team(uow_factory, now)
    await run(uow_factory, referrals.set_policy, t.boss, "100", now)
    a = await _prospect(uow_factory, t.rep, "Zhao", now, Stage.WON)
    ids = [(await _name(uow_factory, t.rep, Source(prospect_id=a), f"N{i}", now))[0]
           for i in range(6)]
    await run(uow_factory, referrals.set_policy, t.boss, "25 USD", now)
    ids.append((await _name(uow_factory, t.rep, Source(prospect_id=a), "Usd", now))[0])
    mate_src = await _prospect(uow_factory, t.mate, "Other", now, Stage.WON)
    await _name(uow_factory, t.mate, Source(prospect_id=mate_src), "Mate's", now)
    for pid in ids[:5] + ids[6:]:
        await _win(uow_factory, t.rep, pid, now)
    await run(uow_factory, referrals.settle_won, now, TZ)
    async with uow_factory() as uow:
        by_prospect = {r.prospect_id: r for r in await uow.referrals.rewards(t.rep.team_id or 0)}
    await run(uow_factory, referrals.settle, t.rep, by_prospect[ids[0]].id, PaidHow.CASH, now)
    await run(uow_factory, referrals.settle, t.rep, by_prospect[ids[1]].id, None, now)
    later = now.date() + timedelta(days=10)
    ledger, _ = await run(uow_factory, referrals.ledger, t.rep, later)
    async with engine.connect() as conn:
        rows = (await conn.execute(text(
            "SELECT status, currency, COUNT(*), SUM(amount) FROM referral_rewards "
            "WHERE rep_id = :rep GROUP BY status, currency"), {"rep": t.rep.id})).all()
        late = (await conn.execute(text(
            "SELECT COUNT(*) FROM referral_rewards WHERE rep_id = :rep AND status = 'owed' "
            "AND due_on < :day"), {"rep": t.rep.id, "day": later})).scalar_one()
    counts: dict[str, int] = {}
    for status, currency, n, total in rows:
        counts[status] = counts.get(status, 0) + n
        assert ledger.total(RewardStatus(status), currency) == Decimal(total)
    assert {s.value: n for s, n in ledger.counts} == counts
    assert counts == {"paid": 1, "declined": 1, "owed": 4, "promised": 1}
    assert ledger.overdue == late == 4
    assert ledger.overdue_totals == (("CNY", Decimal("300.00")), ("USD", Decimal("25.00")))
    overdue = await run(uow_factory, referrals.overdue, t.rep.team_id, later, t.rep.id)
    assert len(overdue) == 4
    team_ledger, _ = await run(uow_factory, referrals.ledger, t.boss, later)
    assert team_ledger.count(RewardStatus.PROMISED) == 2


async def test_customers_won_lately_never_asked_are_nudged(uow_factory: UowFactory,
                                                           now: datetime) -> None:
    t = await _team(uow_factory, now)
    asked = await _prospect(uow_factory, t.rep, "Asked", now)
    quiet = await _prospect(uow_factory, t.rep, "Quiet", now)
    theirs = await _prospect(uow_factory, t.mate, "Theirs", now)
    for who, pid in ((t.rep, asked), (t.rep, quiet), (t.mate, theirs)):
        await run(uow_factory, prospecting.set_stage, who, pid, Stage.WON, now)
    await run(uow_factory, referrals.answer, t.rep, asked, AskAnswer.NONE, now)
    found = await run(uow_factory, referrals.unasked_won, t.rep.team_id, t.rep.id,
                      now + timedelta(days=3))
    assert [p.id for p in found] == [quiet]
    assert await run(uow_factory, referrals.unasked_won, t.rep.team_id, t.rep.id,
                     now + timedelta(days=40)) == []
