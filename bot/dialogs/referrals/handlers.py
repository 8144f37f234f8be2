"""Referral steps; every one goes through `sales.referrals`, which checks scope again."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Data, DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot.dialogs.common import clear_notice, ctx, today_of, tz_of
from bot.dialogs.prospect.states import PROSPECT_ID as CARD_ID
from bot.dialogs.prospect.states import ProspectSG
from bot.dialogs.referrals.states import (
    ADDED,
    CONTACT,
    ENTRY,
    LINKED,
    MATCHES,
    PROSPECT_ID,
    RESULT,
    REWARD_ID,
    SOURCE,
    W,
)
from bot.dialogs.referrals.states import ReferralsSG as S
from bot.refusals import item_id, item_of, refusals, set_notice
from sales.prospects.matching import MatchKind
from sales.prospects.model import clean_name
from sales.referrals import use_cases as referrals
from sales.referrals.model import AskAnswer, NameGiven, PaidHow, Source, Trade


async def on_start(start_data: Data, manager: DialogManager) -> None:
    """From a card or the visit flow: a prospect; from a pushed reminder: a reward."""
    data = start_data if isinstance(start_data, dict) else {}
    if data.get(PROSPECT_ID):
        manager.dialog_data[PROSPECT_ID] = int(data[PROSPECT_ID])
    if data.get(REWARD_ID):
        manager.dialog_data[REWARD_ID] = int(data[REWARD_ID])


def _source(manager: DialogManager) -> Source:
    return Source(**manager.dialog_data[SOURCE])


def _entry(manager: DialogManager) -> NameGiven:
    return NameGiven(**manager.dialog_data[ENTRY])


@refusals
async def on_answer(_cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Names given (then name after name), none, or later (a reminder comes back)."""
    c = ctx(manager)
    given = {W.GIVEN: AskAnswer.GIVEN, W.NONE: AskAnswer.NONE}.get(
        str(button.widget_id), AskAnswer.LATER)
    await referrals.answer(c.uow, c.me(), manager.dialog_data[PROSPECT_ID], given, c.now())
    manager.dialog_data[RESULT] = given.value
    if given is AskAnswer.GIVEN:
        manager.dialog_data[SOURCE] = {"prospect_id": manager.dialog_data[PROSPECT_ID]}
        await manager.switch_to(S.name)
    else:
        await manager.switch_to(S.done)


@refusals
async def on_name(message: Message, _w: Any, manager: DialogManager) -> None:
    """Only a real name is needed; phone and 'how they know' come next, both optional."""
    manager.dialog_data[ENTRY] = {"name": clean_name(message.text or "")}
    clear_notice(manager)
    await manager.switch_to(S.phone)


@refusals
async def on_phone(message: Message, _w: Any, manager: DialogManager) -> None:
    """Checked like any card's phone (a bad one is re-asked, the name kept)."""
    c = ctx(manager)
    entry = {**manager.dialog_data[ENTRY], "phone": message.text or ""}
    await referrals.check_name(c.uow, c.me(), _source(manager), NameGiven(**entry),
                               await today_of(manager))
    manager.dialog_data[ENTRY] = entry
    clear_notice(manager)
    await manager.switch_to(S.how)


