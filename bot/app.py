"""Composition root: config -> engine -> migrations -> storage -> Bot and Dispatcher -> polling.

The only bot module (with the CLI) that imports `storage`; `bot.__main__` and `xunke run` call
`run_bot` here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from datetime import UTC, datetime

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.commands import publish_commands
from bot.config import Settings
from bot.factory import create_dispatcher
from bot.i18n import Locales
from bot.jobs import jobs
from bot.jobs.scheduler import JobDeps, running_scheduler
from bot.jobs.sender import Sender
from storage.db import (
    create_engine,
    release_scheduler_lock,
    scheduler_lock,
    session_factory,
    try_scheduler_lock,
)
from storage.fsm import DbStorage
from storage.migrate import upgrade
from storage.uow import uow_factory

log = logging.getLogger("xunke")
SEND_TIMEOUT = 20
STANDBY_RETRY = 60.0  # seconds between a standby process's tries of the scheduler lock


def utc_now() -> datetime:
    """The production clock."""
    return datetime.now(UTC)


def make_bot(settings: Settings) -> Bot:
    """A Bot talking to the configured Bot API server, HTML parse mode by default."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(settings.bot.api_base_url))
    return Bot(settings.bot.token.get_secret_value(), session=session,
               default=DefaultBotProperties(parse_mode=ParseMode.HTML))


def make_fsm_storage(
    settings: Settings, engine: AsyncEngine
) -> tuple[BaseStorage, BaseEventIsolation | None]:
    """Redis when configured (several bot processes), else a table in the shared database."""
    redis_url = settings.database.redis_url.get_secret_value()
    if not redis_url:
        return DbStorage(engine, clock=utc_now), None
    from aiogram.fsm.storage.redis import RedisStorage

    storage = RedisStorage.from_url(
        redis_url, key_builder=DefaultKeyBuilder(with_destiny=True, with_bot_id=True))
    return storage, storage.create_isolation()


@asynccontextmanager
async def scheduler(settings: Settings, engine: AsyncEngine, deps: JobDeps
                    ) -> AsyncIterator[None]:
    """Scanner jobs while polling: if enabled and this process holds the scheduler lock."""
    if not settings.scheduler.enabled:
        log.info("scheduler disabled by [scheduler] enabled = false")
        yield
        return
    async with scheduler_lock(engine) as leader:
        if not leader:
            log.warning("another process holds the scheduler lock: standing by")
            standby = asyncio.create_task(stand_by(engine, deps))
            try:
                yield
            finally:
                standby.cancel()
                with suppress(asyncio.CancelledError):
                    await standby
            return
        async with running_scheduler(jobs(deps)):
            log.info("scheduler started")
            yield


async def stand_by(engine: AsyncEngine, deps: JobDeps) -> None:
    """Not the leader: retry the lock now and then, and take over when the leader is gone."""
    conn = await try_scheduler_lock(engine)
    while conn is None:
        await asyncio.sleep(STANDBY_RETRY)
        conn = await try_scheduler_lock(engine)
    try:
        async with running_scheduler(jobs(deps)):
            log.info("took over the scheduler from a stopped process")
            await asyncio.Event().wait()  # until this process stops (cancelled)
    finally:
        await release_scheduler_lock(conn)


async def run_bot(settings: Settings) -> None:
    """Migrate, then long-poll until SIGINT/SIGTERM; everything is closed on the way out."""
    engine = create_engine(settings.database.url.get_secret_value())
    bot = make_bot(settings)
    storage: BaseStorage | None = None
    try:
        await upgrade(engine)
        storage, isolation = make_fsm_storage(settings, engine)
        username = settings.bot.username or (await bot.get_me()).username or ""
        locales = Locales()
        uows = uow_factory(session_factory(engine))
        dp = create_dispatcher(
            storage=storage, events_isolation=isolation,
            uow_factory=uows, locales=locales, clock=utc_now,
            defaults=settings.defaults, bot_username=username, admin_ids=settings.admin_ids,
        )
        await publish_commands(bot, locales)
        log.info("xunke started as @%s", username)
        deps = JobDeps(uows, Sender(bot, request_timeout=SEND_TIMEOUT), utc_now, locales,
                       settings.defaults.timezone)
        async with scheduler(settings, engine, deps):
            await dp.start_polling(bot, handle_signals=True, close_bot_session=False)
    finally:
        if storage is not None:
            await storage.close()
        await bot.session.close()
        await engine.dispose()
        log.info("xunke stopped")
