"""Job tests run on a fresh migrated SQLite and PostgreSQL database each."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from sales.ports import UowFactory
from storage.db import session_factory
from storage.repo import uow_factory
from tests.dbutil import DB_KINDS, database


@pytest.fixture(params=DB_KINDS)
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    async with database(request.param, tmp_path) as eng:
        yield eng


@pytest.fixture
def uows(engine: AsyncEngine) -> UowFactory:
    factory: UowFactory = uow_factory(session_factory(engine))
    return factory
