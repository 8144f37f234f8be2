"""The outbox on SQLite and PostgreSQL: dedupe, exclusive claims, stuck rows, catch-up, lock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from sales.outbox import use_cases as outbox
from sales.outbox.model import (
    Button,
    OutboxItem,
    OutboxStatus,
    Outcome,
    OutMessage,
    Postponed,
    Rejected,
    Sent,
    Transient,
    Unreachable,
)
from sales.outbox.rules import MAX_ATTEMPTS
from sales.people.model import NewUser, Role
from sales.uow import UowFactory
from storage.db import (
    create_engine,
    release_scheduler_lock,
    scheduler_lock,
    session_factory,
    try_scheduler_lock,
)
from storage.outbox.repo import SqlOutboxRepo
from storage.uow import SqlUnitOfWork, uow_factory
from tests.dbutil import DB_KINDS, database

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
PENDING, SENDING, SENT = OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.SENT


@pytest.fixture
async def second(engine: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    """Another engine on the same database: another process, or the same one restarted."""
    other = create_engine(engine.url.render_as_string(hide_password=False))
    yield other
    await other.dispose()


class Recorder:
    """A Transport that answers from a script (default: sent) and remembers what it got."""

    def __init__(self, *script: Outcome) -> None:
        self.script = list(script)
        self.items: list[OutboxItem] = []

    async def deliver(self, item: OutboxItem) -> Outcome:
        self.items.append(item)
        return self.script.pop(0) if self.script else Sent(1000 + len(self.items))

    @property
    def keys(self) -> list[str]:
        return [item.dedupe_key for item in self.items]


def msg(key: str, chat_id: int = 42, **kw: Any) -> OutMessage:
    return OutMessage(dedupe_key=key, chat_id=chat_id, text=f"<b>{key}</b>", kind="test", **kw)


async def put(uows: UowFactory, *messages: OutMessage) -> list[bool]:
    """Enqueue in one transaction."""
    async with uows() as uow:
        created = [await uow.outbox.enqueue(m, NOW) for m in messages]
        await uow.commit()
    return created


async def row(uows: UowFactory, key: str) -> OutboxItem:
    async with uows() as uow:
        item = await uow.outbox.by_key(key)
    assert item is not None
    return item


async def counts(uows: UowFactory) -> dict[OutboxStatus, int]:
    async with uows() as uow:
        return await uow.outbox.counts()


async def test_enqueue_twice_keeps_one_row(uows: UowFactory) -> None:
    buttons = ((Button("Done", callback_data="fu:done:1"), Button("Map", url="https://x.y")),
               (Button("Copy", copy_text="王总，中秋快乐！——小李"),))
    assert await put(uows, msg("agenda:1:2026-11-23", buttons=buttons)) == [True]
    async with uows() as uow:
        assert await outbox.enqueue(uow, msg("agenda:1:2026-11-23"), NOW) is False
    # a duplicate in the middle of a transaction does not break it
    assert await put(uows, msg("agenda:1:2026-11-23"), msg("agenda:2:2026-11-23")) == [False, True]
    assert await counts(uows) == {PENDING: 2}
    item = await row(uows, "agenda:1:2026-11-23")
    assert item.buttons == buttons and item.not_before == NOW and item.attempts == 0


async def test_concurrent_claims_never_share_a_row(uows: UowFactory, second: AsyncEngine) -> None:
    await put(uows, *(msg(f"k{i}") for i in range(20)))
    other = uow_factory(session_factory(second))
    first, rival = await asyncio.gather(outbox.claim(uows, NOW, 15), outbox.claim(other, NOW, 15))
    rest = await outbox.claim(uows, NOW, 50)
    ids = [i.id for i in first + rival + rest]
    assert len(ids) == len(set(ids)) == 20
    assert await counts(uows) == {SENDING: 20}


class SlowPickRepo(SqlOutboxRepo):
    """Both claimers read the due ids before either updates: the race made certain."""

    def __init__(self, session: Any, barrier: asyncio.Barrier) -> None:
        super().__init__(session)
        self.barrier = barrier

    async def _due_ids(self, now: datetime, limit: int) -> list[int]:
        ids = await super()._due_ids(now, limit)
        await self.barrier.wait()
        return ids


async def test_racing_claims_after_the_same_read(engine: AsyncEngine, second: AsyncEngine,
                                                 uows: UowFactory) -> None:
    await put(uows, *(msg(f"k{i}") for i in range(20)))
    barrier = asyncio.Barrier(2)

    async def claim(eng: AsyncEngine) -> list[OutboxItem]:
        async with session_factory(eng)() as session:
            uow = SqlUnitOfWork(session)
            uow.outbox = SlowPickRepo(session, barrier)
            items = await uow.outbox.claim_due(NOW, 15)
            await uow.commit()
            return items

    a, b = await asyncio.gather(claim(engine), claim(second))
    assert not {i.id for i in a} & {i.id for i in b}
    # PostgreSQL skips the locked rows (15 + 5); SQLite's loser finds them taken (15 + 0)
    assert len(a) + len(b) in (15, 20)
    rest = await outbox.claim(uows, NOW, 50)
    assert len(a) + len(b) + len(rest) == 20


async def test_send_due_sends_once_even_when_run_twice(uows: UowFactory) -> None:
    await put(uows, msg("a"), msg("b", chat_id=43))
    transport = Recorder()
    assert await outbox.send_due(uows, transport, NOW) == 2
    assert await outbox.send_due(uows, transport, NOW + timedelta(seconds=2)) == 0
    assert transport.keys == ["a", "b"]
    sent = await row(uows, "a")
    assert (sent.status, sent.sent_at, sent.message_id) == (SENT, NOW, 1001)


async def test_crash_between_claim_and_send_is_flagged_not_resent(
    uows: UowFactory, second: AsyncEngine
) -> None:
    await put(uows, msg("a"))
    assert [i.dedupe_key for i in await outbox.claim(uows, NOW)] == ["a"]  # then the crash
    restarted = uow_factory(session_factory(second))
    transport = Recorder()
    assert await outbox.send_due(restarted, transport, NOW + timedelta(minutes=1)) == 0
    assert await outbox.flag_stuck(restarted, NOW + timedelta(minutes=5)) == 0
    assert await outbox.flag_stuck(restarted, NOW + timedelta(minutes=11)) == 1
    assert await outbox.send_due(restarted, transport, NOW + timedelta(minutes=12)) == 0
    assert transport.items == []
    assert (await row(uows, "a")).status is OutboxStatus.STUCK


async def test_rows_due_during_downtime_go_out_on_the_next_run(uows: UowFactory) -> None:
    await put(uows,
              msg("later", not_before=NOW + timedelta(minutes=5)),
              msg("hour", not_before=NOW - timedelta(hours=1)),
              msg("minute", not_before=NOW - timedelta(minutes=1), chat_id=43),
              msg("day", not_before=NOW - timedelta(days=1), chat_id=44))
    transport = Recorder()
    assert await outbox.send_due(uows, transport, NOW) == 3
    assert transport.keys == ["day", "hour", "minute"]  # oldest first
    assert (await row(uows, "later")).status is PENDING


async def test_outcomes_are_recorded(uows: UowFactory) -> None:
    async with uows() as uow:
        user = await uow.users.add(NewUser(42, "Li", Role.REP, None), NOW)
        await uow.commit()
    await put(uows, msg("retry"), msg("gone", user_id=user.id), msg("bad"), msg("wait"))
    transport = Recorder(Transient("502 Bad Gateway"), Unreachable("Forbidden: blocked"),
                         Rejected("Bad Request: can't parse entities"), Postponed(7.5, "429"))
    assert await outbox.send_due(uows, transport, NOW) == 0
    retry, gone, bad, wait = [await row(uows, k) for k in ("retry", "gone", "bad", "wait")]
    assert (retry.status, retry.attempts, retry.not_before) == (
        PENDING, 1, NOW + timedelta(seconds=30))
    assert retry.last_error == "502 Bad Gateway"
    assert (gone.status, gone.attempts) == (OutboxStatus.UNREACHABLE, 0)
    assert (bad.status, bad.attempts) == (OutboxStatus.FAILED, 1)
    assert (wait.status, wait.attempts, wait.not_before) == (
        PENDING, 0, NOW + timedelta(seconds=7.5))
    async with uows() as uow:
        blocked = await uow.users.get(user.id)
    assert blocked is not None and blocked.bot_blocked


async def test_transient_errors_give_up_after_max_attempts(uows: UowFactory) -> None:
    await put(uows, msg("flaky"))
    transport = Recorder(*[Transient("timeout")] * MAX_ATTEMPTS)
    at = NOW
    for _ in range(MAX_ATTEMPTS):
        assert await outbox.send_due(uows, transport, at) == 0
        at = (await row(uows, "flaky")).not_before
    final = await row(uows, "flaky")
    assert (final.status, final.attempts) == (OutboxStatus.FAILED, MAX_ATTEMPTS)
    assert await outbox.send_due(uows, transport, at + timedelta(days=1)) == 0
    assert len(transport.items) == MAX_ATTEMPTS


class Hanging(Recorder):
    """Sends the first row, then hangs on the second until cancelled."""

    def __init__(self) -> None:
        super().__init__()
        self.hanging = asyncio.Event()

    async def deliver(self, item: OutboxItem) -> Outcome:
        if self.items:
            self.items.append(item)
            self.hanging.set()
            await asyncio.Event().wait()
        return await super().deliver(item)


async def test_shutdown_mid_batch_gives_untried_rows_back(uows: UowFactory) -> None:
    await put(uows, msg("a", chat_id=1), msg("b", chat_id=2), msg("c", chat_id=3))
    transport = Hanging()
    task = asyncio.create_task(outbox.send_due(uows, transport, NOW))
    await asyncio.wait_for(transport.hanging.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    statuses = [(await row(uows, k)).status for k in "abc"]
    assert statuses == [SENT, SENDING, PENDING]  # b may have gone out: flagged later, not resent


@pytest.mark.parametrize("kind", [p for p in DB_KINDS if p.id == "postgres"])
async def test_one_scheduler_lock_per_database(kind: str, tmp_path: Path) -> None:
    async with database(kind, tmp_path) as engine:
        second = create_engine(engine.url.render_as_string(hide_password=False))
        try:
            await _lock_handover(engine, second)
        finally:
            await second.dispose()


async def _lock_handover(engine: AsyncEngine, second: AsyncEngine) -> None:
    held = await try_scheduler_lock(engine)
    assert held is not None
    assert await try_scheduler_lock(second) is None
    async with scheduler_lock(second) as leader:
        assert leader is False
    await release_scheduler_lock(held)
    async with scheduler_lock(second) as leader:
        assert leader is True
        assert await try_scheduler_lock(engine) is None
    again = await try_scheduler_lock(engine)  # released on exit
    assert again is not None
    await release_scheduler_lock(again)


async def test_sqlite_needs_no_lock(tmp_path: Path) -> None:
    async with database("sqlite", tmp_path) as eng, scheduler_lock(eng) as leader:
        assert leader is True


async def test_purge_keeps_unfinished_rows(uows: UowFactory) -> None:
    await put(uows, msg("old-sent"), msg("old-pending"), msg("old-stuck"))
    async with uows() as uow:
        items = {i.dedupe_key: i for i in await uow.outbox.claim_due(NOW, 10)}
        await uow.outbox.mark_sent(items["old-sent"].id, 1, NOW)
        await uow.commit()
    async with uows() as uow:
        await uow.outbox.flag_stuck(NOW + timedelta(hours=1))  # both claimed rows still sending
        await uow.commit()
    await outbox.release(uows, [items["old-pending"]], NOW)
    assert await outbox.purge(uows, NOW + timedelta(days=29)) == 0
    assert await outbox.purge(uows, NOW + timedelta(days=31)) == 1
    async with uows() as uow:
        assert await uow.outbox.by_key("old-sent") is None
        assert await uow.outbox.by_key("old-stuck") is not None
