"""Settings actions: each change goes through `sales.teams.update_settings`."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from bot.commands import publish_for_chat
from bot.dialogs.common import clear_notice, ctx
from bot.dialogs.settings.states import WHICH, SettingsSG, W
from bot.i18n import T_KEY
from bot.refusals import refusals
from sales.kernel.errors import Refused
from sales.people import use_cases as teams
from sales.visits import use_cases as visits


@refusals
async def on_language(
    callback: CallbackQuery, _widget: Any, manager: DialogManager, code: str
) -> None:
    """Switch language now: this very screen is redrawn in it, and so is the command list."""
    c = ctx(manager)
    user = await teams.update_settings(c.uow, c.me(), c.now(), language=code)
    t = c.locales.get(user.language or code)
    manager.middleware_data[T_KEY] = t
    if callback.message is not None:
        await publish_for_chat(callback.bot, callback.message.chat.id, t)  # type: ignore[arg-type]
    clear_notice(manager)
    await manager.switch_to(SettingsSG.main)


@refusals
async def on_timezone_pick(
    _callback: CallbackQuery, _widget: Any, manager: DialogManager, zone: str
) -> None:
    """A timezone from the short list."""
    await _set_timezone(manager, zone)


@refusals
async def on_timezone_text(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    """A typed IANA name such as Europe/Paris; anything else gets a re-prompt."""
    await _set_timezone(manager, (message.text or "").strip())


async def _set_timezone(manager: DialogManager, zone: str) -> None:
    c = ctx(manager)
    await teams.update_settings(c.uow, c.me(), c.now(), timezone=zone)
    clear_notice(manager)
    await manager.switch_to(SettingsSG.main)


async def on_pick_which(_cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Morning agenda or evening check: which time the next window sets."""
    manager.dialog_data[WHICH] = "evening" if button.widget_id == W.EVENING else "agenda"
    await manager.switch_to(SettingsSG.times)


@refusals
async def on_time_pick(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    await _set_time(manager, item)


@refusals
async def on_time_text(message: Message, _w: MessageInput, manager: DialogManager) -> None:
    """A typed local time such as 7:45."""
    await _set_time(manager, (message.text or "").strip())


async def _set_time(manager: DialogManager, text: str) -> None:
    c = ctx(manager)
    at = visits.parse_time(text)
    if at is None:
        raise Refused("visit-bad-time", value=text)
    await teams.set_push_time(c.uow, c.me(), manager.dialog_data.get(WHICH, "agenda"), at,
                              c.now())
    clear_notice(manager)
    await manager.switch_to(SettingsSG.main)
