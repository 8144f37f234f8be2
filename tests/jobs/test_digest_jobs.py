"""The digest and report scanners through the real outbox and sender (a recording bot), on
SQLite and PostgreSQL: once per working day at 19:00 local, caught up after downtime, a make-up
Saturday, a group that became a supergroup, the weekly album."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from aiogram.exceptions import TelegramMigrateToChat
from aiogram.methods import SendMediaGroup, SendMessage, SendPhoto, TelegramMethod
from aiogram.types import Chat, Message
from sqlalchemy import select

from bot.i18n import Locales
from bot.jobs.digests import scan_digests, scan_reports
from bot.jobs.scheduler import JobDeps
from bot.jobs.sender import RateLimiter, Sender, send_due
from sales.digests import use_cases as digests
from sales.digests.model import DigestSettings
from sales.outbox.model import OutboxStatus
from sales.uow import UowFactory
from tests.digest_seed import at_local, seed
from tests.fakes import SENT_AT, FixedClock, RecordingBot

GROUP = -100_123
SUPERGROUP = -100_999


class GroupBot(RecordingBot):
    """Records every call; albums and photos answered; the old group has migrated."""

    def __init__(self, migrated: dict[int, int] | None = None) -> None:
        super().__init__()
        self.migrated = migrated or {}

    async def __call__(self, method: TelegramMethod[Any], request_timeout: int | None = None
                       ) -> Any:
        chat_id = getattr(method, "chat_id", None)
        if isinstance(chat_id, int) and chat_id in self.migrated:
            self.calls.append(method)
            raise TelegramMigrateToChat(method, "Bad Request: group chat was upgraded",
                                        self.migrated[chat_id])
        chat = Chat(id=int(chat_id or 0), type="group")
        if isinstance(method, SendMediaGroup):
            self.calls.append(method)
            return [Message(message_id=500 + i, date=SENT_AT, chat=chat)
                    for i in range(len(method.media))]
        if isinstance(method, SendPhoto):
            self.calls.append(method)
            return Message(message_id=500, date=SENT_AT, chat=chat)
        return await super().__call__(method, request_timeout)


class FakeTime:
    """Monotonic seconds that move only when the limiter sleeps: no real waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def deps(uows: UowFactory, bot: RecordingBot, now: datetime) -> JobDeps:
    ftime = FakeTime()
    limiter = RateLimiter(clock=ftime, sleep=ftime.sleep)
    return JobDeps(uows, Sender(bot, limiter, max_wait=10_000), FixedClock(now), Locales())


async def _bound(uows: UowFactory, reps: int = 2) -> Any:
    s = await seed(uows, reps=reps)
    async with uows() as uow:
        await uow.teams.set_digest_chat(s.team.id, GROUP)
        await uow.commit()
    return s


async def _keys(uows: UowFactory, prefix: str) -> list[str]:
    from storage.outbox.tables import OutboxRow
    async with uows() as uow:
        rows = await uow.session.scalars(  # type: ignore[attr-defined]
            select(OutboxRow.dedupe_key).where(OutboxRow.dedupe_key.like(f"{prefix}%"))
            .order_by(OutboxRow.id))
        return list(rows)


async def test_once_a_working_day_at_seven_pm_and_caught_up(uows: UowFactory) -> None:
    s = await _bound(uows)
    bot = GroupBot()
    monday = at_local(date(2026, 11, 23), 19)
    assert await scan_digests(deps(uows, bot, monday), monday) == 1
    assert await scan_digests(deps(uows, bot, monday), monday) == 0  # never twice
    assert await send_due(deps(uows, bot, monday), monday) == 1
    [text] = bot.texts(GROUP)
    assert "North" in text and "2026-11-23" in text and "Rep00 &lt;b&gt;&amp;" in text
    tuesday = at_local(date(2026, 11, 24), 18, 59)
    assert await scan_digests(deps(uows, bot, tuesday), tuesday) == 0  # not 19:00 yet
    thursday = at_local(date(2026, 11, 26), 20)  # down all Wednesday evening
    assert await scan_digests(deps(uows, bot, thursday), thursday) == 3
    saturday = at_local(date(2026, 11, 28), 20)  # Friday's was missed: caught up
    assert await scan_digests(deps(uows, bot, saturday), saturday) == 1
    sunday = at_local(date(2026, 11, 29), 20)
    assert await scan_digests(deps(uows, bot, sunday), sunday) == 0
    assert await _keys(uows, f"digest:{s.team.id}:") == [
        f"digest:{s.team.id}:{d}:1" for d in ("2026-11-23", "2026-11-24", "2026-11-25",
                                              "2026-11-26", "2026-11-27")]


