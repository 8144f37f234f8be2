"""Search and duplicate check end to end (database reads included) on a team of 10k / 100k.

Side by side in the same run: the path before the index (every candidate loaded, then scored
in Python) and a naive rapidfuzz `process.extract` over the same names held in memory.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

from rapidfuzz import process
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from bench.results import Report, atimed_ms, p95, timed_ms
from sales.people import use_cases as teams
from sales.people.model import NewTeam, Role, User
from sales.prospects import use_cases as prospecting
from sales.prospects.matching import search
from sales.prospects.model import Kind, Method, ProspectDraft, ProspectRecord
from sales.uow import UowFactory
from storage.db import create_engine, session_factory
from storage.migrate import upgrade
from storage.uow import uow_factory

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
QUERIES = ["zhang wei", "张伟", "5678", "wang", "li na", "zw", "Anna Li1", "公司12",
           "zhagnwei", "138000012", "陈静", "huang fang", "Dana", "王"]
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TARGET_MS = {10_000: 20.0, 100_000: 50.0}
CHUNK = 5_000


def people(size: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """Names (Chinese, a quarter Latin), companies and mobile numbers of a team."""
    rnd = random.Random(seed)
    found = []
    for i in range(size):
        name = rnd.choice(SURNAMES) + "".join(rnd.choices(GIVEN, k=rnd.choice((1, 2))))
        if i % 4 == 0:
            name = f"{rnd.choice(['Anna', 'Ben', 'Chris', 'Dana'])} {rnd.choice(['Li', 'Wu'])}{i}"
        found.append((name, f"公司{i % 300}", f"+86138{i:08d}"))
    return found


async def fill(uows: UowFactory, size: int, tg_base: int) -> tuple[User, list[str]]:
    """A team of `size` prospects owned by two reps; returns its manager and the names."""
    async with uows() as uow:
        team = await teams.create_team(uow, None, NewTeam(f"T{size}", "Asia/Shanghai", "CN",
                                                           "zh"), NOW)
    members = []
    for offset, role in enumerate((Role.MANAGER, Role.REP, Role.REP)):
        async with uows() as uow:
            invite = await teams.create_invite(uow, None, team.id, role, NOW)
        async with uows() as uow:
            members.append(await teams.accept_invite(uow, invite.token, tg_base + offset,
                                                     f"U{offset}", NOW))
    rows = people(size)
    for start in range(0, size, CHUNK):
        records = [ProspectRecord(members[1 + i % 2].id,
                                  ProspectDraft(Kind.INDIVIDUAL, n, Method.EXHIBITION,
                                                company=c, phone=p), NOW)
                   for i, (n, c, p) in enumerate(rows[start:start + CHUNK], start)]
        async with uows() as uow:
            await uow.prospects.add_many(team.id, records)
            await uow.commit()
    return members[0], [n for n, _, _ in rows]


async def find_ms(uows: UowFactory, actor: User, query: str) -> float:
    """One search as the bot runs it: a unit of work, the use case, the hits."""
    async def once() -> None:
        async with uows() as uow:
            await prospecting.find(uow, actor, query)
    return await atimed_ms(once)


async def before_ms(uows: UowFactory, actor: User, query: str) -> float:
    """The search as it was before the index: load every candidate, score each in Python."""
    async def once() -> None:
        async with uows() as uow:
            search(query, await uow.prospects.candidates(actor.team_id or 0), 50)
    return await atimed_ms(once)


async def dup_ms(uows: UowFactory, actor: User, draft: ProspectDraft) -> float:
    """The duplicate check before saving a new card."""
    async def once() -> None:
        async with uows() as uow:
            await prospecting.check_new(uow, actor, draft, date(2026, 11, 23))
    return await atimed_ms(once)


async def same_hits(uows: UowFactory, actor: User, queries: list[str]) -> int:
    """Queries whose hits differ from the search before the index (expected: none)."""
    async with uows() as uow:
        everyone = await uow.prospects.candidates(actor.team_id or 0)
    differ = 0
    for query in queries:
        async with uows() as uow:
            differ += await prospecting.find(uow, actor, query) != search(query, everyone, 50)
    return differ


async def measure(report: Report, kind: str, engine: AsyncEngine, sizes: tuple[int, ...],
                  runs: int) -> None:
    """Every search/duplicate number of one database."""
    uows = uow_factory(session_factory(engine))
    for n, size in enumerate(sizes):
        label = f"{size // 1000}k"
        actor, names = await fill(uows, size, 1000 * (n + 1))
        report.add(f"search_index_build_ms_{label}_{kind}", await find_ms(uows, actor, "x"),
                   "ms")
        samples = [await find_ms(uows, actor, QUERIES[i % len(QUERIES)]) for i in range(runs)]
        report.add(f"search_p95_ms_{label}_{kind}", p95(samples), "ms", TARGET_MS[size])
        drafts = [ProspectDraft(Kind.INDIVIDUAL, name, Method.EXHIBITION,
                                phone=f"+86139{i:08d}") for i, name in enumerate(names[:runs])]
        samples = [await dup_ms(uows, actor, d) for d in drafts]
        report.add(f"dup_check_p95_ms_{label}_{kind}", p95(samples), "ms", TARGET_MS[size])
        checked = QUERIES[:max(4, 140_000 // size)]
        report.add(f"search_differs_from_before_{label}_{kind}",
                   await same_hits(uows, actor, checked), "n", 0)
        slow = [await before_ms(uows, actor, q) for q in QUERIES[:max(3, 300_000 // size)]]
        report.add(f"search_before_p95_ms_{label}_{kind}", p95(slow), "ms")
        if kind == "sqlite":
            naive = [timed_ms(partial(process.extract, q, names, limit=10)) for q in QUERIES]
            report.add(f"naive_extract_p95_ms_{label}", p95(naive), "ms")


@asynccontextmanager
async def pg_database(url: str) -> AsyncIterator[AsyncEngine]:
    """A fresh, migrated database on the PostgreSQL server of `url`, dropped afterwards."""
    name = f"xunke_bench_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_engine(make_url(url).set(database=name).render_as_string(False))
    try:
        await upgrade(engine)
        yield engine
    finally:
        await engine.dispose()
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


async def run_all(report: Report, folder: Path, sizes: tuple[int, ...], runs: int) -> str:
    """SQLite always, PostgreSQL when XUNKE_TEST_PG_URL is set; returns the SQLite URL."""
    url = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
    engine = create_engine(url)
    await upgrade(engine)
    await measure(report, "sqlite", engine, sizes, runs)
    await engine.dispose()
    pg = os.environ.get("XUNKE_TEST_PG_URL")
    if pg:
        async with pg_database(pg) as pg_engine:
            await measure(report, "postgres", pg_engine, sizes, runs)
    else:
        print("XUNKE_TEST_PG_URL not set: PostgreSQL skipped", file=sys.stderr)
    return url


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(run_all(Report(), Path(tmp), (10_000,), 50))
