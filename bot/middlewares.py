"""Per-update context on `dp.update`: a unit of work, the acting user, their language, the clock."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from aiogram.types import User as TgUser

from bot.i18n import LOCALES_KEY, T_KEY, Locales
from sales.kernel.clock import Clock
from sales.people import rules as people
from sales.people import use_cases as teams
from sales.people.model import Role, User
from sales.uow import UnitOfWork, UowFactory

log = logging.getLogger(__name__)
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]

ACTOR_KEY = "actor"
UOW_KEY = "uow"
CLOCK_KEY = "clock"


class ContextMiddleware(BaseMiddleware):
    """Opens one unit of work per update and resolves who is acting and in which language."""

    def __init__(
        self, uow_factory: UowFactory, locales: Locales, clock: Clock,
        admin_ids: Iterable[int], default_language: str,
    ) -> None:
        self.uow_factory = uow_factory
        self.locales = locales
        self.clock = clock
        self.admin_ids = frozenset(admin_ids)
        self.default_language = default_language

    async def __call__(
        self, handler: Handler, event: TelegramObject, data: dict[str, Any]
    ) -> Any:
        tg_user: TgUser | None = data.get("event_from_user")
        async with self.uow_factory() as uow:
            actor = await self._actor(uow, tg_user) if tg_user and not tg_user.is_bot else None
            await uow.rollback()  # end the read transaction; use cases open their own
            code = tg_user.language_code if tg_user else None
            data[UOW_KEY] = uow
            data[ACTOR_KEY] = actor
            data[CLOCK_KEY] = self.clock
            data[LOCALES_KEY] = self.locales
            data[T_KEY] = self.locales.get(
                people.pick_language(actor.language if actor else None, code,
                                     self.default_language)
            )
            return await handler(event, data)

    async def _actor(self, uow: UnitOfWork, tg_user: TgUser) -> User | None:
        """The registered, active user; config admins are made admins on first contact."""
        user = await uow.users.by_telegram_id(tg_user.id)
        if tg_user.id in self.admin_ids and (
            user is None or user.role is not Role.ADMIN or not user.active
        ):
            name = people.clean_display_name(tg_user.first_name, tg_user.last_name,
                                             str(tg_user.id))
            return await teams.ensure_admin(uow, tg_user.id, name, self.clock())
        if user is None or not user.active:
            return None
        if user.bot_blocked:  # they write to us, so they unblocked the bot: pushes resume
            user = await teams.mark_reachable(uow, user, self.clock())
        return await teams.remember_language(uow, user, tg_user.language_code)


class FloodMiddleware(BaseMiddleware):
    """Drops a user's updates beyond `limit` per `window` seconds, so one stuck client or
    script cannot starve the others. Dropped updates are logged, not answered.

    `clock` (monotonic seconds) is injectable: tests and benchmarks run on a fake one."""

    def __init__(self, limit: int = 30, window: float = 10.0, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}

    def allow(self, user_id: int, now: float) -> bool:
        """Sliding-window count of this user's recent updates."""
        stamps = self._seen.setdefault(user_id, deque())
        while stamps and now - stamps[0] > self.window:
            stamps.popleft()
        if len(stamps) >= self.limit:
            return False
        stamps.append(now)
        if len(self._seen) > 10_000:
            self._seen = {k: v for k, v in self._seen.items() if v and now - v[-1] <= self.window}
        return True

    async def __call__(
        self, handler: Handler, event: TelegramObject, data: dict[str, Any]
    ) -> Any:
        tg_user: TgUser | None = data.get("event_from_user")
        if tg_user is not None and not self.allow(tg_user.id, self.clock()):
            log.warning("flood: dropped an update from user %s", tg_user.id)
            return None
        return await handler(event, data)
