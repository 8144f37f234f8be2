"""aiogram FSM storage on the shared database: dialog state survives restarts, no extra server.

Hand-written (about fifty lines) because the published SQL storages check-then-insert and race;
this one upserts in a single statement on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import (
    BaseStorage,
    DefaultKeyBuilder,
    KeyBuilder,
    StateType,
    StorageKey,
)
from sqlalchemy import String, Text, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from sales.kernel.clock import Clock
from storage.base import UTC_TS, Base


class FsmRow(Base):
    """aiogram FSM state and data (dialog stacks live here too), one row per storage key."""

    __tablename__ = "fsm_state"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    state: Mapped[str | None] = mapped_column(String(255))
    data: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime] = mapped_column(UTC_TS)


_EMPTY = json.dumps({})
KNOWN_MAX = 10_000  # keys whose last read or written row is remembered (then forgotten at once)


class DbStorage(BaseStorage):
    """One row per key; JSON data; each call is its own short transaction; `clock` stamps
    `updated_at` (the composition root's clock, a fixed one in tests).

    A write of the value this process last read or wrote for the key is skipped: dialogs save
    their unchanged stack and context after every update, and those writes were most of the
    cost of a step. Reads always go to the database, so other processes' writes are seen."""

    def __init__(
        self, engine: AsyncEngine, key_builder: KeyBuilder | None = None, *, clock: Clock
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.sessions = async_sessionmaker(engine, expire_on_commit=False)
        self.keys = key_builder or DefaultKeyBuilder(with_destiny=True, with_bot_id=True)
        self._insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
        self._known: dict[str, tuple[str | None, str]] = {}  # key -> (state, data)

    def _remember(self, built: str, state: str | None, data: str) -> None:
        """The row as this process last saw it (bounded: forgotten all at once when full)."""
        if len(self._known) >= KNOWN_MAX:
            self._known.clear()
        self._known[built] = (state, data)

    async def _upsert(self, key: StorageKey, **values: Any) -> None:
        """Insert or update the given columns of the key's row; drop the row once it is empty."""
        built = self.keys.build(key)
        known = self._known.get(built)
        merged = None
        if known is not None:
            merged = (values.get("state", known[0]), values.get("data", known[1]))
            if merged == known:
                return
            del self._known[built]  # forgotten until the write succeeds
        cleared = values.get("state", "") is None or values.get("data") == _EMPTY
        values["updated_at"] = self.clock()
        stmt = self._insert(FsmRow).values(key=built, **values)
        stmt = stmt.on_conflict_do_update(index_elements=[FsmRow.key], set_=values)
        session: AsyncSession
        async with self.sessions() as session, session.begin():
            await session.execute(stmt)
            if cleared:  # closed dialogs leave empty keys behind: don't keep them forever
                await session.execute(delete(FsmRow).where(
                    FsmRow.key == built, FsmRow.state.is_(None), FsmRow.data == _EMPTY))
        if merged is not None:
            self._remember(built, *merged)

    async def _row(self, key: StorageKey) -> tuple[str | None, str] | None:
        built = self.keys.build(key)
        async with self.sessions() as session:
            row = (await session.execute(
                select(FsmRow.state, FsmRow.data).where(FsmRow.key == built)
            )).first()
        self._remember(built, row[0] if row else None, row[1] if row else _EMPTY)
        return (row[0], row[1]) if row else None

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._upsert(key, state=value)

    async def get_state(self, key: StorageKey) -> str | None:
        row = await self._row(key)
        return row[0] if row else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._upsert(key, data=json.dumps(dict(data), ensure_ascii=False))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        row = await self._row(key)
        return dict(json.loads(row[1])) if row else {}

    async def close(self) -> None:
        """The engine belongs to the composition root, which disposes of it."""
