"""Card actions; every one re-checks scope in `sales.prospecting`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Data, DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot.dialogs.common import (
    CARD_FIELDS,
    clear_notice,
    ctx,
    edited_field,
    id_parts,
    start_edit,
    tell_user,
    typed_value,
    tz_of,
)
from bot.dialogs.prospect.states import PROSPECT_ID, ProspectSG, W
from bot.dialogs.referrals.states import PROSPECT_ID as REFERRALS_PROSPECT
from bot.dialogs.referrals.states import ReferralsSG
from bot.dialogs.visit.states import PROSPECT_ID as VISIT_PROSPECT
from bot.dialogs.visit.states import VisitSG
from bot.refusals import item_id, item_of, refusals, refusals_on
from sales.kernel.errors import Refused
from sales.prospects import use_cases as prospecting
from sales.prospects.man import Answer
from sales.prospects.model import Stage


async def on_start(start_data: Data, manager: DialogManager) -> None:
    """Remember which card; the getter checks it may be seen."""
    data = start_data if isinstance(start_data, dict) else {}
    manager.dialog_data[PROSPECT_ID] = int(data.get(PROSPECT_ID, 0))


def _id(manager: DialogManager) -> int:
    return int(manager.dialog_data[PROSPECT_ID])


def to(state: State) -> Callable[[CallbackQuery, Button, DialogManager], Awaitable[None]]:
    """A card button that opens another card window: only for a card this person may see
    (a forged or stale press on a missing card gets the card's own refusal)."""

    @refusals_on(ProspectSG.card)
    async def click(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
        c = ctx(manager)
        await prospecting.visible(c.uow, c.me(), _id(manager))
        clear_notice(manager)
        await manager.switch_to(state)

    return click


@refusals
async def on_pick_field(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                        ) -> None:
    if item not in CARD_FIELDS:
        raise Refused("prospect-bad-field", field=item)
    start_edit(manager, item)
    await manager.switch_to(ProspectSG.edit_field)


@refusals
async def on_field_text(message: Message, _w: Any, manager: DialogManager) -> None:
    """Save the new value; a bad one gets a re-prompt and the card stays unchanged."""
    c = ctx(manager)
    field, text = edited_field(manager), typed_value(manager, message.text or "")
    await prospecting.edit(c.uow, c.me(), _id(manager), field, text, c.now(),
                           await tz_of(manager))
    clear_notice(manager)
    await manager.switch_to(ProspectSG.card)


@refusals_on(ProspectSG.card)
async def on_stage(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """Back on the card either way: with the new stage, or with the reason it was refused."""
    c = ctx(manager)
    stage = item_of(Stage, item, "prospect-bad-field")
    await prospecting.set_stage(c.uow, c.me(), _id(manager), stage, c.now())
    await manager.switch_to(ProspectSG.card)


@refusals
async def on_man(_cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Buttons are named like `man_money_yes`: one letter re-answered at a time."""
    c = ctx(manager)
    _, letter, value = id_parts(button.widget_id)
    p = await prospecting.visible(c.uow, c.me(), _id(manager))
    answers = replace(p.card.man, **{letter: item_of(Answer, value, "prospect-bad-answer")})
    await prospecting.set_man(c.uow, c.me(), p.id, answers, c.now())


@refusals
async def on_toggle(_cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    c = ctx(manager)
    flag = {W.MAIL: "direct_mail", W.OPT_OUT: "greetings_opt_out"}.get(
        str(button.widget_id), "do_not_contact")
    await prospecting.toggle(c.uow, c.me(), _id(manager), flag, c.now())


@refusals
async def on_reassign(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """Give the prospect to a teammate, who is told about it."""
    c = ctx(manager)
    prospect, owner = await prospecting.reassign(
        c.uow, c.me(), _id(manager), item_id(item, "prospect-bad-owner"), c.now())
    await tell_user(manager, owner, "prospect-assigned-to-you", name=prospect.card.name,
                    by=c.me().display_name)
    await manager.switch_to(ProspectSG.card)


@refusals
async def on_record_visit(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """Record a contact with the prospect on screen (the pick step is skipped)."""
    c = ctx(manager)
    await prospecting.visible(c.uow, c.me(), _id(manager))
    await manager.start(VisitSG.pick, data={VISIT_PROSPECT: _id(manager)})


@refusals
async def on_referrals(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """The referral chain of the prospect on screen: ask for names, credit an introducer."""
    c = ctx(manager)
    await prospecting.visible(c.uow, c.me(), _id(manager))
    await manager.start(ReferralsSG.chain, data={REFERRALS_PROSPECT: _id(manager)})
