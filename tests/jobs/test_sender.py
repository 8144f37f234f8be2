"""The sender against a stand-in Bot API server with a real aiogram Bot; the rate limiter on a
fake clock (no real sleeping)."""

from __future__ import annotations

import itertools
import math
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.demo.fakeapi import DEFAULT_TOKEN, FakeTelegram
from bot.jobs import jobs
from bot.jobs.scheduler import JobDeps
from bot.jobs.sender import Limits, RateLimiter, Sender, flag_stuck, keyboard, send_due
from sales.outbox.model import Button, OutboxItem, OutboxStatus, OutMessage
from sales.people.model import NewUser, Role
from sales.uow import UowFactory
from storage.db import session_factory
from storage.uow import uow_factory
from tests.fakes import FixedClock

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
CHAT = 5001
OTHER = 5002
REQUEST_TIMEOUT = 0.3


class FakeTime:
    """Monotonic seconds that only move when the code under test sleeps (or a test says so)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(DEFAULT_TOKEN) as server:
        server.add_user(CHAT)
        server.add_user(OTHER)
        yield server


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url),
                             timeout=REQUEST_TIMEOUT)
    client = Bot(DEFAULT_TOKEN, session=session)
    yield client
    await client.session.close()


@pytest.fixture
def ftime() -> FakeTime:
    return FakeTime()


@pytest.fixture
def uows(sqlite_engine: AsyncEngine) -> UowFactory:
    factory: UowFactory = uow_factory(session_factory(sqlite_engine))
    return factory


@pytest.fixture
def deps(uows: UowFactory, bot: Bot, ftime: FakeTime) -> JobDeps:
    limiter = RateLimiter(clock=ftime, sleep=ftime.sleep)
    return JobDeps(uows, Sender(bot, limiter), FixedClock(NOW))


async def put(uows: UowFactory, key: str, chat_id: int = CHAT, **kw: Any) -> None:
    async with uows() as uow:
        text = f"<b>Agenda</b> for {key}"
        await uow.outbox.enqueue(OutMessage(key, chat_id, text, "agenda", **kw), NOW)
        await uow.commit()


async def row(uows: UowFactory, key: str) -> OutboxItem:
    async with uows() as uow:
        item = await uow.outbox.by_key(key)
    assert item is not None
    return item


def sends(fake: FakeTelegram, chat_id: int | None = None) -> list[object]:
    """Successful sendMessage calls (to one chat)."""
    return [c for c in fake.sent
            if c.method == "sendMessage" and (chat_id is None or c.chat_id == chat_id)]


def later(**delta: float) -> datetime:
    return NOW + timedelta(**delta)


async def test_sends_html_with_buttons_once(deps: JobDeps, fake: FakeTelegram,
                                            uows: UowFactory) -> None:
    buttons = ((Button("Done", callback_data="fu:done:7"), Button("Open", url="https://t.me/x")),
               (Button("Copy", copy_text="李女士，中秋快乐！"),))
    await put(uows, "a", buttons=buttons)
    assert await send_due(deps, NOW) == 1
    assert await send_due(deps, later(seconds=2)) == 0
    message = fake.last_message(CHAT)
    assert message["text"] == "Agenda for a" and message["entities"][0]["type"] == "bold"
    rows = message["reply_markup"]["inline_keyboard"]
    assert [b["text"] for b in rows[0]] == ["Done", "Open"]
    assert rows[1] == [{"text": "Copy", "copy_text": {"text": "李女士，中秋快乐！"}}]
    stored = await row(uows, "a")
    assert (stored.status, stored.message_id) == (OutboxStatus.SENT, message["message_id"])
    assert len(sends(fake)) == 1


async def test_429_pauses_everything_then_sends_once(deps: JobDeps, fake: FakeTelegram,
                                                     uows: UowFactory, ftime: FakeTime) -> None:
    await put(uows, "a")
    await put(uows, "b", chat_id=OTHER)
    fake.fail_next("sendMessage", 429, retry_after=5)
    assert await send_due(deps, NOW) == 0
    assert len(fake.calls) == 1  # "b" was held back by the pause, not sent into the 429
    a, b = await row(uows, "a"), await row(uows, "b")
    assert (a.status, a.attempts, a.not_before) == (OutboxStatus.PENDING, 0, later(seconds=5))
    assert b.status is OutboxStatus.PENDING and b.not_before >= later(seconds=4)
    assert await send_due(deps, later(seconds=1)) == 0
    ftime.now += 5
    assert await send_due(deps, later(seconds=6)) == 2
    assert len(sends(fake, CHAT)) == 1 and len(sends(fake, OTHER)) == 1


@pytest.mark.parametrize("status, body", [(500, None), (502, "<html>Bad Gateway</html>")])
async def test_5xx_is_retried_with_backoff(deps: JobDeps, fake: FakeTelegram, uows: UowFactory,
                                           status: int, body: str | None) -> None:
    await put(uows, "a")
    fake.fail_next("sendMessage", status, body=body)
    assert await send_due(deps, NOW) == 0
    failed = await row(uows, "a")
    assert (failed.status, failed.attempts) == (OutboxStatus.PENDING, 1)
    assert failed.not_before == later(seconds=30) and failed.last_error
    assert await send_due(deps, later(seconds=10)) == 0
    assert await send_due(deps, later(seconds=31)) == 1
    assert len(sends(fake)) == 1 and (await row(uows, "a")).status is OutboxStatus.SENT


async def test_timeout_is_retried(deps: JobDeps, fake: FakeTelegram, uows: UowFactory) -> None:
    await put(uows, "a")
    fake.delay_next("sendMessage", REQUEST_TIMEOUT * 3)
    assert await send_due(deps, NOW) == 0
    timed_out = await row(uows, "a")
    assert (timed_out.status, timed_out.attempts) == (OutboxStatus.PENDING, 1)
    assert "timeout" in (timed_out.last_error or "").lower()
    assert await send_due(deps, later(seconds=31)) == 1


async def test_403_marks_unreachable_and_user_blocked(deps: JobDeps, fake: FakeTelegram,
                                                      uows: UowFactory) -> None:
    async with uows() as uow:
        user = await uow.users.add(NewUser(CHAT, "Li", Role.REP, None), NOW)
        await uow.commit()
    await put(uows, "a", user_id=user.id)
    fake.block(CHAT)
    assert await send_due(deps, NOW) == 0
    assert await send_due(deps, later(hours=1)) == 0
    gone = await row(uows, "a")
    assert gone.status is OutboxStatus.UNREACHABLE and "blocked" in (gone.last_error or "")
    async with uows() as uow:
        blocked = await uow.users.get(user.id)
    assert blocked is not None and blocked.bot_blocked
    assert len(fake.calls) == 1  # never retried


async def test_400_fails_without_retry(deps: JobDeps, fake: FakeTelegram,
                                       uows: UowFactory) -> None:
    await put(uows, "a", chat_id=999)  # a chat Telegram does not know
    assert await send_due(deps, NOW) == 0
    assert (await row(uows, "a")).status is OutboxStatus.FAILED
    assert await send_due(deps, later(hours=1)) == 0 and len(fake.calls) == 1


async def test_same_chat_is_spaced_in_one_run(deps: JobDeps, fake: FakeTelegram,
                                              uows: UowFactory, ftime: FakeTime) -> None:
    for key in "abc":
        await put(uows, key)
    assert await send_due(deps, NOW) == 3
    assert ftime.slept == [1.0, 1.0]


async def test_flag_stuck_job(deps: JobDeps, uows: UowFactory) -> None:
    await put(uows, "a")
    async with uows() as uow:
        await uow.outbox.claim_due(NOW, 10)
        await uow.commit()
    assert await flag_stuck(deps, later(minutes=11)) == 1
    assert (await row(uows, "a")).status is OutboxStatus.STUCK


def test_job_list(deps: JobDeps) -> None:
    assert [(job_id, every) for job_id, every, _ in jobs(deps)] == [
        ("outbox-send", 2.0), ("outbox-stuck", 60.0), ("scan-reminders", 20.0),
        ("scan-mornings", 60.0), ("scan-evenings", 60.0), ("scan-returns", 300.0),
        ("outbox-purge", 3600.0), ("scan-greetings", 300.0), ("scan-referrals", 300.0),
        ("scan-pool", 900.0), ("scan-digests", 60.0), ("scan-reports", 60.0)]


def test_keyboard() -> None:
    assert keyboard(()) is None
    markup = keyboard(((Button("A", callback_data="a"),), (Button("B", url="https://b.c"),),
                       (Button("C", copy_text="复制我"),)))
    assert markup is not None
    assert [[b.text for b in r] for r in markup.inline_keyboard] == [["A"], ["B"], ["C"]]
    assert markup.inline_keyboard[1][0].url == "https://b.c"
    copy = markup.inline_keyboard[2][0]
    assert copy.copy_text is not None and copy.copy_text.text == "复制我"
    assert copy.callback_data is None and copy.url is None


# ------------------------------------------------------------------ rate limiter, fake clock


async def turns(limiter: RateLimiter, ftime: FakeTime, chats: list[int]) -> list[float]:
    """When each send went out, waiting as long as needed."""
    times = []
    for chat in chats:
        assert await limiter.wait_turn(chat, max_wait=math.inf) == 0.0
        times.append(ftime.now)
    return times


async def test_limiter_spaces_one_chat_by_a_second(ftime: FakeTime) -> None:
    limiter = RateLimiter(clock=ftime, sleep=ftime.sleep)
    times = await turns(limiter, ftime, [7, 8, 7, 7])
    assert times == [1000.0, 1000.0, 1001.0, 1002.0]  # another chat does not wait


async def test_limiter_keeps_groups_at_20_a_minute(ftime: FakeTime) -> None:
    limiter = RateLimiter(clock=ftime, sleep=ftime.sleep)
    times = await turns(limiter, ftime, [-100] * 45)
    assert all(times[i + 20] - times[i] >= 60.0 for i in range(len(times) - 20))
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(times))
    assert await limiter.wait_turn(-200, max_wait=0) == 0.0  # another group is not held up


async def test_limiter_keeps_25_a_second_overall(ftime: FakeTime) -> None:
    limiter = RateLimiter(clock=ftime, sleep=ftime.sleep)
    times = await turns(limiter, ftime, list(range(1, 101)))
    assert all(times[i + 25] - times[i] >= 1.0 for i in range(len(times) - 25))
    assert times[-1] - times[0] < 4.0  # but it does not crawl either


async def test_limiter_postpones_long_waits_without_counting(ftime: FakeTime) -> None:
    limiter = RateLimiter(Limits(group_per_minute=2), clock=ftime, sleep=ftime.sleep)
    await turns(limiter, ftime, [-100, -100])
    assert await limiter.wait_turn(-100, max_wait=2.0) == pytest.approx(59.0)
    assert await limiter.wait_turn(-100, max_wait=2.0) == pytest.approx(59.0)  # not counted
    limiter.pause(30)
    assert limiter.delay(1) == 30.0
    assert await limiter.wait_turn(1, max_wait=2.0) == 30.0
