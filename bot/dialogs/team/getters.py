"""Read-only data for the team windows."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import ctx
from bot.dialogs.team.states import (
    HANDOVER_COUNT,
    HANDOVER_FROM,
    HANDOVER_TO_NAME,
    INVITE_DAYS,
    INVITE_LINK,
    INVITE_ROLE,
    TEAM_ID,
)
from sales.people import rules as people
from sales.people import use_cases as teams
from sales.people.model import Role


async def team_list(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The teams this person may lead."""
    c = ctx(dialog_manager)
    found = await teams.teams_for(c.uow, c.me())
    return {
        "teams": [(str(team.id), team.name) for team in found],
        "count": len(found),
        "is_admin": people.can_manage_teams(c.me()),
    }


async def team_card(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """One team's settings and head count."""
    c = ctx(dialog_manager)
    team = await teams.lead_team(c.uow, c.me(), dialog_manager.dialog_data[TEAM_ID])
    members = await teams.list_members(c.uow, c.me(), team.id)
    return {
        "team": team.name, "timezone": team.timezone, "country": team.country,
        "language": team.language, "members": sum(m.user.active for m in members),
        "bound": "yes" if team.digest_chat_id is not None else "no",
    }


async def invite(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """The invite link just made."""
    data = dialog_manager.dialog_data
    return {**await team_card(dialog_manager, **kwargs), "link": data[INVITE_LINK],
            "role": data[INVITE_ROLE], "days": data[INVITE_DAYS]}


async def members(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """Who joined, one line each (user text: the translator escapes it)."""
    c = ctx(dialog_manager)
    found = await teams.list_members(c.uow, c.me(), dialog_manager.dialog_data[TEAM_ID])
    lines = [
        c.t.raw("team-member-line", name=m.user.display_name, role=m.user.role.value,
                active="yes" if m.user.active else "no")
        for m in found
    ]
    return {**await team_card(dialog_manager, **kwargs), "list": "\n".join(lines) or "-"}


async def handover(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """Who can give (anyone who ever joined) and who can take (active members) prospects."""
    c = ctx(dialog_manager)
    data = dialog_manager.dialog_data
    found = await teams.list_members(c.uow, c.me(), data[TEAM_ID])
    people = [m.user for m in found if m.user.role is not Role.ADMIN]
    return {
        **await team_card(dialog_manager, **kwargs),
        "givers": [(str(u.id), u.display_name) for u in people],
        "takers": [(str(u.id), u.display_name) for u in people
                   if u.active and str(u.id) != str(data.get(HANDOVER_FROM))],
        "moved": data.get(HANDOVER_COUNT, 0), "to": data.get(HANDOVER_TO_NAME, ""),
    }
