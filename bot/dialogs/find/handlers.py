"""Search and list actions: open a card, start a pre-filled new prospect, set filters."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Data, DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot.dialogs.common import ctx
from bot.dialogs.find.states import MINE, QUERY, FindSG
from bot.dialogs.newprospect.states import PREFILL, NewProspectSG
from bot.dialogs.prospect.states import PROSPECT_ID, ProspectSG
from bot.refusals import item_id, refusals
from sales.prospects import use_cases as prospecting
from sales.prospects.matching import parse_quick_line

QUERY_MAX = 200


async def on_start(start_data: Data, manager: DialogManager) -> None:
    """Typed text arrives as start data: show its results at once."""
    data = start_data if isinstance(start_data, dict) else {}
    if data.get(QUERY):
        manager.dialog_data[QUERY] = str(data[QUERY])[:QUERY_MAX]
        await manager.switch_to(FindSG.results)
    elif data.get(MINE):
        await manager.switch_to(FindSG.mine)


async def on_query(message: Message, _w: Any, manager: DialogManager) -> None:
    manager.dialog_data[QUERY] = (message.text or "")[:QUERY_MAX]
    await manager.switch_to(FindSG.results)


@refusals
async def on_open(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    await manager.start(ProspectSG.card, data={PROSPECT_ID: item_id(item, "prospect-not-found")})


async def on_offer(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """'New prospect from this': name, phone and the rest of the line pre-fill the form."""
    c = ctx(manager)
    region = await prospecting.region_of(c.uow, c.me())
    quick = parse_quick_line(manager.dialog_data.get(QUERY, ""), region)
    await manager.start(NewProspectSG.name, data={PREFILL: {
        "name": quick.name, "phone": quick.phone, "notes": quick.rest or None}})


def on_filter(key: str) -> Any:
    """A Select handler storing one filter value ('' = all) and returning to the list."""

    async def pick(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
        manager.dialog_data[key] = item or None
        await manager.switch_to(FindSG.mine)

    return pick
