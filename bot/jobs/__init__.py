"""Scanner jobs: plain async functions `(deps, now)`; the scheduler runs the list below."""

from __future__ import annotations

from bot.jobs.digests import scan_digests, scan_reports
from bot.jobs.greetings import scan_greetings
from bot.jobs.pool import scan_pool
from bot.jobs.referrals import scan_referrals
from bot.jobs.rhythm import scan_evenings, scan_mornings, scan_reminders, scan_returns
from bot.jobs.scheduler import JobDeps, ScheduledJob, every
from bot.jobs.sender import flag_stuck, purge_finished, send_due

SEND_EVERY = 2.0
STUCK_EVERY = 60.0
REMINDERS_EVERY = 20.0
DAILY_EVERY = 60.0
RETURNS_EVERY = 300.0
PURGE_EVERY = 3600.0
GREETINGS_EVERY = 300.0
REFERRALS_EVERY = 300.0  # won referrals become owed rewards within minutes
POOL_EVERY = 900.0


def jobs(deps: JobDeps) -> list[ScheduledJob]:
    """Every scanner with its fixed id and interval: add new scanners (agenda, ...) here."""
    return [
        every(SEND_EVERY, "outbox-send", deps, send_due),
        every(STUCK_EVERY, "outbox-stuck", deps, flag_stuck),
        every(REMINDERS_EVERY, "scan-reminders", deps, scan_reminders),
        every(DAILY_EVERY, "scan-mornings", deps, scan_mornings),
        every(DAILY_EVERY, "scan-evenings", deps, scan_evenings),
        every(RETURNS_EVERY, "scan-returns", deps, scan_returns),
        every(PURGE_EVERY, "outbox-purge", deps, purge_finished),
        every(GREETINGS_EVERY, "scan-greetings", deps, scan_greetings),
        every(REFERRALS_EVERY, "scan-referrals", deps, scan_referrals),
        every(POOL_EVERY, "scan-pool", deps, scan_pool),
        every(DAILY_EVERY, "scan-digests", deps, scan_digests),
        every(DAILY_EVERY, "scan-reports", deps, scan_reports),
    ]
