"""Team actions: create a team, make invite links. Rights are checked in `sales.teams`."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from bot.dialogs.common import clear_notice, ctx, tell_user
from bot.dialogs.team.states import (
    GREETING_LEAD,
    HANDOVER_COUNT,
    HANDOVER_FROM,
    HANDOVER_TO_NAME,
    INVITE_DAYS,
    INVITE_LINK,
    INVITE_ROLE,
    LEAVER,
    LEAVER_MOVED,
    LEAVER_TO_NAME,
    SETTING,
    TEAM_ID,
    TeamSG,
    W,
)
from bot.refusals import item_id, refusals, refusals_on
from sales.kernel.errors import Refused
from sales.people import rules as people
from sales.people import use_cases as teams
from sales.people.model import NewTeam, Role
from sales.pool import use_cases as pool
from sales.prospects import use_cases as prospecting
from sales.roster import use_cases as roster


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


@refusals
async def on_setting(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """Ask for one setting; a forged name is refused."""
    if item not in (*people.TEAM_SETTINGS, GREETING_LEAD):
        raise Refused("team-bad-setting", value=item)
    clear_notice(manager)
    manager.dialog_data[SETTING] = item
    await manager.switch_to(TeamSG.setting_edit)


@refusals
async def on_setting_text(message: Message, _w: MessageInput, manager: DialogManager) -> None:
    """Save the typed value; a bad one re-prompts with what was wrong."""
    c = ctx(manager)
    name, raw = str(manager.dialog_data[SETTING]), message.text or ""
    if name == GREETING_LEAD:
        await roster.set_greeting_lead(c.uow, c.me(), raw, c.now())
    else:
        await teams.set_team_setting(c.uow, c.me(), manager.dialog_data[TEAM_ID], name, raw,
                                     c.now())
    clear_notice(manager)
    await manager.switch_to(TeamSG.settings)


async def on_leaver(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    manager.dialog_data[LEAVER] = item_id(item, "team-bad-member")
    await manager.switch_to(TeamSG.heir)


@refusals_on(TeamSG.leaver)
async def on_heir(_cb: CallbackQuery, widget: Any, manager: DialogManager, item: str = ""
                  ) -> None:
    """Deactivate the rep; their prospects go to the heir picked, or to the pool."""
    c = ctx(manager)
    heir = None if widget.widget_id == W.TO_POOL else item_id(item, "prospect-bad-owner")
    _left, moved, target = await pool.deactivate(c.uow, c.me(), manager.dialog_data[TEAM_ID],
                                                 manager.dialog_data[LEAVER], c.now(), heir)
    manager.dialog_data.update({LEAVER_MOVED: moved,
                                LEAVER_TO_NAME: target.display_name if target else ""})
    if target is not None:
        await tell_user(manager, target, "team-handover-told", count=moved,
                        by=c.me().display_name)
    await manager.switch_to(TeamSG.leaver_done)
