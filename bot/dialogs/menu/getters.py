"""Read-only data for the menu windows."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import ctx
from sales.people import rules as people


async def menu(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Greeting and which entries this person may see."""
    actor = ctx(dialog_manager).me()
    return {
        "name": actor.display_name,
        "role": actor.role.value,
        "has_team": actor.team_id is not None,
        "can_lead": (actor.team_id is not None and people.can_lead(actor, actor.team_id))
        or people.can_manage_teams(actor),
    }
