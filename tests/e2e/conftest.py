"""Fixtures for end-to-end tests: a stand-in Telegram Bot API server on a free local port."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.demo.fakeapi import DEFAULT_TOKEN, FakeTelegram


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A started FakeTelegram (token DEFAULT_TOKEN, bot @xunke_test_bot), stopped afterwards."""
    async with FakeTelegram(DEFAULT_TOKEN, username="xunke_test_bot") as fake:
        yield fake
