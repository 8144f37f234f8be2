"""Registered last: whatever no flow understood gets a hint instead of silence."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.dialogs.find.states import QUERY, FindSG
from bot.dialogs.visit.states import LATITUDE, LONGITUDE, VisitSG
from bot.i18n import Translator
from sales.people.model import User


def fallback_router() -> Router:
    router = Router(name="fallback")
    router.message.register(on_message, F.chat.type == ChatType.PRIVATE)
    router.callback_query.register(on_callback)
    return router


async def on_message(message: Message, t: Translator, actor: User,
                     dialog_manager: DialogManager) -> None:
    """Plain text outside any flow is a search, a shared location a check-in; anything else
    gets a hint."""
    if message.text and not message.text.startswith("/") and actor.team_id is not None:
        await dialog_manager.start(FindSG.results, data={QUERY: message.text},
                                   mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
        return
    if message.location and actor.team_id is not None:
        await dialog_manager.start(VisitSG.nearby, data={
            LATITUDE: message.location.latitude, LONGITUDE: message.location.longitude},
            mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
        return
    await message.answer(t("fallback-unknown"))


async def on_callback(callback: CallbackQuery, t: Translator) -> None:
    await callback.answer(t.raw("fallback-button"))
