"""The search index cache on SQLite and PostgreSQL: writes anywhere are seen by the next query."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from sqlalchemy import JSON, DateTime, column, select, table
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from sales.prospects import use_cases as prospecting
from sales.prospects.index import search_keys
from sales.prospects.model import Kind, Method, ProspectDraft
from sales.uow import UowFactory
from storage.db import session_factory
from storage.migrate import alembic_config, upgrade
from storage.prospects.tables import ProspectRow, SearchStampRow
from storage.uow import uow_factory as make_uow_factory
from tests.storage.test_prospects_repo import TZ, _people
from tests.storage.test_repos import run


def draft(name: str, phone: str | None = None) -> ProspectDraft:
    """A plain card."""
    return ProspectDraft(Kind.INDIVIDUAL, name, Method.EXHIBITION, phone=phone)


async def names(f: UowFactory, actor: object, query: str) -> list[str]:
    """Names a search finds, best first."""
    return [h.candidate.name for h in await run(f, prospecting.find, actor, query)]


async def test_another_process_sees_every_write_at_its_next_query(
    engine: AsyncEngine, uow_factory: UowFactory, now: datetime
) -> None:
    """Two factories (two processes' caches) on one database: creating, editing and handing
    over in one is seen by the other's next search and duplicate check."""
    rep, mate, boss = await _people(uow_factory, now)
    other = make_uow_factory(session_factory(engine))
    assert await names(other, boss, "zhang") == []
    made = await run(uow_factory, prospecting.create, rep, draft("张伟", "13812345678"), now, TZ)
    assert await names(other, boss, "zhang") == ["张伟"]
    await run(uow_factory, prospecting.edit, rep, made.id, "name", "李娜", now, TZ)
    assert await names(other, boss, "zhang") == [] and await names(other, boss, "li na") == ["李娜"]
    assert await names(other, mate, "li na") == []  # a rep searches their own prospects
    await run(uow_factory, prospecting.reassign, boss, made.id, mate.id, now)
    assert await names(other, mate, "li na") == ["李娜"] and await names(other, rep, "li") == []
    _, found = await run(other, prospecting.check_new, rep, draft("x", "138 1234 5678"),
                         now.date())
    assert [m.candidate.id for m in found] == [made.id]
    async with engine.connect() as conn:
        stamp = await conn.scalar(select(SearchStampRow.rev))
        row = (await conn.execute(select(ProspectRow.rev, ProspectRow.search_keys))).one()
    assert stamp == row.rev == 3  # one bump per write that search can see
    assert row.search_keys == search_keys("李娜", None, "+8613812345678").encode()


async def test_a_cached_index_keeps_answering_without_reloading(
    uow_factory: UowFactory, now: datetime
) -> None:
    """The second search of an unchanged team reuses the index object."""
    rep, _, boss = await _people(uow_factory, now)
    await run(uow_factory, prospecting.create, rep, draft("王芳"), now, TZ)
    async with uow_factory() as uow:
        first = await uow.prospects.search_index(boss.team_id or 0)
    async with uow_factory() as uow:
        again = await uow.prospects.search_index(boss.team_id or 0)
    assert again is first and first.rev == 1 and len(first.ids) == 1


OLD_PROSPECTS = table(
    "prospects", *(column(c) for c in (
        "team_id", "owner_id", "kind", "name", "phone", "decision_maker", "method", "man_money",
        "man_authority", "man_need", "stage", "birthday_lunar", "birthday_leap",
        "direct_mail", "do_not_contact")),
    column("tags", JSON), column("created_at", DateTime(timezone=True)),
    column("updated_at", DateTime(timezone=True)))


def _to(conn: Connection, revision: str) -> None:
    """Downgrade on the given connection."""
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.downgrade(cfg, revision)


async def test_the_migration_fills_the_keys_of_existing_prospects(
    engine: AsyncEngine, uow_factory: UowFactory, now: datetime
) -> None:
    """A card stored before 0010 (inserted at 0009, as that schema had it) gets its keys."""
    rep, _, boss = await _people(uow_factory, now)
    async with engine.begin() as conn:
        await conn.run_sync(_to, "0009")
        await conn.execute(OLD_PROSPECTS.insert().values(
            team_id=rep.team_id, owner_id=rep.id, kind="individual", name="曾小贤",
            phone="+861065529988", decision_maker="unknown", method="exhibition",
            man_money="unknown", man_authority="unknown", man_need="unknown", stage="new",
            birthday_lunar=False, birthday_leap=False, tags=[], direct_mail=False,
            do_not_contact=False, created_at=now, updated_at=now))
    await upgrade(engine)
    async with engine.connect() as conn:
        keys = await conn.scalar(select(ProspectRow.search_keys))
    assert keys == search_keys("曾小贤", None, "+861065529988").encode()
    fresh = make_uow_factory(session_factory(engine))
    assert await names(fresh, boss, "zeng") == ["曾小贤"]


async def test_the_pool_moves_are_seen_by_another_process(
    engine: AsyncEngine, uow_factory: UowFactory, now: datetime
) -> None:
    """A prospect sent to the pool leaves its last owner's search in every process; claimed,
    it is found by its new owner's search there too (the pool stamps what search sees)."""
    from sales.pool import use_cases as pool
    from sales.pool.model import Reason

    rep, mate, boss = await _people(uow_factory, now)
    other = make_uow_factory(session_factory(engine))
    made = await run(uow_factory, prospecting.create, rep, draft("张伟"), now, TZ)
    assert await names(other, rep, "zhang") == ["张伟"]
    async with uow_factory() as uow:
        assert await uow.pool.release(made.id, rep.id, Reason.LEFT, now) is not None
        await uow.commit()
    assert await names(other, rep, "zhang") == []  # no longer the last owner's
    assert await names(other, boss, "zhang") == ["张伟"]  # still the team's
    await run(uow_factory, pool.claim, mate, made.id, now, TZ)
    assert await names(other, mate, "zhang") == ["张伟"]
    assert await names(other, rep, "zhang") == []
