"""Shared fixtures: locales loaded once, a fixed clock, a migrated SQLite database per test."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.i18n import Locales
from storage.db import create_engine
from storage.migrate import upgrade
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
