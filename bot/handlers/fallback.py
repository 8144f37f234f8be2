"""Registered last: whatever no flow understood gets a hint instead of silence."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator


def fallback_router() -> Router:
    router = Router(name="fallback")
    router.message.register(on_message, F.chat.type == ChatType.PRIVATE)
    router.callback_query.register(on_callback)
    return router


async def on_message(message: Message, t: Translator) -> None:
    await message.answer(t("fallback-unknown"))


async def on_callback(callback: CallbackQuery, t: Translator) -> None:
    await callback.answer(t.raw("fallback-button"))
