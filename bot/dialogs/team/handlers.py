"""Team actions: create a team, make invite links. Rights are checked in `sales.teams`."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from bot.dialogs.common import clear_notice, ctx, tell_user
from bot.dialogs.team.states import (
    HANDOVER_COUNT,
    HANDOVER_FROM,
    HANDOVER_TO_NAME,
    INVITE_DAYS,
    INVITE_LINK,
    INVITE_ROLE,
    TEAM_ID,
    TeamSG,
    W,
)
from bot.refusals import item_id, refusals
from sales.people import use_cases as teams
from sales.people.model import NewTeam, Role
from sales.prospects import use_cases as prospecting


@refusals
async def on_pick(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """Open a team from the list; a forged id is refused like a missing team."""
    c = ctx(manager)
    team = await teams.lead_team(c.uow, c.me(), item_id(item, "team-not-found"))
    clear_notice(manager)
    manager.dialog_data[TEAM_ID] = team.id
    await manager.switch_to(TeamSG.team)


@refusals
async def on_new_name(message: Message, _w: MessageInput, manager: DialogManager) -> None:
    """Create a team with the deployment's default timezone, country and language."""
    c = ctx(manager)
    defaults = c.data["defaults"]
    team = await teams.create_team(
        c.uow, c.me(), NewTeam(message.text or "", defaults.timezone, defaults.country,
                               defaults.language), c.now())
    clear_notice(manager)
    manager.dialog_data[TEAM_ID] = team.id
    await manager.switch_to(TeamSG.team)


@refusals
async def on_invite(_cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """A fresh single-use link for the role on the button."""
    c = ctx(manager)
    role = Role.MANAGER if button.widget_id == W.INVITE_MANAGER else Role.REP
    invite = await teams.create_invite(c.uow, c.me(), manager.dialog_data[TEAM_ID], role, c.now())
    clear_notice(manager)
    manager.dialog_data.update({
        INVITE_LINK: invite_link(c.data["bot_username"], invite.token),
        INVITE_ROLE: role.value,
        INVITE_DAYS: teams.INVITE_DAYS_DEFAULT,
    })
    await manager.switch_to(TeamSG.invite)


def invite_link(username: str, token: str) -> str:
    """Telegram's deep link that opens the bot with `/start <token>`."""
    return f"https://t.me/{username}?start={token}"


async def on_handover_from(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                           ) -> None:
    manager.dialog_data[HANDOVER_FROM] = int(item)
    await manager.switch_to(TeamSG.handover_to)


@refusals
async def on_handover_to(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                         ) -> None:
    """Move every prospect with its history; the new owner is told."""
    c = ctx(manager)
    moved, target = await prospecting.hand_over_all(
        c.uow, c.me(), manager.dialog_data[TEAM_ID], manager.dialog_data[HANDOVER_FROM],
        int(item), c.now())
    manager.dialog_data.update({HANDOVER_COUNT: moved, HANDOVER_TO_NAME: target.display_name})
    await tell_user(manager, target, "team-handover-told", count=moved,
                    by=c.me().display_name)
    await manager.switch_to(TeamSG.handover_done)
