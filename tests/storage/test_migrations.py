"""Migrations build the schema the ORM expects, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, MetaData, String, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.migrate import alembic_config, upgrade
from storage.schema import metadata

TABLES = {"teams", "users", "invites", "audit_log", "fsm_state"}


def _diff(conn: Connection, metadata: MetaData) -> list[Any]:
    """What `alembic check` would report: ORM metadata vs the live schema."""
    ctx = MigrationContext.configure(conn, opts={"compare_type": True})
    return list(compare_metadata(ctx, metadata))


def _tables(conn: Connection) -> set[str]:
    """Table names in the live schema."""
    return set(inspect(conn).get_table_names())


def _current(conn: Connection) -> str | None:
    """The revision stamped in alembic_version."""
    return MigrationContext.configure(conn).get_current_revision()


def _downgrade_base(conn: Connection) -> None:
    """Run every downgrade on the given connection."""
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.downgrade(cfg, "base")


def _head() -> str | None:
    """The newest revision among the migration scripts."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


async def test_upgrade_creates_all_tables_at_head(engine: AsyncEngine) -> None:
    """The fixture's upgrade made every table and stamped the head revision."""
    async with engine.connect() as conn:
        assert await conn.run_sync(_tables) >= TABLES
        assert await conn.run_sync(_current) == _head()


async def test_models_match_migrations(engine: AsyncEngine) -> None:
    """A model change without a migration fails here (same check as `alembic check`)."""
    async with engine.connect() as conn:
        assert await conn.run_sync(_diff, metadata) == []


async def test_comparison_detects_a_missing_migration(engine: AsyncEngine) -> None:
    """The check above is not vacuous: an extra model column shows up as a difference."""
    changed = MetaData(naming_convention=metadata.naming_convention)
    for table in metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["teams"].append_column(Column("motto", String(32), nullable=True))
    async with engine.connect() as conn:
        diff = await conn.run_sync(_diff, changed)
    assert [(d[0], d[3].name) for d in diff] == [("add_column", "motto")]


async def test_upgrade_again_is_a_no_op(engine: AsyncEngine) -> None:
    """Running upgrade on a database already at head changes nothing."""
    await upgrade(engine)
    async with engine.connect() as conn:
        assert await conn.run_sync(_current) == _head()
        assert await conn.run_sync(_diff, metadata) == []


async def test_downgrade_to_base_and_back(engine: AsyncEngine) -> None:
    """Every migration can be undone and redone."""
    async with engine.begin() as conn:
        await conn.run_sync(_downgrade_base)
    async with engine.connect() as conn:
        assert await conn.run_sync(_tables) & TABLES == set()
    await upgrade(engine)
    async with engine.connect() as conn:
        assert await conn.run_sync(_diff, metadata) == []
