"""Errors never reach users as stack traces: stale buttons reopen the menu, the rest is logged."""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot, Router
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent, Update
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState

from bot.dialogs.menu.states import MenuSG
from bot.i18n import T_KEY, Locales, Translator
from bot.refusals import refusal_text
from sales.kernel.errors import Refused
from sales.people.model import User

log = logging.getLogger(__name__)


def errors_router() -> Router:
    router = Router(name="errors")
    router.errors.register(on_stale, ExceptionTypeFilter(UnknownIntent, OutdatedIntent,
                                                         UnknownState))
    router.errors.register(on_refused, ExceptionTypeFilter(Refused))
    router.errors.register(on_unexpected)
    return router


async def on_stale(
    event: ErrorEvent, bot: Bot, dialog_manager: DialogManager, **data: Any
) -> None:
    """A button whose dialog context is gone (restart, expiry): back to the menu, with a note."""
    log.info("update %s: stale dialog context (%s)", event.update.update_id, event.exception)
    t = _translator(data)
    actor: User | None = data.get("actor")
    if actor is None:
        await tell(bot, event.update, t("gate-unregistered"))
        return
    await tell(bot, event.update, t("errors-stale"))
    await dialog_manager.start(MenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_refused(event: ErrorEvent, bot: Bot, **data: Any) -> None:
    """A refusal no guarded handler caught (e.g. a getter's) is still said politely."""
    exc = event.exception
    assert isinstance(exc, Refused)
    await tell(bot, event.update, refusal_text(_translator(data), exc))


async def on_unexpected(event: ErrorEvent, bot: Bot, **data: Any) -> None:
    """Log with the update id, apologise, keep running."""
    log.error("update %s failed", event.update.update_id, exc_info=event.exception)
    try:
        await tell(bot, event.update, _translator(data)("errors-unexpected"))
    except Exception:  # the apology must not raise again (e.g. Telegram is down)
        log.exception("update %s: could not tell the user", event.update.update_id)


async def tell(bot: Bot, update: Update, text: str) -> None:
    """Answer the update's sender: a callback is acknowledged, then a message is sent."""
    if update.callback_query is not None:
        await bot.answer_callback_query(update.callback_query.id)
        chat = update.callback_query.message.chat.id if update.callback_query.message else None
        if chat is not None:
            await bot.send_message(chat, text)
        return
    if update.message is not None:
        await bot.send_message(update.message.chat.id, text)


def _translator(data: dict[str, Any]) -> Translator:
    """The update's translator; English when the error happened before the middleware ran."""
    t = data.get(T_KEY)
    if isinstance(t, Translator):
        return t
    locales: Locales | None = data.get("locales")
    return locales.get("en") if locales else Locales().get("en")
