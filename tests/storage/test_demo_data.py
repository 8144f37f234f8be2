"""The demo data generator: deterministic for a seed and a moment, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.demo.data import DemoSize, fill, manager_telegram_id, rep_telegram_id
from sales.prospects.model import Method
from storage.db import session_factory
from storage.uow import uow_factory
from tests.dbutil import DB_KINDS, dispose_engine, make_engine

NOW = datetime(2030, 1, 20, 3, 0, tzinfo=UTC)


@asynccontextmanager
async def _uows(kind: str, tmp_path: Path) -> AsyncIterator[Any]:
    """A unit-of-work factory on a fresh migrated database."""
    engine = await make_engine(kind, tmp_path)
    try:
        yield uow_factory(session_factory(engine))
    finally:
        await dispose_engine(engine)


async def _snapshot(kind: str, tmp_path: Path, size: DemoSize
                    ) -> tuple[object, list[tuple[object, ...]]]:
    """Generate into a fresh database; the summary and every prospect with its visits."""
    async with _uows(kind, tmp_path) as uows:
        summary = await fill(uows, size, NOW)
        async with uows() as uow:
            rows = []
            for team in await uow.teams.list():
                for p in sorted(await uow.prospects.of_team(team.id), key=lambda p: p.id):
                    visits = [v.draft for v in await uow.visits.of_prospect(p.id)]
                    rows.append((team.name, p.owner_id, p.card, p.created_at,
                                 p.last_contact_on, visits))
            lead = await uow.users.by_telegram_id(manager_telegram_id(2))
            rep = await uow.users.by_telegram_id(rep_telegram_id(2, 3))
            assert lead is not None and rep is not None and rep.team_id == lead.team_id
    return summary, rows


@pytest.mark.parametrize("kind", DB_KINDS)
async def test_same_seed_same_data_other_seed_other_data(kind: str, tmp_path: Path) -> None:
    size = DemoSize(teams=2, reps=3, prospects=120, seed=7)
    first, rows = await _snapshot(kind, tmp_path, size)
    again, rows_again = await _snapshot(kind, tmp_path, size)
    _, other = await _snapshot(kind, tmp_path, DemoSize(2, 3, 120, seed=8))
    assert (first, rows) == (again, rows_again)
    assert [r[2] for r in rows] != [r[2] for r in other]
    assert len(rows) == 120 and first.users == 2 * 4  # type: ignore[attr-defined]
    assert all(NOW.year - 1 <= r[3].year <= NOW.year for r in rows)  # within the last year
    assert len({r[2].method for r in rows}) > 5 and Method.REFERRAL in {r[2].method for r in rows}
    names = " ".join(r[2].name for r in rows)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in names) and any(ch.isascii() for ch in names)
    assert all(v.happened_on <= NOW.date() for r in rows for v in r[5])
