"""Read-only data for the menu windows."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import ctx, tz_of
from sales.kernel.clock import local_now
from sales.people import rules as people
from sales.visits import use_cases as visits


async def menu(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Greeting and which entries this person may see."""
    c = ctx(dialog_manager)
    actor = c.me()
    return {
        **await _check_out(dialog_manager),
        "name": actor.display_name,
        "role": actor.role.value,
        "has_team": actor.team_id is not None,
        "can_lead": (actor.team_id is not None and people.can_lead(actor, actor.team_id))
        or people.can_manage_teams(actor),
    }


async def _check_out(manager: DialogManager) -> dict[str, Any]:
    """The rep's open check-in, if any: who and since when (the check-out button)."""
    c = ctx(manager)
    if c.me().team_id is None:
        return {"checked_in": False}
    found = await visits.open_check_in(c.uow, c.me(), c.now())
    if found is None or found[0].checked_in_at is None:
        return {"checked_in": False}
    since = local_now(await tz_of(manager), found[0].checked_in_at)
    return {"checked_in": True, "check_in_name": found[1].card.name,
            "check_in_since": f"{since:%H:%M}"}
