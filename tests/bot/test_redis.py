"""Dialog state in Redis (several bot processes): a dialog survives a restart there too."""

from __future__ import annotations

import os
import secrets

import pytest
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.redis import RedisStorage
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.i18n import Locales
from tests.bot.conftest import Harness, button
from tests.fakes import FixedClock

REDIS_URL = os.environ.get("XUNKE_TEST_REDIS_URL")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="XUNKE_TEST_REDIS_URL not set: Redis "
                                "tests skipped")


async def test_dialog_resumes_after_restart_on_redis(
    sqlite_engine: AsyncEngine, locales: Locales, clock: FixedClock
) -> None:
    opened: list[RedisStorage] = []
    prefix = f"xunke-test-{secrets.token_hex(4)}"  # parallel test runs do not meet

    def redis_fsm() -> tuple[BaseStorage, BaseEventIsolation | None]:
        keys = DefaultKeyBuilder(prefix=prefix, with_destiny=True, with_bot_id=True)
        storage = RedisStorage.from_url(str(REDIS_URL), key_builder=keys)
        opened.append(storage)
        return storage, storage.create_isolation()

    h = Harness(sqlite_engine, locales, clock, fsm=redis_fsm)
    team = await h.team()
    await h.member(1, team)
    await h.client(1).send("/settings")
    settings = h.window()
    h.restart()  # a new process: new Redis connection, same keys
    await h.client(1).click(settings, button("Timezone"))
    assert "Choose your timezone" in h.text()
    for storage in opened:
        await storage.close()
