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


class DbStorage(BaseStorage):
    """One row per key; JSON data; each call is its own short transaction; `clock` stamps
    `updated_at` (the composition root's clock, a fixed one in tests)."""

    def __init__(
        self, engine: AsyncEngine, key_builder: KeyBuilder | None = None, *, clock: Clock
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.sessions = async_sessionmaker(engine, expire_on_commit=False)
        self.keys = key_builder or DefaultKeyBuilder(with_destiny=True, with_bot_id=True)
        self._insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert

    async def _upsert(self, key: StorageKey, **values: Any) -> None:
        """Insert or update the given columns of the key's row; drop the row once it is empty."""
        cleared = values.get("state", "") is None or values.get("data") == _EMPTY
        values["updated_at"] = self.clock()
        built = self.keys.build(key)
        stmt = self._insert(FsmRow).values(key=built, **values)
        stmt = stmt.on_conflict_do_update(index_elements=[FsmRow.key], set_=values)
        session: AsyncSession
        async with self.sessions() as session, session.begin():
            await session.execute(stmt)
            if cleared:  # closed dialogs leave empty keys behind: don't keep them forever
                await session.execute(delete(FsmRow).where(
                    FsmRow.key == built, FsmRow.state.is_(None), FsmRow.data == _EMPTY))

    async def _row(self, key: StorageKey) -> tuple[str | None, str] | None:
        async with self.sessions() as session:
            row = (await session.execute(
                select(FsmRow.state, FsmRow.data).where(FsmRow.key == self.keys.build(key))
            )).first()
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
