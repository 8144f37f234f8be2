"""The gate: anyone not registered (or deactivated) gets one polite sentence and nothing else."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from sales.people.model import User


class Unregistered(Filter):
    """True when the update's sender is not an active member."""

    async def __call__(self, _event: Any, actor: User | None = None) -> bool:
        return actor is None


def gate_router() -> Router:
    """Placed after onboarding and before every other router."""
    router = Router(name="gate")
    router.message.register(on_private, Unregistered(), F.chat.type == ChatType.PRIVATE)
    router.message.register(on_private, Unregistered(), F.text.regexp(r"^/bind(@\w+)?(\s|$)"))
    router.message.register(on_ignored, Unregistered())
    router.callback_query.register(on_callback, Unregistered())
    return router


async def on_private(message: Message, t: Translator) -> None:
    await message.answer(t("gate-unregistered"))


async def on_ignored(_message: Message) -> None:
    """Group chatter from non-members: no answer, and no other router sees it."""


async def on_callback(callback: CallbackQuery, t: Translator) -> None:
    await callback.answer(t.raw("gate-unregistered"), show_alert=True)
