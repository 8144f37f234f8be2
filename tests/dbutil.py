"""Migrated test databases on SQLite or PostgreSQL, isolated per test and safe under xdist.

SQLite: a file in the test's tmp_path. PostgreSQL: a fresh database (CREATE DATABASE on the
server named by XUNKE_TEST_PG_URL), dropped afterwards. With XUNKE_REQUIRE_PG=1 (CI) a missing
URL fails the PostgreSQL tests instead of skipping them.

    from tests.dbutil import DB_KINDS, database
    from tests.dbutil import pytest_runtest_makereport as pytest_runtest_makereport

    @pytest.fixture(params=DB_KINDS)
    async def engine(request, tmp_path):
        async with database(request.param, tmp_path) as eng:
            yield eng

`database_url(kind, tmp_path)` yields a URL to an empty database instead (e.g. for a subprocess).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from storage.db import create_engine
from storage.migrate import upgrade

PG_URL = os.environ.get("XUNKE_TEST_PG_URL")
REQUIRE_PG = os.environ.get("XUNKE_REQUIRE_PG") == "1"
PG_SKIP_REASON = "XUNKE_TEST_PG_URL not set: PostgreSQL tests skipped"
TEST_DB_PREFIX = "xunke_t_"
_PG_DATABASES: dict[AsyncEngine, str] = {}

DB_KINDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres", id="postgres",
        marks=[pytest.mark.postgres,
               pytest.mark.skipif(not PG_URL and not REQUIRE_PG, reason=PG_SKIP_REASON)],
    ),
]


def _pg_base_url() -> str:
    """The server URL from the environment, or a hard error when CI requires PostgreSQL."""
    if not PG_URL:
        raise RuntimeError("XUNKE_REQUIRE_PG=1 but XUNKE_TEST_PG_URL is not set")
    return PG_URL


def _unique_db_name() -> str:
    """A lowercase name unique across xdist workers and runs."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"{TEST_DB_PREFIX}{worker}_{uuid.uuid4().hex[:12]}"


async def _pg_admin(sql: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE) on the base database."""
    admin = create_async_engine(_pg_base_url(), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        async with admin.connect() as conn:
            await conn.execute(text(sql))
    finally:
        await admin.dispose()


async def create_pg_database() -> str:
    """Create an empty database on the test server and return its URL."""
    name = _unique_db_name()
    await _pg_admin(f'CREATE DATABASE "{name}"')
    return make_url(_pg_base_url()).set(database=name).render_as_string(hide_password=False)


async def drop_pg_database(url: str) -> None:
    """Drop a database made by create_pg_database, closing any connections still open."""
    name = make_url(url).database or ""
    if not name.startswith(TEST_DB_PREFIX):
        raise ValueError(f"refusing to drop {name!r}: not a test database")
    await _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@asynccontextmanager
async def database_url(kind: str, tmp_path: Path) -> AsyncIterator[str]:
    """A URL to an empty, private database of the given kind (e.g. for a subprocess)."""
    url = await _new_database(kind, tmp_path)
    try:
        yield url
    finally:
        if kind == "postgres":
            await drop_pg_database(url)


async def _new_database(kind: str, tmp_path: Path) -> str:
    """Create an empty database of the kind ("sqlite" or "postgres") and return its URL."""
    if kind == "sqlite":
        path = tmp_path / "t.db"
        if path.exists():  # a second database in the same test
            path = tmp_path / f"t-{uuid.uuid4().hex[:8]}.db"
        return f"sqlite+aiosqlite:///{path}"
    if kind == "postgres":
        return await create_pg_database()
    raise ValueError(f"unknown database kind {kind!r}")


async def make_engine(kind: str, tmp_path: Path, *, migrate: bool = True) -> AsyncEngine:
    """The app's engine on a fresh database, migrated to head; release with dispose_engine."""
    url = await _new_database(kind, tmp_path)
    engine = create_engine(url)
    if kind == "postgres":
        _PG_DATABASES[engine] = url
    try:
        if migrate:
            await upgrade(engine)
    except BaseException:
        await dispose_engine(engine)
        raise
    return engine


async def dispose_engine(engine: AsyncEngine) -> None:
    """Close the engine's connections and drop its PostgreSQL database, if make_engine made one."""
    await engine.dispose()
    url = _PG_DATABASES.pop(engine, None)
    if url is not None:
        await drop_pg_database(url)


@asynccontextmanager
async def database(
    kind: str, tmp_path: Path, *, migrate: bool = True
) -> AsyncIterator[AsyncEngine]:
    """make_engine as a context manager: disposed and dropped on exit."""
    engine = await make_engine(kind, tmp_path, migrate=migrate)
    try:
        yield engine
    finally:
        await dispose_engine(engine)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """With XUNKE_REQUIRE_PG=1 a skipped `postgres` test is a failure (import into a conftest)."""
    report = yield
    if REQUIRE_PG and report.skipped and item.get_closest_marker("postgres"):
        report.outcome = "failed"
        report.longrepr = f"PostgreSQL test skipped although XUNKE_REQUIRE_PG=1: {report.longrepr}"
    return report
