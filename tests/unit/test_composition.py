"""The composition root picks the dialog-state storage the config asks for."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage

from bot.app import make_fsm_storage
from bot.config import load_settings
from storage.db import create_engine
from storage.fsm import DbStorage


async def test_database_storage_by_default(tmp_path: Path) -> None:
    settings = load_settings(None)
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/x.db")
    storage, isolation = make_fsm_storage(settings, engine)
    assert isinstance(storage, DbStorage) and isolation is None
    await engine.dispose()


async def test_redis_storage_with_shared_isolation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XUNKE_DATABASE__REDIS_URL", "redis://127.0.0.1:6399/0")
    settings = load_settings(None)
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/x.db")
    storage, isolation = make_fsm_storage(settings, engine)
    assert isinstance(storage, RedisStorage) and isinstance(isolation, RedisEventIsolation)
    assert storage.key_builder.with_destiny  # aiogram-dialog needs the destiny in keys
    await storage.close()
    await engine.dispose()
