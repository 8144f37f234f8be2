"""Scanner jobs: plain async functions `(deps, now)`; the scheduler runs the list below."""

from __future__ import annotations

from bot.jobs.scheduler import JobDeps, ScheduledJob, every
from bot.jobs.sender import flag_stuck, send_due

SEND_EVERY = 2.0
STUCK_EVERY = 60.0


def jobs(deps: JobDeps) -> list[ScheduledJob]:
    """Every scanner with its fixed id and interval: add new scanners (agenda, ...) here."""
    return [
        every(SEND_EVERY, "outbox-send", deps, send_due),
        every(STUCK_EVERY, "outbox-stuck", deps, flag_stuck),
    ]
