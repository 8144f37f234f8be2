"""Read-only data for the pool windows."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import ctx, tz_of
from bot.dialogs.pool.states import DONE_NAME, DONE_TO, PROSPECT_ID
from bot.i18n import key
from bot.render import day_text
from sales.kernel.clock import local_today
from sales.people import rules as people
from sales.pool import use_cases as pool
from sales.prospects import man
from sales.prospects import use_cases as prospecting


async def pool_list(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """What waits in the actor's team pool, with the day each came back."""
    c = ctx(dialog_manager)
    team = await pool.team_of(c.uow, c.me())
    tz = await tz_of(dialog_manager)
    found = await pool.waiting(c.uow, c.me())
    items = [(str(p.prospect.id), c.t.raw("pool-item", name=p.prospect.card.name,
                                          since=local_today(tz, p.entry.released_at).isoformat()))
             for p in found]
    return {"items": items, "count": len(items), "cap": team.pool_claim_cap}


async def pool_item(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """One pooled prospect: enough to decide, nothing more (the card opens once claimed)."""
    c = ctx(dialog_manager)
    found = await pool.pooled(c.uow, c.me(), dialog_manager.dialog_data[PROSPECT_ID])
    p, tz = found.prospect, await tz_of(dialog_manager)
    return {
        "name": p.card.name, "stage": c.t.raw(key("stage", p.card.stage.value)),
        "man": man.code(p.card.man), "last": day_text(p.last_contact_on),
        "since": local_today(tz, found.entry.released_at).isoformat(),
        "reason": found.entry.reason.value, "previous": found.previous_owner,
        "can_lead": people.can_lead(c.me(), p.team_id),
    }


async def assign(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """The prospect and the reps it may go to."""
    c = ctx(dialog_manager)
    reps = await prospecting.team_reps(c.uow, c.me())
    return {**await pool_item(dialog_manager, **kwargs),
            "takers": [(str(u.id), u.display_name) for u in reps]}


async def done(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """What just happened."""
    data = dialog_manager.dialog_data
    return {"name": data.get(DONE_NAME, ""), "to": data.get(DONE_TO, ""),
            "assigned": bool(data.get(DONE_TO))}
