"""Flood control: one noisy client is slowed down without touching the others."""

from __future__ import annotations

from typing import Any

from aiogram.types import TelegramObject, Update
from aiogram.types import User as TgUser

from bot.middlewares import FloodMiddleware


def test_flood_window_per_user() -> None:
    flood = FloodMiddleware(limit=3, window=10.0)
    assert [flood.allow(1, t) for t in (0.0, 1.0, 2.0, 3.0)] == [True, True, True, False]
    assert flood.allow(2, 3.0)  # another user is not affected
    assert flood.allow(1, 10.5)  # the oldest update left the window
    assert not flood.allow(1, 10.6)


async def test_flood_middleware_counts_on_its_injected_clock() -> None:
    """Only the fake monotonic clock moves, and it alone decides what is dropped."""
    now = [100.0]
    flood = FloodMiddleware(limit=2, window=10.0, clock=lambda: now[0])
    handled: list[TelegramObject] = []

    async def handler(event: TelegramObject, _data: dict[str, Any]) -> int:
        handled.append(event)
        return len(handled)

    data: dict[str, Any] = {"event_from_user": TgUser(id=5, is_bot=False, first_name="A")}
    update = Update(update_id=1)
    assert [await flood(handler, update, data) for _ in range(3)] == [1, 2, None]
    now[0] += 9.0
    assert await flood(handler, update, data) is None  # still inside the window
    now[0] += 1.5
    assert await flood(handler, update, data) == 3  # the first two left the window
