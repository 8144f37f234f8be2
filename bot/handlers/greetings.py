"""Buttons under greeting pushes: all sent, one sent, skip one (asks why), open the list.

Every id is checked by the domain against the actor's own cards: a forged id, someone else's
card or a replayed press is a refusal (an alert), never an error."""

from __future__ import annotations

from typing import Any

from aiogram import Router
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.dialogs.greetings.states import CARD_ID, OCCASION, YEAR, GreetingsSG
from bot.i18n import Translator
from bot.jobs.greetings import ALL, OPEN, SENT, SKIP, GreetCb
from bot.refusals import reply_refusals
from sales.greetings import use_cases as greetings
from sales.kernel.clock import Clock
from sales.kernel.errors import Refused
from sales.people.model import User
from sales.uow import UnitOfWork


def greetings_router() -> Router:
    """Placed before the dialogs: these buttons belong to no dialog window."""
    router = Router(name="greetings")
    router.callback_query.middleware(reply_refusals)
    router.callback_query.register(on_button, GreetCb.filter())
    return router


async def on_button(
    callback: CallbackQuery, callback_data: GreetCb, actor: User, uow: UnitOfWork,
    clock: Clock, t: Translator, dialog_manager: DialogManager,
) -> None:
    """Mark at once (an alert says what was done) or open the dialog where a reason is typed."""
    action, card_id = callback_data.action, callback_data.id
    if action == ALL:
        count = await greetings.mark_all_sent_from(uow, actor, card_id, clock())
        await callback.answer(t.raw("greetings-marked-all", count=count), show_alert=True)
    elif action == SENT:
        card = await greetings.mark_sent(uow, actor, card_id, clock())
        await callback.answer(t.raw("greetings-marked-sent", name=card.prospect_name))
    elif action == SKIP:
        await greetings.card(uow, actor, card_id)
        await callback.answer()
        await _open(dialog_manager, GreetingsSG.skip, {CARD_ID: card_id})
    elif action == OPEN:
        card = await greetings.card(uow, actor, card_id)
        await callback.answer()
        await _open(dialog_manager, GreetingsSG.occasion,
                    {OCCASION: card.occasion_key, YEAR: card.year})
    else:
        raise Refused("greetings-card-gone")


async def _open(manager: DialogManager, state: Any, data: dict[str, Any]) -> None:
    """A fresh dialog below the pushed message."""
    await manager.start(state, data=data, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
