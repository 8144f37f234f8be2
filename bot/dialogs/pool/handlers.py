"""Pool actions: open, claim, assign. Scope, the cap, the ban and the race are in `sales.pool`."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager

from bot.dialogs.common import clear_notice, ctx, tell_user, tz_of
from bot.dialogs.pool.states import DONE_NAME, DONE_TO, PROSPECT_ID, PoolSG
from bot.refusals import item_id, refusals, refusals_on
from sales.pool import use_cases as pool


@refusals
async def on_pick(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """Open one pooled prospect; a forged or taken one is refused as gone."""
    c = ctx(manager)
    found = await pool.pooled(c.uow, c.me(), item_id(item, "pool-gone"))
    clear_notice(manager)
    manager.dialog_data[PROSPECT_ID] = found.prospect.id
    await manager.switch_to(PoolSG.item)


@refusals_on(PoolSG.list)
async def on_claim(_cb: CallbackQuery, _w: Any, manager: DialogManager) -> None:
    """Make it mine; a refusal (cap, ban, someone was faster) shows on the list."""
    c = ctx(manager)
    taken = await pool.claim(c.uow, c.me(), manager.dialog_data[PROSPECT_ID], c.now(),
                             await tz_of(manager))
    manager.dialog_data.update({DONE_NAME: taken.card.name, DONE_TO: ""})
    await manager.switch_to(PoolSG.done)


@refusals_on(PoolSG.list)
async def on_assign(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """A manager gives it to a rep, who is told."""
    c = ctx(manager)
    taken, target = await pool.assign(c.uow, c.me(), manager.dialog_data[PROSPECT_ID],
                                      item_id(item, "prospect-bad-owner"), c.now())
    manager.dialog_data.update({DONE_NAME: taken.card.name, DONE_TO: target.display_name})
    await tell_user(manager, target, "pool-assigned-told", by=c.me().display_name,
                    name=taken.card.name)
    await manager.switch_to(PoolSG.done)
