"""Storage fixtures: every test runs on a fresh migrated SQLite and PostgreSQL database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from sales.ports import UowFactory
from storage.db import session_factory
from storage.repo import uow_factory as make_uow_factory
from tests.dbutil import DB_KINDS, database


@pytest.fixture(params=DB_KINDS)
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated engine on a private database, disposed (and dropped) after the test."""
    async with database(request.param, tmp_path) as eng:
        yield eng


@pytest.fixture
def uow_factory(engine: AsyncEngine) -> UowFactory:
    """Units of work over the test database, as the bot's composition root builds them."""
    factory: UowFactory = make_uow_factory(session_factory(engine))
    return factory


@pytest.fixture
def now() -> datetime:
    """A fixed, timezone-aware 'now' (tests never read the wall clock)."""
    return datetime(2026, 3, 2, 9, 15, 30, 123456, tzinfo=UTC)
