"""The aiogram FSM storage on the shared database: upserts, isolation, restarts."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta
from typing import Any

from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import create_engine
from storage.fsm import DbStorage, FsmRow
from tests.fakes import FixedClock

KEY = StorageKey(bot_id=42, chat_id=-100_500, user_id=7)
UNICODE = {"name": "王小明 🚀", "note": "naïve — «quoted» \"x\" \\ \n", "tags": ["客户", "VIP"],
           "nested": {"n": 1, "f": 1.5, "none": None, "ok": True}}


class Form(StatesGroup):
    """A two-step flow, as the dialogs define them."""

    name = State()
    phone = State()


async def _rows(engine: AsyncEngine) -> list[Any]:
    """Every stored FSM row."""
    async with engine.connect() as conn:
        return list(await conn.execute(select(FsmRow.key, FsmRow.state, FsmRow.updated_at)))


async def test_missing_key_is_empty(engine: AsyncEngine) -> None:
    """An unknown key has no state and empty data, and reading writes nothing."""
    storage = DbStorage(engine, clock=FixedClock())
    assert await storage.get_state(KEY) is None
    assert await storage.get_data(KEY) == {}
    assert await _rows(engine) == []


async def test_state_set_get_clear(engine: AsyncEngine) -> None:
    """State objects and plain strings are stored by name; None clears the state."""
    storage = DbStorage(engine, clock=FixedClock())
    await storage.set_state(KEY, Form.name)
    assert await storage.get_state(KEY) == "Form:name"
    await storage.set_state(KEY, "Form:phone")
    assert await storage.get_state(KEY) == Form.phone.state
    await storage.set_state(KEY, None)
    assert await storage.get_state(KEY) is None


async def test_state_and_data_are_independent(engine: AsyncEngine) -> None:
    """Setting data keeps the state and vice versa (each upsert touches its own column)."""
    storage = DbStorage(engine, clock=FixedClock())
    await storage.set_data(KEY, {"step": 1})
    await storage.set_state(KEY, Form.phone)
    await storage.set_data(KEY, {"step": 2})
    assert await storage.get_state(KEY) == "Form:phone"
    assert await storage.get_data(KEY) == {"step": 2}


async def test_upsert_twice_keeps_one_row(engine: AsyncEngine) -> None:
    """A second write replaces the first, in the same single row."""
    storage = DbStorage(engine, clock=FixedClock())
    await storage.set_data(KEY, {"a": 1, "b": 2})
    await storage.set_data(KEY, {"c": 3})
    await storage.set_state(KEY, Form.name)
    await storage.set_state(KEY, Form.phone)
    assert await storage.get_data(KEY) == {"c": 3}
    assert await storage.get_state(KEY) == "Form:phone"
    assert len(await _rows(engine)) == 1


async def test_emptied_key_leaves_no_row(engine: AsyncEngine) -> None:
    """A key with no state and no data (a closed dialog) is deleted, not kept forever."""
    storage = DbStorage(engine, clock=FixedClock())
    await storage.set_state(KEY, Form.name)
    await storage.set_data(KEY, {"a": 1})
    await storage.set_data(KEY, {})
    assert [r.state for r in await _rows(engine)] == ["Form:name"]
    await storage.set_data(KEY, {"a": 2})
    await storage.set_state(KEY, None)
    assert await storage.get_data(KEY) == {"a": 2}
    await storage.set_data(KEY, {})
    assert await _rows(engine) == []
    await storage.set_state(KEY, None)
    assert await _rows(engine) == []
    assert (await storage.get_state(KEY), await storage.get_data(KEY)) == (None, {})


async def test_update_data_merges(engine: AsyncEngine) -> None:
    """aiogram's update_data (read, merge, write) works on top of the upsert."""
    storage = DbStorage(engine, clock=FixedClock())
    await storage.set_data(KEY, {"a": 1})
    assert await storage.update_data(KEY, {"b": 2}) == {"a": 1, "b": 2}
    assert await storage.get_value(KEY, "b") == 2


async def test_unicode_data_round_trip(engine: AsyncEngine) -> None:
    """CJK, emoji, quotes, newlines and nested JSON values come back unchanged."""
    storage = DbStorage(engine, clock=FixedClock())
    await storage.set_data(KEY, UNICODE)
    assert await storage.get_data(KEY) == UNICODE


