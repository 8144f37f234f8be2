"""The referral scanner on SQLite and PostgreSQL: a won referral becomes an owed reward once,
the rep is reminded each morning until it is paid, nudged to ask customers never asked, and
an 'ask later' comes back once, all through the real outbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.jobs.referrals import scan_referrals
from sales.outbox.model import OutboxItem
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft, Stage
from sales.referrals import use_cases as referrals
from sales.referrals.model import AskAnswer, NameGiven, PaidHow, RewardStatus, Source
from sales.uow import UowFactory
from tests.jobs.test_rhythm_jobs import deps, rep

SH = "Asia/Shanghai"
START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai: after the agenda time


async def _key(uows: UowFactory, key: str) -> OutboxItem | None:
    async with uows() as uow:
        return await uow.outbox.by_key(key)


async def test_reward_reminded_each_morning_until_paid(uows: UowFactory) -> None:
    user = await rep(uows)
    async with uows() as uow:
        top = await prospecting.create(uow, user, ProspectDraft(
            Kind.INDIVIDUAL, "Zhao", Method.TELEPHONE, stage=Stage.WON), START, SH)
        named, _ = await referrals.add_name(uow, user, Source(prospect_id=top.id),
                                            NameGiven("Qian"), START, SH)
        await prospecting.set_stage(uow, user, named, Stage.WON, START)
    assert await scan_referrals(deps(uows, START), START) == 1
    first = await _key(uows, f"referrals:{user.id}:2026-11-23")
    assert first is not None and "due 2026-11-26" in first.text and "Qian" in first.text
    # Qian was won just now and never asked; Zhao was entered as a customer (no win recorded)
    assert "Ask Qian for names" in first.text and "Ask Zhao" not in first.text
    assert await scan_referrals(deps(uows, START), START + timedelta(minutes=5)) == 0
    later = START + timedelta(days=4)
    assert await scan_referrals(deps(uows, later), later) == 1
    late = await _key(uows, f"referrals:{user.id}:2026-11-27")
    assert late is not None and "overdue since 2026-11-26" in late.text
    async with uows() as uow:
        (reward,) = await uow.referrals.rewards(user.team_id or 0)
        await referrals.settle(uow, user, reward.id, PaidHow.TRANSFER, later)
        for pid in (top.id, named):
            await referrals.answer(uow, user, pid, AskAnswer.NONE, later)
    next_day = later + timedelta(days=1)
    assert await scan_referrals(deps(uows, next_day), next_day) == 0
    assert await _key(uows, f"referrals:{user.id}:2026-11-28") is None
    async with uows() as uow:
        rewards = await uow.referrals.rewards(user.team_id or 0)
    assert [r.status for r in rewards] == [RewardStatus.PAID]


async def test_ask_later_comes_back_once(uows: UowFactory) -> None:
    user = await rep(uows)
    async with uows() as uow:
        p = await prospecting.create(uow, user, ProspectDraft(
            Kind.INDIVIDUAL, "Sun", Method.TELEPHONE), START, SH)
        ask = await referrals.answer(uow, user, p.id, AskAnswer.LATER, START)
    assert await scan_referrals(deps(uows, START), START + timedelta(days=2)) == 0
    due = START + timedelta(days=3)
    assert await scan_referrals(deps(uows, due), due) == 1
    item = await _key(uows, f"refask:{ask.id}")
    assert item is not None and "Sun" in item.text and item.buttons[0][0].callback_data
    assert await scan_referrals(deps(uows, due), due + timedelta(hours=1)) == 0
