"""Engine and session factory for SQLite (embedded default) and PostgreSQL alike."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

SCHEDULER_LOCK_KEY = 0x58554E4B  # "XUNK": one scheduler per database
log = logging.getLogger("xunke.db")


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine; for SQLite the folder is created and WAL + busy timeout are set."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True, **kwargs)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)
    event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """WAL lets readers and one writer overlap; foreign keys are off by default in SQLite.
    synchronous=NORMAL: in WAL mode a commit no longer waits for fsync (a power cut may lose
    the last commits, never corrupt the file), which makes a bot update several times cheaper."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded values after commit (dataclasses are built from them)."""
    return async_sessionmaker(engine, expire_on_commit=False)


def is_postgres(engine: AsyncEngine) -> bool:
    """Some queries (SKIP LOCKED, advisory locks) exist only on PostgreSQL."""
    return engine.dialect.name == "postgresql"


async def try_scheduler_lock(engine: AsyncEngine) -> AsyncConnection | None:
    """PostgreSQL: a dedicated connection holding the scheduler's advisory lock for the process
    lifetime, or None when another process holds it. Several bots, one scheduler."""
    conn = await engine.connect()
    try:
        got = await conn.scalar(text("SELECT pg_try_advisory_lock(:key)"),
                                {"key": SCHEDULER_LOCK_KEY})
        await conn.commit()  # the lock is session-level: end the transaction, keep the session
    except BaseException:
        await conn.close()
        raise
    if got:
        return conn
    await conn.close()
    return None


async def release_scheduler_lock(conn: AsyncConnection) -> None:
    """Unlock before the connection goes back to the pool (closing alone would keep it held)."""
    try:
        await conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEDULER_LOCK_KEY})
        await conn.commit()
    except Exception:  # connection already gone: the server dropped the lock with it
        log.warning("scheduler lock: unlock failed, dropping the connection", exc_info=True)
        await conn.invalidate()
    finally:
        await conn.close()


@contextlib.asynccontextmanager
async def scheduler_lock(engine: AsyncEngine) -> AsyncIterator[bool]:
    """True while this process may run the scheduler: always on SQLite (one process), on
    PostgreSQL only if it won the advisory lock."""
    if not is_postgres(engine):
        yield True
        return
    conn = await try_scheduler_lock(engine)
    try:
        yield conn is not None
    finally:
        if conn is not None:
            await release_scheduler_lock(conn)
