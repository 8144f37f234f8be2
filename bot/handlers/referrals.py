"""`/referrals`, and the buttons under referral pushes: open a reward, ask for names."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.dialogs.referrals.states import PROSPECT_ID, REWARD_ID, ReferralsSG
from bot.jobs.referrals import ReferralCb
from bot.refusals import reply_refusals
from sales.kernel.clock import Clock
from sales.people.model import User
from sales.referrals import use_cases as referrals
from sales.uow import UnitOfWork


def referrals_router() -> Router:
    """Placed before the dialogs: these belong to no dialog window."""
    router = Router(name="referrals")
    router.message.middleware(reply_refusals)
    router.callback_query.middleware(reply_refusals)
    router.message.register(on_command, Command("referrals"), F.chat.type == ChatType.PRIVATE)
    router.callback_query.register(on_button, ReferralCb.filter())
    return router


async def on_command(_message: Message, dialog_manager: DialogManager) -> None:
    """The rep's ledger (a manager's: the team's), best introducers and conversion."""
    await dialog_manager.start(ReferralsSG.overview, mode=StartMode.RESET_STACK,
                               show_mode=ShowMode.SEND)


async def on_button(callback: CallbackQuery, callback_data: ReferralCb, actor: User,
                    uow: UnitOfWork, clock: Clock, dialog_manager: DialogManager) -> None:
    """Every id is checked against the actor's scope before anything is opened."""
    if callback_data.action == "reward":
        reward = await referrals.visible_reward(uow, actor, callback_data.id)
        state, data = ReferralsSG.reward, {REWARD_ID: reward.id}
    else:
        view = await referrals.asking(uow, actor, callback_data.id, clock())
        state, data = ReferralsSG.ask, {PROSPECT_ID: view.prospect.id}
    await callback.answer()
    await dialog_manager.start(state, data=data, mode=StartMode.RESET_STACK,
                               show_mode=ShowMode.SEND)
