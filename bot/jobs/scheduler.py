"""One APScheduler (UTC, memory job store) running a few scanner jobs at fixed intervals.

Jobs are plain async functions `(deps, now)` that read what is due from the database, so
nothing is pickled, a restart loses nothing and tests call them directly.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from apscheduler.jobstores.memory import MemoryJobStore  # type: ignore[import-untyped]
from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]
from apscheduler.triggers.interval import IntervalTrigger  # type: ignore[import-untyped]

from bot.i18n import Locales
from sales.kernel.clock import Clock
from sales.outbox.ports import Transport
from sales.uow import UowFactory

JOB_OPTIONS: dict[str, Any] = {
    "replace_existing": True,
    "coalesce": True,
    "max_instances": 1,
    "misfire_grace_time": 300,
}
STOP_GRACE = 10.0


@dataclass(frozen=True)
class JobDeps:
    """What scanner jobs need; the outbox is reached only through `uow_factory`."""

    uow_factory: UowFactory
    sender: Transport
    clock: Clock
    locales: Locales = field(default_factory=Locales)
    default_timezone: str = "Asia/Shanghai"


Job = Callable[[JobDeps, datetime], Awaitable[object]]
"""A scanner: reads what is due at `now`, enqueues or sends it."""

Runner = Callable[[], Coroutine[Any, Any, None]]
ScheduledJob = tuple[str, float, Runner]
"""(fixed job id, interval in seconds, coroutine function to run)."""


def bind(deps: JobDeps, job: Job) -> Runner:
    """A no-argument coroutine function for APScheduler: the job at the clock's `now`."""

    async def run() -> None:
        await job(deps, deps.clock())

    return run


def every(seconds: float, job_id: str, deps: JobDeps, job: Job) -> ScheduledJob:
    """One line per job in `bot.jobs.jobs`."""
    return job_id, seconds, bind(deps, job)


def build_scheduler(jobs: list[ScheduledJob]) -> AsyncIOScheduler:
    """UTC, memory store, fixed ids; coalesced, never overlapping, late runs still run (300 s).

    Each job first runs right after start, so downtime is caught up at once.
    """
    scheduler = AsyncIOScheduler(timezone=UTC, jobstores={"default": MemoryJobStore()})
    for job_id, seconds, run in jobs:
        scheduler.add_job(
            run, IntervalTrigger(seconds=seconds, timezone=UTC), id=job_id, name=job_id,
            next_run_time=datetime.now(UTC),  # "now" on APScheduler's own (real) clock
            **JOB_OPTIONS,
        )
    return scheduler


def _tracked(run: Runner, running: set[asyncio.Task[Any]]) -> Runner:
    """Remember the run in progress so a shutdown can wait for it instead of cutting it."""

    async def tracked() -> None:
        task = asyncio.current_task()
        if task is not None:
            running.add(task)
        try:
            await run()
        finally:
            if task is not None:
                running.discard(task)

    return tracked


@asynccontextmanager
async def running_scheduler(
    jobs: list[ScheduledJob], grace: float = STOP_GRACE
) -> AsyncIterator[AsyncIOScheduler]:
    """Start the jobs; on exit stop firing, let runs in progress finish (up to `grace` s)."""
    running: set[asyncio.Task[Any]] = set()
    scheduler = build_scheduler([(i, s, _tracked(run, running)) for i, s, run in jobs])
    scheduler.start()
    try:
        yield scheduler
    finally:
        scheduler.pause()
        if running:
            await asyncio.wait(set(running), timeout=grace)
        scheduler.shutdown(wait=False)  # on the loop's next turn: cancels runs still going
        await asyncio.sleep(0)
        if running:  # let cancelled runs give their untried rows back
            await asyncio.wait(set(running), timeout=1.0)