async def test_a_make_up_saturday_gets_a_digest(uows: UowFactory) -> None:
    s = await _bound(uows)
    bot = GroupBot()
    friday = at_local(date(2026, 2, 13), 19, 30)
    saturday = at_local(date(2026, 2, 14), 19, 30)  # 调休: a working Saturday
    sunday = at_local(date(2026, 2, 15), 19, 30)
    festival = at_local(date(2026, 2, 17), 19, 30)
    for moment, created in ((friday, 1), (saturday, 1), (sunday, 0), (festival, 0)):
        assert await scan_digests(deps(uows, bot, moment), moment) == created, moment
    assert await _keys(uows, f"digest:{s.team.id}:") == [
        f"digest:{s.team.id}:2026-02-13:1", f"digest:{s.team.id}:2026-02-14:1"]


async def test_a_big_team_is_split_between_reps(uows: UowFactory) -> None:
    s = await _bound(uows, reps=30)
    bot = GroupBot()
    monday = at_local(date(2026, 11, 23), 19)
    parts = await scan_digests(deps(uows, bot, monday), monday)
    assert parts > 1
    for _ in range(parts):
        await send_due(deps(uows, bot, monday), monday)
    texts = bot.texts(GROUP)
    assert len(texts) == parts and all(len(t) <= 4096 for t in texts)
    assert texts[0].startswith("📊") and all(t.startswith("👤") for t in texts[1:-1])
    assert sum(t.count("👤") for t in texts) == len(s.reps)


async def test_a_migrated_group_keeps_getting_it(uows: UowFactory) -> None:
    s = await _bound(uows)
    bot = GroupBot({GROUP: SUPERGROUP})
    monday = at_local(date(2026, 11, 23), 19)
    await scan_digests(deps(uows, bot, monday), monday)
    assert await send_due(deps(uows, bot, monday), monday) == 0  # Telegram said: migrated
    async with uows() as uow:
        team = await uow.teams.get(s.team.id)
        item = await uow.outbox.by_key(f"digest:{s.team.id}:2026-11-23:1")
    assert team is not None and team.digest_chat_id == SUPERGROUP
    assert item is not None and (item.status, item.chat_id) == (OutboxStatus.PENDING,
                                                                SUPERGROUP)
    assert await send_due(deps(uows, bot, monday), monday) == 1
    assert len(bot.texts(SUPERGROUP)) == 1 and len(bot.texts(GROUP)) == 1  # the refused try


async def test_weekly_charts_as_one_album(uows: UowFactory) -> None:
    s = await _bound(uows)
    bot = GroupBot()
    thursday = at_local(date(2026, 11, 26), 20)
    assert await scan_reports(deps(uows, bot, thursday), thursday) == 0
    friday = at_local(date(2026, 11, 27), 19, 5)
    assert await scan_reports(deps(uows, bot, friday), friday) == 1
    assert await scan_reports(deps(uows, bot, friday), friday) == 0
    assert await send_due(deps(uows, bot, friday), friday) == 1
    [album] = bot.of_type(SendMediaGroup)
    assert album.chat_id == GROUP and len(album.media) == 5
    assert "2026-11-21" in album.media[0].caption and "2026-11-27" in album.media[0].caption
    assert all(m.media.data.startswith(b"\x89PNG") for m in album.media)
    assert bot.of_type(SendMessage) == []
    async with uows() as uow:
        await digests.save_settings(uow, s.manager,
                                    DigestSettings(s.team.id, report_weekday=None), friday)
    later = datetime(2026, 12, 4, 11, 30, tzinfo=UTC)
    assert await scan_reports(deps(uows, bot, later), later) == 0  # switched off
