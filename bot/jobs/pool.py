"""The pool's nightly sweep: warn owners three days before, then return neglected prospects to
the team pool. Moves and their notices commit together; dedupe keys make reruns harmless."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Translator
from bot.jobs.rhythm import ReminderCb
from bot.jobs.scheduler import JobDeps
from bot.render import listing
from sales.outbox.model import Button, OutMessage
from sales.people.model import Team
from sales.pool import use_cases as pool
from sales.pool.model import Released, Warned

NAMES_SHOWN = 15
BUTTONS_SHOWN = 8


def notice(deps: JobDeps) -> pool.Notice:
    """Words a warning or a release in the owner's language."""

    def make(team: Team, what: Warned | Released) -> OutMessage:
        t = deps.locales.get(what.owner.language or team.language)
        names = listing([t("pool-notice-line", name=p.card.name) for p in what.prospects],
                        NAMES_SHOWN, lambda n: t("pool-more", n=n))
        if isinstance(what, Warned):
            text = t("pool-warn-text", count=len(what.prospects), day=what.pool_day.isoformat(),
                     names_html=names)
            return OutMessage(what.key, what.owner.telegram_id, text, "pool_warn",
                              what.owner.id, _open_buttons(t, what))
        text = t("pool-moved-text", count=len(what.prospects), days=team.pool_after_days or 0,
                 names_html=names)
        return OutMessage(what.key, what.owner.telegram_id, text, "pool_moved", what.owner.id)

    return make


def _open_buttons(t: Translator, what: Warned) -> tuple[tuple[Button, ...], ...]:
    """One 'open card' button per prospect still the owner's, so a contact saves it."""
    return tuple((Button(t.raw("pool-open", name=p.card.name)[:60],
                         ReminderCb(action="open", id=p.id).pack()),)
                 for p in what.prospects[:BUTTONS_SHOWN])


async def scan_pool(deps: JobDeps, now: datetime) -> int:
    """Every team with the rule on: warnings and moves due at `now` (how many moved)."""
    async with deps.uow_factory() as uow:
        return await pool.sweep(uow, now, notice(deps))
