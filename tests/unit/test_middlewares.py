"""Flood control: one noisy client is slowed down without touching the others."""

from __future__ import annotations

from bot.middlewares import FloodMiddleware


def test_flood_window_per_user() -> None:
    flood = FloodMiddleware(limit=3, window=10.0)
    assert [flood.allow(1, t) for t in (0.0, 1.0, 2.0, 3.0)] == [True, True, True, False]
    assert flood.allow(2, 3.0)  # another user is not affected
    assert flood.allow(1, 10.5)  # the oldest update left the window
    assert not flood.allow(1, 10.6)