async def test_keys_are_isolated(engine: AsyncEngine) -> None:
    """Chats, users, bots, threads and destinies each get their own record."""
    storage = DbStorage(engine, clock=FixedClock())
    keys = [KEY, StorageKey(42, -100_500, 8), StorageKey(42, 7, 7), StorageKey(43, -100_500, 7),
            StorageKey(42, -100_500, 7, thread_id=9), StorageKey(42, -100_500, 7, destiny="aiogd")]
    for i, key in enumerate(keys):
        await storage.set_data(key, {"i": i})
    assert [await storage.get_data(k) for k in keys] == [{"i": i} for i in range(len(keys))]
    assert len(await _rows(engine)) == len(keys)


async def test_survives_restart(engine: AsyncEngine) -> None:
    """A new storage on a new engine (a restarted bot) sees what the old one wrote."""
    await DbStorage(engine, clock=FixedClock()).set_state(KEY, Form.phone)
    await DbStorage(engine, clock=FixedClock()).set_data(KEY, UNICODE)
    await engine.dispose()
    reopened = create_engine(engine.url.render_as_string(hide_password=False))
    try:
        storage = DbStorage(reopened, clock=FixedClock())
        assert await storage.get_state(KEY) == "Form:phone"
        assert await storage.get_data(KEY) == UNICODE
        await storage.close()
    finally:
        await reopened.dispose()


async def test_concurrent_first_writes_do_not_collide(engine: AsyncEngine) -> None:
    """Many first writes to one new key at once: no duplicate-key error, one row, one winner."""
    storage = DbStorage(engine, clock=FixedClock())
    payloads = [{"writer": i} for i in range(8)]
    await asyncio.gather(*(storage.set_data(KEY, p) for p in payloads))
    assert await storage.get_data(KEY) in payloads
    async with engine.connect() as conn:
        assert await conn.scalar(select(func.count()).select_from(FsmRow)) == 1


async def test_updated_at_goes_through_utc_type(engine: AsyncEngine) -> None:
    """The timestamp is the storage clock's, processed by the UTC column type on insert and on
    conflict-update."""
    clock = FixedClock()
    storage = DbStorage(engine, clock=clock)
    for state in (Form.name, Form.phone):
        clock.advance(minutes=5)
        await storage.set_state(KEY, state)
        stamp = (await _rows(engine))[0].updated_at
        assert stamp == clock.now and stamp.utcoffset() == timedelta(0)
        async with engine.connect() as conn:
            raw = await conn.scalar(text("SELECT updated_at FROM fsm_state"))
        if engine.dialect.name == "sqlite":  # stored naive UTC, never with an offset suffix
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?", raw), raw


async def test_an_unchanged_write_is_skipped_and_other_processes_writes_are_seen(
    engine: AsyncEngine
) -> None:
    """Writing what was just read touches nothing (updated_at stays); a change is written; a
    second process's write is read back and a later equal write is still skipped only then."""
    clock = FixedClock()
    mine, other = DbStorage(engine, clock=clock), DbStorage(engine, clock=clock)
    await mine.set_data(KEY, {"step": 1})
    assert await mine.get_data(KEY) == {"step": 1}
    first = (await _rows(engine))[0].updated_at
    clock.advance(minutes=1)
    await mine.set_data(KEY, {"step": 1})
    await mine.set_state(KEY, None)
    assert (await _rows(engine))[0].updated_at == first
    await other.set_data(KEY, {"step": 2})  # another process moves the dialog on
    assert await mine.get_data(KEY) == {"step": 2}
    await mine.set_data(KEY, {"step": 1})  # differs from what was read: written
    assert await other.get_data(KEY) == {"step": 1}
    await mine.set_state(KEY, Form.name)
    assert await other.get_state(KEY) == Form.name.state
    assert (await _rows(engine))[0].updated_at > first


async def test_sqlite_commits_without_waiting_for_fsync(tmp_path: Any) -> None:
    """WAL with synchronous=NORMAL (1) on every connection of a SQLite engine."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
    async with engine.connect() as conn:
        assert await conn.scalar(text("PRAGMA synchronous")) == 1
        assert await conn.scalar(text("PRAGMA journal_mode")) == "wal"
    await engine.dispose()
