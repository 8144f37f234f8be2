"""Builds a Dispatcher with every router and dialog, fresh on each call (tests build many)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable

from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage
from aiogram_dialog import setup_dialogs
from aiogram_dialog.api.protocols import MessageManagerProtocol

from bot.config import DefaultsSection
from bot.dialogs.find.windows import find_dialog
from bot.dialogs.greetings.windows import greetings_dialog
from bot.dialogs.importer.states import FETCH_KEY
from bot.dialogs.importer.windows import import_dialog
from bot.dialogs.menu.windows import menu_dialog
from bot.dialogs.newprospect.windows import new_prospect_dialog
from bot.dialogs.pool.windows import pool_dialog
from bot.dialogs.prospect.windows import prospect_dialog
from bot.dialogs.referrals.windows import referrals_dialog
from bot.dialogs.settings.windows import settings_dialog
from bot.dialogs.team.windows import team_dialog
from bot.dialogs.visit.windows import visit_dialog
from bot.handlers.commands import commands_router, onboarding_router, unknown_commands_router
from bot.handlers.digests import digests_router, early_router
from bot.handlers.documents import documents_router
from bot.handlers.errors import errors_router
from bot.handlers.export import export_router
from bot.handlers.fallback import fallback_router
from bot.handlers.gate import gate_router
from bot.handlers.greetings import greetings_router
from bot.handlers.referrals import referrals_router
from bot.handlers.reminders import reminders_router
from bot.i18n import Locales
from bot.middlewares import ContextMiddleware, FloodMiddleware
from sales.kernel.clock import Clock
from sales.uow import UowFactory

FetchFile = Callable[[Bot, str], Awaitable[bytes]]


async def download(bot: Bot, file_id: str) -> bytes:
    """A file a user sent, from the Bot API (tests pass a stand-in)."""
    buffer = await bot.download(file_id)
    return buffer.read() if buffer is not None else b""


def create_dispatcher(
    *, storage: BaseStorage, uow_factory: UowFactory, locales: Locales, clock: Clock,
    defaults: DefaultsSection, bot_username: str, admin_ids: Iterable[int] = (),
    events_isolation: BaseEventIsolation | None = None,
    message_manager: MessageManagerProtocol | None = None,
    fetch_file: FetchFile = download, monotonic: Callable[[], float] = time.monotonic,
) -> Dispatcher:
    """Routers in order: errors, onboarding, gate, commands (each feature's, then unknown ones),
    dialogs, fallback (last);
    `monotonic` is the flood limit's clock."""
    dp = Dispatcher(storage=storage, events_isolation=events_isolation,
                    defaults=defaults, bot_username=bot_username)
    dp[FETCH_KEY] = fetch_file
    dp.update.outer_middleware(FloodMiddleware(clock=monotonic))
    dp.update.outer_middleware(ContextMiddleware(
        uow_factory, locales, clock, admin_ids, defaults.language))
    dp.include_routers(errors_router(), early_router(), onboarding_router(), gate_router(),
                       commands_router(), digests_router(), documents_router(),
                       reminders_router(), greetings_router(), referrals_router(),
                       export_router(),
                       unknown_commands_router())  # last of the command routers
    dp.include_routers(menu_dialog(), settings_dialog(), team_dialog(), new_prospect_dialog(),
                       prospect_dialog(), find_dialog(), visit_dialog(),
                       import_dialog(), greetings_dialog(), referrals_dialog(), pool_dialog())
    dp.include_router(fallback_router())
    setup_dialogs(dp, message_manager=message_manager, events_isolation=events_isolation)
    return dp
