"""Buttons under pushed messages (agenda, reminders): open a card, record the visit, snooze."""

from __future__ import annotations

from aiogram import Router
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.config import DefaultsSection
from bot.dialogs.prospect.states import PROSPECT_ID, ProspectSG
from bot.dialogs.visit.states import PROSPECT_ID as VISIT_PROSPECT
from bot.dialogs.visit.states import VisitSG
from bot.i18n import Translator
from bot.jobs.rhythm import ReminderCb
from bot.refusals import reply_refusals
from sales.kernel.clock import Clock, local_now
from sales.people.model import User
from sales.rhythm import rules as rhythm
from sales.rhythm import use_cases as agenda
from sales.uow import UnitOfWork
from sales.visits import use_cases as visits


def reminders_router() -> Router:
    """Placed before the dialogs: these buttons belong to no dialog window."""
    router = Router(name="reminders")
    router.callback_query.middleware(reply_refusals)  # a refused id: an alert, nothing opened
    router.callback_query.register(on_button, ReminderCb.filter())
    return router


async def on_button(
    callback: CallbackQuery, callback_data: ReminderCb, actor: User, uow: UnitOfWork,
    clock: Clock, t: Translator, defaults: DefaultsSection, dialog_manager: DialogManager,
) -> None:
    """Every id is checked against the actor's scope before anything is shown or changed."""
    if callback_data.action == "open":
        await callback.answer()
        await _open(dialog_manager, ProspectSG.card, {PROSPECT_ID: callback_data.id})
    elif callback_data.action == "done":
        item = await agenda.follow_up_of(uow, actor, callback_data.id)
        await callback.answer()
        await _open(dialog_manager, VisitSG.pick, {VISIT_PROSPECT: item.prospect_id})
    else:
        await _snooze(callback, callback_data, actor, uow, clock, t, defaults)


async def _open(manager: DialogManager, state: State, data: dict[str, int]) -> None:
    """A fresh dialog below the pushed message (whatever was open is closed, data kept)."""
    await manager.start(state, data=data, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def _snooze(callback: CallbackQuery, data: ReminderCb, actor: User, uow: UnitOfWork,
                  clock: Clock, t: Translator, defaults: DefaultsSection) -> None:
    """An hour later, or tomorrow at the agenda time (the rep's local time)."""
    tz = await visits.user_timezone(uow, actor, defaults.timezone)
    choice: rhythm.SnoozeChoice = "hour" if data.action == "hour" else "tomorrow"
    until = await agenda.snooze(uow, actor, data.id, choice, clock(), tz)
    local = local_now(tz, until)
    await callback.answer(t.raw("reminder-snoozed", at=local.strftime("%Y-%m-%d %H:%M")))
