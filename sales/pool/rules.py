"""The pool's team rule, the warning before it, the daily claim cap and the reclaim ban: pure."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sales.kernel.clock import local_today
from sales.people.model import Team
from sales.pool.model import WARN_DAYS, Fate
from sales.prospects.model import Prospect, Stage


def last_touch(prospect: Prospect, tz: str) -> date:
    """The last contact day, else the local day it was added."""
    return prospect.last_contact_on or local_today(tz, prospect.created_at)


def pool_day(prospect: Prospect, team: Team) -> date | None:
    """The day the rule sends it to the pool; None when the rule is off or never applies
    (won, do-not-contact: nobody may call them, already pooled)."""
    card = prospect.card
    if team.pool_after_days is None or prospect.pooled or card.stage is Stage.WON or (
            card.do_not_contact):
        return None
    return last_touch(prospect, team.timezone) + timedelta(days=team.pool_after_days)


def fate(prospect: Prospect, team: Team, today: date) -> Fate:
    """Pool on or after its pool day; warn in the last WARN_DAYS before it; else keep."""
    day = pool_day(prospect, team)
    if day is None or today < day - timedelta(days=WARN_DAYS):
        return Fate.KEEP
    return Fate.POOL if today >= day else Fate.WARN


def stale_cutoff(team: Team, today: date) -> date | None:
    """A last contact on or before this day is due today (the sweep's guard, in the UPDATE,
    against a contact recorded while it runs)."""
    if team.pool_after_days is None:
        return None
    return today - timedelta(days=team.pool_after_days)


def warn_cutoff(team: Team, today: date) -> date | None:
    """A last touch on or before this day is warned or due today: what the sweep looks at."""
    if team.pool_after_days is None:
        return None
    return today - timedelta(days=team.pool_after_days - WARN_DAYS)


def claim_refusal(team: Team, claimed_today: int, released_at: datetime | None,
                  now: datetime) -> str | None:
    """Why a rep may not claim: the daily cap is reached, or they let this one go less than
    `pool_reclaim_days` ago (`released_at`: when it left them, if it did)."""
    if claimed_today >= team.pool_claim_cap:
        return "pool-cap-reached"
    if released_at is not None and now - released_at < timedelta(days=team.pool_reclaim_days):
        return "pool-reclaim-banned"
    return None
