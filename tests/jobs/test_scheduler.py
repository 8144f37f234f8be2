"""The APScheduler wiring: job options, immediate first run, graceful stop, the config switch."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from apscheduler.triggers.interval import IntervalTrigger

import bot.app as main
from bot.config import load_settings
from bot.jobs.scheduler import JobDeps, bind, build_scheduler, every, running_scheduler
from storage.db import create_engine, release_scheduler_lock, try_scheduler_lock
from tests.dbutil import DB_KINDS, database
from tests.fakes import FixedClock

JOB_IDS = ["outbox-send", "outbox-stuck", "scan-reminders", "scan-mornings", "scan-evenings",
           "scan-returns", "outbox-purge", "scan-greetings", "scan-referrals", "scan-pool",
           "scan-digests", "scan-reports"]
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def deps() -> JobDeps:
    return JobDeps(uow_factory=None, sender=None, clock=FixedClock(NOW))  # type: ignore[arg-type]


async def noop() -> None:
    """A job that does nothing."""


def test_jobs_are_declared_with_fixed_ids_and_safe_options() -> None:
    scheduler = build_scheduler([("a", 2.0, noop), ("b", 60.0, noop)])
    assert str(scheduler.timezone) == "UTC"
    found = {job.id: job for job in scheduler.get_jobs()}
    assert set(found) == {"a", "b"}
    for job in found.values():
        assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 300)
        assert isinstance(job.trigger, IntervalTrigger)
    assert found["a"].trigger.interval.total_seconds() == 2.0


async def test_bound_job_gets_deps_and_the_clock_time() -> None:
    seen: list[tuple[JobDeps, datetime]] = []

    async def job(d: JobDeps, now: datetime) -> None:
        seen.append((d, now))

    d = deps()
    await bind(d, job)()
    assert seen == [(d, NOW)]
    assert every(5, "x", d, job)[:2] == ("x", 5)


async def test_runs_at_once_and_stop_waits_for_a_run_in_progress() -> None:
    started, finished = asyncio.Event(), asyncio.Event()
    release = asyncio.Event()

    async def slow() -> None:
        started.set()
        await release.wait()
        finished.set()

    async with running_scheduler([("slow", 3600.0, slow)], grace=5.0):
        await asyncio.wait_for(started.wait(), 2)  # first run right after start
        asyncio.get_running_loop().call_later(0.05, release.set)
    assert finished.is_set()


async def test_stop_cancels_a_run_past_the_grace() -> None:
    started, cancelled = asyncio.Event(), asyncio.Event()

    async def stuck() -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    async with running_scheduler([("stuck", 3600.0, stuck)], grace=0.05):
        await asyncio.wait_for(started.wait(), 2)
    assert cancelled.is_set()


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Replace the real scheduler in the composition root by a recorder of its job ids."""
    calls: list[list[str]] = []

    @asynccontextmanager
    async def fake_running(jobs: list[Any]) -> AsyncIterator[None]:
        calls.append([job_id for job_id, _, _ in jobs])
        yield

    monkeypatch.setattr(main, "running_scheduler", fake_running)
    return calls


@pytest.mark.parametrize("enabled", [True, False])
async def test_config_switch(started: list[list[str]], tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch, enabled: bool) -> None:
    monkeypatch.setenv("XUNKE_SCHEDULER__ENABLED", str(enabled).lower())
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/x.db")
    try:
        async with main.scheduler(load_settings(None), engine, deps()):
            pass
    finally:
        await engine.dispose()
    assert started == ([JOB_IDS] if enabled else [])


@pytest.mark.parametrize("kind", [p for p in DB_KINDS if p.id == "postgres"])
async def test_no_scheduler_while_another_process_holds_the_lock(
    started: list[list[str]], tmp_path: Path, kind: str
) -> None:
    settings = load_settings(None)
    async with database(kind, tmp_path) as engine:
        other = create_engine(engine.url.render_as_string(hide_password=False))
        held = await try_scheduler_lock(other)
        assert held is not None
        try:
            async with main.scheduler(settings, engine, deps()):
                assert started == []
        finally:
            await release_scheduler_lock(held)
            await other.dispose()
        async with main.scheduler(settings, engine, deps()):
            assert started == [JOB_IDS]


@pytest.mark.parametrize("kind", [p for p in DB_KINDS if p.id == "postgres"])
async def test_standby_takes_over_when_the_leader_stops(
    started: list[list[str]], tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main, "STANDBY_RETRY", 0.05)
    async with database(kind, tmp_path) as engine:
        leader_engine = create_engine(engine.url.render_as_string(hide_password=False))
        leader = await try_scheduler_lock(leader_engine)
        assert leader is not None
        try:
            async with main.scheduler(load_settings(None), engine, deps()):
                await asyncio.sleep(0.2)
                assert started == []  # standing by while the leader runs
                await release_scheduler_lock(leader)  # the leading process stops
                for _ in range(100):
                    if started:
                        break
                    await asyncio.sleep(0.05)
                assert started == [JOB_IDS]
                assert await try_scheduler_lock(leader_engine) is None  # now held here
            again = await try_scheduler_lock(leader_engine)  # released on shutdown
            assert again is not None
            await release_scheduler_lock(again)
        finally:
            await leader_engine.dispose()