async def on_all(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """No more names."""
    await manager.switch_to(S.done)


async def on_skip_phone(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await manager.switch_to(S.how)


@refusals
async def on_how(message: Message, _w: Any, manager: DialogManager) -> None:
    """Checked here, against the domain's limit: the name is kept when it is refused."""
    await _check(manager, {**manager.dialog_data[ENTRY], "how_known": message.text})


@refusals
async def on_skip_how(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _check(manager, manager.dialog_data[ENTRY])


async def _check(manager: DialogManager, entry: dict[str, Any]) -> None:
    """The new-prospect duplicate check: a similar name is the rep's call, the same phone is
    linked at once, nothing alike is created. The entry is kept only once it passed."""
    c = ctx(manager)
    _, matches = await referrals.check_name(c.uow, c.me(), _source(manager), NameGiven(**entry),
                                            await today_of(manager))
    manager.dialog_data[ENTRY] = entry
    if matches and all(m.kind is not MatchKind.STRONG for m in matches):
        manager.dialog_data[MATCHES] = [
            [m.candidate.id, f"{m.candidate.name} · {m.candidate.owner}"] for m in matches[:5]]
        await manager.switch_to(S.duplicate)
        return
    await _save(manager, None)


async def _save(manager: DialogManager, link_to: int | None) -> None:
    """One name saved (created or linked), then the next name."""
    c = ctx(manager)
    entry = _entry(manager)
    _, created = await referrals.add_name(c.uow, c.me(), _source(manager), entry, c.now(),
                                          await tz_of(manager), link_to)
    counter = ADDED if created else LINKED
    manager.dialog_data[counter] = manager.dialog_data.get(counter, 0) + 1
    manager.dialog_data.pop(MATCHES, None)
    set_notice(manager, "referrals-name-added" if created else "referrals-name-linked",
               name=entry.name)
    await manager.switch_to(S.name)


@refusals
async def on_link(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    await _save(manager, item_id(item, "referrals-not-duplicate"))


@refusals
async def on_new(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _save(manager, None)


async def on_card(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await manager.start(ProspectSG.card, data={CARD_ID: manager.dialog_data[PROSPECT_ID]})


@refusals
async def on_credit(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """`c12` an introducer contact, `p34` a customer: credited with the team's terms."""
    c = ctx(manager)
    number = item_id(item[1:], "referrals-not-found")
    source = Source(contact_id=number) if item.startswith("c") else Source(prospect_id=number)
    await referrals.credit(c.uow, c.me(), manager.dialog_data[PROSPECT_ID], source, c.now(),
                           await tz_of(manager))
    set_notice(manager, "referrals-credited")
    await manager.switch_to(S.chain)


@refusals
async def on_pick_reward(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                         ) -> None:
    manager.dialog_data[REWARD_ID] = item_id(item, "referrals-not-found")
    await manager.switch_to(S.reward)


@refusals
async def on_paid(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """Paid in cash, by transfer, with a gift or a dinner: the promise is kept."""
    await _settle(manager, item_of(PaidHow, item, "referrals-not-found"))


@refusals
async def on_decline(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _settle(manager, None)


async def _settle(manager: DialogManager, how: PaidHow | None) -> None:
    c = ctx(manager)
    await referrals.settle(c.uow, c.me(), manager.dialog_data[REWARD_ID], how, c.now())
    set_notice(manager, "referrals-settled-ok")
    await manager.switch_to(S.rewards)


@refusals
async def on_override(message: Message, _w: Any, manager: DialogManager) -> None:
    c = ctx(manager)
    await referrals.override(c.uow, c.me(), manager.dialog_data[REWARD_ID], message.text or "",
                             c.now())
    clear_notice(manager)
    await manager.switch_to(S.reward)


@refusals
async def on_policy(message: Message, _w: Any, manager: DialogManager) -> None:
    """'200', '25 USD' or a gift's words; days stay as they are."""
    c = ctx(manager)
    await referrals.set_policy(c.uow, c.me(), message.text or "", c.now())
    set_notice(manager, "referrals-policy-saved")
    await manager.switch_to(S.overview)


@refusals
async def on_pick_contact(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                          ) -> None:
    """Names from an introducer contact: straight to the first name."""
    manager.dialog_data[SOURCE] = {"contact_id": item_id(item, "referrals-not-found")}
    manager.dialog_data[RESULT] = AskAnswer.GIVEN.value
    await manager.switch_to(S.name)


@refusals
async def on_contact_name(message: Message, _w: Any, manager: DialogManager) -> None:
    manager.dialog_data[CONTACT] = clean_name(message.text or "")
    clear_notice(manager)
    await manager.switch_to(S.contact_trade)


@refusals
async def on_contact_trade(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                           ) -> None:
    c = ctx(manager)
    trade = item_of(Trade, item, "referrals-not-found")
    await referrals.add_contact(c.uow, c.me(), manager.dialog_data[CONTACT], trade, None,
                                c.now())
    set_notice(manager, "referrals-contact-added", name=manager.dialog_data[CONTACT])
    await manager.switch_to(S.contacts)
