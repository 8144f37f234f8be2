"""Read-only data for the visit windows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.calendar import calendar_data
from bot.dialogs.common import ctx, today_of, tz_of
from bot.dialogs.visit.handlers import country_of
from bot.dialogs.visit.states import (
    AT,
    DRAFT,
    HITS,
    LETTER,
    NEXT,
    NO_TIME,
    PAST_AT,
    PROPOSED,
    PROSPECT_ID,
    REASON,
    SAVED,
    SUGGESTED,
)
from bot.i18n import Translator, key
from sales.prospects import use_cases as prospecting
from sales.referrals import use_cases as referrals
from sales.referrals.rules import asks_after
from sales.visits import cadence
from sales.visits import use_cases as visits
from sales.visits.model import Channel, Outcome

TIMES = ("09:00", "10:00", "14:00", "16:00")
BACK_LIMIT = "back_limit"  # window data: the earliest day a visit may be backdated to


async def visit(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The prospect, the choices of each step and what has been entered."""
    c = ctx(dialog_manager)
    d = dialog_manager.dialog_data
    today = await today_of(dialog_manager)
    name = ""
    if d.get(PROSPECT_ID):
        name = (await prospecting.visible(c.uow, c.me(), d[PROSPECT_ID])).card.name
    recent = await prospecting.recent(c.uow, c.me(), await tz_of(dialog_manager))
    draft = d.get(DRAFT, {})
    nxt = d.get(NEXT) or {}
    return {
        "name": name, "today": today.isoformat(),
        **calendar_data(today, await country_of(dialog_manager)),
        BACK_LIMIT: (today - timedelta(days=visits.BACKDATE_DAYS)).isoformat(),
        "recent": d.get(HITS) or [(str(p.id), p.card.name) for p in recent],
        "channels": [(ch.value, c.t.raw(key("visit-channel", ch.value))) for ch in Channel],
        "outcomes": [(o.value, c.t.raw(key("visit-outcome", o.value))) for o in Outcome],
        "quick": [(q, c.t.raw(key("visit-quick", q))) for q in cadence.QUICK_CHOICES],
        "times": [(NO_TIME, c.t.raw("visit-no-time"))]
        + ([(d[AT], f"⭐ {d[AT]}")] if d.get(AT) else [])
        + [(t, t) for t in TIMES if t != d.get(AT)],
        "suggested": d.get(SUGGESTED) or "", "past_at": d.get(PAST_AT) or "",
        "reason": c.t.raw(d[REASON]) if d.get(REASON) else "",
        "has_suggestion": bool(d.get(SUGGESTED)),
        "proposed": c.t.raw(key("stage", d[PROPOSED])) if d.get(PROPOSED) else "",
        "letter": d.get(LETTER, "M"),
        "day": draft.get("day", ""), "notes": draft.get("notes") or "",
        "photo": bool(draft.get("photo")), "located": draft.get("lat") is not None,
        "due_on": nxt.get("due_on", ""), "next": _next_line(c.t, nxt),
        "outcome": c.t.raw(key("visit-outcome", draft["outcome"])) if draft.get("outcome")
        else "",
        "ask_referrals": await _ask_referrals(dialog_manager, draft.get("outcome")),
    }


def _next_line(t: Translator, nxt: dict[str, Any]) -> str:
    """'Next: <day> at <time>', 'Next: <day>' or 'No next step' for the closing screen."""
    if not nxt.get("due_on"):
        return t.raw("visit-next-none")
    if nxt.get("due_time"):
        return t.raw("visit-next-at", due_on=nxt["due_on"], due_time=nxt["due_time"])
    return t.raw("visit-next-on", due_on=nxt["due_on"])


async def _ask_referrals(manager: DialogManager, outcome: str | None) -> bool:
    """Once saved, after a good outcome, unless the prospect said 'nobody' lately."""
    d = manager.dialog_data
    if not d.get(SAVED) or not asks_after(outcome):
        return False
    c = ctx(manager)
    return (await referrals.asking(c.uow, c.me(), d[PROSPECT_ID], c.now())).may_ask
