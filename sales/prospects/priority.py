"""The 80:20 priority: MAN class, stage and staleness decide who comes first."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sales.kernel.clock import local_today
from sales.prospects.man import CLASS_POINTS, ManClass, verdict
from sales.prospects.model import OPEN_STAGES, Prospect, Stage

STAGE_POINTS: dict[Stage, float] = {
    Stage.NEW: 10.0, Stage.QUALIFIED: 15.0, Stage.APPOINTMENT: 25.0, Stage.MET: 30.0,
    Stage.WON: 0.0, Stage.LOST: 0.0, Stage.DORMANT: 0.0,
}
STALE_CAP_DAYS = 30
PARKED_PRIORITY = 1


def days_since_contact(prospect: Prospect, today: date, tz: str) -> int:
    """Local days since the last contact, or since the card was created if never contacted."""
    last = prospect.last_contact_on or local_today(tz, prospect.created_at)
    return max(0, (today - last).days)


def priority(prospect: Prospect, today: date, tz: str) -> int:
    """80:20 order for 'my prospects': MAN class, then stage, then how long it was left alone."""
    card = prospect.card
    if card.do_not_contact:
        return 0
    if card.stage not in OPEN_STAGES and card.stage is not Stage.WON:
        return PARKED_PRIORITY
    points = verdict(card.man).points
    stale = min(days_since_contact(prospect, today, tz), STALE_CAP_DAYS)
    bonus = stale * points / CLASS_POINTS[ManClass.A]
    return round(points + STAGE_POINTS[card.stage] + bonus)


def by_priority(prospects: Iterable[Prospect], today: date, tz: str) -> list[Prospect]:
    """Highest priority first; among equals the one left alone longest (days in `tz`)."""
    return sorted(
        prospects,
        key=lambda p: (-priority(p, today, tz), -days_since_contact(p, today, tz), p.id),
    )
