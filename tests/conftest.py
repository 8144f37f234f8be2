"""Shared fixtures: locales loaded once, a fixed clock, a migrated SQLite database per test."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.i18n import Locales
from sales.uow import UowFactory
from storage.db import create_engine, session_factory
from storage.migrate import upgrade
from storage.uow import uow_factory as make_uow_factory
from tests.dbutil import DB_KINDS, database
from tests.dbutil import pytest_runtest_makereport as pytest_runtest_makereport
from tests.fakes import FixedClock


@pytest.fixture(scope="session")
def locales() -> Locales:
    return Locales()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrate once per worker, copy per test: Alembic runs are the slow part."""
    path = tmp_path_factory.mktemp("template") / "template.db"

    async def build() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        await upgrade(engine)
        await engine.dispose()

    asyncio.run(build())
    return path


@pytest.fixture
async def sqlite_engine(migrated_sqlite_template: Path, tmp_path: Path
                        ) -> AsyncIterator[AsyncEngine]:
    """A private, already migrated SQLite database."""
    path = tmp_path / "xunke.db"
    shutil.copy(migrated_sqlite_template, path)
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    yield engine
    await engine.dispose()


@pytest.fixture(params=DB_KINDS)
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated engine on a private SQLite and PostgreSQL database, dropped afterwards."""
    async with database(request.param, tmp_path) as eng:
        yield eng


@pytest.fixture
def uow_factory(engine: AsyncEngine) -> UowFactory:
    """Units of work over the test database, as the bot's composition root builds them."""
    factory: UowFactory = make_uow_factory(session_factory(engine))
    return factory
