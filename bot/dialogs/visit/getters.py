"""Read-only data for the visit windows."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.calendar import calendar_data
from bot.dialogs.common import ctx, today_of, tz_of
from bot.dialogs.visit.handlers import LETTERS, country_of
from bot.dialogs.visit.states import (
    AT,
    AUTO_NEXT,
    CHECKED_IN,
    DRAFT,
    HITS,
    MAN,
    NAME,
    NEAR,
    NEXT,
    NO_TIME,
    PAST_AT,
    PROPOSED,
    PROSPECT_ID,
    REASON,
    SAVED,
    STAGE,
    SUGGESTED,
    UNKNOWN,
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


async def pick(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The rep's recent prospects, or what the search found."""
    c = ctx(dialog_manager)
    d = dialog_manager.dialog_data
    if d.get(HITS):
        return {"recent": d[HITS]}
    recent = await prospecting.recent(c.uow, c.me(), await tz_of(dialog_manager))
    return {"recent": [(str(p.id), p.card.name) for p in recent]}


async def nearby(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Check-in: the nearest stamped prospects with their distance, then recent ones."""
    c = ctx(dialog_manager)
    near = [(str(pid), c.t.raw("visit-near-item", name=name, metres=metres))
            for pid, name, metres in dialog_manager.dialog_data.get(NEAR) or []]
    others = (await pick(dialog_manager))["recent"]
    shown = {pid for pid, _ in near}
    return {"near": near + [(pid, name) for pid, name in others if pid not in shown][:8],
            "no_near": not near}


async def visit(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The prospect, the choices of each step and what has been entered."""
    c = ctx(dialog_manager)
    d = dialog_manager.dialog_data
    today = await today_of(dialog_manager)
    draft = d.get(DRAFT, {})
    nxt = d.get(NEXT) or {}
    return {
        "name": d.get(NAME, ""), "today": today.isoformat(),
        "channel": c.t.raw(key("visit-channel", draft["channel"])) if draft.get("channel")
        else "",
        "day_label": _day_label(c.t, draft.get("day"), today),
        "checked_in": d.get(CHECKED_IN) or "",
        "channels": [(ch.value, c.t.raw(key("visit-channel", ch.value))) for ch in Channel],
        "outcomes": [(o.value, c.t.raw(key("visit-outcome", o.value))) for o in Outcome],
        "quick": [(q, c.t.raw(key("visit-quick", q))) for q in cadence.QUICK_CHOICES],
        "man_toggles": [(letter, c.t.raw("visit-man-toggle", letter=letter,
                                         answer=d[MAN][LETTERS[letter]]))
                        for letter in d.get(UNKNOWN) or []],
        "has_man": bool(d.get(UNKNOWN)),
        "suggested": d.get(SUGGESTED) or "", "past_at": d.get(PAST_AT) or "",
        "reason": c.t.raw(d[REASON]) if d.get(REASON) else "",
        "has_suggestion": bool(d.get(SUGGESTED)),
        **_stage(c.t, d),
        **_times(c.t, d, nxt),
        "day": draft.get("day", ""), "notes": draft.get("notes") or "",
        "amount": f"{draft['amount']} {draft.get('currency', '')}" if draft.get("amount")
        else "",
        "lost_reason": draft.get("reason") or "",
        "photo": bool(draft.get("photo")), "located": draft.get("lat") is not None,
        "has_next": bool(nxt), "due_on": nxt.get("due_on", ""),
        "next": _next_line(c.t, nxt, c.t.raw(d[REASON]) if d.get(AUTO_NEXT) and d.get(REASON)
                           else ""),
        "next_text": nxt.get("text") or "",
        "outcome": c.t.raw(key("visit-outcome", draft["outcome"])) if draft.get("outcome")
        else "",
    }


async def calendar(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """A calendar step: the visit's data, the team's week and the backdating limit."""
    today = await today_of(dialog_manager)
    return {**await visit(dialog_manager),
            **calendar_data(today, await country_of(dialog_manager)),
            BACK_LIMIT: (today - timedelta(days=visits.BACKDATE_DAYS)).isoformat()}


async def done(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The saved visit, and whether to ask for referrals now."""
    draft = dialog_manager.dialog_data.get(DRAFT, {})
    return {**await visit(dialog_manager),
            "ask_referrals": await _ask_referrals(dialog_manager, draft.get("outcome"))}


def _day_label(t: Translator, day: str | None, today: date) -> str:
    """'today (date)', 'yesterday (date)' or the date itself."""
    if not day:
        return ""
    back = (today - date.fromisoformat(day)).days
    words = {0: "visit-on-today", 1: "visit-on-yesterday"}
    return t.raw(words[back], day=day) if back in words else day


def _stage(t: Translator, d: dict[str, Any]) -> dict[str, Any]:
    """The stage change the outcome implies: applied (undo offered) or undone (redo)."""
    proposed = t.raw(key("stage", d[PROPOSED])) if d.get(PROPOSED) else ""
    applied = bool(d.get(STAGE))
    return {"proposed": proposed, "has_stage": bool(proposed), "stage_applied": applied,
            "stage_undone": bool(proposed) and not applied,
            "stage_button": t.raw("visit-undo-stage" if applied else "visit-redo-stage",
                                  proposed=proposed)}


def _times(t: Translator, d: dict[str, Any], nxt: dict[str, Any]) -> dict[str, Any]:
    """Time presets (the prospect's preferred one starred); the chosen one is marked."""
    chosen = nxt.get("due_time") or NO_TIME
    items = ([(NO_TIME, t.raw("visit-no-time"))] + ([(d[AT], f"⭐ {d[AT]}")] if d.get(AT) else [])
             + [(x, x) for x in TIMES if x != d.get(AT)])
    return {"times": [(v, f"• {label}" if v == chosen else label) for v, label in items]}


def _next_line(t: Translator, nxt: dict[str, Any], reason: str = "") -> str:
    """'Next: <day> at <time>', 'Next: <day>' or 'No next step' for the closing screens;
    the cadence's reason while the day is its suggestion."""
    if not nxt.get("due_on"):
        return t.raw("visit-next-none")
    if nxt.get("due_time"):
        line = t.raw("visit-next-at", due_on=nxt["due_on"], due_time=nxt["due_time"])
    else:
        line = t.raw("visit-next-on", due_on=nxt["due_on"])
    return t.raw("visit-next-why", next=line, reason=reason) if reason else line


async def _ask_referrals(manager: DialogManager, outcome: str | None) -> bool:
    """Once saved, after a good outcome, unless the prospect said 'nobody' lately."""
    d = manager.dialog_data
    if not d.get(SAVED) or not asks_after(outcome):
        return False
    c = ctx(manager)
    return (await referrals.asking(c.uow, c.me(), d[PROSPECT_ID], c.now())).may_ask
