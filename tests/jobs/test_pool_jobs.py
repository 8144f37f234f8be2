"""The pool's scanner through the real outbox on SQLite and PostgreSQL: localized warnings
and move notices, once each, and a crash mid-sweep leaves nothing half done."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.i18n import Locales
from bot.jobs.pool import scan_pool
from bot.jobs.scheduler import JobDeps
from sales.outbox.model import OutMessage
from sales.people.model import Team
from sales.pool import use_cases as pool
from sales.pool.model import Released, Warned
from sales.prospects import use_cases as prospecting
from sales.uow import UowFactory
from storage.outbox.tables import OutboxRow
from tests.fakes import FixedClock
from tests.storage.test_pool import NOW, TODAY, TZ, add, crew
from tests.storage.test_repos import run


def deps(uows: UowFactory) -> JobDeps:
    return JobDeps(uows, None, FixedClock(NOW), Locales(), TZ)  # type: ignore[arg-type]


async def rows(uows: UowFactory) -> list[OutboxRow]:
    async with uows() as uow:
        found = await uow.session.scalars(select(OutboxRow)  # type: ignore[attr-defined]
                                          .order_by(OutboxRow.id))
        return list(found)


async def test_scan_warns_and_moves_in_the_owners_language(uows: UowFactory) -> None:
    rep, *_ = await crew(uows)
    await add(uows, rep, "<b>Wang</b>", TODAY - timedelta(days=27))
    await add(uows, rep, "Li", TODAY - timedelta(days=31))
    assert await scan_pool(deps(uows), NOW) == 1
    assert await scan_pool(deps(uows), NOW + timedelta(minutes=15)) == 0
    found = await rows(uows)
    assert [r.kind for r in found] == ["pool_warn", "pool_moved"]
    warn, moved = found
    assert warn.chat_id == rep.telegram_id
    assert "&lt;b&gt;Wang&lt;/b&gt;" in warn.text and "2026-12-04" in warn.text  # escaped
    assert "退回公海" in warn.text  # the team speaks zh and the rep chose nothing
    assert "Li" in moved.text and "30" in moved.text
    assert warn.buttons and "Wang" in str(warn.buttons)


async def test_a_crash_mid_sweep_leaves_nothing_half_done(uows: UowFactory) -> None:
    rep, *_ = await crew(uows)
    stale = await add(uows, rep, "Li", TODAY - timedelta(days=31))

    def broken(team: Team, what: Warned | Released) -> OutMessage:
        raise RuntimeError("crash while wording")

    async with uows() as uow:
        with pytest.raises(RuntimeError):
            await pool.sweep(uow, NOW, broken)
    assert await rows(uows) == []
    assert not (await run(uows, prospecting.visible, rep, stale.id)).pooled
    assert await scan_pool(deps(uows), NOW) == 1  # the next run does it, notice included
    assert [r.kind for r in await rows(uows)] == ["pool_moved"]
